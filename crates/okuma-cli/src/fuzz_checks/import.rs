//! `content_import`: what `okuma build` reads, through its import
//! (`crate::content`). The first byte picks the file:
//!
//! - 0: an entry, its `index.{lang}.md` files (TOML front matter and a
//!   Markdown body) for the site's languages in order, NUL between them
//!   (an empty part: no file in that language), read against the bundled
//!   site, entities and people;
//! - 1: `site.toml`, then NUL and `topics.toml`;
//! - 2: an entity's TOML file; 3: a person's.
//!
//! Properties: reading never panics; every problem is placed on a line
//! the file has; what builds without errors (the import and the built
//! dataset's check, as `okuma build` decides) loads in the app, and its
//! entry file loads as the entry that was read; a table's values survive
//! being written as JSON and loaded.

use super::load::app_load;
use super::{bundled, parts};
use crate::content::{
    entity_of, entry_of, parse_language_file, parse_toml, people_of, site_of, EntityToml,
    PersonToml, SiteToml, Tables,
};
use crate::report::Problems;
use okuma_core::{
    check_files, layout, parse_file, Dataset, EntityTable, Entry, LocalNames, Person, Severity,
    Site, FORMAT_VERSION,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The folder of the entry read (its slug is the folder's name).
const SLUG: &str = "fuzzed";

pub fn content_import(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 4 {
        0 => entry(rest),
        1 => site(rest),
        2 => entity(rest),
        _ => person(rest),
    }
}

/// The bundled tables, without explainer links (an entry read alone
/// cannot be every entity's explainer).
fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let t = &bundled().tables;
        Tables {
            site: t.site.clone(),
            entities: t
                .entities
                .iter()
                .map(|(id, e)| {
                    let mut e = e.clone();
                    e.explainer = None;
                    (id.clone(), e)
                })
                .collect(),
            people: t.people.clone(),
        }
    })
}

fn entry(data: &[u8]) {
    let tables = tables();
    let folder = PathBuf::from("content/entries").join(SLUG);
    let mut problems = Problems::default();
    let mut texts = Vec::new();
    let mut files = Vec::new();
    for (language, text) in tables.site.languages.iter().zip(parts(data)) {
        if text.is_empty() {
            continue;
        }
        let path = folder.join(format!("index.{}.md", language.code));
        if let Some(file) = parse_language_file(&path, language.code.clone(), &text, &mut problems)
        {
            files.push(file);
        }
        texts.push((path, text));
    }
    let read = entry_of(
        &folder,
        SLUG,
        &files,
        &tables.entities,
        &tables.people,
        &mut problems,
    );
    on_its_lines(&problems, &texts);
    let Some((entry, _)) = read else {
        return;
    };
    if problems.errors() > 0 {
        return;
    }
    let dataset = Dataset {
        site: tables.site.clone(),
        entries: vec![entry.clone()],
        entities: tables.entities.clone(),
        people: tables
            .people
            .iter()
            .map(|(id, p)| (id.clone(), p.name.clone()))
            .collect(),
    };
    let built = dataset.files();
    // As `okuma build` decides (`check::check_content`): the site's own
    // problems were the import's to report.
    let refused = check_files(&built)
        .into_iter()
        .any(|f| f.issue.severity == Severity::Error && f.file != layout::SITE);
    if refused {
        return;
    }
    if let Err(e) = app_load(&built) {
        panic!("`okuma build` writes a dataset the app refuses: {e}");
    }
    let site = Site::from_json(&built[layout::SITE]).expect("app_load loaded it");
    let loaded = Entry::from_json(&built[&layout::entry(SLUG)], &site).expect("app_load loaded it");
    assert_eq!(loaded, entry, "the entry file is not the entry read");
}

/// Every problem of a file is on one of its lines.
fn on_its_lines(problems: &Problems, texts: &[(PathBuf, String)]) {
    for problem in &problems.0 {
        let (Some(line), Some((_, text))) = (
            problem.line,
            texts.iter().find(|(path, _)| *path == problem.file),
        ) else {
            continue;
        };
        let lines = text.matches('\n').count() + 1;
        assert!(
            (1..=lines).contains(&line),
            "{problem} is on line {line} of a file of {lines} lines"
        );
    }
}

fn site(data: &[u8]) {
    let parts = parts(data);
    let site_path = Path::new("content/site.toml");
    let topics_path = Path::new("content/topics.toml");
    let mut problems = Problems::default();
    let Some(site) = parse_toml::<SiteToml>(site_path, &parts[0], &mut problems) else {
        return;
    };
    let topics = match parts.get(1) {
        Some(text) => parse_toml::<BTreeMap<String, LocalNames>>(topics_path, text, &mut problems)
            .unwrap_or_default(),
        None => BTreeMap::new(),
    };
    let site = site_of(site, topics, site_path, topics_path, &mut problems);
    if problems.errors() > 0 {
        return;
    }
    // A site the import accepts is one the app accepts.
    let built = Dataset {
        site,
        entries: Vec::new(),
        entities: BTreeMap::new(),
        people: BTreeMap::new(),
    }
    .files();
    if let Err(e) = app_load(&built) {
        panic!("`okuma build` accepts a site.toml whose dataset the app refuses: {e}");
    }
}

fn entity(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let path = Path::new("content/entities/fuzzed.toml");
    let Some(record) = parse_toml::<EntityToml>(path, &text, &mut Problems::default()) else {
        return;
    };
    let table = EntityTable {
        format: FORMAT_VERSION,
        entities: BTreeMap::from([(SLUG.to_string(), entity_of(record))]),
    };
    let written = serde_json::to_string(&table).expect("serialises");
    let loaded: EntityTable = parse_file(&written).expect("an entity read loads once written");
    assert_eq!(loaded, table);
}

fn person(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let dir = Path::new("content/people");
    let mut problems = Problems::default();
    let Some(file) = parse_toml::<PersonToml>(&dir.join("fuzzed.toml"), &text, &mut problems)
    else {
        return;
    };
    let people = people_of(vec![(SLUG.to_string(), file)], dir, &mut problems);
    for person in people.values() {
        // A person is written into the entries they wrote (as an author).
        let written = serde_json::to_string(person).expect("serialises");
        let loaded: Person =
            serde_json::from_str(&written).expect("a person read loads once written");
        assert_eq!(&loaded, person);
    }
}
