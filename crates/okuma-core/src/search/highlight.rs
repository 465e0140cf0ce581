//! Marking what matched: highlighted words in titles, a snippet from the
//! body around the densest matches, and "find in this entry" over
//! paragraphs that were never indexed.

use crate::search::analysis::{Analyser, Token};
use crate::search::query::one_edit;
use crate::search::turkish::Inflections;
use std::collections::BTreeSet;

/// A piece of text, highlighted or not.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// Which words of a text count as matches.
pub trait WordTest {
    fn hit(&self, token: &Token) -> bool;
}

/// Words whose index term is one the search matched.
impl WordTest for BTreeSet<String> {
    fn hit(&self, token: &Token) -> bool {
        token.index_terms().any(|t| self.contains(t))
    }
}

/// The text cut into highlighted and plain segments.
pub fn highlight(analyser: &Analyser, test: &impl WordTest, text: &str) -> Vec<Segment> {
    let tokens = analyser.tokens(text);
    segments(text, &tokens, test, 0, text.len())
}

/// About `words` words of `text` around the most matches, with "…" where
/// it was cut; the start of the text when nothing matches.
pub fn snippet(
    analyser: &Analyser,
    test: &impl WordTest,
    text: &str,
    words: usize,
) -> Vec<Segment> {
    let tokens = analyser.tokens(text);
    if tokens.is_empty() {
        return Vec::new();
    }
    let hits: Vec<bool> = tokens.iter().map(|t| test.hit(t)).collect();
    let width = words.max(1).min(tokens.len());
    let mut count: usize = hits[..width].iter().filter(|&&h| h).count();
    let (mut best, mut best_start) = (count, 0);
    for start in 1..=tokens.len() - width {
        count = count + hits[start + width - 1] as usize - hits[start - 1] as usize;
        if count > best {
            (best, best_start) = (count, start);
        }
    }
    // Start a little before the first match so it has some context.
    if best > 0 {
        let first = (best_start..best_start + width)
            .find(|&i| hits[i])
            .unwrap_or(best_start);
        best_start = first.saturating_sub(width / 4).min(tokens.len() - width);
    }
    let from = if best_start == 0 {
        0
    } else {
        tokens[best_start].start
    };
    let last = best_start + width - 1;
    let to = if last + 1 == tokens.len() {
        text.len()
    } else {
        tokens[last].end
    };
    let mut out = Vec::new();
    if from > 0 {
        out.push(Segment {
            text: "…".into(),
            hit: false,
        });
    }
    out.extend(segments(text, &tokens[best_start..=last], test, from, to));
    if to < text.len() {
        out.push(Segment {
            text: "…".into(),
            hit: false,
        });
    }
    out
}

fn segments(
    text: &str,
    tokens: &[Token],
    test: &impl WordTest,
    from: usize,
    to: usize,
) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |piece: &str, hit: bool| {
        if piece.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.hit == hit && !hit => last.text.push_str(piece),
            _ => out.push(Segment {
                text: piece.to_string(),
                hit,
            }),
        }
    };
    let mut at = from;
    for token in tokens {
        if token.start < at || token.end > to {
            continue;
        }
        if test.hit(token) {
            push(&text[at..token.start], false);
            push(&text[token.start..token.end], true);
            at = token.end;
        }
    }
    push(&text[at..to], false);
    out
}

/// A query matched against words directly, for text without an index:
/// same term, a prefix of a word, a word the query extends, or one typo.
#[derive(Debug, Clone)]
pub struct WordQuery {
    /// Each word, with its inflections where the language has a suffix
    /// grammar (Turkish).
    words: Vec<(Token, Option<Inflections>)>,
}

