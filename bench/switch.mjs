// Language switch on the open article: click to repaint, measured in the
// page (from the click to the first animation frame after <html lang>
// changed), 20 switches (SWITCHES=n for more), median and p95. Also the
// app's transfer size.
//
//   node bench/switch.mjs                        the build in dist/ (make bench builds it first)
//   OKUMA_DIST=/path node bench/switch.mjs       another build
//   BASELINE_DIST=/path node bench/switch.mjs    a baseline build and the current one
//                                                side by side, in one run
//
// With BASELINE_DIST, both builds are served at once and open in the same
// browser, one page each, and the samples are interleaved: each switch is
// measured on both pages, the one that goes first alternating (A B, B A, …),
// so that whatever drifts during the run weighs on both alike.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { DIST, launchBrowser, newPage, serve } from '../e2e/harness.mjs';

const SLUG = 'uzbekistan-kazakhstan-strategic-partnership';
const RUNS = Math.max(2, Number(process.env.SWITCHES ?? 20));
const WARM_UP = 3; // the first switches warm up the JIT
const ORDER = ['tr', 'ru', 'en'];

const builds = [];
if (process.env.BASELINE_DIST) builds.push({ name: 'baseline', dir: process.env.BASELINE_DIST });
builds.push({ name: 'current', dir: DIST });
for (const build of builds) {
  if (!existsSync(`${build.dir}/index.html`)) throw new Error(`${build.name}: no ${build.dir}/index.html (make build first?)`);
  build.times = [];
}

const median = (sorted) => {
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
};
const p95 = (sorted) => sorted[Math.ceil(0.95 * sorted.length) - 1];

/** One switch of `page` to `code`: click → first frame with the new lang. */
async function switchOnce(page, code) {
  const ms = await page.evaluate(async (code) => {
    const link = document.querySelector(`nav.language-switcher a[hreflang="${code}"]`);
    if (!link) return -1;
    const t0 = performance.now();
    link.click();
    await new Promise((done) => {
      const check = () =>
        document.documentElement.lang === code ? requestAnimationFrame(() => done()) : requestAnimationFrame(check);
      check();
    });
    return performance.now() - t0;
  }, code);
  if (ms < 0) throw new Error(`switch to ${code}: no link (page: ${page.url()})`);
  return ms;
}

const browser = await launchBrowser();
try {
  for (const build of builds) {
    build.site = await serve(build.dir);
    build.page = await newPage(browser, { viewport: { width: 1200, height: 800 } });
    await build.page.goto(`${build.site.base}/en/entries/${SLUG}`);
    await build.page.locator('#p5').waitFor();
    await build.page.locator('#p5').evaluate((p) => p.scrollIntoView());
  }
  for (let i = 0; i < RUNS + WARM_UP; i++) {
    const target = ORDER[i % ORDER.length];
    const turn = i % 2 ? [...builds].reverse() : builds;
    for (const build of turn) {
      const ms = await switchOnce(build.page, target).catch((err) => {
        throw new Error(`${build.name} (${build.dir}), switch ${i}: ${err.message}`);
      });
      if (i >= WARM_UP) build.times.push(ms);
    }
  }
} finally {
  await browser.close().catch(() => {});
  for (const build of builds) await build.site?.close();
}

/** The app's files (wasm, JS, CSS) of a build, with compressed sizes. */
function appSize(dir) {
  const files = [];
  for (const file of readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f)).sort()) {
    const bytes = readFileSync(`${dir}/${file}`);
    files.push({
      file,
      raw: bytes.length,
      gz: gzipSync(bytes, { level: 9 }).length,
      br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  const sum = (k) => files.reduce((s, f) => s + f[k], 0);
  return { files, raw: sum('raw'), gz: sum('gz'), br: sum('br') };
}

for (const build of builds) {
  build.times.sort((a, b) => a - b);
  build.size = appSize(build.dir);
}

if (builds.length === 1) {
  const [{ times, size }] = builds;
  console.log(
    `language switch, click to repaint (${RUNS} runs): median ${median(times).toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms, min ${times[0].toFixed(1)} ms`,
  );
  for (const f of size.files) console.log(`  ${f.file}: ${f.raw} B raw, ${f.gz} B gzip, ${f.br} B brotli`);
  console.log(`app (wasm + JS + CSS): ${size.raw} B raw, ${size.gz} B gzip, ${size.br} B brotli`);
} else {
  const [a, b] = builds;
  const pct = (x, y) => `${x >= y ? '+' : ''}${(((x - y) / y) * 100).toFixed(1)}%`;
  const rows = [
    ['', 'median', 'p95', 'min', 'app brotli', 'app gzip', 'app raw'],
    ...builds.map((x) => [
      `${x.name} (${x.dir})`,
      `${median(x.times).toFixed(1)} ms`,
      `${p95(x.times).toFixed(1)} ms`,
      `${x.times[0].toFixed(1)} ms`,
      `${x.size.br} B`,
      `${x.size.gz} B`,
      `${x.size.raw} B`,
    ]),
    [
      'current vs baseline',
      pct(median(b.times), median(a.times)),
      pct(p95(b.times), p95(a.times)),
      pct(b.times[0], a.times[0]),
      `${b.size.br - a.size.br >= 0 ? '+' : ''}${b.size.br - a.size.br} B (${pct(b.size.br, a.size.br)})`,
      pct(b.size.gz, a.size.gz),
      pct(b.size.raw, a.size.raw),
    ],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(`language switch, click to repaint (${RUNS} runs each, interleaved), and the app's transfer size:`);
  for (const r of rows) console.log(`  ${r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')}`);
  for (const x of builds) {
    console.log(`${x.name}:`);
    for (const f of x.size.files) console.log(`  ${f.file}: ${f.raw} B raw, ${f.gz} B gzip, ${f.br} B brotli`);
  }
}
