//! The language switcher: a navigation landmark listing every language by
//! its native name, the current one marked, missing ones shown as
//! unavailable rather than linked elsewhere.

use crate::browser::reading_place;
use crate::browser::storage::Remembered;
use crate::shell::reading::use_reading;
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
/// the top.
#[component]
pub fn LanguageSwitcher(
    alternates: Vec<Alternate>,
    keep_place: bool,
    #[prop(optional)] keep_query: bool,
) -> impl IntoView {
    let ui = use_reading().ui;
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
    let items = alternates
        .into_iter()
        .map(|alt| {
            let Alternate { code, name, href, current } = alt;
            match href {
                Some(href) => {
                    let navigate = navigate.clone();
                    let target = href.clone();
                    let chosen = code.clone();
                    let on_click = move |ev: leptos::ev::MouseEvent| {
                        Remembered::Language.set(&chosen);
                        // Let the browser handle new tabs and windows.
                        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0 {
                            return;
                        }
                        ev.prevent_default();
                        if keep_place {
                            reading_place::keep(&chosen);
                        }
                        let target = with_query(&target);
                        navigate(&target, crate::base::navigation(false, !keep_place));
                    };
                    view! {
                        <li>
                            <a
                                href=move || with_query(&href)
                                lang=code.clone()
                                hreflang=code
                                aria-current=current.then_some("true")
                                on:click=on_click
                            >
                                {name}
                            </a>
                        </li>
                    }
                    .into_any()
                }
                None => view! {
                    <li>
                        <span class="unavailable" lang=code aria-disabled="true" title=ui.unavailable_in>
                            {name}
                        </span>
                        <span class="visually-hidden">" (" {ui.unavailable_in} ")"</span>
                    </li>
                }
                .into_any(),
            }
        })
        .collect_view();
    view! {
        <nav class="language-switcher" aria-label=ui.language_nav>
            <ul>{items}</ul>
        </nav>
    }
}
