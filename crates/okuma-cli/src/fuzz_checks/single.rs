//! `dataset_file`: one dataset file, of the type the first byte picks,
//! through the function the app loads that type with (`src/data/mod.rs`)
//! and what the app does with it next. Properties:
//!
//! - loading never panics, whatever the text;
//! - what loads, written back as JSON (as `okuma build` writes it), loads
//!   again as the same value;
//! - what loads keeps the promises the app relies on: card slugs are safe
//!   path segments, an entry's notes, mentions and links resolve and it has
//!   a text for every site language, a search shard fits its dictionary,
//!   highlighting gives back the text it was given.

use super::{bundled, bundled_dictionary};
use okuma_core::dataset::MAX_ENTRIES;
use okuma_core::entry::{check_href, EntryOutline};
use okuma_core::search::{
    find_in_blocks, highlight, snippet, Analyser, DocSet, PostingShard, SearchDoc, SearchIndex,
    Segment, TermDictionary,
};
use okuma_core::{
    layout, parse_file, Block, CatalogPage, DatasetError, EntityTable, Entry, EntryCard,
    FacetIndex, FacetTable, Inline, Mark, PeopleTable, Selection, Site,
};
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Debug;

/// The file types, in the order of the first byte's value (modulo their
/// number): `seeds` writes each bundled file with its type's byte.
pub const FILE_TYPES: [&str; 9] = [
    "site", "catalog", "entry", "facets", "entities", "people", "terms", "shard", "doc",
];

/// The first byte for a dataset path (for seeds).
pub fn file_type(path: &str) -> Option<u8> {
    let name = if path == layout::SITE {
        "site"
    } else if path.starts_with("catalog/") {
        "catalog"
    } else if layout::entry_slug(path).is_some() {
        "entry"
    } else if path == layout::FACETS {
        "facets"
    } else if path == layout::ENTITIES {
        "entities"
    } else if path == layout::PEOPLE {
        "people"
    } else if path.ends_with("/terms.json") {
        "terms"
    } else if path.contains("/docs/") {
        "doc"
    } else if path.starts_with("search/") {
        "shard"
    } else {
        return None;
    };
    FILE_TYPES.iter().position(|t| *t == name).map(|i| i as u8)
}

pub fn dataset_file(data: &[u8]) {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    // The app reads a response body as text, replacing bad UTF-8.
    let text = String::from_utf8_lossy(rest);
    let site = &bundled().site;
    match FILE_TYPES[kind as usize % FILE_TYPES.len()] {
        "site" => {
            if let Ok(loaded) = loads_again(&text, Site::from_json) {
                bounded(loaded.catalog.entries);
                for language in &loaded.languages {
                    let _ = loaded.title_in(&language.code);
                }
            }
        }
        "catalog" => {
            if let Ok(page) = loads_again(&text, CatalogPage::from_json) {
                for card in &page.entries {
                    safe_segment(&card.slug);
                }
            }
        }
        "entry" => {
            if let Ok(entry) = loads_again(&text, |t| Entry::from_json(t, site)) {
                entry_promises(site, &entry);
            }
        }
        "facets" => {
            if let Ok(table) = loads_again(&text, parse_file::<FacetTable>) {
                bounded(table.entries);
                facet_counts(&table);
            }
        }
        "entities" => {
            let _ = loads_again(&text, parse_file::<EntityTable>);
        }
        "people" => {
            let _ = loads_again(&text, parse_file::<PeopleTable>);
        }
        "terms" => {
            if let Ok(dictionary) = loads_again(&text, parse_file::<TermDictionary>) {
                bounded(dictionary.entries);
                if dictionary.check_analysis().is_ok() {
                    search_empty_index(dictionary);
                }
            }
        }
        "shard" => {
            if let Ok(shard) = loads_again(&text, parse_file::<PostingShard>) {
                shard_into_bundled(shard);
            }
        }
        "doc" => {
            if let Ok(doc) = loads_again(&text, parse_file::<SearchDoc>) {
                doc_snippets(&doc);
            }
        }
        _ => unreachable!("a file type of FILE_TYPES"),
    }
}

/// Loads `text`; what loads must load again, unchanged, once written.
fn loads_again<T: Serialize + PartialEq + Debug>(
    text: &str,
    load: impl Fn(&str) -> Result<T, DatasetError>,
) -> Result<T, DatasetError> {
    let value = load(text)?;
    let written = serde_json::to_string(&value).expect("a loaded file serialises");
    match load(&written) {
        Ok(again) => assert_eq!(again, value, "loaded, written and loaded again: {written}"),
        Err(e) => panic!("loaded, but not once written ({e}): {written}"),
    }
    Ok(value)
}

/// The reader sizes entry sets and a search's scores by a file's count of
/// entries: what loads claims no more than an archive can hold.
fn bounded(entries: u32) {
    assert!(entries <= MAX_ENTRIES, "{entries} entries loaded");
}

/// A slug from a file becomes a path (`entries/{slug}.json`) and a URL.
fn safe_segment(slug: &str) {
    assert!(
        !slug.is_empty()
            && !slug.contains(['/', '\\', '?', '#', '%', '.'])
            && slug.bytes().all(|b| b.is_ascii_graphic()),
        "unsafe slug {slug:?}"
    );
}

