//! The year-end review dossier's template as data: its basis, issuer, date, source and
//! wording status (like a framework), the headings of the sections the chi bộ writes, and
//! the four levels with their conditions. The format is documented in
//! `docs/review-template.md`. A file is read with [`DossierTemplate::from_json`], which
//! parses and then validates it; every problem is a [`TemplateError`] whose Vietnamese
//! message names the place.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ReviewLevel;
use crate::framework::WordingStatus;

/// The only template format version this crate reads (`"format_version": 1`).
pub const TEMPLATE_FORMAT_VERSION: u32 = 1;

/// Id of the built-in template.
pub const BUILTIN_TEMPLATE_ID: &str = "qd366-mau01-tom-tat";

/// The built-in template's JSON (headings summarised from HD 43's Mẫu 01: its official
/// wording was not collected).
pub const BUILTIN_TEMPLATE_JSON: &str = include_str!("../../templates/qd366-mau01-tom-tat.json");

/// A section of the dossier the chi bộ writes (e.g. "Hạn chế, khuyết điểm và nguyên nhân").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateSection {
    /// Stable id, unique in the template: the review's texts are keyed by it.
    pub id: String,
    /// Heading shown and printed.
    pub heading: String,
    /// Guidance shown under the heading while writing (never printed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hint: String,
}

/// A level of the annual rating with its conditions, as the template words them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelConditions {
    /// The level.
    pub level: ReviewLevel,
    /// Its conditions, shown beside it when the chi bộ picks its proposal.
    pub conditions: String,
}

/// A dossier template: a versioned rule set with its legal basis and source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DossierTemplate {
    /// Format of this JSON; must be [`TEMPLATE_FORMAT_VERSION`].
    pub format_version: u32,
    /// Stable id.
    pub id: String,
    /// Edition number of this id.
    #[serde(default = "first_version")]
    pub version: u32,
    /// Name shown (e.g. "Báo cáo kiểm điểm tập thể chi bộ").
    pub name: String,
    /// Issuing body.
    pub issued_by: String,
    /// Date of the issuing document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// Legal basis (căn cứ).
    pub legal_basis: Vec<String>,
    /// Where the text was taken from.
    pub source: String,
    /// How reliable the wording is.
    pub wording_status: WordingStatus,
    /// Free note shown with the template.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The sections, in dossier order.
    pub sections: Vec<TemplateSection>,
    /// The four levels, each once, with their conditions.
    pub levels: Vec<LevelConditions>,
}

fn first_version() -> u32 {
    1
}

impl DossierTemplate {
    /// Parses and validates a template file.
    pub fn from_json(json: &str) -> Result<DossierTemplate, TemplateLoadError> {
        let template: DossierTemplate =
            serde_json::from_str(json).map_err(|error| TemplateLoadError::Syntax {
                line: error.line(),
                column: error.column(),
                detail: error.to_string(),
            })?;
        template.validate().map_err(TemplateLoadError::Invalid)?;
        Ok(template)
    }

    /// The built-in template.
    pub fn builtin() -> DossierTemplate {
        // Checked by the test suite; an unreadable built-in would be a build mistake, and
        // a template with no sections still lets the evidence be shown.
        DossierTemplate::from_json(BUILTIN_TEMPLATE_JSON).unwrap_or_else(|_| DossierTemplate {
            format_version: TEMPLATE_FORMAT_VERSION,
            id: BUILTIN_TEMPLATE_ID.to_owned(),
            version: 1,
            name: String::new(),
            issued_by: String::new(),
            issued_on: None,
            legal_basis: Vec::new(),
            source: String::new(),
            wording_status: WordingStatus::Unverified,
            note: String::new(),
            sections: Vec::new(),
            levels: Vec::new(),
        })
    }

    /// Pretty JSON, in the documented format.
    pub fn to_json_pretty(&self) -> String {
        crate::indent::to_pretty_json(self)
    }

    /// A section by id.
    pub fn section(&self, id: &str) -> Option<&TemplateSection> {
        self.sections.iter().find(|section| section.id == id)
    }

    /// The conditions of a level, as the template words them.
    pub fn conditions_of(&self, level: ReviewLevel) -> Option<&str> {
        self.levels
            .iter()
            .find(|entry| entry.level == level)
            .map(|entry| entry.conditions.as_str())
    }

