//! The first screen's quick read of storage: it answers only where the full reader agrees
//! on the chi bộ and the members, leaves everything it is unsure of to the full reader, and
//! its meeting heads are the full meetings' heads.

mod backup_support;

use backup_support::sample;
use proptest::prelude::*;
use sotay_domain::backup::storage::{self, SCHEMA_VERSION};
use sotay_domain::backup::{read_first_screen, read_storage, FirstScreen, MeetingHead};

fn stored_sample() -> Vec<(String, String)> {
    storage::entries(&sample()).into_iter().collect()
}

fn with(mut entries: Vec<(String, String)>, key: &str, edit: impl Fn(&mut String)) -> Vec<(String, String)> {
    let (_, text) = entries.iter_mut().find(|(k, _)| k == key).unwrap_or_else(|| panic!("{key} in the sample"));
    edit(text);
    entries
}

fn without(entries: Vec<(String, String)>, key: &str) -> Vec<(String, String)> {
    entries.into_iter().filter(|(k, _)| k != key).collect()
}

fn ids<T>(records: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    let mut ids: Vec<String> = records.iter().map(|r| id(r).to_owned()).collect();
    ids.sort();
    ids
}

/// What the full reader gives for the same entries, in the quick reader's terms.
fn full_reading(entries: &[(String, String)]) -> FirstScreen {
    let stored = read_storage(entries).expect("the full reader reads what the quick one does");
    FirstScreen {
        chi_bo: stored.dataset.chi_bo,
        members: stored.dataset.members,
        meetings: stored.dataset.meetings.iter().map(MeetingHead::of).collect(),
    }
}

/// The quick answer agrees with the full reader: the same chi bộ and members, and a head for
/// every meeting the full reader could read (and, when it read them all, no other).
fn assert_agrees(entries: &[(String, String)], quick: &FirstScreen) {
    let full = full_reading(entries);
    assert_eq!(quick.chi_bo, full.chi_bo);
    let mut quick_members = quick.members.clone();
    let mut full_members = full.members.clone();
    quick_members.sort_by(|a, b| a.id.cmp(&b.id));
    full_members.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(quick_members, full_members);
    for head in &full.meetings {
        assert!(quick.meetings.contains(head), "{head:?} missing from the quick read");
    }
    if read_storage(entries).unwrap().is_healthy() {
        assert_eq!(ids(&quick.meetings, |h| &h.id), ids(&full.meetings, |h| &h.id));
    }
}

#[test]
fn a_healthy_store_gives_the_full_readers_chi_bo_members_and_meeting_heads() {
    let entries = stored_sample();
    let quick = read_first_screen(&entries).expect("the current layout, every record readable");
    assert!(quick.chi_bo.is_some());
    assert_eq!(quick.members.len(), sample().members.len());
    assert_eq!(quick.meetings.len(), sample().meetings.len());
    assert_agrees(&entries, &quick);
    let latest = sample().meetings.iter().max_by(|a, b| a.chronological_key().cmp(&b.chronological_key())).cloned().unwrap();
    let quick_latest = quick.meetings.iter().max_by(|a, b| a.chronological_key().cmp(&b.chronological_key())).unwrap();
    assert_eq!(*quick_latest, MeetingHead::of(&latest));
}

#[test]
fn a_store_of_the_release_before_plans_reads_straight_and_agrees_with_the_full_reader() {
    // Version 3's chi bộ, member and meeting texts are version 4's: a phone just updated
    // shows its home card before the full reader has migrated the store.
    let entries = with(stored_sample(), "sotay.schema_version", |t| *t = "3".into());
    let quick = read_first_screen(&entries).expect("version 3 reads straight");
    assert_eq!(quick.members.len(), sample().members.len());
    assert_agrees(&entries, &quick);
    let older = with(stored_sample(), "sotay.schema_version", |t| *t = "2".into());
    assert_eq!(read_first_screen(&older), None, "version 2 is the full reader's");
}

