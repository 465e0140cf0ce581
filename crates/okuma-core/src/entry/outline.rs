//! What an entry's page shows in a reading language, decided from data
//! alone: which translation (the reading language or the best fallback),
//! the parallel language, reading time, headings for the contents list,
//! the byline and translator in the reading language, and which other
//! languages to offer. The app renders it; nothing here needs a DOM.

use super::{BlockContent, Entry, Provenance, Translation};
use crate::language::{Language, LanguageCode};
use crate::language_chain::LanguageChain;
use crate::language_profile::reading_minutes;
use crate::localised::name_or_id;
use crate::site::Site;

/// A name in the reading language, with its own `lang` when it is not.
pub type Named = (String, Option<String>);

/// An entry as its page shows it in one reading language.
#[derive(Debug, Clone)]
pub struct EntryOutline<'a> {
    pub entry: &'a Entry,
    /// The reading language (the page's).
    pub reading: LanguageCode,
    /// The language of the text shown: the reading language when the
    /// entry has it, else the first of the fallback chain that it has.
    pub shown: LanguageCode,
    pub translation: &'a Translation,
    /// The language shown beside it (`?with=`), when it is another one the entry has.
    pub with: Option<LanguageCode>,
    /// Whole minutes to read the shown text, at least one.
    pub minutes: u32,
    /// `(block id, text)` of each heading, for the contents list.
    pub headings: Vec<(String, String)>,
    /// The authors' names in the reading language.
    pub authors: Vec<Named>,
    /// Who translated the shown text, in the reading language; `None` for an original.
    pub translator: Option<Named>,
    /// The site's languages the entry has, other than the one shown, in
    /// the switcher's order ("also available in", the parallel choices).
    pub others: Vec<&'a Language>,
}

impl<'a> EntryOutline<'a> {
    /// The outline of `entry` read in `reading`, with the browser's
    /// languages for the fallback chain. `None` when the site does not
    /// offer `reading` or the entry has no text at all.
    ///
    /// ```
    /// # use okuma_core::{Entry, Site};
    /// # use okuma_core::entry::EntryOutline;
    /// # let site = Site::from_json(r#"{"format":1,"default_language":"en",
    /// #   "languages":[{"code":"en","name":"English"},{"code":"tr","name":"Türkçe"}],
    /// #   "title":{"en":"okuma"},"catalog":{"entries":1,"page_size":50,"pages":1}}"#).unwrap();
    /// # let entry = Entry::from_json(r#"{"format":1,"slug":"a","kind":"analysis","original_language":"en",
    /// #   "translations":{"en":{"title":"A","provenance":{"type":"original"},
    /// #   "body":[{"id":"p1","type":"paragraph","content":["Some words."]}]}}}"#, &site).unwrap();
    /// let outline = EntryOutline::new(&site, &entry, "tr", &[], None).unwrap();
    /// assert_eq!(outline.shown.as_str(), "en"); // Turkish is missing: the original is shown
    /// assert_eq!(outline.minutes, 1);
    /// ```
    pub fn new(
        site: &'a Site,
        entry: &'a Entry,
        reading: &str,
        browser: &[String],
        with: Option<&str>,
    ) -> Option<EntryOutline<'a>> {
        let reading = site.language(reading)?.code.clone();
        let offered: Vec<LanguageCode> = site.languages.iter().map(|l| l.code.clone()).collect();
        let chain = LanguageChain::new(&reading, browser, &offered, &entry.original_language);
        let shown = chain.pick(|c| entry.translations.contains_key(c))?.clone();
        let translation = entry.translations.get(&shown)?;
        let with = with
            .and_then(|w| LanguageCode::parse(w).ok())
            .filter(|w| w != &shown && entry.translations.contains_key(w));
        let words: usize = translation
            .body
            .iter()
            .map(|b| b.content.plain_text().split_whitespace().count())
            .sum();
        let headings = translation
            .body
            .iter()
            .filter(|b| matches!(b.content, BlockContent::Heading { .. }))
            .map(|b| (b.id.clone(), b.content.plain_text()))
            .collect();
        let authors = entry
            .authors
            .iter()
            .map(|p| name_or_id(&p.name, &reading, &p.id))
            .collect();
        let translator = match &translation.provenance {
            Provenance::Translation { by, .. } => Some(name_or_id(&by.name, &reading, &by.id)),
            Provenance::Original => None,
        };
        let others = site
            .languages
            .iter()
            .filter(|l| l.code != shown && entry.translations.contains_key(&l.code))
            .collect();
        Some(EntryOutline {
            minutes: reading_minutes(words, shown.as_str()),
            entry,
            shown,
            translation,
            with,
            headings,
            authors,
            translator,
            others,
            reading,
        })
    }

    /// Whether the reading language lacks the entry (a fallback is shown).
    pub fn is_fallback(&self) -> bool {
        self.shown != self.reading
    }

    /// The language the shown text was translated from, if it is a translation.
    pub fn translated_from(&self) -> Option<&LanguageCode> {
        match &self.translation.provenance {
            Provenance::Translation { from, .. } => Some(from),
            Provenance::Original => None,
        }
    }

    /// The shown text beside the parallel one, when there is one.
    pub fn parallel(&self) -> Option<(&LanguageCode, &'a Translation)> {
        let with = self.with.as_ref()?;
        Some((with, self.entry.translations.get(with)?))
    }

    /// Whether the entry exists in `code` (a switcher link, or "unavailable").
    pub fn has(&self, code: &LanguageCode) -> bool {
        self.entry.translations.contains_key(code)
    }

    /// The authors' names joined for the byline ("A, B").
    pub fn author_names(&self) -> String {
        self.authors
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}
