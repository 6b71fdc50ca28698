//! Processes the daemon may signal later, held by pidfds taken while it knew who they were:
//! a user manager right after its fork (our unreaped child, so its pid cannot have been
//! reused), a session leader when its session is registered, either of them when re-attached
//! after a daemon restart (start time and owner checked once the pidfd is open). Signals go
//! through the pidfd only: a process that has exited is never confused with whoever gets its
//! pid next — the signal fails instead.

use std::os::fd::{AsFd, OwnedFd};
use std::sync::Arc;

use rustix::io::Errno;
use rustix::process::{Pid, PidfdFlags, Signal};
use tokio::sync::mpsc::UnboundedSender;

/// A process held by a pidfd (cloning shares the pidfd).
#[derive(Debug, Clone)]
pub struct Process {
    pid: u32,
    start: u64,
    fd: Arc<OwnedFd>,
}

impl PartialEq for Process {
    fn eq(&self, other: &Process) -> bool {
        (self.pid, self.start) == (other.pid, other.start)
    }
}

impl Eq for Process {}

/// Why a process could not be held or signalled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProcessError {
    /// Not a pid a signal may go to (0, 1, negative, the daemon itself).
    #[error("pid {0} may not be signalled")]
    Forbidden(u32),
    /// No such process (any more), or a different one has that pid now.
    #[error("process {0} is gone")]
    Gone(u32),
    /// Not a named signal.
    #[error("invalid signal {0}")]
    BadSignal(i32),
    /// The kernel refused.
    #[error("process {pid}: {errno}")]
    Os {
        /// The pid.
        pid: u32,
        /// What the kernel said.
        errno: Errno,
    },
}

fn target(pid: u32) -> Result<Pid, ProcessError> {
    // Never pid 0 or 1, never the daemon itself: a record naming it (stale or forged) must
    // not stop the daemon and with it every login.
    if pid == std::process::id() {
        return Err(ProcessError::Forbidden(pid));
    }
    i32::try_from(pid)
        .ok()
        .filter(|p| *p > 1)
        .and_then(Pid::from_raw)
        .ok_or(ProcessError::Forbidden(pid))
}

/// One process, from `/proc/PID/stat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProcInfo {
    /// Pid.
    pub pid: u32,
    /// Parent pid.
    pub ppid: u32,
    /// Its session (a user manager leads its own: `setsid` before the exec).
    pub session: u32,
    /// Start time in clock ticks since boot (tells a reused pid apart).
    pub start: u64,
}

/// Parse `/proc/PID/stat` text.
pub fn parse_stat(text: &str) -> Option<ProcInfo> {
    let pid = text.split_whitespace().next()?.parse().ok()?;
    // The command name may hold blanks and parentheses: fields resume after the last ')'.
    let rest = &text[text.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    // rest: state(0) ppid(1) pgrp(2) session(3) … starttime(19)
    Some(ProcInfo {
        pid,
        ppid: f.get(1)?.parse().ok()?,
        session: f.get(3)?.parse().ok()?,
        start: f.get(19)?.parse().ok()?,
    })
}

/// Now, on the clock of [`start_time`]: clock ticks since boot, rounded down as the kernel
/// rounds a start time (a process forked after this call started at this tick or later).
pub fn boot_ticks() -> u64 {
    let now = rustix::time::clock_gettime(rustix::time::ClockId::Boottime);
    let ns = u128::try_from(now.tv_sec).unwrap_or(0) * 1_000_000_000
        + u128::try_from(now.tv_nsec).unwrap_or(0);
    let hz = u128::from(rustix::param::clock_ticks_per_second().max(1));
    u64::try_from(ns * hz / 1_000_000_000).unwrap_or(u64::MAX)
}

/// The start time of `pid` (clock ticks since boot), `None` when there is no such process.
pub fn start_time(pid: u32) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    parse_stat(&text).map(|p| p.start)
}

impl Process {
    /// Hold `pid`, whose identity the caller vouches for (an unreaped child of ours, or the
    /// pid root just named in a request).
    pub fn open(pid: u32) -> Result<Process, ProcessError> {
        let p = target(pid)?;
        let fd = rustix::process::pidfd_open(p, PidfdFlags::empty()).map_err(|e| match e {
            Errno::SRCH => ProcessError::Gone(pid),
            errno => ProcessError::Os { pid, errno },
        })?;
        // Read after the pidfd exists: if the process is still alive below, this was it.
        let start = start_time(pid).ok_or(ProcessError::Gone(pid))?;
        let me = Process {
            pid,
            start,
            fd: Arc::new(fd),
        };
        me.alive().then_some(me).ok_or(ProcessError::Gone(pid))
    }

    /// Hold `pid` only if it is still the process that started at `start` and runs as `uid`
    /// (`None`: any owner): a pid from a record written before a restart.
    pub fn reattach(pid: u32, start: u64, uid: Option<u32>) -> Result<Process, ProcessError> {
        let me = Process::open(pid)?;
        let owner_ok = uid.is_none_or(|u| linger_ipc::process_uid(pid) == Some(u));
        // Checked after the pidfd was opened: still alive means /proc spoke of this process.
        if me.start != start || !owner_ok || !me.alive() {
            return Err(ProcessError::Gone(pid));
        }
        Ok(me)
    }

