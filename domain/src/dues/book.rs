//! The dues book as facts: the month's book (who paid, how, how much, who is behind),
//! each member's year, the warnings a year calls for, and the report line for the
//! meeting's opening ("Đã thu 36/40 đồng chí, 1.240.000 đ", worded by
//! [`crate::text::dues::report_line`]).
//!
//! Who is counted in a month: every member of the roster who belonged to the chi bộ on
//! at least one day of it (`Member::is_active_on`, so months before `joined_on` and after
//! `left_on` are not counted). A member whose dues profile holds an exemption covering the
//! month is listed as exempt, not expected. An exemption from party work and activity
//! (`Member::exemptions`) is not an exemption from dues (see `docs/dues.md`): the member
//! stays expected, and the row says the month is one of activity exemption.
//!
//! A month counts as paid when any payment covers it: one made for it, or an earlier
//! "đóng gộp" payment covering several months. A member paying the same month in cash and
//! on the portal is paid once (`PaidBy::Both`, listed for the chi bộ to check), while
//! both amounts count in the money collected: that is what was received. The amount of a
//! payment covering several months is split over them ([`DuesPayment::share_of`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::rules::{percent_of, DuesRules};
use super::{DuesPayment, DuesProfile, PaymentWay, ReliefKind, YearMonth};
use crate::model::Member;

/// A member named in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRef {
    /// Member id.
    pub member_id: String,
    /// Name.
    pub name: String,
}

/// How a month was paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaidBy {
    /// In cash to the chi bộ.
    Cash,
    /// On the portal.
    Portal,
    /// Both: recorded in cash and on the portal (counted once).
    Both,
}

impl PaidBy {
    fn with(self, way: PaymentWay) -> PaidBy {
        match (self, way) {
            (PaidBy::Cash, PaymentWay::Cash) => PaidBy::Cash,
            (PaidBy::Portal, PaymentWay::Portal) => PaidBy::Portal,
            _ => PaidBy::Both,
        }
    }

    fn of(way: PaymentWay) -> PaidBy {
        match way {
            PaymentWay::Cash => PaidBy::Cash,
            PaymentWay::Portal => PaidBy::Portal,
        }
    }
}

/// A row's standing, in short.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    /// Paid (by one way or both).
    Paid,
    /// Expected, not paid.
    Unpaid,
    /// Exempt from dues this month (not expected).
    Exempt,
}

/// One member in the month's book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookRow {
    /// Member id.
    pub member_id: String,
    /// Name.
    pub name: String,
    /// How the month was paid; `None` when it was not.
    pub paid_by: Option<PaidBy>,
    /// The exemption's ground (a key of the rule's exemptions) when the member's dues
    /// are exempt this month.
    pub exempt_ground: Option<String>,
    /// The reduction in basis points, when the member's dues are reduced this month.
    pub reduction_basis_points: Option<u32>,
    /// The money for this month, all ways (a payment covering several months gives its
    /// share).
    pub amount_dong: u64,
    /// Of which in cash.
    pub cash_dong: u64,
    /// Of which on the portal.
    pub portal_dong: u64,
    /// The payments covering the month.
    pub payment_ids: Vec<String>,
    /// The first month of a "đóng gộp" payment made for several months that covers this
    /// month, when that payment started in an earlier month.
    pub covered_from: Option<YearMonth>,
    /// From the member's dues profile: the category key.
    pub category_key: Option<String>,
    /// From the member's dues profile: the usual amount.
    pub usual_amount_dong: Option<u64>,
    /// True when an exemption from party work and activity covers part of the month
    /// (not an exemption from dues: the member is still expected).
    pub activity_exempt: bool,
}

impl BookRow {
    /// Paid, unpaid or exempt.
    pub fn status(&self) -> RowStatus {
        if self.exempt_ground.is_some() {
            RowStatus::Exempt
        } else if self.paid_by.is_some() {
            RowStatus::Paid
        } else {
            RowStatus::Unpaid
        }
    }

    fn member(&self) -> MemberRef {
        MemberRef {
            member_id: self.member_id.clone(),
            name: self.name.clone(),
        }
    }
}

