//! What the search worker has fetched for the visit, one cache per worker
//! (it is single-threaded wasm): the site, the facet table and its labels,
//! each language's search index with the shards loaded, search docs and
//! the facet values' names in each reading language (catalog pages are
//! cached by `data`). A warm query does no I/O.

use crate::data::{
    fetch_entities, fetch_facets, fetch_people, fetch_search_doc, fetch_shard, fetch_site,
    FetchError,
};
use futures::future::{join_all, LocalBoxFuture, Shared};
use futures::FutureExt;
use okuma_core::facet_list::FacetNames;
use okuma_core::search::{SearchDoc, SearchIndex};
use okuma_core::{EntityTable, FacetIndex, PeopleTable, Site};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// Facets and the names their values show.
pub struct FacetData {
    pub index: FacetIndex,
    pub entities: Arc<EntityTable>,
    pub people: Arc<PeopleTable>,
}

type DocFetch = LocalBoxFuture<'static, Result<Arc<SearchDoc>, FetchError>>;

#[derive(Default)]
pub(super) struct Cache {
    site: Option<Arc<Site>>,
    facets: Option<Rc<FacetData>>,
    pub(super) search: HashMap<String, Rc<RefCell<SearchIndex>>>,
    docs: HashMap<(String, u32), Arc<SearchDoc>>,
    /// Docs being fetched, so that a second need joins the first fetch.
    fetching: HashMap<(String, u32), Shared<DocFetch>>,
    /// Facet values' names and alphabetical order per (language, locale).
    pub(super) names: HashMap<(String, String), Rc<FacetNames>>,
}

thread_local! {
    // One cache per page load; the app is single-threaded (CSR wasm).
    pub(super) static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// The site file; a failure is not kept, so the next request tries again.
pub(super) async fn load_site() -> Result<Arc<Site>, FetchError> {
    if let Some(site) = CACHE.with_borrow(|c| c.site.clone()) {
        return Ok(site);
    }
    let site = fetch_site().await?;
    CACHE.with_borrow_mut(|c| c.site = Some(site.clone()));
    Ok(site)
}

pub(super) async fn load_facets() -> Result<Rc<FacetData>, FetchError> {
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

/// Fetches search docs into the cache ahead of need, in order, two at a
/// time: the browser opens only a few connections per host (six over
/// HTTP/1.1), and a prefetch must leave most of them to the next
/// keystroke's results. Failures are left for when the doc is needed.
pub async fn prefetch_docs(keys: Vec<(String, u32)>) {
    use futures::StreamExt;
    futures::stream::iter(keys)
        .for_each_concurrent(PREFETCH_AT_ONCE, |(code, entry)| async move {
            let _ = search_doc(&code, entry).await;
        })
        .await;
}

/// Search docs a prefetch fetches at once.
const PREFETCH_AT_ONCE: usize = 2;

/// A search doc, from the cache, or joining a fetch already under way (a
/// prefetch, say) instead of asking the network twice.
pub(super) async fn search_doc(lang: &str, entry: u32) -> Result<Arc<SearchDoc>, FetchError> {
    let key = (lang.to_string(), entry);
    if let Some(doc) = CACHE.with_borrow(|c| c.docs.get(&key).cloned()) {
        return Ok(doc);
    }
    let fetch = CACHE.with_borrow_mut(|c| {
        c.fetching
            .entry(key.clone())
            .or_insert_with(|| {
                let lang = lang.to_string();
                let fetch: DocFetch = Box::pin(async move { fetch_search_doc(&lang, entry).await });
                fetch.shared()
            })
            .clone()
    });
    let doc = fetch.await;
    CACHE.with_borrow_mut(|c| {
        c.fetching.remove(&key);
        if let Ok(doc) = &doc {
            c.docs.insert(key, doc.clone());
        }
    });
    doc
}
