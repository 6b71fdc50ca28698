//! The manager's start: what it answers before it is complete, and what waits.
//!
//! The environment generators (Debian's `90gpg-agent` alone takes ≥ 24 ms) and the unit
//! generators (`xdg-autostart`) run on a thread of their own ([`spawn_generators`]) while the
//! event loop already runs. Until they are done the manager is *starting*: it accepts every
//! connection and every request, answers at once only what needs no unit and no complete
//! environment — its own properties (`SystemState=initializing`) and `GetInfo` — and keeps
//! every other event, in order, to be handled once the start is complete ([`Starting`]).
//! So no unit is loaded before the generators wrote theirs, no process is started (or
//! stopped) before the environment is complete, and a crashed manager's services are
//! re-adopted from a consistent state.
//!
//! Complete means: generators done, the crashed predecessor's services re-adopted (or the
//! re-executed image's state restored), `default.target`'s start queued, the events that
//! waited handled — at the end of that turn `READY=1` goes to the supervisor (the login
//! daemon, as systemd's `user@.service` is `Type=notify`). systemd 252 sends its `READY=1`
//! later, when `basic.target` is reached, and does not answer before its generators ran.

use linger_exec::Environment;
use tokio::sync::oneshot::Receiver;

use crate::call::Call;
use crate::config::ManagerConfig;
use crate::event::Event;
use crate::generators::Message;

/// What the generators left: the environment services get, what to log, and whether unit
/// generators ran (the unit index must be rebuilt).
#[derive(Debug, Default)]
pub struct Generated {
    /// The manager environment with the environment generators' output.
    pub environment: Environment,
    /// Messages for the manager's log.
    pub log: Vec<Message>,
    /// Unit generators ran.
    pub ran: bool,
}

/// The manager is starting: events that must wait for the start to be complete.
#[derive(Debug, Default)]
pub struct Starting {
    /// Events kept, in the order they came.
    pub held: Vec<Event>,
}

/// Whether `event` is handled while the manager is starting (else it waits): a call that
/// reads no unit and not the environment services get, or a new subscriber.
pub fn answered_while_starting(event: &Event) -> bool {
    match event {
        Event::Call { call, .. } => matches!(call, Call::Manager | Call::GetInfo),
        Event::Subscribe { .. } => true,
        _ => false,
    }
}

/// Run the generators on a thread of their own, from `environment`; the result comes on the
/// returned channel. With no generator program to run (environment.d is only read), or
/// without a thread, they run here, now.
pub fn spawn_generators(config: &ManagerConfig, environment: &Environment) -> Receiver<Generated> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let run = |config: &ManagerConfig, mut environment: Environment| {
        let (log, ran) = crate::generators::run(config, &mut environment);
        Generated {
            environment,
            log,
            ran,
        }
    };
    let (c, e) = (config.clone(), environment.clone());
    let spawned = if crate::generators::any(config) {
        std::thread::Builder::new()
            .name("generators".into())
            .spawn(move || {
                let _ = tx.send(run(&c, e));
            })
            .is_ok()
    } else {
        false
    };
    if !spawned {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let _ = tx.send(run(config, environment.clone()));
        return rx;
    }
    rx
}
