//! The dues book's words ([`crate::dues`]): money, the report line, statuses, the rule's
//! provenance and its problems, the warning, and the month's and the year's dues sheets
//! (money as [`Cell::Integer`], whole đồng, so a spreadsheet sums it). The dues code never
//! calls these; the app does.
//!
//! Money is whole đồng with the Vietnamese thousands separator: "1.240.000 đ".

use std::fmt;

use super::format::{date, grouped, months};
use crate::spreadsheet::{Cell, Sheet};
use crate::dues::rules::{CategoryKind, DuesCategory, DuesRules, SuggestedAmount, Suggestion, SuggestionIssue};
use crate::dues::book::{MonthCell, YearBook};
use crate::dues::summary::{MonthDues, YearDues};
use crate::dues::{
    DuesRuleLoadError, DuesRuleProblem, DuesWarning, MonthBook, PaidBy, PaymentProblem, PaymentWay,
    ProblemKind, ProfileProblem, ReportLine, RowStatus, RulePlace, ShareFact, StrayPayment, StrayReason,
    YearMonth,
};

/// The mark next to what public sources did not confirm.
pub const UNCONFIRMED: &str = "chưa đối chiếu được";

// ---------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------

/// "1.240.000 đ", "0 đ".
pub fn money(dong: u64) -> String {
    format!("{} đ", grouped(&dong.to_string()))
}

/// A percentage in basis points: 100 → "1%", 30 → "0,3%", 3000 → "30%", 125 → "1,25%".
pub fn basis_points(value: u32) -> String {
    let whole = value / 100;
    let fraction = value % 100;
    if fraction == 0 {
        format!("{whole}%")
    } else {
        let digits = format!("{fraction:02}");
        format!("{whole},{}%", digits.trim_end_matches('0'))
    }
}

/// "tháng 3/2026".
pub fn month(value: YearMonth) -> String {
    format!("tháng {}/{}", value.month(), value.year())
}

// ---------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------

/// A way to pay.
pub fn payment_way(way: PaymentWay) -> &'static str {
    match way {
        PaymentWay::Cash => "Tiền mặt nộp chi bộ",
        PaymentWay::Portal => "Cổng Dịch vụ công Quốc gia",
    }
}

/// How a month was paid, in short.
pub fn paid_by(by: PaidBy) -> &'static str {
    match by {
        PaidBy::Cash => "Tiền mặt",
        PaidBy::Portal => "Qua Cổng DVC",
        PaidBy::Both => "Cả tiền mặt và Cổng DVC",
    }
}

/// A row's standing.
pub fn row_status(status: RowStatus) -> &'static str {
    match status {
        RowStatus::Paid => "Đã đóng",
        RowStatus::Unpaid => "Chưa đóng",
        RowStatus::Exempt => "Miễn đóng",
    }
}

/// How a category's amount is set.
pub fn category_kind(kind: CategoryKind) -> &'static str {
    match kind {
        CategoryKind::PercentOfBase => "tỷ lệ phần trăm",
        CategoryKind::Fixed => "số tiền cố định",
        CategoryKind::Range => "số tiền trong khoảng",
    }
}

/// What a category pays: "1% tiền lương làm căn cứ …", "5.000 đ/tháng",
/// "từ 30.000 đ đến 400.000 đ/tháng".
pub fn category_amount(category: &DuesCategory) -> String {
    match category.kind {
        CategoryKind::PercentOfBase => format!(
            "{} {}",
            basis_points(category.percent_basis_points.unwrap_or(0)),
            category.base
        ),
        CategoryKind::Fixed => format!("{}/tháng", money(category.amount_dong.unwrap_or(0))),
        CategoryKind::Range => format!(
            "từ {} đến {}/tháng, mức cụ thể theo hướng dẫn",
            money(category.min_dong.unwrap_or(0)),
            money(category.max_dong.unwrap_or(0))
        ),
    }
}

