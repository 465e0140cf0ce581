//! Catalog pages (`catalog/{lang}/{page}.json`): the archive's entry cards in
//! one reading language, newest first, a page at a time. The archive's first
//! screen needs `site.json` and one page, whatever the archive's size.

use crate::date::PartialDate;
use crate::entry::Entry;
use crate::language::LanguageCode;
use serde::{Deserialize, Serialize};

/// One page of entry cards in one reading language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CatalogPage {
    pub format: u32,
    /// The reading language this page is for.
    pub lang: LanguageCode,
    /// Page number, from 1.
    pub page: u32,
    pub entries: Vec<EntryCard>,
}

/// What the archive shows of an entry, without its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EntryCard {
    /// Position in the archive's order (newest first, from 0); facet value
    /// lists refer to entries by this number.
    pub id: u32,
    pub slug: String,
    pub kind: String,
    pub date: Option<PartialDate>,
    pub original_language: LanguageCode,
    /// The language of `title` and `summary`: the page's language, or a
    /// fallback when the entry is not translated into it.
    pub lang: LanguageCode,
    pub title: String,
    pub summary: String,
    /// Every language the entry is available in.
    pub languages: Vec<LanguageCode>,
    pub topics: Vec<String>,
    pub entities: Vec<String>,
    pub authors: Vec<String>,
}

impl EntryCard {
    /// The card for an entry in a reading language: its text there, else
    /// the original's (and `lang` says which). `id` is its archive number.
    pub fn of(entry: &Entry, id: u32, reading: &LanguageCode) -> EntryCard {
        let (lang, translation) = entry
            .translations
            .get_key_value(reading)
            .or_else(|| entry.translations.get_key_value(&entry.original_language))
            .or_else(|| entry.translations.iter().next())
            .map(|(l, t)| (l.clone(), Some(t)))
            .unwrap_or((entry.original_language.clone(), None));
        EntryCard {
            id,
            slug: entry.slug.clone(),
            kind: entry.kind.clone(),
            date: entry.date,
            original_language: entry.original_language.clone(),
            lang,
            title: translation.map(|t| t.title.clone()).unwrap_or_default(),
            summary: translation.map(|t| t.summary.clone()).unwrap_or_default(),
            languages: entry.translations.keys().cloned().collect(),
            topics: entry.topics.clone(),
            entities: entry.entities.keys().cloned().collect(),
            authors: entry.authors.iter().map(|p| p.id.clone()).collect(),
        }
    }
}

impl CatalogPage {
    /// Parses and checks a catalog page.
    pub fn from_json(text: &str) -> Result<CatalogPage, crate::DatasetError> {
        crate::site::parse_checked(text, |page: &CatalogPage, issues| {
            for (i, card) in page.entries.iter().enumerate() {
                if let Err(message) = crate::site::check_slug(&card.slug) {
                    issues.error(format!("entries[{i}].slug"), message);
                }
                if card.title.trim().is_empty() {
                    issues.error(format!("entries[{i}].title"), "the title is empty");
                }
            }
        })
    }
}
