//! Timing of backups on a 10-year dataset:
//!
//! ```text
//! cargo run -p sotay-domain --release --example backup_bench
//! ```
//!
//! Data: a chi bộ of 40 members over 10 years (2016–2025), one meeting a month (120),
//! each with the full roll call, about 15 speakers, 3–5 tasks carried over and assigned,
//! a resolution and 1–2 KB of minutes notes in Vietnamese, the score sheet filled in (and
//! the superior committee's sheet in one meeting of three); 30 handbook notes, one
//! committee framework and the built-in handbook pack loaded as a committee pack.
//! Prints a Markdown section for BENCHMARKS.md ("Backup import/export (native)").
//!
//! With `-- --write-files DIR` it only writes the generated backups instead, as
//! `DIR/ten-years.json` and `DIR/other-phone.json`: the web benchmark (tests/bench/bench.mjs)
//! feeds them through the app's Dữ liệu screen; and the 90 chi bộ files of the đảng ủy's
//! collection under `DIR/collection/`.

use std::hint::black_box;
use std::io::Write;
use std::process::{Command, Stdio};

use chrono::{DateTime, NaiveTime};
use sotay_domain::backup::{
    self, export_all, merge, parse_backup, preview, storage, CommitteePack, CustomFramework,
    Dataset, ImportLimits,
};
use sotay_domain::builtin;
use sotay_domain::framework::Rule;
use sotay_domain::handbook;
use sotay_domain::model::{
    AbsenceReason, Attendance, AttendanceRecord, ChiBo, ChiBoKind, CriterionInput,
    Guest, HandbookMark, MeetingStatus, MemberRole, NextTask, PreviousTask, ScoreSheet, VoteTally,
};
use sotay_domain::{Framework, Meeting, MeetingKind, Member, Timestamp};

#[path = "support/random.rs"]
mod random;
#[path = "support/members.rs"]
mod members;
#[path = "support/timing.rs"]
mod timing;
use random::Random;
use members::{date, give_random_history};
use timing::{measure, report};

const MEMBERS: usize = 40;
const FIRST_YEAR: i32 = 2016;
const YEARS: i32 = 10;

const WORDS: &[&str] = &[
    "chi bộ",
    "đảng viên",
    "nghị quyết",
    "thực hiện",
    "nhiệm vụ",
    "thôn",
    "vận động",
    "nhân dân",
    "đóng góp",
    "xây dựng",
    "nông thôn mới",
    "an ninh",
    "trật tự",
    "đường liên xóm",
    "vệ sinh",
    "môi trường",
    "học tập",
    "làm theo",
    "tư tưởng",
    "đạo đức",
    "phong cách",
    "Hồ Chí Minh",
    "phê bình",
    "tự phê bình",
    "biểu dương",
    "nhắc nhở",
    "kết quả",
    "tháng trước",
    "đề nghị",
    "thống nhất",
    "hộ gia đình",
    "chi hội",
    "phụ nữ",
    "cựu chiến binh",
    "đoàn thanh niên",
    "kinh tế",
    "sản xuất",
    "lúa",
    "mùa vụ",
    "phòng chống",
    "thiên tai",
    "đảng phí",
    "sinh hoạt",
    "chuyên đề",
];

fn sentence(random: &mut Random, words: usize) -> String {
    let mut text = String::new();
    for n in 0..words {
        if n > 0 {
            text.push(' ');
        }
        text.push_str(WORDS[random.below(WORDS.len() as u64) as usize]);
    }
    text.push('.');
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn paragraph(random: &mut Random, bytes: usize) -> String {
    let mut text = String::new();
    while text.len() < bytes {
        if !text.is_empty() {
            text.push(if random.below(4) == 0 { '\n' } else { ' ' });
        }
        let words = 6 + random.below(10) as usize;
        text.push_str(&sentence(random, words));
    }
    text
}

fn moment(seconds: i64) -> Timestamp {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
];
const MIDDLE: &[&str] = &["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang"];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dung", "Em", "Giang", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam",
    "Phúc", "Quý", "Sơn", "Tâm", "Thảo", "Tuấn", "Vân", "Xuân",
];

