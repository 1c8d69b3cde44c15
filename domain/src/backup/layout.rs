//! The stored layout's names: the version, the key of each record kind, and what a key
//! holds. A leaf: the reader (`storage`) and the migrations (`migrate`) both name keys
//! through it, and it names neither.

use serde::Serialize;

use super::dataset::{DeletedKind, Deletion};

/// The layout version this crate reads and writes.
pub const SCHEMA_VERSION: u32 = 4;

/// Every key of the app starts with this.
pub const PREFIX: &str = "sotay.";
/// The layout version.
pub const SCHEMA_VERSION_KEY: &str = "sotay.schema_version";
/// The app's settings (text size…): device preferences, not data; never in a backup.
pub const SETTINGS_KEY: &str = "sotay.settings";
/// The chi bộ.
pub const CHI_BO_KEY: &str = "sotay.chibo";
/// A member: prefix + id.
pub const MEMBER_PREFIX: &str = "sotay.member.";
/// A meeting: prefix + id.
pub const MEETING_PREFIX: &str = "sotay.meeting.";
/// A meeting plan: prefix + id.
pub const PLAN_PREFIX: &str = "sotay.plan.";
/// A year-end review: prefix + id (`review-<year>`).
pub const REVIEW_PREFIX: &str = "sotay.review.";
/// A committee dossier template: prefix + template id.
pub const TEMPLATE_PREFIX: &str = "sotay.dossier_template.";
/// A handbook bookmark or note: prefix + item id.
pub const MARK_PREFIX: &str = "sotay.mark.";
/// A custom framework: prefix + framework id.
pub const FRAMEWORK_PREFIX: &str = "sotay.framework.";
/// The committee content pack.
pub const COMMITTEE_PACK_KEY: &str = "sotay.committee_pack";
/// A deletion marker: prefix + kind + `.` + id (the committee pack: prefix + kind).
pub const DELETED_PREFIX: &str = "sotay.deleted.";

/// The key of a deletion marker.
pub fn deletion_key(marker: &Deletion) -> String {
    match marker.kind {
        DeletedKind::CommitteePack => format!("{DELETED_PREFIX}{}", marker.kind.name()),
        kind => format!("{DELETED_PREFIX}{}.{}", kind.name(), marker.id),
    }
}

/// What a key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// `sotay.schema_version`.
    SchemaVersion,
    /// `sotay.settings`.
    Settings,
    /// `sotay.chibo`.
    ChiBo,
    /// `sotay.member.<id>`.
    Member,
    /// `sotay.meeting.<id>`.
    Meeting,
    /// `sotay.plan.<id>`.
    Plan,
    /// `sotay.review.<id>`.
    Review,
    /// `sotay.mark.<item_id>`.
    Mark,
    /// `sotay.framework.<id>`.
    Framework,
    /// `sotay.dossier_template.<id>`.
    DossierTemplate,
    /// `sotay.committee_pack`.
    CommitteePack,
    /// `sotay.deleted.<kind>.<id>`.
    Deletion,
    /// A `sotay.` key this version does not know (kept as it is).
    Unknown,
}

/// The kind of a key, and the record id in it (for per-record keys).
pub fn key_kind(key: &str) -> (KeyKind, &str) {
    let prefixed = [
        (MEMBER_PREFIX, KeyKind::Member),
        (MEETING_PREFIX, KeyKind::Meeting),
        (PLAN_PREFIX, KeyKind::Plan),
        (REVIEW_PREFIX, KeyKind::Review),
        (MARK_PREFIX, KeyKind::Mark),
        (FRAMEWORK_PREFIX, KeyKind::Framework),
        (TEMPLATE_PREFIX, KeyKind::DossierTemplate),
        (DELETED_PREFIX, KeyKind::Deletion),
    ];
    for (prefix, kind) in prefixed {
        if let Some(id) = key.strip_prefix(prefix) {
            return (kind, id);
        }
    }
    let kind = match key {
        SCHEMA_VERSION_KEY => KeyKind::SchemaVersion,
        SETTINGS_KEY => KeyKind::Settings,
        CHI_BO_KEY => KeyKind::ChiBo,
        COMMITTEE_PACK_KEY => KeyKind::CommitteePack,
        _ => KeyKind::Unknown,
    };
    (kind, "")
}

