//! Reading and validating a content pack. Every problem is a specific [`PackError`]
//! whose Vietnamese message (its `Display`, built in [`crate::text::handbook`]) names the
//! place, e.g. "Mục «Điều 1» (id qd37-dieu-1): thiếu nguồn văn bản".

use std::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::pack::{
    limits, Check, CheckOutcome, Item, Numbers, Pack, Section, SectionKind, Source, SourceDate, Status, FORMAT_VERSION, OLDEST_FORMAT_VERSION,
};
use super::IdMap;

/// Why a pack file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackLoadError {
    /// Not JSON, or JSON whose shape is not a pack's (a field of the wrong type, a field
    /// the format does not have).
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What kind of problem.
        problem: SyntaxProblem,
        /// The parser's own (English) description.
        detail: String,
    },
    /// Well-formed but not acceptable: every problem found.
    Invalid(Vec<PackError>),
}

/// The kind of a [`PackLoadError::Syntax`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// The text is not JSON (or is cut short).
    NotJson,
    /// A field name the format does not have (often a misspelling).
    UnknownField(String),
    /// A value of the wrong type (text where a list is expected…), or not an object.
    WrongType,
}

impl PackLoadError {
    /// Every problem, when the pack was readable JSON.
    pub fn errors(&self) -> &[PackError] {
        match self {
            PackLoadError::Syntax { .. } => &[],
            PackLoadError::Invalid(errors) => errors,
        }
    }
}

impl std::error::Error for PackLoadError {}

/// Where in the pack a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The pack's own fields.
    Pack,
    /// A section: its 1-based position, id and title (either may be empty).
    Section {
        /// 1-based position in the pack.
        position: usize,
        /// Its id as written (may be empty).
        id: String,
        /// Its title as written (may be empty).
        title: String,
    },
    /// An item: its 1-based position in its section, id and title, and the section's
    /// position and title.
    Item {
        /// 1-based position of its section in the pack.
        section_position: usize,
        /// The section's title (or id when it has no title).
        section_title: String,
        /// 1-based position in the section.
        position: usize,
        /// Its id as written (may be empty).
        id: String,
        /// Its title as written (may be empty).
        title: String,
    },
}

/// A field of the format, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `id` (pack, section or item).
    Id,
    /// The pack's `name`.
    Name,
    /// The pack's `issuer`.
    Issuer,
    /// The pack's `version`.
    Version,
    /// The pack's `published` date.
    Published,
    /// A `note`.
    Note,
    /// The pack's `sections`.
    Sections,
    /// A section's `kind`.
    Kind,
    /// A section's or item's `title`.
    Title,
    /// A section's `items`.
    Items,
    /// An item's `body`.
    Body,
    /// An item's `source` (its provenance).
    Source,
    /// `source.document`.
    SourceDocument,
    /// `source.date`.
    SourceDate,
    /// `source.status`.
    SourceStatus,
    /// An item's `keywords`.
    Keywords,
    /// An item's `numbers` (`numbers.document`, `numbers.app`).
    Numbers,
    /// `source.check` (the record of a comparison with a source).
    SourceCheck,
    /// `source.check.outcome`.
    CheckOutcome,
    /// `source.check.checked_on`.
    CheckedOn,
    /// `source.check.compared_with`.
    ComparedWith,
    /// `source.check.address`.
    CheckAddress,
}

impl Field {
    /// The JSON key (dotted for nested ones: `"source.document"`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::Issuer => "issuer",
            Field::Version => "version",
            Field::Published => "published",
            Field::Note => "note",
            Field::Sections => "sections",
            Field::Kind => "kind",
            Field::Title => "title",
            Field::Items => "items",
            Field::Body => "body",
            Field::Source => "source",
            Field::SourceDocument => "source.document",
            Field::SourceDate => "source.date",
            Field::SourceStatus => "source.status",
            Field::Keywords => "keywords",
            Field::Numbers => "numbers",
            Field::SourceCheck => "source.check",
            Field::CheckOutcome => "source.check.outcome",
            Field::CheckedOn => "source.check.checked_on",
            Field::ComparedWith => "source.check.compared_with",
            Field::CheckAddress => "source.check.address",
        }
    }
}

