//! Problems found when checking a dataset: each with a place (a JSON path),
//! what is wrong, and a hint at the fix. The publisher's tool prints them
//! all; the reader refuses a file on the first error.

use std::fmt;

/// How bad a problem is: errors make a dataset unusable, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub severity: Severity,
    /// JSON path inside the file (`translations.tr.body[3].id`), or `.` for the whole file.
    pub path: String,
    pub message: String,
    pub hint: Option<String>,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// `error: path: message (hint: …)`; a whole-file issue (path `.`) has no path.
impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.severity.as_str())?;
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

/// Collects issues while a check walks a file.
#[derive(Debug, Default)]
pub struct Issues(pub Vec<Issue>);

impl Issues {
    pub fn error(&mut self, path: impl Into<String>, message: impl Into<String>) -> &mut Issue {
        self.push(Severity::Error, path.into(), message.into())
    }

    pub fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) -> &mut Issue {
        self.push(Severity::Warning, path.into(), message.into())
    }

    fn push(&mut self, severity: Severity, path: String, message: String) -> &mut Issue {
        self.0.push(Issue {
            severity,
            path,
            message,
            hint: None,
        });
        self.0.last_mut().expect("just pushed")
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|i| i.severity == Severity::Error)
    }

    pub fn first_error(&self) -> Option<&Issue> {
        self.0.iter().find(|i| i.severity == Severity::Error)
    }
}

impl Issue {
    /// Adds a hint to an issue just recorded.
    pub fn hint(&mut self, hint: impl Into<String>) {
        self.hint = Some(hint.into());
    }
}
