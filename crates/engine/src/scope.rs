//! Scope units (systemd.scope(5)): processes started elsewhere (by `linger run --scope`) and
//! moved into the unit's cgroup. The engine never spawns them; it only follows the cgroup
//! until it is empty and stops it by signalling everything in it. Every transition is one arm
//! of [`step`], the scope's whole table.

use crate::effect::LogLevel;
use linger_wire::{ActiveState, ServiceResult};

/// A scope's sub-state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScopeState {
    /// Empty and gone.
    #[default]
    Dead,
    /// Its processes run.
    Running,
    /// Its processes run; the one who made it gave it up (`Abandon()`): it ends, as a running
    /// scope does, when its cgroup is empty or it is stopped.
    Abandoned,
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
            ScopeState::Abandoned => "abandoned",
            ScopeState::StopSigterm => "stop-sigterm",
            ScopeState::StopSigkill => "stop-sigkill",
            ScopeState::Failed => "failed",
        }
    }

    /// The generic state.
    pub fn active_state(self) -> ActiveState {
        match self {
            ScopeState::Dead => ActiveState::Inactive,
            ScopeState::Running | ScopeState::Abandoned => ActiveState::Active,
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
    pub result: ServiceResult,
    /// Stale-firing guard for the stop and runtime timers.
    pub(crate) generation: u64,
    /// `InvocationID=` of this run (systemd-run --scope reads it before it runs the command).
    pub invocation_id: String,
}

/// What can happen to a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeEvent {
    /// The manager moved a process into the scope's cgroup.
    Start,
    /// A stop job, or the runtime limit (with the result the stop ends with).
    Stop(ServiceResult),
    /// The cgroup is empty.
    Empty,
    /// `RuntimeMaxSec=` elapsed.
    RuntimeMaxElapsed,
    /// `Abandon()`: the maker gives the running scope up.
    Abandon,
    /// `TimeoutStopSec=` elapsed while stopping.
    StopTimeout,
}

/// Which signal of the unit's kill settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeSignal {
    /// `KillSignal=`
    Kill,
    /// SIGHUP (`SendSIGHUP=yes`)
    Hangup,
    /// `FinalKillSignal=`
    FinalKill,
}

/// What the engine does for a scope transition, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeAction {
    /// Watch the cgroup until it is empty.
    WatchEmpty,
    /// Arm `RuntimeMaxSec=` (when set).
    ArmRuntimeMax,
    /// Arm `TimeoutStopSec=`.
    ArmStopTimeout,
    /// Disarm both timers.
    DisarmTimers,
    /// Signal every process of the cgroup.
    Signal(ScopeSignal),
    /// Look whether the cgroup is empty already (then feed [`ScopeEvent::Empty`]).
    CheckEmpty,
    /// A line in the unit's log (`{desc}` stands for the description).
    Log(LogLevel, &'static str),
    /// "Failed with result '…'."
    LogFailedResult,
    /// The unit is gone: release its cgroup.
    Release,
}

/// The kill settings [`step`] decides by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScopeKill {
    /// `KillMode=none`: nothing is signalled on stop.
    pub none: bool,
    /// `SendSIGHUP=`
    pub send_sighup: bool,
    /// `SendSIGKILL=`
    pub send_sigkill: bool,
}

/// An event that cannot happen in a scope's state.
pub type BadTransition = crate::table::BadTransition<ScopeState, ScopeEvent>;

impl crate::table::TableState for ScopeState {
    const UNIT_TYPE: &'static str = "scope";
    fn name(self) -> &'static str {
        self.as_str()
    }
}

/// A scope's actions come in the order the table lists them, all after its new state.
impl crate::table::StagedAction for ScopeAction {
    fn before_state(self) -> bool {
        false
    }
}

/// A transition: the new state, the new result, and the actions in order.
pub type ScopeStep = (ScopeState, ServiceResult, Vec<ScopeAction>);

