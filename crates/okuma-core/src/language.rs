//! Languages a dataset is written in.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language tag as used in URLs and `lang` attributes (`en`, `tr`, `ru`, `pt-BR`).
///
/// Kept as the publisher wrote it; [`LanguageCode::parse`] checks its shape
/// (BCP 47 primary subtag plus optional subtags) so that it is safe in a URL
/// path and an HTML attribute.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCode(String);

impl LanguageCode {
    /// Checks and wraps a language tag.
    ///
    /// ```
    /// use okuma_core::LanguageCode;
    /// assert!(LanguageCode::parse("tr").is_ok());
    /// assert!(LanguageCode::parse("pt-BR").is_ok());
    /// assert!(LanguageCode::parse("../etc").is_err());
    /// ```
    pub fn parse(tag: &str) -> Result<Self, String> {
        let mut parts = tag.split('-');
        let primary = parts.next().unwrap_or_default();
        let primary_ok =
            (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
        let rest_ok = parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if primary_ok && rest_ok {
            Ok(LanguageCode(tag.to_string()))
        } else {
            Err(format!(
                "{tag:?} is not a language tag (expected e.g. \"en\", \"tr\", \"pt-BR\")"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for LanguageCode {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        LanguageCode::parse(&value)
    }
}

impl From<LanguageCode> for String {
    fn from(code: LanguageCode) -> String {
        code.0
    }
}

impl fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Writing direction, for the `dir` attribute.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A language the site offers, in the order the language switcher lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub code: LanguageCode,
    /// The language's name in itself ("Türkçe", "Русский").
    pub name: String,
    #[serde(default)]
    pub dir: Direction,
}
