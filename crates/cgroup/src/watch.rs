//! Waiting for "populated 0" without polling: an inotify watch on each unit's `cgroup.events`
//! (the kernel signals a change of that file as a modification).

use std::collections::{BTreeSet, HashMap};
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::PathBuf;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, poll};
use rustix::fs::inotify;
use rustix::io::Errno;

use crate::error::{CgroupError, FsOp, Result};

/// One inotify instance for all watched units.
#[derive(Debug)]
pub(crate) struct Watcher {
    fd: OwnedFd,
    wd_unit: HashMap<i32, String>,
    unit_wd: HashMap<String, i32>,
    /// Units on a file system without inotify (MemFs): re-checked on every drain.
    polled: BTreeSet<String>,
}

impl Watcher {
    pub(crate) fn new() -> Result<Self> {
        let fd = inotify::init(inotify::CreateFlags::CLOEXEC | inotify::CreateFlags::NONBLOCK)
            .map_err(|e| CgroupError::io(FsOp::Watch, "inotify", e.into()))?;
        Ok(Self {
            fd,
            wd_unit: HashMap::new(),
            unit_wd: HashMap::new(),
            polled: BTreeSet::new(),
        })
    }

    pub(crate) fn fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }

    /// Watches `events_file` (an OS path) for `unit`, or marks the unit for re-checking.
    pub(crate) fn add(&mut self, unit: &str, events_file: Option<PathBuf>) -> Result<()> {
        self.remove(unit);
        match events_file {
            Some(path) => {
                let wd = inotify::add_watch(&self.fd, &path, inotify::WatchFlags::MODIFY)
                    .map_err(|e| CgroupError::io(FsOp::Watch, &path, e.into()))?;
                // Two units cannot share a cgroup.events file, but a re-added unit reuses its wd.
                self.wd_unit.insert(wd, unit.to_owned());
                self.unit_wd.insert(unit.to_owned(), wd);
            }
            None => {
                self.polled.insert(unit.to_owned());
            }
        }
        Ok(())
    }

    pub(crate) fn remove(&mut self, unit: &str) {
        self.polled.remove(unit);
        if let Some(wd) = self.unit_wd.remove(unit) {
            self.wd_unit.remove(&wd);
            // The watch is gone already if the cgroup was removed: nothing to do then.
            let _ = inotify::remove_watch(&self.fd, wd);
        }
    }

    pub(crate) fn is_watched(&self, unit: &str) -> bool {
        self.unit_wd.contains_key(unit) || self.polled.contains(unit)
    }

    /// Reads every pending event; returns the units whose `cgroup.events` changed (plus every
    /// polled unit), each once.
    pub(crate) fn read_events(&mut self) -> Result<BTreeSet<String>> {
        let mut out: BTreeSet<String> = self.polled.iter().cloned().collect();
        let mut buf = [MaybeUninit::<u8>::uninit(); 4096];
        let mut reader = inotify::Reader::new(&self.fd, &mut buf);
        loop {
            match reader.next() {
                Ok(ev) => {
                    if let Some(unit) = self.wd_unit.get(&ev.wd()) {
                        out.insert(unit.clone());
                    }
                }
                Err(Errno::AGAIN) => break,
                Err(Errno::INTR) => {}
                Err(e) => return Err(CgroupError::io(FsOp::Watch, "inotify", e.into())),
            }
        }
        Ok(out)
    }

    /// Blocks until an event is pending or `timeout` passes; returns whether one is pending.
    pub(crate) fn wait(&self, timeout: Option<Duration>) -> Result<bool> {
        let ts = timeout.map(|t| rustix::event::Timespec {
            tv_sec: i64::try_from(t.as_secs()).unwrap_or(i64::MAX),
            tv_nsec: i64::from(t.subsec_nanos()),
        });
        let mut fds = [PollFd::new(&self.fd, PollFlags::IN)];
        loop {
            match poll(&mut fds, ts.as_ref()) {
                Ok(n) => return Ok(n > 0),
                Err(Errno::INTR) => {}
                Err(e) => return Err(CgroupError::io(FsOp::Watch, "inotify", e.into())),
            }
        }
    }
}
