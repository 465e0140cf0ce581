//! The names facet values show in the reading language, computed in the
//! worker (it holds the entity and people tables) for every value the
//! panel and the active filters draw.

use crate::engine::cache::FacetData;
use okuma_core::archive_query::ArchiveQuery;
use okuma_core::localised::name_or_id;
use okuma_core::{FacetCounts, LanguageCode, Site};
use std::collections::BTreeMap;

/// A facet value's name in the reading language, and the name's language
/// when it is another one (a name only known in another language).
pub type Label = (String, Option<String>);

/// The names of every value the panel and the chips show.
pub(super) fn label_values(
    site: &Site,
    lang: &LanguageCode,
    facets: Option<&FacetData>,
    state: &ArchiveQuery,
    counts: Option<&[FacetCounts]>,
) -> BTreeMap<String, BTreeMap<String, Label>> {
    let mut labels: BTreeMap<String, BTreeMap<String, Label>> = BTreeMap::new();
    let values = counts
        .into_iter()
        .flatten()
        .flat_map(|f| {
            f.values
                .iter()
                .map(move |v| (f.facet.clone(), v.value.clone()))
        })
        .chain(state.chips());
    for (facet, value) in values {
        let label = label(site, lang, facets, &facet, &value);
        labels.entry(facet).or_default().insert(value, label);
    }
    labels
}

/// A facet value's name in `lang`; the value itself when the data names
/// it nowhere.
fn label(
    site: &Site,
    lang: &LanguageCode,
    facets: Option<&FacetData>,
    facet: &str,
    value: &str,
) -> Label {
    let named = |names: Option<&okuma_core::LocalNames>| match names {
        Some(names) => name_or_id(names, lang, value),
        None => (value.to_string(), None),
    };
    match facet {
        "kind" => named(site.kinds.get(value)),
        "topic" => named(site.topics.get(value)),
        "country" | "organisation" | "person" => {
            named(facets.and_then(|d| d.entities.entities.get(value).map(|e| &e.name)))
        }
        "author" => named(facets.and_then(|d| d.people.people.get(value))),
        "language" => site
            .languages
            .iter()
            .find(|l| l.code.as_str() == value)
            .map(|l| (l.name.clone(), Some(l.code.to_string())))
            .unwrap_or_else(|| (value.to_string(), None)),
        _ => (value.to_string(), None),
    }
}
