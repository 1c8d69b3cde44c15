//! Tổng hợp của đảng ủy: the files of many chi bộ, collected on this device (IndexedDB, through
//! `storage::collection`), merged per chi bộ by the domain (`sotay_domain::collection`), and
//! read as one overview (`overview`), per chi bộ (`chi_bo`), printed and exported.
//!
//! The whole feature is one split module: a chi bộ secretary's first load does not carry it.

pub mod chi_bo;
pub mod overview;

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use sotay_domain::collection::{
    chi_bo_id_of_file, chi_bo_year, collect_file_among, figures_bytes, read_entry_data, read_figures, read_header, ChiBoYear, CollectResult,
    CollectedChiBo, EntryHeader, FiguresKey, Period, ReceivedFile, Refusal,
};
use sotay_domain::text::collection as words;
use sotay_domain::Framework;

use crate::data::APP_VERSION;
use sotay_domain::backup::MAX_BACKUP_BYTES;
use crate::storage::collection::{self as idb, CollectionStorageError, Stored};
use crate::store::clock;
use crate::text::dang_uy as t;

const ENTRY_PREFIX: &str = "entry.";
const DATA_PREFIX: &str = "data.";
/// `years.<year>.<chi bộ id>`: a chi bộ's computed year, kept between visits
/// (`sotay_domain::collection::figures`).
const YEARS_PREFIX: &str = "years.";
const PROFILE_KEY: &str = "profile";
/// Chi bộ years computed in one go (one new file); more are computed a few per frame.
const COMPUTE_AT_ONCE: usize = 4;

/// One chi bộ in memory: what its header says, and its records once they were needed.
/// `source` (the header's fingerprint) changes whenever the entry does, so its computed
/// years are recomputed for that chi bộ only.
#[derive(Clone, Debug, PartialEq)]
pub struct Held {
    pub chi_bo_id: String,
    pub name: String,
    pub meeting_years: Vec<i32>,
    pub files: Arc<Vec<ReceivedFile>>,
    pub source: String,
    /// The records, read from storage on first need (a chi bộ's page, a file taken, a year
    /// not kept): after a restart the overview opens from the headers and the kept years.
    pub entry: Option<Arc<CollectedChiBo>>,
}

impl Held {
    /// From a header with its summary (every header once the collection has opened).
    fn of_header(header: EntryHeader, entry: Option<Arc<CollectedChiBo>>) -> Option<Held> {
        let summary = header.summary?;
        Some(Held {
            chi_bo_id: header.chi_bo_id,
            name: summary.name,
            meeting_years: summary.meeting_years,
            files: Arc::new(header.files),
            source: header.source,
            entry,
        })
    }

    /// From a header's text just written beside `entry`.
    fn of_text(text: &str, entry: CollectedChiBo) -> Option<Held> {
        Held::of_header(read_header(text).ok()?, Some(Arc::new(entry)))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Ready,
    Failed(String),
}

/// What happened to one picked file.
#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    /// Unique in the page's life: the key of the report's item in the list.
    pub id: u64,
    pub file_name: String,
    pub accepted: bool,
    pub headline: String,
    pub details: Vec<String>,
}

/// The collection, made once under the app's root owner so it outlives the screen that
/// first opened it.
#[derive(Clone, Copy)]
pub struct DangUyState {
    pub chi_bo: RwSignal<Vec<Held>>,
    pub unreadable: RwSignal<Vec<(String, String)>>,
    pub load: RwSignal<LoadState>,
    pub committee_name: RwSignal<String>,
    pub progress: RwSignal<Option<(usize, usize)>>,
    pub reports: RwSignal<Vec<FileReport>>,
    /// Set by "Dừng": the files not yet taken are left (those taken stay).
    pub stop_requested: RwSignal<bool>,
    /// After a stop: files taken, of those picked.
    pub stopped: RwSignal<Option<(usize, usize)>>,
    /// Chi bộ years computed so far / to compute, while [`DangUyState::years`] fills them in.
    pub computing: RwSignal<Option<(usize, usize)>>,
    /// The year and period the overview shows: the last month that has ended, until the
    /// user chooses another; kept while the app is open.
    pub year: RwSignal<i32>,
    pub period: RwSignal<Period>,
    years_ready: RwSignal<u64>,
    report_ids: StoredValue<u64>,
    /// (chi bộ id, year) → the entry's source it was computed from, and the year.
    years: StoredValue<HashMap<(String, i32), YearHeld>>,
    builtins: StoredValue<Arc<Vec<Framework>>>,
}

