//! Any URL no route matches.

use crate::components::not_found::NotFound;
use crate::i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Not found, in the language of the URL's first segment when the UI has it.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    let lang = path
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let ui = i18n::ui(&lang);
    view! {
        <main id="main" class="page">
            <NotFound ui message=ui.not_found_page back_href=format!("/{}/", ui.lang) />
        </main>
    }
}
