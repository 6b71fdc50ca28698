//! `io.linger.Manager`: the user manager's interface. Version 1.
//!
//! Unit properties travel as `systemctl show`'s `Name=value` strings so that `show`, `status`
//! and the manager agree on one canonical format; what the CLI decides on (states, results,
//! job modes, kill targets, signals) travels as the typed enums of `linger-wire`. Errors are
//! [`ManagerError`]s: a kind (mapped to its varlink error name in one place), the unit and path
//! concerned, and a message for the user.

use std::collections::BTreeMap;

use linger_wire::{
    ActiveState, JobAction, JobMode, JobResult, JobType, KillWhom, Signal, SubState,
};
use serde::{Deserialize, Serialize};

pub use linger_wire as types;

/// Interface name.
pub const INTERFACE: &str = "io.linger.Manager";

/// Method names.
pub mod method {
    /// Queue jobs and (unless `no_block`) wait for them: [`super::JobsRequest`].
    pub const JOBS: &str = "io.linger.Manager.Jobs";
    /// Properties and status extras of units: [`super::UnitsRequest`] → [`super::UnitsReply`].
    pub const UNITS: &str = "io.linger.Manager.Units";
    /// `list-units`: [`super::ListRequest`] → [`super::ListReply`].
    pub const LIST: &str = "io.linger.Manager.List";
    /// `list-unit-files`: → [`super::UnitFilesReply`].
    pub const LIST_UNIT_FILES: &str = "io.linger.Manager.ListUnitFiles";
    /// `is-enabled`: [`super::NamesRequest`] → [`super::UnitFileStatesReply`]: each name's
    /// unit file state as found on disk (no unit is loaded; templates and aliases answer too).
    pub const UNIT_FILE_STATES: &str = "io.linger.Manager.UnitFileStates";
    /// enable/disable/reenable/mask/unmask: [`super::InstallRequest`] → [`super::InstallReply`].
    pub const INSTALL: &str = "io.linger.Manager.Install";
    /// kill: [`super::KillRequest`].
    pub const KILL: &str = "io.linger.Manager.Kill";
    /// set-property: [`super::SetPropertyRequest`].
    pub const SET_PROPERTY: &str = "io.linger.Manager.SetProperty";
    /// `systemd-run --scope`: [`super::StartScopeRequest`]: the transient scope unit (already
    /// written) is created with the process in it.
    pub const START_SCOPE: &str = "io.linger.Manager.StartScope";
    /// `systemd-run --pipe/--pty`: [`super::AttachStdioRequest`], with the caller's stdin,
    /// stdout and stderr passed as fds: the (transient) service's processes use them.
    pub const ATTACH_STDIO: &str = "io.linger.Manager.AttachStdio";
    /// reset-failed: [`super::NamesRequest`].
    pub const RESET_FAILED: &str = "io.linger.Manager.ResetFailed";
    /// daemon-reload.
    pub const RELOAD: &str = "io.linger.Manager.Reload";
    /// daemon-reexec.
    pub const REEXEC: &str = "io.linger.Manager.Reexec";
    /// set-/unset-environment: [`super::EnvironmentRequest`]; show-environment → `{"environment": [..]}`.
    pub const ENVIRONMENT: &str = "io.linger.Manager.Environment";
    /// list-dependencies: [`super::DependenciesRequest`] → [`super::DependenciesReply`].
    pub const DEPENDENCIES: &str = "io.linger.Manager.Dependencies";
    /// list-jobs → [`super::ListJobsReply`].
    pub const LIST_JOBS: &str = "io.linger.Manager.ListJobs";
    /// Manager-level properties (`show` without a unit).
    pub const MANAGER: &str = "io.linger.Manager.Manager";
    /// `journalctl --flush/--rotate`: [`super::JournalRequest`]; replies when done.
    pub const JOURNAL: &str = "io.linger.Manager.Journal";
    /// `systemctl freeze/thaw`: [`super::FreezerRequest`]; replies when the kernel is done.
    pub const FREEZER: &str = "io.linger.Manager.Freezer";
    /// Stop the manager (exit).
    pub const EXIT: &str = "io.linger.Manager.Exit";
    /// Stream of [`super::Change`]s (call with `more`): [`super::SubscribeRequest`]. The first
    /// reply is empty (`{"changes": []}`): from then on nothing is missed.
    pub const SUBSCRIBE: &str = "io.linger.Manager.Subscribe";
}

