//! Table-driven tests of every band edge of the built-in frameworks, the guard, the
//! chuyên đề rule, overrides and the explanations.

mod common;

use common::*;
use sotay_domain::decimal::Ratio;
use sotay_domain::model::{Attendance, Exemption, MeetingKind, PreviousTask};
use sotay_domain::scoring::{attendance_facts, score_own_sheet, score_sheet, PointsSource};
use sotay_domain::{Decimal, Framework, Meeting, MeetingScore, Member, Rating};

fn points_of(score: &MeetingScore, criterion_id: &str) -> Decimal {
    score
        .criterion(criterion_id)
        .unwrap_or_else(|| panic!("criterion {criterion_id}"))
        .points
}

fn int(value: i64) -> Decimal {
    Decimal::from_int(value)
}

fn score(framework: &Framework, meeting: &Meeting, roster: &[Member]) -> MeetingScore {
    score_own_sheet(framework, meeting, roster, &[], &[])
}

#[test]
fn a_full_marks_meeting_scores_100_on_every_builtin() {
    for framework in [an_phu(), binh_thuan(), hd12()] {
        let roster = roster(12);
        for kind in [MeetingKind::ThuongKy, MeetingKind::KetHop] {
            let meeting = full_marks_meeting(&framework, &roster, day(2025, 11, 3), kind);
            let result = score(&framework, &meeting, &roster);
            assert_eq!(
                result.total,
                int(100),
                "{} {kind:?}: {:#?}",
                framework.id,
                result.criteria
            );
            assert_eq!(result.max, int(100));
            assert_eq!(result.rating, Rating::Tot);
            assert!(result.notices.is_empty(), "{:?}", result.notices);
            assert_eq!(result.summary(), "100/100 điểm → Tốt");
        }
    }
}

#[test]
fn an_phu_attendance_bands() {
    // (present, counted, band points): the +1 streak bonus is always earned here.
    let table = [
        (649, 1000, 1), // 64,9 % → lowest band
        (650, 1000, 2), // 65 %
        (12, 20, 1),
        (13, 20, 2),
        (749, 1000, 2), // 74,9 %
        (15, 20, 3),    // 75 %
        (899, 1000, 3), // 89,9 %
        (9, 10, 4),     // 90 %
        (20, 20, 4),
    ];
    let framework = an_phu();
    for (present, counted, band) in table {
        let roster = roster(counted);
        let mut meeting =
            full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
        mark_absent(&mut meeting, &roster, counted - present, with_reason());
        let result = score(&framework, &meeting, &roster);
        assert_eq!(
            points_of(&result, "2.1"),
            int(band + 1),
            "{present}/{counted}"
        );
    }
}

#[test]
fn attendance_derivation_reads_like_the_minutes() {
    let framework = an_phu();
    let roster = roster(11);
    let mut meeting =
        full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
    mark_absent(&mut meeting, &roster, 2, with_reason());
    let result = score(&framework, &meeting, &roster);
    let attendance = result.criterion("2.1").unwrap();
    assert_eq!(attendance.source, PointsSource::Computed);
    assert_eq!(
        attendance.derivation.to_string(),
        "9/11 đảng viên có mặt = 81,8% (vắng có lý do 2) → 3 điểm; không ai vắng có lý do quá 3 lần liên tiếp trong năm → cộng 1 điểm; được 4 điểm"
    );
}

#[test]
fn anyone_absent_without_reason_forces_the_lowest_attendance_band() {
    let framework = an_phu();
    let roster = roster(20);
    let mut meeting =
        full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
    mark_absent(&mut meeting, &roster, 1, Attendance::AbsentWithoutReason);
    let result = score(&framework, &meeting, &roster);
    // 95 % would be 4, but the absence without reason forces 1; the streak bonus stays.
    assert_eq!(points_of(&result, "2.1"), int(2));
    let derivation = result.criterion("2.1").unwrap().derivation.to_string();
    assert!(
        derivation.contains("19/20 đảng viên có mặt = 95%"),
        "{derivation}"
    );
    assert!(
        derivation.contains("vắng không lý do (Đồng chí số 1) → chỉ tính mức thấp nhất: 1 điểm"),
        "{derivation}"
    );
    assert!(
        result
            .adjustments
            .iter()
            .any(|line| line.to_string().contains("chỉ được mức thấp nhất")),
        "{:?}",
        result.adjustments
    );
}

