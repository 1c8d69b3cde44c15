//! The party-dues book: the built-in rule, amounts by category, the month's book (cash and
//! portal, đóng gộp, exempt members), members joining and leaving, the 3-month warning,
//! the merge of two phones, the rule file's problems with their Vietnamese messages, the
//! report line, the sheets. Table-driven.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate};
use serde_json::{json, Value};
use sotay_domain::dues::rules::BaseFrom;
use sotay_domain::dues::{
    self, apply_reduction, builtin_rules, merge_payments, merge_profiles, month_book, percent_of,
    suggest, year_book, BaseInput, DuesPayment, DuesProfile, DuesRelief, DuesRuleLoadError,
    DuesRules, MonthCell, PaidBy, PaymentProblem, PaymentWay, ProblemKind, ProfileProblem,
    ReliefKind, ReportLine, RowStatus, ShareFact, StrayReason, SuggestedAmount, SuggestionIssue,
    YearMonth, BUILTIN_JSON,
};
use sotay_domain::model::Exemption;
use sotay_domain::spreadsheet::{to_csv, Cell};
use sotay_domain::text::dues as words;
use sotay_domain::{Member, Timestamp};

// ---------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------

fn at(minute: i64) -> Timestamp {
    DateTime::from_timestamp(1_780_000_000 + minute * 60, 0).expect("valid timestamp")
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

fn ym(year: i32, month: u32) -> YearMonth {
    YearMonth::new(year, month).expect("valid month")
}

fn rules() -> DuesRules {
    builtin_rules().expect("the built-in rule loads")
}

fn member(id: &str) -> Member {
    Member::new(id, format!("Đồng chí {id}"), at(0))
}

fn pay(id: &str, member_id: &str, month: YearMonth, amount_dong: u64, way: PaymentWay) -> DuesPayment {
    DuesPayment {
        id: id.to_owned(),
        member_id: member_id.to_owned(),
        month,
        months_covered: 1,
        amount_dong,
        way,
        paid_on: None,
        note: String::new(),
        recorded_at: at(0),
        updated_at: at(0),
    }
}

fn ahead(id: &str, member_id: &str, month: YearMonth, count: u32, amount_dong: u64) -> DuesPayment {
    DuesPayment {
        months_covered: count,
        ..pay(id, member_id, month, amount_dong, PaymentWay::Cash)
    }
}

/// Monthly cash payments of 30.000 đ by `member_id` for each listed month of 2026.
fn paid_months(member_id: &str, months: &[u32]) -> Vec<DuesPayment> {
    months
        .iter()
        .map(|m| pay(&format!("{member_id}-{m}"), member_id, ym(2026, *m), 30_000, PaymentWay::Cash))
        .collect()
}

fn all_but(months: &[u32]) -> Vec<u32> {
    (1..=12).filter(|m| !months.contains(m)).collect()
}

// ---------------------------------------------------------------------------------------
// The built-in rule
// ---------------------------------------------------------------------------------------

#[test]
fn the_builtin_rule_marks_what_the_sources_did_not_confirm() {
    let rules = rules();
    assert_eq!(rules.id, dues::BUILTIN_ID);
    assert_eq!(rules.basis.number, "01-QĐ/TW");
    assert_eq!(rules.basis.issuer, "Bộ Chính trị");
    assert_eq!(rules.basis.date, day(2026, 2, 3));
    assert_eq!(rules.effective_from, day(2026, 2, 1));
    assert!(!rules.effective_from_confirmed, "the first day is seen only in secondary sources");
    assert_eq!(rules.checked_on, day(2026, 12, 5));
    // (key, confirmed, basis points or fixed amount)
    let table: &[(&str, bool, Option<u32>, Option<u64>)] = &[
        ("bhxh_bat_buoc", true, Some(100), None),
        ("om_dau_thai_san", true, Some(100), None),
        ("huu_tri", true, Some(50), None),
        ("hoc_sinh_sinh_vien", true, None, Some(5_000)),
        ("khong_luong_huu_chua_den_tuoi_nghi_huu", false, Some(30), None),
        ("khong_luong_huu_chua_den_tuoi_nghi_huu_2028", false, Some(50), None),
        ("khong_luong_huu_du_tuoi_nghi_huu", false, Some(20), None),
        ("khong_luong_huu_du_tuoi_nghi_huu_2028", false, Some(30), None),
        ("nuoc_ngoai_co_quan_dai_dien", false, Some(100), None),
        ("nuoc_ngoai_khac", false, None, None),
    ];
    assert_eq!(rules.categories.len(), table.len());
    for (key, confirmed, percent, amount) in table {
        let category = rules.category(key).unwrap_or_else(|| panic!("{key}"));
        assert_eq!(category.confirmed, *confirmed, "{key}");
        assert_eq!(category.percent_basis_points, *percent, "{key}");
        assert_eq!(category.amount_dong, *amount, "{key}");
        let line = words::category_line(category);
        assert_eq!(line.contains("chưa đối chiếu được"), !confirmed, "{line}");
    }
    let wages = rules.regional_minimum_wages.as_ref().expect("NĐ 293/2025 wages");
    assert!(wages.basis.contains("293/2025/NĐ-CP"));
    assert!(wages.confirmed && !wages.sources.is_empty());
    let figures: Vec<(&str, u64)> = wages.regions.iter().map(|r| (r.key.as_str(), r.monthly_dong)).collect();
    assert_eq!(figures, [("I", 5_310_000), ("II", 4_730_000), ("III", 4_140_000), ("IV", 3_700_000)]);
    for category in &rules.categories {
        // Only the "neither BHXH nor pension" categories take the regional wage as base.
        let regional = category.key.starts_with("khong_luong_huu");
        assert_eq!(category.base_from == Some(BaseFrom::RegionalMinimumWage), regional, "{}", category.key);
    }
    assert_eq!(rules.chi_bo_share, None, "the share is not confirmed");
    assert!(!rules.chi_bo_share_note.is_empty());
    assert_eq!((rules.warning.months, rules.warning.consecutive), (3, false));
    let reductions = rules.reductions.as_ref().expect("reductions");
    assert_eq!((reductions.basis_points.as_slice(), reductions.max_months), ([3000, 5000, 7000].as_slice(), 12));
    let ways: Vec<PaymentWay> = rules.payment_ways.iter().map(|w| w.way).collect();
    assert_eq!(ways, [PaymentWay::Portal, PaymentWay::Cash]);
    let exemptions: Vec<&str> = rules.exemptions.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(exemptions, ["tuoi_dang_50", "tro_cap_huu_tri_xa_hoi", "dac_biet_kho_khan", "kho_khan_khac"]);
    assert_eq!(rules.unconfirmed.len(), 10);
    let provenance = words::rule_provenance(&rules);
    assert_eq!(provenance[0], "Căn cứ: Quy định số 01-QĐ/TW về chế độ đảng phí (01-QĐ/TW), Bộ Chính trị, ngày 03/02/2026.");
    assert!(provenance.contains(&"Áp dụng từ 01/02/2026 (chưa đối chiếu được).".to_owned()));
    // The file reads back as the same rule.
    assert_eq!(DuesRules::from_json(&rules.to_json_pretty()), Ok(rules));
}

// ---------------------------------------------------------------------------------------
// Amounts
// ---------------------------------------------------------------------------------------

#[derive(Debug)]
enum Expect {
    Amount(&'static str, u64, bool, bool),
    Fixed(u64),
    Range(u64, u64),
    Issue(SuggestionIssue),
}

#[test]
fn amounts_by_rule_and_category() {
    let rules = rules();
    let march = ym(2026, 3);
    // (category, month, base, expected). Computed: (category in effect, amount, rounded,
    // confirmed). No rounding rule was found: whole đồng, half up.
    let table: Vec<(&str, YearMonth, BaseInput, Expect)> = vec![
        ("bhxh_bat_buoc", march, BaseInput::Dong(4_500_000), Expect::Amount("bhxh_bat_buoc", 45_000, false, true)),
        ("bhxh_bat_buoc", march, BaseInput::Dong(4_567_850), Expect::Amount("bhxh_bat_buoc", 45_679, true, true)), // 45.678,5 → up
        ("bhxh_bat_buoc", march, BaseInput::Dong(4_567_849), Expect::Amount("bhxh_bat_buoc", 45_678, true, true)), // 45.678,49 → down
        ("om_dau_thai_san", march, BaseInput::Dong(3_000_000), Expect::Amount("om_dau_thai_san", 30_000, false, true)),
        ("huu_tri", march, BaseInput::Dong(6_000_000), Expect::Amount("huu_tri", 30_000, false, true)),
        ("huu_tri", march, BaseInput::Dong(5_123_457), Expect::Amount("huu_tri", 25_617, true, true)), // 25.617,285
        ("huu_tri", march, BaseInput::Dong(5_123_500), Expect::Amount("huu_tri", 25_618, true, true)), // 25.617,5
        ("hoc_sinh_sinh_vien", march, BaseInput::None, Expect::Fixed(5_000)),
        // The research's worked figures (0,3 % and 0,2 % of regions I and IV).
        ("khong_luong_huu_chua_den_tuoi_nghi_huu", march, BaseInput::Region("I"), Expect::Amount("khong_luong_huu_chua_den_tuoi_nghi_huu", 15_930, false, false)),
        ("khong_luong_huu_du_tuoi_nghi_huu", march, BaseInput::Region("I"), Expect::Amount("khong_luong_huu_du_tuoi_nghi_huu", 10_620, false, false)),
        ("khong_luong_huu_chua_den_tuoi_nghi_huu", march, BaseInput::Region("IV"), Expect::Amount("khong_luong_huu_chua_den_tuoi_nghi_huu", 11_100, false, false)),
        ("khong_luong_huu_du_tuoi_nghi_huu", march, BaseInput::Region("IV"), Expect::Amount("khong_luong_huu_du_tuoi_nghi_huu", 7_400, false, false)),
        // From 2028 the profile's category is continued at the new rate, and back.
        ("khong_luong_huu_chua_den_tuoi_nghi_huu", ym(2028, 1), BaseInput::Region("II"), Expect::Amount("khong_luong_huu_chua_den_tuoi_nghi_huu_2028", 23_650, false, false)),
        ("khong_luong_huu_du_tuoi_nghi_huu", ym(2028, 6), BaseInput::Region("III"), Expect::Amount("khong_luong_huu_du_tuoi_nghi_huu_2028", 12_420, false, false)),
        ("khong_luong_huu_chua_den_tuoi_nghi_huu_2028", ym(2027, 12), BaseInput::Region("III"), Expect::Amount("khong_luong_huu_chua_den_tuoi_nghi_huu", 12_420, false, false)),
        ("nuoc_ngoai_khac", march, BaseInput::None, Expect::Range(30_000, 400_000)),
        ("bhxh_bat_buoc", ym(2026, 1), BaseInput::Dong(4_500_000), Expect::Issue(SuggestionIssue::RuleNotInEffect { effective_from: day(2026, 2, 1) })),
        ("bhxh_bat_buoc", march, BaseInput::Region("I"), Expect::Issue(SuggestionIssue::NeedsBase { key: "bhxh_bat_buoc".into() })),
        ("bhxh_bat_buoc", march, BaseInput::None, Expect::Issue(SuggestionIssue::NeedsBase { key: "bhxh_bat_buoc".into() })),
        ("khong_luong_huu_du_tuoi_nghi_huu", march, BaseInput::Dong(5_000_000), Expect::Issue(SuggestionIssue::NeedsRegion { key: "khong_luong_huu_du_tuoi_nghi_huu".into() })),
        ("khong_luong_huu_du_tuoi_nghi_huu", march, BaseInput::Region("V"), Expect::Issue(SuggestionIssue::UnknownRegion { region: "V".into() })),
        ("can_bo", march, BaseInput::Dong(1), Expect::Issue(SuggestionIssue::UnknownCategory { key: "can_bo".into() })),
    ];
    for (key, month, base, expected) in table {
        let got = suggest(&rules, key, month, base);
        let case = format!("{key} {month} {base:?}");
        match (&expected, &got) {
            (Expect::Amount(in_effect, amount, rounded, confirmed), Ok(suggestion)) => {
                assert_eq!(suggestion.category_key, *in_effect, "{case}");
                assert!(
                    matches!(suggestion.amount, SuggestedAmount::Computed { amount_dong, rounded: r, .. } if amount_dong == *amount && r == *rounded),
                    "{case}: {suggestion:?}"
                );
                assert_eq!(suggestion.confirmed, *confirmed, "{case}");
            }
            (Expect::Fixed(amount), Ok(suggestion)) => {
                assert_eq!(suggestion.amount, SuggestedAmount::Fixed { amount_dong: *amount }, "{case}");
                assert!(suggestion.confirmed, "{case}");
            }
            (Expect::Range(min, max), Ok(suggestion)) => {
                assert_eq!(suggestion.amount, SuggestedAmount::WithinRange { min_dong: *min, max_dong: *max }, "{case}");
                assert_eq!(suggestion.amount.amount_dong(), None);
                assert!(!suggestion.confirmed, "{case}");
            }
            (Expect::Issue(issue), Err(got)) => {
                assert_eq!(got, issue, "{case}");
                assert!(!words::suggestion_issue(got).is_empty());
            }
            _ => panic!("{case}: expected {expected:?}, got {got:?}"),
        }
    }
}

#[test]
fn suggestions_in_words() {
    let rules = rules();
    let table: &[(&str, BaseInput, &str)] = &[
        ("bhxh_bat_buoc", BaseInput::Dong(4_500_000), "1% × 4.500.000 đ = 45.000 đ"),
        ("bhxh_bat_buoc", BaseInput::Dong(4_567_850), "1% × 4.567.850 đ = 45.679 đ (làm tròn đến đồng)"),
        ("khong_luong_huu_chua_den_tuoi_nghi_huu", BaseInput::Region("I"), "0,3% × 5.310.000 đ = 15.930 đ (chưa đối chiếu được)"),
        ("hoc_sinh_sinh_vien", BaseInput::None, "5.000 đ"),
    ];
    for (key, base, expected) in table {
        let suggestion = suggest(&rules, key, ym(2026, 5), *base).expect("an amount");
        assert_eq!(words::suggestion(&suggestion), *expected);
    }
}

#[test]
fn percentages_and_reductions_round_half_up_to_whole_dong() {
    // (base, basis points, amount, rounded)
    let percents: &[(u64, u32, u64, bool)] = &[
        (4_500_000, 100, 45_000, false),
        (150, 100, 2, true),  // 1,5 → 2
        (149, 100, 1, true),  // 1,49 → 1
        (5_310_000, 30, 15_930, false),
        (0, 100, 0, false),
        (u64::MAX, 10_000, u64::MAX, false),
        (u64::MAX, 20_000, u64::MAX, false), // saturates
    ];
    for (base, rate, amount, rounded) in percents {
        assert_eq!(percent_of(*base, *rate), (*amount, *rounded), "{base} × {rate}");
    }
    // (amount, reduction, what remains to pay)
    let reductions: &[(u64, u32, u64)] = &[
        (45_000, 3000, 31_500),
        (45_000, 5000, 22_500),
        (45_000, 7000, 13_500),
        (15_930, 3000, 11_151),
        (7_401, 5000, 3_701), // 3.700,5 → 3.701
        (7_400, 10_000, 0),
    ];
    for (amount, rate, rest) in reductions {
        assert_eq!(apply_reduction(*amount, *rate), *rest, "{amount} - {rate}");
    }
}

// ---------------------------------------------------------------------------------------
// The month's book
// ---------------------------------------------------------------------------------------

#[test]
fn cash_and_portal_are_reconciled_and_counted_once() {
    let rules = rules();
    let month = ym(2026, 4);
    let roster: Vec<Member> = ["a", "b", "c", "d", "e"].iter().map(|id| member(id)).collect();
    let payments = vec![
        pay("p1", "a", month, 30_000, PaymentWay::Cash),
        pay("p2", "b", month, 45_000, PaymentWay::Portal),
        pay("p3", "c", month, 20_000, PaymentWay::Cash),
        pay("p4", "c", month, 20_000, PaymentWay::Portal),
        pay("p5", "d", month, 10_000, PaymentWay::Cash),
        pay("p6", "d", month, 5_000, PaymentWay::Cash), // two cash records: paid once, both sums
        pay("p7", "e", ym(2026, 3), 30_000, PaymentWay::Cash), // another month
    ];
    let book = month_book(month, &roster, &[], &payments, &rules);
    // (member, paid by, amount, cash, portal)
    let table: &[(&str, Option<PaidBy>, u64, u64, u64)] = &[
        ("a", Some(PaidBy::Cash), 30_000, 30_000, 0),
        ("b", Some(PaidBy::Portal), 45_000, 0, 45_000),
        ("c", Some(PaidBy::Both), 40_000, 20_000, 20_000),
        ("d", Some(PaidBy::Cash), 15_000, 15_000, 0),
        ("e", None, 0, 0, 0),
    ];
    for (id, by, amount, cash, portal) in table {
        let row = book.row(id).expect("listed");
        assert_eq!((row.paid_by, row.amount_dong, row.cash_dong, row.portal_dong), (*by, *amount, *cash, *portal), "{id}");
    }
    assert_eq!((book.paid, book.expected, book.exempt), (4, 5, 0));
    assert_eq!((book.total_dong, book.cash_dong, book.portal_dong), (130_000, 65_000, 65_000));
    let behind: Vec<&str> = book.behind.iter().map(|m| m.member_id.as_str()).collect();
    assert_eq!(behind, ["e"]);
    let twice: Vec<&str> = book.paid_two_ways.iter().map(|m| m.member_id.as_str()).collect();
    assert_eq!(twice, ["c"]);
    assert_eq!(words::report_line(&book.report_line()), "Đã thu 4/5 đồng chí, 130.000 đ");
    assert_eq!(words::by_way(&book), "Tiền mặt: 65.000 đ; qua Cổng Dịch vụ công Quốc gia: 65.000 đ");
    assert_eq!(words::behind(&book).as_deref(), Some("Chưa đóng: Đồng chí e"));
    let check = words::paid_two_ways(&book).expect("a line");
    assert!(check.contains("Đồng chí c") && check.contains("tháng 4/2026") && check.contains("một lần"), "{check}");
}

#[test]
fn a_payment_for_several_months_covers_them() {
    let rules = rules();
    let roster = vec![member("a"), member("b")];
    let payments = vec![
        ahead("g1", "a", ym(2026, 1), 3, 100_000), // đóng gộp Jan–Mar
        ahead("g2", "b", ym(2026, 11), 3, 90_000), // Nov 2026 – Jan 2027
    ];
    // (member, month, paid, amount for the month, covered from an earlier month)
    let table: &[(&str, YearMonth, bool, u64, Option<YearMonth>)] = &[
        ("a", ym(2026, 1), true, 33_334, None), // the đồng left over by the division
        ("a", ym(2026, 2), true, 33_333, Some(ym(2026, 1))),
        ("a", ym(2026, 3), true, 33_333, Some(ym(2026, 1))),
        ("a", ym(2026, 4), false, 0, None),
        ("a", ym(2025, 12), false, 0, None),
        ("b", ym(2026, 10), false, 0, None),
        ("b", ym(2026, 11), true, 30_000, None),
        ("b", ym(2026, 12), true, 30_000, Some(ym(2026, 11))),
        ("b", ym(2027, 1), true, 30_000, Some(ym(2026, 11))),
        ("b", ym(2027, 2), false, 0, None),
    ];
    for (id, month, paid, amount, from) in table {
        let book = month_book(*month, &roster, &[], &payments, &rules);
        let row = book.row(id).expect("listed");
        assert_eq!(row.status() == RowStatus::Paid, *paid, "{id} {month}");
        assert_eq!((row.amount_dong, row.covered_from), (*amount, *from), "{id} {month}");
    }
    // The parts add up to the payment.
    let year = year_book(2026, ym(2026, 12), &roster, &[], &payments, &rules);
    let a = &year.members[0];
    assert_eq!(a.paid_months, [1, 2, 3]);
    assert_eq!(a.total_dong, 100_000);
    let sheet = to_csv(&words::month_sheet(&month_book(ym(2026, 2), &roster, &[], &payments, &rules), &rules));
    assert!(sheet.contains("Đóng gộp từ tháng 1/2026"), "{sheet}");
}

#[test]
fn payment_records_are_checked() {
    let base = pay("p", "a", ym(2026, 5), 30_000, PaymentWay::Cash);
    let table: Vec<(DuesPayment, Vec<PaymentProblem>)> = vec![
        (base.clone(), vec![]),
        (DuesPayment { amount_dong: 0, ..base.clone() }, vec![PaymentProblem::ZeroAmount]),
        (DuesPayment { months_covered: 0, ..base.clone() }, vec![PaymentProblem::NoMonthCovered]),
        (DuesPayment { month: ym(9999, 11), months_covered: 3, ..base.clone() }, vec![PaymentProblem::BeyondCalendar]),
    ];
    for (payment, problems) in table {
        assert_eq!(payment.problems(), problems, "{payment:?}");
        for problem in problems {
            assert!(!words::payment_problem(problem).is_empty());
        }
    }
    // A record with months_covered 0 still counts its own month.
    let zero = DuesPayment { months_covered: 0, ..base };
    assert!(zero.covers(ym(2026, 5)) && !zero.covers(ym(2026, 6)));
    assert_eq!(zero.share_of(ym(2026, 5)), 30_000);
}

#[test]
fn exempt_members_are_listed_as_exempt_not_behind() {
    let rules = rules();
    let month = ym(2026, 6);
    let mut elder = DuesProfile::new("elder", "huu_tri", 0, at(0));
    elder.reliefs.push(DuesRelief {
        kind: ReliefKind::Exempt { ground: "tuoi_dang_50".into() },
        from: ym(2026, 2),
        to: None,
        note: String::new(),
    });
    let mut hardship = DuesProfile::new("hard", "bhxh_bat_buoc", 30_000, at(0));
    hardship.reliefs.push(DuesRelief {
        kind: ReliefKind::Reduced { basis_points: 5000 },
        from: ym(2026, 4),
        to: Some(ym(2026, 9)),
        note: String::new(),
    });
    let mut generous = DuesProfile::new("giver", "huu_tri", 0, at(0));
    generous.reliefs.push(DuesRelief {
        kind: ReliefKind::Exempt { ground: "tuoi_dang_50".into() },
        from: ym(2026, 1),
        to: None,
        note: String::new(),
    });
    // An exemption from party work and activity is not an exemption from dues.
    let mut away = member("away");
    away.exemptions.push(Exemption {
        reason: "Đi làm ăn xa".into(),
        from: day(2026, 5, 15),
        to: Some(day(2026, 12, 31)),
    });
    let roster = vec![member("elder"), member("hard"), member("giver"), away, member("paid")];
    let payments = vec![
        pay("h", "hard", month, 15_000, PaymentWay::Cash),
        pay("g", "giver", month, 20_000, PaymentWay::Cash),
        pay("p", "paid", month, 30_000, PaymentWay::Portal),
    ];
    let book = month_book(month, &roster, &[elder, hardship, generous], &payments, &rules);
    // (member, status, exempt ground, reduction, activity exemption)
    type Row<'a> = (&'a str, RowStatus, Option<&'a str>, Option<u32>, bool);
    let table: &[Row] = &[
        ("elder", RowStatus::Exempt, Some("tuoi_dang_50"), None, false),
        ("hard", RowStatus::Paid, None, Some(5000), false),
        ("giver", RowStatus::Exempt, Some("tuoi_dang_50"), None, false),
        ("away", RowStatus::Unpaid, None, None, true),
        ("paid", RowStatus::Paid, None, None, false),
    ];
    for (id, status, ground, reduction, activity) in table {
        let row = book.row(id).expect("listed");
        assert_eq!(
            (row.status(), row.exempt_ground.as_deref(), row.reduction_basis_points, row.activity_exempt),
            (*status, *ground, *reduction, *activity),
            "{id}"
        );
    }
    assert_eq!((book.paid, book.expected, book.exempt), (2, 3, 2));
    // An exempt member who pays anyway: the money is collected.
    assert_eq!(book.total_dong, 65_000);
    let behind: Vec<&str> = book.behind.iter().map(|m| m.member_id.as_str()).collect();
    assert_eq!(behind, ["away"]);
    let csv = to_csv(&words::month_sheet(&book, &rules));
    assert!(csv.contains("Miễn đóng: Đảng viên có từ 50 năm tuổi đảng trở lên"), "{csv}");
    assert!(csv.contains("Giảm 50%"), "{csv}");
    assert!(csv.contains("Được miễn công tác và sinh hoạt đảng"), "{csv}");
}

#[test]
fn payments_the_book_cannot_place_are_listed_not_counted() {
    let rules = rules();
    let mut left = member("left");
    left.left_on = Some(day(2026, 3, 10));
    let roster = vec![left, member("here")];
    let payments = vec![
        pay("x", "ghost", ym(2026, 5), 30_000, PaymentWay::Cash),
        pay("y", "left", ym(2026, 5), 30_000, PaymentWay::Portal),
        pay("z", "here", ym(2026, 5), 30_000, PaymentWay::Cash),
    ];
    let book = month_book(ym(2026, 5), &roster, &[], &payments, &rules);
    assert_eq!((book.paid, book.expected, book.total_dong), (1, 1, 30_000));
    let stray: Vec<(&str, StrayReason)> = book.stray.iter().map(|s| (s.payment_id.as_str(), s.reason)).collect();
    assert_eq!(stray, [("y", StrayReason::NotMemberThatMonth), ("x", StrayReason::UnknownMember)]);
    for payment in &book.stray {
        assert!(words::stray(payment).contains("chưa tính vào sổ"));
    }
}

#[test]
fn the_report_line_for_the_meeting() {
    let rules = rules();
    let month = ym(2026, 9);
    let roster: Vec<Member> = (1..=42).map(|n| member(&format!("m{n:02}"))).collect();
    // m01–m31 pay 30.000 đ, m32–m36 pay 62.000 đ on the portal, m37–m40 have not paid,
    // m41–m42 are exempt.
    let mut payments = Vec::new();
    for n in 1..=36 {
        let (amount, way) = if n <= 31 { (30_000, PaymentWay::Cash) } else { (62_000, PaymentWay::Portal) };
        payments.push(pay(&format!("p{n}"), &format!("m{n:02}"), month, amount, way));
    }
    let profiles: Vec<DuesProfile> = (41..=42)
        .map(|n| {
            let mut profile = DuesProfile::new(format!("m{n:02}"), "huu_tri", 0, at(0));
            profile.reliefs.push(DuesRelief {
                kind: ReliefKind::Exempt { ground: "tro_cap_huu_tri_xa_hoi".into() },
                from: ym(2026, 1),
                to: None,
                note: String::new(),
            });
            profile
        })
        .collect();
    let book = month_book(month, &roster, &profiles, &payments, &rules);
    let line = book.report_line();
    assert_eq!(line, ReportLine { month, paid: 36, expected: 40, total_dong: 1_240_000 });
    assert_eq!(words::report_line(&line), "Đã thu 36/40 đồng chí, 1.240.000 đ");
    assert_eq!(book.behind.len(), 4);
    assert_eq!(book.share, ShareFact::FollowsSuperiorNotice);
    assert!(words::share(&book.share).contains("theo thông báo của cấp ủy cấp trên"));
}

#[test]
fn a_share_set_by_the_rule_splits_the_total() {
    let mut rules = rules();
    // (share in basis points, total, kept, sent)
    let table: &[(u32, u64, u64, u64)] = &[
        (3000, 1_240_000, 372_000, 868_000),
        (5000, 15_001, 7_501, 7_500), // 7.500,5 → 7.501
        (10_000, 100, 100, 0),
        (0, 100, 0, 100),
    ];
    for (share, total, kept, sent) in table {
        rules.chi_bo_share = Some(*share);
        let fact = ShareFact::of(*total, &rules);
        assert_eq!(fact, ShareFact::Known { basis_points: *share, kept_dong: *kept, sent_dong: *sent });
    }
    rules.chi_bo_share = Some(3000);
    assert_eq!(
        words::share(&ShareFact::of(1_240_000, &rules)),
        "Chi bộ được để lại 30%: 372.000 đ; nộp lên cấp trên: 868.000 đ."
    );
}

// ---------------------------------------------------------------------------------------
// The year: joining and leaving, warnings
// ---------------------------------------------------------------------------------------

#[test]
fn members_joining_or_leaving_mid_year_count_only_their_months() {
    let rules = rules();
    // (joined, left, months paid, months counted as unpaid, warning)
    type Row = (Option<NaiveDate>, Option<NaiveDate>, Vec<u32>, Vec<u32>, bool);
    let table: Vec<Row> = vec![
        (Some(day(2026, 4, 15)), None, (4..=12).collect(), vec![], false),
        (Some(day(2026, 4, 15)), None, (6..=12).collect(), vec![4, 5], false),
        (Some(day(2026, 4, 15)), None, (7..=12).collect(), vec![4, 5, 6], true),
        (Some(day(2026, 10, 1)), None, vec![], vec![10, 11, 12], true),
        (Some(day(2026, 11, 30)), None, vec![], vec![11, 12], false),
        (None, Some(day(2026, 2, 1)), vec![], vec![1, 2], false), // left on 1 Feb: Feb counted
        (None, Some(day(2026, 3, 31)), vec![], vec![1, 2, 3], true),
        (None, Some(day(2026, 9, 10)), (1..=6).collect(), vec![7, 8, 9], true),
        (Some(day(2026, 3, 1)), Some(day(2026, 5, 31)), vec![3, 4], vec![5], false),
        // Paid for months outside the membership: not counted as paid months.
        (Some(day(2026, 6, 1)), None, (1..=12).collect(), vec![], false),
    ];
    for (joined, left, paid, unpaid, warned) in table {
        let mut someone = member("a");
        someone.joined_on = joined;
        someone.left_on = left;
        let payments = paid_months("a", &paid);
        let year = year_book(2026, ym(2026, 12), &[someone], &[], &payments, &rules);
        let case = format!("{joined:?}–{left:?}, paid {paid:?}");
        let record = &year.members[0];
        assert_eq!(record.unpaid_months, unpaid, "{case}");
        assert_eq!(year.warnings.len(), usize::from(warned), "{case}");
        for (index, cell) in record.months.iter().enumerate() {
            let first = ym(2026, u32::try_from(index + 1).unwrap());
            let inside = joined.is_none_or(|j| j <= first.last_day()) && left.is_none_or(|l| first.first_day() <= l);
            assert_eq!(*cell == MonthCell::NotMember, !inside, "{case}: month {}", index + 1);
        }
    }
    // A member who belonged to the chi bộ in no month of the year is not listed.
    let mut gone = member("gone");
    gone.left_on = Some(day(2025, 12, 31));
    let year = year_book(2026, ym(2026, 12), &[gone], &[], &[], &rules);
    assert!(year.members.is_empty() && year.warnings.is_empty());
}

#[test]
fn a_warning_from_exactly_three_months_without_dues() {
    let builtin = rules();
    let mut consecutive = rules();
    consecutive.warning.consecutive = true;
    // (rule, months without dues, through, warning months or none)
    type Row<'a> = (&'a DuesRules, Vec<u32>, YearMonth, Option<Vec<u32>>);
    let table: Vec<Row> = vec![
        (&builtin, vec![], ym(2026, 12), None),
        (&builtin, vec![2, 7], ym(2026, 12), None),
        (&builtin, vec![2, 5, 9], ym(2026, 12), Some(vec![2, 5, 9])),
        (&builtin, vec![4, 5, 6], ym(2026, 12), Some(vec![4, 5, 6])),
        (&builtin, vec![1, 2, 3, 4, 5], ym(2026, 12), Some(vec![1, 2, 3, 4, 5])),
        // Months after `through` are not due yet.
        (&builtin, vec![2, 5, 9], ym(2026, 8), None),
        (&builtin, vec![2, 5, 9], ym(2026, 9), Some(vec![2, 5, 9])),
        (&consecutive, vec![2, 5, 9], ym(2026, 12), None),
        (&consecutive, vec![2, 3, 9], ym(2026, 12), None),
        (&consecutive, vec![4, 5, 6], ym(2026, 12), Some(vec![4, 5, 6])),
        (&consecutive, vec![1, 4, 5, 6], ym(2026, 12), Some(vec![1, 4, 5, 6])),
    ];
    for (rules, unpaid, through, expected) in table {
        let payments = paid_months("a", &all_but(&unpaid));
        let year = year_book(2026, through, &[member("a"), member("b")], &[], &[payments, paid_months("b", &all_but(&[]))].concat(), rules);
        let case = format!("consecutive {} unpaid {unpaid:?} through {through}", rules.warning.consecutive);
        let got: Option<Vec<u32>> = year.warnings.first().map(|w| w.months.clone());
        assert_eq!(got, expected, "{case}");
        assert!(year.warnings.iter().all(|w| w.member_id == "a"), "{case}");
        if let Some(warning) = year.warnings.first() {
            assert_eq!((warning.threshold, warning.year), (3, 2026));
            let text = words::warning(warning);
            assert!(text.contains("để chi bộ xem xét"), "{text}");
            assert!(text.contains(&format!("({}", sotay_domain::text::months(&warning.months))), "{text}");
            assert!(text.contains("không phải kết luận"), "{text}");
        }
    }
}

#[test]
fn the_warning_in_words() {
    let rules = rules();
    let mut away = member("a");
    away.name = "Nguyễn Văn An".into();
    away.exemptions.push(Exemption { reason: "Đi làm xa".into(), from: day(2026, 9, 1), to: None });
    let year = year_book(2026, ym(2026, 12), &[away], &[], &paid_months("a", &all_but(&[2, 5, 9])), &rules);
    let warning = &year.warnings[0];
    assert_eq!(warning.activity_exempt_months, [9]);
    assert_eq!(
        words::warning(warning),
        "Đồng chí Nguyễn Văn An: chưa ghi nhận đóng đảng phí 3 tháng trong năm 2026 (tháng 2, 5, 9). \
         Đảng viên không đóng đảng phí 3 tháng trong năm mà không có lý do chính đáng thì chi bộ xem xét, \
         đề nghị cấp ủy có thẩm quyền quyết định xóa tên. Đây là thông tin để chi bộ xem xét (có lý do chính \
         đáng hay không), không phải kết luận của ứng dụng. Trong tháng 9, đồng chí được miễn công tác và \
         sinh hoạt đảng. Căn cứ: Quy định 01-QĐ/TW về chế độ đảng phí; Điều lệ Đảng (Điều 8); Quy định \
         294-QĐ/TW về thi hành Điều lệ Đảng."
    );
}

#[test]
fn exempt_months_are_neither_paid_nor_unpaid() {
    let rules = rules();
    let mut profile = DuesProfile::new("a", "bhxh_bat_buoc", 30_000, at(0));
    profile.reliefs.push(DuesRelief {
        kind: ReliefKind::Exempt { ground: "kho_khan_khac".into() },
        from: ym(2026, 3),
        to: Some(ym(2026, 8)),
        note: String::new(),
    });
    let payments = paid_months("a", &[1, 2, 9, 10]);
    let year = year_book(2026, ym(2026, 12), &[member("a")], &[profile], &payments, &rules);
    let record = &year.members[0];
    assert_eq!(record.exempt_months, [3, 4, 5, 6, 7, 8]);
    assert_eq!(record.paid_months, [1, 2, 9, 10]);
    assert_eq!(record.unpaid_months, [11, 12]);
    assert!(year.warnings.is_empty());
    assert_eq!(record.months[2], MonthCell::Exempt);
    assert_eq!(record.months[0], MonthCell::Paid { by: PaidBy::Cash, amount_dong: 30_000 });
    assert_eq!(year.total_dong, 120_000);
    let lines: Vec<(u32, u32, u64)> = year.months.iter().map(|l| (l.paid, l.expected, l.total_dong)).collect();
    assert_eq!(lines[0], (1, 1, 30_000));
    assert_eq!(lines[2], (0, 0, 0));
    assert_eq!(lines[11], (0, 1, 0));
}

#[test]
fn profiles_are_checked_against_the_rule() {
    let rules = rules();
    let relief = |kind: ReliefKind, from: YearMonth, to: Option<YearMonth>| DuesRelief { kind, from, to, note: String::new() };
    let exempt = |ground: &str| ReliefKind::Exempt { ground: ground.into() };
    let reduced = |basis_points| ReliefKind::Reduced { basis_points };
    let table: Vec<(&str, Vec<DuesRelief>, Vec<ProfileProblem>)> = vec![
        ("bhxh_bat_buoc", vec![], vec![]),
        ("can_bo", vec![], vec![ProfileProblem::UnknownCategory { key: "can_bo".into() }]),
        ("huu_tri", vec![relief(exempt("tuoi_dang_50"), ym(2026, 2), None)], vec![]),
        ("huu_tri", vec![relief(exempt("om"), ym(2026, 2), None)], vec![ProfileProblem::UnknownGround { relief: 0, ground: "om".into() }]),
        ("bhxh_bat_buoc", vec![relief(reduced(5000), ym(2026, 1), Some(ym(2026, 12)))], vec![]),
        ("bhxh_bat_buoc", vec![relief(reduced(5000), ym(2026, 1), Some(ym(2027, 1)))], vec![ProfileProblem::ReliefTooLong { relief: 0, months: Some(13), max_months: 12 }]),
        ("bhxh_bat_buoc", vec![relief(reduced(4000), ym(2026, 1), Some(ym(2026, 3)))], vec![ProfileProblem::ReductionNotAllowed { relief: 0, basis_points: 4000 }]),
        ("bhxh_bat_buoc", vec![relief(exempt("kho_khan_khac"), ym(2026, 1), None)], vec![ProfileProblem::ReliefTooLong { relief: 0, months: None, max_months: 12 }]),
        ("bhxh_bat_buoc", vec![relief(exempt("kho_khan_khac"), ym(2026, 5), Some(ym(2026, 4)))], vec![ProfileProblem::ReliefReversed { relief: 0 }]),
    ];
    for (category, reliefs, expected) in table {
        let mut profile = DuesProfile::new("a", category, 0, at(0));
        profile.reliefs = reliefs;
        let problems = profile.problems(&rules);
        assert_eq!(problems, expected, "{category} {:?}", profile.reliefs);
        for problem in &problems {
            assert!(!words::profile_problem(problem).is_empty());
        }
    }
}

// ---------------------------------------------------------------------------------------
// Merge of two phones
// ---------------------------------------------------------------------------------------

#[test]
fn dues_of_two_phones_merge_per_record_by_latest_edit() {
    let edit = |minute: i64, amount: u64| DuesPayment {
        updated_at: at(minute),
        ..pay("x", "a", ym(2026, 5), amount, PaymentWay::Cash)
    };
    // (case, on this phone, on the other, what both phones hold for x after merging)
    type Row = (&'static str, Option<DuesPayment>, Option<DuesPayment>, Option<u64>);
    let table: Vec<Row> = vec![
        ("only here", Some(edit(1, 10)), None, Some(10)),
        ("only there", None, Some(edit(1, 10)), Some(10)),
        ("there newer", Some(edit(1, 10)), Some(edit(2, 20)), Some(20)),
        ("here newer", Some(edit(2, 20)), Some(edit(1, 10)), Some(20)),
        ("same", Some(edit(1, 10)), Some(edit(1, 10)), Some(10)),
        ("same moment, different: the larger text on every phone", Some(edit(1, 20_000)), Some(edit(1, 30_000)), Some(30_000)),
        ("nowhere", None, None, None),
    ];
    let other = pay("y", "b", ym(2026, 5), 5, PaymentWay::Portal);
    for (case, here, there, expected) in table {
        let here: Vec<DuesPayment> = here.into_iter().chain([other.clone()]).collect();
        let there: Vec<DuesPayment> = there.into_iter().collect();
        let one = merge_payments(&here, &there);
        let two = merge_payments(&there, &here);
        let amount = |list: &[DuesPayment]| list.iter().find(|p| p.id == "x").map(|p| p.amount_dong);
        assert_eq!(amount(&one), expected, "{case}");
        assert_eq!(amount(&two), expected, "{case} (other way)");
        let ids: BTreeSet<&str> = one.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), one.len(), "{case}: one record per id");
        assert!(one.contains(&other), "{case}: records of one side are kept");
        assert_eq!(merge_payments(&one, &there), one, "{case}: merging again changes nothing");
    }
    // The first list keeps its order; new records follow in the other's order.
    let a = vec![pay("1", "a", ym(2026, 1), 1, PaymentWay::Cash), pay("2", "a", ym(2026, 2), 1, PaymentWay::Cash)];
    let b = vec![pay("3", "a", ym(2026, 3), 1, PaymentWay::Cash), pay("1", "a", ym(2026, 1), 1, PaymentWay::Cash)];
    let order: Vec<String> = merge_payments(&a, &b).into_iter().map(|p| p.id).collect();
    assert_eq!(order, ["1", "2", "3"]);
    // Profiles: one per member (the id is the member's), the latest edit wins.
    let mut old = DuesProfile::new("a", "bhxh_bat_buoc", 45_000, at(1));
    old.note = "cũ".into();
    let new = DuesProfile { category_key: "huu_tri".into(), usual_amount_dong: 30_000, updated_at: at(5), ..old.clone() };
    assert_eq!(old.id, "a");
    let both = [old, new.clone()];
    assert_eq!(merge_profiles(&both[..1], &both[1..]), &both[1..]);
    assert_eq!(merge_profiles(&both[1..], &both[..1]), [new]);
}

