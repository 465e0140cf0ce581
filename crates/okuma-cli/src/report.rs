//! Problems as the publisher reads them: one line each, with file, line
//! (or JSON path), severity, message and a hint.

use okuma_core::{Issue, Severity};
use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// A line of a Markdown or TOML file, when known.
    pub line: Option<usize>,
    pub severity: Severity,
    /// A JSON path or front-matter field.
    pub path: String,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn error(
        file: &Path,
        line: Option<usize>,
        path: &str,
        message: String,
        hint: Option<String>,
    ) -> Problem {
        Problem {
            file: file.to_path_buf(),
            line,
            severity: Severity::Error,
            path: path.to_string(),
            message,
            hint,
        }
    }

    pub fn warning(
        file: &Path,
        line: Option<usize>,
        path: &str,
        message: String,
        hint: Option<String>,
    ) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(file, line, path, message, hint)
        }
    }

    pub fn from_issue(file: &Path, line: Option<usize>, issue: Issue) -> Problem {
        Problem {
            file: file.to_path_buf(),
            line,
            severity: issue.severity,
            path: issue.path,
            message: issue.message,
            hint: issue.hint,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {level}: ")?;
        if self.path != "." && !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
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
            .filter(|p| p.severity == Severity::Error)
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
