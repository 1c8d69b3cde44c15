//! Validation of a framework: every problem is a specific [`FrameworkError`] whose
//! Vietnamese message (its `Display`, built in [`crate::text`]) names the place.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::{
    Criterion, DurationBand, Framework, PercentBand, PickOption, Rating, RequiredMinutes, Rule,
    FORMAT_VERSION, MAX_DAYS_BEFORE,
};
use crate::decimal::Decimal;

/// Why a framework file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrameworkLoadError {
    /// Not JSON, or JSON that does not have the framework's shape.
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's own (English) description.
        detail: String,
    },
    /// Well-formed but inconsistent.
    Invalid(Vec<FrameworkError>),
}

impl std::error::Error for FrameworkLoadError {}

/// Where in a framework a required text is missing (positions are 1-based).
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrameworkPlace {
    /// The framework's own fields.
    Framework,
    /// A group by position (its id is missing).
    GroupAt(usize),
    /// A group by id.
    Group(String),
    /// A criterion by position in its group.
    CriterionAt { group_id: String, position: usize },
    /// A criterion by id.
    Criterion(String),
    /// An option by position in its criterion.
    OptionAt { criterion_id: String, position: usize },
    /// An option by id.
    OptionOf { criterion_id: String, option_id: String },
    /// A guard by position.
    GuardAt(usize),
    /// An order-of-business step by position.
    StepAt(usize),
    /// An order-of-business step by id.
    Step(String),
}

/// A specific problem in a framework. `Display` gives the Vietnamese message, naming the
/// place (group, criterion, band…) so that the author can fix it. Band numbers are
/// 1-based, as an author counts them.
// The fields are named for what they hold (`criterion_id`, `band`, `points`…); each
// variant's doc says what is wrong.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrameworkError {
    /// `format_version` is not one this app reads.
    UnsupportedFormatVersion { found: u32 },
    /// A required text is empty: where, and the JSON key.
    EmptyField { place: FrameworkPlace, field: &'static str },
    /// `applies_to` lists no meeting kind.
    NoMeetingKinds,
    /// `effective_to` is before `effective_from`.
    EffectiveDatesReversed { from: NaiveDate, to: NaiveDate },
    /// No groups at all.
    NoGroups,
    /// A group with no criteria.
    EmptyGroup { group_id: String },
    /// Two groups share an id.
    DuplicateGroupId { group_id: String },
    /// Two criteria share an id.
    DuplicateCriterionId { criterion_id: String },
    /// Two options of a criterion share an id.
    DuplicateOptionId {
        criterion_id: String,
        option_id: String,
    },
    /// Two order-of-business items share an id.
    DuplicateChecklistItemId { item_id: String },
    /// Two guards share an id.
    DuplicateGuardId { guard_id: String },
    /// The groups do not add up to `total_points`.
    TotalMismatch { declared: Decimal, sum: Decimal },
    /// A group's criteria do not add up to its `max_points`.
    GroupTotalMismatch {
        group_id: String,
        declared: Decimal,
        sum: Decimal,
    },
    /// A criterion's `max_points` is zero or negative.
    MaxPointsNotPositive { criterion_id: String },
    /// A pick-one criterion with no options.
    NoOptions { criterion_id: String },
    /// An option worth less than 0 or more than the criterion's maximum.
    OptionPointsOutOfRange {
        criterion_id: String,
        option_id: String,
        points: Decimal,
        max: Decimal,
    },
    /// No option is worth the criterion's maximum, so full marks are unreachable.
    OptionsDoNotReachMax {
        criterion_id: String,
        best: Decimal,
        max: Decimal,
    },
    /// A banded criterion with no bands.
    NoBands { criterion_id: String },
    /// A band with two conditions (band numbers are 1-based).
    BandHasTwoConditions { criterion_id: String, band: usize },
    /// A band threshold outside its range (percent 0–100, minutes ≥ 0).
    BandThresholdOutOfRange {
        criterion_id: String,
        band: usize,
        value: Decimal,
    },
    /// A band whose condition is looser than the next one's: bands must go from the
    /// strictest condition to the loosest.
    BandsUnordered { criterion_id: String, band: usize },
    /// A band that can never apply because an earlier band already covers it (same
    /// threshold, or after the "otherwise" band).
    BandsOverlap { criterion_id: String, band: usize },
    /// Values below the last band's threshold fall in no band (the last band must have
    /// no condition, or start at 0).
    BandsGap { criterion_id: String },
    /// A band worth less than 0 or more than the criterion allows.
    BandPointsOutOfRange {
        criterion_id: String,
        band: usize,
        points: Decimal,
        max: Decimal,
    },
    /// A looser band worth more than a stricter one.
    BandPointsIncrease { criterion_id: String, band: usize },
    /// The best band (plus any bonus) does not reach the criterion's maximum.
    BandsDoNotReachMax {
        criterion_id: String,
        best: Decimal,
        max: Decimal,
    },
    /// A required-minutes figure of zero.
    RequiredMinutesNotPositive { criterion_id: String },
    /// A streak bonus worth nothing or allowing no absence at all.
    StreakBonusInvalid { criterion_id: String },
    /// An "all steps done" criterion in a framework without an order of business.
    AgendaCriterionWithoutChecklist { criterion_id: String },
    /// A documents criterion requiring more days than [`super::MAX_DAYS_BEFORE`].
    DaysBeforeOutOfRange { criterion_id: String, days: u32 },
    /// Thresholds not strictly falling from Tốt to Trung bình, or not above zero.
    ThresholdsUnordered {
        tot: Decimal,
        kha: Decimal,
        trung_binh: Decimal,
    },
    /// A threshold above the total, so the rating is unreachable.
    ThresholdAboveTotal {
        rating: Rating,
        threshold: Decimal,
        total: Decimal,
    },
    /// A guard naming no criterion.
    GuardWithoutCriteria { guard_id: String },
    /// A guard naming a criterion that does not exist.
    GuardUnknownCriterion {
        guard_id: String,
        criterion_id: String,
    },
    /// A guard whose fallback rating is not lower than the rating it guards.
    GuardCapNotLower { guard_id: String },
    /// Every criterion counts only in a chuyên đề month, yet the framework scores
    /// thường kỳ meetings: such a meeting would have nothing to score.
    NothingToScoreOutsideThematicMonth,
}

