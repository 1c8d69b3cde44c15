//! Preview, merge and replace: added / updated / unchanged / conflict, the Vietnamese
//! summary, idempotence (importing the same file twice changes nothing), the chi bộ and
//! the pack as single records, and the storage writes that follow.

mod backup_support;

use backup_support::{at, day, exported_at, sample};
use sotay_domain::backup::{
    export_all, merge, parse_backup, preview, replace, storage, Dataset, ImportLimits, RecordKind,
    Side,
};
use sotay_domain::{Meeting, MeetingKind, Member};

/// The file from another phone of the same chi bộ: some records newer, some older, some
/// new, most the same.
fn incoming() -> Dataset {
    let mut data = sample();
    // Chi bộ: renamed later on the other phone → updated.
    if let Some(chi_bo) = data.chi_bo.as_mut() {
        chi_bo.superior_committee = "Đảng ủy xã An Phú (mới)".into();
        chi_bo.updated_at = at("2026-05-10T00:00:00Z");
    }
    // May meeting: edited later on the other phone → updated.
    data.meetings[1]
        .notes
        .push_str("\nBổ sung: đồng chí Cường gửi ý kiến bằng văn bản.");
    data.meetings[1].updated_at = at("2026-05-06T09:00:00Z");
    // April meeting: an older edit → conflict, the device's copy is kept.
    data.meetings[0].place = "Nhà đồng chí An".into();
    data.meetings[0].updated_at = at("2026-04-03T15:00:00Z");
    // A June meeting only in the file → added.
    let mut june = Meeting::new_draft(
        "meeting-2026-06",
        day(2026, 6, 3),
        MeetingKind::ThuongKy,
        "hd42-anphu-2025",
        at("2026-06-04T01:00:00Z"),
    );
    june.place = "Nhà văn hóa thôn Đông Tâm".into();
    data.meetings.push(june);
    // Member m2: edited at the very same moment on both phones, differently → conflict.
    data.members[1].name = "Trần Thị Bình (Bình A)".into();
    // Member m5 only in the file → added.
    data.members.push(Member::new(
        "m5",
        "Hoàng Văn Em",
        at("2026-05-01T00:00:00Z"),
    ));
    // Mark: same content, later time → unchanged (nothing to write).
    data.marks[0].updated_at = at("2026-05-01T00:00:00Z");
    data
}

#[test]
fn the_preview_sorts_every_record() {
    let current = sample();
    let preview = preview(&current, &incoming());

    assert_eq!(preview.chi_bo.updated.len(), 1);
    let ids = |refs: &[sotay_domain::backup::RecordRef]| {
        refs.iter().map(|r| r.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&preview.meetings.added), ["meeting-2026-06"]);
    assert_eq!(ids(&preview.meetings.updated), ["meeting-2026-05"]);
    assert!(preview.meetings.unchanged.is_empty());
    assert_eq!(preview.meetings.conflicts.len(), 1);
    let conflict = &preview.meetings.conflicts[0];
    assert_eq!(conflict.record.id, "meeting-2026-04");
    assert_eq!(sotay_domain::text::backup::record_label(&conflict.record.label), "ngày 03/04/2026");
    assert_eq!(conflict.current_updated_at, at("2026-04-04T01:00:00Z"));
    assert_eq!(conflict.incoming_updated_at, at("2026-04-03T15:00:00Z"));
    assert_eq!(conflict.kept, Side::Current);

    assert_eq!(ids(&preview.members.added), ["m5"]);
    assert_eq!(ids(&preview.members.unchanged), ["m1", "m3", "m4"]);
    assert_eq!(preview.members.conflicts.len(), 1);
    assert_eq!(
        preview.members.conflicts[0].current_updated_at,
        preview.members.conflicts[0].incoming_updated_at
    );

    assert_eq!(
        ids(&preview.marks.unchanged),
        ["qd37-dieu-1", "xa-lich-sinh-hoat"]
    );
    assert_eq!(preview.frameworks.unchanged.len(), 1);
    assert_eq!(preview.committee_pack.unchanged.len(), 1);
    assert!(preview.other_chi_bo.is_none());
    assert_eq!(preview.conflict_count(), 2);
    assert!(!preview.merge_changes_nothing());
    assert_eq!(preview.kinds().map(|kind| kind.kind), RecordKind::ALL);
}

