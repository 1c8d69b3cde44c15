//! The app's records in memory (signals) and every change to them. Each change is written
//! through `storage` at once (autosave) and stamped with `updated_at`.

pub mod clock;

use leptos::prelude::*;
use sotay_domain::framework::Framework;
use sotay_domain::model::{ChiBo, HandbookMark, Meeting, Member};
use sotay_domain::builtin;

use crate::storage::{self, Key, RecordKind, StorageError};
use sotay_domain::model::Timestamp;

/// A save refused because the stored record is newer than the copy the change was made
/// on (another tab saved it meanwhile): the caller shows `latest` instead.
#[derive(Clone, Debug)]
pub struct NewerElsewhere<T> {
    pub latest: T,
}

/// Whether the stored copy of a record was changed after `based_on` (by another tab).
fn stored_is_newer<T: serde::de::DeserializeOwned>(key: &Key, based_on: Timestamp, updated_at: impl Fn(&T) -> Timestamp) -> Option<T> {
    storage::read::<T>(key).ok().flatten().filter(|stored| updated_at(stored) > based_on)
}

/// Everything the chi bộ has recorded, shared through context.
#[derive(Clone, Copy)]
pub struct Store {
    pub chi_bo: RwSignal<Option<ChiBo>>,
    pub members: RwSignal<Vec<Member>>,
    pub meetings: RwSignal<Vec<Meeting>>,
    /// Handbook bookmarks and notes, by item id.
    pub marks: RwSignal<Vec<HandbookMark>>,
    /// The committee's content pack as imported (JSON text), validated before it was stored.
    pub committee_pack: RwSignal<Option<String>>,
    /// Records found unreadable at start-up (kept in storage, listed for the user).
    pub load_problems: RwSignal<Vec<StorageError>>,
    /// The last write the browser refused, shown until the next successful write.
    pub write_error: RwSignal<Option<String>>,
}

impl Store {
    /// Loads every stored record and provides the store to the whole app.
    pub fn install() -> Store {
        let mut problems = Vec::new();
        let chi_bo = storage::read::<ChiBo>(&Key::ChiBo).unwrap_or_else(|problem| {
            problems.push(problem);
            None
        });
        let (mut members, member_problems) = storage::read_all::<Member>(RecordKind::Member);
        let (mut meetings, meeting_problems) = storage::read_all::<Meeting>(RecordKind::Meeting);
        let (marks, mark_problems) = storage::read_all::<HandbookMark>(RecordKind::Mark);
        let committee_pack = storage::read::<String>(&Key::CommitteePack).unwrap_or_else(|problem| {
            problems.push(problem);
            None
        });
        problems.extend(member_problems);
        problems.extend(meeting_problems);
        problems.extend(mark_problems);
        sort_members(&mut members);
        sort_meetings(&mut meetings);
        let store = Store {
            chi_bo: RwSignal::new(chi_bo),
            members: RwSignal::new(members),
            meetings: RwSignal::new(meetings),
            marks: RwSignal::new(marks),
            committee_pack: RwSignal::new(committee_pack),
            load_problems: RwSignal::new(problems),
            write_error: RwSignal::new(None),
        };
        provide_context(store);
        store.follow_other_tabs();
        store
    }

    /// Another tab of the app writes the same storage: take its changes as they happen.
    fn follow_other_tabs(self) {
        let listener = window_event_listener(leptos::ev::storage, move |event| match event.key() {
            None => self.reload_everything(),
            Some(name) => {
                if let Some(key) = Key::from_name(&name) {
                    self.reload(key);
                }
            }
        });
        // The store lives as long as the page.
        std::mem::forget(listener);
    }

    fn reload_everything(&self) {
        self.chi_bo.set(storage::read(&Key::ChiBo).ok().flatten());
        let mut members = storage::read_all::<Member>(RecordKind::Member).0;
        sort_members(&mut members);
        self.members.set(members);
        let mut meetings = storage::read_all::<Meeting>(RecordKind::Meeting).0;
        sort_meetings(&mut meetings);
        self.meetings.set(meetings);
        self.marks.set(storage::read_all::<HandbookMark>(RecordKind::Mark).0);
        self.committee_pack.set(storage::read(&Key::CommitteePack).ok().flatten());
    }

