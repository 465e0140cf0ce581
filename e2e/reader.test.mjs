// A reader opens the site and reads the seed article; bad data answers
// show a localised alert with a Retry that works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { newPage, screenshot } from './harness.mjs';
import { SLUG, TITLES, assertNoErrors, entryPath, entryUrl, firstCard, openEntry, takenOver, useSite } from './pages.mjs';

const TITLE = TITLES.en;

// The body paragraphs exactly as the seed page has them (footnote numbers
// are glued to the text there, as they are in the rendered <sup>s).
const seedLines = readFileSync(new URL('./fixtures/seed-en.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const bodyStart = seedLines.findIndex((l) => l.startsWith('Kazakhstan and Uzbekistan celebrate'));
const bodyEnd = seedLines.findIndex((l) => /^1 “/.test(l));
const SEED_PARAGRAPHS = seedLines.slice(bodyStart, bodyEnd);

const env = useSite();

test('the root address leads to the archive, and its link to the seed article', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/`);
  await page.waitForURL(`${env.base}/en/`);
  const link = page.getByRole('link', { name: TITLE });
  await link.click();
  await page.waitForURL(entryUrl('en'));
  assert.equal(await page.locator('h1').innerText(), TITLE);
  assertNoErrors(page);
});

test('every paragraph of the seed body is on screen, in order', async () => {
  assert.equal(SEED_PARAGRAPHS.length, 8);
  const page = await newPage(env.browser);
  await openEntry(page, 'en');
  const shown = await page.locator('.entry-body p').allInnerTexts();
  assert.deepEqual(shown, SEED_PARAGRAPHS);
  assert.equal(await page.title(), `${TITLE} — okuma`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('.entry-meta').innerText(), /December 2022/);
  assertNoErrors(page);
  await screenshot(page, 'seed-en');
});

test('the four numbered sources show with their access dates', async () => {
  const page = await newPage(env.browser);
  await openEntry(page, 'en');
  const notes = page.locator('.sources li');
  assert.equal(await notes.count(), 4);
  const texts = await notes.allInnerTexts();
  const expected = [
    ['Казахстан и Узбекистан отмечают 30-летие дипломатических отношений', 'WorldNews'],
    ['Казахстан и Узбекистан готовят новый союз', 'Express'],
    ['О подписании Договора между Республикой Казахстан и Республикой Узбекистан о союзнических отношениях', 'Открытые НПА'],
  ];
  expected.forEach(([title, publisher], i) => {
    assert.ok(texts[i].includes(title), texts[i]);
    assert.ok(texts[i].includes(publisher), texts[i]);
    assert.ok(texts[i].includes('December 14, 2022'), texts[i]);
  });
  assert.match(texts[3], /^Ibid\./);
  assert.equal(await page.locator('#note-1 .source-title').getAttribute('lang'), 'ru');
  // The reference opens a preview of its source in place, and the preview
  // leads to the notes list, which leads back.
  const ref = page.locator('#p1 sup a');
  assert.equal(await ref.getAttribute('aria-expanded'), 'false');
  await ref.click();
  const preview = page.locator('.note-preview');
  await preview.waitFor();
  // The click opened the preview in place; it did not follow the link.
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.equal(await ref.getAttribute('aria-expanded'), 'true');
  assert.match(await preview.innerText(), /Казахстан и Узбекистан отмечают 30-летие/);
  assert.match(await preview.innerText(), /WorldNews/);
  assert.match(await preview.innerText(), /December 14, 2022/);
  await preview.getByRole('link').click();
  await page.waitForFunction(() => location.hash === '#note-1');
  assert.ok(await page.locator('#note-1').isVisible());
});

test('the author is credited with a bio', async () => {
  const page = await newPage(env.browser);
  await openEntry(page, 'en');
  assert.match(await page.locator('.entry-byline').innerText(), /Aidana Baktybek Kyzy/);
  const card = page.locator('.author-card');
  assert.match(await card.innerText(), /Aidana Baktybek Kyzy/);
  assert.match(await card.locator('.author-bio').innerText(), /born in Bishkek in 1999/);
});

// A data request answered badly, then served again after Retry.
const FAILURES = {
  'status 500': { status: 500, contentType: 'text/plain', body: 'internal error', alert: /answered with an error \(500\)/ },
  'an HTML page': { status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><body>index</body></html>', alert: /sent a web page instead of the data/ },
  'truncated JSON': { status: 200, contentType: 'application/json', body: null, alert: /damaged or in a format/ },
  'a newer dataset format': { status: 200, contentType: 'application/json', body: '{"format": 2, "whatever": []}', alert: /damaged or in a format this reader does not understand/ },
  'JSON of the wrong shape': { status: 200, contentType: 'application/json', body: '{"format": 1, "languages": "en"}', alert: /damaged or in a format/ },
};

for (const file of ['site.json', `entries/${SLUG}.json`]) {
  for (const [name, failure] of Object.entries(FAILURES)) {
    test(`${file} answered with ${name}: alert, then Retry recovers`, async () => {
      const page = await newPage(env.browser);
      const pattern = `**/data/${file}`;
      await page.route(pattern, async (route) => {
        let body = failure.body;
        if (body === null) {
          const real = await route.fetch();
          const text = await real.text();
          body = text.slice(0, Math.floor(text.length / 2));
        }
        await route.fulfill({ status: failure.status, contentType: failure.contentType, body });
      });
      await page.goto(entryUrl('en'));
      const alert = page.locator('#okuma-app').getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), failure.alert);
      // The app drew no page of its own; the pre-rendered article stays,
      // whole and readable, below the alert.
      assert.equal(await page.locator('#okuma-app h1#entry-title').count(), 0);
      const kept = page.locator('#okuma-prerendered');
      assert.equal(await kept.locator('h1#entry-title').innerText(), TITLE);
      assert.deepEqual(await kept.locator('.entry-body p').allInnerTexts(), SEED_PARAGRAPHS);
      const [alertBox, titleBox] = [await alert.boundingBox(), await kept.locator('h1#entry-title').boundingBox()];
      assert.ok(alertBox.y + alertBox.height <= titleBox.y, `alert ${JSON.stringify(alertBox)} above the title ${JSON.stringify(titleBox)}`);
      // The console gets the detail.
      assert.ok(page.consoleErrors.some((e) => e.includes(`/data/${file}`)), page.consoleErrors.join('\n'));

      await page.unroute(pattern);
      await page.getByRole('button', { name: 'Try again' }).click();
      // The app's page replaces the pre-rendered one.
      await takenOver(page);
      await page.locator('h1#entry-title').waitFor();
      assert.equal(await page.locator('h1#entry-title').innerText(), TITLE);
      assert.equal(await page.getByRole('alert').count(), 0);
      assert.deepEqual(await page.locator('.entry-body p').allInnerTexts(), SEED_PARAGRAPHS);
      assert.deepEqual(page.uncaught, []);
    });
  }
}

test('a network failure shows the alert too', async () => {
  const page = await newPage(env.browser);
  await page.route('**/data/site.json', (route) => route.abort('connectionrefused'));
  await page.goto(`${env.base}/en/`);
  const alert = page.locator('#okuma-app').getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /did not answer/);
  // The pre-rendered archive stays, its links usable.
  assert.ok(await page.locator('#okuma-prerendered').getByRole('link', { name: TITLE }).isVisible());
  assert.equal(await page.locator('#okuma-app .entry-card').count(), 0);
  await page.unroute('**/data/site.json');
  await page.getByRole('button', { name: 'Try again' }).click();
  await takenOver(page);
  await page.getByRole('link', { name: TITLE }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.deepEqual(page.uncaught, []);
  await screenshot(page, 'archive-en');
});

test('unknown slugs and pages get a not-found view with a way back', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/en/entries/no-such-entry`);
  await page.getByRole('heading', { name: 'Not found' }).waitFor();
  await page.getByRole('link', { name: 'Back to all entries' }).click();
  await page.waitForURL(`${env.base}/en/`);
  await page.goto(`${env.base}/ru/some/where/else`);
  await page.getByRole('heading', { name: 'Не найдено' }).waitFor();
  assert.deepEqual(page.uncaught, []);
});

