//! Browser tests of the app's views, run in headless Chromium by
//! `cargo test -p okuma --target wasm32-unknown-unknown`.

use leptos::prelude::*;
use okuma::browser::intl::format_date;
use okuma::data::FetchError;
use okuma::entry::body::EntryBody;
use okuma::entry::sources::SourceList;
use okuma::i18n;
use okuma::shell::fetch_error::FetchErrorView;
use okuma::shell::reading::Reading;
use okuma_core::{DatasetError, Entry, PartialDate, Site};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SITE: &str = include_str!("../public/data/site.json");
const SEED: &str =
    include_str!("../public/data/entries/uzbekistan-kazakhstan-strategic-partnership.json");

fn seed() -> Entry {
    let site = Site::from_json(SITE).unwrap();
    Entry::from_json(SEED, &site).unwrap()
}

/// The bundled site read in `lang`, as the `/:lang` route provides it.
fn reading(lang: &str) -> Reading {
    Reading::new(Arc::new(Site::from_json(SITE).unwrap()), lang).unwrap()
}

/// The bundled site with a fourth language added, read in it.
fn reading_added(code: &str, name: &str) -> Reading {
    let mut site = Site::from_json(SITE).unwrap();
    site.languages.push(okuma_core::Language {
        code: okuma_core::LanguageCode::parse(code).unwrap(),
        name: name.into(),
        dir: Default::default(),
    });
    Reading::new(Arc::new(site), code).unwrap()
}

/// A fresh container in the document to mount a view into.
fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

