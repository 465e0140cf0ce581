//! Entry bodies in Markdown become dataset blocks.
//!
//! Supported: paragraphs, headings (levels 2–4), quotations, lists,
//! emphasis, links, `[^N]` references to numbered sources and
//! `[text](@entity)` mentions. Anything else (HTML, images, code blocks,
//! tables) is reported, never passed through: data text is shown as text.

use okuma_core::{Block, BlockContent, Inline, Mark};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A problem in a Markdown body, at a line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyProblem {
    pub line: usize,
    pub message: String,
}

/// A parsed body: blocks, the file line each block starts on, and problems.
#[derive(Debug, Default)]
pub struct Body {
    pub blocks: Vec<Block>,
    pub lines: Vec<usize>,
    pub problems: Vec<BodyProblem>,
}

/// Parses `text`, whose first line is line `first_line` of its file.
pub fn parse_body(text: &str, first_line: usize) -> Body {
    let line_of = |offset: usize| first_line + text[..offset.min(text.len())].matches('\n').count();
    let mut body = Body::default();
    let mut counters = Counters::default();
    // Inline runs being built, innermost last; each with the mark it will become.
    let mut stack: Vec<(Frame, Vec<Inline>)> = Vec::new();
    let mut list: Option<(bool, Vec<Vec<Inline>>, usize)> = None;
    let mut quote: Option<(Vec<Inline>, usize)> = None;
    let mut skip_depth = 0usize;

    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        let line = line_of(range.start);
        if skip_depth > 0 {
            match event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Paragraph) | Event::Start(Tag::Item) if stack.is_empty() => {
                stack.push((Frame::Block(line), Vec::new()));
            }
            Event::Start(Tag::Paragraph) => {} // a loose list item's paragraph
            Event::Start(Tag::Heading { level, .. }) => {
                stack.push((Frame::Heading(level as u8, line), Vec::new()));
            }
            Event::Start(Tag::BlockQuote(_)) => quote = Some((Vec::new(), line)),
            Event::Start(Tag::List(start)) => {
                if list.is_some() {
                    body.problems
                        .push(problem(line, "nested lists are not supported"));
                    skip_depth = 1;
                } else {
                    list = Some((start.is_some(), Vec::new(), line));
                }
            }
            Event::Start(Tag::Emphasis) | Event::Start(Tag::Strong) => {
                stack.push((Frame::Emphasis, Vec::new()));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                stack.push((Frame::Link(dest_url.to_string()), Vec::new()));
            }
            Event::Start(other) => {
                body.problems.push(problem(
                    line,
                    &format!("{} is not supported in entry text", describe(&other)),
                ));
                skip_depth = 1;
            }
            Event::End(TagEnd::Paragraph) if stack.len() == 1 && list.is_some() => {} // loose item
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Item) => {
                let Some((Frame::Block(start), runs)) = stack.pop() else {
                    continue;
                };
                if let Some(Inline::Text(first)) = runs.first() {
                    let definition = first
                        .strip_prefix("[^")
                        .and_then(|rest| rest.split_once("]:"))
                        .is_some_and(|(label, _)| !label.contains(' '));
                    if definition {
                        body.problems.push(problem(start, "a footnote definition is not supported: list sources in the front matter's [[sources]]"));
                    }
                }
                let runs = finish_runs(runs, start, &mut body.problems);
                if let Some((_, items, _)) = list.as_mut() {
                    items.push(runs);
                } else if let Some((content, _)) = quote.as_mut() {
                    if !content.is_empty() {
                        content.push(Inline::Text(" ".into()));
                    }
                    content.extend(runs);
                } else {
                    body.push(
                        counters.next("p"),
                        BlockContent::Paragraph { content: runs },
                        start,
                    );
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((Frame::Heading(level, start), runs)) = stack.pop() else {
                    continue;
                };
                if !(2..=4).contains(&level) {
                    body.problems.push(problem(start, &format!("heading level {level}: use ## to #### (the title is the entry's level 1)")));
                }
                let content = finish_runs(runs, start, &mut body.problems);
                body.push(
                    counters.next("h"),
                    BlockContent::Heading { level, content },
                    start,
                );
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                if let Some((content, start)) = quote.take() {
                    body.push(counters.next("q"), BlockContent::Quote { content }, start);
                }
            }
            Event::End(TagEnd::List(_)) => {
                if let Some((ordered, items, start)) = list.take() {
                    body.push(
                        counters.next("l"),
                        BlockContent::List { ordered, items },
                        start,
                    );
                }
            }
            Event::End(TagEnd::Emphasis)
            | Event::End(TagEnd::Strong)
            | Event::End(TagEnd::Link) => {
                let Some((frame, runs)) = stack.pop() else {
                    continue;
                };
                let mark = match frame {
                    Frame::Link(dest) => match dest.strip_prefix('@') {
                        Some(entity) => Mark::Mention {
                            entity: entity.to_string(),
                            content: runs,
                        },
                        None => Mark::Link {
                            href: dest,
                            content: runs,
                        },
                    },
                    _ => Mark::Emphasis { content: runs },
                };
                if let Some((_, parent)) = stack.last_mut() {
                    parent.push(Inline::Mark(mark));
                }
            }
            Event::End(_) => {}
            Event::Text(text) | Event::Code(text) => push_text(&mut stack, &text),
            Event::SoftBreak | Event::HardBreak => push_text(&mut stack, " "),
            Event::Html(html) | Event::InlineHtml(html) => {
                body.problems.push(problem(
                    line,
                    &format!("HTML is not allowed in entry text: {}", html.trim()),
                ));
            }
            other => {
                body.problems.push(problem(
                    line,
                    &format!("{other:?} is not supported in entry text"),
                ));
            }
        }
    }
    body
}