// ---------------------------------------------------------------------------------------
// The rule file's problems
// ---------------------------------------------------------------------------------------

fn builtin_value() -> Value {
    serde_json::from_str(BUILTIN_JSON).expect("JSON")
}

fn set(value: &mut Value, pointer: &str, new: Value) {
    if let Some((parent, key)) = pointer.rsplit_once('/') {
        let parent = value.pointer_mut(parent).unwrap_or_else(|| panic!("{pointer}"));
        match parent {
            Value::Object(map) if new.is_null() => {
                map.remove(key);
            }
            Value::Object(map) => {
                map.insert(key.to_owned(), new);
            }
            Value::Array(items) => items[key.parse::<usize>().expect("index")] = new,
            _ => panic!("{pointer}"),
        }
    }
}

#[test]
fn every_rule_problem_is_located_and_worded() {
    let category = |extra: Value| {
        let mut base = json!({ "key": "moi", "label": "Loại mới", "kind": "fixed", "amount_dong": 1000, "confirmed": true });
        for (key, value) in extra.as_object().expect("object") {
            if value.is_null() {
                base.as_object_mut().unwrap().remove(key);
            } else {
                base[key] = value.clone();
            }
        }
        base
    };
    // (what is wrong, pointer, new value (null removes), code, pointer of the problem, message)
    let table: Vec<(&str, &str, Value, &str, &str, &str)> = vec![
        ("a newer format", "/format_version", json!(2), "unsupported_format_version", "/format_version",
         "Quy định, trường \"format_version\": tệp dùng định dạng phiên bản 2, ứng dụng này chỉ đọc phiên bản 1; hãy cập nhật ứng dụng."),
        ("no name", "/name", json!(" "), "empty_text", "/name", "Quy định, trường \"name\": chưa có nội dung."),
        ("no issuer", "/basis/issuer", json!(""), "empty_text", "/basis/issuer", "Căn cứ, trường \"issuer\": chưa có nội dung."),
        ("no sources", "/sources", json!([]), "empty_list", "/sources", "Quy định, trường \"sources\": danh sách trống."),
        ("two categories, one key", "/categories/1/key", json!("bhxh_bat_buoc"), "duplicate_key", "/categories/1/key",
         "Loại đảng viên thứ 2 («bhxh_bat_buoc»), trường \"key\": mã «bhxh_bat_buoc» bị trùng."),
        ("a percentage without its rate", "/categories/0/percent_basis_points", Value::Null, "missing_for_kind", "/categories/0/percent_basis_points",
         "Loại đảng viên thứ 1 («bhxh_bat_buoc»), trường \"percent_basis_points\": còn thiếu: cách tính «tỷ lệ phần trăm» cần trường này."),
        ("a percentage of nothing", "/categories/2/base", json!(""), "missing_for_kind", "/categories/2/base",
         "Loại đảng viên thứ 3 («huu_tri»), trường \"base\": còn thiếu: cách tính «tỷ lệ phần trăm» cần trường này."),
        ("a fixed amount with a rate", "/categories/3/percent_basis_points", json!(100), "not_for_kind", "/categories/3/percent_basis_points",
         "Loại đảng viên thứ 4 («hoc_sinh_sinh_vien»), trường \"percent_basis_points\": cách tính «số tiền cố định» không dùng trường này; hãy bỏ đi."),
        ("a rate above 100 %", "/categories/0/percent_basis_points", json!(10_001), "percent_out_of_range", "/categories/0/percent_basis_points",
         "Loại đảng viên thứ 1 («bhxh_bat_buoc»), trường \"percent_basis_points\": tỷ lệ 100,01% không hợp lệ (phải lớn hơn 0 và không quá 100%)."),
        ("a fixed 0 đ", "/categories/3/amount_dong", json!(0), "zero_amount", "/categories/3/amount_dong",
         "Loại đảng viên thứ 4 («hoc_sinh_sinh_vien»), trường \"amount_dong\": số tiền phải lớn hơn 0 đ."),
        ("a range upside down", "/categories/9/min_dong", json!(500_000), "range_reversed", "/categories/9/min_dong",
         "Loại đảng viên thứ 10 («nuoc_ngoai_khac»), trường \"min_dong\": mức thấp nhất (500.000 đ) lớn hơn mức cao nhất (400.000 đ)."),
        ("ends before it starts", "/categories/4/valid_to", json!("2025-12-31"), "dates_reversed", "/categories/4/valid_to",
         "Loại đảng viên thứ 5 («khong_luong_huu_chua_den_tuoi_nghi_huu»), trường \"valid_to\": ngày kết thúc 31/12/2025 trước ngày bắt đầu 01/01/2026."),
        ("continues a missing key", "/categories/5/continues", json!("khong_co"), "unknown_continued", "/categories/5/continues",
         "Loại đảng viên thứ 6 («khong_luong_huu_chua_den_tuoi_nghi_huu_2028»), trường \"continues\": không có loại đảng viên nào mang mã «khong_co»."),
        ("continues itself", "/categories/5/continues", json!("khong_luong_huu_chua_den_tuoi_nghi_huu_2028"), "continues_itself", "/categories/5/continues",
         "Loại đảng viên thứ 6 («khong_luong_huu_chua_den_tuoi_nghi_huu_2028»), trường \"continues\": một loại không thể nối tiếp chính nó."),
        ("two continue one", "/categories/7/continues", json!("khong_luong_huu_chua_den_tuoi_nghi_huu"), "continued_twice", "/categories/7/continues",
         "Loại đảng viên thứ 8 («khong_luong_huu_du_tuoi_nghi_huu_2028»), trường \"continues\": đã có loại khác nối tiếp loại «khong_luong_huu_chua_den_tuoi_nghi_huu»."),
        ("continues before the end", "/categories/5/valid_from", json!("2027-06-01"), "continuation_not_after", "/categories/5/valid_from",
         "Loại đảng viên thứ 6 («khong_luong_huu_chua_den_tuoi_nghi_huu_2028»), trường \"valid_from\": loại nối tiếp phải bắt đầu sau ngày loại «khong_luong_huu_chua_den_tuoi_nghi_huu» kết thúc (cả hai ngày đều phải ghi)."),
        ("regional base without wages", "/regional_minimum_wages", Value::Null, "no_regional_wages", "/categories/4/base_from",
         "Loại đảng viên thứ 5 («khong_luong_huu_chua_den_tuoi_nghi_huu»), trường \"base_from\": cần bảng lương tối thiểu vùng (\"regional_minimum_wages\") nhưng tệp không có."),
        ("a region paid nothing", "/regional_minimum_wages/regions/3/monthly_dong", json!(0), "zero_amount", "/regional_minimum_wages/regions/3/monthly_dong",
         "Vùng thứ 4 («IV»), trường \"monthly_dong\": số tiền phải lớn hơn 0 đ."),
        ("two ways, one way", "/payment_ways/1/way", json!("portal"), "duplicate_way", "/payment_ways/1/way",
         "Hình thức đóng thứ 2, trường \"way\": hình thức «Cổng Dịch vụ công Quốc gia» được khai hai lần."),
        ("a reduction of everything", "/reductions/basis_points", json!([3000, 10_000]), "reduction_out_of_range", "/reductions/basis_points",
         "Mức giảm, trường \"basis_points\": mức giảm 100% không hợp lệ (phải lớn hơn 0 và nhỏ hơn 100%)."),
        ("a reduction twice", "/reductions/basis_points", json!([3000, 3000]), "duplicate_reduction", "/reductions/basis_points",
         "Mức giảm, trường \"basis_points\": mức giảm 30% được khai hai lần."),
        ("no months of reduction", "/reductions/max_months", json!(0), "zero_months", "/reductions/max_months",
         "Mức giảm, trường \"max_months\": số tháng phải lớn hơn 0."),
        ("a share above all", "/chi_bo_share", json!(12_000), "share_out_of_range", "/chi_bo_share",
         "Quy định, trường \"chi_bo_share\": tỷ lệ chi bộ được để lại 120% vượt quá 100%."),
        ("a warning after 13 months", "/warning/months", json!(13), "warning_months_out_of_range", "/warning/months",
         "Cảnh báo, trường \"months\": số tháng 13 không hợp lệ (phải từ 1 đến 12)."),
        ("checked before it was signed", "/checked_on", json!("2026-01-01"), "checked_before_document", "/checked_on",
         "Quy định, trường \"checked_on\": ngày đối chiếu 01/01/2026 trước ngày của văn bản 03/02/2026."),
        ("an exemption without label", "/exemptions/0/label", json!(""), "empty_text", "/exemptions/0/label",
         "Trường hợp miễn thứ 1 («tuoi_dang_50»), trường \"label\": chưa có nội dung."),
        ("a range kind with an amount", "/categories/10", category(json!({ "kind": "range", "amount_dong": 1000, "min_dong": 1, "max_dong": 2 })),
         "not_for_kind", "/categories/10/amount_dong",
         "Loại đảng viên thứ 11 («moi»), trường \"amount_dong\": cách tính «số tiền trong khoảng» không dùng trường này; hãy bỏ đi."),
        ("a range without its top", "/categories/10", category(json!({ "kind": "range", "amount_dong": null, "min_dong": 1 })),
         "missing_for_kind", "/categories/10/max_dong",
         "Loại đảng viên thứ 11 («moi»), trường \"max_dong\": còn thiếu: cách tính «số tiền trong khoảng» cần trường này."),
    ];
    let mut codes = BTreeSet::new();
    for (case, pointer, new, code, at_pointer, message) in table {
        let mut value = builtin_value();
        if pointer == "/categories/10" {
            value["categories"].as_array_mut().unwrap().push(new);
        } else {
            set(&mut value, pointer, new);
        }
        let Err(DuesRuleLoadError::Invalid(problems)) = DuesRules::from_json(&value.to_string()) else {
            panic!("{case}: expected problems");
        };
        let problem = problems
            .iter()
            .find(|problem| problem.kind.code() == code)
            .unwrap_or_else(|| panic!("{case}: {problems:?}"));
        assert_eq!(problem.pointer(), at_pointer, "{case}");
        assert_eq!(problem.to_string(), message, "{case}");
        let whole = DuesRuleLoadError::Invalid(problems.clone()).to_string();
        assert!(whole.starts_with("Tệp quy định đảng phí có") && whole.contains(message), "{case}: {whole}");
        codes.insert(code);
    }
    let all: BTreeSet<&str> = ProblemKind::ALL_CODES.into_iter().collect();
    assert_eq!(codes, all, "every problem kind has a case");
}

