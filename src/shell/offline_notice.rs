//! The offline notice: while the browser has no network, every page says
//! so, and that what the reader opened before is still here (the service
//! worker keeps it: `browser::offline`).

use crate::browser::offline::Online;
use crate::shell::reading::use_reading;
use leptos::prelude::*;

/// Shown at the top of the page while the browser is offline; a polite
/// status, so a screen reader hears it when the network goes.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let ui = use_reading().ui;
    let online = Online::new();
    move || {
        (!online.0.get()).then(|| {
            view! { <p class="notice offline-notice" role="status">{ui.offline_notice}</p> }
        })
    }
}
