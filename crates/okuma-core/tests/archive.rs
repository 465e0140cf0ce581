//! The archive's engine as a reader sees it: what a query with filters
//! shows, in which order, how many, with which cards, and what the facet
//! panel and the "no results" view say, over six entries in English,
//! Turkish and Russian indexed as `okuma build` indexes them.

mod common;

use okuma_core::archive::{
    results, results_step, ArchiveInput, ArchiveResults, CardSource, LanguageSearch, BROWSE_STEP,
    RESULTS_STEP,
};
use okuma_core::archive_query::ArchiveQuery;
use okuma_core::search::{QueryPlan, SearchIndex};
use okuma_core::{Facet, FacetCounts, FacetIndex, FacetTable, FacetValue, LanguageCode};
use std::collections::BTreeSet;

// ---- Fixtures -------------------------------------------------------------

/// (entry number, title, body) per language. Entry numbers are in date
/// order, newest first; not every entry has every language.
fn corpus(lang: &str) -> Vec<(u32, &'static str, &'static str)> {
    match lang {
        "en" => vec![
            (
                0,
                "Water in Central Asia",
                "Rivers and water sharing between Uzbekistan and Kazakhstan.",
            ),
            (
                1,
                "Trade corridors",
                "Railways carry trade to Europe across the steppe, past ports and depots, and in passing Tokayev signed a water deal.",
            ),
            (2, "Elections in Kazakhstan", "A vote with no surprises."),
            (3, "Tokayev on gas pipelines", "Tokayev said pipelines carry gas to China."),
            (5, "A water treaty", "The treaty shares water fairly."),
        ],
        "tr" => vec![
            (0, "Orta Asya'da su", "Nehirler ve su paylaşımı."),
            (1, "Tokayev Ankara'da", "Tokayev ticaret koridorlarını anlattı."),
            (4, "Enerji anlaşması", "Tokayev enerji anlaşması imzaladı."),
        ],
        "ru" => vec![
            (2, "Выборы в Казахстане", "Голосование без сюрпризов."),
            (4, "Энергетика", "Токаев подписал соглашение."),
        ],
        _ => vec![],
    }
}

/// The six entries' facets: OR within a facet, AND across.
fn facet_table() -> FacetTable {
    let facet = |id: &str, values: &[(&str, &[u32])]| Facet {
        id: id.into(),
        values: values
            .iter()
            .map(|(v, entries)| FacetValue::from_entries(*v, entries))
            .collect(),
    };
    FacetTable {
        format: 1,
        entries: 6,
        facets: vec![
            facet(
                "kind",
                &[("analysis", &[0, 1, 2]), ("explainer", &[3, 4, 5])],
            ),
            facet(
                "country",
                &[("kz", &[0, 1, 2]), ("uz", &[0, 4]), ("cn", &[3])],
            ),
            facet("year", &[("2022", &[0, 3]), ("2026", &[1, 2, 4, 5])]),
        ],
    }
}

fn code(lang: &str) -> LanguageCode {
    LanguageCode::parse(lang).unwrap()
}

/// One language's index over `docs`, every shard loaded.
fn index(lang: &str, entries: u32, docs: &[(u32, &str, &str)]) -> SearchIndex {
    common::full_index(lang, entries, docs)
}

/// An archive as the app holds it once everything is fetched.
struct Archive {
    entries: u32,
    page_size: u32,
    /// The site's languages, in the site's order.
    indexes: Vec<(LanguageCode, SearchIndex)>,
    facets: FacetIndex,
}

/// The six entries of [`corpus`], 50 to a catalog page.
fn archive() -> Archive {
    Archive {
        entries: 6,
        page_size: 50,
        indexes: ["en", "tr", "ru"]
            .map(|l| (code(l), index(l, 6, &corpus(l))))
            .into(),
        facets: FacetIndex::new(&facet_table()),
    }
}

