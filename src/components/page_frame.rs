//! What every page shares: the document's `lang` and `<title>`, a skip link,
//! the site header and the `<main>` landmark.

use crate::i18n::Ui;
use leptos::prelude::*;
use leptos_meta::{Html, Title};

/// Wraps a page's content. `lang` is the reading language of the page.
#[component]
pub fn PageFrame(
    lang: String,
    ui: &'static Ui,
    #[prop(into)] title: String,
    #[prop(into)] site_title: String,
    children: Children,
) -> impl IntoView {
    let home = format!("/{lang}/");
    view! {
        <Html {..} lang=lang dir="ltr" />
        <Title text=title />
        <a class="skip-link" href="#main">{ui.skip_to_content}</a>
        <header class="site-header">
            <a class="site-title" href=home>{site_title}</a>
        </header>
        <main id="main" class="page" tabindex="-1">{children()}</main>
    }
}
