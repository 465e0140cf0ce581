//! okuma, the reader app: a thin layer of Leptos components over
//! `okuma-core`. `main.rs` mounts [`app::App`]; everything that needs no DOM
//! lives in the core crate.

pub mod api;
pub mod app;
pub mod archive_data;
pub mod browser;
pub mod components;
pub mod crash;
pub mod i18n;
pub mod intl;
pub mod reading_place;
pub mod routes;
pub mod timing;