/// `n` English entries that all mention water equally, and no facet values.
fn many(n: u32) -> Archive {
    let docs: Vec<(u32, &str, &str)> = (0..n)
        .map(|e| (e, "Report", "Water levels fell again."))
        .collect();
    Archive {
        entries: n,
        page_size: 50,
        indexes: vec![(code("en"), index("en", n, &docs))],
        facets: FacetIndex::new(&FacetTable {
            format: 1,
            entries: n,
            facets: vec![],
        }),
    }
}

impl Archive {
    fn index(&self, lang: &str) -> &SearchIndex {
        &self
            .indexes
            .iter()
            .find(|(l, _)| l.as_str() == lang)
            .unwrap()
            .1
    }

    /// What the archive shows at `url` in `reading`, as the app asks: the
    /// reading language's search, or every language's for `all=1`.
    fn show(&self, reading: &str, url: &str, shown: usize) -> ArchiveResults {
        let query = ArchiveQuery::parse(url);
        let languages: Vec<&str> = if query.all_languages {
            self.indexes.iter().map(|(l, _)| l.as_str()).collect()
        } else {
            vec![reading]
        };
        self.show_with(reading, url, shown, &languages, Some(&self.facets))
    }

    /// The same, searching `languages` in that order, with these facets.
    fn show_with(
        &self,
        reading: &str,
        url: &str,
        shown: usize,
        languages: &[&str],
        facets: Option<&FacetIndex>,
    ) -> ArchiveResults {
        let query = ArchiveQuery::parse(url);
        let languages = if query.has_text() { languages } else { &[] };
        let plans: Vec<QueryPlan> = languages
            .iter()
            .map(|l| self.index(l).plan(&query.text))
            .collect();
        let searches: Vec<LanguageSearch> = languages
            .iter()
            .zip(&plans)
            .map(|(l, plan)| LanguageSearch {
                lang: code(l),
                index: self.index(l),
                plan,
            })
            .collect();
        results(&ArchiveInput {
            entries: self.entries,
            page_size: self.page_size,
            reading: &code(reading),
            query: &query,
            searches: &searches,
            facets,
            shown,
        })
    }

    /// One language's own hits for `text`, best first, with scores.
    fn hits(&self, lang: &str, text: &str) -> Vec<(u32, f32)> {
        let index = self.index(lang);
        let found = index.run(&index.plan(text), None);
        found.hits.iter().map(|h| (h.entry, h.score)).collect()
    }
}

/// The shown entries, in display order.
fn entries(r: &ArchiveResults) -> Vec<u32> {
    r.shown.iter().map(|s| s.entry).collect()
}

/// (entry, languages matched in, as codes) of every shown result.
fn matched(r: &ArchiveResults) -> Vec<(u32, Vec<&str>)> {
    r.shown
        .iter()
        .map(|s| (s.entry, s.matched_in.iter().map(|l| l.as_str()).collect()))
        .collect()
}

/// (doc language, entry) of every shown result's card.
fn docs(r: &ArchiveResults) -> Vec<(&str, u32)> {
    r.shown
        .iter()
        .map(|s| match &s.card {
            CardSource::SearchDoc { lang, entry } => (lang.as_str(), *entry),
            other => panic!("entry {}: not a search doc: {other:?}", s.entry),
        })
        .collect()
}

/// The live count of `facet = value`, or `None` when the facet is not counted.
fn count(counts: &[FacetCounts], facet: &str, value: &str) -> Option<u32> {
    counts
        .iter()
        .find(|c| c.facet == facet)?
        .values
        .iter()
        .find(|v| v.value == value)
        .map(|v| v.count)
}

// ---- Searching in several languages ---------------------------------------

#[test]
fn an_entry_found_in_two_languages_is_listed_once_with_both() {
    let archive = archive();
    let found = archive.show("en", "?q=tokayev&all=1", 10);
    // en finds 1 and 3; tr finds 1 and 4; ru spells it Токаев.
    assert_eq!(found.total, 3);
    let mut listed = matched(&found);
    listed.sort();
    assert_eq!(
        listed,
        [(1, vec!["en", "tr"]), (3, vec!["en"]), (4, vec!["tr"])]
    );
    // Every searched language reports its matched terms, even with none.
    assert_eq!(
        found.matched_terms.keys().collect::<Vec<_>>(),
        ["en", "ru", "tr"]
    );
    assert!(found.matched_terms["ru"].is_empty());
    assert!(!found.matched_terms["tr"].is_empty());
}