impl WordQuery {
    pub fn new(analyser: &Analyser, query: &str) -> WordQuery {
        let mut words = analyser.tokens(query);
        words.truncate(crate::search::query::MAX_QUERY_WORDS);
        let words = words
            .into_iter()
            .map(|word| {
                let inflections = analyser.inflections(&word);
                (word, inflections)
            })
            .collect();
        WordQuery { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    fn word_matches((query, inflections): &(Token, Option<Inflections>), token: &Token) -> bool {
        let q = query.folded.as_str();
        if let Some(inflections) = inflections {
            // Turkish: the word in its own letters and its inflections.
            return inflections.matches(&token.term)
                || (query.term.chars().count() >= 4
                    && token.term.starts_with(query.term.as_str()));
        }
        token
            .index_terms()
            .any(|t| t == query.term || t == query.folded)
            || token.folded.starts_with(q)
            || (token.term.chars().count() >= 4 && q.starts_with(token.term.as_str()))
            || (q.chars().count() >= 5 && one_edit(&token.term, &query.term))
    }

    /// Turkish typed without Turkish letters: the same word, matched on
    /// the text's folded words (the index spells it instead).
    fn word_matches_folded((query, _): &(Token, Option<Inflections>), token: &Token) -> bool {
        Inflections::folded(&query.folded).matches(&token.folded)
            || (query.folded.chars().count() >= 4
                && token.folded.starts_with(query.folded.as_str()))
    }

    /// True when every query word matches some word of `text`.
    pub fn matches_all(&self, analyser: &Analyser, text: &str) -> bool {
        if self.words.is_empty() {
            return false;
        }
        let tokens = analyser.tokens(text);
        self.words.iter().all(|q| {
            tokens.iter().any(|t| WordQuery::word_matches(q, t))
                || (q.1.is_some() && tokens.iter().any(|t| WordQuery::word_matches_folded(q, t)))
        })
    }
}

impl WordTest for WordQuery {
    fn hit(&self, token: &Token) -> bool {
        self.words.iter().any(|q| {
            WordQuery::word_matches(q, token)
                || (q.1.is_some()
                    && q.0.term == q.0.folded
                    && WordQuery::word_matches_folded(q, token))
        })
    }
}

/// "Find in this entry": the ids of the blocks whose text matches every
/// word of `query`.
pub fn find_in_blocks(blocks: &[crate::Block], lang: &str, query: &str) -> Vec<String> {
    let analyser = Analyser::shared(lang);
    let words = WordQuery::new(&analyser, query);
    blocks
        .iter()
        .filter(|b| words.matches_all(&analyser, &b.content.plain_text()))
        .map(|b| b.id.clone())
        .collect()
}

/// The ids of the blocks that mention `entity`.
pub fn blocks_mentioning(blocks: &[crate::Block], entity: &str) -> Vec<String> {
    blocks
        .iter()
        .filter(|b| b.content.mentions().iter().any(|e| e == entity))
        .map(|b| b.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| {
                if s.hit {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn highlighting_marks_every_form_of_a_matched_term() {
        let tr = Analyser::new("tr");
        let terms: BTreeSet<String> = [tr.term("Özbekistan").unwrap()].into();
        assert_eq!(
            marked(&highlight(
                &tr,
                &terms,
                "ÖZBEKİSTAN ve Özbekistan'ın <b>dostu</b>"
            )),
            "[ÖZBEKİSTAN] ve [Özbekistan]'ın <b>dostu</b>"
        );
    }

    #[test]
    fn a_snippet_is_cut_around_the_matches() {
        let en = Analyser::new("en");
        let text = "one two three four five six seven eight nine ten eleven twelve partnership thirteen fourteen fifteen sixteen seventeen eighteen";
        let terms: BTreeSet<String> = [en.term("partnership").unwrap()].into();
        let s = marked(&snippet(&en, &terms, text, 6));
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("[partnership]"), "{s}");
        // Nothing matched: the start of the text.
        let empty = BTreeSet::new();
        assert_eq!(marked(&snippet(&en, &empty, text, 3)), "one two three…");
        assert!(snippet(&en, &empty, "", 3).is_empty());
    }

    #[test]
    fn find_in_entry_matches_prefixes_stems_and_typos() {
        let ru = Analyser::new("ru");
        let q = WordQuery::new(&ru, "казахстан");
        assert!(q.matches_all(&ru, "Отношения Узбекистана и Казахстана."));
        assert!(!q.matches_all(&ru, "Отношения Узбекистана."));
        let en = Analyser::new("en");
        assert!(WordQuery::new(&en, "partn").matches_all(&en, "A strong partnership"));
        assert!(WordQuery::new(&en, "partnrship").matches_all(&en, "A strong partnership"));
        assert!(WordQuery::new(&en, "strong partner").matches_all(&en, "A strong partnership"));
        assert!(!WordQuery::new(&en, "weak partner").matches_all(&en, "A strong partnership"));
        assert!(!WordQuery::new(&en, "   ").matches_all(&en, "anything"));
        assert_eq!(
            marked(&highlight(
                &en,
                &WordQuery::new(&en, "partn"),
                "strong partnerships"
            )),
            "strong [partnerships]"
        );
    }
}
