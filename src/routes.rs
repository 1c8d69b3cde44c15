//! Which view each screen shows: the one place that names the screens, so the shell
//! (header, navigation, banners) names none and a screen never depends on the shell.

use leptos::prelude::*;

use crate::router::Screen;

/// The screen for `screen`. Home and the not-found page are in the main module; every other
/// screen is a split point (`lazy`): in the split build its code is fetched on first use, so a
/// new user's first load carries only the first screen.
///
/// Every arm calls a function of its own that is never inlined here: the browser compiles
/// WebAssembly lazily, one function on its first call, so a match with every screen inlined
/// into it would be compiled whole at start-up, whichever screen shows.
pub fn screen_body(screen: Screen) -> AnyView {
    use crate::shell::lazy::lazy_view;
    match screen {
        Screen::Home => screens::home(),
        Screen::Meetings => lazy_view(screens::meetings),
        Screen::Meeting(id) => lazy_view(move || screens::meeting(id.clone())),
        Screen::MeetingPrint(id) => lazy_view(move || screens::meeting_print(id.clone())),
        Screen::Plan(id) => lazy_view(move || screens::plan(id.clone())),
        Screen::PlanPrint(id) => lazy_view(move || screens::plan_print(id.clone())),
        Screen::Dues(month) => lazy_view(move || screens::dues(month)),
        Screen::DuesPrint(year, month) => lazy_view(move || screens::dues_print(year, month)),
        Screen::DuesYear(year) => lazy_view(move || screens::dues_year(year)),
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

    use crate::split::split_screen;
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
    split_screen!(chi_bo_records, fn plan(id: String) { view! { <crate::preparation::PlanScreen id=id/> }.into_any() });
    split_screen!(chi_bo_records, fn plan_print(id: String) { view! { <crate::preparation::print::PlanPrintScreen id=id/> }.into_any() });
    split_screen!(chi_bo_records, fn dues(month: Option<(i32, u32)>) { view! { <crate::dues::DuesScreen month=month/> }.into_any() });
    split_screen!(chi_bo_records, fn dues_print(year: i32, month: u32) { view! { <crate::dues::print::DuesMonthPrint year=year month=month/> }.into_any() });
    split_screen!(chi_bo_records, fn dues_year(year: i32) { view! { <crate::dues::year::DuesYearScreen year=year/> }.into_any() });
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