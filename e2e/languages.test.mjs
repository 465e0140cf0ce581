// Moving between English, Turkish and Russian as a reader expects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, screenshot } from './harness.mjs';
import {
  NATIVE,
  SLUG,
  TITLES,
  entryPath,
  entryUrl,
  firstCard,
  languageNav,
  openEntry,
  serveGenerated,
  sitePath,
  takenOver,
  useSite,
  waitForLang,
} from './pages.mjs';

const BROWSER_LOCALE = { en: 'en-GB', tr: 'tr-TR', ru: 'ru-RU' };

const env = useSite();

for (const [code, locale] of Object.entries(BROWSER_LOCALE)) {
  test(`/ with a ${locale} browser and nothing stored lands on /${code}/`, async () => {
    const page = await newPage(env.browser, { locale });
    await page.goto(`${env.base}/`);
    await page.waitForURL(`${env.base}/${code}/`);
    await firstCard(page);
    assert.equal(await page.locator('html').getAttribute('lang'), code);
    const nav = languageNav(page, code);
    assert.equal(await nav.locator('a[aria-current="true"]').innerText(), NATIVE[code]);
    assert.deepEqual(page.uncaught, []);
  });
}

test('a browser language the site lacks lands on the default', async () => {
  const page = await newPage(env.browser, { locale: 'de-DE' });
  await page.goto(`${env.base}/`);
  await page.waitForURL(`${env.base}/en/`);
});

test('the switcher names each language natively, with lang and hreflang', async () => {
  const page = await newPage(env.browser);
  await page.goto(entryUrl('ru'));
  const nav = languageNav(page, 'ru');
  await nav.waitFor();
  for (const [code, name] of Object.entries(NATIVE)) {
    const link = nav.getByRole('link', { name });
    assert.equal(await link.getAttribute('lang'), code);
    assert.equal(await link.getAttribute('hreflang'), code);
    assert.equal(await link.getAttribute('href'), entryPath(code));
  }
  assert.equal(await nav.locator('[aria-current]').count(), 1);
  // One hreflang alternate per language, and an x-default that is one of them.
  const alternates = await page.locator('head link[rel="alternate"][hreflang]').evaluateAll((links) =>
    links.map((l) => [l.hreflang, new URL(l.href).pathname]),
  );
  const xDefault = alternates.filter(([l]) => l === 'x-default');
  assert.equal(xDefault.length, 1, JSON.stringify(alternates));
  assert.ok(Object.keys(NATIVE).some((c) => entryPath(c) === xDefault[0][1]), JSON.stringify(xDefault));
  assert.deepEqual(
    alternates.filter(([l]) => l !== 'x-default').sort(),
    Object.keys(NATIVE).map((c) => [c, entryPath(c)]).sort(),
  );
  const description = await page.locator('head meta[name="description"]').getAttribute('content');
  assert.match(description, /Анализ/);
});

test('switching language keeps the paragraph in view, remembers the choice, and walks back', async () => {
  const page = await newPage(env.browser, { locale: 'en-US', viewport: { width: 1000, height: 700 } });
  await page.goto(entryUrl('en'));
  await page.locator('#p5').waitFor();
  await page.locator('#p5').evaluate((p) => p.scrollIntoView({ block: 'start' }));
  // The reader is at p5: its top just below the sticky header, the
  // paragraph before it scrolled away.
  const offset = await page.evaluate(
    () => document.getElementById('p5').getBoundingClientRect().top - document.querySelector('.site-header').getBoundingClientRect().bottom - 8,
  );
  await page.mouse.wheel(0, offset);
  await page.waitForTimeout(100);
  const before = await page.locator('#p5').evaluate((p) => p.getBoundingClientRect().top);
  const englishP5 = await page.locator('#p5').innerText();

  await languageNav(page, 'en').getByRole('link', { name: 'Русский' }).click();
  await page.waitForURL(entryUrl('ru'));
  await waitForLang(page, 'ru');
  await page.waitForTimeout(150);
  assert.equal(await page.locator('h1').innerText(), TITLES.ru);
  assert.equal(await page.title(), `${TITLES.ru} — okuma`);
  const russianP5 = await page.locator('#p5').innerText();
  assert.notEqual(russianP5, englishP5);
  assert.match(russianP5, /статье 3/);
  const after = await page.locator('#p5').evaluate((p) => p.getBoundingClientRect().top);
  assert.ok(Math.abs(after - before) < 4, `p5 moved from ${before} to ${after}`);
  await screenshot(page, 'switch-ru-kept-place');

  // The choice is remembered: / now lands on Russian, whatever the browser says.
  await page.goto(`${env.base}/`);
  await page.waitForURL(`${env.base}/ru/`);
  // Back and forward walk the page and language changes.
  await page.goBack();
  await page.waitForURL(entryUrl('ru'));
  // A new document: its pre-rendered copy, then the app's.
  await takenOver(page);
  await page.goBack();
  await page.waitForURL(entryUrl('en'));
  await page.locator('h1#entry-title').waitFor();
  assert.equal(await page.locator('h1').innerText(), TITLES.en);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.goForward();
  await page.waitForURL(entryUrl('ru'));
  await waitForLang(page, 'ru');
  // Reload keeps the choice, since it lives in the URL.
  await page.reload();
  await takenOver(page);
  await page.locator('h1#entry-title').waitFor();
  assert.equal(await page.locator('h1').innerText(), TITLES.ru);
  assert.deepEqual(page.uncaught, []);
});

