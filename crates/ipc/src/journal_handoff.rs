//! Passing journal traffic from the login daemon (root, owner of the system's journal sockets
//! where no journald runs) to the user manager of the process that sent it: datagrams are
//! re-sent with the original sender's credentials (SCM_CREDENTIALS, which root may set), and
//! stream connections are handed over whole (SCM_RIGHTS) — the manager reads them itself and
//! the connection keeps its peer's credentials. Every send is non-blocking: a user's full
//! socket costs that user the message, never the root daemon a wait.

use std::io::{IoSlice, IoSliceMut};
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::Path;

use rustix::net::{
    AddressFamily, RecvAncillaryBuffer, RecvAncillaryMessage, RecvFlags, SendAncillaryBuffer,
    SendAncillaryMessage, SendFlags, SocketAddrUnix, SocketFlags, SocketType, UCred, recvmsg,
    sendmsg_addr, socket_with,
};
use tokio::io::Interest;
use tokio::net::UnixDatagram;

use crate::notify::Sender;

/// The socket a user manager receives handed-over stream connections on, in its journal
/// directory (`$XDG_RUNTIME_DIR/linger/journal/`).
pub const STREAM_HANDOFF: &str = "stdout-handoff";

/// An unbound, non-blocking datagram socket to send from.
pub fn sending_socket() -> std::io::Result<OwnedFd> {
    Ok(socket_with(
        AddressFamily::UNIX,
        SocketType::DGRAM,
        SocketFlags::CLOEXEC | SocketFlags::NONBLOCK,
        None,
    )?)
}

/// Starts a forwarded datagram whose sender had exited before it could be forwarded: the
/// sender's pid follows, then a newline, then the datagram as sent.
const EXITED_SENDER: &[u8] = b"\0linger-exited-sender=";

/// Re-send `data` to the datagram socket at `to` as if `sender` had sent it. When the sender
/// has exited already (the kernel refuses credentials naming a pid that is gone), the
/// datagram goes with our own pid and the sender's uid and gid, and its pid in front of the
/// data (see [`exited_sender`]): the manager still knows which unit it was.
pub fn forward_datagram(
    via: impl AsFd,
    to: &Path,
    data: &[u8],
    sender: Sender,
) -> std::io::Result<()> {
    let addr = SocketAddrUnix::new(to)?;
    let send = |pid: u32, data: &[u8]| -> std::io::Result<()> {
        let pid = rustix::process::Pid::from_raw(pid as i32)
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
        let cred = UCred {
            pid,
            uid: rustix::process::Uid::from_raw(sender.uid),
            gid: rustix::process::Gid::from_raw(sender.gid),
        };
        let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmCredentials(1))];
        let mut control = SendAncillaryBuffer::new(&mut space);
        control.push(SendAncillaryMessage::ScmCredentials(cred));
        sendmsg_addr(
            via.as_fd(),
            &addr,
            &[IoSlice::new(data)],
            &mut control,
            SendFlags::DONTWAIT | SendFlags::NOSIGNAL,
        )?;
        Ok(())
    };
    match send(sender.pid, data) {
        Err(e) if e.raw_os_error() == Some(rustix::io::Errno::SRCH.raw_os_error()) => {
            let mut marked = EXITED_SENDER.to_vec();
            marked.extend_from_slice(format!("{}\n", sender.pid).as_bytes());
            marked.extend_from_slice(data);
            send(std::process::id(), &marked)
        }
        other => other,
    }
}

/// A forwarded datagram of a sender that had exited ([`forward_datagram`]): its pid and the
/// data as sent — only when `from_root` says the datagram's own sender runs as root (the
/// forwarding daemon; any other process could write the same bytes).
pub fn exited_sender(data: &[u8], from_root: impl FnOnce() -> bool) -> Option<(u32, &[u8])> {
    let rest = data.strip_prefix(EXITED_SENDER)?;
    let end = rest.iter().position(|&b| b == b'\n')?;
    let pid = std::str::from_utf8(&rest[..end]).ok()?.parse().ok()?;
    from_root().then_some((pid, &rest[end + 1..]))
}

