//! Text with its matches in `<mark>`: the segments come from okuma-core's
//! highlighter, and every piece is rendered as text, never as HTML.

use leptos::prelude::*;
use okuma_core::search::Segment;

/// Renders highlighted segments.
#[component]
pub fn Highlighted(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| {
            if s.hit {
                view! { <mark>{s.text}</mark> }.into_any()
            } else {
                s.text.into_any()
            }
        })
        .collect_view()
}