#[test]
fn a_merged_entry_ranks_by_its_best_score_in_any_language() {
    let archive = archive();
    let en = archive.hits("en", "tokayev");
    let tr = archive.hits("tr", "tokayev");
    let score = |hits: &[(u32, f32)], e: u32| hits.iter().find(|h| h.0 == e).unwrap().1;
    let (one_en, one_tr) = (score(&en, 1), score(&tr, 1));
    let (three, four) = (score(&en, 3), score(&tr, 4));
    // The fixture tells the rules apart: 1 is weak in English and strong
    // in Turkish; 4 ranks between the two, and 3 between 1's best score
    // and the sum of its two.
    assert!(
        one_en < four && four < one_tr && one_tr < three && three < one_en + one_tr,
        "{en:?} {tr:?}"
    );
    // Best score: 3, 1, 4, whichever language is searched first (not the
    // first or the last language's score, not the sum).
    for languages in [["en", "tr", "ru"], ["tr", "en", "ru"]] {
        let found = archive.show_with("en", "?q=tokayev&all=1", 10, &languages, None);
        assert_eq!(entries(&found), [3, 1, 4], "{languages:?}");
    }
    // Only English: its own order.
    let found = archive.show("en", "?q=tokayev", 10);
    assert_eq!(entries(&found), [3, 1]);
}

#[test]
fn matched_languages_keep_the_order_the_searches_are_given_in() {
    let archive = archive();
    let found = archive.show_with(
        "ru",
        "?q=tokayev&all=1",
        10,
        &["tr", "en", "ru"],
        Some(&archive.facets),
    );
    let one = found.shown.iter().find(|s| s.entry == 1).unwrap();
    assert_eq!(one.matched_in, [code("tr"), code("en")]);
    // Read in Russian, it shows the first language it matched in.
    assert_eq!(
        one.card,
        CardSource::SearchDoc {
            lang: code("tr"),
            entry: 1
        }
    );
}

#[test]
fn a_result_shows_the_reading_language_doc_when_it_matched_there() {
    let archive = archive();
    // 1 matched in English and Turkish, 3 only in English, 4 only in Turkish.
    let found = archive.show("en", "?q=tokayev&all=1&sort=date", 10);
    assert_eq!(docs(&found), [("en", 1), ("en", 3), ("tr", 4)]);
    let found = archive.show("tr", "?q=tokayev&all=1&sort=date", 10);
    assert_eq!(docs(&found), [("tr", 1), ("en", 3), ("tr", 4)]);
    // Read in Russian: none matched there, so the first language each
    // matched in (the site's order: en, tr, ru).
    let found = archive.show("ru", "?q=tokayev&all=1&sort=date", 10);
    assert_eq!(docs(&found), [("en", 1), ("en", 3), ("tr", 4)]);
    assert_eq!(
        found.search_docs(),
        [(code("en"), 1), (code("en"), 3), (code("tr"), 4)]
    );
    assert!(found.catalog_pages().is_empty());
}

#[test]
fn matched_languages_are_listed_only_for_an_all_languages_search() {
    let archive = archive();
    let found = archive.show("tr", "?q=tokayev", 10);
    assert_eq!(entries(&found), [1, 4]);
    assert!(found.shown.iter().all(|s| s.matched_in.is_empty()));
    assert_eq!(docs(&found), [("tr", 1), ("tr", 4)]);
    assert_eq!(found.matched_terms.keys().collect::<Vec<_>>(), ["tr"]);
}

// ---- Facets with a search --------------------------------------------------

