//! The app's records in memory (signals) and every change to them. Each change is written
//! through `storage` at once (autosave) and stamped with `updated_at`.

pub mod clock;

use leptos::prelude::*;
use sotay_domain::framework::Framework;
use sotay_domain::backup::{change_moment, layout_upgrade, read_first_screen, read_storage_owned, FirstScreenReader, LayoutUpgrade, MigrationError, StorageReader, StoredData, CommitteePack, CustomFramework, CustomTemplate, Dataset, DeletedKind, Deletion, FirstScreen, MeetingHead};
use sotay_domain::preparation::MeetingPlan;
use sotay_domain::backup::CommitteeDuesRules;
use sotay_domain::dues::{DuesPayment, DuesProfile, DuesRules};
use sotay_domain::review::{DossierTemplate, YearReview};
use sotay_domain::builtin;
use sotay_domain::handbook::Pack;
use sotay_domain::model::{ChiBo, HandbookMark, Meeting, Member};

use crate::slices::Slices;
use crate::split::ModuleLoadFailed;
use wasm_bindgen::JsValue;
use crate::storage::{self, Key};
use sotay_domain::model::Timestamp;

/// A save refused because the stored record is newer than the copy the change was made
/// on (another tab saved it meanwhile): the caller shows `latest` instead.
#[derive(Clone, Debug)]
pub struct NewerElsewhere<T> {
    pub latest: T,
}

/// Whether the stored copy of a record was changed after `based_on` (by another tab).
fn stored_is_newer<T: serde::de::DeserializeOwned>(key: &Key, based_on: Timestamp, updated_at: impl Fn(&T) -> Timestamp) -> Option<T> {
    storage::read::<T>(key).ok().flatten().filter(|stored| updated_at(stored) > based_on)
}

/// A record whose latest change the browser refused to store: kept (with the text to
/// write) until that record is written, retried at every later change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsaved {
    /// The storage key's name.
    pub key: String,
    /// What the user knows it as ("buổi sinh hoạt ngày 03/05/2026").
    pub what: String,
    /// The record's text, as it was to be written.
    text: String,
}

/// A key that could not be read at start-up, and why (kept in storage, listed for the user).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreadableKey {
    pub key: String,
    pub problem: String,
}

/// Everything the chi bộ has recorded, shared through context.
#[derive(Clone, Copy)]
pub struct Store {
    pub chi_bo: RwSignal<Option<ChiBo>>,
    pub members: RwSignal<Vec<Member>>,
    pub meetings: RwSignal<Vec<Meeting>>,
    /// Meeting plans (the preparation of a meeting), newest meeting date first.
    pub plans: RwSignal<Vec<MeetingPlan>>,
    /// The dues rule the committee loaded (`None`: the book follows the built-in rule).
    pub dues_rules: RwSignal<Option<CommitteeDuesRules>>,
    /// Members' dues profiles (one per member, its id the member's).
    pub dues_profiles: RwSignal<Vec<DuesProfile>>,
    /// Dues payments, one record per payment (a đóng gộp covers several months).
    pub dues_payments: RwSignal<Vec<DuesPayment>>,
    /// Handbook bookmarks and notes, by item id.
    pub marks: RwSignal<Vec<HandbookMark>>,
    /// Frameworks a committee loaded (they arrive with imported backups).
    pub custom_frameworks: RwSignal<Vec<CustomFramework>>,
    /// The chi bộ's year-end reviews (one per year).
    pub reviews: RwSignal<Vec<YearReview>>,
    /// Dossier templates a committee loaded (validated before they were stored).
    pub custom_templates: RwSignal<Vec<CustomTemplate>>,
    /// The committee's content pack, validated before it was stored.
    pub committee_pack: RwSignal<Option<CommitteePack>>,
    /// Deletion markers (stored, exported and merged so deletions travel between phones).
    pub deletions: RwSignal<Vec<Deletion>>,
    /// Records found unreadable at start-up (kept in storage, listed for the user).
    pub load_problems: RwSignal<Vec<UnreadableKey>>,
    /// Set when the stored data comes from a newer app version: then nothing is written.
    pub blocked: RwSignal<Option<String>>,
    /// Records whose latest change the browser refused to store: shown (named) on every
    /// screen until each is written; retried at every later change.
    pub unsaved: RwSignal<Vec<Unsaved>>,
    /// When the last full backup file was made.
    pub last_backup: RwSignal<Option<Timestamp>>,
    /// True once every stored record is in the signals above. Until then only `chi_bo`,
    /// `members` and the meetings' heads are there, from the first screen's quick read: every
    /// other screen waits for [`Store::everything_read`].
    complete: RwSignal<bool>,
    /// True once Trang chủ can be shown: the quick read answered, or everything is read.
    first_screen_ready: RwSignal<bool>,
    /// The meetings' heads from the quick read, newest first (until `complete`).
    first_heads: RwSignal<Vec<MeetingHead>>,
    /// The entries read from localStorage at start-up, handed to the full read so the
    /// records are not read from the browser twice.
    startup_entries: StoredValue<Option<Vec<(String, String)>>>,
    /// True while the full read runs (its first caller reads; the others wait).
    reading: StoredValue<bool>,
    /// Callers waiting for the full read under way.
    waiting: StoredValue<Vec<js_sys::Function>, LocalStorage>,
}

/// Reading every stored record, for the screens after the first: its code (the domain's
/// full reader with its migrations, validation and messages) is most of what a start-up
/// would otherwise download and compile, so it lives in a module of its own.
#[allow(improper_ctypes, improper_ctypes_definitions)]
mod records {
    use super::Store;
    crate::split::split_fn!(store_records, fn read_everything(store: Store) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> {
        Box::pin(store.finish_reading())
    });
    crate::split::split_fn!(store_records, fn take_other_tab_change(store: Store, key_name: Option<String>) -> () {
        store.take_other_tab_change(key_name)
    });
}

/// What start-up read before the app is mounted: the stored entries (handed on to the full
/// read, so the records are not read from the browser twice) and, when the quick read could
/// answer, what Trang chủ shows.
pub struct StartRead {
    entries: Vec<(String, String)>,
    first: Option<FirstScreen>,
}

