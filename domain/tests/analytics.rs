//! Attendance analytics over a year and the year summary.

mod common;

use common::*;
use sotay_domain::analytics::{year_attendance, year_summary, AttendanceWarning};
use sotay_domain::model::{Attendance, Exemption, MeetingKind};
use sotay_domain::{Decimal, Meeting, Member, Rating};

/// Twelve monthly meetings of 2025 (An Phú frame) where member 1 follows `pattern`.
fn year(roster: &[Member], pattern: &str) -> Vec<Meeting> {
    year_with_pattern(&an_phu(), roster, pattern)
}

fn warnings_for(pattern: &str) -> Vec<AttendanceWarning> {
    let roster = roster(5);
    year_attendance(2025, &roster, &year(&roster, pattern)).warnings
}

#[test]
fn absent_with_reason_three_times_in_a_row_is_fine_four_is_a_warning() {
    let table = [
        ("WWWPPPPPPPPP", None),
        ("WWWWPPPPPPPP", Some(4)),
        ("PPPPPPPPWWWW", Some(4)),
        ("WWWPWWWPWWWP", None),    // a present meeting resets the run
        ("WWWNWWWPPPPP", None),    // so does an absence without reason
        ("WW-WWPPPPPPP", Some(4)), // a month without a meeting is not a break
        ("WWEWWPPPPPPP", Some(4)), // nor is a month exempt
        ("WWWWWWPPPPPP", Some(6)),
    ];
    for (pattern, run) in table {
        let long_run = warnings_for(pattern)
            .into_iter()
            .find_map(|warning| match warning {
                AttendanceWarning::LongRunAbsentWithReason { run, .. } => Some(run),
                _ => None,
            });
        assert_eq!(long_run, run, "{pattern}");
    }
}

#[test]
fn three_months_without_reason_is_a_warning_to_consider_never_a_decision() {
    let roster = roster(5);
    let mut meetings = year(&roster, "NPPNPPPNPPPP");
    // A second meeting in April (chuyên đề) also missed: still one month.
    let mut extra = full_marks_meeting(&an_phu(), &roster, day(2025, 4, 20), MeetingKind::ChuyenDe);
    extra.id = "meeting-april-thematic".into();
    extra.set_attendance(&roster[0].id, Attendance::AbsentWithoutReason);
    meetings.push(extra);
    let result = year_attendance(2025, &roster, &meetings);
    let warning = result
        .warnings
        .iter()
        .find(|warning| matches!(warning, AttendanceWarning::RemovalFromRollsToConsider { .. }))
        .expect("warning");
    assert_eq!(
        warning,
        &AttendanceWarning::RemovalFromRollsToConsider {
            member_id: roster[0].id.clone(),
            name: roster[0].name.clone(),
            months: vec![1, 4, 8]
        }
    );
    let message = warning.message();
    assert!(
        message.contains("trong 3 tháng của năm (tháng 1, 4, 8)"),
        "{message}"
    );
    assert!(message.contains("không phải quyết định"), "{message}");
    // The chi bộ considers removal from the rolls: a matter to consider, never stated as
    // done or decided, and no unverified clause number.
    assert!(message.contains("chi bộ xem xét việc xóa tên"), "{message}");
    assert!(!message.contains("Điều 8"), "{message}");
    assert!(!message.contains("quyết định việc xóa tên"), "{message}");
    assert_eq!(result.members[0].absent_without_reason, 4);

    let two_months = warnings_for("NPPNPPPPPPPP");
    assert!(two_months.is_empty(), "{two_months:?}");
}

#[test]
fn per_member_rates_exclude_exempt_meetings_and_months_outside_membership() {
    let mut roster = roster(4);
    roster[1].exemptions.push(Exemption {
        reason: "Ốm dài ngày".into(),
        from: day(2025, 1, 1),
        to: Some(day(2025, 6, 30)),
    });
    roster[2].left_on = Some(day(2025, 4, 30));
    roster[3].exemptions.push(Exemption {
        reason: "Tuổi cao".into(),
        from: day(2020, 1, 1),
        to: None,
    });
    let mut meetings = year(&roster, "WPPPPPPPPPPP");
    meetings[7].set_attendance(&roster[1].id, with_reason());
    let mut newcomer = Member::new("m-new", "Đồng chí mới chuyển đến", now());
    newcomer.joined_on = Some(day(2026, 1, 1));
    roster.push(newcomer);
    let result = year_attendance(2025, &roster, &meetings);

    let rates: Vec<(String, String)> = result
        .members
        .iter()
        .map(|member| (member.member_id.clone(), member.rate_text()))
        .collect();
    assert_eq!(
        rates,
        vec![
            ("m001".to_string(), "11/12 = 91,7%".to_string()),
            ("m002".to_string(), "5/6 = 83,3%".to_string()),
            ("m003".to_string(), "4/4 = 100%".to_string()),
            (
                "m004".to_string(),
                "không tính (miễn sinh hoạt hoặc không thuộc chi bộ)".to_string()
            ),
        ],
        "the newcomer of 2026 is not listed for 2025"
    );
    assert_eq!(result.members[1].exempt, 6);
    assert_eq!(result.members[3].exempt, 12);
    assert!(result.warnings.is_empty());
}

