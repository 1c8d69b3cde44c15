//! The leaf of the text layer: numbers, percentages, dates and times as Vietnamese write
//! them. Depends on nothing of the crate but the exact number types.
//!
//! Numbers use the Vietnamese decimal comma ("81,8%"), dates are dd/mm/yyyy, times hh:mm.
//! Percentages are shown rounded half up to one decimal (11/12 = 91,66… % shows as "91,7%",
//! 64,95 % as "65%"), as a secretary rounds by hand. Bands still compare the exact ratio
//! ([`Ratio::percent_at_least`]), so 64,95 % shown as "65%" is still below a 65 % band.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::decimal::{Decimal, Ratio};

// ---------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------

/// A whole number with Vietnamese thousands separators: "1.240.000", "36", "12.345".
pub fn number(value: usize) -> String {
    grouped(&value.to_string())
}

/// Digits grouped by three from the right with dots (the Vietnamese thousands separator).
pub(crate) fn grouped(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// "2,5", "30".
pub fn decimal(value: Decimal) -> String {
    value.to_string().replace('.', ",")
}

/// "3 điểm", "2,5 điểm".
pub fn points(value: Decimal) -> String {
    format!("{} điểm", decimal(value))
}

/// "81,8%" for 9/11, "91,7%" for 11/12, "90%" for 9/10 (one decimal, rounded half up,
/// trailing ",0" dropped).
pub fn percent(ratio: Ratio) -> String {
    tenths_percent(ratio.percent_tenths_rounded())
}

/// A float percentage (averages), rounded half up to one decimal: "86,3%" for 86,25.
pub fn percent_f64(value: f64) -> String {
    tenths_percent(percent_f64_tenths_rounded(value))
}

/// Tenths of a percent, rounded half up. The value is first rounded to millionths of a
/// percent, so an average that should be exactly 81,85 but is stored as 81,8499999…
/// still rounds up; negative and NaN give 0 (a percentage is never below zero).
pub(crate) fn percent_f64_tenths_rounded(value: f64) -> u64 {
    const MILLIONTHS_PER_TENTH: u64 = 100_000;
    // `as` saturates: NaN and negatives become 0, huge values u64::MAX.
    let millionths = (value * 1_000_000.0).round() as u64;
    millionths.saturating_add(MILLIONTHS_PER_TENTH / 2) / MILLIONTHS_PER_TENTH
}

pub(crate) fn tenths_percent(tenths: u64) -> String {
    if tenths.is_multiple_of(10) {
        format!("{}%", tenths / 10)
    } else {
        format!("{},{}%", tenths / 10, tenths % 10)
    }
}

// Dates and times are written out with `format!` rather than chrono's `format("%d/%m/%Y")`:
// the strftime interpreter behind it is about 8 KB of the first screen's wasm (Trang chủ
// shows a date), for patterns this fixed. Same output: two-digit day, month, hour and
// minute, four-digit year (with chrono's sign outside 0–9999).

/// The year as chrono's `%Y` writes it: "0999", "2025", "+262142", "-0001".
pub(crate) fn year(value: NaiveDate) -> String {
    match value.year() {
        year @ 0..=9999 => format!("{year:04}"),
        year if year > 9999 => format!("+{year}"),
        year => format!("-{:04}", year.unsigned_abs()),
    }
}

/// "03/09/2025".
pub fn date(value: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", value.day(), value.month(), year(value))
}

/// The date as official documents write it after the place name: "ngày 03 tháng 12 năm 2025".
pub fn document_date(value: NaiveDate) -> String {
    format!("ngày {:02} tháng {:02} năm {}", value.day(), value.month(), year(value))
}

/// The place-and-date line at the top right of a document: "Đông Tâm, ngày 03 tháng 12 năm 2025"
/// (the date alone when no place is known).
pub fn place_and_date(place: &str, value: NaiveDate) -> String {
    let place = place.trim();
    if place.is_empty() {
        // Spelled out rather than upper-cased: char case tables would cost the wasm bytes.
        format!("Ngày {:02} tháng {:02} năm {}", value.day(), value.month(), year(value))
    } else {
        format!("{place}, {}", document_date(value))
    }
}

/// "19:30".
pub fn time(value: NaiveTime) -> String {
    format!("{:02}:{:02}", value.hour(), value.minute())
}

/// "quý II".
pub fn quarter(number: u8) -> String {
    let roman = match number {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => "?",
    };
    format!("quý {roman}")
}

/// "tháng 2, 5, 7".
pub fn months(numbers: &[u32]) -> String {
    let list: Vec<String> = numbers.iter().map(u32::to_string).collect();
    format!("tháng {}", list.join(", "))
}

pub(crate) fn quoted(label: &str) -> String {
    format!("«{label}»")
}

/// A moment in Vietnam time (UTC+7, no daylight saving): "20:15 ngày 05/05/2026".
/// The shift is checked: a moment so far ahead that seven hours more leave chrono's
/// range (year 262142) is shown in UTC instead of panicking.
pub fn moment(at: crate::model::Timestamp) -> String {
    const VIETNAM_OFFSET_SECONDS: i64 = 7 * 3600;
    let utc = at.naive_utc();
    let local = chrono::TimeDelta::try_seconds(VIETNAM_OFFSET_SECONDS)
        .and_then(|offset| utc.checked_add_signed(offset))
        .unwrap_or(utc);
    format!("{} ngày {}", local.format("%H:%M"), date(local.date()))
}

/// "12,4 MB", "850 KB" (1 KB = 1000 bytes); rounded up, so a file just over the limit
/// never shows as equal to it.
pub fn size(bytes: usize) -> String {
    if bytes < 1_000_000 {
        return format!("{} KB", bytes.div_ceil(1000));
    }
    let tenths = bytes.div_ceil(100_000);
    if tenths % 10 == 0 {
        format!("{} MB", tenths / 10)
    } else {
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_read_as_the_strftime_patterns_they_replace() {
        let mut day = NaiveDate::from_ymd_opt(999, 12, 25).unwrap();
        for _ in 0..800 {
            assert_eq!(date(day), day.format("%d/%m/%Y").to_string());
            assert_eq!(document_date(day), day.format("ngày %d tháng %m năm %Y").to_string());
            assert_eq!(place_and_date(" ", day), day.format("Ngày %d tháng %m năm %Y").to_string());
            day = day + chrono::Days::new(97);
        }
        for edge in [NaiveDate::MIN, NaiveDate::MAX, NaiveDate::from_ymd_opt(-1, 1, 1).unwrap(), NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap()] {
            assert_eq!(date(edge), edge.format("%d/%m/%Y").to_string());
        }
        for minutes in (0..24 * 60).step_by(7) {
            let at = NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 59).unwrap();
            assert_eq!(time(at), at.format("%H:%M").to_string());
        }
    }

    #[test]
    fn vietnamese_number_formats() {
        assert_eq!(
            percent(Ratio {
                count: 9,
                total: 11
            }),
            "81,8%"
        );
        assert_eq!(
            percent(Ratio {
                count: 9,
                total: 10
            }),
            "90%"
        );
        assert_eq!(
            percent(Ratio {
                count: 1299,
                total: 2000
            }),
            "65%"
        );
        assert_eq!(points(Decimal::from_hundredths(250)), "2,5 điểm");
        assert_eq!(percent_f64(86.25), "86,3%");
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2025, 9, 3).unwrap()),
            "03/09/2025"
        );
        assert_eq!(quarter(2), "quý II");
        assert_eq!(months(&[2, 5, 7]), "tháng 2, 5, 7");
    }

    #[test]
    fn place_and_date_line_as_official_documents_write_it() {
        let date = NaiveDate::from_ymd_opt(2025, 12, 3).unwrap();
        assert_eq!(place_and_date("Đông Tâm", date), "Đông Tâm, ngày 03 tháng 12 năm 2025");
        assert_eq!(place_and_date("  ", date), "Ngày 03 tháng 12 năm 2025");
    }

    #[test]
    fn moments_show_in_vietnam_time_and_never_panic() {
        use chrono::{DateTime, Utc};
        let at = DateTime::from_timestamp(1_777_986_900, 0).unwrap(); // 2026-05-05T13:15Z
        assert_eq!(moment(at), "20:15 ngày 05/05/2026");
        // Seven hours past chrono's last moment cannot be shown in Vietnam time: UTC.
        assert_eq!(
            moment(DateTime::<Utc>::MAX_UTC),
            "23:59 ngày 31/12/+262142"
        );
        assert!(!moment(DateTime::<Utc>::MIN_UTC).is_empty());
    }

    #[test]
    fn ratio_percentages_round_half_up_on_the_x_x5_edges() {
        // (count, total, shown): exact halves of a tenth round up, just below stays.
        let table = [
            (11, 12, "91,7%"),     // 91,666…: was cut to 91,6%
            (9, 11, "81,8%"),      // 81,818…
            (1637, 2000, "81,9%"), // 81,85 exactly
            (1636, 2000, "81,8%"), // 81,80
            (16369, 20000, "81,8%"), // 81,845
            (1299, 2000, "65%"),   // 64,95 exactly
            (12989, 20000, "64,9%"), // 64,945
            (1, 2000, "0,1%"),     // 0,05 exactly
            (1, 3000, "0%"),       // 0,033…
            (1999, 2000, "100%"),  // 99,95 exactly
            (0, 7, "0%"),
            (7, 7, "100%"),
            (u32::MAX, u32::MAX, "100%"),
        ];
        for (count, total, shown) in table {
            assert_eq!(percent(Ratio { count, total }), shown, "{count}/{total}");
        }
    }

    #[test]
    fn float_percentages_round_half_up_on_the_x_x5_edges() {
        let table = [
            (86.25, "86,3%"),
            (81.85, "81,9%"), // stored as 81,849999…
            (81.849, "81,8%"),
            (0.05, "0,1%"),
            (0.04999, "0%"),
            (99.95, "100%"),
            (91.666_666, "91,7%"),
            (100.0, "100%"),
            (-3.0, "0%"),
            (f64::NAN, "0%"),
        ];
        for (value, shown) in table {
            assert_eq!(percent_f64(value), shown, "{value}");
        }
    }
}
