//! The backup file: its envelope, export (whole or one year) and the file name.
//! The format is documented field by field in `docs/backup-format.md`.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::dataset::{id_set, Dataset, DeletedKind, Ids};
use crate::dues::{DuesPayment, DuesProfile, YearMonth};
use crate::handbook::fold;
use crate::model::{Meeting, Member, Timestamp};
use crate::preparation::{CommitteePreparation, MeetingPlan};
use crate::review::YearReview;

/// The `format` of a backup file.
pub const FORMAT: &str = "so-tay-chi-bo-backup";

/// The backup format version this app writes and the newest it reads. Older versions are
/// migrated on import ([`super::migrate::migrate_backup`]); newer ones are refused with
/// their own message.
pub const FORMAT_VERSION: u32 = 4;

/// The `format` of a raw storage export ([`super::storage::raw_dump`]).
pub const RAW_FORMAT: &str = "so-tay-chi-bo-raw-storage";

/// What a backup holds. In JSON: `{"kind": "all"}` or `{"kind": "year", "year": 2025}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scope {
    /// Everything on the device.
    All,
    /// One year's meetings, with the chi bộ, the members of that year and the frameworks
    /// those meetings use.
    Year {
        /// The calendar year.
        year: i32,
    },
}

/// A backup: the envelope and the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    /// The format version of the file as read (before any migration); the data is always
    /// in the current form.
    pub source_format_version: u32,
    /// Version of the app that wrote the file (informative).
    pub app_version: String,
    /// When it was written.
    pub exported_at: Timestamp,
    /// Everything, or one year.
    pub scope: Scope,
    /// The records.
    pub data: Dataset,
}

/// The file as written: field order as documented.
#[derive(Serialize)]
struct File<'a> {
    format: &'static str,
    format_version: u32,
    app_version: &'a str,
    exported_at: Timestamp,
    scope: Scope,
    data: &'a Dataset,
}

impl Backup {
    /// The backup file's text: JSON indented by two spaces, UTF-8, no byte-order mark.
    /// Indented so a person at the đảng ủy can read it in any text editor; it costs about
    /// half more bytes, and a tenth more once compressed (see BENCHMARKS.md).
    pub fn to_json(&self) -> String {
        indent(&self.to_compact_json())
    }

    /// [`Backup::to_json`], the data dropped before the indented text is made: the
    /// records, the compact text and the indented one are never all held at once.
    pub fn into_json(self) -> String {
        let compact = self.to_compact_json();
        drop(self);
        indent(&compact)
    }

    /// The same file without indentation, for storage no person reads (the đảng ủy's
    /// collection): a third smaller, and one pass less over a 10-year chi bộ's text.
    pub fn to_compact_json(&self) -> String {
        let file = File {
            format: FORMAT,
            format_version: FORMAT_VERSION,
            app_version: &self.app_version,
            exported_at: self.exported_at,
            scope: self.scope,
            data: &self.data,
        };
        // Serialising plain structs with string keys cannot fail.
        serde_json::to_string(&file).unwrap_or_default()
    }

}

/// A full backup of everything on the device. `now` and `app_version` come from the app
/// (the crate has no clock).
pub fn export_all(data: &Dataset, now: Timestamp, app_version: &str) -> Backup {
    Backup {
        source_format_version: FORMAT_VERSION,
        app_version: app_version.to_owned(),
        exported_at: super::bounds::clamp_moment(now),
        scope: Scope::All,
        data: data.clone(),
    }
}

/// The text of [`export_all`]'s file, written from the data where it is, without the copy
/// a [`Backup`] holds: ten years are megabytes, and a phone's wasm memory never gives back
/// what a second copy took.
pub fn export_all_json(data: &Dataset, now: Timestamp, app_version: &str) -> String {
    let file = File {
        format: FORMAT,
        format_version: FORMAT_VERSION,
        app_version,
        exported_at: super::bounds::clamp_moment(now),
        scope: Scope::All,
        data,
    };
    // Serialising plain structs with string keys cannot fail.
    indent(&serde_json::to_string(&file).unwrap_or_default())
}

