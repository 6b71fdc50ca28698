//! What the engine asks the manager to do.

use crate::job::{JobId, JobResult, JobType};
use linger_time::Usec;

/// Which command list a spawned process comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExecKind {
    /// `ExecCondition=`
    Condition,
    /// `ExecStartPre=`
    StartPre,
    /// `ExecStart=`
    Start,
    /// `ExecStartPost=`
    StartPost,
    /// `ExecReload=`
    Reload,
    /// `ExecStop=`
    Stop,
    /// `ExecStopPost=`
    StopPost,
}

impl ExecKind {
    /// The directive name (`ExecStart` …), as status prints it.
    pub fn directive(self) -> &'static str {
        match self {
            ExecKind::Condition => "ExecCondition",
            ExecKind::StartPre => "ExecStartPre",
            ExecKind::Start => "ExecStart",
            ExecKind::StartPost => "ExecStartPost",
            ExecKind::Reload => "ExecReload",
            ExecKind::Stop => "ExecStop",
            ExecKind::StopPost => "ExecStopPost",
        }
    }

    /// The list a directive name ([`ExecKind::directive`]) names.
    pub fn from_directive(name: &str) -> Option<ExecKind> {
        [
            ExecKind::Condition,
            ExecKind::StartPre,
            ExecKind::Start,
            ExecKind::StartPost,
            ExecKind::Reload,
            ExecKind::Stop,
            ExecKind::StopPost,
        ]
        .into_iter()
        .find(|k| k.directive() == name)
    }
}

pub use linger_wire::KillWhom;

/// Which per-unit timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimerKind {
    /// The state timeout (start, stop, RestartSec=).
    State,
    /// `WatchdogSec=`.
    Watchdog,
    /// `RuntimeMaxSec=`.
    RuntimeMax,
    /// A timer unit's next elapse.
    Elapse,
}

/// What a manager message about a unit reports, so the journal entry can carry the
/// `MESSAGE_ID=` (and job fields) systemd gives the same event: `journalctl -x` explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogTag {
    /// A job finished ("Started …", "Failed to start …", "Stopped …", "Reloaded …").
    Job {
        /// Its type.
        job_type: JobType,
        /// How it ended.
        result: JobResult,
    },
    /// A job began its work ("Starting …", "Stopping …").
    JobBegun {
        /// Its type.
        job_type: JobType,
    },
    /// An automatic restart was scheduled (`Restart=`).
    RestartScheduled,
    /// The unit went inactive without a failure ("Deactivated successfully.").
    Succeeded,
    /// The unit failed ("Failed with result '…'.").
    Failed {
        /// The result's name (`exit-code`, `timeout`, …).
        result: &'static str,
    },
    /// The main process exited unclean ("Main process exited, …").
    ProcessExited,
}

/// Log priority of an engine message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogLevel {
    /// LOG_ERR
    Error,
    /// LOG_WARNING
    Warning,
    /// LOG_NOTICE
    Notice,
    /// LOG_INFO
    Info,
}

impl LogLevel {
    /// syslog priority number.
    pub fn priority(self) -> u8 {
        match self {
            LogLevel::Error => 3,
            LogLevel::Warning => 4,
            LogLevel::Notice => 5,
            LogLevel::Info => 6,
        }
    }
}

/// One thing the manager must do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Watch whether the unit's processes are all gone; report with `on_unit_empty`.
    WatchEmpty {
        /// The unit.
        unit: String,
    },
    /// Arm (replace) a timer; when it fires call `on_timer(unit, kind, generation)`.
    ArmTimer {
        /// The unit.
        unit: String,
        /// Which timer.
        kind: TimerKind,
        /// CLOCK_MONOTONIC deadline in µs.
        deadline: Usec,
        /// To recognise stale firings.
        generation: u64,
    },
    /// Disarm a timer.
    DisarmTimer {
        /// The unit.
        unit: String,
        /// Which timer.
        kind: TimerKind,
    },
    /// A message from the manager about a unit (journal: "Started …").
    Log {
        /// The unit concerned.
        unit: String,
        /// Priority.
        level: LogLevel,
        /// Text.
        message: String,
        /// What it reports, when it is one of the events systemd tags.
        tag: Option<LogTag>,
    },
    /// A job finished; answer clients waiting on it.
    JobFinished {
        /// The job.
        job: JobId,
        /// Its unit.
        unit: String,
        /// Its type.
        job_type: JobType,
        /// How it ended.
        result: JobResult,
    },
    /// The unit is gone for good; release its tracking (cgroup etc.).
    ReleaseResources {
        /// The unit.
        unit: String,
    },
}
