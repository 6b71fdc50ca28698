//! The sd_notify socket (`$NOTIFY_SOCKET`): datagrams of `KEY=value` lines, attributed to the
//! sending pid by SCM_CREDENTIALS (never by anything the sender claims). The user manager
//! receives its services' notifications here (and journal datagrams), the login daemon its
//! user managers' `READY=1`.

use std::io::IoSliceMut;
use std::path::Path;

use rustix::net::{
    AddressFamily, SocketAddrUnix, SocketFlags, SocketType, bind, socket_with, sockopt,
};
use tokio::io::Interest;
use tokio::net::UnixDatagram;

/// Largest notify datagram accepted (systemd uses the same order of magnitude).
const MAX_DATAGRAM: usize = 4096;
/// Largest journal (native or syslog) datagram accepted.
pub const MAX_LOG_DATAGRAM: usize = 256 * 1024;

/// A bound datagram socket whose messages are attributed to the sender's pid by the kernel
/// (SCM_CREDENTIALS): the sd_notify socket and the journal's native and syslog sockets.
#[derive(Debug)]
pub struct NotifySocket {
    sock: UnixDatagram,
    buf: std::cell::RefCell<Vec<u8>>,
}

/// One message: the sender's pid and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotifyMessage {
    /// Sender pid from the kernel.
    pub pid: u32,
    /// `KEY=value` pairs in order.
    pub fields: Vec<(String, String)>,
}

impl NotifyMessage {
    /// The message of a datagram's payload.
    pub fn new(pid: u32, data: &[u8]) -> NotifyMessage {
        NotifyMessage {
            pid,
            fields: parse_fields(&String::from_utf8_lossy(data)),
        }
    }
}

/// A non-blocking, close-on-exec datagram socket bound at `path` (a stale socket file there is
/// replaced) with file mode `mode`: what every datagram endpoint of the manager starts from.
pub(crate) fn bind_datagram(path: &Path, mode: u32) -> std::io::Result<std::os::fd::OwnedFd> {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::remove_file(path);
    let fd = socket_with(
        AddressFamily::UNIX,
        SocketType::DGRAM,
        SocketFlags::CLOEXEC | SocketFlags::NONBLOCK,
        None,
    )?;
    bind(&fd, &SocketAddrUnix::new(path)?)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    Ok(fd)
}

impl NotifySocket {
    /// Bind at `path` (a stale socket file is replaced), for the owner only.
    pub fn bind(path: &Path) -> std::io::Result<NotifySocket> {
        Self::bind_sized(path, MAX_DATAGRAM, 0o600)
    }

    /// Bind at `path` writable by every user (the login daemon's socket, where user managers
    /// running as their users report).
    pub fn bind_shared(path: &Path) -> std::io::Result<NotifySocket> {
        Self::bind_sized(path, MAX_DATAGRAM, 0o666)
    }

    /// The shared socket as a bare descriptor (credentials passed, large receive buffer), for
    /// a thread that reads it with [`receive`].
    pub fn bind_shared_fd(path: &Path) -> std::io::Result<std::os::fd::OwnedFd> {
        let fd = bind_datagram(path, 0o666)?;
        sockopt::set_socket_passcred(&fd, true)?;
        sockopt::set_socket_recv_buffer_size(&fd, 8 * 1024 * 1024).ok();
        Ok(fd)
    }

    /// Bind with a given largest datagram and socket file mode.
    pub fn bind_sized(path: &Path, max: usize, mode: u32) -> std::io::Result<NotifySocket> {
        let fd = bind_datagram(path, mode)?;
        sockopt::set_socket_passcred(&fd, true)?;
        sockopt::set_socket_recv_buffer_size(&fd, 8 * 1024 * 1024).ok();
        let std_sock = std::os::unix::net::UnixDatagram::from(fd);
        Ok(NotifySocket {
            sock: UnixDatagram::from_std(std_sock)?,
            buf: std::cell::RefCell::new(vec![0u8; max]),
        })
    }

    /// Wait for the next valid notify message (malformed ones are dropped).
    pub async fn recv(&self) -> std::io::Result<NotifyMessage> {
        let (pid, data) = self.recv_raw().await?;
        Ok(NotifyMessage::new(pid, &data))
    }

    /// Wait for the next datagram that carries credentials: (sender pid, payload).
    pub async fn recv_raw(&self) -> std::io::Result<(u32, Vec<u8>)> {
        let (sender, data) = self.recv_from().await?;
        Ok((sender.pid, data))
    }

