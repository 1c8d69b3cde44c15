//! The scoring engine: meeting + roster + the year's other meetings + framework → points
//! per criterion (with how each was derived), total, rating, and every guard or cap
//! applied — as facts ([`Derivation`], [`Adjustment`], [`Notice`]) carrying the numbers
//! they explain. The Vietnamese sentences are made from them in `text::score`, which
//! nothing here calls: the đảng ủy's overview and the year summary score every meeting
//! without formatting a word they would throw away.
//!
//! Pure functions: no clock, no I/O, no panics on any input (an invalid framework still
//! scores, it just cannot score sensibly; validate frameworks when loading them).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::decimal::{Decimal, Ratio};
use crate::framework::{
    Criterion, DurationBand, Framework, OutsideThematicMonth, PercentBand, Rating,
    RequiredMinutes, Rule, StreakBonus,
};
use chrono::{NaiveDate, NaiveTime};

use crate::model::{Attendance, CriterionInput, Meeting, MeetingKind, Member, ScoreSheet};
use crate::preparation::{self, plan_of, MeetingPlan, PlanLink, PreparationDerivation};

/// Who attended a meeting, counted the way the frameworks count (HD 12): members not in
/// the chi bộ on the date are ignored, exempt members are excluded from the denominator.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceFacts {
    /// Members of the chi bộ on the date, exempt ones included (the chi bộ's size).
    pub members_in_chi_bo: u32,
    /// Members expected: in the chi bộ and not exempt (the denominator).
    pub counted: u32,
    /// Counted members present.
    pub present: u32,
    /// Counted members absent with reason.
    pub absent_with_reason: u32,
    /// Counted members absent without reason.
    pub absent_without_reason: u32,
    /// Counted members with no attendance recorded (they count as not present).
    pub unrecorded: u32,
    /// Members exempt on the date (by their exemption periods or marked exempt).
    pub exempt: u32,
    /// Ids of the counted members present.
    pub present_ids: Vec<String>,
    /// Ids of the counted members absent without reason.
    pub absent_without_reason_ids: Vec<String>,
}

impl AttendanceFacts {
    /// Present out of counted, when anyone is counted.
    pub fn rate(&self) -> Option<Ratio> {
        Ratio::new(self.present, self.counted)
    }
}

/// How a member stood at one meeting, for counting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Standing<'a> {
    /// Not in the chi bộ on the date.
    NotMember,
    /// Exempt (by period or marked exempt).
    Exempt,
    /// Expected, with what was recorded (None = nothing recorded).
    Counted(Option<&'a Attendance>),
}

pub(crate) fn standing<'a>(member: &Member, meeting: &'a Meeting) -> Standing<'a> {
    if !member.is_active_on(meeting.date) {
        return Standing::NotMember;
    }
    let recorded = meeting.attendance_of(&member.id);
    if member.is_exempt_on(meeting.date) || matches!(recorded, Some(Attendance::Exempt)) {
        Standing::Exempt
    } else {
        Standing::Counted(recorded)
    }
}

/// Counts attendance at a meeting.
pub fn attendance_facts(meeting: &Meeting, roster: &[Member]) -> AttendanceFacts {
    let mut facts = AttendanceFacts::default();
    for member in roster {
        match standing(member, meeting) {
            Standing::NotMember => continue,
            Standing::Exempt => facts.exempt += 1,
            Standing::Counted(recorded) => {
                facts.counted += 1;
                match recorded {
                    Some(Attendance::Present) => {
                        facts.present += 1;
                        facts.present_ids.push(member.id.clone());
                    }
                    Some(Attendance::AbsentWithReason { .. }) => facts.absent_with_reason += 1,
                    Some(Attendance::AbsentWithoutReason) => {
                        facts.absent_without_reason += 1;
                        facts.absent_without_reason_ids.push(member.id.clone());
                    }
                    Some(Attendance::Exempt) | None => facts.unrecorded += 1,
                }
            }
        }
        facts.members_in_chi_bo += 1;
    }
    facts
}

/// The meetings of `meeting`'s calendar year up to and including it, in order. `others`
/// may hold any meetings (other years, later ones, even `meeting` itself).
pub fn year_so_far<'a>(meeting: &'a Meeting, others: &'a [Meeting]) -> Vec<&'a Meeting> {
    use chrono::Datelike;
    let year = meeting.date.year();
    let key = meeting.chronological_key();
    let mut meetings: Vec<&Meeting> = others
        .iter()
        .filter(|other| other.id != meeting.id)
        .filter(|other| other.date.year() == year && other.chronological_key() < key)
        .collect();
    meetings.sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
    meetings.push(meeting);
    meetings
}