/// A category as a list shows it: "label: amount", with the period when it has one and
/// "(chưa đối chiếu được)" when the sources did not confirm it.
pub fn category_line(category: &DuesCategory) -> String {
    let mut line = format!("{}: {}", category.label, category_amount(category));
    match (category.valid_from, category.valid_to) {
        (Some(from), Some(to)) => line.push_str(&format!(" (từ {} đến {})", date(from), date(to))),
        (Some(from), None) => line.push_str(&format!(" (từ {})", date(from))),
        (None, Some(to)) => line.push_str(&format!(" (đến {})", date(to))),
        (None, None) => {}
    }
    if !category.confirmed {
        line.push_str(&format!(" ({UNCONFIRMED})"));
    }
    line
}

/// Where the rule comes from, one line each.
pub fn rule_provenance(rules: &DuesRules) -> Vec<String> {
    let basis = &rules.basis;
    let mut lines = vec![format!(
        "Căn cứ: {} ({}), {}, ngày {}.",
        basis.document,
        basis.number,
        basis.issuer,
        date(basis.date)
    )];
    if !basis.note.trim().is_empty() {
        lines.push(basis.note.clone());
    }
    let mark = if rules.effective_from_confirmed {
        String::new()
    } else {
        format!(" ({UNCONFIRMED})")
    };
    lines.push(format!("Áp dụng từ {}{mark}.", date(rules.effective_from)));
    lines.push(format!("Đối chiếu nguồn công khai ngày {}.", date(rules.checked_on)));
    lines.push("Có thể đã có văn bản mới hơn; đối chiếu với hướng dẫn của cấp ủy cấp trên.".to_owned());
    lines
}

// ---------------------------------------------------------------------------------------
// The book
// ---------------------------------------------------------------------------------------

/// The report line for the meeting's opening: "Đã thu 36/40 đồng chí, 1.240.000 đ".
pub fn report_line(line: &ReportLine) -> String {
    format!("Đã thu {}/{} đồng chí, {}", line.paid, line.expected, money(line.total_dong))
}

/// The chi bộ's share, or that it follows the superior committee's notice.
pub fn share(fact: &ShareFact) -> String {
    match fact {
        ShareFact::Known {
            basis_points: kept,
            kept_dong,
            sent_dong,
        } => format!(
            "Chi bộ được để lại {}: {}; nộp lên cấp trên: {}.",
            basis_points(*kept),
            money(*kept_dong),
            money(*sent_dong)
        ),
        ShareFact::FollowsSuperiorNotice => "Phần chi bộ được để lại và phần nộp lên cấp trên: theo thông báo của cấp ủy cấp trên (quy định đang dùng không ghi tỷ lệ). Sổ chỉ ghi tổng số đã thu.".to_owned(),
    }
}

/// The month's money by way: "Tiền mặt: 840.000 đ; qua Cổng DVC: 400.000 đ".
pub fn by_way(book: &MonthBook) -> String {
    format!(
        "Tiền mặt: {}; qua Cổng Dịch vụ công Quốc gia: {}",
        money(book.cash_dong),
        money(book.portal_dong)
    )
}

/// Who has not paid: "Chưa đóng: Nguyễn Văn An, Trần Thị Bình", or `None`.
pub fn behind(book: &MonthBook) -> Option<String> {
    (!book.behind.is_empty()).then(|| {
        let names: Vec<&str> = book.behind.iter().map(|member| member.name.as_str()).collect();
        format!("Chưa đóng: {}", names.join(", "))
    })
}

/// Members recorded as paying both ways, to check, or `None`.
pub fn paid_two_ways(book: &MonthBook) -> Option<String> {
    (!book.paid_two_ways.is_empty()).then(|| {
        let names: Vec<&str> = book.paid_two_ways.iter().map(|member| member.name.as_str()).collect();
        format!(
            "Ghi nhận đóng cả tiền mặt và qua Cổng Dịch vụ công trong {}: {}. Chỉ tính một lần là đã đóng; chi bộ kiểm tra lại có trùng không.",
            month(book.month),
            names.join(", ")
        )
    })
}

