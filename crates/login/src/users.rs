//! Users and the life cycle of their user managers (`user@UID.service`), as a pure table:
//! [`ManagerPhase`] × [`ManagerEvent`] → effects, and [`reconcile`] which compares the phase
//! with whether the user *wants* a manager (has a session or lingers). I/O is the caller's.
//!
//! ```text
//!  Stopped ──spawned──▶ Starting ──READY=1──▶ Running
//!     ▲                    │ exit / ready timeout  │ exit (crash)
//!     │                    ▼                       ▼
//!     │               Backoff(100 ms … 10 s) ─────▶ spawned again    (or Failed after
//!     │                                                               8 crashes in 2 min)
//!     └──exited── Stopping (SIGTERM; SIGKILL of the cgroup after the stop timeout)
//! ```
//!
//! A manager the daemon did not start (the user ran `linger daemon --user` by hand) is
//! `Foreign`: known, so that no second one is started, but never signalled and never cleaned
//! up after — when it is not wanted any more the daemon just forgets it.

use std::time::{Duration, Instant};

use crate::userdb::Account;

/// Crashes within [`RESTART_WINDOW`] after which a user manager is not restarted any more.
pub const MAX_FAILURES: u32 = 8;
/// The window over which crashes are counted.
pub const RESTART_WINDOW: Duration = Duration::from_secs(120);
/// First restart delay; doubles per crash up to [`MAX_DELAY`].
pub const FIRST_DELAY: Duration = Duration::from_millis(100);
/// Longest restart delay.
pub const MAX_DELAY: Duration = Duration::from_secs(10);

/// Where a user's manager is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManagerPhase {
    /// Not running.
    Stopped,
    /// Spawned, not ready yet; given up on at `deadline`.
    Starting {
        /// Its pid.
        pid: u32,
        /// Ready timeout.
        deadline: Instant,
    },
    /// Said `READY=1`.
    Running {
        /// Its pid.
        pid: u32,
    },
    /// SIGTERM sent; at `deadline` its cgroup is killed (then no more deadline).
    Stopping {
        /// Its pid.
        pid: u32,
        /// When to SIGKILL, if not done yet.
        deadline: Option<Instant>,
        /// Stopped because it failed (never became ready): counts as a crash once gone.
        failed: bool,
    },
    /// Crashed; may be started again at `until`.
    Backoff {
        /// Earliest restart.
        until: Instant,
    },
    /// Crashed too often; started again only by a new session or enable-linger.
    Failed,
    /// A manager the daemon did not start answers on the user's socket.
    Foreign {
        /// Its pid (from the socket's peer credentials).
        pid: u32,
    },
}

impl ManagerPhase {
    /// The pid of the daemon's own manager while its process exists (a foreign one is not
    /// the daemon's to stop or wait for).
    pub fn pid(self) -> Option<u32> {
        match self {
            ManagerPhase::Starting { pid, .. }
            | ManagerPhase::Running { pid }
            | ManagerPhase::Stopping { pid, .. } => Some(pid),
            _ => None,
        }
    }

    /// Whether something answers as the user's manager (the daemon's own once ready, or a
    /// foreign one).
    pub fn answers(self) -> bool {
        matches!(
            self,
            ManagerPhase::Running { .. } | ManagerPhase::Foreign { .. }
        )
    }

    /// The phase's next timer.
    pub fn deadline(self) -> Option<Instant> {
        match self {
            ManagerPhase::Starting { deadline, .. } => Some(deadline),
            ManagerPhase::Stopping { deadline, .. } => deadline,
            ManagerPhase::Backoff { until } => Some(until),
            _ => None,
        }
    }
}

/// What happens to a manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManagerEvent {
    /// The caller spawned it.
    Spawned(u32),
    /// Spawning failed before a process existed.
    SpawnFailed,
    /// `READY=1` from this pid.
    Ready(u32),
    /// This pid exited (reaped).
    Exited(u32),
    /// The phase's deadline passed.
    Timeout,
    /// A manager the daemon did not start answers on the user's socket (found instead of
    /// spawning one).
    Foreign(u32),
}

/// What the caller must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManagerEffect {
    /// Start the manager process (then feed `Spawned` or `SpawnFailed`).
    Spawn,
    /// SIGTERM to the manager.
    Terminate(u32),
    /// SIGKILL to everything in `user@UID.service`.
    KillAll,
    /// The manager is gone: kill leftovers, remove its cgroup; tidy the user if unneeded.
    Cleanup,
    /// Wake callers waiting for the manager (ready, or failed).
    WakeWaiters,
}

/// Crash accounting for restarts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Backoff {
    failures: u32,
    window_start: Option<Instant>,
}

