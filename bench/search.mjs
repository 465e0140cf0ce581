// Archive search, side by side: okuma against MiniSearch, FlexSearch,
// Pagefind and Orama on the same documents and the same 50 queries, in one
// headless Chromium (Debian's, through playwright-core), each engine in a
// fresh browser context per run, engines interleaved within a run. Prints
// medians of RUNS runs as a markdown table, with okuma's ratio to each peer
// and okuma against its goals, and writes every figure to
// target/bench/search.json.
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
// okuma searches in a Web Worker (search/okuma-search-loader.js, its own wasm);
// the peers on the main thread. What a page's dedicated workers fetch and
// hold is counted with the page's: requests as playwright reports them (it
// follows every worker's Network from its start; a CDP client of the page
// alone does not see a worker's fetches), memory through CDP sessions with
// the page's workers (Target.setAutoAttach on the page's session, messages
// relayed through it).
//
// Figures per engine and run:
//   transfer     bytes on the wire (headers and encoded body: CDP's
//                encodedDataLength) from navigation start until the first
//                query's top 10 is shown, by the page and its workers
//                (okuma's search worker fetches its own script and wasm,
//                the archive's metadata and the index shards itself)
//   index ready  navigation start → index built (MiniSearch, FlexSearch,
//                Orama: fetch all documents, build in the page); Pagefind
//                and okuma load lazily, so for them only "1st result" applies
//   1st result   navigation start (page loaded with ?q=<first query>) → the
//                first animation frame after its results are in the DOM
//   query        engine time per query, measured in the page around the
//                search call (okuma: its `okuma:search` measure, the
//                worker's engine time; peers: `bench:search`, for Pagefind
//                search() plus data() of the top 10), for the 50 queries
//                after all were run once (warm); median and p95
//   keystroke    the query minus its last character is filled in and its
//                results awaited, then the last character is typed (a real
//                key event); keydown → first animation frame after the
//                results for the full query are in the DOM; median and p95
//   JS heap      after all queries and a forced garbage collection: the
//                page's (CDP Performance.getMetrics JSHeapUsedSize) plus its
//                workers' (Runtime.getHeapUsage in each worker: okuma's
//                search worker)
//   wasm memory  linear memory of the wasm modules: okuma's app (from
//                Trunk's TrunkApplicationStarted event) plus okuma's search
//                worker (in the worker, `await wasm_bindgen()` gives its
//                wasm exports, `.memory`), Pagefind's (caught at
//                WebAssembly.instantiate); outside the JS heap
//   misses       behaviour probes (Turkish upper case, no diacritics,
//                Russian case ending, ё as е, a typo) whose expected
//                documents are all missing from the top 10
//
// Goals (okuma alone, printed after the tables): the reading path's app
// (okuma-app-*.wasm and .js, the CSS of $OKUMA_DIST, each brotli-compressed
// by node:zlib at quality 11; the search worker's okuma-search* files are
// printed beside it, outside the goal) ≤ 150 kB; transfer to the 1st
// result ≤ Pagefind's; 1st result ≤ Pagefind's; keystroke→paint median
// ≤ 16 ms and p95 ≤ 33 ms; warm query median ≤ 3× FlexSearch's; JS heap +
// wasm memory ≤ 30 MB (kB and MB are 1,000 and 1,000,000 bytes). A peer
// that is not in this run is taken from the latest run that had it
// (search.json keeps each engine's latest summary), and marked so.
//
// Every page keeps one contract (okuma's archive page; the peer pages in
// bench/search/pages/ copy it): input#archive-search, results in #results
// as `li > a`, #results[data-query] set to the query once its results are
// in the DOM, and a ?q= parameter that searches at once.
//
//   node bench/search.mjs                 all engines, RUNS=3 (~35 min)
//   RUNS=5 node bench/search.mjs
//   QUICK=1 node bench/search.mjs         one run
//   ENGINES=okuma,orama node bench/search.mjs
//   FLEX_TOKENIZE=strict …                FlexSearch without prefixes (faster build)
//   OKUMA_DIST=/path node bench/search.mjs  okuma's build from elsewhere than dist/
//   SHOW_FILES=1 …                        list okuma's files to the 1st result (stderr)
//
// How okuma's cost grows with the archive (1k, 10k, 50k entries, okuma
// alone, with this file's measuring code): bench/scale.mjs.
//
// The first run also writes the peers' files (target/bench/peers/: all
// documents as one gzip'd JSON, and the Pagefind bundle, ~5 min), those
// the chosen engines need; later runs reuse them while the archive is
// unchanged.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { DIST, start } from '../e2e/harness.mjs';
import { ARCHIVE, ENTRIES, PEERS, archiveDigest, documents, ensureArchive, ensurePeers } from './search/corpus.mjs';
import { buildQueries } from './search/queries.mjs';

