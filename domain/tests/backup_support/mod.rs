//! Data shared by the backup tests: a small realistic chi bộ, and generators.
#![allow(dead_code)]

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveTime};
use sotay_domain::backup::{
    CommitteeDuesRules, CommitteePack, CustomFramework, CustomTemplate, Dataset, DeletedKind, Deletion,
};
use sotay_domain::dues::{
    builtin_rules, DuesPayment, DuesProfile, DuesRelief, DuesRules, PaymentWay, ReliefKind, YearMonth,
};
use sotay_domain::review::{DossierTemplate, ReviewLevel, ReviewStatus, YearReview};
use sotay_domain::builtin;
use sotay_domain::handbook::Pack;
use sotay_domain::model::{
    AbsenceReason, Attendance, AttendanceRecord, ChiBo, ChiBoKind, CriterionInput, Exemption,
    Guest, HandbookMark, MeetingStatus, MemberRole, MemberStatus, NextTask, PreviousTask,
    ScoreSheet, VoteTally,
};
use sotay_domain::preparation::{CommitteePreparation, ContentFrom, ContentItem, MeetingPlan, SentHow, Sending};
use sotay_domain::{Decimal, Framework, Meeting, MeetingKind, Member, Timestamp};

/// Path of a file under the repository's `tests/fixtures/`.
pub fn fixture_path(relative: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(relative)
}

/// The names of the files in a fixture folder, in order.
pub fn fixture_file_names(folder: &str) -> std::collections::BTreeSet<String> {
    std::fs::read_dir(fixture_path(folder))
        .unwrap_or_else(|error| panic!("tests/fixtures/{folder}: {error}"))
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect()
}

/// The deletion markers of the version-2 fixtures: a meeting and a member created by
/// mistake and deleted, and a handbook note removed.
pub fn sample_deletions() -> Vec<Deletion> {
    vec![
        Deletion {
            kind: DeletedKind::Member,
            id: "m-nham".into(),
            deleted_at: at("2026-01-05T02:20:00Z"),
        },
        Deletion {
            kind: DeletedKind::Meeting,
            id: "meeting-2026-03".into(),
            deleted_at: at("2026-04-04T01:30:00Z"),
        },
        Deletion {
            kind: DeletedKind::Mark,
            id: "qd37-dieu-2".into(),
            deleted_at: at("2026-03-05T11:00:00Z"),
        },
    ]
}

/// The sample as a version-2 app holds it: with [`sample_deletions`].
pub fn sample_v2() -> Dataset {
    Dataset {
        deletions: sample_deletions(),
        ..sample()
    }
}

/// The sample of the version-3 fixtures: version 2's, with the chi bộ's review of 2025
/// (finalised), the đảng ủy's dossier template it was written against, and the marker of
/// an older template deleted.
pub fn sample_v3() -> Dataset {
    let template = committee_template();
    let mut review = YearReview::new(2025, &template.id, at("2025-12-21T09:00:00Z"));
    review.set_section("ket_qua", "Chi bộ sinh hoạt đủ 12 kỳ, 4 chuyên đề.\nHoàn thành đường liên xóm.");
    review.set_section("han_che", "Có kỳ tài liệu đưa lên muộn.");
    review.set_section("gioi_thieu", "Giới thiệu 2 quần chúng ưu tú.");
    review.set_section("phuong_huong", "Chuẩn bị tài liệu trước 2 ngày.");
    review.proposed_level = Some(ReviewLevel::HoanThanhTot);
    review.vote = Some(VoteTally {
        in_favour: 3,
        against: 0,
        abstain: 0,
    });
    review.reviewed_on = Some(day(2025, 12, 20));
    review.status = ReviewStatus::Finalised;
    let mut deletions = sample_deletions();
    deletions.push(Deletion {
        kind: DeletedKind::DossierTemplate,
        id: "mau-kiem-diem-2024".into(),
        deleted_at: at("2025-11-30T03:00:00Z"),
    });
    Dataset {
        reviews: vec![review],
        templates: vec![CustomTemplate {
            updated_at: at("2025-11-30T03:00:00Z"),
            template,
        }],
        deletions,
        ..sample()
    }
}

