//! Reading records from parsed JSON, one at a time, so that a wrong field is reported
//! with its record and its name ("Đảng viên «Nguyễn Văn An»: trường «role» …") instead of
//! a line and column, and so that every broken record is reported, not only the first.
//!
//! Each record is read from its own compact JSON text with `serde_json::from_str::<T>`,
//! the very call the app's storage uses to read a record, so the rules are exactly the
//! model's and the wasm holds one deserialiser per type, not a second one for
//! `serde_json::Value` (that would add tens of kilobytes). Only when a record fails is it
//! taken apart to say which fields are wrong (see [`record`]).

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::dataset::{CommitteeDuesRules, CommitteePack, CustomFramework, CustomTemplate, Deletion};
use crate::dues::{DuesPayment, DuesProfile, DuesRuleLoadError, DuesRuleProblem, DuesRules};
use crate::framework::{Framework, FrameworkError, FrameworkLoadError};
use crate::handbook::{Pack, PackError, PackLoadError, SyntaxProblem};
use crate::model::{ChiBo, HandbookMark, Meeting, Member, Timestamp};
use crate::preparation::MeetingPlan;
use crate::review::{DossierTemplate, TemplateError, TemplateLoadError, YearReview};

/// What a field should hold, when serde's own description is not helpful (dates and
/// times: chrono says only "input contains invalid characters").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A time of day, `HH:MM:SS`.
    Time,
    /// A moment, RFC 3339 (`2026-05-03T12:30:00Z`).
    Timestamp,
    /// A day of the month, 1–31.
    DayOfMonth,
    /// A month, `YYYY-MM`.
    Month,
    /// Anything else: the parser's description is translated.
    Other,
}

/// A problem with the fields of one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldIssue {
    /// The record (or the file, or a list) is not a JSON object.
    NotAnObject {
        /// What was found instead, shortened.
        found: String,
    },
    /// A required field is absent.
    Missing {
        /// The JSON key.
        field: &'static str,
    },
    /// A field holds a value of the wrong type or an unknown value.
    Invalid {
        /// The JSON key.
        field: &'static str,
        /// For a list, the 1-based position of the first wrong element.
        element: Option<usize>,
        /// What the field should hold.
        expected: Expected,
        /// The value found, shortened.
        found: String,
        /// The parser's (English) description, translated in the message.
        detail: String,
    },
    /// The record could not be read and no single field could be blamed.
    Unreadable {
        /// The parser's (English) description.
        detail: String,
    },
}

/// Reads a value of type `T` from a JSON value, through its text (see the module docs).
pub(crate) fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    serde_json::from_str(&value.to_string())
}

/// The fields of a kind of record: every JSON key, and those that must be present.
pub(crate) struct Fields {
    all: &'static [&'static str],
    required: &'static [&'static str],
}

impl Fields {
    /// The fields that must be present.
    #[cfg(test)]
    pub(crate) fn required(&self) -> &'static [&'static str] {
        self.required
    }
}

pub(crate) const CHI_BO: Fields = Fields {
    all: &[
        "id",
        "name",
        "kind",
        "superior_committee",
        "usual_meeting_day",
        "framework_id",
        "updated_at",
    ],
    required: &[
        "id",
        "name",
        "kind",
        "usual_meeting_day",
        "framework_id",
        "updated_at",
    ],
};

pub(crate) const MEMBER: Fields = Fields {
    all: &[
        "id",
        "name",
        "role",
        "status",
        "exemptions",
        "joined_on",
        "left_on",
        "updated_at",
    ],
    required: &["id", "name", "role", "status", "updated_at"],
};

pub(crate) const MEETING: Fields = Fields {
    all: &[
        "id",
        "date",
        "kind",
        "start_time",
        "end_time",
        "place",
        "chair_id",
        "secretary_id",
        "guests",
        "attendance",
        "speakers",
        "agenda_done",
        "previous_tasks",
        "next_tasks",
        "resolution",
        "vote",
        "notes",
        "own_sheet",
        "superior_sheet",
        "status",
        "plan_id",
        "updated_at",
    ],
    required: &["id", "date", "kind", "own_sheet", "updated_at"],
};

