//! Socket units (systemd.socket(5)): the runtime the engine keeps and its transition table
//! [`step`]. The listening file descriptors themselves belong to the manager (the engine does
//! no I/O); the table decides when they are watched, handed to a service and closed, and
//! engine/activation.rs feeds it events and carries out its actions.

use std::collections::{BTreeSet, VecDeque};

use linger_time::Usec;

use linger_wire::ActiveState;

/// A socket's sub-state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SocketState {
    /// Closed.
    #[default]
    Dead,
    /// Open, waiting for traffic.
    Listening,
    /// Open; the service it activates is running and owns the traffic.
    Running,
    /// Closed after a failure.
    Failed,
}

impl SocketState {
    /// `SubState=` string.
    pub fn as_str(self) -> &'static str {
        match self {
            SocketState::Dead => "dead",
            SocketState::Listening => "listening",
            SocketState::Running => "running",
            SocketState::Failed => "failed",
        }
    }

    /// The generic state.
    pub fn active_state(self) -> ActiveState {
        match self {
            SocketState::Dead => ActiveState::Inactive,
            SocketState::Failed => ActiveState::Failed,
            SocketState::Listening | SocketState::Running => ActiveState::Active,
        }
    }
}

/// A socket's runtime.
#[derive(Debug, Clone, Default)]
pub struct SocketRuntime {
    /// Sub-state.
    pub state: SocketState,
    /// `Result=`: `success`, `resources`, `trigger-limit-hit`, `service-start-limit-hit`.
    pub result: &'static str,
    /// `NAccepted=`: connections accepted (Accept=yes).
    pub accepted: u64,
    /// `NRefused=`: connections refused (MaxConnections= reached).
    pub refused: u64,
    /// The live per-connection service instances (Accept=yes); `NConnections=` is its size.
    pub connections: BTreeSet<String>,
    /// Recent activations (monotonic µs), for `TriggerLimitIntervalSec=`/`TriggerLimitBurst=`.
    pub(crate) triggers: VecDeque<Usec>,
}

impl SocketRuntime {
    /// Record an activation at `now`; false when it exceeds `burst` within `interval`.
    pub(crate) fn note_trigger(&mut self, now: Usec, interval: Usec, burst: u32) -> bool {
        if interval == 0 || burst == 0 {
            return true;
        }
        while self
            .triggers
            .front()
            .is_some_and(|&t| now.saturating_sub(t) >= interval)
        {
            self.triggers.pop_front();
        }
        if self.triggers.len() >= burst as usize {
            return false;
        }
        self.triggers.push_back(now);
        true
    }
}

/// What can happen to a socket unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SocketEvent {
    /// A start job opened the listening sockets; `service_up`: the service they activate
    /// already runs (started directly) and owns the traffic.
    Opened {
        /// The activated service is up.
        service_up: bool,
    },
    /// A start job could not open the listening sockets.
    OpenFailed,
    /// A stop job.
    Stop,
    /// Traffic on the listening sockets (`Accept=no`); the trigger limit passed.
    Traffic,
    /// The activations came too fast (`TriggerLimitBurst=`).
    TriggerLimitHit,
    /// The start job for the service could not be queued.
    ActivationFailed,
    /// The activated service came up.
    ServiceUp,
    /// The activated service went down; `start_limit_hit`: it hit its start limit.
    ServiceDown {
        /// The service failed with `start-limit-hit`.
        start_limit_hit: bool,
    },
    /// The service's start job ended without the service coming up.
    ServiceStartEnded,
}

/// What the engine does for a socket transition, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SocketAction {
    /// Watch the listening sockets for traffic (true) or stop watching them.
    Watch(bool),
    /// Close the listening sockets (removing `RemoveOnStop=` files).
    Close,
    /// Queue a start job for the service.
    Activate,
}

impl SocketAction {
    /// Whether the action is done before the new state is published: publishing it may
    /// finish a job whose next step (a restart's start half) opens the sockets again at
    /// once, so letting go of them must come first.
    pub fn before_state(self) -> bool {
        match self {
            SocketAction::Watch(false) | SocketAction::Close => true,
            SocketAction::Watch(true) | SocketAction::Activate => false,
        }
    }
}

/// An event that cannot happen in a state (a bug in the engine, reported, never ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("socket event {event:?} is impossible in state {}", state.as_str())]
pub struct BadTransition {
    /// The state.
    pub state: SocketState,
    /// The event.
    pub event: SocketEvent,
}

