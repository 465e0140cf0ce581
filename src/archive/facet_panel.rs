//! The facet panel: one fieldset per facet, each value a labelled
//! checkbox with its live count. Long lists collapse; values are listed by
//! count or by name in the reading language's collation.

use crate::browser::intl::format_number;
use crate::engine::archive::ArchiveView;
use crate::engine::labels::Label;
use crate::shell::reading::use_reading;
use leptos::prelude::*;
use okuma_core::archive_query::{ArchiveQuery, ValueOrder};
use okuma_core::facet_list::{FacetRow, COLLAPSED_VALUES};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// Names for facet values in the reading language, as the search worker
/// gave them with the view.
#[derive(Clone)]
pub struct FacetLabels(Rc<BTreeMap<String, BTreeMap<String, Label>>>);

impl FacetLabels {
    pub fn new(labels: BTreeMap<String, BTreeMap<String, Label>>) -> FacetLabels {
        FacetLabels(Rc::new(labels))
    }

    /// The value's name, and its language when that is not the reading
    /// language; the value itself when the data names it nowhere.
    pub fn label(&self, facet: &str, value: &str) -> Label {
        self.0
            .get(facet)
            .and_then(|values| values.get(value))
            .cloned()
            .unwrap_or_else(|| (value.to_string(), None))
    }
}

/// The panel, drawn once and updated from the latest view: facets and
/// their values are keyed lists. `on_change` pushes the new URL state;
/// `expanded` remembers which facets show all their values.
#[component]
pub fn FacetPanel(
    view: Memo<ArchiveView>,
    expanded: RwSignal<BTreeSet<String>>,
    on_change: Callback<(ArchiveQuery, bool)>,
) -> impl IntoView {
    let ui = use_reading().ui;
    let facets = move || {
        view.with(|v| {
            v.facets
                .iter()
                .flatten()
                .map(|f| f.facet.clone())
                .collect::<Vec<_>>()
        })
    };
    let order_value = move || {
        view.with(|v| {
            if v.state.values == ValueOrder::Name {
                "name"
            } else {
                "count"
            }
        })
    };
    let on_order = move |ev: leptos::ev::Event| {
        let mut next = view.get_untracked().state;
        next.values = if event_target_value(&ev) == "name" {
            ValueOrder::Name
        } else {
            ValueOrder::Count
        };
        on_change.run((next, false));
    };
    view! {
        <section class="facet-panel" aria-labelledby="filters-heading">
            <h2 id="filters-heading" class="panel-heading">{ui.filters}</h2>
            <label class="facet-order">
                {ui.value_order_label} " "
                <select id="facet-order" prop:value=order_value on:change=on_order>
                    <option value="count">{ui.values_by_count}</option>
                    <option value="name">{ui.values_by_name}</option>
                </select>
            </label>
            <For
                each=facets
                key=|id| id.clone()
                children=move |id| view! { <FacetValues id view expanded on_change /> }
            />
        </section>
    }
}

/// One facet: its values with live counts, as the worker listed them (by
/// count or by name in the reading language's collation, collapsed to a
/// few unless expanded).
#[component]
fn FacetValues(
    id: String,
    view: Memo<ArchiveView>,
    expanded: RwSignal<BTreeSet<String>>,
    on_change: Callback<(ArchiveQuery, bool)>,
) -> impl IntoView {
    let reading = use_reading();
    let (ui, locale) = (reading.ui, reading.locale);
    let facet = id.clone();
    let list = Memo::new(move |_| {
        view.with(|v| {
            v.facets
                .iter()
                .flatten()
                .find(|f| f.facet == facet)
                .map(|f| (f.rows.clone(), f.values))
                .unwrap_or_default()
        })
    });
    let is_open = {
        let id = id.clone();
        move || expanded.with(|set| set.contains(&id))
    };
    let shown = move || list.with(|(rows, _)| rows.clone());
    let row_facet = id.clone();
    let row = move |r: FacetRow| {
        let input_id = format!("facet-{row_facet}-{}", r.value);
        let count = format_number(r.count as usize, locale);
        let (facet, value) = (row_facet.clone(), r.value.clone());
        view! {
            <li>
                <input
                    type="checkbox"
                    id=input_id.clone()
                    prop:checked=r.selected
                    on:change=move |_| on_change.run((view.get_untracked().state.toggled(&facet, &value), false))
                />
                <label for=input_id>
                    <span class="facet-name" lang=r.name_lang>{r.name}</span>
                    <span class="facet-count">{count}</span>
                </label>
            </li>
        }
    };
    // The button stays one node while the facet has more values than it
    // shows collapsed, so it keeps focus when pressed.
    let values = Memo::new(move |_| list.with(|(_, values)| *values));
    let has_more = Memo::new(move |_| values.get() > COLLAPSED_VALUES);
    let toggle_id = id.clone();
    let open = is_open.clone();
    let label = move || {
        if open() {
            ui.show_fewer_values.to_string()
        } else {
            format!(
                "{} ({})",
                ui.show_all_values,
                format_number(values.get(), locale)
            )
        }
    };
    let open = is_open.clone();
    let toggle = move || {
        let id = toggle_id.clone();
        let open = open.clone();
        view! {
            <button
                type="button"
                class="link-button facet-more"
                aria-expanded=move || if open() { "true" } else { "false" }
                on:click=move |_| {
                    expanded.update(|set| {
                        if !set.remove(&id) {
                            set.insert(id.clone());
                        }
                    })
                }
            >
                {label.clone()}
            </button>
        }
    };
    view! {
        <fieldset class="facet" id=format!("facet-{id}")>
            <legend>{ui.facet(&id)}</legend>
            <ul class="facet-values">
                <For each=shown key=|r| r.clone() children=row />
            </ul>
            <Show when=move || has_more.get()>{toggle.clone()}</Show>
        </fieldset>
    }
}
