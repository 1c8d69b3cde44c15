//! Reading a backup file: [`parse_backup`] checks the size, the encoding, the JSON, the
//! format and its version (migrating older versions), reads every record, then validates
//! the whole dataset, and returns either the backup or **every** problem found, each with
//! a Vietnamese message naming its place. Nothing is written by this module: the app
//! writes only after `Ok`, the preview and the user's choice.
//!
//! No input makes it panic: sizes are checked first, JSON nesting is limited by the
//! parser (128 levels), and no index or arithmetic depends on the input unchecked.


use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

use super::dataset::{
    id_set, CommitteePack, CustomFramework, CustomTemplate, Dataset, DeletedKind, Deletion, Ids,
};
use super::format::{Backup, Scope, FORMAT, FORMAT_VERSION, RAW_FORMAT};
use super::migrate::{migrate_backup, MigrationError};
use super::read::{
    self, shorten, text_of, unexpected, FieldIssue, PackIssue, RuleSetIssue,
};
use crate::builtin;
use crate::checks::{check_meeting_against, MeetingProblem};
use crate::dues::{DuesRuleProblem, YearMonth};
use crate::framework::FrameworkError;
use crate::handbook::{PackError, SyntaxProblem};
use crate::model::{ChiBo, HandbookMark, Meeting, Member, Timestamp};
use crate::preparation::{CommitteePreparation, MeetingPlan, PlanMonth};
use crate::review::{TemplateError, YearReview, BUILTIN_TEMPLATE_ID};

mod dues;
mod typed;

pub use dues::ReliefIssue;

/// Limits on what an import accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportLimits {
    /// Largest file, in bytes.
    pub max_bytes: usize,
}

/// Largest backup file accepted by default: 10 MB. A 10-year dataset of a 40-member chi
/// bộ is under 1 MB (see BENCHMARKS.md); the limit keeps a wrong file (a video picked by
/// mistake) from being read into a phone's memory.
pub const MAX_BACKUP_BYTES: usize = 10_000_000;

impl Default for ImportLimits {
    fn default() -> ImportLimits {
        ImportLimits {
            max_bytes: MAX_BACKUP_BYTES,
        }
    }
}

pub use super::bounds::*;

/// Most problems a refused file lists; the others are counted ("và 12.345 lỗi khác"). A file
/// of a million broken records must be answered in seconds, with a list a screen can draw.
pub const MAX_LISTED_PROBLEMS: usize = 200;

/// The problems of a refused file: the first [`MAX_LISTED_PROBLEMS`] in file order, and how
/// many more there are. Reads as the slice of the listed ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProblemList {
    listed: Vec<ImportProblem>,
    unlisted: usize,
    /// Every problem found (listed or not) is a reference to a record the file lacks.
    only_unknown_references: bool,
    /// Records past the listed problems were only counted (one problem each, though they
    /// may hold more): the count of unlisted problems is a lower bound.
    at_least: bool,
}

impl ProblemList {
    /// A list of these problems (at most [`MAX_LISTED_PROBLEMS`] are kept, the rest counted).
    pub fn new(problems: Vec<ImportProblem>) -> ProblemList {
        let only_unknown_references = problems.iter().all(ImportProblem::is_unknown_reference);
        let mut list = ProblemList { listed: problems, unlisted: 0, only_unknown_references, at_least: false };
        if list.listed.len() > MAX_LISTED_PROBLEMS {
            list.unlisted = list.listed.len() - MAX_LISTED_PROBLEMS;
            list.listed.truncate(MAX_LISTED_PROBLEMS);
        }
        list
    }

    /// The problems found beyond the listed ones.
    pub fn unlisted(&self) -> usize {
        self.unlisted
    }

    /// True when every problem found names a member or framework the file does not hold:
    /// the file may still be good against records held elsewhere (the đảng ủy's collection
    /// of the same chi bộ).
    pub fn only_unknown_references(&self) -> bool {
        self.only_unknown_references && self.total() > 0
    }

    /// True when the count is a lower bound ("ít nhất"): records past the listed problems
    /// were counted one problem each without being examined.
    pub fn at_least(&self) -> bool {
        self.at_least
    }

    /// Every problem found, listed or not.
    pub fn total(&self) -> usize {
        self.listed.len().saturating_add(self.unlisted)
    }
}

impl std::ops::Deref for ProblemList {
    type Target = [ImportProblem];
    fn deref(&self) -> &[ImportProblem] {
        &self.listed
    }
}

/// Problems as they are found while a file is read: every one counted, at most
/// [`MAX_LISTED_PROBLEMS`] kept of each part of the file (its fields, the chi bộ, each
/// list), so that the first ones in file order are kept whatever order the checks run in
/// and memory stays bounded whatever the file holds.
#[derive(Default)]
pub(crate) struct Problems {
    kept: Vec<ImportProblem>,
    kept_per_part: [usize; PARTS],
    total: usize,
    /// Some problem found is not a reference to a missing record.
    other_than_references: bool,
    /// Some records were only counted, not examined: `total` is a lower bound.
    lower_bound: bool,
}

/// The parts of a file, in [`Place::order`].
const PARTS: usize = 14;

impl Problems {
    pub(crate) fn push(&mut self, problem: ImportProblem) {
        self.total = self.total.saturating_add(1);
        self.other_than_references |= !problem.is_unknown_reference();
        let part = usize::from(problem.place.order().0).min(PARTS - 1);
        if self.kept_per_part[part] < MAX_LISTED_PROBLEMS {
            self.kept_per_part[part] += 1;
            self.kept.push(problem);
        }
    }

    pub(crate) fn extend(&mut self, problems: impl IntoIterator<Item = ImportProblem>) {
        for problem in problems {
            self.push(problem);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Whether another problem of this part of the file would still be listed.
    fn listing(&self, part: u8) -> bool {
        self.kept_per_part.get(usize::from(part)).is_some_and(|kept| *kept < MAX_LISTED_PROBLEMS)
    }

    /// A broken record past the listed ones, counted as one problem without examining it
    /// (it may hold more: the count is then a lower bound).
    fn count_unlisted(&mut self) {
        self.total = self.total.saturating_add(1);
        self.other_than_references = true;
        self.lower_bound = true;
    }

    /// The list to report, once the problems are in file order.
    fn into_list(self) -> ProblemList {
        let mut list = ProblemList::new(self.kept);
        list.unlisted = self.total.saturating_sub(list.listed.len());
        list.only_unknown_references = !self.other_than_references;
        list.at_least = self.lower_bound;
        list
    }
}

/// True for an id the app can store under a key: 1–128 characters, no spaces or control
/// characters.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= MAX_ID_CHARS
        && !id.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Why a file cannot be imported. `Display` is the Vietnamese message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`ImportLimits::max_bytes`].
    TooLarge {
        /// Size of the file.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// Nothing in it (or only spaces).
    Empty,
    /// Saved as UTF-16 (a byte-order mark `FF FE` or `FE FF`).
    Utf16,
    /// Not UTF-8 text.
    NotUtf8 {
        /// 0-based offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// Not JSON.
    NotJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The text ends in the middle (a file cut short).
        truncated: bool,
        /// The parser's (English) description.
        detail: String,
    },
    /// JSON, but not an object.
    NotAnObject,
    /// A scoring framework file, picked by mistake.
    FrameworkFile,
    /// A handbook content pack file, picked by mistake.
    ContentPackFile,
    /// A raw storage export ([`super::storage::raw_dump`]), not a backup.
    RawDumpFile,
    /// An object without a `format` field: not a backup.
    NotABackup,
    /// A `format` other than [`FORMAT`].
    WrongFormat {
        /// The value found.
        found: String,
    },
    /// No `format_version`.
    MissingFormatVersion,
    /// A `format_version` that is not a whole number ≥ 1.
    InvalidFormatVersion {
        /// The value found.
        found: String,
    },
    /// A `format_version` newer than this app reads.
    NewerFormatVersion {
        /// The version of the file.
        found: u64,
        /// The newest version this app reads.
        supported: u32,
    },
    /// An older version that could not be migrated.
    Migration(MigrationError),
    /// Readable, but with problems: the first ones listed, all of them counted.
    Invalid(ProblemList),
}

impl ImportError {
    /// A stable machine code of the error kind.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::TooLarge { .. } => "too_large",
            ImportError::Empty => "empty",
            ImportError::Utf16 => "utf16",
            ImportError::NotUtf8 { .. } => "not_utf8",
            ImportError::NotJson {
                truncated: true, ..
            } => "truncated",
            ImportError::NotJson { .. } => "not_json",
            ImportError::NotAnObject => "not_an_object",
            ImportError::FrameworkFile => "framework_file",
            ImportError::ContentPackFile => "content_pack_file",
            ImportError::RawDumpFile => "raw_dump_file",
            ImportError::NotABackup => "not_a_backup",
            ImportError::WrongFormat { .. } => "wrong_format",
            ImportError::MissingFormatVersion => "missing_format_version",
            ImportError::InvalidFormatVersion { .. } => "invalid_format_version",
            ImportError::NewerFormatVersion { .. } => "newer_format_version",
            ImportError::Migration(_) => "migration_failed",
            ImportError::Invalid(_) => "invalid",
        }
    }

    /// The problems of an [`ImportError::Invalid`] (empty for the other kinds).
    pub fn problems(&self) -> &[ImportProblem] {
        match self {
            ImportError::Invalid(problems) => problems,
            _ => &[],
        }
    }

    /// How many problems were found beyond the listed ones (0 for the kinds without a list).
    pub fn unlisted_problems(&self) -> usize {
        match self {
            ImportError::Invalid(problems) => problems.unlisted(),
            _ => 0,
        }
    }

}