#[derive(Debug)]
enum Frame {
    Block(usize),
    Heading(u8, usize),
    Emphasis,
    Link(String),
}

#[derive(Default)]
struct Counters(std::collections::BTreeMap<&'static str, usize>);

impl Counters {
    fn next(&mut self, prefix: &'static str) -> String {
        let n = self.0.entry(prefix).or_default();
        *n += 1;
        format!("{prefix}{n}")
    }
}

impl Body {
    fn push(&mut self, id: String, content: BlockContent, line: usize) {
        self.blocks.push(Block { id, content });
        self.lines.push(line);
    }
}

fn problem(line: usize, message: &str) -> BodyProblem {
    BodyProblem {
        line,
        message: message.to_string(),
    }
}

fn describe(tag: &Tag) -> &'static str {
    match tag {
        Tag::CodeBlock(_) => "a code block",
        Tag::Image { .. } => "an image",
        Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => "a table",
        Tag::HtmlBlock => "HTML (data text is shown as text, never as HTML)",
        Tag::FootnoteDefinition(_) => "a footnote definition (list sources in the front matter)",
        _ => "this Markdown construct",
    }
}

fn push_text(stack: &mut [(Frame, Vec<Inline>)], text: &str) {
    if let Some((_, runs)) = stack.last_mut() {
        match runs.last_mut() {
            Some(Inline::Text(last)) => last.push_str(text),
            _ => runs.push(Inline::Text(text.to_string())),
        }
    }
}

/// Splits `[^N]` note references out of text runs (pulldown-cmark leaves
/// undefined footnote labels as text, which is what we want to parse).
fn finish_runs(runs: Vec<Inline>, line: usize, problems: &mut Vec<BodyProblem>) -> Vec<Inline> {
    let mut out = Vec::new();
    for run in runs {
        match run {
            Inline::Text(text) => split_notes(&text, line, problems, &mut out),
            Inline::Mark(mark) => out.push(Inline::Mark(finish_mark(mark, line, problems))),
        }
    }
    out
}

