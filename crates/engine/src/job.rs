//! Jobs: a requested state change of one unit, with systemd's types, modes and results.

/// A job's identity (`systemctl list-jobs` number).
pub type JobId = u32;

/// What a job does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobType {
    /// Bring the unit up.
    Start,
    /// Take it down.
    Stop,
    /// Stop then start.
    Restart,
    /// Reload its configuration.
    Reload,
    /// Restart only if it is running.
    TryRestart,
    /// Fail unless the unit is active (Requisite=).
    VerifyActive,
}

impl JobType {
    /// Canonical string.
    pub fn as_str(self) -> &'static str {
        match self {
            JobType::Start => "start",
            JobType::Stop => "stop",
            JobType::Restart => "restart",
            JobType::Reload => "reload",
            JobType::TryRestart => "try-restart",
            JobType::VerifyActive => "verify-active",
        }
    }

    /// Whether the job ends with the unit up (orders like a start).
    pub fn is_start_like(self) -> bool {
        !matches!(self, JobType::Stop)
    }
}

/// `--job-mode=`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum JobMode {
    /// Replace conflicting queued jobs.
    #[default]
    Replace,
    /// Fail if it conflicts with a queued job.
    Fail,
    /// Like replace, and stop everything else not needed (isolate).
    Isolate,
    /// Ignore requirement dependencies.
    IgnoreDependencies,
    /// Ignore requirements, keep ordering.
    IgnoreRequirements,
}

impl JobMode {
    /// Parse `--job-mode=` values.
    pub fn parse(s: &str) -> Option<JobMode> {
        Some(match s {
            "replace" | "replace-irreversibly" => JobMode::Replace,
            "fail" => JobMode::Fail,
            "isolate" => JobMode::Isolate,
            "ignore-dependencies" => JobMode::IgnoreDependencies,
            "ignore-requirements" => JobMode::IgnoreRequirements,
            _ => return None,
        })
    }
}

/// How a job ended (`systemctl` prints these in its failure messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobResult {
    /// Done as asked.
    Done,
    /// Cancelled before it ran.
    Canceled,
    /// The unit failed.
    Failed,
    /// A required dependency failed.
    Dependency,
    /// Nothing to do / condition not met.
    Skipped,
    /// Timed out.
    Timeout,
    /// Refused: the unit is in a state that does not allow it.
    Invalid,
    /// Requisite not active.
    Unsupported,
    /// Conflicting job.
    Collected,
    /// The assertion failed.
    Assert,
    /// Once more: the job was merged or replaced.
    Once,
}

impl JobResult {
    /// Canonical string.
    pub fn as_str(self) -> &'static str {
        match self {
            JobResult::Done => "done",
            JobResult::Canceled => "canceled",
            JobResult::Failed => "failed",
            JobResult::Dependency => "dependency",
            JobResult::Skipped => "skipped",
            JobResult::Timeout => "timeout",
            JobResult::Invalid => "invalid",
            JobResult::Unsupported => "unsupported",
            JobResult::Collected => "collected",
            JobResult::Assert => "assert",
            JobResult::Once => "once",
        }
    }
}

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