/// Hand the connected stream `stream` to the manager's [`StreamHandoff`] socket at `to`.
pub fn hand_off_stream(via: impl AsFd, to: &Path, stream: BorrowedFd<'_>) -> std::io::Result<()> {
    let addr = SocketAddrUnix::new(to)?;
    let fds = [stream];
    let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
    let mut control = SendAncillaryBuffer::new(&mut space);
    control.push(SendAncillaryMessage::ScmRights(&fds));
    sendmsg_addr(
        via.as_fd(),
        &addr,
        &[IoSlice::new(b"S")],
        &mut control,
        SendFlags::DONTWAIT | SendFlags::NOSIGNAL,
    )?;
    Ok(())
}

/// The receiving end: a datagram socket (mode 0600: only its user and root can send to it, and
/// a user handing over their own connections gains nothing) whose messages carry one stream.
#[derive(Debug)]
pub struct StreamHandoff {
    sock: UnixDatagram,
}

impl StreamHandoff {
    /// Bind at `path` (a stale socket file is replaced).
    pub fn bind(path: &Path) -> std::io::Result<StreamHandoff> {
        let fd = crate::notify::bind_datagram(path, 0o600)?;
        Ok(StreamHandoff {
            sock: UnixDatagram::from_std(std::os::unix::net::UnixDatagram::from(fd))?,
        })
    }

    /// The next stream handed over (messages without one are skipped).
    pub async fn accept(&self) -> std::io::Result<OwnedFd> {
        loop {
            match self
                .sock
                .async_io(Interest::READABLE, || receive_stream(&self.sock))
                .await?
            {
                Some(fd) => return Ok(fd),
                None => continue,
            }
        }
    }
}

fn receive_stream(sock: &UnixDatagram) -> std::io::Result<Option<OwnedFd>> {
    let mut byte = [0u8; 8];
    let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(4))];
    let mut control = RecvAncillaryBuffer::new(&mut space);
    recvmsg(
        sock,
        &mut [IoSliceMut::new(&mut byte)],
        &mut control,
        RecvFlags::DONTWAIT | RecvFlags::CMSG_CLOEXEC,
    )?;
    let mut first = None;
    for msg in control.drain() {
        if let RecvAncillaryMessage::ScmRights(fds) = msg {
            for fd in fds {
                // Extra descriptors are closed as they drop.
                first.get_or_insert(fd);
            }
        }
    }
    Ok(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    #[tokio::test]
    async fn a_handed_over_stream_keeps_its_peer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(STREAM_HANDOFF);
        let handoff = StreamHandoff::bind(&path).unwrap();
        let (mut client, server) = std::os::unix::net::UnixStream::pair().unwrap();
        hand_off_stream(sending_socket().unwrap(), &path, server.as_fd()).unwrap();
        drop(server);
        let got = std::os::unix::net::UnixStream::from(handoff.accept().await.unwrap());
        let cred = crate::peer_cred(&got).unwrap();
        assert_eq!(cred.pid, std::process::id());
        client.write_all(b"hello").unwrap();
        drop(client);
        let mut text = String::new();
        (&got).read_to_string(&mut text).unwrap();
        assert_eq!(text, "hello");
    }

    #[tokio::test]
    async fn a_forwarded_datagram_names_the_original_sender() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("socket");
        let sock = crate::notify::NotifySocket::bind(&path).unwrap();
        let me = Sender {
            pid: std::process::id(),
            uid: rustix::process::getuid().as_raw(),
            gid: rustix::process::getgid().as_raw(),
        };
        forward_datagram(sending_socket().unwrap(), &path, b"MESSAGE=hi\n", me).unwrap();
        let (sender, data) = sock.recv_from().await.unwrap();
        assert_eq!((sender, data.as_slice()), (me, &b"MESSAGE=hi\n"[..]));
    }
}
