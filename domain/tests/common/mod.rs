//! Builders shared by the integration tests.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, NaiveTime};
use sotay_domain::builtin;
use sotay_domain::model::{AbsenceReason, Attendance, CriterionInput, PreviousTask};
use sotay_domain::{Framework, Meeting, MeetingKind, Member, Timestamp};

pub fn now() -> Timestamp {
    DateTime::from_timestamp(1_760_000_000, 0).expect("valid timestamp")
}

pub fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

pub fn clock(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).expect("valid time")
}

pub fn framework(id: &str) -> Framework {
    builtin::by_id(id).expect("built-in framework")
}

pub fn an_phu() -> Framework {
    framework(builtin::AN_PHU_ID)
}

pub fn binh_thuan() -> Framework {
    framework(builtin::AN_PHU_BINH_THUAN_ID)
}

pub fn hd12() -> Framework {
    framework(builtin::HD12_TEMPLATE_ID)
}

/// `count` current members with ids m001… and Vietnamese names.
pub fn roster(count: usize) -> Vec<Member> {
    (1..=count)
        .map(|n| Member::new(member_id(n), format!("Đồng chí số {n}"), now()))
        .collect()
}

pub fn member_id(n: usize) -> String {
    format!("m{n:03}")
}

pub fn with_reason() -> Attendance {
    Attendance::AbsentWithReason {
        reason: AbsenceReason::Illness,
        reason_text: "ốm".into(),
    }
}

/// A meeting that earns full marks on `framework`: everybody present and speaking,
/// 19:00–20:30 (or 21:00 for kết hợp), every agenda item done, every previous task done,
/// every tick ticked and the first option of every pick list picked.
pub fn full_marks_meeting(
    framework: &Framework,
    roster: &[Member],
    date: NaiveDate,
    kind: MeetingKind,
) -> Meeting {
    let mut meeting = Meeting::new_draft(
        format!("meeting-{date}"),
        date,
        kind,
        framework.id.clone(),
        now(),
    );
    meeting.start_time = Some(clock(19, 0));
    meeting.end_time = Some(if roster.len() >= 30 || kind == MeetingKind::KetHop {
        clock(21, 0)
    } else {
        clock(20, 30)
    });
    for member in roster {
        meeting.set_attendance(&member.id, Attendance::Present);
        meeting.speakers.push(member.id.clone());
    }
    meeting.agenda_done = framework
        .order_of_business
        .iter()
        .map(|item| item.id.clone())
        .collect();
    meeting.previous_tasks = (1..=10)
        .map(|n| PreviousTask {
            id: format!("t{n}"),
            what: format!("Nhiệm vụ {n}"),
            done: true,
            result: String::new(),
        })
        .collect();
    for (_, criterion) in framework.criteria() {
        let input = match &criterion.rule {
            sotay_domain::framework::Rule::Tick => CriterionInput {
                ticked: true,
                ..Default::default()
            },
            sotay_domain::framework::Rule::PickOne { options } => CriterionInput {
                picked: options.first().map(|option| option.id.clone()),
                ..Default::default()
            },
            _ => continue,
        };
        meeting.own_sheet.inputs.insert(criterion.id.clone(), input);
    }
    meeting
}

/// Sets the first `absent` members (in roster order) to `attendance`, the rest present.
pub fn mark_absent(
    meeting: &mut Meeting,
    roster: &[Member],
    absent: usize,
    attendance: Attendance,
) {
    for (index, member) in roster.iter().enumerate() {
        let value = if index < absent {
            attendance.clone()
        } else {
            Attendance::Present
        };
        meeting.set_attendance(&member.id, value);
    }
}

pub fn untick(meeting: &mut Meeting, criterion_id: &str) {
    meeting.own_sheet.inputs.remove(criterion_id);
}

/// The monthly meetings of 2025 in which member 1's attendance follows `pattern`, one letter
/// per month from January: P present, W absent with reason, N absent without reason, E exempt,
/// - no meeting that month. Each meeting has full marks otherwise; ids are `meeting-MM`.
pub fn year_with_pattern(framework: &Framework, roster: &[Member], pattern: &str) -> Vec<Meeting> {
    pattern
        .chars()
        .enumerate()
        .filter(|(_, letter)| *letter != '-')
        .map(|(index, letter)| {
            let month = u32::try_from(index).unwrap() + 1;
            let mut meeting = full_marks_meeting(framework, roster, day(2025, month, 3), MeetingKind::ThuongKy);
            meeting.id = format!("meeting-{month:02}");
            let attendance = match letter {
                'W' => with_reason(),
                'N' => Attendance::AbsentWithoutReason,
                'E' => Attendance::Exempt,
                _ => Attendance::Present,
            };
            meeting.set_attendance(&roster[0].id, attendance);
            meeting
        })
        .collect()
}
