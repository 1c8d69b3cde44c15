//! The shipped frameworks parse, validate, round-trip and say where they come from.

use sotay_domain::builtin;
use sotay_domain::framework::{Framework, Rating, WordingStatus};
use sotay_domain::text;
use sotay_domain::Decimal;

#[test]
fn every_builtin_parses_and_validates() {
    for (id, json) in builtin::SOURCES {
        let framework = Framework::from_json(json).unwrap_or_else(|error| panic!("{id}: {error}"));
        assert_eq!(framework.id, id);
        assert_eq!(framework.total_points, Decimal::from_int(100), "{id}");
        assert!(!framework.legal_basis.is_empty(), "{id}: basis");
        assert!(!framework.source.is_empty(), "{id}: source");
        assert!(!framework.order_of_business.is_empty(), "{id}: checklist");
    }
    assert_eq!(builtin::all().len(), builtin::SOURCES.len());
    assert!(builtin::by_id(builtin::DEFAULT_ID).is_some());
    assert!(builtin::by_id("no-such-framework").is_none());
}

#[test]
fn builtins_round_trip_through_json() {
    for framework in builtin::all() {
        let again = Framework::from_json(&framework.to_json_pretty()).expect("round trip");
        assert_eq!(again, framework);
    }
}

#[test]
fn builtins_say_how_reliable_their_wording_is() {
    let an_phu = builtin::by_id(builtin::AN_PHU_ID).unwrap();
    assert_eq!(an_phu.wording_status, WordingStatus::Secondary);
    assert!(an_phu.guards.is_empty());
    let binh_thuan = builtin::by_id(builtin::AN_PHU_BINH_THUAN_ID).unwrap();
    assert_eq!(binh_thuan.wording_status, WordingStatus::Secondary);
    let guard = &binh_thuan.guards[0];
    assert_eq!((guard.rating, guard.otherwise), (Rating::Tot, Rating::Kha));
    assert_eq!(guard.requires_full_marks, ["2.1", "1.1", "4a.5", "4a.6"]);
    let hd12 = builtin::by_id(builtin::HD12_TEMPLATE_ID).unwrap();
    assert!(hd12.placeholder_points);
    assert_eq!(hd12.groups.len(), 5);
    let lines = text::framework_provenance(&hd12);
    assert!(
        lines.iter().any(|line| line.contains("điểm tạm đặt")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|line| line.contains("Căn cứ: Hướng dẫn 12-HD/BTCTW")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|line| line.starts_with("Đối chiếu với hướng dẫn của cấp ủy cấp trên")),
        "{lines:?}"
    );
}

#[test]
fn the_an_phu_sheet_has_the_published_group_maxima() {
    let an_phu = builtin::by_id(builtin::AN_PHU_ID).unwrap();
    let maxima: Vec<(String, i64)> = an_phu
        .groups
        .iter()
        .map(|group| (group.id.clone(), group.max_points.hundredths() / 100))
        .collect();
    let expected = [
        ("1", 5),
        ("2", 5),
        ("3", 10),
        ("4a", 30),
        ("4b", 10),
        ("5", 5),
        ("6", 30),
        ("7", 5),
    ];
    let expected: Vec<(String, i64)> = expected
        .iter()
        .map(|(id, max)| (id.to_string(), *max))
        .collect();
    assert_eq!(maxima, expected);
}

/// Version 2 of the An Phú sheets differs from version 1 only in the rules of 3.1–3.5 (now
/// scored from the plan), its id, version, name and note: labels, points, hints, basis,
/// dates and source are version 1's, and version 1 is still shipped unchanged.
#[test]
fn version_2_of_the_an_phu_sheets_changes_only_the_preparation_rules() {
    use sotay_domain::framework::Rule;
    for (old_id, new_id) in builtin::SUCCESSORS {
        assert_eq!(builtin::successor(old_id), Some(new_id));
        let old = builtin::by_id(old_id).unwrap();
        let new = builtin::by_id(new_id).unwrap();
        assert_eq!((old.version, new.version), (1, 2));
        assert!(new.note.starts_with(&old.note) && new.note.contains(&format!("phiên bản 1 (mã {old_id})")), "{new_id}: a changelog note");
        assert!(new.name.starts_with(&old.name));
        let expected = [
            ("3.1", Rule::ContentPrepared),
            ("3.2", Rule::OutlineAndDraft),
            ("3.3", Rule::CommitteePrepared { requires_minutes: true }),
            ("3.4", Rule::NoticeSent { requires_superior: true }),
            ("3.5", Rule::DocumentsSent { min_days_before: 1 }),
        ];
        for (id, rule) in expected {
            assert_eq!(new.criterion(id).map(|criterion| &criterion.rule), Some(&rule), "{new_id} {id}");
            assert_eq!(old.criterion(id).map(|criterion| &criterion.rule), Some(&Rule::Tick), "{old_id} {id}");
        }
        let mut unchanged = new.clone();
        for group in &mut unchanged.groups {
            for criterion in &mut group.criteria {
                if criterion.rule.is_preparation() {
                    criterion.rule = Rule::Tick;
                }
            }
        }
        unchanged.id = old.id.clone();
        unchanged.version = old.version;
        unchanged.name = old.name.clone();
        unchanged.note = old.note.clone();
        assert_eq!(unchanged, old, "{new_id}: nothing else differs");
    }
    assert_eq!(builtin::successor(builtin::HD12_TEMPLATE_ID), None);
}

#[test]
fn the_complete_example_in_the_docs_is_valid() {
    let doc = include_str!("../../docs/frameworks.md");
    let start = doc.find("```json\n").expect("a json block") + "```json\n".len();
    let end = start + doc[start..].find("\n```").expect("closed block");
    let framework =
        Framework::from_json(&doc[start..end]).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        Some(framework),
        builtin::by_id(builtin::AN_PHU_BINH_THUAN_ID)
    );
}
