//! The quick way through a good file of the current version: the whole file read straight
//! into its records (members, meetings and marks typed; the few small records that have
//! rule-set validation of their own as `Value`, read as the located path reads them), then
//! the same checks across records. A file this path does not accept in every detail —
//! any record that does not read, any problem found — is read again by the located path
//! ([`super::parse_by_value`]), which finds and places every problem; so this path only
//! ever says yes, and says it to exactly the files the located path accepts (a property
//! test holds both paths to the same answer: `tests/backup_fuzz.rs`).
//!
//! Why: reading a 1.7 MB file as `Value` first, then each record again from its own text,
//! took about 40 ms natively and four times that in a throttled browser; a đảng ủy taking
//! 90 chi bộ files spent most of its wait there.
//!
//! The located path needs a required field present even when its type has a default; the
//! typed records here have no default for any required field (a test checks each), so a
//! missing one fails to read and the file goes the located way.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{
    checked_dataset, counts, dues, moment_in_range, read_committee_pack, read_deletions, read_frameworks,
    read_reviews, read_scope, read_templates, ImportLimits, Lists, Place, Problems, ReadList,
};
use crate::backup::dataset::Dataset;
use crate::backup::format::{Backup, FORMAT, FORMAT_VERSION};
use crate::backup::read;
use crate::dues::{DuesPayment, DuesProfile};
use crate::model::{HandbookMark, Meeting, Member, Timestamp};
use crate::preparation::MeetingPlan;

#[derive(Deserialize)]
struct File {
    format: String,
    format_version: u64,
    app_version: String,
    exported_at: Timestamp,
    scope: Value,
    data: Data,
}

#[derive(Deserialize)]
struct Data {
    chi_bo: Value,
    members: Vec<Member>,
    meetings: Vec<Meeting>,
    plans: Vec<MeetingPlan>,
    reviews: Vec<Value>,
    handbook_marks: Vec<HandbookMark>,
    frameworks: Vec<Value>,
    dossier_templates: Vec<Value>,
    committee_pack: Value,
    dues_rules: Value,
    dues_profiles: Vec<DuesProfile>,
    dues_payments: Vec<DuesPayment>,
    deletions: Vec<Value>,
}