export const ALL = ['okuma', 'minisearch', 'flexsearch', 'pagefind', 'orama'];
const FLEX_TOKENIZE = process.env.FLEX_TOKENIZE ?? 'forward';
const OKUMA_TIMEOUT = Number(process.env.OKUMA_TIMEOUT ?? 60_000);
const OUT = 'target/bench/search.json';
const log = (...args) => console.error(...args);

const version = (pkg) => JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version;
const enc = encodeURIComponent;
// `builds`: the engine fetches every document and builds its index in the
// page ("index ready" applies, and it reads the peers' documents file).
export const DEFS = {
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
    builds: true,
  },
  flexsearch: {
    label: `FlexSearch ${version('flexsearch')}`,
    url: (lang, q) => `/bench/flexsearch.html?lang=${lang}&tokenize=${enc(FLEX_TOKENIZE)}&q=${enc(q)}`,
    measure: 'bench:search',
    firstTimeout: 20 * 60_000,
    builds: true,
  },
  pagefind: {
    label: `Pagefind ${version('pagefind')}`,
    url: (lang, q) => `/bench/pagefind.html?lang=${lang}&q=${enc(q)}`,
    measure: 'bench:search',
    firstTimeout: 5 * 60_000,
  },
  orama: {
    label: `Orama ${version('@orama/orama')}`,
    url: (lang, q) => `/bench/orama.html?lang=${lang}&q=${enc(q)}`,
    measure: 'bench:search',
    firstTimeout: 20 * 60_000,
    builds: true,
  },
};

/** What the server mounts beside the build: the archive as /data/, the peers' pages, files and libraries. */
export function mounts(archive = ARCHIVE) {
  return {
    '/data/': archive,
    '/bench/': 'bench/search/pages',
    '/peers/': PEERS,
    '/pagefind/': `${PEERS}/pagefind`,
    '/lib/minisearch/': 'node_modules/minisearch/dist/es',
    '/lib/flexsearch/': 'node_modules/flexsearch/dist',
    '/lib/orama/': 'node_modules/@orama/orama/dist/browser',
    '/lib/orama-stemmers/': 'node_modules/@orama/stemmers/dist',
  };
}

