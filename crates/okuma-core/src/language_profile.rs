//! What okuma knows about each language beyond its tag, in one table:
//! reading speed, the Snowball stemmer its search uses and how it
//! lower-cases. Adding a language to a dataset needs nothing here; adding a
//! row gives it a stemmer and its own reading speed (see `docs/extending.md`).

/// The primary subtag of a BCP 47 tag, lowercased: `tr-TR` → `tr`, `pt_BR` → `pt`.
///
/// ```
/// assert_eq!(okuma_core::language_profile::primary_subtag("TR-tr"), "tr");
/// assert_eq!(okuma_core::language_profile::primary_subtag("pt_BR"), "pt");
/// ```
pub fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// One language's row of the table.
#[derive(Clone, Copy)]
pub struct LanguageProfile {
    /// Silent reading speed in words per minute.
    pub words_per_minute: u32,
    /// Whether I pairs with ı and İ with i (Turkish, Azerbaijani).
    pub dotless_i: bool,
}

/// A language okuma has no row for: split, lower-cased and folded for
/// search, not stemmed; read at 200 words a minute.
const OTHER: LanguageProfile = LanguageProfile {
    words_per_minute: 200,
    dotless_i: false,
};

/// Reading speeds are from Trauzettel-Klosinski et al., 2012 (IReST):
/// English 228, Turkish 166, Russian 184.
const PROFILES: &[(&str, LanguageProfile)] = &[
    (
        "en",
        LanguageProfile {
            words_per_minute: 228,
            dotless_i: false,
        },
    ),
    (
        "tr",
        LanguageProfile {
            words_per_minute: 166,
            dotless_i: true,
        },
    ),
    (
        "ru",
        LanguageProfile {
            words_per_minute: 184,
            dotless_i: false,
        },
    ),
    (
        "az",
        LanguageProfile {
            dotless_i: true,
            ..OTHER
        },
    ),
];

/// The profile of a language tag, by its primary subtag.
///
/// ```
/// use okuma_core::language_profile::profile;
/// assert_eq!(profile("tr-TR").words_per_minute, 166);
/// assert!(profile("az").dotless_i);
/// ```
pub fn profile(tag: &str) -> LanguageProfile {
    let primary = primary_subtag(tag);
    PROFILES
        .iter()
        .find(|(code, _)| *code == primary)
        .map_or(OTHER, |(_, p)| *p)
}

/// Lower-cases `text` as a reader of `lang` expects: Turkish and
/// Azerbaijani pair I with ı, and in every language İ becomes i (the
/// default gives "i" plus a combining dot, which would split "İstanbul" in
/// two). The one casing rule of the search analysis and of similar entries.
///
/// ```
/// use okuma_core::language_profile::lowercase;
/// assert_eq!(lowercase("ISPARTA İstanbul", "tr"), "ısparta istanbul");
/// assert_eq!(lowercase("IRAQ İstanbul", "en"), "iraq istanbul");
/// ```
pub fn lowercase(text: &str, lang: &str) -> String {
    lowercase_with(text, profile(lang).dotless_i)
}

/// [`lowercase`] with the language's choice already made.
pub fn lowercase_with(text: &str, dotless_i: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'I' if dotless_i => out.push('ı'),
            'İ' => out.push('i'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whole minutes to read `words` words in `lang`, at least one.
///
/// ```
/// assert_eq!(okuma_core::language_profile::reading_minutes(600, "tr"), 4);
/// assert_eq!(okuma_core::language_profile::reading_minutes(0, "en"), 1);
/// ```
pub fn reading_minutes(words: usize, lang: &str) -> u32 {
    let wpm = profile(lang).words_per_minute.max(1) as usize;
    (words.div_ceil(wpm)).max(1) as u32
}