/// Where the state lives: installed by the shell (a few bytes in the main module), filled
/// on first use.
#[derive(Clone, Copy)]
pub struct DangUySlot {
    state: StoredValue<Option<DangUyState>>,
    owner: StoredValue<Owner>,
}

impl DangUySlot {
    pub fn install() {
        let owner = Owner::current().unwrap_or_default();
        provide_context(DangUySlot { state: StoredValue::new(None), owner: StoredValue::new(owner) });
    }
}

pub fn use_dang_uy() -> DangUyState {
    let slot = expect_context::<DangUySlot>();
    if let Some(state) = slot.state.get_value() {
        return state;
    }
    let state = slot.owner.get_value().with(DangUyState::create);
    slot.state.set_value(Some(state));
    state
}

impl DangUyState {
    fn create() -> DangUyState {
        let (year, period) = Period::last_ended(clock::today());
        let state = DangUyState {
            chi_bo: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(Vec::new()),
            load: RwSignal::new(LoadState::Loading),
            committee_name: RwSignal::new(String::new()),
            progress: RwSignal::new(None),
            reports: RwSignal::new(Vec::new()),
            stop_requested: RwSignal::new(false),
            stopped: RwSignal::new(None),
            computing: RwSignal::new(None),
            year: RwSignal::new(year),
            period: RwSignal::new(period),
            years_ready: RwSignal::new(0),
            report_ids: StoredValue::new(0),
            years: StoredValue::new(HashMap::new()),
            builtins: StoredValue::new(Arc::new(sotay_domain::builtin::all())),
        };
        leptos::task::spawn_local(async move {
            match state.read_stored().await {
                Ok(()) => state.load.set(LoadState::Ready),
                Err(error) => state.load.set(LoadState::Failed(storage_message(&error))),
            }
        });
        state
    }

    /// Opens the collection from the headers alone (each chi bộ's records are read when
    /// needed). A header written before summaries has its data read now and is written
    /// again with its summary, so the next opening does not read it.
    async fn read_stored(self) -> Result<(), CollectionStorageError> {
        let profile = idb::read_one(PROFILE_KEY).await?;
        let name = profile.and_then(|bytes| serde_json::from_str::<Profile>(std::str::from_utf8(&bytes).ok()?).ok()).map(|p| p.name).unwrap_or_default();
        let mut held = Vec::new();
        let mut unreadable = Vec::new();
        let mut rewritten = Vec::new();
        for (key, bytes) in idb::read_prefixed(ENTRY_PREFIX).await? {
            let id = key.strip_prefix(ENTRY_PREFIX).unwrap_or_default().to_owned();
            let header = match read_header(&String::from_utf8_lossy(&bytes)) {
                Ok(header) => header,
                Err(error) => {
                    unreadable.push((id, words::entry_error(&error)));
                    continue;
                }
            };
            if header.summary.is_some() {
                held.extend(Held::of_header(header, None));
                continue;
            }
            match read_data(&header.chi_bo_id, &header.files).await {
                Ok((entry, data)) => {
                    let text = entry.header_text(&data);
                    if let Some(h) = Held::of_text(&text, entry) {
                        held.push(h);
                        rewritten.push((key, text.into_bytes()));
                    }
                }
                Err(message) => unreadable.push((id, message)),
            }
        }
        write_derived(rewritten).await;
        sort_by_name(&mut held);
        self.chi_bo.set(held);
        self.unreadable.set(unreadable);
        self.committee_name.set(name);
        Ok(())
    }

    fn held(&self, chi_bo_id: &str) -> Option<Held> {
        self.chi_bo.with_untracked(|all| all.iter().find(|h| h.chi_bo_id == chi_bo_id).cloned())
    }

    /// A chi bộ's header fields, for its page.
    pub fn held_of(&self, chi_bo_id: &str) -> Option<Held> {
        self.chi_bo.with(|all| all.iter().find(|h| h.chi_bo_id == chi_bo_id).cloned())
    }

