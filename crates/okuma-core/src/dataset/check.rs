//! Checking a dataset given as files: every file it implies, each problem
//! with its file and JSON path.

use super::{FileIssue, Files};
use crate::catalog::CatalogPage;
use crate::entity::{EntityTable, PeopleTable};
use crate::entry::Entry;
use crate::error::{parse_json, DatasetError};
use crate::facets::FacetTable;
use crate::issue::{Issue, Issues, Severity};
use crate::layout;
use crate::site::{check_format, Site};
use serde::de::DeserializeOwned;
use std::collections::BTreeSet;

mod search;
use search::check_search;

/// Turns a file's read error into the issue the publisher sees.
fn read_issue(error: DatasetError) -> Issue {
    let (path, message, hint) = match error {
        DatasetError::Syntax {
            line,
            column,
            message,
        } => (
            ".".to_string(),
            format!("not valid JSON at line {line}, column {column}: {message}"),
            Some("the file may be cut short or not be JSON at all".to_string()),
        ),
        DatasetError::Shape {
            path,
            line,
            column,
            message,
        } => (
            path,
            format!("{message} (line {line}, column {column})"),
            None,
        ),
        DatasetError::UnsupportedFormat { found, supported } => (
            "format".to_string(),
            format!("format {found} is not supported"),
            Some(format!("this tool reads and writes format {supported}")),
        ),
        DatasetError::Invalid { path, message } => (path, message, None),
    };
    Issue {
        severity: Severity::Error,
        path,
        message,
        hint,
    }
}

/// Parses a file for checking: format and shape problems become one issue.
pub(super) fn parse_file<T: DeserializeOwned>(text: &str) -> Result<T, Issue> {
    check_format(text).map_err(read_issue)?;
    parse_json(text).map_err(read_issue)
}

