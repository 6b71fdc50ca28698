//! Writer configuration and a tiny reader for `journald.conf`-like files (`[Journal]` section).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::timespec::{parse_size, parse_timespan};

const SEC: u64 = 1_000_000;

/// How the writer stores, rotates, caps and rate-limits. Build with [`JournalConfig::new`],
/// adjust fields or load a file with [`JournalConfig::load_conf`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalConfig {
    /// The journal directory (created 0750 if missing).
    pub directory: PathBuf,
    /// Total size cap of all segments (`SystemMaxUse=`); `None`: min(10% of the file system, 4 GiB).
    pub max_use: Option<u64>,
    /// Size at which a segment is rotated (`SystemMaxFileSize=`); `None`: max_use / 8, at most 128 MiB.
    pub max_file_size: Option<u64>,
    /// Age (µs) at which a segment is rotated (`MaxFileSec=`, default 1 month; 0 = never).
    pub max_file_usec: u64,
    /// Segments whose newest entry is older than this (µs) are deleted (`MaxRetentionSec=`; 0 = keep).
    pub max_retention_usec: u64,
    /// Rate-limit window per unit (`RateLimitIntervalSec=`, default 30 s; 0 disables).
    pub rate_limit_interval_usec: u64,
    /// Lines allowed per unit per window (`RateLimitBurst=`, default 10000; 0 disables).
    pub rate_limit_burst: u32,
    /// Entries the submit queue holds before it drops (default 16384).
    pub queue_entries: usize,
    /// Bytes of messages the submit queue holds before it drops (default 8 MiB).
    pub queue_bytes: usize,
    /// Write the unit index into block summaries (default true). False writes segments as
    /// they were before the index (for tests that readers still read those).
    pub unit_index: bool,
    /// Write the entry positions after the unit index (default true). False writes the
    /// unit index as it was before them (for tests that readers still read those).
    pub entry_positions: bool,
    /// Write the dictionary table into the summaries that hold a unit-index directory (off:
    /// the layout from before it; for tests of older segments).
    pub dict_table: bool,
}

/// A key or section of a configuration file that was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfWarning {
    /// 1-based line number.
    pub line: usize,
    /// What was ignored and why, ending in ", ignoring".
    pub message: String,
}

/// The system journal: what the login daemon (root) writes for root's processes and users
/// without a manager when it owns the system's journal sockets (`journalctl --system`).
pub const SYSTEM_JOURNAL: &str = "/var/log/linger/journal";

/// A user's journal under their home when `$XDG_STATE_HOME` is not set.
const USER_JOURNAL: &str = ".local/state/linger/journal";

impl JournalConfig {
    /// The defaults for `directory`.
    pub fn new(directory: impl Into<PathBuf>) -> Self {
        JournalConfig {
            directory: directory.into(),
            max_use: None,
            max_file_size: None,
            max_file_usec: 30 * 86400 * SEC,
            max_retention_usec: 0,
            rate_limit_interval_usec: 30 * SEC,
            rate_limit_burst: 10_000,
            queue_entries: 16_384,
            queue_bytes: 8 << 20,
            unit_index: true,
            entry_positions: true,
            dict_table: true,
        }
    }

    /// The user's journal directory: `$XDG_STATE_HOME/linger/journal`, else
    /// `$HOME/.local/state/linger/journal`.
    pub fn default_directory() -> Option<PathBuf> {
        if let Some(x) = std::env::var_os("XDG_STATE_HOME").filter(|x| Path::new(x).is_absolute()) {
            return Some(Path::new(&x).join("linger/journal"));
        }
        let home = std::env::var_os("HOME").filter(|h| !h.is_empty())?;
        Some(Path::new(&home).join(USER_JOURNAL))
    }

