//! What an import will do ([`preview`]) and doing it ([`merge`], [`replace`]).
//!
//! Records are matched by stable id within their kind (the chi bộ and the committee pack
//! are single slots: the file's one is matched with the device's one whatever their ids,
//! and the preview says when the chi bộ differs). Each record's latest event on either
//! side wins: an edit (`updated_at`) or a deletion marker (`deleted_at`), ordered by
//! one order (`Event::beats`) the same way on every phone. For each record of the file:
//! - not on the device: **added** (also when the device deleted it earlier);
//! - the same apart from `updated_at`: **unchanged** (the later stamp is kept);
//! - different, and the file's `updated_at` is later: **updated** (the file's wins);
//! - different, and the device's is later or the same time: a **conflict**, listed with
//!   both times: the device's copy is kept, or at the same moment the copy every phone
//!   picks;
//! - deleted by the file's marker after the device's last edit: **deleted** ("sẽ xóa").
//!
//! So merging is commutative, associative and idempotent: it never loses a newer change,
//! merging a file twice changes nothing, and phones that exchange files converge
//! (`tests/backup_convergence.rs`). Records only on the device are kept by a merge; a
//! replace removes them (the preview lists them as `only_current`).

use std::cmp::Ordering;

use super::format::Backup;
use super::dataset::{
    id_set, CommitteeDuesRules, CommitteePack, CustomFramework, CustomTemplate, Dataset, DeletedKind,
    Deletion, Ids, Record, RecordKind,
};
use crate::dues::{DuesPayment, DuesProfile, YearMonth};
use crate::model::{ChiBo, HandbookMark, Meeting, Member, Timestamp};
use crate::preparation::MeetingPlan;
use crate::review::YearReview;
/// A record named in a preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRef {
    /// Its id.
    pub id: String,
    /// What it is called (worded by `text::backup::record_label`).
    pub label: RecordLabel,
}

/// How a preview names a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordLabel {
    /// By a name: a member's, a framework's, a template's, a pack's, the chi bộ's; a
    /// handbook item's id (the app can show the item's title).
    Name(String),
    /// A meeting, or a meeting plan, by its date.
    MeetingOn(chrono::NaiveDate),
    /// A year-end review, by its year.
    ReviewOf(i32),
    /// A member's dues profile, by the member's name (or id, when neither side holds the
    /// member).
    DuesProfileOf(String),
    /// A dues payment: whose, for which (first) month, how much.
    DuesPaymentOf {
        /// The member's name (or id).
        member: String,
        /// The (first) month paid for.
        month: YearMonth,
        /// The amount, đồng.
        amount_dong: u64,
    },
}

/// Which copy a conflict keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The record on the device.
    Current,
    /// The record in the file.
    Incoming,
}

/// A record changed on both sides where the device's copy is not older.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The record (label from the device's copy).
    pub record: RecordRef,
    /// `updated_at` on the device.
    pub current_updated_at: Timestamp,
    /// `updated_at` in the file.
    pub incoming_updated_at: Timestamp,
    /// The copy a merge keeps: the device's when it is newer; at the same moment, the
    /// one every phone picks (the larger JSON text), so phones agree.
    pub kept: Side,
}

/// The preview of one kind of record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindPreview {
    /// The kind.
    pub kind: RecordKind,
    /// In the file, not on the device.
    pub added: Vec<RecordRef>,
    /// In both; the file's copy is newer and different.
    pub updated: Vec<RecordRef>,
    /// In both, the same.
    pub unchanged: Vec<RecordRef>,
    /// In both, different, the device's copy newer or as new.
    pub conflicts: Vec<Conflict>,
    /// On the device only: kept by a merge, removed by a replace.
    pub only_current: Vec<RecordRef>,
    /// On the device, deleted by the file: the file's deletion is later than the
    /// device's last edit, so a merge removes it ("sẽ xóa").
    pub deleted: Vec<RecordRef>,
}

