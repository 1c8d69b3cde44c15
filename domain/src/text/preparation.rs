//! A meeting plan's words: the notice to members, the calendar entry, the preparation
//! criteria's derivations and the labels of the plan's values, made from the facts of
//! [`crate::preparation`].

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

use super::format::*;
use super::labels::meeting_kind;
use crate::model::{ChiBo, MeetingKind, Timestamp};
use crate::preparation::ics::{self, Alarm, Before, CalendarEvent};
use crate::preparation::{
    calendar_uid, event_time, notice_facts, ContentFrom, MeetingPlan, NoticeFacts, PlanMonth, PreparationDerivation,
    Reading, SentFact, SentHow, Sending,
};

/// "thứ Ba", "Chủ nhật".
pub fn weekday(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "thứ Hai",
        Weekday::Tue => "thứ Ba",
        Weekday::Wed => "thứ Tư",
        Weekday::Thu => "thứ Năm",
        Weekday::Fri => "thứ Sáu",
        Weekday::Sat => "thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

/// "tháng 3/2026".
pub fn plan_month(month: PlanMonth) -> String {
    format!("tháng {}/{}", month.month, month.year)
}

/// How a sending was recorded.
pub fn sent_how(how: SentHow) -> &'static str {
    match how {
        SentHow::ShareSheet => "Đã chia sẻ từ điện thoại",
        SentHow::MarkedByUser => "Đánh dấu đã gửi",
    }
}

/// Where a content item came from.
pub fn content_from(from: ContentFrom) -> &'static str {
    match from {
        ContentFrom::Step => "Trình tự sinh hoạt",
        ContentFrom::CarriedTask => "Nhiệm vụ của nghị quyết kỳ trước",
        ContentFrom::Topic => "Chuyên đề",
        ContentFrom::Added => "Chi ủy bổ sung",
    }
}

/// A document to read first.
pub fn reading(document: Reading) -> &'static str {
    match document {
        Reading::Outline => "đề cương gợi ý thảo luận",
        Reading::DraftResolution => "dự thảo nghị quyết, kết luận",
    }
}

/// The meeting's title: "Sinh hoạt thường kỳ tháng 3/2026".
pub fn meeting_title(kind: MeetingKind, month: PlanMonth) -> String {
    format!("{} {}", meeting_kind(kind), plan_month(month))
}

/// "19:30 – 21:00, thứ Ba ngày 03/03/2026"; without times just the day.
fn when(date: NaiveDate, start: Option<NaiveTime>, end: Option<NaiveTime>) -> String {
    let day = format!("{} ngày {}", weekday(date), super::format::date(date));
    match (start, end) {
        (Some(start), Some(end)) => format!("{} – {}, {day}", time(start), time(end)),
        (Some(start), None) => format!("{}, {day}", time(start)),
        _ => day,
    }
}

/// The notice to members (and to the superior committee member), one line per part:
/// who calls what, when, where, the chuyên đề, the content, what to read first.
pub fn notice(facts: &NoticeFacts) -> String {
    let mut lines = vec![
        format!("{} thông báo: {}.", facts.chi_bo.trim(), meeting_title(facts.kind, facts.month)),
        format!("Thời gian: {}.", when(facts.date, facts.start, facts.end)),
    ];
    if !facts.place.is_empty() {
        lines.push(format!("Địa điểm: {}.", facts.place));
    }
    if !facts.topic.is_empty() {
        lines.push(format!("Chuyên đề: {}.", facts.topic));
    }
    if !facts.content.is_empty() {
        lines.push("Nội dung:".to_owned());
        lines.extend(facts.content.iter().enumerate().map(|(index, item)| format!("{}. {item}", index + 1)));
    }
    if !facts.to_read.is_empty() {
        let documents: Vec<&str> = facts.to_read.iter().map(|document| reading(*document)).collect();
        lines.push(format!("Đề nghị các đồng chí đọc trước: {}.", documents.join("; ")));
    }
    lines.join("\n")
}

