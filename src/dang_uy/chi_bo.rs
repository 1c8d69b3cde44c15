//! One chi bộ of the collection, read only: its year (the same year summary a secretary
//! sees, scored by the engine with the chi bộ's own framework), its meetings, the files
//! received; and removing it from the collection, with confirmation and undo.

use leptos::prelude::*;
use sotay_domain::analytics::{MeetingLine, ScoreLine};
use sotay_domain::model::MeetingStatus;
use sotay_domain::text as dt;

use std::sync::Arc;

use sotay_domain::collection::{ChiBoYear, CollectedChiBo};

use super::{storage_message, use_dang_uy, Held, LoadState};
use crate::meetings::summary::{MemberTable, ScoreChart, YearFacts};
use crate::router::{navigate, Screen};
use crate::store::clock;
use crate::text::dang_uy as t;
use crate::ui::{format_date, PageTitle};

#[component]
pub fn CollectedChiBoScreen(id: String, year: i32) -> impl IntoView {
    let state = use_dang_uy();
    move || match state.load.get() {
        LoadState::Loading => view! { <p class="lazy-loading" role="status">{t::LOADING}</p> }.into_any(),
        LoadState::Failed(message) => view! { <p class="card error-card" role="alert">{t::LOAD_FAILED}" "{message}</p> }.into_any(),
        LoadState::Ready => view! { <ChiBoYearView id=id.clone() year=year/> }.into_any(),
    }
}

/// Its header's fields at once; its year from memory, from the years kept in storage, or
/// computed from its records (read then).
#[component]
fn ChiBoYearView(id: String, year: i32) -> impl IntoView {
    let state = use_dang_uy();
    let figures = RwSignal::new(None::<Option<Arc<ChiBoYear>>>);
    let wanted = id.clone();
    leptos::task::spawn_local(async move { figures.set(Some(state.year_of(&wanted, year).await)) });
    move || match (state.held_of(&id), figures.get()) {
        (Some(_), None) => view! { <p class="lazy-loading" role="status">{t::LOADING_CHI_BO}</p> }.into_any(),
        (Some(held), Some(Some(chi_bo_year))) => year_view(&id, year, held, chi_bo_year),
        _ => view! {
            <PageTitle title=t::TITLE/>
            <p class="card">{t::NOT_IN_COLLECTION}</p>
            <a class="button" href=Screen::DangUy.href()>{t::BACK}</a>
        }
        .into_any(),
    }
}

fn year_view(id: &str, year: i32, held: Held, chi_bo_year: Arc<ChiBoYear>) -> AnyView {
    let id = id.to_owned();
    let name = held.name.clone();
    let summary = chi_bo_year.summary.clone();
    let preparation = chi_bo_year.preparation.clone();
    let files = (*held.files).clone();
    view! {
        <PageTitle title=format!("{name} — {year}")/>
        <nav class="actions no-print">
            <a class="button secondary" href=Screen::DangUy.href()>{t::BACK}</a>
            <a class="button secondary" href=Screen::DangUyChiBo(id.clone(), year - 1).href()>{crate::text::summary::PREVIOUS_YEAR}</a>
            <a class="button secondary" href=Screen::DangUyChiBo(id.clone(), year + 1).href()>{crate::text::summary::NEXT_YEAR}</a>
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{crate::text::summary::PRINT}</button>
        </nav>
        <p class="card notice no-print">{t::READ_ONLY}</p>
        <article class="document year-summary">
            <p class="print-only doc-heading">{name.clone()}" — "{crate::text::summary::TITLE}" "{year}</p>
            <YearFacts summary=summary.clone()/>
            <ScoreChart meetings=summary.meetings.clone()/>
            <MeetingTable chi_bo_id=id.clone() meetings=summary.meetings.clone()/>
            <PreparationList months=preparation/>
            <MemberTable summary=summary/>
        </article>
        <section class="card no-print">
            <h2>{t::FILES}</h2>
            <ul class="file-list">
                {files.into_iter().rev().map(|file| view! {
                    <li>
                        <strong class="file-name">{file.file_name}</strong>
                        " — "{t::WRITTEN}" "{format_date(clock::local_date(file.exported_at))}", "{t::RECEIVED}" "{format_date(clock::local_date(file.received_at))}
                    </li>
                }).collect_view()}
            </ul>
            <RemoveButton id=id/>
        </section>
    }
    .into_any()
}

