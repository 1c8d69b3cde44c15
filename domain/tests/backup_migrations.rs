//! Every migration fixture under `tests/fixtures/migrations/` loads: a backup file and a
//! dump of the stored layout for each version (`backup-v<N>.json`, `storage-v<N>.json`).
//! Version 2 added deletion markers, version 3 the year-end reviews and committee dossier
//! templates, version 4 the meeting plans and the dues book; the older fixtures stay (frozen, as an older app wrote them), so every
//! earlier version keeps loading.

mod backup_support;

use std::collections::BTreeMap;

use backup_support::{
    exported_at, fixture_file_names, fixture_path, sample, sample_v2, sample_v3, sample_v4, sorted,
};
use serde_json::Value;
use sotay_domain::backup::migrate::{BACKUP_STEPS, STORAGE_STEPS};
use sotay_domain::backup::storage::{SCHEMA_VERSION, SCHEMA_VERSION_KEY};
use sotay_domain::backup::{
    export_all, migrate_backup, migrate_storage, parse_backup, read_storage, read_storage_owned, ImportLimits,
    MigrationError, FORMAT_VERSION,
};

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path("migrations").join(name))
        .unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// A stored-layout dump: `{"entries": {key: text}}`.
fn stored_entries(name: &str) -> Vec<(String, String)> {
    let dump: Value = serde_json::from_slice(&read(name)).expect("dump is JSON");
    let entries: BTreeMap<String, String> =
        serde_json::from_value(dump.get("entries").cloned().unwrap_or(Value::Null))
            .expect("entries: key → text");
    entries.into_iter().collect()
}

#[test]
fn there_is_a_fixture_of_every_version_and_no_other_file() {
    let mut expected: Vec<String> = Vec::new();
    for version in 1..=FORMAT_VERSION {
        expected.push(format!("backup-v{version}.json"));
    }
    for version in 1..=SCHEMA_VERSION {
        expected.push(format!("storage-v{version}.json"));
    }
    expected.sort();
    let found: Vec<String> = fixture_file_names("migrations").into_iter().collect();
    assert_eq!(found, expected);
}

#[test]
fn every_backup_fixture_loads_to_the_same_chi_bo() {
    for version in 1..=FORMAT_VERSION {
        let name = format!("backup-v{version}.json");
        let backup = parse_backup(&read(&name), &ImportLimits::default())
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(backup.source_format_version, version, "{name}");
        assert_eq!(backup.data, sample_of_version(version), "{name}");
    }
}

#[test]
fn every_storage_fixture_loads_to_the_same_chi_bo() {
    for version in 1..=SCHEMA_VERSION {
        let name = format!("storage-v{version}.json");
        let stored =
            read_storage(&stored_entries(&name)).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(read_storage_owned(stored_entries(&name)).as_ref(), Ok(&stored), "{name}");
        assert_eq!(stored.schema_version, u64::from(version), "{name}");
        assert!(
            stored.is_healthy(),
            "{name}: {:?}",
            stored.unreadable().collect::<Vec<_>>()
        );
        assert_eq!(sorted(stored.dataset), sorted(sample_of_version(version)), "{name}");
    }
}

/// The sample chi bộ as the fixtures of `version` hold it (version 2 adds deletions,
/// version 3 a review, a committee template and a template's marker, version 4 plans and
/// the dues book).
fn sample_of_version(version: u32) -> sotay_domain::backup::Dataset {
    match version {
        1 => sample(),
        2 => sample_v2(),
        3 => sample_v3(),
        _ => sample_v4(),
    }
}

#[test]
fn the_newest_fixture_is_what_this_app_writes_today() {
    let written = export_all(&sample_v4(), exported_at(), "0.2.0").to_json();
    let name = format!("backup-v{FORMAT_VERSION}.json");
    assert_eq!(String::from_utf8(read(&name)).expect("UTF-8"), written);
}