impl StartRead {
    /// Finishes an import cut short by a closed tab and drops an expired safety copy (before
    /// anything is read), then reads what the first screen shows, entry by entry in slices:
    /// ten years of meetings' heads would otherwise be one long task at start-up.
    pub async fn read() -> StartRead {
        let span = crate::timing::begin(crate::timing::READ_FIRST_SCREEN);
        StartRead::prepare_storage();
        let texts = crate::timing::begin(crate::timing::STORED_TEXTS);
        let entries = storage::record_entries_in_slices().await;
        texts.end();
        let mut reader = FirstScreenReader::new(&entries);
        let mut slices = Slices::start();
        while reader.read_next(&entries) {
            slices.pause_if_due().await;
        }
        span.end();
        StartRead { first: reader.finish(), entries }
    }

    /// [`StartRead::read`] in one go (component tests mount the app directly).
    pub fn read_now() -> StartRead {
        let entries = StartRead::entries();
        StartRead { first: read_first_screen(&entries), entries }
    }

    fn entries() -> Vec<(String, String)> {
        StartRead::prepare_storage();
        storage::record_entries()
    }

    /// What must happen before anything is read: an import cut short by a closed tab is
    /// finished, an expired safety copy dropped.
    fn prepare_storage() {
        storage::finish_interrupted_change();
        storage::drop_expired_snapshot(clock::now());
    }
}

impl Store {
    /// Provides the store to the whole app with what start-up read, and reads every other
    /// record just after the first screen is painted (`everything_read`).
    pub fn install(start: StartRead) -> Store {
        let store = Store::empty();
        store.last_backup.set(storage::read(&Key::LastBackup).ok().flatten());
        let StartRead { entries, first } = start;
        if let Some(first) = first {
            store.show_first_screen(first);
        }
        store.startup_entries.set_value(Some(entries));
        provide_context(store);
        store.follow_other_tabs();
        leptos::task::spawn_local(async move {
            let _ = store.everything_read().await;
        });
        store
    }

    /// The chi bộ, members and meetings' heads from the quick read (when it could not answer,
    /// Trang chủ says "Đang mở…" until everything is read).
    fn show_first_screen(&self, FirstScreen { chi_bo, mut members, mut meetings }: FirstScreen) {
        sort_members(&mut members);
        meetings.sort_by(|a, b| b.chronological_key().cmp(&a.chronological_key()));
        self.chi_bo.set(chi_bo);
        self.members.set(members);
        self.first_heads.set(meetings);
        self.first_screen_ready.set(true);
    }

    /// Waits until every stored record is in the store. The first caller reads them (in the
    /// module of their own, in slices), after the first screen is painted: asking for that
    /// module means some sixty fetches through the service worker, which would otherwise run
    /// before the paint (Trang chủ's score line asks at once); later callers wait for it.
    /// With nothing stored (a first visit) there is nothing to read and no module to fetch.
    /// Fails only when the module cannot be fetched.
    pub async fn everything_read(self) -> Result<(), ModuleLoadFailed> {
        if self.complete.get_untracked() {
            return Ok(());
        }
        if self.startup_entries.with_value(|entries| entries.as_ref().is_some_and(Vec::is_empty)) {
            self.startup_entries.set_value(None);
            self.read_nothing_stored();
            return Ok(());
        }
        next_paint_or_a_second().await;
        if self.complete.get_untracked() {
            return Ok(());
        }
        if self.reading.get_value() {
            self.until_read().await;
            return if self.complete.get_untracked() { Ok(()) } else { Err(ModuleLoadFailed) };
        }
        self.reading.set_value(true);
        let read = match records::read_everything(self).await {
            Ok(reading) => {
                reading.await;
                Ok(())
            }
            Err(failed) => Err(failed),
        };
        self.reading.set_value(false);
        self.waiting.update_value(|waiting| waiting.drain(..).for_each(|wake| drop(wake.call0(&JsValue::NULL))));
        read
    }

