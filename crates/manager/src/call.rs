//! The typed requests a front end submits ([`Call`]) and their answers ([`Answer`]); see
//! `api.rs` for how they travel.

use std::os::fd::OwnedFd;

use linger_ipc::manager::{self as wire, ErrorKind, ManagerError, method};
use serde_json::Value;
use tokio::sync::oneshot;

/// One request to the manager.
#[derive(Debug)]
pub enum Call {
    /// Queue a job per unit, and (unless `no_block`) answer when they are done.
    Jobs(wire::JobsRequest),
    /// Units' properties, processes and log tails.
    Units(wire::UnitsRequest),
    /// `list-units`.
    List(wire::ListRequest),
    /// `list-unit-files`.
    ListUnitFiles,
    /// `is-enabled`: each name's unit file state on disk (nothing is loaded).
    UnitFileStates(wire::NamesRequest),
    /// enable, disable, reenable, mask, unmask.
    Install(wire::InstallRequest),
    /// Signal units' processes.
    Kill(wire::KillRequest),
    /// Change resource limits of a unit.
    SetProperty(wire::SetPropertyRequest),
    /// Make a transient scope around a process.
    StartScope(wire::StartScopeRequest),
    /// Hand the caller's standard streams to a unit about to start.
    AttachStdio {
        /// Which unit, and whether the streams are a terminal.
        request: wire::AttachStdioRequest,
        /// stdin, stdout, stderr (anything else is refused).
        fds: Vec<OwnedFd>,
    },
    /// `reset-failed` (no units: all).
    ResetFailed(wire::NamesRequest),
    /// `daemon-reload`.
    Reload,
    /// `daemon-reexec`.
    Reexec,
    /// Stop every unit and exit.
    Exit,
    /// set-, unset-, show-environment.
    Environment(wire::EnvironmentRequest),
    /// `list-dependencies`.
    Dependencies(wire::DependenciesRequest),
    /// `list-jobs`.
    ListJobs,
    /// The manager's own properties.
    Manager,
    /// `journalctl --flush/--rotate`: the journal writer writes what is queued / starts a new
    /// file (done on a thread of its own; answered when done).
    Journal(wire::JournalRequest),
    /// `freeze`/`thaw` a unit's processes (cgroup freezer; answered when the kernel is done).
    Freezer(wire::FreezerRequest),
    /// `org.varlink.service.GetInfo`.
    GetInfo,
    /// A well-known name on the session bus got an owner (`owned`) or lost it — told by the
    /// D-Bus front end, which watches the bus driver's NameOwnerChanged (`Type=dbus`
    /// readiness). In-process only: no varlink method decodes to it.
    BusName {
        /// The well-known name.
        name: String,
        /// Whether it has an owner now.
        owned: bool,
    },
    /// The unit `default.target` is an alias of, read from the unit files as `get-default`
    /// reads it (D-Bus GetDefaultTarget): answered with [`Answer::DefaultTarget`].
    DefaultTarget,
    /// The loaded unit a process belongs to (D-Bus GetUnitByPID, `unit/self`): answered
    /// with [`Answer::UnitOfPid`].
    UnitOfPid {
        /// The process.
        pid: u32,
    },
    /// Cancel a queued or running job (D-Bus CancelJob, Job.Cancel): answered with
    /// [`Answer::Done`], or `NoSuchJob` when there is no such job.
    CancelJob {
        /// The job.
        job: u32,
    },
    /// What systemd's D-Bus API asks beyond linger's own CLI (exit code, log level and
    /// target, job order, scopes, processes): see control.rs. In-process only.
    Control(crate::control_call::Control),
}

impl Call {
    /// The call a varlink `method` with `parameters` stands for (fds: what came with it).
    pub fn decode(
        method: &str,
        parameters: Value,
        fds: Vec<OwnedFd>,
    ) -> Result<Call, ManagerError> {
        fn p<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, ManagerError> {
            // A call without parameters is an empty object.
            let v = if v.is_null() {
                Value::Object(Default::default())
            } else {
                v
            };
            serde_json::from_value(v).map_err(|e| {
                ManagerError::new(
                    ErrorKind::InvalidParameter,
                    format!("Invalid parameters: {e}"),
                )
            })
        }
        Ok(match method {
            method::JOBS => Call::Jobs(p(parameters)?),
            method::UNITS => Call::Units(p(parameters)?),
            method::LIST => Call::List(p(parameters)?),
            method::LIST_UNIT_FILES => Call::ListUnitFiles,
            method::UNIT_FILE_STATES => Call::UnitFileStates(p(parameters)?),
            method::INSTALL => Call::Install(p(parameters)?),
            method::KILL => Call::Kill(p(parameters)?),
            method::SET_PROPERTY => Call::SetProperty(p(parameters)?),
            method::START_SCOPE => Call::StartScope(p(parameters)?),
            method::ATTACH_STDIO => Call::AttachStdio {
                request: p(parameters)?,
                fds,
            },
            method::RESET_FAILED => Call::ResetFailed(p(parameters)?),
            method::RELOAD => Call::Reload,
            method::REEXEC => Call::Reexec,
            method::EXIT => Call::Exit,
            method::ENVIRONMENT => Call::Environment(p(parameters)?),
            method::DEPENDENCIES => Call::Dependencies(p(parameters)?),
            method::LIST_JOBS => Call::ListJobs,
            method::MANAGER => Call::Manager,
            method::JOURNAL => Call::Journal(p(parameters)?),
            method::FREEZER => Call::Freezer(p(parameters)?),
            "org.varlink.service.GetInfo" => Call::GetInfo,
            other => {
                return Err(ManagerError::new(
                    ErrorKind::MethodNotFound,
                    format!("Unknown method {other}"),
                ));
            }
        })
    }
}

