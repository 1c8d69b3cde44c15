//! Three simulated phones of one chi bộ that edit, delete and undo records, export whole
//! or one-year files and exchange them in random order and direction (merge, or replace
//! then undo), with clocks hours apart. Shared by the property test
//! (`tests/backup_convergence.rs`) and the long run (`examples/convergence.rs`).
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate};
use sotay_domain::backup::{
    change_moment, clamp_moment, export_all, export_year, merge, parse_backup, parse_backup_against,
    replace, Dataset, DeletedKind, ImportLimits,
};
use sotay_domain::dues::{DuesPayment, DuesProfile, PaymentWay, YearMonth};
use sotay_domain::model::HandbookMark;
use sotay_domain::{Meeting, MeetingKind, Member, Timestamp};

#[path = "../../examples/support/random.rs"]
mod random;
pub use random::Random;

/// Ids per kind: few, so that phones keep touching the same records.
const IDS: u64 = 4;
/// 2026-01-01T00:00:00Z, in milliseconds.
const START_MS: i64 = 1_767_225_600_000;
const HOUR_MS: i64 = 3_600_000;
/// Meetings are dated in these years (two, so one-year files hold part of the data).
const YEARS: [i32; 2] = [2025, 2026];

/// One record of the five kinds the simulation touches.
#[derive(Clone, Debug, PartialEq)]
enum Record {
    Member(Member),
    Meeting(Meeting),
    Mark(HandbookMark),
    DuesProfile(DuesProfile),
    DuesPayment(DuesPayment),
}

/// The kinds the simulation edits and deletes.
const KINDS: [DeletedKind; 5] = [
    DeletedKind::Member,
    DeletedKind::Meeting,
    DeletedKind::Mark,
    DeletedKind::DuesProfile,
    DeletedKind::DuesPayment,
];

fn kind_of(pick: u64) -> DeletedKind {
    KINDS[(pick % KINDS.len() as u64) as usize]
}

/// Record `n` of `kind`: a dues profile's id is its member's (`member-n`).
fn id_of(kind: DeletedKind, n: u64) -> String {
    match kind {
        DeletedKind::DuesProfile => id_of(DeletedKind::Member, n),
        kind => format!("{}-{n}", kind.name()),
    }
}

fn record_of(record: &Record) -> (DeletedKind, String, Timestamp) {
    match record {
        Record::Member(m) => (DeletedKind::Member, m.id.clone(), m.updated_at),
        Record::Meeting(m) => (DeletedKind::Meeting, m.id.clone(), m.updated_at),
        Record::Mark(m) => (DeletedKind::Mark, m.item_id.clone(), m.updated_at),
        Record::DuesProfile(p) => (DeletedKind::DuesProfile, p.id.clone(), p.updated_at),
        Record::DuesPayment(p) => (DeletedKind::DuesPayment, p.id.clone(), p.updated_at),
    }
}

