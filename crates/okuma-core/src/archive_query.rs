//! The archive's state as it lives in the URL: the search words, the chosen
//! facet values, the order, "all languages" and how facet values are
//! listed. Every change the reader makes is a new URL, so a filtered view
//! can be shared and back/forward restore it.
//!
//! ```
//! use okuma_core::archive_query::{ArchiveQuery, Order};
//! let q = ArchiveQuery::parse("q=Kazakhstan&country=kz&country=uz&sort=date");
//! assert_eq!(q.text, "Kazakhstan");
//! assert_eq!(q.order(), Order::Date);
//! assert_eq!(ArchiveQuery::parse(&q.to_query()), q);
//! ```

use crate::facets::{Selection, FACETS};

/// The longest search text kept from a URL, in characters.
pub const MAX_TEXT_CHARS: usize = 200;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Newest first.
    Date,
    /// Best match first (only with search words).
    Relevance,
}

/// How each facet lists its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ValueOrder {
    #[default]
    Count,
    Name,
}

/// Everything the archive's URL query says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArchiveQuery {
    /// The search words, as typed.
    pub text: String,
    pub selection: Selection,
    /// `sort=`: `None` means the default for the view.
    pub sort: Option<Order>,
    /// `all=1`: search every language, not just the reading language.
    pub all_languages: bool,
    /// `values=name`: facet values by name, not by count.
    pub values: ValueOrder,
}

impl ArchiveQuery {
    /// Reads a URL query (with or without the leading `?`). Unknown keys,
    /// unknown facets and empty values are ignored, never an error.
    pub fn parse(query: &str) -> ArchiveQuery {
        let query = query.strip_prefix('?').unwrap_or(query);
        ArchiveQuery::from_pairs(form_urlencoded::parse(query.as_bytes()).into_owned())
    }

