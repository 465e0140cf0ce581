//! `okuma gen`: a deterministic synthetic archive for tests and benchmarks.
//!
//! Realistic in the ways that matter to the reader: ~600-word bodies in
//! English, Turkish and Russian made of words with each language's letters
//! (Zipf-distributed, so some words are common and most are rare), facets
//! drawn from pools of topics, entities and authors, dates of mixed
//! precision, and about one translation in six missing. The same seed gives
//! byte-identical output. Never the default dataset.

use okuma_core::{
    Block, BlockContent, CatalogIndex, Credit, Dataset, EntityKind, EntityRecord, Entry, Inline,
    Language, LanguageCode, LocalNames, Mark, PartialDate, Person, Provenance, Site, Source,
    Translation, FORMAT_VERSION,
};
use std::collections::BTreeMap;

mod language;
pub use language::add_language;

const LANGS: [&str; 3] = ["en", "tr", "ru"];
const VOCABULARY: usize = 6000;

struct Alphabet {
    onsets: &'static [&'static str],
    vowels: &'static [&'static str],
    codas: &'static [&'static str],
}

const ALPHABETS: [Alphabet; 3] = [
    Alphabet {
        onsets: &[
            "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st",
            "tr", "pl", "gr", "sh", "th",
        ],
        vowels: &["a", "e", "i", "o", "u", "ea", "ou", "y"],
        codas: &["", "", "n", "r", "s", "t", "l", "nd", "st", "ng"],
    },
    Alphabet {
        onsets: &[
            "b", "c", "ç", "d", "f", "g", "ğ", "h", "k", "l", "m", "n", "p", "r", "s", "ş", "t",
            "v", "y", "z",
        ],
        vowels: &["a", "e", "ı", "i", "o", "ö", "u", "ü"],
        codas: &["", "", "n", "r", "k", "l", "m", "ş", "t", "z"],
    },
    Alphabet {
        onsets: &[
            "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц",
            "ч", "ш", "щ", "ст", "пр",
        ],
        vowels: &["а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я"],
        codas: &["", "", "н", "р", "с", "т", "л", "й", "в", "ск"],
    },
];

struct Words {
    by_language: Vec<Vec<String>>,
}

impl Words {
    fn new(rng: &mut fastrand::Rng) -> Words {
        let alphabets: Vec<&Alphabet> = ALPHABETS.iter().collect();
        Words::of(&alphabets, rng)
    }

    /// A vocabulary per alphabet, in order.
    fn of(alphabets: &[&Alphabet], rng: &mut fastrand::Rng) -> Words {
        let by_language = alphabets
            .iter()
            .map(|alphabet| {
                let mut seen = std::collections::BTreeSet::new();
                let mut words = Vec::with_capacity(VOCABULARY);
                while words.len() < VOCABULARY {
                    let syllables = 1 + rng.usize(0..4);
                    let mut word = String::new();
                    for _ in 0..syllables {
                        word.push_str(alphabet.onsets[rng.usize(0..alphabet.onsets.len())]);
                        word.push_str(alphabet.vowels[rng.usize(0..alphabet.vowels.len())]);
                    }
                    word.push_str(alphabet.codas[rng.usize(0..alphabet.codas.len())]);
                    if seen.insert(word.clone()) {
                        words.push(word);
                    }
                }
                words
            })
            .collect();
        Words { by_language }
    }

    /// A word, Zipf-like: low ranks are far more frequent.
    fn word(&self, lang: usize, rng: &mut fastrand::Rng) -> &str {
        let u = rng.f64().max(1e-9);
        let rank = ((VOCABULARY as f64).powf(u) - 1.0) as usize;
        &self.by_language[lang][rank.min(VOCABULARY - 1)]
    }

    fn sentence(&self, lang: usize, words: usize, rng: &mut fastrand::Rng) -> String {
        let mut out = String::new();
        for i in 0..words {
            let word = self.word(lang, rng);
            if i == 0 {
                out.push_str(&capitalise(word, lang));
            } else {
                out.push(' ');
                out.push_str(word);
                if rng.u8(0..12) == 0 && i + 1 < words {
                    out.push(',');
                }
            }
        }
        out.push('.');
        out
    }

    fn title(&self, lang: usize, rng: &mut fastrand::Rng) -> String {
        let sentence = self.sentence(lang, 4 + rng.usize(0..6), rng);
        sentence.trim_end_matches('.').to_string()
    }
}

/// Capitalises with Turkish rules for Turkish (i → İ).
fn capitalise(word: &str, lang: usize) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some('i') if lang == 1 => format!("İ{}", chars.as_str()),
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn code(lang: usize) -> LanguageCode {
    LanguageCode::parse(LANGS[lang]).unwrap_or_else(|_| unreachable!("constant tags are valid"))
}

fn names(words: &Words, rng: &mut fastrand::Rng, len: usize) -> LocalNames {
    (0..3)
        .map(|l| {
            let name = (0..len)
                .map(|_| capitalise(words.word(l, rng), l))
                .collect::<Vec<_>>()
                .join(" ");
            (code(l), name)
        })
        .collect()
}

