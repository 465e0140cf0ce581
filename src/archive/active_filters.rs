//! The bar of active filters: one button per chosen value that removes
//! it, and "Clear all".

use crate::archive::facet_panel::FacetLabels;
use crate::shell::reading::use_reading;
use leptos::prelude::*;
use okuma_core::archive_query::ArchiveQuery;

#[component]
pub fn ActiveFilters(
    state: ArchiveQuery,
    labels: FacetLabels,
    on_change: Callback<(ArchiveQuery, bool)>,
) -> impl IntoView {
    let ui = use_reading().ui;
    let chips = state.chips();
    if chips.is_empty() {
        return None;
    }
    let clear = state.without_filters();
    let items = chips
        .into_iter()
        .map(|(facet, value)| {
            let (name, lang) = labels.label(&facet, &value);
            let next = state.toggled(&facet, &value);
            let facet_name = ui.facet(&facet);
            let aria = format!("{}: {facet_name}: {name}", ui.remove_filter);
            view! {
                <li>
                    <button
                        type="button"
                        class="chip"
                        aria-label=aria
                        on:click=move |_| on_change.run((next.clone(), false))
                    >
                        <span class="chip-facet">{facet_name} ": "</span>
                        <span lang=lang>{name}</span>
                        <span class="chip-x" aria-hidden="true">" ×"</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="active-filters" aria-label=ui.active_filters>
            <ul>{items}</ul>
            <button
                type="button"
                class="link-button"
                id="clear-filters"
                on:click=move |_| on_change.run((clear.clone(), false))
            >
                {ui.clear_all}
            </button>
        </section>
    })
}
