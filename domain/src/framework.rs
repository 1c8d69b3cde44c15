//! Scoring frameworks as data: the JSON a party committee can author, and its validation.
//!
//! The format is documented field by field in `docs/frameworks.md`. A framework is read
//! with [`Framework::from_json`], which parses and then validates it; every problem is a
//! [`FrameworkError`] whose Vietnamese message (its `Display`) names the place.
//!
//! Bands are an ordered list, best first; the first band whose condition holds applies,
//! and the last band has no condition ("otherwise"). So `[{"min_percent": 90, …},
//! {"min_percent": 75, …}, {"points": 1}]` gives 89.9 % the second band and 90 % the first.

mod authoring;
mod validation;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::decimal::Decimal;
use crate::model::MeetingKind;

pub use authoring::{move_in_list, Direction, RuleKind, Totals, SAMPLE_MEMBERS};
pub use validation::{FrameworkError, FrameworkLoadError, FrameworkPlace, Problem, Scope};

/// The only JSON format version this crate reads (`"format_version": 1`).
pub const FORMAT_VERSION: u32 = 1;

/// The four rating levels every local framework found uses. Ordered worst to best, so
/// `Rating::Tot > Rating::Kha`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Kém.
    Kem,
    /// Trung bình.
    TrungBinh,
    /// Khá.
    Kha,
    /// Tốt.
    Tot,
}

impl Rating {
    /// Best first, the order a report lists them.
    pub const BEST_FIRST: [Rating; 4] = [Rating::Tot, Rating::Kha, Rating::TrungBinh, Rating::Kem];

}

/// Where a framework's wording comes from (the tags of the domain reference).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WordingStatus {
    /// Wording seen in an official or mainstream press source, given verbatim.
    Verified,
    /// A summary (not verbatim) of a source that was verified.
    Summary,
    /// Wording only from third-party material (law portals, templates, transcriptions).
    Secondary,
    /// Not located; must not be shown as official text.
    Unverified,
}


/// Minimum score of each rating; below `trung_binh` is Kém.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingThresholds {
    /// Tốt from this score (inclusive).
    pub tot: Decimal,
    /// Khá from this score (inclusive).
    pub kha: Decimal,
    /// Trung bình from this score (inclusive).
    pub trung_binh: Decimal,
}

impl RatingThresholds {
    /// The rating a total earns by thresholds alone (before guards).
    pub fn rating_for(&self, total: Decimal) -> Rating {
        if total >= self.tot {
            Rating::Tot
        } else if total >= self.kha {
            Rating::Kha
        } else if total >= self.trung_binh {
            Rating::TrungBinh
        } else {
            Rating::Kem
        }
    }

    /// The minimum score of a rating (Kém: zero).
    pub fn minimum_of(&self, rating: Rating) -> Decimal {
        match rating {
            Rating::Tot => self.tot,
            Rating::Kha => self.kha,
            Rating::TrungBinh => self.trung_binh,
            Rating::Kem => Decimal::ZERO,
        }
    }
}

/// A band of a percentage measure. At most one of `min_percent` (value ≥ it) and
/// `above_percent` (value > it); neither means "otherwise" and belongs last.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PercentBand {
    /// The band applies when the percentage is at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_percent: Option<Decimal>,
    /// The band applies when the percentage is strictly above this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above_percent: Option<Decimal>,
    /// Points given.
    pub points: Decimal,
}

/// A band of the duration measure. At most one of the two conditions; neither means
/// "otherwise" and belongs last.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationBand {
    /// The band applies when the meeting was short of the required minutes by at most
    /// this many minutes (0 = full length).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_shortfall_minutes: Option<Decimal>,
    /// The band applies when the meeting lasted at least this percentage of the
    /// required minutes ("about half" = 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_percent_of_required: Option<Decimal>,
    /// Points given.
    pub points: Decimal,
}

/// A larger requirement for a chi bộ of at least `members` members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberCountRule {
    /// From this many members (active on the meeting date, exempt ones included).
    pub members: u32,
    /// Required minutes then.
    pub minutes: u32,
}