/// A transition: the new state, the new `Result=` if it changes, the actions in order.
pub type SocketStep = (SocketState, Option<&'static str>, Vec<SocketAction>);

/// The socket's transition table.
pub fn step(state: SocketState, event: SocketEvent) -> Result<SocketStep, BadTransition> {
    use SocketAction::*;
    use SocketState::*;
    let bad = Err(BadTransition { state, event });
    let stay = Ok((state, None, vec![]));
    let fail = |result| Ok((Failed, Some(result), vec![Watch(false), Close]));
    match event {
        SocketEvent::Opened { service_up } => match state {
            Dead | Failed if service_up => Ok((Running, Some("success"), vec![])),
            Dead | Failed => Ok((Listening, Some("success"), vec![Watch(true)])),
            // A start job on an open socket is done before it opens anything.
            Listening | Running => bad,
        },
        SocketEvent::OpenFailed => match state {
            Dead | Failed => Ok((Failed, Some("resources"), vec![])),
            Listening | Running => bad,
        },
        SocketEvent::Stop => match state {
            Listening | Running => Ok((Dead, None, vec![Watch(false), Close])),
            // A stop job on a closed socket is done before it reaches the socket.
            Dead | Failed => bad,
        },
        SocketEvent::Traffic => match state {
            Listening => Ok((Listening, None, vec![Activate])),
            // Readiness reported before the sockets were handed over or closed: the service
            // (or nobody) owns the traffic now.
            Running | Dead | Failed => stay,
        },
        SocketEvent::TriggerLimitHit => match state {
            Listening => fail("trigger-limit-hit"),
            // Accept=yes sockets count their connections while the service runs too.
            Running => fail("trigger-limit-hit"),
            Dead | Failed => bad,
        },
        SocketEvent::ActivationFailed => match state {
            Listening | Running => fail("resources"),
            Dead | Failed => bad,
        },
        SocketEvent::ServiceUp => match state {
            Listening => Ok((Running, None, vec![Watch(false)])),
            // Handed over already (a restart's start half), or closed: a stopped socket
            // does not follow the service.
            Running | Dead | Failed => stay,
        },
        SocketEvent::ServiceDown { start_limit_hit } => match state {
            Running if start_limit_hit => fail("service-start-limit-hit"),
            Running => Ok((Listening, None, vec![Watch(true)])),
            // Never handed over (the service went down before it came up), or closed.
            Listening | Dead | Failed => stay,
        },
        SocketEvent::ServiceStartEnded => match state {
            // The traffic is still there: watch for it again.
            Listening => Ok((Listening, None, vec![Watch(true)])),
            Running | Dead | Failed => stay,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigger_limit_counts_within_the_interval_only() {
        let mut s = SocketRuntime::default();
        for i in 0..20 {
            assert!(s.note_trigger(i * 1000, 2_000_000, 20));
        }
        assert!(!s.note_trigger(30_000, 2_000_000, 20));
        // Two seconds after the first ones they have aged out.
        assert!(s.note_trigger(2_000_000 + 20_000, 2_000_000, 20));
    }

    const STATES: [SocketState; 4] = [
        SocketState::Dead,
        SocketState::Listening,
        SocketState::Running,
        SocketState::Failed,
    ];

    fn events() -> Vec<SocketEvent> {
        vec![
            SocketEvent::Opened { service_up: false },
            SocketEvent::Opened { service_up: true },
            SocketEvent::OpenFailed,
            SocketEvent::Stop,
            SocketEvent::Traffic,
            SocketEvent::TriggerLimitHit,
            SocketEvent::ActivationFailed,
            SocketEvent::ServiceUp,
            SocketEvent::ServiceDown {
                start_limit_hit: false,
            },
            SocketEvent::ServiceDown {
                start_limit_hit: true,
            },
            SocketEvent::ServiceStartEnded,
        ]
    }

    /// The whole table: refusals exactly where the rule below says an event cannot happen,
    /// and every transition keeps the socket's invariants.
    #[test]
    fn the_whole_table() {
        use SocketAction::*;
        use SocketState::*;
        for state in STATES {
            for event in events() {
                let open = state.active_state() == ActiveState::Active;
                let possible = match event {
                    // Jobs reach the socket only when they change something.
                    SocketEvent::Opened { .. } | SocketEvent::OpenFailed => !open,
                    SocketEvent::Stop => open,
                    // Only an open socket counts activations or queues them.
                    SocketEvent::TriggerLimitHit | SocketEvent::ActivationFailed => open,
                    SocketEvent::Traffic
                    | SocketEvent::ServiceUp
                    | SocketEvent::ServiceDown { .. }
                    | SocketEvent::ServiceStartEnded => true,
                };
                let Ok((next, result, actions)) = step(state, event) else {
                    assert!(!possible, "{state:?} {event:?} refused");
                    continue;
                };
                assert!(possible, "{state:?} {event:?} accepted");
                // Watched exactly while listening: a transition into listening watches, one
                // out of it stops watching.
                if next != state {
                    assert_eq!(
                        actions.contains(&Watch(true)),
                        next == Listening,
                        "{state:?} {event:?}"
                    );
                    if state == Listening {
                        assert!(actions.contains(&Watch(false)), "{state:?} {event:?}");
                    }
                }
                // Closed exactly when the socket goes down from open.
                assert_eq!(
                    actions.contains(&Close),
                    open && !next.active_state().is_active_or_reloading(),
                    "{state:?} {event:?}"
                );
                // Failed exactly with a result other than success.
                if next == Failed && next != state {
                    assert!(result.is_some_and(|r| r != "success"));
                }
                // The service is activated only by traffic on a listening socket.
                assert_eq!(
                    actions.contains(&Activate),
                    state == Listening && event == SocketEvent::Traffic
                );
            }
        }
    }
}
