//! Signalling processes without the pid-reuse race. A child the manager spawned and has not
//! reaped keeps its pid (a zombie holds it until the manager, the only reaper, takes it), so it
//! is signalled by pid: no fd is held per service. Every other single process is signalled
//! through a pidfd taken while the manager knew who it was — when it adopted it after a crash
//! (checked against its start time, its owner and its cgroup), or, for a process the manager
//! learnt of otherwise (a `PIDFile=`, `MAINPID=`, a process-tracking scan), at the moment of
//! signalling, after checking that it still belongs to the unit. A process that has gone since
//! is not signalled, and neither is whatever process now has its pid.

use std::collections::{HashMap, HashSet};
use std::os::fd::OwnedFd;
use std::sync::Arc;

use linger_wire::Signal;
use rustix::process::{Pid, PidfdFlags, pidfd_open, pidfd_send_signal};

/// The processes the manager may signal: its unreaped children, and pidfds of the others.
#[derive(Debug, Default)]
pub struct Pidfds {
    children: HashSet<u32>,
    /// Shared with the task that waits for the process's exit (one fd for both).
    fds: HashMap<u32, Arc<OwnedFd>>,
}

/// What became of a signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    /// Delivered.
    Delivered,
    /// The process is gone, or is not the unit's (nothing was sent).
    NotSent,
}

impl Pidfds {
    /// A process of ours was just spawned (or is known to be our child, not reaped yet).
    pub fn child(&mut self, pid: u32) {
        self.children.insert(pid);
    }

    /// A process was adopted with a pidfd checked to be it.
    pub fn adopted(&mut self, pid: u32, fd: Arc<OwnedFd>) {
        self.fds.insert(pid, fd);
    }

    /// The process was reaped (or seen exiting): its pid means nothing any more.
    pub fn gone(&mut self, pid: u32) {
        self.children.remove(&pid);
        self.fds.remove(&pid);
    }

    /// Send `signal` to `pid`, through its pidfd; a pid without one gets one now, and is
    /// signalled only if `belongs(pid)` says, after the pidfd is open, that it is still the
    /// unit's. A stopped process cannot act on a signal other than SIGKILL: it gets SIGCONT
    /// too, as systemd does.
    pub fn signal(&self, pid: u32, signal: Signal, belongs: impl Fn(u32) -> bool) -> Sent {
        let Some(sig) = rustix::process::Signal::from_named_raw(signal.number()) else {
            return Sent::NotSent;
        };
        if self.children.contains(&pid) {
            // Unreaped: the pid is still this child's.
            return signal_bare(pid, sig, signal, |_| true);
        }
        let fresh;
        let fd: &OwnedFd = match self.fds.get(&pid) {
            Some(fd) => fd,
            None => {
                let fd = match open_checked(pid) {
                    Ok(fd) => fd,
                    // Linux < 5.3 has no pidfds: a bare pid is all there is.
                    Err(rustix::io::Errno::NOSYS) => return signal_bare(pid, sig, signal, belongs),
                    Err(_) => return Sent::NotSent,
                };
                // Checked after the pidfd is open: if it is the unit's now, the pidfd is that
                // process, whatever happens to the pid later.
                if !belongs(pid) {
                    return Sent::NotSent;
                }
                fresh = fd;
                &fresh
            }
        };
        if pidfd_send_signal(fd, sig).is_err() {
            return Sent::NotSent;
        }
        if signal.needs_cont() {
            let _ = pidfd_send_signal(fd, rustix::process::Signal::CONT);
        }
        Sent::Delivered
    }
}

fn open_checked(pid: u32) -> rustix::io::Result<OwnedFd> {
    let p = i32::try_from(pid)
        .ok()
        .and_then(Pid::from_raw)
        .ok_or(rustix::io::Errno::SRCH)?;
    pidfd_open(p, PidfdFlags::empty())
}

/// By pid: for an unreaped child, or (without pidfds) the old way, racy only if the pid is
/// reused between the check and the kill.
fn signal_bare(
    pid: u32,
    sig: rustix::process::Signal,
    signal: Signal,
    belongs: impl Fn(u32) -> bool,
) -> Sent {
    let Some(p) = i32::try_from(pid).ok().and_then(Pid::from_raw) else {
        return Sent::NotSent;
    };
    if !belongs(pid) || rustix::process::kill_process(p, sig).is_err() {
        return Sent::NotSent;
    }
    if signal.needs_cont() {
        let _ = rustix::process::kill_process(p, rustix::process::Signal::CONT);
    }
    Sent::Delivered
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sleeper() -> std::process::Child {
        std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap()
    }

    #[test]
    fn a_known_process_is_signalled_through_its_pidfd() {
        let mut child = sleeper();
        let mut fds = Pidfds::default();
        fds.child(child.id());
        assert_eq!(
            fds.signal(child.id(), Signal::TERM, |_| false),
            Sent::Delivered
        );
        let status = child.wait().unwrap();
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(15));
    }

    #[test]
    fn a_process_known_only_by_pid_must_still_belong_to_the_unit() {
        let mut child = sleeper();
        let fds = Pidfds::default();
        assert_eq!(
            fds.signal(child.id(), Signal::TERM, |_| false),
            Sent::NotSent
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "not the unit's: untouched"
        );
        assert_eq!(
            fds.signal(child.id(), Signal::KILL, |_| true),
            Sent::Delivered
        );
        child.wait().unwrap();
    }

    #[test]
    fn the_pidfd_of_an_exited_process_reaches_nobody_else() {
        let mut child = sleeper();
        let pid = child.id();
        let mut fds = Pidfds::default();
        fds.adopted(pid, Arc::new(open_checked(pid).unwrap()));
        child.kill().unwrap();
        child.wait().unwrap();
        // Whatever runs under that pid now, the old pidfd does not reach it.
        assert_eq!(fds.signal(pid, Signal::TERM, |_| true), Sent::NotSent);
    }

    #[test]
    fn a_reaped_child_is_forgotten() {
        let mut child = sleeper();
        let pid = child.id();
        let mut fds = Pidfds::default();
        fds.child(pid);
        child.kill().unwrap();
        child.wait().unwrap();
        fds.gone(pid);
        assert_eq!(fds.signal(pid, Signal::TERM, |_| false), Sent::NotSent);
    }
}
