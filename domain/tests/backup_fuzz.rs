//! No input makes the import, the storage reader or the raw export panic (property
//! tests as a fuzz target). Inputs per run of `cargo test -p sotay-domain --test backup_fuzz`:
//!
//! | property | inputs |
//! |---|---|
//! | random bytes (0–4 KB) | 3,000 |
//! | random JSON-like text (brackets, quotes, keys of the format) | 3,000 |
//! | a valid backup with 1–4 byte mutations (truncate, flip, insert, delete a range) | 3,000 |
//! | a valid backup with 1–4 structural mutations (delete a field, replace a value by a hostile one, duplicate or drop a record) | 3,000 |
//! | a valid backup whose moments are anything, imported into a device whose records hold any moment | 1,000 |
//! | the stored layout with mutated texts and extra keys, read and raw-exported | 2,000 |
//! | every prefix of the valid backup (a file cut at each byte) | one per byte, ≈ 12,900 |
//! | hostile shapes (deep nesting, huge numbers, long strings, many records) | 8 |
//!
//! About 28,000 inputs in all; `SOTAY_FUZZ_SCALE=N` multiplies the random ones by N for
//! a long run (see [`cases`]). Anything accepted then goes through every later step
//! without panicking (description, previews both ways, merge, storage changes, whole and
//! one-year exports of what was imported, read back equal): see
//! `after_a_successful_parse`.

mod backup_support;

use std::collections::BTreeSet;

use backup_support::{exported_at, fixture_path, sample, sample_v4};
use chrono::{DateTime, Datelike, SecondsFormat, Utc};
use proptest::prelude::*;
use serde_json::Value;
use sotay_domain::backup::import::parse_by_value;
use sotay_domain::backup::{
    self, export_all, export_year, merge, parse_backup, parse_backup_against, preview,
    read_storage, read_storage_owned, storage, Backup, Dataset, ImportLimits,
};
use sotay_domain::text::backup::raw_dump;
use sotay_domain::Timestamp;

/// The current version's fixture (it has deletion markers); mutations of the v1 one
/// (migrated on import) are fuzzed too, one case in four.
fn valid_file() -> Vec<u8> {
    std::fs::read(fixture_path("migrations/backup-v2.json")).expect("fixture")
}

fn v1_file() -> Vec<u8> {
    std::fs::read(fixture_path("migrations/backup-v1.json")).expect("fixture")
}

/// A file of the version this app writes: the one the typed reading path takes.
fn current_file() -> Vec<u8> {
    std::fs::read(fixture_path("migrations/backup-v4.json")).expect("fixture")
}

/// The fixture a mutation starts from: version 1, 2 or the current one.
fn fixture_of(pick: u8) -> Vec<u8> {
    match pick % 4 {
        0 => v1_file(),
        1 => valid_file(),
        _ => current_file(),
    }
}

/// Reads the bytes; whatever happens, nothing panics, and an accepted file goes through
/// every step the app takes next ([`after_a_successful_parse`]) against the sample.
fn exercise(bytes: &[u8]) {
    let read = parse_backup(bytes, &ImportLimits::default());
    // The typed path may only say yes, and only where the located path says the same.
    assert_eq!(read, parse_by_value(bytes, &ImportLimits::default(), None));
    match read {
        Ok(backup) => after_a_successful_parse(&sample(), &backup),
        Err(error) => {
            assert!(!error.to_string().is_empty());
            assert!(!error.lines().is_empty());
            for problem in error.problems() {
                let _ = problem.code();
            }
        }
    }
}

/// What the app does with an accepted file, none of which may panic: describe it, preview
/// a merge and a replace (both directions: the device's records may hold any moment, the
/// conflict lines format them), merge, write the storage changes, export what was
/// imported (whole and every year it holds) and read that export back equal.
fn after_a_successful_parse(current: &Dataset, backup: &Backup) {
    let _ = backup.description();
    // Read against the same device (a file may name members only the device has).
    let again = parse_backup_against(backup.to_json().as_bytes(), &ImportLimits::default(), current)
        .unwrap_or_else(|error| panic!("accepted, but its export is refused: {error}"));
    // The same file, in the current format (an older file's version is migrated).
    assert_eq!(again.data, backup.data);
    assert_eq!((again.scope, again.exported_at), (backup.scope, backup.exported_at));
    for (into, from) in [(current, &backup.data), (&backup.data, current)] {
        let planned = preview(into, from);
        let _ = planned.summary_lines();
        let _ = planned.replace_summary_lines();
        let merged = merge(into, from);
        assert!(preview(&merged, from).merge_changes_nothing());
        let _ = storage::changes(into, &merged);
        let exported = export_all(&merged, exported_at(), "0.1.0");
        let _ = exported.description();
        let _ = exported.to_json();
    }
    // One year of what was imported, read on the device that imported it.
    let device = merge(current, &backup.data);
    let years: BTreeSet<i32> = backup.data.meetings.iter().map(|m| m.date.year()).collect();
    for year in years {
        let year_file = export_year(&backup.data, year, exported_at(), "0.1.0");
        let _ = year_file.description();
        let read = parse_backup_against(year_file.to_json().as_bytes(), &ImportLimits::default(), &device)
            .unwrap_or_else(|error| panic!("year {year} of an accepted file is refused: {error}"));
        let _ = preview(current, &read.data).summary_lines();
    }
}

