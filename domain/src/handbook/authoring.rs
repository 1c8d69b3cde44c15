//! A content pack being edited in the app's form: [`PackDraft`] holds what the author
//! typed (dates as text, blanks allowed), is validated by the very checks a loaded file
//! goes through ([`PackDraft::validate`] gives the [`Pack`] or every [`PackError`], each
//! with its place), and exports through [`Pack::to_json_pretty`], which
//! [`Pack::from_json`] reads back to the same pack.
//!
//! Item ids stay as they are when an item is edited (bookmarks and notes are kept by id);
//! a new item's id is made from entropy the caller supplies, so it does not collide with
//! the built-in pack's ids either.

use serde::{Deserialize, Serialize};

use super::pack::{CheckOutcome, Item, Pack, Section, SectionKind, SourceDate, Status};
use super::validation::{self, PackError, RawCheck, RawItem, RawNumbers, RawPack, RawSection, RawSource, Scalar};
use serde::de::IgnoredAny;
use crate::framework::{move_in_list, Direction};

/// A pack as edited: the fields of [`Pack`], every text as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackDraft {
    /// Pack id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Issuer.
    pub issuer: String,
    /// Version label.
    pub version: String,
    /// Publication date as typed (`YYYY-MM-DD`).
    pub published: String,
    /// Note (blank = none).
    #[serde(default)]
    pub note: String,
    /// Sections.
    pub sections: Vec<SectionDraft>,
}

/// A section as edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionDraft {
    /// Section id (a committee section with a built-in section's id replaces it).
    pub id: String,
    /// What it holds.
    pub kind: SectionKind,
    /// Title.
    pub title: String,
    /// Note (blank = none).
    #[serde(default)]
    pub note: String,
    /// Items.
    #[serde(default)]
    pub items: Vec<ItemDraft>,
}

/// An item as edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDraft {
    /// Stable id: kept on edit.
    pub id: String,
    /// Title.
    pub title: String,
    /// Body in the pack's markup.
    pub body: String,
    /// Source document.
    pub document: String,
    /// Source date as typed (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; blank = none).
    #[serde(default)]
    pub date: String,
    /// Official wording, summary or unverified.
    pub status: Status,
    /// Note (blank = none).
    #[serde(default)]
    pub note: String,
    /// Search keywords, kept as they are (the form does not edit them).
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The number as the document has it ("Điều 4"; blank = none).
    #[serde(default)]
    pub number_in_document: String,
    /// The pack's own running index ("12/27"; blank = none).
    #[serde(default)]
    pub number_in_app: String,
    /// What comparing the text with its source found (`None`: not compared yet).
    #[serde(default)]
    pub check_outcome: Option<CheckOutcome>,
    /// When it was compared, as typed (`YYYY-MM-DD`).
    #[serde(default)]
    pub checked_on: String,
    /// What it was compared with (document, issuer, number, date; the page or printed source).
    #[serde(default)]
    pub compared_with: String,
    /// A web address of that source (blank = none).
    #[serde(default)]
    pub check_address: String,
}

impl From<&Item> for ItemDraft {
    fn from(item: &Item) -> ItemDraft {
        ItemDraft {
            id: item.id.clone(),
            title: item.title.clone(),
            body: item.body.clone(),
            document: item.source.document.clone(),
            date: item.source.date.map(|date| date.to_string()).unwrap_or_default(),
            status: item.source.status,
            note: item.note.clone().unwrap_or_default(),
            keywords: item.keywords.clone(),
            number_in_document: item.numbers.as_ref().and_then(|n| n.document.clone()).unwrap_or_default(),
            number_in_app: item.numbers.as_ref().and_then(|n| n.app.clone()).unwrap_or_default(),
            check_outcome: item.source.check.as_ref().map(|check| check.outcome),
            checked_on: item.source.check.as_ref().map(|check| SourceDate::from(check.checked_on).to_string()).unwrap_or_default(),
            compared_with: item.source.check.as_ref().map(|check| check.compared_with.clone()).unwrap_or_default(),
            check_address: item.source.check.as_ref().and_then(|check| check.address.clone()).unwrap_or_default(),
        }
    }
}

