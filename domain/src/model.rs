//! The chi bộ's records: the chi bộ itself, its members and its meetings.
//!
//! Every record has a stable string id chosen by the app and an `updated_at` timestamp
//! supplied by the caller: this crate never reads the clock or a random source (it runs
//! in wasm and must stay deterministic). JSON field and enum names are `snake_case`.
//! Unknown fields are ignored when reading, so files written by a newer app still load.
//! Optional texts, lists and maps are left out when empty (`docs/backup-format.md`), and
//! read as empty when absent or present and empty (files written before that still load).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::decimal::Decimal;

/// When a record was last changed (UTC, RFC 3339 in JSON). Supplied by the caller.
pub type Timestamp = DateTime<Utc>;

/// Builds a record id from a prefix and caller-supplied entropy (e.g. 16 bytes from the
/// browser's `crypto.getRandomValues`): `id_from_entropy("meeting", &bytes)` gives
/// `meeting-1f3a…`. Only the first 16 bytes are used; the crate has no random source.
pub fn id_from_entropy(prefix: &str, entropy: &[u8]) -> String {
    let hex: String = entropy
        .iter()
        .take(16)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("{prefix}-{hex}")
}

// ---------------------------------------------------------------------------------------
// Chi bộ
// ---------------------------------------------------------------------------------------

/// The kind of chi bộ (loại hình chi bộ). Points never depend on it in any framework
/// found; it drives the focus content the app suggests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChiBoKind {
    /// Thôn, bản, ấp (village).
    Thon,
    /// Tổ dân phố (urban residential group).
    ToDanPho,
    /// Cơ quan (state agency).
    CoQuan,
    /// Doanh nghiệp (enterprise).
    DoanhNghiep,
    /// Trường học (school).
    TruongHoc,
    /// Lực lượng vũ trang (armed forces).
    LucLuongVuTrang,
    /// Khác (other).
    Khac,
}

impl ChiBoKind {
    /// Every kind, in the order a form lists them.
    pub const ALL: [ChiBoKind; 7] = [
        ChiBoKind::Thon,
        ChiBoKind::ToDanPho,
        ChiBoKind::CoQuan,
        ChiBoKind::DoanhNghiep,
        ChiBoKind::TruongHoc,
        ChiBoKind::LucLuongVuTrang,
        ChiBoKind::Khac,
    ];

}

/// The chi bộ (party cell) this device keeps records for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChiBo {
    /// Stable id.
    pub id: String,
    /// Name, e.g. "Chi bộ thôn Đông".
    pub name: String,
    /// Kind of chi bộ.
    pub kind: ChiBoKind,
    /// The superior party committee (đảng ủy cấp trên), e.g. "Đảng ủy xã An Phú".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub superior_committee: String,
    /// The place name written before the date at the top of the chi bộ's documents
    /// ("Đông Tâm, ngày 03 tháng 12 năm 2025"), usually the thôn or xã. Optional.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place_name: String,
    /// Usual day of the month for the regular meeting, 1–31 (a setting: practice varies).
    pub usual_meeting_day: u8,
    /// Id of the scoring framework the chi bộ uses.
    pub framework_id: String,
    /// Last change.
    pub updated_at: Timestamp,
}

impl ChiBo {
    /// True when `usual_meeting_day` is a day of the month (1–31).
    pub fn meeting_day_is_valid(&self) -> bool {
        (1..=31).contains(&self.usual_meeting_day)
    }
}

// ---------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------

/// Position in the chi bộ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    /// Bí thư (secretary of the chi bộ).
    BiThu,
    /// Phó bí thư (deputy secretary).
    PhoBiThu,
    /// Chi ủy viên (member of the chi bộ committee).
    ChiUyVien,
    /// Đảng viên (member).
    DangVien,
}


/// Membership status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    /// Đảng viên chính thức (full member).
    ChinhThuc,
    /// Đảng viên dự bị (probationary member).
    DuBi,
}


/// A period of exemption from party work and activity (miễn công tác và sinh hoạt đảng),
/// or any other reason the member is not expected at meetings (armed-forces members on
/// special duty). Both ends are inclusive; no `to` means open-ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exemption {
    /// Why, in the chi bộ's words.
    pub reason: String,
    /// First exempt day.
    pub from: NaiveDate,
    /// Last exempt day, if the period has an end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

impl Exemption {
    /// True when `date` falls inside the period.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }
}

/// A party member of the chi bộ. Members who leave are kept (with `left_on`) so that past
/// meetings keep their history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Stable id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Position in the chi bộ.
    pub role: MemberRole,
    /// Full or probationary.
    pub status: MemberStatus,
    /// Exemption periods.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exemptions: Vec<Exemption>,
    /// First day in this chi bộ (unknown = always was).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined_on: Option<NaiveDate>,
    /// Last day in this chi bộ (transfer, death, removal). A member who left before a
    /// meeting's date is not counted for that meeting; on the day itself they still are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_on: Option<NaiveDate>,
    /// Last change.
    pub updated_at: Timestamp,
}

