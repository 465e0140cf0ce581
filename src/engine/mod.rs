//! The archive's search engine side, run in the search worker
//! (`okuma-search`, its own wasm, off the main thread): what it fetched for
//! the visit (`cache`), what the archive shows for a URL state (`archive`),
//! the names of facet values (`labels`), the messages it exchanges with the
//! page (`protocol`) and its message loop (`worker`). The reading app never calls into it (the archive asks
//! through `archive::search_worker`), so its wasm carries none of the search
//! index, stemmers or Unicode tables. The pre-render calls
//! [`protocol::handle`] directly, on the host.

pub mod archive;
pub mod cache;
pub mod labels;
pub mod protocol;
#[cfg(target_arch = "wasm32")]
pub mod worker;
