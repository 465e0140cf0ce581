//! "Find in this entry": a search box and a "paragraphs that mention"
//! select over the open entry. Matching paragraphs get the `found` class
//! and the first one is scrolled into view. Words are matched by the
//! search worker (stemming is the search engine's, and the reading path
//! does not carry it); mentions here (`blocks_mentioning`).

use crate::browser::intl::count;
use crate::shell::reading::use_reading;
use leptos::prelude::*;
use okuma_core::entry::mentions_in_order;
use okuma_core::localised::name_or_id;
use okuma_core::search::blocks_mentioning;
use okuma_core::{Block, EntityRecord};
use std::collections::BTreeMap;

#[component]
pub fn FindInEntry(
    blocks: Vec<Block>,
    /// The language of `blocks`.
    text_lang: String,
    entities: BTreeMap<String, EntityRecord>,
) -> impl IntoView {
    let reading = use_reading();
    let (ui, locale) = (reading.ui, reading.locale);
    let query = RwSignal::new(String::new());
    let entity = RwSignal::new(String::new());
    // Entities mentioned in this text, in order of first mention.
    let options = mentions_in_order(&blocks)
        .into_iter()
        .filter_map(|id| {
            let record = entities.get(&id)?;
            let (name, lang) = name_or_id(&record.name, reading.code(), &id);
            Some(view! { <option value=id lang=lang>{name}</option> })
        })
        .collect_view();
    // The words' matches come from the worker; the latest answer wins
    // (None until the words are matched).
    let by_text = RwSignal::new(None::<(String, Vec<String>)>);
    let failed = RwSignal::new(false);
    let text_blocks = blocks.clone();
    Effect::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            return;
        }
        let (blocks, lang) = (text_blocks.clone(), text_lang.clone());
        leptos::task::spawn_local(async move {
            let found = crate::archive::search_worker::find(lang, blocks, q.clone()).await;
            if query.try_get_untracked().as_deref() != Some(q.as_str()) {
                return;
            }
            match found {
                Ok(ids) => {
                    failed.try_set(false);
                    by_text.try_set(Some((q, ids)));
                }
                Err(e) => {
                    leptos::logging::error!("okuma: {e}");
                    failed.try_set(true);
                }
            }
        });
    });
    let found = Memo::new(move |_| {
        let q = query.get();
        let e = entity.get();
        let by_text = if q.trim().is_empty() {
            None
        } else {
            // Until the worker answers for these words, the last answer
            // stays marked (no flicker while typing).
            match by_text.get() {
                Some((_, ids)) => Some(ids),
                None => return None,
            }
        };
        let by_entity = (!e.is_empty()).then(|| blocks_mentioning(&blocks, &e));
        match (by_text, by_entity) {
            (Some(a), Some(b)) => Some(a.into_iter().filter(|id| b.contains(id)).collect()),
            (Some(a), None) | (None, Some(a)) => Some(a),
            (None, None) => None::<Vec<String>>,
        }
    });
    Effect::new(move |previous: Option<Vec<String>>| {
        for id in previous.unwrap_or_default() {
            if let Some(el) = document().get_element_by_id(&id) {
                let _ = el.class_list().remove_1("found");
            }
        }
        let now = found.get().unwrap_or_default();
        for id in &now {
            if let Some(el) = document().get_element_by_id(id) {
                let _ = el.class_list().add_1("found");
            }
        }
        if let Some(first) = now.first().and_then(|id| document().get_element_by_id(id)) {
            first.scroll_into_view_with_bool(false);
        }
        now
    });
    let status = move || match found.get() {
        _ if failed.get() && !query.get().trim().is_empty() => ui.search_unavailable.to_string(),
        None => String::new(),
        Some(ids) if ids.is_empty() => ui.find_none.to_string(),
        Some(ids) => count(ids.len(), &ui.paragraphs_found, locale),
    };
    view! {
        <div class="find-in-entry" role="search">
            <label for="find-in-entry">{ui.find_in_entry}</label>
            <input
                type="search"
                id="find-in-entry"
                autocomplete="off"
                maxlength="200"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <label for="find-mentions">{ui.mentions_of}</label>
            <select id="find-mentions" on:change=move |ev| entity.set(event_target_value(&ev))>
                <option value="">{ui.mentions_none}</option>
                {options}
            </select>
            <span class="find-status" role="status" aria-live="polite">{status}</span>
        </div>
    }
}
