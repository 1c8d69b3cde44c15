//! Every invalid-framework error is produced by a fixture: the valid minimal fixture
//! with one change each (a JSON pointer and a new value).

use std::collections::BTreeSet;

use serde_json::{json, Value};
use sotay_domain::framework::{Framework, FrameworkError, FrameworkLoadError};

const MINIMAL: &str = include_str!("fixtures/minimal_framework.json");
const MISSPELT: &str = include_str!("fixtures/misspelt_field.json");

/// (what is wrong, JSON pointer, new value, expected error code, text the message must contain)
fn cases() -> Vec<(
    &'static str,
    &'static str,
    Value,
    &'static str,
    &'static str,
)> {
    let duplicate_guard = json!([
        { "id": "guard", "rating": "tot", "requires_full_marks": ["attendance"], "otherwise": "kha" },
        { "id": "guard", "rating": "kha", "requires_full_marks": ["tick"], "otherwise": "trung_binh" }
    ]);
    vec![
        (
            "format from the future",
            "/format_version",
            json!(2),
            "unsupported_format_version",
            "phiên bản 2",
        ),
        ("no name", "/name", json!("  "), "empty_field", "\"name\""),
        (
            "criterion without label",
            "/groups/0/criteria/0/label",
            json!(""),
            "empty_field",
            "tiêu chí \"tick\"",
        ),
        (
            "no meeting kinds",
            "/applies_to",
            json!([]),
            "no_meeting_kinds",
            "applies_to",
        ),
        (
            "ends before it starts",
            "/effective_to",
            json!("2024-06-30"),
            "effective_dates_reversed",
            "30/06/2024",
        ),
        ("no groups", "/groups", json!([]), "no_groups", "nhóm"),
        (
            "empty group",
            "/groups/1/criteria",
            json!([]),
            "empty_group",
            "\"g2\"",
        ),
        (
            "two groups g1",
            "/groups/1/id",
            json!("g1"),
            "duplicate_group_id",
            "\"g1\"",
        ),
        (
            "two criteria tick",
            "/groups/1/criteria/0/id",
            json!("tick"),
            "duplicate_criterion_id",
            "\"tick\"",
        ),
        (
            "two options a",
            "/groups/0/criteria/1/rule/options/1/id",
            json!("a"),
            "duplicate_option_id",
            "\"pick\"",
        ),
        (
            "two steps open",
            "/order_of_business/1/id",
            json!("open"),
            "duplicate_checklist_item_id",
            "\"open\"",
        ),
        (
            "two guards",
            "/guards",
            duplicate_guard,
            "duplicate_guard_id",
            "\"guard\"",
        ),
        (
            "declared total 31",
            "/total_points",
            json!(31),
            "total_mismatch",
            "31",
        ),
        (
            "group max 13",
            "/groups/0/max_points",
            json!(13),
            "group_total_mismatch",
            "\"g1\"",
        ),
        (
            "criterion max 0",
            "/groups/0/criteria/0/max_points",
            json!(0),
            "max_points_not_positive",
            "\"tick\"",
        ),
        (
            "no options",
            "/groups/0/criteria/1/rule/options",
            json!([]),
            "no_options",
            "\"pick\"",
        ),
        (
            "option over max",
            "/groups/0/criteria/1/rule/options/1/points",
            json!(4),
            "option_points_out_of_range",
            "\"b\"",
        ),
        (
            "best option short",
            "/groups/0/criteria/1/rule/options/0/points",
            json!(2),
            "options_do_not_reach_max",
            "\"pick\"",
        ),
        (
            "no bands",
            "/groups/1/criteria/2/rule/bands",
            json!([]),
            "no_bands",
            "\"tasks\"",
        ),
        (
            "band with two conditions",
            "/groups/1/criteria/1/rule/bands/1",
            json!({ "min_percent": 30, "above_percent": 20, "points": 2 }),
            "band_has_two_conditions",
            "mức thứ 2",
        ),
        (
            "threshold 120 %",
            "/groups/0/criteria/2/rule/bands/0/min_percent",
            json!(120),
            "band_threshold_out_of_range",
            "120",
        ),
        (
            "negative shortfall",
            "/groups/1/criteria/0/rule/bands/1/max_shortfall_minutes",
            json!(-5),
            "band_threshold_out_of_range",
            "\"duration\"",
        ),
        (
            "bands unordered",
            "/groups/0/criteria/2/rule/bands/1/min_percent",
            json!(95),
            "bands_unordered",
            "mức thứ 2",
        ),
        (
            "duration bands unordered across kinds",
            "/groups/1/criteria/0/rule/bands/2",
            json!({ "min_percent_of_required": 90, "points": 1 }),
            "bands_unordered",
            "\"duration\"",
        ),
        (
            "same threshold twice",
            "/groups/0/criteria/2/rule/bands/1/min_percent",
            json!(90),
            "bands_overlap",
            "mức thứ 2",
        ),
        (
            "band after otherwise",
            "/groups/1/criteria/2/rule/bands",
            json!([{ "points": 10 }, { "min_percent": 50, "points": 5 }]),
            "bands_overlap",
            "mức thứ 2",
        ),
        (
            "no band for low values",
            "/groups/1/criteria/2/rule/bands/1",
            json!({ "min_percent": 40, "points": 5 }),
            "bands_gap",
            "\"tasks\"",
        ),
        (
            "negative band points",
            "/groups/1/criteria/1/rule/bands/2/points",
            json!(-1),
            "band_points_out_of_range",
            "mức thứ 3",
        ),
        (
            "looser band worth more",
            "/groups/1/criteria/1/rule/bands/2/points",
            json!(3),
            "band_points_increase",
            "mức thứ 3",
        ),
        (
            "best band short of max",
            "/groups/1/criteria/2/rule/bands/0/points",
            json!(9),
            "bands_do_not_reach_max",
            "\"tasks\"",
        ),
        (
            "zero required minutes",
            "/groups/1/criteria/0/rule/required_minutes/default_minutes",
            json!(0),
            "required_minutes_not_positive",
            "\"duration\"",
        ),
        (
            "streak of zero",
            "/groups/0/criteria/2/rule/streak_bonus/max_consecutive_absences_with_reason",
            json!(0),
            "streak_bonus_invalid",
            "\"attendance\"",
        ),
        (
            "agenda without checklist",
            "/order_of_business",
            json!([]),
            "agenda_criterion_without_checklist",
            "\"agenda\"",
        ),
        (
            "documents 40 days ahead",
            "/groups/0/criteria/0/rule",
            json!({ "type": "documents_sent", "min_days_before": 40 }),
            "days_before_out_of_range",
            "là 40; chỉ được từ 0 đến 31 ngày",
        ),
        (
            "Khá above Tốt",
            "/rating_thresholds/kha",
            json!(26),
            "thresholds_unordered",
            "Khá 26",
        ),
        (
            "Tốt above total",
            "/rating_thresholds/tot",
            json!(35),
            "threshold_above_total",
            "Tốt",
        ),
        (
            "guard on nothing",
            "/guards/0/requires_full_marks",
            json!([]),
            "guard_without_criteria",
            "\"guard\"",
        ),
        (
            "guard on a missing criterion",
            "/guards/0/requires_full_marks/0",
            json!("2.9"),
            "guard_unknown_criterion",
            "\"2.9\"",
        ),
        (
            "guard that raises",
            "/guards/0/otherwise",
            json!("tot"),
            "guard_cap_not_lower",
            "\"guard\"",
        ),
        (
            "only chuyên đề criteria on a sheet for thường kỳ meetings",
            "/groups",
            json!([{ "id": "g1", "label": "Chuyên đề", "max_points": 30, "criteria": [
                { "id": "t", "label": "Nội dung chuyên đề", "max_points": 30,
                  "rule": { "type": "tick" }, "only_in_thematic_month": true }
            ]}]),
            "nothing_to_score_outside_thematic_month",
            "applies_to",
        ),
    ]
}

