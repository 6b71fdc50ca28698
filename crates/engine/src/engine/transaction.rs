//! Transactions: a request for one unit becomes a set of jobs (requirements pulled in,
//! conflicts stopped, dependents stopped), checked for ordering cycles, then merged into the
//! queue. As in systemd, a cycle is reported and broken by dropping a job that was only
//! wanted; a cycle among required jobs fails the request instead of hanging.

use std::collections::{BTreeMap, BTreeSet};

use linger_unit::model::LoadState;

use super::{Engine, EngineError, MAX_JOBS};
use crate::effect::LogLevel;
use crate::host::{Host, UnitSource};
use crate::job::{Job, JobId, JobMode, JobResult, JobType, merge_job_types};

/// A job the transaction wants, and whether it is essential (anchor or required).
#[derive(Debug, Clone, Copy)]
struct Wanted {
    job_type: JobType,
    essential: bool,
}

impl<H: Host, S: UnitSource> Engine<H, S> {
    /// Enqueue a job requested by a client. `manual` applies RefuseManualStart/Stop=.
    pub fn enqueue(
        &mut self,
        job_type: JobType,
        name: &str,
        mode: JobMode,
        manual: bool,
    ) -> Result<JobId, EngineError> {
        let id = self.load(name);
        let u = self
            .units
            .get(&id)
            .ok_or_else(|| EngineError::NotFound(name.to_string()))?;
        let starting = job_type != JobType::Stop;
        if starting {
            match u.config.load_state {
                LoadState::Loaded => {}
                LoadState::NotFound => return Err(EngineError::NotFound(name.to_string())),
                LoadState::Masked => return Err(EngineError::Masked(id)),
                LoadState::BadSetting => return Err(EngineError::BadSetting(id)),
                LoadState::Error => {
                    let why = u
                        .config
                        .diagnostics
                        .first()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    return Err(EngineError::LoadError(id, why));
                }
            }
        } else if u.config.load_state == LoadState::NotFound
            && u.active_state().is_inactive_or_failed()
        {
            return Err(EngineError::NotLoaded(name.to_string()));
        }
        if mode == JobMode::Isolate {
            if job_type != JobType::Start {
                return Err(EngineError::IsolateNotStart);
            }
            if !u.config.unit.allow_isolate {
                return Err(EngineError::NoIsolation(id));
            }
        }
        if manual {
            let refuse = if starting {
                u.config.unit.refuse_manual_start
            } else {
                u.config.unit.refuse_manual_stop
            };
            if refuse && job_type != JobType::Reload {
                return Err(EngineError::Refused(id));
            }
        }
        let jid = self.enqueue_internal(job_type, &id, mode)?;
        Ok(jid)
    }

    /// Build, check and merge a transaction; run what can run.
    pub(crate) fn enqueue_internal(
        &mut self,
        job_type: JobType,
        id: &str,
        mode: JobMode,
    ) -> Result<JobId, EngineError> {
        // Internal requests (OnFailure=, Upholds=, BindsTo=) may name units not loaded yet.
        let loaded = self.load(id);
        let id = loaded.as_str();
        let mut wanted: BTreeMap<String, Wanted> = BTreeMap::new();
        wanted.insert(
            id.to_string(),
            Wanted {
                job_type,
                essential: true,
            },
        );
        if mode != JobMode::IgnoreDependencies {
            self.expand(id, job_type, mode, &mut wanted)?;
        }
        if mode == JobMode::Isolate {
            self.add_isolate_stops(&mut wanted);
        }
        self.break_cycles(id, &mut wanted)?;
        if self.jobs.len() + wanted.len() > MAX_JOBS {
            return Err(EngineError::TooManyJobs(MAX_JOBS));
        }
        if self.exiting
            && let Some(start) = wanted.values().find(|w| w.job_type.is_start_like())
        {
            // As systemd's irreversible exit.target job makes such a transaction destructive:
            // a socket's traffic or an automatic restart must not start what the exit stops.
            return Err(EngineError::Destructive(
                format!("{id}/{}", start.job_type.as_str()),
                "exit.target".to_string(),
                "start".to_string(),
            ));
        }
        if mode == JobMode::Fail {
            for (unit, w) in &wanted {
                if let Some((_, t, _)) = self.job_of(unit)
                    && t.is_start_like() != w.job_type.is_start_like()
                {
                    return Err(EngineError::Destructive(
                        format!("{id}/{}", job_type.as_str()),
                        unit.clone(),
                        t.as_str().to_string(),
                    ));
                }
            }
        }
        if mode == JobMode::Isolate {
            // Queued jobs outside the new transaction are cancelled, as systemd does.
            let stale: Vec<JobId> = self
                .jobs
                .by_unit()
                .filter(|(unit, _)| !wanted.contains_key(*unit))
                .map(|(_, jid)| jid)
                .collect();
            for jid in stale {
                self.cancel(jid);
            }
        }
        let mut anchor = 0;
        for (unit, w) in wanted {
            let jid = self.install_job(&unit, w);
            if unit == id {
                anchor = jid;
            }
        }
        self.dispatch();
        Ok(anchor)
    }