    /// A chi bộ's records, read from storage the first time they are needed. `None` when it
    /// is not in the collection, or its data does not read (it is then listed as unreadable,
    /// with the reason).
    pub async fn load_entry(self, chi_bo_id: &str) -> Option<Arc<CollectedChiBo>> {
        let held = self.held(chi_bo_id)?;
        if let Some(entry) = held.entry {
            return Some(entry);
        }
        match read_data(&held.chi_bo_id, &held.files).await {
            Ok((entry, _)) => {
                let entry = Arc::new(entry);
                self.chi_bo.update_untracked(|all| {
                    if let Some(h) = all.iter_mut().find(|h| h.chi_bo_id == chi_bo_id && h.source == held.source) {
                        h.entry = Some(entry.clone());
                    }
                });
                Some(entry)
            }
            Err(message) => {
                self.chi_bo.update(|all| all.retain(|h| h.chi_bo_id != chi_bo_id));
                self.unreadable.update(|list| list.push((chi_bo_id.to_owned(), message)));
                None
            }
        }
    }

    /// Each chi bộ's year, from memory when its entry has not changed. When some are
    /// missing (the collection just opened, or another year chosen) they are taken from the
    /// years kept in storage or computed, a few per frame, with `computing` counting, and
    /// this is `None` until they all are: scoring 300 chi bộ's meetings takes seconds on a
    /// slow machine, which must not freeze the page.
    pub fn years(&self, year: i32) -> Option<Vec<Arc<ChiBoYear>>> {
        self.years_ready.track();
        // Not while files are being taken (the overview is hidden then): computed once after,
        // not again every time the collection grows.
        if self.progress.with(Option::is_some) {
            return None;
        }
        let missing: Vec<Held> = self.chi_bo.with(|held| held.iter().filter(|h| self.cached_year(h, year).is_none()).cloned().collect());
        let at_once = missing.len() <= COMPUTE_AT_ONCE && missing.iter().all(|h| h.entry.is_some());
        if !at_once {
            let state = *self;
            // Signals are not set while a memo computes: the filling starts just after.
            leptos::task::spawn_local(async move { state.fill_years(year).await });
            return None;
        }
        let computed: Vec<(String, Vec<u8>)> = missing.iter().filter_map(|h| Some(self.compute_year(h, h.entry.as_ref()?, year).1)).collect();
        if !computed.is_empty() {
            leptos::task::spawn_local(write_derived(computed));
        }
        Some(self.chi_bo.with(|held| held.iter().filter_map(|h| self.cached_year(h, year)).collect()))
    }

    /// One chi bộ's whole year, for its own screen: computed from its records (a kept year
    /// lacks the members' rows and the preparation months).
    pub async fn year_of(self, chi_bo_id: &str, year: i32) -> Option<Arc<ChiBoYear>> {
        let held = self.held(chi_bo_id)?;
        let whole = self.years.with_value(|cache| {
            cache.get(&(held.chi_bo_id.clone(), year)).filter(|y| y.source == held.source && y.whole).map(|y| y.figures.clone())
        });
        if whole.is_some() {
            return whole;
        }
        let entry = self.load_entry(chi_bo_id).await?;
        let (computed, kept) = self.compute_year(&held, &entry, year);
        write_derived(vec![kept]).await;
        Some(computed)
    }

    fn cached_year(&self, held: &Held, year: i32) -> Option<Arc<ChiBoYear>> {
        let key = (held.chi_bo_id.clone(), year);
        self.years.with_value(|cache| cache.get(&key).filter(|y| y.source == held.source).map(|y| y.figures.clone()))
    }

    fn remember(&self, held: &Held, year: i32, figures: Arc<ChiBoYear>, whole: bool) {
        self.years.update_value(|cache| {
            cache.insert((held.chi_bo_id.clone(), year), YearHeld { source: held.source.clone(), figures, whole });
        });
    }

    /// A year kept in storage, when it was kept for this entry, app and month.
    fn take_kept(&self, held: &Held, year: i32, bytes: &[u8]) -> Option<Arc<ChiBoYear>> {
        let key = FiguresKey::new(&held.source, APP_VERSION, year, clock::today());
        let figures = Arc::new(read_figures(bytes, &key, clock::now())?);
        self.remember(held, year, figures.clone(), false);
        Some(figures)
    }

