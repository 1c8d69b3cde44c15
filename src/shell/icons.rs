//! Inline SVG icons drawn for the app (nothing is loaded from elsewhere).

use leptos::prelude::*;

use crate::router::Screen;

fn icon(path: &'static str) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path/>
        </svg>
    }
}

pub fn for_screen(screen: &Screen) -> impl IntoView {
    icon(match screen {
        // A house.
        Screen::Home => "M12 3 2 12h3v8h5v-6h4v6h5v-8h3z",
        // A calendar page.
        Screen::Meetings => "M7 2v2H4v18h16V4h-3V2h-2v2H9V2zM6 9h12v11H6zm2 2v2h3v-2zm5 0v2h3v-2zm-5 4v2h3v-2z",
        // An open book.
        Screen::Handbook => "M12 6C10 4.5 7 4 3 4v15c4 0 7 .5 9 2 2-1.5 5-2 9-2V4c-4 0-7 .5-9 2zm-1 12c-1.8-.9-4-1.3-6-1.4V6c2 .1 4.2.5 6 1.5zm8-1.4c-2 .1-4.2.5-6 1.4V7.5c1.8-1 4-1.4 6-1.5z",
        // A stack of files.
        Screen::Data => "M12 2C7 2 4 3.6 4 5.5v13C4 20.4 7 22 12 22s8-1.6 8-3.5v-13C20 3.6 17 2 12 2zm0 2c3.9 0 6 1.1 6 1.5S15.9 7 12 7 6 5.9 6 5.5 8.1 4 12 4zM6 8.3C7.5 8.8 9.6 9 12 9s4.5-.2 6-.7V12c0 .4-2.1 1.5-6 1.5S6 12.4 6 12zm0 6.5c1.5.5 3.6.7 6 .7s4.5-.2 6-.7v3.7c0 .4-2.1 1.5-6 1.5s-6-1.1-6-1.5z",
        _ => SETTINGS_PATH,
    })
}

/// A gear.
const SETTINGS_PATH: &str = "M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7 7 0 0 0-1.7-1L15 3h-4l-.4 2.9a7 7 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7 7 0 0 0 1.7 1L11 21h4l.4-2.9a7 7 0 0 0 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z";

pub fn settings() -> impl IntoView {
    icon(SETTINGS_PATH)
}
