//! Exact numbers for points and thresholds.
//!
//! Points and band thresholds are stored as whole hundredths so that sums are exact
//! ("do the criteria add up to 100?" must never fail because of floating point) and so
//! that band edges compare exactly (13 of 20 present is 65 %, never 64.999… %).

use std::fmt;
use std::ops::{Add, Sub};

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A decimal number with two fractional digits (points, percentages, minutes).
///
/// In JSON it is a plain number: `5`, `2.5`, `64.9`. More than two decimals are rounded
/// to the nearest hundredth when read. Arithmetic saturates instead of overflowing, so no
/// input can make it panic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Decimal(i64);

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal(0);

    /// A whole number.
    pub const fn from_int(value: i64) -> Decimal {
        Decimal(value.saturating_mul(100))
    }

    /// A number given in hundredths: `from_hundredths(250)` is 2.5.
    pub const fn from_hundredths(hundredths: i64) -> Decimal {
        Decimal(hundredths)
    }

    /// The number in hundredths.
    pub const fn hundredths(self) -> i64 {
        self.0
    }

    /// Rounds a float to the nearest hundredth (saturating at the i64 range; NaN is 0).
    pub fn from_f64(value: f64) -> Decimal {
        // `as` saturates on overflow and maps NaN to 0, which is what we want here.
        Decimal((value * 100.0).round() as i64)
    }

    /// The value as a float (for display and statistics only, never for comparisons).
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// True when the number is below zero.
    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Keeps the number within `low..=high`.
    pub fn clamp_to(self, low: Decimal, high: Decimal) -> Decimal {
        if self < low {
            low
        } else if self > high {
            high
        } else {
            self
        }
    }

    /// Reads a number as a person types it: `2`, `2.5` or `2,5` (Vietnamese decimal
    /// comma), optionally negative, at most two decimals. `None` for anything else.
    pub fn parse(text: &str) -> Option<Decimal> {
        let text = text.trim();
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = match digits.split_once(['.', ',']) {
            Some((whole, fraction)) => (whole, fraction),
            None => (digits, ""),
        };
        let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || whole.len() > 12 || fraction.len() > 2 || !all_digits(whole) || !all_digits(fraction) {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let fraction: i64 = format!("{fraction:0<2}").parse().ok()?;
        let magnitude = whole * 100 + fraction;
        Some(Decimal(if negative { -magnitude } else { magnitude }))
    }

    /// Sum of many numbers, saturating.
    pub fn sum<I: IntoIterator<Item = Decimal>>(items: I) -> Decimal {
        items
            .into_iter()
            .fold(Decimal::ZERO, |acc, item| acc + item)
    }
}

impl Add for Decimal {
    type Output = Decimal;
    fn add(self, other: Decimal) -> Decimal {
        Decimal(self.0.saturating_add(other.0))
    }
}

impl Sub for Decimal {
    type Output = Decimal;
    fn sub(self, other: Decimal) -> Decimal {
        Decimal(self.0.saturating_sub(other.0))
    }
}

/// Plain notation with a decimal point (`2.5`), used in logs and tests. Vietnamese
/// display (`2,5`) is [`crate::text::decimal`].
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let magnitude = self.0.unsigned_abs();
        let whole = magnitude / 100;
        let fraction = magnitude % 100;
        match fraction {
            0 => write!(f, "{sign}{whole}"),
            f10 if f10 % 10 == 0 => write!(f, "{sign}{whole}.{}", f10 / 10),
            _ => write!(f, "{sign}{whole}.{fraction:02}"),
        }
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A binary form (the đảng ủy's kept years) has no number types to tell apart: the
        // hundredths as they are.
        if !serializer.is_human_readable() {
            return serializer.serialize_i64(self.0);
        }
        // Whole numbers stay integers in JSON so hand-written files round-trip unchanged.
        if self.0 % 100 == 0 {
            serializer.serialize_i64(self.0 / 100)
        } else {
            serializer.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        if !deserializer.is_human_readable() {
            return i64::deserialize(deserializer).map(Decimal);
        }
        deserializer.deserialize_any(DecimalVisitor)
    }
}

