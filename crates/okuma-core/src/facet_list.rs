//! What the facet panel lists of each facet: the values with results (or
//! chosen), named in the reading language, in the order the reader chose,
//! cut to the first few unless the facet is expanded. Computed where the
//! counts are (the search worker), so only what is drawn crosses to the
//! page: a large archive has thousands of entity values, the panel shows
//! six per facet.
//!
//! ```
//! use okuma_core::facet_list::{facet_lists, FacetNames, COLLAPSED_VALUES};
//! use okuma_core::archive_query::ValueOrder;
//! use okuma_core::{FacetCounts, ValueCount};
//!
//! let counts = vec![FacetCounts {
//!     facet: "topic".into(),
//!     values: (0..10)
//!         .map(|n| ValueCount { value: format!("t{n}"), count: n, selected: false })
//!         .collect(),
//! }];
//! // Once per reading language: every value's name, in its collation.
//! let names = FacetNames::new(
//!     (0..10).map(|n| ("topic".to_string(), format!("t{n}"), (format!("T{n}"), None))),
//!     |a, b| a.cmp(b),
//! );
//! let lists = facet_lists(counts, ValueOrder::Count, &[], &names);
//! // t0 has no results: nine values to list, six shown, by count.
//! assert_eq!(lists[0].values, 9);
//! assert_eq!(lists[0].rows.len(), COLLAPSED_VALUES);
//! assert_eq!(lists[0].rows[0].name, "T9");
//! ```

use crate::archive_query::ValueOrder;
use crate::facets::FacetCounts;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;

/// Values a collapsed facet shows ("Show all" reveals the rest).
pub const COLLAPSED_VALUES: usize = 6;

/// One value as the panel lists it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FacetRow {
    pub value: String,
    /// Results the archive would show with this value chosen too.
    pub count: u32,
    pub selected: bool,
    /// The value's name in the reading language.
    pub name: String,
    /// The name's language, when it is not the reading language.
    pub name_lang: Option<String>,
}

/// One facet as the panel lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetList {
    pub facet: String,
    /// The rows to draw, in order.
    pub rows: Vec<FacetRow>,
    /// How many values have results or are chosen (what "Show all" shows).
    pub values: usize,
}

/// Every facet value's name in one reading language and its place in
/// that language's alphabetical order: built once per language (ordering
/// thousands of names through Intl.Collator takes tens of milliseconds),
/// so ordering a facet's values per keystroke compares numbers.
#[derive(Debug, Clone, Default)]
pub struct FacetNames {
    /// facet → value → its name.
    values: HashMap<String, HashMap<String, Named>>,
}

/// A value's name, the name's language if another, and its rank by name.
type Named = (String, Option<String>, u32);

impl FacetNames {
    /// From `(facet, value, (name, name's language))`, ordered by name
    /// with `compare` (the reading language's collation; ties by value).
    pub fn new(
        values: impl IntoIterator<Item = (String, String, (String, Option<String>))>,
        compare: impl Fn(&str, &str) -> Ordering,
    ) -> FacetNames {
        let mut all: Vec<_> = values.into_iter().collect();
        all.sort_by(|a, b| compare(&a.2 .0, &b.2 .0).then_with(|| a.1.cmp(&b.1)));
        let mut names = FacetNames::default();
        for (rank, (facet, value, (name, lang))) in all.into_iter().enumerate() {
            let rank = u32::try_from(rank).unwrap_or(u32::MAX);
            names
                .values
                .entry(facet)
                .or_default()
                .insert(value, (name, lang, rank));
        }
        names
    }

    /// The value's name and its language; the value itself when the data
    /// names it nowhere.
    pub fn label(&self, facet: &str, value: &str) -> (String, Option<String>) {
        match self.values.get(facet).and_then(|v| v.get(value)) {
            Some((name, lang, _)) => (name.clone(), lang.clone()),
            None => (value.to_string(), None),
        }
    }

    /// Its place by name; a value not in the table goes last.
    fn rank(&self, facet: &str, value: &str) -> u32 {
        self.values
            .get(facet)
            .and_then(|v| v.get(value))
            .map_or(u32::MAX, |(_, _, rank)| *rank)
    }
}

