//! Reads a content directory (Markdown with TOML front matter, Hugo's
//! one-file-per-language convention) into a [`Dataset`], reporting every
//! problem with its file and line. See `docs/content.md` for the syntax.

use crate::markdown::parse_body;
use crate::report::{Problem, Problems};
use okuma_core::publish::PublicUrl;
use okuma_core::{
    Block, Credit, Dataset, EntityKind, EntityRecord, Entry, Issues, Language, LanguageCode,
    LocalNames, LocalText, PartialDate, Person, Provenance, Site, Source, Translation,
    FORMAT_VERSION,
};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SiteToml {
    default_language: LanguageCode,
    languages: Vec<Language>,
    title: LocalNames,
    #[serde(default)]
    kinds: BTreeMap<String, LocalNames>,
    public_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityToml {
    kind: EntityKind,
    explainer: Option<String>,
    name: LocalNames,
    #[serde(default)]
    description: LocalNames,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PersonToml {
    name: LocalNames,
    bio: Option<BioToml>,
}

#[derive(Deserialize)]
struct BioToml {
    original: LanguageCode,
    translator: Option<String>,
    translated: Option<PartialDate>,
    #[serde(flatten)]
    texts: BTreeMap<LanguageCode, String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    #[serde(default)]
    summary: String,
    kind: Option<String>,
    date: Option<PartialDate>,
    authors: Option<Vec<String>>,
    topics: Option<Vec<String>>,
    entities: Option<Vec<String>>,
    original: Option<bool>,
    translated_from: Option<LanguageCode>,
    translator: Option<String>,
    translated: Option<PartialDate>,
    sources: Option<Vec<Source>>,
}

/// One language file of an entry, parsed.
pub(crate) struct LanguageFile {
    path: PathBuf,
    lang: LanguageCode,
    front: FrontMatter,
    blocks: Vec<Block>,
    /// File line of each block, to place alignment problems.
    lines: Vec<usize>,
    front_line: usize,
    /// Line of each top-level front matter key, to place problems on it.
    key_lines: BTreeMap<String, usize>,
}

impl LanguageFile {
    /// The line of a front matter key, else the front matter's first line.
    fn line_of(&self, key: &str) -> usize {
        self.key_lines.get(key).copied().unwrap_or(self.front_line)
    }
}

/// Where one translation of an entry was read from.
pub struct TranslationSource {
    pub file: PathBuf,
    /// The file line each body block starts on.
    pub block_lines: Vec<usize>,
    pub front_line: usize,
}

/// Where each entry's translations came from, to map JSON paths back to lines.
pub struct SourceMap {
    /// slug → language → source
    pub entries: BTreeMap<String, LineMap>,
}

/// What every entry is read against: the site (from `site.toml` and
/// `topics.toml`), the entities and the people.
pub struct Tables {
    pub site: Site,
    pub entities: BTreeMap<String, EntityRecord>,
    pub people: BTreeMap<String, Person>,
}

/// Reads `dir` into a dataset. Problems are returned alongside; the dataset
/// is only worth writing when none of them is an error.
pub fn read_content(dir: &Path) -> (Option<Dataset>, SourceMap, Problems) {
    let mut problems = Problems::default();
    let mut map = SourceMap {
        entries: BTreeMap::new(),
    };
    let Some(Tables {
        site,
        entities,
        people,
    }) = read_tables(dir, &mut problems)
    else {
        return (None, map, problems);
    };

    let mut entries = Vec::new();
    for folder in sorted_dir(&dir.join("entries"), &mut problems) {
        if !folder.is_dir() {
            continue;
        }
        let slug = folder
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some((entry, lines)) =
            read_entry(&folder, &slug, &site, &entities, &people, &mut problems)
        {
            map.entries.insert(slug, lines);
            entries.push(entry);
        }
    }
    // Explainer links must lead somewhere.
    for (id, entity) in &entities {
        if let Some(slug) = &entity.explainer {
            if !entries.iter().any(|e| &e.slug == slug) {
                problems.push(Problem::error(
                    &dir.join("entities").join(format!("{id}.toml")),
                    None,
                    "explainer",
                    format!("explainer entry {slug:?} does not exist"),
                    Some(format!("add content/entries/{slug}/ or remove `explainer`")),
                ));
            }
        }
    }
    let people_names = people
        .iter()
        .map(|(id, p)| (id.clone(), p.name.clone()))
        .collect();
    (
        Some(Dataset {
            site,
            entries,
            entities,
            people: people_names,
        }),
        map,
        problems,
    )
}

/// Reads the site, the entities and the people of `dir`; `None` when
/// there is no usable `site.toml`.
pub fn read_tables(dir: &Path, problems: &mut Problems) -> Option<Tables> {
    let site_path = dir.join("site.toml");
    let site = read_toml::<SiteToml>(&site_path, problems)?;
    let topics_path = dir.join("topics.toml");
    let topics = read_toml(&topics_path, problems).unwrap_or_default();
    let site = site_of(site, topics, &site_path, &topics_path, problems);
    let entities = read_table_dir(&dir.join("entities"), problems)
        .into_iter()
        .map(|(id, e)| (id, entity_of(e)))
        .collect();
    let people_dir = dir.join("people");
    let person_files = read_table_dir::<PersonToml>(&people_dir, problems);
    let people = people_of(person_files, &people_dir, problems);
    Some(Tables {
        site,
        entities,
        people,
    })
}

/// The site of `site.toml` and `topics.toml`, with its problems.
pub(crate) fn site_of(
    site: SiteToml,
    topics: BTreeMap<String, LocalNames>,
    site_path: &Path,
    topics_path: &Path,
    problems: &mut Problems,
) -> Site {
    let mut site = Site {
        format: FORMAT_VERSION,
        default_language: site.default_language,
        languages: site.languages,
        title: site.title,
        kinds: site.kinds,
        topics,
        catalog: okuma_core::CatalogIndex {
            entries: 0,
            page_size: 1,
            pages: 0,
        },
        // Written in its normal form (`…/okuma/`); a bad one is kept as
        // written for the check below to report.
        public_url: site.public_url.map(|url| match PublicUrl::parse(&url) {
            Ok(parsed) => parsed.to_string(),
            Err(_) => url,
        }),
        build: None,
    };
    let mut issues = Issues::default();
    site.check(&mut issues);
    for issue in issues
        .0
        .into_iter()
        .filter(|i| !i.path.starts_with("catalog"))
    {
        let file = if issue.path.starts_with("topics") {
            topics_path
        } else {
            site_path
        };
        problems.push(Problem::from_issue(file, None, issue));
    }
    site.catalog.page_size = okuma_core::dataset::PAGE_SIZE;
    site
}

pub(crate) fn entity_of(e: EntityToml) -> EntityRecord {
    EntityRecord {
        kind: e.kind,
        name: e.name,
        description: e.description,
        explainer: e.explainer,
    }
}

/// The people of `content/people/` (id, file), with their bios.
pub(crate) fn people_of(
    person_files: Vec<(String, PersonToml)>,
    people_dir: &Path,
    problems: &mut Problems,
) -> BTreeMap<String, Person> {
    // Bios credit their translators, who are people too: names first.
    let names: BTreeMap<String, LocalNames> = person_files
        .iter()
        .map(|(id, p)| (id.clone(), p.name.clone()))
        .collect();
    let mut people: BTreeMap<String, Person> = BTreeMap::new();
    for (id, p) in person_files {
        let path = people_dir.join(format!("{id}.toml"));
        let bio = p
            .bio
            .map(|bio| person_bio(bio, &names, &path, problems))
            .unwrap_or_default();
        people.insert(
            id.clone(),
            Person {
                id,
                name: p.name,
                bio,
            },
        );
    }
    people
}

fn person_bio(
    bio: BioToml,
    names: &BTreeMap<String, LocalNames>,
    path: &Path,
    problems: &mut Problems,
) -> BTreeMap<LanguageCode, LocalText> {
    // Only a bio with translations needs its translator to be a person.
    let translated = bio.texts.keys().any(|code| code != &bio.original);
    let by = if translated {
        let known = names.keys().next().map(String::as_str);
        match credit(bio.translator.as_deref(), |id| names.get(id), known) {
            Ok(by) => Some(by),
            Err((message, hint)) => {
                problems.push(Problem::error(
                    path,
                    None,
                    "bio.translator",
                    message,
                    Some(hint),
                ));
                return BTreeMap::new();
            }
        }
    } else {
        None
    };
    bio.texts
        .into_iter()
        .map(|(code, text)| {
            let provenance = match &by {
                Some(by) if code != bio.original => Provenance::Translation {
                    from: bio.original.clone(),
                    by: by.clone(),
                    date: bio.translated,
                },
                _ => Provenance::Original,
            };
            (code, LocalText { text, provenance })
        })
        .collect()
}

/// The person a `translator = "…"` names, by id in `content/people/`.
fn credit<'a>(
    id: Option<&str>,
    name_of: impl Fn(&str) -> Option<&'a LocalNames>,
    known: Option<&str>,
) -> Result<Credit, (String, String)> {
    let Some(id) = id else {
        return Err((
            "a translation must say who translated it".into(),
            "add translator = \"…\" with a person id from content/people/".into(),
        ));
    };
    match name_of(id) {
        Some(name) => Ok(Credit {
            id: id.to_string(),
            name: name.clone(),
        }),
        None => {
            let suggested = suggested_id(id);
            let hint = if name_of(&suggested).is_some() {
                format!("credit the person by id: translator = {suggested:?}")
            } else {
                match known {
                    Some(known) => format!(
                        "use a person id (a file name in content/people/, such as {known:?}) or add content/people/{suggested}.toml"
                    ),
                    None => format!("add content/people/{suggested}.toml"),
                }
            };
            Err((format!("translator {id:?} is not in content/people/"), hint))
        }
    }
}

/// A file name for a person written as a name ("okuma editors" → okuma-editors).
fn suggested_id(name: &str) -> String {
    let mut id = String::new();
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word.to_lowercase());
    }
    id
}