impl FrameworkError {
    /// A stable machine code for the error kind (e.g. `"total_mismatch"`).
    pub fn code(&self) -> &'static str {
        use FrameworkError::*;
        match self {
            UnsupportedFormatVersion { .. } => "unsupported_format_version",
            EmptyField { .. } => "empty_field",
            NoMeetingKinds => "no_meeting_kinds",
            EffectiveDatesReversed { .. } => "effective_dates_reversed",
            NoGroups => "no_groups",
            EmptyGroup { .. } => "empty_group",
            DuplicateGroupId { .. } => "duplicate_group_id",
            DuplicateCriterionId { .. } => "duplicate_criterion_id",
            DuplicateOptionId { .. } => "duplicate_option_id",
            DuplicateChecklistItemId { .. } => "duplicate_checklist_item_id",
            DuplicateGuardId { .. } => "duplicate_guard_id",
            TotalMismatch { .. } => "total_mismatch",
            GroupTotalMismatch { .. } => "group_total_mismatch",
            MaxPointsNotPositive { .. } => "max_points_not_positive",
            NoOptions { .. } => "no_options",
            OptionPointsOutOfRange { .. } => "option_points_out_of_range",
            OptionsDoNotReachMax { .. } => "options_do_not_reach_max",
            NoBands { .. } => "no_bands",
            BandHasTwoConditions { .. } => "band_has_two_conditions",
            BandThresholdOutOfRange { .. } => "band_threshold_out_of_range",
            BandsUnordered { .. } => "bands_unordered",
            BandsOverlap { .. } => "bands_overlap",
            BandsGap { .. } => "bands_gap",
            BandPointsOutOfRange { .. } => "band_points_out_of_range",
            BandPointsIncrease { .. } => "band_points_increase",
            BandsDoNotReachMax { .. } => "bands_do_not_reach_max",
            RequiredMinutesNotPositive { .. } => "required_minutes_not_positive",
            StreakBonusInvalid { .. } => "streak_bonus_invalid",
            AgendaCriterionWithoutChecklist { .. } => "agenda_criterion_without_checklist",
            DaysBeforeOutOfRange { .. } => "days_before_out_of_range",
            ThresholdsUnordered { .. } => "thresholds_unordered",
            ThresholdAboveTotal { .. } => "threshold_above_total",
            GuardWithoutCriteria { .. } => "guard_without_criteria",
            GuardUnknownCriterion { .. } => "guard_unknown_criterion",
            GuardCapNotLower { .. } => "guard_cap_not_lower",
            NothingToScoreOutsideThematicMonth => "nothing_to_score_outside_thematic_month",
        }
    }

    /// Every code [`FrameworkError::code`] can return (the test suite checks each is
    /// produced by a fixture).
    pub const ALL_CODES: [&'static str; 36] = [
        "unsupported_format_version",
        "empty_field",
        "no_meeting_kinds",
        "effective_dates_reversed",
        "no_groups",
        "empty_group",
        "duplicate_group_id",
        "duplicate_criterion_id",
        "duplicate_option_id",
        "duplicate_checklist_item_id",
        "duplicate_guard_id",
        "total_mismatch",
        "group_total_mismatch",
        "max_points_not_positive",
        "no_options",
        "option_points_out_of_range",
        "options_do_not_reach_max",
        "no_bands",
        "band_has_two_conditions",
        "band_threshold_out_of_range",
        "bands_unordered",
        "bands_overlap",
        "bands_gap",
        "band_points_out_of_range",
        "band_points_increase",
        "bands_do_not_reach_max",
        "required_minutes_not_positive",
        "streak_bonus_invalid",
        "agenda_criterion_without_checklist",
        "days_before_out_of_range",
        "thresholds_unordered",
        "threshold_above_total",
        "guard_without_criteria",
        "guard_unknown_criterion",
        "guard_cap_not_lower",
        "nothing_to_score_outside_thematic_month",
    ];
}

