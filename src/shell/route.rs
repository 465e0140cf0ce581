//! `/:lang`, the route every page but `/` sits under: it awaits the site
//! once, corrects a language the site does not offer once, and provides the
//! reading context (`shell::reading`) to the page it renders.

use crate::i18n;
use crate::shell::fetch_error::FetchErrorView;
use crate::shell::notice::correct_language;
use crate::shell::reading::{Reading, ReadingContext, SiteData};
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params_map;

/// `/:lang`: awaits the site, corrects a language the site does not offer
/// (to the default, with a notice), and renders the page under it with its
/// [`Reading`].
#[component]
pub fn ReadingRoute() -> impl IntoView {
    let site = SiteData::use_context();
    let params = use_params_map();
    let lang = Memo::new(move |_| params.read().get("lang").unwrap_or_default());
    let reading = Memo::new(move |_| {
        let site = site.0.get()?.ok()?;
        Reading::new(site, &lang.get())
    });
    provide_context(ReadingContext(reading));
    let offered = Memo::new(move |_| reading.with(Option::is_some));
    let loading = move || view! { <p class="loading">{i18n::ui(&lang.get()).loading}</p> };
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match site.0.await {
                    // Only whether the language is offered re-renders here:
                    // a switch between offered ones re-renders the page, not the route.
                    Ok(loaded) => (move || {
                        if offered.get() {
                            view! { <Outlet /> }.into_any()
                        } else {
                            correct_language(&lang.get_untracked(), loaded.default_language.as_str());
                            loading().into_any()
                        }
                    })
                    .into_any(),
                    Err(error) => view! {
                        <main id="main" class="page">
                            <FetchErrorView error on_retry=move || site.0.refetch() />
                        </main>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}
