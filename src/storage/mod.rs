//! The only code that touches browser storage.
//!
//! Today it holds the app's settings in localStorage; the chi bộ's records, their schema
//! version and migrations arrive with the data issue and will live here too.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

/// Every key the app stores, so no other module invents its own.
#[derive(Clone, Copy, Debug)]
pub enum Key {
    Settings,
}

impl Key {
    fn as_str(self) -> &'static str {
        match self {
            Key::Settings => "sotay.settings",
        }
    }
}

/// Why a read or write did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The stored text is not what the app expects (hand-edited, or from another app).
    Unreadable(String),
    /// The browser refused the write: storage full, disabled, or private mode.
    WriteRefused(String),
}

/// Reads a value; `Ok(None)` when nothing was stored yet.
pub fn read<T: DeserializeOwned>(key: Key) -> Result<Option<T>, StorageError> {
    match LocalStorage::get::<T>(key.as_str()) {
        Ok(value) => Ok(Some(value)),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Ok(None),
        Err(other) => Err(StorageError::Unreadable(other.to_string())),
    }
}

/// Writes a value in one `setItem` call, so it is either fully stored or not at all.
pub fn write<T: Serialize>(key: Key, value: &T) -> Result<(), StorageError> {
    LocalStorage::set(key.as_str(), value).map_err(|error| StorageError::WriteRefused(error.to_string()))
}
