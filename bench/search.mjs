// Archive search, side by side: okuma against MiniSearch, FlexSearch and
// Pagefind on the same documents and the same 50 queries, in one headless
// Chromium (Debian's, through playwright-core), each engine in a fresh
// browser context per run, engines interleaved within a run. Prints medians
// of RUNS runs as a markdown table, with okuma's ratio to each peer, and
// writes every figure to target/bench/search.json.
//
// Corpus: `okuma gen --entries 10000 --seed 7` (target/bench/gen10k/),
// served to okuma's release build (dist/, or the build in $OKUMA_DIST) as
// /data/. The peers get the same
// text as one document per (entry, language): title, summary, body and the
// names of the entities the entry mentions (bench/search/corpus.mjs). All
// of it is served by scripts/serve.mjs with gzip, so transfer sizes are
// compressed bytes; Pagefind's own files are gzip already and go as they
// are. Queries and behaviour probes: bench/search/queries.mjs.
//
// Figures per engine and run:
//   transfer     bytes on the wire (CDP Network, headers included) from
//                navigation start until the first query's top 10 is shown
//   index ready  navigation start → index built (MiniSearch, FlexSearch:
//                fetch all documents, build in the page); Pagefind and
//                okuma load lazily, so for them only "1st result" applies
//   1st result   navigation start (page loaded with ?q=<first query>) → the
//                first animation frame after its results are in the DOM
//   query        engine time per query, measured in the page around the
//                search call (okuma: its `okuma:search` measure; peers:
//                `bench:search`, for Pagefind search() plus data() of the
//                top 10), for the 50 queries after all were run once (warm);
//                median and p95
//   keystroke    the query minus its last character is filled in and its
//                results awaited, then the last character is typed (a real
//                key event); keydown → first animation frame after the
//                results for the full query are in the DOM; median and p95
//   JS heap      CDP Performance.getMetrics JSHeapUsedSize after all
//                queries and a forced garbage collection
//   wasm memory  linear memory of the page's wasm modules: okuma's (from
//                Trunk's TrunkApplicationStarted event), Pagefind's (caught
//                at WebAssembly.instantiate); outside the JS heap
//   misses       behaviour probes (Turkish upper case, no diacritics,
//                Russian case ending, ё as е, a typo) whose expected
//                documents are all missing from the top 10
//
// Every page keeps one contract (okuma's archive page; the peer pages in
// bench/search/pages/ copy it): input#archive-search, results in #results
// as `li > a`, #results[data-query] set to the query once its results are
// in the DOM, and a ?q= parameter that searches at once.
//
//   node bench/search.mjs                 all engines, RUNS=3 (~15 min)
//   RUNS=5 node bench/search.mjs
//   QUICK=1 node bench/search.mjs         one run
//   ENGINES=okuma,minisearch node bench/search.mjs
//   FLEX_TOKENIZE=strict …                FlexSearch without prefixes (faster build)
//   OKUMA_DIST=/path node bench/search.mjs  okuma's build from elsewhere than dist/
//
// The first run also writes the peers' files (target/bench/peers/: all
// documents as one gzip'd JSON, and the Pagefind bundle, ~5 min), those
// the chosen engines need; later runs reuse them while the archive is
// unchanged.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DIST, start } from '../e2e/harness.mjs';
import { ARCHIVE, PEERS, archiveDigest, documents, ensureArchive, ensurePeers } from './search/corpus.mjs';
import { buildQueries } from './search/queries.mjs';

const started = Date.now();
const QUICK = process.env.QUICK === '1';
const RUNS = Math.max(1, Number(process.env.RUNS ?? (QUICK ? 1 : 3)));
const ALL = ['okuma', 'minisearch', 'flexsearch', 'pagefind'];
const ENGINES = (process.env.ENGINES ?? ALL.join(','))
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
for (const e of ENGINES) if (!ALL.includes(e)) throw new Error(`ENGINES: unknown engine ${e} (known: ${ALL.join(', ')})`);
const FLEX_TOKENIZE = process.env.FLEX_TOKENIZE ?? 'forward';
const OKUMA_TIMEOUT = Number(process.env.OKUMA_TIMEOUT ?? 60_000);
const OUT = 'target/bench/search.json';
const log = (...args) => console.error(...args);

