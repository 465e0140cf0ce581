//! Checking one language's search files: the dictionary, every shard it
//! names (loaded exactly as the browser loads them) and the snippet docs.

use super::parse_file;
use crate::dataset::Files;
use crate::issue::Issues;
use crate::layout;

/// Checks one language's search index: the dictionary, every shard it
/// names (loaded exactly as the browser loads them) and the snippet docs.
pub(super) fn check_search(
    files: &Files,
    lang: &crate::LanguageCode,
    entries: u32,
    report: &mut impl FnMut(&str, Issues),
) {
    use crate::search::{PostingShard, SearchDoc, SearchIndex, TermDictionary};
    let terms_path = layout::search_terms(lang);
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
    if let Err(stale) = dictionary.check_analysis() {
        issues
            .error("analysis", stale.to_string())
            .hint("rebuild the dataset with this version of okuma; readers refuse this index");
    }
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
    // Terms, counts and shards that do not fit together do not parse
    // (`TermDictionary::fits`): the reader would look past their ends.
    let broken = issues.has_errors();
    report(&terms_path, issues);
    if broken {
        return;
    }
    let shard_count = dictionary.shards.len() as u32;
    let mut index = SearchIndex::new(dictionary);
    // Entries a search can find: the reader fetches the doc of each hit.
    let mut findable = std::collections::BTreeSet::new();
    for n in 0..shard_count {
        let path = layout::search_shard(lang, n);
        let mut issues = Issues::default();
        match files.get(&path).map(|t| parse_file::<PostingShard>(t)) {
            Some(Ok(shard)) if shard.shard != n => {
                issues.error("shard", format!("says {}, the file is {n}", shard.shard));
            }
            Some(Ok(shard)) => {
                let found: Vec<u32> = shard.entries().collect();
                match index.add_shard(shard) {
                    Ok(()) => findable.extend(found),
                    Err(e) => {
                        issues.error("postings", e.reason);
                    }
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
    let prefix = layout::search_docs_dir(lang);
    for (path, text) in files
        .range(prefix.clone()..)
        .take_while(|(p, _)| p.starts_with(&prefix))
    {
        let mut issues = Issues::default();
        match parse_file::<SearchDoc>(text) {
            Ok(doc) => {
                let expected = layout::search_doc(lang, doc.card.id);
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
    // Found by fuzzing (fuzz/artifacts/dataset_check): a dataset without
    // the doc of an entry its postings name passed, and the reader's
    // search failed on the missing file as soon as it found that entry.
    for entry in findable {
        let path = layout::search_doc(lang, entry);
        if !files.contains_key(&path) {
            let mut issues = Issues::default();
            issues
                .error(
                    ".",
                    format!("the file is missing, and a search in {lang} finds entry {entry}"),
                )
                .hint("rebuild the dataset");
            report(&path, issues);
        }
    }
}
