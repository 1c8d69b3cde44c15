//! The framework editor's domain: every validation problem an editor can produce is located
//! at its field (table-driven, on the minimal fixture with one change each) with the same
//! message a loaded file gets; the editing operations; and the round trip of random edits
//! through export and import.

use proptest::prelude::*;
use serde_json::{json, Value};
use sotay_domain::builtin;
use sotay_domain::framework::{
    Direction, Framework, FrameworkLoadError, Problem, Rating, RuleKind, Scope,
};
use sotay_domain::{Decimal, MeetingKind};

const MINIMAL: &str = include_str!("fixtures/minimal_framework.json");

/// (what is wrong, JSON pointer, new value, expected code, pointer of the field it is shown at)
fn cases() -> Vec<(&'static str, &'static str, Value, &'static str, &'static str)> {
    vec![
        (
            "every criterion only in a chuyên đề month, for thường kỳ meetings",
            "/groups",
            thematic_only_groups(),
            "nothing_to_score_outside_thematic_month",
            "/outside_thematic_month",
        ),
        ("no name", "/name", json!(" "), "empty_field", "/name"),
        ("no issuer", "/issued_by", json!(""), "empty_field", "/issued_by"),
        ("no source", "/source", json!(""), "empty_field", "/source"),
        ("no id", "/id", json!(""), "empty_field", "/id"),
        ("group without label", "/groups/1/label", json!(""), "empty_field", "/groups/1/label"),
        ("group without id", "/groups/1/id", json!(""), "empty_field", "/groups/1/id"),
        ("criterion without label", "/groups/0/criteria/0/label", json!(""), "empty_field", "/groups/0/criteria/0/label"),
        ("criterion without id", "/groups/1/criteria/1/id", json!(""), "empty_field", "/groups/1/criteria/1/id"),
        ("option without label", "/groups/0/criteria/1/rule/options/1/label", json!(""), "empty_field", "/groups/0/criteria/1/rule/options/1/label"),
        ("step without label", "/order_of_business/1/label", json!(""), "empty_field", "/order_of_business/1/label"),
        ("guard without id", "/guards/0/id", json!(""), "empty_field", "/guards/0/id"),
        ("no meeting kinds", "/applies_to", json!([]), "no_meeting_kinds", "/applies_to"),
        ("ends before it starts", "/effective_to", json!("2024-06-30"), "effective_dates_reversed", "/effective_to"),
        ("no groups", "/groups", json!([]), "no_groups", "/groups"),
        ("empty group", "/groups/1/criteria", json!([]), "empty_group", "/groups/1/criteria"),
        ("two groups g1", "/groups/1/id", json!("g1"), "duplicate_group_id", "/groups/1/id"),
        ("two criteria tick", "/groups/1/criteria/0/id", json!("tick"), "duplicate_criterion_id", "/groups/1/criteria/0/id"),
        ("two options a", "/groups/0/criteria/1/rule/options/1/id", json!("a"), "duplicate_option_id", "/groups/0/criteria/1/rule/options/1/id"),
        ("two steps open", "/order_of_business/1/id", json!("open"), "duplicate_checklist_item_id", "/order_of_business/1/id"),
        (
            "two guards",
            "/guards",
            json!([
                { "id": "guard", "rating": "tot", "requires_full_marks": ["attendance"], "otherwise": "kha" },
                { "id": "guard", "rating": "kha", "requires_full_marks": ["tick"], "otherwise": "trung_binh" }
            ]),
            "duplicate_guard_id",
            "/guards/1/id",
        ),
        ("declared total 31", "/total_points", json!(31), "total_mismatch", "/total_points"),
        ("group max 13", "/groups/0/max_points", json!(13), "group_total_mismatch", "/groups/0/max_points"),
        ("criterion max 0", "/groups/0/criteria/0/max_points", json!(0), "max_points_not_positive", "/groups/0/criteria/0/max_points"),
        ("no options", "/groups/0/criteria/1/rule/options", json!([]), "no_options", "/groups/0/criteria/1/rule/options"),
        ("option over max", "/groups/0/criteria/1/rule/options/1/points", json!(4), "option_points_out_of_range", "/groups/0/criteria/1/rule/options/1/points"),
        ("best option short", "/groups/0/criteria/1/rule/options/0/points", json!(2), "options_do_not_reach_max", "/groups/0/criteria/1/rule/options"),
        ("no bands", "/groups/1/criteria/2/rule/bands", json!([]), "no_bands", "/groups/1/criteria/2/rule/bands"),
        (
            "band with two conditions",
            "/groups/1/criteria/1/rule/bands/1",
            json!({ "min_percent": 30, "above_percent": 20, "points": 2 }),
            "band_has_two_conditions",
            "/groups/1/criteria/1/rule/bands/1",
        ),
        ("threshold 120 %", "/groups/0/criteria/2/rule/bands/0/min_percent", json!(120), "band_threshold_out_of_range", "/groups/0/criteria/2/rule/bands/0/min_percent"),
        ("negative shortfall", "/groups/1/criteria/0/rule/bands/1/max_shortfall_minutes", json!(-5), "band_threshold_out_of_range", "/groups/1/criteria/0/rule/bands/1/max_shortfall_minutes"),
        ("bands unordered", "/groups/0/criteria/2/rule/bands/1/min_percent", json!(95), "bands_unordered", "/groups/0/criteria/2/rule/bands/1/min_percent"),
        (
            "duration bands unordered across kinds",
            "/groups/1/criteria/0/rule/bands/2",
            json!({ "min_percent_of_required": 90, "points": 1 }),
            "bands_unordered",
            "/groups/1/criteria/0/rule/bands/2/min_percent_of_required",
        ),
        ("same threshold twice", "/groups/0/criteria/2/rule/bands/1/min_percent", json!(90), "bands_overlap", "/groups/0/criteria/2/rule/bands/1/min_percent"),
        (
            "band after otherwise",
            "/groups/1/criteria/2/rule/bands",
            json!([{ "points": 10 }, { "min_percent": 50, "points": 5 }]),
            "bands_overlap",
            "/groups/1/criteria/2/rule/bands/1/min_percent",
        ),
        ("no band for low values", "/groups/1/criteria/2/rule/bands/1", json!({ "min_percent": 40, "points": 5 }), "bands_gap", "/groups/1/criteria/2/rule/bands"),
        ("negative band points", "/groups/1/criteria/1/rule/bands/2/points", json!(-1), "band_points_out_of_range", "/groups/1/criteria/1/rule/bands/2/points"),
        ("looser band worth more", "/groups/1/criteria/1/rule/bands/2/points", json!(3), "band_points_increase", "/groups/1/criteria/1/rule/bands/2/points"),
        ("best band short of max", "/groups/1/criteria/2/rule/bands/0/points", json!(9), "bands_do_not_reach_max", "/groups/1/criteria/2/rule/bands"),
        ("zero required minutes", "/groups/1/criteria/0/rule/required_minutes/default_minutes", json!(0), "required_minutes_not_positive", "/groups/1/criteria/0/rule/required_minutes"),
        (
            "streak of zero",
            "/groups/0/criteria/2/rule/streak_bonus/max_consecutive_absences_with_reason",
            json!(0),
            "streak_bonus_invalid",
            "/groups/0/criteria/2/rule/streak_bonus",
        ),
        ("agenda without checklist", "/order_of_business", json!([]), "agenda_criterion_without_checklist", "/groups/0/criteria/3/rule"),
        (
            "documents 40 days ahead",
            "/groups/0/criteria/0/rule",
            json!({ "type": "documents_sent", "min_days_before": 40 }),
            "days_before_out_of_range",
            "/groups/0/criteria/0/rule/min_days_before",
        ),
        ("Khá above Tốt", "/rating_thresholds/kha", json!(26), "thresholds_unordered", "/rating_thresholds"),
        ("Tốt above total", "/rating_thresholds/tot", json!(35), "threshold_above_total", "/rating_thresholds/tot"),
        ("guard on nothing", "/guards/0/requires_full_marks", json!([]), "guard_without_criteria", "/guards/0/requires_full_marks"),
        ("guard on a missing criterion", "/guards/0/requires_full_marks/0", json!("2.9"), "guard_unknown_criterion", "/guards/0/requires_full_marks"),
        ("guard that raises", "/guards/0/otherwise", json!("tot"), "guard_cap_not_lower", "/guards/0/otherwise"),
    ]
}

