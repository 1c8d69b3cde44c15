//! The pack shipped with the app: `domain/content/builtin-pack.json`, embedded at compile
//! time. The test suite guarantees that it validates.

use super::pack::{Pack, FORMAT_VERSION};

/// The built-in pack's JSON text.
pub const JSON: &str = include_str!("../../content/builtin-pack.json");

/// Id of the built-in pack.
pub const PACK_ID: &str = "sotay-co-san";

/// Id of the section the app fills from the scoring frameworks.
pub const FRAMEWORKS_SECTION_ID: &str = "khung-tieu-chi";

/// Id of the section on things party members must not do.
pub const PROHIBITIONS_SECTION_ID: &str = "dieu-khong-duoc-lam";

/// The built-in pack, parsed and validated. (Should it ever fail, an empty pack is
/// returned rather than crashing the app; the test suite guarantees it does not.)
pub fn pack() -> Pack {
    Pack::from_json(JSON).unwrap_or_else(|_| empty_pack())
}

/// The built-in pack with no sections: what the app shows in its place until (or if never)
/// its text has been read.
pub fn empty_pack() -> Pack {
    Pack {
        format_version: FORMAT_VERSION,
        id: PACK_ID.to_string(),
        name: String::new(),
        issuer: String::new(),
        version: String::new(),
        published: chrono::NaiveDate::MIN,
        note: None,
        sections: Vec::new(),
    }
}
