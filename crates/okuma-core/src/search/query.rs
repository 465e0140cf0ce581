//! Answering a query in the reader's browser, from the term dictionary and
//! the posting shards fetched so far.
//!
//! Each word the reader typed matches index terms in four ways, best first:
//! the same term (after stemming and folding), a term the word extends by a
//! few letters ("relatio" while typing "relations" → "relat"), a term the
//! word is a prefix of (while typing), and a term one edit away (words of
//! five letters or more). Every word must match (AND); an entry's score is
//! the sum over words of its best matching term's impact times the match
//! weight.
//!
//! ```
//! use okuma_core::search::{index_texts, DocText, SearchIndex};
//! use okuma_core::LanguageCode;
//!
//! // What `okuma build` writes for one language: the dictionary and shards.
//! let en = LanguageCode::parse("en").unwrap();
//! let texts = [
//!     DocText { entry: 0, title: "A strong strategic partnership",
//!               body: "Uzbekistan and Kazakhstan signed a treaty.", ..DocText::default() },
//!     DocText { entry: 1, title: "Water in Central Asia",
//!               body: "The partnership over rivers is fragile.", ..DocText::default() },
//!     DocText { entry: 2, title: "Elections", body: "A vote with no surprises.",
//!               ..DocText::default() },
//! ];
//! let (dictionary, shards) = index_texts(&en, 3, &texts);
//!
//! // In the browser: the dictionary first, then only the shards a query needs.
//! let mut index = SearchIndex::new(dictionary);
//! let plan = index.plan("partnrship"); // one typo in a long word
//! assert!(index.run(&plan, None).hits.is_empty(), "no postings loaded yet");
//! for shard in index.missing_shards(&plan) {
//!     // fetch search/en/{shard}.json, then:
//!     index.add_shard(shards[shard as usize].clone()).unwrap();
//! }
//! assert!(index.missing_shards(&plan).is_empty());
//! let result = index.run(&plan, None);
//! // Both entries with the word, the one with it in its title first.
//! let entries: Vec<u32> = result.hits.iter().map(|h| h.entry).collect();
//! assert_eq!(entries, [0, 1]);
//! assert!(result.matched_terms.contains("partnership"));
//! ```

use crate::search::analysis::{
    fold, is_short_stem_alias, is_whole_word_alias, whole_word, Analyser, Token, WHOLE_WORD,
};
use crate::search::docset::DocSet;
use crate::search::index::{PostingShard, TermDictionary};
use crate::search::turkish::{self, Inflections};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Match weights: how much of a term's impact each kind of match keeps.
const EXACT: f32 = 1.0;
const INFLECTED: f32 = 0.95;
const EXTENDS: f32 = 0.9;
const PREFIX: f32 = 0.75;
const TYPO: f32 = 0.5;
/// A Turkish word typed without Turkish letters is tried in at most this
/// many spellings with them.
const SPELLINGS: usize = 16;
/// A prefix expands to at most this many terms (the most frequent).
const PREFIX_LIMIT: usize = 40;
/// Words of at least this many letters tolerate one typo.
const TYPO_MIN_CHARS: usize = 5;
/// A typo matches only terms of at least this many letters: a stem of
/// five is one edit from too many others (Russian прийт, прост; сказа,
/// стака).
const TYPO_TERM_CHARS: usize = 6;
/// The longest query the engine reads; the rest is ignored.
pub const MAX_QUERY_WORDS: usize = 12;

/// A parsed query: its words and the terms each may match.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QueryPlan {
    pub words: Vec<QueryWord>,
}

/// One word of a query and its candidate terms.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryWord {
    pub token: Token,
    /// (term index, match weight).
    pub candidates: Vec<(u32, f32)>,
}

impl QueryPlan {
    /// True when the query has no words (only spaces or punctuation).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// An entry that matched, with its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub entry: u32,
    pub score: f32,
}

/// What a query found: every matching entry, best first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResult {
    pub hits: Vec<Hit>,
    /// Terms that matched at least one entry, for highlighting.
    pub matched_terms: BTreeSet<String>,
}