/// Error names.
pub mod error {
    /// Unit not found / not loaded.
    pub const NO_SUCH_UNIT: &str = "io.linger.Manager.NoSuchUnit";
    /// A request was refused (masked, bad setting, refuse-manual, destructive …).
    pub const REFUSED: &str = "io.linger.Manager.Refused";
    /// Bad parameters.
    pub const INVALID: &str = "org.varlink.service.InvalidParameter";
    /// Unknown method.
    pub const NO_METHOD: &str = "org.varlink.service.MethodNotFound";
    /// Anything else.
    pub const FAILED: &str = "io.linger.Manager.Failed";
    /// The unit is masked.
    pub const UNIT_MASKED: &str = "io.linger.Manager.UnitMasked";
    /// The unit's file has a bad setting.
    pub const BAD_UNIT_SETTING: &str = "io.linger.Manager.BadUnitSetting";
    /// The unit failed to load.
    pub const LOAD_FAILED: &str = "io.linger.Manager.LoadFailed";
    /// RefuseManualStart=/RefuseManualStop=.
    pub const ONLY_BY_DEPENDENCY: &str = "io.linger.Manager.OnlyByDependency";
    /// The job type does not apply to the unit (reload without ExecReload=, …).
    pub const JOB_TYPE_NOT_APPLICABLE: &str = "io.linger.Manager.JobTypeNotApplicable";
    /// The transaction would replace jobs it may not (`--job-mode=fail`).
    pub const TRANSACTION_IS_DESTRUCTIVE: &str = "io.linger.Manager.TransactionIsDestructive";
    /// The unit may not be isolated.
    pub const NO_ISOLATION: &str = "io.linger.Manager.NoIsolation";
    /// The unit exists already.
    pub const UNIT_EXISTS: &str = "io.linger.Manager.UnitExists";
    /// The reply would exceed [`crate::MAX_MESSAGE`]: ask for less (fewer units at once).
    pub const REPLY_TOO_LARGE: &str = "io.linger.Manager.ReplyTooLarge";
}

/// What kind of failure a [`ManagerError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// The unit is not loaded / has no file.
    NoSuchUnit,
    /// Refused (masked, refuse-manual, another user, already active, …).
    Refused,
    /// Malformed or invalid parameters.
    InvalidParameter,
    /// No such method.
    MethodNotFound,
    /// Anything else that went wrong while doing what was asked.
    Failed,
    /// Refused: the unit is masked.
    UnitMasked,
    /// Refused: the unit's file has a bad setting.
    BadUnitSetting,
    /// Refused: the unit failed to load.
    LoadFailed,
    /// Refused: RefuseManualStart=/RefuseManualStop=.
    OnlyByDependency,
    /// Refused: the job type does not apply to the unit.
    JobTypeNotApplicable,
    /// Refused: the transaction would replace jobs it may not.
    TransactionIsDestructive,
    /// Refused: the unit may not be isolated.
    NoIsolation,
    /// Refused: the unit exists already.
    UnitExists,
}

impl ErrorKind {
    /// The varlink error name (the one place kinds and names are paired).
    pub fn varlink_name(self) -> &'static str {
        match self {
            ErrorKind::NoSuchUnit => error::NO_SUCH_UNIT,
            ErrorKind::Refused => error::REFUSED,
            ErrorKind::InvalidParameter => error::INVALID,
            ErrorKind::MethodNotFound => error::NO_METHOD,
            ErrorKind::Failed => error::FAILED,
            ErrorKind::UnitMasked => error::UNIT_MASKED,
            ErrorKind::BadUnitSetting => error::BAD_UNIT_SETTING,
            ErrorKind::LoadFailed => error::LOAD_FAILED,
            ErrorKind::OnlyByDependency => error::ONLY_BY_DEPENDENCY,
            ErrorKind::JobTypeNotApplicable => error::JOB_TYPE_NOT_APPLICABLE,
            ErrorKind::TransactionIsDestructive => error::TRANSACTION_IS_DESTRUCTIVE,
            ErrorKind::NoIsolation => error::NO_ISOLATION,
            ErrorKind::UnitExists => error::UNIT_EXISTS,
        }
    }

    /// The kind a varlink error name stands for (unknown names are `Failed`).
    pub fn from_varlink_name(name: &str) -> ErrorKind {
        [
            ErrorKind::NoSuchUnit,
            ErrorKind::Refused,
            ErrorKind::InvalidParameter,
            ErrorKind::MethodNotFound,
            ErrorKind::UnitMasked,
            ErrorKind::BadUnitSetting,
            ErrorKind::LoadFailed,
            ErrorKind::OnlyByDependency,
            ErrorKind::JobTypeNotApplicable,
            ErrorKind::TransactionIsDestructive,
            ErrorKind::NoIsolation,
            ErrorKind::UnitExists,
        ]
        .into_iter()
        .find(|k| k.varlink_name() == name)
        .unwrap_or(ErrorKind::Failed)
    }
}

