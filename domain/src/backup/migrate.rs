//! Migrations: bringing a backup file, or the stored layout, written by an older app up to
//! the current version, one version at a time.
//!
//! Version 2 (both chains) added deletion markers: a backup's `data.deletions` and the
//! stored keys `sotay.deleted.<kind>.<id>`. A version-1 file or store has none, so the
//! steps only add the empty list (files) and change nothing else (storage: the record
//! keys and texts are the same).
//!
//! Version 3 (both chains) added the year-end review: a backup's `data.reviews` and
//! `data.dossier_templates`, the stored keys `sotay.review.<id>` and
//! `sotay.dossier_template.<id>`, and the marker kinds `review` and `dossier_template`. A
//! version-2 file or store has none of them: the steps add the two empty lists (files)
//! and change nothing else.
//!
//! Version 4 (both chains) added meeting plans and the dues book: a backup's `data.plans`,
//! `data.dues_rules`, `data.dues_profiles` and `data.dues_payments`, the stored keys
//! `sotay.plan.<id>`, `sotay.dues_rules`, `sotay.dues_profile.<member id>` and
//! `sotay.dues_payment.<id>`, the marker kinds `plan`, `dues_rules`, `dues_profile` and
//! `dues_payment`, and a meeting's optional `plan_id`. A version-3 file or store has none
//! of them: the backup step adds the empty plan list, the committee's rule as `null` and
//! the two empty dues lists, the storage step changes nothing. The layout's version went
//! up with the file's although an app of layout 3 ignores the new record keys: it reads
//! every `sotay.deleted.` key, and would report a plan or dues marker (a kind it does not
//! know) as damaged storage, and its "replace" would leave keys it cannot see behind;
//! version 4 makes it refuse the layout whole instead ("phiên bản mới hơn").
//!
//! To add version 5:
//! 1. bump [`super::format::FORMAT_VERSION`] (or [`super::layout::SCHEMA_VERSION`]);
//! 2. append a step `v4_to_v5` to [`BACKUP_STEPS`] (or [`STORAGE_STEPS`]): step *i*
//!    turns version *i + 1* into *i + 2*;
//! 3. keep the old fixture in `tests/fixtures/migrations/` and add one of the new
//!    version: the test loads every fixture there, so each old version stays readable.
//!
//! A storage step gets every stored key with its text and returns the new set; it must
//! work on a layout that a previous, interrupted run already partly migrated (the app
//! writes the changed records first and `sotay.schema_version` last, so an interruption
//! re-runs the step).

use std::collections::BTreeMap;

use serde_json::Value;

use super::format::FORMAT_VERSION;
use super::layout::{SCHEMA_VERSION, SCHEMA_VERSION_KEY};

/// Why data could not be brought to the current version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MigrationError {
    /// Written by a newer app: nothing can be done but updating the app.
    NewerThanApp {
        /// The version found.
        found: u64,
        /// The newest version this app knows.
        supported: u32,
    },
    /// A version number that never existed (0).
    Unknown {
        /// The version found.
        found: u64,
    },
    /// A step failed; `message` is Vietnamese and names the place.
    Step {
        /// The version the step starts from.
        from: u32,
        /// What went wrong.
        message: String,
    },
}

impl std::error::Error for MigrationError {}

/// One step of the backup chain: the whole file, as JSON, from version *n* to *n + 1*.
pub type BackupStep = fn(Value) -> Result<Value, MigrationError>;

/// The stored layout: every key of the app with its text.
pub type StoredEntries = BTreeMap<String, String>;

/// One step of the storage chain.
pub type StorageStep = fn(StoredEntries) -> Result<StoredEntries, MigrationError>;

/// Backup steps; `BACKUP_STEPS[i]` turns version `i + 1` into `i + 2`.
pub const BACKUP_STEPS: &[BackupStep] = &[backup_v1_to_v2, backup_v2_to_v3, backup_v3_to_v4];

/// Stored-layout steps; `STORAGE_STEPS[i]` turns version `i + 1` into `i + 2`.
pub const STORAGE_STEPS: &[StorageStep] = &[storage_v1_to_v2, storage_v2_to_v3, storage_v3_to_v4];

