//! What an import will do ([`preview`]) and doing it ([`merge`], [`replace`]).
//!
//! Records are matched by stable id within their kind (the chi bộ and the committee pack
//! are single slots: the file's one is matched with the device's one whatever their ids,
//! and the preview says when the chi bộ differs). For each record of the file:
//! - not on the device: **added**;
//! - the same apart from `updated_at`: **unchanged** (nothing is written);
//! - different, and the file's `updated_at` is later: **updated** (the file's wins);
//! - different, and the device's is later or the same time: a **conflict**, resolved by
//!   keeping the device's record, and listed with both times.
//!
//! So a merge never loses a newer change, and merging the same file twice changes nothing
//! (the second preview is all "unchanged" or conflicts already resolved the same way).
//! Records only on the device are kept by a merge; a replace removes them (the preview
//! lists them as `only_current`). A deletion is not carried by a file: a record deleted
//! on one phone comes back when a file that still has it is merged.

use super::dataset::{id_set, Dataset, Ids, Record, RecordKind};
use crate::model::Timestamp;
use crate::text::backup as text;

/// A record named in a preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRef {
    /// Its id.
    pub id: String,
    /// What to show: a member's name, "ngày 03/05/2026" for a meeting, a framework's
    /// name, a handbook item's id (the app can show the item's title).
    pub label: String,
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
    /// The copy a merge keeps (always the device's: it is newer or as new).
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
        }
    }

    /// True when a merge changes nothing of this kind.
    pub fn merge_changes_nothing(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty()
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
    /// Handbook bookmarks and notes.
    pub marks: KindPreview,
    /// Custom frameworks.
    pub frameworks: KindPreview,
    /// The committee content pack.
    pub committee_pack: KindPreview,
    /// Set when the file's chi bộ has another id than the device's: probably another chi
    /// bộ's file. The app should ask before merging.
    pub other_chi_bo: Option<OtherChiBo>,
}

impl ImportPreview {
    /// Every kind, in display order.
    pub fn kinds(&self) -> [&KindPreview; 6] {
        [
            &self.chi_bo,
            &self.members,
            &self.meetings,
            &self.marks,
            &self.frameworks,
            &self.committee_pack,
        ]
    }

    /// True when a merge would change nothing (a file imported before).
    pub fn merge_changes_nothing(&self) -> bool {
        self.kinds().iter().all(|kind| kind.merge_changes_nothing())
    }

    /// Number of conflicts over all kinds.
    pub fn conflict_count(&self) -> usize {
        self.kinds().iter().map(|kind| kind.conflicts.len()).sum()
    }

    /// Vietnamese lines for a merge: one per kind present in the file or on the device
    /// ("Thêm 3 buổi sinh hoạt, cập nhật 1, giữ nguyên 10; 1 xung đột: …"), a warning
    /// first when the file is another chi bộ's, and a closing line when nothing changes.
    pub fn summary_lines(&self) -> Vec<String> {
        text::merge_summary_lines(self)
    }

    /// Vietnamese lines for a replace: what the device will hold, and what it loses.
    pub fn replace_summary_lines(&self) -> Vec<String> {
        text::replace_summary_lines(self)
    }
}

fn record_ref<T: Record>(record: &T, label: &dyn Fn(&T) -> String) -> RecordRef {
    RecordRef {
        id: record.id().to_owned(),
        label: label(record),
    }
}

enum Outcome {
    Added,
    Unchanged,
    Updated,
    Conflict,
}

fn outcome<T: Record>(current: Option<&T>, incoming: &T) -> Outcome {
    match current {
        None => Outcome::Added,
        Some(current) if current.same_content(incoming) => Outcome::Unchanged,
        Some(current) if incoming.updated_at() > current.updated_at() => Outcome::Updated,
        Some(_) => Outcome::Conflict,
    }
}

fn preview_list<T: Record>(
    kind: RecordKind,
    current: &[T],
    incoming: &[T],
    label: &dyn Fn(&T) -> String,
) -> KindPreview {
    let mut preview = KindPreview::new(kind);
    let index = id_set(current.iter().map(Record::id));
    let seen = id_set(incoming.iter().map(Record::id));
    for record in incoming {
        let existing = index
            .get(record.id())
            .and_then(|at| current.get(usize::try_from(*at).unwrap_or(usize::MAX)));
        classify(&mut preview, existing, record, label);
    }
    preview.only_current = current
        .iter()
        .filter(|record| !seen.contains_key(record.id()))
        .map(|record| record_ref(record, label))
        .collect();
    preview
}

