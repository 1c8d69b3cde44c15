//! The dues book in short, where a year is read as a whole: the year summary and the
//! year-end dossier with each member's year (`crate::analytics`, `crate::review`), and the
//! đảng ủy's overview of every chi bộ (`crate::collection`). Facts only; the words are
//! [`crate::text::dues`]'s.
//!
//! Which months count: those that have ended (as the year summary counts months without a
//! meeting), from the month the chi bộ's book starts — the first month any recorded
//! payment covers. A chi bộ that keeps no dues book has no dues facts at all (rather than
//! every member behind every month), and one that started its book in June is not shown
//! January to May as unpaid.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::book::{year_book_between, DuesWarning, MemberRef, MonthCell, ReportLine, YearBook};
use super::rules::DuesRules;
use super::{DuesPayment, DuesProfile, YearMonth};
use crate::model::Member;

/// A chi bộ's dues records and the rule its book follows (the committee's when loaded,
/// otherwise the built-in one).
#[derive(Clone, Copy, Debug)]
pub struct DuesBook<'a> {
    /// Members' dues profiles.
    pub profiles: &'a [DuesProfile],
    /// Every payment recorded.
    pub payments: &'a [DuesPayment],
    /// The rule.
    pub rules: &'a DuesRules,
}

impl DuesBook<'_> {
    /// The month the book starts: the first month a recorded payment covers (`None`: no
    /// payment recorded, no book kept).
    pub fn first_month(&self) -> Option<YearMonth> {
        self.payments.iter().map(|payment| payment.month).min()
    }
}

/// One month of the book in short: paid of expected, the money, who is behind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthDues {
    /// Paid of expected, and the money for the month.
    pub line: ReportLine,
    /// Members expected who have not paid, roster order.
    pub behind: Vec<MemberRef>,
}

/// A year of the book in short.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearDues {
    /// The year.
    pub year: i32,
    /// The first month counted (January, or the month the book started).
    pub from: YearMonth,
    /// The last month counted (the last month ended).
    pub through: YearMonth,
    /// Each month counted, in order.
    pub months: Vec<MonthDues>,
    /// The money of the months counted, in đồng.
    pub total_dong: u64,
    /// The warnings, member by member (roster order).
    pub warnings: Vec<DuesWarning>,
}

impl YearDues {
    /// The month `month` (1–12), if counted.
    pub fn month(&self, month: u32) -> Option<&MonthDues> {
        self.months.iter().find(|dues| dues.line.month.month() == month)
    }

    /// The warning about a member, if any.
    pub fn warning_of(&self, member_id: &str) -> Option<&DuesWarning> {
        self.warnings.iter().find(|warning| warning.member_id == member_id)
    }
}

/// The last month of `year` that has ended by `as_of` (the caller's today; `None` treats
/// the year as over): `None` when none has.
pub fn last_ended_month(year: i32, as_of: Option<NaiveDate>) -> Option<YearMonth> {
    let december = YearMonth::new(year, 12)?;
    let Some(today) = as_of else {
        return Some(december);
    };
    let last = YearMonth::of(today).plus(-1)?.min(december);
    (last.year() == year).then_some(last)
}

/// The year of the book in short, or `None` when nothing is to be counted: no payment
/// recorded, the book starting after the year, or no month of the year ended yet.
pub fn year_dues(year: i32, as_of: Option<NaiveDate>, roster: &[Member], book: &DuesBook<'_>) -> Option<YearDues> {
    let through = last_ended_month(year, as_of)?;
    let from = book.first_month()?.max(YearMonth::new(year, 1)?);
    if from > through {
        return None;
    }
    let counted = year_book_between(year, from, through, roster, book.profiles, book.payments, book.rules);
    Some(YearDues {
        year,
        from,
        through,
        months: months_of(&counted),
        total_dong: counted.total_dong,
        warnings: counted.warnings,
    })
}

/// Each counted month's line with the members whose month is unpaid.
fn months_of(book: &YearBook) -> Vec<MonthDues> {
    book.months
        .iter()
        .map(|line| {
            let slot = usize::try_from(line.month.month()).unwrap_or(1).saturating_sub(1);
            let behind = book
                .members
                .iter()
                .filter(|member| member.months.get(slot) == Some(&MonthCell::Unpaid))
                .map(|member| MemberRef { member_id: member.member_id.clone(), name: member.name.clone() })
                .collect();
            MonthDues { line: *line, behind }
        })
        .collect()
}
