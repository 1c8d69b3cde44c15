//! What the đảng ủy sees of a chi bộ's preparation, month by month: for each meeting (and
//! each plan not yet held), whether the notice and the documents went out in time, as facts
//! (worded by `text::collection::preparation_line`).
//!
//! "In time": the notice to the members before the meeting began; the documents at least
//! as many calendar days before the meeting's day (Vietnam time) as the framework the
//! meeting is scored with requires (its `documents_sent` criterion), or HD 42's one day when
//! that framework has no such criterion.

use chrono::{Datelike, NaiveDate, NaiveTime};

use crate::backup::Dataset;
use crate::framework::{Framework, Rule};
use crate::model::{Meeting, Timestamp};
use crate::preparation::{days_before, open_plans, plan_of, sent_before_meeting, MeetingPlan, PlanLink, Sending};

/// HD 42: documents posted on the e-handbook at least one day before the meeting (domain
/// reference §1.1), when the framework itself says nothing.
pub const HD42_MIN_DAYS_BEFORE: u32 = 1;

/// One sending, checked against the meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SendingCheck {
    /// When it went out, if it did.
    pub sent_at: Option<Timestamp>,
    /// Calendar days before the meeting's day (negative: after), if it went out.
    pub days_before: Option<i64>,
    /// It went out in time.
    pub in_time: bool,
}

/// The sendings of a plan, checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanSendings {
    /// The notice to the members: in time when before the meeting began.
    pub notice: SendingCheck,
    /// The notice to the superior committee member in charge (same rule).
    pub superior_notice: SendingCheck,
    /// The documents: in time when at least `required_days` before.
    pub documents: SendingCheck,
    /// Days the documents were required before the meeting.
    pub required_days: u32,
}

/// What is known of a meeting's preparation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Preparedness {
    /// The meeting was not made from a plan.
    NoPlan,
    /// The meeting names a plan the file does not hold.
    PlanMissing(String),
    /// The plan's sendings.
    Planned(PlanSendings),
}

/// One meeting, or one plan not yet held, of a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparationLine {
    /// The meeting's day (the plan's, when not yet held).
    pub date: NaiveDate,
    /// The meeting, when held (or at least recorded).
    pub meeting_id: Option<String>,
    /// What is known of its preparation.
    pub preparedness: Preparedness,
}

/// One month of a chi bộ's year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparationMonth {
    /// 1–12.
    pub month: u32,
    /// Its meetings in date order, then its plans not yet held; empty when it has neither.
    pub lines: Vec<PreparationLine>,
}

/// The twelve months of `year`: each meeting of the month with its plan's sendings, then
/// the plans of the month no meeting was made from yet. `frameworks` are the chi bộ's
/// (each meeting is judged by the one its own sheet names; a plan not yet held by the chi
/// bộ's current one).
pub fn preparation_year(data: &Dataset, year: i32, frameworks: &[&Framework]) -> Vec<PreparationMonth> {
    let chi_bo_framework = data.chi_bo.as_ref().map(|chi_bo| chi_bo.framework_id.as_str());
    let mut meetings: Vec<&Meeting> = data.meetings.iter().filter(|meeting| meeting.date.year() == year).collect();
    meetings.sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
    let open = open_plans(&data.plans, &data.meetings);
    (1..=12)
        .map(|month| {
            let held = meetings.iter().filter(|meeting| meeting.date.month() == month).map(|meeting| {
                let required = required_days(frameworks, Some(&meeting.own_sheet.framework_id));
                meeting_line(meeting, &data.plans, required)
            });
            let mut planned: Vec<&&MeetingPlan> =
                open.iter().filter(|plan| plan.month.year == year && plan.month.month == month).collect();
            planned.sort_by_key(|plan| (plan.date, plan.id.as_str()));
            let planned = planned.into_iter().map(|plan| open_line(plan, required_days(frameworks, chi_bo_framework)));
            PreparationMonth { month, lines: held.chain(planned).collect() }
        })
        .collect()
}

/// The days a framework requires its documents before the meeting, or HD 42's.
fn required_days(frameworks: &[&Framework], framework_id: Option<&str>) -> u32 {
    frameworks
        .iter()
        .find(|framework| Some(framework.id.as_str()) == framework_id)
        .and_then(|framework| {
            framework.criteria().find_map(|(_, criterion)| match criterion.rule {
                Rule::DocumentsSent { min_days_before } => Some(min_days_before),
                _ => None,
            })
        })
        .unwrap_or(HD42_MIN_DAYS_BEFORE)
}

fn meeting_line(meeting: &Meeting, plans: &[MeetingPlan], required: u32) -> PreparationLine {
    let preparedness = match plan_of(meeting, plans) {
        PlanLink::NotLinked => Preparedness::NoPlan,
        PlanLink::Missing(id) => Preparedness::PlanMissing(id.to_owned()),
        PlanLink::Linked(plan) => Preparedness::Planned(sendings(plan, meeting.date, meeting.start_time, required)),
    };
    PreparationLine { date: meeting.date, meeting_id: Some(meeting.id.clone()), preparedness }
}

fn open_line(plan: &MeetingPlan, required: u32) -> PreparationLine {
    let preparedness = Preparedness::Planned(sendings(plan, plan.date, plan.start_time, required));
    PreparationLine { date: plan.date, meeting_id: None, preparedness }
}

fn sendings(plan: &MeetingPlan, date: NaiveDate, start: Option<NaiveTime>, required: u32) -> PlanSendings {
    let notice = |sending: Option<Sending>| check(sending, date, |at| sent_before_meeting(at, date, start));
    PlanSendings {
        notice: notice(plan.notice_to_members),
        superior_notice: notice(plan.notice_to_superior),
        documents: check(plan.documents_sent, date, |at| days_before(at, date) >= i64::from(required)),
        required_days: required,
    }
}

fn check(sending: Option<Sending>, date: NaiveDate, in_time: impl Fn(Timestamp) -> bool) -> SendingCheck {
    SendingCheck {
        sent_at: sending.map(|sending| sending.at),
        days_before: sending.map(|sending| days_before(sending.at, date)),
        in_time: sending.is_some_and(|sending| in_time(sending.at)),
    }
}
