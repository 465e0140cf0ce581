//! The facet panel: one fieldset per facet, each value a labelled
//! checkbox with its live count. Long lists collapse; values are listed by
//! count or by name in the reading language's collation.

use crate::browser::intl::{format_number, Collation};
use crate::engine::archive::ArchiveView;
use crate::engine::labels::Label;
use crate::shell::reading::use_reading;
use leptos::prelude::*;
use okuma_core::archive_query::{ArchiveQuery, ValueOrder};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// Values shown before "Show all".
const COLLAPSED: usize = 6;

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

/// One value as the panel lists it; also its key in the keyed list, so a
/// row is redrawn only when what it shows changes.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    value: String,
    count: u32,
    selected: bool,
    name: String,
    lang: Option<String>,
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
            v.counts
                .iter()
                .flatten()
                .filter(|f| f.values.iter().any(|v| v.count > 0 || v.selected))
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

/// One facet: its values with live counts (by count or by name in the
/// reading language's collation), collapsed to a few unless expanded.
#[component]
fn FacetValues(
    id: String,
    view: Memo<ArchiveView>,
    expanded: RwSignal<BTreeSet<String>>,
    on_change: Callback<(ArchiveQuery, bool)>,
) -> impl IntoView {
    let reading = use_reading();
    let (ui, locale) = (reading.ui, reading.locale);
    // One collator for the facet's life; the rows are computed once per
    // view (the list and the toggle both read them).
    let collation = StoredValue::new_local(Collation::new(locale));
    let facet = id.clone();
    let rows = Memo::new(move |_| {
        view.with(|v| {
            let names = v.labels.get(&facet);
            let mut rows: Vec<Row> = v
                .counts
                .iter()
                .flatten()
                .filter(|f| f.facet == facet)
                .flat_map(|f| f.values.iter())
                .filter(|v| v.count > 0 || v.selected)
                .map(|v| {
                    let (name, lang) = names
                        .and_then(|n| n.get(&v.value))
                        .cloned()
                        .unwrap_or_else(|| (v.value.clone(), None));
                    Row {
                        value: v.value.clone(),
                        count: v.count,
                        selected: v.selected,
                        name,
                        lang,
                    }
                })
                .collect();
            let by_name = v.state.values == ValueOrder::Name;
            collation.with_value(|collation| {
                rows.sort_by(|a, b| {
                    let by_label = collation.compare(&a.name, &b.name);
                    if by_name {
                        by_label
                    } else {
                        b.count.cmp(&a.count).then(by_label)
                    }
                })
            });
            rows
        })
    });
    let is_open = {
        let id = id.clone();
        move || expanded.with(|set| set.contains(&id))
    };
    let shown = {
        let is_open = is_open.clone();
        move || {
            let open = is_open();
            rows.with(|rows| {
                rows.iter()
                    .enumerate()
                    .filter(|(i, r)| open || *i < COLLAPSED || r.selected)
                    .map(|(_, r)| r.clone())
                    .collect::<Vec<_>>()
            })
        }
    };
    let row_facet = id.clone();
    let row = move |r: Row| {
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
                    <span class="facet-name" lang=r.lang>{r.name}</span>
                    <span class="facet-count">{count}</span>
                </label>
            </li>
        }
    };
    let toggle_id = id.clone();
    let toggle = move || {
        let total = rows.with(Vec::len);
        (total > COLLAPSED).then(|| {
            let id = toggle_id.clone();
            let open = is_open.clone();
            let label = if open() {
                ui.show_fewer_values.to_string()
            } else {
                format!("{} ({})", ui.show_all_values, format_number(total, locale))
            };
            view! {
                <button
                    type="button"
                    class="link-button facet-more"
                    aria-expanded=if open() { "true" } else { "false" }
                    on:click=move |_| {
                        expanded.update(|set| {
                            if !set.remove(&id) {
                                set.insert(id.clone());
                            }
                        })
                    }
                >
                    {label}
                </button>
            }
        })
    };
    view! {
        <fieldset class="facet" id=format!("facet-{id}")>
            <legend>{ui.facet(&id)}</legend>
            <ul class="facet-values">
                <For each=shown key=|r| r.clone() children=row />
            </ul>
            {toggle}
        </fieldset>
    }
}