/// Why a payment's month is left out of the book.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StrayReason {
    /// No member of the roster has the payment's member id.
    UnknownMember,
    /// The member did not belong to the chi bộ in that month.
    NotMemberThatMonth,
}

/// A payment covering the month that the book cannot place (its money is not counted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrayPayment {
    /// The payment.
    pub payment_id: String,
    /// The member id it names.
    pub member_id: String,
    /// The member's name, when the roster has it.
    pub name: Option<String>,
    /// Why.
    pub reason: StrayReason,
    /// The money of it for this month.
    pub amount_dong: u64,
}

/// The chi bộ's share of the money collected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareFact {
    /// The rule sets it.
    Known {
        /// The share kept, in basis points.
        basis_points: u32,
        /// Kept by the chi bộ (rounded half up to a whole đồng).
        kept_dong: u64,
        /// Sent to the superior committee: the rest.
        sent_dong: u64,
    },
    /// The rule does not set it: it follows the superior committee's notice.
    FollowsSuperiorNotice,
}

impl ShareFact {
    /// The share of `total_dong` under `rules`.
    pub fn of(total_dong: u64, rules: &DuesRules) -> ShareFact {
        match rules.chi_bo_share {
            Some(basis_points) => {
                let kept_dong = percent_of(total_dong, basis_points).0.min(total_dong);
                ShareFact::Known {
                    basis_points,
                    kept_dong,
                    sent_dong: total_dong - kept_dong,
                }
            }
            None => ShareFact::FollowsSuperiorNotice,
        }
    }
}

/// The count and the money of a month, for the meeting's opening.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLine {
    /// The month.
    pub month: YearMonth,
    /// Members who paid, of those expected.
    pub paid: u32,
    /// Members expected to pay (members of the chi bộ that month, less the exempt).
    pub expected: u32,
    /// Money collected for the month, all ways, in đồng.
    pub total_dong: u64,
}

/// The month's dues book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthBook {
    /// The month.
    pub month: YearMonth,
    /// Every member of the chi bộ that month, roster order.
    pub rows: Vec<BookRow>,
    /// Members expected to pay.
    pub expected: u32,
    /// Of them, members who paid.
    pub paid: u32,
    /// Members exempt from dues.
    pub exempt: u32,
    /// Money for the month, all ways (exempt members paying anyway included).
    pub total_dong: u64,
    /// Of which in cash (what the chi bộ holds and remits).
    pub cash_dong: u64,
    /// Of which on the portal.
    pub portal_dong: u64,
    /// Expected members who have not paid, roster order.
    pub behind: Vec<MemberRef>,
    /// Members recorded as paying both in cash and on the portal, to check.
    pub paid_two_ways: Vec<MemberRef>,
    /// Payments covering the month that the book cannot place.
    pub stray: Vec<StrayPayment>,
    /// The chi bộ's share.
    pub share: ShareFact,
}

impl MonthBook {
    /// The report line: paid of expected, and the money.
    pub fn report_line(&self) -> ReportLine {
        ReportLine {
            month: self.month,
            paid: self.paid,
            expected: self.expected,
            total_dong: self.total_dong,
        }
    }

    /// A member's row.
    pub fn row(&self, member_id: &str) -> Option<&BookRow> {
        self.rows.iter().find(|row| row.member_id == member_id)
    }
}

/// True when the member belonged to the chi bộ on some day of `month`.
pub fn is_member_in(member: &Member, month: YearMonth) -> bool {
    let probe = member
        .joined_on
        .filter(|joined| month.contains(*joined))
        .unwrap_or_else(|| month.first_day());
    member.is_active_on(probe)
}

fn activity_exempt_in(member: &Member, month: YearMonth) -> bool {
    let (first, last) = (month.first_day(), month.last_day());
    member
        .exemptions
        .iter()
        .any(|exemption| exemption.from <= last && exemption.to.is_none_or(|to| first <= to))
}

