//! The engine: every unit's runtime, the job queue, and how state changes propagate.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use linger_time::Usec;
use linger_unit::model::{LoadState, UnitConfig, UnitKind, UnitType};

use crate::conditions::ConditionState;
use crate::deps::{Deps, Graph, add_target_orderings};
use crate::effect::{Effect, KillWhom, LogLevel, LogTag, TimerKind};
use crate::host::{Host, Timestamp, UnitSource};
use crate::job::{Job, JobId, JobMode, JobResult, JobType, Jobs};
use crate::service::{
    Ctx, ExitStatus, FailedSnapshot, Outcome, ServiceEvent, ServiceRuntime, ServiceSnapshot,
};
use crate::socket::SocketRuntime;
use crate::state::{ActiveState, ServiceResult, ServiceState, SubState};
use crate::table::StagedAction;
use crate::timer::TimerRuntime;

mod activation;
mod events;
mod jobs;
mod scope;
mod socket;
mod socket_commands;
mod timer;
mod transaction;
mod unload;

/// At most this many jobs may be queued at once (a limit on what clients can make us allocate).
pub const MAX_JOBS: usize = 16384;

/// Why a request was refused (`systemctl` prints the message after "Failed to start X: ").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    /// No such unit file.
    #[error("Unit {0} not found.")]
    NotFound(String),
    /// Masked.
    #[error("Unit {0} is masked.")]
    Masked(String),
    /// Failed to load.
    #[error("Unit {0} has a bad unit file setting.")]
    BadSetting(String),
    /// Could not be loaded at all.
    #[error(
        "Unit {0} failed to load properly, please adjust/correct and reload service manager: {1}"
    )]
    LoadError(String, String),
    /// RefuseManualStart=/Stop=.
    #[error(
        "Operation refused, unit {0} may be requested by dependency only (it is configured to refuse manual start/stop)."
    )]
    Refused(String),
    /// A dependency the transaction needs is missing.
    #[error("Unit {dep} not found (required by {unit}).")]
    DependencyNotFound {
        /// The unit that needs it.
        unit: String,
        /// The missing unit.
        dep: String,
    },
    /// An ordering cycle that could not be broken.
    #[error("Transaction order is cyclic: {0}")]
    Cycle(String),
    /// `--job-mode=fail` and a conflicting job is queued.
    #[error("Transaction for {0} is destructive ({1} has '{2}' job queued), refusing.")]
    Destructive(String, String, String),
    /// Too many jobs.
    #[error("Too many queued jobs ({0}), refusing.")]
    TooManyJobs(usize),
    /// The operation does not apply to this unit.
    #[error("Job type {0} is not applicable for unit {1}.")]
    NotApplicable(String, String),
    /// The unit is not loaded.
    #[error("Unit {0} not loaded.")]
    NotLoaded(String),
    /// A scope of that name runs already.
    #[error("Unit {0} already exists.")]
    Exists(String),
    /// `isolate` of a unit without `AllowIsolate=yes`.
    #[error("Operation refused, unit may not be isolated.")]
    NoIsolation(String),
    /// `--job-mode=isolate` with a job that is not a start.
    #[error("Isolate is only valid for start.")]
    IsolateNotStart,
}

/// Per-type runtime.
#[derive(Debug, Clone)]
pub enum UnitRuntime {
    /// A service.
    Service(Box<ServiceRuntime>),
    /// A target or another passive unit: reached or not.
    Passive {
        /// Whether reached.
        active: bool,
    },
    /// A timer.
    Timer(Box<TimerRuntime>),
    /// A socket.
    Socket(Box<SocketRuntime>),
    /// A scope.
    Scope(Box<crate::scope::ScopeRuntime>),
}

