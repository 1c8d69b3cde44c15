//! The pack editor's domain: a draft is validated by the loader's own checks (every
//! problem an editor can make is located, table-driven, with the loader's message), ids
//! stay stable on edit and new items get new ones, the markup toolbar, and the round trip
//! of random edits through export and import.

use proptest::prelude::*;
use serde_json::{json, Value};
use sotay_domain::framework::Direction;
use sotay_domain::handbook::authoring::MarkupInsert;
use sotay_domain::handbook::{
    builtin, CheckOutcome, Field, Handbook, ItemDraft, Pack, PackDraft, PackError, PackLoadError, PackScope,
    SectionDraft, SectionKind, Status,
};

const VALID: &str = include_str!("fixtures/handbook/valid-committee-pack-v2.json");

fn draft() -> PackDraft {
    PackDraft::from(&Pack::from_json(VALID).unwrap())
}

/// The draft written as a pack file by hand (what the loader would get).
fn as_file(draft: &PackDraft) -> String {
    let sections: Vec<Value> = draft
        .sections
        .iter()
        .map(|section| {
            let items: Vec<Value> = section
                .items
                .iter()
                .map(|item| {
                    json!({
                        "id": item.id, "title": item.title, "body": item.body, "note": item.note,
                        "keywords": item.keywords,
                        "numbers": { "document": item.number_in_document, "app": item.number_in_app },
                        "source": { "document": item.document, "date": item.date, "status": item.status.key(),
                            "check": {
                                "outcome": item.check_outcome.map(|outcome| outcome.key()).unwrap_or_default(),
                                "checked_on": item.checked_on, "compared_with": item.compared_with, "address": item.check_address,
                            } }
                    })
                })
                .collect();
            json!({ "id": section.id, "kind": section.kind.key(), "title": section.title, "note": section.note, "items": items })
        })
        .collect();
    json!({
        "format_version": 2, "id": draft.id, "name": draft.name, "issuer": draft.issuer,
        "version": draft.version, "published": draft.published, "note": draft.note, "sections": sections
    })
    .to_string()
}

type Change = fn(&mut PackDraft);

