//! `dataset_check`: a whole dataset, as files, through `okuma check`
//! ([`okuma_core::check_files`]). The dataset is a small one cut from the
//! bundled dataset ([`base`]) with the input's files put in: the input is
//! files one after the other, each `path\ntext`, NUL between them; a file
//! with no text is removed. So an input is a few files, not a dataset, and
//! any dataset can still be made. Properties:
//!
//! - checking never panics, and says the same twice;
//! - a dataset it passes (no error) loads in the app: every file the app
//!   may fetch is there and loads, and the archive engine only shows cards
//!   whose files are there ([`super::load::app_load`]).

use super::load::app_load;
use super::{bundled, parts};
use okuma_core::{check_files, Files, Severity};
use std::sync::OnceLock;

/// The dataset an input changes: the bundled one cut to its smallest
/// entry with a few blocks, in every language (see `seeds`).
pub fn base() -> &'static Files {
    static BASE: OnceLock<Files> = OnceLock::new();
    BASE.get_or_init(|| super::seeds::small_dataset(&bundled().dataset, 1).files())
}

/// The fuzz input that puts `files` in (for seeds).
pub fn encode(files: &Files) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (path, text)) in files.iter().enumerate() {
        if i > 0 {
            out.push(0);
        }
        out.extend_from_slice(path.as_bytes());
        out.push(b'\n');
        out.extend_from_slice(text.as_bytes());
    }
    out
}

/// The dataset of a fuzz input: the base with its files put in or, with
/// no text, removed.
pub fn decode(data: &[u8]) -> Files {
    let mut files = base().clone();
    for part in parts(data) {
        let Some((path, text)) = part.split_once('\n') else {
            continue;
        };
        if text.is_empty() {
            files.remove(path);
        } else {
            files.insert(path.to_string(), text.to_string());
        }
    }
    files
}

pub fn dataset_check(data: &[u8]) {
    let files = decode(data);
    let found = check_files(&files);
    assert_eq!(found, check_files(&files), "the check is deterministic");
    if found.iter().all(|f| f.issue.severity != Severity::Error) {
        if let Err(refused) = app_load(&files) {
            panic!("`okuma check` passes a dataset the app refuses: {refused}");
        }
    }
}
