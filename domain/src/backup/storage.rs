//! The stored layout (browser localStorage, one key per record) as the domain sees it:
//! the key names, the records as texts, reading them back with a report on every key,
//! the writes and removals that turn one dataset into another, and the raw export of
//! damaged storage.
//!
//! The app's `storage` module does the actual `getItem`/`setItem`; it hands this module
//! the key → text pairs and writes what it gets back. Layout version 4 (version 1 had no
//! `sotay.deleted.` keys, version 2 no `sotay.review.` and `sotay.dossier_template.` keys,
//! version 3 no `sotay.plan.` and `sotay.dues_` keys; otherwise the same):
//!
//! | key | text |
//! |---|---|
//! | `sotay.schema_version` | `4` |
//! | `sotay.settings` | the app's settings (not part of backups) |
//! | `sotay.chibo` | the [`ChiBo`](crate::model::ChiBo) as JSON |
//! | `sotay.member.<id>` | a [`Member`](crate::model::Member) |
//! | `sotay.meeting.<id>` | a [`Meeting`](crate::model::Meeting) |
//! | `sotay.plan.<id>` | a [`MeetingPlan`](crate::preparation::MeetingPlan) |
//! | `sotay.review.<id>` | a [`YearReview`](crate::review::YearReview) (`<id>` is `review-<year>`) |
//! | `sotay.mark.<item_id>` | a [`HandbookMark`](crate::model::HandbookMark) |
//! | `sotay.framework.<id>` | `{"updated_at": …, "framework": {…}}` ([`CustomFramework`]) |
//! | `sotay.dossier_template.<id>` | `{"updated_at": …, "template": {…}}` ([`CustomTemplate`]) |
//! | `sotay.committee_pack` | `{"updated_at": …, "pack": {…}}` ([`CommitteePack`]) |
//! | `sotay.dues_rules` | `{"updated_at": …, "rules": {…}}` ([`CommitteeDuesRules`]) |
//! | `sotay.dues_profile.<member id>` | a [`DuesProfile`](crate::dues::DuesProfile) (its id is the member's) |
//! | `sotay.dues_payment.<id>` | a [`DuesPayment`](crate::dues::DuesPayment) |
//! | `sotay.deleted.<kind>.<id>` | a [`Deletion`] marker, `{"kind", "id", "deleted_at"}` (`<kind>` as in JSON: `meeting`, `dues_payment`…; the single slots' keys are `sotay.deleted.committee_pack` and `sotay.deleted.dues_rules`) |
//!
//! Records are compact JSON (`serde_json::to_string`, what `gloo-storage` writes), in the
//! same shape as in a backup file.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::dataset::{CommitteeDuesRules, CommitteePack, CustomFramework, CustomTemplate, Dataset};
use super::format::{indent, RAW_FORMAT};
use super::format::Backup;
use super::import::{parse_backup_against, parse_json_object, ImportError, ImportLimits};
use super::migrate::{migrate_storage, MigrationError, StoredEntries};
use super::read::{self, FieldIssue, PackIssue, RuleSetIssue};
use crate::dues::DuesRuleProblem;
use crate::framework::FrameworkError;
use crate::handbook::{PackError, SyntaxProblem};
use crate::model::Timestamp;
use crate::review::TemplateError;

pub use super::layout::*;