impl std::error::Error for ImportError {}

/// Where in a file (or in the stored data) a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The file's own fields (`format`, `exported_at`, `data`…).
    File,
    /// The chi bộ record.
    ChiBo,
    /// A member: 1-based position in the list, id and name as written (may be empty).
    Member {
        /// 1-based position in `members`.
        position: usize,
        /// Id as written.
        id: String,
        /// Name as written.
        name: String,
        /// Another member of the file has the same name: the message adds the id.
        show_id: bool,
    },
    /// A meeting: position, id and date (when readable).
    Meeting {
        /// 1-based position in `meetings`.
        position: usize,
        /// Id as written.
        id: String,
        /// The date, when it could be read.
        date: Option<NaiveDate>,
        /// Another meeting of the file has the same date: the message adds the id.
        show_id: bool,
    },
    /// A meeting plan: position, id and planned date (when readable).
    Plan {
        /// 1-based position in `plans`.
        position: usize,
        /// Id as written.
        id: String,
        /// The planned date, when it could be read.
        date: Option<NaiveDate>,
        /// Another plan of the file has the same date: the message adds the id.
        show_id: bool,
    },
    /// A year-end review.
    Review {
        /// 1-based position in `reviews`.
        position: usize,
        /// Id as written.
        id: String,
        /// The year, when it could be read.
        year: Option<i64>,
    },
    /// A handbook bookmark or note.
    Mark {
        /// 1-based position in `handbook_marks`.
        position: usize,
        /// The item id as written.
        item_id: String,
    },
    /// A custom framework.
    Framework {
        /// 1-based position in `frameworks`.
        position: usize,
        /// Id as written.
        id: String,
        /// Name as written.
        name: String,
    },
    /// A committee dossier template.
    Template {
        /// 1-based position in `dossier_templates`.
        position: usize,
        /// Id as written.
        id: String,
        /// Name as written.
        name: String,
    },
    /// The committee content pack.
    CommitteePack,
    /// The committee's dues rule.
    DuesRules,
    /// A member's dues profile.
    DuesProfile {
        /// 1-based position in `dues_profiles`.
        position: usize,
        /// The member id as written.
        member_id: String,
        /// The member's name, when the file holds the member (empty otherwise).
        name: String,
    },
    /// A dues payment.
    DuesPayment {
        /// 1-based position in `dues_payments`.
        position: usize,
        /// Id as written.
        id: String,
        /// The (first) month paid for, when it could be read.
        month: Option<YearMonth>,
        /// The member id as written.
        member_id: String,
        /// The member's name, when the file holds the member (empty otherwise).
        name: String,
    },
    /// A deletion marker.
    Deletion {
        /// 1-based position in `deletions`.
        position: usize,
        /// The kind as written, when it is one.
        kind: Option<DeletedKind>,
        /// The id as written.
        id: String,
    },
}

impl Place {
    /// Sort key: the order of the file (its fields, the chi bộ, members, meetings, plans,
    /// reviews, marks, frameworks, templates, the pack, the dues rule, dues profiles and
    /// payments, markers), then the position in the list.
    fn order(&self) -> (u8, usize) {
        match self {
            Place::File => (0, 0),
            Place::ChiBo => (1, 0),
            Place::Member { position, .. } => (PART_MEMBERS, *position),
            Place::Meeting { position, .. } => (PART_MEETINGS, *position),
            Place::Plan { position, .. } => (PART_PLANS, *position),
            Place::Review { position, .. } => (PART_REVIEWS, *position),
            Place::Mark { position, .. } => (PART_MARKS, *position),
            Place::Framework { position, .. } => (7, *position),
            Place::Template { position, .. } => (8, *position),
            Place::CommitteePack => (9, 0),
            Place::DuesRules => (10, 0),
            Place::DuesProfile { position, .. } => (PART_DUES_PROFILES, *position),
            Place::DuesPayment { position, .. } => (PART_DUES_PAYMENTS, *position),
            Place::Deletion { position, .. } => (PART_DELETIONS, *position),
        }
    }

    /// The 1-based position in its list, for records of a list.
    pub fn position(&self) -> Option<usize> {
        match self {
            Place::Member { position, .. }
            | Place::Meeting { position, .. }
            | Place::Plan { position, .. }
            | Place::Review { position, .. }
            | Place::Mark { position, .. }
            | Place::Framework { position, .. }
            | Place::Template { position, .. }
            | Place::DuesProfile { position, .. }
            | Place::DuesPayment { position, .. }
            | Place::Deletion { position, .. } => Some(*position),
            _ => None,
        }
    }

}

/// The role of a member named by a meeting (or by a plan).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonRole {
    /// `chair_id`.
    Chair,
    /// `secretary_id`.
    Secretary,
    /// `speakers`.
    Speaker,
    /// A plan's `committee.attendees`: at the chi ủy's preparation meeting.
    CommitteeAttendee,
}

/// The parts of a file whose records are read one by one (see [`Place::order`]).
const PART_MEMBERS: u8 = 2;
const PART_MEETINGS: u8 = 3;
const PART_PLANS: u8 = 4;
const PART_REVIEWS: u8 = 5;
const PART_MARKS: u8 = 6;
const PART_DUES_PROFILES: u8 = 11;
const PART_DUES_PAYMENTS: u8 = 12;
/// The deletion markers, the file's last list.
const PART_DELETIONS: u8 = 13;

/// What names a framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameworkUse {
    /// The chi bộ's `framework_id`.
    ChiBo,
    /// A meeting's `own_sheet.framework_id`.
    OwnSheet,
    /// A meeting's `superior_sheet.framework_id`.
    SuperiorSheet,
}

