//! Meeting plans in backups and storage (issue 32): they travel, merge per plan (the latest
//! edit or deletion wins, whichever phone made it), are deleted by markers, are checked on
//! import with place-named messages, and a one-year file carries the year's plans and the
//! plans its meetings name.

mod backup_support;

use backup_support::{at, day, exported_at, plan_of_june, plan_of_may, sample_v4};
use serde_json::{json, Value};
use sotay_domain::backup::{
    export_all, export_year, merge, parse_backup, parse_backup_against, preview, storage, Dataset, DeletedKind,
    ImportError, ImportLimits,
};
use sotay_domain::preparation::{MeetingPlan, SentHow, Sending};

fn with_plans(plans: Vec<MeetingPlan>) -> Dataset {
    Dataset { plans, ..Dataset::default() }
}

/// May's plan as a phone holds it after an edit at `updated_at`.
fn edited(updated_at: &str, change: fn(&mut MeetingPlan)) -> MeetingPlan {
    let mut plan = plan_of_may();
    change(&mut plan);
    plan.updated_at = at(updated_at);
    plan
}

#[test]
fn two_phones_editing_one_plan_keep_the_later_edit_whichever_merges_first() {
    // Phone A records the documents sent; phone B, later, rewrites the outline.
    let phone_a = with_plans(vec![edited("2026-05-02T05:00:00Z", |plan| {
        plan.documents_sent = Some(Sending { at: at("2026-05-02T04:00:00Z"), how: SentHow::MarkedByUser })
    })]);
    let phone_b = with_plans(vec![edited("2026-05-02T06:00:00Z", |plan| plan.outline = "Đề cương mới".into())]);
    let seen = preview(&phone_a, &phone_b);
    assert_eq!(seen.plans.updated.len(), 1);
    assert_eq!(sotay_domain::text::backup::record_label(&seen.plans.updated[0].label), "ngày 03/05/2026");
    assert!(
        seen.summary_lines().iter().any(|line| line.contains("kế hoạch chuẩn bị sinh hoạt")),
        "{:?}",
        seen.summary_lines()
    );
    assert_eq!(merge(&phone_a, &phone_b).plans, phone_b.plans);
    assert_eq!(merge(&phone_b, &phone_a).plans, phone_b.plans, "the device's newer copy is kept");
    let shown_back = preview(&phone_b, &phone_a);
    assert_eq!(shown_back.plans.conflicts.len(), 1, "the older file's copy is a conflict the device wins");
    // Plans only on one phone are added on the other; merging twice changes nothing.
    let both = merge(&phone_a, &with_plans(vec![plan_of_june()]));
    assert_eq!(both.plans.len(), 2);
    assert_eq!(merge(&both, &both), both);
}

#[test]
fn a_later_deletion_removes_the_plan_and_an_earlier_one_loses_to_an_edit() {
    let here = with_plans(vec![plan_of_may()]);
    let mut there = Dataset::default();
    there.mark_deleted(DeletedKind::Plan, "plan-2026-05", at("2026-05-10T00:00:00Z"));
    let seen = preview(&here, &there);
    assert_eq!(seen.plans.deleted.len(), 1);
    assert!(seen.merge_delete_question().is_some_and(|question| question.contains("ngày 03/05/2026")));
    let merged = merge(&here, &there);
    assert!(merged.plans.is_empty());
    assert_eq!(merged.deletion(DeletedKind::Plan, "plan-2026-05").map(|marker| marker.deleted_at), Some(at("2026-05-10T00:00:00Z")));
    let changes = storage::changes(&here, &merged);
    assert_eq!(changes.removes, vec!["sotay.plan.plan-2026-05".to_owned()]);
    assert!(changes.writes.iter().any(|(key, _)| key == "sotay.deleted.plan.plan-2026-05"));
    // The same merge the other way round: the same result.
    assert_eq!(merge(&there, &here), merged);
    // An edit made after the deletion brings the plan back everywhere.
    let revived = with_plans(vec![edited("2026-05-11T00:00:00Z", |plan| plan.outline = "Làm lại".into())]);
    let again = merge(&merged, &revived);
    assert_eq!(again.plans.len(), 1);
    assert!(again.deletions.is_empty());
    // A deletion older than the device's last edit loses.
    let mut stale = Dataset::default();
    stale.mark_deleted(DeletedKind::Plan, "plan-2026-05", at("2026-05-01T00:00:00Z"));
    assert_eq!(merge(&here, &stale), here);
}