/// How many minutes a meeting must last. The largest applicable figure wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequiredMinutes {
    /// Always required (e.g. 90).
    pub default_minutes: u32,
    /// Larger chi bộ (e.g. 30 members → 120).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_members_at_least: Option<MemberCountRule>,
    /// A kết hợp meeting (e.g. 120).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_combined: Option<u32>,
    /// A stand-alone chuyên đề meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_thematic: Option<u32>,
}

impl RequiredMinutes {
    /// Every distinct figure this rule can produce (used to check band order).
    pub fn possible_values(&self) -> Vec<u32> {
        let mut values = vec![self.default_minutes];
        values.extend(self.if_members_at_least.map(|rule| rule.minutes));
        values.extend(self.if_combined);
        values.extend(self.if_thematic);
        values.sort_unstable();
        values.dedup();
        values
    }
}

/// The bonus for "nobody absent with reason more than N times in a row this year".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StreakBonus {
    /// Bonus points.
    pub points: Decimal,
    /// N: a run longer than this (in the year, up to and including the meeting) loses
    /// the bonus. 3 in HD 12.
    pub max_consecutive_absences_with_reason: u32,
}

/// An option of a pick-one criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PickOption {
    /// Stable id, unique within the criterion.
    pub id: String,
    /// Text shown.
    pub label: String,
    /// Points given.
    pub points: Decimal,
}

/// How a criterion is scored. In JSON: `"rule": {"type": "tick"}` and so on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// Ticked = `max_points`, not ticked = 0.
    Tick,
    /// The scorer picks one option.
    PickOne {
        /// The options.
        options: Vec<PickOption>,
    },
    /// Share of counted members present (exempt members and members not in the chi bộ
    /// on the date are not counted). `max_points` = best band + bonus.
    AttendanceRate {
        /// Bands of the percentage present.
        bands: Vec<PercentBand>,
        /// Anyone absent without reason gives the last band whatever the rate.
        #[serde(default)]
        absent_without_reason_forces_lowest_band: bool,
        /// Optional bonus for nobody's long run of absences with reason.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        streak_bonus: Option<StreakBonus>,
    },
    /// Length of the meeting against the required minutes.
    Duration {
        /// Required minutes.
        required_minutes: RequiredMinutes,
        /// Bands of the shortfall.
        bands: Vec<DurationBand>,
    },
    /// Share of the members present who spoke.
    SpeakersShare {
        /// Bands of the percentage who spoke.
        bands: Vec<PercentBand>,
    },
    /// Share of the previous resolution's tasks done.
    TasksMet {
        /// Bands of the percentage done.
        bands: Vec<PercentBand>,
    },
    /// Full marks when every non-optional order-of-business item is ticked, else 0.
    AgendaComplete,
    /// Full marks when the meeting's plan has at least one content item.
    ContentPrepared,
    /// Full marks when the plan has both an outline for the discussion and a draft
    /// resolution or conclusion.
    OutlineAndDraft,
    /// Full marks when the chi ủy met to prepare the meeting (on or before its day) or the
    /// chi bộ has only a bí thư.
    CommitteePrepared {
        /// The chi ủy's meeting counts only with its minutes written.
        #[serde(default, skip_serializing_if = "is_false")]
        requires_minutes: bool,
    },
    /// Full marks when the members were notified before the meeting began.
    NoticeSent {
        /// The superior committee member in charge must have been notified too.
        #[serde(default, skip_serializing_if = "is_false")]
        requires_superior: bool,
    },
    /// Full marks when the documents were sent at least `min_days_before` calendar days
    /// before the meeting's day (Vietnam time): sent 01/03 for a meeting on 03/03 is 2.
    DocumentsSent {
        /// Days required, 0–[`MAX_DAYS_BEFORE`] (0: by the meeting day itself).
        min_days_before: u32,
    },
}

/// The most days before a meeting a framework may require its documents to be sent: a
/// month, the time between two regular meetings.
pub const MAX_DAYS_BEFORE: u32 = 31;