/// One language's index in memory: the dictionary and the shards loaded.
#[derive(Debug)]
pub struct SearchIndex {
    dictionary: TermDictionary,
    analyser: Analyser,
    /// Per term, its length in characters (the typo scan's first filter).
    term_chars: Vec<u16>,
    /// Shard number → per term, postings packed as `entry << 8 | impact`.
    shards: HashMap<u32, Vec<Vec<u32>>>,
}

/// A shard that does not fit the dictionary it was loaded into.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("search shard {shard}: {reason}")]
pub struct ShardError {
    pub shard: u32,
    pub reason: String,
}

impl SearchIndex {
    pub fn new(dictionary: TermDictionary) -> SearchIndex {
        SearchIndex {
            analyser: Analyser::new(dictionary.lang.as_str()),
            term_chars: dictionary
                .terms
                .iter()
                .map(|t| t.chars().count().min(u16::MAX as usize) as u16)
                .collect(),
            dictionary,
            shards: HashMap::new(),
        }
    }

    pub fn analyser(&self) -> &Analyser {
        &self.analyser
    }

    /// Parses a query and finds each word's candidate terms.
    pub fn plan(&self, query: &str) -> QueryPlan {
        let mut tokens = self.analyser.tokens(query);
        tokens.truncate(MAX_QUERY_WORDS);
        let count = tokens.len();
        let words = tokens
            .into_iter()
            .enumerate()
            .map(|(n, token)| QueryWord {
                candidates: self.candidates(&token, n + 1 == count),
                token,
            })
            .collect();
        QueryPlan { words }
    }

    fn find(&self, term: &str) -> Option<u32> {
        self.dictionary
            .terms
            .binary_search_by(|t| t.as_str().cmp(term))
            .ok()
            .map(|i| i as u32)
    }

    /// The terms that begin with `prefix` (a run of the sorted terms).
    fn beginning_with(&self, prefix: &str) -> std::ops::Range<usize> {
        let terms = &self.dictionary.terms;
        let start = terms.partition_point(|t| t.as_str() < prefix);
        let end = start + terms[start..].partition_point(|t| t.starts_with(prefix));
        start..end
    }

    fn candidates(&self, token: &Token, last: bool) -> Vec<(u32, f32)> {
        let terms = &self.dictionary.terms;
        let mut found: HashMap<u32, f32> = HashMap::new();
        let add = |found: &mut HashMap<u32, f32>, index: u32, weight: f32| {
            let best = found.entry(index).or_insert(0.0);
            *best = best.max(weight);
        };
        if self.analyser.has_suffix_grammar() {
            self.inflected(token, last, &mut found);
        } else if let Some(whole) = token
            .alias
            .as_deref()
            .filter(|_| is_short_stem_alias(token))
        {
            // A Russian word with a short stem (имя → им): the whole words
            // of that stem (имя, имени), not the stem, which holds others
            // (им, them).
            let stem = token.term.as_str();
            let marked = whole_word(stem);
            for i in self.beginning_with(&marked) {
                let term = &terms[i][WHOLE_WORD.len_utf8()..];
                if self.analyser.term(term).as_deref() == Some(stem) {
                    add(
                        &mut found,
                        i as u32,
                        if terms[i] == whole { EXACT } else { INFLECTED },
                    );
                }
            }
        } else if let Some(i) = token
            .alias
            .as_deref()
            .filter(|_| is_whole_word_alias(token))
            .and_then(|whole| self.find(whole))
        {
            // A word of its own that looks like a verb form (evening): that
            // word, not every form of "even".
            add(&mut found, i, EXACT);
        } else {
            for exact in [Some(&token.term), Some(&token.folded), token.alias.as_ref()]
                .into_iter()
                .flatten()
            {
                if let Some(i) = self.find(exact) {
                    add(&mut found, i, EXACT);
                }
            }
        }
        // A word the index knows is that word and its inflections, nothing
        // more: not a typo of another, nor the start of a longer one.
        if !found.is_empty() {
            return sorted(found);
        }
        // The word extends a stored stem by up to four letters.
        let chars: Vec<(usize, char)> = token.folded.char_indices().collect();
        let stems = !self.analyser.has_suffix_grammar();
        for cut in (4..chars.len()).rev().take(if stems { 4 } else { 0 }) {
            if let Some(i) = self.find(&token.folded[..chars[cut].0]) {
                add(&mut found, i, EXTENDS);
                break;
            }
        }
        // The word being typed (the last): terms it is a prefix of, most
        // frequent first.
        if last && stems {
            let mut prefixed: Vec<u32> = self
                .beginning_with(&token.folded)
                .map(|i| i as u32)
                .collect();
            if prefixed.len() > PREFIX_LIMIT {
                prefixed.sort_by_key(|&i| std::cmp::Reverse(self.dictionary.df[i as usize]));
                prefixed.truncate(PREFIX_LIMIT);
            }
            for i in prefixed {
                add(&mut found, i, PREFIX);
            }
        }
        // One typo, in a word the index does not know, and only among
        // longer terms: a short stem is one edit from too many others.
        if chars.len() >= TYPO_MIN_CHARS && found.is_empty() {
            let wanted = (token.term.as_str(), token.term.chars().count());
            let typed = (token.folded.as_str(), chars.len());
            for (i, term) in terms.iter().enumerate() {
                let len = self.term_chars[i] as usize;
                if len < TYPO_TERM_CHARS || term.starts_with(WHOLE_WORD) {
                    continue;
                }
                let near = |(w, n): (&str, usize)| {
                    n >= TYPO_MIN_CHARS && len.abs_diff(n) <= 1 && one_edit(term, w)
                };
                if near(wanted) || near(typed) {
                    add(&mut found, i as u32, TYPO);
                }
            }
        }
        sorted(found)
    }