#[test]
fn a_full_backup_and_the_stored_layout_round_trip_plans_and_links() {
    let data = sample_v4();
    let json = export_all(&data, exported_at(), "0.2.0").to_json();
    assert!(json.contains("\"plans\": ["));
    assert!(json.contains("\"plan_id\": \"plan-2026-05\""));
    let back = parse_backup(json.as_bytes(), &ImportLimits::default()).expect("reads");
    assert_eq!(back.data, data);
    assert!(back.description().contains("2 kế hoạch chuẩn bị sinh hoạt"), "{}", back.description());
    let entries: Vec<(String, String)> = storage::entries(&data).into_iter().collect();
    assert!(entries.iter().any(|(key, _)| key == "sotay.plan.plan-2026-06"));
    assert!(entries.iter().any(|(key, _)| key == "sotay.deleted.plan.plan-2026-03"));
    let stored = storage::read_storage(&entries).expect("reads");
    assert!(stored.is_healthy(), "{:?}", stored.unreadable().collect::<Vec<_>>());
    assert_eq!(backup_support::sorted(stored.dataset), backup_support::sorted(data));
}

#[test]
fn a_stored_plan_under_another_plans_key_is_reported_not_read() {
    let text = serde_json::to_string(&plan_of_may()).unwrap();
    let entries = vec![("sotay.plan.khac".to_owned(), text), ("sotay.schema_version".to_owned(), storage::SCHEMA_VERSION.to_string())];
    let stored = storage::read_storage(&entries).expect("reads");
    assert!(stored.dataset.plans.is_empty());
    let report = stored.unreadable().next().expect("reported");
    assert_eq!(report.kind, storage::KeyKind::Plan);
    assert!(report.problem.as_ref().unwrap().to_string().contains("khác mã trong khóa"), "{:?}", report.problem);
}

#[test]
fn a_one_year_file_carries_the_years_plans_those_its_meetings_name_and_their_markers() {
    let mut data = sample_v4();
    let mut old = plan_of_june();
    old.id = "plan-2025-12".into();
    old.month = sotay_domain::preparation::PlanMonth { year: 2025, month: 12 };
    old.date = day(2025, 12, 3);
    data.plans.push(old);
    // The April meeting names a plan deleted since.
    if let Some(april) = data.meetings.iter_mut().find(|meeting| meeting.id == "meeting-2026-04") {
        april.plan_id = Some("plan-2026-03".into());
    }
    let year = export_year(&data, 2026, exported_at(), "0.2.0");
    let ids: Vec<&str> = year.data.plans.iter().map(|plan| plan.id.as_str()).collect();
    assert_eq!(ids, ["plan-2026-05", "plan-2026-06"]);
    assert!(year.data.deletion(DeletedKind::Plan, "plan-2026-03").is_some(), "the marker of a plan a meeting names");
    let read = parse_backup(year.to_json().as_bytes(), &ImportLimits::default()).expect("the one-year file reads");
    assert_eq!(read.data.plans, year.data.plans);
    // A meeting of 2026 made from December's plan takes that plan into the 2026 file.
    if let Some(may) = data.meetings.iter_mut().find(|meeting| meeting.id == "meeting-2026-05") {
        may.plan_id = Some("plan-2025-12".into());
    }
    let year = export_year(&data, 2026, exported_at(), "0.2.0");
    assert!(year.data.plan("plan-2025-12").is_some());
    parse_backup(year.to_json().as_bytes(), &ImportLimits::default()).expect("a named plan of another year is accepted");
    assert!(export_year(&data, 2025, exported_at(), "0.2.0").data.plan("plan-2025-12").is_some());
}

fn problems_of(file: &Value) -> Vec<(String, String)> {
    match parse_backup(file.to_string().as_bytes(), &ImportLimits::default()) {
        Err(ImportError::Invalid(problems)) => {
            problems.iter().map(|problem| (problem.code().to_owned(), problem.message())).collect()
        }
        other => panic!("expected problems, got {other:?}"),
    }
}

fn sample_file() -> Value {
    serde_json::from_str(&export_all(&sample_v4(), exported_at(), "0.2.0").to_json()).expect("json")
}

/// A change to the sample file, the problem code expected, and text the message must contain.
type Case = (fn(&mut Value), &'static str, &'static str);

