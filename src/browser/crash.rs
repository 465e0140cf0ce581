//! The last line of defence: a panic replaces the frozen page with a short
//! "something went wrong" view and a reload link.
//!
//! Built with plain DOM calls and no handler at all (the link reloads this
//! address), because after a panic the wasm instance must not be entered
//! again.

use crate::i18n::ui;
use wasm_bindgen::JsCast;

/// Installs the panic hook: the console gets the panic message, the reader
/// gets [`show_crash_view`].
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_view();
    }));
}

/// Replaces the page body with the crash view, in the page's language.
///
/// Does nothing when there is no document (it never fails itself).
pub fn show_crash_view() {
    let Some(document) = crate::browser::window().and_then(|w| w.document()) else {
        return;
    };
    // A pre-rendered page not yet taken over is still whole and readable:
    // better than any message about the app.
    if document
        .get_element_by_id(crate::shell::takeover::PRERENDERED_ID)
        .is_some()
    {
        return;
    }
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .unwrap_or_default();
    if let Some(body) = document.body() {
        let _ = render_crash_view(&document, &body, &lang);
    }
}

/// Replaces `root`'s children with the crash view in `lang` and focuses its
/// button. Split from [`show_crash_view`] so that it can be tested without
/// wiping the test page.
pub fn render_crash_view(
    document: &web_sys::Document,
    root: &web_sys::Element,
    lang: &str,
) -> Result<(), wasm_bindgen::JsValue> {
    let text = ui(lang);
    root.set_text_content(None);
    {
        let main = document.create_element("main")?;
        main.set_class_name("crash");
        main.set_attribute("role", "alert")?;
        let heading = document.create_element("h1")?;
        heading.set_text_content(Some(text.crash_title));
        let message = document.create_element("p")?;
        message.set_text_content(Some(text.crash_body));
        // A link to this address reloads it. Not a script: after a panic
        // the wasm instance must not be entered again, and the Content
        // Security Policy allows no `new Function`.
        let button: web_sys::HtmlElement = document.create_element("a")?.dyn_into()?;
        let here = crate::browser::window()
            .map(|w| w.location())
            .and_then(|l| Some(format!("{}{}", l.pathname().ok()?, l.search().ok()?)))
            .unwrap_or_else(|| "./".to_string());
        button.set_attribute("href", &here)?;
        button.set_class_name("crash-reload");
        button.set_text_content(Some(text.reload));
        main.append_child(&heading)?;
        main.append_child(&message)?;
        main.append_child(&button)?;
        root.append_child(&main)?;
        button.focus()?;
    }
    Ok(())
}