fn moment(ms: i64) -> Timestamp {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// The record `id` of `kind` in `data`, if held.
fn held(data: &Dataset, kind: DeletedKind, id: &str) -> Option<Record> {
    match kind {
        DeletedKind::Member => data.member(id).cloned().map(Record::Member),
        DeletedKind::Meeting => data
            .meetings
            .iter()
            .find(|m| m.id == id)
            .cloned()
            .map(Record::Meeting),
        DeletedKind::Mark => data
            .marks
            .iter()
            .find(|m| m.item_id == id)
            .cloned()
            .map(Record::Mark),
        DeletedKind::DuesProfile => data.dues_profile(id).cloned().map(Record::DuesProfile),
        DeletedKind::DuesPayment => data
            .dues_payments
            .iter()
            .find(|p| p.id == id)
            .cloned()
            .map(Record::DuesPayment),
        _ => None,
    }
}

fn remove(data: &mut Dataset, kind: DeletedKind, id: &str) {
    match kind {
        DeletedKind::Member => data.members.retain(|m| m.id != id),
        DeletedKind::Meeting => data.meetings.retain(|m| m.id != id),
        DeletedKind::Mark => data.marks.retain(|m| m.item_id != id),
        DeletedKind::DuesProfile => data.dues_profiles.retain(|p| p.id != id),
        DeletedKind::DuesPayment => data.dues_payments.retain(|p| p.id != id),
        _ => {}
    }
}

fn put(data: &mut Dataset, record: Record) {
    let (kind, id, _) = record_of(&record);
    remove(data, kind, &id);
    data.forget_deletion(kind, &id);
    match record {
        Record::Member(member) => data.members.push(member),
        Record::Meeting(meeting) => data.meetings.push(meeting),
        Record::Mark(mark) => data.marks.push(mark),
        Record::DuesProfile(profile) => data.dues_profiles.push(profile),
        Record::DuesPayment(payment) => data.dues_payments.push(payment),
    }
}

fn stamped(record: Record, at: Timestamp) -> Record {
    match record {
        Record::Member(m) => Record::Member(Member { updated_at: at, ..m }),
        Record::Meeting(m) => Record::Meeting(Meeting { updated_at: at, ..m }),
        Record::Mark(m) => Record::Mark(HandbookMark { updated_at: at, ..m }),
        Record::DuesProfile(p) => Record::DuesProfile(DuesProfile { updated_at: at, ..p }),
        Record::DuesPayment(p) => Record::DuesPayment(DuesPayment { updated_at: at, ..p }),
    }
}

/// A new version of record `n` of `kind` with content drawn from `word`.
fn edited(kind: DeletedKind, n: u64, word: u64, at: Timestamp) -> Record {
    let id = id_of(kind, n);
    match kind {
        DeletedKind::Member => Record::Member(Member::new(id, format!("Đảng viên {word}"), at)),
        DeletedKind::Meeting => {
            let year = YEARS[(n % 2) as usize];
            let date = NaiveDate::from_ymd_opt(year, 1 + (n % 12) as u32, 3).unwrap_or_default();
            let mut meeting =
                Meeting::new_draft(id, date, MeetingKind::ThuongKy, "hd42-anphu-2025", at);
            meeting.notes = format!("Biên bản {word}");
            Record::Meeting(meeting)
        }
        DeletedKind::DuesProfile => {
            let category = ["huu_tri", "bhxh_bat_buoc"][(word % 2) as usize];
            Record::DuesProfile(DuesProfile::new(id, category, 10_000 * (word + 1), at))
        }
        DeletedKind::DuesPayment => {
            let year = YEARS[(n % 2) as usize];
            // Its member is set by the phone that records it (see `World::edit`).
            Record::DuesPayment(DuesPayment {
                id,
                member_id: String::new(),
                month: YearMonth::new(year, 1 + (n % 12) as u32).unwrap_or_else(|| unreachable!()),
                months_covered: 1 + (word % 3) as u32,
                amount_dong: 30_000 * (word + 1),
                way: if word % 2 == 0 { PaymentWay::Cash } else { PaymentWay::Portal },
                paid_on: None,
                note: format!("Phiếu thu {word}"),
                recorded_at: at,
                updated_at: at,
            })
        }
        _ => Record::Mark(HandbookMark {
            item_id: id,
            bookmarked: word % 2 == 0,
            note: format!("Ghi chú {word}"),
            updated_at: at,
        }),
    }
}

/// The latest event of a record on a phone: its edit or its deletion moment.
fn latest(data: &Dataset, kind: DeletedKind, id: &str) -> Option<Timestamp> {
    let edit = held(data, kind, id).map(|record| record_of(&record).2);
    edit.or_else(|| data.deletion(kind, id).map(|marker| marker.deleted_at))
}

struct Phone {
    data: Dataset,
    /// Clock error, milliseconds (negative: behind).
    skew_ms: i64,
    /// The record this phone deleted last, for "Hoàn tác".
    last_deleted: Option<Record>,
    /// The last file it exported.
    latest_file: Option<String>,
}

/// What one case did, for the report of the long run.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub edits: u64,
    pub deletions: u64,
    pub undos: u64,
    pub exports: u64,
    pub merges: u64,
    pub replaces: u64,
}