fn roster(random: &mut Random) -> Vec<Member> {
    (0..MEMBERS)
        .map(|n| {
            let name = format!(
                "{} {} {}",
                SURNAMES[random.below(SURNAMES.len() as u64) as usize],
                MIDDLE[random.below(MIDDLE.len() as u64) as usize],
                GIVEN[random.below(GIVEN.len() as u64) as usize]
            );
            let mut member = Member::new(
                format!("member-{n:032x}"),
                name,
                moment(1_450_000_000 + n as i64 * 3600),
            );
            member.role = match n {
                0 => MemberRole::BiThu,
                1 => MemberRole::PhoBiThu,
                2 | 3 => MemberRole::ChiUyVien,
                _ => MemberRole::DangVien,
            };
            give_random_history(&mut member, FIRST_YEAR, random);
            member
        })
        .collect()
}

fn meetings(framework: &Framework, roster: &[Member], random: &mut Random) -> Vec<Meeting> {
    let mut meetings = Vec::new();
    for year in FIRST_YEAR..FIRST_YEAR + YEARS {
        for month in 1..=12u32 {
            let day = date(year, month, 3);
            let kind = if month % 3 == 0 {
                MeetingKind::KetHop
            } else {
                MeetingKind::ThuongKy
            };
            let updated = moment(
                day.and_hms_opt(14, 0, 0)
                    .map(|at| at.and_utc().timestamp())
                    .unwrap_or_default()
                    + 86_400,
            );
            let mut meeting = Meeting::new_draft(
                format!("meeting-{year}-{month:02}-{:016x}", random.below(u64::MAX)),
                day,
                kind,
                &framework.id,
                updated,
            );
            meeting.start_time = NaiveTime::from_hms_opt(19, 0, 0);
            meeting.end_time = NaiveTime::from_hms_opt(20 + random.below(2) as u32, 30, 0);
            meeting.place = "Nhà văn hóa thôn Đông Tâm".into();
            meeting.chair_id = Some(roster[0].id.clone());
            meeting.secretary_id = Some(roster[1].id.clone());
            meeting.guests.push(Guest {
                name: "Võ Minh Tuấn".into(),
                role: "Đảng ủy viên phụ trách chi bộ".into(),
                from_superior_committee: true,
            });
            for member in roster.iter().filter(|m| m.is_active_on(day)) {
                let attendance = if member.is_exempt_on(day) {
                    Attendance::Exempt
                } else {
                    match random.below(20) {
                        0 | 1 => Attendance::AbsentWithReason {
                            reason: AbsenceReason::Work,
                            reason_text: "đi làm ăn xa".into(),
                        },
                        2 => Attendance::AbsentWithoutReason,
                        _ => Attendance::Present,
                    }
                };
                if attendance == Attendance::Present && random.below(5) < 2 {
                    meeting.speakers.push(member.id.clone());
                }
                meeting.attendance.push(AttendanceRecord {
                    member_id: member.id.clone(),
                    attendance,
                });
            }
            meeting.agenda_done = framework
                .order_of_business
                .iter()
                .map(|item| item.id.clone())
                .collect();
            for n in 0..3 + random.below(3) {
                meeting.previous_tasks.push(PreviousTask {
                    id: format!("task-{year}-{month}-{n}"),
                    what: sentence(random, 8),
                    done: random.below(5) > 0,
                    result: sentence(random, 6),
                });
                meeting.next_tasks.push(NextTask {
                    id: format!("task-{year}-{}-{n}", month + 1),
                    who: roster[random.below(MEMBERS as u64) as usize].id.clone(),
                    what: sentence(random, 10),
                    deadline: Some(day + chrono::Days::new(25)),
                });
            }
            meeting.resolution = paragraph(random, 300);
            meeting.vote = VoteTally {
                in_favour: 30,
                against: 0,
                abstain: 0,
            };
            let notes_bytes = 1000 + random.below(1000) as usize;
            meeting.notes = paragraph(random, notes_bytes);
            let mut sheet = ScoreSheet::new(&framework.id);
            for (_, criterion) in framework.criteria() {
                let mut input = CriterionInput {
                    ticked: random.below(5) > 0,
                    ..Default::default()
                };
                if let Rule::PickOne { options } = &criterion.rule {
                    input.picked = options.first().map(|option| option.id.clone());
                }
                sheet.inputs.insert(criterion.id.clone(), input);
            }
            if random.below(3) == 0 {
                meeting.superior_sheet = Some(ScoreSheet {
                    scored_by: "Võ Minh Tuấn".into(),
                    ..sheet.clone()
                });
            }
            meeting.own_sheet = sheet;
            meeting.status = MeetingStatus::Finalised;
            meetings.push(meeting);
        }
    }
    meetings
}

