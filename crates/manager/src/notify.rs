//! The sd_notify socket (`$NOTIFY_SOCKET`): datagrams of `KEY=value` lines, attributed to the
//! sending pid by SCM_CREDENTIALS (never by anything the sender claims).

use std::io::IoSliceMut;
use std::mem::MaybeUninit;
use std::path::Path;

use rustix::net::{
    AddressFamily, RecvAncillaryBuffer, RecvAncillaryMessage, RecvFlags, SocketAddrUnix,
    SocketFlags, SocketType, bind, recvmsg, socket_with, sockopt,
};
use tokio::io::Interest;
use tokio::net::UnixDatagram;

/// Largest notify datagram accepted (systemd uses the same order of magnitude).
const MAX_DATAGRAM: usize = 4096;

/// A bound notify socket.
#[derive(Debug)]
pub struct NotifySocket {
    sock: UnixDatagram,
}

/// One message: the sender's pid and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotifyMessage {
    /// Sender pid from the kernel.
    pub pid: u32,
    /// `KEY=value` pairs in order.
    pub fields: Vec<(String, String)>,
}

impl NotifySocket {
    /// Bind at `path` (a stale socket file is replaced).
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
        sockopt::set_socket_recv_buffer_size(&fd, 8 * 1024 * 1024).ok();
        let std_sock = std::os::unix::net::UnixDatagram::from(fd);
        Ok(NotifySocket {
            sock: UnixDatagram::from_std(std_sock)?,
        })
    }

    /// Wait for the next valid message (malformed ones are dropped).
    pub async fn recv(&self) -> std::io::Result<NotifyMessage> {
        loop {
            self.sock.readable().await?;
            match self.sock.try_io(Interest::READABLE, || receive(&self.sock)) {
                Ok(Some(m)) => return Ok(m),
                Ok(None) => continue,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

fn receive<F: std::os::fd::AsFd>(fd: F) -> std::io::Result<Option<NotifyMessage>> {
    let mut data = [0u8; MAX_DATAGRAM];
    let mut space =
        [MaybeUninit::<u8>::uninit(); rustix::cmsg_space!(ScmCredentials(1), ScmRights(16))];
    let mut anc = RecvAncillaryBuffer::new(&mut space);
    let r = recvmsg(
        &fd,
        &mut [IoSliceMut::new(&mut data)],
        &mut anc,
        RecvFlags::DONTWAIT | RecvFlags::CMSG_CLOEXEC,
    )?;
    let mut pid = None;
    for m in anc.drain() {
        match m {
            RecvAncillaryMessage::ScmCredentials(c) => {
                pid = Some(c.pid.as_raw_nonzero().get() as u32)
            }
            // File descriptors (FDSTORE=1) are not kept: dropping them closes them.
            RecvAncillaryMessage::ScmRights(fds) => drop(fds.collect::<Vec<_>>()),
            _ => {}
        }
    }
    let Some(pid) = pid else { return Ok(None) };
    if r.flags.contains(rustix::net::ReturnFlags::TRUNC) {
        return Ok(None);
    }
    let text = String::from_utf8_lossy(&data[..r.bytes]);
    Ok(Some(NotifyMessage {
        pid,
        fields: parse_fields(&text),
    }))
}

/// Split a notify payload into `KEY=value` pairs; lines without `=` are ignored.
pub fn parse_fields(text: &str) -> Vec<(String, String)> {
    text.split('\n')
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::parse_fields;

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