/// (what is wrong, the change, expected code, where it is shown)
fn cases() -> Vec<(&'static str, Change, &'static str, PackScope, Option<Field>)> {
    vec![
        ("no pack name", |d| d.name = " ".into(), "missing", PackScope::Pack, Some(Field::Name)),
        ("no issuer", |d| d.issuer.clear(), "missing", PackScope::Pack, Some(Field::Issuer)),
        ("no version", |d| d.version.clear(), "missing", PackScope::Pack, Some(Field::Version)),
        ("no date", |d| d.published.clear(), "missing", PackScope::Pack, Some(Field::Published)),
        ("no pack id", |d| d.id.clear(), "missing", PackScope::Pack, Some(Field::Id)),
        ("date not a date", |d| d.published = "2026-02-30".into(), "invalid_date", PackScope::Pack, Some(Field::Published)),
        ("publication without day", |d| d.published = "2026-02".into(), "invalid_date", PackScope::Pack, Some(Field::Published)),
        ("pack id with a space", |d| d.id = "gói xã".into(), "invalid_id", PackScope::Pack, Some(Field::Id)),
        ("long name", |d| d.name = "x".repeat(201), "too_long", PackScope::Pack, Some(Field::Name)),
        ("long pack note", |d| d.note = "x".repeat(2001), "too_long", PackScope::Pack, Some(Field::Note)),
        ("no sections", |d| d.sections.clear(), "no_sections", PackScope::Pack, Some(Field::Sections)),
        ("section without title", |d| d.sections[1].title.clear(), "missing", PackScope::Section(1), Some(Field::Title)),
        ("section without id", |d| d.sections[1].id.clear(), "missing", PackScope::Section(1), Some(Field::Id)),
        ("two sections one id", |d| d.sections[1].id = d.sections[0].id.clone(), "duplicate_section_id", PackScope::Section(1), Some(Field::Id)),
        ("empty section", |d| d.sections[0].items.clear(), "empty_section", PackScope::Section(0), Some(Field::Items)),
        (
            "framework section with items",
            |d| d.sections[0].kind = SectionKind::ScoringFrameworks,
            "items_in_framework_section",
            PackScope::Section(0),
            Some(Field::Kind),
        ),
        (
            "two framework sections",
            |d| {
                for section in &mut d.sections {
                    section.kind = SectionKind::ScoringFrameworks;
                    section.items.clear();
                }
            },
            "several_framework_sections",
            PackScope::Section(1),
            Some(Field::Kind),
        ),
        ("item without title", |d| d.sections[1].items[1].title.clear(), "missing", PackScope::Item(1, 1), Some(Field::Title)),
        ("item without body", |d| d.sections[1].items[0].body = "\n".into(), "missing", PackScope::Item(1, 0), Some(Field::Body)),
        ("item without document", |d| d.sections[1].items[0].document.clear(), "missing", PackScope::Item(1, 0), Some(Field::SourceDocument)),
        ("summary without date", |d| d.sections[0].items[0].date.clear(), "missing", PackScope::Item(0, 0), Some(Field::SourceDate)),
        ("source date not a date", |d| d.sections[1].items[1].date = "15/01/2026".into(), "invalid_date", PackScope::Item(1, 1), Some(Field::SourceDate)),
        ("item id with a space", |d| d.sections[1].items[1].id = "muc 2".into(), "invalid_id", PackScope::Item(1, 1), Some(Field::Id)),
        ("item without id", |d| d.sections[1].items[1].id.clear(), "missing", PackScope::Item(1, 1), Some(Field::Id)),
        (
            "two items one id",
            |d| d.sections[1].items[1].id = d.sections[0].items[0].id.clone(),
            "duplicate_item_id",
            PackScope::Item(1, 1),
            Some(Field::Id),
        ),
        ("long item title", |d| d.sections[1].items[0].title = "x".repeat(201), "too_long", PackScope::Item(1, 0), Some(Field::Title)),
        ("long body", |d| d.sections[1].items[0].body = "x".repeat(50_001), "too_long", PackScope::Item(1, 0), Some(Field::Body)),
        ("long item note", |d| d.sections[1].items[0].note = "x".repeat(2001), "too_long", PackScope::Item(1, 0), Some(Field::Note)),
        ("long document", |d| d.sections[1].items[0].document = "x".repeat(301), "too_long", PackScope::Item(1, 0), Some(Field::SourceDocument)),
        (
            "official without a word-for-word check",
            |d| d.sections[1].items[0].status = Status::Official,
            "official_without_word_for_word_check",
            PackScope::Item(1, 0),
            Some(Field::SourceStatus),
        ),
        (
            "official checked as a summary",
            |d| d.sections[0].items[0].check_outcome = Some(CheckOutcome::FaithfulSummary),
            "official_without_word_for_word_check",
            PackScope::Item(0, 0),
            Some(Field::SourceStatus),
        ),
        ("check without what was compared", |d| d.sections[0].items[0].compared_with.clear(), "missing", PackScope::Item(0, 0), Some(Field::ComparedWith)),
        ("check without a date", |d| d.sections[0].items[0].checked_on.clear(), "missing", PackScope::Item(0, 0), Some(Field::CheckedOn)),
        ("check date not a date", |d| d.sections[0].items[0].checked_on = "2026-11".into(), "invalid_date", PackScope::Item(0, 0), Some(Field::CheckedOn)),
        ("check address not a web address", |d| d.sections[0].items[0].check_address = "file:///etc/passwd".into(), "invalid_address", PackScope::Item(0, 0), Some(Field::CheckAddress)),
        ("long number", |d| d.sections[1].items[0].number_in_document = "x".repeat(61), "too_long", PackScope::Item(1, 0), Some(Field::Numbers)),
        (
            "too many items in a section",
            |d| {
                let item = d.sections[1].items[0].clone();
                d.sections[1].items = (0..501).map(|n| ItemDraft { id: format!("m{n}"), ..item.clone() }).collect();
            },
            "too_many",
            PackScope::Section(1),
            Some(Field::Items),
        ),
    ]
}

