//! Loading a committee's own dossier template from a file (docs/review-template.md): read
//! and validated completely, previewed with its basis and headings, stored only on the
//! user's word (`ui::RuleFileLoader`, as for a framework). The file is untrusted: its texts
//! are shown as text.

use leptos::prelude::*;
use sotay_domain::review::{DossierTemplate, BUILTIN_TEMPLATE_ID};
use sotay_domain::text::review::template_provenance;

use crate::store::use_store;
use crate::text::review as t;
use crate::ui::{RuleFileLoader, RuleFileTexts};

/// Template files are a few KB; anything far bigger is not one.
const MAX_TEMPLATE_BYTES: f64 = 256.0 * 1024.0;

const TEXTS: RuleFileTexts = RuleFileTexts {
    hint: t::LOAD_TEMPLATE_HINT,
    button: t::LOAD_TEMPLATE,
    too_big: t::TEMPLATE_TOO_BIG,
    unreadable: t::TEMPLATE_UNREADABLE,
    refused: t::TEMPLATE_REFUSED,
    preview: t::TEMPLATE_PREVIEW,
    use_it: t::USE_TEMPLATE,
    cancel: t::CANCEL,
    save_failed: t::TEMPLATE_SAVE_FAILED,
    loaded: t::template_loaded,
};

/// "Nạp mẫu báo cáo của cấp ủy": `on_saved` gets the id of the template just stored.
#[component]
pub(crate) fn TemplateLoader(on_saved: Callback<String>) -> impl IntoView {
    let store = use_store();
    let save = move |template: DossierTemplate| {
        let (id, name) = (template.id.clone(), template.name.clone());
        store.save_custom_template(template).then(|| {
            on_saved.run(id);
            name
        })
    };
    view! { <RuleFileLoader texts=TEXTS max_bytes=MAX_TEMPLATE_BYTES read=read_template preview=preview save=save/> }
}

/// Parses and validates the file; the built-in template's id is the app's own.
fn read_template(text: &str) -> Result<DossierTemplate, String> {
    match DossierTemplate::from_json(text) {
        Err(error) => Err(error.to_string()),
        Ok(template) if template.id == BUILTIN_TEMPLATE_ID => Err(t::template_id_is_builtin(&template.id)),
        Ok(template) => Ok(template),
    }
}

fn preview(template: DossierTemplate) -> AnyView {
    view! {
        <p><strong>{template.name.clone()}</strong></p>
        <ul class="small">{template_provenance(&template).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
        <p>{t::template_sections(template.sections.len())}</p>
        <ol class="small">{template.sections.iter().map(|s| view! { <li>{s.heading.clone()}</li> }).collect_view()}</ol>
    }
    .into_any()
}
