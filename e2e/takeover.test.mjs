// The app taking over a pre-rendered page: the text the reader sees is the
// same before and after, for every page the build wrote; nothing moves
// (layout shifts sum to 0); the first paragraph stays on screen in every
// frame; the scroll position is kept; and the app works from there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { newPage } from './harness.mjs';
import { useSite, entryUrl, languageNav, takenOver, TITLES } from './pages.mjs';

const site = useSite();

/** Every pre-rendered page's address, relative to the site's base ("en/entries/x/"). */
function prerenderedPages(dist) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) {
        if (name !== 'data') walk(file);
      } else if (name === 'index.html') {
        out.push(relative(dist, dir).split(sep).filter(Boolean).map((s) => `${s}/`).join(''));
      }
    }
  };
  walk(dist);
  return out.sort();
}

/** What a reader sees in the page's main landmark, whitespace-normalised. */
const mainText = (page, root) =>
  page.evaluate((root) => {
    const main = document.querySelector(`#${root} main`);
    return main ? main.innerText.replace(/\s+/g, ' ').trim() : null;
  }, root);


test('every pre-rendered page reads the same before and after the app takes over', async () => {
  const pages = prerenderedPages(site.dist);
  assert.ok(pages.length >= 3 * 10, `pages: ${pages.length}`);
  // Before: the page as it arrives, with the app held back (its wasm never
  // loads), as a reader sees it until the takeover.
  const before = await newPage(site.browser, { waitForApp: false });
  await before.route(/\.wasm$/, (route) => route.abort());
  const after = await newPage(site.browser);
  const differ = [];
  for (const path of pages) {
    // The root sends a reader to their language; its own text is that of
    // the default language's archive, checked at /en/.
    if (path === '') continue;
    await before.goto(`${site.base}/${path}`, { waitUntil: 'load' });
    const drawn = await mainText(before, 'okuma-prerendered');
    assert.ok(drawn && drawn.length > 20, `${path}: pre-rendered text: ${drawn}`);
    await after.goto(`${site.base}/${path}`);
    await takenOver(after);
    // The archive's results arrive in the same task as the takeover; an
    // entry's similar entries with it.
    const shown = await mainText(after, 'okuma-app');
    if (shown !== drawn) differ.push(`${path}\n  before: ${drawn.slice(0, 300)}\n  after:  ${shown?.slice(0, 300)}`);
  }
  assert.deepEqual(differ, [], differ.join('\n'));
  assert.deepEqual(after.uncaught, []);
  await before.context().close();
  await after.context().close();
});

test('the takeover moves nothing, keeps the first paragraph on screen and keeps the scroll position', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1000, height: 700 }, waitForApp: false });
  // Record every layout shift and, in every frame, whether the first
  // paragraph is on screen, from the first frame on.
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
    window.__frames = { seen: 0, missing: 0 };
    const look = () => {
      const p = document.querySelector('.entry-body p');
      const r = p?.getBoundingClientRect();
      const visible = r && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
      if (visible) window.__frames.seen++;
      else if (window.__frames.seen > 0) window.__frames.missing++;
      if (!window.__frames.done) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  // Hold the wasm back, so the reader can scroll the pre-rendered page first.
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(entryUrl('en'));
  assert.ok(await page.locator('#okuma-prerendered .entry-body p').first().isVisible());
  // Scroll so that the first paragraph is near the top but on screen.
  const y = await page.evaluate(() => {
    const p = document.querySelector('.entry-body p');
    const top = p.getBoundingClientRect().top + scrollY - 120;
    scrollTo(0, top);
    return scrollY;
  });
  assert.ok(y > 100, `scrolled to ${y}`);
  release();
  await takenOver(page);
  await page.waitForTimeout(300);
  const { shifts, frames, scrolled } = await page.evaluate(() => {
    window.__frames.done = true;
    return { shifts: window.__shifts, frames: window.__frames, scrolled: scrollY };
  });
  assert.equal(shifts.reduce((a, b) => a + b, 0), 0, `layout shifts: ${shifts}`);
  assert.equal(frames.missing, 0, `frames without the first paragraph: ${frames.missing} of ${frames.seen + frames.missing}`);
  assert.equal(scrolled, y);
  // The head has the app's tags, not both.
  assert.equal(await page.locator('head link[rel="canonical"]').count(), 1);
  assert.equal(await page.locator('head [data-prerendered]').count(), 0);
  assert.equal(await page.title(), `${TITLES.en} — okuma`);
  assert.deepEqual(page.uncaught, []);
  await page.context().close();
});

test('after the takeover the app works: switching language keeps the place, without a page load', async () => {
  const page = await newPage(site.browser);
  await page.goto(entryUrl('en'));
  await takenOver(page);
  await page.evaluate(() => (window.__sameDocument = true));
  await languageNav(page, 'en').getByRole('link', { name: 'Türkçe' }).click();
  await page.waitForURL(entryUrl('tr'));
  await page.locator('h1#entry-title', { hasText: TITLES.tr }).waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the switch reloaded the page');
  assert.equal(await page.getAttribute('html', 'lang'), 'tr');
  // Search works from the taken-over archive.
  await page.goto(`${site.base}/tr/`);
  await takenOver(page);
  await page.locator('#archive-search').fill('Tokayev');
  await page.waitForFunction(() => document.querySelector('#results')?.dataset.query === 'Tokayev');
  assert.ok(Number(await page.locator('#results').getAttribute('data-count')) > 0);
  const first = await page.locator('#results > li h3 a').first().getAttribute('href');
  assert.match(first, /\/tr\/entries\/[a-z0-9-]+\/$/);
  assert.deepEqual(page.uncaught, []);
  await page.context().close();
});
