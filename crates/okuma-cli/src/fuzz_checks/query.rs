//! `archive_query` and `search_query`: what a reader types.

use super::{bundled, bundled_index};
use okuma_core::archive::{results, results_step, ArchiveInput, CardSource, LanguageSearch};
use okuma_core::archive_query::{ArchiveQuery, Order, MAX_TEXT_CHARS};
use okuma_core::facets::FACETS;
use okuma_core::search::query::MAX_QUERY_WORDS;
use okuma_core::search::{
    find_in_blocks, fold, highlight, index_texts, snippet, Analyser, DocText, SearchIndex, Segment,
    WordQuery,
};
use okuma_core::{
    layout, parse_file, Block, BlockContent, FacetIndex, FacetTable, Inline, LanguageCode,
};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// `archive_query`: the input is the URL query (`?q=…&country=…`).
///
/// - parsing never panics; the state keeps at most `MAX_TEXT_CHARS` of
///   trimmed text and only known facets with non-empty values;
/// - the state's URL reads back as the same state, and is canonical (the
///   same state is always the same URL);
/// - choosing a value and choosing it again gives the state back;
/// - the archive engine over the bundled dataset, in each reading
///   language, shows at most what was asked, each entry once, only entries
///   the chosen facets allow, and only cards whose files exist.
pub fn archive_query(data: &[u8]) {
    let url = String::from_utf8_lossy(data);
    let state = ArchiveQuery::parse(&url);
    assert!(state.text.chars().count() <= MAX_TEXT_CHARS);
    assert_eq!(state.text, state.text.trim(), "the text is trimmed");
    for (facet, values) in &state.selection {
        assert!(FACETS.contains(&facet.as_str()), "{facet}");
        assert!(!values.is_empty() && values.iter().all(|v| !v.is_empty() && v == v.trim()));
    }
    let canonical = state.to_query();
    assert!(canonical.is_empty() || canonical.starts_with('?'));
    let again = ArchiveQuery::parse(&canonical);
    assert_eq!(
        again, state,
        "{url:?} → {canonical:?} reads back differently"
    );
    assert_eq!(again.to_query(), canonical);
    if !state.has_text() {
        assert_eq!(state.order(), Order::Date);
    }
    for (facet, value) in state.chips() {
        let without = state.toggled(&facet, &value);
        assert!(!without.chips().contains(&(facet.clone(), value.clone())));
        assert_eq!(without.toggled(&facet, &value), state);
    }
    assert!(!state.without_filters().has_filters());
    engine(&state, data.len());
}

fn bundled_facets() -> &'static FacetIndex {
    static INDEX: OnceLock<FacetIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let table: FacetTable =
            parse_file(&bundled().files[layout::FACETS]).expect("bundled facets");
        FacetIndex::new(&table)
    })
}

/// The archive engine as `ArchiveView::load` runs it, over the bundled
/// dataset with every shard loaded, in a reading language the input picks.
fn engine(state: &ArchiveQuery, salt: usize) {
    let site = &bundled().site;
    let files = &bundled().files;
    let facets = bundled_facets();
    let entries = site.catalog.entries;
    let shown = results_step(state) * (1 + salt % 3);
    let reading = &site.languages[salt % site.languages.len()];
    {
        let languages: Vec<&LanguageCode> = if state.all_languages {
            site.languages.iter().map(|l| &l.code).collect()
        } else {
            vec![&reading.code]
        };
        let indexes: Vec<_> = languages
            .iter()
            .filter_map(|lang| Some(((*lang).clone(), bundled_index(lang.as_str())?)))
            .collect();
        let plans: Vec<_> = indexes
            .iter()
            .filter(|_| state.has_text())
            .map(|(lang, index)| (lang, index, index.plan(&state.text)))
            .collect();
        let searches: Vec<LanguageSearch> = plans
            .iter()
            .map(|(lang, index, plan)| LanguageSearch {
                lang: (*lang).clone(),
                index,
                plan,
            })
            .collect();
        let found = results(&ArchiveInput {
            entries,
            page_size: site.catalog.page_size,
            reading: &reading.code,
            query: state,
            searches: &searches,
            facets: Some(facets),
            shown,
        });
        assert!(found.total <= entries as usize);
        assert_eq!(found.shown.len(), found.total.min(shown));
        let allowed = facets.matching(&state.selection, None);
        let mut seen = BTreeSet::new();
        for result in &found.shown {
            assert!(seen.insert(result.entry), "entry {} twice", result.entry);
            assert!(
                allowed.contains(result.entry),
                "entry {} is filtered out",
                result.entry
            );
            let path = match &result.card {
                CardSource::SearchDoc { lang, entry } => {
                    assert_eq!(*entry, result.entry);
                    layout::search_doc(lang, *entry)
                }
                CardSource::CatalogPage { lang, page, entry } => {
                    assert_eq!((lang, *entry), (&reading.code, result.entry));
                    layout::catalog_page(lang, *page)
                }
            };
            assert!(
                files.contains_key(&path),
                "the engine shows a card from {path}"
            );
            for lang in &result.matched_in {
                assert!(languages.contains(&lang));
            }
        }
        for (lang, entry) in &found.upcoming {
            let path = layout::search_doc(lang, *entry);
            assert!(files.contains_key(&path), "the engine fetches ahead {path}");
        }
        if let Some(without) = found.without_text {
            assert!(without as usize >= found.total);
        }
    }
}

