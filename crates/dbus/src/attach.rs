//! `AttachProcessesToUnit` (and `AttachProcesses` of a unit's type interface): processes of
//! the caller's own user moved into a running unit that has `Delegate=` on, into its cgroup
//! or an existing cgroup below it — as systemd 252 does it and refuses it (each refusal is its
//! error name and words, asked of its own user manager: `subcgroup` relative or not
//! normalized, the unit not loaded, not delegated or not active, no such process, the
//! manager's own or PID 1, a process the kernel does not let the user move, a sub-cgroup that
//! does not exist — systemd does not make it). The manager says where (its `AttachTarget`
//! control call: the unit's checks and its v2 cgroup); the move is a write of the pid into
//! that `cgroup.procs`, and what the user cannot move itself (a process in a login session's
//! cgroup, outside `user@UID.service`) the login daemon moves, as for scopes
//! (`linger_manager::attach_through_login_daemon`), for a process of the user's only.

use linger_manager::{Answer, Call, Control};
use zbus::message::Header;

use crate::errors::BusError;
use crate::front::{Caller, Front, valid_unit_name};

const ACCESS_DENIED: &str = "org.freedesktop.DBus.Error.AccessDenied";
const NO_SUCH_PROCESS: &str = "org.freedesktop.DBus.Error.UnixProcessIdUnknown";
const FILE_NOT_FOUND: &str = "org.freedesktop.DBus.Error.FileNotFound";

fn failed_to_attach(name: &'static str, why: &str) -> BusError {
    BusError::new(
        name,
        format!("Failed to attach processes to control group: {why}"),
    )
}

/// `subcgroup` as systemd takes it: empty (the unit's own cgroup), or an absolute path
/// with no empty, `.` or `..` component.
fn check_subcgroup(sub: &str) -> Result<(), BusError> {
    if sub.is_empty() {
        return Ok(());
    }
    if !sub.starts_with('/') {
        return Err(BusError::invalid_args(format!(
            "Control group path is not absolute: {sub}"
        )));
    }
    let normalized = sub == "/"
        || sub[1..]
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != "..");
    if !normalized {
        return Err(BusError::invalid_args(format!(
            "Control group path is not normalized: {sub}"
        )));
    }
    Ok(())
}

/// Move `pids` (0: the caller) into unit `name`'s cgroup, or its `subcgroup`.
pub async fn attach(
    f: &Front,
    name: &str,
    sub: &str,
    pids: &[u32],
    caller: &Caller<'_>,
    hdr: &Header<'_>,
) -> Result<(), BusError> {
    valid_unit_name(name)?;
    check_subcgroup(sub)?;
    let Answer::Paths(target) = f
        .ask(Call::Control(Control::AttachTarget(name.into())))
        .await?
    else {
        return Err(BusError::new(
            crate::errors::name::FAILED,
            "Unexpected answer.",
        ));
    };
    let [dir, cgroup] = <[String; 2]>::try_from(target)
        .map_err(|_| BusError::new(crate::errors::name::FAILED, "Unexpected answer."))?;
    let sub = sub.trim_end_matches('/');
    let procs = std::path::Path::new(&dir)
        .join(sub.trim_start_matches('/'))
        .join("cgroup.procs");
    let own = rustix::process::getuid().as_raw();
    for &pid in pids {
        let pid = match pid {
            0 => caller.pid(hdr).await.unwrap_or(0),
            p => p,
        };
        let Some(uid) = linger_ipc::process_uid(pid) else {
            return Err(BusError::new(
                NO_SUCH_PROCESS,
                format!("Process with ID {pid} does not exist."),
            ));
        };
        if pid == 1 || pid == std::process::id() {
            return Err(BusError::invalid_args(format!(
                "Process {pid} is a manager process, refusing."
            )));
        }
        if uid != own {
            return Err(failed_to_attach(ACCESS_DENIED, "Permission denied"));
        }
        let written = std::fs::OpenOptions::new()
            .write(true)
            .open(&procs)
            .and_then(|mut file| std::io::Write::write_all(&mut file, pid.to_string().as_bytes()));
        match written {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(failed_to_attach(
                    FILE_NOT_FOUND,
                    "No such file or directory",
                ));
            }
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                let to = format!("{cgroup}{sub}");
                if linger_manager::attach_through_login_daemon(pid, to)
                    .await
                    .is_err()
                {
                    return Err(failed_to_attach(ACCESS_DENIED, "Permission denied"));
                }
            }
            Err(e) => {
                return Err(BusError::new(
                    crate::errors::name::FAILED,
                    format!("Failed to attach processes to control group: {e}"),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subcgroup_is_empty_or_absolute_and_normalized() {
        for ok in ["", "/", "/sub", "/sub/deeper"] {
            assert!(check_subcgroup(ok).is_ok(), "{ok}");
        }
        for (bad, why) in [
            ("sub", "not absolute"),
            ("/../x", "not normalized"),
            ("/a//b", "not normalized"),
            ("/a/./b", "not normalized"),
            ("/a/", "not normalized"),
        ] {
            let e = check_subcgroup(bad).unwrap_err();
            assert!(e.message.contains(why), "{bad}: {}", e.message);
        }
    }
}