    /// Turkish: the terms that are the word or its inflections, in its own
    /// letters; when it has none and was typed without Turkish letters (or
    /// with a capital I meaning i), those of its spellings in them; and,
    /// for the word being typed that matches nothing yet, the terms it (or
    /// a spelling of it) begins.
    fn inflected(&self, token: &Token, last: bool, found: &mut HashMap<u32, f32>) {
        let terms = &self.dictionary.terms;
        let add_inflections = |word: &str, found: &mut HashMap<u32, f32>| {
            let inflections = Inflections::of(word);
            for stem in inflections.stems() {
                for i in self.beginning_with(stem) {
                    if inflections.matches(&terms[i]) {
                        let weight = if terms[i] == word { EXACT } else { INFLECTED };
                        let best = found.entry(i as u32).or_insert(0.0);
                        *best = best.max(weight);
                    }
                }
            }
        };
        add_inflections(&token.term, found);
        if !found.is_empty() {
            return;
        }
        let spelled = turkish::spellings(&token.folded, terms, SPELLINGS);
        for spelling in &spelled {
            add_inflections(spelling, found);
        }
        if !found.is_empty() || !last {
            return;
        }
        let mut prefixed: Vec<u32> = Vec::new();
        for spelling in &spelled {
            prefixed.extend(self.beginning_with(spelling).map(|i| i as u32));
        }
        prefixed.sort_by_key(|&i| std::cmp::Reverse(self.dictionary.df[i as usize]));
        prefixed.truncate(PREFIX_LIMIT);
        for i in prefixed {
            found.entry(i).or_insert(PREFIX);
        }
    }

    /// What the next letter typed may narrow the plan's last word to: its
    /// completions (the loaded terms it is a prefix of) grouped by the
    /// letter that follows it, and for each of the `k` likeliest letters
    /// (the most documents) the entries holding any of that letter's
    /// terms. The best results within each set are what that keystroke
    /// will show: worth fetching ahead. Empty when nothing completes it.
    pub fn next_letters(&self, plan: &QueryPlan, k: usize) -> Vec<DocSet> {
        let Some(last) = plan.words.last() else {
            return Vec::new();
        };
        let typed = last.token.folded.as_str();
        // Letter → (documents, terms).
        let mut letters: BTreeMap<char, (u64, Vec<u32>)> = BTreeMap::new();
        for &(term, weight) in &last.candidates {
            let text = &self.dictionary.terms[term as usize];
            // Folded: a Turkish term keeps its letters, the typed word may not.
            let text = fold(text);
            let next = text
                .strip_prefix(typed)
                .and_then(|rest| rest.chars().next());
            if let (Some(letter), true) = (next, weight == PREFIX) {
                let slot = letters.entry(letter).or_default();
                slot.0 += u64::from(self.dictionary.df[term as usize]);
                slot.1.push(term);
            }
        }
        let mut ranked: Vec<(char, (u64, Vec<u32>))> = letters.into_iter().collect();
        ranked.sort_by_key(|(letter, (docs, _))| (std::cmp::Reverse(*docs), *letter));
        ranked
            .into_iter()
            .take(k)
            .map(|(_, (_, terms))| {
                let entries = terms
                    .iter()
                    .filter_map(|&t| self.postings(t))
                    .flatten()
                    .map(|&packed| packed >> 8);
                DocSet::of(self.dictionary.entries, entries)
            })
            .collect()
    }