#[test]
fn each_problem_is_shown_at_its_field_with_the_message_a_loaded_file_gets() {
    for (what, change, code, scope, field) in cases() {
        let mut edited = draft();
        change(&mut edited);
        let errors = edited.validate().expect_err(what);
        let located: Vec<(&str, (PackScope, Option<Field>))> = errors.iter().map(|e| (e.code(), e.location())).collect();
        assert!(located.contains(&(code, (scope, field))), "{what}: expected {code} at {scope:?}/{field:?}, got {located:?}");
        assert!(edited.export().is_err(), "{what}: nothing invalid is exported");
        let loaded = match Pack::from_json(&as_file(&edited)) {
            Err(PackLoadError::Invalid(errors)) => errors,
            other => panic!("{what}: the loader accepted it: {other:?}"),
        };
        let messages = |errors: &[PackError]| errors.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(messages(&errors), messages(&loaded), "{what}: the loader's messages");
    }
}

#[test]
fn every_problem_an_editor_can_make_has_a_located_case() {
    let covered: std::collections::BTreeSet<&str> = cases().iter().map(|case| case.2).collect();
    // The file's size and format version are the app's to write; statuses and kinds are
    // picked from lists; the pack-wide item limit (3000) is the per-section one's sibling.
    let not_typed = ["too_large", "missing_format_version", "unsupported_format_version", "newer_format_version", "unknown_status", "unknown_section_kind", "unknown_check_outcome"];
    for code in PackError::ALL_CODES {
        if !not_typed.contains(&code) {
            assert!(covered.contains(code), "no located case for {code}");
        }
    }
}

#[test]
fn a_pack_made_from_the_builtin_one_keeps_its_item_ids_and_takes_the_new_id() {
    let base = builtin::pack();
    let draft = PackDraft::starting_from(&base, "goi-xa-2026");
    assert_eq!(draft.id, "goi-xa-2026");
    let pack = draft.validate().expect("the built-in pack as a draft is valid");
    let ids = |pack: &Pack| pack.items().map(|(_, item)| item.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&pack), ids(&base));
    assert_eq!(pack.sections, base.sections);
}

#[test]
fn new_items_get_new_ids_and_edited_items_keep_theirs() {
    let mut draft = draft();
    let kept = draft.sections[1].items[0].id.clone();
    draft.sections[1].items[0].title = "Lịch mới".into();
    let first = draft.add_item(1, 0xabc).unwrap();
    let second = draft.add_item(1, 0xabc).unwrap();
    assert_eq!(draft.sections[1].items[0].id, kept);
    assert_eq!(draft.sections[1].items[first].id, "muc-00000abc");
    assert_eq!(draft.sections[1].items[second].id, "muc-00000abc-2");
    assert_eq!(draft.sections[1].items[first].status, Status::Summary);
    let section = draft.add_section(7);
    assert_eq!(draft.sections[section].id, "phan-00000007");
    assert!(draft.move_item(1, 0, Direction::Down));
    assert_eq!(draft.sections[1].items[1].id, kept);
    assert!(draft.move_section(section, Direction::Up));
    assert!(draft.remove_section(1).is_some());
    assert!(draft.remove_item(1, 0).is_some());
}

#[test]
fn two_new_items_are_found_by_search_without_diacritics() {
    let mut draft = PackDraft::starting_from(&Pack::from_json(VALID).unwrap(), "goi-xa");
    for (entropy, title) in [(1, "Quy chế làm việc của chi bộ"), (2, "Lịch tiếp dân")] {
        let index = draft.add_item(1, entropy).unwrap();
        let item = draft.item_mut(1, index).unwrap();
        item.title = title.into();
        item.body = "Nội dung do *đảng ủy* soạn.".into();
        item.document = "Văn bản của xã".into();
        item.date = "2026-11".into();
    }
    let pack = Pack::from_json(&draft.export().unwrap()).unwrap();
    let handbook = Handbook::resolve(&builtin::pack(), Some(&pack));
    assert_eq!(handbook.search("quy che lam viec", 3)[0].item_id.as_deref(), Some("muc-00000001"));
    assert_eq!(handbook.search("lich tiep dan", 3)[0].item_id.as_deref(), Some("muc-00000002"));
}

