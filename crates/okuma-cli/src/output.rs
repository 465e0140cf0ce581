//! Writing a dataset's files into a directory, and telling whether a
//! directory already holds exactly those files (`--verify`, for CI).

use crate::check::read_files;
use okuma_core::Files;
use std::path::Path;

/// Replaces the dataset in `out` with `files`: writes every file and
/// removes `.json` files a previous build left that are no longer part of it.
pub fn write_files(files: &Files, out: &Path) -> std::io::Result<usize> {
    if out.exists() {
        if let Ok(old) = read_files(out) {
            for stale in old.keys().filter(|path| !files.contains_key(*path)) {
                std::fs::remove_file(out.join(stale))?;
            }
        }
    }
    let mut written = 0;
    for (path, text) in files {
        let target = out.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        if std::fs::read_to_string(&target).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&target, text)?;
            written += 1;
        }
    }
    Ok(written)
}

/// The differences between `files` and what `out` holds (empty when equal).
pub fn differences(files: &Files, out: &Path) -> Vec<String> {
    let existing = read_files(out).unwrap_or_default();
    let mut diffs = Vec::new();
    for (path, text) in files {
        match existing.get(path) {
            None => diffs.push(format!("{path}: missing")),
            Some(old) if old != text => diffs.push(format!("{path}: differs")),
            _ => {}
        }
    }
    for path in existing.keys().filter(|p| !files.contains_key(*p)) {
        diffs.push(format!("{path}: not part of the dataset"));
    }
    diffs
}