#[test]
fn a_phone_with_nothing_of_a_chi_bo_reads_as_empty_whatever_else_it_holds() {
    let cases: Vec<Vec<(String, String)>> = vec![
        vec![],
        vec![("sotay.settings".into(), r#"{"text_size":"large"}"#.into())],
        vec![("sotay.mark.ld-dieu-1".into(), "{}".into()), ("other-app.token".into(), "secret".into())],
    ];
    for entries in cases {
        assert_eq!(read_first_screen(&entries), Some(FirstScreen::default()), "{entries:?}");
    }
}

#[test]
fn whatever_the_quick_read_is_unsure_of_is_left_to_the_full_reader() {
    let sample = stored_sample();
    let member_key = sample.iter().find(|(k, t)| k.starts_with("sotay.member.") && t.contains("\"role\":\"dang_vien\"")).unwrap().0.clone();
    let meeting_key = sample.iter().find(|(k, _)| k.starts_with("sotay.meeting.")).unwrap().0.clone();
    let cases: Vec<(&str, Vec<(String, String)>)> = vec![
        ("a version-1 store (no layout version, records to migrate)", without(sample.clone(), "sotay.schema_version")),
        ("a layout newer than this app", with(sample.clone(), "sotay.schema_version", |t| *t = (SCHEMA_VERSION + 1).to_string())),
        ("an unreadable layout version", with(sample.clone(), "sotay.schema_version", |t| *t = "\"ba\"".into())),
        ("a chi bộ record cut short", with(sample.clone(), "sotay.chibo", |t| t.truncate(30))),
        ("a member with a wrong value", with(sample.clone(), &member_key, |t| *t = t.replace("\"role\":\"dang_vien\"", "\"role\":\"doan_vien\""))),
        ("a member under another member's key", with(sample.clone(), &member_key, |t| *t = t.replacen("\"id\":\"", "\"id\":\"x", 1))),
        ("a meeting cut short", with(sample.clone(), &meeting_key, |t| t.truncate(40))),
        ("a meeting under another meeting's key", with(sample.clone(), &meeting_key, |t| *t = t.replacen("\"id\":\"", "\"id\":\"x", 1))),
    ];
    for (case, entries) in cases {
        assert_eq!(read_first_screen(&entries), None, "{case}");
    }
}

#[test]
fn records_the_first_screen_does_not_show_are_not_looked_at() {
    // A damaged framework, pack or review is the full reader's to explain; the home card
    // does not need them.
    let mut entries = stored_sample();
    entries.push(("sotay.framework.khung-hong".into(), "không phải JSON".into()));
    entries.push(("sotay.review.review-2025".into(), "{".into()));
    entries.push(("sotay.draft.meeting".into(), "không phải JSON".into()));
    let quick = read_first_screen(&entries).expect("only the chi bộ, members and meetings count");
    assert_agrees(&entries, &quick);
}

#[test]
fn a_later_duplicate_key_wins_as_in_the_full_reader() {
    let mut entries = stored_sample();
    let (key, text) = entries.iter().find(|(k, _)| k.starts_with("sotay.member.")).cloned().unwrap();
    entries.push((key, text.replace("\"name\":\"", "\"name\":\"Bà ")));
    let quick = read_first_screen(&entries).unwrap();
    assert_agrees(&entries, &quick);
    assert!(quick.members.iter().any(|m| m.name.starts_with("Bà ")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// One record's text changed at random (a byte replaced, cut short, or a piece repeated):
    /// the quick reader either steps back or agrees with the full reader.
    #[test]
    fn a_damaged_record_never_makes_the_quick_read_disagree(
        pick in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        how in 0u8..3,
    ) {
        let mut entries = stored_sample();
        let index = pick.index(entries.len());
        let text = entries[index].1.clone().into_bytes();
        let position = at.index(text.len().max(1));
        let changed = match how {
            0 => { let mut t = text; if !t.is_empty() { t[position] = byte; } t }
            1 => text[..position].to_vec(),
            _ => { let mut t = text.clone(); t.splice(position..position, text[..position].iter().copied()); t }
        };
        entries[index].1 = String::from_utf8_lossy(&changed).into_owned();
        if let Some(quick) = read_first_screen(&entries) {
            assert_agrees(&entries, &quick);
        }
    }
}
