//! The only code that touches browser storage.
//!
//! localStorage, one key per record (`sotay.member.<id>`, `sotay.meeting.<id>`, …; the
//! layout is `sotay_domain::backup::storage`): each record is written by a single
//! synchronous `setItem`, so a change is either stored whole or not at all, and it is stored
//! before the tab can close (an autosave of an IndexedDB transaction could still be pending
//! then). Changes to many keys at once (imports) go through a journal and a snapshot, below.
//! Why localStorage over IndexedDB, and sizes: ARCHITECTURE.md.

pub mod collection;

use std::borrow::Cow;

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

use sotay_domain::backup::storage::{self as layout, KeyKind, PREFIX};
/// The app's own bookkeeping (import journal, snapshot, last backup), kept out of `sotay.`
/// so the record layout (`sotay_domain::backup::storage`) never sees it as data.
const SYSTEM_PREFIX: &str = "sotay-sys.";
const JOURNAL: &str = "sotay-sys.journal";
const SNAPSHOT: &str = "sotay-sys.snapshot";
/// When the snapshot was taken (RFC 3339), a small key of its own so that start-up can
/// drop an expired snapshot without reading it.
const SNAPSHOT_TAKEN: &str = "sotay-sys.snapshot-taken";
/// How long the safety copy of the last import is kept (the undo window is a toast; the
/// copy stays this long for "Khôi phục bản sao", then goes).
pub const SNAPSHOT_KEEP_DAYS: i64 = 30;
/// Where the reader left off in each handbook section: this device's bookkeeping, outside the
/// record layout, never exported.
const READING_POSITIONS: &str = "sotay-sys.reading";
/// The framework and the handbook pack being written in the authoring editors: work in
/// progress on this device, outside the record layout, never exported with the data.
const DRAFT_PREFIX: &str = "sotay-sys.draft.";

/// An authoring editor's draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Draft {
    /// `sotay-sys.draft.framework`: a `Framework` as JSON.
    Framework,
    /// `sotay-sys.draft.pack`: a `PackDraft` as JSON.
    Pack,
}

impl Draft {
    fn name(self) -> String {
        let kind = match self {
            Draft::Framework => "framework",
            Draft::Pack => "pack",
        };
        format!("{DRAFT_PREFIX}{kind}")
    }
}

/// The stored draft, if there is a readable one (an unreadable draft reads as none and is
/// left in place until the next save overwrites it).
pub fn read_draft<T: DeserializeOwned>(draft: Draft) -> Option<T> {
    let text = window_storage().ok()?.get_item(&draft.name()).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// Saves a draft (one `setItem`); false when the browser refuses.
pub fn write_draft<T: Serialize>(draft: Draft, value: &T) -> bool {
    let (Ok(storage), Ok(text)) = (window_storage(), serde_json::to_string(value)) else { return false };
    storage.set_item(&draft.name(), &text).is_ok()
}

/// Forgets a draft.
pub fn remove_draft(draft: Draft) {
    if let Ok(storage) = window_storage() {
        let _ = storage.remove_item(&draft.name());
    }
}

/// Every key the app stores, so no other module invents its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    Settings,
    /// The version of the stored record layout (see `SCHEMA_VERSION`).
    SchemaVersion,
    ChiBo,
    Member(String),
    Meeting(String),
    /// A meeting plan (the preparation of a meeting), by its id.
    Plan(String),
    /// A handbook bookmark / note, by the item's stable id.
    Mark(String),
    /// The committee's content pack, as the JSON text that was imported.
    CommitteePack,
    /// A framework a committee loaded, by id.
    Framework(String),
    /// A year-end review, by id (`review-<year>`).
    Review(String),
    /// A dossier template a committee loaded, by id.
    DossierTemplate(String),
    /// The committee's dues rule (one slot).
    DuesRules,
    /// A member's dues profile, by the member's id.
    DuesProfile(String),
    /// A dues payment, by its id.
    DuesPayment(String),
    /// A deletion marker, by `<kind>.<id>` (`meeting.meeting-1f3a…`).
    Deletion(String),
    /// When the last backup file was made.
    LastBackup,
}

/// The layout version this build writes (migrations: `sotay_domain::backup::migrate`).
pub const SCHEMA_VERSION: u32 = layout::SCHEMA_VERSION;

