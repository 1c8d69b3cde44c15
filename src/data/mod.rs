//! Dữ liệu: whether the browser keeps the data, space used, backups (download or share),
//! import with a preview then merge or replace (a snapshot first, one tap to undo), and
//! what to do when stored records are damaged.

pub mod files;
mod import;

use chrono::Datelike;
use leptos::prelude::*;
use sotay_domain::backup::{backup_file_name, export_all_json, export_year, Scope};
use sotay_domain::text::backup::raw_dump;
use sotay_domain::model::Timestamp;

use crate::router::Screen;
use crate::storage;
use crate::store::{clock, use_store, Store};
use crate::text::data as t;
use crate::timing;
use crate::ui::PageTitle;
use files::{deliver, Delivered};

/// Written into every backup, so a reader knows which app made it.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// "123 KB", "1,2 MB".
fn size_text(bytes: f64) -> String {
    if bytes < 1024.0 * 1024.0 {
        format!("{} KB", (bytes / 1024.0).ceil())
    } else {
        format!("{:.1} MB", bytes / 1024.0 / 1024.0).replace('.', ",")
    }
}

/// Makes a backup file and hands it to the user; a full backup is remembered as the last.
pub async fn export(store: Store, scope: Scope, share: bool) -> Option<(String, Delivered)> {
    let now = clock::now();
    let (name, json) = store.with_dataset(|data| {
        let name = backup_file_name(data.chi_bo.as_ref().map(|c| c.name.as_str()), scope, clock::today());
        let json = timing::measured(timing::EXPORT, || match scope {
            Scope::All => export_all_json(data, now, APP_VERSION),
            Scope::Year { year } => export_year(data, year, now, APP_VERSION).into_json(),
        });
        (name, json)
    });
    let delivered = deliver(&name, &json, share).await?;
    if scope == Scope::All {
        store.backed_up(now);
    }
    Some((name, delivered))
}

#[component]
pub fn DataScreen() -> impl IntoView {
    let store = use_store();
    view! {
        <PageTitle title=t::TITLE/>
        <DamagedData/>
        <BackupReminder/>
        <BackupCard/>
        <import::ImportCard/>
        <SnapshotCard/>
        <SafetyCard/>
        <Show when=move || store.chi_bo.with(Option::is_none)>
            <p class="hint">{crate::text::home::START}</p>
        </Show>
    }
}

/// Two files for two uses: the year's file for the đảng ủy (the chi bộ's records of the
/// year, no personal handbook notes), and the full backup for this phone's own safety.
#[component]
fn BackupCard() -> impl IntoView {
    let store = use_store();
    // (the card it belongs to: the year's file or the full backup, and what happened)
    let outcome = RwSignal::new(None::<(bool, String)>);
    let this_year = clock::today().year();
    let year = RwSignal::new(this_year);
    let run = move |scope: Scope, share: bool| {
        leptos::task::spawn_local(async move {
            let message = match export(store, scope, share).await {
                Some((name, Delivered::DownloadedInsteadOfShared)) => format!("{} {name}. {}", t::EXPORTED, t::SHARE_UNAVAILABLE),
                Some((name, _)) => format!("{} {name}", t::EXPORTED),
                None => t::FILE_UNREADABLE.to_owned(),
            };
            outcome.set(Some((matches!(scope, Scope::Year { .. }), message)));
        });
    };
    let shown = move |year_file: bool| outcome.get().filter(|(of_year, _)| *of_year == year_file).map(|(_, message)| view! { <p class="saved" role="status">{message}</p> });
    let years = move || {
        let mut years: Vec<i32> = store.meetings.with(|m| m.iter().map(|m| m.date.year()).collect());
        years.push(this_year);
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    };
    view! {
        <section class="card">
            <h2>{t::FOR_DANG_UY}</h2>
            <p class="hint">{t::FOR_DANG_UY_HINT}</p>
            <label class="field inline-field">
                <span>{t::YEAR}</span>
                <select on:change=move |ev| if let Ok(chosen) = event_target_value(&ev).parse() { year.set(chosen) }>
                    {move || years().into_iter().map(|y| view! { <option value=y.to_string() selected=move || year.get() == y>{y}</option> }).collect_view()}
                </select>
            </label>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| run(Scope::Year { year: year.get_untracked() }, true)>{t::SHARE_YEAR}</button>
                <button type="button" class="button secondary" on:click=move |_| run(Scope::Year { year: year.get_untracked() }, false)>{t::EXPORT_YEAR}</button>
            </div>
            {move || shown(true)}
        </section>
        <section class="card">
            <h2>{t::BACKUP}</h2>
            <p class="hint">{t::BACKUP_HINT}</p>
            <div class="actions">
                <button type="button" class="button big" on:click=move |_| run(Scope::All, false)>{t::EXPORT_ALL}</button>
                <button type="button" class="button secondary" on:click=move |_| run(Scope::All, true)>{t::SHARE_ALL}</button>
            </div>
            {move || shown(false)}
        </section>
    }
}

