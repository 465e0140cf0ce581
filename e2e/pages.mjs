// What the end-to-end tests share about the site's pages: the served site
// for a test file, the seed article, and the set-up and locators the tests
// repeat (opening the archive and an entry, waiting for results, facet
// counts, the language switcher by its localised label).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, sitePath } from './harness.mjs';

export { sitePath };

/** The seed article. */
export const SLUG = 'uzbekistan-kazakhstan-strategic-partnership';
export const TITLES = {
  en: 'A New Stage in Uzbekistan-Kazakhstan Relations: A Strong Strategic Partnership',
  tr: 'Özbekistan-Kazakistan İlişkilerinde Yeni Bir Aşama: Güçlü Bir Stratejik Ortaklık',
  ru: 'Новый этап в узбекско-казахстанских отношениях: прочное стратегическое партнёрство',
};
/** The language switcher's label in each interface language. */
export const NAV_LABEL = { en: 'Language', tr: 'Dil', ru: 'Язык' };
/** Each language's name in itself, as the switcher shows it. */
export const NATIVE = { en: 'English', tr: 'Türkçe', ru: 'Русский' };

/**
 * The site and browser for one test file: started before its tests,
 * closed after them. `{ base, browser, dist }` once started.
 */
export const site = {};

/** Registers the file's set-up and tear-down; returns `site`. */
export function useSite() {
  before(async () => {
    Object.assign(site, await start());
  });
  after(async () => {
    await site.close?.();
  });
  return site;
}

/** An entry's path in a language, as the app links it: `/okuma/en/entries/x/`. */
export const entryPath = (lang, slug = SLUG) => sitePath(`${lang}/entries/${slug}/`);

/** The address of an entry in a language (the seed by default). */
export const entryUrl = (lang, slug = SLUG) => `${site.base}/${lang}/entries/${slug}/`;

/** Waits until the app has taken over the pre-rendered page (or drawn its own). */
export const takenOver = (page) =>
  page.waitForFunction(
    () => !document.getElementById('okuma-prerendered') && !document.getElementById('okuma-app')?.hidden,
    null,
    { timeout: 15000 },
  );

/** Opens an entry and waits for its title. */
export async function openEntry(page, lang, slug = SLUG) {
  await page.goto(entryUrl(lang, slug));
  await takenOver(page);
  await page.locator('h1#entry-title').waitFor();
}

/** Opens an archive address (`/en/?q=…`) and waits for its results list. */
export async function openArchive(page, path) {
  await page.goto(`${site.base}${path}`);
  await takenOver(page);
  await page.locator('#results').waitFor({ state: 'attached' });
}

/** Waits until the archive lists its first card. */
export const firstCard = (page) => page.locator('.entry-card').first().waitFor();

/** Waits until the results on screen are for `query`; returns their count. */
export async function resultsFor(page, query) {
  await page.waitForFunction((q) => document.querySelector('#results')?.dataset.query === q, query);
  return Number(await page.locator('#results').getAttribute('data-count'));
}

/** Waits until the results count `n` (a number), or any when `n` is omitted. */
export async function resultCount(page, n) {
  if (n === undefined) {
    await page.waitForFunction(() => Number(document.querySelector('#results')?.dataset.count) > 0);
  } else {
    await page.waitForFunction((n) => document.querySelector('#results')?.dataset.count === n, String(n));
  }
}

/** The links of the results on screen, in order. */
export const resultHrefs = (page) =>
  page.locator('#results > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

/** The count shown beside a facet value. */
export const facetCount = (page, facet, value) =>
  page.locator(`label[for="facet-${facet}-${value}"] .facet-count`).innerText();

/** The language switcher, found by its label in the page's language. */
export const languageNav = (page, lang) => page.getByRole('navigation', { name: NAV_LABEL[lang] });

/** Waits until the document's language is `lang`. */
export const waitForLang = (page, lang) =>
  page.waitForFunction((l) => document.documentElement.lang === l, lang);

/** The page had neither uncaught errors nor console errors. */
export function assertNoErrors(page) {
  assert.deepEqual(page.uncaught, []);
  assert.deepEqual(page.consoleErrors, []);
}

/**
 * Generates a synthetic archive with the publisher's tool (`okuma gen
 * ARGS… -o DIR`) and has `page` fetch it in place of the bundled dataset.
 */
export async function serveGenerated(page, dir, args) {
  const { execFileSync } = await import('node:child_process');
  const { existsSync, readFileSync } = await import('node:fs');
  const okuma = existsSync('target/debug/okuma') ? ['target/debug/okuma', []] : ['cargo', ['run', '-q', '-p', 'okuma-cli', '--']];
  execFileSync(okuma[0], [...okuma[1], 'gen', ...args, '-o', dir], { stdio: 'ignore' });
  await page.route('**/data/**', (route) => {
    // The path under the site's data/, whatever the base path.
    const path = new URL(route.request().url()).pathname.slice(sitePath('data/').length);
    const file = `${dir}/${path}`;
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(file) });
  });
}