/// The longest run of consecutive "absent with reason" of a member over `meetings`
/// (in order). Present or absent without reason ends a run; meetings where the member
/// was not expected (not yet / no longer a member, exempt) or nothing was recorded
/// neither extend nor end it.
pub fn longest_run_absent_with_reason(member: &Member, meetings: &[&Meeting]) -> u32 {
    let mut longest = 0;
    let mut current = 0;
    for meeting in meetings {
        match standing(member, meeting) {
            Standing::Counted(Some(Attendance::AbsentWithReason { .. })) => {
                current += 1;
                longest = longest.max(current);
            }
            Standing::Counted(Some(Attendance::Present | Attendance::AbsentWithoutReason)) => {
                current = 0
            }
            _ => {}
        }
    }
    longest
}

/// Where a criterion's points came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PointsSource {
    /// A tick or an option entered by the scorer.
    Manual,
    /// Computed from the meeting record.
    Computed,
    /// Entered by hand over what the engine gives (see `computed_points`).
    Overridden,
    /// A chuyên đề-only criterion in a meeting without chuyên đề: full points given.
    GrantedOutsideThematicMonth,
    /// A chuyên đề-only criterion in a meeting without chuyên đề, in a framework that
    /// leaves it out: no points and no maximum (the rating uses the scaled total).
    LeftOutOutsideThematicMonth,
    /// Not enough data (no times, no tasks, nothing picked…): 0 points until entered.
    NeedsInput,
}

/// The result for one criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionScore {
    /// Criterion id.
    pub criterion_id: String,
    /// Its group's id.
    pub group_id: String,
    /// Criterion label.
    pub label: String,
    /// Points given.
    pub points: Decimal,
    /// Maximum.
    pub max_points: Decimal,
    /// What the engine gives without the override (set when overridden, and for every
    /// computed criterion).
    pub computed_points: Option<Decimal>,
    /// Where the points came from.
    pub source: PointsSource,
    /// How the points were derived (worded by `text::score`: "9/11 đảng viên có mặt =
    /// 81,8% → 3 điểm").
    pub derivation: Derivation,
}

/// How a criterion's points were derived: the facts its explanation is made of.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Derivation {
    /// A tick criterion, ticked or not.
    Tick {
        /// Ticked.
        ticked: bool,
        /// Points given.
        points: Decimal,
    },
    /// A pick-one criterion: the option picked.
    Picked {
        /// The option's label.
        label: String,
        /// Its points.
        points: Decimal,
    },
    /// A pick-one criterion with nothing picked.
    NothingPicked,
    /// Attendance with no member to count.
    NoCountedMembers,
    /// The attendance rate and what followed from it.
    Attendance(AttendanceDerivation),
    /// The meeting's length against what is required.
    Duration {
        /// Start.
        start: NaiveTime,
        /// End.
        end: NaiveTime,
        /// Minutes held.
        minutes: i64,
        /// Minutes required.
        required: u32,
        /// Why more than the default is required, if so.
        reason: Option<LongerMeetingReason>,
        /// Points given.
        points: Decimal,
    },
    /// No start or end time, or the end not after the start.
    NoTimes {
        /// Start as recorded.
        start: Option<NaiveTime>,
        /// End as recorded.
        end: Option<NaiveTime>,
    },
    /// Nobody present to count speakers among.
    NobodyPresent,
    /// The share of members present who spoke.
    Speakers {
        /// Spoke / present.
        ratio: Ratio,
        /// Points given.
        points: Decimal,
    },
    /// No tasks of the last resolution recorded.
    NoPreviousTasks,
    /// The share of the last resolution's tasks done.
    Tasks {
        /// Done / all.
        ratio: Ratio,
        /// Points given.
        points: Decimal,
    },
    /// The required steps of the order of business done.
    Agenda {
        /// Steps done.
        done: usize,
        /// Steps required.
        required: usize,
        /// Labels of the steps missing.
        missing: Vec<String>,
        /// Points given.
        points: Decimal,
    },
    /// A chuyên đề-only criterion in a month without chuyên đề, given full points.
    ThematicGranted {
        /// Its maximum.
        max: Decimal,
    },
    /// A chuyên đề-only criterion in a month without chuyên đề, left out.
    ThematicLeftOut {
        /// The maximum taken off the sheet.
        max: Decimal,
    },
    /// A preparation criterion, scored from the meeting's plan.
    Preparation(PreparationDerivation),
    /// Points entered by hand over what the engine gives.
    Overridden {
        /// Points kept.
        kept: Decimal,
        /// What the engine gives.
        computed: Decimal,
        /// How the engine got there.
        of: Box<Derivation>,
    },
}

