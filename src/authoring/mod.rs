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

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use sotay_domain::Decimal;

use crate::text::authoring as t;

/// A draft being edited (`None` until one is started) and the form's shape, which is bumped
/// when a change adds, removes or moves something: the form is then rebuilt.
pub struct DraftForm<T: 'static> {
    pub draft: RwSignal<Option<T>>,
    pub shape: RwSignal<u64>,
}

impl<T> Clone for DraftForm<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for DraftForm<T> {}

impl<T: Send + Sync + 'static> DraftForm<T> {
    pub fn new(draft: Option<T>) -> DraftForm<T> {
        DraftForm { draft: RwSignal::new(draft), shape: RwSignal::new(0) }
    }

    /// A change that keeps the form's shape (typing).
    pub fn edit(self, change: impl FnOnce(&mut T)) {
        self.draft.update(|draft| {
            if let Some(value) = draft {
                change(value);
            }
        });
    }

    /// A change that adds, removes or moves something: the form is rebuilt.
    pub fn restructure(self, change: impl FnOnce(&mut T)) {
        self.edit(change);
        self.reshape();
    }

    /// Rebuilds the form (after a change that altered what it shows).
    pub fn reshape(self) {
        self.shape.update(|shape| *shape += 1);
    }

    /// Starts editing `value`, in place of any draft.
    pub fn start(self, value: T) {
        self.draft.set(Some(value));
        self.reshape();
    }
}

/// The editor's body for a draft kept under `key`: the start choices until there is a draft,
/// then "saved automatically" and the form, rebuilt whenever its shape changes. Every change of
/// the draft is written at once (one `setItem`); discarding it (`None`) removes it.
pub fn draft_body<T>(
    DraftForm { draft, shape }: DraftForm<T>,
    key: crate::storage::Draft,
    start: impl Fn() -> AnyView + Send + Sync + 'static,
    form: impl Fn() -> AnyView + Send + Sync + Clone + 'static,
) -> impl IntoView
where
    T: serde::Serialize + Send + Sync + 'static,
{
    let autosaved = RwSignal::new(true);
    Effect::new(move |_| {
        draft.with(|draft| match draft {
            Some(value) => autosaved.set(crate::storage::write_draft(key, value)),
            None => crate::storage::remove_draft(key),
        })
    });
    // Only starting or discarding a draft switches between the start choices and the form.
    let has_draft = Memo::new(move |_| draft.with(Option::is_some));
    move || {
        if !has_draft.get() {
            return start();
        }
        let form = form.clone();
        view! {
            <p class="hint" role="status">{move || if autosaved.get() { t::DRAFT_SAVED } else { t::DRAFT_NOT_SAVED }}</p>
            {move || { shape.track(); form() }}
        }
        .into_any()
    }
}

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

/// A fresh pair of element ids for a field and its messages (`aria-describedby`), so the
/// messages are announced with the field but are not part of its name.
fn field_ids() -> (String, String) {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    (format!("soan-{n}"), format!("soan-{n}-loi"))
}

// Why every field below is a thin generic wrapper over a boxed, never-inlined body: each call
// with its own closure type would otherwise get its own copy of the field's whole view code,
// inlined into the form. The framework editor's form was one 91 KB function of such copies
// (twiggy, 2026-12-04); the committee's editors are precached on every phone.

/// A labelled select: the label names it by `for`, so the chosen option's text is not part of
/// its name. `select` builds the `<select>` with the id it is given.
pub fn select_field(label: String, messages: Signal<Vec<String>>, select: impl FnOnce(String) -> AnyView + 'static) -> AnyView {
    select_field_body(label, messages, Box::new(select))
}

#[inline(never)]
fn select_field_body(label: String, messages: Signal<Vec<String>>, select: Box<dyn FnOnce(String) -> AnyView>) -> AnyView {
    let (id, messages_id) = field_ids();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {select(id)}
            <div id=messages_id>{field_messages(messages)}</div>
        </div>
    }
    .into_any()
}

