//! The year-end review and the committee dossier template in backups and storage: they
//! travel, merge (latest event wins), are deleted by markers, are checked on import with
//! place-named messages, and a one-year file carries its year's review.

mod backup_support;

use backup_support::{at, committee_template, exported_at, sample_v3};
use serde_json::{json, Value};
use sotay_domain::backup::{
    export_all, export_year, merge, parse_backup, preview, storage, CustomTemplate, Dataset,
    DeletedKind, ImportError, ImportLimits,
};
use sotay_domain::review::{ReviewLevel, YearReview};

fn review(updated_at: &str, level: ReviewLevel) -> YearReview {
    let mut review = YearReview::new(2025, "qd366-mau01-tom-tat", at(updated_at));
    review.set_section("ket_qua", "Sinh hoạt đủ 12 kỳ.");
    review.proposed_level = Some(level);
    review
}

fn with_reviews(reviews: Vec<YearReview>) -> Dataset {
    Dataset {
        reviews,
        ..Dataset::default()
    }
}

#[test]
fn the_later_edit_of_a_review_wins_and_the_preview_names_it_by_year() {
    let here = with_reviews(vec![review("2025-12-20T10:00:00Z", ReviewLevel::HoanThanh)]);
    let there = with_reviews(vec![review("2025-12-21T10:00:00Z", ReviewLevel::HoanThanhTot)]);
    let shown = preview(&here, &there);
    assert_eq!(shown.reviews.updated.len(), 1);
    assert_eq!(sotay_domain::text::backup::record_label(&shown.reviews.updated[0].label), "năm 2025");
    assert!(
        shown.summary_lines().iter().any(|line| line.contains("bản kiểm điểm cuối năm")),
        "{:?}",
        shown.summary_lines()
    );
    let merged = merge(&here, &there);
    assert_eq!(merged.reviews, there.reviews);
    // And the other way round the device's newer copy is kept.
    assert_eq!(merge(&there, &here).reviews, there.reviews);
}

#[test]
fn a_later_deletion_removes_the_review_and_its_key() {
    let here = with_reviews(vec![review("2025-12-20T10:00:00Z", ReviewLevel::HoanThanh)]);
    let mut there = Dataset::default();
    there.mark_deleted(DeletedKind::Review, "review-2025", at("2025-12-22T00:00:00Z"));
    let shown = preview(&here, &there);
    assert_eq!(shown.reviews.deleted.len(), 1);
    let merged = merge(&here, &there);
    assert!(merged.reviews.is_empty());
    let changes = storage::changes(&here, &merged);
    assert_eq!(changes.removes, vec!["sotay.review.review-2025".to_owned()]);
    assert!(changes
        .writes
        .iter()
        .any(|(key, _)| key == "sotay.deleted.review.review-2025"));
    // An edit after the deletion brings it back.
    let revived = with_reviews(vec![review("2025-12-23T00:00:00Z", ReviewLevel::HoanThanhTot)]);
    let again = merge(&merged, &revived);
    assert_eq!(again.reviews.len(), 1);
    assert!(again.deletions.is_empty());
}

#[test]
fn a_full_backup_and_the_stored_layout_round_trip_the_review_and_template() {
    let data = sample_v3();
    let json = export_all(&data, exported_at(), "0.2.0").to_json();
    let back = parse_backup(json.as_bytes(), &ImportLimits::default()).expect("reads");
    assert_eq!(back.data, data);
    let entries: Vec<(String, String)> = storage::entries(&data).into_iter().collect();
    let stored = storage::read_storage(&entries).expect("reads");
    assert!(stored.is_healthy());
    assert_eq!(stored.dataset.reviews, data.reviews);
    assert_eq!(stored.dataset.templates, data.templates);
}

