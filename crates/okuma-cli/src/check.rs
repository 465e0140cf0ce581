//! `okuma check DIR`: reads every file of a dataset as the reader would and
//! reports each problem on one line: file, where in it, what is wrong.

use okuma_core::{Entry, Site};
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One thing wrong with a dataset.
#[derive(Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub severity: Severity,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {level}: {}", self.file.display(), self.message)
    }
}

/// Checks the dataset in `dir` and lists its problems (empty when clean).
pub fn check_dir(dir: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    let error = |file: &Path, message: String| Problem {
        file: file.to_path_buf(),
        severity: Severity::Error,
        message,
    };
    let site_path = dir.join("site.json");
    let site = match std::fs::read_to_string(&site_path) {
        Err(err) => {
            problems.push(error(&site_path, format!("cannot read the file: {err}")));
            return problems;
        }
        Ok(text) => match Site::from_json(&text) {
            Ok(site) => site,
            Err(err) => {
                problems.push(error(&site_path, err.to_string()));
                return problems;
            }
        },
    };
    for summary in &site.entries {
        let path = dir.join("entries").join(format!("{}.json", summary.slug));
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                problems.push(error(
                    &path,
                    format!("listed in site.json but cannot be read: {err}"),
                ));
                continue;
            }
        };
        match Entry::from_json(&text, &site) {
            Err(err) => problems.push(error(&path, err.to_string())),
            Ok(entry) => {
                if entry.slug != summary.slug {
                    problems.push(error(
                        &path,
                        format!(
                            "slug: {:?} differs from the file name and site.json ({:?})",
                            entry.slug, summary.slug
                        ),
                    ));
                }
                for code in entry.translations.keys() {
                    if !summary.translations.contains_key(code) {
                        problems.push(Problem {
                            file: path.clone(),
                            severity: Severity::Warning,
                            message: format!(
                                "translations.{code}: not listed in site.json, so readers will not find it in the archive"
                            ),
                        });
                    }
                }
            }
        }
    }
    problems
}

pub fn run(dir: &Path) -> ExitCode {
    let problems = check_dir(dir);
    for problem in &problems {
        println!("{problem}");
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    println!(
        "okuma check: {errors} error(s), {warnings} warning(s) in {}",
        dir.display()
    );
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
    }

    #[test]
    fn bundled_dataset_is_clean() {
        assert_eq!(check_dir(&bundled()), vec![]);
    }

    #[test]
    fn a_missing_directory_is_one_clear_error() {
        let problems = check_dir(Path::new("/nonexistent/okuma"));
        assert_eq!(problems.len(), 1);
        assert!(problems[0]
            .to_string()
            .contains("site.json: error: cannot read the file"));
    }

    #[test]
    fn a_listed_entry_without_a_file_is_reported() {
        let dir = std::env::temp_dir().join(format!("okuma-check-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("entries")).unwrap();
        std::fs::copy(bundled().join("site.json"), dir.join("site.json")).unwrap();
        let problems = check_dir(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Error);
        assert!(problems[0]
            .message
            .contains("listed in site.json but cannot be read"));
    }
}
