//! The đảng ủy's overview, as facts: each chi bộ's year ([`chi_bo_year`], the costly part:
//! every meeting scored by the engine with the chi bộ's own framework, never a number
//! typed in a file; and its dues book counted by the dues engine, never a total typed in
//! a file), and the view of a month or quarter over all of them ([`overview`], cheap,
//! recomputed when the period changes).

use chrono::{Datelike, NaiveDate};

use super::preparation::{preparation_year, PreparationMonth};
use super::CollectedChiBo;
use crate::analytics::{
    average_attendance, average_score, year_summary, AttendanceWarning, MeetingLine, RatingCounts, YearSummary,
};
use crate::decimal::Decimal;
use crate::dues::{builtin_rules, year_dues, DuesBook, DuesRules, MonthDues, YearDues};
use crate::framework::{Framework, Rating};
use crate::model::Timestamp;

/// The part of the year the overview is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// A month, 1–12.
    Month(u32),
    /// A quarter, 1–4.
    Quarter(u8),
}

impl Period {
    /// Its months, in order.
    pub fn months(self) -> std::ops::RangeInclusive<u32> {
        match self {
            Period::Month(month) => month.clamp(1, 12)..=month.clamp(1, 12),
            Period::Quarter(quarter) => {
                let first = u32::from(quarter.clamp(1, 4)) * 3 - 2;
                first..=first + 2
            }
        }
    }

    /// The quarter it lies in.
    pub fn quarter(self) -> u8 {
        match self {
            Period::Month(month) => quarter_of_month(month),
            Period::Quarter(quarter) => quarter.clamp(1, 4),
        }
    }

    /// The period the đảng ủy reviews first: the last month that has ended on `today`
    /// (December of the year before, in January), with its year.
    pub fn last_ended(today: NaiveDate) -> (i32, Period) {
        if today.month() == 1 {
            (today.year() - 1, Period::Month(12))
        } else {
            (today.year(), Period::Month(today.month() - 1))
        }
    }
}

fn quarter_of_month(month: u32) -> u8 {
    // 1..=12 → 1..=4; the value always fits.
    u8::try_from((month.clamp(1, 12) - 1) / 3 + 1).unwrap_or(4)
}

/// What is known of a chi bộ's month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MonthStatus {
    /// At least one meeting.
    Held,
    /// No meeting, and the chi bộ's latest file was written after the month ended.
    NotHeld,
    /// No meeting, the month is over, and no file written since it ended has come.
    NoFileYet,
    /// No meeting yet, the month is not over.
    InProgress,
}

/// One month of a chi bộ.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MonthCell {
    /// 1–12.
    pub month: u32,
    /// What is known.
    pub status: MonthStatus,
    /// Its meetings, in date order (scored by the engine). Not kept: the summary's meetings
    /// of the month ([`ChiBoYear::fill_months`]).
    #[serde(skip)]
    pub meetings: Vec<MeetingLine>,
    /// Its dues: paid of expected, the money, who is behind; `None` when the month is not
    /// counted (not ended, before the chi bộ's book started, or no book kept). Not kept: the
    /// summary's dues of the month.
    #[serde(skip)]
    pub dues: Option<MonthDues>,
}

/// A chi bộ's year: the domain's year summary plus the months as the đảng ủy reads them.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ChiBoYear {
    /// The chi bộ's id.
    pub chi_bo_id: String,
    /// Its name.
    pub name: String,
    /// When its latest file was written.
    pub latest_export: Option<Timestamp>,
    /// Days since then, when over the limit ([`super::STALE_AFTER_DAYS`]).
    pub stale_days: Option<i64>,
    /// The year summary (meetings, chuyên đề, ratings, averages, members' attendance).
    pub summary: YearSummary,
    /// January to December.
    pub months: Vec<MonthCell>,
    /// January to December: whether each meeting's notice and documents went out in time.
    /// Left out of the kept years, like the members' attendance rows (see
    /// [`super::figures`]).
    #[serde(skip)]
    pub preparation: Vec<PreparationMonth>,
}

