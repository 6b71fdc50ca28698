//! The typed configuration of a unit, as the manager consumes it.
//!
//! Configuration only: runtime state (pids, states, counters) lives in `linger-engine`.
//! Every enum has one canonical string (what `systemctl show` prints), via `as_str`/`parse`.

use std::path::PathBuf;

mod activation;
mod directories;
pub use directories::{
    DirectoryKind, DirectorySet, ExecDirectories, ExecDirectory, RuntimePreserve,
};
mod hardening;
pub use activation::{
    BindIpv6Only, ListenAddress, ListenKind, ListenSpec, SocketConfig, TimerConfig,
};
pub use hardening::{
    ALL_NAMESPACES, CAP_SYS_MODULE, Hardening, NAMESPACE_FLAGS, NameList, ProtectHome,
    ProtectSystem, SyscallFilter, namespace_flag,
};
use linger_time::{USEC_INFINITY, Usec};

use crate::diag::Diagnostic;
use crate::exec_line::ExecCommand;
/// The unit types (owned by the name grammar: a name's suffix is its type).
pub use crate::name::UnitType;

pub use linger_wire::LoadState;

/// Everything the loader knows about one unit name.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitConfig {
    /// The unit's canonical name (the fragment's name; for instances `foo@bar.service`).
    pub id: String,
    /// Other names resolving to this unit (alias symlinks).
    pub aliases: Vec<String>,
    /// The unit type, from the suffix.
    pub unit_type: UnitType,
    /// Outcome of loading.
    pub load_state: LoadState,
    /// The main unit file (`FragmentPath=`), None for built-in or not-found units.
    pub fragment_path: Option<PathBuf>,
    /// Drop-in files applied, in the order applied (`DropInPaths=`).
    pub dropin_paths: Vec<PathBuf>,
    /// The modification times of the fragment and of each drop-in (in `dropin_paths`'
    /// order) as read, from the file opened for reading (`NeedDaemonReload=` compares them
    /// later; no second look at each file).
    pub file_mtimes: Vec<Option<std::time::SystemTime>>,
    /// Warnings and errors found while loading.
    pub diagnostics: Vec<Diagnostic>,
    /// `[Unit]`
    pub unit: UnitSection,
    /// `[Install]`
    pub install: InstallSection,
    /// Type-specific configuration.
    pub kind: UnitKind,
}

impl UnitConfig {
    /// Whether `systemctl isolate` leaves this unit alone: `IgnoreOnIsolate=`, which
    /// defaults to yes for slices, scopes, devices, mounts, automounts and swaps
    /// (systemd.unit(5)).
    pub fn ignores_isolate(&self) -> bool {
        self.unit.ignore_on_isolate.unwrap_or(matches!(
            self.unit_type,
            UnitType::Slice
                | UnitType::Scope
                | UnitType::Device
                | UnitType::Mount
                | UnitType::Automount
                | UnitType::Swap
        ))
    }
}

/// The type-specific part of a unit.
#[derive(Debug, Clone, PartialEq)]
pub enum UnitKind {
    /// `[Service]` (+ exec, kill settings).
    Service(Box<ServiceConfig>),
    /// Targets have no section of their own.
    Target,
    /// `[Timer]`.
    Timer(Box<TimerConfig>),
    /// `[Socket]` (its exec and kill settings are parsed into the service part, unused).
    Socket(Box<SocketConfig>),
    /// `[Scope]`: processes started elsewhere and moved into the unit's cgroup; of a
    /// service's settings it uses the slice, kill, stop-timeout and resource settings.
    Scope(Box<ServiceConfig>),
    /// A type linger parses but does not run (yet): its section is kept raw.
    Other,
}

/// `StartLimitAction=` and friends (only `none` is supported in a user manager).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmergencyAction {
    /// Do nothing.
    #[default]
    None,
    /// `exit`: start `exit.target` (replacing the queued jobs irreversibly), as
    /// `systemctl --user exit` does.
    Exit,
    /// `exit-force`: the manager exits at once (stopping its units), as `Exit()` does.
    ExitForce,
    /// Anything else systemd accepts; refused at load time with a clear message.
    Unsupported,
}

