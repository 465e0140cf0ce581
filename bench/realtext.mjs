// Search on real text, side by side: okuma against MiniSearch, FlexSearch,
// Pagefind and Orama on the same documents and queries, scored by recall
// and precision per language. The corpus is okuma's native real-text test
// (crates/okuma-core/tests/real_text/): Turkish, Russian and English word
// forms with their lemmas from Universal Dependencies treebanks (train
// splits), composed into 250 documents per language; each query is a
// lemma as a reader types it, and a result is right when its document
// holds a form of that lemma (or the very word typed).
//
// Each engine gets its own index per language and returns all its results:
//   okuma                 the native engine (the search worker's code), run
//                         by the example that writes the corpus
//   minisearch            MiniSearch 7.2, prefix + fuzzy 0.2 (its docs' setup)
//   exact word            MiniSearch without prefix or fuzzy: what MiniSearch
//                         and FlexSearch do by default
//   flexsearch            FlexSearch 0.8, tokenize "forward", Normalize charset
//   orama tolerance 0/1   Orama 3.1 with its stemmer of the language
//   pagefind              Pagefind 1.6 (Snowball by the record's language), in
//                         Debian's Chromium, as a site serves it
//
// Precision is Σ right results / Σ results; recall Σ right results / Σ
// relevant documents (over every query of a language). Prints a markdown
// table and writes target/bench/realtext.json.
//
//   node bench/realtext.mjs
//   ENGINES=okuma,orama0 node bench/realtext.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import { create, insert, search as oramaSearch } from '@orama/orama';
import * as english from '@orama/stemmers/english';
import * as turkish from '@orama/stemmers/turkish';
import * as russian from '@orama/stemmers/russian';
import { start } from '../e2e/harness.mjs';

const OUT = 'target/bench/realtext';
const CORPUS = join(OUT, 'corpus.json');
const ALL = ['okuma', 'minisearch', 'exact', 'flexsearch', 'orama0', 'orama1', 'pagefind'];
const NAMES = {
  okuma: 'okuma',
  minisearch: 'MiniSearch 7.2, prefix + fuzzy 0.2',
  exact: 'exact word only (MiniSearch, FlexSearch defaults)',
  flexsearch: 'FlexSearch 0.8, forward',
  orama0: 'Orama 3.1 + its stemmers, tolerance 0',
  orama1: 'Orama 3.1 + its stemmers, tolerance 1',
  pagefind: 'Pagefind 1.6 (Snowball by language)',
};
const engines = (process.env.ENGINES ?? ALL.join(',')).split(',');
const log = (...a) => console.error(...a);

/** Recall and precision of `found` (per query, the documents returned). */
function score(queries, found) {
  let results = 0;
  let right = 0;
  let relevant = 0;
  queries.forEach((q, i) => {
    const want = new Set(q.relevant);
    const got = new Set(found[i]);
    results += got.size;
    relevant += want.size;
    for (const d of got) if (want.has(d)) right += 1;
  });
  return { precision: right / Math.max(results, 1), recall: right / Math.max(relevant, 1) };
}

const STEMMERS = { en: english, tr: turkish, ru: russian };

const PEERS = {
  minisearch(docs, queries) {
    const index = new MiniSearch({ fields: ['text'] });
    index.addAll(docs.map((text, id) => ({ id, text })));
    return queries.map((q) =>
      index.search(q.typed, { fuzzy: 0.2, prefix: (term, i, terms) => i === terms.length - 1 }).map((r) => r.id),
    );
  },
  exact(docs, queries) {
    const index = new MiniSearch({ fields: ['text'] });
    index.addAll(docs.map((text, id) => ({ id, text })));
    return queries.map((q) => index.search(q.typed).map((r) => r.id));
  },
  flexsearch(docs, queries) {
    const index = new FlexSearch.Index({ tokenize: 'forward', encoder: FlexSearch.Charset.Normalize });
    docs.forEach((text, id) => index.add(id, text));
    return queries.map((q) => index.search(q.typed, { limit: docs.length }));
  },
  orama0: (docs, queries, lang) => orama(docs, queries, lang, 0),
  orama1: (docs, queries, lang) => orama(docs, queries, lang, 1),
};

