//! Jobs: what a client asks for (`JobAction`), how it is queued (`JobMode`), what the engine
//! runs (`JobType`) and how it ended (`JobResult`); and whom a `kill` reaches (`KillWhom`).

names! {
    /// What a job does to its unit (`systemctl list-jobs`' TYPE).
    "job type"
    pub enum JobType {
        /// Bring the unit up.
        Start = "start",
        /// Take it down.
        Stop = "stop",
        /// Stop then start.
        Restart = "restart",
        /// Reload its configuration.
        Reload = "reload",
        /// Restart only if it is running.
        TryRestart = "try-restart",
        /// Fail unless the unit is active (`Requisite=`).
        VerifyActive = "verify-active",
    }
}

impl JobType {
    /// Whether the job ends with the unit up (orders like a start).
    pub fn is_start_like(self) -> bool {
        !matches!(self, JobType::Stop)
    }
}

names! {
    /// The verb a client asks for (`systemctl start|stop|…`); the manager turns it into a
    /// [`JobType`] once it knows the unit (`reload-or-restart` depends on its state).
    "job action"
    pub enum JobAction {
        /// `start`
        Start = "start",
        /// `stop`
        Stop = "stop",
        /// `restart`
        Restart = "restart",
        /// `try-restart`
        TryRestart = "try-restart",
        /// `reload`
        Reload = "reload",
        /// `reload-or-restart`
        ReloadOrRestart = "reload-or-restart",
        /// `try-reload-or-restart`
        TryReloadOrRestart = "try-reload-or-restart",
    }
}

impl JobAction {
    /// The job for a unit that can (`can_reload`) or cannot reload and is (`active`) or is
    /// not up.
    pub fn job_type(self, can_reload: bool, active: bool) -> JobType {
        match self {
            JobAction::Start => JobType::Start,
            JobAction::Stop => JobType::Stop,
            JobAction::Restart => JobType::Restart,
            JobAction::TryRestart => JobType::TryRestart,
            JobAction::Reload => JobType::Reload,
            JobAction::ReloadOrRestart if can_reload && active => JobType::Reload,
            JobAction::ReloadOrRestart => JobType::Restart,
            JobAction::TryReloadOrRestart if can_reload && active => JobType::Reload,
            JobAction::TryReloadOrRestart => JobType::TryRestart,
        }
    }
}

names! {
    /// `--job-mode=`: how a new job treats the jobs already queued.
    "job mode"
    pub enum JobMode {
        /// Replace conflicting queued jobs.
        Replace = "replace",
        /// As `replace`, and the new jobs cannot be replaced by later ones (linger treats it as
        /// `replace`).
        ReplaceIrreversibly = "replace-irreversibly",
        /// Fail if it conflicts with a queued job.
        Fail = "fail",
        /// Like replace, and stop everything else not needed.
        Isolate = "isolate",
        /// Ignore requirement and ordering dependencies.
        IgnoreDependencies = "ignore-dependencies",
        /// Ignore requirement dependencies, keep ordering.
        IgnoreRequirements = "ignore-requirements",
    }
}

// `names!` writes the derives; the default is said here.
#[allow(clippy::derivable_impls)]
impl Default for JobMode {
    fn default() -> JobMode {
        JobMode::Replace
    }
}

names! {
    /// How a job ended (`JobRemoved`'s result; systemctl words its failures after it).
    "job result"
    pub enum JobResult {
        /// Done as asked.
        Done = "done",
        /// Cancelled before it ran.
        Canceled = "canceled",
        /// The unit failed.
        Failed = "failed",
        /// A required dependency failed.
        Dependency = "dependency",
        /// Nothing to do / condition not met.
        Skipped = "skipped",
        /// Timed out.
        Timeout = "timeout",
        /// Refused: the unit is in a state that does not allow it.
        Invalid = "invalid",
        /// Requisite not active.
        Unsupported = "unsupported",
        /// Conflicting job.
        Collected = "collected",
        /// The assertion failed.
        Assert = "assert",
        /// Once more: the job was merged or replaced.
        Once = "once",
    }
}

impl JobResult {
    /// Whether the job's caller failed (systemctl exits non-zero and explains).
    pub fn is_failure(self) -> bool {
        matches!(
            self,
            JobResult::Failed | JobResult::Dependency | JobResult::Timeout | JobResult::Assert
        )
    }
}

names! {
    /// Whom a signal reaches (`--kill-whom=`; `KillMode=` translates to it).
    "kill target"
    pub enum KillWhom {
        /// The main process only.
        Main = "main",
        /// The control process only.
        Control = "control",
        /// Every process of the unit.
        All = "all",
    }
}

// `names!` writes the derives; the default is said here.
#[allow(clippy::derivable_impls)]
impl Default for KillWhom {
    fn default() -> KillWhom {
        KillWhom::All
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T>(all: &[T])
    where
        T: Copy + PartialEq + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned,
    {
        for v in all {
            let text = serde_json::to_string(v).unwrap();
            assert_eq!(serde_json::from_str::<T>(&text).unwrap(), *v, "{text}");
        }
    }

    #[test]
    fn every_name_round_trips() {
        round_trip(JobType::ALL);
        round_trip(JobAction::ALL);
        round_trip(JobMode::ALL);
        round_trip(JobResult::ALL);
        round_trip(KillWhom::ALL);
        for m in JobMode::ALL {
            assert_eq!(JobMode::parse(m.as_str()), Some(*m));
        }
    }

    #[test]
    fn an_unknown_name_lists_the_accepted_ones() {
        let e = serde_json::from_str::<JobMode>("\"sometimes\"").unwrap_err();
        let text = e.to_string();
        assert!(text.contains("invalid job mode 'sometimes'"), "{text}");
        assert!(text.contains("ignore-dependencies"), "{text}");
        let e = "everyone".parse::<KillWhom>().unwrap_err();
        assert_eq!(e.expected, ["main", "control", "all"]);
    }

    #[test]
    fn reload_or_restart_depends_on_the_unit() {
        use JobAction::*;
        assert_eq!(ReloadOrRestart.job_type(true, true), JobType::Reload);
        assert_eq!(ReloadOrRestart.job_type(true, false), JobType::Restart);
        assert_eq!(ReloadOrRestart.job_type(false, true), JobType::Restart);
        assert_eq!(TryReloadOrRestart.job_type(true, true), JobType::Reload);
        assert_eq!(
            TryReloadOrRestart.job_type(false, true),
            JobType::TryRestart
        );
    }
}