/// `CollectMode=`: when an unneeded unit is unloaded (garbage-collected).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CollectMode {
    /// `inactive`: once inactive; a failed unit stays loaded until `reset-failed`.
    #[default]
    Inactive,
    /// `inactive-or-failed`: failed units are unloaded too (after their failure is logged).
    InactiveOrFailed,
}

impl CollectMode {
    /// The directive's value, as `systemctl show` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            CollectMode::Inactive => "inactive",
            CollectMode::InactiveOrFailed => "inactive-or-failed",
        }
    }
}

/// `Delegate=` (systemd.resource-control(5)): whether the unit manages the cgroups below its
/// own, and which controllers it gets there.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Delegate {
    /// `no` (the default).
    #[default]
    No,
    /// `yes`: every controller available.
    All,
    /// A list of controllers (empty: delegation on, no controller named).
    Controllers(Vec<String>),
}

/// The controllers `Delegate=` may name, in the order systemd lists them (one list with the
/// cgroup-name escaper's).
pub const DELEGATE_CONTROLLERS: &[&str] = linger_wire::CONTROLLERS;

/// What `Delegate=yes` delegates: the cgroup v2 controllers, in systemd's order. systemd 252
/// lists these as `DelegateControllers=` whatever the hierarchy — on this machine's hybrid
/// layout, whose cgroup2 tree offers none of them, too (crates/dbus/tests/reference
/// delegate.txt) — and a later list adds to them (`Delegate=yes` then `Delegate=cpuacct`).
pub const DELEGATE_ALL: &[&str] = &["cpu", "cpuset", "io", "memory", "pids"];

impl Delegate {
    /// Whether delegation is on.
    pub fn on(&self) -> bool {
        *self != Delegate::No
    }

    /// `DelegateControllers=`: the controllers delegated, in systemd's order — those named,
    /// or for `yes` the cgroup v2 controllers ([`DELEGATE_ALL`]).
    pub fn named(&self) -> Vec<&'static str> {
        match self {
            Delegate::Controllers(list) => DELEGATE_CONTROLLERS
                .iter()
                .copied()
                .filter(|c| list.iter().any(|l| l == c))
                .collect(),
            Delegate::All => DELEGATE_ALL.to_vec(),
            Delegate::No => Vec::new(),
        }
    }
}

/// `[Unit]` section.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitSection {
    /// `Description=`
    pub description: Option<String>,
    /// `Documentation=` (space separated URIs, accumulated).
    pub documentation: Vec<String>,
    /// `Requires=`
    pub requires: Vec<String>,
    /// `Wants=`
    pub wants: Vec<String>,
    /// `Requisite=`
    pub requisite: Vec<String>,
    /// `BindsTo=`
    pub binds_to: Vec<String>,
    /// `PartOf=`
    pub part_of: Vec<String>,
    /// `Upholds=`
    pub upholds: Vec<String>,
    /// `Conflicts=`
    pub conflicts: Vec<String>,
    /// `After=`
    pub after: Vec<String>,
    /// `Before=`
    pub before: Vec<String>,
    /// `OnFailure=`
    pub on_failure: Vec<String>,
    /// `OnSuccess=`
    pub on_success: Vec<String>,
    /// `Triggers=`: the units this timer or socket activates (implicit, added by the loader;
    /// the inverse `TriggeredBy=` is the engine's).
    pub triggers: Vec<String>,
    /// `StopWhenUnneeded=`
    pub stop_when_unneeded: bool,
    /// `RefuseManualStart=`
    pub refuse_manual_start: bool,
    /// `RefuseManualStop=`
    pub refuse_manual_stop: bool,
    /// `AllowIsolate=`
    pub allow_isolate: bool,
    /// `IgnoreOnIsolate=` (None: the type's default, see [`UnitConfig::ignores_isolate`]).
    pub ignore_on_isolate: Option<bool>,
    /// `CollectMode=`
    pub collect_mode: CollectMode,
    /// `DefaultDependencies=` (default yes).
    pub default_dependencies: bool,
    /// `StartLimitIntervalSec=` (default 10s); 0 disables rate limiting.
    pub start_limit_interval: Usec,
    /// `StartLimitBurst=` (default 5).
    pub start_limit_burst: u32,
    /// `StartLimitAction=`
    pub start_limit_action: EmergencyAction,
    /// `SuccessAction=`: what the manager does when the unit goes inactive without failing
    /// (`exit`, `exit-force`; the others cannot be done by a user manager).
    pub success_action: EmergencyAction,
    /// `Condition*=` in file order.
    pub conditions: Vec<Condition>,
    /// `Assert*=` in file order.
    pub asserts: Vec<Condition>,
    /// `SourcePath=`
    pub source_path: Option<PathBuf>,
}

