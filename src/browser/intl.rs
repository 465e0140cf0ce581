//! Dates formatted by the browser's Intl for the reading language, so that
//! "14 December 2022", "14 Aralık 2022" and "14 декабря 2022 г." come from
//! CLDR rather than from tables of our own.

use js_sys::{Array, Date, Intl, Object, Reflect};
use okuma_core::date::Precision;
use okuma_core::PartialDate;
use wasm_bindgen::JsValue;

/// Formats a date as precisely as it is known: a month-precision date is
/// shown as a month, never with an invented day.
pub fn format_date(date: &PartialDate, locale: &str) -> String {
    let (month, day) = match date.precision() {
        Precision::Year => return date.year.to_string(),
        Precision::Month => (date.month.unwrap_or(1), None),
        Precision::Day => (date.month.unwrap_or(1), date.day),
    };
    // A result list formats a date per card; building a formatter is what
    // costs, so one per (locale, precision) is kept.
    thread_local! {
        static FORMATS: std::cell::RefCell<Vec<(String, bool, js_sys::Function)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let with_day = day.is_some();
    let format = FORMATS.with_borrow_mut(|formats| {
        if let Some((_, _, f)) = formats
            .iter()
            .find(|(l, d, _)| l == locale && *d == with_day)
        {
            return f.clone();
        }
        let options = Object::new();
        let set = |key: &str, value: &str| {
            let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
        };
        set("timeZone", "UTC");
        set("year", "numeric");
        set("month", "long");
        if with_day {
            set("day", "numeric");
        }
        let locales = Array::of1(&JsValue::from_str(locale));
        let f = Intl::DateTimeFormat::new(&locales, &options).format();
        formats.push((locale.to_string(), with_day, f.clone()));
        f
    });
    let millis = Date::utc(date.year as f64, f64::from(month) - 1.0);
    let millis = millis + f64::from(day.unwrap_or(1).saturating_sub(1)) * 86_400_000.0;
    format
        .call1(&JsValue::UNDEFINED, &Date::new(&JsValue::from_f64(millis)))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| date.to_string())
}

/// Whether the browser's Intl has data for `locale` (else it would format
/// with its root locale: "2022 M12 14").
pub fn supports(locale: &str) -> bool {
    let locales = Array::of1(&JsValue::from_str(locale));
    Intl::DateTimeFormat::supported_locales_of(&locales, &Object::new()).length() > 0
}

/// The CLDR plural category of `n` in `locale` ("one", "few", "many", "other").
pub fn plural_category(n: f64, locale: &str) -> String {
    let locales = Array::of1(&JsValue::from_str(locale));
    Intl::PluralRules::new(&locales, &Object::new())
        .select(n)
        .as_string()
        .unwrap_or_else(|| "other".into())
}

/// A counted phrase in the UI language: "4 sources", "4 kaynak", "4 источника".
pub fn count(n: usize, forms: &crate::i18n::Plural, locale: &str) -> String {
    forms.format(&plural_category(n as f64, locale), format_number(n, locale))
}

/// A language's name in the reading language ("Rusça", "английский"), from
/// Intl.DisplayNames; the tag itself if the browser cannot name it.
pub fn language_name(code: &str, locale: &str) -> String {
    let options = Object::new();
    let _ = Reflect::set(
        &options,
        &JsValue::from_str("type"),
        &JsValue::from_str("language"),
    );
    let locales = Array::of1(&JsValue::from_str(locale));
    Intl::DisplayNames::new(&locales, &options)
        .of(code)
        .map(String::from)
        .unwrap_or_else(|| code.to_string())
}

/// Orders strings as a reader of `locale` expects (Turkish puts "ç" after
/// "c", not beside it), through one Intl.Collator: building a collator is
/// the slow part, so a sort makes one and compares with it.
pub struct Collation {
    compare: js_sys::Function,
}

impl Collation {
    pub fn new(locale: &str) -> Collation {
        let locales = Array::of1(&JsValue::from_str(locale));
        Collation {
            compare: Intl::Collator::new(&locales, &Object::new()).compare(),
        }
    }

    pub fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
        let result = self
            .compare
            .call2(
                &JsValue::UNDEFINED,
                &JsValue::from_str(a),
                &JsValue::from_str(b),
            )
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        result
            .partial_cmp(&0.0)
            .unwrap_or(std::cmp::Ordering::Equal)
    }
}

/// A whole number as `locale` writes it ("10,000", "10.000", "10 000").
pub fn format_number(n: usize, locale: &str) -> String {
    // The facet panel formats dozens of counts a keystroke; building the
    // formatter is what costs, so each locale's is kept.
    thread_local! {
        static FORMATS: std::cell::RefCell<Vec<(String, js_sys::Function)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let format = FORMATS.with_borrow_mut(|formats| {
        if let Some((_, f)) = formats.iter().find(|(l, _)| l == locale) {
            return f.clone();
        }
        let locales = Array::of1(&JsValue::from_str(locale));
        let f = Intl::NumberFormat::new(&locales, &Object::new()).format();
        formats.push((locale.to_string(), f.clone()));
        f
    });
    format
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(n as f64))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| n.to_string())
}
