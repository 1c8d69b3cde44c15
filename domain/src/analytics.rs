//! A year at a glance: each member's attendance, the warnings the rules call for, and the
//! year summary a chi bộ uses as evidence for its annual review (never an automatic
//! annual grade: no central formula turns monthly scores into the annual rating).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::decimal::{Decimal, Ratio};
use crate::dues::YearDues;
use crate::framework::{Framework, Rating};
use crate::model::{Attendance, Meeting, MeetingKind, MeetingStatus, Member};
use crate::preparation::MeetingPlan;
use crate::scoring::{attendance_facts, score_sheet, standing, Standing};

/// HD 12: nobody absent with reason more than this many times in a row in the year.
pub const MAX_CONSECUTIVE_ABSENCES_WITH_REASON: u32 = 3;

/// Điều lệ Đảng: a member who skips party activity this many months in a year without good
/// reason is considered by the chi bộ for removal from the rolls (the app only warns; the
/// clause number was not verified, so no text names it).
pub const MONTHS_WITHOUT_REASON_FOR_REVIEW: usize = 3;

/// One member's attendance over a year. Meetings where the member was not in the chi bộ
/// or was exempt are not counted at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberYearAttendance {
    /// Member id.
    pub member_id: String,
    /// Name.
    pub name: String,
    /// Meetings the member was expected at.
    pub expected: u32,
    /// Present.
    pub present: u32,
    /// Absent with reason.
    pub absent_with_reason: u32,
    /// Absent without reason.
    pub absent_without_reason: u32,
    /// Expected but nothing recorded.
    pub unrecorded: u32,
    /// Meetings at which the member was exempt.
    pub exempt: u32,
    /// Longest run of consecutive absences with reason.
    pub longest_run_absent_with_reason: u32,
    /// Months (1–12) with an absence without reason.
    pub months_absent_without_reason: Vec<u32>,
    /// Dates of the meetings missed with reason, in order.
    pub absent_with_reason_on: Vec<NaiveDate>,
    /// Dates of the meetings missed without reason, in order.
    pub absent_without_reason_on: Vec<NaiveDate>,
    /// Meetings at which the member was present and is recorded as speaking.
    pub spoke: u32,
}

impl MemberYearAttendance {
    /// Present out of expected, if the member was expected at any meeting.
    pub fn rate(&self) -> Option<Ratio> {
        Ratio::new(self.present, self.expected)
    }

}

/// A warning to consider. Never a decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
// Externally tagged (serde's default), not internally: the kept years
// (`collection::figures`) are written in postcard, which cannot read a tag inside a map.
// No file or record stores a warning.
#[serde(rename_all = "snake_case")]
pub enum AttendanceWarning {
    /// "Vắng có lý do quá 3 lần liên tiếp trong năm".
    LongRunAbsentWithReason {
        /// Member id.
        member_id: String,
        /// Name.
        name: String,
        /// Length of the longest run.
        run: u32,
    },
    /// Absent without reason in [`MONTHS_WITHOUT_REASON_FOR_REVIEW`] or more months of the
    /// year: under the Điều lệ Đảng the chi bộ *considers* removing the member from the rolls
    /// (xóa tên). A matter for the chi bộ to consider, never a decision.
    RemovalFromRollsToConsider {
        /// Member id.
        member_id: String,
        /// Name.
        name: String,
        /// The months (1–12).
        months: Vec<u32>,
    },
}


/// Attendance over a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearAttendance {
    /// The year.
    pub year: i32,
    /// Members who belonged to the chi bộ at some meeting of the year, roster order. Left out
    /// of the đảng ủy's kept years (`collection::figures`), which its overview reads: a chi
    /// bộ's own page computes them from its records.
    #[serde(skip)]
    pub members: Vec<MemberYearAttendance>,
    /// Warnings, member by member.
    pub warnings: Vec<AttendanceWarning>,
}

/// The meetings of a year in chronological order.
pub fn meetings_of_year(year: i32, meetings: &[Meeting]) -> Vec<&Meeting> {
    let mut of_year: Vec<&Meeting> = meetings
        .iter()
        .filter(|meeting| meeting.date.year() == year)
        .collect();
    of_year.sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
    of_year
}