// The seed in each language the dataset offers: its own title, all eight
// paragraphs, notes whose Russian titles keep lang="ru", dates by Intl.
const LANGUAGES = {
  tr: {
    ibid: 'A\\.g\\.e\\.', title: /^Özbekistan-Kazakistan İlişkilerinde Yeni Bir Aşama/, date: '14 Aralık 2022', month: 'Aralık 2022', sources: 'Kaynaklar', bio: /1999 yılında Bişkek'te doğmuştur/,
    byline: 'Yazar: Aidana Baktybek Kyzy', translator: 'okuma editörleri', accessed: '(erişim tarihi: 14 Aralık 2022)',
  },
  ru: {
    ibid: 'Там же', title: /^Новый этап в узбекско-казахстанских отношениях/, date: '14 декабря 2022 г.', month: 'декабрь 2022 г.', sources: 'Источники', bio: /Айдана Бактыбек кызы родилась/,
    byline: 'Автор: Айдана Бактыбек кызы', translator: 'редакция okuma', accessed: '(дата обращения: 14 декабря 2022 г.)',
  },
};

// A card in another language than the page's: its title carries that
// language, and a badge names it.
const FALLBACK_TITLE = '.entry-card h3[lang]';
const FALLBACK_BADGE = '.entry-card .lang-badge';

