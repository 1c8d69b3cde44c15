//! What a framework editor needs, as operations on the [`Framework`] value itself: start
//! from an existing framework or from nothing, add, remove and move groups, criteria,
//! options, bands, guards, basis lines and order-of-business steps, and the running totals.
//! Validation stays [`Framework::problems`]; export is [`Framework::to_json_pretty`] and
//! import [`Framework::from_json`], so an edited framework reads back to the same value.
//!
//! New ids are made deterministically from the ids already there ("3", "3.4", "khong-che-2"),
//! so no entropy is needed and they stay readable in a file.

use super::{
    ChecklistItem, Criterion, CriterionGroup, DurationBand, Framework, GuardRule, PercentBand,
    PickOption, Rating, RatingThresholds, RequiredMinutes, Rule, StreakBonus, WordingStatus,
    FORMAT_VERSION,
};
use chrono::{NaiveDate, NaiveTime};

use crate::decimal::Decimal;
use crate::model::{
    AbsenceReason, Attendance, CriterionInput, Meeting, MeetingKind, Member, PreviousTask,
    Timestamp,
};

/// Up or down in a list (towards the start or the end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Towards the start.
    Up,
    /// Towards the end.
    Down,
}

/// Moves `list[index]` one place; false (and nothing changes) at the edge or out of range.
pub fn move_in_list<T>(list: &mut [T], index: usize, direction: Direction) -> bool {
    let target = match direction {
        Direction::Up => index.checked_sub(1),
        Direction::Down => index.checked_add(1),
    };
    match target {
        Some(target) if index < list.len() && target < list.len() => {
            list.swap(index, target);
            true
        }
        _ => false,
    }
}

/// Removes `list[index]` if there is one.
fn remove_at<T>(list: &mut Vec<T>, index: usize) -> Option<T> {
    (index < list.len()).then(|| list.remove(index))
}

/// The kinds of criterion an author picks from (the [`Rule`] variants without their data).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleKind {
    /// Ticked or not.
    Tick,
    /// One of several options with points.
    PickOne,
    /// Attendance bands (computed).
    AttendanceRate,
    /// Duration against the required minutes (computed).
    Duration,
    /// Share of members who spoke (computed).
    SpeakersShare,
    /// Share of last month's tasks done (computed).
    TasksMet,
    /// Every order-of-business step done (computed).
    AgendaComplete,
    /// The meeting's plan has content (from the plan).
    ContentPrepared,
    /// The plan has an outline and a draft resolution (from the plan).
    OutlineAndDraft,
    /// The chi ủy met to prepare, or the chi bộ has only a bí thư (from the plan).
    CommitteePrepared,
    /// The members (and the superior committee member) were notified (from the plan).
    NoticeSent,
    /// The documents were sent enough days before (from the plan).
    DocumentsSent,
}

impl RuleKind {
    /// Every kind, in the order a picker lists them.
    pub const ALL: [RuleKind; 12] = [
        RuleKind::Tick,
        RuleKind::PickOne,
        RuleKind::AttendanceRate,
        RuleKind::Duration,
        RuleKind::SpeakersShare,
        RuleKind::TasksMet,
        RuleKind::AgendaComplete,
        RuleKind::ContentPrepared,
        RuleKind::OutlineAndDraft,
        RuleKind::CommitteePrepared,
        RuleKind::NoticeSent,
        RuleKind::DocumentsSent,
    ];

    /// The kind of a rule.
    pub fn of(rule: &Rule) -> RuleKind {
        match rule {
            Rule::Tick => RuleKind::Tick,
            Rule::PickOne { .. } => RuleKind::PickOne,
            Rule::AttendanceRate { .. } => RuleKind::AttendanceRate,
            Rule::Duration { .. } => RuleKind::Duration,
            Rule::SpeakersShare { .. } => RuleKind::SpeakersShare,
            Rule::TasksMet { .. } => RuleKind::TasksMet,
            Rule::AgendaComplete => RuleKind::AgendaComplete,
            Rule::ContentPrepared => RuleKind::ContentPrepared,
            Rule::OutlineAndDraft => RuleKind::OutlineAndDraft,
            Rule::CommitteePrepared { .. } => RuleKind::CommitteePrepared,
            Rule::NoticeSent { .. } => RuleKind::NoticeSent,
            Rule::DocumentsSent { .. } => RuleKind::DocumentsSent,
        }
    }