/// Any moment chrono can hold, from the first to the last (a device's stored record, or
/// a file read by a future version, may hold one).
fn any_moment() -> impl Strategy<Value = Timestamp> {
    let (first, last) = (
        DateTime::<Utc>::MIN_UTC.timestamp(),
        DateTime::<Utc>::MAX_UTC.timestamp(),
    );
    prop_oneof![
        Just(DateTime::<Utc>::MIN_UTC),
        Just(DateTime::<Utc>::MAX_UTC),
        (first..=last).prop_map(|seconds| DateTime::from_timestamp(seconds, 0).unwrap_or_default()),
        // Around the bounds of the accepted range, where a check could be off by one.
        (-2_208_988_800i64..=-1_262_304_000).prop_map(|seconds| DateTime::from_timestamp(seconds, 999_999_999).unwrap_or_default()),
        (4_133_894_400i64 - 200_000..=4_133_894_400 + 200_000).prop_map(|seconds| DateTime::from_timestamp(seconds, 0).unwrap_or_default()),
    ]
}

/// Moment texts a file may hold in `exported_at` or an `updated_at`: mostly accepted
/// ones (so that most files reach the steps after the parse), sometimes any at all.
fn moment_text() -> impl Strategy<Value = String> {
    let accepted = (-1_262_304_000i64..=4_133_980_799)
        .prop_map(|seconds| DateTime::from_timestamp(seconds, 0).unwrap_or_default());
    prop_oneof![
        20 => accepted.prop_map(|at| at.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
        1 => any_moment().prop_map(|at| at.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
        1 => Just("+262142-12-31T17:00:00Z".to_owned()),
        1 => Just("-262143-01-01T00:00:00Z".to_owned()),
        1 => Just("2100-12-31T23:59:59.999999999Z".to_owned()),
        1 => Just("2100-12-31T23:59:59-23:59".to_owned()),
        1 => Just("1930-01-01T00:00:00+23:59".to_owned()),
        1 => Just("1929-12-31T23:59:59Z".to_owned()),
    ]
}

/// Every moment of a file (`exported_at` and each `updated_at`, at any depth).
fn set_moments(value: &mut Value, moments: &mut impl Iterator<Item = String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                if (key == "exported_at" || key == "updated_at") && child.is_string() {
                    if let Some(moment) = moments.next() {
                        *child = Value::String(moment);
                    }
                } else {
                    set_moments(child, moments);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| set_moments(item, moments)),
        _ => {}
    }
}

/// The sample (with its dues book) with the given moments as its records' `updated_at`,
/// in record order.
fn sample_with_moments(moments: &[Timestamp]) -> Dataset {
    let mut data = sample_v4();
    let mut moments = moments.iter().copied().cycle();
    let mut next = || moments.next().unwrap_or_else(exported_at);
    if let Some(chi_bo) = &mut data.chi_bo {
        chi_bo.updated_at = next();
    }
    data.members.iter_mut().for_each(|member| member.updated_at = next());
    data.meetings.iter_mut().for_each(|meeting| meeting.updated_at = next());
    data.marks.iter_mut().for_each(|mark| mark.updated_at = next());
    data.frameworks.iter_mut().for_each(|custom| custom.updated_at = next());
    if let Some(pack) = &mut data.committee_pack {
        pack.updated_at = next();
    }
    data.dues_profiles.iter_mut().for_each(|profile| profile.updated_at = next());
    data.dues_payments.iter_mut().for_each(|payment| payment.updated_at = next());
    if let Some(rules) = &mut data.dues_rules {
        rules.updated_at = next();
    }
    data
}

#[derive(Clone, Debug)]
enum ByteMutation {
    Truncate(usize),
    Flip(usize, u8),
    Insert(usize, u8),
    DeleteRange(usize, usize),
}

fn byte_mutation() -> impl Strategy<Value = ByteMutation> {
    prop_oneof![
        any::<usize>().prop_map(ByteMutation::Truncate),
        (any::<usize>(), 1u8..=255).prop_map(|(at, mask)| ByteMutation::Flip(at, mask)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| ByteMutation::Insert(at, byte)),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| ByteMutation::DeleteRange(at, len)),
    ]
}

