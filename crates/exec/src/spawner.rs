//! Starting children off the caller's thread: the caller goes on as soon as a child's pid is
//! known, while the child sets itself up and execs on the other core.
//!
//! A child that shares our memory until its `execve` (`clone(CLONE_VM | CLONE_VFORK)`, see
//! `sys.rs`) suspends the thread that made it until then — its setup, `setsid` (a new
//! scheduler autogroup) and the `execve` itself. Made on the manager's main thread, that
//! wait was most of the cost of starting 500 services (median 11 ms per spawn at load 10,
//! traced: the fresh autogroup waits for a CPU). Here a few worker threads make the clones:
//! the child stores its own pid in its worker's slot and wakes the caller first thing, the
//! worker stays suspended until the exec, and the caller hands the next spawn to an idle
//! worker. One child per worker at a time: the child runs with its worker's thread-local
//! errno and stack, which nothing touches while the worker is suspended.
//!
//! What the caller sees is unchanged but for timing: the pid, at once; a failed setup step
//! still arrives on the [`ExecReports`] pipe before the child's exit. [`Spawner::settle`]
//! waits until every child started so far has exec'ed or exited — for whoever must not see
//! a child between its birth and its `execve` (signalling a unit, reading its cgroup).

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use rustix::thread::futex;

use crate::report::ExecReports;
use crate::spec::ExecSpec;
use crate::sys::{SpawnError, Spawned, block_all_signals, spawn_announcing, spawn_reporting};

/// At most this many workers (children between their birth and their `execve` at once).
/// Each costs a thread with a small stack and a child stack of which only the touched pages
/// count (~25 KiB resident). A fresh session's child waits for a CPU among the services
/// started just before it (each in a scheduler autogroup of its own): with 4 workers a start
/// of 500 took 692 ms at load 10, with 16 422 ms, with 64 448 ms (medians of 4).
const MAX_WORKERS: usize = 16;
/// A worker other than the first ends once it had nothing to do for this long, giving back
/// its stacks: a burst of starts needs many, a manager at rest one (restarts use it).
const IDLE_END: std::time::Duration = std::time::Duration::from_millis(200);
/// A worker thread's own stack: it runs `spawn_inner` only.
const WORKER_STACK: usize = 128 * 1024;

/// Fds the manager keeps for long are placed from here up ([`long_lived_fd`]), the low ones
/// left to what a spawn hands its child, which copies only the fds below the highest of
/// those (`sys.rs`, `unshare_fds_below`). Within the fd table every manager reserves at start
/// (1,024 slots): a few hundred services' output pipes fit above it without growing the table.
pub const LONG_LIVED_FDS_FROM: i32 = 256;

/// `fd` moved to [`LONG_LIVED_FDS_FROM`] or above (close-on-exec), for an fd the manager
/// holds as long as a service runs (its output pipe's read end): each spawn's child copies
/// the fds below the ones it is given, so one per running service there made every start
/// cost in proportion to the services running. Where the move fails (an open-file limit
/// below the mark) `fd` stays where it is: only the copying costs more.
pub fn long_lived_fd(fd: std::os::fd::OwnedFd) -> std::os::fd::OwnedFd {
    use std::os::fd::AsRawFd;
    if fd.as_raw_fd() >= LONG_LIVED_FDS_FROM {
        return fd;
    }
    match rustix::io::fcntl_dupfd_cloexec(&fd, LONG_LIVED_FDS_FROM) {
        Ok(high) => high,
        Err(_) => fd,
    }
}

/// No pid yet in a slot.
const NO_PID: u32 = 0;
/// The spawn failed before a child existed (the error is in `Slot::error`).
const FAILED: u32 = u32::MAX;

/// `Slot::state`: waiting for a spawn.
const IDLE: u32 = 0;
/// `Slot::state`: a spawn is in hand (until the child exec'ed or exited), or being handed over.
const BUSY: u32 = 1;
/// `Slot::state`: the worker ended (idle too long, or told to).
const GONE: u32 = 2;

/// One worker's state shared with the caller.
#[derive(Debug, Default)]
struct Slot {
    /// The child's pid (stored by the child itself, then by the worker), [`NO_PID`] or
    /// [`FAILED`]; a futex word the caller waits on.
    pid: AtomicU32,
    /// [`IDLE`], [`BUSY`] or [`GONE`]; a futex word. The caller claims an idle worker and
    /// an idle worker ends itself by the same compare-and-swap, so only one of them wins.
    state: AtomicU32,
    /// 1 once the caller put something in `job` for the worker to take; a futex word.
    posted: AtomicU32,
    /// The spawn handed over (None with `posted`: the worker ends). A slot, not a channel:
    /// a channel's block of slots would stay allocated per worker.
    job: Mutex<Option<Job>>,
    /// Why the last spawn failed.
    error: Mutex<Option<SpawnError>>,
}

