//! The engine: every unit's runtime, the job queue, and how state changes propagate.

use std::collections::{BTreeMap, HashMap};

use linger_time::Usec;
use linger_unit::model::{LoadState, UnitConfig, UnitKind, UnitType};

use crate::deps::{Deps, Graph, add_target_orderings};
use crate::effect::{Effect, KillWhom, LogLevel, TimerKind};
use crate::host::{Host, Timestamp, UnitSource};
use crate::job::{Job, JobId, JobMode, JobResult, JobType};
use crate::service::{Ctx, ExitStatus, ServiceRuntime, ServiceSnapshot};
use crate::state::{ActiveState, ServiceResult, ServiceState, SubState};

#[path = "engine/transaction.rs"]
mod transaction;

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
    /// Whether configuration changed on disk since it was loaded (set by the manager).
    pub need_daemon_reload: bool,
}

impl UnitInfo {
    /// Sub-state (with data).
    pub fn sub_state(&self) -> SubState {
        match &self.runtime {
            UnitRuntime::Service(s) => SubState::Service(s.state()),
            UnitRuntime::Passive { active } => SubState::Passive { active: *active },
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
            UnitRuntime::Passive { .. } => None,
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
    units: BTreeMap<String, UnitInfo>,
    names: HashMap<String, String>,
    graph: Graph,
    jobs: BTreeMap<JobId, Job>,
    unit_job: HashMap<String, JobId>,
    next_job: JobId,
    effects: Vec<Effect>,
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
            jobs: BTreeMap::new(),
            unit_job: HashMap::new(),
            next_job: 1,
            effects: Vec::new(),
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
        self.units.get(id)
    }

    /// Every loaded unit, by id.
    pub fn units(&self) -> impl Iterator<Item = &UnitInfo> {
        self.units.values()
    }

    /// Dependencies of a loaded unit.
    pub fn deps(&self, id: &str) -> Option<&Deps> {
        self.graph.get(id)
    }

    /// The job queued for a unit.
    pub fn job_of(&self, id: &str) -> Option<(JobId, JobType, bool)> {
        let jid = self.unit_job.get(id)?;
        self.jobs.get(jid).map(|j| (j.id, j.job_type, j.running))
    }

    /// All queued jobs: (id, unit, type, running).
    pub fn jobs(&self) -> Vec<(JobId, String, JobType, bool)> {
        self.jobs
            .values()
            .map(|j| (j.id, j.unit.clone(), j.job_type, j.running))
            .collect()
    }

    /// Load a unit (if not yet loaded) and return its id.
    pub fn load(&mut self, name: &str) -> String {
        if let Some(id) = self.resolve(name).map(str::to_string) {
            let stale_not_found = self.units.get(&id).is_some_and(|u| {
                u.config.load_state == LoadState::NotFound
                    && u.active_state().is_inactive_or_failed()
                    && !self.unit_job.contains_key(&id)
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
        for a in &cfg.aliases {
            self.names.insert(a.clone(), id.clone());
        }
        if requested != id {
            self.names.insert(requested.to_string(), id.clone());
        }
        let runtime = match cfg.kind {
            UnitKind::Service(_) => UnitRuntime::Service(Box::default()),
            _ => UnitRuntime::Passive { active: false },
        };
        self.units.insert(
            id,
            UnitInfo {
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
                need_daemon_reload: false,
            },
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

    /// Re-read every loaded unit's configuration; running units keep running.
    pub fn daemon_reload(&mut self) {
        let ids: Vec<String> = self.units.keys().cloned().collect();
        self.names.clear();
        for id in ids {
            let cfg = self.source.load(&id);
            let keep = self.units.get(&id).is_some_and(|u| {
                !u.active_state().is_inactive_or_failed() || self.unit_job.contains_key(&id)
            });
            if cfg.load_state == LoadState::NotFound && !keep {
                self.units.remove(&id);
                continue;
            }
            if let Some(u) = self.units.get_mut(&id) {
                for a in &cfg.aliases {
                    self.names.insert(a.clone(), id.clone());
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
                u.need_daemon_reload = false;
            }
        }
        self.rebuild_graph();
    }

    fn now(&self) -> Timestamp {
        self.host.now()
    }

    fn log(&mut self, unit: &str, level: LogLevel, message: String) {
        self.effects.push(Effect::Log {
            unit: unit.to_string(),
            level,
            message,
        });
    }

    /// Run `f` on a service's runtime with a context, then process state changes.
    fn with_service<R>(
        &mut self,
        id: &str,
        f: impl FnOnce(&mut ServiceRuntime, &mut Ctx<'_>) -> R,
    ) -> Option<R> {
        let unit = self.units.get_mut(id)?;
        let before = unit.active_state();
        let UnitKind::Service(cfg) = &unit.config.kind else {
            return None;
        };
        let UnitRuntime::Service(svc) = &mut unit.runtime else {
            return None;
        };
        let mut out = Vec::new();
        let r = {
            let mut ctx = Ctx {
                unit: id,
                cfg,
                host: &mut self.host,
                out: &mut out,
            };
            f(svc, &mut ctx)
        };
        self.effects.extend(out);
        let after = self.units.get(id).map(UnitInfo::active_state);
        if let Some(after) = after {
            self.after_state_change(id, before, after);
        }
        Some(r)
    }

    /// Bookkeeping after any unit's active state may have changed: timestamps, jobs, propagation.
    fn after_state_change(&mut self, id: &str, old: ActiveState, new: ActiveState) {
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
        let is_service = unit.service().is_some();
        if is_service
            && !self.unit_job.contains_key(id)
            && old == ActiveState::Activating
            && new.is_active_or_reloading()
        {
            // Up again after an automatic restart (no client job): systemd's restart job says so.
            let desc = self
                .units
                .get(id)
                .map(|u| u.description().to_string())
                .unwrap_or_default();
            self.log(id, LogLevel::Info, format!("Started {desc}."));
        }
        self.finish_job_for_state(id, old, new, service_result);
        if old != new {
            self.propagate(id, old, new);
            // A job may have been held back by this unit's state (a start waits for a stop).
            self.dispatch();
        }
    }

    /// Complete the unit's running job if the new state fulfils or defeats it.
    fn finish_job_for_state(
        &mut self,
        id: &str,
        old: ActiveState,
        new: ActiveState,
        result: Option<ServiceResult>,
    ) {
        let Some(&jid) = self.unit_job.get(id) else {
            return;
        };
        let Some(job) = self.jobs.get(&jid).cloned() else {
            return;
        };
        if !job.running {
            return;
        }
        let stop_phase =
            matches!(job.job_type, JobType::Restart | JobType::TryRestart) && !job.restart_started;
        if stop_phase {
            if new.is_inactive_or_failed() {
                let desc = self
                    .units
                    .get(id)
                    .map(|u| u.description().to_string())
                    .unwrap_or_default();
                self.log(id, LogLevel::Info, format!("Stopped {desc}."));
                // Stop half done: start again under the same job.
                if let Some(j) = self.jobs.get_mut(&jid) {
                    j.restart_started = true;
                }
                self.perform_start(id, jid);
            }
            return;
        }
        match job.job_type {
            JobType::Start | JobType::Restart | JobType::TryRestart | JobType::VerifyActive => {
                match new {
                    ActiveState::Active | ActiveState::Reloading => {
                        self.finish_job(jid, JobResult::Done)
                    }
                    ActiveState::Failed => self.finish_job(jid, JobResult::Failed),
                    ActiveState::Inactive if old != ActiveState::Inactive => {
                        let ok = result.is_none_or(|r| r == ServiceResult::Success);
                        self.finish_job(
                            jid,
                            if ok {
                                JobResult::Done
                            } else {
                                JobResult::Failed
                            },
                        );
                    }
                    _ => {}
                }
            }
            JobType::Stop => {
                if new.is_inactive_or_failed() {
                    self.finish_job(jid, JobResult::Done);
                }
            }
            JobType::Reload => {
                if new != ActiveState::Reloading {
                    let ok = new.is_active_or_reloading();
                    self.finish_job(
                        jid,
                        if ok {
                            JobResult::Done
                        } else {
                            JobResult::Failed
                        },
                    );
                }
            }
        }
    }

    /// Dependencies acting on state changes: BindsTo=, OnFailure=, OnSuccess=, Upholds=.
    fn propagate(&mut self, id: &str, old: ActiveState, new: ActiveState) {
        let Some(deps) = self.graph.get(id).cloned() else {
            return;
        };
        if new.is_inactive_or_failed() && !old.is_inactive_or_failed() {
            for other in &deps.bound_by {
                let active = self
                    .units
                    .get(other)
                    .is_some_and(|u| !u.active_state().is_inactive_or_failed());
                if active && !self.unit_job.contains_key(other) {
                    self.log(
                        other,
                        LogLevel::Info,
                        format!("Stopping because bound unit {id} went away."),
                    );
                    let _ = self.enqueue_internal(JobType::Stop, other, JobMode::Replace);
                }
            }
            let failed = new == ActiveState::Failed;
            let list = if failed {
                &deps.on_failure
            } else {
                &deps.on_success
            };
            let what = if failed { "OnFailure" } else { "OnSuccess" };
            // OnSuccess= fires only after a real run, not when a never-started unit settles.
            if failed
                || old != ActiveState::Activating
                || self.units.get(id).and_then(|u| u.service()).is_some()
            {
                for other in list.clone() {
                    self.log(
                        id,
                        LogLevel::Info,
                        format!("Triggering {what}= dependencies."),
                    );
                    let _ = self.enqueue_internal(JobType::Start, &other, JobMode::Replace);
                }
            }
        }
        self.check_upholds_and_unneeded();
    }

    fn check_upholds_and_unneeded(&mut self) {
        let mut starts = Vec::new();
        let mut stops = Vec::new();
        for (id, u) in &self.units {
            let Some(d) = self.graph.get(id) else {
                continue;
            };
            if u.active_state().is_active_or_reloading() {
                for up in &d.upholds {
                    let down = self
                        .units
                        .get(up)
                        .is_none_or(|x| x.active_state().is_inactive_or_failed());
                    if down && !self.unit_job.contains_key(up) {
                        starts.push(up.clone());
                    }
                }
            }
            if u.config.unit.stop_when_unneeded
                && u.active_state().is_active_or_reloading()
                && !self.unit_job.contains_key(id)
            {
                let needed = d
                    .required_by
                    .iter()
                    .chain(d.wanted_by.iter())
                    .chain(d.bound_by.iter())
                    .any(|o| {
                        self.units
                            .get(o)
                            .is_some_and(|x| !x.active_state().is_inactive_or_failed())
                            || self.unit_job.contains_key(o)
                    });
                if !needed {
                    stops.push(id.clone());
                }
            }
        }
        for s in starts {
            let _ = self.enqueue_internal(JobType::Start, &s, JobMode::Replace);
        }
        for s in stops {
            self.log(
                &s,
                LogLevel::Info,
                "Unit not needed anymore. Stopping.".into(),
            );
            let _ = self.enqueue_internal(JobType::Stop, &s, JobMode::Replace);
        }
    }

    /// Finish a job: log, answer, fail dependents, run what became runnable.
    fn finish_job(&mut self, jid: JobId, result: JobResult) {
        let Some(job) = self.jobs.remove(&jid) else {
            return;
        };
        self.unit_job.remove(&job.unit);
        let id = job.unit.clone();
        let (desc, is_target) = self
            .units
            .get(&id)
            .map(|u| {
                (
                    u.description().to_string(),
                    u.config.unit_type == UnitType::Target,
                )
            })
            .unwrap_or_else(|| (id.clone(), false));
        let msg = match (job.job_type, result) {
            (JobType::Stop, JobResult::Done) if is_target => {
                Some((LogLevel::Info, format!("Stopped target {desc}.")))
            }
            (JobType::Stop, JobResult::Done) => Some((LogLevel::Info, format!("Stopped {desc}."))),
            (JobType::Start | JobType::Restart | JobType::TryRestart, JobResult::Done) => {
                let active = self
                    .units
                    .get(&id)
                    .is_some_and(|u| u.active_state().is_active_or_reloading());
                let skipped = self
                    .units
                    .get(&id)
                    .is_some_and(|u| u.condition_result == Some(false));
                match (is_target, active, skipped) {
                    (_, _, true) => None,
                    (true, _, _) => Some((LogLevel::Info, format!("Reached target {desc}."))),
                    (false, true, _) => Some((LogLevel::Info, format!("Started {desc}."))),
                    (false, false, _) => Some((LogLevel::Info, format!("Finished {desc}."))),
                }
            }
            (JobType::Reload, JobResult::Done) => {
                Some((LogLevel::Info, format!("Reloaded {desc}.")))
            }
            (JobType::Start | JobType::Restart | JobType::TryRestart, JobResult::Failed) => {
                Some((LogLevel::Error, format!("Failed to start {desc}.")))
            }
            (JobType::Start | JobType::Restart | JobType::VerifyActive, JobResult::Dependency) => {
                Some((LogLevel::Notice, format!("Dependency failed for {desc}.")))
            }
            (JobType::Stop, JobResult::Failed) => {
                Some((LogLevel::Error, format!("Stopped (with error) {desc}.")))
            }
            (JobType::Reload, JobResult::Failed) => {
                Some((LogLevel::Error, format!("Reload failed for {desc}.")))
            }
            _ => None,
        };
        if let Some((level, m)) = msg {
            self.log(&id, level, m);
        }
        self.effects.push(Effect::JobFinished {
            job: jid,
            unit: id.clone(),
            job_type: job.job_type,
            result,
        });
        if job.job_type.is_start_like() && !matches!(result, JobResult::Done | JobResult::Skipped) {
            self.fail_dependents(&id);
        }
        self.dispatch();
    }

    /// A start job failed: pending start jobs that require it fail with `dependency`.
    fn fail_dependents(&mut self, id: &str) {
        let Some(d) = self.graph.get(id).cloned() else {
            return;
        };
        let dependents: Vec<String> = d
            .required_by
            .iter()
            .chain(d.bound_by.iter())
            .chain(d.requisite_of.iter())
            .cloned()
            .collect();
        for other in dependents {
            let Some(&jid) = self.unit_job.get(&other) else {
                continue;
            };
            let pending_start = self.jobs.get(&jid).is_some_and(|j| {
                j.job_type.is_start_like() && (!j.running || self.ordered_after(&other, id))
            });
            if pending_start {
                if let Some(j) = self.jobs.get(&jid)
                    && j.running
                {
                    // Already running and ordered after us: stop what it started.
                    self.with_service(&other, |s, c| s.stop(c));
                }
                self.finish_job(jid, JobResult::Dependency);
            }
        }
    }

    fn ordered_after(&self, a: &str, b: &str) -> bool {
        self.graph.get(a).is_some_and(|d| d.after.contains(b))
    }

    /// Run every queued job whose ordering constraints are satisfied, until nothing changes.
    fn dispatch(&mut self) {
        loop {
            let runnable: Vec<JobId> = self
                .jobs
                .values()
                .filter(|j| !j.running && self.is_runnable(j))
                .map(|j| j.id)
                .collect();
            if runnable.is_empty() {
                break;
            }
            let mut progressed = false;
            for jid in runnable {
                let Some(job) = self.jobs.get(&jid).cloned() else {
                    continue;
                };
                if job.running || !self.is_runnable(&job) {
                    continue;
                }
                progressed = true;
                self.run_job(jid);
            }
            if !progressed {
                break;
            }
        }
    }

    fn is_runnable(&self, job: &Job) -> bool {
        let unit_busy_stopping = self.units.get(&job.unit).is_some_and(|u| {
            u.active_state() == ActiveState::Deactivating
                && job.job_type.is_start_like()
                && job.job_type != JobType::Restart
        });
        if unit_busy_stopping {
            return false;
        }
        let (after, before) = self.graph.ordering(&job.unit);
        let starting = job.job_type.is_start_like();
        let has_job = |other: &str| self.unit_job.get(other).and_then(|k| self.jobs.get(k));
        // We start after `other` (After=): wait for whatever job it has. When we stop, `other`
        // stops after us, so nothing to wait for.
        if starting && after.iter().any(|o| has_job(o).is_some()) {
            return false;
        }
        // `other` is ordered after us: when it stops, it stops first; a stop always runs
        // before a start, whatever the direction.
        if before
            .iter()
            .any(|o| has_job(o).is_some_and(|k| !k.job_type.is_start_like()))
        {
            return false;
        }
        true
    }

    fn run_job(&mut self, jid: JobId) {
        let Some(job) = self.jobs.get_mut(&jid) else {
            return;
        };
        job.running = true;
        let job = job.clone();
        let id = job.unit.clone();
        let state = self
            .units
            .get(&id)
            .map(UnitInfo::active_state)
            .unwrap_or(ActiveState::Inactive);
        match job.job_type {
            JobType::Start => self.perform_start(&id, jid),
            JobType::VerifyActive => {
                let r = if state.is_active_or_reloading() {
                    JobResult::Done
                } else {
                    JobResult::Dependency
                };
                self.finish_job(jid, r);
            }
            JobType::Stop => self.perform_stop(&id, jid),
            JobType::Restart | JobType::TryRestart => {
                if state.is_inactive_or_failed() {
                    if job.job_type == JobType::TryRestart {
                        self.finish_job(jid, JobResult::Done);
                        return;
                    }
                    if let Some(j) = self.jobs.get_mut(&jid) {
                        j.restart_started = true;
                    }
                    self.perform_start(&id, jid);
                } else {
                    self.perform_stop(&id, jid);
                }
            }
            JobType::Reload => {
                if !state.is_active_or_reloading() {
                    self.finish_job(jid, JobResult::Invalid);
                    return;
                }
                let started = self.with_service(&id, |s, c| s.reload(c)).unwrap_or(false);
                if !started {
                    // Nothing to do for reload (targets, no ExecReload=): done.
                    self.finish_job(jid, JobResult::Done);
                } else {
                    let desc = self
                        .units
                        .get(&id)
                        .map(|u| u.description().to_string())
                        .unwrap_or_default();
                    self.log(&id, LogLevel::Info, format!("Reloading {desc}..."));
                }
            }
        }
    }

    /// Check conditions and asserts; false means the start is skipped (conditions) or failed.
    fn check_conditions(&mut self, id: &str, jid: JobId) -> bool {
        let Some(u) = self.units.get(id) else {
            return false;
        };
        let now = self.host.now();
        let conds = u.config.unit.conditions.clone();
        let asserts = u.config.unit.asserts.clone();
        let eval = |host: &H, list: &[linger_unit::model::Condition]| -> (bool, Option<String>) {
            let mut any_trigger = false;
            let mut trigger_ok = false;
            for c in list {
                let v = host.check_condition(c) != c.negate;
                if c.trigger {
                    any_trigger = true;
                    trigger_ok |= v;
                } else if !v {
                    let neg = if c.negate { "!" } else { "" };
                    return (false, Some(format!("{}={neg}{}", c.name, c.parameter)));
                }
            }
            if any_trigger && !trigger_ok {
                return (false, Some("one of the triggering conditions".into()));
            }
            (true, None)
        };
        let (cond_ok, cond_failed) = eval(&self.host, &conds);
        let (assert_ok, assert_failed) = eval(&self.host, &asserts);
        let desc = u.description().to_string();
        if let Some(u) = self.units.get_mut(id) {
            u.condition_result = Some(cond_ok);
            u.condition_timestamp = now;
            u.condition_failed = cond_failed.clone();
            if !asserts.is_empty() {
                u.assert_result = Some(assert_ok);
            }
        }
        if !cond_ok {
            self.log(
                id,
                LogLevel::Info,
                format!(
                    "{desc} was skipped because of an unmet condition check ({}).",
                    cond_failed.unwrap_or_default()
                ),
            );
            self.finish_job(jid, JobResult::Done);
            return false;
        }
        if !assert_ok {
            self.log(
                id,
                LogLevel::Warning,
                format!(
                    "Assertion failed for {desc} ({}).",
                    assert_failed.unwrap_or_default()
                ),
            );
            self.finish_job(jid, JobResult::Assert);
            return false;
        }
        true
    }

    fn perform_start(&mut self, id: &str, jid: JobId) {
        let Some(u) = self.units.get(id) else {
            self.finish_job(jid, JobResult::Failed);
            return;
        };
        let state = u.active_state();
        if state.is_active_or_reloading() {
            self.finish_job(jid, JobResult::Done);
            return;
        }
        let auto_restarting = matches!(
            u.service().map(ServiceRuntime::state),
            Some(ServiceState::AutoRestart)
        );
        if state == ActiveState::Activating && !auto_restarting {
            // Already on its way up: this job completes with that start.
            return;
        }
        if u.config.load_state != LoadState::Loaded {
            self.finish_job(jid, JobResult::Failed);
            return;
        }
        let limit = (
            u.config.unit.start_limit_interval,
            u.config.unit.start_limit_burst,
        );
        let is_service = matches!(u.runtime, UnitRuntime::Service(_));
        let svc_state = u.service().map(ServiceRuntime::state);
        let desc = u.description().to_string();
        if !self.check_conditions(id, jid) {
            return;
        }
        if !is_service {
            let before = state;
            if let Some(u) = self.units.get_mut(id) {
                u.runtime = UnitRuntime::Passive { active: true };
            }
            self.effects.push(Effect::StateChanged {
                unit: id.to_string(),
            });
            self.after_state_change(id, before, ActiveState::Active);
            return;
        }
        if matches!(svc_state, Some(ServiceState::AutoRestart)) {
            // A start request during the RestartSec= wait starts at once.
            self.effects.push(Effect::DisarmTimer {
                unit: id.to_string(),
                kind: TimerKind::State,
            });
        }
        let typ = self.units.get(id).and_then(|u| match &u.config.kind {
            UnitKind::Service(s) => Some(s.service_type),
            _ => None,
        });
        if !matches!(
            typ,
            Some(linger_unit::model::ServiceType::Simple | linger_unit::model::ServiceType::Idle)
        ) {
            self.log(id, LogLevel::Info, format!("Starting {desc}..."));
        }
        let refused = self
            .with_service(id, |s, c| s.start(c, limit, false).is_err())
            .unwrap_or(true);
        if refused && self.unit_job.get(id) == Some(&jid) {
            self.finish_job(jid, JobResult::Failed);
        }
    }

    fn perform_stop(&mut self, id: &str, jid: JobId) {
        let Some(u) = self.units.get(id) else {
            self.finish_job(jid, JobResult::Done);
            return;
        };
        let state = u.active_state();
        let desc = u.description().to_string();
        let is_service = matches!(u.runtime, UnitRuntime::Service(_));
        let auto_restarting = matches!(
            u.service().map(ServiceRuntime::state),
            Some(ServiceState::AutoRestart)
        );
        if state.is_inactive_or_failed() {
            self.finish_job(jid, JobResult::Done);
            return;
        }
        if !is_service {
            if let Some(u) = self.units.get_mut(id) {
                u.runtime = UnitRuntime::Passive { active: false };
            }
            self.effects.push(Effect::StateChanged {
                unit: id.to_string(),
            });
            self.after_state_change(id, state, ActiveState::Inactive);
            return;
        }
        if !auto_restarting {
            self.log(id, LogLevel::Info, format!("Stopping {desc}..."));
        }
        self.with_service(id, |s, c| s.stop(c));
    }

    /// A child process exited (the manager reaped it).
    pub fn on_exit(&mut self, pid: u32, status: ExitStatus) {
        let owner = self.units.iter().find_map(|(id, u)| {
            let p = u.service()?.state().procs();
            (p.main == Some(pid) || p.control == Some(pid)).then(|| id.clone())
        });
        if let Some(id) = owner {
            self.with_service(&id, |s, c| s.on_exit(pid, status, c));
        }
    }

    /// The process tracker says a unit has no process left.
    pub fn on_unit_empty(&mut self, id: &str) {
        self.with_service(id, |s, c| s.on_empty(c));
    }

    /// A per-unit timer fired.
    pub fn on_timer(&mut self, id: &str, kind: TimerKind, generation: u64) {
        let restart_due = self
            .with_service(id, |s, c| s.on_timer(kind, generation, c))
            .unwrap_or(false);
        if restart_due {
            self.auto_restart(id);
        }
    }

    fn auto_restart(&mut self, id: &str) {
        let Some(u) = self.units.get(id) else { return };
        let limit = (
            u.config.unit.start_limit_interval,
            u.config.unit.start_limit_burst,
        );
        let n = u.service().map_or(0, |s| s.restarts) + 1;
        let desc = u.description().to_string();
        self.log(
            id,
            LogLevel::Info,
            format!("Scheduled restart job, restart counter is at {n}."),
        );
        self.log(id, LogLevel::Info, format!("Stopped {desc}."));
        if let Some(&jid) = self.unit_job.get(id) {
            if self
                .jobs
                .get(&jid)
                .is_some_and(|j| j.job_type == JobType::Stop)
            {
                // A stop is queued: do not come back, go down.
                self.with_service(id, |s, c| s.stop(c));
                self.dispatch();
                return;
            }
            // A start job is waiting on this unit (it sees auto-restart as activating).
            if let Some(j) = self.jobs.get_mut(&jid) {
                j.running = true;
            }
        }
        let before = self
            .units
            .get(id)
            .map(UnitInfo::active_state)
            .unwrap_or(ActiveState::Inactive);
        let refused = self
            .with_service(id, |s, c| s.start(c, limit, true).is_err())
            .unwrap_or(true);
        let _ = (before, refused);
        self.dispatch();
    }

    /// An sd_notify message from `pid`, routed by the manager to unit `id`.
    pub fn on_notify(&mut self, id: &str, pid: u32, fields: &[(String, String)]) {
        self.with_service(id, |s, c| s.on_notify(pid, fields, c));
    }

    /// The unit owning `pid` as main or control process.
    pub fn unit_of_pid(&self, pid: u32) -> Option<&str> {
        self.units.iter().find_map(|(id, u)| {
            let p = u.service()?.state().procs();
            (p.main == Some(pid) || p.control == Some(pid)).then_some(id.as_str())
        })
    }

    /// `systemctl kill`: signal processes of a unit. Returns how many were signalled.
    pub fn kill(&mut self, id: &str, whom: KillWhom, signal: i32) -> Result<usize, EngineError> {
        let u = self
            .units
            .get(id)
            .ok_or_else(|| EngineError::NotLoaded(id.to_string()))?;
        let procs = u.service().map(|s| s.state().procs()).unwrap_or_default();
        let n = self.host.kill(id, whom, signal, procs.main, procs.control);
        Ok(n)
    }

    /// `reset-failed` for one unit (or all when None).
    pub fn reset_failed(&mut self, id: Option<&str>) {
        let ids: Vec<String> = match id {
            Some(i) => vec![i.to_string()],
            None => self.units.keys().cloned().collect(),
        };
        for i in ids {
            self.with_service(&i, |s, c| s.reset_failed(c));
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
        self.with_service(&id, |s, c| s.restore(snap, c));
        if let Some(u) = self.units.get_mut(&id) {
            u.active_enter = timestamps;
            u.inactive_exit = timestamps;
        }
        // Nothing waits on these transitions: drop the "state changed" bookkeeping effects.
        self.effects
            .retain(|e| !matches!(e, Effect::StateChanged { .. }));
    }

    /// The active-enter timestamp of a unit (carried across re-exec).
    pub fn active_enter(&self, id: &str) -> Timestamp {
        self.units
            .get(id)
            .map(|u| u.active_enter)
            .unwrap_or_default()
    }
}
