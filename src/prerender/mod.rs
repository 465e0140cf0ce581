//! The pre-render: every page the site has, drawn by the app's own views
//! (Leptos `ssr` on the host) from the built dataset, written as HTML that
//! reads at once without JavaScript. The browser build then takes each page
//! over (`shell::takeover`).

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
            head,
            body,
        }
    });
    owner.unset();
    page
}

/// Why the site could not be pre-rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Data(String),
    #[error("{path} is not Trunk's page (no </head> or <body>); run `trunk build` first")]
    Template { path: String },
    #[error("no public URL: set public_url in content/site.toml or OKUMA_PUBLIC_URL")]
    NoPublicUrl,
    #[error("public URL {url}: {source}")]
    PublicUrl {
        url: String,
        source: okuma_core::publish::PublicUrlError,
    },
    #[error(
        "the app was built for the base path {built} but the public URL {url} has {wanted}: \
         build with OKUMA_BASE_PATH={wanted} (make build does)"
    )]
    BaseMismatch {
        built: String,
        wanted: String,
        url: String,
    },
}

fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> RenderError + '_ {
    move |source| RenderError::Io {
        path: path.display().to_string(),
        source,
    }
}

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

/// What a run wrote.
#[derive(Debug, Default)]
pub struct Rendered {
    pub pages: usize,
    pub bytes: usize,
}

