//! Socket units (systemd.socket(5)): the runtime the engine keeps and its transition table
//! [`step`]. The listening file descriptors themselves belong to the manager (the engine does
//! no I/O); the table decides when they are opened, watched, handed to a service and closed,
//! and when the socket's own commands (`ExecStartPre=`, `ExecStartPost=`, `ExecStopPre=`,
//! `ExecStopPost=`) run and are signalled; engine/socket.rs feeds it events and carries out
//! its actions.
//!
//! The way up is start-pre → (open) → start-post → listening; the way down stop-pre →
//! (close) → stop-post → final-sigterm → final-sigkill → dead, each step skipped when it has
//! nothing to run or signal. A failing or timed-out command sends the socket down that way
//! with the failure as its `Result=` (the first failure of a run is the one kept).

use std::collections::{BTreeSet, VecDeque};

use linger_time::Usec;
use linger_unit::exec_line::ExecCommand;

use crate::effect::LogLevel;
use linger_wire::ActiveState;

/// A socket's sub-state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SocketState {
    /// Closed.
    #[default]
    Dead,
    /// Running `ExecStartPre=` (not open yet).
    StartPre,
    /// Open; running `ExecStartPost=`.
    StartPost,
    /// Open, waiting for traffic.
    Listening,
    /// Open; the service it activates is running and owns the traffic.
    Running,
    /// Still open; running `ExecStopPre=`.
    StopPre,
    /// Still open; `KillSignal=` sent to the unit's processes (an `ExecStopPre=` that did
    /// not end in time, or a start stopped half way).
    StopPreSigterm,
    /// Still open; `FinalKillSignal=` sent.
    StopPreSigkill,
    /// Closed; running `ExecStopPost=`.
    StopPost,
    /// Closed; `KillSignal=` sent to what is left.
    FinalSigterm,
    /// Closed; `FinalKillSignal=` sent to what is left.
    FinalSigkill,
    /// Closed after a failure.
    Failed,
}

impl SocketState {
    /// Every state (for whole-table tests and wire-name checks).
    pub const ALL: [SocketState; 12] = [
        SocketState::Dead,
        SocketState::StartPre,
        SocketState::StartPost,
        SocketState::Listening,
        SocketState::Running,
        SocketState::StopPre,
        SocketState::StopPreSigterm,
        SocketState::StopPreSigkill,
        SocketState::StopPost,
        SocketState::FinalSigterm,
        SocketState::FinalSigkill,
        SocketState::Failed,
    ];

    /// `SubState=` string.
    pub fn as_str(self) -> &'static str {
        match self {
            SocketState::Dead => "dead",
            SocketState::StartPre => "start-pre",
            SocketState::StartPost => "start-post",
            SocketState::Listening => "listening",
            SocketState::Running => "running",
            SocketState::StopPre => "stop-pre",
            SocketState::StopPreSigterm => "stop-pre-sigterm",
            SocketState::StopPreSigkill => "stop-pre-sigkill",
            SocketState::StopPost => "stop-post",
            SocketState::FinalSigterm => "final-sigterm",
            SocketState::FinalSigkill => "final-sigkill",
            SocketState::Failed => "failed",
        }
    }

    /// The generic state.
    pub fn active_state(self) -> ActiveState {
        match self {
            SocketState::Dead => ActiveState::Inactive,
            SocketState::Failed => ActiveState::Failed,
            SocketState::StartPre | SocketState::StartPost => ActiveState::Activating,
            SocketState::Listening | SocketState::Running => ActiveState::Active,
            SocketState::StopPre
            | SocketState::StopPreSigterm
            | SocketState::StopPreSigkill
            | SocketState::StopPost
            | SocketState::FinalSigterm
            | SocketState::FinalSigkill => ActiveState::Deactivating,
        }
    }

    /// Whether the listening sockets are open in this state.
    pub fn is_open(self) -> bool {
        match self {
            SocketState::StartPost
            | SocketState::Listening
            | SocketState::Running
            | SocketState::StopPre
            | SocketState::StopPreSigterm
            | SocketState::StopPreSigkill => true,
            SocketState::Dead
            | SocketState::StartPre
            | SocketState::StopPost
            | SocketState::FinalSigterm
            | SocketState::FinalSigkill
            | SocketState::Failed => false,
        }
    }

    /// Whether `TimeoutSec=` runs in this state (a command runs or a signal was sent).
    pub fn has_timeout(self) -> bool {
        match self {
            SocketState::StartPre
            | SocketState::StartPost
            | SocketState::StopPre
            | SocketState::StopPreSigterm
            | SocketState::StopPreSigkill
            | SocketState::StopPost
            | SocketState::FinalSigterm
            | SocketState::FinalSigkill => true,
            SocketState::Dead
            | SocketState::Listening
            | SocketState::Running
            | SocketState::Failed => false,
        }
    }
}

