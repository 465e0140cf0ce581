// First sentence painted: the app's pre-rendered article page against a
// static page of the same article, side by side in one run, interleaved
// (app, static; then static, app; …), RUNS loads of each (default 15) in
// each of two profiles, every load in a fresh browser context:
//
//   localhost  no throttling, desktop viewport 1200×800
//   phone      150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4×,
//              HTTP cache disabled; Lighthouse's phone viewport (412×823,
//              device scale 1.75, mobile)
//
// Both profiles are served by scripts/serve.mjs with gzip (level 6, kept
// in memory after the warm-up load), so bytes on the wire are compressed.
//
// The pages: the build's pre-rendered `en/entries/<slug>/index.html`
// (dist/, or $OKUMA_DIST; under $OKUMA_BASE_PATH) is copied to
// target/bench/firstpaint/, with `elementtiming="first-paragraph"` added to
// the first <p> of .entry-body, and served in place of the original (a
// mount over the article's address, so the app routes it as it would). The
// static page is that same copy with every <script> and every
// <link rel="modulepreload"|"preload"> removed: the same article, the same
// CSS, no app; it is served from /firstpaint-static/….
//
// Figures per load, from navigation start (performance.timeOrigin):
//   first sentence  the Element Timing entry of the first paragraph
//                   (renderTime: when its text was painted); should an
//                   entry not come, the first animation frame after the
//                   paragraph had a non-empty box while the page was
//                   visible (counted in "rAF fallback")
//   LCP             the last largest-contentful-paint entry (renderTime,
//                   else startTime) until the end of the load
//   CLS             the sum of layout-shift values without recent input,
//                   over the whole load: until the app has taken over
//                   (#okuma-prerendered removed; up to 20 s on the phone,
//                   10 s on localhost) and 500 ms more; for the static page
//                   until the load event and 500 ms more
//   takeover        when #okuma-prerendered was removed (app page only)
//   CSS, wasm       when the stylesheet's and the wasm's responses ended
//                   (Resource Timing), to see what competes with the CSS
//
// Prints medians and p95 per profile and page, the app/static ratio of the
// medians, and whether the goals hold (ratio ≤ 1.3 in both profiles, LCP on
// the phone ≤ 2.5 s, CLS 0). Writes every figure to
// target/bench/firstpaint.json.
//
//   node bench/firstpaint.mjs                  the build in dist/ (make bench builds it)
//   RUNS=5 node bench/firstpaint.mjs
//   PROFILES=phone node bench/firstpaint.mjs   one profile
//   OKUMA_DIST=/path node bench/firstpaint.mjs another build
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DIST, launchBrowser, serve } from '../e2e/harness.mjs';

