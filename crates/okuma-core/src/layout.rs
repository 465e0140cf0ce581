//! Where each file of a dataset lives, relative to the dataset root: the
//! one place that spells the paths out. The builder writes them, the
//! checker reads them, the app fetches them (under its data root) and the
//! tests open them through these functions.
//!
//! ```text
//! site.json                     languages, kinds, topics, catalog size
//! catalog/{lang}/{page}.json    entry cards, newest first (pages from 1)
//! facets.json                   facet value → entry numbers (as gaps)
//! entities.json                 entity names and descriptions
//! people.json                   credited people's names
//! entries/{slug}.json           one entry with all its translations
//! search/{lang}/terms.json      search terms of a language (see `search::index`)
//! search/{lang}/{shard}.json    their postings, a run of terms per file
//! search/{lang}/docs/{id}.json  an entry's card and text, for snippets
//! ```
//!
//! ```
//! use okuma_core::layout;
//! assert_eq!(layout::entry("csto"), "entries/csto.json");
//! assert_eq!(layout::entry_slug("entries/csto.json"), Some("csto"));
//! assert_eq!(layout::search_doc("tr", 7), "search/tr/docs/7.json");
//! ```

use std::fmt::Display;

pub const SITE: &str = "site.json";
pub const FACETS: &str = "facets.json";
pub const ENTITIES: &str = "entities.json";
pub const PEOPLE: &str = "people.json";

const ENTRIES: &str = "entries/";

/// `entries/{slug}.json`
pub fn entry(slug: &str) -> String {
    format!("{ENTRIES}{slug}.json")
}

/// The slug of an entry file's path, if it is one.
pub fn entry_slug(path: &str) -> Option<&str> {
    path.strip_prefix(ENTRIES)?.strip_suffix(".json")
}

/// `catalog/{lang}/{page}.json`, pages counted from 1.
pub fn catalog_page(lang: impl Display, page: u32) -> String {
    format!("catalog/{lang}/{page}.json")
}

/// `search/{lang}/`, the folder of a language's search files.
pub fn search_dir(lang: impl Display) -> String {
    format!("search/{lang}/")
}

/// `search/{lang}/terms.json`
pub fn search_terms(lang: impl Display) -> String {
    format!("{}terms.json", search_dir(lang))
}

/// `search/{lang}/{shard}.json`
pub fn search_shard(lang: impl Display, shard: u32) -> String {
    format!("{}{shard}.json", search_dir(lang))
}

/// `search/{lang}/docs/`, the folder of a language's search docs.
pub fn search_docs_dir(lang: impl Display) -> String {
    format!("{}docs/", search_dir(lang))
}

/// `search/{lang}/docs/{entry}.json`
pub fn search_doc(lang: impl Display, entry: u32) -> String {
    format!("{}{entry}.json", search_docs_dir(lang))
}