/// A specific problem; the message is built in [`crate::text::backup`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Issue {
    /// The fields of a record: missing, wrong type, unknown value.
    Field(FieldIssue),
    /// A required text is blank.
    BlankField {
        /// The JSON key.
        field: &'static str,
    },
    /// An id with spaces or control characters, or too long.
    InvalidId {
        /// The JSON key.
        field: &'static str,
        /// The id.
        id: String,
    },
    /// Two records of one kind share an id.
    DuplicateId {
        /// The id.
        id: String,
        /// Where the first record with it is.
        first: Box<Place>,
    },
    /// A date before 1930 or after 2100 (for a moment, its UTC date).
    DateOutOfRange {
        /// The JSON key (`date`, `joined_on`, `exemptions`, `next_tasks`, `updated_at`,
        /// `exported_at`…).
        field: &'static str,
        /// The date.
        date: NaiveDate,
    },
    /// `left_on` before `joined_on`.
    LeftBeforeJoined {
        /// `joined_on`.
        joined: NaiveDate,
        /// `left_on`.
        left: NaiveDate,
    },
    /// An exemption whose `to` is before its `from`.
    ExemptionReversed {
        /// 1-based position in `exemptions`.
        position: usize,
        /// `from`.
        from: NaiveDate,
        /// `to`.
        to: NaiveDate,
    },
    /// A deletion marker for a record the file also holds: one of the two is wrong.
    DeletedButPresent,
    /// `usual_meeting_day` outside 1–31.
    MeetingDayOutOfRange {
        /// The value.
        day: u8,
    },
    /// A problem [`check_meeting`] finds (end before start, marked twice, unknown member);
    /// `member_name` is the name of the member concerned (or the id if unknown).
    Meeting {
        /// The problem.
        problem: MeetingProblem,
        /// Name (or id) of the member concerned, if any.
        member_name: String,
    },
    /// The chair, secretary or a speaker is not a member in the file or on the device.
    UnknownPerson {
        /// Which.
        role: PersonRole,
        /// The id that matched nobody.
        member_id: String,
    },
    /// A meeting's `plan_id` naming a plan neither in the file nor on the device (nor
    /// deleted).
    UnknownPlan {
        /// The id.
        plan_id: String,
    },
    /// A plan's month outside 1930–2100.
    PlanMonthOutOfRange {
        /// The month.
        month: PlanMonth,
    },
    /// A framework id that is neither built in, nor in the file, nor on the device.
    UnknownFramework {
        /// What names it.
        used_by: FrameworkUse,
        /// The id.
        framework_id: String,
    },
    /// A meeting outside the year of a one-year file.
    OutsideScopeYear {
        /// The file's year.
        year: i32,
    },
    /// A custom framework with the id of a built-in one.
    BuiltinFrameworkId {
        /// The id.
        id: String,
    },
    /// A problem of a custom framework (the framework's own validation).
    Framework(FrameworkError),
    /// A committee template with the id of the built-in one.
    BuiltinTemplateId {
        /// The id.
        id: String,
    },
    /// A problem of a committee template (the template's own validation).
    Template(TemplateError),
    /// A review whose id is not the one of its year (`review-<year>`): two phones would
    /// keep two reviews of one year.
    ReviewIdNotOfYear {
        /// The id the year gives.
        expected: String,
    },
    /// A review of a year outside 1930–2100.
    ReviewYearOutOfRange {
        /// The year.
        year: i32,
    },
    /// The committee pack has a field the pack format does not have, or a wrong type.
    PackShape {
        /// What kind of problem.
        problem: SyntaxProblem,
        /// The parser's (English) description.
        detail: String,
    },
    /// A problem of the committee pack (the pack's own validation).
    Pack(PackError),
    /// The committee's dues rule has the built-in rule's id.
    BuiltinDuesRulesId {
        /// The id.
        id: String,
    },
    /// A problem of the committee's dues rule (the rule's own validation).
    DuesRules(DuesRuleProblem),
    /// A dues profile whose id is not its member's id: two phones would keep two profiles
    /// of one member.
    DuesProfileNotOfMember {
        /// The member id the profile names (its id must be this).
        member_id: String,
    },
    /// A dues profile or payment names a member neither the file nor the device holds.
    UnknownDuesMember {
        /// The id that matched nobody.
        member_id: String,
    },
    /// An amount outside what a dues record may carry
    /// ([`MAX_MONTHLY_DUES_DONG`] a month).
    DuesAmountOutOfRange {
        /// The JSON key (`amount_dong`, `usual_amount_dong`).
        field: &'static str,
        /// The amount, đồng.
        amount: u64,
        /// The smallest accepted.
        min: u64,
        /// The largest accepted.
        max: u64,
    },
    /// A payment covering 0 months, or more than [`MAX_DUES_MONTHS_COVERED`].
    DuesMonthsOutOfRange {
        /// `months_covered`.
        months: u32,
        /// The largest accepted.
        max: u32,
    },
    /// A month outside the months of 1930–2100 (for a payment covering several months,
    /// its last).
    DuesMonthOutOfRange {
        /// The JSON key (`month`, `months_covered`, `reliefs`).
        field: &'static str,
        /// The month.
        month: YearMonth,
    },
    /// A relief period of a dues profile that cannot be right.
    DuesRelief {
        /// 1-based position in `reliefs`.
        position: usize,
        /// What is wrong.
        problem: ReliefIssue,
    },
    /// A payment of a one-year file that covers no month of its year.
    DuesOutsideScopeYear {
        /// The file's year.
        year: i32,
    },
}

/// One problem of an import, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    /// Where.
    pub place: Place,
    /// What.
    pub issue: Issue,
}

impl ImportProblem {
    /// A stable machine code of the problem kind (e.g. `"duplicate_id"`).
    pub fn code(&self) -> &'static str {
        match &self.issue {
            Issue::Field(FieldIssue::NotAnObject { .. }) => "not_an_object",
            Issue::Field(FieldIssue::Missing { .. }) => "missing_field",
            Issue::Field(FieldIssue::Invalid { .. }) => "invalid_field",
            Issue::Field(FieldIssue::Unreadable { .. }) => "unreadable_record",
            Issue::BlankField { .. } => "blank_field",
            Issue::InvalidId { .. } => "invalid_id",
            Issue::DuplicateId { .. } => "duplicate_id",
            Issue::DateOutOfRange { .. } => "date_out_of_range",
            Issue::DeletedButPresent => "deleted_but_present",
            Issue::LeftBeforeJoined { .. } => "left_before_joined",
            Issue::ExemptionReversed { .. } => "exemption_reversed",
            Issue::MeetingDayOutOfRange { .. } => "meeting_day_out_of_range",
            Issue::Meeting {
                problem: MeetingProblem::EndNotAfterStart,
                ..
            } => "end_not_after_start",
            Issue::Meeting {
                problem: MeetingProblem::DateInFuture,
                ..
            } => "date_in_future",
            Issue::Meeting {
                problem: MeetingProblem::MarkedTwice { .. },
                ..
            } => "marked_twice",
            Issue::Meeting {
                problem: MeetingProblem::UnknownMember { .. },
                ..
            } => "unknown_member",
            Issue::UnknownPerson { .. } => "unknown_person",
            Issue::UnknownFramework { .. } => "unknown_framework",
            Issue::UnknownPlan { .. } => "unknown_plan",
            Issue::PlanMonthOutOfRange { .. } => "plan_month_out_of_range",
            Issue::OutsideScopeYear { .. } => "outside_scope_year",
            Issue::BuiltinFrameworkId { .. } => "builtin_framework_id",
            Issue::Framework(_) => "framework_invalid",
            Issue::BuiltinTemplateId { .. } => "builtin_template_id",
            Issue::Template(_) => "template_invalid",
            Issue::ReviewIdNotOfYear { .. } => "review_id_not_of_year",
            Issue::ReviewYearOutOfRange { .. } => "review_year_out_of_range",
            Issue::PackShape { .. } => "pack_shape",
            Issue::Pack(_) => "pack_invalid",
            Issue::BuiltinDuesRulesId { .. } => "builtin_dues_rules_id",
            Issue::DuesRules(_) => "dues_rules_invalid",
            Issue::DuesProfileNotOfMember { .. } => "dues_profile_not_of_member",
            Issue::UnknownDuesMember { .. } => "unknown_dues_member",
            Issue::DuesAmountOutOfRange { .. } => "dues_amount_out_of_range",
            Issue::DuesMonthsOutOfRange { .. } => "dues_months_out_of_range",
            Issue::DuesMonthOutOfRange { .. } => "dues_month_out_of_range",
            Issue::DuesRelief { .. } => "dues_relief_invalid",
            Issue::DuesOutsideScopeYear { .. } => "outside_scope_year",
        }
    }

    /// True for a reference to a member, framework or plan the file does not hold.
    pub fn is_unknown_reference(&self) -> bool {
        matches!(
            self.issue,
            Issue::UnknownPerson { .. }
                | Issue::UnknownFramework { .. }
                | Issue::UnknownPlan { .. }
                | Issue::UnknownDuesMember { .. }
                | Issue::Meeting { problem: MeetingProblem::UnknownMember { .. }, .. }
        )
    }

}

// ---------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------

/// Reads and validates a backup file on its own: members and frameworks a record refers
/// to must be in the file (or built in, for frameworks).
pub fn parse_backup(bytes: &[u8], limits: &ImportLimits) -> Result<Backup, ImportError> {
    parse(bytes, limits, None)
}

/// Like [`parse_backup`], but a record may also refer to members and custom frameworks
/// already on the device (`current`): a one-year file from another phone may name a
/// member whose record is only here.
pub fn parse_backup_against(
    bytes: &[u8],
    limits: &ImportLimits,
    current: &Dataset,
) -> Result<Backup, ImportError> {
    parse(bytes, limits, Some(current))
}

fn parse(
    bytes: &[u8],
    limits: &ImportLimits,
    current: Option<&Dataset>,
) -> Result<Backup, ImportError> {
    match typed::read_good_file(bytes, limits, current) {
        Some(backup) => Ok(backup),
        None => parse_by_value(bytes, limits, current),
    }
}

