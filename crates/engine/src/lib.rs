//! linger-engine: the user manager's pure core.
//!
//! The engine owns every unit's runtime state and the job queue. It does no I/O: the manager
//! feeds it events (a request, a child exit, a timer, a notify message, socket traffic, an
//! emptied cgroup) through methods, and drains the resulting [`Effect`]s (arm or disarm a
//! timer, watch a unit until it is empty, log a line, answer a job, release a unit's
//! resources) with [`Engine::take_effects`]. What must happen at once and may fail goes
//! through the [`Host`] trait instead — spawn a process, signal one, open and close a socket
//! unit's sockets, the clock, `Condition*=` checks, PID files — so tests drive the whole state
//! machine with a fake host and no processes.
//!
//! Each unit type's transitions are one table with a typed refusal (`table.rs`'s
//! [`BadTransition`]): service/table.rs, socket.rs, timer/table.rs, scope.rs; engine/*.rs feed
//! them events and carry out their actions.
//!
//! ```text
//!   manager ──event──▶ Engine::{enqueue,on_exit,on_timer,on_notify,on_unit_empty,…}
//!      ▲                        │ tables: (state, event) → (state, actions); jobs run
//!      │                        ├──▶ Host::{spawn, kill, open_sockets, now, …} (at once)
//!      └───── Vec<Effect> ◀─────┘ (ArmTimer, WatchEmpty, Log, JobFinished, …)
//! ```
#![forbid(unsafe_code)]

mod conditions;
mod deps;
mod effect;
mod engine;
mod host;
mod job;
mod scope;
mod service;
mod socket;
mod state;
mod table;
mod timer;

pub use conditions::ConditionState;
pub use deps::{Deps, NameSet};
pub use effect::{Effect, ExecKind, KillWhom, LogLevel, LogTag, TimerKind};
pub use engine::{Engine, EngineError, UnitInfo, UnitStamps, UnitSummary};
pub use host::{Host, SpawnRequest, Spawned, Timestamp, UnitSource};
pub use job::{JobId, JobMode, JobResult, JobType};
pub use scope::{ScopeRuntime, ScopeState};
pub use service::{
    CommandRun, CommandRuns, ExitStatus, FailedSnapshot, ServiceRuntime, ServiceSnapshot,
    commands_of, exit_status_name, signal_name,
};
pub use socket::{SocketMidway, SocketRuntime, SocketState};
pub use state::{ActiveState, ServiceResult, ServiceState, SubState};
pub use table::{BadTransition, StagedAction, TableState};
pub use timer::{TimerRuntime, TimerState, coalesce};
