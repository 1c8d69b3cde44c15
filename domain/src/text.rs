//! Every Vietnamese string the domain crate produces, in one place: labels, number and
//! date formats, framework error messages, score derivations and analytics warnings.
//!
//! Numbers use the Vietnamese decimal comma ("81,8%"), dates are dd/mm/yyyy, times hh:mm.
//! Percentages are shown rounded half up to one decimal (11/12 = 91,66… % shows as "91,7%",
//! 64,95 % as "65%"), as a secretary rounds by hand. Bands still compare the exact ratio
//! ([`Ratio::percent_at_least`]), so 64,95 % shown as "65%" is still below a 65 % band.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::decimal::{Decimal, Ratio};
use crate::framework::{
    Framework, FrameworkError, FrameworkLoadError, Rating, StreakBonus, WordingStatus,
};
use crate::model::{AbsenceReason, Attendance, ChiBoKind, MeetingKind, MemberRole, MemberStatus};
use crate::scoring::{AttendanceFacts, CriterionScore};

// ---------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------

/// A whole number with Vietnamese thousands separators: "1.240.000", "36", "12.345".
pub fn number(value: usize) -> String {
    grouped(&value.to_string())
}

/// Digits grouped by three from the right with dots (the Vietnamese thousands separator).
pub(crate) fn grouped(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// "2,5", "30".
pub fn decimal(value: Decimal) -> String {
    value.to_string().replace('.', ",")
}

/// "3 điểm", "2,5 điểm".
pub fn points(value: Decimal) -> String {
    format!("{} điểm", decimal(value))
}

/// "81,8%" for 9/11, "91,7%" for 11/12, "90%" for 9/10 (one decimal, rounded half up,
/// trailing ",0" dropped).
pub fn percent(ratio: Ratio) -> String {
    tenths_percent(ratio.percent_tenths_rounded())
}

/// A float percentage (averages), rounded half up to one decimal: "86,3%" for 86,25.
pub fn percent_f64(value: f64) -> String {
    tenths_percent(percent_f64_tenths_rounded(value))
}

/// Tenths of a percent, rounded half up. The value is first rounded to millionths of a
/// percent, so an average that should be exactly 81,85 but is stored as 81,8499999…
/// still rounds up; negative and NaN give 0 (a percentage is never below zero).
pub(crate) fn percent_f64_tenths_rounded(value: f64) -> u64 {
    const MILLIONTHS_PER_TENTH: u64 = 100_000;
    // `as` saturates: NaN and negatives become 0, huge values u64::MAX.
    let millionths = (value * 1_000_000.0).round() as u64;
    millionths.saturating_add(MILLIONTHS_PER_TENTH / 2) / MILLIONTHS_PER_TENTH
}

fn tenths_percent(tenths: u64) -> String {
    if tenths.is_multiple_of(10) {
        format!("{}%", tenths / 10)
    } else {
        format!("{},{}%", tenths / 10, tenths % 10)
    }
}

// Dates and times are written out with `format!` rather than chrono's `format("%d/%m/%Y")`:
// the strftime interpreter behind it is about 8 KB of the first screen's wasm (Trang chủ
// shows a date), for patterns this fixed. Same output: two-digit day, month, hour and
// minute, four-digit year (with chrono's sign outside 0–9999).

/// The year as chrono's `%Y` writes it: "0999", "2025", "+262142", "-0001".
fn year(value: NaiveDate) -> String {
    match value.year() {
        year @ 0..=9999 => format!("{year:04}"),
        year if year > 9999 => format!("+{year}"),
        year => format!("-{:04}", year.unsigned_abs()),
    }
}

/// "03/09/2025".
pub fn date(value: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", value.day(), value.month(), year(value))
}

/// The date as official documents write it after the place name: "ngày 03 tháng 12 năm 2025".
pub fn document_date(value: NaiveDate) -> String {
    format!("ngày {:02} tháng {:02} năm {}", value.day(), value.month(), year(value))
}

/// The place-and-date line at the top right of a document: "Đông Tâm, ngày 03 tháng 12 năm 2025"
/// (the date alone when no place is known).
pub fn place_and_date(place: &str, value: NaiveDate) -> String {
    let place = place.trim();
    if place.is_empty() {
        // Spelled out rather than upper-cased: char case tables would cost the wasm bytes.
        format!("Ngày {:02} tháng {:02} năm {}", value.day(), value.month(), year(value))
    } else {
        format!("{place}, {}", document_date(value))
    }
}

/// "19:30".
pub fn time(value: NaiveTime) -> String {
    format!("{:02}:{:02}", value.hour(), value.minute())
}

/// "quý II".
pub fn quarter(number: u8) -> String {
    let roman = match number {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => "?",
    };
    format!("quý {roman}")
}

/// "tháng 2, 5, 7".
pub fn months(numbers: &[u32]) -> String {
    let list: Vec<String> = numbers.iter().map(u32::to_string).collect();
    format!("tháng {}", list.join(", "))
}

fn quoted(label: &str) -> String {
    format!("«{label}»")
}

// ---------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------

/// Label of a chi bộ kind.
pub fn chi_bo_kind(kind: ChiBoKind) -> &'static str {
    match kind {
        ChiBoKind::Thon => "Thôn, bản, ấp",
        ChiBoKind::ToDanPho => "Tổ dân phố",
        ChiBoKind::CoQuan => "Cơ quan",
        ChiBoKind::DoanhNghiep => "Doanh nghiệp",
        ChiBoKind::TruongHoc => "Trường học",
        ChiBoKind::LucLuongVuTrang => "Lực lượng vũ trang",
        ChiBoKind::Khac => "Khác",
    }
}

/// Label of a member role.
pub fn member_role(role: MemberRole) -> &'static str {
    match role {
        MemberRole::BiThu => "Bí thư",
        MemberRole::PhoBiThu => "Phó bí thư",
        MemberRole::ChiUyVien => "Chi ủy viên",
        MemberRole::DangVien => "Đảng viên",
    }
}

/// Label of a membership status.
pub fn member_status(status: MemberStatus) -> &'static str {
    match status {
        MemberStatus::ChinhThuc => "Chính thức",
        MemberStatus::DuBi => "Dự bị",
    }
}

/// Label of a meeting kind.
pub fn meeting_kind(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::ThuongKy => "Sinh hoạt thường kỳ",
        MeetingKind::ChuyenDe => "Sinh hoạt chuyên đề",
        MeetingKind::KetHop => "Thường kỳ kết hợp chuyên đề",
    }
}

/// A meeting kind in a few letters, for a table cell: "Thường kỳ", "Chuyên đề", "Kết hợp".
pub fn meeting_kind_short(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::ThuongKy => "Thường kỳ",
        MeetingKind::ChuyenDe => "Chuyên đề",
        MeetingKind::KetHop => "Kết hợp",
    }
}

/// Label of an absence reason.
pub fn absence_reason(reason: AbsenceReason) -> &'static str {
    match reason {
        AbsenceReason::Illness => "Ốm đau",
        AbsenceReason::Work => "Đi công tác",
        AbsenceReason::Family => "Việc gia đình",
        AbsenceReason::Other => "Lý do khác",
    }
}

/// Label of an attendance status.
pub fn attendance(value: &Attendance) -> &'static str {
    match value {
        Attendance::Present => "Có mặt",
        Attendance::AbsentWithReason { .. } => "Vắng có lý do",
        Attendance::AbsentWithoutReason => "Vắng không lý do",
        Attendance::Exempt => "Miễn sinh hoạt",
    }
}

/// Label of a rating.
pub fn rating(value: Rating) -> &'static str {
    match value {
        Rating::Tot => "Tốt",
        Rating::Kha => "Khá",
        Rating::TrungBinh => "Trung bình",
        Rating::Kem => "Kém",
    }
}

/// Label of a wording status.
pub fn wording_status(status: WordingStatus) -> &'static str {
    match status {
        WordingStatus::Verified => "Nguyên văn, đã đối chiếu với nguồn chính thức",
        WordingStatus::Summary => "Tóm tắt từ văn bản đã đối chiếu, không phải nguyên văn",
        WordingStatus::Secondary => "Theo nguồn thứ cấp, chưa đối chiếu văn bản gốc",
        WordingStatus::Unverified => "Chưa kiểm chứng, không phải văn bản chính thức",
    }
}

/// Lines describing where a framework comes from, for display beside any score:
/// basis, issuer and date, effective dates, source, wording status, reminder.
pub fn framework_provenance(framework: &Framework) -> Vec<String> {
    let mut lines = Vec::new();
    if !framework.legal_basis.is_empty() {
        lines.push(format!("Căn cứ: {}.", framework.legal_basis.join("; ")));
    }
    let issued_on = framework
        .issued_on
        .map(|day| format!(", ngày {}", date(day)))
        .unwrap_or_default();
    lines.push(format!("Ban hành: {}{issued_on}.", framework.issued_by));
    lines.push(format!("Hiệu lực: {}.", effective_range(framework)));
    lines.push(format!("Nguồn: {}.", framework.source));
    lines.push(format!(
        "Nội dung: {}.",
        wording_status(framework.wording_status)
    ));
    if framework.placeholder_points {
        lines.push("Điểm số là điểm tạm đặt; cấp ủy cần quy định điểm cụ thể.".to_string());
    }
    lines.push(
        "Đối chiếu với hướng dẫn của cấp ủy cấp trên; có thể đã có văn bản mới hơn.".to_string(),
    );
    lines
}