    /// Its pid.
    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// When it started (clock ticks since boot): with the pid, who it is.
    pub fn start(&self) -> u64 {
        self.start
    }

    /// Whether it has not exited yet (a pidfd turns readable at exit).
    pub fn alive(&self) -> bool {
        let mut fds = [rustix::event::PollFd::new(
            self.fd.as_ref(),
            rustix::event::PollFlags::IN,
        )];
        loop {
            // EINTR is no answer: the daemon's own SIGCHLDs (user managers, workers' children)
            // interrupt the poll, and a live leader was reported as "does not exist".
            match rustix::event::poll(&mut fds, Some(&rustix::time::Timespec::default())) {
                Err(Errno::INTR) => continue,
                ready => return matches!(ready, Ok(0)),
            }
        }
    }

    /// Send `signal` (0 only checks that it lives).
    pub fn signal(&self, signal: i32) -> Result<(), ProcessError> {
        if signal == 0 {
            return if self.alive() {
                Ok(())
            } else {
                Err(ProcessError::Gone(self.pid))
            };
        }
        let sig = Signal::from_named_raw(signal).ok_or(ProcessError::BadSignal(signal))?;
        rustix::process::pidfd_send_signal(self.fd.as_fd(), sig).map_err(|e| match e {
            Errno::SRCH => ProcessError::Gone(self.pid),
            errno => ProcessError::Os {
                pid: self.pid,
                errno,
            },
        })
    }

    /// Report the exit on `exits` as `key` (from a task on the current `LocalSet`); the
    /// returned guard stops watching when dropped.
    pub fn watch_exit<K: Send + 'static>(
        &self,
        key: K,
        exits: UnboundedSender<K>,
    ) -> Result<ExitWatch, String> {
        let dup =
            rustix::io::fcntl_dupfd_cloexec(self.fd.as_ref(), 3).map_err(|e| e.to_string())?;
        let afd = crate::adopt::register(dup)?;
        let task = tokio::task::spawn_local(async move {
            let _ = afd.readable().await;
            let _ = exits.send(key);
        });
        Ok(ExitWatch(task.abort_handle()))
    }
}

/// Watching a process for its exit; dropping it stops watching.
#[derive(Debug)]
pub struct ExitWatch(tokio::task::AbortHandle);

impl Drop for ExitWatch {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Signal each of `pids` that is still a member of a set when checked after its pidfd was
/// opened: `still_member` is asked once for all of them (re-reading `cgroup.procs`, or
/// comparing start times). A pid that exited and was reused between the listing and the
/// pidfd is not signalled: its pidfd names the newcomer, and the newcomer is no member — or,
/// if the process the pidfd names is already gone, the signal fails. Returns how many got it.
pub fn signal_members(
    pids: &[u32],
    signal: i32,
    still_member: impl FnOnce(&[Process]) -> Vec<bool>,
) -> usize {
    let held: Vec<Process> = pids.iter().filter_map(|p| Process::open(*p).ok()).collect();
    let keep = still_member(&held);
    held.iter()
        .zip(keep)
        .filter(|(p, member)| *member && p.signal(signal).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_reach_only_the_process_held() {
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let p = Process::open(child.id()).unwrap();
        assert!(p.alive());
        assert_eq!(p.signal(0), Ok(()));
        assert!(Process::reattach(child.id(), p.start(), None).is_ok());
        assert_eq!(
            Process::reattach(child.id(), p.start() + 1, None).unwrap_err(),
            ProcessError::Gone(child.id()),
            "another start time is another process"
        );
        p.signal(9).unwrap();
        child.wait().unwrap();
        // Reaped: whoever gets the pid next is out of reach of this handle.
        assert!(!p.alive());
        assert_eq!(p.signal(15), Err(ProcessError::Gone(child.id())));
        assert!(matches!(
            Process::open(std::process::id()),
            Err(ProcessError::Forbidden(_))
        ));
        assert!(matches!(Process::open(1), Err(ProcessError::Forbidden(1))));
    }

    /// A process forked after [`boot_ticks`] started at that tick or later: the comparison
    /// a restarted daemon makes with a fork's intent record.
    #[test]
    fn boot_ticks_is_the_clock_of_start_times() {
        let before = boot_ticks();
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let start = start_time(child.id()).unwrap();
        let after = boot_ticks();
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(
            before <= start && start <= after,
            "{before} {start} {after}"
        );
    }

    #[test]
    fn members_are_checked_after_the_pidfd_is_open() {
        let mut a = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let mut b = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        // b is listed but no member any more when checked: only a is signalled.
        let n = signal_members(&[a.id(), b.id()], 9, |held| {
            held.iter().map(|p| p.pid() == a.id()).collect()
        });
        assert_eq!(n, 1);
        a.wait().unwrap();
        assert!(b.try_wait().unwrap().is_none(), "b was spared");
        b.kill().unwrap();
        b.wait().unwrap();
    }
}
