// What the build publishes beside its pages: the Atom feeds, the sitemap
// and robots.txt, checked by scripts/check-publish.py (feedparser, and
// xmllint against the sitemaps.org schema) and again here against the
// entries in the build ($OKUMA_DIST). No server or browser is needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './harness.mjs';

const readJson = (path) => JSON.parse(readFileSync(join(DIST, path), 'utf8'));
const SITE = readJson('data/site.json');
const LANGS = SITE.languages.map((l) => l.code);
const PUBLIC_URL = SITE.public_url.endsWith('/') ? SITE.public_url : `${SITE.public_url}/`;

/** Every entry in the build, by slug. */
const ENTRIES = new Map(
  readdirSync(join(DIST, 'data', 'entries'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => readJson(`data/entries/${f}`))
    .map((e) => [e.slug, e]),
);

const unescape = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()],
  );
const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`));
  return m ? unescape(m[1] ?? m[2]) : undefined;
};

/** The page file in the build for an absolute URL under the public URL. */
function fileFor(url) {
  const rel = decodeURIComponent(url.slice(PUBLIC_URL.length));
  return rel === '' || rel.endsWith('/') ? join(DIST, rel, 'index.html') : join(DIST, rel);
}

test('scripts/check-publish.py passes on the build', () => {
  // From the repository root, where check-publish.py finds node_modules/sitemap.
  const root = fileURLToPath(new URL('..', import.meta.url));
  const venv = join(root, '.venv', 'bin', 'python');
  const python = existsSync(venv) ? venv : 'python3';
  const run = spawnSync(python, [join(root, 'scripts', 'check-publish.py'), resolve(DIST)], { cwd: root, encoding: 'utf8' });
  assert.equal(run.error, undefined, String(run.error));
  assert.equal(run.status, 0, `check-publish.py exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /check-publish: ok/);
});

for (const lang of LANGS) {
  test(`${lang}/feed.xml lists ${lang} entry pages only, at least one`, () => {
    const file = join(DIST, lang, 'feed.xml');
    assert.ok(existsSync(file), `no ${lang}/feed.xml`);
    const xml = readFileSync(file, 'utf8');
    assert.match(xml, /^<\?xml[^>]*\?>\s*<feed\b[^>]*xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    assert.equal(attr(xml.match(/<feed\b[^>]*>/)[0], 'xml:lang'), lang);
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]);
    assert.ok(entries.length >= 1, `${lang}/feed.xml has no entries`);
    const prefix = `${PUBLIC_URL}${lang}/entries/`;
    const seen = new Set();
    for (const entry of entries) {
      const links = [...entry.matchAll(/<link\b[^>]*>/g)]
        .map((m) => m[0])
        .filter((tag) => (attr(tag, 'rel') ?? 'alternate') === 'alternate');
      assert.equal(links.length, 1, `an entry of ${lang}/feed.xml has ${links.length} alternate links`);
      const href = attr(links[0], 'href');
      assert.ok(href.startsWith(prefix) && href.endsWith('/'), `${lang}/feed.xml links ${href}, not ${prefix}…/`);
      const slug = href.slice(prefix.length, -1);
      assert.match(slug, /^[^/]+$/, `${href} is not an entry page`);
      assert.ok(!seen.has(slug), `${lang}/feed.xml lists ${slug} twice`);
      seen.add(slug);
      assert.ok(ENTRIES.get(slug)?.translations[lang], `${lang}/feed.xml lists ${slug}, which has no ${lang} translation`);
      assert.ok(existsSync(fileFor(href)), `${href} has no page in the build`);
    }
  });
}

test('sitemap.xml lists every entry page that has a real translation', () => {
  const xml = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  const locs = new Set([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => unescape(m[1].trim())));
  const expected = [];
  for (const lang of LANGS) {
    const dir = join(DIST, lang, 'entries');
    for (const slug of existsSync(dir) ? readdirSync(dir) : []) {
      if (!existsSync(join(dir, slug, 'index.html'))) continue;
      if (ENTRIES.get(slug)?.translations[lang]) expected.push(`${PUBLIC_URL}${lang}/entries/${slug}/`);
    }
  }
  const translations = [...ENTRIES.values()].reduce((n, e) => n + Object.keys(e.translations).filter((l) => LANGS.includes(l)).length, 0);
  assert.equal(expected.length, translations, 'some translations have no page in the build');
  for (const url of expected) assert.ok(locs.has(url), `sitemap.xml does not list ${url}`);
  // And no entry address it lists is a page in a language the entry lacks.
  const listedEntries = [...locs].filter((u) => /\/entries\/[^/]+\/$/.test(u));
  assert.deepEqual(listedEntries.sort(), [...expected].sort());
  for (const lang of LANGS) assert.ok(locs.has(`${PUBLIC_URL}${lang}/`), `sitemap.xml does not list ${PUBLIC_URL}${lang}/`);
});

test('robots.txt names the sitemap by its absolute address', () => {
  const lines = readFileSync(join(DIST, 'robots.txt'), 'utf8').split(/\r?\n/);
  assert.ok(lines.includes(`Sitemap: ${PUBLIC_URL}sitemap.xml`), lines.join('\n'));
  assert.ok(/^https?:\/\//.test(PUBLIC_URL));
});
