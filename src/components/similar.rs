//! "Similar entries": ranked in the core crate by shared entities, topics
//! and text; each with its reason ("Also about: CSTO, Uzbekistan").

use crate::api::fetch_catalog_page;
use crate::i18n::Ui;
use leptos::prelude::*;
use okuma_core::similar::similar_entries;
use okuma_core::{Entry, EntryCard, LanguageCode, Site};
use std::sync::Arc;

/// Up to three similar entries from the first catalog page of the reading
/// language (the newest entries), with why each is similar.
#[component]
pub fn SimilarEntries(
    site: Arc<Site>,
    entry: Arc<Entry>,
    reading: LanguageCode,
    shown: LanguageCode,
    ui: &'static Ui,
) -> impl IntoView {
    let lang = reading.to_string();
    let page = LocalResource::new(move || {
        let lang = lang.clone();
        async move { fetch_catalog_page(&lang, 1).await }
    });
    let current = EntryCard::of(&entry, 0, &shown);
    // Its own boundary: loading similar entries must never blank the entry.
    let list = move || {
        let page = page.get()?.ok()?;
        let ranked = similar_entries(&current, &page.entries, 3);
        if ranked.is_empty() {
            return None;
        }
        let items = ranked
            .into_iter()
            .filter_map(|similar| {
                let card = page.entries.iter().find(|c| c.slug == similar.slug)?.clone();
                let mut reasons: Vec<String> = similar
                    .shared_entities
                    .iter()
                    .filter_map(|id| {
                        let names = &entry.entities.get(id)?.name;
                        names.get(&reading).or_else(|| names.values().next()).cloned()
                    })
                    .take(3)
                    .collect();
                reasons.extend(similar.shared_topics.iter().take(2).filter_map(|id| {
                    let names = site.topics.get(id)?;
                    names.get(&reading).cloned()
                }));
                let other_lang = (card.lang != reading).then(|| card.lang.to_string());
                let reason = (!reasons.is_empty()).then(|| {
                    view! { <p class="similar-reason">{ui.also_about} " " {reasons.join(", ")}</p> }
                });
                Some(view! {
                    <li>
                        <a href=format!("/{reading}/entries/{}", card.slug) lang=other_lang>{card.title}</a>
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
    };
    view! { <Suspense fallback=|| ()>{list}</Suspense> }
}
