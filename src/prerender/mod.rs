//! The pre-render: every page the site has, drawn by the app's own views
//! (Leptos `ssr` on the host) from the built dataset, written as HTML that
//! reads at once without JavaScript. The browser build then takes each page
//! over (`shell::takeover`).
//!
//! ```text
//! draw.rs      one address drawn by the app's views: head tags and body
//! page.rs      Trunk's page with a drawn page poured in (`Template`)
//! site.rs      every page, feed and map of a built site (`render_site`)
//! ```

mod draw;
mod page;
mod site;

pub use draw::{draw, start, DrawnPage};
pub use page::Template;
pub use site::{render_site, Rendered};

/// Why the site could not be pre-rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Data(String),
    #[error("{path} is not Trunk's page (no </head> or <body>); run `trunk build` first")]
    Template { path: String },
    #[error("no public URL: set public_url in content/site.toml or OKUMA_PUBLIC_URL")]
    NoPublicUrl,
    #[error("public URL {url}: {source}")]
    PublicUrl {
        url: String,
        source: okuma_core::publish::PublicUrlError,
    },
    #[error(
        "the app was built for the base path {built} but the public URL {url} has {wanted}: \
         build with OKUMA_BASE_PATH={wanted} (make build does)"
    )]
    BaseMismatch {
        built: String,
        wanted: String,
        url: String,
    },
}

pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> RenderError + '_ {
    move |source| RenderError::Io {
        path: path.display().to_string(),
        source,
    }
}
