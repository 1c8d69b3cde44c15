//! Small pieces shared by every screen: the page heading, form fields, date and time values.

use chrono::{NaiveDate, NaiveTime};
use leptos::prelude::*;

use crate::text;

/// Runs `work` in a task of its own just after the browser has painted the next frame.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, std::time::Duration::ZERO));
}

/// The screen's heading; also names the browser tab and the history entry.
#[component]
pub fn PageTitle(#[prop(into)] title: Signal<String>) -> impl IntoView {
    // A title made from a record (a meeting's kind and date) is derived again at each change of
    // the record: the tab's title and the heading are set only when its text changes.
    let title = Memo::new(move |_| title.get());
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

/// The words of a [`RuleFileLoader`]: what a committee's file is called on its screen.
#[derive(Clone, Copy)]
pub struct RuleFileTexts {
    pub hint: &'static str,
    pub button: &'static str,
    pub too_big: &'static str,
    pub unreadable: &'static str,
    pub refused: &'static str,
    pub preview: &'static str,
    pub use_it: &'static str,
    pub cancel: &'static str,
    pub save_failed: &'static str,
    pub loaded: fn(&str) -> String,
}

#[derive(Clone)]
enum RuleFileStep<T> {
    Idle,
    Refused(String),
    Previewing(T),
    Saved(String),
    SaveFailed,
}

/// The refusal of a picked file, naming it: "«video.mp4»: Tệp quá lớn…".
pub fn refused_file(file: &web_sys::File, message: &str) -> String {
    format!("«{}»: {message}", file.name())
}

/// Loading a rule set a committee issued as a file (a scoring framework, a dossier template):
/// read and validated completely by `read` (the Vietnamese reason when refused), shown by
/// `preview`, stored by `save` only on the user's word (`save` gives the name it was stored
/// under, or `None` when storage refused it). The file is untrusted: `preview` shows its
/// texts as text.
#[component]
pub fn RuleFileLoader<T, R, P, S>(texts: RuleFileTexts, max_bytes: f64, read: R, preview: P, save: S) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    R: Fn(&str) -> Result<T, String> + Copy + Send + Sync + 'static,
    P: Fn(T) -> AnyView + Copy + Send + Sync + 'static,
    S: Fn(T) -> Option<String> + Copy + Send + Sync + 'static,
{
    let step = RwSignal::new(RuleFileStep::<T>::Idle);
    let pick = move |file: web_sys::File| {
        if file.size() > max_bytes {
            step.set(RuleFileStep::Refused(refused_file(&file, texts.too_big)));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = crate::data::files::read_text(&file).await;
            step.set(match text.as_deref().map(read) {
                None => RuleFileStep::Refused(texts.unreadable.to_owned()),
                Some(Err(reason)) => RuleFileStep::Refused(reason),
                Some(Ok(rules)) => RuleFileStep::Previewing(rules),
            });
        });
    };
    let use_it = move |_| {
        let RuleFileStep::Previewing(rules) = step.get_untracked() else { return };
        step.set(save(rules).map_or(RuleFileStep::SaveFailed, RuleFileStep::Saved));
    };
    view! {
        <div class="framework-file">
            <p class="hint">{texts.hint}</p>
            {json_file_button(texts.button, "button secondary file-button", pick)}
            {move || match step.get() {
                RuleFileStep::Idle => ().into_any(),
                RuleFileStep::Refused(message) => view! {
                    <div class="card error-card" role="alert">
                        <p><strong>{texts.refused}</strong></p>
                        <p class="pre">{message}</p>
                    </div>
                }.into_any(),
                RuleFileStep::Previewing(rules) => view! {
                    <div class="preview-box" role="status">
                        <h3>{texts.preview}</h3>
                        {preview(rules)}
                        <div class="actions">
                            <button type="button" class="button" on:click=use_it>{texts.use_it}</button>
                            <button type="button" class="button secondary" on:click=move |_| step.set(RuleFileStep::Idle)>{texts.cancel}</button>
                        </div>
                    </div>
                }.into_any(),
                RuleFileStep::Saved(name) => view! { <p class="saved" role="status">{(texts.loaded)(&name)}</p> }.into_any(),
                RuleFileStep::SaveFailed => view! { <p class="card error-card" role="alert">{texts.save_failed}</p> }.into_any(),
            }}
        </div>
    }
}
