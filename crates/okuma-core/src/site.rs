//! The site file (`site.json`): fetched first and small whatever the size of
//! the archive. It names the languages, kinds and topics, and says how many
//! catalog pages there are; everything that grows with the archive lives in
//! other files.

use crate::error::{parse_json, DatasetError};
use crate::issue::Issues;
use crate::language::{Language, LanguageCode};
use crate::FORMAT_VERSION;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A short text per language (a name, a title).
pub type LocalNames = BTreeMap<LanguageCode, String>;

/// The site file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Dataset format version; this reader understands `1`.
    pub format: u32,
    /// The language used when nothing else decides.
    pub default_language: LanguageCode,
    /// Offered languages, in the switcher's order.
    pub languages: Vec<Language>,
    /// The site's name per language.
    #[serde(deserialize_with = "crate::unique::map")]
    pub title: LocalNames,
    /// Names of entry kinds (`analysis`, `explainer`, …) per language.
    #[serde(default, deserialize_with = "crate::unique::map")]
    pub kinds: BTreeMap<String, LocalNames>,
    /// Names of topics per language.
    #[serde(default, deserialize_with = "crate::unique::map")]
    pub topics: BTreeMap<String, LocalNames>,
    /// How the archive is split into catalog pages.
    pub catalog: CatalogIndex,
    /// The address the site is served at, with its sub-path if any
    /// (`https://user.github.io/okuma/`): the base of every absolute URL in
    /// the pre-rendered pages' feeds, sitemap and structured data. An
    /// absolute `http` or `https` URL without query or fragment, ending
    /// with `/`. Absent, the site can be served but not published with
    /// absolute links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_url: Option<String>,
    /// Which deploy these files belong to: stamped into the built site by
    /// its last step (`scripts/offline.mjs`), the same id as in every page's
    /// `<meta name="okuma-build">` and in the service worker. A reader whose
    /// page and data come from different deploys reloads instead of mixing
    /// them. Absent in a dataset fresh from `okuma build`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build: Option<String>,
}

/// Where the archive's entry cards are: `catalog/{lang}/{page}.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CatalogIndex {
    /// Number of entries in the archive.
    #[serde(deserialize_with = "crate::dataset::entry_count")]
    pub entries: u32,
    /// Entry cards per catalog page.
    pub page_size: u32,
    /// Number of pages per language (the same for every language: an entry
    /// missing in a language is listed there in a fallback language).
    pub pages: u32,
}

#[derive(Deserialize)]
struct FormatProbe {
    format: Option<serde_json::Value>,
}

/// Reads only the `format` field, so that a file from a newer publisher tool
/// is reported as "unsupported format" rather than as a pile of shape errors.
pub(crate) fn check_format(text: &str) -> Result<(), DatasetError> {
    let probe: FormatProbe = match parse_json(text) {
        Ok(probe) => probe,
        // Valid JSON, but not an object: say so rather than serde's "expected struct".
        Err(DatasetError::Shape { .. }) => {
            let kind = match text.trim_start().chars().next() {
                Some('[') => "an array",
                Some('"') => "a string",
                Some('n') => "null",
                Some('t' | 'f') => "a boolean",
                _ => "a number",
            };
            return Err(DatasetError::invalid(
                ".",
                format!("the file must hold a JSON object, not {kind}"),
            ));
        }
        Err(other) => return Err(other),
    };
    match probe.format {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION as u64) => Ok(()),
        Some(serde_json::Value::Number(n)) => {
            match n.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(found) => Err(DatasetError::UnsupportedFormat {
                    found,
                    supported: FORMAT_VERSION,
                }),
                None => Err(DatasetError::invalid(
                    "format",
                    format!("\"format\" must be a whole number like {FORMAT_VERSION}, not {n}"),
                )),
            }
        }
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

/// Parses a dataset file that has no checks beyond its format and shape
/// (the search index files, the facet table, the name tables).
pub fn parse_file<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DatasetError> {
    parse_checked(text, |_: &T, _| {})
}

/// Parses a whole file: format version, shape, then the file's own checks.
pub(crate) fn parse_checked<T: serde::de::DeserializeOwned>(
    text: &str,
    check: impl FnOnce(&T, &mut Issues),
) -> Result<T, DatasetError> {
    check_format(text)?;
    let value: T = parse_json(text)?;
    let mut issues = Issues::default();
    check(&value, &mut issues);
    match issues.first_error() {
        Some(issue) => Err(DatasetError::invalid(&issue.path, &issue.message)),
        None => Ok(value),
    }
}

/// A slug or id is a URL path segment: lowercase letters, digits and single hyphens.
pub fn check_slug(slug: &str) -> Result<(), String> {
    let ok = !slug.is_empty()
        && slug.len() <= 200
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--");
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{slug:?} must be lowercase ASCII letters, digits and single hyphens"
        ))
    }
}

