//! The year's words: attendance warnings and the year summary's lines.

use super::format::*;
use super::labels::*;
use crate::decimal::Decimal;
use crate::framework::Rating;

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

impl crate::analytics::MemberYearAttendance {
    /// "9/11 = 81,8%", or "không tính (miễn sinh hoạt)" for a member never expected.
    pub fn rate_text(&self) -> String {
        match self.rate() {
            Some(rate) => format!("{}/{} = {}", rate.count, rate.total, percent(rate)),
            None => "không tính (miễn sinh hoạt hoặc không thuộc chi bộ)".to_string(),
        }
    }
}

impl crate::analytics::AttendanceWarning {
    /// The Vietnamese message.
    pub fn message(&self) -> String {
        match self {
            crate::analytics::AttendanceWarning::LongRunAbsentWithReason { name, run, .. } => {
                warning_long_run(name, *run, crate::analytics::MAX_CONSECUTIVE_ABSENCES_WITH_REASON)
            }
            crate::analytics::AttendanceWarning::RemovalFromRollsToConsider { name, months, .. } => {
                warning_removal_to_consider(name, months)
            }
        }
    }
}

impl crate::analytics::YearSummary {
    /// The summary as Vietnamese lines, ready to print, warnings last.
    pub fn lines(&self) -> Vec<String> {
        let counts: Vec<(Rating, u32)> = Rating::BEST_FIRST
            .iter()
            .map(|rating| (*rating, self.rating_counts.of(*rating)))
            .collect();
        let mut lines = vec![
            summary_months(self.months_held.len(), &self.months_missing),
            summary_thematic(
                self.quarters_with_thematic.len(),
                &self.quarters_missing_thematic,
                usize::try_from(self.thematic_meetings).unwrap_or(usize::MAX),
            ),
            summary_ratings(&counts, self.rating_counts.unscored),
            summary_average_score(self.average_score),
            summary_average_attendance(self.average_attendance_percent),
        ];
        lines.extend(
            self.attendance
                .warnings
                .iter()
                .map(crate::analytics::AttendanceWarning::message),
        );
        lines.extend(self.dues.iter().flat_map(super::dues::year_lines));
        lines.push(summary_is_evidence().to_string());
        lines
    }
}
