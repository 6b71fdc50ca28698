//! The manager: the one value that owns all of the user manager's runtime state (the engine
//! and its host, timers, output pipes, the in-memory log tail, crash-recovery bookkeeping,
//! waiting calls, subscribers), owned by the event loop and changed only by it. This file
//! holds the state and how the engine's effects are carried out; `handle.rs` turns events
//! into calls on it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::os::fd::OwnedFd;

use linger_engine::{ActiveState, Effect, Engine, ExitStatus, Host, JobResult, TimerKind};
use linger_ipc::manager::LogLine;
use linger_time::Usec;
use tokio::sync::{Notify, mpsc, oneshot};

use crate::call::{Answer, ReplyTo};
use crate::changes::Subscribers;
use crate::event::Event;
use crate::host::{NewPipe, RealHost};
use crate::job_waits::JobWaits;
use crate::logs::LogTail;
use crate::recovery_log::RecoveryState;
use crate::source::SearchPathSource;

/// How often the emptiness of adopted units without cgroups is looked at: the one poll of
/// the manager, for processes that are neither our children (no SIGCHLD) nor in a cgroup of
/// ours (no `cgroup.events`) — re-adopted after a crash under the `none` driver.
const ADOPTED_POLL_USEC: Usec = 100_000;

/// The engine as the manager instantiates it.
pub type ManagerEngine = Engine<RealHost, SearchPathSource>;

/// Why the event loop should end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitRequest {
    /// Every unit is stopped: exit.
    Shutdown,
    /// Every output pipe is back in our hands: re-execute the binary, services running on.
    Reexec,
}

/// All runtime state.
#[derive(Debug)]
pub struct Manager {
    /// The pure core.
    pub engine: ManagerEngine,
    timers: BTreeMap<(Usec, u64), (String, TimerKind, u64)>,
    timer_index: HashMap<(String, TimerKind), (Usec, u64)>,
    timer_seq: u64,
    watch_empty: HashSet<String>,
    /// Recent log lines per unit.
    pub logs: LogTail,
    /// Set when the loop should end.
    pub exit: Option<ExitRequest>,
    /// Stopping every unit before exiting.
    pub shutting_down: bool,
    /// Units whose state changed since the heap was last given back (handle.rs `end_turn`).
    pub changes_since_trim: usize,
    /// Output pipes still to be handed back before a `daemon-reexec`.
    pub reexec_waiting: Option<usize>,
    /// Mirror manager messages on stderr.
    pub log_to_stderr: bool,
    /// Open service output pipes (their readers run as tasks).
    pub pipes: HashMap<u64, PipeRecord>,
    /// Next pipe id.
    pub next_pipe: u64,
    /// The persistent journal (its writer runs on a thread of its own: never blocks us).
    pub journal: Option<linger_journal::WriterHandle>,
    /// The manager's own entries of this turn, stamped when made, handed to the writer
    /// together ([`Manager::flush_entries`]): one wake-up of its thread a turn, not one an
    /// entry (a start of 500 logs 1000 lines; waking the writer for each was 7% of the
    /// loop's time).
    pub pending_entries: Vec<linger_journal::Entry>,
    /// Woken (from the journal's writer thread) when its queue has room again.
    pub journal_room: std::sync::Arc<Notify>,
    /// The journal's writer takes output lines' bytes out of their pipes through the fd
    /// keeper (set up with the first pipe the keeper holds; see `keeper.rs`).
    pub pipe_consumer: bool,
    /// Fields every entry of this manager carries (`_UID`, `_GID`, `_HOSTNAME`, …).
    pub base_fields: Vec<(String, Vec<u8>)>,
    /// What the crash-recovery log holds.
    pub recovery: RecoveryState,
    /// Services re-adopted after a crash: their processes are not our children, so no SIGCHLD
    /// tells when they are gone.
    pub adopted: HashSet<String>,
    /// When those are looked at next.
    empty_poll: Option<Usec>,
    /// Adopted main processes seen exiting (through their pidfds), taken as one batch at the
    /// end of the turn.
    pub adopted_exits: Vec<(String, u32, Option<i32>)>,
    /// Where tasks the manager starts (pipe readers, pidfd watchers) send their events.
    pub events: mpsc::UnboundedSender<Event>,
    /// Job calls waiting for their jobs.
    pub job_waits: JobWaits,
    /// When the jobs queued at start-up were all done (`FinishTimestamp`).
    pub startup_finished: Option<linger_engine::Timestamp>,
    /// Who listens to changes.
    pub subscribers: Subscribers,
    /// The unit states published for front ends at the end of each turn (published.rs).
    pub published: crate::published::PublishedStates,
    /// Units to unload (collect.rs): transient ones whose files were collected, and others
    /// that went inactive (or reset-failed) while maybe needed by nobody.
    pub collected: std::collections::BTreeSet<String>,
    /// Units of recently exited pids (for stream lines read after their writer exited).
    pub recent_exits: crate::recent_exits::RecentExits,
    /// What the manager exits with when told to exit (`SetExitCode`).
    pub exit_code: u8,
    /// The manager's own messages above this syslog level are not logged (`LogLevel=`).
    pub log_level: u8,
    /// Where the manager's own messages go (`LogTarget=`).
    pub log_target: crate::control_call::LogTarget,
    /// Resolved once the answers of the `daemon-reexec` calls are written (run.rs waits).
    pub reexec_written: Vec<oneshot::Receiver<()>>,
    /// Set while the manager is starting (startup.rs): the events that wait for it.
    pub starting: Option<crate::startup::Starting>,
}