#[test]
fn facets_filter_a_search_or_within_a_facet_and_across_facets() {
    let archive = archive();
    // "water" in English: 0, 1 and 5.
    let mut all = entries(&archive.show("en", "?q=water", 10));
    all.sort();
    assert_eq!(all, [0, 1, 5]);
    // kz or uz: 0, 1, 2, 4; with the search, 0 and 1.
    let mut found = entries(&archive.show("en", "?q=water&country=kz&country=uz", 10));
    found.sort();
    assert_eq!(found, [0, 1]);
    // And of 2022: 0 alone.
    let found = archive.show("en", "?q=water&country=kz&country=uz&year=2022", 10);
    assert_eq!(entries(&found), [0]);
    assert_eq!(found.total, 1);
    // An explainer: 5, whatever the country facet does not say.
    let found = archive.show("en", "?q=water&kind=explainer", 10);
    assert_eq!(entries(&found), [5]);
}

#[test]
fn facet_counts_are_live_within_the_search_hits() {
    let archive = archive();
    let found = archive.show("en", "?q=water&country=kz", 10);
    let counts = found.counts.as_deref().unwrap();
    // Other facets count within kz ∩ hits = {0, 1}.
    assert_eq!(count(counts, "kind", "analysis"), Some(2));
    assert_eq!(count(counts, "kind", "explainer"), Some(0));
    assert_eq!(count(counts, "year", "2022"), Some(1));
    assert_eq!(count(counts, "year", "2026"), Some(1));
    // Its own facet counts within the hits {0, 1, 5}, ignoring its choice.
    assert_eq!(count(counts, "country", "kz"), Some(2));
    assert_eq!(count(counts, "country", "uz"), Some(1));
    assert_eq!(count(counts, "country", "cn"), Some(0));
    let kz = &counts.iter().find(|c| c.facet == "country").unwrap().values[0];
    assert!(kz.selected);
    // Browsing counts every entry.
    let browse = archive.show("en", "?country=kz", 20);
    let counts = browse.counts.as_deref().unwrap();
    assert_eq!(count(counts, "country", "uz"), Some(2));
    assert_eq!(count(counts, "kind", "analysis"), Some(3));
    assert_eq!(count(counts, "kind", "explainer"), Some(0));
}

#[test]
fn no_results_say_what_dropping_each_filter_or_the_words_would_give() {
    let archive = archive();
    let found = archive.show("en", "?q=water&country=uz&kind=explainer", 10);
    assert_eq!(found.total, 0);
    assert!(found.shown.is_empty() && found.upcoming.is_empty());
    // Without kind: uz ∩ hits = {0}; without country: explainers ∩ hits = {5}.
    assert_eq!(
        found.relaxations,
        [("country".to_string(), 1), ("kind".to_string(), 1)]
    );
    // Without the words: uz explainers = {4}.
    assert_eq!(found.without_text, Some(1));
    let found = archive.show("en", "?q=water&country=cn", 10);
    assert_eq!(found.relaxations, [("country".to_string(), 3)]);
    assert_eq!(found.without_text, Some(1));
}

#[test]
fn the_count_without_words_is_given_only_for_a_search_with_facets_loaded() {
    let archive = archive();
    let found = archive.show("en", "?q=water&kind=analysis", 10);
    assert_eq!(found.without_text, Some(3));
    // With no filter, it is every entry.
    assert_eq!(archive.show("en", "?q=water", 10).without_text, Some(6));
    // Browsing has no words to drop.
    assert_eq!(archive.show("en", "?kind=analysis", 20).without_text, None);
    // Nor does a search without the facet table.
    let found = archive.show_with("en", "?q=water&kind=analysis", 10, &["en"], None);
    assert_eq!(found.without_text, None);
}

#[test]
fn without_the_facet_table_a_search_shows_its_hits_unfiltered() {
    let archive = archive();
    let found = archive.show_with("en", "?q=water&country=cn", 10, &["en"], None);
    let mut found_entries = entries(&found);
    found_entries.sort();
    assert_eq!(found_entries, [0, 1, 5]);
    assert_eq!(found.total, 3);
    assert_eq!(found.counts, None);
    assert!(found.relaxations.is_empty());
    // By date too: the hits, not every entry.
    let found = archive.show_with("en", "?q=water&sort=date", 10, &["en"], None);
    assert_eq!(entries(&found), [0, 1, 5]);
    // Browsing without it lists every entry.
    let browse = archive.show_with("en", "?country=cn", 20, &[], None);
    assert_eq!(entries(&browse), [0, 1, 2, 3, 4, 5]);
    assert_eq!(browse.counts, None);
}

