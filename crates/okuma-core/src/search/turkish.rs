//! Turkish words and their inflections, for search.
//!
//! Snowball's Turkish stemmer cuts a dictionary form as if it had a suffix
//! ("neden" → "ne", "insan" → "in", "kimse" → "k") and merges unrelated
//! words, so Turkish is indexed by its words, and a query word finds the
//! words that are it plus a chain of inflectional suffixes that Turkish
//! grammar allows ("insan" → insanlar, insanın, insanlarla; not insanlık,
//! a word of its own), with the stem changes of the language: a final
//! p, t, k softened before a vowel (kitap → kitabı, renk → rengi) and the
//! vowel some nouns drop (ağız → ağzı, burun → burnu, oğul → oğlu).
//!
//! A word is matched in its own letters (a query "ön" finds önde, not
//! onlar), or folded (`ı` → `i`, `ğ` → `g`, …) when it was typed without
//! them, as the index stores both. Suffixes are read folded, so vowel
//! harmony is reduced to a/e and i/u.
//!
//! ```
//! use okuma_core::search::turkish::Inflections;
//! let insan = Inflections::of("insan");
//! assert!(insan.matches("insanların"));
//! assert!(!insan.matches("insanlık"));
//! assert!(Inflections::of("ağız").matches("ağzından"));
//! assert!(Inflections::folded("agiz").matches("agzindan"));
//! assert!(!Inflections::of("ön").matches("onlar"));
//! assert!(Inflections::of("kitap").matches("kitabı"));
//! assert!(!Inflections::of("neden").matches("ne"));
//! ```

use crate::search::analysis::fold;

/// Nouns whose last vowel drops before a suffix that starts with a vowel,
/// with the stem they drop to.
const VOWEL_DROP: &[(&str, &str)] = &[
    ("ağız", "ağz"),
    ("akıl", "akl"),
    ("alın", "aln"),
    ("asıl", "asl"),
    ("asır", "asr"),
    ("bağır", "bağr"),
    ("beyin", "beyn"),
    ("boyun", "boyn"),
    ("burun", "burn"),
    ("cisim", "cism"),
    ("devir", "devr"),
    ("emir", "emr"),
    ("fikir", "fikr"),
    ("göğüs", "göğs"),
    ("gönül", "gönl"),
    ("hapis", "haps"),
    ("hatır", "hatr"),
    ("hüküm", "hükm"),
    ("ilim", "ilm"),
    ("isim", "ism"),
    ("kabir", "kabr"),
    ("karın", "karn"),
    ("kayıp", "kayb"),
    ("kayıt", "kayd"),
    ("keyif", "keyf"),
    ("kısım", "kısm"),
    ("metin", "metn"),
    ("meyil", "meyl"),
    ("nabız", "nabz"),
    ("nakit", "nakd"),
    ("nehir", "nehr"),
    ("nesil", "nesl"),
    ("oğul", "oğl"),
    ("ömür", "ömr"),
    ("resim", "resm"),
    ("sabır", "sabr"),
    ("şehir", "şehr"),
    ("şekil", "şekl"),
    ("seyir", "seyr"),
    ("şükür", "şükr"),
    ("vakit", "vakt"),
    ("zehir", "zehr"),
    ("zihin", "zihn"),
    ("zulüm", "zulm"),
];

/// Words of their own that read as a shorter word plus a suffix (için is
/// not iç + in, ile not il + e, adam not ada + m): frequent enough that
/// taking them for inflections would flood a search for the shorter word.
/// Folded, sorted.
const WORDS_OF_THEIR_OWN: &[&str] = &[
    "adam", "ara", "ayrica", "baskan", "bazi", "belki", "bile", "birlikte", "boyunca", "hala",
    "hatta", "icin", "iken", "ile", "ise", "iste", "kara", "kimi", "once", "oyun", "turkiye",
    "yani",
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'ı' | 'ö' | 'ü')
}

/// The stems a query word's inflections are built on: the word itself,
/// and where Turkish changes it before a vowel, the changed stem (which
/// only a suffix starting with a vowel may follow).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inflections {
    /// (stem, only before a vowel).
    stems: Vec<(String, bool)>,
}

impl Inflections {
    /// The inflections of a lower-case Turkish word, in its own letters.
    pub fn of(word: &str) -> Inflections {
        Inflections::build(word, false)
    }

