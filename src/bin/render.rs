//! `okuma-render [DIST]`: writes every page of the site built in DIST
//! (default `dist`) as HTML, from the app's own views, with the feeds,
//! sitemap and robots.txt. The public URL is the site file's, or
//! `OKUMA_PUBLIC_URL`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let dist = std::env::args().nth(1).unwrap_or_else(|| "dist".into());
    okuma::prerender::start();
    let started = std::time::Instant::now();
    match okuma::prerender::render_site(
        std::path::Path::new(&dist),
        std::env::var("OKUMA_PUBLIC_URL").ok().as_deref(),
    ) {
        Ok(done) => {
            println!(
                "okuma-render: {} pages ({} KB) in {:.1} s",
                done.pages,
                done.bytes / 1024,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("okuma-render: {error}");
            ExitCode::FAILURE
        }
    }
}
