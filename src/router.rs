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
    /// One meeting: the recording form, or its record once finalised.
    Meeting(String),
    /// A meeting's minutes and score sheet laid out for printing.
    MeetingPrint(String),
    /// Preparing a meeting: its plan ("Chuẩn bị").
    Plan(String),
    /// A plan's documents (outline, draft resolution) laid out for printing.
    PlanPrint(String),
    /// The dues book of a month (year, month), or of the current month (`None`).
    Dues(Option<(i32, u32)>),
    /// A month's dues sheet laid out for printing (A4).
    DuesPrint(i32, u32),
    /// The year's dues book: each member's months, the warnings, the sheet to print.
    DuesYear(i32),
    YearSummary(i32),
    /// The year-end review of a year (Kiểm điểm cuối năm).
    Review(i32),
    /// The review's dossier laid out for printing.
    ReviewPrint(i32),
    /// Each member's year for printing: one member, or all (`None`).
    MemberYearPrint(i32, Option<String>),
    /// Create or edit the chi bộ itself.
    ChiBoSetup,
    Roster,
    /// A member's form; `None` is a new member.
    Member(Option<String>),
    Handbook,
    /// A handbook section, optionally scrolled to one item.
    HandbookSection(String, Option<String>),
    HandbookMarks,
    HandbookPacks,
    /// "Nguồn và đối chiếu": every item's source and check.
    HandbookSources,
    Data,
    Settings,
    /// Tổng hợp của đảng ủy: the collection of many chi bộ's files.
    DangUy,
    /// One chi bộ of the collection, one year, read only.
    DangUyChiBo(String, i32),
    /// One meeting of a collected chi bộ (chi bộ id, meeting id): its minutes and score sheet, read only.
    DangUyMeeting(String, String),
    /// "Soạn khung chấm điểm": the committee's framework editor.
    FrameworkEditor,
    /// "Soạn bộ nội dung sổ tay": the committee's handbook pack editor.
    PackEditor,
    NotFound(String),
}

/// The four screens of the bottom navigation, in display order.
pub const NAV_SCREENS: [Screen; 4] = [Screen::Home, Screen::Meetings, Screen::Handbook, Screen::Data];

const NEW_MEMBER: &str = "moi";
const HANDBOOK_MARKS: &str = "danh-dau";
const HANDBOOK_PACKS: &str = "bo-noi-dung";
const HANDBOOK_SOURCES: &str = "nguon-doi-chieu";
const MEMBER_PAGES: &str = "dang-vien";

impl Screen {
    /// Parses a location hash such as `#/sinh-hoat` (a missing or empty hash is the home screen).
    pub fn from_hash(hash: &str) -> Screen {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split('?').next().unwrap_or_default();
        let parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
        match parts.as_slice() {
            [] => Screen::Home,
            ["sinh-hoat"] => Screen::Meetings,
            ["sinh-hoat", id] => Screen::Meeting(decode(id)),
            ["sinh-hoat", id, "in"] => Screen::MeetingPrint(decode(id)),
            ["chuan-bi", id] => Screen::Plan(decode(id)),
            ["chuan-bi", id, "in"] => Screen::PlanPrint(decode(id)),
            ["dang-phi"] => Screen::Dues(None),
            ["dang-phi", "nam", year] => year.parse().map(Screen::DuesYear).unwrap_or_else(|_| not_found(path)),
            ["dang-phi", month] => year_month(month).map(|m| Screen::Dues(Some(m))).unwrap_or_else(|| not_found(path)),
            ["dang-phi", month, "in"] => year_month(month).map(|(y, m)| Screen::DuesPrint(y, m)).unwrap_or_else(|| not_found(path)),
            ["tong-hop", year] => year.parse().map(Screen::YearSummary).unwrap_or_else(|_| not_found(path)),
            ["kiem-diem", year] => year.parse().map(Screen::Review).unwrap_or_else(|_| not_found(path)),
            ["kiem-diem", year, "in"] => year.parse().map(Screen::ReviewPrint).unwrap_or_else(|_| not_found(path)),
            ["kiem-diem", year, MEMBER_PAGES] => {
                year.parse().map(|year| Screen::MemberYearPrint(year, None)).unwrap_or_else(|_| not_found(path))
            }
            ["kiem-diem", year, MEMBER_PAGES, id] => year
                .parse()
                .map(|year| Screen::MemberYearPrint(year, Some(decode(id))))
                .unwrap_or_else(|_| not_found(path)),
            ["chi-bo"] => Screen::ChiBoSetup,
            ["dang-vien"] => Screen::Roster,
            ["dang-vien", id] if *id == NEW_MEMBER => Screen::Member(None),
            ["dang-vien", id] => Screen::Member(Some(decode(id))),
            ["so-tay"] => Screen::Handbook,
            ["so-tay", page] if *page == HANDBOOK_MARKS => Screen::HandbookMarks,
            ["so-tay", page] if *page == HANDBOOK_PACKS => Screen::HandbookPacks,
            ["so-tay", page] if *page == HANDBOOK_SOURCES => Screen::HandbookSources,
            ["so-tay", section] => Screen::HandbookSection(decode(section), None),
            ["so-tay", section, item] => Screen::HandbookSection(decode(section), Some(decode(item))),
            ["du-lieu"] => Screen::Data,
            ["cai-dat"] => Screen::Settings,
            ["dang-uy"] => Screen::DangUy,
            ["dang-uy", id, "sinh-hoat", meeting] => Screen::DangUyMeeting(decode(id), decode(meeting)),
            ["dang-uy", id, year] => year.parse().map(|year| Screen::DangUyChiBo(decode(id), year)).unwrap_or_else(|_| not_found(path)),
            ["soan-khung"] => Screen::FrameworkEditor,
            ["soan-so-tay"] => Screen::PackEditor,
            _ => not_found(path),
        }
    }