pub(crate) const PLAN: Fields = Fields {
    all: &[
        "id",
        "month",
        "kind",
        "date",
        "start_time",
        "end_time",
        "place",
        "topic",
        "content",
        "outline",
        "draft_resolution",
        "committee",
        "notice_to_members",
        "notice_to_superior",
        "documents_sent",
        "updated_at",
    ],
    required: &["id", "month", "kind", "date", "updated_at"],
};

pub(crate) const MARK: Fields = Fields {
    all: &["item_id", "bookmarked", "note", "updated_at"],
    required: &["item_id", "updated_at"],
};

pub(crate) const REVIEW: Fields = Fields {
    all: &[
        "id",
        "year",
        "template_id",
        "sections",
        "proposed_level",
        "vote",
        "reviewed_on",
        "status",
        "updated_at",
    ],
    required: &["id", "year", "template_id", "updated_at"],
};

pub(crate) const DUES_PROFILE: Fields = Fields {
    all: &[
        "id",
        "member_id",
        "category_key",
        "usual_amount_dong",
        "reliefs",
        "note",
        "updated_at",
    ],
    required: &["id", "member_id", "category_key", "usual_amount_dong", "updated_at"],
};

pub(crate) const DUES_PAYMENT: Fields = Fields {
    all: &[
        "id",
        "member_id",
        "month",
        "months_covered",
        "amount_dong",
        "way",
        "paid_on",
        "note",
        "recorded_at",
        "updated_at",
    ],
    required: &[
        "id",
        "member_id",
        "month",
        "amount_dong",
        "way",
        "recorded_at",
        "updated_at",
    ],
};

pub(crate) const DELETION: Fields = Fields {
    all: &["kind", "id", "deleted_at"],
    required: &["kind", "id", "deleted_at"],
};

/// What a field holds, by its name (the same names mean the same thing in every record).
fn expected(field: &str) -> Expected {
    match field {
        "date" | "joined_on" | "left_on" | "reviewed_on" | "paid_on" => Expected::Date,
        "start_time" | "end_time" => Expected::Time,
        "updated_at" | "deleted_at" | "recorded_at" => Expected::Timestamp,
        "month" => Expected::Month,
        "usual_meeting_day" => Expected::DayOfMonth,
        _ => Expected::Other,
    }
}

/// Reads one record of a model type, or says what is wrong with its fields: every
/// missing required field, and every field that holds a wrong value.
///
/// serde stops at the first error, so a wrong field is located from the error's column
/// in the record's one-line text, set aside, and the record read again, until it reads
/// (at most once per field). One deserialiser per type, the app's own, does it all.
pub(crate) fn record<T: DeserializeOwned>(
    value: &Value,
    fields: &Fields,
) -> Result<T, Vec<FieldIssue>> {
    let Value::Object(object) = value else {
        return Err(vec![FieldIssue::NotAnObject {
            found: shorten(value),
        }]);
    };
    let mut issues: Vec<FieldIssue> = fields
        .required
        .iter()
        .filter(|field| !object.contains_key(**field))
        .map(|field| FieldIssue::Missing { field })
        .collect();
    // The record as read, then without the fields found wrong (copied only on error).
    let mut rest: Option<serde_json::Map<String, Value>> = None;
    for _ in 0..=fields.all.len() {
        let text = match &rest {
            None => value.to_string(),
            Some(rest) => Value::Object(rest.clone()).to_string(),
        };
        let error = match serde_json::from_str::<T>(&text) {
            Ok(record) if issues.is_empty() => return Ok(record),
            Ok(_) => return Err(issues),
            Err(error) => error,
        };
        let detail = strip_position(&error.to_string());
        // A required field missing at the record's level (listed above, or set aside
        // below because it was wrong): every other field has been read.
        let rest = rest.get_or_insert_with(|| object.clone());
        let missing_here = missing_field_name(&detail)
            .is_some_and(|name| fields.all.contains(&name) && !rest.contains_key(name));
        if missing_here && !issues.is_empty() {
            break;
        }
        let (key, element, nested) = locate(&text, error.column().saturating_sub(1));
        let field = fields
            .all
            .iter()
            .copied()
            .find(|field| Some(*field) == key.as_deref());
        match field {
            Some(field) if nested && !missing_here => {
                let value = rest.remove(field).unwrap_or(Value::Null);
                let found = match element.and_then(|at| value.get(at)) {
                    Some(item) => shorten(item),
                    None => shorten(&value),
                };
                issues.push(FieldIssue::Invalid {
                    field,
                    element: element.map(|at| at + 1),
                    expected: if element.is_some() {
                        Expected::Other
                    } else {
                        expected(field)
                    },
                    found,
                    detail,
                });
            }
            _ => {
                issues.push(FieldIssue::Unreadable { detail });
                break;
            }
        }
    }
    Err(issues)
}

