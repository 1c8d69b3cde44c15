//! The preparation criteria (the framework's rule kinds `content_prepared`,
//! `outline_and_draft`, `committee_prepared`, `notice_sent`, `documents_sent`) scored
//! from a meeting and its plan, as facts: each gives its points and a
//! [`PreparationDerivation`] carrying the numbers it was decided on (worded by
//! `text::preparation`). The engine (`scoring`) finds the plan and calls [`evaluate`].

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{days_before, sent_before_meeting, CommitteePreparation, MeetingPlan, SentHow, Sending};
use crate::decimal::Decimal;
use crate::framework::Rule;
use crate::model::{Meeting, Member, MemberRole, Timestamp};

/// A notice that went out, and whether it did before the meeting began.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentFact {
    /// When (UTC).
    pub at: Timestamp,
    /// How it was recorded.
    pub how: SentHow,
    /// Sent before the meeting began.
    pub in_time: bool,
}

/// How a preparation criterion's points were derived.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PreparationDerivation {
    /// The meeting was not made from a plan (and none was linked to it).
    NoPlan,
    /// The meeting names a plan the records no longer hold.
    PlanMissing {
        /// The id it names.
        plan_id: String,
    },
    /// The plan's content items.
    Content {
        /// Items with some text.
        items: usize,
        /// Points given.
        points: Decimal,
    },
    /// The outline and the draft resolution.
    OutlineAndDraft {
        /// An outline is written.
        outline: bool,
        /// A draft resolution or conclusion is written.
        draft: bool,
        /// Points given.
        points: Decimal,
    },
    /// The chi ủy's preparation meeting.
    CommitteeMeeting {
        /// The day it met.
        on: NaiveDate,
        /// Members recorded as attending.
        attendees: usize,
        /// Minutes are written.
        minutes: bool,
        /// The framework requires the minutes.
        minutes_required: bool,
        /// It met on or before the meeting's day.
        before_meeting: bool,
        /// Points given.
        points: Decimal,
    },
    /// Neither a chi ủy meeting nor "only a bí thư" is recorded.
    NoCommitteePreparation,
    /// The chi bộ has only a bí thư: the preparation counts in full.
    OnlySecretary {
        /// Points given.
        points: Decimal,
    },
    /// The plan says the chi bộ has only a bí thư, yet the roster lists chi ủy members on
    /// the meeting's day (their names): the records contradict each other.
    OnlySecretaryContradicted {
        /// The chi ủy viên in the roster.
        committee_members: Vec<String>,
    },
    /// The notices to the members and to the superior committee member.
    Notice {
        /// The notice to the members, if sent.
        members: Option<SentFact>,
        /// The notice to the superior committee member, if sent.
        superior: Option<SentFact>,
        /// The framework requires the superior committee member's notice too.
        superior_required: bool,
        /// Points given.
        points: Decimal,
    },
    /// The documents went out.
    DocumentsSent {
        /// When (UTC).
        at: Timestamp,
        /// How it was recorded.
        how: SentHow,
        /// Calendar days before the meeting's day (negative: after it).
        days_before: i64,
        /// Days the framework requires.
        required: u32,
        /// Points given.
        points: Decimal,
    },
    /// No sending of the documents is recorded.
    DocumentsNotSent {
        /// Days the framework requires.
        required: u32,
    },
}

