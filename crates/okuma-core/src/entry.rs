//! One entry of the archive (an analysis, an explainer, …) with all its
//! translations, its numbered sources and its authors: the content of one
//! `entries/{slug}.json` file, fetched when a reader opens the entry.

use crate::date::PartialDate;
use crate::error::{parse_json, DatasetError};
use crate::language::LanguageCode;
use crate::site::{check_format, Site};
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A full entry, as stored in `entries/{slug}.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    #[serde(default)]
    pub authors: Vec<Person>,
    /// Numbered sources; body text refers to them by number.
    #[serde(default)]
    pub sources: Vec<Source>,
    pub translations: BTreeMap<LanguageCode, Translation>,
}

/// The entry's text in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// Where a text comes from: written in this language, or translated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Provenance {
    Original,
    Translation {
        from: LanguageCode,
        by: String,
        date: Option<PartialDate>,
    },
}

impl Provenance {
    pub fn is_translation(&self) -> bool {
        matches!(self, Provenance::Translation { .. })
    }
}

/// One block of body text, with an id that is stable across translations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub id: String,
    #[serde(flatten)]
    pub content: BlockContent,
}

/// What a block holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[serde(untagged)]
pub enum Inline {
    Text(String),
    Mark(Mark),
}

/// An inline mark: emphasis, a link, a footnote reference or a mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// A person credited on an entry, with a name and a bio per language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: BTreeMap<LanguageCode, String>,
    #[serde(default)]
    pub bio: BTreeMap<LanguageCode, LocalText>,
}

/// A short text in one language, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalText {
    pub text: String,
    pub provenance: Provenance,
}

impl Entry {
    /// Parses and checks an entry file against the site it belongs to.
    pub fn from_json(text: &str, site: &Site) -> Result<Entry, DatasetError> {
        check_format(text)?;
        let entry: Entry = parse_json(text)?;
        entry.validate(site)?;
        Ok(entry)
    }

    /// The source a note number points to, following "Ibid." to its original.
    pub fn source(&self, number: u32) -> Option<&Source> {
        self.sources.iter().find(|s| s.number == number)
    }

    /// Checks what the types alone cannot: references resolve, ids are unique,
    /// every language is one the site offers, links use safe schemes.
    pub fn validate(&self, site: &Site) -> Result<(), DatasetError> {
        if self.translations.is_empty() {
            return Err(DatasetError::invalid(
                "translations",
                "an entry needs at least one translation",
            ));
        }
        if !self.translations.contains_key(&self.original_language) {
            return Err(DatasetError::invalid(
                "original_language",
                format!(
                    "there is no translation in the original language {:?}",
                    self.original_language.as_str()
                ),
            ));
        }
        let mut numbers = BTreeSet::new();
        for (i, source) in self.sources.iter().enumerate() {
            if !numbers.insert(source.number) {
                return Err(DatasetError::invalid(
                    format!("sources[{i}].number"),
                    format!("note {} is numbered twice", source.number),
                ));
            }
            match source.ibid {
                Some(target)
                    if !self
                        .sources
                        .iter()
                        .any(|s| s.number == target && s.ibid.is_none()) =>
                {
                    return Err(DatasetError::invalid(
                        format!("sources[{i}].ibid"),
                        format!("\"ibid\" points to note {target}, which is not a full source"),
                    ));
                }
                None if source.title.as_deref().is_none_or(|t| t.trim().is_empty()) => {
                    return Err(DatasetError::invalid(
                        format!("sources[{i}].title"),
                        "a source needs a title (or \"ibid\")",
                    ));
                }
                _ => {}
            }
            if let Some(url) = &source.url {
                check_href(url)
                    .map_err(|m| DatasetError::invalid(format!("sources[{i}].url"), m))?;
            }
        }
        for (code, translation) in &self.translations {
            let at = format!("translations.{code}");
            if !site.offers(code) {
                return Err(DatasetError::invalid(
                    at,
                    format!(
                        "language {:?} is not one of the site's languages",
                        code.as_str()
                    ),
                ));
            }
            if translation.title.trim().is_empty() {
                return Err(DatasetError::invalid(
                    format!("{at}.title"),
                    "the title is empty",
                ));
            }
            let mut ids = BTreeSet::new();
            for (b, block) in translation.body.iter().enumerate() {
                let at = format!("{at}.body[{b}]");
                if block.id.is_empty()
                    || !block
                        .id
                        .bytes()
                        .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
                {
                    return Err(DatasetError::invalid(
                        format!("{at}.id"),
                        format!(
                            "block id {:?} must be letters, digits, '-' or '_'",
                            block.id
                        ),
                    ));
                }
                if !ids.insert(block.id.as_str()) {
                    return Err(DatasetError::invalid(
                        format!("{at}.id"),
                        format!("block id {:?} is used twice", block.id),
                    ));
                }
                let mut problem = None;
                block.content.for_each_mark(&mut |mark| {
                    if problem.is_some() {
                        return;
                    }
                    match mark {
                        Mark::Note { number } if !numbers.contains(number) => {
                            problem = Some(format!("note {number} has no source"));
                        }
                        Mark::Link { href, .. } => {
                            if let Err(m) = check_href(href) {
                                problem = Some(m);
                            }
                        }
                        _ => {}
                    }
                });
                if let Some(message) = problem {
                    return Err(DatasetError::invalid(at, message));
                }
            }
        }
        for (p, person) in self.authors.iter().enumerate() {
            if person.name.is_empty() {
                return Err(DatasetError::invalid(
                    format!("authors[{p}].name"),
                    "an author needs a name",
                ));
            }
        }
        Ok(())
    }
}

impl BlockContent {
    /// The block's inline runs, in reading order.
    pub fn runs(&self) -> Vec<&[Inline]> {
        match self {
            BlockContent::Paragraph { content }
            | BlockContent::Heading { content, .. }
            | BlockContent::Quote { content } => {
                vec![content.as_slice()]
            }
            BlockContent::List { items, .. } => items.iter().map(Vec::as_slice).collect(),
        }
    }

    fn for_each_mark(&self, f: &mut impl FnMut(&Mark)) {
        fn walk(runs: &[Inline], f: &mut impl FnMut(&Mark)) {
            for inline in runs {
                if let Inline::Mark(mark) = inline {
                    f(mark);
                    match mark {
                        Mark::Emphasis { content }
                        | Mark::Link { content, .. }
                        | Mark::Mention { content, .. } => walk(content, f),
                        Mark::Note { .. } => {}
                    }
                }
            }
        }
        for run in self.runs() {
            walk(run, f);
        }
    }

    /// The block's text without marks, as a reader would read it aloud.
    pub fn plain_text(&self) -> String {
        fn walk(runs: &[Inline], out: &mut String) {
            for inline in runs {
                match inline {
                    Inline::Text(t) => out.push_str(t),
                    Inline::Mark(Mark::Note { .. }) => {}
                    Inline::Mark(
                        Mark::Emphasis { content }
                        | Mark::Link { content, .. }
                        | Mark::Mention { content, .. },
                    ) => walk(content, out),
                }
            }
        }
        let mut out = String::new();
        for (i, run) in self.runs().into_iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            walk(run, &mut out);
        }
        out
    }
}

/// Only these link schemes reach the page; `javascript:` and friends never do.
pub fn check_href(href: &str) -> Result<(), String> {
    let lower = href.trim_start().to_ascii_lowercase();
    if ["https://", "http://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        Ok(())
    } else {
        Err(format!(
            "link {href:?} must start with https://, http:// or mailto:"
        ))
    }
}
