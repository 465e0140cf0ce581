//! `/{lang}/`: the list of entries in the reading language.

use crate::app::SiteData;
use crate::components::fetch_error::FetchErrorView;
use crate::components::not_found::NotFound;
use crate::components::page_frame::PageFrame;
use crate::i18n;
use crate::intl::format_date;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use okuma_core::Site;

#[component]
pub fn ArchivePage() -> impl IntoView {
    let site = SiteData::use_context();
    let params = use_params_map();
    let lang = move || params.read().get("lang").unwrap_or_default();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{i18n::ui(&lang()).loading}</p> }>
            {move || Suspend::new(async move {
                let lang = lang();
                let ui = i18n::ui(&lang);
                match site.0.await {
                    Ok(site) => archive(&site, lang).into_any(),
                    Err(error) => view! {
                        <main id="main" class="page">
                            <FetchErrorView error ui on_retry=move || site.0.refetch() />
                        </main>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn archive(site: &Site, lang: String) -> impl IntoView + use<> {
    let ui = i18n::ui(&lang);
    let Some(language) = site.language(&lang) else {
        let fallback = site.default_language.to_string();
        return view! {
            <main id="main" class="page">
                <NotFound ui message=ui.unknown_language back_href=format!("/{fallback}/") />
            </main>
        }
        .into_any();
    };
    let code = language.code.clone();
    let site_title = site.title_in(&code).to_string();
    let items = site
        .entries
        .iter()
        .filter_map(|entry| {
            // The reading language's text, else the original's, marked with its lang.
            let (text_lang, text) = entry
                .translations
                .get_key_value(&code)
                .or_else(|| entry.translations.get_key_value(&entry.original_language))
                .or_else(|| entry.translations.iter().next())
                .map(|(l, t)| (l.clone(), t.clone()))?;
            let other_lang = (text_lang != code).then(|| text_lang.to_string());
            let href = format!("/{code}/entries/{}", entry.slug);
            let date = entry.date.map(|d| {
                view! { <time datetime=d.to_string()>{format_date(&d, ui.lang)}</time> }
            });
            Some(view! {
                <li class="entry-card">
                    <h2 lang=other_lang.clone()>
                        <a href=href>{text.title}</a>
                    </h2>
                    <p class="entry-meta">{date}</p>
                    <p class="entry-summary" lang=other_lang>{text.summary}</p>
                </li>
            })
        })
        .collect_view();
    view! {
        <PageFrame lang=code.to_string() ui title=site_title.clone() site_title=site_title.clone()>
            <h1 class="visually-hidden">{ui.archive}</h1>
            <ul class="entry-list">{items}</ul>
        </PageFrame>
    }
    .into_any()
}