fn effective_range(framework: &Framework) -> String {
    match (framework.effective_from, framework.effective_to) {
        (Some(from), Some(to)) => format!("từ {} đến {}", date(from), date(to)),
        (Some(from), None) => format!("từ {}", date(from)),
        (None, Some(to)) => format!("đến {}", date(to)),
        (None, None) => "không ghi thời hạn".to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// Framework errors
// ---------------------------------------------------------------------------------------

pub(crate) fn place_framework() -> String {
    "khung điểm".to_string()
}

pub(crate) fn place_group_index(index: usize) -> String {
    format!("nhóm thứ {}", index + 1)
}

pub(crate) fn place_group(id: &str) -> String {
    format!("nhóm \"{id}\"")
}

pub(crate) fn place_criterion_index(group_id: &str, index: usize) -> String {
    format!("tiêu chí thứ {} của nhóm \"{group_id}\"", index + 1)
}

pub(crate) fn place_criterion(id: &str) -> String {
    format!("tiêu chí \"{id}\"")
}

pub(crate) fn place_option_index(criterion_id: &str, index: usize) -> String {
    format!("lựa chọn thứ {} của tiêu chí \"{criterion_id}\"", index + 1)
}

pub(crate) fn place_option(criterion_id: &str, option_id: &str) -> String {
    format!("lựa chọn \"{option_id}\" của tiêu chí \"{criterion_id}\"")
}

pub(crate) fn place_guard_index(index: usize) -> String {
    format!("quy tắc khống chế thứ {}", index + 1)
}

pub(crate) fn place_checklist_index(index: usize) -> String {
    format!("bước thứ {} của trình tự sinh hoạt", index + 1)
}

pub(crate) fn place_checklist_item(id: &str) -> String {
    format!("bước \"{id}\" của trình tự sinh hoạt")
}

/// The Vietnamese message of a framework error.
pub fn framework_error(error: &FrameworkError) -> String {
    use FrameworkError::*;
    let d = |value: &Decimal| decimal(*value);
    match error {
        UnsupportedFormatVersion { found } => format!(
            "Tệp khung điểm dùng định dạng phiên bản {found}; ứng dụng này chỉ đọc phiên bản {}.",
            crate::framework::FORMAT_VERSION
        ),
        EmptyField { place, field } => format!("Thiếu nội dung ở trường \"{field}\" của {place}."),
        NoMeetingKinds => {
            "Khung điểm chưa ghi áp dụng cho loại buổi sinh hoạt nào (trường \"applies_to\").".to_string()
        }
        EffectiveDatesReversed { from, to } => format!(
            "Ngày hết hiệu lực ({}) trước ngày có hiệu lực ({}).",
            date(*to),
            date(*from)
        ),
        NoGroups => "Khung điểm chưa có nhóm tiêu chí nào.".to_string(),
        EmptyGroup { group_id } => format!("Nhóm \"{group_id}\" chưa có tiêu chí nào."),
        DuplicateGroupId { group_id } => format!("Có hai nhóm cùng mã \"{group_id}\"."),
        DuplicateCriterionId { criterion_id } => format!("Có hai tiêu chí cùng mã \"{criterion_id}\"."),
        DuplicateOptionId { criterion_id, option_id } => {
            format!("Tiêu chí \"{criterion_id}\" có hai lựa chọn cùng mã \"{option_id}\".")
        }
        DuplicateChecklistItemId { item_id } => {
            format!("Trình tự sinh hoạt có hai bước cùng mã \"{item_id}\".")
        }
        DuplicateGuardId { guard_id } => format!("Có hai quy tắc khống chế cùng mã \"{guard_id}\"."),
        TotalMismatch { declared, sum } => format!(
            "Điểm tối đa của các nhóm cộng lại là {} nhưng khung điểm ghi tổng điểm {}.",
            d(sum),
            d(declared)
        ),
        GroupTotalMismatch { group_id, declared, sum } => format!(
            "Nhóm \"{group_id}\": các tiêu chí cộng lại {} điểm nhưng nhóm ghi tối đa {} điểm.",
            d(sum),
            d(declared)
        ),
        MaxPointsNotPositive { criterion_id } => {
            format!("Tiêu chí \"{criterion_id}\": điểm tối đa phải lớn hơn 0.")
        }
        NoOptions { criterion_id } => format!("Tiêu chí \"{criterion_id}\": chưa có lựa chọn nào."),
        OptionPointsOutOfRange { criterion_id, option_id, points, max } => format!(
            "Tiêu chí \"{criterion_id}\", lựa chọn \"{option_id}\": {} điểm nằm ngoài khoảng 0 – {}.",
            d(points),
            d(max)
        ),
        OptionsDoNotReachMax { criterion_id, best, max } => format!(
            "Tiêu chí \"{criterion_id}\": lựa chọn cao nhất chỉ được {} điểm, chưa bằng điểm tối đa {}.",
            d(best),
            d(max)
        ),
        NoBands { criterion_id } => format!("Tiêu chí \"{criterion_id}\": chưa có mức điểm nào."),
        BandHasTwoConditions { criterion_id, band } => format!(
            "Tiêu chí \"{criterion_id}\", mức thứ {band}: mỗi mức chỉ được ghi một điều kiện."
        ),
        BandThresholdOutOfRange { criterion_id, band, value } => format!(
            "Tiêu chí \"{criterion_id}\", mức thứ {band}: ngưỡng {} không hợp lệ (tỷ lệ từ 0 đến 100, số phút không âm).",
            d(value)
        ),
        BandsUnordered { criterion_id, band } => format!(
            "Tiêu chí \"{criterion_id}\", mức thứ {band}: các mức phải xếp từ điều kiện cao nhất xuống thấp nhất, nhưng mức này cao hơn mức đứng trước."
        ),
        BandsOverlap { criterion_id, band } => format!(
            "Tiêu chí \"{criterion_id}\", mức thứ {band}: trùng với mức đứng trước nên không bao giờ được áp dụng."
        ),
        BandsGap { criterion_id } => format!(
            "Tiêu chí \"{criterion_id}\": các giá trị thấp nhất không thuộc mức nào; mức cuối cùng phải không có điều kiện (các trường hợp còn lại)."
        ),
        BandPointsOutOfRange { criterion_id, band, points, max } => format!(
            "Tiêu chí \"{criterion_id}\", mức thứ {band}: {} điểm nằm ngoài khoảng 0 – {}.",
            d(points),
            d(max)
        ),
        BandPointsIncrease { criterion_id, band } => format!(
            "Tiêu chí \"{criterion_id}\", mức thứ {band}: mức thấp hơn lại được nhiều điểm hơn mức đứng trước."
        ),
        BandsDoNotReachMax { criterion_id, best, max } => format!(
            "Tiêu chí \"{criterion_id}\": mức cao nhất (kể cả điểm cộng) được {} điểm, khác điểm tối đa {}.",
            d(best),
            d(max)
        ),
        RequiredMinutesNotPositive { criterion_id } => format!(
            "Tiêu chí \"{criterion_id}\": số phút yêu cầu và số đảng viên làm mốc phải lớn hơn 0."
        ),
        StreakBonusInvalid { criterion_id } => format!(
            "Tiêu chí \"{criterion_id}\": điểm cộng và số lần vắng có lý do liên tiếp cho phép phải lớn hơn 0."
        ),
        AgendaCriterionWithoutChecklist { criterion_id } => format!(
            "Tiêu chí \"{criterion_id}\" chấm theo trình tự sinh hoạt nhưng khung điểm chưa có bước bắt buộc nào (trường \"order_of_business\")."
        ),
        ThresholdsUnordered { tot, kha, trung_binh } => format!(
            "Ngưỡng xếp loại phải giảm dần và lớn hơn 0, nhưng đang là: Tốt {}, Khá {}, Trung bình {}.",
            d(tot),
            d(kha),
            d(trung_binh)
        ),
        ThresholdAboveTotal { rating: level, threshold, total } => format!(
            "Ngưỡng loại {} ({} điểm) cao hơn tổng điểm {} nên không thể đạt.",
            rating(*level),
            d(threshold),
            d(total)
        ),
        GuardWithoutCriteria { guard_id } => format!(
            "Quy tắc khống chế \"{guard_id}\" chưa nêu tiêu chí nào phải đạt điểm tối đa."
        ),
        GuardUnknownCriterion { guard_id, criterion_id } => format!(
            "Quy tắc khống chế \"{guard_id}\" nêu tiêu chí \"{criterion_id}\" nhưng khung điểm không có tiêu chí này."
        ),
        GuardCapNotLower { guard_id } => format!(
            "Quy tắc khống chế \"{guard_id}\": loại bị hạ xuống phải thấp hơn loại được khống chế."
        ),
        NothingToScoreOutsideThematicMonth => "Mọi tiêu chí đều chỉ chấm khi có chuyên đề (\"only_in_thematic_month\") mà khung điểm lại chấm buổi thường kỳ (\"applies_to\"): buổi thường kỳ sẽ không có gì để chấm.".to_string(),
    }
}

/// The Vietnamese message of a framework load error (all problems, one per line).
pub fn framework_load_error(error: &FrameworkLoadError) -> String {
    match error {
        FrameworkLoadError::Syntax { line, column, detail } => format!(
            "Tệp khung điểm không đúng định dạng (dòng {line}, cột {column}). Chi tiết kỹ thuật: {detail}"
        ),
        FrameworkLoadError::Invalid(errors) => {
            let mut message = format!("Khung điểm có {} lỗi cần sửa:", errors.len());
            for error in errors {
                message.push_str("\n- ");
                message.push_str(&framework_error(error));
            }
            message
        }
    }
}

// ---------------------------------------------------------------------------------------
// Score derivations and adjustments
// ---------------------------------------------------------------------------------------

pub(crate) fn score_summary(total: Decimal, max: Decimal, level: Rating) -> String {
    format!(
        "{}/{} điểm → {}",
        decimal(total),
        decimal(max),
        rating(level)
    )
}

pub(crate) fn derivation_tick(ticked: bool, value: Decimal) -> String {
    let verdict = if ticked { "Đạt" } else { "Chưa đạt" };
    format!("{verdict} → {}", points(value))
}

pub(crate) fn derivation_picked(label: &str, value: Decimal) -> String {
    format!("Chọn: {label} → {}", points(value))
}

pub(crate) fn derivation_nothing_picked() -> String {
    "Chưa chọn mức nào → 0 điểm".to_string()
}

pub(crate) fn derivation_no_counted_members() -> String {
    "Chưa có đảng viên nào phải dự (chưa có danh sách đảng viên, hoặc tất cả được miễn sinh hoạt) → 0 điểm"
        .to_string()
}

pub(crate) fn derivation_attendance(
    facts: &AttendanceFacts,
    ratio: Ratio,
    band_points: Option<Decimal>,
) -> String {
    let mut details = Vec::new();
    if facts.absent_with_reason > 0 {
        details.push(format!("vắng có lý do {}", facts.absent_with_reason));
    }
    if facts.absent_without_reason > 0 {
        details.push(format!("vắng không lý do {}", facts.absent_without_reason));
    }
    if facts.unrecorded > 0 {
        details.push(format!("chưa điểm danh {}", facts.unrecorded));
    }
    if facts.exempt > 0 {
        details.push(format!(
            "không tính {} đồng chí miễn sinh hoạt",
            facts.exempt
        ));
    }
    let details = if details.is_empty() {
        String::new()
    } else {
        format!(" ({})", details.join(", "))
    };
    let result = band_points.map_or_else(|| "không khớp mức nào".to_string(), points);
    format!(
        "{}/{} đảng viên có mặt = {}{details} → {result}",
        ratio.count,
        ratio.total,
        percent(ratio)
    )
}

pub(crate) fn derivation_forced_lowest(names: &[String], value: Decimal) -> String {
    format!(
        "; nhưng có đảng viên vắng không lý do ({}) → chỉ tính mức thấp nhất: {}",
        names.join(", "),
        points(value)
    )
}

pub(crate) fn derivation_streak_bonus(bonus: &StreakBonus) -> String {
    format!(
        "; không ai vắng có lý do quá {} lần liên tiếp trong năm → cộng {}",
        bonus.max_consecutive_absences_with_reason,
        points(bonus.points)
    )
}

fn runs_list(runs: &[(String, u32)]) -> String {
    let parts: Vec<String> = runs
        .iter()
        .map(|(name, run)| format!("{name} ({run} lần)"))
        .collect();
    parts.join(", ")
}

pub(crate) fn derivation_streak_lost(bonus: &StreakBonus, runs: &[(String, u32)]) -> String {
    format!(
        "; không được cộng {} vì có đảng viên vắng có lý do quá {} lần liên tiếp trong năm: {}",
        points(bonus.points),
        bonus.max_consecutive_absences_with_reason,
        runs_list(runs)
    )
}

pub(crate) fn derivation_total_points(value: Decimal) -> String {
    format!("; được {}", points(value))
}

pub(crate) fn adjustment_forced_lowest(label: &str, names: &[String], value: Decimal) -> String {
    format!(
        "{}: có đảng viên vắng không lý do ({}) nên chỉ được mức thấp nhất, {}.",
        quoted(label),
        names.join(", "),
        points(value)
    )
}

pub(crate) fn adjustment_streak_lost(
    label: &str,
    bonus: &StreakBonus,
    runs: &[(String, u32)],
) -> String {
    format!(
        "{}: không được cộng {} vì có đảng viên vắng có lý do quá {} lần liên tiếp trong năm: {}.",
        quoted(label),
        points(bonus.points),
        bonus.max_consecutive_absences_with_reason,
        runs_list(runs)
    )
}

pub(crate) fn derivation_thematic_granted(max: Decimal) -> String {
    format!(
        "Buổi sinh hoạt không có chuyên đề: tiêu chí chỉ chấm khi có chuyên đề nên được tính đủ {} (giữ nguyên tổng điểm tối đa và ngưỡng xếp loại)",
        points(max)
    )
}

pub(crate) fn derivation_thematic_left_out(max: Decimal) -> String {
    format!(
        "Buổi sinh hoạt không có chuyên đề: tiêu chí chỉ chấm khi có chuyên đề nên không tính (tổng điểm tối đa bớt {}; xếp loại theo điểm quy đổi về thang đầy đủ)",
        points(max)
    )
}

pub(crate) fn adjustment_thematic_left_out(label: &str, max: Decimal) -> String {
    format!(
        "{}: buổi sinh hoạt không có chuyên đề nên tiêu chí này không tính, tổng điểm tối đa bớt {}.",
        quoted(label),
        points(max)
    )
}

pub(crate) fn adjustment_scaled(total: Decimal, max: Decimal, scaled: Decimal, full: Decimal) -> String {
    format!(
        "Xếp loại theo điểm quy đổi: {}/{} điểm quy về thang {} là {} điểm.",
        decimal(total),
        decimal(max),
        decimal(full),
        decimal(scaled)
    )
}

pub(crate) fn score_summary_scaled(
    total: Decimal,
    max: Decimal,
    scaled: Decimal,
    full: Decimal,
    level: Rating,
) -> String {
    format!(
        "{}/{} điểm (quy về thang {}: {}) → {}",
        decimal(total),
        decimal(max),
        decimal(full),
        decimal(scaled),
        rating(level)
    )
}

/// How a chuyên đề-only criterion is treated in a month without chuyên đề, as the score
/// sheet states it.
pub fn outside_thematic_month(treatment: crate::framework::OutsideThematicMonth) -> &'static str {
    match treatment {
        crate::framework::OutsideThematicMonth::GrantPoints => {
            "Tháng không có chuyên đề: tiêu chí chỉ chấm khi có chuyên đề được tính đủ điểm (giữ thang điểm và ngưỡng xếp loại)."
        }
        crate::framework::OutsideThematicMonth::LeaveOut => {
            "Tháng không có chuyên đề: tiêu chí chỉ chấm khi có chuyên đề không tính; xếp loại theo điểm quy đổi về thang đầy đủ."
        }
    }
}

pub(crate) fn adjustment_thematic_granted(label: &str, max: Decimal) -> String {
    format!(
        "{}: buổi sinh hoạt không có chuyên đề nên tiêu chí này được tính đủ {}.",
        quoted(label),
        points(max)
    )
}

pub(crate) fn derivation_overridden(
    kept: Decimal,
    computed: Decimal,
    computed_derivation: &str,
) -> String {
    format!(
        "Nhập tay {} (máy tính được {}: {computed_derivation})",
        points(kept),
        points(computed)
    )
}

pub(crate) fn adjustment_overridden(label: &str, kept: Decimal, computed: Decimal) -> String {
    format!(
        "{}: điểm nhập tay {} thay cho {} do máy tính.",
        quoted(label),
        points(kept),
        points(computed)
    )
}

pub(crate) fn adjustment_override_clamped(label: &str, entered: Decimal, kept: Decimal) -> String {
    format!(
        "{}: điểm nhập tay {} nằm ngoài khoảng cho phép, lấy {}.",
        quoted(label),
        decimal(entered),
        points(kept)
    )
}

pub(crate) fn derivation_no_times(start: Option<NaiveTime>, end: Option<NaiveTime>) -> String {
    match (start, end) {
        (Some(start), Some(end)) => format!(
            "Giờ kết thúc ({}) không sau giờ bắt đầu ({}) → 0 điểm",
            time(end),
            time(start)
        ),
        _ => "Chưa ghi giờ bắt đầu hoặc giờ kết thúc → 0 điểm".to_string(),
    }
}

pub(crate) fn reason_large_chi_bo(members: u32) -> String {
    format!("chi bộ có từ {members} đảng viên trở lên")
}

pub(crate) fn reason_combined() -> &'static str {
    "sinh hoạt thường kỳ kết hợp chuyên đề"
}