/// Version 1 had no deletion markers: `data.deletions` is added, empty. A `data` that is
/// not an object is left for the reader to report.
fn backup_v1_to_v2(mut file: Value) -> Result<Value, MigrationError> {
    if let Some(Value::Object(data)) = file.get_mut("data") {
        data.entry("deletions")
            .or_insert_with(|| Value::Array(Vec::new()));
    }
    Ok(file)
}

/// Version 2 had no year-end reviews: `data.reviews` and `data.dossier_templates` are
/// added, empty. A `data` that is not an object is left for the reader to report.
fn backup_v2_to_v3(mut file: Value) -> Result<Value, MigrationError> {
    if let Some(Value::Object(data)) = file.get_mut("data") {
        for list in ["reviews", "dossier_templates"] {
            data.entry(list).or_insert_with(|| Value::Array(Vec::new()));
        }
    }
    Ok(file)
}

/// Version 3 had no meeting plans and no dues book: `data.plans` is added, empty (its
/// meetings name no plan), `data.dues_rules` as `null`, `data.dues_profiles` and
/// `data.dues_payments` empty. A `data` that is not an object is left for the reader to
/// report.
fn backup_v3_to_v4(mut file: Value) -> Result<Value, MigrationError> {
    if let Some(Value::Object(data)) = file.get_mut("data") {
        data.entry("dues_rules").or_insert(Value::Null);
        for list in ["plans", "dues_profiles", "dues_payments"] {
            data.entry(list).or_insert_with(|| Value::Array(Vec::new()));
        }
    }
    Ok(file)
}

/// Version 3 stored no plans and no dues records, and its other keys and texts are those
/// of version 4: nothing to rewrite. Re-running it is harmless.
fn storage_v3_to_v4(entries: StoredEntries) -> Result<StoredEntries, MigrationError> {
    Ok(entries)
}

/// Version 2 stored no reviews or templates and its other keys and texts are those of
/// version 3: nothing to rewrite. Re-running it is harmless.
fn storage_v2_to_v3(entries: StoredEntries) -> Result<StoredEntries, MigrationError> {
    Ok(entries)
}

/// Version 1 stored no markers and its record keys and texts are those of version 2:
/// nothing to rewrite (the chain then sets `sotay.schema_version` to 2). Re-running it on
/// a partly migrated store is harmless.
fn storage_v1_to_v2(entries: StoredEntries) -> Result<StoredEntries, MigrationError> {
    Ok(entries)
}

/// A step of either chain.
type Step<T> = fn(T) -> Result<T, MigrationError>;

/// Runs the steps from `version` to `current`, or says why not.
fn chain<T>(
    version: u64,
    current: u32,
    steps: &[Step<T>],
    mut data: T,
) -> Result<T, MigrationError> {
    if version > u64::from(current) {
        return Err(MigrationError::NewerThanApp {
            found: version,
            supported: current,
        });
    }
    if version == 0 {
        return Err(MigrationError::Unknown { found: version });
    }
    // `version` is 1..=current here, so it fits in usize and the range is in `steps` as
    // long as `steps.len() == current - 1` (checked by a test).
    let first = usize::try_from(version - 1).unwrap_or(usize::MAX);
    for step in steps.iter().skip(first) {
        data = step(data)?;
    }
    Ok(data)
}

/// Brings a backup file (parsed JSON) of `version` to [`FORMAT_VERSION`], setting its
/// `format_version`.
pub fn migrate_backup(version: u64, file: Value) -> Result<Value, MigrationError> {
    let mut file = chain(version, FORMAT_VERSION, BACKUP_STEPS, file)?;
    if let Value::Object(object) = &mut file {
        object.insert("format_version".to_owned(), Value::from(FORMAT_VERSION));
    }
    Ok(file)
}

/// Brings the stored layout of `version` to [`SCHEMA_VERSION`], setting
/// `sotay.schema_version`.
pub fn migrate_storage(
    version: u64,
    entries: StoredEntries,
) -> Result<StoredEntries, MigrationError> {
    let mut entries = chain(version, SCHEMA_VERSION, STORAGE_STEPS, entries)?;
    entries.insert(SCHEMA_VERSION_KEY.to_owned(), SCHEMA_VERSION.to_string());
    Ok(entries)
}
