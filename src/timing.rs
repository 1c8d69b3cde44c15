//! User Timing measures around work whose speed has a budget (BENCHMARKS.md). The benchmark
//! reads them back from the page with `performance.getEntriesByName`, so it times the work
//! itself, apart from the re-rendering that follows; they also show in the browser's
//! performance panel. A browser without the Performance API just runs the work. Measures stay
//! in the page's performance timeline (a few dozen bytes each) until the page closes.

/// Building the first screen and putting it in the page: everything the app's own code does
/// at start-up (store load included), after the wasm is compiled and instantiated.
pub const MOUNT: &str = "sotay:mount";
/// Reading what the first screen shows (the stored texts from localStorage; the chi bộ,
/// members, meetings' heads from them) at start-up.
pub const READ_FIRST_SCREEN: &str = "sotay:read-first-screen";
/// Taking the stored texts out of localStorage at start-up (the browser loads the whole
/// storage area on the first access).
pub const STORED_TEXTS: &str = "sotay:stored-texts";
/// Reading every stored record into the store, just after the first screen is painted.
pub const LOAD_STORE: &str = "sotay:load-store";
/// Each handbook search (one per keystroke in the search box).
pub const HANDBOOK_SEARCH: &str = "sotay:handbook-search";
/// Bringing the handbook's further result cards up to date, just after the paint that showed
/// the first ones (until the next task: the DOM updates included).
pub const HANDBOOK_LATER_RESULTS: &str = "sotay:handbook-later-results";
/// Scoring the meeting's own sheet, each time the live score sheet recomputes.
pub const SCORE_MEETING: &str = "sotay:score-meeting";
/// Reading a chosen backup file: parse, validate completely, and the preview.
pub const IMPORT_READ: &str = "sotay:import-read";
/// Applying an import: merge or replace, the snapshot, the storage writes, reloading the store.
pub const IMPORT_APPLY: &str = "sotay:import-apply";
/// Making a backup file's JSON (not handing it to the browser).
pub const EXPORT: &str = "sotay:export";

/// Taking the picked chi bộ files into the đảng ủy's collection (all of them, stored).
pub const COLLECT: &str = "sotay:collect";
/// Every chi bộ's year scored (the collection opened, another year chosen), a few per frame.
pub const DANG_UY_YEARS: &str = "sotay:dang-uy-years";
/// The đảng ủy's overview recomputed: every chi bộ's year (cached per entry) and the period.
pub const DANG_UY_OVERVIEW: &str = "sotay:dang-uy-overview";

/// A measure of work that spans awaits: begun with [`begin`], recorded by [`Span::end`].
pub struct Span {
    name: &'static str,
    started: bool,
}

/// Starts a [`Span`] named `name`.
pub fn begin(name: &'static str) -> Span {
    let started = web_sys::window()
        .and_then(|window| window.performance())
        .is_some_and(|performance| performance.mark(&format!("{name}:start")).is_ok());
    Span { name, started }
}

impl Span {
    pub fn end(self) {
        let Some(performance) = web_sys::window().and_then(|window| window.performance()) else { return };
        if self.started {
            let start_mark = format!("{}:start", self.name);
            let _ = performance.measure_with_start_mark(self.name, &start_mark);
            performance.clear_marks_with_mark_name(&start_mark);
        }
    }
}

/// Runs `work`, recording how long it took as a User Timing measure named `name`.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(performance) = web_sys::window().and_then(|window| window.performance()) else {
        return work();
    };
    let start_mark = format!("{name}:start");
    let started = performance.mark(&start_mark).is_ok();
    let result = work();
    if started {
        // A refused measure changes nothing for the user.
        let _ = performance.measure_with_start_mark(name, &start_mark);
        performance.clear_marks_with_mark_name(&start_mark);
    }
    result
}
