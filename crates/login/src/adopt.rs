//! Adopting a user manager that is already running (the daemon was restarted, or the user
//! started `linger daemon --user` by hand): instead of starting a second one that would find
//! the socket taken and exit, the daemon tracks the one that answers.
//!
//! Nothing the socket *says* is trusted: the manager is the process that listens on
//! `$XDG_RUNTIME_DIR/linger/manager` (SO_PEERCRED of a connection names it), and it must run
//! as the user. Not being our child, its exit is learnt from a pidfd.

use std::os::fd::OwnedFd;
use std::path::Path;

use tokio::io::unix::AsyncFd;
use tokio::sync::mpsc::UnboundedSender;

/// The pid of the process of `uid` listening on `runtime/linger/manager`, if any.
pub fn running_manager(runtime: &Path, uid: u32) -> Option<u32> {
    let sock = std::os::unix::net::UnixStream::connect(runtime.join("linger/manager")).ok()?;
    let cred = linger_ipc::peer_cred(&sock).ok()?;
    if cred.uid != uid || cred.pid <= 1 {
        return None;
    }
    (linger_ipc::process_uid(cred.pid)? == uid).then_some(cred.pid)
}

/// Report `pid`'s exit on `exits` (from a task on the current `LocalSet`).
pub fn watch_exit(pid: u32, exits: UnboundedSender<u32>) -> Result<(), String> {
    let p = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
        .ok_or("invalid pid")?;
    let fd: OwnedFd = rustix::process::pidfd_open(p, rustix::process::PidfdFlags::empty())
        .map_err(|e| format!("pidfd_open({pid}): {e}"))?;
    let afd = register(fd)?;
    tokio::task::spawn_local(async move {
        // A pidfd becomes readable when the process exits.
        let _ = afd.readable().await;
        let _ = exits.send(pid);
    });
    Ok(())
}

/// The registration owns the fd it polls, which is the I/O-safety condition behind
/// `AsyncFd::new`'s deprecation (in favour of an `unsafe` constructor this crate avoids).
#[allow(deprecated)]
pub fn register(fd: OwnedFd) -> Result<AsyncFd<OwnedFd>, String> {
    AsyncFd::with_interest(fd, tokio::io::Interest::READABLE).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_only_a_listener_of_the_right_user() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("linger")).unwrap();
        assert_eq!(running_manager(dir.path(), 0), None, "nobody listens");
        let _l = std::os::unix::net::UnixListener::bind(dir.path().join("linger/manager")).unwrap();
        let me = rustix::process::getuid().as_raw();
        assert_eq!(running_manager(dir.path(), me), Some(std::process::id()));
        assert_eq!(running_manager(dir.path(), me.wrapping_add(1)), None);
    }

    #[test]
    fn pidfd_reports_exit() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let local = tokio::task::LocalSet::new();
        local.block_on(&rt, async {
            let mut child = std::process::Command::new("sleep")
                .arg("0.05")
                .spawn()
                .unwrap();
            let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
            watch_exit(child.id(), tx).unwrap();
            assert_eq!(rx.recv().await, Some(child.id()));
            child.wait().unwrap();
        });
    }
}
