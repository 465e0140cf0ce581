//! `sitemap.xml` (sitemaps.org 0.9) with each page's language alternates
//! (`xhtml:link rel="alternate" hreflang`), and those alternates on their
//! own, so that a page's `<head>` names exactly the same set as the sitemap.

use super::pages::{archive_path, entry_path, ROOT_PATH};
use super::public_url::PublicUrl;
use super::xml;
use crate::catalog::EntryCard;
use crate::date::{PartialDate, Precision};
use crate::language::LanguageCode;
use crate::site::Site;
use std::collections::BTreeSet;
use std::fmt::Write;

/// The most URLs one sitemap file may list (sitemaps.org); a bigger site
/// needs a sitemap index, which is not written yet.
pub const SITEMAP_URL_LIMIT: usize = 50_000;

/// Why no sitemap was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SitemapError {
    #[error("the site has {count} pages, more than the {limit} one sitemap may list")]
    TooManyUrls { count: usize, limit: usize },
}

/// One `hreflang` alternate of a page: a language tag or `x-default`, and
/// the absolute URL of the page in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

/// The site's languages an entry is translated into, in the switcher's
/// order: the languages it has a page of its own in. `has` says whether
/// the entry has a language (`|c| entry.translations.contains_key(c)`, or
/// a card's `languages`).
pub fn entry_languages(site: &Site, has: impl Fn(&LanguageCode) -> bool) -> Vec<&LanguageCode> {
    site.languages
        .iter()
        .map(|l| &l.code)
        .filter(|c| has(c))
        .collect()
}

/// The alternates of an entry's pages: one per language it is translated
/// into, and `x-default` for its original (else its first language). The
/// same list goes on every one of those pages, itself included, which is
/// what makes the links reciprocal. Empty when the entry has none of the
/// site's languages.
///
/// ```
/// # use okuma_core::{Site, LanguageCode};
/// # use okuma_core::publish::{entry_alternates, PublicUrl};
/// # let site = Site::from_json(r#"{"format":1,"default_language":"en",
/// #   "languages":[{"code":"en","name":"English"},{"code":"tr","name":"Türkçe"},{"code":"ru","name":"Русский"}],
/// #   "title":{"en":"okuma"},"catalog":{"entries":1,"page_size":50,"pages":1}}"#).unwrap();
/// let url = PublicUrl::parse("https://example.org/").unwrap();
/// let tr = LanguageCode::parse("tr").unwrap();
/// let links = entry_alternates(&site, &url, "csto", &tr, |c| c.as_str() != "ru");
/// let langs: Vec<_> = links.iter().map(|a| a.hreflang.as_str()).collect();
/// assert_eq!(langs, ["en", "tr", "x-default"]);
/// assert_eq!(links[2].href, "https://example.org/tr/entries/csto/");
/// ```
pub fn entry_alternates(
    site: &Site,
    url: &PublicUrl,
    slug: &str,
    original: &LanguageCode,
    has: impl Fn(&LanguageCode) -> bool,
) -> Vec<Alternate> {
    let languages = entry_languages(site, has);
    let Some(default) = languages
        .iter()
        .find(|c| **c == original)
        .or_else(|| languages.first())
    else {
        return Vec::new();
    };
    let mut links: Vec<Alternate> = languages
        .iter()
        .map(|code| Alternate {
            hreflang: code.to_string(),
            href: url.url(&entry_path(code, slug)),
        })
        .collect();
    links.push(Alternate {
        hreflang: "x-default".into(),
        href: url.url(&entry_path(default, slug)),
    });
    links
}

/// The alternates of the archive pages: every language of the site, and
/// `x-default` for the root, which picks a reader's language (the case
/// `x-default` exists for).
pub fn archive_alternates(site: &Site, url: &PublicUrl) -> Vec<Alternate> {
    site.languages
        .iter()
        .map(|l| Alternate {
            hreflang: l.code.to_string(),
            href: url.url(&archive_path(&l.code)),
        })
        .chain(std::iter::once(Alternate {
            hreflang: "x-default".into(),
            href: url.url(ROOT_PATH),
        }))
        .collect()
}

