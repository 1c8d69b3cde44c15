//! Trang chủ: what the app is, where to start, and the chi bộ at a glance.

use leptos::prelude::*;

use crate::meetings::split_points::{meeting_score_line, open_new_meeting, open_plan};
use crate::router::Screen;
use crate::store::{clock, use_store};
use crate::text::dang_uy as du;
use crate::text::home as t;
use crate::ui::{format_date, PageTitle};

#[component]
pub fn HomeScreen() -> impl IntoView {
    let store = use_store();
    view! {
        <PageTitle title=t::TITLE/>
        {move || if !store.first_screen_ready() {
            // Only when the quick read could not answer (an older layout to migrate, a damaged
            // record): the full read follows just after this paint and says what it found.
            view! { <p class="lazy-loading" role="status">{crate::text::lazy::LOADING}</p> }.into_any()
        } else if store.chi_bo.with(Option::is_none) {
            view! {
                <section class="card">
                    <p>{t::INTRO}</p>
                    <p class="hint">{t::OFFLINE_NOTE}</p>
                </section>
                <section class="card notice">
                    <h2>{t::START_TITLE}</h2>
                    <p class="start-question">{du::HOME_CHOICE}</p>
                    <div class="start-paths">
                        <div class="start-path">
                            <h3>{du::HOME_CHI_BO}</h3>
                            <p>{t::START}</p>
                            <a class="button big" href=Screen::ChiBoSetup.href()>{t::START_BUTTON}</a>
                        </div>
                        <div class="start-path">
                            <h3>{du::HOME_DANG_UY}</h3>
                            <p>{du::HOME_DANG_UY_HINT}</p>
                            <a class="button big secondary" href=Screen::DangUy.href()>{du::TITLE}</a>
                        </div>
                    </div>
                </section>
            }.into_any()
        } else {
            view! {
                <crate::data::BackupReminder/><ChiBoAtAGlance/>
                <p class="home-dang-uy"><a href=Screen::DangUy.href()>{du::HOME_LINK}</a></p>
            }.into_any()
        }}
    }
}

#[component]
fn ChiBoAtAGlance() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let active_members = move || store.members.with(|m| m.iter().filter(|m| m.is_active_on(today)).count());
    let last = move || store.latest_meeting();
    let open_failed = RwSignal::new(false);
    let record_next = move |_| {
        leptos::task::spawn_local(async move {
            let opened = match store.everything_read().await {
                Ok(()) => open_new_meeting(store).await,
                Err(failed) => Err(failed),
            };
            open_failed.set(opened.is_err());
        });
    };
    let prepare_next = move |_| {
        leptos::task::spawn_local(async move {
            let opened = match store.everything_read().await {
                Ok(()) => open_plan(store).await,
                Err(failed) => Err(failed),
            };
            open_failed.set(opened.is_err());
        });
    };
    view! {
        <section class="card">
            <p><strong>{active_members}</strong>" "{t::MEMBERS_COUNT}</p>
            <h2>{t::LAST_MEETING}</h2>
            {move || match last() {
                None => view! { <p>{t::NO_MEETING_YET}</p> }.into_any(),
                Some(meeting) => view! {
                    <p><a href=Screen::Meeting(meeting.id.clone()).href()>
                        {format_date(meeting.date)}" · "{sotay_domain::text::meeting_kind(meeting.kind)}
                        <ScoreLine meeting_id=meeting.id.clone()/>
                    </a></p>
                }.into_any(),
            }}
            <button type="button" class="button big" on:click=record_next>{t::NEXT_MEETING}</button>
            <button type="button" class="button secondary" on:click=prepare_next>{crate::text::preparation::START_PLAN}</button>
            <Show when=move || open_failed.get()>
                <p class="field-error" role="alert">{crate::text::lazy::FAILED}</p>
            </Show>
        </section>
        <nav class="actions" aria-label=crate::text::dues::TITLE>
            <a class="button secondary" href=Screen::Dues(None).href()>{crate::text::dues::OPEN_BOOK}</a>
        </nav>
    }
}

/// " · 85 điểm · Khá", filled in once every record is read and the scoring code has arrived
/// (neither is in the main module; until then, and should either fail to load, the line just
/// ends after the kind). Built anew whenever the meetings change, as the card around it is.
#[component]
fn ScoreLine(meeting_id: String) -> impl IntoView {
    let store = use_store();
    let line = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        if store.everything_read().await.is_err() {
            return;
        }
        if let Ok(Some(text)) = meeting_score_line(store, meeting_id).await {
            let _ = line.try_set(Some(text));
        }
    });
    move || line.get().map(|text| format!(" · {text}"))
}
