//! okuma-cli as a library: the publisher's tool (`main.rs` is only its
//! command line) and the content import, so that the fuzz targets (`fuzz/`)
//! and this crate's tests reach the same functions the CLI runs.

pub mod check;
pub mod content;
pub mod fuzz_checks;
pub mod generate;
pub mod markdown;
pub mod output;
pub mod report;
pub mod schema;
