//! Writes the real-text search corpus (`tests/real_text/`) as JSON for the
//! peers' bench (`bench/realtext.mjs`): per language, the documents, the
//! queries with the documents each should find, and okuma's own figures
//! on them (the native engine the search worker runs).
//!
//! ```sh
//! cargo run --release -p okuma-core --example real_text_corpus -- target/bench/realtext/corpus.json
//! ```

#[path = "../tests/real_text/corpus.rs"]
mod corpus;

use corpus::{compose, search, LANGUAGES};
use serde_json::json;

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: real_text_corpus OUT.json");
        std::process::exit(2);
    };
    let mut languages = serde_json::Map::new();
    for lang in LANGUAGES {
        let corpus = compose(lang);
        let score = search(&corpus);
        languages.insert(
            lang.to_string(),
            json!({
                "docs": corpus.docs.iter().map(|d| d.join(" ")).collect::<Vec<_>>(),
                "queries": corpus.queries.iter().map(|q| json!({
                    "typed": q.typed,
                    "relevant": q.relevant,
                })).collect::<Vec<_>>(),
                "okuma": {
                    "precision": score.precision,
                    "recall": score.recall,
                    "macro_precision": score.macro_precision,
                    "macro_recall": score.macro_recall,
                    // (query, results, right, relevant), worst first.
                    "worst": score.worst.iter().take(10).collect::<Vec<_>>(),
                },
            }),
        );
    }
    if let Some(dir) = std::path::Path::new(&out).parent() {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("{}: {e}", dir.display());
            std::process::exit(1);
        }
    }
    if let Err(e) = std::fs::write(&out, serde_json::Value::Object(languages).to_string()) {
        eprintln!("{out}: {e}");
        std::process::exit(1);
    }
}
