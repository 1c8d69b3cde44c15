//! The dues records of a file: the committee's dues rule (validated by the rule's own
//! reader, as when its file is loaded), the members' dues profiles and the payments, each
//! read on its own with its place, then checked: ids, the member each names, amounts and
//! months within the bounds ([`super::MAX_MONTHLY_DUES_DONG`],
//! [`super::MAX_DUES_MONTHS_COVERED`]), dates and moments in range, one record per id,
//! and, in a one-year file, payments of its year.
//!
//! A profile is not checked against the rule (an unknown category, a relief longer than
//! the rule allows): the rule may change after the profile was written, and the book
//! still reads such a profile; those are the form's problems (`DuesProfile::problems`).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{
    data_list, data_single, field_problems, max_payment_dong, moment_in_range, moment_out_of_range, month_range,
    read_record, text_of, ImportProblem, Issue, Place, Problems, ReadList, Validation,
    MAX_DUES_MONTHS_COVERED, MAX_MONTHLY_DUES_DONG, PART_DUES_PAYMENTS, PART_DUES_PROFILES,
};
use crate::backup::dataset::{CommitteeDuesRules, Ids};
use crate::backup::format::Scope;
use crate::backup::read::{self, RuleSetIssue};
use crate::dues::{DuesPayment, DuesProfile, DuesRelief, ReliefKind, YearMonth, BUILTIN_ID};
use crate::model::Member;

/// What is wrong with one relief period of a dues profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReliefIssue {
    /// Its last month is before its first.
    Reversed {
        /// `from`.
        from: YearMonth,
        /// `to`.
        to: YearMonth,
    },
    /// A month outside the months of 1930–2100.
    MonthOutOfRange {
        /// The month.
        month: YearMonth,
    },
    /// A reduction of 0 or of 100 % and more.
    ReductionOutOfRange {
        /// The reduction, in basis points.
        basis_points: u32,
    },
    /// An exemption that names no ground.
    NoGround,
}

/// The dues records of a file as read.
pub(super) struct DuesLists {
    pub(super) rules: Option<CommitteeDuesRules>,
    pub(super) profiles: ReadList<DuesProfile>,
    pub(super) payments: ReadList<DuesPayment>,
}

/// The file's members' names by id (the first member with an id names it), so a message
/// can say whose record is wrong.
pub(super) type Names = BTreeMap<String, String>;

pub(super) fn member_names(members: &[Member]) -> Names {
    let mut names = Names::new();
    for member in members {
        names
            .entry(member.id.clone())
            .or_insert_with(|| member.name.trim().to_owned());
    }
    names
}

fn name_of(names: &Names, member_id: &str) -> String {
    names.get(member_id).cloned().unwrap_or_default()
}

/// A dues profile's place (the same on the typed and the located path).
pub(super) fn profile_place(position: usize, member_id: &str, names: &Names) -> Place {
    Place::DuesProfile {
        position,
        member_id: member_id.to_owned(),
        name: name_of(names, member_id),
    }
}

/// A payment's place (the same on the typed and the located path).
pub(super) fn payment_place(position: usize, id: &str, month: Option<YearMonth>, member_id: &str, names: &Names) -> Place {
    Place::DuesPayment {
        position,
        id: id.to_owned(),
        month,
        member_id: member_id.to_owned(),
        name: name_of(names, member_id),
    }
}

/// Reads `data.dues_rules`, `data.dues_profiles` and `data.dues_payments`.
pub(super) fn read_lists(data: &Map<String, Value>, members: &[Member], problems: &mut Problems) -> DuesLists {
    let names = member_names(members);
    // Required since format 4 (an older file has them added, empty, by its migration).
    let rules = data_single(data, "dues_rules", problems).and_then(|value| read_rules(value, problems));
    let profiles = data_list(data, "dues_profiles", problems)
        .map_or_else(ReadList::incomplete, |values| read_profiles(values, &names, problems));
    let payments = data_list(data, "dues_payments", problems)
        .map_or_else(ReadList::incomplete, |values| read_payments(values, &names, problems));
    DuesLists { rules, profiles, payments }
}