/// What a count limit is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// Sections in the pack.
    Sections,
    /// Items in one section.
    ItemsInSection,
    /// Items in the whole pack.
    Items,
    /// Search keywords of one item.
    Keywords,
}

/// A specific problem in a pack. `Display` gives the Vietnamese message.
// The variants' fields are named for what they hold (place, field, value, count, max).
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// The file is larger than [`limits::MAX_PACK_BYTES`].
    TooLarge { bytes: usize, max: usize },
    /// No `format_version`.
    MissingFormatVersion,
    /// A `format_version` that is not a version this app knows (0, text, negative…).
    UnsupportedFormatVersion { found: String },
    /// A `format_version` larger than [`FORMAT_VERSION`]: made for a newer app.
    NewerFormatVersion { found: u64 },
    /// A required field absent or blank.
    Missing { place: Place, field: Field },
    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (or not a real date; the
    /// publication date needs the day).
    InvalidDate {
        place: Place,
        field: Field,
        value: String,
    },
    /// A `source.status` other than `official`, `summary`, `unverified`.
    UnknownStatus { place: Place, value: String },
    /// A section `kind` other than `text`, `scoring_frameworks`.
    UnknownSectionKind { place: Place, value: String },
    /// An id with characters other than ASCII letters, digits, `-`, `_`, `.`, or too long.
    InvalidId { place: Place, id: String },
    /// Two sections share an id.
    DuplicateSectionId { place: Place, id: String },
    /// Two items (anywhere in the pack) share an id.
    DuplicateItemId {
        place: Place,
        id: String,
        first_section_title: String,
    },
    /// No sections at all.
    NoSections,
    /// A text section without items.
    EmptySection { place: Place },
    /// A `scoring_frameworks` section with items of its own.
    ItemsInFrameworkSection { place: Place },
    /// More than one `scoring_frameworks` section.
    SeveralFrameworkSections { place: Place },
    /// Too many sections or items.
    TooMany {
        place: Place,
        what: Count,
        count: usize,
        max: usize,
    },
    /// A text longer than its limit (in characters).
    TooLong {
        place: Place,
        field: Field,
        length: usize,
        max: usize,
    },
    /// A `source.check.outcome` other than `word_for_word`, `faithful_summary`,
    /// `not_confirmed`.
    UnknownCheckOutcome { place: Place, value: String },
    /// `status: official` without a check whose outcome is `word_for_word` (format 2):
    /// wording shown as the document's must have been compared word for word.
    OfficialWithoutWordForWordCheck { place: Place },
    /// A check's `address` that is not a web address (`https://…` or `http://…`).
    InvalidAddress { place: Place, value: String },
}

impl PackError {
    /// A stable machine code for the error kind (e.g. `"duplicate_item_id"`).
    pub fn code(&self) -> &'static str {
        use PackError::*;
        match self {
            TooLarge { .. } => "too_large",
            MissingFormatVersion => "missing_format_version",
            UnsupportedFormatVersion { .. } => "unsupported_format_version",
            NewerFormatVersion { .. } => "newer_format_version",
            Missing { .. } => "missing",
            InvalidDate { .. } => "invalid_date",
            UnknownStatus { .. } => "unknown_status",
            UnknownSectionKind { .. } => "unknown_section_kind",
            InvalidId { .. } => "invalid_id",
            DuplicateSectionId { .. } => "duplicate_section_id",
            DuplicateItemId { .. } => "duplicate_item_id",
            NoSections => "no_sections",
            EmptySection { .. } => "empty_section",
            ItemsInFrameworkSection { .. } => "items_in_framework_section",
            SeveralFrameworkSections { .. } => "several_framework_sections",
            TooMany { .. } => "too_many",
            TooLong { .. } => "too_long",
            UnknownCheckOutcome { .. } => "unknown_check_outcome",
            OfficialWithoutWordForWordCheck { .. } => "official_without_word_for_word_check",
            InvalidAddress { .. } => "invalid_address",
        }
    }

    /// Every code [`PackError::code`] can return (the test suite checks that a fixture
    /// produces each).
    pub const ALL_CODES: [&'static str; 20] = [
        "too_large",
        "missing_format_version",
        "unsupported_format_version",
        "newer_format_version",
        "missing",
        "invalid_date",
        "unknown_status",
        "unknown_section_kind",
        "invalid_id",
        "duplicate_section_id",
        "duplicate_item_id",
        "no_sections",
        "empty_section",
        "items_in_framework_section",
        "several_framework_sections",
        "too_many",
        "too_long",
        "unknown_check_outcome",
        "official_without_word_for_word_check",
        "invalid_address",
    ];
}

