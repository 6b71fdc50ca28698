//! Sessions: the record the PAM module registers, the id counter, and the life cycle as a pure
//! `(phase, event) → (phase, effects)` table. I/O (signals, cgroups) is done by the caller.
//!
//! ```text
//!            Close{kill:false}                       Empty
//!  Active ───────────────────▶ Abandoned ─────────────────────────────▶ gone
//!    │       Close{kill:true}                Empty                       ▲
//!    └─────────────────────▶ Terminating ──────────────────────────────▶│
//!                               │ Timeout (SIGKILL)        Empty / Timeout
//!                               └─────────────────▶ Killing ────────────┘
//! ```

use std::time::{Duration, Instant};

/// Where a session is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Registered, the PAM process holds its connection.
    Active,
    /// Ended without killing: stays `closing` until its processes are gone.
    Abandoned,
    /// Ended with SIGTERM sent; SIGKILL at `deadline`.
    Terminating {
        /// When SIGKILL follows.
        deadline: Instant,
    },
    /// SIGKILL sent; forgotten at `deadline` even if something survives (D state).
    Killing {
        /// When the record is dropped regardless.
        deadline: Instant,
    },
}

impl Phase {
    /// `active` or `closing`, as loginctl prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Active => "active",
            _ => "closing",
        }
    }

    /// The next timer of this phase.
    pub fn deadline(self) -> Option<Instant> {
        match self {
            Phase::Terminating { deadline } | Phase::Killing { deadline } => Some(deadline),
            Phase::Active | Phase::Abandoned => None,
        }
    }
}

/// What happens to a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Its owner released it or went away, or an admin terminated it. `kill`: stop its
    /// processes (policy or terminate); `spare_leader`: the leader is the PAM process that is
    /// just closing the session itself — it exits on its own and is only killed at the timeout.
    Close {
        /// Kill the session's processes.
        kill: bool,
        /// Leave the leader out of the first signals.
        spare_leader: bool,
    },
    /// Its cgroup (or process set) became empty.
    Empty,
    /// Its phase's deadline passed.
    Timeout,
}

/// What the caller must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Send `signal` to every process of the session (but the leader if `spare_leader`).
    Signal {
        /// Signal number.
        signal: i32,
        /// Skip the leader.
        spare_leader: bool,
    },
    /// Start watching for emptiness (an immediate Empty if it is empty already).
    WatchEmpty,
    /// Remove the session's cgroup and forget it.
    Remove,
}

/// An event that cannot happen in a phase (a bug in the caller, reported, never ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("session event {event:?} is impossible in phase {phase:?}")]
pub struct BadTransition {
    /// The phase.
    pub phase: Phase,
    /// The event.
    pub event: Event,
}

/// The result of a step: the new phase (`None`: the session is gone) and effects in order.
pub type Step = (Option<Phase>, Vec<Effect>);

const SIGTERM: i32 = 15;
const SIGKILL: i32 = 9;
const SIGHUP: i32 = 1;
const SIGCONT: i32 = 18;

/// The transition table. `kill_after` is the SIGTERM → SIGKILL delay (also the time a
/// SIGKILLed session gets to disappear).
pub fn step(
    phase: Phase,
    event: Event,
    now: Instant,
    kill_after: Duration,
) -> Result<Step, BadTransition> {
    use Effect::{Remove, Signal, WatchEmpty};
    let bad = Err(BadTransition { phase, event });
    Ok(match (phase, event) {
        (Phase::Active, Event::Close { kill: false, .. }) => {
            (Some(Phase::Abandoned), vec![WatchEmpty])
        }
        (
            Phase::Active | Phase::Abandoned,
            Event::Close {
                kill: true,
                spare_leader,
            },
        ) => (
            Some(Phase::Terminating {
                deadline: now + kill_after,
            }),
            // As a session scope is stopped: SIGTERM and SIGCONT (so stopped jobs can act on
            // it), then SIGHUP for shells and programs that only listen to hang-ups.
            vec![
                Signal {
                    signal: SIGTERM,
                    spare_leader,
                },
                Signal {
                    signal: SIGCONT,
                    spare_leader,
                },
                Signal {
                    signal: SIGHUP,
                    spare_leader,
                },
                WatchEmpty,
            ],
        ),
        // Closing twice (release, then the connection drops) changes nothing.
        (Phase::Abandoned, Event::Close { kill: false, .. })
        | (Phase::Terminating { .. } | Phase::Killing { .. }, Event::Close { .. }) => {
            (Some(phase), vec![])
        }
        // An active session whose processes all exited stays registered until released.
        (Phase::Active, Event::Empty) => (Some(Phase::Active), vec![]),
        (Phase::Abandoned | Phase::Terminating { .. } | Phase::Killing { .. }, Event::Empty) => {
            (None, vec![Remove])
        }
        (Phase::Terminating { .. }, Event::Timeout) => (
            Some(Phase::Killing {
                deadline: now + kill_after,
            }),
            vec![
                Signal {
                    signal: SIGKILL,
                    spare_leader: false,
                },
                WatchEmpty,
            ],
        ),
        (Phase::Killing { .. }, Event::Timeout) => (None, vec![Remove]),
        (Phase::Active | Phase::Abandoned, Event::Timeout) => return bad,
    })
}