impl Backoff {
    /// Count a crash at `now`; the delay before the next start, or `None` to give up.
    pub fn failed(&mut self, now: Instant) -> Option<Duration> {
        match self.window_start {
            Some(w) if now.duration_since(w) <= RESTART_WINDOW => {}
            _ => {
                self.window_start = Some(now);
                self.failures = 0;
            }
        }
        self.failures += 1;
        if self.failures > MAX_FAILURES {
            return None;
        }
        let factor = 1u32 << (self.failures - 1).min(16);
        Some((FIRST_DELAY * factor).min(MAX_DELAY))
    }

    /// Forget past crashes (a new session or enable-linger asks for a fresh start).
    pub fn reset(&mut self) {
        *self = Backoff::default();
    }
}

/// Timeouts the table needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// How long a manager may take to be ready.
    pub ready: Duration,
    /// How long a manager may take to exit after SIGTERM.
    pub stop: Duration,
}

/// An event impossible in a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("user manager event {event:?} is impossible in phase {phase:?}")]
pub struct BadTransition {
    /// The phase.
    pub phase: ManagerPhase,
    /// The event.
    pub event: ManagerEvent,
}

/// The transition table.
pub fn step(
    phase: ManagerPhase,
    event: ManagerEvent,
    now: Instant,
    t: Timing,
    backoff: &mut Backoff,
) -> Result<(ManagerPhase, Vec<ManagerEffect>), BadTransition> {
    use ManagerEffect::{Cleanup, KillAll, Terminate, WakeWaiters};
    use ManagerEvent::{Exited, Foreign, Ready, SpawnFailed, Spawned, Timeout};
    use ManagerPhase::{
        Backoff as Wait, Failed, Foreign as ForeignPhase, Running, Starting, Stopped, Stopping,
    };
    let bad = Err(BadTransition { phase, event });
    let crashed = |backoff: &mut Backoff| match backoff.failed(now) {
        Some(d) => Wait { until: now + d },
        None => Failed,
    };
    Ok(match (phase, event) {
        (Stopped | Wait { .. } | Failed, Spawned(pid)) => (
            Starting {
                pid,
                deadline: now + t.ready,
            },
            vec![],
        ),
        (Stopped | Wait { .. } | Failed, SpawnFailed) => (crashed(backoff), vec![WakeWaiters]),
        (Stopped | Wait { .. } | Failed, Foreign(pid)) => (ForeignPhase { pid }, vec![WakeWaiters]),
        // A foreign manager went: the caller's reconcile starts the daemon's own if wanted.
        (ForeignPhase { pid }, Exited(p)) if p == pid => (Stopped, vec![]),
        (ForeignPhase { .. }, Ready(_)) => (phase, vec![]),
        (Starting { pid, .. }, Ready(p)) if p == pid => (Running { pid }, vec![WakeWaiters]),
        // A repeated READY=1 (or one from a stale pid) changes nothing.
        (Running { .. } | Stopping { .. }, Ready(_)) => (phase, vec![]),
        (Starting { .. }, Ready(_)) => (phase, vec![]),
        (Starting { pid, .. }, Timeout) => (
            Stopping {
                pid,
                deadline: Some(now + t.stop),
                failed: true,
            },
            vec![Terminate(pid), WakeWaiters],
        ),
        // A crash: the user's services go on running in `user@UID.service`, and the next
        // manager re-adopts them. Only once restarting is given up is everything killed.
        (Starting { pid, .. } | Running { pid }, Exited(p)) if p == pid => match crashed(backoff) {
            Failed => (Failed, vec![Cleanup, WakeWaiters]),
            wait => (wait, vec![WakeWaiters]),
        },
        (Stopping { pid, failed, .. }, Exited(p)) if p == pid => {
            let next = if failed { crashed(backoff) } else { Stopped };
            (next, vec![Cleanup, WakeWaiters])
        }
        (
            Stopping {
                pid,
                deadline: Some(_),
                failed,
            },
            Timeout,
        ) => (
            Stopping {
                pid,
                deadline: None,
                failed,
            },
            vec![KillAll],
        ),
        (Wait { .. }, Timeout) => (phase, vec![]),
        _ => return bad,
    })
}

/// Bring the phase in line with `wanted`: start, stop, or nothing. Starting from `Failed`
/// needs `retry` (a new session or enable-linger), which also forgets past crashes.
pub fn reconcile(
    phase: ManagerPhase,
    wanted: bool,
    retry: bool,
    now: Instant,
    t: Timing,
    backoff: &mut Backoff,
) -> (ManagerPhase, Vec<ManagerEffect>) {
    use ManagerPhase::{Backoff as Wait, Failed, Foreign, Running, Starting, Stopped, Stopping};
    if retry {
        backoff.reset();
    }
    match (phase, wanted) {
        (Stopped, true) => (phase, vec![ManagerEffect::Spawn]),
        (Wait { until }, true) if now >= until || retry => (phase, vec![ManagerEffect::Spawn]),
        (Failed, true) if retry => (phase, vec![ManagerEffect::Spawn]),
        // No manager is wanted any more: what a crashed one left running goes too.
        (Wait { .. } | Failed, false) => (
            Stopped,
            vec![ManagerEffect::Cleanup, ManagerEffect::WakeWaiters],
        ),
        // Not the daemon's: forgotten, never stopped.
        (Foreign { .. }, false) => (Stopped, vec![]),
        (Starting { pid, .. } | Running { pid }, false) => (
            Stopping {
                pid,
                deadline: Some(now + t.stop),
                failed: false,
            },
            vec![ManagerEffect::Terminate(pid)],
        ),
        _ => (phase, vec![]),
    }
}

