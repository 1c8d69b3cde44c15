//! Component tests: run in headless Chromium with `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use sotay_app::router::Screen;
use sotay_app::settings::{self, AppSettings, SettingsContext, SettingsScreen, TextSize};
use sotay_app::storage::{self, Key, StorageError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SETTINGS_KEY: &str = "sotay.settings";

fn local_storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn root_text_size() -> Option<String> {
    document().document_element().unwrap().get_attribute("data-text-size")
}

/// Mounts a view into a fresh container and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

#[wasm_bindgen_test]
fn hashes_map_to_screens_and_back() {
    for (hash, screen) in [
        ("", Screen::Home),
        ("#", Screen::Home),
        ("#/", Screen::Home),
        ("#/sinh-hoat", Screen::Meetings),
        ("#/so-tay", Screen::Handbook),
        ("#/du-lieu", Screen::Data),
        ("#/cai-dat", Screen::Settings),
        ("#/sinh-hoat/sh-1f3a", Screen::Meeting("sh-1f3a".into())),
        ("#/sinh-hoat/sh-1f3a/in", Screen::MeetingPrint("sh-1f3a".into())),
        ("#/tong-hop/2026", Screen::YearSummary(2026)),
        ("#/kiem-diem/2026", Screen::Review(2026)),
        ("#/kiem-diem/2026/in", Screen::ReviewPrint(2026)),
        ("#/kiem-diem/2026/dang-vien", Screen::MemberYearPrint(2026, None)),
        ("#/kiem-diem/2026/dang-vien/dv-9", Screen::MemberYearPrint(2026, Some("dv-9".into()))),
        ("#/chi-bo", Screen::ChiBoSetup),
        ("#/dang-vien", Screen::Roster),
        ("#/dang-vien/moi", Screen::Member(None)),
        ("#/dang-vien/dv-9", Screen::Member(Some("dv-9".into()))),
        ("#/so-tay?q=chi-bo", Screen::Handbook),
        ("#/dang-uy", Screen::DangUy),
        ("#/dang-uy/cb-1/2026", Screen::DangUyChiBo("cb-1".into(), 2026)),
        ("#/dang-uy/cb-1/sinh-hoat/sh-2", Screen::DangUyMeeting("cb-1".into(), "sh-2".into())),
        ("#/soan-khung", Screen::FrameworkEditor),
        ("#/soan-so-tay", Screen::PackEditor),
    ] {
        assert_eq!(Screen::from_hash(hash), screen, "hash {hash:?}");
    }
    assert_eq!(Screen::from_hash("#/la"), Screen::NotFound("la".into()));
    assert_eq!(Screen::from_hash("#/tong-hop/nam-nay"), Screen::NotFound("tong-hop/nam-nay".into()));
    assert_eq!(Screen::from_hash("#/sinh-hoat/a/b/c"), Screen::NotFound("sinh-hoat/a/b/c".into()));
    assert_eq!(Screen::from_hash("#/dang-uy/cb-1/nam-nay"), Screen::NotFound("dang-uy/cb-1/nam-nay".into()));
    for screen in [
        Screen::Home,
        Screen::Meetings,
        Screen::Meeting("sh-1".into()),
        // Ids from imported files may hold any character: they survive the URL.
        Screen::Meeting("cuộc họp/5 #1".into()),
        Screen::MemberYearPrint(2025, Some("đảng viên/1".into())),
        Screen::MeetingPrint("sh-1".into()),
        Screen::YearSummary(2025),
        Screen::ChiBoSetup,
        Screen::Roster,
        Screen::Member(None),
        Screen::Member(Some("dv 1".into())),
        Screen::Handbook,
        Screen::Data,
        Screen::Settings,
        Screen::DangUy,
        Screen::DangUyChiBo("chi bộ/1".into(), 2025),
        Screen::DangUyMeeting("cb 1".into(), "sh/2".into()),
        Screen::FrameworkEditor,
        Screen::PackEditor,
    ] {
        assert_eq!(Screen::from_hash(&screen.href()), screen, "{screen:?}");
    }
    // Sub-screens light up their section in the bottom navigation.
    assert_eq!(Screen::Member(None).section(), Screen::Meetings);
    assert_eq!(Screen::Settings.section(), Screen::Home);
}

#[wasm_bindgen_test]
fn settings_round_trip_through_storage() {
    local_storage().clear().unwrap();
    assert_eq!(storage::read::<AppSettings>(&Key::Settings), Ok(None));
    let chosen = AppSettings { text_size: TextSize::Large };
    storage::write(&Key::Settings, &chosen).unwrap();
    assert_eq!(settings::load(), chosen);
}

#[wasm_bindgen_test]
fn unreadable_settings_fall_back_to_defaults_without_being_erased() {
    local_storage().set_item(SETTINGS_KEY, "{not json").unwrap();
    assert!(matches!(storage::read::<AppSettings>(&Key::Settings), Err(StorageError::Unreadable { .. })));
    assert_eq!(settings::load(), AppSettings::default());
    // Loading must not overwrite what it could not read: the user may want it back.
    assert_eq!(local_storage().get_item(SETTINGS_KEY).unwrap().as_deref(), Some("{not json"));
}

#[wasm_bindgen_test]
fn settings_from_another_app_version_still_load() {
    local_storage().set_item(SETTINGS_KEY, r#"{"text_size":"extra_large","added_later":true}"#).unwrap();
    assert_eq!(settings::load().text_size, TextSize::ExtraLarge);
    local_storage().set_item(SETTINGS_KEY, "{}").unwrap();
    assert_eq!(settings::load().text_size, TextSize::Normal);
}

#[wasm_bindgen_test]
fn choosing_a_text_size_on_the_settings_screen_applies_and_persists_it() {
    local_storage().clear().unwrap();
    let container = mount(|| {
        SettingsContext::install();
        view! { <SettingsScreen/> }
    });
    assert_eq!(root_text_size().as_deref(), Some("normal"));

    let radios = container.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 3, "normal, large, very large");
    let normal: web_sys::HtmlInputElement = radios.item(0).unwrap().unchecked_into();
    assert!(normal.checked(), "the stored default is shown as chosen");

    let very_large: web_sys::HtmlInputElement =
        container.query_selector("input[value=xlarge]").unwrap().unwrap().unchecked_into();
    very_large.click();

    assert_eq!(root_text_size().as_deref(), Some("xlarge"));
    assert_eq!(settings::load().text_size, TextSize::ExtraLarge);
    assert!(container.text_content().unwrap().contains("Rất lớn"));
    container.remove();
}

// ---------------------------------------------------------------------------------------
// The meeting feature's forms, mounted in the real app shell.
// ---------------------------------------------------------------------------------------

use sotay_app::meetings::sheet::parse_points;
use sotay_app::ui::{parse_date_value, parse_time_value, time_value};
use sotay_domain::Decimal;

/// Resolves after the browser has run pending work (effects, hash changes).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A fresh page state: empty storage, the given screen, the whole app mounted, and the
/// screen built (every screen but home is a split point, built once its module is there).
async fn open_app_at(hash: &str) -> web_sys::HtmlElement {
    window().location().set_hash(hash).unwrap();
    settle().await;
    let app = mount(|| view! { <sotay_app::shell::App/> });
    settle().await;
    app
}

fn button_with_text(root: &web_sys::HtmlElement, text: &str) -> web_sys::HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|node| node.unchecked_into::<web_sys::HtmlElement>())
        .find(|button| button.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button «{text}»"))
}

