//! Reading dataset files: the bundled dataset (built from content/) parses,
//! and every kind of bad file is refused with an error that says what and
//! where.

use okuma_core::{BlockContent, CatalogPage, DatasetError, Entry, Inline, Mark, Site};
use serde_json::{json, Value};

const SITE: &str = include_str!("../../../public/data/site.json");
const SEED: &str =
    include_str!("../../../public/data/entries/uzbekistan-kazakhstan-strategic-partnership.json");
const CATALOG_TR: &str = include_str!("../../../public/data/catalog/tr/1.json");

/// The bundled file, changed by `edit`, as JSON text.
fn edited(text: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(text).unwrap();
    edit(&mut value);
    serde_json::to_string_pretty(&value).unwrap()
}

fn site() -> Site {
    Site::from_json(SITE).expect("bundled site.json is valid")
}

fn seed() -> Entry {
    Entry::from_json(SEED, &site()).expect("seed entry is valid")
}

fn lang(code: &str) -> okuma_core::LanguageCode {
    okuma_core::LanguageCode::parse(code).unwrap()
}

/// Index of the first note mark in the first paragraph of the English text.
fn first_note_index(value: &Value) -> usize {
    value["translations"]["en"]["body"][0]["content"]
        .as_array()
        .unwrap()
        .iter()
        .position(|run| run["type"] == "note")
        .unwrap()
}

#[test]
fn bundled_site_offers_three_languages_in_order() {
    let site = site();
    let codes: Vec<_> = site.languages.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["en", "tr", "ru"]);
    assert_eq!(site.default_language.as_str(), "en");
    assert!(site.catalog.entries >= 17, "the seed and its explainers");
    assert_eq!(site.kinds[&"analysis".to_string()][&lang("tr")], "Analiz");
}

#[test]
fn seed_entry_has_every_paragraph_and_source_in_three_languages() {
    let entry = seed();
    let en = &entry.translations[&lang("en")];
    assert_eq!(
        en.title,
        "A New Stage in Uzbekistan-Kazakhstan Relations: A Strong Strategic Partnership"
    );
    assert_eq!(en.body.len(), 8);
    let first = en.body[0].content.plain_text();
    assert!(first.starts_with("Kazakhstan and Uzbekistan celebrate the 30th anniversary"));
    assert!(
        first.contains("spirit of alliance. In this context"),
        "{first}"
    );
    assert!(en.body[4]
        .content
        .plain_text()
        .starts_with("Clause 3 of the said agreement"));
    for code in ["tr", "ru"] {
        let translation = &entry.translations[&lang(code)];
        assert!(
            translation.provenance.is_translation(),
            "{code} is marked as a translation"
        );
        let ids =
            |t: &okuma_core::Translation| t.body.iter().map(|b| b.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(translation), ids(en), "{code} is aligned");
        for (o, t) in en.body.iter().zip(&translation.body) {
            assert_eq!(o.content.note_numbers(), t.content.note_numbers());
        }
    }
    assert!(entry.translations[&lang("ru")].body[3]
        .content
        .plain_text()
        .contains("Мирзиёев"));
    assert_eq!(entry.sources.len(), 4);
    assert_eq!(entry.sources[3].ibid, Some(3));
    assert!(entry.sources[..3]
        .iter()
        .all(
            |s| s.accessed.map(|d| d.to_string()) == Some("2022-12-14".into())
                && s.lang.as_ref().map(|l| l.as_str()) == Some("ru")
        ));
    assert_eq!(
        entry.date.unwrap().to_string(),
        "2022-12",
        "known to the month, no invented day"
    );
    let bio = &entry.authors[0].bio;
    assert!(
        !bio[&lang("tr")].provenance.is_translation(),
        "the Turkish bio is the original"
    );
    assert!(bio[&lang("en")].provenance.is_translation());
    assert!(bio[&lang("ru")].provenance.is_translation());
}

#[test]
fn mentions_point_at_entities_the_entry_carries() {
    let entry = seed();
    let en = &entry.translations[&lang("en")];
    let BlockContent::Paragraph { content } = &en.body[0].content else {
        panic!("p1 is a paragraph")
    };
    let Inline::Mark(Mark::Mention { entity, .. }) = &content[0] else {
        panic!("p1 starts with a mention of Kazakhstan: {content:?}")
    };
    assert_eq!(entity, "kazakhstan");
    assert_eq!(entry.entities[entity].name[&lang("ru")], "Казахстан");
}

#[test]
fn catalog_pages_list_every_entry_in_the_reading_language_or_a_marked_fallback() {
    let page = CatalogPage::from_json(CATALOG_TR).unwrap();
    assert_eq!(page.lang.as_str(), "tr");
    let seed = page
        .entries
        .iter()
        .find(|c| c.slug == "uzbekistan-kazakhstan-strategic-partnership")
        .unwrap();
    assert_eq!(seed.lang.as_str(), "tr");
    assert!(
        seed.title.starts_with("Özbekistan-Kazakistan"),
        "{}",
        seed.title
    );
    assert_eq!(seed.languages.len(), 3);
}