/// Writes every page of the site built in `dist` (Trunk's output with the
/// dataset in `dist/data`): each entry in each language, each language's
/// archive, `/`, a not-found page per language (`404.html`), each
/// language's Atom feed, `sitemap.xml` and `robots.txt`. `public_url`
/// overrides the site file's.
pub fn render_site(
    dist: &std::path::Path,
    public_url: Option<&str>,
) -> Result<Rendered, RenderError> {
    use okuma_core::publish::{self, PublicUrl};
    use okuma_core::{layout, CatalogPage, PeopleTable, Site};
    let data = dist.join("data");
    crate::data::disk::use_dataset(data.clone());
    let template = template(dist)?;
    let read = |rel: &str| {
        let path = data.join(rel);
        std::fs::read_to_string(&path).map_err(io(&path))
    };
    let site = Site::from_json(&read(layout::SITE)?)
        .map_err(|e| RenderError::Data(format!("{}: {e}", layout::SITE)))?;
    let people: PeopleTable = okuma_core::parse_file(&read(layout::PEOPLE)?)
        .map_err(|e| RenderError::Data(format!("{}: {e}", layout::PEOPLE)))?;
    let wanted = public_url
        .map(str::to_string)
        .or_else(|| site.public_url.clone())
        .filter(|u| !u.is_empty())
        .ok_or(RenderError::NoPublicUrl)?;
    let url = PublicUrl::parse(&wanted).map_err(|source| RenderError::PublicUrl {
        url: wanted.clone(),
        source,
    })?;
    if url.base_path() != crate::base::base() {
        return Err(RenderError::BaseMismatch {
            built: crate::base::base().to_string(),
            wanted: url.base_path().to_string(),
            url: wanted,
        });
    }
    // The dataset the build ships says where it is published, also when
    // the build was made for another address than the content's.
    if site.public_url.as_deref() != Some(url.as_str()) {
        let mut published = site.clone();
        published.public_url = Some(url.as_str().to_string());
        let path = data.join(layout::SITE);
        let json = serde_json::to_string(&published)
            .map_err(|e| RenderError::Data(format!("{}: {e}", layout::SITE)))?;
        std::fs::write(&path, json).map_err(io(&path))?;
    }
    let origin = url
        .as_str()
        .strip_suffix(url.base_path())
        .unwrap_or_default();
    crate::base::use_origin(origin);
    // Every language's cards (each lists every entry, in a fallback
    // language where it has no translation): the slugs, the feeds.
    let mut cards = std::collections::BTreeMap::new();
    for language in &site.languages {
        let mut all = Vec::new();
        for page in 1..=site.catalog.pages {
            let rel = layout::catalog_page(&language.code, page);
            let page = CatalogPage::from_json(&read(&rel)?)
                .map_err(|e| RenderError::Data(format!("{rel}: {e}")))?;
            all.extend(page.entries);
        }
        cards.insert(language.code.clone(), all);
    }
    let slugs: Vec<String> = cards
        .get(&site.default_language)
        .map(|c| c.iter().map(|card| card.slug.clone()).collect())
        .unwrap_or_default();
    let write_text = |rel: &str, text: &str| -> Result<(), RenderError> {
        let path = dist.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        std::fs::write(&path, text).map_err(io(&path))
    };
    for (lang, cards) in &cards {
        let feed = publish::atom_feed(&site, &people, &url, lang, cards);
        write_text(&publish::feed_path(lang), &feed)?;
    }
    let default_cards = cards
        .get(&site.default_language)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let sitemap = publish::sitemap(&site, &url, default_cards)
        .map_err(|e| RenderError::Data(e.to_string()))?;
    write_text(publish::SITEMAP_PATH, &sitemap)?;
    write_text(publish::ROBOTS_PATH, &publish::robots_txt(&url))?;

    // Every page: the address drawn, the files it is written to, its language.
    let mut pages: Vec<(String, Vec<String>, String)> = Vec::new();
    for language in &site.languages {
        let lang = language.code.to_string();
        let default = language.code == site.default_language;
        let archive = publish::archive_path(&language.code);
        let mut files = vec![publish::file_of(&archive)];
        if default {
            files.push(publish::file_of(publish::ROOT_PATH));
        }
        pages.push((archive, files, lang.clone()));
        for slug in &slugs {
            let entry = publish::entry_path(&language.code, slug);
            pages.push((entry.clone(), vec![publish::file_of(&entry)], lang.clone()));
        }
        // An address no route has: the not-found page in this language.
        let mut files = vec![format!("{lang}/404.html")];
        if default {
            files.push("404.html".into());
        }
        pages.push((format!("{lang}/404/"), files, lang));
    }
    // Drawn on every core: each thread has its own executor, dataset
    // cache and reactive owner per page, and writes its own files.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = pages.len().div_ceil(threads).max(1);
    let results: Vec<Result<Rendered, RenderError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = pages
            .chunks(chunk)
            .map(|share| {
                let (data, template) = (data.clone(), &template);
                scope.spawn(move || {
                    start();
                    crate::data::disk::use_dataset(data);
                    crate::base::use_origin(origin);
                    let mut out = Rendered::default();
                    for (address, files, lang) in share {
                        let html = template.fill(&draw(&crate::base::path(address)), lang);
                        for rel in files {
                            let path = dist.join(rel);
                            if let Some(dir) = path.parent() {
                                std::fs::create_dir_all(dir).map_err(io(dir))?;
                            }
                            std::fs::write(&path, &html).map_err(io(&path))?;
                            out.pages += 1;
                            out.bytes += html.len();
                        }
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(RenderError::Data("a drawing thread panicked".into())))
            })
            .collect()
    });
    let mut out = Rendered::default();
    for result in results {
        let part = result?;
        out.pages += part.pages;
        out.bytes += part.bytes;
    }
    Ok(out)
}

/// Trunk's page, kept as `app.html` the first time (the app without a
/// pre-rendered page: a host's fallback for addresses the build did not
/// write), since `index.html` is then overwritten by the root page.
fn template(dist: &std::path::Path) -> Result<Template, RenderError> {
    let index = dist.join("index.html");
    let shell = dist.join("app.html");
    let page = std::fs::read_to_string(&index).map_err(io(&index))?;
    let page = if page.contains(crate::shell::takeover::PRERENDERED_ID) {
        std::fs::read_to_string(&shell).map_err(io(&shell))?
    } else {
        std::fs::write(&shell, &page).map_err(io(&shell))?;
        page
    };
    Template::parse(&page, &index.display().to_string())
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
