//! Export → import is the identity, on generated datasets (property tests), and the same
//! for the stored layout. Generated text mixes Vietnamese with diacritics (precomposed and
//! combining), quotes, backslashes, `<script>`, emoji, control characters and line breaks.
//!
//! Each property runs 64 generated datasets (`ProptestConfig::with_cases(64)`), each of
//! up to 8 members, 6 meetings, 3 meeting plans (the first meetings made from them), 3
//! committee frameworks, 4 handbook marks and the pack, and a dues book: a profile for
//! some members (with reliefs), up to 8 payments (some covering several months, amounts up
//! to the bound) and the committee's dues rule.

mod backup_support;

use backup_support::{committee_dues_rules, committee_pack, custom_framework, exported_at, sorted};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime};
use proptest::prelude::*;
use proptest::sample::subsequence;
use sotay_domain::backup::{
    self, backup_file_name, export_all, export_all_json, export_year, merge, parse_backup, preview, storage,
    CommitteeDuesRules, CommitteePack, CustomFramework, CustomTemplate, Dataset, ImportLimits, Scope,
};
use sotay_domain::backup::import::{max_payment_dong, MAX_DUES_MONTHS_COVERED, MAX_MONTHLY_DUES_DONG};
use sotay_domain::dues::{DuesPayment, DuesProfile, DuesRelief, PaymentWay, ReliefKind, YearMonth};
use sotay_domain::builtin;
use sotay_domain::review::{
    DossierTemplate, ReviewLevel, ReviewStatus, YearReview, BUILTIN_TEMPLATE_ID,
};
use sotay_domain::model::{
    AbsenceReason, Attendance, AttendanceRecord, ChiBo, ChiBoKind, CriterionInput, Exemption,
    Guest, HandbookMark, MeetingStatus, MemberRole, MemberStatus, NextTask, PreviousTask,
    ScoreSheet, VoteTally,
};
use sotay_domain::preparation::{CommitteePreparation, ContentFrom, ContentItem, MeetingPlan, SentHow, Sending};
use sotay_domain::{Decimal, Meeting, MeetingKind, Member, Timestamp};

const PIECES: &[&str] = &[
    "Nguyễn",
    "Văn",
    "Đông",
    "Tâm",
    "chi bộ",
    "Ỹ",
    "ộ",
    "ư",
    "e\u{301}",
    "\"",
    "'",
    "\\",
    "<script>alert('x')</script>",
    "«",
    "»",
    "\n",
    "\t",
    " ",
    "😀",
    "&amp;",
    "{}",
    "[",
    "\u{0}",
    "\u{7f}",
    "\u{2028}",
    "100%",
    "Đảng ủy",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..6)
        .prop_map(|pieces| pieces.concat())
}

/// A name that is never blank.
fn name() -> impl Strategy<Value = String> {
    text().prop_map(|text| format!("Đ/c {text}"))
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (
        1_400_000_000i64..2_100_000_000,
        prop_oneof![Just(0u32), 0u32..1_000_000_000],
    )
        .prop_map(|(seconds, nanos)| DateTime::from_timestamp(seconds, nanos).unwrap_or_default())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    // 1930-01-01 ..= 2100-12-31
    (704_653i32..=766_990)
        .prop_map(|days| NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_default())
}

fn recent_date() -> impl Strategy<Value = NaiveDate> {
    // 2016-01-01 ..= 2030-12-31
    (735_964i32..=741_441)
        .prop_map(|days| NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_default())
}

fn id_suffix() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_.-]{0,8}"
}

