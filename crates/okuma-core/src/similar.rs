//! "Similar entries" on an entry page: ranks the archive's other entry cards by
//! what they share with the open entry (entities, topics, words of the title
//! and summary) and keeps what they share, so the page can say why.

use crate::catalog::EntryCard;
use std::collections::HashSet;

/// A shared entity is the strongest sign that two entries are about the same
/// thing; a shared topic is broader, and shared words are the weakest (and
/// the noisiest) sign.
const ENTITY_WEIGHT: f64 = 3.0;
const TOPIC_WEIGHT: f64 = 1.5;
const TEXT_WEIGHT: f64 = 2.0;

/// Shorter words are mostly articles, prepositions and suffix debris.
const MIN_WORD_CHARS: usize = 3;

/// Why an entry is similar: the entities and topics it shares (ids), for a
/// reason line like "Also about: CSTO, Uzbekistan".
#[derive(Debug, Clone, PartialEq)]
pub struct Similar {
    pub slug: String,
    pub score: f64,
    /// Rarest in the archive first, so that a reason line cut short still
    /// names the most telling ones.
    pub shared_entities: Vec<String>,
    /// Rarest in the archive first, like `shared_entities`.
    pub shared_topics: Vec<String>,
}

/// Ranks `candidates` by similarity to `current` (skipping `current` itself by
/// slug), best first, at most `limit`, dropping candidates with nothing in
/// common (score 0). Deterministic: ties broken by newer date, then slug.
///
/// The score adds, for every entity the two share, 3.0 × ln(1 + N / df), for
/// every shared topic 1.5 × ln(1 + N / df) — N being the number of entries
/// looked at (the candidates plus `current`) and df how many of them have that
/// entity or topic — and 2.0 × the cosine similarity of the two cards' sets of
/// title and summary words.
pub fn similar_entries(
    current: &EntryCard,
    candidates: &[EntryCard],
    limit: usize,
) -> Vec<Similar> {
    if limit == 0 {
        return Vec::new();
    }
    // A catalog page may list the open entry itself, and a slug listed twice
    // is still one entry: either would inflate the document counts and show
    // the same link twice.
    let mut seen: HashSet<&str> = HashSet::from([current.slug.as_str()]);
    let others: Vec<&EntryCard> = candidates
        .iter()
        .filter(|card| seen.insert(card.slug.as_str()))
        .collect();

    let entity_sets: Vec<HashSet<&str>> = others.iter().map(|c| id_set(&c.entities)).collect();
    let topic_sets: Vec<HashSet<&str>> = others.iter().map(|c| id_set(&c.topics)).collect();
    let entities = Terms::new(&current.entities, &entity_sets, ENTITY_WEIGHT);
    let topics = Terms::new(&current.topics, &topic_sets, TOPIC_WEIGHT);
    let current_words = card_words(current);

    let mut ranked: Vec<(&EntryCard, Similar)> = others
        .iter()
        .zip(entity_sets.iter().zip(&topic_sets))
        .filter_map(|(card, (card_entities, card_topics))| {
            let (entity_score, shared_entities) = entities.shared_with(card_entities);
            let (topic_score, shared_topics) = topics.shared_with(card_topics);
            let text_score = TEXT_WEIGHT * cosine(&current_words, &words(card));
            let score = entity_score + topic_score + text_score;
            (score > 0.0).then(|| {
                let similar = Similar {
                    slug: card.slug.clone(),
                    score,
                    shared_entities,
                    shared_topics,
                };
                (*card, similar)
            })
        })
        .collect();

    ranked.sort_by(|(card_a, a), (card_b, b)| {
        b.score
            .total_cmp(&a.score)
            // Undated entries sort as the oldest (`None` < `Some`).
            .then_with(|| card_b.date.cmp(&card_a.date))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    ranked.truncate(limit);
    ranked.into_iter().map(|(_, similar)| similar).collect()
}

fn id_set(ids: &[String]) -> HashSet<&str> {
    ids.iter().map(String::as_str).collect()
}

/// The open entry's entities (or topics), each weighted by how rare it is
/// among the entries looked at, rarest first.
struct Terms<'a> {
    terms: Vec<(&'a str, f64)>,
}

impl<'a> Terms<'a> {
    fn new(ids: &'a [String], others: &[HashSet<&str>], weight: f64) -> Self {
        let n = (others.len() + 1) as f64;
        let mut seen = HashSet::new();
        let mut counted: Vec<(&str, usize)> = ids
            .iter()
            .map(String::as_str)
            .filter(|id| seen.insert(*id))
            .map(|id| {
                let df = 1 + others.iter().filter(|set| set.contains(id)).count();
                (id, df)
            })
            .collect();
        // Stable: equally rare ids keep the publisher's order on the card.
        counted.sort_by_key(|&(_, df)| df);
        let terms = counted
            .into_iter()
            .map(|(id, df)| (id, weight * (1.0 + n / df as f64).ln()))
            .collect();
        Terms { terms }
    }

    /// The score of the ids `card` shares with the open entry, and those ids.
    fn shared_with(&self, card: &HashSet<&str>) -> (f64, Vec<String>) {
        self.terms.iter().filter(|(id, _)| card.contains(id)).fold(
            (0.0, Vec::new()),
            |(score, mut shared), (id, w)| {
                shared.push((*id).to_string());
                (score + w, shared)
            },
        )
    }
}

/// The distinct words of a card's title and summary, lowercased the way the
/// card's language lowercases. Kept per card text for the thread: the same
/// candidates (the newest cards of a language) are ranked against every
/// entry a reader opens, and every page the pre-render draws.
fn words(card: &EntryCard) -> std::rc::Rc<HashSet<String>> {
    type Key = (String, String, String);
    thread_local! {
        static WORDS: std::cell::RefCell<std::collections::HashMap<Key, std::rc::Rc<HashSet<String>>>> =
            std::cell::RefCell::default();
    }
    // Bounded: a visit or a render meets a few pages of cards at a time.
    const KEPT: usize = 4096;
    let key = (
        card.lang.to_string(),
        card.title.clone(),
        card.summary.clone(),
    );
    if let Some(hit) = WORDS.with_borrow(|w| w.get(&key).cloned()) {
        return hit;
    }
    let found = std::rc::Rc::new(card_words(card));
    WORDS.with_borrow_mut(|w| {
        if w.len() >= KEPT {
            w.clear();
        }
        w.insert(key, found.clone());
    });
    found
}

fn card_words(card: &EntryCard) -> HashSet<String> {
    let dotless_i = crate::language_profile::profile(card.lang.as_str()).dotless_i;
    let mut set = HashSet::new();
    for text in [&card.title, &card.summary] {
        let lower = crate::language_profile::lowercase_with(text, dotless_i);
        set.extend(
            lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= MIN_WORD_CHARS)
                .map(str::to_string),
        );
    }
    set
}

/// Cosine similarity of two word sets: shared words over the geometric mean
/// of the sets' sizes, so a long summary does not match everything.
fn cosine(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let shared = small.iter().filter(|w| large.contains(*w)).count();
    shared as f64 / ((a.len() * b.len()) as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;
    use crate::language::LanguageCode;

    fn card(slug: &str, date: &str, entities: &[&str], topics: &[&str]) -> EntryCard {
        let en = LanguageCode::parse("en").unwrap();
        EntryCard {
            id: 0,
            slug: slug.to_string(),
            kind: "article".to_string(),
            date: (!date.is_empty()).then(|| PartialDate::parse(date).unwrap()),
            original_language: en.clone(),
            lang: en.clone(),
            title: String::new(),
            summary: String::new(),
            languages: vec![en],
            topics: topics.iter().map(|t| t.to_string()).collect(),
            entities: entities.iter().map(|e| e.to_string()).collect(),
            authors: Vec::new(),
        }
    }

    fn with_text(mut card: EntryCard, lang: &str, title: &str, summary: &str) -> EntryCard {
        card.lang = LanguageCode::parse(lang).unwrap();
        card.title = title.to_string();
        card.summary = summary.to_string();
        card
    }

    fn slugs(ranked: &[Similar]) -> Vec<&str> {
        ranked.iter().map(|s| s.slug.as_str()).collect()
    }

    fn idf(n: f64, df: f64) -> f64 {
        (1.0 + n / df).ln()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn a_rare_shared_entity_outranks_a_common_one() {
        let current = card("open", "2023", &["kazakhstan", "csto"], &[]);
        let candidates = vec![
            card("about-kz", "2023", &["kazakhstan"], &[]),
            card("about-csto", "2020", &["csto"], &[]),
            card("filler-1", "2023", &["kazakhstan"], &[]),
            card("filler-2", "2023", &["kazakhstan"], &[]),
        ];
        let ranked = similar_entries(&current, &candidates, 10);
        assert_eq!(ranked[0].slug, "about-csto", "{ranked:?}");
        // N = 5 entries; csto is on 2 of them, kazakhstan on 4.
        assert!(close(ranked[0].score, 3.0 * idf(5.0, 2.0)));
        assert!(close(ranked[1].score, 3.0 * idf(5.0, 4.0)));
        assert_eq!(ranked[0].shared_entities, ["csto"]);
    }

    #[test]
    fn shared_entities_are_listed_rarest_first() {
        let current = card("open", "2023", &["kazakhstan", "uzbekistan", "csto"], &[]);
        let candidates = vec![
            card(
                "all-three",
                "2023",
                &["kazakhstan", "uzbekistan", "csto"],
                &[],
            ),
            card("kz-uz", "2023", &["kazakhstan", "uzbekistan"], &[]),
            card("kz", "2023", &["kazakhstan"], &[]),
        ];
        let ranked = similar_entries(&current, &candidates, 10);
        assert_eq!(ranked[0].slug, "all-three");
        assert_eq!(
            ranked[0].shared_entities,
            ["csto", "uzbekistan", "kazakhstan"]
        );
        assert_eq!(ranked[1].shared_entities, ["uzbekistan", "kazakhstan"]);
    }

    #[test]
    fn equally_rare_entities_keep_the_order_of_the_open_entry() {
        let current = card("open", "2023", &["tajikistan", "csto", "armenia"], &[]);
        let candidates = vec![card(
            "other",
            "2023",
            &["armenia", "tajikistan", "csto"],
            &[],
        )];
        let ranked = similar_entries(&current, &candidates, 10);
        assert_eq!(ranked[0].shared_entities, ["tajikistan", "csto", "armenia"]);
    }

    #[test]
    fn shared_topics_count_and_are_reported() {
        let current = card("open", "2023", &["csto"], &["security", "energy"]);
        let candidates = vec![
            card("entity-only", "2023", &["csto"], &[]),
            card("entity-and-topic", "2020", &["csto"], &["security"]),
            card("topic-only", "2023", &[], &["energy"]),
        ];
        let ranked = similar_entries(&current, &candidates, 10);
        assert_eq!(
            slugs(&ranked),
            ["entity-and-topic", "entity-only", "topic-only"]
        );
        assert_eq!(ranked[0].shared_topics, ["security"]);
        assert!(ranked[1].shared_topics.is_empty());
        assert_eq!(ranked[2].shared_topics, ["energy"]);
        assert!(ranked[2].shared_entities.is_empty());
        // N = 4; security is on 2 entries, energy on 2.
        assert!(close(ranked[2].score, 1.5 * idf(4.0, 2.0)));
    }

    #[test]
    fn an_entity_weighs_more_than_an_equally_rare_topic() {
        let current = card("open", "2023", &["csto"], &["security"]);
        let candidates = vec![
            card("topic", "2023", &[], &["security"]),
            card("entity", "2020", &["csto"], &[]),
        ];
        let ranked = similar_entries(&current, &candidates, 10);
        assert_eq!(slugs(&ranked), ["entity", "topic"]);
    }

    #[test]
    fn text_similarity_breaks_ties() {
        let current = with_text(
            card("open", "2023", &["csto"], &[]),
            "en",
            "Peacekeepers leave Almaty",
            "The mission ends after two weeks.",
        );
        let candidates = vec![
            with_text(
                card("a-newer-unrelated", "2024", &["csto"], &[]),
                "en",
                "Budget hearings",
                "Parliament debates spending.",
            ),
            with_text(
                card("z-older-related", "2020", &["csto"], &[]),
                "en",
                "Peacekeepers arrive in Almaty",
                "A mission of two thousand troops.",
            ),
        ];
        let ranked = similar_entries(&current, &candidates, 10);
        assert_eq!(slugs(&ranked), ["z-older-related", "a-newer-unrelated"]);
        // Same entity, same weight: the whole difference is the text.
        let difference = ranked[0].score - ranked[1].score;
        assert!(difference > 0.0 && difference <= TEXT_WEIGHT);
    }

    #[test]
    fn shared_words_alone_make_an_entry_similar() {
        let current = with_text(card("open", "2023", &[], &[]), "en", "Grain corridor", "");
        let candidates = vec![with_text(
            card("other", "2023", &[], &[]),
            "en",
            "The grain corridor reopens",
            "",
        )];
        let ranked = similar_entries(&current, &candidates, 10);
        assert_eq!(slugs(&ranked), ["other"]);
        assert!(ranked[0].shared_entities.is_empty() && ranked[0].shared_topics.is_empty());
        // {grain, corridor} against {the, grain, corridor, reopens}.
        assert!(close(ranked[0].score, 2.0 * 2.0 / (2.0f64 * 4.0).sqrt()));
    }

    #[test]
    fn the_current_entry_is_excluded_and_not_counted_twice() {
        let current = card("open", "2023", &["csto"], &[]);
        let others = vec![
            card("other", "2023", &["csto"], &[]),
            card("filler", "2023", &["kazakhstan"], &[]),
        ];
        let mut with_itself = others.clone();
        // The open entry as a catalog page lists it (another id, same slug).
        let mut itself = current.clone();
        itself.id = 7;
        with_itself.insert(0, itself);
        let ranked = similar_entries(&current, &with_itself, 10);
        assert_eq!(slugs(&ranked), ["other"]);
        assert_eq!(ranked, similar_entries(&current, &others, 10));
    }

    #[test]
    fn a_slug_listed_twice_is_suggested_once() {
        let current = card("open", "2023", &["csto"], &[]);
        let candidates = vec![
            card("other", "2023", &["csto"], &[]),
            card("other", "2023", &["csto"], &[]),
        ];
        let ranked = similar_entries(&current, &candidates, 10);
        assert_eq!(slugs(&ranked), ["other"]);
    }

    #[test]
    fn entries_with_nothing_in_common_are_dropped() {
        let current = with_text(
            card("open", "2023", &["csto"], &["security"]),
            "en",
            "Peacekeepers leave",
            "",
        );
        let candidates = vec![
            with_text(
                card("unrelated", "2023", &["eu"], &["trade"]),
                "en",
                "Tariffs rise",
                "of to in",
            ),
            card("empty", "2023", &[], &[]),
        ];
        assert!(similar_entries(&current, &candidates, 10).is_empty());
        assert!(similar_entries(&current, &[], 10).is_empty());
    }

    #[test]
    fn the_limit_is_respected() {
        let current = card("open", "2023", &["csto"], &[]);
        let candidates: Vec<EntryCard> = (0..8)
            .map(|i| card(&format!("entry-{i}"), "2023", &["csto"], &[]))
            .collect();
        assert_eq!(similar_entries(&current, &candidates, 3).len(), 3);
        assert_eq!(similar_entries(&current, &candidates, 100).len(), 8);
        assert!(similar_entries(&current, &candidates, 0).is_empty());
    }

    #[test]
    fn ties_go_to_the_newer_date_then_the_slug() {
        let current = card("open", "2023", &["csto"], &[]);
        let candidates = vec![
            card("undated", "", &["csto"], &[]),
            card("b-day", "2022-12-14", &["csto"], &[]),
            card("year", "2021", &["csto"], &[]),
            card("a-day", "2022-12-14", &["csto"], &[]),
            card("month", "2022-12", &["csto"], &[]),
        ];
        let ranked = similar_entries(&current, &candidates, 10);
        assert_eq!(
            slugs(&ranked),
            ["a-day", "b-day", "month", "year", "undated"]
        );
    }

    #[test]
    fn the_ranking_does_not_depend_on_the_order_of_candidates() {
        let current = with_text(
            card("open", "2023", &["csto", "kazakhstan"], &["security"]),
            "en",
            "Peacekeepers leave Almaty",
            "",
        );
        let mut candidates = vec![
            card("a", "2022", &["kazakhstan"], &[]),
            card("b", "2022", &["kazakhstan"], &[]),
            card("c", "2021", &["csto"], &["security"]),
            with_text(card("d", "2023", &[], &[]), "en", "Almaty", ""),
            card("e", "", &["kazakhstan", "csto"], &[]),
            card("f", "2022", &["russia"], &[]),
        ];
        let first = similar_entries(&current, &candidates, 10);
        assert_eq!(slugs(&first), ["e", "c", "a", "b", "d"]);
        for _ in 0..candidates.len() {
            candidates.rotate_left(1);
            assert_eq!(similar_entries(&current, &candidates, 10), first);
            let mut reversed = candidates.clone();
            reversed.reverse();
            assert_eq!(similar_entries(&current, &reversed, 10), first);
        }
    }

    #[test]
    fn turkish_capitals_lowercase_the_turkish_way() {
        let current = with_text(card("acik", "2023", &[], &[]), "tr", "İSTANBUL", "");
        let candidates = vec![with_text(
            card("diger", "2023", &[], &[]),
            "tr",
            "istanbul",
            "",
        )];
        let ranked = similar_entries(&current, &candidates, 10);
        assert_eq!(slugs(&ranked), ["diger"]);
        assert!(close(ranked[0].score, TEXT_WEIGHT));
    }

    #[test]
    fn dotless_i_only_in_languages_that_have_it() {
        let tr = with_text(card("x", "", &[], &[]), "tr", "IRAK", "");
        let tr_regional = with_text(card("x", "", &[], &[]), "tr-TR", "IRAK", "");
        let en = with_text(card("x", "", &[], &[]), "en", "IRAK", "");
        assert!(words(&tr).contains("ırak"));
        assert!(words(&tr_regional).contains("ırak"));
        assert!(words(&en).contains("irak"));
        // A Turkish name in an English text still matches its lowercase form.
        let en_dotted = with_text(card("x", "", &[], &[]), "en", "İzmir", "");
        assert!(words(&en_dotted).contains("izmir"));
    }

    #[test]
    fn words_split_on_anything_not_a_letter_or_digit() {
        let c = with_text(
            card("x", "", &[], &[]),
            "en",
            "ОДКБ: peace-keeping, 2022!",
            "Ukraine's war — in the news; Şanghay",
        );
        let mut found: Vec<String> = words(&c).iter().cloned().collect();
        found.sort();
        assert_eq!(
            found,
            ["2022", "keeping", "news", "peace", "the", "ukraine", "war", "şanghay", "одкб"]
        );
    }
}
