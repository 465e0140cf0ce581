//! JSON Schema for the string-shaped types, whose serde form is a checked string.

use crate::{LanguageCode, PartialDate};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

impl JsonSchema for LanguageCode {
    fn schema_name() -> Cow<'static, str> {
        "LanguageCode".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A BCP 47 language tag: en, tr, ru, pt-BR",
            "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
        })
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> Cow<'static, str> {
        "PartialDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A date as precise as it is known: YYYY, YYYY-MM or YYYY-MM-DD",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
        })
    }
}
