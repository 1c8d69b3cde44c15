//! The collection as spreadsheets ([`crate::spreadsheet`]): the year table, one row per
//! chi bộ and month, and the per-chi bộ summary.

use super::overview::{Attention, ChiBoYear, MonthCell};
use crate::analytics::MeetingLine;
use crate::spreadsheet::{Cell, Sheet};
use crate::text::{self, collection as words};

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
    row
}

fn meeting_cells(line: &MeetingLine) -> Vec<Cell> {
    let total = |score: Option<crate::analytics::ScoreLine>| score.map_or(Cell::Empty, |s| Cell::Decimal(s.total));
    let rated = |score: Option<crate::analytics::ScoreLine>| {
        score.map_or(Cell::Empty, |s| Cell::Text(text::rating(s.rating).to_owned()))
    };
    let difference = match (line.own, line.superior) {
        (Some(own), Some(superior)) => Cell::Decimal(superior.total - own.total),
        _ => Cell::Empty,
    };
    vec![
        Cell::Date(line.date),
        Cell::Text(text::meeting_kind(line.kind).to_owned()),
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
        summary.average_attendance_percent.map_or(Cell::Empty, |p| Cell::PercentTenths(text::percent_f64_tenths_rounded(p))),
        list(chi_bo.members_warned()),
        list(reasons.iter().map(words::attention).collect()),
    ]
}
