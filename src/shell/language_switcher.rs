//! The language switcher: a navigation landmark listing every language by
//! its native name, the current one marked, missing ones shown as
//! unavailable rather than linked elsewhere.

use crate::browser::reading_place;
use crate::browser::storage::Remembered;
use crate::shell::reading::current_ui;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

/// One language in the switcher.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternate {
    pub code: String,
    /// The language's name in itself ("Türkçe").
    pub name: String,
    /// Where this page is in that language; `None` when it does not exist.
    pub href: Option<String>,
    pub current: bool,
}

/// The switcher. With `keep_place`, following a link keeps the paragraph
/// the reader is at in view (entries); otherwise the new page starts at
/// the top. A language's item stays one node across a switch (its address
/// and `aria-current` change in place), so the link pressed keeps focus.
#[component]
pub fn LanguageSwitcher(
    #[prop(into)] alternates: Signal<Vec<Alternate>>,
    keep_place: bool,
    #[prop(optional)] keep_query: bool,
) -> impl IntoView {
    let navigate = use_navigate();
    // On the archive, each link carries the current search and filters.
    let search = use_location().search;
    let with_query = move |href: &str| {
        if keep_query {
            let query = search.get();
            if query.is_empty() {
                href.to_string()
            } else {
                format!("{href}?{}", query.trim_start_matches('?'))
            }
        } else {
            href.to_string()
        }
    };
    // Keyed by language and whether it is linked: only a language that
    // becomes (un)available is redrawn.
    let items = move || {
        alternates.with(|list| {
            list.iter()
                .map(|a| (a.code.clone(), a.name.clone(), a.href.is_some()))
                .collect::<Vec<_>>()
        })
    };
    let item = move |(code, name, linked): (String, String, bool)| {
        let alternate = {
            let code = code.clone();
            move || alternates.with(|list| list.iter().find(|a| a.code == code).cloned())
        };
        if !linked {
            return view! {
                <li>
                    <span class="unavailable" lang=code aria-disabled="true" title=move || current_ui().unavailable_in>
                        {name}
                    </span>
                    <span class="visually-hidden">" (" {move || current_ui().unavailable_in} ")"</span>
                </li>
            }
            .into_any();
        }
        let href = {
            let alternate = alternate.clone();
            move || alternate().and_then(|a| a.href).unwrap_or_default()
        };
        let current = {
            let alternate = alternate.clone();
            move || alternate().is_some_and(|a| a.current).then_some("true")
        };
        let navigate = navigate.clone();
        let chosen = code.clone();
        let target = href.clone();
        let on_click = move |ev: leptos::ev::MouseEvent| {
            Remembered::Language.set(&chosen);
            // Let the browser handle new tabs and windows.
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0
            {
                return;
            }
            ev.prevent_default();
            if keep_place {
                reading_place::keep(&chosen);
            }
            let target = with_query(&target());
            navigate(&target, crate::base::navigation(false, !keep_place));
        };
        view! {
            <li>
                <a
                    href=move || with_query(&href())
                    lang=code.clone()
                    hreflang=code
                    aria-current=current
                    on:click=on_click
                >
                    {name}
                </a>
            </li>
        }
        .into_any()
    };
    view! {
        <nav class="language-switcher" aria-label=move || current_ui().language_nav>
            <ul>
                <For each=items key=|item| item.clone() children=item />
            </ul>
        </nav>
    }
}