/// A request the manager did not carry out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct ManagerError {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// For the user: what went wrong and, where it helps, what to do.
    pub message: String,
    /// The unit concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The file concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl ManagerError {
    /// An error of `kind` saying `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> ManagerError {
        ManagerError {
            kind,
            message: message.into(),
            unit: None,
            path: None,
        }
    }

    /// The same, naming `unit`.
    pub fn unit(mut self, unit: impl Into<String>) -> ManagerError {
        self.unit = Some(unit.into());
        self
    }

    /// The same, naming `path`.
    pub fn path(mut self, path: impl Into<String>) -> ManagerError {
        self.path = Some(path.into());
        self
    }

    /// As a varlink error reply (its parameters carry every field).
    pub fn to_reply(&self) -> crate::Reply {
        crate::Reply {
            parameters: serde_json::to_value(self).unwrap_or_default(),
            error: Some(self.kind.varlink_name().to_string()),
            continues: false,
        }
    }

    /// What a client's failed call says (a transport failure is `Failed`).
    pub fn from_call(e: &crate::CallError) -> ManagerError {
        match e {
            crate::CallError::Remote {
                name,
                message,
                parameters,
            } => serde_json::from_value(parameters.clone()).unwrap_or_else(|_| {
                ManagerError::new(ErrorKind::from_varlink_name(name), message.clone())
            }),
            other => ManagerError::new(ErrorKind::Failed, other.to_string()),
        }
    }
}

/// Queue a job per unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobsRequest {
    /// What to do with each unit.
    pub action: JobAction,
    /// Unit names (already mangled with a suffix by the CLI).
    pub units: Vec<String>,
    /// Job mode (`replace` default).
    #[serde(default)]
    pub mode: JobMode,
    /// Return as soon as the jobs are queued.
    #[serde(default)]
    pub no_block: bool,
}

/// The result of one job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobOutcome {
    /// The unit.
    pub unit: String,
    /// Job id (0 when refused).
    pub job: u32,
    /// The job's type (absent when refused).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_type: Option<JobType>,
    /// How it ended; absent while it is still queued (`no_block`) or when it was refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<JobResult>,
    /// Why it was refused (then `job` is 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ManagerError>,
    /// Why it was refused or failed, for the user.
    #[serde(default)]
    pub message: String,
    /// The unit's `NeedDaemonReload=` when its job was queued (its files changed on disk
    /// since it was loaded): systemctl's warning after a job, without a second call. Absent
    /// from a manager that does not say (the client then asks for the property).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_daemon_reload: Option<bool>,
}

/// Reply to [`JobsRequest`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobsReply {
    /// One per unit, in request order.
    pub jobs: Vec<JobOutcome>,
}

/// A list of unit names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamesRequest {
    /// Units (empty: all, where that makes sense).
    #[serde(default)]
    pub units: Vec<String>,
}

/// Ask for units' properties.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitsRequest {
    /// Units.
    pub units: Vec<String>,
    /// How many log lines to include (status).
    #[serde(default)]
    pub log_lines: usize,
    /// Include the process list (status).
    #[serde(default)]
    pub processes: bool,
    /// Only these properties are needed (empty: all). Lets `is-active` skip costly ones.
    #[serde(default)]
    pub properties: Vec<String>,
    /// Answer only for units loaded already (systemd's GetUnit): others are left out
    /// rather than loaded.
    #[serde(default)]
    pub loaded_only: bool,
}

/// One process line of status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessInfo {
    /// pid
    pub pid: u32,
    /// Command line.
    pub cmdline: String,
}

/// One journal line for status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    /// Realtime µs.
    pub realtime: u64,
    /// Identifier (`python3`, `linger`, …).
    pub identifier: String,
    /// pid, 0 when unknown.
    pub pid: u32,
    /// syslog priority.
    pub priority: u8,
    /// Text.
    pub message: String,
}

