//! The browser's Intl, natively: the same functions as `intl.rs` for when the
//! app runs on the host (the Leptos `ssr` pre-render), written with ICU4X and
//! its compiled CLDR data.
//!
//! The pre-rendered page is replaced by the one the browser renders, so it
//! must print what the browser prints: "14 Aralık 2022", "10 000" with a
//! no-break space, "Rusça". Both ends read CLDR (Chromium through ICU4C,
//! this through ICU4X), so the strings agree without tables of our own; the
//! tests pin them to what Chromium's Intl gives.

use icu_collator::options::CollatorOptions;
use icu_collator::CollatorBorrowed;
use icu_datetime::fieldsets::{YM, YMD};
use icu_datetime::input::Date;
use icu_datetime::options::YearStyle;
use icu_datetime::pattern::DateTimeNames;
use icu_datetime::provider::names::DatetimeNamesMonthGregorianV1;
use icu_datetime::provider::semantic_skeletons::marker_attrs;
use icu_datetime::provider::Baked;
use icu_datetime::{DateTimeFormatter, DateTimeFormatterPreferences};
use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use icu_locale::names::{
    DisplayNamesPreferences, LanguageDisplay, LanguageIdentifierDisplayName,
    LanguageIdentifierDisplayNameOptions,
};
use icu_locale::{LanguageIdentifier, Locale, LocaleCanonicalizer};
use icu_plurals::{PluralCategory, PluralOperands, PluralRules};
use icu_provider::prelude::*;
use okuma_core::date::Precision;
use okuma_core::PartialDate;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A BCP-47 tag as Intl reads it: parsed and canonicalised, so that the
/// deprecated "iw" is Hebrew and "sh" Serbian in Latin, as in the browser.
/// `None` where Intl would throw a RangeError ("en_US", "123").
fn parse_locale(tag: &str) -> Option<Locale> {
    // ECMA-402 canonicalises every locale it is given (CanonicalizeLocaleList);
    // ICU4X's data is keyed by canonical tags only.
    const CANONICALIZER: LocaleCanonicalizer = LocaleCanonicalizer::new_extended();
    // ICU4X also accepts "_" as a separator; Intl does not.
    if tag.contains('_') {
        return None;
    }
    let mut locale = Locale::try_from_str(tag).ok()?;
    CANONICALIZER.canonicalize(&mut locale);
    Some(locale)
}

/// Formatters by locale tag, `None` for a tag none can be built for.
type Cache<T> = RefCell<HashMap<String, Option<Rc<T>>>>;

/// One value per locale tag, built on first use: the renderer formats
/// thousands of dates and counts, and building a formatter is what costs.
/// Per thread, so no lock is taken (the browser has one thread); `None`
/// remembers a tag that cannot be built, so it is not retried every call.
fn cached<T>(
    cache: &'static std::thread::LocalKey<Cache<T>>,
    locale: &str,
    build: impl FnOnce(&Locale) -> Option<T>,
) -> Option<Rc<T>> {
    if let Some(hit) = cache.with_borrow(|c| c.get(locale).cloned()) {
        return hit;
    }
    let value = parse_locale(locale).and_then(|l| build(&l)).map(Rc::new);
    cache.with_borrow_mut(|c| c.insert(locale.to_string(), value.clone()));
    value
}

/// A date formatter for `$locale` and the field set `$fields`, with its
/// number formatter loaded whatever the pattern: ICU4X 2.4.0 leaves it out
/// of Portuguese "MMMM 'de' y" (month and year), and then prints the year
/// unlocalised, after a debug assertion that would stop a debug build.
/// (A macro, as the bounds for a generic function would be ICU4X's
/// internal data-marker traits.)
macro_rules! date_formatter {
    ($locale:expr, $fields:expr) => {{
        let prefs = DateTimeFormatterPreferences::from($locale);
        let fields = $fields;
        DateTimeFormatter::try_new(prefs, fields)
            .ok()
            .and_then(|f| {
                let mut names = DateTimeNames::from_formatter(prefs, f);
                names.as_mut().include_decimal_formatter().ok()?;
                names.try_into_formatter(fields).ok()
            })
    }};
}

