//! Where a text comes from: written in its language, or translated by
//! someone credited; shared by entries' translations and people's bios.

use crate::date::PartialDate;
use crate::issue::Issues;
use crate::language::LanguageCode;
use serde::{Deserialize, Serialize};

/// Where a text comes from: written in this language, or translated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Provenance {
    Original,
    Translation {
        from: LanguageCode,
        by: Credit,
        date: Option<PartialDate>,
    },
}

impl Provenance {
    pub fn is_translation(&self) -> bool {
        matches!(self, Provenance::Translation { .. })
    }

    /// Problems with who is credited: a translation names its translator in
    /// every way a page may need it.
    pub(crate) fn check(&self, at: &str, issues: &mut Issues) {
        if let Provenance::Translation { by, .. } = self {
            if by.id.trim().is_empty() {
                issues
                    .error(format!("{at}.by.id"), "a translation needs a translator")
                    .hint("credit a person from people.json by id");
            }
            if by.name.is_empty() {
                issues.error(format!("{at}.by.name"), "a translator needs a name");
            }
        }
    }
}

/// Someone credited for a text, such as its translator: a person of
/// `people.json` by id, with their name per language carried along so that
/// a page shows it in the reading language without loading the people table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Credit {
    pub id: String,
    #[serde(deserialize_with = "crate::unique::map")]
    pub name: crate::site::LocalNames,
}

/// A short text in one language, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalText {
    pub text: String,
    pub provenance: Provenance,
}
