//! The crate's error type: every variant carries what was being done and on which path or unit.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::resource::ResourceError;

/// The file-system operation that failed, named in [`CgroupError::Io`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FsOp {
    /// Reading a file.
    Read,
    /// Writing a file.
    Write,
    /// Creating a cgroup directory.
    Mkdir,
    /// Removing a cgroup directory.
    Rmdir,
    /// Listing a directory.
    List,
    /// Changing ownership.
    Chown,
    /// Opening a file for a later write.
    Open,
    /// Sending a signal (the path names the cgroup the process was found in).
    Signal,
    /// Setting up or reading the inotify watch on `cgroup.events`.
    Watch,
}

impl fmt::Display for FsOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FsOp::Read => "cannot read",
            FsOp::Write => "cannot write",
            FsOp::Mkdir => "cannot create cgroup",
            FsOp::Rmdir => "cannot remove cgroup",
            FsOp::List => "cannot list",
            FsOp::Chown => "cannot change owner of",
            FsOp::Open => "cannot open",
            FsOp::Signal => "cannot signal a process of",
            FsOp::Watch => "cannot watch",
        })
    }
}

/// Everything that can go wrong in this crate.
#[derive(Debug, thiserror::Error)]
pub enum CgroupError {
    /// A system call on a cgroup file or directory failed.
    #[error("{op} {}: {source}", path.display())]
    Io {
        /// What was attempted.
        op: FsOp,
        /// The path it was attempted on (as the file system sees it).
        path: PathBuf,
        /// The underlying error; its `raw_os_error` is the kernel's errno.
        #[source]
        source: io::Error,
    },
    /// A kernel file held something this crate cannot read.
    #[error("{}: unexpected content {content:?} ({what})", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// What it held (truncated to 200 bytes).
        content: String,
        /// What was expected.
        what: &'static str,
    },
    /// A unit or slice name that cannot be mapped to a cgroup path.
    #[error("invalid unit name {name:?} for a cgroup: {reason}")]
    InvalidName {
        /// The name.
        name: String,
        /// Why it was refused.
        reason: &'static str,
    },
    /// The unit has no cgroup (it was never created, or already removed).
    #[error("unit {0} has no cgroup")]
    UnknownUnit(String),
    /// A signal number this crate will not send.
    #[error("signal {0} cannot be sent (not a named signal)")]
    BadSignal(i32),
    /// A process id that must never be signalled (0 or negative would address groups).
    #[error("refusing to signal pid {0}")]
    BadPid(i64),
    /// The driver is `none`: there are no cgroups to manage.
    #[error("no cgroups available to this manager (driver none): {0}")]
    NoCgroups(String),
    /// The kernel refused a resource value.
    #[error("cannot apply {directive}= (writing {value:?}): {source}")]
    Apply {
        /// The directive being applied.
        directive: &'static str,
        /// The value written.
        value: String,
        /// The failed write.
        #[source]
        source: Box<CgroupError>,
    },
    /// A resource directive cannot be applied.
    #[error(transparent)]
    Resource(#[from] ResourceError),
}

impl CgroupError {
    /// Builds an [`CgroupError::Io`].
    pub fn io(op: FsOp, path: impl Into<PathBuf>, source: io::Error) -> Self {
        CgroupError::Io {
            op,
            path: path.into(),
            source,
        }
    }

    /// The kernel's errno when this is an I/O error that carries one.
    #[must_use]
    pub fn raw_os_error(&self) -> Option<i32> {
        match self {
            CgroupError::Io { source, .. } => source.raw_os_error(),
            _ => None,
        }
    }

    /// Whether this is an I/O error with the given errno.
    #[must_use]
    pub fn is_errno(&self, errno: rustix::io::Errno) -> bool {
        self.raw_os_error() == Some(errno.raw_os_error())
    }

    pub(crate) fn parse(path: impl Into<PathBuf>, content: &str, what: &'static str) -> Self {
        let mut content = content.to_owned();
        if content.len() > 200 {
            let mut cut = 200;
            while !content.is_char_boundary(cut) {
                cut -= 1;
            }
            content.truncate(cut);
        }
        CgroupError::Parse {
            path: path.into(),
            content,
            what,
        }
    }
}

/// Shorthand for this crate's results.
pub type Result<T, E = CgroupError> = std::result::Result<T, E>;