fn member(index: usize) -> impl Strategy<Value = Member> {
    (
        id_suffix(),
        name(),
        proptest::sample::select(vec![
            MemberRole::BiThu,
            MemberRole::PhoBiThu,
            MemberRole::ChiUyVien,
            MemberRole::DangVien,
        ]),
        any::<bool>(),
        proptest::option::of((date(), proptest::option::of(date()))),
        proptest::collection::vec((text(), date(), proptest::option::of(date())), 0..3),
        timestamp(),
    )
        .prop_map(
            move |(suffix, name, role, full, dates, exemptions, updated_at)| {
                let mut member = Member::new(format!("m{index}-{suffix}"), name, updated_at);
                member.role = role;
                member.status = if full {
                    MemberStatus::ChinhThuc
                } else {
                    MemberStatus::DuBi
                };
                if let Some((a, b)) = dates {
                    match b {
                        Some(b) => {
                            member.joined_on = Some(a.min(b));
                            member.left_on = Some(a.max(b));
                        }
                        None => member.joined_on = Some(a),
                    }
                }
                member.exemptions = exemptions
                    .into_iter()
                    .map(|(reason, a, b)| match b {
                        Some(b) => Exemption {
                            reason,
                            from: a.min(b),
                            to: Some(a.max(b)),
                        },
                        None => Exemption {
                            reason,
                            from: a,
                            to: None,
                        },
                    })
                    .collect();
                member
            },
        )
}

fn members() -> impl Strategy<Value = Vec<Member>> {
    (0usize..8).prop_flat_map(|count| (0..count).map(member).collect::<Vec<_>>())
}

fn attendance() -> impl Strategy<Value = Attendance> {
    prop_oneof![
        Just(Attendance::Present),
        Just(Attendance::AbsentWithoutReason),
        Just(Attendance::Exempt),
        (
            proptest::sample::select(vec![
                AbsenceReason::Illness,
                AbsenceReason::Work,
                AbsenceReason::Family,
                AbsenceReason::Other
            ]),
            text()
        )
            .prop_map(|(reason, reason_text)| Attendance::AbsentWithReason {
                reason,
                reason_text
            }),
    ]
}

fn sheet(frameworks: Vec<String>) -> impl Strategy<Value = ScoreSheet> {
    (
        proptest::sample::select(frameworks),
        text(),
        proptest::collection::btree_map(
            "[0-9a-z.]{1,5}",
            (
                any::<bool>(),
                proptest::option::of("[a-z]{1,3}"),
                proptest::option::of(-50_000i64..50_000),
                text(),
            ),
            0..5,
        ),
    )
        .prop_map(|(framework_id, scored_by, inputs)| ScoreSheet {
            framework_id,
            scored_by,
            inputs: inputs
                .into_iter()
                .map(|(id, (ticked, picked, points, note))| {
                    (
                        id,
                        CriterionInput {
                            ticked,
                            picked,
                            override_points: points.map(Decimal::from_hundredths),
                            note,
                        },
                    )
                })
                .collect(),
        })
}

