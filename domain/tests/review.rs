//! The year-end review: the evidence of a hand-built year checked against figures worked
//! out here, each member's year, the review record, the dossier template and its
//! validation, and the year as spreadsheet tables.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::{json, Value};
use sotay_domain::analytics::AttendanceWarning;
use sotay_domain::model::{Attendance, MemberStatus, NextTask, PreviousTask, ScoreSheet, VoteTally};
use sotay_domain::text::sheets::{attendance_sheet, year_summary_sheet};
use sotay_domain::review::template::BUILTIN_TEMPLATE_JSON;
use sotay_domain::review::{
    voters_on, year_evidence, DossierTemplate, ReviewLevel, ReviewProblem, ReviewStatus,
    TaskOutcome, TemplateError, TemplateLoadError, YearEvidence, YearReview,
};
use sotay_domain::spreadsheet::Cell;
use sotay_domain::{Decimal, Framework, Meeting, MeetingKind, Member, Rating};

fn task(id: &str, who: &str, what: &str) -> NextTask {
    NextTask {
        id: id.into(),
        who: who.into(),
        what: what.into(),
        deadline: None,
    }
}

fn checked(id: &str, done: bool) -> PreviousTask {
    PreviousTask {
        id: id.into(),
        what: "Nhiệm vụ được giao".into(),
        done,
        result: String::new(),
    }
}

/// 2025, five members, twelve meetings on the 3rd (An Phú), full marks otherwise:
/// - chuyên đề (kết hợp) in March, June and November: quarter 3 has none;
/// - m001 absent without reason in February, May and September (removal to consider);
/// - m002 absent with reason July to October, four in a row (a long run);
/// - m004 recorded as speaking only from July;
/// - tasks: January gives m003 "task-jan" (done in February), March gives m005
///   "task-mar" (not done in April), December gives m003 "task-dec" (never checked);
/// - the superior committee scored December without 7.1 (2 points).
fn hand_built_year(framework: &Framework, roster: &[Member]) -> Vec<Meeting> {
    let thematic_months = [3, 6, 11];
    (1..=12u32)
        .map(|month| {
            let kind = if thematic_months.contains(&month) {
                MeetingKind::KetHop
            } else {
                MeetingKind::ThuongKy
            };
            let mut meeting = full_marks_meeting(framework, roster, day(2025, month, 3), kind);
            meeting.id = format!("meeting-{month:02}");
            if [2, 5, 9].contains(&month) {
                meeting.set_attendance(&roster[0].id, Attendance::AbsentWithoutReason);
            }
            if (7..=10).contains(&month) {
                meeting.set_attendance(&roster[1].id, with_reason());
            }
            if month <= 6 {
                meeting.speakers.retain(|id| *id != roster[3].id);
            }
            match month {
                1 => meeting.next_tasks.push(task("task-jan", &roster[2].id, "Vận động hội viên")),
                2 => meeting.previous_tasks.push(checked("task-jan", true)),
                3 => meeting.next_tasks.push(task("task-mar", &roster[4].id, "Làm đường thôn")),
                4 => meeting.previous_tasks.push(checked("task-mar", false)),
                12 => {
                    meeting.next_tasks.push(task("task-dec", &roster[2].id, "Tổng kết năm"));
                    let mut superior: ScoreSheet = meeting.own_sheet.clone();
                    superior.inputs.remove("7.1");
                    superior.scored_by = "Đồng chí Đảng ủy viên".into();
                    meeting.superior_sheet = Some(superior);
                }
                _ => {}
            }
            meeting
        })
        .collect()
}

fn evidence() -> (Vec<Member>, YearEvidence) {
    let framework = an_phu();
    let roster = roster(5);
    let meetings = hand_built_year(&framework, &roster);
    let evidence = year_evidence(2025, &roster, &meetings, &[], &[&framework], None);
    (roster, evidence)
}