/// A labelled group of radio buttons, for choices whose names are too long for a select: a
/// select shows its choice on one line, cut at 360 px in "Rất lớn"; a radio's label wraps.
/// `options` are (key, name); `on_pick` gets the chosen key.
pub fn choice_field(
    legend: String,
    options: Vec<(String, String)>,
    current: String,
    messages: Signal<Vec<String>>,
    on_pick: impl Fn(String) + 'static,
) -> AnyView {
    choice_field_body(legend, options, current, messages, Rc::new(on_pick))
}

#[inline(never)]
fn choice_field_body(
    legend: String,
    options: Vec<(String, String)>,
    current: String,
    messages: Signal<Vec<String>>,
    on_pick: Rc<dyn Fn(String)>,
) -> AnyView {
    let (name, messages_id) = field_ids();
    let described_by = messages_id.clone();
    let radios = options.into_iter().map(|(key, label)| {
        let pick = Rc::clone(&on_pick);
        let checked = key == current;
        let chosen = key.clone();
        view! {
            <label class="choice tall">
                <input type="radio" name=name.clone() value=key checked=checked on:change=move |_| pick(chosen.clone())/>
                <span>{label}</span>
            </label>
        }
    }).collect_view();
    view! {
        <fieldset class="choices" aria-describedby=described_by>
            <legend>{legend}</legend>
            {radios}
            <div id=messages_id>{field_messages(messages)}</div>
        </fieldset>
    }
    .into_any()
}

/// A labelled one-line text input.
pub fn text_field(
    label: String,
    initial: String,
    messages: Signal<Vec<String>>,
    on_input: impl Fn(String) + 'static,
) -> AnyView {
    text_field_body(label, initial, messages, Box::new(on_input))
}

#[inline(never)]
fn text_field_body(label: String, initial: String, messages: Signal<Vec<String>>, on_input: Box<dyn Fn(String)>) -> AnyView {
    let invalid = move || if messages.with(Vec::is_empty) { "false" } else { "true" };
    let (id, messages_id) = field_ids();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input type="text" id=id autocomplete="off" value=initial aria-invalid=invalid aria-describedby=messages_id.clone()
                on:input=move |ev| on_input(event_target_value(&ev))/>
            <div id=messages_id>{field_messages(messages)}</div>
        </div>
    }
    .into_any()
}

/// A labelled date input (`yyyy-mm-dd`; empty = none).
pub fn date_field(
    label: String,
    initial: String,
    messages: Signal<Vec<String>>,
    on_input: impl Fn(String) + 'static,
) -> AnyView {
    date_field_body(label, initial, messages, Box::new(on_input))
}

#[inline(never)]
fn date_field_body(label: String, initial: String, messages: Signal<Vec<String>>, on_input: Box<dyn Fn(String)>) -> AnyView {
    let (id, messages_id) = field_ids();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input type="date" id=id value=initial aria-describedby=messages_id.clone() on:input=move |ev| on_input(event_target_value(&ev))/>
            <div id=messages_id>{field_messages(messages)}</div>
        </div>
    }
    .into_any()
}

/// A labelled number input for points and percentages (`2`, `2,5`). A text that is not a
/// number leaves the value as it was and says so; `optional` lets an empty field mean "none".
pub fn decimal_field(
    label: String,
    initial: Option<Decimal>,
    optional: bool,
    messages: Signal<Vec<String>>,
    on_value: impl Fn(Option<Decimal>) + 'static,
) -> AnyView {
    decimal_field_body(label, initial, optional, messages, Box::new(on_value))
}

