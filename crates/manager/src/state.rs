//! The single owner of the manager's runtime state, and how engine effects are carried out.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use linger_engine::{ActiveState, Effect, Engine, ExitStatus, Host, JobId, JobResult, TimerKind};
use linger_ipc::manager::LogLine;
use linger_time::Usec;
use tokio::sync::{Notify, oneshot};

use crate::host::{NewPipe, RealHost};
use crate::logs::LogTail;
use crate::reexec::PipeFd;
use crate::source::SearchPathSource;

/// How often the emptiness of adopted units without cgroups is looked at.
const ADOPTED_POLL_USEC: Usec = 100_000;

/// The engine as the manager instantiates it.
pub type ManagerEngine = Engine<RealHost, SearchPathSource>;

/// Shared handle: one event loop thread, so `Rc<RefCell<…>>` borrowed briefly per event.
pub type Shared = Rc<RefCell<State>>;

/// Why the event loop should end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitRequest {
    /// Stop every unit, then exit.
    Shutdown,
    /// Re-execute the binary keeping services running.
    Reexec,
}

/// All runtime state.
#[derive(Debug)]
pub struct State {
    /// The pure core.
    pub engine: ManagerEngine,
    timers: BTreeMap<(Usec, u64), (String, TimerKind, u64)>,
    timer_index: HashMap<(String, TimerKind), (Usec, u64)>,
    timer_seq: u64,
    /// Woken when the earliest timer may have changed.
    pub timer_changed: Rc<Notify>,
    waiters: HashMap<JobId, Vec<oneshot::Sender<JobResult>>>,
    watch_empty: HashSet<String>,
    /// Recent log lines per unit.
    pub logs: LogTail,
    /// Set when the loop should end.
    pub exit: Option<ExitRequest>,
    /// Mirror manager messages on stderr.
    pub log_to_stderr: bool,
    /// Open service output pipes (handed over on `daemon-reexec`).
    pub pipes: HashMap<u64, PipeRecord>,
    /// Next pipe id.
    pub next_pipe: u64,
    /// The persistent journal (its writer runs on a thread of its own: never blocks us).
    pub journal: Option<linger_journal::WriterHandle>,
    /// Woken (from the journal's writer thread) when its queue has room again.
    pub journal_room: std::sync::Arc<Notify>,
    /// Fields every entry of this manager carries (`_UID`, `_GID`, `_HOSTNAME`, …).
    pub base_fields: Vec<(String, Vec<u8>)>,
    /// Crash-recovery records.
    pub book: crate::recovery::Book,
    /// Services re-adopted after a crash: their processes are not our children, so no SIGCHLD
    /// tells when they are gone.
    pub adopted: HashSet<String>,
    /// When those are looked at next.
    empty_poll: std::cell::Cell<Option<Usec>>,
    /// Adopted main processes seen exiting (through their pidfds), for the next loop turn.
    pub adopted_exits: Vec<(String, u32, Option<i32>)>,
}

/// A service output pipe being read.
#[derive(Debug)]
pub struct PipeRecord {
    /// Unit.
    pub unit: String,
    /// Writer pid.
    pub pid: u32,
    /// Identifier for its lines.
    pub identifier: String,
    /// Honour `<N>` prefixes.
    pub level_prefix: bool,
    /// The read end.
    pub fd: PipeFd,
    /// The incomplete line so far.
    pub buf: Rc<RefCell<linger_journal::capture::LineSplitter>>,
}

impl State {
    /// New state around an engine.
    pub fn new(engine: ManagerEngine, log_to_stderr: bool) -> Self {
        State {
            engine,
            timers: BTreeMap::new(),
            timer_index: HashMap::new(),
            timer_seq: 0,
            timer_changed: Rc::new(Notify::new()),
            waiters: HashMap::new(),
            watch_empty: HashSet::new(),
            logs: LogTail::default(),
            exit: None,
            log_to_stderr,
            pipes: HashMap::new(),
            next_pipe: 0,
            journal: None,
            journal_room: std::sync::Arc::new(Notify::new()),
            base_fields: Vec::new(),
            book: crate::recovery::Book::default(),
            adopted: HashSet::new(),
            empty_poll: std::cell::Cell::new(None),
            adopted_exits: Vec::new(),
        }
    }

    /// Be told when job `jid` finishes.
    pub fn wait_job(&mut self, jid: JobId) -> oneshot::Receiver<JobResult> {
        let (tx, rx) = oneshot::channel();
        self.waiters.entry(jid).or_default().push(tx);
        rx
    }

