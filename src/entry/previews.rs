//! In-place previews inside an entry's text: a note reference opens its
//! source, a mention opens its entity (name and description in the
//! reading language, with a link to its explainer). One is open at a time;
//! Escape closes it and gives focus back to its button.

use crate::entry::sources::source_details;
use crate::i18n::Ui;
use crate::shell::reading::use_reading;
use leptos::prelude::*;
use okuma_core::localised::pick;
use okuma_core::{EntityRecord, LanguageCode, Source};
use std::collections::BTreeMap;
use std::sync::Arc;

/// What a note reference needs: the sources to preview, the interface
/// text, and which preview is open (one at a time).
#[derive(Clone)]
pub struct Notes {
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
    reading: LanguageCode,
}

impl Notes {
    /// The previews of one body, in the current reading.
    pub fn new(sources: Vec<Source>, entities: BTreeMap<String, EntityRecord>) -> Notes {
        let reading = use_reading();
        Notes {
            ui: reading.ui,
            reading: reading.code().clone(),
            sources: Arc::new(sources),
            open: RwSignal::new(None),
            next: Arc::default(),
            seen: Arc::default(),
            entities: Arc::new(entities),
        }
    }
}

/// One in-place preview (of a note or a mention): open while the shared
/// `open` names it; Escape closes it and returns focus to what opened it.
#[derive(Clone, Copy)]
struct Preview {
    k: usize,
    open: RwSignal<Option<usize>>,
    button: NodeRef<leptos::html::Button>,
    link: NodeRef<leptos::html::A>,
}

impl Notes {
    /// A new preview, numbered in drawing order so that its id is unique.
    fn preview(&self) -> Preview {
        Preview {
            k: self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            open: self.open,
            button: NodeRef::new(),
            link: NodeRef::new(),
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
            } else if let Some(link) = self.link.get_untracked() {
                let _ = link.focus();
            }
        }
    }
}

/// A note reference: a link to the note that opens (and Escape closes) a preview of
/// the source right after it, so the reader never leaves the text.
pub fn note_reference(number: u32, notes: &Notes) -> AnyView {
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
                    {source_details(&source)}
                    " "
                    <a class="note-preview-all" href=format!("#note-{number}")>{ui.sources}</a>
                </span>
            }
        })
    };
    // A link to the note in the list (what it is without JavaScript, in a
    // pre-rendered page); with the app, following it opens the preview
    // instead, and a modified click still jumps.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        state.toggle();
    };
    view! {
        <sup class="note-ref">
            <a
                href=format!("#note-{number}")
                node_ref=state.link
                id=first.then(|| format!("ref-{number}"))
                aria-label=format!("{} {number}", ui.note)
                aria-expanded=move || state.is_open().to_string()
                aria-controls=format!("note-preview-{k}")
                on:click=on_click
                on:keydown=move |ev| state.on_key(ev)
            >
                {number}
            </a>
        </sup>
        {preview}
    }
    .into_any()
}

/// A mention: the words stay in the text; pressing them opens a short
/// preview of the entity (its name and description in the reading
/// language) with a link to its explainer.
pub fn mention(entity: String, inner: Vec<AnyView>, notes: &Notes) -> AnyView {
    let Some(record) = notes.entities.get(&entity).cloned() else {
        return view! { <span class="mention">{inner}</span> }.into_any();
    };
    let state = notes.preview();
    let k = state.k;
    let (ui, reading) = (notes.ui, notes.reading.clone());
    let preview_id = format!("mention-preview-{k}");
    let named = |names: &BTreeMap<LanguageCode, String>| {
        pick(names, &reading).map(|p| (p.lang_attr(), p.value.clone()))
    };
    let name = named(&record.name);
    let description = named(&record.description);
    let explainer = record.explainer.clone();
    let preview = move || {
        state.is_open().then(|| {
            let name = name.clone().map(|(lang, text)| view! { <strong lang=lang>{text}</strong> });
            let description = description.clone().map(|(lang, text)| view! { " " <span lang=lang>{text}</span> });
            let more = explainer.clone().map(|slug| {
                view! { " " <a href=crate::base::path(&format!("{reading}/entries/{slug}/"))>{ui.read_more}</a> }
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
