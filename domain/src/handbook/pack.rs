//! The content pack: its validated types, reading from JSON and writing back.
//!
//! The JSON format is documented field by field in `docs/content-pack.md`. A pack is
//! read with [`Pack::from_json`], which parses it into loose "wire" records (every field
//! optional, statuses and kinds as plain strings) and then validates them into these
//! types, so that a missing source, an unknown status or an unknown section kind gets its
//! own Vietnamese message naming the place instead of a parser error.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize, Serializer};


/// The pack format version this crate writes (`"format_version": 2`: each item's source may
/// carry a check record, and official wording needs a word-for-word check). A pack with a
/// larger number was made for a newer app and gets its own message.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest format version still read: version 1 (before check records). Its items load
/// as they are, shown as not yet compared ("chưa đối chiếu"); the rule that official
/// wording needs a word-for-word check applies from version 2.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// Limits on a pack's size, so that an imported file cannot make the app slow or huge.
pub mod limits {
    /// Largest pack file, in bytes.
    pub const MAX_PACK_BYTES: usize = 2_000_000;
    /// Most sections in a pack.
    pub const MAX_SECTIONS: usize = 100;
    /// Most items in one section.
    pub const MAX_ITEMS_PER_SECTION: usize = 500;
    /// Most items in a whole pack.
    pub const MAX_ITEMS: usize = 3000;
    /// Longest id, in characters.
    pub const MAX_ID_CHARS: usize = 64;
    /// Longest title (pack name, section or item title), in characters.
    pub const MAX_TITLE_CHARS: usize = 200;
    /// Longest short text (issuer, version, source document, what a check compared, its
    /// address), in characters.
    pub const MAX_SHORT_TEXT_CHARS: usize = 300;
    /// Longest number label of an item ("nhóm 1, (1)", "1/27"), in characters.
    pub const MAX_NUMBER_CHARS: usize = 60;
    /// Longest note, in characters.
    pub const MAX_NOTE_CHARS: usize = 2000;
    /// Longest item body, in characters.
    pub const MAX_BODY_CHARS: usize = 50_000;
    /// Most search keywords of one item.
    pub const MAX_KEYWORDS: usize = 20;
    /// Longest search keyword, in characters.
    pub const MAX_KEYWORD_CHARS: usize = 100;
}

/// A validated content pack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pack {
    /// Always [`FORMAT_VERSION`] once validated.
    pub format_version: u32,
    /// Stable id of the pack (e.g. `"sotay-builtin"`, `"tu-hy-2026"`).
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// Who issued it (the app, or a party committee).
    pub issuer: String,
    /// The issuer's version label ("1", "2026.2"…), shown to users.
    pub version: String,
    /// Publication date.
    #[serde(serialize_with = "serialize_naive_date")]
    pub published: NaiveDate,
    /// Optional note about the whole pack.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sections in reading order.
    pub sections: Vec<Section>,
}

/// What a section holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Items with text (the default).
    Text,
    /// No text of its own: the app shows the scoring frameworks here, from the
    /// frameworks' own data (one source of truth for the points).
    ScoringFrameworks,
}

impl SectionKind {
    /// The JSON name (`"text"`, `"scoring_frameworks"`).
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Text => "text",
            SectionKind::ScoringFrameworks => "scoring_frameworks",
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<SectionKind> {
        match key {
            "text" => Some(SectionKind::Text),
            "scoring_frameworks" => Some(SectionKind::ScoringFrameworks),
            _ => None,
        }
    }
}

/// A section of the handbook (one screen of the reader).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Stable id; a committee pack replaces the built-in section with the same id.
    pub id: String,
    /// What the section holds.
    pub kind: SectionKind,
    /// Title shown in the table of contents.
    pub title: String,
    /// Optional note shown under the title (plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Items in reading order (none in a `scoring_frameworks` section).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
}

/// One item of a section: a quote, an article, a step of a procedure…
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Item {
    /// Stable id, unique in the pack: bookmarks and notes are kept by this id.
    pub id: String,
    /// Title (plain text).
    pub title: String,
    /// How the item is numbered: as the document numbers it, and the app's own running index
    /// (the 12th of the 27 manifestations is "(3)" of group 2 in the resolution).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numbers: Option<Numbers>,
    /// Body in the small markup ([`super::markup`]).
    pub body: String,
    /// Where the text comes from.
    pub source: Source,
    /// Optional note shown with the item (plain text), e.g. that the document may have
    /// been superseded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Search keywords (plain text, not shown): other names the item is looked up by,
    /// such as a number counted across a list ("biểu hiện 12"). Empty in most items.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

impl Item {
    /// The body parsed into blocks.
    pub fn blocks(&self) -> Vec<super::markup::Block> {
        super::markup::parse(&self.body)
    }

    /// The body as plain text (for copying and sharing).
    pub fn plain_text(&self) -> String {
        super::markup::plain_text(&self.blocks())
    }
}

/// An item's numbers: the document's own and the app's running index, told apart on screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Numbers {
    /// As the document numbers it ("nhóm 2, (3)", "Điều 4").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The app's (or pack's) own running index ("12/27"), not the document's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app: Option<String>,
}

/// Provenance of an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The source document, e.g. `Bài "Những chi bộ tốt và chi bộ chưa tốt", báo Nhân Dân số 3503`.
    pub document: String,
    /// Its date (year, month or day precision). Required unless the status is
    /// [`Status::Unverified`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<SourceDate>,
    /// Official wording, or a summary.
    pub status: Status,
    /// How the text was checked against a source: `None` for a pack without check records
    /// (format 1, or a committee's pack that has none), shown as not yet compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<Check>,
}

