//! `/{lang}/`: the archive's entries in the reading language, newest first.

use crate::api::{fetch_catalog_page, FetchError};
use crate::app::SiteData;
use crate::components::fetch_error::FetchErrorView;
use crate::components::language_switcher::Alternate;
use crate::components::notice::{correct_language, UnknownLanguageNotice};
use crate::components::page_frame::PageFrame;
use crate::i18n;
use crate::intl::format_date;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};
use okuma_core::{CatalogPage, LanguageCode, Site};
use std::sync::Arc;

/// What the archive shows once its files have arrived.
#[derive(Clone)]
enum Loaded {
    Page(Arc<Site>, Option<Arc<CatalogPage>>),
    UnknownLanguage(Arc<Site>),
}

#[component]
pub fn ArchivePage() -> impl IntoView {
    let site = SiteData::use_context();
    let params = use_params_map();
    let lang = move || params.read().get("lang").unwrap_or_default();
    let loaded = LocalResource::new(move || {
        let lang = lang();
        async move {
            let site = site.0.await?;
            if site.language(&lang).is_none() {
                return Ok(Loaded::UnknownLanguage(site));
            }
            let page = if site.catalog.pages > 0 {
                Some(fetch_catalog_page(&lang, 1).await?)
            } else {
                None
            };
            Ok::<_, FetchError>(Loaded::Page(site, page))
        }
    });
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
                    Ok(Loaded::Page(site, page)) => archive(&site, page, lang).into_any(),
                    Ok(Loaded::UnknownLanguage(site)) => {
                        correct_language(&lang, site.default_language.as_str());
                        view! { <p class="loading">{ui.loading}</p> }.into_any()
                    }
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

fn archive(site: &Site, page: Option<Arc<CatalogPage>>, lang: String) -> impl IntoView + use<> {
    let ui = i18n::ui(&lang);
    let code = LanguageCode::parse(&lang).unwrap_or_else(|_| site.default_language.clone());
    let site_title = site.title_in(&code).to_string();
    // Switching language keeps the query (search and filters).
    let search = use_location().search.get_untracked();
    let query = if search.is_empty() {
        String::new()
    } else {
        format!("?{search}")
    };
    let alternates = site
        .languages
        .iter()
        .map(|l| Alternate {
            code: l.code.to_string(),
            name: l.name.clone(),
            href: Some(format!("/{}/{query}", l.code)),
            current: l.code == code,
        })
        .collect();
    let items = page
        .map(|page| page.entries.clone())
        .unwrap_or_default()
        .into_iter()
        .map(|card| {
            // A card in a fallback language carries that language's tag.
            let other_lang = (card.lang != code).then(|| card.lang.to_string());
            let href = format!("/{code}/entries/{}", card.slug);
            let kind = site
                .kinds
                .get(&card.kind)
                .and_then(|names| names.get(&code))
                .cloned()
                .unwrap_or_else(|| card.kind.clone());
            let date = card.date.map(|d| {
                view! { <time datetime=d.to_string()>{format_date(&d, ui.lang)}</time> }
            });
            view! {
                <li class="entry-card">
                    <h2 lang=other_lang.clone()>
                        <a href=href>{card.title}</a>
                    </h2>
                    <p class="entry-meta">
                        <span class="entry-kind">{kind}</span>
                        {date}
                    </p>
                    <p class="entry-summary" lang=other_lang>{card.summary}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageFrame lang=code.to_string() ui title=site_title.clone() site_title=site_title.clone() alternates>
            <UnknownLanguageNotice ui />
            <h1 class="visually-hidden">{ui.archive}</h1>
            <ul class="entry-list">{items}</ul>
        </PageFrame>
    }
}