impl Default for UnitSection {
    fn default() -> Self {
        UnitSection {
            description: None,
            documentation: Vec::new(),
            requires: Vec::new(),
            wants: Vec::new(),
            requisite: Vec::new(),
            binds_to: Vec::new(),
            part_of: Vec::new(),
            upholds: Vec::new(),
            conflicts: Vec::new(),
            after: Vec::new(),
            before: Vec::new(),
            on_failure: Vec::new(),
            on_success: Vec::new(),
            triggers: Vec::new(),
            stop_when_unneeded: false,
            refuse_manual_start: false,
            refuse_manual_stop: false,
            allow_isolate: false,
            ignore_on_isolate: None,
            collect_mode: CollectMode::Inactive,
            default_dependencies: true,
            start_limit_interval: 10_000_000,
            start_limit_burst: 5,
            start_limit_action: EmergencyAction::None,
            success_action: EmergencyAction::None,
            conditions: Vec::new(),
            asserts: Vec::new(),
            source_path: None,
        }
    }
}

/// Which check a `Condition*=`/`Assert*=` performs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConditionKind {
    /// `PathExists`
    PathExists,
    /// `PathExistsGlob`
    PathExistsGlob,
    /// `PathIsDirectory`
    PathIsDirectory,
    /// `PathIsSymbolicLink`
    PathIsSymbolicLink,
    /// `PathIsReadWrite`
    PathIsReadWrite,
    /// `DirectoryNotEmpty`
    DirectoryNotEmpty,
    /// `FileNotEmpty`
    FileNotEmpty,
    /// `FileIsExecutable`
    FileIsExecutable,
    /// `Environment` (`NAME` or `NAME=value`, checked against the manager's environment)
    Environment,
    /// `User` (name, uid, or `@system`)
    User,
    /// `Group`
    Group,
    /// `Host`
    Host,
    /// `KernelCommandLine`
    KernelCommandLine,
    /// `Virtualization`
    Virtualization,
    /// `ACPower`
    AcPower,
    /// `Architecture`
    Architecture,
    /// Any other systemd condition: kept and shown, evaluated as true with a warning at load.
    Other,
}

/// One `Condition…=`/`Assert…=` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// What to check.
    pub kind: ConditionKind,
    /// The directive name without the `Condition`/`Assert` prefix (e.g. `PathExists`).
    pub name: String,
    /// `|` prefix: a triggering condition (any one of them suffices).
    pub trigger: bool,
    /// `!` prefix: negated.
    pub negate: bool,
    /// The parameter after the prefixes (specifiers already expanded).
    pub parameter: String,
}

/// `[Install]` section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InstallSection {
    /// `WantedBy=`
    pub wanted_by: Vec<String>,
    /// `RequiredBy=`
    pub required_by: Vec<String>,
    /// `Alias=`
    pub alias: Vec<String>,
    /// `Also=`
    pub also: Vec<String>,
    /// `DefaultInstance=`
    pub default_instance: Option<String>,
}