/// Chromium's Intl.DateTimeFormat prints U+202F NARROW NO-BREAK SPACE, which
/// CLDR puts in some patterns (Russian "2022\u{202f}г."), as a plain space
/// (V8 reverts that ICU 72 change, https://crbug.com/1414292), so this does too.
fn browser_spaces(text: String) -> String {
    if text.contains('\u{202f}') {
        text.replace('\u{202f}', " ")
    } else {
        text
    }
}

/// Formats a date as precisely as it is known: a month-precision date is
/// shown as a month, never with an invented day.
pub fn format_date(date: &PartialDate, locale: &str) -> String {
    // Intl.DateTimeFormat(locale, {timeZone: "UTC", year: "numeric",
    // month: "long"[, day: "numeric"]}): the long month and the whole year,
    // never an era (ICU4X's "Full" would print year 77 as "77 AD"), in the
    // locale's own calendar (Thai dates are Buddhist in Chromium too).
    thread_local! {
        static DAYS: Cache<DateTimeFormatter<YMD>> = RefCell::default();
        static MONTHS: Cache<DateTimeFormatter<YM>> = RefCell::default();
    }
    let formatted = match date.precision() {
        Precision::Year => return date.year.to_string(),
        Precision::Month => {
            let format = cached(&MONTHS, locale, |l| {
                date_formatter!(l, YM::long().with_year_style(YearStyle::NoEra))
            });
            let day = Date::try_new_iso(date.year, date.month.unwrap_or(1), 1).ok();
            format
                .zip(day)
                .map(|(format, day)| browser_spaces(format.format(&day).to_string()))
        }
        Precision::Day => {
            let format = cached(&DAYS, locale, |l| {
                date_formatter!(l, YMD::long().with_year_style(YearStyle::NoEra))
            });
            let day =
                Date::try_new_iso(date.year, date.month.unwrap_or(1), date.day.unwrap_or(1)).ok();
            format
                .zip(day)
                .map(|(format, day)| browser_spaces(format.format(&day).to_string()))
        }
    };
    formatted.unwrap_or_else(|| date.to_string())
}

/// Whether CLDR has data for `locale` (else it would format with its root
/// locale: "2022 M12 14"), as Intl.DateTimeFormat.supportedLocalesOf says.
pub fn supports(locale: &str) -> bool {
    let Some(locale) = parse_locale(locale) else {
        return false;
    };
    // A locale the compiled data lacks is one whose lookup falls all the way
    // back to the root locale. Month names, as every locale with dates has
    // its own (root's are "M01"…), so no locale's were merged into root's.
    let locale = DataLocale::from(&locale);
    let request = DataRequest {
        id: DataIdentifierBorrowed::for_marker_attributes_and_locale(marker_attrs::WIDE, &locale),
        ..Default::default()
    };
    match DataProvider::<DatetimeNamesMonthGregorianV1>::load(&Baked, request) {
        Ok(response) => match response.metadata.locale {
            // Found under a parent locale ("tr-TR" under "tr").
            Some(found) => !found.is_unknown(),
            // Found under the locale itself.
            None => !locale.is_unknown(),
        },
        Err(_) => false,
    }
}