#[test]
fn a_rule_file_of_the_wrong_shape_is_refused_with_its_place() {
    // (what, change, text the message must hold)
    type Change = Box<dyn Fn(&mut Value)>;
    let table: Vec<(&str, Change, &str)> = vec![
        ("a misspelt field", Box::new(|v: &mut Value| v["categories"][0]["percent"] = json!(100)), "unknown field `percent`"),
        ("an unknown kind", Box::new(|v: &mut Value| v["categories"][0]["kind"] = json!("percent")), "unknown variant `percent`"),
        ("an unknown way", Box::new(|v: &mut Value| v["payment_ways"][0]["way"] = json!("bank")), "unknown variant `bank`"),
        ("a date as words", Box::new(|v: &mut Value| v["effective_from"] = json!("01/02/2026")), "dòng"),
        ("a negative amount", Box::new(|v: &mut Value| v["categories"][3]["amount_dong"] = json!(-5000)), "dòng"),
    ];
    for (case, change, detail) in table {
        let mut value = builtin_value();
        change(&mut value);
        let text = serde_json::to_string_pretty(&value).unwrap();
        let error = DuesRules::from_json(&text).expect_err(case);
        assert!(matches!(error, DuesRuleLoadError::Syntax { line, .. } if line > 1), "{case}: {error:?}");
        let message = error.to_string();
        assert!(message.starts_with("Tệp quy định đảng phí không đúng định dạng (dòng "), "{case}: {message}");
        assert!(message.contains(detail), "{case}: {message}");
    }
    // A committee's own minimal file loads: the optional parts may be absent.
    let minimal = json!({
        "format_version": 1,
        "id": "dang-uy-xa-an-phu-2026",
        "name": "Đảng phí theo thông báo của Đảng ủy xã",
        "basis": { "document": "Thông báo số 12-TB/ĐU", "issuer": "Đảng ủy xã An Phú", "number": "12-TB/ĐU", "date": "2026-03-01" },
        "effective_from": "2026-03-01",
        "sources": ["Thông báo giấy của Đảng ủy xã"],
        "checked_on": "2026-03-02",
        "categories": [{ "key": "hs", "label": "Học sinh", "kind": "fixed", "amount_dong": 5000, "confirmed": true }],
        "payment_ways": [{ "way": "cash", "label": "Tiền mặt", "confirmed": true }],
        "chi_bo_share": 3000,
        "warning": { "months": 3 }
    });
    let rules = DuesRules::from_json(&minimal.to_string()).expect("loads");
    assert!(rules.effective_from_confirmed && !rules.warning.consecutive);
    assert_eq!(rules.chi_bo_share, Some(3000));
}

