//! The words of the dues records in backups: their places in a file, their import
//! problems, their labels in a preview. Money and months are written as the dues book
//! writes them ([`crate::text::dues`]).

use super::{capitalise, short};
use crate::backup::import::{date_range, Issue, Place, ReliefIssue, MAX_MONTHLY_DUES_DONG};
use crate::dues::YearMonth;
use crate::text::dues::{basis_points, money, month};
use crate::text::quoted;

/// "đảng viên «Nguyễn Văn An»", or "mã đảng viên «m9»" when the file does not hold the
/// member; `None` when neither is known.
fn whose(name: &str, member_id: &str) -> Option<String> {
    if !name.is_empty() {
        Some(format!("đảng viên {}", quoted(&short(name))))
    } else if !member_id.is_empty() {
        Some(format!("mã đảng viên {}", quoted(&short(member_id))))
    } else {
        None
    }
}

/// The place of a dues record, `None` for the other places.
pub(super) fn place(place: &Place) -> Option<String> {
    Some(match place {
        Place::DuesRules => "Quy định đảng phí của cấp ủy".to_owned(),
        Place::DuesProfile { position, member_id, name } => match whose(name, member_id) {
            Some(who) => format!("Hồ sơ đảng phí của {who}"),
            None => format!("Hồ sơ đảng phí thứ {position}"),
        },
        Place::DuesPayment { position, id, month: paid_for, member_id, name } => {
            let head = format!("Khoản đóng đảng phí thứ {position}");
            let parts: Vec<String> = paid_for.map(month).into_iter().chain(whose(name, member_id)).collect();
            if parts.is_empty() {
                super::with_id(head, id)
            } else {
                format!("{head} ({})", parts.join(", "))
            }
        }
        _ => return None,
    })
}

/// The noun of a dues record's place (for "trùng mã với … thứ 2").
pub(super) fn place_noun(place: &Place) -> Option<&'static str> {
    match place {
        Place::DuesProfile { .. } => Some("hồ sơ đảng phí"),
        Place::DuesPayment { .. } => Some("khoản đóng đảng phí"),
        _ => None,
    }
}

/// "tháng 1/1930 – tháng 12/2100".
fn month_range() -> String {
    let (earliest, latest) = date_range();
    format!("{} – {}", month(YearMonth::of(earliest)), month(YearMonth::of(latest)))
}

fn relief(problem: &ReliefIssue) -> String {
    match problem {
        ReliefIssue::Reversed { from, to } => {
            format!("tháng kết thúc ({}) trước tháng bắt đầu ({}).", month(*to), month(*from))
        }
        ReliefIssue::MonthOutOfRange { month: wrong } => {
            format!("{} nằm ngoài khoảng {}; có thể đã gõ nhầm năm.", month(*wrong), month_range())
        }
        ReliefIssue::ReductionOutOfRange { basis_points: rate } => {
            format!("mức giảm {} không hợp lệ (phải lớn hơn 0 và nhỏ hơn 100%).", basis_points(*rate))
        }
        ReliefIssue::NoGround => "được miễn nhưng chưa ghi trường hợp miễn (trường «ground»).".to_owned(),
    }
}

fn amount(field: &str, amount: u64, min: u64, max: u64) -> String {
    if amount < min {
        format!("Số tiền {} (trường «{field}») phải từ {} trở lên.", money(amount), money(min))
    } else {
        format!(
            "Số tiền {} (trường «{field}») vượt mức tối đa ứng dụng nhận ({}; mỗi tháng tối đa {}); có thể đã gõ thừa chữ số 0.",
            money(amount),
            money(max),
            money(MAX_MONTHLY_DUES_DONG)
        )
    }
}

/// The message of a dues issue (a sentence), `None` for the other issues.
pub(super) fn issue(issue: &Issue) -> Option<String> {
    Some(match issue {
        Issue::BuiltinDuesRulesId { id } => format!(
            "Mã {} trùng với quy định đảng phí có sẵn của ứng dụng; quy định của cấp ủy phải có mã riêng.",
            quoted(&short(id))
        ),
        Issue::DuesRules(problem) => problem.to_string(),
        Issue::DuesProfileNotOfMember { member_id } => format!(
            "Mã của hồ sơ đảng phí phải là mã đảng viên {} (mỗi đảng viên một hồ sơ).",
            quoted(&short(member_id))
        ),
        Issue::UnknownDuesMember { member_id } => format!(
            "Ghi cho mã đảng viên {} {}.",
            quoted(&short(member_id)),
            super::NOT_FOUND
        ),
        Issue::DuesAmountOutOfRange { field, amount: value, min, max } => amount(field, *value, *min, *max),
        Issue::DuesMonthsOutOfRange { months, max } => format!(
            "Số tháng đóng (trường «months_covered») ghi là {months}; phải từ 1 đến {max} tháng."
        ),
        Issue::DuesMonthOutOfRange { field, month: wrong } => format!(
            "{} (trường «{field}») nằm ngoài khoảng {}; có thể đã gõ nhầm năm.",
            capitalise(&month(*wrong)),
            month_range()
        ),
        Issue::DuesRelief { position, problem } => format!("Khoảng miễn, giảm thứ {position}: {}", relief(problem)),
        Issue::DuesOutsideScopeYear { year } => format!(
            "Khoản đóng không cho tháng nào của năm {year}, trong khi tệp ghi là dữ liệu năm {year}."
        ),
        _ => return None,
    })
}

/// How a preview names a payment: "Nguyễn Văn An (tháng 3/2026, 30.000 đ)" (no comma
/// outside the brackets: previews list labels separated by commas).
pub(super) fn payment_label(member: &str, paid_for: YearMonth, amount_dong: u64) -> String {
    format!("{member} ({}, {})", month(paid_for), money(amount_dong))
}