    /// Computes a year and returns it with the (key, bytes) to keep it under.
    fn compute_year(&self, held: &Held, entry: &CollectedChiBo, year: i32) -> (Arc<ChiBoYear>, (String, Vec<u8>)) {
        let computed = Arc::new(chi_bo_year(entry, &self.builtins.get_value(), year, clock::now()));
        self.remember(held, year, computed.clone(), true);
        let key = FiguresKey::new(&held.source, APP_VERSION, year, clock::today());
        let kept = (years_key(year, &held.chi_bo_id), figures_bytes(&computed, &key));
        (computed, kept)
    }

    async fn fill_years(self, year: i32) {
        if self.computing.get_untracked().is_some() {
            return;
        }
        let span = crate::timing::begin(crate::timing::DANG_UY_YEARS);
        let total = self.chi_bo.with_untracked(Vec::len);
        self.computing.set(Some((0, total)));
        let mut pace = Pace::start();
        // The years kept in storage first (one read), then the others computed.
        let kept = idb::read_prefixed(&format!("{YEARS_PREFIX}{year}.")).await.unwrap_or_default();
        for (key, bytes) in kept {
            let id = years_key_id(&key).unwrap_or_default();
            if let Some(held) = self.held(id).filter(|h| self.cached_year(h, year).is_none()) {
                self.take_kept(&held, year, &bytes);
            }
            if pace.due() {
                pace.pause().await;
            }
        }
        let mut to_keep = Vec::new();
        loop {
            let todo: Vec<Held> = self.chi_bo.with_untracked(|held| held.iter().filter(|h| self.cached_year(h, year).is_none()).cloned().collect());
            if todo.is_empty() {
                break;
            }
            let done_before = total.saturating_sub(todo.len());
            for (done, held) in todo.iter().enumerate() {
                if pace.due() {
                    self.computing.set(Some((done_before + done, total)));
                    write_derived(std::mem::take(&mut to_keep)).await;
                    pace.pause().await;
                }
                if let Some(entry) = self.load_entry(&held.chi_bo_id).await {
                    to_keep.push(self.compute_year(held, &entry, year).1);
                }
            }
        }
        write_derived(to_keep).await;
        span.end();
        self.computing.set(None);
        self.years_ready.update(|ready| *ready += 1);
    }

    /// Years the collection has meetings in, newest first, always with the current year.
    pub fn known_years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.chi_bo.with(|held| held.iter().flat_map(|h| h.meeting_years.iter().copied()).collect());
        years.push(chrono::Datelike::year(&clock::today()));
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// Takes the picked files one by one: each is validated and merged by the domain, then
    /// stored in one transaction, and only then taken into memory. The screen (progress,
    /// results, the collection) is brought up to date every [`SLICE_MS`], not after each
    /// file: each update costs a layout of the page. "Dừng" stops before the next file:
    /// the files already taken stay taken.
    pub async fn collect(self, files: Vec<web_sys::File>) {
        let total = files.len();
        let span = crate::timing::begin(crate::timing::COLLECT);
        self.reports.set(Vec::new());
        self.stop_requested.set(false);
        self.stopped.set(None);
        self.progress.set(Some((0, total)));
        let mut stored_any = false;
        let mut shown_later = Vec::new();
        let mut pace = Pace::start();
        // The next file is read by the browser while this one is checked and stored; a file
        // over the backup limit (a video picked by mistake) is measured, never read.
        let start = |file: &web_sys::File| (file.size() <= MAX_BACKUP_BYTES as f64).then(|| crate::data::files::start_reading(file));
        let mut reading = files.first().and_then(start);
        let mut taken = total;
        for (done, file) in files.iter().enumerate() {
            if self.stop_requested.get_untracked() {
                taken = done;
                break;
            }
            let bytes = match reading.take() {
                Some(read) => Some(read.await),
                None => None,
            };
            reading = files.get(done + 1).and_then(start);
            let mut report = match bytes {
                Some(bytes) => self.collect_one(file, bytes).await,
                None => too_large(file),
            };
            self.report_ids.update_value(|id| *id += 1);
            report.id = self.report_ids.get_value();
            stored_any |= report.accepted;
            shown_later.push(report);
            if pace.due() {
                self.show_progress(&mut shown_later, done + 1, total);
                pace.pause().await;
            }
        }
        self.show_progress(&mut shown_later, taken, total);
        if taken < total {
            self.stopped.set(Some((taken, total)));
        }
        self.progress.set(None);
        self.stop_requested.set(false);
        span.end();
        if stored_any {
            let _ = crate::storage::request_persistence().await;
        }
    }