impl KindPreview {
    fn new(kind: RecordKind) -> KindPreview {
        KindPreview {
            kind,
            added: Vec::new(),
            updated: Vec::new(),
            unchanged: Vec::new(),
            conflicts: Vec::new(),
            only_current: Vec::new(),
            deleted: Vec::new(),
        }
    }

    /// True when a merge changes nothing of this kind.
    pub fn merge_changes_nothing(&self) -> bool {
        self.added.is_empty()
            && self.updated.is_empty()
            && self.deleted.is_empty()
            && self.conflicts.iter().all(|conflict| conflict.kept == Side::Current)
    }

    /// Records of this kind in the file.
    pub fn incoming_count(&self) -> usize {
        self.added.len() + self.updated.len() + self.unchanged.len() + self.conflicts.len()
    }
}

/// The chi bộ of the file is not the one on the device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherChiBo {
    /// The device's chi bộ name.
    pub current_name: String,
    /// The file's chi bộ name.
    pub incoming_name: String,
}

/// What importing a dataset will do, kind by kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPreview {
    /// The chi bộ record.
    pub chi_bo: KindPreview,
    /// Members.
    pub members: KindPreview,
    /// Meetings.
    pub meetings: KindPreview,
    /// Meeting plans.
    pub plans: KindPreview,
    /// Year-end reviews.
    pub reviews: KindPreview,
    /// Handbook bookmarks and notes.
    pub marks: KindPreview,
    /// Custom frameworks.
    pub frameworks: KindPreview,
    /// Committee dossier templates.
    pub templates: KindPreview,
    /// The committee content pack.
    pub committee_pack: KindPreview,
    /// The committee's dues rule.
    pub dues_rules: KindPreview,
    /// Members' dues profiles.
    pub dues_profiles: KindPreview,
    /// Dues payments.
    pub dues_payments: KindPreview,
    /// Set when the file's chi bộ has another id than the device's: probably another chi
    /// bộ's file. The app should ask before merging.
    pub other_chi_bo: Option<OtherChiBo>,
    /// Set by [`preview_file`] when the file holds moments more than a day after "now":
    /// accepted, but shown, since the writing phone's clock was probably wrong.
    pub ahead_of_clock: Option<AheadOfClock>,
}

/// Moments of a file more than a day ahead of this phone's clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AheadOfClock {
    /// The latest of them.
    pub latest: Timestamp,
    /// How many records (and markers) are stamped that far ahead.
    pub records: usize,
    /// True when the file's `exported_at` is one of them.
    pub exported_at: bool,
}

/// How far ahead of "now" a moment may be before the preview flags it.
const FLAG_AFTER_HOURS: i64 = 24;

/// The moments of a file more than a day after `now`, if any.
pub fn ahead_of_clock(file: &Backup, now: Timestamp) -> Option<AheadOfClock> {
    let limit = chrono::TimeDelta::try_hours(FLAG_AFTER_HOURS)
        .and_then(|day| now.checked_add_signed(day))
        .unwrap_or(now);
    let data = &file.data;
    let records = data
        .chi_bo
        .iter()
        .map(|r| r.updated_at)
        .chain(data.members.iter().map(|r| r.updated_at))
        .chain(data.meetings.iter().map(|r| r.updated_at))
        .chain(data.plans.iter().map(|r| r.updated_at))
        .chain(data.reviews.iter().map(|r| r.updated_at))
        .chain(data.marks.iter().map(|r| r.updated_at))
        .chain(data.frameworks.iter().map(|r| r.updated_at))
        .chain(data.templates.iter().map(|r| r.updated_at))
        .chain(data.committee_pack.iter().map(|r| r.updated_at))
        .chain(data.dues_rules.iter().map(|r| r.updated_at))
        .chain(data.dues_profiles.iter().map(|r| r.updated_at))
        .chain(data.dues_payments.iter().map(|r| r.updated_at))
        .chain(data.deletions.iter().map(|marker| marker.deleted_at))
        .filter(|at| *at > limit);
    let (count, latest) = records.fold((0, None::<Timestamp>), |(count, latest), at| {
        (count + 1, Some(latest.map_or(at, |latest| latest.max(at))))
    });
    let exported_at = file.exported_at > limit;
    let latest = match (latest, exported_at) {
        (Some(latest), true) => latest.max(file.exported_at),
        (Some(latest), false) => latest,
        (None, true) => file.exported_at,
        (None, false) => return None,
    };
    Some(AheadOfClock {
        latest,
        records: count,
        exported_at,
    })
}

