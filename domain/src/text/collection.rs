//! The đảng ủy collection's words: why a chi bộ needs attention, what a picked file did,
//! a month's state, and the spreadsheet headings.

use super::{date, moment, months, quarter, rating};
use crate::collection::{
    Attention, CollectResult, EntryError, MonthStatus, PeriodDues, PlanSendings, PreparationLine, Preparedness, Refusal,
    SendingCheck,
};

/// A picked file over the backup limit, refused unread: "Tệp quá lớn (61,2 MB)…".
pub fn too_large(bytes: u64) -> String {
    let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
    format!(
        "Tệp quá lớn ({}); tệp sao lưu của chi bộ chỉ tối đa {}. Tệp này không được đọc: có thể đã chọn nhầm tệp (ảnh, video).",
        super::backup::size(bytes),
        super::backup::size(crate::backup::MAX_BACKUP_BYTES)
    )
}

/// One reason a chi bộ needs attention.
pub fn attention(reason: &Attention) -> String {
    match reason {
        Attention::NoMeeting { month } => format!("Không sinh hoạt {}", months(&[*month])),
        Attention::NoFile { month } => format!("Chưa nhận tệp sau khi hết {}", months(&[*month])),
        Attention::LowRating { date: day, rating: value } => {
            format!("Buổi {} xếp loại {}", date(*day), rating(*value))
        }
        Attention::AttendanceWarnings { members } => {
            format!("{} đảng viên có cảnh báo dự họp: {}", members.len(), members.join(", "))
        }
        Attention::DuesBehind { month, members } => format!(
            "Đảng phí {}: {} đảng viên chưa đóng: {}",
            months(&[*month]),
            members.len(),
            members.join(", ")
        ),
        Attention::DuesWarnings { members } => {
            format!("{} đảng viên có cảnh báo đảng phí: {}", members.len(), members.join(", "))
        }
        Attention::NoThematic { quarter: number } => format!("Chưa sinh hoạt chuyên đề {}", quarter(*number)),
        Attention::StaleFile { days } => format!("Tệp mới nhất đã {days} ngày"),
    }
}

/// The period's dues over the chi bộ that keep a book: "Đảng phí (5 chi bộ có sổ): đã thu
/// 118/130 lượt đảng viên, 5.400.000 đ." (for a quarter, a member counts once a month).
pub fn period_dues(dues: &PeriodDues) -> String {
    format!(
        "Đảng phí ({} chi bộ có sổ): đã thu {}/{} lượt đảng viên, {}.",
        dues.chi_bo,
        dues.paid,
        dues.expected,
        super::dues::money(dues.total_dong)
    )
}

/// A month's state, in a table cell.
pub fn month_status(status: MonthStatus) -> &'static str {
    match status {
        MonthStatus::Held => "Đã sinh hoạt",
        MonthStatus::NotHeld => "Không sinh hoạt",
        MonthStatus::NoFileYet => "Chưa có tệp",
        MonthStatus::InProgress => "Chưa hết tháng",
    }
}

/// What taking a file did, for the file's line in the results.
pub fn collect_result(result: &CollectResult, chi_bo_name: &str) -> String {
    match result {
        CollectResult::Refused(Refusal::Invalid(_)) => "Không nhận tệp này:".to_owned(),
        CollectResult::Refused(Refusal::NoChiBo) => {
            "Không nhận tệp này: đây là bản sao lưu của một máy chưa thiết lập chi bộ, không có gì để tổng hợp.".to_owned()
        }
        CollectResult::Added => format!("Đã thêm {chi_bo_name}."),
        CollectResult::Merged { changed, conflicts: 0 } => {
            format!("Đã gộp vào {chi_bo_name}: {changed} bản ghi mới hoặc đã sửa.")
        }
        CollectResult::Merged { changed, conflicts } => format!(
            "Đã gộp vào {chi_bo_name}: {changed} bản ghi mới hoặc đã sửa; {conflicts} bản ghi sửa ở cả hai nơi, giữ bản sửa sau cùng."
        ),
        CollectResult::Unchanged => format!("Không có gì mới cho {chi_bo_name} (tệp đã nhận trước đây hoặc cũ hơn)."),
    }
}

/// Other chi bộ with the same name, kept apart.
pub fn same_name(chi_bo_name: &str, others: usize) -> String {
    format!(
        "Lưu ý: đã có {others} chi bộ khác cùng tên «{chi_bo_name}» trong tổng hợp (mã chi bộ khác nhau), nên được giữ riêng. Nếu đây là cùng một chi bộ, hãy hỏi chi bộ đã cài lại ứng dụng hay chưa."
    )
}