/// Which of the socket's command lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SocketCommands {
    /// `ExecStartPre=`
    StartPre,
    /// `ExecStartPost=`
    StartPost,
    /// `ExecStopPre=`
    StopPre,
    /// `ExecStopPost=`
    StopPost,
}

impl SocketCommands {
    /// The directive's name.
    pub fn directive(self) -> &'static str {
        match self {
            SocketCommands::StartPre => "ExecStartPre",
            SocketCommands::StartPost => "ExecStartPost",
            SocketCommands::StopPre => "ExecStopPre",
            SocketCommands::StopPost => "ExecStopPost",
        }
    }
}

/// A socket's runtime.
#[derive(Debug, Clone, Default)]
pub struct SocketRuntime {
    /// Sub-state.
    pub state: SocketState,
    /// `Result=`: `success`, `resources`, `trigger-limit-hit`, `service-start-limit-hit`,
    /// `exit-code`, `signal`, `core-dump`, `timeout`.
    pub result: &'static str,
    /// `NAccepted=`: connections accepted (Accept=yes).
    pub accepted: u64,
    /// `NRefused=`: connections refused (MaxConnections= reached).
    pub refused: u64,
    /// The live per-connection service instances (Accept=yes); `NConnections=` is its size.
    pub connections: BTreeSet<String>,
    /// Recent activations (monotonic µs), for `TriggerLimitIntervalSec=`/`TriggerLimitBurst=`.
    pub(crate) triggers: VecDeque<Usec>,
    /// `ControlPID=`: the command running now.
    pub control: Option<u32>,
    /// The list that command comes from, and the commands after it.
    pub(crate) commands: Option<SocketCommands>,
    pub(crate) queue: VecDeque<ExecCommand>,
    /// The running command may fail (`-` prefix).
    pub(crate) ignore_failure: bool,
    /// Stale-firing guard for the `TimeoutSec=` timer.
    pub(crate) generation: u64,
    /// The run's invocation id (`$INVOCATION_ID` of its commands).
    pub invocation_id: String,
    /// The manager holds the listening fds again (re-exec, crash recovery): the next start
    /// is [`SocketEvent::Restored`].
    pub(crate) restored: bool,
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

/// A socket unit caught on its way up with one of its start command lists running, as crash
/// recovery writes it down (systemd serializes a socket's state, control process and
/// command): enough for the next manager to go on from there — the commands that ran do not
/// run again, the one that runs is waited for, the ones after it follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SocketMidway {
    /// `StartPre` or `StartPost`.
    pub state: SocketState,
    /// Commands of the state's list started so far (the running one included).
    pub started: usize,
    /// The running command's pid.
    pub control: Option<u32>,
}

/// What can happen to a socket unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SocketEvent {
    /// A start job (conditions passed).
    Start,
    /// A start job of a socket whose listening fds were kept across a re-exec or a crash of
    /// the manager: up again as it was, without running its start commands again.
    Restored,
    /// The listening sockets were opened (after [`SocketAction::Open`]).
    Opened,
    /// The listening sockets could not be opened.
    OpenFailed,
    /// The running command list ended: `None` when every command succeeded (or may fail),
    /// else the `Result=` of the one that failed (`exit-code`, `signal`, `core-dump`, or
    /// `resources` when it could not be spawned).
    CommandsDone(Option<&'static str>),
    /// No process of the unit is left (after a signal; never while a command runs).
    Empty,
    /// `TimeoutSec=` elapsed.
    Timeout,
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

/// Which of the unit's kill signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SocketSignal {
    /// `KillSignal=` (and SIGHUP with `SendSIGHUP=yes`).
    Term,
    /// `FinalKillSignal=`.
    Kill,
}

