//! The spreadsheets ([`crate::spreadsheet`]), made here at the edge from the domain's typed
//! records: the đảng ủy's year table (one row per chi bộ and month) and its per-chi bộ
//! summary; the year-end review's year summary (one row per month) and the members'
//! attendance (one row per member). The words — headings and the few labels in cells —
//! are the text layer's.

use super::collection as words;
use super::format::percent_f64_tenths_rounded;
use super::labels::{meeting_kind, rating};
use super::review;
use crate::analytics::{MeetingLine, ScoreLine};
use crate::collection::{Attention, ChiBoYear, MonthCell};
use crate::dues::MonthDues;
use crate::decimal::Ratio;
use crate::review::{MemberYear, YearEvidence};
use crate::spreadsheet::{Cell, Sheet};

/// One row per chi bộ and month (a month's first meeting; the count says when there are more).
pub fn year_table<Y: AsRef<ChiBoYear>>(years: &[Y]) -> Sheet {
    let rows = years
        .iter()
        .map(AsRef::as_ref)
        .flat_map(|chi_bo| chi_bo.months.iter().map(move |cell| month_row(&chi_bo.name, cell)))
        .collect();
    Sheet { header: words::YEAR_TABLE_HEADER.iter().map(|h| (*h).to_owned()).collect(), rows }
}

fn month_row(name: &str, cell: &MonthCell) -> Vec<Cell> {
    let mut row = vec![
        Cell::Text(name.to_owned()),
        Cell::Integer(i64::from(cell.month)),
        Cell::Text(words::month_status(cell.status).to_owned()),
    ];
    match cell.meetings.first() {
        Some(line) => row.extend(meeting_cells(line)),
        None => row.extend(std::iter::repeat_n(Cell::Empty, 8)),
    }
    row.push(Cell::Integer(i64::try_from(cell.meetings.len()).unwrap_or(i64::MAX)));
    row.extend(dues_cells(cell.dues.as_ref()));
    row
}

/// The month's "Đảng phí" cells: the report line, the money (a number Excel sums), the
/// members behind; empty when the month is not counted.
fn dues_cells(dues: Option<&MonthDues>) -> [Cell; 3] {
    let Some(dues) = dues else {
        return [Cell::Empty, Cell::Empty, Cell::Empty];
    };
    let names: Vec<&str> = dues.behind.iter().map(|member| member.name.as_str()).collect();
    [
        Cell::Text(super::dues::report_line(&dues.line)),
        money(dues.line.total_dong),
        if names.is_empty() { Cell::Empty } else { Cell::Text(names.join(", ")) },
    ]
}

fn money(dong: u64) -> Cell {
    Cell::Integer(i64::try_from(dong).unwrap_or(i64::MAX))
}

fn meeting_cells(line: &MeetingLine) -> Vec<Cell> {
    let total = |score: Option<crate::analytics::ScoreLine>| score.map_or(Cell::Empty, |s| Cell::Decimal(s.total));
    let rated = |score: Option<crate::analytics::ScoreLine>| {
        score.map_or(Cell::Empty, |s| Cell::Text(rating(s.rating).to_owned()))
    };
    let difference = match (line.own, line.superior) {
        (Some(own), Some(superior)) => Cell::Decimal(superior.total - own.total),
        _ => Cell::Empty,
    };
    vec![
        Cell::Date(line.date),
        Cell::Text(meeting_kind(line.kind).to_owned()),
        total(line.own),
        rated(line.own),
        total(line.superior),
        rated(line.superior),
        difference,
        line.attendance.map_or(Cell::Empty, |ratio| Cell::PercentTenths(ratio.percent_tenths_rounded())),
    ]
}

/// One row per chi bộ: the year in numbers, and why it needs attention (`attention`, the
/// overview's reasons for it, may be empty).
pub fn summary_table<Y: AsRef<ChiBoYear>>(years: &[Y], attention: &dyn Fn(&str) -> Vec<Attention>) -> Sheet {
    let rows = years.iter().map(AsRef::as_ref).map(|chi_bo| summary_row(chi_bo, &attention(&chi_bo.chi_bo_id))).collect();
    Sheet { header: words::SUMMARY_HEADER.iter().map(|h| (*h).to_owned()).collect(), rows }
}

fn summary_row(chi_bo: &ChiBoYear, reasons: &[Attention]) -> Vec<Cell> {
    let summary = &chi_bo.summary;
    let count = |n: usize| Cell::Integer(i64::try_from(n).unwrap_or(i64::MAX));
    let list = |items: Vec<String>| if items.is_empty() { Cell::Empty } else { Cell::Text(items.join(", ")) };
    let counts = &summary.rating_counts;
    vec![
        Cell::Text(chi_bo.name.clone()),
        chi_bo.latest_export.map_or(Cell::Empty, |at| Cell::Date(at.date_naive())),
        count(summary.months_held.len()),
        list(summary.months_missing.iter().map(u32::to_string).collect()),
        count(summary.quarters_with_thematic.len()),
        list(summary.quarters_missing_thematic.iter().map(u8::to_string).collect()),
        Cell::Integer(i64::from(counts.tot)),
        Cell::Integer(i64::from(counts.kha)),
        Cell::Integer(i64::from(counts.trung_binh)),
        Cell::Integer(i64::from(counts.kem)),
        Cell::Integer(i64::from(counts.unscored)),
        summary.average_score.map_or(Cell::Empty, Cell::Decimal),
        summary.average_attendance_percent.map_or(Cell::Empty, |p| Cell::PercentTenths(percent_f64_tenths_rounded(p))),
        list(chi_bo.members_warned()),
        chi_bo.dues().map_or(Cell::Empty, |dues| money(dues.total_dong)),
        list(chi_bo.members_dues_warned()),
        list(reasons.iter().map(words::attention).collect()),
    ]
}

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
            row.push(Cell::Text(review::cell_no_meeting().to_owned()));
            rows.push(row);
        }
        rows.extend(held.into_iter().map(|line| meeting_row(month, line)));
    }
    rows.push(total_row(
        review::cell_average(),
        summary.average_attendance_percent.map(percent_tenths),
        summary.average_score,
    ));
    Sheet {
        header: review::summary_sheet_header(),
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
        Cell::Text(review::meeting_status(line.status).to_owned()),
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
    percent_f64_tenths_rounded(value)
}

/// One row per member: meetings expected and attended, absences, times spoken, tasks,
/// and the warnings in words.
pub fn attendance_sheet(evidence: &YearEvidence) -> Sheet {
    Sheet {
        header: review::attendance_sheet_header(),
        rows: evidence.members.iter().map(member_row).collect(),
    }
}

fn member_row(member: &MemberYear) -> Vec<Cell> {
    let attendance = &member.attendance;
    let count = |value: u32| Cell::Integer(i64::from(value));
    let rate = attendance
        .rate()
        .map_or(Cell::Empty, |ratio: Ratio| Cell::PercentTenths(ratio.percent_tenths_rounded()));
    let warnings: Vec<String> = member
        .warnings
        .iter()
        .map(|w| w.message())
        .chain(member.dues_warning.iter().map(super::dues::warning))
        .collect();
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