fn meeting(
    index: usize,
    member_ids: Vec<String>,
    frameworks: Vec<String>,
) -> impl Strategy<Value = Meeting> {
    let everyone = member_ids.len();
    (
        (
            recent_date(),
            proptest::sample::select(MeetingKind::ALL.to_vec()),
            proptest::option::of((0u32..1200, 1u32..240)),
            text(),
            proptest::option::of(proptest::sample::select(if everyone == 0 {
                vec![String::new()]
            } else {
                member_ids.clone()
            })),
            proptest::collection::vec((name(), text(), any::<bool>()), 0..2),
            subsequence(member_ids.clone(), 0..=everyone).prop_flat_map(|ids| {
                let count = ids.len();
                (Just(ids), proptest::collection::vec(attendance(), count))
            }),
            subsequence(member_ids.clone(), 0..=everyone),
        ),
        (
            proptest::collection::vec("[a-z_]{1,12}", 0..4),
            proptest::collection::vec((text(), any::<bool>(), text()), 0..3),
            proptest::collection::vec((text(), text(), proptest::option::of(recent_date())), 0..3),
            text(),
            (0u32..50, 0u32..50, 0u32..50),
            text(),
            sheet(frameworks.clone()),
            proptest::option::of(sheet(frameworks)),
            any::<bool>(),
            timestamp(),
        ),
    )
        .prop_map(
            move |(
                (date, kind, times, place, chair, guests, (present_ids, statuses), speakers),
                (
                    agenda,
                    previous,
                    next,
                    resolution,
                    (for_, against, abstain),
                    notes,
                    own,
                    superior,
                    finalised,
                    updated_at,
                ),
            )| {
                let mut meeting =
                    Meeting::new_draft(format!("meeting-{index}"), date, kind, "x", updated_at);
                if let Some((start, length)) = times {
                    meeting.start_time =
                        NaiveTime::from_num_seconds_from_midnight_opt(start * 60, 0);
                    meeting.end_time =
                        NaiveTime::from_num_seconds_from_midnight_opt((start + length) * 60, 0);
                }
                meeting.place = place;
                meeting.chair_id = chair.clone().filter(|id| !id.is_empty());
                meeting.secretary_id = chair.filter(|id| !id.is_empty());
                meeting.guests = guests
                    .into_iter()
                    .map(|(name, role, from_superior_committee)| Guest {
                        name,
                        role,
                        from_superior_committee,
                    })
                    .collect();
                meeting.attendance = present_ids
                    .into_iter()
                    .zip(statuses)
                    .map(|(member_id, attendance)| AttendanceRecord {
                        member_id,
                        attendance,
                    })
                    .collect();
                meeting.speakers = speakers;
                meeting.agenda_done = agenda;
                meeting.previous_tasks = previous
                    .into_iter()
                    .enumerate()
                    .map(|(n, (what, done, result))| PreviousTask {
                        id: format!("p{n}"),
                        what,
                        done,
                        result,
                    })
                    .collect();
                meeting.next_tasks = next
                    .into_iter()
                    .enumerate()
                    .map(|(n, (who, what, deadline))| NextTask {
                        id: format!("t{n}"),
                        who,
                        what,
                        deadline,
                    })
                    .collect();
                meeting.resolution = resolution;
                meeting.vote = VoteTally {
                    in_favour: for_,
                    against,
                    abstain,
                };
                meeting.notes = notes;
                meeting.own_sheet = own;
                meeting.superior_sheet = superior;
                meeting.status = if finalised {
                    MeetingStatus::Finalised
                } else {
                    MeetingStatus::Draft
                };
                meeting
            },
        )
}

fn sending() -> impl Strategy<Value = Option<Sending>> {
    proptest::option::of((timestamp(), any::<bool>())).prop_map(|sent| {
        sent.map(|(at, shared)| Sending { at, how: if shared { SentHow::ShareSheet } else { SentHow::MarkedByUser } })
    })
}

fn plan(index: usize, member_ids: Vec<String>) -> impl Strategy<Value = MeetingPlan> {
    let everyone = member_ids.len();
    (
        (id_suffix(), recent_date(), proptest::sample::select(MeetingKind::ALL.to_vec()), proptest::option::of((0u32..1439, proptest::option::of(0u32..1439)))),
        (text(), text(), text(), text()),
        proptest::collection::vec((text(), 0usize..4, id_suffix()), 0..4),
        proptest::option::of(prop_oneof![
            Just(CommitteePreparation::OnlySecretary),
            (date(), subsequence(member_ids, 0..=everyone), text())
                .prop_map(|(date, attendees, minutes)| CommitteePreparation::Meeting { date, attendees, minutes }),
        ]),
        (sending(), sending(), sending()),
        timestamp(),
    )
        .prop_map(move |((suffix, date, kind, times), (place, topic, outline, draft), content, committee, sent, updated_at)| {
            let mut plan = MeetingPlan::new(format!("plan-{index}-{suffix}"), date, kind, updated_at);
            if let Some((start, end)) = times {
                plan.start_time = NaiveTime::from_num_seconds_from_midnight_opt(start * 60, 0);
                plan.end_time = end.and_then(|end| NaiveTime::from_num_seconds_from_midnight_opt(end * 60, 0));
            }
            (plan.place, plan.topic, plan.outline, plan.draft_resolution) = (place, topic, outline, draft);
            let froms = [ContentFrom::Step, ContentFrom::CarriedTask, ContentFrom::Topic, ContentFrom::Added];
            plan.content = content
                .into_iter()
                .map(|(text, from, reference)| ContentItem { text, from: froms[from], reference })
                .collect();
            plan.committee = committee;
            (plan.notice_to_members, plan.notice_to_superior, plan.documents_sent) = sent;
            plan
        })
}

