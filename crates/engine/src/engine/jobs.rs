//! Running jobs: which queued job may run (ordering), what it does to its unit, and how it ends (results, log lines, failing dependents).

use super::*;

impl<H: Host, S: UnitSource> Engine<H, S> {
    /// Complete the unit's running job if the new state fulfils or defeats it.
    pub(super) fn finish_job_for_state(
        &mut self,
        id: &str,
        old: ActiveState,
        new: ActiveState,
        result: Option<ServiceResult>,
    ) {
        let Some(jid) = self.jobs.id_of(id) else {
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
                let desc = self.description_of(id);
                self.log(id, LogLevel::Info, format!("Stopped {desc}."));
                self.restart_stop_half_done(jid);
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
                    // Still on its way (down first, for a restart's start half), or inactive
                    // as it was: the job waits for the state it asked for.
                    ActiveState::Inactive | ActiveState::Activating | ActiveState::Deactivating => {
                    }
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

    /// A restart's stop half is done: the job becomes a start, waiting like one for the
    /// units it is ordered after (those restarting with it come back first).
    fn restart_stop_half_done(&mut self, jid: JobId) {
        self.jobs.restart_stop_half_done(jid);
        self.dispatch();
    }

    /// Finish a job: log, answer, fail dependents, run what became runnable.
    pub(super) fn finish_job(&mut self, jid: JobId, result: JobResult) {
        self.finish_job_logged(jid, result, true);
    }

    /// Finish a job that had nothing to do (start of an active unit, stop of an inactive
    /// one): systemd answers it without a "Started"/"Stopped" line.
    pub(super) fn finish_job_already(&mut self, jid: JobId) {
        self.finish_job_logged(jid, JobResult::Done, false);
    }

    fn finish_job_logged(&mut self, jid: JobId, result: JobResult, log: bool) {
        let Some(job) = self.jobs.remove(jid) else {
            return;
        };
        let id = job.unit.clone();
        let (desc, unit_type) = self
            .units
            .get(&id)
            .map(|u| (u.description().to_string(), Some(u.config.unit_type)))
            .unwrap_or_else(|| (id.clone(), None));
        let is_target = unit_type == Some(UnitType::Target);
        let active = self
            .units
            .get(&id)
            .is_some_and(|u| u.active_state().is_active_or_reloading());
        let skipped = self
            .units
            .get(&id)
            .is_some_and(|u| u.condition_result == Some(false));
        // Sockets and slices have words of their own in systemd's messages.
        let msg = match (unit_type, job.job_type, result) {
            (Some(UnitType::Socket), JobType::Start, JobResult::Done) if active && !skipped => {
                Some((LogLevel::Info, format!("Listening on {desc}.")))
            }
            (Some(UnitType::Socket), JobType::Start, JobResult::Failed) => {
                Some((LogLevel::Error, format!("Failed to listen on {desc}.")))
            }
            (Some(UnitType::Socket), JobType::Stop, JobResult::Done) => {
                Some((LogLevel::Info, format!("Closed {desc}.")))
            }
            (Some(UnitType::Slice), JobType::Start, JobResult::Done) if active && !skipped => {
                Some((LogLevel::Info, format!("Created slice {desc}.")))
            }
            (Some(UnitType::Slice), JobType::Stop, JobResult::Done) => {
                Some((LogLevel::Info, format!("Removed slice {desc}.")))
            }
            _ => None,
        };
        let msg = msg.or_else(|| match (job.job_type, result) {
            (JobType::Stop, JobResult::Done) if is_target => {
                Some((LogLevel::Info, format!("Stopped target {desc}.")))
            }
            (JobType::Stop, JobResult::Done) => Some((LogLevel::Info, format!("Stopped {desc}."))),
            (JobType::Start | JobType::Restart | JobType::TryRestart, JobResult::Done) => {
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
        });
        if let Some((level, m)) = msg.filter(|_| log) {
            let tag = LogTag::Job {
                job_type: job.job_type,
                result,
            };
            self.log_tagged(&id, level, m, Some(tag));
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
        if job.job_type.is_start_like() {
            self.start_job_ended(&id);
        }
        self.dispatch();
    }

    /// A start job failed: pending start jobs that require it fail with `dependency`.
    pub(super) fn fail_dependents(&mut self, id: &str) {
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
            let Some(jid) = self.jobs.id_of(&other) else {
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
                    self.service_event(&other, ServiceEvent::Stop);
                }
                self.finish_job(jid, JobResult::Dependency);
            }
        }
    }

    pub(super) fn ordered_after(&self, a: &str, b: &str) -> bool {
        self.graph.get(a).is_some_and(|d| d.after.contains(b))
    }

    /// Run every queued job whose ordering constraints are satisfied, until nothing changes.
    /// Run the waiting jobs that can run now. Only the jobs something happened to are tried
    /// (`Jobs`' woken set): new ones, those of units whose state changed, and those of the
    /// units ordered next to a unit whose job went away or changed — what `is_runnable`
    /// depends on; a job held back by ordering costs nothing until then.
    pub(super) fn dispatch(&mut self) {
        loop {
            for unit in self.jobs.take_changed() {
                let (after, before) = self.graph.ordering(&unit);
                let near = after.into_iter().chain(before);
                self.jobs.wake_units(near.chain([unit.as_str()]));
            }
            let woken = self.jobs.take_woken();
            if woken.is_empty() {
                break;
            }
            for jid in woken {
                let Some(job) = self.jobs.get(&jid).cloned() else {
                    continue;
                };
                if job.running || !self.is_runnable(&job) {
                    continue;
                }
                self.run_job(jid);
            }
        }
    }

    pub(super) fn is_runnable(&self, job: &Job) -> bool {
        let starting = job.orders_as_start();
        let unit_busy_stopping = self
            .units
            .get(&job.unit)
            .is_some_and(|u| u.active_state() == ActiveState::Deactivating && starting);
        if unit_busy_stopping {
            return false;
        }
        let (after, before) = self.graph.ordering(&job.unit);
        let has_job = |other: &str| self.jobs.of_unit(other);
        // We start after `other` (After=): wait for whatever job it has. When we stop, `other`
        // stops after us, so nothing to wait for.
        if starting && after.iter().any(|o| has_job(o).is_some()) {
            return false;
        }
        // `other` is ordered after us: when it stops, it stops first; a stop always runs
        // before a start, whatever the direction.
        if before
            .iter()
            .any(|o| has_job(o).is_some_and(|k| !k.orders_as_start()))
        {
            return false;
        }
        true
    }

    pub(super) fn run_job(&mut self, jid: JobId) {
        self.jobs.set_running(jid);
        let Some(job) = self.jobs.get(&jid).cloned() else {
            return;
        };
        let id = job.unit.clone();
        let state = self
            .units
            .get(&id)
            .map(|u| u.active_state())
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
                let waiting_to_restart = self
                    .units
                    .get(&id)
                    .and_then(|u| u.service())
                    .is_some_and(|s| s.state() == ServiceState::AutoRestart);
                if job.restart_started {
                    self.perform_start(&id, jid);
                } else if waiting_to_restart {
                    // The automatic restart's job (or a user's restart during RestartSec=):
                    // the stop half already happened when the process went away.
                    let desc = self.description_of(&id);
                    self.log(&id, LogLevel::Info, format!("Stopped {desc}."));
                    self.restart_stop_half_done(jid);
                } else if state.is_inactive_or_failed() {
                    if job.job_type == JobType::TryRestart {
                        self.finish_job_already(jid);
                        return;
                    }
                    self.restart_stop_half_done(jid);
                } else {
                    self.perform_stop(&id, jid);
                }
            }
            JobType::Reload => {
                if !state.is_active_or_reloading() {
                    self.finish_job(jid, JobResult::Invalid);
                    return;
                }
                let started =
                    self.service_event(&id, ServiceEvent::Reload) == Some(Outcome::Reloading);
                if !started {
                    // Nothing to do for reload (targets, no ExecReload=): done.
                    self.finish_job(jid, JobResult::Done);
                } else {
                    let desc = self.description_of(&id);
                    self.log(&id, LogLevel::Info, format!("Reloading {desc}..."));
                }
            }
        }
    }