// Runs in every page before its own scripts: what the harness reads back.
export const INIT_SCRIPT = `(() => {
  const norm = (s) => (s ?? '').trim().replace(/\\s+/g, ' ');
  const results = () => document.getElementById('results');
  const B = (window.__b = { first: null, firstDom: null, keydownAt: null, armed: null });
  B.is = (q) => { const el = results(); return !!el && el.hasAttribute('data-query') && norm(el.getAttribute('data-query')) === norm(q); };
  // Wasm linear memories: Trunk's loader announces okuma's wasm exports;
  // any other module (Pagefind's) is caught where it is instantiated.
  // (okuma's search worker has its own, read from the worker.)
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

export class NotReady extends Error {}

export function median(xs) {
  const s = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function p95(xs) {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  return s.length ? s[Math.ceil(0.95 * s.length) - 1] : null;
}

/**
 * Bytes received per request until a moment of the load, the page's and its
 * workers': playwright's finished requests (it enables Network in every
 * worker before the worker runs, so it sees a worker's first fetches, which
 * a second CDP client attaching to the worker can miss). A request's bytes
 * are its `sizes()`, headers and encoded body: CDP's encodedDataLength.
 * Which requests the page itself sent is told by the page's own CDP session
 * (by address, in order: the page and the worker may both fetch a file).
 */
function trackNetwork(page, cdp) {
  const finished = [];
  page.on('requestfinished', (r) => finished.push(r));
  const pageSent = new Map(); // requestId → address, as the page's session saw them
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!pageSent.has(e.requestId)) pageSent.set(e.requestId, e.request.url);
  });
  return {
    /** What finished by `ms` after the navigation request was sent (performance.now() counts from about then). */
    async until(ms) {
      const doc = finished.find((r) => r.resourceType() === 'document');
      if (!doc) return { total: 0, files: [] };
      const cut = doc.timing().startTime + ms;
      const ended = finished
        .map((r) => ({ r, t: r.timing() }))
        .filter(({ t }) => t.responseEnd >= 0 && t.startTime + t.responseEnd <= cut)
        .sort((a, b) => a.t.startTime - b.t.startTime);
      const unclaimed = [...pageSent.values()];
      const files = [];
      for (const { r } of ended) {
        const sizes = await r.sizes();
        const i = unclaimed.indexOf(r.url());
        if (i >= 0) unclaimed.splice(i, 1);
        files.push({ url: new URL(r.url()).pathname, bytes: sizes.responseHeadersSize + sizes.responseBodySize, from: i >= 0 ? 'page' : 'worker' });
      }
      return { total: files.reduce((s, f) => s + f.bytes, 0), files };
    },
  };
}

/**
 * The page's workers, for their memory, through the page's CDP session:
 * auto-attach without flatten (playwright's CDPSession talks to one target,
 * so a worker's commands go through Target.sendMessageToTarget and its
 * answers come back as Target.receivedMessageFromTarget).
 */
async function attachWorkers(cdp) {
  const targets = new Map();
  const pending = new Map();
  let nextId = 1;
  const send = (sessionId, method, params = {}) =>
    new Promise((ok, fail) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        fail(new Error(`${method}: no answer from the worker within 10 s`));
      }, 10_000);
      pending.set(id, { ok, fail, timer });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((err) => {
        clearTimeout(timer);
        pending.delete(id);
        fail(err);
      });
    });
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => targets.set(sessionId, targetInfo));
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => targets.delete(sessionId));
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message);
    const p = m.id !== undefined && pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.error) p.fail(new Error(m.error.message));
    else p.ok(m.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return {
    list: () => [...targets].filter(([, t]) => t.type === 'worker').map(([sessionId, t]) => ({ sessionId, url: t.url })),
    send,
  };
}

/**
 * Memory after a forced garbage collection: JS heap of the page and of its
 * workers, and wasm linear memory of the page's modules and of the workers'
 * wasm-bindgen module (okuma's search worker: `await wasm_bindgen()` there
 * answers with its exports, initialised once).
 */
async function memory(page, cdp, workers) {
  for (const w of workers.list()) await workers.send(w.sessionId, 'HeapProfiler.collectGarbage').catch(() => {});
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const pageHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  let workerHeap = null;
  for (const w of workers.list()) {
    const usage = await workers.send(w.sessionId, 'Runtime.getHeapUsage').catch(() => null);
    if (usage) workerHeap = (workerHeap ?? 0) + usage.usedSize;
  }
  const pageWasm = await page.evaluate(() => window.__b.wasmBytes());
  let workerWasm = null;
  for (const worker of page.workers()) {
    const bytes = await worker
      .evaluate(async () => {
        // wasm_bindgen: the worker's global from wasm-bindgen's no-modules glue.
        if (typeof wasm_bindgen !== 'function') return null;
        const exports = await wasm_bindgen();
        return exports?.memory instanceof WebAssembly.Memory ? exports.memory.buffer.byteLength : null;
      })
      .catch(() => null);
    if (bytes !== null) workerWasm = (workerWasm ?? 0) + bytes;
  }
  const sum = (a, b) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
  return { heap: sum(pageHeap, workerHeap), pageHeap, workerHeap, wasm: sum(pageWasm, workerWasm), pageWasm, workerWasm, workers: workers.list().length };
}

/**
 * One engine, one run: a fresh context, the first query cold, then the rest.
 * `probes` may be empty (bench/scale.mjs).
 */
export async function measure(browser, base, name, queries, probes) {
  const def = DEFS[name];
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 800 } });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  const cdp = await context.newCDPSession(page);
  const net = trackNetwork(page, cdp);
  const workers = await attachWorkers(cdp);
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
    const transfer = await net.until(cold.first);

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

    // Memory after all queries (page and workers).
    const mem = await memory(page, cdp, workers);
    // ArrayBuffer backing stores of the page (outside the JS heap; wasm
    // memories are not among them), for the record.
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
      probeResults.push({ name: p.name, q: p.q, ok: slugs.some((s) => expected.has(s)), shown, top: slugs });
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
      ...mem,
      buffers,
      misses: probeResults.filter((p) => !p.ok).length,
      probes: probeResults,
      errors,
    };
  } finally {
    await context.close();
  }
}

/** Only the cold load with the first query (the warm-up: fills the server's gzip cache). */
export async function measureCold(browser, base, name, q0) {
  const def = DEFS[name];
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  try {
    await page.goto(base + def.url(q0.lang, q0.q), { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__b?.first != null, null, { timeout: def.firstTimeout, polling: 100 });
  } catch (err) {
    if (err.name !== 'TimeoutError') throw err;
    const hasInput = await page.locator(INPUT).count().catch(() => 0);
    throw new NotReady(hasInput ? `no results for ?q=${q0.q} within ${def.firstTimeout / 1000} s` : `no ${INPUT} within ${def.firstTimeout / 1000} s`);
  } finally {
    await context.close();
  }
}

/**
 * The queries, cached beside the peers' files (deriving them takes ~20 s),
 * from the 10,000-entry archive: `{ queries, probes, documents }`, the
 * queries grouped by language (okuma switches language through the page),
 * each language's in file order; the first is the cold one.
 */
export function loadQueries() {
  const file = `${PEERS}/queries.json`;
  const key = `${archiveDigest()} ${createHash('sha256').update(readFileSync('bench/search/queries.mjs')).digest('hex')}`;
  let built = null;
  if (existsSync(file)) {
    const cached = JSON.parse(readFileSync(file, 'utf8'));
    if (cached.key === key) built = cached;
  }
  if (!built) {
    log('deriving the queries from the corpus …');
    built = { key, ...buildQueries(documents()), documents: documents().length };
    mkdirSync(PEERS, { recursive: true });
    writeFileSync(file, JSON.stringify(built));
  }
  const queries = ['en', 'tr', 'ru'].flatMap((l) => built.queries.filter((q) => q.lang === l));
  return { queries, probes: built.probes, documents: built.documents };
}

/**
 * Brotli sizes (node:zlib, quality 11) of the build's code: the app of the
 * reading path (okuma-app-*.wasm and .js, the CSS, any wasm-bindgen
 * snippets) and, apart, the search worker (okuma-search*).
 */
export function brotliSizes(dist = DIST) {
  const files = (dir) =>
    readdirSync(join(dist, dir)).flatMap((name) => {
      const path = join(dir, name);
      return statSync(join(dist, path)).isDirectory() ? files(path) : [path];
    });
  const top = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile());
  const snippets = existsSync(join(dist, 'snippets')) ? files('snippets') : [];
  // The search worker's files are under search/ (Trunk's data-target-path).
  const engine = existsSync(join(dist, 'search')) ? files('search') : [];
  const code = (f) => /\.(wasm|js|css)$/.test(f);
  const isWorker = (f) => /(^|\/)okuma-search/.test(f);
  const worker = [...top, ...snippets, ...engine].filter((f) => code(f) && isWorker(f));
  const app = [...top.filter((f) => /^okuma-app-.*\.(wasm|js)$/.test(f) || f.endsWith('.css')), ...snippets.filter((f) => code(f) && !isWorker(f))];
  const sizes = (list) => {
    const each = list.map((f) => {
      const raw = readFileSync(join(dist, f));
      const br = brotliCompressSync(raw, {
        params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      }).length;
      return { file: f, raw: raw.length, br };
    });
    return { total: each.reduce((s, f) => s + f.br, 0), files: each };
  };
  return { app: sizes(app), worker: sizes(worker) };
}

// ---- formatting ----

export const fmtBytes = (b) =>
  b === null || b === undefined ? '–' : b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : b >= 1e3 ? `${(b / 1e3).toFixed(1)} kB` : `${b} B`;
export const fmtMs = (ms) =>
  ms === null || ms === undefined ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${Math.round(ms)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
const fmtRatio = (a, b) => (a === null || b === null || a === undefined || b === undefined || b === 0 ? '–' : `×${(a / b).toPrecision(2)}`);

export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

/** Median over runs of each figure. */
export function summarise(runs) {
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
    pageHeap: m((r) => r.pageHeap),
    workerHeap: m((r) => r.workerHeap),
    wasm: m((r) => r.wasm),
    pageWasm: m((r) => r.pageWasm),
    workerWasm: m((r) => r.workerWasm),
    memory: m((r) => (r.heap === null && r.wasm === null ? null : (r.heap ?? 0) + (r.wasm ?? 0))),
    misses: Math.max(...runs.map((r) => r.misses)),
    keystrokeTimeouts: Math.max(...runs.map((r) => r.keystroke.timeouts)),
    unanswered: Math.max(...runs.map((r) => r.query.unanswered)),
  };
}

/** A one-line account of what a run fetched until its first result, page and workers apart. */
export function describeFiles(files, all = false) {
  const by = (from) => files.filter((f) => f.from === from);
  const part = (from) => `${from} ${by(from).length} files, ${fmtBytes(by(from).reduce((s, f) => s + f.bytes, 0))}`;
  const head = `${files.length} files to the 1st result (${part('page')}; ${part('worker')})`;
  if (!all) return head;
  return [head, ...files.map((f) => `  ${f.from.padEnd(6)} ${String(f.bytes).padStart(8)}  ${f.url}`)].join('\n');
}

// ---- main ----

async function main() {
  const started = Date.now();
  const QUICK = process.env.QUICK === '1';
  const RUNS = Math.max(1, Number(process.env.RUNS ?? (QUICK ? 1 : 3)));
  const ENGINES = (process.env.ENGINES ?? ALL.join(','))
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const e of ENGINES) if (!ALL.includes(e)) throw new Error(`ENGINES: unknown engine ${e} (known: ${ALL.join(', ')})`);

  ensureArchive(log);
  // Only what the chosen engines read (the Pagefind bundle takes minutes).
  await ensurePeers(log, {
    docs: ENGINES.some((e) => DEFS[e].builds),
    pagefind: ENGINES.includes('pagefind'),
  });
  const { queries, probes, documents: docCount } = loadQueries();
  const previous = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) : null;

  const hasDist = existsSync(`${DIST}/index.html`);
  const env = await start({ dist: hasDist ? DIST : 'bench/search/pages', serve: { gzip: true, mounts: mounts(ARCHIVE) } });
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
        await measureCold(browser, base, name, queries[0]);
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
          const r = await measure(browser, base, name, queries, probes);
          (results[name] ??= []).push(r);
          if (run === 1 && name === 'okuma') log(`okuma: ${describeFiles(r.files, process.env.SHOW_FILES === '1')}`);
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

  // ---- report ----

  const summary = {};
  for (const [name, runs] of Object.entries(results)) if (runs.length) summary[name] = summarise(runs);
  const date = new Date().toISOString();
  // Each engine's latest summary, this run's or an earlier one's (for the goals).
  const latest = { ...(previous?.latest ?? {}) };
  if (previous && !previous.latest) {
    for (const [name, s] of Object.entries(previous.summary ?? {})) latest[name] = { date: previous.date, label: DEFS[name]?.label ?? name, summary: s };
  }
  for (const [name, s] of Object.entries(summary)) latest[name] = { date, label: DEFS[name].label, summary: s };

  const lines = [];
  lines.push(`## Archive search: okuma and peers (${RUNS} run${RUNS > 1 ? 's' : ''}, medians)`);
  lines.push('');
  lines.push(
    `Corpus: ${ARCHIVE}, ${ENTRIES.toLocaleString('en')} entries, ${docCount} documents (entry × language: en, tr, ru); ` +
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
      DEFS[name].builds ? fmtMs(s.readyMs) : 'lazy',
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
        fmtRatio(o.memory, p.memory),
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

  // Goals: okuma against fixed figures and against its peers.
  const brotli = hasDist ? brotliSizes(DIST) : null;
  const goals = [];
  if (brotli) {
    goals.push({ goal: 'app brotli (wasm + JS + CSS, reading path)', target: '≤ 150 kB', value: fmtBytes(brotli.app.total), met: brotli.app.total <= 150e3 });
    goals.push({ goal: 'search worker brotli (wasm + JS; not in the goal)', target: '–', value: fmtBytes(brotli.worker.total), met: null });
  }
  const o = summary.okuma;
  if (o) {
    const ref = (name) => {
      const l = latest[name];
      if (!l) return null;
      return { s: l.summary, note: l.date === date ? DEFS[name].label : `${l.label}, run of ${l.date.slice(0, 16).replace('T', ' ')}` };
    };
    const versus = (goal, value, name, pick, factor, fmt) => {
      const r = ref(name);
      const limit = r && pick(r.s) !== null ? factor * pick(r.s) : null;
      goals.push({
        goal,
        target: limit === null ? `${factor === 1 ? '≤' : `≤ ${factor}×`} ${DEFS[name].label}'s (no run of it yet)` : `≤ ${fmt(limit)} (${factor === 1 ? '' : `${factor}× `}${r.note})`,
        value: fmt(value),
        met: limit === null || value === null ? null : value <= limit,
      });
    };
    versus('transfer to 1st result', o.transfer, 'pagefind', (s) => s.transfer, 1, fmtBytes);
    versus('1st result', o.firstMs, 'pagefind', (s) => s.firstMs, 1, fmtMs);
    const fixed = (goal, value, limit, fmt) => goals.push({ goal, target: `≤ ${fmt(limit)}`, value: fmt(value), met: value === null ? null : value <= limit });
    fixed('keystroke→paint median', o.keystrokeMedian, 16, fmtMs);
    fixed('keystroke→paint p95', o.keystrokeP95, 33, fmtMs);
    versus('query median (warm)', o.queryMedian, 'flexsearch', (s) => s.queryMedian, 3, fmtMs);
    fixed('JS heap + wasm memory (page + worker)', o.memory, 30e6, fmtBytes);
  }
  if (goals.length) {
    lines.push('');
    lines.push(`okuma against its goals (${DIST}):`);
    lines.push('');
    lines.push(table([['goal', 'target', 'okuma', 'met'], ...goals.map((g) => [g.goal, g.target, g.value, g.met === null ? '–' : g.met ? 'yes' : 'NO'])]));
    if (brotli) {
      lines.push('');
      lines.push(
        `Brotli (quality 11): app ${brotli.app.files.map((f) => `${f.file} ${fmtBytes(f.br)}`).join(', ')}; ` +
          `worker ${brotli.worker.files.map((f) => `${f.file} ${fmtBytes(f.br)}`).join(', ')}.`,
      );
    }
  }
  lines.push('');
  lines.push(
    'transfer: compressed bytes on the wire until the first query\'s top 10 is shown, by the page and its workers. index ready: ' +
      'documents fetched and indexed (MiniSearch, FlexSearch, Orama); "lazy": loads what a query needs. 1st result: navigation ' +
      'start to the first painted top 10. query: engine time, warm (okuma: in its search worker). keystroke: keydown of a query\'s ' +
      'last letter to the first frame with its results. JS heap after all queries and a GC, page and workers; wasm memory: linear ' +
      'memory of the wasm modules (okuma\'s app and search worker, Pagefind\'s).',
  );
  for (const [name, why] of Object.entries(notReady)) if (summary[name]) lines.push(`(${name}: ${why} in a later run)`);
  console.log(lines.join('\n'));

  mkdirSync('target/bench', { recursive: true });
  writeFileSync(
    OUT,
    JSON.stringify(
      {
        date,
        chromium: chromiumVersion,
        runs: RUNS,
        engines: ENGINES,
        dist: DIST,
        flexsearchTokenize: FLEX_TOKENIZE,
        corpus: { archive: ARCHIVE, entries: ENTRIES, documents: docCount },
        queries: queries.map(({ q, lang, kind, base, df }) => ({ q, lang, kind, base, df })),
        probes: probes.map(({ name, lang, q, base, expected }) => ({ name, lang, q, base, expectedDocuments: expected.length })),
        summary,
        brotli,
        goals,
        latest,
        notReady,
        results,
        wallSeconds: Math.round((Date.now() - started) / 1000),
      },
      null,
      1,
    ),
  );
  log(`wrote ${OUT}; ${((Date.now() - started) / 60000).toFixed(1)} min in all`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