/// What the engine does for a socket transition, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SocketAction {
    /// Watch the listening sockets for traffic (true) or stop watching them.
    Watch(bool),
    /// Open the listening sockets (answered by [`SocketEvent::Opened`]/[`SocketEvent::OpenFailed`]).
    Open,
    /// Close the listening sockets (removing `RemoveOnStop=` files).
    Close,
    /// Queue a start job for the service.
    Activate,
    /// Run a command list, one command at a time, as the control process (its end is
    /// [`SocketEvent::CommandsDone`]); arms `TimeoutSec=`.
    Run(SocketCommands),
    /// Signal the unit's processes and watch for them to be gone; arms `TimeoutSec=`.
    Signal(SocketSignal),
    /// A line in the unit's log.
    Log(LogLevel, &'static str),
}

impl crate::table::StagedAction for SocketAction {
    /// Letting go of the sockets (and the log line saying why) comes first: a restart's
    /// start half opens them again at once.
    fn before_state(self) -> bool {
        match self {
            SocketAction::Watch(false) | SocketAction::Close | SocketAction::Log(..) => true,
            SocketAction::Watch(true)
            | SocketAction::Open
            | SocketAction::Activate
            | SocketAction::Run(_)
            | SocketAction::Signal(_) => false,
        }
    }
}

/// How `Result=` changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultChange {
    /// It stays.
    Keep,
    /// A new run: `success`.
    Reset,
    /// A failure: it becomes this unless the run failed already (the first failure is kept).
    Fail(&'static str),
}

/// What [`step`] decides by besides the state and the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SocketContext {
    /// `ExecStartPre=` is not empty.
    pub start_pre: bool,
    /// `ExecStartPost=` is not empty.
    pub start_post: bool,
    /// `ExecStopPre=` is not empty.
    pub stop_pre: bool,
    /// `ExecStopPost=` is not empty.
    pub stop_post: bool,
    /// `SendSIGKILL=`.
    pub send_sigkill: bool,
    /// Some process of the unit is left to signal.
    pub processes: bool,
    /// The activated service already runs (started directly): it owns the traffic.
    pub service_up: bool,
    /// The run has failed already (`Result=` is not `success`).
    pub failed: bool,
}

/// An event that cannot happen in a socket's state.
pub type BadTransition = crate::table::BadTransition<SocketState, SocketEvent>;

impl crate::table::TableState for SocketState {
    const UNIT_TYPE: &'static str = "socket";
    fn name(self) -> &'static str {
        self.as_str()
    }
}

/// A transition: the new state, how `Result=` changes, the actions in order.
pub type SocketStep = (SocketState, ResultChange, Vec<SocketAction>);

/// The steps of the way up and down, each skipped when it has nothing to do (the states
/// between two events of [`step`]).
struct Path {
    from: SocketState,
    cx: SocketContext,
}

impl Path {
    fn stay(&self) -> SocketStep {
        (self.from, ResultChange::Keep, vec![])
    }

    fn start_pre(&self) -> SocketStep {
        if self.cx.start_pre {
            (
                SocketState::StartPre,
                ResultChange::Reset,
                vec![SocketAction::Run(SocketCommands::StartPre)],
            )
        } else {
            (self.from, ResultChange::Reset, vec![SocketAction::Open])
        }
    }

    fn start_post(&self) -> SocketStep {
        if self.cx.start_post {
            (
                SocketState::StartPost,
                ResultChange::Keep,
                vec![SocketAction::Run(SocketCommands::StartPost)],
            )
        } else {
            self.listening()
        }
    }

    fn listening(&self) -> SocketStep {
        let next = if self.cx.service_up {
            SocketState::Running
        } else {
            SocketState::Listening
        };
        (next, ResultChange::Keep, vec![])
    }

    fn stop_pre(&self, f: Option<&'static str>) -> SocketStep {
        if self.cx.stop_pre {
            let run = vec![SocketAction::Run(SocketCommands::StopPre)];
            (SocketState::StopPre, change(f), run)
        } else {
            self.stop_post(f)
        }
    }