fn finish_mark(mark: Mark, line: usize, problems: &mut Vec<BodyProblem>) -> Mark {
    match mark {
        Mark::Emphasis { content } => Mark::Emphasis {
            content: finish_runs(content, line, problems),
        },
        Mark::Link { href, content } => Mark::Link {
            href,
            content: finish_runs(content, line, problems),
        },
        Mark::Mention { entity, content } => Mark::Mention {
            entity,
            content: finish_runs(content, line, problems),
        },
        note => note,
    }
}

fn split_notes(text: &str, line: usize, problems: &mut Vec<BodyProblem>, out: &mut Vec<Inline>) {
    let mut rest = text;
    while let Some(start) = rest.find("[^") {
        let after = &rest[start + 2..];
        let Some(end) = after.find(']') else { break };
        let label = &after[..end];
        match label.parse::<u32>() {
            Ok(number) => {
                if start > 0 {
                    out.push(Inline::Text(rest[..start].to_string()));
                }
                out.push(Inline::Mark(Mark::Note { number }));
            }
            Err(_) => {
                problems.push(problem(
                    line,
                    &format!("[^{label}]: a note reference is a source number, like [^1]"),
                ));
                out.push(Inline::Text(rest[..start + 2 + end + 1].to_string()));
            }
        }
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        match out.last_mut() {
            Some(Inline::Text(last)) => last.push_str(rest),
            _ => out.push(Inline::Text(rest.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    #[test]
    fn paragraphs_get_ids_in_order_and_notes_split_out() {
        let body = parse_body(
            "First with the spirit of alliance.[^1] In this.\n\nSecond.\n",
            10,
        );
        assert!(body.problems.is_empty(), "{:?}", body.problems);
        assert_eq!(body.lines, vec![10, 12]);
        assert_eq!(body.blocks[0].id, "p1");
        assert_eq!(
            body.blocks[0].content,
            BlockContent::Paragraph {
                content: vec![
                    text("First with the spirit of alliance."),
                    Inline::Mark(Mark::Note { number: 1 }),
                    text(" In this."),
                ]
            }
        );
        assert_eq!(body.blocks[1].id, "p2");
    }

    #[test]
    fn mentions_links_emphasis_headings_lists_and_quotes() {
        let md = "## Timeline\n\n- 1998: [treaty](@kz-uz)\n- 2013: *revised*\n\n> Quoted [site](https://example.org).\n\nEnd.";
        let body = parse_body(md, 1);
        assert!(body.problems.is_empty(), "{:?}", body.problems);
        let ids: Vec<_> = body.blocks.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["h1", "l1", "q1", "p1"]);
        let BlockContent::List { ordered, items } = &body.blocks[1].content else {
            panic!()
        };
        assert!(!ordered);
        assert_eq!(
            items[0],
            vec![
                text("1998: "),
                Inline::Mark(Mark::Mention {
                    entity: "kz-uz".into(),
                    content: vec![text("treaty")]
                })
            ]
        );
        assert_eq!(body.blocks[2].content.plain_text(), "Quoted site.");
    }

    #[test]
    fn html_images_and_code_are_reported_with_their_line() {
        let body = parse_body(
            "Fine.\n\n<script>x</script>\n\n![img](a.png)\n\n```\ncode\n```\n",
            5,
        );
        let lines: Vec<_> = body.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![7, 9, 11], "{:?}", body.problems);
        assert!(
            body.problems[0].message.contains("HTML"),
            "{}",
            body.problems[0].message
        );
        assert!(body.problems[1].message.contains("an image"));
        assert!(body.problems[2].message.contains("a code block"));
    }

    #[test]
    fn a_non_numeric_note_label_is_reported() {
        let body = parse_body("See [^a].", 3);
        assert_eq!(body.problems.len(), 1);
        assert_eq!(body.problems[0].line, 3);
    }
}
