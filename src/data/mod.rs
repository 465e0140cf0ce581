//! Fetching the dataset: one function per file (paths are okuma-core's
//! `layout`), each returning a typed [`FetchError`] that says which of the
//! ways a fetch can fail happened. In the pre-render the same functions
//! read the built dataset from disk (`disk`), so the views are drawn from
//! exactly the files the browser will fetch.

mod load;
pub use load::Load;

use crate::i18n::Ui;
use okuma_core::search::{PostingShard, SearchDoc, StaleIndex, TermDictionary};
use okuma_core::{
    layout, parse_file, CatalogPage, DatasetError, EntityTable, Entry, FacetTable, PeopleTable,
    Site,
};
use serde::de::DeserializeOwned;
use std::sync::Arc;
use thiserror::Error;

/// Where the dataset lives: `data/` under the site's base path.
pub fn data_root() -> String {
    crate::base::path("data/")
}

/// The URL of a dataset file, from its path in the dataset.
pub fn url(path: &str) -> String {
    format!("{}{path}", data_root())
}

/// Why a dataset file could not be shown.
#[derive(Debug, Clone, PartialEq, Error, serde::Serialize, serde::Deserialize)]
pub enum FetchError {
    /// No answer at all: offline, DNS, CORS, connection reset.
    #[error("{url}: request failed: {detail}")]
    Network { url: String, detail: String },
    /// The server answered, but not with 2xx.
    #[error("{url}: HTTP status {status}")]
    Status { url: String, status: u16 },
    /// The server answered 2xx with a page (a static host's index.html
    /// fallback for a missing file), not data.
    #[error("{url}: expected JSON, got {content_type}")]
    NotJson { url: String, content_type: String },
    /// The body is JSON-ish but not a dataset this reader can use.
    #[error("{url}: {source}")]
    Dataset { url: String, source: DatasetError },
    /// A search index made with another text analysis than this app's.
    #[error("{url}: {source}")]
    StaleIndex { url: String, source: StaleIndex },
}

impl FetchError {
    /// Whether the file simply is not there (an unknown slug, say).
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            FetchError::Status {
                status: 404 | 410,
                ..
            }
        )
    }

    /// The message a reader sees, in their language.
    pub fn message(&self, ui: &Ui) -> String {
        match self {
            FetchError::Network { .. } => ui.error_network.to_string(),
            FetchError::Status { status, .. } => format!("{} ({status}).", ui.error_status),
            FetchError::NotJson { .. } => ui.error_not_json.to_string(),
            FetchError::Dataset { .. } => ui.error_malformed.to_string(),
            FetchError::StaleIndex { .. } => ui.error_stale_index.to_string(),
        }
    }
}

/// The site file, fetched once per visit (and again on Retry).
pub async fn fetch_site() -> Result<Arc<Site>, FetchError> {
    let url = url(layout::SITE);
    let text = fetch_text(&url).await?;
    let site = Site::from_json(&text).map_err(|source| dataset_error(url, source, &text))?;
    crate::browser::offline::check_data_build(site.build.as_deref());
    Ok(Arc::new(site))
}

/// One page of the archive's entry cards in a reading language, fetched
/// once per visit (a build's files do not change under it): switching
/// back to a language shows its similar entries without a request.
pub async fn fetch_catalog_page(lang: &str, page: u32) -> Result<Arc<CatalogPage>, FetchError> {
    thread_local! {
        static PAGES: std::cell::RefCell<std::collections::HashMap<(String, u32), Arc<CatalogPage>>> =
            Default::default();
    }
    let key = (lang.to_string(), page);
    if let Some(cached) = PAGES.with_borrow(|pages| pages.get(&key).cloned()) {
        return Ok(cached);
    }
    let url = url(&layout::catalog_page(lang, page));
    let text = fetch_text(&url).await?;
    let parsed = CatalogPage::from_json(&text)
        .map(Arc::new)
        .map_err(|source| dataset_error(url, source, &text))?;
    PAGES.with_borrow_mut(|pages| pages.insert(key, parsed.clone()));
    Ok(parsed)
}

/// One entry file, fetched when the reader opens the entry.
pub async fn fetch_entry(site: &Site, slug: &str) -> Result<Arc<Entry>, FetchError> {
    let url = url(&layout::entry(slug));
    let text = fetch_text(&url).await?;
    Entry::from_json(&text, site)
        .map(Arc::new)
        .map_err(|source| dataset_error(url, source, &text))
}

/// The facet table: every facet value's entries.
pub async fn fetch_facets() -> Result<FacetTable, FetchError> {
    fetch_file(url(layout::FACETS)).await
}

/// Entity names, for facet labels.
pub async fn fetch_entities() -> Result<Arc<EntityTable>, FetchError> {
    fetch_file(url(layout::ENTITIES)).await.map(Arc::new)
}

