//! The app shell: loads the site file once, provides it to every page, and
//! routes `/{lang}/…` URLs to pages.

use crate::api::{fetch_site, FetchError};
use crate::components::notice::LanguageNotice;
use crate::routes::not_found::NotFoundPage;
use crate::routes::{archive::ArchivePage, entry::EntryPage, root::RootRedirect};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use okuma_core::Site;
use std::sync::Arc;

/// The site file as every page sees it: loading, loaded or failed, with a
/// way to fetch it again.
#[derive(Clone, Copy)]
pub struct SiteData(pub LocalResource<Result<Arc<Site>, FetchError>>);

impl SiteData {
    pub fn use_context() -> SiteData {
        expect_context::<SiteData>()
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(SiteData(LocalResource::new(fetch_site)));
    provide_context(LanguageNotice(RwSignal::new(None)));

    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=RootRedirect />
                <Route path=path!("/:lang") view=ArchivePage />
                <Route path=path!("/:lang/entries/:slug") view=EntryPage />
            </Routes>
        </Router>
    }
}
