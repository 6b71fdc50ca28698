//! Scope units (systemd.scope(5)): processes started elsewhere (by `linger run --scope`) and
//! moved into the unit's cgroup. The engine never spawns them; it only follows the cgroup
//! until it is empty and stops it by signalling everything in it.

use crate::state::ActiveState;

/// A scope's sub-state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScopeState {
    /// Empty and gone.
    #[default]
    Dead,
    /// Its processes run.
    Running,
    /// Stopping: the kill signal was sent.
    StopSigterm,
    /// Stopping: the final SIGKILL was sent.
    StopSigkill,
    /// Ended badly (a stop that timed out).
    Failed,
}

impl ScopeState {
    /// `SubState=` string.
    pub fn as_str(self) -> &'static str {
        match self {
            ScopeState::Dead => "dead",
            ScopeState::Running => "running",
            ScopeState::StopSigterm => "stop-sigterm",
            ScopeState::StopSigkill => "stop-sigkill",
            ScopeState::Failed => "failed",
        }
    }

    /// The generic state.
    pub fn active_state(self) -> ActiveState {
        match self {
            ScopeState::Dead => ActiveState::Inactive,
            ScopeState::Running => ActiveState::Active,
            ScopeState::StopSigterm | ScopeState::StopSigkill => ActiveState::Deactivating,
            ScopeState::Failed => ActiveState::Failed,
        }
    }
}

/// A scope's runtime.
#[derive(Debug, Clone, Default)]
pub struct ScopeRuntime {
    /// Sub-state.
    pub state: ScopeState,
    /// `Result=`: `success`, `timeout`.
    pub result: &'static str,
    /// Stale-firing guard for the stop and runtime timers.
    pub(crate) generation: u64,
    /// `InvocationID=` of this run (systemd-run --scope reads it before it runs the command).
    pub invocation_id: String,
}
