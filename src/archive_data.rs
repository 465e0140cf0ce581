//! What the archive has fetched so far, kept for the whole visit: the
//! facet table and its labels, each language's search index with the
//! shards loaded, search docs and catalog pages. A query or filter change
//! fetches only what is not here yet, so a warm query does no I/O.
//!
//! [`ArchiveView::load`] turns the archive's URL state into everything the
//! page shows: the logic is okuma-core's (`FacetIndex`, `SearchIndex`);
//! this module only fetches and caches.

use crate::api::{
    fetch_catalog_page, fetch_entities, fetch_facets, fetch_people, fetch_search_doc, fetch_shard,
    fetch_terms, FetchError,
};
use futures::future::join_all;
use okuma_core::archive_query::{ArchiveQuery, Order};
use okuma_core::search::{DocSet, QueryPlan, SearchDoc, SearchIndex};
use okuma_core::{
    CatalogPage, EntityTable, EntryCard, FacetCounts, FacetIndex, LanguageCode, PeopleTable, Site,
};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::Arc;

/// Search results shown before "Show more" (each needs its own small file).
pub const RESULTS_STEP: usize = 10;

/// Entries shown before "Show more" when browsing (cards come 50 to a
/// catalog page, so more cost little).
pub const BROWSE_STEP: usize = 20;

/// How many results a "page" of this state shows.
pub fn results_step(state: &ArchiveQuery) -> usize {
    if state.has_text() {
        RESULTS_STEP
    } else {
        BROWSE_STEP
    }
}

/// Facets and the names their values show.
pub struct FacetData {
    pub index: FacetIndex,
    pub entities: Arc<EntityTable>,
    pub people: Arc<PeopleTable>,
}

#[derive(Default)]
struct Cache {
    facets: Option<Rc<FacetData>>,
    search: HashMap<String, Rc<RefCell<SearchIndex>>>,
    docs: HashMap<(String, u32), Arc<SearchDoc>>,
    pages: HashMap<(String, u32), Arc<CatalogPage>>,
}