fn read_profiles(values: &[Value], names: &Names, problems: &mut Problems) -> ReadList<DuesProfile> {
    let mut list = ReadList::default();
    for (index, value) in values.iter().enumerate() {
        let place = profile_place(index + 1, text_of(value, "member_id"), names);
        match read_record(value, PART_DUES_PROFILES, read::dues_profile, problems) {
            Ok(profile) => list.keep(profile, place),
            Err(issues) => field_problems(&place, issues, problems),
        }
    }
    list
}

fn read_payments(values: &[Value], names: &Names, problems: &mut Problems) -> ReadList<DuesPayment> {
    let mut list = ReadList::default();
    for (index, value) in values.iter().enumerate() {
        let month = text_of(value, "month").parse().ok();
        let place = payment_place(index + 1, text_of(value, "id"), month, text_of(value, "member_id"), names);
        match read_record(value, PART_DUES_PAYMENTS, read::dues_payment, problems) {
            Ok(payment) => list.keep(payment, place),
            Err(issues) => field_problems(&place, issues, problems),
        }
    }
    list
}

/// Reads the committee's dues rule record, its problems placed at [`Place::DuesRules`].
pub(super) fn read_rules(value: &Value, problems: &mut Problems) -> Option<CommitteeDuesRules> {
    match read::committee_dues_rules(value) {
        Ok(rules) => Some(rules),
        Err(issues) => {
            for issue in issues {
                let issue = match issue {
                    RuleSetIssue::Field(field) => Issue::Field(field),
                    RuleSetIssue::Invalid(problem) => Issue::DuesRules(problem),
                };
                problems.push(ImportProblem { place: Place::DuesRules, issue });
            }
            None
        }
    }
}

/// The typed path's records with their places, as the located path makes them.
pub(super) fn typed_lists(
    rules: &Value,
    profiles: Vec<DuesProfile>,
    payments: Vec<DuesPayment>,
    members: &[Member],
    problems: &mut Problems,
) -> DuesLists {
    let names = member_names(members);
    let profile_places = profiles
        .iter()
        .enumerate()
        .map(|(index, profile)| profile_place(index + 1, &profile.member_id, &names))
        .collect();
    let payment_places = payments
        .iter()
        .enumerate()
        .map(|(index, payment)| payment_place(index + 1, &payment.id, Some(payment.month), &payment.member_id, &names))
        .collect();
    DuesLists {
        rules: match rules {
            Value::Null => None,
            value => read_rules(value, problems),
        },
        profiles: ReadList { places: profile_places, records: profiles, ..ReadList::default() },
        payments: ReadList { places: payment_places, records: payments, ..ReadList::default() },
    }
}

/// What is wrong with a relief period.
fn relief_problems(relief: &DuesRelief) -> Vec<ReliefIssue> {
    let (first, last) = month_range();
    let mut found: Vec<ReliefIssue> = std::iter::once(relief.from)
        .chain(relief.to)
        .filter(|month| !(first..=last).contains(month))
        .map(|month| ReliefIssue::MonthOutOfRange { month })
        .collect();
    if let Some(to) = relief.to.filter(|to| *to < relief.from) {
        found.push(ReliefIssue::Reversed { from: relief.from, to });
    }
    match &relief.kind {
        ReliefKind::Reduced { basis_points } if *basis_points == 0 || *basis_points >= 10_000 => {
            found.push(ReliefIssue::ReductionOutOfRange { basis_points: *basis_points });
        }
        ReliefKind::Exempt { ground } if ground.trim().is_empty() => found.push(ReliefIssue::NoGround),
        _ => {}
    }
    found
}

impl Validation {
    /// The dues records; `known` is the member ids a record may name (`None` when the
    /// file's member list could not be read: nothing is reported as unknown then).
    pub(super) fn dues(&mut self, lists: &DuesLists, known: Option<&Ids>, scope: Option<Scope>) {
        if let Some(rules) = &lists.rules {
            self.dues_rules(rules);
        }
        let mut first = Ids::default();
        let profiles = &lists.profiles;
        for (index, (profile, place)) in profiles.records.iter().zip(&profiles.places).enumerate() {
            self.dues_profile(profile, place, known);
            self.unique(&mut first, &profile.id, index, &profiles.places);
        }
        let mut first = Ids::default();
        let payments = &lists.payments;
        for (index, (payment, place)) in payments.records.iter().zip(&payments.places).enumerate() {
            self.dues_payment(payment, place, known, scope);
            self.unique(&mut first, &payment.id, index, &payments.places);
        }
    }