/// The reading every file gets when the typed path (see [`typed`]) does not accept it: the
/// whole file as `serde_json::Value`, each record read on its own, every problem located.
/// Public only for the property test that both paths agree (`tests/backup_fuzz.rs`).
#[doc(hidden)]
pub fn parse_by_value(
    bytes: &[u8],
    limits: &ImportLimits,
    current: Option<&Dataset>,
) -> Result<Backup, ImportError> {
    let root = parse_json_object(bytes, limits)?;
    let root = match root.get("format") {
        None => return Err(guess_other_file(&root)),
        Some(Value::String(format)) if format == FORMAT => root,
        Some(Value::String(format)) if format == RAW_FORMAT => {
            return Err(ImportError::RawDumpFile)
        }
        Some(other) => {
            return Err(ImportError::WrongFormat {
                found: shorten(other),
            })
        }
    };
    let version = format_version(&root)?;
    let root = if version == u64::from(FORMAT_VERSION) {
        root
    } else {
        match migrate_backup(version, Value::Object(root)) {
            Ok(Value::Object(migrated)) => migrated,
            Ok(_) => return Err(ImportError::NotAnObject),
            Err(MigrationError::NewerThanApp { found, supported }) => {
                return Err(ImportError::NewerFormatVersion { found, supported })
            }
            Err(other) => return Err(ImportError::Migration(other)),
        }
    };
    let mut problems = Problems::default();
    let backup = read_backup(
        &root,
        u32::try_from(version).unwrap_or(FORMAT_VERSION),
        current,
        &mut problems,
    );
    match backup {
        Some(backup) if problems.is_empty() => Ok(backup),
        _ => Err(ImportError::Invalid(problems.into_list())),
    }
}

/// Size, byte-order marks, UTF-8, JSON, object: the checks every file kind shares.
pub(crate) fn parse_json_object(
    bytes: &[u8],
    limits: &ImportLimits,
) -> Result<Map<String, Value>, ImportError> {
    if bytes.len() > limits.max_bytes {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            max: limits.max_bytes,
        });
    }
    // A UTF-8 byte-order mark (Windows Notepad writes one) is not an error.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ImportError::Utf16);
    }
    let text = std::str::from_utf8(bytes).map_err(|error| ImportError::NotUtf8 {
        offset: error.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err(ImportError::NotAnObject),
        Err(error) => Err(ImportError::NotJson {
            line: error.line(),
            column: error.column(),
            truncated: error.is_eof(),
            detail: error.to_string(),
        }),
    }
}

/// An object without `format`: say what it is if it looks like another file of the app.
fn guess_other_file(root: &Map<String, Value>) -> ImportError {
    if root.contains_key("groups") && root.contains_key("rating_thresholds") {
        ImportError::FrameworkFile
    } else if root.contains_key("sections") && root.contains_key("format_version") {
        ImportError::ContentPackFile
    } else {
        ImportError::NotABackup
    }
}

fn format_version(root: &Map<String, Value>) -> Result<u64, ImportError> {
    match root.get("format_version") {
        None => Err(ImportError::MissingFormatVersion),
        Some(Value::Number(number)) => match number.as_u64() {
            Some(0) | None => Err(ImportError::InvalidFormatVersion {
                found: number.to_string(),
            }),
            Some(found) if found > u64::from(FORMAT_VERSION) => {
                Err(ImportError::NewerFormatVersion {
                    found,
                    supported: FORMAT_VERSION,
                })
            }
            Some(found) => Ok(found),
        },
        Some(other) => Err(ImportError::InvalidFormatVersion {
            found: shorten(other),
        }),
    }
}

fn file_problem(problems: &mut Problems, issue: FieldIssue) {
    problems.push(ImportProblem {
        place: Place::File,
        issue: Issue::Field(issue),
    });
}

/// A required top-level field, read with its type; problems are recorded.
fn top_field<T: serde::de::DeserializeOwned>(
    root: &Map<String, Value>,
    field: &'static str,
    expected: read::Expected,
    problems: &mut Problems,
) -> Option<T> {
    let Some(value) = root.get(field) else {
        file_problem(problems, FieldIssue::Missing { field });
        return None;
    };
    match read::from_value::<T>(value) {
        Ok(read) => Some(read),
        Err(error) => {
            file_problem(
                problems,
                FieldIssue::Invalid {
                    field,
                    element: None,
                    expected,
                    found: shorten(value),
                    detail: read::strip_position(&error.to_string()),
                },
            );
            None
        }
    }
}

/// `scope`: `{"kind": "all"}` or `{"kind": "year", "year": 2025}`, read by hand (a
/// derived reader of this tagged enum would add a few kilobytes of wasm).
fn read_scope(root: &Map<String, Value>, problems: &mut Problems) -> Option<Scope> {
    let invalid = |problems: &mut Problems, found: &Value, detail: String| {
        file_problem(
            problems,
            FieldIssue::Invalid {
                field: "scope",
                element: None,
                expected: read::Expected::Other,
                found: shorten(found),
                detail,
            },
        );
        None
    };
    let Some(value) = root.get("scope") else {
        file_problem(problems, FieldIssue::Missing { field: "scope" });
        return None;
    };
    let Value::Object(scope) = value else {
        return invalid(
            problems,
            value,
            format!("invalid type: {}, expected a map", unexpected(value)),
        );
    };
    match scope.get("kind") {
        None => invalid(problems, value, "missing field `kind`".to_owned()),
        Some(Value::String(kind)) if kind == "all" => Some(Scope::All),
        Some(Value::String(kind)) if kind == "year" => {
            let (earliest, latest) = date_range();
            match scope.get("year") {
                None => invalid(problems, value, "missing field `year`".to_owned()),
                Some(Value::Number(number)) => match number.as_i64() {
                    Some(year)
                        if year >= i64::from(earliest.year())
                            && year <= i64::from(latest.year()) =>
                    {
                        Some(Scope::Year {
                            year: i32::try_from(year).unwrap_or_default(),
                        })
                    }
                    _ => invalid(
                        problems,
                        value,
                        format!(
                            "invalid value: integer `{number}`, expected a year from 1930 to 2100"
                        ),
                    ),
                },
                Some(other) => invalid(
                    problems,
                    value,
                    format!("invalid type: {}, expected i32", unexpected(other)),
                ),
            }
        }
        Some(Value::String(kind)) => invalid(
            problems,
            value,
            format!("unknown variant `{kind}`, expected `all` or `year`"),
        ),
        Some(other) => invalid(
            problems,
            value,
            format!("invalid type: {}, expected a string", unexpected(other)),
        ),
    }
}

fn read_backup(
    root: &Map<String, Value>,
    source_version: u32,
    current: Option<&Dataset>,
    problems: &mut Problems,
) -> Option<Backup> {
    let app_version = top_field::<String>(root, "app_version", read::Expected::Other, problems);
    let exported_at =
        top_field::<Timestamp>(root, "exported_at", read::Expected::Timestamp, problems)
            .filter(|at| {
                let in_range = moment_in_range(*at);
                if !in_range {
                    problems.push(moment_out_of_range(Place::File, "exported_at", *at));
                }
                in_range
            });
    let scope = read_scope(root, problems);
    let data = match root.get("data") {
        None => {
            file_problem(problems, FieldIssue::Missing { field: "data" });
            None
        }
        Some(Value::Object(data)) => Some(data),
        Some(other) => {
            file_problem(
                problems,
                FieldIssue::NotAnObject {
                    found: shorten(other),
                },
            );
            None
        }
    };
    let data = data.map(|data| read_dataset(data, scope, current, problems));
    Some(Backup {
        source_format_version: source_version,
        app_version: app_version?,
        exported_at: exported_at?,
        scope: scope?,
        data: data?,
    })
}

fn moment_out_of_range(place: Place, field: &'static str, at: Timestamp) -> ImportProblem {
    ImportProblem {
        place,
        issue: Issue::DateOutOfRange {
            field,
            date: at.naive_utc().date(),
        },
    }
}

/// A list of `data`: required, and a JSON array.
/// `None` when it is missing or not a list (references to its records are then not
/// checked: they would all be reported as unknown).
fn data_list<'a>(
    data: &'a Map<String, Value>,
    field: &'static str,
    problems: &mut Problems,
) -> Option<&'a [Value]> {
    match data.get(field) {
        Some(Value::Array(items)) => Some(items),
        None => {
            file_problem(
                problems,
                FieldIssue::Missing {
                    field: data_key(field),
                },
            );
            None
        }
        Some(other) => {
            file_problem(
                problems,
                FieldIssue::Invalid {
                    field: data_key(field),
                    element: None,
                    expected: read::Expected::Other,
                    found: shorten(other),
                    detail: format!("invalid type: {}, expected a sequence", unexpected(other)),
                },
            );
            None
        }
    }
}

/// A single record of `data` (`chi_bo`, `committee_pack`): required key, `null` or an object.
fn data_single<'a>(
    data: &'a Map<String, Value>,
    field: &'static str,
    problems: &mut Problems,
) -> Option<&'a Value> {
    match data.get(field) {
        None => {
            file_problem(
                problems,
                FieldIssue::Missing {
                    field: data_key(field),
                },
            );
            None
        }
        Some(Value::Null) => None,
        Some(value) => Some(value),
    }
}

