//! Small reusable views.

pub mod entry_body;
pub mod fetch_error;
pub mod language_switcher;
pub mod not_found;
pub mod notice;
pub mod page_frame;
pub mod reading_progress;
pub mod similar;
pub mod sources;
pub mod theme_toggle;