struct DecimalVisitor;

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
        Ok(Decimal::from_int(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
        Ok(Decimal::from_int(i64::try_from(value).unwrap_or(i64::MAX)))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
        Ok(Decimal::from_f64(value))
    }
}

/// A count out of a total (`9` of `11` members present). Comparisons against percentage
/// thresholds are done in integers, so band edges are exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Ratio {
    /// How many (present members, members who spoke, tasks done…).
    pub count: u32,
    /// Out of how many. A ratio with `total == 0` is never produced by the engine.
    pub total: u32,
}

impl Ratio {
    /// A new ratio, or `None` when the total is zero (nothing to measure).
    pub fn new(count: u32, total: u32) -> Option<Ratio> {
        (total > 0).then_some(Ratio { count, total })
    }

    /// `count / total * 100 >= percent`, exactly.
    pub fn percent_at_least(self, percent: Decimal) -> bool {
        self.scaled_count() >= self.scaled_threshold(percent)
    }

    /// `count / total * 100 > percent`, exactly.
    pub fn percent_above(self, percent: Decimal) -> bool {
        self.scaled_count() > self.scaled_threshold(percent)
    }

    /// The percentage as a float (display and averages only).
    pub fn percent_f64(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            f64::from(self.count) * 100.0 / f64::from(self.total)
        }
    }

    /// The percentage in tenths of a percent, rounded half up: 917 for 11/12 = 91.66…%,
    /// 819 for 1637/2000 = 81.85%, 818 for 9/11 = 81.81…%. Integer arithmetic, so an exact
    /// x,x5 is never misread as x,x4999… the way a float would.
    pub fn percent_tenths_rounded(self) -> u64 {
        if self.total == 0 {
            return 0;
        }
        // tenths = count * 1000 / total, rounded half up: (2 * count * 1000 + total) / (2 * total).
        let total = u64::from(self.total);
        (u64::from(self.count) * 2000 + total) / (2 * total)
    }

    // count * 100 * 100 vs percent_hundredths * total: both sides in "hundredths of a
    // percent times total", in i128 so no input overflows.
    fn scaled_count(self) -> i128 {
        i128::from(self.count) * 10_000
    }

    fn scaled_threshold(self, percent: Decimal) -> i128 {
        i128::from(percent.hundredths()) * i128::from(self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_json_numbers() {
        let parsed: Vec<Decimal> = serde_json::from_str("[5, 2.5, 64.9, 0.125, -1]").unwrap();
        assert_eq!(
            parsed,
            vec![
                Decimal::from_int(5),
                Decimal::from_hundredths(250),
                Decimal::from_hundredths(6490),
                Decimal::from_hundredths(13),
                Decimal::from_int(-1)
            ]
        );
        assert_eq!(
            serde_json::to_string(&parsed).unwrap(),
            "[5,2.5,64.9,0.13,-1]"
        );
    }

    #[test]
    fn ratio_edges_are_exact() {
        let thirteen_of_twenty = Ratio::new(13, 20).unwrap();
        assert!(thirteen_of_twenty.percent_at_least(Decimal::from_int(65)));
        assert!(!thirteen_of_twenty.percent_above(Decimal::from_int(65)));
        let two_of_three = Ratio::new(2, 3).unwrap();
        assert!(!two_of_three.percent_at_least(Decimal::from_hundredths(6667)));
        assert!(two_of_three.percent_at_least(Decimal::from_hundredths(6666)));
        assert_eq!(Ratio::new(9, 11).unwrap().percent_tenths_rounded(), 818);
        assert_eq!(Ratio::new(1, 0), None);
    }

    #[test]
    fn display_drops_trailing_zeros() {
        assert_eq!(Decimal::from_int(30).to_string(), "30");
        assert_eq!(Decimal::from_hundredths(250).to_string(), "2.5");
        assert_eq!(Decimal::from_hundredths(205).to_string(), "2.05");
        assert_eq!(Decimal::from_hundredths(-250).to_string(), "-2.5");
    }
}