impl std::error::Error for FrameworkError {}

/// Which part of a framework a problem is in, by position (0-based), so that a form can
/// show it next to the field even when ids are empty or repeated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The framework's own fields (name, dates, total…).
    Framework,
    /// `rating_thresholds`.
    Thresholds,
    /// A criterion group.
    Group(usize),
    /// A criterion: (group, criterion in the group).
    Criterion(usize, usize),
    /// An option of a pick-one criterion: (group, criterion, option).
    Option(usize, usize, usize),
    /// A band of a banded criterion: (group, criterion, band).
    Band(usize, usize, usize),
    /// A guard rule.
    Guard(usize),
    /// An order-of-business step.
    Step(usize),
}

impl Scope {
    /// The JSON pointer of the object (`/groups/0/criteria/2/rule/bands/1`).
    pub fn pointer(self) -> String {
        match self {
            Scope::Framework => String::new(),
            Scope::Thresholds => "/rating_thresholds".to_string(),
            Scope::Group(group) => format!("/groups/{group}"),
            Scope::Criterion(group, criterion) => format!("/groups/{group}/criteria/{criterion}"),
            Scope::Option(group, criterion, option) => {
                format!("/groups/{group}/criteria/{criterion}/rule/options/{option}")
            }
            Scope::Band(group, criterion, band) => {
                format!("/groups/{group}/criteria/{criterion}/rule/bands/{band}")
            }
            Scope::Guard(guard) => format!("/guards/{guard}"),
            Scope::Step(step) => format!("/order_of_business/{step}"),
        }
    }
}

/// A validation problem with its place: the [`Scope`] and the field in it (a JSON key,
/// possibly nested with `/`, such as `"points"` or `"rule/bands"`; empty for the whole
/// object). The message is the error's `Display`, the same a loaded file gets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The object.
    pub scope: Scope,
    /// The field of that object.
    pub field: &'static str,
    /// What is wrong.
    pub error: FrameworkError,
}

impl Problem {
    /// The JSON pointer of the field (`/groups/0/criteria/2/rule/bands/1/points`).
    pub fn pointer(&self) -> String {
        let object = self.scope.pointer();
        if self.field.is_empty() {
            object
        } else {
            format!("{object}/{}", self.field)
        }
    }
}

/// Problems as they are found.
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, scope: Scope, field: &'static str, error: FrameworkError) {
        self.0.push(Problem {
            scope,
            field,
            error,
        });
    }
}

/// Checks a framework; returns every problem found.
pub(super) fn validate(framework: &Framework) -> Result<(), Vec<FrameworkError>> {
    let problems = problems(framework);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.into_iter().map(|problem| problem.error).collect())
    }
}