/// The facts of an attendance criterion: the rate and its band, the lowest band forced by
/// an absence without reason, the streak bonus given or lost, and the points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttendanceDerivation {
    /// Present / counted.
    pub ratio: Ratio,
    /// Counted members absent with reason.
    pub absent_with_reason: u32,
    /// Counted members absent without reason.
    pub absent_without_reason: u32,
    /// Counted members with nothing recorded.
    pub unrecorded: u32,
    /// Members not counted because exempt.
    pub exempt: u32,
    /// The points of the band the rate falls in (`None`: no band matches).
    pub band_points: Option<Decimal>,
    /// The lowest band forced: the members absent without reason, and its points.
    pub forced_lowest: Option<(Vec<String>, Decimal)>,
    /// The streak bonus, given or lost.
    pub streak: Option<Streak>,
    /// Points given.
    pub points: Decimal,
}

/// The "nobody absent with reason more than N times in a row" bonus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Streak {
    /// Given.
    Given(StreakBonus),
    /// Lost: the members with longer runs, and their runs.
    Lost(StreakBonus, Vec<(String, u32)>),
}

/// Why a meeting must last longer than the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LongerMeetingReason {
    /// A chi bộ of at least this many members.
    LargeChiBo(u32),
    /// A regular meeting combined with a chuyên đề.
    Combined,
    /// A chuyên đề meeting.
    Thematic,
}

/// A guard or cap applied to the sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Adjustment {
    /// An absence without reason forced the lowest attendance band.
    ForcedLowest {
        /// The criterion's label.
        label: String,
        /// The members absent without reason.
        names: Vec<String>,
        /// The band's points.
        points: Decimal,
    },
    /// The streak bonus was not given.
    StreakLost {
        /// The criterion's label.
        label: String,
        /// The bonus.
        bonus: StreakBonus,
        /// The members with longer runs, and their runs.
        runs: Vec<(String, u32)>,
    },
    /// A chuyên đề-only criterion given full points in a month without chuyên đề.
    ThematicGranted {
        /// The criterion's label.
        label: String,
        /// Its maximum.
        max: Decimal,
    },
    /// A chuyên đề-only criterion left out in a month without chuyên đề.
    ThematicLeftOut {
        /// The criterion's label.
        label: String,
        /// The maximum taken off.
        max: Decimal,
    },
    /// The rating judged on the total scaled to the full maximum.
    Scaled {
        /// Total.
        total: Decimal,
        /// Maximum after criteria left out.
        max: Decimal,
        /// The total scaled to `full`.
        scaled: Decimal,
        /// The full maximum.
        full: Decimal,
    },
    /// Points entered by hand replaced the engine's.
    Overridden {
        /// The criterion's label.
        label: String,
        /// Points kept.
        kept: Decimal,
        /// The engine's points.
        computed: Decimal,
    },
    /// Points entered by hand were outside the criterion's range.
    OverrideClamped {
        /// The criterion's label.
        label: String,
        /// What was entered.
        entered: Decimal,
        /// What was kept.
        kept: Decimal,
    },
    /// A guard lowered the rating: criteria without full marks.
    Guard {
        /// The total judged.
        total: Decimal,
        /// The rating before.
        before: Rating,
        /// The criteria short of full marks: label, points, maximum.
        short: Vec<(String, Decimal, Decimal)>,
        /// The rating after.
        after: Rating,
    },
}

/// Something to look at on the sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Notice {
    /// The framework is not for this kind of meeting.
    KindNotCovered(MeetingKind),
    /// The framework is not in effect on the meeting's date.
    NotInEffect {
        /// The framework's name.
        framework: String,
        /// The meeting's date.
        day: NaiveDate,
        /// The framework's first day in effect, if set.
        from: Option<NaiveDate>,
        /// Its last day, if set.
        to: Option<NaiveDate>,
    },
    /// The sheet was filled against another framework.
    OtherFramework {
        /// The sheet's framework id.
        sheet: String,
        /// The framework scored with.
        framework: String,
    },
    /// The sheet has an input for a criterion the framework does not have.
    UnknownInput(String),
    /// Criteria still waiting for input (their labels).
    NeedsInput(Vec<String>),
}

impl CriterionScore {
    /// True when the criterion has its maximum.
    pub fn has_full_marks(&self) -> bool {
        self.points >= self.max_points
    }
}

/// A group's subtotal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupScore {
    /// Group id.
    pub group_id: String,
    /// Group label.
    pub label: String,
    /// Points.
    pub points: Decimal,
    /// Maximum.
    pub max_points: Decimal,
}

