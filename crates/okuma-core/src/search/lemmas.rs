//! Word forms no stemmer can reach: English irregular verbs and plurals
//! (made → make, took → take, children → child) and Russian verbs and
//! nouns whose stem changes (был → быть, может → мочь, дня → день, люди →
//! человек). Each form is read as its dictionary form before stemming, on
//! both sides (the index and the query), so a reader who types either
//! finds both.
//!
//! Forms that are also common words of their own (English "left", "saw",
//! "felt"; Russian "есть", to eat) are left out: reading them as another
//! word would cost more than it finds.
//!
//! ```
//! use okuma_core::search::lemmas::dictionary_form;
//! assert_eq!(dictionary_form("en", "took"), Some("take"));
//! assert_eq!(dictionary_form("ru", "дня"), Some("день"));
//! assert_eq!(dictionary_form("en", "table"), None);
//! ```

/// English: (form, dictionary form), sorted by form; comparatives of
/// the irregular adjectives too (better → good).
const EN: &[(&str, &str)] = &[
    ("am", "be"),
    ("are", "be"),
    ("ate", "eat"),
    ("beaten", "beat"),
    ("became", "become"),
    ("been", "be"),
    ("began", "begin"),
    ("begun", "begin"),
    ("best", "good"),
    ("better", "good"),
    ("bitten", "bite"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("burnt", "burn"),
    ("came", "come"),
    ("caught", "catch"),
    ("children", "child"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("dealt", "deal"),
    ("did", "do"),
    ("does", "do"),
    ("done", "do"),
    ("drank", "drink"),
    ("drawn", "draw"),
    ("drew", "draw"),
    ("driven", "drive"),
    ("drove", "drive"),
    ("drunk", "drink"),
    ("eaten", "eat"),
    ("fallen", "fall"),
    ("farther", "far"),
    ("fed", "feed"),
    ("feet", "foot"),
    ("fell", "fall"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("fought", "fight"),
    ("found", "find"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("further", "far"),
    ("gave", "give"),
    ("geese", "goose"),
    ("given", "give"),
    ("gone", "go"),
    ("got", "get"),
    ("gotten", "get"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("had", "have"),
    ("has", "have"),
    ("heard", "hear"),
    ("held", "hold"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("is", "be"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("least", "little"),
    ("led", "lead"),
    ("lent", "lend"),
    ("less", "little"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("men", "man"),
    ("met", "meet"),
    ("mice", "mouse"),
    ("more", "much"),
    ("most", "much"),
    ("paid", "pay"),
    ("ran", "run"),
    ("rang", "ring"),
    ("ridden", "ride"),
    ("risen", "rise"),
    ("rode", "ride"),
    ("said", "say"),
    ("sang", "sing"),
    ("sat", "sit"),
    ("seen", "see"),
    ("sent", "send"),
    ("shook", "shake"),
    ("shot", "shoot"),
    ("slept", "sleep"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("sung", "sing"),
    ("swam", "swim"),
    ("taken", "take"),
    ("taught", "teach"),
    ("teeth", "tooth"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("told", "tell"),
    ("took", "take"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("understood", "understand"),
    ("was", "be"),
    ("went", "go"),
    ("were", "be"),
    ("woke", "wake"),
    ("woken", "wake"),
    ("women", "woman"),
    ("won", "win"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("worse", "bad"),
    ("worst", "bad"),
    ("written", "write"),
    ("wrote", "write"),
];

/// Russian: (form, dictionary form), sorted by form (ё written е).
const RU: &[(&str, &str)] = &[
    ("будем", "быть"),
    ("будет", "быть"),
    ("будете", "быть"),
    ("будешь", "быть"),
    ("буду", "быть"),
    ("будут", "быть"),
    ("будь", "быть"),
    ("будьте", "быть"),
    ("был", "быть"),
    ("была", "быть"),
    ("были", "быть"),
    ("было", "быть"),
    ("вижу", "видеть"),
    ("вышел", "выйти"),
    ("вышла", "выйти"),
    ("вышли", "выйти"),
    ("дадим", "дать"),
    ("дадут", "дать"),
    ("дам", "дать"),
    ("даст", "дать"),
    ("дашь", "дать"),
    ("детей", "ребенок"),
    ("дети", "ребенок"),
    ("детьми", "ребенок"),
    ("детям", "ребенок"),
    ("детях", "ребенок"),
    ("дне", "день"),
    ("дней", "день"),
    ("днем", "день"),
    ("дни", "день"),
    ("дню", "день"),
    ("дня", "день"),
    ("дням", "день"),
    ("днями", "день"),
    ("днях", "день"),
    ("должна", "должен"),
    ("должно", "должен"),
    ("должны", "должен"),
    ("живем", "жить"),
    ("живет", "жить"),
    ("живете", "жить"),
    ("живешь", "жить"),
    ("живу", "жить"),
    ("живут", "жить"),
    ("идем", "идти"),
    ("идет", "идти"),
    ("идете", "идти"),
    ("идешь", "идти"),
    ("иду", "идти"),
    ("идут", "идти"),
    ("лет", "год"),
    ("людей", "человек"),
    ("люди", "человек"),
    ("людьми", "человек"),
    ("людям", "человек"),
    ("людях", "человек"),
    ("мог", "мочь"),
    ("могла", "мочь"),
    ("могли", "мочь"),
    ("могло", "мочь"),
    ("могу", "мочь"),
    ("могут", "мочь"),
    ("можем", "мочь"),
    ("может", "мочь"),
    ("можете", "мочь"),
    ("можешь", "мочь"),
    ("нашел", "найти"),
    ("нашла", "найти"),
    ("нашли", "найти"),
    ("одна", "один"),
    ("одни", "один"),
    ("одним", "один"),
    ("одних", "один"),
    ("одно", "один"),
    ("одного", "один"),
    ("одной", "один"),
    ("одному", "один"),
    ("одною", "один"),
    ("поет", "петь"),
    ("поешь", "петь"),
    ("пошел", "пойти"),
    ("пошла", "пойти"),
    ("пошли", "пойти"),
    ("пою", "петь"),
    ("поют", "петь"),
    ("пришел", "прийти"),
    ("пришла", "прийти"),
    ("пришли", "прийти"),
    ("станем", "стать"),
    ("станет", "стать"),
    ("станете", "стать"),
    ("станешь", "стать"),
    ("стану", "стать"),
    ("станут", "стать"),
    ("хотим", "хотеть"),
    ("хотите", "хотеть"),
    ("хотят", "хотеть"),
    ("хочет", "хотеть"),
    ("хочешь", "хотеть"),
    ("хочу", "хотеть"),
    ("шел", "идти"),
    ("шла", "идти"),
    ("шли", "идти"),
    ("шло", "идти"),
];

/// The dictionary form of `word` (lower case, ё as е) in `lang`, when
/// the word is one of the forms above.
pub fn dictionary_form(lang: &str, word: &str) -> Option<&'static str> {
    let table = match crate::language_profile::primary_subtag(lang).as_str() {
        "en" => EN,
        "ru" => RU,
        _ => return None,
    };
    table
        .binary_search_by(|(form, _)| (*form).cmp(word))
        .ok()
        .map(|i| table[i].1)
}

/// Russian nouns in -мя keep -мен- in every other case (время, времени);
/// their oblique stems, as Snowball leaves them, to the stem of the
/// dictionary form.
const RU_MYA: &[(&str, &str)] = &[
    ("бремен", "брем"),
    ("времен", "врем"),
    ("вымен", "вым"),
    ("знамен", "знам"),
    ("имен", "им"),
    ("пламен", "плам"),
    ("племен", "плем"),
    ("семен", "сем"),
    ("стремен", "стрем"),
    ("темен", "тем"),
];

/// A Russian stem as the dictionary form's: the -мен- of -мя nouns, the
/// fleeting е of nouns in -ец (отец, отца: both отц), and the verbs
/// Snowball leaves whole (see [`russian_verb`]).
pub fn russian_stem(word: &str, stem: String) -> String {
    // A reflexive verb is a word of its own (говориться is not говорить):
    // its stem keeps the -ся Snowball takes off.
    let reflexive = (word.ends_with("ся") || word.ends_with("сь"))
        && !(stem.ends_with("ся") || stem.ends_with("сь"))
        && word.chars().count() > 4;
    let stem = russian_stem_of(word, stem);
    if reflexive {
        format!("{stem}ся")
    } else {
        stem
    }
}

fn russian_stem_of(word: &str, stem: String) -> String {
    if let Some(verb) = russian_verb(word, &stem) {
        return verb;
    }
    if let Ok(i) = RU_MYA.binary_search_by(|(oblique, _)| (*oblique).cmp(stem.as_str())) {
        return RU_MYA[i].1.to_string();
    }
    match stem.strip_suffix("ец") {
        Some(base) if base.chars().count() >= 2 => format!("{base}ц"),
        _ => stem,
    }
}

/// Verb endings after а or я that Snowball's Russian stemmer removes only
/// when that vowel is not the word's first (its RV region): so знаю →
/// зна, but знать → знат and знает stay whole. The masculine past (знал)
/// and the imperative (знай) are left as they are: крал would meet край.
const AFTER_A: &[&str] = &[
    "ть", "ться", "ет", "ется", "ют", "ются", "ешь", "ем", "ете", "ла", "ло", "ли", "лся", "лась",
    "лось", "лись",
];

/// The stem of a verb Snowball did not reach: a short verb whose first
/// vowel is the а or я before its ending (знать, знает, знал → зна), and
/// infinitives in -еть, which Snowball does not know (видеть → вид, as
/// видит). None when the word is not one, or the stem would be under three
/// letters (дать → да would meet "да", yes).
fn russian_verb(word: &str, stem: &str) -> Option<String> {
    let first_vowel = word.find(|c: char| "аеиоуыэюяё".contains(c))?;
    let (head, tail) = word.split_at(first_vowel);
    let mut rest = tail.chars();
    let vowel = rest.next()?;
    let rest = rest.as_str();
    let verb = if matches!(vowel, 'а' | 'я') && AFTER_A.contains(&rest) {
        Some(format!("{head}{vowel}"))
    } else {
        word.strip_suffix("еть").map(str::to_string)
    }?;
    // Only where Snowball kept the ending (a noun it stems is its own).
    // -еть verbs only to stems of four letters: вид (видеть) would meet
    // the noun вид, view.
    let shortest = if word.ends_with("еть") { 4 } else { 3 };
    (verb.chars().count() >= shortest && stem.chars().count() > verb.chars().count())
        .then_some(verb)
}

#[cfg(test)]
mod verbs {
    use super::*;

    #[test]
    fn short_verbs_meet_their_forms() {
        let stem = |w: &str| {
            let snowball = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian);
            russian_stem(w, snowball.stem(w).into_owned())
        };
        for (a, b) in [
            ("знать", "знает"),
            ("знать", "знала"),
            ("знать", "знаю"),
            ("смотреть", "смотрит"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        // A stem under three letters stays apart from the words it would meet.
        assert_ne!(stem("дать"), stem("да"));
        assert_ne!(stem("сеть"), stem("с"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        for table in [EN, RU, RU_MYA] {
            assert!(
                table.windows(2).all(|w| w[0].0 < w[1].0),
                "{:?}",
                table.windows(2).find(|w| w[0].0 >= w[1].0)
            );
        }
    }
}
