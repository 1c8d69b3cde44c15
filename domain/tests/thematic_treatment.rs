//! How a chuyên đề-only criterion is treated in a month without chuyên đề: the
//! framework's `outside_thematic_month` (grant its points, or leave it out and judge the
//! rating on the scaled total).

mod common;

use common::*;
use sotay_domain::framework::OutsideThematicMonth;
use sotay_domain::model::CriterionInput;
use sotay_domain::scoring::PointsSource;
use sotay_domain::{builtin, score_own_sheet, Decimal, Framework, MeetingKind, Rating};

const THEMATIC: &str = "4a.3";

/// An Phú with the treatment changed, through its JSON (as a committee would write it).
fn an_phu_with(treatment: &str) -> Framework {
    let mut value: serde_json::Value =
        serde_json::from_str(&an_phu().to_json_pretty()).expect("json");
    value["outside_thematic_month"] = serde_json::json!(treatment);
    Framework::from_json(&value.to_string()).expect("valid")
}

/// A full-marks thường kỳ meeting with the results criterion (6.1, 30 points) overridden
/// to 20: 10 points lost outside the chuyên đề criterion.
fn ten_points_short(framework: &Framework, kind: MeetingKind) -> sotay_domain::Meeting {
    let roster = roster(5);
    let mut meeting = full_marks_meeting(framework, &roster, day(2025, 5, 3), kind);
    meeting.own_sheet.inputs.insert(
        "6.1".into(),
        CriterionInput {
            override_points: Some(Decimal::from_int(20)),
            ..Default::default()
        },
    );
    meeting
}

#[test]
fn the_built_ins_keep_granting_the_points() {
    for framework in builtin::all() {
        assert_eq!(
            framework.outside_thematic_month,
            OutsideThematicMonth::GrantPoints,
            "{}",
            framework.id
        );
    }
}

#[test]
fn a_file_without_the_field_loads_unchanged_and_is_written_without_it() {
    let json = an_phu().to_json_pretty();
    assert!(!json.contains("outside_thematic_month"));
    let reread = Framework::from_json(&json).expect("valid");
    assert_eq!(reread, an_phu());
    let leave_out = an_phu_with("leave_out");
    assert!(leave_out
        .to_json_pretty()
        .contains("\"outside_thematic_month\": \"leave_out\""));
}

#[test]
fn an_unknown_treatment_is_refused_naming_the_line() {
    let json = an_phu()
        .to_json_pretty()
        .replacen("\"total_points\"", "\"outside_thematic_month\": \"halve\",\n  \"total_points\"", 1);
    let error = Framework::from_json(&json).expect_err("refused");
    assert!(error.to_string().contains("dòng"), "{error}");
}

#[test]
fn grant_and_leave_out_differ_only_in_a_month_without_chuyen_de() {
    let roster = roster(5);
    // (treatment, kind, total, max, scaled, rating, source of the chuyên đề criterion)
    let table = [
        ("grant_points", MeetingKind::ThuongKy, 90, 100, None, Rating::Tot, PointsSource::GrantedOutsideThematicMonth),
        // 85/95 scaled to 100 = 89.473… → 89.47: below Tốt's 90.
        ("leave_out", MeetingKind::ThuongKy, 85, 95, Some(8947), Rating::Kha, PointsSource::LeftOutOutsideThematicMonth),
        ("grant_points", MeetingKind::KetHop, 90, 100, None, Rating::Tot, PointsSource::Manual),
        ("leave_out", MeetingKind::KetHop, 90, 100, None, Rating::Tot, PointsSource::Manual),
    ];
    for (treatment, kind, total, max, scaled, rating, source) in table {
        let framework = an_phu_with(treatment);
        let meeting = ten_points_short(&framework, kind);
        let score = score_own_sheet(&framework, &meeting, &roster, &[], &[]);
        let what = format!("{treatment} {kind:?}");
        assert_eq!(score.total, Decimal::from_int(total), "{what}");
        assert_eq!(score.max, Decimal::from_int(max), "{what}");
        assert_eq!(score.scaled_total, scaled.map(Decimal::from_hundredths), "{what}");
        assert_eq!(score.rating, rating, "{what}");
        let thematic = score.criterion(THEMATIC).expect("criterion");
        assert_eq!(thematic.source, source, "{what}");
        if let Some(scaled) = scaled {
            assert_eq!(thematic.max_points, Decimal::ZERO, "{what}");
            assert_eq!(score.summary(), "85/95 điểm (quy về thang 100: 89,47) → Khá");
            assert!(
                score.adjustments.iter().any(|line| line.to_string().contains("89,47")),
                "{what}: {:?} ({scaled})",
                score.adjustments
            );
        }
    }
}

#[test]
fn leaving_out_with_full_marks_elsewhere_still_reaches_the_top() {
    let roster = roster(5);
    let framework = an_phu_with("leave_out");
    let meeting = full_marks_meeting(&framework, &roster, day(2025, 5, 3), MeetingKind::ThuongKy);
    let score = score_own_sheet(&framework, &meeting, &roster, &[], &[]);
    assert_eq!(score.total, Decimal::from_int(95));
    assert_eq!(score.scaled_total, Some(Decimal::from_int(100)));
    assert_eq!(score.rating, Rating::Tot);
}

#[test]
fn the_treatment_has_a_label_for_the_sheet() {
    assert!(OutsideThematicMonth::GrantPoints.label().contains("được tính đủ điểm"));
    assert!(OutsideThematicMonth::LeaveOut.label().contains("quy đổi"));
}
