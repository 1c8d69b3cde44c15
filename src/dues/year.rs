//! The year's dues book: each member's twelve months (money, "Chưa đóng", "Miễn", "Ngoài chi
//! bộ"), each month's total, and the warnings the rule calls for (three months in the year
//! without dues: a fact for the chi bộ to consider, never a decision). Printable as it is.

use leptos::prelude::*;
use sotay_domain::dues::summary::{year_dues, DuesBook};
use sotay_domain::dues::{year_book_between, YearMonth};
use sotay_domain::text::dues as words;

use crate::router::Screen;
use crate::store::{clock, use_store};
use crate::text::dues as t;
use crate::ui::PageTitle;

use super::print::{download_sheet, file_name, SheetTable};
use super::rules_in_use;

#[component]
pub fn DuesYearScreen(year: i32) -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    // The months shown: from the book's first month (or January) to this month; the warnings
    // count only the months that have ended (`year_dues`).
    let through = YearMonth::new(year, 12).map(|december| YearMonth::of(today).min(december));
    let book = Memo::new(move |_| {
        let rules = rules_in_use(store)?;
        let through = through?;
        store.members.with(|roster| {
            store.dues_profiles.with(|profiles| {
                store.dues_payments.with(|payments| {
                    let dues = DuesBook { profiles, payments, rules: &rules };
                    let from = dues.first_month()?.max(YearMonth::new(year, 1)?);
                    if from > through {
                        return None;
                    }
                    let shown = year_book_between(year, from, through, roster, profiles, payments, &rules);
                    let warnings = year_dues(year, Some(today), roster, &dues).map(|d| d.warnings).unwrap_or_default();
                    Some((shown, warnings))
                })
            })
        })
    });
    let back_month = through.map_or(12, |m| if m.year() == year { m.month() } else { 12 });
    let feedback = RwSignal::new(None::<String>);
    let download = move |_| {
        if let Some((book, _)) = book.get_untracked() {
            download_sheet(file_name(store, words::year_sheet_file_name(year)), &words::year_sheet(&book), feedback);
        }
    };
    view! {
        <PageTitle title=format!("{} {year}", t::YEAR_TITLE)/>
        <nav class="actions no-print">
            <a class="button secondary" href=Screen::Dues(Some((year, back_month))).href()>{t::BACK_TO_BOOK}</a>
            <button type="button" class="button secondary" on:click=move |_| { let _ = window().print(); }>{t::PRINT_YEAR}</button>
            <button type="button" class="button secondary" on:click=download>{t::CSV_YEAR}</button>
        </nav>
        {move || feedback.get().map(|message| view! { <p class="hint no-print" role="status">{message}</p> })}
        {move || match book.get() {
            None => view! { <p class="card">{t::MEMBER_NO_BOOK}</p> }.into_any(),
            Some((book, warnings)) => view! {
                <article class="document dues-document">
                    <crate::meetings::print::DocumentHeading store=store/>
                    <h2 class="doc-title">{t::PRINT_HEADING}</h2>
                    <p class="doc-subtitle">{format!("{} {year}", t::YEAR_TITLE)}</p>
                    <SheetTable sheet=words::year_sheet(&book) class="dues-year-table"/>
                    <h3>{t::WARNINGS}</h3>
                    {if warnings.is_empty() {
                        view! { <p>{t::NO_WARNINGS}</p> }.into_any()
                    } else {
                        view! { <ul class="warnings">{warnings.iter().map(|w| view! { <li>{words::warning(w)}</li> }).collect_view()}</ul> }.into_any()
                    }}
                </article>
            }.into_any(),
        }}
    }
}