    fn show_progress(&self, reports: &mut Vec<FileReport>, done: usize, total: usize) {
        self.chi_bo.notify();
        self.reports.update(|shown| shown.append(reports));
        self.progress.set(Some((done, total)));
    }

    async fn collect_one(&self, file: &web_sys::File, bytes: Option<Vec<u8>>) -> FileReport {
        // (`bytes`: `None` when the browser could not read the file.)
        let file_name = file.name();
        let Some(bytes) = bytes else {
            return FileReport { id: 0, file_name, accepted: false, headline: t::UNREADABLE_FILE.to_owned(), details: Vec::new() };
        };
        // After a restart the collection holds headers: only the records of the file's own
        // chi bộ are read (every chi bộ's name is in its header, for the same-name warning).
        if let Some(id) = chi_bo_id_of_file(&bytes) {
            self.load_entry(&id).await;
        }
        // Borrowed in place: nothing is cloned per file (300 files × 300 names otherwise).
        let outcome = self.chi_bo.with_untracked(|held| {
            let entries: Vec<&CollectedChiBo> = held.iter().filter_map(|h| h.entry.as_deref()).collect();
            let named: Vec<(&str, &str)> = held.iter().map(|h| (h.chi_bo_id.as_str(), h.name.as_str())).collect();
            collect_file_among(&entries, &named, &file_name, &bytes, clock::now())
        });
        let name = outcome.chi_bo.as_ref().map(|(_, name)| name.clone()).unwrap_or_default();
        let mut details = match &outcome.result {
            CollectResult::Refused(Refusal::Invalid(error)) => error.lines(),
            _ => Vec::new(),
        };
        if !outcome.same_name.is_empty() {
            details.push(words::same_name(&name, outcome.same_name.len()));
        }
        let accepted = !matches!(outcome.result, CollectResult::Refused(_));
        let mut headline = words::collect_result(&outcome.result, &name);
        if let Some(entry) = outcome.entry {
            // A chi bộ new to the collection is stored as the file itself (already validated).
            let file = matches!(outcome.result, CollectResult::Added).then_some((file, bytes.as_slice()));
            if let Err(error) = self.store(entry, file).await {
                headline = storage_message(&error);
                return FileReport { id: 0, file_name, accepted: false, headline, details };
            }
        }
        FileReport { id: 0, file_name, accepted, headline, details }
    }

    /// Stores an entry and takes it into memory without telling the screen: the caller does
    /// (`chi_bo.notify()`). `file`: the picked file and its bytes, stored as its data.
    async fn store(&self, entry: CollectedChiBo, file: Option<(&web_sys::File, &[u8])>) -> Result<(), CollectionStorageError> {
        let id = entry.chi_bo_id.clone();
        let (header, exported);
        let data = match file {
            Some((file, bytes)) => {
                header = entry.header_text(bytes);
                Stored::File(file)
            }
            None => {
                let texts = entry.to_texts(APP_VERSION);
                (header, exported) = (texts.header, texts.data);
                Stored::Bytes(exported.as_bytes())
            }
        };
        let writes = [(format!("{ENTRY_PREFIX}{id}"), Stored::Bytes(header.as_bytes())), (format!("{DATA_PREFIX}{id}"), data)];
        idb::apply(&writes, &[]).await?;
        let Some(held) = Held::of_text(&header, entry) else {
            return Ok(());
        };
        self.chi_bo.update_untracked(|all| {
            all.retain(|h| h.chi_bo_id != id);
            all.push(held);
            sort_by_name(all);
        });
        Ok(())
    }

    /// Removes a chi bộ from the collection (its entry's two texts and its kept years, in one
    /// transaction); returns its records, for undo.
    pub async fn remove(self, chi_bo_id: String) -> Result<Option<Arc<CollectedChiBo>>, CollectionStorageError> {
        let Some(entry) = self.load_entry(&chi_bo_id).await else { return Ok(None) };
        let mut removes = vec![format!("{ENTRY_PREFIX}{chi_bo_id}"), format!("{DATA_PREFIX}{chi_bo_id}")];
        removes.extend(idb::keys_prefixed(YEARS_PREFIX).await?.into_iter().filter(|key| years_key_id(key) == Some(chi_bo_id.as_str())));
        idb::apply(&[], &removes).await?;
        self.chi_bo.update(|all| all.retain(|h| h.chi_bo_id != chi_bo_id));
        Ok(Some(entry))
    }

