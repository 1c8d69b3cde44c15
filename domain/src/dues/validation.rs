//! Reading a dues rule file and validating it: every problem is a fact with its place
//! (which category, exemption, region… and which field) and what is wrong. The Vietnamese
//! messages are made in [`crate::text::dues`] (which also gives these types their
//! `Display`). This module depends on [`super::rules`] (the data), never the other way.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::rules::{CategoryKind, DuesCategory, DuesRules, BUILTIN_JSON, FORMAT_VERSION};
use super::PaymentWay;

/// The built-in rule, parsed and validated. The test suite guarantees it loads; should it
/// ever not, `None` rather than a panic.
pub fn builtin_rules() -> Option<DuesRules> {
    DuesRules::from_json(BUILTIN_JSON).ok()
}

impl DuesRules {
    /// Parses and validates a rule file.
    pub fn from_json(json: &str) -> Result<DuesRules, DuesRuleLoadError> {
        let rules: DuesRules =
            serde_json::from_str(json).map_err(|error| DuesRuleLoadError::Syntax {
                line: error.line(),
                column: error.column(),
                detail: error.to_string(),
            })?;
        let problems = rules.problems();
        if problems.is_empty() {
            Ok(rules)
        } else {
            Err(DuesRuleLoadError::Invalid(problems))
        }
    }

    /// Every problem with its place; empty when the rule is valid.
    pub fn problems(&self) -> Vec<DuesRuleProblem> {
        problems(self)
    }
}

/// Why a rule file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DuesRuleLoadError {
    /// Not JSON, or JSON without the rule's shape (a misspelt or unknown field, a wrong
    /// type, a month or date not written as the format says).
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's own (English) description.
        detail: String,
    },
    /// Well-formed but inconsistent: every problem found.
    Invalid(Vec<DuesRuleProblem>),
}

impl std::error::Error for DuesRuleLoadError {}

/// Which object of the rule a problem is in: by position (0-based) and, for listed
/// objects, the key it has (possibly empty), so a message can name it.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RulePlace {
    /// The rule's own fields.
    Rule,
    /// `basis`.
    Basis,
    /// A category.
    Category { index: usize, key: String },
    /// `regional_minimum_wages`.
    Wages,
    /// A region of the regional wages.
    Region { index: usize, key: String },
    /// An exemption.
    Exemption { index: usize, key: String },
    /// `reductions`.
    Reductions,
    /// A way to pay.
    PaymentWay { index: usize },
    /// A provision.
    Provision { index: usize, key: String },
    /// `warning`.
    Warning,
}

impl RulePlace {
    /// The JSON pointer of the object (`/categories/2`).
    pub fn pointer(&self) -> String {
        match self {
            RulePlace::Rule => String::new(),
            RulePlace::Basis => "/basis".to_owned(),
            RulePlace::Category { index, .. } => format!("/categories/{index}"),
            RulePlace::Wages => "/regional_minimum_wages".to_owned(),
            RulePlace::Region { index, .. } => format!("/regional_minimum_wages/regions/{index}"),
            RulePlace::Exemption { index, .. } => format!("/exemptions/{index}"),
            RulePlace::Reductions => "/reductions".to_owned(),
            RulePlace::PaymentWay { index } => format!("/payment_ways/{index}"),
            RulePlace::Provision { index, .. } => format!("/provisions/{index}"),
            RulePlace::Warning => "/warning".to_owned(),
        }
    }
}

/// What is wrong. The field is the problem's [`DuesRuleProblem::field`].
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// `format_version` is not one this app reads.
    UnsupportedFormatVersion { found: u32 },
    /// A required text is empty.
    EmptyText,
    /// A required list is empty (`sources`, `categories`, `payment_ways`, `regions`,
    /// reductions' `basis_points`).
    EmptyList,
    /// Two objects of a list share a key.
    DuplicateKey { key: String },
    /// Two entries for one way to pay.
    DuplicateWay { way: PaymentWay },
    /// Two entries for one reduction.
    DuplicateReduction { basis_points: u32 },
    /// A field the category's kind needs is absent.
    MissingForKind { kind: CategoryKind },
    /// A field the category's kind does not use is present.
    NotForKind { kind: CategoryKind },
    /// A percentage of 0 or above 100 % (10000 basis points).
    PercentOutOfRange { basis_points: u32 },
    /// An amount of 0 đồng.
    ZeroAmount,
    /// A range whose smallest amount is above its largest.
    RangeReversed { min_dong: u64, max_dong: u64 },
    /// An end date before the start date.
    DatesReversed { from: NaiveDate, to: NaiveDate },
    /// `continues` names a key no category has.
    UnknownContinued { key: String },
    /// `continues` names the category itself.
    ContinuesItself,
    /// Two categories continue the same one.
    ContinuedTwice { key: String },
    /// A continuing category does not start after the one it continues ends (or one of
    /// the two dates is missing).
    ContinuationNotAfter { key: String },
    /// `base_from` names the regional wages, but the rule has none.
    NoRegionalWages,
    /// A reduction of 0 or of 100 % or more.
    ReductionOutOfRange { basis_points: u32 },
    /// A number of months of 0.
    ZeroMonths,
    /// The chi bộ's share above 100 %.
    ShareOutOfRange { basis_points: u32 },
    /// A warning threshold outside 1–12 months.
    WarningMonthsOutOfRange { months: u32 },
    /// `checked_on` before the document's date.
    CheckedBeforeDocument { checked_on: NaiveDate, date: NaiveDate },
}