fn dataset() -> Dataset {
    let mut random = Random(0x5EED_CAFE_F00D_1234);
    let framework =
        builtin::by_id(builtin::AN_PHU_BINH_THUAN_ID).unwrap_or_else(|| builtin::all().remove(0));
    let roster = roster(&mut random);
    let meetings = meetings(&framework, &roster, &mut random);
    let mut custom = framework.clone();
    custom.id = "dang-uy-xa-an-phu-2026".into();
    custom.name = "Khung điểm của Đảng ủy xã An Phú".into();
    let marks = (0..30)
        .map(|n| HandbookMark {
            item_id: format!("item-{n}"),
            bookmarked: n % 2 == 0,
            note: if n % 3 == 0 {
                sentence(&mut random, 20)
            } else {
                String::new()
            },
            updated_at: moment(1_700_000_000 + n * 3600),
        })
        .collect();
    Dataset {
        chi_bo: Some(ChiBo {
            id: "chibo-dong-tam".into(),
            name: "Chi bộ thôn Đông Tâm".into(),
            kind: ChiBoKind::Thon,
            superior_committee: "Đảng ủy xã An Phú".into(),
            place_name: String::new(),
            usual_meeting_day: 3,
            framework_id: framework.id.clone(),
            updated_at: moment(1_450_000_000),
        }),
        members: roster,
        // One year-end review per year of meetings, each with its four sections written.
        reviews: year_reviews(&meetings),
        // Meeting plans are not generated yet: BENCHMARKS.md's figures are without them.
        plans: Vec::new(),
        meetings,
        marks,
        templates: Vec::new(),
        dues_rules: None,
        dues_profiles: Vec::new(),
        dues_payments: Vec::new(),
        frameworks: vec![CustomFramework {
            updated_at: moment(1_700_000_000),
            framework: custom,
        }],
        committee_pack: Some(CommitteePack {
            updated_at: moment(1_700_000_000),
            pack: handbook::builtin::pack(),
        }),
        deletions: Vec::new(),
    }
}

/// The same data as another phone would have it: 12 meetings edited later, 12 edited
/// earlier (conflicts), 12 new ones, 4 members edited later.
fn other_phone(data: &Dataset) -> Dataset {
    let mut other = data.clone();
    for (n, meeting) in other.meetings.iter_mut().enumerate() {
        match n % 10 {
            0 => {
                meeting.notes.push_str(" Bổ sung.");
                meeting.updated_at += chrono::Duration::hours(2);
            }
            1 => {
                meeting.notes.push_str(" Sửa cũ.");
                meeting.updated_at -= chrono::Duration::hours(2);
            }
            _ => {}
        }
    }
    let extra: Vec<Meeting> = other.meetings[..12]
        .iter()
        .map(|meeting| Meeting {
            id: format!("{}-new", meeting.id),
            ..meeting.clone()
        })
        .collect();
    other.meetings.extend(extra);
    for member in other.members.iter_mut().take(4) {
        member.name.push_str(" (sửa)");
        member.updated_at += chrono::Duration::hours(1);
    }
    other
}

