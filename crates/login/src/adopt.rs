//! Who listens on a user's manager socket (`$XDG_RUNTIME_DIR/linger/manager`), asked without
//! waiting and without following links: the path is the user's, and so is whatever listens
//! there. A non-blocking connect
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

/// The socket `name` in `dir/parts…` (`dir` root's to name, the rest the user's), opened
/// `O_PATH` one component at a time without following links, and only if it is a socket
/// `uid` owns: a link a user puts in their runtime directory cannot make root connect or send
/// to a socket of the user's choosing (a root-only one, whose service may act on a bare
/// connection — socket activation starts it). Reach the socket through [`fd_path`].
pub fn user_socket(dir: &Path, parts: &[&str], name: &str, uid: u32) -> std::io::Result<OwnedFd> {
    use rustix::fs::{Mode, OFlags};
    let dir_flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let mut fd = rustix::fs::open(dir, dir_flags, Mode::empty())?;
    for part in parts {
        fd = rustix::fs::openat(&fd, *part, dir_flags, Mode::empty())?;
    }
    let sock = rustix::fs::openat(
        &fd,
        name,
        OFlags::PATH | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )?;
    let st = rustix::fs::fstat(&sock)?;
    let is_socket = rustix::fs::FileType::from_raw_mode(st.st_mode) == rustix::fs::FileType::Socket;
    if !is_socket || st.st_uid != uid {
        return Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
    }
    Ok(sock)
}

/// A path that names the very inode `fd` holds (sockets are reached through it).
pub fn fd_path(fd: &OwnedFd) -> std::path::PathBuf {
    use std::os::fd::AsRawFd;
    std::path::PathBuf::from(format!("/proc/self/fd/{}", fd.as_raw_fd()))
}

/// Ask who listens on `runtime/linger/manager` for `uid`, without waiting (and without
/// following a link there: [`user_socket`]).
pub fn probe(runtime: &Path, uid: u32) -> Probe {
    let Ok(sock) = user_socket(runtime, &["linger"], "manager", uid) else {
        return Probe::Nobody;
    };
    let Ok(addr) = SocketAddrUnix::new(fd_path(&sock)) else {
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

    /// A link put where the manager's socket goes is not followed: nobody listens there, and
    /// the listener it names is never connected to.
    #[test]
    fn a_link_for_the_socket_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("linger")).unwrap();
        let elsewhere = dir.path().join("elsewhere");
        let l = std::os::unix::net::UnixListener::bind(&elsewhere).unwrap();
        l.set_nonblocking(true).unwrap();
        std::os::unix::fs::symlink(&elsewhere, dir.path().join("linger/manager")).unwrap();
        let me = rustix::process::getuid().as_raw();
        assert_eq!(probe(dir.path(), me), Probe::Nobody);
        assert!(l.accept().is_err(), "the link was followed");
        // Nor a link for the directory.
        std::fs::remove_file(dir.path().join("linger/manager")).unwrap();
        std::fs::rename(dir.path().join("linger"), dir.path().join("real")).unwrap();
        let _m = std::os::unix::net::UnixListener::bind(dir.path().join("real/manager")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("real"), dir.path().join("linger")).unwrap();
        assert_eq!(probe(dir.path(), me), Probe::Nobody);
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
