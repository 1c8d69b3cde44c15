//! The chi bộ's party-dues book (sổ thu đảng phí): the dues rule as versioned data, each
//! member's dues profile, one record per payment, and what follows from them: the amount
//! a rule suggests, the month's book, each member's year, the warnings a year calls for,
//! and the report line for the meeting's opening (the spreadsheets are [`crate::text::dues`]'s).
//!
//! Facts in the core, words at the edge: everything here returns numbers, enums and
//! structured facts; the Vietnamese words, and the spreadsheets made of these facts, are
//! made only in [`crate::text::dues`], which this module never calls. No floating point
//! touches money: amounts are whole đồng in integers, percentages basis points (1 % = 100).
//!
//! - [`rules`]: the rule file ([`DuesRules`], `docs/dues.md`), its validation with each
//!   problem's place, the built-in rule (Quy định 01-QĐ/TW, 2026), suggested amounts.
//! - [`book`]: the month's book, the year's view, the warnings, the report line.
//! - [`merge`]: dues records of two phones merged per record id, latest edit wins.
//! - [`summary`]: a year of the book in short, for the year summary, the dossier and the
//!   đảng ủy's overview.
//!
//! The records ([`DuesProfile`], [`DuesPayment`]) have stable ids and `updated_at`, like
//! every record of the app; they travel in backups and storage as records of the backup's
//! dataset (`crate::backup::Dataset`: `dues_profiles`, `dues_payments`, and the
//! committee's rule as `dues_rules`), with deletion markers.

pub mod book;
pub mod merge;
pub mod rules;
pub mod summary;
mod validation;

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::Timestamp;

pub use book::{
    is_member_in, month_book, year_book, year_book_between, BookRow, DuesWarning, MemberDuesYear, MemberRef,
    MonthBook, MonthCell, PaidBy, ReportLine, RowStatus, ShareFact, StrayPayment, StrayReason,
    YearBook,
};
pub use merge::{merge_payments, merge_profiles};
pub use summary::{last_ended_month, year_dues, DuesBook, MonthDues, YearDues};
pub use rules::{
    apply_reduction, percent_of, suggest, BaseInput, CategoryKind,
    BaseFrom, DuesCategory, DuesRules, ExemptionGround, Provision, RegionWage, RegionalWages, Reductions,
    RuleBasis, SuggestedAmount, Suggestion, SuggestionIssue, WarningRule, WayRule,
    BUILTIN_ID, BUILTIN_JSON, FORMAT_VERSION,
};
pub use validation::{builtin_rules, DuesRuleLoadError, DuesRuleProblem, ProblemKind, RulePlace};

// ---------------------------------------------------------------------------------------
// Month
// ---------------------------------------------------------------------------------------

/// A calendar month, the unit dues are paid for. In JSON a `"YYYY-MM"` string
/// (`"2026-03"`), so records sort and read plainly; anything else (month 13, `"2026-3"`)
/// is refused when read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// The month, when `month` is 1–12 and the year is within 1–9999.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        ((1..=12).contains(&month) && (1..=9999).contains(&year)).then_some(YearMonth { year, month })
    }

    /// The month a day falls in.
    pub fn of(day: NaiveDate) -> YearMonth {
        YearMonth {
            year: day.year(),
            month: day.month(),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// Months since year 0 (an index where consecutive months differ by one).
    pub fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    fn from_index(index: i64) -> Option<YearMonth> {
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = u32::try_from(index.rem_euclid(12) + 1).ok()?;
        YearMonth::new(year, month)
    }

    /// The month `count` months later (earlier when negative), if within the years 1–9999.
    pub fn plus(self, count: i64) -> Option<YearMonth> {
        YearMonth::from_index(self.index().checked_add(count)?)
    }

    /// The next month (December 9999 has none).
    pub fn next(self) -> Option<YearMonth> {
        self.plus(1)
    }

    /// Its first day.
    pub fn first_day(self) -> NaiveDate {
        // Years 1–9999 and months 1–12 only: always a date.
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// Its last day.
    pub fn last_day(self) -> NaiveDate {
        match self.next() {
            Some(next) => next.first_day().pred_opt().unwrap_or(NaiveDate::MAX),
            None => NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// True when `day` falls in the month.
    pub fn contains(self, day: NaiveDate) -> bool {
        YearMonth::of(day) == self
    }

    /// The twelve months of a year, January first (none for a year outside 1–9999).
    pub fn of_year(year: i32) -> Vec<YearMonth> {
        (1..=12).filter_map(|month| YearMonth::new(year, month)).collect()
    }
}

impl fmt::Display for YearMonth {
    /// `2026-03`, the JSON form (the Vietnamese "tháng 3/2026" is [`crate::text::dues`]'s).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl From<YearMonth> for String {
    fn from(month: YearMonth) -> String {
        month.to_string()
    }
}

/// Why a text is not a `"YYYY-MM"` month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAMonth(pub String);

impl fmt::Display for NotAMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Read by serde into a syntax error with its line and column (English, like the
        // parser's own details).
        write!(f, "expected a month as \"YYYY-MM\", found {:?}", self.0)
    }
}

impl TryFrom<String> for YearMonth {
    type Error = NotAMonth;

    fn try_from(text: String) -> Result<YearMonth, NotAMonth> {
        text.parse()
    }
}

impl std::str::FromStr for YearMonth {
    type Err = NotAMonth;

    fn from_str(text: &str) -> Result<YearMonth, NotAMonth> {
        let refuse = || NotAMonth(text.to_owned());
        let bytes = text.as_bytes();
        let shape = bytes.len() == 7
            && bytes[4] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(at, byte)| at == 4 || byte.is_ascii_digit());
        if !shape {
            return Err(refuse());
        }
        let year = text[..4].parse().map_err(|_| refuse())?;
        let month = text[5..].parse().map_err(|_| refuse())?;
        YearMonth::new(year, month).ok_or_else(refuse)
    }
}

// ---------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------

/// How a payment was made. In JSON `"cash"` or `"portal"`; the rule file's longer
/// spellings `"cash_to_chi_bo"` and `"national_portal"` are read too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentWay {
    /// In cash, directly to the chi bộ.
    #[serde(alias = "cash_to_chi_bo")]
    Cash,
    /// On the national public-service portal (Cổng Dịch vụ công Quốc gia).
    #[serde(alias = "national_portal")]
    Portal,
}

impl PaymentWay {
    /// Both ways, cash first.
    pub const ALL: [PaymentWay; 2] = [PaymentWay::Cash, PaymentWay::Portal];
}

/// What a relief period does to a member's dues.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReliefKind {
    /// Exempt from dues (miễn đóng đảng phí) on one of the rule's grounds.
    Exempt {
        /// The key of the rule's exemption ([`ExemptionGround::key`]), e.g. `"tuoi_dang_50"`.
        ground: String,
    },
    /// Dues reduced (giảm) by one of the rule's reductions.
    Reduced {
        /// The reduction in basis points (3000 = 30 %).
        basis_points: u32,
    },
}