#[test]
fn the_dossier_numbers_of_a_hand_built_year() {
    let (roster, evidence) = evidence();
    let summary = &evidence.summary;
    assert_eq!(summary.months_held, (1..=12).collect::<Vec<u32>>());
    assert!(summary.months_missing.is_empty());
    assert_eq!(summary.quarters_with_thematic, vec![1, 2, 4]);
    assert_eq!(summary.quarters_missing_thematic, vec![3]);
    assert_eq!(summary.thematic_meetings, 3);

    // Own totals worked out by hand (An Phú: 2.1 gives 4 from 90 %, 3 from 75 %, 1 when
    // anyone is absent without reason, +1 while nobody's run of absences with reason is
    // over 3 — lost from October on):
    // Jan 100, Feb 97 (1+1), Mar 100, Apr 100, May 97, Jun 100, Jul 99 (3+1), Aug 99,
    // Sep 97 (1+1), Oct 98 (3, bonus lost), Nov 99 (4, lost), Dec 99 (4, lost).
    let own: Vec<i64> = summary
        .meetings
        .iter()
        .map(|line| line.own.expect("scored").total.hundredths() / 100)
        .collect();
    assert_eq!(own, vec![100, 97, 100, 100, 97, 100, 99, 99, 97, 98, 99, 99]);
    // The superior committee's December: 99 − 2.
    let december = summary.meetings.last().expect("december");
    assert_eq!(december.superior.expect("scored").total, Decimal::from_int(97));
    assert_eq!(december.official().expect("official").total, Decimal::from_int(97));
    // Average of the official scores: (1185 − 99 + 97) / 12 = 98.583… → 98.58.
    assert_eq!(summary.average_score, Some(Decimal::from_hundredths(9858)));
    assert_eq!(summary.rating_counts.of(Rating::Tot), 12);
    // Attendance: six months 100 %, five 80 % (Feb, May, Jul, Aug, Oct), Sep 60 %:
    // (600 + 400 + 60) / 12 = 88.33…
    let average = summary.average_attendance_percent.expect("average");
    assert!((average - 1060.0 / 12.0).abs() < 1e-9, "{average}");
    // Tasks: 10 per meeting, plus task-jan (done) and task-mar (not done): 121/122.
    let tasks = summary.resolution_tasks_done.expect("tasks");
    assert_eq!((tasks.count, tasks.total), (121, 122));

    // Two members with warnings, each the right one.
    let warned: BTreeSet<&str> = evidence
        .members
        .iter()
        .filter(|member| !member.warnings.is_empty())
        .map(|member| member.member_id())
        .collect();
    assert_eq!(warned, BTreeSet::from([roster[0].id.as_str(), roster[1].id.as_str()]));
    let first = evidence.member(&roster[0].id).expect("m001");
    assert_eq!(
        first.warnings,
        vec![AttendanceWarning::RemovalFromRollsToConsider {
            member_id: roster[0].id.clone(),
            name: roster[0].name.clone(),
            months: vec![2, 5, 9],
        }]
    );
    let second = evidence.member(&roster[1].id).expect("m002");
    assert!(matches!(
        second.warnings.as_slice(),
        [AttendanceWarning::LongRunAbsentWithReason { run: 4, .. }]
    ));
}

#[test]
fn each_members_year() {
    let (roster, evidence) = evidence();
    let first = evidence.member(&roster[0].id).expect("m001");
    let a = &first.attendance;
    assert_eq!((a.expected, a.present, a.absent_without_reason), (12, 9, 3));
    assert_eq!(
        a.absent_without_reason_on,
        vec![day(2025, 2, 3), day(2025, 5, 3), day(2025, 9, 3)]
    );
    assert!(a.absent_with_reason_on.is_empty());
    // Listed as a speaker every month, but only counted when present.
    assert_eq!(a.spoke, 9);

    let second = &evidence.member(&roster[1].id).expect("m002").attendance;
    assert_eq!((second.present, second.absent_with_reason), (8, 4));
    assert_eq!(
        second.absent_with_reason_on,
        (7..=10).map(|month| day(2025, month, 3)).collect::<Vec<_>>()
    );

    assert_eq!(evidence.member(&roster[3].id).expect("m004").attendance.spoke, 6);

    let third = evidence.member(&roster[2].id).expect("m003");
    let outcomes: Vec<(&str, TaskOutcome)> = third
        .tasks
        .iter()
        .map(|task| (task.task_id.as_str(), task.outcome))
        .collect();
    assert_eq!(
        outcomes,
        vec![("task-jan", TaskOutcome::Done), ("task-dec", TaskOutcome::NotChecked)]
    );
    assert_eq!((third.tasks_assigned(), third.tasks_done()), (2, 1));
    let fifth = evidence.member(&roster[4].id).expect("m005");
    assert_eq!(fifth.tasks[0].outcome, TaskOutcome::NotDone);
    assert_eq!(fifth.tasks[0].assigned_on, day(2025, 3, 3));
    assert_eq!((fifth.tasks_assigned(), fifth.tasks_done()), (1, 0));
}