/// Each member's attendance over `year` and the warnings. `meetings` may hold other years.
pub fn year_attendance(year: i32, roster: &[Member], meetings: &[Meeting]) -> YearAttendance {
    let of_year = meetings_of_year(year, meetings);
    let members: Vec<MemberYearAttendance> = roster
        .iter()
        .filter(|member| {
            of_year
                .iter()
                .any(|meeting| member.is_active_on(meeting.date))
        })
        .map(|member| member_year(member, &of_year))
        .collect();
    let warnings = members.iter().flat_map(warnings_for).collect();
    YearAttendance {
        year,
        members,
        warnings,
    }
}

fn member_year(member: &Member, meetings: &[&Meeting]) -> MemberYearAttendance {
    let mut record = MemberYearAttendance {
        member_id: member.id.clone(),
        name: member.name.clone(),
        expected: 0,
        present: 0,
        absent_with_reason: 0,
        absent_without_reason: 0,
        unrecorded: 0,
        exempt: 0,
        longest_run_absent_with_reason: crate::scoring::longest_run_absent_with_reason(
            member, meetings,
        ),
        months_absent_without_reason: Vec::new(),
        absent_with_reason_on: Vec::new(),
        absent_without_reason_on: Vec::new(),
        spoke: 0,
    };
    let mut months_without_reason = BTreeSet::new();
    for meeting in meetings {
        match standing(member, meeting) {
            Standing::NotMember => {}
            Standing::Exempt => record.exempt += 1,
            Standing::Counted(recorded) => {
                record.expected += 1;
                // Only when present: a speaker list copied from another meeting may name
                // someone absent.
                let spoke = meeting.speakers.iter().any(|id| *id == member.id);
                if spoke && matches!(recorded, Some(Attendance::Present)) {
                    record.spoke += 1;
                }
                match recorded {
                    Some(Attendance::Present) => record.present += 1,
                    Some(Attendance::AbsentWithReason { .. }) => {
                        record.absent_with_reason += 1;
                        record.absent_with_reason_on.push(meeting.date);
                    }
                    Some(Attendance::AbsentWithoutReason) => {
                        record.absent_without_reason += 1;
                        record.absent_without_reason_on.push(meeting.date);
                        months_without_reason.insert(meeting.date.month());
                    }
                    Some(Attendance::Exempt) | None => record.unrecorded += 1,
                }
            }
        }
    }
    record.months_absent_without_reason = months_without_reason.into_iter().collect();
    record
}

fn warnings_for(record: &MemberYearAttendance) -> Vec<AttendanceWarning> {
    let mut warnings = Vec::new();
    if record.longest_run_absent_with_reason > MAX_CONSECUTIVE_ABSENCES_WITH_REASON {
        warnings.push(AttendanceWarning::LongRunAbsentWithReason {
            member_id: record.member_id.clone(),
            name: record.name.clone(),
            run: record.longest_run_absent_with_reason,
        });
    }
    if record.months_absent_without_reason.len() >= MONTHS_WITHOUT_REASON_FOR_REVIEW {
        warnings.push(AttendanceWarning::RemovalFromRollsToConsider {
            member_id: record.member_id.clone(),
            name: record.name.clone(),
            months: record.months_absent_without_reason.clone(),
        });
    }
    warnings
}

/// A sheet's result, in short.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreLine {
    /// Total.
    pub total: Decimal,
    /// Maximum.
    pub max: Decimal,
    /// Rating after guards.
    pub rating: Rating,
}

/// One meeting in the year summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingLine {
    /// Meeting id.
    pub meeting_id: String,
    /// Date.
    pub date: NaiveDate,
    /// Kind.
    pub kind: MeetingKind,
    /// Draft or finalised.
    pub status: MeetingStatus,
    /// Present out of counted.
    pub attendance: Option<Ratio>,
    /// The chi bộ's own score (None when its framework is not loaded).
    pub own: Option<ScoreLine>,
    /// The superior committee's score, if it scored.
    pub superior: Option<ScoreLine>,
}