/// A unit's state-change timestamps, as carried across a re-exec or a crash.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitStamps {
    /// `StateChangeTimestamp`
    pub state_change: Timestamp,
    /// `ActiveEnterTimestamp`
    pub active_enter: Timestamp,
    /// `ActiveExitTimestamp`
    pub active_exit: Timestamp,
    /// `InactiveEnterTimestamp`
    pub inactive_enter: Timestamp,
    /// `InactiveExitTimestamp`
    pub inactive_exit: Timestamp,
}

/// One loaded unit: its configuration and runtime.
#[derive(Debug, Clone)]
pub struct UnitInfo {
    /// Configuration.
    pub config: UnitConfig,
    /// Runtime state.
    pub runtime: UnitRuntime,
    /// `StateChangeTimestamp`
    pub state_change: Timestamp,
    /// `ActiveEnterTimestamp`
    pub active_enter: Timestamp,
    /// `ActiveExitTimestamp`
    pub active_exit: Timestamp,
    /// `InactiveEnterTimestamp`
    pub inactive_enter: Timestamp,
    /// `InactiveExitTimestamp`
    pub inactive_exit: Timestamp,
    /// `ConditionResult` (None: never checked).
    pub condition_result: Option<bool>,
    /// `ConditionTimestamp`
    pub condition_timestamp: Timestamp,
    /// The first failing condition of the last check (`name=param`), for status.
    pub condition_failed: Option<String>,
    /// `AssertResult`
    pub assert_result: Option<bool>,
    /// `AssertTimestamp`: when the asserts were last checked (each start whose conditions
    /// held, as systemd).
    pub assert_timestamp: Timestamp,
    /// What the last check said of each of `config.unit.conditions` (empty: not checked
    /// since they were loaded).
    pub condition_states: Vec<ConditionState>,
    /// The same for `config.unit.asserts`.
    pub assert_states: Vec<ConditionState>,
}

impl UnitInfo {
    /// Sub-state (with data).
    pub fn sub_state(&self) -> SubState {
        match &self.runtime {
            UnitRuntime::Service(s) => SubState::Service(s.state()),
            UnitRuntime::Passive { active } => SubState::Passive { active: *active },
            UnitRuntime::Timer(t) => SubState::Timer(t.state),
            UnitRuntime::Socket(s) => SubState::Socket(s.state),
            UnitRuntime::Scope(s) => SubState::Scope(s.state),
        }
    }

    /// Generic active state.
    pub fn active_state(&self) -> ActiveState {
        self.sub_state().active_state()
    }

    /// The service runtime, if this is a service.
    pub fn service(&self) -> Option<&ServiceRuntime> {
        match &self.runtime {
            UnitRuntime::Service(s) => Some(s),
            _ => None,
        }
    }

    /// The timer runtime, if this is a timer.
    pub fn timer(&self) -> Option<&TimerRuntime> {
        match &self.runtime {
            UnitRuntime::Timer(t) => Some(t),
            _ => None,
        }
    }

    /// The socket runtime, if this is a socket.
    pub fn socket(&self) -> Option<&SocketRuntime> {
        match &self.runtime {
            UnitRuntime::Socket(s) => Some(s),
            _ => None,
        }
    }

    /// The description, or the id when there is none.
    pub fn description(&self) -> &str {
        self.config
            .unit
            .description
            .as_deref()
            .unwrap_or(&self.config.id)
    }
}

/// One line of `list-units`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSummary {
    /// Id.
    pub id: String,
    /// LOAD
    pub load_state: &'static str,
    /// ACTIVE
    pub active_state: &'static str,
    /// SUB
    pub sub_state: &'static str,
    /// DESCRIPTION
    pub description: String,
    /// A queued job, if any.
    pub job: Option<(JobId, &'static str)>,
}

