//! A thin bar showing how far through the page the reader is. Its motion is
//! a CSS transition that `prefers-reduced-motion` turns off.

use crate::shell::reading::use_reading;
use leptos::prelude::*;

fn fraction_read() -> f64 {
    let Some(window) = crate::browser::window() else {
        return 0.0;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return 0.0;
    };
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let height = f64::from(root.scroll_height())
        - window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
    if height <= 0.0 {
        1.0
    } else {
        (scrolled / height).clamp(0.0, 1.0)
    }
}

#[component]
pub fn ReadingProgress() -> impl IntoView {
    let ui = use_reading().ui;
    // Measured once the page is laid out, then on every scroll.
    let read = RwSignal::new(0.0);
    crate::browser::next_frame(move || read.set(fraction_read()));
    let handle = window_event_listener(leptos::ev::scroll, move |_| read.set(fraction_read()));
    on_cleanup(move || handle.remove());
    view! {
        <div
            class="reading-progress"
            role="progressbar"
            aria-label=ui.reading_progress
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=move || ((read.get() * 100.0).round() as u32).to_string()
        >
            <div class="reading-progress-bar" style:transform=move || scale_x(read.get())></div>
        </div>
    }
}

/// `scaleX(0.4375)` for a fraction, with integer formatting: formatting a
/// float with a precision links ~5 KB of float printing into the wasm.
fn scale_x(fraction: f64) -> String {
    let ten_thousandths = (fraction.clamp(0.0, 1.0) * 10_000.0).round() as u32;
    format!(
        "scaleX({}.{:04})",
        ten_thousandths / 10_000,
        ten_thousandths % 10_000
    )
}