fn mutated(pointer: &str, value: &Value) -> String {
    let mut document: Value = serde_json::from_str(MINIMAL).expect("fixture is JSON");
    *document.pointer_mut(pointer).expect("pointer exists") = value.clone();
    document.to_string()
}

/// The fixture's groups with every criterion counting only in a chuyên đề month.
fn thematic_only_groups() -> Value {
    let mut document: Value = serde_json::from_str(MINIMAL).expect("fixture");
    for group in document["groups"].as_array_mut().expect("groups") {
        for criterion in group["criteria"].as_array_mut().expect("criteria") {
            criterion["only_in_thematic_month"] = json!(true);
        }
    }
    document["groups"].clone()
}

/// The framework as an editor would hold it: read without validation.
fn unvalidated(json: &str) -> Framework {
    serde_json::from_str(json).expect("the shape is a framework's")
}

fn loader_messages(json: &str) -> Vec<String> {
    match Framework::from_json(json) {
        Err(FrameworkLoadError::Invalid(errors)) => errors.iter().map(ToString::to_string).collect(),
        other => panic!("expected validation errors, got {other:?}"),
    }
}

#[test]
fn each_problem_is_shown_at_its_field_with_the_message_a_loaded_file_gets() {
    for (what, pointer, value, code, field) in cases() {
        let json = mutated(pointer, &value);
        let problems = unvalidated(&json).problems();
        let located: Vec<(&str, String)> = problems.iter().map(|p| (p.error.code(), p.pointer())).collect();
        assert!(
            located.contains(&(code, field.to_string())),
            "{what}: expected {code} at {field}, got {located:?}"
        );
        let messages: Vec<String> = problems.iter().map(|p| p.error.to_string()).collect();
        assert_eq!(messages, loader_messages(&json), "{what}: same messages as the loader");
        // The field named exists in the document, so a form has something to show it next to.
        let document: Value = serde_json::from_str(&json).unwrap();
        let parent_exists = document.pointer(field).is_some()
            || field.rsplit_once('/').is_some_and(|(parent, _)| parent.is_empty() || document.pointer(parent).is_some());
        assert!(parent_exists, "{what}: {field} is a place in the file");
    }
}

