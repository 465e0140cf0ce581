//! The facet table (`facets.json`): for every facet value, the entries that
//! have it, as gaps between ascending entry numbers (a third of the bytes of
//! the numbers themselves at 10,000 entries). Enough to count and filter
//! the whole archive without fetching a single catalog page or entry.

use crate::search::DocSet;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The facets the archive filters by, in the order it shows them.
pub const FACETS: [&str; 8] = [
    "kind",
    "topic",
    "country",
    "organisation",
    "person",
    "author",
    "year",
    "language",
];

/// `facets.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FacetTable {
    pub format: u32,
    /// Number of entries; entry numbers run from 0 to `entries - 1`.
    #[serde(deserialize_with = "crate::dataset::entry_count")]
    pub entries: u32,
    pub facets: Vec<Facet>,
}

/// One facet (`topic`, `country`, …) and its values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Facet {
    pub id: String,
    pub values: Vec<FacetValue>,
}

/// A facet value and the entries that have it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FacetValue {
    /// A topic id, entity id, person id, kind, year or language code.
    pub id: String,
    /// The first entry number, then the gap to each next one (every gap
    /// after the first is at least 1).
    pub gaps: Vec<u32>,
}

impl FacetValue {
    /// The value for ascending entry numbers.
    pub fn from_entries(id: impl Into<String>, entries: &[u32]) -> FacetValue {
        let mut previous = 0;
        let gaps = entries
            .iter()
            .map(|&e| {
                let gap = e.saturating_sub(previous);
                previous = e;
                gap
            })
            .collect();
        FacetValue {
            id: id.into(),
            gaps,
        }
    }

    /// The entry numbers, in order (saturating, so a broken file cannot
    /// overflow; `okuma check` reports it).
    pub fn entries(&self) -> impl Iterator<Item = u32> + '_ {
        self.gaps.iter().scan(0u32, |at, &gap| {
            *at = at.saturating_add(gap);
            Some(*at)
        })
    }

    /// True when the gaps give ascending numbers below `size`.
    pub fn is_valid(&self, size: u32) -> bool {
        self.gaps.iter().skip(1).all(|&g| g > 0) && self.entries().all(|e| e < size)
    }
}

/// The reader's chosen values per facet: OR within a facet, AND across.
pub type Selection = BTreeMap<String, BTreeSet<String>>;

/// The facet table in memory, one entry set per value, ready to count.
#[derive(Debug, Clone)]
pub struct FacetIndex {
    entries: u32,
    facets: Vec<(String, Vec<(String, DocSet)>)>,
}

/// A facet's values with their live counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCounts {
    pub facet: String,
    pub values: Vec<ValueCount>,
}

/// A value and the number of results the archive would show if it were
/// chosen too (for a chosen value: the results it contributes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueCount {
    pub value: String,
    pub count: u32,
    pub selected: bool,
}

impl FacetIndex {
    pub fn new(table: &FacetTable) -> FacetIndex {
        FacetIndex {
            entries: table.entries,
            facets: table
                .facets
                .iter()
                .map(|f| {
                    let values = f
                        .values
                        .iter()
                        .map(|v| (v.id.clone(), DocSet::of(table.entries, v.entries())))
                        .collect();
                    (f.id.clone(), values)
                })
                .collect(),
        }
    }

    /// Every facet and value the table has, as `(facet, value)`.
    pub fn values(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.facets.iter().flat_map(|(facet, values)| {
            values
                .iter()
                .map(move |(value, _)| (facet.as_str(), value.as_str()))
        })
    }

    /// Entries that pass every chosen facet, leaving out `except`.
    /// Values the table does not know match nothing.
    pub fn matching(&self, selection: &Selection, except: Option<&str>) -> DocSet {
        let mut set = DocSet::full(self.entries);
        for (facet, chosen) in selection {
            if chosen.is_empty() || except == Some(facet.as_str()) {
                continue;
            }
            let mut any = DocSet::empty(self.entries);
            if let Some((_, values)) = self.facets.iter().find(|(id, _)| id == facet) {
                for (value, entries) in values {
                    if chosen.contains(value) {
                        any.union_with(entries);
                    }
                }
            }
            set.intersect_with(&any);
        }
        set
    }

    /// Every facet's values with live counts within `base` (the search
    /// results, or every entry): a value's count is what the archive would
    /// show with it chosen, given the choices in the other facets.
    pub fn counts(&self, selection: &Selection, base: &DocSet) -> Vec<FacetCounts> {
        self.facets
            .iter()
            .map(|(facet, values)| {
                let mut pool = self.matching(selection, Some(facet));
                pool.intersect_with(base);
                let chosen = selection.get(facet);
                FacetCounts {
                    facet: facet.clone(),
                    values: values
                        .iter()
                        .map(|(value, entries)| ValueCount {
                            value: value.clone(),
                            count: pool.count_common(entries),
                            selected: chosen.is_some_and(|c| c.contains(value)),
                        })
                        .collect(),
                }
            })
            .collect()
    }

