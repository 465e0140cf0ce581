//! The fuzz targets' first inputs, from real ones: the bundled dataset's
//! files, small datasets cut from it, the content's files, the archive
//! queries the tests use and the entries' own text, written by
//! `cargo run -p okuma-cli --example fuzz_seeds -- DIR` (fuzz/README.md).

use super::single::file_type;
use super::whole::{base, encode};
use super::{bundled, repo_root};
use okuma_core::{check_files, BlockContent, Dataset, Entry, Files, Severity};
use std::collections::{BTreeMap, BTreeSet};

/// Archive URLs from the unit and end-to-end tests.
const ARCHIVE_QUERIES: &[&str] = &[
    "",
    "?q=water",
    "?q=water&sort=date",
    "?q=water&country=kz&country=uz&year=2022",
    "?q=water&country=uz&kind=explainer",
    "?q=tokayev&all=1&sort=date",
    "?q=kaz&topic=bilateral-relations",
    "?q=stratejik+ortakl%C4%B1k",
    "?q=%D0%BA%D0%B0%D0%B7%D0%B0%D1%85%D1%81%D1%82%D0%B0%D0%BD",
    "?q=%D0%B1%D0%B5%D1%81%D1%81%D1%82%D0%BE%D1%87%D0%BD%D0%BE%D0%B5&kind=analysis",
    "?q=%C4%B0STANBUL+%C3%B6zbekistan&topic=energy&country=kz&country=uz&sort=date&all=1&values=name",
    "?q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E",
    "?q=a%26b%3Dc%23d",
    "?q=%20&kind=analysis",
    "?q=walrus",
    "?country=russia&values=name",
    "?country=uz&kind=analysis&country=kz",
    "?kind=analysis&year=2022&language=ru",
    "?sort=relevance&kind=explainer",
    "?evil=1&sort=sideways&country=&q=%FF%FE&colour=red&all=yes",
];

/// Every seed: (target, name, input).
pub fn seeds() -> Vec<(&'static str, String, Vec<u8>)> {
    let mut out = Vec::new();
    let b = bundled();

    // dataset_file: the smallest few files of each type in datasets of
    // none to four entries cut from the bundled one, with the type's byte.
    let mut by_type: BTreeMap<u8, BTreeSet<(usize, String, String)>> = BTreeMap::new();
    for n in 0..=4 {
        let files = small_dataset(&b.dataset, n).files();
        let errors: Vec<_> = check_files(&files)
            .into_iter()
            .filter(|f| f.issue.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "a seed dataset with errors: {errors:?}");
        for (path, text) in files {
            let kind = file_type(&path).expect("a dataset file");
            let name = format!("{n}-{}", path.replace('/', "_"));
            by_type
                .entry(kind)
                .or_default()
                .insert((text.len(), text, name));
        }
    }
    for (kind, files) in by_type {
        let mut seen = BTreeSet::new();
        let distinct = files
            .into_iter()
            .filter(|(_, text, _)| seen.insert(text.clone()));
        for (_, text, name) in distinct.take(5) {
            let mut input = vec![kind];
            input.extend_from_slice(text.as_bytes());
            out.push(("dataset_file", name, input));
        }
    }

    // dataset_check: the base dataset as it is, each of its files put in
    // (to be changed), one taken out, and a second entry's file added
    // (listed nowhere).
    let base = base();
    out.push(("dataset_check", "base".into(), Vec::new()));
    for (path, text) in base {
        let one = Files::from([(path.clone(), text.clone())]);
        out.push(("dataset_check", path.replace('/', "_"), encode(&one)));
    }
    out.push((
        "dataset_check",
        "without-people".into(),
        format!("{}\n", okuma_core::layout::PEOPLE).into_bytes(),
    ));
    let second = small_dataset(&b.dataset, 2).files();
    let added: Files = second
        .into_iter()
        .filter(|(path, _)| path.starts_with("entries/") && !base.contains_key(path))
        .collect();
    out.push((
        "dataset_check",
        "a-second-entry-file".into(),
        encode(&added),
    ));

    // content_import: each entry's language files, site.toml and
    // topics.toml, each entity and person.
    let content = repo_root().join("content");
    let read = |path: std::path::PathBuf| std::fs::read(&path).unwrap_or_default();
    for entry in &b.dataset.entries {
        let mut input = vec![0];
        for (i, language) in b.site.languages.iter().enumerate() {
            if i > 0 {
                input.push(0);
            }
            let file = format!("index.{}.md", language.code);
            let text = read(content.join("entries").join(&entry.slug).join(file));
            input.extend(first_blocks(&String::from_utf8_lossy(&text), 1).as_bytes());
        }
        out.push(("content_import", format!("entry-{}", entry.slug), input));
    }
    let mut site = vec![1];
    site.extend(read(content.join("site.toml")));
    site.push(0);
    site.extend(read(content.join("topics.toml")));
    out.push(("content_import", "site".into(), site));
    for (mode, folder) in [(2u8, "entities"), (3, "people")] {
        let mut paths: Vec<_> = std::fs::read_dir(content.join(folder))
            .map(|d| d.flatten().map(|f| f.path()).collect())
            .unwrap_or_default();
        paths.sort();
        for path in paths {
            let name = path.file_stem().map(|s| s.to_string_lossy().into_owned());
            let mut input = vec![mode];
            input.extend(read(path));
            out.push((
                "content_import",
                format!("{folder}-{}", name.unwrap_or_default()),
                input,
            ));
        }
    }

    // archive_query: the tests' URLs, and each facet value of the bundled dataset.
    for (i, query) in ARCHIVE_QUERIES.iter().enumerate() {
        out.push((
            "archive_query",
            format!("test-{i}"),
            query.as_bytes().to_vec(),
        ));
    }
    // A sentence pasted into the search box: longer than the text kept.
    for entry in b.dataset.entries.iter().take(3) {
        if let Some(block) = entry.original().and_then(|t| t.body.first()) {
            let text: String = block.content.plain_text().chars().take(260).collect();
            let query: String = form_urlencoded_pair("q", &text);
            out.push((
                "archive_query",
                format!("pasted-{}", entry.slug),
                query.into_bytes(),
            ));
        }
    }
    for entry in b.dataset.entries.iter().take(3) {
        let mut query = format!("?kind={}", entry.kind);
        for topic in &entry.topics {
            query.push_str(&format!("&topic={topic}"));
        }
        out.push((
            "archive_query",
            format!("facets-{}", entry.slug),
            query.into_bytes(),
        ));
    }

    // search_query: in each language, an entry's title as the query and
    // its first paragraph as the text.
    let languages = ["en", "tr", "ru"];
    for entry in b.dataset.entries.iter().take(6) {
        for (code, translation) in &entry.translations {
            let Some(pick) = languages.iter().position(|l| *l == code.as_str()) else {
                continue;
            };
            let text = translation
                .body
                .first()
                .map(|b| b.content.plain_text())
                .unwrap_or_default();
            let mut input = vec![pick as u8];
            input.extend_from_slice(translation.title.as_bytes());
            input.push(0);
            input.extend_from_slice(text.as_bytes());
            out.push(("search_query", format!("{}-{code}", entry.slug), input));
        }
    }
    out
}

