//! Unit states: the per-type sub-states (carrying their data) and the one total mapping to the
//! generic active state that `systemctl` prints.

pub use linger_wire::{ActiveState, ServiceResult};

/// The processes a service has at a given moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Procs {
    /// The main process (`MainPID=`).
    pub main: Option<u32>,
    /// The control process running an ExecStartPre/Post/Reload/Stop/StopPost command.
    pub control: Option<u32>,
}

/// A service's sub-state, carrying the processes it has in that state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceState {
    /// Not running.
    Dead,
    /// Running `ExecCondition=`.
    Condition(Procs),
    /// Running `ExecStartPre=`.
    StartPre(Procs),
    /// Running `ExecStart=` and waiting for it to count as started.
    Start(Procs),
    /// Running `ExecStartPost=`.
    StartPost(Procs),
    /// Up, with a main process (or none, for `Type=forking` without a known pid).
    Running(Procs),
    /// Up, no process (`RemainAfterExit=yes`).
    Exited(Procs),
    /// Running `ExecReload=` or waiting for a notify-reload to finish.
    Reload(Procs),
    /// Running `ExecStop=`.
    Stop(Procs),
    /// Sent the watchdog signal, waiting for the processes to go.
    StopWatchdog(Procs),
    /// Sent `KillSignal=`, waiting for the processes to go.
    StopSigterm(Procs),
    /// Sent `FinalKillSignal=`, waiting for the processes to go.
    StopSigkill(Procs),
    /// Running `ExecStopPost=`.
    StopPost(Procs),
    /// Sent `KillSignal=` to leftovers after ExecStopPost.
    FinalSigterm(Procs),
    /// Sent `FinalKillSignal=` to leftovers after ExecStopPost.
    FinalSigkill(Procs),
    /// Not running; the last run failed.
    Failed,
    /// Waiting `RestartSec=` before starting again.
    AutoRestart,
}

impl ServiceState {
    /// The processes of this state (none for dead/failed/auto-restart).
    pub fn procs(&self) -> Procs {
        match *self {
            ServiceState::Dead | ServiceState::Failed | ServiceState::AutoRestart => {
                Procs::default()
            }
            ServiceState::Condition(p)
            | ServiceState::StartPre(p)
            | ServiceState::Start(p)
            | ServiceState::StartPost(p)
            | ServiceState::Running(p)
            | ServiceState::Exited(p)
            | ServiceState::Reload(p)
            | ServiceState::Stop(p)
            | ServiceState::StopWatchdog(p)
            | ServiceState::StopSigterm(p)
            | ServiceState::StopSigkill(p)
            | ServiceState::StopPost(p)
            | ServiceState::FinalSigterm(p)
            | ServiceState::FinalSigkill(p) => p,
        }
    }

    /// Mutable access to the processes; None for states that have none.
    pub fn procs_mut(&mut self) -> Option<&mut Procs> {
        match self {
            ServiceState::Dead | ServiceState::Failed | ServiceState::AutoRestart => None,
            ServiceState::Condition(p)
            | ServiceState::StartPre(p)
            | ServiceState::Start(p)
            | ServiceState::StartPost(p)
            | ServiceState::Running(p)
            | ServiceState::Exited(p)
            | ServiceState::Reload(p)
            | ServiceState::Stop(p)
            | ServiceState::StopWatchdog(p)
            | ServiceState::StopSigterm(p)
            | ServiceState::StopSigkill(p)
            | ServiceState::StopPost(p)
            | ServiceState::FinalSigterm(p)
            | ServiceState::FinalSigkill(p) => Some(p),
        }
    }

    /// The sub-state string `systemctl` prints (`SubState=`).
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceState::Dead => "dead",
            ServiceState::Condition(_) => "condition",
            ServiceState::StartPre(_) => "start-pre",
            ServiceState::Start(_) => "start",
            ServiceState::StartPost(_) => "start-post",
            ServiceState::Running(_) => "running",
            ServiceState::Exited(_) => "exited",
            ServiceState::Reload(_) => "reload",
            ServiceState::Stop(_) => "stop",
            ServiceState::StopWatchdog(_) => "stop-watchdog",
            ServiceState::StopSigterm(_) => "stop-sigterm",
            ServiceState::StopSigkill(_) => "stop-sigkill",
            ServiceState::StopPost(_) => "stop-post",
            ServiceState::FinalSigterm(_) => "final-sigterm",
            ServiceState::FinalSigkill(_) => "final-sigkill",
            ServiceState::Failed => "failed",
            ServiceState::AutoRestart => "auto-restart",
        }
    }

    /// The one total mapping from a service sub-state to the generic active state.
    pub fn active_state(&self) -> ActiveState {
        match self {
            ServiceState::Dead => ActiveState::Inactive,
            ServiceState::Failed => ActiveState::Failed,
            ServiceState::Condition(_)
            | ServiceState::StartPre(_)
            | ServiceState::Start(_)
            | ServiceState::StartPost(_)
            | ServiceState::AutoRestart => ActiveState::Activating,
            ServiceState::Running(_) | ServiceState::Exited(_) => ActiveState::Active,
            ServiceState::Reload(_) => ActiveState::Reloading,
            ServiceState::Stop(_)
            | ServiceState::StopWatchdog(_)
            | ServiceState::StopSigterm(_)
            | ServiceState::StopSigkill(_)
            | ServiceState::StopPost(_)
            | ServiceState::FinalSigterm(_)
            | ServiceState::FinalSigkill(_) => ActiveState::Deactivating,
        }
    }
}

