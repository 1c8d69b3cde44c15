//! Preparing a meeting (HD 42; the An Phú sheet's group 3, "Công tác chuẩn bị"): the
//! meeting plan record, what its content starts from, the hand-over to the meeting record,
//! the facts of its notice and calendar file, and the facts the preparation criteria are
//! scored on ([`criteria`]).
//!
//! **The link runs one way: a meeting carries the id of the plan it was made from**
//! ([`Meeting::plan_id`]); the plan does not name its meeting ([`meeting_of`] finds it).
//! Why that way: the hand-over writes one record (the new meeting) instead of two; the
//! plan keeps being edited after the hand-over (notices and documents are often sent
//! after the meeting's draft exists), and an edit of the plan made on another phone would
//! overwrite a link stored in the plan (records merge whole, the later edit wins), while
//! the meeting is created once with its link; deleting the meeting frees the plan without
//! touching it.
//!
//! Moments are stored in UTC; days and hours are counted in Vietnam time (UTC+7, no
//! daylight saving since 1975), the only time the chi bộ lives in ([`vietnam_time`]).
//! A plan holds facts only; the notice's and the calendar's words are made in
//! `text::preparation`.

pub mod criteria;
pub mod ics;

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::framework::Framework;
use crate::model::{ChiBo, Meeting, MeetingKind, Member, NextTask, Timestamp};
use crate::planning;

pub use criteria::{PreparationDerivation, SentFact};

/// A calendar month, `"2026-03"` in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PlanMonth {
    /// The year.
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl PlanMonth {
    /// The month a date lies in.
    pub fn of(date: NaiveDate) -> PlanMonth {
        PlanMonth { year: date.year(), month: date.month() }
    }

    /// True when `date` lies in this month.
    pub fn contains(self, date: NaiveDate) -> bool {
        PlanMonth::of(date) == self
    }
}

impl fmt::Display for PlanMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl From<PlanMonth> for String {
    fn from(month: PlanMonth) -> String {
        month.to_string()
    }
}

impl TryFrom<String> for PlanMonth {
    type Error = String;

    /// `YYYY-MM` with a four-digit year and a two-digit month 01–12. The error reads like
    /// serde's own ("invalid value: …, expected …"), so an import translates it the same way.
    fn try_from(text: String) -> Result<PlanMonth, String> {
        let parsed = text.split_once('-').and_then(|(year, month)| {
            let digits = |part: &str, count: usize| part.len() == count && part.bytes().all(|b| b.is_ascii_digit());
            if !digits(year, 4) || !digits(month, 2) {
                return None;
            }
            let month: u32 = month.parse().ok()?;
            (1..=12).contains(&month).then_some(PlanMonth { year: year.parse().ok()?, month })
        });
        parsed.ok_or_else(|| format!("invalid value: string \"{text}\", expected a month as YYYY-MM"))
    }
}

/// Where a content item came from (`"from"` in JSON).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentFrom {
    /// A step of the framework's order of business (`ref`: the step's id).
    Step,
    /// A task of the last resolution, carried over to be checked (`ref`: the task's id).
    CarriedTask,
    /// The chuyên đề topic of the month.
    Topic,
    /// Written by the chi ủy.
    #[default]
    Added,
}

/// One item of a meeting's content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentItem {
    /// What is to be done or discussed.
    pub text: String,
    /// Where it came from.
    #[serde(default)]
    pub from: ContentFrom,
    /// The id of the step or task it came from (empty for the topic and added items).
    #[serde(rename = "ref", default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
}

/// How the chi ủy prepared the meeting (`"committee"` in JSON, tagged by `"kind"`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CommitteePreparation {
    /// The chi ủy met to prepare it.
    Meeting {
        /// The day it met.
        date: NaiveDate,
        /// Who attended (member ids).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attendees: Vec<String>,
        /// Its short minutes.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        minutes: String,
    },
    /// The chi bộ has only a bí thư, no chi ủy: the bí thư prepared it.
    OnlySecretary,
}

/// How a sending was recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentHow {
    /// The phone's share sheet reported that it was shared.
    ShareSheet,
    /// The user said it was sent ("Đã gửi"), e.g. by hand or through another app.
    MarkedByUser,
}

