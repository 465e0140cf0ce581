//! The names facet values show in the reading language, computed in the
//! worker (it holds the entity and people tables) for the values the
//! panel lists and the chips of the active filters.

use crate::browser::intl::Collation;
use crate::engine::cache::{FacetData, CACHE};
use okuma_core::archive_query::ArchiveQuery;
use okuma_core::facet_list::FacetNames;
use okuma_core::localised::name_or_id;
use okuma_core::{LanguageCode, Site};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A facet value's name in the reading language, and the name's language
/// when it is another one (a name only known in another language).
pub type Label = (String, Option<String>);

/// Every facet value's name in `lang`, ordered in `locale`'s collation:
/// made once per language for the visit (the table has thousands of
/// entity names; collating them is the slow part).
pub(super) fn facet_names(
    site: &Site,
    lang: &LanguageCode,
    locale: &str,
    facets: &FacetData,
) -> Rc<FacetNames> {
    let key = (lang.to_string(), locale.to_string());
    if let Some(names) = CACHE.with_borrow(|c| c.names.get(&key).cloned()) {
        return names;
    }
    let collation = Collation::new(locale);
    let names = Rc::new(FacetNames::new(
        facets.index.values().map(|(facet, value)| {
            let label = label(site, lang, Some(facets), facet, value);
            (facet.to_string(), value.to_string(), label)
        }),
        |a, b| collation.compare(a, b),
    ));
    CACHE.with_borrow_mut(|c| c.names.insert(key, names.clone()));
    names
}

/// The names of the chosen values (the active filters' chips), per facet.
pub(super) fn chip_labels(
    site: &Site,
    lang: &LanguageCode,
    facets: Option<&FacetData>,
    state: &ArchiveQuery,
) -> BTreeMap<String, BTreeMap<String, Label>> {
    let mut labels: BTreeMap<String, BTreeMap<String, Label>> = BTreeMap::new();
    for (facet, value) in state.chips() {
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