/// The sub-state of any unit type, for listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubState {
    /// A service's state.
    Service(ServiceState),
    /// A target (or other passive unit): reached or not.
    Passive {
        /// Whether reached.
        active: bool,
    },
    /// A timer's state.
    Timer(crate::timer::TimerState),
    /// A socket's state.
    Socket(crate::socket::SocketState),
    /// A scope's state.
    Scope(crate::scope::ScopeState),
}

impl SubState {
    /// `SubState=` as the typed name clients see.
    pub fn name(&self) -> linger_wire::SubState {
        // Every per-type string is one of the wire names (checked by a test below).
        linger_wire::SubState::parse(self.as_str()).unwrap_or(linger_wire::SubState::Dead)
    }

    /// `SubState=` string.
    pub fn as_str(&self) -> &'static str {
        match self {
            SubState::Service(s) => s.as_str(),
            SubState::Passive { active: true } => "active",
            SubState::Passive { active: false } => "dead",
            SubState::Timer(t) => t.as_str(),
            SubState::Socket(s) => s.as_str(),
            SubState::Scope(s) => s.as_str(),
        }
    }

    /// The generic state.
    pub fn active_state(&self) -> ActiveState {
        match self {
            SubState::Service(s) => s.active_state(),
            SubState::Passive { active: true } => ActiveState::Active,
            SubState::Passive { active: false } => ActiveState::Inactive,
            SubState::Timer(t) => t.active_state(),
            SubState::Socket(s) => s.active_state(),
            SubState::Scope(s) => s.active_state(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_state_strings_round_trip() {
        for s in [
            ActiveState::Active,
            ActiveState::Reloading,
            ActiveState::Inactive,
            ActiveState::Failed,
            ActiveState::Activating,
            ActiveState::Deactivating,
        ] {
            assert_eq!(ActiveState::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn every_sub_state_has_a_wire_name() {
        use crate::scope::ScopeState;
        use crate::socket::SocketState;
        use crate::timer::TimerState;
        let p = Procs::default();
        let services = [
            ServiceState::Dead,
            ServiceState::Condition(p),
            ServiceState::StartPre(p),
            ServiceState::Start(p),
            ServiceState::StartPost(p),
            ServiceState::Running(p),
            ServiceState::Exited(p),
            ServiceState::Reload(p),
            ServiceState::Stop(p),
            ServiceState::StopWatchdog(p),
            ServiceState::StopSigterm(p),
            ServiceState::StopSigkill(p),
            ServiceState::StopPost(p),
            ServiceState::FinalSigterm(p),
            ServiceState::FinalSigkill(p),
            ServiceState::Failed,
            ServiceState::AutoRestart,
        ];
        let mut all: Vec<SubState> = services.into_iter().map(SubState::Service).collect();
        all.extend([true, false].map(|active| SubState::Passive { active }));
        all.extend(
            [
                TimerState::Dead,
                TimerState::Waiting,
                TimerState::Running,
                TimerState::Elapsed,
                TimerState::Failed,
            ]
            .map(SubState::Timer),
        );
        all.extend(SocketState::ALL.map(SubState::Socket));
        all.extend(
            [
                ScopeState::Dead,
                ScopeState::Running,
                ScopeState::Abandoned,
                ScopeState::StopSigterm,
                ScopeState::StopSigkill,
                ScopeState::Failed,
            ]
            .map(SubState::Scope),
        );
        for s in all {
            assert_eq!(
                linger_wire::SubState::parse(s.as_str()).map(|n| n.as_str()),
                Some(s.as_str()),
                "{s:?}"
            );
            assert_eq!(s.name().as_str(), s.as_str());
        }
    }

    #[test]
    fn auto_restart_counts_as_activating_like_systemd_252() {
        assert_eq!(
            ServiceState::AutoRestart.active_state(),
            ActiveState::Activating
        );
        assert_eq!(
            ServiceState::Exited(Procs::default()).active_state(),
            ActiveState::Active
        );
    }
}
