//! User Timing measures (`performance.measure`) around the work a reader
//! waits for, so DevTools and `make bench` see the same figures. A measure
//! that cannot be recorded is simply skipped.

use wasm_bindgen::JsValue;

/// Time spent on one piece of work, which may be interrupted (by a fetch,
/// say): only the running stretches count.
pub struct Stopwatch {
    name: &'static str,
    first: Option<f64>,
    since: Option<f64>,
    total: f64,
}

impl Stopwatch {
    /// A stopped stopwatch; [`Stopwatch::run`] times a stretch.
    pub fn new(name: &'static str) -> Stopwatch {
        Stopwatch {
            name,
            first: None,
            since: None,
            total: 0.0,
        }
    }

    pub fn resume(&mut self) {
        let now = now();
        self.first.get_or_insert(now);
        self.since = Some(now);
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

    /// Records `performance.measure(name, {start, duration})`: the
    /// duration is the running time, not the wall time since the start.
    pub fn record(mut self) {
        self.pause();
        let Some(performance) = crate::browser::window().and_then(|w| w.performance()) else {
            return;
        };
        let options = js_sys::Object::new();
        let set = |key: &str, value: f64| {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        };
        set("start", self.first.unwrap_or_else(now));
        set("duration", self.total);
        let measure = js_sys::Reflect::get(&performance, &"measure".into())
            .ok()
            .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
        if let Some(measure) = measure {
            let _ = measure.call2(&performance, &JsValue::from_str(self.name), &options);
        }
    }
}

fn now() -> f64 {
    crate::browser::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