async function orama(docs, queries, lang, tolerance) {
  const s = STEMMERS[lang];
  const db = create({
    schema: { text: 'string' },
    components: { tokenizer: { language: s.language, stemming: true, stemmer: s.stemmer } },
  });
  docs.forEach((text, id) => insert(db, { id: String(id), text }));
  const found = [];
  for (const q of queries) {
    const r = await oramaSearch(db, { term: q.typed, properties: ['text'], tolerance, limit: docs.length });
    found.push(r.hits.map((h) => Number(h.id)));
  }
  return found;
}

/** Pagefind: its Node API writes one bundle for all three languages; the
 * browser searches it, one instance per language as a site's pages do. */
async function pagefind(corpus) {
  const dir = join(OUT, 'site');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!DOCTYPE html><html lang="en"><title>pagefind</title></html>');
  const pf = await import('pagefind');
  const { index } = await pf.createIndex({});
  for (const [lang, { docs }] of Object.entries(corpus)) {
    for (let i = 0; i < docs.length; i += 50) {
      await Promise.all(
        docs.slice(i, i + 50).map(async (content, k) => {
          const res = await index.addCustomRecord({ url: `/${lang}/${i + k}`, content, language: lang, meta: { title: `${i + k}` } });
          if (res.errors.length) throw new Error(res.errors.join('; '));
        }),
      );
    }
  }
  await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  await pf.close();
  const site = await start({ dist: dir });
  try {
    const page = await site.browser.newPage();
    await page.goto(`${site.base}/`);
    const out = {};
    for (const [lang, { queries }] of Object.entries(corpus)) {
      out[lang] = await page.evaluate(
        async ({ lang, typed }) => {
          document.documentElement.lang = lang;
          const pagefind = await import('/pagefind/pagefind.js');
          const instance = pagefind.createInstance({ noWorker: true });
          await instance.init();
          const urls = new Map();
          const found = [];
          for (const q of typed) {
            const { results } = await instance.search(q);
            const ids = [];
            for (const r of results) {
              if (!urls.has(r.id)) urls.set(r.id, (await r.data()).url);
              ids.push(Number(urls.get(r.id).split('/').filter(Boolean).pop()));
            }
            found.push(ids);
          }
          return found;
        },
        { lang, typed: queries.map((q) => q.typed) },
      );
    }
    return out;
  } finally {
    await site.close();
  }
}

log('writing the corpus and okuma\'s figures (cargo run --example real_text_corpus) …');
execFileSync('cargo', ['run', '--release', '--quiet', '-p', 'okuma-core', '--example', 'real_text_corpus', '--', CORPUS], {
  stdio: 'inherit',
});
const corpus = JSON.parse(readFileSync(CORPUS, 'utf8'));
const langs = Object.keys(corpus);
const figures = {};
for (const name of engines) figures[name] = {};
if (engines.includes('okuma')) {
  for (const lang of langs) figures.okuma[lang] = corpus[lang].okuma;
}
for (const name of engines.filter((e) => PEERS[e])) {
  for (const lang of langs) {
    log(`${name} ${lang} …`);
    const { docs, queries } = corpus[lang];
    figures[name][lang] = score(queries, await PEERS[name](docs, queries, lang));
  }
}
if (engines.includes('pagefind')) {
  log('pagefind (index, then search in Chromium) …');
  const found = await pagefind(corpus);
  for (const lang of langs) figures.pagefind[lang] = score(corpus[lang].queries, found[lang]);
}

const f = (x) => x.toFixed(2);
console.log(`\nReal text: ${langs.map((l) => `${l} ${corpus[l].docs.length} documents, ${corpus[l].queries.length} queries`).join('; ')}\n`);
console.log(`| engine (recall / precision) | ${langs.join(' | ')} |`);
console.log(`| --- | ${langs.map(() => '---').join(' | ')} |`);
for (const name of engines) {
  const row = langs.map((l) => {
    const s = figures[name][l];
    return s ? `${f(s.recall)} / ${f(s.precision)}` : '–';
  });
  console.log(`| ${NAMES[name]} | ${row.join(' | ')} |`);
}
mkdirSync('target/bench', { recursive: true });
writeFileSync('target/bench/realtext.json', JSON.stringify(figures, null, 1));