/// The sitemap of the whole site, from the cards of any one catalog
/// language (every catalog lists every entry; a card passed twice counts
/// once).
///
/// It lists the root, each language's archive, and each entry's page in
/// every language the entry is **translated into**. An entry's page in a
/// language it lacks exists (it shows a fallback translation) but is the
/// same text as the real page, so it is left out, as search engines ask
/// of duplicates. `lastmod` is given only for dates known to the day: the
/// sitemap schema takes nothing coarser, and a day is never invented.
///
/// ```
/// # use okuma_core::{Site, EntryCard, LanguageCode};
/// # use okuma_core::publish::{sitemap, PublicUrl};
/// # let site = Site::from_json(r#"{"format":1,"default_language":"en",
/// #   "languages":[{"code":"en","name":"English"},{"code":"tr","name":"Türkçe"}],
/// #   "title":{"en":"okuma"},"catalog":{"entries":0,"page_size":50,"pages":0}}"#).unwrap();
/// let url = PublicUrl::parse("https://example.org/okuma/").unwrap();
/// let xml = sitemap(&site, &url, &[]).unwrap();
/// assert!(xml.contains("<loc>https://example.org/okuma/tr/</loc>"));
/// ```
pub fn sitemap(site: &Site, url: &PublicUrl, cards: &[EntryCard]) -> Result<String, SitemapError> {
    let mut seen = BTreeSet::new();
    let cards: Vec<&EntryCard> = cards
        .iter()
        .filter(|card| seen.insert(card.slug.as_str()))
        .collect();
    let offered = |c: &LanguageCode| site.offers(c);
    let count = 1
        + site.languages.len()
        + cards
            .iter()
            .map(|card| card.languages.iter().filter(|c| offered(c)).count())
            .sum::<usize>();
    if count > SITEMAP_URL_LIMIT {
        return Err(SitemapError::TooManyUrls {
            count,
            limit: SITEMAP_URL_LIMIT,
        });
    }

    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let newest = |lang: Option<&LanguageCode>| {
        cards
            .iter()
            .filter(|card| lang.is_none_or(|l| card.languages.contains(l)))
            .filter_map(|card| card.date)
            .max()
    };
    let archives = archive_alternates(site, url);
    url_element(&mut out, &url.url(ROOT_PATH), newest(None), &archives);
    for language in &site.languages {
        let loc = url.url(&archive_path(&language.code));
        url_element(&mut out, &loc, newest(Some(&language.code)), &archives);
    }
    for card in cards {
        let has = |c: &LanguageCode| card.languages.contains(c);
        let links = entry_alternates(site, url, &card.slug, &card.original_language, has);
        for code in entry_languages(site, has) {
            let loc = url.url(&entry_path(code, &card.slug));
            url_element(&mut out, &loc, card.date, &links);
        }
    }
    out.push_str("</urlset>\n");
    Ok(out)
}

