//! What every page shares: the document's `lang`, `dir`, `<title>`, meta
//! description, canonical URL, `hreflang` alternates, Open Graph and
//! Twitter card tags, the language's feed and (for an entry) its JSON-LD; a
//! skip link, the site header with the language switcher, and the `<main>`
//! landmark. The pre-render prints the same tags into each page's head.

use crate::shell::language_switcher::{Alternate, LanguageSwitcher};
use crate::shell::notice::UnknownLanguageNotice;
use crate::shell::offline_notice::OfflineNotice;
use crate::shell::reading::use_reading;
use crate::shell::reading_progress::ReadingProgress;
use crate::shell::theme_toggle::ThemeToggle;
use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, Script, Title};

/// Wraps a page's content, in the reading language and direction, with
/// the unknown-language notice when the URL was corrected.
#[component]
pub fn PageFrame(
    #[prop(into)] title: String,
    #[prop(optional, into)] description: Option<String>,
    alternates: Vec<Alternate>,
    /// The page's canonical address (from `base::path`); for a page showing
    /// a fallback, the page of the language it shows.
    #[prop(optional, into)]
    canonical: Option<String>,
    /// The address for readers of no listed language (`x-default`).
    #[prop(optional, into)]
    x_default: Option<String>,
    /// The languages the page has a real translation in, with their
    /// addresses: the `hreflang` cluster (a fallback page is in none).
    #[prop(optional)]
    translations: Option<Vec<(String, String)>>,
    /// `article` for an entry; a website's page otherwise.
    #[prop(optional)]
    article: bool,
    /// The entry's JSON-LD (already safe inside `<script>`).
    #[prop(optional_no_strip)]
    json_ld: Option<String>,
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
    let absolute = crate::base::absolute;
    let cluster: Vec<(String, String)> = translations.unwrap_or_else(|| {
        alternates
            .iter()
            .filter_map(|alt| Some((alt.code.clone(), alt.href.clone()?)))
            .collect()
    });
    let og_locale = |code: &str| code.replace('-', "_");
    let other_locales = cluster
        .iter()
        .filter(|(code, _)| *code != lang)
        .map(|(code, _)| view! { <Meta property="og:locale:alternate" content=og_locale(code) /> })
        .collect_view();
    let links = cluster
        .iter()
        .map(|(code, href)| {
            view! { <Link rel="alternate" hreflang=code.clone() href=absolute(href) /> }
        })
        .collect_view();
    let x_default = x_default.map(|href| {
        view! { <Link rel="alternate" hreflang="x-default" href=absolute(&href) /> }
    });
    let canonical = canonical.map(|c| absolute(&c));
    let feed = crate::base::path(&okuma_core::publish::feed_path(reading.code()));
    let head = view! {
        <Html {..} lang=lang.clone() dir=dir />
        <Title text=title.clone() />
        {description.clone().map(|d| view! { <Meta name="description" content=d /> })}
        {canonical.clone().map(|c| view! { <Link rel="canonical" href=c /> })}
        {links}
        {x_default}
        <Link rel="alternate" type_="application/atom+xml" title=site_title.clone() href=absolute(&feed) />
        <Meta property="og:type" content=if article { "article" } else { "website" } />
        <Meta property="og:site_name" content=site_title.clone() />
        <Meta property="og:title" content=title.clone() />
        {description.clone().map(|d| view! { <Meta property="og:description" content=d /> })}
        {canonical.map(|c| view! { <Meta property="og:url" content=c /> })}
        <Meta property="og:locale" content=og_locale(&lang) />
        {other_locales}
        <Meta name="twitter:card" content="summary" />
        <Meta name="twitter:title" content=title />
        {description.map(|d| view! { <Meta name="twitter:description" content=d /> })}
        {json_ld.map(|data| view! { <Script type_="application/ld+json">{data}</Script> })}
    };
    view! {
        {head}
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
            <OfflineNotice />
            <UnknownLanguageNotice />
            {children()}
        </main>
    }
}
