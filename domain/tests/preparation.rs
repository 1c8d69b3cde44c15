//! Preparing a meeting (issue 32): the preparation rule kinds scored from the meeting's
//! plan (table cases), the secretary's tick as an override, a meeting without a plan, the
//! plan → meeting hand-over, the notice and the calendar file (RFC 5545 escaping, folding,
//! a round trip through an unfolding parser).

mod common;

use chrono::{NaiveDate, NaiveTime};
use common::{clock, day, now};
use sotay_domain::framework::Rule;
use sotay_domain::model::{ChiBo, ChiBoKind, CriterionInput, MemberRole, NextTask, PreviousTask};
use sotay_domain::preparation::ics::{self, EventTime};
use sotay_domain::preparation::{
    self, days_before, draft_plan, meeting_from_plan, meeting_of, notice_facts, open_plans, plan_of, CommitteePreparation,
    ContentFrom, ContentItem, MeetingPlan, PlanLink, PlanMonth, PreparationDerivation, SentHow, Sending,
};
use sotay_domain::scoring::{Adjustment, Derivation, Notice, PointsSource};
use sotay_domain::{score_own_sheet, Decimal, Framework, Meeting, MeetingKind, Member, MeetingScore, Timestamp};

/// A framework of the five preparation kinds only, worth the An Phú points.
const PREPARATION_FRAMEWORK: &str = r#"{
  "format_version": 1,
  "id": "chuan-bi-thu",
  "name": "Khung thử công tác chuẩn bị",
  "issued_by": "Bộ kiểm thử",
  "legal_basis": [],
  "source": "Bộ kiểm thử",
  "wording_status": "unverified",
  "applies_to": ["thuong_ky", "chuyen_de", "ket_hop"],
  "total_points": 10,
  "rating_thresholds": { "tot": 9, "kha": 7, "trung_binh": 5 },
  "groups": [{
    "id": "3", "label": "Công tác chuẩn bị", "max_points": 10,
    "criteria": [
      { "id": "3.1", "label": "Nội dung", "max_points": 3, "rule": { "type": "content_prepared" } },
      { "id": "3.2", "label": "Đề cương và dự thảo", "max_points": 2, "rule": { "type": "outline_and_draft" } },
      { "id": "3.3", "label": "Chi ủy họp chuẩn bị", "max_points": 2, "rule": { "type": "committee_prepared", "requires_minutes": true } },
      { "id": "3.4", "label": "Thông báo", "max_points": 1, "rule": { "type": "notice_sent", "requires_superior": true } },
      { "id": "3.5", "label": "Tài liệu", "max_points": 2, "rule": { "type": "documents_sent", "min_days_before": 1 } }
    ]
  }]
}"#;

fn framework() -> Framework {
    Framework::from_json(PREPARATION_FRAMEWORK).expect("the test framework is valid")
}

fn at(rfc3339: &str) -> Timestamp {
    rfc3339.parse().expect("moment")
}

/// A moment given in Vietnam time ("2026-03-01 19:05").
fn vn(local: &str) -> Timestamp {
    at(&format!("{}:00+07:00", local.replace(' ', "T")))
}

fn sent(local: &str) -> Option<Sending> {
    Some(Sending { at: vn(local), how: SentHow::MarkedByUser })
}

fn roster() -> Vec<Member> {
    let mut secretary = Member::new("m1", "Nguyễn Văn An", now());
    secretary.role = MemberRole::BiThu;
    vec![secretary, Member::new("m2", "Trần Thị Bình", now()), Member::new("m3", "Lê Văn Cường", now())]
}

/// The meeting of 03/03/2026 at 19:30 made from `plan`.
fn meeting_of_plan(plan: &MeetingPlan) -> Meeting {
    let mut meeting = Meeting::new_draft("meeting-2026-03", day(2026, 3, 3), MeetingKind::ThuongKy, "chuan-bi-thu", now());
    meeting.start_time = Some(clock(19, 30));
    meeting.plan_id = Some(plan.id.clone());
    meeting
}

/// A plan with everything done: content, outline, draft, chi ủy meeting with minutes,
/// both notices and the documents two days ahead.
fn complete_plan() -> MeetingPlan {
    let mut plan = MeetingPlan::new("plan-2026-03", day(2026, 3, 3), MeetingKind::ThuongKy, now());
    plan.content = vec![ContentItem { text: "Đánh giá kết quả tháng 2".into(), from: ContentFrom::Added, reference: String::new() }];
    plan.outline = "1. Kết quả làm đường liên xóm.\n2. Nhiệm vụ tháng 3.".into();
    plan.draft_resolution = "Chi bộ thống nhất…".into();
    plan.committee = Some(CommitteePreparation::Meeting {
        date: day(2026, 2, 27),
        attendees: vec!["m1".into(), "m2".into()],
        minutes: "Chi ủy thống nhất nội dung.".into(),
    });
    plan.notice_to_members = sent("2026-03-01 19:05");
    plan.notice_to_superior = sent("2026-03-01 19:10");
    plan.documents_sent = sent("2026-03-01 19:05");
    plan
}

fn score(plan: Option<&MeetingPlan>, meeting: &Meeting, roster: &[Member]) -> MeetingScore {
    let plans: Vec<MeetingPlan> = plan.into_iter().cloned().collect();
    score_own_sheet(&framework(), meeting, roster, &[], &plans)
}

fn points_of(score: &MeetingScore, id: &str) -> Decimal {
    score.criterion(id).expect("criterion").points
}

