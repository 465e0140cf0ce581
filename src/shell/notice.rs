//! The unknown-language notice: `/xx/…` is corrected to the default
//! language, and the corrected page says why.

use crate::shell::reading::use_reading;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

/// The language code a corrected URL asked for, and the path it was corrected to.
#[derive(Clone, Copy)]
pub struct LanguageNotice(pub RwSignal<Option<(String, String)>>);

/// Replaces the unknown language segment of the current URL with `default`
/// (keeping the rest of the path and the query), and leaves a notice.
pub fn correct_language(unknown: &str, default: &str) {
    let location = use_location();
    let path = location.pathname.get_untracked();
    let rest = crate::base::strip(&path)
        .trim_start_matches('/')
        .split_once('/')
        .map(|(_, r)| r)
        .unwrap_or("");
    // Every page's address ends with `/` (a directory on every host).
    let slash = if rest.is_empty() || rest.ends_with('/') {
        ""
    } else {
        "/"
    };
    let corrected = crate::base::path(&format!("{default}/{rest}{slash}"));
    let search = location.search.get_untracked();
    let target = if search.is_empty() {
        corrected.clone()
    } else {
        format!("{corrected}?{search}")
    };
    if let Some(notice) = use_context::<LanguageNotice>() {
        notice
            .0
            .set(Some((unknown.chars().take(40).collect(), corrected)));
    }
    use_navigate()(&target, crate::base::navigation(true, true));
}

/// Shows the notice on the page it was left for.
#[component]
pub fn UnknownLanguageNotice() -> impl IntoView {
    let ui = use_reading().ui;
    let notice = use_context::<LanguageNotice>();
    let path = use_location().pathname;
    move || {
        let (code, target) = notice?.0.get()?;
        (path.get() == target).then(|| {
            view! {
                <p class="notice" role="status">
                    {ui.unknown_language_notice[0]} {code} {ui.unknown_language_notice[1]}
                </p>
            }
        })
    }
}
