//! Dues records of two phones merged: per record id, the latest edit wins.
//!
//! The same approach as the backup's merge (`crate::backup::merge`): every record of
//! both sides is an event; per id the event that wins is the one with the later
//! `updated_at`, and at the same moment the one whose compact JSON text is larger, an
//! order every phone computes the same way. So the merge is commutative, associative and
//! idempotent, and phones that exchange files converge. The records implement the
//! backup's record trait, so when the backup carries them (with deletion markers) they
//! merge there by the very same rule.
//!
//! The result keeps the first list's order, then the records only in the second list in
//! their order (a list holding one id twice keeps its winner, at the first place).

use std::collections::BTreeMap;
use std::cmp::Ordering;

use super::{DuesPayment, DuesProfile};
use crate::backup::record::Record;
use crate::model::Timestamp;

macro_rules! dues_record {
    ($type:ty) => {
        impl Record for $type {
            fn id(&self) -> &str {
                &self.id
            }
            fn updated_at(&self) -> Timestamp {
                self.updated_at
            }
            fn with_updated_at(&self, at: Timestamp) -> Self {
                let mut copy = self.clone();
                copy.updated_at = at;
                copy
            }
        }
    };
}

dues_record!(DuesProfile);
dues_record!(DuesPayment);

/// True when `mine` wins over `theirs`: the later edit; at the same moment, the larger
/// compact JSON text (as the backup's merge breaks ties).
fn beats<T: Record>(mine: &T, theirs: &T) -> bool {
    match mine.updated_at().cmp(&theirs.updated_at()) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => mine.tie_text() > theirs.tie_text(),
    }
}

fn merge_records<T: Record>(current: &[T], incoming: &[T]) -> Vec<T> {
    let mut winners: Vec<&T> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for record in current.iter().chain(incoming) {
        match index.get(record.id()) {
            Some(&at) => {
                if beats(record, winners[at]) {
                    winners[at] = record;
                }
            }
            None => {
                index.insert(record.id(), winners.len());
                winners.push(record);
            }
        }
    }
    winners.into_iter().cloned().collect()
}

/// The payments of two phones merged per payment id, the latest edit winning.
pub fn merge_payments(current: &[DuesPayment], incoming: &[DuesPayment]) -> Vec<DuesPayment> {
    merge_records(current, incoming)
}

/// The dues profiles of two phones merged per profile id (the member's id), the latest
/// edit winning.
pub fn merge_profiles(current: &[DuesProfile], incoming: &[DuesProfile]) -> Vec<DuesProfile> {
    merge_records(current, incoming)
}
