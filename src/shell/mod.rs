//! The app shell: header with the chi bộ's name, the current screen, the bottom navigation.

mod icons;
mod update;

use leptos::prelude::*;

use crate::router::{use_current_screen, Screen, NAV_SCREENS};
use crate::settings::{SettingsContext, SettingsScreen};
use crate::text;

#[component]
pub fn App() -> impl IntoView {
    SettingsContext::install();
    let screen = use_current_screen();

    // Keep the document title in step (it names history entries) and start each screen at its top.
    Effect::new(move |_| {
        let current = screen.get();
        document().set_title(&format!("{} — {}", current.title(), text::APP_NAME));
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });

    view! {
        <Header/>
        <update::UpdateBanner/>
        <main id="main" class="screen">
            <h1 class="screen-title">{move || screen.get().title()}</h1>
            {move || screen_body(screen.get())}
        </main>
        <BottomNav screen=screen/>
    }
}

fn screen_body(screen: Screen) -> AnyView {
    match screen {
        Screen::Home => crate::home::HomeScreen().into_any(),
        Screen::Meetings => crate::meetings::MeetingsScreen().into_any(),
        Screen::Handbook => crate::handbook::HandbookScreen().into_any(),
        Screen::Data => crate::data::DataScreen().into_any(),
        Screen::Settings => view! { <SettingsScreen/> }.into_any(),
        Screen::NotFound(_) => view! {
            <section class="card">
                <p>{text::not_found::BODY}</p>
                <a class="button" href=Screen::Home.href()>{text::not_found::BACK_HOME}</a>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="app-header">
            <div class="app-header-text">
                <span class="app-name">{text::APP_NAME}</span>
                // The chi bộ is created in the meetings feature; until then the header says so.
                <span class="chi-bo-name">{text::NO_CHI_BO_YET}</span>
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
            move || screen.with(|current| *current == target)
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