    fn reload(&self, key: Key) {
        match &key {
            Key::ChiBo => self.chi_bo.set(storage::read(&key).ok().flatten()),
            Key::CommitteePack => self.committee_pack.set(storage::read(&key).ok().flatten()),
            Key::Member(id) => {
                let stored = storage::read::<Member>(&key).ok().flatten();
                self.members.update(|members| {
                    replace_or_remove(members, id, stored, |m| &m.id);
                    sort_members(members);
                });
            }
            Key::Meeting(id) => {
                let stored = storage::read::<Meeting>(&key).ok().flatten();
                self.meetings.update(|meetings| {
                    replace_or_remove(meetings, id, stored, |m| &m.id);
                    sort_meetings(meetings);
                });
            }
            Key::Mark(id) => {
                let stored = storage::read::<HandbookMark>(&key).ok().flatten();
                self.marks.update(|marks| replace_or_remove(marks, id, stored, |m| &m.item_id));
            }
            Key::Settings | Key::SchemaVersion | Key::LastBackup => {}
        }
    }

    fn record_write(&self, result: Result<(), StorageError>) -> bool {
        match result {
            Ok(()) => {
                self.write_error.set(None);
                true
            }
            Err(StorageError::WriteRefused(reason)) | Err(StorageError::Unreadable { reason, .. }) => {
                self.write_error.set(Some(reason));
                false
            }
        }
    }

    pub fn save_chi_bo(&self, mut chi_bo: ChiBo) {
        chi_bo.updated_at = clock::now();
        let _ = storage::write(&Key::SchemaVersion, &storage::SCHEMA_VERSION);
        let first_time = self.chi_bo.with_untracked(Option::is_none);
        let saved = storage::write(&Key::ChiBo, &chi_bo);
        self.record_write(saved);
        self.chi_bo.set(Some(chi_bo));
        if first_time {
            // The chi bộ's records start here: ask the browser to keep them.
            leptos::task::spawn_local(async {
                let _ = storage::request_persistence().await;
            });
        }
    }

    /// Saves a member edited from the copy stamped `based_on`, unless another tab saved a
    /// newer one meanwhile.
    pub fn save_member_from(&self, member: Member, based_on: Timestamp) -> Result<(), NewerElsewhere<Member>> {
        let key = Key::Member(member.id.clone());
        if let Some(latest) = stored_is_newer::<Member>(&key, based_on, |m| m.updated_at) {
            self.reload(key);
            return Err(NewerElsewhere { latest });
        }
        self.save_member(member);
        Ok(())
    }

    pub fn save_member(&self, mut member: Member) {
        member.updated_at = clock::now();
        let saved = storage::write(&Key::Member(member.id.clone()), &member);
        self.record_write(saved);
        self.members.update(|members| {
            upsert(members, member, |m| &m.id);
            sort_members(members);
        });
    }

    /// Saves a meeting changed from the copy stamped `based_on` (autosave on every change
    /// in the form), unless another tab saved a newer one meanwhile.
    pub fn save_meeting_from(&self, meeting: Meeting, based_on: Timestamp) -> Result<Meeting, NewerElsewhere<Meeting>> {
        let key = Key::Meeting(meeting.id.clone());
        if let Some(latest) = stored_is_newer::<Meeting>(&key, based_on, |m| m.updated_at) {
            self.reload(key);
            return Err(NewerElsewhere { latest });
        }
        Ok(self.save_meeting(meeting))
    }

    /// Saves a meeting as it is (a new draft, or one just checked by `save_meeting_from`).
    pub fn save_meeting(&self, mut meeting: Meeting) -> Meeting {
        meeting.updated_at = clock::now();
        let saved = storage::write(&Key::Meeting(meeting.id.clone()), &meeting);
        self.record_write(saved);
        let stored = meeting.clone();
        self.meetings.update(|meetings| {
            upsert(meetings, meeting, |m| &m.id);
            sort_meetings(meetings);
        });
        stored
    }

