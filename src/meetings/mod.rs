//! Sinh hoạt: the chi bộ, its roster, each monthly meeting with its score sheet, history,
//! year summary and printing.

pub mod editing;
pub mod editor;
pub mod framework_file;
pub mod print;
pub mod roster;
pub mod setup;
pub mod sheet;
pub mod summary;

use chrono::Datelike;
use leptos::prelude::*;
use sotay_domain::model::{Meeting, MeetingStatus};
use sotay_domain::planning::{default_meeting_date, draft_meeting};
use sotay_domain::{score_own_sheet, score_superior_sheet};

use crate::router::{navigate, Screen};
use crate::store::{clock, framework, use_store, Store};
use crate::text::meetings as t;
use crate::ui::{format_date, PageTitle};

/// Creates a draft for the next meeting and opens it: from the plan prepared for it when
/// there is one (no meeting made from it yet, not before the last recorded meeting).
pub fn start_new_meeting(store: Store) {
    let Some(chi_bo) = store.chi_bo.get_untracked() else {
        navigate(&Screen::ChiBoSetup);
        return;
    };
    let latest = store.meetings.with_untracked(|meetings| meetings.iter().map(|m| m.date).max());
    let prepared = store.plans.with_untracked(|plans| {
        store.meetings.with_untracked(|meetings| {
            let mut open = sotay_domain::preparation::open_plans(plans, meetings);
            open.retain(|plan| latest.is_none_or(|latest| plan.date >= latest));
            open.last().map(|plan| (*plan).clone())
        })
    });
    if let Some(plan) = prepared {
        crate::preparation::open_meeting_from(store, &plan);
        return;
    }
    let date = default_meeting_date(clock::today(), chi_bo.usual_meeting_day, latest);
    let roster = store.members.get_untracked();
    let meeting = store.meetings.with_untracked(|meetings| {
        draft_meeting(clock::new_id("sh"), date, &chi_bo, &roster, meetings, clock::now(), &sotay_domain::text::carried_task_of)
    });
    let saved = store.save_meeting(meeting);
    navigate(&Screen::Meeting(saved.id));
}

// Split points used by Trang chủ, so that the main module carries neither the scoring engine
// nor the new-meeting defaults: they load after the first screen is painted.
#[allow(improper_ctypes, improper_ctypes_definitions)]
pub mod split_points {
    use super::*;
    crate::split::split_fn!(meeting_list, fn meeting_score_line(store: Store, meeting_id: String) -> Option<String> {
        store.meeting(&meeting_id).map(|meeting| score_line(store, &meeting))
    });
    crate::split::split_fn!(chi_bo_records, fn open_new_meeting(store: Store) -> () { start_new_meeting(store) });
    crate::split::split_fn!(chi_bo_records, fn open_plan(store: Store) -> () { crate::preparation::start_plan(store) });
}

/// "85 điểm · Khá", from the superior committee's sheet when there is one.
pub fn score_line(store: Store, meeting: &Meeting) -> String {
    let roster = store.members.get_untracked();
    let Some(framework) = framework(&meeting.own_sheet.framework_id) else {
        return t::NOT_SCORED.to_owned();
    };
    let plans = store.plans.get_untracked();
    store.meetings.with_untracked(|meetings| {
        let score = score_superior_sheet(framework, meeting, &roster, meetings, &plans)
            .unwrap_or_else(|| score_own_sheet(framework, meeting, &roster, meetings, &plans));
        format!("{} · {}", sotay_domain::text::points(score.total), sotay_domain::text::rating(score.rating))
    })
}

#[component]
pub fn MeetingsScreen() -> impl IntoView {
    let store = use_store();
    view! {
        <PageTitle title=t::TITLE/>
        {move || match store.chi_bo.get() {
            None => view! {
                <section class="card notice">
                    <p>{t::NEED_CHI_BO}</p>
                    <a class="button" href=Screen::ChiBoSetup.href()>{crate::text::setup::TITLE_NEW}</a>
                </section>
            }.into_any(),
            Some(_) => view! { <MeetingsHome/> }.into_any(),
        }}
    }
}

#[component]
fn MeetingsHome() -> impl IntoView {
    let store = use_store();
    let has_members = move || store.members.with(|m| !m.is_empty());
    let years = move || {
        let mut years: Vec<i32> = store.meetings.with(|m| m.iter().map(|m| m.date.year()).collect());
        years.dedup();
        years
    };
    view! {
        <section class="actions">
            <button type="button" class="button big" on:click=move |_| start_new_meeting(store)>{t::NEW_MEETING}</button>
            <button type="button" class="button secondary" on:click=move |_| crate::preparation::start_plan(store)>{crate::text::preparation::START_PLAN}</button>
            <a class="button secondary" href=Screen::Roster.href()>{t::ROSTER}</a>
            <a class="button secondary" href=Screen::Dues(None).href()>{crate::text::dues::OPEN_BOOK}</a>
            <a class="button secondary" href=Screen::ChiBoSetup.href()>{t::CHI_BO_INFO}</a>
        </section>
        <Show when=move || !has_members()>
            <p class="card notice">{t::NEED_MEMBERS}</p>
        </Show>
        <crate::preparation::OpenPlans/>
        <Show when=move || store.meetings.with(Vec::is_empty)>
            <p class="card">{t::NO_MEETINGS}</p>
        </Show>
        <For each=years key=|year| *year let:year>
            <YearOfMeetings year=year/>
        </For>
    }
}

#[component]
fn YearOfMeetings(year: i32) -> impl IntoView {
    let store = use_store();
    let meetings = move || {
        store.meetings.with(|meetings| meetings.iter().filter(|m| m.date.year() == year).cloned().collect::<Vec<_>>())
    };
    view! {
        <section class="card">
            <div class="row-between">
                <h2>{t::YEAR}" "{year}</h2>
                <a href=Screen::YearSummary(year).href()>{t::YEAR_SUMMARY}" "{year}</a>
            </div>
            <ul class="meeting-list">
                {move || meetings().into_iter().map(|meeting| view! { <MeetingRow meeting=meeting/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn MeetingRow(meeting: Meeting) -> impl IntoView {
    let store = use_store();
    let status = match meeting.status {
        MeetingStatus::Draft => t::DRAFT,
        MeetingStatus::Finalised => t::FINALISED,
    };
    let status_class = match meeting.status {
        MeetingStatus::Draft => "badge draft",
        MeetingStatus::Finalised => "badge done",
    };
    view! {
        <li>
            <a class="meeting-row" href=Screen::Meeting(meeting.id.clone()).href()>
                <span class="meeting-date">{format_date(meeting.date)}</span>
                <span class="meeting-kind">{sotay_domain::text::meeting_kind(meeting.kind)}</span>
                <span class="meeting-score">{score_line(store, &meeting)}</span>
                <span class=status_class>{status}</span>
            </a>
        </li>
    }
}
