//! `/`: sends the reader to their language: the one they chose last, else
//! the first of the browser's languages the site has, else the default.
//! It only ever redirects from `/`, so an explicit URL always wins.

use crate::browser::browser_languages;
use crate::browser::storage::Remembered;
use crate::i18n;
use crate::shell::fetch_error::FetchErrorView;
use crate::shell::reading::SiteData;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use okuma_core::landing_language;

#[component]
pub fn RootRedirect() -> impl IntoView {
    let site = SiteData::use_context();
    let browser = browser_languages();
    let ui = i18n::ui(browser.first().map(String::as_str).unwrap_or("en"));
    view! {
        <main id="main" class="page">
            <Suspense fallback=move || view! { <p class="loading">{ui.loading}</p> }>
                {move || {
                    let browser = browser.clone();
                    Suspend::new(async move {
                        match site.0.await {
                            Ok(site) => {
                                let code = landing_language(Remembered::Language.get().as_deref(), &browser, &site);
                                let options = crate::base::navigation(true, true);
                                view! { <Redirect path=crate::base::path(&format!("{code}/")) options /> }.into_any()
                            }
                            Err(error) => view! {
                                <FetchErrorView error on_retry=move || site.0.refetch() />
                            }
                            .into_any(),
                        }
                    })
                }}
            </Suspense>
        </main>
    }
}
