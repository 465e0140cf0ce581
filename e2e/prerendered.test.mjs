// The pre-rendered pages, read as a browser without JavaScript reads them
// (and as a crawler does): the seed article whole in every language, plain
// links between languages, the archive's cards, the not-found page, the
// root, and every entry page's head (canonical, hreflang, Open Graph,
// JSON-LD), read from the files in $OKUMA_DIST.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, newPage, screenshot } from './harness.mjs';
import { NATIVE, SLUG, TITLES, entryUrl, languageNav, useSite } from './pages.mjs';

const env = useSite();

const readJson = (path) => JSON.parse(readFileSync(join(DIST, path), 'utf8'));
const SITE = readJson('data/site.json');
const LANGS = SITE.languages.map((l) => l.code);
const PUBLIC_URL = SITE.public_url.endsWith('/') ? SITE.public_url : `${SITE.public_url}/`;
const SEED = readJson(`data/entries/${SLUG}.json`);

/** A page with JavaScript off: only what the build wrote is there. */
const staticPage = (browser) => newPage(browser, { javaScriptEnabled: false, locale: 'en-US' });

const norm = (s) => s.replace(/\s+/g, ' ').trim();

/** A block's inline content as text: mentions by their words, notes by their number. */
function flatten(content) {
  return content
    .map((node) => {
      if (typeof node === 'string') return node;
      if (node.type === 'note') return String(node.number);
      if (Array.isArray(node.content)) return flatten(node.content);
      return node.text ?? '';
    })
    .join('');
}

/**
 * The interface texts of a language from locales/{lang}.toml: top-level
 * strings as `key`, tables' strings as `table.key` (all this test needs).
 */
