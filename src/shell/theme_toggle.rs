//! Light and dark themes: the system's choice (`prefers-color-scheme`) until
//! the reader presses the toggle; then theirs, remembered.

use crate::browser::storage::Remembered;
use crate::shell::reading::use_reading;
use leptos::prelude::*;

fn html() -> Option<web_sys::Element> {
    crate::browser::window()?.document()?.document_element()
}

fn system_prefers_dark() -> bool {
    crate::browser::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

fn stored() -> Option<String> {
    Remembered::Theme.get()
}

/// Applies the remembered theme, if any, to `<html data-theme>`. Called at start.
pub fn apply_stored_theme() {
    if let (Some(theme), Some(html)) = (stored(), html()) {
        let _ = html.set_attribute("data-theme", &theme);
    }
}

/// A toggle button (`aria-pressed`) for the dark theme.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let ui = use_reading().ui;
    let dark = RwSignal::new(match stored().as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => system_prefers_dark(),
    });
    let toggle = move |_| {
        let next = !dark.get_untracked();
        dark.set(next);
        let theme = if next { "dark" } else { "light" };
        if let Some(html) = html() {
            let _ = html.set_attribute("data-theme", theme);
        }
        Remembered::Theme.set(theme);
    };
    view! {
        <button type="button" class="theme-toggle" aria-pressed=move || dark.get().to_string() on:click=toggle>
            <span aria-hidden="true">"◐ "</span>
            {ui.dark_theme}
        </button>
    }
}