impl ProblemKind {
    /// A stable machine code (`"empty_text"`).
    pub fn code(&self) -> &'static str {
        use ProblemKind::*;
        match self {
            UnsupportedFormatVersion { .. } => "unsupported_format_version",
            EmptyText => "empty_text",
            EmptyList => "empty_list",
            DuplicateKey { .. } => "duplicate_key",
            DuplicateWay { .. } => "duplicate_way",
            DuplicateReduction { .. } => "duplicate_reduction",
            MissingForKind { .. } => "missing_for_kind",
            NotForKind { .. } => "not_for_kind",
            PercentOutOfRange { .. } => "percent_out_of_range",
            ZeroAmount => "zero_amount",
            RangeReversed { .. } => "range_reversed",
            DatesReversed { .. } => "dates_reversed",
            UnknownContinued { .. } => "unknown_continued",
            ContinuesItself => "continues_itself",
            ContinuedTwice { .. } => "continued_twice",
            ContinuationNotAfter { .. } => "continuation_not_after",
            NoRegionalWages => "no_regional_wages",
            ReductionOutOfRange { .. } => "reduction_out_of_range",
            ZeroMonths => "zero_months",
            ShareOutOfRange { .. } => "share_out_of_range",
            WarningMonthsOutOfRange { .. } => "warning_months_out_of_range",
            CheckedBeforeDocument { .. } => "checked_before_document",
        }
    }

    /// Every code [`ProblemKind::code`] can return (the tests produce each one).
    pub const ALL_CODES: [&'static str; 22] = [
        "unsupported_format_version",
        "empty_text",
        "empty_list",
        "duplicate_key",
        "duplicate_way",
        "duplicate_reduction",
        "missing_for_kind",
        "not_for_kind",
        "percent_out_of_range",
        "zero_amount",
        "range_reversed",
        "dates_reversed",
        "unknown_continued",
        "continues_itself",
        "continued_twice",
        "continuation_not_after",
        "no_regional_wages",
        "reduction_out_of_range",
        "zero_months",
        "share_out_of_range",
        "warning_months_out_of_range",
        "checked_before_document",
    ];
}

/// A problem of a rule: where (object and field) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuesRuleProblem {
    /// The object.
    pub place: RulePlace,
    /// Its field (the JSON key; empty for the whole object).
    pub field: &'static str,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl DuesRuleProblem {
    /// The JSON pointer of the field (`/categories/2/percent_basis_points`).
    pub fn pointer(&self) -> String {
        let object = self.place.pointer();
        if self.field.is_empty() {
            object
        } else {
            format!("{object}/{}", self.field)
        }
    }
}

impl std::error::Error for DuesRuleProblem {}

#[derive(Default)]
struct Found(Vec<DuesRuleProblem>);

impl Found {
    fn add(&mut self, place: &RulePlace, field: &'static str, kind: ProblemKind) {
        self.0.push(DuesRuleProblem {
            place: place.clone(),
            field,
            kind,
        });
    }

    fn text(&mut self, place: &RulePlace, field: &'static str, value: &str) {
        if value.trim().is_empty() {
            self.add(place, field, ProblemKind::EmptyText);
        }
    }

    fn list<T>(&mut self, place: &RulePlace, field: &'static str, items: &[T]) {
        if items.is_empty() {
            self.add(place, field, ProblemKind::EmptyList);
        }
    }

