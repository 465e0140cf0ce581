//! okuma's core: the dataset model and every piece of logic that needs no DOM.
//!
//! The app (a Leptos CSR crate) and the publisher's CLI both depend on this
//! crate, so the dataset has one definition and one parser. Everything here
//! compiles and is tested natively (`cargo test -p okuma-core`).

pub mod archive;
pub mod archive_query;
pub mod catalog;
pub mod dataset;
pub mod date;
pub mod entity;
pub mod entry;
pub mod error;
pub mod facet_list;
pub mod facets;
pub mod issue;
pub mod language;
pub mod language_chain;
pub mod language_profile;
pub mod layout;
pub mod localised;
pub mod provenance;
pub mod publish;
#[cfg(feature = "schema")]
mod schema;
pub mod search;
pub mod similar;
pub mod site;
mod unique;

pub use catalog::{CatalogPage, EntryCard};
pub use dataset::{check_files, Dataset, FileIssue, Files};
pub use date::PartialDate;
pub use entity::{EntityKind, EntityRecord, EntityTable, PeopleTable, Person};
pub use entry::{
    Block, BlockContent, Credit, Entry, Inline, LocalText, Mark, Provenance, Source, Translation,
};
pub use error::DatasetError;
pub use facets::{Facet, FacetCounts, FacetIndex, FacetTable, FacetValue, Selection, ValueCount};
pub use issue::{Issue, Issues, Severity};
pub use language::{Direction, Language, LanguageCode};
pub use language_chain::{landing_language, LanguageChain};
pub use site::{parse_file, CatalogIndex, LocalNames, Site};

/// The dataset format version this build reads and writes.
///
/// A file declares its version in a top-level `"format"` field; a reader
/// refuses versions it does not know instead of guessing at their meaning.
pub const FORMAT_VERSION: u32 = 1;