// ---------------------------------------------------------------------------------------
// Records, formats, sheets
// ---------------------------------------------------------------------------------------

#[test]
fn records_travel_as_plain_json() {
    let mut payment = ahead("pay-1", "m1", ym(2026, 3), 3, 90_000);
    payment.way = PaymentWay::Portal;
    payment.paid_on = Some(day(2026, 3, 5));
    let json = serde_json::to_value(&payment).unwrap();
    assert_eq!(json["month"], "2026-03");
    assert_eq!(json["months_covered"], 3);
    assert_eq!(json["way"], "portal");
    assert_eq!(json["paid_on"], "2026-03-05");
    assert_eq!(serde_json::from_value::<DuesPayment>(json).unwrap(), payment);
    // A one-month payment leaves months_covered out, and reads back as one month.
    let single = pay("pay-2", "m1", ym(2026, 4), 30_000, PaymentWay::Cash);
    let json = serde_json::to_value(&single).unwrap();
    assert!(json.get("months_covered").is_none() && json.get("note").is_none());
    assert_eq!(serde_json::from_value::<DuesPayment>(json).unwrap(), single);
    // The rule file's spellings of the ways are read too.
    assert_eq!(serde_json::from_str::<PaymentWay>("\"national_portal\"").unwrap(), PaymentWay::Portal);
    assert_eq!(serde_json::from_str::<PaymentWay>("\"cash_to_chi_bo\"").unwrap(), PaymentWay::Cash);
    let mut profile = DuesProfile::new("m1", "huu_tri", 30_000, at(3));
    profile.reliefs.push(DuesRelief {
        kind: ReliefKind::Reduced { basis_points: 3000 },
        from: ym(2026, 1),
        to: Some(ym(2026, 6)),
        note: "Nghị quyết chi bộ tháng 12/2025".into(),
    });
    let json = serde_json::to_value(&profile).unwrap();
    assert_eq!(json["reliefs"][0], json!({ "kind": "reduced", "basis_points": 3000, "from": "2026-01", "to": "2026-06", "note": "Nghị quyết chi bộ tháng 12/2025" }));
    assert_eq!(serde_json::from_value::<DuesProfile>(json).unwrap(), profile);
}

