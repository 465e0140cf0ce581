//! `/{lang}/entries/{slug}`: one entry in the reading language (or the best
//! fallback), with its sources, author and the other languages it is in.
//! The entry file holds every translation, so switching language re-renders
//! without fetching, and the reader's paragraph stays in view.

use crate::api::{fetch_entry, FetchError};
use crate::app::SiteData;
use crate::browser::browser_languages;
use crate::components::entry_body::{EntryBody, ParallelBody};
use crate::components::fetch_error::FetchErrorView;
use crate::components::find_in_entry::FindInEntry;
use crate::components::language_switcher::Alternate;
use crate::components::not_found::NotFound;
use crate::components::notice::{correct_language, UnknownLanguageNotice};
use crate::components::page_frame::PageFrame;
use crate::components::similar::SimilarEntries;
use crate::components::sources::{AuthorCard, SourceList};
use crate::i18n;
use crate::intl::{count, format_date, language_name};
use crate::reading_place;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use okuma_core::language_chain::reading_minutes;
use okuma_core::{Entry, LanguageChain, LanguageCode, Provenance, Site};
use std::sync::Arc;

/// What the page shows once the files have arrived.
#[derive(Clone)]
enum Loaded {
    Entry(Arc<Site>, Arc<Entry>),
    UnknownSlug(Arc<Site>),
}

