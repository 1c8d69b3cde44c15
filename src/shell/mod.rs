//! The app shell: header with the chi bộ's name, the current screen, the bottom navigation.

mod icons;
pub mod lazy;
mod toast;
mod update;

pub use toast::Toasts;

use leptos::prelude::*;

use crate::router::{use_current_screen, Screen, NAV_SCREENS};
use crate::settings::SettingsContext;
use crate::store::{use_store, Store};
use crate::text;

#[component]
pub fn App() -> impl IntoView {
    SettingsContext::install();
    Store::install();
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
            {move || screen_body(screen.get())}
        </main>
        <toast::ToastArea toasts=toasts/>
        <BottomNav screen=screen/>
    }
}

/// The screen for `screen`. Home and the not-found page are in the main module; every other
/// screen is a split point (`lazy`): in the split build its code is fetched on first use, so a
/// new user's first load carries only the first screen.
///
/// Every arm calls a function of its own that is never inlined here: the browser compiles
/// WebAssembly lazily, one function on its first call, so a match with every screen inlined
/// into it would be compiled whole at start-up, whichever screen shows.
fn screen_body(screen: Screen) -> AnyView {
    use lazy::lazy_view;
    match screen {
        Screen::Home => screens::home(),
        Screen::Meetings => lazy_view(screens::meetings),
        Screen::Meeting(id) => lazy_view(move || screens::meeting(id.clone())),
        Screen::MeetingPrint(id) => lazy_view(move || screens::meeting_print(id.clone())),
        Screen::YearSummary(year) => lazy_view(move || screens::year_summary(year)),
        Screen::Review(year) => lazy_view(move || screens::review(year)),
        Screen::ReviewPrint(year) => lazy_view(move || screens::review_print(year)),
        Screen::MemberYearPrint(year, id) => lazy_view(move || screens::member_year_print(year, id.clone())),
        Screen::ChiBoSetup => lazy_view(screens::chi_bo_setup),
        Screen::Roster => lazy_view(screens::roster),
        Screen::Member(id) => lazy_view(move || screens::member(id.clone())),
        Screen::Handbook => lazy_view(screens::handbook),
        Screen::HandbookSection(section, item) => {
            lazy_view(move || screens::handbook_section(section.clone(), item.clone()))
        }
        Screen::HandbookMarks => lazy_view(screens::handbook_marks),
        Screen::HandbookPacks => lazy_view(screens::handbook_packs),
        Screen::HandbookSources => lazy_view(screens::handbook_sources),
        Screen::Data => lazy_view(screens::data),
        Screen::Settings => lazy_view(screens::settings),
        Screen::DangUy => lazy_view(screens::dang_uy),
        Screen::DangUyChiBo(id, year) => lazy_view(move || screens::dang_uy_chi_bo(id.clone(), year)),
        Screen::DangUyMeeting(id, meeting) => lazy_view(move || screens::dang_uy_meeting(id.clone(), meeting.clone())),
        Screen::FrameworkEditor => lazy_view(screens::framework_editor),
        Screen::PackEditor => lazy_view(screens::pack_editor),
        Screen::NotFound(_) => screens::not_found(),
    }
}

/// The screens. Each `split_screen!` names the wasm module its code goes to in the split build.
/// Seven modules, grouped by who uses them together: the chi bộ's records (meeting, roster, member,
/// setup, review and their print views) share one, Sinh hoạt shares one with the year summary, the
/// đảng ủy's overview shares one with its two editors. Measured (BENCHMARKS.md, session 10): with a
/// module per screen, the code screens share was cut into 259 chunk files; each screen's first open
/// fetched and instantiated dozens of them (a meeting: 181 files), which took longer than fetching
/// one bigger module, and the pieces compressed worse apart (96 KB more gzip in all).
// A split point is an `extern "C"` pair between two modules of this same Rust program, so the
// Rust types crossing it (String, AnyView) are fine; the lint is for foreign code.
#[allow(improper_ctypes, improper_ctypes_definitions)]
mod screens {
    use leptos::prelude::*;

