//! The archive's entries for the current search and filters: a count, the
//! cards (titles and snippets highlighted, fallback and "matched in"
//! languages marked), "Show more", and a view for no results that says
//! which filter to drop.

use crate::archive::highlighted::Highlighted;
use crate::browser::intl::{count, format_date};
use crate::engine::archive::{ArchiveView, ResultItem};
use crate::shell::reading::use_reading;
use leptos::prelude::*;
use okuma_core::archive_query::ArchiveQuery;
use okuma_core::localised::name_or_id;

/// A card's identity for the keyed list: the entry in its language with
/// what is drawn of it, so a card whose highlights change is redrawn and
/// one that stays is kept as it is.
fn card_key(item: &ResultItem) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (item.card.id, &item.card.lang, &item.card.slug).hash(&mut hasher);
    (&item.title, &item.body, &item.matched_in).hash(&mut hasher);
    hasher.finish()
}

/// The list for the view in `view_data`: drawn once, then updated as the
/// view changes: the count and "Show more" in place, cards by key (a
/// keystroke that keeps a result keeps its card).
#[component]
pub fn ResultList(
    view_data: Signal<ArchiveView>,
    on_change: Callback<(ArchiveQuery, bool)>,
    on_more: Callback<()>,
) -> impl IntoView {
    let reading = use_reading();
    let (ui, locale) = (reading.ui, reading.locale);
    let heading = move || view_data.with(|v| count(v.total, &ui.results_count, locale));
    let cards = move || {
        view_data.with(|v| {
            v.items
                .iter()
                .map(|item| (card_key(item), item.clone()))
                .collect::<Vec<_>>()
        })
    };
    let more = move || {
        view_data.with(|v| {
            (v.items.len() < v.total).then(|| {
                view! {
                    <button type="button" class="button show-more" on:click=move |_| on_more.run(())>
                        {ui.show_more}
                    </button>
                }
            })
        })
    };
    let empty_view = move || view_data.with(|v| (v.total == 0).then(|| no_results(v, on_change)));
    view! {
        <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading" class="panel-heading" tabindex="-1" aria-live="polite">{heading}</h2>
            {empty_view}
            <ol
                id="results"
                class="entry-list"
                data-query=move || view_data.with(|v| v.state.text.clone())
                data-count=move || view_data.with(|v| v.total.to_string())
            >
                <For each=cards key=|(key, _)| *key children=|(_, item)| view! { <ResultCard item /> } />
            </ol>
            {more}
        </section>
    }
}

/// One result: title and snippet highlighted, kind, date, and the
/// language it is shown or matched in when that is not the reading one.
#[component]
fn ResultCard(item: ResultItem) -> impl IntoView {
    let reading = use_reading();
    let (ui, locale, site) = (reading.ui, reading.locale, reading.site.clone());
    let lang = reading.code().clone();
    let language_name = |code: &str| {
        site.languages
            .iter()
            .find(|l| l.code.as_str() == code)
            .map_or_else(|| code.to_string(), |l| l.name.clone())
    };
    let ResultItem {
        card,
        title,
        body,
        matched_in,
    } = item;
    let card_lang = card.lang.to_string();
    let other_lang = (card.lang != lang).then(|| card_lang.clone());
    let (kind, kind_lang) = match site.kinds.get(&card.kind) {
        Some(names) => name_or_id(names, &lang, &card.kind),
        None => (card.kind.clone(), None),
    };
    let date = card
        .date
        .map(|d| view! { <time datetime=d.to_string()>{format_date(&d, locale)}</time> });
    let fallback = other_lang.clone().filter(|_| matched_in.is_empty()).map(
        |code| view! { <span class="lang-badge" lang=code.clone()>{language_name(&code)}</span> },
    );
    let matched = (!matched_in.is_empty()).then(|| {
        let names: Vec<String> = matched_in
            .iter()
            .map(|c| language_name(c.as_str()))
            .collect();
        view! {
            <span class="matched-in">{ui.matched_in} " " {names.join(", ")}</span>
        }
    });
    let href = crate::base::path(&format!("{lang}/entries/{}/", card.slug));
    view! {
        <li class="entry-card">
            <h3 lang=other_lang.clone()>
                <a href=href>
                    <Highlighted segments=title />
                </a>
            </h3>
            <p class="entry-meta">
                <span class="entry-kind" lang=kind_lang>{kind}</span>
                {date}
                {fallback}
                {matched}
            </p>
            <p class="entry-summary" lang=other_lang>
                <Highlighted segments=body />
            </p>
        </li>
    }
}

/// No results: which filter to drop (with what it would give), or the
/// search words.
fn no_results(v: &ArchiveView, on_change: Callback<(ArchiveQuery, bool)>) -> impl IntoView {
    let reading = use_reading();
    let (ui, locale) = (reading.ui, reading.locale);
    let state = &v.state;
    let relaxations = v.relaxations.clone();
    let without_text = v.without_text;
    let drops = relaxations
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(facet, n)| {
            let next = state.without_facet(&facet);
            let label = format!(
                "{}{}{}{}",
                ui.without_facet[0],
                ui.facet(&facet),
                ui.without_facet[1],
                count(n as usize, &ui.results_count, locale)
            );
            view! {
                <li>
                    <button type="button" class="link-button" on:click=move |_| on_change.run((next.clone(), false))>
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view();
    let clear_text = without_text.filter(|n| *n > 0 && state.has_text()).map(|n| {
        let mut next = state.clone();
        next.text.clear();
        let label = format!("{}: {}", ui.clear_search, count(n as usize, &ui.results_count, locale));
        view! {
            <li>
                <button type="button" class="link-button" id="drop-search-words" on:click=move |_| on_change.run((next.clone(), false))>
                    {label}
                </button>
            </li>
        }
    });
    view! {
        <div class="no-results" role="status">
            <p>{ui.no_results}</p>
            <p>{ui.no_results_try}</p>
            <ul>{drops}{clear_text}</ul>
        </div>
    }
}
