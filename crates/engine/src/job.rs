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
