//! The real-text search test's corpus: word forms with their lemmas, taken
//! from the *train* split of Universal Dependencies treebanks (no
//! sentences; see `README.md` beside this file), composed into documents
//! of our own, and queried by each lemma as a reader would type it.
//!
//! Shared by the native test (`tests/real_text.rs`) and the bench
//! (`examples/real_text_corpus.rs` writes it as JSON for the peers).

use okuma_core::search::{index_texts, DocText, SearchIndex};
use okuma_core::LanguageCode;
use std::collections::{BTreeMap, BTreeSet};

/// One (form, lemma) pair of a treebank, with its part of speech and how
/// often the treebank has it.
#[derive(Debug, Clone)]
pub struct Pair {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub count: u32,
}

/// A query: what the reader types (a lemma) and the documents that hold a
/// form of it, or the very word typed.
#[derive(Debug, Clone)]
pub struct Query {
    pub typed: String,
    pub relevant: BTreeSet<u32>,
}

/// One language's documents and queries.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub lang: &'static str,
    /// Each document's words, in order.
    pub docs: Vec<Vec<String>>,
    pub queries: Vec<Query>,
}

/// Documents per language: about the size of the treebank's text each.
pub const DOCUMENTS: usize = 250;

/// The languages with a fixture.
pub const LANGUAGES: [&str; 3] = ["tr", "ru", "en"];

/// The fixture of `lang` (`tests/real_text/{lang}.tsv`).
pub fn pairs(lang: &str) -> Vec<Pair> {
    let path = format!("{}/tests/real_text/{lang}.tsv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| {
            let mut cols = line.split('\t');
            let mut next = || cols.next().unwrap_or_else(|| panic!("{path}: {line:?}"));
            Pair {
                form: next().to_string(),
                lemma: next().to_string(),
                upos: next().to_string(),
                count: next()
                    .parse()
                    .unwrap_or_else(|_| panic!("{path}: {line:?}")),
            }
        })
        .collect()
}

/// A small deterministic generator (xorshift64*): the same documents on
/// every machine.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

/// Word classes queried: what a reader searches an archive for. Turkish
/// verbs are left out: the treebank's lemma of a verb is its bare root
/// ("gel"), which is not what a reader types ("gelmek").
fn queried(lang: &str, upos: &str) -> bool {
    matches!(upos, "NOUN" | "PROPN" | "ADJ") || (upos == "VERB" && lang != "tr")
}

/// Composes `lang`'s documents: every occurrence of every pair, shuffled
/// and dealt into [`DOCUMENTS`] documents, so each word keeps its real
/// frequency; the queries are the lemmas of searchable words seen at
/// least twice.
pub fn compose(lang: &'static str) -> Corpus {
    // Abbreviations ("м." for Москва) are not how a text names a word.
    let pairs: Vec<Pair> = pairs(lang)
        .into_iter()
        .filter(|p| p.form.chars().all(char::is_alphabetic))
        .collect();
    let mut bag: Vec<usize> = pairs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| std::iter::repeat_n(i, p.count as usize))
        .collect();
    let mut random =
        Random(0x006f_6b75_6d61 ^ lang.len() as u64 ^ (lang.as_bytes()[0] as u64) << 40);
    for i in (1..bag.len()).rev() {
        bag.swap(i, random.below(i + 1));
    }
    let mut docs: Vec<Vec<usize>> = vec![Vec::new(); DOCUMENTS];
    for (n, pair) in bag.into_iter().enumerate() {
        docs[n % DOCUMENTS].push(pair);
    }
    // Lemma → documents with a form of it; form → documents with it.
    let mut by_lemma: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
    let mut by_form: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for &p in doc {
            // Turkish verbs are not queried, and a verb's root is another
            // word to a reader ("et", meat, and "etti", did).
            let upos = pairs[p].upos.as_str();
            if lang != "tr" || !matches!(upos, "VERB" | "AUX") {
                by_lemma
                    .entry(&pairs[p].lemma)
                    .or_default()
                    .insert(d as u32);
            }
            by_form.entry(&pairs[p].form).or_default().insert(d as u32);
        }
    }
    let mut seen: BTreeMap<&str, u32> = BTreeMap::new();
    for p in pairs.iter().filter(|p| queried(lang, &p.upos)) {
        *seen.entry(&p.lemma).or_default() += p.count;
    }
    let queries = seen
        .into_iter()
        .filter(|&(lemma, n)| {
            n >= 2 && lemma.chars().count() >= 2 && lemma.chars().all(char::is_alphabetic)
        })
        .map(|(lemma, _)| {
            let mut relevant = by_lemma.get(lemma).cloned().unwrap_or_default();
            relevant.extend(by_form.get(lemma).into_iter().flatten());
            Query {
                typed: lemma.to_string(),
                relevant,
            }
        })
        .collect();
    Corpus {
        lang,
        docs: docs
            .into_iter()
            .map(|doc| doc.into_iter().map(|p| pairs[p].form.clone()).collect())
            .collect(),
        queries,
    }
}

/// Precision and recall of one language, over every query.
pub struct Score {
    /// Σ right results / Σ results, and Σ right results / Σ relevant.
    pub precision: f64,
    pub recall: f64,
    /// The mean of each query's own precision and recall.
    pub macro_precision: f64,
    pub macro_recall: f64,
    /// (query, results, right, relevant), worst first.
    pub worst: Vec<(String, usize, usize, usize)>,
}

/// Indexes the corpus as `okuma build` does and runs every query as the
/// search worker does, all shards loaded.
pub fn search(corpus: &Corpus) -> Score {
    let lang = LanguageCode::parse(corpus.lang).unwrap();
    let bodies: Vec<String> = corpus.docs.iter().map(|d| d.join(" ")).collect();
    let texts: Vec<DocText> = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| DocText {
            entry: i as u32,
            body,
            ..DocText::default()
        })
        .collect();
    let (dictionary, shards) = index_texts(&lang, bodies.len() as u32, &texts);
    let mut index = SearchIndex::new(dictionary);
    for shard in shards {
        index.add_shard(shard).unwrap();
    }
    let (mut found, mut right, mut relevant) = (0usize, 0usize, 0usize);
    let (mut p_sum, mut r_sum) = (0f64, 0f64);
    let mut worst = Vec::new();
    for query in &corpus.queries {
        let plan = index.plan(&query.typed);
        // `EXPLAIN=word` prints what a query matched (to see why).
        if std::env::var("EXPLAIN").is_ok_and(|w| w == query.typed) {
            let terms = index.run(&plan, None).matched_terms;
            println!("{} {}: {terms:?}", corpus.lang, query.typed);
            println!("  plan: {plan:?}");
        }
        let hits: Vec<u32> = index
            .run(&plan, None)
            .hits
            .iter()
            .map(|h| h.entry)
            .collect();
        let ok = hits.iter().filter(|e| query.relevant.contains(e)).count();
        found += hits.len();
        right += ok;
        relevant += query.relevant.len();
        p_sum += if hits.is_empty() {
            1.0
        } else {
            ok as f64 / hits.len() as f64
        };
        r_sum += ok as f64 / query.relevant.len().max(1) as f64;
        worst.push((query.typed.clone(), hits.len(), ok, query.relevant.len()));
    }
    let n = corpus.queries.len() as f64;
    worst.sort_by_key(|&(_, hits, ok, rel)| std::cmp::Reverse((hits - ok) + (rel - ok)));
    Score {
        precision: right as f64 / found.max(1) as f64,
        recall: right as f64 / relevant.max(1) as f64,
        macro_precision: p_sum / n,
        macro_recall: r_sum / n,
        worst,
    }
}