pub type LineMap = BTreeMap<LanguageCode, TranslationSource>;

fn read_entry(
    folder: &Path,
    slug: &str,
    site: &Site,
    entities: &BTreeMap<String, EntityRecord>,
    people: &BTreeMap<String, Person>,
    problems: &mut Problems,
) -> Option<(Entry, LineMap)> {
    let mut files = Vec::new();
    for path in sorted_dir(folder, problems) {
        let name = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(lang) = name
            .strip_prefix("index.")
            .and_then(|n| n.strip_suffix(".md"))
        else {
            problems.push(Problem::warning(
                &path,
                None,
                ".",
                "ignored: entry files are named index.{lang}.md".into(),
                None,
            ));
            continue;
        };
        let lang = match LanguageCode::parse(lang) {
            Ok(code) => code,
            Err(message) => {
                problems.push(Problem::error(
                    &path,
                    None,
                    ".",
                    message,
                    Some("name the file index.en.md, index.tr.md, …".into()),
                ));
                continue;
            }
        };
        if !site.offers(&lang) {
            problems.push(Problem::error(
                &path,
                None,
                ".",
                format!(
                    "language {:?} is not one of the site's languages",
                    lang.as_str()
                ),
                Some("add it to content/site.toml, or rename the file".into()),
            ));
            continue;
        }
        if let Some(file) = read_language_file(&path, lang, problems) {
            files.push(file);
        }
    }
    entry_of(folder, slug, &files, entities, people, problems)
}

