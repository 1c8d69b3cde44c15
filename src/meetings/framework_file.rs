//! Loading a committee's own scoring framework from a file (the format of
//! docs/frameworks.md): read and validated completely, shown with its legal basis and what it
//! would replace, and stored only on the user's word (`ui::RuleFileLoader`). The file is
//! untrusted: its texts are shown as text.

use leptos::prelude::*;
use sotay_domain::{builtin, Framework};

use crate::store::{framework as known_framework, use_store};
use crate::text::setup as t;
use crate::ui::{RuleFileLoader, RuleFileTexts};

/// Framework files are a few dozen KB; anything far bigger is not one.
const MAX_FRAMEWORK_BYTES: f64 = 1024.0 * 1024.0;

const TEXTS: RuleFileTexts = RuleFileTexts {
    hint: t::LOAD_FRAMEWORK_HINT,
    button: t::LOAD_FRAMEWORK,
    too_big: t::FRAMEWORK_FILE_TOO_BIG,
    unreadable: t::FRAMEWORK_FILE_UNREADABLE,
    refused: t::FRAMEWORK_REFUSED,
    preview: t::FRAMEWORK_PREVIEW,
    use_it: t::USE_FRAMEWORK,
    cancel: t::CANCEL,
    save_failed: t::FRAMEWORK_SAVE_FAILED,
    loaded: t::framework_loaded,
};

/// The "load from a file" control under the framework choices; `on_saved` gets the id of
/// the framework just stored, so the form can choose it.
#[component]
pub fn CommitteeFrameworkLoader(on_saved: Callback<String>) -> impl IntoView {
    let store = use_store();
    let save = move |framework: Framework| {
        let (id, name) = (framework.id.clone(), framework.name.clone());
        store.save_custom_framework(framework).then(|| {
            on_saved.run(id);
            name
        })
    };
    view! {
        <RuleFileLoader texts=TEXTS max_bytes=MAX_FRAMEWORK_BYTES read=read_framework
            preview=|framework| view! { <FrameworkSummary framework=framework/> }.into_any() save=save/>
    }
}

/// Parses and validates the file; a framework may not take the id of a built-in one, whose
/// meetings would silently be scored by the committee's rules instead.
fn read_framework(text: &str) -> Result<Framework, String> {
    match Framework::from_json(text) {
        Err(error) => Err(error.to_string()),
        Ok(framework) if builtin::by_id(&framework.id).is_some() => Err(t::framework_id_is_builtin(&framework.id)),
        Ok(framework) => Ok(framework),
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