/// A user the daemon tracks (has sessions, lingers, or has a manager process).
#[derive(Debug)]
pub struct User {
    /// The account.
    pub account: Account,
    /// First seen, µs since the epoch.
    pub realtime_us: u64,
    /// First seen, µs of CLOCK_MONOTONIC.
    pub monotonic_us: u64,
    /// The manager.
    pub manager: ManagerPhase,
    /// Crash accounting.
    pub backoff: Backoff,
    /// When the user's last session ended (for UserStopDelaySec=).
    pub last_session_end: Option<Instant>,
    /// Set by terminate-user: no manager until the next session or enable-linger.
    pub held_down: bool,
    /// Whether the user's linger file exists (cached: read when the record is made, kept
    /// current by SetLinger).
    pub lingers: bool,
    /// `/run/user/UID` as the daemon holds it (made, or being made, on a worker).
    pub runtime: Option<crate::runtime::Slot>,
    /// Callers waiting for the manager to be ready (WaitUserManager).
    pub waiters: Vec<tokio::sync::oneshot::Sender<()>>,
    /// The manager process (the daemon's own or a foreign one), held by its pidfd.
    pub process: Option<crate::process::Process>,
    /// Watching a manager that is not the daemon's child (re-attached, foreign) for its exit.
    pub exit_watch: Option<crate::process::ExitWatch>,
    /// Removing what a stopped manager left runs on a worker: no new manager until it is done
    /// (it would be killed with the leftovers).
    pub cleaning: bool,
    /// The manager's cgroups are being made on a worker: no second start meanwhile.
    pub preparing: bool,
    /// What a worker prepared for the manager's start (its `cgroup.procs` fds, groups).
    pub prepared: Option<Prepared>,
    /// A manager is being forked on a worker: when that was decided
    /// ([`crate::process::boot_ticks`]), in the user's record until the child is held.
    pub starting: Option<u64>,
    /// The notify socket of the manager while it starts (`notify_in.rs`).
    pub notify: Option<crate::notify_in::ManagerSocket>,
}

/// What a manager's start needs that took file system work (made on a worker).
#[derive(Debug)]
pub struct Prepared {
    /// The open `cgroup.procs` of its `init.scope` (v2 first, then v1).
    pub join: Vec<std::os::fd::OwnedFd>,
    /// Its supplementary groups.
    pub groups: Vec<u32>,
    /// Who listens on the user's manager socket already (`adopt::probe`, a path of the
    /// user's: asked on the worker, where a lookup the user holds up waits for nobody else).
    pub found: Found,
}

/// A manager the user started by hand, found on their manager socket.
#[derive(Debug)]
pub enum Found {
    /// Nobody listens: the daemon starts its own.
    Nobody,
    /// A process of the user listens (held by a pidfd): used, not started twice.
    Foreign(crate::process::Process),
    /// Something listens but takes no connection: the daemon starts its own anyway.
    Unresponsive,
}

impl User {
    /// A new record for `account`.
    pub fn new(account: Account, realtime_us: u64, monotonic_us: u64) -> User {
        User {
            account,
            realtime_us,
            monotonic_us,
            manager: ManagerPhase::Stopped,
            backoff: Backoff::default(),
            last_session_end: None,
            held_down: false,
            lingers: false,
            runtime: None,
            waiters: Vec::new(),
            process: None,
            exit_watch: None,
            cleaning: false,
            preparing: false,
            prepared: None,
            starting: None,
            notify: None,
        }
    }

    /// `user@UID.service`.
    pub fn service(&self) -> String {
        format!("user@{}.service", self.account.uid)
    }

    /// `user-UID.slice`.
    pub fn slice(&self) -> String {
        format!("user-{}.slice", self.account.uid)
    }
}

/// loginctl's user state from what the daemon knows.
pub fn user_state(
    active_sessions: usize,
    closing_sessions: usize,
    lingering: bool,
    manager: ManagerPhase,
) -> &'static str {
    if active_sessions > 0 {
        "active"
    } else if closing_sessions > 0 || matches!(manager, ManagerPhase::Stopping { .. }) {
        "closing"
    } else if lingering {
        "lingering"
    } else if manager != ManagerPhase::Stopped {
        // Logged out, the manager kept for UserStopDelaySec=.
        "closing"
    } else {
        "offline"
    }
}

#[cfg(test)]
#[path = "users_tests.rs"]
mod tests;
