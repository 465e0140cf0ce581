// The reading path carries only what reading needs: an article, its
// switch of language and its previews load no search engine. Search runs
// in its own wasm in a Web Worker, started by the archive or by "find in
// this entry"; a worker that cannot load gives the localised alert, whose
// Retry starts a new one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage } from './harness.mjs';
import {
  assertNoErrors,
  languageNav,
  NATIVE,
  openArchive,
  openEntry,
  resultsFor,
  takenOver,
  useSite,
  waitForLang,
} from './pages.mjs';

const site = useSite();

/**
 * Every address `page` gets from the network: its own, its workers' and
 * the service worker's. A response the service worker gives is not a
 * download of its own (its fetch from the network, if it made one, is
 * counted instead), so a file counts once, as the reader pays for it.
 */
function recordRequests(page) {
  const urls = [];
  page.context().on('response', (response) => {
    if (!response.fromServiceWorker()) urls.push(new URL(response.url()).pathname);
  });
  return urls;
}

const isEngine = (path) => /okuma-search/.test(path);

test('reading an entry, switching its language and opening a preview load no search engine', async () => {
  const page = await newPage(site.browser);
  const urls = recordRequests(page);
  await openEntry(page, 'en');
  await languageNav(page, 'en').getByRole('link', { name: NATIVE.tr }).click();
  await waitForLang(page, 'tr');
  await page.locator('#p1 sup a').click();
  await page.locator('.note-preview').waitFor();
  assert.ok(urls.some((u) => /okuma-app-.*\.wasm$/.test(u)), 'the app loaded');
  assert.deepEqual(urls.filter(isEngine), [], 'no search engine was fetched');
  assert.equal(page.workers().length, 0, 'no worker runs');

  // "Find in this entry" is a search: it starts the worker, which marks
  // the paragraphs with the word in any of its forms.
  await page.locator('#find-in-entry').fill('Kazakistan');
  await page.locator('.find-status').filter({ hasText: /paragraf eşleşiyor/ }).waitFor();
  assert.ok((await page.locator('.found').count()) > 0);
  assert.ok(urls.some((u) => /okuma-search_bg\.wasm$/.test(u)), 'the engine loaded for find');
  assert.equal(page.workers().length, 1);
  assertNoErrors(page);
});

test('a language switch on an article redraws the article, not the frame; switching back fetches nothing', async () => {
  const page = await newPage(site.browser);
  const urls = recordRequests(page);
  await openEntry(page, 'en');
  await page.locator('section.similar').waitFor();
  // Mark the frame's nodes: a redrawn node loses its mark.
  await page.evaluate(() => {
    for (const sel of ['header.site-header', 'nav.language-switcher', '.theme-toggle', 'main#main']) {
      document.querySelector(sel).__kept = true;
    }
  });
  const link = languageNav(page, 'en').getByRole('link', { name: NATIVE.tr });
  await link.focus();
  await page.keyboard.press('Enter');
  await waitForLang(page, 'tr');
  await page.locator('article.entry h1').filter({ hasText: /Özbekistan/ }).waitFor();
  const kept = await page.evaluate(() => ({
    frame: ['header.site-header', 'nav.language-switcher', '.theme-toggle', 'main#main'].map((sel) => document.querySelector(sel).__kept === true),
    focused: document.activeElement?.getAttribute('hreflang'),
    current: document.querySelector('nav.language-switcher [aria-current="true"]')?.getAttribute('hreflang'),
    theme: document.querySelector('.theme-toggle').textContent,
    nav: document.querySelector('nav.language-switcher').getAttribute('aria-label'),
    title: document.title,
  }));
  assert.deepEqual(kept.frame, [true, true, true, true], 'the header, switcher, toggle and main stay the same nodes');
  assert.equal(kept.focused, 'tr', 'the pressed language link keeps focus');
  assert.equal(kept.current, 'tr');
  assert.match(kept.theme, /Koyu/, 'the header speaks Turkish');
  assert.match(kept.title, /Özbekistan/);
  assert.equal(kept.nav, 'Dil');

  // Back to English and to Turkish again: every file is already here.
  const before = urls.length;
  await languageNav(page, 'tr').getByRole('link', { name: NATIVE.en }).click();
  await waitForLang(page, 'en');
  await languageNav(page, 'en').getByRole('link', { name: NATIVE.tr }).click();
  await waitForLang(page, 'tr');
  await page.waitForTimeout(300);
  assert.deepEqual(urls.slice(before).filter((u) => u.includes('/data/')), [], 'no data fetched again');
  assertNoErrors(page);
});

test("the archive's search runs in one worker, and the page's own wasm is the reader's", async () => {
  const page = await newPage(site.browser);
  const urls = recordRequests(page);
  await openArchive(page, '/ru/?q=%D0%BA%D0%B0%D0%B7%D0%B0%D1%85%D1%81%D1%82%D0%B0%D0%BD');
  await resultsFor(page, 'казахстан');
  assert.ok((await page.locator('#results mark').count()) > 0, 'matches are highlighted');
  assert.equal(page.workers().length, 1);
  assert.equal(urls.filter((u) => /okuma-search_bg\.wasm$/.test(u)).length, 1);
  assert.ok(urls.some((u) => u.endsWith('/data/search/ru/terms.json')), 'the worker fetched the index');
  // Typing goes on through the same worker.
  await page.locator('#archive-search').fill('союз');
  await resultsFor(page, 'союз');
  assert.equal(page.workers().length, 1);
  assertNoErrors(page);
});

test('a search engine that cannot load gives a localised alert whose Retry works', async () => {
  const page = await newPage(site.browser);
  let blocked = true;
  // On the context: the service worker's fetches pass only there.
  await page.context().route('**/okuma-search_bg.wasm*', (route) =>
    blocked ? route.fulfill({ status: 503, body: 'down' }) : route.continue(),
  );
  await page.goto(`${site.base}/tr/?q=ortakl%C4%B1k`);
  const alert = page.getByRole('alert').filter({ hasText: 'Yazılar yüklenemedi' });
  await alert.waitFor({ timeout: 15000 });
  blocked = false;
  await alert.getByRole('button').click();
  await takenOver(page);
  await resultsFor(page, 'ortaklık');
  assert.ok((await page.locator('#results .entry-card').count()) > 0);
  assert.deepEqual(page.uncaught, []);
});