fn apply_bytes(mut bytes: Vec<u8>, mutation: &ByteMutation) -> Vec<u8> {
    let len = bytes.len().max(1);
    match *mutation {
        ByteMutation::Truncate(at) => bytes.truncate(at % len),
        ByteMutation::Flip(at, mask) => {
            if let Some(byte) = bytes.get_mut(at % len) {
                *byte ^= mask;
            }
        }
        ByteMutation::Insert(at, byte) => bytes.insert((at % len).min(bytes.len()), byte),
        ByteMutation::DeleteRange(at, count) => {
            let start = (at % len).min(bytes.len());
            let end = (start + count).min(bytes.len());
            bytes.drain(start..end);
        }
    }
    bytes
}

/// Values a hostile or careless tool might put anywhere.
fn hostile_value(pick: usize) -> Value {
    let deep = (0..200).fold(Value::Null, |inner, _| Value::Array(vec![inner]));
    let candidates = [
        Value::Null,
        Value::Bool(true),
        serde_json::json!(-1),
        serde_json::json!(0),
        serde_json::json!(1e300),
        serde_json::json!(u64::MAX),
        serde_json::json!(i64::MIN),
        serde_json::json!(0.5),
        serde_json::json!(""),
        serde_json::json!("   "),
        serde_json::json!("x".repeat(5000)),
        serde_json::json!("2026-02-30"),
        serde_json::json!("25:61:00"),
        serde_json::json!("<script>alert(1)</script>"),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!([{}]),
        serde_json::json!({"id": "m1"}),
        deep,
    ];
    candidates[pick % candidates.len()].clone()
}

#[derive(Clone, Debug)]
enum Structural {
    Delete,
    Replace(usize),
    Duplicate,
}