// Key names come from the record layout the domain defines (`sotay_domain::backup::storage`),
// so the app and backups/imports can never disagree on them.
impl Key {
    /// The key's name in localStorage.
    pub fn name(&self) -> String {
        match self {
            Key::Settings => layout::SETTINGS_KEY.to_owned(),
            Key::SchemaVersion => layout::SCHEMA_VERSION_KEY.to_owned(),
            Key::ChiBo => layout::CHI_BO_KEY.to_owned(),
            Key::Member(id) => format!("{}{id}", layout::MEMBER_PREFIX),
            Key::Meeting(id) => format!("{}{id}", layout::MEETING_PREFIX),
            Key::Plan(id) => format!("{}{id}", layout::PLAN_PREFIX),
            Key::Mark(item_id) => format!("{}{item_id}", layout::MARK_PREFIX),
            Key::CommitteePack => layout::COMMITTEE_PACK_KEY.to_owned(),
            Key::Framework(id) => format!("{}{id}", layout::FRAMEWORK_PREFIX),
            Key::Review(id) => format!("{}{id}", layout::REVIEW_PREFIX),
            Key::DossierTemplate(id) => format!("{}{id}", layout::TEMPLATE_PREFIX),
            Key::DuesRules => layout::DUES_RULES_KEY.to_owned(),
            Key::DuesProfile(id) => format!("{}{id}", layout::DUES_PROFILE_PREFIX),
            Key::DuesPayment(id) => format!("{}{id}", layout::DUES_PAYMENT_PREFIX),
            Key::Deletion(kind_and_id) => format!("{}{kind_and_id}", layout::DELETED_PREFIX),
            Key::LastBackup => format!("{SYSTEM_PREFIX}last_backup"),
        }
    }

    /// The key behind a stored name, e.g. when another tab reports a change to it.
    pub fn from_name(name: &str) -> Option<Key> {
        let (kind, id) = layout::key_kind(name);
        let id = id.to_owned();
        Some(match kind {
            KeyKind::Settings => Key::Settings,
            KeyKind::SchemaVersion => Key::SchemaVersion,
            KeyKind::ChiBo => Key::ChiBo,
            KeyKind::Member => Key::Member(id),
            KeyKind::Meeting => Key::Meeting(id),
            KeyKind::Plan => Key::Plan(id),
            KeyKind::Mark => Key::Mark(id),
            KeyKind::Framework => Key::Framework(id),
            KeyKind::Review => Key::Review(id),
            KeyKind::DossierTemplate => Key::DossierTemplate(id),
            KeyKind::CommitteePack => Key::CommitteePack,
            KeyKind::DuesRules => Key::DuesRules,
            KeyKind::DuesProfile => Key::DuesProfile(id),
            KeyKind::DuesPayment => Key::DuesPayment(id),
            KeyKind::Deletion => Key::Deletion(id),
            KeyKind::Unknown => return None,
        })
    }
}

/// The key of a deletion marker (`sotay.deleted.<kind>.<id>`, as the layout names it).
pub fn marker_key(marker: &sotay_domain::backup::Deletion) -> Key {
    let name = layout::deletion_key(marker);
    Key::Deletion(name.strip_prefix(layout::DELETED_PREFIX).unwrap_or(&name).to_owned())
}

/// Why a read or write did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The stored text is not what the app expects (hand-edited, or from another app).
    Unreadable { key: String, reason: String },
    /// The browser refused the write: storage full, disabled, or private mode.
    WriteRefused(String),
}

/// Reads a value; `Ok(None)` when nothing was stored yet.
pub fn read<T: DeserializeOwned>(key: &Key) -> Result<Option<T>, StorageError> {
    let name = key.name();
    match LocalStorage::get::<T>(&name) {
        Ok(value) => Ok(Some(value)),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Ok(None),
        Err(other) => Err(StorageError::Unreadable { key: name, reason: other.to_string() }),
    }
}

/// Writes a value in one `setItem` call, so it is either fully stored or not at all.
pub fn write<T: Serialize>(key: &Key, value: &T) -> Result<(), StorageError> {
    LocalStorage::set(key.name(), value).map_err(|error| StorageError::WriteRefused(error.to_string()))
}

pub fn remove(key: &Key) {
    LocalStorage::delete(key.name());
}

fn window_storage() -> Result<web_sys::Storage, ()> {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten()).ok_or(())
}

/// Bytes the app's records take in localStorage (stored as UTF-16: two bytes a code unit).
pub fn app_data_bytes() -> usize {
    let Ok(storage) = window_storage() else { return 0 };
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|name| name.starts_with(PREFIX))
        .map(|name| {
            let value = storage.get_item(&name).ok().flatten().unwrap_or_default();
            2 * (name.encode_utf16().count() + value.encode_utf16().count())
        })
        .sum()
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Old browsers have no `navigator.storage`; the getter would hand back `undefined`.
    let present = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    present.then(|| navigator.storage())
}