for (const [code, want] of Object.entries(LANGUAGES)) {
  test(`the seed article reads in ${code}`, async () => {
    const page = await newPage(env.browser);
    await openEntry(page, code);
    assert.match(await page.locator('h1').innerText(), want.title);
    assert.equal(await page.locator('html').getAttribute('lang'), code);
    const paragraphs = await page.locator('.entry-body p').allInnerTexts();
    assert.equal(paragraphs.length, 8);
    for (const [i, text] of paragraphs.entries()) {
      assert.ok(text.length > 80, `paragraph ${i + 1} has text`);
      assert.notEqual(text, SEED_PARAGRAPHS[i], `paragraph ${i + 1} is translated`);
    }
    assert.equal(await page.getByRole('heading', { name: want.sources }).count(), 1);
    assert.equal(await page.locator('#note-3 .source-title').getAttribute('lang'), 'ru');
    assert.ok((await page.locator('#note-1').innerText()).includes(want.date));
    assert.ok((await page.locator('.entry-meta').innerText()).toLowerCase().includes(want.month.toLowerCase()));
    assert.match(await page.locator('.author-bio').innerText(), want.bio);
    assert.equal(await page.locator('.entry-byline').innerText(), want.byline);
    // The translator is credited by name in the page's language, not as "okuma editors".
    const provenance = await page.locator('.provenance').innerText();
    assert.ok(provenance.includes(want.translator), provenance);
    assert.ok(!provenance.includes('okuma editors'), provenance);
    assert.ok((await page.locator('#note-1').innerText()).includes(want.accessed), await page.locator('#note-1').innerText());
    assertNoErrors(page);
    await screenshot(page, `seed-${code}`);
  });

  test(`a note preview opens and closes by keyboard in ${code}`, async () => {
    const page = await newPage(env.browser);
    await page.goto(entryUrl(code));
    const ref = page.locator('#ref-4');
    await ref.waitFor();
    await ref.focus();
    await page.keyboard.press('Enter');
    const preview = page.locator(`#${await ref.getAttribute('aria-controls')}`);
    await preview.waitFor();
    // Note 4 is "Ibid.": the preview names the source it repeats.
    assert.match(await preview.innerText(), new RegExp(want.ibid));
    assert.match(await preview.innerText(), /О подписании Договора/);
    assert.equal(await preview.locator('.source-title').getAttribute('lang'), 'ru');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'ref-4');
    assert.equal(await ref.getAttribute('aria-expanded'), 'false');
  });

  test(`the archive lists every entry in ${code}`, async () => {
    const page = await newPage(env.browser);
    await page.goto(`${env.base}/${code}/`);
    await firstCard(page);
    // The dataset of the build being served.
    const site = JSON.parse(readFileSync(`${env.dist}/data/site.json`, 'utf8'));
    assert.equal(await page.locator('.entry-card').count(), site.catalog.entries);
    // Every entry exists in every language, so no card falls back to
    // another: none has a title in another language, nor its badge.
    assert.equal(await page.locator(FALLBACK_TITLE).count(), 0);
    assert.equal(await page.locator(FALLBACK_BADGE).count(), 0);
    const seedCard = page.locator(`.entry-card a[href="${entryPath(code)}"]`);
    assert.match(await seedCard.innerText(), want.title);
    assert.equal(await page.locator('html').getAttribute('lang'), code);
    assert.deepEqual(page.uncaught, []);
    await screenshot(page, `archive-${code}`);
  });

  test(`a card shown in another language than ${code} says so`, async () => {
    // The check above can fail: the same archive with the seed's card in
    // its English original, as the catalog has it when a translation is
    // missing.
    const page = await newPage(env.browser);
    await page.route(`**/data/catalog/${code}/1.json`, async (route) => {
      const catalog = await (await route.fetch()).json();
      const card = catalog.entries.find((c) => c.slug === SLUG);
      Object.assign(card, { lang: 'en', title: TITLE });
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(catalog) });
    });
    await page.goto(`${env.base}/${code}/`);
    await firstCard(page);
    const fallback = page.locator(FALLBACK_TITLE);
    assert.equal(await fallback.count(), 1);
    assert.equal(await fallback.getAttribute('lang'), 'en');
    assert.equal(await fallback.innerText(), TITLE);
    assert.equal(await page.locator(FALLBACK_BADGE).count(), 1);
    assert.deepEqual(page.uncaught, []);
  });
}
