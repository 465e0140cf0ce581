//! `/`: sends the reader to the default language's archive.

use crate::app::SiteData;
use crate::components::fetch_error::FetchErrorView;
use crate::i18n;
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn RootRedirect() -> impl IntoView {
    let site = SiteData::use_context();
    let ui = &i18n::EN;
    view! {
        <main id="main" class="page">
            <Suspense fallback=move || view! { <p class="loading">{ui.loading}</p> }>
                {move || Suspend::new(async move {
                    match site.0.await {
                        Ok(site) => {
                            let path = format!("/{}/", site.default_language);
                            view! { <Redirect path=path /> }.into_any()
                        }
                        Err(error) => view! {
                            <FetchErrorView error ui on_retry=move || site.0.refetch() />
                        }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}