    /// The JSON `type` (`"tick"`, `"pick_one"`…), also a stable key for forms.
    pub fn key(self) -> &'static str {
        match self {
            RuleKind::Tick => "tick",
            RuleKind::PickOne => "pick_one",
            RuleKind::AttendanceRate => "attendance_rate",
            RuleKind::Duration => "duration",
            RuleKind::SpeakersShare => "speakers_share",
            RuleKind::TasksMet => "tasks_met",
            RuleKind::AgendaComplete => "agenda_complete",
            RuleKind::ContentPrepared => "content_prepared",
            RuleKind::OutlineAndDraft => "outline_and_draft",
            RuleKind::CommitteePrepared => "committee_prepared",
            RuleKind::NoticeSent => "notice_sent",
            RuleKind::DocumentsSent => "documents_sent",
        }
    }

    /// The kind with this key.
    pub fn from_key(key: &str) -> Option<RuleKind> {
        RuleKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// A starting rule of this kind for a criterion worth `max` points: valid when `max`
    /// is positive (one full-marks band or option and an "otherwise" band), so the
    /// author adjusts rather than builds from nothing.
    pub fn starting_rule(self, max: Decimal) -> Rule {
        let full_or_nothing = || {
            vec![
                PercentBand {
                    min_percent: Some(Decimal::from_int(50)),
                    above_percent: None,
                    points: max,
                },
                PercentBand {
                    min_percent: None,
                    above_percent: None,
                    points: Decimal::ZERO,
                },
            ]
        };
        match self {
            RuleKind::Tick => Rule::Tick,
            RuleKind::PickOne => Rule::PickOne {
                options: vec![
                    PickOption {
                        id: "a".to_string(),
                        label: String::new(),
                        points: max,
                    },
                    PickOption {
                        id: "b".to_string(),
                        label: String::new(),
                        points: Decimal::ZERO,
                    },
                ],
            },
            RuleKind::AttendanceRate => Rule::AttendanceRate {
                bands: full_or_nothing(),
                absent_without_reason_forces_lowest_band: false,
                streak_bonus: None,
            },
            RuleKind::Duration => Rule::Duration {
                required_minutes: RequiredMinutes {
                    default_minutes: 90,
                    if_members_at_least: None,
                    if_combined: Some(120),
                    if_thematic: None,
                },
                bands: vec![
                    DurationBand {
                        max_shortfall_minutes: Some(Decimal::ZERO),
                        min_percent_of_required: None,
                        points: max,
                    },
                    DurationBand {
                        max_shortfall_minutes: None,
                        min_percent_of_required: None,
                        points: Decimal::ZERO,
                    },
                ],
            },
            RuleKind::SpeakersShare => Rule::SpeakersShare {
                bands: full_or_nothing(),
            },
            RuleKind::TasksMet => Rule::TasksMet {
                bands: full_or_nothing(),
            },
            RuleKind::AgendaComplete => Rule::AgendaComplete,
            RuleKind::ContentPrepared => Rule::ContentPrepared,
            RuleKind::OutlineAndDraft => Rule::OutlineAndDraft,
            // As the An Phú sheet reads them: the chi ủy's meeting "có biên bản", the
            // notice to members and the superior committee member, documents a day ahead
            // (HD 42).
            RuleKind::CommitteePrepared => Rule::CommitteePrepared { requires_minutes: true },
            RuleKind::NoticeSent => Rule::NoticeSent { requires_superior: true },
            RuleKind::DocumentsSent => Rule::DocumentsSent { min_days_before: 1 },
        }
    }
}

/// The running totals an editor shows: the framework's declared total against the sum of
/// its groups, and each group's declared maximum against the sum of its criteria.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Totals {
    /// `total_points`.
    pub declared: Decimal,
    /// Sum of the groups' `max_points`.
    pub sum: Decimal,
    /// Per group: (declared `max_points`, sum of its criteria).
    pub groups: Vec<(Decimal, Decimal)>,
}

