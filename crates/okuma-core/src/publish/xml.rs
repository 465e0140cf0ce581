//! Escaping dataset text for XML 1.0 (the feeds and the sitemap): the data
//! is the publisher's, but a stray `<`, `&` or control character in it must
//! not break a reader's parser or inject markup.

/// Whether XML 1.0 allows a character at all (its `Char` production); the
/// others cannot even be written as character references, so they are
/// dropped. Rust's `char` is never a surrogate.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text content: `&` and `<` escaped, `>` too (so `]]>` never appears),
/// characters XML forbids dropped. A carriage return is kept as a
/// reference, which parsers would otherwise turn into a line feed.
pub(crate) fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
    out
}

/// An attribute value between double quotes: as [`text`], with both
/// quotes escaped, and tabs and line breaks as references (a parser
/// replaces raw ones with spaces).
pub(crate) fn attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(
            text("<script>alert(\"x\")</script> & ]]>"),
            "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; ]]&gt;"
        );
        assert_eq!(attr("a\"b'c<d>&"), "a&quot;b&apos;c&lt;d&gt;&amp;");
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        assert_eq!(
            text("a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g\u{FFFE}h\u{FFFF}"),
            "abcdefgh"
        );
        assert_eq!(attr("a\u{0}b"), "ab");
        // Legal ones survive: non-Latin text, astral characters, line breaks.
        assert_eq!(text("Türkçe русский 𝄞\n"), "Türkçe русский 𝄞\n");
        assert_eq!(attr("a\tb\nc"), "a&#x9;b&#xA;c");
    }
}