    /// The inflections of a word typed without Turkish letters, to match
    /// against words folded the same way ("agiz" finds "agzindan").
    pub fn folded(word: &str) -> Inflections {
        Inflections::build(&fold(word), true)
    }

    fn build(word: &str, folded: bool) -> Inflections {
        let mut stems = vec![(word.to_string(), false)];
        for (full, dropped) in VOWEL_DROP {
            if *full == word {
                stems.push((dropped.to_string(), true));
            } else if folded && fold(full) == word {
                stems.push((fold(dropped), true));
            }
        }
        // Words of one syllable mostly keep their consonant (süt → sütü,
        // at → atı, kent → kenti), but -nk softens (renk → rengi).
        let syllables = word.chars().filter(|&c| is_vowel(c)).count();
        if syllables >= 2 || word.ends_with("nk") {
            if let Some(soft) = soften(word, folded) {
                stems.push((soft, true));
            }
        }
        // Pronouns whose dative changes its vowel.
        for (pronoun, dative) in [("ben", "bana"), ("sen", "sana")] {
            if word == pronoun {
                stems.push((dative.to_string(), false));
            }
        }
        Inflections { stems }
    }

    /// The stems, for finding candidate words by prefix.
    pub fn stems(&self) -> impl Iterator<Item = &str> {
        self.stems.iter().map(|(s, _)| s.as_str())
    }

    /// Whether `word` (folded) is the word or one of its inflections.
    pub fn matches(&self, word: &str) -> bool {
        // A word of its own, or an inflection of one, is not an inflection
        // of a shorter word it begins with (başkanı is not başka + n + ı).
        let folded = fold(word);
        let own = WORDS_OF_THEIR_OWN.iter().find(|own| {
            // The inflections of short ones are too often the short word's
            // own (içinde is iç + i + nde as well as için + de).
            folded.starts_with(**own)
                && (folded.len() == own.len()
                    || (own.len() >= 6 && Inflections::folded(own).matches_suffixes(&folded)))
        });
        if own.is_some_and(|own| fold(&self.stems[0].0).len() < own.len()) {
            return false;
        }
        self.matches_suffixes(word)
    }
    /// Whether `word` is one of the stems plus a suffix chain.
    fn matches_suffixes(&self, word: &str) -> bool {
        self.stems.iter().any(|(stem, before_vowel)| {
            word.strip_prefix(stem.as_str()).is_some_and(|rest| {
                let (stem, rest) = (fold(stem), fold(rest));
                if *before_vowel {
                    rest.chars().next().is_some_and(is_vowel) && is_suffix_chain(&stem, &rest)
                } else {
                    is_suffix_chain(&stem, &rest)
                }
            })
        })
    }
}

/// A word's final p, t, k, ç as Turkish writes it before a vowel: kitap →
/// kitab, ağaç → ağac, ortaklık → ortaklığ (ortaklig folded), renk →
/// reng.
fn soften(word: &str, folded: bool) -> Option<String> {
    let mut chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let soft = match *chars.last()? {
        'p' => 'b',
        't' => 'd',
        'ç' => 'c',
        'k' if n >= 2 && chars[n - 2] == 'n' => 'g',
        'k' if folded => 'g',
        'k' => 'ğ',
        _ => return None,
    };
    chars[n - 1] = soft;
    Some(chars.into_iter().collect())
}

/// Suffix slots in their order in a noun: plural, possessive, case, the
/// relative -ki (with a case after it), the predicative -dir. Each slot is
/// (suffix, whether it must follow a vowel, a consonant, or either).
#[derive(Clone, Copy, PartialEq)]
enum After {
    Vowel,
    Consonant,
    Any,
}

/// One slot's suffixes, each with what it must follow.
type Slot = &'static [(&'static str, After)];

const PLURAL: &[(&str, After)] = &[("lar", After::Any), ("ler", After::Any)];

const POSSESSIVE: &[(&str, After)] = &[
    ("im", After::Consonant),
    ("um", After::Consonant),
    ("m", After::Vowel),
    ("in", After::Consonant),
    ("un", After::Consonant),
    ("n", After::Vowel),
    ("i", After::Consonant),
    ("u", After::Consonant),
    ("si", After::Vowel),
    ("su", After::Vowel),
    ("imiz", After::Consonant),
    ("umuz", After::Consonant),
    ("miz", After::Vowel),
    ("muz", After::Vowel),
    ("iniz", After::Consonant),
    ("unuz", After::Consonant),
    ("niz", After::Vowel),
    ("nuz", After::Vowel),
    ("lari", After::Any),
    ("leri", After::Any),
];