/// The scored sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingScore {
    /// Framework used.
    pub framework_id: String,
    /// Every criterion, in sheet order.
    pub criteria: Vec<CriterionScore>,
    /// Group subtotals.
    pub groups: Vec<GroupScore>,
    /// Sum of the criteria.
    pub total: Decimal,
    /// Sum of the criteria's maxima (reduced when criteria were left out).
    pub max: Decimal,
    /// When criteria were left out (a framework with `leave_out` in a month without
    /// chuyên đề): the total scaled back to the full maximum, rounded to hundredths, on
    /// which the rating is judged. `None` when nothing was left out.
    pub scaled_total: Option<Decimal>,
    /// Rating by thresholds alone.
    pub rating_by_points: Rating,
    /// Rating after guards.
    pub rating: Rating,
    /// The sheet's maximum when nothing is left out (the scale of `scaled_total`).
    pub full_max: Decimal,
    /// Every guard or cap applied (forced lowest band, lost bonus, points given outside a
    /// chuyên đề month, overrides, guard caps).
    pub adjustments: Vec<Adjustment>,
    /// Things to look at (framework not for this kind of meeting or not in effect,
    /// criteria still needing input…).
    pub notices: Vec<Notice>,
}

impl MeetingScore {
    /// The result for a criterion.
    pub fn criterion(&self, criterion_id: &str) -> Option<&CriterionScore> {
        self.criteria
            .iter()
            .find(|score| score.criterion_id == criterion_id)
    }

    /// True when some criterion still needs input.
    pub fn needs_input(&self) -> bool {
        self.criteria
            .iter()
            .any(|score| score.source == PointsSource::NeedsInput)
    }
}

/// Scores the chi bộ's own sheet of a meeting.
pub fn score_own_sheet(
    framework: &Framework,
    meeting: &Meeting,
    roster: &[Member],
    other_meetings: &[Meeting],
    plans: &[MeetingPlan],
) -> MeetingScore {
    score_sheet(framework, meeting, &meeting.own_sheet, roster, other_meetings, plans)
}

/// Scores the superior committee's sheet, if there is one.
pub fn score_superior_sheet(
    framework: &Framework,
    meeting: &Meeting,
    roster: &[Member],
    other_meetings: &[Meeting],
    plans: &[MeetingPlan],
) -> Option<MeetingScore> {
    let sheet = meeting.superior_sheet.as_ref()?;
    Some(score_sheet(framework, meeting, sheet, roster, other_meetings, plans))
}

/// Scores one sheet of a meeting. `other_meetings` may be all the chi bộ's meetings: the
/// engine uses those of the same year held before this one (for the absence streak).
/// `plans` may be all the chi bộ's meeting plans: the preparation criteria are scored from
/// the one the meeting names ([`Meeting::plan_id`]).
pub fn score_sheet(
    framework: &Framework,
    meeting: &Meeting,
    sheet: &ScoreSheet,
    roster: &[Member],
    other_meetings: &[Meeting],
    plans: &[MeetingPlan],
) -> MeetingScore {
    let context = Context::new(framework, meeting, roster, other_meetings, plans);
    let mut adjustments = Vec::new();
    let mut notices = context.notices(sheet);
    let criteria: Vec<CriterionScore> = framework
        .criteria()
        .map(|(group, criterion)| {
            let input = sheet.input(&criterion.id);
            score_criterion(&context, &group.id, criterion, input, &mut adjustments)
        })
        .collect();
    notices.extend(needs_input_notice(&criteria));
    let groups = group_scores(framework, &criteria);
    let total = Decimal::sum(criteria.iter().map(|score| score.points));
    let max = Decimal::sum(criteria.iter().map(|score| score.max_points));
    let scaled_total = scaled_total(framework, &criteria, total, max);
    if let Some(scaled) = scaled_total {
        adjustments.push(Adjustment::Scaled { total, max, scaled, full: full_max(framework) });
    }
    let judged = scaled_total.unwrap_or(total);
    let rating_by_points = framework.rating_for(judged);
    let rating = apply_guards(
        framework,
        &criteria,
        judged,
        rating_by_points,
        &mut adjustments,
    );
    MeetingScore {
        framework_id: framework.id.clone(),
        criteria,
        groups,
        total,
        max,
        scaled_total,
        rating_by_points,
        rating,
        full_max: full_max(framework),
        adjustments,
        notices,
    }
}

/// The sheet's maximum when nothing is left out.
fn full_max(framework: &Framework) -> Decimal {
    Decimal::sum(
        framework
            .criteria()
            .map(|(_, criterion)| Ord::max(criterion.max_points, Decimal::ZERO)),
    )
}

/// The total scaled to the full maximum, when criteria were left out; rounded half up to
/// the hundredth. `None` when nothing was left out or nothing is left to score.
fn scaled_total(
    framework: &Framework,
    criteria: &[CriterionScore],
    total: Decimal,
    max: Decimal,
) -> Option<Decimal> {
    let left_out = criteria
        .iter()
        .any(|score| score.source == PointsSource::LeftOutOutsideThematicMonth);
    if !left_out || max <= Decimal::ZERO {
        return None;
    }
    let numerator = i128::from(total.hundredths()) * i128::from(full_max(framework).hundredths());
    let denominator = i128::from(max.hundredths());
    let hundredths = (numerator * 2 + denominator) / (denominator * 2);
    Some(Decimal::from_hundredths(
        i64::try_from(hundredths).unwrap_or(i64::MAX),
    ))
}