/// An entry from its language files, parsed (`folder` names where its
/// problems are, when no file has them).
pub(crate) fn entry_of(
    folder: &Path,
    slug: &str,
    files: &[LanguageFile],
    entities: &BTreeMap<String, EntityRecord>,
    people: &BTreeMap<String, Person>,
    problems: &mut Problems,
) -> Option<(Entry, LineMap)> {
    let originals: Vec<&LanguageFile> = files
        .iter()
        .filter(|f| f.front.original == Some(true))
        .collect();
    let original = match originals.as_slice() {
        [one] => *one,
        [] => {
            let at = folder.join("index.en.md");
            problems.push(Problem::error(
                &at,
                None,
                "original",
                "the entry has no original (a file with `original = true`)".into(),
                None,
            ));
            return None;
        }
        [_, second, ..] => {
            problems.push(Problem::error(
                &second.path,
                Some(second.line_of("original")),
                "original",
                "more than one file says `original = true`".into(),
                Some("only the language the entry was written in is the original".into()),
            ));
            return None;
        }
    };
    let front = &original.front;
    let mut missing = |field: &str| {
        problems.push(Problem::error(
            &original.path,
            Some(original.front_line),
            field,
            format!("the original needs `{field}`"),
            None,
        ));
    };
    let kind = front.kind.clone().unwrap_or_else(|| {
        missing("kind");
        String::new()
    });
    let mut authors = Vec::new();
    for id in front.authors.clone().unwrap_or_default() {
        match people.get(&id) {
            Some(person) => authors.push(person.clone()),
            None => problems.push(Problem::error(
                &original.path,
                Some(original.line_of("authors")),
                "authors",
                format!("author {id:?} is not in content/people/"),
                Some(format!("add content/people/{id}.toml or fix the id")),
            )),
        }
    }
    // An entry's entities: those it lists and those it mentions.
    let mut ids: Vec<String> = front.entities.clone().unwrap_or_default();
    for id in okuma_core::entry::mentions_in_order(files.iter().flat_map(|f| &f.blocks)) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let mut entry_entities = BTreeMap::new();
    for id in ids {
        match entities.get(&id) {
            Some(record) => {
                entry_entities.insert(id, record.clone());
            }
            None => problems.push(Problem::error(
                &original.path,
                Some(original.line_of("entities")),
                "entities",
                format!("entity {id:?} is not in content/entities/"),
                Some(format!("add content/entities/{id}.toml or fix the id")),
            )),
        }
    }
    let mut translations = BTreeMap::new();
    let mut lines = LineMap::new();
    for file in files {
        let f = &file.front;
        let is_original = std::ptr::eq(file, original);
        if !is_original {
            for (field, present) in [
                ("kind", f.kind.is_some()),
                ("date", f.date.is_some()),
                ("authors", f.authors.is_some()),
                ("topics", f.topics.is_some()),
                ("entities", f.entities.is_some()),
                ("sources", f.sources.is_some()),
            ] {
                if present {
                    problems.push(Problem::warning(
                        &file.path,
                        Some(file.line_of(field)),
                        field,
                        format!(
                            "`{field}` is shared by all languages and read from the original only"
                        ),
                        Some(format!(
                            "remove it here; set it in index.{}.md",
                            original.lang
                        )),
                    ));
                }
            }
        }
        let provenance = if is_original {
            Provenance::Original
        } else {
            match &f.translated_from {
                Some(from) => {
                    let name_of = |id: &str| people.get(id).map(|p| &p.name);
                    let known = people.keys().next().map(String::as_str);
                    match credit(f.translator.as_deref(), name_of, known) {
                        Ok(by) => Provenance::Translation {
                            from: from.clone(),
                            by,
                            date: f.translated,
                        },
                        Err((message, hint)) => {
                            problems.push(Problem::error(
                                &file.path,
                                Some(file.line_of("translator")),
                                "translator",
                                message,
                                Some(hint),
                            ));
                            continue;
                        }
                    }
                }
                None => {
                    problems.push(Problem::error(
                        &file.path,
                        Some(file.line_of("translated_from")),
                        "translated_from",
                        "a translation must say what it was translated from".into(),
                        Some(format!(
                            "add translated_from = \"{}\" and translator = \"…\"",
                            original.lang
                        )),
                    ));
                    continue;
                }
            }
        };
        translations.insert(
            file.lang.clone(),
            Translation {
                title: f.title.clone(),
                summary: f.summary.clone(),
                provenance,
                body: file.blocks.clone(),
            },
        );
        lines.insert(
            file.lang.clone(),
            TranslationSource {
                file: file.path.clone(),
                block_lines: file.lines.clone(),
                front_line: file.front_line,
            },
        );
    }
    let entry = Entry {
        format: FORMAT_VERSION,
        slug: slug.to_string(),
        kind,
        original_language: original.lang.clone(),
        date: front.date,
        topics: front.topics.clone().unwrap_or_default(),
        authors,
        entities: entry_entities,
        sources: front.sources.clone().unwrap_or_default(),
        translations,
    };
    Some((entry, lines))
}

