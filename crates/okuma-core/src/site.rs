//! The site file (`site.json`): the languages a dataset offers, the site's
//! title per language, and the list of entries with their titles.

use crate::date::PartialDate;
use crate::error::{parse_json, DatasetError};
use crate::language::{Language, LanguageCode};
use crate::FORMAT_VERSION;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The site file: fetched first, small, and enough to draw the archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub format: u32,
    /// The language used when nothing else decides.
    pub default_language: LanguageCode,
    /// Offered languages, in the switcher's order.
    pub languages: Vec<Language>,
    /// The site's name per language.
    pub title: BTreeMap<LanguageCode, String>,
    pub entries: Vec<EntrySummary>,
}

/// What the archive needs to list an entry, without its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntrySummary {
    pub slug: String,
    pub kind: String,
    pub original_language: LanguageCode,
    pub date: Option<PartialDate>,
    /// Title and summary per available language.
    pub translations: BTreeMap<LanguageCode, SummaryText>,
}

/// An entry's title and summary in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryText {
    pub title: String,
    #[serde(default)]
    pub summary: String,
}

#[derive(Deserialize)]
struct FormatProbe {
    format: Option<serde_json::Value>,
}

/// Reads only the `format` field, so that a file from a newer publisher tool
/// is reported as "unsupported format" rather than as a pile of shape errors.
pub(crate) fn check_format(text: &str) -> Result<(), DatasetError> {
    let probe: FormatProbe = parse_json(text)?;
    match probe.format {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION as u64) => Ok(()),
        Some(serde_json::Value::Number(n)) => Err(DatasetError::UnsupportedFormat {
            found: n
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(u32::MAX),
            supported: FORMAT_VERSION,
        }),
        Some(_) => Err(DatasetError::invalid(
            "format",
            "\"format\" must be a number",
        )),
        None => Err(DatasetError::invalid(
            "format",
            "the file has no \"format\" field",
        )),
    }
}

/// A slug is a URL path segment: lowercase letters, digits and hyphens.
pub fn check_slug(slug: &str) -> Result<(), String> {
    let ok = !slug.is_empty()
        && slug.len() <= 200
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "slug {slug:?} must be lowercase letters, digits and single hyphens"
        ))
    }
}

impl Site {
    /// Parses and checks a site file.
    ///
    /// ```
    /// use okuma_core::Site;
    /// let site = Site::from_json(r#"{
    ///   "format": 1, "default_language": "en",
    ///   "languages": [{"code": "en", "name": "English"}],
    ///   "title": {"en": "okuma"}, "entries": []
    /// }"#).unwrap();
    /// assert_eq!(site.default_language.as_str(), "en");
    /// ```
    pub fn from_json(text: &str) -> Result<Site, DatasetError> {
        check_format(text)?;
        let site: Site = parse_json(text)?;
        site.validate()?;
        Ok(site)
    }

    /// Whether the site offers a language.
    pub fn offers(&self, code: &LanguageCode) -> bool {
        self.languages.iter().any(|l| &l.code == code)
    }

    /// The offered language with this code, if any (for URL segments).
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code.as_str() == code)
    }

    /// The site's title in a language, falling back to the default language.
    pub fn title_in(&self, code: &LanguageCode) -> &str {
        self.title
            .get(code)
            .or_else(|| self.title.get(&self.default_language))
            .map(String::as_str)
            .unwrap_or("okuma")
    }

    pub fn entry(&self, slug: &str) -> Option<&EntrySummary> {
        self.entries.iter().find(|e| e.slug == slug)
    }

    pub fn validate(&self) -> Result<(), DatasetError> {
        if self.languages.is_empty() {
            return Err(DatasetError::invalid(
                "languages",
                "the site offers no language",
            ));
        }
        let mut seen = BTreeSet::new();
        for (i, language) in self.languages.iter().enumerate() {
            if !seen.insert(&language.code) {
                return Err(DatasetError::invalid(
                    format!("languages[{i}].code"),
                    format!("language {:?} is listed twice", language.code.as_str()),
                ));
            }
            if language.name.trim().is_empty() {
                return Err(DatasetError::invalid(
                    format!("languages[{i}].name"),
                    "the language has no name",
                ));
            }
        }
        if !self.offers(&self.default_language) {
            return Err(DatasetError::invalid(
                "default_language",
                format!(
                    "{:?} is not one of the site's languages",
                    self.default_language.as_str()
                ),
            ));
        }
        let mut slugs = BTreeSet::new();
        for (i, entry) in self.entries.iter().enumerate() {
            let at = format!("entries[{i}]");
            check_slug(&entry.slug).map_err(|m| DatasetError::invalid(format!("{at}.slug"), m))?;
            if !slugs.insert(entry.slug.as_str()) {
                return Err(DatasetError::invalid(
                    format!("{at}.slug"),
                    format!("slug {:?} is used twice", entry.slug),
                ));
            }
            if entry.translations.is_empty() {
                return Err(DatasetError::invalid(
                    format!("{at}.translations"),
                    "the entry has no translation",
                ));
            }
            for (code, text) in &entry.translations {
                if !self.offers(code) {
                    return Err(DatasetError::invalid(
                        format!("{at}.translations.{code}"),
                        format!(
                            "language {:?} is not one of the site's languages",
                            code.as_str()
                        ),
                    ));
                }
                if text.title.trim().is_empty() {
                    return Err(DatasetError::invalid(
                        format!("{at}.translations.{code}.title"),
                        "the title is empty",
                    ));
                }
            }
        }
        Ok(())
    }
}
