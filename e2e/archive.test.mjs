// The archive: facets with live counts in the URL, search in each language
// (Turkish casing, Russian cases, ё, typos, prefixes), "all languages",
// find in an entry, and hostile or failing input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, screenshot } from './harness.mjs';
import {
  SLUG,
  assertNoErrors,
  entryPath,
  entryUrl,
  facetCount,
  openArchive,
  resultCount,
  resultHrefs,
  resultsFor,
  sitePath,
  useSite,
} from './pages.mjs';

const env = useSite();

test('choosing a facet value updates counts and the URL; its chip removes it; back restores it', async () => {
  const page = await newPage(env.browser);
  await openArchive(page, '/en/');
  assert.equal(await page.locator('#results').getAttribute('data-count'), '17');
  assert.equal(await facetCount(page, 'kind', 'explainer'), '16');

  await page.locator('#facet-topic-bilateral-relations').check();
  await page.waitForURL(/\?topic=bilateral-relations$/);
  await resultCount(page, 9);
  // Other facets now count within the chosen topic.
  assert.ok(Number(await facetCount(page, 'kind', 'explainer')) < 16);
  // Focus stays on the checkbox the reader used.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'facet-topic-bilateral-relations');

  // OR within a facet: a second topic widens the results. The long list
  // is collapsed until asked.
  const more = page.locator('#facet-topic .facet-more');
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  const collapsed = await page.locator('#facet-topic li').count();
  assert.equal(collapsed, 6, 'a long facet shows six values collapsed');
  const all = Number((await more.textContent()).match(/\((\d+)\)/)?.[1]);
  await more.focus();
  await page.keyboard.press('Enter');
  await page.locator('#facet-topic .facet-more[aria-expanded="true"]').waitFor();
  // The search worker sends the rest; the button is the same one, focused.
  await page.waitForFunction((n) => document.querySelectorAll('#facet-topic li').length === n, all);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('facet-more')), true, 'focus stays on Show all');
  await page.locator('#facet-topic-economy').check();
  await page.waitForURL(/topic=bilateral-relations&topic=economy/);
  const widened = Number(await page.locator('#results').getAttribute('data-count'));
  assert.ok(widened >= 9, `${widened}`);

  // AND across facets: a kind narrows them.
  await page.locator('#facet-kind-analysis').check();
  await page.waitForURL(/kind=analysis/);
  await resultCount(page, 1);
  assert.equal(await page.locator('.active-filters .chip').count(), 3);
  await screenshot(page, 'archive-facets-en');

  // The chip removes its value.
  await page.getByRole('button', { name: /Remove filter: Type: Analysis/ }).click();
  await page.waitForURL((url) => !url.search.includes('kind='));
  assert.equal(await page.locator('.active-filters .chip').count(), 2);

  // Back restores it, forward removes it again.
  await page.goBack();
  await page.waitForURL(/kind=analysis/);
  await resultCount(page, 1);
  await page.goForward();
  await page.waitForURL((url) => !url.search.includes('kind='));

  await page.locator('#clear-filters').click();
  await page.waitForURL(`${env.base}/en/`);
  await resultCount(page, 17);
  assertNoErrors(page);
});

test('a shared URL opens the same filtered view, and values list by name in the reading language', async () => {
  const page = await newPage(env.browser);
  await openArchive(page, '/tr/?country=russia&values=name');
  await resultCount(page, 10);
  assert.equal(await page.locator('#facet-order').inputValue(), 'name');
  // Turkish collation: "Çin" sorts after "Birleşik…" and before "Kazakistan".
  const names = await page.locator('#facet-country .facet-name').allInnerTexts();
  const sorted = [...names].sort(new Intl.Collator('tr').compare);
  assert.deepEqual(names, sorted);
  assert.equal(await page.locator('.active-filters .chip').innerText(), 'Ülke: Rusya ×');
});

// (language, what the reader types, a slug that must be among the results)
const SEARCHES = [
  ['en', 'strategic partnership', SLUG],
  ['en', 'partnrship', SLUG],
  ['en', 'partn', SLUG],
  ['en', 'KAZAKHSTAN', 'aral-sea'],
  ['tr', 'ozbekistan', SLUG],
  ['tr', 'ÖZBEKİSTAN', SLUG],
  ['tr', "Kazakistan'ın", SLUG],
  ['tr', 'ORTAKLIK', SLUG],
  ['tr', 'isbirligi', SLUG],
  ['ru', 'Казахстана', 'aral-sea'],
  ['ru', 'партнерство', SLUG],
  ['ru', 'ПАРТНЁРСТВО', SLUG],
  ['ru', 'стратегического', SLUG],
];

