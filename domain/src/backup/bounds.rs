//! What the files and the stored data accept: the range of dates and moments, ids, and
//! the dues amounts and months.
//! A leaf: the reader (`import`), the writer (`format`) and the merge all bound their
//! values through it.

use chrono::NaiveDate;

use crate::model::Timestamp;

/// Earliest date a record may carry (the party was founded on 3 February 1930).
pub const EARLIEST_DATE: (i32, u32, u32) = (1930, 1, 1);
/// Latest date a record may carry. A date in the future is not an error (a meeting
/// planned ahead, a phone with a wrong clock), but year 2206 is a typing mistake.
pub const LATEST_DATE: (i32, u32, u32) = (2100, 12, 31);

/// The range of acceptable dates.
pub fn date_range() -> (NaiveDate, NaiveDate) {
    let date = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    (date(EARLIEST_DATE), date(LATEST_DATE))
}

/// True for a year within [`date_range`] (a review's year, a plan's month).
pub fn year_in_range(year: i32) -> bool {
    (EARLIEST_DATE.0..=LATEST_DATE.0).contains(&year)
}

/// True for a moment whose UTC date is in [`date_range`]: moments (`exported_at`,
/// `updated_at`) are bounded like dates, so a far-future typo or a crafted file never
/// reaches the formatting of a Vietnam-time moment with a value chrono cannot shift.
pub fn moment_in_range(at: Timestamp) -> bool {
    let (earliest, latest) = date_range();
    (earliest..=latest).contains(&at.naive_utc().date())
}

/// The nearest moment in range: a moment before [`EARLIEST_DATE`] becomes its first
/// millisecond, one after [`LATEST_DATE`] its last. Every moment the app stamps (an edit,
/// a deletion, an export) goes through this, so a phone whose clock is decades off, or a
/// record already stamped at the last moment, never leads to a file the app refuses.
pub fn clamp_moment(at: Timestamp) -> Timestamp {
    let (earliest, latest) = date_range();
    let first = earliest.and_hms_opt(0, 0, 0).map(|at| at.and_utc());
    let last = latest.and_hms_milli_opt(23, 59, 59, 999).map(|at| at.and_utc());
    match (first, last) {
        (Some(first), _) if at < first => first,
        (_, Some(last)) if at > last => last,
        _ => at,
    }
}

/// Longest record id, in characters.
pub const MAX_ID_CHARS: usize = 128;


/// Largest monthly dues a record may carry, in đồng: 100 million a month, a hundred times
/// 1 % of a very high salary (members may pay more than the rate), so only a typing slip
/// (a few zeros too many) or a crafted file is refused, and every sum the book makes of a
/// file's payments stays far inside `u64`.
pub const MAX_MONTHLY_DUES_DONG: u64 = 100_000_000;

/// Most months one payment may cover ("đóng gộp"): five years, a whole term. The sources
/// allow paying ahead or late only in cases they do not list (`docs/dues.md`), so the
/// bound catches typing slips (120 for 12), not policy.
pub const MAX_DUES_MONTHS_COVERED: u32 = 60;

/// The range of months a dues record may name: the months of [`date_range`].
pub fn month_range() -> (crate::dues::YearMonth, crate::dues::YearMonth) {
    let (earliest, latest) = date_range();
    (crate::dues::YearMonth::of(earliest), crate::dues::YearMonth::of(latest))
}

/// The largest amount a payment covering `months` months may carry.
pub fn max_payment_dong(months: u32) -> u64 {
    MAX_MONTHLY_DUES_DONG.saturating_mul(u64::from(months.max(1)))
}
