//! Import: the whole file is read and validated first; a preview shows what would be added,
//! updated, left unchanged and what conflicts; then merge (newer `updated_at` wins) or
//! replace — after a snapshot of the current data, with one tap to undo.

use leptos::prelude::*;
use sotay_domain::backup::{self, parse_backup_against, Backup, ImportError, ImportLimits, ImportPreview, MAX_BACKUP_BYTES};

use super::files::read_bytes;
use crate::storage;
use crate::store::{clock, use_store, Store};
use crate::text::data as t;
use crate::timing;
use crate::ui::json_file_button;

/// Not `Clone` on purpose: a preview holds the whole file's data (megabytes for ten years), so
/// the view and the buttons borrow it from the signal instead of copying it.
enum Step {
    Idle,
    Invalid(Vec<String>),
    /// `skipped`: for a raw export of damaged storage, the keys that could not be read
    /// (named, never written); empty for a backup.
    Previewing { backup: Backup, preview: ImportPreview, raw: bool, skipped: Vec<String> },
    Done { message: &'static str, can_undo: bool },
    Failed(&'static str),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Apply {
    Merge,
    Replace,
}

#[component]
pub fn ImportCard() -> impl IntoView {
    let store = use_store();
    let step = RwSignal::new_local(Step::Idle);
    let choose = move |file: web_sys::File| {
        if file.size() > MAX_BACKUP_BYTES as f64 {
            step.set(Step::Invalid(vec![crate::ui::refused_file(&file, t::FILE_TOO_BIG)]));
            return;
        }
        // The last file's preview (and its data) goes before the next file is read.
        step.set(Step::Idle);
        leptos::task::spawn_local(async move {
            let Some(bytes) = read_bytes(&file).await else {
                step.set(Step::Invalid(vec![t::FILE_UNREADABLE.to_owned()]));
                return;
            };
            let read = store.with_dataset(|current| timing::measured(timing::IMPORT_READ, || read_file(&bytes, current)));
            step.set(read);
        });
    };
    let apply = move |how: Apply| {
        let next = step.with_untracked(|step| {
            let Step::Previewing { backup, preview, .. } = step else { return None };
            // Deleting records on the phone is asked plainly, naming them.
            let question = match how {
                Apply::Merge => preview.merge_delete_question(),
                Apply::Replace => Some(preview.replace_delete_question().unwrap_or_else(|| t::CONFIRM_REPLACE.to_owned())),
            };
            if question.is_some_and(|question| !window().confirm_with_message(&question).unwrap_or(false)) {
                return None;
            }
            Some(timing::measured(timing::IMPORT_APPLY, || apply_import(store, backup, how)))
        });
        if let Some(next) = next {
            step.set(next);
        }
    };
    let undo = move |_| {
        step.set(match undo_import(store) {
            Ok(()) => Step::Done { message: t::UNDONE, can_undo: false },
            Err(error) => Step::Failed(super::restore_failed(&error)),
        });
    };
    view! {
        <section class="card">
            <h2>{t::IMPORT}</h2>
            <p class="hint">{t::IMPORT_HINT}</p>
            {json_file_button(t::CHOOSE_FILE, "button secondary file-button", choose)}
            {move || step.with(|current| match current {
                Step::Idle => ().into_any(),
                Step::Invalid(lines) => view! {
                    <div class="card error-card" role="alert">
                        <p><strong>{t::INVALID_FILE}</strong></p>
                        <ul class="small">{lines.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
                Step::Previewing { backup, preview, raw, skipped } => view! {
                    <div class="preview-box" role="status">
                        <h3>{t::PREVIEW}</h3>
                        {if *raw {
                            view! { <p class="small">{t::RAW_FILE}</p> }.into_any()
                        } else {
                            view! { <p class="small">{t::FILE_FROM}": "{backup.description()}</p> }.into_any()
                        }}
                        {(!skipped.is_empty()).then(|| view! {
                            <ul class="small field-error">{skipped.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}</ul>
                        })}
                        {if preview.merge_changes_nothing() {
                            view! { <p class="saved">{t::NOTHING_TO_CHANGE}</p> }.into_any()
                        } else {
                            view! {
                                <p><strong>{t::IF_MERGE}</strong></p>
                                <ul>{preview.summary_lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                            }.into_any()
                        }}
                        <p><strong>{t::IF_REPLACE}</strong></p>
                        <ul>{preview.replace_summary_lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        <div class="actions">
                            <button type="button" class="button" disabled=preview.merge_changes_nothing() on:click=move |_| apply(Apply::Merge)>{t::MERGE}</button>
                            <button type="button" class="button danger" on:click=move |_| apply(Apply::Replace)>{t::REPLACE}</button>
                            <button type="button" class="button secondary" on:click=move |_| step.set(Step::Idle)>{t::CANCEL}</button>
                        </div>
                    </div>
                }.into_any(),
                Step::Done { message, can_undo } => {
                    let (message, can_undo) = (*message, *can_undo);
                    view! {
                        <p class="saved" role="status">{message}</p>
                        <Show when=move || can_undo>
                            <button type="button" class="button secondary" on:click=undo>{t::UNDO_IMPORT}</button>
                        </Show>
                    }.into_any()
                }
                Step::Failed(message) => view! { <p class="card error-card" role="alert">{*message}</p> }.into_any(),
            })}
        </section>
    }
}

/// Puts back the snapshot taken before the last import ("Hoàn tác", "Khôi phục bản sao").
/// The records deleted since (by the import's markers) come back as newer edits, so the
/// undo travels to the other phones like the undo of a deletion made here.
/// Every write is checked: `Err` says what failed (and then the records are as they were
/// before the undo, or — when only reviving deletions failed — as in the snapshot).
pub fn undo_import(store: Store) -> Result<(), storage::RestoreError> {
    let undone = store.dataset();
    let restored = storage::restore_snapshot();
    store.reload_everything();
    restored?;
    let restored = store.dataset();
    let revived = backup::revive_undone_deletions(&undone, &restored, clock::now());
    let changes = backup::storage::changes(&restored, &revived);
    if !changes.is_empty() {
        let written = storage::apply_changes(&changes.writes, &changes.removes);
        store.reload_everything();
        written.map_err(|error| storage::RestoreError::WriteRefused(format!("{error:?}")))?;
    }
    Ok(())
}

/// Reads a picked file: a backup, or the raw export of damaged storage (its readable records
/// as a backup, its unreadable keys listed), then the preview, made with the clock so a
/// file stamped far ahead is flagged.
fn read_file(bytes: &[u8], current: &sotay_domain::backup::Dataset) -> Step {
    let limits = ImportLimits::default();
    let (backup, raw, skipped) = match parse_backup_against(bytes, &limits, current) {
        Ok(backup) => (backup, false, Vec::new()),
        Err(ImportError::RawDumpFile) => match backup::restore_raw(bytes, &limits, current) {
            Ok(restore) => {
                let skipped = restore.skipped_lines();
                (restore.backup, true, skipped)
            }
            Err(error) => return Step::Invalid(error.lines()),
        },
        Err(error) => return Step::Invalid(error.lines()),
    };
    let preview = backup::preview_file(current, &backup, clock::now());
    Step::Previewing { backup, preview, raw, skipped }
}

/// Snapshot, then the writes that turn the stored data into the merged or replaced data.
fn apply_import(store: Store, backup: &Backup, how: Apply) -> Step {
    // The merged data goes as soon as the writes are known: the snapshot and the reload
    // that follow each hold the stored texts too, and the wasm memory never shrinks back.
    let changes = store.with_dataset(|current| {
        let target = match how {
            Apply::Merge => backup::merge(current, &backup.data),
            Apply::Replace => backup::replace(&backup.data),
        };
        backup::storage::changes(current, &target)
    });
    if changes.is_empty() {
        return Step::Done { message: t::NOTHING_TO_CHANGE, can_undo: false };
    }
    if storage::take_snapshot(&clock::now().to_rfc3339()).is_err() {
        return Step::Failed(t::NO_ROOM_FOR_SNAPSHOT);
    }
    let mut writes = changes.writes;
    // A phone that never saved anything itself (a clean phone restoring a file) has no
    // layout version yet: it is written too, last, so the next start reads layout 2.
    if matches!(storage::read::<u32>(&storage::Key::SchemaVersion), Ok(None)) {
        writes.push((sotay_domain::backup::storage::SCHEMA_VERSION_KEY.to_owned(), storage::SCHEMA_VERSION.to_string()));
    }
    let written = storage::apply_changes(&writes, &changes.removes);
    // The texts are in storage now; the reload reads them again.
    drop((writes, changes.removes));
    if written.is_err() {
        return Step::Failed(t::IMPORT_WRITE_FAILED);
    }
    store.reload_everything();
    let message = match how {
        Apply::Merge => t::MERGED,
        Apply::Replace => t::REPLACED,
    };
    Step::Done { message, can_undo: true }
}