#[test]
fn exempt_and_departed_members_are_not_counted_and_unrecorded_ones_are() {
    let framework = an_phu();
    let mut roster = roster(12);
    let date = day(2025, 11, 3);
    roster[0].exemptions.push(Exemption {
        reason: "Tuổi cao".into(),
        from: day(2024, 1, 1),
        to: None,
    });
    roster[1].left_on = Some(day(2025, 10, 31));
    roster[2].joined_on = Some(day(2025, 11, 4));
    let mut meeting = full_marks_meeting(&framework, &roster, date, MeetingKind::ThuongKy);
    meeting.set_attendance(
        &roster[0].id,
        Attendance::AbsentWithReason {
            reason: sotay_domain::model::AbsenceReason::Other,
            reason_text: String::new(),
        },
    );
    meeting.set_attendance(&roster[3].id, Attendance::Exempt);
    meeting
        .attendance
        .retain(|record| record.member_id != roster[4].id);
    let facts = attendance_facts(&meeting, &roster);
    assert_eq!(
        (
            facts.members_in_chi_bo,
            facts.counted,
            facts.exempt,
            facts.unrecorded
        ),
        (10, 8, 2, 1)
    );
    assert_eq!(facts.rate(), Ratio::new(7, 8));
    let result = score(&framework, &meeting, &roster);
    let derivation = result.criterion("2.1").unwrap().derivation.to_string();
    assert!(derivation.starts_with("7/8 đảng viên có mặt = 87,5% (chưa điểm danh 1, không tính 2 đồng chí miễn sinh hoạt) → 3 điểm"), "{derivation}");
}

#[test]
fn streak_bonus_needs_nobody_absent_with_reason_more_than_three_times_in_a_row() {
    let framework = an_phu();
    let roster = roster(10);
    // (pattern up to and including the scored meeting, bonus kept)
    let table = [
        ("WWW", true),
        ("WWWW", false),
        ("PWWWP", true),
        ("WWWWP", false), // a run earlier in the year still counts
        ("WWPWW", true),  // presence resets the run
        ("WWNWW", true),  // so does an absence without reason (scored lowest separately)
        ("WWEWW", false), // an exempt month neither extends nor ends the run
    ];
    for (pattern, bonus) in table {
        let meetings = year_with_pattern(&framework, &roster, pattern);
        let scored = meetings.last().unwrap();
        let result = score_own_sheet(&framework, scored, &roster, &meetings, &[]);
        // The scored meeting is 9/10 (W) or 10/10 (P) present: band 4 either way.
        let expected = 4 + i64::from(bonus);
        assert_eq!(
            points_of(&result, "2.1"),
            int(expected),
            "{pattern}: {}",
            result.criterion("2.1").unwrap().derivation
        );
        if !bonus {
            assert!(
                result
                    .adjustments
                    .iter()
                    .any(|line| line.to_string().contains("Đồng chí số 1 (4 lần)")),
                "{pattern}: {:?}",
                result.adjustments
            );
        }
    }
}

#[test]
fn earlier_meetings_of_other_years_do_not_count_for_the_streak() {
    let framework = an_phu();
    let roster = roster(10);
    let mut meetings = year_with_pattern(&framework, &roster, "WWW");
    for meeting in &mut meetings {
        meeting.date =
            day(2024, 12, 1) + chrono::Days::new(u64::from(chrono::Datelike::month(&meeting.date)));
    }
    let mut scored =
        full_marks_meeting(&framework, &roster, day(2025, 1, 5), MeetingKind::ThuongKy);
    scored.set_attendance(&roster[0].id, with_reason());
    let result = score_own_sheet(&framework, &scored, &roster, &meetings, &[]);
    assert_eq!(points_of(&result, "2.1"), int(5));
}

