//! An entry page's schema.org description, as JSON-LD for a
//! `<script type="application/ld+json">` in its `<head>`: what the text
//! is, in which language, by whom, and which page it is a translation of.
//!
//! The type is `Article` for every kind. Kinds are the publisher's own ids
//! (`analysis`, `explainer`, or any other), so mapping them onto news
//! subtypes (`AnalysisNewsArticle`, `BackgroundNewsArticle`) would hard-code
//! data in code, and `NewsArticle` claims journalism the archive does not
//! (the seed is an academic analysis, not news). `Article` is also the type
//! every consumer of structured data reads.

use super::pages::entry_path;
use super::public_url::PublicUrl;
use super::sitemap::entry_languages;
use crate::entry::{Entry, Provenance};
use crate::language::LanguageCode;
use crate::localised::name_or_id;
use crate::site::Site;
use serde_json::{json, Map, Value};

/// Why an entry page has no JSON-LD in a language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonLdError {
    #[error("the site does not offer {lang:?}, so {slug:?} has no page in it")]
    NotOffered { slug: String, lang: String },
    #[error("{slug:?} is not translated into {lang:?}: describe the translation the page shows")]
    NotTranslated { slug: String, lang: String },
}

/// The JSON-LD of `entry`'s page in `lang`, a language it is translated
/// into; for a page showing a fallback, pass the language shown
/// ([`crate::entry::EntryOutline::shown`]): it describes that text, whose
/// own page it names as its `url`.
///
/// The date is given at the precision it is known (`2022-12`, as ISO 8601
/// allows). A translation names its translator and the page it was
/// translated from (`translationOfWork`); the original lists its
/// translations (`workTranslation`). The text is safe inside a `<script>`
/// element: `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`,
/// so `</script>` in the data cannot close it.
///
/// ```
/// # use okuma_core::{Entry, Site, LanguageCode};
/// # use okuma_core::publish::{article_json_ld, PublicUrl};
/// # let site = Site::from_json(r#"{"format":1,"default_language":"en",
/// #   "languages":[{"code":"en","name":"English"}],
/// #   "title":{"en":"okuma"},"catalog":{"entries":1,"page_size":50,"pages":1}}"#).unwrap();
/// # let entry = Entry::from_json(r#"{"format":1,"slug":"a","kind":"analysis","original_language":"en",
/// #   "date":"2022-12","translations":{"en":{"title":"A </script>","provenance":{"type":"original"},
/// #   "body":[{"id":"p1","type":"paragraph","content":["Some words."]}]}}}"#, &site).unwrap();
/// let url = PublicUrl::parse("https://example.org/").unwrap();
/// let en = LanguageCode::parse("en").unwrap();
/// let text = article_json_ld(&site, &url, &entry, &en).unwrap();
/// assert!(text.contains(r#""datePublished":"2022-12""#));
/// assert!(text.contains(r#""headline":"A \u003c/script\u003e""#));
/// ```
pub fn article_json_ld(
    site: &Site,
    url: &PublicUrl,
    entry: &Entry,
    lang: &LanguageCode,
) -> Result<String, JsonLdError> {
    let missing = |lang: &LanguageCode| (entry.slug.clone(), lang.to_string());
    if !site.offers(lang) {
        let (slug, lang) = missing(lang);
        return Err(JsonLdError::NotOffered { slug, lang });
    }
    let Some(translation) = entry.translations.get(lang) else {
        let (slug, lang) = missing(lang);
        return Err(JsonLdError::NotTranslated { slug, lang });
    };
    let page = |code: &LanguageCode| url.url(&entry_path(code, &entry.slug));
    let person = |name: String| json!({"@type": "Person", "name": name});
    let work =
        |code: &LanguageCode| json!({"@type": "Article", "@id": page(code), "inLanguage": code});
    // Only languages with a page of their own can be linked to.
    let has_page = |code: &LanguageCode| site.offers(code) && entry.translations.contains_key(code);

    let mut article = Map::new();
    let mut put = |key: &str, value: Value| {
        article.insert(key.to_string(), value);
    };
    put("@context", json!("https://schema.org"));
    put("@type", json!("Article"));
    put("@id", json!(page(lang)));
    put("url", json!(page(lang)));
    put("headline", json!(translation.title));
    if !translation.summary.trim().is_empty() {
        put("description", json!(translation.summary));
    }
    put("inLanguage", json!(lang));
    if let Some(date) = entry.date {
        put("datePublished", json!(date.to_string()));
    }
    let authors: Vec<Value> = entry
        .authors
        .iter()
        .map(|p| person(name_or_id(&p.name, lang, &p.id).0))
        .collect();
    if !authors.is_empty() {
        put("author", Value::Array(authors));
    }
    put(
        "publisher",
        json!({"@type": "Organization", "name": site.title_in(lang), "url": url.as_str()}),
    );
    match &translation.provenance {
        Provenance::Translation { from, by, .. } => {
            put("translator", person(name_or_id(&by.name, lang, &by.id).0));
            // The text it was made from; else the original, when that has a page.
            let source = [from, &entry.original_language]
                .into_iter()
                .find(|code| *code != lang && has_page(code));
            if let Some(source) = source {
                put("translationOfWork", work(source));
            }
        }
        Provenance::Original => {
            let translations: Vec<Value> =
                entry_languages(site, |code| code != lang && has_page(code))
                    .into_iter()
                    .map(work)
                    .collect();
            if !translations.is_empty() {
                put("workTranslation", Value::Array(translations));
            }
        }
    }
    Ok(script_safe(&Value::Object(article).to_string()))
}