/// What a session is, as its login described it: everything the daemon must know of it
/// again after a restart (`persist.rs` stores it whole, beside the leader's start time and
/// the phase).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SessionInfo {
    /// Numeric id (`XDG_SESSION_ID` is its decimal form).
    pub id: u64,
    /// Owner.
    pub uid: u32,
    /// Owner's name.
    pub user: String,
    /// The PAM process.
    pub leader: u32,
    /// The leader's cgroup before the session (as `/proc/PID/cgroup` names it), to undo a
    /// session its login never learnt of.
    pub origin: Option<String>,
    /// PAM service.
    pub service: String,
    /// TTY.
    pub tty: String,
    /// Remote host.
    pub remote_host: String,
    /// Remote user.
    pub remote_user: String,
    /// `user`, `greeter`, `lock-screen`, `background`.
    pub class: String,
    /// `tty`, `x11`, `wayland`, `mir`, `web`, `unspecified`.
    pub session_type: String,
    /// Desktop.
    pub desktop: String,
    /// X11 display.
    pub display: String,
    /// Creation time, µs since the epoch.
    pub realtime_us: u64,
    /// Creation time, µs of CLOCK_MONOTONIC.
    pub monotonic_us: u64,
}

/// A registered session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// What it is.
    pub info: SessionInfo,
    /// The PAM process, held while it lives (`None`: gone, or never found again after a
    /// restart): leader signals go through it only.
    pub leader_proc: Option<crate::process::Process>,
    /// The connection that owns it (0: none — re-attached after a restart, when the leader's
    /// exit ends it instead).
    pub conn: u64,
    /// Life-cycle phase.
    pub phase: Phase,
}

impl Session {
    /// `session-N.scope`.
    pub fn scope(&self) -> String {
        format!("session-{}.scope", self.info.id)
    }

    /// Whether the session was opened from another machine.
    pub fn remote(&self) -> bool {
        !self.info.remote_host.is_empty() || !self.info.remote_user.is_empty()
    }
}

/// Session classes logind accepts.
pub const CLASSES: &[&str] = &["user", "greeter", "lock-screen", "background"];
/// Session types logind accepts.
pub const TYPES: &[&str] = &["unspecified", "tty", "x11", "wayland", "mir", "web"];

/// The class and type of a new session from the request (defaults as pam_systemd: class
/// `user`, type `tty` when there is a TTY else `unspecified`), or the offending value.
pub fn class_and_type(class: &str, ty: &str, tty: &str) -> Result<(String, String), String> {
    let class = if class.is_empty() { "user" } else { class };
    let ty = match ty {
        "" if tty.is_empty() => "unspecified",
        "" => "tty",
        t => t,
    };
    if !CLASSES.contains(&class) {
        return Err(format!("Invalid session class '{class}'"));
    }
    if !TYPES.contains(&ty) {
        return Err(format!("Invalid session type '{ty}'"));
    }
    Ok((class.to_string(), ty.to_string()))
}

/// Hands out session ids 1, 2, … The caller stores the last one (`persist.rs`), so that a
/// restarted daemon never reuses an id.
#[derive(Debug, Clone, Copy, Default)]
pub struct IdCounter {
    last: u64,
}

