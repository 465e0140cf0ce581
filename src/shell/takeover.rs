//! Taking over a pre-rendered page. The page arrives as HTML the app's own
//! views drew (`prerender`), inside `<div id="okuma-prerendered">`. The app
//! mounts beside it, hidden, draws the same page from the dataset, and
//! when that page is ready, [`page_ready`] swaps the two in one frame and
//! keeps the scroll position: the reader sees the same text throughout,
//! nothing moves (the two are the same markup), and from then on the app
//! does what it always does. Without a pre-rendered page (an address the
//! build did not write), the app is shown at once.
//!
//! Why a swap rather than Leptos hydration: hydration needs the browser to
//! rebuild the very same tree from data serialised into every page, and it
//! breaks on the first difference (the reader's remembered theme, their
//! browser's languages). A swap tolerates those and costs no extra code in
//! the wasm.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The element the pre-render wraps its page in.
pub const PRERENDERED_ID: &str = "okuma-prerendered";
/// The element the app mounts in.
pub const APP_ID: &str = "okuma-app";
/// Marks what the pre-render put in `<head>` for its page; the app's own
/// head tags replace them.
pub const PRERENDERED_HEAD: &str = "data-prerendered";

/// Mounts the app: beside a pre-rendered page (hidden until it is ready),
/// or on its own.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let Some(document) = crate::browser::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Ok(root)) = (document.body(), document.create_element("div")) else {
        return;
    };
    root.set_id(APP_ID);
    root.set_class_name("okuma-root");
    let prerendered = document.get_element_by_id(PRERENDERED_ID).is_some();
    if prerendered {
        let _ = root.set_attribute("hidden", "");
    }
    let _ = body.append_child(&root);
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    leptos::mount::mount_to(root, app).forget();
}

/// Called by a page once it has drawn what the reader came for (an entry
/// with its similar entries, the archive's results, a not-found view):
/// shows the app in place of the pre-rendered page, before the next paint.
/// Later calls (every later page) find nothing to swap.
pub fn page_ready() {
    crate::browser::next_frame(swap);
}

/// Called when the app could not draw the page (a failed fetch): the
/// pre-rendered page stays, readable, and the app's alert with its Retry is
/// shown above it; a Retry that works then takes the page over.
pub fn page_failed() {
    crate::browser::next_frame(|| {
        let Some(document) = crate::browser::window().and_then(|w| w.document()) else {
            return;
        };
        let (Some(prerendered), Some(app)) = (
            document.get_element_by_id(PRERENDERED_ID),
            document.get_element_by_id(APP_ID),
        ) else {
            return;
        };
        if let Some(parent) = prerendered.parent_node() {
            let _ = parent.insert_before(&app, Some(&prerendered));
        }
        let _ = app.remove_attribute("hidden");
    });
}

fn swap() {
    let Some(window) = crate::browser::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(prerendered) = document.get_element_by_id(PRERENDERED_ID) else {
        return;
    };
    let Some(app) = document.get_element_by_id(APP_ID) else {
        return;
    };
    let (x, y) = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    // Where the reader had focus (a link they tabbed to), by id if it has one.
    let focused = document
        .active_element()
        .filter(|el| prerendered.contains(Some(el)))
        .map(|el| el.id())
        .filter(|id| !id.is_empty());
    if let Ok(head) = document.query_selector_all(&format!("[{PRERENDERED_HEAD}]")) {
        for i in 0..head.length() {
            if let Some(node) = head.item(i) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
    prerendered.remove();
    let _ = app.remove_attribute("hidden");
    window.scroll_to_with_x_and_y(x, y);
    if let Some(el) = focused
        .and_then(|id| document.get_element_by_id(&id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
