//! Loading a committee's own scoring framework from a file (the format of
//! docs/frameworks.md): read and validated completely, shown with its legal basis and what it
//! would replace, and stored only on the user's word. The file is untrusted: its texts are
//! shown as text.

use leptos::prelude::*;
use sotay_domain::{builtin, Framework};

use crate::store::{framework as known_framework, use_store};
use crate::text::setup as t;
use crate::ui::json_file_button;

/// Framework files are a few dozen KB; anything far bigger is not one.
const MAX_FRAMEWORK_BYTES: f64 = 1024.0 * 1024.0;

#[derive(Clone)]
enum Step {
    Idle,
    Refused(String),
    Previewing(Framework),
    Saved(String),
    SaveFailed,
}

/// The "load from a file" control under the framework choices; `on_saved` gets the id of
/// the framework just stored, so the form can choose it.
#[component]
pub fn CommitteeFrameworkLoader(on_saved: Callback<String>) -> impl IntoView {
    let store = use_store();
    let step = RwSignal::new(Step::Idle);

    let pick = move |file: web_sys::File| {
        if file.size() > MAX_FRAMEWORK_BYTES {
            step.set(Step::Refused(t::FRAMEWORK_FILE_TOO_BIG.to_owned()));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = crate::data::files::read_text(&file).await;
            step.set(match text {
                None => Step::Refused(t::FRAMEWORK_FILE_UNREADABLE.to_owned()),
                Some(text) => read_framework(&text),
            });
        });
    };
    let save = move |_| {
        let Step::Previewing(framework) = step.get_untracked() else { return };
        let (id, name) = (framework.id.clone(), framework.name.clone());
        if store.save_custom_framework(framework) {
            on_saved.run(id);
            step.set(Step::Saved(name));
        } else {
            step.set(Step::SaveFailed);
        }
    };

    view! {
        <div class="framework-file">
            <p class="hint">{t::LOAD_FRAMEWORK_HINT}</p>
            {json_file_button(t::LOAD_FRAMEWORK, "button secondary file-button", pick)}
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Refused(message) => view! {
                    <div class="card error-card" role="alert">
                        <p><strong>{t::FRAMEWORK_REFUSED}</strong></p>
                        <p class="pre">{message}</p>
                    </div>
                }.into_any(),
                Step::Previewing(framework) => view! {
                    <div class="preview-box" role="status">
                        <h3>{t::FRAMEWORK_PREVIEW}</h3>
                        <FrameworkSummary framework=framework/>
                        <div class="actions">
                            <button type="button" class="button" on:click=save>{t::USE_FRAMEWORK}</button>
                            <button type="button" class="button secondary" on:click=move |_| step.set(Step::Idle)>{t::CANCEL}</button>
                        </div>
                    </div>
                }.into_any(),
                Step::Saved(name) => view! { <p class="saved" role="status">{t::framework_loaded(&name)}</p> }.into_any(),
                Step::SaveFailed => view! { <p class="card error-card" role="alert">{t::FRAMEWORK_SAVE_FAILED}</p> }.into_any(),
            }}
        </div>
    }
}

/// Parses and validates the file; a framework may not take the id of a built-in one, whose
/// meetings would silently be scored by the committee's rules instead.
fn read_framework(text: &str) -> Step {
    match Framework::from_json(text) {
        Err(error) => Step::Refused(error.to_string()),
        Ok(framework) if builtin::by_id(&framework.id).is_some() => Step::Refused(t::framework_id_is_builtin(&framework.id)),
        Ok(framework) => Step::Previewing(framework),
    }
}

/// What the user needs to decide: which framework, on what basis, and what it replaces.
#[component]
fn FrameworkSummary(framework: Framework) -> impl IntoView {
    let store = use_store();
    let replaces = known_framework(&framework.id).map(|current| t::framework_replaces(&current.name, store.meetings_scored_with(&framework.id)));
    let kinds: Vec<&str> = framework.applies_to.iter().map(|kind| sotay_domain::text::meeting_kind(*kind)).collect();
    view! {
        <p><strong>{framework.name.clone()}</strong></p>
        <ul class="small">
            {sotay_domain::text::framework_provenance(&framework).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            <li>{t::framework_applies_to(&kinds.join(", "))}</li>
            <li>{t::framework_max_points(&sotay_domain::text::points(framework.total_points))}</li>
        </ul>
        <p>{replaces.unwrap_or_else(|| t::FRAMEWORK_NEW.to_owned())}</p>
    }
}