#[test]
fn the_summary_says_what_a_merge_will_do() {
    let lines = preview(&sample(), &incoming()).summary_lines();
    assert_eq!(
        lines,
        [
            "Thông tin chi bộ «Chi bộ thôn Đông Tâm»: cập nhật theo tệp (bản trong tệp mới hơn).",
            "Thêm 1 đảng viên, giữ nguyên 3; 1 xung đột: Trần Thị Bình (cùng sửa lúc 09:05 ngày 05/01/2026 nhưng nội dung khác nhau; giữ bản trên máy).",
            "Thêm 1 buổi sinh hoạt, cập nhật 1; 1 xung đột: ngày 03/04/2026 (bản trên máy sửa lúc 08:00 ngày 04/04/2026, bản trong tệp sửa lúc 22:00 ngày 03/04/2026; giữ bản trên máy).",
            "Giữ nguyên 2 ghi chú, đánh dấu sổ tay.",
            "Giữ nguyên 1 khung điểm của cấp ủy.",
            "Gói nội dung của cấp ủy «Tài liệu sinh hoạt của Đảng ủy xã An Phú»: giữ nguyên (giống trong tệp).",
        ]
    );
}

#[test]
fn a_merge_takes_the_newer_record_and_keeps_the_device_s_in_a_conflict() {
    let current = sample();
    let incoming = incoming();
    let merged = merge(&current, &incoming);
    // Newer in the file: taken.
    assert_eq!(merged.chi_bo, incoming.chi_bo);
    assert_eq!(merged.meetings[1], incoming.meetings[1]);
    // Conflicts: the device's copy.
    assert_eq!(merged.meetings[0], current.meetings[0]);
    assert_eq!(merged.members[1], current.members[1]);
    // Added at the end, in the file's order; the device's order kept.
    assert_eq!(
        merged
            .meetings
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>(),
        ["meeting-2026-04", "meeting-2026-05", "meeting-2026-06"]
    );
    assert_eq!(merged.members.last().map(|m| m.id.as_str()), Some("m5"));
    // Unchanged content takes the later timestamp, so that every phone ends with the same
    // record whatever order files arrive in (the preview shows it as unchanged).
    assert_eq!(merged.marks[0], incoming.marks[0]);
    assert_eq!(merged.marks[1], current.marks[1]);

    // What the app writes: the changed and new records only.
    let changes = storage::changes(&current, &merged);
    let keys: Vec<&str> = changes.writes.iter().map(|(key, _)| key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "sotay.chibo",
            "sotay.mark.qd37-dieu-1",
            "sotay.meeting.meeting-2026-05",
            "sotay.meeting.meeting-2026-06",
            "sotay.member.m5"
        ]
    );
    assert!(changes.removes.is_empty());
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let current = sample();
    let file = export_all(&incoming(), exported_at(), "0.1.0").to_json();
    let read = parse_backup(file.as_bytes(), &ImportLimits::default())
        .unwrap_or_else(|error| panic!("{error}"));
    let once = merge(&current, &read.data);
    let again = preview(&once, &read.data);
    assert!(again.merge_changes_nothing());
    assert!(again
        .kinds()
        .iter()
        .all(|kind| kind.added.is_empty() && kind.updated.is_empty()));
    // The conflicts resolved for the device the first time are still resolved the same way.
    assert_eq!(again.conflict_count(), 2);
    assert_eq!(merge(&once, &read.data), once);
    assert!(storage::changes(&once, &merge(&once, &read.data)).is_empty());
    assert_eq!(
        again.summary_lines().last().map(String::as_str),
        Some("Tệp không có gì mới: nhập tệp sẽ không thay đổi dữ liệu trên máy.")
    );
    // The device's own backup imported back: all unchanged, no conflict.
    let own = preview(&once, &once);
    assert!(own.merge_changes_nothing());
    assert_eq!(own.conflict_count(), 0);
}

#[test]
fn merging_into_an_empty_device_adds_everything() {
    let empty = Dataset::default();
    let data = sample();
    let preview = preview(&empty, &data);
    assert_eq!(preview.members.added.len(), 4);
    assert_eq!(preview.meetings.added.len(), 2);
    assert_eq!(preview.chi_bo.added.len(), 1);
    assert_eq!(merge(&empty, &data), data);
    assert_eq!(
        preview.summary_lines()[..3],
        [
            "Thông tin chi bộ «Chi bộ thôn Đông Tâm»: thêm mới từ tệp.".to_owned(),
            "Thêm 4 đảng viên.".to_owned(),
            "Thêm 2 buổi sinh hoạt.".to_owned(),
        ]
    );
}