/// Everything the criteria need, computed once per sheet.
struct Context<'a> {
    framework: &'a Framework,
    meeting: &'a Meeting,
    roster: &'a [Member],
    facts: AttendanceFacts,
    year_so_far: Vec<&'a Meeting>,
    plan: PlanLink<'a>,
}

impl<'a> Context<'a> {
    fn new(
        framework: &'a Framework,
        meeting: &'a Meeting,
        roster: &'a [Member],
        other_meetings: &'a [Meeting],
        plans: &'a [MeetingPlan],
    ) -> Context<'a> {
        Context {
            framework,
            meeting,
            roster,
            facts: attendance_facts(meeting, roster),
            year_so_far: year_so_far(meeting, other_meetings),
            plan: plan_of(meeting, plans),
        }
    }

    fn notices(&self, sheet: &ScoreSheet) -> Vec<Notice> {
        let mut notices = Vec::new();
        if !self.framework.applies_to_kind(self.meeting.kind) {
            notices.push(Notice::KindNotCovered(self.meeting.kind));
        }
        if !self.framework.is_in_effect_on(self.meeting.date) {
            notices.push(Notice::NotInEffect {
                framework: self.framework.name.clone(),
                day: self.meeting.date,
                from: self.framework.effective_from,
                to: self.framework.effective_to,
            });
        }
        if !sheet.framework_id.is_empty() && sheet.framework_id != self.framework.id {
            notices.push(Notice::OtherFramework {
                sheet: sheet.framework_id.clone(),
                framework: self.framework.id.clone(),
            });
        }
        for criterion_id in sheet.inputs.keys() {
            if self.framework.criterion(criterion_id).is_none() {
                notices.push(Notice::UnknownInput(criterion_id.clone()));
            }
        }
        notices
    }

    fn member_name(&self, member_id: &str) -> String {
        self.roster
            .iter()
            .find(|member| member.id == member_id)
            .map_or_else(|| member_id.to_string(), |member| member.name.clone())
    }
}

/// What a rule gives before overrides and the chuyên đề rule.
struct RuleOutcome {
    points: Decimal,
    source: PointsSource,
    derivation: Derivation,
}

impl RuleOutcome {
    fn computed(points: Decimal, derivation: Derivation) -> RuleOutcome {
        RuleOutcome {
            points,
            source: PointsSource::Computed,
            derivation,
        }
    }

    fn manual(points: Decimal, derivation: Derivation) -> RuleOutcome {
        RuleOutcome {
            points,
            source: PointsSource::Manual,
            derivation,
        }
    }

    fn needs_input(derivation: Derivation) -> RuleOutcome {
        RuleOutcome {
            points: Decimal::ZERO,
            source: PointsSource::NeedsInput,
            derivation,
        }
    }
}

fn score_criterion(
    context: &Context,
    group_id: &str,
    criterion: &Criterion,
    input: Option<&CriterionInput>,
    adjustments: &mut Vec<Adjustment>,
) -> CriterionScore {
    // A negative maximum only exists in an invalid framework; treat it as 0.
    let mut max = Ord::max(criterion.max_points, Decimal::ZERO);
    let outside_thematic_month =
        criterion.only_in_thematic_month && !context.meeting.kind.includes_thematic();
    let mut outcome = if outside_thematic_month {
        match context.framework.outside_thematic_month {
            OutsideThematicMonth::GrantPoints => {
                adjustments.push(Adjustment::ThematicGranted { label: criterion.label.clone(), max });
                RuleOutcome {
                    points: max,
                    source: PointsSource::GrantedOutsideThematicMonth,
                    derivation: Derivation::ThematicGranted { max },
                }
            }
            OutsideThematicMonth::LeaveOut => {
                adjustments.push(Adjustment::ThematicLeftOut { label: criterion.label.clone(), max });
                let derivation = Derivation::ThematicLeftOut { max };
                max = Decimal::ZERO;
                RuleOutcome {
                    points: Decimal::ZERO,
                    source: PointsSource::LeftOutOutsideThematicMonth,
                    derivation,
                }
            }
        }
    } else {
        apply_rule(context, criterion, input, adjustments)
    };
    outcome.points = outcome.points.clamp_to(Decimal::ZERO, max);
    let computed_points = criterion.rule.is_computed().then_some(outcome.points);
    let mut score = CriterionScore {
        criterion_id: criterion.id.clone(),
        group_id: group_id.to_string(),
        label: criterion.label.clone(),
        points: outcome.points,
        max_points: max,
        computed_points,
        source: outcome.source,
        derivation: outcome.derivation,
    };
    if let Some(entered) = input.and_then(|input| input.override_points) {
        apply_override(&mut score, entered, adjustments);
    } else if marked_done(criterion, input) && !score.has_full_marks() {
        let max = score.max_points;
        apply_override(&mut score, max, adjustments);
    }
    score
}

