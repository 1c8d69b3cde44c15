//! The dues rule as data: a versioned JSON file (`docs/dues.md`) with its basis, date and
//! sources, the categories of members and what each pays, exemptions, reductions, the
//! ways to pay, the share the chi bộ keeps (when known) and the warning's settings.
//! Every category, exemption and provision says whether the public sources confirmed
//! it (`confirmed`), so the app can mark what is not ("chưa đối chiếu được").
//!
//! The built-in rule (`domain/rules/dues-qd01-2026.json`) follows Quy định 01-QĐ/TW (2026)
//! as far as the public sources read on 2026-12-05 confirm it; a committee can load its
//! own file (`DuesRules::from_json`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::YearMonth;

/// The only rule-file format this crate reads (`"format_version": 1`).
pub const FORMAT_VERSION: u32 = 1;

/// The id of the built-in rule.
pub const BUILTIN_ID: &str = "dang-phi-qd01-2026";

/// The built-in rule file, embedded at compile time.
pub const BUILTIN_JSON: &str = include_str!("../../rules/dues-qd01-2026.json");

/// The document a rule applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleBasis {
    /// Its title, e.g. "Quy định số 01-QĐ/TW về chế độ đảng phí".
    pub document: String,
    /// Who issued it, e.g. "Bộ Chính trị".
    pub issuer: String,
    /// Its number, e.g. "01-QĐ/TW".
    pub number: String,
    /// Its date.
    pub date: NaiveDate,
    /// What else is known of it (signer, what it replaces), shown with the basis.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How a category's monthly amount is set. In JSON `"kind": "percent_of_base"`,
/// `"fixed"` or `"range"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryKind {
    /// A percentage (`percent_basis_points`) of a base (`base`): a salary, a pension, an
    /// allowance, or the regional minimum wage (`base_from`).
    PercentOfBase,
    /// A fixed amount (`amount_dong`).
    Fixed,
    /// An amount within `min_dong`–`max_dong`, set by guidance the rule does not hold: the
    /// chi bộ enters it.
    Range,
}

/// Where a percentage's base comes from, when the rule holds it. In JSON
/// `"base_from": "regional_minimum_wage"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseFrom {
    /// The monthly regional minimum wage of the region picked for the member
    /// ([`DuesRules::regional_minimum_wages`]).
    RegionalMinimumWage,
}

/// A category of members and what each pays a month. The amount fields are checked
/// against `kind` by validation (each field that does not fit is a located problem).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DuesCategory {
    /// Stable key, unique in the rule (a profile names it).
    pub key: String,
    /// Who is in it, in Vietnamese.
    pub label: String,
    /// How the amount is set.
    pub kind: CategoryKind,
    /// `percent_of_base`: the percentage in basis points (100 = 1 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent_basis_points: Option<u32>,
    /// `percent_of_base`: what the percentage is of, in Vietnamese.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
    /// `percent_of_base`: where the base's amount comes from, when the rule holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_from: Option<BaseFrom>,
    /// `fixed`: the monthly amount in đồng.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_dong: Option<u64>,
    /// `range`: the smallest monthly amount in đồng.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_dong: Option<u64>,
    /// `range`: the largest monthly amount in đồng.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_dong: Option<u64>,
    /// First day it applies. A category applies to a month when the month's first day is
    /// within its dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<NaiveDate>,
    /// Last day it applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<NaiveDate>,
    /// The key of the category this one continues after that one's `valid_to` (the same
    /// members at a new rate): a profile naming either gets the one in effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continues: Option<String>,
    /// True when public sources confirmed the category and its amount.
    pub confirmed: bool,
    /// Where it was seen, what is uncertain.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl DuesCategory {
    /// True when the category applies to `month` (its first day within the dates).
    pub fn applies_to(&self, month: YearMonth) -> bool {
        let day = month.first_day();
        self.valid_from.is_none_or(|from| from <= day) && self.valid_to.is_none_or(|to| day <= to)
    }
}

/// One region's monthly minimum wage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionWage {
    /// Stable key ("I", "II", …).
    pub key: String,
    /// Label, e.g. "Vùng I".
    pub label: String,
    /// Monthly minimum wage in đồng.
    pub monthly_dong: u64,
}