#[component]
pub fn EntryPage() -> impl IntoView {
    let site = SiteData::use_context();
    let params = use_params_map();
    let query = use_query_map();
    let lang = move || params.read().get("lang").unwrap_or_default();
    // A memo, so that a change of language alone does not re-run the load.
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());

    // Keyed by slug only: a language switch re-renders, it does not refetch.
    let loaded = LocalResource::new(move || {
        let slug = slug.get();
        async move {
            let site = site.0.await?;
            if okuma_core::site::check_slug(&slug).is_err() {
                return Ok(Loaded::UnknownSlug(site));
            }
            match fetch_entry(&site, &slug).await {
                Ok(entry) => Ok(Loaded::Entry(site, entry)),
                Err(error) if error.is_not_found() => Ok(Loaded::UnknownSlug(site)),
                Err(error) => Err::<_, FetchError>(error),
            }
        }
    });
    // Retry the file that failed: the site file (which re-runs this page's
    // load through tracking) or else the entry file.
    let retry = move || {
        if matches!(site.0.get_untracked(), Some(Err(_))) {
            site.0.refetch();
        } else {
            loaded.refetch();
        }
    };

    view! {
        <Suspense fallback=move || view! { <p class="loading">{i18n::ui(&lang()).loading}</p> }>
            {move || Suspend::new(async move {
                // The language is read inside the loaded view, not here, so a
                // switch re-renders in place instead of suspending again.
                match loaded.await {
                    Ok(Loaded::Entry(site, entry)) => (move || {
                        let lang = lang();
                        if site.language(&lang).is_none() {
                            correct_language(&lang, site.default_language.as_str());
                            return ().into_any();
                        }
                        let with = query.read().get("with");
                        entry_view(&site, &entry, lang, with).into_any()
                    })
                    .into_any(),
                    Ok(Loaded::UnknownSlug(site)) => (move || {
                        let lang = lang();
                        if site.language(&lang).is_none() {
                            correct_language(&lang, site.default_language.as_str());
                            return ().into_any();
                        }
                        let ui = i18n::ui(&lang);
                        view! {
                            <main id="main" class="page">
                                <NotFound ui message=ui.not_found_entry back_href=format!("/{lang}/") />
                            </main>
                        }
                        .into_any()
                    })
                    .into_any(),
                    Err(error) => {
                        let ui = i18n::ui(&lang());
                        view! {
                            <main id="main" class="page">
                                <FetchErrorView error ui on_retry=retry />
                            </main>
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn entry_view(
    site: &Arc<Site>,
    entry: &Arc<Entry>,
    lang: String,
    with: Option<String>,
) -> impl IntoView + use<> {
    let ui = i18n::ui(&lang);
    let Some(language) = site.language(&lang) else {
        return ().into_any();
    };
    let code = language.code.clone();
    let offered: Vec<LanguageCode> = site.languages.iter().map(|l| l.code.clone()).collect();
    let chain = LanguageChain::new(
        &code,
        &browser_languages(),
        &offered,
        &entry.original_language,
    );
    let Some(shown) = chain.pick(|c| entry.translations.contains_key(c)).cloned() else {
        return ().into_any();
    };
    let Some(translation) = entry.translations.get(&shown).cloned() else {
        return ().into_any();
    };
    let site_title = site.title_in(&code).to_string();
    let slug = entry.slug.clone();
    // The parallel language, if it is a different one the entry has.
    let with = with
        .and_then(|w| LanguageCode::parse(&w).ok())
        .filter(|w| w != &shown && entry.translations.contains_key(w));
    let keep_query = with
        .as_ref()
        .map(|w| format!("?with={w}"))
        .unwrap_or_default();
    let alternates: Vec<Alternate> = site
        .languages
        .iter()
        .map(|l| Alternate {
            code: l.code.to_string(),
            name: l.name.clone(),
            href: (entry.translations.contains_key(&l.code) || l.code == code)
                .then(|| format!("/{}/entries/{slug}{keep_query}", l.code)),
            current: l.code == code,
        })
        .collect();
    let name_of = |c: &LanguageCode| language_name(c.as_str(), ui.lang);

    let fallback = (shown != code).then(|| {
        let original = (shown != entry.original_language).then(|| {
            let href = format!("/{}/entries/{slug}", entry.original_language);
            view! { " " <a href=href hreflang=entry.original_language.to_string()>{ui.read_original}</a> }
        });
        view! {
            <p class="notice fallback-notice" role="status">
                {ui.fallback_notice[0]} {name_of(&code)} {ui.fallback_notice[1]} {name_of(&shown)}
                {ui.fallback_notice[2]} {original}
            </p>
        }
    });
    let others: Vec<_> = site
        .languages
        .iter()
        .filter(|l| l.code != shown && entry.translations.contains_key(&l.code))
        .map(|l| {
            let href = format!("/{}/entries/{slug}", l.code);
            view! { " " <a href=href lang=l.code.to_string() hreflang=l.code.to_string()>{l.name.clone()}</a> }
        })
        .collect();
    let also = (!others.is_empty()).then(|| {
        view! { <p class="also-available">{ui.also_available} {others}</p> }
    });
    let provenance = match &translation.provenance {
        Provenance::Translation { from, by, .. } => {
            // The translator's name in the page's language, else marked with its own.
            let (name_lang, name) = by
                .name
                .get_key_value(&code)
                .or_else(|| by.name.iter().next())
                .map(|(c, n)| ((c != &code).then(|| c.to_string()), n.clone()))
                .unwrap_or_else(|| (None, by.id.clone()));
            Some(view! {
                <p class="provenance">
                    {ui.translated_from[0]} {name_of(from)} {ui.translated_from[1]}
                    <span class="translator" lang=name_lang>{name}</span>
                    {ui.translated_from[2]}
                </p>
            })
        }
        Provenance::Original => None,
    };

    let words: usize = translation
        .body
        .iter()
        .map(|b| b.content.plain_text().split_whitespace().count())
        .sum();
    let minutes = reading_minutes(words, shown.as_str());
    let date = entry.date.map(|d| {
        view! { <time class="entry-date" datetime=d.to_string()>{format_date(&d, ui.lang)}</time> }
    });
    let byline = (!entry.authors.is_empty()).then(|| {
        let names = entry
            .authors
            .iter()
            .filter_map(|p| {
                p.name
                    .get(&code)
                    .or_else(|| p.name.values().next())
                    .cloned()
            })
            .collect::<Vec<_>>()
            .join(", ");
        view! { <span class="entry-byline">{ui.by} " " {names}</span> }
    });
    let sources_count = (!entry.sources.is_empty())
        .then(|| view! { <span>{count(entry.sources.len(), &ui.sources_count, ui.lang)}</span> });
    let sources = (!entry.sources.is_empty())
        .then(|| view! { <SourceList sources=entry.sources.clone() ui /> });
    let authors = entry
        .authors
        .iter()
        .map(|person| view! { <AuthorCard person=person.clone() reading=code.clone() ui /> })
        .collect_view();
    let title = format!("{} — {site_title}", translation.title);
    let article_lang = shown.to_string();
    let note_sources = entry.sources.clone();
    let body = match with
        .as_ref()
        .and_then(|w| entry.translations.get(w).map(|t| (w, t)))
    {
        Some((w, second)) => view! {
            <div class="entry-body parallel">
                <ParallelBody
                    first=translation.body.clone()
                    first_lang=article_lang.clone()
                    second=second.body.clone()
                    second_lang=w.to_string()
                    ui
                    sources=note_sources.clone()
                    entities=entry.entities.clone()
                    reading=lang.clone()
                />
            </div>
        }
        .into_any(),
        None => view! {
            <div class="entry-body" lang=article_lang.clone()>
                <EntryBody
                    blocks=translation.body.clone()
                    ui
                    sources=note_sources
                    entities=entry.entities.clone()
                    reading=lang.clone()
                />
            </div>
        }
        .into_any(),
    };
    let similar = view! {
        <SimilarEntries site=site.clone() entry=entry.clone() reading=code.clone() shown=shown.clone() ui />
    };
    // A contents list when the entry has headings.
    let headings: Vec<(String, String)> = translation
        .body
        .iter()
        .filter(|b| matches!(b.content, okuma_core::BlockContent::Heading { .. }))
        .map(|b| (b.id.clone(), b.content.plain_text()))
        .collect();
    let contents = (!headings.is_empty()).then(|| {
        let items = headings
            .into_iter()
            .map(|(id, text)| view! { <li><a href=format!("#{id}")>{text}</a></li> })
            .collect_view();
        view! {
            <nav class="contents" aria-labelledby="contents-title" lang=article_lang.clone()>
                <h2 id="contents-title">{ui.contents}</h2>
                <ol>{items}</ol>
            </nav>
        }
    });
    let find = view! {
        <FindInEntry
            ui
            blocks=translation.body.clone()
            text_lang=article_lang.clone()
            entities=entry.entities.clone()
            reading=code.clone()
        />
    };
    let dir = language.dir.as_str();
    let parallel = parallel_control(site, entry, &shown, with.as_ref(), ui, &lang);
    // Once drawn, put the reader's paragraph back where it was.
    request_animation_frame(reading_place::restore);
    view! {
        <PageFrame lang=lang.clone() dir ui title site_title description=translation.summary.clone() alternates keep_place=true>
            <UnknownLanguageNotice ui />
            {fallback}
            // The entry's own text carries the language it is shown in; the
            // interface around it stays in the page's language.
            <article class="entry" aria-labelledby="entry-title">
                <header class="entry-header">
                    <h1 id="entry-title" lang=article_lang.clone()>{translation.title.clone()}</h1>
                    <p class="entry-meta">
                        {byline} {date}
                        <span>{count(minutes as usize, &ui.minutes_read, ui.lang)}</span>
                        {sources_count}
                    </p>
                    {provenance}
                    {also}
                </header>
                {contents}
                {find}
                {parallel}
                {body}
                {sources}
                {authors}
            </article>
            {similar}
        </PageFrame>
    }
    .into_any()
}

/// The parallel view control: a labelled select of the entry's other
/// languages; choosing one sets `?with=` (a history entry, so Back undoes it).
fn parallel_control(
    site: &Site,
    entry: &Entry,
    shown: &LanguageCode,
    with: Option<&LanguageCode>,
    ui: &'static i18n::Ui,
    lang: &str,
) -> impl IntoView + use<> {
    let options: Vec<_> = site
        .languages
        .iter()
        .filter(|l| &l.code != shown && entry.translations.contains_key(&l.code))
        .map(|l| {
            let code = l.code.to_string();
            let selected = with.is_some_and(|w| w == &l.code);
            view! { <option value=code.clone() lang=code selected=selected>{l.name.clone()}</option> }
        })
        .collect();
    if options.is_empty() {
        return ().into_any();
    }
    let path = format!("/{lang}/entries/{}", entry.slug);
    let page_lang = lang.to_string();
    let navigate = use_navigate();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let target = if value.is_empty() {
            path.clone()
        } else {
            format!("{path}?with={value}")
        };
        reading_place::keep(&page_lang);
        navigate(
            &target,
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    };
    view! {
        <p class="parallel-control">
            <label for="parallel-with">{ui.parallel}</label>
            " "
            <select id="parallel-with" on:change=on_change>
                <option value="" selected=with.is_none()>{ui.parallel_off}</option>
                {options}
            </select>
        </p>
    }
    .into_any()
}
