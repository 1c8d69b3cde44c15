//! The frameworks shipped with the app, as JSON files under `domain/frameworks/`
//! embedded at compile time. The test suite parses and validates each one.

use crate::framework::Framework;

/// Id of the 100-point frame of the HD 42 era, detailed as the An Phú sheet.
pub const AN_PHU_ID: &str = "hd42-anphu-2025";
/// Id of the same sheet with the Bình Thuận guard on Tốt.
pub const AN_PHU_BINH_THUAN_ID: &str = "hd42-anphu-2025-binhthuan";
/// Id of the HD 12 five-group template (placeholder points).
pub const HD12_TEMPLATE_ID: &str = "hd12-khung-5-nhom";
/// Id of the An Phú sheet, version 2: group 3 (công tác chuẩn bị) scored from the meeting's
/// plan. A new id, not a new `version` of [`AN_PHU_ID`]: a meeting's sheet names only the
/// framework's id, so the meetings scored against version 1 keep version 1's rules and
/// points (their ticks on 3.1–3.5 stay ticks).
pub const AN_PHU_V2_ID: &str = "hd42-anphu-2025-v2";
/// Id of the Bình Thuận variant, version 2 (as [`AN_PHU_V2_ID`]).
pub const AN_PHU_BINH_THUAN_V2_ID: &str = "hd42-anphu-2025-binhthuan-v2";

/// The framework a new chi bộ starts with (it can choose another or load its own): version 2
/// of the An Phú sheet, which scores group 3 from the meeting's plan ("Chuẩn bị"), the
/// secretary's tick still possible.
pub const DEFAULT_ID: &str = AN_PHU_V2_ID;

/// Each built-in framework's id and JSON text, in the order a list shows them.
pub const SOURCES: [(&str, &str); 5] = [
    (
        AN_PHU_ID,
        include_str!("../frameworks/hd42-anphu-2025.json"),
    ),
    (
        AN_PHU_BINH_THUAN_ID,
        include_str!("../frameworks/hd42-anphu-2025-binhthuan.json"),
    ),
    (
        AN_PHU_V2_ID,
        include_str!("../frameworks/hd42-anphu-2025-v2.json"),
    ),
    (
        AN_PHU_BINH_THUAN_V2_ID,
        include_str!("../frameworks/hd42-anphu-2025-binhthuan-v2.json"),
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

/// Built-in frameworks and the later version of each, for a chi bộ to be offered the
/// newer one (its old meetings keep the framework they were scored against).
pub const SUCCESSORS: [(&str, &str); 2] = [(AN_PHU_ID, AN_PHU_V2_ID), (AN_PHU_BINH_THUAN_ID, AN_PHU_BINH_THUAN_V2_ID)];

/// The later version of a built-in framework, if there is one.
pub fn successor(id: &str) -> Option<&'static str> {
    SUCCESSORS.iter().find(|(old, _)| *old == id).map(|(_, new)| *new)
}

/// A built-in framework by id.
pub fn by_id(id: &str) -> Option<Framework> {
    SOURCES
        .iter()
        .find(|(source_id, _)| *source_id == id)
        .and_then(|(_, json)| Framework::from_json(json).ok())
}
