//! Every line of Vietnamese the domain can render from the built-in frameworks and the test
//! fixtures — score derivations, adjustments, notices and summaries; year warnings and
//! summary lines; import, framework, template and pack problems; preview and merge
//! questions; stored-data problems and raw-restore lines; the đảng ủy's attention lines and
//! results; the spreadsheets — pinned in `tests/golden/words.txt`: every distinct line,
//! sorted (the vocabulary, readable in a diff), under a fingerprint of the whole rendering
//! in order (which input gave which line: 56,000 lines, too many to keep in the repository).
//!
//! The redesign of issue 30 (facts in the engine, words in `text/`) must change no word a
//! user sees: this file is compared line by line. A change of wording on purpose rewrites
//! it in the same commit: `SOTAY_UPDATE_GOLDEN=1 cargo test -p sotay-domain --test golden_words`.

mod backup_support;

use std::fmt::Write as _;

use chrono::{NaiveDate, NaiveTime};
use sotay_domain::analytics::year_summary;
use sotay_domain::backup::{
    self, parse_backup, preview, read_storage, storage, Backup, Dataset, ImportLimits,
};
use sotay_domain::collection::{chi_bo_year, collect_file, overview, CollectedChiBo, Period};
use sotay_domain::text::sheets;
use sotay_domain::handbook::Pack;
use sotay_domain::model::{Attendance, CriterionInput, MeetingKind};
use sotay_domain::review::{year_evidence, DossierTemplate};
use sotay_domain::spreadsheet::to_csv;
use sotay_domain::{builtin, score_sheet, Decimal, Framework, Meeting, Timestamp};

const GOLDEN: &str = "tests/golden/words.txt";

fn at(text: &str) -> Timestamp {
    text.parse().expect("moment")
}

fn fixtures(dir: &str) -> Vec<(String, Vec<u8>)> {
    let root = backup_support::fixture_path(dir);
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .expect("fixture dir")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap()))
        .collect()
}

/// The accepted backups among the fixtures (migrations and the đảng ủy's files).
fn datasets() -> Vec<(String, Backup)> {
    let mut all = Vec::new();
    for dir in ["migrations", "dang-uy"] {
        for (name, bytes) in fixtures(dir) {
            if let Ok(backup) = parse_backup(&bytes, &ImportLimits::default()) {
                all.push((format!("{dir}/{name}"), backup));
            }
        }
    }
    all
}

struct Words {
    out: String,
}

impl Words {
    fn section(&mut self, title: &str) {
        let _ = writeln!(self.out, "\n## {title}");
    }

    fn line(&mut self, text: impl AsRef<str>) {
        for line in text.as_ref().lines() {
            let _ = writeln!(self.out, "{line}");
        }
    }
}

/// Variants of a meeting that reach the engine's other branches: each kind, no times, every
/// tick on and off, every first option picked, and an override on every criterion.
fn variants(meeting: &Meeting, framework: &Framework) -> Vec<(String, Meeting)> {
    let mut variants = vec![("as recorded".to_owned(), meeting.clone())];
    for kind in MeetingKind::ALL {
        let mut changed = meeting.clone();
        changed.kind = kind;
        variants.push((format!("kind {kind:?}"), changed));
    }
    let mut untimed = meeting.clone();
    untimed.start_time = None;
    untimed.end_time = None;
    variants.push(("no times".to_owned(), untimed));
    let mut short = meeting.clone();
    short.start_time = NaiveTime::from_hms_opt(19, 0, 0);
    short.end_time = NaiveTime::from_hms_opt(19, 40, 0);
    variants.push(("40 minutes".to_owned(), short));
    let mut everyone_absent = meeting.clone();
    for record in &mut everyone_absent.attendance {
        record.attendance = Attendance::AbsentWithoutReason;
    }
    variants.push(("everyone absent without reason".to_owned(), everyone_absent));
    let mut filled = meeting.clone();
    let mut emptied = meeting.clone();
    let mut overridden = meeting.clone();
    filled.own_sheet.framework_id = framework.id.clone();
    emptied.own_sheet.framework_id = framework.id.clone();
    overridden.own_sheet.framework_id = framework.id.clone();
    emptied.own_sheet.inputs.clear();
    for (_, criterion) in framework.criteria() {
        let picked = match &criterion.rule {
            sotay_domain::framework::Rule::PickOne { options } => options.first().map(|option| option.id.clone()),
            _ => None,
        };
        filled.own_sheet.inputs.insert(criterion.id.clone(), CriterionInput { ticked: true, picked, ..CriterionInput::default() });
        overridden.own_sheet.inputs.insert(
            criterion.id.clone(),
            CriterionInput { override_points: Some(criterion.max_points + Decimal::from_int(1)), ..CriterionInput::default() },
        );
    }
    variants.push(("every tick and first option".to_owned(), filled));
    variants.push(("nothing entered".to_owned(), emptied));
    variants.push(("every criterion overridden above its maximum".to_owned(), overridden));
    variants
}

