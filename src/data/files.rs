//! Moving files in and out of the page: download, the phone's share sheet, reading a picked
//! file. `navigator.share`/`canShare` are reached through `Reflect` because web-sys only
//! exposes them behind its unstable-API flag.

use wasm_bindgen::{JsCast, JsValue};

/// How a file left the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivered {
    Downloaded,
    Shared,
    /// Sharing was asked for but the browser cannot share files: downloaded instead.
    DownloadedInsteadOfShared,
}

/// The media types of the files the app writes.
pub const JSON: &str = "application/json";
pub const CSV: &str = "text/csv;charset=utf-8";

fn text_file(name: &str, text: &str, media_type: &str) -> Option<web_sys::File> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(media_type);
    web_sys::File::new_with_str_sequence_and_options(&parts, name, &options).ok()
}

/// Downloads `text` as a file named `name` of type `mime` (a spreadsheet, [`CSV`]).
pub fn download_text(name: &str, text: &str, mime: &str) -> Option<()> {
    download(&text_file(name, text, mime)?, name)
}

/// Offers `text` as a JSON file named `name`: through the share sheet when asked and
/// possible, otherwise as a download.
pub async fn deliver(name: &str, text: &str, share: bool) -> Option<Delivered> {
    deliver_file(name, text, JSON, share).await
}

/// [`deliver`] for any text file (`media_type`: [`JSON`], [`CSV`]).
pub async fn deliver_file(name: &str, text: &str, media_type: &str, share: bool) -> Option<Delivered> {
    let file = text_file(name, text, media_type)?;
    if share {
        if share_file(&file).await {
            return Some(Delivered::Shared);
        }
        download(&file, name)?;
        return Some(Delivered::DownloadedInsteadOfShared);
    }
    download(&file, name)?;
    Some(Delivered::Downloaded)
}

fn download(file: &web_sys::File, name: &str) -> Option<()> {
    let url = web_sys::Url::create_object_url_with_blob(file).ok()?;
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

async fn share_file(file: &web_sys::File) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator: JsValue = window.navigator().into();
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(file));
    let _ = js_sys::Reflect::set(&data, &"title".into(), &file.name().into());
    let (Some(can_share), Some(share)) = (js_method(&navigator, "canShare"), js_method(&navigator, "share")) else {
        return false;
    };
    if !can_share.call1(&navigator, &data).map(|ok| ok.is_truthy()).unwrap_or(false) {
        return false;
    }
    let Ok(promise) = share.call1(&navigator, &data).and_then(|p| p.dyn_into::<js_sys::Promise>()) else { return false };
    // A user who closes the share sheet has decided; that is not a failure to fall back from.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    true
}

/// How a text left the app through [`share_text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextShared {
    /// Handed to the share sheet (Zalo, messages…).
    Shared,
    /// The browser cannot share: copied to the clipboard instead.
    Copied,
    Failed,
}

/// Sends a text to the phone's share sheet, or copies it where the browser cannot share.
pub fn share_text(title: &str, text: &str) -> TextShared {
    let Some(window) = web_sys::window() else { return TextShared::Failed };
    let navigator: JsValue = window.navigator().into();
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    if let Some(share) = js_method(&navigator, "share") {
        if share.call1(&navigator, &data).is_ok() {
            return TextShared::Shared;
        }
    }
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    match js_method(&clipboard, "writeText") {
        Some(write) if write.call1(&clipboard, &text.into()).is_ok() => TextShared::Copied,
        _ => TextShared::Failed,
    }
}

/// How a message (a text, with a file alongside) left the app through [`share_message`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageSent {
    /// The share sheet said it was shared.
    Shared,
    /// The share sheet was closed without sharing.
    Cancelled,
    /// The browser cannot share (a desktop): the text was copied and the file downloaded,
    /// for the user to send by hand.
    CopiedAndDownloaded,
    Failed,
}

/// Sends `text` with a file alongside (`name`, `content`, `media_type`) through the share
/// sheet, waiting for its answer (a phone: Zalo, messages…). Where the browser cannot share
/// the file, the text alone is shared and the file downloaded; where it cannot share at all,
/// the text is copied and the file downloaded.
pub async fn share_message(title: &str, text: &str, name: &str, content: &str, media_type: &str) -> MessageSent {
    let Some(window) = web_sys::window() else { return MessageSent::Failed };
    let navigator: JsValue = window.navigator().into();
    let file = text_file(name, content, media_type);
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    let can_share = js_method(&navigator, "canShare");
    let share = js_method(&navigator, "share");
    let mut with_file = false;
    if let (Some(file), Some(can_share)) = (&file, &can_share) {
        let _ = js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(file));
        with_file = can_share.call1(&navigator, &data).map(|ok| ok.is_truthy()).unwrap_or(false);
        if !with_file {
            let _ = js_sys::Reflect::delete_property(&data, &"files".into());
        }
    }
    if let Some(share) = share {
        if !with_file {
            if let Some(file) = &file {
                let _ = download(file, name);
            }
        }
        let Ok(promise) = share.call1(&navigator, &data).and_then(|p| p.dyn_into::<js_sys::Promise>()) else { return MessageSent::Failed };
        return match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => MessageSent::Shared,
            Err(_) => MessageSent::Cancelled,
        };
    }
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    let copied = js_method(&clipboard, "writeText").is_some_and(|write| write.call1(&clipboard, &text.into()).is_ok());
    let downloaded = file.as_ref().and_then(|file| download(file, name)).is_some();
    if copied || downloaded {
        MessageSent::CopiedAndDownloaded
    } else {
        MessageSent::Failed
    }
}

/// The media type of a calendar file.
pub const CALENDAR: &str = "text/calendar;charset=utf-8";
/// The media type of a plain text file.
pub const PLAIN_TEXT: &str = "text/plain;charset=utf-8";

/// A method of a JS object by name, when the browser has it (`navigator.share`, the clipboard…).
pub fn js_method(target: &JsValue, name: &str) -> Option<js_sys::Function> {
    if target.is_undefined() || target.is_null() {
        return None;
    }
    js_sys::Reflect::get(target, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok()
}

/// The text of a file of the app itself (served beside index.html, precached by the service
/// worker); `None` when it cannot be fetched.
pub async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// The bytes of a file the user picked; `None` when the browser cannot read it.
pub async fn read_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    start_reading(file).await
}

/// Starts reading a picked file now (the browser reads it while the page goes on); the bytes
/// come when the returned future is awaited.
pub fn start_reading(file: &web_sys::File) -> impl std::future::Future<Output = Option<Vec<u8>>> {
    let reading = wasm_bindgen_futures::JsFuture::from(file.array_buffer());
    async move {
        let buffer = reading.await.ok()?;
        Some(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

/// A picked file's text (decoded as UTF-8, as `File.text()` does), or `None` when it cannot
/// be read.
pub async fn read_text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text()).await.ok()?.as_string()
}

/// The file chosen in a file input's change event, clearing the input so that choosing the
/// same file again still fires.
pub fn picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    input.set_value("");
    file
}
