//! Small reusable views.

pub mod entry_body;
pub mod fetch_error;
pub mod not_found;
pub mod page_frame;
pub mod sources;