/// So [`overview`] and the sheets take the years as they are held (plain or shared).
impl AsRef<ChiBoYear> for ChiBoYear {
    fn as_ref(&self) -> &ChiBoYear {
        self
    }
}

impl ChiBoYear {
    /// Each month's meetings and dues, from the summary (a kept year stores them once).
    pub(crate) fn fill_months(&mut self) {
        for cell in &mut self.months {
            cell.meetings = self.summary.meetings.iter().filter(|line| line.date.month() == cell.month).cloned().collect();
            cell.dues = self.summary.dues.as_ref().and_then(|dues| dues.month(cell.month)).cloned();
        }
    }

    /// The month's cell (1–12).
    pub fn month(&self, month: u32) -> Option<&MonthCell> {
        self.months.iter().find(|cell| cell.month == month)
    }

    /// The year of the dues book, if the chi bộ keeps one (also in `summary.dues`).
    pub fn dues(&self) -> Option<&YearDues> {
        self.summary.dues.as_ref()
    }

    /// Members with a dues warning this year, in roster order.
    pub fn members_dues_warned(&self) -> Vec<String> {
        self.dues()
            .map(|dues| dues.warnings.iter().map(|warning| warning.name.clone()).collect())
            .unwrap_or_default()
    }

    /// Members with an attendance warning, each once, in roster order.
    pub fn members_warned(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for warning in &self.summary.attendance.warnings {
            let name = match warning {
                AttendanceWarning::LongRunAbsentWithReason { name, .. }
                | AttendanceWarning::RemovalFromRollsToConsider { name, .. } => name,
            };
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
        names
    }
}

/// Computes a chi bộ's year. Its meetings are scored with its own frameworks (those its
/// file carries) before the built-in ones; `now` is the caller's clock.
pub fn chi_bo_year(entry: &CollectedChiBo, builtins: &[Framework], year: i32, now: Timestamp) -> ChiBoYear {
    let own = entry.data.frameworks.iter().map(|custom| &custom.framework);
    let builtins = builtins.iter().filter(|builtin| !entry.data.frameworks.iter().any(|c| c.framework.id == builtin.id));
    let frameworks: Vec<&Framework> = own.chain(builtins).collect();
    let today = now.date_naive();
    let data = &entry.data;
    let summary = year_summary(year, &data.members, &data.meetings, &data.plans, &frameworks, Some(today))
        .with_dues(dues_of(entry, year, today));
    let latest = entry.latest_export();
    let months = (1..=12)
        .map(|month| {
            let held = summary.meetings.iter().any(|line| line.date.month() == month);
            let status = month_status(year, month, held, latest.map(|at| at.date_naive()), today);
            MonthCell { month, status, meetings: Vec::new(), dues: None }
        })
        .collect();
    let mut chi_bo_year = ChiBoYear {
        chi_bo_id: entry.chi_bo_id.clone(),
        name: entry.name().to_owned(),
        latest_export: latest,
        stale_days: entry.stale_days(now),
        summary,
        months,
        preparation: preparation_year(data, year, &frameworks),
    };
    chi_bo_year.fill_months();
    chi_bo_year
}

/// The chi bộ's dues year, counted with the rule its file carries (the committee's), or
/// the built-in one; `None` without a book (no payment recorded).
fn dues_of(entry: &CollectedChiBo, year: i32, today: NaiveDate) -> Option<YearDues> {
    let data = &entry.data;
    if data.dues_payments.is_empty() {
        return None;
    }
    // Parsed only for a chi bộ that keeps a book and carries no rule of its own.
    let builtin: Option<DuesRules> = match &data.dues_rules {
        Some(_) => None,
        None => builtin_rules(),
    };
    let rules = data.dues_rules.as_ref().map(|custom| &custom.rules).or(builtin.as_ref())?;
    let book = DuesBook { profiles: &data.dues_profiles, payments: &data.dues_payments, rules };
    year_dues(year, Some(today), &data.members, &book)
}

fn month_status(year: i32, month: u32, held: bool, latest_file: Option<NaiveDate>, today: NaiveDate) -> MonthStatus {
    if held {
        return MonthStatus::Held;
    }
    let Some(month_end) = first_of_next_month(year, month) else {
        return MonthStatus::InProgress;
    };
    if latest_file.is_some_and(|written| written >= month_end) {
        MonthStatus::NotHeld
    } else if today < month_end {
        MonthStatus::InProgress
    } else {
        MonthStatus::NoFileYet
    }
}

fn first_of_next_month(year: i32, month: u32) -> Option<NaiveDate> {
    if month >= 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
}

/// Why a chi bộ needs the đảng ủy's attention in the period.
#[derive(Clone, Debug, PartialEq)]
pub enum Attention {
    /// A month over without a meeting (its file says so).
    NoMeeting {
        /// 1–12.
        month: u32,
    },
    /// A month over with no file written since.
    NoFile {
        /// 1–12.
        month: u32,
    },
    /// A meeting rated Trung bình or Kém (the official rating: the superior's when it scored).
    LowRating {
        /// The meeting's date.
        date: NaiveDate,
        /// The rating.
        rating: Rating,
    },
    /// Members with attendance warnings this year.
    AttendanceWarnings {
        /// Their names.
        members: Vec<String>,
    },
    /// Members who have not paid a month of the period that has ended.
    DuesBehind {
        /// 1–12.
        month: u32,
        /// Their names.
        members: Vec<String>,
    },
    /// Members with dues warnings this year.
    DuesWarnings {
        /// Their names.
        members: Vec<String>,
    },
    /// A quarter over without a chuyên đề.
    NoThematic {
        /// 1–4.
        quarter: u8,
    },
    /// The latest file is old.
    StaleFile {
        /// Days since it was written.
        days: i64,
    },
}

/// One chi bộ that needs attention, with every reason.
#[derive(Clone, Debug, PartialEq)]
pub struct AttentionLine {
    /// The chi bộ's id.
    pub chi_bo_id: String,
    /// Its name.
    pub name: String,
    /// Why, in this order: meetings, ratings, members, dues, chuyên đề, file.
    pub reasons: Vec<Attention>,
}

/// The whole đảng ủy for a period.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    /// The year.
    pub year: i32,
    /// The period.
    pub period: Period,
    /// Chi bộ in the collection.
    pub chi_bo_count: usize,
    /// Chi bộ with a meeting in every month of the period (ids).
    pub held: Vec<String>,
    /// Chi bộ with a month of the period over and no file since (ids).
    pub not_received: Vec<String>,
    /// The official rating of every meeting in the period.
    pub ratings: RatingCounts,
    /// Average official score of the period's scored meetings (rounded half up to hundredths).
    pub average_score: Option<Decimal>,
    /// Average of the period's meetings' attendance percentages.
    pub average_attendance_percent: Option<f64>,
    /// Chi bộ without a chuyên đề in the period's quarter (so far) (ids).
    pub without_thematic: Vec<String>,
    /// Chi bộ needing attention, in the order of `years`.
    pub attention: Vec<AttentionLine>,
    /// The dues of the period's counted months over the chi bộ that keep a book; `None`
    /// when no month of the period is counted anywhere.
    pub dues: Option<PeriodDues>,
}

