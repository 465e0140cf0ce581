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
//! Everything here works on folded text (`ı` → `i`, `ğ` → `g`, …), as the
//! index stores it, so vowel harmony is reduced to a/e and i/u.
//!
//! ```
//! use okuma_core::search::turkish::Inflections;
//! let insan = Inflections::of("insan");
//! assert!(insan.matches("insanlarin"));
//! assert!(!insan.matches("insanlik"));
//! assert!(Inflections::of("agiz").matches("agzindan"));
//! assert!(Inflections::of("kitap").matches("kitabi"));
//! assert!(!Inflections::of("neden").matches("ne"));
//! ```

/// Nouns whose last vowel drops before a suffix that starts with a vowel
/// (folded), with the stem they drop to.
const VOWEL_DROP: &[(&str, &str)] = &[
    ("agiz", "agz"),
    ("akil", "akl"),
    ("alin", "aln"),
    ("asil", "asl"),
    ("asir", "asr"),
    ("bagir", "bagr"),
    ("beyin", "beyn"),
    ("boyun", "boyn"),
    ("burun", "burn"),
    ("cisim", "cism"),
    ("devir", "devr"),
    ("emir", "emr"),
    ("fikir", "fikr"),
    ("gogus", "gogs"),
    ("gonul", "gonl"),
    ("hapis", "haps"),
    ("hatir", "hatr"),
    ("hukum", "hukm"),
    ("ilim", "ilm"),
    ("isim", "ism"),
    ("kabir", "kabr"),
    ("karin", "karn"),
    ("kayip", "kayb"),
    ("kayit", "kayd"),
    ("keyif", "keyf"),
    ("kisim", "kism"),
    ("metin", "metn"),
    ("meyil", "meyl"),
    ("nabiz", "nabz"),
    ("nakit", "nakd"),
    ("nehir", "nehr"),
    ("nesil", "nesl"),
    ("ogul", "ogl"),
    ("omur", "omr"),
    ("resim", "resm"),
    ("sabir", "sabr"),
    ("sehir", "sehr"),
    ("sekil", "sekl"),
    ("seyir", "seyr"),
    ("sukur", "sukr"),
    ("vakit", "vakt"),
    ("zehir", "zehr"),
    ("zihin", "zihn"),
    ("zulum", "zulm"),
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
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
    /// The inflections of a folded Turkish word.
    pub fn of(word: &str) -> Inflections {
        let mut stems = vec![(word.to_string(), false)];
        if let Some((_, dropped)) = VOWEL_DROP.iter().find(|(full, _)| *full == word) {
            stems.push((dropped.to_string(), true));
        }
        // Words of one syllable mostly keep their consonant (süt → sütü),
        // but a final -nk softens (renk → rengi).
        let syllables = word.chars().filter(|&c| is_vowel(c)).count();
        if syllables >= 2 || word.ends_with("nk") {
            if let Some(soft) = soften(word) {
                stems.push((soft, true));
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
        self.stems.iter().any(|(stem, before_vowel)| {
            word.strip_prefix(stem.as_str()).is_some_and(|rest| {
                if *before_vowel {
                    rest.chars().next().is_some_and(is_vowel) && is_suffix_chain(stem, rest)
                } else {
                    is_suffix_chain(stem, rest)
                }
            })
        })
    }
}

/// A word's final p, t, k (folded ç is c already) as Turkish writes it
/// before a vowel: kitap → kitab, renk → reng, ayak → ayag.
fn soften(word: &str) -> Option<String> {
    let mut chars: Vec<char> = word.chars().collect();
    let last = *chars.last()?;
    let soft = match last {
        'p' => 'b',
        't' => 'd',
        'k' => 'g',
        _ => return None,
    };
    *chars.last_mut()? = soft;
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

const RELATIVE: &[(&str, After)] = &[("ki", After::Any)];

const PREDICATIVE: &[(&str, After)] = &[
    ("dir", After::Any),
    ("dur", After::Any),
    ("tir", After::Consonant),
    ("tur", After::Consonant),
];

/// Whether `rest` is a chain of noun suffixes that may follow `stem`.
fn is_suffix_chain(stem: &str, rest: &str) -> bool {
    let slots: [&[(&str, After)]; 6] = [PLURAL, POSSESSIVE, CASE, RELATIVE, CASE, PREDICATIVE];
    let last = stem.chars().last();
    chain(last, rest, &slots)
}

fn chain(last: Option<char>, rest: &str, slots: &[&[(&str, After)]]) -> bool {
    if rest.is_empty() {
        return true;
    }
    let Some((slot, later)) = slots.split_first() else {
        return false;
    };
    let vowel = last.is_some_and(is_vowel);
    let fits = |after: After| match after {
        After::Vowel => vowel,
        After::Consonant => !vowel,
        After::Any => true,
    };
    slot.iter().any(|&(suffix, after)| {
        fits(after)
            && rest
                .strip_prefix(suffix)
                .is_some_and(|more| chain(suffix.chars().last(), more, later))
    }) || chain(last, rest, later)
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ("agiz", &["agzina", "agizlarda", "agzindan", "agza"]),
            ("burun", &["burnu"]),
            ("ogul", &["oglum", "oglunun", "oglu", "ogluna"]),
            ("kitap", &["kitabi", "kitaplar", "kitapta"]),
            ("ev", &["evler", "evde", "evdeki", "evlerinden"]),
            ("ortaklik", &["ortakligi", "ortakliklar"]),
            ("kazakistan", &["kazakistandir", "kazakistanin"]),
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
            ("baskan", "baska"),
            ("bakan", "bak"),
            ("ogul", "oglak"),
            ("kitap", "kitabevi"),
            ("konu", "konusma"),
        ] {
            assert!(!Inflections::of(lemma).matches(other), "{lemma} ↛ {other}");
        }
    }
}