pub(crate) fn reason_thematic() -> &'static str {
    "sinh hoạt chuyên đề"
}

pub(crate) fn derivation_duration(
    start: NaiveTime,
    end: NaiveTime,
    minutes: i64,
    required: u32,
    reason: Option<&str>,
    value: Decimal,
) -> String {
    let reason = reason
        .map(|reason| format!(" ({reason})"))
        .unwrap_or_default();
    let shortfall = i64::from(required) - minutes;
    let verdict = if shortfall <= 0 {
        "đủ thời lượng".to_string()
    } else {
        let share = u32::try_from(minutes)
            .ok()
            .and_then(|minutes| Ratio::new(minutes, required));
        let share = share
            .map(|share| format!(", đạt {} thời lượng", percent(share)))
            .unwrap_or_default();
        format!("thiếu {shortfall} phút{share}")
    };
    format!(
        "Họp {}–{} = {minutes} phút; yêu cầu {required} phút{reason} → {verdict} → {}",
        time(start),
        time(end),
        points(value)
    )
}

pub(crate) fn derivation_nobody_present() -> String {
    "Không có đảng viên nào có mặt để tính tỷ lệ phát biểu → 0 điểm".to_string()
}

pub(crate) fn derivation_speakers(ratio: Ratio, value: Decimal) -> String {
    format!(
        "{}/{} đảng viên có mặt đã phát biểu = {} → {}",
        ratio.count,
        ratio.total,
        percent(ratio),
        points(value)
    )
}

pub(crate) fn derivation_no_previous_tasks() -> String {
    "Chưa ghi nhiệm vụ của nghị quyết kỳ trước: ghi kết quả từng nhiệm vụ hoặc nhập điểm tay → 0 điểm"
        .to_string()
}

pub(crate) fn derivation_tasks(ratio: Ratio, value: Decimal) -> String {
    format!(
        "{}/{} nhiệm vụ của nghị quyết kỳ trước đã hoàn thành = {} → {}",
        ratio.count,
        ratio.total,
        percent(ratio),
        points(value)
    )
}

pub(crate) fn derivation_agenda(
    done: usize,
    required: usize,
    missing: &[&str],
    value: Decimal,
) -> String {
    if missing.is_empty() {
        format!(
            "Đã thực hiện {done}/{required} bước bắt buộc của trình tự → {}",
            points(value)
        )
    } else {
        format!(
            "Đã thực hiện {done}/{required} bước bắt buộc; còn thiếu: {} → {}",
            missing.join("; "),
            points(value)
        )
    }
}

pub(crate) fn adjustment_guard(
    total: Decimal,
    before: Rating,
    short: &[&CriterionScore],
    after: Rating,
) -> String {
    let parts: Vec<String> = short
        .iter()
        .map(|score| {
            format!(
                "{} ({}/{})",
                quoted(&score.label),
                decimal(score.points),
                points(score.max_points)
            )
        })
        .collect();
    format!(
        "{} (đủ điểm loại {}) nhưng chưa đạt điểm tối đa ở: {} → {}.",
        points(total),
        rating(before),
        parts.join(", "),
        rating(after)
    )
}

pub(crate) fn notice_kind_not_covered(kind: MeetingKind) -> String {
    format!(
        "Khung điểm này không dành cho buổi {}; kết quả chỉ để tham khảo.",
        meeting_kind(kind).to_lowercase()
    )
}

pub(crate) fn notice_not_in_effect(framework: &Framework, day: NaiveDate) -> String {
    format!(
        "Khung điểm {} không có hiệu lực vào ngày {} (hiệu lực {}); đối chiếu với hướng dẫn của cấp ủy cấp trên.",
        quoted(&framework.name),
        date(day),
        effective_range(framework)
    )
}

pub(crate) fn notice_other_framework(sheet_framework: &str, framework: &str) -> String {
    format!(
        "Phiếu chấm được lập theo khung điểm \"{sheet_framework}\" nhưng đang tính theo khung \"{framework}\"."
    )
}

pub(crate) fn notice_unknown_input(criterion_id: &str) -> String {
    format!(
        "Phiếu chấm có điểm cho tiêu chí \"{criterion_id}\" không có trong khung điểm; đã bỏ qua."
    )
}

pub(crate) fn notice_needs_input(labels: &[&str]) -> String {
    let labels: Vec<String> = labels.iter().map(|label| quoted(label)).collect();
    format!(
        "Còn thiếu dữ liệu để chấm (đang tính 0 điểm): {}.",
        labels.join(", ")
    )
}

// ---------------------------------------------------------------------------------------
// Analytics
// ---------------------------------------------------------------------------------------

pub(crate) fn warning_long_run(name: &str, run: u32, limit: u32) -> String {
    format!(
        "Đồng chí {name} vắng sinh hoạt có lý do {run} lần liên tiếp trong năm (quá {limit} lần liên tiếp). Chi bộ cần tìm hiểu hoàn cảnh và nhắc nhở."
    )
}

pub(crate) fn warning_removal_to_consider(name: &str, month_numbers: &[u32]) -> String {
    format!(
        "Đồng chí {name} vắng sinh hoạt không có lý do trong {} tháng của năm ({}). Theo Điều lệ Đảng, đảng viên bỏ sinh hoạt đảng ba tháng trong năm mà không có lý do chính đáng thì chi bộ xem xét việc xóa tên khỏi danh sách đảng viên. Đây là việc để chi bộ xem xét, không phải quyết định của ứng dụng.",
        month_numbers.len(),
        months(month_numbers)
    )
}

pub(crate) fn summary_months(held: usize, missing: &[u32]) -> String {
    if missing.is_empty() {
        format!("Số tháng có sinh hoạt chi bộ: {held}/12.")
    } else {
        format!(
            "Số tháng có sinh hoạt chi bộ: {held}/12 (chưa sinh hoạt: {}).",
            months(missing)
        )
    }
}

pub(crate) fn summary_thematic(quarters_held: usize, missing: &[u8], meetings: usize) -> String {
    let missing = if missing.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = missing.iter().map(|number| quarter(*number)).collect();
        format!(", thiếu {}", names.join(", "))
    };
    format!("Sinh hoạt chuyên đề: {quarters_held}/4 quý{missing} ({meetings} buổi chuyên đề hoặc kết hợp).")
}

pub(crate) fn summary_ratings(counts: &[(Rating, u32)], unscored: u32) -> String {
    let mut parts: Vec<String> = counts
        .iter()
        .map(|(level, count)| format!("{} {count}", rating(*level)))
        .collect();
    if unscored > 0 {
        parts.push(format!("chưa chấm {unscored}"));
    }
    format!("Xếp loại các buổi sinh hoạt: {}.", parts.join(", "))
}

pub(crate) fn summary_average_score(average: Option<Decimal>) -> String {
    match average {
        Some(value) => format!("Điểm bình quân: {}.", points(value)),
        None => "Điểm bình quân: chưa có buổi nào được chấm.".to_string(),
    }
}

pub(crate) fn summary_average_attendance(average: Option<f64>) -> String {
    match average {
        Some(value) => format!("Tỷ lệ đảng viên dự bình quân: {}.", percent_f64(value)),
        None => "Tỷ lệ đảng viên dự bình quân: chưa có số liệu.".to_string(),
    }
}

