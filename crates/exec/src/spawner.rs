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

/// At most this many workers (children being set up at once). Each costs a thread with a
/// small stack and a child stack of which only the touched pages count (~20 KiB resident).
const MAX_WORKERS: usize = 4;
/// A worker thread's own stack: it runs `spawn_inner` only.
const WORKER_STACK: usize = 128 * 1024;

/// No pid yet in a slot.
const NO_PID: u32 = 0;
/// The spawn failed before a child existed (the error is in `Slot::error`).
const FAILED: u32 = u32::MAX;

/// One worker's state shared with the caller.
#[derive(Debug, Default)]
struct Slot {
    /// The child's pid (stored by the child itself, then by the worker), [`NO_PID`] or
    /// [`FAILED`]; a futex word the caller waits on.
    pid: AtomicU32,
    /// 1 while a spawn is in hand (until the child exec'ed or exited), else 0; a futex word.
    busy: AtomicU32,
    /// 1 once the caller put something in `job` for the worker to take; a futex word.
    posted: AtomicU32,
    /// The spawn handed over (None with `posted`: the worker ends). A slot, not a channel:
    /// a channel's block of slots would stay allocated per worker.
    job: Mutex<Option<Job>>,
    /// Why the last spawn failed.
    error: Mutex<Option<SpawnError>>,
}

impl Slot {
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
        let w = &self.workers[i];
        w.slot.pid.store(NO_PID, Ordering::Relaxed);
        w.slot.busy.store(1, Ordering::Release);
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
            wait_while(&w.slot.busy, 1);
        }
    }

    /// How many children are still between their birth and their `execve`.
    pub fn in_flight(&self) -> usize {
        self.workers
            .iter()
            .filter(|w| w.slot.busy.load(Ordering::Acquire) != 0)
            .count()
    }

    /// An idle worker: the first idle one, else a new one while there may be more, else the
    /// next in turn once it is idle. None when no thread could be started at all.
    fn worker(&mut self) -> Option<usize> {
        if let Some(i) = self
            .workers
            .iter()
            .position(|w| w.slot.busy.load(Ordering::Acquire) == 0)
        {
            return Some(i);
        }
        if self.workers.len() < MAX_WORKERS
            && let Some(w) = start_worker()
        {
            self.workers.push(w);
            return Some(self.workers.len() - 1);
        }
        if self.workers.is_empty() {
            return None;
        }
        let i = self.next % self.workers.len();
        self.next = self.next.wrapping_add(1);
        wait_while(&self.workers[i].slot.busy, 1);
        Some(i)
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
            wait_while(&w.slot.busy, 1);
            w.slot.post(None);
        }
    }
}

fn start_worker() -> Option<Worker> {
    let slot = Arc::new(Slot::default());
    let theirs = Arc::clone(&slot);
    std::thread::Builder::new()
        .name("linger-spawn".into())
        .stack_size(WORKER_STACK)
        .spawn(move || work(&theirs))
        .ok()?;
    Some(Worker { slot })
}

fn work(slot: &Slot) {
    block_all_signals();
    loop {
        wait_while(&slot.posted, 0);
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
        slot.busy.store(0, Ordering::Release);
        let _ = futex::wake(&slot.busy, futex::Flags::PRIVATE, u32::MAX);
    }
}