#[test]
fn a_december_task_checked_in_january_counts_as_done() {
    let framework = an_phu();
    let roster = roster(5);
    let mut meetings = hand_built_year(&framework, &roster);
    let mut january = full_marks_meeting(&framework, &roster, day(2026, 1, 3), MeetingKind::ThuongKy);
    january.previous_tasks.push(checked("task-dec", true));
    meetings.push(january);
    let evidence = year_evidence(2025, &roster, &meetings, &[], &[&framework], None);
    let third = evidence.member(&roster[2].id).expect("m003");
    assert_eq!(third.tasks[1].outcome, TaskOutcome::Done);
    // …but the year's own figures do not take in next year's meeting.
    assert_eq!(evidence.summary.meetings.len(), 12);
}

#[test]
fn the_year_as_spreadsheet_tables() {
    let (roster, evidence) = evidence();
    let sheet = year_summary_sheet(&evidence);
    assert_eq!(sheet.rows.len(), 13, "12 months and the average");
    let september = &sheet.rows[8];
    assert_eq!(september[0], Cell::Integer(9));
    assert_eq!(september[1], Cell::Date(day(2025, 9, 3)));
    assert_eq!(september[4], Cell::Integer(3));
    assert_eq!(september[5], Cell::Integer(5));
    assert_eq!(september[6], Cell::PercentTenths(600));
    assert_eq!(september[7], Cell::Decimal(Decimal::from_int(97)));
    assert_eq!(september[8], Cell::Text("Tốt".into()));
    let december = &sheet.rows[11];
    assert_eq!(december[9], Cell::Decimal(Decimal::from_int(97)));
    let average = &sheet.rows[12];
    assert_eq!(average[6], Cell::PercentTenths(883));
    assert_eq!(average[7], Cell::Decimal(Decimal::from_hundredths(9858)));
    assert_eq!(sheet.header.len(), 11);

    // A month without a meeting gets a row that says so.
    let framework = an_phu();
    let mut meetings = hand_built_year(&framework, &roster);
    meetings.retain(|meeting| meeting.id != "meeting-07");
    let gap = year_evidence(2025, &roster, &meetings, &[], &[&framework], None);
    let july = &year_summary_sheet(&gap).rows[6];
    assert_eq!(july[0], Cell::Integer(7));
    assert_eq!(july[2], Cell::Text("Không sinh hoạt".into()));

    let members = attendance_sheet(&evidence);
    assert_eq!(members.rows.len(), 5);
    assert_eq!(members.header.len(), members.rows[0].len());
    let first = &members.rows[0];
    assert_eq!(first[0], Cell::Text(roster[0].name.clone()));
    assert_eq!(first[2..6], [Cell::Integer(12), Cell::Integer(9), Cell::Integer(0), Cell::Integer(3)]);
    assert_eq!(first[8], Cell::PercentTenths(750));
    assert!(matches!(&first[12], Cell::Text(text) if text.contains("xóa tên")));
    let third = &members.rows[2];
    assert_eq!(third[10..12], [Cell::Integer(2), Cell::Integer(1)]);
    assert_eq!(members.rows[3][12], Cell::Text(String::new()));
}

// ---------------------------------------------------------------------------------------
// The review record
// ---------------------------------------------------------------------------------------

