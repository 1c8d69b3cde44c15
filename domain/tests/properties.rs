//! Property tests: scoring invariants over random sheets and meetings, rating
//! monotonicity, and the framework JSON round-trip over random valid frameworks.
//!
//! Random inputs are drawn from a vector of seeds (proptest shrinks the seeds), which
//! keeps the generators short; case counts are modest so the suite runs in seconds.

mod common;

use chrono::NaiveDate;
use common::*;
use proptest::prelude::*;
use sotay_domain::framework::{
    ChecklistItem, Criterion, CriterionGroup, DurationBand, Framework, GuardRule, PercentBand,
    OutsideThematicMonth, PickOption, Rating, RatingThresholds, RequiredMinutes, Rule, StreakBonus, WordingStatus,
    FORMAT_VERSION,
};
use sotay_domain::model::{Attendance, CriterionInput, MeetingKind, PreviousTask};
use sotay_domain::scoring::score_own_sheet;
use sotay_domain::{Decimal, Meeting, Member};

/// Deterministic draws from proptest-generated seeds.
struct Seeds {
    values: Vec<u32>,
    next: usize,
}

impl Seeds {
    fn new(values: Vec<u32>) -> Seeds {
        Seeds { values, next: 0 }
    }

    /// A number in `0..bound` (bound ≥ 1).
    fn below(&mut self, bound: u32) -> u32 {
        let value = self
            .values
            .get(self.next % self.values.len())
            .copied()
            .unwrap_or(0);
        self.next += 1;
        // Mix in the position so that a short seed vector still varies.
        (value ^ (self.next as u32).wrapping_mul(0x9E37_79B9)) % bound.max(1)
    }

    fn chance(&mut self, one_in: u32) -> bool {
        self.below(one_in) == 0
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u32) as usize]
    }
}

fn seeds() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(any::<u32>(), 16..96)
}

// ---------------------------------------------------------------------------------------
// Random meetings scored with the built-in frameworks
// ---------------------------------------------------------------------------------------