/// The field named by serde's "missing field `x`".
fn missing_field_name(detail: &str) -> Option<&str> {
    detail.strip_prefix("missing field `")?.split('`').next()
}

/// In the one-line JSON `text` of an object: the top-level key whose value holds byte
/// `offset`, the 0-based element of that value (when it is a list) that holds it, and
/// whether the offset is inside a value (`false`: at the record's own level, e.g. after
/// its closing brace, where serde reports a missing field).
fn locate(text: &str, offset: usize) -> (Option<String>, Option<usize>, bool) {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut key_start = None;
    let mut key: Option<String> = None;
    let mut expecting_key = false;
    let mut list_value = false;
    let mut element = 0usize;
    let mut in_value = false;
    for (at, &byte) in bytes.iter().enumerate().take(offset) {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
                if let Some(start) = key_start.take() {
                    key = text.get(start..at).map(str::to_owned);
                }
            }
            continue;
        }
        match byte {
            b'"' => {
                in_string = true;
                if depth == 1 && expecting_key {
                    key_start = Some(at + 1);
                    expecting_key = false;
                }
            }
            b':' if depth == 1 => {
                in_value = true;
                list_value = false;
            }
            b'{' | b'[' => {
                depth += 1;
                if depth == 1 {
                    expecting_key = true;
                } else if depth == 2 {
                    list_value = byte == b'[';
                    element = 0;
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    in_value = false;
                }
            }
            b',' if depth == 1 => {
                expecting_key = true;
                in_value = false;
            }
            b',' if depth == 2 && list_value => element += 1,
            _ => {}
        }
    }
    let element = (depth >= 2 && list_value).then_some(element);
    (key, element, in_value)
}

/// A value as the message shows it: texts as they are, anything else as compact JSON,
/// at most 60 characters.
pub(crate) fn shorten(value: &Value) -> String {
    let text = match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let mut short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// A value described as serde describes an unexpected one (`string "x"`, `integer `5``,
/// `sequence`…), for messages built like serde's.
pub(crate) fn unexpected(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => format!("boolean `{flag}`"),
        Value::Number(number) if number.is_f64() => format!("floating point `{number}`"),
        Value::Number(number) => format!("integer `{number}`"),
        Value::String(_) => format!("string \"{}\"", shorten(value)),
        Value::Array(_) => "sequence".to_owned(),
        Value::Object(_) => "map".to_owned(),
    }
}

/// A text field of an object, if it is one (for naming a record that failed to read).
pub(crate) fn text_of<'a>(value: &'a Value, field: &str) -> &'a str {
    value.get(field).and_then(Value::as_str).unwrap_or("")
}

/// The `date` of a meeting that failed to read, if that field was readable.
pub(crate) fn date_of(value: &Value) -> Option<NaiveDate> {
    value.get("date")?.as_str()?.parse().ok()
}

/// A problem with a record that wraps a rule set a committee authored (a framework, a
/// dossier template): its own fields, or the rule set's own validation error `E`.
pub(crate) enum RuleSetIssue<E> {
    Field(FieldIssue),
    Invalid(E),
}

/// A problem with a custom framework record.
pub(crate) type FrameworkIssue = RuleSetIssue<FrameworkError>;