/// Checks a whole dataset given as files, and lists every problem found.
///
/// Reads `site.json`, then every other file it implies and every file that
/// is present; reports each problem with its file and JSON path.
pub fn check_files(files: &Files) -> Vec<FileIssue> {
    let mut out = Vec::new();
    let mut report = |file: &str, issues: Issues| {
        out.extend(issues.0.into_iter().map(|issue| FileIssue {
            file: file.to_string(),
            issue,
        }));
    };
    let one = |issue: Issue| Issues(vec![issue]);
    let Some(site_text) = files.get(layout::SITE) else {
        let mut issues = Issues::default();
        issues
            .error(".", "the dataset has no site.json")
            .hint("run `okuma build CONTENT_DIR -o DIR` to make one");
        report(layout::SITE, issues);
        return out;
    };
    let site: Site = match parse_file(site_text) {
        Ok(site) => site,
        Err(issue) => {
            report(layout::SITE, one(issue));
            return out;
        }
    };
    let mut issues = Issues::default();
    site.check(&mut issues);
    let site_broken = issues.has_errors();
    report(layout::SITE, issues);
    if site_broken {
        return out;
    }

    // A required file: parsed, or reported as broken or missing.
    let mut required = |name: &str| -> Option<&String> {
        let text = files.get(name);
        if text.is_none() {
            let mut issues = Issues::default();
            issues.error(".", "the file is missing");
            report(name, issues);
        }
        text
    };
    let entities_text = required(layout::ENTITIES);
    let people_text = required(layout::PEOPLE);
    let entities: Option<EntityTable> = entities_text.and_then(|t| match parse_file(t) {
        Ok(table) => Some(table),
        Err(issue) => {
            report(layout::ENTITIES, one(issue));
            None
        }
    });
    let people: Option<PeopleTable> = people_text.and_then(|t| match parse_file(t) {
        Ok(table) => Some(table),
        Err(issue) => {
            report(layout::PEOPLE, one(issue));
            None
        }
    });
    if let Some(table) = &entities {
        let mut issues = Issues::default();
        for (id, entity) in &table.entities {
            if let Some(slug) = &entity.explainer {
                if !files.contains_key(&layout::entry(slug)) {
                    issues
                        .error(
                            format!("entities.{id}.explainer"),
                            format!("explainer entry {slug:?} does not exist"),
                        )
                        .hint(format!(
                            "add {} or remove the explainer",
                            layout::entry(slug)
                        ));
                }
            }
        }
        report(layout::ENTITIES, issues);
    }

    // Entries: every file under entries/, each checked on its own, then as a set.
    let mut slugs = BTreeSet::new();
    for (path, text) in files.iter() {
        let Some(stem) = layout::entry_slug(path) else {
            continue;
        };
        let entry: Entry = match parse_file(text) {
            Ok(entry) => entry,
            Err(issue) => {
                report(path, one(issue));
                continue;
            }
        };
        let mut issues = Issues::default();
        entry.check(&site, &mut issues);
        if entry.slug != stem {
            issues
                .error(
                    "slug",
                    format!("slug {:?} differs from the file name {stem:?}", entry.slug),
                )
                .hint("the file of entry S is entries/S.json");
        }
        if let Some(table) = &entities {
            for id in entry.entities.keys() {
                if !table.entities.contains_key(id) {
                    issues
                        .error(
                            format!("entities.{id}"),
                            format!("entity {id:?} is not in entities.json"),
                        )
                        .hint("add it to entities.json or remove it from the entry");
                }
            }
        }
        if let Some(table) = &people {
            for (a, person) in entry.authors.iter().enumerate() {
                if !table.people.contains_key(&person.id) {
                    issues
                        .error(
                            format!("authors[{a}]"),
                            format!("author {:?} is not in people.json", person.id),
                        )
                        .hint("add the person to people.json or rebuild the dataset");
                }
            }
            for (at, id) in credited(&entry) {
                if !table.people.contains_key(id) {
                    issues
                        .error(at, format!("translator {id:?} is not in people.json"))
                        .hint("add the person to people.json or rebuild the dataset");
                }
            }
        }
        slugs.insert(entry.slug.clone());
        report(path, issues);
    }

    // Catalog pages: present for every language, each card at its place.
    let catalog = &site.catalog;
    let mut listed: BTreeSet<String> = BTreeSet::new();
    let mut by_language: Vec<(String, BTreeSet<String>)> = Vec::new();
    for language in &site.languages {
        let mut seen_here = BTreeSet::new();
        for page in 1..=catalog.pages {
            let path = layout::catalog_page(&language.code, page);
            let mut issues = Issues::default();
            let Some(text) = files.get(&path) else {
                issues
                    .error(".", "the catalog page is missing")
                    .hint(format!("site.json promises {} pages", catalog.pages));
                report(&path, issues);
                continue;
            };
            let parsed: CatalogPage = match parse_file(text) {
                Ok(page) => page,
                Err(issue) => {
                    report(&path, one(issue));
                    continue;
                }
            };
            if parsed.lang != language.code || parsed.page != page {
                issues.error(
                    ".",
                    format!(
                        "the file holds page {} of {:?}",
                        parsed.page,
                        parsed.lang.as_str()
                    ),
                );
            }
            for (i, card) in parsed.entries.iter().enumerate() {
                let at = format!("entries[{i}]");
                let place = (page - 1) * catalog.page_size + i as u32;
                if card.id != place {
                    issues
                        .error(
                            format!("{at}.id"),
                            format!(
                                "card number {} should be {place}, its place in the archive",
                                card.id
                            ),
                        )
                        .hint("cards are numbered 0, 1, 2… in archive order; rebuild the dataset");
                }
                if !seen_here.insert(card.slug.clone()) {
                    issues.error(
                        format!("{at}.slug"),
                        format!("slug {:?} is listed twice", card.slug),
                    );
                }
                if !files.contains_key(&layout::entry(&card.slug)) {
                    issues
                        .error(
                            format!("{at}.slug"),
                            format!("no entry file for {:?}", card.slug),
                        )
                        .hint(format!(
                            "add entries/{}.json or rebuild the dataset",
                            card.slug
                        ));
                }
                if card.title.trim().is_empty() {
                    issues.error(format!("{at}.title"), "the title is empty");
                }
                if !site.kinds.is_empty() && !site.kinds.contains_key(&card.kind) {
                    issues.error(
                        format!("{at}.kind"),
                        format!("kind {:?} is not one of the site's kinds", card.kind),
                    );
                }
                let langs = std::iter::once(("lang".to_string(), &card.lang)).chain(
                    card.languages
                        .iter()
                        .enumerate()
                        .map(|(l, c)| (format!("languages[{l}]"), c)),
                );
                for (field, code) in langs {
                    if !site.offers(code) {
                        issues.error(
                            format!("{at}.{field}"),
                            format!(
                                "language {:?} is not one of the site's languages",
                                code.as_str()
                            ),
                        );
                    }
                }
            }
            report(&path, issues);
        }
        listed.extend(seen_here.iter().cloned());
        by_language.push((language.code.to_string(), seen_here));
    }
    for (code, slugs_here) in &by_language {
        let mut issues = Issues::default();
        for slug in listed.difference(slugs_here) {
            issues
                .error(
                    ".",
                    format!("entry {slug:?} is missing from the {code:?} catalog"),
                )
                .hint(
                    "every language's catalog lists every entry, in a fallback language if need be",
                );
        }
        if catalog.pages > 0 {
            report(&layout::catalog_page(code, 1), issues);
        }
    }
    if listed.len() as u32 != catalog.entries {
        let mut issues = Issues::default();
        issues.error(
            "catalog.entries",
            format!(
                "site.json counts {} entries, the catalog lists {}",
                catalog.entries,
                listed.len()
            ),
        );
        report(layout::SITE, issues);
    }
    for slug in slugs.iter().filter(|s| !listed.contains(*s)) {
        let mut issues = Issues::default();
        issues
            .warning(
                ".",
                format!("entry {slug:?} is in no catalog page, so readers cannot find it in the archive"),
            )
            .hint("rebuild the dataset");
        report(&layout::entry(slug), issues);
    }

    match files
        .get(layout::FACETS)
        .map(|t| parse_file::<FacetTable>(t))
    {
        Some(Ok(table)) => {
            let mut issues = Issues::default();
            if table.entries != catalog.entries {
                issues.error(
                    "entries",
                    format!(
                        "counts {} entries, site.json {}",
                        table.entries, catalog.entries
                    ),
                );
            }
            for (f, facet) in table.facets.iter().enumerate() {
                for (v, value) in facet.values.iter().enumerate() {
                    if !value.is_valid(catalog.entries) {
                        issues.error(
                            format!("facets[{f}].values[{v}].gaps"),
                            format!(
                                "entry numbers of {}={} must ascend and be below {}",
                                facet.id, value.id, catalog.entries
                            ),
                        );
                    }
                }
            }
            report(layout::FACETS, issues);
        }
        Some(Err(issue)) => report(layout::FACETS, one(issue)),
        None => {
            let mut issues = Issues::default();
            issues.error(".", "the file is missing");
            report(layout::FACETS, issues);
        }
    }
    for language in &site.languages {
        check_search(files, &language.code, catalog.entries, &mut report);
    }
    out
}

/// Every translator an entry credits (of its translations and of its authors'
/// bios), with the JSON path that names them.
fn credited(entry: &Entry) -> Vec<(String, &str)> {
    fn of(at: String, provenance: &crate::Provenance) -> Option<(String, &str)> {
        match provenance {
            crate::Provenance::Translation { by, .. } => Some((format!("{at}.by.id"), &by.id)),
            crate::Provenance::Original => None,
        }
    }
    let translations = entry
        .translations
        .iter()
        .filter_map(|(code, t)| of(format!("translations.{code}.provenance"), &t.provenance));
    let bios = entry.authors.iter().enumerate().flat_map(|(a, person)| {
        person.bio.iter().filter_map(move |(code, bio)| {
            of(
                format!("authors[{a}].bio.{code}.provenance"),
                &bio.provenance,
            )
        })
    });
    translations.chain(bios).collect()
}