fn json<T: Serialize>(value: &T) -> String {
    // Plain structs with string keys: serialising cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

/// Every stored key of a dataset with its text, `sotay.schema_version` included
/// (settings are not part of a dataset and are not listed).
pub fn entries(data: &Dataset) -> StoredEntries {
    let mut entries = StoredEntries::new();
    entries.insert(SCHEMA_VERSION_KEY.to_owned(), SCHEMA_VERSION.to_string());
    if let Some(chi_bo) = &data.chi_bo {
        entries.insert(CHI_BO_KEY.to_owned(), json(chi_bo));
    }
    for member in &data.members {
        entries.insert(format!("{MEMBER_PREFIX}{}", member.id), json(member));
    }
    for meeting in &data.meetings {
        entries.insert(format!("{MEETING_PREFIX}{}", meeting.id), json(meeting));
    }
    for plan in &data.plans {
        entries.insert(format!("{PLAN_PREFIX}{}", plan.id), json(plan));
    }
    for review in &data.reviews {
        entries.insert(format!("{REVIEW_PREFIX}{}", review.id), json(review));
    }
    for custom in &data.templates {
        entries.insert(
            format!("{TEMPLATE_PREFIX}{}", custom.template.id),
            json(custom),
        );
    }
    for mark in &data.marks {
        entries.insert(format!("{MARK_PREFIX}{}", mark.item_id), json(mark));
    }
    for custom in &data.frameworks {
        entries.insert(
            format!("{FRAMEWORK_PREFIX}{}", custom.framework.id),
            json(custom),
        );
    }
    if let Some(pack) = &data.committee_pack {
        entries.insert(COMMITTEE_PACK_KEY.to_owned(), json(pack));
    }
    dues_entries(data, &mut entries);
    for marker in &data.deletions {
        entries.insert(deletion_key(marker), json(marker));
    }
    entries
}

/// The dues records' keys: one per record, so each change is one `setItem`.
fn dues_entries(data: &Dataset, entries: &mut StoredEntries) {
    if let Some(rules) = &data.dues_rules {
        entries.insert(DUES_RULES_KEY.to_owned(), json(rules));
    }
    for profile in &data.dues_profiles {
        entries.insert(format!("{DUES_PROFILE_PREFIX}{}", profile.id), json(profile));
    }
    for payment in &data.dues_payments {
        entries.insert(format!("{DUES_PAYMENT_PREFIX}{}", payment.id), json(payment));
    }
}

/// The writes and removals that turn the stored `before` into `after`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StorageChanges {
    /// Keys to write, with their new text (records first, in key order).
    pub writes: Vec<(String, String)>,
    /// Keys to remove (records `after` no longer has: only a replace removes any).
    pub removes: Vec<String>,
}

impl StorageChanges {
    /// Nothing to do.
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty() && self.removes.is_empty()
    }
}

/// What to write and remove so that storage holding `before` holds `after`: after a
/// merge or a replace, the app applies these (and only these) keys, in key order.
/// (Both datasets are serialised and compared as texts: simple, and about 10 ms natively
/// for ten years of data, once per import.)
pub fn changes(before: &Dataset, after: &Dataset) -> StorageChanges {
    let old = entries(before);
    let new = entries(after);
    let writes = new
        .iter()
        .filter(|(key, text)| old.get(*key) != Some(*text))
        .map(|(key, text)| (key.clone(), text.clone()))
        .collect();
    let removes = old
        .keys()
        .filter(|key| !new.contains_key(*key))
        .cloned()
        .collect();
    StorageChanges { writes, removes }
}

/// What reading one key found.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyReport {
    /// The key.
    pub key: String,
    /// What it holds.
    pub kind: KeyKind,
    /// Why it could not be read (worded by `text::backup::key_problem`), or `None` when it
    /// was read.
    pub problem: Option<KeyProblem>,
}

/// Why a stored key could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyProblem {
    /// The layout version is not a number (as stored).
    SchemaVersion(String),
    /// Not JSON.
    NotJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The record's problems, in the order found.
    Record(Vec<StoredIssue>),
    /// The id in the record is not the one in its key.
    IdMismatch {
        /// The id in the record.
        found: String,
        /// The id in the key.
        key_id: String,
    },
    /// The whole stored layout could not be read (a newer app's, a failed migration).
    Layout(MigrationError),
}

