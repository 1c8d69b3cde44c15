//! Sổ tay chi bộ: the browser app. One folder per feature; `storage` is the only
//! module that touches browser storage; every Vietnamese string lives in `text`.

pub mod authoring;
pub mod boot;
pub mod dang_uy;
pub mod data;
pub mod handbook;
pub mod home;
pub mod meetings;
pub mod preparation;
pub mod dues;
pub mod review;
pub mod router;
pub mod routes;
pub mod settings;
pub mod shell;
pub mod slices;
pub mod split;
pub mod storage;
pub mod store;
pub mod text;
pub mod timing;
pub mod toast;
pub mod ui;

/// Entry point called by `main`: installs the panic hook, then (in tasks of their own, see
/// [`boot::start_app`]) reads what the first screen shows and mounts the app shell.
pub fn start() {
    boot::install_panic_hook();
    wasm_bindgen_futures::spawn_local(boot::start_app());
}
