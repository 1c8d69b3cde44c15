//! Files of about 10 MB shaped to hurt: a million broken records, markers that would be
//! checked one against every member, one meeting naming 220,000 people… Each must be
//! answered (refused, with its problems) within two seconds natively, with a problem list
//! that ends: at most [`MAX_LISTED_PROBLEMS`] problems listed and the rest counted.
//!
//! Timing in a test is usually a flake; here the bound is an order of magnitude above
//! what the reader needs (see BENCHMARKS.md), so a failure means a quadratic step or an
//! unbounded list came back, not a busy machine.

mod backup_support;

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use sotay_domain::backup::{
    parse_backup, parse_backup_against, restore_raw, Dataset, ImportError, ImportLimits,
    MAX_BACKUP_BYTES, MAX_LISTED_PROBLEMS,
};
use sotay_domain::collection::{collect_file, CollectResult, CollectedChiBo, Refusal};
use sotay_domain::handbook::Pack;
use sotay_domain::Framework;

/// The time a 10 MB hostile file may take, natively. Debug builds of the tests are slower
/// than the app's optimised code by about ten times, so they get that much more.
fn allowed() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_secs(20)
    } else {
        Duration::from_secs(2)
    }
}

fn header(data: Value) -> Value {
    json!({
        "format": "so-tay-chi-bo-backup",
        "format_version": 4,
        "app_version": "0.1.0",
        "exported_at": "2026-12-01T08:00:00Z",
        "scope": {"kind": "all"},
        "data": data,
    })
}

fn empty_data() -> serde_json::Map<String, Value> {
    let Value::Object(data) = json!({
        "chi_bo": {
            "id": "cb-1", "name": "Chi bộ thôn Đông", "kind": "thon", "superior_committee": "Đảng ủy xã",
            "usual_meeting_day": 3, "framework_id": "hd42-anphu-2025", "updated_at": "2026-01-01T00:00:00Z"
        },
        "members": [], "meetings": [], "plans": [], "reviews": [], "handbook_marks": [], "frameworks": [],
        "dossier_templates": [], "committee_pack": null, "dues_rules": null, "dues_profiles": [],
        "dues_payments": [], "deletions": []
    }) else {
        unreachable!()
    };
    data
}

/// A file whose `data.<list>` holds `count` copies of `record` (the rest valid).
fn file_with(list: &str, record: Value, count: usize) -> Vec<u8> {
    let mut data = empty_data();
    data.insert(list.to_owned(), Value::Array(vec![record; count]));
    serde_json::to_vec(&header(Value::Object(data))).expect("json")
}

fn member(index: usize) -> Value {
    json!({"id": format!("m{index}"), "name": format!("Đảng viên {index}"), "role": "dang_vien",
           "status": "chinh_thuc", "updated_at": "2026-01-01T00:00:00Z"})
}

/// Valid members and a deletion marker for each of another set of ids: the markers are
/// checked against the members held.
fn markers_and_members() -> Vec<u8> {
    let mut data = empty_data();
    data.insert("members".into(), Value::Array((0..40_000).map(member).collect()));
    let markers = (0..60_000)
        .map(|index| json!({"kind": "member", "id": format!("x{index}"), "deleted_at": "2026-02-01T00:00:00Z"}))
        .collect();
    data.insert("deletions".into(), Value::Array(markers));
    serde_json::to_vec(&header(Value::Object(data))).expect("json")
}

/// One meeting whose roll call names 300,000 members nobody knows.
fn one_huge_meeting() -> Vec<u8> {
    let mut data = empty_data();
    let attendance: Vec<Value> = (0..220_000).map(|index| json!({"member_id": format!("z{index}"), "status": "present"})).collect();
    let meeting = json!({
        "id": "mt-1", "date": "2026-03-03", "kind": "thuong_ky", "attendance": attendance,
        "updated_at": "2026-03-03T12:00:00Z"
    });
    data.insert("meetings".into(), Value::Array(vec![meeting]));
    serde_json::to_vec(&header(Value::Object(data))).expect("json")
}

/// Members that all carry the same id.
fn one_id_for_all() -> Vec<u8> {
    let mut data = empty_data();
    let members = (0..70_000).map(|index| {
        let mut record = member(index);
        record["id"] = json!("m-same");
        record
    });
    data.insert("members".into(), Value::Array(members.collect()));
    serde_json::to_vec(&header(Value::Object(data))).expect("json")
}

