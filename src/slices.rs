//! Long work cut into slices of a few milliseconds, so that the browser can paint and answer a
//! tap between them: a cheap phone runs everything on one thread, and a task longer than 50 ms
//! is a tap that waits (Lighthouse's Total Blocking Time counts them). Work that reads record
//! after record (start-up's reads, the đảng ủy's files) asks [`Slices::pause_if_due`] between
//! records.
//!
//! A leaf: web-sys and js-sys only.

use wasm_bindgen::{JsCast, JsValue};

/// The longest a slice runs before it gives the thread back. Wall time, so a slower phone does
/// less per slice, not longer slices; well under the 50 ms of a long task.
const SLICE_MS: f64 = 8.0;

/// Milliseconds since the page started (0 where the Performance API is missing: then work is
/// never cut, as before).
fn now() -> f64 {
    web_sys::window().and_then(|window| window.performance()).map_or(0.0, |performance| performance.now())
}

/// Work cut into slices: created when the work starts.
pub struct Slices {
    slice_started: f64,
}

impl Slices {
    pub fn start() -> Slices {
        Slices { slice_started: now() }
    }

    /// Gives the thread back to the browser when this slice has run its time.
    pub async fn pause_if_due(&mut self) {
        if now() - self.slice_started >= SLICE_MS {
            yield_to_browser().await;
            self.slice_started = now();
        }
    }
}

/// Ends the current task and resumes in a new one, before timers and after input: with
/// `scheduler.yield()` where the browser has it (Chrome 129 and later), else a zero timeout
/// (which browsers stretch to 4 ms after a few in a row).
pub async fn yield_to_browser() {
    let promise = scheduler_yield().unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _reject| {
            let _ = web_sys::window().map(|window| window.set_timeout_with_callback(&resolve));
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `globalThis.scheduler.yield()`, when there is one.
fn scheduler_yield() -> Option<js_sys::Promise> {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("scheduler")).ok()?;
    if scheduler.is_undefined() {
        return None;
    }
    let yield_fn: js_sys::Function = js_sys::Reflect::get(&scheduler, &JsValue::from_str("yield")).ok()?.dyn_into().ok()?;
    yield_fn.call0(&scheduler).ok()?.dyn_into().ok()
}