    /// Reads decoded key/value pairs, as a router hands them over.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> ArchiveQuery {
        let mut out = ArchiveQuery::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key.as_str() {
                // Trimmed again once cut: the cut may end at a space, and
                // the URL written for the state would then read back
                // without it (found by fuzzing, fuzz/artifacts/archive_query).
                "q" => {
                    let kept: String = value.chars().take(MAX_TEXT_CHARS).collect();
                    out.text = kept.trim_end().to_string();
                }
                "sort" => {
                    out.sort = match value {
                        "date" => Some(Order::Date),
                        "relevance" => Some(Order::Relevance),
                        _ => None,
                    }
                }
                "all" => out.all_languages = value == "1",
                "values" => {
                    out.values = if value == "name" {
                        ValueOrder::Name
                    } else {
                        ValueOrder::Count
                    }
                }
                facet if FACETS.contains(&facet) && !value.is_empty() => {
                    out.selection
                        .entry(facet.to_string())
                        .or_default()
                        .insert(value.to_string());
                }
                _ => {}
            }
        }
        out
    }

    /// The URL query, `?…`, or empty when nothing is set. Facets come in
    /// the archive's order so the same state is always the same URL.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if !self.text.trim().is_empty() {
            out.append_pair("q", &self.text);
        }
        for facet in FACETS {
            for value in self.selection.get(facet).into_iter().flatten() {
                out.append_pair(facet, value);
            }
        }
        match self.sort {
            Some(Order::Date) => {
                out.append_pair("sort", "date");
            }
            Some(Order::Relevance) => {
                out.append_pair("sort", "relevance");
            }
            None => {}
        }
        if self.all_languages {
            out.append_pair("all", "1");
        }
        if self.values == ValueOrder::Name {
            out.append_pair("values", "name");
        }
        let query = out.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }

    /// The order in effect: what the reader chose, else relevance when
    /// there are search words and date when there are none.
    pub fn order(&self) -> Order {
        match self.sort {
            Some(Order::Relevance) if self.has_text() => Order::Relevance,
            Some(_) => Order::Date,
            None if self.has_text() => Order::Relevance,
            None => Order::Date,
        }
    }

    pub fn has_text(&self) -> bool {
        !self.text.trim().is_empty()
    }

    /// True when any facet value is chosen.
    pub fn has_filters(&self) -> bool {
        self.selection.values().any(|v| !v.is_empty())
    }

    /// The same state with a facet value chosen, or unchosen if it was.
    pub fn toggled(&self, facet: &str, value: &str) -> ArchiveQuery {
        let mut next = self.clone();
        let chosen = next.selection.entry(facet.to_string()).or_default();
        if !chosen.remove(value) {
            chosen.insert(value.to_string());
        }
        if chosen.is_empty() {
            next.selection.remove(facet);
        }
        next
    }

    /// The same state without a facet's choices.
    pub fn without_facet(&self, facet: &str) -> ArchiveQuery {
        let mut next = self.clone();
        next.selection.remove(facet);
        next
    }

    /// The same search words and settings with no facet chosen.
    pub fn without_filters(&self) -> ArchiveQuery {
        ArchiveQuery {
            selection: Selection::new(),
            ..self.clone()
        }
    }

    /// Every chosen (facet, value), in the archive's facet order.
    pub fn chips(&self) -> Vec<(String, String)> {
        FACETS
            .iter()
            .flat_map(|f| {
                self.selection
                    .get(*f)
                    .into_iter()
                    .flatten()
                    .map(move |v| (f.to_string(), v.clone()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_state_round_trips() {
        let cases = [
            "",
            "?q=Kazakhstan",
            "?q=%C4%B0STANBUL+%C3%B6zbekistan&topic=energy&country=kz&country=uz&sort=date&all=1&values=name",
            "?q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E",
            "?q=a%26b%3Dc%23d",
            "?kind=analysis&year=2022&language=ru",
        ];
        for url in cases {
            let state = ArchiveQuery::parse(url);
            assert_eq!(state.to_query(), url, "{url}");
            assert_eq!(ArchiveQuery::parse(&state.to_query()), state);
        }
        assert_eq!(ArchiveQuery::parse("?q=%C4%B0STANBUL").text, "İSTANBUL");
        assert_eq!(ArchiveQuery::parse("?q=a%26b%3Dc%23d").text, "a&b=c#d");
    }

    #[test]
    fn the_same_state_is_the_same_url_whatever_the_order() {
        let a = ArchiveQuery::parse("?country=uz&kind=analysis&country=kz");
        let b = ArchiveQuery::parse("?kind=analysis&country=kz&country=uz");
        assert_eq!(a.to_query(), b.to_query());
        assert_eq!(a.to_query(), "?kind=analysis&country=kz&country=uz");
    }

    #[test]
    fn junk_in_the_url_is_ignored() {
        let state =
            ArchiveQuery::parse("?evil=1&sort=sideways&country=&q=%FF%FE&colour=red&all=yes");
        assert_eq!(state.sort, None);
        assert!(!state.has_filters());
        assert!(!state.all_languages);
        assert_eq!(state.to_query(), format!("?q={}", "%EF%BF%BD%EF%BF%BD"));
        let long = format!("?q={}", "x".repeat(10_000));
        assert_eq!(ArchiveQuery::parse(&long).text.len(), MAX_TEXT_CHARS);
    }

    #[test]
    fn text_cut_at_a_space_reads_back_the_same() {
        let url = format!("?q={}+b", "a".repeat(MAX_TEXT_CHARS - 1));
        let state = ArchiveQuery::parse(&url);
        assert_eq!(state.text, "a".repeat(MAX_TEXT_CHARS - 1));
        assert_eq!(ArchiveQuery::parse(&state.to_query()), state);
    }

    #[test]
    fn order_defaults_to_relevance_only_with_words() {
        assert_eq!(ArchiveQuery::parse("").order(), Order::Date);
        assert_eq!(ArchiveQuery::parse("?q=x").order(), Order::Relevance);
        assert_eq!(ArchiveQuery::parse("?q=x&sort=date").order(), Order::Date);
        assert_eq!(ArchiveQuery::parse("?sort=relevance").order(), Order::Date);
    }

    #[test]
    fn toggling_and_removing_choices() {
        let state = ArchiveQuery::parse("?q=x&country=kz");
        let more = state.toggled("country", "uz");
        assert_eq!(more.to_query(), "?q=x&country=kz&country=uz");
        assert_eq!(more.toggled("country", "uz"), state);
        assert_eq!(state.toggled("country", "kz").to_query(), "?q=x");
        assert_eq!(more.chips().len(), 2);
        assert_eq!(more.without_facet("country").to_query(), "?q=x");
        assert_eq!(
            more.toggled("year", "2022").without_filters().to_query(),
            "?q=x"
        );
    }
}
