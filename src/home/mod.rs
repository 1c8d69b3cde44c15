//! Trang chủ: what the app is, where to start, and the chi bộ at a glance.

use leptos::prelude::*;

use crate::meetings::{score_line, start_new_meeting};
use crate::router::Screen;
use crate::store::{clock, use_store};
use crate::text::home as t;
use crate::ui::{format_date, PageTitle};

#[component]
pub fn HomeScreen() -> impl IntoView {
    let store = use_store();
    view! {
        <PageTitle title=t::TITLE/>
        {move || if store.chi_bo.with(Option::is_none) {
            view! {
                <section class="card">
                    <p>{t::INTRO}</p>
                    <p class="hint">{t::OFFLINE_NOTE}</p>
                </section>
                <section class="card notice">
                    <h2>{t::START_TITLE}</h2>
                    <p>{t::START}</p>
                    <a class="button big" href=Screen::ChiBoSetup.href()>{t::START_BUTTON}</a>
                </section>
            }.into_any()
        } else {
            view! { <crate::data::BackupReminder/><ChiBoAtAGlance/> }.into_any()
        }}
    }
}

#[component]
fn ChiBoAtAGlance() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let active_members = move || store.members.with(|m| m.iter().filter(|m| m.is_active_on(today)).count());
    let last = move || store.meetings.with(|m| m.first().cloned());
    view! {
        <section class="card">
            <p><strong>{active_members}</strong>" "{t::MEMBERS_COUNT}</p>
            <h2>{t::LAST_MEETING}</h2>
            {move || match last() {
                None => view! { <p>{t::NO_MEETING_YET}</p> }.into_any(),
                Some(meeting) => view! {
                    <p><a href=Screen::Meeting(meeting.id.clone()).href()>
                        {format_date(meeting.date)}" · "{sotay_domain::text::meeting_kind(meeting.kind)}" · "{score_line(store, &meeting)}
                    </a></p>
                }.into_any(),
            }}
            <button type="button" class="button big" on:click=move |_| start_new_meeting(store)>{t::NEXT_MEETING}</button>
        </section>
    }
}
