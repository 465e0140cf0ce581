//! Search as a reader sees it: what a typed query finds, in which order,
//! and what it highlights, over a small corpus in English, Turkish and
//! Russian indexed exactly as `okuma build` indexes an archive.

mod common;

use okuma_core::search::{highlight, index_texts, DocSet, DocText, SearchIndex, SearchResult};
use okuma_core::LanguageCode;

/// (entry number, title, body) per language.
fn corpus(lang: &str) -> Vec<(u32, &'static str, &'static str)> {
    match lang {
        "en" => vec![
            (
                0,
                "A strong strategic partnership",
                "Uzbekistan and Kazakhstan signed a treaty on allied relations.",
            ),
            (
                1,
                "Water in Central Asia",
                "The partnership over rivers and water sharing is fragile.",
            ),
            (
                2,
                "Trade corridors",
                "Kazakhstan's railways carry trade to Europe; partnerships grow.",
            ),
            (3, "Elections", "A vote with no surprises."),
        ],
        "tr" => vec![
            (
                0,
                "Güçlü bir stratejik ortaklık",
                "Özbekistan ile Kazakistan müttefiklik ilişkileri üzerine bir antlaşma imzaladı.",
            ),
            (
                1,
                "Orta Asya'da su",
                "Türkiye'nin bölgedeki işbirliği ISPARTA'dan İSTANBUL'a uzanıyor.",
            ),
            (
                2,
                "Ticaret koridorları",
                "Kazakistan'ın demiryolları ticareti Avrupa'ya taşıyor.",
            ),
        ],
        "ru" => vec![
            (
                0,
                "Сильное стратегическое партнёрство",
                "Узбекистан и Казахстан подписали договор о союзнических отношениях.",
            ),
            (
                1,
                "Вода в Центральной Азии",
                "Партнерство по рекам хрупкое; ёмкость водохранилищ мала.",
            ),
            (
                2,
                "Торговые коридоры",
                "Железные дороги Казахстана везут товары в Европу.",
            ),
        ],
        _ => vec![],
    }
}

fn index(lang: &str) -> SearchIndex {
    common::full_index(lang, 5, &corpus(lang))
}

fn search(index: &SearchIndex, query: &str) -> SearchResult {
    index.run(&index.plan(query), None)
}

fn found(index: &SearchIndex, query: &str) -> Vec<u32> {
    search(index, query).hits.iter().map(|h| h.entry).collect()
}

/// (language, query, an entry that must be found).
const FINDS: &[(&str, &str, u32)] = &[
    ("tr", "İSTANBUL", 1),
    ("tr", "istanbul", 1),
    ("tr", "ISPARTA", 1),
    ("tr", "isparta", 1),
    ("tr", "Türkiye", 1),
    ("tr", "Türkiye'nin", 1),
    ("tr", "ozbekistan", 0),
    ("tr", "OZBEKISTAN", 0),
    ("tr", "isbirligi", 1),
    ("tr", "işbirliği", 1),
    ("tr", "kazakistan", 2),
    ("tr", "ilişki", 0),
    ("tr", "iliskileri", 0),
    ("tr", "ortaklik", 0),
    ("ru", "Казахстан", 0),
    ("ru", "Казахстана", 2),
    ("ru", "казахстаном", 0),
    ("ru", "партнерство", 0),
    ("ru", "партнёрство", 1),
    ("ru", "емкость", 1),
    ("ru", "ЁМКОСТЬ", 1),
    ("ru", "отношения", 0),
    ("ru", "стратегический", 0),
    ("ru", "казах", 2),
    ("en", "partnership", 0),
    ("en", "partnerships", 1),
    ("en", "partnrship", 0),
    ("en", "parntership", 1),
    ("en", "partn", 2),
    ("en", "relatio", 0),
    ("en", "KAZAKHSTAN", 0),
    ("en", "kazakhstans", 2),
    ("en", "strong partner", 0),
];