/// A problem with a committee dossier template record.
pub(crate) type TemplateIssue = RuleSetIssue<TemplateError>;

/// Why a rule set's own reader refused it: its shape (the parser's English description)
/// or its validation errors.
enum RuleSetRefusal<E> {
    Syntax(String),
    Invalid(Vec<E>),
}

/// Reads `{"updated_at", "<inner>"}` and the rule set inside it with the rule set's own
/// reader (`parse`: the same rules and messages as loading its file).
fn rule_set<R, E>(
    value: &Value,
    inner: &'static str,
    parse: impl Fn(&str) -> Result<R, RuleSetRefusal<E>>,
) -> Result<(Timestamp, R), Vec<RuleSetIssue<E>>> {
    let (updated_at, body) = wrapper(value, inner)
        .map_err(|issues| issues.into_iter().map(RuleSetIssue::Field).collect::<Vec<_>>())?;
    match parse(&body.to_string()) {
        Ok(parsed) => Ok((updated_at, parsed)),
        Err(RuleSetRefusal::Syntax(detail)) => Err(vec![RuleSetIssue::Field(FieldIssue::Invalid {
            field: inner,
            element: None,
            expected: Expected::Other,
            found: String::new(),
            detail: strip_position(&detail),
        })]),
        Err(RuleSetRefusal::Invalid(errors)) => {
            Err(errors.into_iter().map(RuleSetIssue::Invalid).collect())
        }
    }
}

/// Reads a custom framework record `{"updated_at", "framework"}`, validating the framework.
pub(crate) fn custom_framework(value: &Value) -> Result<CustomFramework, Vec<FrameworkIssue>> {
    let (updated_at, framework) = rule_set(value, "framework", |json| {
        Framework::from_json(json).map_err(|error| match error {
            FrameworkLoadError::Syntax { detail, .. } => RuleSetRefusal::Syntax(detail),
            FrameworkLoadError::Invalid(errors) => RuleSetRefusal::Invalid(errors),
        })
    })?;
    Ok(CustomFramework {
        updated_at,
        framework,
    })
}

/// Reads a committee template record `{"updated_at", "template"}`, validating the template.
pub(crate) fn custom_template(value: &Value) -> Result<CustomTemplate, Vec<TemplateIssue>> {
    let (updated_at, template) = rule_set(value, "template", |json| {
        DossierTemplate::from_json(json).map_err(|error| match error {
            TemplateLoadError::Syntax { detail, .. } => RuleSetRefusal::Syntax(detail),
            TemplateLoadError::Invalid(errors) => RuleSetRefusal::Invalid(errors),
        })
    })?;
    Ok(CustomTemplate {
        updated_at,
        template,
    })
}

/// A problem with the committee's dues rule record.
pub(crate) type DuesRulesIssue = RuleSetIssue<DuesRuleProblem>;

/// Reads the committee's dues rule record `{"updated_at", "rules"}`, validating the rule
/// with the dues book's own rules ([`DuesRules::from_json`]).
pub(crate) fn committee_dues_rules(value: &Value) -> Result<CommitteeDuesRules, Vec<DuesRulesIssue>> {
    let (updated_at, rules) = rule_set(value, "rules", |json| {
        DuesRules::from_json(json).map_err(|error| match error {
            DuesRuleLoadError::Syntax { detail, .. } => RuleSetRefusal::Syntax(detail),
            DuesRuleLoadError::Invalid(problems) => RuleSetRefusal::Invalid(problems),
        })
    })?;
    Ok(CommitteeDuesRules { updated_at, rules })
}

/// A problem with the committee pack record.
pub(crate) enum PackIssue {
    Field(FieldIssue),
    Shape {
        problem: SyntaxProblem,
        detail: String,
    },
    Invalid(PackError),
}