/// The backup, when the file is of the current version and has no problem at all.
pub(super) fn read_good_file(bytes: &[u8], limits: &ImportLimits, current: Option<&Dataset>) -> Option<Backup> {
    if bytes.len() > limits.max_bytes {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let file: File = serde_json::from_str(std::str::from_utf8(bytes).ok()?).ok()?;
    if file.format != FORMAT || file.format_version != u64::from(FORMAT_VERSION) || !moment_in_range(file.exported_at) {
        return None;
    }
    let mut problems = Problems::default();
    let scope = read_scope(&Map::from_iter([("scope".to_owned(), file.scope)]), &mut problems)?;
    let data = file.data;
    let chi_bo = match &data.chi_bo {
        Value::Null => None,
        value => Some(read::chi_bo(value).ok()?),
    };
    let committee_pack = match &data.committee_pack {
        Value::Null => None,
        value => Some(read_committee_pack(value, &mut problems)?),
    };
    let dues = dues::typed_lists(&data.dues_rules, data.dues_profiles, data.dues_payments, &data.members, &mut problems);
    let lists = Lists {
        chi_bo,
        members: members(data.members),
        meetings: meetings(data.meetings),
        plans: plans(data.plans),
        reviews: read_reviews(&data.reviews, &mut problems),
        marks: marks(data.handbook_marks),
        frameworks: read_frameworks(&data.frameworks, &mut problems),
        templates: read_templates(&data.dossier_templates, &mut problems),
        committee_pack,
        dues,
        deletions: read_deletions(&data.deletions, &mut problems),
    };
    if !problems.is_empty() {
        return None;
    }
    let data = checked_dataset(lists, Some(scope), current, &mut problems);
    problems.is_empty().then_some(Backup {
        source_format_version: FORMAT_VERSION,
        app_version: file.app_version,
        exported_at: file.exported_at,
        scope,
        data,
    })
}

/// Places as the located path makes them (the checks across records name them).
fn members(records: Vec<Member>) -> ReadList<Member> {
    let names = counts(records.iter().map(|member| member.name.trim()));
    let places = records
        .iter()
        .enumerate()
        .map(|(index, member)| {
            let name = member.name.trim();
            Place::Member {
                position: index + 1,
                id: member.id.clone(),
                name: name.to_owned(),
                show_id: names.get(name).copied().unwrap_or(0) > 1,
            }
        })
        .collect();
    ReadList { places, records, ..ReadList::default() }
}

fn meetings(records: Vec<Meeting>) -> ReadList<Meeting> {
    let dates: Vec<String> = records.iter().map(|meeting| meeting.date.to_string()).collect();
    let per_date = counts(dates.iter().map(String::as_str));
    let places = records
        .iter()
        .zip(&dates)
        .enumerate()
        .map(|(index, (meeting, date))| Place::Meeting {
            position: index + 1,
            id: meeting.id.clone(),
            date: Some(meeting.date),
            show_id: per_date.get(date.as_str()).copied().unwrap_or(0) > 1,
        })
        .collect();
    ReadList { places, records, ..ReadList::default() }
}

fn plans(records: Vec<MeetingPlan>) -> ReadList<MeetingPlan> {
    let dates: Vec<String> = records.iter().map(|plan| plan.date.to_string()).collect();
    let per_date = counts(dates.iter().map(String::as_str));
    let places = records
        .iter()
        .zip(&dates)
        .enumerate()
        .map(|(index, (plan, date))| Place::Plan {
            position: index + 1,
            id: plan.id.clone(),
            date: Some(plan.date),
            show_id: per_date.get(date.as_str()).copied().unwrap_or(0) > 1,
        })
        .collect();
    ReadList { places, records, ..ReadList::default() }
}

fn marks(records: Vec<HandbookMark>) -> ReadList<HandbookMark> {
    let places = records
        .iter()
        .enumerate()
        .map(|(index, mark)| Place::Mark { position: index + 1, item_id: mark.item_id.clone() })
        .collect();
    ReadList { places, records, ..ReadList::default() }
}

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;
    use serde_json::json;

    use crate::backup::read::{MARK, MEETING, MEMBER, PLAN};
    use crate::model::{HandbookMark, Meeting, Member};
    use crate::preparation::MeetingPlan;

    /// Each required field, taken out of a good record, makes the typed record fail to read
    /// (so the file goes the located way, which reports it).
    fn required_fields_have_no_default<T: DeserializeOwned>(record: serde_json::Value, required: &[&str]) {
        assert!(serde_json::from_value::<T>(record.clone()).is_ok(), "the sample reads: {record}");
        for field in required {
            let mut without = record.clone();
            without.as_object_mut().expect("object").remove(*field);
            assert!(serde_json::from_str::<T>(&without.to_string()).is_err(), "«{field}» missing must not read");
        }
    }

    /// The typed path is taken for a good file (else the located path would silently do all
    /// the work again), and gives what the located path gives.
    #[test]
    fn a_good_file_of_this_version_reads_the_quick_way_and_the_same() {
        let file = include_bytes!("../../../../tests/fixtures/migrations/backup-v4.json");
        let limits = crate::backup::ImportLimits::default();
        let quick = super::read_good_file(file, &limits, None).expect("the fixture reads the quick way");
        assert_eq!(Ok(quick), super::super::parse_by_value(file, &limits, None));
        let mut bommed = b"\xEF\xBB\xBF".to_vec();
        bommed.extend_from_slice(file);
        assert!(super::read_good_file(&bommed, &limits, None).is_some(), "with a byte-order mark");
        let older = include_bytes!("../../../../tests/fixtures/migrations/backup-v3.json");
        assert!(super::read_good_file(older, &limits, None).is_none(), "an older version is migrated by the located path");
    }

    #[test]
    fn a_missing_required_field_never_reads_as_a_default() {
        let at = "2025-01-05T02:00:00Z";
        required_fields_have_no_default::<Member>(
            json!({"id": "m1", "name": "A", "role": "dang_vien", "status": "chinh_thuc", "updated_at": at}),
            MEMBER.required(),
        );
        required_fields_have_no_default::<Meeting>(
            json!({"id": "s1", "date": "2025-01-05", "kind": "thuong_ky", "own_sheet": {"framework_id": "f"}, "updated_at": at}),
            MEETING.required(),
        );
        required_fields_have_no_default::<HandbookMark>(json!({"item_id": "i", "updated_at": at}), MARK.required());
        required_fields_have_no_default::<MeetingPlan>(
            json!({"id": "p", "month": "2025-01", "kind": "thuong_ky", "date": "2025-01-05", "updated_at": at}),
            PLAN.required(),
        );
    }
}
