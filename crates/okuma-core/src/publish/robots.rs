//! `robots.txt`: every page may be crawled, and the sitemap is named.

use super::pages::SITEMAP_PATH;
use super::public_url::PublicUrl;

/// The site's `robots.txt`, pointing crawlers at its sitemap.
///
/// Crawlers read `robots.txt` only at the host's root: under a sub-path
/// (`https://user.github.io/okuma/`) the file written at the base is not
/// fetched, and the sitemap has to be submitted to search engines by hand
/// (or the file copied to the host's root by whoever owns it).
///
/// ```
/// use okuma_core::publish::{robots_txt, PublicUrl};
/// let url = PublicUrl::parse("https://example.org/okuma/").unwrap();
/// assert!(robots_txt(&url).ends_with("Sitemap: https://example.org/okuma/sitemap.xml\n"));
/// ```
pub fn robots_txt(url: &PublicUrl) -> String {
    // `Disallow:` with nothing after it allows everything, in every
    // crawler's reading since the 1994 convention (RFC 9309 keeps it).
    format!(
        "User-agent: *\nDisallow:\n\nSitemap: {}\n",
        url.url(SITEMAP_PATH)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_all_and_names_the_absolute_sitemap_url() {
        let url = PublicUrl::parse("http://localhost:8080").unwrap();
        assert_eq!(
            robots_txt(&url),
            "User-agent: *\nDisallow:\n\nSitemap: http://localhost:8080/sitemap.xml\n"
        );
    }
}