const version = (pkg) => JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version;
const enc = encodeURIComponent;
const DEFS = {
  okuma: {
    label: 'okuma',
    url: (lang, q) => `/${lang}/?q=${enc(q)}`,
    measure: 'okuma:search',
    firstTimeout: OKUMA_TIMEOUT,
  },
  minisearch: {
    label: `MiniSearch ${version('minisearch')}`,
    url: (lang, q) => `/bench/minisearch.html?lang=${lang}&q=${enc(q)}`,
    measure: 'bench:search',
    firstTimeout: 20 * 60_000,
  },
  flexsearch: {
    label: `FlexSearch ${version('flexsearch')}`,
    url: (lang, q) => `/bench/flexsearch.html?lang=${lang}&tokenize=${enc(FLEX_TOKENIZE)}&q=${enc(q)}`,
    measure: 'bench:search',
    firstTimeout: 20 * 60_000,
  },
  pagefind: {
    label: `Pagefind ${version('pagefind')}`,
    url: (lang, q) => `/bench/pagefind.html?lang=${lang}&q=${enc(q)}`,
    measure: 'bench:search',
    firstTimeout: 5 * 60_000,
  },
};

// Runs in every page before its own scripts: what the harness reads back.
const INIT_SCRIPT = `(() => {
  const norm = (s) => (s ?? '').trim().replace(/\\s+/g, ' ');
  const results = () => document.getElementById('results');
  const B = (window.__b = { first: null, firstDom: null, keydownAt: null, armed: null });
  B.is = (q) => { const el = results(); return !!el && el.hasAttribute('data-query') && norm(el.getAttribute('data-query')) === norm(q); };
  // Wasm linear memories: Trunk's loader announces okuma's wasm exports;
  // any other module (Pagefind's) is caught where it is instantiated.
  B.memories = new Set();
  addEventListener('TrunkApplicationStarted', (e) => { const m = e.detail?.wasm?.memory; if (m) B.memories.add(m); });
  const grab = (result) => {
    for (const v of Object.values((result?.instance ?? result)?.exports ?? {})) if (v instanceof WebAssembly.Memory) B.memories.add(v);
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = function (...args) { return original.apply(this, args).then(grab); };
  }
  B.wasmBytes = () => (B.memories.size ? [...B.memories].reduce((sum, m) => sum + m.buffer.byteLength, 0) : null);
  addEventListener('keydown', () => { if (B.keydownAt === null) B.keydownAt = performance.now(); }, true);
  // The first query (?q=): when are its results in the DOM, and painted.
  const expected = new URLSearchParams(location.search).get('q');
  if (expected) {
    const observer = new MutationObserver(() => {
      if (B.firstDom !== null || !B.is(expected)) return;
      B.firstDom = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => { B.first = performance.now(); });
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
  }
  // Keystroke timing: arm(q), then a key; B.armed resolves to keydown → the
  // first frame after q's results are in the DOM (null after 15 s).
  B.arm = (q) => {
    B.keydownAt = null;
    B.armed = new Promise((resolve) => {
      let timer;
      const observer = new MutationObserver(() => {
        if (B.keydownAt === null || !B.is(q)) return;
        observer.disconnect();
        clearTimeout(timer);
        const t0 = B.keydownAt;
        requestAnimationFrame(() => resolve(performance.now() - t0));
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
      timer = setTimeout(() => { observer.disconnect(); resolve(null); }, 15000);
    });
  };
})();`;

const INPUT = 'input#archive-search';

class NotReady extends Error {}