test('searches find what they must in each language, best match first, highlighted', async () => {
  const page = await newPage(env.browser);
  for (const [lang, query, slug] of SEARCHES) {
    await openArchive(page, `/${lang}/`);
    await page.locator('#archive-search').fill(query);
    const n = await resultsFor(page, query);
    assert.ok(n > 0, `${lang}: ${query} found nothing`);
    const hrefs = await resultHrefs(page);
    assert.ok(hrefs.includes(entryPath(lang, slug)), `${lang}: ${query} → ${hrefs.join(' ')}`);
    assert.ok((await page.locator('#results mark').count()) > 0, `${lang}: ${query} highlights nothing`);
  }
  // The seed's title ranks first for its own subject, with the words marked.
  await openArchive(page, '/tr/?q=stratejik+ortakl%C4%B1k');
  await resultsFor(page, 'stratejik ortaklık');
  assert.equal(await page.locator('#results > li h3 a').first().getAttribute('href'), entryPath('tr'));
  assert.deepEqual(await page.locator('#results > li').first().locator('h3 mark').allInnerTexts(), ['Stratejik', 'Ortaklık']);
  await screenshot(page, 'archive-search-tr');
  // Typing replaced the history entry and put the words in the URL.
  assert.match(page.url(), /\?q=stratejik\+ortakl%C4%B1k$/);
  assertNoErrors(page);
});

test('"/" focuses the search box, and relevance or date order is the reader\'s choice', async () => {
  const page = await newPage(env.browser);
  await openArchive(page, '/en/');
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'archive-search');
  await page.keyboard.type('kazakhstan');
  await resultsFor(page, 'kazakhstan');
  assert.equal(await page.locator('#archive-sort').inputValue(), 'relevance');
  await page.locator('#archive-sort').selectOption('date');
  await page.waitForURL(/sort=date/);
  // By date: newest first, then "Show more" reaches the analysis (2022).
  await page.getByRole('button', { name: 'Show more results' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#results > li').length === 17);
  const dates = await page.locator('#results time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, [...dates].sort().reverse());
  const last = await page.locator('#results > li h3 a').last().getAttribute('href');
  assert.equal(last, entryPath('en'));
});

test('"all languages" lists each entry once with the language it matched in', async () => {
  const page = await newPage(env.browser);
  await openArchive(page, '/en/?q=%D0%9A%D0%B0%D0%B7%D0%B0%D1%85%D1%81%D1%82%D0%B0%D0%BD%D0%B0');
  assert.equal(await resultsFor(page, 'Казахстана'), 0);
  // No results in English: the view says what to change.
  await page.locator('.no-results').waitFor();
  await page.locator('#search-all-languages').check();
  await page.waitForURL(/all=1/);
  await resultCount(page);
  const badges = await page.locator('#results .matched-in').allInnerTexts();
  assert.ok(badges.length > 0 && badges.every((b) => b.includes('Русский')), badges.join('|'));
  const hrefs = await resultHrefs(page);
  assert.equal(new Set(hrefs).size, hrefs.length, 'each entry once');
  assert.ok(hrefs.every((h) => h.startsWith(sitePath('en/entries/'))), hrefs.join(' '));
  // The Russian text keeps its language.
  assert.equal(await page.locator('#results > li h3').first().getAttribute('lang'), 'ru');
  await screenshot(page, 'archive-all-languages');
});

test('no results: the view offers which filter to drop, with counts', async () => {
  const page = await newPage(env.browser);
  await openArchive(page, '/ru/?q=%D0%B1%D0%B5%D1%81%D1%81%D1%82%D0%BE%D1%87%D0%BD%D0%BE%D0%B5&kind=analysis');
  assert.equal(await resultsFor(page, 'бессточное'), 0);
  const offer = page.getByRole('button', { name: /Без фильтра «Тип»: 1 материал/ });
  await offer.click();
  await page.waitForURL((url) => !url.search.includes('kind='));
  await resultCount(page);
  assert.equal(await page.locator('#results > li h3 a').first().getAttribute('href'), entryPath('ru', 'aral-sea'));
});

test('hostile queries are shown as text and never break the page', async () => {
  const page = await newPage(env.browser);
  await openArchive(page, '/en/');
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '.*+?^${}()|[]\\',
    '\u202Epartnership\u200F',
    '😀👍🏽 partnership',
    'partnership '.repeat(30).trim(),
    "'; DROP TABLE entries; --",
  ];
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    d.dismiss();
  });
  for (const q of hostile) {
    await page.locator('#archive-search').fill(q);
    await resultsFor(page, q.slice(0, 200));
    assert.equal(await page.locator('#archive-search').inputValue(), q.slice(0, 200));
  }
  assert.equal(await page.locator('#results img').count(), 0);
  assert.equal(dialogs, 0);
  assert.deepEqual(page.uncaught, []);
});

