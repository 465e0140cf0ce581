//! Writes the fuzz targets' seeds into `DIR/{target}/` (see `fuzz/seed.sh`).
//!
//! `cargo run -p okuma-cli --example fuzz_seeds -- DIR`

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: fuzz_seeds DIR");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(&dir);
    let seeds = okuma_cli::fuzz_checks::seeds::seeds();
    for (target, name, input) in &seeds {
        let folder = dir.join(target);
        std::fs::create_dir_all(&folder).expect("a seed folder");
        std::fs::write(folder.join(format!("seed-{name}")), input).expect("a seed file");
    }
    println!("{} seeds in {}", seeds.len(), dir.display());
}