    /// Check conditions and asserts; false means the start is skipped (conditions) or failed.
    pub(super) fn check_conditions(&mut self, id: &str, jid: JobId) -> bool {
        let Some(u) = self.units.get(id) else {
            return false;
        };
        let now = self.host.now();
        let conds = crate::conditions::check(&self.host, &u.config.unit.conditions);
        // Asserts are checked only once the conditions hold (systemd's order).
        let asserts = (conds.ok && !u.config.unit.asserts.is_empty())
            .then(|| crate::conditions::check(&self.host, &u.config.unit.asserts));
        let (cond_ok, cond_failed) = (conds.ok, conds.failed.clone());
        let (assert_ok, assert_failed) = asserts
            .as_ref()
            .map_or((true, None), |a| (a.ok, a.failed.clone()));
        let desc = u.description().to_string();
        if let Some(u) = self.units.get_mut(id) {
            u.condition_result = Some(cond_ok);
            u.condition_timestamp = now;
            u.condition_failed = cond_failed.clone();
            u.condition_states = conds.states;
            if cond_ok {
                u.assert_timestamp = now;
            }
            if let Some(a) = asserts {
                u.assert_result = Some(a.ok);
                u.assert_states = a.states;
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

    pub(super) fn perform_start(&mut self, id: &str, jid: JobId) {
        let Some(u) = self.units.get(id) else {
            self.finish_job(jid, JobResult::Failed);
            return;
        };
        let state = u.active_state();
        if state.is_active_or_reloading() {
            self.finish_job_already(jid);
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
        if self.activators.contains(id) {
            self.start_activator(id, jid);
            return;
        }
        if matches!(
            self.units.get(id).map(|u| &u.runtime),
            Some(UnitRuntime::Scope(_))
        ) {
            self.start_scope_job(id, jid);
            return;
        }
        if !is_service {
            let before = state;
            if let Some(u) = self.units.get_mut(id) {
                u.runtime = UnitRuntime::Passive { active: true };
            }
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
            // A restart's second half is a start job by then, as in systemd.
            let tag = LogTag::JobBegun {
                job_type: JobType::Start,
            };
            self.log_tagged(id, LogLevel::Info, format!("Starting {desc}..."), Some(tag));
        }
        // Leaving RestartSec= is an automatic restart: it counts in NRestarts=.
        let auto = matches!(svc_state, Some(ServiceState::AutoRestart));
        let start = ServiceEvent::Start {
            interval: limit.0,
            burst: limit.1,
            auto_restart: auto,
        };
        let refused = self.service_event(id, start) != Some(Outcome::Done);
        if refused && self.jobs.id_of(id) == Some(jid) {
            self.finish_job(jid, JobResult::Failed);
        }
    }

    pub(super) fn perform_stop(&mut self, id: &str, jid: JobId) {
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
            self.finish_job_already(jid);
            return;
        }
        if self.activators.contains(id) {
            self.stop_activator(id);
            return;
        }
        if u.scope().is_some() {
            self.stop_scope(id);
            return;
        }
        if !is_service {
            if let Some(u) = self.units.get_mut(id) {
                u.runtime = UnitRuntime::Passive { active: false };
            }
            self.after_state_change(id, state, ActiveState::Inactive);
            return;
        }
        if !auto_restarting {
            let job_type = self.jobs.get(&jid).map_or(JobType::Stop, |j| j.job_type);
            let tag = LogTag::JobBegun { job_type };
            self.log_tagged(id, LogLevel::Info, format!("Stopping {desc}..."), Some(tag));
        }
        self.service_event(id, ServiceEvent::Stop);
    }
}