fn url_element(out: &mut String, loc: &str, date: Option<PartialDate>, links: &[Alternate]) {
    // Writing to a String cannot fail.
    let _ = writeln!(out, "  <url>\n    <loc>{}</loc>", xml::text(loc));
    if let Some(date) = date.filter(|d| d.precision() == Precision::Day) {
        let _ = writeln!(out, "    <lastmod>{date}</lastmod>");
    }
    for link in links {
        let _ = writeln!(
            out,
            "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
            xml::attr(&link.hreflang),
            xml::attr(&link.href)
        );
    }
    out.push_str("  </url>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::tests::{card, code, site};
    use std::collections::BTreeMap;

    fn url() -> PublicUrl {
        PublicUrl::parse("https://user.github.io/okuma/").unwrap()
    }

    /// loc → (lastmod, hreflang → href), read back from the XML text.
    fn parse(xml: &str) -> BTreeMap<String, (Option<String>, BTreeMap<String, String>)> {
        let between = |s: &str, a: &str, b: &str| -> Option<String> {
            let start = s.find(a)? + a.len();
            Some(s[start..start + s[start..].find(b)?].to_string())
        };
        xml.split("<url>")
            .skip(1)
            .map(|u| {
                let loc = between(u, "<loc>", "</loc>").unwrap();
                let lastmod = between(u, "<lastmod>", "</lastmod>");
                let links = u
                    .split("<xhtml:link ")
                    .skip(1)
                    .map(|l| {
                        (
                            between(l, "hreflang=\"", "\"").unwrap(),
                            between(l, "href=\"", "\"").unwrap(),
                        )
                    })
                    .collect();
                (loc, (lastmod, links))
            })
            .collect()
    }

    fn cards() -> Vec<EntryCard> {
        let mut both = card("both", "en", "tr", Some("2022-12-14"));
        both.languages = vec![code("en"), code("tr")];
        let mut all = card("all", "en", "ru", Some("2022-12"));
        all.languages = vec![code("en"), code("ru"), code("tr")];
        // Translated into a language the site does not offer: no page there.
        let mut only_en = card("only-en", "en", "en", Some("2021"));
        only_en.languages = vec![code("de"), code("en")];
        vec![both, all, only_en]
    }

    #[test]
    fn every_alternate_is_reciprocal_and_names_itself() {
        let pages = parse(&sitemap(&site(), &url(), &cards()).unwrap());
        for (loc, (_, links)) in &pages {
            assert!(
                links.values().any(|href| href == loc),
                "{loc} does not name itself"
            );
            for (lang, href) in links.iter().filter(|(l, _)| *l != "x-default") {
                let (_, theirs) = pages
                    .get(href)
                    .unwrap_or_else(|| panic!("{loc} → {lang} {href}, which is not listed"));
                assert_eq!(
                    theirs, links,
                    "{href} does not link back the same set as {loc}"
                );
            }
        }
    }

    #[test]
    fn entries_are_listed_only_in_the_languages_they_are_translated_into() {
        let pages = parse(&sitemap(&site(), &url(), &cards()).unwrap());
        let locs: Vec<&str> = pages.keys().map(String::as_str).collect();
        let base = "https://user.github.io/okuma/";
        let expected: BTreeSet<String> = [
            "",
            "en/",
            "tr/",
            "ru/",
            "en/entries/both/",
            "tr/entries/both/",
            "en/entries/all/",
            "tr/entries/all/",
            "ru/entries/all/",
            "en/entries/only-en/",
        ]
        .iter()
        .map(|p| format!("{base}{p}"))
        .collect();
        assert_eq!(
            locs.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>(),
            expected
        );
        let (_, links) = &pages[&format!("{base}tr/entries/both/")];
        let langs: Vec<&str> = links.keys().map(String::as_str).collect();
        assert_eq!(langs, ["en", "tr", "x-default"]);
        // x-default is the original's page.
        assert_eq!(links["x-default"], format!("{base}tr/entries/both/"));
        assert_eq!(
            pages[&format!("{base}en/entries/all/")].1["x-default"],
            format!("{base}ru/entries/all/")
        );
    }

    #[test]
    fn archives_alternate_among_the_site_languages_with_the_root_as_default() {
        let pages = parse(&sitemap(&site(), &url(), &cards()).unwrap());
        let base = "https://user.github.io/okuma/";
        let (_, links) = &pages[&format!("{base}ru/")];
        assert_eq!(links.len(), 4);
        assert_eq!(links["ru"], format!("{base}ru/"));
        assert_eq!(links["x-default"], base);
        assert_eq!(pages[base].1, *links);
    }

    #[test]
    fn lastmod_only_for_dates_known_to_the_day() {
        let pages = parse(&sitemap(&site(), &url(), &cards()).unwrap());
        let base = "https://user.github.io/okuma/";
        assert_eq!(
            pages[&format!("{base}tr/entries/both/")].0.as_deref(),
            Some("2022-12-14")
        );
        assert_eq!(pages[&format!("{base}en/entries/all/")].0, None);
        assert_eq!(pages[&format!("{base}en/entries/only-en/")].0, None);
        // An archive is as new as its newest entry, here known to the day.
        assert_eq!(
            pages[&format!("{base}tr/")].0.as_deref(),
            Some("2022-12-14")
        );
        // Russian has only the month-dated entry.
        assert_eq!(pages[&format!("{base}ru/")].0, None);
    }

    #[test]
    fn a_card_passed_twice_is_listed_once() {
        let mut twice = cards();
        twice.extend(cards());
        let xml = sitemap(&site(), &url(), &twice).unwrap();
        assert_eq!(
            xml.matches("<loc>https://user.github.io/okuma/en/entries/all/</loc>")
                .count(),
            1
        );
    }

    #[test]
    fn too_many_pages_for_one_sitemap_is_an_error() {
        let many: Vec<EntryCard> = (0..SITEMAP_URL_LIMIT / 2)
            .map(|i| {
                let mut c = card(&format!("e{i}"), "en", "en", None);
                c.languages = vec![code("en"), code("tr")];
                c
            })
            .collect();
        assert!(matches!(
            sitemap(&site(), &url(), &many),
            Err(SitemapError::TooManyUrls { .. })
        ));
    }
}