impl Rule {
    /// True for rules the engine computes from the meeting record (and its plan).
    pub fn is_computed(&self) -> bool {
        !matches!(self, Rule::Tick | Rule::PickOne { .. })
    }

    /// True for the rules scored from the meeting's plan ([`crate::preparation`]). On
    /// these a tick in the sheet is the secretary's mark that the step was done though the
    /// plan does not show it: it gives full points as an override, listed as such.
    pub fn is_preparation(&self) -> bool {
        matches!(
            self,
            Rule::ContentPrepared
                | Rule::OutlineAndDraft
                | Rule::CommitteePrepared { .. }
                | Rule::NoticeSent { .. }
                | Rule::DocumentsSent { .. }
        )
    }
}

/// One criterion of a score sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id, unique in the whole framework (e.g. "4a.5").
    pub id: String,
    /// Text shown on the sheet.
    pub label: String,
    /// Maximum points.
    pub max_points: Decimal,
    /// How it is scored.
    pub rule: Rule,
    /// Scored only when the meeting holds a chuyên đề (chuyên đề or kết hợp); in other
    /// months the framework's [`Framework::outside_thematic_month`] says what happens to it
    /// (see docs/frameworks.md).
    #[serde(default, skip_serializing_if = "is_false")]
    pub only_in_thematic_month: bool,
    /// Guidance for the scorer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hint: String,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A group of criteria (e.g. "Công tác chuẩn bị", 10 points).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionGroup {
    /// Stable id, unique among groups (e.g. "3").
    pub id: String,
    /// Text shown.
    pub label: String,
    /// Declared maximum; must equal the sum of its criteria.
    pub max_points: Decimal,
    /// The criteria.
    pub criteria: Vec<Criterion>,
}

impl CriterionGroup {
    /// The sum of its criteria's maximums (to compare with `max_points`).
    pub fn criteria_sum(&self) -> Decimal {
        Decimal::sum(self.criteria.iter().map(|criterion| criterion.max_points))
    }
}

/// "Rating `rating` (or better) needs full marks on these criteria; otherwise at most
/// `otherwise`."
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuardRule {
    /// Stable id.
    pub id: String,
    /// The rating guarded.
    pub rating: Rating,
    /// Criteria that need full marks.
    pub requires_full_marks: Vec<String>,
    /// The best rating allowed when they don't have full marks.
    pub otherwise: Rating,
    /// Where the rule comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// An item of the order of business (trình tự) the meeting form renders as a checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable id.
    pub id: String,
    /// Text shown.
    pub label: String,
    /// Done only when due (e.g. admitting a member); not needed for "all steps done".
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
}

/// How a framework treats a criterion that counts only in a chuyên đề month
/// ([`Criterion::only_in_thematic_month`]) in a meeting without chuyên đề. In JSON:
/// `"outside_thematic_month": "grant_points"` (the default) or `"leave_out"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutsideThematicMonth {
    /// The criterion is given its full points: the total stays on the framework's scale
    /// and the thresholds apply unchanged (the reading of the built-in frameworks).
    #[default]
    GrantPoints,
    /// The criterion is left out: the maximum shrinks by its points, and the rating is
    /// judged on the total scaled back to the framework's total
    /// (total × `total_points` / reduced maximum).
    LeaveOut,
}

impl OutsideThematicMonth {
    fn is_default(&self) -> bool {
        *self == OutsideThematicMonth::GrantPoints
    }

}

