//! Timing of the domain crate on generated data:
//!
//! ```text
//! cargo run -p sotay-domain --release --example bench
//! ```
//!
//! Data: a chi bộ of 40 members over 10 years (2016–2025), one meeting a month, the
//! quarter's last month a kết hợp meeting, random attendance (a few members exempt, some
//! leaving and joining), sheets filled in. Plain `Instant` loops; reports median and p95.

use std::hint::black_box;

use chrono::{DateTime, NaiveTime};
use sotay_domain::analytics::{year_attendance, year_summary};
use sotay_domain::builtin;
use sotay_domain::framework::Rule;
use sotay_domain::model::{AbsenceReason, Attendance, CriterionInput, PreviousTask};
use sotay_domain::scoring::score_own_sheet;
use sotay_domain::{Framework, Meeting, MeetingKind, Member};

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

fn roster(random: &mut Random) -> Vec<Member> {
    let now = DateTime::from_timestamp(1_760_000_000, 0).unwrap_or_default();
    (0..MEMBERS)
        .map(|n| {
            let mut member = Member::new(format!("m{n:02}"), format!("Đảng viên {n:02}"), now);
            give_random_history(&mut member, FIRST_YEAR, random);
            member
        })
        .collect()
}

fn meetings(framework: &Framework, roster: &[Member], random: &mut Random) -> Vec<Meeting> {
    let now = DateTime::from_timestamp(1_760_000_000, 0).unwrap_or_default();
    let mut meetings = Vec::new();
    for year in FIRST_YEAR..FIRST_YEAR + YEARS {
        for month in 1..=12 {
            let kind = if month % 3 == 0 {
                MeetingKind::KetHop
            } else {
                MeetingKind::ThuongKy
            };
            let mut meeting = Meeting::new_draft(
                format!("{year}-{month:02}"),
                date(year, month, 3),
                kind,
                framework.id.clone(),
                now,
            );
            meeting.start_time = NaiveTime::from_hms_opt(19, 0, 0);
            meeting.end_time = NaiveTime::from_hms_opt(20, 15 + random.below(45) as u32, 0);
            for member in roster {
                let attendance = match random.below(20) {
                    0 | 1 => Attendance::AbsentWithReason {
                        reason: AbsenceReason::Work,
                        reason_text: String::new(),
                    },
                    2 => Attendance::AbsentWithoutReason,
                    _ => Attendance::Present,
                };
                if attendance == Attendance::Present && random.below(2) == 0 {
                    meeting.speakers.push(member.id.clone());
                }
                meeting.set_attendance(&member.id, attendance);
            }
            meeting.agenda_done = framework
                .order_of_business
                .iter()
                .map(|item| item.id.clone())
                .collect();
            meeting.previous_tasks = (0..5 + random.below(6))
                .map(|n| PreviousTask {
                    id: format!("t{n}"),
                    what: "Nhiệm vụ".into(),
                    done: random.below(5) > 0,
                    result: String::new(),
                })
                .collect();
            for (_, criterion) in framework.criteria() {
                if criterion.rule == Rule::Tick {
                    let input = CriterionInput {
                        ticked: random.below(6) > 0,
                        ..CriterionInput::default()
                    };
                    meeting.own_sheet.inputs.insert(criterion.id.clone(), input);
                }
            }
            meetings.push(meeting);
        }
    }
    meetings
}

fn main() {
    let Some(framework) = builtin::by_id(builtin::AN_PHU_BINH_THUAN_ID) else {
        eprintln!("built-in framework missing");
        return;
    };
    let mut random = Random(0x5EED_CAFE_F00D_1234);
    let roster = roster(&mut random);
    let meetings = meetings(&framework, &roster, &mut random);
    let frameworks = [&framework];
    let Some(last) = meetings.last() else { return };

    println!(
        "Data: {} members, {} meetings over {YEARS} years.",
        roster.len(),
        meetings.len()
    );
    println!();
    println!("| operation | runs | median | p95 |");
    println!("|---|---|---|---|");
    report(
        "parse + validate a built-in framework (JSON)",
        200,
        measure(200, || {
            black_box(builtin::by_id(black_box(builtin::AN_PHU_BINH_THUAN_ID)));
        }),
    );
    report(
        "score one meeting (40 members, December: streak over 11 earlier meetings; all 120 meetings passed in)",
        2000,
        measure(2000, || {
            black_box(score_own_sheet(&framework, black_box(last), &roster, &meetings, &[]));
        }),
    );
    report(
        "attendance analytics, 10 years × 40 members (10 × year_attendance)",
        50,
        measure(50, || {
            for year in FIRST_YEAR..FIRST_YEAR + YEARS {
                black_box(year_attendance(year, &roster, black_box(&meetings)));
            }
        }),
    );
    report(
        "year summaries, 10 years × 40 members (10 × year_summary: scores all 120 meetings + analytics)",
        20,
        measure(20, || {
            for year in FIRST_YEAR..FIRST_YEAR + YEARS {
                black_box(year_summary(year, &roster, black_box(&meetings), &[], &frameworks, None));
            }
        }),
    );
    let summary = year_summary(
        FIRST_YEAR + YEARS - 1,
        &roster,
        &meetings,
        &[],
        &frameworks,
        None,
    );
    println!();
    println!("Sample ({}):", FIRST_YEAR + YEARS - 1);
    for line in summary.lines().iter().take(5) {
        println!("  {line}");
    }
}