/// The regional minimum wages, the base of the categories with
/// `"base_from": "regional_minimum_wage"`. Which commune is in which region is not data
/// here: the user picks the region.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionalWages {
    /// The decree, e.g. "Nghị định 293/2025/NĐ-CP ngày 10/11/2025".
    pub basis: String,
    /// First day the wages apply.
    pub effective_from: NaiveDate,
    /// True when public sources confirmed the figures.
    pub confirmed: bool,
    /// Where they were seen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Note (e.g. that the list of communes per region is not included).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The regions.
    pub regions: Vec<RegionWage>,
}

/// A ground for exemption from dues.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExemptionGround {
    /// Stable key, unique among exemptions (a relief names it).
    pub key: String,
    /// Who, in Vietnamese.
    pub label: String,
    /// At most this many months per decision, when the rule limits it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_months: Option<u32>,
    /// True when public sources confirmed it.
    pub confirmed: bool,
    /// Where it was seen, what is uncertain.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The reductions the rule allows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reductions {
    /// Who, in Vietnamese.
    pub label: String,
    /// The reductions allowed, in basis points (3000 = 30 %).
    pub basis_points: Vec<u32>,
    /// At most this many months per decision.
    pub max_months: u32,
    /// True when public sources confirmed it.
    pub confirmed: bool,
    /// Where it was seen, what is uncertain.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A way to pay the rule allows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WayRule {
    /// The way.
    pub way: super::PaymentWay,
    /// How the rule says it, in Vietnamese.
    pub label: String,
    /// True when public sources confirmed it.
    pub confirmed: bool,
    /// Where it was seen; practical notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Any other provision worth showing with the rule (who pays, paying more, paying late or
/// early…), as a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// Stable key, unique among provisions.
    pub key: String,
    /// The provision, in Vietnamese.
    pub label: String,
    /// True when public sources confirmed it.
    pub confirmed: bool,
    /// Where it was seen, what is uncertain.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// When a member's year calls for a warning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningRule {
    /// A warning from this many months without dues in the calendar year (1–12).
    pub months: u32,
    /// True when only consecutive months count; false (the default) counts any months of
    /// the year.
    #[serde(default)]
    pub consecutive: bool,
    /// The documents the warning rests on, in Vietnamese (shown with it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub basis: String,
    /// Where it was seen, what is uncertain.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A dues rule: a versioned rule set with its legal basis, date and sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DuesRules {
    /// Format of this JSON; must be [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Stable id.
    pub id: String,
    /// Name shown.
    pub name: String,
    /// The document it applies.
    pub basis: RuleBasis,
    /// First day it applies.
    pub effective_from: NaiveDate,
    /// False when the first day was seen only in secondary sources (absent: true).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub effective_from_confirmed: bool,
    /// The addresses it was checked against.
    pub sources: Vec<String>,
    /// The day the sources were last checked.
    pub checked_on: NaiveDate,
    /// The categories of members.
    pub categories: Vec<DuesCategory>,
    /// The regional minimum wages, when a category's base is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regional_minimum_wages: Option<RegionalWages>,
    /// Grounds for exemption from dues.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exemptions: Vec<ExemptionGround>,
    /// The reductions allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reductions: Option<Reductions>,
    /// The ways to pay.
    pub payment_ways: Vec<WayRule>,
    /// The share of the dues collected the chi bộ keeps, in basis points, when the rule
    /// (or the superior committee's notice) sets it. Absent: the book shows only totals
    /// collected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chi_bo_share: Option<u32>,
    /// What is known of the share (why it is absent).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub chi_bo_share_note: String,
    /// Other provisions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provisions: Vec<Provision>,
    /// The warning's settings.
    pub warning: WarningRule,
    /// What the sources did not confirm, one Vietnamese line each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unconfirmed: Vec<String>,
}

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

impl DuesRules {
    /// Pretty JSON, in the documented format (read back by `DuesRules::from_json`, in the
    /// reading and validation module, with [`builtin_rules`](super::builtin_rules)).
    pub fn to_json_pretty(&self) -> String {
        crate::indent::to_pretty_json(self)
    }

