//! The frameworks shipped with the app, as JSON files under `domain/frameworks/`
//! embedded at compile time. The test suite parses and validates each one.

use crate::framework::Framework;

/// Id of the 100-point frame of the HD 42 era, detailed as the An Phú sheet.
pub const AN_PHU_ID: &str = "hd42-anphu-2025";
/// Id of the same sheet with the Bình Thuận guard on Tốt.
pub const AN_PHU_BINH_THUAN_ID: &str = "hd42-anphu-2025-binhthuan";
/// Id of the HD 12 five-group template (placeholder points).
pub const HD12_TEMPLATE_ID: &str = "hd12-khung-5-nhom";

/// The framework a new chi bộ starts with (it can choose another or load its own).
pub const DEFAULT_ID: &str = AN_PHU_ID;

/// Each built-in framework's id and JSON text, in the order a list shows them.
pub const SOURCES: [(&str, &str); 3] = [
    (
        AN_PHU_ID,
        include_str!("../frameworks/hd42-anphu-2025.json"),
    ),
    (
        AN_PHU_BINH_THUAN_ID,
        include_str!("../frameworks/hd42-anphu-2025-binhthuan.json"),
    ),
    (
        HD12_TEMPLATE_ID,
        include_str!("../frameworks/hd12-khung-5-nhom.json"),
    ),
];

/// Every built-in framework, parsed and validated. (A file that failed would be left
/// out rather than panic; the test suite guarantees none does.)
pub fn all() -> Vec<Framework> {
    SOURCES
        .iter()
        .filter_map(|(_, json)| Framework::from_json(json).ok())
        .collect()
}

/// A built-in framework by id.
pub fn by_id(id: &str) -> Option<Framework> {
    SOURCES
        .iter()
        .find(|(source_id, _)| *source_id == id)
        .and_then(|(_, json)| Framework::from_json(json).ok())
}