fn scores(words: &mut Words, data: &Dataset, frameworks: &[Framework]) {
    for meeting in &data.meetings {
        for framework in frameworks {
            for (variant, changed) in variants(meeting, framework) {
                let sheet = if changed.own_sheet.framework_id == framework.id { changed.own_sheet.clone() } else { Default::default() };
                let score = score_sheet(framework, &changed, &sheet, &data.members, &data.meetings, &data.plans);
                words.line(format!("- {} / {} / {variant}: {}", meeting.id, framework.id, score.summary()));
                for criterion in &score.criteria {
                    words.line(format!("  {} {}: {}", criterion.criterion_id, criterion.label, criterion.derivation));
                }
                for adjustment in &score.adjustments {
                    words.line(format!("  điều chỉnh: {adjustment}"));
                }
                for notice in &score.notices {
                    words.line(format!("  lưu ý: {notice}"));
                }
            }
        }
    }
}

fn all_frameworks(data: &Dataset) -> Vec<Framework> {
    let mut frameworks = builtin::all();
    frameworks.extend(data.frameworks.iter().map(|custom| custom.framework.clone()));
    frameworks
}

fn years_of(data: &Dataset) -> Vec<i32> {
    let mut years: Vec<i32> = data.meetings.iter().map(|m| chrono::Datelike::year(&m.date)).collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The year of the dataset's dues book (none for the fixtures that keep none), counted with
/// its committee's rule or the built-in one, as the year summary shows it.
fn year_dues_of(data: &Dataset, year: i32) -> Option<sotay_domain::dues::YearDues> {
    let builtin = sotay_domain::dues::builtin_rules()?;
    let rules = data.dues_rules.as_ref().map_or(&builtin, |custom| &custom.rules);
    let book = sotay_domain::dues::DuesBook { profiles: &data.dues_profiles, payments: &data.dues_payments, rules };
    sotay_domain::dues::year_dues(year, NaiveDate::from_ymd_opt(year, 12, 31), &data.members, &book)
}

fn year_words(words: &mut Words, data: &Dataset, frameworks: &[Framework]) {
    let refs: Vec<&Framework> = frameworks.iter().collect();
    for year in years_of(data) {
        let dues = year_dues_of(data, year);
        let summary = year_summary(year, &data.members, &data.meetings, &data.plans, &refs, NaiveDate::from_ymd_opt(year, 12, 31))
            .with_dues(dues.clone());
        words.line(format!("- năm {year}"));
        for line in summary.lines() {
            words.line(format!("  {line}"));
        }
        for member in &summary.attendance.members {
            words.line(format!("  {}: {}", member.name, member.rate_text()));
        }
        for warning in &summary.attendance.warnings {
            words.line(format!("  cảnh báo: {}", warning.message()));
        }
        let evidence = year_evidence(year, &data.members, &data.meetings, &data.plans, &refs, NaiveDate::from_ymd_opt(year, 12, 31))
            .with_dues(dues);
        words.line(to_csv(&sotay_domain::text::sheets::year_summary_sheet(&evidence)));
        words.line(to_csv(&sotay_domain::text::sheets::attendance_sheet(&evidence)));
    }
}

fn import_problems(words: &mut Words) {
    for (name, bytes) in fixtures("import") {
        let limits = if name.contains("too-large") { ImportLimits { max_bytes: 1000 } } else { ImportLimits::default() };
        match parse_backup(&bytes, &limits) {
            Ok(backup) => words.line(format!("- {name}: {}", backup.description())),
            Err(error) => {
                words.line(format!("- {name}: {error}"));
                for line in error.lines() {
                    words.line(format!("  {line}"));
                }
            }
        }
    }
}

fn rule_set_problems(words: &mut Words) {
    let framework_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&framework_dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match Framework::from_json(&text) {
            Ok(framework) => words.line(format!("- {name}: {}", sotay_domain::text::framework_provenance(&framework).join(" | "))),
            Err(error) => words.line(format!("- {name}: {error}")),
        }
        match DossierTemplate::from_json(&text) {
            Ok(template) => words.line(format!("- {name} (mẫu): {}", template.name)),
            Err(error) => words.line(format!("- {name} (mẫu): {error}")),
        }
    }
    for framework in builtin::all() {
        words.line(format!("- {}: {}", framework.id, sotay_domain::text::framework_provenance(&framework).join(" | ")));
        for problem in framework.problems() {
            words.line(format!("  {problem:?}"));
        }
    }
    let handbook_dir = framework_dir.join("handbook");
    let mut packs: Vec<_> = std::fs::read_dir(&handbook_dir).unwrap().map(|e| e.unwrap().path()).collect();
    packs.sort();
    for path in packs {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match Pack::from_json(&std::fs::read_to_string(&path).unwrap()) {
            Ok(pack) => words.line(format!("- {name}: {}", pack.info().line())),
            Err(error) => words.line(format!("- {name}: {error}")),
        }
    }
}

