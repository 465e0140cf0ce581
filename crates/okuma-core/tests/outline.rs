//! What an entry's page shows in a reading language (`EntryOutline`),
//! decided natively from the bundled seed and from edited copies of it.

use okuma_core::entry::EntryOutline;
use okuma_core::{Entry, LanguageCode, Site};

const SITE: &str = include_str!("../../../public/data/site.json");
const SEED: &str =
    include_str!("../../../public/data/entries/uzbekistan-kazakhstan-strategic-partnership.json");

fn site() -> Site {
    Site::from_json(SITE).unwrap()
}

fn seed() -> Entry {
    Entry::from_json(SEED, &site()).unwrap()
}

fn code(tag: &str) -> LanguageCode {
    LanguageCode::parse(tag).unwrap()
}

#[test]
fn a_translation_is_shown_in_its_language_with_its_translator_and_the_other_languages() {
    let (site, entry) = (site(), seed());
    let outline = EntryOutline::new(&site, &entry, "ru", &[], None).unwrap();
    assert_eq!(outline.shown, code("ru"));
    assert!(!outline.is_fallback());
    assert_eq!(outline.translated_from(), Some(&code("en")));
    assert_eq!(
        outline.translator,
        Some(("редакция okuma".to_string(), None))
    );
    assert_eq!(outline.author_names(), "Айдана Бактыбек кызы");
    let others: Vec<&str> = outline.others.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(
        others,
        ["en", "tr"],
        "in the switcher's order, without the one shown"
    );
    assert!(outline.headings.is_empty());
    assert!(
        (2..=5).contains(&outline.minutes),
        "{} min",
        outline.minutes
    );
}

#[test]
fn the_original_has_no_translator_and_reads_faster_in_english_than_in_turkish() {
    let (site, entry) = (site(), seed());
    let en = EntryOutline::new(&site, &entry, "en", &[], None).unwrap();
    assert_eq!(en.translator, None);
    assert_eq!(en.translated_from(), None);
    let tr = EntryOutline::new(&site, &entry, "tr", &[], None).unwrap();
    assert!(
        tr.minutes >= en.minutes,
        "166 wpm in Turkish, 228 in English"
    );
}

#[test]
fn a_missing_language_falls_back_along_the_chain_browser_languages_first() {
    let site = site();
    let mut entry = seed();
    entry.translations.remove(&code("tr"));
    let outline = EntryOutline::new(&site, &entry, "tr", &["ru-RU".into()], None).unwrap();
    assert!(outline.is_fallback());
    assert_eq!(
        outline.shown,
        code("ru"),
        "the browser's Russian before the original"
    );
    let outline = EntryOutline::new(&site, &entry, "tr", &["de".into()], None).unwrap();
    assert_eq!(outline.shown, code("en"), "then the original");
    assert!(!outline.has(&code("tr")));
}

#[test]
fn the_parallel_language_must_be_another_one_the_entry_has() {
    let (site, entry) = (site(), seed());
    let with = |w: &str| {
        EntryOutline::new(&site, &entry, "en", &[], Some(w))
            .unwrap()
            .with
    };
    assert_eq!(with("ru"), Some(code("ru")));
    assert_eq!(with("en"), None, "not the language shown");
    assert_eq!(with("de"), None, "not one the entry lacks");
    assert_eq!(with("../x"), None, "not a tag at all");
    let outline = EntryOutline::new(&site, &entry, "en", &[], Some("tr")).unwrap();
    let (lang, text) = outline.parallel().unwrap();
    assert_eq!(lang, &code("tr"));
    assert_eq!(text.body.len(), outline.translation.body.len());
}

#[test]
fn a_language_the_site_does_not_offer_has_no_outline() {
    let (site, entry) = (site(), seed());
    assert!(EntryOutline::new(&site, &entry, "de", &[], None).is_none());
}

#[test]
fn a_translator_named_only_in_another_language_is_marked_with_its_lang() {
    let site = site();
    let mut entry = seed();
    if let Some(t) = entry.translations.get_mut(&code("tr")) {
        if let okuma_core::Provenance::Translation { by, .. } = &mut t.provenance {
            by.name.remove(&code("tr"));
        }
    }
    let outline = EntryOutline::new(&site, &entry, "tr", &[], None).unwrap();
    assert_eq!(
        outline.translator,
        Some(("okuma editors".to_string(), Some("en".to_string())))
    );
}