/// Every problem of a framework, with its place, in the order a reader meets them.
pub(super) fn problems(framework: &Framework) -> Vec<Problem> {
    let mut out = Problems::default();
    validate_header(framework, &mut out);
    validate_structure(framework, &mut out);
    for (group_index, group) in framework.groups.iter().enumerate() {
        for (criterion_index, criterion) in group.criteria.iter().enumerate() {
            validate_criterion(framework, (group_index, criterion_index), criterion, &mut out);
        }
    }
    validate_thresholds(framework, &mut out);
    validate_guards(framework, &mut out);
    validate_checklist(framework, &mut out);
    validate_outside_thematic_month(framework, &mut out);
    out.0
}

/// A record's id, named by its position (it may be the empty one), and its label, named by
/// its id.
fn require_id_and_label(
    scope: Scope,
    (id, label): (&str, &str),
    place_by_index: impl Fn() -> FrameworkPlace,
    place_by_id: impl Fn() -> FrameworkPlace,
    out: &mut Problems,
) {
    require_text(scope, id, place_by_index, "id", out);
    require_text(scope, label, place_by_id, "label", out);
}

fn require_text(
    scope: Scope,
    value: &str,
    place: impl Fn() -> FrameworkPlace,
    field: &'static str,
    out: &mut Problems,
) {
    if value.trim().is_empty() {
        out.add(
            scope,
            field,
            FrameworkError::EmptyField {
                place: place(),
                field,
            },
        );
    }
}

/// A thường kỳ meeting must have something to score whatever the framework's
/// `outside_thematic_month` says.
fn validate_outside_thematic_month(framework: &Framework, out: &mut Problems) {
    let scores_ordinary_meetings = framework
        .applies_to
        .iter()
        .any(|kind| !kind.includes_thematic());
    let has_criteria = framework.criteria().next().is_some();
    let all_thematic_only = framework
        .criteria()
        .all(|(_, criterion)| criterion.only_in_thematic_month);
    if scores_ordinary_meetings && has_criteria && all_thematic_only {
        out.add(Scope::Framework, "outside_thematic_month", FrameworkError::NothingToScoreOutsideThematicMonth);
    }
}

fn validate_header(framework: &Framework, out: &mut Problems) {
    let scope = Scope::Framework;
    if framework.format_version != FORMAT_VERSION {
        out.add(
            scope,
            "format_version",
            FrameworkError::UnsupportedFormatVersion {
                found: framework.format_version,
            },
        );
    }
    let place = || FrameworkPlace::Framework;
    require_text(scope, &framework.id, place, "id", out);
    require_text(scope, &framework.name, place, "name", out);
    require_text(scope, &framework.issued_by, place, "issued_by", out);
    require_text(scope, &framework.source, place, "source", out);
    if framework.applies_to.is_empty() {
        out.add(scope, "applies_to", FrameworkError::NoMeetingKinds);
    }
    if let (Some(from), Some(to)) = (framework.effective_from, framework.effective_to) {
        if to < from {
            out.add(
                scope,
                "effective_to",
                FrameworkError::EffectiveDatesReversed { from, to },
            );
        }
    }
}

fn validate_structure(framework: &Framework, out: &mut Problems) {
    if framework.groups.is_empty() {
        out.add(Scope::Framework, "groups", FrameworkError::NoGroups);
    }
    let mut group_ids = HashSet::new();
    let mut criterion_ids = HashSet::new();
    for (group_index, group) in framework.groups.iter().enumerate() {
        let scope = Scope::Group(group_index);
        require_id_and_label(
            scope,
            (&group.id, &group.label),
            || FrameworkPlace::GroupAt(group_index + 1),
            || FrameworkPlace::Group(group.id.clone()),
            out,
        );
        if !group_ids.insert(group.id.as_str()) {
            out.add(
                scope,
                "id",
                FrameworkError::DuplicateGroupId {
                    group_id: group.id.clone(),
                },
            );
        }
        if group.criteria.is_empty() {
            out.add(
                scope,
                "criteria",
                FrameworkError::EmptyGroup {
                    group_id: group.id.clone(),
                },
            );
        }
        for (criterion_index, criterion) in group.criteria.iter().enumerate() {
            let scope = Scope::Criterion(group_index, criterion_index);
            require_id_and_label(
                scope,
                (&criterion.id, &criterion.label),
                || FrameworkPlace::CriterionAt { group_id: group.id.clone(), position: criterion_index + 1 },
                || FrameworkPlace::Criterion(criterion.id.clone()),
                out,
            );
            if !criterion_ids.insert(criterion.id.as_str()) {
                out.add(
                    scope,
                    "id",
                    FrameworkError::DuplicateCriterionId {
                        criterion_id: criterion.id.clone(),
                    },
                );
            }
        }
        let sum = group.criteria_sum();
        if sum != group.max_points {
            out.add(
                scope,
                "max_points",
                FrameworkError::GroupTotalMismatch {
                    group_id: group.id.clone(),
                    declared: group.max_points,
                    sum,
                },
            );
        }
    }
    let sum = framework.groups_sum();
    if sum != framework.total_points {
        out.add(
            Scope::Framework,
            "total_points",
            FrameworkError::TotalMismatch {
                declared: framework.total_points,
                sum,
            },
        );
    }
}

