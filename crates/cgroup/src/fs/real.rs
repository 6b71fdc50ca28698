//! [`RealFs`]: the kernel's cgroup files, reached below a root directory.

use std::fs;
use std::io::Write as _;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use rustix::io::Errno;
use rustix::process::{Pid, PidfdFlags, Signal, kill_process, pidfd_open, pidfd_send_signal};

use super::{CgroupFs, Created, Pinned};
use crate::error::{CgroupError, FsOp, Result};

/// The real cgroup file systems, as mounted, reached below `root` (usually `/`).
///
/// Paths passed in are absolute (`/sys/fs/cgroup/unified/x`); they are resolved below `root`,
/// so a `RealFs` rooted at a temporary directory can be tested on ordinary files. Every error
/// names the full path it happened on.
#[derive(Debug, Clone)]
pub struct RealFs {
    root: PathBuf,
}

impl RealFs {
    /// A `RealFs` for the running system (root `/`).
    #[must_use]
    pub fn system() -> Self {
        Self::new("/")
    }

    /// A `RealFs` that resolves every path below `root`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The root below which paths are resolved.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The operating-system path of `path`.
    #[must_use]
    pub fn os_path(&self, path: &Path) -> PathBuf {
        let rel = path.strip_prefix("/").unwrap_or(path);
        if rel.as_os_str().is_empty() {
            self.root.clone()
        } else {
            self.root.join(rel)
        }
    }
}

impl CgroupFs for RealFs {
    fn read(&self, path: &Path) -> Result<String> {
        let p = self.os_path(path);
        fs::read_to_string(&p).map_err(|e| CgroupError::io(FsOp::Read, p, e))
    }

    fn write(&self, path: &Path, value: &str) -> Result<()> {
        let p = self.os_path(path);
        // One write(2) of the whole value: cgroup files take one value per write, and no
        // O_CREAT/O_TRUNC is needed (the kernel creates the files).
        let mut f = fs::OpenOptions::new()
            .write(true)
            .open(&p)
            .map_err(|e| CgroupError::io(FsOp::Write, &p, e))?;
        match f.write(value.as_bytes()) {
            Ok(n) if n == value.len() => Ok(()),
            Ok(_) => Err(CgroupError::io(
                FsOp::Write,
                p,
                std::io::Error::from(Errno::IO),
            )),
            Err(e) => Err(CgroupError::io(FsOp::Write, p, e)),
        }
    }

    fn mkdir(&self, path: &Path) -> Result<Created> {
        let p = self.os_path(path);
        match fs::create_dir(&p) {
            Ok(()) => Ok(Created::New),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(Created::Existed),
            Err(e) => Err(CgroupError::io(FsOp::Mkdir, p, e)),
        }
    }

    fn rmdir(&self, path: &Path) -> Result<()> {
        let p = self.os_path(path);
        match fs::remove_dir(&p) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(CgroupError::io(FsOp::Rmdir, p, e)),
        }
    }

    fn children(&self, path: &Path) -> Result<Vec<String>> {
        let p = self.os_path(path);
        let rd = fs::read_dir(&p).map_err(|e| CgroupError::io(FsOp::List, &p, e))?;
        let mut out = Vec::new();
        for entry in rd {
            let entry = entry.map_err(|e| CgroupError::io(FsOp::List, &p, e))?;
            let is_dir = entry
                .file_type()
                .map_err(|e| CgroupError::io(FsOp::List, entry.path(), e))?
                .is_dir();
            if is_dir && let Ok(name) = entry.file_name().into_string() {
                out.push(name);
            }
        }
        out.sort();
        Ok(out)
    }

    fn exists(&self, path: &Path) -> bool {
        fs::symlink_metadata(self.os_path(path)).is_ok()
    }

    fn chown(&self, path: &Path, uid: u32, gid: u32) -> Result<()> {
        let p = self.os_path(path);
        std::os::unix::fs::chown(&p, Some(uid), Some(gid))
            .map_err(|e| CgroupError::io(FsOp::Chown, p, e))
    }

    fn open_write(&self, file: &Path) -> Result<OwnedFd> {
        let p = self.os_path(file);
        // std opens with O_CLOEXEC.
        fs::OpenOptions::new()
            .write(true)
            .open(&p)
            .map(OwnedFd::from)
            .map_err(|e| CgroupError::io(FsOp::Open, p, e))
    }

    fn watch_path(&self, file: &Path) -> Option<PathBuf> {
        Some(self.os_path(file))
    }

    fn pin(&self, pid: u32) -> Result<Option<Pinned>> {
        let p = raw_pid(pid)?;
        match pidfd_open(p, PidfdFlags::empty()) {
            Ok(fd) => Ok(Some(Pinned {
                pid,
                fd: Some(fd),
                generation: 0,
            })),
            Err(Errno::SRCH) => Ok(None),
            // Linux < 5.3: a bare pid is all there is (the race stays as narrow as it can be).
            Err(Errno::NOSYS) => Ok(Some(Pinned {
                pid,
                fd: None,
                generation: 0,
            })),
            Err(e) => Err(CgroupError::io(
                FsOp::Signal,
                format!("/proc/{pid}"),
                e.into(),
            )),
        }
    }

    fn signal(&self, process: &Pinned, signal: i32) -> Result<bool> {
        let sig = Signal::from_named_raw(signal).ok_or(CgroupError::BadSignal(signal))?;
        let sent = match &process.fd {
            Some(fd) => pidfd_send_signal(fd, sig),
            None => kill_process(raw_pid(process.pid)?, sig),
        };
        match sent {
            Ok(()) => Ok(true),
            Err(Errno::SRCH) => Ok(false),
            Err(e) => Err(CgroupError::io(
                FsOp::Signal,
                format!("/proc/{}", process.pid),
                e.into(),
            )),
        }
    }
}

fn raw_pid(pid: u32) -> Result<Pid> {
    let raw = i32::try_from(pid).map_err(|_| CgroupError::BadPid(i64::from(pid)))?;
    // Pid::from_raw(0) is None: pid 0 would address our own process group.
    Pid::from_raw(raw)
        .filter(|_| raw > 0)
        .ok_or(CgroupError::BadPid(i64::from(raw)))
}