impl Slot {
    /// Make an idle worker ours (false: it is busy or gone).
    fn claim(&self) -> bool {
        self.state
            .compare_exchange(IDLE, BUSY, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }

    /// Hand `job` to the worker (None: end).
    fn post(&self, job: Option<Job>) {
        if let Ok(mut j) = self.job.lock() {
            *j = job;
        }
        self.posted.store(1, Ordering::Release);
        let _ = futex::wake(&self.posted, futex::Flags::PRIVATE, u32::MAX);
    }
}

struct Job {
    spec: ExecSpec,
    report_fd: std::os::fd::RawFd,
}

#[derive(Debug)]
struct Worker {
    slot: Arc<Slot>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job").finish_non_exhaustive()
    }
}

/// Worker threads that start children (see the module comment). Made empty; workers are
/// started as spawns need them, and end when the spawner is dropped.
#[derive(Debug, Default)]
pub struct Spawner {
    workers: Vec<Worker>,
    next: usize,
}

impl Spawner {
    /// A spawner with no worker yet.
    pub fn new() -> Spawner {
        Spawner::default()
    }

    /// [`crate::spawn_reporting`], returning once the child's pid is known. Falls back to the
    /// caller's thread when no worker thread can be started.
    pub fn spawn(&mut self, spec: ExecSpec, reports: &ExecReports) -> Result<Spawned, SpawnError> {
        let Some(i) = self.worker() else {
            return spawn_reporting(spec, reports);
        };
        // Ours (claimed, BUSY) until the worker sets it idle again.
        let w = &self.workers[i];
        w.slot.pid.store(NO_PID, Ordering::Relaxed);
        w.slot.post(Some(Job {
            spec,
            report_fd: reports.write_fd(),
        }));
        let pid = wait_while(&w.slot.pid, NO_PID);
        if pid == FAILED {
            // The worker is done with a failed spawn once it stored FAILED.
            let err = w.slot.error.lock().ok().and_then(|mut e| e.take());
            return Err(err.unwrap_or_else(|| {
                SpawnError::Fork(std::io::Error::other("spawn failed in the worker thread"))
            }));
        }
        Ok(Spawned {
            pid,
            failure: None,
            status_pipe: None,
        })
    }

    /// Wait until every child started so far has exec'ed or exited (its worker is idle).
    pub fn settle(&self) {
        for w in &self.workers {
            wait_while(&w.slot.state, BUSY);
        }
    }

    /// How many children are still between their birth and their `execve`.
    pub fn in_flight(&self) -> usize {
        self.workers
            .iter()
            .filter(|w| w.slot.state.load(Ordering::Acquire) == BUSY)
            .count()
    }

    /// How many worker threads there are (ended ones not counted).
    pub fn workers(&self) -> usize {
        self.workers
            .iter()
            .filter(|w| w.slot.state.load(Ordering::Acquire) != GONE)
            .count()
    }

    /// A worker claimed for a spawn: the first idle one, else a new one while there may be
    /// more, else the next in turn once it is idle. None when no thread could be started.
    fn worker(&mut self) -> Option<usize> {
        loop {
            // Workers that ended themselves (idle too long) are replaced when needed.
            self.workers
                .retain(|w| w.slot.state.load(Ordering::Acquire) != GONE);
            if let Some(i) = self.workers.iter().position(|w| w.slot.claim()) {
                return Some(i);
            }
            if self.workers.len() < MAX_WORKERS
                && let Some(w) = start_worker(self.workers.is_empty())
            {
                self.workers.push(w);
                return Some(self.workers.len() - 1);
            }
            if self.workers.is_empty() {
                return None;
            }
            let i = self.next % self.workers.len();
            self.next = self.next.wrapping_add(1);
            wait_while(&self.workers[i].slot.state, BUSY);
            if self.workers[i].slot.claim() {
                return Some(i);
            }
        }
    }
}

/// Wait until `word` is no longer `value`; returns what it holds then.
fn wait_while(word: &AtomicU32, value: u32) -> u32 {
    loop {
        let now = word.load(Ordering::Acquire);
        if now != value {
            return now;
        }
        // EAGAIN (changed meanwhile) and EINTR just go round again.
        let _ = futex::wait(word, futex::Flags::PRIVATE, value, None);
    }
}

