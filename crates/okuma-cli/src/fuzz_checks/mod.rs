//! The fuzz targets' checks: each target in `fuzz/fuzz_targets/` is one
//! call to a function here, and `tests/fuzz_corpus.rs` replays every kept
//! input (`fuzz/corpus/*/`, `fuzz/artifacts/*/`) through the same function
//! on stable, so a fixed crash stays fixed. A check panics when a property
//! fails; it never panics on input that is merely wrong.
//!
//! The targets read what okuma reads from outside:
//!
//! - `dataset_file`: one dataset file of any type (the first byte picks
//!   it), through the function the app loads it with.
//! - `dataset_check`: a whole set of files through `okuma check`
//!   ([`okuma_core::check_files`]); a set it passes must load in the app.
//! - `content_import`: a Markdown entry with TOML front matter, or a
//!   site, entity or person TOML file, through `okuma build`'s import.
//! - `archive_query`: the archive's URL query, and the archive engine over
//!   the bundled dataset.
//! - `search_query`: text analysis, query planning and highlighting.
//!
//! Where a check needs a dataset to work against, it is the one `content/`
//! builds (the bundled `public/data`), read once.

mod import;
mod load;
mod query;
pub mod seeds;
mod single;
mod whole;

use crate::content::{read_content, read_tables, Tables};
use crate::report::Problems;
use okuma_core::search::{PostingShard, SearchIndex, TermDictionary};
use okuma_core::{layout, parse_file, Dataset, Files, Site};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::OnceLock;

pub use import::content_import;
pub use query::{archive_query, search_query};
pub use single::dataset_file;
pub use whole::dataset_check;

/// A target's check: panics when a property fails.
pub type Check = fn(&[u8]);

/// Every target, by its name in `fuzz/` (target, corpus and artifact
/// folders), with its check.
pub const TARGETS: &[(&str, Check)] = &[
    ("dataset_file", dataset_file),
    ("dataset_check", dataset_check),
    ("content_import", content_import),
    ("archive_query", archive_query),
    ("search_query", search_query),
];

/// The repository's root (this crate is `crates/okuma-cli`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bundled content, read once: its tables and the dataset it builds.
struct Bundled {
    tables: Tables,
    dataset: Dataset,
    files: Files,
    site: Site,
}

fn bundled() -> &'static Bundled {
    static BUNDLED: OnceLock<Bundled> = OnceLock::new();
    BUNDLED.get_or_init(|| {
        let dir = repo_root().join("content");
        let (dataset, _, problems) = read_content(&dir);
        assert_eq!(problems.errors(), 0, "content/ has errors: {problems:?}");
        let dataset = dataset.expect("content/ reads");
        let files = dataset.files();
        let site = Site::from_json(&files[layout::SITE]).expect("the bundled site.json loads");
        let tables = read_tables(&dir, &mut Problems::default()).expect("content/site.toml");
        Bundled {
            tables,
            dataset,
            files,
            site,
        }
    })
}

/// One language's term dictionary in the bundled dataset.
fn bundled_dictionary(lang: &str) -> Option<&'static TermDictionary> {
    static DICTIONARIES: OnceLock<BTreeMap<String, TermDictionary>> = OnceLock::new();
    DICTIONARIES
        .get_or_init(|| {
            let files = &bundled().files;
            bundled()
                .site
                .languages
                .iter()
                .map(|l| {
                    let text = &files[&layout::search_terms(&l.code)];
                    let dictionary = parse_file(text).expect("bundled terms");
                    (l.code.to_string(), dictionary)
                })
                .collect()
        })
        .get(lang)
}

/// One language's search index of the bundled dataset, every shard loaded
/// (an index is not `Sync`: one per thread, and the fuzzer has one).
fn bundled_index(lang: &str) -> Option<Rc<SearchIndex>> {
    thread_local! {
        static INDEXES: RefCell<BTreeMap<String, Rc<SearchIndex>>> = RefCell::default();
    }
    if let Some(index) = INDEXES.with_borrow(|all| all.get(lang).cloned()) {
        return Some(index);
    }
    let files = &bundled().files;
    let dictionary = bundled_dictionary(lang)?.clone();
    let shards = dictionary.shards.len() as u32;
    let mut index = SearchIndex::new(dictionary);
    for n in 0..shards {
        let shard: PostingShard =
            parse_file(&files[&layout::search_shard(lang, n)]).expect("a bundled shard");
        index.add_shard(shard).expect("a bundled shard loads");
    }
    let index = Rc::new(index);
    INDEXES.with_borrow_mut(|all| all.insert(lang.to_string(), index.clone()));
    Some(index)
}

/// Splits fuzz input on NUL bytes (which no JSON, TOML or Markdown text
/// of a seed holds) into its parts, each as text.
fn parts(data: &[u8]) -> Vec<String> {
    data.split(|&b| b == 0)
        .map(|part| String::from_utf8_lossy(part).into_owned())
        .collect()
}