/// One problem of a stored record.
#[derive(Clone, Debug, PartialEq)]
pub enum StoredIssue {
    /// A field missing or wrong.
    Field(FieldIssue),
    /// A stored framework's own problem.
    Framework(FrameworkError),
    /// A stored template's own problem.
    Template(TemplateError),
    /// A stored pack that does not have the pack's shape.
    PackShape {
        /// What is wrong.
        problem: SyntaxProblem,
        /// The parser's description.
        detail: String,
    },
    /// A stored pack's own problem.
    Pack(PackError),
    /// A stored dues rule's own problem.
    DuesRules(DuesRuleProblem),
}

/// The stored data as read at start-up: the readable records, and a report on every key.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredData {
    /// The layout version found (1 when the key is missing or unreadable).
    pub schema_version: u64,
    /// The records that could be read.
    pub dataset: Dataset,
    /// Every `sotay.` key, in key order, with its problem if any.
    pub keys: Vec<KeyReport>,
}

impl StoredData {
    /// True when every key was read.
    pub fn is_healthy(&self) -> bool {
        self.keys.iter().all(|report| report.problem.is_none())
    }

    /// The keys that could not be read.
    pub fn unreadable(&self) -> impl Iterator<Item = &KeyReport> {
        self.keys.iter().filter(|report| report.problem.is_some())
    }
}

/// The app's keys (`sotay.`), in key order; a later duplicate wins, as in browser storage.
fn our_entries(entries: &[(String, String)]) -> StoredEntries {
    let mut ours = StoredEntries::new();
    for (key, text) in entries {
        if key.starts_with(PREFIX) {
            ours.insert(key.clone(), text.clone());
        }
    }
    ours
}

/// The stored layout version in `entries`: `Ok(1)` when the key is absent (version 1 is
/// the first layout), `Err` with the text when it is not a whole number.
pub(super) fn stored_version(entries: &[(String, String)]) -> Result<u64, String> {
    match entries.iter().find(|(key, _)| key == SCHEMA_VERSION_KEY) {
        None => Ok(1),
        Some((_, text)) => match serde_json::from_str::<u64>(text.trim()) {
            Ok(version) => Ok(version),
            Err(_) => Err(text.clone()),
        },
    }
}

/// Reads the app's stored keys into a dataset. Keys outside `sotay.` are ignored (the
/// origin may be shared with other apps). A record that cannot be read is left out of the
/// dataset and reported, never dropped from storage: the app keeps it and offers the raw
/// export. Fails only when the layout is newer than this app (then nothing may be
/// written) or a migration step fails.
pub fn read_storage(entries: &[(String, String)]) -> Result<StoredData, MigrationError> {
    read_ours(our_entries(entries), stored_version(entries))
}

/// [`read_storage`] taking the entries: their texts move into the reading instead of being
/// copied, so ten years' texts are held once, not twice, while the records are read.
pub fn read_storage_owned(entries: Vec<(String, String)>) -> Result<StoredData, MigrationError> {
    let mut reader = StorageReader::new(entries)?;
    while reader.read_next() {}
    Ok(reader.finish())
}

fn read_ours(ours: StoredEntries, stored_version: Result<u64, String>) -> Result<StoredData, MigrationError> {
    let mut reader = StorageReader::of_ours(ours, stored_version)?;
    while reader.read_next() {}
    Ok(reader.finish())
}

/// [`read_storage_owned`] one key at a time, so that a caller on a phone's only thread can
/// stop between keys (ten years are some two hundred records, a few milliseconds each on a
/// slow phone) and let the browser answer a tap: `new`, then `read_next` until it says
/// there is nothing left, then `finish`. The result is the same as the one-call read.
pub struct StorageReader {
    version: u64,
    version_problem: Option<KeyProblem>,
    /// The migrated entries not read yet, by value: each text is freed once its record is read.
    remaining: std::collections::btree_map::IntoIter<String, String>,
    dataset: Dataset,
    keys: Vec<KeyReport>,
}

