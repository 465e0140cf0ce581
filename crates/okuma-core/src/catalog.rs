//! Catalog pages (`catalog/{lang}/{page}.json`): the archive's entry cards in
//! one reading language, newest first, a page at a time. The archive's first
//! screen needs `site.json` and one page, whatever the archive's size.

use crate::date::PartialDate;
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
