//! `okuma check DIR`: a content directory (with `site.toml`) or a built
//! dataset (with `site.json`), checked as the reader will read it.

use crate::content::{read_content, SourceMap};
use crate::report::{Problem, Problems};
use okuma_core::{check_files, Dataset, Files};
use std::path::Path;

/// Checks whatever `dir` holds and lists its problems.
pub fn check_dir(dir: &Path) -> Problems {
    if dir.join("site.toml").exists() {
        check_content(dir).1
    } else {
        check_data(dir)
    }
}

/// Reads content and checks the dataset it makes, mapping each problem of
/// the built entries back to the Markdown file and line it comes from.
pub fn check_content(dir: &Path) -> (Option<Dataset>, Problems) {
    let (dataset, map, mut problems) = read_content(dir);
    let Some(dataset) = dataset else {
        return (None, problems);
    };
    let files = dataset.files();
    // Reading reports some problems itself, at the file that has them (an
    // explainer that leads nowhere, at the entity's TOML file); the built
    // dataset's check finds them again, and they are not said twice.
    let read = problems.0.len();
    // The site's own problems were reported against site.toml while reading.
    for found in check_files(&files)
        .into_iter()
        .filter(|f| f.file != "site.json")
    {
        let problem = place(dir, &map, &found.file, found.issue);
        if !problems.0[..read].iter().any(|p| same_problem(p, &problem)) {
            problems.push(problem);
        }
    }
    (Some(dataset), problems)
}

/// The same problem at the same place, whatever the hint says (reading
/// hints at the content, the dataset's check at the JSON files).
fn same_problem(a: &Problem, b: &Problem) -> bool {
    a.file == b.file
        && a.issue.severity == b.issue.severity
        && a.issue.path == b.issue.path
        && a.issue.message == b.issue.message
}

/// Where in the content a problem of a built file comes from.
fn place(dir: &Path, map: &SourceMap, file: &str, issue: okuma_core::Issue) -> Problem {
    let slug = file
        .strip_prefix("entries/")
        .and_then(|f| f.strip_suffix(".json"));
    if let Some(langs) = slug.and_then(|s| map.entries.get(s)) {
        // translations.{lang}.body[{n}]… → that language's file, that block's line.
        let mut parts = issue.path.splitn(3, '.');
        if let (Some("translations"), Some(lang)) = (parts.next(), parts.next()) {
            let lang = lang.split('.').next().unwrap_or(lang);
            if let Some(source) = langs
                .iter()
                .find(|(code, _)| code.as_str() == lang)
                .map(|(_, v)| v)
            {
                let block = parts
                    .next()
                    .and_then(|rest| rest.strip_prefix("body["))
                    .and_then(|rest| rest.split(']').next())
                    .and_then(|n| n.parse::<usize>().ok());
                let line = block
                    .and_then(|b| source.block_lines.get(b).copied())
                    .or(Some(source.front_line));
                return Problem::from_issue(&source.file, line, issue);
            }
        }
        if let Some(source) = langs.values().next() {
            return Problem::from_issue(&source.file, Some(source.front_line), issue);
        }
    }
    // entities.json and people.json are built from one TOML file per id:
    // `entities.{id}.field` belongs to content/entities/{id}.toml, `field`.
    for table in ["entities", "people"] {
        if file != format!("{table}.json") {
            continue;
        }
        let Some(rest) = issue
            .path
            .strip_prefix(table)
            .and_then(|r| r.strip_prefix('.'))
        else {
            continue;
        };
        let end = rest.find(['.', '[']).unwrap_or(rest.len());
        let source = dir.join(table).join(format!("{}.toml", &rest[..end]));
        if source.is_file() {
            let field = rest[end..].trim_start_matches('.');
            let path = if field.is_empty() { "." } else { field }.to_string();
            return Problem::from_issue(&source, None, okuma_core::Issue { path, ..issue });
        }
    }
    Problem::from_issue(&dir.join(file), None, issue)
}

/// Reads every `.json` file under `dir` and checks them as one dataset.
pub fn check_data(dir: &Path) -> Problems {
    let mut problems = Problems::default();
    let files = match read_files(dir) {
        Ok(files) => files,
        Err(problem) => {
            problems.push(problem);
            return problems;
        }
    };
    for found in check_files(&files) {
        problems.push(Problem::from_issue(
            &dir.join(&found.file),
            None,
            found.issue,
        ));
    }
    problems
}

/// Every `.json` file under `dir`, keyed by its path relative to `dir`.
pub fn read_files(dir: &Path) -> Result<Files, Problem> {
    let mut files = Files::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let read = std::fs::read_dir(&folder).map_err(|err| {
            Problem::error(
                &folder,
                None,
                ".",
                format!("cannot read the folder: {err}"),
                None,
            )
        })?;
        for item in read.flatten() {
            let path = item.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                let relative = path
                    .strip_prefix(dir)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                let text = match std::fs::read(&path).map(String::from_utf8) {
                    Ok(Ok(text)) => text,
                    Ok(Err(_)) => "\u{fffd}not UTF-8".to_string(),
                    Err(err) => {
                        return Err(Problem::error(
                            &path,
                            None,
                            ".",
                            format!("cannot read the file: {err}"),
                            None,
                        ));
                    }
                };
                files.insert(relative, text);
            }
        }
    }
    Ok(files)
}
