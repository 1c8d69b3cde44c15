//! The unit of export, import and merge: everything a chi bộ keeps on the device.

use serde::{Deserialize, Serialize};

use crate::dues::{DuesPayment, DuesProfile, DuesRules};
use crate::framework::Framework;
use crate::handbook::Pack;
use crate::model::{ChiBo, HandbookMark, Meeting, Member, Timestamp};
use crate::preparation::MeetingPlan;
use crate::review::{DossierTemplate, YearReview};

/// A scoring framework a committee loaded on the device (built-in frameworks are part of
/// the app and never exported). The framework JSON has no timestamp of its own (its format
/// rejects unknown fields), so the record wraps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CustomFramework {
    /// When it was loaded or last replaced on the device.
    pub updated_at: Timestamp,
    /// The framework, in the format of `docs/frameworks.md`; its `id` is the record id.
    pub framework: Framework,
}

/// A dossier template a committee loaded on the device (the built-in one is part of the
/// app and never exported). Wrapped like [`CustomFramework`]: the template's format
/// rejects unknown fields, so the timestamp is the record's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CustomTemplate {
    /// When it was loaded or last replaced on the device.
    pub updated_at: Timestamp,
    /// The template, in the format of `docs/review-template.md`; its `id` is the record id.
    pub template: DossierTemplate,
}

/// The content pack a committee issued, as loaded on the device (at most one).
///
/// Kept parsed, not as the file's text: it is validated by [`Pack::from_json`] when read,
/// written into a backup as a JSON object in the documented pack format (so other tools
/// read it without unescaping a string inside a string), and compared by content, so a
/// re-indented copy of the same pack is not a conflict. [`Pack::to_json_pretty`] reads
/// back to an equal pack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommitteePack {
    /// When it was loaded on the device.
    pub updated_at: Timestamp,
    /// The pack, in the format of `docs/content-pack.md`.
    pub pack: Pack,
}

/// The dues rule a committee issued, as loaded on the device (at most one: the chi bộ's
/// book follows one rule, the committee's when loaded, otherwise the built-in one). Kept
/// validated ([`DuesRules::from_json`]) and wrapped like [`CommitteePack`]: the rule's
/// format rejects unknown fields, so the timestamp is the record's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommitteeDuesRules {
    /// When it was loaded or last replaced on the device.
    pub updated_at: Timestamp,
    /// The rule, in the format of `docs/dues.md`.
    pub rules: DuesRules,
}

/// The kinds of record that can be deleted (the chi bộ cannot: it is set up once and
/// edited). In JSON: `member`, `meeting`, `plan`, `mark`, `framework`, `committee_pack`,
/// `review`, `dossier_template`, `dues_rules`, `dues_profile`, `dues_payment`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeletedKind {
    /// A member record (one created by mistake: members who leave keep their record).
    Member,
    /// A meeting.
    Meeting,
    /// A meeting plan.
    Plan,
    /// A handbook bookmark or note.
    Mark,
    /// A committee framework.
    Framework,
    /// The committee content pack (a single slot: matched whatever its id).
    CommitteePack,
    /// A year-end review.
    Review,
    /// A committee's dossier template.
    DossierTemplate,
    /// The committee's dues rule (a single slot, like the pack).
    DuesRules,
    /// A member's dues profile.
    DuesProfile,
    /// A dues payment (one recorded by mistake).
    DuesPayment,
}

impl DeletedKind {
    /// The kind of record it deletes.
    pub fn record_kind(self) -> RecordKind {
        match self {
            DeletedKind::Member => RecordKind::Member,
            DeletedKind::Meeting => RecordKind::Meeting,
            DeletedKind::Plan => RecordKind::Plan,
            DeletedKind::Mark => RecordKind::Mark,
            DeletedKind::Framework => RecordKind::Framework,
            DeletedKind::CommitteePack => RecordKind::CommitteePack,
            DeletedKind::Review => RecordKind::Review,
            DeletedKind::DossierTemplate => RecordKind::DossierTemplate,
            DeletedKind::DuesRules => RecordKind::DuesRules,
            DeletedKind::DuesProfile => RecordKind::DuesProfile,
            DeletedKind::DuesPayment => RecordKind::DuesPayment,
        }
    }

