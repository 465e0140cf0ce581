//! The address the site is served at (`https://user.github.io/okuma/`):
//! parsed once and checked, so that every absolute URL in a feed, the
//! sitemap or JSON-LD is built the same way, with or without a sub-path.

use std::fmt;

/// Why a public URL was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublicUrlError {
    #[error("{0:?} is not an absolute URL (expected e.g. \"https://example.org/okuma/\")")]
    NotAbsolute(String),
    #[error("the scheme must be http or https, not {0:?}")]
    Scheme(String),
    #[error("a public URL cannot have a query or a fragment (\"?…\", \"#…\")")]
    QueryOrFragment,
    #[error("a public URL cannot carry a user name or password")]
    UserInfo,
    #[error("{0:?} is not a host name")]
    Host(String),
    #[error("{0:?} is not a port number")]
    Port(String),
    #[error("the path {0:?} must be plain URL segments (letters, digits, -._~), without empty, \".\" or \"..\" segments")]
    Path(String),
}

/// The site's public base URL: scheme, host, optional port and a path that
/// ends with `/`.
///
/// ```
/// use okuma_core::publish::PublicUrl;
/// let url = PublicUrl::parse("https://Example.org/okuma").unwrap();
/// assert_eq!(url.as_str(), "https://example.org/okuma/");
/// assert_eq!(url.base_path(), "/okuma/");
/// assert_eq!(url.url("en/entries/x/"), "https://example.org/okuma/en/entries/x/");
/// assert_eq!(url.path("en/"), "/okuma/en/");
/// assert!(PublicUrl::parse("http://localhost:8080").is_ok());
/// assert!(PublicUrl::parse("example.org/okuma/").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PublicUrl {
    /// `https://example.org` or `http://localhost:8080`, without a slash.
    origin: String,
    /// `/` or `/okuma/`: starts and ends with a slash.
    base: String,
    /// `origin` + `base`, kept whole for [`PublicUrl::as_str`].
    full: String,
}

impl PublicUrl {
    /// Parses and normalises a public URL: the scheme and host are lower
    /// case, and the path gains its trailing `/`.
    pub fn parse(text: &str) -> Result<PublicUrl, PublicUrlError> {
        let text = text.trim();
        let (scheme, rest) = text
            .split_once("://")
            .ok_or_else(|| PublicUrlError::NotAbsolute(text.to_string()))?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(PublicUrlError::Scheme(scheme));
        }
        if rest.contains(['?', '#']) {
            return Err(PublicUrlError::QueryOrFragment);
        }
        let (authority, path) = match rest.find('/') {
            Some(i) => rest.split_at(i),
            None => (rest, "/"),
        };
        if authority.contains('@') {
            return Err(PublicUrlError::UserInfo);
        }
        let (host, port) = split_port(authority)?;
        if !is_host(host) {
            return Err(PublicUrlError::Host(host.to_string()));
        }
        let origin = match port {
            Some(port) => format!("{scheme}://{}:{port}", host.to_ascii_lowercase()),
            None => format!("{scheme}://{}", host.to_ascii_lowercase()),
        };
        let base = normalise_path(path)?;
        Ok(PublicUrl {
            full: format!("{origin}{base}"),
            origin,
            base,
        })
    }

    /// The whole base URL, ending with `/` (`https://example.org/okuma/`).
    pub fn as_str(&self) -> &str {
        &self.full
    }

    /// The path the site lives under: `/` or `/okuma/`.
    pub fn base_path(&self) -> &str {
        &self.base
    }

    /// The absolute URL of a path relative to the base (`en/entries/x/`);
    /// a leading `/` is ignored, so it cannot escape the sub-path.
    pub fn url(&self, relative: &str) -> String {
        format!("{}{}", self.full, relative.trim_start_matches('/'))
    }

    /// The root-relative path of a path relative to the base (`/okuma/en/`),
    /// for links inside the site.
    pub fn path(&self, relative: &str) -> String {
        format!("{}{}", self.base, relative.trim_start_matches('/'))
    }
}

impl fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.full)
    }
}

impl std::str::FromStr for PublicUrl {
    type Err = PublicUrlError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        PublicUrl::parse(text)
    }
}

/// `host[:port]`, with a bracketed IPv6 host (`[::1]:8080`) kept whole.
fn split_port(authority: &str) -> Result<(&str, Option<u16>), PublicUrlError> {
    let colon = if authority.starts_with('[') {
        authority
            .find(']')
            .and_then(|end| authority[end..].find(':').map(|c| end + c))
    } else {
        authority.rfind(':')
    };
    let Some(colon) = colon else {
        return Ok((authority, None));
    };
    let (host, port) = (&authority[..colon], &authority[colon + 1..]);
    // An empty port (`example.org:`) means the default, as in browsers.
    if port.is_empty() {
        return Ok((host, None));
    }
    match port.parse::<u16>() {
        Ok(n) if port.bytes().all(|b| b.is_ascii_digit()) => Ok((host, Some(n))),
        _ => Err(PublicUrlError::Port(port.to_string())),
    }
}

