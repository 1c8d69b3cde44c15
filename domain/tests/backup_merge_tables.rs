//! Merge tables: for one record, every pair of latest events on the device and in the
//! file (edit/edit, edit/delete, delete/edit, delete/delete, undo), merged in both orders.
//! Both orders give the same dataset (phones agree), the later event wins, and the
//! preview says what the merge will do.

mod backup_support;

use backup_support::{at, day};
use sotay_domain::backup::{merge, preview, Dataset, DeletedKind, Deletion, Side};
use sotay_domain::{Meeting, MeetingKind};

/// The latest event of meeting `x` on one side.
#[derive(Clone, Copy, Debug)]
enum Event {
    /// Not on this side at all.
    Absent,
    /// Edited at the minute, with these notes.
    Edit(u32, &'static str),
    /// Deleted at the minute.
    Delete(u32),
}

fn moment(minute: u32) -> sotay_domain::Timestamp {
    at(&format!("2026-05-04T{:02}:{:02}:00Z", minute / 60, minute % 60))
}

fn side(event: Event) -> Dataset {
    let mut data = Dataset::default();
    match event {
        Event::Absent => {}
        Event::Edit(minute, notes) => {
            let mut meeting = Meeting::new_draft(
                "x",
                day(2026, 5, 3),
                MeetingKind::ThuongKy,
                "hd42-anphu-2025",
                moment(minute),
            );
            meeting.notes = notes.to_owned();
            data.meetings.push(meeting);
        }
        Event::Delete(minute) => data.deletions.push(Deletion {
            kind: DeletedKind::Meeting,
            id: "x".into(),
            deleted_at: moment(minute),
        }),
    }
    data
}

/// What the dataset holds for meeting `x`, as an event.
fn state(data: &Dataset) -> String {
    let edits: Vec<String> = data
        .meetings
        .iter()
        .map(|m| format!("edit {} {}", m.updated_at.format("%H:%M"), m.notes))
        .collect();
    let deletions: Vec<String> = data
        .deletions
        .iter()
        .map(|d| format!("delete {}", d.deleted_at.format("%H:%M")))
        .collect();
    assert!(edits.len() + deletions.len() <= 1, "a record and its marker: {edits:?} {deletions:?}");
    edits.into_iter().chain(deletions).next().unwrap_or_else(|| "absent".into())
}

/// (case, on the device, in the file, what both hold after merging either way, what the
/// preview of merging the file into the device shows: added / updated / unchanged /
/// conflict kept / deleted).
type Row = (&'static str, Event, Event, &'static str, &'static str);

const ROWS: &[Row] = &[
    ("edit/edit, file newer", Event::Edit(60, "a"), Event::Edit(120, "b"), "edit 02:00 b", "updated"),
    ("edit/edit, device newer", Event::Edit(120, "b"), Event::Edit(60, "a"), "edit 02:00 b", "conflict kept current"),
    ("edit/edit, same content", Event::Edit(60, "a"), Event::Edit(120, "a"), "edit 02:00 a", "unchanged"),
    ("edit/edit, same moment: the larger text, on every phone", Event::Edit(60, "a"), Event::Edit(60, "b"), "edit 01:00 b", "conflict kept incoming"),
    ("edit/edit, same moment, other way", Event::Edit(60, "b"), Event::Edit(60, "a"), "edit 01:00 b", "conflict kept current"),
    ("edit/delete, deletion later", Event::Edit(60, "a"), Event::Delete(120), "delete 02:00", "deleted"),
    ("edit/delete, edit later", Event::Edit(120, "a"), Event::Delete(60), "edit 02:00 a", "nothing"),
    ("edit/delete, same moment: the deletion", Event::Edit(60, "a"), Event::Delete(60), "delete 01:00", "deleted"),
    ("delete/edit, edit later: back", Event::Delete(60), Event::Edit(120, "a"), "edit 02:00 a", "added"),
    ("delete/edit, deletion later: stays deleted", Event::Delete(120), Event::Edit(60, "a"), "delete 02:00", "unchanged"),
    ("delete/delete", Event::Delete(60), Event::Delete(120), "delete 02:00", "nothing"),
    ("delete/delete, other way", Event::Delete(120), Event::Delete(60), "delete 02:00", "nothing"),
    ("absent/delete: the marker is kept", Event::Absent, Event::Delete(60), "delete 01:00", "nothing"),
    ("absent/edit", Event::Absent, Event::Edit(60, "a"), "edit 01:00 a", "added"),
    // "Hoàn tác" after a delete is a newer edit: the undone phone's file brings it back,
    // and the other phone's older deletion does not remove it again.
    ("undo/delete: the undo wins", Event::Edit(180, "a"), Event::Delete(120), "edit 03:00 a", "nothing"),
    ("delete/undo: the undo wins", Event::Delete(120), Event::Edit(180, "a"), "edit 03:00 a", "added"),
];

fn shown(current: &Dataset, incoming: &Dataset) -> &'static str {
    let meetings = preview(current, incoming).meetings;
    match (
        meetings.added.len(),
        meetings.updated.len(),
        meetings.unchanged.len(),
        meetings.conflicts.first().map(|c| c.kept),
        meetings.deleted.len(),
    ) {
        (1, 0, 0, None, 0) => "added",
        (0, 1, 0, None, 0) => "updated",
        (0, 0, 1, None, 0) => "unchanged",
        (0, 0, 0, Some(Side::Current), 0) => "conflict kept current",
        (0, 0, 0, Some(Side::Incoming), 0) => "conflict kept incoming",
        (0, 0, 0, None, 1) => "deleted",
        (0, 0, 0, None, 0) => "nothing",
        other => panic!("unexpected preview {other:?}"),
    }
}

#[test]
fn every_pair_of_events_merges_to_the_later_in_both_orders() {
    for (case, here, there, expected, expected_preview) in ROWS {
        let (current, incoming) = (side(*here), side(*there));
        let one_way = merge(&current, &incoming);
        let other_way = merge(&incoming, &current);
        assert_eq!(state(&one_way), *expected, "{case}");
        assert_eq!(state(&other_way), *expected, "{case}, other order");
        assert_eq!(one_way, other_way, "{case}");
        assert_eq!(shown(&current, &incoming), *expected_preview, "{case}");
        // Merging the result again changes nothing, either way.
        assert!(preview(&one_way, &incoming).merge_changes_nothing(), "{case}");
        assert_eq!(merge(&one_way, &incoming), one_way, "{case}");
        assert_eq!(merge(&one_way, &current), one_way, "{case}");
    }
}

#[test]
fn the_preview_says_what_a_file_deletes() {
    let current = side(Event::Edit(60, "a"));
    let incoming = side(Event::Delete(120));
    let lines = preview(&current, &incoming).summary_lines();
    assert_eq!(
        lines,
        ["Sẽ xóa: buổi sinh hoạt ngày 03/05/2026 (đã bị xóa trên máy khác sau lần sửa cuối trên máy này)."]
    );
    assert_eq!(
        preview(&current, &incoming).merge_delete_question().as_deref(),
        Some("Gộp tệp này sẽ xóa 1 mục trên máy vì đã bị xóa trên máy khác: buổi sinh hoạt ngày 03/05/2026. Đồng chí có chắc muốn gộp không?")
    );
    assert_eq!(preview(&incoming, &current).merge_delete_question(), None);
    // A replace with the deleting file removes the meeting too, and asks as plainly.
    assert_eq!(
        preview(&current, &incoming).replace_delete_question().as_deref(),
        Some("Thay toàn bộ sẽ xóa 1 mục trên máy mà tệp không có: buổi sinh hoạt ngày 03/05/2026. Ứng dụng giữ một bản sao để có thể hoàn tác. Đồng chí có chắc muốn thay không?")
    );
    assert_eq!(preview(&incoming, &current).replace_delete_question(), None);
    let same_moment = preview(&side(Event::Edit(60, "a")), &side(Event::Edit(60, "b")));
    assert_eq!(
        same_moment.summary_lines(),
        ["1 xung đột về buổi sinh hoạt: ngày 03/05/2026 (cùng sửa lúc 08:00 ngày 04/05/2026 nhưng nội dung khác nhau; lấy bản trong tệp)."]
    );
}

#[test]
fn a_member_deleted_on_one_phone_and_edited_later_on_another_is_kept_on_both() {
    let mut edited = backup_support::sample();
    edited.members[2].name.push_str(" (sửa)");
    edited.members[2].updated_at = at("2026-06-01T00:00:00Z");
    let mut deleted = backup_support::sample();
    let gone = deleted.members.remove(2);
    deleted.deletions.push(Deletion {
        kind: DeletedKind::Member,
        id: gone.id.clone(),
        deleted_at: at("2026-05-30T00:00:00Z"),
    });
    let a = merge(&deleted, &edited);
    let b = merge(&edited, &deleted);
    assert_eq!(backup_support::sorted(a.clone()), backup_support::sorted(b));
    assert!(a.member(&gone.id).is_some_and(|m| m.name.ends_with("(sửa)")));
    assert!(a.deletions.is_empty());
}

#[test]
fn a_meeting_may_still_name_a_member_deleted_meanwhile() {
    use sotay_domain::backup::{export_all, parse_backup, ImportLimits};
    // Phone A deleted m3 while phone B recorded m3 in a roll call: after the merge the
    // meeting names a deleted member, and that phone's files must still be accepted.
    let mut data = backup_support::sample();
    data.members.retain(|member| member.id != "m3");
    data.deletions.push(Deletion {
        kind: DeletedKind::Member,
        id: "m3".into(),
        deleted_at: at("2026-05-10T00:00:00Z"),
    });
    let file = export_all(&data, backup_support::exported_at(), "0.2.0").to_json();
    let backup = parse_backup(file.as_bytes(), &ImportLimits::default())
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(backup.data, data);
    // Without the marker, m3 is a member nobody has: refused, as before.
    data.deletions.clear();
    let file = export_all(&data, backup_support::exported_at(), "0.2.0").to_json();
    assert!(parse_backup(file.as_bytes(), &ImportLimits::default()).is_err());
}

#[test]
fn a_one_year_file_carries_the_markers_of_deleted_members_its_meetings_name() {
    use sotay_domain::backup::{export_year, parse_backup, ImportLimits};
    let mut data = backup_support::sample_v2();
    data.members.retain(|member| member.id != "m3");
    data.mark_deleted(DeletedKind::Member, "m3", at("2026-05-10T00:00:00Z"));
    let year = export_year(&data, 2026, backup_support::exported_at(), "0.2.0");
    let markers: Vec<&str> = year.data.deletions.iter().map(|marker| marker.id.as_str()).collect();
    // m3's marker (named in the roll calls); not the other markers of the phone.
    assert_eq!(markers, ["m3"]);
    // So a phone that never had m3 reads it.
    parse_backup(year.to_json().as_bytes(), &ImportLimits::default())
        .unwrap_or_else(|error| panic!("{error}"));
}

#[test]
fn undoing_an_import_that_deleted_a_record_brings_it_back_on_every_phone() {
    use sotay_domain::backup::revive_undone_deletions;
    // A deleted meeting x at 02:00; B held it (edited at 01:00), merged A's file, then
    // tapped "Hoàn tác" of the import at 03:00 with a clock an hour behind A's marker.
    let a = side(Event::Delete(120));
    let before_import = side(Event::Edit(60, "a"));
    let imported = merge(&before_import, &a);
    assert_eq!(state(&imported), "delete 02:00");
    let b = revive_undone_deletions(&imported, &before_import, moment(60));
    assert_eq!(state(&b), "edit 02:00 a", "stamped just after the deletion");
    assert!(b.meetings[0].updated_at > moment(120));
    // Files exchanged both ways: back on both, the same record.
    assert_eq!(merge(&a, &b), merge(&b, &a));
    assert_eq!(state(&merge(&a, &b)), "edit 02:00 a");
    // Records the import did not delete stay exactly as in the snapshot.
    assert_eq!(revive_undone_deletions(&before_import, &before_import, moment(180)), before_import);
}
