//! Diagnostics: every message about input names the file and line it concerns.

use std::fmt;
use std::path::PathBuf;

/// How bad a diagnostic is. `Error` makes the unit fail to load ("bad-setting"/"error").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth telling, the unit still loads (unknown key, suspicious value).
    Warning,
    /// The unit cannot be loaded as written.
    Error,
}

/// One message about a unit file, with its location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file concerned (None for text parsed from memory).
    pub path: Option<PathBuf>,
    /// 1-based line number; 0 when the message is about the file as a whole.
    pub line: usize,
    /// Warning or error.
    pub severity: Severity,
    /// Human sentence; warnings end with what was done (", ignoring.").
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(p), 0) => write!(f, "{}: {}", p.display(), self.message),
            (Some(p), l) => write!(f, "{}:{}: {}", p.display(), l, self.message),
            (None, 0) => write!(f, "{}", self.message),
            (None, l) => write!(f, "line {}: {}", l, self.message),
        }
    }
}
