// How okuma's search cost grows with the archive: okuma alone, on archives
// of 1,000, 10,000 and 50,000 entries, measured by bench/search.mjs's own
// code (its measure(): the same cold load with the first query, keystrokes,
// warm queries and memory, page and search worker together; see its header
// for what each figure is). Prints one markdown table row per size and
// writes every figure to target/bench/scale.json.
//
// Archives: `okuma gen --entries N --seed 7` (bench/search/corpus.mjs, as
// for the benchmark's 10k one), kept in target/bench/gen1k, gen10k and
// gen50k and made again only when the okuma binary is newer (50k takes a
// few minutes and about 2.3 GB). Queries: the benchmark's 50, derived from
// the 10k archive, for every size, so that only the archive changes (the
// generator draws every archive's words from the same vocabulary; a query
// with no match in the smaller archive still counts, as an empty answer).
// The behaviour probes are not run.
//
//   node bench/scale.mjs                   1k, 10k, 50k; RUNS=1 (~15 min)
//   RUNS=3 node bench/scale.mjs            medians of 3 runs per size
//   SIZES=1000,10000 node bench/scale.mjs
//   OKUMA_DIST=/path node bench/scale.mjs  okuma's build from elsewhere than dist/
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { DIST, start } from '../e2e/harness.mjs';
import { ENTRIES, ensureArchive } from './search/corpus.mjs';
import { NotReady, describeFiles, fmtBytes, fmtMs, loadQueries, measure, measureCold, mounts, summarise, table } from './search.mjs';

const started = Date.now();
const RUNS = Math.max(1, Number(process.env.RUNS ?? 1));
const SIZES = (process.env.SIZES ?? '1000,10000,50000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
const OUT = 'target/bench/scale.json';
const log = (...args) => console.error(...args);

if (!existsSync(`${DIST}/index.html`)) throw new Error(`no ${DIST}/index.html: make build first, or set OKUMA_DIST`);
if (!SIZES.length) throw new Error('SIZES: no sizes');

// The queries come from the 10k archive (bench/search.mjs's, cached).
ensureArchive(log, { entries: ENTRIES });
const { queries } = loadQueries();

const sizes = [];
for (const entries of SIZES) {
  const archive = ensureArchive(log, { entries });
  const env = await start({ dist: DIST, serve: { gzip: true, mounts: mounts(archive) } });
  const runs = [];
  let notReady = null;
  try {
    log(`${entries} entries: warm-up`);
    await measureCold(env.browser, env.base, 'okuma', queries[0]);
    for (let run = 1; run <= RUNS; run++) {
      const t = Date.now();
      log(`${entries} entries: run ${run}/${RUNS} …`);
      const r = await measure(env.browser, env.base, 'okuma', queries, []);
      runs.push(r);
      if (run === 1) log(`${entries} entries: ${describeFiles(r.files, process.env.SHOW_FILES === '1')}`);
      log(`${entries} entries: run ${run}/${RUNS} done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
  } catch (err) {
    notReady = err instanceof NotReady ? err.message : `failed: ${err.message.split('\n')[0]}`;
    log(`${entries} entries: ${notReady}`);
  } finally {
    await env.close().catch(() => {});
  }
  sizes.push({ entries, archive, notReady, summary: runs.length ? summarise(runs) : null, runs });
}

const header = [
  'entries',
  'transfer to 1st result',
  '1st result',
  'query median (warm)',
  'keystroke→paint median',
  'keystroke p95',
  'memory (JS heap + wasm, page + worker)',
  'of which wasm (app + worker)',
];
const rows = [header];
for (const { entries, summary: s, notReady } of sizes) {
  if (!s) {
    rows.push([entries.toLocaleString('en'), `not ready (${notReady ?? 'no result'})`, ...header.slice(2).map(() => '')]);
    continue;
  }
  rows.push([
    entries.toLocaleString('en'),
    fmtBytes(s.transfer),
    fmtMs(s.firstMs),
    fmtMs(s.queryMedian) + (s.unanswered ? ` (${s.unanswered} unanswered)` : ''),
    fmtMs(s.keystrokeMedian) + (s.keystrokeTimeouts ? ` (${s.keystrokeTimeouts} timed out)` : ''),
    fmtMs(s.keystrokeP95),
    fmtBytes(s.memory),
    `${fmtBytes(s.wasm)} (${fmtBytes(s.pageWasm)} + ${fmtBytes(s.workerWasm)})`,
  ]);
}
console.log(`## okuma's search by archive size (${RUNS} run${RUNS > 1 ? 's' : ''}, medians; ${DIST})`);
console.log('');
console.log(`${queries.length} queries (the benchmark's, from the 10k archive), every size.`);
console.log('');
console.log(table(rows));

mkdirSync('target/bench', { recursive: true });
writeFileSync(
  OUT,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      runs: RUNS,
      dist: DIST,
      queries: queries.map(({ q, lang, kind }) => ({ q, lang, kind })),
      sizes,
      wallSeconds: Math.round((Date.now() - started) / 1000),
    },
    null,
    1,
  ),
);
log(`wrote ${OUT}; ${((Date.now() - started) / 60000).toFixed(1)} min in all`);
