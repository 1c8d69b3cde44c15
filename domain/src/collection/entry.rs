//! How one chi bộ of the collection is stored: two texts written in one transaction.
//!
//! - the **header**, `{"format": "so-tay-chi-bo-collection-entry", "format_version": 1,
//!   "chi_bo_id": …, "files": [{file_name, exported_at, received_at, scope}, …]}`;
//! - the **data**, the chi bộ's merged records as a backup file (`docs/backup-format.md`),
//!   so it is read back through [`parse_backup`] with its complete validation and its
//!   migration chain: an entry stored by this version is read by every later one.
//!
//! A fixture of each header version lives in `tests/fixtures/migrations/`.

use serde::{Deserialize, Serialize};

use super::{CollectedChiBo, ReceivedFile};
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
        EntryTexts { header: self.header_text(), data: export_all(&self.data, dated, app_version).to_compact_json() }
    }

    /// The header alone. A chi bộ taken from one file can store that file's own text as its
    /// data (it is a valid backup of exactly these records), sparing the export.
    pub fn header_text(&self) -> String {
        let header = Header {
            format: ENTRY_FORMAT.to_owned(),
            format_version: ENTRY_VERSION,
            chi_bo_id: self.chi_bo_id.clone(),
            files: self.files.clone(),
        };
        serde_json::to_string(&header).unwrap_or_default()
    }
}

/// Reads an entry back from its header and its data (the backup file's UTF-8 bytes).
pub fn read_entry(header: &str, data: &[u8]) -> Result<CollectedChiBo, EntryError> {
    let header = read_header(header)?;
    let backup = parse_backup(data, &ImportLimits { max_bytes: usize::MAX })
        .map_err(EntryError::Data)?;
    match &backup.data.chi_bo {
        Some(chi_bo) if chi_bo.id == header.chi_bo_id => {}
        _ => return Err(EntryError::OtherChiBo),
    }
    Ok(CollectedChiBo { chi_bo_id: header.chi_bo_id, data: backup.data, files: header.files })
}

fn read_header(text: &str) -> Result<Header, EntryError> {
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
    serde_json::from_value(value).map_err(|_| EntryError::Header)
}
