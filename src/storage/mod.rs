//! The only code that touches browser storage.
//!
//! localStorage, one key per record (`sotay.member.<id>`, `sotay.meeting.<id>`, …): each
//! record is written by a single synchronous `setItem`, so a change is either stored whole or
//! not at all, and it is stored before the tab can close (an autosave of an IndexedDB
//! transaction could still be pending then). Why localStorage over IndexedDB, sizes, and
//! the snapshot scheme for imports are in ARCHITECTURE.md.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

const PREFIX: &str = "sotay.";

/// Every key the app stores, so no other module invents its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    Settings,
    /// The version of the stored record layout (see `SCHEMA_VERSION`).
    SchemaVersion,
    ChiBo,
    Member(String),
    Meeting(String),
    /// A handbook bookmark / note, by the item's stable id.
    Mark(String),
    /// The committee's content pack, as the JSON text that was imported.
    CommitteePack,
    /// When the last backup file was made.
    LastBackup,
}

/// The layout version this build writes. Migrations from every earlier version arrive with
/// the data issue; version 1 is the first stored layout.
pub const SCHEMA_VERSION: u32 = 1;

/// Record kinds stored one key per record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Member,
    Meeting,
    Mark,
}

impl RecordKind {
    fn prefix(self) -> &'static str {
        match self {
            RecordKind::Member => "sotay.member.",
            RecordKind::Meeting => "sotay.meeting.",
            RecordKind::Mark => "sotay.mark.",
        }
    }
}

impl Key {
    fn name(&self) -> String {
        match self {
            Key::Settings => format!("{PREFIX}settings"),
            Key::SchemaVersion => format!("{PREFIX}schema_version"),
            Key::ChiBo => format!("{PREFIX}chibo"),
            Key::Member(id) => format!("{}{id}", RecordKind::Member.prefix()),
            Key::Meeting(id) => format!("{}{id}", RecordKind::Meeting.prefix()),
            Key::Mark(item_id) => format!("{}{item_id}", RecordKind::Mark.prefix()),
            Key::CommitteePack => format!("{PREFIX}committee_pack"),
            Key::LastBackup => format!("{PREFIX}last_backup"),
        }
    }
}

impl Key {
    /// The key behind a stored name, e.g. when another tab reports a change to it.
    pub fn from_name(name: &str) -> Option<Key> {
        let rest = name.strip_prefix(PREFIX)?;
        if let Some(id) = rest.strip_prefix("member.") {
            return Some(Key::Member(id.to_owned()));
        }
        if let Some(id) = rest.strip_prefix("meeting.") {
            return Some(Key::Meeting(id.to_owned()));
        }
        if let Some(id) = rest.strip_prefix("mark.") {
            return Some(Key::Mark(id.to_owned()));
        }
        match rest {
            "settings" => Some(Key::Settings),
            "schema_version" => Some(Key::SchemaVersion),
            "chibo" => Some(Key::ChiBo),
            "committee_pack" => Some(Key::CommitteePack),
            "last_backup" => Some(Key::LastBackup),
            _ => None,
        }
    }
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

/// Every stored record of a kind. Records that cannot be read are reported, never deleted:
/// the user may still recover them from a raw export.
pub fn read_all<T: DeserializeOwned>(kind: RecordKind) -> (Vec<T>, Vec<StorageError>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let Ok(storage) = window_storage() else { return (records, problems) };
    let length = storage.length().unwrap_or(0);
    let names: Vec<String> = (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|name| name.starts_with(kind.prefix()))
        .collect();
    for name in names {
        let Some(text) = storage.get_item(&name).ok().flatten() else { continue };
        match serde_json::from_str::<T>(&text) {
            Ok(record) => records.push(record),
            Err(error) => problems.push(StorageError::Unreadable { key: name, reason: error.to_string() }),
        }
    }
    (records, problems)
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