test('switching through all three languages on the article', async () => {
  const page = await newPage(env.browser);
  await page.goto(entryUrl('en'));
  for (const code of ['tr', 'ru', 'en']) {
    await page.getByRole('navigation').getByRole('link', { name: NATIVE[code] }).click();
    await page.waitForURL(entryUrl(code));
    await waitForLang(page, code);
    assert.equal(await page.locator('h1').innerText(), TITLES[code]);
    assert.equal(await page.locator('.entry-body p').count(), 8);
    const also = await page.locator('.also-available a').allInnerTexts();
    assert.deepEqual(also.sort(), Object.entries(NATIVE).filter(([c]) => c !== code).map(([, n]) => n).sort());
  }
});

test('an entry missing in the chosen language shows the best fallback, says so, and links the original', async () => {
  const page = await newPage(env.browser, { locale: 'ru-RU' });
  // The dataset as a publisher might have it: no Turkish translation yet.
  await page.route(`**/data/entries/${SLUG}.json`, async (route) => {
    const real = await route.fetch();
    const entry = await real.json();
    delete entry.translations.tr;
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(entry) });
  });
  await page.goto(entryUrl('tr'));
  const notice = page.locator('.fallback-notice');
  await notice.waitFor();
  // The chain is Turkish, then the browser's Russian, then the English original.
  assert.match(await notice.innerText(), /Bu yazının Türkçe sürümü yok; Rusça sürümü gösteriliyor/);
  assert.equal(await page.locator('.entry-body').getAttribute('lang'), 'ru');
  assert.equal(await page.locator('h1').getAttribute('lang'), 'ru');
  assert.equal(await page.locator('.entry-meta').evaluate((e) => e.closest('[lang]').lang), 'tr');
  assert.equal(await page.locator('html').getAttribute('lang'), 'tr');
  assert.equal(await page.locator('h1').innerText(), TITLES.ru);
  assert.equal(await notice.getByRole('link').getAttribute('href'), entryPath('en'));
  // The switcher shows Turkish as the current page, without a broken link elsewhere.
  const nav = languageNav(page, 'tr');
  assert.equal(await nav.locator('[aria-current]').innerText(), 'Türkçe');
  await screenshot(page, 'fallback-tr');
});

test('a language the entry lacks is shown as unavailable, not linked', async () => {
  const page = await newPage(env.browser);
  await page.route(`**/data/entries/${SLUG}.json`, async (route) => {
    const entry = await (await route.fetch()).json();
    delete entry.translations.ru;
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(entry) });
  });
  await page.goto(entryUrl('en'));
  const nav = languageNav(page, 'en');
  await nav.waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Русский' }).count(), 0);
  const unavailable = nav.locator('[aria-disabled="true"]');
  assert.equal(await unavailable.innerText(), 'Русский');
  assert.equal(await unavailable.getAttribute('lang'), 'ru');
});