/// The sample of the version-4 fixtures: version 3's, with the meeting plans: May's, which
/// the May meeting was made from (everything recorded: content, outline, draft, the chi ủy
/// meeting with its minutes, both notices and the documents two days ahead), June's, not
/// yet held (notice shared, documents not sent), and the marker of March's plan, deleted
/// with its meeting; and with the dues book ([`sample_dues`]).
pub fn sample_v4() -> Dataset {
    let mut data = sample_v3();
    if let Some(may) = data.meetings.iter_mut().find(|meeting| meeting.id == "meeting-2026-05") {
        may.plan_id = Some("plan-2026-05".into());
    }
    data.plans = vec![plan_of_may(), plan_of_june()];
    data.deletions.push(Deletion { kind: DeletedKind::Plan, id: "plan-2026-03".into(), deleted_at: at("2026-04-04T01:30:00Z") });
    sample_dues(&mut data);
    data
}

/// May's plan (see [`sample_v4`]).
pub fn plan_of_may() -> MeetingPlan {
    let mut plan = MeetingPlan::new("plan-2026-05", day(2026, 5, 3), MeetingKind::KetHop, at("2026-05-02T03:00:00Z"));
    plan.start_time = Some(clock(19, 0));
    plan.end_time = Some(clock(21, 0));
    plan.place = "Nhà văn hóa thôn Đông Tâm".into();
    plan.content = vec![
        ContentItem { text: "Khai mạc, điểm danh, báo cáo thu nộp đảng phí".into(), from: ContentFrom::Step, reference: "khai_mac".into() },
        ContentItem { text: "Vận động bà con đóng góp làm đường liên xóm — m2 (hạn 30/04/2026)".into(), from: ContentFrom::CarriedTask, reference: "t-2026-04-1".into() },
        ContentItem { text: "Học và làm theo Bác".into(), from: ContentFrom::Topic, reference: String::new() },
    ];
    plan.topic = "Học và làm theo Bác".into();
    plan.outline = "1. Kết quả vận động làm đường.\n2. Liên hệ bản thân qua chuyên đề.".into();
    plan.draft_resolution = "Hoàn thành đường liên xóm trước ngày 30/6.".into();
    plan.committee = Some(CommitteePreparation::Meeting {
        date: day(2026, 4, 28),
        attendees: vec!["m1".into(), "m2".into()],
        minutes: "Chi ủy thống nhất nội dung, phân công đồng chí Bình chuẩn bị dự thảo.".into(),
    });
    plan.notice_to_members = Some(Sending { at: at("2026-04-29T01:00:00Z"), how: SentHow::ShareSheet });
    plan.notice_to_superior = Some(Sending { at: at("2026-04-29T01:05:00Z"), how: SentHow::MarkedByUser });
    plan.documents_sent = Some(Sending { at: at("2026-05-01T12:05:00Z"), how: SentHow::ShareSheet });
    plan
}

/// June's plan (see [`sample_v4`]).
pub fn plan_of_june() -> MeetingPlan {
    let mut plan = MeetingPlan::new("plan-2026-06", day(2026, 6, 3), MeetingKind::ThuongKy, at("2026-05-19T09:00:00Z"));
    plan.start_time = Some(clock(19, 30));
    plan.content = vec![ContentItem { text: "Đánh giá kết quả tháng 5".into(), from: ContentFrom::Added, reference: String::new() }];
    plan.committee = Some(CommitteePreparation::OnlySecretary);
    plan.notice_to_members = Some(Sending { at: at("2026-05-19T09:00:00Z"), how: SentHow::ShareSheet });
    plan
}