/// A period in which a member's dues are exempted or reduced, as the chi bộ (or the
/// committee that decides) recorded it. Both ends are inclusive; no `to` means open-ended.
///
/// This is the exemption from **dues**. An exemption from party work and activity
/// ([`crate::model::Exemption`], miễn công tác và sinh hoạt đảng) is not one: the sources
/// read list no such ground for dues (`docs/dues.md`), so such a member stays expected to
/// pay and the book only marks the month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesRelief {
    /// Exempt or reduced.
    #[serde(flatten)]
    pub kind: ReliefKind,
    /// First month.
    pub from: YearMonth,
    /// Last month, if the period has an end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<YearMonth>,
    /// The decision or the reason, in the chi bộ's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl DuesRelief {
    /// True when the period covers `month`.
    pub fn covers(&self, month: YearMonth) -> bool {
        self.from <= month && self.to.is_none_or(|to| month <= to)
    }

    /// Its length in months, if it has an end (0 when the end is before the start).
    pub fn months(&self) -> Option<u32> {
        let to = self.to?;
        let length = to.index() - self.from.index() + 1;
        Some(u32::try_from(length.max(0)).unwrap_or(u32::MAX))
    }
}

/// A member's dues profile: which category of the rule the member is in and the amount
/// the member usually pays. One per member: its `id` is the member's id
/// ([`DuesProfile::new`]), so two phones editing one member's profile edit one record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesProfile {
    /// Stable id: the member's id.
    pub id: String,
    /// The member.
    pub member_id: String,
    /// The key of the rule's category ([`DuesCategory::key`]).
    pub category_key: String,
    /// The monthly amount the member usually pays, in đồng: suggested by the rule
    /// ([`suggest`]) and always editable.
    pub usual_amount_dong: u64,
    /// Periods of exemption or reduction of the dues.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reliefs: Vec<DuesRelief>,
    /// The chi bộ's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Last change.
    pub updated_at: Timestamp,
}

impl DuesProfile {
    /// A profile without reliefs or note; its id is the member's.
    pub fn new(
        member_id: impl Into<String>,
        category_key: impl Into<String>,
        usual_amount_dong: u64,
        updated_at: Timestamp,
    ) -> DuesProfile {
        let member_id = member_id.into();
        DuesProfile {
            id: member_id.clone(),
            member_id,
            category_key: category_key.into(),
            usual_amount_dong,
            reliefs: Vec::new(),
            note: String::new(),
            updated_at,
        }
    }

    /// The relief covering `month`, if any (the last listed when several do).
    pub fn relief_in(&self, month: YearMonth) -> Option<&DuesRelief> {
        self.reliefs.iter().rev().find(|relief| relief.covers(month))
    }
}