/// [`preview`] of a whole file, with [`ImportPreview::ahead_of_clock`] set from `now`
/// (the app's clock; the crate has none).
pub fn preview_file(current: &Dataset, file: &Backup, now: Timestamp) -> ImportPreview {
    ImportPreview {
        ahead_of_clock: ahead_of_clock(file, now),
        ..preview(current, &file.data)
    }
}

impl ImportPreview {
    /// Every kind, in display order.
    pub fn kinds(&self) -> [&KindPreview; 12] {
        [
            &self.chi_bo,
            &self.members,
            &self.meetings,
            &self.plans,
            &self.reviews,
            &self.dues_profiles,
            &self.dues_payments,
            &self.marks,
            &self.frameworks,
            &self.templates,
            &self.dues_rules,
            &self.committee_pack,
        ]
    }

    /// The dues records' previews: profiles, payments, the committee's rule.
    pub fn dues_kinds(&self) -> [&KindPreview; 3] {
        [&self.dues_profiles, &self.dues_payments, &self.dues_rules]
    }

    /// True when a merge would change nothing (a file imported before).
    pub fn merge_changes_nothing(&self) -> bool {
        self.kinds().iter().all(|kind| kind.merge_changes_nothing())
    }

    /// Number of conflicts over all kinds.
    pub fn conflict_count(&self) -> usize {
        self.kinds().iter().map(|kind| kind.conflicts.len()).sum()
    }

}

fn record_ref<T: Record>(record: &T, label: &dyn Fn(&T) -> RecordLabel) -> RecordRef {
    RecordRef {
        id: record.id().to_owned(),
        label: label(record),
    }
}

/// The latest event of one record on one side: its last edit, or its deletion.
enum Event<'a, T> {
    Edit(&'a T),
    Deleted(&'a Deletion),
}

impl<T> Clone for Event<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Event<'_, T> {}

impl<T: Record> Event<'_, T> {
    fn at(&self) -> Timestamp {
        match self {
            Event::Edit(record) => record.updated_at(),
            Event::Deleted(marker) => marker.deleted_at,
        }
    }

    /// True when `self` wins over `other`, by a total order that every phone computes the
    /// same way, so merging is commutative, associative and idempotent and phones that
    /// exchange files converge: the later moment wins; at the same moment a deletion wins
    /// over an edit (an undo is a newer edit, so it still wins); two edits at the same
    /// moment: the larger compact JSON text wins (two deletions: the larger id).
    fn beats(&self, other: &Self) -> bool {
        match self.at().cmp(&other.at()) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => match (self, other) {
                (Event::Deleted(_), Event::Edit(_)) => true,
                (Event::Edit(_), Event::Deleted(_)) => false,
                (Event::Deleted(mine), Event::Deleted(theirs)) => mine.id > theirs.id,
                (Event::Edit(mine), Event::Edit(theirs)) => mine.tie_text() > theirs.tie_text(),
            },
        }
    }
}

/// One kind's records and deletion markers on one side. Single kinds (the chi bộ, the
/// committee pack) are one slot: every record and marker of the kind has the key `""`.
struct Held<'a, T> {
    records: &'a [T],
    deletions: Vec<&'a Deletion>,
    single: bool,
}