/// A payment the book could not place.
pub fn stray(payment: &StrayPayment) -> String {
    let who = payment.name.clone().unwrap_or_else(|| format!("mã {}", payment.member_id));
    match payment.reason {
        StrayReason::UnknownMember => format!(
            "Khoản đóng {} của đảng viên {who} không có trong danh sách: chưa tính vào sổ.",
            money(payment.amount_dong)
        ),
        StrayReason::NotMemberThatMonth => format!(
            "Khoản đóng {} của đồng chí {who} cho tháng đồng chí chưa vào hoặc đã rời chi bộ: chưa tính vào sổ.",
            money(payment.amount_dong)
        ),
    }
}

/// The warning: months without dues recorded, for the chi bộ to consider.
pub fn warning(value: &DuesWarning) -> String {
    let count = value.months.len();
    let run = if value.consecutive {
        format!(", có {} tháng liên tiếp", value.longest_run)
    } else {
        String::new()
    };
    let rule = if value.consecutive {
        format!("{} tháng liên tiếp trong năm", value.threshold)
    } else {
        format!("{} tháng trong năm", value.threshold)
    };
    let mut text = format!(
        "Đồng chí {}: chưa ghi nhận đóng đảng phí {count} tháng trong năm {} ({}{run}). Đảng viên không đóng đảng phí {rule} mà không có lý do chính đáng thì chi bộ xem xét, đề nghị cấp ủy có thẩm quyền quyết định xóa tên. Đây là thông tin để chi bộ xem xét (có lý do chính đáng hay không), không phải kết luận của ứng dụng.",
        value.name,
        value.year,
        months(&value.months)
    );
    if !value.activity_exempt_months.is_empty() {
        text.push_str(&format!(
            " Trong {}, đồng chí được miễn công tác và sinh hoạt đảng.",
            months(&value.activity_exempt_months)
        ));
    }
    if !value.basis.trim().is_empty() {
        text.push_str(&format!(" Căn cứ: {}.", value.basis.trim_end_matches('.')));
    }
    text
}

/// The year's dues in one line, for the year summary: "Đảng phí từ tháng 1/2026 đến
/// tháng 11/2026: đã thu 12.340.000 đ."
pub fn year_line(dues: &YearDues) -> String {
    let period = if dues.from == dues.through {
        month(dues.from)
    } else {
        format!("từ {} đến {}", month(dues.from), month(dues.through))
    };
    format!("Đảng phí {period}: đã thu {}.", money(dues.total_dong))
}

/// The year's dues as the year summary shows them: the line, then each warning.
pub fn year_lines(dues: &YearDues) -> Vec<String> {
    std::iter::once(year_line(dues)).chain(dues.warnings.iter().map(warning)).collect()
}

/// A month of the book in short, as the đảng ủy reads it: "Đã thu 36/40 đồng chí,
/// 1.240.000 đ; chưa đóng: Nguyễn Văn An, Trần Thị Bình".
pub fn month_dues(dues: &MonthDues) -> String {
    let line = report_line(&dues.line);
    if dues.behind.is_empty() {
        return line;
    }
    let names: Vec<&str> = dues.behind.iter().map(|member| member.name.as_str()).collect();
    format!("{line}; chưa đóng: {}", names.join(", "))
}

// ---------------------------------------------------------------------------------------
// Suggestions, records
// ---------------------------------------------------------------------------------------

/// A suggested amount: "1% × 4.500.000 đ = 45.000 đ", "5.000 đ", with
/// "(chưa đối chiếu được)" when unconfirmed.
pub fn suggestion(value: &Suggestion) -> String {
    let mut text = match value.amount {
        SuggestedAmount::Computed {
            amount_dong,
            base_dong,
            basis_points: rate,
            rounded,
        } => {
            let rounded = if rounded { " (làm tròn đến đồng)" } else { "" };
            format!("{} × {} = {}{rounded}", basis_points(rate), money(base_dong), money(amount_dong))
        }
        SuggestedAmount::Fixed { amount_dong } => money(amount_dong),
        SuggestedAmount::WithinRange { min_dong, max_dong } => format!(
            "Trong khoảng {} đến {}; chi bộ nhập số tiền theo hướng dẫn",
            money(min_dong),
            money(max_dong)
        ),
    };
    if !value.confirmed {
        text.push_str(&format!(" ({UNCONFIRMED})"));
    }
    text
}