/// Each member's profile: the latest by `updated_at` when a member has several (the
/// larger id at the same moment).
fn profiles_by_member(profiles: &[DuesProfile]) -> BTreeMap<&str, &DuesProfile> {
    let mut by_member: BTreeMap<&str, &DuesProfile> = BTreeMap::new();
    for profile in profiles {
        let newer = by_member.get(profile.member_id.as_str()).is_none_or(|kept| {
            (profile.updated_at, &profile.id) > (kept.updated_at, &kept.id)
        });
        if newer {
            by_member.insert(&profile.member_id, profile);
        }
    }
    by_member
}

fn payments_by_member(payments: &[DuesPayment]) -> BTreeMap<&str, Vec<&DuesPayment>> {
    let mut by_member: BTreeMap<&str, Vec<&DuesPayment>> = BTreeMap::new();
    for payment in payments {
        by_member.entry(&payment.member_id).or_default().push(payment);
    }
    by_member
}

/// The month's book. `roster` is every member record (those who left included);
/// `profiles` and `payments` may hold other months and members.
pub fn month_book(
    month: YearMonth,
    roster: &[Member],
    profiles: &[DuesProfile],
    payments: &[DuesPayment],
    rules: &DuesRules,
) -> MonthBook {
    book_with(
        month,
        roster,
        &profiles_by_member(profiles),
        &payments_by_member(payments),
        rules,
    )
}

fn book_with(
    month: YearMonth,
    roster: &[Member],
    profiles: &BTreeMap<&str, &DuesProfile>,
    payments: &BTreeMap<&str, Vec<&DuesPayment>>,
    rules: &DuesRules,
) -> MonthBook {
    let mut book = MonthBook {
        month,
        rows: Vec::new(),
        expected: 0,
        paid: 0,
        exempt: 0,
        total_dong: 0,
        cash_dong: 0,
        portal_dong: 0,
        behind: Vec::new(),
        paid_two_ways: Vec::new(),
        stray: Vec::new(),
        share: ShareFact::FollowsSuperiorNotice,
    };
    let no_payments = Vec::new();
    for member in roster {
        let covering = payments
            .get(member.id.as_str())
            .unwrap_or(&no_payments)
            .iter()
            .filter(|payment| payment.covers(month));
        if !is_member_in(member, month) {
            book.stray.extend(covering.map(|payment| StrayPayment {
                payment_id: payment.id.clone(),
                member_id: member.id.clone(),
                name: Some(member.name.clone()),
                reason: StrayReason::NotMemberThatMonth,
                amount_dong: payment.share_of(month),
            }));
            continue;
        }
        let profile = profiles.get(member.id.as_str());
        let relief = profile.and_then(|profile| profile.relief_in(month));
        let mut row = BookRow {
            member_id: member.id.clone(),
            name: member.name.clone(),
            paid_by: None,
            exempt_ground: None,
            reduction_basis_points: None,
            amount_dong: 0,
            cash_dong: 0,
            portal_dong: 0,
            payment_ids: Vec::new(),
            covered_from: None,
            category_key: profile.map(|profile| profile.category_key.clone()),
            usual_amount_dong: profile.map(|profile| profile.usual_amount_dong),
            activity_exempt: activity_exempt_in(member, month),
        };
        match relief.map(|relief| &relief.kind) {
            Some(ReliefKind::Exempt { ground }) => row.exempt_ground = Some(ground.clone()),
            Some(ReliefKind::Reduced { basis_points }) => {
                row.reduction_basis_points = Some(*basis_points);
            }
            None => {}
        }
        for payment in covering {
            let share = payment.share_of(month);
            row.amount_dong = row.amount_dong.saturating_add(share);
            match payment.way {
                PaymentWay::Cash => row.cash_dong = row.cash_dong.saturating_add(share),
                PaymentWay::Portal => row.portal_dong = row.portal_dong.saturating_add(share),
            }
            row.paid_by = Some(match row.paid_by {
                None => PaidBy::of(payment.way),
                Some(by) => by.with(payment.way),
            });
            if payment.month < month {
                row.covered_from = Some(row.covered_from.map_or(payment.month, |from| from.min(payment.month)));
            }
            row.payment_ids.push(payment.id.clone());
        }
        book.total_dong = book.total_dong.saturating_add(row.amount_dong);
        book.cash_dong = book.cash_dong.saturating_add(row.cash_dong);
        book.portal_dong = book.portal_dong.saturating_add(row.portal_dong);
        match row.status() {
            RowStatus::Exempt => book.exempt += 1,
            RowStatus::Paid => {
                book.expected += 1;
                book.paid += 1;
            }
            RowStatus::Unpaid => {
                book.expected += 1;
                book.behind.push(row.member());
            }
        }
        if row.paid_by == Some(PaidBy::Both) {
            book.paid_two_ways.push(row.member());
        }
        book.rows.push(row);
    }
    for (member_id, of_member) in payments {
        if roster.iter().any(|member| member.id == *member_id) {
            continue;
        }
        book.stray.extend(
            of_member
                .iter()
                .filter(|payment| payment.covers(month))
                .map(|payment| StrayPayment {
                    payment_id: payment.id.clone(),
                    member_id: payment.member_id.clone(),
                    name: None,
                    reason: StrayReason::UnknownMember,
                    amount_dong: payment.share_of(month),
                }),
        );
    }
    book.share = ShareFact::of(book.total_dong, rules);
    book
}

