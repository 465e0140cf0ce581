//! `/{lang}/`: the archive. Search, facets and order live in the URL query
//! (`?q=…&country=…&sort=…`); this page reads it, asks the search worker
//! what to show ([`archive_view`]), and writes every change back as a new
//! URL (typing replaces the history entry, choices push one).

use crate::archive::active_filters::ActiveFilters;
use crate::archive::facet_panel::{FacetLabels, FacetPanel};
use crate::archive::result_list::ResultList;
use crate::archive::search_box::{SearchBox, SEARCH_INPUT_ID};
use crate::archive::search_worker::{archive_view, fetch_pending, prefetch};
use crate::browser::intl::count;
use crate::data::FetchError;
use crate::engine::archive::{ArchiveView, Listing};
use crate::shell::fetch_error::FetchErrorView;
use crate::shell::frame::PageFrame;
use crate::shell::language_switcher::Alternate;
use crate::shell::reading::{in_reading, use_reading};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use okuma_core::archive::results_step;
use okuma_core::archive_query::ArchiveQuery;
use std::collections::BTreeSet;

/// The archive in the reading language; drawn anew when the language changes.
#[component]
pub fn ArchivePage() -> impl IntoView {
    in_reading(|_| view! { <Archive /> })
}

#[component]
fn Archive() -> impl IntoView {
    let reading = use_reading();
    let ui = reading.ui;
    let site = reading.site.clone();
    let code = reading.code().clone();
    let location = use_location();
    let url_state = Memo::new(move |_| ArchiveQuery::parse(&location.search.get()));
    // The box's text leads while typing; the URL follows (replaced, so
    // back/forward step through searches, not keystrokes).
    let text = RwSignal::new(url_state.get_untracked().text);
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let search = window().location().search().unwrap_or_default();
        text.set(ArchiveQuery::parse(&search).text);
    });
    on_cleanup(move || handle.remove());
    let state = Memo::new(move |_| {
        let mut s = url_state.get();
        s.text = text.get();
        s
    });
    // How many results to show, for the state it was raised in.
    let shown = RwSignal::new((ArchiveQuery::default(), 0));
    let expanded = RwSignal::new(BTreeSet::<String>::new());

    // A choice re-renders the panel and results; the control the reader
    // used (or, if it is gone, the results heading) gets focus back.
    let refocus = StoredValue::new(None::<String>);
    let navigate = use_navigate();
    let path_lang = code.to_string();
    let on_change = Callback::new(move |(next, replace): (ArchiveQuery, bool)| {
        let active = document().active_element().map(|e| e.id());
        if let Some(id) = active.filter(|id| id != SEARCH_INPUT_ID) {
            refocus.set_value(Some(id));
        }
        text.set(next.text.clone());
        let url = crate::base::path(&format!("{path_lang}/{}", next.to_query()));
        navigate(&url, crate::base::navigation(replace, false));
    });

    // The view follows the URL state without Suspense: a warm query
    // resolves within the same task, and setting the signal re-renders
    // before the next frame. A slower, older load never overwrites a newer.
    let current: RwSignal<Option<Result<ArchiveView, FetchError>>, LocalStorage> =
        RwSignal::new_local(None);
    // The facet panel follows after the next frame: results are what the
    // reader waits for while typing, so they paint first.
    let panel: RwSignal<Option<ArchiveView>, LocalStorage> = RwSignal::new_local(None);
    let generation = StoredValue::new(0u64);
    let retry = RwSignal::new(0u32);
    let load_code = code.clone();
    let locale = reading.locale;
    let listing = move || Listing {
        locale: locale.to_string(),
        expanded: expanded.get().into_iter().collect(),
    };
    // The pre-render runs no effects: it loads the first state here, from
    // disk, at once (`data::disk`), and draws what the effect would.
    #[cfg(not(target_arch = "wasm32"))]
    {
        let first = state.get_untracked();
        let n = results_step(&first);
        use futures::FutureExt;
        let loaded = archive_view(code.clone(), first, n, listing()).now_or_never();
        if let Some(loaded) = loaded {
            panel.set(loaded.as_ref().ok().cloned());
            current.set(Some(loaded));
        }
    }
    Effect::new(move |_| {
        retry.track();
        let state = state.get();
        let (for_state, n) = shown.get();
        let n = if for_state == state && n > 0 {
            n
        } else {
            results_step(&state)
        };
        let code = load_code.clone();
        let listing = listing();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        // The page may be gone (another language, another route) by the
        // time a load finishes: every access after an await is a `try_`.
        let is_latest = move || generation.try_get_value() == Some(mine);
        leptos::task::spawn_local(async move {
            let loaded = archive_view(code, state, n, listing).await;
            if !is_latest() {
                return;
            }
            let for_panel = loaded.as_ref().ok().cloned();
            let (pending, upcoming) = loaded
                .as_ref()
                .map(|v| (v.pending.clone(), v.upcoming.clone()))
                .unwrap_or_default();
            current.try_set(Some(loaded));
            // After the frame that paints the results: the facet panel,
            // then the docs of the next results and any one-typo shards
            // (with those, load again).
            crate::browser::next_frame(move || {
                set_timeout(
                    move || {
                        if !is_latest() {
                            return;
                        }
                        panel.try_set(for_panel);
                        leptos::task::spawn_local(async move {
                            prefetch(upcoming).await;
                            if !pending.is_empty() && fetch_pending(pending).await && is_latest() {
                                retry.try_update(|n| *n += 1);
                            }
                        });
                    },
                    std::time::Duration::ZERO,
                )
            });
        });
    });
    let on_more = Callback::new(move |_| {
        let current = state.get_untracked();
        shown.update(|(s, n)| {
            *n = if *s == current && *n > 0 {
                *n + results_step(&current)
            } else {
                2 * results_step(&current)
            };
            *s = current;
        });
    });

    let alternates = site
        .languages
        .iter()
        .map(|l| Alternate {
            code: l.code.to_string(),
            name: l.name.clone(),
            href: Some(crate::base::path(&format!("{}/", l.code))),
            current: l.code == code,
        })
        .collect();
    // What is drawn follows the phase (loading, shown, failed); within
    // "shown", the views update in place from the latest view.
    let phase = Memo::new(move |_| {
        current.with(|c| match c {
            None => Phase::Loading,
            Some(Ok(_)) => Phase::Shown,
            Some(Err(e)) => Phase::Failed(e.clone()),
        })
    });
    let shown = Memo::new(move |previous: Option<&ArchiveView>| {
        current.with(|c| match c {
            Some(Ok(view)) => view.clone(),
            _ => previous.cloned().unwrap_or_default(),
        })
    });
    // The panel likewise: drawn once, then updated from the latest view; a
    // choice's control (or the results heading) gets focus back.
    let panel_phase = Memo::new(move |_| {
        panel.with(|p| match p {
            None => PanelPhase::Waiting,
            Some(v) if v.facets.is_some() => PanelPhase::Shown,
            Some(v) => PanelPhase::Failed(v.facet_error.clone()),
        })
    });
    let panel_view = Memo::new(move |previous: Option<&ArchiveView>| {
        panel.with(|p| match p {
            Some(view) => view.clone(),
            None => previous.cloned().unwrap_or_default(),
        })
    });
    Effect::new(move |_| {
        panel_view.track();
        if let Some(id) = refocus.get_value() {
            refocus.set_value(None);
            crate::browser::next_frame(move || focus_by_id(&id));
        }
    });
    let status = move || match phase.get() {
        Phase::Shown => shown.with(|v| count(v.total, &ui.results_count, locale)),
        _ => String::new(),
    };
    let canonical = reading.href("");
    let x_default = crate::base::path("");
    view! {
        <PageFrame title=reading.site_title() alternates keep_query=true wide=true canonical x_default>
            <h1 class="visually-hidden">{ui.archive}</h1>
            <SearchBox text state on_change />
            <p class="visually-hidden" role="status" aria-live="polite">{status}</p>
            <div class="archive">
                <div class="archive-main">
                    {move || match phase.get() {
                        Phase::Loading => view! { <p class="loading">{ui.loading}</p> }.into_any(),
                        Phase::Shown => {
                            crate::shell::takeover::page_ready();
                            archive_main(shown, on_change, on_more).into_any()
                        }
                        Phase::Failed(error) => view! {
                            <FetchErrorView error on_retry=move || retry.update(|n| *n += 1) />
                        }
                        .into_any(),
                    }}
                </div>
                {move || match panel_phase.get() {
                    PanelPhase::Waiting => None,
                    PanelPhase::Shown => Some(
                        view! { <FacetPanel view=panel_view expanded on_change /> }.into_any(),
                    ),
                    PanelPhase::Failed(error) => Some(facets_unavailable(error).into_any()),
                }}
            </div>
        </PageFrame>
    }
}

