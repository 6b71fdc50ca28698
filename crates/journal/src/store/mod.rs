//! The on-disk store: segment files of CRC-checked frames with per-block summaries.

pub(crate) mod append;
mod decode;
pub(crate) mod dict;
pub mod dir;
pub(crate) mod format;
mod once_slots;
pub(crate) mod packed;
pub(crate) mod segment;

pub use dir::{SegmentFile, VacuumReport, disk_usage, list_segments, vacuum};
pub use format::SEGMENT_SUFFIX;
#[cfg(test)]
mod index_tests;
#[cfg(test)]
mod table_tests;
