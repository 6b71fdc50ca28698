//! `io.linger.Manager`: the user manager's interface. Version 1.
//!
//! Unit properties travel as `systemctl show`'s `Name=value` strings so that `show`, `status`
//! and the manager agree on one canonical format.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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
    /// Stop the manager (exit).
    pub const EXIT: &str = "io.linger.Manager.Exit";
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
}

/// Queue a job per unit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobsRequest {
    /// start, stop, restart, try-restart, reload, reload-or-restart, try-reload-or-restart.
    pub action: String,
    /// Unit names (already mangled with a suffix by the CLI).
    pub units: Vec<String>,
    /// Job mode (`replace` default).
    #[serde(default)]
    pub mode: String,
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
    /// `done`, `failed`, `dependency`, … or `queued` with no_block; empty when refused.
    pub result: String,
    /// Why it was refused or failed, for the user.
    #[serde(default)]
    pub message: String,
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
    /// Diagnostics from loading (file:line: message).
    #[serde(default)]
    pub diagnostics: Vec<String>,
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRow {
    /// UNIT
    pub unit: String,
    /// LOAD
    pub load: String,
    /// ACTIVE
    pub active: String,
    /// SUB
    pub sub: String,
    /// DESCRIPTION
    pub description: String,
    /// JOB (type), empty when none.
    #[serde(default)]
    pub job: String,
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

/// enable & co.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstallRequest {
    /// enable, disable, reenable, mask, unmask.
    pub action: String,
    /// Units (names or paths).
    pub units: Vec<String>,
    /// `--runtime`
    #[serde(default)]
    pub runtime: bool,
}

/// One file-system change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstallChange {
    /// `symlink` or `unlink`.
    pub kind: String,
    /// The link.
    pub path: String,
    /// Its target (symlink).
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KillRequest {
    /// Units.
    pub units: Vec<String>,
    /// main, control, all.
    pub whom: String,
    /// Signal number.
    pub signal: i32,
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DependencyNode {
    /// Unit.
    pub unit: String,
    /// Its active state.
    pub active: String,
    /// Children.
    #[serde(default)]
    pub children: Vec<DependencyNode>,
}

/// Reply to [`DependenciesRequest`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DependenciesReply {
    /// The tree.
    pub root: DependencyNode,
}

/// One job of list-jobs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobRow {
    /// Id.
    pub id: u32,
    /// Unit.
    pub unit: String,
    /// Type.
    pub job_type: String,
    /// `running` or `waiting`.
    pub state: String,
}

/// Reply to list-jobs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListJobsReply {
    /// Jobs.
    pub jobs: Vec<JobRow>,
}