/// The points and facts of a preparation rule for `meeting` made from `plan` (worth `max`
/// points), or `None` for a rule that is not one of them. `roster` checks the plan's
/// "only a bí thư" against the chi ủy members listed on the meeting's day.
pub fn evaluate(
    rule: &Rule,
    plan: &MeetingPlan,
    meeting: &Meeting,
    roster: &[Member],
    max: Decimal,
) -> Option<(Decimal, PreparationDerivation)> {
    let full_if = |done: bool| if done { max } else { Decimal::ZERO };
    let outcome = match rule {
        Rule::ContentPrepared => {
            let items = plan.written_content().count();
            let points = full_if(items > 0);
            (points, PreparationDerivation::Content { items, points })
        }
        Rule::OutlineAndDraft => {
            let outline = !plan.outline.trim().is_empty();
            let draft = !plan.draft_resolution.trim().is_empty();
            let points = full_if(outline && draft);
            (points, PreparationDerivation::OutlineAndDraft { outline, draft, points })
        }
        Rule::CommitteePrepared { requires_minutes } => committee(plan, meeting, roster, *requires_minutes, max),
        Rule::NoticeSent { requires_superior } => notice(plan, meeting, *requires_superior, max),
        Rule::DocumentsSent { min_days_before } => documents(plan.documents_sent, meeting.date, *min_days_before, max),
        Rule::Tick
        | Rule::PickOne { .. }
        | Rule::AttendanceRate { .. }
        | Rule::Duration { .. }
        | Rule::SpeakersShare { .. }
        | Rule::TasksMet { .. }
        | Rule::AgendaComplete => return None,
    };
    Some(outcome)
}

fn committee(
    plan: &MeetingPlan,
    meeting: &Meeting,
    roster: &[Member],
    minutes_required: bool,
    max: Decimal,
) -> (Decimal, PreparationDerivation) {
    match &plan.committee {
        None => (Decimal::ZERO, PreparationDerivation::NoCommitteePreparation),
        Some(CommitteePreparation::OnlySecretary) => {
            let committee_members: Vec<String> = roster
                .iter()
                .filter(|member| member.role == MemberRole::ChiUyVien && member.is_active_on(meeting.date))
                .map(|member| member.name.clone())
                .collect();
            if committee_members.is_empty() {
                (max, PreparationDerivation::OnlySecretary { points: max })
            } else {
                (Decimal::ZERO, PreparationDerivation::OnlySecretaryContradicted { committee_members })
            }
        }
        Some(CommitteePreparation::Meeting { date, attendees, minutes }) => {
            let minutes = !minutes.trim().is_empty();
            let before_meeting = *date <= meeting.date;
            let points = if before_meeting && (minutes || !minutes_required) { max } else { Decimal::ZERO };
            let derivation = PreparationDerivation::CommitteeMeeting {
                on: *date,
                attendees: attendees.len(),
                minutes,
                minutes_required,
                before_meeting,
                points,
            };
            (points, derivation)
        }
    }
}

fn sent_fact(sending: Option<Sending>, date: NaiveDate, start: Option<NaiveTime>) -> Option<SentFact> {
    sending.map(|sending| SentFact { at: sending.at, how: sending.how, in_time: sent_before_meeting(sending.at, date, start) })
}

fn notice(plan: &MeetingPlan, meeting: &Meeting, superior_required: bool, max: Decimal) -> (Decimal, PreparationDerivation) {
    let members = sent_fact(plan.notice_to_members, meeting.date, meeting.start_time);
    let superior = sent_fact(plan.notice_to_superior, meeting.date, meeting.start_time);
    let in_time = |fact: Option<SentFact>| fact.is_some_and(|fact| fact.in_time);
    let done = in_time(members) && (!superior_required || in_time(superior));
    let points = if done { max } else { Decimal::ZERO };
    (points, PreparationDerivation::Notice { members, superior, superior_required, points })
}

/// The documents' criterion for a meeting on `date` requiring `required` days.
pub fn documents(sending: Option<Sending>, date: NaiveDate, required: u32, max: Decimal) -> (Decimal, PreparationDerivation) {
    let Some(sending) = sending else {
        return (Decimal::ZERO, PreparationDerivation::DocumentsNotSent { required });
    };
    let days_before = days_before(sending.at, date);
    let points = if days_before >= i64::from(required) { max } else { Decimal::ZERO };
    (points, PreparationDerivation::DocumentsSent { at: sending.at, how: sending.how, days_before, required, points })
}