/// A DNS name or IPv4 address (labels of letters, digits and hyphens), or a
/// bracketed IPv6 address. Internationalised names must be given in their
/// `xn--` form: nothing is encoded here.
fn is_host(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return !inner.is_empty()
            && inner
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    }
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// `/okuma` → `/okuma/`. Segments must be plain unreserved characters:
/// nothing in an address is percent-encoded, so nothing needs decoding.
fn normalise_path(path: &str) -> Result<String, PublicUrlError> {
    let inner = path.trim_start_matches('/');
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    if path.starts_with("//") {
        return Err(PublicUrlError::Path(path.to_string()));
    }
    if inner.is_empty() {
        return Ok("/".to_string());
    }
    let ok = inner.split('/').all(|segment| {
        !segment.is_empty()
            && segment != "."
            && segment != ".."
            && segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
    });
    if ok {
        Ok(format!("/{inner}/"))
    } else {
        Err(PublicUrlError::Path(path.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> PublicUrl {
        PublicUrl::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn the_path_always_ends_with_a_slash() {
        for (text, base) in [
            ("https://example.org", "/"),
            ("https://example.org/", "/"),
            ("https://example.org/okuma", "/okuma/"),
            ("https://example.org/okuma/", "/okuma/"),
            ("https://example.org/a/b-c/d_e.f~g", "/a/b-c/d_e.f~g/"),
        ] {
            assert_eq!(parsed(text).base_path(), base, "{text}");
        }
    }

    #[test]
    fn sub_path_urls_and_paths_stay_under_the_base() {
        let url = parsed("https://user.github.io/okuma/");
        assert_eq!(url.url(""), "https://user.github.io/okuma/");
        assert_eq!(
            url.url("en/entries/x/"),
            "https://user.github.io/okuma/en/entries/x/"
        );
        assert_eq!(
            url.url("/sitemap.xml"),
            "https://user.github.io/okuma/sitemap.xml"
        );
        assert_eq!(url.path(""), "/okuma/");
        assert_eq!(url.path("tr/"), "/okuma/tr/");
        let root = parsed("https://okuma.example");
        assert_eq!(root.url("en/"), "https://okuma.example/en/");
        assert_eq!(root.path("en/"), "/en/");
    }

    #[test]
    fn scheme_host_and_port_are_normalised() {
        assert_eq!(
            parsed("HTTPS://Example.ORG/Okuma").as_str(),
            "https://example.org/Okuma/"
        );
        assert_eq!(
            parsed("http://localhost:8080").as_str(),
            "http://localhost:8080/"
        );
        assert_eq!(
            parsed("http://127.0.0.1:8080/x").as_str(),
            "http://127.0.0.1:8080/x/"
        );
        assert_eq!(parsed("http://[::1]:8080/").as_str(), "http://[::1]:8080/");
        assert_eq!(
            parsed("  https://example.org/  ").as_str(),
            "https://example.org/"
        );
        assert_eq!(
            parsed("https://example.org:/").as_str(),
            "https://example.org/"
        );
    }

    /// Whether an error is the one a case expects.
    type Expected = fn(&PublicUrlError) -> bool;

    #[test]
    fn refuses_what_is_not_a_public_base_url() {
        use PublicUrlError::*;
        let cases: [(&str, Expected); 13] = [
            ("example.org/okuma/", |e| matches!(e, NotAbsolute(_))),
            ("/okuma/", |e| matches!(e, NotAbsolute(_))),
            ("", |e| matches!(e, NotAbsolute(_))),
            ("ftp://example.org/", |e| matches!(e, Scheme(_))),
            ("javascript://example.org/", |e| matches!(e, Scheme(_))),
            ("https://example.org/?a=1", |e| matches!(e, QueryOrFragment)),
            ("https://example.org/#top", |e| matches!(e, QueryOrFragment)),
            ("https://user:pw@example.org/", |e| matches!(e, UserInfo)),
            ("https:///okuma/", |e| matches!(e, Host(_))),
            ("https://exa mple.org/", |e| matches!(e, Host(_))),
            ("https://example.org:99999/", |e| matches!(e, Port(_))),
            ("https://example.org/a/../b/", |e| matches!(e, Path(_))),
            ("https://example.org/a b/", |e| matches!(e, Path(_))),
        ];
        for (text, expected) in cases {
            match PublicUrl::parse(text) {
                Err(e) => assert!(expected(&e), "{text}: unexpected {e:?}"),
                Ok(url) => panic!("{text} accepted as {url}"),
            }
        }
        for text in [
            "https://example.org//okuma/",
            "https://example.org/a//b/",
            "https://example.org/%3C/",
        ] {
            assert!(PublicUrl::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn errors_say_what_to_write() {
        let message = PublicUrl::parse("example.org").unwrap_err().to_string();
        assert!(message.contains("https://example.org/okuma/"), "{message}");
    }
}