/// The CLDR plural category of `n` in `locale` ("one", "few", "many", "other").
pub fn plural_category(n: f64, locale: &str) -> String {
    thread_local! {
        static RULES: Cache<PluralRules> = RefCell::default();
    }
    let Some(rules) = cached(&RULES, locale, |l| {
        // CLDR's plural rules are per language (and a few regions, "pt-PT"),
        // never per script; ICU4X finds none for "sr-Latn", whose parent
        // locale is root, where ICU4C finds Serbian's.
        let mut l = l.clone();
        l.id.script = None;
        PluralRules::try_new_cardinal((&l).into()).ok()
    }) else {
        return "other".into();
    };
    let Some(operands) = plural_operands(n) else {
        return "other".into();
    };
    match rules.category_for(operands) {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
    .into()
}

/// `n` as Intl.PluralRules sees it: formatted first with its default of at
/// most three fraction digits, so 1.0 is "1" (one) and 1.5 keeps its ".5"
/// (Russian "other", not "many"). Not a number or infinite: none.
fn plural_operands(n: f64) -> Option<PluralOperands> {
    if !n.is_finite() {
        return None;
    }
    let text = format!("{n:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let decimal: Decimal = text.parse().ok()?;
    Some(PluralOperands::from(&decimal))
}

/// A counted phrase in the UI language: "4 sources", "4 kaynak", "4 источника".
pub fn count(n: usize, forms: &crate::i18n::Plural, locale: &str) -> String {
    forms.format(&plural_category(n as f64, locale), format_number(n, locale))
}

/// A language's name in the reading language ("Rusça", "английский"), as
/// Intl.DisplayNames gives it; the tag itself if CLDR cannot name it.
pub fn language_name(code: &str, locale: &str) -> String {
    // A page names the same few languages over and over; looking a name up
    // is cheap but not free, so each (code, locale) is kept.
    thread_local! {
        static NAMES: RefCell<HashMap<(String, String), String>> = RefCell::default();
    }
    let key = (code.to_string(), locale.to_string());
    if let Some(name) = NAMES.with_borrow(|n| n.get(&key).cloned()) {
        return name;
    }
    let name = display_name(code, locale).unwrap_or_else(|| code.to_string());
    NAMES.with_borrow_mut(|n| n.insert(key, name.clone()));
    name
}

fn display_name(code: &str, locale: &str) -> Option<String> {
    let subject: LanguageIdentifier = parse_locale(code)?.id;
    let prefs = DisplayNamesPreferences::from(&parse_locale(locale)?);
    // "heavy": every language CLDR names ("tlh" is "Klingon" in Chromium),
    // and dialect names ("Brazilian Portuguese") as Intl's default
    // languageDisplay "dialect" gives; an unknown subtag is printed as the
    // tag ("xx", "xx (United States)"), as Intl's fallback "code" does.
    let mut options = LanguageIdentifierDisplayNameOptions::default();
    // With both a script and a region, ICU4C (so Chromium) does not use the
    // language-and-script dialect name: "zh-Hant-HK" is "Chinese
    // (Traditional, Hong Kong SAR China)", not "Traditional Chinese (Hong
    // Kong SAR China)" as ICU4X's dialect mode gives.
    if subject.script.is_some() && subject.region.is_some() {
        options.language_display = Some(LanguageDisplay::Standard);
    }
    LanguageIdentifierDisplayName::try_new_heavy(prefs, subject, options)
        .ok()
        .map(|name| name.as_borrowed().to_string())
}

/// Orders strings as a reader of `locale` expects (Turkish puts "ç" after
/// "c", not beside it), through one collator: building a collator is the
/// slow part, so a sort makes one and compares with it.
pub struct Collation {
    /// `None` only if not even the root collation could be loaded; then
    /// strings compare by code point rather than not at all.
    collator: Option<CollatorBorrowed<'static>>,
}

impl Collation {
    pub fn new(locale: &str) -> Collation {
        // Intl.Collator's defaults (usage "sort", sensitivity "variant") are
        // ICU's tertiary strength, ICU4X's default too. A tag that cannot be
        // parsed gets the root collation, the order no tailoring changes.
        let locale = parse_locale(locale).unwrap_or(Locale::UNKNOWN);
        Collation {
            collator: CollatorBorrowed::try_new((&locale).into(), CollatorOptions::default()).ok(),
        }
    }

    pub fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
        match &self.collator {
            Some(collator) => collator.compare(a, b),
            None => a.cmp(b),
        }
    }
}

/// A whole number as `locale` writes it ("10,000", "10.000", "10 000").
pub fn format_number(n: usize, locale: &str) -> String {
    // The facet panel formats dozens of counts a keystroke; building the
    // formatter is what costs, so each locale's is kept.
    thread_local! {
        static FORMATS: Cache<DecimalFormatter> = RefCell::default();
    }
    // Intl.NumberFormat's default grouping ("auto") is CLDR's minimum
    // grouping digits, ICU4X's default too: Spanish "1234", "12.345".
    match cached(&FORMATS, locale, |l| {
        DecimalFormatter::try_new(l.into(), Default::default()).ok()
    }) {
        Some(format) => format.format(&Decimal::from(n as i128)).to_string(),
        None => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    //! The expected strings are what Chromium's Intl prints (taken from
    //! Node 20, V8 with full ICU 78 / CLDR 48), so a change of ICU4X or of
    //! its data that would make the pre-render disagree with the browser
    //! fails here.
    use super::*;
    use std::cmp::Ordering;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("a test date")
    }

    #[test]
    fn dates_read_as_in_the_browser() {
        let cases = [
            ("en", "2022-12-14", "December 14, 2022"),
            ("en", "2022-12", "December 2022"),
            ("en", "2022", "2022"),
            ("en", "2023-05-01", "May 1, 2023"),
            ("en", "2023-05", "May 2023"),
            ("tr", "2022-12-14", "14 Aralık 2022"),
            ("tr", "2022-12", "Aralık 2022"),
            ("tr", "2022", "2022"),
            ("tr", "2023-05-01", "1 Mayıs 2023"),
            ("tr", "2024-02-29", "29 Şubat 2024"),
            // A plain space before "г.", where CLDR has U+202F.
            ("ru", "2022-12-14", "14 декабря 2022 г."),
            ("ru", "2022-12", "декабрь 2022 г."),
            ("ru", "2022", "2022"),
            ("ru", "2023-05-01", "1 мая 2023 г."),
            ("ru", "2023-05", "май 2023 г."),
            ("de", "2022-12-14", "14. Dezember 2022"),
            ("de", "2022-12", "Dezember 2022"),
            ("de", "2023-05-01", "1. Mai 2023"),
            // A year before 1000 gets no era.
            ("en", "0999-12-14", "December 14, 999"),
            // Regional tags and the deprecated "iw" (Hebrew).
            ("tr-TR", "2022-12-14", "14 Aralık 2022"),
            ("en-GB", "2022-12-14", "14 December 2022"),
            ("de-CH", "2022-12", "Dezember 2022"),
            ("iw", "2022-12", "דצמבר 2022"),
            // The number formatter ICU4X 2.4.0 leaves out of this pattern.
            ("pt", "2022-12", "dezembro de 2022"),
            ("pt", "2022-12-14", "14 de dezembro de 2022"),
            // The locale's own calendar and digits, as in Chromium.
            ("th", "2022-12-14", "14 ธันวาคม 2565"),
            ("fa", "2022-12-14", "۲۳ آذر ۱۴۰۱"),
            ("ja", "2022-12-14", "2022年12月14日"),
        ];
        for (locale, text, expected) in cases {
            assert_eq!(
                format_date(&date(text), locale),
                expected,
                "{locale} {text}"
            );
        }
    }

    #[test]
    fn a_date_that_cannot_be_formatted_is_shown_as_written() {
        // Fields are public; an impossible day is not a panic.
        let impossible = PartialDate {
            year: 2022,
            month: Some(2),
            day: Some(30),
        };
        assert_eq!(format_date(&impossible, "en"), "2022-02-30");
        assert_eq!(format_date(&date("2022-12-14"), "en_US"), "2022-12-14");
    }

    #[test]
    fn supports_the_locales_cldr_has() {
        for locale in [
            "en", "tr", "ru", "de", "en-US", "tr-TR", "pt-BR", "sr-Latn", "kk",
        ] {
            assert!(supports(locale), "{locale}");
        }
        for locale in ["xx", "tlh", "zz-ZZ", "und", "", "en_US"] {
            assert!(!supports(locale), "{locale:?}");
        }
    }

    #[test]
    fn numbers_group_as_in_the_browser() {
        let numbers = [0, 1, 5, 1234, 10000, 1234567];
        let cases: [(&str, [&str; 6]); 5] = [
            ("en", ["0", "1", "5", "1,234", "10,000", "1,234,567"]),
            ("tr", ["0", "1", "5", "1.234", "10.000", "1.234.567"]),
            // U+00A0 NO-BREAK SPACE, as Chromium prints it.
            (
                "ru",
                [
                    "0",
                    "1",
                    "5",
                    "1\u{a0}234",
                    "10\u{a0}000",
                    "1\u{a0}234\u{a0}567",
                ],
            ),
            ("de", ["0", "1", "5", "1.234", "10.000", "1.234.567"]),
            // Spanish groups only from five digits (CLDR minimumGroupingDigits).
            ("es", ["0", "1", "5", "1234", "10.000", "1.234.567"]),
        ];
        for (locale, expected) in cases {
            for (n, expected) in numbers.into_iter().zip(expected) {
                assert_eq!(format_number(n, locale), expected, "{locale} {n}");
            }
        }
        assert_eq!(format_number(1234567, "fa"), "۱٬۲۳۴٬۵۶۷");
        assert_eq!(format_number(1234567, "hi"), "12,34,567");
        assert_eq!(format_number(1234567, "de-CH"), "1'234'567");
        assert_eq!(format_number(10000, "en_US"), "10000");
    }

    #[test]
    fn plural_categories_as_in_the_browser() {
        let numbers = [1.0, 2.0, 5.0, 11.0, 21.0, 22.0, 25.0];
        let cases = [
            (
                "en",
                ["one", "other", "other", "other", "other", "other", "other"],
            ),
            (
                "tr",
                ["one", "other", "other", "other", "other", "other", "other"],
            ),
            ("ru", ["one", "few", "many", "many", "one", "few", "many"]),
            (
                "sr-Latn",
                ["one", "few", "other", "other", "one", "few", "other"],
            ),
        ];
        for (locale, expected) in cases {
            for (n, expected) in numbers.into_iter().zip(expected) {
                assert_eq!(plural_category(n, locale), expected, "{locale} {n}");
            }
        }
        // Fractions as Intl sees them: at most three fraction digits.
        assert_eq!(plural_category(0.0, "ru"), "many");
        assert_eq!(plural_category(1.5, "ru"), "other");
        assert_eq!(plural_category(1.0004, "en"), "one");
        assert_eq!(plural_category(1.5, "fr"), "one");
        assert_eq!(plural_category(3.0, "ar"), "few");
        assert_eq!(plural_category(f64::NAN, "ru"), "other");
        assert_eq!(plural_category(1.0, "en_US"), "other");
    }

    #[test]
    fn counts_pick_the_form_and_format_the_number() {
        let forms = crate::i18n::Plural {
            one: "{n} источник",
            few: "{n} источника",
            many: "{n} источников",
            other: "{n} источника",
        };
        assert_eq!(count(1, &forms, "ru"), "1 источник");
        assert_eq!(count(22, &forms, "ru"), "22 источника");
        assert_eq!(count(10000, &forms, "ru"), "10\u{a0}000 источников");
    }

    #[test]
    fn language_names_as_in_the_browser() {
        let cases = [
            ("en", ["English", "Turkish", "Russian", "German"]),
            ("tr", ["İngilizce", "Türkçe", "Rusça", "Almanca"]),
            ("ru", ["английский", "турецкий", "русский", "немецкий"]),
            ("de", ["Englisch", "Türkisch", "Russisch", "Deutsch"]),
        ];
        for (locale, expected) in cases {
            for (code, expected) in ["en", "tr", "ru", "de"].into_iter().zip(expected) {
                assert_eq!(language_name(code, locale), expected, "{code} in {locale}");
            }
        }
        let more = [
            ("pt-BR", "en", "Brazilian Portuguese"),
            ("pt-BR", "de", "Portugiesisch (Brasilien)"),
            ("en-US", "tr", "Amerikan İngilizcesi"),
            ("zh-Hant", "ru", "китайский, традиционное письмо"),
            ("sr-Latn", "ru", "сербский (латиница)"),
            ("tr-TR", "en", "Turkish (Türkiye)"),
            (
                "zh-Hant-HK",
                "en",
                "Chinese (Traditional, Hong Kong SAR China)",
            ),
            ("sr-Cyrl-RS", "tr", "Sırpça (Kiril, Sırbistan)"),
            ("tlh", "en", "Klingon"),
            ("iw", "en", "Hebrew"),
            ("sh", "en", "Serbian (Latin)"),
            ("EN", "tr", "İngilizce"),
            ("xx", "en", "xx"),
            ("xx-US", "en", "xx (United States)"),
            ("qaa", "ru", "qaa"),
            ("en_US", "en", "en_US"),
            ("en", "en_US", "en"),
        ];
        for (code, locale, expected) in more {
            assert_eq!(language_name(code, locale), expected, "{code} in {locale}");
        }
    }

    fn sorted(locale: &str, words: &[&'static str]) -> Vec<&'static str> {
        let collation = Collation::new(locale);
        let mut words = words.to_vec();
        words.sort_by(|a, b| collation.compare(a, b));
        words
    }

    #[test]
    fn collation_orders_as_in_the_browser() {
        let turkish = ["çay", "cam", "dağ", "zeytin", "ılık", "ipek"];
        assert_eq!(
            sorted("tr", &turkish),
            ["cam", "çay", "dağ", "ılık", "ipek", "zeytin"]
        );
        assert_eq!(
            sorted("en", &turkish),
            ["cam", "çay", "dağ", "ipek", "ılık", "zeytin"]
        );
        assert_eq!(
            sorted(
                "tr",
                &[
                    "İstanbul",
                    "ırmak",
                    "Çorum",
                    "ceviz",
                    "şeker",
                    "su",
                    "öz",
                    "ot",
                    "üzüm",
                    "uç",
                    "ğ",
                    "g"
                ]
            ),
            [
                "ceviz",
                "Çorum",
                "g",
                "ğ",
                "ırmak",
                "İstanbul",
                "ot",
                "öz",
                "su",
                "şeker",
                "uç",
                "üzüm"
            ]
        );
        assert_eq!(
            sorted(
                "ru",
                &[
                    "ёж",
                    "ель",
                    "еда",
                    "жук",
                    "яблоко",
                    "арбуз",
                    "Ёлка",
                    "ещё",
                    "юг",
                    "эхо",
                    "ь",
                    "ъ"
                ]
            ),
            [
                "арбуз",
                "еда",
                "ёж",
                "Ёлка",
                "ель",
                "ещё",
                "жук",
                "ъ",
                "ь",
                "эхо",
                "юг",
                "яблоко"
            ]
        );
        assert_eq!(
            sorted(
                "de",
                &["Äpfel", "Apfel", "Zebra", "ähnlich", "Ofen", "Öl", "über", "Ufer"]
            ),
            ["ähnlich", "Apfel", "Äpfel", "Ofen", "Öl", "über", "Ufer", "Zebra"]
        );
        // Tertiary strength, as Intl.Collator's default: case still counts.
        let en = Collation::new("en");
        assert_eq!(en.compare("a", "A"), Ordering::Less);
        assert_eq!(en.compare("a", "a"), Ordering::Equal);
        assert_eq!(Collation::new("tr").compare("ı", "i"), Ordering::Less);
        // An unparsable tag sorts by the root collation.
        assert_eq!(Collation::new("en_US").compare("b", "a"), Ordering::Greater);
    }
}
