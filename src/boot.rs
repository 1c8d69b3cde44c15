//! Start-up: the panic hook and mounting the shell into the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::shell::App;

/// On a panic, show the page's built-in Vietnamese crash notice instead of a frozen screen.
/// The notice is static HTML in index.html, so it works even when the app's own view cannot.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("{info}");
        if let Some(notice) = document().get_element_by_id("boot-crashed") {
            let _ = notice.remove_attribute("hidden");
        }
    }));
}

/// Compiling the wasm, reading what the first screen shows and building it run as tasks of
/// their own, the read itself in slices (`slices`), none of them a long task; index.html's
/// static first screen stays painted meanwhile.
pub async fn start_app() {
    crate::slices::yield_to_browser().await;
    let start = crate::store::StartRead::read().await;
    crate::slices::yield_to_browser().await;
    mount_app(start);
}

/// Mounts the app into `#app` with what start-up read, and removes the loading notice.
pub fn mount_app(start: crate::store::StartRead) {
    let document = document();
    let Some(target) = document.get_element_by_id("app").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) else {
        leptos::logging::error!("index.html has no #app element");
        return;
    };
    crate::timing::measured(crate::timing::MOUNT, || leptos::mount::mount_to(target, move || view! { <App start=start/> }).forget());
    if let Some(loading) = document.get_element_by_id("boot-loading") {
        loading.remove();
    }
}
