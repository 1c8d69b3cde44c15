//! The year as spreadsheets: the year summary and the members' attendance, each a CSV file
//! that Excel on a Vietnamese Windows opens right (the domain's shared writer), named with
//! the chi bộ and the year.

use leptos::prelude::*;
use sotay_domain::backup::slug;
use sotay_domain::text::sheets::{attendance_sheet, year_summary_sheet};
use sotay_domain::review::YearEvidence;
use sotay_domain::spreadsheet::{to_csv, Sheet};

use crate::data::files::download_text;
use crate::store::use_store;
use crate::text::review as t;

const CSV: &str = "text/csv;charset=utf-8";

#[component]
pub(crate) fn SpreadsheetButtons(evidence: Memo<YearEvidence>) -> impl IntoView {
    let store = use_store();
    let feedback = RwSignal::new(None::<String>);
    let prefix = move || {
        let name = store.chi_bo.with_untracked(|c| c.as_ref().map(|c| slug(&c.name))).unwrap_or_default();
        if name.is_empty() { String::new() } else { format!("{name}_") }
    };
    let download = move |file_name: String, sheet: Sheet| {
        let message = match download_text(&file_name, &to_csv(&sheet), CSV) {
            Some(()) => format!("{}: {file_name}", t::DOWNLOADED),
            None => t::DOWNLOAD_FAILED.to_owned(),
        };
        feedback.set(Some(message));
    };
    let summary = move |_| {
        let (year, sheet) = evidence.with_untracked(|e| (e.year(), year_summary_sheet(e)));
        download(format!("{}{}", prefix(), t::summary_file(year)), sheet);
    };
    let attendance = move |_| {
        let (year, sheet) = evidence.with_untracked(|e| (e.year(), attendance_sheet(e)));
        download(format!("{}{}", prefix(), t::attendance_file(year)), sheet);
    };
    view! {
        <button type="button" class="button secondary" on:click=summary>{t::SHEET_SUMMARY}</button>
        <button type="button" class="button secondary" on:click=attendance>{t::SHEET_ATTENDANCE}</button>
        {move || feedback.get().map(|message| view! { <p class="hint" role="status">{message}</p> })}
    }
}
