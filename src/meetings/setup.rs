//! Creating or editing the chi bộ: name, kind, superior committee, meeting day, framework.

use leptos::prelude::*;
use sotay_domain::builtin;
use sotay_domain::model::{ChiBo, ChiBoKind};

use super::framework_file::CommitteeFrameworkLoader;
use crate::router::Screen;
use crate::store::{clock, frameworks, use_store};
use crate::text::setup as t;
use crate::ui::{FieldError, PageTitle};

#[component]
pub fn ChiBoSetupScreen() -> impl IntoView {
    let store = use_store();
    let existing = store.chi_bo.get_untracked();
    let is_new = existing.is_none();
    let name = RwSignal::new(existing.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let kind = RwSignal::new(existing.as_ref().map_or(ChiBoKind::Thon, |c| c.kind));
    let superior = RwSignal::new(existing.as_ref().map(|c| c.superior_committee.clone()).unwrap_or_default());
    let place_name = RwSignal::new(existing.as_ref().map(|c| c.place_name.clone()).unwrap_or_default());
    let day = RwSignal::new(existing.as_ref().map_or("3".to_owned(), |c| c.usual_meeting_day.to_string()));
    let framework_id =
        RwSignal::new(existing.as_ref().map_or(builtin::DEFAULT_ID.to_owned(), |c| c.framework_id.clone()));
    let attempted = RwSignal::new(false);
    let saved = RwSignal::new(false);

    let name_error = Signal::derive(move || (attempted.get() && name.with(|n| n.trim().is_empty())).then(|| t::NAME_REQUIRED.to_owned()));
    let parsed_day = move || day.with(|d| d.trim().parse::<u8>().ok().filter(|d| (1..=31).contains(d)));
    let day_error = Signal::derive(move || (attempted.get() && parsed_day().is_none()).then(|| t::DAY_INVALID.to_owned()));

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let (Some(usual_meeting_day), false) = (parsed_day(), name.with(|n| n.trim().is_empty())) else { return };
        let id = store.chi_bo.with_untracked(|c| c.as_ref().map(|c| c.id.clone())).unwrap_or_else(|| clock::new_id("cb"));
        let stored = store.save_chi_bo(ChiBo {
            id,
            name: name.get_untracked().trim().to_owned(),
            kind: kind.get_untracked(),
            superior_committee: superior.get_untracked().trim().to_owned(),
            place_name: place_name.get_untracked().trim().to_owned(),
            usual_meeting_day,
            framework_id: framework_id.get_untracked(),
            updated_at: clock::now(),
        });
        saved.set(stored);
    };

    let kinds = ChiBoKind::ALL.map(|option| {
        view! {
            <option value=format!("{option:?}") selected=move || kind.get() == option>{sotay_domain::text::chi_bo_kind(option)}</option>
        }
    });
    let framework_refused = RwSignal::new(None::<String>);
    let toasts = expect_context::<crate::toast::Toasts>();
    let delete_framework = move |id: String, name: String| {
        let chi_bo_uses = store.chi_bo.with_untracked(|c| c.as_ref().is_some_and(|c| c.framework_id == id));
        let scored = store.meetings_scored_with(&id);
        if chi_bo_uses || scored > 0 {
            framework_refused.set(Some(t::framework_in_use(&name, chi_bo_uses, scored)));
            return;
        }
        framework_refused.set(None);
        if !window().confirm_with_message(&t::confirm_delete_framework(&name)).unwrap_or(false) {
            return;
        }
        if let Some(removed) = store.delete_custom_framework(&id) {
            if framework_id.with_untracked(|chosen| *chosen == id) {
                framework_id.set(store.chi_bo.with_untracked(|c| c.as_ref().map(|c| c.framework_id.clone())).unwrap_or_else(|| builtin::DEFAULT_ID.to_owned()));
            }
            toasts.offer_undo(t::framework_deleted(&name), move || {
                store.save_custom_framework(removed.framework.clone());
            });
        }
    };
    // Rebuilt when a committee framework is loaded or deleted (the registry behind `frameworks()` is
    // filled from `custom_frameworks`).
    let framework_choices = move || {
        let custom_ids: Vec<String> = store.custom_frameworks.with(|all| all.iter().map(|custom| custom.framework.id.clone()).collect());
        frameworks()
            .iter()
            .map(|framework| {
                let id = framework.id.clone();
                let checked_id = id.clone();
                let provenance = sotay_domain::text::framework_provenance(framework);
                let (delete_id, name) = (id.clone(), framework.name.clone());
                let delete = custom_ids.contains(&id).then(|| view! {
                    <button type="button" class="button small secondary" on:click=move |_| delete_framework(delete_id.clone(), name.clone())>{t::DELETE_FRAMEWORK}</button>
                });
                view! {
                    <label class="choice tall">
                        <input type="radio" name="framework" value=id.clone()
                            prop:checked=move || framework_id.with(|f| *f == checked_id)
                            on:change=move |_| framework_id.set(id.clone())/>
                        <span>
                            <strong>{framework.name.clone()}</strong>
                            <small class="provenance">{provenance.join(" · ")}</small>
                        </span>
                    </label>
                    {delete}
                }
            })
            .collect_view()
    };

    view! {
        <PageTitle title=if is_new { t::TITLE_NEW } else { t::TITLE_EDIT }/>
        <form class="card form" on:submit=save novalidate>
            <p class="hint">{t::INTRO}</p>
            <label class="field">
                <span>{t::NAME}</span>
                <input type="text" required autocomplete="off" placeholder=t::NAME_EXAMPLE
                    prop:value=move || name.get() on:input=move |ev| { name.set(event_target_value(&ev)); saved.set(false); }/>
            </label>
            <FieldError message=name_error/>
            <label class="field">
                <span>{t::KIND}</span>
                <select on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(chosen) = ChiBoKind::ALL.into_iter().find(|k| format!("{k:?}") == value) { kind.set(chosen); }
                }>{kinds}</select>
            </label>
            <label class="field">
                <span>{t::SUPERIOR}</span>
                <input type="text" autocomplete="off" placeholder=t::SUPERIOR_EXAMPLE
                    prop:value=move || superior.get() on:input=move |ev| superior.set(event_target_value(&ev))/>
            </label>
            <label class="field">
                <span>{t::PLACE_NAME}</span>
                <input type="text" autocomplete="off" placeholder=t::PLACE_NAME_EXAMPLE
                    prop:value=move || place_name.get() on:input=move |ev| place_name.set(event_target_value(&ev))/>
                <small class="hint">{t::PLACE_NAME_HINT}</small>
            </label>
            <label class="field">
                <span>{t::MEETING_DAY}</span>
                <input type="number" inputmode="numeric" min="1" max="31"
                    prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev))/>
                <small class="hint">{t::MEETING_DAY_HINT}</small>
            </label>
            <FieldError message=day_error/>
            <fieldset class="choices">
                <legend>{t::FRAMEWORK}</legend>
                <p class="hint">{t::FRAMEWORK_HINT}</p>
                {framework_choices}
                {move || framework_refused.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
                <CommitteeFrameworkLoader on_saved=Callback::new(move |id| framework_id.set(id))/>
                <p class="hint">{crate::text::authoring::FRAMEWORK_EDITOR_HINT}</p>
                <a class="button secondary" href=Screen::FrameworkEditor.href()>{crate::text::authoring::OPEN_FRAMEWORK_EDITOR}</a>
            </fieldset>
            <button type="submit" class="button big">{t::SAVE}</button>
            <Show when=move || saved.get()>
                <p class="saved" role="status">{t::SAVED}" "
                    <Show when=move || store.members.with(Vec::is_empty)>
                        <a href=Screen::Roster.href()>{t::NEXT_STEP}</a>
                    </Show>
                </p>
            </Show>
        </form>
    }
}
