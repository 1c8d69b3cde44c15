//! A framework's provenance lines and its problems.

use super::format::{date, decimal};
use super::labels::{rating, wording_status};
use crate::decimal::Decimal;
use crate::framework::{Framework, FrameworkError, FrameworkLoadError, FrameworkPlace};

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

pub(crate) fn effective_range(framework: &Framework) -> String {
    effective_dates(framework.effective_from, framework.effective_to)
}

/// "từ 01/01/2026 đến 31/12/2026", "không ghi thời hạn".
pub(crate) fn effective_dates(from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>) -> String {
    match (from, to) {
        (Some(from), Some(to)) => format!("từ {} đến {}", date(from), date(to)),
        (Some(from), None) => format!("từ {}", date(from)),
        (None, Some(to)) => format!("đến {}", date(to)),
        (None, None) => "không ghi thời hạn".to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// Framework errors
// ---------------------------------------------------------------------------------------

/// "khung điểm", "nhóm thứ 2", "tiêu chí \"2.1\"", "bước thứ 3 của trình tự sinh hoạt".
pub fn framework_place(place: &FrameworkPlace) -> String {
    match place {
        FrameworkPlace::Framework => "khung điểm".to_string(),
        FrameworkPlace::GroupAt(position) => format!("nhóm thứ {position}"),
        FrameworkPlace::Group(id) => format!("nhóm \"{id}\""),
        FrameworkPlace::CriterionAt { group_id, position } => format!("tiêu chí thứ {position} của nhóm \"{group_id}\""),
        FrameworkPlace::Criterion(id) => format!("tiêu chí \"{id}\""),
        FrameworkPlace::OptionAt { criterion_id, position } => format!("lựa chọn thứ {position} của tiêu chí \"{criterion_id}\""),
        FrameworkPlace::OptionOf { criterion_id, option_id } => format!("lựa chọn \"{option_id}\" của tiêu chí \"{criterion_id}\""),
        FrameworkPlace::GuardAt(position) => format!("quy tắc khống chế thứ {position}"),
        FrameworkPlace::StepAt(position) => format!("bước thứ {position} của trình tự sinh hoạt"),
        FrameworkPlace::Step(id) => format!("bước \"{id}\" của trình tự sinh hoạt"),
    }
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
        EmptyField { place, field } => format!("Thiếu nội dung ở trường \"{field}\" của {}.", framework_place(place)),
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
        DaysBeforeOutOfRange { criterion_id, days } => format!(
            "Tiêu chí \"{criterion_id}\": số ngày gửi tài liệu trước buổi sinh hoạt là {days}; chỉ được từ 0 đến {} ngày.",
            crate::framework::MAX_DAYS_BEFORE
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

impl std::fmt::Display for crate::framework::FrameworkLoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&framework_load_error(self))
    }
}

impl std::fmt::Display for crate::framework::FrameworkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&framework_error(self))
    }
}
