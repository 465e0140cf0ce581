//! Turns the locale files (`locales/*.toml`) into Rust constants, one `Ui`
//! per language, and stops the build when a locale lacks a key of
//! `en.toml`, has one it does not, or gives a key the wrong shape. A field
//! of `Ui` that no locale provides fails to compile, so every string the
//! interface shows exists in every language.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    build_id();
    println!("cargo:rerun-if-changed=locales");
    let dir = Path::new("locales");
    let read = |code: &str| -> toml::Table {
        let path = dir.join(format!("{code}.toml"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!("cargo:rerun-if-changed={}", path.display());
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let reference = read("en");
    let mut locales: BTreeMap<String, toml::Table> = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("locales/ exists").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(code) = name.strip_suffix(".toml") {
            locales.insert(code.to_string(), read(code));
        }
    }
    let mut out = String::new();
    for (code, table) in &locales {
        for key in reference.keys() {
            assert!(
                table.contains_key(key),
                "locales/{code}.toml lacks the key `{key}` (see en.toml)"
            );
        }
        for (key, value) in table {
            let want = reference.get(key).unwrap_or_else(|| {
                panic!("locales/{code}.toml has `{key}`, which en.toml does not")
            });
            assert_eq!(
                shape(value),
                shape(want),
                "locales/{code}.toml: `{key}` must have the shape it has in en.toml"
            );
        }
        let _ = writeln!(
            out,
            "pub const {}: Ui = Ui {{\n    lang: {code:?},",
            code.to_uppercase().replace('-', "_")
        );
        for (key, value) in table {
            let _ = writeln!(out, "    {key}: {},", literal(value));
        }
        out.push_str("};\n\n");
    }
    // Every locale file, so that a new one is used without touching code.
    let _ = writeln!(
        out,
        "/// Every locale the interface is written in, one per file of `locales/`.\npub static LOCALES: &[&Ui] = &[{}];",
        locales
            .keys()
            .map(|code| format!("&{}", code.to_uppercase().replace('-', "_")))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("locales.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}

/// A value's shape: a string, an array of n strings, or a plural table.
fn shape(value: &toml::Value) -> String {
    match value {
        toml::Value::String(_) => "string".into(),
        toml::Value::Array(items) => format!("array of {}", items.len()),
        toml::Value::Table(t) => format!("table {:?}", t.keys().collect::<Vec<_>>()),
        other => other.type_str().into(),
    }
}

fn literal(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => format!("{s:?}"),
        toml::Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(literal).collect();
            format!("[{}]", parts.join(", "))
        }
        toml::Value::Table(t) => {
            let field = |k: &str| {
                t.get(k)
                    .map(literal)
                    .unwrap_or_else(|| panic!("plural lacks `{k}`"))
            };
            format!(
                "Plural {{ one: {}, few: {}, many: {}, other: {} }}",
                field("one"),
                field("few"),
                field("many"),
                field("other")
            )
        }
        other => panic!("unsupported locale value {other}"),
    }
}

/// `OKUMA_BUILD_ID`: a digest of the app's and the core's sources, which
/// the page puts in the search worker's address so that a page and its
/// worker always come from the same build.
fn build_id() {
    use std::hash::{Hash, Hasher};
    fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, files);
            } else {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for dir in ["src", "crates/okuma-core/src", "locales"] {
        println!("cargo:rerun-if-changed={dir}");
        walk(Path::new(dir), &mut files);
    }
    files.sort();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for file in &files {
        file.hash(&mut hasher);
        std::fs::read(file).unwrap_or_default().hash(&mut hasher);
    }
    println!("cargo:rustc-env=OKUMA_BUILD_ID={:016x}", hasher.finish());
}