#[test]
fn a_v1_file_migrates_to_v2_with_an_empty_list_of_deletions() {
    let file: Value = serde_json::from_slice(&read("backup-v1.json")).expect("JSON");
    assert!(file["data"].get("deletions").is_none());
    let migrated = migrate_backup(1, file).expect("v1 → v2");
    assert_eq!(migrated["format_version"], FORMAT_VERSION);
    assert_eq!(migrated["data"]["deletions"], Value::Array(Vec::new()));
    let backup = parse_backup(&read("backup-v1.json"), &ImportLimits::default()).expect("reads");
    assert_eq!(backup.source_format_version, 1);
    assert!(backup.data.deletions.is_empty());
    assert!(backup.description().contains("định dạng cũ (phiên bản 1)"));
}

#[test]
fn a_v2_file_migrates_to_v3_with_empty_lists_of_reviews_and_templates() {
    let file: Value = serde_json::from_slice(&read("backup-v2.json")).expect("JSON");
    assert!(file["data"].get("reviews").is_none());
    let migrated = migrate_backup(2, file).expect("v2 → v4");
    assert_eq!(migrated["format_version"], FORMAT_VERSION);
    assert_eq!(migrated["data"]["reviews"], Value::Array(Vec::new()));
    assert_eq!(migrated["data"]["dossier_templates"], Value::Array(Vec::new()));
    let backup = parse_backup(&read("backup-v2.json"), &ImportLimits::default()).expect("reads");
    assert_eq!(backup.source_format_version, 2);
    assert_eq!(backup.data, sample_v2());
    assert!(backup.description().contains("định dạng cũ (phiên bản 2)"));
    // The v1 file goes through both steps.
    let v1: Value = serde_json::from_slice(&read("backup-v1.json")).expect("JSON");
    let migrated = migrate_backup(1, v1).expect("v1 → v3");
    assert_eq!(migrated["data"]["deletions"], Value::Array(Vec::new()));
    assert_eq!(migrated["data"]["reviews"], Value::Array(Vec::new()));
}

#[test]
fn a_v3_file_migrates_to_v4_with_an_empty_list_of_plans() {
    let file: Value = serde_json::from_slice(&read("backup-v3.json")).expect("JSON");
    assert!(file["data"].get("plans").is_none());
    let migrated = migrate_backup(3, file).expect("v3 → v4");
    assert_eq!(migrated["format_version"], 4);
    assert_eq!(migrated["data"]["plans"], Value::Array(Vec::new()));
    let backup = parse_backup(&read("backup-v3.json"), &ImportLimits::default()).expect("reads");
    assert_eq!(backup.source_format_version, 3);
    assert_eq!(backup.data, sample_v3());
    assert!(backup.data.meetings.iter().all(|meeting| meeting.plan_id.is_none()));
    assert!(backup.description().contains("định dạng cũ (phiên bản 3)"));
    // Every older file goes through every step.
    let v1: Value = serde_json::from_slice(&read("backup-v1.json")).expect("JSON");
    let migrated = migrate_backup(1, v1).expect("v1 → v4");
    assert_eq!(migrated["data"]["plans"], Value::Array(Vec::new()));
    assert_eq!(migrated["data"]["reviews"], Value::Array(Vec::new()));
    // A version-4 file without the list is refused: it is required from version 4 on.
    let mut current: Value = serde_json::from_slice(&read("backup-v4.json")).expect("JSON");
    current["data"].as_object_mut().expect("data").remove("plans");
    let refused = parse_backup(current.to_string().as_bytes(), &ImportLimits::default()).expect_err("plans missing");
    assert!(refused.to_string().contains("data.plans"), "{refused}");
}

