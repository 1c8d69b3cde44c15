//! The year as spreadsheet tables (written by [`crate::spreadsheet::to_csv`]): the year
//! summary, one row per month, and the members' attendance, one row per member. Headers
//! and the few words in cells come from [`crate::text::review`].

use crate::analytics::{MeetingLine, ScoreLine};
use crate::decimal::Ratio;
use crate::spreadsheet::{Cell, Sheet};
use crate::text::review as text;

use super::{MemberYear, YearEvidence};

/// One row per month (1–12): each meeting of the month on its own row, or one row saying
/// no meeting was held; then a row per average.
pub fn year_summary_sheet(evidence: &YearEvidence) -> Sheet {
    let summary = &evidence.summary;
    let mut rows = Vec::new();
    for month in 1..=12u32 {
        let held: Vec<&MeetingLine> = summary
            .meetings
            .iter()
            .filter(|line| chrono::Datelike::month(&line.date) == month)
            .collect();
        if held.is_empty() {
            let mut row = vec![Cell::Integer(i64::from(month)), Cell::Empty];
            row.push(Cell::Text(text::cell_no_meeting().to_owned()));
            rows.push(row);
        }
        rows.extend(held.into_iter().map(|line| meeting_row(month, line)));
    }
    rows.push(total_row(
        text::cell_average(),
        summary.average_attendance_percent.map(percent_tenths),
        summary.average_score,
    ));
    Sheet {
        header: text::summary_sheet_header(),
        rows,
    }
}

fn meeting_row(month: u32, line: &MeetingLine) -> Vec<Cell> {
    let (present, counted, rate) = match line.attendance {
        Some(ratio) => (
            Cell::Integer(i64::from(ratio.count)),
            Cell::Integer(i64::from(ratio.total)),
            Cell::PercentTenths(ratio.percent_tenths_rounded()),
        ),
        None => (Cell::Empty, Cell::Empty, Cell::Empty),
    };
    let mut row = vec![
        Cell::Integer(i64::from(month)),
        Cell::Date(line.date),
        Cell::Text(line.kind.label().to_owned()),
        Cell::Text(text::meeting_status(line.status).to_owned()),
        present,
        counted,
        rate,
    ];
    row.extend(score_cells(line.own));
    row.extend(score_cells(line.superior));
    row
}

fn score_cells(score: Option<ScoreLine>) -> [Cell; 2] {
    match score {
        Some(score) => [
            Cell::Decimal(score.total),
            Cell::Text(score.rating.label().to_owned()),
        ],
        None => [Cell::Empty, Cell::Empty],
    }
}

fn total_row(
    label: &str,
    attendance: Option<u64>,
    score: Option<crate::Decimal>,
) -> Vec<Cell> {
    vec![
        Cell::Text(label.to_owned()),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        attendance.map_or(Cell::Empty, Cell::PercentTenths),
        score.map_or(Cell::Empty, Cell::Decimal),
    ]
}

/// An average percentage (float) in rounded tenths, as the text module rounds it.
fn percent_tenths(value: f64) -> u64 {
    crate::text::percent_f64_tenths_rounded(value)
}

/// One row per member: meetings expected and attended, absences, times spoken, tasks,
/// and the warnings in words.
pub fn attendance_sheet(evidence: &YearEvidence) -> Sheet {
    Sheet {
        header: text::attendance_sheet_header(),
        rows: evidence.members.iter().map(member_row).collect(),
    }
}

fn member_row(member: &MemberYear) -> Vec<Cell> {
    let attendance = &member.attendance;
    let count = |value: u32| Cell::Integer(i64::from(value));
    let rate = attendance
        .rate()
        .map_or(Cell::Empty, |ratio: Ratio| Cell::PercentTenths(ratio.percent_tenths_rounded()));
    let warnings: Vec<String> = member.warnings.iter().map(|w| w.message()).collect();
    vec![
        Cell::Text(attendance.name.clone()),
        Cell::Text(member.role.label().to_owned()),
        count(attendance.expected),
        count(attendance.present),
        count(attendance.absent_with_reason),
        count(attendance.absent_without_reason),
        count(attendance.unrecorded),
        count(attendance.exempt),
        rate,
        count(attendance.spoke),
        count(member.tasks_assigned()),
        count(member.tasks_done()),
        Cell::Text(warnings.join(" ")),
    ]
}