impl StorageReader {
    /// Takes the entries and migrates an older layout (in one step: only an older phone's
    /// first start has anything to migrate). Fails as [`read_storage`] does.
    pub fn new(entries: Vec<(String, String)>) -> Result<StorageReader, MigrationError> {
        let version = stored_version(&entries);
        let ours = entries.into_iter().filter(|(key, _)| key.starts_with(PREFIX)).collect();
        StorageReader::of_ours(ours, version)
    }

    fn of_ours(ours: StoredEntries, stored_version: Result<u64, String>) -> Result<StorageReader, MigrationError> {
        let (version, version_problem) = match stored_version {
            Ok(version) => (version, None),
            Err(found) => (u64::from(SCHEMA_VERSION), Some(KeyProblem::SchemaVersion(found))),
        };
        let migrated = migrate_storage(version, ours)?;
        Ok(StorageReader {
            version,
            version_problem,
            keys: Vec::with_capacity(migrated.len()),
            remaining: migrated.into_iter(),
            dataset: Dataset::default(),
        })
    }

    /// Reads the next key; false when every key has been read.
    pub fn read_next(&mut self) -> bool {
        let Some((key, value)) = self.remaining.next() else { return false };
        let (kind, id) = key_kind(&key);
        let problem = if kind == KeyKind::SchemaVersion {
            self.version_problem.clone()
        } else {
            read_key(kind, id, &value, &mut self.dataset).err()
        };
        self.keys.push(KeyReport { key, kind, problem });
        true
    }

    /// The keys not read yet.
    pub fn remaining(&self) -> usize {
        self.remaining.len()
    }

    /// What was read (every key, once `read_next` has said there is nothing left).
    pub fn finish(self) -> StoredData {
        StoredData { schema_version: self.version, dataset: self.dataset, keys: self.keys }
    }
}

/// What an older stored layout needs to become this app's, in the order to write it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LayoutUpgrade {
    /// Keys a migration step dropped.
    pub removes: Vec<String>,
    /// Every record a step changed or added, then `sotay.schema_version` last: an interrupted
    /// upgrade leaves the old version, so the steps (which accept a partly migrated layout)
    /// run again at the next start.
    pub writes: Vec<(String, String)>,
}

/// The writes that bring an older stored layout up to this app's, so that the next start
/// finds the current layout (and the first screen's quick read can answer). `None` when
/// there is nothing to do or nothing to decide here: the layout is current, newer (the
/// full reader refuses it), its version unreadable (the full reader reports it), or the
/// phone holds no record yet (settings alone are no layout to upgrade).
pub fn layout_upgrade(entries: &[(String, String)]) -> Option<LayoutUpgrade> {
    let version = stored_version(entries).ok()?;
    if version >= u64::from(SCHEMA_VERSION) {
        return None;
    }
    let ours = our_entries(entries);
    let holds_records = ours.keys().any(|key| !matches!(key_kind(key).0, KeyKind::Settings | KeyKind::Unknown));
    if !holds_records {
        return None;
    }
    let migrated = migrate_storage(version, ours.clone()).ok()?;
    let removes = ours.keys().filter(|key| !migrated.contains_key(*key)).cloned().collect();
    let mut writes: Vec<(String, String)> = migrated
        .iter()
        .filter(|(key, text)| key.as_str() != SCHEMA_VERSION_KEY && ours.get(*key) != Some(*text))
        .map(|(key, text)| (key.clone(), text.clone()))
        .collect();
    writes.push((SCHEMA_VERSION_KEY.to_owned(), SCHEMA_VERSION.to_string()));
    Some(LayoutUpgrade { removes, writes })
}

/// A stored text as JSON, or why it is not.
fn json_value(text: &str) -> Result<Value, KeyProblem> {
    serde_json::from_str(text).map_err(|error| KeyProblem::NotJson { line: error.line(), column: error.column() })
}