impl Drop for Spawner {
    fn drop(&mut self) {
        for w in &self.workers {
            // Busy: wait; gone: nothing to end; idle: ours, told to end.
            loop {
                if w.slot.claim() {
                    w.slot.post(None);
                    break;
                }
                if wait_while(&w.slot.state, BUSY) == GONE {
                    break;
                }
            }
        }
    }
}

/// A new worker, claimed for the spawn at hand. `keep`: it never ends by itself.
fn start_worker(keep: bool) -> Option<Worker> {
    let slot = Arc::new(Slot {
        state: AtomicU32::new(BUSY),
        ..Slot::default()
    });
    let theirs = Arc::clone(&slot);
    std::thread::Builder::new()
        .name("linger-spawn".into())
        .stack_size(WORKER_STACK)
        .spawn(move || work(&theirs, keep))
        .ok()?;
    Some(Worker { slot })
}

/// Wait for a job; false when the worker should end instead (idle for [`IDLE_END`], and
/// not claimed meanwhile).
fn wait_posted(slot: &Slot, keep: bool) -> bool {
    let timeout = rustix::thread::futex::Timespec {
        tv_sec: IDLE_END.as_secs() as _,
        tv_nsec: IDLE_END.subsec_nanos() as _,
    };
    while slot.posted.load(Ordering::Acquire) == 0 {
        let limit = (!keep).then_some(&timeout);
        // Woken, EAGAIN (posted meanwhile) or EINTR: look again.
        if let Err(rustix::io::Errno::TIMEDOUT) =
            futex::wait(&slot.posted, futex::Flags::PRIVATE, 0, limit)
        {
            // Ours to end unless the caller claimed us meanwhile (then a job comes).
            if slot
                .state
                .compare_exchange(IDLE, GONE, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                let _ = futex::wake(&slot.state, futex::Flags::PRIVATE, u32::MAX);
                return false;
            }
            return wait_while(&slot.posted, 0) != 0;
        }
    }
    true
}

fn work(slot: &Slot, keep: bool) {
    block_all_signals();
    loop {
        if !wait_posted(slot, keep) {
            return;
        }
        slot.posted.store(0, Ordering::Relaxed);
        let Some(job) = slot.job.lock().ok().and_then(|mut j| j.take()) else {
            return;
        };
        // Returns once the child has exec'ed or exited (CLONE_VFORK); the spec's fds are
        // closed by then. The child stored its pid already, unless it was forked.
        match spawn_announcing(job.spec, job.report_fd, &slot.pid) {
            Ok(child) => slot.pid.store(child.pid, Ordering::Release),
            Err(e) => {
                if let Ok(mut err) = slot.error.lock() {
                    *err = Some(e);
                }
                slot.pid.store(FAILED, Ordering::Release);
            }
        }
        let _ = futex::wake(&slot.pid, futex::Flags::PRIVATE, u32::MAX);
        slot.state.store(IDLE, Ordering::Release);
        let _ = futex::wake(&slot.state, futex::Flags::PRIVATE, u32::MAX);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A worker other than the first ends once idle, and a spawn then starts a new one; the
    /// first stays (restarts find it ready).
    #[test]
    fn extra_workers_end_when_idle_and_are_replaced() {
        let reports = ExecReports::new();
        let mut spawner = Spawner::new();
        // Two claimed at once, as a burst finds them (the first kept, the second not).
        let kept = start_worker(true).expect("thread");
        let extra = start_worker(false).expect("thread");
        for w in [&kept, &extra] {
            w.slot.state.store(IDLE, Ordering::Release);
            let _ = futex::wake(&w.slot.state, futex::Flags::PRIVATE, u32::MAX);
        }
        spawner.workers.push(kept);
        spawner.workers.push(extra);
        // The event itself (the worker's compare-and-swap to GONE), no timed wait.
        assert_eq!(wait_while(&spawner.workers[1].slot.state, IDLE), GONE);
        assert_eq!(spawner.workers(), 1);
        assert_eq!(spawner.workers[0].slot.state.load(Ordering::Acquire), IDLE);
        // A spawn claims the kept one.
        let spec = ExecSpec::new("/bin/true", &["true"]).unwrap();
        let child = spawner.spawn(spec, &reports).expect("spawn");
        assert!(child.pid > 0);
        spawner.settle();
        assert_eq!(spawner.in_flight(), 0);
        assert_eq!(spawner.workers.len(), 1, "the ended worker was dropped");
        drop(spawner);
    }
}
