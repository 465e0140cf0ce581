//! English words to their search stem by inflection only: plurals, third
//! person -s, -ed and -ing, with the spelling changes they bring (studies
//! → study, stopped → stop, making → make). Snowball's English stemmer
//! also cuts derivations ("awful" → "aw", "openness" → "open", "likely"
//! → "like"), which joins words a reader keeps apart; forms no rule
//! reaches (made, took, children) come from [`crate::search::lemmas`].
//!
//! ```
//! use okuma_core::search::english::stem;
//! assert_eq!(stem("studies"), stem("study"));
//! assert_eq!(stem("stopped"), stem("stop"));
//! assert_eq!(stem("making"), stem("make"));
//! assert_eq!(stem("used"), stem("use"));
//! assert_eq!(stem("hoped"), stem("hope"));
//! assert_ne!(stem("note"), stem("not"));
//! assert_ne!(stem("awful"), stem("aw"));
//! assert_ne!(stem("news"), stem("new"));
//! ```

/// Words that end like an inflection but are not one.
const NOT_INFLECTED: &[&str] = &[
    "always",
    "analysis",
    "basis",
    "bias",
    "chaos",
    "crisis",
    "during",
    "economics",
    "ethics",
    "lens",
    "mathematics",
    "means",
    "news",
    "nothing",
    "perhaps",
    "physics",
    "politics",
    "series",
    "something",
    "species",
    "thus",
    "towards",
    "was",
    "whereas",
    "yes",
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The stem of a lower-case English word.
pub fn stem(word: &str) -> String {
    if !word.is_ascii() || word.len() < 3 || NOT_INFLECTED.contains(&word) {
        return word.to_string();
    }
    let has_vowel = |s: &str| s.bytes().any(is_vowel);
    for (suffix, y) in [("ies", "y"), ("ied", "y")] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.len() >= 2 {
                return format!("{base}{y}");
            }
        }
    }
    for sibilant in ["sses", "shes", "ches", "xes", "zes", "oes"] {
        if word.ends_with(sibilant) {
            return word[..word.len() - 2].to_string();
        }
    }
    if word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        return word[..word.len() - 1].to_string();
    }
    for (suffix, shortest) in [("ing", 3), ("ed", 2)] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.len() >= shortest && has_vowel(base) {
                return mend(base);
            }
        }
    }
    word.to_string()
}

/// The stem left by -ed or -ing as the word is spelled: stopp → stop (but
/// call, miss and buzz keep their double letter), mak → make, us → use
/// (a short syllable had its e cut off).
fn mend(base: &str) -> String {
    let b = base.as_bytes();
    let n = b.len();
    if n >= 4
        && b[n - 1] == b[n - 2]
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'l' | b's' | b'z')
    {
        return base[..n - 1].to_string();
    }
    // One vowel, then one consonant that is not w, x or y, at the end.
    let short = n >= 2
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !b[..n - 2].iter().any(|&c| is_vowel(c));
    if short {
        format!("{base}e")
    } else {
        base.to_string()
    }
}
