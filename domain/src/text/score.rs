//! A scored sheet's words: its summary, each criterion's derivation, the adjustments and
//! the notices, made from the engine's facts ([`crate::scoring`]). `Display` for
//! [`Derivation`], [`Adjustment`] and [`Notice`] is here, so `to_string()` gives the line
//! the sheet shows.

use std::fmt;

use chrono::NaiveTime;

use super::format::*;
use super::framework::effective_dates;
use super::labels::*;
use crate::decimal::{Decimal, Ratio};
use crate::framework::{Rating, StreakBonus};
use crate::scoring::{Adjustment, AttendanceDerivation, Derivation, LongerMeetingReason, MeetingScore, Notice, Streak};

impl MeetingScore {
    /// One line: "92/100 điểm → Khá", or with the scaled total when criteria were left
    /// out: "85/95 điểm (quy về thang 100: 89,47) → Khá".
    pub fn summary(&self) -> String {
        match self.scaled_total {
            Some(scaled) => format!(
                "{}/{} điểm (quy về thang {}: {}) → {}",
                decimal(self.total),
                decimal(self.max),
                decimal(self.full_max),
                decimal(scaled),
                rating(self.rating)
            ),
            None => format!("{}/{} điểm → {}", decimal(self.total), decimal(self.max), rating(self.rating)),
        }
    }

    /// The adjustments, then the notices, one line each (the print's explanations).
    pub fn explanation_lines(&self) -> Vec<String> {
        self.adjustments.iter().map(ToString::to_string).chain(self.notices.iter().map(ToString::to_string)).collect()
    }
}

impl fmt::Display for Derivation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&derivation(self))
    }
}

impl fmt::Display for Adjustment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&adjustment(self))
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&notice(self))
    }
}

/// Why a meeting must last longer: "chi bộ có từ 30 đảng viên trở lên".
pub fn longer_meeting_reason(reason: LongerMeetingReason) -> String {
    match reason {
        LongerMeetingReason::LargeChiBo(members) => format!("chi bộ có từ {members} đảng viên trở lên"),
        LongerMeetingReason::Combined => "sinh hoạt thường kỳ kết hợp chuyên đề".to_string(),
        LongerMeetingReason::Thematic => "sinh hoạt chuyên đề".to_string(),
    }
}

/// How a criterion's points were derived.
pub fn derivation(facts: &Derivation) -> String {
    match facts {
        Derivation::Tick { ticked, points: value } => {
            let verdict = if *ticked { "Đạt" } else { "Chưa đạt" };
            format!("{verdict} → {}", points(*value))
        }
        Derivation::Picked { label, points: value } => format!("Chọn: {label} → {}", points(*value)),
        Derivation::NothingPicked => "Chưa chọn mức nào → 0 điểm".to_string(),
        Derivation::NoCountedMembers => {
            "Chưa có đảng viên nào phải dự (chưa có danh sách đảng viên, hoặc tất cả được miễn sinh hoạt) → 0 điểm".to_string()
        }
        Derivation::Attendance(facts) => attendance(facts),
        Derivation::Duration { start, end, minutes, required, reason, points: value } => {
            duration(*start, *end, *minutes, *required, *reason, *value)
        }
        Derivation::NoTimes { start: Some(start), end: Some(end) } => {
            format!("Giờ kết thúc ({}) không sau giờ bắt đầu ({}) → 0 điểm", time(*end), time(*start))
        }
        Derivation::NoTimes { .. } => "Chưa ghi giờ bắt đầu hoặc giờ kết thúc → 0 điểm".to_string(),
        Derivation::NobodyPresent => "Không có đảng viên nào có mặt để tính tỷ lệ phát biểu → 0 điểm".to_string(),
        Derivation::Speakers { ratio, points: value } => format!(
            "{}/{} đảng viên có mặt đã phát biểu = {} → {}",
            ratio.count,
            ratio.total,
            percent(*ratio),
            points(*value)
        ),
        Derivation::NoPreviousTasks => {
            "Chưa ghi nhiệm vụ của nghị quyết kỳ trước: ghi kết quả từng nhiệm vụ hoặc nhập điểm tay → 0 điểm".to_string()
        }
        Derivation::Tasks { ratio, points: value } => format!(
            "{}/{} nhiệm vụ của nghị quyết kỳ trước đã hoàn thành = {} → {}",
            ratio.count,
            ratio.total,
            percent(*ratio),
            points(*value)
        ),
        Derivation::Agenda { done, required, missing, points: value } if missing.is_empty() => {
            format!("Đã thực hiện {done}/{required} bước bắt buộc của trình tự → {}", points(*value))
        }
        Derivation::Agenda { done, required, missing, points: value } => format!(
            "Đã thực hiện {done}/{required} bước bắt buộc; còn thiếu: {} → {}",
            missing.join("; "),
            points(*value)
        ),
        Derivation::ThematicGranted { max } => format!(
            "Buổi sinh hoạt không có chuyên đề: tiêu chí chỉ chấm khi có chuyên đề nên được tính đủ {} (giữ nguyên tổng điểm tối đa và ngưỡng xếp loại)",
            points(*max)
        ),
        Derivation::ThematicLeftOut { max } => format!(
            "Buổi sinh hoạt không có chuyên đề: tiêu chí chỉ chấm khi có chuyên đề nên không tính (tổng điểm tối đa bớt {}; xếp loại theo điểm quy đổi về thang đầy đủ)",
            points(*max)
        ),
        Derivation::Preparation(facts) => super::preparation::derivation(facts),
        Derivation::Overridden { kept, computed, of } => {
            format!("Nhập tay {} (máy tính được {}: {})", points(*kept), points(*computed), derivation(of))
        }
    }
}