    /// A key: not empty, not seen before in its list.
    fn key(&mut self, place: &RulePlace, key: &str, seen: &mut BTreeSet<String>) {
        if key.trim().is_empty() {
            self.add(place, "key", ProblemKind::EmptyText);
        } else if !seen.insert(key.to_owned()) {
            self.add(place, "key", ProblemKind::DuplicateKey { key: key.to_owned() });
        }
    }

    fn dates(&mut self, place: &RulePlace, from: Option<NaiveDate>, to: Option<NaiveDate>) {
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                self.add(place, "valid_to", ProblemKind::DatesReversed { from, to });
            }
        }
    }
}

/// Every problem of `rules`, in the order of the file.
fn problems(rules: &DuesRules) -> Vec<DuesRuleProblem> {
    let mut found = Found::default();
    let top = RulePlace::Rule;
    if rules.format_version != FORMAT_VERSION {
        found.add(
            &top,
            "format_version",
            ProblemKind::UnsupportedFormatVersion {
                found: rules.format_version,
            },
        );
    }
    found.text(&top, "id", &rules.id);
    found.text(&top, "name", &rules.name);
    let basis = RulePlace::Basis;
    found.text(&basis, "document", &rules.basis.document);
    found.text(&basis, "issuer", &rules.basis.issuer);
    found.text(&basis, "number", &rules.basis.number);
    found.list(&top, "sources", &rules.sources);
    for source in &rules.sources {
        if source.trim().is_empty() {
            found.add(&top, "sources", ProblemKind::EmptyText);
        }
    }
    if rules.checked_on < rules.basis.date {
        found.add(
            &top,
            "checked_on",
            ProblemKind::CheckedBeforeDocument {
                checked_on: rules.checked_on,
                date: rules.basis.date,
            },
        );
    }
    found.list(&top, "categories", &rules.categories);
    let mut keys = BTreeSet::new();
    for (index, category) in rules.categories.iter().enumerate() {
        category_problems(&mut found, rules, index, category, &mut keys);
    }
    continuation_problems(&mut found, rules);
    wages_problems(&mut found, rules);
    let mut keys = BTreeSet::new();
    for (index, exemption) in rules.exemptions.iter().enumerate() {
        let place = RulePlace::Exemption {
            index,
            key: exemption.key.clone(),
        };
        found.key(&place, &exemption.key, &mut keys);
        found.text(&place, "label", &exemption.label);
        if exemption.max_months == Some(0) {
            found.add(&place, "max_months", ProblemKind::ZeroMonths);
        }
    }
    if let Some(reductions) = &rules.reductions {
        let place = RulePlace::Reductions;
        found.text(&place, "label", &reductions.label);
        found.list(&place, "basis_points", &reductions.basis_points);
        let mut seen = BTreeSet::new();
        for &basis_points in &reductions.basis_points {
            if basis_points == 0 || basis_points >= 10_000 {
                found.add(&place, "basis_points", ProblemKind::ReductionOutOfRange { basis_points });
            } else if !seen.insert(basis_points) {
                found.add(&place, "basis_points", ProblemKind::DuplicateReduction { basis_points });
            }
        }
        if reductions.max_months == 0 {
            found.add(&place, "max_months", ProblemKind::ZeroMonths);
        }
    }
    found.list(&top, "payment_ways", &rules.payment_ways);
    let mut ways = BTreeSet::new();
    for (index, way) in rules.payment_ways.iter().enumerate() {
        let place = RulePlace::PaymentWay { index };
        if !ways.insert(way.way) {
            found.add(&place, "way", ProblemKind::DuplicateWay { way: way.way });
        }
        found.text(&place, "label", &way.label);
    }
    if let Some(basis_points) = rules.chi_bo_share {
        if basis_points > 10_000 {
            found.add(&top, "chi_bo_share", ProblemKind::ShareOutOfRange { basis_points });
        }
    }
    let mut keys = BTreeSet::new();
    for (index, provision) in rules.provisions.iter().enumerate() {
        let place = RulePlace::Provision {
            index,
            key: provision.key.clone(),
        };
        found.key(&place, &provision.key, &mut keys);
        found.text(&place, "label", &provision.label);
    }
    let months = rules.warning.months;
    if !(1..=12).contains(&months) {
        found.add(
            &RulePlace::Warning,
            "months",
            ProblemKind::WarningMonthsOutOfRange { months },
        );
    }
    found.0
}

