//! Dữ liệu: whether the browser keeps the data, how much space it takes, the last backup;
//! backup, restore, share and merge arrive with the backup module.

use leptos::prelude::*;
use sotay_domain::model::Timestamp;

use crate::storage::{self, Key};
use crate::text::data as t;
use crate::ui::PageTitle;

/// "123 KB", "1,2 MB".
fn size_text(bytes: f64) -> String {
    if bytes < 1024.0 * 1024.0 {
        format!("{} KB", (bytes / 1024.0).ceil())
    } else {
        format!("{:.1} MB", bytes / 1024.0 / 1024.0).replace('.', ",")
    }
}

#[component]
pub fn DataScreen() -> impl IntoView {
    let persisted = LocalResource::new(storage::is_persisted);
    let estimate = LocalResource::new(storage::estimate);
    let records_size = size_text(storage::app_data_bytes() as f64);
    let last_backup = storage::read::<Timestamp>(&Key::LastBackup).ok().flatten();
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let _ = storage::request_persistence().await;
            persisted.refetch();
        })
    };
    view! {
        <PageTitle title=t::TITLE/>
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
                <dd>{last_backup.map(|at| sotay_domain::text::date(crate::store::clock::local_date(at))).unwrap_or_else(|| t::NEVER_BACKED_UP.to_owned())}</dd>
            </dl>
        </section>
        <section class="card notice"><p>{t::COMING}</p></section>
    }
}
