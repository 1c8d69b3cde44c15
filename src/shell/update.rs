//! The "new version" banner. The service worker plumbing is in assets/boot.js (it must run
//! before and outside the app); this component only shows the offer and passes on the answer.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::text::update as t;

/// Whether boot.js has already seen a waiting worker before the app started listening.
fn update_already_waiting() -> bool {
    js_sys::Reflect::get(&window(), &JsValue::from_str("sotayUpdateReady"))
        .map(|flag| flag.is_truthy())
        .unwrap_or(false)
}

/// Asks boot.js to activate the waiting worker; the page reloads when it takes over.
fn apply_update() {
    let apply = js_sys::Reflect::get(&window(), &JsValue::from_str("sotayApplyUpdate"));
    if let Ok(function) = apply.and_then(|value| value.dyn_into::<js_sys::Function>()) {
        let _ = function.call0(&JsValue::NULL);
    }
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let offered = RwSignal::new(update_already_waiting());
    let listener = window_event_listener_untyped("sotay-update-ready", move |_| offered.set(true));
    on_cleanup(move || listener.remove());

    view! {
        <Show when=move || offered.get()>
            <div class="update-banner" role="status" aria-live="polite">
                <p><strong>{t::READY}</strong>" "{t::SAFE}</p>
                <div class="update-actions">
                    <button type="button" class="button" on:click=move |_| apply_update()>{t::APPLY}</button>
                    <button type="button" class="button secondary" on:click=move |_| offered.set(false)>{t::LATER}</button>
                </div>
            </div>
        </Show>
    }
}