    /// `--job-mode=isolate`: a stop job for every other unit that is active or activating,
    /// except those with `IgnoreOnIsolate=` and those a kept unit triggers (a socket or
    /// timer that stays keeps its service), as systemd's isolate does.
    fn add_isolate_stops(&self, wanted: &mut BTreeMap<String, Wanted>) {
        let kept_by_transaction: BTreeSet<String> = wanted.keys().cloned().collect();
        for (id, u) in &self.units {
            if u.active_state().is_inactive_or_failed()
                || u.active_state() == crate::state::ActiveState::Deactivating
            {
                continue;
            }
            if !self.stops_on_isolate(id, &kept_by_transaction, &mut BTreeSet::new()) {
                continue;
            }
            wanted.insert(
                id.clone(),
                Wanted {
                    job_type: JobType::Stop,
                    essential: false,
                },
            );
        }
    }

    /// Whether isolate stops `id`: not ignored, not in the transaction, and not triggered by
    /// a unit that stays. `seen` bounds the walk through trigger chains.
    fn stops_on_isolate(
        &self,
        id: &str,
        kept: &BTreeSet<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        if !seen.insert(id.to_string()) {
            return true;
        }
        let ignored = self
            .units
            .get(id)
            .is_some_and(|u| u.config.ignores_isolate());
        if ignored || kept.contains(id) {
            return false;
        }
        self.triggered_by(id)
            .iter()
            .all(|t| self.stops_on_isolate(t, kept, seen))
    }

