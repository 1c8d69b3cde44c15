//! The year-end review (kiểm điểm cuối năm, QĐ 366-QĐ/TW and HD 43-HD/BTCTW): the
//! evidence the monthly records give for the year, each member's year, the chi bộ's own
//! review record (the sections it writes, its proposed level, the vote), and the dossier
//! template the headings and level conditions come from.
//!
//! The app never computes the level: the chi bộ chooses it among the four and votes on
//! it, the competent level decides. The evidence is facts (numbers, dates, lists); the
//! words are in [`crate::text::review`].

mod evidence;
pub mod template;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Member, MemberStatus, Timestamp, VoteTally};

pub use evidence::{year_evidence, MemberTask, MemberYear, TaskOutcome, YearEvidence};
pub use template::{
    DossierTemplate, LevelConditions, TemplateError, TemplateLoadError, TemplateSection,
    BUILTIN_TEMPLATE_ID,
};

/// The four levels of the annual rating of a party organisation (QĐ 366). Ordered worst
/// to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewLevel {
    /// Không hoàn thành nhiệm vụ.
    KhongHoanThanh,
    /// Hoàn thành nhiệm vụ.
    HoanThanh,
    /// Hoàn thành tốt nhiệm vụ.
    HoanThanhTot,
    /// Hoàn thành xuất sắc nhiệm vụ.
    HoanThanhXuatSac,
}

impl ReviewLevel {
    /// Best first, the order a form lists them.
    pub const BEST_FIRST: [ReviewLevel; 4] = [
        ReviewLevel::HoanThanhXuatSac,
        ReviewLevel::HoanThanhTot,
        ReviewLevel::HoanThanh,
        ReviewLevel::KhongHoanThanh,
    ];

    /// The JSON name (`"hoan_thanh_tot"`), for form values.
    pub fn name(self) -> &'static str {
        match self {
            ReviewLevel::HoanThanhXuatSac => "hoan_thanh_xuat_sac",
            ReviewLevel::HoanThanhTot => "hoan_thanh_tot",
            ReviewLevel::HoanThanh => "hoan_thanh",
            ReviewLevel::KhongHoanThanh => "khong_hoan_thanh",
        }
    }

    /// The level of a JSON name.
    pub fn from_name(name: &str) -> Option<ReviewLevel> {
        ReviewLevel::BEST_FIRST
            .into_iter()
            .find(|level| level.name() == name)
    }
}

/// Draft or finalised.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// Still being written.
    #[default]
    Draft,
    /// Adopted by the chi bộ; reopened only on purpose.
    Finalised,
}

/// The chi bộ's year-end review of one year: what it wrote, what it proposes, how it voted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearReview {
    /// Stable id: [`YearReview::id_for_year`], so two phones that start the same year's
    /// review hold one record that merges, not two.
    pub id: String,
    /// The year reviewed.
    pub year: i32,
    /// The dossier template the sections were written against.
    pub template_id: String,
    /// The texts the chi bộ wrote, keyed by the template's section ids. A text whose
    /// section the template no longer has is kept (and shown as such).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sections: BTreeMap<String, String>,
    /// The level the chi bộ proposes for itself, chosen by the chi bộ (never computed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_level: Option<ReviewLevel>,
    /// The vote on the proposal, once held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<VoteTally>,
    /// The day of the meeting that reviewed the year (the dossier's date line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_on: Option<NaiveDate>,
    /// Draft or finalised.
    #[serde(default)]
    pub status: ReviewStatus,
    /// Last change.
    pub updated_at: Timestamp,
}

impl YearReview {
    /// The id of a year's review: `review-2026`.
    pub fn id_for_year(year: i32) -> String {
        format!("review-{year}")
    }

    /// An empty draft for `year`, written against `template_id`.
    pub fn new(year: i32, template_id: impl Into<String>, updated_at: Timestamp) -> YearReview {
        YearReview {
            id: YearReview::id_for_year(year),
            year,
            template_id: template_id.into(),
            sections: BTreeMap::new(),
            proposed_level: None,
            vote: None,
            reviewed_on: None,
            status: ReviewStatus::Draft,
            updated_at,
        }
    }

    /// The text of a section (empty when not written).
    pub fn section_text(&self, section_id: &str) -> &str {
        self.sections.get(section_id).map_or("", String::as_str)
    }

    /// Sets a section's text; an empty text removes the entry.
    pub fn set_section(&mut self, section_id: &str, value: &str) {
        if value.is_empty() {
            self.sections.remove(section_id);
        } else {
            self.sections
                .insert(section_id.to_owned(), value.to_owned());
        }
    }

    /// True when finalised.
    pub fn is_finalised(&self) -> bool {
        self.status == ReviewStatus::Finalised
    }

    /// Texts whose section the template does not have (kept, shown apart).
    pub fn sections_not_in(&self, template: &DossierTemplate) -> Vec<&str> {
        self.sections
            .keys()
            .filter(|id| template.section(id).is_none())
            .map(String::as_str)
            .collect()
    }

    /// What stands in the way of finalising, as facts: nothing when it can be finalised.
    /// `voters` is the number of members who can vote ([`voters_on`]).
    pub fn problems(&self, template: &DossierTemplate, voters: u32) -> Vec<ReviewProblem> {
        let mut problems: Vec<ReviewProblem> = template
            .sections
            .iter()
            .filter(|section| self.section_text(&section.id).trim().is_empty())
            .map(|section| ReviewProblem::EmptySection {
                section_id: section.id.clone(),
            })
            .collect();
        if self.proposed_level.is_none() {
            problems.push(ReviewProblem::NoProposedLevel);
        }
        match self.vote {
            None => problems.push(ReviewProblem::NoVote),
            Some(vote) => problems.extend(vote_problem(vote, voters)),
        }
        if self.reviewed_on.is_none() {
            problems.push(ReviewProblem::NoReviewDate);
        }
        problems
    }
}

/// Why a review cannot be finalised yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReviewProblem {
    /// A section of the template has no text.
    EmptySection {
        /// The section's id.
        section_id: String,
    },
    /// No level chosen.
    NoProposedLevel,
    /// The vote was not entered.
    NoVote,
    /// Nobody voted (all counts zero).
    EmptyVote,
    /// More votes than members who can vote.
    VoteExceedsVoters {
        /// For + against + abstain.
        cast: u32,
        /// Members who can vote.
        voters: u32,
    },
    /// The day of the review meeting is not set.
    NoReviewDate,
}


/// The problem with a vote, if any: none cast, or more cast than there are voters.
pub fn vote_problem(vote: VoteTally, voters: u32) -> Option<ReviewProblem> {
    let cast = vote
        .in_favour
        .saturating_add(vote.against)
        .saturating_add(vote.abstain);
    if cast == 0 {
        Some(ReviewProblem::EmptyVote)
    } else if cast > voters {
        Some(ReviewProblem::VoteExceedsVoters { cast, voters })
    } else {
        None
    }
}

/// Members who can vote on `date`: full members (đảng viên chính thức) of the chi bộ that
/// day. Probationary members take part but do not vote (Điều lệ Đảng).
pub fn voters_on(roster: &[Member], date: NaiveDate) -> u32 {
    let count = roster
        .iter()
        .filter(|member| member.is_active_on(date) && member.status == MemberStatus::ChinhThuc)
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// The date the vote is checked against: the review meeting's, or the year's last day.
pub fn vote_date(review: &YearReview) -> NaiveDate {
    review
        .reviewed_on
        .or_else(|| NaiveDate::from_ymd_opt(review.year, 12, 31))
        .unwrap_or_default()
}
