//! The not-found view, with a way back, and the page for any URL no route
//! matches.

use crate::shell::reading::{current_reading, ui_here};
use leptos::prelude::*;
use leptos_meta::{Html, Title};

/// Says that nothing is at this address and links back to the archive.
/// The document gets a title and a language of its own (a page without a
/// title is nameless to a screen reader's list of tabs).
#[component]
pub fn NotFound(message: &'static str, #[prop(into)] back_href: String) -> impl IntoView {
    let ui = ui_here();
    crate::shell::takeover::page_ready();
    let title = match current_reading() {
        Some(reading) => format!("{} — {}", ui.not_found_title, reading.site_title()),
        None => ui.not_found_title.to_string(),
    };
    view! {
        <Html {..} lang=ui.lang />
        <Title text=title />
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">{ui.not_found_title}</h1>
            <p>{message}</p>
            <p>
                <a href=back_href>{ui.back_to_archive}</a>
            </p>
        </section>
    }
}

/// Not found, in the language of the URL's first segment when the UI has it.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let ui = ui_here();
    view! {
        <main id="main" class="page">
            <NotFound message=ui.not_found_page back_href=crate::base::path(&format!("{}/", ui.lang)) />
        </main>
    }
}
