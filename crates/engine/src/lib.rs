//! linger-engine: the user manager's pure core.
//!
//! The engine owns every unit's runtime state and the job queue. It does no I/O: the manager
//! feeds it events (a request, a child exit, a timer, a notify message) through methods, and
//! drains the resulting [`Effect`]s (spawn this command, send that signal, arm a timer, log a
//! line, answer a job) with [`Engine::take_effects`]. Everything the engine must ask the outside
//! world (clock, file checks for `Condition*=`, PID files) goes through the [`Host`] trait, so
//! tests drive the whole state machine with a fake host and no processes.
//!
//! ```text
//!   manager ──event──▶ Engine::{enqueue,on_exit,on_timer,on_notify,…}
//!      ▲                        │ mutate unit states, run runnable jobs
//!      └───── Vec<Effect> ◀─────┘ (Spawn, Kill, ArmTimer, Log, JobFinished, …)
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
mod timer;

pub use conditions::ConditionState;
pub use deps::Deps;
pub use effect::{Effect, ExecKind, KillWhom, LogLevel, LogTag, TimerKind};
pub use engine::{Engine, EngineError, UnitInfo, UnitSummary};
pub use host::{Host, SpawnRequest, Spawned, Timestamp, UnitSource};
pub use job::{JobId, JobMode, JobResult, JobType};
pub use scope::{ScopeRuntime, ScopeState};
pub use service::{
    CommandRun, CommandRuns, ExitStatus, ServiceRuntime, ServiceSnapshot, commands_of,
    exit_status_name, signal_name,
};
pub use socket::{SocketRuntime, SocketState};
pub use state::{ActiveState, ServiceResult, ServiceState, SubState};
pub use timer::{TimerRuntime, TimerState, coalesce};