/// The dues of a period over the chi bộ: member-months paid of expected, and the money.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PeriodDues {
    /// Chi bộ with at least one month of the period counted.
    pub chi_bo: usize,
    /// Member-months paid (for a month: members who paid).
    pub paid: u32,
    /// Member-months expected.
    pub expected: u32,
    /// Money collected for the period's months, in đồng.
    pub total_dong: u64,
}

impl PeriodDues {
    /// The period's dues over `years`.
    fn of(years: &[&ChiBoYear], period: Period) -> Option<PeriodDues> {
        let mut totals = PeriodDues::default();
        for chi_bo in years {
            let counted: Vec<&MonthDues> = months_in(chi_bo, period).iter().filter_map(|cell| cell.dues.as_ref()).collect();
            if counted.is_empty() {
                continue;
            }
            totals.chi_bo += 1;
            for dues in counted {
                totals.paid = totals.paid.saturating_add(dues.line.paid);
                totals.expected = totals.expected.saturating_add(dues.line.expected);
                totals.total_dong = totals.total_dong.saturating_add(dues.line.total_dong);
            }
        }
        (totals.chi_bo > 0).then_some(totals)
    }
}

/// The overview of `period` over the chi bộ's years (all of the same year).
pub fn overview<Y: AsRef<ChiBoYear>>(years: &[Y], year: i32, period: Period) -> Overview {
    let years: Vec<&ChiBoYear> = years.iter().map(AsRef::as_ref).collect();
    let meetings: Vec<&MeetingLine> = years.iter().flat_map(|chi_bo| months_in(chi_bo, period)).flat_map(|cell| &cell.meetings).collect();
    let mut ratings = RatingCounts::default();
    for line in &meetings {
        ratings.add(line.official().map(|score| score.rating));
    }
    let ids_where = |test: &dyn Fn(&ChiBoYear) -> bool| -> Vec<String> {
        years.iter().filter(|chi_bo| test(chi_bo)).map(|chi_bo| chi_bo.chi_bo_id.clone()).collect()
    };
    let quarter = period.quarter();
    Overview {
        year,
        period,
        chi_bo_count: years.len(),
        held: ids_where(&|chi_bo| months_in(chi_bo, period).iter().all(|cell| cell.status == MonthStatus::Held)),
        not_received: ids_where(&|chi_bo| months_in(chi_bo, period).iter().any(|cell| cell.status == MonthStatus::NoFileYet)),
        ratings,
        average_score: average_score(meetings.iter().copied()),
        average_attendance_percent: average_attendance(meetings.iter().copied()),
        without_thematic: ids_where(&|chi_bo| !chi_bo.summary.quarters_with_thematic.contains(&quarter)),
        attention: years.iter().filter_map(|chi_bo| attention_line(chi_bo, period)).collect(),
        dues: PeriodDues::of(&years, period),
    }
}