/// The manager's pure core.
#[derive(Debug)]
pub struct Engine<H: Host, S: UnitSource> {
    host: H,
    source: S,
    /// Boxed: a `UnitInfo` is ~900 bytes, and a B-tree node holds 11 values inline, so
    /// unboxed half-full nodes cost ~0.7 KB per unit (heaptrack, 500 services).
    units: BTreeMap<String, Box<UnitInfo>>,
    names: HashMap<String, String>,
    graph: Graph,
    jobs: Jobs,
    next_job: JobId,
    effects: Vec<Effect>,
    /// Loaded timer and socket units: the ones that start others.
    activators: BTreeSet<String>,
    /// Units whose state may have changed since the last `take_touched` (what the manager
    /// must write down again for crash recovery).
    touched: BTreeSet<String>,
    /// Units loaded, replaced, unloaded or re-read by a reload since the last
    /// `take_reloaded` (what a published view of the loaded units must look at again, beside
    /// the touched ones).
    reloaded: BTreeSet<String>,
    /// Loaded units with `Upholds=` or `StopWhenUnneeded=yes`: the only ones looked at after
    /// every state change (a look at all units there made stopping N units O(N²)).
    upholders: BTreeSet<String>,
    /// Loaded units with `OnFailure=` or `OnSuccess=` (the graph keeps no inverse of these):
    /// the only ones looked at for whether they reference a unit being collected. May name
    /// units unloaded since (looked up before use).
    with_handlers: BTreeSet<String>,
    /// The unit of each service's main and control pid and each socket's control pid, kept
    /// where they change (a service's processes change only in `with_service`, a socket's in
    /// engine/socket_commands.rs), so an exit finds its unit without looking at every unit. Entries of a unit that went away may linger: a
    /// lookup checks the unit still has the pid.
    pids: HashMap<u32, String>,
    /// The manager is exiting ([`Engine::refuse_starts`]).
    exiting: bool,
}

impl<H: Host, S: UnitSource> Engine<H, S> {
    /// A new engine with nothing loaded.
    pub fn new(host: H, source: S) -> Self {
        Engine {
            host,
            source,
            units: BTreeMap::new(),
            names: HashMap::new(),
            graph: Graph::default(),
            jobs: Jobs::default(),
            next_job: 1,
            effects: Vec::new(),
            activators: BTreeSet::new(),
            touched: BTreeSet::new(),
            reloaded: BTreeSet::new(),
            upholders: BTreeSet::new(),
            with_handlers: BTreeSet::new(),
            pids: HashMap::new(),
            exiting: false,
        }
    }

    /// The units whose state may have changed since the last call.
    pub fn take_touched(&mut self) -> BTreeSet<String> {
        std::mem::take(&mut self.touched)
    }

    /// The units loaded, replaced, unloaded or re-read by `daemon_reload` since the last call
    /// (their presence or their load state may have changed without a state change).
    pub fn take_reloaded(&mut self) -> BTreeSet<String> {
        std::mem::take(&mut self.reloaded)
    }

    /// The loaded units among those loaded, replaced or re-read since the last
    /// [`Engine::take_reloaded`] (the manager looks at each for garbage once its turn is done).
    pub fn reloaded_units(&self) -> impl Iterator<Item = &str> {
        self.reloaded
            .iter()
            .map(String::as_str)
            .filter(|id| self.units.contains_key(*id))
    }

    /// Count `id` as changed (for state the manager keeps beside the engine).
    pub fn touch(&mut self, id: &str) {
        if !self.touched.contains(id) {
            self.touched.insert(id.to_string());
        }
    }

    /// The host (the manager's access to its own side of the seam).
    pub fn host(&self) -> &H {
        &self.host
    }

    /// Mutable host.
    pub fn host_mut(&mut self) -> &mut H {
        &mut self.host
    }

    /// The unit source.
    pub fn source_ref(&self) -> &S {
        &self.source
    }

    /// Mutable unit source (search path changes).
    pub fn source_mut(&mut self) -> &mut S {
        &mut self.source
    }

    /// Drain what the manager must do now.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Resolve any name (alias included) to a loaded unit id.
    pub fn resolve(&self, name: &str) -> Option<&str> {
        if self.units.contains_key(name) {
            return self.units.get_key_value(name).map(|(k, _)| k.as_str());
        }
        self.names.get(name).map(String::as_str)
    }

