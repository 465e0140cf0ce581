//! The facet table (`facets.json`): for every facet value, the entries that
//! have it, as ascending entry numbers. Enough to count and filter the whole
//! archive without fetching a single catalog page or entry.

use serde::{Deserialize, Serialize};

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
    /// Ascending entry numbers.
    pub entries: Vec<u32>,
}