/// One year's data, e.g. to send to the đảng ủy: the meetings dated in `year` and the
/// meeting plans of the year's months and those the meetings name (with the deletion
/// markers of plans those meetings name that were deleted since); the
/// members those meetings and plans name (roll call, chair, secretary, speakers, task
/// owners, the chi ủy's preparation meetings) and
/// every member who belonged to the chi bộ during the year (the roster the attendance
/// rates are computed on); the chi bộ; the custom frameworks the chi bộ and those meetings
/// use, and the deletion markers of the members and frameworks those meetings name that
/// were deleted since; the year's review and the committee dossier template it was
/// written against (or the review's deletion marker); the dues payments covering a month
/// of the year (their members named like a meeting's), the dues profiles of the members
/// the file holds or names, and the committee's dues rule, so the đảng ủy sees the year's
/// dues book. Handbook bookmarks and notes, the committee pack and other markers are
/// personal or not the year's, and are left out.
pub fn export_year(data: &Dataset, year: i32, now: Timestamp, app_version: &str) -> Backup {
    let meetings: Vec<Meeting> = data
        .meetings
        .iter()
        .filter(|m| m.date.year() == year)
        .cloned()
        .collect();
    // A meeting of the year may be made from a plan of another month's year (a meeting
    // moved into January): the plans it names go with it.
    let plans_named = id_set(meetings.iter().filter_map(|meeting| meeting.plan_id.as_deref()));
    let plans: Vec<MeetingPlan> = data
        .plans
        .iter()
        .filter(|plan| plan.month.year == year || plans_named.contains_key(plan.id.as_str()))
        .cloned()
        .collect();
    let mut named = Ids::default();
    let mut name = |id: &str| {
        named.insert(id.to_owned(), 0);
    };
    for meeting in &meetings {
        meeting
            .attendance
            .iter()
            .for_each(|record| name(&record.member_id));
        meeting
            .chair_id
            .iter()
            .chain(&meeting.secretary_id)
            .for_each(|id| name(id));
        meeting.speakers.iter().for_each(|id| name(id));
        meeting.next_tasks.iter().for_each(|task| name(&task.who));
    }
    for plan in &plans {
        if let Some(CommitteePreparation::Meeting { attendees, .. }) = &plan.committee {
            attendees.iter().for_each(|id| name(id));
        }
    }
    let payments = year_payments(data, year);
    payments.iter().for_each(|payment| name(&payment.member_id));
    let first = NaiveDate::from_ymd_opt(year, 1, 1);
    let last = NaiveDate::from_ymd_opt(year, 12, 31);
    let active_in_year = |member: &Member| match (first, last) {
        (Some(first), Some(last)) => {
            member.joined_on.is_none_or(|joined| joined <= last)
                && member.left_on.is_none_or(|left| left >= first)
        }
        _ => false,
    };
    let members: Vec<Member> = data
        .members
        .iter()
        .filter(|member| named.contains_key(member.id.as_str()) || active_in_year(member))
        .cloned()
        .collect();
    let mut frameworks_used = Ids::default();
    let sheets = meetings
        .iter()
        .flat_map(|meeting| std::iter::once(&meeting.own_sheet).chain(&meeting.superior_sheet));
    for id in data
        .chi_bo
        .iter()
        .map(|chi_bo| chi_bo.framework_id.as_str())
        .chain(sheets.map(|sheet| sheet.framework_id.as_str()))
    {
        frameworks_used.insert(id.to_owned(), 0);
    }
    let frameworks = data
        .frameworks
        .iter()
        .filter(|custom| frameworks_used.contains_key(custom.framework.id.as_str()))
        .cloned()
        .collect();
    let reviews: Vec<YearReview> = data
        .reviews
        .iter()
        .filter(|review| review.year == year)
        .cloned()
        .collect();
    let templates = data
        .templates
        .iter()
        .filter(|custom| reviews.iter().any(|review| review.template_id == custom.template.id))
        .cloned()
        .collect();
    let dues_profiles = profiles_of(data, &members, &named);
    let review_id = YearReview::id_for_year(year);
    // A meeting may name a member (or framework) deleted since on this phone: its marker
    // goes with the file, so the phone reading it knows the name is a deleted record.
    let deletions = data
        .deletions
        .iter()
        .filter(|marker| match marker.kind {
            DeletedKind::Member => named.contains_key(marker.id.as_str()),
            DeletedKind::Framework => frameworks_used.contains_key(marker.id.as_str()),
            DeletedKind::Review => marker.id == review_id,
            DeletedKind::Plan => plans_named.contains_key(marker.id.as_str()),
            _ => false,
        })
        .cloned()
        .collect();
    Backup {
        source_format_version: FORMAT_VERSION,
        app_version: app_version.to_owned(),
        exported_at: super::bounds::clamp_moment(now),
        scope: Scope::Year { year },
        data: Dataset {
            chi_bo: data.chi_bo.clone(),
            members,
            meetings,
            plans,
            reviews,
            marks: Vec::new(),
            frameworks,
            templates,
            committee_pack: None,
            dues_rules: data.dues_rules.clone(),
            dues_profiles,
            dues_payments: payments,
            deletions,
        },
    }
}

/// The payments covering a month of `year`.
fn year_payments(data: &Dataset, year: i32) -> Vec<DuesPayment> {
    let months = YearMonth::of_year(year);
    data.dues_payments
        .iter()
        .filter(|payment| months.iter().any(|month| payment.covers(*month)))
        .cloned()
        .collect()
}

/// The dues profiles of the members a one-year file holds or names.
fn profiles_of(data: &Dataset, members: &[Member], named: &Ids) -> Vec<DuesProfile> {
    let held = id_set(members.iter().map(|member| member.id.as_str()));
    data.dues_profiles
        .iter()
        .filter(|profile| held.contains_key(profile.member_id.as_str()) || named.contains_key(profile.member_id.as_str()))
        .cloned()
        .collect()
}

/// Longest chi bộ part of a file name, in characters.
const MAX_SLUG_CHARS: usize = 60;

/// The chi bộ name folded to a file-name part: "Chi bộ thôn Đông Tâm" →
/// "chi-bo-thon-dong-tam" (lower-case ASCII letters and digits, words joined by `-`).
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    let mut dash = false;
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            if slug.len() >= MAX_SLUG_CHARS {
                break;
            }
            slug.push(c);
        } else {
            dash = true;
        }
    }
    slug
}

/// The suggested file name: `so-tay-chi-bo_chi-bo-thon-dong-tam_2026-05-20.json`, with
/// `_nam-2025` before the date for a one-year backup, and without the chi bộ part when
/// there is no chi bộ (or its name has no letters or digits). `date` is the local date
/// of the export, from the app.
pub fn backup_file_name(chi_bo_name: Option<&str>, scope: Scope, date: NaiveDate) -> String {
    let mut name = String::from("so-tay-chi-bo");
    let slug = chi_bo_name.map(slug).unwrap_or_default();
    if !slug.is_empty() {
        name.push('_');
        name.push_str(&slug);
    }
    if let Scope::Year { year } = scope {
        name.push_str(&format!("_nam-{year}"));
    }
    name.push_str(&format!("_{}.json", date.format("%Y-%m-%d")));
    name
}

pub use crate::indent::indent;