    /// A loaded unit.
    pub fn unit(&self, name: &str) -> Option<&UnitInfo> {
        let id = self.resolve(name)?;
        self.units.get(id).map(|u| &**u)
    }

    /// Every loaded unit, by id.
    pub fn units(&self) -> impl Iterator<Item = &UnitInfo> {
        self.units.values().map(|u| &**u)
    }

    /// Dependencies of a loaded unit.
    pub fn deps(&self, id: &str) -> Option<&Deps> {
        self.graph.get(id)
    }

    /// The job queued for a unit.
    pub fn job_of(&self, id: &str) -> Option<(JobId, JobType, bool)> {
        self.jobs.of_unit(id).map(|j| (j.id, j.job_type, j.running))
    }

    /// All queued jobs: (id, unit, type, running).
    pub fn jobs(&self) -> Vec<(JobId, String, JobType, bool)> {
        self.jobs
            .values()
            .map(|j| (j.id, j.unit.clone(), j.job_type, j.running))
            .collect()
    }

    /// The queued jobs job `jid` waits for, by the ordering rules that hold it back
    /// (jobs.rs `is_runnable`): a start-like job waits for every job of the units it is
    /// ordered after; any job waits for the stop jobs of the units ordered after its unit
    /// (D-Bus `GetJobBefore`). Empty for a running or unknown job.
    pub fn jobs_before(&self, jid: JobId) -> Vec<JobId> {
        let Some(job) = self.jobs.get(&jid).filter(|j| !j.running) else {
            return Vec::new();
        };
        let (after, before) = self.graph.ordering(&job.unit);
        let mut out: Vec<JobId> = Vec::new();
        if job.orders_as_start() {
            out.extend(
                after
                    .iter()
                    .filter_map(|o| self.jobs.of_unit(o))
                    .map(|j| j.id),
            );
        }
        out.extend(
            before
                .iter()
                .filter_map(|o| self.jobs.of_unit(o))
                .filter(|k| !k.orders_as_start())
                .map(|j| j.id),
        );
        out.sort_unstable();
        out.dedup();
        out.retain(|o| *o != jid);
        out
    }

    /// The queued jobs that wait for job `jid` ([`Engine::jobs_before`] the other way
    /// round; D-Bus `GetJobAfter`).
    pub fn jobs_after(&self, jid: JobId) -> Vec<JobId> {
        let mut out: Vec<JobId> = self
            .jobs
            .values()
            .filter(|j| j.id != jid && self.jobs_before(j.id).contains(&jid))
            .map(|j| j.id)
            .collect();
        out.sort_unstable();
        out
    }

    /// Load a unit (if not yet loaded) and return its id.
    pub fn load(&mut self, name: &str) -> String {
        if let Some(id) = self.resolve(name).map(str::to_string) {
            let stale_not_found = self.units.get(&id).is_some_and(|u| {
                u.config.load_state == LoadState::NotFound
                    && u.active_state().is_inactive_or_failed()
                    && !self.jobs.has(&id)
            });
            if !stale_not_found {
                return id;
            }
            let cfg = self.source.load(name);
            if cfg.load_state == LoadState::NotFound {
                return id;
            }
            // The file exists now (systemd ≥ 246 does the same): load it for real.
            self.units.remove(&id);
            self.upholders.remove(&id);
            self.reloaded.insert(id);
        }
        let cfg = self.source.load(name);
        let id = cfg.id.clone();
        if !self.units.contains_key(&id) {
            self.insert_unit(cfg, name);
            self.add_to_graph(&id);
        } else if id != name {
            self.names.insert(name.to_string(), id.clone());
        }
        id
    }