#[test]
fn months_read_only_as_year_dash_month() {
    let table: &[(&str, Option<(i32, u32)>)] = &[
        ("2026-03", Some((2026, 3))),
        ("2026-12", Some((2026, 12))),
        ("0001-01", Some((1, 1))),
        ("2026-13", None),
        ("2026-00", None),
        ("2026-3", None),
        ("26-03", None),
        ("2026/03", None),
        ("2026-03-01", None),
        ("+202-03", None),
        ("", None),
    ];
    for (text, expected) in table {
        let parsed: Option<YearMonth> = text.parse().ok();
        assert_eq!(parsed.map(|m| (m.year(), m.month())), *expected, "{text:?}");
        let json = serde_json::from_str::<YearMonth>(&format!("\"{text}\""));
        assert_eq!(json.is_ok(), expected.is_some(), "{text:?}");
    }
    assert_eq!(ym(2026, 2).last_day(), day(2026, 2, 28));
    assert_eq!(ym(2028, 2).last_day(), day(2028, 2, 29));
    assert_eq!(ym(2026, 12).next(), Some(ym(2027, 1)));
    assert_eq!(ym(2026, 1).plus(-1), Some(ym(2025, 12)));
    assert_eq!(ym(9999, 12).next(), None);
    assert_eq!(words::month(ym(2026, 3)), "tháng 3/2026");
}

