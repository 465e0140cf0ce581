//! The facet panel: one fieldset per facet, each value a labelled
//! checkbox with its live count. Long lists collapse; values are listed by
//! count or by name in the reading language's collation.

use crate::browser::intl::{format_number, Collation};
use crate::engine::archive::Label;
use crate::shell::reading::use_reading;
use leptos::prelude::*;
use okuma_core::archive_query::{ArchiveQuery, ValueOrder};
use okuma_core::FacetCounts;
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

/// The panel. `on_change` pushes the new URL state; `expanded` remembers
/// which facets show all their values.
#[component]
pub fn FacetPanel(
    state: ArchiveQuery,
    counts: Vec<FacetCounts>,
    labels: FacetLabels,
    expanded: RwSignal<BTreeSet<String>>,
    on_change: Callback<(ArchiveQuery, bool)>,
) -> impl IntoView {
    let reading = use_reading();
    let (ui, locale) = (reading.ui, reading.locale);
    let collation = Collation::new(locale);
    let by_name = state.values == ValueOrder::Name;
    let order_state = state.clone();
    let facets = counts
        .into_iter()
        .filter(|f| f.values.iter().any(|v| v.count > 0 || v.selected))
        .map(|facet| {
            let id = facet.facet.clone();
            let mut values: Vec<(okuma_core::ValueCount, String, Option<String>)> = facet
                .values
                .into_iter()
                .filter(|v| v.count > 0 || v.selected)
                .map(|v| {
                    let (name, lang) = labels.label(&id, &v.value);
                    (v, name, lang)
                })
                .collect();
            values.sort_by(|a, b| {
                let by_count = b.0.count.cmp(&a.0.count);
                let by_label = collation.compare(&a.1, &b.1);
                if by_name {
                    by_label
                } else {
                    by_count.then(by_label)
                }
            });
            let total = values.len();
            let state = state.clone();
            let id_for_list = id.clone();
            // Only the list re-renders when "Show all" is pressed.
            let list = move || {
                let id = id_for_list.clone();
                let open = expanded.with(|set| set.contains(&id));
                let rows = values
                    .iter()
                    .enumerate()
                    .filter(|(i, (v, _, _))| open || *i < COLLAPSED || v.selected)
                    .map(|(_, (v, name, lang))| {
                        let next = state.toggled(&id, &v.value);
                        let input_id = format!("facet-{id}-{}", v.value);
                        let count = format_number(v.count as usize, locale);
                        view! {
                            <li>
                                <input
                                    type="checkbox"
                                    id=input_id.clone()
                                    prop:checked=v.selected
                                    on:change=move |_| on_change.run((next.clone(), false))
                                />
                                <label for=input_id>
                                    <span class="facet-name" lang=lang.clone()>{name.clone()}</span>
                                    <span class="facet-count">{count}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="facet-values">{rows}</ul> }
            };
            let toggle = (total > COLLAPSED).then(|| {
                let id = id.clone();
                let id_open = id.clone();
                let open = move || expanded.with(|set| set.contains(&id_open));
                let open_label = open.clone();
                let label = move || {
                    if open_label() {
                        ui.show_fewer_values.to_string()
                    } else {
                        format!("{} ({})", ui.show_all_values, format_number(total, locale))
                    }
                };
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
                        {label}
                    </button>
                }
            });
            view! {
                <fieldset class="facet" id=format!("facet-{}", facet.facet)>
                    <legend>{ui.facet(&facet.facet)}</legend>
                    {list}
                    {toggle}
                </fieldset>
            }
        })
        .collect_view();
    let order_value = if by_name { "name" } else { "count" };
    let on_order = move |ev: leptos::ev::Event| {
        let mut next = order_state.clone();
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
            {facets}
        </section>
    }
}