/// Shown when stored records could not be read, or come from a newer app version.
#[component]
fn DamagedData() -> impl IntoView {
    let store = use_store();
    let damaged = move || store.load_problems.with(|p| !p.is_empty()) || store.blocked.with(Option::is_some);
    let download_raw = move |_| {
        leptos::task::spawn_local(async move {
            let dump = raw_dump(&storage::record_entries(), clock::now(), APP_VERSION);
            let name = format!("so-tay-chi-bo_du-lieu-tho_{}.json", clock::today().format("%Y-%m-%d"));
            let _ = deliver(&name, &dump.json, false).await;
        });
    };
    view! {
        <Show when=damaged>
            <section class="card error-card" role="alert">
                <h2>{t::PROBLEMS}</h2>
                {move || store.blocked.get().map(|reason| view! { <p>{t::BLOCKED}</p><p class="pre small">{reason}</p> })}
                <p>{t::PROBLEMS_HINT}</p>
                <ul class="small">
                    {move || store.load_problems.get().into_iter().map(|problem| view! {
                        <li><code>{problem.key}</code>": "{problem.problem}</li>
                    }).collect_view()}
                </ul>
                <button type="button" class="button" on:click=download_raw>{t::RAW_EXPORT}</button>
            </section>
        </Show>
    }
}

/// The safety copy taken before the last import: when, until when it is kept, restore it
/// (every write checked), or drop it.
#[component]
fn SnapshotCard() -> impl IntoView {
    let store = use_store();
    let snapshot_time = RwSignal::new(storage::snapshot_taken_at().or_else(|| storage::snapshot().map(|(taken_at, _)| taken_at)));
    // A copy whose time is up goes when the screen opens (start-up drops it too).
    if snapshot_time.get_untracked().and_then(|at| storage::snapshot_kept_until(&at)).is_some_and(|until| clock::now() > until) {
        storage::drop_snapshot();
        snapshot_time.set(None);
    }
    let message = RwSignal::new(None::<(bool, &'static str)>);
    let restore = move |_| {
        if !window().confirm_with_message(t::CONFIRM_RESTORE).unwrap_or(false) {
            return;
        }
        message.set(Some(match import::undo_import(store) {
            Ok(()) => (true, t::RESTORED),
            Err(error) => (false, restore_failed(&error)),
        }));
    };
    let drop_it = move |_| {
        if !window().confirm_with_message(t::CONFIRM_DROP_SNAPSHOT).unwrap_or(false) {
            return;
        }
        storage::drop_snapshot();
        snapshot_time.set(None);
        message.set(Some((true, t::SNAPSHOT_DROPPED)));
    };
    let kept_until = move || snapshot_time.get().and_then(|at| storage::snapshot_kept_until(&at)).map(|until| sotay_domain::text::date(clock::local_date(until)));
    view! {
        <Show when=move || snapshot_time.with(Option::is_some) || message.with(Option::is_some)>
            <section class="card">
                <h2>{t::SNAPSHOT}</h2>
                {move || snapshot_time.get().map(|at| view! {
                    <p>{t::SNAPSHOT_FROM}" "{local_time_text(&at)}</p>
                    <p class="hint">{t::SNAPSHOT_KEPT_UNTIL}" "{kept_until()}{t::SNAPSHOT_KEPT_AFTER}</p>
                    <div class="actions">
                        <button type="button" class="button secondary" on:click=restore>{t::RESTORE_SNAPSHOT}</button>
                        <button type="button" class="button secondary" on:click=drop_it>{t::DROP_SNAPSHOT}</button>
                    </div>
                })}
                {move || message.get().map(|(ok, m)| if ok {
                    view! { <p class="saved" role="status">{m}</p> }.into_any()
                } else {
                    view! { <p class="card error-card" role="alert">{m}</p> }.into_any()
                })}
            </section>
        </Show>
    }
}

/// What the user is told when putting the safety copy back failed.
pub(crate) fn restore_failed(error: &storage::RestoreError) -> &'static str {
    match error {
        storage::RestoreError::NoSnapshot => t::NO_SNAPSHOT,
        storage::RestoreError::WriteRefused(_) => t::RESTORE_WRITE_FAILED,
        storage::RestoreError::NotAsSnapshot => t::RESTORE_NOT_AS_SNAPSHOT,
    }
}

/// "14:05 ngày 20/05/2026" from an RFC 3339 timestamp, on the phone's clock.
fn local_time_text(rfc3339: &str) -> String {
    let Ok(at) = chrono::DateTime::parse_from_rfc3339(rfc3339) else { return rfc3339.to_owned() };
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64));
    format!("{:02}:{:02} ngày {}", date.get_hours(), date.get_minutes(), sotay_domain::text::date(clock::local_date(at.to_utc())))
}