#[test]
fn the_normalisation_table_finds_what_it_must() {
    let indexes: Vec<(&str, SearchIndex)> = ["en", "tr", "ru"].map(|l| (l, index(l))).into();
    let wrong: Vec<String> = FINDS
        .iter()
        .filter_map(|(lang, query, entry)| {
            let index = &indexes.iter().find(|(l, _)| l == lang)?.1;
            let hits = found(index, query);
            (!hits.contains(entry)).then(|| format!("{lang}: {query:?} gave {hits:?}, not {entry}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn typos_are_tolerated_only_in_longer_words() {
    let en = index("en");
    // "vote" → "vite" is one edit, but the word is short.
    assert!(found(&en, "vite").is_empty());
    assert_eq!(found(&en, "alektions"), Vec::<u32>::new(), "two edits");
    assert_eq!(found(&en, "electons"), [3]);
}

#[test]
fn every_word_must_match() {
    let en = index("en");
    assert_eq!(found(&en, "water partnership"), [1]);
    assert!(found(&en, "water elections").is_empty());
}

#[test]
fn a_title_match_ranks_above_a_body_match_and_exact_above_typo() {
    let en = index("en");
    // Entry 0 has "partnership" in its title; 1 and 2 only in the body.
    assert_eq!(found(&en, "partnership")[0], 0);
    let ru = index("ru");
    assert_eq!(found(&ru, "партнерство")[0], 0);
    // An exact match beats a one-edit match of the same word.
    let exact = search(&en, "trade");
    let typo = search(&en, "trada");
    assert!(exact.hits[0].score > typo.hits.first().map_or(0.0, |h| h.score));
}

#[test]
fn filters_restrict_results_and_hostile_queries_are_just_text() {
    let en = index("en");
    let within = DocSet::of(5, [1, 3]);
    let result = en.run(&en.plan("partnership"), Some(&within));
    assert_eq!(result.hits.iter().map(|h| h.entry).collect::<Vec<_>>(), [1]);
    // A filter that keeps none of the matches leaves no hits.
    let elections = DocSet::of(5, [3]);
    assert!(en
        .run(&en.plan("partnership"), Some(&elections))
        .hits
        .is_empty());

    // No words at all: nothing to match, and nothing matches.
    for query in [
        "",
        "   ",
        ".*",
        "(",
        "\u{202E}\u{200F}",
        "😀",
        "|",
        "[]",
        "--",
    ] {
        assert!(en.plan(query).is_empty(), "{query:?} has words");
        assert!(search(&en, query).hits.is_empty(), "{query:?}");
    }

    // Markup, patterns and SQL are text: a query finds exactly what its
    // words find, in the same order (sorted here: the entries expected).
    for (query, words, expected) in [
        (
            "<script>alert(1)</script>",
            "script alert 1 script",
            &[][..],
        ),
        ("'; DROP TABLE entries; --", "drop table entries", &[]),
        ("a|b", "a b", &[]),
        ("[^x]", "x", &[]),
        ("a|vote", "a vote", &[3]),
        ("kazakhstan|trade", "kazakhstan trade", &[2]),
        ("(partnership)", "partnership", &[0, 1, 2]),
        ("partnership.*", "partnership", &[0, 1, 2]),
        ("\u{202E}partnership\u{200F}", "partnership", &[0, 1, 2]),
        ("😀👍🏽 partnership", "partnership", &[0, 1, 2]),
    ] {
        let hits = found(&en, query);
        assert_eq!(hits, found(&en, words), "{query:?} against {words:?}");
        let mut sorted = hits.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, expected, "{query:?}");
    }
    assert!(found(&en, "<script>").is_empty());

    // A query of 5,000 words is read as far as the engine reads, and finds
    // what its one word finds.
    let long = "partnership ".repeat(5_000);
    assert_eq!(found(&en, &long), found(&en, "partnership"));
    assert!(!found(&en, &long).is_empty());
}

#[test]
fn matched_terms_highlight_every_form_in_titles() {
    let ru = index("ru");
    let result = search(&ru, "партнерство");
    let marked: String = highlight(
        ru.analyser(),
        &result.matched_terms,
        "Партнёрство и партнерства",
    )
    .iter()
    .map(|s| {
        if s.hit {
            format!("[{}]", s.text)
        } else {
            s.text.clone()
        }
    })
    .collect();
    assert_eq!(marked, "[Партнёрство] и [партнерства]");
}

#[test]
fn only_the_shards_a_query_needs_are_fetched() {
    let code = LanguageCode::parse("en").unwrap();
    // Enough distinct words to make several shards.
    let bodies: Vec<String> = (0..400)
        .map(|i| {
            (0..40)
                .map(|w| format!("w{}x{}", (i * 7 + w) % 997, w % 13))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let texts: Vec<DocText> = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| DocText {
            entry: i as u32,
            title: "t",
            body,
            ..DocText::default()
        })
        .collect();
    let (dictionary, shards) = index_texts(&code, 400, &texts);
    assert!(shards.len() > 1, "{} shards", shards.len());
    let mut index = SearchIndex::new(dictionary);
    let plan = index.plan("w5x5");
    let missing = index.missing_shards(&plan);
    let first = index.missing_shards_first(&plan);
    assert!(first.len() <= missing.len() && first.iter().all(|s| missing.contains(s)));
    assert!(!missing.is_empty() && missing.len() < shards.len());
    // Before its shard arrives a term matches nothing; after, it does.
    assert!(index.run(&plan, None).hits.is_empty());
    for s in &missing {
        index.add_shard(shards[*s as usize].clone()).unwrap();
    }
    assert!(index.missing_shards(&plan).is_empty());
    assert!(!index.run(&plan, None).hits.is_empty());
    // A shard that does not fit is refused, not trusted.
    let mut broken = shards[0].clone();
    broken.postings.pop();
    assert!(index.add_shard(broken).is_err());
    let mut foreign = shards[0].clone();
    foreign.lang = LanguageCode::parse("tr").unwrap();
    assert!(index.add_shard(foreign).is_err());
    let mut out_of_range = shards[0].clone();
    out_of_range.postings[0][0] = 10_000;
    assert!(index.add_shard(out_of_range).is_err());
}

/// The bundled dataset (`public/data`, rebuilt from `content/` and checked
/// to be current by the CLI's tests).
fn bundled(path: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    std::fs::read_to_string(root.join(path)).unwrap()
}

fn bundled_index(lang: &str) -> SearchIndex {
    let dictionary: okuma_core::search::TermDictionary =
        okuma_core::parse_file(&bundled(&okuma_core::layout::search_terms(lang))).unwrap();
    let shards = dictionary.shards.len() as u32;
    let mut index = SearchIndex::new(dictionary);
    for n in 0..shards {
        let shard =
            okuma_core::parse_file(&bundled(&okuma_core::layout::search_shard(lang, n))).unwrap();
        index.add_shard(shard).unwrap();
    }
    index
}

fn bundled_slug(lang: &str, entry: u32) -> String {
    let doc: okuma_core::search::SearchDoc =
        okuma_core::parse_file(&bundled(&okuma_core::layout::search_doc(lang, entry))).unwrap();
    doc.card.slug
}

const SEED: &str = "uzbekistan-kazakhstan-strategic-partnership";

#[test]
fn the_seed_analysis_ranks_first_for_its_own_subject_in_every_language() {
    for (lang, query) in [
        ("en", "strategic partnership"),
        ("en", "partnrship uzbekistan"),
        ("tr", "stratejik ortaklık"),
        ("tr", "OZBEKISTAN KAZAKISTAN ORTAKLIK"),
        ("ru", "стратегического партнерства"),
        ("ru", "узбекско-казахстанские отношения"),
    ] {
        let index = bundled_index(lang);
        let result = index.run(&index.plan(query), None);
        let top = result.hits.first().map(|h| bundled_slug(lang, h.entry));
        assert_eq!(top.as_deref(), Some(SEED), "{lang}: {query:?}");
    }
}

#[test]
fn find_in_entry_and_mentions_pick_paragraphs_of_the_seed() {
    let site = okuma_core::Site::from_json(&bundled(okuma_core::layout::SITE)).unwrap();
    let entry =
        okuma_core::Entry::from_json(&bundled(&okuma_core::layout::entry(SEED)), &site).unwrap();
    let ru = &entry.translations[&LanguageCode::parse("ru").unwrap()].body;
    let found = okuma_core::search::find_in_blocks(ru, "ru", "Казахстаном");
    assert!(!found.is_empty() && found.len() < ru.len(), "{found:?}");
    assert!(okuma_core::search::find_in_blocks(ru, "ru", "жираф").is_empty());
    let en = &entry.translations[&LanguageCode::parse("en").unwrap()].body;
    let mentions = okuma_core::search::blocks_mentioning(en, "kazakhstan");
    assert!(
        !mentions.is_empty() && mentions.len() < en.len(),
        "{mentions:?}"
    );
}
