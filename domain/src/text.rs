//! Every Vietnamese string the domain crate produces, in one place: labels, number and
//! date formats, framework error messages, score derivations and analytics warnings.
//!
//! Numbers use the Vietnamese decimal comma ("81,8%"), dates are dd/mm/yyyy, times hh:mm.
//! Percentages are shown rounded *down* to one decimal so that a displayed value never
//! looks higher than the value the bands compared (64,95 % shows as "64,9%", not "65%").

use chrono::{NaiveDate, NaiveTime};

use crate::decimal::{Decimal, Ratio};
use crate::framework::{
    Framework, FrameworkError, FrameworkLoadError, Rating, StreakBonus, WordingStatus,
};
use crate::model::{AbsenceReason, Attendance, ChiBoKind, MeetingKind, MemberRole, MemberStatus};
use crate::scoring::{AttendanceFacts, CriterionScore};

// ---------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------

/// "2,5", "30".
pub fn decimal(value: Decimal) -> String {
    value.to_string().replace('.', ",")
}

/// "3 điểm", "2,5 điểm".
pub fn points(value: Decimal) -> String {
    format!("{} điểm", decimal(value))
}

/// "81,8%" for 9/11, "90%" for 9/10 (one decimal, rounded down, trailing ",0" dropped).
pub fn percent(ratio: Ratio) -> String {
    tenths_percent(ratio.percent_tenths_floor())
}

/// A float percentage (averages), rounded to one decimal: "86,3%".
pub fn percent_f64(value: f64) -> String {
    let tenths = (value * 10.0).round().max(0.0) as u64;
    tenths_percent(tenths)
}

fn tenths_percent(tenths: u64) -> String {
    if tenths.is_multiple_of(10) {
        format!("{}%", tenths / 10)
    } else {
        format!("{},{}%", tenths / 10, tenths % 10)
    }
}

/// "03/09/2025".
pub fn date(value: NaiveDate) -> String {
    value.format("%d/%m/%Y").to_string()
}

/// "19:30".
pub fn time(value: NaiveTime) -> String {
    value.format("%H:%M").to_string()
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

pub(crate) fn warning_months_without_reason(name: &str, month_numbers: &[u32]) -> String {
    format!(
        "Đồng chí {name} vắng sinh hoạt không có lý do trong {} tháng của năm ({}). Đây là cảnh báo để chi bộ xem xét theo Điều lệ Đảng (bỏ sinh hoạt 3 tháng trong năm không có lý do chính đáng), không phải quyết định: việc xem xét, xử lý do chi bộ thảo luận và quyết định.",
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
            "64,9%"
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

/// Vietnamese strings of the handbook ([`crate::handbook`]): statuses, provenance lines,
/// pack validation errors.
pub mod handbook {
    use super::{date, quoted};
    use crate::handbook::{
        Count, Field, Origin, PackError, PackInfo, PackLoadError, Place, Source, SourceDate,
        Status, SyntaxProblem, FORMAT_VERSION,
    };

    /// At most this many problems are listed in one message.
    const MAX_LISTED_ERRORS: usize = 20;

    /// Label of a wording status.
    pub fn status_label(status: Status) -> &'static str {
        match status {
            Status::Official => "Nguyên văn (đã đối chiếu với nguồn)",
            Status::Summary => "Tóm tắt, không phải nguyên văn",
            Status::Unverified => "Câu trích dẫn phổ biến, chưa xác minh được nguồn gốc",
        }
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
                "Gói nội dung ghi phiên bản định dạng không hợp lệ (trường \"format_version\"); ứng dụng chỉ đọc được phiên bản {FORMAT_VERSION}."
            ),
            PackError::UnsupportedFormatVersion { found } => format!(
                "Gói nội dung ghi phiên bản định dạng {found}; ứng dụng chỉ đọc được phiên bản {FORMAT_VERSION}."
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
