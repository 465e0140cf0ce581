//! `/{lang}/entries/{slug}`: one entry in the reading language (or the best
//! fallback), with its sources, author and the other languages it is in.
//! The entry file holds every translation, so switching language re-renders
//! without fetching, and the reader's paragraph stays in view.

use crate::browser::browser_languages;
use crate::browser::reading_place;
use crate::data::{fetch_catalog_page, fetch_entry, FetchError, Load};
use crate::entry::body::{EntryBody, ParallelBody};
use crate::entry::find::FindInEntry;
use crate::entry::header::{entry_header, fallback_notice};
use crate::entry::parallel::parallel_control;
use crate::entry::similar::SimilarEntries;
use crate::entry::sources::{AuthorCard, SourceList};
use crate::shell::fetch_error::FetchErrorView;
use crate::shell::frame::PageFrame;
use crate::shell::language_switcher::Alternate;
use crate::shell::not_found::NotFound;
use crate::shell::reading::{current_reading, in_reading, Reading, SiteData};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use okuma_core::entry::EntryOutline;
use okuma_core::{CatalogPage, Entry};
use std::sync::Arc;

/// What the page shows once the entry file has arrived.
#[derive(Clone)]
enum Loaded {
    Entry(Arc<Entry>),
    UnknownSlug,
}

