//! The notify socket user managers report on (`$NOTIFY_SOCKET`, as `user@.service` is
//! `Type=notify`): datagrams of `KEY=value` lines, attributed to the sender by the kernel
//! (SCM_CREDENTIALS). Anyone may send (the managers run as their users), so nothing a datagram
//! claims is trusted: only its sender pid, matched against the managers we spawned.
//!
//! The receiving side is the same as the user manager's (`linger-manager`'s private
//! `notify.rs`). It is not shared: that module is not exported, and depending on the manager
//! crate (engine, journal) for one socket would invert the layering; its natural home is
//! `linger-ipc`, which both already depend on — the move to make when that crate is free.

use std::io::IoSliceMut;
use std::mem::MaybeUninit;
use std::path::Path;

use rustix::net::{
    AddressFamily, RecvAncillaryBuffer, RecvAncillaryMessage, RecvFlags, ReturnFlags,
    SocketAddrUnix, SocketFlags, SocketType, bind, recvmsg, socket_with, sockopt,
};
use tokio::io::Interest;
use tokio::net::UnixDatagram;

/// Largest datagram accepted; longer ones are dropped.
const MAX_DATAGRAM: usize = 4096;

/// The bound socket.
#[derive(Debug)]
pub struct NotifySocket {
    sock: UnixDatagram,
}

impl NotifySocket {
    /// Bind at `path` (a stale file is replaced), writable by every user.
    pub fn bind(path: &Path) -> std::io::Result<NotifySocket> {
        let _ = std::fs::remove_file(path);
        let fd = socket_with(
            AddressFamily::UNIX,
            SocketType::DGRAM,
            SocketFlags::CLOEXEC | SocketFlags::NONBLOCK,
            None,
        )?;
        bind(&fd, &SocketAddrUnix::new(path)?)?;
        sockopt::set_socket_passcred(&fd, true)?;
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o666))?;
        }
        Ok(NotifySocket {
            sock: UnixDatagram::from_std(std::os::unix::net::UnixDatagram::from(fd))?,
        })
    }

    /// The next datagram with credentials: (sender pid, `KEY=value` pairs).
    pub async fn recv(&self) -> std::io::Result<(u32, Vec<(String, String)>)> {
        let mut buf = [0u8; MAX_DATAGRAM];
        loop {
            self.sock.readable().await?;
            match self
                .sock
                .try_io(Interest::READABLE, || receive(&self.sock, &mut buf))
            {
                Ok(Some((pid, n))) => {
                    let text = String::from_utf8_lossy(&buf[..n]);
                    return Ok((pid, parse_fields(&text)));
                }
                Ok(None) => {}
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(e) => return Err(e),
            }
        }
    }
}

fn receive<F: std::os::fd::AsFd>(fd: F, data: &mut [u8]) -> std::io::Result<Option<(u32, usize)>> {
    let mut space =
        [MaybeUninit::<u8>::uninit(); rustix::cmsg_space!(ScmCredentials(1), ScmRights(8))];
    let mut anc = RecvAncillaryBuffer::new(&mut space);
    let r = recvmsg(
        &fd,
        &mut [IoSliceMut::new(data)],
        &mut anc,
        RecvFlags::DONTWAIT | RecvFlags::CMSG_CLOEXEC,
    )?;
    let mut pid = None;
    for m in anc.drain() {
        match m {
            RecvAncillaryMessage::ScmCredentials(c) => {
                pid = Some(c.pid.as_raw_nonzero().get() as u32);
            }
            // Passed fds are not kept: dropping them closes them.
            RecvAncillaryMessage::ScmRights(fds) => drop(fds.collect::<Vec<_>>()),
            _ => {}
        }
    }
    if r.flags.contains(ReturnFlags::TRUNC) {
        return Ok(None);
    }
    Ok(pid.map(|p| (p, r.bytes)))
}

/// `KEY=value` lines; lines without `=` are ignored.
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
    fn fields() {
        assert_eq!(
            parse_fields("READY=1\nMAINPID=42\njunk\n"),
            vec![
                ("READY".into(), "1".into()),
                ("MAINPID".into(), "42".into())
            ]
        );
    }

    #[test]
    fn sender_pid_is_the_kernels() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notify");
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let s = NotifySocket::bind(&path).unwrap();
            let c = std::os::unix::net::UnixDatagram::unbound().unwrap();
            c.send_to(b"READY=1\nMAINPID=1\n", &path).unwrap();
            let (pid, f) = s.recv().await.unwrap();
            assert_eq!(pid, std::process::id());
            assert_eq!(f[0], ("READY".into(), "1".into()));
        });
    }
}