fn category_problems(
    found: &mut Found,
    rules: &DuesRules,
    index: usize,
    category: &DuesCategory,
    keys: &mut BTreeSet<String>,
) {
    let place = RulePlace::Category {
        index,
        key: category.key.clone(),
    };
    found.key(&place, &category.key, keys);
    found.text(&place, "label", &category.label);
    let kind = category.kind;
    let need = |found: &mut Found, field: &'static str, present: bool| {
        if !present {
            found.add(&place, field, ProblemKind::MissingForKind { kind });
        }
    };
    let refuse = |found: &mut Found, field: &'static str, present: bool| {
        if present {
            found.add(&place, field, ProblemKind::NotForKind { kind });
        }
    };
    let percent = category.percent_basis_points.is_some();
    let base = !category.base.trim().is_empty();
    let base_from = category.base_from.is_some();
    let amount = category.amount_dong.is_some();
    let range = [
        ("min_dong", category.min_dong.is_some()),
        ("max_dong", category.max_dong.is_some()),
    ];
    match kind {
        CategoryKind::PercentOfBase => {
            need(found, "percent_basis_points", percent);
            need(found, "base", base);
            refuse(found, "amount_dong", amount);
            for (field, present) in range {
                refuse(found, field, present);
            }
        }
        CategoryKind::Fixed => {
            need(found, "amount_dong", amount);
            refuse(found, "percent_basis_points", percent);
            refuse(found, "base", base);
            refuse(found, "base_from", base_from);
            for (field, present) in range {
                refuse(found, field, present);
            }
        }
        CategoryKind::Range => {
            for (field, present) in range {
                need(found, field, present);
            }
            refuse(found, "percent_basis_points", percent);
            refuse(found, "base", base);
            refuse(found, "base_from", base_from);
            refuse(found, "amount_dong", amount);
        }
    }
    if let Some(basis_points) = category.percent_basis_points {
        if basis_points == 0 || basis_points > 10_000 {
            found.add(
                &place,
                "percent_basis_points",
                ProblemKind::PercentOutOfRange { basis_points },
            );
        }
    }
    if category.amount_dong == Some(0) {
        found.add(&place, "amount_dong", ProblemKind::ZeroAmount);
    }
    if category.max_dong == Some(0) {
        found.add(&place, "max_dong", ProblemKind::ZeroAmount);
    }
    if let (Some(min_dong), Some(max_dong)) = (category.min_dong, category.max_dong) {
        if min_dong > max_dong {
            found.add(&place, "min_dong", ProblemKind::RangeReversed { min_dong, max_dong });
        }
    }
    if base_from && rules.regional_minimum_wages.is_none() {
        found.add(&place, "base_from", ProblemKind::NoRegionalWages);
    }
    found.dates(&place, category.valid_from, category.valid_to);
}

fn continuation_problems(found: &mut Found, rules: &DuesRules) {
    let mut continued = BTreeSet::new();
    for (index, category) in rules.categories.iter().enumerate() {
        let Some(previous_key) = &category.continues else {
            continue;
        };
        let place = RulePlace::Category {
            index,
            key: category.key.clone(),
        };
        if *previous_key == category.key {
            found.add(&place, "continues", ProblemKind::ContinuesItself);
            continue;
        }
        let Some(previous) = rules.category(previous_key) else {
            found.add(
                &place,
                "continues",
                ProblemKind::UnknownContinued {
                    key: previous_key.clone(),
                },
            );
            continue;
        };
        if !continued.insert(previous_key.clone()) {
            found.add(
                &place,
                "continues",
                ProblemKind::ContinuedTwice {
                    key: previous_key.clone(),
                },
            );
        }
        let after = match (previous.valid_to, category.valid_from) {
            (Some(end), Some(start)) => end < start,
            _ => false,
        };
        if !after {
            found.add(
                &place,
                "valid_from",
                ProblemKind::ContinuationNotAfter {
                    key: previous_key.clone(),
                },
            );
        }
    }
}

fn wages_problems(found: &mut Found, rules: &DuesRules) {
    let Some(wages) = &rules.regional_minimum_wages else {
        return;
    };
    let place = RulePlace::Wages;
    found.text(&place, "basis", &wages.basis);
    found.list(&place, "regions", &wages.regions);
    let mut keys = BTreeSet::new();
    for (index, region) in wages.regions.iter().enumerate() {
        let place = RulePlace::Region {
            index,
            key: region.key.clone(),
        };
        found.key(&place, &region.key, &mut keys);
        found.text(&place, "label", &region.label);
        if region.monthly_dong == 0 {
            found.add(&place, "monthly_dong", ProblemKind::ZeroAmount);
        }
    }
}