    /// Checks the template; returns every problem found.
    pub fn validate(&self) -> Result<(), Vec<TemplateError>> {
        let mut errors = Vec::new();
        self.validate_header(&mut errors);
        self.validate_sections(&mut errors);
        self.validate_levels(&mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn validate_header(&self, errors: &mut Vec<TemplateError>) {
        if self.format_version != TEMPLATE_FORMAT_VERSION {
            errors.push(TemplateError::UnsupportedFormatVersion {
                found: self.format_version,
            });
        }
        let fields = [
            ("id", &self.id),
            ("name", &self.name),
            ("issued_by", &self.issued_by),
            ("source", &self.source),
        ];
        for (field, value) in fields {
            require(value, || TemplatePlace::Template, field, errors);
        }
        if self.legal_basis.iter().all(|basis| basis.trim().is_empty()) {
            errors.push(TemplateError::NoLegalBasis);
        }
    }

    fn validate_sections(&self, errors: &mut Vec<TemplateError>) {
        if self.sections.is_empty() {
            errors.push(TemplateError::NoSections);
        }
        let mut ids = HashSet::new();
        for (index, section) in self.sections.iter().enumerate() {
            require(&section.id, || TemplatePlace::SectionAt(index + 1), "id", errors);
            require(
                &section.heading,
                || TemplatePlace::Section(section.id.clone()),
                "heading",
                errors,
            );
            if !section.id.trim().is_empty() && !ids.insert(section.id.as_str()) {
                errors.push(TemplateError::DuplicateSectionId {
                    section_id: section.id.clone(),
                });
            }
        }
    }

    fn validate_levels(&self, errors: &mut Vec<TemplateError>) {
        for level in ReviewLevel::BEST_FIRST {
            let count = self.levels.iter().filter(|entry| entry.level == level).count();
            match count {
                0 => errors.push(TemplateError::MissingLevel { level }),
                1 => {}
                _ => errors.push(TemplateError::DuplicateLevel { level }),
            }
        }
        for entry in &self.levels {
            require(
                &entry.conditions,
                || TemplatePlace::Level(entry.level),
                "conditions",
                errors,
            );
        }
    }
}

fn require(
    value: &str,
    place: impl Fn() -> TemplatePlace,
    field: &'static str,
    errors: &mut Vec<TemplateError>,
) {
    if value.trim().is_empty() {
        errors.push(TemplateError::EmptyField {
            place: place(),
            field,
        });
    }
}

/// Where in a template a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplatePlace {
    /// The template's own fields.
    Template,
    /// A section by its 1-based position (its id is missing).
    SectionAt(usize),
    /// A section by id.
    Section(String),
    /// A level's entry.
    Level(ReviewLevel),
}

/// Why a template file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateLoadError {
    /// Not JSON, or JSON that does not have the template's shape.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's own (English) description.
        detail: String,
    },
    /// Well-formed but inconsistent.
    Invalid(Vec<TemplateError>),
}

impl std::error::Error for TemplateLoadError {}

/// A specific problem in a template; `Display` gives the Vietnamese message naming the
/// place.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    /// `format_version` is not one this app reads.
    UnsupportedFormatVersion { found: u32 },
    /// A required text is empty: where, and the JSON key.
    EmptyField { place: TemplatePlace, field: &'static str },
    /// `legal_basis` names no document.
    NoLegalBasis,
    /// No sections at all.
    NoSections,
    /// Two sections share an id.
    DuplicateSectionId { section_id: String },
    /// A level of the four is not listed.
    MissingLevel { level: ReviewLevel },
    /// A level is listed twice.
    DuplicateLevel { level: ReviewLevel },
}

impl TemplateError {
    /// A stable machine code for the error kind.
    pub fn code(&self) -> &'static str {
        match self {
            TemplateError::UnsupportedFormatVersion { .. } => "unsupported_format_version",
            TemplateError::EmptyField { .. } => "empty_field",
            TemplateError::NoLegalBasis => "no_legal_basis",
            TemplateError::NoSections => "no_sections",
            TemplateError::DuplicateSectionId { .. } => "duplicate_section_id",
            TemplateError::MissingLevel { .. } => "missing_level",
            TemplateError::DuplicateLevel { .. } => "duplicate_level",
        }
    }

    /// Every code [`TemplateError::code`] can return (the tests produce each).
    pub const ALL_CODES: [&'static str; 7] = [
        "unsupported_format_version",
        "empty_field",
        "no_legal_basis",
        "no_sections",
        "duplicate_section_id",
        "missing_level",
        "duplicate_level",
    ];
}

impl std::error::Error for TemplateError {}