/// A stored record: read directly (the usual case, as fast as the app's own reads), or,
/// when that fails, taken apart to say which fields are wrong.
fn typed<T: serde::de::DeserializeOwned>(
    text: &str,
    read: fn(&Value) -> Result<T, Vec<FieldIssue>>,
) -> Result<T, KeyProblem> {
    if let Ok(record) = serde_json::from_str::<T>(text) {
        return Ok(record);
    }
    read(&json_value(text)?).map_err(|issues| KeyProblem::Record(issues.into_iter().map(StoredIssue::Field).collect()))
}

/// The problems of a stored framework or template record.
fn rule_set_problem<E>(issues: Vec<RuleSetIssue<E>>, invalid: fn(E) -> StoredIssue) -> KeyProblem {
    KeyProblem::Record(
        issues
            .into_iter()
            .map(|issue| match issue {
                RuleSetIssue::Field(field) => StoredIssue::Field(field),
                RuleSetIssue::Invalid(error) => invalid(error),
            })
            .collect(),
    )
}

/// Reads one key into `dataset`, or says why it cannot be read.
fn read_key(kind: KeyKind, id: &str, text: &str, dataset: &mut Dataset) -> Result<(), KeyProblem> {
    // A key of a later version (or a draft the app keeps as plain text) is not ours to judge.
    if kind == KeyKind::Unknown {
        return Ok(());
    }
    let same_id = |found: &str| {
        if found == id {
            Ok(())
        } else {
            Err(KeyProblem::IdMismatch { found: found.to_owned(), key_id: id.to_owned() })
        }
    };
    match kind {
        KeyKind::SchemaVersion | KeyKind::Settings | KeyKind::Unknown => json_value(text).map(drop),
        KeyKind::ChiBo => {
            dataset.chi_bo = Some(typed(text, read::chi_bo)?);
            Ok(())
        }
        KeyKind::Member => {
            let member = typed(text, read::member)?;
            same_id(&member.id)?;
            dataset.members.push(member);
            Ok(())
        }
        KeyKind::Meeting => {
            let meeting = typed(text, read::meeting)?;
            same_id(&meeting.id)?;
            dataset.meetings.push(meeting);
            Ok(())
        }
        KeyKind::Plan => {
            let plan = typed(text, read::plan)?;
            same_id(&plan.id)?;
            dataset.plans.push(plan);
            Ok(())
        }
        KeyKind::Review => {
            let review = typed(text, read::review)?;
            same_id(&review.id)?;
            dataset.reviews.push(review);
            Ok(())
        }
        KeyKind::DossierTemplate => {
            let custom: CustomTemplate =
                read::custom_template(&json_value(text)?).map_err(|issues| rule_set_problem(issues, StoredIssue::Template))?;
            same_id(&custom.template.id)?;
            dataset.templates.push(custom);
            Ok(())
        }
        KeyKind::Mark => {
            let mark = typed(text, read::mark)?;
            same_id(&mark.item_id)?;
            dataset.marks.push(mark);
            Ok(())
        }
        KeyKind::Framework => {
            let custom: CustomFramework =
                read::custom_framework(&json_value(text)?).map_err(|issues| rule_set_problem(issues, StoredIssue::Framework))?;
            same_id(&custom.framework.id)?;
            dataset.frameworks.push(custom);
            Ok(())
        }
        KeyKind::DuesRules => {
            let rules: CommitteeDuesRules = read::committee_dues_rules(&json_value(text)?)
                .map_err(|issues| rule_set_problem(issues, StoredIssue::DuesRules))?;
            dataset.dues_rules = Some(rules);
            Ok(())
        }
        KeyKind::DuesProfile => {
            let profile = typed(text, read::dues_profile)?;
            same_id(&profile.id)?;
            dataset.dues_profiles.push(profile);
            Ok(())
        }
        KeyKind::DuesPayment => {
            let payment = typed(text, read::dues_payment)?;
            same_id(&payment.id)?;
            dataset.dues_payments.push(payment);
            Ok(())
        }
        KeyKind::CommitteePack => {
            let pack: CommitteePack =
                read::committee_pack(&json_value(text)?).map_err(|issues| {
                    KeyProblem::Record(
                        issues
                            .into_iter()
                            .map(|issue| match issue {
                                PackIssue::Field(field) => StoredIssue::Field(field),
                                PackIssue::Shape { problem, detail } => StoredIssue::PackShape { problem, detail },
                                PackIssue::Invalid(error) => StoredIssue::Pack(error),
                            })
                            .collect(),
                    )
                })?;
            dataset.committee_pack = Some(pack);
            Ok(())
        }
        KeyKind::Deletion => {
            let marker = typed(text, read::deletion)?;
            let key = deletion_key(&marker);
            if key.strip_prefix(DELETED_PREFIX) != Some(id) {
                return Err(KeyProblem::IdMismatch {
                    found: key.strip_prefix(DELETED_PREFIX).unwrap_or_default().to_owned(),
                    key_id: id.to_owned(),
                });
            }
            dataset.deletions.push(marker);
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------------------
// Raw export of damaged storage
// ---------------------------------------------------------------------------------------

/// One key of a raw export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawEntry {
    /// The storage key.
    pub key: String,
    /// True when this app could read it.
    pub readable: bool,
    /// Why not (Vietnamese), when not readable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// The stored text exactly as it was.
    pub text: String,
}

/// A raw export: every `sotay.` key with its exact text, whether readable or not.
#[derive(Clone, Debug, PartialEq)]
pub struct RawDump {
    /// The file's text (pretty JSON, format [`RAW_FORMAT`], documented in
    /// `docs/backup-format.md`).
    pub json: String,
    /// What the start-up recovery screen lists: every key with its problem if any.
    pub keys: Vec<KeyReport>,
}

impl RawDump {
    /// Number of keys that could be read.
    pub fn readable_count(&self) -> usize {
        self.keys
            .iter()
            .filter(|report| report.problem.is_none())
            .count()
    }

    /// Number of keys that could not be read.
    pub fn unreadable_count(&self) -> usize {
        self.keys.len() - self.readable_count()
    }

}

#[derive(Serialize, Deserialize)]
struct RawFile {
    format: String,
    format_version: u32,
    app_version: String,
    exported_at: Timestamp,
    entries: Vec<RawEntry>,
}

/// The raw export of the app's storage, for the start-up recovery screen: every key that
/// starts with `sotay.` with its exact text, so nothing is lost even when a record cannot
/// be read, and the classification of each key with its reason, worded by `describe`
/// (`text::backup::raw_dump` passes the Vietnamese words). Works on any input (a layout
/// from a newer app is classified as unreadable, with that reason).
pub fn raw_dump_with(
    entries: &[(String, String)],
    now: Timestamp,
    app_version: &str,
    describe: &dyn Fn(&KeyProblem) -> String,
) -> RawDump {
    let ours = our_entries(entries);
    let keys: Vec<KeyReport> = match read_storage(entries) {
        // No migration renames keys (1 → 2 only adds markers): the keys read are the keys
        // stored (both lists are in key order). Once a migration renames keys, a key it
        // dropped shows as read.
        Ok(stored) => ours
            .keys()
            .map(|key| KeyReport {
                key: key.clone(),
                kind: key_kind(key).0,
                problem: stored
                    .keys
                    .binary_search_by(|report| report.key.as_str().cmp(key))
                    .ok()
                    .and_then(|at| stored.keys.get(at))
                    .and_then(|report| report.problem.clone()),
            })
            .collect(),
        Err(error) => ours
            .keys()
            .map(|key| KeyReport {
                key: key.clone(),
                kind: key_kind(key).0,
                problem: Some(KeyProblem::Layout(error.clone())),
            })
            .collect(),
    };
    let file = RawFile {
        format: RAW_FORMAT.to_owned(),
        format_version: 1,
        app_version: app_version.to_owned(),
        exported_at: now,
        entries: keys
            .iter()
            .map(|report| RawEntry {
                key: report.key.clone(),
                readable: report.problem.is_none(),
                problem: report.problem.as_ref().map(describe),
                text: ours.get(&report.key).cloned().unwrap_or_default(),
            })
            .collect(),
    };
    RawDump {
        json: indent(&serde_json::to_string(&file).unwrap_or_default()),
        keys,
    }
}

/// Reads a raw export back into key → text pairs (every entry, readable or not), e.g. to
/// recover its readable records with [`read_storage`].
pub fn parse_raw_dump(
    bytes: &[u8],
    limits: &ImportLimits,
) -> Result<Vec<(String, String)>, ImportError> {
    let root = parse_json_object(bytes, limits)?;
    match root.get("format") {
        Some(Value::String(format)) if format == RAW_FORMAT => {}
        Some(other) => {
            return Err(ImportError::WrongFormat {
                found: read::shorten(other),
            })
        }
        None => return Err(ImportError::NotABackup),
    }
    let file = read::from_value::<RawFile>(&Value::Object(root)).map_err(|error| {
        ImportError::Invalid(super::import::ProblemList::new(vec![super::import::ImportProblem {
            place: super::import::Place::File,
            issue: super::import::Issue::Field(FieldIssue::Unreadable {
                detail: error.to_string(),
            }),
        }]))
    })?;
    if u64::from(file.format_version) > 1 {
        return Err(ImportError::NewerFormatVersion {
            found: u64::from(file.format_version),
            supported: 1,
        });
    }
    Ok(file
        .entries
        .into_iter()
        .map(|entry| (entry.key, entry.text))
        .collect())
}

/// A raw export read back for restoring: its readable records as a validated backup (the
/// same checks as any backup file, so it goes through the usual preview and merge), and
/// the keys that could not be read, listed and never written.
#[derive(Clone, Debug, PartialEq)]
pub struct RawRestore {
    /// The readable records, validated like a backup file (scope: everything).
    pub backup: Backup,
    /// Every key of the dump that could not be read, with why.
    pub skipped: Vec<KeyReport>,
}


/// Reads a raw export (the damaged-storage dump) for restoring on a phone holding
/// `current`: its keys are read as stored data would be (with migrations), the readable
/// records are written into a backup and that backup is read back with
/// [`parse_backup_against`], so a raw file is validated, previewed and merged exactly as a
/// backup is. A key that cannot be read is skipped and listed.
pub fn restore_raw(
    bytes: &[u8],
    limits: &ImportLimits,
    current: &Dataset,
) -> Result<RawRestore, ImportError> {
    let entries = parse_raw_dump(bytes, limits)?;
    let exported_at = parse_json_object(bytes, limits)
        .ok()
        .and_then(|root| root.get("exported_at").and_then(|at| read::from_value::<Timestamp>(at).ok()))
        .filter(|at| super::import::moment_in_range(*at));
    let stored = read_storage(&entries).map_err(|error| match error {
        MigrationError::NewerThanApp { found, supported } => {
            ImportError::NewerFormatVersion { found, supported }
        }
        other => ImportError::Migration(other),
    })?;
    let skipped: Vec<KeyReport> = stored.unreadable().cloned().collect();
    let at = exported_at.unwrap_or_else(|| latest_moment(&stored.dataset));
    let json = super::format::export_all(&stored.dataset, at, "raw").to_json();
    let backup = parse_backup_against(json.as_bytes(), &ImportLimits { max_bytes: usize::MAX }, current)?;
    Ok(RawRestore { backup, skipped })
}

/// The latest record moment of a dataset (the date a dump without a readable
/// `exported_at` is shown with), or 1930-01-01 for an empty one.
fn latest_moment(data: &Dataset) -> Timestamp {
    let first = super::import::date_range().0.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    data.members
        .iter()
        .map(|r| r.updated_at)
        .chain(data.meetings.iter().map(|r| r.updated_at))
        .chain(data.chi_bo.iter().map(|r| r.updated_at))
        .fold(first, Timestamp::max)
}
