//! Session operations on the state: create (the PAM module's call, answered at once), undo (its
//! login left before the answer), close (release, the owner's connection going away,
//! terminate), kill, and the effects of the session table. Signalling a session's processes
//! runs on a worker in the session's uid queue.

use std::time::{Duration, Instant};

use linger_ipc::login::{CreateSessionReply, CreateSessionRequest, error};

use crate::log;
use crate::persist::SessionRecord;
use crate::process::{Process, ProcessError};
use crate::request::Whom;
use crate::sessions::{self, Effect, Event, Phase, Session, SessionInfo};
use crate::state::{State, clocks};
use crate::tracker::{ScopeError, Work};

/// SIGTERM → SIGKILL delay for session processes.
pub const KILL_AFTER: Duration = Duration::from_secs(10);

/// A refused operation: varlink error name and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpError {
    /// Error name (`io.linger.Login.*`).
    pub name: &'static str,
    /// Human message.
    pub message: String,
}

impl OpError {
    /// An error.
    pub fn new(name: &'static str, message: impl Into<String>) -> OpError {
        OpError {
            name,
            message: message.into(),
        }
    }
}

/// The work that makes a new session real (on a worker, in the uid's queue, after the runtime
/// directory's): its scope, the leader moved in. Its result is the leader's cgroup before,
/// or why the session is refused.
pub type MakeSession = Work<Result<Option<String>, OpError>>;

impl State {
    /// Register a session for `conn` — no file system work here: the runtime directory is
    /// made in the user's queue, and the returned work (for the same queue, after it) makes
    /// the scope and moves the leader in. The answer follows once that has run
    /// ([`State::session_made`] or [`State::session_refused`]); it does not wait for the
    /// user's manager (the PAM module asks for that separately, within its own time).
    pub fn create_session(
        &mut self,
        req: &CreateSessionRequest,
        conn: u64,
    ) -> Result<(CreateSessionReply, MakeSession), OpError> {
        if self.shutting_down {
            return Err(OpError::new(
                error::FAILED,
                "The login manager is shutting down",
            ));
        }
        if self.sessions.len() as u64 >= self.policy.sessions_max {
            return Err(OpError::new(
                error::FAILED,
                format!(
                    "Maximum number of sessions ({}) reached, refusing further sessions.",
                    self.policy.sessions_max
                ),
            ));
        }
        let account = self
            .db()
            .by_uid(req.uid)
            .map_err(|e| OpError::new(error::FAILED, e.to_string()))?
            .ok_or_else(|| {
                OpError::new(error::NO_SUCH_USER, format!("No user with uid {}", req.uid))
            })?;
        // Held from now on: a later leader signal reaches this process or none.
        let leader = Process::open(req.pid).map_err(|e| match e {
            ProcessError::Forbidden(p) if p == std::process::id() => OpError::new(
                error::INVALID,
                format!("Leader process {p} is the login daemon"),
            ),
            ProcessError::Os { pid, errno } => OpError::new(
                error::FAILED,
                format!("Cannot hold leader process {pid}: {errno}"),
            ),
            _ => OpError::new(
                error::INVALID,
                format!("Leader process {} does not exist", req.pid),
            ),
        })?;
        // Class, type and desktop were checked (and defaulted) by `request::decode`; whether
        // the leader is in a scope of ours already is checked on the worker.
        if self
            .sessions
            .values()
            .any(|s| s.info.leader == req.pid && s.phase == Phase::Active)
        {
            return Err(OpError::new(error::FAILED, "Already running in a session"));
        }
        let id = self.ids.allocate();
        self.store.save_last_id(id);
        let uid = account.uid;
        let name = account.name.clone();
        {
            let u = self.ensure_user(account);
            u.held_down = false;
            u.last_session_end = None;
        }
        let (runtime, slot) = self.runtime_dir(uid);
        let (realtime_us, monotonic_us) = clocks();
        let session = Session {
            info: SessionInfo {
                id,
                uid,
                user: name,
                leader: req.pid,
                origin: None,
                service: req.service.clone(),
                tty: req.tty.clone(),
                remote_host: req.remote_host.clone(),
                remote_user: req.remote_user.clone(),
                class: req.class.clone(),
                session_type: req.session_type.clone(),
                desktop: req.desktop.clone(),
                display: req.display.clone(),
                realtime_us,
                monotonic_us,
            },
            leader_proc: Some(leader),
            conn,
            phase: Phase::Active,
        };
        let (scope, make) = match self.tracker.create_session(&session) {
            Ok(new) => (new.scope, Some(new.make)),
            Err(e) => {
                // The login goes on; only the session's processes are not contained.
                log::error(format!("session {id}: {e}; its processes are not tracked"));
                (String::new(), None)
            }
        };
        self.sessions.insert(id, session);
        self.save_session(id);
        // The manager's preparation is queued before the session's scope: the first login's
        // manager starts while its leader moves.
        self.reconcile_user(uid, true);
        let reply = CreateSessionReply {
            id: id.to_string(),
            runtime_path: runtime.display().to_string(),
            scope,
        };
        let work: MakeSession = Box::new(move || {
            if let Some(e) = slot.failure() {
                return Err(OpError::new(error::FAILED, e));
            }
            match make.map_or(Ok(None), |m| m()) {
                Ok(origin) => Ok(origin),
                Err(ScopeError::InSession) => {
                    Err(OpError::new(error::FAILED, "Already running in a session"))
                }
                Err(ScopeError::Failed(e)) => {
                    log::error(format!("session {id}: {e}; its processes are not tracked"));
                    Ok(None)
                }
            }
        });
        Ok((reply, work))
    }

