//! What every `/:lang` page shares: the reading context and its route, the
//! page frame with the language switcher and theme toggle, notices, the
//! landing redirect on `/`, the fetch error and not-found views, and the
//! takeover of a pre-rendered page.

pub mod fetch_error;
pub mod frame;
pub mod language_switcher;
pub mod not_found;
pub mod notice;
pub mod offline_notice;
pub mod reading;
pub mod reading_progress;
pub mod root;
pub mod route;
pub mod takeover;
pub mod theme_toggle;