impl MeetingLine {
    /// The score that counts: the superior committee's when it scored (it decides the
    /// official rating), otherwise the chi bộ's own.
    pub fn official(&self) -> Option<ScoreLine> {
        self.superior.or(self.own)
    }
}

/// Number of meetings with each rating.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingCounts {
    /// Tốt.
    pub tot: u32,
    /// Khá.
    pub kha: u32,
    /// Trung bình.
    pub trung_binh: u32,
    /// Kém.
    pub kem: u32,
    /// Not scored (framework not loaded).
    pub unscored: u32,
}

impl RatingCounts {
    /// The count of a rating.
    pub fn of(&self, rating: Rating) -> u32 {
        match rating {
            Rating::Tot => self.tot,
            Rating::Kha => self.kha,
            Rating::TrungBinh => self.trung_binh,
            Rating::Kem => self.kem,
        }
    }

    pub(crate) fn add(&mut self, rating: Option<Rating>) {
        match rating {
            Some(Rating::Tot) => self.tot += 1,
            Some(Rating::Kha) => self.kha += 1,
            Some(Rating::TrungBinh) => self.trung_binh += 1,
            Some(Rating::Kem) => self.kem += 1,
            None => self.unscored += 1,
        }
    }
}

/// The year summary (§3 of the domain reference): evidence for the annual review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearSummary {
    /// The year.
    pub year: i32,
    /// Months (1–12) with at least one meeting.
    pub months_held: Vec<u32>,
    /// Elapsed months without a meeting.
    pub months_missing: Vec<u32>,
    /// Chuyên đề and kết hợp meetings.
    pub thematic_meetings: u32,
    /// Quarters (1–4) with a chuyên đề (a kết hợp meeting counts).
    pub quarters_with_thematic: Vec<u8>,
    /// Elapsed quarters without one.
    pub quarters_missing_thematic: Vec<u8>,
    /// Each meeting.
    pub meetings: Vec<MeetingLine>,
    /// Meetings per official rating.
    pub rating_counts: RatingCounts,
    /// Average official score of the scored meetings.
    pub average_score: Option<Decimal>,
    /// Average of the meetings' attendance percentages.
    pub average_attendance_percent: Option<f64>,
    /// The previous resolutions' tasks checked at the year's meetings: done out of checked
    /// (`None` when no meeting checked any).
    pub resolution_tasks_done: Option<Ratio>,
    /// Members' attendance and warnings.
    pub attendance: YearAttendance,
    /// The year of the dues book, with its warnings, when the caller gave it
    /// ([`YearSummary::with_dues`]); `None` from [`year_summary`] alone, and for a chi bộ
    /// that keeps no dues book.
    /// (Always written: a field left out cannot be read back in the kept years' binary form.)
    #[serde(default)]
    pub dues: Option<YearDues>,
}

impl YearSummary {
    /// The summary with the year of the dues book (`crate::dues::year_dues`, for the same
    /// year and `as_of`), so its warnings stand beside the attendance warnings.
    pub fn with_dues(mut self, dues: Option<YearDues>) -> YearSummary {
        self.dues = dues;
        self
    }
}


/// Builds the year summary. Each meeting is scored with the framework its sheet names
/// (looked up in `frameworks`), its preparation criteria from its plan (in `plans`);
/// `as_of` (the caller's today) keeps months and quarters that have not ended yet out of
/// the "missing" lists; `None` treats the year as over.
pub fn year_summary(
    year: i32,
    roster: &[Member],
    meetings: &[Meeting],
    plans: &[MeetingPlan],
    frameworks: &[&Framework],
    as_of: Option<NaiveDate>,
) -> YearSummary {
    let of_year = meetings_of_year(year, meetings);
    let records = Records { roster, meetings, plans };
    let lines: Vec<MeetingLine> = of_year
        .iter()
        .map(|meeting| meeting_line(meeting, &records, frameworks))
        .collect();

    let months_held: Vec<u32> = of_year
        .iter()
        .map(|meeting| meeting.date.month())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let elapsed_months = elapsed_months(year, as_of);
    let months_missing = (1..=elapsed_months)
        .filter(|month| !months_held.contains(month))
        .collect();

    let thematic: Vec<&&Meeting> = of_year
        .iter()
        .filter(|meeting| meeting.kind.includes_thematic())
        .collect();
    let quarters_with_thematic: Vec<u8> = thematic
        .iter()
        .map(|meeting| quarter_of(meeting.date))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let quarters_missing_thematic = (1..=4u8)
        .filter(|quarter| u32::from(*quarter) * 3 <= elapsed_months)
        .filter(|quarter| !quarters_with_thematic.contains(quarter))
        .collect();

    let mut rating_counts = RatingCounts::default();
    for line in &lines {
        rating_counts.add(line.official().map(|score| score.rating));
    }
    YearSummary {
        year,
        months_held,
        months_missing,
        thematic_meetings: u32::try_from(thematic.len()).unwrap_or(u32::MAX),
        quarters_with_thematic,
        quarters_missing_thematic,
        average_score: average_score(&lines),
        average_attendance_percent: average_attendance(&lines),
        resolution_tasks_done: resolution_tasks_done(&of_year),
        rating_counts,
        meetings: lines,
        attendance: year_attendance(year, roster, meetings),
        dues: None,
    }
}

