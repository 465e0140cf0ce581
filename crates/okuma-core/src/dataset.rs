//! A whole dataset: how it is split into files for the reader, and how a
//! set of files is checked as a whole. No filesystem here: files are paths
//! relative to the dataset root, mapped to their text.
//!
//! ```text
//! site.json                   languages, kinds, topics, catalog size
//! catalog/{lang}/{page}.json  entry cards, newest first, PAGE_SIZE per page
//! facets.json                 facet value → entry numbers (as gaps)
//! entities.json               entity names and descriptions
//! people.json                 credited people's names
//! entries/{slug}.json         one entry with all its translations
//! search/{lang}/terms.json    search terms of a language (see `search::index`)
//! search/{lang}/{shard}.json  their postings, a run of terms per file
//! search/{lang}/docs/{id}.json  an entry's card and text, for snippets
//! ```

use crate::catalog::{CatalogPage, EntryCard};
use crate::entity::{EntityRecord, EntityTable, PeopleTable};
use crate::entry::Entry;
use crate::error::{parse_json, DatasetError};
use crate::facets::{Facet, FacetTable, FacetValue, FACETS};
use crate::issue::{Issue, Issues, Severity};
use crate::site::{check_format, CatalogIndex, LocalNames, Site};
use crate::FORMAT_VERSION;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};

/// Entry cards per catalog page.
pub const PAGE_SIZE: u32 = 50;

/// Everything a dataset holds, before it is split into files.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The site; its `catalog` is recomputed when files are written.
    pub site: Site,
    pub entries: Vec<Entry>,
    pub entities: BTreeMap<String, EntityRecord>,
    pub people: BTreeMap<String, LocalNames>,
}

/// A file of the dataset: a path relative to the dataset root, and its text.
pub type Files = BTreeMap<String, String>;

/// A problem in one file of a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileIssue {
    pub file: String,
    pub issue: Issue,
}

impl std::fmt::Display for FileIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.issue)
    }
}

impl Dataset {
    /// Entries in archive order: newest first (undated last), then by slug.
    pub fn ordered(&self) -> Vec<&Entry> {
        let mut entries: Vec<&Entry> = self.entries.iter().collect();
        entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        entries
    }

    /// Splits the dataset into its files, as pretty-free compact JSON.
    pub fn files(&self) -> Files {
        let ordered = self.ordered();
        let count = ordered.len() as u32;
        let mut site = self.site.clone();
        site.format = FORMAT_VERSION;
        site.catalog = CatalogIndex {
            entries: count,
            page_size: PAGE_SIZE,
            pages: count.div_ceil(PAGE_SIZE),
        };
        let mut files = Files::new();
        let mut put = |path: String, value: &dyn erased::Json| {
            files.insert(path, value.to_json());
        };
        put("site.json".into(), &site);
        for language in &site.languages {
            let cards: Vec<EntryCard> = ordered
                .iter()
                .enumerate()
                .map(|(id, entry)| EntryCard::of(entry, id as u32, &language.code))
                .collect();
            for (p, chunk) in cards.chunks(PAGE_SIZE as usize).enumerate() {
                let page = CatalogPage {
                    format: FORMAT_VERSION,
                    lang: language.code.clone(),
                    page: p as u32 + 1,
                    entries: chunk.to_vec(),
                };
                put(format!("catalog/{}/{}.json", language.code, p + 1), &page);
            }
        }
        put("facets.json".into(), &self.facet_table(&ordered));
        put(
            "entities.json".into(),
            &EntityTable {
                format: FORMAT_VERSION,
                entities: self.entities.clone(),
            },
        );
        put(
            "people.json".into(),
            &PeopleTable {
                format: FORMAT_VERSION,
                people: self.people.clone(),
            },
        );
        // One index per language, built side by side (they share nothing).
        let built: Vec<(&crate::Language, crate::search::BuiltIndex)> =
            std::thread::scope(|scope| {
                let jobs: Vec<_> = site
                    .languages
                    .iter()
                    .map(|language| {
                        let ordered = &ordered;
                        scope.spawn(move || {
                            (
                                language,
                                crate::search::build_index(ordered, &language.code),
                            )
                        })
                    })
                    .collect();
                jobs.into_iter().filter_map(|job| job.join().ok()).collect()
            });
        for (language, built) in &built {
            let dir = format!("search/{}", language.code);
            put(format!("{dir}/terms.json"), &built.dictionary);
            for shard in &built.shards {
                put(format!("{dir}/{}.json", shard.shard), shard);
            }
            for doc in &built.docs {
                put(format!("{dir}/docs/{}.json", doc.card.id), doc);
            }
        }
        for entry in &self.entries {
            let mut entry = entry.clone();
            entry.format = FORMAT_VERSION;
            put(format!("entries/{}.json", entry.slug), &entry);
        }
        files
    }