/// A month in the dues samples.
pub fn month(year: i32, month: u32) -> YearMonth {
    YearMonth::new(year, month).expect("month")
}

/// A dues payment of the samples, recorded and last changed at `updated_at`.
pub fn payment(id: &str, member_id: &str, paid_for: YearMonth, amount_dong: u64, way: PaymentWay, updated_at: &str) -> DuesPayment {
    DuesPayment {
        id: id.to_owned(),
        member_id: member_id.to_owned(),
        month: paid_for,
        months_covered: 1,
        amount_dong,
        way,
        paid_on: None,
        note: String::new(),
        recorded_at: at(updated_at),
        updated_at: at(updated_at),
    }
}

/// The committee's dues rule of the samples: the built-in one under the đảng ủy's id.
pub fn committee_dues_rules() -> DuesRules {
    let mut rules = builtin_rules().expect("the built-in dues rule loads");
    rules.id = "dang-phi-an-phu-2026".into();
    rules.name = "Chế độ đảng phí áp dụng tại Đảng bộ xã An Phú".into();
    rules
}

/// The dues records of the version-4 fixtures: April 2026 of the chi bộ's book (cash,
/// the portal, a "đóng gộp" of April–June), profiles (one member with a reduction, one
/// exempt), the committee's dues rule, and the marker of a payment recorded by mistake.
pub fn sample_dues(data: &mut Dataset) {
    let april = month(2026, 4);
    let mut m1 = payment("pay-2026-04-m1", "m1", april, 45_000, PaymentWay::Cash, "2026-04-04T01:10:00Z");
    m1.paid_on = Some(day(2026, 4, 3));
    let mut m2 = payment("pay-2026-04-m2", "m2", april, 26_950, PaymentWay::Portal, "2026-04-06T08:00:00Z");
    m2.note = "Nộp qua Cổng Dịch vụ công".into();
    let mut m3 = payment("pay-2026-04-m3", "m3", april, 15_000, PaymentWay::Cash, "2026-04-04T01:12:00Z");
    m3.months_covered = 3;
    m3.note = "Đóng gộp tháng 4–6 trước khi đi làm xa".into();
    data.dues_payments = vec![m1, m2, m3];
    let mut reduced = DuesProfile::new("m2", "bhxh_bat_buoc", 38_500, at("2026-03-30T02:00:00Z"));
    reduced.reliefs.push(DuesRelief {
        kind: ReliefKind::Reduced { basis_points: 3000 },
        from: month(2026, 4),
        to: Some(month(2026, 9)),
        note: "Nghị quyết chi bộ tháng 3/2026".into(),
    });
    let mut exempt = DuesProfile::new("m4", "huu_tri", 0, at("2026-03-30T02:05:00Z"));
    exempt.reliefs.push(DuesRelief {
        kind: ReliefKind::Exempt { ground: "tuoi_dang_50".into() },
        from: month(2026, 2),
        to: None,
        note: String::new(),
    });
    data.dues_profiles = vec![
        DuesProfile::new("m1", "huu_tri", 45_000, at("2026-03-30T01:55:00Z")),
        reduced,
        DuesProfile::new("m3", "hoc_sinh_sinh_vien", 5_000, at("2026-03-30T02:01:00Z")),
        exempt,
    ];
    data.dues_rules = Some(CommitteeDuesRules { updated_at: at("2026-03-01T00:00:00Z"), rules: committee_dues_rules() });
    data.deletions.push(Deletion {
        kind: DeletedKind::DuesPayment,
        id: "pay-2026-04-m1-nham".into(),
        deleted_at: at("2026-04-04T01:11:00Z"),
    });
}

