//! The archive's engine: from the URL state, the loaded search indexes and
//! the facet table to everything the archive page shows for one query.
//!
//! It owns the pure part of the archive: running each language's search
//! and merging the hits (an entry's score is its best score in any
//! language; it remembers every language it matched in), facets ∩ hits,
//! live facet counts, the "drop this filter" relaxations, the count
//! without search words, relevance or date order, paging, which language's
//! doc or which catalog page each shown result's card comes from, and
//! which docs are worth fetching ahead. It fetches nothing: the app loads
//! the dictionaries, shards and facet table first, calls [`results`], then
//! fetches the cards [`ArchiveResults::search_docs`] and
//! [`ArchiveResults::catalog_pages`] name.
//!
//! ```
//! use okuma_core::archive::{results, ArchiveInput, CardSource, LanguageSearch};
//! use okuma_core::archive_query::ArchiveQuery;
//! use okuma_core::search::{index_texts, DocText, SearchIndex};
//! use okuma_core::LanguageCode;
//!
//! // Three entries in English; 1 and 2 mention water.
//! let en = LanguageCode::parse("en").unwrap();
//! let texts = [
//!     DocText { entry: 0, title: "Elections", body: "A vote.", ..DocText::default() },
//!     DocText { entry: 1, title: "Rivers", body: "Water is scarce.", ..DocText::default() },
//!     DocText { entry: 2, title: "Water in Central Asia", body: "Water.", ..DocText::default() },
//! ];
//! let (dictionary, shards) = index_texts(&en, 3, &texts);
//! let mut index = SearchIndex::new(dictionary);
//! for shard in shards {
//!     index.add_shard(shard).unwrap();
//! }
//!
//! let query = ArchiveQuery::parse("?q=water");
//! let plan = index.plan(&query.text);
//! let searches = [LanguageSearch { lang: en.clone(), index: &index, plan: &plan }];
//! let found = results(&ArchiveInput {
//!     entries: 3,
//!     page_size: 50,
//!     reading: &en,
//!     query: &query,
//!     searches: &searches,
//!     facets: None,
//!     shown: 10,
//! });
//!
//! // Both matches, the title match first; each card is that entry's English doc.
//! assert_eq!(found.total, 2);
//! assert_eq!(
//!     found.search_docs(),
//!     [(en.clone(), 2), (en.clone(), 1)]
//! );
//! assert_eq!(found.shown[0].card, CardSource::SearchDoc { lang: en, entry: 2 });
//! assert!(found.catalog_pages().is_empty());
//! ```

use crate::archive_query::{ArchiveQuery, Order};
use crate::facets::{FacetCounts, FacetIndex};
use crate::language::LanguageCode;
use crate::search::{DocSet, QueryPlan, SearchIndex};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Search results shown before "Show more" (each needs its own small file).
pub const RESULTS_STEP: usize = 10;

/// Letters that may follow the word being typed whose first results are
/// fetched ahead (per searched language): the likeliest, by documents.
const LIKELY_LETTERS: usize = 4;

/// Entries shown before "Show more" when browsing (cards come 50 to a
/// catalog page, so more cost little).
pub const BROWSE_STEP: usize = 20;

/// How many results one "Show more" adds for this query:
/// [`RESULTS_STEP`] with search words, [`BROWSE_STEP`] without.
///
/// ```
/// use okuma_core::archive::{results_step, BROWSE_STEP, RESULTS_STEP};
/// use okuma_core::archive_query::ArchiveQuery;
/// assert_eq!(results_step(&ArchiveQuery::parse("?q=water")), RESULTS_STEP);
/// assert_eq!(results_step(&ArchiveQuery::parse("?kind=analysis")), BROWSE_STEP);
/// ```
pub fn results_step(query: &ArchiveQuery) -> usize {
    if query.has_text() {
        RESULTS_STEP
    } else {
        BROWSE_STEP
    }
}

/// One language's search, ready to run: its index with the shards the plan
/// needs loaded (terms in missing shards simply match nothing), and the
/// plan made from the query's text by that index.
#[derive(Debug, Clone)]
pub struct LanguageSearch<'a> {
    pub lang: LanguageCode,
    pub index: &'a SearchIndex,
    pub plan: &'a QueryPlan,
}

