//! The reading context: which site, in which language, with which
//! interface text and locale. The `/:lang` route (`shell::route`) awaits
//! the site once, corrects an unknown language once, and provides a
//! [`Reading`] to every page under it; views take it from context instead of
//! having the language and its text handed down.
//!
//! ```text
//! view! { <Route path=path!("entries/:slug") view=EntryPage /> }   // under ReadingRoute
//! // in EntryPage: re-rendered per language, with the reading in context
//! in_reading(move |reading| view! { <h1 lang=reading.code().to_string()>…</h1> <Sources /> })
//! // in Sources, or any view inside:
//! let reading = use_reading();
//! view! { <h2>{reading.ui.sources}</h2> <time>{format_date(&d, &reading.locale)}</time> }
//! ```

use crate::data::{FetchError, Load};
use crate::i18n::{self, Ui};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use okuma_core::{Language, LanguageCode, Site};
use std::sync::Arc;

/// The site file as every page sees it: loading, loaded or failed, with a
/// way to fetch it again. Provided by the app for the whole visit.
#[derive(Clone, Copy)]
pub struct SiteData(pub Load<Result<Arc<Site>, FetchError>>);

impl SiteData {
    pub fn use_context() -> SiteData {
        expect_context::<SiteData>()
    }
}

/// What every page under `/:lang` reads in.
#[derive(Clone)]
pub struct Reading {
    pub site: Arc<Site>,
    /// The reading language, as the site offers it (code, name, direction).
    pub language: Language,
    /// The interface text: the language's locale file, else the default
    /// language's, else English.
    pub ui: &'static Ui,
    /// The locale for Intl (dates, numbers, plurals, collation): the reading
    /// language, even when the interface text falls back, unless the
    /// browser has no data for it.
    pub locale: &'static str,
}

impl PartialEq for Reading {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.site, &other.site) && self.language == other.language
    }
}

impl Reading {
    /// The site read in `lang`, if the site offers it.
    pub fn new(site: Arc<Site>, lang: &str) -> Option<Reading> {
        let language = site.language(lang)?.clone();
        let ui = i18n::locale_for(language.code.as_str())
            .or_else(|| i18n::locale_for(site.default_language.as_str()))
            .unwrap_or(&i18n::EN);
        // A language the browser's Intl lacks formats as the interface text does.
        let code = language.code.as_str();
        let locale = if crate::browser::intl::supports(code) {
            interned(code)
        } else {
            ui.lang
        };
        Some(Reading {
            locale,
            site,
            language,
            ui,
        })
    }

    pub fn code(&self) -> &LanguageCode {
        &self.language.code
    }

    /// The site's title in the reading language.
    pub fn site_title(&self) -> String {
        self.site.title_in(&self.language.code).to_string()
    }

    /// An address inside the reading language, under the site's base:
    /// `href("entries/csto/")` → `/tr/entries/csto/`.
    pub fn href(&self, rest: &str) -> String {
        crate::base::path(&format!("{}/{rest}", self.language.code))
    }
}

/// A language tag as a `&'static str`, kept once per tag: a site has a
/// handful of languages, and views capture the locale in many closures.
fn interned(tag: &str) -> &'static str {
    thread_local! {
        static TAGS: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    TAGS.with_borrow_mut(|tags| {
        if let Some(found) = tags.iter().find(|t| **t == tag) {
            return *found;
        }
        let leaked: &'static str = Box::leak(tag.to_string().into_boxed_str());
        tags.push(leaked);
        leaked
    })
}

/// The context the route provides: the reading, following the URL's language.
#[derive(Clone, Copy)]
pub(super) struct ReadingContext(pub(super) Memo<Option<Reading>>);

/// The current reading, tracked: a page's render reads it here and
/// re-renders when the language changes. `None` outside `/:lang` and for a
/// moment while an unknown language is being corrected.
pub fn current_reading() -> Option<Reading> {
    use_context::<ReadingContext>().and_then(|r| r.0.get())
}

/// Renders a page for the current reading, provided as context to
/// everything it draws ([`use_reading`]); re-renders when the language
/// changes, and draws nothing while there is none.
pub fn in_reading<V: IntoView + 'static>(
    page: impl Fn(Reading) -> V + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Send + Sync + 'static {
    move || match current_reading() {
        Some(reading) => {
            provide_context(reading.clone());
            page(reading).into_any()
        }
        None => ().into_any(),
    }
}

/// The reading of the page being drawn, for any view inside a page.
pub fn use_reading() -> Reading {
    expect_context::<Reading>()
}

/// The interface text for what is on screen: the reading's when there is
/// one, else that of the language the URL names, else the browser's.
pub fn ui_here() -> &'static Ui {
    if let Some(reading) = use_context::<Reading>() {
        return reading.ui;
    }
    let path = use_location().pathname.get_untracked();
    let segment = crate::base::strip(&path)
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    i18n::locale_for(segment).unwrap_or_else(|| {
        let browser = crate::browser::browser_languages();
        i18n::ui(browser.first().map(String::as_str).unwrap_or("en"))
    })
}