    /// For each facet with a choice: how many results there would be
    /// without it. What the "no results" view offers to drop.
    pub fn relaxations(&self, selection: &Selection, base: &DocSet) -> Vec<(String, u32)> {
        selection
            .iter()
            .filter(|(_, chosen)| !chosen.is_empty())
            .map(|(facet, _)| {
                let mut pool = self.matching(selection, Some(facet));
                pool.intersect_with(base);
                (facet.clone(), pool.len())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Six entries: kinds, countries and years.
    fn index() -> FacetIndex {
        let value = FacetValue::from_entries;
        FacetIndex::new(&FacetTable {
            format: 1,
            entries: 6,
            facets: vec![
                Facet {
                    id: "kind".into(),
                    values: vec![
                        value("analysis", &[0, 1, 2]),
                        value("explainer", &[3, 4, 5]),
                    ],
                },
                Facet {
                    id: "country".into(),
                    values: vec![
                        value("kz", &[0, 1, 3]),
                        value("uz", &[0, 2, 4]),
                        value("tr", &[5]),
                    ],
                },
                Facet {
                    id: "year".into(),
                    values: vec![value("2022", &[0, 3]), value("2026", &[1, 2, 4, 5])],
                },
            ],
        })
    }

    fn select(pairs: &[(&str, &str)]) -> Selection {
        let mut s = Selection::new();
        for (f, v) in pairs {
            s.entry(f.to_string()).or_default().insert(v.to_string());
        }
        s
    }

    fn count(counts: &[FacetCounts], facet: &str, value: &str) -> u32 {
        counts
            .iter()
            .find(|c| c.facet == facet)
            .and_then(|c| c.values.iter().find(|v| v.value == value))
            .map_or(u32::MAX, |v| v.count)
    }

    #[test]
    fn values_are_stored_as_gaps() {
        let v = FacetValue::from_entries("kz", &[3, 4, 10]);
        assert_eq!(v.gaps, [3, 1, 6]);
        assert_eq!(v.entries().collect::<Vec<_>>(), [3, 4, 10]);
        assert!(v.is_valid(11) && !v.is_valid(10));
        let repeated = FacetValue {
            id: "x".into(),
            gaps: vec![2, 0],
        };
        assert!(!repeated.is_valid(10));
        let huge = FacetValue {
            id: "x".into(),
            gaps: vec![u32::MAX, u32::MAX],
        };
        assert!(!huge.is_valid(10));
    }

    #[test]
    fn counts_without_filters_are_the_value_sizes() {
        let index = index();
        let all = DocSet::full(6);
        let counts = index.counts(&Selection::new(), &all);
        assert_eq!(count(&counts, "kind", "analysis"), 3);
        assert_eq!(count(&counts, "country", "uz"), 3);
        assert_eq!(count(&counts, "year", "2026"), 4);
    }

    #[test]
    fn or_within_a_facet_and_across_facets() {
        let index = index();
        let s = select(&[("country", "kz"), ("country", "tr")]);
        assert_eq!(
            index.matching(&s, None).iter().collect::<Vec<_>>(),
            [0, 1, 3, 5]
        );
        let s = select(&[("country", "kz"), ("country", "tr"), ("kind", "explainer")]);
        assert_eq!(index.matching(&s, None).iter().collect::<Vec<_>>(), [3, 5]);
        // An unknown value matches nothing.
        let s = select(&[("country", "xx")]);
        assert!(index.matching(&s, None).is_empty());
    }

    #[test]
    fn live_counts_say_what_choosing_a_value_would_give() {
        let index = index();
        let all = DocSet::full(6);
        let s = select(&[("country", "kz")]);
        let counts = index.counts(&s, &all);
        // Other facets count within kz (0, 1, 3).
        assert_eq!(count(&counts, "kind", "analysis"), 2);
        assert_eq!(count(&counts, "kind", "explainer"), 1);
        assert_eq!(count(&counts, "year", "2022"), 2);
        // Its own facet ignores its own choice: adding uz would add 2, 4.
        assert_eq!(count(&counts, "country", "uz"), 3);
        assert_eq!(count(&counts, "country", "kz"), 3);
        assert!(counts[1].values[0].selected);
        // Within search results only.
        let results = DocSet::of(6, [1, 4]);
        let counts = index.counts(&s, &results);
        assert_eq!(count(&counts, "kind", "analysis"), 1);
        assert_eq!(count(&counts, "kind", "explainer"), 0);
        assert_eq!(count(&counts, "country", "uz"), 1);
    }

    #[test]
    fn relaxations_say_which_filter_to_drop() {
        let index = index();
        let s = select(&[("country", "tr"), ("year", "2022")]);
        assert!(index.matching(&s, None).is_empty());
        let drop = index.relaxations(&s, &DocSet::full(6));
        assert_eq!(drop, [("country".to_string(), 2), ("year".to_string(), 1)]);
    }
}