impl Totals {
    /// True when every figure adds up.
    pub fn balanced(&self) -> bool {
        self.declared == self.sum
            && self
                .groups
                .iter()
                .all(|(declared, sum)| declared == sum)
    }
}

/// The smallest `prefix{n}` (n ≥ 1) not in `taken`.
fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let taken: Vec<&str> = taken.collect();
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|candidate| !taken.contains(&candidate.as_str()))
        .unwrap_or_default()
}

/// A percent band list, a duration band list, or none, of a rule.
enum BandsMut<'a> {
    Percent(&'a mut Vec<PercentBand>),
    Duration(&'a mut Vec<DurationBand>),
    None,
}

fn bands_of(rule: &mut Rule) -> BandsMut<'_> {
    match rule {
        Rule::AttendanceRate { bands, .. }
        | Rule::SpeakersShare { bands }
        | Rule::TasksMet { bands } => BandsMut::Percent(bands),
        Rule::Duration { bands, .. } => BandsMut::Duration(bands),
        _ => BandsMut::None,
    }
}

impl Framework {
    /// A framework with nothing in it yet but the usual frame: 100 points, Tốt 90 / Khá 70
    /// / Trung bình 50, every meeting kind. (It has no groups, so it is not valid yet.)
    pub fn empty(id: &str) -> Framework {
        Framework {
            format_version: FORMAT_VERSION,
            id: id.to_string(),
            version: 1,
            name: String::new(),
            issued_by: String::new(),
            issued_on: None,
            legal_basis: Vec::new(),
            effective_from: None,
            effective_to: None,
            source: String::new(),
            wording_status: WordingStatus::Unverified,
            placeholder_points: false,
            note: String::new(),
            applies_to: MeetingKind::ALL.to_vec(),
            total_points: Decimal::from_int(100),
            rating_thresholds: RatingThresholds {
                tot: Decimal::from_int(90),
                kha: Decimal::from_int(70),
                trung_binh: Decimal::from_int(50),
            },
            groups: Vec::new(),
            guards: Vec::new(),
            order_of_business: Vec::new(),
            outside_thematic_month: super::OutsideThematicMonth::default(),
        }
    }

    /// A copy to edit as a new framework: everything kept but the id (supplied by the
    /// caller) and the edition, which starts again at 1.
    pub fn copy_as(&self, id: &str) -> Framework {
        Framework {
            id: id.to_string(),
            version: 1,
            ..self.clone()
        }
    }

    /// The running totals.
    pub fn totals(&self) -> Totals {
        Totals {
            declared: self.total_points,
            sum: self.groups_sum(),
            groups: self
                .groups
                .iter()
                .map(|group| (group.max_points, group.criteria_sum()))
                .collect(),
        }
    }

    /// Turns a meeting kind on or off in `applies_to` (kept in the usual order).
    pub fn set_applies_to(&mut self, kind: MeetingKind, applies: bool) {
        self.applies_to.retain(|existing| *existing != kind);
        if applies {
            self.applies_to.push(kind);
            self.applies_to
                .sort_by_key(|kind| MeetingKind::ALL.iter().position(|k| k == kind));
        }
    }

    // ----- legal basis lines -------------------------------------------------------------

    /// Adds an empty basis line at the end; returns its index.
    pub fn add_basis_line(&mut self) -> usize {
        self.legal_basis.push(String::new());
        self.legal_basis.len() - 1
    }

    /// Removes a basis line.
    pub fn remove_basis_line(&mut self, index: usize) -> Option<String> {
        remove_at(&mut self.legal_basis, index)
    }

    // ----- groups ------------------------------------------------------------------------

    /// Adds an empty group with a fresh id ("1", "2"…) at the end; returns its index.
    pub fn add_group(&mut self) -> usize {
        let id = fresh_id("", self.groups.iter().map(|group| group.id.as_str()));
        self.groups.push(CriterionGroup {
            id,
            label: String::new(),
            max_points: Decimal::ZERO,
            criteria: Vec::new(),
        });
        self.groups.len() - 1
    }