impl Member {
    /// A current full member with the role "đảng viên" and no exemptions.
    pub fn new(id: impl Into<String>, name: impl Into<String>, updated_at: Timestamp) -> Member {
        Member {
            id: id.into(),
            name: name.into(),
            role: MemberRole::DangVien,
            status: MemberStatus::ChinhThuc,
            exemptions: Vec::new(),
            joined_on: None,
            left_on: None,
            updated_at,
        }
    }

    /// True when the member belonged to the chi bộ on `date`.
    pub fn is_active_on(&self, date: NaiveDate) -> bool {
        let joined = self.joined_on.is_none_or(|joined| joined <= date);
        let not_yet_left = self.left_on.is_none_or(|left| date <= left);
        joined && not_yet_left
    }

    /// True when an exemption period covers `date`.
    pub fn is_exempt_on(&self, date: NaiveDate) -> bool {
        self.exemptions
            .iter()
            .any(|exemption| exemption.covers(date))
    }
}

// ---------------------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------------------

/// Kind of meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// Sinh hoạt thường kỳ (regular monthly meeting).
    ThuongKy,
    /// Sinh hoạt chuyên đề (thematic meeting).
    ChuyenDe,
    /// Thường kỳ kết hợp chuyên đề in one session.
    KetHop,
}

impl MeetingKind {
    /// Every kind.
    pub const ALL: [MeetingKind; 3] = [
        MeetingKind::ThuongKy,
        MeetingKind::ChuyenDe,
        MeetingKind::KetHop,
    ];

    /// True for a meeting that holds a chuyên đề (a kết hợp meeting does).
    pub fn includes_thematic(self) -> bool {
        matches!(self, MeetingKind::ChuyenDe | MeetingKind::KetHop)
    }

}

/// A guest at the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guest {
    /// Name.
    pub name: String,
    /// Position, e.g. "Đảng ủy viên phụ trách chi bộ".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// True for the member of the superior committee assigned to the chi bộ.
    #[serde(default)]
    pub from_superior_committee: bool,
}

/// Category of a reason for absence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbsenceReason {
    /// Ốm đau (illness).
    Illness,
    /// Đi công tác (away on work).
    Work,
    /// Việc gia đình (family matter).
    Family,
    /// Lý do khác (other).
    Other,
}


/// One member's attendance at one meeting. In JSON the variant is the `status` field:
/// `{"status": "absent_with_reason", "reason": "illness", "reason_text": "nằm viện"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Attendance {
    /// Có mặt.
    Present,
    /// Vắng có lý do.
    AbsentWithReason {
        /// Category.
        reason: AbsenceReason,
        /// Free text, e.g. "đi viện".
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason_text: String,
    },
    /// Vắng không lý do.
    AbsentWithoutReason,
    /// Miễn sinh hoạt (not counted).
    Exempt,
}

/// Attendance of one member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceRecord {
    /// The member's id.
    pub member_id: String,
    /// What happened.
    #[serde(flatten)]
    pub attendance: Attendance,
}

/// A task from the previous resolution, checked at this meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousTask {
    /// Stable id (the id the task had in the previous meeting's `next_tasks`, if any).
    pub id: String,
    /// What had to be done.
    pub what: String,
    /// Whether it was done.
    pub done: bool,
    /// Result or comment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub result: String,
}

/// A task assigned for the coming month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextTask {
    /// Stable id.
    pub id: String,
    /// Who: a member id or a free-text name ("Chi hội Nông dân").
    pub who: String,
    /// What.
    pub what: String,
    /// Deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
}

/// Vote on the resolution.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteTally {
    /// Tán thành.
    #[serde(rename = "for")]
    pub in_favour: u32,
    /// Không tán thành.
    pub against: u32,
    /// Không biểu quyết / ý kiến khác.
    pub abstain: u32,
}

/// What the scorer entered for one criterion. All fields are optional in JSON.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CriterionInput {
    /// For a tick criterion: ticked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub ticked: bool,
    /// For a pick-one criterion: the id of the option picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picked: Option<String>,
    /// Points entered by hand, replacing what the engine would give (any criterion
    /// kind). The engine keeps the computed value for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_points: Option<Decimal>,
    /// The scorer's comment (e.g. why the override).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A score sheet: the chi bộ's own self-assessment, or the superior committee's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoreSheet {
    /// The framework this sheet was filled against.
    pub framework_id: String,
    /// Who scored (free text), e.g. the superior committee member's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scored_by: String,
    /// Inputs keyed by criterion id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inputs: BTreeMap<String, CriterionInput>,
}

