//! What every page shares: the document's `lang`, `dir`, `<title>`, meta
//! description and `hreflang` alternates, a skip link, the site header with
//! the language switcher, and the `<main>` landmark.

use crate::shell::language_switcher::{Alternate, LanguageSwitcher};
use crate::shell::notice::UnknownLanguageNotice;
use crate::shell::reading::use_reading;
use crate::shell::reading_progress::ReadingProgress;
use crate::shell::theme_toggle::ThemeToggle;
use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, Title};

/// Wraps a page's content, in the reading language and direction, with
/// the unknown-language notice when the URL was corrected.
#[component]
pub fn PageFrame(
    #[prop(into)] title: String,
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
    let reading = use_reading();
    let ui = reading.ui;
    let lang = reading.code().to_string();
    let dir = reading.language.dir.as_str();
    let site_title = reading.site_title();
    let home = reading.href("");
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
                <LanguageSwitcher alternates keep_place keep_query />
                <ThemeToggle />
            </div>
            {keep_place.then(|| view! { <ReadingProgress /> })}
        </header>
        <main id="main" class=if wide { "page page-wide" } else { "page" } tabindex="-1">
            <UnknownLanguageNotice />
            {children()}
        </main>
    }
}