fn attendance(facts: &AttendanceDerivation) -> String {
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
        details.push(format!("không tính {} đồng chí miễn sinh hoạt", facts.exempt));
    }
    let details = if details.is_empty() { String::new() } else { format!(" ({})", details.join(", ")) };
    let result = facts.band_points.map_or_else(|| "không khớp mức nào".to_string(), points);
    let ratio: Ratio = facts.ratio;
    let mut text = format!("{}/{} đảng viên có mặt = {}{details} → {result}", ratio.count, ratio.total, percent(ratio));
    if let Some((names, value)) = &facts.forced_lowest {
        text.push_str(&format!(
            "; nhưng có đảng viên vắng không lý do ({}) → chỉ tính mức thấp nhất: {}",
            names.join(", "),
            points(*value)
        ));
    }
    match &facts.streak {
        Some(Streak::Given(bonus)) => text.push_str(&format!(
            "; không ai vắng có lý do quá {} lần liên tiếp trong năm → cộng {}",
            bonus.max_consecutive_absences_with_reason,
            points(bonus.points)
        )),
        Some(Streak::Lost(bonus, runs)) => text.push_str(&format!(
            "; không được cộng {} vì có đảng viên vắng có lý do quá {} lần liên tiếp trong năm: {}",
            points(bonus.points),
            bonus.max_consecutive_absences_with_reason,
            runs_list(runs)
        )),
        None => {}
    }
    text.push_str(&format!("; được {}", points(facts.points)));
    text
}

fn runs_list(runs: &[(String, u32)]) -> String {
    let parts: Vec<String> = runs.iter().map(|(name, run)| format!("{name} ({run} lần)")).collect();
    parts.join(", ")
}

fn duration(start: NaiveTime, end: NaiveTime, minutes: i64, required: u32, reason: Option<LongerMeetingReason>, value: Decimal) -> String {
    let reason = reason.map(|reason| format!(" ({})", longer_meeting_reason(reason))).unwrap_or_default();
    let shortfall = i64::from(required) - minutes;
    let verdict = if shortfall <= 0 {
        "đủ thời lượng".to_string()
    } else {
        let share = u32::try_from(minutes).ok().and_then(|minutes| Ratio::new(minutes, required));
        let share = share.map(|share| format!(", đạt {} thời lượng", percent(share))).unwrap_or_default();
        format!("thiếu {shortfall} phút{share}")
    };
    format!("Họp {}–{} = {minutes} phút; yêu cầu {required} phút{reason} → {verdict} → {}", time(start), time(end), points(value))
}

