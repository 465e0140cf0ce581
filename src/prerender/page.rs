//! Trunk's page with a drawn page poured in: its `<html>` attributes, its
//! head tags (marked for the app to replace) and its body.

use super::{DrawnPage, RenderError};

/// What only works with the app: hidden when JavaScript is off, so a
/// reader is not offered controls that do nothing. (Without JavaScript
/// only; with it they are there from the first paint, so the takeover
/// moves nothing.)
const WITHOUT_SCRIPT: &str = "<noscript><style>.theme-toggle,.reading-progress,.find-in-entry,\
.parallel-control,.search-option,.facet-panel{display:none}</style></noscript>";

/// Trunk's page with a slot for each part of a drawn page.
pub struct Template {
    before_html: String,
    head: String,
    body_start: String,
    after_body: String,
}

impl Template {
    /// Reads Trunk's `index.html`: its `<html>` attributes, `<title>` and
    /// `<noscript>` line are replaced per page; everything else (styles,
    /// the wasm loader with its hashed, base-relative URLs) is kept.
    pub fn parse(page: &str, path: &str) -> Result<Template, RenderError> {
        let bad = || RenderError::Template {
            path: path.to_string(),
        };
        let html_at = page.find("<html").ok_or_else(bad)?;
        let html_end = html_at + page[html_at..].find('>').ok_or_else(bad)? + 1;
        let head_end = page.find("</head>").ok_or_else(bad)?;
        let body_at = page.find("<body").ok_or_else(bad)?;
        let body_end = body_at + page[body_at..].find('>').ok_or_else(bad)? + 1;
        let close_body = page.rfind("</body>").ok_or_else(bad)?;
        if !(html_end <= head_end && head_end < body_at && body_end <= close_body) {
            return Err(bad());
        }
        let mut head = page[html_end..head_end].to_string();
        if let (Some(a), Some(b)) = (head.find("<title>"), head.find("</title>")) {
            head.replace_range(a..b + "</title>".len(), "");
        }
        Ok(Template {
            before_html: page[..html_at].to_string(),
            head,
            body_start: page[body_at..body_end].to_string(),
            after_body: page[close_body..].to_string(),
        })
    }

    /// The whole page: Trunk's head, then the drawn page's head tags
    /// (marked, so the app replaces them with its own), then its body.
    pub fn fill(&self, page: &DrawnPage, fallback_lang: &str) -> String {
        let mut attributes = page.html_attributes.clone();
        if !attributes.contains(" lang=") {
            attributes.push_str(&format!(" lang=\"{fallback_lang}\" dir=\"ltr\""));
        }
        format!(
            "{}<html{attributes}>{}{}{WITHOUT_SCRIPT}</head>\n{}<div id=\"{}\" class=\"okuma-root\">{}</div>\n{}",
            self.before_html,
            self.head,
            mark_head(&page.head),
            self.body_start,
            crate::shell::takeover::PRERENDERED_ID,
            page.body,
            self.after_body
        )
    }
}

/// Marks every tag the views put in `<head>` as pre-rendered.
fn mark_head(head: &str) -> String {
    let mark = crate::shell::takeover::PRERENDERED_HEAD;
    let mut out = String::with_capacity(head.len() + 256);
    let mut rest = head;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let name_len = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - 1);
        let name = &rest[1..1 + name_len];
        if matches!(name, "meta" | "link" | "script") {
            out.push('<');
            out.push_str(name);
            out.push(' ');
            out.push_str(mark);
            rest = &rest[1 + name_len..];
        } else {
            out.push('<');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<!DOCTYPE html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="utf-8">
    <title>okuma</title>
    <link rel="stylesheet" href="/okuma/okuma-1.css">
    <script type="module">import init from '/okuma/okuma-app-1.js';</script>
  </head>
  <body>
    <noscript>okuma needs JavaScript and WebAssembly to show its articles.</noscript>
  </body>
</html>
"#;

    fn drawn() -> DrawnPage {
        DrawnPage {
            html_attributes: r#" lang="tr" dir="ltr""#.into(),
            head: r#"<meta name="description" content="x"><link rel="canonical" href="https://e.org/tr/"><script type="application/ld+json">{}</script><title>Başlık</title>"#.into(),
            body: "<main><p>Metin</p></main>".into(),
        }
    }

    #[test]
    fn a_page_keeps_trunks_head_and_gets_its_own_lang_title_and_body() {
        let template = Template::parse(TRUNK, "index.html").unwrap();
        let page = template.fill(&drawn(), "en");
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"tr\" dir=\"ltr\">"));
        assert!(page.contains(r#"<link rel="stylesheet" href="/okuma/okuma-1.css">"#));
        assert!(page.contains("import init from '/okuma/okuma-app-1.js'"));
        // Trunk's title and noscript line give way to the page's.
        assert_eq!(page.matches("<title>").count(), 1);
        assert!(page.contains("<title>Başlık</title>"));
        assert!(!page.contains("needs JavaScript"));
        assert!(page.contains(
            r#"<div id="okuma-prerendered" class="okuma-root"><main><p>Metin</p></main></div>"#
        ));
        assert!(page.trim_end().ends_with("</body>\n</html>"));
    }

    #[test]
    fn the_views_head_tags_are_marked_for_the_app_to_replace() {
        let marked = mark_head(&drawn().head);
        assert!(marked.contains(r#"<meta data-prerendered name="description""#));
        assert!(marked.contains(r#"<link data-prerendered rel="canonical""#));
        assert!(
            marked.contains(r#"<script data-prerendered type="application/ld+json">{}</script>"#)
        );
        // The title is the document's, which the app updates in place.
        assert!(marked.contains("<title>Başlık</title>"));
    }

    #[test]
    fn a_page_without_lang_gets_the_language_it_is_written_for() {
        let template = Template::parse(TRUNK, "index.html").unwrap();
        let mut page = drawn();
        page.html_attributes.clear();
        assert!(template
            .fill(&page, "ru")
            .contains(r#"<html lang="ru" dir="ltr">"#));
    }

    #[test]
    fn something_that_is_not_trunks_page_is_refused() {
        assert!(matches!(
            Template::parse("<p>hello</p>", "index.html"),
            Err(RenderError::Template { .. })
        ));
        assert!(Template::parse("<html><body></body><head></head></html>", "x").is_err());
    }
}