/// The chi bộ's records a meeting is scored against.
struct Records<'a> {
    roster: &'a [Member],
    meetings: &'a [Meeting],
    plans: &'a [MeetingPlan],
}

fn meeting_line(meeting: &Meeting, records: &Records<'_>, frameworks: &[&Framework]) -> MeetingLine {
    let roster = records.roster;
    let score_with = |sheet: &crate::model::ScoreSheet| {
        let framework = frameworks
            .iter()
            .copied()
            .find(|framework| framework.id == sheet.framework_id)?;
        let score = score_sheet(framework, meeting, sheet, roster, records.meetings, records.plans);
        Some(ScoreLine {
            total: score.total,
            max: score.max,
            rating: score.rating,
        })
    };
    MeetingLine {
        meeting_id: meeting.id.clone(),
        date: meeting.date,
        kind: meeting.kind,
        status: meeting.status,
        attendance: attendance_facts(meeting, roster).rate(),
        own: score_with(&meeting.own_sheet),
        superior: meeting.superior_sheet.as_ref().and_then(score_with),
    }
}

/// Months of `year` that have fully ended by `as_of` (12 when `as_of` is None or later).
fn elapsed_months(year: i32, as_of: Option<NaiveDate>) -> u32 {
    match as_of {
        None => 12,
        Some(today) if today.year() > year => 12,
        Some(today) if today.year() < year => 0,
        Some(today) => today.month() - 1,
    }
}

fn quarter_of(date: NaiveDate) -> u8 {
    // month 1..=12 → quarter 1..=4; the cast cannot truncate.
    ((date.month() - 1) / 3 + 1) as u8
}

pub(crate) fn average_score<'a>(lines: impl IntoIterator<Item = &'a MeetingLine>) -> Option<Decimal> {
    let totals: Vec<Decimal> = lines
        .into_iter()
        .filter_map(|line| line.official())
        .map(|score| score.total)
        .collect();
    let count = i64::try_from(totals.len())
        .ok()
        .filter(|count| *count > 0)?;
    let sum = Decimal::sum(totals).hundredths();
    // Round half up to the nearest hundredth.
    Some(Decimal::from_hundredths((sum * 2 + count) / (count * 2)))
}

/// Done out of checked over the previous-resolution tasks of `meetings`.
fn resolution_tasks_done(meetings: &[&Meeting]) -> Option<Ratio> {
    let tasks = meetings.iter().flat_map(|meeting| &meeting.previous_tasks);
    let (done, checked) = tasks.fold((0u32, 0u32), |(done, checked), task| {
        (done + u32::from(task.done), checked + 1)
    });
    Ratio::new(done, checked)
}

pub(crate) fn average_attendance<'a>(lines: impl IntoIterator<Item = &'a MeetingLine>) -> Option<f64> {
    let rates: Vec<f64> = lines
        .into_iter()
        .filter_map(|line| line.attendance)
        .map(Ratio::percent_f64)
        .collect();
    (!rates.is_empty()).then(|| rates.iter().sum::<f64>() / rates.len() as f64)
}