/// The đảng ủy's own dossier template: the built-in one with its own id, issuer and a
/// section of its own instead of "khac_phuc".
pub fn committee_template() -> DossierTemplate {
    let mut template = DossierTemplate::builtin();
    template.id = "mau-kiem-diem-an-phu-2025".into();
    template.name = "Mẫu báo cáo kiểm điểm chi bộ của Đảng ủy xã An Phú".into();
    template.issued_by = "Đảng ủy xã An Phú".into();
    template.source = "Công văn số 20-CV/ĐU ngày 15/11/2025 của Đảng ủy xã An Phú (bản chép tay)".into();
    template.wording_status = sotay_domain::framework::WordingStatus::Secondary;
    if let Some(section) = template.sections.iter_mut().find(|s| s.id == "khac_phuc") {
        section.id = "gioi_thieu".into();
        section.heading = "Kết quả giới thiệu quần chúng ưu tú".into();
        section.hint.clear();
    }
    template
}

/// The dataset with its lists sorted by id (storage reads records in key order).
pub fn sorted(mut data: Dataset) -> Dataset {
    data.members.sort_by(|a, b| a.id.cmp(&b.id));
    data.meetings.sort_by(|a, b| a.id.cmp(&b.id));
    data.plans.sort_by(|a, b| a.id.cmp(&b.id));
    data.marks.sort_by(|a, b| a.item_id.cmp(&b.item_id));
    data.frameworks
        .sort_by(|a, b| a.framework.id.cmp(&b.framework.id));
    data.reviews.sort_by(|a, b| a.id.cmp(&b.id));
    data.templates
        .sort_by(|a, b| a.template.id.cmp(&b.template.id));
    data.dues_profiles.sort_by(|a, b| a.id.cmp(&b.id));
    data.dues_payments.sort_by(|a, b| a.id.cmp(&b.id));
    data.deletions
        .sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
    data
}

pub fn at(rfc3339: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("timestamp")
        .to_utc()
}

pub fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("date")
}

pub fn clock(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).expect("time")
}

/// When the sample file is exported.
pub fn exported_at() -> Timestamp {
    at("2026-05-20T13:15:00Z")
}

pub const CUSTOM_FRAMEWORK_ID: &str = "xa-an-phu-2026";

/// A committee framework: the test suite's minimal framework under another id and name.
pub fn custom_framework(id: &str, name: &str) -> Framework {
    let json = include_str!("../fixtures/minimal_framework.json");
    let mut framework = Framework::from_json(json).expect("framework");
    framework.id = id.to_owned();
    framework.name = name.to_owned();
    framework.issued_by = "Đảng ủy xã An Phú".to_owned();
    framework.legal_basis =
        vec!["Hướng dẫn số 12-HD/BTCTW ngày 13/4/2022 của Ban Tổ chức Trung ương".to_owned()];
    framework.source =
        "Hướng dẫn số 05-HD/ĐU ngày 10/02/2026 của Đảng ủy xã An Phú (bản chép tay)".to_owned();
    framework.wording_status = sotay_domain::framework::WordingStatus::Secondary;
    framework
}

pub const PACK_JSON: &str = r#"{
  "format_version": 1,
  "id": "dang-uy-xa-an-phu-2026",
  "name": "Tài liệu sinh hoạt của Đảng ủy xã An Phú",
  "issuer": "Đảng ủy xã An Phú",
  "version": "2026.1",
  "published": "2026-02-10",
  "sections": [
    {
      "id": "tai-lieu-cua-xa",
      "title": "Tài liệu của xã",
      "items": [
        {
          "id": "xa-lich-sinh-hoat",
          "title": "Lịch sinh hoạt chi bộ",
          "body": "Các chi bộ sinh hoạt vào ngày **mồng 3** hằng tháng.",
          "source": { "document": "Thông báo số 12-TB/ĐU của Đảng ủy xã An Phú", "date": "2026-01-15", "status": "summary" }
        }
      ]
    }
  ]
}"#;

pub fn committee_pack() -> Pack {
    Pack::from_json(PACK_JSON).expect("pack")
}