#[inline(never)]
fn decimal_field_body(
    label: String,
    initial: Option<Decimal>,
    optional: bool,
    messages: Signal<Vec<String>>,
    on_value: Box<dyn Fn(Option<Decimal>)>,
) -> AnyView {
    let not_a_number = RwSignal::new(false);
    let initial = initial.map(sotay_domain::text::decimal).unwrap_or_default();
    let input = move |ev: leptos::ev::Event| {
        let accepted = accepted_number(&event_target_value(&ev), optional, Decimal::parse);
        not_a_number.set(accepted.is_none());
        if let Some(value) = accepted {
            on_value(value);
        }
    };
    let invalid = move || if not_a_number.get() || !messages.with(Vec::is_empty) { "true" } else { "false" };
    let (id, messages_id) = field_ids();
    view! {
        <div class="field number">
            <label for=id.clone()>{label}</label>
            <input type="text" id=id inputmode="decimal" autocomplete="off" value=initial aria-invalid=invalid aria-describedby=messages_id.clone() on:input=input/>
            <div id=messages_id>
                <Show when=move || not_a_number.get()><p class="field-error">{t::NOT_A_NUMBER}</p></Show>
                {field_messages(messages)}
            </div>
        </div>
    }
    .into_any()
}

/// What a number field's text means: `Some(Some(n))` a number, `Some(None)` an empty text where
/// "none" is allowed, `None` a text that is not a number (the field keeps its value and says so).
fn accepted_number<T>(text: &str, optional: bool, parse: impl FnOnce(&str) -> Option<T>) -> Option<Option<T>> {
    match parse(text) {
        Some(value) => Some(Some(value)),
        None if optional && text.trim().is_empty() => Some(None),
        None => None,
    }
}

/// A labelled whole-number input (minutes, members); empty means "none" when `optional`.
pub fn count_field(
    label: String,
    initial: Option<u32>,
    optional: bool,
    messages: Signal<Vec<String>>,
    on_value: impl Fn(Option<u32>) + 'static,
) -> AnyView {
    count_field_body(label, initial, optional, messages, Box::new(on_value))
}

#[inline(never)]
fn count_field_body(
    label: String,
    initial: Option<u32>,
    optional: bool,
    messages: Signal<Vec<String>>,
    on_value: Box<dyn Fn(Option<u32>)>,
) -> AnyView {
    let bad = RwSignal::new(false);
    let input = move |ev: leptos::ev::Event| {
        let accepted = accepted_number(&event_target_value(&ev), optional, |text| text.trim().parse::<u32>().ok());
        bad.set(accepted.is_none());
        if let Some(value) = accepted {
            on_value(value);
        }
    };
    let (id, messages_id) = field_ids();
    view! {
        <div class="field number">
            <label for=id.clone()>{label}</label>
            <input type="text" id=id inputmode="numeric" autocomplete="off" aria-describedby=messages_id.clone()
                value=initial.map(|n| n.to_string()).unwrap_or_default() on:input=input/>
            <div id=messages_id>
                <Show when=move || bad.get()><p class="field-error">{t::NOT_A_WHOLE_NUMBER}</p></Show>
                {field_messages(messages)}
            </div>
        </div>
    }
    .into_any()
}

/// A checkbox with its label.
pub fn check_field(label: String, initial: bool, on_change: impl Fn(bool) + 'static) -> AnyView {
    check_field_body(label, initial, Box::new(on_change))
}

#[inline(never)]
fn check_field_body(label: String, initial: bool, on_change: Box<dyn Fn(bool)>) -> AnyView {
    view! {
        <label class="check">
            <input type="checkbox" checked=initial on:change=move |ev| on_change(event_target_checked(&ev))/>
            <span>{label}</span>
        </label>
    }
    .into_any()
}

/// "Lên", "Xuống", "Xóa" for a row, each named with the row (`what`) for screen readers.
/// The edge buttons are disabled where there is nowhere to go.
pub fn row_buttons(
    what: &str,
    position: (usize, usize),
    on_move: impl Fn(sotay_domain::framework::Direction) + 'static,
    on_remove: impl Fn() + 'static,
) -> AnyView {
    row_buttons_body(what, position, Rc::new(on_move), Box::new(on_remove))
}

#[inline(never)]
fn row_buttons_body(
    what: &str,
    (index, count): (usize, usize),
    on_move: Rc<dyn Fn(sotay_domain::framework::Direction)>,
    on_remove: Box<dyn Fn()>,
) -> AnyView {
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
    .into_any()
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
