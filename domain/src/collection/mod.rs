//! The đảng ủy's collection: the backup files of many chi bộ, kept one entry per chi bộ
//! (matched by the chi bộ's id, never its name), and what the overview computes from them.
//!
//! - [`collect_file`]: one picked file → validated completely with the backup rules, then
//!   merged into its chi bộ's entry exactly like a phone merges (per record, the latest
//!   event wins; deletion markers too). The same file twice changes nothing.
//! - [`entry`]: how an entry is stored (a small versioned header and the chi bộ's data as
//!   a backup file, so the backup's own migration chain reads it back).
//! - [`overview`]: the year of every chi bộ, and the đảng ủy's view of a month or quarter.
//! - [`preparation`]: each month's meetings and plans, and whether their notices and
//!   documents went out in time.
//!
//! Nothing here writes: the app stores [`CollectOutcome::entry`] (one transaction per
//! file) and only then takes it into memory.

pub mod entry;
pub mod figures;
pub mod overview;
pub mod preparation;

use crate::backup::{
    merge, parse_backup, parse_backup_against, preview, Backup, Dataset, ImportError, ImportLimits,
    Scope,
};
use crate::model::Timestamp;

pub use entry::{fingerprint, read_entry, read_entry_data, read_header, EntryError, EntryHeader, EntrySummary, EntryTexts, ENTRY_FORMAT, ENTRY_VERSION};
pub use figures::{figures_as_of, figures_bytes, read_figures, FiguresKey};
pub use overview::{
    chi_bo_year, overview, Attention, AttentionLine, ChiBoYear, MonthCell, MonthStatus, Overview,
    Period, PeriodDues,
};
pub use preparation::{
    preparation_year, PlanSendings, Preparedness, PreparationLine, PreparationMonth, SendingCheck, HD42_MIN_DAYS_BEFORE,
};

/// A file is flagged as old when its chi bộ's latest file is older than this.
pub const STALE_AFTER_DAYS: i64 = 35;

/// A file the đảng ủy took into its collection.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReceivedFile {
    /// The file's name as picked.
    pub file_name: String,
    /// When the chi bộ's phone wrote it.
    pub exported_at: Timestamp,
    /// When it was taken in here.
    pub received_at: Timestamp,
    /// Everything or one year.
    pub scope: Scope,
}

/// One chi bộ in the collection.
#[derive(Clone, Debug, PartialEq)]
pub struct CollectedChiBo {
    /// The chi bộ's id (the entry's key).
    pub chi_bo_id: String,
    /// Its records, merged from every file taken.
    pub data: Dataset,
    /// The files taken, oldest first.
    pub files: Vec<ReceivedFile>,
}

/// So [`collect_file`] takes the collection as it is held (plain or shared).
impl AsRef<CollectedChiBo> for CollectedChiBo {
    fn as_ref(&self) -> &CollectedChiBo {
        self
    }
}

impl CollectedChiBo {
    /// The chi bộ's name (empty only for a damaged entry, which [`read_entry`] refuses).
    pub fn name(&self) -> &str {
        self.data.chi_bo.as_ref().map_or("", |chi_bo| chi_bo.name.as_str())
    }

    /// When the newest file taken was written by the chi bộ's phone.
    pub fn latest_export(&self) -> Option<Timestamp> {
        latest_export_of(&self.files)
    }

    /// Whole days since the latest file was written, when more than [`STALE_AFTER_DAYS`].
    pub fn stale_days(&self, now: Timestamp) -> Option<i64> {
        stale_days_since(self.latest_export(), now)
    }
}

/// When the newest of `files` was written by the chi bộ's phone.
pub fn latest_export_of(files: &[ReceivedFile]) -> Option<Timestamp> {
    files.iter().map(|file| file.exported_at).max()
}

/// Whole days from `latest` (a chi bộ's latest file) to `now`, when more than
/// [`STALE_AFTER_DAYS`].
pub fn stale_days_since(latest: Option<Timestamp>, now: Timestamp) -> Option<i64> {
    let days = (now - latest?).num_days();
    (days > STALE_AFTER_DAYS).then_some(days)
}

/// What taking one file did.
#[derive(Clone, Debug, PartialEq)]
pub enum CollectResult {
    /// Refused with every problem found; nothing is to be written.
    Refused(Refusal),
    /// A chi bộ not yet in the collection.
    Added,
    /// Merged into its chi bộ's entry.
    Merged {
        /// Records the file added or updated (deletions included).
        changed: usize,
        /// Records edited on both sides; the merge kept the latest.
        conflicts: usize,
    },
    /// Nothing in the file is new (the same file again, or an older one). A later file
    /// with nothing new is still recorded as the chi bộ's latest file.
    Unchanged,
}

/// Why a file was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// The backup rules refused it (every problem listed).
    Invalid(ImportError),
    /// A valid backup of a phone where no chi bộ was set up.
    NoChiBo,
}

/// The outcome of [`collect_file`].
#[derive(Clone, Debug, PartialEq)]
pub struct CollectOutcome {
    /// What happened.
    pub result: CollectResult,
    /// The chi bộ's id and name, for an accepted file.
    pub chi_bo: Option<(String, String)>,
    /// Other chi bộ of the collection with the same name (ids differ: kept apart).
    pub same_name: Vec<String>,
    /// The entry to store (None when refused, or when nothing at all changed).
    pub entry: Option<CollectedChiBo>,
}