#[test]
fn the_toolbar_inserts_the_markup_around_the_selection() {
    // (button, body, selection, new body, new selection)
    let cases = [
        (MarkupInsert::Emphasis, "một hai ba", (4, 7), "một *hai* ba", (5, 8)),
        (MarkupInsert::Emphasis, "", (0, 0), "**", (1, 1)),
        (MarkupInsert::Heading, "đầu\nthứ hai", (6, 6), "đầu\n## thứ hai", (9, 9)),
        (MarkupInsert::ListItem, "việc một", (3, 3), "- việc một", (5, 5)),
        (MarkupInsert::Quote, "a\nb\nc", (4, 5), "a\nb\n> c", (6, 7)),
        (MarkupInsert::Paragraph, "câu một câu hai", (8, 8), "câu một \n\ncâu hai", (10, 10)),
        (MarkupInsert::Paragraph, "một\n\n", (5, 5), "một\n\n", (5, 5)),
        (MarkupInsert::Paragraph, "", (0, 0), "", (0, 0)),
        (MarkupInsert::Emphasis, "ab", (9, 1), "a*b*", (2, 3)),
    ];
    for (button, body, (start, end), expected, selection) in cases {
        let (text, new_start, new_end) = button.apply(body, start, end);
        assert_eq!((text.as_str(), (new_start, new_end)), (expected, selection), "{button:?} on {body:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Random edits → export → import → the same pack
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Edit {
    Name(String),
    AddSection(u64, String),
    RemoveSection(usize),
    MoveSection(usize, bool),
    AddItem(usize, u64, String),
    RemoveItem(usize, usize),
    MoveItem(usize, usize, bool),
    Body(usize, usize, String),
    Status(usize, usize, u8),
    Note(usize, usize, String),
    Date(usize, usize, u16, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    let text = "[a-zA-Zđăâêôơưàảãáạ][a-zA-Zđăâêôơưàảãáạ*#>\\- ]{0,19}";
    prop_oneof![
        text.prop_map(Edit::Name),
        (any::<u64>(), text).prop_map(|(e, t)| Edit::AddSection(e, t)),
        (0..6usize).prop_map(Edit::RemoveSection),
        (0..6usize, any::<bool>()).prop_map(|(s, up)| Edit::MoveSection(s, up)),
        (0..6usize, any::<u64>(), text).prop_map(|(s, e, t)| Edit::AddItem(s, e, t)),
        (0..6usize, 0..6usize).prop_map(|(s, i)| Edit::RemoveItem(s, i)),
        (0..6usize, 0..6usize, any::<bool>()).prop_map(|(s, i, up)| Edit::MoveItem(s, i, up)),
        (0..6usize, 0..6usize, "[a-zA-Zđ][a-zA-Zđ*#>\\-\n ]{0,39}").prop_map(|(s, i, t)| Edit::Body(s, i, t)),
        (0..6usize, 0..6usize, 0..3u8).prop_map(|(s, i, k)| Edit::Status(s, i, k)),
        (0..6usize, 0..6usize, "[a-z ]{0,10}").prop_map(|(s, i, t)| Edit::Note(s, i, t)),
        (0..6usize, 0..6usize, 1900..2100u16, 0..13u8).prop_map(|(s, i, y, m)| Edit::Date(s, i, y, m)),
    ]
}

fn direction(up: bool) -> Direction {
    if up {
        Direction::Up
    } else {
        Direction::Down
    }
}

fn apply(draft: &mut PackDraft, edit: Edit) {
    let sections = draft.sections.len().max(1);
    match edit {
        Edit::Name(name) => draft.name = name,
        Edit::AddSection(entropy, title) => {
            let index = draft.add_section(entropy);
            draft.sections[index].title = title.clone();
            // A section needs an item: add one straight away, as the editor does.
            let item = draft.add_item(index, entropy).unwrap();
            fill(draft.item_mut(index, item).unwrap(), &title);
        }
        Edit::RemoveSection(s) => {
            if draft.sections.len() > 1 {
                draft.remove_section(s % sections);
            }
        }
        Edit::MoveSection(s, up) => {
            draft.move_section(s % sections, direction(up));
        }
        Edit::AddItem(s, entropy, title) => {
            if let Some(index) = draft.add_item(s % sections, entropy) {
                fill(draft.item_mut(s % sections, index).unwrap(), &title);
            }
        }
        Edit::RemoveItem(s, i) => {
            if draft.sections.get(s % sections).is_some_and(|section| section.items.len() > 1) {
                draft.remove_item(s % sections, i);
            }
        }
        Edit::MoveItem(s, i, up) => {
            draft.move_item(s % sections, i, direction(up));
        }
        Edit::Body(s, i, body) => with_item(draft, s % sections, i, |item| item.body = body),
        Edit::Status(s, i, k) => with_item(draft, s % sections, i, |item| {
            item.status = [Status::Official, Status::Summary, Status::Unverified][k as usize];
            // Official wording is written only after a word-for-word comparison, as the
            // editor's form asks.
            if item.status == Status::Official {
                item.check_outcome = Some(CheckOutcome::WordForWord);
                item.checked_on = "2026-12-05".into();
                item.compared_with = "Văn bản của xã, bản in".into();
            }
        }),
        Edit::Note(s, i, note) => with_item(draft, s % sections, i, |item| item.note = note),
        Edit::Date(s, i, year, month) => with_item(draft, s % sections, i, |item| {
            item.date = if month == 0 { year.to_string() } else { format!("{year}-{month:02}") };
        }),
    }
}

fn fill(item: &mut ItemDraft, title: &str) {
    item.title = title.to_string();
    item.body = format!("Nội dung: {title}");
    item.document = "Văn bản của xã".to_string();
    item.date = "2026".to_string();
}

fn with_item(draft: &mut PackDraft, section: usize, index: usize, change: impl FnOnce(&mut ItemDraft)) {
    if let Some(item) = draft.item_mut(section, index) {
        change(item);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn edited_packs_read_back_equal(edits in proptest::collection::vec(edit(), 0..12)) {
        let mut edited = draft();
        let ids_before: Vec<String> = edited.sections.iter().flat_map(|s| s.items.iter().map(|i| i.id.clone())).collect();
        for edit in edits {
            apply(&mut edited, edit);
        }
        // These edits keep every required field filled, so the draft must stay valid.
        let pack = edited.validate().map_err(|errors| TestCaseError::fail(format!("{errors:?}")))?;
        let json = edited.export().unwrap();
        prop_assert_eq!(Pack::from_json(&json).unwrap(), pack.clone());
        // The draft of the re-imported pack is the edited draft, trimmed: editing goes on
        // from the same value.
        prop_assert_eq!(PackDraft::from(&pack).validate().unwrap(), pack.clone());
        // Items that were there keep their ids; every id is unique.
        let ids: Vec<&str> = pack.items().map(|(_, item)| item.id.as_str()).collect();
        let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
        prop_assert_eq!(unique.len(), ids.len());
        for id in &ids_before {
            let still_there = edited.sections.iter().any(|s| s.items.iter().any(|i| &i.id == id));
            prop_assert_eq!(still_there, pack.item(id).is_some());
        }
    }
}

#[test]
fn a_new_section_is_a_text_section_until_its_kind_is_changed() {
    let mut draft = draft();
    let index = draft.add_section(3);
    let section: &SectionDraft = &draft.sections[index];
    assert_eq!(section.kind, SectionKind::Text);
    let errors = draft.validate().unwrap_err();
    let located: Vec<_> = errors.iter().map(PackError::location).collect();
    assert_eq!(located, [(PackScope::Section(2), Some(Field::Title)), (PackScope::Section(2), Some(Field::Items))]);
}