fn previews(words: &mut Words, all: &[(String, Backup)]) {
    for (name_a, a) in all {
        for (name_b, b) in all {
            if name_a == name_b {
                continue;
            }
            let seen = preview(&a.data, &b.data);
            if seen.merge_changes_nothing() && seen.conflict_count() == 0 {
                continue;
            }
            words.line(format!("- {name_a} ← {name_b}"));
            for line in seen.summary_lines() {
                words.line(format!("  gộp: {line}"));
            }
            for line in seen.replace_summary_lines() {
                words.line(format!("  thay: {line}"));
            }
            if let Some(question) = seen.merge_delete_question() {
                words.line(format!("  hỏi khi gộp: {question}"));
            }
            if let Some(question) = seen.replace_delete_question() {
                words.line(format!("  hỏi khi thay: {question}"));
            }
        }
    }
}

fn stored_problems(words: &mut Words, all: &[(String, Backup)]) {
    for (name, backup) in all {
        let mut entries: Vec<(String, String)> = storage::entries(&backup.data).into_iter().collect();
        // Damage a few keys the ways a phone's storage gets damaged.
        if let Some((_, text)) = entries.iter_mut().find(|(key, _)| key.starts_with("sotay.meeting.")) {
            text.truncate(text.len() / 2);
        }
        if let Some((_, text)) = entries.iter_mut().find(|(key, _)| key.starts_with("sotay.member.")) {
            *text = text.replacen("\"name\"", "\"ten\"", 1);
        }
        entries.push(("sotay.meeting.khac-ma".into(), "{\"id\": \"ma-khac\"}".into()));
        entries.push(("sotay.framework.hong".into(), "{\"updated_at\": \"2026-01-01T00:00:00Z\", \"framework\": {}}".into()));
        match read_storage(&entries) {
            Ok(stored) => {
                words.line(format!("- {name}"));
                for report in stored.unreadable() {
                    words.line(format!("  {}: {}", report.key, report.problem.as_ref().map(ToString::to_string).unwrap_or_default()));
                }
                let dump = sotay_domain::text::backup::raw_dump(&entries, at("2026-12-05T00:00:00Z"), "golden");
                for line in dump.summary_lines() {
                    words.line(format!("  {line}"));
                }
                if let Ok(restored) = backup::restore_raw(dump.json.as_bytes(), &ImportLimits::default(), &Dataset::default()) {
                    for line in restored.skipped_lines() {
                        words.line(format!("  {line}"));
                    }
                    words.line(format!("  {}", restored.backup.description()));
                }
            }
            Err(error) => words.line(format!("- {name}: {error}")),
        }
    }
}

