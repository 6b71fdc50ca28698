//! The journal directory: listing segments, the writer lock, size caps and vacuuming.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::format::SEGMENT_SUFFIX;
use crate::error::{Error, Result};

/// Name of the lock file a writer holds in the directory.
pub(crate) const LOCK_NAME: &str = ".writer.lock";

/// A segment file as seen in a directory listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentFile {
    /// Path of the file.
    pub path: PathBuf,
    /// Bytes the file occupies on disk (allocated blocks).
    pub disk_bytes: u64,
    /// Last modification, µs since the epoch (≈ its newest entry).
    pub modified_usec: u64,
}

/// Segment files of `dir`, oldest first (names start with the creation time).
pub fn list_segments(dir: &Path) -> Result<Vec<SegmentFile>> {
    let rd = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut out = Vec::new();
    for ent in rd {
        let ent = ent.map_err(|e| Error::io(dir, e))?;
        let name = ent.file_name();
        let Some(name) = name.to_str() else { continue };
        if !name.ends_with(SEGMENT_SUFFIX) || name.starts_with('.') {
            continue;
        }
        let path = ent.path();
        let Ok(md) = std::fs::metadata(&path) else {
            continue;
        };
        if !md.is_file() {
            continue;
        }
        let modified_usec = md
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_micros() as u64);
        out.push(SegmentFile {
            path,
            disk_bytes: md.blocks() * 512,
            modified_usec,
        });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Creates the directory (0750) if needed and takes the writer lock (non-blocking).
pub(crate) fn lock_directory(dir: &Path) -> Result<File> {
    if !dir.is_dir() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o750)
            .create(dir)
            .map_err(|e| Error::io(dir, e))?;
    }
    let lock_path = dir.join(LOCK_NAME);
    let f = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o640)
        .open(&lock_path)
        .map_err(|e| Error::io(&lock_path, e))?;
    // A fork by another thread of this process shares the lock's open file description until
    // that child execs (the fd is close-on-exec), so a previous writer's lock can outlive it by
    // a moment: retry briefly (bounded) before calling the directory busy.
    let mut attempts = 0;
    loop {
        match rustix::fs::flock(&f, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => return Ok(f),
            Err(rustix::io::Errno::WOULDBLOCK) if attempts < 50 => {
                attempts += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(rustix::io::Errno::WOULDBLOCK) => {
                return Err(Error::Locked {
                    path: dir.to_owned(),
                });
            }
            Err(e) => return Err(Error::io(&lock_path, e.into())),
        }
    }
}

use std::os::unix::fs::DirBuilderExt;

/// What a vacuum removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VacuumReport {
    /// Files deleted.
    pub removed: Vec<PathBuf>,
    /// Bytes freed.
    pub freed: u64,
    /// Files that could not be deleted, with the reason.
    pub failed: Vec<(PathBuf, String)>,
}

/// Deletes the oldest segments of `dir` until their total is at most `max_bytes` and none
/// is older than `older_than_usec` (by modification time). `keep` (the writer's active
/// segment) is never deleted.
pub fn vacuum(
    dir: &Path,
    max_bytes: Option<u64>,
    older_than_usec: Option<u64>,
    keep: Option<&Path>,
) -> Result<VacuumReport> {
    let segs = list_segments(dir)?;
    let mut total: u64 = segs.iter().map(|s| s.disk_bytes).sum();
    let mut report = VacuumReport::default();
    for s in &segs {
        if keep == Some(s.path.as_path()) {
            continue;
        }
        let too_big = max_bytes.is_some_and(|m| total > m);
        let too_old = older_than_usec.is_some_and(|cut| s.modified_usec < cut);
        if !too_big && !too_old {
            continue;
        }
        match std::fs::remove_file(&s.path) {
            Ok(()) => {
                total = total.saturating_sub(s.disk_bytes);
                report.freed += s.disk_bytes;
                report.removed.push(s.path.clone());
            }
            Err(e) => report.failed.push((s.path.clone(), e.to_string())),
        }
    }
    Ok(report)
}

/// Bytes all segments of `dir` occupy on disk.
pub fn disk_usage(dir: &Path) -> Result<u64> {
    Ok(list_segments(dir)?.iter().map(|s| s.disk_bytes).sum())
}