/// Why no amount can be suggested.
pub fn suggestion_issue(issue: &SuggestionIssue) -> String {
    match issue {
        SuggestionIssue::UnknownCategory { key } => format!("Quy định đang dùng không có loại đảng viên «{key}»."),
        SuggestionIssue::RuleNotInEffect { effective_from } => {
            format!("Quy định đang dùng áp dụng từ {}; tháng này chưa áp dụng.", date(*effective_from))
        }
        SuggestionIssue::CategoryNotInEffect { key, valid_from, valid_to } => {
            let period = match (valid_from, valid_to) {
                (Some(from), Some(to)) => format!("từ {} đến {}", date(*from), date(*to)),
                (Some(from), None) => format!("từ {}", date(*from)),
                (None, Some(to)) => format!("đến {}", date(*to)),
                (None, None) => "không ghi thời hạn".to_owned(),
            };
            format!("Loại «{key}» chỉ áp dụng {period}; tháng này không có mức tương ứng.")
        }
        SuggestionIssue::NeedsBase { .. } => "Cần nhập số tiền làm căn cứ (tiền lương, lương hưu, trợ cấp) để tính mức đóng.".to_owned(),
        SuggestionIssue::NeedsRegion { .. } => "Cần chọn vùng lương tối thiểu nơi đảng viên sinh hoạt đảng để tính mức đóng.".to_owned(),
        SuggestionIssue::UnknownRegion { region } => format!("Quy định đang dùng không có vùng «{region}»."),
        SuggestionIssue::WagesNotInEffect { effective_from } => {
            format!("Bảng lương tối thiểu vùng trong quy định áp dụng từ {}.", date(*effective_from))
        }
        SuggestionIssue::Incomplete { key } => format!("Loại «{key}» thiếu số liệu để tính mức đóng."),
    }
}

/// A payment record's problem.
pub fn payment_problem(problem: PaymentProblem) -> &'static str {
    match problem {
        PaymentProblem::ZeroAmount => "Số tiền phải lớn hơn 0 đ.",
        PaymentProblem::NoMonthCovered => "Số tháng đóng phải từ 1 trở lên.",
        PaymentProblem::BeyondCalendar => "Số tháng đóng quá lớn.",
    }
}

/// A dues profile's problem against the rule.
pub fn profile_problem(problem: &ProfileProblem) -> String {
    match problem {
        ProfileProblem::UnknownCategory { key } => format!("Quy định đang dùng không có loại đảng viên «{key}»."),
        ProfileProblem::UnknownGround { relief, ground } => format!(
            "Khoảng miễn, giảm thứ {}: quy định đang dùng không có trường hợp miễn «{ground}».",
            relief + 1
        ),
        ProfileProblem::ReductionNotAllowed { relief, basis_points: rate } => format!(
            "Khoảng miễn, giảm thứ {}: quy định đang dùng không có mức giảm {}.",
            relief + 1,
            basis_points(*rate)
        ),
        ProfileProblem::ReliefReversed { relief } => {
            format!("Khoảng miễn, giảm thứ {}: tháng kết thúc trước tháng bắt đầu.", relief + 1)
        }
        ProfileProblem::ReliefTooLong { relief, months: Some(length), max_months } => format!(
            "Khoảng miễn, giảm thứ {}: {length} tháng, quá thời gian tối đa {max_months} tháng mỗi lần.",
            relief + 1
        ),
        ProfileProblem::ReliefTooLong { relief, months: None, max_months } => format!(
            "Khoảng miễn, giảm thứ {}: chưa ghi tháng kết thúc, trong khi mỗi lần tối đa {max_months} tháng.",
            relief + 1
        ),
    }
}

// ---------------------------------------------------------------------------------------
// Rule problems
// ---------------------------------------------------------------------------------------

