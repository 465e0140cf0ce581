//! What every page shares: the document's `lang`, `dir`, `<title>`, meta
//! description and `hreflang` alternates, a skip link, the site header with
//! the language switcher, and the `<main>` landmark.

use crate::components::language_switcher::{Alternate, LanguageSwitcher};
use crate::components::reading_progress::ReadingProgress;
use crate::components::theme_toggle::ThemeToggle;
use crate::i18n::Ui;
use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, Title};

/// Wraps a page's content. `lang` is the reading language of the page.
#[component]
pub fn PageFrame(
    lang: String,
    #[prop(into, default = "ltr".to_string())] dir: String,
    ui: &'static Ui,
    #[prop(into)] title: String,
    #[prop(into)] site_title: String,
    #[prop(optional, into)] description: Option<String>,
    alternates: Vec<Alternate>,
    #[prop(optional)] keep_place: bool,
    /// Language links carry the page's current URL query (the archive's
    /// search and filters), read when followed.
    #[prop(optional)]
    keep_query: bool,
    /// A wider page (the archive: results beside the filters).
    #[prop(optional)]
    wide: bool,
    children: Children,
) -> impl IntoView {
    let home = format!("/{lang}/");
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let links = alternates
        .iter()
        .filter_map(|alt| {
            let href = format!("{origin}{}", alt.href.as_ref()?);
            Some(view! { <Link rel="alternate" hreflang=alt.code.clone() href=href /> })
        })
        .collect_view();
    view! {
        <Html {..} lang=lang dir=dir />
        <Title text=title />
        {description.map(|d| view! { <Meta name="description" content=d /> })}
        {links}
        <a class="skip-link" href="#main">{ui.skip_to_content}</a>
        <header class="site-header">
            <a class="site-title" href=home>{site_title}</a>
            <div class="header-tools">
                <LanguageSwitcher alternates ui keep_place keep_query />
                <ThemeToggle ui />
            </div>
            {keep_place.then(|| view! { <ReadingProgress ui /> })}
        </header>
        <main id="main" class=if wide { "page page-wide" } else { "page" } tabindex="-1">{children()}</main>
    }
}
