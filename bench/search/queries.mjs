// The 50 benchmark queries and the behaviour probes, derived from the
// corpus deterministically (a fixed-seed generator over sorted word lists,
// so the same archive always gives the same queries).
//
//   node bench/search/queries.mjs     prints them (needs target/bench/gen10k)
//
// The generated archive draws words from a 6,000-word vocabulary per
// language with Zipf frequencies, so even the rarest word is in about 1% of
// a language's documents. Frequency bands, by document frequency rank in the
// query's language: common = ranks 0–29 (in ~95–100% of documents), mid =
// ranks 400–1199 (~7–14%), rare = the 800 lowest (~1%).
import { fileURLToPath } from 'node:url';

export const LANGS = ['en', 'tr', 'ru'];

/** Letters a typo may put in, per language. */
const LETTERS = {
  en: 'abcdefghiklmnoprstuvwy',
  tr: 'abcçdefgğhıijklmnoöprsştuüvyz',
  ru: 'абвгдежзиклмнопрстуфхцчшщыэюя',
};

const TR_STRIP = { ç: 'c', ğ: 'g', ı: 'i', ö: 'o', ş: 's', ü: 'u' };
const RU_CONSONANTS = 'бвгджзклмнпрстфхцчшщ';

export function lower(word, lang) {
  return lang === 'tr' ? word.toLocaleLowerCase('tr') : word.toLowerCase();
}

export function upper(word, lang) {
  return lang === 'tr' ? word.toLocaleUpperCase('tr') : word.toUpperCase();
}

export function words(text) {
  return text.match(/\p{L}+/gu) ?? [];
}

/** mulberry32: a small, fixed-seed generator. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The set of lowercased words of a document (all its fields). */
function docWords(doc) {
  return new Set(words(lower(`${doc.title} ${doc.summary} ${doc.body} ${doc.entities}`, doc.lang)));
}

