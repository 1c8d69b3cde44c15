//! Sinh hoạt: the meetings feature. Not built yet; the screen says so plainly.

use leptos::prelude::*;

use crate::text::meetings as t;

#[component]
pub fn MeetingsScreen() -> impl IntoView {
    view! { <section class="card notice"><p>{t::COMING}</p></section> }
}
