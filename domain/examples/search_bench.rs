//! Timing of the handbook: reading the built-in pack, building the search index, and
//! searching as the user types.
//!
//! ```text
//! cargo run -p sotay-domain --release --example search_bench
//! ```
//!
//! Queries: every prefix (character by character) of realistic searches, typed without
//! and with diacritics, as the app runs one search per keystroke. Two packs: the built-in
//! one, and a large one (the built-in items copied with new ids up to about 1,100 items, as
//! a big committee pack might be; 40 copies of the 27 items of the first built-in pack,
//! 13 of the 88 of its version 2). Plain `Instant` loops; reports the median
//! (p50), p95 and maximum of the individual calls.

use std::hint::black_box;
use std::time::{Duration, Instant};

use sotay_domain::handbook::{builtin, Handbook, Pack, DEFAULT_LIMIT};

const QUERIES: [&str; 12] = [
    "khong duoc lam",
    "không được làm",
    "chi bo goc re",
    "dang vien khong duoc",
    "sinh hoat chuyen de",
    "tu dien bien tu chuyen hoa",
    "danh gia xep loai dang vien",
    "bien ban sinh hoat",
    "hoàn thành xuất sắc nhiệm vụ",
    "90 phut",
    "khung tieu chi",
    "quy dinh 37",
];

/// Items in the large pack, at least.
const LARGE_PACK_ITEMS: usize = 1080;

/// Rounds over all the prefixes.
const ROUNDS: usize = 30;

fn prefixes() -> Vec<String> {
    let mut all = Vec::new();
    for query in QUERIES {
        let chars: Vec<char> = query.chars().collect();
        for end in 1..=chars.len() {
            all.push(chars[..end].iter().collect());
        }
    }
    all
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn format(duration: Duration) -> String {
    let micros = duration.as_secs_f64() * 1e6;
    if micros >= 1000.0 {
        format!("{:.2} ms", micros / 1000.0)
    } else {
        format!("{micros:.1} µs")
    }
}

fn time<F: FnMut()>(runs: usize, mut f: F) -> Vec<Duration> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        f();
        times.push(start.elapsed());
    }
    times.sort();
    times
}

fn row(label: &str, times: &[Duration]) {
    println!(
        "| {label} | {} | {} | {} | {} |",
        times.len(),
        format(percentile(times, 0.5)),
        format(percentile(times, 0.95)),
        format(*times.last().unwrap_or(&Duration::ZERO))
    );
}

/// The built-in pack with its items copied `times` times under new ids.
fn large_pack(times: usize) -> Pack {
    let mut pack = builtin::pack();
    for section in &mut pack.sections {
        let originals = section.items.clone();
        for copy in 1..times {
            for item in &originals {
                let mut item = item.clone();
                item.id = format!("{}-{copy}", item.id);
                section.items.push(item);
            }
        }
    }
    pack
}

fn search_rows(label: &str, handbook: &Handbook, prefixes: &[String]) {
    let mut times = Vec::with_capacity(ROUNDS * prefixes.len());
    let mut found = 0;
    for _ in 0..ROUNDS {
        for prefix in prefixes {
            let start = Instant::now();
            let hits = handbook.search(black_box(prefix), DEFAULT_LIMIT);
            times.push(start.elapsed());
            found += black_box(hits).len();
        }
    }
    times.sort();
    black_box(found);
    row(label, &times);
}

fn main() {
    let prefixes = prefixes();
    let base = builtin::pack();
    let large = large_pack(LARGE_PACK_ITEMS.div_ceil(base.items().count().max(1)));
    let large_handbook = Handbook::resolve(&builtin::pack(), Some(&large));
    let handbook = Handbook::resolve(&base, None);
    println!(
        "built-in pack: {} bytes, {} items, {} index entries, {} distinct words",
        builtin::JSON.len(),
        base.items().count(),
        handbook.index().len(),
        handbook.index().vocabulary_len()
    );
    println!(
        "large pack: {} items, {} distinct words; {} queries (every prefix of {} searches) × {ROUNDS} rounds",
        large.items().count(),
        large_handbook.index().vocabulary_len(),
        prefixes.len(),
        QUERIES.len()
    );
    println!();
    println!("| operation | runs | p50 | p95 | max |");
    println!("|---|---|---|---|---|");
    row(
        "read + validate the built-in pack (JSON)",
        &time(200, || {
            black_box(Pack::from_json(black_box(builtin::JSON)).ok());
        }),
    );
    row(
        "build the handbook + search index (built-in pack)",
        &time(200, || {
            black_box(Handbook::resolve(black_box(&base), None));
        }),
    );
    search_rows(
        "search as you type, built-in pack (per query)",
        &handbook,
        &prefixes,
    );
    row(
        "build the handbook + search index (large pack)",
        &time(20, || {
            black_box(Handbook::resolve(black_box(&base), Some(black_box(&large))));
        }),
    );
    search_rows(
        "search as you type, large pack (per query)",
        &large_handbook,
        &prefixes,
    );
}