impl<'a, T: Record> Held<'a, T> {
    fn new(records: &'a [T], all: &'a [Deletion], kind: Option<DeletedKind>) -> Held<'a, T> {
        Held {
            records,
            deletions: all
                .iter()
                .filter(|marker| Some(marker.kind) == kind)
                .collect(),
            single: kind.is_none_or(DeletedKind::is_single),
        }
    }

    fn key<'b>(&self, id: &'b str) -> &'b str {
        if self.single {
            ""
        } else {
            id
        }
    }

    /// Every event in order (records, then markers), with its key.
    fn events(&self) -> impl Iterator<Item = (&'a str, Event<'a, T>)> + '_ {
        let records = self
            .records
            .iter()
            .map(|record| (self.key(record.id()), Event::Edit(record)));
        let markers = self
            .deletions
            .iter()
            .map(|marker| (self.key(&marker.id), Event::Deleted(*marker)));
        records.chain(markers)
    }

    /// The latest event of each key, in first-seen order.
    fn latest(&self) -> Vec<(&'a str, Event<'a, T>)> {
        latest_of(self.events())
    }
}

/// Per key, the event that wins, in the order keys were first seen.
fn latest_of<'a, T: Record>(
    events: impl Iterator<Item = (&'a str, Event<'a, T>)>,
) -> Vec<(&'a str, Event<'a, T>)> {
    let mut winners: Vec<(&'a str, Event<'a, T>)> = Vec::new();
    let mut index = Ids::default();
    for (key, event) in events {
        match index.get(key).copied() {
            Some(at) => {
                if let Some(winner) = winners.get_mut(usize::try_from(at).unwrap_or(usize::MAX)) {
                    if event.beats(&winner.1) {
                        winner.1 = event;
                    }
                }
            }
            None => {
                index.insert(key.to_owned(), u32::try_from(winners.len()).unwrap_or(u32::MAX));
                winners.push((key, event));
            }
        }
    }
    winners
}

fn preview_kind<T: Record>(
    kind: RecordKind,
    current: &Held<'_, T>,
    incoming: &Held<'_, T>,
    label: &dyn Fn(&T) -> RecordLabel,
) -> KindPreview {
    let mut preview = KindPreview::new(kind);
    let here = current.latest();
    let index = id_set(here.iter().map(|(key, _)| *key));
    let find = |key: &str| {
        index
            .get(key)
            .and_then(|at| here.get(usize::try_from(*at).unwrap_or(usize::MAX)))
            .map(|(_, event)| *event)
    };
    let there = incoming.latest();
    for (key, event) in &there {
        classify(&mut preview, find(key), *event, label);
    }
    let in_file = id_set(
        incoming
            .records
            .iter()
            .map(|record| incoming.key(record.id())),
    );
    preview.only_current = current
        .records
        .iter()
        .filter(|record| !in_file.contains_key(current.key(record.id())))
        .map(|record| record_ref(record, label))
        .collect();
    preview
}

fn classify<T: Record>(
    preview: &mut KindPreview,
    current: Option<Event<'_, T>>,
    incoming: Event<'_, T>,
    label: &dyn Fn(&T) -> RecordLabel,
) {
    match (current, incoming) {
        (None, Event::Edit(record)) => preview.added.push(record_ref(record, label)),
        (Some(Event::Edit(here)), Event::Edit(there)) if here.same_content(there) => {
            preview.unchanged.push(record_ref(there, label));
        }
        (Some(Event::Edit(here)), Event::Edit(there)) => {
            if there.updated_at() > here.updated_at() {
                preview.updated.push(record_ref(there, label));
            } else {
                preview.conflicts.push(Conflict {
                    record: record_ref(here, label),
                    current_updated_at: here.updated_at(),
                    incoming_updated_at: there.updated_at(),
                    kept: if incoming.beats(&Event::Edit(here)) {
                        Side::Incoming
                    } else {
                        Side::Current
                    },
                });
            }
        }
        // Deleted here: the file's copy comes back only when it is newer than the deletion.
        (Some(deleted @ Event::Deleted(_)), Event::Edit(there)) => {
            if incoming.beats(&deleted) {
                preview.added.push(record_ref(there, label));
            } else {
                preview.unchanged.push(record_ref(there, label));
            }
        }
        (Some(here @ Event::Edit(record)), Event::Deleted(_)) => {
            if incoming.beats(&here) {
                preview.deleted.push(record_ref(record, label));
            }
        }
        // A marker for a record this device does not hold: kept, nothing to show.
        (None | Some(Event::Deleted(_)), Event::Deleted(_)) => {}
    }
}