    /// Resolves when the read under way ends (read or failed).
    async fn until_read(self) {
        let promise = js_sys::Promise::new(&mut |resolve, _reject| self.waiting.update_value(|waiting| waiting.push(resolve)));
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// Nothing was stored at start-up: the store is complete as it is (empty).
    fn read_nothing_stored(&self) {
        self.complete.set(true);
        self.first_screen_ready.set(true);
        self.first_heads.set(Vec::new());
    }

    /// The full read, once: of the entries kept from start-up, key by key in slices (ten
    /// years are a quarter of a second of a slow phone's time), then into the signals at once.
    async fn finish_reading(self) {
        if self.complete.get_untracked() {
            return;
        }
        let span = crate::timing::begin(crate::timing::LOAD_STORE);
        let entries = self.startup_entries.try_update_value(Option::take).flatten().unwrap_or_else(storage::record_entries);
        let upgrade = layout_upgrade(&entries);
        let stored = match StorageReader::new(entries) {
            Ok(mut reader) => {
                let mut slices = Slices::start();
                while reader.read_next() {
                    slices.pause_if_due().await;
                }
                Ok(reader.finish())
            }
            Err(error) => Err(error),
        };
        // Another tab's change or an import may have read everything meanwhile: theirs is newer.
        if !self.complete.get_untracked() {
            self.take_stored(stored, upgrade);
        }
        span.end();
    }

    /// True once Trang chủ has what it shows (tracked).
    pub fn first_screen_ready(&self) -> bool {
        self.first_screen_ready.get()
    }

    /// The newest meeting's head (tracked): from the full records once they are read.
    pub fn latest_meeting(&self) -> Option<MeetingHead> {
        if self.complete.get() {
            self.meetings.with(|meetings| meetings.first().map(MeetingHead::of))
        } else {
            self.first_heads.with(|heads| heads.first().cloned())
        }
    }

    /// Every meeting's head, newest first (tracked): from the full records once they are read.
    pub fn meeting_heads(&self) -> Vec<MeetingHead> {
        if self.complete.get() {
            self.meetings.with(|meetings| meetings.iter().map(MeetingHead::of).collect())
        } else {
            self.first_heads.get()
        }
    }

    fn empty() -> Store {
        Store {
            chi_bo: RwSignal::new(None),
            members: RwSignal::new(Vec::new()),
            meetings: RwSignal::new(Vec::new()),
            plans: RwSignal::new(Vec::new()),
            dues_rules: RwSignal::new(None),
            dues_profiles: RwSignal::new(Vec::new()),
            dues_payments: RwSignal::new(Vec::new()),
            marks: RwSignal::new(Vec::new()),
            custom_frameworks: RwSignal::new(Vec::new()),
            reviews: RwSignal::new(Vec::new()),
            custom_templates: RwSignal::new(Vec::new()),
            committee_pack: RwSignal::new(None),
            deletions: RwSignal::new(Vec::new()),
            load_problems: RwSignal::new(Vec::new()),
            blocked: RwSignal::new(None),
            unsaved: RwSignal::new(Vec::new()),
            last_backup: RwSignal::new(None),
            complete: RwSignal::new(false),
            first_screen_ready: RwSignal::new(false),
            first_heads: RwSignal::new(Vec::new()),
            startup_entries: StoredValue::new(None),
            reading: StoredValue::new(false),
            waiting: StoredValue::new_local(Vec::new()),
        }
    }

    /// A store of another chi bộ's records (one of the đảng ủy's collection), for showing
    /// them with the same components, read only: not provided as the app's store, never
    /// written to storage (the screens that show it call no saving method).
    pub fn detached(data: Dataset) -> Store {
        let store = Store::empty();
        let Dataset { chi_bo, mut members, mut meetings, mut plans, frameworks, dues_rules, dues_profiles, dues_payments, .. } = data;
        sort_members(&mut members);
        sort_meetings(&mut meetings);
        sort_plans(&mut plans);
        store.dues_rules.set(dues_rules);
        store.dues_profiles.set(dues_profiles);
        store.dues_payments.set(dues_payments);
        store.chi_bo.set(chi_bo);
        store.members.set(members);
        store.meetings.set(meetings);
        store.plans.set(plans);
        store.custom_frameworks.set(frameworks);
        store.complete.set(true);
        store.first_screen_ready.set(true);
        store
    }

    /// The framework `id` as this store's chi bộ has it: its committee's own first, then the
    /// built-in ones. (The app's own store registers its committee frameworks globally, see
    /// [`framework`]; a detached store's stay its own.)
    pub fn framework_for(&self, id: &str) -> Option<Framework> {
        let own = self.custom_frameworks.with_untracked(|custom| custom.iter().find(|c| c.framework.id == id).map(|c| c.framework.clone()));
        own.or_else(|| builtin_frameworks().iter().find(|framework| framework.id == id).cloned())
    }

    /// (Re)reads every record through the domain's layout reader, which reports
    /// unreadable keys instead of failing and refuses a layout newer than this app.
    pub fn reload_everything(&self) {
        self.read_entries(storage::record_entries());
    }

    /// Takes the entries: their texts are freed as their records are read.
    fn read_entries(&self, entries: Vec<(String, String)>) {
        // Nothing (at once) for the current layout; an older one's writes are known before
        // the entries move into the reading.
        let upgrade = layout_upgrade(&entries);
        self.take_stored(read_storage_owned(entries), upgrade);
    }

    /// Puts what the full reader read into the signals.
    fn take_stored(&self, stored: Result<StoredData, MigrationError>, upgrade: Option<LayoutUpgrade>) {
        match stored {
            Ok(stored) => {
                // An older layout is written as this app's (the next start then reads only
                // what Trang chủ shows). Refused (storage full): read the same way next time.
                if let Some(upgrade) = upgrade {
                    let _ = storage::apply_changes(&upgrade.writes, &upgrade.removes);
                }
                let problems = stored
                    .unreadable()
                    .map(|report| UnreadableKey { key: report.key.clone(), problem: report.problem.as_ref().map(ToString::to_string).unwrap_or_default() })
                    .collect();
                self.set_dataset(stored.dataset);
                self.load_problems.set(problems);
                self.blocked.set(None);
            }
            Err(error) => {
                self.set_dataset(Dataset::default());
                self.blocked.set(Some(error.to_string()));
            }
        }
        self.complete.set(true);
        self.first_screen_ready.set(true);
        self.first_heads.set(Vec::new());
    }

    fn set_dataset(&self, data: Dataset) {
        let Dataset {
            chi_bo, mut members, mut meetings, mut plans, reviews, marks, frameworks, templates, committee_pack, dues_rules, dues_profiles, dues_payments, deletions,
        } = data;
        self.dues_rules.set(dues_rules);
        self.dues_profiles.set(dues_profiles);
        self.dues_payments.set(dues_payments);
        sort_members(&mut members);
        sort_meetings(&mut meetings);
        sort_plans(&mut plans);
        self.plans.set(plans);
        register_custom_frameworks(&frameworks);
        keep_custom_frameworks(&frameworks);
        self.chi_bo.set(chi_bo);
        self.members.set(members);
        self.meetings.set(meetings);
        self.marks.set(marks);
        self.custom_frameworks.set(frameworks);
        self.reviews.set(reviews);
        self.custom_templates.set(templates);
        self.committee_pack.set(committee_pack);
        self.deletions.set(deletions);
    }

    /// Lends everything as one dataset without copying it, for reading a file against it,
    /// merging and export: ten years are megabytes, and the wasm memory never gives back
    /// what a copy took. The records move out of their signals for the call and back after
    /// it, untracked and unnoticed: `read` is plain computation (the domain's functions), so
    /// no effect or view runs while the signals are empty.
    pub fn with_dataset<R>(&self, read: impl FnOnce(&Dataset) -> R) -> R {
        fn take<T: Default + Send + Sync + 'static>(signal: RwSignal<T>) -> T {
            signal.try_update_untracked(std::mem::take).unwrap_or_default()
        }
        fn put_back<T: Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
            signal.try_update_untracked(|slot| *slot = value);
        }
        let data = Dataset {
            chi_bo: take(self.chi_bo),
            members: take(self.members),
            meetings: take(self.meetings),
            plans: take(self.plans),
            reviews: take(self.reviews),
            marks: take(self.marks),
            frameworks: take(self.custom_frameworks),
            templates: take(self.custom_templates),
            committee_pack: take(self.committee_pack),
            dues_rules: take(self.dues_rules),
            dues_profiles: take(self.dues_profiles),
            dues_payments: take(self.dues_payments),
            deletions: take(self.deletions),
        };
        let result = read(&data);
        let Dataset { chi_bo, members, meetings, plans, reviews, marks, frameworks, templates, committee_pack, dues_rules, dues_profiles, dues_payments, deletions } = data;
        put_back(self.dues_rules, dues_rules);
        put_back(self.dues_profiles, dues_profiles);
        put_back(self.dues_payments, dues_payments);
        put_back(self.plans, plans);
        put_back(self.chi_bo, chi_bo);
        put_back(self.members, members);
        put_back(self.meetings, meetings);
        put_back(self.reviews, reviews);
        put_back(self.marks, marks);
        put_back(self.custom_frameworks, frameworks);
        put_back(self.custom_templates, templates);
        put_back(self.committee_pack, committee_pack);
        put_back(self.deletions, deletions);
        result
    }

    /// Everything as one dataset, a copy of its own (undoing an import keeps one across
    /// the reload); [`Store::with_dataset`] where a look is enough.
    pub fn dataset(&self) -> Dataset {
        self.with_dataset(Dataset::clone)
    }

    /// Remembers that a full backup was just made.
    pub fn backed_up(&self, at: Timestamp) {
        let _ = storage::write(&Key::LastBackup, &at);
        self.last_backup.set(Some(at));
    }

    /// Writes one record, unless the stored data is from a newer app version. A refused
    /// write is remembered for its record (named, shown on every screen) and tried again at
    /// the next change; it is forgotten only once that record is written.
    fn write<T: serde::Serialize>(&self, key: &Key, value: &T) -> bool {
        if self.blocked.with_untracked(Option::is_some) {
            return false;
        }
        self.retry_unsaved();
        let Ok(text) = serde_json::to_string(value) else { return false };
        let name = key.name();
        let written = storage::write_text(&name, &text).is_ok();
        if written {
            self.forget_unsaved(&name);
        } else {
            let what = describe(key, &text);
            self.unsaved.update(|all| {
                all.retain(|unsaved| unsaved.key != name);
                all.push(Unsaved { key: name, what, text });
            });
        }
        written
    }

    /// Tries again every refused write; returns whether none is left.
    pub fn retry_unsaved(&self) -> bool {
        let pending = self.unsaved.get_untracked();
        if pending.is_empty() {
            return true;
        }
        let left: Vec<Unsaved> = pending.into_iter().filter(|unsaved| storage::write_text(&unsaved.key, &unsaved.text).is_err()).collect();
        let none_left = left.is_empty();
        if self.unsaved.with_untracked(|all| all.len() != left.len()) {
            self.unsaved.set(left);
        }
        none_left
    }

    /// The record at `name` is stored (or removed, or replaced by another tab's copy): its
    /// refused write, if any, is no longer pending.
    fn forget_unsaved(&self, name: &str) {
        if self.unsaved.with_untracked(|all| all.iter().any(|unsaved| unsaved.key == name)) {
            self.unsaved.update(|all| all.retain(|unsaved| unsaved.key != name));
        }
    }

    /// Whether the record stored under `key` has a change not yet stored (tracked).
    pub fn is_unsaved(&self, key: &Key) -> bool {
        let name = key.name();
        self.unsaved.with(|all| all.iter().any(|unsaved| unsaved.key == name))
    }

    /// Saves the chi bộ; returns whether it was stored.
    pub fn save_chi_bo(&self, mut chi_bo: ChiBo) -> bool {
        // After the stored copy's stamp even when this phone's clock is behind (the chi bộ
        // cannot be deleted: it has no marker).
        chi_bo.updated_at = change_moment(clock::now(), self.chi_bo.with_untracked(|c| c.as_ref().map(|c| c.updated_at)));
        let first_time = self.chi_bo.with_untracked(Option::is_none);
        let _ = self.write(&Key::SchemaVersion, &storage::SCHEMA_VERSION);
        let stored = self.write(&Key::ChiBo, &chi_bo);
        self.chi_bo.set(Some(chi_bo));
        if first_time {
            // The chi bộ's records start here: ask the browser to keep them.
            leptos::task::spawn_local(async {
                let _ = storage::request_persistence().await;
            });
        }
        stored
    }

    /// Another tab of the app writes the same storage: take its changes as they happen.
    fn follow_other_tabs(self) {
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            let key_name = event.key();
            leptos::task::spawn_local(async move {
                if self.everything_read().await.is_ok() {
                    let _ = records::take_other_tab_change(self, key_name).await;
                }
            });
        });
        // The store lives as long as the page.
        std::mem::forget(listener);
    }

    /// Another tab changed `key_name` (`None`: cleared everything).
    fn take_other_tab_change(&self, key_name: Option<String>) {
        match key_name {
            None => self.reload_everything(),
            Some(name) => {
                if let Some(key) = Key::from_name(&name) {
                    self.reload(key);
                }
            }
        }
    }

    fn reload(&self, key: Key) {
        // Another tab's copy supersedes a change this tab could not store.
        self.forget_unsaved(&key.name());
        match &key {
            Key::ChiBo => self.chi_bo.set(storage::read(&key).ok().flatten()),
            // Records whose layout only the domain reader knows: read everything again.
            Key::CommitteePack | Key::Framework(_) | Key::DossierTemplate(_) | Key::DuesRules | Key::Deletion(_) => self.reload_everything(),
            Key::DuesProfile(id) => {
                let stored = storage::read::<DuesProfile>(&key).ok().flatten();
                self.dues_profiles.update(|profiles| replace_or_remove(profiles, id, stored, |p| &p.id));
            }
            Key::DuesPayment(id) => {
                let stored = storage::read::<DuesPayment>(&key).ok().flatten();
                self.dues_payments.update(|payments| replace_or_remove(payments, id, stored, |p| &p.id));
            }
            Key::Review(id) => {
                let stored = storage::read::<YearReview>(&key).ok().flatten();
                self.reviews.update(|reviews| replace_or_remove(reviews, id, stored, |r| &r.id));
            }
            Key::Member(id) => {
                let stored = storage::read::<Member>(&key).ok().flatten();
                self.members.update(|members| {
                    replace_or_remove(members, id, stored, |m| &m.id);
                    sort_members(members);
                });
            }
            Key::Meeting(id) => {
                let stored = storage::read::<Meeting>(&key).ok().flatten();
                self.meetings.update(|meetings| {
                    replace_or_remove(meetings, id, stored, |m| &m.id);
                    sort_meetings(meetings);
                });
            }
            Key::Plan(id) => {
                let stored = storage::read::<MeetingPlan>(&key).ok().flatten();
                self.plans.update(|plans| {
                    replace_or_remove(plans, id, stored, |p| &p.id);
                    sort_plans(plans);
                });
            }
            Key::Mark(id) => {
                let stored = storage::read::<HandbookMark>(&key).ok().flatten();
                self.marks.update(|marks| replace_or_remove(marks, id, stored, |m| &m.item_id));
            }
            Key::Settings | Key::SchemaVersion | Key::LastBackup => {}
        }
    }


    /// Saves a member edited from the copy stamped `based_on`, unless another tab saved a
    /// newer one meanwhile.
    /// `Ok` tells whether it was stored.
    pub fn save_member_from(&self, member: Member, based_on: Timestamp) -> Result<bool, NewerElsewhere<Member>> {
        let key = Key::Member(member.id.clone());
        if let Some(latest) = stored_is_newer::<Member>(&key, based_on, |m| m.updated_at) {
            self.reload(key);
            return Err(NewerElsewhere { latest });
        }
        Ok(self.save_member(member))
    }

    /// Saves a member (also one put back by "Hoàn tác" after `delete_member`: stamped after
    /// its deletion, whose marker goes).
    /// Returns whether it was stored (it is kept in memory either way, its refused write
    /// pending: see `unsaved`).
    pub fn save_member(&self, mut member: Member) -> bool {
        member.updated_at = self.stamp(DeletedKind::Member, &member.id, self.member(&member.id).map(|m| m.updated_at));
        let stored = self.write(&Key::Member(member.id.clone()), &member);
        if stored {
            self.clear_marker(DeletedKind::Member, &member.id);
        }
        self.members.update(|members| {
            upsert(members, member, |m| &m.id);
            sort_members(members);
        });
        stored
    }

    /// Saves a meeting changed from the copy stamped `based_on` (autosave on every change
    /// in the form), unless another tab saved a newer one meanwhile.
    pub fn save_meeting_from(&self, meeting: Meeting, based_on: Timestamp) -> Result<Meeting, NewerElsewhere<Meeting>> {
        let key = Key::Meeting(meeting.id.clone());
        if let Some(latest) = stored_is_newer::<Meeting>(&key, based_on, |m| m.updated_at) {
            self.reload(key);
            return Err(NewerElsewhere { latest });
        }
        Ok(self.save_meeting(meeting))
    }

    /// Saves a meeting as it is (a new draft, one just checked by `save_meeting_from`, or
    /// one put back by "Hoàn tác" after `delete_meeting`: stamped after its deletion, whose
    /// marker goes).
    pub fn save_meeting(&self, mut meeting: Meeting) -> Meeting {
        meeting.updated_at = self.stamp(DeletedKind::Meeting, &meeting.id, self.meeting(&meeting.id).map(|m| m.updated_at));
        if self.write(&Key::Meeting(meeting.id.clone()), &meeting) {
            self.clear_marker(DeletedKind::Meeting, &meeting.id);
        }
        let stored = meeting.clone();
        self.meetings.update(|meetings| {
            upsert(meetings, meeting, |m| &m.id);
            sort_meetings(meetings);
        });
        stored
    }

    /// Removes a meeting, leaving its deletion marker, and returns it so the caller can
    /// offer to undo (`save_meeting`, a newer edit).
    pub fn delete_meeting(&self, id: &str) -> Option<Meeting> {
        self.delete_from(self.meetings, DeletedKind::Meeting, id, Key::Meeting(id.to_owned()), |m| &m.id, |m| m.updated_at)
    }

    /// Saves a plan changed from the copy stamped `based_on` (autosave on every change in the
    /// form), unless another tab saved a newer one meanwhile.
    pub fn save_plan_from(&self, plan: MeetingPlan, based_on: Timestamp) -> Result<MeetingPlan, NewerElsewhere<MeetingPlan>> {
        let key = Key::Plan(plan.id.clone());
        if let Some(latest) = stored_is_newer::<MeetingPlan>(&key, based_on, |p| p.updated_at) {
            self.reload(key);
            return Err(NewerElsewhere { latest });
        }
        Ok(self.save_plan(plan))
    }

    /// Saves a plan as it is (a new one, one just checked by `save_plan_from`, or one put
    /// back by "Hoàn tác": stamped after its deletion, whose marker goes).
    pub fn save_plan(&self, mut plan: MeetingPlan) -> MeetingPlan {
        plan.updated_at = self.stamp(DeletedKind::Plan, &plan.id, self.plan(&plan.id).map(|p| p.updated_at));
        if self.write(&Key::Plan(plan.id.clone()), &plan) {
            self.clear_marker(DeletedKind::Plan, &plan.id);
        }
        let stored = plan.clone();
        self.plans.update(|plans| {
            upsert(plans, plan, |p| &p.id);
            sort_plans(plans);
        });
        stored
    }

    /// Removes a plan, leaving its deletion marker, and returns it so the caller can offer to
    /// undo. A meeting made from it keeps its own copy of what it took.
    pub fn delete_plan(&self, id: &str) -> Option<MeetingPlan> {
        self.delete_from(self.plans, DeletedKind::Plan, id, Key::Plan(id.to_owned()), |p| &p.id, |p| p.updated_at)
    }

    /// The plan `id`, untracked.
    pub fn plan(&self, id: &str) -> Option<MeetingPlan> {
        self.plans.with_untracked(|plans| plans.iter().find(|p| p.id == id).cloned())
    }

    /// How many meetings name the member `id` (roll call, chair, secretary, speakers, tasks).
    pub fn meetings_naming(&self, id: &str) -> usize {
        self.meetings.with_untracked(|meetings| meetings.iter().filter(|m| m.names_member(id)).count())
    }

    /// Removes a member record created by mistake (one no meeting names: the caller checks
    /// `meetings_naming`), leaving its deletion marker; returns it so the caller can offer
    /// to undo (`save_member`, a newer edit).
    pub fn delete_member(&self, id: &str) -> Option<Member> {
        self.delete_from(self.members, DeletedKind::Member, id, Key::Member(id.to_owned()), |m| &m.id, |m| m.updated_at)
    }

    /// Saves a bookmark / note; one that holds nothing any more is removed, leaving its
    /// deletion marker (so the removal travels with the files).
    pub fn save_mark(&self, mut mark: HandbookMark) {
        let previous = self.marks.with_untracked(|marks| marks.iter().find(|m| m.item_id == mark.item_id).map(|m| m.updated_at));
        let key = Key::Mark(mark.item_id.clone());
        if mark.is_empty() {
            // Nothing stored: nothing to delete.
            if let Some(last_edit) = previous {
                if self.remove_record(DeletedKind::Mark, &mark.item_id, last_edit, key) {
                    self.marks.update(|marks| marks.retain(|m| m.item_id != mark.item_id));
                }
            }
            return;
        }
        mark.updated_at = self.stamp(DeletedKind::Mark, &mark.item_id, previous);
        if self.write(&key, &mark) {
            self.clear_marker(DeletedKind::Mark, &mark.item_id);
            self.marks.update(|marks| upsert(marks, mark, |m| &m.item_id));
        }
    }

    pub fn mark(&self, item_id: &str) -> Option<HandbookMark> {
        self.marks.with(|marks| marks.iter().find(|m| m.item_id == item_id).cloned())
    }

    /// Saves a dues payment (a new one, an edited one, or one put back by "Hoàn tác": stamped
    /// after its deletion, whose marker goes). Returns it as stored, or `None` when storage
    /// refused it (kept in memory, its write pending: see `unsaved`).
    pub fn save_dues_payment(&self, payment: DuesPayment) -> Option<DuesPayment> {
        let key = Key::DuesPayment(payment.id.clone());
        self.save_dues_record(self.dues_payments, DeletedKind::DuesPayment, payment, key, |p| &p.id, |p| &mut p.updated_at)
    }

    /// Removes a dues payment (recorded by mistake, or a tick taken back), leaving its
    /// deletion marker; returns it so the caller can offer to undo.
    pub fn delete_dues_payment(&self, id: &str) -> Option<DuesPayment> {
        self.delete_from(self.dues_payments, DeletedKind::DuesPayment, id, Key::DuesPayment(id.to_owned()), |p| &p.id, |p| p.updated_at)
    }

    /// Saves a member's dues profile (its id is the member's). `None` when storage refused it.
    pub fn save_dues_profile(&self, mut profile: DuesProfile) -> Option<DuesProfile> {
        profile.id = profile.member_id.clone();
        let key = Key::DuesProfile(profile.id.clone());
        self.save_dues_record(self.dues_profiles, DeletedKind::DuesProfile, profile, key, |p| &p.id, |p| &mut p.updated_at)
    }

    /// Stamps a dues record after its last event, writes it, clears its marker and puts it in
    /// `records`; the record as stored, or `None` when the write was refused.
    fn save_dues_record<T: Clone + serde::Serialize + Send + Sync + 'static>(
        &self,
        records: RwSignal<Vec<T>>,
        kind: DeletedKind,
        mut record: T,
        key: Key,
        id_of: fn(&T) -> &String,
        updated_at: fn(&mut T) -> &mut Timestamp,
    ) -> Option<T> {
        let id = id_of(&record).clone();
        let previous = records.with_untracked(|all| all.iter().find(|r| *id_of(r) == id).cloned()).map(|mut r| *updated_at(&mut r));
        *updated_at(&mut record) = self.stamp(kind, &id, previous);
        let stored = self.write(&key, &record);
        if stored {
            self.clear_marker(kind, &id);
        }
        let saved = record.clone();
        records.update(|all| upsert(all, record, id_of));
        stored.then_some(saved)
    }

    /// Stores the dues rule a committee issued (already validated by the caller), or reverts
    /// to the built-in rule with `None`, leaving the removed rule's deletion marker. Returns
    /// whether it was stored.
    pub fn save_dues_rules(&self, rules: Option<DuesRules>) -> bool {
        let previous = self.dues_rules.get_untracked();
        let Some(rules) = rules else {
            let Some(previous) = previous else { return true };
            let removed = self.remove_record(DeletedKind::DuesRules, &previous.rules.id, previous.updated_at, Key::DuesRules);
            if removed {
                self.dues_rules.set(None);
            }
            return removed;
        };
        let updated_at = self.stamp(DeletedKind::DuesRules, &rules.id, previous.map(|p| p.updated_at));
        let record = CommitteeDuesRules { updated_at, rules };
        if !self.write(&Key::DuesRules, &record) {
            return false;
        }
        self.clear_marker(DeletedKind::DuesRules, &record.rules.id);
        self.dues_rules.set(Some(record));
        true
    }

    /// Stores a committee pack (already validated by the caller), or reverts to the
    /// built-in pack with `None`, leaving the removed pack's deletion marker. Returns
    /// whether it was stored.
    pub fn set_committee_pack(&self, pack: Option<Pack>) -> bool {
        let previous = self.committee_pack.get_untracked();
        let Some(pack) = pack else {
            let Some(previous) = previous else { return true };
            let removed = self.remove_record(DeletedKind::CommitteePack, &previous.pack.id, previous.updated_at, Key::CommitteePack);
            if removed {
                self.committee_pack.set(None);
            }
            return removed;
        };
        let updated_at = self.stamp(DeletedKind::CommitteePack, &pack.id, previous.map(|p| p.updated_at));
        let record = CommitteePack { updated_at, pack };
        if !self.write(&Key::CommitteePack, &record) {
            return false;
        }
        self.clear_marker(DeletedKind::CommitteePack, &record.pack.id);
        self.committee_pack.set(Some(record));
        true
    }

    /// Stores a framework a committee issued (already validated by the caller), replacing
    /// one with the same id (or putting back one removed by `delete_custom_framework`, as
    /// a newer edit). Returns whether it was stored.
    pub fn save_custom_framework(&self, framework: Framework) -> bool {
        let previous = self.custom_framework(&framework.id).map(|custom| custom.updated_at);
        let record = CustomFramework { updated_at: self.stamp(DeletedKind::Framework, &framework.id, previous), framework };
        if !self.write(&Key::Framework(record.framework.id.clone()), &record) {
            return false;
        }
        self.clear_marker(DeletedKind::Framework, &record.framework.id);
        register_custom_frameworks(std::slice::from_ref(&record));
        self.custom_frameworks.update(|frameworks| upsert(frameworks, record, |custom| &custom.framework.id));
        true
    }

    /// Removes a committee framework (one neither the chi bộ nor a meeting uses: the
    /// caller checks), leaving its deletion marker; returns it so the caller can offer to
    /// undo (`save_custom_framework`).
    pub fn delete_custom_framework(&self, id: &str) -> Option<CustomFramework> {
        let key = Key::Framework(id.to_owned());
        let removed = self.delete_from(self.custom_frameworks, DeletedKind::Framework, id, key, |c| &c.framework.id, |c| c.updated_at)?;
        self.custom_frameworks.with_untracked(|frameworks| keep_custom_frameworks(frameworks));
        Some(removed)
    }

    /// The review of `year`, if started.
    pub fn review(&self, year: i32) -> Option<YearReview> {
        self.reviews.with_untracked(|reviews| reviews.iter().find(|r| r.year == year).cloned())
    }

    /// Saves a review changed from the copy stamped `based_on` (autosave on every change),
    /// unless another tab saved a newer one meanwhile.
    pub fn save_review_from(&self, review: YearReview, based_on: Timestamp) -> Result<YearReview, NewerElsewhere<YearReview>> {
        let key = Key::Review(review.id.clone());
        if let Some(latest) = stored_is_newer::<YearReview>(&key, based_on, |r| r.updated_at) {
            self.reload(key);
            return Err(NewerElsewhere { latest });
        }
        Ok(self.save_review(review))
    }

    /// Saves a review as it is, stamped after its last edit (or its deletion, whose marker
    /// goes).
    pub fn save_review(&self, mut review: YearReview) -> YearReview {
        let previous = self.reviews.with_untracked(|reviews| reviews.iter().find(|r| r.id == review.id).map(|r| r.updated_at));
        review.updated_at = self.stamp(DeletedKind::Review, &review.id, previous);
        if self.write(&Key::Review(review.id.clone()), &review) {
            self.clear_marker(DeletedKind::Review, &review.id);
        }
        let stored = review.clone();
        self.reviews.update(|reviews| upsert(reviews, review, |r| &r.id));
        stored
    }

    /// Removes a review (a draft: the caller offers it only then), leaving its deletion
    /// marker, and returns it so the caller can offer to undo (`save_review`, a newer edit).
    pub fn delete_review(&self, id: &str) -> Option<YearReview> {
        self.delete_from(self.reviews, DeletedKind::Review, id, Key::Review(id.to_owned()), |r| &r.id, |r| r.updated_at)
    }

    /// The dossier template of `id`: a committee's, or the built-in one (also for an id no
    /// longer loaded: the texts stay keyed by their section ids).
    pub fn dossier_template(&self, id: &str) -> DossierTemplate {
        self.custom_templates
            .with(|templates| templates.iter().find(|custom| custom.template.id == id).map(|custom| custom.template.clone()))
            .unwrap_or_else(DossierTemplate::builtin)
    }

    /// The template a new review is written against: the committee's latest loaded one,
    /// else the built-in.
    pub fn current_template(&self) -> DossierTemplate {
        self.custom_templates
            .with(|templates| templates.iter().max_by_key(|custom| custom.updated_at).map(|custom| custom.template.clone()))
            .unwrap_or_else(DossierTemplate::builtin)
    }

    /// Stores a dossier template a committee issued (validated by the caller), replacing
    /// one with the same id. Returns whether it was stored.
    pub fn save_custom_template(&self, template: DossierTemplate) -> bool {
        let previous = self.custom_templates.with_untracked(|all| all.iter().find(|c| c.template.id == template.id).map(|c| c.updated_at));
        let record = CustomTemplate { updated_at: self.stamp(DeletedKind::DossierTemplate, &template.id, previous), template };
        if !self.write(&Key::DossierTemplate(record.template.id.clone()), &record) {
            return false;
        }
        self.clear_marker(DeletedKind::DossierTemplate, &record.template.id);
        self.custom_templates.update(|all| upsert(all, record, |custom| &custom.template.id));
        true
    }

    /// Removes a committee's dossier template (one no other review is written against: the
    /// caller checks), leaving its deletion marker; returns it so the caller can offer to
    /// undo (`save_custom_template`).
    pub fn delete_custom_template(&self, id: &str) -> Option<CustomTemplate> {
        let key = Key::DossierTemplate(id.to_owned());
        self.delete_from(self.custom_templates, DeletedKind::DossierTemplate, id, key, |c| &c.template.id, |c| c.updated_at)
    }

    fn custom_framework(&self, id: &str) -> Option<CustomFramework> {
        self.custom_frameworks.with_untracked(|frameworks| frameworks.iter().find(|custom| custom.framework.id == id).cloned())
    }

    /// The moment to stamp a change of the record `kind`/`id` whose last edit was `last_edit`
    /// (`None`: a new record): now, or just after its latest event (edit or deletion) when
    /// the clock is behind it, so the change wins wherever it travels.
    fn stamp(&self, kind: DeletedKind, id: &str, last_edit: Option<Timestamp>) -> Timestamp {
        let deleted = self.deletions.with_untracked(|all| all.iter().find(|marker| marker.is_of(kind, id)).map(|marker| marker.deleted_at));
        change_moment(clock::now(), last_edit.max(deleted))
    }

    /// Deletes the record `id` of `records` (stored under `key`) with `remove_record`, then
    /// drops it from the signal; returns it for an undo, or `None` (nothing removed) when it is
    /// not there or its marker cannot be written.
    fn delete_from<T: Clone + Send + Sync + 'static>(
        &self,
        records: RwSignal<Vec<T>>,
        kind: DeletedKind,
        id: &str,
        key: Key,
        id_of: fn(&T) -> &String,
        last_edit: fn(&T) -> Timestamp,
    ) -> Option<T> {
        let removed = records.with_untracked(|all| all.iter().find(|record| id_of(record) == id).cloned())?;
        if !self.remove_record(kind, id, last_edit(&removed), key) {
            return None;
        }
        records.update(|all| all.retain(|record| id_of(record) != id));
        Some(removed)
    }

    /// Deletes a stored record: its deletion marker is written first (one `setItem`,
    /// stamped after the record's last edit), then the record's key removed. Returns
    /// false, removing nothing, when the marker cannot be written.
    fn remove_record(&self, kind: DeletedKind, id: &str, last_edit: Timestamp, key: Key) -> bool {
        let marker = Deletion { kind, id: id.to_owned(), deleted_at: self.stamp(kind, id, Some(last_edit)) };
        if !self.write(&storage::marker_key(&marker), &marker) {
            return false;
        }
        self.forget_unsaved(&key.name());
        storage::remove(&key);
        self.deletions.update(|all| {
            all.retain(|old| !old.is_of(kind, id));
            all.push(marker);
        });
        true
    }

    /// A record of `kind`/`id` was just written: its deletion marker, if any, goes (storage
    /// holds a record or its marker, never both).
    fn clear_marker(&self, kind: DeletedKind, id: &str) {
        let Some(marker) = self.deletions.with_untracked(|all| all.iter().find(|marker| marker.is_of(kind, id)).cloned()) else { return };
        storage::remove(&storage::marker_key(&marker));
        self.deletions.update(|all| all.retain(|old| !old.is_of(kind, id)));
    }

    /// How many meetings are scored with the framework `id` (their scores follow it).
    pub fn meetings_scored_with(&self, id: &str) -> usize {
        let uses = |m: &Meeting| m.own_sheet.framework_id == id || m.superior_sheet.as_ref().is_some_and(|sheet| sheet.framework_id == id);
        self.meetings.with_untracked(|meetings| meetings.iter().filter(|m| uses(m)).count())
    }

    pub fn meeting(&self, id: &str) -> Option<Meeting> {
        self.meetings.with_untracked(|meetings| meetings.iter().find(|m| m.id == id).cloned())
    }

    pub fn member(&self, id: &str) -> Option<Member> {
        self.members.with_untracked(|members| members.iter().find(|m| m.id == id).cloned())
    }

    /// The name shown for a member id (ids of removed members show as unknown).
    pub fn member_name(&self, id: &str) -> String {
        self.members
            .with(|members| members.iter().find(|m| m.id == id).map(|m| m.name.clone()))
            .unwrap_or_else(|| crate::text::meetings::UNKNOWN_MEMBER.to_owned())
    }
}