/// A scoring framework: a versioned rule set with its legal basis and source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Format of this JSON; must be [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Stable id; a new edition of a committee's sheet gets a new id or a new `version`.
    pub id: String,
    /// Edition number of this id (1, 2, …).
    #[serde(default = "first_version")]
    pub version: u32,
    /// Name shown.
    pub name: String,
    /// Issuing body (cấp ủy ban hành).
    pub issued_by: String,
    /// Date of the issuing document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// Legal basis (căn cứ): the documents it applies.
    pub legal_basis: Vec<String>,
    /// First day it applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<NaiveDate>,
    /// Last day it applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<NaiveDate>,
    /// Where the text was taken from.
    pub source: String,
    /// How reliable the wording is.
    pub wording_status: WordingStatus,
    /// True when the points are placeholders a committee must set.
    #[serde(default, skip_serializing_if = "is_false")]
    pub placeholder_points: bool,
    /// Free note shown with the framework.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Meeting kinds it scores.
    pub applies_to: Vec<MeetingKind>,
    /// Declared total; must equal the sum of the groups.
    pub total_points: Decimal,
    /// Rating thresholds.
    pub rating_thresholds: RatingThresholds,
    /// Criterion groups.
    pub groups: Vec<CriterionGroup>,
    /// Guard rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guards: Vec<GuardRule>,
    /// What a chuyên đề-only criterion gives in a meeting without chuyên đề. Absent in
    /// older files, which keep loading with today's reading (full points).
    #[serde(default, skip_serializing_if = "OutsideThematicMonth::is_default")]
    pub outside_thematic_month: OutsideThematicMonth,
    /// Order of business for the meeting form.
    #[serde(default)]
    pub order_of_business: Vec<ChecklistItem>,
}

fn first_version() -> u32 {
    1
}

impl Framework {
    /// Parses and validates a framework file.
    pub fn from_json(json: &str) -> Result<Framework, FrameworkLoadError> {
        let framework: Framework =
            serde_json::from_str(json).map_err(|error| FrameworkLoadError::Syntax {
                line: error.line(),
                column: error.column(),
                detail: error.to_string(),
            })?;
        framework.validate().map_err(FrameworkLoadError::Invalid)?;
        Ok(framework)
    }

    /// Pretty JSON, in the documented format.
    pub fn to_json_pretty(&self) -> String {
        crate::indent::to_pretty_json(self)
    }

    /// Every criterion with its group, in sheet order.
    pub fn criteria(&self) -> impl Iterator<Item = (&CriterionGroup, &Criterion)> {
        self.groups.iter().flat_map(|group| {
            group
                .criteria
                .iter()
                .map(move |criterion| (group, criterion))
        })
    }

    /// A criterion by id.
    pub fn criterion(&self, criterion_id: &str) -> Option<&Criterion> {
        self.criteria()
            .map(|(_, criterion)| criterion)
            .find(|criterion| criterion.id == criterion_id)
    }

    /// The rating by thresholds alone (before guards).
    pub fn rating_for(&self, total: Decimal) -> Rating {
        self.rating_thresholds.rating_for(total)
    }

    /// True when the framework has a criterion that counts only in a chuyên đề month.
    pub fn has_thematic_only_criteria(&self) -> bool {
        self.criteria()
            .any(|(_, criterion)| criterion.only_in_thematic_month)
    }

    /// True when the framework scores meetings of this kind.
    pub fn applies_to_kind(&self, kind: MeetingKind) -> bool {
        self.applies_to.contains(&kind)
    }

    /// True when `date` is within the effective dates (both ends inclusive).
    pub fn is_in_effect_on(&self, date: NaiveDate) -> bool {
        self.effective_from.is_none_or(|from| from <= date)
            && self.effective_to.is_none_or(|to| date <= to)
    }

    /// Checks the framework; returns every problem found.
    pub fn validate(&self) -> Result<(), Vec<FrameworkError>> {
        validation::validate(self)
    }

    /// Every problem with its place (which field of which group, criterion, band…), for
    /// a form that shows each next to its field. The same checks as [`Framework::validate`].
    pub fn problems(&self) -> Vec<Problem> {
        validation::problems(self)
    }

    /// The file's text, when the framework has no problem (nothing invalid leaves the
    /// editor); otherwise every problem with its place.
    pub fn export(&self) -> Result<String, Vec<Problem>> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(self.to_json_pretty())
        } else {
            Err(problems)
        }
    }

    /// The sum of the groups' declared maximums (to compare with `total_points`).
    pub fn groups_sum(&self) -> Decimal {
        Decimal::sum(self.groups.iter().map(|group| group.max_points))
    }
}
