//! How a front end talks to the manager: a typed [`Call`] submitted through [`Requests`]
//! (a cheap, cloneable handle onto the event loop's queue), answered with an [`Answer`] or a
//! [`ManagerError`]; and a stream of [`Change`]s for those who watch (D-Bus signals, the CLI's
//! `--wait`s).
//!
//! ```text
//!  varlink connection ─┐                     ┌─▶ Manager::handle(Event::Call{call, reply})
//!  D-Bus front end ────┼─ Requests::call ──▶ │        … engine, effects, persist …
//!  (any task)          ┘   (Event queue)     └─◀ reply.send(Result<Answer, ManagerError>)
//! ```
//!
//! A call is carried out in one turn of the event loop, and its reply is sent at the end of
//! that turn, after the turn's changes are written down for crash recovery; a job call that
//! waits (`no_block: false`) is answered in the turn its last job finishes.

use linger_ipc::manager::{Change, ErrorKind, ManagerError, SubscribeRequest};
use tokio::sync::{mpsc, oneshot};

pub use crate::call::{Answer, Call, ReplyTo};
use crate::event::Event;
use crate::published::{PublishedStates, UnitState};

/// How many changes a subscriber may have unread before it is dropped (its stream ends): a
/// client that does not read cannot make the manager hold an unbounded backlog.
pub const SUBSCRIBER_BACKLOG: usize = 4096;

/// A handle onto the manager's request queue, for front ends (the varlink server, D-Bus).
/// Cheap to clone; usable from any task on the manager's thread or elsewhere.
#[derive(Debug, Clone)]
pub struct Requests {
    events: mpsc::UnboundedSender<Event>,
    states: PublishedStates,
}

impl Requests {
    pub(crate) fn new(events: mpsc::UnboundedSender<Event>, states: PublishedStates) -> Requests {
        Requests { events, states }
    }

    /// The states of the loaded unit whose id is `id` as the manager's last turn left them
    /// (published.rs), without a turn of the event loop; None: no unit has that id (not
    /// loaded, or an alias), ask with [`Requests::call`].
    pub fn unit_state(&self, id: &str) -> Option<UnitState> {
        self.states.get(id)
    }

    /// Marked changed after each turn that changed what [`Requests::unit_state`] reads.
    pub fn state_changes(&self) -> tokio::sync::watch::Receiver<()> {
        self.states.changes()
    }

    /// Carry out `call`; the answer comes once the manager has done it (for a waiting job
    /// call: once the jobs are done).
    pub async fn call(&self, call: Call) -> Result<Answer, ManagerError> {
        let (reply, answer) = oneshot::channel();
        self.events
            .send(Event::Call { call, reply })
            .map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }

    /// A varlink connection that attached streams to `units` closed.
    pub(crate) fn closed(&self, attached: Vec<String>) {
        let _ = self.events.send(Event::ConnectionClosed { attached });
    }

    /// Changes from now on (of `filter.units`, or all): unit loads and unloads, state
    /// changes, jobs queued and finished. The stream ends if the manager exits or the
    /// subscriber falls [`SUBSCRIBER_BACKLOG`] changes behind.
    pub fn subscribe(&self, filter: SubscribeRequest) -> mpsc::Receiver<Change> {
        let (tx, rx) = mpsc::channel(SUBSCRIBER_BACKLOG);
        let _ = self.events.send(Event::Subscribe { filter, tx });
        rx
    }
}

fn gone() -> ManagerError {
    ManagerError::new(ErrorKind::Failed, "The user manager is shutting down.")
}
