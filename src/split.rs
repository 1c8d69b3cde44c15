//! Split points: in the split build (`--cfg sotay_split`, set only by
//! `scripts/split_build.py`) each function declared with [`split_fn!`] (a screen: with
//! [`split_screen!`]) becomes a split point of `wasm-split-cli`: its code, and the code only
//! it uses, leaves the main module and is fetched on first use. Everywhere else (component
//! tests, `cargo check`) the same declaration is a plain async function, because a split
//! point is an import that only the split step resolves and would not link.
//!
//! A leaf: the store and the screens declare their split points here without depending on
//! the shell, which shows them (`shell::lazy`).

use leptos::prelude::AnyView;

/// A screen's module could not be fetched or compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModuleLoadFailed;

impl From<leptos::wasm_split::SplitLoaderError> for ModuleLoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ModuleLoadFailed
    }
}

/// A screen built by a split point: the view, or why its module is missing.
pub type ScreenResult = Result<AnyView, ModuleLoadFailed>;

/// Declares `pub async fn $name(args) -> Result<$ret, ModuleLoadFailed>` whose body lives in the
/// wasm module `$module` of the split build. The body runs untracked, as a component body does.
macro_rules! split_fn {
    ($module:ident, fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        #[cfg(sotay_split)]
        #[::leptos::wasm_split::wasm_split($module, fallible, wasm_split_path = ::leptos::wasm_split)]
        pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::ModuleLoadFailed> {
            Ok(::leptos::prelude::untrack(move || $body))
        }

        #[cfg(not(sotay_split))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::ModuleLoadFailed> {
            Ok(::leptos::prelude::untrack(move || $body))
        }
    };
}
pub(crate) use split_fn;

/// A screen built by a split point: `split_fn!` returning the screen's view.
macro_rules! split_screen {
    ($module:ident, fn $name:ident($($arg:ident: $ty:ty),*) $body:block) => {
        $crate::split::split_fn!($module, fn $name($($arg: $ty),*) -> ::leptos::prelude::AnyView $body);
    };
}
pub(crate) use split_screen;

