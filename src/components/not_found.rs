//! The not-found view, with a way back.

use crate::i18n::Ui;
use leptos::prelude::*;

/// Says that nothing is at this address and links back to the archive.
#[component]
pub fn NotFound(
    ui: &'static Ui,
    message: &'static str,
    #[prop(into)] back_href: String,
) -> impl IntoView {
    view! {
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">{ui.not_found_title}</h1>
            <p>{message}</p>
            <p>
                <a href=back_href>{ui.back_to_archive}</a>
            </p>
        </section>
    }
}