fn validate_criterion(
    framework: &Framework,
    (group, index): (usize, usize),
    criterion: &Criterion,
    out: &mut Problems,
) {
    let scope = Scope::Criterion(group, index);
    let id = &criterion.id;
    if criterion.max_points <= Decimal::ZERO {
        out.add(
            scope,
            "max_points",
            FrameworkError::MaxPointsNotPositive {
                criterion_id: id.clone(),
            },
        );
        // Band and option checks against a meaningless maximum would only add noise.
        return;
    }
    let mut found = Vec::new();
    match &criterion.rule {
        Rule::Tick => {}
        Rule::PickOne { options } => {
            validate_options((group, index), id, options, criterion.max_points, out);
        }
        Rule::AttendanceRate {
            bands,
            streak_bonus,
            ..
        } => {
            let bonus = streak_bonus.map_or(Decimal::ZERO, |bonus| bonus.points);
            if let Some(bonus) = streak_bonus {
                if bonus.points <= Decimal::ZERO || bonus.max_consecutive_absences_with_reason == 0
                {
                    found.push(FrameworkError::StreakBonusInvalid {
                        criterion_id: id.clone(),
                    });
                }
            }
            validate_percent_bands(id, bands, criterion.max_points, bonus, &mut found);
        }
        Rule::SpeakersShare { bands } | Rule::TasksMet { bands } => {
            validate_percent_bands(id, bands, criterion.max_points, Decimal::ZERO, &mut found);
        }
        Rule::Duration {
            required_minutes,
            bands,
        } => {
            validate_duration(id, required_minutes, bands, criterion.max_points, &mut found);
        }
        Rule::AgendaComplete => {
            if framework.order_of_business.iter().all(|item| item.optional) {
                found.push(FrameworkError::AgendaCriterionWithoutChecklist {
                    criterion_id: id.clone(),
                });
            }
        }
        Rule::DocumentsSent { min_days_before } if *min_days_before > MAX_DAYS_BEFORE => {
            found.push(FrameworkError::DaysBeforeOutOfRange { criterion_id: id.clone(), days: *min_days_before });
        }
        // Scored from the plan; nothing in them can be inconsistent.
        Rule::ContentPrepared
        | Rule::OutlineAndDraft
        | Rule::CommitteePrepared { .. }
        | Rule::NoticeSent { .. }
        | Rule::DocumentsSent { .. } => {}
    }
    for error in found {
        let (scope, field) = locate_rule_error(&criterion.rule, (group, index), &error);
        out.add(scope, field, error);
    }
}

/// The place of a problem found in a criterion's rule: its band, or the rule's field.
fn locate_rule_error(
    rule: &Rule,
    (group, criterion): (usize, usize),
    error: &FrameworkError,
) -> (Scope, &'static str) {
    use FrameworkError::*;
    let in_band = |band: usize| Scope::Band(group, criterion, band - 1);
    let in_criterion = Scope::Criterion(group, criterion);
    match error {
        BandHasTwoConditions { band, .. } => (in_band(*band), ""),
        BandThresholdOutOfRange { band, .. }
        | BandsUnordered { band, .. }
        | BandsOverlap { band, .. } => (in_band(*band), band_condition_key(rule, *band - 1)),
        BandPointsOutOfRange { band, .. } | BandPointsIncrease { band, .. } => {
            (in_band(*band), "points")
        }
        RequiredMinutesNotPositive { .. } => (in_criterion, "rule/required_minutes"),
        StreakBonusInvalid { .. } => (in_criterion, "rule/streak_bonus"),
        AgendaCriterionWithoutChecklist { .. } => (in_criterion, "rule"),
        DaysBeforeOutOfRange { .. } => (in_criterion, "rule/min_days_before"),
        _ => (in_criterion, "rule/bands"),
    }
}

