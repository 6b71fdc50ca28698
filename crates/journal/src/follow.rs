//! `-f`: waiting for new entries with inotify (no polling).

use std::os::fd::{AsFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rustix::fs::inotify::{self, CreateFlags, WatchFlags};

use crate::error::{Error, Result};
use crate::reader::Journal;

/// Watches a journal directory (or the directories of given files) for changes.
#[derive(Debug)]
pub struct Follow {
    /// Followed directories (empty: `files` are followed).
    dirs: Vec<PathBuf>,
    files: Vec<PathBuf>,
    fd: OwnedFd,
}

impl Follow {
    /// Follows every segment of `dir` (new segments included).
    pub fn directory(dir: &Path) -> Result<Follow> {
        Follow::directories(&[dir.to_owned()])
    }

    /// Follows every segment of each of `dirs` (new segments included), read as one journal.
    pub fn directories(dirs: &[PathBuf]) -> Result<Follow> {
        let fd = watch(dirs)?;
        Ok(Follow {
            dirs: dirs.to_vec(),
            files: Vec::new(),
            fd,
        })
    }

    /// Follows the given files.
    pub fn files(files: &[PathBuf]) -> Result<Follow> {
        let mut dirs: Vec<PathBuf> = files
            .iter()
            .map(|f| {
                f.parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
                    .to_owned()
            })
            .collect();
        dirs.sort();
        dirs.dedup();
        let fd = watch(&dirs)?;
        Ok(Follow {
            dirs: Vec::new(),
            files: files.to_vec(),
            fd,
        })
    }

    /// Opens the journal as it is now.
    pub fn open(&self) -> Result<Journal> {
        if self.dirs.is_empty() {
            Ok(Journal::open_files(&self.files))
        } else {
            Journal::open_directories(&self.dirs)
        }
    }

    /// Waits until something in the watched directories changed (`true`) or `timeout`
    /// passed (`false`). All queued events are consumed.
    pub fn wait(&mut self, timeout: Option<Duration>) -> Result<bool> {
        use rustix::event::{PollFd, PollFlags, poll};
        let ts = timeout.map(|d| rustix::time::Timespec {
            tv_sec: d.as_secs() as i64,
            tv_nsec: i64::from(d.subsec_nanos()),
        });
        let mut fds = [PollFd::new(&self.fd, PollFlags::IN)];
        let n = loop {
            match poll(&mut fds, ts.as_ref()) {
                Ok(n) => break n,
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Err(Error::io(self.where_(), e.into())),
            }
        };
        if n == 0 {
            return Ok(false);
        }
        self.drain()?;
        Ok(true)
    }

    fn drain(&mut self) -> Result<()> {
        let mut buf = [std::mem::MaybeUninit::<u8>::uninit(); 8192];
        let mut reader = inotify::Reader::new(self.fd.as_fd(), &mut buf);
        loop {
            match reader.next() {
                Ok(_) => {}
                Err(rustix::io::Errno::AGAIN) => return Ok(()),
                Err(rustix::io::Errno::INTR) => {}
                Err(e) => return Err(Error::io(self.where_(), e.into())),
            }
        }
    }

    fn where_(&self) -> PathBuf {
        self.dirs
            .first()
            .or_else(|| self.files.first())
            .cloned()
            .unwrap_or_default()
    }
}

fn watch(dirs: &[PathBuf]) -> Result<OwnedFd> {
    let first = dirs.first().cloned().unwrap_or_default();
    let fd = inotify::init(CreateFlags::CLOEXEC | CreateFlags::NONBLOCK)
        .map_err(|e| Error::io(&first, e.into()))?;
    let mask = WatchFlags::MODIFY
        | WatchFlags::CREATE
        | WatchFlags::MOVED_TO
        | WatchFlags::DELETE
        | WatchFlags::CLOSE_WRITE;
    for d in dirs {
        inotify::add_watch(&fd, d.as_path(), mask).map_err(|e| Error::io(d, e.into()))?;
    }
    Ok(fd)
}