/// "data.members" and so on, for messages about the lists themselves.
fn data_key(field: &'static str) -> &'static str {
    match field {
        "chi_bo" => "data.chi_bo",
        "members" => "data.members",
        "meetings" => "data.meetings",
        "plans" => "data.plans",
        "reviews" => "data.reviews",
        "handbook_marks" => "data.handbook_marks",
        "frameworks" => "data.frameworks",
        "dossier_templates" => "data.dossier_templates",
        "committee_pack" => "data.committee_pack",
        "dues_rules" => "data.dues_rules",
        "dues_profiles" => "data.dues_profiles",
        "dues_payments" => "data.dues_payments",
        "deletions" => "data.deletions",
        other => other,
    }
}

/// Records of one kind as read: the good ones with their places, and the ids written in
/// the ones that could not be read (so that references to them are not reported twice).
struct ReadList<T> {
    records: Vec<T>,
    places: Vec<Place>,
    unreadable_ids: Vec<String>,
    /// False when the list itself could not be read.
    complete: bool,
}

impl<T> Default for ReadList<T> {
    fn default() -> Self {
        ReadList {
            records: Vec::new(),
            places: Vec::new(),
            unreadable_ids: Vec::new(),
            complete: true,
        }
    }
}

impl<T> ReadList<T> {
    fn incomplete() -> Self {
        ReadList {
            complete: false,
            ..ReadList::default()
        }
    }

    /// A record read well, with its place in the file.
    fn keep(&mut self, record: T, place: Place) {
        self.records.push(record);
        self.places.push(place);
    }

    /// A record other records refer to by `id`: kept, or its problems reported and its id
    /// remembered as unreadable.
    fn take_referenced(
        &mut self,
        read: Result<T, Vec<FieldIssue>>,
        place: Place,
        id: &str,
        problems: &mut Problems,
    ) {
        match read {
            Ok(record) => self.keep(record, place),
            Err(issues) => {
                self.unreadable_ids.push(id.to_owned());
                field_problems(&place, issues, problems);
            }
        }
    }
}

/// Reads one record of a list (`part`: the list's place in the file, [`Place::order`]):
/// field by field, each problem found and placed, while the list's problems are still
/// listed; past them, only whether it reads (a broken record then counts as one problem),
/// so a file of a million broken records is answered in about a second.
fn read_record<T: serde::de::DeserializeOwned>(
    value: &Value,
    part: u8,
    examine: fn(&Value) -> Result<T, Vec<FieldIssue>>,
    problems: &mut Problems,
) -> Result<T, Vec<FieldIssue>> {
    if problems.listing(part) {
        return examine(value);
    }
    read::from_value::<T>(value).map_err(|_| {
        problems.count_unlisted();
        Vec::new()
    })
}

fn field_problems(place: &Place, issues: Vec<FieldIssue>, problems: &mut Problems) {
    problems.extend(issues.into_iter().map(|issue| ImportProblem {
        place: place.clone(),
        issue: Issue::Field(issue),
    }));
}

/// How many times each key occurs.
fn counts<'a>(keys: impl Iterator<Item = &'a str>) -> Ids {
    let mut counts = Ids::default();
    for key in keys {
        let count = counts.get(key).copied().unwrap_or(0);
        counts.insert(key.to_owned(), count.saturating_add(1));
    }
    counts
}

fn read_members(values: &[Value], problems: &mut Problems) -> ReadList<Member> {
    let names = counts(values.iter().map(|value| text_of(value, "name").trim()));
    let mut list = ReadList::default();
    for (index, value) in values.iter().enumerate() {
        let name = text_of(value, "name").trim();
        let place = Place::Member {
            position: index + 1,
            id: text_of(value, "id").to_owned(),
            name: name.to_owned(),
            show_id: names.get(name).copied().unwrap_or(0) > 1,
        };
        list.take_referenced(read_record(value, PART_MEMBERS, read::member, problems), place, text_of(value, "id"), problems);
    }
    list
}

fn read_meetings(values: &[Value], problems: &mut Problems) -> ReadList<Meeting> {
    let dates: Vec<Option<NaiveDate>> = values.iter().map(read::date_of).collect();
    let per_date = counts(values.iter().map(|value| text_of(value, "date")));
    let mut list = ReadList::default();
    for (index, value) in values.iter().enumerate() {
        let date = dates.get(index).copied().flatten();
        let place = Place::Meeting {
            position: index + 1,
            id: text_of(value, "id").to_owned(),
            date,
            show_id: date.is_some()
                && per_date.get(text_of(value, "date")).copied().unwrap_or(0) > 1,
        };
        list.take_referenced(read_record(value, PART_MEETINGS, read::meeting, problems), place, text_of(value, "id"), problems);
    }
    list
}

fn read_plans(values: &[Value], problems: &mut Problems) -> ReadList<MeetingPlan> {
    let per_date = counts(values.iter().map(|value| text_of(value, "date")));
    let mut list = ReadList::default();
    for (index, value) in values.iter().enumerate() {
        let date = read::date_of(value);
        let place = Place::Plan {
            position: index + 1,
            id: text_of(value, "id").to_owned(),
            date,
            show_id: date.is_some() && per_date.get(text_of(value, "date")).copied().unwrap_or(0) > 1,
        };
        list.take_referenced(read_record(value, PART_PLANS, read::plan, problems), place, text_of(value, "id"), problems);
    }
    list
}

fn read_marks(values: &[Value], problems: &mut Problems) -> ReadList<HandbookMark> {
    let mut list = ReadList::default();
    for (index, value) in values.iter().enumerate() {
        let place = Place::Mark {
            position: index + 1,
            item_id: text_of(value, "item_id").to_owned(),
        };
        match read_record(value, PART_MARKS, read::mark, problems) {
            Ok(mark) => list.keep(mark, place),
            Err(issues) => field_problems(&place, issues, problems),
        }
    }
    list
}

fn read_reviews(values: &[Value], problems: &mut Problems) -> ReadList<YearReview> {
    let mut list = ReadList::default();
    for (index, value) in values.iter().enumerate() {
        let place = Place::Review {
            position: index + 1,
            id: text_of(value, "id").to_owned(),
            year: value.get("year").and_then(Value::as_i64),
        };
        match read_record(value, PART_REVIEWS, read::review, problems) {
            Ok(review) => list.keep(review, place),
            Err(issues) => field_problems(&place, issues, problems),
        }
    }
    list
}

fn read_templates(values: &[Value], problems: &mut Problems) -> ReadList<CustomTemplate> {
    read_rule_sets(
        values,
        "template",
        |position, id, name| Place::Template { position, id, name },
        read::custom_template,
        Issue::Template,
        problems,
    )
}

/// Records wrapping a committee's rule set (frameworks, templates): each read with the
/// rule set's own validation, its problems placed by position, id and name.
fn read_rule_sets<T, E>(
    values: &[Value],
    inner_key: &str,
    place_of: fn(usize, String, String) -> Place,
    read_one: fn(&Value) -> Result<T, Vec<RuleSetIssue<E>>>,
    invalid: fn(E) -> Issue,
    problems: &mut Problems,
) -> ReadList<T> {
    let mut list = ReadList::default();
    for (index, value) in values.iter().enumerate() {
        let inner = value.get(inner_key).unwrap_or(&Value::Null);
        let place = place_of(
            index + 1,
            text_of(inner, "id").to_owned(),
            text_of(inner, "name").trim().to_owned(),
        );
        match read_one(value) {
            Ok(record) => list.keep(record, place),
            Err(issues) => {
                list.unreadable_ids.push(text_of(inner, "id").to_owned());
                for issue in issues {
                    let issue = match issue {
                        RuleSetIssue::Field(field) => Issue::Field(field),
                        RuleSetIssue::Invalid(error) => invalid(error),
                    };
                    problems.push(ImportProblem {
                        place: place.clone(),
                        issue,
                    });
                }
            }
        }
    }
    list
}

fn read_deletions(values: &[Value], problems: &mut Problems) -> ReadList<Deletion> {
    let mut list = ReadList::default();
    for (index, value) in values.iter().enumerate() {
        let place = Place::Deletion {
            position: index + 1,
            kind: value
                .get("kind")
                .and_then(|kind| read::from_value::<DeletedKind>(kind).ok()),
            id: text_of(value, "id").to_owned(),
        };
        match read_record(value, PART_DELETIONS, read::deletion, problems) {
            Ok(marker) => list.keep(marker, place),
            Err(issues) => field_problems(&place, issues, problems),
        }
    }
    list
}

fn read_frameworks(
    values: &[Value],
    problems: &mut Problems,
) -> ReadList<CustomFramework> {
    read_rule_sets(
        values,
        "framework",
        |position, id, name| Place::Framework { position, id, name },
        read::custom_framework,
        Issue::Framework,
        problems,
    )
}

