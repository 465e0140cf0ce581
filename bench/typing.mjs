// Typing at a person's pace in okuma's archive: keystroke → results painted
// when the reader pauses between keys (PAUSE ms, 200 by default: a typist's
// pace), with where the time goes: the request to the search worker, its
// reply, and the search docs fetched on the way. bench/search.mjs measures
// the worst case (the key follows the previous results by one frame); this
// is what fetching ahead (the docs of the next letter's results) is for.
//
// Same corpus and queries as bench/search.mjs (target/bench/gen10k, made
// by it). With BASELINE_DIST, a second build is served beside $OKUMA_DIST
// (or dist/) and every query is typed on both, alternating which goes
// first, so whatever drifts weighs on both alike.
//
//   node bench/typing.mjs                          dist/, 30 queries, 200 ms
//   BASELINE_DIST=/path PAUSE=0 N=50 node bench/typing.mjs
import { existsSync } from 'node:fs';
import { DIST, launchBrowser, serve } from '../e2e/harness.mjs';
import { mounts, INIT_SCRIPT, median, p95 } from './search.mjs';
import { ensureArchive, documents } from './search/corpus.mjs';
import { buildQueries } from './search/queries.mjs';

const PAUSE = Number(process.env.PAUSE ?? 200);
const N = Number(process.env.N ?? 50);

// Times each message to and from the search worker, in the page's clock.
const WORKER_LOG = `(() => {
  const Native = window.Worker;
  const log = (window.__workerLog = []);
  window.Worker = function (...args) {
    const worker = new Native(...args);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message) => { log.push(['post', performance.now()]); post(message); };
    worker.addEventListener('message', (e) => log.push(['reply', performance.now(), String(e.data).length]));
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();`;

const builds = [];
if (process.env.BASELINE_DIST) builds.push({ name: 'baseline', dir: process.env.BASELINE_DIST });
builds.push({ name: 'current', dir: DIST });
for (const build of builds) {
  if (!existsSync(`${build.dir}/index.html`)) throw new Error(`${build.name}: no ${build.dir}/index.html (make build first?)`);
}

ensureArchive();
const { queries } = buildQueries(documents());
// Grouped by language: the page is opened in each language once.
const picked = ['en', 'tr', 'ru'].flatMap((lang) => queries.filter((q) => q.lang === lang)).slice(0, N);

const browser = await launchBrowser();
const servers = [];
try {
  for (const build of builds) {
    const site = await serve(build.dir, { gzip: true, mounts: mounts() });
    servers.push(site);
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 800 } });
    await context.addInitScript(INIT_SCRIPT);
    await context.addInitScript(WORKER_LOG);
    const page = await context.newPage();
    const docs = [];
    page.on('requestfinished', (r) => {
      if (/\/search\/[^/]+\/docs\//.test(r.url())) docs.push(r.timing().startTime);
    });
    await page.goto(`${site.base}/en/?q=${encodeURIComponent(picked[0].q)}`);
    await page.waitForFunction(() => window.__b?.first != null, null, { timeout: 60_000 });
    build.page = page;
    build.base = site.base;
    build.lang = picked[0].lang;
    build.cdp = await context.newCDPSession(page);
    build.docs = docs;
    build.samples = [];
  }

  for (const [i, q] of picked.entries()) {
    const order = i % 2 ? [...builds].reverse() : builds;
    for (const build of order) build.samples.push(await keystroke(build, q));
  }
} finally {
  await browser.close();
  for (const site of servers) await site.close();
}

/** The query's prefix typed and shown, a pause, then its last letter. */
async function keystroke(build, q) {
  const { page, cdp, docs } = build;
  if (build.lang !== q.lang) {
    await page.goto(`${build.base}/${q.lang}/?q=${encodeURIComponent(q.q)}`);
    await page.waitForFunction((q) => window.__b.is(q), q.q, { timeout: 60_000, polling: 100 });
    build.lang = q.lang;
  }
  const chars = [...q.q];
  const last = chars.pop();
  const prefix = chars.join('');
  await page.fill('input#archive-search', prefix);
  await page.waitForFunction((p) => window.__b.is(p), prefix, { timeout: 10_000, polling: 'raf' }).catch(() => {});
  await page.waitForTimeout(PAUSE);
  await page.evaluate((q) => { window.__workerLog.length = 0; window.__b.arm(q); }, q.q);
  const before = docs.length;
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: last, text: last, unmodifiedText: last });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: last });
  const total = await page.evaluate(() => window.__b.armed);
  const { log, at, origin } = await page.evaluate(() => ({ log: window.__workerLog.slice(), at: window.__b.keydownAt, origin: performance.timeOrigin }));
  // The biggest reply is the view; docs fetched between the key and it
  // were waited for.
  const view = log.filter(([kind]) => kind === 'reply').sort((a, b) => b[2] - a[2])[0];
  const viewAt = view ? view[1] - at : null;
  const keyEpoch = origin + at;
  const waited = docs.slice(before).filter((t) => t >= keyEpoch && (viewAt === null || t <= keyEpoch + viewAt)).length;
  const posted = log.find(([kind]) => kind === 'post');
  return { q: q.q, total, posted: posted ? posted[1] - at : null, reply: viewAt, waited };
}

const fmt = (ms) => (ms === null || ms === undefined ? '–' : `${ms.toFixed(1)} ms`);
console.log(`Typing in the archive: keystroke → results painted after a ${PAUSE} ms pause (${picked.length} queries in en, tr, ru${builds.length > 1 ? ', builds alternating' : ''}):`);
console.log('  build                         median     p95        request posted  view replied  keys that waited for docs');
for (const build of builds) {
  const s = build.samples;
  const totals = s.map((x) => x.total);
  const line = [
    `  ${build.name} (${build.dir})`.padEnd(30),
    fmt(median(totals)).padEnd(10),
    fmt(p95(totals)).padEnd(10),
    fmt(median(s.map((x) => x.posted))).padEnd(15),
    fmt(median(s.map((x) => x.reply))).padEnd(13),
    `${s.filter((x) => x.waited > 0).length}/${s.length}`,
  ];
  console.log(line.join(' '));
}