fn months_in(chi_bo: &ChiBoYear, period: Period) -> Vec<&MonthCell> {
    chi_bo.months.iter().filter(|cell| period.months().contains(&cell.month)).collect()
}

/// The period's months with members behind, then the year's dues warnings.
fn dues_reasons(chi_bo: &ChiBoYear, period: Period) -> Vec<Attention> {
    let mut reasons: Vec<Attention> = months_in(chi_bo, period)
        .iter()
        .filter_map(|cell| {
            let dues = cell.dues.as_ref().filter(|dues| !dues.behind.is_empty())?;
            let members = dues.behind.iter().map(|member| member.name.clone()).collect();
            Some(Attention::DuesBehind { month: cell.month, members })
        })
        .collect();
    let warned = chi_bo.members_dues_warned();
    if !warned.is_empty() {
        reasons.push(Attention::DuesWarnings { members: warned });
    }
    reasons
}

fn attention_line(chi_bo: &ChiBoYear, period: Period) -> Option<AttentionLine> {
    let mut reasons = Vec::new();
    for cell in months_in(chi_bo, period) {
        match cell.status {
            MonthStatus::NotHeld => reasons.push(Attention::NoMeeting { month: cell.month }),
            MonthStatus::NoFileYet => reasons.push(Attention::NoFile { month: cell.month }),
            MonthStatus::Held | MonthStatus::InProgress => {}
        }
        for line in &cell.meetings {
            if let Some(rating @ (Rating::TrungBinh | Rating::Kem)) = line.official().map(|score| score.rating) {
                reasons.push(Attention::LowRating { date: line.date, rating });
            }
        }
    }
    let members = chi_bo.members_warned();
    if !members.is_empty() {
        reasons.push(Attention::AttendanceWarnings { members });
    }
    reasons.extend(dues_reasons(chi_bo, period));
    let quarter = period.quarter();
    if chi_bo.summary.quarters_missing_thematic.contains(&quarter) {
        reasons.push(Attention::NoThematic { quarter });
    }
    if let Some(days) = chi_bo.stale_days {
        reasons.push(Attention::StaleFile { days });
    }
    (!reasons.is_empty()).then(|| AttentionLine { chi_bo_id: chi_bo.chi_bo_id.clone(), name: chi_bo.name.clone(), reasons })
}
