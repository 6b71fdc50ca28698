//! `systemd-run --user --scope CMD`: the caller has written the transient `run-*.scope` unit;
//! its process is moved into the scope's own cgroup (below `user@UID.service`), and the scope
//! runs until that cgroup is empty. When the process sits in a login session's cgroup, the move
//! crosses `user-UID.slice`, which only root may write: the login daemon does it for us
//! (as systemd's user manager asks PID 1).

use std::os::fd::OwnedFd;
use std::path::PathBuf;

use linger_ipc::login::{AttachProcessRequest, method as login_method};
use linger_ipc::manager::StartScopeRequest;
use linger_unit::model::UnitKind;

use crate::manager::Manager;

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

/// Make the scope: its cgroup with its limits, the process moved in, the unit running.
pub fn start_scope(s: &mut Manager, req: &StartScopeRequest) -> Result<(), String> {
    if !req.unit.ends_with(".scope") {
        return Err(format!("{} is not a scope unit name.", req.unit));
    }
    let own = s.engine.host().config.user.uid;
    match linger_ipc::process_uid(req.pid) {
        Some(uid) if uid == own => {}
        Some(_) => {
            return Err(format!(
                "Process {} belongs to another user: a user manager makes scopes of its own user's processes only.",
                req.pid
            ));
        }
        None => return Err(format!("No process {}.", req.pid)),
    }
    if !s.engine.host().cgroups.active() {
        return Err(
            "A scope needs per-unit cgroups, and this user manager runs with the cgroup driver \"none\" (started by hand, outside a delegated cgroup); run the command as a transient service instead (without --scope)."
                .into(),
        );
    }
    let id = s.engine.load(&req.unit);
    let Some(u) = s.engine.unit(&id) else {
        return Err(format!("Unit {} not found.", req.unit));
    };
    // Made from a command line: any complaint (a bad -p value, an unknown key) is an error,
    // as systemd refuses invalid properties of transient units.
    if let Some(d) = u.config.diagnostics.first() {
        return Err(format!("{id}: {}", d.message));
    }
    let UnitKind::Scope(cfg) = &u.config.kind else {
        return Err(format!("Unit {} not found.", req.unit));
    };
    if !u.active_state().is_inactive_or_failed() {
        return Err(format!("Unit {id} already exists."));
    }
    let (slice, directives) = (cfg.slice.clone(), cfg.resource_control.clone());
    let fds = s
        .engine
        .host_mut()
        .cgroups
        .prepare(&id, slice.as_deref(), &directives)?;
    let mut fds = fds.into_iter();
    let moved = match fds.next() {
        Some(v2) => match write_pid(&v2, req.pid) {
            Ok(()) => Ok(()),
            Err(e) => attach_through_login_daemon(s, &id, req.pid).map_err(|why| {
                format!(
                    "Failed to move process {} into {id}: {e}; the login daemon could not either: {why}",
                    req.pid
                )
            }),
        },
        None => Err(format!("{id} has no cgroup.")),
    };
    if let Err(e) = moved {
        s.engine.host_mut().cgroups.release(&id);
        return Err(e);
    }
    // v1 limit hierarchies (hybrid machines): best effort, the v2 move is what tracks it.
    for v1 in fds {
        if let Err(e) = write_pid(&v1, req.pid) {
            s.record(
                &id,
                4,
                "linger",
                std::process::id(),
                format!("Cannot move process {} into a v1 controller hierarchy ({e}); its limits there do not apply.", req.pid),
            );
        }
    }
    s.engine.start_scope(&id).map_err(|e| e.to_string())?;
    s.apply_effects();
    Ok(())
}

fn attach_through_login_daemon(s: &Manager, id: &str, pid: u32) -> Result<(), String> {
    let cgroup = s
        .engine
        .host()
        .cgroups
        .control_group(id)
        .ok_or("no cgroup path")?;
    let mut c = linger_ipc::Client::connect_with_timeout(
        &login_socket(),
        std::time::Duration::from_secs(2),
    )
    .map_err(|e| format!("cannot reach {}: {e}", login_socket().display()))?;
    let req = AttachProcessRequest { pid, cgroup };
    c.call(
        login_method::ATTACH_PROCESS,
        serde_json::to_value(req).unwrap_or_default(),
    )
    .map(drop)
    .map_err(|e| e.to_string())
}
