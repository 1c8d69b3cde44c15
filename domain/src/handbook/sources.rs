//! "Nguồn và đối chiếu": every item of the effective handbook with its source and how it
//! was checked, as facts (the screen words them), and the counts per check state, so a
//! committee sees at a glance what is left to confirm.

use super::effective::{Handbook, ItemRef, Origin};
use super::pack::CheckState;

/// How the list is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SourceOrder {
    /// As the handbook reads.
    #[default]
    Reading,
    /// Least certain first (not compared, not confirmed, faithful summary, word for word),
    /// each group in reading order.
    ByCheck,
}

/// How many items are in each check state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckCounts {
    /// Compared word for word.
    pub word_for_word: usize,
    /// Summaries the source confirms.
    pub faithful_summary: usize,
    /// Compared, not confirmed.
    pub not_confirmed: usize,
    /// No record of a comparison.
    pub not_checked: usize,
}

impl CheckCounts {
    /// Every item counted.
    pub fn total(&self) -> usize {
        self.word_for_word + self.faithful_summary + self.not_confirmed + self.not_checked
    }

    fn add(&mut self, state: CheckState) {
        use super::pack::CheckOutcome::*;
        match state {
            CheckState::Checked(WordForWord) => self.word_for_word += 1,
            CheckState::Checked(FaithfulSummary) => self.faithful_summary += 1,
            CheckState::Checked(NotConfirmed) => self.not_confirmed += 1,
            CheckState::NotChecked => self.not_checked += 1,
        }
    }
}

/// Rank of a state in [`SourceOrder::ByCheck`]: what most needs confirming first.
fn uncertainty_rank(state: CheckState) -> u8 {
    use super::pack::CheckOutcome::*;
    match state {
        CheckState::NotChecked => 0,
        CheckState::Checked(NotConfirmed) => 1,
        CheckState::Checked(FaithfulSummary) => 2,
        CheckState::Checked(WordForWord) => 3,
    }
}

impl Handbook {
    /// Every text item, in reading order (the scoring-frame section has no items).
    pub fn all_items(&self) -> Vec<ItemRef<'_>> {
        self.sections_with_origin()
            .flat_map(|(section, origin)| section.items.iter().map(move |item| ItemRef { section, item, origin }))
            .collect()
    }

    /// The items for "Nguồn và đối chiếu", in the order asked.
    pub fn sources(&self, order: SourceOrder) -> Vec<ItemRef<'_>> {
        let mut items = self.all_items();
        if order == SourceOrder::ByCheck {
            // A stable sort: reading order within each state.
            items.sort_by_key(|item| uncertainty_rank(item.item.source.check_state()));
        }
        items
    }

    /// How many items are in each check state, of every item or of one origin's.
    pub fn check_counts(&self, origin: Option<Origin>) -> CheckCounts {
        let mut counts = CheckCounts::default();
        for item in self.all_items().iter().filter(|item| origin.is_none_or(|origin| item.origin == origin)) {
            counts.add(item.item.source.check_state());
        }
        counts
    }
}