/// A unit's state and configuration, as properties.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitProperties {
    /// `Name=value` map (systemctl show names and formats).
    pub properties: BTreeMap<String, String>,
    /// Processes (status).
    #[serde(default)]
    pub processes: Vec<ProcessInfo>,
    /// Last log lines (status).
    #[serde(default)]
    pub logs: Vec<LogLine>,
    /// A service's command lists with each command's last run, by property name
    /// (`ExecStart`, …): what D-Bus's `a(sasbttttuii)` carries, exact to the µs.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub commands: BTreeMap<String, Vec<CommandRun>>,
    /// Each realtime timestamp among `properties` (`ActiveEnterTimestamp`, …) exact to the
    /// µs, as D-Bus carries them (the strings are `show`'s, to the second; 0: never).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub realtime: BTreeMap<String, u64>,
    /// `Condition…=` with what the last check said of each (D-Bus's `Conditions`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<ConditionCheck>,
    /// `Assert…=` likewise (D-Bus's `Asserts`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asserts: Vec<ConditionCheck>,
}

impl UnitProperties {
    /// A unit known by these `Name=value` properties alone (what a reply to a client that
    /// asked for a few properties carries; the typed views' tests start from it).
    pub fn with_properties<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        UnitProperties {
            properties: pairs
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..UnitProperties::default()
        }
    }
}

/// One `Condition…=`/`Assert…=` of a unit and its last check (D-Bus's `(sbbsi)`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionCheck {
    /// The directive: `ConditionPathExists`, `AssertUser`, …
    pub directive: String,
    /// `|`: a triggering condition (one of them suffices).
    pub trigger: bool,
    /// `!`: negated.
    pub negate: bool,
    /// What it checks (specifiers expanded).
    pub parameter: String,
    /// The last check: 0 not checked (since load), 1 met, -1 not met.
    pub state: i32,
}

/// One command of an `Exec*=` list and its last run (systemd's ExecCommand + ExecStatus).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandRun {
    /// The program.
    pub path: String,
    /// Its argv.
    pub argv: Vec<String>,
    /// `-`: failure ignored.
    pub ignore_failure: bool,
    /// Spawned at (realtime, monotonic µs; 0: not since the last start).
    pub start: (u64, u64),
    /// Ended at (realtime, monotonic µs; 0: running or never ran).
    pub exit: (u64, u64),
    /// Its pid (0: never ran).
    pub pid: u32,
    /// How it ended as `si_code`: 1 exited, 2 killed, 3 dumped (0: not ended).
    pub code: i32,
    /// Exit status or signal number.
    pub status: i32,
}

/// Reply to [`UnitsRequest`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitsReply {
    /// One per requested unit.
    pub units: Vec<UnitProperties>,
}

/// `list-units` filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListRequest {
    /// Include inactive units.
    #[serde(default)]
    pub all: bool,
}

/// One `list-units` row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRow {
    /// UNIT
    pub unit: String,
    /// LOAD
    pub load: linger_wire::LoadState,
    /// ACTIVE
    pub active: ActiveState,
    /// SUB
    pub sub: SubState,
    /// DESCRIPTION
    pub description: String,
    /// JOB (type), if one is queued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job: Option<JobType>,
}

/// Reply to [`ListRequest`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListReply {
    /// Rows, sorted by name.
    pub units: Vec<UnitRow>,
}

/// One `list-unit-files` row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitFileRow {
    /// Path of the file.
    pub path: String,
    /// Its state (enabled, disabled, static, masked, alias, …).
    pub state: String,
    /// Preset (`enabled`/`disabled`), empty when no preset applies.
    #[serde(default)]
    pub preset: String,
}

/// Reply to list-unit-files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitFilesReply {
    /// Rows.
    pub files: Vec<UnitFileRow>,
}

/// What `journalctl --flush`/`--rotate` ask of the manager's journal writer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalRequest {
    /// Write everything queued.
    #[serde(default)]
    pub flush: bool,
    /// Start a new segment file (the current one becomes archived).
    #[serde(default)]
    pub rotate: bool,
}

/// `systemctl freeze UNIT` (`freeze: true`) or `thaw UNIT`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreezerRequest {
    /// The unit.
    pub unit: String,
    /// Freeze (else thaw).
    #[serde(default)]
    pub freeze: bool,
}

/// One name's unit file state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitFileStateRow {
    /// The name asked about.
    pub unit: String,
    /// `enabled`, `alias`, `static`, …; empty when there is no such unit file.
    pub state: String,
}

/// Reply to [`method::UNIT_FILE_STATES`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitFileStatesReply {
    /// One per name, in request order.
    pub states: Vec<UnitFileStateRow>,
}

