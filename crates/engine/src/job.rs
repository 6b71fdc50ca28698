//! Jobs: a requested state change of one unit, with systemd's types, modes and results.

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A job's identity (`systemctl list-jobs` number).
pub type JobId = u32;

pub use linger_wire::{JobMode, JobResult, JobType};

/// A queued job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Job {
    pub id: JobId,
    pub unit: String,
    pub job_type: JobType,
    /// Started executing (the unit was told to start/stop).
    pub running: bool,
    /// For restart: the stop half is done, now starting.
    pub restart_started: bool,
}

impl Job {
    /// Whether the job orders like a start now. A restart is a stop in disguise until its
    /// stop half is done (systemd patches it into a start then): units ordered after it
    /// stop first, and it starts only once the units it is ordered after are up.
    pub fn orders_as_start(&self) -> bool {
        match self.job_type {
            JobType::Stop => false,
            JobType::Restart | JobType::TryRestart => self.restart_started,
            _ => true,
        }
    }
}

/// The queued jobs, by id and by unit, which of them still wait to run, and which of those
/// may have become runnable: kept together (only these methods change them), so `dispatch`
/// tries only the waiting jobs something happened to — a new job, a change of its own unit's
/// state, a job of a unit ordered next to its unit gone or changed — instead of every queued
/// one after every event.
#[derive(Debug, Default)]
pub(crate) struct Jobs {
    by_id: BTreeMap<JobId, Job>,
    by_unit: HashMap<String, JobId>,
    /// Queued and not running, in id order (the order jobs are tried in).
    waiting: BTreeSet<JobId>,
    /// Waiting jobs to try at the next dispatch.
    woken: BTreeSet<JobId>,
    /// Units whose job went away or changed how it orders: the waiting jobs of the units
    /// ordered next to them are to be tried (the engine knows the neighbours).
    changed: BTreeSet<String>,
}

impl Jobs {
    pub fn get(&self, jid: &JobId) -> Option<&Job> {
        self.by_id.get(jid)
    }

    /// The id of the unit's job.
    pub fn id_of(&self, unit: &str) -> Option<JobId> {
        self.by_unit.get(unit).copied()
    }

    /// The unit's job.
    pub fn of_unit(&self, unit: &str) -> Option<&Job> {
        self.by_unit.get(unit).and_then(|j| self.by_id.get(j))
    }

    /// Whether the unit has a job.
    pub fn has(&self, unit: &str) -> bool {
        self.by_unit.contains_key(unit)
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Every job, in id order.
    pub fn values(&self) -> impl Iterator<Item = &Job> {
        self.by_id.values()
    }

    /// (unit, job) of every job.
    pub fn by_unit(&self) -> impl Iterator<Item = (&String, JobId)> {
        self.by_unit.iter().map(|(u, j)| (u, *j))
    }

    /// The jobs that wait to run, in id order.
    #[cfg(test)]
    pub fn waiting(&self) -> Vec<JobId> {
        self.waiting.iter().copied().collect()
    }

    /// Queue a job (it replaces none: the caller removed the unit's old one).
    pub fn insert(&mut self, job: Job) {
        if !job.running {
            self.waiting.insert(job.id);
            self.woken.insert(job.id);
        }
        self.by_unit.insert(job.unit.clone(), job.id);
        self.by_id.insert(job.id, job);
    }

    /// Take a job out of the queue.
    pub fn remove(&mut self, jid: JobId) -> Option<Job> {
        let job = self.by_id.remove(&jid)?;
        self.waiting.remove(&jid);
        self.woken.remove(&jid);
        if self.by_unit.get(&job.unit) == Some(&jid) {
            self.by_unit.remove(&job.unit);
        }
        self.changed.insert(job.unit.clone());
        Some(job)
    }

    /// The job started executing.
    pub fn set_running(&mut self, jid: JobId) {
        if let Some(j) = self.by_id.get_mut(&jid) {
            j.running = true;
            self.waiting.remove(&jid);
            self.woken.remove(&jid);
        }
    }

    /// A waiting job became another type (merged with a new one); a running one keeps its.
    pub fn merge_type(&mut self, jid: JobId, t: JobType) {
        if let Some(j) = self.by_id.get_mut(&jid)
            && !j.running
        {
            j.job_type = t;
            self.woken.insert(jid);
            self.changed.insert(j.unit.clone());
        }
    }

    /// A restart's stop half is done: it waits again, now as a start.
    pub fn restart_stop_half_done(&mut self, jid: JobId) {
        if let Some(j) = self.by_id.get_mut(&jid) {
            j.restart_started = true;
            j.running = false;
            self.waiting.insert(jid);
            self.woken.insert(jid);
            self.changed.insert(j.unit.clone());
        }
    }

    /// Try the waiting job of each of `units` at the next dispatch.
    pub fn wake_units<'a>(&mut self, units: impl IntoIterator<Item = &'a str>) {
        for u in units {
            if let Some(&jid) = self.by_unit.get(u)
                && self.waiting.contains(&jid)
            {
                self.woken.insert(jid);
            }
        }
    }

