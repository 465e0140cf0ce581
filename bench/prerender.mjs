// Pre-rendering the generated archive: `okuma-render` over 10,000 entries ×
// en/tr/ru (`okuma gen --entries 10000 --seed 7`, target/bench/gen10k/, the
// search bench's corpus, generated when missing or older than okuma-cli),
// with the app's files of the build in dist/ (or $OKUMA_DIST). Prints the
// page count, the time okuma-render reports and the wall time measured
// here (process start to exit: reading the dataset, drawing and writing
// every page, the feeds, the sitemap), pages per second, and whether the
// goal (≤ 60 s) holds. Writes the figures to target/bench/prerender.json.
//
// The site it renders, target/bench/prerender/: Trunk's page (the build's
// app.html, as index.html, as Trunk leaves it before the pre-render), the
// app's JS, wasm and CSS, and data/ → the generated archive (a symlink).
// Every run starts from that, so each writes every page anew; the output
// is removed afterwards (about 0.5 GB) unless KEEP=1.
//
// The binary: target/render/okuma-render, as `make build` leaves it; built
// here (the host build, Leptos ssr) when it is missing or with REBUILD=1.
// $OKUMA_PUBLIC_URL (exported by the Makefile) is the public URL, else
// https://okuma.example/; its path must be the base the build was made for.
//
//   node bench/prerender.mjs
//   RUNS=3 node bench/prerender.mjs      median of 3
//   KEEP=1 node bench/prerender.mjs      keep target/bench/prerender/
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIST } from '../e2e/harness.mjs';
import { ARCHIVE, ENTRIES, ensureArchive } from './search/corpus.mjs';

const RUNS = Math.max(1, Number(process.env.RUNS ?? 1));
const PUBLIC_URL = process.env.OKUMA_PUBLIC_URL || 'https://okuma.example/';
const BASE_PATH = process.env.OKUMA_BASE_PATH || new URL(PUBLIC_URL).pathname.replace(/\/*$/, '/');
const BINARY = 'target/render/okuma-render';
const SITE = 'target/bench/prerender';
const OUT = 'target/bench/prerender.json';
const GOAL_S = 60;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const log = (...args) => console.error(...args);

const shell = existsSync(`${DIST}/app.html`) ? `${DIST}/app.html` : `${DIST}/index.html`;
if (!existsSync(shell)) throw new Error(`no ${DIST}/app.html or index.html (make build first?)`);

ensureArchive(log);

if (!existsSync(BINARY) || process.env.REBUILD === '1') {
  log(`building ${BINARY} (OKUMA_BASE_PATH=${BASE_PATH}) …`);
  execFileSync(
    'cargo',
    ['build', '--quiet', '--profile', 'render', '-p', 'okuma', '--no-default-features', '--features', 'ssr', '--bin', 'okuma-render'],
    { stdio: 'inherit', env: { ...process.env, OKUMA_PUBLIC_URL: PUBLIC_URL, OKUMA_BASE_PATH: BASE_PATH } },
  );
}

/** A fresh site: Trunk's page and the app's files, the archive as data/. */
function prepare() {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  copyFileSync(shell, `${SITE}/index.html`);
  for (const f of readdirSync(DIST)) if (/\.(js|wasm|css|svg)$/.test(f)) copyFileSync(`${DIST}/${f}`, `${SITE}/${f}`);
  symlinkSync(resolve(ARCHIVE), `${SITE}/data`, 'dir');
}

const runs = [];
for (let i = 1; i <= RUNS; i++) {
  prepare();
  log(`run ${i}/${RUNS}: ${BINARY} ${SITE} …`);
  const t0 = process.hrtime.bigint();
  // GNU time, when there, adds CPU time and peak memory: on a machine
  // shared with other work the CPU time is the steadier figure.
  const [cmd, args] = TIME ? [TIME, ['-f', 'okuma-bench-time: %e %U %S %M', BINARY, SITE]] : [BINARY, [SITE]];
  const done = spawnSync(cmd, args, {
    env: { ...process.env, OKUMA_PUBLIC_URL: PUBLIC_URL },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (done.error) throw done.error;
  if (done.status !== 0) throw new Error(`okuma-render failed (${done.status}): ${done.stderr.trim() || done.stdout.trim()}`);
  const m = done.stdout.match(/okuma-render: (\d+) pages \((\d+) KB\) in ([\d.]+) s/);
  if (!m) throw new Error(`unexpected okuma-render output: ${done.stdout.trim()}`);
  const run = { pages: Number(m[1]), kb: Number(m[2]), reported: Number(m[3]), wall, line: m[0], cpu: null, maxRssMb: null };
  const t = done.stderr.match(/okuma-bench-time: ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/);
  if (t) {
    run.cpu = Number(t[2]) + Number(t[3]);
    run.maxRssMb = Number(t[4]) / 1024;
  }
  runs.push(run);
  log(`run ${i}/${RUNS}: ${run.line}; wall ${wall.toFixed(1)} s${run.cpu === null ? '' : `, CPU ${run.cpu.toFixed(1)} s, max RSS ${run.maxRssMb.toFixed(0)} MB`}`);
}
if (process.env.KEEP !== '1') rmSync(SITE, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pages = runs[0].pages;
const reported = median(runs.map((r) => r.reported));
const wall = median(runs.map((r) => r.wall));
const mb = runs[0].kb / 1024;
console.log(
  `pre-render of ${ENTRIES} entries × en/tr/ru (${ARCHIVE}, ${RUNS} run${RUNS > 1 ? 's, medians' : ''}): ` +
    `${pages} pages (${mb.toFixed(0)} MB of HTML) in ${reported.toFixed(1)} s as okuma-render reports, ` +
    `${wall.toFixed(1)} s wall; ${Math.round(pages / wall)} pages/s (${Math.round(pages / reported)} by okuma-render's time)`,
);
const cpu = runs[0].cpu === null ? null : median(runs.map((r) => r.cpu));
if (cpu !== null) {
  console.log(`CPU (user + sys) ${cpu.toFixed(1)} s (${(cpu / wall).toFixed(2)} cores busy on average), max RSS ${median(runs.map((r) => r.maxRssMb)).toFixed(0)} MB`);
}
console.log(`Goal: ≤ ${GOAL_S} s: ${wall <= GOAL_S ? 'yes' : 'NO'} (${wall.toFixed(1)} s wall)`);

mkdirSync('target/bench', { recursive: true });
writeFileSync(
  OUT,
  JSON.stringify({ date: new Date().toISOString(), entries: ENTRIES, archive: ARCHIVE, publicUrl: PUBLIC_URL, runs, pages, reportedSeconds: reported, wallSeconds: wall, cpuSeconds: cpu }, null, 1),
);
log(`wrote ${OUT}`);
