//! The daemon's runtime state, owned by the event loop (one thread, `Rc<RefCell<State>>`):
//! users and their managers here, sessions in `session_ops.rs`, timers at the end. Pure
//! decisions come from `users.rs` / `sessions.rs`; this file performs their effects.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::os::fd::OwnedFd;
use std::rc::Rc;
use std::time::{Duration, Instant};

use tokio::sync::Notify;

use crate::config::LoginConfig;
use crate::log;
use crate::policy::Policy;
use crate::registry::Registry;
use crate::runtime::{self, TmpfsLimits};
use crate::sessions::{IdCounter, Session};
use crate::tracker::Tracker;
use crate::userdb::{Account, SystemDb, UserDb};
use crate::users::{self, ManagerEffect, ManagerEvent, ManagerPhase, Timing, User};

/// The state, shared by the loop and the connection tasks on the same thread.
pub type Shared = Rc<RefCell<State>>;

/// Everything the daemon knows.
#[derive(Debug)]
pub struct State {
    /// Paths and timeouts.
    pub config: LoginConfig,
    /// logind.conf.
    pub policy: Policy,
    /// The linger directory.
    pub registry: Registry,
    /// cgroups or process sets.
    pub tracker: Tracker,
    /// Sessions by id.
    pub sessions: BTreeMap<u64, Session>,
    /// Tracked users by uid.
    pub users: BTreeMap<u32, User>,
    /// Session id counter.
    pub ids: IdCounter,
    /// Exec-status pipes of spawned managers, by pid.
    pub status_pipes: HashMap<u32, OwnedFd>,
    /// Wakes the loop when timers may have changed.
    pub changed: Rc<Notify>,
    /// Stopping the daemon: no manager is wanted any more.
    pub shutting_down: bool,
    /// Without cgroups: when closing sessions are next scanned for emptiness (fixed once
    /// set, so that a stream of other events cannot postpone it).
    pub poll_at: std::cell::Cell<Option<Instant>>,
    /// Exits of adopted managers (not our children: learnt from pidfds).
    pub adopted_exits: tokio::sync::mpsc::UnboundedSender<u32>,
    /// The receiving end, taken by the event loop.
    pub adopted_exits_rx: Option<tokio::sync::mpsc::UnboundedReceiver<u32>>,
}

/// Now as (realtime µs, monotonic µs).
pub fn clocks() -> (u64, u64) {
    let us = |t: rustix::time::Timespec| {
        (t.tv_sec.max(0) as u64) * 1_000_000 + (t.tv_nsec.max(0) as u64) / 1000
    };
    (
        us(rustix::time::clock_gettime(rustix::time::ClockId::Realtime)),
        us(rustix::time::clock_gettime(
            rustix::time::ClockId::Monotonic,
        )),
    )
}

impl State {
    /// A fresh state.
    pub fn new(config: LoginConfig, policy: Policy, tracker: Tracker) -> State {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        State {
            poll_at: std::cell::Cell::new(None),
            adopted_exits: tx,
            adopted_exits_rx: Some(rx),
            registry: Registry::new(config.linger_dir.clone()),
            ids: IdCounter::load(&config.session_counter()),
            config,
            policy,
            tracker,
            sessions: BTreeMap::new(),
            users: BTreeMap::new(),
            status_pipes: HashMap::new(),
            changed: Rc::new(Notify::new()),
            shutting_down: false,
        }
    }