/// The languages `search_query` analyses in, by the first byte: the
/// bundled three (stemmed), a Turkic one, one without a stemmer, a region
/// subtag and the undetermined language.
const LANGUAGES: [&str; 7] = ["en", "tr", "ru", "az", "kk", "en-GB", "und"];

/// `search_query`: the first byte picks the language; the rest is a query,
/// NUL, and a text (no NUL: the query is the text too).
///
/// - analysis never panics; each word is a non-empty range of the text on
///   character boundaries, in order, with a non-empty term; the analyser's
///   memory of words changes nothing; folding is idempotent;
/// - a query plans into at most `MAX_QUERY_WORDS` words whose candidates
///   are the dictionary's terms; its hits are each entry once, best first;
/// - the text indexed alone is found by its own words, with every shard
///   the builder wrote loading into the index, and highlighting marks them;
/// - highlighting gives back the text; a snippet is a piece of it;
///   "find in this entry" finds a paragraph by its own words.
pub fn search_query(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let lang = LANGUAGES[pick as usize % LANGUAGES.len()];
    let rest = String::from_utf8_lossy(rest);
    let (query, text) = rest.split_once('\0').unwrap_or((&rest, &rest));
    let analyser = Analyser::new(lang);
    let shared = Analyser::shared(lang);

    // Analysis.
    for input in [query, text] {
        let tokens = analyser.tokens(input);
        let mut end = 0;
        for t in &tokens {
            assert!(
                end <= t.start && t.start < t.end && t.end <= input.len(),
                "{t:?}"
            );
            assert!(input.is_char_boundary(t.start) && input.is_char_boundary(t.end));
            assert!(!t.term.is_empty() && !t.folded.is_empty(), "{t:?}");
            assert_eq!(fold(&t.folded), t.folded, "folding is idempotent");
            end = t.end;
        }
        // `analyser` is new; the shared one remembers the words of every
        // input so far.
        assert_eq!(tokens, shared.tokens(input), "the memo changes nothing");
        assert_eq!(shared.term(input), tokens.first().map(|t| t.term.clone()));
        let folded = fold(input);
        assert_eq!(fold(&folded), folded, "folding is idempotent");
    }

    // The query against the bundled index of its language.
    if let Some(index) = bundled_index(lang) {
        plan_and_run(&index, query);
    }

    // The text indexed alone, as `okuma build` indexes an entry.
    let code = LanguageCode::parse(lang).expect("a language of LANGUAGES");
    let doc = DocText {
        entry: 0,
        body: text,
        ..DocText::default()
    };
    let (dictionary, shards) = index_texts(&code, 1, &[doc]);
    assert!(
        dictionary.terms.windows(2).all(|w| w[0] < w[1]),
        "terms ascend"
    );
    assert_eq!(dictionary.df.len(), dictionary.terms.len());
    assert_eq!(dictionary.shards.len(), shards.len());
    let mut index = SearchIndex::new(dictionary);
    for shard in shards {
        index
            .add_shard(shard)
            .expect("a shard loads into its own dictionary");
    }
    let plan = plan_and_run(&index, text);
    let found = index.run(&plan, None);
    if !plan.is_empty() {
        let hits: Vec<u32> = found.hits.iter().map(|h| h.entry).collect();
        assert_eq!(hits, [0], "the text is found by its own words");
        assert!(!found.matched_terms.is_empty());
    }
    plan_and_run(&index, query);

    // Highlighting, snippets, "find in this entry".
    let title = highlight(&shared, &found.matched_terms, text);
    assert_eq!(joined(&title), text, "highlighting gives back the text");
    if !plan.is_empty() {
        assert!(title.iter().any(|s| s.hit), "the words found are marked");
    }
    let words = WordQuery::new(&shared, query);
    let marked = highlight(&shared, &words, text);
    assert_eq!(joined(&marked), text);
    let cut = snippet(&shared, &words, text, 1 + pick as usize % 40);
    let is_marker = |s: Option<&Segment>| s.is_some_and(|s| s.text == "…" && !s.hit);
    let mut inner: &[Segment] = &cut;
    if is_marker(inner.first()) {
        inner = &inner[1..];
    }
    if is_marker(inner.last()) {
        inner = &inner[..inner.len() - 1];
    }
    assert!(
        text.contains(&joined(inner)),
        "a snippet is a piece of the text"
    );
    let block = Block {
        id: "p1".into(),
        content: BlockContent::Paragraph {
            content: vec![Inline::Text(text.to_string())],
        },
    };
    let own = WordQuery::new(&shared, text);
    assert_eq!(
        own.matches_all(&shared, text),
        !shared.tokens(text).is_empty(),
        "a text matches its own words"
    );
    let _ = find_in_blocks(std::slice::from_ref(&block), lang, query);
}

fn joined(segments: &[Segment]) -> String {
    segments.iter().map(|s| s.text.as_str()).collect()
}

/// Plans `query` and runs it; checks the plan and the hits.
fn plan_and_run(index: &SearchIndex, query: &str) -> okuma_core::search::QueryPlan {
    let plan = index.plan(query);
    assert!(plan.words.len() <= MAX_QUERY_WORDS);
    let found = index.run(&plan, None);
    let mut seen = BTreeSet::new();
    for pair in found.hits.windows(2) {
        assert!(pair[0].score >= pair[1].score, "best first: {pair:?}");
    }
    for hit in &found.hits {
        assert!(seen.insert(hit.entry), "entry {} twice", hit.entry);
    }
    let _ = index.next_letters(&plan, 4);
    assert!(
        index.missing_shards(&plan).is_empty(),
        "every shard is loaded"
    );
    plan
}