    fn insert_unit(&mut self, cfg: UnitConfig, requested: &str) {
        let id = cfg.id.clone();
        self.reloaded.insert(id.clone());
        for a in &cfg.aliases {
            self.names.insert(a.clone(), id.clone());
        }
        if requested != id {
            self.names.insert(requested.to_string(), id.clone());
        }
        let runtime = match cfg.kind {
            UnitKind::Service(_) => UnitRuntime::Service(Box::default()),
            UnitKind::Timer(_) => UnitRuntime::Timer(Box::default()),
            UnitKind::Socket(_) => UnitRuntime::Socket(Box::default()),
            UnitKind::Scope(_) => UnitRuntime::Scope(Box::default()),
            _ => UnitRuntime::Passive { active: false },
        };
        if matches!(cfg.kind, UnitKind::Timer(_) | UnitKind::Socket(_)) {
            self.activators.insert(id.clone());
        }
        if upholds_or_stops_when_unneeded(&cfg) {
            self.upholders.insert(id.clone());
        }
        if has_handlers(&cfg) {
            self.with_handlers.insert(id.clone());
        }
        self.units.insert(
            id,
            Box::new(UnitInfo {
                config: cfg,
                runtime,
                state_change: Timestamp::default(),
                active_enter: Timestamp::default(),
                active_exit: Timestamp::default(),
                inactive_enter: Timestamp::default(),
                inactive_exit: Timestamp::default(),
                condition_result: None,
                condition_timestamp: Timestamp::default(),
                condition_failed: None,
                assert_result: None,
                assert_timestamp: Timestamp::default(),
                condition_states: Vec::new(),
                assert_states: Vec::new(),
            }),
        );
    }

    fn rebuild_graph(&mut self) {
        let names = &self.names;
        let units = &self.units;
        let resolve = |n: &str| -> String {
            if units.contains_key(n) {
                n.to_string()
            } else {
                names.get(n).cloned().unwrap_or_else(|| n.to_string())
            }
        };
        self.graph
            .rebuild(self.units.values().map(|u| &u.config), &resolve);
        let default_deps = |n: &str| units.get(n).map(|u| u.config.unit.default_dependencies);
        add_target_orderings(
            &mut self.graph,
            self.units.values().map(|u| &u.config),
            &default_deps,
        );
        // Edges may be gone: any waiting job may run now.
        self.jobs.wake_all();
    }

    /// Add one newly loaded unit to the graph without rebuilding it (loading N units one by
    /// one stays O(N), which is what starting 500 services in one call needs).
    fn add_to_graph(&mut self, id: &str) {
        let names = &self.names;
        let units = &self.units;
        let Some(u) = units.get(id) else { return };
        let resolve = |n: &str| -> String {
            if units.contains_key(n) {
                n.to_string()
            } else {
                names.get(n).cloned().unwrap_or_else(|| n.to_string())
            }
        };
        let default_deps = |n: &str| units.get(n).map(|u| u.config.unit.default_dependencies);
        self.graph.add_unit(&u.config, &resolve, &default_deps);
    }

    /// The manager exits: from now on a transaction that would start a unit is refused, so
    /// the stops it queues are final (systemd's exit.target job is irreversible). A client
    /// connecting to a socket whose service already stopped then sees the socket fail and
    /// close, instead of waiting for a service that never comes.
    pub fn refuse_starts(&mut self) {
        self.exiting = true;
    }