#[test]
fn a_one_year_file_carries_that_years_review_and_its_template_only() {
    let mut data = sample_v3();
    let mut other = review("2026-05-01T00:00:00Z", ReviewLevel::HoanThanh);
    other.year = 2024;
    other.id = YearReview::id_for_year(2024);
    data.reviews.push(other);
    let year_2025 = export_year(&data, 2025, exported_at(), "0.2.0");
    assert_eq!(year_2025.data.reviews.len(), 1);
    assert_eq!(year_2025.data.reviews[0].year, 2025);
    assert_eq!(year_2025.data.templates.len(), 1);
    let year_2024 = export_year(&data, 2024, exported_at(), "0.2.0");
    assert!(year_2024.data.templates.is_empty(), "the 2024 review uses the built-in");
    // It reads back (its review is of its year).
    let json = year_2025.to_json();
    parse_backup(json.as_bytes(), &ImportLimits::default()).expect("a one-year file reads");
}

fn problems_of(file: &Value) -> Vec<(String, String)> {
    match parse_backup(file.to_string().as_bytes(), &ImportLimits::default()) {
        Err(ImportError::Invalid(problems)) => problems
            .iter()
            .map(|problem| (problem.code().to_owned(), problem.message()))
            .collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

fn sample_file() -> Value {
    serde_json::from_str(&export_all(&sample_v3(), exported_at(), "0.2.0").to_json()).expect("json")
}

#[test]
fn import_checks_reviews_and_templates_naming_the_place() {
    // (change, expected code, text the message must contain)
    let cases: Vec<(fn(&mut Value), &str, &str)> = vec![
        (
            |file| file["data"]["reviews"][0]["id"] = json!("review-x"),
            "review_id_not_of_year",
            "Kiểm điểm cuối năm 2025: Mã của bản kiểm điểm phải là «review-2025»",
        ),
        (
            |file| file["data"]["reviews"][0]["proposed_level"] = json!("kha"),
            "invalid_field",
            "proposed_level",
        ),
        (
            |file| file["data"]["reviews"][0]["year"] = json!(1800),
            "review_year_out_of_range",
            "Năm 1800",
        ),
        (
            |file| {
                let copy = file["data"]["reviews"][0].clone();
                file["data"]["reviews"].as_array_mut().expect("list").push(copy);
            },
            "duplicate_id",
            "review-2025",
        ),
        (
            |file| file["data"]["dossier_templates"][0]["template"]["sections"] = json!([]),
            "template_invalid",
            "Mẫu báo cáo kiểm điểm «Mẫu báo cáo kiểm điểm chi bộ của Đảng ủy xã An Phú»",
        ),
        (
            |file| file["data"]["dossier_templates"][0]["template"]["id"] = json!("qd366-mau01-tom-tat"),
            "builtin_template_id",
            "mẫu báo cáo có sẵn",
        ),
        (
            |file| {
                file["data"]["dossier_templates"][0]
                    .as_object_mut()
                    .expect("object")
                    .remove("updated_at");
            },
            "missing_field",
            "updated_at",
        ),
        (
            |file| {
                file["data"]["deletions"]
                    .as_array_mut()
                    .expect("list")
                    .push(json!({"kind": "review", "id": "review-2025", "deleted_at": "2026-01-01T00:00:00Z"}));
            },
            "deleted_but_present",
            "Dấu xóa",
        ),
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
fn a_one_year_file_with_another_years_review_is_refused() {
    let mut file: Value = serde_json::from_str(
        &export_year(&sample_v3(), 2025, exported_at(), "0.2.0").to_json(),
    )
    .expect("json");
    file["scope"]["year"] = json!(2026);
    let problems = problems_of(&file);
    assert!(
        problems.iter().any(|(code, message)| code == "outside_scope_year"
            && message.starts_with("Kiểm điểm cuối năm 2025")),
        "{problems:?}"
    );
}

#[test]
fn a_committee_template_merges_like_a_framework() {
    let older = CustomTemplate {
        updated_at: at("2025-11-01T00:00:00Z"),
        template: committee_template(),
    };
    let mut newer = older.clone();
    newer.updated_at = at("2025-11-30T00:00:00Z");
    newer.template.name = "Mẫu mới".into();
    let here = Dataset {
        templates: vec![older],
        ..Dataset::default()
    };
    let there = Dataset {
        templates: vec![newer.clone()],
        ..Dataset::default()
    };
    assert_eq!(sotay_domain::text::backup::record_label(&preview(&here, &there).templates.updated[0].label), "Mẫu mới");
    assert_eq!(merge(&here, &there).templates, vec![newer]);
}