/// The secretary's tick on a preparation criterion: the step was done though the plan does
/// not show it (documents sent through the national handbook app, a chi ủy meeting held
/// before the app was used). It overrides to full points, listed as a hand entry, so the
/// superior committee sees it; with full points from the plan it changes nothing.
fn marked_done(criterion: &Criterion, input: Option<&CriterionInput>) -> bool {
    criterion.rule.is_preparation() && input.is_some_and(|input| input.ticked)
}

fn apply_override(score: &mut CriterionScore, entered: Decimal, adjustments: &mut Vec<Adjustment>) {
    let kept = entered.clamp_to(Decimal::ZERO, score.max_points);
    if kept != entered {
        adjustments.push(Adjustment::OverrideClamped { label: score.label.clone(), entered, kept });
    }
    adjustments.push(Adjustment::Overridden { label: score.label.clone(), kept, computed: score.points });
    let engine = std::mem::replace(&mut score.derivation, Derivation::NothingPicked);
    score.derivation = Derivation::Overridden { kept, computed: score.points, of: Box::new(engine) };
    score.computed_points = Some(score.points);
    score.points = kept;
    score.source = PointsSource::Overridden;
}

fn apply_rule(
    context: &Context,
    criterion: &Criterion,
    input: Option<&CriterionInput>,
    adjustments: &mut Vec<Adjustment>,
) -> RuleOutcome {
    let max = criterion.max_points;
    match &criterion.rule {
        Rule::Tick => {
            let ticked = input.is_some_and(|input| input.ticked);
            let points = if ticked { max } else { Decimal::ZERO };
            RuleOutcome::manual(points, Derivation::Tick { ticked, points })
        }
        Rule::PickOne { options } => {
            let picked = input.and_then(|input| input.picked.as_deref());
            match picked.and_then(|id| options.iter().find(|option| option.id == id)) {
                Some(option) => RuleOutcome::manual(
                    option.points,
                    Derivation::Picked { label: option.label.clone(), points: option.points },
                ),
                None => RuleOutcome::needs_input(Derivation::NothingPicked),
            }
        }
        Rule::AttendanceRate {
            bands,
            absent_without_reason_forces_lowest_band,
            streak_bonus,
        } => score_attendance(
            context,
            criterion,
            bands,
            *absent_without_reason_forces_lowest_band,
            streak_bonus.as_ref(),
            adjustments,
        ),
        Rule::Duration {
            required_minutes,
            bands,
        } => score_duration(context, required_minutes, bands),
        Rule::SpeakersShare { bands } => score_speakers(context, bands),
        Rule::TasksMet { bands } => score_tasks(context, bands),
        Rule::AgendaComplete => score_agenda(context, max),
        rule @ (Rule::ContentPrepared
        | Rule::OutlineAndDraft
        | Rule::CommitteePrepared { .. }
        | Rule::NoticeSent { .. }
        | Rule::DocumentsSent { .. }) => score_preparation(context, rule, max),
    }
}

/// A preparation criterion, from the meeting's plan: needs input when there is none.
fn score_preparation(context: &Context, rule: &Rule, max: Decimal) -> RuleOutcome {
    let plan = match context.plan {
        PlanLink::Linked(plan) => plan,
        PlanLink::NotLinked => return RuleOutcome::needs_input(Derivation::Preparation(PreparationDerivation::NoPlan)),
        PlanLink::Missing(plan_id) => {
            let missing = PreparationDerivation::PlanMissing { plan_id: plan_id.to_owned() };
            return RuleOutcome::needs_input(Derivation::Preparation(missing));
        }
    };
    match preparation::criteria::evaluate(rule, plan, context.meeting, context.roster, max) {
        Some((points, derivation)) => RuleOutcome::computed(points, Derivation::Preparation(derivation)),
        // Never: only the preparation rules come here.
        None => RuleOutcome::needs_input(Derivation::NothingPicked),
    }
}

/// The first band whose condition holds, with its 0-based position.
pub fn percent_band(bands: &[PercentBand], ratio: Ratio) -> Option<(usize, &PercentBand)> {
    bands
        .iter()
        .enumerate()
        .find(|(_, band)| match (band.min_percent, band.above_percent) {
            (Some(min), _) if !ratio.percent_at_least(min) => false,
            (_, Some(above)) if !ratio.percent_above(above) => false,
            _ => true,
        })
}

