//! The đảng ủy's collection in IndexedDB: 90 chi bộ × a year is about 15 MB, past what
//! localStorage holds (~5 MB per origin), so it lives in one object store of its own
//! database, `sotay-dang-uy`, under text keys (the layout is the domain's:
//! `sotay_domain::collection::entry`). The chi bộ's own records stay in localStorage.
//!
//! Values are UTF-8 bytes, as a `Uint8Array` or, for a chi bộ taken from one file, that
//! picked file itself (a `Blob`: the browser copies it into the database outside the page's
//! thread, with no copy through the wasm). A JS string would cost a UTF-8 decode on the way
//! in and an encode on the way out, and Chromium clones a string with Vietnamese letters at
//! two bytes a character — for the 31 MB of 90 chi bộ files that was about a second at 4× CPU.
//! Values stored as text by the first version (2026-12-01) are still read.
//!
//! Written by hand on web-sys rather than with `idb`, `rexie` or `indexed_db_futures`: the
//! collection needs four operations (read the pairs under a key prefix, read the keys
//! under one, read one, write many pairs and removals in one transaction) and each of those crates brings typed keys, cursors,
//! indexes and serde bridges we would not use; this module compiles into the đảng ủy's own
//! lazily loaded wasm module only (sizes: BENCHMARKS.md).

use js_sys::{Array, Promise};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "sotay-dang-uy";
/// Version 1: one object store of values (text, bytes or a blob of UTF-8) under text keys.
const DATABASE_VERSION: u32 = 1;
const STORE: &str = "collection";

/// Why the collection could not be read or written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CollectionStorageError {
    /// The browser has no IndexedDB (or refuses it here, e.g. some private windows).
    Unavailable,
    /// The browser's storage is full: the transaction was rolled back whole.
    Full,
    /// The database could not be opened because another tab of the app holds it open at
    /// another version (or the browser never answered): reload once the other tab closes.
    Blocked,
    /// Another tab opened a newer version of the database: this tab closed its connection
    /// and must be reloaded.
    ClosedForNewerVersion,
    /// Any other failure (the DOMException's name).
    Failed(String),
}

/// The event the window receives when this tab closes its connection for another tab's
/// newer version (the đảng ủy's screen then tells the user to reload).
pub const CLOSED_EVENT: &str = "sotay-collection-closed";

/// How long an open may wait for the browser before it is given up as blocked.
const OPEN_TIMEOUT_MS: i32 = 15_000;

fn failed(value: JsValue) -> CollectionStorageError {
    let name = value
        .dyn_ref::<web_sys::DomException>()
        .map(web_sys::DomException::name)
        .unwrap_or_else(|| value.as_string().unwrap_or_default());
    if name == "QuotaExceededError" {
        CollectionStorageError::Full
    } else {
        CollectionStorageError::Failed(name)
    }
}

