//! What the browser keeps and does for the reader: the remembered choices
//! (`storage`), their preferred languages, Intl formatting, timing marks
//! for the bench, the crash view and keeping the reader's place.

pub mod crash;
pub mod intl;
pub mod reading_place;
pub mod storage;
pub mod timing;

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}