/// One edit (with the record as written) or deletion (`None`), on any phone.
struct Logged {
    kind: DeletedKind,
    id: String,
    at: Timestamp,
    record: Option<Record>,
}

pub struct World {
    phones: Vec<Phone>,
    /// Every event of every phone, to know each record's latest event.
    log: Vec<Logged>,
    now_ms: i64,
    random: Random,
    pub counts: Counts,
}

impl World {
    /// Three empty phones with clocks up to `max_skew_hours` off, from a seed.
    pub fn new(seed: u64, max_skew_hours: i64) -> World {
        let mut random = Random(seed | 1);
        let span = (2 * max_skew_hours * HOUR_MS).max(1) as u64;
        let phones = (0..3)
            .map(|_| Phone {
                data: Dataset::default(),
                skew_ms: random.below(span) as i64 - max_skew_hours * HOUR_MS,
                last_deleted: None,
                latest_file: None,
            })
            .collect();
        World {
            phones,
            log: Vec::new(),
            now_ms: START_MS,
            random,
            counts: Counts::default(),
        }
    }

    /// Phones whose clocks are up to `max_skew_ms` off a world clock starting at
    /// `start_ms` (decades, if asked: a phone reset to 1970, or set to 2150), each
    /// starting with `initial` (an accepted file's data, e.g. stamped at the last moment
    /// a file may carry).
    pub fn with_clocks(seed: u64, start_ms: i64, max_skew_ms: i64, initial: &Dataset) -> World {
        let mut world = World::new(seed, 0);
        let span = (2 * max_skew_ms).max(1) as u64;
        for phone in &mut world.phones {
            phone.skew_ms = world.random.below(span) as i64 - max_skew_ms;
            phone.data = initial.clone();
        }
        world.now_ms = start_ms;
        world
    }

    /// The phone's clock as the app reads it: clamped into the range files accept.
    fn phone_now(&self, phone: usize) -> Timestamp {
        clamp_moment(moment(self.now_ms.saturating_add(self.phones[phone].skew_ms)))
    }

    /// One random step.
    pub fn step(&mut self) {
        self.now_ms += self.random.below(3 * HOUR_MS as u64) as i64;
        let phone = self.random.below(3) as usize;
        match self.random.below(11) {
            0..=3 => self.edit(phone),
            4..=5 => self.delete(phone),
            6 => self.undo(phone),
            7 => self.export(phone),
            8 => self.rename_chi_bo(phone),
            _ => {
                let from = self.random.below(3) as usize;
                self.import(phone, from);
            }
        }
    }

    fn edit(&mut self, phone: usize) {
        let kind = kind_of(self.random.below(KINDS.len() as u64));
        let n = self.random.below(IDS);
        let word = self.random.below(5);
        let now = self.phone_now(phone);
        let data = &mut self.phones[phone].data;
        let at = change_moment(now, latest(data, kind, &id_of(kind, n)));
        let mut record = edited(kind, n, word, at);
        // The roll call, a payment, a profile name a member this phone holds (as the app's
        // forms allow), who may be deleted on another phone meanwhile.
        let member = data.members.get(word as usize % data.members.len().max(1)).map(|m| m.id.clone());
        match (&mut record, member) {
            (Record::Meeting(meeting), Some(member)) => {
                meeting.set_attendance(&member, sotay_domain::model::Attendance::Present);
            }
            (Record::DuesPayment(payment), Some(member)) => payment.member_id = member,
            (Record::DuesPayment(_), None) => return,
            (Record::DuesProfile(profile), _) if data.member(&profile.member_id).is_none() => return,
            _ => {}
        }
        put(data, record.clone());
        self.log.push(Logged {
            kind,
            id: id_of(kind, n),
            at,
            record: Some(record),
        });
        self.counts.edits += 1;
    }