fn frameworks() -> impl Strategy<Value = Vec<CustomFramework>> {
    proptest::collection::vec((name(), timestamp()), 0..3).prop_map(|list| {
        list.into_iter()
            .enumerate()
            .map(|(n, (name, updated_at))| CustomFramework {
                updated_at,
                framework: custom_framework(&format!("khung-xa-{n}"), &name),
            })
            .collect()
    })
}

fn marks() -> impl Strategy<Value = Vec<HandbookMark>> {
    proptest::collection::vec((any::<bool>(), text(), timestamp()), 0..4).prop_map(|list| {
        list.into_iter()
            .enumerate()
            .map(|(n, (bookmarked, note, updated_at))| HandbookMark {
                item_id: format!("item-{n}"),
                bookmarked,
                note,
                updated_at,
            })
            .collect()
    })
}

/// Reviews of distinct years (their ids are their years'), each with random texts, level,
/// vote and status.
fn reviews() -> impl Strategy<Value = Vec<YearReview>> {
    let review = (
        text(),
        text(),
        proptest::option::of(0usize..4),
        proptest::option::of((0u32..40, 0u32..5, 0u32..5)),
        proptest::option::of(1u32..=28),
        any::<bool>(),
        timestamp(),
    );
    proptest::collection::vec(review, 0..3).prop_map(|list| {
        list.into_iter()
            .enumerate()
            .map(|(n, (results, shortcomings, level, vote, day, finalised, updated_at))| {
                let year = 2020 + i32::try_from(n).unwrap_or(0);
                let mut review = YearReview::new(year, BUILTIN_TEMPLATE_ID, updated_at);
                review.set_section("ket_qua", &results);
                review.set_section("han_che", &shortcomings);
                review.proposed_level = level.map(|index| ReviewLevel::BEST_FIRST[index]);
                review.vote = vote.map(|(in_favour, against, abstain)| VoteTally {
                    in_favour,
                    against,
                    abstain,
                });
                review.reviewed_on = day.and_then(|day| NaiveDate::from_ymd_opt(year, 12, day));
                if finalised {
                    review.status = ReviewStatus::Finalised;
                }
                review
            })
            .collect()
    })
}

fn templates() -> impl Strategy<Value = Vec<CustomTemplate>> {
    proptest::collection::vec((name(), timestamp()), 0..2).prop_map(|list| {
        list.into_iter()
            .enumerate()
            .map(|(n, (name, updated_at))| {
                let mut template = DossierTemplate::builtin();
                template.id = format!("mau-xa-{n}");
                template.name = name;
                CustomTemplate {
                    updated_at,
                    template,
                }
            })
            .collect()
    })
}

/// A month whose payment of up to 60 months still ends by 2100.
fn dues_month() -> impl Strategy<Value = YearMonth> {
    prop_oneof![3 => 2016i32..=2030, 1 => 1930i32..=2095]
        .prop_flat_map(|year| (Just(year), 1u32..=12))
        .prop_map(|(year, month)| YearMonth::new(year, month).unwrap_or_else(|| unreachable!()))
}

fn months_covered() -> impl Strategy<Value = u32> {
    prop_oneof![6 => Just(1u32), 2 => 2u32..=12, 1 => Just(MAX_DUES_MONTHS_COVERED)]
}

