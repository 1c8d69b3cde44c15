//! The app shell: header with the chi bộ's name, the current screen, the bottom navigation.

mod icons;
pub mod lazy;
mod update;

use crate::toast::{self, Toasts};

use leptos::prelude::*;

use crate::router::{use_current_screen, Screen, NAV_SCREENS};
use crate::settings::SettingsContext;
use crate::store::{use_store, StartRead, Store};
use crate::text;

/// The app. `start`: what start-up read before mounting (`boot::start_app`); without it
/// (component tests) the store reads at once.
#[component]
pub fn App(#[prop(optional)] start: Option<StartRead>) -> impl IntoView {
    SettingsContext::install();
    Store::install(start.unwrap_or_else(StartRead::read_now));
    crate::handbook::HandbookSlot::install();
    crate::dang_uy::DangUySlot::install();
    let toasts = Toasts::install();
    let screen = use_current_screen();

    // Each screen starts at its top, as a new page would.
    Effect::new(move |_| {
        screen.track();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });

    view! {
        <Header/>
        <update::UpdateBanner/>
        <main id="main" class="screen">
            <StorageProblems/>
            {move || crate::routes::screen_body(screen.get())}
        </main>
        <toast::ToastArea toasts=toasts/>
        <BottomNav screen=screen/>
    }
}



/// Storage trouble is shown on every screen: a refused write means the last change is not kept.
#[component]
fn StorageProblems() -> impl IntoView {
    let store = use_store();
    view! {
        <Show when=move || store.unsaved.with(|unsaved| !unsaved.is_empty())>
            <UnsavedNotice/>
        </Show>
        <Show when=move || store.blocked.with(Option::is_some)>
            <p class="card error-card" role="alert">{text::data::BLOCKED}" "<a href=crate::data::data_screen_href()>{text::meetings::OPEN_DATA}</a></p>
        </Show>
        <Show when=move || store.load_problems.with(|p| !p.is_empty())>
            <p class="card error-card" role="alert">
                {text::meetings::UNREADABLE_RECORDS}" "{move || store.load_problems.with(Vec::len)}". "
                <a href=crate::data::data_screen_href()>{text::meetings::OPEN_DATA}</a>
            </p>
        </Show>
    }
}

/// Names every record whose latest change is not stored, until each is written.
#[component]
fn UnsavedNotice() -> impl IntoView {
    use text::storage_problems as t;
    let store = use_store();
    let retried = RwSignal::new(false);
    let retry = move |_| retried.set(!store.retry_unsaved());
    view! {
        <section class="card error-card unsaved" role="alert">
            <p><strong>{t::TITLE}</strong></p>
            <ul>{move || store.unsaved.with(|all| all.iter().map(|unsaved| view! { <li>{unsaved.what.clone()}</li> }).collect_view())}</ul>
            <p class="small">{t::HINT}</p>
            <button type="button" class="button secondary" on:click=retry>{t::RETRY}</button>
            {move || retried.get().then_some(view! { <p class="small">{t::RETRY_FAILED}</p> })}
        </section>
    }
}

#[component]
fn Header() -> impl IntoView {
    let store = use_store();
    // Nothing until the records are read: "no chi bộ yet" would be wrong for a moment.
    let chi_bo_name = move || match store.chi_bo.with(|chi_bo| chi_bo.as_ref().map(|c| c.name.clone())) {
        Some(name) => name,
        None if store.first_screen_ready() => text::NO_CHI_BO_YET.to_owned(),
        None => String::new(),
    };
    view! {
        <header class="app-header">
            <div class="app-header-text">
                <span class="app-name">{text::APP_NAME}</span>
                <span class="chi-bo-name">{chi_bo_name}</span>
            </div>
            <a class="icon-button" href=Screen::Settings.href() aria-label=text::nav::OPEN_SETTINGS title=text::nav::SETTINGS>
                {icons::settings()}
            </a>
        </header>
    }
}

#[component]
fn BottomNav(screen: ReadSignal<Screen>) -> impl IntoView {
    let links = NAV_SCREENS.map(|target| {
        let is_current = {
            let target = target.clone();
            move || screen.with(|current| current.section() == target)
        };
        let aria_current = {
            let is_current = is_current.clone();
            move || is_current().then_some("page")
        };
        view! {
            <a href=target.href() class="nav-link" class:active=is_current aria-current=aria_current>
                {icons::for_screen(&target)}
                <span>{target.nav_label()}</span>
            </a>
        }
    });
    view! { <nav class="bottom-nav" aria-label=text::nav::MAIN_MENU>{links}</nav> }
}