#[test]
fn an_phu_duration_bands() {
    // (meeting kind, chi bộ size, minutes, points)
    let table = [
        (MeetingKind::ThuongKy, 10, 95, 5),
        (MeetingKind::ThuongKy, 10, 90, 5),
        (MeetingKind::ThuongKy, 10, 75, 4), // short by 15
        (MeetingKind::ThuongKy, 10, 74, 3), // short by 16
        (MeetingKind::ThuongKy, 10, 60, 3), // short by 30
        (MeetingKind::ThuongKy, 10, 59, 2), // short by 31, still ≥ half
        (MeetingKind::ThuongKy, 10, 45, 2), // exactly half
        (MeetingKind::ThuongKy, 10, 44, 1), // under half
        (MeetingKind::KetHop, 10, 120, 5),
        (MeetingKind::KetHop, 10, 105, 4),
        (MeetingKind::KetHop, 10, 104, 3),
        (MeetingKind::KetHop, 10, 90, 3),
        (MeetingKind::KetHop, 10, 89, 2),
        (MeetingKind::KetHop, 10, 59, 1),
        (MeetingKind::ThuongKy, 29, 90, 5),
        (MeetingKind::ThuongKy, 30, 90, 3), // ≥ 30 members: 120 required
        (MeetingKind::ThuongKy, 30, 105, 4),
        (MeetingKind::ThuongKy, 30, 120, 5),
    ];
    let framework = an_phu();
    for (kind, size, minutes, expected) in table {
        let roster = roster(size);
        let mut meeting = full_marks_meeting(&framework, &roster, day(2025, 11, 3), kind);
        meeting.start_time = Some(clock(18, 0));
        meeting.end_time = Some(clock(18, 0) + chrono::Duration::minutes(minutes));
        let result = score(&framework, &meeting, &roster);
        assert_eq!(
            points_of(&result, "1.1"),
            int(expected),
            "{kind:?} {size} members {minutes}′"
        );
    }
}

#[test]
fn duration_derivation_names_the_requirement_and_its_reason() {
    let framework = an_phu();
    let roster = roster(10);
    let mut meeting =
        full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::KetHop);
    meeting.start_time = Some(clock(19, 30));
    meeting.end_time = Some(clock(21, 14));
    let result = score(&framework, &meeting, &roster);
    assert_eq!(
        result.criterion("1.1").unwrap().derivation.to_string(),
        "Họp 19:30–21:14 = 104 phút; yêu cầu 120 phút (sinh hoạt thường kỳ kết hợp chuyên đề) → thiếu 16 phút, đạt 86,7% thời lượng → 3 điểm"
    );
    let big = roster_of(30);
    let mut meeting = full_marks_meeting(&framework, &big, day(2025, 11, 3), MeetingKind::ThuongKy);
    meeting.end_time = Some(clock(20, 30));
    let result = score(&framework, &meeting, &big);
    assert!(result
        .criterion("1.1")
        .unwrap()
        .derivation.to_string()
        .contains("yêu cầu 120 phút (chi bộ có từ 30 đảng viên trở lên)"));
}

fn roster_of(size: usize) -> Vec<Member> {
    roster(size)
}

#[test]
fn missing_times_need_input() {
    let framework = an_phu();
    let roster = roster(10);
    let mut meeting =
        full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
    meeting.end_time = None;
    let result = score(&framework, &meeting, &roster);
    let duration = result.criterion("1.1").unwrap();
    assert_eq!(
        (duration.points, duration.source),
        (Decimal::ZERO, PointsSource::NeedsInput)
    );
    assert!(result.needs_input());
    assert!(result
        .notices
        .iter()
        .map(ToString::to_string)
        .any(|notice| notice.contains("Còn thiếu dữ liệu") && notice.contains("Thời lượng")));
}

#[test]
fn an_phu_speaker_share_bands() {
    // (spoke, present, points): above 50 % → 5; 40–50 % → 4; 30 to < 40 % → 3; < 30 % → 2.
    let table = [
        (10, 10, 5),
        (51, 100, 5),
        (5, 10, 4), // exactly 50 %: not above 50
        (4, 10, 4), // exactly 40 %
        (399, 1000, 3),
        (3, 10, 3), // exactly 30 %
        (299, 1000, 2),
        (0, 10, 2),
    ];
    let framework = an_phu();
    for (spoke, present, expected) in table {
        let roster = roster(present);
        let mut meeting =
            full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
        meeting.speakers.truncate(spoke);
        let result = score(&framework, &meeting, &roster);
        assert_eq!(
            points_of(&result, "4a.5"),
            int(expected),
            "{spoke}/{present}"
        );
    }
}

#[test]
fn speakers_who_were_not_present_do_not_count() {
    let framework = an_phu();
    let roster = roster(10);
    let mut meeting =
        full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
    mark_absent(&mut meeting, &roster, 5, with_reason());
    meeting.speakers.push(roster[9].id.clone()); // listed twice
    let result = score(&framework, &meeting, &roster);
    // 5 present, all 5 spoke (the absent five "speakers" are ignored) → 100 %.
    assert_eq!(
        result.criterion("4a.5").unwrap().derivation.to_string(),
        "5/5 đảng viên có mặt đã phát biểu = 100% → 5 điểm"
    );
}