impl ScoreSheet {
    /// An empty sheet for a framework.
    pub fn new(framework_id: impl Into<String>) -> ScoreSheet {
        ScoreSheet {
            framework_id: framework_id.into(),
            ..ScoreSheet::default()
        }
    }

    /// The input for a criterion, if any was entered.
    pub fn input(&self, criterion_id: &str) -> Option<&CriterionInput> {
        self.inputs.get(criterion_id)
    }
}

/// Draft or finalised.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    /// Still being written.
    #[default]
    Draft,
    /// Minutes adopted; the record should no longer change.
    Finalised,
}

/// One chi bộ meeting and its minutes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// Stable id.
    pub id: String,
    /// Date held.
    pub date: NaiveDate,
    /// Kind.
    pub kind: MeetingKind,
    /// Start time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<NaiveTime>,
    /// End time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<NaiveTime>,
    /// Place.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// Chair (member id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair_id: Option<String>,
    /// Secretary of the meeting, who keeps the minutes (member id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary_id: Option<String>,
    /// Guests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guests: Vec<Guest>,
    /// Attendance, one record per member.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendance: Vec<AttendanceRecord>,
    /// Ids of the members who spoke.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
    /// Ids of the order-of-business items ticked as done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda_done: Vec<String>,
    /// The previous resolution's tasks, each done or not.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous_tasks: Vec<PreviousTask>,
    /// Tasks for next month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next_tasks: Vec<NextTask>,
    /// Resolution or conclusion text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub resolution: String,
    /// Vote on the resolution.
    #[serde(default)]
    pub vote: VoteTally,
    /// Free notes (speakers' remarks, shortcomings…).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The chi bộ's own score sheet.
    pub own_sheet: ScoreSheet,
    /// The superior committee's score sheet, if it scored the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superior_sheet: Option<ScoreSheet>,
    /// Draft or finalised.
    #[serde(default)]
    pub status: MeetingStatus,
    /// The meeting plan it was made from ([`crate::preparation`]): the preparation
    /// criteria are scored from it, and its content is the meeting's agenda.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_id: Option<String>,
    /// Last change.
    pub updated_at: Timestamp,
}

impl Meeting {
    /// An empty draft meeting scored against `framework_id`.
    pub fn new_draft(
        id: impl Into<String>,
        date: NaiveDate,
        kind: MeetingKind,
        framework_id: impl Into<String>,
        updated_at: Timestamp,
    ) -> Meeting {
        Meeting {
            id: id.into(),
            date,
            kind,
            start_time: None,
            end_time: None,
            place: String::new(),
            chair_id: None,
            secretary_id: None,
            guests: Vec::new(),
            attendance: Vec::new(),
            speakers: Vec::new(),
            agenda_done: Vec::new(),
            previous_tasks: Vec::new(),
            next_tasks: Vec::new(),
            resolution: String::new(),
            vote: VoteTally::default(),
            notes: String::new(),
            own_sheet: ScoreSheet::new(framework_id),
            superior_sheet: None,
            status: MeetingStatus::Draft,
            plan_id: None,
            updated_at,
        }
    }

    /// Length in minutes, when both times are set and the end is after the start.
    /// (A meeting running past midnight is treated as a data-entry error.)
    pub fn duration_minutes(&self) -> Option<i64> {
        let minutes = (self.end_time? - self.start_time?).num_minutes();
        (minutes > 0).then_some(minutes)
    }

    /// The recorded attendance of a member, if any.
    pub fn attendance_of(&self, member_id: &str) -> Option<&Attendance> {
        self.attendance
            .iter()
            .find(|record| record.member_id == member_id)
            .map(|record| &record.attendance)
    }

    /// True when the meeting names the member `member_id` anywhere: roll call, chair,
    /// secretary, speakers or the owner of a task (a record naming them must keep them).
    pub fn names_member(&self, member_id: &str) -> bool {
        self.attendance
            .iter()
            .any(|record| record.member_id == member_id)
            || self.chair_id.as_deref() == Some(member_id)
            || self.secretary_id.as_deref() == Some(member_id)
            || self.speakers.iter().any(|id| id == member_id)
            || self.next_tasks.iter().any(|task| task.who == member_id)
    }

    /// Sets (or replaces) a member's attendance.
    pub fn set_attendance(&mut self, member_id: &str, attendance: Attendance) {
        match self
            .attendance
            .iter_mut()
            .find(|record| record.member_id == member_id)
        {
            Some(record) => record.attendance = attendance,
            None => self.attendance.push(AttendanceRecord {
                member_id: member_id.to_string(),
                attendance,
            }),
        }
    }