/// A service output pipe being read (by a task of its own, which has the fd).
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
    /// The incomplete line read so far.
    pub pending: Vec<u8>,
    /// Tells the reader to stop and give the pipe back (`daemon-reexec`).
    pub stop: Option<oneshot::Sender<()>>,
    /// Tells the reader to read what the pipe holds (its writer exited).
    pub drain: std::sync::Arc<Notify>,
    /// The pipe, once given back.
    pub handed_back: Option<OwnedFd>,
}

impl Manager {
    /// New state around an engine; tasks it starts report on `events`.
    pub fn new(
        engine: ManagerEngine,
        log_to_stderr: bool,
        events: mpsc::UnboundedSender<Event>,
    ) -> Self {
        Manager {
            engine,
            timers: BTreeMap::new(),
            timer_index: HashMap::new(),
            timer_seq: 0,
            watch_empty: HashSet::new(),
            logs: LogTail::default(),
            exit: None,
            shutting_down: false,
            changes_since_trim: 0,
            reexec_waiting: None,
            log_to_stderr,
            pipes: HashMap::new(),
            next_pipe: 0,
            journal: None,
            journal_room: std::sync::Arc::new(Notify::new()),
            pending_entries: Vec::new(),
            pipe_consumer: false,
            base_fields: Vec::new(),
            recovery: RecoveryState::default(),
            adopted: HashSet::new(),
            empty_poll: None,
            adopted_exits: Vec::new(),
            events,
            job_waits: JobWaits::default(),
            subscribers: Subscribers::default(),
            published: Default::default(),
            collected: Default::default(),
            recent_exits: Default::default(),
            exit_code: 0,
            log_level: 6,
            log_target: Default::default(),
            reexec_written: Vec::new(),
            startup_finished: None,
            starting: None,
        }
    }

    /// The earliest timer deadline (CLOCK_MONOTONIC µs).
    pub fn next_deadline(&mut self) -> Option<Usec> {
        let timer = self.timers.keys().next().map(|(d, _)| *d);
        // Adopted processes that are not in a cgroup of ours: their end is only seen by
        // looking (tenth of a second).
        let polled = self.watch_empty.iter().any(|u| self.adopted.contains(u));
        // A fixed deadline: every other wake-up of the loop (a client asking every 50 ms)
        // must not push it back.
        let poll = polled.then(|| match self.empty_poll {
            Some(d) => d,
            None => {
                let d = self.engine.monotonic_now() + ADOPTED_POLL_USEC;
                self.empty_poll = Some(d);
                d
            }
        });
        timer.into_iter().chain(poll).min()
    }

