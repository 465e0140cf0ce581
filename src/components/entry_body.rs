//! An entry's body: blocks and inline marks rendered as elements and text.
//! Data text only ever becomes text nodes; links pass the core crate's
//! scheme check before they get an `href`.

use leptos::prelude::*;
use okuma_core::entry::check_href;
use okuma_core::{Block, BlockContent, Inline, Mark};

/// The body blocks, each keeping its stable id as the element id so that a
/// paragraph can be linked to and found again in another language.
#[component]
pub fn EntryBody(blocks: Vec<Block>, note_label: &'static str) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| render_block(block, note_label))
        .collect_view()
}

fn render_block(block: Block, note_label: &'static str) -> AnyView {
    let id = block.id;
    match block.content {
        BlockContent::Paragraph { content } => {
            view! { <p id=id data-block="">{render_inlines(content, note_label)}</p> }.into_any()
        }
        BlockContent::Heading { level, content } => {
            let inner = render_inlines(content, note_label);
            // Level 1 belongs to the entry title.
            match level {
                0..=2 => view! { <h2 id=id data-block="">{inner}</h2> }.into_any(),
                3 => view! { <h3 id=id data-block="">{inner}</h3> }.into_any(),
                _ => view! { <h4 id=id data-block="">{inner}</h4> }.into_any(),
            }
        }
        BlockContent::Quote { content } => view! {
            <blockquote id=id data-block="">
                <p>{render_inlines(content, note_label)}</p>
            </blockquote>
        }
        .into_any(),
        BlockContent::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{render_inlines(item, note_label)}</li> })
                .collect_view();
            if ordered {
                view! { <ol id=id data-block="">{items}</ol> }.into_any()
            } else {
                view! { <ul id=id data-block="">{items}</ul> }.into_any()
            }
        }
    }
}

fn render_inlines(runs: Vec<Inline>, note_label: &'static str) -> Vec<AnyView> {
    runs.into_iter()
        .map(|inline| render_inline(inline, note_label))
        .collect()
}

fn render_inline(inline: Inline, note_label: &'static str) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Mark(Mark::Emphasis { content }) => {
            view! { <em>{render_inlines(content, note_label)}</em> }.into_any()
        }
        Inline::Mark(Mark::Link { href, content }) => {
            let inner = render_inlines(content, note_label);
            if check_href(&href).is_ok() {
                view! { <a href=href rel="noopener noreferrer">{inner}</a> }.into_any()
            } else {
                view! { <span>{inner}</span> }.into_any()
            }
        }
        Inline::Mark(Mark::Note { number }) => view! {
            <sup class="note-ref">
                <a
                    id=format!("ref-{number}")
                    href=format!("#note-{number}")
                    aria-label=format!("{note_label} {number}")
                >
                    {number}
                </a>
            </sup>
        }
        .into_any(),
        Inline::Mark(Mark::Mention { entity, content }) => {
            view! { <span class="mention" data-entity=entity>{render_inlines(content, note_label)}</span> }
                .into_any()
        }
    }
}