/// A deploy's id: 1 to 64 ASCII letters, digits, `.`, `_` or `-`, so that
/// it is safe in a cache name, an attribute and a log line.
pub fn check_build_id(build: &str) -> Result<(), String> {
    let ok = (1..=64).contains(&build.len())
        && build
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "the build id {:?} must be 1 to 64 ASCII letters, digits, '.', '_' or '-'",
            build.chars().take(80).collect::<String>()
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
    ///   "title": {"en": "okuma"},
    ///   "catalog": {"entries": 0, "page_size": 50, "pages": 0}
    /// }"#).unwrap();
    /// assert_eq!(site.default_language.as_str(), "en");
    /// ```
    pub fn from_json(text: &str) -> Result<Site, DatasetError> {
        parse_checked(text, Site::check)
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

    /// Records everything wrong with the site file.
    pub fn check(&self, issues: &mut Issues) {
        if self.languages.is_empty() {
            issues
                .error("languages", "the site offers no language")
                .hint("list at least one language, e.g. {\"code\": \"en\", \"name\": \"English\"}");
        }
        let mut seen = BTreeSet::new();
        for (i, language) in self.languages.iter().enumerate() {
            if !seen.insert(&language.code) {
                issues.error(
                    format!("languages[{i}].code"),
                    format!("language {:?} is listed twice", language.code.as_str()),
                );
            }
            if language.name.trim().is_empty() {
                issues
                    .error(format!("languages[{i}].name"), "the language has no name")
                    .hint("use the language's name in itself, e.g. \"Türkçe\"");
            }
        }
        if let Some(build) = &self.build {
            if let Err(message) = check_build_id(build) {
                issues.error("build", message);
            }
        }
        if !self.offers(&self.default_language) {
            issues
                .error(
                    "default_language",
                    format!(
                        "{:?} is not one of the site's languages",
                        self.default_language.as_str()
                    ),
                )
                .hint("add it to \"languages\" or choose one listed there");
        }
        let names = [("title", &self.title)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .chain(self.kinds.iter().map(|(k, v)| (format!("kinds.{k}"), v)))
            .chain(self.topics.iter().map(|(k, v)| (format!("topics.{k}"), v)));
        for (at, by_language) in names {
            for (code, name) in by_language {
                if !self.offers(code) {
                    issues.error(
                        format!("{at}.{code}"),
                        format!(
                            "language {:?} is not one of the site's languages",
                            code.as_str()
                        ),
                    );
                }
                if name.trim().is_empty() {
                    issues.error(format!("{at}.{code}"), "the name is empty");
                }
            }
        }
        let ids = (self.kinds.keys().map(|id| ("kinds", id)))
            .chain(self.topics.keys().map(|id| ("topics", id)));
        for (table, id) in ids {
            if let Err(message) = check_slug(id) {
                issues.error(format!("{table}.{id}"), message);
            }
        }
        if let Some(url) = &self.public_url {
            if let Err(e) = crate::publish::PublicUrl::parse(url) {
                issues.error("public_url", e.to_string()).hint(
                    "write the address the site is served at, e.g. \"https://example.org/okuma/\"",
                );
            }
        }
        let catalog = &self.catalog;
        if catalog.page_size == 0 {
            issues.error(
                "catalog.page_size",
                "a catalog page must hold at least one entry",
            );
        } else if catalog.pages != catalog.entries.div_ceil(catalog.page_size) {
            issues.error(
                "catalog.pages",
                format!(
                    "{} entries at {} per page make {} pages, not {}",
                    catalog.entries,
                    catalog.page_size,
                    catalog.entries.div_ceil(catalog.page_size),
                    catalog.pages
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site_with(public_url: &str) -> String {
        format!(
            r#"{{"format": 1, "default_language": "en",
              "languages": [{{"code": "en", "name": "English"}}], "title": {{"en": "okuma"}},
              "catalog": {{"entries": 0, "page_size": 50, "pages": 0}}, "public_url": {public_url}}}"#
        )
    }

    #[test]
    fn a_build_id_is_optional_and_safe_in_a_cache_name() {
        let with = |build: &str| {
            site_with("null").replacen(
                "\"format\": 1",
                &format!("\"format\": 1, \"build\": {build}"),
                1,
            )
        };
        let site = Site::from_json(&with("\"3f2a9c01b7e4d5a6\"")).unwrap();
        assert_eq!(site.build.as_deref(), Some("3f2a9c01b7e4d5a6"));
        assert!(Site::from_json(&site_with("null")).unwrap().build.is_none());
        for bad in [
            "\"\"",
            "\"a b\"",
            "\"<script>\"",
            "\"x/../y\"",
            &format!("\"{}\"", "a".repeat(65)),
        ] {
            let message = Site::from_json(&with(bad)).unwrap_err().to_string();
            assert!(message.contains("build"), "{bad}: {message}");
        }
    }

    #[test]
    fn a_public_url_is_optional_and_checked() {
        let site = Site::from_json(&site_with("\"https://user.github.io/okuma/\"")).unwrap();
        assert_eq!(
            site.public_url.as_deref(),
            Some("https://user.github.io/okuma/")
        );
        let error = Site::from_json(&site_with("\"user.github.io/okuma\"")).unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("public_url") && message.contains("absolute URL"),
            "{message}"
        );
        assert!(Site::from_json(&site_with("null"))
            .unwrap()
            .public_url
            .is_none());
    }

    #[test]
    fn an_absent_public_url_is_not_written() {
        let site = Site::from_json(&site_with("null")).unwrap();
        let text = serde_json::to_string(&site).unwrap();
        assert!(!text.contains("public_url"), "{text}");
    }
}