/** Per language: document frequency of each lowercased word, ranked. */
function vocabulary(docs) {
  const byLang = {};
  for (const lang of LANGS) byLang[lang] = { df: new Map(), docs: 0 };
  for (const doc of docs) {
    const v = byLang[doc.lang];
    if (!v) continue;
    v.docs++;
    for (const w of docWords(doc)) v.df.set(w, (v.df.get(w) ?? 0) + 1);
  }
  for (const v of Object.values(byLang)) {
    v.ranked = [...v.df.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  }
  return byLang;
}

/** Fills in each probe's `expected`: the slugs of the documents in its language that contain its base word. */
function fillExpected(docs, probes) {
  for (const p of probes) p.expected = [];
  for (const doc of docs) {
    const mine = probes.filter((p) => p.lang === doc.lang);
    if (!mine.length) continue;
    const seen = docWords(doc);
    for (const p of mine) if (seen.has(p.base)) p.expected.push(doc.slug);
  }
}

export function buildQueries(docs, seed = 7) {
  const random = rng(seed);
  const vocab = vocabulary(docs);
  const used = new Set();
  const pick = (list, test = () => true) => {
    const candidates = list.filter((w) => !used.has(w) && test(w));
    if (!candidates.length) throw new Error('no candidate word left');
    const w = candidates[Math.floor(random() * candidates.length)];
    used.add(w);
    return w;
  };
  const band = (lang, name) => {
    const r = vocab[lang].ranked;
    if (name === 'common') return r.slice(0, 30);
    if (name === 'mid') return r.slice(400, 1200);
    return r.slice(-800);
  };
  const known = (lang, w) => vocab[lang].df.has(w);
  const df = (lang, w) => vocab[lang].df.get(lower(w, lang)) ?? 0;
  const minLen = (n) => (w) => [...w].length >= n;
  const typo = (lang, word) => {
    const chars = [...word];
    const at = Math.floor(chars.length / 2);
    for (let tries = 0; tries < 50; tries++) {
      const letters = [...LETTERS[lang]].filter((c) => c !== chars[at]);
      const copy = [...chars];
      copy[at] = letters[Math.floor(random() * letters.length)];
      const out = copy.join('');
      if (!known(lang, out)) return out;
    }
    throw new Error(`no typo for ${word}`);
  };

  const queries = [];
  const add = (lang, kind, q, base) => {
    if (queries.some((x) => x.q === q)) throw new Error(`duplicate query ${q}`);
    queries.push({ q, lang, kind, base, df: base.map((w) => df(lang, w)) });
  };
  const single = (lang, kind, n, test) => {
    for (let i = 0; i < n; i++) {
      const w = pick(band(lang, kind), test ?? minLen(3));
      add(lang, kind, w, [w]);
    }
  };
  const twoWords = (lang, n) => {
    // Two words from one document's title, so at least that one has both.
    const titles = docs.filter((d) => d.lang === lang);
    for (let i = 0; i < n; i++) {
      for (;;) {
        const doc = titles[Math.floor(random() * titles.length)];
        const ws = [...new Set(words(doc.title).map((w) => lower(w, lang)))].filter(
          (w) => [...w].length >= 4 && !used.has(w) && df(lang, w) < 0.2 * vocab[lang].docs,
        );
        if (ws.length < 2) continue;
        const a = ws[Math.floor(random() * ws.length)];
        const b = ws.filter((w) => w !== a)[Math.floor(random() * (ws.length - 1))];
        used.add(a);
        used.add(b);
        add(lang, 'two words', `${a} ${b}`, [a, b]);
        break;
      }
    }
  };
  const prefixes = (lang, n) => {
    for (let i = 0; i < n; i++) {
      const w = pick(band(lang, 'mid'), minLen(7));
      add(lang, 'prefix', [...w].slice(0, 4 + (i % 2)).join(''), [w]);
    }
  };
  const typos = (lang, n) => {
    for (let i = 0; i < n; i++) {
      const w = pick(band(lang, 'mid'), minLen(6));
      add(lang, 'typo', typo(lang, w), [w]);
    }
  };

  // English: 16 queries (the first is the cold-load query of every engine).
  single('en', 'mid', 3);
  single('en', 'common', 2);
  single('en', 'rare', 3);
  twoWords('en', 3);
  prefixes('en', 2);
  typos('en', 2);
  {
    const w = pick(band('en', 'mid'), minLen(5));
    add('en', 'upper case', upper(w, 'en'), [w]);
  }
  // Turkish: 18.
  single('tr', 'mid', 2);
  single('tr', 'common', 2);
  single('tr', 'rare', 2);
  twoWords('tr', 2);
  prefixes('tr', 2);
  typos('tr', 2);
  for (let i = 0; i < 3; i++) {
    // Upper case with Turkish rules: i → İ, ı → I; the first has both.
    const test = i === 0 ? (w) => w.includes('i') && w.includes('ı') : (w) => /[iı]/.test(w) && [...w].length >= 4;
    const w = pick(band('tr', i === 2 ? 'rare' : 'mid'), test);
    add('tr', 'upper case', upper(w, 'tr'), [w]);
  }
  for (let i = 0; i < 3; i++) {
    const w = pick(band('tr', i === 2 ? 'rare' : 'mid'), (w) => /[çğıöşü]/.test(w) && !known('tr', stripTurkish(w)));
    add('tr', 'no diacritics', stripTurkish(w), [w]);
  }
  // Russian: 16.
  single('ru', 'mid', 3);
  single('ru', 'common', 2);
  single('ru', 'rare', 3);
  twoWords('ru', 3);
  prefixes('ru', 2);
  typos('ru', 2);
  {
    const w = pick(band('ru', 'mid'), (w) => w.includes('ё') && !known('ru', w.replaceAll('ё', 'е')));
    add('ru', 'ё as е', w.replaceAll('ё', 'е'), [w]);
  }
  if (queries.length !== 50) throw new Error(`${queries.length} queries, not 50`);

  // Behaviour probes: the top 10 must hold a document (in the query's
  // language) that contains the base word. Folding probes change at least
  // two letters, so that one-edit fuzziness alone does not pass them.
  const probes = [];
  const probe = (name, lang, q, base) => probes.push({ name, lang, q, base });
  {
    const w = pick(band('tr', 'rare'), (w) => w.includes('i') && w.includes('ı'));
    probe('Turkish upper case (İ, I)', 'tr', upper(w, 'tr'), w);
  }
  {
    const w = pick(band('tr', 'rare'), (w) => (w.match(/[çğıöşü]/g) ?? []).length >= 2 && !known('tr', stripTurkish(w)));
    probe('Turkish without diacritics', 'tr', stripTurkish(w), w);
  }
  {
    const w = pick(band('ru', 'rare'), (w) => [...w].length >= 5 && RU_CONSONANTS.includes(w.at(-1)) && !known('ru', `${w}а`));
    probe('Russian case ending (+а)', 'ru', `${w}а`, w);
  }
  {
    const w = pick(band('ru', 'rare'), (w) => w.includes('ё') && !known('ru', w.replaceAll('ё', 'е')));
    probe('ё written as е', 'ru', w.replaceAll('ё', 'е'), w);
  }
  {
    const w = pick(band('en', 'rare'), (w) => [...w].length === 7);
    probe('one typo in a 7-letter word', 'en', typo('en', w), w);
  }
  fillExpected(docs, probes);
  return { queries, probes };
}

export function stripTurkish(word) {
  return [...word].map((c) => TR_STRIP[c] ?? c).join('');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { readDocuments } = await import('./corpus.mjs');
  const { queries, probes } = buildQueries(readDocuments());
  for (const [i, q] of queries.entries()) console.log(`${String(i + 1).padStart(2)} ${q.lang} ${q.kind.padEnd(14)} ${q.q}  (${q.base.join(', ')}: df ${q.df.join(', ')})`);
  for (const p of probes) console.log(`probe ${p.lang} ${p.name}: ${p.q} → ${p.base} (${p.expected.length} documents)`);
}