function median(xs) {
  const s = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function p95(xs) {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  return s.length ? s[Math.ceil(0.95 * s.length) - 1] : null;
}

/** Bytes received per request, from CDP; `until(ms)` sums what finished by then. */
function trackNetwork(cdp) {
  const requests = new Map();
  let documentStart = null;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (documentStart === null && e.type === 'Document') documentStart = e.timestamp;
    if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, start: e.timestamp });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
  });
  return {
    until(ms) {
      // performance.now() counts from navigation start, which is when the
      // document request is sent, give or take a millisecond.
      const cut = documentStart + ms / 1000;
      const files = [...requests.values()]
        .filter((r) => r.end !== undefined && r.end <= cut)
        .map((r) => ({ url: new URL(r.url).pathname, bytes: r.bytes }));
      return { total: files.reduce((s, f) => s + f.bytes, 0), files };
    },
  };
}

/** One engine, one run: a fresh context, the first query cold, then the rest. */
async function measure(browser, base, name, queries, probes) {
  const def = DEFS[name];
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 800 } });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  const cdp = await context.newCDPSession(page);
  const net = trackNetwork(cdp);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  let lang = null;

  const waitQuery = (q, timeout) => page.waitForFunction((q) => window.__b.is(q), q, { timeout, polling: 'raf' });

  async function setLang(next) {
    if (lang === next) return;
    if (name === 'okuma') {
      // The reader's own way: the language switcher (a full load otherwise).
      const link = page.locator(`nav.language-switcher a[hreflang="${next}"]`);
      if (await link.count()) await link.first().click();
      else await page.goto(`${base}/${next}/`);
      await page.waitForFunction((l) => document.documentElement.lang === l && location.pathname.startsWith(`/${l}/`), next, { timeout: 30_000 });
      await page.locator(INPUT).waitFor({ timeout: 30_000 });
    } else {
      await page.evaluate((l) => window.__bench.setLang(l), next);
    }
    lang = next;
  }

  try {
    // Cold: load the page with the first query.
    const q0 = queries[0];
    await page.goto(base + def.url(q0.lang, q0.q), { waitUntil: 'commit' });
    lang = q0.lang;
    try {
      await page.waitForFunction(() => window.__b?.first != null, null, { timeout: def.firstTimeout, polling: 100 });
    } catch {
      const hasInput = await page.locator(INPUT).count().catch(() => 0);
      const why = hasInput
        ? `#results[data-query="${q0.q}"] not shown within ${def.firstTimeout / 1000} s`
        : `no ${INPUT} within ${def.firstTimeout / 1000} s`;
      throw new NotReady(errors.length ? `${why}; page errors: ${errors.slice(0, 2).join(' | ')}` : why);
    }
    const cold = await page.evaluate(() => ({ first: window.__b.first, firstDom: window.__b.firstDom, ready: window.__bench?.readyAt ?? null }));
    const transfer = net.until(cold.first);

    // Keystroke to results painted, every query once (this also warms up).
    const keystrokes = [];
    let unsettled = 0;
    for (const q of queries) {
      await setLang(q.lang);
      const chars = [...q.q];
      const last = chars.pop();
      const prefix = chars.join('');
      await page.fill(INPUT, prefix);
      await waitQuery(prefix, 5000).catch(() => unsettled++);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      await page.evaluate((q) => window.__b.arm(q), q.q);
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: last, text: last, unmodifiedText: last });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: last });
      keystrokes.push(await page.evaluate(() => window.__b.armed));
    }

    // Engine time per query, warm.
    const engine = [];
    for (const q of queries) {
      await setLang(q.lang);
      const before = await page.evaluate((m) => performance.getEntriesByName(m, 'measure').length, def.measure);
      await page.fill(INPUT, q.q);
      const answered = await page
        .waitForFunction(
          ([q, m, before]) => window.__b.is(q) && performance.getEntriesByName(m, 'measure').length > before,
          [q.q, def.measure, before],
          { timeout: 30_000, polling: 'raf' },
        )
        .then(() => true, () => false);
      if (!answered) {
        engine.push({ q: q.q, ms: null, error: `no results or no ${def.measure} measure within 30 s` });
        continue;
      }
      engine.push(
        await page.evaluate(
          ([q, m]) => ({
            q,
            ms: performance.getEntriesByName(m, 'measure').at(-1).duration,
            count: document.getElementById('results').getAttribute('data-count'),
            shown: document.querySelectorAll('#results > li').length,
          }),
          [q.q, def.measure],
        ),
      );
    }

    // Memory after all queries.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
    const wasm = await page.evaluate(() => window.__b.wasmBytes());
    // ArrayBuffer backing stores (outside the JS heap; wasm memories are
    // not among them), for the record.
    const usage = await cdp.send('Runtime.getHeapUsage').catch(() => ({}));
    const buffers = usage.backingStorageSize ?? null;

    // Behaviour probes.
    const probeResults = [];
    for (const p of probes) {
      await setLang(p.lang);
      await page.fill(INPUT, p.q);
      const shown = await waitQuery(p.q, 30_000).then(() => true, () => false);
      const hrefs = shown
        ? await page.$$eval('#results > li', (lis) => lis.slice(0, 10).map((li) => li.querySelector('a')?.getAttribute('href') ?? ''))
        : [];
      const slugs = hrefs.map((h) => new URL(h, 'http://x/').pathname.split('/').filter(Boolean).at(-1));
      const expected = new Set(p.expected);
      probeResults.push({ name: p.name, q: p.q, ok: slugs.some((s) => expected.has(s)), top: slugs });
    }

    return {
      transfer: transfer.total,
      files: transfer.files,
      readyMs: cold.ready,
      firstMs: cold.first,
      firstDomMs: cold.firstDom,
      query: {
        median: median(engine.map((e) => e.ms)),
        p95: p95(engine.map((e) => e.ms)),
        each: engine,
        unanswered: engine.filter((e) => e.ms === null).length,
      },
      keystroke: {
        median: median(keystrokes),
        p95: p95(keystrokes),
        each: keystrokes,
        timeouts: keystrokes.filter((k) => k === null).length,
        unsettledPrefixes: unsettled,
      },
      heap,
      wasm,
      buffers,
      misses: probeResults.filter((p) => !p.ok).length,
      probes: probeResults,
      errors,
    };
  } finally {
    await context.close();
  }
}