/// The record of one comparison of an item with a source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// What the comparison found.
    pub outcome: CheckOutcome,
    /// When it was made.
    #[serde(serialize_with = "serialize_naive_date")]
    pub checked_on: NaiveDate,
    /// What was compared: the document (issuer, number, date) and the page or printed
    /// source that carried it.
    pub compared_with: String,
    /// A public address of that source, when there is one (shown as text, never opened by
    /// the app).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// What comparing an item with its source found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckOutcome {
    /// The body is the source's wording, word for word.
    WordForWord,
    /// The body is a summary and the source confirms what it says.
    FaithfulSummary,
    /// No source reached confirms it (or one contradicts it).
    NotConfirmed,
}

impl CheckOutcome {
    /// Every outcome, most certain first.
    pub const ALL: [CheckOutcome; 3] = [CheckOutcome::WordForWord, CheckOutcome::FaithfulSummary, CheckOutcome::NotConfirmed];

    /// The JSON name.
    pub fn key(self) -> &'static str {
        match self {
            CheckOutcome::WordForWord => "word_for_word",
            CheckOutcome::FaithfulSummary => "faithful_summary",
            CheckOutcome::NotConfirmed => "not_confirmed",
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<CheckOutcome> {
        CheckOutcome::ALL.into_iter().find(|outcome| outcome.key() == key)
    }
}

/// Where an item stands: checked with an outcome, or never compared (no check record).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CheckState {
    /// Compared on a day, with an outcome.
    Checked(CheckOutcome),
    /// No record of a comparison ("chưa đối chiếu").
    NotChecked,
}

impl Source {
    /// The item's check state.
    pub fn check_state(&self) -> CheckState {
        self.check.as_ref().map_or(CheckState::NotChecked, |check| CheckState::Checked(check.outcome))
    }
}


/// Whether an item's body is the document's own wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The document's exact wording, checked against an official or mainstream source.
    Official,
    /// A short summary written for the handbook: not the document's wording.
    Summary,
    /// A widely quoted text whose origin could not be verified.
    Unverified,
}

impl Status {
    /// The JSON name.
    pub fn key(self) -> &'static str {
        match self {
            Status::Official => "official",
            Status::Summary => "summary",
            Status::Unverified => "unverified",
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<Status> {
        match key {
            "official" => Some(Status::Official),
            "summary" => Some(Status::Summary),
            "unverified" => Some(Status::Unverified),
            _ => None,
        }
    }

}

/// A date known to the year, the month or the day (`"1966"`, `"2016-10"`, `"1963-10-31"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceDate {
    /// Year.
    pub year: u16,
    /// Month 1–12, if known.
    pub month: Option<u8>,
    /// Day of the month, if known (only with a month).
    pub day: Option<u8>,
}

impl SourceDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real calendar date, year 1800–2999).
    pub fn parse(value: &str) -> Option<SourceDate> {
        let mut parts = value.trim().split('-');
        let year = number(parts.next()?, 4)?;
        if !(1800..=2999).contains(&year) {
            return None;
        }
        let month = match parts.next() {
            Some(part) => Some(number(part, 2)?),
            None => None,
        };
        let day = match parts.next() {
            Some(part) => Some(number(part, 2)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        if let Some(month) = month {
            if !(1..=12).contains(&month) {
                return None;
            }
        }
        if let Some(day) = day {
            NaiveDate::from_ymd_opt(i32::from(year), u32::from(month?), u32::from(day))?;
        }
        Some(SourceDate {
            year,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }

    /// The full date, when the day is known.
    pub fn to_naive_date(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(
            i32::from(self.year),
            u32::from(self.month?),
            u32::from(self.day?),
        )
    }

}

impl From<NaiveDate> for SourceDate {
    fn from(date: NaiveDate) -> SourceDate {
        SourceDate {
            year: date.year() as u16,
            month: Some(date.month() as u8),
            day: Some(date.day() as u8),
        }
    }
}

/// ISO form, as in the JSON: "1963-10-31", "2016-10", "1966".
impl fmt::Display for SourceDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for SourceDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn serialize_naive_date<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&SourceDate::from(*date))
}

/// Exactly `digits` ASCII digits.
fn number(part: &str, digits: usize) -> Option<u16> {
    if part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

/// The name, issuer and version of a pack, for display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackInfo {
    /// Pack id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Issuer.
    pub issuer: String,
    /// Version label.
    pub version: String,
    /// Publication date.
    pub published: NaiveDate,
}


impl Pack {

    /// Pretty JSON in the documented format (reads back to an equal pack).
    pub fn to_json_pretty(&self) -> String {
        crate::indent::to_pretty_json(self)
    }

    /// Name, issuer, version and date.
    pub fn info(&self) -> PackInfo {
        PackInfo {
            id: self.id.clone(),
            name: self.name.clone(),
            issuer: self.issuer.clone(),
            version: self.version.clone(),
            published: self.published,
        }
    }

    /// A section by id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|section| section.id == id)
    }

    /// An item by id, with its section.
    pub fn item(&self, id: &str) -> Option<(&Section, &Item)> {
        self.sections.iter().find_map(|section| {
            section
                .items
                .iter()
                .find(|item| item.id == id)
                .map(|item| (section, item))
        })
    }

    /// Every item with its section, in reading order.
    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections
            .iter()
            .flat_map(|section| section.items.iter().map(move |item| (section, item)))
    }
}
