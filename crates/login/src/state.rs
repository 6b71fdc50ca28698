//! The daemon's runtime state, owned by the event loop (one thread, `Rc<RefCell<State>>`):
//! users and their managers here, sessions in `session_ops.rs`, timers in `state_timers.rs`,
//! re-attaching what a previous run left in `state_reattach.rs`. Pure decisions come from
//! `users.rs` / `sessions.rs`; this file performs their effects — bookkeeping at once, file
//! system work (cgroups, the runtime directory's mount) and anything long on a worker in the
//! uid's queue ([`State::background`]), whose result comes back to the loop.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::os::fd::OwnedFd;
use std::rc::Rc;
use std::time::{Duration, Instant};

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tokio::sync::{Notify, oneshot};

use crate::config::LoginConfig;
use crate::jobs::Jobs;
use crate::log;
use crate::persist::{ManagerRecord, Store, UserRecord};
use crate::policy::Policy;
use crate::process::{ExitWatch, Process};
use crate::registry::Registry;
use crate::runtime::{self, TmpfsLimits};
use crate::sessions::{IdCounter, Session};
use crate::tracker::{Cleanup, Tracker};
use crate::userdb::{Account, SystemDb, UserDb};
use crate::users::{self, Found, ManagerEffect, ManagerEvent, ManagerPhase, Timing, User};

/// The state, shared by the loop and the connection tasks on the same thread.
pub type Shared = Rc<RefCell<State>>;

/// Notify datagrams read and not yet taken by the loop at most (each starting manager's
/// socket is read at most `notify_in::BUDGET` a window: a full queue stops the readers).
const NOTIFY_QUEUE: usize = 64;

/// The result of a worker's job, applied to the state on the loop.
pub type Completion = Box<dyn FnOnce(&mut State)>;

/// A process the daemon does not reap itself exited (seen through its pidfd).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// A user manager that is not our child (re-attached after a restart, or foreign).
    Manager {
        /// Its user.
        uid: u32,
        /// Its pid.
        pid: u32,
    },
    /// The leader of a session that has no connection (re-attached after a restart).
    Leader {
        /// The session.
        session: u64,
    },
}