    /// Re-read every loaded unit's configuration; running units keep running.
    pub fn daemon_reload(&mut self) {
        let ids: Vec<String> = self.units.keys().cloned().collect();
        self.reloaded.extend(ids.iter().cloned());
        self.names.clear();
        for id in ids {
            let cfg = self.source.load(&id);
            let keep = self
                .units
                .get(&id)
                .is_some_and(|u| !u.active_state().is_inactive_or_failed() || self.jobs.has(&id));
            if cfg.load_state == LoadState::NotFound && !keep {
                self.units.remove(&id);
                self.activators.remove(&id);
                self.upholders.remove(&id);
                continue;
            }
            if let Some(u) = self.units.get_mut(&id) {
                for a in &cfg.aliases {
                    self.names.insert(a.clone(), id.clone());
                }
                // Changed lists have not been checked yet.
                if u.config.unit.conditions != cfg.unit.conditions {
                    u.condition_states.clear();
                }
                if u.config.unit.asserts != cfg.unit.asserts {
                    u.assert_states.clear();
                }
                // A unit changing type cannot happen (the suffix is the type); keep runtime.
                if cfg.id == id {
                    u.config = cfg;
                } else {
                    self.names.insert(cfg.id.clone(), id.clone());
                    u.config = UnitConfig {
                        id: id.clone(),
                        ..cfg
                    };
                }
            }
        }
        self.upholders = self
            .units
            .iter()
            .filter(|(_, u)| upholds_or_stops_when_unneeded(&u.config))
            .map(|(id, _)| id.clone())
            .collect();
        self.with_handlers = self
            .units
            .iter()
            .filter(|(_, u)| has_handlers(&u.config))
            .map(|(id, _)| id.clone())
            .collect();
        self.rebuild_graph();
        self.rearm_timers_after_reload();
    }

    /// The description of `id` for log lines (empty for a unit not loaded).
    fn description_of(&self, id: &str) -> String {
        self.units
            .get(id)
            .map(|u| u.description().to_string())
            .unwrap_or_default()
    }

    fn now(&self) -> Timestamp {
        self.host.now()
    }

    fn log(&mut self, unit: &str, level: LogLevel, message: String) {
        self.log_tagged(unit, level, message, None);
    }

    fn log_tagged(&mut self, unit: &str, level: LogLevel, message: String, tag: Option<LogTag>) {
        self.effects.push(Effect::Log {
            unit: unit.to_string(),
            level,
            message,
            tag,
        });
    }

    /// Run `f` on a service's runtime with a context, then process state changes.
    /// Service `id`'s processes changed from `before` to `after`: follow them in `pids`.
    fn index_pids(&mut self, id: &str, before: crate::state::Procs, after: crate::state::Procs) {
        for pid in [before.main, before.control].into_iter().flatten() {
            if self.pids.get(&pid).is_some_and(|u| u == id) {
                self.pids.remove(&pid);
            }
        }
        for pid in [after.main, after.control].into_iter().flatten() {
            self.pids.insert(pid, id.to_string());
        }
    }

    /// The service whose main or control process `pid` is, or the socket whose control
    /// process it is.
    fn owner_of_pid(&self, pid: u32) -> Option<&str> {
        let id = self.pids.get(&pid)?;
        let owns = match &self.units.get(id)?.runtime {
            UnitRuntime::Service(s) => {
                let p = s.state().procs();
                p.main == Some(pid) || p.control == Some(pid)
            }
            UnitRuntime::Socket(s) => s.control == Some(pid),
            UnitRuntime::Passive { .. } | UnitRuntime::Timer(_) | UnitRuntime::Scope(_) => false,
        };
        owns.then_some(id.as_str())
    }

    /// Feed `event` to service `id`'s table (service/table.rs). An event the table refuses
    /// is a bug: logged as an internal error in the unit's log, the service left as it was.
    pub(super) fn service_event(&mut self, id: &str, event: ServiceEvent) -> Option<Outcome> {
        let waiting = |e: &Self| {
            e.units
                .get(id)
                .and_then(|u| u.service())
                .is_some_and(|s| s.state() == ServiceState::AutoRestart)
        };
        let before = waiting(self);
        let stepped = self.with_service(id, |s, c| s.step(event, c))?;
        let outcome = self.accepted(id, stepped);
        if !before && waiting(self) {
            self.restart_at_once(id);
        }
        outcome
    }

    /// `RestartSec=0`: the automatic restart just scheduled is due at once, so it is carried
    /// out now, in the same step, as its timer's expiry would (the timer armed for it is
    /// stale from here on) — not one trip through the manager's timers later.
    fn restart_at_once(&mut self, id: &str) {
        let zero = self
            .units
            .get(id)
            .is_some_and(|u| matches!(&u.config.kind, UnitKind::Service(c) if c.restart_sec == 0));
        if !zero {
            return;
        }
        let due = self.with_service(id, |s, c| s.step(ServiceEvent::StateTimeout, c));
        if let Some(Outcome::RestartDue) = due.and_then(|r| self.accepted(id, r)) {
            self.auto_restart(id);
        }
    }