fn payments(member_ids: Vec<String>) -> BoxedStrategy<Vec<DuesPayment>> {
    if member_ids.is_empty() {
        return Just(Vec::new()).boxed();
    }
    let one = (
        proptest::sample::select(member_ids),
        dues_month(),
        months_covered(),
        any::<u64>(),
        any::<bool>(),
        proptest::option::of(date()),
        text(),
        timestamp(),
        timestamp(),
    );
    proptest::collection::vec(one, 0..8)
        .prop_map(|list| {
            list.into_iter()
                .enumerate()
                .map(|(n, (member_id, month, months_covered, raw, portal, paid_on, note, recorded_at, updated_at))| DuesPayment {
                    id: format!("pay-{n}"),
                    member_id,
                    month,
                    months_covered,
                    // 1 đ up to the bound for the months covered.
                    amount_dong: 1 + raw % max_payment_dong(months_covered),
                    way: if portal { PaymentWay::Portal } else { PaymentWay::Cash },
                    paid_on,
                    note,
                    recorded_at,
                    updated_at,
                })
                .collect()
        })
        .boxed()
}

fn relief() -> impl Strategy<Value = DuesRelief> {
    (
        prop_oneof![
            Just("tuoi_dang_50".to_owned()).prop_map(|ground| ReliefKind::Exempt { ground }),
            (1u32..10_000).prop_map(|basis_points| ReliefKind::Reduced { basis_points }),
        ],
        dues_month(),
        proptest::option::of(0i64..24),
        text(),
    )
        .prop_map(|(kind, from, length, note)| DuesRelief {
            kind,
            from,
            to: length.and_then(|length| from.plus(length)),
            note,
        })
}

fn profiles(member_ids: Vec<String>) -> impl Strategy<Value = Vec<DuesProfile>> {
    let count = member_ids.len();
    subsequence(member_ids, 0..=count).prop_flat_map(|ids| {
        ids.into_iter()
            .map(|member_id| {
                (
                    proptest::sample::select(vec!["huu_tri", "bhxh_bat_buoc", "mot-loai-cu"]),
                    0u64..=MAX_MONTHLY_DUES_DONG,
                    proptest::collection::vec(relief(), 0..3),
                    text(),
                    timestamp(),
                )
                    .prop_map(move |(category, usual, reliefs, note, updated_at)| DuesProfile {
                        reliefs,
                        note,
                        ..DuesProfile::new(member_id.clone(), category, usual, updated_at)
                    })
            })
            .collect::<Vec<_>>()
    })
}

/// The dues book of a dataset whose members are `member_ids`.
fn dues(member_ids: Vec<String>) -> impl Strategy<Value = (Vec<DuesPayment>, Vec<DuesProfile>, Option<Timestamp>)> {
    (payments(member_ids.clone()), profiles(member_ids), proptest::option::of(timestamp()))
}

