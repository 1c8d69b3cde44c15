//! "Nguồn và đối chiếu" (`#/so-tay/nguon-doi-chieu`): every item of the handbook with its
//! source, when it was compared and what the comparison found, with the counts, so a
//! committee sees at a glance what is left to confirm; ordered as the handbook reads or
//! least certain first.

use leptos::prelude::*;
use sotay_domain::handbook::{CheckState, ItemRef, Origin, SourceOrder};
use sotay_domain::text as dt;

use super::reader::check_key;
use super::use_handbook;
use crate::router::Screen;
use crate::text::handbook as t;
use crate::ui::PageTitle;

#[component]
pub fn SourcesScreen() -> impl IntoView {
    let state = use_handbook();
    let order = RwSignal::new(SourceOrder::Reading);
    let counts = move || state.handbook.with(|handbook| handbook.check_counts(None));
    let builtin_line = move || state.handbook.with(|handbook| handbook.builtin_info().line());
    let committee_line = move || state.handbook.with(|handbook| handbook.committee_info().map(|info| info.line()));
    view! {
        <PageTitle title=t::SOURCES_TITLE/>
        <section class="card">
            <p>{t::SOURCES_INTRO}</p>
            <p class="small"><strong>{t::BUILTIN_PACK}": "</strong>{builtin_line}</p>
            {move || committee_line().map(|line| view! { <p class="small"><strong>{t::COMMITTEE_PACK}": "</strong>{line}</p> })}
            {move || {
                let counts = counts();
                view! {
                    <dl class="facts check-counts">
                        <dt>{t::SOURCES_TOTAL}</dt><dd>{counts.total()}</dd>
                        <dt>{dt::handbook::check_label(CheckState::Checked(sotay_domain::handbook::CheckOutcome::WordForWord))}</dt><dd>{counts.word_for_word}</dd>
                        <dt>{dt::handbook::check_label(CheckState::Checked(sotay_domain::handbook::CheckOutcome::FaithfulSummary))}</dt><dd>{counts.faithful_summary}</dd>
                        <dt>{dt::handbook::check_label(CheckState::Checked(sotay_domain::handbook::CheckOutcome::NotConfirmed))}</dt><dd>{counts.not_confirmed}</dd>
                        <dt>{dt::handbook::check_label(CheckState::NotChecked)}</dt><dd>{counts.not_checked}</dd>
                    </dl>
                }
            }}
        </section>
        <fieldset class="choices source-order">
            <legend>{t::SOURCES_ORDER}</legend>
            <label class="choice">
                <input type="radio" name="source-order" prop:checked=move || order.get() == SourceOrder::Reading on:change=move |_| order.set(SourceOrder::Reading)/>
                <span>{t::SOURCES_BY_READING}</span>
            </label>
            <label class="choice">
                <input type="radio" name="source-order" prop:checked=move || order.get() == SourceOrder::ByCheck on:change=move |_| order.set(SourceOrder::ByCheck)/>
                <span>{t::SOURCES_BY_CHECK}</span>
            </label>
        </fieldset>
        <ol class="source-list">
            {move || state.handbook.with(|handbook| handbook.sources(order.get()).into_iter().map(source_card).collect_view())}
        </ol>
    }
}

fn source_card(found: ItemRef<'_>) -> impl IntoView {
    let ItemRef { section, item, origin } = found;
    let state = item.source.check_state();
    let href = Screen::HandbookSection(section.id.clone(), Some(item.id.clone())).href();
    let origin_label = (origin == Origin::Committee).then(|| origin.label());
    view! {
        <li class="card source-row" data-check=check_key(state)>
            <a class="result-title" href=href>{item.title.clone()}</a>
            <p class="result-section">{section.title.clone()}{origin_label.map(|label| format!(" · {label}"))}</p>
            <p class="badges">
                <span class=format!("badge status-{}", item.source.status.key())>{item.source.status.label()}</span>
                " "
                <span class=format!("badge check-{}", check_key(state))>{dt::handbook::check_label(state)}</span>
            </p>
            <p class="small">{dt::handbook::source_line(&item.source)}</p>
            {item.source.check.as_ref().map(|check| view! { <p class="small check-line">{dt::handbook::check_line(check)}</p> })}
        </li>
    }
}