fn mutated(pointer: &str, value: &Value) -> String {
    let mut document: Value = serde_json::from_str(MINIMAL).expect("fixture is JSON");
    let slot = document
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("pointer {pointer} exists"));
    *slot = value.clone();
    document.to_string()
}

fn errors_of(json: &str) -> Vec<FrameworkError> {
    match Framework::from_json(json) {
        Err(FrameworkLoadError::Invalid(errors)) => errors,
        other => panic!("expected validation errors, got {other:?}"),
    }
}

#[test]
fn the_minimal_fixture_is_valid() {
    let framework = Framework::from_json(MINIMAL).expect("valid");
    assert_eq!(framework.criteria().count(), 7);
}

#[test]
fn each_fixture_produces_its_specific_error_with_a_message_naming_the_place() {
    for (what, pointer, value, code, place) in cases() {
        let errors = errors_of(&mutated(pointer, &value));
        let error = errors
            .iter()
            .find(|error| error.code() == code)
            .unwrap_or_else(|| panic!("{what}: expected {code}, got {errors:?}"));
        let message = error.to_string();
        assert!(
            message.contains(place),
            "{what}: message {message:?} should name {place:?}"
        );
    }
}

#[test]
fn every_error_variant_is_covered_by_a_fixture() {
    let produced: BTreeSet<&str> = cases().iter().map(|case| case.3).collect();
    let all: BTreeSet<&str> = FrameworkError::ALL_CODES.iter().copied().collect();
    let missing: Vec<_> = all.difference(&produced).collect();
    assert!(missing.is_empty(), "no fixture for {missing:?}");
}

#[test]
fn a_single_mistake_gives_a_single_error() {
    // Errors stay specific: changing the declared total reports exactly that.
    let errors = errors_of(&mutated("/total_points", &json!(31)));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = FrameworkLoadError::Invalid(errors).to_string();
    assert!(
        message.starts_with("Khung điểm có 1 lỗi cần sửa:"),
        "{message}"
    );
    assert!(
        message.contains("cộng lại là 30 nhưng khung điểm ghi tổng điểm 31"),
        "{message}"
    );
}

#[test]
fn a_misspelt_field_is_a_syntax_error_with_its_line() {
    match Framework::from_json(MISSPELT) {
        Err(error @ FrameworkLoadError::Syntax { line, .. }) => {
            assert_eq!(line, 18);
            let message = error.to_string();
            assert!(message.contains("dòng 18"), "{message}");
            assert!(message.contains("max_point"), "{message}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn not_json_at_all_is_a_syntax_error() {
    assert!(matches!(
        Framework::from_json("khung điểm"),
        Err(FrameworkLoadError::Syntax { line: 1, .. })
    ));
}
