//! A short message at the bottom of the screen with an "undo" button, e.g. after a delete.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::text::meetings as t;

/// How long an undo stays offered.
const UNDO_WINDOW: Duration = Duration::from_secs(20);

#[derive(Clone)]
struct UndoOffer {
    serial: u32,
    message: String,
    action: Rc<dyn Fn()>,
}

/// The app's undo offers, shared through context.
#[derive(Clone, Copy)]
pub struct Toasts {
    current: RwSignal<Option<UndoOffer>, LocalStorage>,
    serial: StoredValue<u32>,
}

impl Toasts {
    pub fn install() -> Toasts {
        let toasts = Toasts { current: RwSignal::new_local(None), serial: StoredValue::new(0) };
        provide_context(toasts);
        toasts
    }

    /// Shows `message` with an undo button that runs `undo` (once) if tapped in time.
    pub fn offer_undo(&self, message: String, undo: impl Fn() + 'static) {
        self.serial.update_value(|serial| *serial += 1);
        let serial = self.serial.get_value();
        self.current.set(Some(UndoOffer { serial, message, action: Rc::new(undo) }));
        let current = self.current;
        set_timeout(
            move || {
                if current.with_untracked(|offer| offer.as_ref().is_some_and(|o| o.serial == serial)) {
                    current.set(None);
                }
            },
            UNDO_WINDOW,
        );
    }
}

#[component]
pub fn ToastArea(toasts: Toasts) -> impl IntoView {
    move || {
        toasts.current.get().map(|offer| {
            let action = offer.action.clone();
            view! {
                <div class="toast" role="status">
                    <span>{offer.message.clone()}</span>
                    <button type="button" class="button small" on:click=move |_| {
                        toasts.current.set(None);
                        action();
                    }>{t::UNDO}</button>
                </div>
            }
        })
    }
}
