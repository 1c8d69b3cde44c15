//! Every bookmark and note in one list. A note on an item that a newer pack no longer
//! has is kept and shown as such, never dropped.

use leptos::prelude::*;

use super::use_handbook;
use crate::router::Screen;
use crate::store::use_store;
use crate::text::handbook as t;
use crate::ui::PageTitle;

#[component]
pub fn MarksScreen() -> impl IntoView {
    let store = use_store();
    let state = use_handbook();
    let rows = move || {
        let marks = store.marks.get();
        state.handbook.with(|handbook| {
            marks
                .into_iter()
                .map(|mark| {
                    let found = handbook.item(&mark.item_id).map(|found| {
                        (found.item.title.clone(), found.section.title.clone(), Screen::HandbookSection(found.section.id.clone(), Some(found.item.id.clone())).href())
                    });
                    view! {
                        <li class="card mark">
                            {match found {
                                Some((title, section, href)) => view! {
                                    <a href=href class="result-title">{title}</a>
                                    <p class="result-section">{section}</p>
                                }.into_any(),
                                None => view! { <p class="field-error">{sotay_domain::text::handbook::item_missing()}</p> }.into_any(),
                            }}
                            {mark.bookmarked.then(|| view! { <p class="badge">{t::BOOKMARKED}</p> })}
                            {(!mark.note.trim().is_empty()).then(|| view! { <p class="pre"><strong>{t::NOTE_ON}": "</strong>{mark.note.clone()}</p> })}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <PageTitle title=t::MARKS/>
        <Show when=move || store.marks.with(Vec::is_empty)><p class="card">{t::MARKS_EMPTY}</p></Show>
        <ul class="results">{rows}</ul>
        <p><a href=Screen::Handbook.href()>{t::BACK_TO_CONTENTS}</a></p>
    }
}
