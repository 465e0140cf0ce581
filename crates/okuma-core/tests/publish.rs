//! What the pre-rendered site publishes for the bundled dataset
//! (`public/data`): the feed of each language, the sitemap and the seed
//! entry's JSON-LD, under a sub-path public URL.
//!
//! With `OKUMA_PUBLISH_OUT=dir` the feeds, sitemap and robots.txt are also
//! written there, laid out as in `dist/`, for `scripts/check-publish.py`
//! to read before the renderer exists.

use okuma_core::publish::{
    archive_alternates, article_json_ld, atom_feed, entry_path, feed_path, robots_txt, sitemap,
    PublicUrl, ROBOTS_PATH, SITEMAP_PATH,
};
use okuma_core::{layout, CatalogPage, Entry, EntryCard, LanguageCode, PeopleTable, Site};
use serde_json::{json, Value};
use std::path::PathBuf;

const SEED: &str = "uzbekistan-kazakhstan-strategic-partnership";
const BASE: &str = "https://user.github.io/okuma/";

fn data(relative: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../public/data")
        .join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn site() -> Site {
    Site::from_json(&data(layout::SITE)).expect("bundled site.json is valid")
}

fn people() -> PeopleTable {
    okuma_core::parse_file(&data(layout::PEOPLE)).expect("bundled people.json is valid")
}

fn code(tag: &str) -> LanguageCode {
    LanguageCode::parse(tag).unwrap()
}

/// Every card of a language's catalog, all pages in order.
fn cards(site: &Site, lang: &LanguageCode) -> Vec<EntryCard> {
    (1..=site.catalog.pages)
        .flat_map(|page| {
            CatalogPage::from_json(&data(&layout::catalog_page(lang, page)))
                .expect("bundled catalog page is valid")
                .entries
        })
        .collect()
}

fn url() -> PublicUrl {
    PublicUrl::parse(BASE).unwrap()
}

fn seed(site: &Site) -> Entry {
    Entry::from_json(&data(&layout::entry(SEED)), site).expect("seed entry is valid")
}

#[test]
fn every_language_has_a_feed_of_its_own_entries() {
    let (site, people, url) = (site(), people(), url());
    for tag in ["en", "tr", "ru"] {
        let lang = code(tag);
        let cards = cards(&site, &lang);
        let feed = atom_feed(&site, &people, &url, &lang, &cards);
        let own: Vec<&EntryCard> = cards.iter().filter(|c| c.lang == lang).collect();
        assert!(!own.is_empty(), "{tag}: no entry in its own language");
        assert_eq!(feed.matches("<entry>").count(), own.len(), "{tag}");
        assert!(
            feed.contains(&format!("<id>{BASE}{tag}/feed.xml</id>")),
            "{tag}"
        );
        assert!(feed.contains(&format!("xml:lang=\"{tag}\"")), "{tag}");
        let seed_card = own
            .iter()
            .find(|c| c.slug == SEED)
            .expect("the seed is in every feed");
        assert!(
            feed.contains(&format!("<title>{}</title>", seed_card.title)),
            "{tag}: {feed}"
        );
        assert!(
            feed.contains(&format!("<id>{BASE}{tag}/entries/{SEED}/</id>")),
            "{tag}"
        );
        assert!(
            feed.contains("<published>2022-12-01T00:00:00Z</published>"),
            "{tag}"
        );
        // Every link is under the sub-path.
        for href in feed.split("href=\"").skip(1) {
            assert!(href.starts_with(BASE), "{tag}: {href}");
        }
        write(&feed_path(&lang), &feed);
    }
    let ru = atom_feed(
        &site,
        &people,
        &url,
        &code("ru"),
        &cards(&site, &code("ru")),
    );
    assert!(
        ru.contains("<author><name>Айдана Бактыбек кызы</name></author>"),
        "{ru}"
    );
    assert!(ru.contains("<category term=\"security\" label=\"Безопасность и оборона\"/>"));
}

#[test]
fn the_sitemap_lists_every_translated_page_with_its_alternates() {
    let (site, url) = (site(), url());
    let cards = cards(&site, &site.default_language);
    let xml = sitemap(&site, &url, &cards).expect("the bundled site fits in one sitemap");
    let pages: usize = cards.iter().map(|c| c.languages.len()).sum();
    assert_eq!(
        xml.matches("<url>").count(),
        1 + site.languages.len() + pages
    );
    for tag in ["en", "tr", "ru"] {
        let block = xml
            .split("<url>")
            .find(|u| u.contains(&format!("<loc>{BASE}{tag}/entries/{SEED}/</loc>")))
            .unwrap_or_else(|| panic!("the seed in {tag} is not listed"));
        for (hreflang, href) in [
            ("en", format!("{BASE}en/entries/{SEED}/")),
            ("tr", format!("{BASE}tr/entries/{SEED}/")),
            ("ru", format!("{BASE}ru/entries/{SEED}/")),
            ("x-default", format!("{BASE}en/entries/{SEED}/")),
        ] {
            let link =
                format!("<xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{href}\"/>");
            assert!(block.contains(&link), "{tag}: no {link} in {block}");
        }
        // Dated to the month: no lastmod rather than an invented day.
        assert!(!block.contains("<lastmod>"), "{block}");
    }
    assert_eq!(archive_alternates(&site, &url).len(), 4);
    write(SITEMAP_PATH, &xml);
    write(ROBOTS_PATH, &robots_txt(&url));
}

#[test]
fn the_seed_describes_itself_and_its_translations_in_json_ld() {
    let (site, url) = (site(), url());
    let entry = seed(&site);
    let page = |tag: &str| format!("{BASE}{}", entry_path(&code(tag), SEED));
    for tag in ["en", "tr", "ru"] {
        let text = article_json_ld(&site, &url, &entry, &code(tag)).unwrap();
        assert!(!text.contains('<') && !text.contains('>'), "{text}");
        let value: Value = serde_json::from_str(&text).unwrap();
        let translation = &entry.translations[&code(tag)];
        assert_eq!(value["@type"], "Article");
        assert_eq!(value["headline"], translation.title.as_str());
        assert_eq!(value["description"], translation.summary.as_str());
        assert_eq!(value["inLanguage"], tag);
        assert_eq!(value["url"], page(tag));
        assert_eq!(value["datePublished"], "2022-12");
        assert_eq!(value["publisher"]["name"], "okuma");
        if tag == "en" {
            assert_eq!(
                value["workTranslation"],
                json!([
                    {"@type": "Article", "@id": page("tr"), "inLanguage": "tr"},
                    {"@type": "Article", "@id": page("ru"), "inLanguage": "ru"},
                ])
            );
        } else {
            assert_eq!(
                value["translationOfWork"],
                json!({"@type": "Article", "@id": page("en"), "inLanguage": "en"})
            );
        }
    }
    let ru = article_json_ld(&site, &url, &entry, &code("ru")).unwrap();
    let ru: Value = serde_json::from_str(&ru).unwrap();
    assert_eq!(
        ru["author"],
        json!([{"@type": "Person", "name": "Айдана Бактыбек кызы"}])
    );
}

/// Writes a published file under `OKUMA_PUBLISH_OUT`, when it is set.
fn write(relative: &str, text: &str) {
    let Some(dir) = std::env::var_os("OKUMA_PUBLISH_OUT") else {
        return;
    };
    let path = PathBuf::from(dir).join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
}