/// The latest events of both sides merged: the winning records, and the markers of the
/// keys whose winner is a deletion.
fn merge_kind<T: Record>(current: &Held<'_, T>, incoming: &Held<'_, T>) -> (Vec<T>, Vec<Deletion>) {
    let winners = latest_of(current.events().chain(incoming.events()));
    let mut records = Vec::new();
    let mut deletions = Vec::new();
    for (_, event) in winners {
        match event {
            Event::Edit(record) => records.push(record.clone()),
            Event::Deleted(marker) => deletions.push(marker.clone()),
        }
    }
    (records, deletions)
}

/// What importing `incoming` into `current` will do.
pub fn preview(current: &Dataset, incoming: &Dataset) -> ImportPreview {
    let other_chi_bo = match (&current.chi_bo, &incoming.chi_bo) {
        (Some(current), Some(incoming)) if current.id != incoming.id => Some(OtherChiBo {
            current_name: current.name.clone(),
            incoming_name: incoming.name.clone(),
        }),
        _ => None,
    };
    let kind = |record_kind, deleted| Kind {
        record_kind,
        deleted,
        current,
        incoming,
    };
    let names = MemberNames::of(current, incoming);
    ImportPreview {
        chi_bo: kind(RecordKind::ChiBo, None).preview(|d| d.chi_bo.as_slice(), &|c: &ChiBo| RecordLabel::Name(c.name.clone())),
        members: kind(RecordKind::Member, Some(DeletedKind::Member))
            .preview(|d| &d.members, &|m: &Member| RecordLabel::Name(m.name.clone())),
        meetings: kind(RecordKind::Meeting, Some(DeletedKind::Meeting))
            .preview(|d| &d.meetings, &|m: &Meeting| RecordLabel::MeetingOn(m.date)),
        plans: kind(RecordKind::Plan, Some(DeletedKind::Plan))
            .preview(|d| &d.plans, &|p: &MeetingPlan| RecordLabel::MeetingOn(p.date)),
        reviews: kind(RecordKind::Review, Some(DeletedKind::Review))
            .preview(|d| &d.reviews, &|r: &YearReview| RecordLabel::ReviewOf(r.year)),
        marks: kind(RecordKind::Mark, Some(DeletedKind::Mark))
            .preview(|d| &d.marks, &|m: &HandbookMark| RecordLabel::Name(m.item_id.clone())),
        frameworks: kind(RecordKind::Framework, Some(DeletedKind::Framework))
            .preview(|d| &d.frameworks, &|f: &CustomFramework| RecordLabel::Name(f.framework.name.clone())),
        templates: kind(RecordKind::DossierTemplate, Some(DeletedKind::DossierTemplate))
            .preview(|d| &d.templates, &|t: &CustomTemplate| RecordLabel::Name(t.template.name.clone())),
        committee_pack: kind(RecordKind::CommitteePack, Some(DeletedKind::CommitteePack))
            .preview(|d| d.committee_pack.as_slice(), &|p: &CommitteePack| RecordLabel::Name(p.pack.name.clone())),
        dues_rules: kind(RecordKind::DuesRules, Some(DeletedKind::DuesRules))
            .preview(|d| d.dues_rules.as_slice(), &|r: &CommitteeDuesRules| RecordLabel::Name(r.rules.name.clone())),
        dues_profiles: kind(RecordKind::DuesProfile, Some(DeletedKind::DuesProfile))
            .preview(|d| &d.dues_profiles, &|p: &DuesProfile| RecordLabel::DuesProfileOf(names.of_id(&p.member_id))),
        dues_payments: kind(RecordKind::DuesPayment, Some(DeletedKind::DuesPayment)).preview(
            |d| &d.dues_payments,
            &|p: &DuesPayment| RecordLabel::DuesPaymentOf {
                member: names.of_id(&p.member_id),
                month: p.month,
                amount_dong: p.amount_dong,
            },
        ),
        other_chi_bo,
        ahead_of_clock: None,
    }
}

