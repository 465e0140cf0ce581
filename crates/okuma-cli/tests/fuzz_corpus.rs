//! Replays every kept fuzz input, the corpus (`fuzz/corpus/{target}/`)
//! and every crash found (`fuzz/artifacts/{target}/`), through the same
//! check as its fuzz target (`okuma_cli::fuzz_checks`), on stable: a
//! crash once fixed stays fixed. `make fuzz` finds new ones (fuzz/README.md).

use okuma_cli::fuzz_checks::{repo_root, TARGETS};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// Every file in `dir` (none if there is no such folder).
fn inputs(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|f| f.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Replays one target's inputs; each failure with its file.
fn replay(fuzz: &Path, target: &str, check: fn(&[u8])) -> (usize, Vec<String>) {
    assert!(
        fuzz.join("fuzz_targets")
            .join(format!("{target}.rs"))
            .is_file(),
        "fuzz/fuzz_targets/{target}.rs"
    );
    let corpus = inputs(&fuzz.join("corpus").join(target));
    assert!(!corpus.is_empty(), "fuzz/corpus/{target}/ is empty");
    let artifacts = inputs(&fuzz.join("artifacts").join(target));
    let mut failed = Vec::new();
    for path in corpus.iter().chain(&artifacts) {
        // A fuzzer running beside the tests replaces inputs it reduced.
        let data = match std::fs::read(path) {
            Ok(data) => data,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => panic!("{}: {e}", path.display()),
        };
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| check(&data))) {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            failed.push(format!("{}: {message}", path.display()));
        }
    }
    (corpus.len() + artifacts.len(), failed)
}

#[test]
fn every_kept_fuzz_input_passes_its_target() {
    let fuzz = repo_root().join("fuzz");
    // One thread per target (each keeps its own bundled indexes).
    let results: Vec<(usize, Vec<String>)> = std::thread::scope(|scope| {
        let jobs: Vec<_> = TARGETS
            .iter()
            .map(|(target, check)| {
                let fuzz = &fuzz;
                scope.spawn(move || replay(fuzz, target, *check))
            })
            .collect();
        jobs.into_iter().map(|job| job.join().unwrap()).collect()
    });
    let replayed: usize = results.iter().map(|(n, _)| n).sum();
    let failed: Vec<String> = results.into_iter().flat_map(|(_, f)| f).collect();
    assert!(
        failed.is_empty(),
        "{} of {replayed} inputs fail:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