/// One member's month in the year view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthCell {
    /// Not in the chi bộ that month: not counted.
    NotMember,
    /// Not counted: after the last month counted (`through`), not due yet; or, in a book
    /// counted from a later month ([`year_book_between`]), before the book's first month.
    NotYetDue,
    /// Exempt from dues.
    Exempt,
    /// Paid.
    Paid {
        /// How.
        by: PaidBy,
        /// The money for the month.
        amount_dong: u64,
    },
    /// Expected and not paid.
    Unpaid,
}

/// One member's year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberDuesYear {
    /// Member id.
    pub member_id: String,
    /// Name.
    pub name: String,
    /// January to December.
    pub months: [MonthCell; 12],
    /// Months (1–12) paid.
    pub paid_months: Vec<u32>,
    /// Months (1–12) expected and without dues, up to `through`.
    pub unpaid_months: Vec<u32>,
    /// Months (1–12) exempt from dues.
    pub exempt_months: Vec<u32>,
    /// Months (1–12) counted in which an exemption from party work and activity applied.
    pub activity_exempt_months: Vec<u32>,
    /// The longest run of consecutive months without dues.
    pub longest_unpaid_run: u32,
    /// The money for the year's months.
    pub total_dong: u64,
}

/// A member's year calls for the chi bộ's consideration: months without dues reached the
/// rule's threshold. A fact to consider, never a decision: the app does not know whether
/// there was good reason, and the chi bộ proposes while the competent committee decides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesWarning {
    /// Member id.
    pub member_id: String,
    /// Name.
    pub name: String,
    /// The year.
    pub year: i32,
    /// The months (1–12) without dues recorded.
    pub months: Vec<u32>,
    /// The longest run of consecutive ones.
    pub longest_run: u32,
    /// The rule's threshold in months.
    pub threshold: u32,
    /// True when the rule counts only consecutive months.
    pub consecutive: bool,
    /// Of those months, the ones in which an exemption from party work and activity
    /// applied (for the chi bộ to weigh).
    pub activity_exempt_months: Vec<u32>,
    /// The documents the warning rests on, from the rule.
    pub basis: String,
}

/// A year of the dues book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearBook {
    /// The year.
    pub year: i32,
    /// The last month counted as due (the caller's current month, or the one before):
    /// later months are [`MonthCell::NotYetDue`].
    pub through: YearMonth,
    /// Members who belonged to the chi bộ in some month of the year, roster order.
    pub members: Vec<MemberDuesYear>,
    /// Each month counted (up to `through`): paid of expected, and the money.
    pub months: Vec<ReportLine>,
    /// The money of the months counted.
    pub total_dong: u64,
    /// Warnings, member by member.
    pub warnings: Vec<DuesWarning>,
}

/// The year's book: each member's months, each month's line, the warnings.
pub fn year_book(
    year: i32,
    through: YearMonth,
    roster: &[Member],
    profiles: &[DuesProfile],
    payments: &[DuesPayment],
    rules: &DuesRules,
) -> YearBook {
    let january = YearMonth::of_year(year).first().copied().unwrap_or(through);
    year_book_between(year, january, through, roster, profiles, payments, rules)
}