    /// Shards the plan needs that are not loaded yet.
    pub fn missing_shards(&self, plan: &QueryPlan) -> Vec<u32> {
        self.missing(plan, true)
    }

    /// Shards to fetch before showing results: for a word the dictionary
    /// knows (same term, or one it extends), not its one-typo terms, which
    /// can lie anywhere in the dictionary and rank below it anyway; for a
    /// word it does not know, those too. The rest can follow.
    pub fn missing_shards_first(&self, plan: &QueryPlan) -> Vec<u32> {
        self.missing(plan, false)
    }

    fn missing(&self, plan: &QueryPlan, typos: bool) -> Vec<u32> {
        let mut shards: BTreeSet<u32> = BTreeSet::new();
        for word in &plan.words {
            let known = word.candidates.iter().any(|&(_, w)| w >= EXTENDS);
            for &(term, weight) in &word.candidates {
                if weight <= TYPO && known && !typos {
                    continue;
                }
                let shard = self.shard_of(term);
                if !self.shards.contains_key(&shard) {
                    shards.insert(shard);
                }
            }
        }
        shards.into_iter().collect()
    }

    fn shard_of(&self, term: u32) -> u32 {
        let s = &self.dictionary.shards;
        (s.partition_point(|&first| first <= term) as u32).saturating_sub(1)
    }

    /// Loads a fetched shard, checking it against the dictionary.
    pub fn add_shard(&mut self, shard: PostingShard) -> Result<(), ShardError> {
        let error = |reason: String| ShardError {
            shard: shard.shard,
            reason,
        };
        let d = &self.dictionary;
        if shard.lang != d.lang {
            return Err(error(format!("is for {}, not {}", shard.lang, d.lang)));
        }
        let first = *d
            .shards
            .get(shard.shard as usize)
            .ok_or_else(|| error("is not in the dictionary".into()))? as usize;
        let end = d
            .shards
            .get(shard.shard as usize + 1)
            .map_or(d.terms.len(), |&e| e as usize);
        if shard.postings.len() != end.saturating_sub(first) {
            return Err(error(format!(
                "has {} terms, the dictionary says {}",
                shard.postings.len(),
                end.saturating_sub(first)
            )));
        }
        let mut decoded = Vec::with_capacity(shard.postings.len());
        for (k, list) in shard.postings.iter().enumerate() {
            if list.len() % 2 != 0 || list.len() / 2 != d.df[first + k] as usize {
                return Err(error(format!(
                    "term {} has a broken posting list",
                    first + k
                )));
            }
            let mut entry = 0u32;
            let mut packed = Vec::with_capacity(list.len() / 2);
            for (n, pair) in list.chunks_exact(2).enumerate() {
                entry = entry
                    .checked_add(pair[0])
                    .filter(|e| (n == 0 || pair[0] > 0) && *e < d.entries && *e < 1 << 24)
                    .ok_or_else(|| error(format!("term {} has a bad entry number", first + k)))?;
                packed.push(entry << 8 | pair[1].clamp(1, 255));
            }
            decoded.push(packed);
        }
        self.shards.insert(shard.shard, decoded);
        Ok(())
    }