    fn stop_post(&self, f: Option<&'static str>) -> SocketStep {
        if self.cx.stop_post {
            let run = vec![SocketAction::Run(SocketCommands::StopPost)];
            (SocketState::StopPost, change(f), run)
        } else {
            self.signal(SocketState::FinalSigterm, f)
        }
    }

    /// Signal what is left (`to`: one of the four signal states); with nothing left, on to
    /// the step after it.
    fn signal(&self, to: SocketState, f: Option<&'static str>) -> SocketStep {
        let signal = match to {
            SocketState::StopPreSigkill | SocketState::FinalSigkill => SocketSignal::Kill,
            _ => SocketSignal::Term,
        };
        if self.cx.processes {
            (to, change(f), vec![SocketAction::Signal(signal)])
        } else if matches!(
            to,
            SocketState::StopPreSigterm | SocketState::StopPreSigkill
        ) {
            self.stop_post(f)
        } else {
            self.dead(f)
        }
    }

    fn dead(&self, f: Option<&'static str>) -> SocketStep {
        let next = if self.cx.failed || f.is_some() {
            SocketState::Failed
        } else {
            SocketState::Dead
        };
        (next, change(f), vec![])
    }

    fn log(&self, text: &'static str, (state, result, mut actions): SocketStep) -> SocketStep {
        actions.insert(0, SocketAction::Log(LogLevel::Warning, text));
        (state, result, actions)
    }
}

fn change(f: Option<&'static str>) -> ResultChange {
    f.map_or(ResultChange::Keep, ResultChange::Fail)
}

/// The socket's transition table. Watching and closing follow from the states alone and
/// are added here, once: a step out of `listening` stops watching, one into it watches, one
/// from an open state to a closed one closes.
pub fn step(
    state: SocketState,
    event: SocketEvent,
    cx: SocketContext,
) -> Result<SocketStep, BadTransition> {
    let (next, result, mut actions) = table(state, event, cx)?;
    if next != state {
        if state == SocketState::Listening {
            actions.insert(0, SocketAction::Watch(false));
        }
        if state.is_open() && !next.is_open() {
            actions.insert(0, SocketAction::Close);
        }
        if next == SocketState::Listening {
            actions.push(SocketAction::Watch(true));
        }
    }
    Ok((next, result, actions))
}

