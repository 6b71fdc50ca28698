//! Jobs: a requested state change of one unit, with systemd's types, modes and results.

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