/// "Đã gửi lúc 19:05 ngày 01/03/2026 (đã chia sẻ từ điện thoại)".
pub fn sent_line(sending: Sending) -> String {
    // Written out in lower case: `to_lowercase` would bring Unicode's case tables into the wasm.
    let how = match sending.how {
        SentHow::ShareSheet => "đã chia sẻ từ điện thoại",
        SentHow::MarkedByUser => "đánh dấu đã gửi",
    };
    format!("Đã gửi lúc {} ({how})", moment(sending.at))
}

/// The documents members read before the meeting, as one text to share: a heading for the
/// meeting, then the outline and the draft resolution (those the plan has).
pub fn documents(plan: &MeetingPlan, chi_bo: &ChiBo) -> String {
    let mut parts = vec![format!(
        "{} – {}\nTài liệu sinh hoạt {} ngày {}",
        chi_bo.name.trim(),
        meeting_title(plan.kind, plan.month),
        weekday(plan.date),
        super::format::date(plan.date)
    )];
    if !plan.outline.trim().is_empty() {
        parts.push(format!("{}\n{}", "ĐỀ CƯƠNG GỢI Ý THẢO LUẬN", plan.outline.trim()));
    }
    if !plan.draft_resolution.trim().is_empty() {
        parts.push(format!("{}\n{}", "DỰ THẢO NGHỊ QUYẾT (KẾT LUẬN)", plan.draft_resolution.trim()));
    }
    parts.join("\n\n")
}

/// The outline's heading.
pub const DOCUMENT_OUTLINE: &str = "Đề cương gợi ý thảo luận";
/// The draft resolution's heading.
pub const DOCUMENT_DRAFT: &str = "Dự thảo nghị quyết (kết luận)";

/// The calendar entry of a plan: the meeting's title and chi bộ, its place, the notice as
/// its description, reminders a day and two hours before. `now` stamps the file.
pub fn calendar_event(plan: &MeetingPlan, chi_bo: &ChiBo, now: Timestamp) -> CalendarEvent {
    let facts = notice_facts(plan, chi_bo);
    let summary = format!("{} – {}", meeting_title(plan.kind, plan.month), chi_bo.name.trim());
    CalendarEvent {
        uid: calendar_uid(plan),
        stamp: now,
        modified: plan.updated_at,
        time: event_time(plan),
        summary: summary.clone(),
        location: facts.place.clone(),
        description: notice(&facts),
        alarms: vec![
            Alarm { before: Before::Days(1), text: format!("Ngày mai: {summary}") },
            Alarm { before: Before::Hours(2), text: format!("Còn 2 giờ: {summary}") },
        ],
    }
}

/// The calendar file (`.ics`) of a plan, to share or open with the phone's calendar.
pub fn calendar_file(plan: &MeetingPlan, chi_bo: &ChiBo, now: Timestamp) -> String {
    ics::write(&calendar_event(plan, chi_bo, now))
}

/// The file name of a plan's calendar file: `sinh-hoat-2026-03-03.ics`.
pub fn calendar_file_name(plan: &MeetingPlan) -> String {
    format!("sinh-hoat-{}.ics", plan.date)
}

/// "(cần gửi trước ít nhất 1 ngày)".
fn days_required(required: u32) -> String {
    if required == 0 {
        "(cần gửi chậm nhất trong ngày sinh hoạt)".to_owned()
    } else {
        format!("(cần gửi trước ít nhất {required} ngày)")
    }
}

/// "trước 2 ngày", "trong ngày sinh hoạt", "sau ngày sinh hoạt 1 ngày".
fn days_before(days: i64) -> String {
    match days {
        0 => "trong ngày sinh hoạt".to_owned(),
        days if days > 0 => format!("trước {days} ngày"),
        days => format!("sau ngày sinh hoạt {} ngày", days.unsigned_abs()),
    }
}

/// "đã gửi lúc 19:05 ngày 01/03/2026", marked when late.
fn notified(fact: Option<SentFact>) -> String {
    match fact {
        None => "chưa gửi".to_owned(),
        Some(fact) if fact.in_time => format!("đã gửi lúc {}", moment(fact.at)),
        Some(fact) => format!("gửi lúc {}, sau khi buổi sinh hoạt đã bắt đầu", moment(fact.at)),
    }
}

