//! Component tests: run in headless Chromium with `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use sotay_app::router::Screen;
use sotay_app::settings::{self, AppSettings, SettingsContext, SettingsScreen, TextSize};
use sotay_app::storage::{self, Key, StorageError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SETTINGS_KEY: &str = "sotay.settings";

fn local_storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn root_text_size() -> Option<String> {
    document().document_element().unwrap().get_attribute("data-text-size")
}

/// Mounts a view into a fresh container and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

#[wasm_bindgen_test]
fn hashes_map_to_screens_and_back() {
    for (hash, screen) in [
        ("", Screen::Home),
        ("#", Screen::Home),
        ("#/", Screen::Home),
        ("#/sinh-hoat", Screen::Meetings),
        ("#/so-tay", Screen::Handbook),
        ("#/du-lieu", Screen::Data),
        ("#/cai-dat", Screen::Settings),
        ("#/sinh-hoat/2026-05", Screen::Meetings),
        ("#/so-tay?q=chi-bo", Screen::Handbook),
    ] {
        assert_eq!(Screen::from_hash(hash), screen, "hash {hash:?}");
    }
    assert_eq!(Screen::from_hash("#/la"), Screen::NotFound("la".into()));
    for screen in [Screen::Home, Screen::Meetings, Screen::Handbook, Screen::Data, Screen::Settings] {
        assert_eq!(Screen::from_hash(&screen.href()), screen);
    }
}

#[wasm_bindgen_test]
fn settings_round_trip_through_storage() {
    local_storage().clear().unwrap();
    assert_eq!(storage::read::<AppSettings>(Key::Settings), Ok(None));
    let chosen = AppSettings { text_size: TextSize::Large };
    storage::write(Key::Settings, &chosen).unwrap();
    assert_eq!(settings::load(), chosen);
}

#[wasm_bindgen_test]
fn unreadable_settings_fall_back_to_defaults_without_being_erased() {
    local_storage().set_item(SETTINGS_KEY, "{not json").unwrap();
    assert!(matches!(storage::read::<AppSettings>(Key::Settings), Err(StorageError::Unreadable(_))));
    assert_eq!(settings::load(), AppSettings::default());
    // Loading must not overwrite what it could not read: the user may want it back.
    assert_eq!(local_storage().get_item(SETTINGS_KEY).unwrap().as_deref(), Some("{not json"));
}

#[wasm_bindgen_test]
fn settings_from_another_app_version_still_load() {
    local_storage().set_item(SETTINGS_KEY, r#"{"text_size":"extra_large","added_later":true}"#).unwrap();
    assert_eq!(settings::load().text_size, TextSize::ExtraLarge);
    local_storage().set_item(SETTINGS_KEY, "{}").unwrap();
    assert_eq!(settings::load().text_size, TextSize::Normal);
}

#[wasm_bindgen_test]
fn choosing_a_text_size_on_the_settings_screen_applies_and_persists_it() {
    local_storage().clear().unwrap();
    let container = mount(|| {
        SettingsContext::install();
        view! { <SettingsScreen/> }
    });
    assert_eq!(root_text_size().as_deref(), Some("normal"));

    let radios = container.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 3, "normal, large, very large");
    let normal: web_sys::HtmlInputElement = radios.item(0).unwrap().unchecked_into();
    assert!(normal.checked(), "the stored default is shown as chosen");

    let very_large: web_sys::HtmlInputElement =
        container.query_selector("input[value=xlarge]").unwrap().unwrap().unchecked_into();
    very_large.click();

    assert_eq!(root_text_size().as_deref(), Some("xlarge"));
    assert_eq!(settings::load().text_size, TextSize::ExtraLarge);
    assert!(container.text_content().unwrap().contains("Rất lớn"));
    container.remove();
}