    /// Removes a group with its criteria, and those criteria from every guard.
    pub fn remove_group(&mut self, index: usize) -> Option<CriterionGroup> {
        let group = remove_at(&mut self.groups, index)?;
        for criterion in &group.criteria {
            self.forget_criterion_in_guards(&criterion.id);
        }
        Some(group)
    }

    /// Moves a group up or down.
    pub fn move_group(&mut self, index: usize, direction: Direction) -> bool {
        move_in_list(&mut self.groups, index, direction)
    }

    // ----- criteria ----------------------------------------------------------------------

    /// Adds a criterion of `kind` worth one point, with a fresh id ("3.1", "3.2"… after
    /// its group's id), to a group; returns its index in the group. The group's maximum
    /// grows with it, so adding keeps the group balanced.
    pub fn add_criterion(&mut self, group: usize, kind: RuleKind) -> Option<usize> {
        let prefix = format!("{}.", self.groups.get(group)?.id);
        let id = fresh_id(&prefix, self.criteria().map(|(_, criterion)| criterion.id.as_str()));
        let max = Decimal::from_int(1);
        let group = self.groups.get_mut(group)?;
        group.criteria.push(Criterion {
            id,
            label: String::new(),
            max_points: max,
            rule: kind.starting_rule(max),
            only_in_thematic_month: false,
            hint: String::new(),
        });
        group.max_points = group.max_points + max;
        Some(group.criteria.len() - 1)
    }

    /// Removes a criterion (and its name from every guard).
    pub fn remove_criterion(&mut self, group: usize, index: usize) -> Option<Criterion> {
        let criterion = remove_at(&mut self.groups.get_mut(group)?.criteria, index)?;
        self.forget_criterion_in_guards(&criterion.id);
        Some(criterion)
    }

    /// Moves a criterion within its group.
    pub fn move_criterion(&mut self, group: usize, index: usize, direction: Direction) -> bool {
        self.groups
            .get_mut(group)
            .is_some_and(|group| move_in_list(&mut group.criteria, index, direction))
    }

    /// A criterion by position, to edit.
    pub fn criterion_mut(&mut self, group: usize, index: usize) -> Option<&mut Criterion> {
        self.groups.get_mut(group)?.criteria.get_mut(index)
    }

    /// Changes a criterion's kind: a starting rule of the new kind at its current
    /// maximum (nothing changes when the kind is the same).
    pub fn set_rule_kind(&mut self, group: usize, index: usize, kind: RuleKind) {
        if let Some(criterion) = self.criterion_mut(group, index) {
            if RuleKind::of(&criterion.rule) != kind {
                criterion.rule = kind.starting_rule(criterion.max_points);
            }
        }
    }

    /// Changes a criterion's id, and the guards that name it.
    pub fn rename_criterion(&mut self, group: usize, index: usize, new_id: &str) {
        let Some(criterion) = self.criterion_mut(group, index) else {
            return;
        };
        let old_id = std::mem::replace(&mut criterion.id, new_id.to_string());
        for guard in &mut self.guards {
            for named in &mut guard.requires_full_marks {
                if *named == old_id {
                    *named = new_id.to_string();
                }
            }
        }
    }

    fn forget_criterion_in_guards(&mut self, criterion_id: &str) {
        // Another criterion may still carry the same (duplicated) id.
        if self.criterion(criterion_id).is_some() {
            return;
        }
        for guard in &mut self.guards {
            guard.requires_full_marks.retain(|named| named != criterion_id);
        }
    }

    // ----- options of a pick-one criterion ------------------------------------------------

    /// Adds an option worth nothing with a fresh id ("l1", "l2"…); returns its index.
    pub fn add_option(&mut self, group: usize, index: usize) -> Option<usize> {
        let Rule::PickOne { options } = &mut self.criterion_mut(group, index)?.rule else {
            return None;
        };
        let id = fresh_id("l", options.iter().map(|option| option.id.as_str()));
        options.push(PickOption {
            id,
            label: String::new(),
            points: Decimal::ZERO,
        });
        Some(options.len() - 1)
    }

