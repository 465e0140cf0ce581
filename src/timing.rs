//! User Timing measures (`performance.measure`) around the work a reader
//! waits for, so DevTools and `make bench` see the same figures. A measure
//! that cannot be recorded is simply skipped.

/// A span of work, measured from [`Span::start`] to [`Span::end`].
pub struct Span {
    name: &'static str,
}

impl Span {
    pub fn start(name: &'static str) -> Span {
        if let Some(p) = performance() {
            let _ = p.mark(&format!("{name}:start"));
        }
        Span { name }
    }

    /// Records the measure named after the span.
    pub fn end(self) {
        if let Some(p) = performance() {
            let start = format!("{}:start", self.name);
            let _ = p.measure_with_start_mark(self.name, &start);
            p.clear_marks_with_mark_name(&start);
        }
    }
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}
