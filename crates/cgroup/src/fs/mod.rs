//! The seam between cgroup logic and the kernel: [`CgroupFs`], with a real implementation
//! ([`RealFs`]) and an in-memory one that emulates the kernel's rules ([`MemFs`]).
//!
//! ```text
//!   UnitCgroups, kill loop, resource plan, stats      (logic: no direct I/O)
//!                    │ CgroupFs
//!        ┌───────────┴────────────┐
//!     RealFs (files under a       MemFs (kernel semantics in memory:
//!     mount point, kill(2))       membership, populated, cgroup.kill, limit formats)
//! ```
//!
//! Paths given to a `CgroupFs` are absolute as the manager sees them
//! (`/sys/fs/cgroup/unified/…`); a `RealFs` rooted elsewhere maps them below its root.

mod mem;
mod mem_files;
mod real;
#[cfg(test)]
mod tests;

use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use crate::error::Result;

pub use mem::{MemFs, MemKernel};
pub use real::RealFs;

/// Whether [`CgroupFs::mkdir`] created the directory or found it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    /// The directory is new.
    New,
    /// It already existed (for example after a manager restart); it is reused.
    Existed,
}

/// The file operations the cgroup logic needs, plus the process operations (pin, signal) the
/// kill loop needs, so that tests can observe them.
///
/// Every error names the path it happened on. Implementations must be cheap to call: the
/// manager calls them on its event loop.
pub trait CgroupFs {
    /// Reads a whole (small) file.
    ///
    /// # Errors
    /// The file cannot be read.
    fn read(&self, path: &Path) -> Result<String>;

    /// Writes `value` to a file in one `write(2)`, as cgroup files require.
    ///
    /// # Errors
    /// The kernel refused the value or the file cannot be opened.
    fn write(&self, path: &Path, value: &str) -> Result<()>;

    /// Creates one cgroup directory (its parent must exist).
    ///
    /// # Errors
    /// The parent is missing (`ENOENT`) or creation is not permitted.
    fn mkdir(&self, path: &Path) -> Result<Created>;

    /// Removes one empty cgroup directory. A missing directory is not an error.
    ///
    /// # Errors
    /// The cgroup still has processes or children (`EBUSY`), or removal is not permitted.
    fn rmdir(&self, path: &Path) -> Result<()>;

    /// The names of the sub-directories (child cgroups) of `path`, sorted.
    ///
    /// # Errors
    /// The directory cannot be listed.
    fn children(&self, path: &Path) -> Result<Vec<String>>;

    /// Whether the file or directory exists.
    fn exists(&self, path: &Path) -> bool;

    /// Changes the owner of a file or directory (delegation).
    ///
    /// # Errors
    /// Not permitted or missing.
    fn chown(&self, path: &Path, uid: u32, gid: u32) -> Result<()>;

    /// Opens `file` write-only and close-on-exec, for a write made later, typically by a child
    /// between `fork` and `exec` (writing `0` to `cgroup.procs`).
    ///
    /// # Errors
    /// The file cannot be opened.
    fn open_write(&self, file: &Path) -> Result<OwnedFd>;

    /// The operating-system path of `file` for an inotify watch, or `None` when the file system
    /// is not backed by the kernel (then the caller re-reads the file itself).
    fn watch_path(&self, file: &Path) -> Option<PathBuf>;

    /// Pins process `pid` (a pidfd on a real kernel): a later [`CgroupFs::signal`] reaches that
    /// process or nobody — never another process that got the pid after it exited. `None` if
    /// no process has the pid.
    ///
    /// # Errors
    /// The pid is invalid, or the process cannot be pinned.
    fn pin(&self, pid: u32) -> Result<Option<Pinned>>;

    /// Sends `signal` to a pinned process. Returns `false` if it no longer exists.
    ///
    /// # Errors
    /// The signal is invalid, or sending is not permitted.
    fn signal(&self, process: &Pinned, signal: i32) -> Result<bool>;
}

/// A process as it was when [`CgroupFs::pin`] found it.
#[derive(Debug)]
pub struct Pinned {
    pid: u32,
    /// The pidfd (`None` on kernels without pidfds, Linux < 5.3, and in a [`MemFs`]).
    fd: Option<OwnedFd>,
    /// Which process had the pid, for a [`MemFs`] (counts the pid's reuses).
    generation: u64,
}

impl Pinned {
    /// The pid the process had when pinned.
    #[must_use]
    pub fn pid(&self) -> u32 {
        self.pid
    }
}

impl<T: CgroupFs + ?Sized> CgroupFs for &T {
    fn read(&self, path: &Path) -> Result<String> {
        (**self).read(path)
    }
    fn write(&self, path: &Path, value: &str) -> Result<()> {
        (**self).write(path, value)
    }
    fn mkdir(&self, path: &Path) -> Result<Created> {
        (**self).mkdir(path)
    }
    fn rmdir(&self, path: &Path) -> Result<()> {
        (**self).rmdir(path)
    }
    fn children(&self, path: &Path) -> Result<Vec<String>> {
        (**self).children(path)
    }
    fn exists(&self, path: &Path) -> bool {
        (**self).exists(path)
    }
    fn chown(&self, path: &Path, uid: u32, gid: u32) -> Result<()> {
        (**self).chown(path, uid, gid)
    }
    fn open_write(&self, file: &Path) -> Result<OwnedFd> {
        (**self).open_write(file)
    }
    fn watch_path(&self, file: &Path) -> Option<PathBuf> {
        (**self).watch_path(file)
    }
    fn pin(&self, pid: u32) -> Result<Option<Pinned>> {
        (**self).pin(pid)
    }
    fn signal(&self, process: &Pinned, signal: i32) -> Result<bool> {
        (**self).signal(process, signal)
    }
}
