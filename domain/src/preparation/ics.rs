//! A calendar file (iCalendar, RFC 5545) of one meeting, so a member adds it to the
//! phone's calendar with its reminders: one VEVENT with a stable UID, DTSTAMP, the time in
//! Vietnam time, SUMMARY, LOCATION, DESCRIPTION and VALARM reminders. The texts come
//! from the caller (`text::preparation` words them); this module only writes the format.
//!
//! Written by hand (about a hundred lines) rather than with the `icalendar` crate: that
//! crate turns on chrono's `clock` and `wasmbind` features and brings `uuid` (v4, a random
//! source), `iso8601` and, by default, `nom` — a clock and a random source in a crate that
//! has neither by design, and kilobytes of wasm for one event of fixed shape.
//!
//! Times: `DTSTART;TZID=Asia/Ho_Chi_Minh:20260303T193000` with the matching VTIMEZONE
//! (+07:00, no daylight saving). That is how Google Calendar and Android calendars write
//! events themselves, so they read it back; the time is fixed in Vietnam whatever zone the
//! reading phone is set to (a floating time would move with a phone set to another zone);
//! and RFC 5545 (§3.2.19) requires a VTIMEZONE for every TZID used, which for a zone
//! without daylight saving is one STANDARD block. A meeting with no start time is an
//! all-day entry (`VALUE=DATE`).
//!
//! Lines end with CRLF and are folded at 75 octets (continuation lines start with one
//! space), never inside a UTF-8 character; TEXT values escape `\`, `;`, `,` and line breaks
//! (§3.3.11), and drop other control characters, which TEXT may not hold.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::model::Timestamp;

/// The time zone every entry is written in.
pub const TZID: &str = "Asia/Ho_Chi_Minh";

/// When the event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventTime {
    /// From `start` to `end`, in Vietnam time.
    Timed {
        /// Start.
        start: NaiveDateTime,
        /// End.
        end: NaiveDateTime,
    },
    /// The whole day.
    AllDay(NaiveDate),
}

/// How long before the start a reminder rings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Before {
    /// Days before (`-P1D`).
    Days(u32),
    /// Hours before (`-PT2H`).
    Hours(u32),
}

/// A reminder the phone shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alarm {
    /// When.
    pub before: Before,
    /// What it shows.
    pub text: String,
}

/// One calendar entry, its words supplied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable id (a file sent again updates the entry).
    pub uid: String,
    /// When the file was made (DTSTAMP, UTC).
    pub stamp: Timestamp,
    /// When the entry's data last changed (LAST-MODIFIED, UTC).
    pub modified: Timestamp,
    /// When.
    pub time: EventTime,
    /// Title.
    pub summary: String,
    /// Place (left out when empty).
    pub location: String,
    /// Longer text (left out when empty).
    pub description: String,
    /// Reminders.
    pub alarms: Vec<Alarm>,
}

/// The VTIMEZONE of [`TZID`]: +07:00 all year.
const VTIMEZONE: [&str; 10] = [
    "BEGIN:VTIMEZONE",
    "TZID:Asia/Ho_Chi_Minh",
    "X-LIC-LOCATION:Asia/Ho_Chi_Minh",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0700",
    "TZOFFSETTO:+0700",
    "TZNAME:+07",
    "DTSTART:19700101T000000",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// The file's text: a VCALENDAR with the time zone and the event, CRLF line ends, folded.
pub fn write(event: &CalendarEvent) -> String {
    let mut lines: Vec<String> = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//so-tay-chi-bo//meeting-plan//VI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        .iter()
        .map(|line| (*line).to_owned())
        .collect();
    if matches!(event.time, EventTime::Timed { .. }) {
        lines.extend(VTIMEZONE.iter().map(|line| (*line).to_owned()));
    }
    lines.push("BEGIN:VEVENT".to_owned());
    lines.push(format!("UID:{}", escape_text(&event.uid)));
    lines.push(format!("DTSTAMP:{}", utc(event.stamp)));
    lines.push(format!("LAST-MODIFIED:{}", utc(event.modified)));
    lines.extend(times(event.time));
    lines.push(format!("SUMMARY:{}", escape_text(&event.summary)));
    if !event.location.trim().is_empty() {
        lines.push(format!("LOCATION:{}", escape_text(&event.location)));
    }
    if !event.description.trim().is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape_text(&event.description)));
    }
    for alarm in &event.alarms {
        lines.extend(alarm_lines(alarm));
    }
    lines.push("END:VEVENT".to_owned());
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|line| fold(line) + "\r\n").collect()
}

fn times(time: EventTime) -> [String; 2] {
    match time {
        EventTime::Timed { start, end } => {
            [format!("DTSTART;TZID={TZID}:{}", local(start)), format!("DTEND;TZID={TZID}:{}", local(end))]
        }
        // DTEND of an all-day event is the next day (exclusive, §3.6.1).
        EventTime::AllDay(date) => [
            format!("DTSTART;VALUE=DATE:{}", day(date)),
            format!("DTEND;VALUE=DATE:{}", day(date + chrono::Days::new(1))),
        ],
    }
}

fn alarm_lines(alarm: &Alarm) -> [String; 5] {
    let trigger = match alarm.before {
        Before::Days(days) => format!("-P{days}D"),
        Before::Hours(hours) => format!("-PT{hours}H"),
    };
    [
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        format!("DESCRIPTION:{}", escape_text(&alarm.text)),
        format!("TRIGGER:{trigger}"),
        "END:VALARM".to_owned(),
    ]
}

/// `20260303` (written out: chrono's strftime is kilobytes of wasm for fixed patterns).
fn day(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// `20260303T193000`.
fn local(at: NaiveDateTime) -> String {
    format!("{}T{:02}{:02}{:02}", day(at.date()), at.hour(), at.minute(), at.second())
}

/// `20260301T120500Z`.
fn utc(at: Timestamp) -> String {
    format!("{}Z", local(at.naive_utc()))
}

/// A TEXT value escaped (§3.3.11): backslash, semicolon and comma get a backslash; a line
/// break (CRLF, LF or CR) becomes `\n`; other control characters are dropped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Longest line, in octets, CRLF not counted (§3.1).
const MAX_OCTETS: usize = 75;

/// A content line folded (§3.1): after at most 75 octets a CRLF and one space, the space
/// counting towards the next line's 75; a break falls between characters, never inside a
/// multi-byte UTF-8 sequence. No CRLF at the end.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 60 * 3);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out
}