test('a failing search index gives a localised alert, and entries still list', async () => {
  const page = await newPage(env.browser);
  await page.route('**/data/search/tr/terms.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
  await openArchive(page, '/tr/?q=ortakl%C4%B1k');
  await page.getByRole('alert').filter({ hasText: 'Arama şu anda kullanılamıyor.' }).waitFor();
  await page.locator('#archive-search').fill('');
  await resultCount(page, 17);
});

test('a search index made by another version of okuma is refused with a localised message, not searched', async () => {
  const page = await newPage(env.browser);
  const { readFileSync } = await import('node:fs');
  const terms = JSON.parse(readFileSync(`${env.dist}/data/search/ru/terms.json`, 'utf8'));
  terms.analysis = terms.analysis - 1;
  await page.route('**/data/search/ru/terms.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(terms) }),
  );
  await openArchive(page, '/ru/?q=%D0%BF%D0%B0%D1%80%D1%82%D0%BD%D1%91%D1%80%D1%81%D1%82%D0%B2%D0%BE');
  const alert = page.getByRole('alert').filter({ hasText: 'Поиск сейчас недоступен.' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /создан для другой версии приложения/);
  assert.equal(await page.locator('#results mark').count(), 0);
  await page.locator('#archive-search').fill('');
  await resultCount(page, 17);
});

test('find in this entry highlights matching paragraphs, and so does a chosen entity', async () => {
  const page = await newPage(env.browser);
  await page.goto(entryUrl('ru'));
  await page.locator('#find-in-entry').fill('Казахстаном');
  await page.locator('.find-status').filter({ hasText: /Найден/ }).waitFor();
  const found = await page.locator('.entry-body .found').allInnerTexts();
  assert.ok(found.length > 0);
  assert.ok(found.every((p) => /Казахстан/i.test(p)), found.join('\n'));
  const all = await page.locator('.entry-body [data-block]').count();
  assert.ok(found.length < all);
  await screenshot(page, 'find-in-entry-ru');

  await page.locator('#find-in-entry').fill('');
  await page.locator('#find-mentions').selectOption('kazakhstan');
  await page.locator('.find-status').filter({ hasText: /Найден/ }).waitFor();
  const mentions = await page.locator('.entry-body .found .mention').count();
  assert.ok(mentions > 0);

  await page.locator('#find-mentions').selectOption('');
  await page.locator('#find-in-entry').fill('жираф');
  await page.locator('.find-status').filter({ hasText: 'В этом материале совпадений нет.' }).waitFor();
  assert.equal(await page.locator('.entry-body .found').count(), 0);
});

// Authors are people with names per language: the editors are not "okuma editors" in tr/ru.
const AUTHORS = {
  tr: { 'okuma-editors': 'okuma editörleri', 'aidana-baktybek-kyzy': 'Aidana Baktybek Kyzy' },
  ru: { 'okuma-editors': 'редакция okuma', 'aidana-baktybek-kyzy': 'Айдана Бактыбек кызы' },
};
for (const [code, names] of Object.entries(AUTHORS)) {
  test(`the author facet names people in ${code}`, async () => {
    const page = await newPage(env.browser);
    await openArchive(page, `/${code}/`);
    for (const [id, name] of Object.entries(names)) {
      const label = page.locator(`label[for="facet-author-${id}"]`);
      await label.waitFor();
      assert.ok((await label.innerText()).startsWith(name), await label.innerText());
    }
    assert.deepEqual(page.uncaught, []);
  });
}