function locale(lang) {
  const texts = {};
  let table = '';
  for (const line of readFileSync(new URL(`../locales/${lang}.toml`, import.meta.url), 'utf8').split('\n')) {
    const section = line.match(/^\s*\[([\w.-]+)\]\s*$/);
    if (section) {
      table = `${section[1]}.`;
      continue;
    }
    const pair = line.match(/^\s*([\w-]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/);
    if (pair) texts[table + pair[1]] = JSON.parse(`"${pair[2]}"`);
  }
  return texts;
}

/** The "{n} min read" forms of a language, as one pattern. */
function minutesRead(texts) {
  const forms = Object.entries(texts)
    .filter(([key]) => key.startsWith('minutes_read.'))
    .map(([, form]) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{n\\}', '\\d+'));
  assert.ok(forms.length > 0, 'minutes_read has no forms');
  return new RegExp(`(?:${forms.join('|')})`);
}

/** The file in the build for an absolute URL under the public URL. */
function fileFor(url) {
  assert.ok(url.startsWith(PUBLIC_URL), `${url} is not under ${PUBLIC_URL}`);
  const rel = decodeURIComponent(url.slice(PUBLIC_URL.length).split(/[?#]/)[0]);
  return rel === '' || rel.endsWith('/') ? join(DIST, rel, 'index.html') : join(DIST, rel);
}

/** Opens a page with JavaScript off and checks it answered 200. */
async function open(page, url, status = 200) {
  const response = await page.goto(url);
  assert.equal(response.status(), status, `${url} answered ${response.status()}`);
  return response;
}

/** The address `href` on `page` answers 200 itself (no redirect). */
async function assertServed(page, href) {
  const url = new URL(href, page.url()).href;
  const response = await page.request.get(url, { maxRedirects: 0 });
  assert.equal(response.status(), 200, `${href} (linked from ${page.url()}) answered ${response.status()}`);
}

// ---- The seed article, whole, with JavaScript off ----

for (const lang of ['en', 'tr', 'ru']) {
  test(`without JavaScript, the seed article is whole in ${lang}`, async () => {
    const t = SEED.translations[lang];
    assert.ok(t, `the seed has no ${lang} translation`);
    assert.equal(t.title, TITLES[lang]);
    const texts = locale(lang);
    const page = await staticPage(env.browser);
    await open(page, entryUrl(lang));
    await screenshot(page, `nojs-seed-${lang}`);

    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    assert.equal(await page.locator('#okuma-prerendered').count(), 1, 'no #okuma-prerendered');
    assert.equal(norm(await page.locator('h1#entry-title').innerText()), t.title);
    assert.ok((await page.title()).startsWith(t.title), `<title> is ${await page.title()}`);

    // Byline, date, reading time.
    const author = SEED.authors[0];
    const byline = norm(await page.locator('.entry-byline').innerText());
    assert.ok(byline.startsWith(texts.by), `byline "${byline}" does not start with "${texts.by}"`);
    assert.ok(byline.includes(author.name[lang]), `byline "${byline}" lacks ${author.name[lang]}`);
    const date = page.locator('.entry-meta time.entry-date');
    assert.equal(await date.getAttribute('datetime'), SEED.date);
    assert.match(await date.innerText(), new RegExp(SEED.date.slice(0, 4)));
    if (lang === 'en') assert.equal(await date.innerText(), 'December 2022');
    assert.match(await page.locator('.entry-meta').innerText(), minutesRead(texts));

    // Every paragraph of the body, in order, with its words.
    const paragraphs = t.body.filter((b) => b.type === 'paragraph');
    assert.ok(paragraphs.length >= 8, `only ${paragraphs.length} paragraphs in the data`);
    const shownIds = await page.locator('.entry-body p').evaluateAll((ps) => ps.map((p) => p.id));
    assert.deepEqual(shownIds, paragraphs.map((p) => p.id));
    const shown = (await page.locator('.entry-body p').allInnerTexts()).map(norm);
    assert.deepEqual(shown, paragraphs.map((p) => norm(flatten(p.content))));

    // Each note reference is a link to its note in the sources list.
    const notes = paragraphs.flatMap((p) => p.content.filter((n) => n.type === 'note').map((n) => n.number));
    const refs = page.locator('.entry-body sup.note-ref');
    assert.equal(await refs.count(), notes.length);
    const refLinks = await refs.evaluateAll((sups) =>
      sups.map((sup) => {
        const a = sup.querySelector('a[href^="#"]');
        const href = a?.getAttribute('href') ?? null;
        const target = href && document.getElementById(decodeURIComponent(href.slice(1)));
        return { text: sup.textContent.trim(), href, inSources: Boolean(target?.closest('.sources')) };
      }),
    );
    refLinks.forEach((ref, i) => {
      assert.equal(ref.text, String(notes[i]));
      assert.ok(ref.href, `note reference ${notes[i]} is not a link (a[href^="#"]) to its note`);
      assert.ok(ref.inSources, `note reference ${notes[i]} links to ${ref.href}, which is not in the sources list`);
    });
    // And the notes link back to the text.
    const backs = await page.locator('.sources a[href^="#"]').evaluateAll((as) =>
      as.map((a) => [a.getAttribute('href'), Boolean(document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))))]),
    );
    assert.equal(backs.length, SEED.sources.length);
    for (const [href, exists] of backs) assert.ok(exists, `the back link ${href} has no target`);
    // Following a reference with JavaScript off lands on the note.
    await refs.first().locator('a[href^="#"]').click();
    assert.equal(new URL(page.url()).hash, refLinks[0].href);

    // The sources list.
    assert.equal(norm(await page.locator('.sources h2').textContent()), texts.sources);
    const sources = (await page.locator('.sources li').allInnerTexts()).map(norm);
    assert.equal(sources.length, SEED.sources.length);
    SEED.sources.forEach((source, i) => {
      if (source.ibid) {
        assert.ok(sources[i].startsWith(texts.ibid), `source ${i + 1}: ${sources[i]}`);
      } else {
        assert.ok(sources[i].includes(source.title), `source ${i + 1} lacks its title: ${sources[i]}`);
        assert.ok(sources[i].includes(source.publisher), `source ${i + 1} lacks its publisher: ${sources[i]}`);
      }
    });

    // The author, with the bio in this language.
    assert.equal(norm(await page.locator('.author-card .author-name').innerText()), author.name[lang]);
    assert.equal(norm(await page.locator('.author-card .author-bio').innerText()), norm(author.bio[lang].text));

    // "Also available in" the other languages, as links to pages that exist.
    const others = Object.keys(SEED.translations).filter((l) => l !== lang);
    const also = page.locator('.also-available');
    assert.ok(norm(await also.innerText()).startsWith(texts.also_available));
    const alsoLinks = await also.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('hreflang'), a.getAttribute('href')]));
    assert.deepEqual(alsoLinks.map(([l]) => l).sort(), others.sort());
    for (const [l, href] of alsoLinks) {
      assert.equal(new URL(href, page.url()).href, entryUrl(l));
      await assertServed(page, href);
    }

    assert.deepEqual(page.uncaught, []);
  });
}