#[test]
fn every_error_an_editor_can_make_has_a_located_case() {
    let covered: std::collections::BTreeSet<&str> = cases().iter().map(|case| case.3).collect();
    for code in sotay_domain::framework::FrameworkError::ALL_CODES {
        // The format version is written by the app, never typed in the editor.
        if code != "unsupported_format_version" {
            assert!(covered.contains(code), "no located case for {code}");
        }
    }
}

#[test]
fn the_minimal_fixture_and_the_builtins_have_no_problem() {
    assert_eq!(unvalidated(MINIMAL).problems(), Vec::<Problem>::new());
    for framework in builtin::all() {
        assert!(framework.problems().is_empty(), "{}", framework.id);
        assert!(framework.totals().balanced());
    }
}

#[test]
fn an_empty_framework_asks_for_its_name_issuer_source_and_groups() {
    let framework = Framework::empty("khung-moi");
    let located: Vec<String> = framework.problems().iter().map(Problem::pointer).collect();
    assert_eq!(located, ["/name", "/issued_by", "/source", "/groups", "/total_points"]);
    assert!(framework.export().is_err());
    assert_eq!(framework.applies_to, MeetingKind::ALL);
}

#[test]
fn a_copy_gets_the_new_id_and_edition_one_and_keeps_everything_else() {
    let an_phu = builtin::by_id(builtin::AN_PHU_ID).unwrap();
    let copy = an_phu.copy_as("dang-uy-xa-2026");
    assert_eq!(copy.id, "dang-uy-xa-2026");
    assert_eq!(copy.version, 1);
    assert_eq!(copy.groups, an_phu.groups);
    assert_eq!(copy.legal_basis, an_phu.legal_basis);
    assert!(copy.problems().is_empty());
}