/// The lists for `counts`: values with results or chosen, named from
/// `names`, ordered by count (ties by name) or by name, and cut to
/// [`COLLAPSED_VALUES`] unless the facet is in `expanded`; a chosen value
/// is always listed. Facets with nothing to list are left out.
pub fn facet_lists(
    counts: Vec<FacetCounts>,
    order: ValueOrder,
    expanded: &[String],
    names: &FacetNames,
) -> Vec<FacetList> {
    counts
        .into_iter()
        .filter_map(|facet| {
            let mut ranked: Vec<(u32, _)> = facet
                .values
                .into_iter()
                .filter(|v| v.count > 0 || v.selected)
                .map(|v| (names.rank(&facet.facet, &v.value), v))
                .collect();
            if ranked.is_empty() {
                return None;
            }
            ranked.sort_by(|(ra, a), (rb, b)| {
                let by_name = ra.cmp(rb).then_with(|| a.value.cmp(&b.value));
                match order {
                    ValueOrder::Name => by_name,
                    ValueOrder::Count => b.count.cmp(&a.count).then(by_name),
                }
            });
            let values = ranked.len();
            let open = expanded.contains(&facet.facet);
            let rows = ranked
                .into_iter()
                .enumerate()
                .filter(|(i, (_, v))| open || *i < COLLAPSED_VALUES || v.selected)
                .map(|(_, (_, v))| {
                    let (name, name_lang) = names.label(&facet.facet, &v.value);
                    FacetRow {
                        value: v.value,
                        count: v.count,
                        selected: v.selected,
                        name,
                        name_lang,
                    }
                })
                .collect();
            Some(FacetList {
                facet: facet.facet,
                rows,
                values,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::ValueCount;

    fn counts(facet: &str, values: &[(&str, u32, bool)]) -> FacetCounts {
        FacetCounts {
            facet: facet.into(),
            values: values
                .iter()
                .map(|&(value, count, selected)| ValueCount {
                    value: value.into(),
                    count,
                    selected,
                })
                .collect(),
        }
    }

    fn shown(list: &FacetList) -> Vec<&str> {
        list.rows.iter().map(|r| r.name.as_str()).collect()
    }

    /// Names equal to the values, in code point order.
    fn plain(facets: &[FacetCounts]) -> FacetNames {
        FacetNames::new(
            facets.iter().flat_map(|f| {
                f.values
                    .iter()
                    .map(|v| (f.facet.clone(), v.value.clone(), (v.value.clone(), None)))
            }),
            |a, b| a.cmp(b),
        )
    }

    #[test]
    fn by_count_ties_by_name_and_cut_to_the_first_few() {
        let c = counts(
            "country",
            &[
                ("g", 1, false),
                ("b", 5, false),
                ("a", 5, false),
                ("c", 4, false),
                ("d", 3, false),
                ("e", 2, false),
                ("f", 2, false),
                ("z", 0, false),
            ],
        );
        let names = plain(std::slice::from_ref(&c));
        let lists = facet_lists(vec![c], ValueOrder::Count, &[], &names);
        assert_eq!(shown(&lists[0]), ["a", "b", "c", "d", "e", "f"]);
        assert_eq!(lists[0].values, 7, "z has no results and is not counted");
    }

    #[test]
    fn a_chosen_value_is_listed_even_beyond_the_cut_and_at_zero() {
        let mut values: Vec<(String, u32, bool)> =
            (0..9).map(|n| (format!("v{n}"), 10 - n, false)).collect();
        values.push(("last".into(), 0, true));
        let borrowed: Vec<(&str, u32, bool)> = values
            .iter()
            .map(|(v, c, s)| (v.as_str(), *c, *s))
            .collect();
        let c = counts("topic", &borrowed);
        let names = plain(std::slice::from_ref(&c));
        let lists = facet_lists(vec![c], ValueOrder::Count, &[], &names);
        assert_eq!(lists[0].rows.len(), COLLAPSED_VALUES + 1);
        assert_eq!(lists[0].rows.last().map(|r| r.value.as_str()), Some("last"));
        assert_eq!(lists[0].values, 10);
    }

    #[test]
    fn an_expanded_facet_lists_every_value_by_name_in_the_given_collation() {
        let c = counts(
            "person",
            &[("p1", 1, false), ("p2", 9, false), ("p3", 3, false)],
        );
        let label = |value: &str| match value {
            "p1" => ("Çelik".to_string(), None),
            "p2" => ("Demir".to_string(), Some("en".to_string())),
            _ => ("Can".to_string(), None),
        };
        // A Turkish-like order: Ç after C.
        let turkish = |a: &str, b: &str| {
            let key = |s: &str| s.replace('Ç', "C\u{10FFFF}");
            key(a).cmp(&key(b))
        };
        let names = FacetNames::new(
            ["p1", "p2", "p3"].map(|v| ("person".to_string(), v.to_string(), label(v))),
            turkish,
        );
        let lists = facet_lists(vec![c], ValueOrder::Name, &["person".to_string()], &names);
        assert_eq!(shown(&lists[0]), ["Can", "Çelik", "Demir"]);
        assert_eq!(lists[0].rows[2].name_lang.as_deref(), Some("en"));
    }

    #[test]
    fn a_value_the_names_do_not_know_shows_itself_and_goes_last_by_name() {
        let c = counts("country", &[("zz", 1, false), ("xx", 1, true)]);
        let names = FacetNames::new(
            [(
                "country".to_string(),
                "zz".to_string(),
                ("Zeta".to_string(), None),
            )],
            |a, b| a.cmp(b),
        );
        let lists = facet_lists(vec![c], ValueOrder::Name, &[], &names);
        assert_eq!(shown(&lists[0]), ["Zeta", "xx"]);
    }

    #[test]
    fn facets_with_nothing_to_list_are_left_out() {
        let c = vec![
            counts("year", &[("2020", 0, false)]),
            counts("kind", &[("a", 1, false)]),
        ];
        let names = plain(&c);
        let lists = facet_lists(c, ValueOrder::Count, &[], &names);
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].facet, "kind");
    }
}
