//! Trang chủ: what the app is, and what works in this version.

use leptos::prelude::*;

use crate::text::home as t;

#[component]
pub fn HomeScreen() -> impl IntoView {
    view! {
        <section class="card">
            <p>{t::INTRO}</p>
            <p class="hint">{t::OFFLINE_NOTE}</p>
        </section>
        <section class="card notice">
            <h2>{t::COMING_TITLE}</h2>
            <p>{t::COMING}</p>
        </section>
    }
}
