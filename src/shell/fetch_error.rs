//! The one view for a failed fetch: a localised alert and a working Retry.

use crate::data::FetchError;
use crate::shell::reading::ui_here;
use leptos::prelude::*;

/// Shows why data could not be loaded, logs the detail to the console and
/// offers Retry.
///
/// ```text
/// view! { <FetchErrorView error=err on_retry=move || site.refetch() /> }
/// ```
#[component]
pub fn FetchErrorView(error: FetchError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    // Also shown when the site itself failed, before there is a reading.
    let ui = ui_here();
    leptos::logging::error!("okuma: {error}");
    crate::shell::takeover::page_failed();
    // Offline, a page never kept is not the server's fault.
    let offline = matches!(error, FetchError::Network { .. })
        && crate::browser::offline::Online::offline_now();
    let message = if offline {
        ui.error_offline.to_string()
    } else {
        error.message(ui)
    };
    view! {
        <div class="alert" role="alert">
            <p class="alert-message">{message}</p>
            <p class="alert-hint">{ui.error_hint}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {ui.retry}
            </button>
        </div>
    }
}
