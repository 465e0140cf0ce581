//! An entry's header: its title in the language shown, the meta line
//! (byline, date, reading time, sources), who translated it from what, the
//! other languages it is in; and the notice above it when the reading
//! language lacks the entry.

use crate::browser::intl::{count, format_date, language_name};
use crate::shell::reading::use_reading;
use leptos::prelude::*;
use okuma_core::entry::EntryOutline;

/// "This entry is not available in Turkish; it is shown in English", with
/// a link to the original when the fallback is not the original.
pub fn fallback_notice(outline: &EntryOutline) -> Option<impl IntoView + use<>> {
    if !outline.is_fallback() {
        return None;
    }
    let reading = use_reading();
    let ui = reading.ui;
    let name_of = |c: &okuma_core::LanguageCode| language_name(c.as_str(), reading.locale);
    let entry = outline.entry;
    let original = (outline.shown != entry.original_language).then(|| {
        let href = crate::base::path(&format!("{}/entries/{}/", entry.original_language, entry.slug));
        view! { " " <a href=href hreflang=entry.original_language.to_string()>{ui.read_original}</a> }
    });
    Some(view! {
        <p class="notice fallback-notice" role="status">
            {ui.fallback_notice[0]} {name_of(&outline.reading)} {ui.fallback_notice[1]} {name_of(&outline.shown)}
            {ui.fallback_notice[2]} {original}
        </p>
    })
}

/// The header inside the entry's `<article>`.
pub fn entry_header(outline: &EntryOutline) -> impl IntoView + use<> {
    let reading = use_reading();
    let (ui, locale) = (reading.ui, reading.locale);
    let entry = outline.entry;
    let shown = outline.shown.to_string();
    let others: Vec<_> = outline
        .others
        .iter()
        .map(|l| {
            let href = crate::base::path(&format!("{}/entries/{}/", l.code, entry.slug));
            view! { " " <a href=href lang=l.code.to_string() hreflang=l.code.to_string()>{l.name.clone()}</a> }
        })
        .collect();
    let also = (!others.is_empty()).then(|| {
        view! { <p class="also-available">{ui.also_available} {others}</p> }
    });
    let provenance = outline.translated_from().map(|from| {
        let (name, name_lang) = outline.translator.clone().unwrap_or_default();
        view! {
            <p class="provenance">
                {ui.translated_from[0]} {language_name(from.as_str(), locale)} {ui.translated_from[1]}
                // The translator's name in the page's language, else marked with its own.
                <span class="translator" lang=name_lang>{name}</span>
                {ui.translated_from[2]}
            </p>
        }
    });
    let byline = (!outline.authors.is_empty())
        .then(|| view! { <span class="entry-byline">{ui.by} " " {outline.author_names()}</span> });
    let date = entry.date.map(|d| {
        view! { <time class="entry-date" datetime=d.to_string()>{format_date(&d, locale)}</time> }
    });
    let sources_count = (!entry.sources.is_empty())
        .then(|| view! { <span>{count(entry.sources.len(), &ui.sources_count, locale)}</span> });
    view! {
        <header class="entry-header">
            <h1 id="entry-title" lang=shown>{outline.translation.title.clone()}</h1>
            <p class="entry-meta">
                {byline} {date}
                <span>{count(outline.minutes as usize, &ui.minutes_read, locale)}</span>
                {sources_count}
            </p>
            {provenance}
            {also}
        </header>
    }
}
