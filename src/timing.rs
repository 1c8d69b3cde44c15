//! User Timing measures around work whose speed has a budget (BENCHMARKS.md). The benchmark
//! reads them back from the page with `performance.getEntriesByName`, so it times the work
//! itself, apart from the re-rendering that follows; they also show in the browser's
//! performance panel. A browser without the Performance API just runs the work.

/// The measure recorded for each handbook search (one per keystroke in the search box).
pub const HANDBOOK_SEARCH: &str = "sotay:handbook-search";

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
