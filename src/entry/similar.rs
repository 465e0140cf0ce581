//! "Similar entries": ranked in the core crate by shared entities, topics
//! and text; each with its reason ("Also about: CSTO, Uzbekistan"). A view
//! of the cards it is given: the page fetches them.

use crate::shell::reading::use_reading;
use leptos::prelude::*;
use okuma_core::localised::pick;
use okuma_core::similar::similar_entries;
use okuma_core::{Entry, EntryCard, LanguageCode};
use std::sync::Arc;

/// Up to three entries of `cards` most like `entry` (shown in `shown`),
/// with why each is similar.
#[component]
pub fn SimilarEntries(
    entry: Arc<Entry>,
    shown: LanguageCode,
    cards: Vec<EntryCard>,
) -> impl IntoView {
    let reading = use_reading();
    let (ui, code) = (reading.ui, reading.code().clone());
    let current = EntryCard::of(&entry, 0, &shown);
    let ranked = similar_entries(&current, &cards, 3);
    if ranked.is_empty() {
        return None;
    }
    let name = |names: &okuma_core::LocalNames| pick(names, &code).map(|p| p.value.clone());
    let items = ranked
        .into_iter()
        .filter_map(|similar| {
            let card = cards.iter().find(|c| c.slug == similar.slug)?.clone();
            let mut reasons: Vec<String> = similar
                .shared_entities
                .iter()
                .filter_map(|id| name(&entry.entities.get(id)?.name))
                .take(3)
                .collect();
            reasons.extend(
                similar
                    .shared_topics
                    .iter()
                    .take(2)
                    .filter_map(|id| name(reading.site.topics.get(id)?)),
            );
            let other_lang = (card.lang != code).then(|| card.lang.to_string());
            let reason = (!reasons.is_empty()).then(|| {
                view! { <p class="similar-reason">{ui.also_about} " " {reasons.join(", ")}</p> }
            });
            Some(view! {
                <li>
                    <a href=reading.href(&format!("entries/{}/", card.slug)) lang=other_lang>{card.title}</a>
                    {reason}
                </li>
            })
        })
        .collect_view();
    Some(view! {
        <section class="similar" aria-labelledby="similar-title">
            <h2 id="similar-title">{ui.similar}</h2>
            <ul>{items}</ul>
        </section>
    })
}