    /// The earliest timer deadline (CLOCK_MONOTONIC µs).
    pub fn next_deadline(&self) -> Option<Usec> {
        let timer = self.timers.keys().next().map(|(d, _)| *d);
        // Adopted processes that are not in a cgroup of ours: their end is only seen by
        // looking (tenth of a second).
        let polled = self.watch_empty.iter().any(|u| self.adopted.contains(u));
        // A fixed deadline: every other wake-up of the loop (a client asking every 50 ms)
        // must not push it back.
        let poll = polled.then(|| match self.empty_poll.get() {
            Some(d) => d,
            None => {
                let d = self.engine.monotonic_now() + ADOPTED_POLL_USEC;
                self.empty_poll.set(Some(d));
                d
            }
        });
        timer.into_iter().chain(poll).min()
    }

    /// Fire every timer that is due.
    pub fn fire_due_timers(&mut self) {
        let now = self.engine.monotonic_now();
        if self.empty_poll.get().is_some_and(|d| d <= now) {
            self.empty_poll.set(None);
            self.check_empty();
        }
        while let Some(entry) = self.timers.first_entry() {
            if entry.key().0 > now {
                break;
            }
            let (unit, kind, generation) = entry.remove();
            self.timer_index.remove(&(unit.clone(), kind));
            self.engine.on_timer(&unit, kind, generation);
        }
        self.apply_effects();
    }

    /// A batch of reaped children.
    pub fn on_reaped(&mut self, exits: &[(u32, ExitStatus)]) {
        self.engine.host().tracker.invalidate();
        for &(pid, status) in exits {
            self.engine.host_mut().child_exited(pid);
            self.engine.host_mut().tracker.reaped(pid);
            self.engine.on_exit(pid, status);
        }
        self.check_empty();
        self.apply_effects();
    }

    /// `cgroup.events` changed: the watched units that are now empty.
    pub fn on_cgroup_events(&mut self) {
        for unit in self.engine.host_mut().cgroups.drain_events() {
            self.engine.on_unit_empty(&unit);
        }
        self.apply_effects();
    }

    /// Re-check units waiting for their last process to go.
    pub fn check_empty(&mut self) {
        if self.watch_empty.is_empty() {
            return;
        }
        self.engine.host().tracker.invalidate();
        let units: Vec<String> = self.watch_empty.iter().cloned().collect();
        for u in units {
            let state = self.engine.unit(&u).map(|x| x.active_state());
            // A forking daemon whose main pid is unknown is "running" exactly while it has
            // processes: keep watching it.
            let pidless_daemon = self.engine.unit(&u).and_then(|x| x.service()).is_some_and(|svc| {
                matches!(svc.state(), linger_engine::ServiceState::Running(p) if p.main.is_none())
            });
            if !pidless_daemon
                && !matches!(
                    state,
                    Some(ActiveState::Deactivating | ActiveState::Activating)
                )
            {
                self.watch_empty.remove(&u);
                continue;
            }
            if self.engine.host().unit_is_empty(&u) {
                self.engine.on_unit_empty(&u);
            }
        }
    }

    /// Carry out everything the engine (and host) asked for, until nothing is left.
    pub fn apply_effects(&mut self) {
        loop {
            let effects = self.engine.take_effects();
            let host_logs = std::mem::take(&mut self.engine.host_mut().logs);
            for l in host_logs {
                self.record(&l.unit, l.priority, "linger", std::process::id(), l.message);
            }
            if effects.is_empty() {
                break;
            }
            for e in effects {
                self.apply(e);
            }
        }
    }

    fn apply(&mut self, e: Effect) {
        match e {
            Effect::ArmTimer {
                unit,
                kind,
                deadline,
                generation,
            } => {
                if let Some(old) = self.timer_index.remove(&(unit.clone(), kind)) {
                    self.timers.remove(&old);
                }
                self.timer_seq += 1;
                let key = (deadline, self.timer_seq);
                self.timers.insert(key, (unit.clone(), kind, generation));
                self.timer_index.insert((unit, kind), key);
                self.timer_changed.notify_one();
            }
            Effect::DisarmTimer { unit, kind } => {
                if let Some(old) = self.timer_index.remove(&(unit, kind)) {
                    self.timers.remove(&old);
                }
            }
            Effect::Log {
                unit,
                level,
                message,
            } => {
                self.record(
                    &unit,
                    level.priority(),
                    "linger",
                    std::process::id(),
                    message,
                );
            }
            Effect::JobFinished {
                job,
                result,
                unit,
                job_type,
            } => {
                for tx in self.waiters.remove(&job).unwrap_or_default() {
                    let _ = tx.send(result);
                }
                // Streams handed over for a start that never ran (`linger run --pipe` with a
                // failed dependency) are not kept: the caller's pipeline would never end.
                let idle = self
                    .engine
                    .unit(&unit)
                    .is_none_or(|u| u.active_state().is_inactive_or_failed());
                if job_type == linger_engine::JobType::Start && result != JobResult::Done && idle {
                    self.engine.host_mut().attached_stdio.remove(&unit);
                }
            }
            Effect::WatchEmpty { unit } => {
                let is_scope = self.engine.unit(&unit).is_some_and(|u| u.scope().is_some());
                let adopted = self.adopted.contains(&unit) && self.engine.host().cgroups.active();
                if is_scope || adopted {
                    // Not our children: only the cgroup tells when they are gone.
                    match self.engine.host_mut().cgroups.watch(&unit) {
                        Some(false) => self.engine.on_unit_empty(&unit),
                        Some(true) => {}
                        // No cgroup to watch: look again at each SIGCHLD (and poll).
                        None => {
                            self.watch_empty.insert(unit);
                        }
                    }
                    return;
                }
                self.watch_empty.insert(unit);
            }
            Effect::ReleaseResources { unit } => {
                self.watch_empty.remove(&unit);
                self.adopted.remove(&unit);
                // The caller's terminal or pipes are not held once the unit is gone.
                self.engine.host_mut().attached_stdio.remove(&unit);
                if self.engine.host().unit_is_empty(&unit) {
                    self.engine.host_mut().tracker.release(&unit);
                    self.engine.host_mut().cgroups.release(&unit);
                }
                self.collect_transient(&unit);
            }
        }
    }