/// The first duration band that holds for a meeting of `minutes` against `required`.
pub fn duration_band(
    bands: &[DurationBand],
    minutes: i64,
    required: u32,
) -> Option<(usize, &DurationBand)> {
    let required = i64::from(required);
    let shortfall = (required - minutes).max(0);
    bands.iter().enumerate().find(|(_, band)| {
        let shortfall_ok = band
            .max_shortfall_minutes
            .is_none_or(|limit| i128::from(shortfall) * 100 <= i128::from(limit.hundredths()));
        let share_ok = band.min_percent_of_required.is_none_or(|percent| {
            i128::from(minutes) * 10_000 >= i128::from(percent.hundredths()) * i128::from(required)
        });
        shortfall_ok && share_ok
    })
}

fn score_attendance(
    context: &Context,
    criterion: &Criterion,
    bands: &[PercentBand],
    forces_lowest: bool,
    streak_bonus: Option<&StreakBonus>,
    adjustments: &mut Vec<Adjustment>,
) -> RuleOutcome {
    let facts = &context.facts;
    let Some(ratio) = facts.rate() else {
        return RuleOutcome::needs_input(Derivation::NoCountedMembers);
    };
    let by_rate = percent_band(bands, ratio);
    let forced = forces_lowest && facts.absent_without_reason > 0;
    let chosen = if forced {
        bands.last().map(|band| (bands.len() - 1, band))
    } else {
        by_rate
    };
    let band_points = chosen.map_or(Decimal::ZERO, |(_, band)| band.points);
    let mut derivation = AttendanceDerivation {
        ratio,
        absent_with_reason: facts.absent_with_reason,
        absent_without_reason: facts.absent_without_reason,
        unrecorded: facts.unrecorded,
        exempt: facts.exempt,
        band_points: by_rate.map(|(_, band)| band.points),
        forced_lowest: None,
        streak: None,
        points: band_points,
    };
    if forced {
        let names: Vec<String> = facts
            .absent_without_reason_ids
            .iter()
            .map(|id| context.member_name(id))
            .collect();
        adjustments.push(Adjustment::ForcedLowest {
            label: criterion.label.clone(),
            names: names.clone(),
            points: band_points,
        });
        derivation.forced_lowest = Some((names, band_points));
    }
    let mut points = band_points;
    if let Some(bonus) = streak_bonus {
        let long_runs = long_absence_runs(context, bonus.max_consecutive_absences_with_reason);
        if long_runs.is_empty() {
            points = points + bonus.points;
            derivation.streak = Some(Streak::Given(*bonus));
        } else {
            adjustments.push(Adjustment::StreakLost {
                label: criterion.label.clone(),
                bonus: *bonus,
                runs: long_runs.clone(),
            });
            derivation.streak = Some(Streak::Lost(*bonus, long_runs));
        }
    }
    derivation.points = points;
    RuleOutcome::computed(points, Derivation::Attendance(derivation))
}

/// Counted members whose longest run of absences with reason this year exceeds `limit`,
/// with the run length.
fn long_absence_runs(context: &Context, limit: u32) -> Vec<(String, u32)> {
    context
        .roster
        .iter()
        .filter(|member| matches!(standing(member, context.meeting), Standing::Counted(_)))
        .filter_map(|member| {
            let run = longest_run_absent_with_reason(member, &context.year_so_far);
            (run > limit).then(|| (member.name.clone(), run))
        })
        .collect()
}

/// Required minutes for this meeting and the reason for the figure, if not the default.
pub fn required_minutes_for(
    rule: &RequiredMinutes,
    kind: MeetingKind,
    members_in_chi_bo: u32,
) -> (u32, Option<LongerMeetingReason>) {
    let mut required = (rule.default_minutes, None);
    let mut consider = |minutes: u32, reason: LongerMeetingReason| {
        if minutes > required.0 {
            required = (minutes, Some(reason));
        }
    };
    if let Some(large) = rule.if_members_at_least {
        if members_in_chi_bo >= large.members {
            consider(large.minutes, LongerMeetingReason::LargeChiBo(large.members));
        }
    }
    match kind {
        MeetingKind::KetHop => {
            if let Some(minutes) = rule.if_combined {
                consider(minutes, LongerMeetingReason::Combined);
            }
        }
        MeetingKind::ChuyenDe => {
            if let Some(minutes) = rule.if_thematic {
                consider(minutes, LongerMeetingReason::Thematic);
            }
        }
        MeetingKind::ThuongKy => {}
    }
    required
}

