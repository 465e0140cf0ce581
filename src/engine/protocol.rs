//! What the page asks the search worker and what it answers, as JSON
//! text over `postMessage` (one [`Message`] each way, matched by `id`),
//! and [`handle`], which answers one request: the worker calls it for each
//! message, the pre-render calls it directly.

use crate::data::FetchError;
use crate::engine::archive::{ArchiveView, Listing};
use crate::engine::cache::{fetch_pending, load_site, prefetch_docs};
use okuma_core::archive_query::ArchiveQuery;
use okuma_core::search::find_in_blocks;
use okuma_core::{Block, LanguageCode};
use serde::{Deserialize, Serialize};

/// What the worker posts once it listens: requests sent before are queued
/// by the page (a worker drops messages that arrive before its handler).
pub const READY: &str = "ready";

/// What the worker's loader posts when the engine's wasm failed to load.
pub const FAILED: &str = "failed";

/// A request or its answer; an answer has its request's `id`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Message<T> {
    pub id: u32,
    pub body: T,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Request {
    /// What the archive shows for a URL state (`query`, as in the URL) in
    /// the reading language, with the first `shown` results' cards; facet
    /// values named and ordered in `locale`, all of them listed for the
    /// `expanded` facets.
    Archive {
        lang: LanguageCode,
        query: String,
        shown: usize,
        locale: String,
        expanded: Vec<String>,
    },
    /// Fetch these search docs (language, entry) ahead of need.
    Prefetch { docs: Vec<(String, u32)> },
    /// Fetch the shards a view left pending; answers whether all arrived.
    FetchPending { shards: Vec<(String, Vec<u32>)> },
    /// The ids of the blocks of an open entry (in `lang`) that hold every
    /// word of `query`.
    Find {
        lang: String,
        blocks: Vec<Block>,
        query: String,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Reply {
    Archive(Box<Result<ArchiveView, FetchError>>),
    Fetched(bool),
    Found(Vec<String>),
}

impl Reply {
    /// Which answer this is, for a message about one that was not expected.
    pub fn kind(&self) -> &'static str {
        match self {
            Reply::Archive(_) => "archive",
            Reply::Fetched(_) => "fetched",
            Reply::Found(_) => "found",
        }
    }
}

/// Answers one request. Only the archive's cards failing to load is an
/// error; facets or search failing come back as messages in the view.
pub async fn handle(request: Request) -> Reply {
    match request {
        Request::Archive {
            lang,
            query,
            shown,
            locale,
            expanded,
        } => {
            let state = ArchiveQuery::parse(&query);
            let listing = Listing { locale, expanded };
            let view = match load_site().await {
                Ok(site) => ArchiveView::load(site, lang, state, shown, &listing).await,
                Err(e) => Err(e),
            };
            Reply::Archive(Box::new(view))
        }
        Request::Prefetch { docs } => {
            prefetch_docs(docs).await;
            Reply::Fetched(true)
        }
        Request::FetchPending { shards } => Reply::Fetched(fetch_pending(shards).await),
        Request::Find {
            lang,
            blocks,
            query,
        } => Reply::Found(find_in_blocks(&blocks, &lang, &query)),
    }
}
