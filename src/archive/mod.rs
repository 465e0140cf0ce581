//! `/{lang}/`, the archive: the page, its line to the search worker
//! (`search_worker`), and the views only it uses. Search, facets and
//! ordering run in the worker (`crate::engine`, over okuma-core's `archive`
//! engine); this module asks and renders.

pub mod active_filters;
pub mod facet_panel;
pub mod highlighted;
pub mod page;
pub mod result_list;
pub mod search_box;
pub mod search_worker;