    /// Removes an option.
    pub fn remove_option(&mut self, group: usize, index: usize, option: usize) -> bool {
        match self.criterion_mut(group, index).map(|criterion| &mut criterion.rule) {
            Some(Rule::PickOne { options }) => remove_at(options, option).is_some(),
            _ => false,
        }
    }

    /// Moves an option up or down.
    pub fn move_option(
        &mut self,
        group: usize,
        index: usize,
        option: usize,
        direction: Direction,
    ) -> bool {
        match self.criterion_mut(group, index).map(|criterion| &mut criterion.rule) {
            Some(Rule::PickOne { options }) => move_in_list(options, option, direction),
            _ => false,
        }
    }

    // ----- bands of a computed criterion --------------------------------------------------

    /// Inserts a band before the last ("otherwise") one, copying the band before it, so
    /// the author edits a plausible row; returns its index.
    pub fn add_band(&mut self, group: usize, index: usize) -> Option<usize> {
        fn insert<T: Clone>(bands: &mut Vec<T>, otherwise: T) -> usize {
            let at = bands.len().saturating_sub(1);
            let template = bands.get(at.saturating_sub(1)).cloned().unwrap_or(otherwise);
            bands.insert(at, template);
            at
        }
        match bands_of(&mut self.criterion_mut(group, index)?.rule) {
            BandsMut::Percent(bands) => Some(insert(
                bands,
                PercentBand {
                    min_percent: Some(Decimal::ZERO),
                    above_percent: None,
                    points: Decimal::ZERO,
                },
            )),
            BandsMut::Duration(bands) => Some(insert(
                bands,
                DurationBand {
                    max_shortfall_minutes: Some(Decimal::ZERO),
                    min_percent_of_required: None,
                    points: Decimal::ZERO,
                },
            )),
            BandsMut::None => None,
        }
    }

    /// Removes a band.
    pub fn remove_band(&mut self, group: usize, index: usize, band: usize) -> bool {
        let Some(criterion) = self.criterion_mut(group, index) else {
            return false;
        };
        match bands_of(&mut criterion.rule) {
            BandsMut::Percent(bands) => remove_at(bands, band).is_some(),
            BandsMut::Duration(bands) => remove_at(bands, band).is_some(),
            BandsMut::None => false,
        }
    }

    /// Moves a band up or down.
    pub fn move_band(&mut self, group: usize, index: usize, band: usize, direction: Direction) -> bool {
        let Some(criterion) = self.criterion_mut(group, index) else {
            return false;
        };
        match bands_of(&mut criterion.rule) {
            BandsMut::Percent(bands) => move_in_list(bands, band, direction),
            BandsMut::Duration(bands) => move_in_list(bands, band, direction),
            BandsMut::None => false,
        }
    }

    /// Turns the attendance streak bonus on (1 point, more than 3 absences in a row) or
    /// off. The criterion's maximum is unchanged: the author moves the point.
    pub fn set_streak_bonus(&mut self, group: usize, index: usize, on: bool) {
        if let Some(Rule::AttendanceRate { streak_bonus, .. }) =
            self.criterion_mut(group, index).map(|criterion| &mut criterion.rule)
        {
            *streak_bonus = on.then_some(StreakBonus {
                points: Decimal::from_int(1),
                max_consecutive_absences_with_reason: 3,
            });
        }
    }

    // ----- guards ------------------------------------------------------------------------

    /// Adds a guard "Tốt needs full marks on …, otherwise Khá" with a fresh id and no
    /// criteria yet; returns its index.
    pub fn add_guard(&mut self) -> usize {
        let id = fresh_id("khong-che-", self.guards.iter().map(|guard| guard.id.as_str()));
        self.guards.push(GuardRule {
            id,
            rating: Rating::Tot,
            requires_full_marks: Vec::new(),
            otherwise: Rating::Kha,
            note: String::new(),
        });
        self.guards.len() - 1
    }