pub(crate) fn summary_is_evidence() -> &'static str {
    "Bảng tổng hợp này là tư liệu phục vụ kiểm điểm, đánh giá cuối năm; không phải kết quả xếp loại chi bộ."
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_read_as_the_strftime_patterns_they_replace() {
        let mut day = NaiveDate::from_ymd_opt(999, 12, 25).unwrap();
        for _ in 0..800 {
            assert_eq!(date(day), day.format("%d/%m/%Y").to_string());
            assert_eq!(document_date(day), day.format("ngày %d tháng %m năm %Y").to_string());
            assert_eq!(place_and_date(" ", day), day.format("Ngày %d tháng %m năm %Y").to_string());
            day = day + chrono::Days::new(97);
        }
        for edge in [NaiveDate::MIN, NaiveDate::MAX, NaiveDate::from_ymd_opt(-1, 1, 1).unwrap(), NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap()] {
            assert_eq!(date(edge), edge.format("%d/%m/%Y").to_string());
        }
        for minutes in (0..24 * 60).step_by(7) {
            let at = NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 59).unwrap();
            assert_eq!(time(at), at.format("%H:%M").to_string());
        }
    }

    #[test]
    fn vietnamese_number_formats() {
        assert_eq!(
            percent(Ratio {
                count: 9,
                total: 11
            }),
            "81,8%"
        );
        assert_eq!(
            percent(Ratio {
                count: 9,
                total: 10
            }),
            "90%"
        );
        assert_eq!(
            percent(Ratio {
                count: 1299,
                total: 2000
            }),
            "65%"
        );
        assert_eq!(points(Decimal::from_hundredths(250)), "2,5 điểm");
        assert_eq!(percent_f64(86.25), "86,3%");
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2025, 9, 3).unwrap()),
            "03/09/2025"
        );
        assert_eq!(quarter(2), "quý II");
        assert_eq!(months(&[2, 5, 7]), "tháng 2, 5, 7");
    }

    #[test]
    fn place_and_date_line_as_official_documents_write_it() {
        let date = NaiveDate::from_ymd_opt(2025, 12, 3).unwrap();
        assert_eq!(place_and_date("Đông Tâm", date), "Đông Tâm, ngày 03 tháng 12 năm 2025");
        assert_eq!(place_and_date("  ", date), "Ngày 03 tháng 12 năm 2025");
    }

    #[test]
    fn moments_show_in_vietnam_time_and_never_panic() {
        use chrono::{DateTime, Utc};
        let at = DateTime::from_timestamp(1_777_986_900, 0).unwrap(); // 2026-05-05T13:15Z
        assert_eq!(backup::moment(at), "20:15 ngày 05/05/2026");
        // Seven hours past chrono's last moment cannot be shown in Vietnam time: UTC.
        assert_eq!(
            backup::moment(DateTime::<Utc>::MAX_UTC),
            "23:59 ngày 31/12/+262142"
        );
        assert!(!backup::moment(DateTime::<Utc>::MIN_UTC).is_empty());
    }

    #[test]
    fn ratio_percentages_round_half_up_on_the_x_x5_edges() {
        // (count, total, shown): exact halves of a tenth round up, just below stays.
        let table = [
            (11, 12, "91,7%"),     // 91,666…: was cut to 91,6%
            (9, 11, "81,8%"),      // 81,818…
            (1637, 2000, "81,9%"), // 81,85 exactly
            (1636, 2000, "81,8%"), // 81,80
            (16369, 20000, "81,8%"), // 81,845
            (1299, 2000, "65%"),   // 64,95 exactly
            (12989, 20000, "64,9%"), // 64,945
            (1, 2000, "0,1%"),     // 0,05 exactly
            (1, 3000, "0%"),       // 0,033…
            (1999, 2000, "100%"),  // 99,95 exactly
            (0, 7, "0%"),
            (7, 7, "100%"),
            (u32::MAX, u32::MAX, "100%"),
        ];
        for (count, total, shown) in table {
            assert_eq!(percent(Ratio { count, total }), shown, "{count}/{total}");
        }
    }

    #[test]
    fn float_percentages_round_half_up_on_the_x_x5_edges() {
        let table = [
            (86.25, "86,3%"),
            (81.85, "81,9%"), // stored as 81,849999…
            (81.849, "81,8%"),
            (0.05, "0,1%"),
            (0.04999, "0%"),
            (99.95, "100%"),
            (91.666_666, "91,7%"),
            (100.0, "100%"),
            (-3.0, "0%"),
            (f64::NAN, "0%"),
        ];
        for (value, shown) in table {
            assert_eq!(percent_f64(value), shown, "{value}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Meeting records: checks and carried-over tasks
// ---------------------------------------------------------------------------------------

/// End time not after start time.
pub const END_NOT_AFTER_START: &str = "Giờ kết thúc phải sau giờ bắt đầu.";
/// Meeting dated after today.
pub const DATE_IN_FUTURE: &str = "Ngày sinh hoạt ở tương lai.";

/// A member marked twice in one roll call.
pub fn marked_twice(name: &str) -> String {
    format!("Đảng viên {name} được điểm danh hai lần.")
}

/// A roll-call entry naming nobody in the roster.
pub fn unknown_member(member_id: &str) -> String {
    format!("Điểm danh có mã đảng viên «{member_id}» không có trong danh sách đảng viên.")
}

/// A message about a meeting, placed by its date: "Buổi sinh hoạt ngày 03/05/2026: …".
pub fn meeting_place(meeting_date: NaiveDate, message: &str) -> String {
    format!("Buổi sinh hoạt ngày {}: {message}", date(meeting_date))
}

/// A task carried over from last meeting, with who and by when if they were given.
pub fn carried_task(what: &str, who: &str, deadline: Option<NaiveDate>) -> String {
    let mut text = what.trim().to_owned();
    if !who.trim().is_empty() {
        text.push_str(&format!(" — {}", who.trim()));
    }
    if let Some(deadline) = deadline {
        text.push_str(&format!(" (hạn {})", date(deadline)));
    }
    text
}

pub mod collection;

/// Vietnamese strings of the handbook ([`crate::handbook`]): statuses, provenance lines,
/// pack validation errors.
pub mod handbook {
    use super::{date, quoted};
    use crate::handbook::pack::{Check, CheckOutcome, CheckState, Numbers, OLDEST_FORMAT_VERSION};
    use crate::handbook::{
        Count, Field, Origin, PackError, PackInfo, PackLoadError, Place, Source, SourceDate,
        Status, SyntaxProblem, FORMAT_VERSION,
    };

    /// At most this many problems are listed in one message.
    const MAX_LISTED_ERRORS: usize = 20;

    /// Label of a wording status (whether it was compared is the check's label).
    pub fn status_label(status: Status) -> &'static str {
        match status {
            Status::Official => "Nguyên văn của văn bản",
            Status::Summary => "Tóm tắt, không phải nguyên văn",
            Status::Unverified => "Chưa xác minh được với văn bản gốc, chỉ để tham khảo",
        }
    }

    /// Label of an item's check state.
    pub fn check_label(state: CheckState) -> &'static str {
        match state {
            CheckState::Checked(CheckOutcome::WordForWord) => "Đã đối chiếu: đúng từng chữ",
            CheckState::Checked(CheckOutcome::FaithfulSummary) => "Đã đối chiếu: tóm tắt đúng ý",
            CheckState::Checked(CheckOutcome::NotConfirmed) => "Chưa xác nhận được với nguồn",
            CheckState::NotChecked => "Chưa đối chiếu",
        }
    }

    /// "Đối chiếu ngày 05/12/2026 với: Nghị quyết … (https://…)."
    pub fn check_line(check: &Check) -> String {
        let address = check.address.as_deref().map(|address| format!(" ({address})")).unwrap_or_default();
        format!("Đối chiếu ngày {} với: {}{address}.", date(check.checked_on), check.compared_with)
    }

    /// "Số trong văn bản: nhóm 2, (3) · Số thứ tự của ứng dụng (không phải số của văn
    /// bản): 12/27".
    pub fn numbers_line(numbers: &Numbers) -> String {
        let document = numbers.document.as_deref().map(|number| format!("Số trong văn bản: {number}"));
        let app = numbers.app.as_deref().map(|number| format!("Số thứ tự do ứng dụng đặt để tra cứu (không phải số của văn bản): {number}"));
        document.into_iter().chain(app).collect::<Vec<_>>().join(" · ")
    }

    /// "31/10/1963", "10/2016", "1966".
    pub fn source_date(value: SourceDate) -> String {
        match (value.month, value.day) {
            (Some(month), Some(day)) => format!("{day:02}/{month:02}/{}", value.year),
            (Some(month), None) => format!("{month:02}/{}", value.year),
            _ => value.year.to_string(),
        }
    }

    /// "Nguồn: Bài …, báo Nhân Dân số 3503, ngày 31/10/1963."
    pub fn source_line(source: &Source) -> String {
        let when = match source.date {
            Some(value @ SourceDate { day: Some(_), .. }) => {
                format!(", ngày {}", source_date(value))
            }
            Some(value @ SourceDate { month: Some(_), .. }) => {
                format!(", tháng {}", source_date(value))
            }
            Some(value) => format!(", năm {}", source_date(value)),
            None => String::new(),
        };
        format!("Nguồn: {}{when}.", source.document)
    }

    /// "Sổ tay chi bộ — Ban Tuyên giáo…; phiên bản 2, phát hành ngày 01/03/2026."
    pub fn pack_line(info: &PackInfo) -> String {
        format!(
            "{} — {}; phiên bản {}, phát hành ngày {}.",
            info.name,
            info.issuer,
            info.version,
            date(info.published)
        )
    }

    /// Where a section comes from.
    pub fn origin_label(origin: Origin) -> &'static str {
        match origin {
            Origin::Builtin => "Nội dung có sẵn của ứng dụng",
            Origin::Committee => "Nội dung từ gói của cấp ủy",
        }
    }

    /// Shown beside a bookmark or note whose item is no longer in the handbook.
    pub fn item_missing() -> &'static str {
        "Mục này không còn trong sổ tay (nội dung sổ tay đã được cập nhật). Ghi chú của đồng chí vẫn được giữ lại."
    }

    /// The reminder shown with rules taken from documents.
    pub fn review_reminder() -> &'static str {
        "Đối chiếu với hướng dẫn của cấp ủy cấp trên; có thể đã có văn bản mới hơn."
    }

    /// Label of a field in messages.
    pub fn field_label(field: Field) -> &'static str {
        match field {
            Field::Id => "mã (id)",
            Field::Name => "tên gói",
            Field::Issuer => "cơ quan ban hành",
            Field::Version => "phiên bản",
            Field::Published => "ngày phát hành",
            Field::Note => "ghi chú",
            Field::Sections => "danh sách phần",
            Field::Kind => "loại phần",
            Field::Title => "tiêu đề",
            Field::Items => "danh sách mục",
            Field::Body => "nội dung",
            Field::Source => "nguồn văn bản",
            Field::SourceDocument => "tên văn bản nguồn",
            Field::SourceDate => "ngày của văn bản nguồn",
            Field::SourceStatus => "trạng thái lời văn (nguyên văn hay tóm tắt)",
            Field::Keywords => "từ khóa tra cứu",
            Field::Numbers => "số thứ tự",
            Field::SourceCheck => "ghi chép đối chiếu",
            Field::CheckOutcome => "kết quả đối chiếu",
            Field::CheckedOn => "ngày đối chiếu",
            Field::ComparedWith => "văn bản, nguồn đã đối chiếu",
            Field::CheckAddress => "địa chỉ trang nguồn",
        }
    }

    /// "Gói nội dung", "Phần «…» (id …)", "Mục «…» (id …)".
    pub fn place(place: &Place) -> String {
        match place {
            Place::Pack => "Gói nội dung".to_string(),
            Place::Section {
                position,
                id,
                title,
            } => named("Phần", &format!("Phần thứ {position}"), id, title),
            Place::Item {
                section_title,
                position,
                id,
                title,
                ..
            } => {
                let fallback = if section_title.is_empty() {
                    format!("Mục thứ {position}")
                } else {
                    format!("Mục thứ {position} của phần {}", quoted(section_title))
                };
                named("Mục", &fallback, id, title)
            }
        }
    }

    fn named(noun: &str, fallback: &str, id: &str, title: &str) -> String {
        let head = if title.is_empty() {
            fallback.to_string()
        } else {
            format!("{noun} {}", quoted(title))
        };
        if id.is_empty() {
            head
        } else {
            format!("{head} (id {id})")
        }
    }

    /// "50.000" (Vietnamese thousands separator).
    fn thousands(value: usize) -> String {
        let digits = value.to_string();
        let mut out = String::new();
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index) % 3 == 0 {
                out.push('.');
            }
            out.push(digit);
        }
        out
    }

    /// The Vietnamese message of a pack error, naming the place.
    pub fn pack_error(error: &PackError) -> String {
        match error {
            PackError::TooLarge { bytes, max } => format!(
                "Tệp quá lớn ({} KB); gói nội dung chỉ được tối đa {} KB.",
                thousands(bytes.div_ceil(1000)),
                thousands(max / 1000)
            ),
            PackError::MissingFormatVersion => "Gói nội dung: thiếu số phiên bản định dạng (trường \"format_version\"). Có thể tệp này không phải gói nội dung sổ tay.".to_string(),
            PackError::UnsupportedFormatVersion { found } if found.is_empty() => format!(
                "Gói nội dung ghi phiên bản định dạng không hợp lệ (trường \"format_version\"); ứng dụng đọc được phiên bản {OLDEST_FORMAT_VERSION} đến {FORMAT_VERSION}."
            ),
            PackError::UnsupportedFormatVersion { found } => format!(
                "Gói nội dung ghi phiên bản định dạng {found}; ứng dụng đọc được phiên bản {OLDEST_FORMAT_VERSION} đến {FORMAT_VERSION}."
            ),
            PackError::NewerFormatVersion { found } => format!(
                "Gói nội dung này được soạn cho phiên bản ứng dụng mới hơn (định dạng phiên bản {found}; ứng dụng này đọc được phiên bản {FORMAT_VERSION}). Xin cập nhật ứng dụng rồi nạp lại gói."
            ),
            PackError::Missing { place: at, field } => format!(
                "{}: thiếu {} (trường \"{}\").",
                place(at),
                field_label(*field),
                field.key()
            ),
            PackError::InvalidDate {
                place: at,
                field,
                value,
            } => {
                let form = if *field == Field::Published {
                    "cần ghi theo dạng năm-tháng-ngày, ví dụ 2026-03-01"
                } else {
                    "cần ghi theo dạng năm-tháng-ngày (1963-10-31), năm-tháng (2016-10) hoặc chỉ năm (1966)"
                };
                format!(
                    "{}: {} {} không hợp lệ; {form}.",
                    place(at),
                    field_label(*field),
                    quoted(value)
                )
            }
            PackError::UnknownStatus { place: at, value } => format!(
                "{}: trạng thái lời văn {} không hợp lệ; chỉ dùng \"official\" (nguyên văn), \"summary\" (tóm tắt) hoặc \"unverified\" (câu trích dẫn chưa xác minh nguồn gốc).",
                place(at),
                quoted(value)
            ),
            PackError::UnknownSectionKind { place: at, value } => format!(
                "{}: loại phần {} không hợp lệ; chỉ dùng \"text\" (phần có nội dung) hoặc \"scoring_frameworks\" (phần khung tiêu chí chấm điểm).",
                place(at),
                quoted(value)
            ),
            PackError::InvalidId { place: at, id } => format!(
                "{}: mã (id) {} không hợp lệ; mã chỉ gồm chữ cái không dấu, chữ số và các dấu - _ . (tối đa {} ký tự).",
                place(at),
                quoted(id),
                crate::handbook::limits::MAX_ID_CHARS
            ),
            PackError::DuplicateSectionId { place: at, id } => format!(
                "{}: mã (id) {} đã dùng cho một phần khác trong gói; mỗi phần cần một mã riêng.",
                place(at),
                quoted(id)
            ),
            PackError::DuplicateItemId {
                place: at,
                id,
                first_section_title,
            } => format!(
                "{}: mã (id) {} đã dùng cho một mục khác (trong phần {}); mỗi mục cần một mã riêng.",
                place(at),
                quoted(id),
                quoted(first_section_title)
            ),
            PackError::NoSections => {
                "Gói nội dung không có phần nào (trường \"sections\").".to_string()
            }
            PackError::EmptySection { place: at } => {
                format!("{}: chưa có mục nào (trường \"items\").", place(at))
            }
            PackError::ItemsInFrameworkSection { place: at } => format!(
                "{}: phần khung tiêu chí được ứng dụng hiển thị từ dữ liệu khung điểm, nên không có mục nội dung riêng (xin bỏ trường \"items\").",
                place(at)
            ),
            PackError::SeveralFrameworkSections { place: at } => format!(
                "{}: gói chỉ được có một phần khung tiêu chí (loại \"scoring_frameworks\").",
                place(at)
            ),
            PackError::TooMany {
                place: at,
                what,
                count,
                max,
            } => match what {
                Count::Sections => format!(
                    "Gói nội dung có {} phần, vượt giới hạn {} phần.",
                    thousands(*count),
                    thousands(*max)
                ),
                Count::Items => format!(
                    "Gói nội dung có {} mục, vượt giới hạn {} mục.",
                    thousands(*count),
                    thousands(*max)
                ),
                Count::ItemsInSection => format!(
                    "{}: có {} mục, vượt giới hạn {} mục trong một phần.",
                    place(at),
                    thousands(*count),
                    thousands(*max)
                ),
                Count::Keywords => format!(
                    "{}: có {} từ khóa tra cứu, vượt giới hạn {} từ khóa.",
                    place(at),
                    thousands(*count),
                    thousands(*max)
                ),
            },
            PackError::TooLong {
                place: at,
                field,
                length,
                max,
            } => format!(
                "{}: {} dài {} ký tự, vượt giới hạn {} ký tự.",
                place(at),
                field_label(*field),
                thousands(*length),
                thousands(*max)
            ),
            PackError::UnknownCheckOutcome { place: at, value } => format!(
                "{}: kết quả đối chiếu {} không hợp lệ; chỉ dùng \"word_for_word\" (đúng từng chữ), \"faithful_summary\" (tóm tắt đúng ý) hoặc \"not_confirmed\" (chưa xác nhận được).",
                place(at),
                quoted(value)
            ),
            PackError::OfficialWithoutWordForWordCheck { place: at } => format!(
                "{}: mục ghi là nguyên văn (\"official\") phải có ghi chép đối chiếu đúng từng chữ với văn bản (\"check\" với kết quả \"word_for_word\"). Nếu chưa đối chiếu được từng chữ, xin ghi là tóm tắt (\"summary\").",
                place(at)
            ),
            PackError::InvalidAddress { place: at, value } => format!(
                "{}: địa chỉ trang nguồn {} không hợp lệ; cần một địa chỉ web bắt đầu bằng https:// (hoặc để trống nếu là tài liệu in).",
                place(at),
                quoted(value)
            ),
        }
    }

    /// The Vietnamese message of a pack load error (all problems, one per line).
    pub fn pack_load_error(error: &PackLoadError) -> String {
        match error {
            PackLoadError::Syntax {
                line,
                column,
                problem,
                detail,
            } => match problem {
                SyntaxProblem::NotJson => format!(
                    "Tệp không đúng định dạng JSON (dòng {line}, cột {column}); có thể tệp bị hỏng hoặc chép thiếu. Chi tiết kỹ thuật: {detail}"
                ),
                SyntaxProblem::UnknownField(name) => format!(
                    "Tệp có trường {} không có trong định dạng gói nội dung (dòng {line}, cột {column}); xin kiểm tra lỗi chính tả tên trường.",
                    quoted(name)
                ),
                SyntaxProblem::WrongType => format!(
                    "Tệp có giá trị sai kiểu dữ liệu (dòng {line}, cột {column}), ví dụ chữ ở chỗ cần một danh sách. Chi tiết kỹ thuật: {detail}"
                ),
            },
            PackLoadError::Invalid(errors) => match errors.as_slice() {
                [single] => format!("Không nạp được gói nội dung. {}", pack_error(single)),
                _ => {
                    let mut message =
                        format!("Gói nội dung có {} lỗi cần sửa:", thousands(errors.len()));
                    for error in errors.iter().take(MAX_LISTED_ERRORS) {
                        message.push_str("\n- ");
                        message.push_str(&pack_error(error));
                    }
                    if errors.len() > MAX_LISTED_ERRORS {
                        message.push_str(&format!(
                            "\n- … và {} lỗi khác.",
                            thousands(errors.len() - MAX_LISTED_ERRORS)
                        ));
                    }
                    message
                }
            },
        }
    }
}