#[test]
fn the_v4_fixture_carries_the_plans_and_the_link() {
    let backup = parse_backup(&read("backup-v4.json"), &ImportLimits::default()).expect("reads");
    let may = backup.data.plan("plan-2026-05").expect("May's plan");
    assert!(may.documents_sent.is_some() && may.committee.is_some());
    let meeting = backup.data.meetings.iter().find(|meeting| meeting.id == "meeting-2026-05").expect("May");
    assert_eq!(meeting.plan_id.as_deref(), Some("plan-2026-05"));
    assert!(backup.data.deletion(sotay_domain::backup::DeletedKind::Plan, "plan-2026-03").is_some());
    assert!(backup.description().contains("2 kế hoạch chuẩn bị sinh hoạt"));
    let stored = read_storage(&stored_entries("storage-v4.json")).expect("v4 store");
    assert!(stored.keys.iter().any(|report| report.key == "sotay.plan.plan-2026-06"));
    assert!(stored.keys.iter().any(|report| report.key == "sotay.deleted.plan.plan-2026-03"));
}

#[test]
fn a_v3_store_reads_as_v4_and_writes_its_keys_unchanged() {
    let stored = read_storage(&stored_entries("storage-v3.json")).expect("v3 store");
    assert_eq!(stored.schema_version, 3);
    let mut v3: BTreeMap<String, String> = stored_entries("storage-v3.json")
        .into_iter()
        .filter(|(key, _)| key != "sotay.settings")
        .collect();
    v3.insert(SCHEMA_VERSION_KEY.to_owned(), SCHEMA_VERSION.to_string());
    assert_eq!(sotay_domain::backup::storage::entries(&stored.dataset), v3);
}

#[test]
fn the_v3_fixture_carries_the_review_and_the_template() {
    let backup = parse_backup(&read("backup-v3.json"), &ImportLimits::default()).expect("reads");
    let review = backup.data.review(2025).expect("review of 2025");
    assert_eq!(review.id, "review-2025");
    assert_eq!(review.proposed_level, Some(sotay_domain::review::ReviewLevel::HoanThanhTot));
    let template = backup.data.template(&review.template_id).expect("its template");
    assert_eq!(template.template.issued_by, "Đảng ủy xã An Phú");
    assert!(backup.description().contains("1 bản kiểm điểm cuối năm"));
    assert!(backup.description().contains("1 mẫu báo cáo kiểm điểm của cấp ủy"));
    let stored = read_storage(&stored_entries("storage-v3.json")).expect("v3 store");
    assert!(stored.keys.iter().any(|report| report.key == "sotay.review.review-2025"));
    assert!(stored
        .keys
        .iter()
        .any(|report| report.key == "sotay.dossier_template.mau-kiem-diem-an-phu-2025"));
    assert!(stored
        .keys
        .iter()
        .any(|report| report.key == "sotay.deleted.dossier_template.mau-kiem-diem-2024"));
}

#[test]
fn a_v3_file_migrates_to_v4_without_a_dues_book() {
    let file: Value = serde_json::from_slice(&read("backup-v3.json")).expect("JSON");
    assert!(file["data"].get("dues_payments").is_none());
    let migrated = migrate_backup(3, file).expect("v3 → v4");
    assert_eq!(migrated["format_version"], 4);
    assert_eq!(migrated["data"]["dues_rules"], Value::Null);
    assert_eq!(migrated["data"]["dues_profiles"], Value::Array(Vec::new()));
    assert_eq!(migrated["data"]["dues_payments"], Value::Array(Vec::new()));
    let backup = parse_backup(&read("backup-v3.json"), &ImportLimits::default()).expect("reads");
    assert_eq!(backup.source_format_version, 3);
    assert_eq!(backup.data, sample_v3());
    assert!(backup.description().contains("định dạng cũ (phiên bản 3)"));
    // The v1 file goes through every step.
    let v1: Value = serde_json::from_slice(&read("backup-v1.json")).expect("JSON");
    let migrated = migrate_backup(1, v1).expect("v1 → v4");
    assert_eq!(migrated["data"]["deletions"], Value::Array(Vec::new()));
    assert_eq!(migrated["data"]["dues_payments"], Value::Array(Vec::new()));
    // A version-4 file without the lists is refused: they are required from version 4.
    let mut current: Value = serde_json::from_slice(&read("backup-v4.json")).expect("JSON");
    current["data"].as_object_mut().expect("data").remove("dues_payments");
    let error = parse_backup(current.to_string().as_bytes(), &ImportLimits::default()).expect_err("refused");
    assert_eq!(error.to_string(), "Không nhập được tệp; dữ liệu trên máy chưa bị thay đổi. Tệp sao lưu: Thiếu trường «data.dues_payments».");
}