    /// Order in which meetings happened: date, then start time, then id (so two meetings
    /// on one day still have a stable order).
    pub fn chronological_key(&self) -> (NaiveDate, Option<NaiveTime>, &str) {
        (self.date, self.start_time, self.id.as_str())
    }
}

// ---------------------------------------------------------------------------------------
// Handbook bookmarks and notes
// ---------------------------------------------------------------------------------------

/// A bookmark and/or a personal note on one handbook item. It is keyed by the item's
/// stable id (its record id is the item id), so it stays attached when the content pack
/// is updated; an item that has disappeared keeps its note, shown as "no longer in the
/// handbook".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandbookMark {
    /// The handbook item's stable id.
    pub item_id: String,
    /// Bookmarked.
    #[serde(default)]
    pub bookmarked: bool,
    /// The member's own note (may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Last change.
    pub updated_at: Timestamp,
}

impl HandbookMark {
    /// A mark that holds nothing any more (no bookmark, no note) can be deleted.
    pub fn is_empty(&self) -> bool {
        !self.bookmarked && self.note.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn epoch() -> Timestamp {
        DateTime::from_timestamp(0, 0).unwrap()
    }

    #[test]
    fn leaving_keeps_the_meeting_day_itself() {
        let mut member = Member::new("m1", "Nguyễn Văn An", epoch());
        member.joined_on = Some(date(2025, 2, 1));
        member.left_on = Some(date(2025, 6, 3));
        assert!(!member.is_active_on(date(2025, 1, 31)));
        assert!(member.is_active_on(date(2025, 2, 1)));
        assert!(member.is_active_on(date(2025, 6, 3)));
        assert!(!member.is_active_on(date(2025, 6, 4)));
    }

    #[test]
    fn exemption_ends_are_inclusive() {
        let mut member = Member::new("m1", "Trần Thị Bình", epoch());
        member.exemptions.push(Exemption {
            reason: "Tuổi cao, sức yếu".into(),
            from: date(2025, 3, 1),
            to: Some(date(2025, 5, 31)),
        });
        assert!(!member.is_exempt_on(date(2025, 2, 28)));
        assert!(member.is_exempt_on(date(2025, 3, 1)));
        assert!(member.is_exempt_on(date(2025, 5, 31)));
        assert!(!member.is_exempt_on(date(2025, 6, 1)));
    }

    #[test]
    fn attendance_json_is_flat() {
        let record = AttendanceRecord {
            member_id: "m1".into(),
            attendance: Attendance::AbsentWithReason {
                reason: AbsenceReason::Illness,
                reason_text: "nằm viện".into(),
            },
        };
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(
            json,
            r#"{"member_id":"m1","status":"absent_with_reason","reason":"illness","reason_text":"nằm viện"}"#
        );
        assert_eq!(
            serde_json::from_str::<AttendanceRecord>(&json).unwrap(),
            record
        );
    }

    #[test]
    fn id_uses_caller_entropy() {
        assert_eq!(
            id_from_entropy("meeting", &[0x1f, 0x3a, 0x00]),
            "meeting-1f3a00"
        );
    }

    #[test]
    fn duration_needs_both_times_in_order() {
        let mut meeting =
            Meeting::new_draft("x", date(2025, 9, 3), MeetingKind::ThuongKy, "f", epoch());
        assert_eq!(meeting.duration_minutes(), None);
        meeting.start_time = NaiveTime::from_hms_opt(19, 30, 0);
        meeting.end_time = NaiveTime::from_hms_opt(21, 5, 0);
        assert_eq!(meeting.duration_minutes(), Some(95));
        meeting.end_time = NaiveTime::from_hms_opt(19, 0, 0);
        assert_eq!(meeting.duration_minutes(), None);
    }

    #[test]
    fn a_meeting_names_a_member_in_every_role() {
        let blank = Meeting::new_draft("x", date(2025, 9, 3), MeetingKind::ThuongKy, "f", epoch());
        assert!(!blank.names_member("m1"));
        let roles: [fn(&mut Meeting); 5] = [
            |m| m.set_attendance("m1", Attendance::Present),
            |m| m.chair_id = Some("m1".into()),
            |m| m.secretary_id = Some("m1".into()),
            |m| m.speakers.push("m1".into()),
            |m| {
                m.next_tasks.push(NextTask {
                    id: "t".into(),
                    who: "m1".into(),
                    what: "Vận động".into(),
                    deadline: None,
                })
            },
        ];
        for (index, name) in roles.iter().enumerate() {
            let mut meeting = blank.clone();
            name(&mut meeting);
            assert!(meeting.names_member("m1"), "role {index}");
            assert!(!meeting.names_member("m2"), "role {index}");
        }
    }
}
