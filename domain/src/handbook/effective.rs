//! The effective handbook: the built-in pack, with a committee pack laid over it.
//!
//! Merge rule:
//! - the built-in sections keep their order; a committee section with the same id takes
//!   the built-in one's place, whole (title, note, items);
//! - committee sections with new ids follow, in the committee pack's order;
//! - item ids are unique in the effective handbook: if a committee item has the id of an
//!   item in a built-in section that was kept, the committee item wins and the built-in
//!   one is hidden (listed in [`Handbook::hidden_builtin_items`]); a built-in section
//!   left with no items is dropped.
//!
//! The built-in pack is never changed, so reverting is resolving again without the
//! committee pack.

use super::pack::{Item, Pack, PackInfo, Section, SectionKind};
use super::validation::PackLoadError;
use super::search::{SearchHit, SearchIndex};
use crate::framework::Framework;

/// Where a section of the effective handbook comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Origin {
    /// The pack shipped with the app.
    Builtin,
    /// The committee pack the user imported.
    Committee,
}


/// An item found by id, with its section.
#[derive(Clone, Copy, Debug)]
pub struct ItemRef<'a> {
    /// The section holding the item.
    pub section: &'a Section,
    /// The item.
    pub item: &'a Item,
    /// Where the section comes from.
    pub origin: Origin,
}

/// The effective handbook, ready to read and search (the index is built once, here).
#[derive(Clone, Debug)]
pub struct Handbook {
    builtin: PackInfo,
    committee: Option<PackInfo>,
    sections: Vec<Section>,
    origins: Vec<Origin>,
    hidden_builtin_items: Vec<String>,
    /// Item id → index into `positions`.
    items: super::IdMap,
    /// (section, item) index of each item.
    positions: Vec<(u32, u32)>,
    index: SearchIndex,
}

impl Handbook {
    /// The built-in pack alone.
    pub fn builtin() -> Handbook {
        Handbook::resolve(&super::builtin::pack(), None)
    }

    /// The built-in pack with a committee pack read from JSON laid over it. On error the
    /// caller keeps the handbook it has (the error's `Display` is the Vietnamese message).
    pub fn with_committee_json(
        builtin: &Pack,
        committee_json: &str,
    ) -> Result<Handbook, PackLoadError> {
        let committee = Pack::from_json(committee_json)?;
        Ok(Handbook::resolve(builtin, Some(&committee)))
    }

    /// The effective handbook from the built-in pack and an optional (already
    /// validated) committee pack; see the module documentation for the merge rule.
    pub fn resolve(builtin: &Pack, committee: Option<&Pack>) -> Handbook {
        Handbook::resolve_with_frameworks(builtin, committee, &[])
    }

    /// As [`Handbook::resolve`], with `frameworks` searchable in the scoring frameworks
    /// section (by name, groups, criteria, guidance and guard notes).
    pub fn resolve_with_frameworks(builtin: &Pack, committee: Option<&Pack>, frameworks: &[&Framework]) -> Handbook {
        let mut sections: Vec<Section> = Vec::new();
        let mut origins = Vec::new();
        let mut hidden_builtin_items = Vec::new();
        match committee {
            None => {
                sections = builtin.sections.clone();
                origins = vec![Origin::Builtin; sections.len()];
            }
            Some(committee) => {
                // Linear scans: a handful of sections, and a built-in pack of a few dozen
                // items (cheaper in the wasm than more hash set instances).
                let committee_has_item = |id: &str| {
                    committee
                        .sections
                        .iter()
                        .any(|s| s.items.iter().any(|item| item.id == id))
                };
                for section in &builtin.sections {
                    if let Some(own) = committee.section(&section.id) {
                        sections.push(own.clone());
                        origins.push(Origin::Committee);
                        continue;
                    }
                    let mut kept = section.clone();
                    kept.items.retain(|item| {
                        let clash = committee_has_item(&item.id);
                        if clash {
                            hidden_builtin_items.push(item.id.clone());
                        }
                        !clash
                    });
                    if kept.items.is_empty() && kept.kind == SectionKind::Text {
                        continue;
                    }
                    sections.push(kept);
                    origins.push(Origin::Builtin);
                }
                for section in &committee.sections {
                    if builtin.section(&section.id).is_none() {
                        sections.push(section.clone());
                        origins.push(Origin::Committee);
                    }
                }
            }
        }
        let mut items = super::IdMap::default();
        let mut positions = Vec::new();
        for (section_at, section) in sections.iter().enumerate() {
            for (item_at, item) in section.items.iter().enumerate() {
                items
                    .entry(item.id.clone())
                    .or_insert(positions.len() as u32);
                positions.push((section_at as u32, item_at as u32));
            }
        }
        let index = SearchIndex::build(&sections, frameworks);
        Handbook {
            builtin: builtin.info(),
            committee: committee.map(Pack::info),
            sections,
            origins,
            hidden_builtin_items,
            items,
            positions,
            index,
        }
    }

    /// The built-in pack's name, issuer and version.
    pub fn builtin_info(&self) -> &PackInfo {
        &self.builtin
    }

    /// The committee pack's, when one is in use.
    pub fn committee_info(&self) -> Option<&PackInfo> {
        self.committee.as_ref()
    }

    /// The sections in reading order (the table of contents).
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// Each section with where it comes from.
    pub fn sections_with_origin(&self) -> impl Iterator<Item = (&Section, Origin)> {
        self.sections.iter().zip(self.origins.iter().copied())
    }

    /// A section by id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|section| section.id == id)
    }

    /// Where a section comes from.
    pub fn section_origin(&self, id: &str) -> Option<Origin> {
        let at = self.sections.iter().position(|section| section.id == id)?;
        self.origins.get(at).copied()
    }

    /// An item by its stable id, wherever it now is. `None` when no item has that id any
    /// more (the app then shows [`text::handbook::item_missing`] beside the user's
    /// bookmark or note instead of dropping it).
    pub fn item(&self, id: &str) -> Option<ItemRef<'_>> {
        let &at = self.items.get(id)?;
        let (section_at, item_at) = self.positions[at as usize];
        let (section_at, item_at) = (section_at as usize, item_at as usize);
        let section = &self.sections[section_at];
        Some(ItemRef {
            section,
            item: &section.items[item_at],
            origin: self.origins[section_at],
        })
    }

    /// Built-in item ids hidden because the committee pack has items with the same ids.
    pub fn hidden_builtin_items(&self) -> &[String] {
        &self.hidden_builtin_items
    }

    /// Searches titles and bodies; see [`super::search`]. Results best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        self.index.search(query, limit)
    }

    /// The search index (for statistics).
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }
}