/// Builds the archive in memory.
pub fn archive(entries: u32, seed: u64) -> Dataset {
    let mut rng = fastrand::Rng::with_seed(seed);
    let words = Words::new(&mut rng);
    let languages = LANGS
        .iter()
        .zip(["English", "Türkçe", "Русский"])
        .map(|(c, name)| Language {
            code: code(LANGS.iter().position(|x| x == c).unwrap_or(0)),
            name: name.into(),
            dir: Default::default(),
        })
        .collect();
    let kinds: BTreeMap<String, LocalNames> = [
        ("analysis", ["Analysis", "Analiz", "Аналитика"]),
        ("explainer", ["Explainer", "Bilgi notu", "Справка"]),
        ("news", ["News", "Haber", "Новости"]),
    ]
    .into_iter()
    .map(|(id, n)| {
        (
            id.to_string(),
            (0..3).map(|l| (code(l), n[l].to_string())).collect(),
        )
    })
    .collect();
    let topics: BTreeMap<String, LocalNames> = (1..=24)
        .map(|t| (format!("topic-{t}"), names(&words, &mut rng, 2)))
        .collect();
    let kinds_cycle = [
        EntityKind::Country,
        EntityKind::Organisation,
        EntityKind::Person,
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Institution,
    ];
    let entities: BTreeMap<String, EntityRecord> = (1..=400)
        .map(|e| {
            let kind = kinds_cycle[e % kinds_cycle.len()];
            let len = 1 + rng.usize(0..2);
            let name = names(&words, &mut rng, len);
            let description = (0..3)
                .map(|l| (code(l), words.sentence(l, 10, &mut rng)))
                .collect();
            (
                format!("entity-{e}"),
                EntityRecord {
                    kind,
                    name,
                    description,
                    explainer: None,
                },
            )
        })
        .collect();
    let entity_ids: Vec<&String> = entities.keys().collect();
    let people: BTreeMap<String, Person> = (1..=60)
        .map(|p| {
            let id = format!("author-{p}");
            let name = names(&words, &mut rng, 2);
            (
                id.clone(),
                Person {
                    id,
                    name,
                    bio: BTreeMap::new(),
                },
            )
        })
        .collect();
    let person_ids: Vec<&String> = people.keys().collect();
    // Every translation is credited to one of the pool, as a site's editors.
    let translator = Credit {
        id: person_ids[0].clone(),
        name: people[person_ids[0]].name.clone(),
    };

    let mut list = Vec::with_capacity(entries as usize);
    for n in 0..entries {
        let original = [0, 0, 1, 2][rng.usize(0..4)];
        let year = 2000 + rng.i32(0..27);
        let month = 1 + rng.u8(0..12);
        let date = match rng.u8(0..10) {
            0 => PartialDate {
                year,
                month: None,
                day: None,
            },
            1..=3 => PartialDate {
                year,
                month: Some(month),
                day: None,
            },
            _ => PartialDate {
                year,
                month: Some(month),
                day: Some(1 + rng.u8(0..28)),
            },
        };
        let mut mentioned: Vec<String> = (0..2 + rng.usize(0..7))
            .map(|_| entity_ids[rng.usize(0..entity_ids.len())].clone())
            .collect();
        mentioned.sort();
        mentioned.dedup();
        let sources: Vec<Source> = (1..=rng.u32(0..5))
            .map(|number| Source {
                number,
                ibid: None,
                title: Some(words.title(rng.usize(0..3), &mut rng)),
                lang: Some(code(rng.usize(0..3))),
                publisher: Some(capitalise(words.word(0, &mut rng), 0)),
                url: Some(format!("https://example.org/source/{n}/{number}")),
                accessed: Some(PartialDate {
                    year: year.min(2026),
                    month: Some(month),
                    day: Some(1 + rng.u8(0..28)),
                }),
            })
            .collect();
        // The shape of the body (paragraph count, lengths, where notes and
        // mentions go) is shared by every translation, as in real content.
        let paragraphs = 6 + rng.usize(0..5);
        let shape: Vec<(usize, Option<u32>, Option<usize>)> = (0..paragraphs)
            .map(|p| {
                let words_in = 45 + rng.usize(0..60);
                let note = sources.get(p).map(|s| s.number);
                let mention = (rng.u8(0..2) == 0).then(|| rng.usize(0..mentioned.len()));
                (words_in, note, mention)
            })
            .collect();
        let mut translations = BTreeMap::new();
        for lang in 0..3 {
            if lang != original && rng.u8(0..6) == 0 {
                continue;
            }
            let body = shape
                .iter()
                .enumerate()
                .map(|(p, (words_in, note, mention))| {
                    let mut content = Vec::new();
                    let mut left = *words_in;
                    while left > 0 {
                        let len = (8 + rng.usize(0..14)).min(left);
                        content.push(Inline::Text(words.sentence(lang, len, &mut rng) + " "));
                        left -= len;
                    }
                    if let Some(m) = mention {
                        let id = &mentioned[*m];
                        let name = entities[id]
                            .name
                            .get(&code(lang))
                            .cloned()
                            .unwrap_or_default();
                        content.push(Inline::Mark(Mark::Mention {
                            entity: id.clone(),
                            content: vec![Inline::Text(name)],
                        }));
                        content.push(Inline::Text(".".into()));
                    }
                    if let Some(number) = note {
                        content.push(Inline::Mark(Mark::Note { number: *number }));
                    }
                    Block {
                        id: format!("p{}", p + 1),
                        content: BlockContent::Paragraph { content },
                    }
                })
                .collect();
            let provenance = if lang == original {
                Provenance::Original
            } else {
                Provenance::Translation {
                    from: code(original),
                    by: translator.clone(),
                    date: Some(date),
                }
            };
            translations.insert(
                code(lang),
                Translation {
                    title: words.title(lang, &mut rng),
                    summary: words.sentence(lang, 18 + rng.usize(0..12), &mut rng),
                    provenance,
                    body,
                },
            );
        }
        let topic_count = 1 + rng.usize(0..3);
        let mut entry_topics: Vec<String> = (0..topic_count)
            .map(|_| format!("topic-{}", 1 + rng.usize(0..24)))
            .collect();
        entry_topics.sort();
        entry_topics.dedup();
        let authors = (0..1 + rng.usize(0..2))
            .map(|_| people[person_ids[rng.usize(0..person_ids.len())]].clone())
            .collect::<Vec<_>>();
        let mut authors_unique: Vec<Person> = Vec::new();
        for a in authors {
            if !authors_unique.iter().any(|b| b.id == a.id) {
                authors_unique.push(a);
            }
        }
        list.push(Entry {
            format: FORMAT_VERSION,
            slug: format!("entry-{n:05}"),
            kind: ["analysis", "analysis", "explainer", "news"][rng.usize(0..4)].to_string(),
            original_language: code(original),
            date: Some(date),
            topics: entry_topics,
            authors: authors_unique,
            entities: mentioned
                .iter()
                .map(|id| (id.clone(), entities[id].clone()))
                .collect(),
            sources,
            translations,
        });
    }
    Dataset {
        site: Site {
            format: FORMAT_VERSION,
            default_language: code(0),
            languages,
            title: (0..3)
                .map(|l| (code(l), "okuma (synthetic)".to_string()))
                .collect(),
            kinds,
            topics,
            catalog: CatalogIndex {
                entries: 0,
                page_size: 1,
                pages: 0,
            },
            public_url: None,
            build: None,
        },
        entries: list,
        entities,
        people: people.into_iter().map(|(id, p)| (id, p.name)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_files() {
        assert_eq!(archive(30, 7).files(), archive(30, 7).files());
        assert_ne!(archive(30, 7).files(), archive(30, 8).files());
    }

    #[test]
    fn a_generated_archive_checks_clean() {
        let files = archive(120, 3).files();
        let issues = okuma_core::check_files(&files);
        assert!(
            issues.is_empty(),
            "{}",
            issues
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn text_uses_each_languages_letters_and_some_translations_are_missing() {
        let dataset = archive(200, 1);
        let text = |l: &str| {
            dataset
                .entries
                .iter()
                .filter_map(|e| e.translations.get(&LanguageCode::parse(l).unwrap()))
                .map(|t| {
                    t.body
                        .iter()
                        .map(|b| b.content.plain_text())
                        .collect::<String>()
                })
                .collect::<String>()
        };
        assert!(text("tr").contains(['ş', 'ğ', 'ı']));
        assert!(text("ru").contains(['ж', 'ы', 'щ']));
        let missing = dataset
            .entries
            .iter()
            .filter(|e| e.translations.len() < 3)
            .count();
        assert!(
            (10..100).contains(&missing),
            "{missing} of 200 entries lack a translation"
        );
        let words: usize = dataset.entries[0]
            .original()
            .unwrap()
            .body
            .iter()
            .map(|b| b.content.plain_text().split_whitespace().count())
            .sum();
        assert!((350..1100).contains(&words), "{words} words");
    }

    #[test]
    fn an_added_language_translates_every_entry_and_leaves_the_others_alone() {
        let plain = archive(40, 2);
        let mut with_german = archive(40, 2);
        let de = LanguageCode::parse("de").unwrap();
        add_language(&mut with_german, &de, 2);
        let issues = okuma_core::check_files(&with_german.files());
        assert!(issues.is_empty(), "{:?}", issues.first());
        assert_eq!(with_german.site.languages.last().unwrap().name, "Deutsch");
        for (a, b) in plain.entries.iter().zip(&with_german.entries) {
            let german = &b.translations[&de];
            assert_eq!(german.body.len(), a.original().unwrap().body.len());
            assert!(german.provenance.is_translation());
            for (code, text) in &a.translations {
                assert_eq!(&b.translations[code], text, "{code} is unchanged");
            }
        }
    }
}
