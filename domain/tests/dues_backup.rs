//! The dues book in backups and storage: profiles, payments and the committee's dues rule
//! travel whole and one year at a time, are stored one key per record, merge per record
//! id (latest event wins, deletion markers included), are counted in the preview, and are
//! checked completely on import with place-named Vietnamese messages. Table-driven.

mod backup_support;

use backup_support::{at, exported_at, month, payment, sample_v4, sorted};
use serde_json::{json, Value};
use sotay_domain::backup::import::parse_by_value;
use sotay_domain::backup::{
    export_all, export_year, merge, parse_backup, parse_backup_against, preview, revive_undone_deletions, storage,
    CommitteeDuesRules, Dataset, DeletedKind, ImportError, ImportLimits,
};
use sotay_domain::dues::{DuesPayment, DuesProfile, PaymentWay};
use sotay_domain::text::backup::record_label;
use sotay_domain::Member;

fn file_of(data: &Dataset) -> Value {
    serde_json::from_str(&export_all(data, exported_at(), "0.3.0").to_json()).expect("json")
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

fn with_payments(payments: Vec<DuesPayment>) -> Dataset {
    Dataset {
        members: vec![Member::new("m1", "Nguyễn Văn An", at("2026-01-01T00:00:00Z"))],
        dues_payments: payments,
        ..Dataset::default()
    }
}

// ---------------------------------------------------------------------------------------
// Storage and files
// ---------------------------------------------------------------------------------------

#[test]
fn every_dues_record_has_its_own_key_and_the_layout_reads_back_whole() {
    let data = sample_v4();
    let entries = storage::entries(&data);
    let dues_keys: Vec<&str> = entries
        .keys()
        .map(String::as_str)
        .filter(|key| key.contains("dues"))
        .collect();
    assert_eq!(
        dues_keys,
        [
            "sotay.deleted.dues_payment.pay-2026-04-m1-nham",
            "sotay.dues_payment.pay-2026-04-m1",
            "sotay.dues_payment.pay-2026-04-m2",
            "sotay.dues_payment.pay-2026-04-m3",
            "sotay.dues_profile.m1",
            "sotay.dues_profile.m2",
            "sotay.dues_profile.m3",
            "sotay.dues_profile.m4",
            "sotay.dues_rules",
        ]
    );
    let stored = storage::read_storage(&entries.into_iter().collect::<Vec<_>>()).expect("reads");
    assert!(stored.is_healthy(), "{:?}", stored.unreadable().collect::<Vec<_>>());
    assert_eq!(sorted(stored.dataset), sorted(data));
}

#[test]
fn one_changed_payment_is_one_write() {
    let before = sample_v4();
    let mut after = before.clone();
    after.dues_payments[1].amount_dong = 27_000;
    after.dues_payments[1].updated_at = at("2026-04-07T00:00:00Z");
    let changes = storage::changes(&before, &after);
    assert_eq!(changes.writes.len(), 1);
    assert_eq!(changes.writes[0].0, "sotay.dues_payment.pay-2026-04-m2");
    assert!(changes.removes.is_empty());
}

#[test]
fn a_damaged_dues_key_is_named_and_kept() {
    // (key, stored text, what the problem's words must contain)
    let cases = [
        ("sotay.dues_payment.p1", r#"{"id":"p1","member_id":"m1","month":"2026-13","amount_dong":1,"way":"cash","recorded_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}"#, "cần một tháng dạng năm-tháng (ví dụ 2026-03), trong tệp là «2026-13»"),
        ("sotay.dues_payment.p1", r#"{"id":"p1","member_id":"m1","month":"2026-03","way":"cash","recorded_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}"#, "Thiếu trường «amount_dong»"),
        ("sotay.dues_payment.p1", r#"{"id":"p2","member_id":"m1","month":"2026-03","amount_dong":1,"way":"cash","recorded_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}"#, "Mã trong bản ghi («p2») khác mã trong khóa lưu trữ («p1»)"),
        ("sotay.dues_profile.m1", r#"{"id":"m1","member_id":"m1","usual_amount_dong":1,"updated_at":"2026-01-01T00:00:00Z"}"#, "Thiếu trường «category_key»"),
        ("sotay.dues_rules", r#"{"updated_at":"2026-01-01T00:00:00Z","rules":{}}"#, "rules"),
        ("sotay.dues_rules", "{\"updated_at", "Không phải JSON hợp lệ"),
    ];
    for (key, text, expected) in cases {
        let entries = vec![(key.to_owned(), text.to_owned())];
        let stored = storage::read_storage(&entries).expect("a layout");
        let problems: Vec<String> = stored
            .unreadable()
            .map(|report| report.problem.as_ref().map(ToString::to_string).unwrap_or_default())
            .collect();
        assert_eq!(problems.len(), 1, "{key}: {problems:?}");
        assert!(problems[0].contains(expected), "{key}: {problems:?}");
        let dump = sotay_domain::text::backup::raw_dump(&entries, exported_at(), "0.3.0");
        assert!(dump.summary_lines().iter().any(|line| line.contains(key)), "{:?}", dump.summary_lines());
    }
    // A stored committee rule is validated by the rule's own reader.
    let mut rules = serde_json::to_value(backup_support::committee_dues_rules()).expect("json");
    rules["warning"]["months"] = json!(13);
    let text = json!({"updated_at": "2026-01-01T00:00:00Z", "rules": rules}).to_string();
    let stored = storage::read_storage(&[("sotay.dues_rules".to_owned(), text)]).expect("a layout");
    let problem = stored.unreadable().next().and_then(|report| report.problem.clone()).expect("a problem");
    assert_eq!(problem.to_string(), "Cảnh báo, trường \"months\": số tháng 13 không hợp lệ (phải từ 1 đến 12).");
}

#[test]
fn a_full_backup_round_trips_the_dues_book_and_reads_the_quick_way_too() {
    let data = sample_v4();
    let json = export_all(&data, exported_at(), "0.3.0").to_json();
    let back = parse_backup(json.as_bytes(), &ImportLimits::default()).expect("reads");
    assert_eq!(back.data, data);
    assert_eq!(parse_by_value(json.as_bytes(), &ImportLimits::default(), None), Ok(back.clone()));
    let description = back.description();
    for part in ["4 hồ sơ đảng phí", "3 khoản đóng đảng phí", "quy định đảng phí của cấp ủy", "6 dấu xóa"] {
        assert!(description.contains(part), "{part}: {description}");
    }
}

#[test]
fn a_one_year_file_carries_the_payments_covering_its_months() {
    let mut data = sample_v4();
    // A đóng gộp across the new year belongs to both years; a 2024 payment to neither.
    let mut across = payment("pay-2025-12-m1", "m1", month(2025, 12), 135_000, PaymentWay::Cash, "2025-12-03T00:00:00Z");
    across.months_covered = 3;
    data.dues_payments.push(across);
    data.dues_payments.push(payment("pay-2024-05-m1", "m1", month(2024, 5), 40_000, PaymentWay::Cash, "2024-05-03T00:00:00Z"));
    let ids = |year: i32| -> Vec<String> {
        let file = export_year(&data, year, exported_at(), "0.3.0");
        let read = parse_backup(file.to_json().as_bytes(), &ImportLimits::default())
            .unwrap_or_else(|error| panic!("{year}: {error}"));
        assert_eq!(read.data.dues_rules, data.dues_rules, "{year}: the rule the book follows");
        read.data.dues_payments.into_iter().map(|p| p.id).collect()
    };
    assert_eq!(ids(2026), ["pay-2026-04-m1", "pay-2026-04-m2", "pay-2026-04-m3", "pay-2025-12-m1"]);
    assert_eq!(ids(2025), ["pay-2025-12-m1"]);
    assert_eq!(ids(2024), ["pay-2024-05-m1"]);
    let year = export_year(&data, 2026, exported_at(), "0.3.0");
    assert_eq!(year.data.dues_profiles.len(), 4, "the profiles of the year's members");
    // Read as another year, every payment is outside it.
    let mut file: Value = serde_json::from_str(&year.to_json()).expect("json");
    file["scope"]["year"] = json!(2027);
    file["data"]["meetings"] = json!([]);
    file["data"]["reviews"] = json!([]);
    file["data"]["plans"] = json!([]);
    let problems = problems_of(&file);
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems.iter().all(|(code, message)| code == "outside_scope_year"
        && message.contains("Khoản đóng không cho tháng nào của năm 2027")), "{problems:?}");
}

#[test]
fn a_one_year_file_names_the_member_of_a_payment_even_when_the_member_left_before() {
    let mut data = sample_v4();
    let mut gone = Member::new("m9", "Đỗ Văn Chín", at("2024-01-01T00:00:00Z"));
    gone.joined_on = Some(backup_support::day(2010, 1, 1));
    gone.left_on = Some(backup_support::day(2025, 12, 31));
    data.members.push(gone);
    // Paid late, in 2026, for... 2026 (a payment the book lists as stray): its member goes too.
    data.dues_payments.push(payment("pay-late-m9", "m9", month(2026, 1), 30_000, PaymentWay::Cash, "2026-01-05T00:00:00Z"));
    let file = export_year(&data, 2026, exported_at(), "0.3.0");
    assert!(file.data.members.iter().any(|member| member.id == "m9"));
    parse_backup(file.to_json().as_bytes(), &ImportLimits::default()).expect("reads");
}

// ---------------------------------------------------------------------------------------
// Import checks
// ---------------------------------------------------------------------------------------

type Change = fn(&mut Value);

#[test]
fn import_checks_every_dues_record_naming_its_place() {
    // (change, expected code, the whole message or a part of it)
    let cases: Vec<(Change, &str, &str)> = vec![
        (
            |f| f["data"]["dues_payments"][0]["amount_dong"] = json!(0),
            "dues_amount_out_of_range",
            "Khoản đóng đảng phí thứ 1 (tháng 4/2026, đảng viên «Nguyễn Văn An»): Số tiền 0 đ (trường «amount_dong») phải từ 1 đ trở lên.",
        ),
        (
            |f| f["data"]["dues_payments"][0]["amount_dong"] = json!(4_500_000_000u64),
            "dues_amount_out_of_range",
            "Khoản đóng đảng phí thứ 1 (tháng 4/2026, đảng viên «Nguyễn Văn An»): Số tiền 4.500.000.000 đ (trường «amount_dong») vượt mức tối đa ứng dụng nhận (100.000.000 đ; mỗi tháng tối đa 100.000.000 đ); có thể đã gõ thừa chữ số 0.",
        ),
        (
            |f| f["data"]["dues_payments"][2]["amount_dong"] = json!(300_000_001u64),
            "dues_amount_out_of_range",
            "vượt mức tối đa ứng dụng nhận (300.000.000 đ;",
        ),
        (
            |f| f["data"]["dues_payments"][2]["months_covered"] = json!(0),
            "dues_months_out_of_range",
            "Khoản đóng đảng phí thứ 3 (tháng 4/2026, đảng viên «Lê Văn Cường»): Số tháng đóng (trường «months_covered») ghi là 0; phải từ 1 đến 60 tháng.",
        ),
        (
            |f| f["data"]["dues_payments"][2]["months_covered"] = json!(120),
            "dues_months_out_of_range",
            "ghi là 120; phải từ 1 đến 60 tháng.",
        ),
        (
            |f| f["data"]["dues_payments"][0]["month"] = json!("2206-04"),
            "dues_month_out_of_range",
            "Khoản đóng đảng phí thứ 1 (tháng 4/2206, đảng viên «Nguyễn Văn An»): Tháng 4/2206 (trường «month») nằm ngoài khoảng tháng 1/1930 – tháng 12/2100; có thể đã gõ nhầm năm.",
        ),
        (
            |f| {
                f["data"]["dues_payments"][2]["month"] = json!("2100-11");
            },
            "dues_month_out_of_range",
            "Tháng 1/2101 (trường «months_covered»)",
        ),
        (
            |f| f["data"]["dues_payments"][0]["month"] = json!("2026-4"),
            "invalid_field",
            "Khoản đóng đảng phí thứ 1 (đảng viên «Nguyễn Văn An»): Trường «month»: cần một tháng dạng năm-tháng (ví dụ 2026-03), trong tệp là «2026-4».",
        ),
        (
            |f| f["data"]["dues_payments"][0]["way"] = json!("chuyen_khoan"),
            "invalid_field",
            "Trường «way»: giá trị «chuyen_khoan» không hợp lệ",
        ),
        (
            |f| f["data"]["dues_payments"][0]["member_id"] = json!("m99"),
            "unknown_dues_member",
            "Khoản đóng đảng phí thứ 1 (tháng 4/2026, mã đảng viên «m99»): Ghi cho mã đảng viên «m99» không có trong tệp cũng như trên máy này.",
        ),
        (
            |f| {
                f["data"]["dues_payments"][1]["id"] = json!("pay-2026-04-m1");
            },
            "duplicate_id",
            "Khoản đóng đảng phí thứ 2 (tháng 4/2026, đảng viên «Trần Thị Bình»): Trùng mã «pay-2026-04-m1» với khoản đóng đảng phí thứ 1 (tháng 4/2026, đảng viên «Nguyễn Văn An») ở trước trong tệp.",
        ),
        (
            |f| f["data"]["dues_payments"][0]["paid_on"] = json!("1926-04-03"),
            "date_out_of_range",
            "Ngày 03/04/1926 (trường «paid_on»)",
        ),
        (
            |f| f["data"]["dues_payments"][0]["recorded_at"] = json!("2206-04-04T01:10:00Z"),
            "date_out_of_range",
            "(trường «recorded_at»)",
        ),
        (
            |f| {
                f["data"]["dues_payments"][0].as_object_mut().expect("object").remove("recorded_at");
            },
            "missing_field",
            "Thiếu trường «recorded_at».",
        ),
        (
            |f| f["data"]["dues_payments"][0]["id"] = json!("pay 1"),
            "invalid_id",
            "Mã «pay 1» (trường «id») không hợp lệ",
        ),
        (
            |f| f["data"]["dues_profiles"][0]["id"] = json!("m2"),
            "dues_profile_not_of_member",
            "Hồ sơ đảng phí của đảng viên «Nguyễn Văn An»: Mã của hồ sơ đảng phí phải là mã đảng viên «m1» (mỗi đảng viên một hồ sơ).",
        ),
        (
            |f| f["data"]["dues_profiles"][0]["usual_amount_dong"] = json!(450_000_000u64),
            "dues_amount_out_of_range",
            "Hồ sơ đảng phí của đảng viên «Nguyễn Văn An»: Số tiền 450.000.000 đ (trường «usual_amount_dong») vượt mức tối đa",
        ),
        (
            |f| f["data"]["dues_profiles"][0]["category_key"] = json!(" "),
            "blank_field",
            "Hồ sơ đảng phí của đảng viên «Nguyễn Văn An»: Trường «category_key» đang để trống.",
        ),
        (
            |f| f["data"]["dues_profiles"][1]["reliefs"][0]["to"] = json!("2026-03"),
            "dues_relief_invalid",
            "Hồ sơ đảng phí của đảng viên «Trần Thị Bình»: Khoảng miễn, giảm thứ 1: tháng kết thúc (tháng 3/2026) trước tháng bắt đầu (tháng 4/2026).",
        ),
        (
            |f| f["data"]["dues_profiles"][1]["reliefs"][0]["basis_points"] = json!(10_000),
            "dues_relief_invalid",
            "Khoảng miễn, giảm thứ 1: mức giảm 100% không hợp lệ (phải lớn hơn 0 và nhỏ hơn 100%).",
        ),
        (
            |f| f["data"]["dues_profiles"][3]["reliefs"][0]["ground"] = json!(""),
            "dues_relief_invalid",
            "Hồ sơ đảng phí của đảng viên «Phạm Thị Dung»: Khoảng miễn, giảm thứ 1: được miễn nhưng chưa ghi trường hợp miễn (trường «ground»).",
        ),
        (
            |f| f["data"]["dues_profiles"][3]["reliefs"][0]["from"] = json!("1929-12"),
            "dues_relief_invalid",
            "Khoảng miễn, giảm thứ 1: tháng 12/1929 nằm ngoài khoảng tháng 1/1930 – tháng 12/2100",
        ),
        (
            |f| {
                f["data"]["dues_profiles"][2]["member_id"] = json!("m77");
                f["data"]["dues_profiles"][2]["id"] = json!("m77");
            },
            "unknown_dues_member",
            "Hồ sơ đảng phí của mã đảng viên «m77»: Ghi cho mã đảng viên «m77» không có trong tệp cũng như trên máy này.",
        ),
        (
            |f| f["data"]["dues_rules"]["rules"]["categories"] = json!([]),
            "dues_rules_invalid",
            "Quy định đảng phí của cấp ủy: Quy định, trường \"categories\": danh sách trống.",
        ),
        (
            |f| f["data"]["dues_rules"]["rules"]["id"] = json!("dang-phi-qd01-2026"),
            "builtin_dues_rules_id",
            "Quy định đảng phí của cấp ủy: Mã «dang-phi-qd01-2026» trùng với quy định đảng phí có sẵn của ứng dụng; quy định của cấp ủy phải có mã riêng.",
        ),
        (
            |f| {
                f["data"]["dues_rules"].as_object_mut().expect("object").remove("updated_at");
            },
            "missing_field",
            "Quy định đảng phí của cấp ủy: Thiếu trường «updated_at».",
        ),
        (
            |f| f["data"]["dues_rules"]["rules"]["muc_dong"] = json!(1),
            "invalid_field",
            "Quy định đảng phí của cấp ủy: Trường «rules»:",
        ),
        (
            |f| {
                f["data"]["deletions"]
                    .as_array_mut()
                    .expect("list")
                    .push(json!({"kind": "dues_payment", "id": "pay-2026-04-m2", "deleted_at": "2026-05-01T00:00:00Z"}));
            },
            "deleted_but_present",
            "(khoản đóng đảng phí «pay-2026-04-m2»): Tệp vừa có bản ghi này vừa có dấu xóa của nó",
        ),
        (
            |f| f["data"]["dues_payments"] = json!({}),
            "invalid_field",
            "Tệp sao lưu: Trường «data.dues_payments»: sai kiểu dữ liệu: cần một danh sách",
        ),
    ];
    for (change, code, expected) in cases {
        let mut file = file_of(&sample_v4());
        change(&mut file);
        let problems = problems_of(&file);
        assert!(
            problems.iter().any(|(found, message)| found == code && message.contains(expected)),
            "{code} / {expected}:\n{problems:#?}"
        );
        // The typed and the located paths agree on every refused file.
        let bytes = file.to_string();
        assert_eq!(
            parse_backup(bytes.as_bytes(), &ImportLimits::default()),
            parse_by_value(bytes.as_bytes(), &ImportLimits::default(), None)
        );
    }
}

#[test]
fn an_import_over_the_dues_limits_is_refused_whole_with_one_clear_message() {
    let mut file = file_of(&sample_v4());
    file["data"]["dues_payments"][0]["amount_dong"] = json!(45_000_000_000u64);
    let error = parse_backup(file.to_string().as_bytes(), &ImportLimits::default()).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "Không nhập được tệp; dữ liệu trên máy chưa bị thay đổi. Khoản đóng đảng phí thứ 1 (tháng 4/2026, đảng viên «Nguyễn Văn An»): Số tiền 45.000.000.000 đ (trường «amount_dong») vượt mức tối đa ứng dụng nhận (100.000.000 đ; mỗi tháng tối đa 100.000.000 đ); có thể đã gõ thừa chữ số 0."
    );
    // At the bound it is accepted.
    file["data"]["dues_payments"][0]["amount_dong"] = json!(100_000_000u64);
    parse_backup(file.to_string().as_bytes(), &ImportLimits::default()).expect("the bound itself is accepted");
}

#[test]
fn a_payment_of_a_member_only_the_device_holds_is_accepted_against_that_device() {
    let mut file = file_of(&sample_v4());
    file["data"]["dues_payments"][0]["member_id"] = json!("m99");
    let bytes = file.to_string();
    let refused = parse_backup(bytes.as_bytes(), &ImportLimits::default()).expect_err("unknown alone");
    assert!(matches!(&refused, ImportError::Invalid(list) if list.only_unknown_references()));
    let device = Dataset {
        members: vec![Member::new("m99", "Võ Thị Chín", at("2026-01-01T00:00:00Z"))],
        ..Dataset::default()
    };
    parse_backup_against(bytes.as_bytes(), &ImportLimits::default(), &device).expect("known on the device");
    // …or deleted there (a payment edited on a phone the deletion had not reached).
    let mut deleted = Dataset::default();
    deleted.mark_deleted(DeletedKind::Member, "m99", at("2026-02-01T00:00:00Z"));
    parse_backup_against(bytes.as_bytes(), &ImportLimits::default(), &deleted).expect("a deleted member");
}

// ---------------------------------------------------------------------------------------
// Merge and preview
// ---------------------------------------------------------------------------------------

fn p1(amount_dong: u64, updated_at: &str) -> DuesPayment {
    payment("p1", "m1", month(2026, 3), amount_dong, PaymentWay::Cash, updated_at)
}

#[test]
fn payments_merge_per_id_and_the_latest_event_wins() {
    let marker = |at_text: &str| {
        let mut data = with_payments(Vec::new());
        data.mark_deleted(DeletedKind::DuesPayment, "p1", at(at_text));
        data
    };
    // (device, file, the payment kept (amount) or None, preview: added, updated, deleted, conflicts)
    let cases: Vec<(Dataset, Dataset, Option<u64>, [usize; 4])> = vec![
        (with_payments(vec![]), with_payments(vec![p1(30_000, "2026-03-03T00:00:00Z")]), Some(30_000), [1, 0, 0, 0]),
        (with_payments(vec![p1(30_000, "2026-03-03T00:00:00Z")]), with_payments(vec![p1(35_000, "2026-03-04T00:00:00Z")]), Some(35_000), [0, 1, 0, 0]),
        (with_payments(vec![p1(35_000, "2026-03-04T00:00:00Z")]), with_payments(vec![p1(30_000, "2026-03-03T00:00:00Z")]), Some(35_000), [0, 0, 0, 1]),
        (with_payments(vec![p1(30_000, "2026-03-03T00:00:00Z")]), marker("2026-03-05T00:00:00Z"), None, [0, 0, 1, 0]),
        (with_payments(vec![p1(30_000, "2026-03-06T00:00:00Z")]), marker("2026-03-05T00:00:00Z"), Some(30_000), [0, 0, 0, 0]),
        (marker("2026-03-05T00:00:00Z"), with_payments(vec![p1(40_000, "2026-03-07T00:00:00Z")]), Some(40_000), [1, 0, 0, 0]),
    ];
    for (index, (device, file, kept, counts)) in cases.into_iter().enumerate() {
        let seen = preview(&device, &file);
        let payments = &seen.dues_payments;
        assert_eq!(
            [payments.added.len(), payments.updated.len(), payments.deleted.len(), payments.conflicts.len()],
            counts,
            "case {index}"
        );
        let merged = merge(&device, &file);
        assert_eq!(merged.dues_payments.first().map(|p| p.amount_dong), kept, "case {index}");
        assert_eq!(merged.deletion(DeletedKind::DuesPayment, "p1").is_some(), kept.is_none(), "case {index}");
        // Merging is commutative.
        assert_eq!(sorted(merge(&file, &device)), sorted(merged), "case {index}");
    }
}

#[test]
fn the_preview_counts_dues_changes_and_names_them() {
    let device = with_payments(vec![p1(35_000, "2026-03-04T00:00:00Z")]);
    let mut file = sample_v4();
    file.dues_payments.push(p1(30_000, "2026-03-03T00:00:00Z"));
    let seen = preview(&device, &file);
    let [profiles, payments, rules] = seen.dues_kinds();
    assert_eq!(profiles.added.len(), 4);
    assert_eq!(payments.added.len(), 3);
    assert_eq!(rules.added.len(), 1);
    assert_eq!(record_label(&payments.conflicts[0].record.label), "Nguyễn Văn An (tháng 3/2026, 35.000 đ)");
    assert_eq!(record_label(&profiles.added[1].label), "Trần Thị Bình");
    let lines = seen.summary_lines();
    for expected in [
        "Thêm 4 hồ sơ đảng phí.",
        "Thêm 3 khoản đóng đảng phí; 1 xung đột: Nguyễn Văn An (tháng 3/2026, 35.000 đ) (bản trên máy sửa lúc",
        "Quy định đảng phí của cấp ủy «Chế độ đảng phí áp dụng tại Đảng bộ xã An Phú»: thêm mới từ tệp.",
    ] {
        assert!(lines.iter().any(|line| line.starts_with(expected)), "{expected}\n{lines:#?}");
    }
    // A replace says which payment the device loses.
    let replaced = preview(&device, &sample_v4()).replace_delete_question().expect("a question");
    assert!(replaced.contains("khoản đóng đảng phí của Nguyễn Văn An (tháng 3/2026, 35.000 đ)"), "{replaced}");
}

#[test]
fn a_profile_is_one_record_per_member_and_the_rule_one_slot() {
    let profile = |amount: u64, updated_at: &str| DuesProfile::new("m1", "huu_tri", amount, at(updated_at));
    let here = Dataset { dues_profiles: vec![profile(40_000, "2026-01-01T00:00:00Z")], ..Dataset::default() };
    let there = Dataset { dues_profiles: vec![profile(45_000, "2026-02-01T00:00:00Z")], ..Dataset::default() };
    assert_eq!(merge(&here, &there).dues_profiles, there.dues_profiles);
    assert_eq!(merge(&there, &here).dues_profiles, there.dues_profiles);
    // Two committee rules with other ids are one slot: the later wins, not both.
    let rules = |id: &str, updated_at: &str| {
        let mut rules = backup_support::committee_dues_rules();
        rules.id = id.to_owned();
        Dataset { dues_rules: Some(CommitteeDuesRules { updated_at: at(updated_at), rules }), ..Dataset::default() }
    };
    let older = rules("dang-phi-xa-2026", "2026-03-01T00:00:00Z");
    let newer = rules("dang-phi-xa-2027", "2027-01-05T00:00:00Z");
    assert_eq!(preview(&older, &newer).dues_rules.updated.len(), 1);
    assert_eq!(merge(&older, &newer).dues_rules, newer.dues_rules);
    assert_eq!(merge(&newer, &older).dues_rules, newer.dues_rules);
    // Its deletion is one key, whatever the rule's id.
    let mut deleted = Dataset::default();
    deleted.mark_deleted(DeletedKind::DuesRules, "dang-phi-xa-2026", at("2027-02-01T00:00:00Z"));
    let merged = merge(&newer, &deleted);
    assert!(merged.dues_rules.is_none());
    let changes = storage::changes(&newer, &merged);
    assert_eq!(changes.removes, ["sotay.dues_rules"]);
    assert_eq!(changes.writes[0].0, "sotay.deleted.dues_rules");
}

#[test]
fn undoing_an_import_that_deleted_a_payment_brings_it_back_as_a_newer_edit() {
    let before = with_payments(vec![p1(30_000, "2026-03-03T00:00:00Z")]);
    let mut file = with_payments(Vec::new());
    file.mark_deleted(DeletedKind::DuesPayment, "p1", at("2026-03-05T00:00:00Z"));
    let undone = merge(&before, &file);
    assert!(undone.dues_payments.is_empty());
    let revived = revive_undone_deletions(&undone, &before, at("2026-03-06T00:00:00Z"));
    assert_eq!(revived.dues_payments[0].updated_at, at("2026-03-06T00:00:00Z"));
    // And that undo wins over the deletion on a phone that merges both.
    assert_eq!(merge(&file, &revived).dues_payments.len(), 1);
}

// ---------------------------------------------------------------------------------------
// The year: the dues facts beside the attendance warnings
// ---------------------------------------------------------------------------------------

fn book_of(data: &Dataset) -> sotay_domain::dues::DuesBook<'_> {
    sotay_domain::dues::DuesBook {
        profiles: &data.dues_profiles,
        payments: &data.dues_payments,
        rules: &data.dues_rules.as_ref().expect("the committee's rule").rules,
    }
}

#[test]
fn the_year_counts_the_ended_months_from_the_month_the_book_starts() {
    use sotay_domain::dues::year_dues;
    let data = sample_v4();
    let day = backup_support::day;
    // (year, today, months counted, paid/expected and money per month, warned members)
    type Case = (i32, Option<chrono::NaiveDate>, Option<(u32, u32)>, Vec<(u32, u32, u64)>, Vec<&'static str>);
    let cases: Vec<Case> = vec![
        // April's book (m3's đóng gộp covers May and June, 5.000 đ a month); m4 is exempt.
        (2026, Some(day(2026, 6, 15)), Some((4, 5)), vec![(3, 3, 76_950), (1, 3, 5_000)], vec![]),
        // By August, m1 and m2 have May to July unpaid: three months, the rule's threshold.
        (2026, Some(day(2026, 8, 1)), Some((4, 7)), vec![(3, 3, 76_950), (1, 3, 5_000), (1, 3, 5_000), (0, 3, 0)], vec!["m1", "m2"]),
        // The whole year (no today): through December.
        (2026, None, Some((4, 12)), vec![(3, 3, 76_950), (1, 3, 5_000), (1, 3, 5_000), (0, 3, 0), (0, 3, 0), (0, 3, 0), (0, 3, 0), (0, 3, 0), (0, 3, 0)], vec!["m1", "m2", "m3"]),
        // Before the book started, and before a month of the year ended: nothing to count.
        (2025, None, None, vec![], vec![]),
        (2026, Some(day(2026, 4, 20)), None, vec![], vec![]),
        (2027, Some(day(2027, 1, 31)), None, vec![], vec![]),
    ];
    for (year, today, counted, months, warned) in cases {
        let dues = year_dues(year, today, &data.members, &book_of(&data));
        let Some((from, through)) = counted else {
            assert_eq!(dues, None, "{year} {today:?}");
            continue;
        };
        let dues = dues.unwrap_or_else(|| panic!("{year} {today:?}: counted"));
        assert_eq!((dues.from.month(), dues.through.month()), (from, through), "{year} {today:?}");
        let found: Vec<(u32, u32, u64)> = dues.months.iter().map(|m| (m.line.paid, m.line.expected, m.line.total_dong)).collect();
        assert_eq!(found, months, "{year} {today:?}");
        assert_eq!(dues.total_dong, months.iter().map(|m| m.2).sum::<u64>());
        let ids: Vec<&str> = dues.warnings.iter().map(|w| w.member_id.as_str()).collect();
        assert_eq!(ids, warned, "{year} {today:?}");
    }
    // Who is behind in May: the members whose month is unpaid, by name.
    let may = year_dues(2026, Some(day(2026, 6, 15)), &data.members, &book_of(&data)).expect("counted");
    let behind: Vec<&str> = may.month(5).expect("May").behind.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(behind, ["Nguyễn Văn An", "Trần Thị Bình"]);
    // A chi bộ that keeps no book has no dues facts at all.
    let none = Dataset { dues_rules: data.dues_rules.clone(), ..Dataset::default() };
    assert_eq!(year_dues(2026, None, &data.members, &book_of(&none)), None);
}

#[test]
fn the_year_summary_and_the_dossier_carry_the_dues_warnings_and_leave_the_meeting_words_alone() {
    use sotay_domain::dues::year_dues;
    use sotay_domain::text::dues as words;
    let data = sample_v4();
    let today = Some(backup_support::day(2026, 8, 1));
    let frameworks: Vec<sotay_domain::Framework> = sotay_domain::builtin::all();
    let refs: Vec<&sotay_domain::Framework> = frameworks.iter().collect();
    let dues = year_dues(2026, today, &data.members, &book_of(&data));
    let plain = sotay_domain::year_summary(2026, &data.members, &data.meetings, &data.plans, &refs, today);
    let with = plain.clone().with_dues(dues.clone());
    let (before, after) = (plain.lines(), with.lines());
    // Every line of the summary without dues is still there, in order; the dues lines come
    // after the attendance warnings, before the closing line.
    let kept: Vec<&String> = after.iter().filter(|line| before.contains(line)).collect();
    assert_eq!(kept, before.iter().collect::<Vec<_>>());
    let added: Vec<&String> = after.iter().filter(|line| !before.contains(line)).collect();
    let warning_m1 = words::warning(&dues.as_ref().expect("counted").warnings[0]);
    assert_eq!(added[0], "Đảng phí từ tháng 4/2026 đến tháng 7/2026: đã thu 86.950 đ.");
    assert_eq!(added[1], &warning_m1);
    assert!(warning_m1.starts_with("Đồng chí Nguyễn Văn An: chưa ghi nhận đóng đảng phí 3 tháng trong năm 2026"), "{warning_m1}");
    assert_eq!(after.last(), before.last());
    // The dossier: each member's year holds their dues warning, and the spreadsheet's
    // warnings cell says it after the attendance warnings.
    let evidence = sotay_domain::review::year_evidence(2026, &data.members, &data.meetings, &data.plans, &refs, today).with_dues(dues);
    let warned: Vec<(&str, bool)> = evidence.members.iter().map(|m| (m.member_id(), m.dues_warning.is_some())).collect();
    assert_eq!(warned, [("m1", true), ("m2", true), ("m3", false), ("m4", false)]);
    let sheet = sotay_domain::spreadsheet::to_csv(&sotay_domain::text::sheets::attendance_sheet(&evidence));
    assert!(sheet.contains("chưa ghi nhận đóng đảng phí 3 tháng"), "{sheet}");
    assert_eq!(evidence.summary.dues.as_ref().map(|d| d.warnings.len()), Some(2));
}

// ---------------------------------------------------------------------------------------
// The đảng ủy: each chi bộ's dues per month, and the "Đảng phí" columns
// ---------------------------------------------------------------------------------------

/// A second chi bộ with its own book and no rule of its own (the built-in one counts):
/// b1 pays every month from January, b2 only January.
fn chi_bo_tay() -> Dataset {
    let mut data = Dataset {
        chi_bo: Some(sotay_domain::ChiBo {
            id: "chibo-thon-tay".into(),
            name: "Chi bộ thôn Tây".into(),
            kind: sotay_domain::model::ChiBoKind::Thon,
            superior_committee: "Đảng ủy xã An Phú".into(),
            place_name: String::new(),
            usual_meeting_day: 5,
            framework_id: sotay_domain::builtin::AN_PHU_ID.into(),
            updated_at: at("2026-01-02T00:00:00Z"),
        }),
        members: vec![
            Member::new("b1", "Hoàng Văn Bảy", at("2026-01-02T00:00:00Z")),
            Member::new("b2", "Vũ Thị Tám", at("2026-01-02T00:00:00Z")),
        ],
        ..Dataset::default()
    };
    for number in 1..=7 {
        let stamp = format!("2026-{number:02}-05T01:00:00Z");
        data.dues_payments.push(payment(&format!("b1-{number}"), "b1", month(2026, number), 30_000, PaymentWay::Portal, &stamp));
    }
    data.dues_payments.push(payment("b2-1", "b2", month(2026, 1), 30_000, PaymentWay::Cash, "2026-01-05T01:00:00Z"));
    data
}

fn collected(files: &[(&str, Dataset)]) -> Vec<sotay_domain::collection::ChiBoYear> {
    use sotay_domain::collection::{chi_bo_year, collect_file};
    let mut held = Vec::new();
    for (name, data) in files {
        let bytes = export_year(data, 2026, exported_at(), "0.3.0").to_json();
        let outcome = collect_file(&held, name, bytes.as_bytes(), at("2026-08-01T03:00:00Z"));
        held.push(outcome.entry.unwrap_or_else(|| panic!("{name}: {:?}", outcome.result)));
    }
    let builtins = sotay_domain::builtin::all();
    held.iter().map(|entry| chi_bo_year(entry, &builtins, 2026, at("2026-08-01T03:00:00Z"))).collect()
}

#[test]
fn the_dang_uy_sees_each_chi_bo_s_dues_per_month_and_who_is_behind() {
    use sotay_domain::collection::{overview, Attention, Period, PeriodDues};
    let years = collected(&[("dong-tam.json", sample_v4()), ("tay.json", chi_bo_tay())]);
    // (chi bộ, month, paid/expected and money, behind) — `None`: not counted.
    type Case = (usize, u32, Option<(u32, u32, u64)>, Vec<&'static str>);
    let cases: Vec<Case> = vec![
        (0, 3, None, vec![]), // before Đông Tâm's book started (April)
        (0, 4, Some((3, 3, 76_950)), vec![]),
        (0, 7, Some((0, 3, 0)), vec!["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]),
        (0, 8, None, vec![]), // not ended on 1 August
        (1, 1, Some((2, 2, 60_000)), vec![]),
        (1, 2, Some((1, 2, 30_000)), vec!["Vũ Thị Tám"]),
        (1, 7, Some((1, 2, 30_000)), vec!["Vũ Thị Tám"]),
    ];
    for (chi_bo, number, line, behind) in cases {
        let dues = years[chi_bo].month(number).and_then(|cell| cell.dues.as_ref());
        assert_eq!(dues.map(|d| (d.line.paid, d.line.expected, d.line.total_dong)), line, "{chi_bo} {number}");
        let names: Vec<&str> = dues.map(|d| d.behind.iter().map(|m| m.name.as_str()).collect()).unwrap_or_default();
        assert_eq!(names, behind, "{chi_bo} {number}");
    }
    assert_eq!(years[0].members_dues_warned(), ["Nguyễn Văn An", "Trần Thị Bình"]);
    assert_eq!(years[1].members_dues_warned(), ["Vũ Thị Tám"]);
    // A period over both: member-months paid of expected and the money.
    let quarter = overview(&years, 2026, Period::Quarter(2));
    assert_eq!(quarter.dues, Some(PeriodDues { chi_bo: 2, paid: 8, expected: 15, total_dong: 176_950 }));
    assert_eq!(
        sotay_domain::text::collection::period_dues(&quarter.dues.expect("counted")),
        "Đảng phí (2 chi bộ có sổ): đã thu 8/15 lượt đảng viên, 176.950 đ."
    );
    let july = overview(&years, 2026, Period::Month(7));
    let reasons: Vec<String> = july.attention[1].reasons.iter().map(sotay_domain::text::collection::attention).collect();
    assert!(reasons.contains(&"Đảng phí tháng 7: 1 đảng viên chưa đóng: Vũ Thị Tám".to_owned()), "{reasons:?}");
    assert!(reasons.contains(&"1 đảng viên có cảnh báo đảng phí: Vũ Thị Tám".to_owned()), "{reasons:?}");
    assert!(july.attention[0].reasons.contains(&Attention::DuesWarnings {
        members: vec!["Nguyễn Văn An".into(), "Trần Thị Bình".into()]
    }));
    // August has not ended: no dues reason, no period dues.
    assert_eq!(overview(&years, 2026, Period::Month(8)).dues, None);
}

#[test]
fn the_dang_uy_sheets_have_the_dues_columns() {
    use sotay_domain::spreadsheet::{to_csv, Cell};
    use sotay_domain::text::sheets;
    let years = collected(&[("dong-tam.json", sample_v4()), ("tay.json", chi_bo_tay())]);
    let table = sheets::year_table(&years);
    assert_eq!(&table.header[12..], ["Đảng phí", "Đảng phí đã thu (đ)", "Chưa đóng đảng phí"]);
    // (row: chi bộ × 12 + month − 1, its three dues cells)
    let cases: Vec<(usize, [Cell; 3])> = vec![
        (2, [Cell::Empty, Cell::Empty, Cell::Empty]),
        (3, [Cell::Text("Đã thu 3/3 đồng chí, 76.950 đ".into()), Cell::Integer(76_950), Cell::Empty]),
        (6, [Cell::Text("Đã thu 0/3 đồng chí, 0 đ".into()), Cell::Integer(0), Cell::Text("Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường".into())]),
        (13, [Cell::Text("Đã thu 1/2 đồng chí, 30.000 đ".into()), Cell::Integer(30_000), Cell::Text("Vũ Thị Tám".into())]),
    ];
    for (row, cells) in cases {
        assert_eq!(&table.rows[row][12..], &cells, "row {row}");
    }
    let summary = sheets::summary_table(&years, &|_| Vec::new());
    let column = |name: &str| summary.header.iter().position(|heading| heading == name).expect(name);
    assert_eq!(summary.rows[0][column("Đảng phí đã thu trong năm (đ)")], Cell::Integer(86_950));
    assert_eq!(summary.rows[1][column("Đảng phí đã thu trong năm (đ)")], Cell::Integer(240_000));
    assert_eq!(summary.rows[1][column("Đảng viên có cảnh báo đảng phí")], Cell::Text("Vũ Thị Tám".into()));
    assert!(to_csv(&table).contains("Đã thu 2/2 đồng chí"));
}