test('an unknown language code is corrected to the default, with a notice', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/xx/entries/${SLUG}/`);
  await page.waitForURL(entryUrl('en'));
  const notice = page.getByRole('status').filter({ hasText: 'xx' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /language “xx”, which this site does not have/);
  assert.equal(await page.locator('h1').innerText(), TITLES.en);
  await page.goto(`${env.base}/zz/?q=test`);
  await page.waitForURL(`${env.base}/en/?q=test`);
  // Written without the final slash, it is corrected to the page's own address.
  await page.goto(`${env.base}/xx/entries/${SLUG}`);
  await page.waitForURL(entryUrl('en'));
  assert.deepEqual(page.uncaught, []);
});

test('an unknown language reached by a link from a corrected page is corrected too, not left loading', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/~`);
  await page.waitForURL(`${env.base}/en/`);
  await firstCard(page);
  // In-app navigation (the router takes the click) to another unknown language.
  await page.evaluate((csto) => {
    const link = Object.assign(document.createElement('a'), { href: csto });
    document.body.append(link);
    link.click();
  }, sitePath('csto'));
  await page.getByRole('status').filter({ hasText: 'csto' }).waitFor();
  assert.equal(page.url(), `${env.base}/en/`);
  await firstCard(page);
  assert.equal(await page.locator('.loading').count(), 0);
  assert.deepEqual(page.uncaught, []);
});

test('the switcher is reachable and usable by keyboard, with visible focus', async () => {
  const page = await newPage(env.browser);
  await openEntry(page, 'en');
  // Tab past the skip link and the site title to the first language.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  assert.equal(focused, 'Türkçe');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.keyboard.press('Enter');
  await page.waitForURL(entryUrl('tr'));
  await waitForLang(page, 'tr');
});

test('print media shows the notes and hides the interface', async () => {
  const page = await newPage(env.browser);
  await page.goto(entryUrl('tr'));
  await page.locator('#note-3').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.sources').isVisible());
  assert.equal(await page.locator('.sources li').count(), 4);
  assert.ok(await page.locator('#note-3').isVisible());
  assert.equal(await page.locator('.site-header').isVisible(), false);
});

test('the theme follows the system until the reader toggles it, and stays toggled', async () => {
  const page = await newPage(env.browser, { colorScheme: 'dark' });
  await page.goto(entryUrl('en'));
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await toggle.waitFor();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(await background(), 'rgb(22, 24, 26)');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await background(), 'rgb(251, 250, 247)');
  await page.reload();
  await takenOver(page);
  await page.getByRole('button', { name: 'Dark theme' }).waitFor();
  assert.equal(await background(), 'rgb(251, 250, 247)');
});

test('the reading progress bar follows the scroll', async () => {
  const page = await newPage(env.browser, { viewport: { width: 900, height: 600 }, reducedMotion: 'reduce' });
  await page.goto(entryUrl('en'));
  const bar = page.getByRole('progressbar', { name: 'Reading progress' });
  await bar.waitFor();
  assert.equal(await bar.getAttribute('aria-valuenow'), '0');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => document.querySelector('[role=progressbar]').getAttribute('aria-valuenow') === '100');
  const transition = await page.locator('.reading-progress-bar').evaluate((e) => getComputedStyle(e).transitionDuration);
  assert.equal(transition, '0s', 'no motion when the reader asks for less');
});

test('parallel view pairs paragraph N with N, from the URL and from the control', async () => {
  const page = await newPage(env.browser, { viewport: { width: 1300, height: 900 } });
  await page.goto(`${entryUrl('en')}?with=ru`);
  await page.locator('.pair').first().waitFor();
  const pairs = page.locator('.pair');
  assert.equal(await pairs.count(), 8);
  for (const n of [1, 5, 8]) {
    const pair = pairs.nth(n - 1);
    assert.equal(await pair.locator('.pair-first > [id]').getAttribute('id'), `p${n}`);
    assert.equal(await pair.locator('.pair-second > [id]').getAttribute('id'), `with-p${n}`);
    assert.equal(await pair.locator('.pair-first').getAttribute('lang'), 'en');
    assert.equal(await pair.locator('.pair-second').getAttribute('lang'), 'ru');
  }
  assert.match(await pairs.nth(4).locator('.pair-second').innerText(), /статье 3/);
  assert.match(await pairs.nth(4).locator('.pair-first').innerText(), /^Clause 3/);
  // Side by side on a wide screen.
  const [a, b] = await Promise.all([
    pairs.nth(0).locator('.pair-first').boundingBox(),
    pairs.nth(0).locator('.pair-second').boundingBox(),
  ]);
  assert.ok(b.x > a.x + a.width - 1 && Math.abs(a.y - b.y) < 2, 'columns sit side by side');
  await screenshot(page, 'parallel-en-ru');
  // Stacked on a narrow one.
  await page.setViewportSize({ width: 420, height: 900 });
  const [c, d] = await Promise.all([
    pairs.nth(0).locator('.pair-first').boundingBox(),
    pairs.nth(0).locator('.pair-second').boundingBox(),
  ]);
  assert.ok(d.y >= c.y + c.height - 1, 'pairs stack on a narrow screen');
  // The control turns it off and on, and the switcher keeps it.
  const control = page.getByLabel('Side by side with');
  await control.selectOption('');
  await page.waitForURL(entryUrl('en'));
  assert.equal(await page.locator('.pair').count(), 0);
  await control.selectOption('tr');
  await page.waitForURL(`${entryUrl('en')}?with=tr`);
  await page.locator('.pair').first().waitFor();
  assert.equal(await page.locator('.pair-second').first().getAttribute('lang'), 'tr');
  const toRussian = languageNav(page, 'en').getByRole('link', { name: 'Русский' });
  assert.equal(await toRussian.getAttribute('href'), `${entryPath('ru')}?with=tr`);
});