/// Takes one file into the collection: validates it completely (a one-year file may name
/// members already collected for its chi bộ), then merges it into its chi bộ's entry.
pub fn collect_file<C: AsRef<CollectedChiBo>>(
    collection: &[C],
    file_name: &str,
    bytes: &[u8],
    received_at: Timestamp,
) -> CollectOutcome {
    let named: Vec<(&str, &str)> = collection.iter().map(|entry| (entry.as_ref().chi_bo_id.as_str(), entry.as_ref().name())).collect();
    collect_file_among(collection, &named, file_name, bytes, received_at)
}

/// [`collect_file`] where only some chi bộ's records are at hand: `collection` holds at least
/// the file's own chi bộ when it is collected ([`chi_bo_id_of_file`] names it before the file
/// is read), and `named` every chi bộ of the collection by id and name, for the same-name
/// warning. An app that opened from the stored headers reads one chi bộ's records, not all.
pub fn collect_file_among<C: AsRef<CollectedChiBo>>(
    collection: &[C],
    named: &[(&str, &str)],
    file_name: &str,
    bytes: &[u8],
    received_at: Timestamp,
) -> CollectOutcome {
    let collection: Vec<&CollectedChiBo> = collection.iter().map(AsRef::as_ref).collect();
    let backup = match read_file(&collection, bytes) {
        Ok(backup) => backup,
        Err(refusal) => return refused(refusal),
    };
    let Some(chi_bo) = backup.data.chi_bo.clone() else {
        return refused(Refusal::NoChiBo);
    };
    let same_name = named
        .iter()
        .filter(|(id, name)| *id != chi_bo.id && same_name(name, &chi_bo.name))
        .map(|(id, _)| (*id).to_owned())
        .collect();
    let received = ReceivedFile {
        file_name: file_name.to_owned(),
        exported_at: backup.exported_at,
        received_at,
        scope: backup.scope,
    };
    let existing = collection.iter().find(|entry| entry.chi_bo_id == chi_bo.id);
    let (result, entry) = match existing {
        None => (
            CollectResult::Added,
            Some(CollectedChiBo { chi_bo_id: chi_bo.id.clone(), data: backup.data, files: vec![received] }),
        ),
        Some(existing) => merged(existing, backup.data, received),
    };
    CollectOutcome { result, chi_bo: Some((chi_bo.id, chi_bo.name)), same_name, entry }
}

fn refused(refusal: Refusal) -> CollectOutcome {
    CollectOutcome { result: CollectResult::Refused(refusal), chi_bo: None, same_name: Vec::new(), entry: None }
}

/// Parses on its own first; a file whose chi bộ is already collected may refer to that
/// chi bộ's members and frameworks (a one-year file names members of earlier years), so a
/// file refused only for such references is read again against that chi bộ. Any other
/// refusal (too large, not JSON, broken records) is final: the file is not parsed again.
fn read_file(collection: &[&CollectedChiBo], bytes: &[u8]) -> Result<Backup, Refusal> {
    let limits = ImportLimits::default();
    match parse_backup(bytes, &limits) {
        Ok(backup) => Ok(backup),
        Err(first) if !matches!(&first, ImportError::Invalid(problems) if problems.only_unknown_references()) => {
            Err(Refusal::Invalid(first))
        }
        Err(first) => {
            let known = chi_bo_id_of_file(bytes)
                .and_then(|id| collection.iter().find(|entry| entry.chi_bo_id == id));
            match known {
                Some(entry) => parse_backup_against(bytes, &limits, &entry.data).map_err(Refusal::Invalid),
                None => Err(Refusal::Invalid(first)),
            }
        }
    }
}

/// The chi bộ id of a file that may be invalid (only to find the entry it belongs to): every
/// other field is skipped by the parser, nothing of it is built.
pub fn chi_bo_id_of_file(bytes: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct File {
        data: Data,
    }
    #[derive(serde::Deserialize)]
    struct Data {
        chi_bo: Option<ChiBoId>,
    }
    #[derive(serde::Deserialize)]
    struct ChiBoId {
        id: String,
    }
    // From a `&str` like every other JSON read: one copy of the parser's code in the wasm.
    let file: File = serde_json::from_str(std::str::from_utf8(bytes).ok()?).ok()?;
    file.data.chi_bo.map(|chi_bo| chi_bo.id)
}

fn merged(existing: &CollectedChiBo, incoming: Dataset, received: ReceivedFile) -> (CollectResult, Option<CollectedChiBo>) {
    let merged = merge(&existing.data, &incoming);
    if merged == existing.data {
        // Nothing new; a later file still counts as the chi bộ's latest (its date is shown).
        let newer = existing.latest_export().is_none_or(|latest| received.exported_at > latest);
        let entry = newer.then(|| with_file(existing, existing.data.clone(), received));
        return (CollectResult::Unchanged, entry);
    }
    let seen = preview(&existing.data, &incoming);
    let kinds = seen.kinds();
    let changed = kinds.iter().map(|kind| kind.added.len() + kind.updated.len() + kind.deleted.len()).sum();
    let conflicts = seen.conflict_count();
    (CollectResult::Merged { changed, conflicts }, Some(with_file(existing, merged, received)))
}

fn with_file(existing: &CollectedChiBo, data: Dataset, received: ReceivedFile) -> CollectedChiBo {
    let mut files = existing.files.clone();
    files.push(received);
    CollectedChiBo { chi_bo_id: existing.chi_bo_id.clone(), data, files }
}

/// Names compared as a person would: case, diacritics and spacing aside.
fn same_name(a: &str, b: &str) -> bool {
    let key = |name: &str| crate::handbook::fold(name).split_whitespace().collect::<Vec<_>>().join(" ");
    key(a) == key(b)
}