fn random_meeting(framework: &Framework, seeds: &mut Seeds) -> (Meeting, Vec<Member>) {
    let roster = roster(1 + seeds.below(40) as usize);
    let kind = seeds.pick(&MeetingKind::ALL);
    let mut meeting = Meeting::new_draft(
        "random",
        day(2025, 11, 3),
        kind,
        framework.id.clone(),
        now(),
    );
    if !seeds.chance(8) {
        meeting.start_time = Some(clock(18, seeds.below(60)));
        meeting.end_time =
            Some(clock(18, 0) + chrono::Duration::minutes(i64::from(seeds.below(200))));
    }
    for member in &roster {
        let attendance = match seeds.below(9) {
            0 => with_reason(),
            1 => Attendance::AbsentWithoutReason,
            2 => Attendance::Exempt,
            3 => continue, // nothing recorded
            _ => Attendance::Present,
        };
        meeting.set_attendance(&member.id, attendance);
        if seeds.below(3) > 0 {
            meeting.speakers.push(member.id.clone());
        }
    }
    for item in &framework.order_of_business {
        if seeds.below(5) > 0 {
            meeting.agenda_done.push(item.id.clone());
        }
    }
    for n in 0..seeds.below(12) {
        meeting.previous_tasks.push(PreviousTask {
            id: format!("t{n}"),
            what: "Việc".into(),
            done: seeds.chance(2) || seeds.chance(2),
            result: String::new(),
        });
    }
    for (_, criterion) in framework.criteria() {
        let mut input = CriterionInput {
            ticked: seeds.below(4) > 0,
            ..Default::default()
        };
        if let Rule::PickOne { options } = &criterion.rule {
            let index = seeds.below(options.len() as u32) as usize;
            input.picked = options.get(index).map(|option| option.id.clone());
        }
        if seeds.chance(10) {
            input.override_points =
                Some(Decimal::from_hundredths(i64::from(seeds.below(4500)) - 500));
        }
        meeting.own_sheet.inputs.insert(criterion.id.clone(), input);
    }
    (meeting, roster)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn total_is_the_sum_of_the_criteria_and_never_above_the_maximum(seed_values in seeds()) {
        let mut seeds = Seeds::new(seed_values);
        for framework in [an_phu(), binh_thuan(), hd12()] {
            let (meeting, roster) = random_meeting(&framework, &mut seeds);
            let result = score_own_sheet(&framework, &meeting, &roster, &[], &[]);
            prop_assert_eq!(result.total, Decimal::sum(result.criteria.iter().map(|score| score.points)));
            prop_assert_eq!(result.total, Decimal::sum(result.groups.iter().map(|group| group.points)));
            prop_assert!(result.total <= result.max);
            prop_assert_eq!(result.max, framework.total_points);
            for score in &result.criteria {
                prop_assert!(score.points >= Decimal::ZERO && score.points <= score.max_points, "{:?}", score);
            }
        }
    }

    #[test]
    fn a_guard_never_raises_a_rating(seed_values in seeds()) {
        let mut seeds = Seeds::new(seed_values);
        for framework in [an_phu(), binh_thuan(), hd12()] {
            let (meeting, roster) = random_meeting(&framework, &mut seeds);
            let result = score_own_sheet(&framework, &meeting, &roster, &[], &[]);
            prop_assert_eq!(result.rating_by_points, framework.rating_for(result.total));
            prop_assert!(result.rating <= result.rating_by_points);
            if framework.guards.is_empty() {
                prop_assert_eq!(result.rating, result.rating_by_points);
                prop_assert!(!result.adjustments.iter().any(is_guard));
            } else if result.rating < result.rating_by_points {
                prop_assert!(result.adjustments.iter().any(is_guard));
            }
        }
    }

    #[test]
    fn without_guards_ticking_one_more_item_never_lowers_the_rating(seed_values in seeds()) {
        let mut seeds = Seeds::new(seed_values);
        let framework = an_phu();
        let (mut meeting, roster) = random_meeting(&framework, &mut seeds);
        let before = score_own_sheet(&framework, &meeting, &roster, &[], &[]);
        let unticked: Vec<String> = framework
            .criteria()
            .filter(|(_, criterion)| criterion.rule == Rule::Tick)
            .map(|(_, criterion)| criterion.id.clone())
            .filter(|id| meeting.own_sheet.inputs.get(id).is_some_and(|input| !input.ticked && input.override_points.is_none()))
            .collect();
        prop_assume!(!unticked.is_empty());
        let chosen = &unticked[seeds.below(unticked.len() as u32) as usize];
        meeting.own_sheet.inputs.entry(chosen.clone()).or_default().ticked = true;
        let after = score_own_sheet(&framework, &meeting, &roster, &[], &[]);
        prop_assert!(after.total >= before.total);
        prop_assert!(after.rating >= before.rating);
    }

    #[test]
    fn rating_never_falls_as_the_score_rises(
        trung_binh in 1i64..5000,
        kha_gap in 1i64..3000,
        tot_gap in 1i64..3000,
        low in 0i64..12000,
        rise in 0i64..12000,
    ) {
        let thresholds = RatingThresholds {
            tot: Decimal::from_hundredths(trung_binh + kha_gap + tot_gap),
            kha: Decimal::from_hundredths(trung_binh + kha_gap),
            trung_binh: Decimal::from_hundredths(trung_binh),
        };
        let lower = thresholds.rating_for(Decimal::from_hundredths(low));
        let higher = thresholds.rating_for(Decimal::from_hundredths(low + rise));
        prop_assert!(lower <= higher);
    }
}

// ---------------------------------------------------------------------------------------
// Random valid frameworks round-trip through JSON
// ---------------------------------------------------------------------------------------

fn points(seeds: &mut Seeds, max_hundredths: i64) -> Decimal {
    // Whole or half points, as committees write them.
    let halves = max_hundredths / 50;
    Decimal::from_hundredths(i64::from(seeds.below(u32::try_from(halves + 1).unwrap_or(1))) * 50)
}