/// The bundled dataset cut to its `n` smallest entries, each with only
/// a few blocks (see [`trimmed`]).
pub fn small_dataset(full: &Dataset, n: usize) -> Dataset {
    let small = trimmed(full);
    let mut by_size: Vec<&Entry> = small.entries.iter().collect();
    by_size.sort_by_key(|e| {
        (
            serde_json::to_string(e).map_or(0, |t| t.len()),
            e.slug.clone(),
        )
    });
    let slugs: Vec<&str> = by_size.iter().take(n).map(|e| e.slug.as_str()).collect();
    cut(&small, &slugs)
}

/// The bundled dataset with only the entries `slugs`: the entities they
/// name (explainer links only to those entries), every person.
fn cut(full: &Dataset, slugs: &[&str]) -> Dataset {
    let entries: Vec<Entry> = full
        .entries
        .iter()
        .filter(|e| slugs.contains(&e.slug.as_str()))
        .cloned()
        .collect();
    let named: BTreeSet<&String> = entries.iter().flat_map(|e| e.entities.keys()).collect();
    let entities = full
        .entities
        .iter()
        .filter(|(id, _)| named.contains(id))
        .map(|(id, e)| {
            let mut e = e.clone();
            e.explainer = e.explainer.filter(|s| slugs.contains(&s.as_str()));
            (id.clone(), e)
        })
        .collect();
    Dataset {
        site: full.site.clone(),
        entries,
        entities,
        people: full.people.clone(),
    }
}

/// Each entry with only the first block of each kind (the same blocks in
/// every translation), the sources those cite and the entities they
/// mention.
fn trimmed(full: &Dataset) -> Dataset {
    let entries = full
        .entries
        .iter()
        .map(|entry| {
            let mut entry = entry.clone();
            let Some(original) = entry.original() else {
                return entry;
            };
            let mut kinds = BTreeMap::new();
            for block in &original.body {
                let kind = match block.content {
                    BlockContent::Paragraph { .. } => "p",
                    BlockContent::Heading { .. } => "h",
                    BlockContent::Quote { .. } => "q",
                    BlockContent::List { .. } => "l",
                };
                let kept: &mut Vec<String> = kinds.entry(kind).or_default();
                if kept.is_empty() {
                    kept.push(block.id.clone());
                }
            }
            let keep: BTreeSet<String> = kinds.into_values().flatten().collect();
            let mut cited = BTreeSet::new();
            let mut mentioned = BTreeSet::new();
            for translation in entry.translations.values_mut() {
                translation.body.retain(|b| keep.contains(&b.id));
                for block in &translation.body {
                    cited.extend(block.content.note_numbers());
                    mentioned.extend(block.content.mentions());
                }
            }
            let ibid: Vec<u32> = entry
                .sources
                .iter()
                .filter(|s| cited.contains(&s.number))
                .filter_map(|s| s.ibid)
                .collect();
            cited.extend(ibid);
            entry.sources.retain(|s| cited.contains(&s.number));
            entry.entities.retain(|id, _| mentioned.contains(id));
            entry
        })
        .collect();
    Dataset {
        entries,
        ..full.clone()
    }
}

/// A Markdown entry file with its front matter and its first `n` blocks.
fn first_blocks(text: &str, n: usize) -> String {
    let Some((front, body)) = text
        .strip_prefix("+++\n")
        .and_then(|rest| rest.split_once("\n+++\n"))
    else {
        return text.to_string();
    };
    let blocks: Vec<&str> = body
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .take(n)
        .collect();
    format!("+++\n{front}\n+++\n\n{}\n", blocks.join("\n\n"))
}

/// `?key=value`, encoded as a browser encodes a form.
fn form_urlencoded_pair(key: &str, value: &str) -> String {
    let query = okuma_core::archive_query::ArchiveQuery::from_pairs([(key.into(), value.into())]);
    query.to_query()
}