/// Merges `incoming` into `current`: per record (matched by id within its kind; the chi
/// bộ and the committee pack are single slots), the latest event wins, edit or deletion
/// (in the order of `Event::beats`); the result holds the winning records and the
/// markers of the records whose latest event is a deletion. The device's records keep their order; new
/// ones follow in the file's order.
pub fn merge(current: &Dataset, incoming: &Dataset) -> Dataset {
    let mut deletions = Vec::new();
    let kind = |record_kind, deleted| Kind {
        record_kind,
        deleted,
        current,
        incoming,
    };
    let chi_bo = kind(RecordKind::ChiBo, None).merge(|d| d.chi_bo.as_slice(), &mut deletions);
    let members = kind(RecordKind::Member, Some(DeletedKind::Member))
        .merge(|d| &d.members, &mut deletions);
    let meetings = kind(RecordKind::Meeting, Some(DeletedKind::Meeting))
        .merge(|d| &d.meetings, &mut deletions);
    let plans = kind(RecordKind::Plan, Some(DeletedKind::Plan)).merge(|d| &d.plans, &mut deletions);
    let reviews = kind(RecordKind::Review, Some(DeletedKind::Review))
        .merge(|d| &d.reviews, &mut deletions);
    let marks = kind(RecordKind::Mark, Some(DeletedKind::Mark)).merge(|d| &d.marks, &mut deletions);
    let frameworks = kind(RecordKind::Framework, Some(DeletedKind::Framework))
        .merge(|d| &d.frameworks, &mut deletions);
    let templates = kind(RecordKind::DossierTemplate, Some(DeletedKind::DossierTemplate))
        .merge(|d| &d.templates, &mut deletions);
    let committee_pack = kind(RecordKind::CommitteePack, Some(DeletedKind::CommitteePack))
        .merge(|d| d.committee_pack.as_slice(), &mut deletions);
    let dues_rules = kind(RecordKind::DuesRules, Some(DeletedKind::DuesRules))
        .merge(|d| d.dues_rules.as_slice(), &mut deletions);
    let dues_profiles = kind(RecordKind::DuesProfile, Some(DeletedKind::DuesProfile))
        .merge(|d| &d.dues_profiles, &mut deletions);
    let dues_payments = kind(RecordKind::DuesPayment, Some(DeletedKind::DuesPayment))
        .merge(|d| &d.dues_payments, &mut deletions);
    Dataset {
        chi_bo: chi_bo.into_iter().next(),
        members,
        meetings,
        plans,
        reviews,
        marks,
        frameworks,
        templates,
        committee_pack: committee_pack.into_iter().next(),
        dues_rules: dues_rules.into_iter().next(),
        dues_profiles,
        dues_payments,
        deletions,
    }
}

/// Members' names by id, the device's first, to name dues records in a preview.
struct MemberNames<'a> {
    names: std::collections::BTreeMap<&'a str, &'a str>,
}

impl<'a> MemberNames<'a> {
    fn of(current: &'a Dataset, incoming: &'a Dataset) -> MemberNames<'a> {
        let mut names = std::collections::BTreeMap::new();
        for member in current.members.iter().chain(&incoming.members) {
            names.entry(member.id.as_str()).or_insert(member.name.as_str());
        }
        MemberNames { names }
    }

    /// The member's name, or the id when neither side holds the member.
    fn of_id(&self, member_id: &str) -> String {
        self.names.get(member_id).copied().unwrap_or(member_id).to_owned()
    }
}

/// One kind of record of both datasets.
struct Kind<'a> {
    record_kind: RecordKind,
    deleted: Option<DeletedKind>,
    current: &'a Dataset,
    incoming: &'a Dataset,
}

