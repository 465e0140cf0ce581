//! okuma, the reader app: a thin layer of Leptos components over
//! `okuma-core`. `main.rs` mounts [`app::App`]; `app.rs` routes; each
//! feature keeps its page and the views only it uses together. Everything
//! that needs no DOM lives in the core crate.
//!
//! ```text
//! shell/    what every /:lang page shares: the reading context, frame, switcher, theme, notices, not found
//! archive/  /:lang/: the page, search box, facets, results, its line to the search worker
//! engine/   the search worker (its own wasm): fetching the index, searching, counting facets
//! entry/    /:lang/entries/:slug: the page, header, body and previews, sources, similar, find
//! data/     fetching dataset files, FetchError
//! browser/  what the browser keeps and does: storage, Intl, timing, crash view, reading place
//! ```

pub mod app;
pub mod archive;
pub mod base;
pub mod browser;
pub mod data;
pub mod engine;
pub mod entry;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod shell;
