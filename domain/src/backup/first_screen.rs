//! What the first screen (Trang chủ) shows, read from the stored entries without the rest.
//!
//! [`read_storage`](super::read_storage) reads every record, migrates older layouts and
//! explains every problem; its code (the located readers, the migrations, the framework,
//! template and pack validation, their messages) is most of what a start-up would have to
//! download and compile. The first screen needs only the chi bộ, its members and, of each
//! meeting, the few fields the home card and the backup reminder show. This reader takes
//! those, typed, and nothing else; anything it is not sure of (another layout version, a
//! record that does not read straight, a record under another record's key) makes it answer
//! `None`, and the app waits for the full reader, which says what is wrong.
//!
//! It never contradicts the full reader on the chi bộ and the members (the same typed read
//! the full reader tries first); a meeting whose head reads while the whole record does not
//! is shown until the full read replaces the heads (`tests/backup_first_screen.rs`).

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use super::storage::{key_kind, stored_version, KeyKind, SCHEMA_VERSION};
use crate::model::{ChiBo, Meeting, MeetingKind, Member, Timestamp};

/// A meeting as the first screen needs it: which one, when, what kind, last changed when.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct MeetingHead {
    /// Stable id.
    pub id: String,
    /// Date held.
    pub date: NaiveDate,
    /// Kind.
    pub kind: MeetingKind,
    /// Start time.
    #[serde(default)]
    pub start_time: Option<NaiveTime>,
    /// Last change.
    pub updated_at: Timestamp,
}

impl MeetingHead {
    /// The head of a full meeting record.
    pub fn of(meeting: &Meeting) -> MeetingHead {
        MeetingHead {
            id: meeting.id.clone(),
            date: meeting.date,
            kind: meeting.kind,
            start_time: meeting.start_time,
            updated_at: meeting.updated_at,
        }
    }

    /// The same order as [`Meeting::chronological_key`].
    pub fn chronological_key(&self) -> (NaiveDate, Option<NaiveTime>, &str) {
        (self.date, self.start_time, self.id.as_str())
    }
}

/// The chi bộ, its members and its meetings' heads, in storage order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FirstScreen {
    /// The chi bộ, once set up.
    pub chi_bo: Option<ChiBo>,
    /// Every member record.
    pub members: Vec<Member>,
    /// Every meeting's head.
    pub meetings: Vec<MeetingHead>,
}

/// Reads what the first screen shows, or `None` when only the full reader can say (see the
/// module's comment). Keys outside the chi bộ, its members and meetings are not looked at.
pub fn read_first_screen(entries: &[(String, String)]) -> Option<FirstScreen> {
    let mut reader = FirstScreenReader::new(entries);
    while reader.read_next(entries) {}
    reader.finish()
}

/// [`read_first_screen`] one entry at a time, so that a phone's only thread can stop between
/// entries (a meeting's head is read from its whole text: ten years of them take a slow
/// phone a tenth of a second): `new`, then `read_next` with the same entries until it says
/// there is nothing left, then `finish`.
pub struct FirstScreenReader {
    first: Option<FirstScreen>,
    /// Entries are read from the last: a later duplicate of a key wins, as in browser
    /// storage and in the full reader.
    seen: std::collections::BTreeSet<String>,
    unread: usize,
}

impl FirstScreenReader {
    /// Ready to read `entries` (an older layout is left to the full reader at once).
    pub fn new(entries: &[(String, String)]) -> FirstScreenReader {
        let holds_records = entries
            .iter()
            .any(|(key, _)| matches!(key_kind(key).0, KeyKind::ChiBo | KeyKind::Member | KeyKind::Meeting));
        let readable = !holds_records || is_layout_read_straight(entries);
        FirstScreenReader { first: readable.then(FirstScreen::default), seen: Default::default(), unread: entries.len() }
    }

    /// Reads the next entry of `entries` (the same slice every call); false when there is
    /// nothing left to read, or when an entry means only the full reader can answer.
    pub fn read_next(&mut self, entries: &[(String, String)]) -> bool {
        if self.unread == 0 || self.first.is_none() {
            return false;
        }
        self.unread -= 1;
        let Some((key, text)) = entries.get(self.unread) else {
            self.first = None;
            return false;
        };
        if !self.seen.insert(key.clone()) {
            return true;
        }
        if read_entry(self.first.as_mut().expect("checked above"), key, text).is_none() {
            self.first = None;
            return false;
        }
        true
    }

    /// What the first screen shows, or `None` (see [`read_first_screen`]).
    pub fn finish(self) -> Option<FirstScreen> {
        let mut first = self.first?;
        if self.unread > 0 {
            return None;
        }
        first.members.reverse();
        first.meetings.reverse();
        Some(first)
    }
}

/// One entry into `first`; `None` when it does not read straight.
fn read_entry(first: &mut FirstScreen, key: &str, text: &str) -> Option<()> {
    match key_kind(key) {
        (KeyKind::ChiBo, _) => first.chi_bo = Some(serde_json::from_str(text).ok()?),
        (KeyKind::Member, id) => {
            let member: Member = serde_json::from_str(text).ok()?;
            (member.id == id).then_some(())?;
            first.members.push(member);
        }
        (KeyKind::Meeting, id) => {
            let head: MeetingHead = serde_json::from_str(text).ok()?;
            (head.id == id).then_some(())?;
            first.meetings.push(head);
        }
        _ => {}
    }
    Some(())
}

/// The stored layouts whose chi bộ, member and meeting texts are those of this app's layout,
/// so that they read straight: version 3 (the release before plans; its migration to 4
/// rewrites nothing) and this app's. A phone updated from version 3 shows Trang chủ before
/// the full reader has migrated it, even when that reader's module cannot be fetched.
const LAYOUTS_READ_STRAIGHT: [u64; 2] = [3, SCHEMA_VERSION as u64];

/// True when `sotay.schema_version`, read as the full reader reads it, names a layout in
/// [`LAYOUTS_READ_STRAIGHT`].
fn is_layout_read_straight(entries: &[(String, String)]) -> bool {
    stored_version(entries).is_ok_and(|version| LAYOUTS_READ_STRAIGHT.contains(&version))
}
