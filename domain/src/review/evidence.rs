//! The evidence for a year: the year summary (meetings held of 12, chuyên đề of 4, each
//! month's ratings, averages, resolution tasks done, members' attendance with warnings)
//! and each member's year, as facts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::analytics::{
    meetings_of_year, year_summary, AttendanceWarning, MemberYearAttendance, YearSummary,
};
use crate::dues::{DuesWarning, YearDues};
use crate::framework::Framework;
use crate::model::{Meeting, Member, MemberRole, MemberStatus};
use crate::preparation::MeetingPlan;

/// What became of a task assigned at a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskOutcome {
    /// A later meeting checked it done.
    Done,
    /// A later meeting checked it not done.
    NotDone,
    /// No later meeting checked it yet.
    NotChecked,
}

/// A task assigned to a member at one of the year's meetings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberTask {
    /// The task's id.
    pub task_id: String,
    /// What.
    pub what: String,
    /// The date of the meeting that assigned it.
    pub assigned_on: NaiveDate,
    /// Its deadline, if set.
    pub deadline: Option<NaiveDate>,
    /// What became of it: the first later meeting (of any year) that checked it.
    pub outcome: TaskOutcome,
}

/// One member's year, for their self-review page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberYear {
    /// Position in the chi bộ (now).
    pub role: MemberRole,
    /// Full or probationary (now).
    pub status: MemberStatus,
    /// Meetings expected and attended, absences with their dates, times spoken.
    pub attendance: MemberYearAttendance,
    /// Tasks assigned to the member at the year's meetings, in order.
    pub tasks: Vec<MemberTask>,
    /// The year's warnings about the member.
    pub warnings: Vec<AttendanceWarning>,
    /// The year's dues warning about the member, when the evidence carries the dues book
    /// ([`YearEvidence::with_dues`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dues_warning: Option<DuesWarning>,
}

impl MemberYear {
    /// The member's id.
    pub fn member_id(&self) -> &str {
        &self.attendance.member_id
    }

    /// Tasks checked done.
    pub fn tasks_done(&self) -> u32 {
        let done = self
            .tasks
            .iter()
            .filter(|task| task.outcome == TaskOutcome::Done)
            .count();
        u32::try_from(done).unwrap_or(u32::MAX)
    }

    /// Tasks assigned.
    pub fn tasks_assigned(&self) -> u32 {
        u32::try_from(self.tasks.len()).unwrap_or(u32::MAX)
    }
}

/// Everything the dossier shows for a year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearEvidence {
    /// The year summary (meetings, chuyên đề, ratings, averages, tasks, attendance).
    pub summary: YearSummary,
    /// Each member who belonged to the chi bộ at a meeting of the year, roster order.
    pub members: Vec<MemberYear>,
}

impl YearEvidence {
    /// The year.
    pub fn year(&self) -> i32 {
        self.summary.year
    }

    /// A member's year by id.
    pub fn member(&self, member_id: &str) -> Option<&MemberYear> {
        self.members
            .iter()
            .find(|member| member.member_id() == member_id)
    }

    /// The evidence with the year of the dues book (`crate::dues::year_dues`, for the same
    /// year and `as_of`): in the summary, and each member's warning on their year.
    pub fn with_dues(mut self, dues: Option<YearDues>) -> YearEvidence {
        for member in &mut self.members {
            let warning = dues.as_ref().and_then(|dues| dues.warning_of(&member.attendance.member_id));
            member.dues_warning = warning.cloned();
        }
        self.summary.dues = dues;
        self
    }
}

/// The evidence for `year`. `meetings` may hold every year (a December task is checked
/// in January); `plans` and `as_of` (the caller's today) are as for [`year_summary`].
pub fn year_evidence(
    year: i32,
    roster: &[Member],
    meetings: &[Meeting],
    plans: &[MeetingPlan],
    frameworks: &[&Framework],
    as_of: Option<NaiveDate>,
) -> YearEvidence {
    let summary = year_summary(year, roster, meetings, plans, frameworks, as_of);
    let of_year = meetings_of_year(year, meetings);
    let members = summary
        .attendance
        .members
        .iter()
        .filter_map(|attendance| {
            let member = roster.iter().find(|m| m.id == attendance.member_id)?;
            Some(MemberYear {
                role: member.role,
                status: member.status,
                attendance: attendance.clone(),
                tasks: tasks_of(&member.id, &of_year, meetings),
                warnings: summary
                    .attendance
                    .warnings
                    .iter()
                    .filter(|warning| warning_member(warning) == member.id)
                    .cloned()
                    .collect(),
                dues_warning: None,
            })
        })
        .collect();
    YearEvidence { summary, members }
}

fn warning_member(warning: &AttendanceWarning) -> &str {
    match warning {
        AttendanceWarning::LongRunAbsentWithReason { member_id, .. }
        | AttendanceWarning::RemovalFromRollsToConsider { member_id, .. } => member_id,
    }
}

/// The tasks assigned to `member_id` at the year's meetings, each with its outcome.
fn tasks_of(member_id: &str, of_year: &[&Meeting], all: &[Meeting]) -> Vec<MemberTask> {
    of_year
        .iter()
        .flat_map(|meeting| {
            meeting
                .next_tasks
                .iter()
                .filter(|task| task.who == member_id)
                .map(|task| MemberTask {
                    task_id: task.id.clone(),
                    what: task.what.clone(),
                    assigned_on: meeting.date,
                    deadline: task.deadline,
                    outcome: outcome(&task.id, meeting, all),
                })
        })
        .collect()
}

/// The first meeting after `assigned_at` whose previous tasks hold `task_id` decides.
fn outcome(task_id: &str, assigned_at: &Meeting, all: &[Meeting]) -> TaskOutcome {
    let after = assigned_at.chronological_key();
    all.iter()
        .filter(|meeting| meeting.chronological_key() > after)
        .filter_map(|meeting| {
            let task = meeting.previous_tasks.iter().find(|task| task.id == task_id)?;
            Some((meeting.chronological_key(), task.done))
        })
        .min_by(|a, b| a.0.cmp(&b.0))
        .map_or(TaskOutcome::NotChecked, |(_, done)| {
            if done {
                TaskOutcome::Done
            } else {
                TaskOutcome::NotDone
            }
        })
}