    /// Try every waiting job at the next dispatch (the ordering graph changed).
    pub fn wake_all(&mut self) {
        self.woken.clone_from(&self.waiting);
    }

    /// The units whose job went away or changed how it orders, since the last call.
    pub fn take_changed(&mut self) -> BTreeSet<String> {
        std::mem::take(&mut self.changed)
    }

    /// The waiting jobs to try now, in id order (and none until something wakes them again).
    pub fn take_woken(&mut self) -> BTreeSet<JobId> {
        std::mem::take(&mut self.woken)
    }
}

/// systemd's job merging: two jobs for one unit become one, or cannot (None: the new one
/// replaces the old). verify-active/reload + start = start; try-restart + start = restart;
/// anything start-like + restart = restart.
pub(crate) fn merge_job_types(a: JobType, b: JobType) -> Option<JobType> {
    if a.is_start_like() != b.is_start_like() {
        return None;
    }
    match (a, b) {
        (a, b) if a == b => Some(a),
        (JobType::VerifyActive | JobType::Reload, JobType::Start)
        | (JobType::Start, JobType::VerifyActive | JobType::Reload) => Some(JobType::Start),
        (JobType::TryRestart, JobType::Start) | (JobType::Start, JobType::TryRestart) => {
            Some(JobType::Restart)
        }
        (_, JobType::Restart) | (JobType::Restart, _) => Some(JobType::Restart),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(id: JobId, unit: &str, job_type: JobType) -> Job {
        Job {
            id,
            unit: unit.into(),
            job_type,
            running: false,
            restart_started: false,
        }
    }

    /// `dispatch` tries exactly the jobs that wait: queued and not running, a restart again
    /// once its stop half is done, none that was taken out.
    #[test]
    fn the_waiting_jobs_are_the_queued_ones_not_running() {
        let mut jobs = Jobs::default();
        jobs.insert(job(1, "a.service", JobType::Start));
        jobs.insert(job(2, "b.service", JobType::Restart));
        jobs.insert(job(3, "c.service", JobType::Stop));
        assert_eq!(jobs.waiting(), [1, 2, 3]);
        jobs.set_running(1);
        jobs.set_running(2);
        assert_eq!(jobs.waiting(), [3]);
        jobs.merge_type(1, JobType::Restart);
        assert_eq!(
            jobs.get(&1).map(|j| j.job_type),
            Some(JobType::Start),
            "running: kept"
        );
        jobs.merge_type(3, JobType::Stop);
        jobs.restart_stop_half_done(2);
        assert_eq!(jobs.waiting(), [2, 3]);
        assert!(
            jobs.get(&2)
                .is_some_and(|j| j.orders_as_start() && !j.running)
        );
        assert_eq!(jobs.remove(3).map(|j| j.unit), Some("c.service".into()));
        assert_eq!(jobs.waiting(), [2]);
        assert!(!jobs.has("c.service") && jobs.has("a.service"));
        assert_eq!(jobs.id_of("b.service"), Some(2));
        assert_eq!(jobs.len(), 2);
    }

    /// A job is tried when it is new, and again only once something that may let it run
    /// happened: a job near it went away or changed how it orders, its unit changed, or the
    /// graph did.
    #[test]
    fn jobs_are_woken_by_what_may_let_them_run() {
        let mut jobs = Jobs::default();
        jobs.insert(job(1, "a.service", JobType::Start));
        jobs.insert(job(2, "b.service", JobType::Start));
        assert_eq!(jobs.take_woken().into_iter().collect::<Vec<_>>(), [1, 2]);
        assert!(jobs.take_woken().is_empty(), "tried once, then asleep");
        jobs.wake_units(["b.service", "nothing.service"]);
        assert_eq!(jobs.take_woken().into_iter().collect::<Vec<_>>(), [2]);
        jobs.set_running(1);
        jobs.wake_units(["a.service"]);
        assert!(jobs.take_woken().is_empty(), "a running job is not tried");
        assert!(jobs.take_changed().is_empty());
        jobs.remove(1);
        assert_eq!(
            jobs.take_changed().into_iter().collect::<Vec<_>>(),
            ["a.service"]
        );
        jobs.insert(job(3, "c.service", JobType::Restart));
        jobs.take_woken();
        jobs.set_running(3);
        jobs.restart_stop_half_done(3);
        assert_eq!(jobs.take_woken().into_iter().collect::<Vec<_>>(), [3]);
        assert_eq!(
            jobs.take_changed().into_iter().collect::<Vec<_>>(),
            ["c.service"]
        );
        jobs.merge_type(2, JobType::Restart);
        assert_eq!(jobs.take_woken().into_iter().collect::<Vec<_>>(), [2]);
        assert_eq!(
            jobs.take_changed().into_iter().collect::<Vec<_>>(),
            ["b.service"]
        );
        jobs.wake_all();
        assert_eq!(jobs.take_woken().into_iter().collect::<Vec<_>>(), [2, 3]);
    }
}