#[test]
fn year_summary_counts_months_quarters_ratings_and_averages() {
    let roster = roster(10);
    let framework = an_phu();
    let binh_thuan = binh_thuan();
    // Meetings in every month but March and July; chuyên đề in Q1 (kết hợp) and Q3 only.
    let mut meetings = year(&roster, "PP-PPP-PPPPP");
    meetings[0].kind = MeetingKind::KetHop;
    let mut thematic =
        full_marks_meeting(&framework, &roster, day(2025, 8, 20), MeetingKind::ChuyenDe);
    thematic.id = "thematic-august".into();
    meetings.push(thematic);
    // One meeting lowered to Khá, one scored by the superior committee at Trung bình,
    // one with the Bình Thuận framework, one whose framework is not loaded.
    untick(&mut meetings[1], "4a.2");
    untick(&mut meetings[1], "3.1");
    let mut superior = meetings[2].own_sheet.clone();
    for id in [
        "4a.2", "4b.2", "4b.3", "3.1", "3.2", "3.5", "7.1", "7.2", "4a.4", "5.2", "3.4", "7.3",
        "5.1",
    ] {
        superior.inputs.remove(id);
    }
    meetings[2].superior_sheet = Some(superior);
    meetings[3].own_sheet.framework_id = binh_thuan.id.clone();
    meetings[4].own_sheet.framework_id = "khung-chua-nap".into();
    mark_absent(&mut meetings[5], &roster, 2, with_reason());

    let summary = year_summary(2025, &roster, &meetings, &[], &[&framework, &binh_thuan], None);
    assert_eq!(summary.months_held, vec![1, 2, 4, 5, 6, 8, 9, 10, 11, 12]);
    assert_eq!(summary.months_missing, vec![3, 7]);
    assert_eq!(summary.thematic_meetings, 2);
    assert_eq!(summary.quarters_with_thematic, vec![1, 3]);
    assert_eq!(summary.quarters_missing_thematic, vec![2, 4]);
    // 11 meetings: Tốt 8 (incl. the chuyên đề), Khá 1, Trung bình 1 (superior's sheet), unscored 1.
    let counts = summary.rating_counts;
    assert_eq!(
        (
            counts.tot,
            counts.kha,
            counts.trung_binh,
            counts.kem,
            counts.unscored
        ),
        (8, 1, 1, 0, 1)
    );
    assert_eq!(
        summary.meetings[2].official().unwrap().rating,
        Rating::TrungBinh
    );
    assert_eq!(summary.meetings[2].own.unwrap().rating, Rating::Tot);
    // Scores: 8 × 100 (one of them 99: 80 % attendance = 3 + 1) … computed exactly below.
    let totals: Vec<i64> = summary
        .meetings
        .iter()
        .filter_map(|line| line.official())
        .map(|score| score.total.hundredths())
        .collect();
    let expected_average = totals.iter().sum::<i64>() / i64::try_from(totals.len()).unwrap();
    assert_eq!(
        summary.average_score,
        Some(Decimal::from_hundredths(expected_average))
    );
    assert_eq!(totals.len(), 10);
    let attendance = summary.average_attendance_percent.unwrap();
    assert!(
        (attendance - (100.0 * 10.0 + 80.0) / 11.0).abs() < 1e-9,
        "{attendance}"
    );

    let lines = summary.lines();
    assert_eq!(
        lines[0],
        "Số tháng có sinh hoạt chi bộ: 10/12 (chưa sinh hoạt: tháng 3, 7)."
    );
    assert_eq!(
        lines[1],
        "Sinh hoạt chuyên đề: 2/4 quý, thiếu quý II, quý IV (2 buổi chuyên đề hoặc kết hợp)."
    );
    assert_eq!(
        lines[2],
        "Xếp loại các buổi sinh hoạt: Tốt 8, Khá 1, Trung bình 1, Kém 0, chưa chấm 1."
    );
    assert_eq!(lines[4], "Tỷ lệ đảng viên dự bình quân: 98,2%.");
    assert!(lines
        .last()
        .unwrap()
        .contains("không phải kết quả xếp loại"));
}

#[test]
fn year_summary_as_of_a_day_only_flags_what_has_ended() {
    let roster = roster(5);
    let meetings = year(&roster, "PP----------");
    let summary = year_summary(
        2025,
        &roster,
        &meetings,
        &[],
        &[&an_phu()],
        Some(day(2025, 5, 10)),
    );
    // April is over and had no meeting; May is still running. Q1 is over without chuyên đề.
    assert_eq!(summary.months_missing, vec![3, 4]);
    assert_eq!(summary.quarters_missing_thematic, vec![1]);
    let before = year_summary(
        2025,
        &roster,
        &meetings,
        &[],
        &[&an_phu()],
        Some(day(2024, 12, 31)),
    );
    assert!(before.months_missing.is_empty() && before.quarters_missing_thematic.is_empty());
}

#[test]
fn an_empty_year_summarises_without_dividing_by_zero() {
    let summary = year_summary(2025, &roster(3), &[], &[], &[&an_phu()], None);
    assert_eq!(summary.average_score, None);
    assert_eq!(summary.average_attendance_percent, None);
    assert_eq!(summary.months_missing.len(), 12);
    assert!(summary.lines()[3].contains("chưa có buổi nào được chấm"));
}
