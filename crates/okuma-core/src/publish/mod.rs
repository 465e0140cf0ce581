//! What a pre-rendered site publishes beside its HTML pages (issue 11):
//! where every page lives under the site's public URL, the Atom feed of
//! each language, the sitemap with its language alternates, `robots.txt`
//! and an entry page's schema.org JSON-LD. Pure text in, text out; the
//! renderer writes the files.
//!
//! ```
//! use okuma_core::publish::{entry_path, PublicUrl};
//! use okuma_core::LanguageCode;
//! let url = PublicUrl::parse("https://user.github.io/okuma").unwrap();
//! let en = LanguageCode::parse("en").unwrap();
//! assert_eq!(url.path(&entry_path(&en, "csto")), "/okuma/en/entries/csto/");
//! assert_eq!(url.url(&entry_path(&en, "csto")), "https://user.github.io/okuma/en/entries/csto/");
//! ```

mod feed;
mod json_ld;
mod pages;
mod public_url;
mod robots;
mod sitemap;
mod xml;

pub use feed::{atom_feed, FEED_ENTRIES};
pub use json_ld::{article_json_ld, JsonLdError};
pub use pages::{
    archive_path, entry_path, feed_path, file_of, ROBOTS_PATH, ROOT_PATH, SITEMAP_PATH,
};
pub use public_url::{PublicUrl, PublicUrlError};
pub use robots::robots_txt;
pub use sitemap::{
    archive_alternates, entry_alternates, entry_languages, sitemap, Alternate, SitemapError,
    SITEMAP_URL_LIMIT,
};

/// Fixtures the modules' tests share: a three-language site with a Turkish
/// title and a topic, two people, and cards made to order.
#[cfg(test)]
pub(crate) mod tests {
    use crate::{EntryCard, LanguageCode, PartialDate, PeopleTable, Site};

    pub fn code(tag: &str) -> LanguageCode {
        LanguageCode::parse(tag).expect("a test language tag")
    }

    pub fn site() -> Site {
        Site::from_json(
            r#"{"format": 1, "default_language": "en",
              "languages": [{"code": "en", "name": "English"}, {"code": "tr", "name": "Türkçe"},
                            {"code": "ru", "name": "Русский"}],
              "title": {"en": "okuma", "tr": "okuma (tr)"},
              "topics": {"energy": {"en": "Energy", "tr": "Enerji"}},
              "catalog": {"entries": 0, "page_size": 50, "pages": 0}}"#,
        )
        .expect("the test site is valid")
    }

    pub fn people() -> PeopleTable {
        let names = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(lang, name)| (code(lang), name.to_string()))
                .collect()
        };
        PeopleTable {
            format: 1,
            people: [
                (
                    "editors".to_string(),
                    names(&[("en", "okuma editors"), ("tr", "okuma editörleri")]),
                ),
                ("only-english".to_string(), names(&[("en", "Jane Doe")])),
            ]
            .into_iter()
            .collect(),
        }
    }

    /// A card whose text is in `lang`, for an entry written in `original`
    /// and available in both.
    pub fn card(slug: &str, lang: &str, original: &str, date: Option<&str>) -> EntryCard {
        let mut languages = vec![code(original), code(lang)];
        languages.sort();
        languages.dedup();
        EntryCard {
            id: 0,
            slug: slug.to_string(),
            kind: "analysis".to_string(),
            date: date.map(|d| PartialDate::parse(d).expect("a test date")),
            original_language: code(original),
            lang: code(lang),
            title: format!("Title of {slug}"),
            summary: format!("Summary of {slug}."),
            languages,
            topics: vec![],
            entities: vec![],
            authors: vec![],
        }
    }
}
