//! The reader's interface text in every language the UI speaks.
//!
//! The text lives in locale files (`locales/en.toml`, `tr.toml`, `ru.toml`,
//! and any file added there); `build.rs` turns each into one [`Ui`] value,
//! lists them all in [`LOCALES`] and checks that every locale has every
//! key, so a missing string is a compile error, not a blank on screen.
//! Dataset text never comes through here.

/// Every string the interface shows, in one language.
pub struct Ui {
    /// BCP 47 tag, also used as the locale for Intl formatting.
    pub lang: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub skip_to_content: &'static str,
    pub archive: &'static str,
    pub error_network: &'static str,
    /// A failed fetch while the browser is offline, for a page not kept.
    pub error_offline: &'static str,
    /// Shown on every page while the browser is offline.
    pub offline_notice: &'static str,
    pub error_status: &'static str,
    pub error_not_json: &'static str,
    pub error_malformed: &'static str,
    pub error_stale_index: &'static str,
    pub error_hint: &'static str,
    pub not_found_title: &'static str,
    pub not_found_entry: &'static str,
    pub not_found_page: &'static str,
    pub back_to_archive: &'static str,
    pub sources: &'static str,
    pub accessed: &'static str,
    pub ibid: &'static str,
    /// Quotation marks around a source title, by the page's typographic convention.
    pub quote_open: &'static str,
    pub quote_close: &'static str,
    pub back_to_text: &'static str,
    pub note: &'static str,
    pub about_author: &'static str,
    pub by: &'static str,
    /// Label of the language switcher's navigation landmark.
    pub language_nav: &'static str,
    pub unavailable_in: &'static str,
    pub also_available: &'static str,
    /// "Translated from {from} by {by}": the parts around the two names.
    pub translated_from: [&'static str; 3],
    /// "This entry is not available in {lang}; it is shown in {fallback}."
    pub fallback_notice: [&'static str; 3],
    pub read_original: &'static str,
    /// "The address asked for the language "{code}", which this site does not have."
    pub unknown_language_notice: [&'static str; 2],
    /// "{n} min read", by CLDR plural category: one, few, many, other.
    pub minutes_read: Plural,
    /// "{n} sources"
    pub sources_count: Plural,
    pub read_more: &'static str,
    pub similar: &'static str,
    pub also_about: &'static str,
    pub dark_theme: &'static str,
    /// The parallel view control: "Side by side with" and its "off" choice.
    pub parallel: &'static str,
    pub parallel_off: &'static str,
    pub contents: &'static str,
    pub reading_progress: &'static str,
    pub crash_title: &'static str,
    pub crash_body: &'static str,
    pub reload: &'static str,
    // The archive: search, facets, results.
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub all_languages: &'static str,
    pub sort_label: &'static str,
    pub sort_relevance: &'static str,
    pub sort_date: &'static str,
    pub filters: &'static str,
    pub active_filters: &'static str,
    pub remove_filter: &'static str,
    pub clear_all: &'static str,
    pub show_all_values: &'static str,
    pub show_fewer_values: &'static str,
    pub value_order_label: &'static str,
    pub values_by_count: &'static str,
    pub values_by_name: &'static str,
    pub show_more: &'static str,
    pub matched_in: &'static str,
    pub no_results: &'static str,
    pub no_results_try: &'static str,
    pub clear_search: &'static str,
    pub search_unavailable: &'static str,
    pub facets_unavailable: &'static str,
    pub facet_kind: &'static str,
    pub facet_topic: &'static str,
    pub facet_country: &'static str,
    pub facet_organisation: &'static str,
    pub facet_person: &'static str,
    pub facet_author: &'static str,
    pub facet_year: &'static str,
    pub facet_language: &'static str,
    /// "Without "{facet}": {n} entries": the parts around the facet name.
    pub without_facet: [&'static str; 2],
    /// "{n} entries"
    pub results_count: Plural,
    // Inside an entry.
    pub find_in_entry: &'static str,
    pub mentions_of: &'static str,
    pub mentions_none: &'static str,
    pub find_none: &'static str,
    /// "{n} paragraphs match"
    pub paragraphs_found: Plural,
}

impl Ui {
    /// A facet's name ("Country", "Ülke", "Страна").
    pub fn facet(&self, id: &str) -> &'static str {
        match id {
            "kind" => self.facet_kind,
            "topic" => self.facet_topic,
            "country" => self.facet_country,
            "organisation" => self.facet_organisation,
            "person" => self.facet_person,
            "author" => self.facet_author,
            "year" => self.facet_year,
            _ => self.facet_language,
        }
    }
}

/// Forms of a counted phrase by CLDR plural category; `{n}` is the number.
pub struct Plural {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The phrase for `n`, given its CLDR category ("one", "few", "many", "other").
    pub fn format(&self, category: &str, n: impl std::fmt::Display) -> String {
        let form = match category {
            "one" => self.one,
            "few" => self.few,
            "many" => self.many,
            _ => self.other,
        };
        form.replace("{n}", &n.to_string())
    }
}

// One constant per locale file (EN, TR, RU, …) and LOCALES, generated by
// build.rs from locales/*.toml.
include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The interface text written for a language tag, if there is a locale file
/// for it: the exact tag first (`pt-BR`), then its primary subtag (`tr-TR`
/// gets Turkish).
pub fn locale_for(lang: &str) -> Option<&'static Ui> {
    let primary = okuma_core::language_profile::primary_subtag(lang);
    LOCALES
        .iter()
        .find(|ui| ui.lang.eq_ignore_ascii_case(lang))
        .or_else(|| LOCALES.iter().find(|ui| ui.lang == primary))
        .copied()
}

/// The interface text for a language tag, English when no locale file has it.
pub fn ui(lang: &str) -> &'static Ui {
    locale_for(lang).unwrap_or(&EN)
}