    /// The JSON name (`"meeting"`), also the kind part of a storage key and of a
    /// CouchDB `_id` (`docs/backup-format.md`).
    pub fn name(self) -> &'static str {
        match self {
            DeletedKind::Member => "member",
            DeletedKind::Meeting => "meeting",
            DeletedKind::Plan => "plan",
            DeletedKind::Mark => "mark",
            DeletedKind::Framework => "framework",
            DeletedKind::CommitteePack => "committee_pack",
            DeletedKind::Review => "review",
            DeletedKind::DossierTemplate => "dossier_template",
            DeletedKind::DuesRules => "dues_rules",
            DeletedKind::DuesProfile => "dues_profile",
            DeletedKind::DuesPayment => "dues_payment",
        }
    }

    /// True for the kinds a dataset holds at most one of (the committee pack, the
    /// committee's dues rule): their marker is matched whatever its id.
    pub fn is_single(self) -> bool {
        matches!(self, DeletedKind::CommitteePack | DeletedKind::DuesRules)
    }

    /// Every kind, in preview order.
    pub const ALL: [DeletedKind; 11] = [
        DeletedKind::Member,
        DeletedKind::Meeting,
        DeletedKind::Plan,
        DeletedKind::Review,
        DeletedKind::DuesProfile,
        DeletedKind::DuesPayment,
        DeletedKind::Mark,
        DeletedKind::Framework,
        DeletedKind::DossierTemplate,
        DeletedKind::DuesRules,
        DeletedKind::CommitteePack,
    ];
}

/// A deletion marker: the record `id` of `kind` was deleted at `deleted_at`. It is stored,
/// exported and merged like a record, so a deletion travels between phones: per record,
/// the later of its last edit and its deletion wins (see
/// [`super::merge`](mod@super::merge)). A dataset holds, per kind and id, either the
/// record or its marker, never both: together they are one CouchDB document, live or
/// `_deleted` (`docs/backup-format.md`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Deletion {
    /// What was deleted.
    pub kind: DeletedKind,
    /// Its record id (for a single slot, the committee pack or dues rule: its id,
    /// informative only).
    pub id: String,
    /// When (UTC), from the phone that deleted it.
    pub deleted_at: Timestamp,
}

impl Deletion {
    /// True when this is the marker of the record `id` of `kind` (a single slot, the
    /// committee pack or dues rule: any marker of the kind is its marker, whatever the id).
    pub fn is_of(&self, kind: DeletedKind, id: &str) -> bool {
        self.kind == kind && (kind.is_single() || self.id == id)
    }
}

/// Everything that is exported, imported and merged. Each record has a stable id and an
/// `updated_at`; lists keep the order they were given in (an export writes them in this
/// order and an import reads them back in the same order).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Dataset {
    /// The chi bộ, once it has been set up.
    pub chi_bo: Option<ChiBo>,
    /// Members, current and past.
    pub members: Vec<Member>,
    /// Meetings.
    pub meetings: Vec<Meeting>,
    /// Meeting plans (a meeting names the plan it was made from).
    pub plans: Vec<MeetingPlan>,
    /// Year-end reviews (one per year: record id `review-<year>`).
    pub reviews: Vec<YearReview>,
    /// Handbook bookmarks and notes (record id = the item id).
    #[serde(rename = "handbook_marks")]
    pub marks: Vec<HandbookMark>,
    /// Frameworks a committee loaded (record id = the framework id).
    pub frameworks: Vec<CustomFramework>,
    /// Dossier templates a committee loaded (record id = the template id).
    #[serde(rename = "dossier_templates")]
    pub templates: Vec<CustomTemplate>,
    /// The committee's content pack.
    pub committee_pack: Option<CommitteePack>,
    /// The committee's dues rule, when one was loaded (the book follows the built-in rule
    /// otherwise).
    pub dues_rules: Option<CommitteeDuesRules>,
    /// Members' dues profiles (record id = the member's id).
    pub dues_profiles: Vec<DuesProfile>,
    /// Dues payments, one record per payment.
    pub dues_payments: Vec<DuesPayment>,
    /// Deletion markers of records no longer held (at most one per kind and id, and
    /// none for a record the dataset holds).
    pub deletions: Vec<Deletion>,
}

impl Dataset {
    /// True when there is nothing at all.
    pub fn is_empty(&self) -> bool {
        self.chi_bo.is_none()
            && self.members.is_empty()
            && self.meetings.is_empty()
            && self.plans.is_empty()
            && self.reviews.is_empty()
            && self.marks.is_empty()
            && self.frameworks.is_empty()
            && self.templates.is_empty()
            && self.committee_pack.is_none()
            && self.dues_rules.is_none()
            && self.dues_profiles.is_empty()
            && self.dues_payments.is_empty()
    }

    /// Number of records (the chi bộ and the pack count one each).
    pub fn record_count(&self) -> usize {
        usize::from(self.chi_bo.is_some())
            + self.members.len()
            + self.meetings.len()
            + self.plans.len()
            + self.reviews.len()
            + self.marks.len()
            + self.frameworks.len()
            + self.templates.len()
            + usize::from(self.committee_pack.is_some())
            + usize::from(self.dues_rules.is_some())
            + self.dues_profiles.len()
            + self.dues_payments.len()
    }

