//! The archive's search form: a labelled `type=search` box ("/" focuses
//! it from anywhere on the page), the "all languages" switch and the order.

use crate::shell::reading::use_reading;
use leptos::prelude::*;
use okuma_core::archive_query::{ArchiveQuery, Order};

/// The id the "/" shortcut and the benchmark look for.
pub const SEARCH_INPUT_ID: &str = "archive-search";

/// `on_change(next, replace)`: typing replaces the history entry (one per
/// search, not per keystroke); the switch and the order push a new one.
#[component]
pub fn SearchBox(
    text: RwSignal<String>,
    state: Memo<ArchiveQuery>,
    on_change: Callback<(ArchiveQuery, bool)>,
) -> impl IntoView {
    let ui = use_reading().ui;
    let on_input = move |ev: leptos::ev::Event| {
        text.set(event_target_value(&ev));
        on_change.run((state.get_untracked(), true));
    };
    let on_all = move |ev: leptos::ev::Event| {
        let mut next = state.get_untracked();
        next.all_languages = event_target_checked(&ev);
        on_change.run((next, false));
    };
    let on_sort = move |ev: leptos::ev::Event| {
        let mut next = state.get_untracked();
        next.sort = match event_target_value(&ev).as_str() {
            "date" => Some(Order::Date),
            _ => Some(Order::Relevance),
        };
        on_change.run((next, false));
    };
    // "/" focuses the box unless the reader is typing somewhere already.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.has_attribute("contenteditable")
            });
        if typing {
            return;
        }
        if let Some(input) = document().get_element_by_id(SEARCH_INPUT_ID) {
            ev.prevent_default();
            if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input) {
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || handle.remove());
    let order = move || match state.get().order() {
        Order::Date => "date",
        Order::Relevance => "relevance",
    };
    view! {
        // Without JavaScript (a pre-rendered page), the form is a plain
        // search: submitting loads the archive with the words in `?q=`.
        <form class="archive-search" role="search" method="get" action=use_reading().href("") on:submit=|ev| ev.prevent_default()>
            <label for=SEARCH_INPUT_ID class="search-label">{ui.search_label}</label>
            <input
                type="search"
                id=SEARCH_INPUT_ID
                name="q"
                autocomplete="off"
                spellcheck="false"
                maxlength="200"
                placeholder=ui.search_placeholder
                aria-keyshortcuts="/"
                prop:value=move || text.get()
                on:input=on_input
            />
            <label class="search-option">
                <input
                    type="checkbox"
                    id="search-all-languages"
                    prop:checked=move || state.get().all_languages
                    on:change=on_all
                />
                {ui.all_languages}
            </label>
            <label class="search-option">
                {ui.sort_label} " "
                <select id="archive-sort" prop:value=order on:change=on_sort>
                    <option value="relevance" disabled=move || !state.get().has_text()>
                        {ui.sort_relevance}
                    </option>
                    <option value="date">{ui.sort_date}</option>
                </select>
            </label>
        </form>
    }
}