    /// Removes a meeting and returns it, so the caller can offer to undo.
    pub fn delete_meeting(&self, id: &str) -> Option<Meeting> {
        let removed = self.meeting(id)?;
        storage::remove(&Key::Meeting(id.to_owned()));
        self.meetings.update(|meetings| meetings.retain(|m| m.id != id));
        Some(removed)
    }

    /// Puts back a meeting removed by `delete_meeting`, unchanged.
    pub fn restore_meeting(&self, meeting: Meeting) {
        let saved = storage::write(&Key::Meeting(meeting.id.clone()), &meeting);
        self.record_write(saved);
        self.meetings.update(|meetings| {
            upsert(meetings, meeting, |m| &m.id);
            sort_meetings(meetings);
        });
    }

    /// Saves a bookmark / note; one that holds nothing any more is removed.
    pub fn save_mark(&self, mut mark: HandbookMark) {
        mark.updated_at = clock::now();
        let key = Key::Mark(mark.item_id.clone());
        if mark.is_empty() {
            storage::remove(&key);
            self.marks.update(|marks| marks.retain(|m| m.item_id != mark.item_id));
            return;
        }
        let saved = storage::write(&key, &mark);
        if self.record_write(saved) {
            self.marks.update(|marks| upsert(marks, mark, |m| &m.item_id));
        }
    }

    pub fn mark(&self, item_id: &str) -> Option<HandbookMark> {
        self.marks.with(|marks| marks.iter().find(|m| m.item_id == item_id).cloned())
    }

    /// Stores a committee pack (already validated by the caller), or reverts to the
    /// built-in pack with `None`. Returns whether it was stored.
    pub fn set_committee_pack(&self, json: Option<String>) -> bool {
        let stored = match &json {
            Some(text) => self.record_write(storage::write(&Key::CommitteePack, text)),
            None => {
                storage::remove(&Key::CommitteePack);
                true
            }
        };
        if stored {
            self.committee_pack.set(json);
        }
        stored
    }

    pub fn meeting(&self, id: &str) -> Option<Meeting> {
        self.meetings.with_untracked(|meetings| meetings.iter().find(|m| m.id == id).cloned())
    }

    pub fn member(&self, id: &str) -> Option<Member> {
        self.members.with_untracked(|members| members.iter().find(|m| m.id == id).cloned())
    }

    /// The name shown for a member id (ids of removed members show as unknown).
    pub fn member_name(&self, id: &str) -> String {
        self.members
            .with(|members| members.iter().find(|m| m.id == id).map(|m| m.name.clone()))
            .unwrap_or_else(|| crate::text::meetings::UNKNOWN_MEMBER.to_owned())
    }
}

/// Built-in frameworks, parsed once. A framework a committee loads will join these.
pub fn frameworks() -> &'static [Framework] {
    thread_local! {
        static FRAMEWORKS: &'static [Framework] = Box::leak(builtin::all().into_boxed_slice());
    }
    FRAMEWORKS.with(|frameworks| *frameworks)
}

pub fn framework(id: &str) -> Option<&'static Framework> {
    frameworks().iter().find(|framework| framework.id == id)
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

fn replace_or_remove<T>(records: &mut Vec<T>, id: &str, stored: Option<T>, id_of: impl Fn(&T) -> &String) {
    match stored {
        Some(record) => upsert(records, record, id_of),
        None => records.retain(|record| id_of(record) != id),
    }
}

fn upsert<T>(records: &mut Vec<T>, record: T, id_of: impl Fn(&T) -> &String) {
    match records.iter().position(|existing| id_of(existing) == id_of(&record)) {
        Some(index) => records[index] = record,
        None => records.push(record),
    }
}

/// Vietnamese order: by given name, then family name.
fn sort_members(members: &mut [Member]) {
    members.sort_by_cached_key(|member| sotay_domain::collate::name_key(&member.name));
}

/// Newest first, as the history shows them.
fn sort_meetings(meetings: &mut [Meeting]) {
    meetings.sort_by(|a, b| b.chronological_key().cmp(&a.chronological_key()));
}