#[test]
fn changing_a_criterion_s_points_shows_the_totals_that_no_longer_add_up() {
    let mut framework = builtin::by_id(builtin::AN_PHU_ID).unwrap().copy_as("x");
    let (group, index) = (2, 0); // 3.1, a tick worth 3
    let criterion = framework.criterion_mut(group, index).unwrap();
    criterion.max_points = Decimal::from_int(4);
    let totals = framework.totals();
    assert!(!totals.balanced());
    assert_eq!(totals.groups[2], (Decimal::from_int(10), Decimal::from_int(11)));
    assert_eq!(totals.sum, Decimal::from_int(100));
    let located: Vec<String> = framework.problems().iter().map(Problem::pointer).collect();
    assert_eq!(located, ["/groups/2/max_points"]);
    // Raising the group makes the framework's total the problem instead.
    framework.groups[2].max_points = Decimal::from_int(11);
    let located: Vec<String> = framework.problems().iter().map(Problem::pointer).collect();
    assert_eq!(located, ["/total_points"]);
    framework.total_points = Decimal::from_int(101);
    assert!(framework.export().is_ok());
}

#[test]
fn new_groups_criteria_guards_and_steps_get_fresh_readable_ids() {
    let mut framework = unvalidated(MINIMAL);
    let group = framework.add_group();
    assert_eq!(framework.groups[group].id, "1");
    let criterion = framework.add_criterion(group, RuleKind::Tick).unwrap();
    let second = framework.add_criterion(group, RuleKind::PickOne).unwrap();
    assert_eq!(framework.groups[group].criteria[criterion].id, "1.1");
    assert_eq!(framework.groups[group].criteria[second].id, "1.2");
    assert_eq!(framework.groups[group].max_points, Decimal::from_int(2));
    assert_eq!(framework.add_guard(), 1);
    assert_eq!(framework.guards[1].id, "khong-che-1");
    let step = framework.add_step();
    assert_eq!(framework.order_of_business[step].id, "buoc-1");
    let option = framework.add_option(group, second).unwrap();
    assert_eq!(option, 2);
}

#[test]
fn every_starting_rule_is_valid_at_its_criterion_s_maximum() {
    for kind in RuleKind::ALL {
        let mut framework = unvalidated(MINIMAL);
        framework.set_rule_kind(0, 0, kind);
        assert_eq!(RuleKind::of(&framework.groups[0].criteria[0].rule), kind);
        // A new pick-one's options and a new band's rows still need the author's labels.
        let left: Vec<String> = framework
            .problems()
            .iter()
            .filter(|problem| problem.error.code() != "empty_field")
            .map(Problem::pointer)
            .collect();
        assert!(left.is_empty(), "{kind:?}: {left:?}");
        assert_eq!(RuleKind::from_key(kind.key()), Some(kind));
    }
}

#[test]
fn moving_and_removing_keeps_guards_pointing_at_real_criteria() {
    let mut framework = unvalidated(MINIMAL);
    assert!(framework.move_criterion(0, 2, Direction::Up));
    assert_eq!(framework.groups[0].criteria[1].id, "attendance");
    assert!(!framework.move_criterion(0, 0, Direction::Up));
    assert!(!framework.move_group(1, Direction::Down));
    assert!(framework.move_group(1, Direction::Up));
    assert_eq!(framework.groups[0].id, "g2");
    framework.rename_criterion(1, 1, "ty-le-du");
    assert_eq!(framework.guards[0].requires_full_marks, ["ty-le-du"]);
    framework.remove_criterion(1, 1).unwrap();
    assert!(framework.guards[0].requires_full_marks.is_empty());
    let located: Vec<(&str, String)> = framework.problems().iter().map(|p| (p.error.code(), p.pointer())).collect();
    assert!(located.contains(&("guard_without_criteria", "/guards/0/requires_full_marks".to_string())));
}

