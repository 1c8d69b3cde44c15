//! Pure domain logic of Sổ tay chi bộ. No browser, no UI framework: everything here
//! runs and is tested natively with `cargo test -p sotay-domain`, and compiles to wasm.
//!
//! - [`model`]: the records (chi bộ, members, meetings with their score sheets).
//! - [`framework`]: scoring frameworks as JSON data, and their validation.
//! - [`builtin`]: the frameworks shipped with the app.
//! - [`scoring`]: the engine that scores a meeting's sheet against a framework.
//! - [`planning`]: a new meeting's default date and what carries over from the last one.
//! - [`preparation`]: the meeting plan (content, outline, draft resolution, the chi ủy's
//!   preparation, notices and documents sent), its hand-over to the meeting, the notice's
//!   facts, the calendar file, and the preparation criteria's facts.
//! - [`collection`]: the đảng ủy's collection of chi bộ files and its overview.
//! - [`checks`]: problems in a meeting record (times, future date, roll call).
//! - [`dues`]: the party-dues book: the dues rule as data, profiles and payments, the
//!   month's book, each member's year, warnings, merge, spreadsheets.
//! - [`analytics`]: members' attendance over a year, warnings, the year summary.
//! - [`backup`]: the backup file, import with validation, migrations, preview and merge,
//!   the stored layout and the raw export of damaged storage.
//! - [`review`]: the year-end review: evidence, each member's year, the review record
//!   and its dossier template, the year as spreadsheet tables.
//! - [`spreadsheet`]: tables as CSV files for Excel on a Vietnamese Windows.
//! - [`text`]: every Vietnamese string the crate produces.
//! - [`decimal`]: exact numbers for points, thresholds and ratios.
//!
//! The crate never reads the clock or a random source: the caller passes "now" and
//! any entropy for ids.
//!
//! ```
//! use chrono::{DateTime, NaiveDate, NaiveTime};
//! use sotay_domain::model::Attendance;
//! use sotay_domain::{builtin, score_own_sheet, Meeting, MeetingKind, Member, Rating};
//!
//! let now = DateTime::from_timestamp(1_760_000_000, 0).unwrap(); // supplied by the app
//! let framework = builtin::by_id(builtin::DEFAULT_ID).unwrap();
//! let roster = vec![
//!     Member::new("m1", "Nguyễn Văn An", now),
//!     Member::new("m2", "Trần Thị Bình", now),
//! ];
//! let date = NaiveDate::from_ymd_opt(2025, 11, 3).unwrap();
//! let mut meeting = Meeting::new_draft("2025-11", date, MeetingKind::ThuongKy, &framework.id, now);
//! meeting.start_time = NaiveTime::from_hms_opt(19, 0, 0);
//! meeting.end_time = NaiveTime::from_hms_opt(20, 30, 0);
//! meeting.set_attendance("m1", Attendance::Present);
//! meeting.set_attendance("m2", Attendance::AbsentWithoutReason);
//!
//! // The year's other meetings (here none) feed the absence-streak bonus; the meeting
//! // plans (here none) the preparation criteria of the frameworks that score them.
//! let score = score_own_sheet(&framework, &meeting, &roster, &[], &[]);
//! let attendance = score.criterion("2.1").unwrap();
//! assert!(attendance.derivation.to_string().starts_with("1/2 đảng viên có mặt = 50%"));
//! assert_eq!(score.rating, Rating::Kem); // nothing ticked yet
//! println!("{}", score.summary()); // e.g. "17/100 điểm → Kém" (words: `text::score`)
//! ```

#![warn(missing_docs)]

pub mod analytics;
pub mod backup;
pub mod builtin;
pub mod checks;
pub mod collection;
pub mod collate;
pub mod decimal;
pub mod dues;
pub mod framework;
pub mod handbook;
pub mod indent;
pub mod model;
pub mod planning;
pub mod preparation;
pub mod review;
pub mod scoring;
pub mod spreadsheet;
pub mod text;

pub use analytics::{year_attendance, year_summary, YearAttendance, YearSummary};
pub use decimal::{Decimal, Ratio};
pub use framework::{Framework, FrameworkError, FrameworkLoadError, Rating};
pub use model::{ChiBo, Meeting, MeetingKind, Member, ScoreSheet, Timestamp};
pub use scoring::{score_own_sheet, score_sheet, score_superior_sheet, MeetingScore};