/// Every hostile shape, under the size limit (made once for all the tests).
fn shapes() -> &'static [(&'static str, Vec<u8>)] {
    static SHAPES: std::sync::OnceLock<Vec<(&'static str, Vec<u8>)>> = std::sync::OnceLock::new();
    SHAPES.get_or_init(make_shapes)
}

fn make_shapes() -> Vec<(&'static str, Vec<u8>)> {
    let shapes = vec![
        ("a million empty members", file_with("members", json!({}), 1_000_000)),
        ("a million empty meetings", file_with("meetings", json!({}), 1_000_000)),
        ("a million numbers as marks", file_with("handbook_marks", json!(7), 1_000_000)),
        ("a million empty markers", file_with("deletions", json!({}), 1_000_000)),
        ("half a million empty reviews", file_with("reviews", json!({}), 500_000)),
        ("half a million empty frameworks", file_with("frameworks", json!({}), 500_000)),
        ("half a million empty templates", file_with("dossier_templates", json!({}), 500_000)),
        ("60,000 markers against 40,000 members", markers_and_members()),
        ("one meeting naming 220,000 unknown members", one_huge_meeting()),
        ("70,000 members with one id", one_id_for_all()),
        ("nested lists", format!("{}{}", "[".repeat(5_000_000), "]".repeat(5_000_000)).into_bytes()),
        ("a string of 9 MB", format!("{{\"format\": \"{}\"}}", "x".repeat(9_000_000)).into_bytes()),
    ];
    for (name, bytes) in &shapes {
        assert!(bytes.len() <= MAX_BACKUP_BYTES, "{name}: {} bytes, over the limit", bytes.len());
    }
    shapes
}

fn assert_bounded(name: &str, error: &ImportError) {
    let listed = error.problems().len();
    assert!(listed <= MAX_LISTED_PROBLEMS, "{name}: {listed} problems listed");
    let lines = error.lines();
    assert!(lines.len() <= MAX_LISTED_PROBLEMS + 1, "{name}: {} lines", lines.len());
    if error.unlisted_problems() > 0 {
        let last = lines.last().expect("a line");
        assert!(last.starts_with("và ") && last.ends_with(" lỗi khác."), "{name}: last line {last:?}");
    }
}

#[test]
fn every_hostile_shape_is_refused_quickly_with_a_bounded_list() {
    let limits = ImportLimits::default();
    for (name, bytes) in shapes() {
        let started = Instant::now();
        let result = parse_backup(bytes, &limits);
        let took = started.elapsed();
        eprintln!("{name}: {took:?}");
        assert!(took < allowed(), "{name}: took {took:?}");
        if let Err(error) = result {
            assert_bounded(name, &error);
        }
    }
}

#[test]
fn a_million_broken_members_are_counted_beyond_the_listed_ones() {
    let bytes = file_with("members", json!({}), 1_000_000);
    let error = parse_backup(&bytes, &ImportLimits::default()).expect_err("refused");
    assert_eq!(error.problems().len(), MAX_LISTED_PROBLEMS);
    assert!(error.unlisted_problems() >= 1_000_000 - MAX_LISTED_PROBLEMS);
    // The listed ones are the first in the file.
    let first = &error.problems()[0];
    assert_eq!(first.place.position(), Some(1));
    let last = error.lines().pop().expect("a line");
    assert_eq!(last, format!("và ít nhất {} lỗi khác.", sotay_domain::text::number(error.unlisted_problems())));
}

#[test]
fn the_same_shapes_read_against_a_device_are_as_quick() {
    let current = Dataset::default();
    let limits = ImportLimits::default();
    for (name, bytes) in shapes() {
        let started = Instant::now();
        let result = parse_backup_against(bytes, &limits, &current);
        assert!(started.elapsed() < allowed(), "{name}: took {:?}", started.elapsed());
        if let Err(error) = result {
            assert_bounded(name, &error);
        }
    }
}

#[test]
fn a_raw_export_of_a_million_keys_is_refused_or_read_quickly() {
    let entries: Vec<Value> = (0..150_000)
        .map(|index| json!({"key": format!("sotay.member.m{index}"), "readable": false, "text": "{"}))
        .collect();
    let dump = json!({
        "format": "so-tay-chi-bo-raw-storage", "format_version": 1, "app_version": "0.1.0",
        "exported_at": "2026-12-01T08:00:00Z", "entries": entries,
    });
    let bytes = serde_json::to_vec(&dump).expect("json");
    assert!(bytes.len() <= MAX_BACKUP_BYTES);
    let started = Instant::now();
    let outcome = restore_raw(&bytes, &ImportLimits::default(), &Dataset::default());
    assert!(started.elapsed() < allowed(), "took {:?}", started.elapsed());
    if let Ok(restored) = outcome {
        assert!(restored.skipped_lines().len() <= MAX_LISTED_PROBLEMS + 2);
    }
}

#[test]
fn the_collection_refuses_a_hostile_file_without_reading_it_twice() {
    let collected: Vec<CollectedChiBo> = Vec::new();
    for (name, bytes) in shapes() {
        let started = Instant::now();
        let outcome = collect_file(&collected, "x.json", bytes, "2026-12-05T00:00:00Z".parse().expect("moment"));
        assert!(started.elapsed() < allowed(), "{name}: took {:?}", started.elapsed());
        if let CollectResult::Refused(Refusal::Invalid(error)) = outcome.result {
            assert_bounded(name, &error);
        }
    }
}

#[test]
fn framework_and_pack_files_of_hostile_shapes_answer_quickly() {
    let big_groups = json!({"id": "x", "groups": vec![json!({}); 200_000]}).to_string();
    let big_sections = json!({"format_version": 1, "sections": vec![json!({"items": [{}]}); 100_000]}).to_string();
    for (name, text) in [("framework", &big_groups), ("pack", &big_sections)] {
        let started = Instant::now();
        let refused = match name {
            "framework" => Framework::from_json(text).is_err(),
            _ => Pack::from_json(text).is_err(),
        };
        assert!(refused, "{name}");
        assert!(started.elapsed() < allowed(), "{name}: took {:?}", started.elapsed());
    }
}