const CASE: &[(&str, After)] = &[
    // Accusative, dative.
    ("i", After::Consonant),
    ("u", After::Consonant),
    ("yi", After::Vowel),
    ("yu", After::Vowel),
    ("a", After::Consonant),
    ("e", After::Consonant),
    ("ya", After::Vowel),
    ("ye", After::Vowel),
    // Locative, ablative.
    ("da", After::Any),
    ("de", After::Any),
    ("ta", After::Consonant),
    ("te", After::Consonant),
    ("dan", After::Any),
    ("den", After::Any),
    ("tan", After::Consonant),
    ("ten", After::Consonant),
    // Genitive, instrumental.
    ("in", After::Consonant),
    ("un", After::Consonant),
    ("nin", After::Vowel),
    ("nun", After::Vowel),
    ("la", After::Any),
    ("le", After::Any),
    ("yla", After::Vowel),
    ("yle", After::Vowel),
    // After a third-person possessive (its buffer n).
    ("ni", After::Vowel),
    ("nu", After::Vowel),
    ("na", After::Vowel),
    ("ne", After::Vowel),
    ("nda", After::Vowel),
    ("nde", After::Vowel),
    ("ndan", After::Vowel),
    ("nden", After::Vowel),
    // Equative.
    ("ca", After::Any),
    ("ce", After::Any),
];

/// A case and the relative -ki after it: evdeki, kitabınki.
const RELATIVE: &[(&str, After)] = &[
    ("daki", After::Any),
    ("deki", After::Any),
    ("taki", After::Consonant),
    ("teki", After::Consonant),
    ("ndaki", After::Vowel),
    ("ndeki", After::Vowel),
    ("inki", After::Consonant),
    ("unki", After::Consonant),
    ("ninki", After::Vowel),
    ("nunki", After::Vowel),
];

const PREDICATIVE: &[(&str, After)] = &[
    ("dir", After::Any),
    ("dur", After::Any),
    ("tir", After::Consonant),
    ("tur", After::Consonant),
];

/// Where a noun's suffixes may go next, from each point of the chain:
/// the stem, after a plural, after a possessive, after a case (only -dir
/// may follow), after -ki (which starts a new noun: plural, case).
const NEXT: [&[(Slot, usize)]; 6] = [
    // 0: the stem.
    &[
        (PLURAL, 1),
        (POSSESSIVE, 2),
        (CASE, 3),
        (RELATIVE, 4),
        (PREDICATIVE, 5),
    ],
    // 1: after the plural.
    &[(POSSESSIVE, 2), (CASE, 3), (RELATIVE, 4), (PREDICATIVE, 5)],
    // 2: after a possessive.
    &[(CASE, 3), (RELATIVE, 4), (PREDICATIVE, 5)],
    // 3: after a case.
    &[(PREDICATIVE, 5)],
    // 4: after -ki.
    &[(PLURAL, 1), (CASE, 3), (PREDICATIVE, 5)],
    // 5: the end.
    &[],
];

/// Whether `rest` is a chain of noun suffixes that may follow `stem`.
fn is_suffix_chain(stem: &str, rest: &str) -> bool {
    chain(stem.chars().last(), rest, 0, 0)
}

fn chain(last: Option<char>, rest: &str, state: usize, depth: usize) -> bool {
    if rest.is_empty() {
        return true;
    }
    // -ki may come twice at most (evdekilerinki); nothing longer is a noun.
    if depth > 8 {
        return false;
    }
    let vowel = last.is_some_and(is_vowel);
    let fits = |after: After| match after {
        After::Vowel => vowel,
        After::Consonant => !vowel,
        After::Any => true,
    };
    NEXT[state].iter().any(|&(slot, next)| {
        slot.iter().any(|&(suffix, after)| {
            fits(after)
                && rest
                    .strip_prefix(suffix)
                    .is_some_and(|more| chain(suffix.chars().last(), more, next, depth + 1))
        })
    })
}