impl From<&Section> for SectionDraft {
    fn from(section: &Section) -> SectionDraft {
        SectionDraft {
            id: section.id.clone(),
            kind: section.kind,
            title: section.title.clone(),
            note: section.note.clone().unwrap_or_default(),
            items: section.items.iter().map(ItemDraft::from).collect(),
        }
    }
}

impl From<&Pack> for PackDraft {
    fn from(pack: &Pack) -> PackDraft {
        PackDraft {
            id: pack.id.clone(),
            name: pack.name.clone(),
            issuer: pack.issuer.clone(),
            version: pack.version.clone(),
            published: super::pack::SourceDate::from(pack.published).to_string(),
            note: pack.note.clone().unwrap_or_default(),
            sections: pack.sections.iter().map(SectionDraft::from).collect(),
        }
    }
}

/// `{prefix}{hex}` made unique among `taken` (a counter appended if needed).
fn unique_id(prefix: &str, entropy: u64, taken: &[&str]) -> String {
    let base = format!("{prefix}{entropy:08x}");
    (1..)
        .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
        .find(|candidate| !taken.contains(&candidate.as_str()))
        .unwrap_or(base)
}

impl PackDraft {
    /// A draft to make a new pack from an existing one (the built-in pack or the
    /// committee's): everything kept but the id, which the caller supplies.
    pub fn starting_from(pack: &Pack, id: &str) -> PackDraft {
        PackDraft {
            id: id.to_string(),
            ..PackDraft::from(pack)
        }
    }

    /// The pack, or every problem (with its place: [`PackError::location`]); the same
    /// checks and messages as [`Pack::from_json`].
    pub fn validate(&self) -> Result<Pack, Vec<PackError>> {
        validate_draft(self)
    }

    /// The pack file's text, when the draft is valid.
    pub fn export(&self) -> Result<String, Vec<PackError>> {
        self.validate().map(|pack| pack.to_json_pretty())
    }

    /// Every item id in the draft.
    fn item_ids(&self) -> Vec<&str> {
        self.sections
            .iter()
            .flat_map(|section| section.items.iter().map(|item| item.id.as_str()))
            .collect()
    }

    /// Adds an empty text section with an id from `entropy`; returns its index.
    pub fn add_section(&mut self, entropy: u64) -> usize {
        let taken: Vec<&str> = self.sections.iter().map(|section| section.id.as_str()).collect();
        let id = unique_id("phan-", entropy, &taken);
        self.sections.push(SectionDraft {
            id,
            kind: SectionKind::Text,
            title: String::new(),
            note: String::new(),
            items: Vec::new(),
        });
        self.sections.len() - 1
    }

    /// Removes a section with its items.
    pub fn remove_section(&mut self, index: usize) -> Option<SectionDraft> {
        (index < self.sections.len()).then(|| self.sections.remove(index))
    }

    /// Moves a section up or down.
    pub fn move_section(&mut self, index: usize, direction: Direction) -> bool {
        move_in_list(&mut self.sections, index, direction)
    }

    /// Adds an empty item (status: summary) at the end of a section, with a new id from
    /// `entropy` unique in the pack; returns its index.
    pub fn add_item(&mut self, section: usize, entropy: u64) -> Option<usize> {
        let id = unique_id("muc-", entropy, &self.item_ids());
        let section = self.sections.get_mut(section)?;
        section.items.push(ItemDraft {
            id,
            title: String::new(),
            body: String::new(),
            document: String::new(),
            date: String::new(),
            status: Status::Summary,
            note: String::new(),
            keywords: Vec::new(),
            number_in_document: String::new(),
            number_in_app: String::new(),
            check_outcome: None,
            checked_on: String::new(),
            compared_with: String::new(),
            check_address: String::new(),
        });
        Some(section.items.len() - 1)
    }

    /// Removes an item.
    pub fn remove_item(&mut self, section: usize, index: usize) -> Option<ItemDraft> {
        let items = &mut self.sections.get_mut(section)?.items;
        (index < items.len()).then(|| items.remove(index))
    }

    /// Moves an item within its section.
    pub fn move_item(&mut self, section: usize, index: usize, direction: Direction) -> bool {
        self.sections
            .get_mut(section)
            .is_some_and(|section| move_in_list(&mut section.items, index, direction))
    }