/// Points for `count` bands, best first, never increasing, the first equal to `best`.
fn falling_points(seeds: &mut Seeds, best: Decimal, count: usize) -> Vec<Decimal> {
    let mut result = vec![best];
    while result.len() < count {
        let previous = *result.last().unwrap_or(&best);
        result.push(points(seeds, previous.hundredths()));
    }
    result
}

/// Distinct thresholds in `1..=100`, falling.
fn falling_thresholds(seeds: &mut Seeds, count: usize) -> Vec<i64> {
    let mut values: Vec<i64> = Vec::new();
    while values.len() < count {
        let value = i64::from(1 + seeds.below(100));
        if !values.contains(&value) {
            values.push(value);
        }
    }
    values.sort_unstable_by(|a, b| b.cmp(a));
    values
}

fn percent_bands(seeds: &mut Seeds, best: Decimal) -> Vec<PercentBand> {
    let conditional = 1 + seeds.below(4) as usize;
    let thresholds = falling_thresholds(seeds, conditional);
    let band_points = falling_points(seeds, best, conditional + 1);
    let mut bands: Vec<PercentBand> = thresholds
        .iter()
        .zip(&band_points)
        .map(|(threshold, points)| {
            let value = Some(Decimal::from_int(*threshold));
            if seeds.chance(3) {
                PercentBand {
                    min_percent: None,
                    above_percent: value,
                    points: *points,
                }
            } else {
                PercentBand {
                    min_percent: value,
                    above_percent: None,
                    points: *points,
                }
            }
        })
        .collect();
    bands.push(PercentBand {
        min_percent: None,
        above_percent: None,
        points: band_points[conditional],
    });
    bands
}

fn random_rule(seeds: &mut Seeds, max: Decimal) -> Rule {
    match seeds.below(7) {
        0 => Rule::Tick,
        1 => {
            let mut options = vec![PickOption {
                id: "o0".into(),
                label: "Đạt đầy đủ".into(),
                points: max,
            }];
            for n in 1..=seeds.below(3) {
                options.push(PickOption {
                    id: format!("o{n}"),
                    label: format!("Mức {n}"),
                    points: points(seeds, max.hundredths()),
                });
            }
            Rule::PickOne { options }
        }
        2 if max >= Decimal::from_int(2) => {
            let bonus = Decimal::from_int(1);
            Rule::AttendanceRate {
                bands: percent_bands(seeds, max - bonus),
                absent_without_reason_forces_lowest_band: seeds.chance(2),
                streak_bonus: Some(StreakBonus {
                    points: bonus,
                    max_consecutive_absences_with_reason: 1 + seeds.below(4),
                }),
            }
        }
        2 => Rule::AttendanceRate {
            bands: percent_bands(seeds, max),
            absent_without_reason_forces_lowest_band: false,
            streak_bonus: None,
        },
        3 => {
            let default_minutes = 30 + seeds.below(120);
            let required_minutes = RequiredMinutes {
                default_minutes,
                if_members_at_least: seeds.chance(2).then(|| {
                    sotay_domain::framework::MemberCountRule {
                        members: 1 + seeds.below(50),
                        minutes: default_minutes + seeds.below(60),
                    }
                }),
                if_combined: seeds.chance(2).then(|| default_minutes + seeds.below(60)),
                if_thematic: None,
            };
            let band_points = falling_points(seeds, max, 4);
            let bands = vec![
                DurationBand {
                    max_shortfall_minutes: Some(Decimal::ZERO),
                    min_percent_of_required: None,
                    points: band_points[0],
                },
                DurationBand {
                    max_shortfall_minutes: Some(Decimal::from_int(10)),
                    min_percent_of_required: None,
                    points: band_points[1],
                },
                DurationBand {
                    max_shortfall_minutes: Some(Decimal::from_int(20)),
                    min_percent_of_required: None,
                    points: band_points[2],
                },
                DurationBand {
                    max_shortfall_minutes: None,
                    min_percent_of_required: None,
                    points: band_points[3],
                },
            ];
            Rule::Duration {
                required_minutes,
                bands,
            }
        }
        4 => Rule::SpeakersShare {
            bands: percent_bands(seeds, max),
        },
        5 => Rule::TasksMet {
            bands: percent_bands(seeds, max),
        },
        _ => Rule::AgendaComplete,
    }
}

