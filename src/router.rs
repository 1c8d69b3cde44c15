//! A tiny hash router.
//!
//! Why not `leptos_router`: it has no hash mode, so a deep link such as `/so-tay/sinh-hoat`
//! would 404 on reload from a plain static server (`python3 -m http.server`, most free
//! hosts) unless the host rewrites every path to index.html — which our users cannot
//! configure. It also costs about 36 KB brotli. Hash URLs (`…/so-tay/#/sinh-hoat`) always load
//! the same index.html, work under any subpath, and still give every screen its own URL and
//! a browser-history entry, so the phone's back button moves between screens.

use leptos::prelude::*;

use crate::text;

/// Every screen of the app, parsed from the part of the URL after `#`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    Meetings,
    Handbook,
    Data,
    Settings,
    NotFound(String),
}

/// The four screens of the bottom navigation, in display order.
pub const NAV_SCREENS: [Screen; 4] = [Screen::Home, Screen::Meetings, Screen::Handbook, Screen::Data];

impl Screen {
    /// Parses a location hash such as `#/sinh-hoat` (a missing or empty hash is the home screen).
    pub fn from_hash(hash: &str) -> Screen {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '/']).next().unwrap_or_default();
        match path {
            "" => Screen::Home,
            "sinh-hoat" => Screen::Meetings,
            "so-tay" => Screen::Handbook,
            "du-lieu" => Screen::Data,
            "cai-dat" => Screen::Settings,
            other => Screen::NotFound(other.to_owned()),
        }
    }

    /// The link to this screen, relative to the page (keeps any subpath the app is served under).
    pub fn href(&self) -> String {
        let path = match self {
            Screen::Home => "",
            Screen::Meetings => "sinh-hoat",
            Screen::Handbook => "so-tay",
            Screen::Data => "du-lieu",
            Screen::Settings => "cai-dat",
            Screen::NotFound(path) => path,
        };
        format!("#/{path}")
    }

    /// The screen's title, used for the heading and the document title.
    pub fn title(&self) -> &'static str {
        match self {
            Screen::Home => text::home::TITLE,
            Screen::Meetings => text::meetings::TITLE,
            Screen::Handbook => text::handbook::TITLE,
            Screen::Data => text::data::TITLE,
            Screen::Settings => text::settings::TITLE,
            Screen::NotFound(_) => text::not_found::TITLE,
        }
    }

    /// The short label in the bottom navigation.
    pub fn nav_label(&self) -> &'static str {
        match self {
            Screen::Home => text::nav::HOME,
            Screen::Meetings => text::nav::MEETINGS,
            Screen::Handbook => text::nav::HANDBOOK,
            Screen::Data => text::nav::DATA,
            Screen::Settings => text::nav::SETTINGS,
            Screen::NotFound(_) => text::not_found::TITLE,
        }
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// A signal holding the current screen, kept in step with the URL for the app's lifetime.
pub fn use_current_screen() -> ReadSignal<Screen> {
    let (screen, set_screen) = signal(Screen::from_hash(&current_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        set_screen.set(Screen::from_hash(&current_hash()));
    });
    // The shell lives as long as the page, so the listener is never removed.
    std::mem::forget(listener);
    screen
}