    fn facet_table(&self, ordered: &[&Entry]) -> FacetTable {
        let mut values: BTreeMap<&str, BTreeMap<String, Vec<u32>>> = BTreeMap::new();
        for (n, entry) in ordered.iter().enumerate() {
            let mut add = |facet: &'static str, value: String| {
                let list = values.entry(facet).or_default().entry(value).or_default();
                if list.last() != Some(&(n as u32)) {
                    list.push(n as u32);
                }
            };
            add("kind", entry.kind.clone());
            for topic in &entry.topics {
                add("topic", topic.clone());
            }
            for (id, entity) in &entry.entities {
                if let Some(facet) = entity.kind.facet() {
                    add(facet, id.clone());
                }
            }
            for person in &entry.authors {
                add("author", person.id.clone());
            }
            if let Some(date) = entry.date {
                add("year", date.year.to_string());
            }
            for code in entry.translations.keys() {
                add("language", code.to_string());
            }
        }
        FacetTable {
            format: FORMAT_VERSION,
            entries: ordered.len() as u32,
            facets: FACETS
                .iter()
                .map(|id| Facet {
                    id: id.to_string(),
                    values: values
                        .remove(id)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(id, entries)| FacetValue::from_entries(id, &entries))
                        .collect(),
                })
                .collect(),
        }
    }
}

/// Serialising through a trait object keeps `files()` to one `put`.
mod erased {
    pub trait Json {
        fn to_json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> String {
            // Serialising our own types to a String cannot fail.
            serde_json::to_string(self).unwrap_or_default()
        }
    }
}

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
fn parse_file<T: DeserializeOwned>(text: &str) -> Result<T, Issue> {
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
    let Some(site_text) = files.get("site.json") else {
        let mut issues = Issues::default();
        issues
            .error(".", "the dataset has no site.json")
            .hint("run `okuma build CONTENT_DIR -o DIR` to make one");
        report("site.json", issues);
        return out;
    };
    let site: Site = match parse_file(site_text) {
        Ok(site) => site,
        Err(issue) => {
            report("site.json", one(issue));
            return out;
        }
    };
    let mut issues = Issues::default();
    site.check(&mut issues);
    let site_broken = issues.has_errors();
    report("site.json", issues);
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
    let entities_text = required("entities.json");
    let people_text = required("people.json");
    let entities: Option<EntityTable> = entities_text.and_then(|t| match parse_file(t) {
        Ok(table) => Some(table),
        Err(issue) => {
            report("entities.json", one(issue));
            None
        }
    });
    let people: Option<PeopleTable> = people_text.and_then(|t| match parse_file(t) {
        Ok(table) => Some(table),
        Err(issue) => {
            report("people.json", one(issue));
            None
        }
    });
    if let Some(table) = &entities {
        let mut issues = Issues::default();
        for (id, entity) in &table.entities {
            if let Some(slug) = &entity.explainer {
                if !files.contains_key(&format!("entries/{slug}.json")) {
                    issues
                        .error(
                            format!("entities.{id}.explainer"),
                            format!("explainer entry {slug:?} does not exist"),
                        )
                        .hint(format!("add entries/{slug}.json or remove the explainer"));
                }
            }
        }
        report("entities.json", issues);
    }

    // Entries: every file under entries/, each checked on its own, then as a set.
    let mut slugs = BTreeSet::new();
    for (path, text) in files.iter().filter(|(p, _)| p.starts_with("entries/")) {
        let Some(stem) = path
            .strip_prefix("entries/")
            .and_then(|p| p.strip_suffix(".json"))
        else {
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
            let path = format!("catalog/{}/{page}.json", language.code);
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
                if !files.contains_key(&format!("entries/{}.json", card.slug)) {
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
            report(&format!("catalog/{code}/1.json"), issues);
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
        report("site.json", issues);
    }
    for slug in slugs.iter().filter(|s| !listed.contains(*s)) {
        let mut issues = Issues::default();
        issues
            .warning(
                ".",
                format!("entry {slug:?} is in no catalog page, so readers cannot find it in the archive"),
            )
            .hint("rebuild the dataset");
        report(&format!("entries/{slug}.json"), issues);
    }

    match files
        .get("facets.json")
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
            report("facets.json", issues);
        }
        Some(Err(issue)) => report("facets.json", one(issue)),
        None => {
            let mut issues = Issues::default();
            issues.error(".", "the file is missing");
            report("facets.json", issues);
        }
    }
    for language in &site.languages {
        check_search(files, &language.code, catalog.entries, &mut report);
    }
    out
}