async fn tick() {
    // Let effects and the microtask queue settle.
    let promise = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The notes list's heading and first note, drawn in `reading`.
fn sources_in(reading: Reading) -> (String, String) {
    let entry = seed();
    let root = container();
    let sources = entry.sources.clone();
    leptos::mount::mount_to(root.clone(), move || {
        provide_context(reading.clone());
        view! { <SourceList sources /> }
    })
    .forget();
    let text = |selector: &str| {
        root.query_selector(selector)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    (text("h2"), text("#note-1"))
}

#[wasm_bindgen_test]
fn entry_body_renders_every_paragraph_with_its_stable_id() {
    let entry = seed();
    let blocks = entry.translations.values().next().unwrap().body.clone();
    let root = container();
    leptos::mount::mount_to(root.clone(), move || {
        provide_context(reading("en"));
        view! { <EntryBody blocks /> }
    })
    .forget();
    let paragraphs = root.query_selector_all("p[data-block]").unwrap();
    assert_eq!(paragraphs.length(), 8);
    let first = root.query_selector("p#p1").unwrap().unwrap();
    let text = first.text_content().unwrap();
    assert!(
        text.starts_with("Kazakhstan and Uzbekistan celebrate"),
        "{text}"
    );
    let note = root.query_selector("p#p1 sup a#ref-1").unwrap().unwrap();
    assert_eq!(note.text_content().unwrap(), "1");
    assert_eq!(note.get_attribute("aria-label").unwrap(), "Note 1");
    // A link to the note in the list: it leads there without the app too.
    assert_eq!(note.get_attribute("href").unwrap(), "#note-1");
}

#[wasm_bindgen_test]
fn hostile_text_in_the_data_stays_text() {
    let site = Site::from_json(SITE).unwrap();
    let hostile = SEED.replacen(
        "celebrate the 30th anniversary",
        "<img src=x onerror=alert(1)><script>boom()</script>",
        1,
    );
    assert_ne!(hostile, SEED);
    let entry = Entry::from_json(&hostile, &site).unwrap();
    let blocks = entry.translations.values().next().unwrap().body.clone();
    let root = container();
    leptos::mount::mount_to(root.clone(), move || {
        provide_context(reading("en"));
        view! { <EntryBody blocks /> }
    })
    .forget();
    assert!(root.query_selector("img, script").unwrap().is_none());
    let text = root
        .query_selector("p#p1")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        text.contains("Uzbekistan <img src=x onerror=alert(1)><script>"),
        "{text}"
    );
}

#[wasm_bindgen_test]
fn source_list_keeps_titles_in_their_own_language() {
    let entry = seed();
    let root = container();
    let sources = entry.sources.clone();
    leptos::mount::mount_to(root.clone(), move || {
        provide_context(reading("tr"));
        view! { <SourceList sources /> }
    })
    .forget();
    let items = root.query_selector_all("li[id^='note-']").unwrap();
    assert_eq!(items.length(), 4);
    let title = root
        .query_selector("#note-2 .source-title")
        .unwrap()
        .unwrap();
    assert_eq!(title.get_attribute("lang").as_deref(), Some("ru"));
    assert!(title
        .text_content()
        .unwrap()
        .contains("Казахстан и Узбекистан готовят новый союз"));
    let note2 = root
        .query_selector("#note-2")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(note2.contains("(erişim tarihi: 14 Aralık 2022)"), "{note2}");
    let note4 = root
        .query_selector("#note-4")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(note4.contains("A.g.e."), "{note4}");
}

#[wasm_bindgen_test]
async fn fetch_error_view_is_an_alert_whose_retry_works() {
    let retried = Arc::new(AtomicUsize::new(0));
    let count = retried.clone();
    let root = container();
    let error = FetchError::Dataset {
        url: "/data/site.json".into(),
        source: DatasetError::Syntax {
            line: 1,
            column: 1,
            message: "expected value".into(),
        },
    };
    leptos::mount::mount_to(root.clone(), move || {
        let on_retry = Callback::new(move |()| {
            count.fetch_add(1, Ordering::SeqCst);
        });
        provide_context(reading("ru"));
        view! { <FetchErrorView error on_retry /> }
    })
    .forget();
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    assert!(alert.text_content().unwrap().contains("данные повреждены"));
    let button: web_sys::HtmlElement = alert
        .query_selector("button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(button.text_content().unwrap(), "Повторить");
    button.click();
    tick().await;
    assert_eq!(retried.load(Ordering::SeqCst), 1);
}

#[wasm_bindgen_test]
fn dates_are_as_precise_as_they_are_known_in_each_language() {
    let month = PartialDate::parse("2022-12").unwrap();
    let day = PartialDate::parse("2022-12-14").unwrap();
    assert_eq!(format_date(&month, "en"), "December 2022");
    assert_eq!(format_date(&day, "en"), "December 14, 2022");
    assert_eq!(format_date(&day, "tr"), "14 Aralık 2022");
    assert_eq!(format_date(&day, "ru"), "14 декабря 2022 г.");
    assert_eq!(
        format_date(&PartialDate::parse("1998").unwrap(), "ru"),
        "1998"
    );
}

#[wasm_bindgen_test]
fn crash_view_replaces_the_page_with_a_reload_link() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = container();
    root.set_inner_text("the frozen page");
    okuma::browser::crash::render_crash_view(&document, &root, "tr").unwrap();
    assert!(!root.text_content().unwrap().contains("the frozen page"));
    let alert = root.query_selector("main[role=alert]").unwrap().unwrap();
    assert!(alert
        .text_content()
        .unwrap()
        .contains("Bir şeyler ters gitti"));
    // A link to this address (a reload without entering the wasm again).
    let button = alert.query_selector("a.crash-reload").unwrap().unwrap();
    assert_eq!(button.text_content().unwrap(), "Sayfayı yeniden yükle");
    let here = web_sys::window().unwrap().location();
    assert_eq!(
        button.get_attribute("href").unwrap(),
        format!("{}{}", here.pathname().unwrap(), here.search().unwrap())
    );
    assert_eq!(document.active_element().unwrap(), button);
}

#[wasm_bindgen_test]
fn sorting_and_numbers_follow_each_languages_rules() {
    use okuma::browser::intl::{count, format_number, Collation};
    let mut words = vec!["çay", "dağ", "cam", "ceviz"];
    let turkish = Collation::new("tr");
    words.sort_by(|a, b| turkish.compare(a, b));
    assert_eq!(
        words,
        ["cam", "ceviz", "çay", "dağ"],
        "Turkish puts ç after c"
    );
    let mut words = vec!["ёж", "ель", "яма", "арбуз"];
    let russian = Collation::new("ru");
    words.sort_by(|a, b| russian.compare(a, b));
    // ё sorts with е (code point order would put it after я).
    assert_eq!(words, ["арбуз", "ёж", "ель", "яма"]);
    assert_eq!(format_number(10000, "en"), "10,000");
    assert_eq!(format_number(10000, "tr"), "10.000");
    assert_eq!(count(4, &i18n::EN.sources_count, "en"), "4 sources");
    assert_eq!(count(4, &i18n::TR.sources_count, "tr"), "4 kaynak");
    assert_eq!(count(4, &i18n::RU.sources_count, "ru"), "4 источника");
    assert_eq!(count(5, &i18n::RU.sources_count, "ru"), "5 источников");
    assert_eq!(count(21, &i18n::RU.sources_count, "ru"), "21 источник");
    assert_eq!(count(1, &i18n::EN.sources_count, "en"), "1 source");
}

#[wasm_bindgen_test]
fn an_added_language_with_a_locale_file_reads_in_its_own_text_and_formats() {
    let german = reading_added("de", "Deutsch");
    assert_eq!((german.ui.lang, german.locale), ("de", "de"));
    let (heading, note) = sources_in(german);
    assert_eq!(heading, "Quellen");
    assert!(note.contains("(abgerufen am 14. Dezember 2022)"), "{note}");
}

#[wasm_bindgen_test]
fn an_added_language_without_a_locale_file_keeps_its_own_formats() {
    let french = reading_added("fr", "Français");
    assert_eq!(
        french.ui.lang, "en",
        "no locales/fr.toml: the default language's text"
    );
    assert_eq!(french.locale, "fr");
    let (heading, note) = sources_in(french);
    assert_eq!(heading, "Sources");
    assert!(
        note.contains("(accessed 14 décembre 2022)"),
        "French date: {note}"
    );
}

#[wasm_bindgen_test]
fn every_locale_file_is_offered_and_matched_by_primary_subtag() {
    let tags: Vec<&str> = i18n::LOCALES.iter().map(|ui| ui.lang).collect();
    for tag in ["de", "en", "tr", "ru"] {
        assert!(tags.contains(&tag), "{tags:?}");
    }
    assert_eq!(i18n::locale_for("tr-TR").map(|ui| ui.lang), Some("tr"));
    assert_eq!(i18n::locale_for("de-AT").map(|ui| ui.lang), Some("de"));
    assert!(i18n::locale_for("fr").is_none());
    assert_eq!(i18n::ui("fr").lang, "en");
    assert_eq!(reading("ru").ui.sources, "Источники");
}