    /// A transient unit (`linger run`) that ended cleanly is garbage: remove its file, as
    /// systemd unloads transient units. A failed one stays for `status` until reset-failed; a
    /// service stays while an active timer or socket still triggers it, and goes with its
    /// transient timer.
    fn collect_transient(&mut self, unit: &str) {
        let transient = self
            .engine
            .host()
            .config
            .runtime_dir
            .join("systemd/transient");
        let is_garbage = |u: &linger_engine::UnitInfo| {
            u.active_state() == linger_engine::ActiveState::Inactive
                && u.config
                    .fragment_path
                    .as_ref()
                    .is_some_and(|p| p.starts_with(&transient))
        };
        let Some(u) = self.engine.unit(unit) else {
            return;
        };
        if !is_garbage(u) {
            return;
        }
        let still_triggered = self.engine.triggered_by(unit).iter().any(|a| {
            self.engine
                .unit(a)
                .is_some_and(|a| !a.active_state().is_inactive_or_failed())
        });
        if still_triggered {
            return;
        }
        let mut files: Vec<std::path::PathBuf> = u.config.fragment_path.iter().cloned().collect();
        if let Some(target) = self.engine.triggers(unit)
            && let Some(t) = self.engine.unit(&target)
            && is_garbage(t)
        {
            files.extend(t.config.fragment_path.iter().cloned());
        }
        for f in files {
            let _ = std::fs::remove_file(f);
        }
    }

    /// Record a log line for a unit.
    pub fn record(
        &mut self,
        unit: &str,
        priority: u8,
        identifier: &str,
        pid: u32,
        message: String,
    ) {
        if self.log_to_stderr {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("{unit}: {message}");
            }
        }
        let realtime = self.engine.host().now().realtime;
        if let Some(j) = &self.journal {
            // The manager's own messages about a unit carry USER_UNIT=, as systemd's do.
            let mut e = linger_journal::Entry::message(priority, message.as_bytes());
            e.push("SYSLOG_IDENTIFIER", identifier);
            e.push("_PID", pid.to_string());
            e.push("_COMM", identifier);
            e.push("USER_UNIT", unit);
            e.push("_SYSTEMD_USER_UNIT", "init.scope");
            for (k, v) in &self.base_fields {
                e.push(k.as_str(), v.clone());
            }
            j.submit(e);
        }
        self.logs.push(
            unit,
            LogLine {
                realtime,
                identifier: identifier.to_string(),
                pid,
                priority,
                message,
            },
        );
    }

    /// A native-protocol or syslog datagram from `pid`: keep the sender's fields, add the
    /// trusted ones (`_PID`, `_COMM`, the unit the process belongs to), as journald does.
    pub fn log_datagram(&mut self, pid: u32, fields: Vec<(String, Vec<u8>)>, transport: &str) {
        let Some(j) = &self.journal else { return };
        let unit = self
            .engine
            .unit_of_pid(pid)
            .map(str::to_string)
            .or_else(|| self.engine.host().tracker.unit_of(pid));
        let mut e = linger_journal::Entry::default();
        for (k, v) in fields {
            if !k.starts_with('_') {
                e.push(k, v);
            }
        }
        e.push("_TRANSPORT", transport);
        e.push("_PID", pid.to_string());
        let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        e.push("_COMM", comm.trim());
        if let Some(u) = &unit {
            e.push("_SYSTEMD_USER_UNIT", u.as_str());
        }
        for (k, v) in &self.base_fields {
            e.push(k.as_str(), v.clone());
        }
        j.submit(e);
    }

    /// Output pipes created by spawns since the last call.
    pub fn take_new_pipes(&mut self) -> Vec<NewPipe> {
        std::mem::take(&mut self.engine.host_mut().new_pipes)
    }
}
