//! `okuma`: the publisher's tool.
//!
//! ```text
//! okuma build content -o public/data     Markdown content → the JSON dataset
//! okuma check public/data                every problem, one line each
//! okuma gen --entries 10000 --seed 7 -o /tmp/archive
//! okuma schema -o docs/schema            JSON Schema of every dataset file
//! ```

use clap::{Parser, Subcommand};
use okuma_cli::{check, generate, output, schema};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "okuma",
    version,
    about = "Build, check and generate okuma datasets"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the JSON dataset from a content directory (Markdown + TOML).
    Build {
        /// The content directory (with site.toml).
        content: PathBuf,
        /// Where to write the dataset.
        #[arg(short, long)]
        out: PathBuf,
        /// Write nothing; fail if OUT differs from what would be built.
        #[arg(long)]
        verify: bool,
    },
    /// Check a content directory or a built dataset; exit 1 on errors.
    Check {
        /// A content directory (with site.toml) or a dataset (with site.json).
        dir: PathBuf,
    },
    /// Generate a deterministic synthetic archive for tests and benchmarks.
    Gen {
        /// How many entries.
        #[arg(long, default_value_t = 1000)]
        entries: u32,
        /// Random seed: the same seed gives the same archive.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the dataset.
        #[arg(short, long)]
        out: PathBuf,
        /// A language to add beside en, tr and ru (repeatable), with a
        /// translation of every entry: `--add-language de`.
        #[arg(long = "add-language", value_parser = parse_language)]
        add_language: Vec<okuma_core::LanguageCode>,
    },
    /// Write the JSON Schema of every dataset file.
    Schema {
        #[arg(short, long)]
        out: PathBuf,
        /// Write nothing; fail if OUT differs.
        #[arg(long)]
        verify: bool,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build {
            content,
            out,
            verify,
        } => {
            let (dataset, problems) = check::check_content(&content);
            let failed = problems.print(&format!("build {}", content.display()));
            let Some(dataset) = dataset.filter(|_| !failed) else {
                return ExitCode::FAILURE;
            };
            let files = dataset.files();
            if verify {
                return verify_or_fail(
                    &output::differences(&files, &out),
                    &out,
                    "okuma build CONTENT -o OUT",
                );
            }
            write(&files, &out)
        }
        Command::Check { dir } => {
            if check::check_dir(&dir).print(&format!("check {}", dir.display())) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Gen {
            entries,
            seed,
            out,
            add_language,
        } => {
            let mut dataset = generate::archive(entries, seed);
            for code in &add_language {
                generate::add_language(&mut dataset, code, seed);
            }
            write(&dataset.files(), &out)
        }
        Command::Schema { out, verify } => {
            let files = schema::files();
            if verify {
                return verify_or_fail(
                    &output::differences(&files, &out),
                    &out,
                    "okuma schema -o OUT",
                );
            }
            write(&files, &out)
        }
    }
}

fn write(files: &okuma_core::Files, out: &std::path::Path) -> ExitCode {
    match output::write_files(files, out) {
        Ok(written) => {
            println!(
                "okuma: {} files in {} ({written} changed)",
                files.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("okuma: cannot write {}: {err}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn verify_or_fail(diffs: &[String], out: &std::path::Path, fix: &str) -> ExitCode {
    if diffs.is_empty() {
        println!("okuma: {} is up to date", out.display());
        return ExitCode::SUCCESS;
    }
    for diff in diffs {
        println!("{}/{diff}", out.display());
    }
    println!(
        "okuma: {} is stale ({} differences); run `{fix}`",
        out.display(),
        diffs.len()
    );
    ExitCode::FAILURE
}

fn parse_language(tag: &str) -> Result<okuma_core::LanguageCode, String> {
    okuma_core::LanguageCode::parse(tag)
}
