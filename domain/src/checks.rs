//! Checks on a meeting record that the form shows next to its fields, and that an import
//! reports with the meeting's date. None of them panics on any input.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::model::{Meeting, Member};

/// Where a problem is, so the form can put the message next to the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeetingField {
    /// The meeting date.
    Date,
    /// The start and end times.
    Times,
    /// The roll call.
    Attendance,
}

/// One problem found in a meeting record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeetingProblem {
    /// The end time is not after the start time.
    EndNotAfterStart,
    /// The meeting date is after today.
    DateInFuture,
    /// A member appears twice in the roll call.
    MarkedTwice {
        /// The member's id.
        member_id: String,
    },
    /// The roll call names someone not in the roster.
    UnknownMember {
        /// The id that matched nobody.
        member_id: String,
    },
}

impl MeetingProblem {
    /// The field the problem belongs to.
    pub fn field(&self) -> MeetingField {
        match self {
            MeetingProblem::EndNotAfterStart => MeetingField::Times,
            MeetingProblem::DateInFuture => MeetingField::Date,
            MeetingProblem::MarkedTwice { .. } | MeetingProblem::UnknownMember { .. } => MeetingField::Attendance,
        }
    }

}

/// Every problem in a meeting record, in field order.
pub fn check_meeting(meeting: &Meeting, roster: &[Member], today: NaiveDate) -> Vec<MeetingProblem> {
    // A set, not a search of the roster per line: reading a ten-year file checks about 5,000 lines.
    let on_roster: HashSet<&str> = roster.iter().map(|m| m.id.as_str()).collect();
    check_meeting_against(meeting, &|id| on_roster.contains(id), today)
}

/// [`check_meeting`] with the roster as a lookup the caller builds once (an import checks
/// every meeting of a file against the same roster: building it per meeting would make a
/// file of many members and many meetings quadratic).
pub fn check_meeting_against(meeting: &Meeting, on_roster: &dyn Fn(&str) -> bool, today: NaiveDate) -> Vec<MeetingProblem> {
    let mut problems = Vec::new();
    if meeting.date > today {
        problems.push(MeetingProblem::DateInFuture);
    }
    if let (Some(start), Some(end)) = (meeting.start_time, meeting.end_time) {
        if end <= start {
            problems.push(MeetingProblem::EndNotAfterStart);
        }
    }
    let mut seen = HashSet::new();
    for record in &meeting.attendance {
        if !seen.insert(record.member_id.as_str()) {
            problems.push(MeetingProblem::MarkedTwice { member_id: record.member_id.clone() });
        } else if !on_roster(record.member_id.as_str()) {
            problems.push(MeetingProblem::UnknownMember { member_id: record.member_id.clone() });
        }
    }
    problems
}