// ---------------------------------------------------------------------------------------
// Backup and import
// ---------------------------------------------------------------------------------------

/// Vietnamese strings of backups, imports, previews, migrations and the stored data
/// ([`crate::backup`]).
pub mod backup {
    use chrono::NaiveDate;

    use super::{date, number, quoted};
    use crate::backup::import::MAX_LISTED_PROBLEMS;
    use crate::backup::import::{
        date_range, FrameworkUse, ImportError, ImportProblem, Issue, PersonRole, Place,
    };
    use crate::backup::merge::{Conflict, ImportPreview, KindPreview, RecordRef, Side};
    use crate::backup::migrate::MigrationError;
    use crate::backup::storage::{KeyKind, KeyReport, SCHEMA_VERSION};
    use crate::backup::{Backup, Expected, FieldIssue, RecordKind, Scope, FORMAT};
    use crate::checks::MeetingProblem;
    use crate::handbook::SyntaxProblem;
    use crate::model::Timestamp;

    /// At most this many problems are listed in one message (the app can list all of them
    /// with `ImportError::lines`).
    const MAX_LISTED: usize = 20;
    /// At most this many records are named in one preview line.
    const MAX_NAMED: usize = 5;

    /// A moment in Vietnam time (UTC+7, no daylight saving): "20:15 ngày 05/05/2026".
    /// The shift is checked: a moment so far ahead that seven hours more leave chrono's
    /// range (year 262142) is shown in UTC instead of panicking.
    pub fn moment(at: Timestamp) -> String {
        const VIETNAM_OFFSET_SECONDS: i64 = 7 * 3600;
        let utc = at.naive_utc();
        let local = chrono::TimeDelta::try_seconds(VIETNAM_OFFSET_SECONDS)
            .and_then(|offset| utc.checked_add_signed(offset))
            .unwrap_or(utc);
        format!("{} ngày {}", local.format("%H:%M"), date(local.date()))
    }

    /// "12,4 MB", "850 KB" (1 KB = 1000 bytes); rounded up, so a file just over the limit
    /// never shows as equal to it.
    pub(crate) fn size(bytes: usize) -> String {
        if bytes < 1_000_000 {
            return format!("{} KB", bytes.div_ceil(1000));
        }
        let tenths = bytes.div_ceil(100_000);
        if tenths % 10 == 0 {
            format!("{} MB", tenths / 10)
        } else {
            format!("{},{} MB", tenths / 10, tenths % 10)
        }
    }

    /// The text with its first letter in lower or upper case. Only ASCII letters and
    /// Đ/đ change, which covers every label this module builds ("Đảng viên", "buổi sinh
    /// hoạt"…); `char::to_uppercase` would add Unicode's case tables (≈ 13 KB) to the wasm.
    fn first_letter(text: &str, upper: bool) -> String {
        let mut chars = text.chars();
        let Some(first) = chars.next() else {
            return String::new();
        };
        let first = match (first, upper) {
            ('đ', true) => 'Đ',
            ('Đ', false) => 'đ',
            (c, true) => c.to_ascii_uppercase(),
            (c, false) => c.to_ascii_lowercase(),
        };
        std::iter::once(first).chain(chars).collect()
    }

    fn lowercase_first(text: &str) -> String {
        first_letter(text, false)
    }

    /// A name from the file, shortened for a message.
    fn short(text: &str) -> String {
        let mut short: String = text.chars().take(60).collect();
        if short.len() < text.len() {
            short.push('…');
        }
        short
    }

    // -- the whole file -----------------------------------------------------------------

    /// The line after the listed problems of a long list: "và 12.345 lỗi khác.", or "và
    /// ít nhất 12.345 lỗi khác." when records past the list were only counted.
    pub fn more_problems(unlisted: usize, at_least: bool) -> String {
        let at_least = if at_least { "ít nhất " } else { "" };
        format!("và {at_least}{} lỗi khác.", number(unlisted))
    }

    /// The message of an import error.
    pub fn import_error(error: &ImportError) -> String {
        match error {
            ImportError::TooLarge { bytes, max } => format!(
                "Tệp quá lớn ({}); tệp sao lưu chỉ được tối đa {}. Có thể đã chọn nhầm tệp.",
                size(*bytes),
                size(*max)
            ),
            ImportError::Empty => "Tệp trống, không có dữ liệu nào.".to_owned(),
            ImportError::Utf16 => "Tệp được lưu ở mã UTF-16, không phải UTF-8 như tệp sao lưu của ứng dụng; có thể tệp đã được mở rồi lưu lại bằng một trình soạn thảo. Xin dùng tệp gốc xuất từ ứng dụng.".to_owned(),
            ImportError::NotUtf8 { offset } => format!(
                "Tệp không phải văn bản UTF-8 (byte thứ {} không đọc được); có thể đây không phải tệp sao lưu của Sổ tay chi bộ, hoặc tệp đã bị hỏng.",
                offset.saturating_add(1)
            ),
            ImportError::NotJson { line, column, truncated: true, .. } => format!(
                "Tệp bị cắt cụt: nội dung kết thúc giữa chừng (dòng {line}, cột {column}); có thể tệp chưa tải về hoặc chưa gửi hết. Xin lấy lại tệp gốc."
            ),
            ImportError::NotJson { line, column, detail, .. } => format!(
                "Tệp không đúng định dạng JSON (dòng {line}, cột {column}); có thể tệp bị hỏng hoặc đã bị sửa tay. Chi tiết kỹ thuật: {detail}"
            ),
            ImportError::NotAnObject => format!(
                "Tệp là JSON nhưng không phải tệp sao lưu của Sổ tay chi bộ (cần một đối tượng có trường «format» là «{FORMAT}»)."
            ),
            ImportError::FrameworkFile => "Đây là tệp khung điểm, không phải tệp sao lưu. Xin nạp tệp này ở phần nạp khung điểm của cấp ủy.".to_owned(),
            ImportError::ContentPackFile => "Đây là tệp gói nội dung sổ tay, không phải tệp sao lưu. Xin nạp tệp này ở phần Sổ tay.".to_owned(),
            ImportError::RawDumpFile => "Đây là tệp dữ liệu thô (xuất khi dữ liệu trên máy bị lỗi), không phải tệp sao lưu, nên không nhập trực tiếp được. Tệp vẫn giữ nguyên mọi bản ghi để khôi phục thủ công.".to_owned(),
            ImportError::NotABackup => "Tệp không phải tệp sao lưu của Sổ tay chi bộ (không có trường «format»).".to_owned(),
            ImportError::WrongFormat { found } => format!(
                "Tệp có định dạng {}, không phải tệp sao lưu của Sổ tay chi bộ (định dạng «{FORMAT}»).",
                quoted(found)
            ),
            ImportError::MissingFormatVersion => "Tệp sao lưu thiếu số phiên bản định dạng (trường «format_version»).".to_owned(),
            ImportError::InvalidFormatVersion { found } => format!(
                "Tệp sao lưu ghi phiên bản định dạng {}; phiên bản phải là một số nguyên từ 1 trở lên.",
                quoted(found)
            ),
            ImportError::NewerFormatVersion { found, supported } => format!(
                "Tệp được tạo bởi phiên bản mới hơn của ứng dụng (định dạng sao lưu phiên bản {found}; ứng dụng này đọc được đến phiên bản {supported}). Xin cập nhật ứng dụng rồi nhập lại tệp; dữ liệu trên máy chưa bị thay đổi."
            ),
            ImportError::Migration(error) => migration_error(error),
            ImportError::Invalid(problems) => match &problems[..] {
                [single] if problems.unlisted() == 0 => format!("Không nhập được tệp; dữ liệu trên máy chưa bị thay đổi. {}", problem(single)),
                _ => {
                    let mut message =
                        format!("Tệp có {}{} lỗi cần sửa; chưa nhập gì vào máy:", if problems.at_least() { "ít nhất " } else { "" }, number(problems.total()));
                    for item in problems.iter().take(MAX_LISTED) {
                        message.push_str("\n- ");
                        message.push_str(&problem(item));
                    }
                    if problems.total() > MAX_LISTED {
                        message.push_str(&format!("\n- … và {} lỗi khác.", number(problems.total() - MAX_LISTED)));
                    }
                    message
                }
            },
        }
    }

    /// The message of a migration error.
    pub fn migration_error(error: &MigrationError) -> String {
        match error {
            MigrationError::NewerThanApp { found, supported } => format!(
                "Dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu {found}; ứng dụng này đọc được đến phiên bản {supported}). Xin cập nhật ứng dụng; dữ liệu chưa bị thay đổi."
            ),
            MigrationError::Unknown { found } => {
                format!("Phiên bản dữ liệu {found} không tồn tại; có thể dữ liệu đã bị hỏng.")
            }
            MigrationError::Step { from, message } => {
                format!("Không chuyển đổi được dữ liệu từ phiên bản {from}: {message}")
            }
        }
    }

    // -- places and problems ------------------------------------------------------------

    fn with_id(head: String, id: &str) -> String {
        if id.is_empty() {
            head
        } else {
            format!("{head} (mã {})", quoted(&short(id)))
        }
    }

    /// "Buổi sinh hoạt ngày 03/05/2026", "Đảng viên «Nguyễn Văn An»", "Thông tin chi bộ"…
    pub fn place(place: &Place) -> String {
        match place {
            Place::File => "Tệp sao lưu".to_owned(),
            Place::ChiBo => "Thông tin chi bộ".to_owned(),
            Place::Member {
                position,
                id,
                name,
                show_id,
            } => {
                if name.is_empty() {
                    with_id(format!("Đảng viên thứ {position}"), id)
                } else if *show_id {
                    with_id(format!("Đảng viên {}", quoted(&short(name))), id)
                } else {
                    format!("Đảng viên {}", quoted(&short(name)))
                }
            }
            Place::Meeting {
                position,
                id,
                date: meeting_date,
                show_id,
            } => match meeting_date {
                Some(day) if *show_id => with_id(format!("Buổi sinh hoạt ngày {}", date(*day)), id),
                Some(day) => format!("Buổi sinh hoạt ngày {}", date(*day)),
                None => with_id(format!("Buổi sinh hoạt thứ {position}"), id),
            },
            Place::Mark { position, item_id } => {
                if item_id.is_empty() {
                    format!("Ghi chú sổ tay thứ {position}")
                } else {
                    format!("Ghi chú sổ tay cho mục {}", quoted(&short(item_id)))
                }
            }
            Place::Framework { position, id, name } => {
                if name.is_empty() {
                    with_id(format!("Khung điểm thứ {position}"), id)
                } else {
                    with_id(format!("Khung điểm {}", quoted(&short(name))), id)
                }
            }
            Place::Review { position, id, year } => match year {
                Some(year) => format!("Kiểm điểm cuối năm {year}"),
                None => with_id(format!("Bản kiểm điểm cuối năm thứ {position}"), id),
            },
            Place::Template { position, id, name } => {
                if name.is_empty() {
                    with_id(format!("Mẫu báo cáo kiểm điểm thứ {position}"), id)
                } else {
                    with_id(format!("Mẫu báo cáo kiểm điểm {}", quoted(&short(name))), id)
                }
            }
            Place::CommitteePack => "Gói nội dung của cấp ủy".to_owned(),
            Place::Deletion { position, kind, id } => {
                let head = format!("Dấu xóa thứ {position}");
                match kind {
                    Some(kind) if !id.is_empty() => format!(
                        "{head} ({} {})",
                        noun(kind.record_kind()),
                        quoted(&short(id))
                    ),
                    _ => head,
                }
            }
        }
    }