    /// A member by id.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|member| member.id == id)
    }

    /// Leaves the deletion marker of a record just removed from the dataset, replacing an
    /// older marker of the same record (the caller removes the record itself, and stamps
    /// `deleted_at` with [`super::merge::change_moment`]).
    pub fn mark_deleted(&mut self, kind: DeletedKind, id: &str, deleted_at: Timestamp) {
        self.forget_deletion(kind, id);
        self.deletions.push(Deletion {
            kind,
            id: id.to_owned(),
            deleted_at,
        });
    }

    /// Removes the deletion marker of a record that is being put back ("Hoàn tác", or a
    /// new record with that id): a dataset holds a record or its marker, never both.
    pub fn forget_deletion(&mut self, kind: DeletedKind, id: &str) {
        self.deletions.retain(|marker| !marker.is_of(kind, id));
    }

    /// The deletion marker of a record, if it was deleted.
    pub fn deletion(&self, kind: DeletedKind, id: &str) -> Option<&Deletion> {
        self.deletions.iter().find(|marker| marker.is_of(kind, id))
    }

    /// A meeting plan by id.
    pub fn plan(&self, id: &str) -> Option<&MeetingPlan> {
        self.plans.iter().find(|plan| plan.id == id)
    }

    /// The review of a year, if started.
    pub fn review(&self, year: i32) -> Option<&YearReview> {
        self.reviews.iter().find(|review| review.year == year)
    }

    /// A committee's dossier template by id.
    pub fn template(&self, id: &str) -> Option<&CustomTemplate> {
        self.templates
            .iter()
            .find(|custom| custom.template.id == id)
    }

    /// A member's dues profile.
    pub fn dues_profile(&self, member_id: &str) -> Option<&DuesProfile> {
        self.dues_profiles.iter().find(|profile| profile.id == member_id)
    }

    /// A custom framework by id.
    pub fn framework(&self, id: &str) -> Option<&CustomFramework> {
        self.frameworks
            .iter()
            .find(|custom| custom.framework.id == id)
    }
}

/// The kinds of record in a [`Dataset`], in the order previews list them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    /// The chi bộ (one record).
    ChiBo,
    /// Members.
    Member,
    /// Meetings.
    Meeting,
    /// Meeting plans.
    Plan,
    /// Handbook bookmarks and notes.
    Mark,
    /// Custom frameworks.
    Framework,
    /// The committee content pack (one record).
    CommitteePack,
    /// Year-end reviews.
    Review,
    /// Committee dossier templates.
    DossierTemplate,
    /// The committee's dues rule (one record).
    DuesRules,
    /// Members' dues profiles.
    DuesProfile,
    /// Dues payments.
    DuesPayment,
}

impl RecordKind {
    /// Every kind, in preview order.
    pub const ALL: [RecordKind; 12] = [
        RecordKind::ChiBo,
        RecordKind::Member,
        RecordKind::Meeting,
        RecordKind::Plan,
        RecordKind::Review,
        RecordKind::DuesProfile,
        RecordKind::DuesPayment,
        RecordKind::Mark,
        RecordKind::Framework,
        RecordKind::DossierTemplate,
        RecordKind::DuesRules,
        RecordKind::CommitteePack,
    ];

    /// True for the kinds a dataset holds at most one of.
    pub fn is_single(self) -> bool {
        matches!(self, RecordKind::ChiBo | RecordKind::CommitteePack | RecordKind::DuesRules)
    }
}

/// The one map type of the backup code: ids to numbers (positions, counts). It is the
/// handbook's map, so the wasm holds a single copy of the hash map code.
pub(crate) type Ids = crate::handbook::IdMap;

/// The set of `ids` (each mapped to its first position).
pub(crate) fn id_set<'a>(ids: impl IntoIterator<Item = &'a str>) -> Ids {
    let mut set = Ids::default();
    for (position, id) in ids.into_iter().enumerate() {
        if !set.contains_key(id) {
            set.insert(id.to_owned(), u32::try_from(position).unwrap_or(u32::MAX));
        }
    }
    set
}

pub(crate) use super::record::Record;

macro_rules! record {
    ($type:ty, |$r:ident| $id:expr) => {
        impl Record for $type {
            fn id(&self) -> &str {
                let $r = self;
                $id
            }
            fn updated_at(&self) -> Timestamp {
                self.updated_at
            }
            fn with_updated_at(&self, at: Timestamp) -> Self {
                let mut copy = self.clone();
                copy.updated_at = at;
                copy
            }
        }
    };
}

record!(ChiBo, |r| &r.id);
record!(Member, |r| &r.id);
record!(Meeting, |r| &r.id);
record!(MeetingPlan, |r| &r.id);
record!(HandbookMark, |r| &r.item_id);
record!(CustomFramework, |r| &r.framework.id);
record!(CommitteePack, |r| &r.pack.id);
record!(YearReview, |r| &r.id);
record!(CustomTemplate, |r| &r.template.id);
record!(CommitteeDuesRules, |r| &r.rules.id);
