//! Every page of a built site, with the feeds, sitemap and robots.txt,
//! drawn on every core.

use super::{draw, io, start, RenderError, Template};

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