/// How the user knows the record stored under `key`, from the text that was to be written.
fn describe(key: &Key, text: &str) -> String {
    use crate::text::storage_problems as words;
    match key {
        Key::ChiBo | Key::SchemaVersion => words::CHI_BO.to_owned(),
        Key::Meeting(_) => serde_json::from_str::<Meeting>(text).map_or_else(|_| words::A_MEETING.to_owned(), |m| words::meeting(m.date)),
        Key::Member(_) => serde_json::from_str::<Member>(text).map_or_else(|_| words::A_MEMBER.to_owned(), |m| words::member(&m.name)),
        Key::Plan(_) => serde_json::from_str::<MeetingPlan>(text).map_or_else(|_| words::A_PLAN.to_owned(), |p| words::plan(p.date)),
        Key::Review(_) => serde_json::from_str::<YearReview>(text).map_or_else(|_| words::A_REVIEW.to_owned(), |r| words::review(r.year)),
        Key::Mark(_) => words::MARK.to_owned(),
        Key::Framework(_) => words::FRAMEWORK.to_owned(),
        Key::DossierTemplate(_) => words::TEMPLATE.to_owned(),
        Key::CommitteePack => words::PACK.to_owned(),
        Key::DuesRules => words::DUES_RULES.to_owned(),
        Key::DuesProfile(_) => words::DUES_PROFILE.to_owned(),
        Key::DuesPayment(_) => words::DUES_PAYMENT.to_owned(),
        Key::Deletion(_) => words::DELETION.to_owned(),
        Key::Settings | Key::LastBackup => words::SETTINGS.to_owned(),
    }
}

