//! Which language to show: the reader's landing language on `/`, and the
//! ordered fallback chain for an entry missing in the chosen language.

use crate::language::LanguageCode;
use crate::language_profile::primary_subtag as primary;
use crate::site::Site;

/// The offered language that best matches a browser language tag: an exact
/// match first (`pt-BR`), then the same primary language (`tr-TR` → `tr`).
pub fn match_offered<'a>(tag: &str, offered: &'a [LanguageCode]) -> Option<&'a LanguageCode> {
    offered
        .iter()
        .find(|c| c.as_str().eq_ignore_ascii_case(tag))
        .or_else(|| offered.iter().find(|c| primary(c.as_str()) == primary(tag)))
}

/// The language `/` sends a reader to: the one they chose last, else the
/// first of the browser's languages the site has, else the default.
///
/// ```
/// use okuma_core::language_chain::landing_language;
/// # let site = okuma_core::Site::from_json(r#"{"format":1,"default_language":"en",
/// #   "languages":[{"code":"en","name":"English"},{"code":"tr","name":"Türkçe"},{"code":"ru","name":"Русский"}],
/// #   "title":{"en":"okuma"},"catalog":{"entries":0,"page_size":50,"pages":0}}"#).unwrap();
/// assert_eq!(landing_language(None, &["de-DE".into(), "ru-RU".into()], &site).as_str(), "ru");
/// assert_eq!(landing_language(Some("tr"), &["ru".into()], &site).as_str(), "tr");
/// assert_eq!(landing_language(Some("xx"), &["de".into()], &site).as_str(), "en");
/// ```
pub fn landing_language(stored: Option<&str>, browser: &[String], site: &Site) -> LanguageCode {
    let offered: Vec<LanguageCode> = site.languages.iter().map(|l| l.code.clone()).collect();
    stored
        .and_then(|s| offered.iter().find(|c| c.as_str() == s))
        .or_else(|| browser.iter().find_map(|tag| match_offered(tag, &offered)))
        .cloned()
        .unwrap_or_else(|| site.default_language.clone())
}

/// The ordered languages to try for an entry: the chosen one, then the
/// browser's languages, then the entry's original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageChain(pub Vec<LanguageCode>);

impl LanguageChain {
    pub fn new(
        chosen: &LanguageCode,
        browser: &[String],
        offered: &[LanguageCode],
        original: &LanguageCode,
    ) -> Self {
        let mut chain = vec![chosen.clone()];
        for code in browser.iter().filter_map(|tag| match_offered(tag, offered)) {
            if !chain.contains(code) {
                chain.push(code.clone());
            }
        }
        if !chain.contains(original) {
            chain.push(original.clone());
        }
        LanguageChain(chain)
    }

    /// The first language of the chain that `has` accepts.
    pub fn pick(&self, has: impl Fn(&LanguageCode) -> bool) -> Option<&LanguageCode> {
        self.0.iter().find(|code| has(code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language_profile::reading_minutes;

    fn codes(list: &[&str]) -> Vec<LanguageCode> {
        list.iter()
            .map(|c| LanguageCode::parse(c).unwrap())
            .collect()
    }

    #[test]
    fn browser_tags_match_by_exact_tag_then_primary_language() {
        let offered = codes(&["en", "tr", "pt-BR", "pt"]);
        assert_eq!(match_offered("tr-TR", &offered).unwrap().as_str(), "tr");
        assert_eq!(match_offered("pt-BR", &offered).unwrap().as_str(), "pt-BR");
        assert_eq!(match_offered("pt-PT", &offered).unwrap().as_str(), "pt-BR");
        assert_eq!(match_offered("EN-us", &offered).unwrap().as_str(), "en");
        assert!(match_offered("de", &offered).is_none());
    }

    #[test]
    fn the_chain_is_chosen_then_browser_then_original_without_repeats() {
        let offered = codes(&["en", "tr", "ru"]);
        let chain = LanguageChain::new(
            &offered[2],
            &["tr-TR".into(), "ru".into(), "de".into()],
            &offered,
            &offered[0],
        );
        assert_eq!(chain.0, codes(&["ru", "tr", "en"]));
        let has_en_only = |c: &LanguageCode| c.as_str() == "en";
        assert_eq!(chain.pick(has_en_only).unwrap().as_str(), "en");
        let has_tr_en = |c: &LanguageCode| c.as_str() != "ru";
        assert_eq!(
            chain.pick(has_tr_en).unwrap().as_str(),
            "tr",
            "the browser's language before the original"
        );
    }

    #[test]
    fn reading_time_follows_each_languages_reading_speed() {
        assert_eq!(reading_minutes(0, "en"), 1);
        assert_eq!(reading_minutes(700, "en"), 4);
        assert_eq!(reading_minutes(700, "tr"), 5);
        assert_eq!(reading_minutes(700, "ru"), 4);
        assert!(reading_minutes(1000, "tr") > reading_minutes(1000, "en"));
    }
}