/// JSON that cannot end or comment out its `<script>` element. `<`, `>`
/// and `&` only ever occur inside JSON strings, where the escapes mean the
/// same characters; U+2028 and U+2029 are escaped for older JavaScript
/// parsers that read the block as a script.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::tests::{code, site};

    fn entry(date: Option<&str>) -> Entry {
        let date = date.map(|d| format!("\"{d}\"")).unwrap_or("null".into());
        let text = format!(
            r#"{{"format":1,"slug":"csto","kind":"explainer","original_language":"en","date":{date},
            "authors":[{{"id":"editors","name":{{"en":"okuma editors","tr":"okuma editörleri"}}}}],
            "translations":{{
              "en":{{"title":"CSTO </script><script>alert(1)</script>","summary":"A & B > C \u2028",
                "provenance":{{"type":"original"}},
                "body":[{{"id":"p1","type":"paragraph","content":["Words."]}}]}},
              "tr":{{"title":"KGAÖ","summary":"","provenance":{{"type":"translation","from":"en",
                "by":{{"id":"editors","name":{{"en":"okuma editors","tr":"okuma editörleri"}}}},"date":"2026-11"}},
                "body":[{{"id":"p1","type":"paragraph","content":["Sözler."]}}]}}}}}}"#
        );
        Entry::from_json(&text, &site()).unwrap()
    }

    fn url() -> PublicUrl {
        PublicUrl::parse("https://user.github.io/okuma/").unwrap()
    }

    fn parsed(entry: &Entry, lang: &str) -> (String, Value) {
        let text = article_json_ld(&site(), &url(), entry, &code(lang)).unwrap();
        let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        (text, value)
    }

    #[test]
    fn hostile_text_cannot_close_the_script_element() {
        let (text, value) = parsed(&entry(Some("2022")), "en");
        for raw in ['<', '>', '&', '\u{2028}'] {
            assert!(!text.contains(raw), "raw {raw:?} in {text}");
        }
        // …and the JSON still says exactly what the data says.
        assert_eq!(value["headline"], "CSTO </script><script>alert(1)</script>");
        assert_eq!(value["description"], "A & B > C \u{2028}");
    }

    #[test]
    fn the_date_keeps_its_precision() {
        for date in ["2022-12-14", "2022-12", "2022"] {
            let (_, value) = parsed(&entry(Some(date)), "en");
            assert_eq!(value["datePublished"], date);
        }
        let (_, undated) = parsed(&entry(None), "en");
        assert!(undated.get("datePublished").is_none());
    }

    #[test]
    fn the_original_lists_its_translations() {
        let (_, value) = parsed(&entry(Some("2022-12")), "en");
        assert_eq!(value["@context"], "https://schema.org");
        assert_eq!(value["@type"], "Article");
        assert_eq!(
            value["url"],
            "https://user.github.io/okuma/en/entries/csto/"
        );
        assert_eq!(value["inLanguage"], "en");
        assert_eq!(
            value["author"],
            json!([{"@type": "Person", "name": "okuma editors"}])
        );
        assert_eq!(
            value["publisher"],
            json!({"@type": "Organization", "name": "okuma", "url": "https://user.github.io/okuma/"})
        );
        assert_eq!(
            value["workTranslation"],
            json!([{"@type": "Article", "@id": "https://user.github.io/okuma/tr/entries/csto/", "inLanguage": "tr"}])
        );
        assert!(value.get("translationOfWork").is_none());
        assert!(value.get("translator").is_none());
    }

    #[test]
    fn a_translation_names_its_original_and_translator_in_its_language() {
        let (_, value) = parsed(&entry(Some("2022-12")), "tr");
        assert_eq!(value["headline"], "KGAÖ");
        assert!(
            value.get("description").is_none(),
            "an empty summary is left out"
        );
        assert_eq!(value["author"][0]["name"], "okuma editörleri");
        assert_eq!(
            value["translator"],
            json!({"@type": "Person", "name": "okuma editörleri"})
        );
        assert_eq!(value["publisher"]["name"], "okuma (tr)");
        assert_eq!(
            value["translationOfWork"],
            json!({"@type": "Article", "@id": "https://user.github.io/okuma/en/entries/csto/", "inLanguage": "en"})
        );
        assert!(value.get("workTranslation").is_none());
    }

    #[test]
    fn a_language_without_the_entry_or_a_page_is_an_error() {
        let entry = entry(None);
        assert!(matches!(
            article_json_ld(&site(), &url(), &entry, &code("ru")),
            Err(JsonLdError::NotTranslated { .. })
        ));
        assert!(matches!(
            article_json_ld(&site(), &url(), &entry, &code("de")),
            Err(JsonLdError::NotOffered { .. })
        ));
    }
}
