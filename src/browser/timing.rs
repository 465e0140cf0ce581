//! User Timing measures (`performance.measure`) around the work a reader
//! waits for, so DevTools and `make bench` see the same figures. The
//! search worker times its work with a [`Stopwatch`] and the page records
//! the figure ([`record`]), as a worker's measures are not in the page's
//! timeline. A measure that cannot be recorded is simply skipped.

use wasm_bindgen::JsValue;

/// Time spent on one piece of work, which may be interrupted (by a fetch,
/// say): only the running stretches count.
#[derive(Default)]
pub struct Stopwatch {
    since: Option<f64>,
    total: f64,
}

impl Stopwatch {
    /// A stopped stopwatch; [`Stopwatch::run`] times a stretch.
    pub fn new() -> Stopwatch {
        Stopwatch::default()
    }

    pub fn resume(&mut self) {
        self.since = Some(now());
    }

    pub fn pause(&mut self) {
        if let Some(since) = self.since.take() {
            self.total += now() - since;
        }
    }

    /// Times `work`.
    pub fn run<T>(&mut self, work: impl FnOnce() -> T) -> T {
        self.resume();
        let out = work();
        self.pause();
        out
    }

    /// The running time in ms, not the wall time since the start.
    pub fn finish(mut self) -> f64 {
        self.pause();
        self.total
    }
}

/// Records `performance.measure(name, {start, duration})` for work of
/// `duration` ms that ended now.
pub fn record(name: &str, duration: f64) {
    let Some(performance) = performance() else {
        return;
    };
    let options = js_sys::Object::new();
    let set = |key: &str, value: f64| {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    };
    set("start", (performance.now() - duration).max(0.0));
    set("duration", duration);
    let measure = js_sys::Reflect::get(&performance, &"measure".into())
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
    if let Some(measure) = measure {
        let _ = measure.call2(&performance, &JsValue::from_str(name), &options);
    }
}

/// The page's or the worker's clock (both have `performance`).
fn performance() -> Option<web_sys::Performance> {
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| wasm_bindgen::JsCast::dyn_into::<web_sys::Performance>(p).ok())
}

fn now() -> f64 {
    performance().map_or(0.0, |p| p.now())
}