/// Credited people's names, for the author facet.
pub async fn fetch_people() -> Result<Arc<PeopleTable>, FetchError> {
    fetch_file(url(layout::PEOPLE)).await.map(Arc::new)
}

/// A language's search term dictionary.
/// One made with another text analysis is refused: its terms would
/// silently miss words.
pub async fn fetch_terms(lang: &str) -> Result<TermDictionary, FetchError> {
    let url = url(&layout::search_terms(lang));
    let terms: TermDictionary = fetch_file(url.clone()).await?;
    terms
        .check_analysis()
        .map_err(|source| FetchError::StaleIndex { url, source })?;
    Ok(terms)
}

/// One shard of a language's postings.
pub async fn fetch_shard(lang: &str, shard: u32) -> Result<PostingShard, FetchError> {
    fetch_file(url(&layout::search_shard(lang, shard))).await
}

/// An entry's card and text in one language, for a search result.
pub async fn fetch_search_doc(lang: &str, entry: u32) -> Result<Arc<SearchDoc>, FetchError> {
    fetch_file(url(&layout::search_doc(lang, entry)))
        .await
        .map(Arc::new)
}

async fn fetch_file<T: DeserializeOwned>(url: String) -> Result<T, FetchError> {
    let text = fetch_text(&url).await?;
    parse_file(&text).map_err(|source| dataset_error(url, source, &text))
}

#[cfg(not(target_arch = "wasm32"))]
pub mod disk {
    //! The pre-render's dataset: files read from a directory instead of
    //! fetched, with the answers a static host would give.
    use super::FetchError;
    use std::cell::RefCell;
    use std::path::PathBuf;

    thread_local! {
        static ROOT: RefCell<Option<PathBuf>> = const { RefCell::new(None) };
        // Every page reads the site file and a language's first catalog
        // page; an entry file is read once per language: all but entries
        // are kept.
        static KEPT: RefCell<std::collections::HashMap<String, String>> = RefCell::default();
    }

    /// Where the built dataset is (`dist/data`): fetches read from there.
    pub fn use_dataset(dir: PathBuf) {
        ROOT.with_borrow_mut(|root| *root = Some(dir));
        KEPT.with_borrow_mut(|kept| kept.clear());
    }

    pub(super) fn read(url: &str) -> Result<String, FetchError> {
        if let Some(text) = KEPT.with_borrow(|k| k.get(url).cloned()) {
            return Ok(text);
        }
        let text = read_file(url)?;
        if !url.contains("/entries/") {
            KEPT.with_borrow_mut(|k| k.insert(url.to_string(), text.clone()));
        }
        Ok(text)
    }

    fn read_file(url: &str) -> Result<String, FetchError> {
        let missing = || FetchError::Status {
            url: url.to_string(),
            status: 404,
        };
        let relative = url
            .strip_prefix(super::data_root().as_str())
            .ok_or_else(missing)?;
        // Only plain relative paths: a slug from an address is checked
        // before it gets here, but a file outside the dataset is never read.
        if relative
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
        {
            return Err(missing());
        }
        let path = ROOT.with_borrow(|root| root.as_ref().map(|r| r.join(relative)));
        let path = path.ok_or_else(|| FetchError::Network {
            url: url.to_string(),
            detail: "no dataset directory".into(),
        })?;
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(missing()),
            Err(e) => Err(FetchError::Network {
                url: url.to_string(),
                detail: e.to_string(),
            }),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
async fn fetch_text(url: &str) -> Result<String, FetchError> {
    disk::read(url)
}

#[cfg(target_arch = "wasm32")]
async fn fetch_text(url: &str) -> Result<String, FetchError> {
    use gloo_net::http::{Request, Response};
    let network = |err: gloo_net::Error| FetchError::Network {
        url: url.to_string(),
        detail: err.to_string(),
    };
    let response: Response = match Request::get(url).send().await {
        Ok(response) => response,
        Err(error) => {
            // Offline, the copy kept when the reader last fetched it.
            if crate::browser::offline::Online::offline_now() {
                if let Some(text) = crate::browser::offline::kept(url).await {
                    return Ok(text);
                }
            }
            return Err(network(error));
        }
    };
    if !response.ok() {
        return Err(FetchError::Status {
            url: url.to_string(),
            status: response.status(),
        });
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    if content_type.contains("html") {
        return Err(FetchError::NotJson {
            url: url.to_string(),
            content_type,
        });
    }
    let text = response.text().await.map_err(network)?;
    crate::browser::offline::keep(url, &text, &content_type);
    Ok(text)
}

/// Some hosts send a page as `text/plain` or with no type at all; a body
/// that fails to parse at its first character and starts with `<` is a page.
fn dataset_error(url: String, source: DatasetError, text: &str) -> FetchError {
    let looks_like_markup = text.trim_start().starts_with('<');
    match source {
        DatasetError::Syntax { .. } if looks_like_markup => FetchError::NotJson {
            url,
            content_type: "markup".into(),
        },
        source => FetchError::Dataset { url, source },
    }
}