fn streak_lost(label: &str, bonus: &StreakBonus, runs: &[(String, u32)]) -> String {
    format!(
        "{}: không được cộng {} vì có đảng viên vắng có lý do quá {} lần liên tiếp trong năm: {}.",
        quoted(label),
        points(bonus.points),
        bonus.max_consecutive_absences_with_reason,
        runs_list(runs)
    )
}

/// A guard or cap applied to the sheet.
pub fn adjustment(adjustment: &Adjustment) -> String {
    match adjustment {
        Adjustment::ForcedLowest { label, names, points: value } => format!(
            "{}: có đảng viên vắng không lý do ({}) nên chỉ được mức thấp nhất, {}.",
            quoted(label),
            names.join(", "),
            points(*value)
        ),
        Adjustment::StreakLost { label, bonus, runs } => streak_lost(label, bonus, runs),
        Adjustment::ThematicGranted { label, max } => format!(
            "{}: buổi sinh hoạt không có chuyên đề nên tiêu chí này được tính đủ {}.",
            quoted(label),
            points(*max)
        ),
        Adjustment::ThematicLeftOut { label, max } => format!(
            "{}: buổi sinh hoạt không có chuyên đề nên tiêu chí này không tính, tổng điểm tối đa bớt {}.",
            quoted(label),
            points(*max)
        ),
        Adjustment::Scaled { total, max, scaled, full } => format!(
            "Xếp loại theo điểm quy đổi: {}/{} điểm quy về thang {} là {} điểm.",
            decimal(*total),
            decimal(*max),
            decimal(*full),
            decimal(*scaled)
        ),
        Adjustment::Overridden { label, kept, computed } => format!(
            "{}: điểm nhập tay {} thay cho {} do máy tính.",
            quoted(label),
            points(*kept),
            points(*computed)
        ),
        Adjustment::OverrideClamped { label, entered, kept } => format!(
            "{}: điểm nhập tay {} nằm ngoài khoảng cho phép, lấy {}.",
            quoted(label),
            decimal(*entered),
            points(*kept)
        ),
        Adjustment::Guard { total, before, short, after } => guard(*total, *before, short, *after),
    }
}

fn guard(total: Decimal, before: Rating, short: &[(String, Decimal, Decimal)], after: Rating) -> String {
    let parts: Vec<String> =
        short.iter().map(|(label, value, max)| format!("{} ({}/{})", quoted(label), decimal(*value), points(*max))).collect();
    format!(
        "{} (đủ điểm loại {}) nhưng chưa đạt điểm tối đa ở: {} → {}.",
        points(total),
        rating(before),
        parts.join(", "),
        rating(after)
    )
}

/// Something to look at on the sheet.
pub fn notice(notice: &Notice) -> String {
    match notice {
        Notice::KindNotCovered(kind) => format!(
            "Khung điểm này không dành cho buổi {}; kết quả chỉ để tham khảo.",
            meeting_kind(*kind).to_lowercase()
        ),
        Notice::NotInEffect { framework, day, from, to } => format!(
            "Khung điểm {} không có hiệu lực vào ngày {} (hiệu lực {}); đối chiếu với hướng dẫn của cấp ủy cấp trên.",
            quoted(framework),
            date(*day),
            effective_dates(*from, *to)
        ),
        Notice::OtherFramework { sheet, framework } => format!(
            "Phiếu chấm được lập theo khung điểm \"{sheet}\" nhưng đang tính theo khung \"{framework}\"."
        ),
        Notice::UnknownInput(criterion_id) => {
            format!("Phiếu chấm có điểm cho tiêu chí \"{criterion_id}\" không có trong khung điểm; đã bỏ qua.")
        }
        Notice::NeedsInput(labels) => {
            let labels: Vec<String> = labels.iter().map(|label| quoted(label)).collect();
            format!("Còn thiếu dữ liệu để chấm (đang tính 0 điểm): {}.", labels.join(", "))
        }
    }
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

impl crate::framework::OutsideThematicMonth {
    /// Vietnamese label, as the score sheet shows it.
    pub fn label(self) -> &'static str {
        crate::text::outside_thematic_month(self)
    }
}
