//! An entry's body: blocks and inline marks rendered as elements and text.
//! Data text only ever becomes text nodes; links pass the core crate's
//! scheme check before they get an `href`. Notes and mentions open their
//! previews in place (`previews`).

use crate::entry::previews::{mention, note_reference, Notes};
use leptos::prelude::*;
use okuma_core::entry::check_href;
use okuma_core::{Block, BlockContent, EntityRecord, Inline, Mark, Source};
use std::collections::BTreeMap;

/// The body blocks, each keeping its stable id as the element id so that a
/// paragraph can be linked to and found again in another language. Note
/// references open a preview of their source in place.
#[component]
pub fn EntryBody(
    blocks: Vec<Block>,
    #[prop(optional)] sources: Vec<Source>,
    #[prop(optional)] entities: BTreeMap<String, EntityRecord>,
) -> impl IntoView {
    let notes = Notes::new(sources, entities);
    blocks
        .into_iter()
        .map(|block| render_block(block, &notes))
        .collect_view()
}

/// Two translations side by side, paired block by block (their ids are
/// aligned). The first keeps the ids and `data-block` (the reader's place);
/// each column carries its own `lang`.
#[component]
pub fn ParallelBody(
    first: Vec<Block>,
    first_lang: String,
    second: Vec<Block>,
    second_lang: String,
    #[prop(optional)] sources: Vec<Source>,
    #[prop(optional)] entities: BTreeMap<String, EntityRecord>,
) -> impl IntoView {
    let notes = Notes::new(sources, entities);
    first
        .into_iter()
        .map(|block| {
            let twin = second.iter().find(|b| b.id == block.id).cloned();
            let twin = twin.map(|mut b| {
                b.id = format!("with-{}", b.id);
                render_block(b, &notes)
            });
            view! {
                <div class="pair">
                    <div class="pair-first" lang=first_lang.clone()>{render_block(block, &notes)}</div>
                    <div class="pair-second" lang=second_lang.clone()>{twin}</div>
                </div>
            }
        })
        .collect_view()
}

type NoteLabel<'a> = &'a Notes;

fn render_block(block: Block, note_label: NoteLabel) -> AnyView {
    let id = block.id;
    // Only the reading column's blocks mark the reader's place.
    let primary = !id.starts_with("with-");
    match block.content {
        BlockContent::Paragraph { content } => {
            view! { <p id=id data-block=primary.then_some("")>{render_inlines(content, note_label)}</p> }.into_any()
        }
        BlockContent::Heading { level, content } => {
            let inner = render_inlines(content, note_label);
            // Level 1 belongs to the entry title.
            match level {
                0..=2 => view! { <h2 id=id data-block=primary.then_some("")>{inner}</h2> }.into_any(),
                3 => view! { <h3 id=id data-block=primary.then_some("")>{inner}</h3> }.into_any(),
                _ => view! { <h4 id=id data-block=primary.then_some("")>{inner}</h4> }.into_any(),
            }
        }
        BlockContent::Quote { content } => view! {
            <blockquote id=id data-block=primary.then_some("")>
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
                view! { <ol id=id data-block=primary.then_some("")>{items}</ol> }.into_any()
            } else {
                view! { <ul id=id data-block=primary.then_some("")>{items}</ul> }.into_any()
            }
        }
    }
}

fn render_inlines(runs: Vec<Inline>, note_label: NoteLabel) -> Vec<AnyView> {
    runs.into_iter()
        .map(|inline| render_inline(inline, note_label))
        .collect()
}

fn render_inline(inline: Inline, note_label: NoteLabel) -> AnyView {
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
        Inline::Mark(Mark::Note { number }) => note_reference(number, note_label),
        Inline::Mark(Mark::Mention { entity, content }) => {
            let inner = render_inlines(content, note_label);
            mention(entity, inner, note_label)
        }
    }
}
