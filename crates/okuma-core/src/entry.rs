//! One entry of the archive (an analysis, an explainer, …) with all its
//! translations, its numbered sources and its authors: the content of one
//! `entries/{slug}.json` file, fetched when a reader opens the entry.

use crate::date::PartialDate;
use crate::entity::{EntityRecord, Person};
use crate::error::DatasetError;
use crate::issue::Issues;
use crate::language::LanguageCode;
use crate::site::{check_slug, parse_checked, Site};
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::{BTreeMap, BTreeSet};
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

/// Where a text comes from: written in this language, or translated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Provenance {
    Original,
    Translation {
        from: LanguageCode,
        by: Credit,
        date: Option<PartialDate>,
    },
}

impl Provenance {
    pub fn is_translation(&self) -> bool {
        matches!(self, Provenance::Translation { .. })
    }

    /// Problems with who is credited: a translation names its translator in
    /// every way a page may need it.
    fn check(&self, at: &str, issues: &mut Issues) {
        if let Provenance::Translation { by, .. } = self {
            if by.id.trim().is_empty() {
                issues
                    .error(format!("{at}.by.id"), "a translation needs a translator")
                    .hint("credit a person from people.json by id");
            }
            if by.name.is_empty() {
                issues.error(format!("{at}.by.name"), "a translator needs a name");
            }
        }
    }
}

/// Someone credited for a text, such as its translator: a person of
/// `people.json` by id, with their name per language carried along so that
/// a page shows it in the reading language without loading the people table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Credit {
    pub id: String,
    #[serde(deserialize_with = "crate::unique::map")]
    pub name: crate::site::LocalNames,
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

/// A short text in one language, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalText {
    pub text: String,
    pub provenance: Provenance,
}

impl Entry {
    /// Parses and checks an entry file against the site it belongs to.
    pub fn from_json(text: &str, site: &Site) -> Result<Entry, DatasetError> {
        parse_checked(text, |entry: &Entry, issues| entry.check(site, issues))
    }

    /// The source a note number points to.
    pub fn source(&self, number: u32) -> Option<&Source> {
        self.sources.iter().find(|s| s.number == number)
    }

    /// The translation a text was written in.
    pub fn original(&self) -> Option<&Translation> {
        self.translations.get(&self.original_language)
    }

    /// Records what the types alone cannot catch: references resolve, ids
    /// are unique, translations are aligned with the original, every
    /// language is one the site offers, links use safe schemes.
    pub fn check(&self, site: &Site, issues: &mut Issues) {
        if let Err(message) = check_slug(&self.slug) {
            issues.error("slug", message);
        }
        if !site.kinds.is_empty() && !site.kinds.contains_key(&self.kind) {
            issues
                .error(
                    "kind",
                    format!("kind {:?} is not one of the site's kinds", self.kind),
                )
                .hint(format!(
                    "use one of: {}",
                    site.kinds.keys().cloned().collect::<Vec<_>>().join(", ")
                ));
        }
        for (i, topic) in self.topics.iter().enumerate() {
            if !site.topics.contains_key(topic) {
                issues
                    .error(
                        format!("topics[{i}]"),
                        format!("topic {topic:?} is not one of the site's topics"),
                    )
                    .hint("add it to the site's topics or fix the spelling");
            }
        }
        if self.translations.is_empty() {
            issues.error("translations", "an entry needs at least one translation");
        }
        if !self.translations.contains_key(&self.original_language) {
            issues
                .error(
                    "original_language",
                    format!(
                        "there is no translation in the original language {:?}",
                        self.original_language.as_str()
                    ),
                )
                .hint("add the original text, or correct original_language");
        }
        self.check_sources(issues);
        let numbers: BTreeSet<u32> = self.sources.iter().map(|s| s.number).collect();
        for (code, translation) in &self.translations {
            let at = format!("translations.{code}");
            if !site.offers(code) {
                issues
                    .error(
                        &at,
                        format!(
                            "language {:?} is not one of the site's languages",
                            code.as_str()
                        ),
                    )
                    .hint("add the language to the site, or fix the language code");
            }
            translation.check(&at, &numbers, &self.entities, issues);
            match &translation.provenance {
                Provenance::Original if code != &self.original_language => {
                    issues
                        .error(
                            format!("{at}.provenance"),
                            "only the original language's text can be marked original",
                        )
                        .hint("mark it {\"type\": \"translation\", \"from\": …}");
                }
                Provenance::Translation { from, .. } if !self.translations.contains_key(from) => {
                    issues.warning(
                        format!("{at}.provenance.from"),
                        format!(
                            "translated from {:?}, which this entry does not have",
                            from.as_str()
                        ),
                    );
                }
                _ => {}
            }
        }
        if let Some(original) = self.original() {
            for (code, translation) in &self.translations {
                if code != &self.original_language {
                    check_alignment(
                        original,
                        translation,
                        &format!("translations.{code}"),
                        issues,
                    );
                }
            }
        }
        for (code, translation) in &self.translations {
            translation
                .provenance
                .check(&format!("translations.{code}.provenance"), issues);
        }
        for (p, person) in self.authors.iter().enumerate() {
            if person.name.is_empty() {
                issues.error(format!("authors[{p}].name"), "an author needs a name");
            }
            for (code, bio) in &person.bio {
                bio.provenance
                    .check(&format!("authors[{p}].bio.{code}.provenance"), issues);
            }
        }
        for (id, entity) in &self.entities {
            if entity.name.is_empty() {
                issues.error(format!("entities.{id}.name"), "an entity needs a name");
            }
        }
    }