#[test]
fn a_review_is_finalised_only_when_complete_and_the_vote_fits_the_voters() {
    let template = DossierTemplate::builtin();
    let mut roster = roster(5);
    roster[4].status = MemberStatus::DuBi; // a probationary member does not vote
    let voters = voters_on(&roster, day(2025, 12, 20));
    assert_eq!(voters, 4);
    let mut review = YearReview::new(2025, &template.id, now());
    assert_eq!(review.id, "review-2025");
    let problems = review.problems(&template, voters);
    assert_eq!(problems.len(), 4 + 3, "{problems:?}");
    assert_eq!(problems[0], ReviewProblem::EmptySection { section_id: "ket_qua".into() });
    assert!(problems[0].message(&template).contains("Kết quả thực hiện nhiệm vụ"));

    for section in &template.sections {
        review.set_section(&section.id, "Nội dung chi bộ viết.");
    }
    review.proposed_level = Some(ReviewLevel::HoanThanhTot);
    review.reviewed_on = Some(day(2025, 12, 20));
    let vote = |in_favour, against, abstain| VoteTally { in_favour, against, abstain };
    let table = [
        (vote(5, 0, 0), Some(ReviewProblem::VoteExceedsVoters { cast: 5, voters: 4 })),
        (vote(0, 0, 0), Some(ReviewProblem::EmptyVote)),
        (vote(3, 1, 0), None),
        (vote(4, 0, 0), None),
    ];
    for (tally, expected) in table {
        review.vote = Some(tally);
        assert_eq!(review.problems(&template, voters), expected.into_iter().collect::<Vec<_>>(), "{tally:?}");
    }
    let message = ReviewProblem::VoteExceedsVoters { cast: 5, voters: 4 }.message(&template);
    assert!(message.contains("(5)") && message.contains("(4)"), "{message}");
}

#[test]
fn a_review_round_trips_and_keeps_texts_of_sections_the_template_lost() {
    let template = DossierTemplate::builtin();
    let mut review = YearReview::new(2025, &template.id, now());
    review.set_section("han_che", "Có lúc chưa đúng giờ.");
    review.set_section("muc_cu", "Đề mục của mẫu cũ.");
    review.set_section("ket_qua", "");
    review.proposed_level = Some(ReviewLevel::HoanThanhXuatSac);
    review.status = ReviewStatus::Finalised;
    let json = serde_json::to_string(&review).expect("json");
    assert!(json.contains("\"proposed_level\":\"hoan_thanh_xuat_sac\""), "{json}");
    assert!(!json.contains("ket_qua"), "an emptied section is not kept: {json}");
    let back: YearReview = serde_json::from_str(&json).expect("reads");
    assert_eq!(back, review);
    assert_eq!(review.sections_not_in(&template), vec!["muc_cu"]);
    // Reopening is a status change: the texts stay.
    let mut reopened = back;
    reopened.status = ReviewStatus::Draft;
    assert_eq!(reopened.section_text("han_che"), "Có lúc chưa đúng giờ.");
}

#[test]
fn the_level_is_the_chi_bos_choice_never_computed() {
    // Same evidence, any level: nothing in the review depends on the scores.
    let template = DossierTemplate::builtin();
    for level in ReviewLevel::BEST_FIRST {
        let mut review = YearReview::new(2025, &template.id, now());
        review.proposed_level = Some(level);
        assert!(!review.problems(&template, 5).contains(&ReviewProblem::NoProposedLevel));
        assert_eq!(ReviewLevel::from_name(level.name()), Some(level));
        assert!(template.conditions_of(level).is_some_and(|text| !text.is_empty()));
    }
}

// ---------------------------------------------------------------------------------------
// The dossier template
// ---------------------------------------------------------------------------------------

#[test]
fn the_builtin_template_is_a_summary_with_its_basis() {
    let template = DossierTemplate::from_json(BUILTIN_TEMPLATE_JSON).expect("valid");
    assert_eq!(template.wording_status, sotay_domain::framework::WordingStatus::Summary);
    assert!(template.legal_basis.iter().any(|basis| basis.contains("366-QĐ/TW")));
    assert!(template.legal_basis.iter().any(|basis| basis.contains("43-HD/BTCTW")));
    let ids: Vec<&str> = template.sections.iter().map(|section| section.id.as_str()).collect();
    assert_eq!(ids, vec!["ket_qua", "han_che", "khac_phuc", "phuong_huong"]);
    assert!(template
        .conditions_of(ReviewLevel::HoanThanhXuatSac)
        .is_some_and(|text| text.contains("90") && text.contains("30%")));
    assert_eq!(template, DossierTemplate::builtin());
}

