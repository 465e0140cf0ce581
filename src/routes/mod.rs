//! One file per page. Every page but `/` carries its language in the URL.

pub mod archive;
pub mod entry;
pub mod not_found;
pub mod root;
