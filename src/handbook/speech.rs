//! "Đọc to": the phone's own speech synthesis (Web Speech API) reads a handbook item or a whole
//! section aloud, for members who find small text hard. Only a Vietnamese voice that runs on
//! the device (`localService`) is used — never a network voice, which would send the text out
//! and fail with no signal; with none, the buttons are not shown (the settings screen says why).
//!
//! `speechSynthesis` and `SpeechSynthesisUtterance` are reached through `Reflect`: web-sys's
//! typed bindings would reject a voice list that a browser fills late, and tests replace them.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::data::files::js_method;

/// What the reader is doing, shared by every "Đọc to" button of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speaking {
    Idle,
    /// Reading the text with this key (an item or section id).
    Reading(ReadingKey),
    Paused(ReadingKey),
}

/// Which text is being read: an item's or a section's id, interned so the state stays `Copy`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadingKey(u64);

impl ReadingKey {
    pub fn of(id: &str) -> ReadingKey {
        // FNV-1a: a stable small key; two ids colliding would only share a button state.
        let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3));
        ReadingKey(hash)
    }
}

/// The reader: whether a Vietnamese voice exists on this device, and what is being read.
#[derive(Clone, Copy)]
pub struct Reader {
    /// `None` until the browser has listed its voices; then whether a local Vietnamese one exists.
    pub has_voice: RwSignal<Option<bool>>,
    pub speaking: RwSignal<Speaking>,
}

impl Reader {
    /// The screen's reader (made by its first button): reading stops when the screen is left.
    pub fn get() -> Reader {
        if let Some(reader) = use_context::<Reader>() {
            return reader;
        }
        let reader = Reader { has_voice: RwSignal::new(None), speaking: RwSignal::new(Speaking::Idle) };
        provide_context(reader);
        reader.watch_voices();
        on_cleanup(move || {
            if let Some(synthesis) = synthesis() {
                call(&synthesis, "cancel", &[]);
            }
        });
        reader
    }

    fn watch_voices(self) {
        let Some(current) = synthesis() else {
            self.has_voice.set(Some(false));
            return;
        };
        let found = vietnamese_voice(&current).is_some();
        // Chrome lists voices only after `voiceschanged`; an empty list is not yet an answer.
        if found || voice_count(&current) > 0 {
            self.has_voice.set(Some(found));
        }
        let has_voice = self.has_voice;
        let listener = Closure::<dyn Fn()>::new(move || {
            if let Some(synthesis) = synthesis() {
                let _ = has_voice.try_set(Some(vietnamese_voice(&synthesis).is_some()));
            }
        });
        if let Some(add) = js_method(&current, "addEventListener") {
            let _ = add.call2(&current, &"voiceschanged".into(), listener.as_ref());
        }
        listener.forget();
        // A browser with no voices at all may never send `voiceschanged`.
        set_timeout(
            move || {
                if has_voice.try_get_untracked() == Some(None) {
                    let _ = has_voice.try_set(Some(synthesis().is_some_and(|s| vietnamese_voice(&s).is_some())));
                }
            },
            std::time::Duration::from_millis(1500),
        );
    }

    /// Reads `text` aloud in Vietnamese; stops whatever was being read.
    pub fn read(self, key: ReadingKey, text: &str) {
        let Some(synthesis) = synthesis() else { return };
        call(&synthesis, "cancel", &[]);
        let Some(utterance) = utterance(text) else { return };
        let _ = js_sys::Reflect::set(&utterance, &"lang".into(), &"vi-VN".into());
        if let Some(voice) = vietnamese_voice(&synthesis) {
            // A setter that refuses the voice leaves the language to pick one.
            let _ = js_sys::Reflect::set(&utterance, &"voice".into(), &voice);
        }
        let speaking = self.speaking;
        let ended = Closure::<dyn Fn()>::new(move || {
            if speaking.try_get_untracked().is_some_and(|now| matches!(now, Speaking::Reading(k) | Speaking::Paused(k) if k == key)) {
                let _ = speaking.try_set(Speaking::Idle);
            }
        });
        let _ = js_sys::Reflect::set(&utterance, &"onend".into(), ended.as_ref());
        let _ = js_sys::Reflect::set(&utterance, &"onerror".into(), ended.as_ref());
        ended.forget();
        call(&synthesis, "speak", &[utterance]);
        self.speaking.set(Speaking::Reading(key));
    }

