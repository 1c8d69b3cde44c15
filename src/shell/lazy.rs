//! Showing a screen that lives in a WebAssembly module of its own (declared with
//! `crate::split::split_screen!`).
//!
//! A module that fails to load (offline on a first visit, a broken upload) must not panic —
//! a panic aborts the whole app — so the split points are `fallible` and [`lazy_view`] shows
//! a Vietnamese message with "Thử lại".

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;

use crate::text::lazy as t;

use crate::split::{ModuleLoadFailed, ScreenResult};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LoadStatus {
    Loading,
    Ready,
    Failed,
}

/// Shows the screen that `load` builds once its module is there and every stored record is
/// read (start-up reads only what Trang chủ shows, see `Store::install`): a short "Đang mở…"
/// line meanwhile, and on failure a message with "Thử lại" (which asks for the module again).
pub fn lazy_view<F, Fut>(load: F) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ScreenResult> + 'static,
{
    lazy_view_of(Arc::new(move || Box::pin(load()) as Pin<Box<dyn Future<Output = ScreenResult>>>))
}

/// A screen's split point, called again on "Thử lại".
type ScreenLoader = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = ScreenResult>>> + Send + Sync>;

/// The body of [`lazy_view`], behind one boxed loader: generic over each screen's function,
/// it was compiled once per screen (its reactive closures and the task's state machine, some
/// 25 copies in the first screen's module) for code that is the same for all of them.
#[inline(never)]
fn lazy_view_of(load: ScreenLoader) -> AnyView {
    let status = RwSignal::new(LoadStatus::Loading);
    let built = StoredValue::new_local(None::<AnyView>);
    // The screen is built and rendered under an owner of its own, a child of this one: its
    // signals, effects and contexts end with the screen (the shell's owner lives on across
    // screens, so a context provided there would outlive them and be found, disposed, by the
    // next screen). A value of this owner keeps it alive until then. A retry (from a click
    // handler, outside any owner) builds under the same one.
    let screen_owner = Owner::current().map(|parent| parent.child()).unwrap_or_default();
    let _keep_alive = StoredValue::new(screen_owner.clone());
    let render_owner = screen_owner.clone();
    let store = use_context::<crate::store::Store>();
    let start = move || {
        let load = load.clone();
        status.set(LoadStatus::Loading);
        let task = async move {
            if let Some(store) = store {
                if store.everything_read().await.is_err() {
                    let _ = status.try_set(LoadStatus::Failed);
                    return;
                }
            }
            match (load)().await {
                Ok(view) => {
                    built.set_value(Some(view));
                    let _ = status.try_set(LoadStatus::Ready);
                }
                Err(ModuleLoadFailed) => {
                    let _ = status.try_set(LoadStatus::Failed);
                }
            }
        };
        screen_owner.with(|| leptos::task::spawn_local_scoped_with_cancellation(task));
    };
    let retry = start.clone();
    start();
    (move || match status.get() {
        LoadStatus::Loading => view! { <p class="lazy-loading" role="status">{t::LOADING}</p> }.into_any(),
        // Rendered under the screen's owner too: its components look up the contexts it provides.
        LoadStatus::Ready => match built.try_update_value(Option::take).flatten() {
            Some(view) => OwnedView::new_with_owner(view, render_owner.clone()).into_any(),
            None => ().into_any(),
        },
        LoadStatus::Failed => failed_card(retry.clone()),
    })
    .into_any()
}

/// "Chưa mở được phần này" with "Thử lại": a part of the app whose file could not be fetched.
pub fn failed_card(retry: impl Fn() + 'static) -> AnyView {
    view! {
        <section class="card error-card" role="alert">
            <h2>{t::FAILED_TITLE}</h2>
            <p>{t::FAILED}</p>
            <button type="button" class="button" on:click=move |_| retry()>{t::RETRY}</button>
        </section>
    }
    .into_any()
}