/// What `InstallRequest` does to each unit file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InstallAction {
    /// `enable`
    Enable,
    /// `disable`
    Disable,
    /// `reenable`
    Reenable,
    /// `mask`
    Mask,
    /// `unmask`
    Unmask,
    /// `link PATH…`: the files named by absolute paths, linked into the config directory.
    Link,
    /// `set-default TARGET` (one unit).
    SetDefault,
    /// `preset UNIT…`: enable or disable each as the preset policy says.
    Preset,
    /// `preset-all`: every unit file that can be enabled (no units given).
    PresetAll,
}

/// What `preset` may change (`--preset-mode=`, D-Bus `PresetUnitFilesWithMode`'s mode).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PresetMode {
    /// Enable and disable.
    #[default]
    Full,
    /// Only enable.
    EnableOnly,
    /// Only disable.
    DisableOnly,
}

impl PresetMode {
    /// `full`, `enable-only`, `disable-only` (systemd's words; "" is full).
    pub fn parse(s: &str) -> Option<PresetMode> {
        match s {
            "" | "full" => Some(PresetMode::Full),
            "enable-only" => Some(PresetMode::EnableOnly),
            "disable-only" => Some(PresetMode::DisableOnly),
            _ => None,
        }
    }
}

/// enable & co.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstallRequest {
    /// What to do.
    pub action: InstallAction,
    /// Units (names or paths).
    pub units: Vec<String>,
    /// `--runtime`
    #[serde(default)]
    pub runtime: bool,
    /// `--force`: replace symlinks in the way (enable, reenable, mask, link, set-default).
    #[serde(default)]
    pub force: bool,
    /// `--preset-mode=` (preset, preset-all).
    #[serde(default)]
    pub preset_mode: PresetMode,
}

/// One file-system change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstallChange {
    /// `symlink`, `unlink` or `destination not present` (systemd's D-Bus change types).
    pub kind: String,
    /// The link (for `destination not present`: the unit that does not exist).
    pub path: String,
    /// Its target (symlink; for `destination not present`: the unit file being enabled).
    #[serde(default)]
    pub source: String,
}

/// Reply to [`InstallRequest`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstallReply {
    /// What changed, in order.
    pub changes: Vec<InstallChange>,
    /// Warnings to print (e.g. "The unit files have no installation config").
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// Parameters of [`method::ATTACH_STDIO`] (three fds travel with the request).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachStdioRequest {
    /// The unit whose processes get the streams.
    pub unit: String,
    /// The streams are a terminal: it becomes the controlling terminal (`--pty`).
    #[serde(default)]
    pub tty: bool,
}

/// `systemd-run --scope`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartScopeRequest {
    /// The scope unit (`run-u123.scope`).
    pub unit: String,
    /// The process to move into it (the caller, about to exec the command).
    pub pid: u32,
}

/// set-property.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetPropertyRequest {
    /// The unit.
    pub unit: String,
    /// `KEY=VALUE` assignments.
    pub assignments: Vec<String>,
    /// Only until the manager stops (`--runtime`).
    #[serde(default)]
    pub runtime: bool,
}

/// kill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KillRequest {
    /// Units.
    pub units: Vec<String>,
    /// Which of their processes.
    #[serde(default)]
    pub whom: KillWhom,
    /// The signal.
    pub signal: Signal,
}

/// set-/unset-environment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnvironmentRequest {
    /// `NAME=value` to set.
    #[serde(default)]
    pub set: Vec<String>,
    /// Names to unset.
    #[serde(default)]
    pub unset: Vec<String>,
}

/// list-dependencies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DependenciesRequest {
    /// The root unit.
    pub unit: String,
    /// `--reverse`
    #[serde(default)]
    pub reverse: bool,
    /// `--before` / `--after` ordering instead of requirements: "", "before", "after".
    #[serde(default)]
    pub ordering: String,
}

/// A node of the dependency tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DependencyNode {
    /// Unit.
    pub unit: String,
    /// Its active state.
    pub active: ActiveState,
    /// Children.
    #[serde(default)]
    pub children: Vec<DependencyNode>,
}

/// Reply to [`DependenciesRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DependenciesReply {
    /// The tree.
    pub root: DependencyNode,
}

/// One job of list-jobs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobRow {
    /// Id.
    pub id: u32,
    /// Unit.
    pub unit: String,
    /// Type.
    pub job_type: JobType,
    /// Running (else waiting).
    pub running: bool,
}

