//! The site's base path: `/` at a domain's root, `/okuma/` for a project
//! site under a sub-path. Fixed at build time (`OKUMA_BASE_PATH`, which
//! the Makefile derives from the public URL), as Trunk fixes the asset
//! URLs at build time too: the wasm and the pages it serves agree.
//!
//! Every address the app writes (links, navigation, dataset fetches) comes
//! from [`path`], so it includes the base; navigation passes
//! [`NavigateOptions`] with `resolve: false` so the router does not add it
//! twice, and the router strips it when matching routes ([`router_base`]).
//!
//! ```text
//! // built with OKUMA_BASE_PATH=/okuma/
//! path("tr/entries/csto/")  == "/okuma/tr/entries/csto/"
//! strip("/okuma/tr/")       == "/tr/"
//! ```

use leptos_router::NavigateOptions;

/// The base path, starting and ending with `/`.
pub const BASE: &str = match option_env!("OKUMA_BASE_PATH") {
    Some(base) => base,
    None => "/",
};

/// An address under the base: `rest` is relative to the site's root.
pub fn path(rest: &str) -> String {
    format!("{}{}", base(), rest.trim_start_matches('/'))
}

/// The base, normalised (a missing leading or trailing `/` is added), so a
/// build variable written as `okuma` or `/okuma` works too.
pub fn base() -> &'static str {
    thread_local! {
        static BASE_PATH: &'static str = {
            let trimmed = BASE.trim_matches('/');
            if trimmed.is_empty() {
                "/"
            } else {
                Box::leak(format!("/{trimmed}/").into_boxed_str())
            }
        };
    }
    BASE_PATH.with(|b| *b)
}

/// What the router is given: the base without its trailing `/`, or none at
/// a domain's root.
pub fn router_base() -> Option<&'static str> {
    let base = base().trim_end_matches('/');
    (!base.is_empty()).then_some(base)
}

/// A location's path without the base: `/okuma/tr/` → `/tr/`. A path
/// outside the base is returned as it is.
pub fn strip(pathname: &str) -> &str {
    match router_base() {
        Some(base) => match pathname.strip_prefix(base) {
            Some("") => "/",
            Some(rest) if rest.starts_with('/') => rest,
            _ => pathname,
        },
        None => pathname,
    }
}

/// Options for navigating to an address from [`path`]: not resolved
/// against the base again.
pub fn navigation(replace: bool, scroll: bool) -> NavigateOptions {
    NavigateOptions {
        resolve: false,
        replace,
        scroll,
        ..Default::default()
    }
}

thread_local! {
    static ORIGIN: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Sets the origin the pre-render writes absolute URLs with (from the
/// site's public URL: `https://user.github.io`).
pub fn use_origin(origin: &str) {
    ORIGIN.with_borrow_mut(|o| *o = origin.trim_end_matches('/').to_string());
}

/// An absolute URL for an address from [`path`]: the page's own origin in
/// the browser, the public URL's in the pre-render.
pub fn absolute(path: &str) -> String {
    let origin = match crate::browser::window().and_then(|w| w.location().origin().ok()) {
        Some(origin) => origin,
        None => ORIGIN.with_borrow(String::clone),
    };
    format!("{origin}{path}")
}