/// `Type=` of a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ServiceType {
    /// Started as soon as forked.
    #[default]
    Simple,
    /// Started once `execve` succeeded.
    Exec,
    /// Started when the first process exits; main pid from PIDFile= or guessed.
    Forking,
    /// Started when the process exits successfully.
    Oneshot,
    /// Started when it sends READY=1.
    Notify,
    /// Like simple, delayed until the job queue is idle.
    Idle,
    /// Like notify, plus `RELOADING=1`/`SIGHUP` reload protocol (systemd ≥ 253 name, accepted).
    NotifyReload,
    /// `dbus`: accepted, treated as simple (no bus here), warned at load.
    Dbus,
}

impl ServiceType {
    /// Canonical string.
    pub fn as_str(self) -> &'static str {
        match self {
            ServiceType::Simple => "simple",
            ServiceType::Exec => "exec",
            ServiceType::Forking => "forking",
            ServiceType::Oneshot => "oneshot",
            ServiceType::Notify => "notify",
            ServiceType::Idle => "idle",
            ServiceType::NotifyReload => "notify-reload",
            ServiceType::Dbus => "dbus",
        }
    }
}

/// `Restart=`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RestartPolicy {
    /// `no`
    #[default]
    No,
    /// `always`
    Always,
    /// `on-success`
    OnSuccess,
    /// `on-failure`
    OnFailure,
    /// `on-abnormal`
    OnAbnormal,
    /// `on-abort`
    OnAbort,
    /// `on-watchdog`
    OnWatchdog,
}

impl RestartPolicy {
    /// Canonical string.
    pub fn as_str(self) -> &'static str {
        match self {
            RestartPolicy::No => "no",
            RestartPolicy::Always => "always",
            RestartPolicy::OnSuccess => "on-success",
            RestartPolicy::OnFailure => "on-failure",
            RestartPolicy::OnAbnormal => "on-abnormal",
            RestartPolicy::OnAbort => "on-abort",
            RestartPolicy::OnWatchdog => "on-watchdog",
        }
    }
}

/// `NotifyAccess=`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NotifyAccess {
    /// `none`
    #[default]
    None,
    /// `main`
    Main,
    /// `exec`
    Exec,
    /// `all`
    All,
}

impl NotifyAccess {
    /// Canonical string.
    pub fn as_str(self) -> &'static str {
        match self {
            NotifyAccess::None => "none",
            NotifyAccess::Main => "main",
            NotifyAccess::Exec => "exec",
            NotifyAccess::All => "all",
        }
    }
}

/// `KillMode=`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KillMode {
    /// Every process of the unit.
    #[default]
    ControlGroup,
    /// SIGTERM to the main process, SIGKILL to all.
    Mixed,
    /// Only the main process.
    Process,
    /// Nobody (only ExecStop=).
    None,
}

impl KillMode {
    /// Canonical string.
    pub fn as_str(self) -> &'static str {
        match self {
            KillMode::ControlGroup => "control-group",
            KillMode::Mixed => "mixed",
            KillMode::Process => "process",
            KillMode::None => "none",
        }
    }
}

/// Kill settings (systemd.kill(5)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KillConfig {
    /// `KillMode=`
    pub kill_mode: KillMode,
    /// `KillSignal=` (default SIGTERM)
    pub kill_signal: i32,
    /// `RestartKillSignal=` (default: KillSignal)
    pub restart_kill_signal: Option<i32>,
    /// `SendSIGHUP=`
    pub send_sighup: bool,
    /// `SendSIGKILL=` (default yes)
    pub send_sigkill: bool,
    /// `FinalKillSignal=` (default SIGKILL)
    pub final_kill_signal: i32,
    /// `WatchdogSignal=` (default SIGABRT)
    pub watchdog_signal: i32,
}