    /// The user database.
    pub fn db(&self) -> &'static dyn UserDb {
        &SystemDb
    }

    fn timing(&self) -> Timing {
        Timing {
            ready: self.config.ready_timeout,
            stop: self.config.stop_timeout,
        }
    }

    /// The record of `account`'s user, created if new (its linger flag read from the
    /// registry then; the daemon updates it on every change it makes).
    pub fn ensure_user(&mut self, account: Account) -> &mut User {
        let (rt, mono) = clocks();
        let registry = &self.registry;
        self.users.entry(account.uid).or_insert_with(|| {
            let lingers = registry.is_lingering(&account.name);
            let mut u = User::new(account, rt, mono);
            u.lingers = lingers;
            u
        })
    }

    /// Whether `uid` lingers.
    pub fn lingering(&self, uid: u32) -> bool {
        self.users.get(&uid).is_some_and(|u| u.lingers)
    }

    /// Sessions of `uid` (any phase).
    pub fn sessions_of(&self, uid: u32) -> impl Iterator<Item = &Session> {
        self.sessions.values().filter(move |s| s.uid == uid)
    }

    /// When the user's manager is to stop after the last logout (`None`: not pending).
    fn stop_at(&self, u: &User) -> Option<Instant> {
        if self.sessions_of(u.account.uid).next().is_some() || self.lingering(u.account.uid) {
            return None;
        }
        let end = u.last_session_end?;
        // Infinity: never stopped (far future keeps the arithmetic simple).
        let delay = self
            .policy
            .user_stop_delay
            .unwrap_or(Duration::from_secs(100 * 365 * 86400));
        Some(end + delay)
    }

    /// Whether the user should have a manager now.
    pub fn wanted(&self, uid: u32, now: Instant) -> bool {
        let Some(u) = self.users.get(&uid) else {
            return false;
        };
        if self.shutting_down || u.held_down {
            return false;
        }
        self.sessions_of(uid).next().is_some()
            || self.lingering(uid)
            || self.stop_at(u).is_some_and(|t| now < t)
    }

    /// Bring the user's manager in line with what is wanted; `retry` forgets past crashes.
    pub fn reconcile_user(&mut self, uid: u32, retry: bool) {
        let now = Instant::now();
        let wanted = self.wanted(uid, now);
        let timing = self.timing();
        let Some(u) = self.users.get_mut(&uid) else {
            return;
        };
        let (phase, fx) = users::reconcile(u.manager, wanted, retry, now, timing, &mut u.backoff);
        u.manager = phase;
        self.manager_effects(uid, fx);
        self.tidy_user(uid);
        self.changed.notify_one();
    }

    /// Feed an event to the user's manager machine, then bring it in line with what is wanted.
    pub fn manager_event(&mut self, uid: u32, event: ManagerEvent) {
        self.manager_event_no_reconcile(uid, event);
        self.reconcile_user(uid, false);
    }

    fn manager_effects(&mut self, uid: u32, effects: Vec<ManagerEffect>) {
        for fx in effects {
            match fx {
                ManagerEffect::Spawn => self.spawn_manager(uid),
                ManagerEffect::Terminate(pid) => {
                    if let (Some(p), Some(s)) = (
                        crate::tracker::signal_target(pid),
                        rustix::process::Signal::from_named_raw(15),
                    ) {
                        let _ = rustix::process::kill_process(p, s);
                    }
                }
                ManagerEffect::KillAll => {
                    let pid = self.users.get(&uid).and_then(|u| u.manager.pid());
                    log::warn(format!(
                        "user manager of uid {uid} did not stop in time, killing it"
                    ));
                    self.tracker.signal_user_service(uid, pid, 9);
                }
                ManagerEffect::Cleanup => {
                    if let Err(e) = self.tracker.remove_user_service(uid) {
                        log::warn(format!("cannot remove user@{uid}.service cgroup: {e}"));
                    }
                }
                ManagerEffect::WakeWaiters => {
                    if let Some(u) = self.users.get_mut(&uid) {
                        for w in u.waiters.drain(..) {
                            let _ = w.send(());
                        }
                    }
                }
            }
        }
    }

    /// Create the runtime directory of `uid` if it does not exist yet.
    pub fn ensure_runtime_dir(&mut self, uid: u32) -> Result<std::path::PathBuf, String> {
        let limits = if self.config.runtime_tmpfs && rustix::process::geteuid().is_root() {
            // sysinfo counts memory in units of `mem_unit` bytes.
            let info = rustix::system::sysinfo();
            let ram = (info.totalram as u64).saturating_mul(u64::from(info.mem_unit.max(1)));
            let bytes = self.policy.runtime_directory_size.bytes(ram);
            Some(TmpfsLimits {
                bytes,
                inodes: self.policy.runtime_inodes(bytes),
            })
        } else {
            None
        };
        let base = self.config.runtime_base.clone();
        let Some(u) = self.users.get_mut(&uid) else {
            return Err(format!("unknown user {uid}"));
        };
        if let Some(rt) = &u.runtime
            && rt.path.is_dir()
        {
            return Ok(rt.path.clone());
        }
        let (dir, note) = runtime::create(&base, &u.account, limits)
            .map_err(|e| format!("cannot create runtime directory of {}: {e}", u.account.name))?;
        if let Some(n) = note {
            log::warn(n);
        }
        let path = dir.path.clone();
        u.runtime = Some(dir);
        Ok(path)
    }

    fn spawn_manager(&mut self, uid: u32) {
        if let Some(pid) = self.adopt_manager(uid) {
            log::info(format!(
                "adopted the running user manager of uid {uid} (pid {pid})"
            ));
            self.manager_event_no_reconcile(uid, ManagerEvent::Spawned(pid));
            self.manager_event_no_reconcile(uid, ManagerEvent::Ready(pid));
            return;
        }
        let result = self.try_spawn_manager(uid);
        match result {
            Ok((pid, status)) => {
                if let Some(s) = status {
                    self.status_pipes.insert(pid, s);
                }
                self.manager_event_no_reconcile(uid, ManagerEvent::Spawned(pid));
            }
            Err(e) => {
                log::error(format!("cannot start user manager of uid {uid}: {e}"));
                self.manager_event_no_reconcile(uid, ManagerEvent::SpawnFailed);
            }
        }
    }

    /// A manager of `uid` that already answers on its socket (see `adopt.rs`).
    fn adopt_manager(&mut self, uid: u32) -> Option<u32> {
        let runtime = self.config.runtime_base.join(uid.to_string());
        let pid = crate::adopt::running_manager(&runtime, uid)?;
        // Its directory (and a mount there) are adopted as they are.
        if let Err(e) = self.ensure_runtime_dir(uid) {
            log::warn(e);
        }
        match crate::adopt::watch_exit(pid, self.adopted_exits.clone()) {
            Ok(()) => Some(pid),
            Err(e) => {
                log::warn(format!("cannot adopt user manager {pid}: {e}"));
                None
            }
        }
    }

    fn try_spawn_manager(&mut self, uid: u32) -> Result<(u32, Option<OwnedFd>), String> {
        let runtime = self.ensure_runtime_dir(uid)?;
        let Some(u) = self.users.get(&uid) else {
            return Err("unknown user".into());
        };
        let account = u.account.clone();
        let groups = self.db().groups(&account);
        let join = self.tracker.prepare_user(uid, account.gid)?;
        let m = crate::spawn::spawn(
            &self.config.user_manager,
            &account,
            groups,
            &runtime,
            &self.config.notify_socket(),
            &self.config.socket,
            join,
        )?;
        Ok((m.pid, m.status))
    }

    /// A step without the trailing reconcile (used from inside effects).
    fn manager_event_no_reconcile(&mut self, uid: u32, event: ManagerEvent) {
        let now = Instant::now();
        let timing = self.timing();
        let Some(u) = self.users.get_mut(&uid) else {
            return;
        };
        match users::step(u.manager, event, now, timing, &mut u.backoff) {
            Ok((phase, fx)) => {
                if matches!(phase, ManagerPhase::Failed) {
                    log::error(format!(
                        "user manager of {} failed too often, not restarting it until the next login or enable-linger",
                        u.account.name
                    ));
                }
                u.manager = phase;
                self.manager_effects(uid, fx);
            }
            Err(e) => log::error(e),
        }
    }

    /// Once a user needs nothing any more (no session, no manager, not wanted): remove the
    /// runtime directory and IPC objects, the cgroups, and the record unless the user lingers.
    pub fn tidy_user(&mut self, uid: u32) {
        let now = Instant::now();
        let Some(u) = self.users.get(&uid) else {
            return;
        };
        if u.manager != ManagerPhase::Stopped
            || self.sessions_of(uid).next().is_some()
            || self.wanted(uid, now)
        {
            return;
        }
        let lingering = self.lingering(uid);
        let remove_ipc = self.policy.remove_ipc && !runtime::is_system_uid(uid);
        let Some(u) = self.users.get_mut(&uid) else {
            return;
        };
        if let Some(rt) = u.runtime.take() {
            if let Err(e) = runtime::remove(&rt) {
                log::warn(format!("cannot remove {}: {e}", rt.path.display()));
            }
            if remove_ipc {
                for p in runtime::remove_ipc(uid) {
                    log::warn(p);
                }
            }
        }
        if let Ok(true) = self.tracker.remove_user_service(uid)
            && let Err(e) = self.tracker.remove_user_slice(uid)
        {
            log::warn(format!("cannot remove user-{uid}.slice: {e}"));
        }
        if !lingering {
            self.users.remove(&uid);
        }
    }

    /// The user whose manager is `pid`.
    fn manager_uid(&self, pid: u32) -> Option<u32> {
        self.users
            .iter()
            .find(|(_, u)| u.manager.pid() == Some(pid))
            .map(|(uid, _)| *uid)
    }

    /// A child exited: if it is a manager, feed the machine.
    pub fn on_exit(&mut self, pid: u32, code: Option<i32>, signal: Option<i32>) {
        let uid = self.manager_uid(pid);
        let stage = self
            .status_pipes
            .remove(&pid)
            .and_then(|p| linger_exec::read_status(&p));
        let Some(uid) = uid else {
            return; // an orphan we adopted as subreaper (or PID 1)
        };
        let expected = matches!(
            self.users.get(&uid).map(|u| u.manager),
            Some(ManagerPhase::Stopping { .. })
        );
        if let Some((stage, errno)) = stage {
            log::error(format!(
                "user manager of uid {uid} failed at step {}: {}",
                stage.name(),
                std::io::Error::from_raw_os_error(errno)
            ));
        } else if !expected || code.is_some_and(|c| c != 0) || signal.is_some_and(|s| s != 15) {
            log::warn(format!(
                "user manager of uid {uid} (pid {pid}) exited: {}",
                match (code, signal) {
                    (Some(c), _) => format!("status {c}"),
                    (_, Some(s)) => format!("signal {s}"),
                    _ => "unknown".into(),
                }
            ));
        }
        self.manager_event(uid, ManagerEvent::Exited(pid));
    }

    /// A notify datagram from `pid`.
    pub fn on_notify(&mut self, pid: u32, fields: &[(String, String)]) {
        if !fields.iter().any(|(k, v)| k == "READY" && v == "1") {
            return;
        }
        if let Some(uid) = self.manager_uid(pid) {
            self.manager_event(uid, ManagerEvent::Ready(pid));
        }
    }

    /// Start the managers of every lingering user (at daemon start).
    pub fn start_lingering(&mut self) {
        let names = match self.registry.list() {
            Ok(n) => n,
            Err(e) => {
                log::warn(e);
                return;
            }
        };
        let t0 = Instant::now();
        let n = names.len();
        for name in names {
            match self.db().by_name(&name) {
                Ok(Some(a)) => {
                    let uid = a.uid;
                    self.ensure_user(a);
                    self.reconcile_user(uid, true);
                }
                Ok(None) => log::warn(format!(
                    "{}: no user {name} in the user database, ignoring",
                    self.registry.dir().join(&name).display()
                )),
                Err(e) => log::warn(e),
            }
        }
        if n > 0 {
            log::info(format!(
                "started the managers of {n} lingering users in {} ms",
                t0.elapsed().as_millis()
            ));
        }
    }

    /// Begin an orderly stop: every manager gets SIGTERM.
    pub fn begin_shutdown(&mut self) {
        self.shutting_down = true;
        let uids: Vec<u32> = self.users.keys().copied().collect();
        for uid in uids {
            self.reconcile_user(uid, false);
        }
    }

    /// Whether every manager process is gone.
    pub fn all_managers_gone(&self) -> bool {
        self.users.values().all(|u| u.manager.pid().is_none())
    }

    /// Kill what is left at the end of a shutdown that timed out.
    pub fn kill_remaining(&mut self) {
        let left: Vec<(u32, Option<u32>)> = self
            .users
            .iter()
            .filter(|(_, u)| u.manager.pid().is_some())
            .map(|(uid, u)| (*uid, u.manager.pid()))
            .collect();
        for (uid, pid) in left {
            self.tracker.signal_user_service(uid, pid, 9);
        }
    }

    /// Re-read logind.conf.
    pub fn reload(&mut self) {
        let (policy, warnings) =
            Policy::load(&self.config.conf_file(), &self.config.conf_dropin_dir());
        for w in warnings {
            log::warn(w);
        }
        self.policy = policy;
        let uids: Vec<u32> = self.users.keys().copied().collect();
        for uid in uids {
            self.reconcile_user(uid, false);
        }
        log::info("configuration reloaded");
    }
}

#[path = "state_timers.rs"]
mod timers;