    /// The work of [`State::create_session`] ran: the session is there, its leader in its
    /// scope (`origin`: where the leader was before).
    pub fn session_made(&mut self, id: u64, origin: Option<String>) {
        if let Some(s) = self.sessions.get_mut(&id) {
            s.info.origin = origin;
            log::info(format!(
                "New session {id} of user {} (uid {}).",
                s.info.user, s.info.uid
            ));
        }
    }

    /// The work of [`State::create_session`] refused the session (the leader is in a session
    /// already, the runtime directory could not be made): it is forgotten, nothing signalled.
    pub fn session_refused(&mut self, id: u64) {
        if let Some(s) = self.sessions.remove(&id) {
            self.remove_scope(&s);
            self.forget_session(&s);
        }
    }

    /// The login that asked for session `id` on `conn` left before the answer reached it: it
    /// goes on without a session, so the session is undone as if never made — its processes
    /// back where the leader was (on a worker), nothing signalled.
    pub fn undo_session(&mut self, id: u64, conn: u64) {
        let Some(s) = self
            .sessions
            .get(&id)
            .filter(|s| s.conn == conn && s.phase == Phase::Active)
            .cloned()
        else {
            return;
        };
        // Out of the table at once: the connection's end must not close it with the policy.
        self.sessions.remove(&id);
        let job = self.tracker.undo_session(&s, s.info.origin.as_deref());
        self.background(s.info.uid, job, move |st: &mut State, undone| match undone {
            Ok(()) => {
                log::info(format!(
                    "Session {id} undone: its login gave up before the answer."
                ));
                st.remove_scope(&s);
                st.forget_session(&s);
            }
            Err(e) => {
                // Cannot put them back: tracked until they end, never killed.
                log::warn(format!(
                    "session {id}: its login gave up before the answer, and {e}; keeping it as closing"
                ));
                let mut s = s;
                s.conn = 0;
                st.sessions.insert(id, s);
                st.close_session(id, Some(false), true);
            }
        });
    }

    /// Write session `id`'s record (for a restarted daemon).
    pub fn save_session(&self, id: u64) {
        if let Some(s) = self.sessions.get(&id) {
            self.store.save_session(&SessionRecord::of(s));
        }
    }