/// One payment: one record per payment, never one per month. A payment made for several
/// consecutive months at once ("đóng gộp") records the first month and the count; the
/// months it covers count as paid, and its amount is the total for all of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesPayment {
    /// Stable id.
    pub id: String,
    /// The member who paid.
    pub member_id: String,
    /// The (first) month paid for.
    pub month: YearMonth,
    /// How many consecutive months, from `month`, the payment covers (1 unless đóng gộp).
    #[serde(default = "one_month", skip_serializing_if = "is_one")]
    pub months_covered: u32,
    /// The amount, in đồng (the total, for a payment covering several months).
    pub amount_dong: u64,
    /// Cash to the chi bộ or the portal.
    pub way: PaymentWay,
    /// The day it was paid, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_on: Option<NaiveDate>,
    /// The chi bộ's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When it was first recorded.
    pub recorded_at: Timestamp,
    /// Last change.
    pub updated_at: Timestamp,
}

fn one_month() -> u32 {
    1
}

fn is_one(value: &u32) -> bool {
    *value == 1
}

impl DuesPayment {
    /// The months counted: `months_covered`, at least one.
    pub fn month_count(&self) -> u32 {
        self.months_covered.max(1)
    }

    /// True when the payment covers `month`.
    pub fn covers(&self, month: YearMonth) -> bool {
        let offset = month.index() - self.month.index();
        (0..i64::from(self.month_count())).contains(&offset)
    }

    /// The last month covered.
    pub fn last_month(&self) -> YearMonth {
        self.month
            .plus(i64::from(self.month_count()) - 1)
            .unwrap_or(self.month)
    }

    /// The part of the amount that belongs to `month`: the amount split evenly over the
    /// months covered, the đồng left over by the division on the first month (so the
    /// parts always add up to the amount); 0 for a month not covered.
    pub fn share_of(&self, month: YearMonth) -> u64 {
        if !self.covers(month) {
            return 0;
        }
        let count = u64::from(self.month_count());
        let each = self.amount_dong / count;
        if month == self.month {
            each + self.amount_dong % count
        } else {
            each
        }
    }

    /// Problems a form should show before saving the payment.
    pub fn problems(&self) -> Vec<PaymentProblem> {
        let mut problems = Vec::new();
        if self.amount_dong == 0 {
            problems.push(PaymentProblem::ZeroAmount);
        }
        if self.months_covered == 0 {
            problems.push(PaymentProblem::NoMonthCovered);
        }
        if self.month.plus(i64::from(self.months_covered.max(1)) - 1).is_none() {
            problems.push(PaymentProblem::BeyondCalendar);
        }
        problems
    }
}

/// What is wrong with a payment record (worded by [`crate::text::dues::payment_problem`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentProblem {
    /// An amount of 0 đồng.
    ZeroAmount,
    /// `months_covered` is 0.
    NoMonthCovered,
    /// The months covered run past December 9999.
    BeyondCalendar,
}

/// What is wrong with a profile against a rule (worded by
/// [`crate::text::dues::profile_problem`]). Facts for the form; the book still reads
/// such a profile.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileProblem {
    /// The category key is not in the rule.
    UnknownCategory { key: String },
    /// A relief (0-based index) exempts on a ground the rule does not list.
    UnknownGround { relief: usize, ground: String },
    /// A relief reduces by a percentage the rule does not allow.
    ReductionNotAllowed { relief: usize, basis_points: u32 },
    /// A relief ends before it starts.
    ReliefReversed { relief: usize },
    /// A relief longer than the rule allows for its ground or reduction (an open-ended one
    /// counts as longer).
    ReliefTooLong {
        relief: usize,
        months: Option<u32>,
        max_months: u32,
    },
}

impl DuesProfile {
    /// Every problem of the profile against `rules`.
    pub fn problems(&self, rules: &DuesRules) -> Vec<ProfileProblem> {
        let mut problems = Vec::new();
        if rules.category(&self.category_key).is_none() {
            problems.push(ProfileProblem::UnknownCategory {
                key: self.category_key.clone(),
            });
        }
        for (index, relief) in self.reliefs.iter().enumerate() {
            if relief.to.is_some_and(|to| to < relief.from) {
                problems.push(ProfileProblem::ReliefReversed { relief: index });
                continue;
            }
            let max_months = match &relief.kind {
                ReliefKind::Exempt { ground } => match rules.exemption(ground) {
                    Some(exemption) => exemption.max_months,
                    None => {
                        problems.push(ProfileProblem::UnknownGround {
                            relief: index,
                            ground: ground.clone(),
                        });
                        continue;
                    }
                },
                ReliefKind::Reduced { basis_points } => match &rules.reductions {
                    Some(reductions) if reductions.basis_points.contains(basis_points) => {
                        Some(reductions.max_months)
                    }
                    _ => {
                        problems.push(ProfileProblem::ReductionNotAllowed {
                            relief: index,
                            basis_points: *basis_points,
                        });
                        continue;
                    }
                },
            };
            if let Some(max_months) = max_months {
                let months = relief.months();
                if months.is_none_or(|months| months > max_months) {
                    problems.push(ProfileProblem::ReliefTooLong {
                        relief: index,
                        months,
                        max_months,
                    });
                }
            }
        }
        problems
    }
}