/// Walks `path` (each number picks a child) and applies the mutation at the end.
fn mutate(value: &mut Value, path: &[usize], mutation: &Structural) {
    let (first, rest) = match path.split_first() {
        Some(split) => split,
        None => return,
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(first % map.len())
                .cloned()
                .unwrap_or_default();
            let descend = !rest.is_empty()
                && map
                    .get(&key)
                    .is_some_and(|child| child.is_object() || child.is_array());
            if descend {
                if let Some(child) = map.get_mut(&key) {
                    mutate(child, rest, mutation);
                }
            } else {
                match mutation {
                    Structural::Delete => {
                        map.remove(&key);
                    }
                    Structural::Replace(pick) => {
                        map.insert(key, hostile_value(*pick));
                    }
                    Structural::Duplicate => {}
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let at = first % items.len();
            let descend = !rest.is_empty() && (items[at].is_object() || items[at].is_array());
            if descend {
                mutate(&mut items[at], rest, mutation);
            } else {
                match mutation {
                    Structural::Delete => {
                        items.remove(at);
                    }
                    Structural::Replace(pick) => items[at] = hostile_value(*pick),
                    Structural::Duplicate => {
                        let copy = items[at].clone();
                        items.insert(at, copy);
                    }
                }
            }
        }
        _ => {}
    }
}

fn structural() -> impl Strategy<Value = (Vec<usize>, Structural)> {
    (
        proptest::collection::vec(any::<usize>(), 1..7),
        prop_oneof![
            Just(Structural::Delete),
            any::<usize>().prop_map(Structural::Replace),
            Just(Structural::Duplicate)
        ],
    )
}

/// Inputs per property: `default`, or `SOTAY_FUZZ_SCALE` times it for a long run
/// (`SOTAY_FUZZ_SCALE=100 cargo test --release -p sotay-domain --test backup_fuzz`: 1.5
/// million random inputs).
fn cases(default: u32) -> u32 {
    let scale = std::env::var("SOTAY_FUZZ_SCALE")
        .ok()
        .and_then(|scale| scale.parse::<u32>().ok())
        .unwrap_or(1);
    default.saturating_mul(scale.max(1))
}

const JSONISH: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    " ",
    "\n",
    "0",
    "1",
    "-",
    "1e999",
    "null",
    "true",
    "\\u00",
    "\\",
    "\u{feff}",
    "\"format\"",
    "\"so-tay-chi-bo-backup\"",
    "\"format_version\"",
    "\"data\"",
    "\"members\"",
    "\"meetings\"",
    "\"scope\"",
    "{\"kind\":\"all\"}",
    "\"exported_at\"",
    "\"2026-05-20T13:15:00Z\"",
    "\"id\"",
    "\"date\"",
    "ộ",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(3000), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        exercise(&bytes);
    }

    #[test]
    fn random_json_like_text_never_panics(pieces in proptest::collection::vec(proptest::sample::select(JSONISH), 0..200)) {
        exercise(pieces.concat().as_bytes());
    }

    #[test]
    fn byte_mutations_of_a_valid_file_never_panic(mutations in proptest::collection::vec(byte_mutation(), 1..5), pick in any::<u8>()) {
        let file = fixture_of(pick);
        let bytes = mutations.iter().fold(file, apply_bytes);
        exercise(&bytes);
    }

    #[test]
    fn structural_mutations_of_a_valid_file_never_panic(mutations in proptest::collection::vec(structural(), 1..5), pick in any::<u8>()) {
        let mut value: Value = serde_json::from_slice(&fixture_of(pick)).expect("fixture is JSON");
        for (path, mutation) in &mutations {
            mutate(&mut value, path, mutation);
        }
        exercise(value.to_string().as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(1000), failure_persistence: None, ..ProptestConfig::default() })]

    /// A file whose moments are anything (in range: accepted and carried through every
    /// later step; out of range: refused with a message), imported into a device whose
    /// own records hold any moment chrono can represent.
    #[test]
    fn any_moments_in_a_file_or_on_the_device_never_panic(
        in_file in proptest::collection::vec(moment_text(), 1..24),
        on_device in proptest::collection::vec(any_moment(), 1..24),
        pick in any::<u8>(),
    ) {
        let mut value: Value = serde_json::from_slice(&fixture_of(pick | 1)).expect("fixture is JSON");
        set_moments(&mut value, &mut in_file.into_iter().cycle());
        let current = sample_with_moments(&on_device);
        let bytes = value.to_string();
        let read = parse_backup_against(bytes.as_bytes(), &ImportLimits::default(), &current);
        prop_assert_eq!(&read, &parse_by_value(bytes.as_bytes(), &ImportLimits::default(), Some(&current)));
        match read {
            Ok(backup) => after_a_successful_parse(&current, &backup),
            Err(error) => prop_assert!(!error.lines().is_empty()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(2000), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn damaged_storage_is_read_and_raw_exported_losslessly(
        mutations in proptest::collection::vec((any::<usize>(), byte_mutation()), 0..5),
        extra in proptest::collection::vec(("(sotay\\.|other\\.)(member|meeting|mark|framework|dues_payment|dues_profile|dues_rules|deleted\\.dues_payment|x)?\\.?[a-z0-9 ]{0,5}", ".{0,40}"), 0..4),
    ) {
        let mut entries: Vec<(String, String)> = storage::entries(&sample_v4()).into_iter().collect();
        entries.push(("sotay.settings".into(), "{\"text_size\":\"large\"}".into()));
        for (pick, mutation) in &mutations {
            let at = pick % entries.len();
            let bytes = apply_bytes(entries[at].1.clone().into_bytes(), mutation);
            entries[at].1 = String::from_utf8_lossy(&bytes).into_owned();
        }
        entries.extend(extra);
        let stored = read_storage(&entries);
        if let Ok(stored) = &stored {
            let _ = stored.is_healthy();
        }
        // The app's reading, which takes the entries, reads the same (duplicates included).
        prop_assert_eq!(read_storage_owned(entries.clone()), stored);
        let dump = raw_dump(&entries, exported_at(), "0.1.0");
        let _ = dump.summary_lines();
        // Lossless: every key of the app comes back with its exact text.
        let back = backup::storage::parse_raw_dump(dump.json.as_bytes(), &ImportLimits::default());
        prop_assert!(back.is_ok());
        let mut expected: Vec<(String, String)> = entries.iter().filter(|(key, _)| key.starts_with("sotay.")).cloned().collect();
        expected.sort();
        // (A later duplicate key wins, as in browser storage.)
        expected.dedup_by(|later, earlier| later.0 == earlier.0);
        let mut back = back.unwrap_or_default();
        back.sort();
        prop_assert_eq!(back.len(), dump.keys.len());
        for (key, _) in &back {
            prop_assert!(expected.iter().any(|(k, _)| k == key));
        }
        // Restoring it never panics: the readable records as a backup, the rest listed.
        if let Ok(restored) = backup::restore_raw(dump.json.as_bytes(), &ImportLimits::default(), &sample()) {
            let _ = restored.skipped_lines();
            after_a_successful_parse(&sample(), &restored.backup);
        }
        // The file a raw export writes is never mistaken for a backup.
        prop_assert_eq!(parse_backup(dump.json.as_bytes(), &ImportLimits::default()).map(|_| ()).map_err(|e| e.code()), Err("raw_dump_file"));
    }
}

#[test]
fn every_prefix_of_a_valid_file_is_refused_without_panicking() {
    let file = valid_file();
    for end in 0..file.len() {
        let error = parse_backup(&file[..end], &ImportLimits::default())
            .expect_err("a cut file is refused");
        assert!(!error.to_string().is_empty());
    }
    assert!(parse_backup(&file, &ImportLimits::default()).is_ok());
}

#[test]
fn hostile_shapes_are_refused_without_panicking() {
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_object = "{\"a\":".repeat(50_000) + "1" + &"}".repeat(50_000);
    let huge_number = format!(
        "{{\"format\":\"so-tay-chi-bo-backup\",\"format_version\":{}}}",
        "9".repeat(400)
    );
    let negative = "{\"format\":\"so-tay-chi-bo-backup\",\"format_version\":-1}".to_owned();
    let many_members = {
        let members: Vec<String> = (0..20_000)
            .map(|n| format!("{{\"id\":\"m{}\"}}", n % 7))
            .collect();
        format!(
            "{{\"format\":\"so-tay-chi-bo-backup\",\"format_version\":1,\"app_version\":\"x\",\"exported_at\":\"2026-01-01T00:00:00Z\",\"scope\":{{\"kind\":\"all\"}},\"data\":{{\"chi_bo\":null,\"members\":[{}],\"meetings\":[],\"handbook_marks\":[],\"frameworks\":[],\"committee_pack\":null}}}}",
            members.join(",")
        )
    };
    let long_string = format!("\"{}\"", "ộ".repeat(2_000_000));
    let nul = "\u{0}".repeat(1000);
    let bom_only = "\u{feff}".to_owned();
    for input in [
        deep_array,
        deep_object,
        huge_number,
        negative,
        many_members,
        long_string,
        nul,
        bom_only,
    ] {
        let error = parse_backup(input.as_bytes(), &ImportLimits::default()).expect_err("refused");
        assert!(!error.to_string().is_empty());
    }
}

#[test]
fn the_size_limit_comes_first() {
    let big = vec![b' '; 10_000_001];
    let error = parse_backup(&big, &ImportLimits::default()).expect_err("refused");
    assert_eq!(error.code(), "too_large");
    assert_eq!(
        error.to_string(),
        "Tệp quá lớn (10,1 MB); tệp sao lưu chỉ được tối đa 10 MB. Có thể đã chọn nhầm tệp."
    );
    let _ = export_all(&sample(), exported_at(), "0.1.0");
}

#[test]
fn the_last_accepted_moment_goes_through_every_step_against_a_device_at_chrono_s_edge() {
    let mut value: Value = serde_json::from_slice(&valid_file()).expect("fixture is JSON");
    set_moments(
        &mut value,
        &mut std::iter::repeat("2100-12-31T23:59:59.999999999Z".to_owned()),
    );
    let mut current = sample_with_moments(&[DateTime::<Utc>::MAX_UTC]);
    current.members[0].name.push_str(" (đã sửa)");
    let backup = parse_backup_against(value.to_string().as_bytes(), &ImportLimits::default(), &current)
        .unwrap_or_else(|error| panic!("{error}"));
    after_a_successful_parse(&current, &backup);
    // The edited member is newer on the device (chrono's last moment): a conflict line
    // that shows both times.
    let planned = preview(&current, &backup.data);
    // (The version-4 sample's meeting, with its plan, differs from the version-2 file's too:
    // a second conflict, kept on the device as well.)
    assert!(planned.conflict_count() >= 1, "{:#?}", planned.summary_lines());
    assert!(
        planned.summary_lines().iter().any(|line| line.contains("(đã sửa) (bản trên máy sửa lúc 23:59 ngày 31/12/+262142")),
        "{:?}",
        planned.summary_lines()
    );
}