#[test]
fn an_phu_tasks_met_bands() {
    let table = [
        (10, 10, 30),
        (9, 10, 30),
        (89, 100, 27),
        (8, 10, 27),
        (7, 10, 24),
        (6, 10, 20),
        (59, 100, 15),
        (5, 10, 15),
        (49, 100, 10),
        (0, 3, 10),
    ];
    let framework = an_phu();
    let roster = roster(10);
    for (done, total, expected) in table {
        let mut meeting =
            full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
        meeting.previous_tasks = (0..total)
            .map(|n| PreviousTask {
                id: format!("t{n}"),
                what: "Việc".into(),
                done: n < done,
                result: String::new(),
            })
            .collect();
        let result = score(&framework, &meeting, &roster);
        assert_eq!(points_of(&result, "6.1"), int(expected), "{done}/{total}");
    }
}

#[test]
fn no_previous_tasks_needs_input_and_an_override_resolves_it() {
    let framework = an_phu();
    let roster = roster(10);
    let mut meeting =
        full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
    meeting.previous_tasks.clear();
    let result = score(&framework, &meeting, &roster);
    assert_eq!(
        result.criterion("6.1").unwrap().source,
        PointsSource::NeedsInput
    );
    assert_eq!(result.total, int(70));
    meeting
        .own_sheet
        .inputs
        .entry("6.1".into())
        .or_default()
        .override_points = Some(int(27));
    let result = score(&framework, &meeting, &roster);
    let tasks = result.criterion("6.1").unwrap();
    assert_eq!(
        (tasks.points, tasks.source, tasks.computed_points),
        (int(27), PointsSource::Overridden, Some(Decimal::ZERO))
    );
    assert!(!result.needs_input());
}

#[test]
fn an_override_keeps_the_computed_value_for_display() {
    let framework = an_phu();
    let roster = roster(11);
    let mut meeting =
        full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
    mark_absent(&mut meeting, &roster, 2, with_reason());
    meeting
        .own_sheet
        .inputs
        .entry("2.1".into())
        .or_default()
        .override_points = Some(int(5));
    let result = score(&framework, &meeting, &roster);
    let attendance = result.criterion("2.1").unwrap();
    assert_eq!(attendance.points, int(5));
    assert_eq!(attendance.computed_points, Some(int(4)));
    assert_eq!(attendance.source, PointsSource::Overridden);
    assert!(
        attendance
            .derivation.to_string()
            .starts_with("Nhập tay 5 điểm (máy tính được 4 điểm: 9/11 đảng viên có mặt"),
        "{}",
        attendance.derivation
    );
    assert!(result
        .adjustments
        .iter()
        .any(|line| line.to_string().contains("điểm nhập tay 5 điểm thay cho 4 điểm")));
    // An override above the maximum is cut to the maximum and said so.
    meeting
        .own_sheet
        .inputs
        .entry("2.1".into())
        .or_default()
        .override_points = Some(int(9));
    let result = score(&framework, &meeting, &roster);
    assert_eq!(points_of(&result, "2.1"), int(5));
    assert!(result
        .adjustments
        .iter()
        .any(|line| line.to_string().contains("nằm ngoài khoảng cho phép")));
}

#[test]
fn the_thematic_criterion_is_granted_outside_a_thematic_month() {
    let framework = an_phu();
    let roster = roster(10);
    for (kind, ticked, expected, source) in [
        (
            MeetingKind::ThuongKy,
            false,
            5,
            PointsSource::GrantedOutsideThematicMonth,
        ),
        (MeetingKind::KetHop, false, 0, PointsSource::Manual),
        (MeetingKind::KetHop, true, 5, PointsSource::Manual),
    ] {
        let mut meeting = full_marks_meeting(&framework, &roster, day(2025, 11, 3), kind);
        if !ticked {
            untick(&mut meeting, "4a.3");
        }
        let result = score(&framework, &meeting, &roster);
        let thematic = result.criterion("4a.3").unwrap();
        assert_eq!(
            (thematic.points, thematic.source),
            (int(expected), source),
            "{kind:?} ticked={ticked}"
        );
        let explained = result
            .adjustments
            .iter()
            .any(|line| line.to_string().contains("không có chuyên đề nên tiêu chí này được tính đủ 5 điểm"));
        assert_eq!(explained, kind == MeetingKind::ThuongKy);
    }
}

