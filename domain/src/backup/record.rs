//! What merging needs to know about a record: its id, its last change, and the text that
//! breaks a tie. A leaf: the backup's dataset and merge, and the dues book's own merge
//! (`crate::dues::merge`), implement and use it without depending on each other.

use serde::Serialize;

use crate::model::Timestamp;

/// What merging needs to know about a record.
pub(crate) trait Record: Clone + PartialEq + Serialize {
    fn id(&self) -> &str;
    fn updated_at(&self) -> Timestamp;
    fn with_updated_at(&self, at: Timestamp) -> Self;
    /// Equal apart from `updated_at`.
    fn same_content(&self, other: &Self) -> bool {
        self.with_updated_at(other.updated_at()) == *other
    }
    /// The compact JSON text, which breaks a tie between two edits made at the same
    /// moment: the same text on every phone, so every phone picks the same copy.
    fn tie_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}