    /// Wait for the next datagram that carries credentials: (sender, payload).
    pub async fn recv_from(&self) -> std::io::Result<(Sender, Vec<u8>)> {
        loop {
            self.sock.readable().await?;
            let mut buf = self.buf.borrow_mut();
            match self
                .sock
                .try_io(Interest::READABLE, || receive(&self.sock, &mut buf))
            {
                Ok(Some(m)) => return Ok(m),
                Ok(None) => continue,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// A datagram already queued, without waiting (None once the queue is empty). It asks
    /// the socket itself, not the event loop's idea of its readiness: a caller that learnt
    /// of a sender's exit drains what that sender sent before it exited.
    pub fn try_recv_raw(&self) -> Option<(u32, Vec<u8>)> {
        self.try_recv_from()
            .map(|(sender, data)| (sender.pid, data))
    }

    /// [`NotifySocket::try_recv_raw`] with the sender's uid and gid too.
    pub fn try_recv_from(&self) -> Option<(Sender, Vec<u8>)> {
        let mut buf = self.buf.borrow_mut();
        loop {
            match receive(&self.sock, &mut buf) {
                Ok(Some(m)) => return Some(m),
                Ok(None) => continue,
                Err(_) => return None,
            }
        }
    }
}

/// Who sent a datagram, as the kernel says (SCM_CREDENTIALS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sender {
    /// Its pid (never 0: senders the kernel cannot name in our PID namespace are dropped).
    pub pid: u32,
    /// Its uid.
    pub uid: u32,
    /// Its gid.
    pub gid: u32,
}

/// One datagram: (sender, payload), None when it carried no usable credentials (a sender
/// in another PID namespace has pid 0 here) or was truncated. Credentials are read as raw
/// numbers (nix), since rustix's non-zero `Pid` cannot hold that 0.
/// Take one datagram without waiting: its sender and payload (at most `data.len()` bytes),
/// `None` for one that is dropped (no credentials, truncated), `WouldBlock` when none waits.
/// Descriptors attached to it are closed.
pub fn receive<F: std::os::fd::AsFd>(
    fd: F,
    data: &mut [u8],
) -> std::io::Result<Option<(Sender, Vec<u8>)>> {
    use nix::sys::socket::{ControlMessageOwned, MsgFlags, UnixCredentials, recvmsg};
    use std::os::fd::{AsRawFd, RawFd};
    // Room for every descriptor one message can carry (the kernel's SCM_MAX_FD, 253): a
    // sender may attach them to any datagram, the kernel installs here those that fit, and
    // nix refuses to list truncated control data — the installed ones could never be closed
    // (16 leaked per datagram; anyone may send to the login daemon's sockets).
    let mut space = nix::cmsg_space!(UnixCredentials, [RawFd; SCM_MAX_FD]);
    let mut iov = [IoSliceMut::new(data)];
    let msg = recvmsg::<()>(
        fd.as_fd().as_raw_fd(),
        &mut iov,
        Some(&mut space),
        MsgFlags::MSG_DONTWAIT | MsgFlags::MSG_CMSG_CLOEXEC,
    )
    .map_err(std::io::Error::from)?;
    let (bytes, truncated) = (msg.bytes, msg.flags.contains(MsgFlags::MSG_TRUNC));
    let mut sender = None;
    // Truncated all the same (a control message of another kind): the datagram is dropped,
    // the socket goes on (an error here once ended the login daemon's journal routing).
    let Ok(cmsgs) = msg.cmsgs() else {
        return Ok(None);
    };
    for c in cmsgs {
        match c {
            ControlMessageOwned::ScmCredentials(cred) => {
                sender = u32::try_from(cred.pid())
                    .ok()
                    .filter(|&p| p > 0)
                    .map(|pid| Sender {
                        pid,
                        uid: cred.uid(),
                        gid: cred.gid(),
                    });
            }
            // File descriptors (FDSTORE=1) are not kept: closed at once.
            ControlMessageOwned::ScmRights(fds) => {
                for fd in fds {
                    let _ = nix::unistd::close(fd);
                }
            }
            _ => {}
        }
    }
    let Some(sender) = sender.filter(|_| !truncated) else {
        return Ok(None);
    };
    Ok(Some((sender, data[..bytes].to_vec())))
}

/// The most descriptors one `SCM_RIGHTS` message carries (Linux's `SCM_MAX_FD`).
const SCM_MAX_FD: usize = 253;

/// Split a notify payload into `KEY=value` pairs; lines without `=` are ignored.
pub fn parse_fields(text: &str) -> Vec<(String, String)> {
    text.split('\n')
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sender_pid_is_the_kernels() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notify");
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let s = NotifySocket::bind_shared(&path).unwrap();
            let c = std::os::unix::net::UnixDatagram::unbound().unwrap();
            c.send_to(b"READY=1\nMAINPID=1\n", &path).unwrap();
            let m = s.recv().await.unwrap();
            assert_eq!(m.pid, std::process::id(), "not the MAINPID= it claims");
            assert_eq!(m.fields[0], ("READY".into(), "1".into()));
        });
    }

    #[test]
    fn fields() {
        assert_eq!(
            parse_fields("READY=1\nSTATUS=Serving 3 clients\ngarbage\n"),
            vec![
                ("READY".into(), "1".into()),
                ("STATUS".into(), "Serving 3 clients".into())
            ]
        );
    }
}