/** The queries, cached beside the peers' files (deriving them takes ~20 s). */
function loadQueries() {
  const file = `${PEERS}/queries.json`;
  const key = `${archiveDigest()} ${createHash('sha256').update(readFileSync('bench/search/queries.mjs')).digest('hex')}`;
  if (existsSync(file)) {
    const cached = JSON.parse(readFileSync(file, 'utf8'));
    if (cached.key === key) return cached;
  }
  log('deriving the queries from the corpus …');
  const built = { key, ...buildQueries(documents()), documents: documents().length };
  writeFileSync(file, JSON.stringify(built));
  return built;
}

// ---- formatting ----

const fmtBytes = (b) =>
  b === null || b === undefined ? '–' : b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : b >= 1e3 ? `${(b / 1e3).toFixed(1)} kB` : `${b} B`;
const fmtMs = (ms) =>
  ms === null || ms === undefined ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${Math.round(ms)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
const fmtRatio = (a, b) => (a === null || b === null || a === undefined || b === undefined || b === 0 ? '–' : `×${(a / b).toPrecision(2)}`);

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

/** Median over runs of each figure. */
function summarise(runs) {
  const m = (f) => median(runs.map(f));
  return {
    transfer: m((r) => r.transfer),
    readyMs: m((r) => r.readyMs),
    firstMs: m((r) => r.firstMs),
    queryMedian: m((r) => r.query.median),
    queryP95: m((r) => r.query.p95),
    keystrokeMedian: m((r) => r.keystroke.median),
    keystrokeP95: m((r) => r.keystroke.p95),
    heap: m((r) => r.heap),
    wasm: m((r) => r.wasm),
    misses: Math.max(...runs.map((r) => r.misses)),
    keystrokeTimeouts: Math.max(...runs.map((r) => r.keystroke.timeouts)),
    unanswered: Math.max(...runs.map((r) => r.query.unanswered)),
  };
}

// ---- main ----

ensureArchive(log);
// Only what the chosen engines read (the Pagefind bundle takes minutes).
await ensurePeers(log, {
  docs: ENGINES.includes('minisearch') || ENGINES.includes('flexsearch'),
  pagefind: ENGINES.includes('pagefind'),
});
const { queries: queryList, probes, documents: docCount } = loadQueries();
// Grouped by language (okuma switches language through the page), each
// language's queries in file order; the first query is the cold one.
const queries = ['en', 'tr', 'ru'].flatMap((l) => queryList.filter((q) => q.lang === l));

const hasDist = existsSync(`${DIST}/index.html`);
const env = await start({
  dist: hasDist ? DIST : 'bench/search/pages',
  serve: {
    gzip: true,
    mounts: {
      '/data/': ARCHIVE,
      '/bench/': 'bench/search/pages',
      '/peers/': PEERS,
      '/pagefind/': `${PEERS}/pagefind`,
      '/lib/minisearch/': 'node_modules/minisearch/dist/es',
      '/lib/flexsearch/': 'node_modules/flexsearch/dist',
    },
  },
});
const { base, browser } = env;
const chromiumVersion = browser.version();

const results = {};
const notReady = {};
try {
  let engines = [...ENGINES];
  if (engines.includes('okuma') && !hasDist) {
    notReady.okuma = `no ${DIST}/index.html; make build first`;
    engines = engines.filter((e) => e !== 'okuma');
  }
  // A warm-up load (not measured) for the lazily loading engines fills the
  // server's gzip cache and tells whether okuma answers at all.
  for (const name of engines.filter((e) => e === 'okuma' || e === 'pagefind')) {
    log(`${name}: warm-up`);
    try {
      await measureCold(name);
    } catch (err) {
      notReady[name] = err instanceof NotReady ? err.message : `failed: ${err.message.split('\n')[0]}`;
      engines = engines.filter((e) => e !== name);
    }
  }
  for (let run = 1; run <= RUNS; run++) {
    for (const name of engines) {
      const t = Date.now();
      log(`run ${run}/${RUNS}: ${name} …`);
      try {
        (results[name] ??= []).push(await measure(browser, base, name, queries, probes));
      } catch (err) {
        // One engine failing (okuma's search is work in progress) must not
        // take the others' figures with it.
        notReady[name] = err instanceof NotReady ? err.message : `failed: ${err.message.split('\n')[0]}`;
        if (process.env.DEBUG) console.error(err.stack);
        log(`run ${run}/${RUNS}: ${name}: ${notReady[name]}`);
      }
      log(`run ${run}/${RUNS}: ${name} done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
  }
} finally {
  await env.close().catch(() => {});
}

/** Only the cold load with the first query (the warm-up). */
async function measureCold(name) {
  const def = DEFS[name];
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  try {
    const q0 = queries[0];
    await page.goto(base + def.url(q0.lang, q0.q), { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__b?.first != null, null, { timeout: def.firstTimeout, polling: 100 });
  } catch (err) {
    if (err.name !== 'TimeoutError') throw err;
    const hasInput = await page.locator(INPUT).count().catch(() => 0);
    throw new NotReady(hasInput ? `no results for ?q=${queries[0].q} within ${def.firstTimeout / 1000} s` : `no ${INPUT} within ${def.firstTimeout / 1000} s`);
  } finally {
    await context.close();
  }
}

// ---- report ----

const summary = {};
for (const [name, runs] of Object.entries(results)) if (runs.length) summary[name] = summarise(runs);
const lines = [];
lines.push(`## Archive search: okuma and peers (${RUNS} run${RUNS > 1 ? 's' : ''}, medians)`);
lines.push('');
lines.push(
  `Corpus: ${ARCHIVE}, 10,000 entries, ${docCount} documents (entry × language: en, tr, ru); ` +
    `${queries.length} queries, ${probes.length} behaviour probes. Chromium ${chromiumVersion}, gzip level 6.`,
);
lines.push('');
const header = ['engine', 'transfer to 1st result', 'index ready', '1st result', 'query median', 'query p95', 'keystroke→paint median', 'keystroke p95', 'JS heap', 'wasm memory', 'misses'];
const rows = [header];
for (const name of ENGINES) {
  const s = summary[name];
  if (!s) {
    rows.push([DEFS[name].label, `${name}: not ready (${notReady[name] ?? 'no result'})`, ...header.slice(2).map(() => '')]);
    continue;
  }
  rows.push([
    DEFS[name].label,
    fmtBytes(s.transfer),
    name === 'minisearch' || name === 'flexsearch' ? fmtMs(s.readyMs) : 'lazy',
    fmtMs(s.firstMs),
    fmtMs(s.queryMedian) + (s.unanswered ? ` (${s.unanswered} unanswered)` : ''),
    fmtMs(s.queryP95),
    fmtMs(s.keystrokeMedian) + (s.keystrokeTimeouts ? ` (${s.keystrokeTimeouts} timed out)` : ''),
    fmtMs(s.keystrokeP95),
    fmtBytes(s.heap),
    fmtBytes(s.wasm),
    `${s.misses}/${probes.length}`,
  ]);
}
lines.push(table(rows));
if (summary.okuma && ENGINES.some((e) => e !== 'okuma' && summary[e])) {
  const o = summary.okuma;
  const ratioRows = [['okuma ÷ peer', 'transfer to 1st result', '1st result', 'query median', 'query p95', 'keystroke→paint median', 'memory (JS heap + wasm)', 'misses']];
  for (const name of ENGINES.filter((e) => e !== 'okuma' && summary[e])) {
    const p = summary[name];
    ratioRows.push([
      DEFS[name].label,
      fmtRatio(o.transfer, p.transfer),
      fmtRatio(o.firstMs, p.firstMs),
      fmtRatio(o.queryMedian, p.queryMedian),
      fmtRatio(o.queryP95, p.queryP95),
      fmtRatio(o.keystrokeMedian, p.keystrokeMedian),
      fmtRatio((o.heap ?? 0) + (o.wasm ?? 0), (p.heap ?? 0) + (p.wasm ?? 0)),
      `${o.misses} vs ${p.misses}`,
    ]);
  }
  lines.push('');
  lines.push('Ratios (okuma ÷ peer; below ×1 okuma is smaller or faster):');
  lines.push('');
  lines.push(table(ratioRows));
}
const probeRows = [['probe', 'query', ...ENGINES.filter((e) => summary[e]).map((e) => DEFS[e].label)]];
for (const [i, p] of probes.entries()) {
  probeRows.push([p.name, p.q, ...ENGINES.filter((e) => summary[e]).map((e) => (results[e].at(-1).probes[i].ok ? 'found' : 'MISSED'))]);
}
lines.push('');
lines.push('Behaviour probes (a document containing the base word in the top 10):');
lines.push('');
lines.push(table(probeRows));
lines.push('');
lines.push(
  'transfer: compressed bytes on the wire until the first query\'s top 10 is shown. index ready: documents fetched and indexed ' +
    '(MiniSearch, FlexSearch); "lazy": loads what a query needs. 1st result: navigation start to the first painted top 10. ' +
    'query: engine time in the page, warm. keystroke: keydown of a query\'s last letter to the first frame with its results. ' +
    'JS heap after all queries and a GC; wasm memory: linear memory of the page\'s wasm modules (okuma\'s, Pagefind\'s).',
);
for (const [name, why] of Object.entries(notReady)) if (summary[name]) lines.push(`(${name}: ${why} in a later run)`);
console.log(lines.join('\n'));

mkdirSync('target/bench', { recursive: true });
writeFileSync(
  OUT,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      chromium: chromiumVersion,
      runs: RUNS,
      engines: ENGINES,
      flexsearchTokenize: FLEX_TOKENIZE,
      corpus: { archive: ARCHIVE, entries: 10000, documents: docCount },
      queries: queries.map(({ q, lang, kind, base, df }) => ({ q, lang, kind, base, df })),
      probes: probes.map(({ name, lang, q, base, expected }) => ({ name, lang, q, base, expectedDocuments: expected.length })),
      summary,
      notReady,
      results,
      wallSeconds: Math.round((Date.now() - started) / 1000),
    },
    null,
    1,
  ),
);
log(`wrote ${OUT}; ${((Date.now() - started) / 60000).toFixed(1)} min in all`);
