//! Tables written for spreadsheets: a CSV file that Excel on a Vietnamese Windows opens by
//! double-click with its diacritics, numbers and columns right.
//!
//! Why CSV by hand and not XLSX or the `csv` crate: an XLSX writer (zip + XML) costs far
//! more wasm than the tables it would carry, and the `csv` crate knows nothing of what
//! makes Excel read a file right, which is all this module is about:
//! - **UTF-8 with a byte-order mark**: without it Excel reads the file as the ANSI code
//!   page and every diacritic is garbled;
//! - **`;` between columns**: a Vietnamese Windows has `,` as its decimal symbol, so its
//!   list separator (what Excel splits a double-clicked CSV on) is `;`;
//! - **decimal comma** (`81,8`), so numbers stay numbers, and dates as `dd/mm/yyyy`, the
//!   locale's short date;
//! - quoting (RFC 4180: a field holding `;`, `"` or a line break is quoted, `"` doubled)
//!   and CRLF line ends;
//! - text from imported files is untrusted: a text cell starting with `=`, `+`, `-` or `@`
//!   would be run as a formula, so it is written with a leading `'`.

use chrono::NaiveDate;

use crate::Decimal;

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text, written as it is (quoted when needed).
    Text(String),
    /// A whole number.
    Integer(i64),
    /// Points or any exact number with up to two decimals, written with a decimal comma.
    Decimal(Decimal),
    /// A percentage in tenths (`818` is 81,8), as from
    /// [`Ratio::percent_tenths_rounded`](crate::Ratio::percent_tenths_rounded).
    PercentTenths(u64),
    /// A day, written `dd/mm/yyyy`.
    Date(NaiveDate),
    /// Nothing.
    Empty,
}

/// A table: one header row, then the rows. Rows shorter than the header are padded with
/// empty cells when written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// Column headings.
    pub header: Vec<String>,
    /// The rows, in order.
    pub rows: Vec<Vec<Cell>>,
}

/// The byte-order mark that tells Excel the file is UTF-8.
pub const BYTE_ORDER_MARK: char = '\u{feff}';
const SEPARATOR: char = ';';
const LINE_END: &str = "\r\n";

/// The whole file, byte-order mark first.
pub fn to_csv(sheet: &Sheet) -> String {
    let mut out = String::new();
    out.push(BYTE_ORDER_MARK);
    let width = sheet
        .rows
        .iter()
        .map(Vec::len)
        .chain([sheet.header.len()])
        .max()
        .unwrap_or(0);
    let header: Vec<Cell> = sheet.header.iter().cloned().map(Cell::Text).collect();
    for row in std::iter::once(&header).chain(&sheet.rows) {
        write_row(&mut out, row, width);
    }
    out
}

fn write_row(out: &mut String, row: &[Cell], width: usize) {
    for column in 0..width {
        if column > 0 {
            out.push(SEPARATOR);
        }
        if let Some(cell) = row.get(column) {
            out.push_str(&field(cell));
        }
    }
    out.push_str(LINE_END);
}

fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => quoted(&defused(text)),
        Cell::Integer(value) => value.to_string(),
        Cell::Decimal(value) => decimal_comma(value.hundredths(), 2),
        Cell::PercentTenths(tenths) => decimal_comma(i64::try_from(*tenths).unwrap_or(i64::MAX), 1),
        Cell::Date(day) => day.format("%d/%m/%Y").to_string(),
        Cell::Empty => String::new(),
    }
}

/// `scaled` divided by 10^`places`, with a decimal comma and no trailing zeros:
/// (8185, 2) → `81,85`; (8180, 2) → `81,8`; (800, 2) → `8`.
fn decimal_comma(scaled: i64, places: u32) -> String {
    let unit = 10i64.pow(places);
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    let whole = magnitude / unit.unsigned_abs();
    let fraction = magnitude % unit.unsigned_abs();
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:0width$}", width = places as usize);
    format!("{sign}{whole},{}", digits.trim_end_matches('0'))
}

fn defused(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

fn quoted(text: &str) -> String {
    if text.contains([SEPARATOR, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_row(cells: Vec<Cell>) -> String {
        let sheet = Sheet { header: vec!["A".into()], rows: vec![cells] };
        let csv = to_csv(&sheet);
        let body = csv.strip_prefix("\u{feff}A").unwrap();
        body.trim_start_matches(';').strip_prefix("\r\n").unwrap().trim_end_matches("\r\n").to_owned()
    }

    #[test]
    fn cells_are_written_for_a_vietnamese_excel() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        let cases: Vec<(Cell, &str)> = vec![
            (Cell::Text("Chi bộ Thôn Đông".into()), "Chi bộ Thôn Đông"),
            (Cell::Text("Lê; Trần".into()), "\"Lê; Trần\""),
            (Cell::Text("nói \"được\"".into()), "\"nói \"\"được\"\"\""),
            (Cell::Text("hai\ndòng".into()), "\"hai\ndòng\""),
            (Cell::Text("=HYPERLINK(\"x\")".into()), "\"'=HYPERLINK(\"\"x\"\")\""),
            (Cell::Text("-1".into()), "'-1"),
            (Cell::Text("@x".into()), "'@x"),
            (Cell::Integer(-12), "-12"),
            (Cell::Decimal(Decimal::from_hundredths(8185)), "81,85"),
            (Cell::Decimal(Decimal::from_hundredths(8180)), "81,8"),
            (Cell::Decimal(Decimal::from_int(95)), "95"),
            (Cell::Decimal(Decimal::from_hundredths(-250)), "-2,5"),
            (Cell::Decimal(Decimal::from_hundredths(5)), "0,05"),
            (Cell::PercentTenths(818), "81,8"),
            (Cell::PercentTenths(1000), "100"),
            (Cell::PercentTenths(5), "0,5"),
            (Cell::Date(day), "05/03/2026"),
            (Cell::Empty, ""),
        ];
        for (cell, expected) in cases {
            assert_eq!(one_row(vec![cell.clone()]), expected, "{cell:?}");
        }
    }

    #[test]
    fn the_file_has_a_bom_crlf_and_padded_rows() {
        let sheet = Sheet {
            header: vec!["Chi bộ".into(), "Điểm".into(), "Xếp loại".into()],
            rows: vec![
                vec![Cell::Text("Thôn 1".into()), Cell::Decimal(Decimal::from_int(90))],
                vec![Cell::Text("Thôn 2".into()), Cell::Empty, Cell::Text("Khá".into())],
            ],
        };
        assert_eq!(
            to_csv(&sheet),
            "\u{feff}Chi bộ;Điểm;Xếp loại\r\nThôn 1;90;\r\nThôn 2;;Khá\r\n"
        );
    }

    #[test]
    fn an_empty_sheet_is_just_the_mark_and_header() {
        assert_eq!(to_csv(&Sheet::default()), "\u{feff}\r\n");
    }
}