#[test]
fn the_v4_fixture_carries_a_month_of_the_dues_book() {
    let backup = parse_backup(&read("backup-v4.json"), &ImportLimits::default()).expect("reads");
    let data = &backup.data;
    assert_eq!(data.dues_payments.len(), 3);
    assert!(data.dues_payments.iter().any(|payment| payment.months_covered == 3), "a đóng gộp");
    assert!(data.dues_profiles.iter().any(|profile| !profile.reliefs.is_empty()), "a relief");
    assert!(data.deletion(sotay_domain::backup::DeletedKind::DuesPayment, "pay-2026-04-m1-nham").is_some());
    assert_eq!(data.dues_rules.as_ref().map(|custom| custom.rules.id.as_str()), Some("dang-phi-an-phu-2026"));
    let stored = read_storage(&stored_entries("storage-v4.json")).expect("v4 store");
    for key in ["sotay.dues_rules", "sotay.dues_profile.m2", "sotay.dues_payment.pay-2026-04-m3", "sotay.deleted.dues_payment.pay-2026-04-m1-nham"] {
        assert!(stored.keys.iter().any(|report| report.key == key), "{key}");
    }
}

#[test]
fn a_v2_store_reads_as_v3_and_writes_its_keys_unchanged() {
    let stored = read_storage(&stored_entries("storage-v2.json")).expect("v2 store");
    assert_eq!(stored.schema_version, 2);
    let mut v2: BTreeMap<String, String> = stored_entries("storage-v2.json")
        .into_iter()
        .filter(|(key, _)| key != "sotay.settings")
        .collect();
    v2.insert(SCHEMA_VERSION_KEY.to_owned(), SCHEMA_VERSION.to_string());
    assert_eq!(sotay_domain::backup::storage::entries(&stored.dataset), v2);
}

#[test]
fn a_v1_store_reads_as_v2_and_writes_the_v2_layout() {
    let stored = read_storage(&stored_entries("storage-v1.json")).expect("v1 store");
    assert_eq!(stored.schema_version, 1);
    // The records written back are those of the v2 fixture, without its markers.
    let mut v2: BTreeMap<String, String> = stored_entries("storage-v2.json")
        .into_iter()
        .filter(|(key, _)| !key.starts_with("sotay.deleted.") && key != "sotay.settings")
        .collect();
    v2.insert(SCHEMA_VERSION_KEY.to_owned(), SCHEMA_VERSION.to_string());
    let rewritten = sotay_domain::backup::storage::entries(&stored.dataset);
    assert_eq!(rewritten, v2);
}

/// The places of every empty text, list or object in a backup's JSON, except the lists
/// of `data` (required, may be empty) and inside a committee framework or pack (their own
/// formats, docs/frameworks.md and docs/content-pack.md).
fn empty_optional_fields(value: &Value, path: &str, found: &mut Vec<String>) {
    let is_empty = |value: &Value| match value {
        Value::String(text) => text.is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.is_empty(),
        _ => false,
    };
    match value {
        Value::Object(fields) => {
            for (key, child) in fields {
                let here = format!("{path}.{key}");
                if path == ".data" || key == "framework" || key == "pack" {
                    if path == ".data" {
                        empty_optional_fields(child, &here, found);
                    }
                    continue;
                }
                if is_empty(child) {
                    found.push(here.clone());
                }
                empty_optional_fields(child, &here, found);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                empty_optional_fields(item, &format!("{path}[{index}]"), found);
            }
        }
        _ => {}
    }
}