/// The receiving ends the event loop waits on.
#[derive(Debug)]
pub struct Inbox {
    /// Exits seen through pidfds.
    pub exits: UnboundedReceiver<Exit>,
    /// Finished jobs.
    pub done: UnboundedReceiver<Completion>,
    /// Datagrams on the starting managers' notify sockets (`notify_in.rs`).
    pub notify: tokio::sync::mpsc::Receiver<crate::notify_in::Datagram>,
}

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
    /// The records that outlive a restart.
    pub store: Store,
    /// Exec-status pipes of spawned managers, by pid.
    pub status_pipes: HashMap<u32, OwnedFd>,
    /// Leaders of sessions without a connection, watched for their exit.
    pub leader_watches: HashMap<u64, ExitWatch>,
    /// Wakes the loop when timers may have changed.
    pub changed: Rc<Notify>,
    /// Stopping the daemon: no manager is wanted any more.
    pub shutting_down: bool,
    /// The loop has ended: jobs run at once, on the loop's thread.
    pub exiting: bool,
    /// Without cgroups: when closing sessions are next scanned for emptiness (fixed once
    /// set, so that a stream of other events cannot postpone it).
    pub poll_at: std::cell::Cell<Option<Instant>>,
    /// A scan of `/proc` is running on a worker.
    pub scanning: bool,
    /// Long work, queued per uid.
    pub jobs: Rc<Jobs>,
    /// Requests, served one at a time per non-root uid.
    pub turns: Rc<crate::jobs::Lanes>,
    /// Where pidfd watches report exits.
    pub exits: UnboundedSender<Exit>,
    /// Where finished jobs report.
    done: UnboundedSender<Completion>,
    /// Where the starting managers' notify sockets report.
    notify: tokio::sync::mpsc::Sender<crate::notify_in::Datagram>,
    /// Jobs queued or running whose completion has not been applied yet.
    in_flight: Rc<std::cell::Cell<usize>>,
    /// Managers being forked on workers: no child is reaped until they are back.
    pub forks_in_flight: usize,
    /// Children exited while a fork was in flight: reap once it is back.
    pub reap_missed: bool,
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
    /// A fresh state, and the channels its loop waits on.
    pub fn new(config: LoginConfig, policy: Policy, tracker: Tracker) -> (State, Inbox) {
        let (exits, exits_rx) = tokio::sync::mpsc::unbounded_channel();
        let (done, done_rx) = tokio::sync::mpsc::unbounded_channel();
        let (notify, notify_rx) = tokio::sync::mpsc::channel(NOTIFY_QUEUE);
        let state = State {
            poll_at: std::cell::Cell::new(None),
            scanning: false,
            registry: Registry::new(config.linger_dir.clone()),
            ids: IdCounter::default(),
            store: Store::new(&config.state_dir),
            config,
            policy,
            tracker,
            sessions: BTreeMap::new(),
            users: BTreeMap::new(),
            status_pipes: HashMap::new(),
            leader_watches: HashMap::new(),
            changed: Rc::new(Notify::new()),
            shutting_down: false,
            exiting: false,
            jobs: Rc::new(Jobs::default()),
            turns: Rc::new(crate::jobs::Lanes::default()),
            exits,
            done,
            notify,
            in_flight: Rc::default(),
            forks_in_flight: 0,
            reap_missed: false,
        };
        let inbox = Inbox {
            exits: exits_rx,
            done: done_rx,
            notify: notify_rx,
        };
        (state, inbox)
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

    /// Run `job` on a worker in `uid`'s queue, then `then` with its result on the loop. Once
    /// the loop has ended (the final tidy-up at exit) both run at once, right here.
    pub fn background<T: Send + 'static>(
        &mut self,
        uid: u32,
        job: Box<dyn FnOnce() -> T + Send>,
        then: impl FnOnce(&mut State, T) + 'static,
    ) {
        if self.exiting {
            let v = job();
            then(self, v);
            return;
        }
        // Queued now, in the order the loop decided things.
        let run = self.jobs.run(uid, job);
        self.complete_later(run, then);
    }

    /// Run `job` on a worker at once, outside every uid's queue, then `then` with its result
    /// on the loop (as [`State::background`]).
    fn background_unqueued<T: Send + 'static>(
        &mut self,
        job: Box<dyn FnOnce() -> T + Send>,
        then: impl FnOnce(&mut State, T) + 'static,
    ) {
        if self.exiting {
            let v = job();
            then(self, v);
            return;
        }
        self.complete_later(Jobs::run_unqueued(job), then);
    }

    /// Apply `then` to what `run` yields, on the loop, once it is there.
    fn complete_later<T: 'static>(
        &mut self,
        run: impl std::future::Future<Output = Result<T, crate::jobs::JobError>> + 'static,
        then: impl FnOnce(&mut State, T) + 'static,
    ) {
        let done = self.done.clone();
        let in_flight = self.in_flight.clone();
        in_flight.set(in_flight.get() + 1);
        tokio::task::spawn_local(async move {
            let result = run.await;
            let _ = done.send(Box::new(move |s: &mut State| {
                s.in_flight.set(s.in_flight.get() - 1);
                match result {
                    Ok(v) => then(s, v),
                    Err(e) => log::error(e),
                }
            }));
        });
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

    /// Write the user's record (what the daemon made for them) for a restarted daemon.
    pub fn save_user(&self, uid: u32) {
        self.store.save_user(&self.user_record(uid));
    }

    /// The user's record as it stands.
    fn user_record(&self, uid: u32) -> UserRecord {
        match self.users.get(&uid) {
            Some(u) => UserRecord {
                uid,
                manager: u
                    .process
                    .as_ref()
                    .filter(|p| u.manager.pid() == Some(p.pid()))
                    .map(|p| ManagerRecord {
                        pid: p.pid(),
                        start: p.start(),
                    }),
                runtime: u.runtime.as_ref().and_then(runtime::Slot::dir),
                starting: u.starting,
            },
            None => UserRecord {
                uid,
                manager: None,
                runtime: None,
                starting: None,
            },
        }
    }

    /// Whether `uid` lingers.
    pub fn lingering(&self, uid: u32) -> bool {
        self.users.get(&uid).is_some_and(|u| u.lingers)
    }

    /// Sessions of `uid` (any phase).
    pub fn sessions_of(&self, uid: u32) -> impl Iterator<Item = &Session> {
        self.sessions.values().filter(move |s| s.info.uid == uid)
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
        self.set_phase(uid, phase);
        self.manager_effects(uid, fx);
        self.tidy_user(uid);
        self.changed.notify_one();
    }

    /// Feed an event to the user's manager machine, then bring it in line with what is wanted.
    pub fn manager_event(&mut self, uid: u32, event: ManagerEvent) {
        self.manager_event_no_reconcile(uid, event);
        self.reconcile_user(uid, false);
    }

    /// Enter `phase`; the process handle and the record follow the pid.
    fn set_phase(&mut self, uid: u32, phase: ManagerPhase) {
        let Some(u) = self.users.get_mut(&uid) else {
            return;
        };
        let before = u.manager;
        u.manager = phase;
        // Its notify socket goes once it is no longer starting (closed: senders blocked on
        // it are woken).
        if !matches!(phase, ManagerPhase::Starting { .. }) {
            u.notify = None;
        }
        let held = phase.pid().or(match phase {
            ManagerPhase::Foreign { pid } => Some(pid),
            _ => None,
        });
        if u.process.as_ref().map(Process::pid) != held {
            u.process = None;
            u.exit_watch = None;
        }
        if before.pid() != phase.pid() {
            self.save_user(uid);
        }
    }

    fn manager_effects(&mut self, uid: u32, effects: Vec<ManagerEffect>) {
        for fx in effects {
            match fx {
                ManagerEffect::Spawn => self.spawn_manager(uid),
                ManagerEffect::Terminate(pid) => {
                    let p = self.users.get(&uid).and_then(|u| u.process.clone());
                    match p.filter(|p| p.pid() == pid) {
                        Some(p) => {
                            if let Err(e) = p.signal(15) {
                                log::warn(format!(
                                    "cannot stop the user manager of uid {uid}: {e}"
                                ));
                            }
                        }
                        None => log::warn(format!(
                            "internal: no handle on the user manager {pid} of uid {uid}"
                        )),
                    }
                }
                ManagerEffect::KillAll => {
                    log::warn(format!(
                        "user manager of uid {uid} did not stop in time, killing it"
                    ));
                    let p = self.users.get(&uid).and_then(|u| u.process.as_ref());
                    let job = self.tracker.signal_user_service(uid, p, 9);
                    self.background(uid, job, |_, ()| {});
                }
                ManagerEffect::Cleanup => self.cleanup_user_service(uid),
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

    /// Kill what a stopped manager left in `user@UID.service` and remove the tree, on a
    /// worker; no manager is started meanwhile (it would die with the leftovers).
    fn cleanup_user_service(&mut self, uid: u32) {
        let Some(job) = self.tracker.cleanup_user_service(uid) else {
            return;
        };
        if let Some(u) = self.users.get_mut(&uid) {
            u.cleaning = true;
        }
        self.background(uid, job, move |s: &mut State, done| {
            if let Some(u) = s.users.get_mut(&uid) {
                u.cleaning = false;
            }
            match done {
                Cleanup::Removed => s.tracker.forget_user_service(uid),
                // Leftovers were SIGKILLed: once the tree is empty, `on_empty` comes back.
                Cleanup::Busy if !s.tracker.watch_user_service(uid) && !s.exiting => {
                    s.cleanup_user_service(uid);
                    return;
                }
                Cleanup::Busy => {}
            }
            if !s.exiting {
                s.reconcile_user(uid, false);
            }
        });
    }

    /// Whether the user's manager answers; if not, a waiter woken at its next change
    /// (`Err(None)`: none answers and none is coming — not wanted, or given up).
    pub fn manager_waiter(&mut self, uid: u32) -> Result<(), Option<oneshot::Receiver<()>>> {
        let wanted = self.wanted(uid, Instant::now());
        let Some(u) = self.users.get_mut(&uid) else {
            return Err(None);
        };
        if u.manager.answers() {
            return Ok(());
        }
        // Starting, restarting, stopping before a new start, cleaning up first: it comes.
        if !wanted || u.manager == ManagerPhase::Failed {
            return Err(None);
        }
        let (tx, rx) = oneshot::channel();
        u.waiters.push(tx);
        Err(Some(rx))
    }

    /// The runtime directory of `uid` (`base/UID`) and its slot. If the daemon holds none it
    /// is made on a worker in the uid's queue (mkdir, a tmpfs mount — which waits on the
    /// kernel's mount lock —, chown), so every job queued after this call finds it made and
    /// any removal queued before is done.
    pub fn runtime_dir(&mut self, uid: u32) -> (std::path::PathBuf, runtime::Slot) {
        let base = self.config.runtime_base.clone();
        let path = base.join(uid.to_string());
        let Some(u) = self.users.get_mut(&uid) else {
            let slot = runtime::Slot::default();
            slot.set(runtime::Made::Failed(format!("unknown user {uid}")));
            return (path, slot);
        };
        if let Some(slot) = &u.runtime {
            return (path, slot.clone());
        }
        let slot = runtime::Slot::default();
        u.runtime = Some(slot.clone());
        let account = u.account.clone();
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
        let fill = slot.clone();
        let work = move || {
            let (made, note) = match runtime::create(&base, &account, limits) {
                Ok((dir, note)) => (runtime::Made::Dir(dir), note),
                Err(e) => (
                    runtime::Made::Failed(format!(
                        "cannot create runtime directory of {}: {e}",
                        account.name
                    )),
                    None,
                ),
            };
            fill.set(made.clone());
            (made, note)
        };
        let held = slot.clone();
        self.background(uid, Box::new(work), move |st: &mut State, (made, note)| {
            if let Some(n) = note {
                log::warn(n);
            }
            if let runtime::Made::Failed(e) = made {
                log::error(e);
            }
            // Still the user's directory (not removed meanwhile): its record follows.
            if st
                .users
                .get(&uid)
                .and_then(|u| u.runtime.as_ref())
                .is_some_and(|s| s.is(&held))
            {
                st.save_user(uid);
            }
        });
        (path, slot)
    }

    /// Start the user's manager: first its runtime directory and cgroups are made on a worker
    /// ([`State::prepare_manager`]); the completion comes back here to fork it.
    fn spawn_manager(&mut self, uid: u32) {
        let Some(u) = self.users.get_mut(&uid) else {
            return;
        };
        if u.cleaning || u.preparing {
            return; // the cleanup's (preparation's) completion reconciles again
        }
        match u.prepared.take() {
            Some(prepared) => self.fork_manager(uid, prepared),
            None => self.prepare_manager(uid),
        }
    }

    /// Fork the manager on a worker: a fork into a cgroup takes the kernel's cgroup lock,
    /// which every cgroup migration on the machine holds across an RCU grace period — users
    /// migrating processes in their own subtrees included (1–20 ms measured per fork on an
    /// idle machine, > 100 ms under load, on the loop until this moved). Reaping waits while
    /// a fork is in flight ([`State::forks_in_flight`]): the child's pid is its own until its
    /// pidfd is opened and its record is here.
    ///
    /// The fork waits until the user's record says, on disk, that a fork was decided now
    /// (`starting`, a start-time bound): a daemon killed after the fork and before the
    /// completion's record of the child finds the child by it at its restart
    /// (`state_reattach.rs`), instead of taking it for a manager the user ran by hand and
    /// never stopping it.
    fn fork_manager(&mut self, uid: u32, prepared: crate::users::Prepared) {
        let (runtime, _) = self.runtime_dir(uid);
        let Some(u) = self.users.get_mut(&uid) else {
            return;
        };
        // No other start, cleanup or tidy-up of this user until the fork is back.
        u.preparing = true;
        u.starting = Some(crate::process::boot_ticks());
        let account = u.account.clone();
        let command = self.config.user_manager.clone();
        let notify_dir = self.config.notify_dir();
        let login = self.config.socket.clone();
        let intent = self.store.save_user_then(&self.user_record(uid));
        self.forks_in_flight += 1;
        type Forked = (Process, Option<OwnedFd>, (std::path::PathBuf, OwnedFd));
        let work = move || -> Result<Forked, String> {
            // The intent is on disk (or could not be written: logged, and the fork goes on —
            // a login is not refused over a record).
            let _ = intent.recv();
            let (notify, socket) =
                crate::notify_in::bind(&notify_dir, account.uid).map_err(|e| {
                    format!(
                        "cannot bind a notify socket in {}: {e}",
                        notify_dir.display()
                    )
                })?;
            let m = crate::spawn::spawn(
                &command,
                &account,
                prepared.groups,
                &runtime,
                &notify,
                &login,
                prepared.join,
            )
            .inspect_err(|_| {
                let _ = std::fs::remove_file(&notify);
            })?;
            // Our unreaped child (nothing is reaped while a fork is in flight).
            let process = Process::open(m.pid).map_err(|e| {
                let _ = std::fs::remove_file(&notify);
                e.to_string()
            })?;
            #[cfg(debug_assertions)]
            crate::test_hooks::after_manager_fork(process.pid());
            Ok((process, m.status, (notify, socket)))
        };
        self.background_unqueued(Box::new(work), move |st: &mut State, forked| {
            st.forks_in_flight -= 1;
            if let Some(u) = st.users.get_mut(&uid) {
                u.preparing = false;
                u.starting = None;
            }
            match forked {
                Ok((process, status, (path, socket))) => {
                    let pid = process.pid();
                    if let Some(s) = status {
                        st.status_pipes.insert(pid, s);
                    }
                    if let Some(u) = st.users.get_mut(&uid) {
                        u.process = Some(process);
                    }
                    let socket = crate::notify_in::ManagerSocket::watch(
                        uid,
                        path,
                        socket,
                        st.notify.clone(),
                    );
                    st.manager_event_no_reconcile(uid, ManagerEvent::Spawned(pid));
                    // Read while it starts (dropped at once otherwise: closed, unlinked).
                    if let Some(u) = st.users.get_mut(&uid).filter(
                        |u| matches!(u.manager, ManagerPhase::Starting { pid: p, .. } if p == pid),
                    ) {
                        u.notify = Some(socket);
                    }
                    // Its record names the child now (set_phase wrote it), in place of the
                    // intent; anything else leaves no intent behind either.
                    if st
                        .users
                        .get(&uid)
                        .is_none_or(|u| u.manager.pid() != Some(pid))
                    {
                        st.save_user(uid);
                    }
                }
                Err(e) => {
                    log::error(format!("cannot start user manager of uid {uid}: {e}"));
                    st.manager_event_no_reconcile(uid, ManagerEvent::SpawnFailed);
                    st.save_user(uid);
                }
            }
            if !st.exiting {
                st.reconcile_user(uid, false);
            }
        });
    }

    /// Make what the manager's start needs on a worker in the uid's queue: its runtime
    /// directory (queued first, if new), its cgroups (delegated, `init.scope`'s
    /// `cgroup.procs` opened) and its groups from the user database. The completion starts
    /// it if it is still wanted.
    fn prepare_manager(&mut self, uid: u32) {
        let (runtime, slot) = self.runtime_dir(uid);
        let Some(account) = self.users.get(&uid).map(|u| u.account.clone()) else {
            return;
        };
        let cgroups = match self.tracker.prepare_user(uid, account.gid) {
            Ok(w) => w,
            Err(e) => {
                log::error(format!("cannot start user manager of uid {uid}: {e}"));
                self.manager_event_no_reconcile(uid, ManagerEvent::SpawnFailed);
                return;
            }
        };
        let db = self.db();
        if let Some(u) = self.users.get_mut(&uid) {
            u.preparing = true;
        }
        let work = move || -> Result<crate::users::Prepared, String> {
            if let Some(e) = slot.failure() {
                return Err(e);
            }
            let join = cgroups()?;
            let found = match crate::adopt::probe(&runtime, uid) {
                crate::adopt::Probe::Listening(pid) => {
                    Process::open(pid).map_or(Found::Nobody, Found::Foreign)
                }
                crate::adopt::Probe::Nobody => Found::Nobody,
                crate::adopt::Probe::Unresponsive => Found::Unresponsive,
            };
            Ok(crate::users::Prepared {
                join,
                groups: db.groups(&account),
                found,
            })
        };
        self.background(uid, Box::new(work), move |st: &mut State, prepared| {
            let Some(u) = st.users.get_mut(&uid) else {
                return;
            };
            u.preparing = false;
            let startable = matches!(
                u.manager,
                ManagerPhase::Stopped | ManagerPhase::Backoff { .. } | ManagerPhase::Failed
            );
            match prepared {
                // Decided when it was queued: started now if still wanted.
                Ok(mut p) if startable && st.wanted(uid, Instant::now()) => {
                    let found = std::mem::replace(&mut p.found, Found::Nobody);
                    let adopted = match found {
                        Found::Foreign(process) => st.adopt_foreign_manager(uid, process),
                        Found::Unresponsive => {
                            log::warn(format!(
                                "the manager socket of uid {uid} accepts no connection; starting a manager anyway"
                            ));
                            false
                        }
                        Found::Nobody => false,
                    };
                    if !adopted {
                        if let Some(u) = st.users.get_mut(&uid) {
                            u.prepared = Some(p);
                        }
                        st.spawn_manager(uid);
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    log::error(format!("cannot start user manager of uid {uid}: {e}"));
                    if startable {
                        st.manager_event_no_reconcile(uid, ManagerEvent::SpawnFailed);
                    }
                }
            }
            if !st.exiting {
                st.reconcile_user(uid, false);
            }
        });
    }

    /// A manager the daemon did not start (the user ran one by hand) answers on the user's
    /// socket: known, not started twice, never stopped or cleaned up after by the daemon.
    /// (The socket was asked on the worker that prepared the start, [`Found`].)
    fn adopt_foreign_manager(&mut self, uid: u32, process: Process) -> bool {
        let pid = process.pid();
        let Ok(watch) = process.watch_exit(Exit::Manager { uid, pid }, self.exits.clone()) else {
            return false;
        };
        log::info(format!(
            "a user manager the login daemon did not start runs for uid {uid} (pid {pid}): using it, it is not the daemon's to stop"
        ));
        if let Some(u) = self.users.get_mut(&uid) {
            u.process = Some(process);
            u.exit_watch = Some(watch);
        }
        self.manager_event_no_reconcile(uid, ManagerEvent::Foreign(pid));
        true
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
                self.set_phase(uid, phase);
                self.manager_effects(uid, fx);
            }
            Err(e) => log::error(e),
        }
    }

    /// Once a user needs nothing any more (no session, no manager, not wanted): remove what
    /// the daemon made — first what the manager left in `user@UID.service` (its completion
    /// tidies again), then the runtime directory, IPC objects and the slice — and the record
    /// unless the user lingers. File work runs on a worker.
    pub fn tidy_user(&mut self, uid: u32) {
        let now = Instant::now();
        let Some(u) = self.users.get(&uid) else {
            return;
        };
        if u.manager != ManagerPhase::Stopped
            || u.cleaning
            || u.preparing
            || self.sessions_of(uid).next().is_some()
            || self.wanted(uid, now)
        {
            return;
        }
        if self.tracker.knows_user_service(uid) {
            self.cleanup_user_service(uid);
            if self.tracker.knows_user_service(uid) {
                return;
            }
        }
        let lingering = self.lingering(uid);
        let remove_ipc = self.policy.remove_ipc && !runtime::is_system_uid(uid);
        if let Some(u) = self.users.get_mut(&uid) {
            u.prepared = None;
        }
        if let Some(slot) = self.users.get_mut(&uid).and_then(|u| u.runtime.take()) {
            // In the uid's queue, after its making and before any later login's: out of the
            // way (a new login gets a fresh one), the user's IPC objects removed; what is left
            // of the directory is deleted by a job after that.
            let work = move || {
                let mut problems = Vec::new();
                let aside = match slot.dir() {
                    Some(rt) => runtime::detach(&rt).unwrap_or_else(|e| {
                        problems.push(format!("cannot remove {}: {e}", rt.path.display()));
                        None
                    }),
                    None => None,
                };
                if remove_ipc {
                    problems.extend(runtime::remove_ipc(uid));
                }
                (aside, problems)
            };
            self.background(
                uid,
                Box::new(work),
                move |st: &mut State, (aside, problems)| {
                    problems.into_iter().for_each(log::warn);
                    if let Some(path) = aside {
                        let delete = move || {
                            runtime::remove_detached(&path)
                                .map_err(|e| format!("cannot remove {}: {e}", path.display()))
                        };
                        st.background(uid, Box::new(delete), |_, done: Result<(), String>| {
                            if let Err(e) = done {
                                log::warn(e);
                            }
                        });
                    }
                },
            );
        }
        self.remove_user_slice(uid);
        if !lingering {
            self.users.remove(&uid);
        }
        self.save_user(uid);
    }

    /// Forget `user-UID.slice`; removed on a worker.
    pub fn remove_user_slice(&mut self, uid: u32) {
        if let Some(job) = self.tracker.remove_user_slice(uid) {
            self.background(uid, job, move |_, removed| {
                if let Err(e) = removed {
                    log::warn(format!("cannot remove user-{uid}.slice: {e}"));
                }
            });
        }
    }

    /// The user whose own (not foreign) manager is `pid`.
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

    /// A process seen through its pidfd exited.
    pub fn on_pidfd_exit(&mut self, exit: Exit) {
        match exit {
            Exit::Manager { uid, pid } => {
                let ours = self.users.get(&uid).map(|u| u.manager);
                if ours.is_some_and(|m| m.pid() == Some(pid)) {
                    self.on_exit(pid, None, None);
                } else if ours == Some(ManagerPhase::Foreign { pid }) {
                    self.manager_event(uid, ManagerEvent::Exited(pid));
                }
            }
            Exit::Leader { session } => {
                self.leader_watches.remove(&session);
                // Its PAM process is gone without a connection to close: as if it had closed.
                if self
                    .sessions
                    .get(&session)
                    .is_some_and(|s| s.conn == 0 && s.phase == crate::sessions::Phase::Active)
                {
                    self.close_session(session, None, false);
                }
            }
        }
    }

    /// A datagram on the notify socket of uid's starting manager (only the user and root may
    /// send to it): only the manager itself is listened to (its pid and uid from
    /// `SCM_CREDENTIALS`), and its datagram is only parsed then.
    pub fn on_notify(&mut self, uid: u32, sender: linger_ipc::notify::Sender, data: &[u8]) {
        let pid = sender.pid;
        let ours = sender.uid == uid
            && self
                .users
                .get(&uid)
                .is_some_and(|u| u.manager.pid() == Some(pid));
        if !ours {
            return;
        }
        let message = linger_ipc::notify::NotifyMessage::new(pid, data);
        if message.fields.iter().any(|(k, v)| k == "READY" && v == "1") {
            self.manager_event(sender.uid, ManagerEvent::Ready(pid));
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

    /// Whether every manager process is gone and no job is under way: a stop may end.
    pub fn all_done(&self) -> bool {
        self.in_flight.get() == 0 && self.users.values().all(|u| u.manager.pid().is_none())
    }

    /// Kill what is left at the end of a shutdown that timed out (on this thread: the loop
    /// has ended).
    pub fn kill_remaining(&mut self) {
        for (uid, u) in &self.users {
            if u.manager.pid().is_some() {
                (self
                    .tracker
                    .signal_user_service(*uid, u.process.as_ref(), 9))();
            }
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

#[path = "state_reattach.rs"]
mod reattach;