#[component]
fn SafetyCard() -> impl IntoView {
    let persisted = LocalResource::new(storage::is_persisted);
    let estimate = LocalResource::new(storage::estimate);
    let records_size = size_text(storage::app_data_bytes() as f64);
    let store = use_store();
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let _ = storage::request_persistence().await;
            persisted.refetch();
        })
    };
    view! {
        <section class="card">
            <h2>{t::SAFETY}</h2>
            {move || match persisted.get() {
                None => ().into_any(),
                Some(Some(true)) => view! { <p class="saved">{t::PROTECTED}</p> }.into_any(),
                Some(Some(false)) => view! {
                    <p class="field-error">{t::NOT_PROTECTED}</p>
                    <button type="button" class="button secondary" on:click=ask>{t::ASK_PROTECTION}</button>
                }.into_any(),
                Some(None) => view! { <p>{t::PROTECTION_UNKNOWN}</p> }.into_any(),
            }}
            <dl class="facts">
                <dt>{t::RECORDS_SIZE}</dt><dd>{records_size}</dd>
                {move || estimate.get().flatten().map(|(usage, quota)| view! {
                    <dt>{t::SITE_SIZE}</dt><dd>{size_text(usage)}" "{t::OF_ABOUT}" "{size_text(quota)}</dd>
                })}
                <dt>{t::LAST_BACKUP}</dt>
                <dd>{move || store.last_backup.get().map(|at| sotay_domain::text::date(clock::local_date(at))).unwrap_or_else(|| t::NEVER_BACKED_UP.to_owned())}</dd>
            </dl>
        </section>
    }
}

/// How many records changed since the last backup (all of them when there was none).
fn changes_since(store: Store, since: Option<Timestamp>) -> usize {
    let newer = |at: Timestamp| since.is_none_or(|since| at > since);
    store.members.with(|m| m.iter().filter(|m| newer(m.updated_at)).count())
        + store.meeting_heads().iter().filter(|m| newer(m.updated_at)).count()
        + store.chi_bo.with(|c| c.iter().filter(|c| newer(c.updated_at)).count())
}

/// Reminds to back up when there is none, the last is over a month old, or many changes
/// were made since; one tap makes the backup.
#[component]
pub fn BackupReminder() -> impl IntoView {
    const OLD_AFTER_DAYS: i64 = 30;
    const MANY_CHANGES: usize = 10;
    let store = use_store();
    let last = store.last_backup;
    let reminder = move || {
        let has_records = store.latest_meeting().is_some();
        let changed = changes_since(store, last.get());
        let old = last.get().is_some_and(|at| (clock::now() - at).num_days() > OLD_AFTER_DAYS);
        match last.get() {
            None if has_records => Some(t::REMIND_NEVER.to_owned()),
            Some(_) if changed >= MANY_CHANGES => Some(format!("{changed} {}", t::REMIND_CHANGES)),
            Some(_) if old && changed > 0 => Some(t::REMIND_OLD.to_owned()),
            _ => None,
        }
    };
    let backup_now = move |_| {
        leptos::task::spawn_local(async move {
            // On Trang chủ this is the only use of the backup code: it stays in the data module.
            if store.everything_read().await.is_ok() {
                let _ = back_up_everything(store).await;
            }
        });
    };
    view! {
        {move || reminder().map(|message| view! {
            <section class="card notice backup-reminder" role="status">
                <p>{message}</p>
                <button type="button" class="button" on:click=backup_now>{t::BACKUP_NOW}</button>
            </section>
        })}
    }
}

// A split point: (Trang chủ shows the reminder) the export code stays out of the main module.
#[allow(improper_ctypes, improper_ctypes_definitions)]
mod split_points {
    use super::*;
    crate::split::split_fn!(data, fn back_up_everything(store: Store) -> () {
        leptos::task::spawn_local(async move {
            let _ = export(store, Scope::All, false).await;
        });
    });
}
use split_points::back_up_everything;

/// For screens other than Dữ liệu: where to go when storage has problems.
pub fn data_screen_href() -> String {
    Screen::Data.href()
}
