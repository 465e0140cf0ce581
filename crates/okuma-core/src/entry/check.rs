//! What the types alone cannot catch in an entry: references resolve, ids
//! are unique, translations are aligned with the original, every language
//! is one the site offers, links use safe schemes.

use super::{BlockContent, Entry, Mark, Provenance, Translation};
use crate::entity::EntityRecord;
use crate::issue::Issues;
use crate::site::{check_slug, Site};
use std::collections::{BTreeMap, BTreeSet};

impl Entry {
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
