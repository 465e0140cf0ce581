//! The app: loads the site file once for the visit and routes URLs to
//! pages. Every page but `/` sits under `/:lang`, whose route provides the
//! reading context (`shell::reading`).

use crate::archive::page::ArchivePage;
use crate::data::{fetch_site, Load};
use crate::entry::page::EntryPage;
use crate::shell::not_found::NotFoundPage;
use crate::shell::notice::LanguageNotice;
use crate::shell::reading::SiteData;
use crate::shell::root::RootRedirect;
use crate::shell::route::ReadingRoute;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(SiteData(Load::new(fetch_site)));
    provide_context(LanguageNotice(RwSignal::new(None)));

    view! {
        <Router base=crate::base::router_base().unwrap_or_default()>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=RootRedirect />
                <ParentRoute path=path!("/:lang") view=ReadingRoute>
                    <Route path=path!("") view=ArchivePage />
                    <Route path=path!("entries/:slug") view=EntryPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