/// Resolves just after the browser has painted the next frame, or after a second where it
/// paints none (a tab in the background).
async fn next_paint_or_a_second() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let after_paint = resolve.clone();
        crate::ui::after_next_paint(move || drop(after_paint.call0(&wasm_bindgen::JsValue::NULL)));
        set_timeout(move || drop(resolve.call0(&wasm_bindgen::JsValue::NULL)), std::time::Duration::from_secs(1));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Built-in frameworks, parsed once.
fn builtin_frameworks() -> &'static [Framework] {
    thread_local! {
        static FRAMEWORKS: &'static [Framework] = Box::leak(builtin::all().into_boxed_slice());
    }
    FRAMEWORKS.with(|frameworks| *frameworks)
}

thread_local! {
    /// Frameworks a committee loaded. Kept for the page's life (rarely more than a few, and
    /// only re-added when their content changes) so screens can borrow them like built-ins.
    static CUSTOM_FRAMEWORKS: std::cell::RefCell<Vec<&'static Framework>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn register_custom_frameworks(loaded: &[CustomFramework]) {
    CUSTOM_FRAMEWORKS.with(|registry| {
        let mut registry = registry.borrow_mut();
        for custom in loaded {
            if registry.iter().any(|known| **known == custom.framework) {
                continue;
            }
            registry.retain(|known| known.id != custom.framework.id);
            registry.push(Box::leak(Box::new(custom.framework.clone())));
        }
    });
}