/// The scope's transition table.
pub fn step(
    state: ScopeState,
    result: ServiceResult,
    event: ScopeEvent,
    kill: ScopeKill,
) -> Result<ScopeStep, BadTransition> {
    use ScopeAction::*;
    use ScopeState::*;
    let bad = Err(BadTransition { state, event });
    let stop = |result: ServiceResult, mut actions: Vec<ScopeAction>| {
        actions.push(Log(LogLevel::Info, "Stopping {desc}..."));
        if !kill.none {
            actions.push(Signal(ScopeSignal::Kill));
            if kill.send_sighup {
                actions.push(Signal(ScopeSignal::Hangup));
            }
        }
        actions.extend([ArmStopTimeout, CheckEmpty]);
        (StopSigterm, result, actions)
    };
    Ok(match (state, event) {
        (Dead | Failed, ScopeEvent::Start) => (
            Running,
            ServiceResult::Success,
            vec![
                WatchEmpty,
                ArmRuntimeMax,
                Log(LogLevel::Info, "Started {desc}."),
            ],
        ),
        // A scope is made once; the engine refuses a second start before asking.
        (Running | Abandoned | StopSigterm | StopSigkill, ScopeEvent::Start) => return bad,
        (Running | Abandoned, ScopeEvent::Abandon) => (Abandoned, result, vec![]),
        (StopSigterm | StopSigkill | Dead | Failed, ScopeEvent::Abandon) => return bad,
        (Running | Abandoned, ScopeEvent::Stop(r)) => stop(r, vec![]),
        // Already on its way down, or down: the stop job waits for (or has) the end.
        (StopSigterm | StopSigkill | Dead | Failed, ScopeEvent::Stop(_)) => (state, result, vec![]),
        (Running | Abandoned, ScopeEvent::RuntimeMaxElapsed) => stop(
            ServiceResult::Timeout,
            vec![Log(
                LogLevel::Warning,
                "Scope reached runtime time limit. Stopping.",
            )],
        ),
        // The runtime timer is disarmed (or superseded: a stale firing never reaches the
        // table) once the scope stops.
        (StopSigterm | StopSigkill | Dead | Failed, ScopeEvent::RuntimeMaxElapsed) => return bad,
        (Running | Abandoned | StopSigterm | StopSigkill, ScopeEvent::Empty) => {
            let end = if result == ServiceResult::Success {
                (Dead, Log(LogLevel::Info, "Deactivated successfully."))
            } else {
                (Failed, LogFailedResult)
            };
            (end.0, result, vec![DisarmTimers, end.1, Release])
        }
        // Emptiness reported again (a watch and a check crossing): nothing left to do.
        (Dead | Failed, ScopeEvent::Empty) => (state, result, vec![]),
        (StopSigterm, ScopeEvent::StopTimeout) if kill.send_sigkill => (
            StopSigkill,
            ServiceResult::Timeout,
            vec![
                Log(LogLevel::Warning, "Stopping timed out. Killing."),
                Signal(ScopeSignal::FinalKill),
                ArmStopTimeout,
            ],
        ),
        (StopSigterm, ScopeEvent::StopTimeout) => (
            Failed,
            ServiceResult::Timeout,
            vec![Log(LogLevel::Warning, "Stopping timed out. Killing.")],
        ),
        (StopSigkill, ScopeEvent::StopTimeout) => (
            Failed,
            ServiceResult::Timeout,
            vec![Log(
                LogLevel::Warning,
                "Processes still around after final SIGKILL. Entering failed mode.",
            )],
        ),
        // The stop timer runs only while stopping.
        (Running | Abandoned | Dead | Failed, ScopeEvent::StopTimeout) => return bad,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATES: [ScopeState; 6] = [
        ScopeState::Dead,
        ScopeState::Running,
        ScopeState::StopSigterm,
        ScopeState::StopSigkill,
        ScopeState::Failed,
        ScopeState::Abandoned,
    ];

    fn events() -> Vec<ScopeEvent> {
        vec![
            ScopeEvent::Start,
            ScopeEvent::Stop(ServiceResult::Success),
            ScopeEvent::Stop(ServiceResult::Timeout),
            ScopeEvent::Empty,
            ScopeEvent::RuntimeMaxElapsed,
            ScopeEvent::StopTimeout,
            ScopeEvent::Abandon,
        ]
    }

    fn kills() -> Vec<ScopeKill> {
        let mut v = Vec::new();
        for none in [false, true] {
            for send_sighup in [false, true] {
                for send_sigkill in [false, true] {
                    v.push(ScopeKill {
                        none,
                        send_sighup,
                        send_sigkill,
                    });
                }
            }
        }
        v
    }

    /// The whole table: which (state, event) pairs are possible, and that every transition
    /// keeps the scope's invariants.
    #[test]
    fn the_whole_table() {
        use ScopeAction::*;
        use ScopeState::*;
        for state in STATES {
            for result in [ServiceResult::Success, ServiceResult::Timeout] {
                for event in events() {
                    for kill in kills() {
                        let got = step(state, result, event, kill);
                        let possible = match event {
                            ScopeEvent::Start => state.active_state().is_inactive_or_failed(),
                            ScopeEvent::Stop(_) | ScopeEvent::Empty => true,
                            ScopeEvent::RuntimeMaxElapsed | ScopeEvent::Abandon => {
                                matches!(state, Running | Abandoned)
                            }
                            ScopeEvent::StopTimeout => {
                                matches!(state, StopSigterm | StopSigkill)
                            }
                        };
                        let Ok((next, next_result, actions)) = got else {
                            assert!(!possible, "{state:?} {event:?} refused");
                            continue;
                        };
                        assert!(possible, "{state:?} {event:?} accepted");
                        // Signals only on the way down, and never with KillMode=none but the
                        // final SIGKILL.
                        for a in &actions {
                            if let Signal(sig) = a {
                                assert_eq!(next.active_state(), ActiveState::Deactivating);
                                assert!(!kill.none || *sig == ScopeSignal::FinalKill);
                            }
                        }
                        // Stopping always ends: a timeout is armed, or the scope is down.
                        if next != state && next.active_state() == ActiveState::Deactivating {
                            assert!(actions.contains(&ArmStopTimeout), "{state:?} {event:?}");
                        }
                        // The cgroup is released exactly when the processes are gone.
                        assert_eq!(
                            actions.contains(&Release),
                            event == ScopeEvent::Empty
                                && !state.active_state().is_inactive_or_failed()
                        );
                        // Down means failed exactly when the result is not success.
                        if next != state && next.active_state().is_inactive_or_failed() {
                            assert_eq!(
                                next == Failed,
                                next_result != ServiceResult::Success,
                                "{state:?} {event:?} → {next:?} {next_result:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_stop_that_times_out_escalates_then_fails() {
        let kill = ScopeKill {
            none: false,
            send_sighup: true,
            send_sigkill: true,
        };
        let (s, r, a) = step(
            ScopeState::Running,
            ServiceResult::Success,
            ScopeEvent::Stop(ServiceResult::Success),
            kill,
        )
        .unwrap();
        assert_eq!(s, ScopeState::StopSigterm);
        assert_eq!(
            a[1..3],
            [
                ScopeAction::Signal(ScopeSignal::Kill),
                ScopeAction::Signal(ScopeSignal::Hangup)
            ]
        );
        let (s, r, _) = step(s, r, ScopeEvent::StopTimeout, kill).unwrap();
        assert_eq!((s, r), (ScopeState::StopSigkill, ServiceResult::Timeout));
        let (s, r, _) = step(s, r, ScopeEvent::StopTimeout, kill).unwrap();
        assert_eq!((s, r), (ScopeState::Failed, ServiceResult::Timeout));
    }
}
