//! Every Vietnamese string the domain crate produces, in one place, by subject: number and
//! date formats (`format`, the leaf), labels, frameworks, scores, the year, meeting
//! records, meeting plans, the handbook, backups, the year-end review and the đảng ủy's
//! collection.
//! Computing code returns facts; only this layer makes sentences of them.

mod format;
mod labels;
mod framework;
mod score;
mod analytics;
mod meetings;
pub mod collection;
pub mod dues;
pub mod handbook;
pub mod backup;
pub mod review;
pub mod sheets;
pub mod preparation;

pub use format::*;
pub(crate) use format::quoted;
pub use labels::*;
pub use framework::*;
pub use score::*;
pub use meetings::*;