#[test]
fn money_and_percentages_in_vietnamese() {
    let money: &[(u64, &str)] = &[
        (0, "0 đ"),
        (5_000, "5.000 đ"),
        (15_930, "15.930 đ"),
        (1_240_000, "1.240.000 đ"),
        (999, "999 đ"),
        (1_000_000_000, "1.000.000.000 đ"),
    ];
    for (dong, text) in money {
        assert_eq!(words::money(*dong), *text);
    }
    let percents: &[(u32, &str)] = &[(100, "1%"), (50, "0,5%"), (30, "0,3%"), (20, "0,2%"), (3000, "30%"), (125, "1,25%"), (10_000, "100%")];
    for (points, text) in percents {
        assert_eq!(words::basis_points(*points), *text);
    }
}

#[test]
fn the_sheets_hold_money_as_whole_numbers() {
    let rules = rules();
    let mut roster = vec![member("a"), member("b"), member("c")];
    roster[2].joined_on = Some(day(2026, 3, 1));
    let profiles = vec![DuesProfile::new("a", "bhxh_bat_buoc", 45_000, at(0))];
    let payments = vec![
        pay("1", "a", ym(2026, 1), 45_000, PaymentWay::Cash),
        pay("2", "a", ym(2026, 2), 45_000, PaymentWay::Portal),
        pay("3", "b", ym(2026, 2), 1_240_000, PaymentWay::Cash),
    ];
    let month = month_book(ym(2026, 2), &roster, &profiles, &payments, &rules);
    let sheet = words::month_sheet(&month, &rules);
    assert_eq!(sheet.header, words::MONTH_SHEET_HEADER.map(String::from).to_vec());
    assert_eq!(sheet.rows.len(), 3, "a, b and the total (c joined in March)");
    assert_eq!(sheet.rows[0][4], Cell::Integer(45_000));
    assert_eq!(sheet.rows[0][7], Cell::Integer(45_000));
    assert_eq!(sheet.rows[2][1], Cell::Text("Tổng cộng".into()));
    assert_eq!(sheet.rows[2][2], Cell::Text("Đã thu 2/2".into()));
    assert_eq!(sheet.rows[2][4], Cell::Integer(1_285_000));
    let csv = to_csv(&sheet);
    assert!(csv.contains("\"STT\";\"Họ và tên\"") || csv.contains("STT;Họ và tên"), "{csv}");
    assert!(csv.contains(";1285000;1240000;45000"), "{csv}");

    let year = year_book(2026, ym(2026, 3), &roster, &profiles, &payments, &rules);
    let sheet = words::year_sheet(&year);
    assert_eq!(sheet.header.len(), 18);
    let a = &sheet.rows[0];
    assert_eq!((a[2].clone(), a[3].clone(), a[4].clone(), a[5].clone()), (Cell::Integer(45_000), Cell::Integer(45_000), Cell::Text("Chưa đóng".into()), Cell::Empty));
    assert_eq!((a[14].clone(), a[15].clone(), a[17].clone()), (Cell::Integer(2), Cell::Integer(1), Cell::Integer(90_000)));
    let c = &sheet.rows[2];
    assert_eq!((c[2].clone(), c[4].clone()), (Cell::Text("Ngoài chi bộ".into()), Cell::Text("Chưa đóng".into())));
    let total = sheet.rows.last().unwrap();
    assert_eq!((total[2].clone(), total[3].clone(), total[4].clone(), total[17].clone()), (Cell::Integer(45_000), Cell::Integer(1_285_000), Cell::Integer(0), Cell::Integer(1_330_000)));
    assert_eq!(words::month_sheet_file_name(ym(2026, 2)), "dang-phi-2026-02.csv");
    assert_eq!(words::year_sheet_file_name(2026), "dang-phi-2026.csv");
}
