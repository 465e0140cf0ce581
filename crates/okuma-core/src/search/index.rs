//! The search index files, and how `okuma build` makes them.
//!
//! One index per reading language, split so a query fetches only what it
//! needs (like Pagefind, unlike engines that load every document):
//!
//! ```text
//! search/{lang}/terms.json        every term, its document frequency and shard
//! search/{lang}/{shard}.json      postings of a run of terms (~8,000 each)
//! search/{lang}/docs/{id}.json    one entry's card and plain text, for snippets
//! ```
//!
//! A posting holds an entry number and an *impact*: the term's BM25 weight
//! in that entry (entity names count 2×, summary words 1.5×), plus a title
//! bonus that does not saturate with the body (so a long article with the
//! word in its title still ranks first), quantised to 1–255. A query's score is the sum of its terms' impacts, so
//! ranking needs no document lengths in the browser.

use crate::catalog::EntryCard;
use crate::entry::Entry;
use crate::language::LanguageCode;
use crate::search::analysis::{Analyser, ANALYSIS_VERSION};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Postings per shard file the builder aims for.
pub const SHARD_POSTINGS: usize = 8_000;

/// A title match adds this many times the term's idf, on top of the
/// body's BM25 (whose most is `BM25_K1 + 1`).
const TITLE_BONUS: f32 = 1.5;
const ENTITY_WEIGHT: f32 = 2.0;
const SUMMARY_WEIGHT: f32 = 1.5;
const BM25_K1: f32 = 1.2;
const BM25_B: f32 = 0.75;

/// `search/{lang}/terms.json`: the term dictionary of one language. One
/// whose parts do not fit together (see [`TermDictionary::fits`]) does not
/// load: the reader looks its counts and shards up by term.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TermDictionary {
    pub format: u32,
    pub lang: LanguageCode,
    /// The version of the text analysis the terms were made with
    /// ([`ANALYSIS_VERSION`] when built); 0 in indexes that predate it.
    #[serde(default)]
    pub analysis: u32,
    /// Entries in the archive (entry numbers run below this).
    pub entries: u32,
    /// Entries with text in this language.
    pub documents: u32,
    /// Terms in ascending (byte) order.
    pub terms: Vec<String>,
    /// Per term: how many entries contain it.
    pub df: Vec<u32>,
    /// Per shard: the index of its first term; shard `i` holds terms
    /// `shards[i]..shards[i + 1]`.
    pub shards: Vec<u32>,
}

// Read field by field as derived, then checked: found by fuzzing
// (fuzz/artifacts/dataset_file), a file whose `df` was shorter than its
// `terms` loaded, and the reader's search indexed past its end.
impl<'de> Deserialize<'de> for TermDictionary {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename = "TermDictionary", deny_unknown_fields)]
        struct Fields {
            format: u32,
            lang: LanguageCode,
            #[serde(default)]
            analysis: u32,
            #[serde(deserialize_with = "crate::dataset::entry_count")]
            entries: u32,
            documents: u32,
            terms: Vec<String>,
            df: Vec<u32>,
            shards: Vec<u32>,
        }
        let f = Fields::deserialize(deserializer)?;
        let dictionary = TermDictionary {
            format: f.format,
            lang: f.lang,
            analysis: f.analysis,
            entries: f.entries,
            documents: f.documents,
            terms: f.terms,
            df: f.df,
            shards: f.shards,
        };
        dictionary.fits().map_err(serde::de::Error::custom)?;
        Ok(dictionary)
    }
}

/// A term dictionary made with another text analysis than this build's:
/// its terms would silently miss words (a query is analysed the new way),
/// so it is refused instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("the search index was made with text analysis version {found}; this build uses version {expected}")]
pub struct StaleIndex {
    pub found: u32,
    pub expected: u32,
}

