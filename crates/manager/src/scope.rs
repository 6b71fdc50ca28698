//! `systemd-run --user --scope CMD`: the caller has written the transient `run-*.scope` unit;
//! its process is moved into the scope's own cgroup (below `user@UID.service`), and the scope
//! runs until that cgroup is empty. When the process sits in a login session's cgroup, the move
//! crosses `user-UID.slice`, which only root may write: the login daemon does it for us
//! (as systemd's user manager asks PID 1) — asked by a task, whose answer comes back as an
//! event ([`Event::ScopeAttached`]); the event loop never waits for it.

use std::os::fd::OwnedFd;
use std::path::PathBuf;
use std::time::Duration;

use linger_ipc::login::{AttachProcessRequest, method as login_method};
use linger_ipc::manager::{ErrorKind, ManagerError, StartScopeRequest};
use linger_unit::model::{LoadState, UnitKind};

use crate::api::{Answer, ReplyTo};
use crate::event::Event;
use crate::manager::Manager;

/// How long the login daemon has to answer.
const LOGIN_TIMEOUT: Duration = Duration::from_secs(2);

/// Where the login daemon listens (it tells the managers it starts in `$LINGER_LOGIN_SOCKET`).
fn login_socket() -> PathBuf {
    std::env::var_os("LINGER_LOGIN_SOCKET").map_or_else(
        || PathBuf::from(linger_ipc::login::DEFAULT_SOCKET),
        PathBuf::from,
    )
}

fn write_pid(fd: &OwnedFd, pid: u32) -> rustix::io::Result<()> {
    rustix::io::write(fd, pid.to_string().as_bytes()).map(drop)
}

/// Make the scope: its cgroup with its limits, the process moved in, the unit running; the
/// answer goes to `reply` (once the login daemon has answered, if it is asked).
pub fn start_scope(s: &mut Manager, req: &StartScopeRequest, reply: ReplyTo) {
    let failed = |e: String| ManagerError::new(ErrorKind::Failed, e).unit(&req.unit);
    match prepare(s, req) {
        Err(e) => {
            let _ = reply.send(Err(e));
        }
        Ok(Prepared::Moved { id, v1 }) => {
            let _ = reply.send(finish(s, &id, req.pid, v1));
        }
        Ok(Prepared::AskLogin { id, why, v1 }) => {
            let Some(cgroup) = s.engine.host().cgroups.control_group(&id) else {
                s.engine.host_mut().cgroups.release(&id);
                let _ = reply.send(Err(failed(format!("{id} has no cgroup path."))));
                return;
            };
            let events = s.events.clone();
            let pid = req.pid;
            tokio::task::spawn_local(async move {
                let result = attach_through_login_daemon(pid, cgroup).await;
                let result = result.map_err(|e| {
                    format!(
                        "Failed to move process {pid} into {id}: {why}; the login daemon could not either: {e}"
                    )
                });
                let _ = events.send(Event::ScopeAttached {
                    unit: id,
                    pid,
                    v1,
                    result,
                    reply,
                });
            });
        }
    }
}

/// The login daemon answered (see [`Event::ScopeAttached`]).
pub fn attached(
    s: &mut Manager,
    unit: &str,
    pid: u32,
    v1: Vec<OwnedFd>,
    result: Result<(), String>,
    reply: ReplyTo,
) {
    let answer = result
        .map_err(|e| ManagerError::new(ErrorKind::Failed, e).unit(unit))
        .and_then(|()| finish(s, unit, pid, v1))
        .inspect_err(|_| s.engine.host_mut().cgroups.release(unit));
    let _ = reply.send(answer);
}

/// Where a scope's process is after the checks and its own attempt to move it.
enum Prepared {
    /// In the scope's v2 cgroup.
    Moved { id: String, v1: Vec<OwnedFd> },
    /// Not movable by us (`why`): the login daemon must do it.
    AskLogin {
        id: String,
        why: String,
        v1: Vec<OwnedFd>,
    },
}