    /// A category by key.
    pub fn category(&self, key: &str) -> Option<&DuesCategory> {
        self.categories.iter().find(|category| category.key == key)
    }

    /// An exemption by key.
    pub fn exemption(&self, key: &str) -> Option<&ExemptionGround> {
        self.exemptions.iter().find(|exemption| exemption.key == key)
    }

    /// True when the rule applies to `month` (its first day on or after `effective_from`).
    pub fn applies_to(&self, month: YearMonth) -> bool {
        self.effective_from <= month.first_day()
    }

    /// The category in effect in `month` for a member in category `key`: the category
    /// itself, or the one it continues or that continues it (`continues`), whichever
    /// applies to the month. `None` for an unknown key or when none applies.
    pub fn category_in(&self, key: &str, month: YearMonth) -> Option<&DuesCategory> {
        let start = self.category(key)?;
        // Walk back to the first of the chain, then forward; bounded by the number of
        // categories so a chain looping in a hand-made (unvalidated) rule still ends.
        let mut first = start;
        for _ in 0..self.categories.len() {
            match first.continues.as_deref().and_then(|previous| self.category(previous)) {
                Some(previous) => first = previous,
                None => break,
            }
        }
        let mut current = first;
        for _ in 0..=self.categories.len() {
            if current.applies_to(month) {
                return Some(current);
            }
            match self
                .categories
                .iter()
                .find(|next| next.continues.as_deref() == Some(current.key.as_str()))
            {
                Some(next) => current = next,
                None => return None,
            }
        }
        None
    }
}

/// What the caller knows of a member's base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseInput<'a> {
    /// Nothing (enough for a fixed amount).
    None,
    /// The base in đồng: the salary on which compulsory social insurance is paid, the
    /// pension, the allowance…
    Dong(u64),
    /// The region (its key, e.g. `"I"`) where the member holds party activities, for a
    /// base that is the regional minimum wage.
    Region(&'a str),
}

/// A suggested monthly amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuggestedAmount {
    /// A percentage of a base.
    Computed {
        /// The amount, whole đồng (rounded half up: see [`percent_of`]).
        amount_dong: u64,
        /// The base, in đồng.
        base_dong: u64,
        /// The percentage, in basis points.
        basis_points: u32,
        /// True when the exact figure had a fraction of a đồng and was rounded.
        rounded: bool,
    },
    /// A fixed amount.
    Fixed {
        /// The amount.
        amount_dong: u64,
    },
    /// An amount the chi bộ enters, within these bounds.
    WithinRange {
        /// Smallest.
        min_dong: u64,
        /// Largest.
        max_dong: u64,
    },
}

impl SuggestedAmount {
    /// The amount, when the rule gives one figure.
    pub fn amount_dong(self) -> Option<u64> {
        match self {
            SuggestedAmount::Computed { amount_dong, .. } | SuggestedAmount::Fixed { amount_dong } => {
                Some(amount_dong)
            }
            SuggestedAmount::WithinRange { .. } => None,
        }
    }
}

/// What a rule suggests a member in a category pays for a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The category in effect that month (possibly one continuing the profile's).
    pub category_key: String,
    /// The amount.
    pub amount: SuggestedAmount,
    /// False when the sources did not confirm the category (or its base, the regional
    /// wages): the app marks it "chưa đối chiếu được".
    pub confirmed: bool,
}

/// Why no amount can be suggested (worded by
/// [`crate::text::dues::suggestion_issue`]).
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SuggestionIssue {
    /// The category key is not in the rule.
    UnknownCategory { key: String },
    /// The month is before the rule applies.
    RuleNotInEffect { effective_from: NaiveDate },
    /// No category of the key's chain applies to the month.
    CategoryNotInEffect {
        key: String,
        valid_from: Option<NaiveDate>,
        valid_to: Option<NaiveDate>,
    },
    /// A percentage needs the base in đồng.
    NeedsBase { key: String },
    /// A percentage of the regional minimum wage needs the region.
    NeedsRegion { key: String },
    /// The rule has no region with this key.
    UnknownRegion { region: String },
    /// The month is before the regional wages apply.
    WagesNotInEffect { effective_from: NaiveDate },
    /// The category's amount fields do not fit its kind (a rule that was not validated).
    Incomplete { key: String },
}

