//! Dữ liệu: backup, restore, share and merge. Not built yet; the screen says so plainly.

use leptos::prelude::*;

use crate::text::data as t;
use crate::ui::PageTitle;

#[component]
pub fn DataScreen() -> impl IntoView {
    view! { <PageTitle title=t::TITLE/><section class="card notice"><p>{t::COMING}</p></section> }
}