    pub fn pause(self) {
        if let (Some(synthesis), Speaking::Reading(key)) = (synthesis(), self.speaking.get_untracked()) {
            call(&synthesis, "pause", &[]);
            self.speaking.set(Speaking::Paused(key));
        }
    }

    pub fn resume(self) {
        if let (Some(synthesis), Speaking::Paused(key)) = (synthesis(), self.speaking.get_untracked()) {
            call(&synthesis, "resume", &[]);
            self.speaking.set(Speaking::Reading(key));
        }
    }

    pub fn stop(self) {
        if let Some(synthesis) = synthesis() {
            call(&synthesis, "cancel", &[]);
        }
        self.speaking.set(Speaking::Idle);
    }
}

fn synthesis() -> Option<JsValue> {
    let window = web_sys::window()?;
    let value = js_sys::Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

fn call(target: &JsValue, method: &str, args: &[JsValue]) {
    if let Some(function) = js_method(target, method) {
        let _ = function.apply(target, &args.iter().collect::<js_sys::Array>());
    }
}

fn voices(synthesis: &JsValue) -> js_sys::Array {
    js_method(synthesis, "getVoices")
        .and_then(|get| get.call0(synthesis).ok())
        .and_then(|list| list.dyn_into::<js_sys::Array>().ok())
        .unwrap_or_default()
}

fn voice_count(synthesis: &JsValue) -> u32 {
    voices(synthesis).length()
}

/// A Vietnamese voice that runs on the device, if the phone has one.
fn vietnamese_voice(synthesis: &JsValue) -> Option<JsValue> {
    voices(synthesis).iter().find(|voice| {
        let lang = js_sys::Reflect::get(voice, &"lang".into()).ok().and_then(|l| l.as_string()).unwrap_or_default();
        let local = js_sys::Reflect::get(voice, &"localService".into()).map(|l| l.is_truthy()).unwrap_or(false);
        local && lang.to_ascii_lowercase().replace('_', "-").starts_with("vi")
    })
}

fn utterance(text: &str) -> Option<JsValue> {
    let window = web_sys::window()?;
    let constructor = js_sys::Reflect::get(&window, &"SpeechSynthesisUtterance".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&text.into())).ok()
}

/// "Đọc to" and, while reading, "Tạm dừng" / "Đọc tiếp" and "Dừng". Hidden with no Vietnamese
/// voice on the device. `text` is built only when the button is pressed.
#[component]
pub fn ReadAloud(id: String, text: Callback<(), String>, label: &'static str) -> impl IntoView {
    use crate::text::handbook as t;
    let reader = Reader::get();
    let key = ReadingKey::of(&id);
    let state = move || match reader.speaking.get() {
        Speaking::Reading(k) if k == key => Speaking::Reading(k),
        Speaking::Paused(k) if k == key => Speaking::Paused(k),
        _ => Speaking::Idle,
    };
    view! {
        <Show when=move || reader.has_voice.get() == Some(true)>
            <span class="read-aloud">
                {move || match state() {
                    Speaking::Idle => view! {
                        <button type="button" class="button small secondary" on:click=move |_| reader.read(key, &text.run(()))>{label}</button>
                    }.into_any(),
                    Speaking::Reading(_) => view! {
                        <button type="button" class="button small secondary" on:click=move |_| reader.pause()>{t::PAUSE}</button>
                        <button type="button" class="button small secondary" on:click=move |_| reader.stop()>{t::STOP}</button>
                    }.into_any(),
                    Speaking::Paused(_) => view! {
                        <button type="button" class="button small secondary" on:click=move |_| reader.resume()>{t::RESUME}</button>
                        <button type="button" class="button small secondary" on:click=move |_| reader.stop()>{t::STOP}</button>
                    }.into_any(),
                }}
            </span>
        </Show>
    }
}
