//! A plan's documents (the outline for the discussion and the draft resolution) laid out as an
//! A4 document, to print or save as PDF for members who read on paper.

use leptos::prelude::*;
use sotay_domain::text::preparation as words;

use crate::meetings::print::DocumentHeading;
use crate::router::Screen;
use crate::store::use_store;
use crate::text::preparation as t;
use crate::ui::{format_date, PageTitle};

#[component]
pub fn PlanPrintScreen(id: String) -> impl IntoView {
    let store = use_store();
    let Some(plan) = store.plan(&id) else {
        return view! {
            <PageTitle title=t::TITLE/>
            <p class="card">{t::NOT_FOUND}</p>
        }
        .into_any();
    };
    let back = Screen::Plan(plan.id.clone()).href();
    let title = words::meeting_title(plan.kind, plan.month);
    let day = format!("{} ngày {}", words::weekday(plan.date), format_date(plan.date));
    let section = |heading: &'static str, body: String| {
        (!body.trim().is_empty()).then(|| view! {
            <h3>{heading}</h3>
            <p class="pre">{body.trim().to_owned()}</p>
        })
    };
    let empty = plan.outline.trim().is_empty() && plan.draft_resolution.trim().is_empty();
    view! {
        <PageTitle title=format!("{} {}", t::PRINT_TITLE, format_date(plan.date))/>
        <nav class="actions no-print">
            <button type="button" class="button big" on:click=move |_| { let _ = window().print(); }>{t::PRINT}</button>
            <a class="button secondary" href=back>{t::BACK_TO_PLAN}</a>
        </nav>
        <article class="document">
            <DocumentHeading store=store/>
            <h2 class="doc-title">{t::PRINT_HEADING}</h2>
            <p class="doc-subtitle">{title}" — "{day}</p>
            {empty.then(|| view! { <p>{t::NO_DOCUMENTS}</p> })}
            {section(words::DOCUMENT_OUTLINE, plan.outline.clone())}
            {section(words::DOCUMENT_DRAFT, plan.draft_resolution.clone())}
        </article>
    }
    .into_any()
}