impl IdCounter {
    /// Go on after `last` (the stored one, or a higher id found in a session record).
    pub fn after(last: u64) -> IdCounter {
        IdCounter { last }
    }

    /// Never hand out `id` or anything below.
    pub fn skip_past(&mut self, id: u64) {
        self.last = self.last.max(id);
    }

    /// The next id.
    pub fn allocate(&mut self) -> u64 {
        self.last += 1;
        self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transition_table() {
        let now = Instant::now();
        let k = Duration::from_secs(10);
        let term = Phase::Terminating { deadline: now + k };
        let killing = Phase::Killing { deadline: now + k };
        let close = |kill, spare_leader| Event::Close { kill, spare_leader };
        let sig = |signal, spare_leader| Effect::Signal {
            signal,
            spare_leader,
        };
        let cases: Vec<(Phase, Event, Result<Step, BadTransition>)> = vec![
            (
                Phase::Active,
                close(false, true),
                Ok((Some(Phase::Abandoned), vec![Effect::WatchEmpty])),
            ),
            (
                Phase::Active,
                close(true, true),
                Ok((
                    Some(term),
                    vec![
                        sig(15, true),
                        sig(18, true),
                        sig(1, true),
                        Effect::WatchEmpty,
                    ],
                )),
            ),
            (
                Phase::Abandoned,
                close(true, false),
                Ok((
                    Some(term),
                    vec![
                        sig(15, false),
                        sig(18, false),
                        sig(1, false),
                        Effect::WatchEmpty,
                    ],
                )),
            ),
            (
                Phase::Abandoned,
                close(false, false),
                Ok((Some(Phase::Abandoned), vec![])),
            ),
            (term, close(true, false), Ok((Some(term), vec![]))),
            (killing, close(false, false), Ok((Some(killing), vec![]))),
            (
                Phase::Active,
                Event::Empty,
                Ok((Some(Phase::Active), vec![])),
            ),
            (
                Phase::Abandoned,
                Event::Empty,
                Ok((None, vec![Effect::Remove])),
            ),
            (term, Event::Empty, Ok((None, vec![Effect::Remove]))),
            (killing, Event::Empty, Ok((None, vec![Effect::Remove]))),
            (
                term,
                Event::Timeout,
                Ok((Some(killing), vec![sig(9, false), Effect::WatchEmpty])),
            ),
            (killing, Event::Timeout, Ok((None, vec![Effect::Remove]))),
            (
                Phase::Active,
                Event::Timeout,
                Err(BadTransition {
                    phase: Phase::Active,
                    event: Event::Timeout,
                }),
            ),
            (
                Phase::Abandoned,
                Event::Timeout,
                Err(BadTransition {
                    phase: Phase::Abandoned,
                    event: Event::Timeout,
                }),
            ),
        ];
        let mut bad = Vec::new();
        for (phase, event, want) in cases {
            let got = step(phase, event, now, k);
            if got != want {
                bad.push(format!("{phase:?} + {event:?}: want {want:?}, got {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
        assert_eq!(Phase::Active.as_str(), "active");
        assert_eq!(term.as_str(), "closing");
        assert_eq!(Phase::Abandoned.deadline(), None);
        assert_eq!(killing.deadline(), Some(now + k));
    }

    #[test]
    fn class_type_defaults_and_validation() {
        assert_eq!(
            class_and_type("", "", "pts/0"),
            Ok(("user".into(), "tty".into()))
        );
        assert_eq!(
            class_and_type("", "", ""),
            Ok(("user".into(), "unspecified".into()))
        );
        assert_eq!(
            class_and_type("background", "x11", ""),
            Ok(("background".into(), "x11".into()))
        );
        assert!(class_and_type("admin", "", "").is_err());
        assert!(class_and_type("", "vt100", "").is_err());
    }

    #[test]
    fn ids_go_on_after_the_last() {
        let mut c = IdCounter::after(2);
        assert_eq!(c.allocate(), 3);
        c.skip_past(7);
        assert_eq!(c.allocate(), 8);
        c.skip_past(1);
        assert_eq!(c.allocate(), 9);
    }
}