/// Turkish letters a reader without a Turkish keyboard types as these.
fn spelled_as(c: char) -> &'static [char] {
    match c {
        'c' => &['c', 'ç'],
        'g' => &['g', 'ğ'],
        'i' => &['i', 'ı'],
        'o' => &['o', 'ö'],
        's' => &['s', 'ş'],
        'u' => &['u', 'ü'],
        _ => &[],
    }
}

/// The ways `typed` (folded: no Turkish letters) may be spelled in Turkish
/// letters that begin at least one of `terms` (sorted): "ozbek" →
/// "özbek", "isbirligi" → "işbirliği". At most `limit`, searched letter by
/// letter, so only spellings the index has are followed.
pub fn spellings(typed: &str, terms: &[String], limit: usize) -> Vec<String> {
    let begins = |prefix: &str| {
        let i = terms.partition_point(|t| t.as_str() < prefix);
        terms.get(i).is_some_and(|t| t.starts_with(prefix))
    };
    let mut out = Vec::new();
    let mut stack = vec![(String::new(), typed)];
    while let Some((done, rest)) = stack.pop() {
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            if out.len() < limit {
                out.push(done);
            }
            continue;
        };
        let same = [c];
        let options = match spelled_as(c) {
            [] => &same[..],
            options => options,
        };
        for &letter in options {
            let mut next = done.clone();
            next.push(letter);
            if begins(&next) {
                stack.push((next, chars.as_str()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_typed_without_turkish_letters_is_spelled_with_them() {
        let terms: Vec<String> = [
            "işbirliği",
            "on",
            "onlar",
            "ön",
            "önce",
            "özbek",
            "özbekistan",
        ]
        .map(String::from)
        .to_vec();
        let mut found = spellings("ozbek", &terms, 8);
        found.sort();
        assert_eq!(found, ["özbek"]);
        assert_eq!(spellings("isbirligi", &terms, 8), ["işbirliği"]);
        let mut on = spellings("on", &terms, 8);
        on.sort();
        assert_eq!(on, ["on", "ön"]);
        assert!(spellings("zz", &terms, 8).is_empty());
    }

    #[test]
    fn words_of_their_own_are_sorted() {
        assert!(WORDS_OF_THEIR_OWN.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_word_finds_its_inflections() {
        for (lemma, forms) in [
            (
                "insan",
                &[
                    "insan",
                    "insanlar",
                    "insanin",
                    "insanlarin",
                    "insanlarla",
                    "insani",
                ][..],
            ),
            (
                "neden",
                &["nedeni", "nedenle", "nedeniyle", "nedenler", "nedenini"],
            ),
            ("kimse", &["kimseye", "kimsenin", "kimseyi", "kimseyle"]),
            (
                "durum",
                &["durumunda", "durumda", "durumlar", "durumdan", "durumunun"],
            ),
            ("ağız", &["ağzına", "ağızlarda", "ağzından", "ağza"]),
            ("burun", &["burnu"]),
            ("oğul", &["oğlum", "oğlunun", "oğlu", "oğluna"]),
            ("kitap", &["kitabı", "kitaplar", "kitapta"]),
            ("birlik", &["birliği", "birlikleri"]),
            ("renk", &["rengi"]),
            ("ben", &["bana", "beni", "benimle"]),
            ("ev", &["evler", "evde", "evdeki", "evlerinden"]),
            ("ortaklık", &["ortaklığı", "ortaklıklar"]),
            ("kazakistan", &["kazakistandır", "kazakistanın"]),
        ] {
            let inflections = Inflections::of(lemma);
            for form in forms {
                assert!(inflections.matches(form), "{lemma} → {form}");
            }
        }
    }

    #[test]
    fn a_word_does_not_find_other_words() {
        for (lemma, other) in [
            ("neden", "ne"),
            ("kimse", "kim"),
            ("insan", "insanlik"),
            ("insan", "in"),
            ("başkan", "başka"),
            ("bakan", "bak"),
            ("oğul", "oğlak"),
            ("kitap", "kitabevi"),
            ("konu", "konusma"),
            ("iç", "için"),
            ("başka", "başkanı"),
            ("kent", "kendi"),
            ("alt", "aldı"),
            ("il", "ile"),
            ("ön", "önce"),
            ("eş", "eski"),
            ("tür", "türkiye"),
        ] {
            assert!(!Inflections::of(lemma).matches(other), "{lemma} ↛ {other}");
        }
    }
}
