//! Small reusable views.

pub mod active_filters;
pub mod entry_body;
pub mod facet_panel;
pub mod fetch_error;
pub mod find_in_entry;
pub mod highlighted;
pub mod language_switcher;
pub mod not_found;
pub mod notice;
pub mod page_frame;
pub mod reading_progress;
pub mod result_list;
pub mod search_box;
pub mod similar;
pub mod sources;
pub mod theme_toggle;