#[component]
pub fn EntryPage() -> impl IntoView {
    let site = SiteData::use_context();
    let params = use_params_map();
    let query = use_query_map();
    // A memo, so that a change of language alone does not re-run the load.
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());

    // Keyed by slug only: a language switch re-renders, it does not refetch.
    let loaded = Load::new(move || {
        let slug = slug.get();
        async move {
            let site = site.0.await?;
            if okuma_core::site::check_slug(&slug).is_err() {
                return Ok(Loaded::UnknownSlug);
            }
            match fetch_entry(&site, &slug).await {
                Ok(entry) => Ok(Loaded::Entry(entry)),
                Err(error) if error.is_not_found() => Ok(Loaded::UnknownSlug),
                Err(error) => Err::<_, FetchError>(error),
            }
        }
    });
    // Candidates for similar entries: the newest cards in the reading
    // language. Their own load: it never holds the entry back.
    let reading_code = Memo::new(move |_| current_reading().map(|r| r.code().to_string()));
    let newest = Load::new(move || {
        let lang = reading_code.get();
        async move {
            match lang {
                Some(lang) => fetch_catalog_page(&lang, 1).await.ok(),
                None => None,
            }
        }
    });

    let loading =
        move || current_reading().map(|r| view! { <p class="loading">{r.ui.loading}</p> });
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Loaded::Entry(entry)) => in_reading(move |reading| {
                        let with = query.read().get("with");
                        entry_view(reading, entry.clone(), with, newest)
                    })
                    .into_any(),
                    Ok(Loaded::UnknownSlug) => in_reading(|reading| view! {
                        <main id="main" class="page">
                            <NotFound message=reading.ui.not_found_entry back_href=reading.href("") />
                        </main>
                    })
                    .into_any(),
                    Err(error) => view! {
                        <main id="main" class="page">
                            <FetchErrorView error on_retry=move || loaded.refetch() />
                        </main>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

fn entry_view(
    reading: Reading,
    entry: Arc<Entry>,
    with: Option<String>,
    newest: Load<Option<Arc<CatalogPage>>>,
) -> AnyView {
    let site = reading.site.clone();
    let Some(outline) = EntryOutline::new(
        &site,
        &entry,
        reading.code().as_str(),
        &browser_languages(),
        with.as_deref(),
    ) else {
        return ().into_any();
    };
    let slug = &entry.slug;
    let keep_query = outline
        .with
        .as_ref()
        .map(|w| format!("?with={w}"))
        .unwrap_or_default();
    let alternates: Vec<Alternate> = site
        .languages
        .iter()
        .map(|l| Alternate {
            code: l.code.to_string(),
            name: l.name.clone(),
            href: (outline.has(&l.code) || &l.code == reading.code())
                .then(|| crate::base::path(&format!("{}/entries/{slug}/{keep_query}", l.code))),
            current: &l.code == reading.code(),
        })
        .collect();
    let translation = outline.translation;
    let shown = outline.shown.to_string();
    let body = match outline.parallel() {
        Some((w, second)) => view! {
            <div class="entry-body parallel">
                <ParallelBody
                    first=translation.body.clone()
                    first_lang=shown.clone()
                    second=second.body.clone()
                    second_lang=w.to_string()
                    sources=entry.sources.clone()
                    entities=entry.entities.clone()
                />
            </div>
        }
        .into_any(),
        None => view! {
            <div class="entry-body" lang=shown.clone()>
                <EntryBody
                    blocks=translation.body.clone()
                    sources=entry.sources.clone()
                    entities=entry.entities.clone()
                />
            </div>
        }
        .into_any(),
    };
    let contents = (!outline.headings.is_empty()).then(|| {
        let items = outline
            .headings
            .iter()
            .map(|(id, text)| view! { <li><a href=format!("#{id}")>{text.clone()}</a></li> })
            .collect_view();
        view! {
            <nav class="contents" aria-labelledby="contents-title" lang=shown.clone()>
                <h2 id="contents-title">{reading.ui.contents}</h2>
                <ol>{items}</ol>
            </nav>
        }
    });
    let sources =
        (!entry.sources.is_empty()).then(|| view! { <SourceList sources=entry.sources.clone() /> });
    let authors = entry
        .authors
        .iter()
        .map(|person| view! { <AuthorCard person=person.clone() /> })
        .collect_view();
    let similar_entry = entry.clone();
    let similar_shown = outline.shown.clone();
    let similar = move || {
        let page = newest.get()?;
        // The entry and its similar entries are both drawn (or there are
        // none to draw): the page is what the pre-render showed.
        crate::shell::takeover::page_ready();
        let page = page?;
        Some(
            view! { <SimilarEntries entry=similar_entry.clone() shown=similar_shown.clone() cards=page.entries.clone() /> },
        )
    };
    let title = format!("{} — {}", translation.title, reading.site_title());
    let page_of = |code: &okuma_core::LanguageCode| {
        crate::base::path(&okuma_core::publish::entry_path(code, slug))
    };
    let translations: Vec<(String, String)> = site
        .languages
        .iter()
        .filter(|l| outline.has(&l.code))
        .map(|l| (l.code.to_string(), page_of(&l.code)))
        .collect();
    let canonical = page_of(&outline.shown);
    let x_default = page_of(&entry.original_language);
    let json_ld =
        okuma_core::publish::PublicUrl::parse(&crate::base::absolute(&crate::base::path("")))
            .ok()
            .and_then(|url| {
                okuma_core::publish::article_json_ld(&site, &url, &entry, &outline.shown).ok()
            });
    let description = translation.summary.clone();
    let (notice, header, parallel) = (
        fallback_notice(&outline),
        entry_header(&outline),
        parallel_control(&outline),
    );
    let (find_blocks, entities) = (translation.body.clone(), entry.entities.clone());
    let view = view! {
        <PageFrame title description alternates keep_place=true canonical x_default translations article=true json_ld>
            {notice}
            // The entry's own text carries the language it is shown in; the
            // interface around it stays in the page's language.
            <article class="entry" aria-labelledby="entry-title">
                {header}
                {contents}
                <FindInEntry blocks=find_blocks text_lang=shown.clone() entities />
                {parallel}
                {body}
                {sources}
                {authors}
            </article>
            // Its own boundary: loading similar entries never blanks the entry.
            <Suspense fallback=|| ()>{similar}</Suspense>
        </PageFrame>
    }
    .into_any();
    // Once drawn, put the reader's paragraph back where it was.
    crate::browser::next_frame(reading_place::restore);
    view
}