/// `gzip -9` size of `bytes` (the bench shells out rather than adding a dependency).
fn gzip_size(bytes: &[u8]) -> Option<usize> {
    let mut child = Command::new("gzip")
        .arg("-9")
        .arg("-c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    Some(output.stdout.len())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split(':').nth(1))
                .map(|model| model.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// How many chi bộ files the collection gets: the number after `--chi-bo`, else 90.
fn collection_size() -> usize {
    let mut args = std::env::args().skip_while(|arg| arg != "--chi-bo");
    args.next();
    args.next().and_then(|count| count.parse().ok()).unwrap_or(90)
}

/// The directory after `--write-files`, if given.
fn files_dir_argument() -> Option<std::path::PathBuf> {
    let mut args = std::env::args().skip_while(|arg| arg != "--write-files");
    args.next()?;
    args.next().map(Into::into)
}

fn write_files(dir: &std::path::Path, ten_years: &str, other_phone: &str, data: &Dataset, now: Timestamp) {
    let written = std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(dir.join("ten-years.json"), ten_years))
        .and_then(|()| std::fs::write(dir.join("other-phone.json"), other_phone))
        .and_then(|()| write_collection(&dir.join("collection"), data, now));
    if let Err(error) = written {
        eprintln!("could not write the backups into {}: {error}", dir.display());
        std::process::exit(1);
    }
}

/// The đảng ủy's bench: 90 chi bộ files (`--chi-bo N` for another count, e.g. 300 for a
/// city committee), `DIR/collection/chi-bo-NNN.json`, the 10-year chi bộ under as many ids
/// and names; chi bộ 0–9 send ten years, the others 2025 only.
fn write_collection(dir: &std::path::Path, data: &Dataset, now: Timestamp) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for n in 0..collection_size() {
        let mut one = data.clone();
        if let Some(chi_bo) = one.chi_bo.as_mut() {
            chi_bo.id = format!("chibo-{n:03}");
            chi_bo.name = format!("Chi bộ thôn số {}", n + 1);
        }
        let file = if n < 10 { export_all(&one, now, "0.1.0") } else { backup::export_year(&one, 2025, now, "0.1.0") };
        std::fs::write(dir.join(format!("chi-bo-{n:03}.json")), file.to_json())?;
    }
    Ok(())
}

fn main() {
    let data = dataset();
    let now = moment(1_779_282_900);
    let backup = export_all(&data, now, "0.1.0");
    let json = backup.to_json();
    let compact = serde_json::to_string(
        &serde_json::from_str::<serde_json::Value>(&json).unwrap_or_default(),
    )
    .unwrap_or_default();
    let year = backup::export_year(&data, 2025, now, "0.1.0").to_json();
    let other = other_phone(&data);
    let other_file = export_all(&other, now, "0.1.0").to_json();
    if let Some(dir) = files_dir_argument() {
        write_files(&dir, &json, &other_file, &data, now);
        return;
    }
    let incoming = match parse_backup(other_file.as_bytes(), &ImportLimits::default()) {
        Ok(backup) => backup.data,
        Err(error) => {
            eprintln!("the generated file is refused: {error}");
            return;
        }
    };
    let entries: Vec<(String, String)> = storage::entries(&data).into_iter().collect();
    let stored_bytes: usize = entries
        .iter()
        .map(|(key, text)| key.len() + text.len())
        .sum();
    let pack_bytes = data
        .committee_pack
        .as_ref()
        .map_or(0, |pack| pack.pack.to_json_pretty().len());
    let threads = std::thread::available_parallelism().map_or(0, |n| n.get());

    println!("## Backup import/export (native)");
    println!();
    println!("Timing and size of the backup file (`sotay_domain::backup`) on a 10-year dataset. Rerun with:");
    println!();
    println!("```");
    println!("cargo run -p sotay-domain --release --example backup_bench");
    println!("```");
    println!();
    println!(
        "The bench (`domain/examples/backup_bench.rs`) generates a chi bộ of {} members over {YEARS} years \
         ({FIRST_YEAR}–{}): {} meetings, one a month, each with the full roll call, about 15 speakers, 3–5 tasks \
         carried over and assigned, a resolution of about 300 bytes and 1–2 KB of minutes notes in Vietnamese, \
         the score sheet filled in (the superior committee's too in one meeting of three); 30 handbook notes, one \
         committee framework, and the built-in handbook pack ({}) loaded as a committee pack. \"Another phone\" \
         has 12 meetings edited later, 12 edited earlier (conflicts), 12 new meetings and 4 members edited later. \
         Plain `std::time::Instant` loops; median and p95 of the runs.",
        data.members.len(),
        FIRST_YEAR + YEARS - 1,
        data.meetings.len(),
        kb(pack_bytes)
    );
    println!();
    println!(
        "Machine: {threads} cores (`nproc` = {threads}), CPU \"{}\" (`/proc/cpuinfo` model name), shared with other \
         builds while measuring; the workspace release profile (`opt-level = \"z\"`, LTO, one codegen unit), i.e. \
         optimised for size as the app ships, not for speed.",
        cpu_model()
    );
    println!();
    println!("| file | bytes | gzip -9 |");
    println!("|---|---|---|");
    let gz = |text: &str| gzip_size(text.as_bytes()).map_or_else(|| "–".to_owned(), kb);
    println!(
        "| full backup, as written (indented JSON) | {} | {} |",
        kb(json.len()),
        gz(&json)
    );
    println!(
        "| the same without indentation (for comparison) | {} | {} |",
        kb(compact.len()),
        gz(&compact)
    );
    println!(
        "| one year's backup (2025: 12 meetings) | {} | {} |",
        kb(year.len()),
        gz(&year)
    );
    println!(
        "| the same data in browser storage (keys + texts, {} keys) | {} | – |",
        entries.len(),
        kb(stored_bytes)
    );
    println!();
    println!("| operation | runs | median | p95 |");
    println!("|---|---|---|---|");
    report(
        "export: build the backup and write its JSON (`export_all(…).to_json()`)",
        50,
        measure(50, || {
            black_box(export_all(black_box(&data), now, "0.1.0").to_json());
        }),
    );
    report(
        "import: parse + validate the whole file (`parse_backup`)",
        50,
        measure(50, || {
            black_box(
                parse_backup(black_box(other_file.as_bytes()), &ImportLimits::default()).is_ok(),
            );
        }),
    );
    report(
        "preview against the device (`preview`)",
        200,
        measure(200, || {
            black_box(preview(black_box(&data), black_box(&incoming)));
        }),
    );
    report(
        "preview summary lines (`summary_lines`)",
        200,
        measure(200, || {
            black_box(preview(&data, &incoming).summary_lines());
        }),
    );
    report(
        "merge (`merge`)",
        200,
        measure(200, || {
            black_box(merge(black_box(&data), black_box(&incoming)));
        }),
    );
    let merged = merge(&data, &incoming);
    report(
        "storage writes after the merge (`storage::changes`)",
        50,
        measure(50, || {
            black_box(storage::changes(black_box(&data), black_box(&merged)));
        }),
    );
    report(
        "start-up read of the stored layout (`read_storage`)",
        50,
        measure(50, || {
            black_box(backup::read_storage(black_box(&entries)).is_ok());
        }),
    );
    let summary = preview(&data, &incoming).summary_lines();
    eprintln!("{}", summary.join("\n"));
    eprintln!(
        "{} meetings after the merge; {} keys written",
        merged.meetings.len(),
        storage::changes(&data, &merged).writes.len()
    );
}

fn year_reviews(meetings: &[Meeting]) -> Vec<sotay_domain::review::YearReview> {
    use chrono::Datelike;
    let years: std::collections::BTreeSet<i32> = meetings.iter().map(|m| m.date.year()).collect();
    years
        .into_iter()
        .map(|year| {
            let template = sotay_domain::review::DossierTemplate::builtin();
            let mut review =
                sotay_domain::review::YearReview::new(year, &template.id, moment(1_700_000_000));
            for section in &template.sections {
                review.set_section(&section.id, &"Chi bộ đã lãnh đạo thực hiện tốt nhiệm vụ. ".repeat(20));
            }
            review.proposed_level = Some(sotay_domain::review::ReviewLevel::HoanThanhTot);
            review
        })
        .collect()
}