#[test]
fn import_checks_plans_naming_the_place() {
    let cases: Vec<Case> = vec![
        (
            |file| file["data"]["plans"][0]["id"] = json!("kế hoạch 5"),
            "invalid_id",
            "Kế hoạch chuẩn bị buổi sinh hoạt ngày 03/05/2026: Mã «kế hoạch 5»",
        ),
        (
            |file| file["data"]["plans"][0]["month"] = json!("2026-13"),
            "invalid_field",
            "Trường «month»: cần một tháng dạng năm-tháng (ví dụ 2026-03), trong tệp là «2026-13»",
        ),
        (|file| file["data"]["plans"][0]["month"] = json!("2206-05"), "plan_month_out_of_range", "Tháng 5/2206 nằm ngoài khoảng 1930–2100"),
        (|file| file["data"]["plans"][1]["date"] = json!("2206-06-03"), "date_out_of_range", "Ngày 03/06/2206 (trường «date»)"),
        (|file| file["data"]["plans"][1]["kind"] = json!("hop_chi_uy"), "invalid_field", "Kế hoạch chuẩn bị buổi sinh hoạt ngày 03/06/2026: Trường «kind»"),
        (
            |file| {
                file["data"]["plans"][1].as_object_mut().expect("object").remove("date");
            },
            "missing_field",
            "Kế hoạch chuẩn bị thứ 2 (mã «plan-2026-06»): Thiếu trường «date».",
        ),
        (
            |file| file["data"]["plans"][1]["id"] = json!("plan-2026-05"),
            "duplicate_id",
            "Trùng mã «plan-2026-05»",
        ),
        (
            |file| file["data"]["plans"][0]["committee"]["attendees"][1] = json!("m9"),
            "unknown_person",
            "Người dự họp chi ủy chuẩn bị có mã đảng viên «m9» không có trong tệp cũng như trên máy này.",
        ),
        (
            |file| file["data"]["plans"][0]["committee"]["kind"] = json!("hop"),
            "invalid_field",
            "Trường «committee»",
        ),
        (
            |file| file["data"]["plans"][0]["documents_sent"]["at"] = json!("2301-01-01T00:00:00Z"),
            "date_out_of_range",
            "(trường «documents_sent»)",
        ),
        (
            |file| file["data"]["plans"][0]["documents_sent"]["how"] = json!("zalo"),
            "invalid_field",
            "Trường «documents_sent»",
        ),
        (
            |file| file["data"]["meetings"][1]["plan_id"] = json!("plan-khong-co"),
            "unknown_plan",
            "Buổi sinh hoạt ngày 03/05/2026: Buổi sinh hoạt ghi được lập từ kế hoạch chuẩn bị có mã «plan-khong-co» không có trong tệp cũng như trên máy này.",
        ),
        (
            |file| {
                let marker = json!({"kind": "plan", "id": "plan-2026-06", "deleted_at": "2026-06-01T00:00:00Z"});
                file["data"]["deletions"].as_array_mut().expect("list").push(marker);
            },
            "deleted_but_present",
            "Dấu xóa",
        ),
        (|file| file["data"]["plans"] = json!({}), "invalid_field", "data.plans"),
    ];
    for (change, code, place) in cases {
        let mut file = sample_file();
        change(&mut file);
        let problems = problems_of(&file);
        assert!(
            problems.iter().any(|(found, message)| found == code && message.contains(place)),
            "{code} / {place}: {problems:?}"
        );
    }
}

#[test]
fn a_meeting_may_name_a_deleted_plan_or_one_only_on_the_device() {
    let mut file = sample_file();
    file["data"]["meetings"][0]["plan_id"] = json!("plan-2026-03");
    parse_backup(file.to_string().as_bytes(), &ImportLimits::default()).expect("the deleted plan's marker is in the file");
    // A one-year file naming a plan the device holds reads against the device.
    let mut file = sample_file();
    file["data"]["plans"].as_array_mut().expect("list").remove(0);
    let refused = parse_backup(file.to_string().as_bytes(), &ImportLimits::default()).expect_err("May's plan is missing");
    assert!(matches!(&refused, ImportError::Invalid(problems) if problems.only_unknown_references()), "{refused:?}");
    parse_backup_against(file.to_string().as_bytes(), &ImportLimits::default(), &sample_v4()).expect("the device holds it");
}

#[test]
fn a_one_year_file_with_a_plan_of_another_year_is_refused_with_the_plans_words() {
    let mut file: Value = serde_json::from_str(&export_year(&sample_v4(), 2026, exported_at(), "0.2.0").to_json()).expect("json");
    file["data"]["plans"][1]["month"] = json!("2027-01");
    let problems = problems_of(&file);
    assert!(
        problems.iter().any(|(code, message)| code == "outside_scope_year"
            && message == "Kế hoạch chuẩn bị buổi sinh hoạt ngày 03/06/2026: Kế hoạch không thuộc năm 2026, trong khi tệp ghi là dữ liệu năm 2026."),
        "{problems:?}"
    );
}