fn read_language_file(
    path: &Path,
    lang: LanguageCode,
    problems: &mut Problems,
) -> Option<LanguageFile> {
    let text = read_text(path, problems)?;
    parse_language_file(path, lang, &text, problems)
}

/// One language file of an entry (`index.{lang}.md`, read from `path`):
/// its TOML front matter and its Markdown body.
pub(crate) fn parse_language_file(
    path: &Path,
    lang: LanguageCode,
    text: &str,
    problems: &mut Problems,
) -> Option<LanguageFile> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
    else {
        problems.push(Problem::error(
            path,
            Some(1),
            ".",
            "the file must start with TOML front matter between `+++` lines".into(),
            None,
        ));
        return None;
    };
    let Some(end) = rest.find("\n+++") else {
        problems.push(Problem::error(
            path,
            Some(1),
            ".",
            "the front matter has no closing `+++` line".into(),
            None,
        ));
        return None;
    };
    let toml_text = &rest[..end + 1];
    let body_start = end
        + 1
        + rest[end + 1..]
            .find('\n')
            .map(|n| n + 1)
            .unwrap_or(rest.len() - end - 1);
    let body_text = &rest[body_start.min(rest.len())..];
    let front: FrontMatter = match toml::from_str(toml_text) {
        Ok(front) => front,
        Err(err) => {
            let line = err
                .span()
                .map(|s| 2 + toml_text[..s.start].matches('\n').count());
            problems.push(Problem::error(
                path,
                line,
                "front matter",
                one_line(err.message()),
                None,
            ));
            return None;
        }
    };
    if front.title.trim().is_empty() {
        // The line of `title = …` inside the front matter (which starts on line 2).
        let line = toml_text
            .lines()
            .position(|l| l.trim_start().starts_with("title"))
            .map(|i| i + 2);
        problems.push(Problem::error(
            path,
            line,
            "title",
            "the title is empty".into(),
            None,
        ));
    }
    let body_first_line = 2 + toml_text.matches('\n').count() + 1;
    let body = parse_body(body_text, body_first_line);
    for p in body.problems {
        problems.push(Problem::error(path, Some(p.line), "body", p.message, None));
    }
    Some(LanguageFile {
        path: path.to_path_buf(),
        lang,
        front,
        blocks: body.blocks,
        lines: body.lines,
        front_line: 1,
        key_lines: toml_text
            .lines()
            .enumerate()
            .filter_map(|(i, line)| {
                let key = line.split('=').next()?.trim();
                (!key.is_empty() && !line.starts_with([' ', '\t', '#', '[']))
                    .then(|| (key.to_string(), i + 2))
            })
            .collect(),
    })
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read_text(path: &Path, problems: &mut Problems) -> Option<String> {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(_) => {
                problems.push(Problem::error(
                    path,
                    None,
                    ".",
                    "the file is not UTF-8 text".into(),
                    None,
                ));
                None
            }
        },
        Err(err) => {
            problems.push(Problem::error(
                path,
                None,
                ".",
                format!("cannot read the file: {err}"),
                None,
            ));
            None
        }
    }
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path, problems: &mut Problems) -> Option<T> {
    let text = read_text(path, problems)?;
    parse_toml(path, &text, problems)
}