    /// End a session. `kill`: `None` follows the policy for its user; `spare_leader` when
    /// the leader itself is releasing it.
    pub fn close_session(&mut self, id: u64, kill: Option<bool>, spare_leader: bool) {
        let Some(s) = self.sessions.get(&id) else {
            return;
        };
        let kill = kill.unwrap_or_else(|| self.policy.shall_kill(&s.info.user));
        if s.phase == Phase::Active {
            log::info(format!("Removed session {id}."));
        }
        self.leader_watches.remove(&id);
        self.session_event(id, Event::Close { kill, spare_leader });
    }

    /// Feed an event to a session's table and perform the effects.
    pub fn session_event(&mut self, id: u64, event: Event) {
        let Some(s) = self.sessions.get(&id) else {
            return;
        };
        let (next, effects) = match sessions::step(s.phase, event, Instant::now(), KILL_AFTER) {
            Ok(x) => x,
            Err(e) => {
                log::error(format!("session {id}: {e}"));
                return;
            }
        };
        let session = s.clone();
        if let Some(p) = next
            && let Some(s) = self.sessions.get_mut(&id)
            && s.phase != p
        {
            s.phase = p;
            self.save_session(id);
        }
        // Consecutive signals go to the worker as one job: they arrive in order.
        let mut signals: Vec<i32> = Vec::new();
        let mut spare = None;
        for fx in effects {
            match fx {
                Effect::Signal {
                    signal,
                    spare_leader,
                } => {
                    signals.push(signal);
                    spare = spare_leader.then_some(session.info.leader);
                }
                Effect::WatchEmpty => {
                    self.signal_session(&session, std::mem::take(&mut signals), spare);
                    // After the scope was made and the signals sent (the same queue): a
                    // session closing while its work still runs is not found empty early.
                    let s = session.clone();
                    self.background(s.info.uid, Box::new(|| ()), move |st: &mut State, ()| {
                        let closing = st
                            .sessions
                            .get(&id)
                            .is_some_and(|s| s.phase != Phase::Active);
                        if closing && !st.tracker.watch_session(&s) {
                            st.session_event(id, Event::Empty);
                        }
                    });
                }
                Effect::Remove => self.remove_session(&session),
            }
        }
        self.signal_session(&session, signals, spare);
        self.changed.notify_one();
    }

    /// Send `signals` to the session's processes (but `spare`), on a worker.
    fn signal_session(&mut self, s: &Session, signals: Vec<i32>, spare: Option<u32>) {
        if signals.is_empty() {
            return;
        }
        let job = self.tracker.signal_session(s, signals, spare);
        self.background(s.info.uid, job, |st: &mut State, set| {
            if let Some((id, set)) = set {
                st.tracker.update_set(id, set);
            }
        });
    }

    fn remove_session(&mut self, s: &Session) {
        self.remove_scope(s);
        self.sessions.remove(&s.info.id);
        self.forget_session(s);
    }

    /// Forget the session's scope; it is removed on a worker.
    fn remove_scope(&mut self, s: &Session) {
        if let Some(job) = self.tracker.remove_session(s) {
            let id = s.info.id;
            self.background(s.info.uid, job, move |_, removed| {
                if let Err(e) = removed {
                    log::warn(format!("cannot remove the cgroup of session {id}: {e}"));
                }
            });
        }
    }

    /// A session left the table: its record goes, the user's manager may stop.
    fn forget_session(&mut self, s: &Session) {
        self.leader_watches.remove(&s.info.id);
        self.store.remove_session(s.info.id);
        if self.sessions_of(s.info.uid).next().is_none()
            && let Some(u) = self.users.get_mut(&s.info.uid)
        {
            u.last_session_end = Some(Instant::now());
        }
        self.reconcile_user(s.info.uid, false);
    }