const SUPERIOR: &str = "đồng chí cấp ủy viên cấp trên phụ trách";

/// How a preparation criterion's points were derived.
pub fn derivation(facts: &PreparationDerivation) -> String {
    match facts {
        PreparationDerivation::NoPlan => {
            "Buổi sinh hoạt chưa gắn với kế hoạch chuẩn bị nào: lập kế hoạch, hoặc đánh dấu đã làm → 0 điểm".to_owned()
        }
        PreparationDerivation::PlanMissing { plan_id } => {
            format!("Kế hoạch chuẩn bị của buổi sinh hoạt ({}) không còn trong dữ liệu → 0 điểm", quoted(plan_id))
        }
        PreparationDerivation::Content { items: 0, points: value } => {
            format!("Kế hoạch chưa có nội dung sinh hoạt → {}", points(*value))
        }
        PreparationDerivation::Content { items, points: value } => {
            format!("Kế hoạch có {items} nội dung sinh hoạt → {}", points(*value))
        }
        PreparationDerivation::OutlineAndDraft { outline, draft, points: value } => outline_and_draft(*outline, *draft, *value),
        PreparationDerivation::CommitteeMeeting { on, attendees, minutes, minutes_required, before_meeting, points: value } => {
            committee_meeting(*on, *attendees, *minutes, *minutes_required, *before_meeting, *value)
        }
        PreparationDerivation::NoCommitteePreparation => {
            "Chưa ghi chi ủy họp chuẩn bị (hoặc chi bộ chỉ có bí thư) → 0 điểm".to_owned()
        }
        PreparationDerivation::OnlySecretary { points: value } => {
            format!("Chi bộ chỉ có bí thư (không có chi ủy): được tính đủ → {}", points(*value))
        }
        PreparationDerivation::OnlySecretaryContradicted { committee_members } => format!(
            "Kế hoạch ghi chi bộ chỉ có bí thư nhưng danh sách đảng viên có chi ủy viên ({}) → 0 điểm",
            committee_members.join(", ")
        ),
        PreparationDerivation::Notice { members, superior, superior_required, points: value } => {
            let mut text = format!("Thông báo cho đảng viên: {}", notified(*members));
            if *superior_required || superior.is_some() {
                text.push_str(&format!("; cho {SUPERIOR}: {}", notified(*superior)));
            }
            format!("{text} → {}", points(*value))
        }
        PreparationDerivation::DocumentsSent { at, days_before: days, required, points: value, .. } => format!(
            "Đã gửi tài liệu lúc {}, {} {} → {}",
            moment(*at),
            days_before(*days),
            days_required(*required),
            points(*value)
        ),
        PreparationDerivation::DocumentsNotSent { required } => {
            format!("Chưa gửi tài liệu {} → 0 điểm", days_required(*required))
        }
    }
}

fn outline_and_draft(outline: bool, draft: bool, value: crate::decimal::Decimal) -> String {
    let missing: Vec<&str> = [(outline, Reading::Outline), (draft, Reading::DraftResolution)]
        .into_iter()
        .filter(|(written, _)| !written)
        .map(|(_, document)| reading(document))
        .collect();
    if missing.is_empty() {
        format!("Có đề cương gợi ý thảo luận và dự thảo nghị quyết, kết luận → {}", points(value))
    } else {
        format!("Còn thiếu {} → {}", missing.join(" và "), points(value))
    }
}

fn committee_meeting(
    on: NaiveDate,
    attendees: usize,
    minutes: bool,
    minutes_required: bool,
    before_meeting: bool,
    value: crate::decimal::Decimal,
) -> String {
    let mut text = format!("Chi ủy họp chuẩn bị ngày {}", date(on));
    if attendees > 0 {
        text.push_str(&format!(", {attendees} đồng chí dự"));
    }
    text.push_str(if minutes { ", có biên bản" } else { ", chưa ghi biên bản" });
    if !before_meeting {
        text.push_str(", sau ngày sinh hoạt nên không tính");
    } else if !minutes && minutes_required {
        text.push_str(" nên chưa đạt");
    }
    format!("{text} → {}", points(value))
}
