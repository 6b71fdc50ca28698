//! Unit states as clients see them: `LoadState=`, `ActiveState=`, `SubState=`, `Result=`.
//! (The engine's own per-type states carry their processes; each maps to one of these names.)

names! {
    /// Whether a unit's configuration could be loaded (`LoadState=`).
    "load state"
    pub enum LoadState {
        /// Loaded fine (possibly with warnings).
        Loaded = "loaded",
        /// No fragment found anywhere on the search path.
        NotFound = "not-found",
        /// A setting was invalid; see the diagnostics.
        BadSetting = "bad-setting",
        /// The file could not be read or parsed at all.
        Error = "error",
        /// Symlinked to /dev/null.
        Masked = "masked",
    }
}

names! {
    /// The generic state of any unit (`ActiveState=`).
    "active state"
    pub enum ActiveState {
        /// Running / reached.
        Active = "active",
        /// Reloading its configuration.
        Reloading = "reloading",
        /// Not running.
        Inactive = "inactive",
        /// Not running, and the last run failed.
        Failed = "failed",
        /// On its way up.
        Activating = "activating",
        /// On its way down.
        Deactivating = "deactivating",
    }
}

impl ActiveState {
    /// Active or reloading: "up" for dependency purposes.
    pub fn is_active_or_reloading(self) -> bool {
        matches!(self, ActiveState::Active | ActiveState::Reloading)
    }

    /// Inactive or failed: "down".
    pub fn is_inactive_or_failed(self) -> bool {
        matches!(self, ActiveState::Inactive | ActiveState::Failed)
    }
}

names! {
    /// A unit's type-specific state (`SubState=`): the union of every unit type's names.
    "sub-state"
    pub enum SubState {
        /// Not running (any type).
        Dead = "dead",
        /// Service: running `ExecCondition=`.
        Condition = "condition",
        /// Service, socket: running `ExecStartPre=`.
        StartPre = "start-pre",
        /// Service: starting.
        Start = "start",
        /// Service, socket: running `ExecStartPost=`.
        StartPost = "start-post",
        /// Service, socket, timer, scope: running.
        Running = "running",
        /// Service: up without a process (`RemainAfterExit=`).
        Exited = "exited",
        /// Service: reloading.
        Reload = "reload",
        /// Service: running `ExecStop=`.
        Stop = "stop",
        /// Socket: running `ExecStopPre=`.
        StopPre = "stop-pre",
        /// Socket: `KillSignal=` sent before the sockets close.
        StopPreSigterm = "stop-pre-sigterm",
        /// Socket: `FinalKillSignal=` sent before the sockets close.
        StopPreSigkill = "stop-pre-sigkill",
        /// Service: the watchdog signal was sent.
        StopWatchdog = "stop-watchdog",
        /// Service, scope: `KillSignal=` sent.
        StopSigterm = "stop-sigterm",
        /// Service, scope: `FinalKillSignal=` sent.
        StopSigkill = "stop-sigkill",
        /// Service, socket: running `ExecStopPost=`.
        StopPost = "stop-post",
        /// Service, socket: `KillSignal=` sent to leftovers.
        FinalSigterm = "final-sigterm",
        /// Service, socket: `FinalKillSignal=` sent to leftovers.
        FinalSigkill = "final-sigkill",
        /// Any type: the last run failed.
        Failed = "failed",
        /// Service: waiting `RestartSec=`.
        AutoRestart = "auto-restart",
        /// Target and other passive units: reached.
        Active = "active",
        /// Timer: waiting for its next elapse.
        Waiting = "waiting",
        /// Timer: elapsed, nothing more to come.
        Elapsed = "elapsed",
        /// Socket: listening.
        Listening = "listening",
        /// Scope: running, given up by the one who made it (`Abandon()`).
        Abandoned = "abandoned",
    }
}

names! {
    /// Why a service's (or socket's, scope's, timer's) last run ended (`Result=`).
    "result"
    pub enum ServiceResult {
        /// Fine.
        Success = "success",
        /// A protocol violation (e.g. PID file missing after a forking start).
        Protocol = "protocol",
        /// A timeout hit.
        Timeout = "timeout",
        /// A process exited with a failure status.
        ExitCode = "exit-code",
        /// A process was killed by a signal.
        Signal = "signal",
        /// A process dumped core.
        CoreDump = "core-dump",
        /// The watchdog was not fed.
        Watchdog = "watchdog",
        /// Started too often.
        StartLimitHit = "start-limit-hit",
        /// Setting up the execution failed (fork, pipes, …).
        Resources = "resources",
        /// The kernel's OOM killer hit the service.
        OomKill = "oom-kill",
    }
}

// `names!` writes the derives; the default is said here.
#[allow(clippy::derivable_impls)]
impl Default for ServiceResult {
    fn default() -> ServiceResult {
        ServiceResult::Success
    }
}

impl ServiceResult {
    /// systemctl's explanation of a failed start with this result ("Job for X failed because
    /// …").
    pub fn failure_reason(self) -> &'static str {
        match self {
            ServiceResult::ExitCode => "the control process exited with error code",
            ServiceResult::Signal => "a fatal signal was delivered to the control process",
            ServiceResult::CoreDump => {
                "a fatal signal was delivered causing the control process to dump core"
            }
            ServiceResult::Timeout => "a timeout was exceeded",
            ServiceResult::StartLimitHit => "start of the service was attempted too often",
            ServiceResult::Resources => "of unavailable resources or another system error",
            ServiceResult::Protocol => {
                "the service did not take the steps required by its unit configuration"
            }
            ServiceResult::OomKill => "the control process was killed by the OOM killer",
            ServiceResult::Success | ServiceResult::Watchdog => "the unit failed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_round_trips_and_is_unique() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            name: fn(T) -> &'static str,
            parse: fn(&str) -> Option<T>,
        ) {
            let mut seen = std::collections::HashSet::new();
            for v in all {
                assert!(seen.insert(name(*v)), "{} twice", name(*v));
                assert_eq!(parse(name(*v)), Some(*v));
            }
        }
        check(LoadState::ALL, LoadState::as_str, LoadState::parse);
        check(ActiveState::ALL, ActiveState::as_str, ActiveState::parse);
        check(SubState::ALL, SubState::as_str, SubState::parse);
        check(
            ServiceResult::ALL,
            ServiceResult::as_str,
            ServiceResult::parse,
        );
    }
}
