//! The committee's authoring editors: a scoring framework ("Soạn khung chấm điểm",
//! `#/soan-khung`) and a handbook pack ("Soạn bộ nội dung sổ tay", `#/soan-so-tay`). Each
//! form edits a domain value (`Framework`, `PackDraft`) through the domain's own operations;
//! validation, export and import are the domain's, so an exported file loads back as the
//! same value. Drafts are autosaved through `storage` (`sotay-sys.draft.*`).
//!
//! The forms are rebuilt only when their shape changes (a row added, removed, moved, or a
//! criterion's kind changed); typing updates the value without rebuilding, so focus and the
//! caret stay where they are. Inputs therefore take their initial value once per build.

pub mod framework_editor;
pub mod pack_editor;

use leptos::prelude::*;
use sotay_domain::Decimal;

use crate::text::authoring as t;

/// Messages shown under a field (the domain's Vietnamese, as a loaded file gets them).
pub fn field_messages(messages: Signal<Vec<String>>) -> impl IntoView {
    move || {
        messages
            .get()
            .into_iter()
            .map(|message| view! { <p class="field-error">{message}</p> })
            .collect_view()
    }
}

/// A labelled one-line text input.
pub fn text_field(
    label: String,
    initial: String,
    messages: Signal<Vec<String>>,
    on_input: impl Fn(String) + 'static,
) -> impl IntoView {
    let invalid = move || if messages.with(Vec::is_empty) { "false" } else { "true" };
    view! {
        <label class="field">
            <span>{label}</span>
            <input type="text" autocomplete="off" value=initial aria-invalid=invalid
                on:input=move |ev| on_input(event_target_value(&ev))/>
            {field_messages(messages)}
        </label>
    }
}

/// A labelled date input (`yyyy-mm-dd`; empty = none).
pub fn date_field(
    label: String,
    initial: String,
    messages: Signal<Vec<String>>,
    on_input: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input type="date" value=initial on:input=move |ev| on_input(event_target_value(&ev))/>
            {field_messages(messages)}
        </label>
    }
}

/// A labelled number input for points and percentages (`2`, `2,5`). A text that is not a
/// number leaves the value as it was and says so; `optional` lets an empty field mean "none".
pub fn decimal_field(
    label: String,
    initial: Option<Decimal>,
    optional: bool,
    messages: Signal<Vec<String>>,
    on_value: impl Fn(Option<Decimal>) + 'static,
) -> impl IntoView {
    let not_a_number = RwSignal::new(false);
    let initial = initial.map(sotay_domain::text::decimal).unwrap_or_default();
    let input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let value = Decimal::parse(&text);
        let empty_allowed = optional && text.trim().is_empty();
        not_a_number.set(value.is_none() && !empty_allowed);
        if value.is_some() || empty_allowed {
            on_value(value);
        }
    };
    let invalid = move || if not_a_number.get() || !messages.with(Vec::is_empty) { "true" } else { "false" };
    view! {
        <label class="field number">
            <span>{label}</span>
            <input type="text" inputmode="decimal" autocomplete="off" value=initial aria-invalid=invalid on:input=input/>
            <Show when=move || not_a_number.get()><p class="field-error">{t::NOT_A_NUMBER}</p></Show>
            {field_messages(messages)}
        </label>
    }
}

/// A labelled whole-number input (minutes, members); empty means "none" when `optional`.
pub fn count_field(
    label: String,
    initial: Option<u32>,
    optional: bool,
    messages: Signal<Vec<String>>,
    on_value: impl Fn(Option<u32>) + 'static,
) -> impl IntoView {
    let bad = RwSignal::new(false);
    let input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let value = text.trim().parse::<u32>().ok();
        let empty_allowed = optional && text.trim().is_empty();
        bad.set(value.is_none() && !empty_allowed);
        if value.is_some() || empty_allowed {
            on_value(value);
        }
    };
    view! {
        <label class="field number">
            <span>{label}</span>
            <input type="text" inputmode="numeric" autocomplete="off" value=initial.map(|n| n.to_string()).unwrap_or_default() on:input=input/>
            <Show when=move || bad.get()><p class="field-error">{t::NOT_A_WHOLE_NUMBER}</p></Show>
            {field_messages(messages)}
        </label>
    }
}

/// A checkbox with its label.
pub fn check_field(label: String, initial: bool, on_change: impl Fn(bool) + 'static) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" checked=initial on:change=move |ev| on_change(event_target_checked(&ev))/>
            <span>{label}</span>
        </label>
    }
}

/// "Lên", "Xuống", "Xóa" for a row, each named with the row (`what`) for screen readers.
/// The edge buttons are disabled where there is nowhere to go.
pub fn row_buttons(
    what: &str,
    (index, count): (usize, usize),
    on_move: impl Fn(sotay_domain::framework::Direction) + Clone + 'static,
    on_remove: impl Fn() + 'static,
) -> impl IntoView {
    use sotay_domain::framework::Direction;
    let up = on_move.clone();
    let (at_top, at_bottom) = (index == 0, index + 1 >= count);
    view! {
        <div class="row-buttons">
            <button type="button" class="button small secondary" aria-label=format!("{} {what}", t::MOVE_UP)
                disabled=at_top on:click=move |_| up(Direction::Up)>"↑ "{t::MOVE_UP}</button>
            <button type="button" class="button small secondary" aria-label=format!("{} {what}", t::MOVE_DOWN)
                disabled=at_bottom on:click=move |_| on_move(Direction::Down)>"↓ "{t::MOVE_DOWN}</button>
            <button type="button" class="button small danger" aria-label=format!("{} {what}", t::REMOVE)
                on:click=move |_| on_remove()>{t::REMOVE}</button>
        </div>
    }
}

/// The list of every problem, by the export buttons: why they are disabled.
pub fn problem_summary(messages: Signal<Vec<String>>) -> impl IntoView {
    move || {
        let messages = messages.get();
        if messages.is_empty() {
            view! { <p class="saved" role="status">{t::NO_PROBLEMS}</p> }.into_any()
        } else {
            view! {
                <div class="problem-summary" role="status">
                    <p><strong>{t::problem_count(messages.len())}</strong></p>
                    <ul>{messages.into_iter().map(|message| view! { <li>{message}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any()
        }
    }
}

/// Hands an exported file to the phone (download, or the share sheet) and says how it went.
pub fn deliver_file(name: String, json: String, share: bool, outcome: RwSignal<Option<&'static str>>) {
    leptos::task::spawn_local(async move {
        let delivered = crate::data::files::deliver(&name, &json, share).await;
        outcome.set(Some(if delivered.is_some() { t::EXPORTED } else { t::EXPORT_FAILED }));
    });
}
