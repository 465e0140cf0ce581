//! A whole dataset: how it is split into files for the reader (their
//! paths are [`crate::layout`]'s), and how a set of files is checked as a
//! whole (`check`). No filesystem here: files are paths relative to the
//! dataset root, mapped to their text.

use crate::catalog::{CatalogPage, EntryCard};
use crate::entity::{EntityRecord, EntityTable, PeopleTable};
use crate::entry::Entry;
use crate::facets::{Facet, FacetTable, FacetValue, FACETS};
use crate::issue::Issue;
use crate::layout;
use crate::site::{CatalogIndex, LocalNames, Site};
use crate::FORMAT_VERSION;
use std::collections::BTreeMap;

mod check;
pub use check::check_files;

/// Entry cards per catalog page.
pub const PAGE_SIZE: u32 = 50;

/// The most entries an archive can have: a search posting packs an entry
/// number into 24 bits. A file claiming more is refused when read, before
/// the reader sizes anything by it (an entry set is a bit per entry, a
/// search a score per entry).
pub const MAX_ENTRIES: u32 = 1 << 24;

/// `#[serde(deserialize_with = "crate::dataset::entry_count")]`: a count
/// of entries, at most [`MAX_ENTRIES`].
pub(crate) fn entry_count<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<u32, D::Error> {
    let count = <u32 as serde::Deserialize>::deserialize(deserializer)?;
    if count > MAX_ENTRIES {
        return Err(serde::de::Error::custom(format!(
            "{count} entries is more than an archive can hold ({MAX_ENTRIES})"
        )));
    }
    Ok(count)
}

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
        put(layout::SITE.into(), &site);
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
                put(layout::catalog_page(&language.code, p as u32 + 1), &page);
            }
        }
        put(layout::FACETS.into(), &self.facet_table(&ordered));
        put(
            layout::ENTITIES.into(),
            &EntityTable {
                format: FORMAT_VERSION,
                entities: self.entities.clone(),
            },
        );
        put(
            layout::PEOPLE.into(),
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
            put(layout::search_terms(&language.code), &built.dictionary);
            for shard in &built.shards {
                put(layout::search_shard(&language.code, shard.shard), shard);
            }
            for doc in &built.docs {
                put(layout::search_doc(&language.code, doc.card.id), doc);
            }
        }
        for entry in &self.entries {
            let mut entry = entry.clone();
            entry.format = FORMAT_VERSION;
            put(layout::entry(&entry.slug), &entry);
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

#[cfg(test)]
mod tests {
    use super::MAX_ENTRIES;
    use crate::search::{TermDictionary, ANALYSIS_VERSION};
    use crate::{parse_file, FacetTable, Site};

    #[test]
    fn a_file_claiming_more_entries_than_an_archive_holds_is_refused() {
        // Found with the dataset_file fuzz target (fuzz/artifacts/
        // dataset_file/oom-*): a facet table or term dictionary claiming
        // 4,000,000,000 entries loaded, and the reader sized entry sets
        // (500 MB each) and a search's scores (48 GB) by it.
        let site = |n: u32| {
            Site::from_json(&format!(
                r#"{{"format":1,"default_language":"en","languages":[{{"code":"en","name":"English"}}],
                   "title":{{"en":"okuma"}},"catalog":{{"entries":{n},"page_size":{n},"pages":1}}}}"#
            ))
        };
        let facets = |n: u32| {
            parse_file::<FacetTable>(&format!(r#"{{"format":1,"entries":{n},"facets":[]}}"#))
        };
        let terms = |n: u32| {
            parse_file::<TermDictionary>(&format!(
                r#"{{"format":1,"lang":"en","analysis":{ANALYSIS_VERSION},"entries":{n},
                   "documents":0,"terms":[],"df":[],"shards":[]}}"#
            ))
        };
        assert!(site(MAX_ENTRIES).is_ok());
        assert!(facets(MAX_ENTRIES).is_ok());
        assert!(terms(MAX_ENTRIES).is_ok());
        for error in [
            site(4_000_000_000).unwrap_err(),
            facets(MAX_ENTRIES + 1).unwrap_err(),
            terms(4_000_000_000).unwrap_err(),
        ] {
            let message = error.to_string();
            assert!(
                message.contains("more than an archive can hold"),
                "{message}"
            );
        }
    }
}
