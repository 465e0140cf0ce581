//! Content → JSON → schema: the bundled content builds into exactly the
//! committed dataset, every file of it is valid against the JSON Schema
//! generated from the Rust types, and the generator is deterministic.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn okuma(args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_okuma"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("docs/schema").join(name)).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for item in std::fs::read_dir(dir).unwrap().flatten() {
        let path = item.path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

fn schema_for(relative: &str) -> &'static str {
    match relative {
        "site.json" => "site.schema.json",
        "facets.json" => "facets.schema.json",
        "entities.json" => "entities.schema.json",
        "people.json" => "people.schema.json",
        p if p.starts_with("catalog/") => "catalog-page.schema.json",
        p if p.starts_with("entries/") => "entry.schema.json",
        p if p.starts_with("search/") && p.ends_with("/terms.json") => "search-terms.schema.json",
        p if p.starts_with("search/") && p.contains("/docs/") => "search-doc.schema.json",
        p if p.starts_with("search/") => "search-shard.schema.json",
        other => panic!("unexpected dataset file {other}"),
    }
}

fn assert_schema_valid(dir: &Path) -> usize {
    let mut files = Vec::new();
    json_files(dir, &mut files);
    for path in &files {
        let relative = path
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let value: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let validator = schema(schema_for(&relative));
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "{relative} breaks its schema:\n{}",
            errors.join("\n")
        );
    }
    files.len()
}

#[test]
fn content_builds_into_the_committed_dataset() {
    let (ok, out) = okuma(&["build", "content", "-o", "public/data", "--verify"]);
    assert!(ok, "public/data is stale:\n{out}");
}

#[test]
fn the_committed_schemas_are_current() {
    let (ok, out) = okuma(&["schema", "-o", "docs/schema", "--verify"]);
    assert!(ok, "docs/schema is stale:\n{out}");
}

#[test]
fn every_bundled_file_is_valid_against_its_schema() {
    let count = assert_schema_valid(&root().join("public/data"));
    assert!(count >= 20, "{count} files");
}

#[test]
fn a_generated_archive_is_deterministic_and_schema_valid() {
    let base = std::env::temp_dir().join(format!("okuma-gen-{}", std::process::id()));
    let (a, b) = (base.join("a"), base.join("b"));
    for dir in [&a, &b] {
        let (ok, out) = okuma(&[
            "gen",
            "--entries",
            "120",
            "--seed",
            "11",
            "-o",
            dir.to_str().unwrap(),
        ]);
        assert!(ok, "{out}");
    }
    let (ok, out) = okuma(&["check", a.to_str().unwrap()]);
    assert!(ok && out.contains("0 error(s), 0 warning(s)"), "{out}");
    // b must match a byte for byte: build --verify compares whole directories.
    let mut fa = Vec::new();
    json_files(&a, &mut fa);
    for path in &fa {
        let twin = b.join(path.strip_prefix(&a).unwrap());
        assert_eq!(
            std::fs::read(path).unwrap(),
            std::fs::read(&twin).unwrap(),
            "{}",
            path.display()
        );
    }
    assert!(fa.len() > 120);
    assert_schema_valid(&a);
    let _ = std::fs::remove_dir_all(&base);
}