fn numbered(what: &str, index: usize, key: &str) -> String {
    if key.trim().is_empty() {
        format!("{what} thứ {}", index + 1)
    } else {
        format!("{what} thứ {} («{key}»)", index + 1)
    }
}

/// Where a problem is, in words: "Loại đảng viên thứ 2 («huu_tri»)".
pub fn rule_place(place: &RulePlace) -> String {
    match place {
        RulePlace::Rule => "Quy định".to_owned(),
        RulePlace::Basis => "Căn cứ".to_owned(),
        RulePlace::Category { index, key } => numbered("Loại đảng viên", *index, key),
        RulePlace::Wages => "Bảng lương tối thiểu vùng".to_owned(),
        RulePlace::Region { index, key } => numbered("Vùng", *index, key),
        RulePlace::Exemption { index, key } => numbered("Trường hợp miễn", *index, key),
        RulePlace::Reductions => "Mức giảm".to_owned(),
        RulePlace::PaymentWay { index } => numbered("Hình thức đóng", *index, ""),
        RulePlace::Provision { index, key } => numbered("Nội dung", *index, key),
        RulePlace::Warning => "Cảnh báo".to_owned(),
    }
}

fn what(kind: &ProblemKind) -> String {
    use ProblemKind::*;
    match kind {
        UnsupportedFormatVersion { found } => format!(
            "tệp dùng định dạng phiên bản {found}, ứng dụng này chỉ đọc phiên bản {}; hãy cập nhật ứng dụng",
            crate::dues::FORMAT_VERSION
        ),
        EmptyText => "chưa có nội dung".to_owned(),
        EmptyList => "danh sách trống".to_owned(),
        DuplicateKey { key } => format!("mã «{key}» bị trùng"),
        DuplicateWay { way } => format!("hình thức «{}» được khai hai lần", payment_way(*way)),
        DuplicateReduction { basis_points: rate } => format!("mức giảm {} được khai hai lần", basis_points(*rate)),
        MissingForKind { kind } => format!("còn thiếu: cách tính «{}» cần trường này", category_kind(*kind)),
        NotForKind { kind } => format!("cách tính «{}» không dùng trường này; hãy bỏ đi", category_kind(*kind)),
        PercentOutOfRange { basis_points: rate } => {
            format!("tỷ lệ {} không hợp lệ (phải lớn hơn 0 và không quá 100%)", basis_points(*rate))
        }
        ZeroAmount => "số tiền phải lớn hơn 0 đ".to_owned(),
        RangeReversed { min_dong, max_dong } => {
            format!("mức thấp nhất ({}) lớn hơn mức cao nhất ({})", money(*min_dong), money(*max_dong))
        }
        DatesReversed { from, to } => format!("ngày kết thúc {} trước ngày bắt đầu {}", date(*to), date(*from)),
        UnknownContinued { key } => format!("không có loại đảng viên nào mang mã «{key}»"),
        ContinuesItself => "một loại không thể nối tiếp chính nó".to_owned(),
        ContinuedTwice { key } => format!("đã có loại khác nối tiếp loại «{key}»"),
        ContinuationNotAfter { key } => format!(
            "loại nối tiếp phải bắt đầu sau ngày loại «{key}» kết thúc (cả hai ngày đều phải ghi)"
        ),
        NoRegionalWages => "cần bảng lương tối thiểu vùng (\"regional_minimum_wages\") nhưng tệp không có".to_owned(),
        ReductionOutOfRange { basis_points: rate } => {
            format!("mức giảm {} không hợp lệ (phải lớn hơn 0 và nhỏ hơn 100%)", basis_points(*rate))
        }
        ZeroMonths => "số tháng phải lớn hơn 0".to_owned(),
        ShareOutOfRange { basis_points: rate } => {
            format!("tỷ lệ chi bộ được để lại {} vượt quá 100%", basis_points(*rate))
        }
        WarningMonthsOutOfRange { months: count } => {
            format!("số tháng {count} không hợp lệ (phải từ 1 đến 12)")
        }
        CheckedBeforeDocument { checked_on, date: day } => format!(
            "ngày đối chiếu {} trước ngày của văn bản {}",
            date(*checked_on),
            date(*day)
        ),
    }
}