/// Per month, whether each meeting's notice and documents went out in time (from the plans
/// the chi bộ's file holds).
#[component]
fn PreparationList(months: Vec<sotay_domain::collection::PreparationMonth>) -> impl IntoView {
    let months: Vec<_> = months.into_iter().filter(|month| !month.lines.is_empty()).collect();
    view! {
        <section class="card">
            <h2>{t::PREPARATION}</h2>
            {months.is_empty().then(|| view! { <p>{t::NO_PREPARATION}</p> })}
            <ul class="preparation-lines">
                {months.into_iter().map(|month| view! {
                    <li>
                        <strong>{format!("{} {}", t::MONTH, month.month)}</strong>
                        <ul>{month.lines.iter().map(|line| view! { <li>{sotay_domain::text::collection::preparation_line(line)}</li> }).collect_view()}</ul>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

fn score_text(score: Option<ScoreLine>) -> String {
    score.map(|s| format!("{} · {}", dt::decimal(s.total), dt::rating(s.rating))).unwrap_or_else(|| "—".into())
}

#[component]
fn MeetingTable(chi_bo_id: String, meetings: Vec<MeetingLine>) -> impl IntoView {
    if meetings.is_empty() {
        return view! { <section class="card"><h2>{t::MEETINGS}</h2><p>{t::NO_MEETINGS}</p></section> }.into_any();
    }
    view! {
        <section class="card">
            <h2>{t::MEETINGS}</h2>
            <div class="table-scroll" tabindex="0">
                <table class="meeting-lines">
                    <thead><tr>
                        <th scope="col">{t::COLUMN_DATE}</th>
                        <th scope="col">{t::COLUMN_KIND}</th>
                        <th scope="col">{t::COLUMN_STATUS}</th>
                        <th scope="col">{t::COLUMN_OWN}</th>
                        <th scope="col">{t::COLUMN_SUPERIOR}</th>
                        <th scope="col">{t::COLUMN_PRESENT}</th>
                    </tr></thead>
                    <tbody>
                        {meetings.into_iter().map(|line| view! {
                            <tr>
                                <th scope="row"><a href=Screen::DangUyMeeting(chi_bo_id.clone(), line.meeting_id.clone()).href()>{format_date(line.date)}</a></th>
                                <td>{dt::meeting_kind(line.kind)}</td>
                                <td>{if line.status == MeetingStatus::Finalised { t::FINALISED } else { t::DRAFT }}</td>
                                <td>{score_text(line.own)}</td>
                                <td>{score_text(line.superior)}</td>
                                <td>{line.attendance.map(dt::percent).unwrap_or_else(|| "—".into())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// One meeting of a collected chi bộ: the same minutes and score sheet a secretary prints,
/// from the chi bộ's own records and framework, read only.
#[component]
pub fn CollectedMeetingScreen(chi_bo_id: String, meeting_id: String) -> impl IntoView {
    let state = use_dang_uy();
    move || match state.load.get() {
        LoadState::Loading => view! { <p class="lazy-loading" role="status">{t::LOADING}</p> }.into_any(),
        LoadState::Failed(message) => view! { <p class="card error-card" role="alert">{t::LOAD_FAILED}" "{message}</p> }.into_any(),
        LoadState::Ready => collected_meeting(&chi_bo_id, &meeting_id),
    }
}

/// The meeting from its chi bộ's records, read from storage when not yet in memory.
fn collected_meeting(chi_bo_id: &str, meeting_id: &str) -> AnyView {
    let state = use_dang_uy();
    let loaded = RwSignal::new(None::<Option<Arc<CollectedChiBo>>>);
    let wanted = chi_bo_id.to_owned();
    leptos::task::spawn_local(async move { loaded.set(Some(state.load_entry(&wanted).await)) });
    let (chi_bo_id, meeting_id) = (chi_bo_id.to_owned(), meeting_id.to_owned());
    (move || match loaded.get() {
        None => view! { <p class="lazy-loading" role="status">{t::LOADING_CHI_BO}</p> }.into_any(),
        Some(entry) => meeting_view(&chi_bo_id, &meeting_id, entry),
    })
    .into_any()
}

fn meeting_view(chi_bo_id: &str, meeting_id: &str, entry: Option<Arc<CollectedChiBo>>) -> AnyView {
    let found = entry.and_then(|entry| {
        let meeting = entry.data.meetings.iter().find(|m| m.id == meeting_id).cloned()?;
        Some((entry, meeting))
    });
    let Some((entry, meeting)) = found else {
        return view! {
            <PageTitle title=t::TITLE/>
            <p class="card">{t::NOT_IN_COLLECTION}</p>
            <a class="button" href=Screen::DangUy.href()>{t::BACK}</a>
        }
        .into_any();
    };
    let back = Screen::DangUyChiBo(chi_bo_id.to_owned(), chrono::Datelike::year(&meeting.date)).href();
    let store = crate::store::Store::detached(entry.data.clone());
    view! {
        <PageTitle title=format!("{} {} — {}", crate::text::meeting::TITLE, format_date(meeting.date), entry.name())/>
        <nav class="actions no-print">
            <a class="button secondary" href=back>{t::BACK_TO_CHI_BO}</a>
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{crate::text::print::PRINT_NOW}</button>
        </nav>
        <p class="card notice no-print">{t::READ_ONLY}</p>
        <crate::meetings::print::MeetingDocuments meeting=meeting store=store/>
    }
    .into_any()
}

#[component]
fn RemoveButton(id: String) -> impl IntoView {
    let state = use_dang_uy();
    let toasts = expect_context::<crate::toast::Toasts>();
    let failed = RwSignal::new(None::<String>);
    let remove = move |_| {
        if !window().confirm_with_message(t::CONFIRM_REMOVE).unwrap_or(false) {
            return;
        }
        let id = id.clone();
        leptos::task::spawn_local(async move {
            match state.remove(id).await {
                Ok(Some(entry)) => {
                    let name = entry.name().to_owned();
                    navigate(&Screen::DangUy);
                    toasts.offer_undo(format!("{} {name}", t::REMOVED), move || {
                        let entry = entry.clone();
                        leptos::task::spawn_local(async move {
                            let _ = state.restore(entry).await;
                        });
                    });
                }
                Ok(None) => {}
                Err(error) => failed.set(Some(storage_message(&error))),
            }
        });
    };
    view! {
        <button type="button" class="button danger" on:click=remove>{t::REMOVE}</button>
        {move || failed.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
    }
}