fn classify<T: Record>(
    preview: &mut KindPreview,
    current: Option<&T>,
    incoming: &T,
    label: &dyn Fn(&T) -> String,
) {
    match (outcome(current, incoming), current) {
        (Outcome::Added, _) => preview.added.push(record_ref(incoming, label)),
        (Outcome::Unchanged, _) => preview.unchanged.push(record_ref(incoming, label)),
        (Outcome::Updated, _) => preview.updated.push(record_ref(incoming, label)),
        (Outcome::Conflict, Some(current)) => preview.conflicts.push(Conflict {
            record: record_ref(current, label),
            current_updated_at: current.updated_at(),
            incoming_updated_at: incoming.updated_at(),
            kept: Side::Current,
        }),
        (Outcome::Conflict, None) => preview.added.push(record_ref(incoming, label)),
    }
}

fn preview_single<T: Record>(
    kind: RecordKind,
    current: Option<&T>,
    incoming: Option<&T>,
    label: &dyn Fn(&T) -> String,
) -> KindPreview {
    let mut preview = KindPreview::new(kind);
    match (current, incoming) {
        (_, Some(incoming)) => classify(&mut preview, current, incoming, label),
        (Some(current), None) => preview.only_current.push(record_ref(current, label)),
        (None, None) => {}
    }
    preview
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
    ImportPreview {
        chi_bo: preview_single(
            RecordKind::ChiBo,
            current.chi_bo.as_ref(),
            incoming.chi_bo.as_ref(),
            &|c| c.name.clone(),
        ),
        members: preview_list(
            RecordKind::Member,
            &current.members,
            &incoming.members,
            &|m| m.name.clone(),
        ),
        meetings: preview_list(
            RecordKind::Meeting,
            &current.meetings,
            &incoming.meetings,
            &|m| text::meeting_label(m.date),
        ),
        marks: preview_list(RecordKind::Mark, &current.marks, &incoming.marks, &|m| {
            m.item_id.clone()
        }),
        frameworks: preview_list(
            RecordKind::Framework,
            &current.frameworks,
            &incoming.frameworks,
            &|f| f.framework.name.clone(),
        ),
        committee_pack: preview_single(
            RecordKind::CommitteePack,
            current.committee_pack.as_ref(),
            incoming.committee_pack.as_ref(),
            &|p| p.pack.name.clone(),
        ),
        other_chi_bo,
    }
}

/// Whether `incoming` replaces `current` in a merge.
fn incoming_wins<T: Record>(current: &T, incoming: &T) -> bool {
    matches!(outcome(Some(current), incoming), Outcome::Updated)
}

fn merge_list<T: Record>(current: &[T], incoming: &[T]) -> Vec<T> {
    let mut merged: Vec<T> = current.to_vec();
    let mut index: Ids = id_set(merged.iter().map(Record::id));
    for record in incoming {
        match index.get(record.id()).copied() {
            Some(at) => {
                if let Some(existing) = merged.get_mut(usize::try_from(at).unwrap_or(usize::MAX)) {
                    if incoming_wins(existing, record) {
                        *existing = record.clone();
                    }
                }
            }
            None => {
                index.insert(
                    record.id().to_owned(),
                    u32::try_from(merged.len()).unwrap_or(u32::MAX),
                );
                merged.push(record.clone());
            }
        }
    }
    merged
}

fn merge_single<T: Record>(current: Option<&T>, incoming: Option<&T>) -> Option<T> {
    match (current, incoming) {
        (Some(current), Some(incoming)) if incoming_wins(current, incoming) => {
            Some(incoming.clone())
        }
        (Some(current), _) => Some(current.clone()),
        (None, incoming) => incoming.cloned(),
    }
}

/// Merges `incoming` into `current` by stable id: records only on one side are kept, the
/// later `updated_at` wins, conflicts keep the device's record (see the module docs).
/// The device's records keep their order; new ones follow in the file's order.
pub fn merge(current: &Dataset, incoming: &Dataset) -> Dataset {
    Dataset {
        chi_bo: merge_single(current.chi_bo.as_ref(), incoming.chi_bo.as_ref()),
        members: merge_list(&current.members, &incoming.members),
        meetings: merge_list(&current.meetings, &incoming.meetings),
        marks: merge_list(&current.marks, &incoming.marks),
        frameworks: merge_list(&current.frameworks, &incoming.frameworks),
        committee_pack: merge_single(
            current.committee_pack.as_ref(),
            incoming.committee_pack.as_ref(),
        ),
    }
}

/// Replaces everything with the file's data, as it is. The app takes a snapshot of the
/// current data first (`export_all(current, …).to_json()`), so one tap can undo it.
pub fn replace(incoming: &Dataset) -> Dataset {
    incoming.clone()
}