/// A rule problem: "Loại đảng viên thứ 2 («huu_tri»), trường "percent_basis_points":
/// còn thiếu: cách tính «tỷ lệ phần trăm» cần trường này."
pub fn rule_problem(problem: &DuesRuleProblem) -> String {
    let place = rule_place(&problem.place);
    if problem.field.is_empty() {
        format!("{place}: {}.", what(&problem.kind))
    } else {
        format!("{place}, trường \"{}\": {}.", problem.field, what(&problem.kind))
    }
}

/// A rule file that cannot be used (every problem, one per line).
pub fn rule_load_error(error: &DuesRuleLoadError) -> String {
    match error {
        DuesRuleLoadError::Syntax { line, column, detail } => format!(
            "Tệp quy định đảng phí không đúng định dạng (dòng {line}, cột {column}). Chi tiết kỹ thuật: {detail}"
        ),
        DuesRuleLoadError::Invalid(problems) => {
            let mut message = format!("Tệp quy định đảng phí có {} lỗi cần sửa:", problems.len());
            for problem in problems {
                message.push_str("\n- ");
                message.push_str(&rule_problem(problem));
            }
            message
        }
    }
}

impl fmt::Display for DuesRuleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&rule_problem(self))
    }
}

impl fmt::Display for DuesRuleLoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&rule_load_error(self))
    }
}

// ---------------------------------------------------------------------------------------
// Spreadsheets
// ---------------------------------------------------------------------------------------

/// Headings of the month's sheet.
pub const MONTH_SHEET_HEADER: [&str; 9] = [
    "STT",
    "Họ và tên",
    "Tình trạng",
    "Hình thức",
    "Số tiền (đ)",
    "Tiền mặt (đ)",
    "Qua Cổng DVC (đ)",
    "Mức thường đóng (đ)",
    "Ghi chú",
];

/// Headings of the year's sheet.
pub const YEAR_SHEET_HEADER: [&str; 18] = [
    "STT",
    "Họ và tên",
    "T1",
    "T2",
    "T3",
    "T4",
    "T5",
    "T6",
    "T7",
    "T8",
    "T9",
    "T10",
    "T11",
    "T12",
    "Số tháng đã đóng",
    "Số tháng chưa đóng",
    "Số tháng miễn đóng",
    "Tổng tiền (đ)",
];

/// The total row's label.
pub const CELL_TOTAL: &str = "Tổng cộng";
/// A year cell: expected and not paid.
pub const CELL_UNPAID: &str = "Chưa đóng";
/// A year cell: exempt.
pub const CELL_EXEMPT: &str = "Miễn";
/// A year cell: not in the chi bộ that month.
pub const CELL_NOT_MEMBER: &str = "Ngoài chi bộ";

/// A month row's note: paid ahead, reduced, exempt (with the ground's label), activity
/// exemption. Parts joined with "; ".
pub fn row_note(
    covered_from: Option<YearMonth>,
    exempt_ground: Option<&str>,
    reduction: Option<u32>,
    activity_exempt: bool,
) -> String {
    let mut parts = Vec::new();
    if let Some(from) = covered_from {
        parts.push(format!("Đóng gộp từ {}", month(from)));
    }
    if let Some(ground) = exempt_ground {
        parts.push(format!("Miễn đóng: {ground}"));
    }
    if let Some(rate) = reduction {
        parts.push(format!("Giảm {}", basis_points(rate)));
    }
    if activity_exempt {
        parts.push("Được miễn công tác và sinh hoạt đảng".to_owned());
    }
    parts.join("; ")
}

/// The total row's status cell: "Đã thu 36/40".
pub fn total_status(line: &ReportLine) -> String {
    format!("Đã thu {}/{}", line.paid, line.expected)
}