#[test]
fn a_search_that_could_not_be_loaded_finds_nothing() {
    let archive = archive();
    let found = archive.show_with("en", "?q=water", 10, &[], Some(&archive.facets));
    assert_eq!(found.total, 0);
    assert!(found.matched_terms.is_empty());
    // Filters still count, within no hits.
    assert_eq!(found.without_text, Some(6));
    let counts = found.counts.as_deref().unwrap();
    assert_eq!(count(counts, "kind", "analysis"), Some(0));
}

// ---- Order -----------------------------------------------------------------

#[test]
fn a_search_is_ordered_by_relevance_unless_date_is_asked_for() {
    let archive = archive();
    // Title and body matches (0, 5) before a body match (1).
    let own: Vec<u32> = archive.hits("en", "water").iter().map(|h| h.0).collect();
    assert_eq!(own.last(), Some(&1), "{own:?}");
    let found = archive.show("en", "?q=water", 10);
    assert_eq!(entries(&found), own);
    assert_ne!(entries(&found), [0, 1, 5]);
    // By date: entry numbers, newest first.
    let found = archive.show("en", "?q=water&sort=date", 10);
    assert_eq!(entries(&found), [0, 1, 5]);
    // A filter keeps the order of what is left.
    let found = archive.show("en", "?q=water&kind=analysis", 10);
    assert_eq!(entries(&found), [0, 1]);
    let found = archive.show("en", "?q=water&year=2026", 10);
    assert_eq!(entries(&found), [5, 1]);
}

#[test]
fn ties_in_relevance_put_the_newer_entry_first() {
    let found = many(12).show("en", "?q=water", 10);
    assert_eq!(entries(&found), (0..10).collect::<Vec<_>>());
}

#[test]
fn by_date_a_search_keeps_the_languages_each_entry_matched_in() {
    let archive = archive();
    let found = archive.show("ru", "?q=tokayev&all=1&sort=date", 10);
    assert_eq!(
        matched(&found),
        [(1, vec!["en", "tr"]), (3, vec!["en"]), (4, vec!["tr"])]
    );
}

#[test]
fn browsing_is_by_date_whatever_the_sort_asked() {
    let archive = archive();
    let found = archive.show("en", "?sort=relevance&kind=explainer", 20);
    assert_eq!(entries(&found), [3, 4, 5]);
    assert!(found.matched_terms.is_empty());
}

// ---- Paging ----------------------------------------------------------------

#[test]
fn the_step_is_ten_results_searching_and_twenty_browsing() {
    assert_eq!((RESULTS_STEP, BROWSE_STEP), (10, 20));
    assert_eq!(results_step(&ArchiveQuery::parse("?q=water")), 10);
    assert_eq!(
        results_step(&ArchiveQuery::parse("?q=%20&kind=analysis")),
        20
    );
}

#[test]
fn a_search_shows_the_first_results_and_prefetches_the_next_twenty() {
    let archive = many(45);
    let en = |e: u32| (code("en"), e);
    let found = archive.show("en", "?q=water", 10);
    assert_eq!(found.total, 45);
    assert_eq!(entries(&found), (0..10).collect::<Vec<_>>());
    assert_eq!(found.upcoming, (10..30).map(en).collect::<Vec<_>>());
    // After "Show more" twice: 30 shown, the last 15 to come.
    let found = archive.show("en", "?q=water", 30);
    assert_eq!(found.shown.len(), 30);
    assert_eq!(found.upcoming, (30..45).map(en).collect::<Vec<_>>());
    // Everything shown: nothing to come.
    let found = archive.show("en", "?q=water", 50);
    assert_eq!(found.shown.len(), 45);
    assert_eq!(found.total, 45);
    assert!(found.upcoming.is_empty());
}

#[test]
fn upcoming_docs_are_in_the_language_each_result_will_show() {
    let archive = archive();
    let found = archive.show("ru", "?q=tokayev&all=1&sort=date", 0);
    assert!(found.shown.is_empty());
    assert_eq!(found.total, 3);
    assert_eq!(
        found.upcoming,
        [(code("en"), 1), (code("en"), 3), (code("tr"), 4)]
    );
}

