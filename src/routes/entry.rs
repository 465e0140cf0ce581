//! `/{lang}/entries/{slug}`: one entry in the reading language, with its
//! sources and author. The entry file is fetched only when opened.

use crate::api::{fetch_entry, FetchError};
use crate::app::SiteData;
use crate::components::entry_body::EntryBody;
use crate::components::fetch_error::FetchErrorView;
use crate::components::not_found::NotFound;
use crate::components::page_frame::PageFrame;
use crate::components::sources::{AuthorCard, SourceList};
use crate::i18n::{self, Ui};
use crate::intl::format_date;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use okuma_core::{Entry, Site};
use std::sync::Arc;

/// What the page shows once both files have arrived.
#[derive(Clone)]
enum Loaded {
    Entry(Arc<Site>, Arc<Entry>),
    UnknownLanguage(Arc<Site>),
    UnknownSlug,
}

#[component]
pub fn EntryPage() -> impl IntoView {
    let site = SiteData::use_context();
    let params = use_params_map();
    let lang = move || params.read().get("lang").unwrap_or_default();
    let slug = move || params.read().get("slug").unwrap_or_default();

    let loaded = LocalResource::new(move || {
        let (lang, slug) = (lang(), slug());
        async move {
            let site = site.0.await?;
            if site.language(&lang).is_none() {
                return Ok(Loaded::UnknownLanguage(site));
            }
            if okuma_core::site::check_slug(&slug).is_err() {
                return Ok(Loaded::UnknownSlug);
            }
            match fetch_entry(&site, &slug).await {
                Ok(entry) => Ok(Loaded::Entry(site, entry)),
                Err(error) if error.is_not_found() => Ok(Loaded::UnknownSlug),
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
                let lang = lang();
                let ui = i18n::ui(&lang);
                match loaded.await {
                    Ok(Loaded::Entry(site, entry)) => entry_view(&site, &entry, lang).into_any(),
                    Ok(Loaded::UnknownLanguage(site)) => view! {
                        <main id="main" class="page">
                            <NotFound ui message=ui.unknown_language back_href=format!("/{}/", site.default_language) />
                        </main>
                    }.into_any(),
                    Ok(Loaded::UnknownSlug) => view! {
                        <main id="main" class="page">
                            <NotFound ui message=ui.not_found_entry back_href=format!("/{lang}/") />
                        </main>
                    }.into_any(),
                    Err(error) => view! {
                        <main id="main" class="page">
                            <FetchErrorView error ui on_retry=retry />
                        </main>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn entry_view(site: &Site, entry: &Entry, lang: String) -> impl IntoView + use<> {
    let ui = i18n::ui(&lang);
    let Some(code) = site.language(&lang).map(|l| l.code.clone()) else {
        return ().into_any();
    };
    let site_title = site.title_in(&code).to_string();
    let Some(translation) = entry.translations.get(&code) else {
        let entry = entry.clone();
        return view! {
            <PageFrame lang=lang.clone() ui title=site_title.clone() site_title=site_title>
                <MissingTranslation entry ui />
            </PageFrame>
        }
        .into_any();
    };
    let translation = translation.clone();
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
    let sources = (!entry.sources.is_empty())
        .then(|| view! { <SourceList sources=entry.sources.clone() ui /> });
    let authors = entry
        .authors
        .iter()
        .map(|person| view! { <AuthorCard person=person.clone() reading=code.clone() ui /> })
        .collect_view();
    let title = format!("{} — {site_title}", translation.title);
    view! {
        <PageFrame lang=lang.clone() ui title site_title>
            <article class="entry" aria-labelledby="entry-title">
                <header class="entry-header">
                    <h1 id="entry-title">{translation.title}</h1>
                    <p class="entry-meta">{byline} {date}</p>
                </header>
                <div class="entry-body">
                    <EntryBody blocks=translation.body note_label=ui.note />
                </div>
                {sources}
                {authors}
            </article>
        </PageFrame>
    }
    .into_any()
}

/// The entry exists, but not in the reading language: say so and link to
/// the languages it has.
#[component]
fn MissingTranslation(entry: Entry, ui: &'static Ui) -> impl IntoView {
    let links = entry
        .translations
        .iter()
        .map(|(code, t)| {
            let href = format!("/{code}/entries/{}", entry.slug);
            view! { <li><a href=href hreflang=code.to_string() lang=code.to_string()>{t.title.clone()}</a></li> }
        })
        .collect_view();
    view! {
        <section class="notice" role="status">
            <p>{ui.not_in_language}</p>
            <ul>{links}</ul>
        </section>
    }
}