/// The sheet file names: "dang-phi-2026-03.csv", "dang-phi-2026.csv".
pub fn month_sheet_file_name(value: YearMonth) -> String {
    format!("dang-phi-{value}.csv")
}

/// The year sheet's file name: "dang-phi-2026.csv".
pub fn year_sheet_file_name(year: i32) -> String {
    format!("dang-phi-{year}.csv")
}

// ---------------------------------------------------------------------------------------
// The sheets
// ---------------------------------------------------------------------------------------

fn money_cell(dong: u64) -> Cell {
    Cell::Integer(i64::try_from(dong).unwrap_or(i64::MAX))
}

fn count_cell(value: usize) -> Cell {
    Cell::Integer(i64::try_from(value).unwrap_or(i64::MAX))
}

fn header(words: &[&str]) -> Vec<String> {
    words.iter().map(|word| (*word).to_owned()).collect()
}

/// The month's sheet: one row per member of the chi bộ that month (status, way, money,
/// usual amount, note), then the total row. `rules` names exemption grounds.
pub fn month_sheet(book: &MonthBook, rules: &DuesRules) -> Sheet {
    let mut rows: Vec<Vec<Cell>> = book
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let ground = row.exempt_ground.as_deref().map(|key| {
                rules
                    .exemption(key)
                    .map_or(key, |exemption| exemption.label.as_str())
            });
            vec![
                count_cell(index + 1),
                Cell::Text(row.name.clone()),
                Cell::Text(row_status(row.status()).to_owned()),
                row.paid_by
                    .map_or(Cell::Empty, |by| Cell::Text(paid_by(by).to_owned())),
                money_cell(row.amount_dong),
                money_cell(row.cash_dong),
                money_cell(row.portal_dong),
                row.usual_amount_dong.map_or(Cell::Empty, money_cell),
                Cell::Text(row_note(
                    row.covered_from,
                    ground,
                    row.reduction_basis_points,
                    row.activity_exempt,
                )),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Empty,
        Cell::Text(CELL_TOTAL.to_owned()),
        Cell::Text(total_status(&book.report_line())),
        Cell::Empty,
        money_cell(book.total_dong),
        money_cell(book.cash_dong),
        money_cell(book.portal_dong),
    ]);
    Sheet {
        header: header(&MONTH_SHEET_HEADER),
        rows,
    }
}

/// The year's sheet: one row per member (each month's money, "Chưa đóng", "Miễn",
/// "Ngoài chi bộ", or empty when not yet due; the counts and the year's money), then the
/// total row with each month's money.
pub fn year_sheet(book: &YearBook) -> Sheet {
    let mut rows: Vec<Vec<Cell>> = book
        .members
        .iter()
        .enumerate()
        .map(|(index, member)| {
            let mut row = vec![count_cell(index + 1), Cell::Text(member.name.clone())];
            row.extend(member.months.iter().map(|cell| match cell {
                MonthCell::Paid { amount_dong, .. } => money_cell(*amount_dong),
                MonthCell::Unpaid => Cell::Text(CELL_UNPAID.to_owned()),
                MonthCell::Exempt => Cell::Text(CELL_EXEMPT.to_owned()),
                MonthCell::NotMember => Cell::Text(CELL_NOT_MEMBER.to_owned()),
                MonthCell::NotYetDue => Cell::Empty,
            }));
            row.extend([
                count_cell(member.paid_months.len()),
                count_cell(member.unpaid_months.len()),
                count_cell(member.exempt_months.len()),
                money_cell(member.total_dong),
            ]);
            row
        })
        .collect();
    let mut total = vec![Cell::Empty, Cell::Text(CELL_TOTAL.to_owned())];
    total.extend((1..=12u32).map(|number| {
        book.months
            .iter()
            .find(|line| line.month.month() == number)
            .map_or(Cell::Empty, |line| money_cell(line.total_dong))
    }));
    total.extend([Cell::Empty, Cell::Empty, Cell::Empty, money_cell(book.total_dong)]);
    rows.push(total);
    Sheet {
        header: header(&YEAR_SHEET_HEADER),
        rows,
    }
}
