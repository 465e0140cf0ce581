//! `okuma`: the publisher's tool. For now it checks a dataset directory the
//! way the reader will read it; later it builds datasets from Markdown.
//!
//! ```text
//! okuma check public/data
//! ```

mod check;

use std::process::ExitCode;

const USAGE: &str = "usage: okuma check DIR\n\n  check DIR   check the dataset in DIR (site.json and entries/*.json)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", dir] => check::run(std::path::Path::new(dir)),
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