#[test]
fn truncated_json_is_a_syntax_error_with_position() {
    let cut = &SEED[..SEED.len() / 2];
    match Entry::from_json(cut, &site()) {
        Err(DatasetError::Syntax { .. }) => {}
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn an_html_page_is_a_syntax_error_at_the_first_character() {
    let html = "<!DOCTYPE html><html><body>index</body></html>";
    match Site::from_json(html) {
        Err(DatasetError::Syntax { line, column, .. }) => assert_eq!((line, column), (1, 1)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn wrong_shape_names_the_json_path() {
    let bad = edited(SITE, |v| v["languages"][1]["name"] = json!(7));
    match Site::from_json(&bad) {
        Err(DatasetError::Shape { path, message, .. }) => {
            assert_eq!(path, "languages[1].name");
            assert!(message.contains("invalid type"), "{message}");
        }
        other => panic!("expected a shape error, got {other:?}"),
    }
}

#[test]
fn unknown_fields_are_refused_so_typos_do_not_vanish() {
    let bad = edited(SITE, |v| {
        let lang = v
            .as_object_mut()
            .unwrap()
            .remove("default_language")
            .unwrap();
        v["defualt_language"] = lang;
    });
    let err = Site::from_json(&bad).unwrap_err();
    assert!(err.to_string().contains("defualt_language"), "{err}");
}

#[test]
fn a_newer_format_is_refused_by_version_not_by_shape() {
    let newer = edited(SITE, |v| v["format"] = json!(2));
    assert_eq!(
        Site::from_json(&newer),
        Err(DatasetError::UnsupportedFormat {
            found: 2,
            supported: 1
        })
    );
    let missing = "{\"languages\": []}";
    assert!(
        matches!(Site::from_json(missing), Err(DatasetError::Invalid { path, .. }) if path == "format")
    );
}

#[test]
fn default_language_must_be_offered() {
    let bad = edited(SITE, |v| v["default_language"] = json!("de"));
    let err = Site::from_json(&bad).unwrap_err();
    assert!(
        matches!(&err, DatasetError::Invalid { path, .. } if path == "default_language"),
        "{err}"
    );
}

#[test]
fn a_language_code_that_is_not_a_tag_is_refused() {
    let bad = edited(SITE, |v| v["languages"][2]["code"] = json!("../ru"));
    let err = Site::from_json(&bad).unwrap_err();
    assert!(
        matches!(&err, DatasetError::Shape { path, .. } if path == "languages[2].code"),
        "{err}"
    );
}

#[test]
fn dangling_note_reference_is_refused() {
    let bad = edited(SEED, |v| {
        let i = first_note_index(v);
        v["translations"]["en"]["body"][0]["content"][i]["number"] = json!(9)
    });
    let err = Entry::from_json(&bad, &site()).unwrap_err();
    assert!(err.to_string().contains("note 9 has no source"), "{err}");
}

#[test]
fn unsafe_link_scheme_is_refused() {
    let bad = edited(SEED, |v| {
        let i = first_note_index(v);
        v["translations"]["en"]["body"][0]["content"][i] =
            json!({"type": "link", "href": "javascript:alert(1)", "content": ["x"]})
    });
    let err = Entry::from_json(&bad, &site()).unwrap_err();
    assert!(
        err.to_string().contains("must start with https://"),
        "{err}"
    );
}

#[test]
fn translation_in_a_language_the_site_lacks_is_refused() {
    let bad = edited(SEED, |v| {
        let en = v["translations"]["en"].clone();
        v["translations"]["de"] = en;
    });
    let err = Entry::from_json(&bad, &site()).unwrap_err();
    assert!(
        matches!(&err, DatasetError::Invalid { path, .. } if path == "translations.de"),
        "{err}"
    );
    let orphan = edited(SEED, |v| {
        v["translations"].as_object_mut().unwrap().remove("en");
    });
    let err = Entry::from_json(&orphan, &site()).unwrap_err();
    assert!(err.to_string().contains("original language"), "{err}");
}

#[test]
fn a_bad_mark_says_what_is_wrong_with_it() {
    let bad = edited(SEED, |v| {
        let i = first_note_index(v);
        v["translations"]["en"]["body"][0]["content"][i]["type"] = json!("footnote")
    });
    let err = Entry::from_json(&bad, &site()).unwrap_err();
    assert!(
        err.to_string().contains("unknown variant `footnote`"),
        "{err}"
    );
}

#[test]
fn the_turkish_bio_is_the_authors_text_with_only_the_recorded_changes() {
    // The seed page's bio, as published (docs/dataset.md records each change).
    const PUBLISHED: &str = "Aidana BAKTYBEK KYZY, 1999 yılında Bişkek'te doğmuştur. BAKTYBEK KYZY, 2022yılında Sakarya Üniversitesi Uluslararası İlişkiler Bölümü'nden mezun olmuştur. Halihazırda yüksek lisans eğitimini Ankara Hacı Bayram Veli Üniversitesi Uluslararası İlişkiler Bölümü'nde devam ettirmektedir.";
    let recorded = PUBLISHED
        .replace("2022yılında", "2022 yılında")
        .replace("BAKTYBEK KYZY", "Baktybek Kyzy")
        .replace("Bölümü'nden", "Bölümünden")
        .replace("Bölümü'nde", "Bölümünde");
    let entry = seed();
    assert_eq!(entry.authors[0].bio[&lang("tr")].text, recorded);
}

#[test]
fn translations_credit_their_translator_by_a_name_in_every_language() {
    let entry = seed();
    let names = |code: &str| match &entry.translations[&lang(code)].provenance {
        okuma_core::Provenance::Translation { by, .. } => (by.id.clone(), by.name.clone()),
        okuma_core::Provenance::Original => panic!("{code} is a translation"),
    };
    let (id, tr) = names("tr");
    assert_eq!(id, "okuma-editors");
    assert_eq!(tr[&lang("tr")], "okuma editörleri");
    assert_eq!(names("ru").1[&lang("ru")], "редакция okuma");
    assert_eq!(entry.authors[0].name[&lang("ru")], "Айдана Бактыбек кызы");
}
