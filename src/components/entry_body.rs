//! An entry's body: blocks and inline marks rendered as elements and text.
//! Data text only ever becomes text nodes; links pass the core crate's
//! scheme check before they get an `href`.

use crate::components::sources::source_details;
use crate::i18n::Ui;
use leptos::prelude::*;
use okuma_core::entry::check_href;
use okuma_core::{Block, BlockContent, EntityRecord, Inline, Mark, Source};
use std::collections::BTreeMap;
use std::sync::Arc;

/// What a note reference needs: the sources to preview, the interface
/// text, and which preview is open (one at a time).
#[derive(Clone)]
struct Notes {
    ui: &'static Ui,
    sources: Arc<Vec<Source>>,
    open: RwSignal<Option<usize>>,
    /// Counts references as they are drawn, to give each its own preview.
    next: Arc<std::sync::atomic::AtomicUsize>,
    /// Note numbers already drawn: only the first reference gets the
    /// `ref-N` id the notes list links back to (ids stay unique).
    seen: Arc<std::sync::Mutex<std::collections::BTreeSet<u32>>>,
    /// Entities the entry mentions, for mention previews, named in `reading`.
    entities: Arc<BTreeMap<String, EntityRecord>>,
    reading: String,
}

impl Notes {
    fn new(
        ui: &'static Ui,
        sources: Vec<Source>,
        entities: BTreeMap<String, EntityRecord>,
        reading: String,
    ) -> Notes {
        Notes {
            ui,
            sources: Arc::new(sources),
            open: RwSignal::new(None),
            next: Arc::default(),
            seen: Arc::default(),
            entities: Arc::new(entities),
            reading,
        }
    }
}

/// One in-place preview (of a note or a mention): open while the shared
/// `open` names it; Escape closes it and returns focus to its button.
#[derive(Clone, Copy)]
struct Preview {
    k: usize,
    open: RwSignal<Option<usize>>,
    button: NodeRef<leptos::html::Button>,
}

impl Notes {
    /// A new preview, numbered in drawing order so that its id is unique.
    fn preview(&self) -> Preview {
        Preview {
            k: self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            open: self.open,
            button: NodeRef::new(),
        }
    }
}

impl Preview {
    fn is_open(self) -> bool {
        self.open.get() == Some(self.k)
    }

    fn toggle(self) {
        self.open
            .set(if self.is_open() { None } else { Some(self.k) });
    }

    fn on_key(self, ev: leptos::ev::KeyboardEvent) {
        if ev.key() == "Escape" && self.is_open() {
            ev.prevent_default();
            self.open.set(None);
            if let Some(button) = self.button.get_untracked() {
                let _ = button.focus();
            }
        }
    }
}

/// The body blocks, each keeping its stable id as the element id so that a
/// paragraph can be linked to and found again in another language. Note
/// references open a preview of their source in place.
#[component]
pub fn EntryBody(
    blocks: Vec<Block>,
    ui: &'static Ui,
    #[prop(optional)] sources: Vec<Source>,
    #[prop(optional)] entities: BTreeMap<String, EntityRecord>,
    #[prop(optional, into)] reading: String,
) -> impl IntoView {
    let notes = Notes::new(ui, sources, entities, reading);
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
    ui: &'static Ui,
    #[prop(optional)] sources: Vec<Source>,
    #[prop(optional)] entities: BTreeMap<String, EntityRecord>,
    #[prop(optional, into)] reading: String,
) -> impl IntoView {
    let notes = Notes::new(ui, sources, entities, reading);
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

/// A note reference: a button that opens (and Escape closes) a preview of
/// the source right after it, so the reader never leaves the text.
fn note_reference(number: u32, notes: &Notes) -> AnyView {
    let state = notes.preview();
    let k = state.k;
    let first = notes
        .seen
        .lock()
        .map(|mut seen| seen.insert(number))
        .unwrap_or(false);
    let ui = notes.ui;
    let preview_id = format!("note-preview-{k}");
    // Ibid. previews show the source it repeats.
    let source = notes.sources.iter().find(|s| s.number == number).map(|s| {
        let target = s
            .ibid
            .and_then(|t| notes.sources.iter().find(|x| x.number == t));
        (s.ibid.is_some(), target.unwrap_or(s).clone())
    });
    let preview = move || {
        let (ibid, source) = source.clone()?;
        state.is_open().then(|| {
            view! {
                <span class="note-preview" id=preview_id.clone() role="note" on:keydown=move |ev| state.on_key(ev)>
                    <span class="note-preview-number">{number}". "</span>
                    {ibid.then(|| view! { {ui.ibid} " " })}
                    {source_details(&source, ui)}
                    " "
                    <a class="note-preview-all" href=format!("#note-{number}")>{ui.sources}</a>
                </span>
            }
        })
    };
    view! {
        <sup class="note-ref">
            <button
                type="button"
                node_ref=state.button
                id=first.then(|| format!("ref-{number}"))
                aria-label=format!("{} {number}", ui.note)
                aria-expanded=move || state.is_open().to_string()
                aria-controls=format!("note-preview-{k}")
                on:click=move |_| state.toggle()
                on:keydown=move |ev| state.on_key(ev)
            >
                {number}
            </button>
        </sup>
        {preview}
    }
    .into_any()
}

/// A mention: the words stay in the text; pressing them opens a short
/// preview of the entity (its name and description in the reading
/// language) with a link to its explainer.
fn mention(entity: String, inner: Vec<AnyView>, notes: &Notes) -> AnyView {
    let Some(record) = notes.entities.get(&entity).cloned() else {
        return view! { <span class="mention">{inner}</span> }.into_any();
    };
    let state = notes.preview();
    let k = state.k;
    let (ui, reading) = (notes.ui, notes.reading.clone());
    let preview_id = format!("mention-preview-{k}");
    let pick = |names: &BTreeMap<okuma_core::LanguageCode, String>| {
        names
            .iter()
            .find(|(code, _)| code.as_str() == reading)
            .or_else(|| names.iter().next())
            .map(|(code, text)| (code.to_string(), text.clone()))
    };
    let name = pick(&record.name);
    let description = pick(&record.description);
    let explainer = record.explainer.clone();
    let preview = move || {
        state.is_open().then(|| {
            let name = name.clone().map(|(lang, text)| view! { <strong lang=lang>{text}</strong> });
            let description = description.clone().map(|(lang, text)| view! { " " <span lang=lang>{text}</span> });
            let more = explainer.clone().map(|slug| {
                view! { " " <a href=format!("/{reading}/entries/{slug}")>{ui.read_more}</a> }
            });
            view! {
                <span class="note-preview mention-preview" id=preview_id.clone() role="note" on:keydown=move |ev| state.on_key(ev)>
                    {name} {description} {more}
                </span>
            }
        })
    };
    view! {
        <button
            type="button"
            class="mention"
            node_ref=state.button
            aria-expanded=move || state.is_open().to_string()
            aria-controls=format!("mention-preview-{k}")
            on:click=move |_| state.toggle()
            on:keydown=move |ev| state.on_key(ev)
        >
            {inner}
        </button>
        {preview}
    }
    .into_any()
}