/// Which part of a pack a problem is in, by 0-based position, for a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PackScope {
    /// The pack's own fields.
    Pack,
    /// A section.
    Section(usize),
    /// An item: (section, item in the section).
    Item(usize, usize),
}

impl Place {
    /// The part of the pack, by position.
    pub fn scope(&self) -> PackScope {
        match self {
            Place::Pack => PackScope::Pack,
            Place::Section { position, .. } => PackScope::Section(position.saturating_sub(1)),
            Place::Item {
                section_position,
                position,
                ..
            } => PackScope::Item(section_position.saturating_sub(1), position.saturating_sub(1)),
        }
    }
}

impl PackError {
    /// Where the problem is (the part of the pack and, when one field is at fault, the
    /// field), so a form can show the message next to it. Problems of the file itself
    /// (its size or format version) are the pack's, with no field.
    pub fn location(&self) -> (PackScope, Option<Field>) {
        use PackError::*;
        match self {
            TooLarge { .. }
            | MissingFormatVersion
            | UnsupportedFormatVersion { .. }
            | NewerFormatVersion { .. } => (PackScope::Pack, None),
            NoSections => (PackScope::Pack, Some(Field::Sections)),
            Missing { place, field } | InvalidDate { place, field, .. } | TooLong { place, field, .. } => {
                (place.scope(), Some(*field))
            }
            UnknownStatus { place, .. } | OfficialWithoutWordForWordCheck { place } => (place.scope(), Some(Field::SourceStatus)),
            UnknownCheckOutcome { place, .. } => (place.scope(), Some(Field::CheckOutcome)),
            InvalidAddress { place, .. } => (place.scope(), Some(Field::CheckAddress)),
            UnknownSectionKind { place, .. }
            | ItemsInFrameworkSection { place }
            | SeveralFrameworkSections { place } => (place.scope(), Some(Field::Kind)),
            InvalidId { place, .. } | DuplicateSectionId { place, .. } | DuplicateItemId { place, .. } => {
                (place.scope(), Some(Field::Id))
            }
            EmptySection { place } => (place.scope(), Some(Field::Items)),
            TooMany { place, what, .. } => (
                place.scope(),
                Some(match what {
                    Count::Sections => Field::Sections,
                    Count::ItemsInSection | Count::Items => Field::Items,
                    Count::Keywords => Field::Keywords,
                }),
            ),
        }
    }
}

impl std::error::Error for PackError {}

// ---------------------------------------------------------------------------------------
// Wire records: every field optional, so that what is missing gets a specific message.
// ---------------------------------------------------------------------------------------

/// Only the version, read first so that a pack for a newer app is told apart from a
/// broken one whatever else it contains.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    format_version: Option<Scalar>,
}

