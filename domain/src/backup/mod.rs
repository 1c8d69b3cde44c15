//! Data safety: the backup file format, export, import with complete validation,
//! migrations, preview and merge, and the stored layout with its raw export.
//!
//! - [`dataset`]: [`Dataset`], the unit of export, import and merge.
//! - [`format`]: the backup file ([`Backup`], [`export_all`], [`export_year`],
//!   [`backup_file_name`]); documented in `docs/backup-format.md`.
//! - [`import`]: [`parse_backup`]: size, encoding, JSON, format, version, then every
//!   problem of every record, with Vietnamese messages naming the place.
//! - [`migrate`]: the version chains for backups and for the stored layout.
//! - [`merge`]: [`preview`], [`merge()`], [`replace`].
//! - [`storage`]: the stored layout (keys and texts), reading it with a report per key,
//!   the writes a merge or replace needs, and [`raw_dump`] for damaged storage.
//!
//! Typical import in the app:
//! ```
//! use chrono::DateTime;
//! use sotay_domain::backup::{self, Dataset, ImportLimits};
//!
//! let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
//! let current = Dataset::default(); // what storage holds
//! let file = backup::export_all(&current, now, "0.1.0").to_json(); // bytes the user picked
//! match backup::parse_backup_against(file.as_bytes(), &ImportLimits::default(), &current) {
//!     Err(error) => println!("{error}"), // Vietnamese, every problem listed
//!     Ok(incoming) => {
//!         let preview = backup::preview(&current, &incoming.data);
//!         for line in preview.summary_lines() {
//!             println!("{line}");
//!         }
//!         let merged = backup::merge(&current, &incoming.data);
//!         let changes = backup::storage::changes(&current, &merged);
//!         assert!(changes.is_empty()); // nothing new in this file
//!     }
//! }
//! ```

pub mod dataset;
pub mod first_screen;
pub mod format;
pub mod import;
mod bounds;
pub mod layout;
pub mod merge;
pub mod migrate;
mod read;
pub(crate) mod record;
pub mod storage;

pub use dataset::{
    CommitteeDuesRules, CommitteePack, CustomFramework, CustomTemplate, Dataset, DeletedKind, Deletion,
    RecordKind,
};
pub use first_screen::{read_first_screen, FirstScreen, FirstScreenReader, MeetingHead};
pub use format::{
    backup_file_name, export_all, export_all_json, export_year, indent, slug, Backup, Scope, FORMAT, FORMAT_VERSION,
    RAW_FORMAT,
};
pub use import::{
    clamp_moment, parse_backup, parse_backup_against, FrameworkUse, ImportError, ImportLimits, ImportProblem,
    Issue, PersonRole, Place, ProblemList, MAX_BACKUP_BYTES, MAX_LISTED_PROBLEMS,
};
pub use merge::{
    ahead_of_clock, change_moment, merge, preview, preview_file, replace, revive_undone_deletions,
    AheadOfClock, Conflict,
    ImportPreview, KindPreview, OtherChiBo, RecordRef, Side,
};
pub use migrate::{migrate_backup, migrate_storage, MigrationError};
pub use read::{Expected, FieldIssue};
pub use storage::{layout_upgrade, raw_dump_with, read_storage, read_storage_owned, restore_raw, StorageReader, KeyProblem, LayoutUpgrade, RawDump, RawRestore, StoredData, StoredIssue};