/// A notice or the documents going out: when, and how it was recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sending {
    /// When (UTC), from the phone that sent it.
    pub at: Timestamp,
    /// How it was recorded.
    pub how: SentHow,
}

/// The plan of one meeting: what it will deal with, what members read before it, how
/// the chi ủy prepared it, and when the notices and documents went out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingPlan {
    /// Stable id (`plan-…`, from the caller's entropy).
    pub id: String,
    /// The month it prepares.
    pub month: PlanMonth,
    /// Kind of meeting planned.
    pub kind: MeetingKind,
    /// Planned date.
    pub date: NaiveDate,
    /// Planned start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<NaiveTime>,
    /// Planned end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<NaiveTime>,
    /// Planned place.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// The chuyên đề topic, in a month with one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub topic: String,
    /// The content, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<ContentItem>,
    /// The outline for the discussion (đề cương gợi ý thảo luận).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outline: String,
    /// The draft resolution or conclusion (dự thảo nghị quyết, kết luận).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub draft_resolution: String,
    /// How the chi ủy prepared it, once recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<CommitteePreparation>,
    /// The notice to the members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_to_members: Option<Sending>,
    /// The notice to the superior committee member in charge of the chi bộ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_to_superior: Option<Sending>,
    /// The documents (outline, draft) put where members read them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents_sent: Option<Sending>,
    /// Last change.
    pub updated_at: Timestamp,
}

impl MeetingPlan {
    /// An empty plan of a meeting on `date`.
    pub fn new(id: impl Into<String>, date: NaiveDate, kind: MeetingKind, updated_at: Timestamp) -> MeetingPlan {
        MeetingPlan {
            id: id.into(),
            month: PlanMonth::of(date),
            kind,
            date,
            start_time: None,
            end_time: None,
            place: String::new(),
            topic: String::new(),
            content: Vec::new(),
            outline: String::new(),
            draft_resolution: String::new(),
            committee: None,
            notice_to_members: None,
            notice_to_superior: None,
            documents_sent: None,
            updated_at,
        }
    }

    /// Sets the chuyên đề topic, keeping one topic item in the content: replaced in place,
    /// added at the end when the meeting holds a chuyên đề, removed when the topic is blank.
    pub fn set_topic(&mut self, topic: &str) {
        self.topic = topic.trim().to_owned();
        let at = self.content.iter().position(|item| item.from == ContentFrom::Topic);
        match (at, self.topic.is_empty()) {
            (Some(at), true) => {
                self.content.remove(at);
            }
            (Some(at), false) => self.content[at].text = self.topic.clone(),
            (None, false) if self.kind.includes_thematic() => self.content.push(topic_item(&self.topic)),
            (None, _) => {}
        }
    }

    /// Content items with some text (blank rows of a form do not count).
    pub fn written_content(&self) -> impl Iterator<Item = &ContentItem> {
        self.content.iter().filter(|item| !item.text.trim().is_empty())
    }
}

fn topic_item(topic: &str) -> ContentItem {
    ContentItem { text: topic.to_owned(), from: ContentFrom::Topic, reference: String::new() }
}

/// The content proposed for a meeting: the framework's order of business (its steps done
/// only when due left out), the tasks of the last resolution to check, and in a meeting
/// with a chuyên đề its topic. `describe` words a carried task as `planning` does.
pub fn propose_content(
    framework: &Framework,
    kind: MeetingKind,
    topic: &str,
    previous: Option<&Meeting>,
    describe: &dyn Fn(&NextTask) -> String,
) -> Vec<ContentItem> {
    let steps = framework.order_of_business.iter().filter(|step| !step.optional).map(|step| ContentItem {
        text: step.label.clone(),
        from: ContentFrom::Step,
        reference: step.id.clone(),
    });
    let tasks = previous.into_iter().flat_map(|meeting| &meeting.next_tasks).map(|task| ContentItem {
        text: describe(task),
        from: ContentFrom::CarriedTask,
        reference: task.id.clone(),
    });
    let mut content: Vec<ContentItem> = steps.chain(tasks).collect();
    if kind.includes_thematic() && !topic.trim().is_empty() {
        content.push(topic_item(topic.trim()));
    }
    content
}

