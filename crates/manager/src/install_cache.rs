//! `UnitFileState=` and `UnitFilePreset=` kept between requests, for as long as what they were
//! read from is unchanged.
//!
//! A unit's install state is made of its own files (which file stands for each of its names,
//! the `[Install]` sections of the fragment and drop-ins), the enablement links of every unit
//! (the config directories' top-level links and `*.wants/`-style symlinks) and, for the
//! preset, the preset policy. Reading them afresh made every `status` list each enablement
//! directory, readlink each link, read the unit's files and the preset files (~0.3 ms of the
//! manager's ~0.6 ms). systemd keeps a unit's state until daemon-reload; linger answers what
//! the files say now, so it keeps what it read only while nothing it was read from changed:
//! - the enablement links and the preset rules, with the time stamps ([`PathStamps`]) of the
//!   directories and files they were read from — a link made or removed by hand changes its
//!   directory's; enable, disable, mask, link and preset go through the manager, which
//!   reloads;
//! - a unit's state, while its files are the ones it was loaded from
//!   (`LoadStamps::need_reload` false: looked at anyway for `NeedDaemonReload=`) and the
//!   links it was judged by are the ones kept (`InstallCache::generation`).
//!
//! Daemon-reload, and so every install operation, forgets all of it: `LoadStamps::clear`
//! (the load stamps are the one owner of what is kept; `install_states` reads through them).
//! Time stamps are coarse (a clock tick; 2 s on some file systems): what was read from a
//! directory or file modified less than [`SETTLE`] before the reading began is used for the
//! request at hand, never kept — a second change within the same tick would leave the same
//! stamp.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use linger_unit::loader::UnitFileStates;

use crate::preset::Presets;

/// How long ago a directory or file must have last changed for what was read from it to be
/// kept (see the module comment).
pub const SETTLE: Duration = Duration::from_secs(2);

/// What a directory or file looked like: `None` if it was not there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    dev: u64,
    ino: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    size: u64,
}

fn seen(path: &Path) -> Option<Seen> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some(Seen {
        dev: m.dev(),
        ino: m.ino(),
        mtime: (m.mtime(), m.mtime_nsec()),
        ctime: (m.ctime(), m.ctime_nsec()),
        size: m.size(),
    })
}

/// The time stamps of the directories and files something was read from.
#[derive(Debug, Clone)]
pub struct PathStamps(Vec<(PathBuf, Option<Seen>)>);

impl PathStamps {
    /// The stamps of `paths` now, for a reading of them that began at `began`; `None` when one
    /// of them was modified less than [`SETTLE`] before that (or after it): a later change
    /// could then leave the same stamp, so what was read must not be kept.
    pub fn settled(paths: &[PathBuf], began: SystemTime) -> Option<PathStamps> {
        let limit = began.checked_sub(SETTLE)?;
        let limit = limit.duration_since(SystemTime::UNIX_EPOCH).ok()?;
        let stamps: Vec<_> = paths.iter().map(|p| (p.clone(), seen(p))).collect();
        let recent = stamps.iter().flat_map(|(_, s)| s).any(|s| {
            let (secs, nanos) = s.mtime;
            let Ok(secs) = u64::try_from(secs) else {
                return false;
            };
            Duration::new(secs, u32::try_from(nanos).unwrap_or(0)) >= limit
        });
        (!recent).then_some(PathStamps(stamps))
    }

    /// Whether every path still looks as it did.
    pub fn unchanged(&self) -> bool {
        self.0.iter().all(|(p, s)| seen(p) == *s)
    }
}

/// The install-state reading kept between requests (owned by [`LoadStamps`]).
#[derive(Debug, Default)]
pub struct InstallCache {
    /// The enablement links, and the stamps of the directories they were read from.
    pub(crate) links: Option<(UnitFileStates, PathStamps)>,
    /// Bumped whenever the kept links are dropped: a unit's kept state names the links it
    /// was judged by.
    pub(crate) generation: u64,
    /// The preset rules, and the stamps of the directories and files they were read from.
    pub(crate) presets: Option<(Presets, PathStamps)>,
    /// What was read from the disk so far (what keeping spares).
    #[cfg(test)]
    pub(crate) reads: Reads,
}

/// Readings counted in tests.
#[cfg(test)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reads {
    pub(crate) links: u32,
    pub(crate) presets: u32,
    pub(crate) states: u32,
}

impl InstallCache {
    /// Forget everything (daemon-reload).
    pub fn clear(&mut self) {
        self.links = None;
        self.presets = None;
        self.generation += 1;
    }
}