/// Checks one language's search index: the dictionary, every shard it
/// names (loaded exactly as the browser loads them) and the snippet docs.
fn check_search(
    files: &Files,
    lang: &crate::LanguageCode,
    entries: u32,
    report: &mut impl FnMut(&str, Issues),
) {
    use crate::search::{PostingShard, SearchDoc, SearchIndex, TermDictionary};
    let dir = format!("search/{lang}");
    let terms_path = format!("{dir}/terms.json");
    let dictionary = match files
        .get(&terms_path)
        .map(|t| parse_file::<TermDictionary>(t))
    {
        Some(Ok(d)) => d,
        Some(Err(issue)) => return report(&terms_path, Issues(vec![issue])),
        None => {
            let mut issues = Issues::default();
            issues
                .error(
                    ".",
                    "the file is missing, so readers cannot search in this language",
                )
                .hint("rebuild the dataset");
            return report(&terms_path, issues);
        }
    };
    let mut issues = Issues::default();
    if dictionary.lang != *lang {
        issues.error(
            "lang",
            format!("is {}, the file is under {lang}", dictionary.lang),
        );
    }
    if dictionary.entries != entries {
        issues.error(
            "entries",
            format!("counts {} entries, site.json {entries}", dictionary.entries),
        );
    }
    if !dictionary.terms.windows(2).all(|w| w[0] < w[1]) {
        issues.error("terms", "terms must be unique and in ascending order");
    }
    if dictionary.df.len() != dictionary.terms.len() {
        issues.error(
            "df",
            format!(
                "has {} counts for {} terms",
                dictionary.df.len(),
                dictionary.terms.len()
            ),
        );
    }
    let shards_ok = dictionary.shards.first().is_none_or(|&s| s == 0)
        && dictionary.shards.windows(2).all(|w| w[0] < w[1])
        && dictionary
            .shards
            .last()
            .is_none_or(|&s| (s as usize) < dictionary.terms.len())
        && (dictionary.terms.is_empty() || !dictionary.shards.is_empty());
    if !shards_ok {
        issues.error(
            "shards",
            "shard starts must begin at 0, ascend and stay below the number of terms",
        );
    }
    let broken = issues.has_errors();
    report(&terms_path, issues);
    if broken {
        return;
    }
    let shard_count = dictionary.shards.len() as u32;
    let mut index = SearchIndex::new(dictionary);
    for n in 0..shard_count {
        let path = format!("{dir}/{n}.json");
        let mut issues = Issues::default();
        match files.get(&path).map(|t| parse_file::<PostingShard>(t)) {
            Some(Ok(shard)) if shard.shard != n => {
                issues.error("shard", format!("says {}, the file is {n}", shard.shard));
            }
            Some(Ok(shard)) => {
                if let Err(e) = index.add_shard(shard) {
                    issues.error("postings", e.reason);
                }
            }
            Some(Err(issue)) => issues.0.push(issue),
            None => {
                issues
                    .error(".", "the file is missing")
                    .hint("rebuild the dataset");
            }
        }
        report(&path, issues);
    }
    let prefix = format!("{dir}/docs/");
    for (path, text) in files
        .range(prefix.clone()..)
        .take_while(|(p, _)| p.starts_with(&prefix))
    {
        let mut issues = Issues::default();
        match parse_file::<SearchDoc>(text) {
            Ok(doc) => {
                let expected = format!("{prefix}{}.json", doc.card.id);
                if *path != expected || doc.card.id >= entries {
                    issues.error(
                        "card.id",
                        format!("entry {} does not belong in {path}", doc.card.id),
                    );
                }
                if doc.card.lang != *lang {
                    issues.error(
                        "card.lang",
                        format!("is {}, the index is {lang}", doc.card.lang),
                    );
                }
            }
            Err(issue) => issues.0.push(issue),
        }
        report(path, issues);
    }
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