// ---- Plain links between languages ----

test('without JavaScript, the language switcher opens the other languages', async () => {
  const page = await staticPage(env.browser);
  await open(page, entryUrl('en'));
  for (const [from, to] of [['en', 'tr'], ['tr', 'ru'], ['ru', 'en']]) {
    const link = languageNav(page, from).getByRole('link', { name: NATIVE[to] });
    assert.equal(await link.getAttribute('hreflang'), to);
    await Promise.all([page.waitForURL(entryUrl(to)), link.click()]);
    assert.equal(await page.locator('html').getAttribute('lang'), to);
    assert.equal(norm(await page.locator('h1#entry-title').innerText()), TITLES[to]);
    assert.ok((await page.title()).startsWith(TITLES[to]));
    assert.equal(await languageNav(page, to).locator('a[aria-current="true"]').innerText(), NATIVE[to]);
  }
});

// ---- The archive, the root, the not-found page ----

/** The archive's card links on `page`; checks each against the catalog. */
async function assertArchive(page, lang) {
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
  const catalog = readJson(`data/catalog/${lang}/1.json`).entries;
  const hrefs = await page.locator('.entry-card h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length >= catalog.length, `${hrefs.length} cards on ${page.url()}, the catalog's first page has ${catalog.length}`);
  const paths = new Set(hrefs.map((h) => new URL(h, page.url()).href));
  for (const entry of catalog) {
    assert.ok(paths.has(entryUrl(lang, entry.slug)), `${page.url()} has no link to ${entryUrl(lang, entry.slug)}`);
  }
  for (const href of hrefs) await assertServed(page, href);
}

for (const lang of ['en', 'tr', 'ru']) {
  test(`without JavaScript, /${lang}/ lists the entries as links to their pages`, async () => {
    const page = await staticPage(env.browser);
    await open(page, `${env.base}/${lang}/`);
    await assertArchive(page, lang);
    assert.equal(norm(await page.locator('h1').first().textContent()), locale(lang).archive);
  });

  test(`without JavaScript, /${lang}/no-such-page/ is the ${lang} not-found page, with 404`, async () => {
    const page = await staticPage(env.browser);
    await open(page, `${env.base}/${lang}/no-such-page/`, 404);
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    assert.equal(norm(await page.locator('h1').first().innerText()), locale(lang).not_found_title);
  });
}

test('without JavaScript, / shows the default language archive', async () => {
  const page = await staticPage(env.browser);
  await open(page, `${env.base}/`);
  assert.equal(page.url(), `${env.base}/`);
  await assertArchive(page, SITE.default_language);
});

// ---- The head of every entry page, read from the files ----

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e) =>
    e[0] === '#' ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? m,
  );

/** The parts of a page's head this test reads. */
function readHead(file) {
  const html = readFileSync(file, 'utf8');
  const end = html.search(/<\/head>/i);
  assert.ok(end > 0, `${file}: no </head>`);
  const head = html.slice(0, end);
  const tags = [...head.matchAll(/<(meta|link)\b([^>]*)>/gi)].map(([, name, attrs]) => {
    const a = { tag: name.toLowerCase() };
    for (const [, key, q1, q2, bare] of attrs.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      a[key.toLowerCase()] = decode(q1 ?? q2 ?? bare ?? '');
    }
    return a;
  });
  const meta = (attr, value) => tags.filter((t) => t.tag === 'meta' && t[attr] === value).map((t) => t.content);
  const links = (rel) => tags.filter((t) => t.tag === 'link' && (t.rel ?? '').split(/\s+/).includes(rel));
  const jsonLd = [...head.matchAll(/<script\b[^>]*type=["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
  return {
    lang: html.match(/<html\b[^>]*\blang="([^"]*)"/i)?.[1],
    title: decode(head.match(/<title>([\s\S]*?)<\/title>/i)?.[1] ?? '').trim(),
    description: meta('name', 'description'),
    canonical: links('canonical').map((l) => l.href),
    alternates: links('alternate').filter((l) => l.hreflang).map((l) => [l.hreflang, l.href]),
    feeds: links('alternate').filter((l) => l.type === 'application/atom+xml').map((l) => l.href),
    og: (p) => meta('property', `og:${p}`),
    twitter: (n) => meta('name', `twitter:${n}`),
    jsonLd,
  };
}

/** Every pre-rendered entry page: `{ lang, slug, url, file }`. */
function entryPages() {
  const pages = [];
  for (const lang of LANGS) {
    const dir = join(DIST, lang, 'entries');
    if (!existsSync(dir)) continue;
    for (const slug of readdirSync(dir)) {
      const file = join(dir, slug, 'index.html');
      if (existsSync(file)) pages.push({ lang, slug, url: `${PUBLIC_URL}${lang}/entries/${slug}/`, file });
    }
  }
  return pages;
}

test('every entry in every language has a pre-rendered page', () => {
  const have = new Set(entryPages().map((p) => `${p.lang}/${p.slug}`));
  const entries = readdirSync(join(DIST, 'data', 'entries')).filter((f) => f.endsWith('.json'));
  assert.ok(entries.length > 1);
  for (const f of entries) {
    const entry = readJson(`data/entries/${f}`);
    for (const lang of Object.keys(entry.translations).filter((l) => LANGS.includes(l))) {
      assert.ok(have.has(`${lang}/${entry.slug}`), `no page ${lang}/entries/${entry.slug}/index.html`);
    }
  }
});

test('every entry page has its head: canonical, reciprocal hreflang, Open Graph, feed, JSON-LD', () => {
  const pages = entryPages();
  assert.ok(pages.length >= 3 * 2, `only ${pages.length} entry pages`);
  const heads = new Map();
  const headOf = (url) => {
    if (!heads.has(url)) {
      const file = fileFor(url);
      assert.ok(existsSync(file), `${url} has no page in the build (${file})`);
      heads.set(url, readHead(file));
    }
    return heads.get(url);
  };
  for (const { lang, slug, url } of pages) {
    const at = `${lang}/entries/${slug}/`;
    const entry = readJson(`data/entries/${slug}.json`);
    const t = entry.translations[lang];
    const h = headOf(url);
    assert.equal(h.lang, lang, `${at}: <html lang>`);
    if (!t) {
      // A page in a language the entry lacks: it points at a real one.
      assert.equal(h.canonical.length, 1, `${at}: canonical`);
      assert.ok(existsSync(fileFor(h.canonical[0])), `${at}: canonical ${h.canonical[0]} has no page`);
      continue;
    }
    assert.ok(h.title.startsWith(t.title), `${at}: <title> is "${h.title}"`);
    assert.equal(h.description.length, 1, `${at}: meta description`);
    assert.ok(h.description[0].trim(), `${at}: empty meta description`);
    assert.deepEqual(h.canonical, [url], `${at}: canonical`);

    // hreflang: one per translation, this page among them, plus x-default;
    // each alternate's page lists the same cluster back.
    const alternates = Object.fromEntries(h.alternates);
    assert.equal(Object.keys(alternates).length, h.alternates.length, `${at}: a repeated hreflang`);
    const cluster = Object.keys(entry.translations).filter((l) => LANGS.includes(l)).sort();
    assert.deepEqual(Object.keys(alternates).filter((l) => l !== 'x-default').sort(), cluster, `${at}: hreflang languages`);
    assert.equal(alternates[lang], url, `${at}: its own hreflang`);
    assert.ok(alternates['x-default'], `${at}: no x-default`);
    assert.ok(
      cluster.some((l) => alternates[l] === alternates['x-default']),
      `${at}: x-default ${alternates['x-default']} is not one of the translations`,
    );
    for (const l of cluster) {
      const other = headOf(alternates[l]);
      assert.equal(other.lang, l, `${alternates[l]}: <html lang>`);
      const back = Object.fromEntries(other.alternates);
      assert.equal(back[lang], url, `${alternates[l]} does not list ${url} back as ${lang}`);
      assert.deepEqual(back, alternates, `${alternates[l]} lists other alternates than ${at}`);
    }

    // Open Graph and Twitter.
    assert.ok(h.og('title')[0]?.includes(t.title), `${at}: og:title ${h.og('title')}`);
    assert.ok(h.og('description')[0]?.trim(), `${at}: og:description`);
    assert.match(h.og('locale')[0] ?? '', new RegExp(`^${lang}(?:[_-]|$)`, 'i'), `${at}: og:locale`);
    assert.deepEqual(h.og('type'), ['article'], `${at}: og:type`);
    assert.deepEqual(h.og('url'), [url], `${at}: og:url`);
    assert.ok(h.twitter('card')[0], `${at}: twitter:card`);

    // The language's feed.
    assert.deepEqual(h.feeds, [`${PUBLIC_URL}${lang}/feed.xml`], `${at}: feed link`);
    assert.ok(existsSync(fileFor(h.feeds[0])), `${at}: ${h.feeds[0]} is not in the build`);

    // JSON-LD.
    assert.equal(h.jsonLd.length, 1, `${at}: JSON-LD scripts`);
    let ld;
    assert.doesNotThrow(() => (ld = JSON.parse(h.jsonLd[0])), `${at}: JSON-LD does not parse`);
    assert.ok(ld['@type'], `${at}: JSON-LD @type`);
    assert.equal(ld.headline, t.title, `${at}: JSON-LD headline`);
    assert.equal(ld.inLanguage, lang, `${at}: JSON-LD inLanguage`);
    const authors = [ld.author].flat().filter(Boolean);
    assert.ok(authors.length > 0 && authors.every((a) => a.name), `${at}: JSON-LD author`);
    assert.ok(String(ld.datePublished ?? '').startsWith(entry.date), `${at}: JSON-LD datePublished ${ld.datePublished}`);
    const urlOf = (l) => `${PUBLIC_URL}${l}/entries/${slug}/`;
    if (lang === entry.original_language) {
      const works = [ld.workTranslation].flat().filter(Boolean);
      const expected = cluster.filter((l) => l !== lang);
      assert.deepEqual(works.map((w) => w['@id']).sort(), expected.map(urlOf).sort(), `${at}: JSON-LD workTranslation`);
      for (const w of works) assert.equal(urlOf(w.inLanguage), w['@id'], `${at}: workTranslation ${w['@id']} inLanguage`);
    } else {
      const original = [ld.translationOfWork].flat().filter(Boolean);
      assert.equal(original.length, 1, `${at}: JSON-LD translationOfWork`);
      if (cluster.includes(entry.original_language)) {
        assert.equal(original[0]['@id'], urlOf(entry.original_language), `${at}: translationOfWork`);
      }
    }
  }
});