fn stored(key: &str) -> serde_json::Value {
    serde_json::from_str(&local_storage().get_item(key).unwrap().unwrap_or_else(|| panic!("{key} not stored"))).unwrap()
}

fn seed_chi_bo_with_members_and_draft() -> &'static str {
    local_storage().clear().unwrap();
    let now = "2026-05-01T00:00:00Z";
    local_storage()
        .set_item(
            "sotay.chibo",
            &format!(r#"{{"id":"cb","name":"Chi bộ thôn Đồng Tâm","kind":"thon","superior_committee":"Đảng ủy xã","usual_meeting_day":3,"framework_id":"hd42-anphu-2025","updated_at":"{now}"}}"#),
        )
        .unwrap();
    for (id, name) in [("m1", "Nguyễn Văn An"), ("m2", "Lê Thị Cúc"), ("m3", "Trần Văn Bảy")] {
        local_storage()
            .set_item(&format!("sotay.member.{id}"), &format!(r#"{{"id":"{id}","name":"{name}","role":"dang_vien","status":"chinh_thuc","updated_at":"{now}"}}"#))
            .unwrap();
    }
    local_storage()
        .set_item(
            "sotay.meeting.mtg1",
            &format!(r#"{{"id":"mtg1","date":"2026-05-03","kind":"thuong_ky","own_sheet":{{"framework_id":"hd42-anphu-2025"}},"updated_at":"{now}"}}"#),
        )
        .unwrap();
    "mtg1"
}

#[wasm_bindgen_test]
fn form_values_round_trip() {
    assert_eq!(time_value(parse_time_value("19:05")), "19:05");
    assert_eq!(parse_time_value("19:05:00"), parse_time_value("19:05"));
    assert_eq!(parse_time_value(""), None);
    assert_eq!(parse_date_value("2026-05-03").map(|d| d.to_string()).as_deref(), Some("2026-05-03"));
    assert_eq!(parse_date_value("03/05/2026"), None, "date inputs always give yyyy-mm-dd");
    let five = Decimal::from_f64(5.0);
    assert_eq!(parse_points("2,5", five), Some(Decimal::from_f64(2.5)));
    assert_eq!(parse_points(" 3 ", five), Some(Decimal::from_f64(3.0)));
    assert_eq!(parse_points("9", five), Some(five), "never above the criterion's maximum");
    assert_eq!(parse_points("-1", five), Some(Decimal::from_f64(0.0)));
    assert_eq!(parse_points("ba", five), None);
}

#[wasm_bindgen_test]
async fn the_chi_bo_form_refuses_an_empty_name_then_saves() {
    local_storage().clear().unwrap();
    let app = open_app_at("#/chi-bo").await;
    let form: web_sys::HtmlFormElement = app.query_selector("form").unwrap().unwrap().unchecked_into();
    form.request_submit().unwrap();
    settle().await;
    assert!(app.text_content().unwrap().contains("Hãy nhập tên chi bộ."));
    assert!(local_storage().get_item("sotay.chibo").unwrap().is_none(), "nothing saved while invalid");

    let name: web_sys::HtmlInputElement = app.query_selector("input[type=text]").unwrap().unwrap().unchecked_into();
    name.set_value("Chi bộ thôn Đồng Tâm");
    name.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    form.request_submit().unwrap();
    settle().await;
    assert_eq!(stored("sotay.chibo")["name"], "Chi bộ thôn Đồng Tâm");
    assert_eq!(stored("sotay.chibo")["usual_meeting_day"], 3);
    assert_eq!(stored("sotay.schema_version"), serde_json::json!(sotay_app::storage::SCHEMA_VERSION));
    assert!(app.query_selector(".chi-bo-name").unwrap().unwrap().text_content().unwrap().contains("Đồng Tâm"));
    app.remove();
}

#[wasm_bindgen_test]
async fn roll_call_taps_are_saved_at_once_and_counted() {
    let id = seed_chi_bo_with_members_and_draft();
    let app = open_app_at(&format!("#/sinh-hoat/{id}")).await;
    settle().await;
    let rows = app.query_selector_all("li.roll-row").unwrap();
    assert_eq!(rows.length(), 3);
    // Members are listed in Vietnamese order of given name: An, Bảy, Cúc.
    let first: web_sys::HtmlElement = rows.item(0).unwrap().unchecked_into();
    assert!(first.text_content().unwrap().starts_with("Nguyễn Văn An"));

    button_with_text(&first, "Vắng không lý do").click();
    settle().await;
    let attendance = &stored("sotay.meeting.mtg1")["attendance"];
    assert_eq!(attendance[0]["member_id"], "m1");
    assert_eq!(attendance[0]["status"], "absent_without_reason");

    button_with_text(&app, "Những người chưa điểm danh: có mặt").click();
    settle().await;
    assert_eq!(stored("sotay.meeting.mtg1")["attendance"].as_array().unwrap().len(), 3);
    let counts = app.query_selector(".counts").unwrap().unwrap().text_content().unwrap();
    assert!(counts.contains("Có mặt: 2/3 (66,7%)"), "{counts}");
    assert!(counts.contains("Vắng không lý do: 1"), "{counts}");
    app.remove();
}

#[wasm_bindgen_test]
async fn finalising_is_refused_while_the_end_is_before_the_start() {
    let id = seed_chi_bo_with_members_and_draft();
    let app = open_app_at(&format!("#/sinh-hoat/{id}")).await;
    settle().await;
    let times = app.query_selector_all("input[type=time]").unwrap();
    for (index, value) in [(0, "19:00"), (1, "18:00")] {
        let input: web_sys::HtmlInputElement = times.item(index).unwrap().unchecked_into();
        input.set_value(value);
        input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    }
    settle().await;
    assert!(app.text_content().unwrap().contains("Giờ kết thúc phải sau giờ bắt đầu."));
    button_with_text(&app, "Hoàn tất").click();
    settle().await;
    assert_eq!(stored("sotay.meeting.mtg1")["status"], "draft");
    assert!(app.text_content().unwrap().contains("Chưa hoàn tất được"));
    app.remove();
}

/// The form's field labelled `label` (its `<span>`), as an input or a textarea.
fn field_labelled(root: &web_sys::HtmlElement, label: &str) -> web_sys::Element {
    let labels = root.query_selector_all("label.field").unwrap();
    (0..labels.length())
        .filter_map(|i| labels.item(i))
        .map(|node| node.unchecked_into::<web_sys::Element>())
        .find(|field| field.query_selector("span").unwrap().is_some_and(|span| span.text_content().unwrap_or_default().trim() == label))
        .and_then(|field| field.query_selector("input, textarea").unwrap())
        .unwrap_or_else(|| panic!("no field «{label}»"))
}

fn field_value(field: &web_sys::Element) -> String {
    match field.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => input.value(),
        None => field.unchecked_ref::<web_sys::HtmlTextAreaElement>().value(),
    }
}

#[wasm_bindgen_test]
async fn a_change_refused_because_another_tab_saved_shows_what_is_stored() {
    use sotay_app::text::meeting as t;
    let id = seed_chi_bo_with_members_and_draft();
    let app = open_app_at(&format!("#/sinh-hoat/{id}")).await;
    settle().await;
    let type_into = |field: &web_sys::Element, value: &str| {
        field.unchecked_ref::<web_sys::HtmlInputElement>().set_value(value);
        field.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    };
    type_into(&field_labelled(&app, t::PLACE), "Hội trường");
    settle().await;
    assert_eq!(stored("sotay.meeting.mtg1")["place"], "Hội trường");

    // Another tab saves a newer copy (the same place, other notes) before this one hears of it.
    let mut newer = stored("sotay.meeting.mtg1");
    newer["notes"] = "Sửa ở thẻ khác".into();
    newer["updated_at"] = "2099-01-01T00:00:00Z".into();
    local_storage().set_item("sotay.meeting.mtg1", &newer.to_string()).unwrap();
    type_into(&field_labelled(&app, t::PLACE), "Hội trường thôn");
    settle().await;

    assert_eq!(stored("sotay.meeting.mtg1")["place"], "Hội trường", "the refused change is not saved");
    assert!(app.text_content().unwrap().contains(t::CHANGED_ELSEWHERE));
    // The place did not change in the stored copy, yet the field must not keep the unsaved text.
    assert_eq!(field_value(&field_labelled(&app, t::PLACE)), "Hội trường");
    assert_eq!(field_value(&field_labelled(&app, t::NOTES)), "Sửa ở thẻ khác");
    app.remove();
}