impl Default for KillConfig {
    fn default() -> Self {
        KillConfig {
            kill_mode: KillMode::ControlGroup,
            kill_signal: 15,
            restart_kill_signal: None,
            send_sighup: false,
            send_sigkill: true,
            final_kill_signal: 9,
            watchdog_signal: 6,
        }
    }
}

/// A set of exit statuses and signals (`SuccessExitStatus=`, `RestartPreventExitStatus=`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExitStatusSet {
    /// Exit codes 0–255.
    pub statuses: Vec<u8>,
    /// Signal numbers.
    pub signals: Vec<i32>,
}

/// Where `StandardOutput=`/`StandardError=` go.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum OutputSpec {
    /// The journal (default for both).
    #[default]
    Journal,
    /// `kmsg`, `journal+console`, … all treated as journal.
    JournalAlike,
    /// /dev/null
    Null,
    /// The manager's own stdout/stderr.
    Inherit,
    /// `tty`
    Tty,
    /// `file:PATH` (open for writing, not truncated)
    File(PathBuf),
    /// `append:PATH`
    Append(PathBuf),
    /// `truncate:PATH`
    Truncate(PathBuf),
    /// `socket` (only meaningful for socket-activated services)
    Socket,
    /// `fd:NAME`
    Fd(String),
}

/// `StandardInput=`
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum InputSpec {
    /// /dev/null (default)
    #[default]
    Null,
    /// `tty`, `tty-force`, `tty-fail`
    Tty,
    /// `socket`
    Socket,
    /// `data` (with `StandardInputText=`/`StandardInputData=`)
    Data(Vec<u8>),
    /// `file:PATH`
    File(PathBuf),
    /// `fd:NAME`
    Fd(String),
}

/// `WorkingDirectory=`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingDirectory {
    /// Absolute path; `~` already resolved to the user's home.
    pub path: PathBuf,
    /// `-` prefix: a missing directory is not an error.
    pub missing_ok: bool,
}

/// One `Limit*=` rlimit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResourceLimit {
    /// RLIMIT_* number (as in <sys/resource.h>).
    pub resource: i32,
    /// Soft limit; `u64::MAX` is infinity.
    pub soft: u64,
    /// Hard limit; `u64::MAX` is infinity.
    pub hard: u64,
}

/// Process execution environment (systemd.exec(5)).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExecConfig {
    /// `WorkingDirectory=`; None means the user's home in a user manager.
    pub working_directory: Option<WorkingDirectory>,
    /// `Environment=` assignments in order (later wins).
    pub environment: Vec<(String, String)>,
    /// `EnvironmentFile=` (path, `-` prefix = optional).
    pub environment_files: Vec<(PathBuf, bool)>,
    /// `UnsetEnvironment=` (names or `NAME=value` pairs).
    pub unset_environment: Vec<String>,
    /// `PassEnvironment=`
    pub pass_environment: Vec<String>,
    /// `StandardInput=`
    pub standard_input: InputSpec,
    /// `StandardOutput=`
    pub standard_output: OutputSpec,
    /// `StandardError=`
    pub standard_error: OutputSpec,
    /// `SyslogIdentifier=`
    pub syslog_identifier: Option<String>,
    /// `SyslogLevelPrefix=` (default yes)
    pub syslog_level_prefix: bool,
    /// `UMask=` (default 0022)
    pub umask: u32,
    /// `Nice=`
    pub nice: Option<i32>,
    /// `OOMScoreAdjust=`
    pub oom_score_adjust: Option<i32>,
    /// `Limit*=`
    pub limits: Vec<ResourceLimit>,
    /// `User=` if present (refused at start in a user manager unless it names the user).
    pub user: Option<String>,
    /// `Group=` if present.
    pub group: Option<String>,
    /// `RuntimeDirectory=` & co.
    pub directories: ExecDirectories,
    /// Sandboxing settings (`NoNewPrivileges=`, `SystemCallFilter=`, …).
    pub hardening: Hardening,
}