/// [`year_book`] counting only the months from `from` to `through`: a chi bộ that started
/// its book in June is not shown January to May as unpaid (those months are
/// [`MonthCell::NotYetDue`], outside the count, and raise no warning).
pub fn year_book_between(
    year: i32,
    from: YearMonth,
    through: YearMonth,
    roster: &[Member],
    profiles: &[DuesProfile],
    payments: &[DuesPayment],
    rules: &DuesRules,
) -> YearBook {
    let profiles = profiles_by_member(profiles);
    let payments = payments_by_member(payments);
    let months = YearMonth::of_year(year);
    let books: Vec<MonthBook> = months
        .iter()
        .filter(|month| from <= **month && **month <= through)
        .map(|month| book_with(*month, roster, &profiles, &payments, rules))
        .collect();
    let members: Vec<MemberDuesYear> = roster
        .iter()
        .filter(|member| months.iter().any(|month| is_member_in(member, *month)))
        .map(|member| member_year(member, &months, &books))
        .collect();
    let warnings = members
        .iter()
        .filter_map(|record| warning_for(record, year, rules))
        .collect();
    YearBook {
        year,
        through,
        months: books.iter().map(MonthBook::report_line).collect(),
        total_dong: books
            .iter()
            .fold(0u64, |sum, book| sum.saturating_add(book.total_dong)),
        members,
        warnings,
    }
}

fn member_year(member: &Member, months: &[YearMonth], books: &[MonthBook]) -> MemberDuesYear {
    let mut record = MemberDuesYear {
        member_id: member.id.clone(),
        name: member.name.clone(),
        months: [MonthCell::NotYetDue; 12],
        paid_months: Vec::new(),
        unpaid_months: Vec::new(),
        exempt_months: Vec::new(),
        activity_exempt_months: Vec::new(),
        longest_unpaid_run: 0,
        total_dong: 0,
    };
    let mut run = 0;
    for (slot, month) in record.months.iter_mut().zip(months) {
        let number = month.month();
        let Some(book) = books.iter().find(|book| book.month == *month) else {
            run = 0;
            continue; // after `through`: stays NotYetDue
        };
        let Some(row) = book.row(&member.id) else {
            *slot = MonthCell::NotMember;
            run = 0;
            continue;
        };
        if row.activity_exempt {
            record.activity_exempt_months.push(number);
        }
        record.total_dong = record.total_dong.saturating_add(row.amount_dong);
        *slot = match (row.status(), row.paid_by) {
            (RowStatus::Exempt, _) => {
                record.exempt_months.push(number);
                run = 0;
                MonthCell::Exempt
            }
            (RowStatus::Paid, Some(by)) => {
                record.paid_months.push(number);
                run = 0;
                MonthCell::Paid {
                    by,
                    amount_dong: row.amount_dong,
                }
            }
            _ => {
                record.unpaid_months.push(number);
                run += 1;
                record.longest_unpaid_run = record.longest_unpaid_run.max(run);
                MonthCell::Unpaid
            }
        };
    }
    record
}

fn warning_for(record: &MemberDuesYear, year: i32, rules: &DuesRules) -> Option<DuesWarning> {
    let threshold = rules.warning.months;
    let count = if rules.warning.consecutive {
        record.longest_unpaid_run
    } else {
        u32::try_from(record.unpaid_months.len()).unwrap_or(u32::MAX)
    };
    (threshold > 0 && count >= threshold).then(|| DuesWarning {
        member_id: record.member_id.clone(),
        name: record.name.clone(),
        year,
        months: record.unpaid_months.clone(),
        longest_run: record.longest_unpaid_run,
        threshold,
        consecutive: rules.warning.consecutive,
        activity_exempt_months: record
            .unpaid_months
            .iter()
            .copied()
            .filter(|month| record.activity_exempt_months.contains(month))
            .collect(),
        basis: rules.warning.basis.clone(),
    })
}