    /// Pull in what a job on `id` implies.
    fn expand(
        &mut self,
        id: &str,
        job_type: JobType,
        mode: JobMode,
        wanted: &mut BTreeMap<String, Wanted>,
    ) -> Result<(), EngineError> {
        let mut queue = vec![(id.to_string(), job_type)];
        while let Some((unit, jt)) = queue.pop() {
            let Some(deps) = self.graph.get(&unit).cloned() else {
                continue;
            };
            let mut add = |this: &mut Self,
                           other: &str,
                           t: JobType,
                           essential: bool,
                           queue: &mut Vec<(String, JobType)>|
             -> Result<(), EngineError> {
                let oid = this.load(other);
                let loaded = this
                    .units
                    .get(&oid)
                    .is_some_and(|u| u.config.load_state == LoadState::Loaded);
                if !loaded && t != JobType::Stop {
                    if essential {
                        return Err(EngineError::DependencyNotFound {
                            unit: unit.clone(),
                            dep: other.to_string(),
                        });
                    }
                    return Ok(());
                }
                let active = this
                    .units
                    .get(&oid)
                    .is_some_and(|u| !u.active_state().is_inactive_or_failed());
                // try-restart collapses: a restart if the unit runs, nothing if it does not.
                let t = match t {
                    JobType::TryRestart if !active => return Ok(()),
                    JobType::TryRestart => JobType::Restart,
                    t => t,
                };
                if let Some(existing) = wanted.get_mut(&oid) {
                    existing.essential |= essential;
                    // Merged into a different job (start + restart = restart): what the new
                    // type implies is pulled in too.
                    if let Some(merged) = merge_job_types(existing.job_type, t)
                        && merged != existing.job_type
                    {
                        existing.job_type = merged;
                        queue.push((oid, merged));
                    }
                    return Ok(());
                }
                wanted.insert(
                    oid.clone(),
                    Wanted {
                        job_type: t,
                        essential,
                    },
                );
                queue.push((oid, t));
                Ok(())
            };
            let requirements = mode != JobMode::IgnoreRequirements;
            match jt {
                JobType::Start | JobType::Restart | JobType::VerifyActive => {
                    if jt == JobType::VerifyActive || !requirements {
                        continue;
                    }
                    for o in deps.requires.iter().chain(deps.binds_to.iter()) {
                        add(self, o, JobType::Start, true, &mut queue)?;
                    }
                    for o in &deps.wants {
                        add(self, o, JobType::Start, false, &mut queue)?;
                    }
                    for o in &deps.requisite {
                        add(self, o, JobType::VerifyActive, true, &mut queue)?;
                    }
                    for o in deps.conflicts.iter().chain(deps.conflicted_by.iter()) {
                        let active = self
                            .units
                            .get(o)
                            .is_some_and(|u| !u.active_state().is_inactive_or_failed());
                        if active || self.jobs.has(o) {
                            add(self, o, JobType::Stop, true, &mut queue)?;
                        }
                    }
                    if jt == JobType::Restart {
                        // systemd.unit(5): units bound to (BindsTo=), requiring (Requires=) or
                        // part of (PartOf=) this one restart with it — those that run.
                        for o in deps
                            .consists_of
                            .iter()
                            .chain(deps.required_by.iter())
                            .chain(deps.bound_by.iter())
                        {
                            add(self, o, JobType::TryRestart, false, &mut queue)?;
                        }
                    }
                }
                JobType::Stop => {
                    for o in deps
                        .required_by
                        .iter()
                        .chain(deps.bound_by.iter())
                        .chain(deps.consists_of.iter())
                    {
                        let active = self
                            .units
                            .get(o)
                            .is_some_and(|u| !u.active_state().is_inactive_or_failed());
                        if active || self.jobs.has(o) {
                            add(self, o, JobType::Stop, true, &mut queue)?;
                        }
                    }
                }
                JobType::TryRestart => {
                    // The anchor of `systemctl try-restart`: a restart if it runs.
                    let active = self
                        .units
                        .get(&unit)
                        .is_some_and(|u| !u.active_state().is_inactive_or_failed());
                    if active {
                        queue.push((unit.clone(), JobType::Restart));
                    }
                }
                JobType::Reload => {}
            }
        }
        Ok(())
    }

    /// Find ordering cycles among the transaction's jobs; drop non-essential jobs to break them.
    fn break_cycles(
        &mut self,
        anchor: &str,
        wanted: &mut BTreeMap<String, Wanted>,
    ) -> Result<(), EngineError> {
        loop {
            let Some(cycle) = self.find_cycle(wanted) else {
                return Ok(());
            };
            let first = &cycle[0];
            let jt = |u: &str, w: &BTreeMap<String, Wanted>| {
                w.get(u).map_or("start", |x| x.job_type.as_str())
            };
            self.log(
                anchor,
                LogLevel::Warning,
                format!("Found ordering cycle on {first}/{}", jt(first, wanted)),
            );
            for u in &cycle[1..] {
                self.log(
                    anchor,
                    LogLevel::Warning,
                    format!("Found dependency on {u}/{}", jt(u, wanted)),
                );
            }
            let victim = cycle
                .iter()
                .find(|u| u.as_str() != anchor && wanted.get(*u).is_some_and(|w| !w.essential))
                .cloned();
            match victim {
                Some(v) => {
                    self.log(
                        anchor,
                        LogLevel::Error,
                        format!(
                            "Job {v}/{} deleted to break ordering cycle starting with {first}/{}",
                            jt(&v, wanted),
                            jt(first, wanted)
                        ),
                    );
                    wanted.remove(&v);
                }
                None => {
                    self.log(
                        anchor,
                        LogLevel::Error,
                        "Unable to break cycle: every job in it is required.".into(),
                    );
                    return Err(EngineError::Cycle(cycle.join(" → ")));
                }
            }
        }
    }

