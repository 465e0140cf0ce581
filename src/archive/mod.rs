//! `/{lang}/`, the archive: the page, what it has fetched for the visit
//! (`cache`), what it shows for a URL state (`loader`), and the views only
//! it uses. Search, facets and ordering are okuma-core's `archive` engine;
//! this module fetches and renders.

pub mod active_filters;
pub mod cache;
pub mod facet_panel;
pub mod highlighted;
pub mod loader;
pub mod page;
pub mod result_list;
pub mod search_box;