/// A TOML file's text (read from `path`) as `T`.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
    problems: &mut Problems,
) -> Option<T> {
    match toml::from_str(text) {
        Ok(value) => Some(value),
        Err(err) => {
            let line = err
                .span()
                .map(|s| 1 + text[..s.start].matches('\n').count());
            problems.push(Problem::error(
                path,
                line,
                ".",
                one_line(err.message()),
                None,
            ));
            None
        }
    }
}

/// Reads every `{id}.toml` in a folder; the file name is the id.
fn read_table_dir<T: serde::de::DeserializeOwned>(
    dir: &Path,
    problems: &mut Problems,
) -> Vec<(String, T)> {
    let mut out = Vec::new();
    if !dir.exists() {
        return out;
    }
    for path in sorted_dir(dir, problems) {
        let Some(id) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".toml"))
        else {
            continue;
        };
        if let Err(message) = okuma_core::site::check_slug(id) {
            problems.push(Problem::error(
                &path,
                None,
                ".",
                format!("id {message}"),
                Some("rename the file".into()),
            ));
            continue;
        }
        if let Some(value) = read_toml(&path, problems) {
            out.push((id.to_string(), value));
        }
    }
    out
}

fn sorted_dir(dir: &Path, problems: &mut Problems) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(read) => {
            let mut paths: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            paths
        }
        Err(err) => {
            problems.push(Problem::error(
                dir,
                None,
                ".",
                format!("cannot read the folder: {err}"),
                None,
            ));
            Vec::new()
        }
    }
}
