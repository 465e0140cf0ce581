//! JSON Schema of every dataset file, generated from the core crate's types
//! so that the documentation cannot drift from the reader.

use okuma_core::search::{PostingShard, SearchDoc, TermDictionary};
use okuma_core::{CatalogPage, EntityTable, Entry, FacetTable, Files, PeopleTable, Site};
use schemars::{schema_for, Schema};

/// One schema file per kind of dataset file.
pub fn files() -> Files {
    let schemas: [(&str, Schema); 9] = [
        ("site.schema.json", schema_for!(Site)),
        ("catalog-page.schema.json", schema_for!(CatalogPage)),
        ("facets.schema.json", schema_for!(FacetTable)),
        ("entities.schema.json", schema_for!(EntityTable)),
        ("people.schema.json", schema_for!(PeopleTable)),
        ("entry.schema.json", schema_for!(Entry)),
        ("search-terms.schema.json", schema_for!(TermDictionary)),
        ("search-shard.schema.json", schema_for!(PostingShard)),
        ("search-doc.schema.json", schema_for!(SearchDoc)),
    ];
    schemas
        .into_iter()
        .map(|(name, schema)| {
            let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
            (name.to_string(), text)
        })
        .collect()
}