fn collection(words: &mut Words) {
    let mut held: Vec<CollectedChiBo> = Vec::new();
    for (name, bytes) in fixtures("dang-uy") {
        let outcome = collect_file(&held, &name, &bytes, at("2026-12-01T03:00:00Z"));
        let chi_bo_name = outcome.chi_bo.as_ref().map(|(_, name)| name.clone()).unwrap_or_default();
        words.line(format!("- {name}: {}", sotay_domain::text::collection::collect_result(&outcome.result, &chi_bo_name)));
        if let sotay_domain::collection::CollectResult::Refused(sotay_domain::collection::Refusal::Invalid(error)) = &outcome.result {
            for line in error.lines() {
                words.line(format!("  {line}"));
            }
        }
        if let Some(entry) = outcome.entry {
            held.retain(|h| h.chi_bo_id != entry.chi_bo_id);
            held.push(entry);
        }
    }
    let builtins = builtin::all();
    let years: Vec<_> = held.iter().map(|entry| chi_bo_year(entry, &builtins, 2026, at("2026-12-01T03:00:00Z"))).collect();
    for period in [Period::Month(11), Period::Month(3), Period::Quarter(4), Period::Quarter(1)] {
        let seen = overview(&years, 2026, period);
        words.line(format!("- {period:?}"));
        for line in &seen.attention {
            words.line(format!("  {}:", line.name));
            for reason in &line.reasons {
                words.line(format!("    {}", sotay_domain::text::collection::attention(reason)));
            }
        }
    }
    for year in &years {
        words.line(format!("- chuẩn bị: {}", year.name));
        for line in year.preparation.iter().flat_map(|month| &month.lines) {
            words.line(format!("  {}", sotay_domain::text::collection::preparation_line(line)));
        }
    }
    words.line(to_csv(&sheets::year_table(&years)));
}

fn render() -> String {
    let mut words = Words { out: String::from("# Every line the domain renders from the built-in frameworks and the test fixtures (tests/golden_words.rs)\n") };
    let all = datasets();
    for (name, backup) in &all {
        words.section(&format!("Điểm: {name}"));
        scores(&mut words, &backup.data, &all_frameworks(&backup.data));
        words.section(&format!("Năm: {name}"));
        year_words(&mut words, &backup.data, &all_frameworks(&backup.data));
        words.section(&format!("Tệp: {name}"));
        words.line(backup.description());
    }
    words.section("Lỗi nhập tệp");
    import_problems(&mut words);
    words.section("Khung, mẫu, gói nội dung");
    rule_set_problems(&mut words);
    words.section("Xem trước khi gộp, thay");
    previews(&mut words, &all);
    words.section("Dữ liệu hỏng trên máy");
    stored_problems(&mut words, &all);
    words.section("Tổng hợp của đảng ủy");
    collection(&mut words);
    words.out
}

/// FNV-1a, 64 bits: a fingerprint of the whole rendering.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// The file as pinned: the fingerprint line, then the distinct lines sorted.
fn pinned_form(rendered: &str) -> String {
    let distinct: std::collections::BTreeSet<&str> = rendered.lines().collect();
    let mut out = format!("# fingerprint {:016x} of {} lines in order (tests/golden_words.rs); the distinct lines:\n", fingerprint(rendered), rendered.lines().count());
    for line in distinct {
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[test]
fn the_words_a_user_sees_are_those_pinned() {
    let rendered = pinned_form(&render());
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN);
    if std::env::var_os("SOTAY_UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &rendered).unwrap();
        return;
    }
    let pinned = std::fs::read_to_string(&path).expect("tests/golden/words.txt (SOTAY_UPDATE_GOLDEN=1 writes it)");
    if pinned != rendered {
        let was: std::collections::BTreeSet<&str> = pinned.lines().skip(1).collect();
        let now: std::collections::BTreeSet<&str> = rendered.lines().skip(1).collect();
        let gone: Vec<&&str> = was.difference(&now).take(15).collect();
        let new: Vec<&&str> = now.difference(&was).take(15).collect();
        panic!(
            "the words changed.\n{}\n{}\nlines no longer rendered: {gone:#?}\nlines now rendered: {new:#?}\n(same lines but another fingerprint: a line moved to another input.) If on purpose: SOTAY_UPDATE_GOLDEN=1",
            pinned.lines().next().unwrap_or_default(),
            rendered.lines().next().unwrap_or_default(),
        );
    }
}
