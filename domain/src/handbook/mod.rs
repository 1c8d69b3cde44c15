//! The party member handbook: content packs, their validation and merging, the body
//! markup, and search without diacritics.
//!
//! - [`pack`]: the pack format (`docs/content-pack.md`) and [`Pack::from_json`].
//! - [`validation`]: every problem as a [`PackError`] with a Vietnamese message.
//! - [`markup`]: bodies parsed into [`Block`]/[`Inline`] nodes, never HTML.
//! - [`effective`]: the [`Handbook`] a user reads: built-in pack + committee pack,
//!   lookup of items by stable id, search.
//! - [`search`]: the index and ranking; [`fold`]: Vietnamese folding.
//! - [`builtin`]: the pack shipped with the app.
//! - [`authoring`]: a pack being edited ([`PackDraft`]), validated like a loaded file.
//!
//! Typical use by the app:
//! ```
//! use sotay_domain::handbook::{builtin, Handbook, Pack};
//! let base = builtin::pack();
//! let mut handbook = Handbook::resolve(&base, None);
//! // Importing a committee pack: keep the current handbook on error.
//! match Pack::from_json("{ \"format_version\": 9 }") {
//!     Ok(committee) => handbook = Handbook::resolve(&base, Some(&committee)),
//!     Err(error) => assert!(error.to_string().contains("phiên bản")),
//! }
//! let hits = handbook.search("khong duoc lam", 30);
//! assert_eq!(hits[0].section_id, builtin::PROHIBITIONS_SECTION_ID);
//! ```

pub mod authoring;
pub mod builtin;
pub mod effective;
pub mod fold;
pub mod markup;
pub mod pack;
pub mod search;
pub mod sources;
pub mod validation;

pub use effective::{Handbook, ItemRef, Origin};
pub use fold::{fold, fold_char};
pub use markup::{Block, Inline};
pub use pack::{
    limits, Check, CheckOutcome, CheckState, Item, Numbers, Pack, PackInfo, Section, SectionKind,
    Source, SourceDate, Status, FORMAT_VERSION, OLDEST_FORMAT_VERSION,
};
pub use sources::{CheckCounts, SourceOrder};
pub use search::{framework_entry_id, segments, SearchHit, SearchIndex, DEFAULT_LIMIT};
pub use authoring::{ItemDraft, PackDraft, SectionDraft};
pub use validation::{Count, Field, PackError, PackLoadError, PackScope, Place, SyntaxProblem};

/// The one hash map type of the handbook (ids and words → numbers), so the wasm holds a
/// single instance of the map code. Hashed with FNV-1a, faster than the default SipHash
/// on short keys; hash flooding is not a concern for a local file of at most 3000 items.
pub(crate) type IdMap = std::collections::HashMap<String, u32, std::hash::BuildHasherDefault<Fnv>>;

/// FNV-1a, 64 bits.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
