//! Mounts the reader: install the crash view first, so that even a panic
//! during start-up leaves the reader a way forward; then take over the
//! pre-rendered page, if the address has one (`shell::takeover`); then
//! keep it for offline reading (`browser::offline`).

fn main() {
    okuma::browser::crash::install();
    okuma::shell::theme_toggle::apply_stored_theme();
    okuma::shell::takeover::mount(okuma::app::App);
    okuma::browser::offline::register();
}