fn dataset() -> impl Strategy<Value = Dataset> {
    (
        members(),
        frameworks(),
        marks(),
        proptest::option::of(timestamp()),
        proptest::option::of((name(), text(), 1u8..=31, timestamp())),
        (reviews(), templates()),
    )
        .prop_flat_map(|(members, frameworks, marks, pack_at, chi_bo, reviewed)| {
            let member_ids: Vec<String> = members.iter().map(|m| m.id.clone()).collect();
            let mut framework_ids: Vec<String> = builtin::SOURCES
                .iter()
                .map(|(id, _)| (*id).to_owned())
                .collect();
            framework_ids.extend(frameworks.iter().map(|f| f.framework.id.clone()));
            let attendee_ids = member_ids.clone();
            let plans = (0usize..4).prop_flat_map(move |count| {
                (0..count).map(|n| plan(n, attendee_ids.clone())).collect::<Vec<_>>()
            });
            let meetings = (0usize..6).prop_flat_map(move |count| {
                (0..count)
                    .map(|n| meeting(n, member_ids.clone(), framework_ids.clone()))
                    .collect::<Vec<_>>()
            });
            let chi_bo_framework = proptest::sample::select(
                builtin::SOURCES
                    .iter()
                    .map(|(id, _)| (*id).to_owned())
                    .chain(frameworks.iter().map(|f| f.framework.id.clone()))
                    .collect::<Vec<_>>(),
            );
            let dues = dues(members.iter().map(|m| m.id.clone()).collect());
            (
                Just((members, frameworks, marks, pack_at, chi_bo, reviewed)),
                (meetings, plans),
                chi_bo_framework,
                dues,
            )
        })
        .prop_map(
            |(
                (members, frameworks, marks, pack_at, chi_bo, (reviews, templates)),
                (mut meetings, plans),
                framework_id,
                (dues_payments, dues_profiles, rules_at),
            )| {
                // Meetings made from plans: the first ones name the first plans.
                for (meeting, plan) in meetings.iter_mut().zip(&plans) {
                    meeting.plan_id = Some(plan.id.clone());
                }
                Dataset {
                chi_bo: chi_bo.map(
                    |(name, superior_committee, usual_meeting_day, updated_at)| ChiBo {
                        id: "chibo-1".into(),
                        name,
                        kind: ChiBoKind::ToDanPho,
                        superior_committee,
                        place_name: String::new(),
                        usual_meeting_day,
                        framework_id,
                        updated_at,
                    },
                ),
                members,
                meetings,
                plans,
                reviews,
                marks,
                frameworks,
                templates,
                committee_pack: pack_at.map(|updated_at| CommitteePack {
                    updated_at,
                    pack: committee_pack(),
                }),
                dues_rules: rules_at.map(|updated_at| CommitteeDuesRules { updated_at, rules: committee_dues_rules() }),
                dues_profiles,
                dues_payments,
                deletions: Vec::new(),
            }},
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_full_backup_reads_back_identical(data in dataset()) {
        let backup = export_all(&data, exported_at(), "0.1.0");
        let json = backup.to_json();
        let read = parse_backup(json.as_bytes(), &ImportLimits::default());
        prop_assert!(read.is_ok(), "{}", read.err().map(|error| error.to_string()).unwrap_or_default());
        let read = read.unwrap_or_else(|_| unreachable!());
        prop_assert_eq!(&read, &backup);
        // Written again, byte for byte the same file.
        prop_assert_eq!(read.to_json(), json.clone());
        // The app's ways (written from the data in place; the data dropped before indenting)
        // write the same bytes.
        prop_assert_eq!(export_all_json(&data, exported_at(), "0.1.0"), json.clone());
        prop_assert_eq!(backup.into_json(), json);
    }

    #[test]
    fn a_year_backup_reads_back_identical_and_merges_as_unchanged(data in dataset()) {
        let years: std::collections::BTreeSet<i32> = data.meetings.iter().map(|m| m.date.year()).collect();
        for year in years {
            let backup = export_year(&data, year, exported_at(), "0.1.0");
            prop_assert!(backup.data.meetings.iter().all(|m| m.date.year() == year));
            let read = parse_backup(backup.to_json().as_bytes(), &ImportLimits::default());
            prop_assert!(read.is_ok(), "{}", read.err().map(|error| error.to_string()).unwrap_or_default());
            let read = read.unwrap_or_else(|_| unreachable!());
            prop_assert_eq!(&read, &backup);
            prop_assert!(preview(&data, &read.data).merge_changes_nothing());
            prop_assert_eq!(merge(&data, &read.data), data.clone());
        }
    }

    #[test]
    fn the_stored_layout_reads_back_identical(data in dataset()) {
        let entries: Vec<(String, String)> = storage::entries(&data).into_iter().collect();
        let stored = backup::read_storage(&entries);
        prop_assert!(stored.is_ok());
        let stored = stored.unwrap_or_else(|_| unreachable!());
        prop_assert!(stored.is_healthy(), "{:?}", stored.unreadable().collect::<Vec<_>>());
        prop_assert_eq!(sorted(stored.dataset), sorted(data.clone()));
        prop_assert!(storage::changes(&data, &data).is_empty());
    }

    #[test]
    fn storage_changes_turn_one_stored_dataset_into_another(before in dataset(), other in dataset()) {
        for after in [merge(&before, &other), other.clone()] {
            let mut stored = storage::entries(&before);
            let changes = storage::changes(&before, &after);
            for key in &changes.removes {
                stored.remove(key);
            }
            for (key, text) in &changes.writes {
                stored.insert(key.clone(), text.clone());
            }
            prop_assert_eq!(stored, storage::entries(&after));
        }
    }

    #[test]
    fn the_indentation_is_serde_json_s_own(data in dataset()) {
        let compact = serde_json::to_string(&data).unwrap_or_default();
        let pretty = serde_json::to_string_pretty(&data).unwrap_or_default();
        prop_assert_eq!(backup::indent(&compact), pretty);
    }

    #[test]
    fn a_dataset_merged_with_itself_is_unchanged(data in dataset()) {
        let preview = preview(&data, &data);
        prop_assert!(preview.merge_changes_nothing());
        prop_assert_eq!(preview.conflict_count(), 0);
        prop_assert_eq!(merge(&data, &data), data.clone());
    }

    #[test]
    fn file_names_are_plain_ascii(name in name(), year in 1930i32..2100) {
        let file = backup_file_name(Some(&name), Scope::Year { year }, NaiveDate::from_ymd_opt(2026, 5, 20).unwrap_or_default());
        prop_assert!(file.starts_with("so-tay-chi-bo_"));
        prop_assert!(file.ends_with("_2026-05-20.json"));
        prop_assert!(file.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)), "{}", file);
    }
}

