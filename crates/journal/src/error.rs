//! Typed errors of the journal library. Every I/O error names the path it concerns.

use std::path::PathBuf;

/// What went wrong in the journal library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An I/O operation on a file or directory failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file is not a readable linger journal segment.
    #[error("{path}: not a linger journal segment: {reason}")]
    BadSegment {
        /// The file.
        path: PathBuf,
        /// Why it was rejected.
        reason: String,
    },
    /// A line of a `journald.conf`-like file could not be used.
    #[error("{path}:{line}: {message}")]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// Another writer holds the journal directory.
    #[error("{path}: journal directory is in use by another writer")]
    Locked {
        /// The journal directory.
        path: PathBuf,
    },
    /// A match given on the command line is not `FIELD=value` (or `+`).
    #[error("invalid match {0:?}: expected FIELD=value with FIELD made of A-Z, 0-9 and _")]
    BadMatch(String),
    /// A priority (`-p`) is neither a name (`err`) nor a number 0-7, nor a range of them.
    #[error(
        "invalid priority {0:?}: expected emerg, alert, crit, err, warning, notice, info, debug, 0-7 or FROM..TO"
    )]
    BadPriority(String),
    /// A cursor string could not be parsed.
    #[error("invalid cursor {0:?}")]
    BadCursor(String),
    /// A `--grep` pattern is not a valid regular expression.
    #[error("invalid --grep pattern {pattern:?}: {source}")]
    BadRegex {
        /// The pattern as given.
        pattern: String,
        /// The regex crate's explanation.
        #[source]
        source: Box<regex::Error>,
    },
    /// A timestamp (`--since`, `--until`) could not be parsed.
    #[error("invalid timestamp {0:?}")]
    BadTimestamp(String),
    /// A time span (`--vacuum-time`, `MaxFileSec=`) could not be parsed.
    #[error("invalid time span {0:?}")]
    BadTimespan(String),
    /// A size (`--vacuum-size`, `SystemMaxUse=`) could not be parsed.
    #[error("invalid size {0:?}")]
    BadSize(String),
    /// A boot selector (`-b`) names a boot the journal does not hold.
    #[error("Data from the specified boot ({0}) is not available: No such boot ID in journal")]
    NoSuchBoot(String),
    /// A boot selector (`-b`) is malformed.
    #[error("invalid boot selector {0:?}: expected an offset (-1, 0, 1) or a 32-digit boot ID")]
    BadBoot(String),
    /// A datagram of the journal native protocol is malformed.
    #[error("native protocol datagram: {0}")]
    Native(&'static str),
    /// The writer thread has stopped (it could not continue); submitted entries are lost.
    #[error("the journal writer thread has stopped")]
    WriterGone,
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, Error>;