/// Why a scope is refused, typed as systemd types it (systemctl's exit codes and D-Bus
/// error names follow the kind).
fn prepare(s: &mut Manager, req: &StartScopeRequest) -> Result<Prepared, ManagerError> {
    let refuse =
        |kind: ErrorKind, message: String| Err(ManagerError::new(kind, message).unit(&req.unit));
    if !req.unit.ends_with(".scope") {
        return refuse(
            ErrorKind::InvalidParameter,
            format!("{} is not a scope unit name.", req.unit),
        );
    }
    let own = s.engine.host().config.user.uid;
    match linger_ipc::process_uid(req.pid) {
        Some(uid) if uid == own => {}
        Some(_) => {
            return refuse(
                ErrorKind::Refused,
                format!(
                    "Process {} belongs to another user: a user manager makes scopes of its own user's processes only.",
                    req.pid
                ),
            );
        }
        None => {
            return refuse(
                ErrorKind::InvalidParameter,
                format!("No process {}.", req.pid),
            );
        }
    }
    if !s.engine.host().cgroups.active() {
        return refuse(
            ErrorKind::Failed,
            "A scope needs per-unit cgroups, and this user manager runs with the cgroup driver \"none\" (started by hand, outside a delegated cgroup); run the command as a transient service instead (without --scope)."
                .into(),
        );
    }
    let id = s.engine.load(&req.unit);
    let Some(u) = s.engine.unit(&id) else {
        return refuse(
            ErrorKind::NoSuchUnit,
            format!("Unit {} not found.", req.unit),
        );
    };
    // Made from a command line: any complaint (a bad -p value, an unknown key) is an error,
    // as systemd refuses invalid properties of transient units.
    if let Some(d) = u.config.diagnostics.first() {
        return refuse(ErrorKind::BadUnitSetting, format!("{id}: {}", d.message));
    }
    let kind = match u.config.load_state {
        LoadState::Loaded => None,
        LoadState::NotFound => Some((ErrorKind::NoSuchUnit, "not found")),
        LoadState::Masked => Some((ErrorKind::UnitMasked, "masked")),
        LoadState::BadSetting => Some((ErrorKind::BadUnitSetting, "has a bad setting")),
        LoadState::Error => Some((ErrorKind::LoadFailed, "failed to load")),
    };
    if let Some((kind, what)) = kind {
        return refuse(kind, format!("Unit {id} {what}."));
    }
    let UnitKind::Scope(cfg) = &u.config.kind else {
        return refuse(
            ErrorKind::NoSuchUnit,
            format!("Unit {} not found.", req.unit),
        );
    };
    if !u.active_state().is_inactive_or_failed() {
        return refuse(ErrorKind::UnitExists, format!("Unit {id} already exists."));
    }
    let (slice, directives) = (cfg.slice.clone(), cfg.resource_control.clone());
    let fds = match s
        .engine
        .host_mut()
        .cgroups
        .prepare(&id, slice.as_deref(), &directives)
    {
        Ok(fds) => fds,
        Err(e) => return refuse(ErrorKind::Failed, e),
    };
    let mut fds = fds.into_iter();
    let Some(v2) = fds.next() else {
        s.engine.host_mut().cgroups.release(&id);
        return refuse(ErrorKind::Failed, format!("{id} has no cgroup."));
    };
    let v1 = fds.collect();
    Ok(match write_pid(&v2, req.pid) {
        Ok(()) => Prepared::Moved { id, v1 },
        Err(e) => Prepared::AskLogin {
            id,
            why: e.to_string(),
            v1,
        },
    })
}

/// The process is in the scope's v2 cgroup: the v1 ones follow, the unit runs.
fn finish(s: &mut Manager, id: &str, pid: u32, v1: Vec<OwnedFd>) -> Result<Answer, ManagerError> {
    // v1 limit hierarchies (hybrid machines): best effort, the v2 move is what tracks it.
    for fd in v1 {
        if let Err(e) = write_pid(&fd, pid) {
            s.record(
                id,
                4,
                "linger",
                std::process::id(),
                format!("Cannot move process {pid} into a v1 controller hierarchy ({e}); its limits there do not apply."),
            );
        }
    }
    s.engine
        .start_scope(id)
        .map_err(|e| crate::engine_error::engine_error(&e, id))?;
    s.apply_effects();
    Ok(Answer::Done)
}

/// Ask the login daemon to move `pid` into `cgroup` (a varlink call on a connection of its
/// own, bounded by [`LOGIN_TIMEOUT`]): what the user manager cannot move itself, as
/// systemd's asks PID 1 (scopes here, and the D-Bus front end's AttachProcessesToUnit).
pub async fn attach_through_login_daemon(pid: u32, cgroup: String) -> Result<(), String> {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
    let path = login_socket();
    let call = async {
        let mut stream = tokio::net::UnixStream::connect(&path)
            .await
            .map_err(|e| format!("cannot reach {}: {e}", path.display()))?;
        let req = linger_ipc::Request {
            method: login_method::ATTACH_PROCESS.to_string(),
            parameters: serde_json::to_value(AttachProcessRequest { pid, cgroup })
                .unwrap_or_default(),
            more: false,
            oneway: false,
        };
        stream
            .write_all(&linger_ipc::encode(&req))
            .await
            .map_err(|e| e.to_string())?;
        let mut frame = Vec::new();
        let mut reader = tokio::io::BufReader::new(stream).take(linger_ipc::MAX_MESSAGE as u64);
        reader
            .read_until(0, &mut frame)
            .await
            .map_err(|e| e.to_string())?;
        if frame.pop() != Some(0) {
            return Err("the login daemon closed the connection".to_string());
        }
        let reply: linger_ipc::Reply =
            serde_json::from_slice(&frame).map_err(|e| format!("malformed answer: {e}"))?;
        match reply.error {
            None => Ok(()),
            Some(name) => Err(reply
                .parameters
                .get("message")
                .and_then(|m| m.as_str())
                .unwrap_or(&name)
                .to_string()),
        }
    };
    tokio::time::timeout(LOGIN_TIMEOUT, call)
        .await
        .unwrap_or_else(|_| Err("no answer within 2 s".to_string()))
}
