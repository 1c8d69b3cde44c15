//! Each chi bộ's computed year kept between visits, so the đảng ủy's overview opens after a
//! restart without scoring 300 chi bộ's meetings again (5 s at 4× CPU): a [`ChiBoYear`]
//! stored under the entry's [`EntryHeader::source`](super::EntryHeader) and the month it
//! was computed in.
//!
//! A kept year holds what the overview reads: not the members' attendance rows nor the
//! preparation months (empty once read back; a chi bộ's own page computes its year from the
//! records), and each month's meetings and dues once, in the summary.
//!
//! A kept year is a cache, not a record: when anything of its key differs (the entry
//! changed, a month ended since, another app version computed it) or it does not read, it
//! is simply computed again from the entry — so it has no migration chain, and its
//! version only has to change when [`ChiBoYear`]'s shape does.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ChiBoYear;
use crate::model::Timestamp;

/// The kept year's `format`.
pub const FIGURES_FORMAT: &str = "so-tay-chi-bo-year-figures";
/// Bumped whenever [`ChiBoYear`] changes shape.
pub const FIGURES_VERSION: u32 = 1;

/// What a kept year is valid for: the entry it was computed from, the app that computed
/// it, and the month "today" fell in for that year ([`figures_as_of`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiguresKey {
    /// The entry's header fingerprint.
    pub source: String,
    /// The app's version (its engine and built-in frameworks score the meetings).
    pub app_version: String,
    /// Year and month (1–12) of [`figures_as_of`].
    pub as_of: (i32, u32),
}

impl FiguresKey {
    /// The key for `year` computed on `today`.
    pub fn new(source: &str, app_version: &str, year: i32, today: NaiveDate) -> FiguresKey {
        FiguresKey { source: source.to_owned(), app_version: app_version.to_owned(), as_of: figures_as_of(year, today) }
    }
}

/// The month on which a year's figures depend: [`super::chi_bo_year`] reads "today" only to
/// know which months have ended (meetings missing, chuyên đề missing, dues counted, files
/// not yet received), so figures computed on any day of a month hold for that month; and a
/// year that is over no longer depends on today at all (January of the next year stands for
/// every later day). The days since the latest file are not kept: [`read_figures`] counts
/// them again.
pub fn figures_as_of(year: i32, today: NaiveDate) -> (i32, u32) {
    if today.year() > year {
        (year + 1, 1)
    } else {
        (today.year(), today.month())
    }
}

#[derive(Serialize)]
struct RecordOut<'a> {
    format: &'a str,
    format_version: u32,
    key: &'a FiguresKey,
    figures: &'a ChiBoYear,
}

#[derive(Deserialize)]
struct RecordIn {
    format: String,
    format_version: u32,
    key: FiguresKey,
    figures: ChiBoYear,
}

/// The bytes kept for `figures` under `key` ([postcard]: compact, and read by little code).
pub fn figures_bytes(figures: &ChiBoYear, key: &FiguresKey) -> Vec<u8> {
    let record = RecordOut { format: FIGURES_FORMAT, format_version: FIGURES_VERSION, key, figures };
    postcard::to_allocvec(&record).unwrap_or_default()
}

/// The kept year, when it was kept under exactly `key`; its days since the latest file
/// counted again on `now`. `None` (compute it again) for anything else, unreadable bytes
/// included.
pub fn read_figures(bytes: &[u8], key: &FiguresKey, now: Timestamp) -> Option<ChiBoYear> {
    let record: RecordIn = postcard::from_bytes(bytes).ok()?;
    let current = record.format == FIGURES_FORMAT && record.format_version == FIGURES_VERSION && &record.key == key;
    current.then(|| {
        let mut figures = record.figures;
        figures.stale_days = super::stale_days_since(figures.latest_export, now);
        figures.fill_months();
        figures
    })
}
