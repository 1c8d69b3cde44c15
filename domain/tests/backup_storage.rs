//! The stored layout: reading it with a report on every key, and the raw export of
//! damaged storage for the start-up recovery screen (nothing is lost, every unreadable
//! key has a Vietnamese reason).

mod backup_support;

use backup_support::{exported_at, sample};
use serde_json::Value;
use sotay_domain::backup::storage::{self, key_kind, parse_raw_dump, KeyKind};
use sotay_domain::backup::{read_storage, ImportLimits};
use sotay_domain::text::backup::raw_dump;

/// The sample's storage with three damaged records, an unknown key of the app and a key
/// of another app on the same origin.
fn damaged() -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = storage::entries(&sample()).into_iter().collect();
    for (key, text) in &mut entries {
        match key.as_str() {
            // Cut short (the tab was killed mid-write by an old browser, or hand-edited).
            "sotay.meeting.meeting-2026-04" => text.truncate(40),
            // A record under another member's key.
            "sotay.member.m3" => *text = text.replace("\"id\":\"m3\"", "\"id\":\"m9\""),
            // A wrong value.
            "sotay.member.m4" => {
                *text = text.replace("\"role\":\"dang_vien\"", "\"role\":\"doan_vien\"")
            }
            _ => {}
        }
    }
    entries.push(("sotay.settings".into(), "{\"text_size\":\"large\"}".into()));
    entries.push(("sotay.draft.meeting".into(), "không phải JSON".into()));
    entries.push(("other-app.token".into(), "secret".into()));
    entries
}