    /// A cycle in the After= graph restricted to the transaction's units, if any.
    fn find_cycle(&self, wanted: &BTreeMap<String, Wanted>) -> Option<Vec<String>> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Active,
            Done,
        }
        let mut mark: BTreeMap<&str, Mark> =
            wanted.keys().map(|k| (k.as_str(), Mark::New)).collect();
        let mut stack: Vec<&str> = Vec::new();
        fn visit<'a>(
            u: &'a str,
            graph: &'a crate::deps::Graph,
            mark: &mut BTreeMap<&'a str, Mark>,
            stack: &mut Vec<&'a str>,
        ) -> Option<Vec<String>> {
            mark.insert(u, Mark::Active);
            stack.push(u);
            let (after, _) = graph.ordering(u);
            for o in after {
                match mark.get(o).copied() {
                    Some(Mark::New) => {
                        if let Some(c) = visit(o, graph, mark, stack) {
                            return Some(c);
                        }
                    }
                    Some(Mark::Active) => {
                        let pos = stack.iter().position(|s| *s == o).unwrap_or(0);
                        return Some(stack[pos..].iter().map(|s| (*s).to_string()).collect());
                    }
                    // Done: no cycle through it; not in the transaction: no job to order.
                    Some(Mark::Done) | None => {}
                }
            }
            stack.pop();
            mark.insert(u, Mark::Done);
            None
        }
        let keys: BTreeSet<&str> = wanted.keys().map(String::as_str).collect();
        for k in keys {
            if mark.get(k) == Some(&Mark::New)
                && let Some(c) = visit(k, &self.graph, &mut mark, &mut stack)
            {
                return Some(c);
            }
        }
        None
    }

    /// Merge one wanted job into the queue: keep a compatible one, replace a conflicting one.
    fn install_job(&mut self, unit: &str, w: Wanted) -> JobId {
        if let Some(existing) = self.jobs.id_of(unit) {
            if let Some(job) = self.jobs.get(&existing)
                && let Some(t) = merge_job_types(job.job_type, w.job_type)
            {
                self.jobs.merge_type(existing, t);
                return existing;
            }
            // Replace: the old job is cancelled.
            self.cancel_job(existing);
        }
        let id = self.next_job;
        self.next_job = self.next_job.wrapping_add(1).max(1);
        self.jobs.insert(Job {
            id,
            unit: unit.to_string(),
            job_type: w.job_type,
            running: false,
            restart_started: false,
        });
        id
    }

    fn cancel_job(&mut self, jid: JobId) {
        if let Some(job) = self.jobs.remove(jid) {
            self.effects.push(crate::effect::Effect::JobFinished {
                job: jid,
                unit: job.unit,
                job_type: job.job_type,
                result: JobResult::Canceled,
            });
        }
    }

    /// `systemctl cancel`.
    pub fn cancel(&mut self, jid: JobId) -> bool {
        let Some((unit, start)) = self
            .jobs
            .get(&jid)
            .map(|j| (j.unit.clone(), j.job_type.is_start_like()))
        else {
            return false;
        };
        self.cancel_job(jid);
        if start {
            // A start a timer or socket queued will not run: they wait or listen again.
            self.start_job_ended(&unit);
        }
        true
    }
}
