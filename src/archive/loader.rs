//! What the archive has fetched so far, kept for the whole visit: the
//! facet table and its labels, each language's search index with the
//! shards loaded, search docs and catalog pages. A query or filter change
//! fetches only what is not here yet, so a warm query does no I/O.
//!
//! [`ArchiveView::load`] fetches what a URL state needs, hands it to
//! okuma-core's archive engine ([`okuma_core::archive::results`]), and
//! fetches the cards of what the engine says to show.

use crate::browser::timing::Stopwatch;
use crate::data::{
    fetch_catalog_page, fetch_entities, fetch_facets, fetch_people, fetch_search_doc, fetch_shard,
    fetch_terms, FetchError,
};
use futures::future::join_all;
use okuma_core::archive::{results, ArchiveInput, CardSource, LanguageSearch};
use okuma_core::archive_query::ArchiveQuery;
use okuma_core::search::{QueryPlan, SearchDoc, SearchIndex};
use okuma_core::{
    layout, CatalogPage, EntityTable, EntryCard, FacetCounts, FacetIndex, LanguageCode,
    PeopleTable, Site,
};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::Arc;

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
    /// load the cards is an error; facets or search failing degrade to a
    /// message beside the entries.
    pub async fn load(
        site: Arc<Site>,
        lang: LanguageCode,
        state: ArchiveQuery,
        shown: usize,
    ) -> Result<ArchiveView, FetchError> {
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
        let mut prepared = Vec::new();
        let mut pending = Vec::new();
        // The engine's own time (planning, searching, counting), without
        // the fetches in between.
        let mut engine = Stopwatch::new("okuma:search");
        if state.has_text() {
            for code in &languages {
                match prepare_language(code, &state.text, &mut engine).await {
                    Ok((index, plan, later)) => {
                        if !later.is_empty() {
                            pending.push((code.to_string(), later));
                        }
                        prepared.push((code.clone(), index, plan));
                    }
                    Err(e) => search_error = Some(e),
                }
            }
        }

        engine.resume();
        let found = {
            let indexes: Vec<_> = prepared
                .iter()
                .map(|(_, index, _)| index.borrow())
                .collect();
            let searches: Vec<LanguageSearch> = prepared
                .iter()
                .zip(&indexes)
                .map(|((code, _, plan), index)| LanguageSearch {
                    lang: code.clone(),
                    index,
                    plan,
                })
                .collect();
            results(&ArchiveInput {
                entries: site.catalog.entries,
                page_size: site.catalog.page_size,
                reading: &lang,
                query: &state,
                searches: &searches,
                facets: facets.as_ref().map(|f| &f.index),
                shown,
            })
        };
        engine.record();

        let items = load_cards(&found.shown).await?;
        Ok(ArchiveView {
            state,
            total: found.total,
            items,
            counts: found.counts,
            facets,
            relaxations: found.relaxations,
            without_text: found.without_text,
            matched_terms: found.matched_terms,
            facet_error,
            search_error,
            pending,
            upcoming: found
                .upcoming
                .into_iter()
                .map(|(code, entry)| (code.to_string(), entry))
                .collect(),
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
    engine: &mut Stopwatch,
) -> Result<(Rc<RefCell<SearchIndex>>, QueryPlan, Vec<u32>), FetchError> {
    let code = lang.to_string();
    let index = match CACHE.with_borrow(|c| c.search.get(&code).cloned()) {
        Some(index) => index,
        None => {
            let index = Rc::new(RefCell::new(SearchIndex::new(fetch_terms(&code).await?)));
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
                url: crate::data::url(&layout::search_shard(&code, n)),
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

/// The cards (and, for search results, texts) of what the engine shows:
/// each from its search doc or its catalog page.
async fn load_cards(
    shown: &[okuma_core::archive::ShownResult],
) -> Result<Vec<ResultItem>, FetchError> {
    let pages: BTreeSet<(String, u32)> = shown
        .iter()
        .filter_map(|r| match &r.card {
            CardSource::CatalogPage { lang, page, .. } => Some((lang.to_string(), *page)),
            CardSource::SearchDoc { .. } => None,
        })
        .collect();
    let loaded = join_all(pages.iter().map(|(lang, p)| catalog_page(lang, *p))).await;
    let mut cards: HashMap<u32, EntryCard> = HashMap::new();
    for page in loaded {
        for card in &page?.entries {
            cards.insert(card.id, card.clone());
        }
    }
    let docs = join_all(shown.iter().map(|r| async move {
        match &r.card {
            CardSource::SearchDoc { lang, entry } => Some(search_doc(lang.as_str(), *entry).await),
            CardSource::CatalogPage { .. } => None,
        }
    }))
    .await;
    let mut items = Vec::with_capacity(shown.len());
    for (result, doc) in shown.iter().zip(docs) {
        match doc {
            Some(doc) => {
                let doc = doc?;
                items.push(ResultItem {
                    card: doc.card.clone(),
                    text: Some(doc.text.clone()),
                    matched_in: result.matched_in.clone(),
                });
            }
            None => {
                if let Some(card) = cards.remove(&result.entry) {
                    items.push(ResultItem {
                        card,
                        text: None,
                        matched_in: Vec::new(),
                    });
                }
            }
        }
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

async fn catalog_page(lang: &str, page: u32) -> Result<Arc<CatalogPage>, FetchError> {
    let key = (lang.to_string(), page);
    if let Some(p) = CACHE.with_borrow(|c| c.pages.get(&key).cloned()) {
        return Ok(p);
    }
    let p = fetch_catalog_page(lang, page).await?;
    CACHE.with_borrow_mut(|c| c.pages.insert(key, p.clone()));
    Ok(p)
}