impl TermDictionary {
    /// Whether its parts fit together: terms unique and ascending (a query
    /// finds them by binary search), a count per term, and shard starts
    /// from 0, ascending, below the number of terms (at least one shard
    /// when there are terms).
    pub fn fits(&self) -> Result<(), String> {
        if !self.terms.windows(2).all(|w| w[0] < w[1]) {
            return Err("\"terms\" must be unique and in ascending order".into());
        }
        if self.df.len() != self.terms.len() {
            return Err(format!(
                "\"df\" has {} counts for {} terms",
                self.df.len(),
                self.terms.len()
            ));
        }
        let shards = &self.shards;
        let fit = shards.first().is_none_or(|&s| s == 0)
            && shards.windows(2).all(|w| w[0] < w[1])
            && shards
                .last()
                .is_none_or(|&s| (s as usize) < self.terms.len())
            && (self.terms.is_empty() || !shards.is_empty());
        if !fit {
            return Err(
                "\"shards\" must start at 0, ascend and stay below the number of terms".into(),
            );
        }
        Ok(())
    }

    /// Whether the terms were made with this build's analysis.
    ///
    /// ```
    /// # use okuma_core::search::{TermDictionary, ANALYSIS_VERSION};
    /// # let mut terms: TermDictionary = okuma_core::parse_file(r#"{"format":1,"lang":"en","entries":0,"documents":0,"terms":[],"df":[],"shards":[]}"#).unwrap();
    /// assert!(terms.check_analysis().is_err(), "an index without a version predates it");
    /// terms.analysis = ANALYSIS_VERSION;
    /// assert!(terms.check_analysis().is_ok());
    /// ```
    pub fn check_analysis(&self) -> Result<(), StaleIndex> {
        if self.analysis == ANALYSIS_VERSION {
            Ok(())
        } else {
            Err(StaleIndex {
                found: self.analysis,
                expected: ANALYSIS_VERSION,
            })
        }
    }
}

/// `search/{lang}/{shard}.json`: postings for a run of terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PostingShard {
    pub format: u32,
    pub lang: LanguageCode,
    pub shard: u32,
    /// Per term of the shard, flat pairs: gap to the previous entry number
    /// (the first is the number itself), then the impact (1–255).
    pub postings: Vec<Vec<u32>>,
}

impl PostingShard {
    /// The entry numbers its postings name, term by term (saturating, so a
    /// broken file cannot overflow; [`crate::search::SearchIndex::add_shard`]
    /// refuses it).
    pub fn entries(&self) -> impl Iterator<Item = u32> + '_ {
        self.postings.iter().flat_map(|list| {
            list.chunks(2).scan(0u32, |entry, pair| {
                *entry = entry.saturating_add(pair[0]);
                Some(*entry)
            })
        })
    }
}

/// `search/{lang}/docs/{id}.json`: what a search result shows of an entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SearchDoc {
    pub format: u32,
    pub card: EntryCard,
    /// The body as plain text, one block per line, for snippets.
    pub text: String,
}

/// One language's index, ready to be written as files.
#[derive(Debug, Clone, PartialEq)]
pub struct BuiltIndex {
    pub dictionary: TermDictionary,
    pub shards: Vec<PostingShard>,
    pub docs: Vec<SearchDoc>,
}

/// The text of one entry in one language, as the index weighs it.
#[derive(Debug, Clone, Default)]
pub struct DocText<'a> {
    pub entry: u32,
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub entity_names: Vec<&'a str>,
}

/// Builds the index of `lang` over entries in archive order (entry number
/// = position). Entries without text in `lang` are not in it.
pub fn build_index(ordered: &[&Entry], lang: &LanguageCode) -> BuiltIndex {
    let mut docs = Vec::new();
    for (id, entry) in ordered.iter().enumerate() {
        let Some(translation) = entry.translations.get(lang) else {
            continue;
        };
        let text: Vec<String> = translation
            .body
            .iter()
            .map(|b| b.content.plain_text())
            .collect();
        docs.push(SearchDoc {
            format: crate::FORMAT_VERSION,
            card: EntryCard::of(entry, id as u32, lang),
            text: text.join("\n"),
        });
    }
    let texts: Vec<DocText> = docs
        .iter()
        .map(|doc| {
            let entry = ordered[doc.card.id as usize];
            DocText {
                entry: doc.card.id,
                title: &doc.card.title,
                summary: &doc.card.summary,
                body: &doc.text,
                entity_names: entry
                    .entities
                    .values()
                    .filter_map(|record| record.name.get(lang).map(String::as_str))
                    .collect(),
            }
        })
        .collect();
    let (dictionary, shards) = index_texts(lang, ordered.len() as u32, &texts);
    BuiltIndex {
        dictionary,
        shards,
        docs,
    }
}

