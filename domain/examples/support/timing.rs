//! Timing helpers shared by the native benchmarks (`bench`, `backup_bench`): plain
//! `std::time::Instant` loops, reported as Markdown table rows for BENCHMARKS.md.

use std::time::{Duration, Instant};

/// Runs `work` `runs` times and returns (median, p95).
pub fn measure(runs: usize, mut work: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let at = |fraction: f64| times[((times.len() - 1) as f64 * fraction).round() as usize];
    (at(0.5), at(0.95))
}

/// One row of a "what | runs | median | p95" table.
pub fn report(what: &str, runs: usize, (median, p95): (Duration, Duration)) {
    println!("| {what} | {runs} | {median:.1?} | {p95:.1?} |");
}