#[test]
fn the_file_name_folds_the_chi_bo_name() {
    let date = NaiveDate::from_ymd_opt(2026, 5, 20).unwrap_or_default();
    assert_eq!(
        backup_file_name(Some("Chi bộ thôn Đông Tâm"), Scope::All, date),
        "so-tay-chi-bo_chi-bo-thon-dong-tam_2026-05-20.json"
    );
    assert_eq!(
        backup_file_name(
            Some("Chi bộ Khu phố 3 – Phường Ðông Hòa"),
            Scope::Year { year: 2025 },
            date
        ),
        "so-tay-chi-bo_chi-bo-khu-pho-3-phuong-dong-hoa_nam-2025_2026-05-20.json"
    );
    assert_eq!(
        backup_file_name(None, Scope::All, date),
        "so-tay-chi-bo_2026-05-20.json"
    );
    assert_eq!(
        backup_file_name(Some("«»"), Scope::All, date),
        "so-tay-chi-bo_2026-05-20.json"
    );
}

#[test]
fn the_sample_round_trips_and_a_year_holds_only_that_year() {
    let data = backup_support::sample();
    let year = export_year(&data, 2026, exported_at(), "0.1.0");
    assert_eq!(year.data.meetings.len(), 2);
    assert!(year.data.marks.is_empty() && year.data.committee_pack.is_none());
    assert_eq!(
        year.data.frameworks.len(),
        1,
        "the April meeting uses the committee framework"
    );
    let empty = export_year(&data, 2019, exported_at(), "0.1.0");
    assert!(empty.data.meetings.is_empty());
    assert!(empty.data.frameworks.is_empty());
    // m3 joined in 09/2025: not a member in 2019.
    assert!(empty.data.members.iter().all(|m| m.id != "m3"));
    let read = parse_backup(empty.to_json().as_bytes(), &ImportLimits::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read, empty);
}