const LABEL_WORDS: [&str; 8] = [
    "Chuẩn bị",
    "nội dung",
    "đầy đủ",
    "đảng viên",
    "phát biểu",
    "nghị quyết",
    "ý kiến",
    "Kết luận",
];

fn label(seeds: &mut Seeds) -> String {
    let words: Vec<&str> = (0..1 + seeds.below(4))
        .map(|_| seeds.pick(&LABEL_WORDS))
        .collect();
    words.join(" ")
}

fn random_framework(seeds: &mut Seeds) -> Framework {
    let mut groups = Vec::new();
    for group_index in 0..1 + seeds.below(4) {
        let mut criteria = Vec::new();
        for criterion_index in 0..1 + seeds.below(4) {
            let max = Decimal::from_hundredths(i64::from(1 + seeds.below(40)) * 50);
            criteria.push(Criterion {
                id: format!("{}.{}", group_index + 1, criterion_index + 1),
                label: label(seeds),
                max_points: max,
                rule: random_rule(seeds, max),
                only_in_thematic_month: seeds.chance(6),
                hint: if seeds.chance(3) {
                    label(seeds)
                } else {
                    String::new()
                },
            });
        }
        let max_points = Decimal::sum(criteria.iter().map(|criterion| criterion.max_points));
        groups.push(CriterionGroup {
            id: format!("{}", group_index + 1),
            label: label(seeds),
            max_points,
            criteria,
        });
    }
    let total = Decimal::sum(groups.iter().map(|group| group.max_points));
    let thresholds = RatingThresholds {
        tot: total,
        kha: Decimal::from_hundredths(total.hundredths() * 70 / 100),
        trung_binh: Decimal::from_hundredths(total.hundredths() * 50 / 100),
    };
    let guards = if seeds.chance(2) {
        vec![GuardRule {
            id: "guard".into(),
            rating: Rating::Tot,
            requires_full_marks: vec!["1.1".into()],
            otherwise: Rating::Kha,
            note: label(seeds),
        }]
    } else {
        Vec::new()
    };
    let effective_from = NaiveDate::from_ymd_opt(
        2018 + seeds.below(8) as i32,
        1 + seeds.below(12),
        1 + seeds.below(28),
    );
    // A thường kỳ meeting must have something to score (the validator refuses a sheet of
    // chuyên đề-only criteria), so the first criterion always counts every month.
    if let Some(first) = groups.first_mut().and_then(|group: &mut CriterionGroup| group.criteria.first_mut()) {
        first.only_in_thematic_month = false;
    }
    Framework {
        format_version: FORMAT_VERSION,
        id: format!("khung-{}", seeds.below(1000)),
        version: 1 + seeds.below(5),
        name: label(seeds),
        issued_by: "Đảng ủy xã thử".into(),
        issued_on: effective_from.filter(|_| seeds.chance(2)),
        legal_basis: (0..seeds.below(3)).map(|_| label(seeds)).collect(),
        effective_from,
        effective_to: None,
        source: "Nguồn thử".into(),
        wording_status: seeds.pick(&[
            WordingStatus::Verified,
            WordingStatus::Summary,
            WordingStatus::Secondary,
            WordingStatus::Unverified,
        ]),
        placeholder_points: seeds.chance(2),
        note: if seeds.chance(2) {
            label(seeds)
        } else {
            String::new()
        },
        applies_to: vec![seeds.pick(&MeetingKind::ALL)],
        total_points: total,
        rating_thresholds: thresholds,
        groups,
        guards,
        outside_thematic_month: seeds.pick(&[
            OutsideThematicMonth::GrantPoints,
            OutsideThematicMonth::LeaveOut,
        ]),
        order_of_business: (0..1 + seeds.below(4))
            .map(|n| ChecklistItem {
                id: format!("b{n}"),
                label: label(seeds),
                optional: n > 0 && seeds.chance(3),
            })
            .collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_valid_frameworks_round_trip_through_json(seed_values in seeds()) {
        let framework = random_framework(&mut Seeds::new(seed_values));
        prop_assert_eq!(framework.validate(), Ok(()));
        let pretty = Framework::from_json(&framework.to_json_pretty());
        prop_assert_eq!(pretty.as_ref(), Ok(&framework));
        let compact = serde_json::to_string(&framework).expect("serialises");
        prop_assert_eq!(Framework::from_json(&compact), Ok(framework));
    }

    #[test]
    fn random_frameworks_score_random_meetings_without_panicking(seed_values in seeds()) {
        let mut seeds = Seeds::new(seed_values);
        let framework = random_framework(&mut seeds);
        let (meeting, roster) = random_meeting(&framework, &mut seeds);
        let result = score_own_sheet(&framework, &meeting, &roster, &[], &[]);
        prop_assert!(result.total <= result.max);
        prop_assert!(result.rating <= result.rating_by_points);
        // A scaled total never exceeds the full maximum.
        if let Some(scaled) = result.scaled_total {
            prop_assert!(scaled <= framework.total_points, "{} > {}", scaled, framework.total_points);
        }
    }
}

/// Breaks a valid framework in random ways the validator would reject.
fn corrupt(framework: &mut Framework, seeds: &mut Seeds) {
    for group in &mut framework.groups {
        for criterion in &mut group.criteria {
            if seeds.chance(4) {
                criterion.max_points = Decimal::from_hundredths(i64::from(seeds.below(400)) - 200);
            }
            match &mut criterion.rule {
                Rule::PickOne { options } if seeds.chance(3) => options.clear(),
                Rule::AttendanceRate { bands, .. }
                | Rule::SpeakersShare { bands }
                | Rule::TasksMet { bands } => {
                    if seeds.chance(3) {
                        bands.clear();
                    } else if seeds.chance(2) {
                        bands.reverse();
                    }
                }
                Rule::Duration {
                    bands,
                    required_minutes,
                } => {
                    if seeds.chance(3) {
                        bands.clear();
                    }
                    if seeds.chance(3) {
                        required_minutes.default_minutes = 0;
                    }
                }
                _ => {}
            }
        }
    }
    if seeds.chance(2) {
        framework.order_of_business.clear();
    }
    if seeds.chance(2) {
        let thresholds = &mut framework.rating_thresholds;
        std::mem::swap(&mut thresholds.tot, &mut thresholds.trung_binh);
    }
    if seeds.chance(2) {
        framework.guards.push(GuardRule {
            id: "g".into(),
            rating: Rating::Kem,
            requires_full_marks: vec!["9.9".into()],
            otherwise: Rating::Tot,
            note: String::new(),
        });
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn invalid_frameworks_are_rejected_or_scored_without_panicking(seed_values in seeds()) {
        let mut seeds = Seeds::new(seed_values);
        let mut framework = random_framework(&mut seeds);
        corrupt(&mut framework, &mut seeds);
        // Validation reports problems instead of panicking, and the engine still copes.
        let _ = framework.validate();
        let _ = Framework::from_json(&framework.to_json_pretty());
        let (meeting, roster) = random_meeting(&framework, &mut seeds);
        let result = score_own_sheet(&framework, &meeting, &roster, &[], &[]);
        prop_assert!(result.total <= result.max);
        prop_assert!(result.rating <= result.rating_by_points);
        // A scaled total never exceeds the full maximum.
        if let Some(scaled) = result.scaled_total {
            prop_assert!(scaled <= framework.total_points, "{} > {}", scaled, framework.total_points);
        }
    }
}

/// A guard lowered the rating.
fn is_guard(adjustment: &sotay_domain::scoring::Adjustment) -> bool {
    matches!(adjustment, sotay_domain::scoring::Adjustment::Guard { .. })
}
