//! The handbook's content packs: which one is in use, importing a committee's pack
//! (validated completely before anything is stored), and going back to the built-in one.

use leptos::prelude::*;
use sotay_domain::handbook::Pack;

use super::use_handbook;
use crate::router::Screen;
use crate::store::use_store;
use crate::text::handbook as t;
use crate::ui::{json_file_button, PageTitle};

/// Packs are text; anything bigger is not one (and would strain a cheap phone).
const MAX_PACK_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

#[derive(Clone)]
enum Outcome {
    Imported(String),
    Failed(String),
    Reverted,
}

#[component]
pub fn PacksScreen() -> impl IntoView {
    let store = use_store();
    let state = use_handbook();
    let outcome = RwSignal::new(None::<Outcome>);
    let builtin_line = move || state.handbook.with(|h| h.builtin_info().line());
    let committee_line = move || state.handbook.with(|h| h.committee_info().map(|info| info.line()));

    let import = move |file: web_sys::File| {
        if file.size() > MAX_PACK_BYTES {
            outcome.set(Some(Outcome::Failed(crate::ui::refused_file(&file, t::FILE_TOO_BIG))));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = crate::data::files::read_text(&file).await;
            let Some(text) = text else {
                outcome.set(Some(Outcome::Failed(t::FILE_UNREADABLE.to_owned())));
                return;
            };
            // The whole pack is parsed and validated before anything is stored.
            match Pack::from_json(&text) {
                Err(error) => outcome.set(Some(Outcome::Failed(error.to_string()))),
                Ok(pack) => {
                    let line = pack.info().line();
                    if store.set_committee_pack(Some(pack)) {
                        outcome.set(Some(Outcome::Imported(line)));
                    }
                }
            }
        });
    };
    let revert = move |_| {
        if window().confirm_with_message(t::CONFIRM_REVERT).unwrap_or(false) && store.set_committee_pack(None) {
            outcome.set(Some(Outcome::Reverted));
        }
    };

    view! {
        <PageTitle title=t::PACKS/>
        <section class="card">
            <h2>{t::CURRENT_PACK}</h2>
            <p><strong>{t::BUILTIN_PACK}": "</strong>{builtin_line}</p>
            <p><strong>{t::COMMITTEE_PACK}": "</strong>{move || committee_line().unwrap_or_else(|| t::NO_COMMITTEE_PACK.to_owned())}</p>
        </section>
        <section class="card">
            <p class="hint">{t::IMPORT_HINT}</p>
            {json_file_button(t::IMPORT_PACK, "button file-button", import)}
            <Show when=move || committee_line().is_some()>
                <button type="button" class="button secondary" on:click=revert>{t::REVERT}</button>
            </Show>
            {move || outcome.get().map(|outcome| match outcome {
                Outcome::Imported(line) => view! { <p class="saved" role="status">{t::IMPORTED}" "{line}</p> }.into_any(),
                Outcome::Reverted => view! { <p class="saved" role="status">{t::REVERTED}</p> }.into_any(),
                Outcome::Failed(message) => view! {
                    <div class="error-card card" role="alert">
                        <p><strong>{t::IMPORT_FAILED}</strong></p>
                        <p class="pre">{message}</p>
                    </div>
                }.into_any(),
            })}
        </section>
        <section class="card">
            <p class="hint">{crate::text::authoring::PACK_EDITOR_HINT}</p>
            <a class="button secondary" href=Screen::PackEditor.href()>{crate::text::authoring::OPEN_PACK_EDITOR}</a>
        </section>
        <p><a href=Screen::Handbook.href()>{t::BACK_TO_CONTENTS}</a></p>
    }
}