    /// A table's answer: the transition, or (a refusal: a bug) None after logging it as an
    /// internal error in unit `id`'s log.
    fn accepted<T>(&mut self, id: &str, stepped: Result<T, impl std::fmt::Display>) -> Option<T> {
        match stepped {
            Ok(t) => Some(t),
            Err(bad) => {
                self.log(id, LogLevel::Error, format!("Internal error: {bad}."));
                None
            }
        }
    }

    /// Carry out a transition of a socket's, timer's or scope's table: the actions that let
    /// go of something first, then the new state (`publish` sets it in the unit's runtime;
    /// jobs, dependencies and activators follow it), then the other actions, each by `act`.
    fn carry_out<A: StagedAction>(
        &mut self,
        id: &str,
        actions: Vec<A>,
        publish: impl FnOnce(&mut UnitRuntime),
        mut act: impl FnMut(&mut Self, &str, A),
    ) {
        let (before, after): (Vec<A>, Vec<A>) = actions.into_iter().partition(|a| a.before_state());
        for action in before {
            act(self, id, action);
        }
        self.set_runtime_state(id, publish);
        for action in after {
            act(self, id, action);
        }
    }

    fn with_service<R>(
        &mut self,
        id: &str,
        f: impl FnOnce(&mut ServiceRuntime, &mut Ctx<'_>) -> R,
    ) -> Option<R> {
        let sockets = self.sockets_for_service(id);
        let unit = self.units.get_mut(id)?;
        let before = unit.active_state();
        let UnitKind::Service(cfg) = &unit.config.kind else {
            return None;
        };
        let UnitRuntime::Service(svc) = &mut unit.runtime else {
            return None;
        };
        let procs_before = svc.state().procs();
        let mut out = Vec::new();
        let r = {
            let mut ctx = Ctx {
                unit: id,
                cfg,
                host: &mut self.host,
                out: &mut out,
                sockets: &sockets,
            };
            f(svc, &mut ctx)
        };
        let procs_after = svc.state().procs();
        if procs_after != procs_before {
            self.index_pids(id, procs_before, procs_after);
        }
        self.effects.extend(out);
        let after = self.units.get(id).map(|u| u.active_state());
        if let Some(after) = after {
            self.after_state_change(id, before, after);
        }
        Some(r)
    }

    /// Bookkeeping after any unit's active state may have changed: timestamps, jobs, propagation.
    fn after_state_change(&mut self, id: &str, old: ActiveState, new: ActiveState) {
        self.touch(id);
        let now = self.now();
        let Some(unit) = self.units.get_mut(id) else {
            return;
        };
        if old != new {
            unit.state_change = now;
            if new.is_active_or_reloading() && !old.is_active_or_reloading() {
                unit.active_enter = now;
            }
            if old.is_active_or_reloading() && !new.is_active_or_reloading() {
                unit.active_exit = now;
            }
            if new.is_inactive_or_failed() && !old.is_inactive_or_failed() {
                unit.inactive_enter = now;
            }
            if old.is_inactive_or_failed() && !new.is_inactive_or_failed() {
                unit.inactive_exit = now;
            }
        }
        let service_result = unit.service().map(|s| s.result);
        self.finish_job_for_state(id, old, new, service_result);
        if old != new {
            self.notify_activators(id, new);
            self.propagate(id, old, new);
            // A job may have been held back by this unit's state (a start waits for a stop).
            self.jobs.wake_units([id]);
            self.dispatch();
        }
    }

    /// Units for `list-units`.
    pub fn summaries(&self) -> Vec<UnitSummary> {
        self.units
            .values()
            .map(|u| UnitSummary {
                id: u.config.id.clone(),
                load_state: u.config.load_state.as_str(),
                active_state: u.active_state().as_str(),
                sub_state: u.sub_state().as_str(),
                description: u.description().to_string(),
                job: self.job_of(&u.config.id).map(|(j, t, _)| (j, t.as_str())),
            })
            .collect()
    }

    /// Next µs deadline is the manager's business; the engine only exposes the clock it uses.
    pub fn monotonic_now(&self) -> Usec {
        self.host.now().monotonic
    }
}

impl<H: Host, S: UnitSource> Engine<H, S> {
    /// Snapshots of every service with something running (for `daemon-reexec`).
    pub fn snapshot(&self) -> Vec<(String, ServiceSnapshot)> {
        self.units
            .iter()
            .filter_map(|(id, u)| Some((id.clone(), u.service()?.snapshot()?)))
            .collect()
    }