    /// The link to this screen, relative to the page (keeps any subpath the app is served under).
    pub fn href(&self) -> String {
        let path = match self {
            Screen::Home => String::new(),
            Screen::Meetings => "sinh-hoat".into(),
            Screen::Meeting(id) => format!("sinh-hoat/{}", encode(id)),
            Screen::MeetingPrint(id) => format!("sinh-hoat/{}/in", encode(id)),
            Screen::Plan(id) => format!("chuan-bi/{}", encode(id)),
            Screen::PlanPrint(id) => format!("chuan-bi/{}/in", encode(id)),
            Screen::Dues(None) => "dang-phi".into(),
            Screen::Dues(Some((year, month))) => format!("dang-phi/{year:04}-{month:02}"),
            Screen::DuesPrint(year, month) => format!("dang-phi/{year:04}-{month:02}/in"),
            Screen::DuesYear(year) => format!("dang-phi/nam/{year}"),
            Screen::YearSummary(year) => format!("tong-hop/{year}"),
            Screen::Review(year) => format!("kiem-diem/{year}"),
            Screen::ReviewPrint(year) => format!("kiem-diem/{year}/in"),
            Screen::MemberYearPrint(year, None) => format!("kiem-diem/{year}/{MEMBER_PAGES}"),
            Screen::MemberYearPrint(year, Some(id)) => format!("kiem-diem/{year}/{MEMBER_PAGES}/{}", encode(id)),
            Screen::ChiBoSetup => "chi-bo".into(),
            Screen::Roster => "dang-vien".into(),
            Screen::Member(None) => format!("dang-vien/{NEW_MEMBER}"),
            Screen::Member(Some(id)) => format!("dang-vien/{}", encode(id)),
            Screen::Handbook => "so-tay".into(),
            Screen::HandbookSection(section, None) => format!("so-tay/{}", encode(section)),
            Screen::HandbookSection(section, Some(item)) => format!("so-tay/{}/{}", encode(section), encode(item)),
            Screen::HandbookMarks => format!("so-tay/{HANDBOOK_MARKS}"),
            Screen::HandbookPacks => format!("so-tay/{HANDBOOK_PACKS}"),
            Screen::HandbookSources => format!("so-tay/{HANDBOOK_SOURCES}"),
            Screen::Data => "du-lieu".into(),
            Screen::Settings => "cai-dat".into(),
            Screen::DangUy => "dang-uy".into(),
            Screen::DangUyChiBo(id, year) => format!("dang-uy/{}/{year}", encode(id)),
            Screen::DangUyMeeting(id, meeting) => format!("dang-uy/{}/sinh-hoat/{}", encode(id), encode(meeting)),
            Screen::FrameworkEditor => "soan-khung".into(),
            Screen::PackEditor => "soan-so-tay".into(),
            Screen::NotFound(path) => path.clone(),
        };
        format!("#/{path}")
    }

    /// Which bottom-navigation entry this screen belongs to (it is shown as current).
    pub fn section(&self) -> Screen {
        match self {
            Screen::Meetings
            | Screen::Meeting(_)
            | Screen::MeetingPrint(_)
            | Screen::Plan(_)
            | Screen::PlanPrint(_)
            | Screen::Dues(_)
            | Screen::DuesPrint(..)
            | Screen::DuesYear(_)
            | Screen::YearSummary(_)
            | Screen::Review(_)
            | Screen::ReviewPrint(_)
            | Screen::MemberYearPrint(..)
            | Screen::ChiBoSetup
            | Screen::Roster
            | Screen::Member(_)
            | Screen::FrameworkEditor => Screen::Meetings,
            Screen::Handbook
            | Screen::HandbookSection(..)
            | Screen::HandbookMarks
            | Screen::HandbookPacks
            | Screen::HandbookSources
            | Screen::PackEditor => {
                Screen::Handbook
            }
            Screen::Data => Screen::Data,
            _ => Screen::Home,
        }
    }

    /// The short label in the bottom navigation.
    pub fn nav_label(&self) -> &'static str {
        match self {
            Screen::Meetings => text::nav::MEETINGS,
            Screen::Handbook => text::nav::HANDBOOK,
            Screen::Data => text::nav::DATA,
            Screen::Settings => text::nav::SETTINGS,
            _ => text::nav::HOME,
        }
    }
}

/// "2026-11" as (2026, 11); `None` for anything else.
fn year_month(text: &str) -> Option<(i32, u32)> {
    let (year, month) = text.split_once('-')?;
    let (year, month): (i32, u32) = (year.parse().ok()?, month.parse().ok()?);
    (year.to_string().len() == 4 && (1..=12).contains(&month)).then_some((year, month))
}

fn not_found(path: &str) -> Screen {
    Screen::NotFound(path.to_owned())
}

/// Ids are generated by the app from `[a-z0-9-]`, but imported files may carry others:
/// percent-encode everything outside that set so any id survives the URL.
fn encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' || byte == b'.' {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes.get(index + 1..index + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[index], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(value)) => {
                out.push(value);
                index += 3;
            }
            (byte, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Moves to a screen, adding a history entry (the back button returns here).
pub fn navigate(screen: &Screen) {
    let _ = window().location().set_hash(screen.href().trim_start_matches('#'));
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