    fn check_sources(&self, issues: &mut Issues) {
        let mut numbers = BTreeSet::new();
        for (i, source) in self.sources.iter().enumerate() {
            let at = format!("sources[{i}]");
            if !numbers.insert(source.number) {
                issues.error(
                    format!("{at}.number"),
                    format!("note {} is numbered twice", source.number),
                );
            }
            match source.ibid {
                Some(target)
                    if !self
                        .sources
                        .iter()
                        .any(|s| s.number == target && s.ibid.is_none()) =>
                {
                    issues
                        .error(
                            format!("{at}.ibid"),
                            format!("\"ibid\" points to note {target}, which is not a full source"),
                        )
                        .hint("point it at an earlier note that has a title");
                }
                None if source.title.as_deref().is_none_or(|t| t.trim().is_empty()) => {
                    issues.error(
                        format!("{at}.title"),
                        "a source needs a title (or \"ibid\")",
                    );
                }
                _ => {}
            }
            if let Some(url) = &source.url {
                if let Err(message) = check_href(url) {
                    issues.error(format!("{at}.url"), message);
                }
            }
        }
    }
}

impl Translation {
    fn check(
        &self,
        at: &str,
        numbers: &BTreeSet<u32>,
        entities: &BTreeMap<String, EntityRecord>,
        issues: &mut Issues,
    ) {
        if self.title.trim().is_empty() {
            issues.error(format!("{at}.title"), "the title is empty");
        }
        let mut ids = BTreeSet::new();
        for (b, block) in self.body.iter().enumerate() {
            let at = format!("{at}.body[{b}]");
            if block.id.is_empty()
                || !block
                    .id
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
            {
                issues.error(
                    format!("{at}.id"),
                    format!(
                        "block id {:?} must be letters, digits, '-' or '_'",
                        block.id
                    ),
                );
            } else if !ids.insert(block.id.as_str()) {
                issues.error(
                    format!("{at}.id"),
                    format!("block id {:?} is used twice", block.id),
                );
            }
            if let BlockContent::Heading { level, .. } = block.content {
                if !(2..=4).contains(&level) {
                    issues.error(
                        format!("{at}.level"),
                        format!("heading level {level} must be 2, 3 or 4"),
                    );
                }
            }
            block.content.for_each_mark(&mut |mark| match mark {
                Mark::Note { number } if !numbers.contains(number) => {
                    issues
                        .error(&at, format!("note {number} has no source"))
                        .hint(format!(
                            "add a source numbered {number}, or fix the reference"
                        ));
                }
                Mark::Link { href, .. } => {
                    if let Err(message) = check_href(href) {
                        issues.error(&at, message);
                    }
                }
                Mark::Mention { entity, .. } if !entities.contains_key(entity) => {
                    issues
                        .error(&at, format!("mention of unknown entity {entity:?}"))
                        .hint("add the entity, or fix the id");
                }
                _ => {}
            });
        }
    }
}

/// A translation must have the original's blocks, in order, citing the same notes.
fn check_alignment(
    original: &Translation,
    translation: &Translation,
    at: &str,
    issues: &mut Issues,
) {
    let ids = |t: &Translation| t.body.iter().map(|b| b.id.clone()).collect::<Vec<_>>();
    let (want, got) = (ids(original), ids(translation));
    if want != got {
        let missing: Vec<_> = want
            .iter()
            .filter(|id| !got.contains(id))
            .cloned()
            .collect();
        let extra: Vec<_> = got
            .iter()
            .filter(|id| !want.contains(id))
            .cloned()
            .collect();
        let detail = match (missing.is_empty(), extra.is_empty()) {
            (false, _) => format!("missing blocks {}", missing.join(", ")),
            (true, false) => format!("blocks not in the original: {}", extra.join(", ")),
            (true, true) => "blocks in a different order".to_string(),
        };
        issues
            .error(
                format!("{at}.body"),
                format!("not aligned with the original: {detail}"),
            )
            .hint("a translation has the original's blocks, in the same order");
        return;
    }
    for (b, (o, t)) in original.body.iter().zip(&translation.body).enumerate() {
        let (want, got) = (o.content.note_numbers(), t.content.note_numbers());
        if want != got {
            issues
                .error(
                    format!("{at}.body[{b}]"),
                    format!(
                        "cites notes {want:?} in the original but {got:?} here (block {:?})",
                        o.id
                    ),
                )
                .hint("keep each footnote reference in the same block as in the original");
        }
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

    /// The note numbers cited in this block, sorted.
    pub fn note_numbers(&self) -> Vec<u32> {
        let mut numbers = Vec::new();
        self.for_each_mark(&mut |mark| {
            if let Mark::Note { number } = mark {
                numbers.push(*number);
            }
        });
        numbers.sort_unstable();
        numbers
    }

    /// The entities this block mentions, in order of first mention.
    pub fn mentions(&self) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        self.for_each_mark(&mut |mark| {
            if let Mark::Mention { entity, .. } = mark {
                if !found.contains(entity) {
                    found.push(entity.clone());
                }
            }
        });
        found
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