/// Forgets the committee frameworks no longer loaded (deleted here or by a merge).
fn keep_custom_frameworks(loaded: &[CustomFramework]) {
    CUSTOM_FRAMEWORKS.with(|registry| {
        registry.borrow_mut().retain(|known| loaded.iter().any(|custom| custom.framework.id == known.id));
    });
}

/// Every framework the app can score with: a committee's own first, then the built-in ones.
pub fn frameworks() -> Vec<&'static Framework> {
    let custom: Vec<&'static Framework> = CUSTOM_FRAMEWORKS.with(|registry| registry.borrow().clone());
    let builtins = builtin_frameworks().iter().filter(|builtin| !custom.iter().any(|c| c.id == builtin.id));
    custom.iter().copied().chain(builtins).collect()
}

/// One framework by id (a committee's own first), without listing them all: this runs
/// on every keystroke in the score sheet and for every row of the history.
pub fn framework(id: &str) -> Option<&'static Framework> {
    CUSTOM_FRAMEWORKS
        .with(|registry| registry.borrow().iter().copied().find(|framework| framework.id == id))
        .or_else(|| builtin_frameworks().iter().find(|framework| framework.id == id))
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

fn replace_or_remove<T>(records: &mut Vec<T>, id: &str, stored: Option<T>, id_of: impl Fn(&T) -> &String) {
    match stored {
        Some(record) => upsert(records, record, id_of),
        None => records.retain(|record| id_of(record) != id),
    }
}

fn upsert<T>(records: &mut Vec<T>, record: T, id_of: impl Fn(&T) -> &String) {
    match records.iter().position(|existing| id_of(existing) == id_of(&record)) {
        Some(index) => records[index] = record,
        None => records.push(record),
    }
}

/// Vietnamese order: by given name, then family name.
fn sort_members(members: &mut [Member]) {
    members.sort_by_cached_key(|member| sotay_domain::collate::name_key(&member.name));
}

/// Newest first, as the history shows them.
fn sort_plans(plans: &mut [MeetingPlan]) {
    plans.sort_by(|a, b| (b.date, &b.id).cmp(&(a.date, &a.id)));
}

fn sort_meetings(meetings: &mut [Meeting]) {
    meetings.sort_by(|a, b| b.chronological_key().cmp(&a.chronological_key()));
}
