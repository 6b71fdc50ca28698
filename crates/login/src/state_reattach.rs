//! At start: take back what a previous run of the daemon left (`persist.rs`), so that a
//! restart is invisible to logged-in users — their sessions are listed again with the same
//! ids, their scopes and runtime directories are known (and removed when the sessions end),
//! and a user manager that survived (the daemon was killed) is kept, not started twice.
//!
//! No pid from a record is trusted as it is: a process is held again only if it still has
//! the start time (and, for managers, the owner) the record names, checked after its pidfd
//! was opened. A session whose leader is gone ends as if its connection had closed; one whose
//! leader lives ends when the leader exits or releases it (its PAM connection died with the
//! previous daemon).

use std::time::Instant;

use super::{Exit, State};
use crate::log;
use crate::persist::{SessionRecord, UserRecord};
use crate::process::Process;
use crate::session_ops::KILL_AFTER;
use crate::sessions::{Event, IdCounter, Phase, Session};
use crate::users::ManagerPhase;

impl State {
    /// Re-attach every recorded user and session, then bring each user's manager in line.
    pub fn reattach(&mut self) {
        let loaded = self.store.load();
        self.ids = IdCounter::after(self.store.last_id());
        for p in loaded.problems {
            log::warn(p);
        }
        for r in loaded.users {
            self.reattach_user(r);
        }
        let n = loaded.sessions.len();
        for r in loaded.sessions {
            self.reattach_session(r);
        }
        if n > 0 {
            log::info(format!("re-attached {n} sessions of a previous run"));
        }
        let uids: Vec<u32> = self.users.keys().copied().collect();
        for uid in uids {
            self.reconcile_user(uid, false);
        }
        // Runtime directories set aside but not yet removed when the previous run stopped.
        let leftovers = crate::runtime::leftovers(&self.config.runtime_base);
        if !leftovers.is_empty() {
            let work = move || {
                leftovers
                    .iter()
                    .filter_map(|p| {
                        let e = crate::runtime::remove_detached(p).err()?;
                        Some(format!("cannot remove {}: {e}", p.display()))
                    })
                    .collect::<Vec<_>>()
            };
            self.background(0, Box::new(work), |_, problems: Vec<String>| {
                problems.into_iter().for_each(log::warn);
            });
        }
    }

    fn reattach_user(&mut self, r: UserRecord) {
        let uid = r.uid;
        let account = match self.db().by_uid(uid) {
            Ok(Some(a)) => a,
            _ => {
                log::warn(format!(
                    "uid {uid} of a previous run is no user any more, forgetting it"
                ));
                self.save_user(uid);
                return;
            }
        };
        self.ensure_user(account);
        self.tracker.reattach_user_service(uid);
        let manager = r
            .manager
            .and_then(|m| Process::reattach(m.pid, m.start, Some(uid)).ok());
        let watch = manager
            .as_ref()
            .map(|p| p.watch_exit(Exit::Manager { uid, pid: p.pid() }, self.exits.clone()));
        let Some(u) = self.users.get_mut(&uid) else {
            return;
        };
        u.runtime = r
            .runtime
            .filter(|rt| rt.path.is_dir())
            .map(crate::runtime::Slot::made);
        match (manager, watch) {
            (Some(p), Some(Ok(w))) => {
                log::info(format!(
                    "adopted the running user manager of uid {uid} (pid {})",
                    p.pid()
                ));
                u.manager = ManagerPhase::Running { pid: p.pid() };
                u.process = Some(p);
                u.exit_watch = Some(w);
            }
            _ => {
                if let Some(m) = r.manager {
                    log::info(format!(
                        "the user manager of uid {uid} (pid {}) is gone",
                        m.pid
                    ));
                }
            }
        }
        self.save_user(uid);
    }

    fn reattach_session(&mut self, r: SessionRecord) {
        if !self.users.contains_key(&r.info.uid) {
            match self.db().by_uid(r.info.uid) {
                Ok(Some(a)) => {
                    self.ensure_user(a);
                }
                _ => {
                    self.store.remove_session(r.info.id);
                    return;
                }
            }
        }
        let leader_proc = r
            .leader_start
            .and_then(|start| Process::reattach(r.info.leader, start, None).ok());
        let phase = match r.phase.as_str() {
            "active" => Phase::Active,
            "abandoned" => Phase::Abandoned,
            _ => Phase::Terminating {
                deadline: Instant::now() + KILL_AFTER,
            },
        };
        self.ids.skip_past(r.info.id);
        let s = Session {
            info: r.info,
            leader_proc,
            conn: 0,
            phase,
        };
        if let Err(e) = self.tracker.reattach_session(&s) {
            log::warn(format!(
                "session {}: {e}; its processes are not tracked",
                s.info.id
            ));
        }
        let (id, uid) = (s.info.id, s.info.uid);
        let leader = s.leader_proc.clone();
        self.sessions.insert(id, s);
        if let Some(u) = self.users.get_mut(&uid) {
            u.last_session_end = None;
        }
        match phase {
            Phase::Active => match leader
                .map(|p| p.watch_exit(Exit::Leader { session: id }, self.exits.clone()))
            {
                Some(Ok(w)) => {
                    self.leader_watches.insert(id, w);
                }
                // The leader is gone: the login ended while no daemon ran.
                _ => self.close_session(id, None, false),
            },
            Phase::Abandoned | Phase::Terminating { .. } | Phase::Killing { .. } => {
                let session = self.sessions.get(&id).cloned();
                if let Some(session) = session
                    && !self.tracker.watch_session(&session)
                {
                    self.session_event(id, Event::Empty);
                }
            }
        }
    }
}
