//! Problems as the publisher reads them: one line each, with file, line
//! (or JSON path), severity, message and a hint.

use okuma_core::{Issue, Severity};
use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one file: the core's [`Issue`], placed in a file and,
/// for Markdown and TOML, at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub issue: Issue,
}

impl Problem {
    pub fn error(
        file: &Path,
        line: Option<usize>,
        path: &str,
        message: String,
        hint: Option<String>,
    ) -> Problem {
        let issue = Issue {
            severity: Severity::Error,
            path: path.to_string(),
            message,
            hint,
        };
        Problem::from_issue(file, line, issue)
    }

    pub fn warning(
        file: &Path,
        line: Option<usize>,
        path: &str,
        message: String,
        hint: Option<String>,
    ) -> Problem {
        let issue = Issue {
            severity: Severity::Warning,
            path: path.to_string(),
            message,
            hint,
        };
        Problem::from_issue(file, line, issue)
    }

    pub fn from_issue(file: &Path, line: Option<usize>, issue: Issue) -> Problem {
        Problem {
            file: file.to_path_buf(),
            line,
            issue,
        }
    }
}

/// `file:line: error: path: message (hint: …)`
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.issue)
    }
}

/// Problems found so far.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    pub fn errors(&self) -> usize {
        self.0
            .iter()
            .filter(|p| p.issue.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.0.len() - self.errors()
    }

    /// Prints every problem and a summary line; returns whether there were errors.
    pub fn print(&self, what: &str) -> bool {
        for problem in &self.0 {
            println!("{problem}");
        }
        println!(
            "okuma: {what}: {} error(s), {} warning(s)",
            self.errors(),
            self.warnings()
        );
        self.errors() > 0
    }
}
