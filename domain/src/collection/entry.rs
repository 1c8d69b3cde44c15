//! How one chi bộ of the collection is stored: two texts written in one transaction.
//!
//! - the **header**, `{"format": "so-tay-chi-bo-collection-entry", "format_version": 1,
//!   "chi_bo_id": …, "files": [{file_name, exported_at, received_at, scope}, …],
//!   "summary": {name, meeting_years, data_hash}}`; the summary (added 2026-12-06, optional,
//!   so headers written before it are still version 1) lets the đảng ủy's overview open from
//!   the headers and the kept year figures (`super::figures`) without reading the data;
//! - the **data**, the chi bộ's merged records as a backup file (`docs/backup-format.md`),
//!   so it is read back through [`parse_backup`] with its complete validation and its
//!   migration chain: an entry stored by this version is read by every later one.
//!
//! A fixture of each header version lives in `tests/fixtures/migrations/`.

use serde::{Deserialize, Serialize};

use super::{CollectedChiBo, ReceivedFile};
use crate::model::Timestamp;
use crate::backup::{export_all, parse_backup, ImportError, ImportLimits};

/// The header's `format`.
pub const ENTRY_FORMAT: &str = "so-tay-chi-bo-collection-entry";
/// The header version this app writes and reads.
pub const ENTRY_VERSION: u32 = 1;

/// The two texts of an entry, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryTexts {
    /// The header (JSON).
    pub header: String,
    /// The records, as a backup file.
    pub data: String,
}

#[derive(Serialize, Deserialize)]
struct Header {
    format: String,
    format_version: u32,
    chi_bo_id: String,
    files: Vec<ReceivedFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<EntrySummary>,
}

/// What the overview needs of an entry before its data is read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntrySummary {
    /// The chi bộ's name.
    pub name: String,
    /// Years with at least one meeting, ascending.
    pub meeting_years: Vec<i32>,
    /// [`fingerprint`] of the data text stored with this header.
    pub data_hash: String,
}

/// An entry's header, read on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryHeader {
    /// The chi bộ's id.
    pub chi_bo_id: String,
    /// The files taken, oldest first.
    pub files: Vec<ReceivedFile>,
    /// `None` for a header written before summaries (2026-12-06): its data must be read.
    pub summary: Option<EntrySummary>,
    /// [`fingerprint`] of the header's text: it changes whenever the entry does (a file
    /// taken adds to `files`; new data changes `data_hash`), so figures computed from the
    /// entry are kept under it.
    pub source: String,
}

impl EntryHeader {
    /// When the newest file taken was written by the chi bộ's phone.
    pub fn latest_export(&self) -> Option<Timestamp> {
        super::latest_export_of(&self.files)
    }
}

/// A short fingerprint of bytes (16 hex digits), to tell whether stored text changed.
///
/// rustc-hash's FxHasher (already in the wasm through Leptos) rather than std's SipHash: it
/// reads several bytes a step, which matters for the 70 MB of 300 chi bộ files taken at once
/// (SipHash cost about half a second at 4× CPU for 90 files). A fingerprint is only ever
/// compared with fingerprints this code stored, never with another program's, and a
/// collision costs a stale figure until the chi bộ's next file, not data.
pub fn fingerprint(bytes: &[u8]) -> String {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.write_usize(bytes.len());
    format!("{:016x}", hasher.finish())
}

/// Why a stored entry cannot be read.
#[derive(Clone, Debug, PartialEq)]
pub enum EntryError {
    /// The header is not a header of a known version.
    Header,
    /// The header was written by a newer app.
    NewerHeader {
        /// Its version.
        found: u32,
    },
    /// The records do not read as a backup.
    Data(ImportError),
    /// The records are of another chi bộ than the header says, or of none.
    OtherChiBo,
}

impl CollectedChiBo {
    /// The entry's texts. The data is the backup file of the merged records, dated by
    /// the latest file taken.
    pub fn to_texts(&self, app_version: &str) -> EntryTexts {
        let dated = self.latest_export().unwrap_or_default();
        let data = export_all(&self.data, dated, app_version).to_compact_json();
        EntryTexts { header: self.header_text(data.as_bytes()), data }
    }

    /// The header stored beside `data` (the data text's bytes). A chi bộ taken from one file
    /// can store that file's own text as its data (it is a valid backup of exactly these
    /// records), sparing the export.
    pub fn header_text(&self, data: &[u8]) -> String {
        let header = Header {
            format: ENTRY_FORMAT.to_owned(),
            format_version: ENTRY_VERSION,
            chi_bo_id: self.chi_bo_id.clone(),
            files: self.files.clone(),
            summary: Some(self.summary(fingerprint(data))),
        };
        serde_json::to_string(&header).unwrap_or_default()
    }

    fn summary(&self, data_hash: String) -> EntrySummary {
        let mut meeting_years: Vec<i32> = self.data.meetings.iter().map(|meeting| chrono::Datelike::year(&meeting.date)).collect();
        meeting_years.sort_unstable();
        meeting_years.dedup();
        EntrySummary { name: self.name().to_owned(), meeting_years, data_hash }
    }
}

/// Reads an entry back from its header and its data (the backup file's UTF-8 bytes).
pub fn read_entry(header: &str, data: &[u8]) -> Result<CollectedChiBo, EntryError> {
    let header = read_header(header)?;
    read_entry_data(&header.chi_bo_id, &header.files, data)
}

/// Reads an entry's data under what its header, read before, says: the chi bộ's id and the
/// files taken (the overview opens from headers; a chi bộ's data is read when it is needed).
pub fn read_entry_data(chi_bo_id: &str, files: &[ReceivedFile], data: &[u8]) -> Result<CollectedChiBo, EntryError> {
    let backup = parse_backup(data, &ImportLimits { max_bytes: usize::MAX })
        .map_err(EntryError::Data)?;
    match &backup.data.chi_bo {
        Some(chi_bo) if chi_bo.id == chi_bo_id => {}
        _ => return Err(EntryError::OtherChiBo),
    }
    Ok(CollectedChiBo { chi_bo_id: chi_bo_id.to_owned(), data: backup.data, files: files.to_vec() })
}

/// Reads a header alone (the overview opens from headers and kept figures).
pub fn read_header(text: &str) -> Result<EntryHeader, EntryError> {
    let header = parse_header(text)?;
    Ok(EntryHeader { chi_bo_id: header.chi_bo_id, files: header.files, summary: header.summary, source: fingerprint(text.as_bytes()) })
}

fn parse_header(text: &str) -> Result<Header, EntryError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| EntryError::Header)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(ENTRY_FORMAT) {
        return Err(EntryError::Header);
    }
    match value.get("format_version").and_then(serde_json::Value::as_u64) {
        Some(version) if version == u64::from(ENTRY_VERSION) => {}
        Some(version) if version > u64::from(ENTRY_VERSION) => {
            return Err(EntryError::NewerHeader { found: u32::try_from(version).unwrap_or(u32::MAX) })
        }
        _ => return Err(EntryError::Header),
    }
    // From the text, not the value: the text reader's code for these types is the one the
    // app already carries (a second, value-based copy cost wasm bytes for nothing).
    serde_json::from_str(text).map_err(|_| EntryError::Header)
}