    /// The chi bộ's name edited (it has no deletion: only edits, stamped after its last).
    fn rename_chi_bo(&mut self, phone: usize) {
        let word = self.random.below(5);
        let now = self.phone_now(phone);
        if let Some(chi_bo) = &mut self.phones[phone].data.chi_bo {
            chi_bo.name = format!("Chi bộ thôn {word}");
            chi_bo.updated_at = change_moment(now, Some(chi_bo.updated_at));
            self.counts.edits += 1;
        }
    }

    /// Every phone's whole backup, and its one-year files, as the app writes them now, are
    /// accepted by a fresh phone and hold the same records. `Err` says which is not.
    pub fn check_exports_restore(&self) -> Result<(), String> {
        let limits = ImportLimits::default();
        for phone in 0..self.phones.len() {
            let now = self.phone_now(phone);
            let data = &self.phones[phone].data;
            let mut files = vec![("whole", export_all(data, now, "sim"))];
            files.extend(YEARS.iter().map(|year| ("year", export_year(data, *year, now, "sim"))));
            for (scope, exported) in files {
                let read = parse_backup(exported.to_json().as_bytes(), &limits)
                    .map_err(|error| format!("phone {phone} at {now}: its {scope} file is refused: {error}"))?;
                if canonical(read.data) != canonical(exported.data.clone()) {
                    return Err(format!("phone {phone}: its {scope} file reads back different"));
                }
            }
        }
        Ok(())
    }

    fn delete(&mut self, phone: usize) {
        let kind = kind_of(self.random.below(KINDS.len() as u64));
        let id = id_of(kind, self.random.below(IDS));
        let now = self.phone_now(phone);
        let state = &mut self.phones[phone];
        let Some(record) = held(&state.data, kind, &id) else {
            return;
        };
        let at = change_moment(now, latest(&state.data, kind, &id));
        remove(&mut state.data, kind, &id);
        state.data.mark_deleted(kind, &id, at);
        state.last_deleted = Some(record);
        self.log.push(Logged {
            kind,
            id,
            at,
            record: None,
        });
        self.counts.deletions += 1;
    }

    /// "Hoàn tác": the deleted record back, as a newer edit.
    fn undo(&mut self, phone: usize) {
        let now = self.phone_now(phone);
        let state = &mut self.phones[phone];
        let Some(record) = state.last_deleted.take() else {
            return;
        };
        let (kind, id, _) = record_of(&record);
        let at = change_moment(now, latest(&state.data, kind, &id));
        let record = stamped(record, at);
        put(&mut state.data, record.clone());
        self.log.push(Logged {
            kind,
            id,
            at,
            record: Some(record),
        });
        self.counts.undos += 1;
    }

    fn export(&mut self, phone: usize) {
        let now = self.phone_now(phone);
        let data = &self.phones[phone].data;
        let file = match self.random.below(3) {
            0 => export_year(data, YEARS[self.random.below(2) as usize], now, "sim"),
            _ => export_all(data, now, "sim"),
        };
        self.phones[phone].latest_file = Some(file.to_json());
        self.counts.exports += 1;
    }

    /// `phone` imports `from`'s latest file through the app's path: parse and validate
    /// against what it holds, then merge, or (sometimes) replace and undo the replace.
    fn import(&mut self, phone: usize, from: usize) {
        let Some(file) = self.phones[from].latest_file.clone() else {
            return;
        };
        let current = &self.phones[phone].data;
        let incoming = parse_backup_against(file.as_bytes(), &ImportLimits::default(), current)
            .unwrap_or_else(|error| panic!("a phone's own file is refused: {error}"));
        if self.random.below(5) == 0 {
            let snapshot = current.clone();
            let replaced = replace(&incoming.data);
            assert_eq!(replaced, incoming.data);
            // "Hoàn tác" restores the snapshot taken before the replace.
            self.phones[phone].data = snapshot;
            self.counts.replaces += 1;
        } else {
            self.phones[phone].data = merge(current, &incoming.data);
            self.counts.merges += 1;
        }
    }