fn score_duration(
    context: &Context,
    rule: &RequiredMinutes,
    bands: &[DurationBand],
) -> RuleOutcome {
    let meeting = context.meeting;
    let (Some(start), Some(end), Some(minutes)) = (
        meeting.start_time,
        meeting.end_time,
        meeting.duration_minutes(),
    ) else {
        return RuleOutcome::needs_input(Derivation::NoTimes {
            start: meeting.start_time,
            end: meeting.end_time,
        });
    };
    let (required, reason) =
        required_minutes_for(rule, meeting.kind, context.facts.members_in_chi_bo);
    let points =
        duration_band(bands, minutes, required).map_or(Decimal::ZERO, |(_, band)| band.points);
    RuleOutcome::computed(points, Derivation::Duration { start, end, minutes, required, reason, points })
}

fn score_speakers(context: &Context, bands: &[PercentBand]) -> RuleOutcome {
    let present: HashSet<&str> = context
        .facts
        .present_ids
        .iter()
        .map(String::as_str)
        .collect();
    let spoke: HashSet<&str> = context
        .meeting
        .speakers
        .iter()
        .map(String::as_str)
        .filter(|id| present.contains(id))
        .collect();
    let (Ok(spoke_count), Ok(present_count)) =
        (u32::try_from(spoke.len()), u32::try_from(present.len()))
    else {
        return RuleOutcome::needs_input(Derivation::NobodyPresent);
    };
    let Some(ratio) = Ratio::new(spoke_count, present_count) else {
        return RuleOutcome::needs_input(Derivation::NobodyPresent);
    };
    let points = percent_band(bands, ratio).map_or(Decimal::ZERO, |(_, band)| band.points);
    RuleOutcome::computed(points, Derivation::Speakers { ratio, points })
}

fn score_tasks(context: &Context, bands: &[PercentBand]) -> RuleOutcome {
    let tasks = &context.meeting.previous_tasks;
    let done = tasks.iter().filter(|task| task.done).count();
    let ratio = match (u32::try_from(done), u32::try_from(tasks.len())) {
        (Ok(done), Ok(total)) => Ratio::new(done, total),
        _ => None,
    };
    let Some(ratio) = ratio else {
        return RuleOutcome::needs_input(Derivation::NoPreviousTasks);
    };
    let points = percent_band(bands, ratio).map_or(Decimal::ZERO, |(_, band)| band.points);
    RuleOutcome::computed(points, Derivation::Tasks { ratio, points })
}

fn score_agenda(context: &Context, max: Decimal) -> RuleOutcome {
    let done: HashSet<&str> = context
        .meeting
        .agenda_done
        .iter()
        .map(String::as_str)
        .collect();
    let required: Vec<_> = context
        .framework
        .order_of_business
        .iter()
        .filter(|item| !item.optional)
        .collect();
    let missing: Vec<String> = required
        .iter()
        .filter(|item| !done.contains(item.id.as_str()))
        .map(|item| item.label.clone())
        .collect();
    let points = if missing.is_empty() && !required.is_empty() {
        max
    } else {
        Decimal::ZERO
    };
    let done_count = required.len() - missing.len();
    RuleOutcome::computed(
        points,
        Derivation::Agenda { done: done_count, required: required.len(), missing, points },
    )
}

fn needs_input_notice(criteria: &[CriterionScore]) -> Option<Notice> {
    let waiting: Vec<String> = criteria
        .iter()
        .filter(|score| score.source == PointsSource::NeedsInput)
        .map(|score| score.label.clone())
        .collect();
    (!waiting.is_empty()).then_some(Notice::NeedsInput(waiting))
}

fn group_scores(framework: &Framework, criteria: &[CriterionScore]) -> Vec<GroupScore> {
    framework
        .groups
        .iter()
        .map(|group| {
            let in_group = || criteria.iter().filter(|score| score.group_id == group.id);
            GroupScore {
                group_id: group.id.clone(),
                label: group.label.clone(),
                points: Decimal::sum(in_group().map(|score| score.points)),
                max_points: Decimal::sum(in_group().map(|score| score.max_points)),
            }
        })
        .collect()
}

/// Applies every guard in order; a guard only ever lowers the rating.
fn apply_guards(
    framework: &Framework,
    criteria: &[CriterionScore],
    total: Decimal,
    rating_by_points: Rating,
    adjustments: &mut Vec<Adjustment>,
) -> Rating {
    let mut rating = rating_by_points;
    for guard in &framework.guards {
        if rating < guard.rating || guard.otherwise >= rating {
            continue;
        }
        let short: Vec<&CriterionScore> = guard
            .requires_full_marks
            .iter()
            .filter_map(|id| criteria.iter().find(|score| &score.criterion_id == id))
            .filter(|score| !score.has_full_marks())
            .collect();
        if !short.is_empty() {
            adjustments.push(Adjustment::Guard {
                total,
                before: rating,
                short: short.iter().map(|score| (score.label.clone(), score.points, score.max_points)).collect(),
                after: guard.otherwise,
            });
            rating = guard.otherwise;
        }
    }
    rating
}