    /// Removes a guard.
    pub fn remove_guard(&mut self, index: usize) -> Option<GuardRule> {
        remove_at(&mut self.guards, index)
    }

    /// Moves a guard up or down.
    pub fn move_guard(&mut self, index: usize, direction: Direction) -> bool {
        move_in_list(&mut self.guards, index, direction)
    }

    /// Names a criterion in a guard, or takes it out (kept in sheet order).
    pub fn set_guard_criterion(&mut self, guard: usize, criterion_id: &str, required: bool) {
        let order: Vec<String> = self.criteria().map(|(_, c)| c.id.clone()).collect();
        let Some(guard) = self.guards.get_mut(guard) else {
            return;
        };
        guard.requires_full_marks.retain(|named| named != criterion_id);
        if required {
            guard.requires_full_marks.push(criterion_id.to_string());
            guard
                .requires_full_marks
                .sort_by_key(|named| order.iter().position(|id| id == named).unwrap_or(usize::MAX));
        }
    }

    // ----- order of business ----------------------------------------------------------------

    /// Adds an empty step with a fresh id ("buoc-1"…); returns its index.
    pub fn add_step(&mut self) -> usize {
        let id = fresh_id("buoc-", self.order_of_business.iter().map(|item| item.id.as_str()));
        self.order_of_business.push(ChecklistItem {
            id,
            label: String::new(),
            optional: false,
        });
        self.order_of_business.len() - 1
    }

    /// Removes a step.
    pub fn remove_step(&mut self, index: usize) -> Option<ChecklistItem> {
        remove_at(&mut self.order_of_business, index)
    }

    /// Moves a step up or down.
    pub fn move_step(&mut self, index: usize, direction: Direction) -> bool {
        move_in_list(&mut self.order_of_business, index, direction)
    }
}

/// Members in the sample meeting of [`Framework::sample_meeting`].
pub const SAMPLE_MEMBERS: usize = 10;

impl Framework {
    /// A typical meeting to preview the score sheet on, as a secretary would fill it in:
    /// 10 members, 9 present and one away for work, 95 minutes, 6 speakers, 4 of last
    /// month's 5 tasks done, every step of the order of business done, every tick ticked
    /// and the first option of each pick-one chosen. Its kind is the first the framework
    /// applies to. `now` stamps the records.
    pub fn sample_meeting(&self, date: NaiveDate, now: Timestamp) -> (Meeting, Vec<Member>) {
        let kind = self.applies_to.first().copied().unwrap_or(MeetingKind::ThuongKy);
        let roster: Vec<Member> = (1..=SAMPLE_MEMBERS)
            .map(|n| Member::new(format!("m{n}"), format!("Đảng viên {n}"), now))
            .collect();
        let mut meeting = Meeting::new_draft("mau", date, kind, &self.id, now);
        meeting.start_time = NaiveTime::from_hms_opt(19, 0, 0);
        meeting.end_time = NaiveTime::from_hms_opt(20, 35, 0);
        for member in &roster {
            meeting.set_attendance(&member.id, Attendance::Present);
        }
        meeting.set_attendance(
            "m10",
            Attendance::AbsentWithReason {
                reason: AbsenceReason::Work,
                reason_text: String::new(),
            },
        );
        meeting.speakers = roster.iter().take(6).map(|member| member.id.clone()).collect();
        meeting.agenda_done = self.order_of_business.iter().map(|step| step.id.clone()).collect();
        meeting.previous_tasks = (1..=5)
            .map(|n| PreviousTask {
                id: format!("t{n}"),
                what: String::new(),
                done: n != 5,
                result: String::new(),
            })
            .collect();
        for (_, criterion) in self.criteria() {
            let input = match &criterion.rule {
                Rule::Tick => CriterionInput {
                    ticked: true,
                    ..CriterionInput::default()
                },
                Rule::PickOne { options } => CriterionInput {
                    picked: options.first().map(|option| option.id.clone()),
                    ..CriterionInput::default()
                },
                _ => continue,
            };
            meeting.own_sheet.inputs.insert(criterion.id.clone(), input);
        }
        (meeting, roster)
    }
}