    /// The noun of a record's place ("đảng viên"…).
    fn place_noun(place: &Place) -> Option<&'static str> {
        match place {
            Place::Member { .. } => Some("đảng viên"),
            Place::Meeting { .. } => Some("buổi sinh hoạt"),
            Place::Mark { .. } => Some("ghi chú sổ tay"),
            Place::Framework { .. } => Some("khung điểm"),
            Place::Review { .. } => Some("bản kiểm điểm cuối năm"),
            Place::Template { .. } => Some("mẫu báo cáo kiểm điểm"),
            _ => None,
        }
    }

    /// "<place>: <message>".
    pub fn problem(problem: &ImportProblem) -> String {
        let here = place(&problem.place);
        if let Issue::DuplicateId { id, first } = &problem.issue {
            // Two records with the same id often have the same name or date too: then
            // the first one is named by its position ("buổi sinh hoạt thứ 2").
            let there = place(first);
            if there == here {
                if let (Some(position), Some(noun)) = (first.position(), place_noun(first)) {
                    return format!(
                        "{here}: Trùng mã {} với {noun} thứ {position} ở trước trong tệp.",
                        quoted(&short(id))
                    );
                }
            }
        }
        format!("{here}: {}", issue(&problem.issue))
    }

    fn person_role(role: PersonRole) -> &'static str {
        match role {
            PersonRole::Chair => "Người chủ trì",
            PersonRole::Secretary => "Thư ký buổi sinh hoạt",
            PersonRole::Speaker => "Người phát biểu",
        }
    }

    const NOT_FOUND: &str = "không có trong tệp cũng như trên máy này";

    /// The message of one issue (a sentence).
    pub fn issue(issue: &Issue) -> String {
        let (earliest, latest) = date_range();
        match issue {
            Issue::Field(field) => field_issue(field),
            Issue::BlankField { field } => format!("Trường «{field}» đang để trống."),
            Issue::InvalidId { field, id } => format!(
                "Mã {} (trường «{field}») không hợp lệ: mã phải có từ 1 đến 128 ký tự và không có khoảng trắng.",
                quoted(&short(id))
            ),
            Issue::DuplicateId { id, first } => {
                format!("Trùng mã {} với {} ở trước trong tệp.", quoted(&short(id)), lowercase_first(&place(first)))
            }
            Issue::DateOutOfRange { field, date: day } => format!(
                "Ngày {} (trường «{field}») nằm ngoài khoảng {} – {}; có thể đã gõ nhầm năm.",
                date(*day),
                date(earliest),
                date(latest)
            ),
            Issue::DeletedButPresent => "Tệp vừa có bản ghi này vừa có dấu xóa của nó; một bản ghi chỉ được có một trong hai.".to_owned(),
            Issue::LeftBeforeJoined { joined, left } => format!(
                "Ngày rời chi bộ ({}) trước ngày vào chi bộ ({}).",
                date(*left),
                date(*joined)
            ),
            Issue::ExemptionReversed { position, from, to } => format!(
                "Thời gian miễn sinh hoạt thứ {position}: ngày kết thúc ({}) trước ngày bắt đầu ({}).",
                date(*to),
                date(*from)
            ),
            Issue::MeetingDayOutOfRange { day } => {
                format!("Ngày sinh hoạt thường kỳ hằng tháng ghi là {day}; phải từ 1 đến 31.")
            }
            Issue::Meeting { problem, member_name } => match problem {
                MeetingProblem::EndNotAfterStart => super::END_NOT_AFTER_START.to_owned(),
                MeetingProblem::DateInFuture => super::DATE_IN_FUTURE.to_owned(),
                MeetingProblem::MarkedTwice { .. } => super::marked_twice(member_name),
                MeetingProblem::UnknownMember { member_id } => format!(
                    "Điểm danh có mã đảng viên {} {NOT_FOUND}.",
                    quoted(&short(member_id))
                ),
            },
            Issue::UnknownPerson { role, member_id } => format!(
                "{} có mã đảng viên {} {NOT_FOUND}.",
                person_role(*role),
                quoted(&short(member_id))
            ),
            Issue::UnknownFramework { used_by, framework_id } => {
                let id = quoted(&short(framework_id));
                match used_by {
                    FrameworkUse::ChiBo => format!(
                        "Khung điểm chi bộ dùng ({id}) không phải khung điểm có sẵn của ứng dụng, và {NOT_FOUND}."
                    ),
                    FrameworkUse::OwnSheet => format!(
                        "Phiếu tự chấm điểm dùng khung điểm {id}: không phải khung điểm có sẵn của ứng dụng, và {NOT_FOUND}."
                    ),
                    FrameworkUse::SuperiorSheet => format!(
                        "Phiếu chấm của cấp ủy cấp trên dùng khung điểm {id}: không phải khung điểm có sẵn của ứng dụng, và {NOT_FOUND}."
                    ),
                }
            }
            Issue::OutsideScopeYear { year } => {
                format!("Buổi sinh hoạt không thuộc năm {year}, trong khi tệp ghi là dữ liệu năm {year}.")
            }
            Issue::BuiltinFrameworkId { id } => format!(
                "Mã {} trùng với một khung điểm có sẵn của ứng dụng; khung điểm của cấp ủy phải có mã riêng.",
                quoted(&short(id))
            ),
            Issue::Framework(error) => error.to_string(),
            Issue::BuiltinTemplateId { id } => format!(
                "Mã {} trùng với mẫu báo cáo có sẵn của ứng dụng; mẫu của cấp ủy phải có mã riêng.",
                quoted(&short(id))
            ),
            Issue::Template(error) => error.to_string(),
            Issue::ReviewIdNotOfYear { expected } => format!(
                "Mã của bản kiểm điểm phải là {} theo năm của nó.",
                quoted(expected)
            ),
            Issue::ReviewYearOutOfRange { year } => format!(
                "Năm {year} nằm ngoài khoảng {}–{}.",
                chrono::Datelike::year(&earliest),
                chrono::Datelike::year(&latest)
            ),
            Issue::PackShape { problem, detail } => pack_shape(problem, detail),
            Issue::Pack(error) => error.to_string(),
        }
    }

    /// The message of a committee pack whose shape is wrong.
    pub fn pack_shape(problem: &SyntaxProblem, detail: &str) -> String {
        match problem {
            SyntaxProblem::UnknownField(name) => format!(
                "Có trường {} không có trong định dạng gói nội dung; xin kiểm tra lỗi chính tả tên trường.",
                quoted(name)
            ),
            SyntaxProblem::WrongType | SyntaxProblem::NotJson => {
                format!("Có giá trị sai kiểu dữ liệu. Chi tiết kỹ thuật: {detail}")
            }
        }
    }

    /// The message of a problem with a record's fields (a sentence).
    pub fn field_issue(issue: &FieldIssue) -> String {
        match issue {
            FieldIssue::NotAnObject { found } => {
                format!(
                    "Không phải một đối tượng JSON (trong tệp là {}).",
                    quoted(found)
                )
            }
            FieldIssue::Missing { field } => format!("Thiếu trường «{field}»."),
            FieldIssue::Invalid {
                field,
                element,
                expected,
                found,
                detail,
            } => {
                let head = match element {
                    Some(position) => format!("Trường «{field}», mục thứ {position}"),
                    None => format!("Trường «{field}»"),
                };
                let body = match expected {
                    Expected::Date => format!(
                        "cần một ngày dạng năm-tháng-ngày (ví dụ 2026-05-03), trong tệp là {}.",
                        quoted(found)
                    ),
                    Expected::Time => format!(
                        "cần giờ dạng giờ:phút:giây (ví dụ 19:30:00), trong tệp là {}.",
                        quoted(found)
                    ),
                    Expected::Timestamp => format!(
                        "cần thời điểm dạng 2026-05-03T19:30:00Z, trong tệp là {}.",
                        quoted(found)
                    ),
                    Expected::DayOfMonth => {
                        format!(
                            "cần một ngày trong tháng, từ 1 đến 31; trong tệp là {}.",
                            quoted(found)
                        )
                    }
                    Expected::Other => serde_detail(detail),
                };
                format!("{head}: {body}")
            }
            FieldIssue::Unreadable { detail } => {
                format!("Không đọc được bản ghi. Chi tiết kỹ thuật: {detail}")
            }
        }
    }

    /// serde's English description of a wrong value, in Vietnamese (ends with a period).
    pub(crate) fn serde_detail(detail: &str) -> String {
        let detail = match detail.rfind(" at line ") {
            Some(at) => &detail[..at],
            None => detail,
        };
        let ticked = |text: &str| text.replace('`', "");
        if let Some(rest) = detail.strip_prefix("missing field `") {
            return format!("thiếu trường «{}».", rest.trim_end_matches('`'));
        }
        if let Some(rest) = detail.strip_prefix("duplicate field `") {
            return format!("trường «{}» xuất hiện hai lần.", rest.trim_end_matches('`'));
        }
        if let Some(rest) = detail.strip_prefix("unknown variant `") {
            let (value, allowed) = rest.split_once("`, expected ").unwrap_or((rest, ""));
            let allowed = ticked(allowed.trim_start_matches("one of ")).replace(" or ", ", ");
            return format!(
                "giá trị {} không hợp lệ; chỉ nhận: {allowed}.",
                quoted(value)
            );
        }
        if let Some(rest) = detail.strip_prefix("unknown field `") {
            let name = rest.split('`').next().unwrap_or(rest);
            return format!(
                "có trường {} không có trong định dạng (có thể gõ sai tên trường).",
                quoted(name)
            );
        }
        if let Some(rest) = detail.strip_prefix("invalid type: ") {
            let (found, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
            return format!(
                "sai kiểu dữ liệu: cần {}, trong tệp là {}.",
                wanted_vi(wanted),
                found_vi(found)
            );
        }
        if let Some(rest) = detail.strip_prefix("invalid value: ") {
            let (found, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
            return format!(
                "giá trị {} không hợp lệ: cần {}.",
                found_vi(found),
                wanted_vi(wanted)
            );
        }
        if let Some(rest) = detail.strip_prefix("invalid length ") {
            let (found, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
            return format!(
                "số phần tử ({found}) không đúng: cần {}.",
                wanted_vi(wanted)
            );
        }
        // chrono's descriptions of a date or time it cannot read.
        const CHRONO: [&str; 7] = [
            "input contains invalid characters",
            "premature end of input",
            "input is out of range",
            "trailing input",
            "input is not enough for unique date and time",
            "no possible date and time matching input",
            "bad or unsupported format string",
        ];
        if CHRONO.contains(&detail) {
            return "có ngày hoặc giờ không hợp lệ (ngày ghi dạng năm-tháng-ngày, ví dụ 2026-05-03; giờ dạng giờ:phút:giây, ví dụ 19:30:00).".to_owned();
        }
        format!("không đọc được. Chi tiết kỹ thuật: {detail}.")
    }

    fn wanted_vi(wanted: &str) -> String {
        match wanted {
            "a string" => "văn bản".to_owned(),
            "u8" => "một số nguyên từ 0 đến 255".to_owned(),
            "u16" | "u32" | "u64" | "usize" => "một số nguyên không âm".to_owned(),
            "i8" | "i16" | "i32" | "i64" | "isize" => "một số nguyên".to_owned(),
            "a boolean" => "true hoặc false".to_owned(),
            "a sequence" => "một danh sách".to_owned(),
            "a map" => "một đối tượng".to_owned(),
            "a number" | "a decimal number" => "một số".to_owned(),
            "a formatted date string" => "một ngày dạng năm-tháng-ngày".to_owned(),
            "a formatted date and time string" | "an RFC 3339 formatted date and time string" => {
                "một thời điểm dạng 2026-05-03T19:30:00Z".to_owned()
            }
            "a year from 1930 to 2100" => "một năm từ 1930 đến 2100".to_owned(),
            other
                if other.starts_with("struct ") || other.starts_with("internally tagged enum ") =>
            {
                "một đối tượng".to_owned()
            }
            other => other.replace('`', ""),
        }
    }

    fn found_vi(found: &str) -> String {
        if let Some(text) = found
            .strip_prefix("string \"")
            .and_then(|rest| rest.strip_suffix('"'))
        {
            return quoted(&short(text));
        }
        if let Some(number) = found
            .strip_prefix("integer `")
            .or_else(|| found.strip_prefix("floating point `"))
            .and_then(|rest| rest.strip_suffix('`'))
        {
            return format!("số {number}");
        }
        match found {
            "boolean `true`" => "true".to_owned(),
            "boolean `false`" => "false".to_owned(),
            "null" | "unit value" => "null (trống)".to_owned(),
            "map" => "một đối tượng".to_owned(),
            "sequence" => "một danh sách".to_owned(),
            other => other.replace('`', ""),
        }
    }

    // -- the stored data ----------------------------------------------------------------

    /// A stored record that is not JSON.
    pub fn stored_not_json(line: usize, column: usize) -> String {
        format!("Không phải JSON hợp lệ (dòng {line}, cột {column}); bản ghi có thể đã bị hỏng.")
    }

    /// The problems of a stored record's fields, in one text.
    pub fn stored_field_issues(issues: &[FieldIssue]) -> String {
        let lines: Vec<String> = issues.iter().map(field_issue).collect();
        lines.join(" ")
    }

    /// A stored record whose id is not the one in its key.
    pub fn stored_id_mismatch(found: &str, key_id: &str) -> String {
        format!(
            "Mã trong bản ghi ({}) khác mã trong khóa lưu trữ ({}).",
            quoted(&short(found)),
            quoted(&short(key_id))
        )
    }

    /// A schema version that is not a number.
    pub fn unreadable_schema_version(found: &str) -> String {
        format!(
            "Số phiên bản dữ liệu {} không đọc được; ứng dụng đọc dữ liệu theo phiên bản {SCHEMA_VERSION}.",
            quoted(&short(found))
        )
    }

    fn key_kind_label(kind: KeyKind) -> &'static str {
        match kind {
            KeyKind::SchemaVersion => "Phiên bản dữ liệu",
            KeyKind::Settings => "Cài đặt",
            KeyKind::ChiBo => "Thông tin chi bộ",
            KeyKind::Member => "Đảng viên",
            KeyKind::Meeting => "Buổi sinh hoạt",
            KeyKind::Mark => "Ghi chú sổ tay",
            KeyKind::Framework => "Khung điểm của cấp ủy",
            KeyKind::Review => "Kiểm điểm cuối năm",
            KeyKind::DossierTemplate => "Mẫu báo cáo kiểm điểm của cấp ủy",
            KeyKind::CommitteePack => "Gói nội dung của cấp ủy",
            KeyKind::Deletion => "Dấu xóa",
            KeyKind::Unknown => "Mục không rõ",
        }
    }

    /// "Buổi sinh hoạt (sotay.meeting.x): …why…".
    fn unreadable_key(report: &KeyReport) -> String {
        format!(
            "{} ({}): {}",
            key_kind_label(report.kind),
            report.key,
            report.problem.as_deref().unwrap_or_default()
        )
    }

    /// Lines for restoring a raw export: what is skipped (never written), one per key.
    pub fn raw_restore_skipped_lines(skipped: &[KeyReport]) -> Vec<String> {
        if skipped.is_empty() {
            return Vec::new();
        }
        let mut lines = vec![format!(
            "Bỏ qua {} mục không đọc được trong tệp dữ liệu thô (không ghi vào máy):",
            number(skipped.len())
        )];
        lines.extend(skipped.iter().take(MAX_LISTED_PROBLEMS).map(unreadable_key));
        if skipped.len() > MAX_LISTED_PROBLEMS {
            lines.push(more_problems(skipped.len() - MAX_LISTED_PROBLEMS, false));
        }
        lines
    }

    /// Lines for the start-up recovery screen.
    pub fn raw_summary_lines(keys: &[KeyReport]) -> Vec<String> {
        let unreadable: Vec<&KeyReport> = keys
            .iter()
            .filter(|report| report.problem.is_some())
            .collect();
        let mut lines = vec![format!(
            "Đọc được {} trên {} mục dữ liệu của ứng dụng.",
            keys.len() - unreadable.len(),
            keys.len()
        )];
        if !unreadable.is_empty() {
            lines.push(format!(
                "Không đọc được {} mục; các mục này vẫn được giữ nguyên trên máy và có trong tệp dữ liệu thô:",
                number(unreadable.len())
            ));
            let more = unreadable.len().saturating_sub(MAX_LISTED_PROBLEMS);
            lines.extend(unreadable.into_iter().take(MAX_LISTED_PROBLEMS).map(unreadable_key));
            if more > 0 {
                lines.push(more_problems(more, false));
            }
        }
        lines
    }

    // -- describing a file and a preview ------------------------------------------------

    /// "ngày 03/05/2026": a meeting in a preview.
    pub fn meeting_label(day: NaiveDate) -> String {
        format!("ngày {}", date(day))
    }

    /// How a preview names a review: "năm 2025".
    pub fn review_label(year: i32) -> String {
        format!("năm {year}")
    }

    /// One line about a backup file.
    pub fn backup_description(backup: &Backup) -> String {
        let what = match backup.scope {
            Scope::All => "Tệp sao lưu toàn bộ dữ liệu".to_owned(),
            Scope::Year { year } => format!("Tệp dữ liệu năm {year}"),
        };
        let of = backup
            .data
            .chi_bo
            .as_ref()
            .map(|chi_bo| format!(" của {}", quoted(&short(&chi_bo.name))))
            .unwrap_or_default();
        let data = &backup.data;
        let mut contents = vec![
            format!("{} đảng viên", data.members.len()),
            format!("{} buổi sinh hoạt", data.meetings.len()),
        ];
        if !data.reviews.is_empty() {
            contents.push(format!("{} bản kiểm điểm cuối năm", data.reviews.len()));
        }
        if !data.marks.is_empty() {
            contents.push(format!("{} ghi chú, đánh dấu sổ tay", data.marks.len()));
        }
        if !data.frameworks.is_empty() {
            contents.push(format!("{} khung điểm của cấp ủy", data.frameworks.len()));
        }
        if !data.templates.is_empty() {
            contents.push(format!("{} mẫu báo cáo kiểm điểm của cấp ủy", data.templates.len()));
        }
        if data.committee_pack.is_some() {
            contents.push("gói nội dung của cấp ủy".to_owned());
        }
        if !data.deletions.is_empty() {
            contents.push(format!("{} dấu xóa", data.deletions.len()));
        }
        let mut line = format!(
            "{what}{of}, xuất lúc {} (ứng dụng phiên bản {}): {}.",
            moment(backup.exported_at),
            short(&backup.app_version),
            contents.join(", ")
        );
        if backup.source_format_version < crate::backup::FORMAT_VERSION {
            line.push_str(&format!(
                " Tệp ở định dạng cũ (phiên bản {}) đã được chuyển sang định dạng hiện tại.",
                backup.source_format_version
            ));
        }
        line
    }

    fn noun(kind: RecordKind) -> &'static str {
        match kind {
            RecordKind::ChiBo => "thông tin chi bộ",
            RecordKind::Member => "đảng viên",
            RecordKind::Meeting => "buổi sinh hoạt",
            RecordKind::Mark => "ghi chú, đánh dấu sổ tay",
            RecordKind::Framework => "khung điểm của cấp ủy",
            RecordKind::CommitteePack => "gói nội dung của cấp ủy",
            RecordKind::Review => "bản kiểm điểm cuối năm",
            RecordKind::DossierTemplate => "mẫu báo cáo kiểm điểm của cấp ủy",
        }
    }

    fn conflict(conflict: &Conflict) -> String {
        let kept = match conflict.kept {
            Side::Current => "giữ bản trên máy",
            Side::Incoming => "lấy bản trong tệp",
        };
        if conflict.current_updated_at == conflict.incoming_updated_at {
            format!(
                "{} (cùng sửa lúc {} nhưng nội dung khác nhau; {kept})",
                short(&conflict.record.label),
                moment(conflict.current_updated_at)
            )
        } else {
            format!(
                "{} (bản trên máy sửa lúc {}, bản trong tệp sửa lúc {}; {kept})",
                short(&conflict.record.label),
                moment(conflict.current_updated_at),
                moment(conflict.incoming_updated_at)
            )
        }
    }

    fn conflicts(list: &[Conflict]) -> String {
        let mut named: Vec<String> = list.iter().take(MAX_NAMED).map(conflict).collect();
        if list.len() > MAX_NAMED {
            named.push(format!("và {} xung đột khác", list.len() - MAX_NAMED));
        }
        named.join("; ")
    }

    fn capitalise(text: &str) -> String {
        first_letter(text, true)
    }

    fn single_line(preview: &KindPreview) -> Option<String> {
        let head = capitalise(noun(preview.kind));
        let what = if !preview.added.is_empty() {
            "thêm mới từ tệp.".to_owned()
        } else if !preview.updated.is_empty() {
            "cập nhật theo tệp (bản trong tệp mới hơn).".to_owned()
        } else if !preview.unchanged.is_empty() {
            "giữ nguyên (giống trong tệp).".to_owned()
        } else if let Some(first) = preview.conflicts.first() {
            format!("xung đột: {}.", conflict(first))
        } else {
            return None;
        };
        let name = preview
            .added
            .iter()
            .chain(&preview.updated)
            .chain(&preview.unchanged)
            .map(|record| record.label.as_str())
            .next()
            .filter(|label| !label.is_empty());
        Some(match name {
            Some(name) => format!("{head} {}: {what}", quoted(&short(name))),
            None => format!("{head}: {what}"),
        })
    }

    fn list_line(preview: &KindPreview) -> Option<String> {
        let noun = noun(preview.kind);
        let mut parts: Vec<String> = Vec::new();
        for (count, verb) in [
            (preview.added.len(), "thêm"),
            (preview.updated.len(), "cập nhật"),
            (preview.unchanged.len(), "giữ nguyên"),
        ] {
            if count == 0 {
                continue;
            }
            if parts.is_empty() {
                parts.push(format!("{} {count} {noun}", capitalise(verb)));
            } else {
                parts.push(format!("{verb} {count}"));
            }
        }
        let mut line = parts.join(", ");
        if !preview.conflicts.is_empty() {
            let count = preview.conflicts.len();
            if line.is_empty() {
                line = format!(
                    "{count} xung đột về {noun}: {}",
                    conflicts(&preview.conflicts)
                );
            } else {
                line.push_str(&format!(
                    "; {count} xung đột: {}",
                    conflicts(&preview.conflicts)
                ));
            }
        }
        if line.is_empty() {
            return None;
        }
        line.push('.');
        Some(line)
    }

    /// "buổi sinh hoạt ngày 03/05/2026", "đảng viên «Lê Văn Cường»": each record a merge
    /// deletes, at most `MAX_NAMED` of them and a count of the rest.
    fn deleted_names(preview: &KindPreview) -> Vec<String> {
        named_records(preview.kind, &preview.deleted)
    }

    /// `records` of `kind` named as [`deleted_names`] does.
    fn named_records(kind: RecordKind, records: &[RecordRef]) -> Vec<String> {
        let noun = noun(kind);
        let mut named: Vec<String> = records
            .iter()
            .take(MAX_NAMED)
            .map(|record| match kind {
                RecordKind::Meeting => format!("{noun} {}", record.label),
                _ => format!("{noun} {}", quoted(&short(&record.label))),
            })
            .collect();
        if records.len() > MAX_NAMED {
            named.push(format!("và {} {noun} khác", records.len() - MAX_NAMED));
        }
        named
    }

    /// "Sẽ xóa: buổi sinh hoạt ngày 03/05/2026, buổi sinh hoạt ngày 10/05/2026 (…)."
    fn deleted_line(preview: &KindPreview) -> Option<String> {
        if preview.deleted.is_empty() {
            return None;
        }
        Some(format!(
            "Sẽ xóa: {} (đã bị xóa trên máy khác sau lần sửa cuối trên máy này).",
            deleted_names(preview).join(", ")
        ))
    }

    /// The question to ask before a merge that deletes records, or `None`.
    pub fn merge_delete_question(preview: &ImportPreview) -> Option<String> {
        let count: usize = preview.kinds().iter().map(|kind| kind.deleted.len()).sum();
        if count == 0 {
            return None;
        }
        let names: Vec<String> = preview.kinds().iter().flat_map(|kind| deleted_names(kind)).collect();
        Some(format!(
            "Gộp tệp này sẽ xóa {count} mục trên máy vì đã bị xóa trên máy khác: {}. Đồng chí có chắc muốn gộp không?",
            names.join(", ")
        ))
    }

    /// The question before a replace that removes records from the device (those the
    /// file does not hold, deleted in it or never there), or `None` when it removes none.
    pub fn replace_delete_question(preview: &ImportPreview) -> Option<String> {
        let count: usize = preview
            .kinds()
            .iter()
            .map(|kind| kind.only_current.len())
            .sum();
        if count == 0 {
            return None;
        }
        let names: Vec<String> = preview
            .kinds()
            .iter()
            .flat_map(|kind| named_records(kind.kind, &kind.only_current))
            .collect();
        Some(format!(
            "Thay toàn bộ sẽ xóa {count} mục trên máy mà tệp không có: {}. Ứng dụng giữ một bản sao để có thể hoàn tác. Đồng chí có chắc muốn thay không?",
            names.join(", ")
        ))
    }

    /// The warning about moments ahead of this phone's clock, if any.
    fn ahead_of_clock_line(preview: &ImportPreview) -> Option<String> {
        let ahead = preview.ahead_of_clock.as_ref()?;
        let what = match (ahead.records, ahead.exported_at) {
            (0, _) => "thời điểm xuất tệp".to_owned(),
            (count, true) => format!("thời điểm xuất tệp và {count} bản ghi"),
            (count, false) => format!("{count} bản ghi"),
        };
        Some(format!(
            "Chú ý: {what} trong tệp ghi thời điểm muộn hơn giờ trên máy này quá một ngày (muộn nhất {}); có thể đồng hồ của máy đã xuất tệp hoặc của máy này bị sai. Tệp vẫn nhập được, nhưng các bản ghi đó sẽ được coi là mới hơn mọi sửa đổi trên máy này cho đến thời điểm ấy.",
            moment(ahead.latest)
        ))
    }

    /// Lines describing a merge.
    pub fn merge_summary_lines(preview: &ImportPreview) -> Vec<String> {
        let mut lines = Vec::new();
        lines.extend(ahead_of_clock_line(preview));
        if let Some(other) = &preview.other_chi_bo {
            lines.push(format!(
                "Chú ý: tệp là dữ liệu của {}, khác chi bộ trên máy ({}). Chỉ nhập khi đồng chí chắc chắn đây là dữ liệu của chi bộ mình.",
                quoted(&short(&other.incoming_name)),
                quoted(&short(&other.current_name))
            ));
        }
        for kind in preview.kinds() {
            let line = if kind.kind.is_single() {
                single_line(kind)
            } else {
                list_line(kind)
            };
            lines.extend(line);
            lines.extend(deleted_line(kind));
        }
        if preview.merge_changes_nothing() {
            lines.push(
                "Tệp không có gì mới: nhập tệp sẽ không thay đổi dữ liệu trên máy.".to_owned(),
            );
        }
        lines
    }

    fn labels(records: &[crate::backup::RecordRef]) -> String {
        let mut named: Vec<String> = records
            .iter()
            .take(MAX_NAMED)
            .map(|r| short(&r.label))
            .collect();
        if records.len() > MAX_NAMED {
            named.push(format!("và {} mục khác", records.len() - MAX_NAMED));
        }
        named.join(", ")
    }

    /// Lines describing a replace.
    pub fn replace_summary_lines(preview: &ImportPreview) -> Vec<String> {
        let mut lines = Vec::new();
        lines.extend(ahead_of_clock_line(preview));
        if let Some(other) = &preview.other_chi_bo {
            lines.push(format!(
                "Chú ý: tệp là dữ liệu của {}, khác chi bộ trên máy ({}).",
                quoted(&short(&other.incoming_name)),
                quoted(&short(&other.current_name))
            ));
        }
        let counts: Vec<String> = preview
            .kinds()
            .iter()
            .filter(|kind| !kind.kind.is_single() && kind.incoming_count() > 0)
            .map(|kind| format!("{} {}", kind.incoming_count(), noun(kind.kind)))
            .collect();
        lines.push(if counts.is_empty() {
            "Thay toàn bộ dữ liệu trên máy bằng dữ liệu trong tệp.".to_owned()
        } else {
            format!(
                "Thay toàn bộ dữ liệu trên máy bằng dữ liệu trong tệp: {}.",
                counts.join(", ")
            )
        });
        for kind in preview.kinds() {
            if !kind.only_current.is_empty() {
                let line = if kind.kind.is_single() {
                    format!("Sẽ xóa {} trên máy (tệp không có).", noun(kind.kind))
                } else {
                    format!(
                        "Sẽ xóa {} {} chỉ có trên máy: {}.",
                        kind.only_current.len(),
                        noun(kind.kind),
                        labels(&kind.only_current)
                    )
                };
                lines.push(line);
            }
            if !kind.conflicts.is_empty() {
                lines.push(format!(
                    "Sẽ thay {} {} trên máy bằng bản cũ hơn hoặc cùng lúc trong tệp: {}.",
                    kind.conflicts.len(),
                    noun(kind.kind),
                    labels(
                        &kind
                            .conflicts
                            .iter()
                            .map(|c| c.record.clone())
                            .collect::<Vec<_>>()
                    )
                ));
            }
        }
        lines
    }
}

