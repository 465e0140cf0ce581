//! Picking a dataset text for the reading language: the one rule every
//! name, title and bio follows when the reader's language lacks it.

use crate::language::LanguageCode;
use crate::language_profile::primary_subtag;
use std::collections::BTreeMap;

/// A value chosen for a reading language, and the language it is in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Picked<'a, T> {
    pub value: &'a T,
    pub lang: &'a LanguageCode,
    /// Whether it is not in the reading language (then mark it with its `lang`).
    pub fallback: bool,
}

impl<'a, T> Picked<'a, T> {
    /// The language to put in a `lang` attribute: only when it differs from
    /// the page's.
    pub fn lang_attr(&self) -> Option<String> {
        self.fallback.then(|| self.lang.to_string())
    }
}

/// The value in the reading language; else in a language with the same
/// primary subtag (`pt` for `pt-BR`); else the first there is, in tag order.
/// `None` only when there is no value at all.
///
/// ```
/// use okuma_core::localised::pick;
/// use okuma_core::LanguageCode;
/// let code = |c: &str| LanguageCode::parse(c).unwrap();
/// let names = [(code("en"), "Kazakhstan"), (code("tr"), "Kazakistan")].into_iter().collect();
/// assert_eq!(*pick(&names, &code("tr")).unwrap().value, "Kazakistan");
/// let fallback = pick(&names, &code("ru")).unwrap();
/// assert_eq!((*fallback.value, fallback.lang_attr()), ("Kazakhstan", Some("en".to_string())));
/// ```
pub fn pick<'a, T>(
    by_language: &'a BTreeMap<LanguageCode, T>,
    reading: &LanguageCode,
) -> Option<Picked<'a, T>> {
    if let Some((lang, value)) = by_language.get_key_value(reading) {
        return Some(Picked {
            value,
            lang,
            fallback: false,
        });
    }
    let primary = primary_subtag(reading.as_str());
    by_language
        .iter()
        .find(|(lang, _)| primary_subtag(lang.as_str()) == primary)
        .or_else(|| by_language.iter().next())
        .map(|(lang, value)| Picked {
            value,
            lang,
            fallback: true,
        })
}

/// A name for the reading language by [`pick`], or the id itself when the
/// data has no name at all (so a facet value or a kind never shows blank).
///
/// ```
/// use okuma_core::localised::name_or_id;
/// use okuma_core::LanguageCode;
/// let none = Default::default();
/// assert_eq!(name_or_id(&none, &LanguageCode::parse("en").unwrap(), "analysis"), ("analysis".to_string(), None));
/// ```
pub fn name_or_id(
    names: &BTreeMap<LanguageCode, String>,
    reading: &LanguageCode,
    id: &str,
) -> (String, Option<String>) {
    match pick(names, reading) {
        Some(p) => (p.value.clone(), p.lang_attr()),
        None => (id.to_string(), None),
    }
}
