//! Mounts the reader: install the crash view first, so that even a panic
//! during start-up leaves the reader a way forward.

fn main() {
    okuma::browser::crash::install();
    okuma::shell::theme_toggle::apply_stored_theme();
    leptos::mount::mount_to_body(okuma::app::App);
}
