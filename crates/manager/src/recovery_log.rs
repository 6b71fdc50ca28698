//! The crash-recovery log (pub for the fuzz target of its reader, [`parse`]): where the
//! records live: one append-only file,
//! `$XDG_RUNTIME_DIR/linger/recovery.log`, one line per change (`UNIT<TAB>JSON`), written with
//! a single `write` per turn of the event loop. The last line of a unit wins; `{}` means "no
//! record". When the file has grown past four times what is still live (and 64 KiB) it is
//! rewritten with the live records only and renamed over. A line torn by a crash in the
//! middle of a write is skipped when reading.
//!
//! One file rather than one per unit: creating a file costs a new inode, which on a
//! disk-backed runtime directory was most of the time of starting 500 units.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What the manager knows about its crash-recovery log: the log itself and what it last
/// wrote there.
#[derive(Debug, Default)]
pub struct RecoveryState {
    /// The log.
    pub store: Store,
    /// Where it is.
    pub path: PathBuf,
    /// The environment and start-up time last written in the manager's record (compared
    /// as they are, so a turn that changed nothing builds nothing).
    pub manager: Option<(linger_exec::Environment, linger_engine::Timestamp)>,
    /// Main pid and its start time per unit, as last read.
    pub starts: HashMap<String, (u32, u64)>,
    /// A write failed once (reported once: a full runtime directory would repeat it).
    pub failed: bool,
    /// The predecessor's keys in the fd keeper, deleted once our records are written.
    pub taken: Vec<String>,
}

impl RecoveryState {
    /// Records in the log at `path`.
    pub fn new(path: PathBuf) -> Self {
        RecoveryState {
            store: Store::new(path.clone()),
            path,
            ..RecoveryState::default()
        }
    }
}

/// The empty record.
pub const NONE: &[u8] = b"{}";

const COMPACT_AT: u64 = 64 * 1024;

/// The record log.
#[derive(Debug, Default)]
pub struct Store {
    path: PathBuf,
    file: Option<std::fs::File>,
    /// A hash and the length of the last record written for each key (unchanged records are
    /// not written again; the lengths say when compacting pays). Hashes, not the records:
    /// the log itself has them, and a manager of 500 services need not hold them twice.
    live: HashMap<String, (u64, usize)>,
    log_bytes: u64,
    /// A write failed: the file may end in a torn line, and some records were not written.
    broken: bool,
    /// Something was written since the start.
    wrote: bool,
}

impl Store {
    /// The log at `path` (created on first write).
    pub fn new(path: PathBuf) -> Self {
        Store {
            path,
            ..Store::default()
        }
    }

    /// Whether every record must be written again (after a failed write), from an empty log.
    pub fn needs_rewrite(&self) -> bool {
        self.broken
    }

    /// Start the log again, empty (the caller then writes every record).
    pub fn restart(&mut self) {
        self.file = None;
        self.live.clear();
        self.log_bytes = 0;
        match std::fs::remove_file(&self.path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {}
            _ => self.broken = false,
        }
    }

    /// Append the records among `changes` that differ from what the log holds. On failure
    /// the log is marked broken: [`Store::needs_rewrite`].
    pub fn write(&mut self, changes: Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
        let r = self.append(changes);
        if r.is_err() {
            self.broken = true;
            self.file = None;
        }
        r
    }

    fn append(&mut self, changes: Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
        let mut buf = Vec::new();
        let mut written = Vec::new();
        for (key, data) in changes {
            let same = match self.live.get(&key) {
                Some(&(h, _)) => h == digest(&data),
                None => data == NONE,
            };
            if same {
                continue;
            }
            buf.extend_from_slice(key.as_bytes());
            buf.push(b'\t');
            buf.extend_from_slice(&data);
            buf.push(b'\n');
            written.push((key, data));
        }
        if buf.is_empty() {
            return Ok(());
        }
        if self.file.is_none() {
            self.file = Some(open_append(&self.path)?);
            self.log_bytes = std::fs::metadata(&self.path).map_or(0, |m| m.len());
        }
        if let Some(f) = self.file.as_mut() {
            f.write_all(&buf)?;
        }
        if !self.wrote {
            // The new records are down: the previous manager's are no longer needed.
            self.wrote = true;
            let _ = std::fs::remove_file(aside(&self.path));
        }
        self.log_bytes += buf.len() as u64;
        for (key, data) in written {
            if data == NONE {
                self.live.remove(&key);
            } else {
                let len = key.len() + data.len() + 2;
                self.live.insert(key, (digest(&data), len));
            }
        }
        let live: usize = self.live.values().map(|&(_, len)| len).sum();
        if self.log_bytes > COMPACT_AT && self.log_bytes > 4 * live as u64 {
            self.compact()?;
        }
        Ok(())
    }

    /// Rewrite the log with the live records only (read back from the log itself).
    fn compact(&mut self) -> std::io::Result<()> {
        let tmp = self.path.with_extension("new");
        let mut buf = Vec::new();
        for (key, data) in &parse(&std::fs::read(&self.path)?) {
            buf.extend_from_slice(key.as_bytes());
            buf.push(b'\t');
            buf.extend_from_slice(data);
            buf.push(b'\n');
        }
        {
            use std::os::unix::fs::OpenOptionsExt;
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o600)
                .open(&tmp)?;
            f.write_all(&buf)?;
        }
        std::fs::rename(&tmp, &self.path)?;
        self.file = Some(open_append(&self.path)?);
        self.log_bytes = buf.len() as u64;
        Ok(())
    }

    /// A clean exit: the log goes.
    pub fn remove(&mut self) {
        self.file = None;
        self.live.clear();
        let _ = std::fs::remove_file(&self.path);
        let _ = std::fs::remove_file(aside(&self.path));
    }
}