    /// An item by position, to edit.
    pub fn item_mut(&mut self, section: usize, index: usize) -> Option<&mut ItemDraft> {
        self.sections.get_mut(section)?.items.get_mut(index)
    }
}

/// What a markup toolbar button inserts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkupInsert {
    /// A new paragraph.
    Paragraph,
    /// A list item (`- `).
    ListItem,
    /// Emphasis around the selection (`*…*`).
    Emphasis,
    /// A heading (`## `).
    Heading,
    /// A quote (`> `).
    Quote,
}

/// The byte index of a UTF-16 offset (what a browser's text selection gives), clamped to
/// the text.
fn byte_index(text: &str, utf16_offset: usize) -> usize {
    let mut units = 0;
    for (index, ch) in text.char_indices() {
        if units >= utf16_offset {
            return index;
        }
        units += ch.len_utf16();
    }
    text.len()
}

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

impl MarkupInsert {
    /// Applies the button to `body` with the selection `start..end` (UTF-16 offsets, as a
    /// text area reports them): emphasis wraps the selection in `*…*`; a paragraph puts a
    /// blank line before the selection; list item, heading and quote put their mark at the
    /// start of the line the selection starts in. Returns the new body and the new
    /// selection (UTF-16 offsets) around the same text.
    pub fn apply(self, body: &str, start: usize, end: usize) -> (String, usize, usize) {
        let (start, end) = (start.min(end), start.max(end));
        let (start_byte, end_byte) = (byte_index(body, start), byte_index(body, end));
        let (before, selected, after) = (&body[..start_byte], &body[start_byte..end_byte], &body[end_byte..]);
        let (start, end) = (utf16_len(before), utf16_len(before) + utf16_len(selected));
        match self {
            MarkupInsert::Emphasis => (format!("{before}*{selected}*{after}"), start + 1, end + 1),
            MarkupInsert::Paragraph => {
                let separator = match before {
                    "" => "",
                    text if text.ends_with("\n\n") => "",
                    text if text.ends_with('\n') => "\n",
                    _ => "\n\n",
                };
                let shift = utf16_len(separator);
                (format!("{before}{separator}{selected}{after}"), start + shift, end + shift)
            }
            MarkupInsert::ListItem | MarkupInsert::Heading | MarkupInsert::Quote => {
                let mark = match self {
                    MarkupInsert::ListItem => "- ",
                    MarkupInsert::Heading => "## ",
                    _ => "> ",
                };
                let line_start = before.rfind('\n').map_or(0, |at| at + 1);
                let text = format!("{}{mark}{}", &body[..line_start], &body[line_start..]);
                let shift = utf16_len(mark);
                (text, start + shift, end + shift)
            }
        }
    }
}

/// Validates a pack being edited through the same checks as a loaded file, so the
/// editor shows the very messages an import would.
fn validate_draft(draft: &PackDraft) -> Result<Pack, Vec<PackError>> {
    let raw = RawPack {
        format_version: IgnoredAny,
        id: draft.id.clone(),
        name: draft.name.clone(),
        issuer: draft.issuer.clone(),
        version: Some(Scalar::Text(draft.version.clone())),
        published: draft.published.clone(),
        note: draft.note.clone(),
        sections: draft
            .sections
            .iter()
            .map(|section| RawSection {
                id: section.id.clone(),
                kind: section.kind.key().to_string(),
                title: section.title.clone(),
                note: section.note.clone(),
                items: section
                    .items
                    .iter()
                    .map(|item| RawItem {
                        id: item.id.clone(),
                        title: item.title.clone(),
                        body: item.body.clone(),
                        source: RawSource {
                            document: item.document.clone(),
                            date: item.date.clone(),
                            status: item.status.key().to_string(),
                            check: RawCheck {
                                outcome: item.check_outcome.map(|outcome| outcome.key().to_string()).unwrap_or_default(),
                                checked_on: item.checked_on.clone(),
                                compared_with: item.compared_with.clone(),
                                address: item.check_address.clone(),
                            },
                        },
                        note: item.note.clone(),
                        keywords: item.keywords.clone(),
                        numbers: RawNumbers { document: item.number_in_document.clone(), app: item.number_in_app.clone() },
                    })
                    .collect(),
            })
            .collect(),
    };
    validation::validate(raw, super::pack::FORMAT_VERSION)
}