thread_local! {
    // One cache per page load; the app is single-threaded (CSR wasm).
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// One result as the list shows it.
#[derive(Clone)]
pub struct ResultItem {
    pub card: EntryCard,
    /// Body text to cut a snippet from (search results only).
    pub text: Option<String>,
    /// Languages the query matched in (all-languages search only).
    pub matched_in: Vec<LanguageCode>,
}

/// Everything the archive shows for one URL state.
#[derive(Clone)]
pub struct ArchiveView {
    pub state: ArchiveQuery,
    pub lang: LanguageCode,
    /// Entries that match, in display order.
    pub total: usize,
    pub items: Vec<ResultItem>,
    /// Live counts per facet (None while facets could not be loaded).
    pub counts: Option<Vec<FacetCounts>>,
    pub facets: Option<Rc<FacetData>>,
    /// Per chosen facet: results without it (for the no-results view).
    pub relaxations: Vec<(String, u32)>,
    /// Results with the same filters but no search words.
    pub without_text: Option<u32>,
    /// Index terms that matched, per language, for highlighting.
    pub matched_terms: BTreeMap<String, BTreeSet<String>>,
    pub facet_error: Option<FetchError>,
    pub search_error: Option<FetchError>,
    /// Shards with one-typo matches, still to fetch (per language): the
    /// page fetches them after showing these results, then loads again.
    pub pending: Vec<(String, Vec<u32>)>,
    /// Search docs of the next results, worth fetching ahead.
    pub upcoming: Vec<(String, u32)>,
}

impl ArchiveView {
    /// Fetches what `state` needs and computes the view. Only a failure to
    /// load the catalog is an error; facets or search failing degrade to a
    /// message beside the entries.
    pub async fn load(
        site: Arc<Site>,
        lang: LanguageCode,
        state: ArchiveQuery,
        shown: usize,
    ) -> Result<ArchiveView, FetchError> {
        let size = site.catalog.entries;
        let (facets, facet_error) = match load_facets().await {
            Ok(f) => (Some(f), None),
            Err(e) => (None, Some(e)),
        };
        let languages: Vec<LanguageCode> = if state.all_languages {
            site.languages.iter().map(|l| l.code.clone()).collect()
        } else {
            vec![lang.clone()]
        };

        // Fetch what the query needs: each language's dictionary and the
        // shards its words fall in (nothing, once warm).
        let mut search_error = None;
        let mut indexes = Vec::new();
        let mut pending = Vec::new();
        // The engine's own time (planning, searching, counting), without
        // the fetches in between.
        let mut engine = crate::timing::Stopwatch::new("okuma:search");
        if state.has_text() {
            for code in &languages {
                match prepare_language(code, &state.text, &mut engine).await {
                    Ok((index, plan, later)) => {
                        if !later.is_empty() {
                            pending.push((code.to_string(), later));
                        }
                        indexes.push((code.clone(), index, plan));
                    }
                    Err(e) => search_error = Some(e),
                }
            }
        }

        // The engine's work: search, merge, filter, count, order.
        engine.resume();
        let mut hits: Option<Vec<(u32, f32, Vec<LanguageCode>)>> = None;
        let mut matched_terms = BTreeMap::new();
        if state.has_text() {
            let mut merged: HashMap<u32, (f32, Vec<LanguageCode>)> = HashMap::new();
            for (code, index, plan) in &indexes {
                let result = index.borrow().run(plan, None);
                for hit in result.hits {
                    let slot = merged.entry(hit.entry).or_insert((0.0, Vec::new()));
                    slot.0 = slot.0.max(hit.score);
                    slot.1.push(code.clone());
                }
                matched_terms.insert(code.to_string(), result.matched_terms);
            }
            let mut list: Vec<(u32, f32, Vec<LanguageCode>)> =
                merged.into_iter().map(|(e, (s, l))| (e, s, l)).collect();
            list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            hits = Some(list);
        }
        let base = match &hits {
            Some(list) => DocSet::of(size, list.iter().map(|h| h.0)),
            None => DocSet::full(size),
        };
        let (matching, counts, relaxations, without_text) = match &facets {
            Some(f) => {
                let mut matching = f.index.matching(&state.selection, None);
                let without_text = hits.as_ref().map(|_| matching.len());
                matching.intersect_with(&base);
                let counts = f.index.counts(&state.selection, &base);
                let relaxations = f.index.relaxations(&state.selection, &base);
                (matching, Some(counts), relaxations, without_text)
            }
            None => (base.clone(), None, Vec::new(), None),
        };
        let ordered: Vec<(u32, Vec<LanguageCode>)> = match (&hits, state.order()) {
            (Some(list), Order::Relevance) => list
                .iter()
                .filter(|h| matching.contains(h.0))
                .map(|h| (h.0, h.2.clone()))
                .collect(),
            (Some(list), Order::Date) => {
                let by_entry: HashMap<u32, &Vec<LanguageCode>> =
                    list.iter().map(|h| (h.0, &h.2)).collect();
                matching
                    .iter()
                    .map(|e| {
                        (
                            e,
                            by_entry.get(&e).map(|l| (*l).clone()).unwrap_or_default(),
                        )
                    })
                    .collect()
            }
            (None, _) => matching.iter().map(|e| (e, Vec::new())).collect(),
        };
        engine.record();

        let total = ordered.len();
        let upcoming: Vec<(String, u32)> = if state.has_text() {
            doc_keys(
                &lang,
                &ordered[shown.min(total)..(shown + 2 * RESULTS_STEP).min(total)],
            )
        } else {
            Vec::new()
        };
        let shown: Vec<(u32, Vec<LanguageCode>)> = ordered.into_iter().take(shown).collect();
        let items = if state.has_text() {
            search_items(&lang, shown, state.all_languages).await?
        } else {
            catalog_items(&site, &lang, shown).await?
        };
        Ok(ArchiveView {
            state,
            lang,
            total,
            items,
            counts,
            facets,
            relaxations,
            without_text,
            matched_terms,
            facet_error,
            search_error,
            pending,
            upcoming,
        })
    }
}

async fn load_facets() -> Result<Rc<FacetData>, FetchError> {
    if let Some(f) = CACHE.with_borrow(|c| c.facets.clone()) {
        return Ok(f);
    }
    let (table, entities, people) =
        futures::join!(fetch_facets(), fetch_entities(), fetch_people());
    let data = Rc::new(FacetData {
        index: FacetIndex::new(&table?),
        entities: entities?,
        people: people?,
    });
    CACHE.with_borrow_mut(|c| c.facets = Some(data.clone()));
    Ok(data)
}

/// One language's index with the shards `text` needs loaded, and the plan.
async fn prepare_language(
    lang: &LanguageCode,
    text: &str,
    engine: &mut crate::timing::Stopwatch,
) -> Result<(Rc<RefCell<SearchIndex>>, QueryPlan, Vec<u32>), FetchError> {
    let code = lang.to_string();
    let index = match CACHE.with_borrow(|c| c.search.get(&code).cloned()) {
        Some(index) => index,
        None => {
            let dictionary = fetch_terms(&code).await?;
            let index = Rc::new(RefCell::new(SearchIndex::new(dictionary)));
            CACHE.with_borrow_mut(|c| c.search.entry(code.clone()).or_insert(index).clone())
        }
    };
    let plan = engine.run(|| index.borrow().plan(text));
    let missing = index.borrow().missing_shards_first(&plan);
    let fetched = join_all(missing.iter().map(|&n| fetch_shard(&code, n))).await;
    for shard in fetched {
        let shard = shard?;
        let n = shard.shard;
        // A shard that does not fit its dictionary is damaged data.
        index
            .borrow_mut()
            .add_shard(shard)
            .map_err(|e| FetchError::Dataset {
                url: format!("{}/search/{code}/{n}.json", crate::api::DATA_ROOT),
                source: okuma_core::DatasetError::Invalid {
                    path: "postings".into(),
                    message: e.reason,
                },
            })?;
    }
    let later = index.borrow().missing_shards(&plan);
    Ok((index, plan, later))
}

/// Fetches shards a view left pending; true when all arrived.
pub async fn fetch_pending(pending: Vec<(String, Vec<u32>)>) -> bool {
    let mut complete = true;
    for (code, shards) in pending {
        let Some(index) = CACHE.with_borrow(|c| c.search.get(&code).cloned()) else {
            continue;
        };
        let fetched = join_all(shards.iter().map(|&n| fetch_shard(&code, n))).await;
        for shard in fetched {
            match shard {
                Ok(shard) => complete &= index.borrow_mut().add_shard(shard).is_ok(),
                Err(_) => complete = false,
            }
        }
    }
    complete
}

/// Fetches search docs into the cache ahead of need; failures are left
/// for when the doc is really needed.
pub async fn prefetch_docs(keys: Vec<(String, u32)>) {
    let missing: Vec<(String, u32)> = CACHE.with_borrow(|c| {
        keys.into_iter()
            .filter(|k| !c.docs.contains_key(k))
            .collect()
    });
    join_all(missing.iter().map(|(code, entry)| search_doc(code, *entry))).await;
}

/// Which doc (language, entry) shows each result: the reading language
/// when the entry matched there, else the first language it matched in.
fn doc_keys(lang: &LanguageCode, results: &[(u32, Vec<LanguageCode>)]) -> Vec<(String, u32)> {
    results
        .iter()
        .map(|(entry, langs)| {
            let in_reading = langs.is_empty() || langs.contains(lang);
            let code = if in_reading { lang } else { &langs[0] };
            (code.to_string(), *entry)
        })
        .collect()
}

/// Cards and texts for search results: the doc in the reading language
/// when the entry matched there, else in the first language it matched in.
async fn search_items(
    lang: &LanguageCode,
    shown: Vec<(u32, Vec<LanguageCode>)>,
    all_languages: bool,
) -> Result<Vec<ResultItem>, FetchError> {
    let wanted = doc_keys(lang, &shown);
    let docs = join_all(wanted.iter().map(|(code, entry)| search_doc(code, *entry))).await;
    let mut items = Vec::with_capacity(docs.len());
    for (doc, (_, langs)) in docs.into_iter().zip(shown) {
        let doc = doc?;
        items.push(ResultItem {
            card: doc.card.clone(),
            text: Some(doc.text.clone()),
            matched_in: if all_languages { langs } else { Vec::new() },
        });
    }
    Ok(items)
}

async fn search_doc(lang: &str, entry: u32) -> Result<Arc<SearchDoc>, FetchError> {
    let key = (lang.to_string(), entry);
    if let Some(doc) = CACHE.with_borrow(|c| c.docs.get(&key).cloned()) {
        return Ok(doc);
    }
    let doc = fetch_search_doc(lang, entry).await?;
    CACHE.with_borrow_mut(|c| c.docs.insert(key, doc.clone()));
    Ok(doc)
}

/// Cards from the catalog pages that hold the shown entries.
async fn catalog_items(
    site: &Site,
    lang: &LanguageCode,
    shown: Vec<(u32, Vec<LanguageCode>)>,
) -> Result<Vec<ResultItem>, FetchError> {
    let size = site.catalog.page_size.max(1);
    let pages: BTreeSet<u32> = shown.iter().map(|(e, _)| e / size + 1).collect();
    let loaded = join_all(pages.iter().map(|&p| catalog_page(lang.as_str(), p))).await;
    let mut cards: HashMap<u32, EntryCard> = HashMap::new();
    for page in loaded {
        for card in &page?.entries {
            cards.insert(card.id, card.clone());
        }
    }
    Ok(shown
        .into_iter()
        .filter_map(|(entry, _)| cards.remove(&entry))
        .map(|card| ResultItem {
            card,
            text: None,
            matched_in: Vec::new(),
        })
        .collect())
}

async fn catalog_page(lang: &str, page: u32) -> Result<Arc<CatalogPage>, FetchError> {
    let key = (lang.to_string(), page);
    if let Some(p) = CACHE.with_borrow(|c| c.pages.get(&key).cloned()) {
        return Ok(p);
    }
    let p = fetch_catalog_page(lang, page).await?;
    CACHE.with_borrow_mut(|c| c.pages.insert(key, p.clone()));
    Ok(p)
}