// ---------------------------------------------------------------------------------------
// Year-end review
// ---------------------------------------------------------------------------------------

/// The year-end review's words: levels, template errors, what stops finalising, the
/// evidence lines the summary does not already give, and spreadsheet headers.
pub mod review {
    use super::{date, percent, quoted};
    use crate::decimal::Ratio;
    use crate::model::MeetingStatus;
    use crate::review::template::{TemplateError, TemplateLoadError, TEMPLATE_FORMAT_VERSION};
    use crate::review::{DossierTemplate, MemberTask, ReviewLevel, ReviewProblem, TaskOutcome};

    /// "Hoàn thành tốt nhiệm vụ" and the others.
    pub fn level(level: ReviewLevel) -> &'static str {
        match level {
            ReviewLevel::HoanThanhXuatSac => "Hoàn thành xuất sắc nhiệm vụ",
            ReviewLevel::HoanThanhTot => "Hoàn thành tốt nhiệm vụ",
            ReviewLevel::HoanThanh => "Hoàn thành nhiệm vụ",
            ReviewLevel::KhongHoanThanh => "Không hoàn thành nhiệm vụ",
        }
    }

    pub(crate) fn place_template() -> String {
        "mẫu báo cáo kiểm điểm".to_string()
    }

    pub(crate) fn place_section_index(index: usize) -> String {
        format!("đề mục thứ {}", index + 1)
    }

    pub(crate) fn place_section(id: &str) -> String {
        format!("đề mục \"{id}\"")
    }

    pub(crate) fn place_level(level_value: ReviewLevel) -> String {
        format!("mức \"{}\"", level(level_value))
    }

    /// The message of one template problem, naming the place.
    pub fn template_error(error: &TemplateError) -> String {
        match error {
            TemplateError::UnsupportedFormatVersion { found } => format!(
                "Tệp mẫu báo cáo kiểm điểm dùng định dạng phiên bản {found}; ứng dụng này chỉ đọc phiên bản {TEMPLATE_FORMAT_VERSION}."
            ),
            TemplateError::EmptyField { place, field } => {
                format!("Thiếu nội dung ở trường \"{field}\" của {place}.")
            }
            TemplateError::NoLegalBasis => {
                "Mẫu báo cáo chưa ghi căn cứ (trường \"legal_basis\").".to_string()
            }
            TemplateError::NoSections => {
                "Mẫu báo cáo chưa có đề mục nào (trường \"sections\").".to_string()
            }
            TemplateError::DuplicateSectionId { section_id } => {
                format!("Có hai đề mục cùng mã \"{section_id}\".")
            }
            TemplateError::MissingLevel { level: missing } => format!(
                "Mẫu báo cáo thiếu mức \"{}\" trong danh sách mức xếp loại (trường \"levels\"): cần đủ bốn mức.",
                level(*missing)
            ),
            TemplateError::DuplicateLevel { level: twice } => format!(
                "Mức \"{}\" được ghi hai lần trong danh sách mức xếp loại (trường \"levels\").",
                level(*twice)
            ),
        }
    }

    /// The message of a template load error (all problems, one per line).
    pub fn template_load_error(error: &TemplateLoadError) -> String {
        match error {
            TemplateLoadError::Syntax { line, column, detail } => format!(
                "Tệp mẫu báo cáo kiểm điểm không đúng định dạng (dòng {line}, cột {column}). Chi tiết kỹ thuật: {detail}"
            ),
            TemplateLoadError::Invalid(errors) => {
                let mut message = format!("Mẫu báo cáo kiểm điểm có {} lỗi cần sửa:", errors.len());
                for error in errors {
                    message.push_str("\n- ");
                    message.push_str(&template_error(error));
                }
                message
            }
        }
    }

    /// Why the review cannot be finalised yet.
    pub fn review_problem(problem: &ReviewProblem, template: &DossierTemplate) -> String {
        match problem {
            ReviewProblem::EmptySection { section_id } => {
                let heading = template
                    .section(section_id)
                    .map_or(section_id.as_str(), |section| section.heading.as_str());
                format!("Chưa viết phần {}.", quoted(heading))
            }
            ReviewProblem::NoProposedLevel => "Chưa chọn mức chi bộ tự đề nghị.".to_string(),
            ReviewProblem::NoVote => "Chưa ghi kết quả biểu quyết.".to_string(),
            ReviewProblem::EmptyVote => "Kết quả biểu quyết chưa có phiếu nào.".to_string(),
            ReviewProblem::VoteExceedsVoters { cast, voters } => format!(
                "Tổng số biểu quyết ({cast}) nhiều hơn số đảng viên chính thức của chi bộ ({voters})."
            ),
            ReviewProblem::NoReviewDate => "Chưa ghi ngày họp kiểm điểm.".to_string(),
        }
    }

    /// A template's basis, issuer, source and wording status, as lines (like a framework's).
    pub fn template_provenance(template: &DossierTemplate) -> Vec<String> {
        let mut lines = Vec::new();
        if !template.legal_basis.is_empty() {
            lines.push(format!("Căn cứ: {}.", template.legal_basis.join("; ")));
        }
        let issued_on = template
            .issued_on
            .map(|day| format!(", ngày {}", date(day)))
            .unwrap_or_default();
        lines.push(format!("Ban hành: {}{issued_on}.", template.issued_by));
        lines.push(format!("Nguồn: {}.", template.source));
        lines.push(format!(
            "Nội dung: {}.",
            super::wording_status(template.wording_status)
        ));
        if !template.note.is_empty() {
            lines.push(template.note.clone());
        }
        lines
    }

    /// "Nhiệm vụ theo nghị quyết đã hoàn thành: 18/20 = 90%".
    pub fn tasks_done_line(ratio: Option<Ratio>) -> String {
        match ratio {
            Some(ratio) => format!(
                "Nhiệm vụ theo nghị quyết các kỳ đã kiểm tra: hoàn thành {}/{} = {}.",
                ratio.count,
                ratio.total,
                percent(ratio)
            ),
            None => "Chưa có buổi sinh hoạt nào kiểm tra nhiệm vụ của nghị quyết kỳ trước.".to_string(),
        }
    }

    /// A task's line on a member's page.
    pub fn member_task(task: &MemberTask) -> String {
        let outcome = match task.outcome {
            TaskOutcome::Done => "đã hoàn thành",
            TaskOutcome::NotDone => "chưa hoàn thành",
            TaskOutcome::NotChecked => "chưa kiểm tra",
        };
        let deadline = task
            .deadline
            .map(|deadline| format!(", hạn {}", date(deadline)))
            .unwrap_or_default();
        format!(
            "{} (giao ngày {}{deadline}): {outcome}",
            task.what,
            date(task.assigned_on)
        )
    }

    /// "03/02/2026, 05/05/2026", or "không có".
    pub fn dates(values: &[chrono::NaiveDate]) -> String {
        if values.is_empty() {
            "không có".to_string()
        } else {
            values.iter().map(|value| date(*value)).collect::<Vec<_>>().join(", ")
        }
    }

    pub(crate) fn cell_no_meeting() -> &'static str {
        "Không sinh hoạt"
    }

    pub(crate) fn cell_average() -> &'static str {
        "Bình quân"
    }

    pub(crate) fn meeting_status(status: MeetingStatus) -> &'static str {
        match status {
            MeetingStatus::Draft => "Bản nháp",
            MeetingStatus::Finalised => "Đã hoàn thành",
        }
    }

    pub(crate) fn summary_sheet_header() -> Vec<String> {
        [
            "Tháng",
            "Ngày",
            "Loại buổi",
            "Biên bản",
            "Có mặt",
            "Phải dự",
            "Tỷ lệ dự (%)",
            "Điểm chi bộ tự chấm",
            "Xếp loại chi bộ tự chấm",
            "Điểm cấp trên chấm",
            "Xếp loại cấp trên chấm",
        ]
        .map(str::to_owned)
        .to_vec()
    }

    pub(crate) fn attendance_sheet_header() -> Vec<String> {
        [
            "Họ và tên",
            "Chức vụ",
            "Số buổi phải dự",
            "Có mặt",
            "Vắng có lý do",
            "Vắng không lý do",
            "Chưa ghi",
            "Miễn sinh hoạt",
            "Tỷ lệ dự (%)",
            "Số buổi phát biểu",
            "Nhiệm vụ được giao",
            "Nhiệm vụ đã hoàn thành",
            "Cảnh báo",
        ]
        .map(str::to_owned)
        .to_vec()
    }
}