    /// The committee's rule: a moment in range, not the built-in rule's id, an id the app
    /// can store (its content was validated when read).
    fn dues_rules(&mut self, custom: &CommitteeDuesRules) {
        let place = Place::DuesRules;
        self.updated_at(&place, custom.updated_at);
        let id = &custom.rules.id;
        let builtin = (id == BUILTIN_ID).then(|| Issue::BuiltinDuesRulesId { id: id.clone() });
        self.rule_set_id(&place, id, builtin);
    }

    /// The member a dues record names: a valid id of a member the file or the device holds
    /// (or deleted).
    fn dues_member(&mut self, place: &Place, member_id: &str, known: Option<&Ids>) {
        self.id(place, "member_id", member_id);
        let unknown = known.is_some_and(|ids| !ids.contains_key(member_id));
        if unknown && !member_id.trim().is_empty() {
            self.push(place, Issue::UnknownDuesMember { member_id: member_id.to_owned() });
        }
    }

    fn dues_amount(&mut self, place: &Place, field: &'static str, amount: u64, (min, max): (u64, u64)) {
        if amount < min || amount > max {
            self.push(place, Issue::DuesAmountOutOfRange { field, amount, min, max });
        }
    }

    fn dues_profile(&mut self, profile: &DuesProfile, place: &Place, known: Option<&Ids>) {
        self.id(place, "id", &profile.id);
        self.dues_member(place, &profile.member_id, known);
        if profile.id != profile.member_id && !profile.member_id.trim().is_empty() {
            self.push(place, Issue::DuesProfileNotOfMember { member_id: profile.member_id.clone() });
        }
        self.updated_at(place, profile.updated_at);
        self.blank(place, "category_key", &profile.category_key);
        // 0 đ is a usual amount (an exempt member's).
        self.dues_amount(place, "usual_amount_dong", profile.usual_amount_dong, (0, MAX_MONTHLY_DUES_DONG));
        for (index, relief) in profile.reliefs.iter().enumerate() {
            for problem in relief_problems(relief) {
                self.push(place, Issue::DuesRelief { position: index + 1, problem });
            }
        }
    }

    fn dues_payment(&mut self, payment: &DuesPayment, place: &Place, known: Option<&Ids>, scope: Option<Scope>) {
        self.id(place, "id", &payment.id);
        self.dues_member(place, &payment.member_id, known);
        self.updated_at(place, payment.updated_at);
        if !moment_in_range(payment.recorded_at) {
            self.problems.push(moment_out_of_range(place.clone(), "recorded_at", payment.recorded_at));
        }
        if let Some(paid_on) = payment.paid_on {
            self.date(place, "paid_on", paid_on);
        }
        self.dues_months(place, payment);
        // 0 đ is no payment; the largest is a month's bound times the months covered.
        let months = payment.months_covered.clamp(1, MAX_DUES_MONTHS_COVERED);
        self.dues_amount(place, "amount_dong", payment.amount_dong, (1, max_payment_dong(months)));
        if let Some(Scope::Year { year }) = scope {
            if !YearMonth::of_year(year).into_iter().any(|month| payment.covers(month)) {
                self.push(place, Issue::DuesOutsideScopeYear { year });
            }
        }
    }

    /// The months a payment covers: its first in range, 1 to the most months, its last in
    /// range.
    fn dues_months(&mut self, place: &Place, payment: &DuesPayment) {
        let (first, last) = month_range();
        let months = payment.months_covered;
        if !(first..=last).contains(&payment.month) {
            self.push(place, Issue::DuesMonthOutOfRange { field: "month", month: payment.month });
        } else if months == 0 || months > MAX_DUES_MONTHS_COVERED {
            self.push(place, Issue::DuesMonthsOutOfRange { months, max: MAX_DUES_MONTHS_COVERED });
        } else if payment.last_month() > last {
            self.push(place, Issue::DuesMonthOutOfRange { field: "months_covered", month: payment.last_month() });
        }
    }
}