/// (what is wrong, JSON pointer, new value, expected code, text the message must contain)
fn template_cases() -> Vec<(&'static str, &'static str, Value, &'static str, &'static str)> {
    vec![
        ("format from the future", "/format_version", json!(2), "unsupported_format_version", "phiên bản 2"),
        ("no name", "/name", json!(" "), "empty_field", "\"name\" của mẫu báo cáo kiểm điểm"),
        ("no source", "/source", json!(""), "empty_field", "\"source\""),
        ("no basis", "/legal_basis", json!([]), "no_legal_basis", "legal_basis"),
        ("no sections", "/sections", json!([]), "no_sections", "sections"),
        ("section without id", "/sections/1/id", json!(""), "empty_field", "đề mục thứ 2"),
        ("section without heading", "/sections/2/heading", json!(""), "empty_field", "đề mục \"khac_phuc\""),
        ("two sections, one id", "/sections/1/id", json!("ket_qua"), "duplicate_section_id", "\"ket_qua\""),
        ("a level missing", "/levels/3/level", json!("hoan_thanh"), "missing_level", "Không hoàn thành nhiệm vụ"),
        ("a level twice", "/levels/3/level", json!("hoan_thanh"), "duplicate_level", "Hoàn thành nhiệm vụ"),
        ("a level without conditions", "/levels/0/conditions", json!(""), "empty_field", "mức \"Hoàn thành xuất sắc nhiệm vụ\""),
    ]
}

fn mutated(pointer: &str, value: &Value) -> String {
    let mut document: Value = serde_json::from_str(BUILTIN_TEMPLATE_JSON).expect("json");
    *document.pointer_mut(pointer).expect("pointer") = value.clone();
    document.to_string()
}

#[test]
fn each_template_mistake_gives_its_error_naming_the_place() {
    for (what, pointer, value, code, place) in template_cases() {
        let errors = match DossierTemplate::from_json(&mutated(pointer, &value)) {
            Err(TemplateLoadError::Invalid(errors)) => errors,
            other => panic!("{what}: expected errors, got {other:?}"),
        };
        let error = errors
            .iter()
            .find(|error| error.code() == code)
            .unwrap_or_else(|| panic!("{what}: expected {code}, got {errors:?}"));
        let message = error.to_string();
        assert!(message.contains(place), "{what}: {message:?} should name {place:?}");
    }
    let produced: BTreeSet<&str> = template_cases().iter().map(|case| case.3).collect();
    let all: BTreeSet<&str> = TemplateError::ALL_CODES.into_iter().collect();
    assert_eq!(produced, all, "every error has a case");
}

#[test]
fn a_template_that_is_not_json_or_misspelt_names_the_line() {
    let not_json = DossierTemplate::from_json("{ \"id\": ").expect_err("refused");
    assert!(not_json.to_string().contains("dòng 1"), "{not_json}");
    let misspelt = BUILTIN_TEMPLATE_JSON.replacen("\"sections\"", "\"sectons\"", 1);
    let error = DossierTemplate::from_json(&misspelt).expect_err("refused");
    let message = error.to_string();
    assert!(message.contains("không đúng định dạng") && message.contains("sectons"), "{message}");
    let unknown_level = BUILTIN_TEMPLATE_JSON.replacen("\"hoan_thanh_tot\"", "\"kha\"", 1);
    assert!(matches!(
        DossierTemplate::from_json(&unknown_level),
        Err(TemplateLoadError::Syntax { .. })
    ));
    // Every problem at once, counted in the heading line.
    let two = {
        let mut document: Value = serde_json::from_str(BUILTIN_TEMPLATE_JSON).expect("json");
        document["name"] = json!("");
        document["sections"] = json!([]);
        document.to_string()
    };
    let message = DossierTemplate::from_json(&two).expect_err("refused").to_string();
    assert!(message.starts_with("Mẫu báo cáo kiểm điểm có 2 lỗi cần sửa:"), "{message}");
}
