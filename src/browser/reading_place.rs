//! Keeping the reader's place across a language switch: the block at the
//! top of the viewport before the switch is put back at the same height
//! after it. Block ids are aligned across translations, so `p4` in Turkish
//! is `p4` in Russian.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// A block the reader was at: its id, its distance from the viewport top,
/// and the language being switched to (the page is redrawn once `<html
/// lang>` says so; its elements may be new or patched in place).
struct Place {
    id: String,
    top: f64,
    target: String,
}

thread_local! {
    static PENDING: RefCell<Option<Place>> = const { RefCell::new(None) };
}

/// The first body block the reader can see: its bottom is below the
/// sticky header (which covers the top of the viewport).
fn current() -> Option<Place> {
    let document = crate::browser::window()?.document()?;
    let covered = document
        .query_selector(".site-header")
        .ok()
        .flatten()
        .map(|header| header.get_bounding_client_rect().bottom().max(0.0))
        .unwrap_or(0.0);
    let blocks = document.query_selector_all("[data-block]").ok()?;
    (0..blocks.length()).find_map(|i| {
        let element: web_sys::Element = blocks.item(i)?.dyn_into().ok()?;
        let rect = element.get_bounding_client_rect();
        (rect.bottom() > covered + 1.0).then(|| Place {
            id: element.id(),
            top: rect.top(),
            target: String::new(),
        })
    })
}

/// Remembers the current place, to be restored by [`restore`] once the
/// page has been drawn in `target`, the language being switched to.
pub fn keep(target: &str) {
    let place = current().map(|place| Place {
        target: target.to_string(),
        ..place
    });
    PENDING.with(|p| *p.borrow_mut() = place);
}

/// Scrolls the kept block back to where it was, once the page is drawn in
/// the new language (checked each frame, for at most a second).
pub fn restore() {
    restore_within(60);
}

fn restore_within(frames: u32) {
    let Some(window) = crate::browser::window() else {
        return;
    };
    let ready = PENDING.with(|p| {
        let pending = p.borrow();
        let place = pending.as_ref()?;
        let document = window.document()?;
        let drawn = document.document_element()?.get_attribute("lang")? == place.target;
        let element = document.get_element_by_id(&place.id)?;
        drawn.then_some((element, place.top))
    });
    match ready {
        Some((element, top)) => {
            PENDING.with(|p| p.borrow_mut().take());
            let delta = element.get_bounding_client_rect().top() - top;

            window.scroll_by_with_x_and_y(0.0, delta);
        }
        None if frames > 0 && PENDING.with(|p| p.borrow().is_some()) => {
            crate::browser::next_frame(move || restore_within(frames - 1));
        }
        None => {
            PENDING.with(|p| p.borrow_mut().take());
        }
    }
}