/// A `format_version` or `version` as written: a whole number, a text, or anything else.
/// Read with a small visitor rather than `serde_json::Value` or an untagged enum, whose
/// code would add several kilobytes to the wasm (and printing a float, 11 KB more).
pub(super) enum Scalar {
    Number(u64),
    Text(String),
    /// Not a whole number nor a text; what it was, for the message (empty if not shown).
    Other(String),
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or a text")
    }

    fn visit_u64<E>(self, value: u64) -> Result<Scalar, E> {
        Ok(Scalar::Number(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Scalar, E> {
        Ok(Scalar::Other(value.to_string()))
    }

    fn visit_f64<E>(self, _value: f64) -> Result<Scalar, E> {
        Ok(Scalar::Other(String::new()))
    }

    fn visit_bool<E>(self, value: bool) -> Result<Scalar, E> {
        Ok(Scalar::Other(value.to_string()))
    }

    fn visit_str<E>(self, value: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(value.to_string()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other(String::new()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other(String::new()))
    }
}

// Absent texts and lists default to empty (and are reported as missing by the
// validation); `Option` is avoided because each `Option<T>` adds its own deserialiser
// (1–3 KB of wasm each). An explicit `null` is a wrong type.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPack {
    #[serde(default)]
    #[allow(dead_code)] // checked by the probe
    pub(super) format_version: IgnoredAny,
    #[serde(default)]
    pub(super) id: String,
    #[serde(default)]
    pub(super) name: String,
    #[serde(default)]
    pub(super) issuer: String,
    /// Text or a whole number.
    #[serde(default)]
    pub(super) version: Option<Scalar>,
    #[serde(default)]
    pub(super) published: String,
    #[serde(default)]
    pub(super) note: String,
    #[serde(default)]
    pub(super) sections: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSection {
    #[serde(default)]
    pub(super) id: String,
    #[serde(default)]
    pub(super) kind: String,
    #[serde(default)]
    pub(super) title: String,
    #[serde(default)]
    pub(super) note: String,
    #[serde(default)]
    pub(super) items: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawItem {
    #[serde(default)]
    pub(super) id: String,
    #[serde(default)]
    pub(super) title: String,
    #[serde(default)]
    pub(super) body: String,
    /// All fields empty when absent.
    #[serde(default)]
    pub(super) source: RawSource,
    #[serde(default)]
    pub(super) note: String,
    #[serde(default)]
    pub(super) keywords: Vec<String>,
    /// Both empty when absent.
    #[serde(default)]
    pub(super) numbers: RawNumbers,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNumbers {
    #[serde(default)]
    pub(super) document: String,
    #[serde(default)]
    pub(super) app: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    #[serde(default)]
    pub(super) document: String,
    #[serde(default)]
    pub(super) date: String,
    #[serde(default)]
    pub(super) status: String,
    /// Every field empty when absent (no check recorded).
    #[serde(default)]
    pub(super) check: RawCheck,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCheck {
    #[serde(default)]
    pub(super) outcome: String,
    #[serde(default)]
    pub(super) checked_on: String,
    #[serde(default)]
    pub(super) compared_with: String,
    #[serde(default)]
    pub(super) address: String,
}

fn syntax_error(error: serde_json::Error) -> PackLoadError {
    let detail = error.to_string();
    let problem = match error.classify() {
        serde_json::error::Category::Data => unknown_field_name(&detail)
            .map(SyntaxProblem::UnknownField)
            .unwrap_or(SyntaxProblem::WrongType),
        _ => SyntaxProblem::NotJson,
    };
    PackLoadError::Syntax {
        line: error.line(),
        column: error.column(),
        problem,
        detail,
    }
}

/// The field named by serde's "unknown field `x`, expected …".
fn unknown_field_name(detail: &str) -> Option<String> {
    let rest = detail.strip_prefix("unknown field `")?;
    let end = rest.find('`')?;
    Some(rest[..end].to_string())
}

/// Reads and validates a pack (see [`Pack::from_json`]).
pub(super) fn load(json: &str) -> Result<Pack, PackLoadError> {
    if json.len() > limits::MAX_PACK_BYTES {
        return Err(PackLoadError::Invalid(vec![PackError::TooLarge {
            bytes: json.len(),
            max: limits::MAX_PACK_BYTES,
        }]));
    }
    // A byte-order mark (Windows Notepad writes one) is not an error.
    let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    // A pack is an object (serde would also read a struct from an array).
    let start = json.len() - json.trim_start().len();
    if !json[start..].starts_with('{') {
        serde_json::from_str::<IgnoredAny>(json).map_err(syntax_error)?;
        let before = &json[..start];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |at| at + 1) + 1;
        return Err(PackLoadError::Syntax {
            line,
            column,
            problem: SyntaxProblem::WrongType,
            detail: "expected a JSON object".to_string(),
        });
    }
    let probe: Probe = serde_json::from_str(json).map_err(syntax_error)?;
    let version = match &probe.format_version {
        Some(Scalar::Number(found)) => u32::try_from(*found).unwrap_or(FORMAT_VERSION),
        _ => FORMAT_VERSION,
    };
    let version_error = match probe.format_version {
        None => Some(PackError::MissingFormatVersion),
        Some(Scalar::Number(found)) if (u64::from(OLDEST_FORMAT_VERSION)..=u64::from(FORMAT_VERSION)).contains(&found) => None,
        Some(Scalar::Number(found)) if found > u64::from(FORMAT_VERSION) => {
            Some(PackError::NewerFormatVersion { found })
        }
        Some(Scalar::Number(found)) => Some(PackError::UnsupportedFormatVersion {
            found: found.to_string(),
        }),
        Some(Scalar::Text(found)) => Some(PackError::UnsupportedFormatVersion {
            found: format!("\"{found}\""),
        }),
        Some(Scalar::Other(found)) => Some(PackError::UnsupportedFormatVersion { found }),
    };
    if let Some(error) = version_error {
        return Err(PackLoadError::Invalid(vec![error]));
    }
    let raw: RawPack = serde_json::from_str(json).map_err(syntax_error)?;
    validate(raw, version).map_err(PackLoadError::Invalid)
}


/// A trimmed, non-blank text, or a `Missing` error.
fn required(value: &str, place: &Place, field: Field, errors: &mut Vec<PackError>) -> String {
    let value = value.trim().to_string();
    if value.is_empty() {
        errors.push(PackError::Missing {
            place: place.clone(),
            field,
        });
    }
    value
}

/// A text that must be there and fit in `max` characters (already trimmed).
fn check_text(value: &str, max: usize, place: &Place, field: Field, errors: &mut Vec<PackError>) {
    if value.is_empty() {
        errors.push(PackError::Missing {
            place: place.clone(),
            field,
        });
    }
    check_length(value, max, place, field, errors);
}

/// [`required`], then no longer than `max` characters.
fn required_text(value: &str, max: usize, place: &Place, field: Field, errors: &mut Vec<PackError>) -> String {
    let value = value.trim().to_string();
    check_text(&value, max, place, field, errors);
    value
}

/// A `TooMany` error when `count` is over `max`.
fn check_count(count: usize, max: usize, place: &Place, what: Count, errors: &mut Vec<PackError>) {
    if count > max {
        errors.push(PackError::TooMany {
            place: place.clone(),
            what,
            count,
            max,
        });
    }
}

fn check_length(value: &str, max: usize, place: &Place, field: Field, errors: &mut Vec<PackError>) {
    let length = value.chars().count();
    if length > max {
        errors.push(PackError::TooLong {
            place: place.clone(),
            field,
            length,
            max,
        });
    }
}

/// An optional note: blank counts as absent.
fn optional_note(value: &str, place: &Place, errors: &mut Vec<PackError>) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let value = value.to_string();
    check_length(&value, limits::MAX_NOTE_CHARS, place, Field::Note, errors);
    Some(value)
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= limits::MAX_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn check_id(id: &str, place: &Place, errors: &mut Vec<PackError>) {
    if !id.is_empty() && !valid_id(id) {
        errors.push(PackError::InvalidId {
            place: place.clone(),
            id: id.to_string(),
        });
    }
}

/// `version`: the file's format version (the rules of format 2 apply from 2 on).
pub(super) fn validate(raw: RawPack, format_version: u32) -> Result<Pack, Vec<PackError>> {
    let mut errors = Vec::new();
    let place = Place::Pack;
    let id = required(&raw.id, &place, Field::Id, &mut errors);
    check_id(&id, &place, &mut errors);
    let name = required_text(&raw.name, limits::MAX_TITLE_CHARS, &place, Field::Name, &mut errors);
    let issuer = required_text(&raw.issuer, limits::MAX_SHORT_TEXT_CHARS, &place, Field::Issuer, &mut errors);
    let version = match raw.version {
        Some(Scalar::Text(text)) => text,
        Some(Scalar::Number(number)) => number.to_string(),
        Some(Scalar::Other(text)) => text,
        None => String::new(),
    };
    let version = required_text(&version, limits::MAX_SHORT_TEXT_CHARS, &place, Field::Version, &mut errors);
    let published_text = required(&raw.published, &place, Field::Published, &mut errors);
    let published = if published_text.is_empty() {
        None
    } else {
        let date = SourceDate::parse(&published_text).and_then(SourceDate::to_naive_date);
        if date.is_none() {
            errors.push(PackError::InvalidDate {
                place: place.clone(),
                field: Field::Published,
                value: published_text.clone(),
            });
        }
        date
    };
    let note = optional_note(&raw.note, &place, &mut errors);

    let raw_sections = raw.sections;
    if raw_sections.is_empty() {
        errors.push(PackError::NoSections);
    }
    check_count(raw_sections.len(), limits::MAX_SECTIONS, &Place::Pack, Count::Sections, &mut errors);
    let total_items: usize = raw_sections.iter().map(|section| section.items.len()).sum();
    check_count(total_items, limits::MAX_ITEMS, &Place::Pack, Count::Items, &mut errors);

    // One map type for both (a single hash map instance in the wasm).
    let mut section_ids = IdMap::default();
    // Item id → position of the section where it first appeared.
    let mut item_ids = IdMap::default();
    // Label (title, or id) of each section, by position: what item ids point to.
    let mut section_labels: Vec<String> = Vec::new();
    let mut framework_sections = 0;
    let mut sections = Vec::with_capacity(raw_sections.len());
    for (index, raw_section) in raw_sections.into_iter().enumerate() {
        let section = validate_section(
            raw_section,
            format_version,
            index + 1,
            &mut section_ids,
            &mut item_ids,
            &mut section_labels,
            &mut framework_sections,
            &mut errors,
        );
        sections.push(section);
    }

    match (errors.is_empty(), published) {
        // A pack keeps the version it was written in, so it is written back and read again
        // under the same rules (a format-1 pack's official items have no check records).
        (true, Some(published)) => Ok(Pack {
            format_version,
            id,
            name,
            issuer,
            version,
            published,
            note,
            sections,
        }),
        _ => Err(errors),
    }
}

fn validate_section(
    raw: RawSection,
    version: u32,
    position: usize,
    section_ids: &mut IdMap,
    item_ids: &mut IdMap,
    section_labels: &mut Vec<String>,
    framework_sections: &mut usize,
    errors: &mut Vec<PackError>,
) -> Section {
    let id = raw.id.trim().to_string();
    let title = raw.title.trim().to_string();
    let place = Place::Section {
        position,
        id: id.clone(),
        title: title.clone(),
    };
    if id.is_empty() {
        errors.push(PackError::Missing {
            place: place.clone(),
            field: Field::Id,
        });
    } else if !valid_id(&id) {
        check_id(&id, &place, errors);
    } else if section_ids.insert(id.clone(), 0).is_some() {
        errors.push(PackError::DuplicateSectionId {
            place: place.clone(),
            id: id.clone(),
        });
    }
    check_text(&title, limits::MAX_TITLE_CHARS, &place, Field::Title, errors);
    let mut unknown_kind = false;
    let kind = match raw.kind.trim() {
        "" => SectionKind::Text,
        key => SectionKind::from_key(key).unwrap_or_else(|| {
            errors.push(PackError::UnknownSectionKind {
                place: place.clone(),
                value: key.to_string(),
            });
            unknown_kind = true;
            SectionKind::Text
        }),
    };
    let note = optional_note(&raw.note, &place, errors);
    let raw_items = raw.items;
    match kind {
        SectionKind::ScoringFrameworks => {
            *framework_sections += 1;
            if *framework_sections > 1 {
                errors.push(PackError::SeveralFrameworkSections {
                    place: place.clone(),
                });
            }
            if !raw_items.is_empty() {
                errors.push(PackError::ItemsInFrameworkSection {
                    place: place.clone(),
                });
            }
        }
        SectionKind::Text => {
            // An unknown kind was already reported; do not add "no items" on top.
            if raw_items.is_empty() && !unknown_kind {
                errors.push(PackError::EmptySection {
                    place: place.clone(),
                });
            }
        }
    }
    check_count(raw_items.len(), limits::MAX_ITEMS_PER_SECTION, &place, Count::ItemsInSection, errors);
    section_labels.push(if title.is_empty() {
        id.clone()
    } else {
        title.clone()
    });
    let items = if kind == SectionKind::ScoringFrameworks {
        Vec::new()
    } else {
        raw_items
            .into_iter()
            .enumerate()
            .map(|(index, raw_item)| {
                validate_item(raw_item, version, section_labels, index + 1, item_ids, errors)
            })
            .collect()
    };
    Section {
        id,
        kind,
        title,
        note,
        items,
    }
}

fn validate_item(
    raw: RawItem,
    version: u32,
    section_labels: &[String],
    position: usize,
    item_ids: &mut IdMap,
    errors: &mut Vec<PackError>,
) -> Item {
    let id = raw.id.trim().to_string();
    let title = raw.title.trim().to_string();
    let place = Place::Item {
        section_position: section_labels.len(),
        section_title: section_labels.last().cloned().unwrap_or_default(),
        position,
        id: id.clone(),
        title: title.clone(),
    };
    if id.is_empty() {
        errors.push(PackError::Missing {
            place: place.clone(),
            field: Field::Id,
        });
    } else if !valid_id(&id) {
        check_id(&id, &place, errors);
    } else if let Some(&first) = item_ids.get(&id) {
        errors.push(PackError::DuplicateItemId {
            place: place.clone(),
            id: id.clone(),
            first_section_title: section_labels[first as usize].clone(),
        });
    } else {
        item_ids.insert(id.clone(), section_labels.len().saturating_sub(1) as u32);
    }
    check_text(&title, limits::MAX_TITLE_CHARS, &place, Field::Title, errors);
    let body = required_text(&raw.body, limits::MAX_BODY_CHARS, &place, Field::Body, errors);
    let note = optional_note(&raw.note, &place, errors);
    let source = validate_source(raw.source, version, &place, errors);
    let keywords = validate_keywords(raw.keywords, &place, errors);
    let numbers = validate_numbers(raw.numbers, &place, errors);
    Item {
        id,
        title,
        numbers,
        body,
        source,
        note,
        keywords,
    }
}

/// An item's numbers: each optional, each within its length.
fn validate_numbers(raw: RawNumbers, place: &Place, errors: &mut Vec<PackError>) -> Option<Numbers> {
    let label = |text: &str, errors: &mut Vec<PackError>| {
        let text = text.trim();
        check_length(text, limits::MAX_NUMBER_CHARS, place, Field::Numbers, errors);
        (!text.is_empty()).then(|| text.to_string())
    };
    let document = label(&raw.document, errors);
    let app = label(&raw.app, errors);
    (document.is_some() || app.is_some()).then_some(Numbers { document, app })
}

/// A check record: absent (every field blank), or an outcome, a full date and what was
/// compared, with an optional web address.
fn validate_check(raw: RawCheck, place: &Place, errors: &mut Vec<PackError>) -> Option<Check> {
    if [&raw.outcome, &raw.checked_on, &raw.compared_with, &raw.address].iter().all(|text| text.trim().is_empty()) {
        return None;
    }
    let outcome_text = raw.outcome.trim();
    let outcome = if outcome_text.is_empty() {
        errors.push(PackError::Missing { place: place.clone(), field: Field::CheckOutcome });
        None
    } else {
        let outcome = CheckOutcome::from_key(outcome_text);
        if outcome.is_none() {
            errors.push(PackError::UnknownCheckOutcome { place: place.clone(), value: outcome_text.to_string() });
        }
        outcome
    };
    let date_text = required(&raw.checked_on, place, Field::CheckedOn, errors);
    let checked_on = if date_text.is_empty() {
        None
    } else {
        let date = SourceDate::parse(&date_text).and_then(SourceDate::to_naive_date);
        if date.is_none() {
            errors.push(PackError::InvalidDate { place: place.clone(), field: Field::CheckedOn, value: date_text });
        }
        date
    };
    let compared_with = required_text(&raw.compared_with, limits::MAX_SHORT_TEXT_CHARS, place, Field::ComparedWith, errors);
    let address = raw.address.trim();
    check_length(address, limits::MAX_SHORT_TEXT_CHARS, place, Field::CheckAddress, errors);
    let is_web_address = |text: &str| {
        let lower = text.to_ascii_lowercase();
        (lower.starts_with("https://") || lower.starts_with("http://")) && !text.contains(char::is_whitespace)
    };
    if !address.is_empty() && !is_web_address(address) {
        errors.push(PackError::InvalidAddress { place: place.clone(), value: address.to_string() });
    }
    Some(Check {
        outcome: outcome?,
        checked_on: checked_on?,
        compared_with,
        address: (!address.is_empty()).then(|| address.to_string()),
    })
}

/// Search keywords: trimmed, blank ones dropped, within the count and length limits.
fn validate_keywords(raw: Vec<String>, place: &Place, errors: &mut Vec<PackError>) -> Vec<String> {
    let keywords: Vec<String> = raw
        .iter()
        .map(|keyword| keyword.trim().to_string())
        .filter(|keyword| !keyword.is_empty())
        .collect();
    check_count(keywords.len(), limits::MAX_KEYWORDS, place, Count::Keywords, errors);
    for keyword in &keywords {
        check_length(keyword, limits::MAX_KEYWORD_CHARS, place, Field::Keywords, errors);
    }
    keywords
}

fn validate_source(raw: RawSource, version: u32, place: &Place, errors: &mut Vec<PackError>) -> Source {
    let absent = [&raw.document, &raw.date, &raw.status]
        .iter()
        .all(|text| text.trim().is_empty());
    if absent {
        errors.push(PackError::Missing {
            place: place.clone(),
            field: Field::Source,
        });
        return Source {
            document: String::new(),
            date: None,
            status: Status::Summary,
            check: None,
        };
    }
    let document = required_text(&raw.document, limits::MAX_SHORT_TEXT_CHARS, place, Field::SourceDocument, errors);
    let status_text = raw.status.trim().to_string();
    let status = if status_text.is_empty() {
        errors.push(PackError::Missing {
            place: place.clone(),
            field: Field::SourceStatus,
        });
        None
    } else {
        let status = Status::from_key(&status_text);
        if status.is_none() {
            errors.push(PackError::UnknownStatus {
                place: place.clone(),
                value: status_text,
            });
        }
        status
    };
    let date_text = raw.date.trim().to_string();
    let date = if date_text.is_empty() {
        // Official wording and summaries always name the document's date; only a quote
        // of unverified origin may have none.
        if matches!(status, Some(Status::Official | Status::Summary)) {
            errors.push(PackError::Missing {
                place: place.clone(),
                field: Field::SourceDate,
            });
        }
        None
    } else {
        let date = SourceDate::parse(&date_text);
        if date.is_none() {
            errors.push(PackError::InvalidDate {
                place: place.clone(),
                field: Field::SourceDate,
                value: date_text,
            });
        }
        date
    };
    let check = validate_check(raw.check, place, errors);
    // From format 2, wording shown as the document's must have been compared word for word
    // (a pack of format 1 has no check records: its items show as not yet compared).
    let word_for_word = check.as_ref().is_some_and(|check| check.outcome == CheckOutcome::WordForWord);
    if version >= 2 && status == Some(Status::Official) && !word_for_word {
        errors.push(PackError::OfficialWithoutWordForWordCheck { place: place.clone() });
    }
    Source {
        document,
        date,
        status: status.unwrap_or(Status::Summary),
        check,
    }
}

impl Pack {
    /// Reads a pack: checks the size, parses the JSON, checks the format version, then
    /// validates everything. The `Display` of the error is the Vietnamese message.
    pub fn from_json(json: &str) -> Result<Pack, PackLoadError> {
        load(json)
    }
}
