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
    let options = Object::new();
    let set = |key: &str, value: &str| {
        let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    };
    set("timeZone", "UTC");
    set("year", "numeric");
    set("month", "long");
    if day.is_some() {
        set("day", "numeric");
    }
    let locales = Array::of1(&JsValue::from_str(locale));
    let millis = Date::utc(date.year as f64, f64::from(month) - 1.0);
    let millis = millis + f64::from(day.unwrap_or(1).saturating_sub(1)) * 86_400_000.0;
    let format = Intl::DateTimeFormat::new(&locales, &options).format();
    format
        .call1(&JsValue::UNDEFINED, &Date::new(&JsValue::from_f64(millis)))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| date.to_string())
}