    /// Puts a removed chi bộ back (undo).
    pub async fn restore(self, entry: Arc<CollectedChiBo>) -> Result<(), CollectionStorageError> {
        self.store((*entry).clone(), None).await?;
        self.chi_bo.notify();
        Ok(())
    }

    pub async fn save_committee_name(self, name: String) -> Result<(), CollectionStorageError> {
        let text = serde_json::to_string(&Profile { name: name.clone() }).unwrap_or_default();
        idb::apply(&[(PROFILE_KEY.to_owned(), Stored::Bytes(text.as_bytes()))], &[]).await?;
        self.committee_name.set(name);
        Ok(())
    }
}

/// A chi bộ's year in memory.
struct YearHeld {
    /// The entry's source it was computed from.
    source: String,
    figures: Arc<ChiBoYear>,
    /// Computed from the records (a kept year read back lacks its members' rows and
    /// preparation months).
    whole: bool,
}

/// The đảng ủy's own settings, stored beside the collection.
#[derive(serde::Serialize, serde::Deserialize)]
struct Profile {
    name: String,
}

fn sort_by_name(held: &mut [Held]) {
    held.sort_by_cached_key(|h| sotay_domain::collate::name_key(&h.name));
}

/// Where a chi bộ's computed year is kept.
fn years_key(year: i32, chi_bo_id: &str) -> String {
    format!("{YEARS_PREFIX}{year}.{chi_bo_id}")
}

/// The chi bộ id of a kept year's key (`years.<year>.<id>`: the year has no dot).
fn years_key_id(key: &str) -> Option<&str> {
    key.strip_prefix(YEARS_PREFIX)?.split_once('.').map(|(_, id)| id)
}

/// Stores what is derived from the entries (computed years, headers given their summary).
/// A failure (a full disk) only means it is derived again at the next opening.
async fn write_derived(derived: Vec<(String, Vec<u8>)>) {
    if derived.is_empty() {
        return;
    }
    let writes: Vec<(String, Stored)> = derived.iter().map(|(key, bytes)| (key.clone(), Stored::Bytes(bytes))).collect();
    let _ = idb::apply(&writes, &[]).await;
}

/// An entry's records read from storage, with the data's bytes as stored; the message
/// names why they do not read.
async fn read_data(chi_bo_id: &str, files: &[ReceivedFile]) -> Result<(CollectedChiBo, Vec<u8>), String> {
    let data = idb::read_one(&format!("{DATA_PREFIX}{chi_bo_id}")).await.map_err(|error| storage_message(&error))?.unwrap_or_default();
    match read_entry_data(chi_bo_id, files, &data) {
        Ok(entry) => Ok((entry, data)),
        Err(error) => Err(words::entry_error(&error)),
    }
}

pub fn storage_message(error: &CollectionStorageError) -> String {
    match error {
        CollectionStorageError::Unavailable => t::UNAVAILABLE.to_owned(),
        CollectionStorageError::Full => t::STORAGE_FULL.to_owned(),
        CollectionStorageError::Blocked => t::STORAGE_BLOCKED.to_owned(),
        CollectionStorageError::ClosedForNewerVersion => t::STORAGE_CLOSED.to_owned(),
        CollectionStorageError::Failed(name) => format!("{} {name}", t::STORAGE_FAILED),
    }
}

/// Work between two pauses when many files are taken: long enough that the browser does not
/// lay out and paint the page after every small file (with 90 files that was 90 frames,
/// about 2 s at 4× CPU), short enough that the progress bar moves and a click is answered.
const SLICE_MS: f64 = 100.0;

/// When a long loop pauses for the browser: every [`SLICE_MS`].
struct Pace {
    since: f64,
}

impl Pace {
    fn start() -> Pace {
        Pace { since: now_ms() }
    }

    fn due(&self) -> bool {
        now_ms() - self.since >= SLICE_MS
    }

    async fn pause(&mut self) {
        next_frame().await;
        self.since = now_ms();
    }
}

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |performance| performance.now())
}

/// Lets the browser paint (the progress bar) between two files.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A picked file over the backup limit: refused by its name and size, unread.
fn too_large(file: &web_sys::File) -> FileReport {
    FileReport { id: 0, file_name: file.name(), accepted: false, headline: words::too_large(file.size() as u64), details: Vec::new() }
}
