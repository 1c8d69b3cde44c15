//! Every export restores: whatever a phone holds after any sequence of edits, merges,
//! deletions and undos — starting from an accepted file stamped at the edge of the
//! accepted range, with clocks at the edge or decades off — its whole backup and its
//! one-year files are accepted by a fresh phone and hold the same records.
//!
//! 48 cases here, each checked after every step; the long run multiplies them:
//! `SOTAY_FUZZ_SCALE=2100 cargo test --release -p sotay-domain --test export_restores`
//! (100,800 cases).

#[path = "convergence/sim.rs"]
mod sim;
mod backup_support;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use sotay_domain::backup::{clamp_moment, parse_backup, Dataset, ImportLimits};

const YEAR_MS: i64 = 365 * 24 * 3_600_000;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("moment")
}

/// The current version's fixture (with its dues book), every record stamped at `stamp`:
/// an accepted file.
fn initial(stamp: DateTime<Utc>) -> Dataset {
    let bytes = std::fs::read(backup_support::fixture_path("migrations/backup-v4.json")).expect("fixture");
    let mut data = parse_backup(&bytes, &ImportLimits::default()).expect("the fixture reads").data;
    if let Some(chi_bo) = &mut data.chi_bo {
        chi_bo.updated_at = stamp;
    }
    for member in &mut data.members {
        member.updated_at = stamp;
    }
    for meeting in &mut data.meetings {
        meeting.updated_at = stamp;
    }
    for mark in &mut data.marks {
        mark.updated_at = stamp;
    }
    for profile in &mut data.dues_profiles {
        profile.updated_at = stamp;
    }
    for payment in &mut data.dues_payments {
        payment.updated_at = stamp;
    }
    data
}

fn cases(default: u32) -> u32 {
    let scale = std::env::var("SOTAY_FUZZ_SCALE").ok().and_then(|scale| scale.parse::<u32>().ok()).unwrap_or(1);
    default.saturating_mul(scale.max(1))
}

/// (world clock at the start, how far phones' clocks may be off, what the file is stamped).
fn clocks(pick: u8) -> (i64, i64, DateTime<Utc>) {
    let last = at("2100-12-31T23:59:59.999Z");
    let first = at("1930-01-01T00:00:00Z");
    let today = at("2026-12-05T08:00:00Z");
    match pick % 5 {
        // A file stamped at the last moment; clocks today, hours apart.
        0 => (today.timestamp_millis(), 6 * 3_600_000, last),
        // Clocks around the end of the range (and past it).
        1 => (last.timestamp_millis() - 3_600_000, 6 * 3_600_000, last),
        // Clocks decades off either way (a phone reset to 1970, one set to 2150).
        2 => (today.timestamp_millis(), 125 * YEAR_MS, today),
        // Clocks around the start of the range (and before it).
        3 => (first.timestamp_millis() + 3_600_000, 6 * 3_600_000, first),
        // A file stamped at the first moment, clocks decades off.
        _ => (today.timestamp_millis(), 80 * YEAR_MS, first),
    }
}

#[test]
fn the_moment_range_is_closed_by_clamping() {
    assert_eq!(clamp_moment(at("2150-06-01T00:00:00Z")), at("2100-12-31T23:59:59.999Z"));
    assert_eq!(clamp_moment(at("1900-06-01T00:00:00Z")), at("1930-01-01T00:00:00Z"));
    let inside = at("2026-12-05T08:00:00Z");
    assert_eq!(clamp_moment(inside), inside);
}

#[test]
fn an_edit_of_a_record_stamped_at_the_last_moment_still_exports_a_readable_file() {
    // The case the issue found: a file's chi bộ stamped 2100-12-31, its name edited once.
    let mut world = sim::World::with_clocks(7, at("2026-12-05T08:00:00Z").timestamp_millis(), 0, &initial(at("2100-12-31T23:59:59.999Z")));
    for _ in 0..30 {
        world.step();
        assert_eq!(world.check_exports_restore(), Ok(()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(48), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_export_restores(seed in any::<u64>(), steps in 1usize..30, clock in any::<u8>()) {
        let (start_ms, skew_ms, stamp) = clocks(clock);
        let mut world = sim::World::with_clocks(seed, start_ms, skew_ms, &initial(stamp));
        for _ in 0..steps {
            world.step();
            prop_assert_eq!(world.check_exports_restore(), Ok(()));
        }
        world.settle();
        prop_assert_eq!(world.check_exports_restore(), Ok(()));
    }
}