    /// Runs a plan over the loaded shards, keeping only entries in
    /// `within` when given. Terms whose shard is not loaded match nothing.
    pub fn run(&self, plan: &QueryPlan, within: Option<&DocSet>) -> SearchResult {
        if plan.is_empty() {
            return SearchResult::default();
        }
        let size = self.dictionary.entries as usize;
        let mut total = vec![0.0f32; size];
        let mut matched_words = vec![0u8; size];
        let mut best = vec![0.0f32; size];
        let mut touched: Vec<u32> = Vec::new();
        let mut matched_terms = BTreeSet::new();
        for (w, word) in plan.words.iter().enumerate() {
            for &(term, weight) in &word.candidates {
                let Some(list) = self.postings(term) else {
                    continue;
                };
                let mut any = false;
                for &packed in list {
                    let entry = (packed >> 8) as usize;
                    if within.is_some_and(|set| !set.contains(entry as u32)) {
                        continue;
                    }
                    // Only entries that matched every earlier word count.
                    if matched_words[entry] as usize != w {
                        continue;
                    }
                    any = true;
                    let score = (packed & 0xff) as f32 * weight;
                    if best[entry] == 0.0 {
                        touched.push(entry as u32);
                    }
                    best[entry] = best[entry].max(score);
                }
                if any {
                    matched_terms.insert(self.dictionary.terms[term as usize].clone());
                }
            }
            for &entry in &touched {
                let e = entry as usize;
                total[e] += best[e];
                best[e] = 0.0;
                matched_words[e] += 1;
            }
            touched.clear();
        }
        let want = plan.words.len() as u8;
        let mut hits: Vec<Hit> = matched_words
            .iter()
            .enumerate()
            .filter(|(_, &m)| m == want)
            .map(|(e, _)| Hit {
                entry: e as u32,
                score: total[e],
            })
            .collect();
        // Best first; ties newest first (lower entry number).
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
        SearchResult {
            hits,
            matched_terms,
        }
    }

    fn postings(&self, term: u32) -> Option<&Vec<u32>> {
        let shard = self.shard_of(term);
        let first = *self.dictionary.shards.get(shard as usize)?;
        self.shards.get(&shard)?.get((term - first) as usize)
    }
}

/// Candidates in term order.
fn sorted(found: HashMap<u32, f32>) -> Vec<(u32, f32)> {
    let mut candidates: Vec<(u32, f32)> = found.into_iter().collect();
    candidates.sort_by_key(|&(i, _)| i);
    candidates
}

/// `s` without its first character.
fn tail(s: &str) -> &str {
    s.char_indices().nth(1).map_or("", |(i, _)| &s[i..])
}

/// True when `term` is exactly one insertion, deletion, substitution or
/// swap of neighbours away from `word` (and not equal to it). Works on the
/// strings in place: it runs over every term of the dictionary a query.
pub(crate) fn one_edit(term: &str, word: &str) -> bool {
    if term == word {
        return false;
    }
    // Skip the common prefix.
    let mut a = term.char_indices();
    let mut b = word.char_indices();
    let (ra, rb) = loop {
        match (a.next(), b.next()) {
            (Some((_, x)), Some((_, y))) if x == y => continue,
            (Some((i, _)), Some((j, _))) => break (&term[i..], &word[j..]),
            (Some((i, _)), None) => break (&term[i..], ""),
            (None, Some((j, _))) => break ("", &word[j..]),
            (None, None) => return false,
        }
    };
    let (la, lb) = (ra.chars().count(), rb.chars().count());
    match la as isize - lb as isize {
        0 => {
            tail(ra) == tail(rb) || {
                let mut x = ra.chars();
                let mut y = rb.chars();
                let (x0, x1, y0, y1) = (x.next(), x.next(), y.next(), y.next());
                x0 == y1 && x1 == y0 && x.as_str() == y.as_str()
            }
        }
        1 => tail(ra) == rb,
        -1 => ra == tail(rb),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_counts_insertions_deletions_substitutions_and_swaps() {
        assert!(one_edit("partnership", "partnrship"));
        assert!(one_edit("partnership", "partnerships"));
        assert!(one_edit("partnership", "partnarship"));
        assert!(one_edit("partnership", "patrnership"));
        assert!(!one_edit("partnership", "partnership"));
        assert!(!one_edit("partnership", "prtnrship"));
        assert!(!one_edit("abc", "cab"));
        assert!(one_edit("казахстан", "казахстна"));
        assert!(one_edit("ozbekistan", "özbekistan"));
    }
}