    /// A cgroup became empty.
    pub fn on_empty(&mut self, unit: &str) {
        if let Some(id) = unit
            .strip_prefix("session-")
            .and_then(|r| r.strip_suffix(".scope"))
            .and_then(|n| n.parse::<u64>().ok())
        {
            self.session_event(id, Event::Empty);
        } else if let Some(uid) = unit
            .strip_prefix("user@")
            .and_then(|r| r.strip_suffix(".service"))
            .and_then(|n| n.parse::<u32>().ok())
        {
            // The leftovers of a stopped manager are gone: finish tidying the user — unless a
            // new manager was started meanwhile (linger enabled again, a new login): the
            // cgroup is its now, and removing it would kill it.
            if self
                .users
                .get(&uid)
                .is_some_and(|u| u.manager.pid().is_some() || u.cleaning)
            {
                return;
            }
            if self.users.contains_key(&uid) {
                self.tidy_user(uid);
            }
            if self.tracker.knows_user_service(uid) && !self.users.contains_key(&uid) {
                // A user forgotten meanwhile: only the tree is left to remove.
                let job = self.tracker.cleanup_user_service(uid);
                if let Some(job) = job {
                    self.background(uid, job, move |st: &mut State, done| {
                        if done == crate::tracker::Cleanup::Removed {
                            st.tracker.forget_user_service(uid);
                            if !st.users.contains_key(&uid) {
                                st.remove_user_slice(uid);
                            }
                        }
                    });
                }
            }
        }
    }

    /// The connection `conn` closed: the sessions it owns end (their PAM process is gone).
    pub fn connection_closed(&mut self, conn: u64) {
        let owned: Vec<u64> = self
            .sessions
            .values()
            .filter(|s| s.conn == conn && s.phase == Phase::Active)
            .map(|s| s.info.id)
            .collect();
        for id in owned {
            self.close_session(id, None, false);
        }
    }

    /// `terminate-user`: end every session with kill, and stop the manager until the next
    /// login or enable-linger.
    pub fn terminate_user(&mut self, uid: u32) {
        let ids: Vec<u64> = self.sessions_of(uid).map(|s| s.info.id).collect();
        for id in ids {
            self.close_session(id, Some(true), false);
        }
        if let Some(u) = self.users.get_mut(&uid) {
            u.held_down = true;
        }
        self.reconcile_user(uid, false);
    }

    /// `kill-session`. A leader that is gone is not signalled: its pid may be someone else's
    /// by now.
    pub fn kill_session(&mut self, id: u64, whom: Whom, signal: i32) -> Result<(), OpError> {
        let s = self.sessions.get(&id).cloned().ok_or_else(|| {
            OpError::new(error::NO_SUCH_SESSION, format!("No session '{id}' known"))
        })?;
        match whom {
            Whom::Leader => {
                let gone = || {
                    OpError::new(
                        error::FAILED,
                        format!("The leader of session {id} has exited"),
                    )
                };
                let leader = s.leader_proc.as_ref().ok_or_else(gone)?;
                leader.signal(signal).map_err(|e| match e {
                    ProcessError::Gone(_) => gone(),
                    e => OpError::new(error::FAILED, e.to_string()),
                })?;
            }
            Whom::All => self.signal_session(&s, vec![signal], None),
        }
        Ok(())
    }

    /// `kill-user`: work signalling every process of every session and of the user's manager;
    /// the caller runs it in the user's queue.
    pub fn kill_user(&mut self, uid: u32, signal: i32) -> Box<dyn FnOnce() + Send> {
        let mut work: Vec<Box<dyn FnOnce() + Send>> = Vec::new();
        let sessions: Vec<Session> = self.sessions_of(uid).cloned().collect();
        for s in &sessions {
            let job = self.tracker.signal_session(s, vec![signal], None);
            work.push(Box::new(move || {
                let _ = job();
            }));
        }
        let manager = self.users.get(&uid).and_then(|u| u.process.as_ref());
        let own = self
            .users
            .get(&uid)
            .is_some_and(|u| u.manager.pid().is_some());
        if own || self.tracker.knows_user_service(uid) {
            work.push(
                self.tracker
                    .signal_user_service(uid, manager.filter(|_| own), signal),
            );
        }
        Box::new(move || work.into_iter().for_each(|w| w()))
    }
}
