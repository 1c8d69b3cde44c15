//! Starting a new meeting: its default date, and what carries over from the last one.

use chrono::{Datelike, NaiveDate};

use crate::model::{Attendance, ChiBo, Meeting, MeetingKind, Member, MemberRole, NextTask, PreviousTask, Timestamp};

/// The date a new meeting starts with: the most recent occurrence of the chi bộ's usual
/// meeting day on or before `today` (a day past the month's end, e.g. 31 in April, means
/// the month's last day) — unless a meeting is already recorded on or after it, in which
/// case the usual day of the month after the latest recorded meeting.
pub fn default_meeting_date(today: NaiveDate, usual_day: u8, latest_recorded: Option<NaiveDate>) -> NaiveDate {
    let this_month = day_in_month(today.year(), today.month(), usual_day);
    let candidate = if this_month <= today { this_month } else { month_before(today, usual_day) };
    match latest_recorded {
        Some(latest) if latest >= candidate => month_after(latest, usual_day),
        _ => candidate,
    }
}

fn month_before(date: NaiveDate, usual_day: u8) -> NaiveDate {
    let (year, month) = if date.month() == 1 { (date.year() - 1, 12) } else { (date.year(), date.month() - 1) };
    day_in_month(year, month, usual_day)
}

fn month_after(date: NaiveDate, usual_day: u8) -> NaiveDate {
    let (year, month) = if date.month() == 12 { (date.year() + 1, 1) } else { (date.year(), date.month() + 1) };
    day_in_month(year, month, usual_day)
}

fn day_in_month(year: i32, month: u32, day: u8) -> NaiveDate {
    let day = u32::from(day.clamp(1, 31));
    (1..=day)
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(year, month, d))
        .unwrap_or(NaiveDate::MIN)
}

/// A new draft meeting on `date`, prepared from the chi bộ's records:
/// - last meeting's "next tasks" become this meeting's tasks to review (not yet done);
/// - members exempt on that date are marked exempt; others are left to the roll call;
/// - the bí thư chairs by default, and the place is the last meeting's place.
///
/// `describe` words a carried-over task as the new record keeps it (the text layer's
/// `text::carried_task_of`): planning knows no words.
pub fn draft_meeting(
    id: impl Into<String>,
    date: NaiveDate,
    chi_bo: &ChiBo,
    roster: &[Member],
    earlier_meetings: &[Meeting],
    now: Timestamp,
    describe: &dyn Fn(&NextTask) -> String,
) -> Meeting {
    let mut meeting = Meeting::new_draft(id, date, MeetingKind::ThuongKy, &chi_bo.framework_id, now);
    if let Some(previous) = last_meeting_before(date, earlier_meetings) {
        meeting.previous_tasks = carried_over_tasks(previous, describe);
        meeting.place = previous.place.clone();
    }
    for member in roster.iter().filter(|m| m.is_active_on(date) && m.is_exempt_on(date)) {
        meeting.set_attendance(&member.id, Attendance::Exempt);
    }
    meeting.chair_id = roster
        .iter()
        .find(|m| m.role == MemberRole::BiThu && m.is_active_on(date))
        .map(|m| m.id.clone());
    meeting
}

/// The meeting that came last before `date`.
pub fn last_meeting_before(date: NaiveDate, meetings: &[Meeting]) -> Option<&Meeting> {
    meetings
        .iter()
        .filter(|m| m.date < date)
        .max_by(|a, b| a.chronological_key().cmp(&b.chronological_key()))
}

/// A meeting's next tasks as the tasks the following meeting checks, keeping their ids;
/// `describe` words each (see [`draft_meeting`]).
pub fn carried_over_tasks(previous: &Meeting, describe: &dyn Fn(&NextTask) -> String) -> Vec<PreviousTask> {
    previous
        .next_tasks
        .iter()
        .map(|task| PreviousTask {
            id: task.id.clone(),
            what: describe(task),
            done: false,
            result: String::new(),
        })
        .collect()
}