/// What the archive engine reads.
#[derive(Debug, Clone, Copy)]
pub struct ArchiveInput<'a> {
    /// The catalog's size (`site.catalog.entries`): entry numbers run
    /// below it, newest first.
    pub entries: u32,
    /// Entries per catalog page (`site.catalog.page_size`; 0 counts as 1).
    pub page_size: u32,
    /// The reading language: catalog cards come in it, and a search
    /// result shows its doc in it when the entry matched there.
    pub reading: &'a LanguageCode,
    pub query: &'a ArchiveQuery,
    /// The searches to run, one per language, in the order the results
    /// list their languages (the reading language alone, or every site
    /// language for "all languages"). Empty when the query has no text,
    /// or when its search could not be loaded: a query with text then
    /// finds nothing.
    pub searches: &'a [LanguageSearch<'a>],
    /// The facet table; `None` when it could not be loaded (the results
    /// are then the search hits, or every entry, unfiltered and uncounted).
    pub facets: Option<&'a FacetIndex>,
    /// How many results to show (a multiple of [`results_step`]).
    pub shown: usize,
}

/// Where a shown result's card comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CardSource {
    /// `search/{lang}/docs/{entry}.json` (with text: a card and the body
    /// to cut a snippet from).
    SearchDoc { lang: LanguageCode, entry: u32 },
    /// The card of `entry` in catalog page `page` (1-based) of `lang`.
    CatalogPage {
        lang: LanguageCode,
        page: u32,
        entry: u32,
    },
}

/// One result on the page, in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownResult {
    pub entry: u32,
    /// The languages the query matched this entry in, in the order of the
    /// searches; only for an all-languages search, else empty.
    pub matched_in: Vec<LanguageCode>,
    pub card: CardSource,
}

/// Everything the archive page shows for one query.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveResults {
    /// How many entries match (all of them, not only those shown).
    pub total: usize,
    /// The first [`ArchiveInput::shown`] of them, in display order.
    pub shown: Vec<ShownResult>,
    /// Live counts per facet within the search hits (or every entry);
    /// `None` when the facet table is not loaded.
    pub counts: Option<Vec<FacetCounts>>,
    /// Per facet with a choice: how many results there would be without
    /// it (what the "no results" view offers to drop).
    pub relaxations: Vec<(String, u32)>,
    /// With search words and the facet table loaded: how many entries the
    /// same filters give without the words. Otherwise `None`.
    pub without_text: Option<u32>,
    /// Per language code searched: the index terms that matched, for
    /// highlighting.
    pub matched_terms: BTreeMap<String, BTreeSet<String>>,
    /// Search docs worth fetching ahead, most wanted first (empty when
    /// browsing): the first results for each of the likeliest letters to
    /// be typed next (see [`SearchIndex::next_letters`]) (what the next letter will
    /// show), then the next `2 × RESULTS_STEP` results after the shown
    /// ones. The shown results' own docs are not in it.
    pub upcoming: Vec<(LanguageCode, u32)>,
}

impl ArchiveResults {
    /// The catalog pages (language, 1-based page number) that hold the
    /// shown cards, each once, for fetching. Empty for a search.
    ///
    /// ```
    /// use okuma_core::archive::{results, ArchiveInput};
    /// use okuma_core::archive_query::ArchiveQuery;
    /// use okuma_core::LanguageCode;
    ///
    /// // Browsing five entries, two to a catalog page.
    /// let en = LanguageCode::parse("en").unwrap();
    /// let query = ArchiveQuery::default();
    /// let browse = results(&ArchiveInput {
    ///     entries: 5,
    ///     page_size: 2,
    ///     reading: &en,
    ///     query: &query,
    ///     searches: &[],
    ///     facets: None,
    ///     shown: 20,
    /// });
    /// let pages: Vec<u32> = browse.catalog_pages().into_iter().map(|(_, p)| p).collect();
    /// assert_eq!(pages, [1, 2, 3]);
    /// ```
    pub fn catalog_pages(&self) -> BTreeSet<(LanguageCode, u32)> {
        self.shown
            .iter()
            .filter_map(|r| match &r.card {
                CardSource::CatalogPage { lang, page, .. } => Some((lang.clone(), *page)),
                CardSource::SearchDoc { .. } => None,
            })
            .collect()
    }

    /// The search docs (language, entry) of the shown cards, in display
    /// order, for fetching. Empty when browsing.
    pub fn search_docs(&self) -> Vec<(LanguageCode, u32)> {
        self.shown
            .iter()
            .filter_map(|r| match &r.card {
                CardSource::SearchDoc { lang, entry } => Some((lang.clone(), *entry)),
                CardSource::CatalogPage { .. } => None,
            })
            .collect()
    }
}

/// A search hit merged across languages: the entry, its best score, and
/// the languages it matched in (in the order of the searches).
type Merged = (u32, f32, Vec<LanguageCode>);

