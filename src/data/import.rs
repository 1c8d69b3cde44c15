//! Import: the whole file is read and validated first; a preview shows what would be added,
//! updated, left unchanged and what conflicts; then merge (newer `updated_at` wins) or
//! replace — after a snapshot of the current data, with one tap to undo.

use leptos::prelude::*;
use sotay_domain::backup::{self, parse_backup_against, Backup, ImportLimits, ImportPreview, MAX_BACKUP_BYTES};

use super::files::read_bytes;
use crate::storage;
use crate::store::{clock, use_store, Store};
use crate::text::data as t;
use crate::timing;
use crate::ui::json_file_button;

#[derive(Clone)]
enum Step {
    Idle,
    Invalid(Vec<String>),
    Previewing { backup: Backup, preview: ImportPreview },
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
            step.set(Step::Invalid(vec![t::FILE_TOO_BIG.to_owned()]));
            return;
        }
        leptos::task::spawn_local(async move {
            let Some(bytes) = read_bytes(&file).await else {
                step.set(Step::Invalid(vec![t::FILE_UNREADABLE.to_owned()]));
                return;
            };
            let current = store.dataset();
            step.set(timing::measured(timing::IMPORT_READ, || match parse_backup_against(&bytes, &ImportLimits::default(), &current) {
                Err(error) => Step::Invalid(error.lines()),
                Ok(backup) => {
                    // With the clock, so a file stamped far ahead is flagged in the preview.
                    let preview = backup::preview_file(&current, &backup, clock::now());
                    Step::Previewing { backup, preview }
                }
            }));
        });
    };
    let apply = move |how: Apply| {
        let Step::Previewing { backup, .. } = step.get_untracked() else { return };
        if how == Apply::Replace && !window().confirm_with_message(t::CONFIRM_REPLACE).unwrap_or(false) {
            return;
        }
        step.set(timing::measured(timing::IMPORT_APPLY, || apply_import(store, &backup, how)));
    };
    let undo = move |_| {
        step.set(match storage::restore_snapshot() {
            Ok(()) => {
                store.reload_everything();
                Step::Done { message: t::UNDONE, can_undo: false }
            }
            Err(_) => Step::Failed(t::IMPORT_WRITE_FAILED),
        });
    };
    view! {
        <section class="card">
            <h2>{t::IMPORT}</h2>
            <p class="hint">{t::IMPORT_HINT}</p>
            {json_file_button(t::CHOOSE_FILE, "button secondary file-button", choose)}
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Invalid(lines) => view! {
                    <div class="card error-card" role="alert">
                        <p><strong>{t::INVALID_FILE}</strong></p>
                        <ul class="small">{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
                Step::Previewing { backup, preview } => view! {
                    <div class="preview-box" role="status">
                        <h3>{t::PREVIEW}</h3>
                        <p class="small">{t::FILE_FROM}": "{backup.description()}</p>
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
                Step::Done { message, can_undo } => view! {
                    <p class="saved" role="status">{message}</p>
                    <Show when=move || can_undo>
                        <button type="button" class="button secondary" on:click=undo>{t::UNDO_IMPORT}</button>
                    </Show>
                }.into_any(),
                Step::Failed(message) => view! { <p class="card error-card" role="alert">{message}</p> }.into_any(),
            }}
        </section>
    }
}

/// Snapshot, then the writes that turn the stored data into the merged or replaced data.
fn apply_import(store: Store, backup: &Backup, how: Apply) -> Step {
    let current = store.dataset();
    let target = match how {
        Apply::Merge => backup::merge(&current, &backup.data),
        Apply::Replace => backup::replace(&backup.data),
    };
    let changes = backup::storage::changes(&current, &target);
    if changes.is_empty() {
        return Step::Done { message: t::NOTHING_TO_CHANGE, can_undo: false };
    }
    if storage::take_snapshot(&clock::now().to_rfc3339()).is_err() {
        return Step::Failed(t::NO_ROOM_FOR_SNAPSHOT);
    }
    if storage::apply_changes(&changes.writes, &changes.removes).is_err() {
        return Step::Failed(t::IMPORT_WRITE_FAILED);
    }
    store.reload_everything();
    let message = match how {
        Apply::Merge => t::MERGED,
        Apply::Replace => t::REPLACED,
    };
    Step::Done { message, can_undo: true }
}
