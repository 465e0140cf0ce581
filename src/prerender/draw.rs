//! One address drawn by the app's own views on the host: `App` under an
//! SSR owner, its Suspense resolved on a one-thread executor, and the head
//! tags `leptos_meta` collected.

use crate::app::App;
use futures::StreamExt;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use std::sync::Arc;

/// One page as the app's views draw it, in three parts: the `<html>`
/// attributes, what goes in `<head>`, and the body.
#[derive(Debug, Clone)]
pub struct DrawnPage {
    pub html_attributes: String,
    pub head: String,
    pub body: String,
}

/// The pre-render's executor: one thread, one queue. Views hold values
/// that must stay on the thread that made them (the browser's are
/// single-threaded too), so every task Leptos spawns, `Send` or not, runs
/// here, driven by [`draw`].
struct OneThread;

thread_local! {
    static POOL: std::cell::RefCell<futures::executor::LocalPool> =
        std::cell::RefCell::new(futures::executor::LocalPool::new());
    static SPAWNER: futures::executor::LocalSpawner = POOL.with_borrow(|p| p.spawner());
}

impl any_spawner::CustomExecutor for OneThread {
    fn spawn(&self, fut: any_spawner::PinnedFuture<()>) {
        self.spawn_local(fut);
    }

    fn spawn_local(&self, fut: any_spawner::PinnedLocalFuture<()>) {
        use futures::task::LocalSpawnExt;
        SPAWNER.with(|s| {
            // Fails only once the pool is gone, at the end of the process.
            let _ = s.spawn_local(fut);
        });
    }

    fn poll_local(&self) {
        POOL.with(|p| {
            if let Ok(mut pool) = p.try_borrow_mut() {
                pool.run_until_stalled();
            }
        });
    }
}

/// Starts the executor Suspense needs on the host, on this thread. Once.
pub fn start() {
    let _ = any_spawner::Executor::init_local_custom_executor(OneThread);
}

/// Runs `fut` to completion on the pre-render's thread, with every task it spawns.
fn run<T>(fut: impl std::future::Future<Output = T>) -> T {
    POOL.with_borrow_mut(|pool| pool.run_until(fut))
}

/// Draws the page at `path` (with the base, as a browser would ask for it).
pub fn draw(path: &str) -> DrawnPage {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let page = owner.with(|| {
        provide_context(RequestUrl::new(path));
        let (meta, output) = ServerMetaContext::new();
        provide_context(meta);
        let app = view! { <App /> };
        let body: String = run(app.to_html_stream_in_order().collect::<String>());
        let shell = "<html><head><!--HEAD--></head></html>".to_string();
        let injected: String = run(async move {
            output
                .inject_meta_context(futures::stream::iter([shell]))
                .await
                .collect::<String>()
                .await
        });
        let (html_attributes, rest) = injected
            .strip_prefix("<html")
            .and_then(|r| r.split_once('>'))
            .map(|(attrs, rest)| (attrs.to_string(), rest.to_string()))
            .unwrap_or_default();
        let head = rest
            .split_once("<!--HEAD-->")
            .and_then(|(_, r)| r.split_once("</head>"))
            .map(|(head, _)| head.to_string())
            .unwrap_or_default();
        DrawnPage {
            html_attributes,
            head: escape_title(head),
            body,
        }
    });
    owner.unset();
    page
}

/// `leptos_meta` writes the `<title>` of its head after the other tags,
/// with the title as it is, unescaped: a title from the data that says
/// `</title><script>…` would end the element and write a script into the
/// page. The other tags escape their text, so the first `<title>` is its
/// start and the head's end its close; between them goes the text,
/// escaped.
fn escape_title(head: String) -> String {
    const OPEN: &str = "<title>";
    const CLOSE: &str = "</title>";
    match head.find(OPEN) {
        Some(at) if head.ends_with(CLOSE) && at + OPEN.len() <= head.len() - CLOSE.len() => {
            let text = &head[at + OPEN.len()..head.len() - CLOSE.len()];
            let mut out = String::with_capacity(head.len() + 32);
            out.push_str(&head[..at]);
            out.push_str(OPEN);
            for c in text.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    c => out.push(c),
                }
            }
            out.push_str(CLOSE);
            out
        }
        _ => head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_from_the_data_is_text_in_the_head_never_markup() {
        let head = r#"<meta name="description" content="a &lt;b&gt;"><title>A </title><script>window.__pwned=1</script> &lt;b&gt; — okuma</title>"#;
        let escaped = escape_title(head.to_string());
        assert_eq!(
            escaped,
            r#"<meta name="description" content="a &lt;b&gt;"><title>A &lt;/title&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt; &amp;lt;b&amp;gt; — okuma</title>"#
        );
        assert_eq!(escaped.matches("<title>").count(), 1);
        assert!(!escaped.contains("<script"));
        // A head without a title, or with the title elsewhere, is left alone.
        assert_eq!(
            escape_title("<meta name=\"x\">".into()),
            "<meta name=\"x\">"
        );
        assert_eq!(escape_title("<title></title>".into()), "<title></title>");
    }

    /// The app's views drawn natively from the bundled dataset: what the
    /// pre-render writes for the seed article, in Turkish.
    #[test]
    fn the_seed_article_is_drawn_whole_from_the_dataset() {
        start();
        crate::data::disk::use_dataset(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data"),
        );
        crate::base::use_origin("https://okuma.example");
        let page = draw(&crate::base::path(
            "tr/entries/uzbekistan-kazakhstan-strategic-partnership/",
        ));
        assert!(
            page.html_attributes.contains(r#"lang="tr""#),
            "{}",
            page.html_attributes
        );
        assert!(page
            .body
            .contains("Özbekistan-Kazakistan İlişkilerinde Yeni Bir Aşama"));
        // Formatted as the browser's Intl does: CLDR's Turkish month.
        assert!(page.body.contains("Aralık 2022"));
        assert!(page.body.contains(r##"href="#note-1""##));
        assert!(page.body.contains("Yazar hakkında"));
        assert!(
            !page.body.contains("Yükleniyor"),
            "a Suspense fell back to loading"
        );
        assert!(page.head.contains(r#"rel="canonical""#));
        assert!(page.head.contains("application/ld+json"));

        let missing = draw(&crate::base::path("tr/entries/no-such-entry/"));
        assert!(missing.body.contains("not-found"), "{}", missing.body);

        let archive = draw(&crate::base::path("ru/"));
        assert!(archive.body.contains("entry-card"));
        assert!(archive.body.contains("Все материалы"));
    }
}
