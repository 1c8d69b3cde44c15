//! The stored layout's names: the version, the key of each record kind, and what a key
//! holds. A leaf: the reader (`storage`) and the migrations (`migrate`) both name keys
//! through it, and it names neither.

use serde::Serialize;

use super::dataset::Deletion;

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
/// The committee's dues rule.
pub const DUES_RULES_KEY: &str = "sotay.dues_rules";
/// A member's dues profile: prefix + member id (the profile's id).
pub const DUES_PROFILE_PREFIX: &str = "sotay.dues_profile.";
/// A dues payment: prefix + payment id.
pub const DUES_PAYMENT_PREFIX: &str = "sotay.dues_payment.";
/// A deletion marker: prefix + kind + `.` + id (a single slot, the committee pack or dues
/// rule: prefix + kind).
pub const DELETED_PREFIX: &str = "sotay.deleted.";

/// The key of a deletion marker.
pub fn deletion_key(marker: &Deletion) -> String {
    if marker.kind.is_single() {
        format!("{DELETED_PREFIX}{}", marker.kind.name())
    } else {
        format!("{DELETED_PREFIX}{}.{}", marker.kind.name(), marker.id)
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
    /// `sotay.dues_rules`.
    DuesRules,
    /// `sotay.dues_profile.<member id>`.
    DuesProfile,
    /// `sotay.dues_payment.<id>`.
    DuesPayment,
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
        (DUES_PROFILE_PREFIX, KeyKind::DuesProfile),
        (DUES_PAYMENT_PREFIX, KeyKind::DuesPayment),
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
        DUES_RULES_KEY => KeyKind::DuesRules,
        _ => KeyKind::Unknown,
    };
    (kind, "")
}