/// The JSON key of a band's condition (empty for "otherwise").
fn band_condition_key(rule: &Rule, band: usize) -> &'static str {
    match rule {
        Rule::AttendanceRate { bands, .. }
        | Rule::SpeakersShare { bands }
        | Rule::TasksMet { bands } => match bands.get(band) {
            Some(PercentBand {
                above_percent: Some(_),
                min_percent: None,
                ..
            }) => "above_percent",
            Some(PercentBand {
                min_percent: Some(_),
                ..
            }) => "min_percent",
            _ => "",
        },
        Rule::Duration { bands, .. } => match bands.get(band) {
            Some(DurationBand {
                max_shortfall_minutes: Some(_),
                ..
            }) => "max_shortfall_minutes",
            Some(DurationBand {
                min_percent_of_required: Some(_),
                ..
            }) => "min_percent_of_required",
            _ => "",
        },
        _ => "",
    }
}

fn validate_options(
    (group, criterion): (usize, usize),
    id: &str,
    options: &[PickOption],
    max: Decimal,
    out: &mut Problems,
) {
    let in_criterion = Scope::Criterion(group, criterion);
    if options.is_empty() {
        out.add(
            in_criterion,
            "rule/options",
            FrameworkError::NoOptions {
                criterion_id: id.to_string(),
            },
        );
        return;
    }
    let mut option_ids = HashSet::new();
    for (index, option) in options.iter().enumerate() {
        let scope = Scope::Option(group, criterion, index);
        require_id_and_label(
            scope,
            (&option.id, &option.label),
            || FrameworkPlace::OptionAt { criterion_id: id.to_string(), position: index + 1 },
            || FrameworkPlace::OptionOf { criterion_id: id.to_string(), option_id: option.id.clone() },
            out,
        );
        if !option_ids.insert(option.id.as_str()) {
            out.add(
                scope,
                "id",
                FrameworkError::DuplicateOptionId {
                    criterion_id: id.to_string(),
                    option_id: option.id.clone(),
                },
            );
        }
        if option.points.is_negative() || option.points > max {
            out.add(
                scope,
                "points",
                FrameworkError::OptionPointsOutOfRange {
                    criterion_id: id.to_string(),
                    option_id: option.id.clone(),
                    points: option.points,
                    max,
                },
            );
        }
    }
    let best = options
        .iter()
        .map(|option| option.points)
        .max()
        .unwrap_or(Decimal::ZERO);
    if best < max {
        out.add(
            in_criterion,
            "rule/options",
            FrameworkError::OptionsDoNotReachMax {
                criterion_id: id.to_string(),
                best,
                max,
            },
        );
    }
}

/// The condition of one band, reduced to what ordering needs.
#[derive(Clone, Copy)]
enum BandCondition {
    /// No condition ("otherwise").
    Otherwise,
    /// A condition whose strictness can be compared: larger key = stricter.
    Key(i128),
    /// Two conditions given (reported separately).
    Ambiguous,
}

fn validate_percent_bands(
    id: &str,
    bands: &[PercentBand],
    max: Decimal,
    bonus: Decimal,
    errors: &mut Vec<FrameworkError>,
) {
    let hundred = Decimal::from_int(100);
    let mut conditions = Vec::with_capacity(bands.len());
    for (index, band) in bands.iter().enumerate() {
        let band_number = index + 1;
        let threshold = band.min_percent.or(band.above_percent);
        if let Some(value) = threshold.filter(|value| value.is_negative() || *value > hundred) {
            errors.push(FrameworkError::BandThresholdOutOfRange {
                criterion_id: id.to_string(),
                band: band_number,
                value,
            });
        }
        let condition = match (band.min_percent, band.above_percent) {
            (None, None) => BandCondition::Otherwise,
            // "≥ v" is looser than "> v": key 2v for ≥, 2v+1 for >.
            (Some(min), None) => BandCondition::Key(i128::from(min.hundredths()) * 2),
            (None, Some(above)) => BandCondition::Key(i128::from(above.hundredths()) * 2 + 1),
            (Some(_), Some(_)) => {
                errors.push(FrameworkError::BandHasTwoConditions {
                    criterion_id: id.to_string(),
                    band: band_number,
                });
                BandCondition::Ambiguous
            }
        };
        conditions.push(condition);
    }
    // "≥ 0 %" covers every value, so it closes the list like "otherwise".
    let covers_everything =
        |band: &PercentBand| band.min_percent.is_some_and(|min| min <= Decimal::ZERO);
    let last_covers_all = bands.last().is_some_and(covers_everything);
    let points: Vec<Decimal> = bands.iter().map(|band| band.points).collect();
    validate_band_list(
        id,
        &conditions,
        last_covers_all,
        &points,
        max,
        bonus,
        errors,
    );
}

