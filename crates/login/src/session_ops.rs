//! Session operations on the state: create (the PAM module's call), close (release, the
//! owner's connection going away, terminate), kill, and the effects of the session table.

use std::time::{Duration, Instant};

use linger_ipc::login::{CreateSessionReply, CreateSessionRequest, error};
use tokio::sync::oneshot;

use crate::log;
use crate::sessions::{self, Effect, Event, Phase, Session};
use crate::state::{State, clocks};
use crate::users::ManagerPhase;

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

fn session_of_pid_cgroup(pid: u32) -> bool {
    // With cgroups: is the process already in one of our session scopes?
    let top = format!("/{}/", crate::tracker::TOP_SLICE);
    crate::tracker::unified_cgroup_of(pid)
        .ok()
        .flatten()
        .is_some_and(|c| c.contains(&top) && c.contains("/session-"))
}

impl State {
    /// Register a session for `conn`. The reply is ready at once; the receiver (if any)
    /// fires when the user's manager is ready (or failed), which the caller waits for.
    pub fn create_session(
        &mut self,
        req: &CreateSessionRequest,
        conn: u64,
    ) -> Result<(CreateSessionReply, Option<oneshot::Receiver<()>>), OpError> {
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
        if req.pid <= 1 || !std::path::Path::new(&format!("/proc/{}", req.pid)).exists() {
            return Err(OpError::new(
                error::INVALID,
                format!("Leader process {} does not exist", req.pid),
            ));
        }
        // Ending such a session would signal the daemon itself (and with it every session).
        if req.pid == std::process::id() {
            return Err(OpError::new(
                error::INVALID,
                format!("Leader process {} is the login daemon", req.pid),
            ));
        }
        let (class, session_type) =
            sessions::class_and_type(&req.class, &req.session_type, &req.tty)
                .map_err(|m| OpError::new(error::INVALID, m))?;
        let busy = self
            .sessions
            .values()
            .any(|s| s.leader == req.pid && s.phase == Phase::Active)
            || session_of_pid_cgroup(req.pid);
        if busy {
            return Err(OpError::new(error::FAILED, "Already running in a session"));
        }
        let id = self.ids.allocate().map_err(|e| {
            OpError::new(error::FAILED, format!("Cannot record the session id: {e}"))
        })?;
        let uid = account.uid;
        let name = account.name.clone();
        {
            let u = self.ensure_user(account);
            u.held_down = false;
            u.last_session_end = None;
        }
        let runtime = self
            .ensure_runtime_dir(uid)
            .map_err(|m| OpError::new(error::FAILED, m))?;
        let (realtime_us, monotonic_us) = clocks();
        let mut session = Session {
            id,
            uid,
            user: name,
            leader: req.pid,
            service: req.service.clone(),
            tty: req.tty.clone(),
            remote_host: req.remote_host.clone(),
            remote_user: req.remote_user.clone(),
            class,
            session_type,
            desktop: req.desktop.clone(),
            display: req.display.clone(),
            realtime_us,
            monotonic_us,
            conn,
            phase: Phase::Active,
        };
        let scope = match self.tracker.create_session(&session) {
            Ok(s) => s,
            Err(e) => {
                // The login goes on; only the session's processes are not contained.
                log::error(format!("session {id}: {e}; its processes are not tracked"));
                String::new()
            }
        };
        session.conn = conn;
        self.sessions.insert(id, session);
        log::info(format!(
            "New session {id} of user {} (uid {uid}).",
            self.sessions[&id].user
        ));
        self.reconcile_user(uid, true);
        let waiter = match self.users.get_mut(&uid) {
            Some(u)
                if !matches!(u.manager, ManagerPhase::Running { .. })
                    && u.manager.pid().is_some() =>
            {
                let (tx, rx) = oneshot::channel();
                u.waiters.push(tx);
                Some(rx)
            }
            _ => None,
        };
        Ok((
            CreateSessionReply {
                id: id.to_string(),
                runtime_path: runtime.display().to_string(),
                scope,
            },
            waiter,
        ))
    }