#[test]
fn bands_are_added_before_the_otherwise_row_and_moved_as_rows() {
    let mut framework = unvalidated(MINIMAL);
    let band = framework.add_band(1, 2).unwrap(); // tasks: [≥80 → 10, otherwise 5]
    assert_eq!(band, 1);
    let sotay_domain::framework::Rule::TasksMet { bands } = &framework.groups[1].criteria[2].rule else { panic!() };
    assert_eq!(bands.len(), 3);
    assert!(bands[2].min_percent.is_none());
    // The copied row repeats the threshold above it: shown at that band's threshold.
    let located: Vec<String> = framework.problems().iter().map(Problem::pointer).collect();
    assert!(located.contains(&"/groups/1/criteria/2/rule/bands/1/min_percent".to_string()), "{located:?}");
    assert!(framework.remove_band(1, 2, 1));
    assert!(framework.problems().is_empty());
    assert!(framework.move_band(1, 2, 0, Direction::Down));
    assert!(!framework.problems().is_empty());
    assert!(framework.add_band(0, 0).is_none(), "a tick has no bands");
}

#[test]
fn guards_name_criteria_in_sheet_order() {
    let mut framework = unvalidated(MINIMAL);
    let guard = framework.add_guard();
    framework.set_guard_criterion(guard, "speakers", true);
    framework.set_guard_criterion(guard, "tick", true);
    framework.set_guard_criterion(guard, "duration", true);
    assert_eq!(framework.guards[guard].requires_full_marks, ["tick", "duration", "speakers"]);
    framework.set_guard_criterion(guard, "duration", false);
    assert_eq!(framework.guards[guard].requires_full_marks, ["tick", "speakers"]);
    assert_eq!(framework.guards[guard].rating, Rating::Tot);
    assert!(framework.problems().is_empty());
}

#[test]
fn meeting_kinds_are_kept_in_the_usual_order() {
    let mut framework = unvalidated(MINIMAL);
    framework.set_applies_to(MeetingKind::KetHop, true);
    framework.set_applies_to(MeetingKind::ChuyenDe, true);
    assert_eq!(framework.applies_to, MeetingKind::ALL);
    framework.set_applies_to(MeetingKind::ThuongKy, false);
    assert_eq!(framework.applies_to, [MeetingKind::ChuyenDe, MeetingKind::KetHop]);
}