fn member(id: &str, name: &str, role: MemberRole, updated_at: &str) -> Member {
    let mut member = Member::new(id, name, at(updated_at));
    member.role = role;
    member
}

/// A small, realistic chi bộ: 4 members, 2 meetings (one scored on the committee's own
/// framework), 2 handbook marks, 1 committee framework, the committee pack.
pub fn sample() -> Dataset {
    let chi_bo = ChiBo {
        id: "chibo-dong-tam".into(),
        name: "Chi bộ thôn Đông Tâm".into(),
        kind: ChiBoKind::Thon,
        superior_committee: "Đảng ủy xã An Phú".into(),
        place_name: String::new(),
        usual_meeting_day: 3,
        framework_id: builtin::AN_PHU_ID.into(),
        updated_at: at("2026-01-05T02:00:00Z"),
    };
    let mut m3 = member(
        "m3",
        "Lê Văn Cường",
        MemberRole::DangVien,
        "2025-09-02T03:00:00Z",
    );
    m3.status = MemberStatus::DuBi;
    m3.joined_on = Some(day(2025, 9, 2));
    let mut m4 = member(
        "m4",
        "Phạm Thị Dung",
        MemberRole::DangVien,
        "2026-01-05T02:10:00Z",
    );
    m4.exemptions.push(Exemption {
        reason: "Tuổi cao, sức yếu".into(),
        from: day(2026, 1, 1),
        to: None,
    });
    let members = vec![
        member(
            "m1",
            "Nguyễn Văn An",
            MemberRole::BiThu,
            "2026-01-05T02:00:00Z",
        ),
        member(
            "m2",
            "Trần Thị Bình",
            MemberRole::PhoBiThu,
            "2026-01-05T02:05:00Z",
        ),
        m3,
        m4,
    ];

    let mut april = Meeting::new_draft(
        "meeting-2026-04",
        day(2026, 4, 3),
        MeetingKind::ThuongKy,
        CUSTOM_FRAMEWORK_ID,
        at("2026-04-04T01:00:00Z"),
    );
    april.start_time = Some(clock(19, 30));
    april.end_time = Some(clock(21, 0));
    april.place = "Nhà văn hóa thôn Đông Tâm".into();
    april.chair_id = Some("m1".into());
    april.secretary_id = Some("m2".into());
    april.attendance = vec![
        AttendanceRecord {
            member_id: "m1".into(),
            attendance: Attendance::Present,
        },
        AttendanceRecord {
            member_id: "m2".into(),
            attendance: Attendance::Present,
        },
        AttendanceRecord {
            member_id: "m3".into(),
            attendance: Attendance::AbsentWithoutReason,
        },
        AttendanceRecord {
            member_id: "m4".into(),
            attendance: Attendance::Exempt,
        },
    ];
    april.speakers = vec!["m1".into(), "m2".into()];
    april.agenda_done = vec!["open".into(), "close".into()];
    april.next_tasks = vec![NextTask {
        id: "t-2026-04-1".into(),
        who: "m2".into(),
        what: "Vận động bà con đóng góp làm đường liên xóm".into(),
        deadline: Some(day(2026, 4, 30)),
    }];
    april.resolution = "Chi bộ thống nhất tập trung vận động làm đường liên xóm.".into();
    april.vote = VoteTally {
        in_favour: 2,
        against: 0,
        abstain: 0,
    };
    april.own_sheet.inputs.insert(
        "tick".into(),
        CriterionInput {
            ticked: true,
            ..Default::default()
        },
    );
    april.own_sheet.inputs.insert(
        "pick".into(),
        CriterionInput {
            picked: Some("a".into()),
            ..Default::default()
        },
    );
    april.status = MeetingStatus::Finalised;

    let mut may = Meeting::new_draft(
        "meeting-2026-05",
        day(2026, 5, 3),
        MeetingKind::KetHop,
        builtin::AN_PHU_ID,
        at("2026-05-04T12:30:00Z"),
    );
    may.start_time = Some(clock(19, 0));
    may.end_time = Some(clock(21, 5));
    may.place = "Nhà văn hóa thôn Đông Tâm".into();
    may.chair_id = Some("m1".into());
    may.secretary_id = Some("m2".into());
    may.guests = vec![Guest {
        name: "Võ Minh Tuấn".into(),
        role: "Đảng ủy viên phụ trách chi bộ".into(),
        from_superior_committee: true,
    }];
    may.attendance = vec![
        AttendanceRecord {
            member_id: "m1".into(),
            attendance: Attendance::Present,
        },
        AttendanceRecord {
            member_id: "m2".into(),
            attendance: Attendance::Present,
        },
        AttendanceRecord {
            member_id: "m3".into(),
            attendance: Attendance::AbsentWithReason {
                reason: AbsenceReason::Illness,
                reason_text: "nằm viện".into(),
            },
        },
        AttendanceRecord {
            member_id: "m4".into(),
            attendance: Attendance::Exempt,
        },
    ];
    may.speakers = vec!["m1".into(), "m2".into()];
    may.agenda_done = vec![
        "khai_mac".into(),
        "danh_gia_thang_truoc".into(),
        "ket_luan_bieu_quyet".into(),
    ];
    may.previous_tasks = vec![PreviousTask {
        id: "t-2026-04-1".into(),
        what: "Vận động bà con đóng góp làm đường liên xóm".into(),
        done: true,
        result: "Đã vận động được 45/52 hộ".into(),
    }];
    may.resolution =
        "Hoàn thành đường liên xóm trước ngày 30/6; học tập chuyên đề \"Học và làm theo Bác\"."
            .into();
    may.vote = VoteTally {
        in_favour: 2,
        against: 0,
        abstain: 0,
    };
    may.notes = "Đồng chí Bình: đề nghị <b>biểu dương</b> hộ ông Tư.\nĐồng chí An kết luận.".into();
    may.own_sheet.inputs.insert(
        "3.1".into(),
        CriterionInput {
            ticked: true,
            ..Default::default()
        },
    );
    may.own_sheet.inputs.insert(
        "4a.2".into(),
        CriterionInput {
            override_points: Some(Decimal::from_hundredths(750)),
            note: "Chuyên đề làm tốt".into(),
            ..Default::default()
        },
    );
    may.superior_sheet = Some(ScoreSheet {
        framework_id: builtin::AN_PHU_ID.into(),
        scored_by: "Võ Minh Tuấn".into(),
        inputs: BTreeMap::new(),
    });

    Dataset {
        chi_bo: Some(chi_bo),
        members,
        meetings: vec![april, may],
        marks: vec![
            HandbookMark {
                item_id: "qd37-dieu-1".into(),
                bookmarked: true,
                note: String::new(),
                updated_at: at("2026-03-01T10:00:00Z"),
            },
            HandbookMark {
                item_id: "xa-lich-sinh-hoat".into(),
                bookmarked: false,
                note: "Nhắc chi ủy họp trước ngày 1 hằng tháng.".into(),
                updated_at: at("2026-03-02T10:00:00Z"),
            },
        ],
        frameworks: vec![CustomFramework {
            updated_at: at("2026-02-12T08:00:00Z"),
            framework: custom_framework(
                CUSTOM_FRAMEWORK_ID,
                "Khung điểm của Đảng ủy xã An Phú năm 2026",
            ),
        }],
        committee_pack: Some(CommitteePack {
            updated_at: at("2026-02-12T08:05:00Z"),
            pack: committee_pack(),
        }),
        deletions: Vec::new(),
        plans: Vec::new(),
        reviews: Vec::new(),
        templates: Vec::new(),
        dues_rules: None,
        dues_profiles: Vec::new(),
        dues_payments: Vec::new(),
    }
}