#[test]
fn the_agenda_criterion_needs_every_required_step_but_not_the_optional_one() {
    let framework = an_phu();
    let roster = roster(10);
    let mut meeting =
        full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
    meeting.agenda_done.retain(|id| id != "cong_tac_dang");
    assert_eq!(
        points_of(&score(&framework, &meeting, &roster), "4a.1"),
        int(5)
    );
    meeting.agenda_done.retain(|id| id != "tu_tuong_phe_binh");
    let result = score(&framework, &meeting, &roster);
    assert_eq!(points_of(&result, "4a.1"), Decimal::ZERO);
    assert!(result
        .criterion("4a.1")
        .unwrap()
        .derivation.to_string()
        .contains("6/7 bước bắt buộc; còn thiếu: Sinh hoạt tư tưởng"));
}

/// A full-marks meeting lowered to `total` by unticking preparation and closing items
/// (none of them guarded).
fn meeting_scoring(framework: &Framework, roster: &[Member], total: i64) -> Meeting {
    let mut meeting =
        full_marks_meeting(framework, roster, day(2025, 11, 3), MeetingKind::ThuongKy);
    let removable = [
        ("4a.2", 10),
        ("4b.2", 4),
        ("3.1", 3),
        ("4b.3", 3),
        ("3.2", 2),
        ("3.5", 2),
        ("7.1", 2),
        ("7.2", 2),
        ("4a.4", 2),
        ("5.2", 2),
        ("3.4", 1),
        ("7.3", 1),
        ("5.1", 1),
    ];
    let mut missing = 100 - total;
    for (id, worth) in removable {
        if missing >= worth {
            untick(&mut meeting, id);
            missing -= worth;
        }
    }
    assert_eq!(missing, 0, "cannot lower to {total}");
    meeting
}

#[test]
fn score_89_and_90_with_and_without_the_guard() {
    let roster = roster(10);
    for (framework, total, expected) in [
        (an_phu(), 90, Rating::Tot),
        (an_phu(), 89, Rating::Kha),
        (binh_thuan(), 90, Rating::Tot),
        (binh_thuan(), 89, Rating::Kha),
        (an_phu(), 70, Rating::Kha),
        (an_phu(), 69, Rating::TrungBinh),
    ] {
        let meeting = meeting_scoring(&framework, &roster, total);
        let result = score(&framework, &meeting, &roster);
        assert_eq!(result.total, int(total));
        assert_eq!(result.rating, expected, "{} {total}", framework.id);
        assert!(guard_lines(&result).is_empty(), "{:?}", result.adjustments);
    }
}