/// Reads the committee pack record `{"updated_at", "pack"}`, validating the pack with the
/// handbook's own rules ([`Pack::from_json`]).
pub(crate) fn committee_pack(value: &Value) -> Result<CommitteePack, Vec<PackIssue>> {
    let (updated_at, pack) = wrapper(value, "pack")
        .map_err(|issues| issues.into_iter().map(PackIssue::Field).collect::<Vec<_>>())?;
    match Pack::from_json(&pack.to_string()) {
        Ok(pack) => Ok(CommitteePack { updated_at, pack }),
        Err(PackLoadError::Syntax {
            problem, detail, ..
        }) => Err(vec![PackIssue::Shape {
            problem,
            detail: strip_position(&detail),
        }]),
        Err(PackLoadError::Invalid(errors)) => {
            Err(errors.into_iter().map(PackIssue::Invalid).collect())
        }
    }
}

/// `{"updated_at": …, "<inner>": {…}}`: the timestamp and the inner object.
fn wrapper<'a>(
    value: &'a Value,
    inner: &'static str,
) -> Result<(Timestamp, &'a Value), Vec<FieldIssue>> {
    let Value::Object(_) = value else {
        return Err(vec![FieldIssue::NotAnObject {
            found: shorten(value),
        }]);
    };
    let mut issues = Vec::new();
    let updated_at = match value.get("updated_at") {
        None => {
            issues.push(FieldIssue::Missing {
                field: "updated_at",
            });
            None
        }
        Some(field) => match from_value::<Timestamp>(field).ok() {
            Some(at) => Some(at),
            None => {
                issues.push(FieldIssue::Invalid {
                    field: "updated_at",
                    element: None,
                    expected: Expected::Timestamp,
                    found: shorten(field),
                    detail: String::new(),
                });
                None
            }
        },
    };
    let inner_value = match value.get(inner) {
        None => {
            issues.push(FieldIssue::Missing { field: inner });
            None
        }
        Some(object @ Value::Object(_)) => Some(object),
        Some(other) => {
            issues.push(FieldIssue::Invalid {
                field: inner,
                element: None,
                expected: Expected::Other,
                found: shorten(other),
                detail: format!("invalid type: {}, expected a map", unexpected(other)),
            });
            None
        }
    };
    match (updated_at, inner_value) {
        (Some(at), Some(inner_value)) if issues.is_empty() => Ok((at, inner_value)),
        _ => Err(issues),
    }
}

/// serde_json appends " at line 1 column 30" to errors from text; in a re-serialised
/// part of the file that position means nothing to the user.
pub(crate) fn strip_position(detail: &str) -> String {
    match detail.rfind(" at line ") {
        Some(at) => detail[..at].to_owned(),
        None => detail.to_owned(),
    }
}

/// Reads a chi bộ record.
pub(crate) fn chi_bo(value: &Value) -> Result<ChiBo, Vec<FieldIssue>> {
    record(value, &CHI_BO)
}

/// Reads a member record.
pub(crate) fn member(value: &Value) -> Result<Member, Vec<FieldIssue>> {
    record(value, &MEMBER)
}

/// Reads a meeting record.
pub(crate) fn meeting(value: &Value) -> Result<Meeting, Vec<FieldIssue>> {
    record(value, &MEETING)
}

/// Reads a deletion marker.
pub(crate) fn deletion(value: &Value) -> Result<Deletion, Vec<FieldIssue>> {
    record(value, &DELETION)
}

/// Reads a meeting plan record.
pub(crate) fn plan(value: &Value) -> Result<MeetingPlan, Vec<FieldIssue>> {
    record(value, &PLAN)
}

/// Reads a year-end review record.
pub(crate) fn review(value: &Value) -> Result<YearReview, Vec<FieldIssue>> {
    record(value, &REVIEW)
}

/// Reads a member's dues profile.
pub(crate) fn dues_profile(value: &Value) -> Result<DuesProfile, Vec<FieldIssue>> {
    record(value, &DUES_PROFILE)
}

/// Reads a dues payment.
pub(crate) fn dues_payment(value: &Value) -> Result<DuesPayment, Vec<FieldIssue>> {
    record(value, &DUES_PAYMENT)
}

/// Reads a handbook mark record.
pub(crate) fn mark(value: &Value) -> Result<HandbookMark, Vec<FieldIssue>> {
    record(value, &MARK)
}