/// Runs the searches, filters by the facets, counts, orders and pages:
/// everything the archive shows for `input.query`.
///
/// - With search words, the results are the entries found in any of the
///   searched languages, within the chosen facet values (OR within a
///   facet, AND across facets); without, every entry within them.
/// - Relevance order is best score first, ties by lower entry number
///   (newer); date order is by entry number (entry numbers are newest
///   first).
/// - A search result's card is its doc in the reading language when the
///   entry matched there, else in the first language it matched in; a
///   browsed entry's card is in the reading language's catalog page
///   `entry / page_size + 1`.
pub fn results(input: &ArchiveInput) -> ArchiveResults {
    let query = input.query;
    let has_text = query.has_text();
    let size = input.entries;

    // Search every language and merge: best score, every language matched.
    let mut matched_terms = BTreeMap::new();
    let hits: Option<Vec<Merged>> = has_text.then(|| {
        let mut merged: HashMap<u32, (f32, Vec<LanguageCode>)> = HashMap::new();
        for search in input.searches {
            let result = search.index.run(search.plan, None);
            for hit in result.hits {
                let slot = merged.entry(hit.entry).or_insert((0.0, Vec::new()));
                slot.0 = slot.0.max(hit.score);
                slot.1.push(search.lang.clone());
            }
            matched_terms.insert(search.lang.to_string(), result.matched_terms);
        }
        let mut list: Vec<Merged> = merged.into_iter().map(|(e, (s, l))| (e, s, l)).collect();
        list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        list
    });

    // Facets ∩ hits, the live counts and what dropping a filter would give.
    let base = match &hits {
        Some(list) => DocSet::of(size, list.iter().map(|h| h.0)),
        None => DocSet::full(size),
    };
    let (matching, counts, relaxations, without_text) = match input.facets {
        Some(facets) => {
            let mut matching = facets.matching(&query.selection, None);
            let without_text = hits.as_ref().map(|_| matching.len());
            matching.intersect_with(&base);
            let counts = facets.counts(&query.selection, &base);
            let relaxations = facets.relaxations(&query.selection, &base);
            (matching, Some(counts), relaxations, without_text)
        }
        None => (base, None, Vec::new(), None),
    };

    // Display order, each entry with the languages it matched in.
    let ordered: Vec<(u32, Vec<LanguageCode>)> = match (hits, query.order()) {
        (Some(list), Order::Relevance) => list
            .into_iter()
            .filter(|h| matching.contains(h.0))
            .map(|(entry, _, langs)| (entry, langs))
            .collect(),
        (Some(list), Order::Date) => {
            let mut by_entry: HashMap<u32, Vec<LanguageCode>> =
                list.into_iter().map(|(e, _, l)| (e, l)).collect();
            matching
                .iter()
                .map(|e| (e, by_entry.remove(&e).unwrap_or_default()))
                .collect()
        }
        (None, _) => matching.iter().map(|e| (e, Vec::new())).collect(),
    };

    // Paging, and where each card comes from.
    let total = ordered.len();
    let upcoming = if has_text {
        let from = input.shown.min(total);
        let to = input.shown.saturating_add(2 * RESULTS_STEP).min(total);
        // Every word matches as a prefix too (the last one is usually
        // being typed), so the next letter narrows it to some of its
        // completions: their first results come first.
        let next_letter = input
            .searches
            .iter()
            .flat_map(|search| search.index.next_letters(search.plan, LIKELY_LETTERS))
            .flat_map(|with| {
                ordered
                    .iter()
                    .filter(move |(entry, _)| with.contains(*entry))
                    .take(RESULTS_STEP)
            });
        let mut seen: BTreeSet<u32> = ordered[..from].iter().map(|(e, _)| *e).collect();
        next_letter
            .chain(&ordered[from..to])
            .filter(|(entry, _)| seen.insert(*entry))
            .map(|(entry, langs)| (doc_language(input.reading, langs).clone(), *entry))
            .collect()
    } else {
        Vec::new()
    };
    let page_size = input.page_size.max(1);
    let shown = ordered
        .into_iter()
        .take(input.shown)
        .map(|(entry, langs)| {
            let card = if has_text {
                CardSource::SearchDoc {
                    lang: doc_language(input.reading, &langs).clone(),
                    entry,
                }
            } else {
                CardSource::CatalogPage {
                    lang: input.reading.clone(),
                    page: entry / page_size + 1,
                    entry,
                }
            };
            ShownResult {
                entry,
                matched_in: if query.all_languages {
                    langs
                } else {
                    Vec::new()
                },
                card,
            }
        })
        .collect();

    ArchiveResults {
        total,
        shown,
        counts,
        relaxations,
        without_text,
        matched_terms,
        upcoming,
    }
}

/// The language whose doc shows a search result: the reading language
/// when the entry matched there (or the languages are unknown), else the
/// first language it matched in.
fn doc_language<'a>(reading: &'a LanguageCode, matched_in: &'a [LanguageCode]) -> &'a LanguageCode {
    match matched_in.first() {
        Some(first) if !matched_in.contains(reading) => first,
        _ => reading,
    }
}