thread_local! {
    /// The open connection, kept for the page's life: opening the database for each of 90
    /// files picked at once cost more than writing them.
    static CONNECTION: std::cell::RefCell<Option<IdbDatabase>> = const { std::cell::RefCell::new(None) };
    /// Set once this tab closed its connection for another tab's newer version.
    static CLOSED_FOR_NEWER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A transaction on the kept connection, reopened once if the browser closed it.
async fn begin(mode: IdbTransactionMode) -> Result<IdbTransaction, CollectionStorageError> {
    if CLOSED_FOR_NEWER.with(std::cell::Cell::get) {
        return Err(CollectionStorageError::ClosedForNewerVersion);
    }
    if let Some(database) = CONNECTION.with(|kept| kept.borrow().clone()) {
        if let Ok(transaction) = transaction(&database, mode) {
            return Ok(transaction);
        }
    }
    let database = open().await?;
    CONNECTION.with(|kept| *kept.borrow_mut() = Some(database.clone()));
    transaction(&database, mode)
}

/// Every key → value pair whose key starts with `prefix` (all of them for `""`), each value
/// as its UTF-8 bytes. A value that cannot be read is left out: its chi bộ is then listed as
/// unreadable, the others open.
pub async fn read_prefixed(prefix: &str) -> Result<Vec<(String, Vec<u8>)>, CollectionStorageError> {
    let store = begin(IdbTransactionMode::Readonly).await?.object_store(STORE).map_err(failed)?;
    let range = prefix_range(prefix)?;
    let keys = finished(&store.get_all_keys_with_key(&range).map_err(failed)?).await?;
    let values = finished(&store.get_all_with_key(&range).map_err(failed)?).await?;
    let keys: Array = keys.unchecked_into();
    let values: Array = values.unchecked_into();
    let mut pairs = Vec::new();
    for (key, value) in keys.iter().zip(values.iter()) {
        let Some(key) = key.as_string() else { continue };
        if let Some(bytes) = bytes_of(value).await {
            pairs.push((key, bytes));
        }
    }
    Ok(pairs)
}

/// The keys starting with `prefix`, without their values.
pub async fn keys_prefixed(prefix: &str) -> Result<Vec<String>, CollectionStorageError> {
    let store = begin(IdbTransactionMode::Readonly).await?.object_store(STORE).map_err(failed)?;
    let keys = finished(&store.get_all_keys_with_key(&prefix_range(prefix)?.into()).map_err(failed)?).await?;
    Ok(keys.unchecked_into::<Array>().iter().filter_map(|key| key.as_string()).collect())
}

/// One value's bytes; `None` when there is none (or it cannot be read back).
pub async fn read_one(key: &str) -> Result<Option<Vec<u8>>, CollectionStorageError> {
    let store = begin(IdbTransactionMode::Readonly).await?.object_store(STORE).map_err(failed)?;
    let value = finished(&store.get(&JsValue::from_str(key)).map_err(failed)?).await?;
    Ok(bytes_of(value).await)
}

/// Keys from `prefix` up to `prefix` followed by the highest character: exactly the keys
/// that start with it (the collection's keys are text).
fn prefix_range(prefix: &str) -> Result<web_sys::IdbKeyRange, CollectionStorageError> {
    let upper = format!("{prefix}\u{ffff}");
    web_sys::IdbKeyRange::bound(&JsValue::from_str(prefix), &JsValue::from_str(&upper)).map_err(failed)
}

/// A stored value's bytes: a blob or bytes as written now, or text as the first version
/// wrote it. `None` for a blob the browser cannot read back, or anything else.
async fn bytes_of(value: JsValue) -> Option<Vec<u8>> {
    if let Some(blob) = value.dyn_ref::<web_sys::Blob>() {
        let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
        return Some(js_sys::Uint8Array::new(&buffer).to_vec());
    }
    match value.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => Some(bytes.to_vec()),
        None => value.as_string().map(String::into_bytes),
    }
}

/// A value to write.
pub enum Stored<'a> {
    /// UTF-8 bytes from the wasm.
    Bytes(&'a [u8]),
    /// A picked file (its bytes already read and validated).
    File(&'a web_sys::File),
}

impl Stored<'_> {
    fn to_js(&self) -> JsValue {
        match self {
            Stored::Bytes(bytes) => js_sys::Uint8Array::from(*bytes).into(),
            Stored::File(file) => JsValue::from(*file),
        }
    }
}

