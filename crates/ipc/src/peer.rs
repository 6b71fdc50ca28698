//! Who is on the other end of a Unix socket (SO_PEERCRED): the basis of every authorization.

use std::os::fd::AsFd;

/// The peer's credentials, as the kernel recorded them at connect time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeerCred {
    /// Process id.
    pub pid: u32,
    /// User id.
    pub uid: u32,
    /// Group id.
    pub gid: u32,
}

/// Read SO_PEERCRED of a connected Unix socket.
pub fn peer_cred<F: AsFd>(sock: F) -> std::io::Result<PeerCred> {
    let c = rustix::net::sockopt::socket_peercred(sock)?;
    Ok(PeerCred {
        pid: c.pid.as_raw_nonzero().get() as u32,
        uid: c.uid.as_raw(),
        gid: c.gid.as_raw(),
    })
}