    /// End a session. `kill`: `None` follows the policy for its user; `spare_leader` when
    /// the leader itself is releasing it.
    pub fn close_session(&mut self, id: u64, kill: Option<bool>, spare_leader: bool) {
        let Some(s) = self.sessions.get(&id) else {
            return;
        };
        let kill = kill.unwrap_or_else(|| self.policy.shall_kill(&s.user));
        if s.phase == Phase::Active {
            log::info(format!("Removed session {id}."));
        }
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
        {
            s.phase = p;
        }
        for fx in effects {
            match fx {
                Effect::Signal {
                    signal,
                    spare_leader,
                } => {
                    self.tracker.signal_session(&session, signal, spare_leader);
                }
                Effect::WatchEmpty => {
                    if !self.tracker.watch_session(&session) {
                        self.session_event(id, Event::Empty);
                        return;
                    }
                }
                Effect::Remove => self.remove_session(&session),
            }
        }
        self.changed.notify_one();
    }

    fn remove_session(&mut self, s: &Session) {
        if let Err(e) = self.tracker.remove_session(s) {
            log::warn(format!("cannot remove the cgroup of session {}: {e}", s.id));
        }
        self.sessions.remove(&s.id);
        if self.sessions_of(s.uid).next().is_none()
            && let Some(u) = self.users.get_mut(&s.uid)
        {
            u.last_session_end = Some(Instant::now());
        }
        self.reconcile_user(s.uid, false);
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
                .is_some_and(|u| u.manager.pid().is_some())
            {
                return;
            }
            if let Ok(true) = self.tracker.remove_user_service(uid)
                && !self.users.contains_key(&uid)
            {
                let _ = self.tracker.remove_user_slice(uid);
            }
            self.tidy_user(uid);
        }
    }

    /// The connection `conn` closed: the sessions it owns end (their PAM process is gone).
    pub fn connection_closed(&mut self, conn: u64) {
        let owned: Vec<u64> = self
            .sessions
            .values()
            .filter(|s| s.conn == conn && s.phase == Phase::Active)
            .map(|s| s.id)
            .collect();
        for id in owned {
            self.close_session(id, None, false);
        }
    }

    /// `terminate-user`: end every session with kill, and stop the manager until the next
    /// login or enable-linger.
    pub fn terminate_user(&mut self, uid: u32) {
        let ids: Vec<u64> = self.sessions_of(uid).map(|s| s.id).collect();
        for id in ids {
            self.close_session(id, Some(true), false);
        }
        if let Some(u) = self.users.get_mut(&uid) {
            u.held_down = true;
        }
        self.reconcile_user(uid, false);
    }

    /// `kill-session`: `whom` is `leader` or `all`.
    pub fn kill_session(&mut self, id: u64, whom: &str, signal: i32) -> Result<(), OpError> {
        let s = self.sessions.get(&id).cloned().ok_or_else(|| {
            OpError::new(error::NO_SUCH_SESSION, format!("No session '{id}' known"))
        })?;
        if rustix::process::Signal::from_named_raw(signal).is_none() {
            return Err(OpError::new(
                error::INVALID,
                format!("Invalid signal {signal}"),
            ));
        }
        match whom {
            "leader" => {
                if let Some(p) = crate::tracker::signal_target(s.leader)
                    && let Some(sig) = rustix::process::Signal::from_named_raw(signal)
                {
                    let _ = rustix::process::kill_process(p, sig);
                }
            }
            "all" | "" => self.tracker.signal_session(&s, signal, false),
            other => {
                return Err(OpError::new(
                    error::INVALID,
                    format!("Invalid kill parameter '{other}'"),
                ));
            }
        }
        Ok(())
    }

    /// `kill-user`: every process of every session and of the user's manager.
    pub fn kill_user(&mut self, uid: u32, signal: i32) -> Result<(), OpError> {
        if rustix::process::Signal::from_named_raw(signal).is_none() {
            return Err(OpError::new(
                error::INVALID,
                format!("Invalid signal {signal}"),
            ));
        }
        let sessions: Vec<Session> = self.sessions_of(uid).cloned().collect();
        for s in &sessions {
            self.tracker.signal_session(s, signal, false);
        }
        let pid = self.users.get(&uid).and_then(|u| u.manager.pid());
        self.tracker.signal_user_service(uid, pid, signal);
        Ok(())
    }
}