/// Where a kind's records are in a dataset.
type RecordsOf<T> = fn(&Dataset) -> &[T];

impl<'a> Kind<'a> {
    fn sides<T: Record>(&self, records: RecordsOf<T>) -> (Held<'a, T>, Held<'a, T>) {
        (
            Held::new(records(self.current), &self.current.deletions, self.deleted),
            Held::new(records(self.incoming), &self.incoming.deletions, self.deleted),
        )
    }

    fn preview<T: Record>(&self, records: RecordsOf<T>, label: &dyn Fn(&T) -> RecordLabel) -> KindPreview {
        let (here, there) = self.sides(records);
        preview_kind(self.record_kind, &here, &there, label)
    }

    fn merge<T: Record>(&self, records: RecordsOf<T>, deletions: &mut Vec<Deletion>) -> Vec<T> {
        let (here, there) = self.sides(records);
        let (records, markers) = merge_kind(&here, &there);
        deletions.extend(markers);
        records
    }
}

/// The moment to stamp a change (an edit, a deletion, an undo) of a record whose latest
/// event, edit or deletion, was at `latest`: `now`, or one millisecond after `latest`
/// when this phone's clock is behind it (another phone's clock ran fast). So a change
/// always wins over what it changes, whatever the clocks: "Hoàn tác" after a deletion
/// that arrived from a fast phone still brings the record back on every phone.
pub fn change_moment(now: Timestamp, latest: Option<Timestamp>) -> Timestamp {
    let just_after = latest.and_then(|latest| {
        chrono::TimeDelta::try_milliseconds(1).and_then(|step| latest.checked_add_signed(step))
    });
    let moment = match just_after {
        Some(just_after) if just_after > now => just_after,
        _ => now,
    };
    // Within the range every file accepts: at its last millisecond a change ties with the
    // record it changes (the merge then keeps one of the two, the same on every phone)
    // rather than making a file no phone reads.
    super::import::clamp_moment(moment)
}

/// "Hoàn tác" of an import that deleted records: `restored` is the snapshot taken before
/// the import, `undone` what the import left. Each record the snapshot holds and `undone`
/// held as a deletion marker comes back as a newer edit (stamped with [`change_moment`]
/// after the deletion), so the undo travels to the other phones like the undo of a
/// deletion made here; every other record stays exactly as in the snapshot.
pub fn revive_undone_deletions(undone: &Dataset, restored: &Dataset, now: Timestamp) -> Dataset {
    fn revive<T: Record>(records: &mut [T], kind: DeletedKind, undone: &Dataset, now: Timestamp) {
        for record in records {
            if let Some(marker) = undone.deletion(kind, record.id()) {
                let latest = marker.deleted_at.max(record.updated_at());
                *record = record.with_updated_at(change_moment(now, Some(latest)));
            }
        }
    }
    let mut revived = restored.clone();
    revive(&mut revived.members, DeletedKind::Member, undone, now);
    revive(&mut revived.meetings, DeletedKind::Meeting, undone, now);
    revive(&mut revived.plans, DeletedKind::Plan, undone, now);
    revive(&mut revived.reviews, DeletedKind::Review, undone, now);
    revive(&mut revived.marks, DeletedKind::Mark, undone, now);
    revive(&mut revived.frameworks, DeletedKind::Framework, undone, now);
    revive(&mut revived.templates, DeletedKind::DossierTemplate, undone, now);
    revive(revived.committee_pack.as_mut_slice(), DeletedKind::CommitteePack, undone, now);
    revive(revived.dues_rules.as_mut_slice(), DeletedKind::DuesRules, undone, now);
    revive(&mut revived.dues_profiles, DeletedKind::DuesProfile, undone, now);
    revive(&mut revived.dues_payments, DeletedKind::DuesPayment, undone, now);
    revived
}

/// Replaces everything with the file's data, as it is. The app takes a snapshot of the
/// current data first (`export_all(current, …).to_json()`), so one tap can undo it.
pub fn replace(incoming: &Dataset) -> Dataset {
    incoming.clone()
}