/// Reply to list-jobs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListJobsReply {
    /// Jobs.
    pub jobs: Vec<JobRow>,
}

/// `Subscribe`: which changes to stream.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscribeRequest {
    /// Only changes of these units (and their jobs); empty: every unit.
    #[serde(default)]
    pub units: Vec<String>,
}

/// One thing that changed in the manager (≙ D-Bus `UnitNew`/`UnitRemoved`/
/// `PropertiesChanged`/`JobNew`/`JobRemoved`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Change {
    /// A unit was loaded.
    UnitNew {
        /// Its id.
        unit: String,
    },
    /// A unit was unloaded.
    UnitRemoved {
        /// Its id.
        unit: String,
    },
    /// A unit's state changed (its properties may have changed with it).
    UnitChanged {
        /// Its id.
        unit: String,
        /// `ActiveState=` now.
        active: ActiveState,
        /// `SubState=` now.
        sub: SubState,
    },
    /// A job was queued.
    JobNew {
        /// Its id.
        job: u32,
        /// Its unit.
        unit: String,
        /// Its type.
        job_type: JobType,
    },
    /// A job ended.
    JobRemoved {
        /// Its id.
        job: u32,
        /// Its unit.
        unit: String,
        /// Its type.
        job_type: JobType,
        /// How it ended.
        result: JobResult,
    },
    /// The manager starts (`active`) or has finished reading its unit files again.
    Reloading {
        /// Whether the reload begins.
        active: bool,
    },
    /// Unit files were enabled, disabled, masked or unmasked.
    UnitFilesChanged,
    /// The jobs queued at start-up are done (once per manager): µs since it started.
    StartupFinished {
        /// From the manager's start to that moment.
        userspace_usec: u64,
    },
}

impl Change {
    /// The unit the change is about.
    pub fn unit(&self) -> &str {
        match self {
            Change::UnitNew { unit }
            | Change::UnitRemoved { unit }
            | Change::UnitChanged { unit, .. }
            | Change::JobNew { unit, .. }
            | Change::JobRemoved { unit, .. } => unit,
            // About the manager: only subscribers to every unit hear of them.
            Change::Reloading { .. }
            | Change::UnitFilesChanged
            | Change::StartupFinished { .. } => "",
        }
    }
}

/// One reply of a `Subscribe` stream.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangesReply {
    /// What changed since the previous reply, in order.
    pub changes: Vec<Change>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_fields_travel_as_their_canonical_strings() {
        let req = JobsRequest {
            action: JobAction::ReloadOrRestart,
            units: vec!["a.service".into()],
            mode: JobMode::IgnoreDependencies,
            no_block: true,
        };
        let v = serde_json::to_value(&req).unwrap();
        assert_eq!(v["action"], "reload-or-restart");
        assert_eq!(v["mode"], "ignore-dependencies");
        assert_eq!(serde_json::from_value::<JobsRequest>(v).unwrap(), req);
        let bad = serde_json::json!({"action": "explode", "units": []});
        let e = serde_json::from_value::<JobsRequest>(bad).unwrap_err();
        assert!(
            e.to_string().contains("invalid job action 'explode'"),
            "{e}"
        );
    }

    #[test]
    fn errors_keep_their_kind_unit_and_path_across_the_wire() {
        let e = ManagerError::new(ErrorKind::NoSuchUnit, "Unit x.service not found.")
            .unit("x.service")
            .path("/home/u/.config/systemd/user/x.service");
        let reply = e.to_reply();
        assert_eq!(reply.error.as_deref(), Some(error::NO_SUCH_UNIT));
        let call = crate::CallError::Remote {
            name: reply.error.clone().unwrap(),
            message: e.message.clone(),
            parameters: reply.parameters.clone(),
        };
        assert_eq!(ManagerError::from_call(&call), e);
        for k in [
            ErrorKind::NoSuchUnit,
            ErrorKind::Refused,
            ErrorKind::InvalidParameter,
            ErrorKind::MethodNotFound,
            ErrorKind::Failed,
        ] {
            assert_eq!(ErrorKind::from_varlink_name(k.varlink_name()), k);
        }
    }

    #[test]
    fn changes_are_tagged() {
        let c = Change::JobRemoved {
            job: 3,
            unit: "a.service".into(),
            job_type: JobType::Start,
            result: JobResult::Done,
        };
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["change"], "job-removed");
        assert_eq!(v["result"], "done");
        assert_eq!(serde_json::from_value::<Change>(v).unwrap(), c);
    }
}