/// A new plan for a meeting on `date`: its month, the last meeting's place, and the
/// proposed content ([`propose_content`], from the last meeting before `date`).
pub fn draft_plan(
    id: impl Into<String>,
    date: NaiveDate,
    kind: MeetingKind,
    framework: &Framework,
    earlier_meetings: &[Meeting],
    now: Timestamp,
    describe: &dyn Fn(&NextTask) -> String,
) -> MeetingPlan {
    let previous = planning::last_meeting_before(date, earlier_meetings);
    let mut plan = MeetingPlan::new(id, date, kind, now);
    plan.place = previous.map(|meeting| meeting.place.clone()).unwrap_or_default();
    plan.content = propose_content(framework, kind, "", previous, describe);
    plan
}

/// The meeting draft a plan becomes: [`planning::draft_meeting`]'s draft (last
/// resolution's tasks to check, exempt members marked, the bí thư chairing) on the plan's
/// date, with its kind, times and place (the last meeting's place when the plan has
/// none), the draft resolution as the resolution's text to edit, and the plan's id. The
/// plan's content stays in the plan, read through the link: it is not copied.
#[allow(clippy::too_many_arguments)]
pub fn meeting_from_plan(
    plan: &MeetingPlan,
    id: impl Into<String>,
    chi_bo: &ChiBo,
    roster: &[Member],
    earlier_meetings: &[Meeting],
    now: Timestamp,
    describe: &dyn Fn(&NextTask) -> String,
) -> Meeting {
    let mut meeting = planning::draft_meeting(id, plan.date, chi_bo, roster, earlier_meetings, now, describe);
    meeting.kind = plan.kind;
    meeting.start_time = plan.start_time;
    meeting.end_time = plan.end_time;
    if !plan.place.trim().is_empty() {
        meeting.place = plan.place.clone();
    }
    meeting.resolution = plan.draft_resolution.clone();
    meeting.plan_id = Some(plan.id.clone());
    meeting
}

/// The plan a meeting was made from, as the records hold it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PlanLink<'a> {
    /// The meeting names a plan the records hold.
    Linked(&'a MeetingPlan),
    /// The meeting names no plan.
    NotLinked,
    /// The meeting names a plan the records no longer hold (deleted, or not in this file).
    Missing(&'a str),
}

/// The plan of a meeting, through its `plan_id`.
pub fn plan_of<'a>(meeting: &'a Meeting, plans: &'a [MeetingPlan]) -> PlanLink<'a> {
    match meeting.plan_id.as_deref() {
        None => PlanLink::NotLinked,
        Some(id) => plans.iter().find(|plan| plan.id == id).map_or(PlanLink::Missing(id), PlanLink::Linked),
    }
}

/// The meeting a plan became, if any (the latest, should two meetings name it).
pub fn meeting_of<'a>(plan: &MeetingPlan, meetings: &'a [Meeting]) -> Option<&'a Meeting> {
    meetings
        .iter()
        .filter(|meeting| meeting.plan_id.as_deref() == Some(plan.id.as_str()))
        .max_by(|a, b| a.chronological_key().cmp(&b.chronological_key()))
}

/// Plans no meeting was made from yet, latest first: what a new meeting may be made from.
pub fn open_plans<'a>(plans: &'a [MeetingPlan], meetings: &[Meeting]) -> Vec<&'a MeetingPlan> {
    let mut open: Vec<&MeetingPlan> = plans.iter().filter(|plan| meeting_of(plan, meetings).is_none()).collect();
    open.sort_by(|a, b| (b.date, &b.id).cmp(&(a.date, &a.id)));
    open
}

/// Vietnam's offset from UTC: +07:00 all year (no daylight saving since 1975).
const VIETNAM_OFFSET_SECONDS: i64 = 7 * 3600;

/// A moment as a clock in Vietnam shows it. A moment so far ahead that seven hours more
/// leave chrono's range stays in UTC rather than panicking (the files bound moments to
/// 1930–2100 anyway).
pub fn vietnam_time(at: Timestamp) -> NaiveDateTime {
    let utc = at.naive_utc();
    TimeDelta::try_seconds(VIETNAM_OFFSET_SECONDS).and_then(|offset| utc.checked_add_signed(offset)).unwrap_or(utc)
}

