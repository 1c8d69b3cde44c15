//! "Now", "today" and fresh ids: the browser supplies them, the domain crate never reads them.

use chrono::NaiveDate;
use sotay_domain::model::{id_from_entropy, Timestamp};

/// The phone's clock, clamped into the range of moments every file accepts (1930–2100): a
/// phone whose clock is decades off still stamps records that its own backups restore.
pub fn now() -> Timestamp {
    let read = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    sotay_domain::backup::clamp_moment(read)
}

/// Today's date on the phone's own clock and time zone (meetings are dated locally).
pub fn today() -> NaiveDate {
    local_date_of(&js_sys::Date::new_0())
}

/// The phone's local date of a stored (UTC) timestamp.
pub fn local_date(at: Timestamp) -> NaiveDate {
    local_date_of(&js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64)))
}

fn local_date_of(date: &js_sys::Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.get_full_year() as i32, date.get_month() + 1, date.get_date()).unwrap_or_default()
}

/// A new record id such as `mtg-3f9c…`, from the browser's cryptographic random source.
pub fn new_id(prefix: &str) -> String {
    let mut entropy = [0u8; 12];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut entropy).ok())
        .is_some();
    if !filled {
        // Very old browsers only: fall back to the clock and Math.random.
        let seed = (js_sys::Date::now() as u64) ^ ((js_sys::Math::random() * u64::MAX as f64) as u64);
        entropy[..8].copy_from_slice(&seed.to_le_bytes());
    }
    id_from_entropy(prefix, &entropy)
}

/// 64 random bits for the domain's ids (from the same source as `new_id`).
pub fn entropy() -> u64 {
    let mut entropy = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut entropy).ok())
        .is_some();
    if filled {
        u64::from_le_bytes(entropy)
    } else {
        (js_sys::Date::now() as u64) ^ ((js_sys::Math::random() * u64::MAX as f64) as u64)
    }
}