    /// Adopt services from a previous manager process; their units are loaded as needed.
    pub fn restore(&mut self, id: &str, snap: &ServiceSnapshot, timestamps: Timestamp) {
        let id = self.load(id);
        self.touch(&id);
        self.with_service(&id, |s, c| s.restore(snap, c));
        if let Some(u) = self.units.get_mut(&id) {
            u.active_enter = timestamps;
            u.inactive_exit = timestamps;
        }
    }

    /// A failed service's last run and its unit's timestamps (carried across a re-exec or a
    /// crash of the manager); None unless `id` is a failed service.
    pub fn failed_snapshot(&self, id: &str) -> Option<(FailedSnapshot, UnitStamps)> {
        let u = self.units.get(id)?;
        let snap = u.service()?.failed_snapshot()?;
        Some((
            snap,
            UnitStamps {
                state_change: u.state_change,
                active_enter: u.active_enter,
                active_exit: u.active_exit,
                inactive_enter: u.inactive_enter,
                inactive_exit: u.inactive_exit,
            },
        ))
    }

    /// Every failed service ([`Engine::failed_snapshot`]).
    pub fn failed_snapshots(&self) -> Vec<(String, FailedSnapshot, UnitStamps)> {
        self.units
            .keys()
            .filter_map(|id| {
                let (snap, stamps) = self.failed_snapshot(id)?;
                Some((id.clone(), snap, stamps))
            })
            .collect()
    }

    /// A service failed under a previous manager process: failed again, as it was (its
    /// unit is loaded as needed; no OnFailure= runs again, no job is touched).
    pub fn restore_failed(&mut self, id: &str, snap: &FailedSnapshot, stamps: UnitStamps) {
        let id = self.load(id);
        let inactive = self
            .units
            .get(&id)
            .is_some_and(|u| u.active_state() == ActiveState::Inactive);
        if !inactive {
            return;
        }
        self.touch(&id);
        self.with_service(&id, |s, c| s.restore_failed(snap, c));
        if let Some(u) = self.units.get_mut(&id) {
            u.state_change = stamps.state_change;
            u.active_enter = stamps.active_enter;
            u.active_exit = stamps.active_exit;
            u.inactive_enter = stamps.inactive_enter;
            u.inactive_exit = stamps.inactive_exit;
        }
    }

    /// The active-enter timestamp of a unit (carried across re-exec).
    pub fn active_enter(&self, id: &str) -> Timestamp {
        self.units
            .get(id)
            .map(|u| u.active_enter)
            .unwrap_or_default()
    }
}

/// Whether a unit names units in `OnFailure=`/`OnSuccess=` (`Engine::with_handlers`).
fn has_handlers(cfg: &UnitConfig) -> bool {
    !cfg.unit.on_failure.is_empty() || !cfg.unit.on_success.is_empty()
}

/// Whether `check_upholds_and_unneeded` has anything to look at in this unit.
fn upholds_or_stops_when_unneeded(cfg: &UnitConfig) -> bool {
    !cfg.unit.upholds.is_empty() || cfg.unit.stop_when_unneeded
}