/// A call's successful answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Nothing to say but "done".
    Done,
    /// The jobs' outcomes (ids when `no_block`).
    Jobs(wire::JobsReply),
    /// Units' properties.
    Units(wire::UnitsReply),
    /// `list-units` rows.
    List(wire::ListReply),
    /// `list-unit-files` rows.
    UnitFiles(wire::UnitFilesReply),
    /// Unit file states by name.
    UnitFileStates(wire::UnitFileStatesReply),
    /// What enable & co. changed.
    Install(wire::InstallReply),
    /// The environment after the change.
    Environment(Vec<String>),
    /// The dependency tree.
    Dependencies(wire::DependenciesReply),
    /// Queued jobs.
    ListJobs(wire::ListJobsReply),
    /// The manager's properties (`Name=value`, timestamps also exact).
    Manager(crate::Props),
    /// Streams were attached to this unit (the connection lets go of them if no start comes).
    Attached(String),
    /// Varlink service information.
    Info(Value),
    /// The unit a process belongs to, if any.
    UnitOfPid(Option<String>),
    /// The default target's name.
    DefaultTarget(String),
    /// `daemon-reexec` is under way: the exec waits until this answer is written (or
    /// dropped) by the front end that asked (run.rs).
    Reexecuting(Written),
    /// Paths (`GetUnitFileLinks`).
    Paths(Vec<String>),
}

/// Held by an answer until its front end has written it: the manager waits for every copy
/// to be dropped (a `daemon-reexec` must not close a connection before its answer is out).
#[derive(Debug, Clone)]
pub struct Written {
    _held: std::sync::Arc<oneshot::Sender<()>>,
}

impl Written {
    /// A token, and what resolves once every copy of it is dropped.
    pub fn new() -> (Written, oneshot::Receiver<()>) {
        let (tx, rx) = oneshot::channel();
        (
            Written {
                _held: std::sync::Arc::new(tx),
            },
            rx,
        )
    }
}

/// Tokens are all alike: answers compare by what they say.
impl PartialEq for Written {
    fn eq(&self, _: &Written) -> bool {
        true
    }
}

impl Answer {
    /// The whole reply frame as it travels over varlink (`{"parameters": …}` and the NUL),
    /// serialized straight from the answer: going through a `serde_json::Value` first built a
    /// tree of small allocations several times the answer's size (20 MB for the properties
    /// of 500 units), which stayed in the heap as fragmentation after it was freed.
    pub fn encode_reply(&self) -> Vec<u8> {
        #[derive(serde::Serialize)]
        struct Ok<'a, T: serde::Serialize> {
            parameters: &'a T,
        }
        fn e<T: serde::Serialize>(x: &T) -> Vec<u8> {
            linger_ipc::encode(&Ok { parameters: x })
        }
        match self {
            Answer::Done | Answer::Attached(_) | Answer::Reexecuting(_) => {
                e(&serde_json::json!({}))
            }
            Answer::Jobs(r) => e(r),
            Answer::Units(r) => e(r),
            Answer::List(r) => e(r),
            Answer::UnitFiles(r) => e(r),
            Answer::UnitFileStates(r) => e(r),
            Answer::Install(r) => e(r),
            Answer::Environment(env) => e(&serde_json::json!({ "environment": env })),
            Answer::Dependencies(r) => e(r),
            Answer::ListJobs(r) => e(r),
            Answer::Manager(p) => e(&serde_json::json!({ "properties": p.strings })),
            Answer::Info(i) => e(i),
            Answer::UnitOfPid(u) => e(&serde_json::json!({ "unit": u })),
            Answer::DefaultTarget(t) => e(&serde_json::json!({ "name": t })),
            Answer::Paths(p) => e(&serde_json::json!({ "paths": p })),
        }
    }
}

/// Where a call's answer goes.
pub type ReplyTo = oneshot::Sender<Result<Answer, ManagerError>>;