#[test]
fn an_export_leaves_out_empty_optional_fields_and_files_that_have_them_still_import() {
    let mut data = sample();
    // Every optional text, list and map of a meeting empty, and a reason without text.
    let mut bare = sotay_domain::Meeting::new_draft(
        "meeting-bare",
        backup_support::day(2026, 6, 3),
        sotay_domain::MeetingKind::ThuongKy,
        "hd42-anphu-2025",
        exported_at(),
    );
    bare.attendance.push(sotay_domain::model::AttendanceRecord {
        member_id: "m1".into(),
        attendance: sotay_domain::model::Attendance::AbsentWithReason {
            reason: sotay_domain::model::AbsenceReason::Work,
            reason_text: String::new(),
        },
    });
    data.meetings.push(bare);
    if let Some(chi_bo) = &mut data.chi_bo {
        chi_bo.superior_committee.clear();
    }
    let written: Value =
        serde_json::from_str(&export_all(&data, exported_at(), "0.1.0").to_json()).expect("JSON");
    let mut found = Vec::new();
    empty_optional_fields(&written, "", &mut found);
    assert_eq!(found, Vec::<String>::new());
    // The v1 fixture was written with them ("note": "", "next_tasks": [], "inputs": {}…):
    // it still reads, to exactly the records the app writes without them.
    let old = String::from_utf8(read("backup-v1.json")).expect("UTF-8");
    assert!(old.contains("\"notes\": \"\"") && old.contains("\"guests\": []"));
    let backup = parse_backup(old.as_bytes(), &ImportLimits::default()).expect("v1 reads");
    assert_eq!(backup.data, sample());
}

#[test]
fn each_chain_has_one_step_per_version() {
    assert_eq!(BACKUP_STEPS.len() + 1, FORMAT_VERSION as usize);
    assert_eq!(STORAGE_STEPS.len() + 1, SCHEMA_VERSION as usize);
}

#[test]
fn the_current_version_migrates_to_itself() {
    let file: Value =
        serde_json::from_slice(&read(&format!("backup-v{FORMAT_VERSION}.json"))).expect("JSON");
    assert_eq!(
        migrate_backup(u64::from(FORMAT_VERSION), file.clone()),
        Ok(file)
    );
    let entries: BTreeMap<String, String> =
        stored_entries(&format!("storage-v{SCHEMA_VERSION}.json")).into_iter().collect();
    assert_eq!(
        migrate_storage(u64::from(SCHEMA_VERSION), entries.clone()),
        Ok(entries)
    );
}

#[test]
fn a_newer_or_impossible_version_is_refused_with_its_own_message() {
    let newer = migrate_backup(u64::from(FORMAT_VERSION) + 1, Value::Null).expect_err("newer");
    assert_eq!(
        newer,
        MigrationError::NewerThanApp {
            found: 5,
            supported: 4
        }
    );
    assert_eq!(
        newer.to_string(),
        "Dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu 5; ứng dụng này đọc được đến phiên bản 4). Xin cập nhật ứng dụng; dữ liệu chưa bị thay đổi."
    );
    assert_eq!(
        migrate_backup(0, Value::Null),
        Err(MigrationError::Unknown { found: 0 })
    );
    assert!(migrate_storage(7, BTreeMap::new()).is_err());
}

#[test]
fn stored_data_of_a_newer_app_is_not_read() {
    let mut entries = stored_entries("storage-v1.json");
    for entry in &mut entries {
        if entry.0 == SCHEMA_VERSION_KEY {
            entry.1 = "5".into();
        }
    }
    let error = read_storage(&entries).expect_err("newer layout");
    assert!(matches!(
        error,
        MigrationError::NewerThanApp { found: 5, .. }
    ));
}

#[test]
fn an_unreadable_schema_version_is_reported_and_the_records_still_read() {
    let mut entries = stored_entries("storage-v1.json");
    for entry in &mut entries {
        if entry.0 == SCHEMA_VERSION_KEY {
            entry.1 = "một".into();
        }
    }
    let stored = read_storage(&entries).expect("read as version 1");
    let problems: Vec<_> = stored.unreadable().collect();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].key, SCHEMA_VERSION_KEY);
    assert_eq!(
        problems[0].problem.as_ref().map(ToString::to_string).as_deref(),
        Some("Số phiên bản dữ liệu «một» không đọc được; ứng dụng đọc dữ liệu theo phiên bản 4.")
    );
    assert_eq!(sorted(stored.dataset), sorted(sample()));
}