/// A stored entry that cannot be read (it is kept, not deleted).
pub fn entry_error(error: &EntryError) -> String {
    match error {
        EntryError::Header => "Phần mô tả của chi bộ này trong bộ nhớ bị hỏng.".to_owned(),
        EntryError::NewerHeader { found } => {
            format!("Chi bộ này được lưu bởi phiên bản ứng dụng mới hơn (phiên bản {found}); hãy cập nhật ứng dụng.")
        }
        EntryError::Data(error) => format!("Dữ liệu của chi bộ này trong bộ nhớ không đọc được: {error}"),
        EntryError::OtherChiBo => "Dữ liệu trong bộ nhớ không khớp với mã chi bộ.".to_owned(),
    }
}

/// Headings of the year table (one row per chi bộ and month).
pub const YEAR_TABLE_HEADER: [&str; 15] = [
    "Chi bộ",
    "Tháng",
    "Tình trạng",
    "Ngày sinh hoạt",
    "Loại",
    "Điểm chi bộ tự chấm",
    "Xếp loại chi bộ tự chấm",
    "Điểm cấp trên chấm",
    "Xếp loại cấp trên chấm",
    "Chênh lệch điểm (cấp trên − chi bộ)",
    "Dự họp (%)",
    "Số buổi trong tháng",
    "Đảng phí",
    "Đảng phí đã thu (đ)",
    "Chưa đóng đảng phí",
];

/// Headings of the per-chi bộ summary.
pub const SUMMARY_HEADER: [&str; 17] = [
    "Chi bộ",
    "Tệp mới nhất",
    "Số tháng có sinh hoạt (/12)",
    "Tháng không sinh hoạt",
    "Số quý có chuyên đề (/4)",
    "Quý chưa có chuyên đề",
    "Tốt",
    "Khá",
    "Trung bình",
    "Kém",
    "Chưa chấm",
    "Điểm bình quân",
    "Dự họp bình quân (%)",
    "Đảng viên có cảnh báo",
    "Đảng phí đã thu trong năm (đ)",
    "Đảng viên có cảnh báo đảng phí",
    "Cần lưu ý",
];

/// The spreadsheet file names: "tong-hop-2026-bang-nam.csv", "tong-hop-2026-theo-chi-bo.csv".
pub fn sheet_file_name(year: i32, per_chi_bo: bool) -> String {
    let part = if per_chi_bo { "theo-chi-bo" } else { "bang-nam" };
    format!("tong-hop-{year}-{part}.csv")
}

/// A meeting's (or a plan's) preparation, in one line: "Buổi 03/03/2026: thông báo đã gửi
/// lúc 19:05 ngày 01/03/2026, kịp thời; tài liệu đã gửi lúc 19:05 ngày 01/03/2026, trước 2
/// ngày, đạt (cần trước ít nhất 1 ngày)".
pub fn preparation_line(line: &PreparationLine) -> String {
    let head = match line.meeting_id {
        Some(_) => format!("Buổi {}", date(line.date)),
        None => format!("Kế hoạch buổi {} (chưa sinh hoạt)", date(line.date)),
    };
    match &line.preparedness {
        Preparedness::NoPlan => format!("{head}: không có kế hoạch chuẩn bị"),
        Preparedness::PlanMissing(_) => format!("{head}: kế hoạch chuẩn bị không có trong tệp"),
        Preparedness::Planned(sendings) => format!("{head}: {}", planned(sendings)),
    }
}

fn planned(sendings: &PlanSendings) -> String {
    let required = match sendings.required_days {
        0 => "cần gửi chậm nhất trong ngày sinh hoạt".to_owned(),
        days => format!("cần trước ít nhất {days} ngày"),
    };
    format!(
        "thông báo {}; thông báo cấp ủy viên phụ trách {}; tài liệu {} ({required})",
        sent(&sendings.notice, false),
        sent(&sendings.superior_notice, false),
        sent(&sendings.documents, true)
    )
}

/// "đã gửi lúc 19:05 ngày 01/03/2026, trước 2 ngày, đạt", "chưa gửi".
fn sent(check: &SendingCheck, with_days: bool) -> String {
    let Some(at) = check.sent_at else {
        return "chưa gửi".to_owned();
    };
    let days = match check.days_before {
        Some(days) if with_days && days > 0 => format!(", trước {days} ngày"),
        Some(0) if with_days => ", trong ngày sinh hoạt".to_owned(),
        Some(days) if with_days => format!(", sau ngày sinh hoạt {} ngày", days.unsigned_abs()),
        _ => String::new(),
    };
    let verdict = if check.in_time { "kịp thời" } else { "muộn" };
    format!("đã gửi lúc {}{days}, {verdict}", moment(at))
}