    use super::lazy::split_screen;
    use crate::meetings;
    use crate::router::Screen;
    use crate::settings::SettingsScreen;
    use crate::text;
    use crate::ui::PageTitle;

    #[inline(never)]
    pub fn home() -> AnyView {
        crate::home::HomeScreen().into_any()
    }

    split_screen!(meeting_list, fn meetings() { meetings::MeetingsScreen().into_any() });
    split_screen!(chi_bo_records, fn meeting(id: String) { view! { <meetings::editor::MeetingScreen id=id/> }.into_any() });
    split_screen!(chi_bo_records, fn meeting_print(id: String) { view! { <meetings::print::MeetingPrintScreen id=id/> }.into_any() });
    split_screen!(meeting_list, fn year_summary(year: i32) { view! { <meetings::summary::YearSummaryScreen year=year/> }.into_any() });
    split_screen!(chi_bo_records, fn review(year: i32) { view! { <crate::review::ReviewScreen year=year/> }.into_any() });
    split_screen!(chi_bo_records, fn review_print(year: i32) { view! { <crate::review::print::DossierPrintScreen year=year/> }.into_any() });
    split_screen!(chi_bo_records, fn member_year_print(year: i32, id: Option<String>) {
        view! { <crate::review::print::MemberYearPrintScreen year=year member_id=id/> }.into_any()
    });
    split_screen!(chi_bo_records, fn chi_bo_setup() { meetings::setup::ChiBoSetupScreen().into_any() });
    split_screen!(chi_bo_records, fn roster() { meetings::roster::RosterScreen().into_any() });
    split_screen!(chi_bo_records, fn member(id: Option<String>) { view! { <meetings::roster::MemberScreen id=id/> }.into_any() });
    split_screen!(handbook, fn handbook() { crate::handbook::when_ready(|| crate::handbook::HandbookScreen().into_any()) });
    split_screen!(handbook, fn handbook_section(section: String, item: Option<String>) {
        crate::handbook::when_ready(move || {
            view! { <crate::handbook::reader::SectionScreen section_id=section.clone() item_id=item.clone()/> }.into_any()
        })
    });
    split_screen!(handbook, fn handbook_marks() { crate::handbook::when_ready(|| crate::handbook::marks::MarksScreen().into_any()) });
    split_screen!(handbook, fn handbook_packs() { crate::handbook::when_ready(|| crate::handbook::packs::PacksScreen().into_any()) });
    split_screen!(handbook, fn handbook_sources() { crate::handbook::when_ready(|| crate::handbook::sources::SourcesScreen().into_any()) });
    split_screen!(data, fn data() { crate::data::DataScreen().into_any() });
    split_screen!(settings, fn settings() { view! { <SettingsScreen/> }.into_any() });
    split_screen!(dang_uy, fn dang_uy() { crate::dang_uy::overview::DangUyScreen().into_any() });
    split_screen!(dang_uy, fn dang_uy_chi_bo(id: String, year: i32) { view! { <crate::dang_uy::chi_bo::CollectedChiBoScreen id=id year=year/> }.into_any() });
    split_screen!(dang_uy, fn dang_uy_meeting(id: String, meeting: String) { view! { <crate::dang_uy::chi_bo::CollectedMeetingScreen chi_bo_id=id meeting_id=meeting/> }.into_any() });
    split_screen!(dang_uy, fn framework_editor() { crate::authoring::framework_editor::FrameworkEditorScreen().into_any() });
    split_screen!(dang_uy, fn pack_editor() {
        crate::handbook::when_ready(|| crate::authoring::pack_editor::PackEditorScreen().into_any())
    });

    #[inline(never)]
    pub fn not_found() -> AnyView {
        view! {
            <PageTitle title=text::not_found::TITLE/>
            <section class="card">
                <p>{text::not_found::BODY}</p>
                <a class="button" href=Screen::Home.href()>{text::not_found::BACK_HOME}</a>
            </section>
        }
        .into_any()
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