/// What the archive's main column shows.
#[derive(Clone, PartialEq)]
enum Phase {
    Loading,
    Shown,
    Failed(FetchError),
}

/// Active filters, a search error if any, and the results, kept as the
/// view changes.
fn archive_main(
    view: Memo<ArchiveView>,
    on_change: Callback<(ArchiveQuery, bool)>,
    on_more: Callback<()>,
) -> impl IntoView {
    let ui = use_reading().ui;
    let filters = move || {
        view.with(|data| {
            let labels = FacetLabels::new(data.labels.clone());
            view! { <ActiveFilters state=data.state.clone() labels on_change /> }
        })
    };
    let search_error = move || {
        view.with(|data| {
            data.search_error.as_ref().map(|e| {
                leptos::logging::error!("okuma: {e}");
                view! { <p class="alert" role="alert">{ui.search_unavailable} " " {e.message(ui)}</p> }
            })
        })
    };
    view! {
        {filters}
        {search_error}
        <ResultList view_data=Signal::from(view) on_change on_more />
    }
}

/// What the facet panel shows.
#[derive(Clone, PartialEq)]
enum PanelPhase {
    /// Not yet (it follows the results by a frame).
    Waiting,
    Shown,
    /// The facets could not be loaded.
    Failed(Option<FetchError>),
}

/// Why there is no facet panel.
fn facets_unavailable(error: Option<FetchError>) -> impl IntoView {
    let ui = use_reading().ui;
    // The detail goes to the console, as for every failed fetch.
    let detail = error.map(|e| {
        leptos::logging::error!("okuma: {e}");
        e.message(ui)
    });
    view! {
        <section class="facet-panel">
            <p class="alert" role="alert">{ui.facets_unavailable} " " {detail}</p>
        </section>
    }
}

/// Focuses the element with `id`, or the results heading if it is gone.
fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    let target = document()
        .get_element_by_id(id)
        .or_else(|| document().get_element_by_id("results-heading"));
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