/// `basis_points` of `base_dong`, in whole đồng, and whether it was rounded. No rounding
/// rule was found in the sources (`docs/dues.md`), so the amount is rounded half up to a
/// whole đồng, the way a hand calculation would: 1 % of 4.567.850 = 45.678,5 → 45.679 đ.
/// Saturates instead of overflowing.
pub fn percent_of(base_dong: u64, basis_points: u32) -> (u64, bool) {
    let product = u128::from(base_dong) * u128::from(basis_points);
    let whole = (product + 5_000) / 10_000;
    (u64::try_from(whole).unwrap_or(u64::MAX), product % 10_000 != 0)
}

/// An amount reduced by `basis_points` (3000 = 30 %), rounded half up like
/// [`percent_of`]: what remains to pay.
pub fn apply_reduction(amount_dong: u64, basis_points: u32) -> u64 {
    let kept = 10_000u32.saturating_sub(basis_points);
    percent_of(amount_dong, kept).0
}

/// The monthly amount the rule suggests for a member in category `category_key` in
/// `month`, from what is known of the member's base.
pub fn suggest(
    rules: &DuesRules,
    category_key: &str,
    month: YearMonth,
    base: BaseInput<'_>,
) -> Result<Suggestion, SuggestionIssue> {
    let Some(named) = rules.category(category_key) else {
        return Err(SuggestionIssue::UnknownCategory {
            key: category_key.to_owned(),
        });
    };
    if !rules.applies_to(month) {
        return Err(SuggestionIssue::RuleNotInEffect {
            effective_from: rules.effective_from,
        });
    }
    let Some(category) = rules.category_in(category_key, month) else {
        return Err(SuggestionIssue::CategoryNotInEffect {
            key: category_key.to_owned(),
            valid_from: named.valid_from,
            valid_to: named.valid_to,
        });
    };
    let key = category.key.clone();
    let incomplete = || SuggestionIssue::Incomplete { key: key.clone() };
    let mut confirmed = category.confirmed;
    let amount = match category.kind {
        CategoryKind::Fixed => SuggestedAmount::Fixed {
            amount_dong: category.amount_dong.ok_or_else(incomplete)?,
        },
        CategoryKind::Range => SuggestedAmount::WithinRange {
            min_dong: category.min_dong.ok_or_else(incomplete)?,
            max_dong: category.max_dong.ok_or_else(incomplete)?,
        },
        CategoryKind::PercentOfBase => {
            let basis_points = category.percent_basis_points.ok_or_else(incomplete)?;
            let base_dong = match (category.base_from, base) {
                (Some(BaseFrom::RegionalMinimumWage), BaseInput::Region(region)) => {
                    let wages = rules.regional_minimum_wages.as_ref().ok_or_else(incomplete)?;
                    if month.first_day() < wages.effective_from {
                        return Err(SuggestionIssue::WagesNotInEffect {
                            effective_from: wages.effective_from,
                        });
                    }
                    confirmed &= wages.confirmed;
                    wages
                        .regions
                        .iter()
                        .find(|wage| wage.key == region)
                        .map(|wage| wage.monthly_dong)
                        .ok_or_else(|| SuggestionIssue::UnknownRegion {
                            region: region.to_owned(),
                        })?
                }
                (Some(BaseFrom::RegionalMinimumWage), _) => {
                    return Err(SuggestionIssue::NeedsRegion { key });
                }
                (None, BaseInput::Dong(base_dong)) => base_dong,
                (None, _) => return Err(SuggestionIssue::NeedsBase { key }),
            };
            let (amount_dong, rounded) = percent_of(base_dong, basis_points);
            SuggestedAmount::Computed {
                amount_dong,
                base_dong,
                basis_points,
                rounded,
            }
        }
    };
    Ok(Suggestion {
        category_key: category.key.clone(),
        amount,
        confirmed,
    })
}
