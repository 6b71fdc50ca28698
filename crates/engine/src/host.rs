//! The seam between the pure engine and the world: clock, processes, file checks, PID files.
//! The manager implements it on the real system; tests implement it with a controllable clock
//! and recorded spawns/kills, so the whole state machine runs without a single process.

use linger_time::Usec;
use linger_unit::exec_line::ExecCommand;
use linger_unit::model::{Condition, ServiceConfig};

use crate::effect::{ExecKind, KillWhom};

/// A point in time on both clocks, as systemd records it (`…Timestamp=` and `…Monotonic=`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timestamp {
    /// CLOCK_REALTIME in µs since the epoch.
    pub realtime: Usec,
    /// CLOCK_MONOTONIC in µs.
    pub monotonic: Usec,
}

/// Everything needed to start one process of a service.
#[derive(Debug)]
pub struct SpawnRequest<'a> {
    /// The unit.
    pub unit: &'a str,
    /// Which directive the command comes from.
    pub kind: ExecKind,
    /// The command (env vars not yet expanded).
    pub command: &'a ExecCommand,
    /// Whether it becomes the main process.
    pub main: bool,
    /// The run's invocation id (`$INVOCATION_ID`).
    pub invocation_id: &'a str,
    /// The service's configuration (environment, working directory, stdio, limits …).
    pub service: &'a ServiceConfig,
    /// `$MAINPID` for control commands, when known.
    pub main_pid: Option<u32>,
    /// Socket units whose listening fds the process receives (`$LISTEN_FDS`), in order; for a
    /// per-connection instance (`Accept=yes`) the host adds the connection it holds for it.
    pub sockets: Vec<String>,
}

/// A started process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spawned {
    /// Its pid.
    pub pid: u32,
    /// Whether `execve` succeeded (false: the child reports the failed stage as its exit status).
    pub exec_ok: bool,
}

/// What the engine needs to ask the outside world.
pub trait Host {
    /// The current time.
    fn now(&self) -> Timestamp;
    /// Evaluate one `Condition*=`/`Assert*=` (without the negation; the engine applies `!`).
    fn check_condition(&self, condition: &Condition) -> bool;
    /// Read a PID file (`PIDFile=`); None when missing or unparsable.
    fn read_pid_file(&self, path: &std::path::Path) -> Option<u32>;
    /// A fresh 128-bit invocation id, as 32 lowercase hex digits.
    fn new_invocation_id(&mut self) -> String;
    /// Fork and exec a service process. Err is a setup failure before fork (→ `resources`).
    fn spawn(&mut self, request: &SpawnRequest<'_>) -> Result<Spawned, String>;
    /// Signal processes of a unit; returns how many were signalled.
    fn kill(
        &mut self,
        unit: &str,
        whom: KillWhom,
        signal: i32,
        main: Option<u32>,
        control: Option<u32>,
    ) -> usize;
    /// Whether no process of the unit remains (cgroup empty / no tracked process left).
    fn unit_is_empty(&self, unit: &str) -> bool;
    /// The unit's processes, when the tracker knows them (used to guess a forking main pid).
    fn unit_pids(&self, unit: &str) -> Vec<u32>;

    /// The zone calendar timers without their own zone use.
    fn time_zone(&self) -> jiff::tz::TimeZone {
        linger_time::local_zone()
    }
    /// When the manager started (`OnStartupSec=` counts from it).
    fn startup(&self) -> Timestamp {
        Timestamp::default()
    }
    /// A delay in `[0, max)` for `RandomizedDelaySec=`; with `fixed` the same for every call
    /// with this unit (FixedRandomDelay=: stable per machine, user and timer).
    fn random_delay(&mut self, _unit: &str, _max: Usec, _fixed: bool) -> Usec {
        0
    }
    /// The offset inside a minute where this user's timers coalesce (AccuracySec=).
    fn coalescing_offset(&self) -> Usec {
        0
    }
    /// The realtime of a timer's last trigger recorded on disk (`Persistent=yes`).
    fn read_timer_stamp(&self, _unit: &str) -> Option<Usec> {
        None
    }
    /// Record a timer's trigger on disk (`Persistent=yes`).
    fn write_timer_stamp(&mut self, _unit: &str, _realtime: Usec) {}
    /// Open a socket unit's listening sockets and FIFOs. Err is the reason, for the log.
    fn open_sockets(
        &mut self,
        _unit: &str,
        _config: &linger_unit::model::SocketConfig,
    ) -> Result<(), String> {
        Ok(())
    }
    /// Close a socket unit's sockets (`remove`: unlink socket files and FIFOs).
    fn close_sockets(&mut self, _unit: &str, _remove: bool) {}
    /// Report (once) when a socket unit's sockets become readable: `on_socket_ready`.
    fn watch_sockets(&mut self, _unit: &str, _watch: bool) {}
    /// A per-connection instance is gone for good: drop the connection held for it.
    fn release_connection(&mut self, _instance: &str) {}
    /// How many processes of the unit the kernel's OOM killer has killed (its cgroup's
    /// counter; 0 without cgroups).
    fn oom_kills(&self, _unit: &str) -> u64 {
        0
    }
}

/// Where unit configurations come from (the loader over the search path, in the manager).
pub trait UnitSource {
    /// Load (or reload) one unit by any of its names. Never fails: problems are in the
    /// returned config's `load_state` and `diagnostics`.
    fn load(&mut self, name: &str) -> linger_unit::model::UnitConfig;
}