/// `[Service]` plus its exec and kill settings.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceConfig {
    /// `Type=`
    pub service_type: ServiceType,
    /// `RemainAfterExit=`
    pub remain_after_exit: bool,
    /// `PIDFile=`
    pub pid_file: Option<PathBuf>,
    /// `GuessMainPID=` (default yes)
    pub guess_main_pid: bool,
    /// `ExecCondition=`
    pub exec_condition: Vec<ExecCommand>,
    /// `ExecStartPre=`
    pub exec_start_pre: Vec<ExecCommand>,
    /// `ExecStart=`
    pub exec_start: Vec<ExecCommand>,
    /// `ExecStartPost=`
    pub exec_start_post: Vec<ExecCommand>,
    /// `ExecReload=`
    pub exec_reload: Vec<ExecCommand>,
    /// `ExecStop=`
    pub exec_stop: Vec<ExecCommand>,
    /// `ExecStopPost=`
    pub exec_stop_post: Vec<ExecCommand>,
    /// `Restart=`
    pub restart: RestartPolicy,
    /// `RestartSec=` (default 100ms)
    pub restart_sec: Usec,
    /// `RestartPreventExitStatus=`
    pub restart_prevent_exit_status: ExitStatusSet,
    /// `RestartForceExitStatus=`
    pub restart_force_exit_status: ExitStatusSet,
    /// `SuccessExitStatus=`
    pub success_exit_status: ExitStatusSet,
    /// `TimeoutStartSec=` (default 90s; `USEC_INFINITY` = none)
    pub timeout_start: Usec,
    /// `TimeoutStopSec=` (default 90s)
    pub timeout_stop: Usec,
    /// `TimeoutAbortSec=` (default: TimeoutStopSec)
    pub timeout_abort: Option<Usec>,
    /// `RuntimeMaxSec=`
    pub runtime_max: Usec,
    /// `WatchdogSec=` (0 = off)
    pub watchdog: Usec,
    /// `NotifyAccess=`; None means systemd's default (main for notify, none otherwise).
    pub notify_access: Option<NotifyAccess>,
    /// `FileDescriptorStoreMax=`
    pub fd_store_max: u32,
    /// `Sockets=`
    pub sockets: Vec<String>,
    /// `BusName=`: the name a `Type=dbus` service is ready with (taken on the session bus).
    pub bus_name: Option<String>,
    /// Kill settings.
    pub kill: KillConfig,
    /// Exec settings.
    pub exec: ExecConfig,
    /// `Slice=`
    pub slice: Option<String>,
    /// Resource-control assignments kept raw (`MemoryMax=512M` …) for the cgroup layer,
    /// in file order as (key, value, line).
    pub resource_control: Vec<(String, String, usize)>,
    /// `Delegate=`
    pub delegate: Delegate,
}

impl Default for ServiceConfig {
    fn default() -> Self {
        ServiceConfig {
            service_type: ServiceType::Simple,
            remain_after_exit: false,
            pid_file: None,
            guess_main_pid: true,
            exec_condition: Vec::new(),
            exec_start_pre: Vec::new(),
            exec_start: Vec::new(),
            exec_start_post: Vec::new(),
            exec_reload: Vec::new(),
            exec_stop: Vec::new(),
            exec_stop_post: Vec::new(),
            restart: RestartPolicy::No,
            restart_sec: 100_000,
            restart_prevent_exit_status: ExitStatusSet::default(),
            restart_force_exit_status: ExitStatusSet::default(),
            success_exit_status: ExitStatusSet::default(),
            timeout_start: 90_000_000,
            timeout_stop: 90_000_000,
            timeout_abort: None,
            runtime_max: USEC_INFINITY,
            watchdog: 0,
            notify_access: None,
            fd_store_max: 0,
            sockets: Vec::new(),
            bus_name: None,
            kill: KillConfig::default(),
            exec: ExecConfig {
                umask: 0o022,
                syslog_level_prefix: true,
                ..ExecConfig::default()
            },
            slice: None,
            resource_control: Vec::new(),
            delegate: Delegate::No,
        }
    }
}
