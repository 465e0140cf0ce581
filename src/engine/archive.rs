//! What the archive shows for a URL state: [`ArchiveView::load`] fetches
//! what the state needs (through the visit's `cache`), hands it to
//! okuma-core's archive engine ([`okuma_core::archive::results`]), fetches
//! the cards of what the engine says to show, and cuts their highlighted
//! titles and snippets, so the page only draws what it is given.

use crate::browser::timing::Stopwatch;
use crate::data::{fetch_catalog_page, fetch_shard, fetch_terms, FetchError};
use crate::engine::cache::{load_facets, search_doc, CACHE};
use crate::engine::labels::{chip_labels, facet_names};
use futures::future::join_all;
use okuma_core::archive::{results, ArchiveInput, ArchiveResults, CardSource, LanguageSearch};
use okuma_core::archive_query::ArchiveQuery;
use okuma_core::facet_list::{facet_lists, FacetList};
use okuma_core::search::{highlight, snippet, Analyser, QueryPlan, SearchIndex, Segment};
use okuma_core::{layout, EntryCard, LanguageCode, Site};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::Arc;

/// Words in a search result's snippet.
const SNIPPET_WORDS: usize = 30;

/// One result as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultItem {
    pub card: EntryCard,
    /// The title, with the query's words marked.
    pub title: Vec<Segment>,
    /// The summary, or for a search result the passage around the first
    /// match, with the query's words marked.
    pub body: Vec<Segment>,
    /// Languages the query matched in (all-languages search only).
    pub matched_in: Vec<LanguageCode>,
}

use crate::engine::labels::Label;

/// Everything the archive shows for one URL state. It crosses from the
/// search worker to the page as JSON, so it holds what is drawn, not the
/// tables it was computed from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArchiveView {
    /// The state this view is for (the page sends it and puts it back).
    #[serde(skip)]
    pub state: ArchiveQuery,
    /// Entries that match, in display order.
    pub total: usize,
    pub items: Vec<ResultItem>,
    /// What the facet panel lists, with live counts (None while facets
    /// could not be loaded).
    pub facets: Option<Vec<FacetList>>,
    /// Names of the chosen values, per facet (the active filters' chips).
    pub labels: BTreeMap<String, BTreeMap<String, Label>>,
    /// Per chosen facet: results without it (for the no-results view).
    pub relaxations: Vec<(String, u32)>,
    /// Results with the same filters but no search words.
    pub without_text: Option<u32>,
    pub facet_error: Option<FetchError>,
    pub search_error: Option<FetchError>,
    /// Shards with one-typo matches, still to fetch (per language): the
    /// page fetches them after showing these results, then loads again.
    pub pending: Vec<(String, Vec<u32>)>,
    /// Search docs of the next results, worth fetching ahead.
    pub upcoming: Vec<(String, u32)>,
    /// The engine's own time in ms (planning, searching, counting),
    /// without the fetches in between: the page records it as the
    /// `okuma:search` measure.
    pub engine_ms: f64,
}

/// How the page lists facet values: named and ordered in `locale`, every
/// value of the `expanded` facets, the first few of the others.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub locale: String,
    pub expanded: Vec<String>,
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
        listing: &Listing,
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
        let mut engine = Stopwatch::new();
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
        let engine_ms = engine.finish();

        let items = load_cards(&found).await?;
        // Only the rows the panel draws cross to the page: a large archive
        // has thousands of entity values, a collapsed facet shows six.
        let lists = found.counts.zip(facets.as_deref()).map(|(counts, data)| {
            let names = facet_names(&site, &lang, &listing.locale, data);
            facet_lists(counts, state.values, &listing.expanded, &names)
        });
        let labels = chip_labels(&site, &lang, facets.as_deref(), &state);
        Ok(ArchiveView {
            state,
            total: found.total,
            items,
            facets: lists,
            labels,
            relaxations: found.relaxations,
            without_text: found.without_text,
            facet_error,
            search_error,
            pending,
            upcoming: found
                .upcoming
                .into_iter()
                .map(|(code, entry)| (code.to_string(), entry))
                .collect(),
            engine_ms,
        })
    }
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

/// The cards (and, for search results, texts) of what the engine shows:
/// each from its search doc or its catalog page.
async fn load_cards(found: &ArchiveResults) -> Result<Vec<ResultItem>, FetchError> {
    let shown = &found.shown;
    let pages = found.catalog_pages();
    let loaded = join_all(
        pages
            .iter()
            .map(|(lang, p)| fetch_catalog_page(lang.as_str(), *p)),
    )
    .await;
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
                let card = doc.card.clone();
                let text = format!("{}\n{}", card.summary, doc.text);
                items.push(marked(found, card, Some(&text), result.matched_in.clone()));
            }
            None => {
                if let Some(card) = cards.remove(&result.entry) {
                    items.push(marked(found, card, None, Vec::new()));
                }
            }
        }
    }
    Ok(items)
}

/// A card with the words the query matched marked in its title and in a
/// snippet of `text` (a search result), or its plain summary.
fn marked(
    found: &ArchiveResults,
    card: EntryCard,
    text: Option<&str>,
    matched_in: Vec<LanguageCode>,
) -> ResultItem {
    let lang = card.lang.to_string();
    let empty = BTreeSet::new();
    let terms = found.matched_terms.get(&lang).unwrap_or(&empty);
    let analyser = Analyser::shared(&lang);
    let title = highlight(&analyser, terms, &card.title);
    let body = match text {
        Some(text) => snippet(&analyser, terms, text, SNIPPET_WORDS),
        None => vec![Segment {
            text: card.summary.clone(),
            hit: false,
        }],
    };
    ResultItem {
        card,
        title,
        body,
        matched_in,
    }
}