    /// Every phone exports everything, then merges every other phone's file.
    pub fn settle(&mut self) {
        for phone in 0..3 {
            let now = self.phone_now(phone);
            self.phones[phone].latest_file =
                Some(export_all(&self.phones[phone].data, now, "sim").to_json());
        }
        for phone in 0..3 {
            for from in (0..3).filter(|from| *from != phone) {
                let file = self.phones[from].latest_file.clone().unwrap_or_default();
                let current = &self.phones[phone].data;
                let incoming =
                    parse_backup_against(file.as_bytes(), &ImportLimits::default(), current)
                        .unwrap_or_else(|error| panic!("a phone's own file is refused: {error}"));
                self.phones[phone].data = merge(current, &incoming.data);
            }
        }
    }

    /// The datasets of the three phones, each in a canonical order.
    pub fn datasets(&self) -> Vec<Dataset> {
        self.phones
            .iter()
            .map(|phone| canonical(phone.data.clone()))
            .collect()
    }

    /// Checks the guarantee after [`World::settle`]: the three phones hold the same
    /// dataset; each record is held or marked, never both; and no record whose latest
    /// event anywhere is a deletion is held. `Err` says what differs.
    pub fn check_converged(&self) -> Result<(), String> {
        let all = self.datasets();
        if all[0] != all[1] || all[1] != all[2] {
            return Err(format!("phones differ:\n{:#?}", all));
        }
        let data = &all[0];
        for kind in KINDS {
            for n in 0..IDS {
                let id = id_of(kind, n);
                let record = held(data, kind, &id);
                let marker = data.deletion(kind, &id).is_some();
                let expected = self.latest_event(kind, &id);
                let fine = match expected {
                    None => record.is_none() && !marker,
                    Some(None) => record.is_none() && marker,
                    Some(Some(latest)) => record.as_ref() == Some(latest) && !marker,
                };
                if !fine {
                    return Err(format!(
                        "{id}: latest event {expected:?}, held {record:?}, marker {marker}"
                    ));
                }
            }
        }
        Ok(())
    }

    /// The latest event of a record over all phones, by the merge's own order (later
    /// moment; at the same moment a deletion, then the larger JSON text): `None` when it
    /// never existed, `Some(None)` for a deletion.
    fn latest_event(&self, kind: DeletedKind, id: &str) -> Option<Option<&Record>> {
        let key = |logged: &&Logged| {
            (
                logged.at,
                logged.record.is_none(),
                logged.record.as_ref().map(record_text).unwrap_or_default(),
            )
        };
        self.log
            .iter()
            .filter(|logged| logged.kind == kind && logged.id == id)
            .max_by_key(key)
            .map(|logged| logged.record.as_ref())
    }
}

fn record_text(record: &Record) -> String {
    match record {
        Record::Member(m) => serde_json::to_string(m),
        Record::Meeting(m) => serde_json::to_string(m),
        Record::Mark(m) => serde_json::to_string(m),
        Record::DuesProfile(p) => serde_json::to_string(p),
        Record::DuesPayment(p) => serde_json::to_string(p),
    }
    .unwrap_or_default()
}

/// Lists sorted by id: list order is where a phone first saw a record, which may differ.
pub fn canonical(mut data: Dataset) -> Dataset {
    data.members.sort_by(|a, b| a.id.cmp(&b.id));
    data.meetings.sort_by(|a, b| a.id.cmp(&b.id));
    data.marks.sort_by(|a, b| a.item_id.cmp(&b.item_id));
    data.dues_profiles.sort_by(|a, b| a.id.cmp(&b.id));
    data.dues_payments.sort_by(|a, b| a.id.cmp(&b.id));
    data.deletions
        .sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
    data
}