fn open_append(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .open(path)
}

fn digest(data: &[u8]) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(data)
}

/// Every live record in the log at `path` (the last line of each key). The log is moved
/// aside (`.old`), not removed, until the first records of the new manager are written
/// ([`Store::write`] removes it then): a second crash in between still finds them.
pub fn take(path: &Path) -> HashMap<String, Vec<u8>> {
    let old = aside(path);
    // A crash during a previous recovery left only the moved-aside log.
    let from = if path.exists() { path } else { old.as_path() };
    let Ok(data) = std::fs::read(from) else {
        return HashMap::new();
    };
    if from == path {
        let _ = std::fs::rename(path, &old);
    }
    parse(&data)
}

/// How many lines the log at `path` (or the one moved aside) has: an upper bound of its
/// records, known before anything is parsed (the manager sizes its fd table by it).
pub fn lines(path: &Path) -> usize {
    let data = std::fs::read(path)
        .or_else(|_| std::fs::read(aside(path)))
        .unwrap_or_default();
    data.iter().filter(|&&b| b == b'\n').count()
}

fn aside(path: &Path) -> PathBuf {
    path.with_extension("log.old")
}

/// The last record of each key in a log's content (complete lines only; lines without a
/// tab are skipped). Takes any bytes: it is what reads a log a crashed manager left.
pub fn parse(data: &[u8]) -> HashMap<String, Vec<u8>> {
    let mut out = HashMap::new();
    // Only complete lines: a crash during the last write may have left a partial one.
    for line in data.split_inclusive(|&b| b == b'\n') {
        let Some(line) = line.strip_suffix(b"\n") else {
            break;
        };
        let Some(tab) = line.iter().position(|&b| b == b'\t') else {
            continue;
        };
        let key = String::from_utf8_lossy(&line[..tab]).into_owned();
        let value = &line[tab + 1..];
        if value == NONE {
            out.remove(&key);
        } else {
            out.insert(key, value.to_vec());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(s: &str) -> Vec<u8> {
        s.as_bytes().to_vec()
    }

    #[test]
    fn last_line_wins_empty_removes_and_a_torn_tail_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("recovery.log");
        let mut s = Store::new(path.clone());
        s.write(vec![
            ("a.service".into(), rec(r#"{"x":1}"#)),
            ("b.service".into(), rec(r#"{"y":1}"#)),
        ])
        .unwrap();
        s.write(vec![
            ("a.service".into(), rec(r#"{"x":2}"#)),
            ("b.service".into(), rec("{}")),
        ])
        .unwrap();
        // The crash came in the middle of the next write.
        let mut f = open_append(&path).unwrap();
        f.write_all(b"c.service\t{\"z\"").unwrap();
        let got = take(&path);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got["a.service"], rec(r#"{"x":2}"#));
        assert!(!path.exists(), "taken records are moved aside");
        // Until the new manager writes, a second take (after a second crash) finds them.
        assert_eq!(take(&path)["a.service"], rec(r#"{"x":2}"#));
        let mut s = Store::new(path.clone());
        s.write(vec![("new.service".into(), rec(r#"{"n":1}"#))])
            .unwrap();
        assert!(
            !aside(&path).exists(),
            "the old records go once new ones are written"
        );
    }

    #[test]
    fn after_a_failed_write_the_log_starts_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone/recovery.log");
        let mut s = Store::new(path.clone());
        assert!(
            s.write(vec![("a.service".into(), rec(r#"{"x":1}"#))])
                .is_err()
        );
        assert!(s.needs_rewrite());
        std::fs::create_dir(dir.path().join("gone")).unwrap();
        s.restart();
        assert!(!s.needs_rewrite());
        // The record that failed is written again (it is not "unchanged").
        s.write(vec![("a.service".into(), rec(r#"{"x":1}"#))])
            .unwrap();
        assert_eq!(take(&path)["a.service"], rec(r#"{"x":1}"#));
    }

    #[test]
    fn unchanged_records_are_not_appended_and_the_log_is_compacted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("recovery.log");
        let mut s = Store::new(path.clone());
        s.write(vec![("a.service".into(), rec(r#"{"x":1}"#))])
            .unwrap();
        let len = std::fs::metadata(&path).unwrap().len();
        s.write(vec![
            ("a.service".into(), rec(r#"{"x":1}"#)),
            ("gone.service".into(), rec("{}")),
        ])
        .unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), len);
        // Thousands of start/stop cycles of one unit: the file stays small.
        for i in 0..5000 {
            s.write(vec![("b.service".into(), rec(&format!(r#"{{"i":{i}}}"#)))])
                .unwrap();
            s.write(vec![("b.service".into(), rec("{}"))]).unwrap();
        }
        assert!(std::fs::metadata(&path).unwrap().len() <= COMPACT_AT + 100);
        let got = take(&path);
        assert_eq!(got.len(), 1);
        assert_eq!(got["a.service"], rec(r#"{"x":1}"#));
    }
}
