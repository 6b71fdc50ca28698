//! Who listens on a user's manager socket (`$XDG_RUNTIME_DIR/linger/manager`), asked without
//! waiting: the path is the user's, and so is whatever listens there. A non-blocking connect
//! completes at once or fails at once (a listener whose backlog is full says `EAGAIN`); the
//! listener's credentials come from the kernel (`SO_PEERCRED`), nothing is read or written.
//! Before starting a manager the daemon asks: a manager the user started by hand answers
//! there, and a second one would only find its socket taken.

use std::os::fd::OwnedFd;
use std::path::Path;

use rustix::io::Errno;
use rustix::net::{AddressFamily, SocketAddrUnix, SocketFlags, SocketType};
use tokio::io::unix::AsyncFd;

/// What answers on the socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// A process of the user listens (its pid).
    Listening(u32),
    /// No socket, nobody listening, or a listener that is not the user's.
    Nobody,
    /// Something listens but takes no connection now (its backlog is full).
    Unresponsive,
}

/// Ask who listens on `runtime/linger/manager` for `uid`, without waiting.
pub fn probe(runtime: &Path, uid: u32) -> Probe {
    let Ok(addr) = SocketAddrUnix::new(runtime.join("linger/manager")) else {
        return Probe::Nobody;
    };
    let Ok(fd) = rustix::net::socket_with(
        AddressFamily::UNIX,
        SocketType::STREAM,
        SocketFlags::CLOEXEC | SocketFlags::NONBLOCK,
        None,
    ) else {
        return Probe::Nobody;
    };
    loop {
        match rustix::net::connect(&fd, &addr) {
            Ok(()) => break,
            Err(Errno::INTR) => continue,
            Err(Errno::AGAIN | Errno::INPROGRESS) => return Probe::Unresponsive,
            Err(_) => return Probe::Nobody,
        }
    }
    let Ok(cred) = linger_ipc::peer_cred(&fd) else {
        return Probe::Nobody;
    };
    // Only a process of the user counts, and only while it still runs as the user.
    if cred.uid != uid || cred.pid <= 1 || linger_ipc::process_uid(cred.pid) != Some(uid) {
        return Probe::Nobody;
    }
    Probe::Listening(cred.pid)
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
    use std::time::{Duration, Instant};

    #[test]
    fn finds_only_a_listener_of_the_right_user() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("linger")).unwrap();
        assert_eq!(probe(dir.path(), 0), Probe::Nobody, "nobody listens");
        let _l = std::os::unix::net::UnixListener::bind(dir.path().join("linger/manager")).unwrap();
        let me = rustix::process::getuid().as_raw();
        assert_eq!(probe(dir.path(), me), Probe::Listening(std::process::id()));
        assert_eq!(probe(dir.path(), me.wrapping_add(1)), Probe::Nobody);
    }

    /// A listener that never accepts, its backlog full: the probe answers at once.
    #[test]
    fn a_full_backlog_does_not_hold_the_probe() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("linger")).unwrap();
        let path = dir.path().join("linger/manager");
        let l = rustix::net::socket_with(
            AddressFamily::UNIX,
            SocketType::STREAM,
            SocketFlags::CLOEXEC,
            None,
        )
        .unwrap();
        rustix::net::bind(&l, &SocketAddrUnix::new(&path).unwrap()).unwrap();
        rustix::net::listen(&l, 0).unwrap();
        let me = rustix::process::getuid().as_raw();
        let mut unresponsive = false;
        // Each probe that gets through leaves a connection in the backlog (never accepted).
        for _ in 0..8 {
            let t = Instant::now();
            let p = probe(dir.path(), me);
            assert!(
                t.elapsed() < Duration::from_millis(100),
                "{:?}",
                t.elapsed()
            );
            if p == Probe::Unresponsive {
                unresponsive = true;
                break;
            }
        }
        assert!(unresponsive, "the backlog never filled");
    }
}
