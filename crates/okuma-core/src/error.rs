//! Typed errors for reading a dataset file.

use thiserror::Error;

/// Why a dataset file could not be used.
///
/// Each variant carries enough detail for a publisher to find the problem
/// (the JSON path, the line and column) and for the app to choose a message.
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum DatasetError {
    /// The text is not JSON at all (for example an HTML page, or a file cut short).
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The text is JSON, but a value has the wrong shape.
    #[error("unexpected data at {path} (line {line}, column {column}): {message}")]
    Shape {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The file declares a format version this build does not understand.
    #[error(
        "dataset format {found} is not supported (this reader understands format {supported})"
    )]
    UnsupportedFormat { found: u32, supported: u32 },
    /// The file parsed, but its content contradicts itself.
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

impl DatasetError {
    pub(crate) fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        DatasetError::Invalid {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// Parses JSON into `T`, reporting where a wrong shape was found: the JSON
/// path with the `json-paths` feature, the line and column always.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DatasetError> {
    let mut de = serde_json::Deserializer::from_str(text);
    #[cfg(feature = "json-paths")]
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        classify(inner, path)
    })?;
    #[cfg(not(feature = "json-paths"))]
    let value =
        serde::Deserialize::deserialize(&mut de).map_err(|err| classify(err, String::new()))?;
    de.end().map_err(|err| classify(err, String::new()))?;
    Ok(value)
}

fn classify(err: serde_json::Error, path: String) -> DatasetError {
    use serde_json::error::Category;
    let (line, column) = (err.line(), err.column());
    match err.classify() {
        // A value read whole and then refused (a term dictionary whose
        // parts do not fit) has no position: it contradicts itself.
        Category::Data if line == 0 => DatasetError::Invalid {
            path: if path.is_empty() { ".".into() } else { path },
            message: strip_position(&err.to_string()),
        },
        Category::Data => DatasetError::Shape {
            path: if path.is_empty() { ".".into() } else { path },
            line,
            column,
            message: strip_position(&err.to_string()),
        },
        Category::Syntax | Category::Eof | Category::Io => DatasetError::Syntax {
            line,
            column,
            message: strip_position(&err.to_string()),
        },
    }
}

/// serde_json appends " at line L column C"; we report position separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