fn preparation_fact(score: &MeetingScore, id: &str) -> PreparationDerivation {
    match &score.criterion(id).expect("criterion").derivation {
        Derivation::Preparation(facts) => facts.clone(),
        other => panic!("{id}: not a preparation derivation: {other:?}"),
    }
}

#[test]
fn a_complete_plan_scores_every_criterion_in_full() {
    let plan = complete_plan();
    let result = score(Some(&plan), &meeting_of_plan(&plan), &roster());
    assert_eq!(result.total, Decimal::from_int(10), "{:#?}", result.criteria);
    assert!(result.criteria.iter().all(|criterion| criterion.source == PointsSource::Computed));
    assert!(result.notices.is_empty(), "{:?}", result.notices);
}

/// (what, change to the complete plan, criterion, points expected, words the line must hold)
type Case = (&'static str, fn(&mut MeetingPlan, &mut Meeting), &'static str, i64, &'static str);

fn cases() -> Vec<Case> {
    vec![
        ("documents two days before", |_, _| {}, "3.5", 2, "Đã gửi tài liệu lúc 19:05 ngày 01/03/2026, trước 2 ngày (cần gửi trước ít nhất 1 ngày) → 2 điểm"),
        ("documents the evening before", |p, _| p.documents_sent = sent("2026-03-02 23:30"), "3.5", 2, "trước 1 ngày"),
        ("documents on the day", |p, _| p.documents_sent = sent("2026-03-03 07:00"), "3.5", 0, "trong ngày sinh hoạt"),
        // 00:30 in Vietnam is still the day before in UTC: the day counts in Vietnam time.
        ("documents just after midnight", |p, _| p.documents_sent = sent("2026-03-03 00:30"), "3.5", 0, "lúc 00:30 ngày 03/03/2026, trong ngày sinh hoạt"),
        ("documents after the meeting", |p, _| p.documents_sent = sent("2026-03-04 08:00"), "3.5", 0, "sau ngày sinh hoạt 1 ngày"),
        ("documents never sent", |p, _| p.documents_sent = None, "3.5", 0, "Chưa gửi tài liệu (cần gửi trước ít nhất 1 ngày) → 0 điểm"),
        ("both notices", |_, _| {}, "3.4", 1, "Thông báo cho đảng viên: đã gửi lúc 19:05 ngày 01/03/2026; cho đồng chí cấp ủy viên cấp trên phụ trách: đã gửi lúc 19:10 ngày 01/03/2026 → 1 điểm"),
        ("no notice to the superior", |p, _| p.notice_to_superior = None, "3.4", 0, "cấp trên phụ trách: chưa gửi → 0 điểm"),
        ("no notice to members", |p, _| p.notice_to_members = None, "3.4", 0, "Thông báo cho đảng viên: chưa gửi"),
        ("notice after the start", |p, _| p.notice_to_members = sent("2026-03-03 19:45"), "3.4", 0, "sau khi buổi sinh hoạt đã bắt đầu"),
        ("notice just before the start", |p, _| p.notice_to_members = sent("2026-03-03 19:20"), "3.4", 1, "đã gửi lúc 19:20 ngày 03/03/2026"),
        ("notice on the day, no start time", |p, m| {
            p.notice_to_members = sent("2026-03-03 21:00");
            m.start_time = None;
        }, "3.4", 1, "đã gửi lúc 21:00 ngày 03/03/2026"),
        ("chi ủy met with minutes", |_, _| {}, "3.3", 2, "Chi ủy họp chuẩn bị ngày 27/02/2026, 2 đồng chí dự, có biên bản → 2 điểm"),
        ("chi ủy met without minutes", |p, _| {
            p.committee = Some(CommitteePreparation::Meeting { date: day(2026, 2, 27), attendees: vec![], minutes: " ".into() });
        }, "3.3", 0, "chưa ghi biên bản nên chưa đạt → 0 điểm"),
        ("chi ủy met after the meeting", |p, _| {
            p.committee = Some(CommitteePreparation::Meeting { date: day(2026, 3, 4), attendees: vec![], minutes: "Có".into() });
        }, "3.3", 0, "sau ngày sinh hoạt nên không tính"),
        ("chi ủy met on the day", |p, _| {
            p.committee = Some(CommitteePreparation::Meeting { date: day(2026, 3, 3), attendees: vec![], minutes: "Có".into() });
        }, "3.3", 2, "ngày 03/03/2026"),
        ("only a bí thư", |p, _| p.committee = Some(CommitteePreparation::OnlySecretary), "3.3", 2, "Chi bộ chỉ có bí thư (không có chi ủy): được tính đủ → 2 điểm"),
        ("nothing about the chi ủy", |p, _| p.committee = None, "3.3", 0, "Chưa ghi chi ủy họp chuẩn bị"),
        ("content", |_, _| {}, "3.1", 3, "Kế hoạch có 1 nội dung sinh hoạt → 3 điểm"),
        ("blank content rows", |p, _| p.content = vec![ContentItem { text: "  ".into(), from: ContentFrom::Added, reference: String::new() }], "3.1", 0, "Kế hoạch chưa có nội dung sinh hoạt → 0 điểm"),
        ("outline and draft", |_, _| {}, "3.2", 2, "Có đề cương gợi ý thảo luận và dự thảo nghị quyết, kết luận → 2 điểm"),
        ("no outline", |p, _| p.outline.clear(), "3.2", 0, "Còn thiếu đề cương gợi ý thảo luận → 0 điểm"),
        ("neither", |p, _| {
            p.outline.clear();
            p.draft_resolution = "\n".into();
        }, "3.2", 0, "Còn thiếu đề cương gợi ý thảo luận và dự thảo nghị quyết, kết luận"),
    ]
}

#[test]
fn each_preparation_kind_scores_from_the_plan() {
    for (what, change, criterion, expected, words) in cases() {
        let mut plan = complete_plan();
        let mut meeting = meeting_of_plan(&plan);
        change(&mut plan, &mut meeting);
        let result = score(Some(&plan), &meeting, &roster());
        let line = result.criterion(criterion).expect("criterion").derivation.to_string();
        assert_eq!(points_of(&result, criterion), Decimal::from_int(expected), "{what}: {line}");
        assert!(line.contains(words), "{what}: «{line}» lacks «{words}»");
    }
}

#[test]
fn days_are_calendar_days_in_vietnam_time() {
    let meeting_day = day(2026, 3, 3);
    assert_eq!(days_before(vn("2026-03-01 19:05"), meeting_day), 2);
    assert_eq!(days_before(vn("2026-03-01 00:00"), meeting_day), 2);
    assert_eq!(days_before(vn("2026-03-02 23:59"), meeting_day), 1);
    assert_eq!(days_before(at("2026-03-02T17:00:00Z"), meeting_day), 0, "00:00 on the 3rd in Vietnam");
    assert_eq!(days_before(vn("2026-03-05 08:00"), meeting_day), -2);
    let documents = |sending, required| preparation::criteria::documents(sending, meeting_day, required, Decimal::from_int(2)).0;
    assert_eq!(documents(sent("2026-03-03 06:00"), 0), Decimal::from_int(2), "0 days: the meeting day counts");
    assert_eq!(documents(sent("2026-03-01 06:00"), 3), Decimal::ZERO, "2 days are not 3");
}

#[test]
fn only_a_bi_thu_is_refused_when_the_roster_lists_chi_uy_members() {
    let mut plan = complete_plan();
    plan.committee = Some(CommitteePreparation::OnlySecretary);
    let mut roster = roster();
    roster[1].role = MemberRole::ChiUyVien;
    let result = score(Some(&plan), &meeting_of_plan(&plan), &roster);
    assert_eq!(points_of(&result, "3.3"), Decimal::ZERO);
    assert_eq!(
        preparation_fact(&result, "3.3"),
        PreparationDerivation::OnlySecretaryContradicted { committee_members: vec!["Trần Thị Bình".into()] }
    );
    // A chi ủy viên who left before the meeting does not count.
    roster[1].left_on = Some(day(2026, 1, 31));
    assert_eq!(points_of(&score(Some(&plan), &meeting_of_plan(&plan), &roster), "3.3"), Decimal::from_int(2));
}

#[test]
fn without_a_plan_every_preparation_criterion_needs_input() {
    let plan = complete_plan();
    let mut meeting = meeting_of_plan(&plan);
    meeting.plan_id = None;
    let result = score(Some(&plan), &meeting, &roster());
    assert_eq!(result.total, Decimal::ZERO);
    for criterion in &result.criteria {
        assert_eq!(criterion.source, PointsSource::NeedsInput, "{}", criterion.criterion_id);
        assert_eq!(criterion.derivation, Derivation::Preparation(PreparationDerivation::NoPlan));
        assert!(criterion.derivation.to_string().starts_with("Buổi sinh hoạt chưa gắn với kế hoạch chuẩn bị nào"));
    }
    assert!(matches!(&result.notices[..], [Notice::NeedsInput(labels)] if labels.len() == 5), "{:?}", result.notices);
    // A meeting naming a plan the records no longer hold says so.
    let orphan = meeting_of_plan(&plan);
    let result = score(None, &orphan, &roster());
    assert_eq!(preparation_fact(&result, "3.5"), PreparationDerivation::PlanMissing { plan_id: "plan-2026-03".into() });
    assert!(result.criterion("3.5").unwrap().derivation.to_string().contains("«plan-2026-03»"));
}

#[test]
fn the_secretarys_tick_overrides_to_full_points_and_is_listed() {
    let plan = complete_plan();
    let mut meeting = meeting_of_plan(&plan);
    meeting.plan_id = None;
    meeting.own_sheet.inputs.insert("3.5".into(), CriterionInput { ticked: true, ..CriterionInput::default() });
    let result = score(None, &meeting, &roster());
    let documents = result.criterion("3.5").unwrap();
    assert_eq!(documents.points, Decimal::from_int(2));
    assert_eq!(documents.source, PointsSource::Overridden);
    assert_eq!(documents.computed_points, Some(Decimal::ZERO));
    assert!(documents.derivation.to_string().starts_with("Nhập tay 2 điểm (máy tính được 0 điểm: Buổi sinh hoạt chưa gắn"));
    assert!(result.adjustments.iter().any(|adjustment| matches!(adjustment, Adjustment::Overridden { kept, .. } if *kept == Decimal::from_int(2))));
    // A tick over full points from the plan changes nothing and lists nothing.
    let mut linked = meeting_of_plan(&plan);
    linked.own_sheet.inputs.insert("3.5".into(), CriterionInput { ticked: true, ..CriterionInput::default() });
    let result = score(Some(&plan), &linked, &roster());
    assert_eq!(result.criterion("3.5").unwrap().source, PointsSource::Computed);
    assert!(result.adjustments.is_empty());
    // Points entered by hand still win over a tick.
    linked.own_sheet.inputs.insert(
        "3.5".into(),
        CriterionInput { ticked: true, override_points: Some(Decimal::from_int(1)), ..CriterionInput::default() },
    );
    assert_eq!(points_of(&score(Some(&plan), &linked, &roster()), "3.5"), Decimal::from_int(1));
}

#[test]
fn a_tick_on_another_computed_criterion_is_still_ignored() {
    let framework = common::an_phu();
    let roster = common::roster(3);
    let mut meeting = Meeting::new_draft("m", day(2026, 3, 3), MeetingKind::ThuongKy, &framework.id, now());
    meeting.own_sheet.inputs.insert("1.1".into(), CriterionInput { ticked: true, ..CriterionInput::default() });
    let result = score_own_sheet(&framework, &meeting, &roster, &[], &[]);
    assert_eq!(points_of(&result, "1.1"), Decimal::ZERO);
}

#[test]
fn plan_months_read_and_write_as_year_and_month() {
    let month: PlanMonth = serde_json::from_str("\"2026-03\"").expect("reads");
    assert_eq!(month, PlanMonth { year: 2026, month: 3 });
    assert_eq!(serde_json::to_string(&month).unwrap(), "\"2026-03\"");
    for wrong in ["\"2026-13\"", "\"2026-3\"", "\"26-03\"", "\"2026/03\"", "\"\"", "202603"] {
        assert!(serde_json::from_str::<PlanMonth>(wrong).is_err(), "{wrong}");
    }
    assert!(month.contains(day(2026, 3, 31)) && !month.contains(day(2026, 4, 1)));
}

#[test]
fn a_plan_round_trips_through_json_with_documented_names() {
    let mut plan = complete_plan();
    plan.start_time = Some(clock(19, 30));
    plan.place = "Nhà văn hóa thôn".into();
    let json = serde_json::to_value(&plan).expect("json");
    for key in ["id", "month", "kind", "date", "start_time", "place", "content", "outline", "draft_resolution", "committee", "notice_to_members", "notice_to_superior", "documents_sent", "updated_at"] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert_eq!(json["committee"]["kind"], "meeting");
    assert_eq!(json["documents_sent"]["how"], "marked_by_user");
    assert_eq!(json["content"][0]["from"], "added");
    let back: MeetingPlan = serde_json::from_value(json).expect("reads back");
    assert_eq!(back, plan);
    let empty = MeetingPlan::new("p", day(2026, 3, 3), MeetingKind::ThuongKy, now());
    let text = serde_json::to_string(&empty).unwrap();
    assert_eq!(text, r#"{"id":"p","month":"2026-03","kind":"thuong_ky","date":"2026-03-03","updated_at":"2025-10-09T08:53:20Z"}"#);
}

// ---------------------------------------------------------------------------------------
// Proposing the content, and the hand-over
// ---------------------------------------------------------------------------------------

fn chi_bo() -> ChiBo {
    ChiBo {
        id: "chibo-dong-tam".into(),
        name: "Chi bộ thôn Đông Tâm".into(),
        kind: ChiBoKind::Thon,
        superior_committee: "Đảng ủy xã An Phú".into(),
        place_name: String::new(),
        usual_meeting_day: 3,
        framework_id: sotay_domain::builtin::AN_PHU_ID.into(),
        updated_at: now(),
    }
}

fn february() -> Meeting {
    let mut meeting = Meeting::new_draft("meeting-2026-02", day(2026, 2, 3), MeetingKind::ThuongKy, sotay_domain::builtin::AN_PHU_ID, now());
    meeting.place = "Nhà văn hóa thôn Đông Tâm".into();
    meeting.next_tasks = vec![NextTask { id: "t1".into(), who: "m2".into(), what: "Vận động làm đường".into(), deadline: Some(day(2026, 2, 28)) }];
    meeting
}

fn describe(task: &NextTask) -> String {
    sotay_domain::text::carried_task_of(task)
}

#[test]
fn a_new_plan_proposes_the_order_of_business_the_carried_tasks_and_the_topic() {
    let framework = common::an_phu();
    let mut plan = draft_plan("plan-1", day(2026, 3, 3), MeetingKind::KetHop, &framework, &[february()], now(), &describe);
    assert_eq!(plan.month, PlanMonth { year: 2026, month: 3 });
    assert_eq!(plan.place, "Nhà văn hóa thôn Đông Tâm");
    let steps: Vec<&str> = plan.content.iter().filter(|item| item.from == ContentFrom::Step).map(|item| item.reference.as_str()).collect();
    let required: Vec<&str> = framework.order_of_business.iter().filter(|step| !step.optional).map(|step| step.id.as_str()).collect();
    assert_eq!(steps, required, "the steps done only when due are left out");
    let task = plan.content.iter().find(|item| item.from == ContentFrom::CarriedTask).expect("the carried task");
    assert_eq!((task.reference.as_str(), task.text.as_str()), ("t1", "Vận động làm đường — m2 (hạn 28/02/2026)"));
    assert!(plan.content.iter().all(|item| item.from != ContentFrom::Topic), "no topic yet");
    plan.set_topic("  Học tập và làm theo tư tưởng Hồ Chí Minh ");
    let topics: Vec<&ContentItem> = plan.content.iter().filter(|item| item.from == ContentFrom::Topic).collect();
    assert_eq!(topics.len(), 1);
    assert_eq!(topics[0].text, "Học tập và làm theo tư tưởng Hồ Chí Minh");
    plan.set_topic("Chuyên đề mới");
    assert_eq!(plan.content.iter().filter(|item| item.from == ContentFrom::Topic).count(), 1);
    assert_eq!(plan.content.last().unwrap().text, "Chuyên đề mới");
    plan.set_topic(" ");
    assert!(plan.content.iter().all(|item| item.from != ContentFrom::Topic));
    // A thường kỳ meeting keeps the topic out of its content.
    let regular = preparation::propose_content(&framework, MeetingKind::ThuongKy, "Chuyên đề", None, &describe);
    assert!(regular.iter().all(|item| item.from == ContentFrom::Step));
}

#[test]
fn a_plan_becomes_the_meeting_draft_and_stays_linked() {
    let mut plan = draft_plan("plan-1", day(2026, 3, 3), MeetingKind::KetHop, &common::an_phu(), &[february()], now(), &describe);
    plan.start_time = Some(clock(19, 0));
    plan.end_time = Some(clock(21, 0));
    plan.place = "Hội trường thôn".into();
    plan.draft_resolution = "Dự thảo: hoàn thành đường liên xóm trước 30/6.".into();
    let earlier = vec![february()];
    let mut roster = roster();
    roster[2].exemptions.push(sotay_domain::model::Exemption { reason: "Tuổi cao".into(), from: day(2026, 1, 1), to: None });
    let meeting = meeting_from_plan(&plan, "meeting-3", &chi_bo(), &roster, &earlier, now(), &describe);
    assert_eq!(meeting.date, day(2026, 3, 3));
    assert_eq!(meeting.kind, MeetingKind::KetHop);
    assert_eq!((meeting.start_time, meeting.end_time), (Some(clock(19, 0)), Some(clock(21, 0))));
    assert_eq!(meeting.place, "Hội trường thôn");
    assert_eq!(meeting.resolution, plan.draft_resolution);
    assert_eq!(meeting.plan_id.as_deref(), Some("plan-1"));
    assert_eq!(meeting.chair_id.as_deref(), Some("m1"), "the bí thư chairs");
    assert_eq!(
        meeting.previous_tasks,
        vec![PreviousTask { id: "t1".into(), what: "Vận động làm đường — m2 (hạn 28/02/2026)".into(), done: false, result: String::new() }]
    );
    assert_eq!(meeting.attendance_of("m3"), Some(&sotay_domain::model::Attendance::Exempt));
    let plans = vec![plan.clone()];
    assert!(matches!(plan_of(&meeting, &plans), PlanLink::Linked(found) if found.id == "plan-1"));
    let meetings = vec![february(), meeting.clone()];
    assert_eq!(meeting_of(&plan, &meetings).map(|m| m.id.as_str()), Some("meeting-3"));
    assert!(open_plans(&plans, &meetings).is_empty());
    assert_eq!(open_plans(&plans, &earlier).len(), 1, "before the hand-over the plan is open");
    // A plan without a place keeps the last meeting's.
    plan.place.clear();
    assert_eq!(meeting_from_plan(&plan, "m4", &chi_bo(), &roster, &earlier, now(), &describe).place, "Nhà văn hóa thôn Đông Tâm");
}

// ---------------------------------------------------------------------------------------
// The notice and the calendar file
// ---------------------------------------------------------------------------------------

fn notice_plan() -> MeetingPlan {
    let mut plan = complete_plan();
    plan.kind = MeetingKind::KetHop;
    plan.start_time = Some(clock(19, 30));
    plan.end_time = Some(clock(21, 30));
    plan.place = "Nhà văn hóa thôn Đông Tâm, xóm 2; cổng phía nam".into();
    plan.set_topic("Học và làm theo Bác");
    plan
}

#[test]
fn the_notice_says_what_when_where_and_what_to_read() {
    let facts = notice_facts(&notice_plan(), &chi_bo());
    assert_eq!(
        sotay_domain::text::preparation::notice(&facts),
        "Chi bộ thôn Đông Tâm thông báo: Thường kỳ kết hợp chuyên đề tháng 3/2026.\n\
         Thời gian: 19:30 – 21:30, thứ Ba ngày 03/03/2026.\n\
         Địa điểm: Nhà văn hóa thôn Đông Tâm, xóm 2; cổng phía nam.\n\
         Chuyên đề: Học và làm theo Bác.\n\
         Nội dung:\n\
         1. Đánh giá kết quả tháng 2\n\
         2. Học và làm theo Bác\n\
         Đề nghị các đồng chí đọc trước: đề cương gợi ý thảo luận; dự thảo nghị quyết, kết luận."
    );
    let mut bare = MeetingPlan::new("p", day(2026, 3, 8), MeetingKind::ThuongKy, now());
    bare.content.clear();
    let text = sotay_domain::text::preparation::notice(&notice_facts(&bare, &chi_bo()));
    assert_eq!(text, "Chi bộ thôn Đông Tâm thông báo: Sinh hoạt thường kỳ tháng 3/2026.\nThời gian: Chủ nhật ngày 08/03/2026.");
}

#[test]
fn text_values_are_escaped_as_rfc_5545_says() {
    let cases = [
        ("plain", "plain"),
        ("a,b;c", "a\\,b\\;c"),
        ("back\\slash", "back\\\\slash"),
        ("one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour"),
        ("tab\tkept, bell\u{7} dropped", "tab\tkept\\, bell dropped"),
        ("Nghị quyết: \"tập trung\"; 100%", "Nghị quyết: \"tập trung\"\\; 100%"),
    ];
    for (raw, escaped) in cases {
        assert_eq!(ics::escape_text(raw), escaped, "{raw:?}");
        assert_eq!(unescape(escaped), raw.replace("\r\n", "\n").replace('\r', "\n").replace('\u{7}', ""), "{raw:?}");
    }
}

#[test]
fn long_lines_fold_at_75_octets_between_characters() {
    let lines = [
        format!("SUMMARY:{}", "Sinh hoạt chi bộ thường kỳ kết hợp chuyên đề ".repeat(6)),
        format!("DESCRIPTION:{}", "ệ".repeat(100)),
        format!("LOCATION:{}", "a".repeat(67)),
        format!("LOCATION:{}", "a".repeat(66) + "ệ"),
        "X:".to_owned() + &"🙂".repeat(40),
    ];
    for line in lines {
        let folded = ics::fold(&line);
        for (index, physical) in folded.split("\r\n").enumerate() {
            assert!(physical.len() <= 75, "{} octets: {physical:?}", physical.len());
            if index > 0 {
                assert!(physical.starts_with(' ') && physical.len() > 1, "{physical:?}");
            }
        }
        assert_eq!(folded.replace("\r\n ", ""), line, "unfolding gives the line back");
    }
    assert_eq!(ics::fold(&format!("LOCATION:{}", "a".repeat(66))), format!("LOCATION:{}", "a".repeat(66)), "75 octets stay one line");
    let octets_76 = format!("LOCATION:{}", "a".repeat(67));
    assert_eq!(ics::fold(&octets_76).split("\r\n").map(str::len).collect::<Vec<_>>(), vec![75, 2]);
    let three_byte_at_the_edge = format!("LOCATION:{}ệ", "a".repeat(64));
    assert_eq!(three_byte_at_the_edge.len(), 76);
    assert_eq!(ics::fold(&three_byte_at_the_edge).split("\r\n").map(str::len).collect::<Vec<_>>(), vec![73, 4], "ệ moves whole");
}

/// Unfolds and splits a file into (name with parameters, raw value) lines, as a calendar
/// reads it; checks every line ends with CRLF.
fn parse(file: &str) -> Vec<(String, String)> {
    assert!(file.ends_with("\r\n"));
    assert!(!file.replace("\r\n", "").contains('\n'), "a bare LF");
    assert!(!file.replace("\r\n", "").contains('\r'), "a bare CR");
    let unfolded = file.replace("\r\n ", "").replace("\r\n\t", "");
    unfolded
        .split("\r\n")
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (name, value) = line.split_once(':').expect("name:value");
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn value_of<'a>(lines: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    lines.iter().filter(|(key, _)| key == name).map(|(_, value)| value.as_str()).collect()
}

#[test]
fn the_calendar_file_reads_back_with_its_vietnamese_texts() {
    let plan = notice_plan();
    let stamp = at("2026-03-01T12:05:00Z");
    let file = sotay_domain::text::preparation::calendar_file(&plan, &chi_bo(), stamp);
    let lines = parse(&file);
    let names: Vec<&str> = lines.iter().map(|(name, _)| name.as_str()).collect();
    let begins: Vec<&str> = value_of(&lines, "BEGIN");
    assert_eq!(begins, ["VCALENDAR", "VTIMEZONE", "STANDARD", "VEVENT", "VALARM", "VALARM"]);
    assert_eq!(value_of(&lines, "END"), ["STANDARD", "VTIMEZONE", "VALARM", "VALARM", "VEVENT", "VCALENDAR"]);
    assert_eq!(names.first(), Some(&"BEGIN"));
    assert_eq!(value_of(&lines, "VERSION"), ["2.0"]);
    assert_eq!(value_of(&lines, "UID"), ["plan-2026-03@so-tay-chi-bo"]);
    assert_eq!(value_of(&lines, "DTSTAMP"), ["20260301T120500Z"]);
    assert_eq!(value_of(&lines, "TZID"), ["Asia/Ho_Chi_Minh"]);
    assert_eq!(value_of(&lines, "TZOFFSETTO"), ["+0700"]);
    assert_eq!(value_of(&lines, "DTSTART;TZID=Asia/Ho_Chi_Minh"), ["20260303T193000"]);
    assert_eq!(value_of(&lines, "DTEND;TZID=Asia/Ho_Chi_Minh"), ["20260303T213000"]);
    assert_eq!(value_of(&lines, "TRIGGER"), ["-P1D", "-PT2H"]);
    assert_eq!(value_of(&lines, "ACTION"), ["DISPLAY", "DISPLAY"]);
    let summary = unescape(value_of(&lines, "SUMMARY")[0]);
    assert_eq!(summary, "Thường kỳ kết hợp chuyên đề tháng 3/2026 – Chi bộ thôn Đông Tâm");
    assert_eq!(unescape(value_of(&lines, "LOCATION")[0]), plan.place);
    let description = unescape(value_of(&lines, "DESCRIPTION")[0]);
    assert_eq!(description, sotay_domain::text::preparation::notice(&notice_facts(&plan, &chi_bo())));
    assert!(file.lines().all(|line| line.trim_end_matches('\r').len() <= 75));
    // The same plan later gives the same UID: the calendar updates its entry.
    let again = sotay_domain::text::preparation::calendar_file(&plan, &chi_bo(), at("2026-03-02T00:00:00Z"));
    assert_eq!(value_of(&parse(&again), "UID"), value_of(&lines, "UID"));
}

#[test]
fn times_without_a_start_or_end_still_make_an_entry() {
    let mut plan = MeetingPlan::new("p", day(2026, 3, 3), MeetingKind::ThuongKy, now());
    assert_eq!(preparation::event_time(&plan), EventTime::AllDay(day(2026, 3, 3)));
    let file = sotay_domain::text::preparation::calendar_file(&plan, &chi_bo(), now());
    let lines = parse(&file);
    assert_eq!(value_of(&lines, "DTSTART;VALUE=DATE"), ["20260303"]);
    assert_eq!(value_of(&lines, "DTEND;VALUE=DATE"), ["20260304"]);
    assert!(value_of(&lines, "BEGIN").iter().all(|begin| *begin != "VTIMEZONE"), "no TZID, no VTIMEZONE");
    let mut timed = |start: NaiveTime, end: Option<NaiveTime>, kind| {
        plan.start_time = Some(start);
        plan.end_time = end;
        plan.kind = kind;
        match preparation::event_time(&plan) {
            EventTime::Timed { start, end } => (start, end),
            other => panic!("{other:?}"),
        }
    };
    let on = |d: NaiveDate, h, m| d.and_time(clock(h, m));
    assert_eq!(timed(clock(19, 30), None, MeetingKind::ThuongKy), (on(day(2026, 3, 3), 19, 30), on(day(2026, 3, 3), 21, 0)));
    assert_eq!(timed(clock(19, 30), None, MeetingKind::KetHop).1, on(day(2026, 3, 3), 21, 30));
    assert_eq!(timed(clock(23, 0), Some(clock(0, 30)), MeetingKind::ThuongKy).1, on(day(2026, 3, 4), 0, 30));
    assert_eq!(timed(clock(19, 0), Some(clock(19, 0)), MeetingKind::ThuongKy).1, on(day(2026, 3, 3), 20, 30));
}

#[test]
fn rule_kinds_are_snake_case_in_json() {
    let framework = framework();
    let kinds: Vec<String> = framework
        .criteria()
        .map(|(_, criterion)| serde_json::to_value(&criterion.rule).unwrap()["type"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(kinds, ["content_prepared", "outline_and_draft", "committee_prepared", "notice_sent", "documents_sent"]);
    assert!(framework.criteria().all(|(_, criterion)| criterion.rule.is_preparation() && criterion.rule.is_computed()));
    assert_eq!(Framework::from_json(&framework.to_json_pretty()).unwrap(), framework, "written and read back");
    let documents = serde_json::to_value(&Rule::DocumentsSent { min_days_before: 1 }).unwrap();
    assert_eq!(documents, serde_json::json!({"type": "documents_sent", "min_days_before": 1}));
    let notice = serde_json::to_value(&Rule::NoticeSent { requires_superior: false }).unwrap();
    assert_eq!(notice, serde_json::json!({"type": "notice_sent"}), "a false flag is left out");
}

#[test]
fn the_an_phu_sheet_version_2_scores_group_3_from_the_plan_and_version_1_keeps_its_ticks() {
    let plan = complete_plan();
    let roster = roster();
    let mut meeting = meeting_of_plan(&plan);
    for id in ["3.1", "3.2", "3.3", "3.4", "3.5"] {
        meeting.own_sheet.inputs.insert(id.into(), CriterionInput { ticked: id != "3.5", ..CriterionInput::default() });
    }
    let plans = vec![plan.clone()];
    let group_3 = |framework_id: &str, plans: &[MeetingPlan]| {
        let framework = common::framework(framework_id);
        let score = score_own_sheet(&framework, &meeting, &roster, &[], plans);
        score.groups.iter().find(|group| group.group_id == "3").map(|group| group.points).unwrap()
    };
    // Version 1: the ticks as they were (3.5 not ticked), whatever the plan says.
    assert_eq!(group_3(sotay_domain::builtin::AN_PHU_ID, &plans), Decimal::from_int(8));
    assert_eq!(group_3(sotay_domain::builtin::AN_PHU_ID, &[]), Decimal::from_int(8));
    // Version 2: from the plan (documents two days ahead count); without it, only the
    // ticked criteria, as hand entries.
    assert_eq!(group_3(sotay_domain::builtin::AN_PHU_V2_ID, &plans), Decimal::from_int(10));
    assert_eq!(group_3(sotay_domain::builtin::AN_PHU_BINH_THUAN_V2_ID, &[]), Decimal::from_int(8));
}

// ---------------------------------------------------------------------------------------
// The đảng ủy's months
// ---------------------------------------------------------------------------------------

mod dang_uy {
    use super::*;
    use sotay_domain::backup::Dataset;
    use sotay_domain::collection::{preparation_year, Preparedness, PreparationLine, SendingCheck};
    use sotay_domain::text::collection::preparation_line;

    fn meeting(id: &str, date: NaiveDate, framework_id: &str, plan_id: Option<&str>) -> Meeting {
        let mut meeting = Meeting::new_draft(id, date, MeetingKind::ThuongKy, framework_id, now());
        meeting.start_time = Some(clock(19, 30));
        meeting.plan_id = plan_id.map(str::to_owned);
        meeting
    }

    fn plan(id: &str, date: NaiveDate, notice: Option<Sending>, documents: Option<Sending>) -> MeetingPlan {
        let mut plan = MeetingPlan::new(id, date, MeetingKind::ThuongKy, now());
        plan.start_time = Some(clock(19, 30));
        plan.notice_to_members = notice;
        plan.documents_sent = documents;
        plan
    }

    /// March: notice and documents two days ahead; April: documents on the day, no notice;
    /// May: no plan; June: a plan not held yet; July: a meeting naming a plan not in the
    /// file; and a meeting of 2025 left out.
    fn data() -> Dataset {
        let v2 = sotay_domain::builtin::AN_PHU_V2_ID;
        Dataset {
            chi_bo: Some(super::chi_bo()),
            meetings: vec![
                meeting("m-04", day(2026, 4, 3), v2, Some("p-04")),
                meeting("m-03", day(2026, 3, 3), v2, Some("p-03")),
                meeting("m-05", day(2026, 5, 3), v2, None),
                meeting("m-07", day(2026, 7, 3), v2, Some("p-gone")),
                meeting("m-2025", day(2025, 12, 3), v2, None),
            ],
            plans: vec![
                plan("p-03", day(2026, 3, 3), sent("2026-03-01 19:05"), sent("2026-03-01 19:05")),
                plan("p-04", day(2026, 4, 3), None, sent("2026-04-03 08:00")),
                plan("p-06", day(2026, 6, 3), sent("2026-06-03 20:00"), None),
            ],
            ..Dataset::default()
        }
    }

    fn line(months: &[sotay_domain::collection::PreparationMonth], month: u32) -> &PreparationLine {
        let lines = &months[month as usize - 1].lines;
        assert_eq!(lines.len(), 1, "month {month}: {lines:?}");
        &lines[0]
    }

    fn sendings(line: &PreparationLine) -> sotay_domain::collection::PlanSendings {
        match &line.preparedness {
            Preparedness::Planned(sendings) => *sendings,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn each_month_says_whether_the_notice_and_the_documents_went_out_in_time() {
        let builtins = sotay_domain::builtin::all();
        let frameworks: Vec<&Framework> = builtins.iter().collect();
        let months = preparation_year(&data(), 2026, &frameworks);
        assert_eq!(months.len(), 12);
        assert_eq!(months.iter().map(|month| month.month).collect::<Vec<_>>(), (1..=12).collect::<Vec<_>>());
        assert!(months[0].lines.is_empty() && months[7].lines.is_empty());

        let march = sendings(line(&months, 3));
        assert_eq!(march.notice, SendingCheck { sent_at: Some(vn("2026-03-01 19:05")), days_before: Some(2), in_time: true });
        assert_eq!(march.documents, SendingCheck { sent_at: Some(vn("2026-03-01 19:05")), days_before: Some(2), in_time: true });
        assert_eq!(march.superior_notice, SendingCheck { sent_at: None, days_before: None, in_time: false });
        assert_eq!(march.required_days, 1);
        assert_eq!(
            preparation_line(line(&months, 3)),
            "Buổi 03/03/2026: thông báo đã gửi lúc 19:05 ngày 01/03/2026, kịp thời; thông báo cấp ủy viên phụ trách chưa gửi; tài liệu đã gửi lúc 19:05 ngày 01/03/2026, trước 2 ngày, kịp thời (cần trước ít nhất 1 ngày)"
        );

        let april = sendings(line(&months, 4));
        assert!(!april.notice.in_time && april.notice.sent_at.is_none());
        assert_eq!((april.documents.days_before, april.documents.in_time), (Some(0), false));
        assert!(preparation_line(line(&months, 4)).ends_with("tài liệu đã gửi lúc 08:00 ngày 03/04/2026, trong ngày sinh hoạt, muộn (cần trước ít nhất 1 ngày)"));

        assert_eq!(line(&months, 5).preparedness, Preparedness::NoPlan);
        assert_eq!(preparation_line(line(&months, 5)), "Buổi 03/05/2026: không có kế hoạch chuẩn bị");

        let june = line(&months, 6);
        assert_eq!(june.meeting_id, None);
        assert!(!sendings(june).notice.in_time, "20:00 is after the planned 19:30");
        assert!(preparation_line(june).starts_with("Kế hoạch buổi 03/06/2026 (chưa sinh hoạt): thông báo đã gửi lúc 20:00 ngày 03/06/2026, muộn"));

        assert_eq!(line(&months, 7).preparedness, Preparedness::PlanMissing("p-gone".into()));
        assert!(months[11].lines.is_empty(), "the meeting of 2025 belongs to another year");
    }

    #[test]
    fn the_days_required_are_the_meetings_frameworks() {
        let mut strict = common::framework(sotay_domain::builtin::AN_PHU_V2_ID);
        strict.id = "xa-an-phu-2027".into();
        for group in &mut strict.groups {
            for criterion in &mut group.criteria {
                if let Rule::DocumentsSent { min_days_before } = &mut criterion.rule {
                    *min_days_before = 3;
                }
            }
        }
        let mut data = data();
        data.meetings.retain(|meeting| meeting.id == "m-03");
        data.meetings[0].own_sheet.framework_id = strict.id.clone();
        let months = preparation_year(&data, 2026, &[&strict]);
        let march = sendings(line(&months, 3));
        assert_eq!((march.required_days, march.documents.in_time), (3, false), "2 days are not 3");
        // A framework without a documents criterion (or unknown): HD 42's one day.
        let months = preparation_year(&data, 2026, &[]);
        assert_eq!(sendings(line(&months, 3)).required_days, sotay_domain::collection::HD42_MIN_DAYS_BEFORE);
    }

    #[test]
    fn the_collected_year_carries_the_months() {
        let entry = sotay_domain::collection::CollectedChiBo { chi_bo_id: "chibo-dong-tam".into(), data: data(), files: Vec::new() };
        let builtins = sotay_domain::builtin::all();
        let year = sotay_domain::collection::chi_bo_year(&entry, &builtins, 2026, at("2026-12-01T00:00:00Z"));
        let frameworks: Vec<&Framework> = builtins.iter().collect();
        assert_eq!(year.preparation, preparation_year(&entry.data, 2026, &frameworks));
        // The meetings are scored with their plans: March's documents count on the v2 sheet.
        let march = year.months[2].meetings[0].own.expect("scored");
        let may = year.months[4].meetings[0].own.expect("scored");
        assert!(march.total > may.total, "{march:?} {may:?}");
    }
}