#[test]
fn readable_records_are_read_and_each_damaged_key_is_explained() {
    let stored = read_storage(&damaged()).expect("version 1");
    assert!(!stored.is_healthy());
    assert_eq!(stored.dataset.meetings.len(), 1);
    assert_eq!(
        stored
            .dataset
            .members
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>(),
        ["m1", "m2"]
    );
    assert!(stored.dataset.chi_bo.is_some() && stored.dataset.committee_pack.is_some());
    let problems: Vec<(String, String)> = stored
        .unreadable()
        .map(|report| {
            (
                report.key.clone(),
                report.problem.as_ref().map(sotay_domain::text::backup::key_problem).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        problems,
        [
            (
                "sotay.meeting.meeting-2026-04".to_owned(),
                "Không phải JSON hợp lệ (dòng 1, cột 40); bản ghi có thể đã bị hỏng.".to_owned()
            ),
            ("sotay.member.m3".to_owned(), "Mã trong bản ghi («m9») khác mã trong khóa lưu trữ («m3»).".to_owned()),
            (
                "sotay.member.m4".to_owned(),
                "Trường «role»: giá trị «doan_vien» không hợp lệ; chỉ nhận: bi_thu, pho_bi_thu, chi_uy_vien, dang_vien.".to_owned()
            ),
        ]
    );
    // The unknown key of the app is kept and not an error; another app's key is not ours.
    assert!(stored
        .keys
        .iter()
        .any(|report| report.key == "sotay.draft.meeting" && report.kind == KeyKind::Unknown));
    assert!(stored
        .keys
        .iter()
        .all(|report| !report.key.starts_with("other-app")));
}

#[test]
fn the_raw_export_keeps_every_text_and_says_what_was_found() {
    let entries = damaged();
    let dump = raw_dump(&entries, exported_at(), "0.1.0");
    assert_eq!(dump.unreadable_count(), 3);
    assert_eq!(dump.readable_count(), entries.len() - 1 - 3);
    assert_eq!(
        dump.summary_lines(),
        [
            "Đọc được 11 trên 14 mục dữ liệu của ứng dụng.",
            "Không đọc được 3 mục; các mục này vẫn được giữ nguyên trên máy và có trong tệp dữ liệu thô:",
            "Buổi sinh hoạt (sotay.meeting.meeting-2026-04): Không phải JSON hợp lệ (dòng 1, cột 40); bản ghi có thể đã bị hỏng.",
            "Đảng viên (sotay.member.m3): Mã trong bản ghi («m9») khác mã trong khóa lưu trữ («m3»).",
            "Đảng viên (sotay.member.m4): Trường «role»: giá trị «doan_vien» không hợp lệ; chỉ nhận: bi_thu, pho_bi_thu, chi_uy_vien, dang_vien.",
        ]
    );
    // The file: documented shape, exact texts, another app's key left out.
    let file: Value = serde_json::from_str(&dump.json).expect("JSON");
    assert_eq!(file["format"], "so-tay-chi-bo-raw-storage");
    assert_eq!(file["format_version"], 1);
    assert_eq!(file["exported_at"], "2026-05-20T13:15:00Z");
    let listed = file["entries"].as_array().expect("entries");
    assert_eq!(listed.len(), 14);
    for (key, text) in entries.iter().filter(|(key, _)| key.starts_with("sotay.")) {
        let entry = listed
            .iter()
            .find(|entry| entry["key"] == key.as_str())
            .expect("every key");
        assert_eq!(entry["text"], text.as_str(), "{key}");
    }
    let cut = listed
        .iter()
        .find(|entry| entry["key"] == "sotay.meeting.meeting-2026-04")
        .expect("entry");
    assert_eq!(cut["readable"], false);
    assert!(cut["problem"]
        .as_str()
        .is_some_and(|problem| problem.starts_with("Không phải JSON")));
    // Read back: the same pairs, so the readable records can still be recovered.
    let mut back =
        parse_raw_dump(dump.json.as_bytes(), &ImportLimits::default()).expect("raw dump");
    back.sort();
    let mut ours: Vec<(String, String)> = entries
        .into_iter()
        .filter(|(key, _)| key.starts_with("sotay."))
        .collect();
    ours.sort();
    assert_eq!(back, ours);
    assert_eq!(read_storage(&back).expect("read").dataset.members.len(), 2);
}

#[test]
fn storage_of_a_newer_app_is_exported_raw_with_the_reason() {
    let mut entries: Vec<(String, String)> = storage::entries(&sample()).into_iter().collect();
    entries.retain(|(key, _)| key != "sotay.schema_version");
    entries.push(("sotay.schema_version".into(), "5".into()));
    let dump = raw_dump(&entries, exported_at(), "0.1.0");
    assert_eq!(dump.readable_count(), 0);
    assert!(dump.summary_lines()[2].ends_with("Dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu 5; ứng dụng này đọc được đến phiên bản 4). Xin cập nhật ứng dụng; dữ liệu chưa bị thay đổi."));
}

#[test]
fn healthy_storage_has_no_problem() {
    let entries: Vec<(String, String)> = storage::entries(&sample()).into_iter().collect();
    let dump = raw_dump(&entries, exported_at(), "0.1.0");
    assert_eq!(dump.unreadable_count(), 0);
    assert_eq!(
        dump.summary_lines(),
        ["Đọc được 12 trên 12 mục dữ liệu của ứng dụng."]
    );
    assert_eq!(
        read_storage(&[]).expect("empty").dataset,
        Default::default()
    );
}

#[test]
fn keys_name_their_kind_and_record() {
    assert_eq!(
        key_kind("sotay.meeting.2026-05"),
        (KeyKind::Meeting, "2026-05")
    );
    assert_eq!(key_kind("sotay.member.m1"), (KeyKind::Member, "m1"));
    assert_eq!(
        key_kind("sotay.mark.qd37-dieu-1"),
        (KeyKind::Mark, "qd37-dieu-1")
    );
    assert_eq!(
        key_kind("sotay.framework.xa-an-phu-2026"),
        (KeyKind::Framework, "xa-an-phu-2026")
    );
    assert_eq!(key_kind("sotay.chibo").0, KeyKind::ChiBo);
    assert_eq!(key_kind("sotay.committee_pack").0, KeyKind::CommitteePack);
    assert_eq!(key_kind("sotay.schema_version").0, KeyKind::SchemaVersion);
    assert_eq!(key_kind("sotay.settings").0, KeyKind::Settings);
    assert_eq!(key_kind("sotay.whatever").0, KeyKind::Unknown);
}

#[test]
fn a_raw_export_of_damaged_storage_restores_its_readable_records_and_lists_the_rest() {
    use sotay_domain::backup::{merge, preview, restore_raw, Dataset};
    let full = backup_support::sample_v2();
    let mut entries: Vec<(String, String)> = storage::entries(&full).into_iter().collect();
    let damaged = "sotay.meeting.meeting-2026-04";
    for (key, text) in &mut entries {
        if key == damaged {
            text.truncate(40); // cut short: not JSON any more
        }
    }
    entries.push(("sotay.member.m9".into(), "{\"id\":\"m9\"}".into()));
    let dump = raw_dump(&entries, exported_at(), "0.2.0");

    let restored = restore_raw(dump.json.as_bytes(), &ImportLimits::default(), &Dataset::default())
        .unwrap_or_else(|error| panic!("{error}"));
    let mut expected = full.clone();
    expected.meetings.retain(|meeting| meeting.id != "meeting-2026-04");
    assert_eq!(
        backup_support::sorted(restored.backup.data.clone()),
        backup_support::sorted(expected.clone())
    );
    assert_eq!(restored.backup.exported_at, exported_at());
    let skipped: Vec<&str> = restored.skipped.iter().map(|report| report.key.as_str()).collect();
    assert_eq!(skipped, [damaged, "sotay.member.m9"]);
    let lines = restored.skipped_lines();
    assert_eq!(lines[0], "Bỏ qua 2 mục không đọc được trong tệp dữ liệu thô (không ghi vào máy):");
    assert!(lines[1].starts_with("Buổi sinh hoạt (sotay.meeting.meeting-2026-04): "), "{lines:?}");
    assert!(lines[2].starts_with("Đảng viên (sotay.member.m9): "), "{lines:?}");

    // The same preview and merge as a backup; the damaged keys are never written.
    let planned = preview(&Dataset::default(), &restored.backup.data);
    assert_eq!(planned.meetings.added.len(), 1);
    let merged = merge(&Dataset::default(), &restored.backup.data);
    let writes = storage::changes(&Dataset::default(), &merged).writes;
    assert!(writes.iter().all(|(key, _)| key != damaged && key != "sotay.member.m9"));
    assert!(writes.iter().any(|(key, _)| key == "sotay.deleted.meeting.meeting-2026-03"));
}

#[test]
fn a_raw_export_of_a_version_1_store_restores_through_the_migration() {
    use sotay_domain::backup::{restore_raw, Dataset};
    let mut entries: Vec<(String, String)> = storage::entries(&sample()).into_iter().collect();
    for (key, text) in &mut entries {
        if key == "sotay.schema_version" {
            *text = "1".into();
        }
    }
    let dump = raw_dump(&entries, exported_at(), "0.1.0");
    let restored = restore_raw(dump.json.as_bytes(), &ImportLimits::default(), &Dataset::default())
        .unwrap_or_else(|error| panic!("{error}"));
    assert!(restored.skipped.is_empty());
    assert_eq!(
        backup_support::sorted(restored.backup.data),
        backup_support::sorted(sample())
    );
    // A backup given as a raw export, and the reverse, are refused with their messages.
    let backup_file = sotay_domain::backup::export_all(&sample(), exported_at(), "0.2.0").to_json();
    assert!(restore_raw(backup_file.as_bytes(), &ImportLimits::default(), &Dataset::default()).is_err());
}