fn validate_duration(
    id: &str,
    required: &RequiredMinutes,
    bands: &[DurationBand],
    max: Decimal,
    errors: &mut Vec<FrameworkError>,
) {
    let possible = required.possible_values();
    let member_rule_zero = required
        .if_members_at_least
        .is_some_and(|rule| rule.members == 0);
    if possible.contains(&0) || member_rule_zero {
        errors.push(FrameworkError::RequiredMinutesNotPositive {
            criterion_id: id.to_string(),
        });
        return;
    }
    for (index, band) in bands.iter().enumerate() {
        validate_duration_band_condition(id, index + 1, band, errors);
    }
    let last_covers_all = bands.last().is_some_and(|band| {
        band.min_percent_of_required
            .is_some_and(|percent| percent <= Decimal::ZERO)
    });
    let points: Vec<Decimal> = bands.iter().map(|band| band.points).collect();
    // Conditions mix minutes and percentages, so the order is checked for every required
    // length the rule can produce; a problem found for several lengths is reported once.
    let mut list_errors = Vec::new();
    for required_minutes in possible {
        let conditions: Vec<BandCondition> = bands
            .iter()
            .map(|band| duration_condition(band, required_minutes))
            .collect();
        let mut found = Vec::new();
        validate_band_list(
            id,
            &conditions,
            last_covers_all,
            &points,
            max,
            Decimal::ZERO,
            &mut found,
        );
        for error in found {
            if !list_errors.contains(&error) {
                list_errors.push(error);
            }
        }
    }
    errors.extend(list_errors);
}

fn validate_duration_band_condition(
    id: &str,
    band_number: usize,
    band: &DurationBand,
    errors: &mut Vec<FrameworkError>,
) {
    let out_of_range = |value: Decimal| FrameworkError::BandThresholdOutOfRange {
        criterion_id: id.to_string(),
        band: band_number,
        value,
    };
    match (band.max_shortfall_minutes, band.min_percent_of_required) {
        (Some(_), Some(_)) => errors.push(FrameworkError::BandHasTwoConditions {
            criterion_id: id.to_string(),
            band: band_number,
        }),
        (Some(shortfall), None) if shortfall.is_negative() => errors.push(out_of_range(shortfall)),
        (None, Some(percent)) if percent.is_negative() || percent > Decimal::from_int(100) => {
            errors.push(out_of_range(percent))
        }
        _ => {}
    }
}

/// A duration band's condition as the shortest meeting it accepts (in ten-thousandths
/// of a minute), for a given required length: larger = stricter.
fn duration_condition(band: &DurationBand, required_minutes: u32) -> BandCondition {
    let required = i128::from(required_minutes);
    match (band.max_shortfall_minutes, band.min_percent_of_required) {
        (None, None) => BandCondition::Otherwise,
        (Some(shortfall), None) => {
            let shortest = required * 10_000 - i128::from(shortfall.hundredths()) * 100;
            BandCondition::Key(shortest.max(0))
        }
        (None, Some(percent)) => BandCondition::Key(required * i128::from(percent.hundredths())),
        (Some(_), Some(_)) => BandCondition::Ambiguous,
    }
}

