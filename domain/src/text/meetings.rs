//! A meeting record's checks and carried-over tasks.

use chrono::NaiveDate;

use super::format::*;
use crate::checks::MeetingProblem;
use crate::model::{Meeting, Member};

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

impl crate::checks::MeetingProblem {
    /// The Vietnamese message, naming the member where there is one.
    pub fn message(&self, roster: &[Member]) -> String {
        let name = |id: &str| roster.iter().find(|m| m.id == id).map_or_else(|| id.to_owned(), |m| m.name.clone());
        match self {
            MeetingProblem::EndNotAfterStart => END_NOT_AFTER_START.to_owned(),
            MeetingProblem::DateInFuture => DATE_IN_FUTURE.to_owned(),
            MeetingProblem::MarkedTwice { member_id } => marked_twice(&name(member_id)),
            MeetingProblem::UnknownMember { member_id } => unknown_member(member_id),
        }
    }
}

impl crate::checks::MeetingProblem {
    /// The message prefixed with the meeting's date, as an import report lists it.
    pub fn message_with_place(&self, meeting: &Meeting, roster: &[Member]) -> String {
        meeting_place(meeting.date, &self.message(roster))
    }
}

/// A carried-over task as the next meeting's record keeps it: "what (who, hạn date)".
pub fn carried_task_of(task: &crate::model::NextTask) -> String {
    carried_task(&task.what, &task.who, task.deadline)
}