/// How many days before `meeting_date` a thing was sent at `at`: calendar days between
/// the day it was sent and the meeting's day, both in Vietnam time, whatever the hours
/// (sent 01/03 at 19:05 for a meeting on 03/03: 2; sent on the meeting day: 0; after it:
/// negative). Counting calendar days, not periods of 24 hours, is how "trước ít nhất 1
/// ngày" is read: documents posted the evening before a morning meeting were sent "the
/// day before".
pub fn days_before(at: Timestamp, meeting_date: NaiveDate) -> i64 {
    (meeting_date - vietnam_time(at).date()).num_days()
}

/// True when `at` is before the meeting begins: before its start time on its day, or (no
/// start time recorded) on or before its day.
pub fn sent_before_meeting(at: Timestamp, date: NaiveDate, start: Option<NaiveTime>) -> bool {
    let local = vietnam_time(at);
    match start {
        Some(start) => local < date.and_time(start),
        None => local.date() <= date,
    }
}

/// Minutes a calendar entry lasts when the plan gives no end: HD 12's least duration, 90
/// minutes, or 120 for a meeting combined with a chuyên đề (domain reference §1).
fn default_minutes(kind: MeetingKind) -> i64 {
    if kind == MeetingKind::KetHop {
        120
    } else {
        90
    }
}

/// When the meeting of a plan takes place, as a calendar entry: from its start to its end
/// (an end before the start is taken as running past midnight; no end, or the end equal
/// to the start: the least duration, [`default_minutes`]), or the whole day when no start
/// is planned.
pub fn event_time(plan: &MeetingPlan) -> ics::EventTime {
    let Some(start) = plan.start_time else {
        return ics::EventTime::AllDay(plan.date);
    };
    let start = plan.date.and_time(start);
    let end = match plan.end_time {
        Some(end) if end > start.time() => plan.date.and_time(end),
        Some(end) if end < start.time() => (plan.date + chrono::Days::new(1)).and_time(end),
        _ => start + TimeDelta::minutes(default_minutes(plan.kind)),
    };
    ics::EventTime::Timed { start, end }
}

/// A document members read before the meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reading {
    /// The outline for the discussion.
    Outline,
    /// The draft resolution or conclusion.
    DraftResolution,
}

/// What a notice of the meeting says, as facts: who calls it, what, when, where, what is
/// on it and what to read first (worded by `text::preparation::notice`).
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeFacts {
    /// The chi bộ's name.
    pub chi_bo: String,
    /// The kind of meeting.
    pub kind: MeetingKind,
    /// The month it is the meeting of.
    pub month: PlanMonth,
    /// Its day.
    pub date: NaiveDate,
    /// Its start, if planned.
    pub start: Option<NaiveTime>,
    /// Its end, if planned.
    pub end: Option<NaiveTime>,
    /// Its place (may be empty).
    pub place: String,
    /// The chuyên đề topic (may be empty).
    pub topic: String,
    /// The content items' texts, in order.
    pub content: Vec<String>,
    /// The documents to read first (those the plan has).
    pub to_read: Vec<Reading>,
}

/// The facts of a plan's notice.
pub fn notice_facts(plan: &MeetingPlan, chi_bo: &ChiBo) -> NoticeFacts {
    let mut to_read = Vec::new();
    if !plan.outline.trim().is_empty() {
        to_read.push(Reading::Outline);
    }
    if !plan.draft_resolution.trim().is_empty() {
        to_read.push(Reading::DraftResolution);
    }
    NoticeFacts {
        chi_bo: chi_bo.name.clone(),
        kind: plan.kind,
        month: plan.month,
        date: plan.date,
        start: plan.start_time,
        end: plan.end_time,
        place: plan.place.trim().to_owned(),
        topic: plan.topic.trim().to_owned(),
        content: plan.written_content().map(|item| item.text.trim().to_owned()).collect(),
        to_read,
    }
}

/// The calendar file's UID of a plan: stable, so a file sent again after a change updates
/// the entry a calendar already holds instead of adding a second one.
pub fn calendar_uid(plan: &MeetingPlan) -> String {
    format!("{}@so-tay-chi-bo", plan.id)
}
