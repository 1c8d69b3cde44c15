//! Labels of the model's and the frameworks' enums.

use crate::framework::{Rating, WordingStatus};
use crate::model::{AbsenceReason, Attendance, ChiBoKind, MeetingKind, MemberRole, MemberStatus};

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

impl crate::framework::Rating {
    /// Vietnamese label ("Tốt", "Khá", "Trung bình", "Kém").
    pub fn label(self) -> &'static str {
        crate::text::rating(self)
    }
}

impl crate::framework::WordingStatus {
    /// Vietnamese label.
    pub fn label(self) -> &'static str {
        crate::text::wording_status(self)
    }
}

impl crate::model::ChiBoKind {
    /// Vietnamese label.
    pub fn label(self) -> &'static str {
        crate::text::chi_bo_kind(self)
    }
}

impl crate::model::MemberRole {
    /// Vietnamese label.
    pub fn label(self) -> &'static str {
        crate::text::member_role(self)
    }
}

impl crate::model::MemberStatus {
    /// Vietnamese label.
    pub fn label(self) -> &'static str {
        crate::text::member_status(self)
    }
}

impl crate::model::MeetingKind {
    /// Vietnamese label.
    pub fn label(self) -> &'static str {
        crate::text::meeting_kind(self)
    }
}

impl crate::model::AbsenceReason {
    /// Vietnamese label.
    pub fn label(self) -> &'static str {
        crate::text::absence_reason(self)
    }
}
