//! The year-end review's words: levels, template errors, what stops finalising, the
//! evidence lines the summary does not already give, and spreadsheet headers.

use super::{date, percent, quoted};
use crate::decimal::Ratio;
use crate::model::MeetingStatus;
use crate::review::template::{TemplateError, TemplateLoadError, TemplatePlace, TEMPLATE_FORMAT_VERSION};
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

/// "mẫu báo cáo kiểm điểm", "đề mục thứ 2", "đề mục \"nhan-xet\"", "mức \"Tốt\"".
pub fn template_place(place: &TemplatePlace) -> String {
    match place {
        TemplatePlace::Template => "mẫu báo cáo kiểm điểm".to_string(),
        TemplatePlace::SectionAt(position) => format!("đề mục thứ {position}"),
        TemplatePlace::Section(id) => format!("đề mục \"{id}\""),
        TemplatePlace::Level(level_value) => format!("mức \"{}\"", level(*level_value)),
    }
}

/// The message of one template problem, naming the place.
pub fn template_error(error: &TemplateError) -> String {
    match error {
        TemplateError::UnsupportedFormatVersion { found } => format!(
            "Tệp mẫu báo cáo kiểm điểm dùng định dạng phiên bản {found}; ứng dụng này chỉ đọc phiên bản {TEMPLATE_FORMAT_VERSION}."
        ),
        TemplateError::EmptyField { place, field } => {
            format!("Thiếu nội dung ở trường \"{field}\" của {}.", template_place(place))
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

impl std::fmt::Display for crate::review::template::TemplateLoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&template_load_error(self))
    }
}

impl std::fmt::Display for crate::review::template::TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&template_error(self))
    }
}

impl crate::review::ReviewLevel {
    /// Vietnamese label ("Hoàn thành tốt nhiệm vụ").
    pub fn label(self) -> &'static str {
        level(self)
    }
}

impl crate::review::ReviewProblem {
    /// The Vietnamese message (section headings from `template`).
    pub fn message(&self, template: &DossierTemplate) -> String {
        review_problem(self, template)
    }
}
