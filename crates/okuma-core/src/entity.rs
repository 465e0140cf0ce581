//! People, organisations, countries and places that entries mention, and
//! the people credited on entries.

use crate::provenance::LocalText;
use crate::site::LocalNames;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What sort of thing an entity is; decides which facet lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organisation,
    Country,
    Place,
    Agreement,
    Institution,
}

impl EntityKind {
    /// The archive facet that lists entities of this kind, if any.
    pub fn facet(self) -> Option<&'static str> {
        match self {
            EntityKind::Person => Some("person"),
            EntityKind::Organisation | EntityKind::Institution => Some("organisation"),
            EntityKind::Country => Some("country"),
            EntityKind::Place | EntityKind::Agreement => None,
        }
    }
}

/// An entity with its name and one-sentence description per language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EntityRecord {
    pub kind: EntityKind,
    #[serde(deserialize_with = "crate::unique::map")]
    pub name: LocalNames,
    #[serde(default, deserialize_with = "crate::unique::map")]
    pub description: LocalNames,
    /// Slug of the explainer entry about this entity, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explainer: Option<String>,
}

/// A person credited on entries, with a name and a bio per language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: LocalNames,
    #[serde(default, deserialize_with = "crate::unique::map")]
    pub bio: BTreeMap<crate::LanguageCode, LocalText>,
}

/// `entities.json`: every entity's name, for facet labels and mention previews.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EntityTable {
    pub format: u32,
    pub entities: BTreeMap<String, EntityRecord>,
}

/// `people.json`: every credited person's name, for the author facet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PeopleTable {
    pub format: u32,
    pub people: BTreeMap<String, LocalNames>,
}
