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
    chi_bo_year, collect_file, read_entry, ChiBoYear, CollectResult, CollectedChiBo, Period, Refusal,
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
const PROFILE_KEY: &str = "profile";
/// Chi bộ years computed in one go (one new file); more are computed a few per frame.
const COMPUTE_AT_ONCE: usize = 4;

/// One chi bộ in memory; `revision` changes whenever its entry does, so its computed years
/// are recomputed for that chi bộ only.
#[derive(Clone, Debug, PartialEq)]
pub struct Held {
    pub revision: u64,
    pub entry: Arc<CollectedChiBo>,
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
    /// Chi bộ years computed so far / to compute, while [`DangUyState::years`] fills them in.
    pub computing: RwSignal<Option<(usize, usize)>>,
    /// The year and period the overview shows: the last month that has ended, until the
    /// user chooses another; kept while the app is open.
    pub year: RwSignal<i32>,
    pub period: RwSignal<Period>,
    years_ready: RwSignal<u64>,
    revision: StoredValue<u64>,
    years: StoredValue<HashMap<(String, i32), (u64, Arc<ChiBoYear>)>>,
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
            computing: RwSignal::new(None),
            year: RwSignal::new(year),
            period: RwSignal::new(period),
            years_ready: RwSignal::new(0),
            revision: StoredValue::new(0),
            years: StoredValue::new(HashMap::new()),
            builtins: StoredValue::new(Arc::new(sotay_domain::builtin::all())),
        };
        leptos::task::spawn_local(async move { state.read_stored().await });
        state
    }

    async fn read_stored(self) {
        match idb::read_all().await {
            Ok(pairs) => {
                let (held, unreadable, name) = self.entries_of(pairs);
                self.chi_bo.set(held);
                self.unreadable.set(unreadable);
                self.committee_name.set(name);
                self.load.set(LoadState::Ready);
            }
            Err(error) => self.load.set(LoadState::Failed(storage_message(&error))),
        }
    }

    fn entries_of(&self, pairs: Vec<(String, Vec<u8>)>) -> (Vec<Held>, Vec<(String, String)>, String) {
        let values: HashMap<String, Vec<u8>> = pairs.into_iter().collect();
        let name = values.get(PROFILE_KEY).and_then(|bytes| serde_json::from_slice::<Profile>(bytes).ok()).map(|p| p.name).unwrap_or_default();
        let mut held = Vec::new();
        let mut unreadable = Vec::new();
        let mut ids: Vec<&str> = values.keys().filter_map(|key| key.strip_prefix(ENTRY_PREFIX)).collect();
        ids.sort_unstable();
        for id in ids {
            let header = String::from_utf8_lossy(&values[&format!("{ENTRY_PREFIX}{id}")]);
            let data = values.get(&format!("{DATA_PREFIX}{id}")).map(Vec::as_slice).unwrap_or_default();
            match read_entry(&header, data) {
                Ok(entry) => held.push(self.hold(entry)),
                Err(error) => unreadable.push((id.to_owned(), words::entry_error(&error))),
            }
        }
        sort_by_name(&mut held);
        (held, unreadable, name)
    }

    fn hold(&self, entry: CollectedChiBo) -> Held {
        self.revision.update_value(|revision| *revision += 1);
        Held { revision: self.revision.get_value(), entry: Arc::new(entry) }
    }

    /// Each chi bộ's year, from the cache when its entry has not changed. When many are
    /// missing (the collection just opened, or another year chosen) they are computed a few
    /// per frame, with `computing` counting, and this is `None` until they all are: scoring
    /// 90 chi bộ's meetings takes seconds on a slow machine, which must not freeze the page.
    pub fn years(&self, year: i32) -> Option<Vec<Arc<ChiBoYear>>> {
        self.years_ready.track();
        let missing = self.chi_bo.with(|held| held.iter().filter(|h| self.cached_year(h, year).is_none()).count());
        if missing > COMPUTE_AT_ONCE {
            let state = *self;
            // Signals are not set while a memo computes: the filling starts just after.
            leptos::task::spawn_local(async move { state.fill_years(year).await });
            return None;
        }
        Some(self.chi_bo.with(|held| held.iter().map(|h| self.cached_year(h, year).unwrap_or_else(|| self.compute_year(h, year))).collect()))
    }

    /// One chi bộ's year (cached or computed now), for its own screen.
    pub fn year_of(&self, chi_bo_id: &str, year: i32) -> Option<Arc<ChiBoYear>> {
        let held = self.chi_bo.with_untracked(|all| all.iter().find(|h| h.entry.chi_bo_id == chi_bo_id).cloned())?;
        Some(self.cached_year(&held, year).unwrap_or_else(|| self.compute_year(&held, year)))
    }

    fn cached_year(&self, held: &Held, year: i32) -> Option<Arc<ChiBoYear>> {
        let key = (held.entry.chi_bo_id.clone(), year);
        self.years.with_value(|cache| cache.get(&key).filter(|(revision, _)| *revision == held.revision).map(|(_, y)| y.clone()))
    }

    fn compute_year(&self, held: &Held, year: i32) -> Arc<ChiBoYear> {
        let computed = Arc::new(chi_bo_year(&held.entry, &self.builtins.get_value(), year, clock::now()));
        self.years.update_value(|cache| {
            cache.insert((held.entry.chi_bo_id.clone(), year), (held.revision, computed.clone()));
        });
        computed
    }

    async fn fill_years(self, year: i32) {
        if self.computing.get_untracked().is_some() {
            return;
        }
        let span = crate::timing::begin(crate::timing::DANG_UY_YEARS);
        loop {
            let todo: Vec<Held> = self.chi_bo.with_untracked(|held| held.iter().filter(|h| self.cached_year(h, year).is_none()).cloned().collect());
            if todo.is_empty() {
                break;
            }
            for (done, held) in todo.iter().enumerate() {
                if done % COMPUTE_AT_ONCE == 0 {
                    self.computing.set(Some((done, todo.len())));
                    next_frame().await;
                }
                self.compute_year(held, year);
            }
        }
        span.end();
        self.computing.set(None);
        self.years_ready.update(|ready| *ready += 1);
    }

    pub fn entry(&self, chi_bo_id: &str) -> Option<Arc<CollectedChiBo>> {
        self.chi_bo.with(|held| held.iter().find(|h| h.entry.chi_bo_id == chi_bo_id).map(|h| h.entry.clone()))
    }

    /// Years the collection has meetings in, newest first, always with the current year.
    pub fn known_years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.chi_bo.with(|held| {
            held.iter().flat_map(|h| h.entry.data.meetings.iter().map(|m| chrono::Datelike::year(&m.date))).collect()
        });
        years.push(chrono::Datelike::year(&clock::today()));
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// Takes the picked files one by one: each is validated and merged by the domain, then
    /// stored in one transaction, and only then taken into memory. The screen (progress,
    /// results, the collection) is brought up to date every [`SLICE_MS`], not after each
    /// file: each update costs a layout of the page.
    pub async fn collect(self, files: Vec<web_sys::File>) {
        let total = files.len();
        let span = crate::timing::begin(crate::timing::COLLECT);
        self.reports.set(Vec::new());
        self.progress.set(Some((0, total)));
        let mut stored_any = false;
        let mut shown_later = Vec::new();
        let mut pace = Pace::start();
        // The next file is read by the browser while this one is checked and stored; a file
        // over the backup limit (a video picked by mistake) is measured, never read.
        let start = |file: &web_sys::File| (file.size() <= MAX_BACKUP_BYTES as f64).then(|| crate::data::files::start_reading(file));
        let mut reading = files.first().and_then(start);
        for (done, file) in files.iter().enumerate() {
            let bytes = match reading.take() {
                Some(read) => Some(read.await),
                None => None,
            };
            reading = files.get(done + 1).and_then(start);
            let mut report = match bytes {
                Some(bytes) => self.collect_one(file, bytes).await,
                None => too_large(file),
            };
            self.revision.update_value(|revision| *revision += 1);
            report.id = self.revision.get_value();
            stored_any |= report.accepted;
            shown_later.push(report);
            if pace.due() {
                self.show_progress(&mut shown_later, done + 1, total);
                pace.pause().await;
            }
        }
        self.show_progress(&mut shown_later, total, total);
        self.progress.set(None);
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
        let entries: Vec<Arc<CollectedChiBo>> = self.chi_bo.with_untracked(|held| held.iter().map(|h| h.entry.clone()).collect());
        let outcome = collect_file(&entries, &file_name, &bytes, clock::now());
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
            let file = matches!(outcome.result, CollectResult::Added).then_some(file);
            if let Err(error) = self.store(entry, file).await {
                headline = storage_message(&error);
                return FileReport { id: 0, file_name, accepted: false, headline, details };
            }
        }
        FileReport { id: 0, file_name, accepted, headline, details }
    }

    /// Stores an entry and takes it into memory without telling the screen: the caller does
    /// (`chi_bo.notify()`).
    async fn store(&self, entry: CollectedChiBo, file: Option<&web_sys::File>) -> Result<(), CollectionStorageError> {
        let id = entry.chi_bo_id.clone();
        let (header, exported);
        let data = match file {
            Some(file) => {
                header = entry.header_text();
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
        let held = self.hold(entry);
        self.chi_bo.update_untracked(|all| {
            all.retain(|h| h.entry.chi_bo_id != id);
            all.push(held);
            sort_by_name(all);
        });
        Ok(())
    }

    /// Removes a chi bộ from the collection (its entry's two texts, in one transaction).
    pub async fn remove(self, chi_bo_id: String) -> Result<Option<Arc<CollectedChiBo>>, CollectionStorageError> {
        let Some(entry) = self.entry(&chi_bo_id) else { return Ok(None) };
        idb::apply(&[], &[format!("{ENTRY_PREFIX}{chi_bo_id}"), format!("{DATA_PREFIX}{chi_bo_id}")]).await?;
        self.chi_bo.update(|all| all.retain(|h| h.entry.chi_bo_id != chi_bo_id));
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

/// The đảng ủy's own settings, stored beside the collection.
#[derive(serde::Serialize, serde::Deserialize)]
struct Profile {
    name: String,
}

fn sort_by_name(held: &mut [Held]) {
    held.sort_by_cached_key(|h| sotay_domain::collate::name_key(h.entry.name()));
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
