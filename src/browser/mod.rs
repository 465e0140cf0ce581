//! What the browser keeps and does for the reader: the remembered choices
//! (`storage`), their preferred languages, Intl formatting, timing marks
//! for the bench, the crash view, keeping the reader's place and reading
//! offline.

pub mod crash;
// The pre-render formats natively (ICU4X), exactly as the browser does.
#[cfg_attr(not(target_arch = "wasm32"), path = "intl_native.rs")]
pub mod intl;
pub mod offline;
pub mod reading_place;
pub mod storage;
pub mod timing;

/// The browser window, or `None` where there is none: the pre-render runs
/// the same views on the host, where calling into JavaScript would panic.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// Runs `f` before the next paint, once the view just built is in the
/// document. The pre-render paints nothing, so there it never runs.
pub fn next_frame(f: impl FnOnce() + 'static) {
    if cfg!(target_arch = "wasm32") {
        leptos::prelude::request_animation_frame(f);
    }
}

/// The browser's preferred languages, most preferred first (none in the
/// pre-render, which reads as no one in particular).
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = window().map(|w| w.navigator()) else {
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