#[test]
fn typed_numbers_accept_the_decimal_comma() {
    for (typed, hundredths) in [("2", Some(200)), ("2,5", Some(250)), ("2.25", Some(225)), (" -1 ", Some(-100)), ("", None), ("2,555", None), ("a", None), (",5", None)] {
        assert_eq!(Decimal::parse(typed), hundredths.map(Decimal::from_hundredths), "{typed:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Random edits → export → import → the same framework
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Edit {
    Rename(String),
    LabelGroup(usize, String),
    MoveGroup(usize, bool),
    MoveCriterion(usize, usize, bool),
    /// Changes a criterion's maximum by the amount and its group's and the total by the same.
    Reweigh(usize, usize, i64),
    AddTick(usize),
    RemoveCriterion(usize, usize),
    SetKind(usize, usize, usize),
    AddBand(usize, usize),
    RemoveBand(usize, usize, usize),
    AddGuard(usize, usize),
    AddBasisLine(String),
    ToggleKind(usize),
    Hint(usize, usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    let text = "[a-zA-ZđĐăâêôơưàảãáạ ]{1,12}";
    prop_oneof![
        text.prop_map(Edit::Rename),
        (0..8usize, text).prop_map(|(g, t)| Edit::LabelGroup(g, t)),
        (0..8usize, any::<bool>()).prop_map(|(g, up)| Edit::MoveGroup(g, up)),
        (0..8usize, 0..8usize, any::<bool>()).prop_map(|(g, c, up)| Edit::MoveCriterion(g, c, up)),
        (0..8usize, 0..8usize, -2i64..4).prop_map(|(g, c, d)| Edit::Reweigh(g, c, d)),
        (0..8usize).prop_map(Edit::AddTick),
        (0..8usize, 0..8usize).prop_map(|(g, c)| Edit::RemoveCriterion(g, c)),
        (0..8usize, 0..8usize, 0..7usize).prop_map(|(g, c, k)| Edit::SetKind(g, c, k)),
        (0..8usize, 0..8usize).prop_map(|(g, c)| Edit::AddBand(g, c)),
        (0..8usize, 0..8usize, 0..6usize).prop_map(|(g, c, b)| Edit::RemoveBand(g, c, b)),
        (0..8usize, 0..8usize).prop_map(|(g, c)| Edit::AddGuard(g, c)),
        text.prop_map(Edit::AddBasisLine),
        (0..3usize).prop_map(Edit::ToggleKind),
        (0..8usize, 0..8usize, text).prop_map(|(g, c, t)| Edit::Hint(g, c, t)),
    ]
}

fn direction(up: bool) -> Direction {
    if up {
        Direction::Up
    } else {
        Direction::Down
    }
}

fn apply(framework: &mut Framework, edit: Edit) {
    let groups = framework.groups.len().max(1);
    let group_of = |g: usize| g % groups;
    match edit {
        Edit::Rename(name) => framework.name = name,
        Edit::LabelGroup(g, label) => {
            if let Some(group) = framework.groups.get_mut(group_of(g)) {
                group.label = label;
            }
        }
        Edit::MoveGroup(g, up) => {
            framework.move_group(group_of(g), direction(up));
        }
        Edit::MoveCriterion(g, c, up) => {
            framework.move_criterion(group_of(g), c, direction(up));
        }
        Edit::Reweigh(g, c, delta) => {
            let delta = Decimal::from_int(delta);
            if let Some(criterion) = framework.criterion_mut(group_of(g), c) {
                if matches!(criterion.rule, sotay_domain::framework::Rule::Tick) {
                    criterion.max_points = criterion.max_points + delta;
                    framework.groups[group_of(g)].max_points = framework.groups[group_of(g)].max_points + delta;
                    framework.total_points = framework.total_points + delta;
                }
            }
        }
        Edit::AddTick(g) => {
            if let Some(index) = framework.add_criterion(group_of(g), RuleKind::Tick) {
                framework.groups[group_of(g)].criteria[index].label = "Tiêu chí mới".to_string();
                framework.total_points = framework.total_points + Decimal::from_int(1);
            }
        }
        Edit::RemoveCriterion(g, c) => {
            if let Some(removed) = framework.remove_criterion(group_of(g), c) {
                let group = &mut framework.groups[group_of(g)];
                group.max_points = group.max_points - removed.max_points;
                framework.total_points = framework.total_points - removed.max_points;
            }
        }
        Edit::SetKind(g, c, k) => framework.set_rule_kind(group_of(g), c, RuleKind::ALL[k % RuleKind::ALL.len()]),
        Edit::AddBand(g, c) => {
            framework.add_band(group_of(g), c);
        }
        Edit::RemoveBand(g, c, b) => {
            framework.remove_band(group_of(g), c, b);
        }
        Edit::AddGuard(g, c) => {
            let named = framework.groups.get(group_of(g)).and_then(|group| group.criteria.get(c)).map(|c| c.id.clone());
            if let Some(named) = named {
                let guard = framework.add_guard();
                framework.set_guard_criterion(guard, &named, true);
            }
        }
        Edit::AddBasisLine(line) => {
            let index = framework.add_basis_line();
            framework.legal_basis[index] = line;
        }
        Edit::ToggleKind(k) => {
            let kind = MeetingKind::ALL[k];
            let on = framework.applies_to.contains(&kind);
            framework.set_applies_to(kind, !on);
        }
        Edit::Hint(g, c, hint) => {
            if let Some(criterion) = framework.criterion_mut(group_of(g), c) {
                criterion.hint = hint;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn edited_frameworks_read_back_equal_and_invalid_ones_are_refused_with_the_same_problems(
        start in 0..4usize,
        edits in proptest::collection::vec(edit(), 0..12),
    ) {
        let mut framework = match start {
            0 => unvalidated(MINIMAL),
            n => builtin::all()[n - 1].copy_as("ban-sao"),
        };
        for edit in edits {
            apply(&mut framework, edit);
        }
        match framework.export() {
            Ok(json) => prop_assert_eq!(Framework::from_json(&json).expect("an exported file loads"), framework),
            Err(problems) => {
                // The file the editor refuses to write would be refused by the loader with the
                // same problems, in the same order.
                let errors: Vec<_> = problems.into_iter().map(|problem| problem.error).collect();
                prop_assert_eq!(Framework::from_json(&framework.to_json_pretty()), Err(FrameworkLoadError::Invalid(errors)));
            }
        }
    }
}

#[test]
fn balanced_edits_keep_the_an_phu_copy_exportable() {
    let mut framework = builtin::by_id(builtin::AN_PHU_ID).unwrap().copy_as("ban-sao");
    for edit in [
        Edit::Rename("Khung của xã".into()),
        Edit::Reweigh(2, 0, 2),
        Edit::AddTick(3),
        Edit::MoveGroup(1, true),
        Edit::MoveCriterion(2, 1, false),
        Edit::AddGuard(0, 0),
        Edit::AddBasisLine("Hướng dẫn số 1 của Đảng ủy xã".into()),
        Edit::Hint(0, 0, "Gợi ý".into()),
        Edit::RemoveCriterion(3, 0),
    ] {
        apply(&mut framework, edit.clone());
        assert_eq!(framework.problems(), Vec::<Problem>::new(), "after {edit:?}");
    }
    let json = framework.export().unwrap();
    assert_eq!(Framework::from_json(&json).unwrap(), framework);
}

#[test]
fn scope_pointers_name_the_objects_of_the_file() {
    assert_eq!(Scope::Band(1, 2, 0).pointer(), "/groups/1/criteria/2/rule/bands/0");
    assert_eq!(Scope::Option(0, 1, 3).pointer(), "/groups/0/criteria/1/rule/options/3");
    assert_eq!(Scope::Step(2).pointer(), "/order_of_business/2");
    assert_eq!(Scope::Framework.pointer(), "");
}

#[test]
fn the_sample_meeting_scores_an_an_phu_copy_as_a_typical_good_meeting() {
    use sotay_domain::score_own_sheet;
    let framework = builtin::by_id(builtin::AN_PHU_ID).unwrap().copy_as("x");
    let now = chrono::DateTime::from_timestamp(1_760_000_000, 0).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
    let (meeting, roster) = framework.sample_meeting(date, now);
    assert_eq!(roster.len(), sotay_domain::framework::SAMPLE_MEMBERS);
    let score = score_own_sheet(&framework, &meeting, &roster, &[], &[]);
    // 9 of 10 present = 90 % → 4, +1 (nobody long absent); 95 ≥ 90 minutes → 5; 6 of 9
    // spoke → 5; 4 of 5 tasks = 80 % → 27: everything else full.
    assert_eq!(score.criterion("2.1").unwrap().points, Decimal::from_int(5));
    assert_eq!(score.criterion("6.1").unwrap().points, Decimal::from_int(27));
    assert_eq!(score.total, Decimal::from_int(97));
    assert_eq!(score.rating, Rating::Tot);
}
