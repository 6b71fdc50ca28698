//! The notify sockets (`READY=1` from the user managers the daemon starts): one per manager
//! start, only that user may send to it, and it lives only while that manager is starting.
//!
//! Before, one socket took every manager's datagrams, so it was writable by every user: a
//! user sending to it from 8 threads as fast as it took them made the daemon spend a core
//! receiving them (2.95 s of CPU in 3.1 s, most of it in the kernel waking the 8 blocked
//! senders at each datagram read), and root's requests waited 116 ms for the CPU. Each
//! datagram was dropped after one `recvmsg`, but reading as fast as the senders sent is what
//! cost: only not reading a flood makes it free.
//!
//! Now the worker that forks a manager first binds `STATE/notify/UID.N` (N counts this
//! daemon's starts; the directory is emptied at its start), owned by the user, mode 0600: the kernel refuses another user's `sendto` (a
//! connect needs write access to the socket file), so nobody else's datagrams can queue in
//! front of a manager's `READY=1` nor cost the daemon a read. The loop reads it
//! ([`ManagerSocket::watch`]) at most [`BUDGET`] datagrams per [`WINDOW`] and then stops
//! polling it until the window ends: a user who floods their own manager's socket only
//! delays their own manager's readiness (their senders sleep in the kernel, on a full queue),
//! and costs the daemon at most [`BUDGET`] reads a window. The socket is closed and unlinked
//! as soon as the manager has stopped starting (the daemon's state, state.rs, drops it when the
//! manager leaves `Starting`): closing it wakes senders blocked on its full queue (they get
//! `ECONNREFUSED`).

use std::os::fd::{AsFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::time::Duration;

use linger_ipc::notify::Sender;
use tokio::sync::mpsc;

/// Datagrams read from one manager's socket per [`WINDOW`] at most (a manager sends one).
pub const BUDGET: u32 = 16;
/// See [`BUDGET`].
pub const WINDOW: Duration = Duration::from_millis(100);
/// The largest datagram read (longer ones are dropped).
const MAX_DATAGRAM: usize = 4096;

/// A datagram read from the socket of the manager of `uid`: (uid, sender, payload).
pub type Datagram = (u32, Sender, Vec<u8>);

/// The directory of the per-manager sockets below the state directory: made (searchable by
/// everyone, writable by root only) and emptied at start; a socket file left there by a
/// daemon before this one (the former shared socket) is removed.
pub fn prepare_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => {
            for e in std::fs::read_dir(dir)? {
                let _ = std::fs::remove_file(e?.path());
            }
        }
        Ok(_) => std::fs::remove_file(dir)?,
        Err(_) => {}
    }
    match std::fs::create_dir(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755))
}

/// Bind a socket for a start of uid's manager (a worker's job, before the fork) at
/// `dir/UID.N`, a name no other start of this daemon uses (so dropping one start's socket
/// never unlinks the next one's); owned by `uid`, mode 0600 (set before anyone but root
/// could connect: the file is made under the daemon's umask, 022 whatever it inherited (run.rs),
/// which leaves no write access to others, and the directory is root's); credentials passed.
pub fn bind(dir: &Path, uid: u32) -> std::io::Result<(PathBuf, OwnedFd)> {
    use rustix::fs::{AtFlags, CWD, Mode, chmodat, chownat};
    use rustix::net::{AddressFamily, SocketAddrUnix, SocketFlags, SocketType};
    static STARTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = STARTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = dir.join(format!("{uid}.{n}"));
    let _ = std::fs::remove_file(&path);
    let fd = rustix::net::socket_with(
        AddressFamily::UNIX,
        SocketType::DGRAM,
        SocketFlags::CLOEXEC | SocketFlags::NONBLOCK,
        None,
    )?;
    rustix::net::bind(&fd, &SocketAddrUnix::new(&path)?)?;
    let owned = chmodat(CWD, &path, Mode::from_raw_mode(0o600), AtFlags::empty()).and_then(|()| {
        chownat(
            CWD,
            &path,
            Some(rustix::fs::Uid::from_raw(uid)),
            None,
            AtFlags::SYMLINK_NOFOLLOW,
        )
    });
    if let Err(e) = owned.and_then(|()| rustix::net::sockopt::set_socket_passcred(&fd, true)) {
        let _ = std::fs::remove_file(&path);
        return Err(e.into());
    }
    Ok((path, fd))
}

/// A manager's notify socket being read on the loop; dropped, the reading stops and the
/// socket is closed and unlinked.
#[derive(Debug)]
pub struct ManagerSocket {
    path: PathBuf,
    task: tokio::task::JoinHandle<()>,
}

impl ManagerSocket {
    /// Read `fd` (bound at `path` by [`bind`]) on the loop: each datagram, with its sender,
    /// goes to `to`, at most [`BUDGET`] per [`WINDOW`].
    pub fn watch(uid: u32, path: PathBuf, fd: OwnedFd, to: mpsc::Sender<Datagram>) -> Self {
        let task = tokio::task::spawn_local(async move {
            let Ok(fd) = crate::adopt::register(fd) else {
                return;
            };
            let mut buf = vec![0u8; MAX_DATAGRAM];
            loop {
                let window = tokio::time::Instant::now() + WINDOW;
                let mut taken = 0;
                while taken < BUDGET {
                    let Ok(mut ready) = fd.readable().await else {
                        return;
                    };
                    match linger_ipc::notify::receive(fd.get_ref().as_fd(), &mut buf) {
                        Ok(Some((sender, data))) => {
                            taken += 1;
                            if to.send((uid, sender, data)).await.is_err() {
                                return;
                            }
                        }
                        // Dropped (no credentials, truncated): counted all the same.
                        Ok(None) => taken += 1,
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                            ready.clear_ready();
                        }
                        Err(_) => {
                            taken += 1;
                            ready.clear_ready();
                        }
                    }
                }
                tokio::time::sleep_until(window).await;
            }
        });
        ManagerSocket { path, task }
    }
}

impl Drop for ManagerSocket {
    fn drop(&mut self) {
        self.task.abort();
        let _ = std::fs::remove_file(&self.path);
    }
}
