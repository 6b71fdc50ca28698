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

/// The queued jobs, by id and by unit, and which of them still wait to run: kept together
/// (only these methods change them), so `dispatch` looks at the waiting jobs alone instead
/// of every queued one after every event.
#[derive(Debug, Default)]
pub(crate) struct Jobs {
    by_id: BTreeMap<JobId, Job>,
    by_unit: HashMap<String, JobId>,
    /// Queued and not running, in id order (the order jobs are tried in).
    waiting: BTreeSet<JobId>,
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
    pub fn waiting(&self) -> Vec<JobId> {
        self.waiting.iter().copied().collect()
    }

    /// Queue a job (it replaces none: the caller removed the unit's old one).
    pub fn insert(&mut self, job: Job) {
        if !job.running {
            self.waiting.insert(job.id);
        }
        self.by_unit.insert(job.unit.clone(), job.id);
        self.by_id.insert(job.id, job);
    }

    /// Take a job out of the queue.
    pub fn remove(&mut self, jid: JobId) -> Option<Job> {
        let job = self.by_id.remove(&jid)?;
        self.waiting.remove(&jid);
        if self.by_unit.get(&job.unit) == Some(&jid) {
            self.by_unit.remove(&job.unit);
        }
        Some(job)
    }

    /// The job started executing.
    pub fn set_running(&mut self, jid: JobId) {
        if let Some(j) = self.by_id.get_mut(&jid) {
            j.running = true;
            self.waiting.remove(&jid);
        }
    }

    /// A waiting job became another type (merged with a new one); a running one keeps its.
    pub fn merge_type(&mut self, jid: JobId, t: JobType) {
        if let Some(j) = self.by_id.get_mut(&jid)
            && !j.running
        {
            j.job_type = t;
        }
    }

    /// A restart's stop half is done: it waits again, now as a start.
    pub fn restart_stop_half_done(&mut self, jid: JobId) {
        if let Some(j) = self.by_id.get_mut(&jid) {
            j.restart_started = true;
            j.running = false;
            self.waiting.insert(jid);
        }
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
}