/// The dictionary and posting shards over some texts of one language;
/// `entries` is the archive's size (entry numbers run below it).
pub fn index_texts(
    lang: &LanguageCode,
    entries: u32,
    texts: &[DocText],
) -> (TermDictionary, Vec<PostingShard>) {
    let analyser = Analyser::new(lang.as_str());
    // Words repeat a lot; analysing each distinct spelling once keeps the
    // build linear in the text, not in stemmer calls.
    let mut cache: HashMap<String, Vec<u32>> = HashMap::new();
    // Terms are numbered as first seen; strings are kept once.
    let mut names: Vec<String> = Vec::new();
    let mut numbers: HashMap<String, u32> = HashMap::new();
    let mut weighted = |text: &str, weight: f32, into: &mut HashMap<u32, f32>| -> usize {
        let mut count = 0;
        for word in text.split(char::is_whitespace) {
            for_each_piece(word, |piece| {
                if !cache.contains_key(piece) {
                    let terms = analyser
                        .tokens(piece)
                        .first()
                        .map(|t| {
                            t.index_terms()
                                .map(|term| {
                                    *numbers.entry(term.to_string()).or_insert_with(|| {
                                        names.push(term.to_string());
                                        names.len() as u32 - 1
                                    })
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    cache.insert(piece.to_string(), terms);
                }
                let terms = &cache[piece];
                for term in terms {
                    *into.entry(*term).or_default() += weight;
                }
                count += !terms.is_empty() as usize;
            });
        }
        count
    };

    struct Doc {
        id: u32,
        length: f32,
        tf: HashMap<u32, f32>,
        title: HashMap<u32, f32>,
    }
    let mut docs: Vec<Doc> = texts
        .iter()
        .filter(|t| t.entry < entries)
        .map(|t| {
            let mut tf = HashMap::new();
            let mut title = HashMap::new();
            weighted(t.title, 1.0, &mut title);
            let mut length = weighted(t.summary, SUMMARY_WEIGHT, &mut tf);
            length += weighted(t.body, 1.0, &mut tf);
            for name in &t.entity_names {
                length += weighted(name, ENTITY_WEIGHT, &mut tf);
            }
            for term in title.keys() {
                tf.entry(*term).or_insert(0.0);
            }
            Doc {
                id: t.entry,
                length: length as f32,
                tf,
                title,
            }
        })
        .collect();
    docs.sort_by_key(|d| d.id);
    docs.dedup_by_key(|d| d.id);

    let n = docs.len() as f32;
    let average = (docs.iter().map(|d| d.length).sum::<f32>() / n.max(1.0)).max(1.0);
    // Per term number: (entry, BM25 weight with the title bonus).
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); names.len()];
    for doc in &docs {
        let norm = BM25_K1 * (1.0 - BM25_B + BM25_B * doc.length / average);
        for (&term, &tf) in &doc.tf {
            let body = tf * (BM25_K1 + 1.0) / (tf + norm);
            let title = if doc.title.contains_key(&term) {
                TITLE_BONUS
            } else {
                0.0
            };
            postings[term as usize].push((doc.id, body + title));
        }
    }
    let mut order: Vec<u32> = (0..names.len() as u32).collect();
    order.sort_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
    // Docs were visited in entry order, so each list is already ascending.
    let mut weights: Vec<(String, Vec<(u32, f32)>)> = order
        .into_iter()
        .map(|term| {
            let mut list = std::mem::take(&mut postings[term as usize]);
            let df = list.len() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for (_, w) in list.iter_mut() {
                *w *= idf;
            }
            (std::mem::take(&mut names[term as usize]), list)
        })
        .collect();
    let top = weights
        .iter()
        .flat_map(|(_, l)| l.iter().map(|(_, w)| *w))
        .fold(0.0f32, f32::max)
        .max(f32::MIN_POSITIVE);

    let mut dictionary = TermDictionary {
        format: crate::FORMAT_VERSION,
        lang: lang.clone(),
        analysis: ANALYSIS_VERSION,
        entries,
        documents: docs.len() as u32,
        terms: Vec::with_capacity(weights.len()),
        df: Vec::with_capacity(weights.len()),
        shards: Vec::new(),
    };
    let mut shards: Vec<PostingShard> = Vec::new();
    let mut in_shard = usize::MAX;
    for (index, (term, list)) in weights.iter_mut().enumerate() {
        if in_shard >= SHARD_POSTINGS {
            dictionary.shards.push(index as u32);
            shards.push(PostingShard {
                format: crate::FORMAT_VERSION,
                lang: lang.clone(),
                shard: shards.len() as u32,
                postings: Vec::new(),
            });
            in_shard = 0;
        }
        in_shard += list.len();
        let mut encoded = Vec::with_capacity(list.len() * 2);
        let mut previous = 0;
        for (id, weight) in list.iter() {
            encoded.push(id - previous);
            encoded.push(((weight / top * 255.0).round() as u32).clamp(1, 255));
            previous = *id;
        }
        dictionary.terms.push(std::mem::take(term));
        dictionary.df.push(list.len() as u32);
        if let Some(shard) = shards.last_mut() {
            shard.postings.push(encoded);
        }
    }
    (dictionary, shards)
}

/// Splits a whitespace-free word the way the analyser does, without
/// allocating tokens for the common case of a plain word.
fn for_each_piece(word: &str, mut f: impl FnMut(&str)) {
    if word.chars().all(char::is_alphanumeric) {
        if !word.is_empty() {
            f(word);
        }
        return;
    }
    // Punctuation, apostrophes or marks: let the analyser split it, then
    // hand back each word's own spelling.
    for token in Analyser::new("und").tokens(word) {
        f(&word[token.start..token.end]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dictionary(terms: &str, df: &str, shards: &str) -> Result<TermDictionary, String> {
        crate::parse_file(&format!(
            r#"{{"format":1,"lang":"en","analysis":{ANALYSIS_VERSION},"entries":2,"documents":2,
                "terms":{terms},"df":{df},"shards":{shards}}}"#
        ))
        .map_err(|e| e.to_string())
    }

    #[test]
    fn a_dictionary_whose_parts_do_not_fit_does_not_load() {
        assert!(dictionary(r#"["a","b"]"#, "[1,2]", "[0]").is_ok());
        assert!(dictionary("[]", "[]", "[]").is_ok());
        // Found by fuzzing (fuzz/artifacts/dataset_file): a count short,
        // and the search's next-letter guess read past the end of `df`.
        let short = dictionary(r#"["a","b"]"#, "[1]", "[0]").unwrap_err();
        assert!(short.contains("\"df\" has 1 counts for 2 terms"), "{short}");
        for (terms, shards) in [
            (r#"["b","a"]"#, "[0]"),
            (r#"["a","a"]"#, "[0]"),
            (r#"["a","b"]"#, "[]"),
            (r#"["a","b"]"#, "[1]"),
            (r#"["a","b"]"#, "[0,2]"),
            (r#"["a","b"]"#, "[0,0]"),
        ] {
            assert!(
                dictionary(terms, "[1,1]", shards).is_err(),
                "{terms} {shards}"
            );
        }
    }

    #[test]
    fn a_built_dictionary_fits_and_reads_back() {
        let en = LanguageCode::parse("en").unwrap();
        let texts = [DocText {
            entry: 0,
            title: "Water",
            body: "Rivers and water.",
            ..DocText::default()
        }];
        let (dictionary, _) = index_texts(&en, 1, &texts);
        assert_eq!(dictionary.fits(), Ok(()));
        let text = serde_json::to_string(&dictionary).unwrap();
        assert_eq!(
            crate::parse_file::<TermDictionary>(&text).unwrap(),
            dictionary
        );
    }
}
