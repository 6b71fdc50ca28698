//! At start: take back what a previous run of the daemon left (`persist.rs`), so that a
//! restart is invisible to logged-in users — their sessions are listed again with the same
//! ids, their scopes and runtime directories are known (and removed when the sessions end),
//! and a user manager that survived (the daemon was killed) is kept, not started twice.
//!
//! No pid from a record is trusted as it is: a process is held again only if it still has
//! the start time (and, for managers, the owner) the record names, checked after its pidfd
//! was opened. A manager forked by a run killed before it recorded the child is found by the
//! fork's intent (the record's `starting`, written before the fork): see
//! [`State::orphaned_manager`]. A session whose leader is gone ends as if its connection had closed; one whose
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
        // Killed between a fork and its record: the child is found by the fork's intent.
        let orphan = match (r.manager, r.starting) {
            (None, Some(since)) => self.orphaned_manager(uid, since),
            _ => None,
        };
        if let Some(p) = &orphan {
            log::info(format!(
                "adopted the user manager of uid {uid} (pid {}) that a previous run forked \
                 and was killed before recording",
                p.pid()
            ));
        }
        let manager = manager.or(orphan);
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

    /// The manager a previous run forked for `uid` and was killed before recording (its
    /// record says a fork was decided at `since`, in clock ticks since boot): the process of
    /// the user that leads its own session (a manager is made a session leader before its
    /// exec), started at `since` or later — the earliest such — where managers are born
    /// (`user@UID.service/init.scope`; anywhere without cgroups). It is held by a pidfd, and
    /// its start time, owner and cgroup are checked again once the pidfd is open.
    ///
    /// The user can move processes of their own into the delegated `init.scope`, and so make
    /// one of them taken for the manager; it is then the one signalled at the stop, and the
    /// stop still ends with everything in `user@UID.service` killed: the user only fools
    /// themselves. The scan holds one candidate at a time, whatever the number of pids.
    fn orphaned_manager(&self, uid: u32, since: u64) -> Option<Process> {
        use std::io::BufRead;
        let mut best: Option<(u64, u32)> = None;
        let mut consider = |pid: u32| {
            let Some(info) = std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .ok()
                .and_then(|t| crate::process::parse_stat(&t))
            else {
                return;
            };
            if info.session != pid
                || info.start < since
                || best.is_some_and(|b| b <= (info.start, pid))
                || linger_ipc::process_uid(pid) != Some(uid)
            {
                return;
            }
            best = Some((info.start, pid));
        };
        match self.tracker.manager_birthplace(uid) {
            Some(procs) => {
                let Ok(f) = std::fs::File::open(procs) else {
                    return None;
                };
                for line in std::io::BufReader::new(f).lines() {
                    let Ok(line) = line else { break };
                    if let Ok(pid) = line.trim().parse() {
                        consider(pid);
                    }
                }
            }
            None => {
                let rd = std::fs::read_dir("/proc").ok()?;
                for e in rd.filter_map(Result::ok) {
                    if let Some(pid) = e.file_name().to_str().and_then(|n| n.parse().ok()) {
                        consider(pid);
                    }
                }
            }
        }
        let (start, pid) = best?;
        let p = Process::reattach(pid, start, Some(uid)).ok()?;
        (self.tracker.in_manager_birthplace(uid, pid) && p.alive()).then_some(p)
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
