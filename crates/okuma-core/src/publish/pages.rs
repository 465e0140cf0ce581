//! Where each pre-rendered page and file lives, relative to the site's
//! base: the one place that spells page addresses out (as
//! [`crate::layout`] does for dataset files). Every address of a page ends
//! with `/`, so that it is served as `{address}index.html` by any static
//! host and relative links inside it resolve the same everywhere.
//!
//! ```text
//! (empty)                   the root: sends a reader to their language
//! {lang}/                   the archive in a language
//! {lang}/entries/{slug}/    an entry read in a language
//! {lang}/feed.xml           the language's Atom feed
//! sitemap.xml               every page with its language alternates
//! robots.txt                points crawlers at the sitemap
//! ```

use crate::language::LanguageCode;

/// The root page, relative to the base: the base itself.
pub const ROOT_PATH: &str = "";
/// `sitemap.xml`
pub const SITEMAP_PATH: &str = "sitemap.xml";
/// `robots.txt`
pub const ROBOTS_PATH: &str = "robots.txt";

/// `{lang}/`, the archive in a language.
///
/// ```
/// # use okuma_core::{publish::archive_path, LanguageCode};
/// assert_eq!(archive_path(&LanguageCode::parse("tr").unwrap()), "tr/");
/// ```
pub fn archive_path(lang: &LanguageCode) -> String {
    format!("{lang}/")
}

/// `{lang}/entries/{slug}/`, an entry read in a language (the slug is
/// already a checked URL segment, see [`crate::site::check_slug`]).
///
/// ```
/// # use okuma_core::{publish::entry_path, LanguageCode};
/// assert_eq!(entry_path(&LanguageCode::parse("ru").unwrap(), "csto"), "ru/entries/csto/");
/// ```
pub fn entry_path(lang: &LanguageCode, slug: &str) -> String {
    format!("{lang}/entries/{slug}/")
}

/// `{lang}/feed.xml`, the language's Atom feed.
///
/// ```
/// # use okuma_core::{publish::feed_path, LanguageCode};
/// assert_eq!(feed_path(&LanguageCode::parse("en").unwrap()), "en/feed.xml");
/// ```
pub fn feed_path(lang: &LanguageCode) -> String {
    format!("{lang}/feed.xml")
}

/// The file that serves an address, relative to the output directory: a
/// page's `index.html`, or the file itself.
///
/// ```
/// use okuma_core::publish::file_of;
/// assert_eq!(file_of(""), "index.html");
/// assert_eq!(file_of("en/entries/csto/"), "en/entries/csto/index.html");
/// assert_eq!(file_of("en/feed.xml"), "en/feed.xml");
/// ```
pub fn file_of(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}
