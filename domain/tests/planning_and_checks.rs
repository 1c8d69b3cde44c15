//! Starting a new meeting and checking a meeting record.

use chrono::{DateTime, NaiveDate, NaiveTime};
use sotay_domain::checks::{check_meeting, MeetingField, MeetingProblem};
use sotay_domain::model::{
    Attendance, AttendanceRecord, ChiBo, ChiBoKind, Exemption, Meeting, MeetingKind, Member, MemberRole, NextTask,
};
use sotay_domain::planning::{default_meeting_date, draft_meeting};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn now() -> DateTime<chrono::Utc> {
    DateTime::from_timestamp(1_780_000_000, 0).unwrap()
}

fn chi_bo() -> ChiBo {
    ChiBo {
        id: "cb".into(),
        name: "Chi bộ thôn Đồng Tâm".into(),
        kind: ChiBoKind::Thon,
        superior_committee: "Đảng ủy xã Tân Lập".into(),
        place_name: String::new(),
        usual_meeting_day: 3,
        framework_id: sotay_domain::builtin::DEFAULT_ID.into(),
        updated_at: now(),
    }
}

#[test]
fn the_default_date_is_the_latest_usual_day_not_after_today() {
    let table = [
        (day(2026, 5, 3), 3, day(2026, 5, 3)),
        (day(2026, 5, 10), 3, day(2026, 5, 3)),
        (day(2026, 5, 2), 3, day(2026, 4, 3)),
        (day(2026, 1, 2), 3, day(2025, 12, 3)),
        (day(2026, 5, 1), 31, day(2026, 4, 30)),
        (day(2026, 3, 1), 30, day(2026, 2, 28)),
        (day(2026, 3, 31), 31, day(2026, 3, 31)),
    ];
    for (today, usual, expected) in table {
        assert_eq!(default_meeting_date(today, usual, None), expected, "today {today}, day {usual}");
        let long_ago = Some(day(2020, 1, 3));
        assert_eq!(default_meeting_date(today, usual, long_ago), expected, "an old meeting changes nothing");
    }
}

#[test]
fn the_default_date_moves_past_a_meeting_already_recorded() {
    // (today, latest recorded meeting, expected): this month's meeting is already in.
    let table = [
        (day(2026, 5, 20), day(2026, 5, 3), day(2026, 6, 3)),
        (day(2026, 5, 20), day(2026, 5, 10), day(2026, 6, 3)),
        (day(2026, 12, 20), day(2026, 12, 3), day(2027, 1, 3)),
        (day(2026, 5, 20), day(2026, 4, 3), day(2026, 5, 3)),
    ];
    for (today, latest, expected) in table {
        assert_eq!(default_meeting_date(today, 3, Some(latest)), expected, "today {today}, latest {latest}");
    }
}

#[test]
fn a_new_meeting_carries_over_last_meetings_next_tasks_and_marks_the_exempt() {
    let mut bi_thu = Member::new("m1", "Nguyễn Văn An", now());
    bi_thu.role = MemberRole::BiThu;
    let mut elder = Member::new("m2", "Trần Văn Bảy", now());
    elder.exemptions.push(Exemption { reason: "Tuổi cao".into(), from: day(2025, 1, 1), to: None });
    let roster = vec![bi_thu, elder, Member::new("m3", "Lê Thị Cúc", now())];

    let mut april = Meeting::new_draft("apr", day(2026, 4, 3), MeetingKind::ThuongKy, "x", now());
    april.place = "Nhà văn hóa thôn".into();
    april.next_tasks.push(NextTask {
        id: "t1".into(),
        who: "Lê Thị Cúc".into(),
        what: "Vận động làm đường".into(),
        deadline: Some(day(2026, 4, 30)),
    });
    let mut march = Meeting::new_draft("mar", day(2026, 3, 3), MeetingKind::ThuongKy, "x", now());
    march.next_tasks.push(NextTask { id: "old".into(), who: String::new(), what: "Việc cũ".into(), deadline: None });

    let may = draft_meeting("may", day(2026, 5, 3), &chi_bo(), &roster, &[march, april], now(), &sotay_domain::text::carried_task_of);
    assert_eq!(may.previous_tasks.len(), 1);
    assert_eq!(may.previous_tasks[0].id, "t1");
    assert_eq!(may.previous_tasks[0].what, "Vận động làm đường — Lê Thị Cúc (hạn 30/04/2026)");
    assert!(!may.previous_tasks[0].done);
    assert_eq!(may.place, "Nhà văn hóa thôn");
    assert_eq!(may.attendance_of("m2"), Some(&Attendance::Exempt));
    assert_eq!(may.attendance_of("m3"), None, "the others wait for the roll call");
    assert_eq!(may.chair_id.as_deref(), Some("m1"));
    assert_eq!(may.own_sheet.framework_id, sotay_domain::builtin::DEFAULT_ID);
}

#[test]
fn the_first_meeting_has_nothing_to_carry_over() {
    let meeting = draft_meeting("first", day(2026, 5, 3), &chi_bo(), &[], &[], now(), &sotay_domain::text::carried_task_of);
    assert!(meeting.previous_tasks.is_empty());
    assert!(meeting.chair_id.is_none());
}

#[test]
fn checks_find_times_future_dates_and_double_roll_calls() {
    let roster = vec![Member::new("m1", "Nguyễn Văn An", now())];
    let mut meeting = Meeting::new_draft("x", day(2026, 5, 3), MeetingKind::ThuongKy, "f", now());
    assert!(check_meeting(&meeting, &roster, day(2026, 5, 3)).is_empty());

    meeting.start_time = NaiveTime::from_hms_opt(19, 0, 0);
    meeting.end_time = NaiveTime::from_hms_opt(18, 30, 0);
    meeting.attendance.push(AttendanceRecord { member_id: "m1".into(), attendance: Attendance::Present });
    meeting.attendance.push(AttendanceRecord { member_id: "m1".into(), attendance: Attendance::AbsentWithoutReason });
    meeting.attendance.push(AttendanceRecord { member_id: "ghost".into(), attendance: Attendance::Present });

    let problems = check_meeting(&meeting, &roster, day(2026, 5, 2));
    assert_eq!(
        problems,
        vec![
            MeetingProblem::DateInFuture,
            MeetingProblem::EndNotAfterStart,
            MeetingProblem::MarkedTwice { member_id: "m1".into() },
            MeetingProblem::UnknownMember { member_id: "ghost".into() },
        ]
    );
    assert_eq!(problems[1].field(), MeetingField::Times);
    assert_eq!(
        problems[1].message_with_place(&meeting, &roster),
        "Buổi sinh hoạt ngày 03/05/2026: Giờ kết thúc phải sau giờ bắt đầu."
    );
    assert_eq!(problems[2].message(&roster), "Đảng viên Nguyễn Văn An được điểm danh hai lần.");

    meeting.end_time = meeting.start_time;
    assert!(check_meeting(&meeting, &roster, day(2026, 5, 3)).contains(&MeetingProblem::EndNotAfterStart));
}
