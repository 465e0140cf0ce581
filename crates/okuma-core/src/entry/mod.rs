//! One entry of the archive (an analysis, an explainer, …) with all its
//! translations, its numbered sources and its authors: the content of one
//! `entries/{slug}.json` file, fetched when a reader opens the entry.

mod check;
mod outline;
mod text;

pub use check::check_href;
pub use outline::{EntryOutline, Named};
pub use text::mentions_in_order;

use crate::date::PartialDate;
use crate::entity::{EntityRecord, Person};
use crate::error::DatasetError;
use crate::language::LanguageCode;
pub use crate::provenance::{Credit, LocalText, Provenance};
use crate::site::{parse_checked, Site};
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A full entry, as stored in `entries/{slug}.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub format: u32,
    pub slug: String,
    /// What sort of text this is: `analysis`, `explainer`, …
    pub kind: String,
    /// The language the entry was written in; the others are translations.
    pub original_language: LanguageCode,
    /// Publication date, only as precise as it is known.
    pub date: Option<PartialDate>,
    /// Topic ids (names are in `site.json`).
    #[serde(default)]
    pub topics: Vec<String>,
    /// The people credited, with their bios, so the entry needs no other file.
    #[serde(default)]
    pub authors: Vec<Person>,
    /// Every entity the entry is about or mentions, with its names and
    /// description, for mention previews and facets.
    #[serde(default, deserialize_with = "crate::unique::map")]
    pub entities: BTreeMap<String, EntityRecord>,
    /// Numbered sources; body text refers to them by number.
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(deserialize_with = "crate::unique::map")]
    pub translations: BTreeMap<LanguageCode, Translation>,
}

/// The entry's text in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Translation {
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub provenance: Provenance,
    /// Blocks whose ids are the same in every translation, so that paragraph
    /// `p4` in Turkish is paragraph `p4` in English.
    pub body: Vec<Block>,
}

/// One block of body text, with an id that is stable across translations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Block {
    pub id: String,
    #[serde(flatten)]
    pub content: BlockContent,
}

/// What a block holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockContent {
    Paragraph {
        content: Vec<Inline>,
    },
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Quote {
        content: Vec<Inline>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

/// A run of text inside a block.
///
/// In JSON a plain string is text; marks are objects with a `type`:
/// `{"type": "note", "number": 1}`, `{"type": "emphasis", "content": [...]}`,
/// `{"type": "link", "href": "https://…", "content": [...]}`,
/// `{"type": "mention", "entity": "kazakhstan", "content": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Inline {
    Text(String),
    Mark(Mark),
}

/// An inline mark: emphasis, a link, a footnote reference or a mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Mark {
    Emphasis {
        content: Vec<Inline>,
    },
    Link {
        href: String,
        content: Vec<Inline>,
    },
    Note {
        number: u32,
    },
    Mention {
        entity: String,
        content: Vec<Inline>,
    },
}

// Hand-written so that a bad mark reports what is wrong with it, where
// `#[serde(untagged)]` would only say "did not match any variant".
impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InlineVisitor;
        impl<'de> Visitor<'de> for InlineVisitor {
            type Value = Inline;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string of text or a mark object with a \"type\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Inline, E> {
                Ok(Inline::Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Inline, E> {
                Ok(Inline::Text(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Inline, A::Error> {
                Mark::deserialize(de::value::MapAccessDeserializer::new(map)).map(Inline::Mark)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Inline, A::Error> {
                Err(de::Error::invalid_type(de::Unexpected::Seq, &self))
            }
        }
        deserializer.deserialize_any(InlineVisitor)
    }
}

/// A numbered source (footnote).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub number: u32,
    /// "Ibid.": the same source as the note with this number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ibid: Option<u32>,
    /// The title in the source's own language (see `lang`), never translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<LanguageCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<PartialDate>,
}

impl Entry {
    /// Parses and checks an entry file against the site it belongs to.
    pub fn from_json(text: &str, site: &Site) -> Result<Entry, DatasetError> {
        parse_checked(text, |entry: &Entry, issues| entry.check(site, issues))
    }

    /// The translation a text was written in.
    pub fn original(&self) -> Option<&Translation> {
        self.translations.get(&self.original_language)
    }
}