const SIMILAR = { en: ['Similar entries', 'Also about:'], tr: ['Benzer yazılar', 'Ortak konular:'], ru: ['Похожие материалы', 'Общие темы:'] };
for (const [code, [heading, reason]] of Object.entries(SIMILAR)) {
  test(`similar entries in ${code}, each with its reason`, async () => {
    const page = await newPage(env.browser);
    await page.goto(entryUrl(code));
    const section = page.getByRole('region', { name: heading });
    await section.locator('li').first().waitFor();
    const items = section.locator('li');
    assert.ok((await items.count()) >= 1);
    const first = await items.first().innerText();
    assert.ok(first.includes(reason), first);
    const href = await items.first().getByRole('link').getAttribute('href');
    assert.match(href, new RegExp(`^${sitePath(`${code}/entries/`)}`));
    assert.notEqual(href, entryPath(code));
  });
}

test('a mention opens a preview of its entity, with a link to the explainer', async () => {
  const page = await newPage(env.browser);
  await page.goto(entryUrl('ru'));
  const mention = page.locator('#p4 button.mention', { hasText: 'Касым-Жомарт Токаев' });
  await mention.waitFor();
  await mention.focus();
  await page.keyboard.press('Enter');
  const preview = page.locator(`#${await mention.getAttribute('aria-controls')}`);
  await preview.waitFor();
  assert.match(await preview.innerText(), /Президент Казахстана/i);
  assert.equal(await preview.getByRole('link').getAttribute('href'), entryPath('ru', 'kassym-jomart-tokayev'));
  await page.keyboard.press('Escape');
  await preview.waitFor({ state: 'detached' });
  // The words themselves are unchanged text in the paragraph.
  assert.match(await page.locator('#p4').innerText(), /президент Казахстана Касым-Жомарт Токаев/);
});

test('an entry with headings has a contents list in the reading language', async () => {
  const page = await newPage(env.browser);
  await page.goto(entryUrl('ru', 'kazakhstan-uzbekistan-treaty'));
  const contents = page.getByRole('navigation', { name: 'Содержание' });
  await contents.waitFor();
  const link = contents.getByRole('link').first();
  const target = (await link.getAttribute('href')).slice(1);
  assert.equal(await page.locator(`[id="${target}"]`).evaluate((e) => e.tagName), 'H2');
  assert.equal(await link.innerText(), await page.locator(`[id="${target}"]`).innerText());
});

test('on a generated archive, an entry missing in Turkish falls back along the chain', async () => {
  // A synthetic archive from the publisher's tool (okuma gen), served in
  // place of the bundled dataset.
  const dir = 'target/e2e/gen';
  const page = await newPage(env.browser, { locale: 'en-US' });
  await serveGenerated(page, dir, ['--entries', '60', '--seed', '5']);
  const { readFileSync, readdirSync } = await import('node:fs');
  const missing = readdirSync(`${dir}/entries`)
    .map((f) => JSON.parse(readFileSync(`${dir}/entries/${f}`, 'utf8')))
    .find((e) => !e.translations.tr && e.original_language !== 'tr' && e.translations.en && e.translations.ru);
  assert.ok(missing, 'the generator leaves some translations out');
  await page.goto(entryUrl('tr', missing.slug));
  const notice = page.locator('.fallback-notice');
  await notice.waitFor();
  // Turkish is missing; the browser's English comes next in the chain.
  assert.match(await notice.innerText(), /Bu yazının Türkçe sürümü yok; İngilizce sürümü gösteriliyor/);
  assert.equal(await page.locator('h1').innerText(), missing.translations.en.title);
  assert.equal(await page.locator('h1').getAttribute('lang'), 'en');
  const nav = languageNav(page, 'tr');
  assert.equal(await nav.locator('[aria-current]').innerText(), 'Türkçe');
  assert.deepEqual(page.uncaught, []);
});

