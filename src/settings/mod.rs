//! App settings: today the text size, which applies to the whole app and persists.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::storage::{self, Key};
use crate::text::settings as t;

/// The three text sizes offered; the root font size scales every rem-based size in the CSS.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    ExtraLarge,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::ExtraLarge];

    pub fn label(self) -> &'static str {
        match self {
            TextSize::Normal => t::SIZE_NORMAL,
            TextSize::Large => t::SIZE_LARGE,
            TextSize::ExtraLarge => t::SIZE_XLARGE,
        }
    }

    /// The value of the `data-text-size` attribute on `<html>` that style/main.css keys on.
    pub fn attribute_value(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::ExtraLarge => "xlarge",
        }
    }
}

/// Everything the settings screen stores. Unknown or missing fields fall back to defaults,
/// so settings written by an older or newer app version still load.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppSettings {
    pub text_size: TextSize,
}

/// Loads the stored settings; unreadable settings are not worth blocking start-up for.
pub fn load() -> AppSettings {
    storage::read(&Key::Settings).ok().flatten().unwrap_or_default()
}

/// Sets the text size on the document root so the whole page scales at once.
pub fn apply_text_size(size: TextSize) {
    if let Some(root) = document().document_element() {
        // Setting an attribute cannot fail on the root element in practice; nothing to recover.
        let _ = root.set_attribute("data-text-size", size.attribute_value());
    }
}

/// The app-wide settings, shared through context.
#[derive(Clone, Copy)]
pub struct SettingsContext {
    pub settings: RwSignal<AppSettings>,
    /// Set when the browser refused to store the last change.
    pub save_failed: RwSignal<bool>,
}

impl SettingsContext {
    /// Loads the settings, applies them, and keeps page and storage in step with every change.
    pub fn install() -> SettingsContext {
        let context = SettingsContext { settings: RwSignal::new(load()), save_failed: RwSignal::new(false) };
        apply_text_size(context.settings.get_untracked().text_size);
        provide_context(context);
        context
    }

    pub fn set_text_size(&self, size: TextSize) {
        self.settings.update(|settings| settings.text_size = size);
        apply_text_size(size);
        let saved = storage::write(&Key::Settings, &self.settings.get_untracked());
        self.save_failed.set(saved.is_err());
    }
}

/// The settings screen.
#[component]
pub fn SettingsScreen() -> impl IntoView {
    let context = expect_context::<SettingsContext>();
    let options = TextSize::ALL.map(|size| {
        let checked = move || context.settings.with(|s| s.text_size == size);
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="text-size"
                    value=size.attribute_value()
                    prop:checked=checked
                    on:change=move |_| context.set_text_size(size)
                />
                <span>{size.label()}</span>
            </label>
        }
    });
    view! {
        <crate::ui::PageTitle title=t::TITLE/>
        <section class="card">
            <fieldset class="choices">
                <legend>{t::TEXT_SIZE}</legend>
                <p class="hint">{t::TEXT_SIZE_HINT}</p>
                {options}
            </fieldset>
            <p class="preview">{t::PREVIEW}</p>
            <Show when=move || context.save_failed.get()>
                <p class="error" role="alert">{t::SAVE_FAILED}</p>
            </Show>
        </section>
        <ReadAloudNote/>
    }
}

/// Whether the handbook's "Đọc to" works here: it uses only a Vietnamese voice of the phone itself.
#[component]
fn ReadAloudNote() -> impl IntoView {
    let reader = crate::handbook::speech::Reader::get();
    view! {
        <section class="card">
            <h2>{t::READ_ALOUD}</h2>
            {move || match reader.has_voice.get() {
                Some(true) => view! { <p>{t::VOICE_FOUND}</p> }.into_any(),
                Some(false) => view! { <p>{t::NO_VOICE}</p> }.into_any(),
                None => view! { <p class="hint">{t::VOICE_CHECKING}</p> }.into_any(),
            }}
        </section>
    }
}
