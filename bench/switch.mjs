// Language switch on the open article: click to repaint, measured in the
// page (from the click to the first animation frame after <html lang>
// changed), 20 switches, median and p95. Also the app's transfer size.
//
//   node bench/switch.mjs        (make bench builds dist/ first)
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { start, newPage } from '../e2e/harness.mjs';

const SLUG = 'uzbekistan-kazakhstan-strategic-partnership';
const RUNS = 20;

const env = await start();
try {
  const page = await newPage(env.browser, { viewport: { width: 1200, height: 800 } });
  await page.goto(`${env.base}/en/entries/${SLUG}`);
  await page.locator('#p5').waitFor();
  await page.locator('#p5').evaluate((p) => p.scrollIntoView());
  const order = ['tr', 'ru', 'en'];
  const times = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const target = order[i % order.length];
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
    }, target);
    if (ms < 0) throw new Error(`switch ${i} to ${target}: no link (page: ${page.url()})`);
    if (i >= 3) times.push(ms); // the first switches warm up the JIT
  }
  times.sort((a, b) => a - b);
  const median = (times[9] + times[10]) / 2;
  const p95 = times[Math.ceil(0.95 * times.length) - 1];
  console.log(`language switch, click to repaint (${RUNS} runs): median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, min ${times[0].toFixed(1)} ms`);
} finally {
  await env.close();
}

let raw = 0, gz = 0, br = 0;
for (const file of readdirSync('dist').filter((f) => /\.(wasm|js|css)$/.test(f))) {
  const bytes = readFileSync(`dist/${file}`);
  const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const g = gzipSync(bytes, { level: 9 }).length;
  console.log(`  ${file}: ${bytes.length} B raw, ${g} B gzip, ${b} B brotli`);
  raw += bytes.length; gz += g; br += b;
}
console.log(`app (wasm + JS + CSS): ${raw} B raw, ${gz} B gzip, ${br} B brotli`);
