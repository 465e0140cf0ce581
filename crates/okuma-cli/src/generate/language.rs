//! `okuma gen --add-language de`: a fourth (fifth, …) language added to a
//! generated archive, the way a publisher adds one: the site offers it and
//! every entry gets a translation into it, aligned with its original. The
//! three standard languages come out exactly as without it.

use super::{capitalise, Alphabet, Words};
use okuma_core::{
    BlockContent, Dataset, Inline, Language, LanguageCode, PartialDate, Provenance, Translation,
};

/// Letters for an added language's made-up words: German's for `de`,
/// English's (with no special letters) for any other.
const GERMAN: Alphabet = Alphabet {
    onsets: &[
        "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "w", "z", "sch", "st",
        "pf", "kr", "gr",
    ],
    vowels: &["a", "e", "i", "o", "u", "ä", "ö", "ü", "ei", "au"],
    codas: &["", "", "n", "r", "s", "t", "ß", "ch", "ng", "nd"],
};

/// A language's name in itself, for the switcher, where it is known here.
fn native_name(code: &str) -> String {
    match code {
        "de" => "Deutsch".into(),
        "fr" => "Français".into(),
        "uz" => "Oʻzbekcha".into(),
        "kk" => "Қазақша".into(),
        other => other.to_string(),
    }
}

/// Adds `code` to the dataset: to the site's languages (after the others),
/// its title and kind names, and a translation of every entry.
pub fn add_language(dataset: &mut Dataset, code: &LanguageCode, seed: u64) {
    if dataset.site.language(code.as_str()).is_some() {
        return;
    }
    // Its own random stream, so the other languages' text does not change.
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed_1a9e);
    let alphabet = if code.as_str() == "de" {
        &GERMAN
    } else {
        &super::ALPHABETS[0]
    };
    let words = Words::of(&[alphabet], &mut rng);
    dataset.site.languages.push(Language {
        code: code.clone(),
        name: native_name(code.as_str()),
        dir: Default::default(),
    });
    dataset
        .site
        .title
        .insert(code.clone(), "okuma (synthetic)".into());
    if code.as_str() == "de" {
        for (kind, name) in [
            ("analysis", "Analyse"),
            ("explainer", "Erläuterung"),
            ("news", "Nachricht"),
        ] {
            if let Some(names) = dataset.site.kinds.get_mut(kind) {
                names.insert(code.clone(), name.into());
            }
        }
    }
    for entry in &mut dataset.entries {
        let Some(original) = entry.original().cloned() else {
            continue;
        };
        let by = entry
            .translations
            .values()
            .find_map(|t| match &t.provenance {
                Provenance::Translation { by, .. } => Some(by.clone()),
                Provenance::Original => None,
            });
        let Some(by) = by else {
            continue;
        };
        let mut body = original.body.clone();
        for block in &mut body {
            if let BlockContent::Paragraph { content } = &mut block.content {
                for run in content.iter_mut() {
                    if let Inline::Text(text) = run {
                        let count = text.split_whitespace().count();
                        if count > 0 {
                            *run = Inline::Text(words.sentence(0, count, &mut rng) + " ");
                        }
                    }
                }
            }
        }
        let title = words.title(0, &mut rng);
        let summary = words.sentence(0, 20, &mut rng);
        entry.translations.insert(
            code.clone(),
            Translation {
                title: capitalise(&title, 0),
                summary,
                provenance: Provenance::Translation {
                    from: entry.original_language.clone(),
                    by,
                    date: Some(PartialDate {
                        year: 2026,
                        month: Some(11),
                        day: None,
                    }),
                },
                body,
            },
        );
    }
}
