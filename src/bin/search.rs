//! The search worker (`okuma-search`): the archive's engine in its own
//! wasm, started by the page in a Web Worker (`okuma::engine`).

#[cfg(target_arch = "wasm32")]
fn main() {
    okuma::engine::worker::run();
}

// Only a worker runs it; the host build has nothing to do.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