/// The adjustments that lower a rating (they end with "→ <rating>.").
fn guard_lines(result: &MeetingScore) -> Vec<String> {
    result
        .adjustments
        .iter()
        .filter(|adjustment| matches!(adjustment, sotay_domain::scoring::Adjustment::Guard { .. }))
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_guard_caps_tot_at_kha_and_explains_why() {
    let roster = roster(10);
    // 96 points by unticked items, then 1 more lost on duration (short by 10′): 95.
    for (framework, expected) in [(an_phu(), Rating::Tot), (binh_thuan(), Rating::Kha)] {
        let mut meeting = meeting_scoring(&framework, &roster, 96);
        meeting.end_time = Some(clock(20, 20)); // 80′ of 90: 4 of 5
        let result = score(&framework, &meeting, &roster);
        assert_eq!(result.total, int(95));
        assert_eq!(result.rating_by_points, Rating::Tot);
        assert_eq!(result.rating, expected, "{}", framework.id);
        if expected == Rating::Kha {
            assert_eq!(
                guard_lines(&result),
                vec![
                    "95 điểm (đủ điểm loại Tốt) nhưng chưa đạt điểm tối đa ở: «Thời lượng sinh hoạt (90 phút; 120 phút nếu chi bộ từ 30 đảng viên trở lên hoặc sinh hoạt kết hợp chuyên đề)» (4/5 điểm) → Khá."
                ]
            );
            assert_eq!(result.summary(), "95/100 điểm → Khá");
        }
    }
}

#[test]
fn the_guard_checks_attendance_speakers_and_minutes_too() {
    let roster = roster(10);
    let framework = binh_thuan();
    type Lowering = fn(&mut Meeting, &[Member]);
    let lowerings: [(&str, Lowering); 3] = [
        ("2.1", |meeting, roster| {
            mark_absent(meeting, roster, 2, with_reason())
        }), // 80 % → 3 + 1
        ("4a.5", |meeting, _| meeting.speakers.truncate(5)), // 50 % → 4
        ("4a.6", |meeting, _| untick(meeting, "4a.6")),      // minutes not complete
    ];
    for (criterion_id, lower) in lowerings {
        let mut meeting =
            full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
        lower(&mut meeting, &roster);
        let result = score(&framework, &meeting, &roster);
        assert!(result.total >= int(90), "{criterion_id}: {}", result.total);
        assert_eq!(result.rating, Rating::Kha, "{criterion_id}");
        assert!(
            result.adjustments.last().unwrap().to_string().contains("→ Khá."),
            "{criterion_id}"
        );
    }
    // An unguarded criterion below full marks leaves Tốt alone.
    let mut meeting =
        full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
    untick(&mut meeting, "4a.7");
    assert_eq!(score(&framework, &meeting, &roster).rating, Rating::Tot);
}

#[test]
fn hd12_template_bands() {
    let framework = hd12();
    // Attendance above 85 % (strictly): 17/20 = 85 % is not above.
    for (present, expected) in [(18, 12 + 3), (17, 8 + 3), (15, 8 + 3), (13, 4 + 3), (12, 3)] {
        let roster = roster(20);
        let mut meeting =
            full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
        mark_absent(&mut meeting, &roster, 20 - present, with_reason());
        assert_eq!(
            points_of(&score(&framework, &meeting, &roster), "1.1"),
            int(expected),
            "{present}/20"
        );
    }
    // The template has no size rule: 30 members still need 90′ (kết hợp 120′).
    let roster = roster(30);
    let mut meeting =
        full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
    meeting.end_time = Some(clock(20, 30));
    assert_eq!(
        points_of(&score(&framework, &meeting, &roster), "3.1"),
        int(8)
    );
    meeting.kind = MeetingKind::KetHop;
    assert_eq!(
        points_of(&score(&framework, &meeting, &roster), "3.1"),
        int(4)
    );
}

#[test]
fn notices_for_a_framework_outside_its_kind_or_dates() {
    let framework = an_phu();
    let roster = roster(10);
    let mut meeting =
        full_marks_meeting(&framework, &roster, day(2025, 3, 3), MeetingKind::ChuyenDe);
    meeting
        .own_sheet
        .inputs
        .insert("9.9".into(), Default::default());
    let result = score(&framework, &meeting, &roster);
    let notices = result.notices.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    assert!(
        notices.contains("không dành cho buổi sinh hoạt chuyên đề"),
        "{notices}"
    );
    assert!(
        notices.contains("không có hiệu lực vào ngày 03/03/2025 (hiệu lực từ 01/09/2025)"),
        "{notices}"
    );
    assert!(
        notices.contains("tiêu chí \"9.9\" không có trong khung điểm"),
        "{notices}"
    );
}

#[test]
fn the_superior_committees_sheet_is_scored_by_the_same_function() {
    let framework = binh_thuan();
    let roster = roster(10);
    let mut meeting =
        full_marks_meeting(&framework, &roster, day(2025, 11, 3), MeetingKind::ThuongKy);
    let mut superior = meeting.own_sheet.clone();
    superior.scored_by = "Đồng chí Lê Văn Cường, Đảng ủy viên".into();
    superior.inputs.remove("4b.2");
    meeting.superior_sheet = Some(superior.clone());
    let own = score(&framework, &meeting, &roster);
    let theirs = sotay_domain::score_superior_sheet(&framework, &meeting, &roster, &[], &[]).unwrap();
    assert_eq!(
        theirs,
        score_sheet(&framework, &meeting, &superior, &roster, &[], &[])
    );
    assert_eq!((own.total, theirs.total), (int(100), int(96)));
}

#[test]
fn group_subtotals_add_up() {
    let framework = an_phu();
    let roster = roster(10);
    let meeting = meeting_scoring(&framework, &roster, 91);
    let result = score(&framework, &meeting, &roster);
    let sum = Decimal::sum(result.groups.iter().map(|group| group.points));
    assert_eq!(sum, result.total);
    let preparation = result
        .groups
        .iter()
        .find(|group| group.group_id == "3")
        .unwrap();
    assert_eq!(
        (preparation.points, preparation.max_points),
        (int(5), int(10))
    ); // 3.1 and 3.2 unticked
}