#[test]
fn storage_without_a_version_is_the_first_layout() {
    let entries: Vec<(String, String)> = stored_entries("storage-v1.json")
        .into_iter()
        .filter(|(key, _)| key != SCHEMA_VERSION_KEY)
        .collect();
    let stored = read_storage(&entries).expect("version 1");
    assert_eq!(stored.schema_version, 1);
    assert!(stored.is_healthy());
}

#[test]
fn the_example_in_the_format_documentation_is_what_the_app_writes() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/backup-format.md"),
    )
    .expect("docs/backup-format.md");
    let start = doc.rfind("```json\n").expect("an example") + "```json\n".len();
    let end = start + doc[start..].find("\n```").expect("end of the example");
    let example = &doc[start..end];
    let backup = parse_backup(example.as_bytes(), &ImportLimits::default())
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(backup.to_json(), example);
    assert_eq!(backup.data.members.len(), 2);
    assert_eq!(backup.data.meetings.len(), 1);
}

#[test]
fn an_older_store_is_upgraded_in_place_so_the_next_start_reads_it_quickly() {
    use sotay_domain::backup::{layout_upgrade, read_first_screen};
    for name in ["storage-v1.json", "storage-v2.json", "storage-v3.json"] {
        let old = stored_entries(name);
        // Version 3's chi bộ, member and meeting texts are this layout's: the quick read takes
        // them (Trang chủ shows before the upgrade); older layouts are the full reader's.
        let read_straight = name == "storage-v3.json";
        assert_eq!(read_first_screen(&old).is_some(), read_straight, "{name}: which layouts the quick read takes");
        let upgrade = layout_upgrade(&old).unwrap_or_else(|| panic!("{name} needs an upgrade"));
        assert_eq!(upgrade.writes.last().map(|(key, _)| key.as_str()), Some(SCHEMA_VERSION_KEY), "{name}: the version last");
        let mut upgraded: BTreeMap<String, String> = old.iter().cloned().collect();
        for key in &upgrade.removes {
            upgraded.remove(key);
        }
        upgraded.extend(upgrade.writes.iter().cloned());
        let upgraded: Vec<(String, String)> = upgraded.into_iter().collect();
        // The same records as before, now read as the current layout.
        let before = read_storage(&old).unwrap();
        let after = read_storage(&upgraded).unwrap();
        assert_eq!(after.schema_version, u64::from(SCHEMA_VERSION), "{name}");
        assert_eq!(after.dataset, before.dataset, "{name}");
        assert!(read_first_screen(&upgraded).is_some(), "{name}: the next start reads quickly");
        assert_eq!(layout_upgrade(&upgraded), None, "{name}: nothing left to do");
    }
}

#[test]
fn no_upgrade_is_written_where_the_full_reader_must_decide_or_nothing_is_stored() {
    use sotay_domain::backup::layout_upgrade;
    let current: Vec<(String, String)> = sotay_domain::backup::storage::entries(&sample()).into_iter().collect();
    let mut newer = current.clone();
    newer.retain(|(key, _)| key != SCHEMA_VERSION_KEY);
    newer.push((SCHEMA_VERSION_KEY.to_owned(), (SCHEMA_VERSION + 1).to_string()));
    let mut unreadable = current.clone();
    unreadable.retain(|(key, _)| key != SCHEMA_VERSION_KEY);
    unreadable.push((SCHEMA_VERSION_KEY.to_owned(), "\"ba\"".to_owned()));
    let settings_only = vec![("sotay.settings".to_owned(), "{\"text_size\":\"large\"}".to_owned())];
    for (case, entries) in [("current", current), ("newer", newer), ("unreadable version", unreadable), ("nothing but settings", settings_only), ("empty", vec![])] {
        assert_eq!(layout_upgrade(&entries), None, "{case}");
    }
}
