//! `okuma check` on content says each problem once, at the file that has
//! it: a problem that reading the content reports (an entity's explainer
//! that leads nowhere) is not said again by the check of the dataset the
//! content builds, nor placed at a built JSON file the publisher never sees.

use std::path::{Path, PathBuf};
use std::process::Command;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for item in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(item.file_name());
        if item.path().is_dir() {
            copy_dir(&item.path(), &target);
        } else {
            std::fs::copy(item.path(), target).unwrap();
        }
    }
}

/// The bundled content with `entities/csto.toml`'s explainer pointing nowhere.
fn content_with_a_missing_explainer() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::temp_dir().join(format!("okuma-check-once-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&root.join("content"), &dir);
    let file = dir.join("entities/csto.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("explainer = "))
        .expect("csto.toml has an explainer")
        .to_string();
    std::fs::write(&file, text.replacen(&line, "explainer = \"nope\"", 1)).unwrap();
    dir
}

#[test]
fn a_missing_explainer_is_reported_once_at_its_entity_file() {
    let dir = content_with_a_missing_explainer();
    let output = Command::new(env!("CARGO_BIN_EXE_okuma"))
        .arg("check")
        .arg(&dir)
        .output()
        .unwrap();
    let stdout =
        String::from_utf8_lossy(&output.stdout).replace(&format!("{}/", dir.display()), "");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let about: Vec<&str> = stdout.lines().filter(|l| l.contains("\"nope\"")).collect();
    assert_eq!(
        about,
        [
            "entities/csto.toml: error: explainer: explainer entry \"nope\" does not exist \
             (hint: add content/entries/nope/ or remove `explainer`)"
        ],
        "{stdout}"
    );
    assert!(!stdout.contains("entities.json"), "{stdout}");
    assert!(stdout.contains(": 1 error(s), 0 warning(s)"), "{stdout}");
}