/// Checks a best-first band list: strictly looser conditions, "otherwise" only last, no
/// gap at the bottom, points within range, not increasing, and the best band reaching
/// the maximum.
fn validate_band_list(
    id: &str,
    conditions: &[BandCondition],
    last_covers_all: bool,
    points: &[Decimal],
    max: Decimal,
    bonus: Decimal,
    errors: &mut Vec<FrameworkError>,
) {
    let criterion_id = || id.to_string();
    if conditions.is_empty() {
        errors.push(FrameworkError::NoBands {
            criterion_id: criterion_id(),
        });
        return;
    }
    let mut previous: Option<BandCondition> = None;
    for (index, condition) in conditions.iter().enumerate() {
        let band = index + 1;
        match (previous, condition) {
            (Some(BandCondition::Otherwise), _) => {
                errors.push(FrameworkError::BandsOverlap {
                    criterion_id: criterion_id(),
                    band,
                });
            }
            (Some(BandCondition::Key(stricter)), BandCondition::Key(looser)) => {
                if *looser == stricter {
                    errors.push(FrameworkError::BandsOverlap {
                        criterion_id: criterion_id(),
                        band,
                    });
                } else if *looser > stricter {
                    errors.push(FrameworkError::BandsUnordered {
                        criterion_id: criterion_id(),
                        band,
                    });
                }
            }
            _ => {}
        }
        previous = Some(*condition);
    }
    let ends_with_otherwise = matches!(conditions.last(), Some(BandCondition::Otherwise));
    if !ends_with_otherwise && !last_covers_all {
        errors.push(FrameworkError::BandsGap {
            criterion_id: criterion_id(),
        });
    }
    let band_max = max - bonus;
    for (index, &band_points) in points.iter().enumerate() {
        if band_points.is_negative() || band_points > band_max {
            errors.push(FrameworkError::BandPointsOutOfRange {
                criterion_id: criterion_id(),
                band: index + 1,
                points: band_points,
                max: band_max,
            });
        }
    }
    for (index, (stricter, looser)) in points.iter().zip(points.iter().skip(1)).enumerate() {
        if looser > stricter {
            errors.push(FrameworkError::BandPointsIncrease {
                criterion_id: criterion_id(),
                band: index + 2,
            });
        }
    }
    let best = points.first().copied().unwrap_or(Decimal::ZERO) + bonus;
    if best != max {
        errors.push(FrameworkError::BandsDoNotReachMax {
            criterion_id: criterion_id(),
            best,
            max,
        });
    }
}

fn validate_thresholds(framework: &Framework, out: &mut Problems) {
    let thresholds = framework.rating_thresholds;
    let ordered = thresholds.tot > thresholds.kha
        && thresholds.kha > thresholds.trung_binh
        && thresholds.trung_binh > Decimal::ZERO;
    if !ordered {
        out.add(
            Scope::Thresholds,
            "",
            FrameworkError::ThresholdsUnordered {
                tot: thresholds.tot,
                kha: thresholds.kha,
                trung_binh: thresholds.trung_binh,
            },
        );
    }
    for (rating, key) in [
        (Rating::Tot, "tot"),
        (Rating::Kha, "kha"),
        (Rating::TrungBinh, "trung_binh"),
    ] {
        let threshold = thresholds.minimum_of(rating);
        if threshold > framework.total_points {
            out.add(
                Scope::Thresholds,
                key,
                FrameworkError::ThresholdAboveTotal {
                    rating,
                    threshold,
                    total: framework.total_points,
                },
            );
        }
    }
}

fn validate_guards(framework: &Framework, out: &mut Problems) {
    let mut guard_ids = HashSet::new();
    for (index, guard) in framework.guards.iter().enumerate() {
        let scope = Scope::Guard(index);
        let guard_id = || guard.id.clone();
        require_text(scope, &guard.id, || FrameworkPlace::GuardAt(index + 1), "id", out);
        if !guard_ids.insert(guard.id.as_str()) {
            out.add(scope, "id", FrameworkError::DuplicateGuardId { guard_id: guard_id() });
        }
        if guard.requires_full_marks.is_empty() {
            out.add(
                scope,
                "requires_full_marks",
                FrameworkError::GuardWithoutCriteria { guard_id: guard_id() },
            );
        }
        for criterion_id in &guard.requires_full_marks {
            if framework.criterion(criterion_id).is_none() {
                out.add(
                    scope,
                    "requires_full_marks",
                    FrameworkError::GuardUnknownCriterion {
                        guard_id: guard_id(),
                        criterion_id: criterion_id.clone(),
                    },
                );
            }
        }
        if guard.otherwise >= guard.rating {
            out.add(scope, "otherwise", FrameworkError::GuardCapNotLower { guard_id: guard_id() });
        }
    }
}

fn validate_checklist(framework: &Framework, out: &mut Problems) {
    let mut item_ids = HashSet::new();
    for (index, item) in framework.order_of_business.iter().enumerate() {
        let scope = Scope::Step(index);
        require_id_and_label(
            scope,
            (&item.id, &item.label),
            || FrameworkPlace::StepAt(index + 1),
            || FrameworkPlace::Step(item.id.clone()),
            out,
        );
        if !item_ids.insert(item.id.as_str()) {
            out.add(
                scope,
                "id",
                FrameworkError::DuplicateChecklistItemId {
                    item_id: item.id.clone(),
                },
            );
        }
    }
}
