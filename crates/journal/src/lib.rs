//! linger-journal: the per-user log store of linger (DESIGN.md §6).
//!
//! The user manager owns a [`WriterHandle`] (a thread that owns the files; the event loop
//! never waits on disk), feeds service output through [`capture::LineSplitter`] and
//! submits lines of a registered [`Stream`]; `journalctl` opens the segment files directly
//! with [`Journal`] and prints with [`output::Printer`] ([`app::run`] does all of it).
//!
//! ```
//! use linger_journal::{Journal, JournalConfig, JournalWriter, Query};
//! use linger_journal::capture::LineSplitter;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let writer = JournalWriter::spawn(JournalConfig::new(dir.path())).unwrap();
//! let stream = writer.stream(vec![
//!     ("_SYSTEMD_USER_UNIT".into(), b"web.service".to_vec()),
//!     ("SYSLOG_IDENTIFIER".into(), b"web".to_vec()),
//! ]);
//! let mut lines = LineSplitter::new();
//! lines.feed(b"listening on :8080\n<3>disk on fire\n", &mut |l| {
//!     writer.submit_line(&stream, l.priority, l.message);
//! });
//! writer.flush().unwrap();
//!
//! let journal = Journal::open_directory(dir.path()).unwrap();
//! let errors = journal.entries(&Query { units: vec!["web".into()], priority: Some((0, 3)), ..Query::default() }).unwrap();
//! assert_eq!(errors[0].field_str("MESSAGE"), Some("disk on fire"));
//! ```
//!
//! On disk: one directory per user of append-only segment files (`*.lj`, mode 0640) made of
//! CRC-checked frames; repeated fields are interned per segment, so a line of a service
//! costs about 30 bytes; blocks of up to 1024 entries carry summaries (time range, units
//! used) and are linked backwards, which serves `-n`, `--since` and `-u` from the tail
//! without reading the rest (see `store::format`).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod app;
pub mod capture;
pub mod catalog;
pub mod config;
mod crc;
pub mod cursor;
pub mod entry;
pub mod error;
pub mod follow;
pub mod glob;
pub mod output;
mod prefetch;
pub mod query;
pub mod ratelimit;
pub mod reader;
pub mod store;
pub mod tails;
pub mod timespec;
mod varint;
pub mod verify;
pub mod view;
mod walk;
pub mod writer;

pub use config::JournalConfig;
pub use entry::Entry;
pub use error::{Error, Result};
pub use prefetch::ReadAhead;
pub use query::Query;
pub use reader::Journal;
pub use view::{EntryRef, EntryView};
pub use writer::{
    AfterWritten, Consume, Consumer, DrainHook, JournalWriter, Stream, Submitter, WriterHandle,
};