    /// Fire every timer that is due.
    pub fn fire_due_timers(&mut self) {
        let now = self.engine.monotonic_now();
        if self.empty_poll.is_some_and(|d| d <= now) {
            self.empty_poll = None;
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
        // The scan the exits were handled with (if any) was made after the reap: current.
        self.recheck_empty();
        self.apply_effects();
    }

    /// `cgroup.events` changed: the watched units that are now empty.
    pub fn on_cgroup_events(&mut self) {
        for unit in self.engine.host_mut().cgroups.drain_events() {
            self.engine.on_unit_empty(&unit);
        }
        self.apply_effects();
    }

    /// Re-check units waiting for their last process to go (with processes looked up afresh:
    /// one may have vanished without being our child).
    pub fn check_empty(&mut self) {
        if self.watch_empty.is_empty() {
            return;
        }
        self.engine.host().tracker.invalidate();
        self.recheck_empty();
    }

    /// [`Manager::check_empty`] with the tracker's current scan: right after a reap, which
    /// invalidated it — rescanning there read all of /proc twice per turn for adopted units.
    fn recheck_empty(&mut self) {
        if self.watch_empty.is_empty() {
            return;
        }
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

    /// Log the load diagnostics of units loaded since, each once (`source.rs`).
    pub fn record_load_diagnostics(&mut self) {
        for l in self.engine.source_mut().take_untold() {
            self.record(&l.unit, l.priority, "linger", std::process::id(), l.message);
        }
    }

    /// Carry out everything the engine (and host) asked for, until nothing is left.
    pub fn apply_effects(&mut self) {
        loop {
            let effects = self.engine.take_effects();
            self.record_load_diagnostics();
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
                tag,
            } => {
                let fields = tag.map(crate::unit_messages::fields).unwrap_or_default();
                self.record_with(
                    &unit,
                    level.priority(),
                    "linger",
                    std::process::id(),
                    message,
                    &fields,
                );
                if tag == Some(linger_engine::LogTag::Succeeded) {
                    self.success_action(&unit);
                }
            }
            Effect::JobFinished {
                job,
                result,
                unit,
                job_type,
            } => {
                if self.job_waits.waits_for(job) {
                    let message = self.job_failure_message(&unit, result);
                    for (reply, answer) in self.job_waits.finished(job, result, &message) {
                        self.answer_after_journal(reply, Answer::Jobs(answer));
                    }
                }
                self.subscribers.job_finished(job, &unit, job_type, result);
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
                self.release_exec_settings(&unit);
                self.watch_empty.remove(&unit);
                self.adopted.remove(&unit);
                // The caller's terminal or pipes are not held once the unit is gone.
                self.engine.host_mut().attached_stdio.remove(&unit);
                if self.engine.host().unit_is_empty(&unit) {
                    self.engine.host_mut().tracker.release(&unit);
                    self.engine.host_mut().cgroups.release(&unit);
                }
                self.collect_garbage(&unit);
            }
        }
    }

    /// `RuntimeDirectory=` and the private `/tmp` of a stopped unit: see exec_settings.rs.
    fn release_exec_settings(&mut self, unit: &str) {
        let Some(info) = self.engine.unit(unit) else {
            return;
        };
        // Effects are handled after the engine's step: a restart may have started it again.
        let restarted = !info.active_state().is_inactive_or_failed();
        let linger_unit::model::UnitKind::Service(cfg) = &info.config.kind else {
            return;
        };
        if cfg.exec.directories.is_empty() && !cfg.exec.hardening.private_tmp {
            return;
        }
        let directories = cfg.exec.directories.clone();
        let host = self.engine.host_mut();
        host.exec_settings
            .release(&host.config, unit, &directories, restarted, &mut host.logs);
    }

    /// A unit that ended cleanly may be garbage (systemd.unit(5) `CollectMode=`; a failed one
    /// stays for `status` until reset-failed, unless `CollectMode=inactive-or-failed`): a
    /// transient one (`linger run`) has its file removed, as systemd unloads transient units
    /// — a service stays while an active timer or socket still triggers it, and goes with
    /// its transient timer —; any other is unloaded at the end of the turn if no client
    /// follows it and no loaded unit needs it (collect.rs).
    pub fn collect_garbage(&mut self, unit: &str) {
        let transient = self
            .engine
            .host()
            .config
            .runtime_dir
            .join("systemd/transient");
        // CollectMode=inactive-or-failed (systemd-run --collect): a failed one goes too.
        let is_garbage = |u: &linger_engine::UnitInfo| {
            let state = u.active_state();
            (state == linger_engine::ActiveState::Inactive
                || (state == linger_engine::ActiveState::Failed
                    && u.config.unit.collect_mode
                        == linger_unit::model::CollectMode::InactiveOrFailed))
                && u.config
                    .fragment_path
                    .as_ref()
                    .is_some_and(|p| p.starts_with(&transient))
        };
        let Some(u) = self.engine.unit(unit) else {
            return;
        };
        if !is_garbage(u) {
            // With the timers or sockets that started it (it kept them); whether each is
            // garbage is seen at the end of the turn, its job done (collect.rs).
            self.collected.extend(self.engine.triggered_by(unit));
            self.collected.insert(unit.to_string());
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
        self.collected.insert(unit.to_string());
        if let Some(target) = self.engine.triggers(unit)
            && let Some(t) = self.engine.unit(&target)
            && is_garbage(t)
        {
            files.extend(t.config.fragment_path.iter().cloned());
            self.collected.insert(target);
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
        self.record_with(unit, priority, identifier, pid, message, &[]);
    }

    /// [`Manager::record`], the journal entry carrying `fields` too (`MESSAGE_ID=` & co.).
    pub fn record_with(
        &mut self,
        unit: &str,
        priority: u8,
        identifier: &str,
        pid: u32,
        message: String,
        fields: &[(&'static str, String)],
    ) {
        // `LogLevel=`/`LogTarget=` (control.rs): the manager's own messages only.
        if priority > self.log_level || self.log_target == crate::control_call::LogTarget::Null {
            return;
        }
        if self.log_to_stderr || self.log_target == crate::control_call::LogTarget::Console {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("{unit}: {message}");
            }
        }
        if !self.log_target.journal() {
            return;
        }
        let realtime = self.engine.host().now().realtime;
        if self.journal.is_some() {
            // The manager's own messages about a unit carry USER_UNIT=, as systemd's do.
            let mut e = linger_journal::Entry::message(priority, message.as_bytes());
            e.push("SYSLOG_IDENTIFIER", identifier);
            e.push("_PID", pid.to_string());
            e.push("_COMM", identifier);
            e.push("USER_UNIT", unit);
            e.push("_SYSTEMD_USER_UNIT", "init.scope");
            for (k, v) in fields {
                e.push(*k, v.clone());
            }
            for (k, v) in &self.base_fields {
                e.push(k.as_str(), v.clone());
            }
            // Stamped now, written with the turn's others (the journal's order is theirs).
            e.stamp_now();
            self.pending_entries.push(e);
            // The journal is where `status` reads the line back: no second copy in memory.
            return;
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

    /// The unit a running (or exited, not yet reaped) process belongs to.
    pub fn unit_of_live_pid(&self, pid: u32) -> Option<String> {
        self.engine
            .unit_of_pid(pid)
            .map(str::to_string)
            .or_else(|| self.engine.host().tracker.unit_of(pid))
    }

    /// A native-protocol or syslog datagram from `pid` (or a stream's entry): keep the
    /// sender's fields, add the trusted ones (`_PID`, `_COMM`, the unit the process belongs
    /// to), as journald does. `unit_hint` (a stream header's unit, from root) names the unit
    /// when the process belongs to none, as journald falls back to it when the sender's
    /// cgroup names no unit.
    pub fn log_datagram(
        &mut self,
        pid: u32,
        fields: Vec<(String, Vec<u8>)>,
        transport: &str,
        unit_hint: Option<&str>,
    ) {
        let unit = self
            .unit_of_live_pid(pid)
            .or_else(|| self.recent_exits.unit_of(pid).map(str::to_string))
            .or_else(|| unit_hint.map(str::to_string));
        if self.journal.is_none() {
            return;
        }
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
        // After the manager's own entries of this turn, as it came after them.
        e.stamp_now();
        self.pending_entries.push(e);
    }

    /// Hand the turn's entries to the journal's writer, in the order they were made. Runs
    /// at the end of each turn and before anything else reaches the writer meanwhile (output
    /// lines drained mid-turn, a wait for what was written, a flush).
    pub fn flush_entries(&mut self) {
        if self.pending_entries.is_empty() {
            return;
        }
        let entries = std::mem::take(&mut self.pending_entries);
        if let Some(j) = &self.journal {
            for e in entries {
                j.submit(e);
            }
        }
    }

    /// Answer a call once the journal's writer has written everything submitted so far:
    /// a user who runs journalctl after `systemctl start` returned finds the service's last
    /// lines and the manager's verdict there. Never waits on the loop: the writer thread
    /// sends the answer (a blocking-pool thread, when the writer's queue has no slot free).
    pub fn answer_after_journal(&mut self, reply: ReplyTo, answer: Answer) {
        self.flush_entries();
        let send: linger_journal::AfterWritten = Box::new(move || {
            let _ = reply.send(Ok(answer));
        });
        let Some(j) = &self.journal else {
            send();
            return;
        };
        if let Err(send) = j.after_written(send) {
            let sub = j.submitter();
            tokio::task::spawn_blocking(move || {
                let _ = sub.flush();
                send();
            });
        }
    }

    /// What systemctl prints when a job it waited for did not succeed (empty when it did).
    fn job_failure_message(&self, id: &str, result: JobResult) -> String {
        match result {
            JobResult::Dependency => format!(
                "A dependency job for {id} failed. See 'journalctl --user -xe' for details."
            ),
            JobResult::Assert => format!("Assertion failed on job for {id}."),
            r if r.is_failure() => {
                let unit_result = self
                    .engine
                    .unit(id)
                    .and_then(|u| u.service().map(|x| x.result))
                    .unwrap_or_default();
                format!(
                    "Job for {id} failed because {}.\nSee \"systemctl --user status {id}\" and \"journalctl --user -xeu {id}\" for details.",
                    unit_result.failure_reason()
                )
            }
            _ => String::new(),
        }
    }

    /// Start reading the output pipes created by spawns since the last call.
    pub fn start_new_pipe_readers(&mut self) {
        for p in std::mem::take(&mut self.engine.host_mut().new_pipes) {
            self.read_pipe(p, Vec::new());
        }
    }

    /// Read a service's output pipe (its lines go to the journal and, through events, to the
    /// in-memory tail), starting with an inherited partial line.
    pub fn read_pipe(&mut self, p: NewPipe, partial: Vec<u8>) {
        self.next_pipe += 1;
        let id = self.next_pipe;
        self.keep_pipe(&p.unit, id, std::os::fd::AsFd::as_fd(&p.fd));
        let journal = self.journal.as_ref().map(|j| {
            let invocation = self
                .engine
                .unit(&p.unit)
                .and_then(|u| u.service().map(|x| x.invocation_id.clone()))
                .unwrap_or_default();
            let mut fields: Vec<(String, Vec<u8>)> = vec![
                ("_TRANSPORT".into(), b"stdout".to_vec()),
                ("_PID".into(), p.pid.to_string().into_bytes()),
                ("_COMM".into(), p.identifier.clone().into_bytes()),
                (
                    "SYSLOG_IDENTIFIER".into(),
                    p.identifier.clone().into_bytes(),
                ),
                ("_SYSTEMD_USER_UNIT".into(), p.unit.clone().into_bytes()),
                ("_SYSTEMD_INVOCATION_ID".into(), invocation.into_bytes()),
            ];
            fields.extend(self.base_fields.iter().cloned());
            (j.submitter(), j.stream(fields))
        });
        let (stop, stopped) = oneshot::channel();
        let drain = std::sync::Arc::new(Notify::new());
        self.pipes.insert(
            id,
            PipeRecord {
                unit: p.unit.clone(),
                pid: p.pid,
                identifier: p.identifier.clone(),
                level_prefix: p.level_prefix,
                pending: partial.clone(),
                stop: Some(stop),
                drain: drain.clone(),
                handed_back: None,
            },
        );
        crate::pipes::spawn_reader(crate::pipes::Reader {
            pipe: id,
            fd: p.fd,
            pid: p.pid,
            identifier: p.identifier,
            level_prefix: p.level_prefix,
            partial,
            journal,
            room: self.journal_room.clone(),
            events: self.events.clone(),
            stop: stopped,
            drain,
        });
    }

    /// Ask the readers of the pipes the exited processes wrote to for everything still in
    /// them; returns the pipes to wait for (each answers with `Event::OutputDrained`, or
    /// `OutputClosed`/`OutputHandedBack` if it ended meanwhile). All a process wrote before
    /// it exited is in its pipe by the time it is reaped.
    pub fn drain_output_of(&self, exited: &[u32]) -> HashSet<u64> {
        self.pipes
            .iter()
            .filter(|(_, p)| p.stop.is_some() && exited.contains(&p.pid))
            .map(|(&id, p)| {
                p.drain.notify_one();
                id
            })
            .collect()
    }

    /// Lines read from an output pipe.
    pub fn on_output(&mut self, pipe: u64, lines: Vec<LogLine>, pending: Vec<u8>) {
        let Some(p) = self.pipes.get_mut(&pipe) else {
            return;
        };
        p.pending = pending;
        let unit = p.unit.clone();
        for l in lines {
            self.logs.push(&unit, l);
        }
    }

    /// An output pipe ended: the keeper lets go of it too.
    pub fn on_output_closed(&mut self, pipe: u64) {
        if let Some(p) = self.pipes.remove(&pipe) {
            self.release_pipe(&p.unit, pipe);
        }
        self.output_handed_back();
    }

    /// A reader gave its pipe back (`daemon-reexec` is waiting for all of them).
    pub fn on_output_handed_back(&mut self, pipe: u64, fd: Option<OwnedFd>) {
        if let Some(p) = self.pipes.get_mut(&pipe) {
            p.handed_back = fd;
        }
        self.output_handed_back();
    }

    fn output_handed_back(&mut self) {
        if let Some(n) = self.reexec_waiting.as_mut() {
            *n = n.saturating_sub(1);
            if *n == 0 {
                self.reexec_waiting = None;
                self.exit = Some(ExitRequest::Reexec);
            }
        }
    }

    /// `daemon-reexec` asked: the output pipes' readers give their pipes back first (with
    /// their partial lines), then the loop re-executes.
    pub fn begin_reexec(&mut self) {
        if self.reexec_waiting.is_some() {
            return;
        }
        let mut n = 0;
        for p in self.pipes.values_mut() {
            if let Some(stop) = p.stop.take()
                && stop.send(()).is_ok()
            {
                n += 1;
            }
        }
        if n == 0 {
            self.exit = Some(ExitRequest::Reexec);
        } else {
            self.reexec_waiting = Some(n);
        }
    }

    /// The re-exec failed: read the pipes on as before.
    pub fn resume_pipe_readers(&mut self) {
        let back: Vec<(u64, OwnedFd)> = self
            .pipes
            .iter_mut()
            .filter_map(|(id, p)| Some((*id, p.handed_back.take()?)))
            .collect();
        for (id, fd) in back {
            if let Some(p) = self.pipes.remove(&id) {
                self.read_pipe(
                    NewPipe {
                        unit: p.unit,
                        pid: p.pid,
                        identifier: p.identifier,
                        level_prefix: p.level_prefix,
                        fd,
                    },
                    p.pending,
                );
            }
        }
    }

    /// Run the generators (at daemon-reload before the rescan; at start they run on a thread
    /// of their own, startup.rs).
    pub fn regenerate(&mut self) {
        let config = self.engine.host().config.clone();
        let mut environment = self.engine.host().environment.clone();
        let (log, ran) = crate::generators::run(&config, &mut environment);
        self.take_generated(crate::startup::Generated {
            environment,
            log,
            ran,
        });
    }

    /// What the generators left: the environment takes the environment generators' output,
    /// the unit index the units generated, the log what went wrong.
    pub fn take_generated(&mut self, generated: crate::startup::Generated) {
        self.engine.host_mut().environment = generated.environment;
        if generated.ran {
            self.engine.source_mut().rescan();
        }
        for (priority, message) in generated.log {
            self.record("linger", priority, "linger", std::process::id(), message);
        }
    }

    /// `daemon-reload`: the unit files are read again (running units keep running).
    pub fn reload(&mut self) {
        let reloading = |active| linger_ipc::manager::Change::Reloading { active };
        self.subscribers.manager_changed(reloading(true));
        self.regenerate();
        self.engine.source_mut().rescan();
        self.engine.source_mut().stamps.clear();
        self.engine.daemon_reload();
        self.apply_effects();
        self.subscribers.manager_changed(reloading(false));
    }

    /// Stop every unit, then exit (once no job is left).
    /// `SuccessAction=` of `unit`, which went inactive without failing: `exit-force` exits
    /// (as `Exit()`), `exit` starts `exit.target` replacing the queued jobs.
    fn success_action(&mut self, unit: &str) {
        use linger_unit::model::EmergencyAction;
        let action = self
            .engine
            .unit(unit)
            .map_or(EmergencyAction::None, |u| u.config.unit.success_action);
        match action {
            EmergencyAction::ExitForce => {
                let message = format!("{unit}: Success action 'exit-force': exiting.");
                self.record("linger", 5, "linger", std::process::id(), message);
                self.begin_shutdown();
            }
            EmergencyAction::Exit => {
                let message = format!("{unit}: Success action 'exit': starting exit.target.");
                self.record("linger", 5, "linger", std::process::id(), message);
                let mode = linger_wire::JobMode::ReplaceIrreversibly;
                if let Err(e) =
                    self.engine
                        .enqueue(linger_engine::JobType::Start, "exit.target", mode, false)
                {
                    let message = format!("Failed to start exit.target: {e}");
                    self.record("linger", 3, "linger", std::process::id(), message);
                }
            }
            EmergencyAction::None | EmergencyAction::Unsupported => {}
        }
    }

    pub fn begin_shutdown(&mut self) {
        if self.shutting_down {
            return;
        }
        self.shutting_down = true;
        self.engine.refuse_starts();
        let mut to_stop: Vec<String> = self
            .engine
            .units()
            .filter(|u| !u.active_state().is_inactive_or_failed())
            .map(|u| u.config.id.clone())
            .collect();
        // A start job still waiting (for an After= unit being stopped here) would run once
        // that unit is down and leave its process behind the exiting manager: its unit's stop
        // replaces it.
        for (_, unit, _, _) in self.engine.jobs() {
            if !to_stop.contains(&unit) {
                to_stop.push(unit);
            }
        }
        for id in to_stop {
            let _ = self.engine.enqueue(
                linger_engine::JobType::Stop,
                &id,
                linger_engine::JobMode::Replace,
                false,
            );
        }
        self.apply_effects();
    }

    /// Keep `fd` (an output pipe of `unit`) in the keeper under `key`.
    fn keep_pipe(&mut self, unit: &str, id: u64, fd: std::os::fd::BorrowedFd<'_>) {
        self.engine.touch(unit);
        let key = crate::keeper::pipe_key(self.engine.host().keeper.generation(), id);
        if let Err(e) = self.engine.host_mut().keeper.put(&key, fd) {
            self.record(unit, 4, "linger", std::process::id(), e);
            return;
        }
        if !self.pipe_consumer && self.journal.is_some() {
            self.pipe_consumer = true;
            match self.engine.host_mut().keeper.consumer() {
                Ok(c) => {
                    if let (Some(j), Some(c)) = (&self.journal, c) {
                        j.set_consumer(Box::new(c));
                    }
                }
                Err(e) => self.record(unit, 4, "linger", std::process::id(), e),
            }
        }
    }

    /// The pipe is closed: the keeper lets go of it too.
    fn release_pipe(&mut self, unit: &str, id: u64) {
        self.engine.touch(unit);
        let key = crate::keeper::pipe_key(self.engine.host().keeper.generation(), id);
        if let Err(e) = self.engine.host_mut().keeper.del(&key) {
            self.record(unit, 4, "linger", std::process::id(), e);
        }
    }
}
