//! Search in the reader's language: the analysis shared by the index
//! builder and the browser, the index files, queries, highlighting, and the
//! entry sets that facets and search intersect.

pub mod analysis;
pub mod docset;
pub mod english;
pub mod highlight;
pub mod index;
pub mod lemmas;
pub mod query;
pub mod turkish;

pub use analysis::{fold, Analyser, Token, ANALYSIS_VERSION};
pub use docset::DocSet;
pub use highlight::{
    blocks_mentioning, find_in_blocks, highlight, snippet, Segment, WordQuery, WordTest,
};
pub use index::{
    build_index, index_texts, BuiltIndex, DocText, PostingShard, SearchDoc, StaleIndex,
    TermDictionary,
};
pub use query::{Hit, QueryPlan, SearchIndex, SearchResult, ShardError};
