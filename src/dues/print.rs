//! The month's dues sheet like the paper book (A4, to print or save as PDF) and as a CSV file
//! for Excel; the year's table is drawn by the same [`SheetTable`].

use leptos::prelude::*;
use sotay_domain::backup::slug;
use sotay_domain::dues::YearMonth;
use sotay_domain::spreadsheet::{to_csv, Cell, Sheet};
use sotay_domain::text::dues as words;

use crate::data::files::download_text;
use crate::meetings::print::DocumentHeading;
use crate::router::Screen;
use crate::store::{use_store, Store};
use crate::text::dues as t;
use crate::ui::PageTitle;

use super::{book_of, rules_in_use};

const CSV: &str = "text/csv;charset=utf-8";

/// A sheet as an HTML table: the same rows as its CSV, money with thousands separators.
/// Every cell is text (the names come from files: never markup).
#[component]
pub fn SheetTable(sheet: Sheet, #[prop(optional)] class: &'static str) -> impl IntoView {
    let cell = |cell: &Cell| match cell {
        Cell::Text(text) => text.clone(),
        Cell::Integer(value) => u64::try_from(*value).map(|v| words::money(v).trim_end_matches(" đ").to_owned()).unwrap_or_else(|_| value.to_string()),
        Cell::Date(day) => sotay_domain::text::date(*day),
        Cell::Decimal(value) => sotay_domain::text::decimal(*value),
        Cell::PercentTenths(value) => format!("{},{}%", value / 10, value % 10),
        Cell::Empty => String::new(),
    };
    let width = sheet.header.len();
    view! {
        <div class="table-scroll">
            <table class=format!("dues-table {class}")>
                <thead><tr>{sheet.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {sheet.rows.iter().map(|row| {
                        let mut cells: Vec<String> = row.iter().map(cell).collect();
                        cells.resize(width, String::new());
                        view! { <tr>{cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// "dong-tam_dang-phi-2026-11.csv": the chi bộ's name first, as the other sheets.
pub fn file_name(store: Store, name: String) -> String {
    let chi_bo = store.chi_bo.with_untracked(|c| c.as_ref().map(|c| slug(&c.name))).unwrap_or_default();
    if chi_bo.is_empty() { name } else { format!("{chi_bo}_{name}") }
}

/// Downloads `sheet` as `name`, saying what happened in `feedback`.
pub fn download_sheet(name: String, sheet: &Sheet, feedback: RwSignal<Option<String>>) {
    feedback.set(Some(match download_text(&name, &to_csv(sheet), CSV) {
        Some(()) => format!("{}: {name}", t::DOWNLOADED),
        None => t::DOWNLOAD_FAILED.to_owned(),
    }));
}

/// "Tải bảng tháng (Excel)".
#[component]
pub fn MonthCsvButton(month: YearMonth) -> impl IntoView {
    let store = use_store();
    let feedback = RwSignal::new(None::<String>);
    let download = move |_| {
        let Some(rules) = untrack(|| rules_in_use(store)) else { return };
        let sheet = untrack(|| words::month_sheet(&book_of(store, month, &rules), &rules));
        download_sheet(file_name(store, words::month_sheet_file_name(month)), &sheet, feedback);
    };
    view! {
        <button type="button" class="button secondary" on:click=download>{t::CSV_MONTH}</button>
        {move || feedback.get().map(|message| view! { <p class="hint" role="status">{message}</p> })}
    }
}

#[component]
pub fn DuesMonthPrint(year: i32, month: u32) -> impl IntoView {
    let store = use_store();
    let Some((month, rules)) = YearMonth::new(year, month).zip(rules_in_use(store)) else {
        return view! { <PageTitle title=t::TITLE.to_owned()/> }.into_any();
    };
    let book = book_of(store, month, &rules);
    let sheet = words::month_sheet(&book, &rules);
    view! {
        <PageTitle title=format!("{} {}", t::TITLE, t::month_title(year, month.month()))/>
        <nav class="actions no-print">
            <button type="button" class="button big" on:click=move |_| { let _ = window().print(); }>{t::PRINT}</button>
            <a class="button secondary" href=Screen::Dues(Some((year, month.month()))).href()>{t::BACK_TO_BOOK}</a>
            <MonthCsvButton month=month/>
        </nav>
        <article class="document dues-document">
            <DocumentHeading store=store/>
            <h2 class="doc-title">{t::PRINT_HEADING}</h2>
            <p class="doc-subtitle">{t::month_title(year, month.month())}</p>
            <SheetTable sheet=sheet/>
            <p><strong>{words::report_line(&book.report_line())}</strong></p>
            <p>{words::by_way(&book)}</p>
            <p>{words::share(&book.share)}</p>
            {words::behind(&book).map(|line| view! { <p>{line}</p> })}
            <p class="small">{rules.name.clone()}</p>
            <div class="signatures">
                <div><p><strong>{t::SIGN_TREASURER}</strong></p><p class="hint">{t::SIGN_HINT}</p></div>
                <div><p><strong>{t::SIGN_SECRETARY}</strong></p><p class="hint">{t::SIGN_HINT}</p></div>
            </div>
        </article>
    }
    .into_any()
}
