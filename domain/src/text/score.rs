//! A scored sheet's words: derivations, adjustments, notices and summaries.

use chrono::{NaiveDate, NaiveTime};

use super::format::*;
use super::labels::*;
use super::framework::effective_range;
use crate::decimal::{Decimal, Ratio};
use crate::framework::{Framework, Rating, StreakBonus};
use crate::model::MeetingKind;
use crate::scoring::{AttendanceFacts, CriterionScore};

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
