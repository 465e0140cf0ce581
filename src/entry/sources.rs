//! The numbered sources under an entry, and the author card.

use crate::browser::intl::format_date;
use crate::shell::reading::use_reading;
use leptos::prelude::*;
use okuma_core::entry::check_href;
use okuma_core::localised::pick;
use okuma_core::{Person, Source};

/// The notes list: each source's title in its own language (with `lang`),
/// publisher and access date, and a link back to where the text cites it.
#[component]
pub fn SourceList(sources: Vec<Source>) -> impl IntoView {
    let ui = use_reading().ui;
    let items = sources
        .into_iter()
        .map(|source| {
            let number = source.number;
            let body = if source.ibid.is_some() {
                view! { <span class="source-ibid">{ui.ibid}</span> }.into_any()
            } else {
                source_details(&source)
            };
            view! {
                <li id=format!("note-{number}") value=number>
                    {body}
                    " "
                    <a class="note-back" href=format!("#ref-{number}") aria-label=ui.back_to_text>"↩"</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">{ui.sources}</h2>
            <ol>{items}</ol>
        </section>
    }
}

/// A source as a reader cites it: “title” (in its own language), publisher
/// (accessed date). Shared by the notes list and the note previews.
pub fn source_details(source: &Source) -> AnyView {
    let reading = use_reading();
    let ui = reading.ui;
    let title = source.title.clone().unwrap_or_default();
    let lang = source.lang.as_ref().map(|l| l.to_string());
    let title = match source.url.clone().filter(|u| check_href(u).is_ok()) {
        Some(url) => view! { <a class="source-title" href=url lang=lang rel="noopener noreferrer">{title}</a> }.into_any(),
        None => view! { <cite class="source-title" lang=lang>{title}</cite> }.into_any(),
    };
    let publisher = source
        .publisher
        .clone()
        .map(|p| view! { ", " <span class="source-publisher">{p}</span> });
    let accessed = source.accessed.map(|d| {
        let when = format_date(&d, reading.locale);
        view! { " (" {ui.accessed} " " <time datetime=d.to_string()>{when}</time> ")" }
    });
    // The marks follow the page's language, outside the title's own `lang`.
    view! { {ui.quote_open} {title} {ui.quote_close} {publisher} {accessed} "." }.into_any()
}

/// Who wrote the entry, with the bio in the reading language when there is
/// one, else in the bio's original language (marked with its `lang`).
#[component]
pub fn AuthorCard(person: Person) -> impl IntoView {
    let reading = use_reading();
    let name = pick(&person.name, reading.code())
        .map(|p| p.value.clone())
        .unwrap_or_default();
    let bio = pick(&person.bio, reading.code()).map(|p| {
        view! { <p class="author-bio" lang=p.lang_attr()>{p.value.text.clone()}</p> }
    });
    view! {
        <aside class="author-card" aria-labelledby="author-title">
            <h2 id="author-title">{reading.ui.about_author}</h2>
            <p class="author-name">{name}</p>
            {bio}
        </aside>
    }
}
