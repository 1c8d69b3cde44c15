//! Small pieces shared by every screen: the page heading, form fields, date and time values.

use chrono::{NaiveDate, NaiveTime};
use leptos::prelude::*;

use crate::text;

/// The screen's heading; also names the browser tab and the history entry.
#[component]
pub fn PageTitle(#[prop(into)] title: Signal<String>) -> impl IntoView {
    Effect::new(move |_| {
        document().set_title(&format!("{} — {}", title.get(), text::APP_NAME));
    });
    view! { <h1 class="screen-title">{move || title.get()}</h1> }
}

/// A `yyyy-mm-dd` value as `<input type=date>` uses it.
pub fn date_value(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

pub fn parse_date_value(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// A `hh:mm` value as `<input type=time>` uses it.
pub fn time_value(time: Option<NaiveTime>) -> String {
    time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
}

pub fn parse_time_value(value: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(value, "%H:%M").or_else(|_| NaiveTime::parse_from_str(value, "%H:%M:%S")).ok()
}

/// dd/mm/yyyy, as Vietnamese documents write dates.
pub fn format_date(date: NaiveDate) -> String {
    sotay_domain::text::date(date)
}

/// "Thứ Bảy, 03/05/2026": shown beside date inputs, whose own display follows the phone's
/// language setting and may be month-first.
pub fn format_date_with_weekday(date: NaiveDate) -> String {
    use chrono::Datelike;
    let weekday = text::meeting::WEEKDAYS[date.weekday().num_days_from_monday() as usize];
    format!("{weekday}, {}", format_date(date))
}

/// A button that opens the phone's file picker for a backup-style `.json` file and hands the
/// chosen file to `on_pick` (nothing happens when the user cancels).
pub fn json_file_button(label: &'static str, class: &'static str, on_pick: impl Fn(web_sys::File) + 'static) -> impl IntoView {
    let pick = move |ev: leptos::ev::Event| {
        if let Some(file) = crate::data::files::picked_file(&ev) {
            on_pick(file);
        }
    };
    view! {
        <label class=class>
            {label}
            <input type="file" accept=".json,application/json" class="visually-hidden" on:change=pick/>
        </label>
    }
}

/// A field's error message, shown right under it and announced by screen readers.
#[component]
pub fn FieldError(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || message.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })
}
