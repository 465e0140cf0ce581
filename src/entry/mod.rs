//! `/{lang}/entries/{slug}`, one entry: the page, its header, body with
//! note and mention previews, parallel view, sources and author, similar
//! entries, and find in this entry.

pub mod body;
pub mod find;
pub mod header;
pub mod page;
pub mod parallel;
pub mod previews;
pub mod similar;
pub mod sources;