fn read_committee_pack(value: &Value, problems: &mut Problems) -> Option<CommitteePack> {
    match read::committee_pack(value) {
        Ok(pack) if !moment_in_range(pack.updated_at) => {
            problems.push(moment_out_of_range(
                Place::CommitteePack,
                "updated_at",
                pack.updated_at,
            ));
            None
        }
        Ok(pack) => Some(pack),
        Err(issues) => {
            for issue in issues {
                let issue = match issue {
                    PackIssue::Field(field) => Issue::Field(field),
                    PackIssue::Shape { problem, detail } => Issue::PackShape { problem, detail },
                    PackIssue::Invalid(error) => Issue::Pack(error),
                };
                problems.push(ImportProblem {
                    place: Place::CommitteePack,
                    issue,
                });
            }
            None
        }
    }
}

fn read_dataset(
    data: &Map<String, Value>,
    scope: Option<Scope>,
    current: Option<&Dataset>,
    problems: &mut Problems,
) -> Dataset {
    let chi_bo_value = data_single(data, "chi_bo", problems);
    let chi_bo = chi_bo_value.and_then(|value| match read::chi_bo(value) {
        Ok(chi_bo) => Some(chi_bo),
        Err(issues) => {
            field_problems(&Place::ChiBo, issues, problems);
            None
        }
    });
    let members = data_list(data, "members", problems)
        .map_or_else(ReadList::incomplete, |values| {
            read_members(values, problems)
        });
    let meetings = data_list(data, "meetings", problems)
        .map_or_else(ReadList::incomplete, |values| {
            read_meetings(values, problems)
        });
    let plans = data_list(data, "plans", problems)
        .map_or_else(ReadList::incomplete, |values| read_plans(values, problems));
    let reviews = data_list(data, "reviews", problems)
        .map_or_else(ReadList::incomplete, |values| read_reviews(values, problems));
    let marks = data_list(data, "handbook_marks", problems)
        .map_or_else(ReadList::incomplete, |values| read_marks(values, problems));
    let frameworks = data_list(data, "frameworks", problems)
        .map_or_else(ReadList::incomplete, |values| {
            read_frameworks(values, problems)
        });
    let templates = data_list(data, "dossier_templates", problems)
        .map_or_else(ReadList::incomplete, |values| read_templates(values, problems));
    let committee_pack = data_single(data, "committee_pack", problems)
        .and_then(|value| read_committee_pack(value, problems));
    let dues = dues::read_lists(data, &members.records, problems);
    let deletions = data_list(data, "deletions", problems)
        .map_or_else(ReadList::incomplete, |values| read_deletions(values, problems));
    checked_dataset(
        Lists { chi_bo, members, meetings, plans, reviews, marks, frameworks, templates, committee_pack, dues, deletions },
        scope,
        current,
        problems,
    )
}

/// Every record of a file as read, before the checks across records.
struct Lists {
    chi_bo: Option<ChiBo>,
    members: ReadList<Member>,
    meetings: ReadList<Meeting>,
    plans: ReadList<MeetingPlan>,
    reviews: ReadList<YearReview>,
    marks: ReadList<HandbookMark>,
    frameworks: ReadList<CustomFramework>,
    templates: ReadList<CustomTemplate>,
    committee_pack: Option<CommitteePack>,
    dues: dues::DuesLists,
    deletions: ReadList<Deletion>,
}

/// The checks across records (references, duplicates, ranges, scope); their problems join
/// `problems` in file order.
fn checked_dataset(
    lists: Lists,
    scope: Option<Scope>,
    current: Option<&Dataset>,
    problems: &mut Problems,
) -> Dataset {
    let Lists { chi_bo, members, meetings, plans, reviews, marks, frameworks, templates, committee_pack, dues, deletions } = lists;
    let mut validation = Validation {
        problems: Problems::default(),
    };
    validation.run(
        &chi_bo,
        &members,
        (&meetings, &plans),
        &marks,
        &frameworks,
        &deletions.records,
        scope,
        current,
    );
    validation.reviews(&reviews, scope);
    validation.templates(&templates);
    let known = members.complete.then(|| known_members(&members, &deletions.records, current));
    validation.dues(&dues, known.as_ref(), scope);
    validation.deletions(&deletions, &Held {
        members: id_set(members.records.iter().map(|m| m.id.as_str())),
        meetings: id_set(meetings.records.iter().map(|m| m.id.as_str())),
        plans: id_set(plans.records.iter().map(|p| p.id.as_str())),
        reviews: id_set(reviews.records.iter().map(|r| r.id.as_str())),
        marks: id_set(marks.records.iter().map(|m| m.item_id.as_str())),
        frameworks: id_set(frameworks.records.iter().map(|f| f.framework.id.as_str())),
        templates: id_set(templates.records.iter().map(|t| t.template.id.as_str())),
        committee_pack: committee_pack.is_some(),
        dues_rules: dues.rules.is_some(),
        dues_profiles: id_set(dues.profiles.records.iter().map(|p| p.id.as_str())),
        dues_payments: id_set(dues.payments.records.iter().map(|p| p.id.as_str())),
    });
    let read = std::mem::take(problems);
    *problems = in_file_order(read, validation.problems);

    Dataset {
        chi_bo,
        members: members.records,
        meetings: meetings.records,
        plans: plans.records,
        reviews: reviews.records,
        marks: marks.records,
        frameworks: frameworks.records,
        templates: templates.records,
        committee_pack,
        dues_rules: dues.rules,
        dues_profiles: dues.profiles.records,
        dues_payments: dues.payments.records,
        deletions: deletions.records,
    }
}

/// The records a file holds, to check its deletion markers against: sets of ids, so a
/// file of many markers and many records is checked in linear time.
struct Held {
    members: Ids,
    meetings: Ids,
    plans: Ids,
    reviews: Ids,
    marks: Ids,
    frameworks: Ids,
    templates: Ids,
    committee_pack: bool,
    dues_rules: bool,
    dues_profiles: Ids,
    dues_payments: Ids,
}

impl Held {
    fn holds(&self, kind: DeletedKind, id: &str) -> bool {
        match kind {
            DeletedKind::Member => self.members.contains_key(id),
            DeletedKind::Meeting => self.meetings.contains_key(id),
            DeletedKind::Plan => self.plans.contains_key(id),
            DeletedKind::Mark => self.marks.contains_key(id),
            DeletedKind::Framework => self.frameworks.contains_key(id),
            DeletedKind::CommitteePack => self.committee_pack,
            DeletedKind::Review => self.reviews.contains_key(id),
            DeletedKind::DossierTemplate => self.templates.contains_key(id),
            DeletedKind::DuesRules => self.dues_rules,
            DeletedKind::DuesProfile => self.dues_profiles.contains_key(id),
            DeletedKind::DuesPayment => self.dues_payments.contains_key(id),
        }
    }
}

/// Problems in file order: the file's fields, the chi bộ, then each list record by
/// record. Both inputs list each kind's records in position order (reading, then the
/// checks of what was read), so a merge per kind does it; no sort (which would add a sort
/// routine to the wasm for this one list).
fn in_file_order(read: Problems, checks: Problems) -> Problems {
    let mut ordered = Vec::with_capacity(read.kept.len() + checks.kept.len());
    for rank in 0..PARTS {
        let in_part = |p: &&ImportProblem| usize::from(p.place.order().0) == rank;
        let mut a = read.kept.iter().filter(in_part).peekable();
        let mut b = checks.kept.iter().filter(in_part).peekable();
        loop {
            let take_a = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => x.place.order().1 <= y.place.order().1,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let next = if take_a { a.next() } else { b.next() };
            ordered.extend(next.cloned());
        }
    }
    // Each input kept the first of each part, so the first of the merge are the file's first.
    let mut merged = Problems {
        kept: ordered,
        kept_per_part: [0; PARTS],
        total: read.total.saturating_add(checks.total),
        other_than_references: read.other_than_references || checks.other_than_references,
        lower_bound: read.lower_bound || checks.lower_bound,
    };
    merged.kept.truncate(MAX_LISTED_PROBLEMS);
    merged
}

// ---------------------------------------------------------------------------------------
// Validation of what was read
// ---------------------------------------------------------------------------------------

struct Validation {
    problems: Problems,
}

/// The roster meetings are checked against: the file's members, then the device's.
fn roster_of(members: &ReadList<Member>, current: Option<&Dataset>) -> Vec<Member> {
    let mut roster: Vec<Member> = members.records.clone();
    if let Some(current) = current {
        let in_file = id_set(members.records.iter().map(|m| m.id.as_str()));
        roster.extend(
            current
                .members
                .iter()
                .filter(|m| !in_file.contains_key(m.id.as_str()))
                .cloned(),
        );
    }
    roster
}