/// Writes `writes` and removes `removes` in one transaction: all of it is stored, or (a
/// full disk, a closed tab) none of it.
pub async fn apply(writes: &[(String, Stored<'_>)], removes: &[String]) -> Result<(), CollectionStorageError> {
    let transaction = begin(IdbTransactionMode::Readwrite).await?;
    let store: IdbObjectStore = transaction.object_store(STORE).map_err(failed)?;
    match queue(&store, writes, removes) {
        Ok(()) => completed(&transaction).await,
        Err(error) => {
            let _ = transaction.abort();
            Err(error)
        }
    }
}

fn queue(store: &IdbObjectStore, writes: &[(String, Stored<'_>)], removes: &[String]) -> Result<(), CollectionStorageError> {
    for (key, value) in writes {
        store.put_with_key(&value.to_js(), &JsValue::from_str(key)).map_err(failed)?;
    }
    for key in removes {
        store.delete(&JsValue::from_str(key)).map_err(failed)?;
    }
    Ok(())
}

async fn open() -> Result<IdbDatabase, CollectionStorageError> {
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or(CollectionStorageError::Unavailable)?;
    let request = factory.open_with_u32(DATABASE, DATABASE_VERSION).map_err(|_| CollectionStorageError::Unavailable)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once(move || {
        if let Ok(database) = upgrading.result().and_then(|result| result.dyn_into::<IdbDatabase>()) {
            if !database.object_store_names().contains(STORE) {
                let _ = database.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    // Blocked (another tab holds the database at another version and does not close it) or
    // never answered: given up with a message, never an endless "Đang mở…".
    let blocked = Promise::new(&mut |_resolve, reject| {
        let on_blocked = Closure::once_into_js({
            let reject = reject.clone();
            move || drop(reject.call1(&JsValue::NULL, &JsValue::from_str(BLOCKED)))
        });
        request.set_onblocked(Some(on_blocked.unchecked_ref()));
        if let Some(window) = web_sys::window() {
            let on_timeout = Closure::once_into_js(move || drop(reject.call1(&JsValue::NULL, &JsValue::from_str(BLOCKED))));
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.unchecked_ref(), OPEN_TIMEOUT_MS);
        }
    });
    let opened = finished_promise(&request);
    let raced = JsFuture::from(Promise::race(&Array::of2(&opened, &blocked))).await;
    request.set_onupgradeneeded(None);
    request.set_onblocked(None);
    let database = match raced {
        Ok(database) => database.dyn_into::<IdbDatabase>().map_err(failed)?,
        Err(reason) if reason.as_string().as_deref() == Some(BLOCKED) => {
            // Should it open later after all, it is closed at once: this tab reports blocked.
            let late = request.clone();
            let close_late = Closure::once_into_js(move || {
                if let Ok(database) = late.result().and_then(|result| result.dyn_into::<IdbDatabase>()) {
                    database.close();
                }
            });
            request.set_onsuccess(Some(close_late.unchecked_ref()));
            return Err(CollectionStorageError::Blocked);
        }
        Err(reason) => return Err(failed(reason)),
    };
    close_for_newer_versions(&database);
    Ok(database)
}

/// The rejection reason of a blocked open.
const BLOCKED: &str = "sotay-blocked";

/// When another tab opens a newer version, this tab closes its connection (so that tab is
/// not blocked), stops using the database and tells the page.
fn close_for_newer_versions(database: &IdbDatabase) {
    let closing = database.clone();
    let on_version_change = Closure::once_into_js(move || {
        closing.close();
        CONNECTION.with(|kept| *kept.borrow_mut() = None);
        CLOSED_FOR_NEWER.with(|closed| closed.set(true));
        if let Some(window) = web_sys::window() {
            if let Ok(event) = web_sys::Event::new(CLOSED_EVENT) {
                let _ = window.dispatch_event(&event);
            }
        }
    });
    database.set_onversionchange(Some(on_version_change.unchecked_ref()));
}

fn transaction(database: &IdbDatabase, mode: IdbTransactionMode) -> Result<IdbTransaction, CollectionStorageError> {
    database.transaction_with_str_and_mode(STORE, mode).map_err(failed)
}

/// The request's result once it succeeds.
async fn finished(request: &IdbRequest) -> Result<JsValue, CollectionStorageError> {
    JsFuture::from(finished_promise(request)).await.map_err(failed)
}

/// A promise of the request's result.
fn finished_promise(request: &IdbRequest) -> Promise {
    Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failing = request.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failing.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    })
}

/// Resolves when the transaction is committed; an abort (quota, error) is an error.
async fn completed(transaction: &IdbTransaction) -> Result<(), CollectionStorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let aborted = transaction.clone();
        let on_abort = Closure::once_into_js(move || {
            let error = aborted.error().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        // An error inside a transaction aborts it; `abort` fires either way.
        transaction.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(failed)
}
