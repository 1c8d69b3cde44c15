//! Sổ tay: the member handbook. Not built yet; the screen says so plainly.

use leptos::prelude::*;

use crate::text::handbook as t;
use crate::ui::PageTitle;

#[component]
pub fn HandbookScreen() -> impl IntoView {
    view! { <PageTitle title=t::TITLE/><section class="card notice"><p>{t::COMING}</p></section> }
}