/// What the entry page relies on once an entry has loaded.
fn entry_promises(site: &Site, entry: &Entry) {
    safe_segment(&entry.slug);
    let numbers: BTreeSet<u32> = entry.sources.iter().map(|s| s.number).collect();
    for source in &entry.sources {
        if let Some(url) = &source.url {
            assert!(check_href(url).is_ok(), "source url {url:?}");
        }
    }
    for translation in entry.translations.values() {
        for block in &translation.body {
            each_mark(block, &mut |mark| match mark {
                Mark::Note { number } => assert!(numbers.contains(number), "note {number}"),
                Mark::Link { href, .. } => assert!(check_href(href).is_ok(), "link {href:?}"),
                Mark::Mention { entity, .. } => {
                    assert!(entry.entities.contains_key(entity), "mention {entity:?}")
                }
                Mark::Emphasis { .. } => {}
            });
        }
    }
    // "Find in this entry", in the original, by its title's words.
    if let Some(original) = entry.original() {
        let lang = entry.original_language.as_str();
        let _ = find_in_blocks(&original.body, lang, &original.title);
    }
    for (id, language) in site.languages.iter().enumerate() {
        let outline = EntryOutline::new(site, entry, language.code.as_str(), &[], None)
            .unwrap_or_else(|| panic!("no text to show in {}", language.code));
        assert!(entry.translations.contains_key(&outline.shown));
        let card = EntryCard::of(entry, id as u32, &language.code);
        assert!(entry.translations.contains_key(&card.lang));
    }
}

fn each_mark(block: &Block, f: &mut impl FnMut(&Mark)) {
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
    for run in block.content.runs() {
        walk(run, f);
    }
}

/// The facet panel: live counts with nothing chosen and with each facet's
/// first value chosen; a count never exceeds the entries.
fn facet_counts(table: &FacetTable) {
    let index = FacetIndex::new(table);
    let all = DocSet::full(table.entries);
    let mut selection = Selection::new();
    for facet in &table.facets {
        if let Some(value) = facet.values.first() {
            selection
                .entry(facet.id.clone())
                .or_default()
                .insert(value.id.clone());
        }
    }
    for chosen in [Selection::new(), selection] {
        let matching = index.matching(&chosen, None);
        assert!(matching.len() <= table.entries);
        for facet in index.counts(&chosen, &all) {
            for value in facet.values {
                assert!(value.count <= table.entries, "{value:?}");
            }
        }
        for (_, count) in index.relaxations(&chosen, &all) {
            assert!(count <= table.entries);
        }
    }
}

/// A dictionary fresh from the network, no shard loaded yet: a query
/// plans, finds nothing and names the shards to fetch.
fn search_empty_index(dictionary: TermDictionary) {
    let shards = dictionary.shards.len() as u32;
    let words: Vec<String> = dictionary.terms.iter().take(3).cloned().collect();
    let index = SearchIndex::new(dictionary);
    let plan = index.plan(&words.join(" "));
    assert!(index.run(&plan, None).hits.is_empty(), "no shard is loaded");
    for shard in index.missing_shards(&plan) {
        assert!(shard < shards.max(1), "shard {shard} of {shards}");
    }
    let _ = index.next_letters(&plan, 4);
}

/// A shard loads into the bundled index of its language only if it fits
/// it; then the index answers within its entries.
fn shard_into_bundled(shard: PostingShard) {
    let Some(dictionary) = bundled_dictionary(shard.lang.as_str()) else {
        return;
    };
    let entries = dictionary.entries;
    let mut index = SearchIndex::new(dictionary.clone());
    if index.add_shard(shard).is_ok() {
        for word in dictionary.terms.iter().take(50) {
            let plan = index.plan(word);
            for hit in index.run(&plan, None).hits {
                assert!(hit.entry < entries, "{hit:?} of {entries}");
            }
        }
    }
}

/// A search result's title and snippet: cutting never loses or invents text.
fn doc_snippets(doc: &SearchDoc) {
    // As the app does: one analyser per language, remembering words.
    let analyser = Analyser::shared(doc.card.lang.as_str());
    let terms: BTreeSet<String> = analyser
        .tokens(&doc.card.title)
        .into_iter()
        .map(|t| t.term)
        .collect();
    let title = highlight(&analyser, &terms, &doc.card.title);
    let joined: String = title.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(joined, doc.card.title);
    let text = format!("{}\n{}", doc.card.summary, doc.text);
    let cut = snippet(&analyser, &terms, &text, 30);
    let marker = |s: Option<&Segment>| s.is_some_and(|s| s.text == "…" && !s.hit);
    let mut inner: &[Segment] = &cut;
    if marker(inner.first()) {
        inner = &inner[1..];
    }
    if marker(inner.last()) {
        inner = &inner[..inner.len() - 1];
    }
    let inner: String = inner.iter().map(|s| s.text.as_str()).collect();
    assert!(
        text.contains(&inner),
        "snippet {inner:?} is not in the text"
    );
}