    /// Every account's journal directory that exists, at the default place under its home
    /// (from /etc/passwd: accounts only NSS knows, and journals moved by a user's own
    /// `$XDG_STATE_HOME`, are not found) — what root reads besides the system journal.
    pub fn every_users_directory() -> Vec<PathBuf> {
        let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
        let mut dirs: Vec<PathBuf> = passwd
            .lines()
            .filter_map(|l| l.split(':').nth(5))
            .filter(|home| home.starts_with('/'))
            .map(|home| Path::new(home).join(USER_JOURNAL))
            .filter(|d| d.is_dir())
            .collect();
        dirs.sort();
        dirs.dedup();
        dirs
    }

    /// Reads `path` (journald.conf syntax) into `self`; unknown keys and bad values are returned
    /// as warnings, a missing file is not an error.
    pub fn load_conf(&mut self, path: &Path) -> Result<Vec<ConfWarning>> {
        match std::fs::read_to_string(path) {
            Ok(text) => Ok(self.apply_conf(&text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    /// Applies the `[Journal]` settings found in `text`; returns what was ignored.
    pub fn apply_conf(&mut self, text: &str) -> Vec<ConfWarning> {
        let mut warnings = Vec::new();
        for item in ini_items(text) {
            match item {
                IniItem::Error { line, message } => warnings.push(ConfWarning { line, message }),
                IniItem::Assignment {
                    line,
                    section,
                    key,
                    value,
                } => {
                    if section != "Journal" {
                        warnings.push(ConfWarning {
                            line,
                            message: format!("Unknown section '{section}', ignoring"),
                        });
                    } else if let Err(message) = self.set(&key, &value) {
                        warnings.push(ConfWarning { line, message });
                    }
                }
            }
        }
        warnings
    }

    fn set(&mut self, key: &str, value: &str) -> std::result::Result<(), String> {
        let bad = |e: Error| format!("Failed to parse {key}={value}: {e}, ignoring");
        let span = |v: &str| parse_timespan(v, SEC).map_err(bad);
        match key {
            "SystemMaxUse" => self.max_use = Some(parse_size(value).map_err(bad)?),
            "SystemMaxFileSize" => self.max_file_size = Some(parse_size(value).map_err(bad)?),
            "MaxFileSec" => self.max_file_usec = span(value)?,
            "MaxRetentionSec" => self.max_retention_usec = span(value)?,
            "RateLimitIntervalSec" => self.rate_limit_interval_usec = span(value)?,
            "RateLimitBurst" => {
                self.rate_limit_burst = value
                    .parse()
                    .map_err(|_| format!("Failed to parse {key}={value}, ignoring"))?;
            }
            // journald settings that have no meaning here are accepted silently.
            "Storage" | "Compress" | "Seal" | "SplitMode" | "SyncIntervalSec"
            | "SystemKeepFree" | "SystemMaxFiles" | "RuntimeMaxUse" | "RuntimeKeepFree"
            | "RuntimeMaxFileSize" | "RuntimeMaxFiles" | "ForwardToSyslog" | "ForwardToKMsg"
            | "ForwardToConsole" | "ForwardToWall" | "MaxLevelStore" | "MaxLevelSyslog"
            | "MaxLevelKMsg" | "MaxLevelConsole" | "MaxLevelWall" | "ReadKMsg" | "Audit"
            | "TTYPath" | "LineMax" => {}
            _ => {
                return Err(format!(
                    "Unknown key name '{key}' in section 'Journal', ignoring"
                ));
            }
        }
        Ok(())
    }

    /// The effective total cap: `max_use`, or min(10% of the file system holding the
    /// directory, 4 GiB) — at least 1 MiB.
    pub fn effective_max_use(&self) -> u64 {
        self.max_use
            .unwrap_or_else(|| {
                let probe = existing_ancestor(&self.directory);
                match rustix::fs::statvfs(probe) {
                    Ok(st) => (st.f_blocks.saturating_mul(st.f_frsize) / 10).min(4 << 30),
                    Err(_) => 4 << 30,
                }
            })
            .max(1 << 20)
    }

    /// The effective segment size limit: `max_file_size`, or max_use / 8 capped at 128 MiB,
    /// at least 64 KiB.
    pub fn effective_max_file_size(&self) -> u64 {
        self.max_file_size
            .unwrap_or_else(|| (self.effective_max_use() / 8).min(128 << 20))
            .max(64 << 10)
    }
}

fn existing_ancestor(p: &Path) -> &Path {
    let mut cur = p;
    while !cur.exists() {
        match cur.parent() {
            Some(parent) => cur = parent,
            None => break,
        }
    }
    cur
}

/// One meaningful line of an INI file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum IniItem {
    Assignment {
        line: usize,
        section: String,
        key: String,
        value: String,
    },
    Error {
        line: usize,
        message: String,
    },
}

/// Splits systemd-style INI text: `[Section]`, `Key=Value`, `#`/`;` comments, trailing-`\`
/// continuation lines. Keys before any section are reported.
fn ini_items(text: &str) -> Vec<IniItem> {
    let mut out = Vec::new();
    let mut section: Option<String> = None;
    let mut pending: Option<(usize, String)> = None;
    for (idx, raw) in text.lines().enumerate() {
        let lineno = idx + 1;
        let (start, mut acc) = match pending.take() {
            Some((start, acc)) => (start, acc),
            None => {
                let t = raw.trim();
                if t.is_empty() || t.starts_with('#') || t.starts_with(';') {
                    continue;
                }
                (lineno, String::new())
            }
        };
        let t = raw.trim();
        if !acc.is_empty() && (t.starts_with('#') || t.starts_with(';')) {
            pending = Some((start, acc));
            continue;
        }
        if let Some(cont) = t.strip_suffix('\\') {
            acc.push_str(cont);
            acc.push(' ');
            pending = Some((start, acc));
            continue;
        }
        acc.push_str(t);
        let line = acc.trim();
        if let Some(name) = line.strip_prefix('[') {
            match name.strip_suffix(']') {
                Some(name) => section = Some(name.to_owned()),
                None => out.push(IniItem::Error {
                    line: start,
                    message: format!("Invalid section header '{line}', ignoring"),
                }),
            }
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            out.push(IniItem::Error {
                line: start,
                message: format!("Missing '=', ignoring line '{line}'"),
            });
            continue;
        };
        match &section {
            Some(s) => out.push(IniItem::Assignment {
                line: start,
                section: s.clone(),
                key: key.trim().to_owned(),
                value: value.trim().to_owned(),
            }),
            None => out.push(IniItem::Error {
                line: start,
                message: format!("Assignment outside of section, ignoring line '{line}'"),
            }),
        }
    }
    if let Some((start, acc)) = pending {
        out.push(IniItem::Error {
            line: start,
            message: format!("Unfinished continuation line '{}', ignoring", acc.trim()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conf_file() {
        let mut c = JournalConfig::new("/tmp/j");
        let w = c.apply_conf(
            "# comment\nStray=1\n[Journal]\nSystemMaxUse=1G\nSystemMaxFileSize=8M\nMaxFileSec=1d\n\
             RateLimitIntervalSec=10s\nRateLimitBurst=\\\n 5\nMaxRetentionSec=2w\nBogus=1\n\
             RateLimitBurst=many\nStorage=persistent\n[Other]\nX=1\nno equals\n",
        );
        assert_eq!(c.max_use, Some(1 << 30));
        assert_eq!(c.max_file_size, Some(8 << 20));
        assert_eq!(c.max_file_usec, 86400 * SEC);
        assert_eq!(c.rate_limit_interval_usec, 10 * SEC);
        assert_eq!(c.rate_limit_burst, 5);
        assert_eq!(c.max_retention_usec, 14 * 86400 * SEC);
        let lines: Vec<usize> = w.iter().map(|w| w.line).collect();
        assert_eq!(lines, vec![2, 11, 12, 15, 16], "{w:?}");
        assert!(w[1].message.contains("Unknown key name 'Bogus'"), "{w:?}");
    }

    #[test]
    fn defaults_are_bounded() {
        let c = JournalConfig::new(std::env::temp_dir().join("no/such/dir"));
        let use_ = c.effective_max_use();
        assert!((1 << 20..=4 << 30).contains(&use_));
        assert!(c.effective_max_file_size() <= 128 << 20);
    }
}
