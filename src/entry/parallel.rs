//! The parallel view control: a labelled select of the entry's other
//! languages; choosing one sets `?with=` (a history entry, so Back undoes
//! it) and keeps the reader's paragraph in view.

use crate::browser::reading_place;
use crate::shell::reading::use_reading;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use okuma_core::entry::EntryOutline;

/// The control, or nothing when the entry is in one language only.
pub fn parallel_control(outline: &EntryOutline) -> AnyView {
    let options: Vec<_> = outline
        .others
        .iter()
        .map(|l| {
            let code = l.code.to_string();
            let selected = outline.with.as_ref() == Some(&l.code);
            view! { <option value=code.clone() lang=code selected=selected>{l.name.clone()}</option> }
        })
        .collect();
    if options.is_empty() {
        return ().into_any();
    }
    let reading = use_reading();
    let ui = reading.ui;
    let path = reading.href(&format!("entries/{}/", outline.entry.slug));
    let page_lang = reading.code().to_string();
    let navigate = use_navigate();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let target = if value.is_empty() {
            path.clone()
        } else {
            format!("{path}?with={value}")
        };
        reading_place::keep(&page_lang);
        navigate(&target, crate::base::navigation(false, false));
    };
    view! {
        <p class="parallel-control">
            <label for="parallel-with">{ui.parallel}</label>
            " "
            <select id="parallel-with" on:change=on_change>
                <option value="" selected=outline.with.is_none()>{ui.parallel_off}</option>
                {options}
            </select>
        </p>
    }
    .into_any()
}