async fn resolve(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Option<wasm_bindgen::JsValue> {
    wasm_bindgen_futures::JsFuture::from(promise.ok()?).await.ok()
}

/// Asks the browser not to evict the app's data under storage pressure. `None` when the
/// browser has no such request.
pub async fn request_persistence() -> Option<bool> {
    resolve(storage_manager()?.persist()).await?.as_bool()
}

/// Whether the browser has agreed to keep the data.
pub async fn is_persisted() -> Option<bool> {
    resolve(storage_manager()?.persisted()).await?.as_bool()
}

/// (bytes used, bytes allowed) for the whole site, app files included.
pub async fn estimate() -> Option<(f64, f64)> {
    use wasm_bindgen::JsCast;
    let estimate: web_sys::StorageEstimate = resolve(storage_manager()?.estimate()).await?.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// [`record_entries`] with a pause (`slices`) between texts: ten years are two megabytes,
/// which a slow phone takes a tenth of a second to hand over.
pub async fn record_entries_in_slices() -> Vec<(String, String)> {
    let Ok(storage) = window_storage() else { return Vec::new() };
    let length = storage.length().unwrap_or(0);
    let names: Vec<String> = (0..length).filter_map(|index| storage.key(index).ok().flatten()).filter(|name| name.starts_with(PREFIX)).collect();
    let mut entries = Vec::with_capacity(names.len());
    let mut slices = crate::slices::Slices::start();
    for name in names {
        // A key removed meanwhile (another tab) is just not there.
        if let Some(text) = storage.get_item(&name).ok().flatten() {
            entries.push((name, text));
        }
        slices.pause_if_due().await;
    }
    entries
}

/// Every key → text pair of the app's records (`sotay.`), as the domain's layout reads them.
pub fn record_entries() -> Vec<(String, String)> {
    let Ok(storage) = window_storage() else { return Vec::new() };
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|name| name.starts_with(PREFIX))
        .filter_map(|name| storage.get_item(&name).ok().flatten().map(|text| (name, text)))
        .collect()
}

/// Writes a record's text as the domain's layout gives it.
pub fn write_text(name: &str, text: &str) -> Result<(), StorageError> {
    let storage = window_storage().map_err(|_| StorageError::WriteRefused(String::new()))?;
    storage.set_item(name, text).map_err(|error| StorageError::WriteRefused(format!("{error:?}")))
}

/// The item the reader last had on screen in each handbook section (section id → item id);
/// empty when none is kept or the text is unreadable.
pub fn reading_positions() -> std::collections::BTreeMap<String, String> {
    window_storage()
        .ok()
        .and_then(|storage| storage.get_item(READING_POSITIONS).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Remembers where the reader is in a section. A refused write only loses the position.
pub fn save_reading_position(section_id: &str, item_id: &str) {
    let mut positions = reading_positions();
    if positions.get(section_id).map(String::as_str) == Some(item_id) {
        return;
    }
    positions.insert(section_id.to_owned(), item_id.to_owned());
    if let (Ok(storage), Ok(text)) = (window_storage(), serde_json::to_string(&positions)) {
        let _ = storage.set_item(READING_POSITIONS, &text);
    }
}

/// The journal of an `apply_changes` in progress: borrowed from its arguments when
/// written, owned when read back.
#[derive(serde::Serialize, serde::Deserialize)]
struct Journal<'a> {
    writes: Cow<'a, [(String, String)]>,
    removes: Cow<'a, [String]>,
}

/// Many keys changed as one: written after a journal, so that a tab closed half-way is
/// finished at the next start (`finish_interrupted_change`), and rolled back to how it
/// was when the browser refuses a write (storage full) — never left half done.
pub fn apply_changes(writes: &[(String, String)], removes: &[String]) -> Result<(), StorageError> {
    let storage = window_storage().map_err(|_| StorageError::WriteRefused(String::new()))?;
    let before: Vec<(String, Option<String>)> = writes
        .iter()
        .map(|(name, _)| name)
        .chain(removes)
        .map(|name| (name.clone(), storage.get_item(name).ok().flatten()))
        .collect();
    let journal = serde_json::to_string(&Journal { writes: Cow::Borrowed(writes), removes: Cow::Borrowed(removes) }).unwrap_or_default();
    storage.set_item(JOURNAL, &journal).map_err(|error| StorageError::WriteRefused(format!("{error:?}")))?;
    let outcome = write_all(&storage, writes, removes);
    if outcome.is_err() {
        restore(&storage, &before);
    }
    let _ = storage.remove_item(JOURNAL);
    outcome
}

fn write_all(storage: &web_sys::Storage, writes: &[(String, String)], removes: &[String]) -> Result<(), StorageError> {
    for name in removes {
        let _ = storage.remove_item(name);
    }
    for (name, text) in writes {
        storage.set_item(name, text).map_err(|error| StorageError::WriteRefused(format!("{error:?}")))?;
    }
    Ok(())
}

/// Puts keys back as they were. New keys go first, freeing the space the old texts need.
fn restore(storage: &web_sys::Storage, before: &[(String, Option<String>)]) {
    for (name, _) in before.iter().filter(|(_, old)| old.is_none()) {
        let _ = storage.remove_item(name);
    }
    for (name, old) in before {
        if let Some(text) = old {
            let _ = storage.set_item(name, text);
        }
    }
}

/// Finishes a many-key change that a closed tab or a crash interrupted (the journal holds
/// its full texts, so doing it again is harmless). Returns whether there was one.
pub fn finish_interrupted_change() -> bool {
    let Ok(storage) = window_storage() else { return false };
    let Some(journal) = storage.get_item(JOURNAL).ok().flatten() else { return false };
    if let Ok(journal) = serde_json::from_str::<Journal>(&journal) {
        if write_all(&storage, &journal.writes, &journal.removes).is_err() {
            // Still no room: keep the journal and try again next time.
            return true;
        }
    }
    let _ = storage.remove_item(JOURNAL);
    true
}

/// The snapshot: borrowed when written, so the stored texts are not copied again first;
/// owned when read back.
#[derive(serde::Serialize, serde::Deserialize)]
struct Snapshot<'a> {
    taken_at: Cow<'a, str>,
    entries: Cow<'a, [(String, String)]>,
}

/// Keeps a copy of every record before an import changes them (one `setItem`: the copy
/// is whole or absent), replacing the previous import's copy. Fails, changing nothing,
/// when there is no room for it.
pub fn take_snapshot(taken_at: &str) -> Result<(), StorageError> {
    let entries = record_entries();
    let snapshot = serde_json::to_string(&Snapshot { taken_at: Cow::Borrowed(taken_at), entries: Cow::Borrowed(&entries) }).unwrap_or_default();
    write_text(SNAPSHOT, &snapshot)?;
    // Without its small key the copy is still kept: the Dữ liệu screen reads its date.
    let _ = write_text(SNAPSHOT_TAKEN, taken_at);
    Ok(())
}

/// The last snapshot: when it was taken, and its key → text pairs.
pub fn snapshot() -> Option<(String, Vec<(String, String)>)> {
    let text = window_storage().ok()?.get_item(SNAPSHOT).ok().flatten()?;
    let snapshot: Snapshot = serde_json::from_str(&text).ok()?;
    Some((snapshot.taken_at.into_owned(), snapshot.entries.into_owned()))
}

/// When the kept snapshot was taken, read from its small key (no snapshot: `None`).
pub fn snapshot_taken_at() -> Option<String> {
    window_storage().ok()?.get_item(SNAPSHOT_TAKEN).ok().flatten()
}

/// Drops the safety copy (the user's choice, or its time is up).
pub fn drop_snapshot() {
    if let Ok(storage) = window_storage() {
        let _ = storage.remove_item(SNAPSHOT);
        let _ = storage.remove_item(SNAPSHOT_TAKEN);
    }
}

/// The moment until which a snapshot taken at `taken_at` (RFC 3339) is kept.
pub fn snapshot_kept_until(taken_at: &str) -> Option<sotay_domain::model::Timestamp> {
    let taken = chrono::DateTime::parse_from_rfc3339(taken_at).ok()?.to_utc();
    taken.checked_add_signed(chrono::TimeDelta::days(SNAPSHOT_KEEP_DAYS))
}

/// Drops the snapshot once [`SNAPSHOT_KEEP_DAYS`] have passed since it was taken (at
/// start-up: only its small key is read).
pub fn drop_expired_snapshot(now: sotay_domain::model::Timestamp) {
    let expired = snapshot_taken_at().and_then(|taken| snapshot_kept_until(&taken)).is_some_and(|until| now > until);
    if expired {
        drop_snapshot();
    }
}

/// Why the snapshot could not be put back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    /// There is no snapshot (dropped, expired, or never taken).
    NoSnapshot,
    /// A write was refused: everything was put back as it was before the restore.
    WriteRefused(String),
    /// The writes went through, but the stored records are not those of the snapshot.
    NotAsSnapshot,
}

/// Makes the records exactly those of the snapshot (undoing an import), then reads them
/// back: `Ok` only when storage holds exactly the snapshot's records.
pub fn restore_snapshot() -> Result<(), RestoreError> {
    let Some((_, entries)) = snapshot() else { return Err(RestoreError::NoSnapshot) };
    let keep: std::collections::HashSet<&str> = entries.iter().map(|(name, _)| name.as_str()).collect();
    let removes: Vec<String> = record_entries().into_iter().map(|(name, _)| name).filter(|name| !keep.contains(name.as_str())).collect();
    apply_changes(&entries, &removes).map_err(|error| match error {
        StorageError::WriteRefused(reason) | StorageError::Unreadable { reason, .. } => RestoreError::WriteRefused(reason),
    })?;
    let mut stored = record_entries();
    let mut expected = entries;
    stored.sort_unstable();
    expected.sort_unstable();
    if stored != expected {
        return Err(RestoreError::NotAsSnapshot);
    }
    Ok(())
}
