//! The Atom 1.0 feed of one language (RFC 4287), `{lang}/feed.xml`: the
//! entries a reader of that language can read in it, newest first.

use super::pages::{archive_path, entry_path, feed_path};
use super::public_url::PublicUrl;
use super::xml;
use crate::catalog::EntryCard;
use crate::date::PartialDate;
use crate::entity::PeopleTable;
use crate::language::LanguageCode;
use crate::localised::name_or_id;
use crate::site::Site;
use std::collections::BTreeSet;
use std::fmt::Write;

/// How many entries a feed carries: the newest. Feed readers fetch the
/// whole file on every poll, so it stays small whatever the archive's size;
/// the archive page lists the rest.
pub const FEED_ENTRIES: usize = 50;

/// The Atom feed of `lang`, from that language's catalog cards (all pages,
/// in catalog order; cards of other catalogs are ignored).
///
/// Only entries **translated into** `lang` are in it: a catalog lists every
/// entry, those missing in a language as a fallback card in another one
/// (the card's `lang` says which), and a feed item in another language
/// than its feed would be noise to its subscribers. Entries without a date
/// are left out too: Atom requires one, and inventing it would make them
/// look new on every build. Atom also requires full date-times: a date
/// known to the month or year is given as its first day at midnight UTC.
/// People are named from `people` in the feed's language (or a fallback,
/// then marked with its `xml:lang`).
///
/// ```
/// # use okuma_core::{Site, PeopleTable, EntryCard, LanguageCode, PartialDate};
/// # use okuma_core::publish::{atom_feed, PublicUrl};
/// # let site = Site::from_json(r#"{"format":1,"default_language":"en",
/// #   "languages":[{"code":"en","name":"English"}],"title":{"en":"okuma"},
/// #   "catalog":{"entries":1,"page_size":50,"pages":1}}"#).unwrap();
/// # let people = PeopleTable { format: 1, people: Default::default() };
/// # let en = LanguageCode::parse("en").unwrap();
/// # let card = EntryCard { id: 0, slug: "csto".into(), kind: "explainer".into(),
/// #   date: PartialDate::parse("2022-12").ok(), original_language: en.clone(), lang: en.clone(),
/// #   title: "CSTO".into(), summary: "A military alliance.".into(), languages: vec![en.clone()],
/// #   topics: vec![], entities: vec![], authors: vec![] };
/// let url = PublicUrl::parse("https://example.org/okuma/").unwrap();
/// let feed = atom_feed(&site, &people, &url, &en, &[card]);
/// assert!(feed.contains("<id>https://example.org/okuma/en/entries/csto/</id>"));
/// assert!(feed.contains("<updated>2022-12-01T00:00:00Z</updated>"));
/// ```
pub fn atom_feed(
    site: &Site,
    people: &PeopleTable,
    url: &PublicUrl,
    lang: &LanguageCode,
    cards: &[EntryCard],
) -> String {
    let mut seen = BTreeSet::new();
    let mut items: Vec<(&EntryCard, PartialDate)> = cards
        .iter()
        .filter(|card| &card.lang == lang)
        // A card passed twice (overlapping pages) is one entry.
        .filter(|card| seen.insert(card.slug.as_str()))
        .filter_map(|card| card.date.map(|date| (card, date)))
        .collect();
    // Stable: entries of the same date keep the catalog's order.
    items.sort_by_key(|(_, date)| std::cmp::Reverse(*date));
    items.truncate(FEED_ENTRIES);

    let title = site.title_in(lang);
    let feed_url = url.url(&feed_path(lang));
    // Atom requires a feed date; an empty feed has not changed since the
    // epoch rather than at whatever moment it was built.
    let updated = items
        .first()
        .map(|(_, date)| date_time(date))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());

    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         \x20 <id>{id}</id>\n\
         \x20 <title>{title}</title>\n\
         \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"{id}\"/>\n\
         \x20 <link rel=\"alternate\" type=\"text/html\" hreflang=\"{lang}\" href=\"{archive}\"/>\n\
         \x20 <updated>{updated}</updated>\n\
         \x20 <author><name>{title}</name></author>\n\
         \x20 <generator>okuma</generator>\n",
        lang = xml::attr(lang.as_str()),
        id = xml::text(&feed_url),
        title = xml::text(title),
        archive = xml::attr(&url.url(&archive_path(lang))),
    );
    for (card, date) in items {
        let link = url.url(&entry_path(lang, &card.slug));
        let when = date_time(&date);
        let _ = write!(
            out,
            "  <entry>\n\
             \x20   <id>{id}</id>\n\
             \x20   <title>{title}</title>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"{href}\"/>\n\
             \x20   <published>{when}</published>\n\
             \x20   <updated>{when}</updated>\n",
            id = xml::text(&link),
            title = xml::text(&card.title),
            href = xml::attr(&link),
        );
        for id in &card.authors {
            let (name, name_lang) = match people.people.get(id) {
                Some(names) => name_or_id(names, lang, id),
                None => (id.clone(), None),
            };
            let name_lang = name_lang
                .map(|l| format!(" xml:lang=\"{}\"", xml::attr(&l)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    <author><name{name_lang}>{}</name></author>",
                xml::text(&name)
            );
        }
        for topic in &card.topics {
            let label = site
                .topics
                .get(topic)
                .map(|names| name_or_id(names, lang, topic).0)
                .unwrap_or_else(|| topic.clone());
            let _ = writeln!(
                out,
                "    <category term=\"{}\" label=\"{}\"/>",
                xml::attr(topic),
                xml::attr(&label)
            );
        }
        if !card.summary.trim().is_empty() {
            let _ = writeln!(out, "    <summary>{}</summary>", xml::text(&card.summary));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// An RFC 3339 date-time for a date of any precision: its first day
/// (January for a year), at midnight UTC.
fn date_time(date: &PartialDate) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        date.year,
        date.month.unwrap_or(1),
        date.day.unwrap_or(1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::tests::{card, code, people, site};

    fn url() -> PublicUrl {
        PublicUrl::parse("https://user.github.io/okuma/").unwrap()
    }

    #[test]
    fn dates_of_every_precision_become_date_times() {
        for (text, expected) in [
            ("2022-12-14", "2022-12-14T00:00:00Z"),
            ("2022-12", "2022-12-01T00:00:00Z"),
            ("2022", "2022-01-01T00:00:00Z"),
        ] {
            let date = PartialDate::parse(text).unwrap();
            assert_eq!(date_time(&date), expected);
        }
    }

    #[test]
    fn only_entries_translated_into_the_language_are_listed_newest_first() {
        let cards = vec![
            card("older", "tr", "tr", Some("2021")),
            card("fallback", "en", "en", Some("2023-05-02")),
            card("newer", "tr", "en", Some("2022-12")),
            card("undated", "tr", "tr", None),
        ];
        let feed = atom_feed(&site(), &people(), &url(), &code("tr"), &cards);
        assert!(!feed.contains("fallback"), "{feed}");
        assert!(!feed.contains("undated"), "{feed}");
        let newer = feed.find("entries/newer/").unwrap();
        let older = feed.find("entries/older/").unwrap();
        assert!(newer < older, "{feed}");
        // The feed's date is its newest entry's, not the fallback's.
        assert!(
            feed.contains("  <updated>2022-12-01T00:00:00Z</updated>\n"),
            "{feed}"
        );
        assert!(
            feed.contains("<published>2021-01-01T00:00:00Z</published>"),
            "{feed}"
        );
        assert!(feed.contains("xml:lang=\"tr\""), "{feed}");
        assert!(feed.contains("<title>okuma (tr)</title>"), "{feed}");
    }

    #[test]
    fn links_stay_under_the_sub_path() {
        let feed = atom_feed(
            &site(),
            &people(),
            &url(),
            &code("en"),
            &[card("a", "en", "en", Some("2022"))],
        );
        assert!(
            feed.contains("<id>https://user.github.io/okuma/en/feed.xml</id>"),
            "{feed}"
        );
        assert!(feed.contains("rel=\"self\" type=\"application/atom+xml\" href=\"https://user.github.io/okuma/en/feed.xml\""));
        assert!(feed.contains("rel=\"alternate\" type=\"text/html\" hreflang=\"en\" href=\"https://user.github.io/okuma/en/\""));
        assert!(feed.contains("<id>https://user.github.io/okuma/en/entries/a/</id>"));
        assert!(feed.contains("href=\"https://user.github.io/okuma/en/entries/a/\""));
    }

    #[test]
    fn authors_and_topics_are_named_in_the_language() {
        let mut c = card("a", "tr", "en", Some("2022"));
        c.authors = vec!["editors".into(), "only-english".into(), "unknown".into()];
        c.topics = vec!["energy".into(), "no-name".into()];
        let feed = atom_feed(&site(), &people(), &url(), &code("tr"), &[c]);
        assert!(
            feed.contains("<author><name>okuma editörleri</name></author>"),
            "{feed}"
        );
        assert!(
            feed.contains("<author><name xml:lang=\"en\">Jane Doe</name></author>"),
            "{feed}"
        );
        assert!(
            feed.contains("<author><name>unknown</name></author>"),
            "{feed}"
        );
        assert!(
            feed.contains("<category term=\"energy\" label=\"Enerji\"/>"),
            "{feed}"
        );
        assert!(
            feed.contains("<category term=\"no-name\" label=\"no-name\"/>"),
            "{feed}"
        );
    }

    #[test]
    fn hostile_text_cannot_break_the_xml() {
        let mut c = card("a", "en", "en", Some("2022"));
        c.title = "</title><script>alert('x')</script> & \u{0}\u{1B}done".into();
        c.summary = "\"quoted\" <b>bold</b> ]]> \u{FFFF}".into();
        c.topics = vec!["energy".into()];
        let mut site = site();
        site.topics
            .get_mut("energy")
            .unwrap()
            .insert(code("en"), "\"><x a='".into());
        let feed = atom_feed(&site, &people(), &url(), &code("en"), &[c]);
        assert!(
            feed.contains(
                "<title>&lt;/title&gt;&lt;script&gt;alert('x')&lt;/script&gt; &amp; done</title>"
            ),
            "{feed}"
        );
        assert!(
            feed.contains("<summary>\"quoted\" &lt;b&gt;bold&lt;/b&gt; ]]&gt; </summary>"),
            "{feed}"
        );
        assert!(
            feed.contains("label=\"&quot;&gt;&lt;x a=&apos;\""),
            "{feed}"
        );
        assert!(!feed.contains('\u{0}') && !feed.contains('\u{1B}') && !feed.contains('\u{FFFF}'));
    }

    #[test]
    fn an_empty_summary_is_left_out_and_an_empty_feed_is_still_atom() {
        let mut c = card("a", "en", "en", Some("2022"));
        c.summary = "  ".into();
        let feed = atom_feed(&site(), &people(), &url(), &code("en"), &[c]);
        assert!(!feed.contains("<summary>"), "{feed}");
        let empty = atom_feed(&site(), &people(), &url(), &code("en"), &[]);
        assert!(
            empty.contains("<updated>1970-01-01T00:00:00Z</updated>"),
            "{empty}"
        );
        assert!(!empty.contains("<entry>"));
    }

    #[test]
    fn a_feed_carries_the_newest_entries_only() {
        let cards: Vec<EntryCard> = (0..FEED_ENTRIES + 5)
            .map(|i| card(&format!("e{i}"), "en", "en", Some("2022")))
            .collect();
        let feed = atom_feed(&site(), &people(), &url(), &code("en"), &cards);
        assert_eq!(feed.matches("<entry>").count(), FEED_ENTRIES);
        assert!(
            feed.contains("entries/e0/") && !feed.contains(&format!("entries/e{FEED_ENTRIES}/"))
        );
    }
}
