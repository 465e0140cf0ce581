//! What a block says: its runs of text, the notes it cites, the entities
//! it mentions and its plain text.

use super::{Block, BlockContent, Inline, Mark};

impl BlockContent {
    /// The block's inline runs, in reading order.
    pub fn runs(&self) -> Vec<&[Inline]> {
        match self {
            BlockContent::Paragraph { content }
            | BlockContent::Heading { content, .. }
            | BlockContent::Quote { content } => {
                vec![content.as_slice()]
            }
            BlockContent::List { items, .. } => items.iter().map(Vec::as_slice).collect(),
        }
    }

    /// The note numbers cited in this block, sorted.
    pub fn note_numbers(&self) -> Vec<u32> {
        let mut numbers = Vec::new();
        self.for_each_mark(&mut |mark| {
            if let Mark::Note { number } = mark {
                numbers.push(*number);
            }
        });
        numbers.sort_unstable();
        numbers
    }

    /// The entities this block mentions, in order of first mention.
    pub fn mentions(&self) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        self.for_each_mark(&mut |mark| {
            if let Mark::Mention { entity, .. } = mark {
                if !found.contains(entity) {
                    found.push(entity.clone());
                }
            }
        });
        found
    }

    pub(super) fn for_each_mark(&self, f: &mut impl FnMut(&Mark)) {
        fn walk(runs: &[Inline], f: &mut impl FnMut(&Mark)) {
            for inline in runs {
                if let Inline::Mark(mark) = inline {
                    f(mark);
                    match mark {
                        Mark::Emphasis { content }
                        | Mark::Link { content, .. }
                        | Mark::Mention { content, .. } => walk(content, f),
                        Mark::Note { .. } => {}
                    }
                }
            }
        }
        for run in self.runs() {
            walk(run, f);
        }
    }

    /// The block's text without marks, as a reader would read it aloud.
    pub fn plain_text(&self) -> String {
        fn walk(runs: &[Inline], out: &mut String) {
            for inline in runs {
                match inline {
                    Inline::Text(t) => out.push_str(t),
                    Inline::Mark(Mark::Note { .. }) => {}
                    Inline::Mark(
                        Mark::Emphasis { content }
                        | Mark::Link { content, .. }
                        | Mark::Mention { content, .. },
                    ) => walk(content, out),
                }
            }
        }
        let mut out = String::new();
        for (i, run) in self.runs().into_iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            walk(run, &mut out);
        }
        out
    }
}

/// The entities a text mentions, in order of first mention across its
/// blocks (the order a "paragraphs that mention" list offers them in).
pub fn mentions_in_order<'a>(blocks: impl IntoIterator<Item = &'a Block>) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for block in blocks {
        for entity in block.content.mentions() {
            if !found.contains(&entity) {
                found.push(entity);
            }
        }
    }
    found
}