/// The member ids a record may name: the file's members (those that could not be read
/// too: they are reported there), the device's, and members deleted in the file or on the
/// device (a record edited on another phone before the deletion reached it is accepted,
/// so that files keep travelling).
fn known_members(members: &ReadList<Member>, deletions: &[Deletion], current: Option<&Dataset>) -> Ids {
    let device = current.into_iter().flat_map(|current| {
        let held = current.members.iter().map(|m| m.id.as_str());
        held.chain(deleted_ids(&current.deletions, DeletedKind::Member))
    });
    let file = members.records.iter().map(|m| m.id.as_str()).chain(members.unreadable_ids.iter().map(String::as_str));
    id_set(file.chain(deleted_ids(deletions, DeletedKind::Member)).chain(device))
}

fn deleted_ids(deletions: &[Deletion], kind: DeletedKind) -> impl Iterator<Item = &str> {
    deletions.iter().filter(move |marker| marker.kind == kind).map(|marker| marker.id.as_str())
}

/// The ids a meeting may refer to; `None` when that list of the file could not be read.
struct References<'a> {
    members: Option<&'a Ids>,
    frameworks: Option<&'a Ids>,
    plans: Option<&'a Ids>,
}

impl Validation {
    fn push(&mut self, place: &Place, issue: Issue) {
        self.problems.push(ImportProblem {
            place: place.clone(),
            issue,
        });
    }

    fn id(&mut self, place: &Place, field: &'static str, id: &str) {
        if id.trim().is_empty() {
            self.push(place, Issue::BlankField { field });
        } else if !valid_id(id) {
            self.push(
                place,
                Issue::InvalidId {
                    field,
                    id: id.to_owned(),
                },
            );
        }
    }

    /// Reports the record at `index` when an earlier record of its list has the same id.
    fn unique(&mut self, first: &mut Ids, id: &str, index: usize, places: &[Place]) {
        self.unique_by(first, id, id, index, places);
    }

    /// As [`Validation::unique`], for records unique by `key` (a marker: kind and id),
    /// reported with their `id`.
    fn unique_by(&mut self, first: &mut Ids, key: &str, id: &str, index: usize, places: &[Place]) {
        if id.is_empty() {
            return;
        }
        match first.get(key) {
            Some(&earlier) => {
                let earlier = usize::try_from(earlier).unwrap_or(usize::MAX);
                if let (Some(place), Some(first_place)) = (places.get(index), places.get(earlier)) {
                    self.push(
                        place,
                        Issue::DuplicateId {
                            id: id.to_owned(),
                            first: Box::new(first_place.clone()),
                        },
                    );
                }
            }
            None => {
                first.insert(key.to_owned(), u32::try_from(index).unwrap_or(u32::MAX));
            }
        }
    }

    fn date(&mut self, place: &Place, field: &'static str, date: NaiveDate) {
        let (earliest, latest) = date_range();
        if date < earliest || date > latest {
            self.push(place, Issue::DateOutOfRange { field, date });
        }
    }

    fn updated_at(&mut self, place: &Place, at: Timestamp) {
        if !moment_in_range(at) {
            self.problems
                .push(moment_out_of_range(place.clone(), "updated_at", at));
        }
    }

    /// Each marker: a valid id, a moment in range, one per record, and not for a record
    /// the file also holds (a file holds a record or its deletion, never both).
    fn deletions(&mut self, deletions: &ReadList<Deletion>, held: &Held) {
        let mut first = Ids::default();
        for (index, (marker, place)) in deletions.records.iter().zip(&deletions.places).enumerate() {
            self.id(place, "id", &marker.id);
            if !moment_in_range(marker.deleted_at) {
                self.problems
                    .push(moment_out_of_range(place.clone(), "deleted_at", marker.deleted_at));
            }
            let key = if marker.kind.is_single() {
                marker.kind.name().to_owned()
            } else {
                format!("{}.{}", marker.kind.name(), marker.id)
            };
            self.unique_by(&mut first, &key, &marker.id, index, &deletions.places);
            if held.holds(marker.kind, &marker.id) {
                self.push(place, Issue::DeletedButPresent);
            }
        }
    }

    /// Each review: a valid id that is its year's, a year in range (and the file's, for a
    /// one-year file), a moment in range, one per id.
    fn reviews(&mut self, reviews: &ReadList<YearReview>, scope: Option<Scope>) {
        let (earliest, latest) = date_range();
        let mut first = Ids::default();
        for (index, (review, place)) in reviews.records.iter().zip(&reviews.places).enumerate() {
            self.id(place, "id", &review.id);
            self.updated_at(place, review.updated_at);
            if !(earliest.year()..=latest.year()).contains(&review.year) {
                self.push(place, Issue::ReviewYearOutOfRange { year: review.year });
            } else if review.id != YearReview::id_for_year(review.year) {
                self.push(
                    place,
                    Issue::ReviewIdNotOfYear {
                        expected: YearReview::id_for_year(review.year),
                    },
                );
            }
            if let Some(Scope::Year { year }) = scope {
                if review.year != year {
                    self.push(place, Issue::OutsideScopeYear { year });
                }
            }
            if let Some(reviewed_on) = review.reviewed_on {
                self.date(place, "reviewed_on", reviewed_on);
            }
            self.unique(&mut first, &review.id, index, &reviews.places);
        }
    }

    /// Each committee template: not the built-in id, a valid id, a moment in range, one
    /// per id (its content was validated when read).
    fn templates(&mut self, templates: &ReadList<CustomTemplate>) {
        let mut first = Ids::default();
        for (index, (custom, place)) in templates.records.iter().zip(&templates.places).enumerate() {
            let id = &custom.template.id;
            self.updated_at(place, custom.updated_at);
            let builtin = (id == BUILTIN_TEMPLATE_ID).then(|| Issue::BuiltinTemplateId { id: id.clone() });
            self.rule_set_id(place, id, builtin);
            self.unique(&mut first, id, index, &templates.places);
        }
    }

    /// A committee rule set's id: not a built-in one's (`builtin` is then the issue to
    /// report), and one the app can store (an empty one was reported when read).
    fn rule_set_id(&mut self, place: &Place, id: &str, builtin: Option<Issue>) {
        if let Some(issue) = builtin {
            self.push(place, issue);
        } else if !id.trim().is_empty() && !valid_id(id) {
            self.push(
                place,
                Issue::InvalidId {
                    field: "id",
                    id: id.to_owned(),
                },
            );
        }
    }