fn table(
    state: SocketState,
    event: SocketEvent,
    cx: SocketContext,
) -> Result<SocketStep, BadTransition> {
    use SocketState::*;
    let bad = Err(BadTransition { state, event });
    let p = Path { from: state, cx };
    Ok(match event {
        SocketEvent::Start => match state {
            Dead | Failed => p.start_pre(),
            // A start job on a socket on its way or up is done (or waits) before it gets here.
            StartPre | StartPost | Listening | Running | StopPre | StopPreSigterm
            | StopPreSigkill | StopPost | FinalSigterm | FinalSigkill => return bad,
        },
        SocketEvent::Restored => match state {
            Dead | Failed => {
                let (next, _, actions) = p.listening();
                (next, ResultChange::Reset, actions)
            }
            StartPre | StartPost | Listening | Running | StopPre | StopPreSigterm
            | StopPreSigkill | StopPost | FinalSigterm | FinalSigkill => return bad,
        },
        SocketEvent::Opened => match state {
            Dead | Failed | StartPre => p.start_post(),
            StartPost | Listening | Running | StopPre | StopPreSigterm | StopPreSigkill
            | StopPost | FinalSigterm | FinalSigkill => return bad,
        },
        SocketEvent::OpenFailed => match state {
            Dead | Failed | StartPre => p.stop_pre(Some("resources")),
            StartPost | Listening | Running | StopPre | StopPreSigterm | StopPreSigkill
            | StopPost | FinalSigterm | FinalSigkill => return bad,
        },
        SocketEvent::CommandsDone(f) => match state {
            StartPre if f.is_none() => (StartPre, ResultChange::Keep, vec![SocketAction::Open]),
            StartPre => p.signal(FinalSigterm, f),
            StartPost if f.is_none() => p.listening(),
            StartPost => p.stop_pre(f),
            StopPre | StopPreSigterm | StopPreSigkill => p.stop_post(f),
            StopPost | FinalSigterm | FinalSigkill => p.dead(f),
            // No command runs in these states.
            Dead | Listening | Running | Failed => return bad,
        },
        SocketEvent::Empty => match state {
            StopPreSigterm | StopPreSigkill => p.stop_post(None),
            FinalSigterm | FinalSigkill => p.dead(None),
            // A report crossing a step (nothing was signalled in these states).
            Dead | StartPre | StartPost | Listening | Running | StopPre | StopPost | Failed => {
                p.stay()
            }
        },
        SocketEvent::Timeout => match state {
            StartPre => p.log(
                "Starting timed out. Terminating.",
                p.signal(FinalSigterm, Some("timeout")),
            ),
            StartPost => p.log("Starting timed out. Stopping.", p.stop_pre(Some("timeout"))),
            StopPre => p.log(
                "Stopping timed out. Terminating.",
                p.signal(StopPreSigterm, Some("timeout")),
            ),
            StopPreSigterm if cx.send_sigkill => p.log(
                "Stopping timed out. Killing.",
                p.signal(StopPreSigkill, Some("timeout")),
            ),
            StopPreSigterm => p.log(
                "Stopping timed out. Skipping SIGKILL. Ignoring.",
                p.stop_post(Some("timeout")),
            ),
            StopPreSigkill => p.log(
                "Processes still around after SIGKILL. Ignoring.",
                p.stop_post(Some("timeout")),
            ),
            StopPost => p.log(
                "Stopping timed out (2). Terminating.",
                p.signal(FinalSigterm, Some("timeout")),
            ),
            FinalSigterm if cx.send_sigkill => p.log(
                "Stopping timed out (2). Killing.",
                p.signal(FinalSigkill, Some("timeout")),
            ),
            FinalSigterm => p.log(
                "Stopping timed out (2). Skipping SIGKILL. Ignoring.",
                p.dead(Some("timeout")),
            ),
            FinalSigkill => p.log(
                "Still around after SIGKILL (2). Entering failed mode.",
                p.dead(Some("timeout")),
            ),
            // The timer runs only in the states above (stale firings never get here).
            Dead | Listening | Running | Failed => return bad,
        },
        SocketEvent::Stop => match state {
            Listening | Running => p.stop_pre(None),
            // A start half way: its command is stopped first.
            StartPre | StartPost => p.signal(StopPreSigterm, None),
            // Already on its way down: the stop job waits for the end.
            StopPre | StopPreSigterm | StopPreSigkill | StopPost | FinalSigterm | FinalSigkill => {
                p.stay()
            }
            // A stop job on a closed socket is done before it reaches the socket.
            Dead | Failed => return bad,
        },
        SocketEvent::Traffic => match state {
            Listening => (Listening, ResultChange::Keep, vec![SocketAction::Activate]),
            // Readiness reported before the sockets were handed over or closed: the service
            // (or nobody) owns the traffic now.
            Dead | StartPre | StartPost | Running | StopPre | StopPreSigterm | StopPreSigkill
            | StopPost | FinalSigterm | FinalSigkill | Failed => p.stay(),
        },
        SocketEvent::TriggerLimitHit => match state {
            // Accept=yes sockets count their connections while the service runs too.
            Listening | Running => p.stop_pre(Some("trigger-limit-hit")),
            Dead | StartPre | StartPost | StopPre | StopPreSigterm | StopPreSigkill | StopPost
            | FinalSigterm | FinalSigkill | Failed => return bad,
        },
        SocketEvent::ActivationFailed => match state {
            Listening | Running => p.stop_pre(Some("resources")),
            Dead | StartPre | StartPost | StopPre | StopPreSigterm | StopPreSigkill | StopPost
            | FinalSigterm | FinalSigkill | Failed => return bad,
        },
        SocketEvent::ServiceUp => match state {
            Listening => (Running, ResultChange::Keep, vec![]),
            // Handed over already (a restart's start half), not open yet (it learns at the
            // end of its start whether the service runs), or going down: a stopped socket
            // does not follow the service.
            Dead | StartPre | StartPost | Running | StopPre | StopPreSigterm | StopPreSigkill
            | StopPost | FinalSigterm | FinalSigkill | Failed => p.stay(),
        },
        SocketEvent::ServiceDown { start_limit_hit } => match state {
            Running if start_limit_hit => p.stop_pre(Some("service-start-limit-hit")),
            Running => (Listening, ResultChange::Keep, vec![]),
            // Never handed over (the service went down before it came up), or closed.
            Dead | StartPre | StartPost | Listening | StopPre | StopPreSigterm | StopPreSigkill
            | StopPost | FinalSigterm | FinalSigkill | Failed => p.stay(),
        },
        SocketEvent::ServiceStartEnded => match state {
            // The traffic is still there: watch for it again.
            Listening => (
                Listening,
                ResultChange::Keep,
                vec![SocketAction::Watch(true)],
            ),
            Dead | StartPre | StartPost | Running | StopPre | StopPreSigterm | StopPreSigkill
            | StopPost | FinalSigterm | FinalSigkill | Failed => p.stay(),
        },
    })
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

    fn events() -> Vec<SocketEvent> {
        vec![
            SocketEvent::Start,
            SocketEvent::Restored,
            SocketEvent::Opened,
            SocketEvent::OpenFailed,
            SocketEvent::CommandsDone(None),
            SocketEvent::CommandsDone(Some("exit-code")),
            SocketEvent::Empty,
            SocketEvent::Timeout,
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

    fn contexts() -> impl Iterator<Item = SocketContext> {
        (0u8..=255).map(|bits| {
            let b = |i: u8| bits & (1 << i) != 0;
            SocketContext {
                start_pre: b(0),
                start_post: b(1),
                stop_pre: b(2),
                stop_post: b(3),
                send_sigkill: b(4),
                processes: b(5),
                service_up: b(6),
                failed: b(7),
            }
        })
    }

    /// The state a command list runs in, and the signal a signal state was entered with.
    fn runs_in(list: SocketCommands) -> SocketState {
        match list {
            SocketCommands::StartPre => SocketState::StartPre,
            SocketCommands::StartPost => SocketState::StartPost,
            SocketCommands::StopPre => SocketState::StopPre,
            SocketCommands::StopPost => SocketState::StopPost,
        }
    }

    fn listed(list: SocketCommands, cx: SocketContext) -> bool {
        match list {
            SocketCommands::StartPre => cx.start_pre,
            SocketCommands::StartPost => cx.start_post,
            SocketCommands::StopPre => cx.stop_pre,
            SocketCommands::StopPost => cx.stop_post,
        }
    }

    /// The whole table, in every context: refusals exactly where the rule below says an
    /// event cannot happen, and every transition keeps the socket's invariants.
    #[test]
    fn the_whole_table() {
        use SocketAction::*;
        use SocketState::*;
        for cx in contexts() {
            for state in SocketState::ALL {
                for event in events() {
                    let possible = match event {
                        // Jobs reach the socket only when they change something.
                        SocketEvent::Start | SocketEvent::Restored => {
                            matches!(state, Dead | Failed)
                        }
                        SocketEvent::Opened | SocketEvent::OpenFailed => {
                            matches!(state, Dead | Failed | StartPre)
                        }
                        SocketEvent::Stop => !state.active_state().is_inactive_or_failed(),
                        // A command runs, or a timer is armed, only in these states.
                        SocketEvent::CommandsDone(_) | SocketEvent::Timeout => state.has_timeout(),
                        // Only an open socket counts activations or queues them.
                        SocketEvent::TriggerLimitHit | SocketEvent::ActivationFailed => {
                            matches!(state, Listening | Running)
                        }
                        SocketEvent::Empty
                        | SocketEvent::Traffic
                        | SocketEvent::ServiceUp
                        | SocketEvent::ServiceDown { .. }
                        | SocketEvent::ServiceStartEnded => true,
                    };
                    let what = format!("{state:?} {event:?} {cx:?}");
                    let Ok((next, result, actions)) = step(state, event, cx) else {
                        assert!(!possible, "refused: {what}");
                        continue;
                    };
                    assert!(possible, "accepted: {what}");
                    if next != state {
                        // Watched exactly while listening.
                        assert_eq!(actions.contains(&Watch(true)), next == Listening, "{what}");
                        assert_eq!(
                            actions.contains(&Watch(false)),
                            state == Listening,
                            "{what}"
                        );
                        // A state with a timeout is entered with the command or signal
                        // that arms it.
                        if next.has_timeout() {
                            assert!(
                                actions.iter().any(|a| matches!(a, Run(_) | Signal(_))),
                                "{what}"
                            );
                        }
                    }
                    // Closed exactly when the socket goes from open to closed.
                    assert_eq!(
                        actions.contains(&Close),
                        state.is_open() && !next.is_open(),
                        "{what}"
                    );
                    for a in &actions {
                        match *a {
                            // Opened from a closed state the open answer is possible in.
                            Open => assert!(matches!(next, Dead | Failed | StartPre), "{what}"),
                            // A list runs only when it has commands, in its own state.
                            Run(list) => {
                                assert!(listed(list, cx), "{what}");
                                assert_eq!(next, runs_in(list), "{what}");
                            }
                            // Signals only with something to signal; SIGKILL only when
                            // SendSIGKILL= allows it.
                            Signal(s) => {
                                assert!(cx.processes, "{what}");
                                let kill = matches!(next, StopPreSigkill | FinalSigkill);
                                let term = matches!(next, StopPreSigterm | FinalSigterm);
                                assert!(
                                    (s == SocketSignal::Kill && kill && cx.send_sigkill)
                                        || (s == SocketSignal::Term && term),
                                    "{what}"
                                );
                            }
                            Watch(_) | Close | Activate | Log(..) => {}
                        }
                    }
                    // The service is activated only by traffic on a listening socket.
                    assert_eq!(
                        actions.contains(&Activate),
                        state == Listening && event == SocketEvent::Traffic,
                        "{what}"
                    );
                    // Only a start begins a new run; a run ends failed exactly when it failed.
                    assert_eq!(
                        result == ResultChange::Reset,
                        matches!(event, SocketEvent::Start | SocketEvent::Restored),
                        "{what}"
                    );
                    // A restored socket runs nothing and opens nothing: it is open.
                    if event == SocketEvent::Restored {
                        assert!(next.is_open(), "{what}");
                        assert!(
                            !actions.iter().any(|a| matches!(a, Run(_) | Open)),
                            "{what}"
                        );
                    }
                    if next != state && next == Failed {
                        assert!(
                            cx.failed || matches!(result, ResultChange::Fail(_)),
                            "{what}"
                        );
                    }
                    if next != state && next == Dead {
                        assert!(!cx.failed && result == ResultChange::Keep, "{what}");
                    }
                }
            }
        }
    }

    /// Debian's dbus.socket: `ExecStartPost=-…` runs once the socket is open, and the socket
    /// listens when it ends; a failing `ExecStartPost=` takes the socket down, closed.
    #[test]
    fn a_start_with_start_post_opens_then_runs_it() {
        let cx = SocketContext {
            start_post: true,
            send_sigkill: true,
            ..SocketContext::default()
        };
        let (s, r, a) = step(SocketState::Dead, SocketEvent::Start, cx).unwrap();
        assert_eq!(
            (s, r, a),
            (
                SocketState::Dead,
                ResultChange::Reset,
                vec![SocketAction::Open]
            )
        );
        let (s, _, a) = step(s, SocketEvent::Opened, cx).unwrap();
        assert_eq!(s, SocketState::StartPost);
        assert_eq!(a, vec![SocketAction::Run(SocketCommands::StartPost)]);
        let (s, _, a) = step(s, SocketEvent::CommandsDone(None), cx).unwrap();
        assert_eq!(
            (s, a),
            (SocketState::Listening, vec![SocketAction::Watch(true)])
        );
        let (s, r, a) = step(
            SocketState::StartPost,
            SocketEvent::CommandsDone(Some("exit-code")),
            cx,
        )
        .unwrap();
        assert_eq!(
            (s, r, a),
            (
                SocketState::Failed,
                ResultChange::Fail("exit-code"),
                vec![SocketAction::Close]
            )
        );
    }
}