/** The month of a dataset date (`2024-05…`) as `lang` names it; `null` for a year alone. */
function monthName(lang, date) {
  const [year, month] = date.split('-').map(Number);
  if (!month) return null;
  return new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

test('a fourth language added to a dataset reads in its own interface text, dates and numbers', async () => {
  // docs/extending.md: the dataset offers German, locales/de.toml gives the text.
  const dir = 'target/e2e/gen-de';
  const page = await newPage(env.browser, { locale: 'en-US' });
  await serveGenerated(page, dir, ['--entries', '1200', '--seed', '3', '--add-language', 'de']);
  const { readFileSync } = await import('node:fs');
  const first = JSON.parse(readFileSync(`${dir}/catalog/de/1.json`, 'utf8')).entries[0];

  await page.goto(`${env.base}/de/`);
  await firstCard(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  const nav = page.getByRole('navigation', { name: 'Sprache' });
  assert.equal(await nav.locator('[aria-current]').innerText(), 'Deutsch');
  // Counts in German digits and words, names of kinds from the dataset.
  assert.equal(await page.locator('#results-heading').textContent(), '1.200 Beiträge');
  assert.ok(await page.locator('.entry-kind', { hasText: 'Analyse' }).count() > 0);
  assert.equal(await page.getByRole('searchbox', { name: 'Beiträge durchsuchen' }).count(), 1);

  await page.goto(entryUrl('de', first.slug));
  await page.locator('h1#entry-title').waitFor();
  assert.equal(await page.locator('h1').innerText(), first.title);
  assert.equal(await page.locator('h1').getAttribute('lang'), 'de');
  const meta = await page.locator('.entry-meta').innerText();
  assert.match(meta, /Minuten? Lesezeit/);
  const month = monthName('de', first.date);
  if (month) assert.ok(meta.includes(month), `${meta} has the German month ${month}`);
  assert.ok(meta.includes(first.date.slice(0, 4)), meta);
  assert.match(await page.locator('.provenance').innerText(), /^Aus dem Original \((Englisch|Türkisch|Russisch)\) übersetzt von /);
  assert.deepEqual(page.uncaught, []);
});

test('an added language without a locale file reads in the default text with its own dates and numbers', async () => {
  const dir = 'target/e2e/gen-fr';
  const page = await newPage(env.browser, { locale: 'en-US' });
  await serveGenerated(page, dir, ['--entries', '1200', '--seed', '4', '--add-language', 'fr']);
  const { readFileSync } = await import('node:fs');
  const dated = JSON.parse(readFileSync(`${dir}/catalog/fr/1.json`, 'utf8')).entries.find((c) => /^\d{4}-\d{2}/.test(c.date));
  await page.goto(`${env.base}/fr/`);
  await firstCard(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  // No locales/fr.toml: the site's default language's interface text…
  assert.equal(await page.getByRole('searchbox', { name: 'Search entries' }).count(), 1);
  // …but French numbers (a narrow no-break space groups thousands) and dates.
  assert.match(await page.locator('#results-heading').textContent(), /^1\s200 entries$/);
  await page.goto(entryUrl('fr', dated.slug));
  await page.locator('h1#entry-title').waitFor();
  const month = monthName('fr', dated.date);
  const meta = await page.locator('.entry-meta').innerText();
  assert.ok(meta.includes(month), `${meta} has the French month ${month}`);
  assert.deepEqual(page.uncaught, []);
});

test('on the archive the switcher keeps the query', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/tr/?q=aral&topic=environment`);
  const nav = languageNav(page, 'tr');
  await nav.waitFor();
  assert.equal(await nav.getByRole('link', { name: 'English' }).getAttribute('href'), sitePath('en/?q=aral&topic=environment'));
  await nav.getByRole('link', { name: 'Русский' }).click();
  await page.waitForURL(`${env.base}/ru/?q=aral&topic=environment`);
  await waitForLang(page, 'ru');
  await screenshot(page, 'archive-ru-switched');
});