#[test]
fn browsing_pages_by_twenty_and_prefetches_no_docs() {
    let archive = many(45);
    let found = archive.show("en", "", 20);
    assert_eq!(found.total, 45);
    assert_eq!(entries(&found), (0..20).collect::<Vec<_>>());
    assert!(found.upcoming.is_empty());
    assert!(found.search_docs().is_empty());
    assert_eq!(
        found.catalog_pages().into_iter().collect::<Vec<_>>(),
        [(code("en"), 1)]
    );
}

// ---- Catalog pages ---------------------------------------------------------

#[test]
fn browsed_cards_come_from_the_catalog_page_that_holds_them() {
    let mut archive = archive();
    archive.entries = 5;
    archive.page_size = 2;
    let found = archive.show_with("tr", "", 20, &[], None);
    assert_eq!(entries(&found), [0, 1, 2, 3, 4]);
    let pages: Vec<(u32, u32)> = found
        .shown
        .iter()
        .map(|s| match &s.card {
            CardSource::CatalogPage { lang, page, entry } => {
                assert_eq!(lang.as_str(), "tr");
                (*entry, *page)
            }
            other => panic!("not a catalog card: {other:?}"),
        })
        .collect();
    assert_eq!(pages, [(0, 1), (1, 1), (2, 2), (3, 2), (4, 3)]);
    let wanted: Vec<u32> = found.catalog_pages().into_iter().map(|(_, p)| p).collect();
    assert_eq!(wanted, [1, 2, 3]);
}

#[test]
fn a_filtered_browse_fetches_only_the_pages_of_its_entries() {
    let mut archive = archive();
    archive.page_size = 2;
    let found = archive.show("en", "?kind=explainer", 20);
    assert_eq!(entries(&found), [3, 4, 5]);
    assert_eq!(
        found.catalog_pages().into_iter().collect::<Vec<_>>(),
        [(code("en"), 2), (code("en"), 3)]
    );
    assert!(found.shown.iter().all(|s| s.matched_in.is_empty()));
}

#[test]
fn while_a_word_is_typed_the_first_results_for_each_likely_next_letter_are_fetched_first() {
    // "wal" may go on to "wallet" (10 entries, the rarest word, so they
    // rank first and are shown), "walnut" (20, next) or "walrus" (30, the
    // most documents, ranked last): an "r" would show walrus results from
    // beyond the next twenty, so those are fetched first.
    let docs: Vec<(u32, &str, &str)> = (0..60)
        .map(|e| match e {
            0..=29 => (e, "Report", "The walrus levels fell again."),
            30..=39 => (e, "Report", "The wallet levels fell again."),
            _ => (e, "Report", "The walnut levels fell again."),
        })
        .collect();
    let archive = Archive {
        entries: 60,
        page_size: 50,
        indexes: vec![(code("en"), index("en", 60, &docs))],
        facets: FacetIndex::new(&FacetTable {
            format: 1,
            entries: 60,
            facets: vec![],
        }),
    };
    let found = archive.show("en", "?q=wal", 10);
    assert_eq!(entries(&found), (30..40).collect::<Vec<_>>());
    let upcoming: Vec<u32> = found.upcoming.iter().map(|(_, e)| *e).collect();
    let first: BTreeSet<u32> = upcoming.iter().take(10).copied().collect();
    assert_eq!(
        first,
        (0..10).collect(),
        "walrus results first: {upcoming:?}"
    );
    let all: BTreeSet<u32> = upcoming.iter().copied().collect();
    assert_eq!(all.len(), upcoming.len(), "each doc once");
    assert_eq!(all, (0..10).chain(40..60).collect(), "then the next twenty");

    // A finished word that nothing extends: just the next twenty.
    let found = archive.show("en", "?q=walrus", 10);
    let next: Vec<u32> = found.upcoming.iter().map(|(_, e)| *e).collect();
    assert_eq!(next, (10..30).collect::<Vec<_>>());
}