    fn blank(&mut self, place: &Place, field: &'static str, value: &str) {
        if value.trim().is_empty() {
            self.push(place, Issue::BlankField { field });
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn run(
        &mut self,
        chi_bo: &Option<ChiBo>,
        members: &ReadList<Member>,
        (meetings, plans): (&ReadList<Meeting>, &ReadList<MeetingPlan>),
        marks: &ReadList<HandbookMark>,
        frameworks: &ReadList<CustomFramework>,
        deletions: &[Deletion],
        scope: Option<Scope>,
        current: Option<&Dataset>,
    ) {
        // A deleted member or framework may still be named by a meeting (or the chi bộ)
        // edited on another phone before the deletion reached it: accepted, so that
        // files keep travelling; the app shows such a name as a deleted record.
        let device_deletions: &[Deletion] = current.map_or(&[], |current| &current.deletions);
        let deleted_frameworks = deleted_ids(deletions, DeletedKind::Framework)
            .chain(deleted_ids(device_deletions, DeletedKind::Framework));
        // Frameworks anyone may name: built in, in the file (even unreadable ones: those
        // are already reported), on the device.
        let mut known_frameworks = id_set(builtin::SOURCES.iter().map(|(id, _)| *id));
        let custom_ids = frameworks
            .records
            .iter()
            .map(|custom| custom.framework.id.as_str())
            .chain(frameworks.unreadable_ids.iter().map(String::as_str))
            .chain(
                current
                    .iter()
                    .flat_map(|current| &current.frameworks)
                    .map(|custom| custom.framework.id.as_str()),
            );
        for id in custom_ids.chain(deleted_frameworks) {
            known_frameworks.insert(id.to_owned(), 0);
        }
        let roster = roster_of(members, current);
        let roster_ids = id_set(roster.iter().map(|m| m.id.as_str()));
        let known_members = known_members(members, deletions, current);

        if let Some(chi_bo) = chi_bo {
            let place = Place::ChiBo;
            self.id(&place, "id", &chi_bo.id);
            self.updated_at(&place, chi_bo.updated_at);
            self.blank(&place, "name", &chi_bo.name);
            if !chi_bo.meeting_day_is_valid() {
                self.push(
                    &place,
                    Issue::MeetingDayOutOfRange {
                        day: chi_bo.usual_meeting_day,
                    },
                );
            }
            if frameworks.complete && !known_frameworks.contains_key(chi_bo.framework_id.as_str()) {
                self.push(
                    &place,
                    Issue::UnknownFramework {
                        used_by: FrameworkUse::ChiBo,
                        framework_id: chi_bo.framework_id.clone(),
                    },
                );
            }
        }

        let mut first = Ids::default();
        for (index, (member, place)) in members.records.iter().zip(&members.places).enumerate() {
            self.member(member, place);
            self.unique(&mut first, &member.id, index, &members.places);
        }

        // Plans a meeting may name: in the file (even unreadable ones: reported there), on
        // the device, or deleted (a meeting keeps naming a plan deleted since).
        let mut known_plans = id_set(plans.records.iter().map(|plan| plan.id.as_str()));
        let other_plans = plans.unreadable_ids.iter().map(String::as_str).chain(
            current.iter().flat_map(|current| &current.plans).map(|plan| plan.id.as_str()),
        );
        let deleted_plans =
            deleted_ids(deletions, DeletedKind::Plan).chain(deleted_ids(device_deletions, DeletedKind::Plan));
        for id in other_plans.chain(deleted_plans) {
            known_plans.insert(id.to_owned(), 0);
        }
        let known = References {
            members: members.complete.then_some(&known_members),
            frameworks: frameworks.complete.then_some(&known_frameworks),
            plans: plans.complete.then_some(&known_plans),
        };
        let mut first = Ids::default();
        for (index, (meeting, place)) in meetings.records.iter().zip(&meetings.places).enumerate() {
            self.meeting(meeting, place, &roster, &roster_ids, &known, scope);
            self.unique(&mut first, &meeting.id, index, &meetings.places);
        }
        // A plan of another year belongs in a one-year file when a meeting of it names it.
        let named = id_set(meetings.records.iter().filter_map(|meeting| meeting.plan_id.as_deref()));
        let mut first = Ids::default();
        for (index, (plan, place)) in plans.records.iter().zip(&plans.places).enumerate() {
            let scope = scope.filter(|_| !named.contains_key(plan.id.as_str()));
            self.plan(plan, place, known.members, scope);
            self.unique(&mut first, &plan.id, index, &plans.places);
        }

        let mut first = Ids::default();
        for (index, (mark, place)) in marks.records.iter().zip(&marks.places).enumerate() {
            self.id(place, "item_id", &mark.item_id);
            self.updated_at(place, mark.updated_at);
            self.unique(&mut first, &mark.item_id, index, &marks.places);
        }

        let mut first = Ids::default();
        for (index, (custom, place)) in frameworks
            .records
            .iter()
            .zip(&frameworks.places)
            .enumerate()
        {
            let id = &custom.framework.id;
            self.updated_at(place, custom.updated_at);
            let builtin = builtin::SOURCES
                .iter()
                .any(|(builtin_id, _)| builtin_id == id)
                .then(|| Issue::BuiltinFrameworkId { id: id.clone() });
            self.rule_set_id(place, id, builtin);
            self.unique(&mut first, id, index, &frameworks.places);
        }
    }

    fn member(&mut self, member: &Member, place: &Place) {
        self.id(place, "id", &member.id);
        self.updated_at(place, member.updated_at);
        self.blank(place, "name", &member.name);
        if let Some(joined) = member.joined_on {
            self.date(place, "joined_on", joined);
        }
        if let Some(left) = member.left_on {
            self.date(place, "left_on", left);
        }
        if let (Some(joined), Some(left)) = (member.joined_on, member.left_on) {
            if left < joined {
                self.push(place, Issue::LeftBeforeJoined { joined, left });
            }
        }
        for (index, exemption) in member.exemptions.iter().enumerate() {
            self.date(place, "exemptions", exemption.from);
            if let Some(to) = exemption.to {
                self.date(place, "exemptions", to);
                if to < exemption.from {
                    self.push(
                        place,
                        Issue::ExemptionReversed {
                            position: index + 1,
                            from: exemption.from,
                            to,
                        },
                    );
                }
            }
        }
    }

    fn meeting(
        &mut self,
        meeting: &Meeting,
        place: &Place,
        roster: &[Member],
        roster_ids: &Ids,
        known: &References<'_>,
        scope: Option<Scope>,
    ) {
        self.id(place, "id", &meeting.id);
        self.date(place, "date", meeting.date);
        self.updated_at(place, meeting.updated_at);
        if let Some(Scope::Year { year }) = scope {
            if meeting.date.year() != year {
                self.push(place, Issue::OutsideScopeYear { year });
            }
        }
        // A date in the future is not an error for an import: checked with no "today".
        for problem in check_meeting_against(meeting, &|id| roster_ids.contains_key(id), NaiveDate::MAX) {
            let member_name = match &problem {
                MeetingProblem::UnknownMember { member_id } => {
                    // Not reported when the member list could not be read, nor for a
                    // member whose own record could not be read (reported there).
                    match known.members {
                        Some(members) if !members.contains_key(member_id.as_str()) => {
                            member_id.clone()
                        }
                        _ => continue,
                    }
                }
                // The first record with the id names the member (found through the set).
                MeetingProblem::MarkedTwice { member_id } => roster_ids
                    .get(member_id.as_str())
                    .and_then(|first| roster.get(*first as usize))
                    .filter(|member| !member.name.trim().is_empty())
                    .map_or_else(|| member_id.clone(), |member| member.name.clone()),
                _ => String::new(),
            };
            self.push(
                place,
                Issue::Meeting {
                    problem,
                    member_name,
                },
            );
        }
        let people = meeting
            .chair_id
            .iter()
            .map(|id| (PersonRole::Chair, id))
            .chain(
                meeting
                    .secretary_id
                    .iter()
                    .map(|id| (PersonRole::Secretary, id)),
            )
            .chain(meeting.speakers.iter().map(|id| (PersonRole::Speaker, id)));
        for (role, id) in people {
            if known
                .members
                .is_some_and(|members| !members.contains_key(id.as_str()))
            {
                self.push(
                    place,
                    Issue::UnknownPerson {
                        role,
                        member_id: id.clone(),
                    },
                );
            }
        }
        let sheets = std::iter::once((FrameworkUse::OwnSheet, &meeting.own_sheet)).chain(
            meeting
                .superior_sheet
                .iter()
                .map(|sheet| (FrameworkUse::SuperiorSheet, sheet)),
        );
        for (used_by, sheet) in sheets {
            if known
                .frameworks
                .is_some_and(|frameworks| !frameworks.contains_key(sheet.framework_id.as_str()))
            {
                self.push(
                    place,
                    Issue::UnknownFramework {
                        used_by,
                        framework_id: sheet.framework_id.clone(),
                    },
                );
            }
        }
        for task in &meeting.next_tasks {
            if let Some(deadline) = task.deadline {
                self.date(place, "next_tasks", deadline);
            }
        }
        if let (Some(plan_id), Some(plans)) = (&meeting.plan_id, known.plans) {
            if !plans.contains_key(plan_id.as_str()) {
                self.push(place, Issue::UnknownPlan { plan_id: plan_id.clone() });
            }
        }
    }

    /// A plan: a valid id, its dates, month and moments in range (its month the file's
    /// year, for a one-year file), the chi ủy meeting's attendees known members.
    fn plan(&mut self, plan: &MeetingPlan, place: &Place, known_members: Option<&Ids>, scope: Option<Scope>) {
        self.id(place, "id", &plan.id);
        self.updated_at(place, plan.updated_at);
        self.date(place, "date", plan.date);
        if !year_in_range(plan.month.year) {
            self.push(place, Issue::PlanMonthOutOfRange { month: plan.month });
        }
        if let Some(Scope::Year { year }) = scope {
            if plan.month.year != year {
                self.push(place, Issue::OutsideScopeYear { year });
            }
        }
        if let Some(CommitteePreparation::Meeting { date, attendees, .. }) = &plan.committee {
            self.date(place, "committee", *date);
            for member_id in attendees {
                if known_members.is_some_and(|members| !members.contains_key(member_id.as_str())) {
                    self.push(place, Issue::UnknownPerson { role: PersonRole::CommitteeAttendee, member_id: member_id.clone() });
                }
            }
        }
        let sendings = [
            ("notice_to_members", plan.notice_to_members),
            ("notice_to_superior", plan.notice_to_superior),
            ("documents_sent", plan.documents_sent),
        ];
        for (field, sending) in sendings {
            if let Some(sending) = sending.filter(|sending| !moment_in_range(sending.at)) {
                self.problems.push(moment_out_of_range(place.clone(), field, sending.at));
            }
        }
    }
}