#[test]
fn a_replace_is_the_file_as_it_is_and_says_what_is_lost() {
    let current = sample();
    let mut file = incoming();
    file.meetings.remove(1); // the May meeting is not in the file
    file.committee_pack = None;
    let replaced = replace(&file);
    assert_eq!(replaced, file);
    let preview = preview(&current, &file);
    assert_eq!(preview.meetings.only_current.len(), 1);
    assert_eq!(
        preview.replace_summary_lines(),
        [
            "Thay toàn bộ dữ liệu trên máy bằng dữ liệu trong tệp: 5 đảng viên, 2 buổi sinh hoạt, 2 ghi chú, đánh dấu sổ tay, 1 khung điểm của cấp ủy.",
            "Sẽ thay 1 đảng viên trên máy bằng bản cũ hơn hoặc cùng lúc trong tệp: Trần Thị Bình.",
            "Sẽ xóa 1 buổi sinh hoạt chỉ có trên máy: ngày 03/05/2026.",
            "Sẽ thay 1 buổi sinh hoạt trên máy bằng bản cũ hơn hoặc cùng lúc trong tệp: ngày 03/04/2026.",
            "Sẽ xóa gói nội dung của cấp ủy trên máy (tệp không có).",
        ]
    );
    let changes = storage::changes(&current, &replaced);
    assert_eq!(
        changes.removes,
        ["sotay.committee_pack", "sotay.meeting.meeting-2026-05"]
    );
    // Undo: the snapshot taken before, read back and replaced, is the device as it was.
    let snapshot = export_all(&current, exported_at(), "0.1.0").to_json();
    let undo = parse_backup(snapshot.as_bytes(), &ImportLimits::default())
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(replace(&undo.data), current);
    // Undoing removes what only the file had.
    assert_eq!(
        storage::changes(&replaced, &undo.data).removes,
        ["sotay.meeting.meeting-2026-06", "sotay.member.m5"]
    );
}

#[test]
fn another_chi_bo_s_file_is_flagged() {
    let current = sample();
    let mut other = sample();
    if let Some(chi_bo) = other.chi_bo.as_mut() {
        chi_bo.id = "chibo-dong-hoa".into();
        chi_bo.name = "Chi bộ thôn Đông Hòa".into();
        chi_bo.updated_at = at("2026-05-10T00:00:00Z");
    }
    let preview = preview(&current, &other);
    assert!(preview.other_chi_bo.is_some());
    assert_eq!(
        preview.summary_lines()[0],
        "Chú ý: tệp là dữ liệu của «Chi bộ thôn Đông Hòa», khác chi bộ trên máy («Chi bộ thôn Đông Tâm»). Chỉ nhập khi đồng chí chắc chắn đây là dữ liệu của chi bộ mình."
    );
    // The chi bộ is one record: the newer one wins like any other record.
    assert_eq!(merge(&current, &other).chi_bo, other.chi_bo);
}

#[test]
fn many_conflicts_are_named_up_to_five() {
    let mut current = Dataset::default();
    let mut file = Dataset::default();
    for n in 1..=7u32 {
        let mut meeting = Meeting::new_draft(
            format!("m-{n}"),
            day(2025, n, 3),
            MeetingKind::ThuongKy,
            "hd42-anphu-2025",
            at("2025-12-01T00:00:00Z"),
        );
        current.meetings.push(meeting.clone());
        meeting.notes = "khác".into();
        meeting.updated_at = at("2025-11-01T00:00:00Z");
        file.meetings.push(meeting);
    }
    let line = &preview(&current, &file).summary_lines()[0];
    assert!(line.starts_with("7 xung đột về buổi sinh hoạt: ngày 03/01/2025 (bản trên máy sửa lúc 07:00 ngày 01/12/2025"), "{line}");
    assert!(line.ends_with("; và 2 xung đột khác."), "{line}");
}

#[test]
fn moments_more_than_a_day_ahead_of_the_clock_are_accepted_but_flagged() {
    use sotay_domain::backup::preview_file;
    let now = at("2026-05-20T13:15:00Z");
    let mut data = sample();
    data.members[1].updated_at = at("2026-05-23T01:00:00Z"); // 2½ days ahead
    data.members[2].updated_at = at("2026-05-21T13:00:00Z"); // 23 h 45 ahead: fine
    let file = export_all(&data, at("2026-05-21T14:00:00Z"), "0.1.0").to_json();
    let backup = parse_backup(file.as_bytes(), &ImportLimits::default()).expect("accepted");
    let flagged = preview_file(&sample(), &backup, now);
    let ahead = flagged.ahead_of_clock.clone().expect("flagged");
    assert_eq!((ahead.records, ahead.exported_at), (1, true));
    assert_eq!(ahead.latest, at("2026-05-23T01:00:00Z"));
    assert_eq!(
        flagged.summary_lines()[0],
        "Chú ý: thời điểm xuất tệp và 1 bản ghi trong tệp ghi thời điểm muộn hơn giờ trên máy này quá một ngày (muộn nhất 08:00 ngày 23/05/2026); có thể đồng hồ của máy đã xuất tệp hoặc của máy này bị sai. Tệp vẫn nhập được, nhưng các bản ghi đó sẽ được coi là mới hơn mọi sửa đổi trên máy này cho đến thời điểm ấy."
    );
    assert!(flagged.replace_summary_lines()[0].starts_with("Chú ý: thời điểm xuất tệp và 1 bản ghi"));
    // Within a day: nothing to flag; the plain preview never flags.
    assert_eq!(preview_file(&sample(), &backup, at("2026-05-22T02:00:00Z")).ahead_of_clock, None);
    assert_eq!(preview(&sample(), &backup.data).ahead_of_clock, None);
}