const SLUG = 'uzbekistan-kazakhstan-strategic-partnership';
const LANG = 'en';
const RUNS = Math.max(1, Number(process.env.RUNS ?? 15));
const BASE = `/${(process.env.OKUMA_BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const WORK = 'target/bench/firstpaint';
const OUT = 'target/bench/firstpaint.json';
const STATIC_PREFIX = '/firstpaint-static/';
const ARTICLE = `${LANG}/entries/${SLUG}/`;
const GOAL = { ratio: 1.3, phoneLcp: 2500, cls: 0 };
const log = (...args) => console.error(...args);

const PROFILES = {
  localhost: {
    label: 'localhost',
    context: { viewport: { width: 1200, height: 800 } },
    takeoverTimeout: 10_000,
  },
  phone: {
    label: 'phone (150 ms RTT, 1.6 Mbit/s, CPU ×4)',
    context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
    network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
    cpu: 4,
    takeoverTimeout: 20_000,
  },
};
const profileNames = (process.env.PROFILES ?? Object.keys(PROFILES).join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const p of profileNames) if (!PROFILES[p]) throw new Error(`PROFILES: unknown profile ${p} (known: ${Object.keys(PROFILES).join(', ')})`);

// ---- the two pages ----

const source = `${DIST}/${ARTICLE}index.html`;
if (!existsSync(source)) throw new Error(`no ${source} (make build first?)`);
const original = readFileSync(source, 'utf8');
if (!original.includes('id="okuma-prerendered"')) throw new Error(`${source} is not a pre-rendered page`);

/** Adds the Element Timing attribute to the first <p> of .entry-body. */
function markFirstParagraph(html) {
  const body = html.search(/<div\b[^>]*\bclass="[^"]*\bentry-body\b[^"]*"[^>]*>/);
  if (body < 0) throw new Error(`${source}: no .entry-body`);
  const p = html.slice(body).search(/<p\b/);
  if (p < 0) throw new Error(`${source}: no <p> in .entry-body`);
  const at = body + p + 2;
  return `${html.slice(0, at)} elementtiming="first-paragraph"${html.slice(at)}`;
}

const appHtml = markFirstParagraph(original);
const staticHtml = appHtml
  .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
  .replace(/<link\b[^>]*\brel=["']?(?:modulepreload|preload)["']?[^>]*>/gi, '');
if (/<script\b/i.test(staticHtml) || /rel=["']?(?:modulepreload|preload)/i.test(staticHtml)) {
  throw new Error('the static page still has a script or a preload');
}
rmSync(WORK, { recursive: true, force: true });
mkdirSync(`${WORK}/app`, { recursive: true });
mkdirSync(`${WORK}/static`, { recursive: true });
writeFileSync(`${WORK}/app/index.html`, appHtml);
writeFileSync(`${WORK}/static/index.html`, staticHtml);

const PAGES = {
  app: { label: 'app (pre-rendered + wasm)', path: `${BASE}${ARTICLE}` },
  static: { label: 'static (same HTML, no scripts)', path: `${BASE}${STATIC_PREFIX.slice(1)}${ARTICLE}` },
};

// ---- in the page ----

// Runs before the page's own scripts: what the bench reads back.
const INIT_SCRIPT = `(() => {
  const B = (window.__fp = { et: null, raf: null, lcp: null, cls: 0, shifts: [], takeover: null, seen: false, loaded: null });
  const observe = (type, cb) => { try { new PerformanceObserver((l) => cb(l.getEntries())).observe({ type, buffered: true }); } catch {} };
  observe('element', (es) => { for (const e of es) if (e.identifier === 'first-paragraph' && B.et === null) B.et = e.renderTime || e.loadTime; });
  observe('largest-contentful-paint', (es) => { for (const e of es) B.lcp = { t: e.renderTime || e.startTime, size: e.size, el: e.element ? e.element.tagName + (e.element.id ? '#' + e.element.id : '') : null }; });
  observe('layout-shift', (es) => { for (const e of es) if (!e.hadRecentInput) { B.cls += e.value; B.shifts.push({ t: e.startTime, v: e.value }); } });
  // The fallback: the first frame after the paragraph has a box, visible.
  const poll = () => {
    const p = document.querySelector('.entry-body p');
    if (p && document.visibilityState === 'visible') {
      const r = p.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) { requestAnimationFrame(() => { B.raf = performance.now(); }); return; }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  // The takeover: #okuma-prerendered seen, then gone.
  const check = () => {
    const there = !!document.getElementById('okuma-prerendered');
    if (there) B.seen = true;
    else if (B.seen && B.takeover === null) { B.takeover = performance.now(); mo.disconnect(); }
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true });
  addEventListener('load', () => { B.loaded = performance.now(); });
})();`;

/** What the page recorded, with the CSS's and wasm's response ends. */
const READ = () => {
  const B = window.__fp;
  const res = performance.getEntriesByType('resource');
  const end = (re) => res.find((r) => re.test(r.name))?.responseEnd ?? null;
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    et: B.et,
    raf: B.raf,
    lcp: B.lcp?.t ?? null,
    lcpElement: B.lcp?.el ?? null,
    cls: B.cls,
    shifts: B.shifts,
    takeover: B.takeover,
    loaded: B.loaded,
    html: nav?.responseEnd ?? null,
    css: end(/\.css(\?|$)/),
    js: end(/\.js(\?|$)/),
    wasm: end(/\.wasm(\?|$)/),
    bytes: res.reduce((s, r) => s + (r.transferSize || 0), nav?.transferSize || 0),
  };
};

// ---- one load ----

async function load(browser, base, profile, kind) {
  const context = await browser.newContext({ locale: 'en-US', ...profile.context });
  try {
    await context.addInitScript(INIT_SCRIPT);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (profile.network) {
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', profile.network);
    }
    if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    await page.goto(base + PAGES[kind].path, { waitUntil: 'load', timeout: 60_000 });
    let timedOut = false;
    if (kind === 'app') {
      await page
        .waitForFunction(() => window.__fp.takeover !== null, null, { timeout: profile.takeoverTimeout, polling: 50 })
        .catch(() => (timedOut = true));
    }
    await page.waitForFunction(() => window.__fp.et !== null || window.__fp.raf !== null, null, { timeout: 10_000, polling: 50 }).catch(() => {});
    await page.waitForTimeout(500);
    const r = await page.evaluate(READ);
    r.first = r.et ?? r.raf;
    r.fallback = r.et === null && r.raf !== null;
    r.timedOut = timedOut;
    r.errors = errors;
    return r;
  } finally {
    await context.close();
  }
}

// ---- statistics and formatting ----

const clean = (xs) => xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
function median(xs) {
  const s = clean(xs);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function p95(xs) {
  const s = clean(xs);
  return s.length ? s[Math.ceil(0.95 * s.length) - 1] : null;
}
const max = (xs) => (clean(xs).length ? clean(xs).at(-1) : null);
const fmtMs = (ms) => (ms === null || ms === undefined ? '–' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtCls = (v) => (v === null || v === undefined ? '–' : v === 0 ? '0' : v.toFixed(4));
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

// ---- main ----

const site = await serve(DIST, {
  gzip: true,
  base: BASE,
  mounts: {
    [`/${ARTICLE}`]: `${WORK}/app`,
    [`${STATIC_PREFIX}${ARTICLE}`]: `${WORK}/static`,
  },
});
const browser = await launchBrowser();
const chromiumVersion = browser.version();
const results = {};
try {
  for (const name of profileNames) {
    const profile = PROFILES[name];
    results[name] = { app: [], static: [] };
    // A warm-up load of each (not measured): the server's gzip cache.
    log(`${name}: warm-up`);
    for (const kind of ['app', 'static']) {
      const r = await load(browser, site.base, profile, kind);
      if (r.first === null) throw new Error(`${name}, ${kind}: the first paragraph was never painted`);
      if (kind === 'app' && r.timedOut) log(`${name}: warm-up: the app did not take over within ${profile.takeoverTimeout / 1000} s`);
      if (r.errors.length) log(`${name}, ${kind}: page errors: ${r.errors.slice(0, 2).join(' | ')}`);
    }
    for (let i = 0; i < RUNS; i++) {
      const turn = i % 2 ? ['static', 'app'] : ['app', 'static'];
      for (const kind of turn) results[name][kind].push(await load(browser, site.base, profile, kind));
      const a = results[name].app.at(-1);
      const s = results[name].static.at(-1);
      log(`${name} ${i + 1}/${RUNS}: app ${fmtMs(a.first)} (takeover ${fmtMs(a.takeover)}), static ${fmtMs(s.first)}`);
    }
  }
} finally {
  await browser.close().catch(() => {});
  await site.close();
}

// ---- report ----

const summary = {};
for (const [name, byKind] of Object.entries(results)) {
  const sum = {};
  for (const [kind, runs] of Object.entries(byKind)) {
    const col = (k) => runs.map((r) => r[k]);
    sum[kind] = {
      firstMedian: median(col('first')),
      firstP95: p95(col('first')),
      lcpMedian: median(col('lcp')),
      lcpP95: p95(col('lcp')),
      clsMax: max(col('cls')),
      takeoverMedian: median(col('takeover')),
      takeoverP95: p95(col('takeover')),
      cssMedian: median(col('css')),
      htmlMedian: median(col('html')),
      wasmMedian: median(col('wasm')),
      bytesMedian: median(col('bytes')),
      fallbacks: runs.filter((r) => r.fallback).length,
      missing: runs.filter((r) => r.first === null).length,
      takeoverTimeouts: runs.filter((r) => r.timedOut).length,
      lcpElements: [...new Set(runs.map((r) => r.lcpElement))],
    };
  }
  sum.ratio = sum.app.firstMedian !== null && sum.static.firstMedian ? sum.app.firstMedian / sum.static.firstMedian : null;
  summary[name] = sum;
}

const lines = [];
lines.push(`## First sentence painted: pre-rendered app page vs static page (${RUNS} runs each, interleaved)`);
lines.push('');
lines.push(`Article: /${ARTICLE} from ${DIST}/; Chromium ${chromiumVersion}; gzip level 6; a fresh context per load.`);
lines.push('');
const rows = [
  ['profile', 'app median', 'app p95', 'static median', 'static p95', 'app/static', 'app LCP median', 'static LCP median', 'app CLS max', 'static CLS max', 'app takeover median'],
];
for (const [name, s] of Object.entries(summary)) {
  rows.push([
    PROFILES[name].label,
    fmtMs(s.app.firstMedian),
    fmtMs(s.app.firstP95),
    fmtMs(s.static.firstMedian),
    fmtMs(s.static.firstP95),
    s.ratio === null ? '–' : `×${s.ratio.toFixed(2)}`,
    fmtMs(s.app.lcpMedian),
    fmtMs(s.static.lcpMedian),
    fmtCls(s.app.clsMax),
    fmtCls(s.static.clsMax),
    fmtMs(s.app.takeoverMedian),
  ]);
}
lines.push(table(rows));
lines.push('');
lines.push('Where the time goes (medians, from navigation start: HTML and CSS response end, wasm response end, bytes transferred):');
lines.push('');
const why = [['profile', 'page', 'HTML', 'CSS', 'wasm', 'bytes', 'LCP element']];
for (const [name, s] of Object.entries(summary)) {
  for (const kind of ['app', 'static']) {
    const k = s[kind];
    why.push([
      PROFILES[name].label,
      kind,
      fmtMs(k.htmlMedian),
      fmtMs(k.cssMedian),
      fmtMs(k.wasmMedian),
      k.bytesMedian === null ? '–' : `${(k.bytesMedian / 1000).toFixed(1)} kB`,
      k.lcpElements.join(', '),
    ]);
  }
}
lines.push(table(why));
const notes = [];
for (const [name, s] of Object.entries(summary)) {
  for (const kind of ['app', 'static']) {
    const k = s[kind];
    if (k.fallbacks) notes.push(`${name}, ${kind}: ${k.fallbacks} load(s) without an Element Timing entry (rAF fallback)`);
    if (k.missing) notes.push(`${name}, ${kind}: ${k.missing} load(s) without a first paint`);
    if (k.takeoverTimeouts) notes.push(`${name}, ${kind}: ${k.takeoverTimeouts} load(s) where the app did not take over in time`);
  }
}
if (notes.length) lines.push('', ...notes);
const ratiosOk = profileNames.every((n) => summary[n].ratio !== null && summary[n].ratio <= GOAL.ratio);
const phoneLcp = summary.phone?.app.lcpMedian ?? null;
const lcpOk = phoneLcp !== null && phoneLcp <= GOAL.phoneLcp;
const appCls = max(profileNames.map((n) => summary[n].app.clsMax));
const clsOk = appCls === GOAL.cls;
lines.push('');
lines.push(
  `Goals: app/static ≤ ×${GOAL.ratio} in ${profileNames.join(' and ')}: ${ratiosOk ? 'yes' : 'NO'} (` +
    profileNames.map((n) => `${n} ×${summary[n].ratio?.toFixed(2) ?? '–'}`).join(', ') +
    `); phone LCP ≤ ${GOAL.phoneLcp / 1000} s: ${summary.phone ? (lcpOk ? 'yes' : 'NO') : 'not measured'} (${fmtMs(phoneLcp)}); ` +
    `CLS 0: ${clsOk ? 'yes' : 'NO'} (max ${fmtCls(appCls)}) → ${ratiosOk && (lcpOk || !summary.phone) && clsOk ? 'all hold' : 'not all hold'}.`,
);
console.log(lines.join('\n'));

mkdirSync('target/bench', { recursive: true });
writeFileSync(
  OUT,
  JSON.stringify({ date: new Date().toISOString(), chromium: chromiumVersion, runs: RUNS, article: ARTICLE, dist: DIST, profiles: PROFILES, summary, results }, null, 1),
);
log(`wrote ${OUT}`);
