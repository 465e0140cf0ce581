//! What the browser knows about the reader: the language they chose last
//! (kept in localStorage) and their preferred languages (navigator).

/// localStorage key of the reader's last explicit language choice.
const CHOSEN_LANGUAGE: &str = "okuma.language";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language the reader chose last, if any (and if storage is allowed).
pub fn chosen_language() -> Option<String> {
    storage()?.get_item(CHOSEN_LANGUAGE).ok().flatten()
}

/// Remembers an explicit choice; private modes without storage just forget.
pub fn remember_language(code: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(CHOSEN_LANGUAGE, code);
    }
}

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
