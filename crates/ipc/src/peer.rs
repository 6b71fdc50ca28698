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

/// Read SO_PEERCRED of a connected Unix socket. `pid` is 0 when the peer lives in a PID
/// namespace where ours has no number (a container's init talking to the host).
pub fn peer_cred<F: AsFd>(sock: F) -> std::io::Result<PeerCred> {
    use nix::sys::socket::{getsockopt, sockopt::PeerCredentials};
    let c = getsockopt(&sock, PeerCredentials).map_err(std::io::Error::from)?;
    Ok(PeerCred {
        pid: u32::try_from(c.pid()).unwrap_or(0),
        uid: c.uid(),
        gid: c.gid(),
    })
}

/// The real uid of process `pid` (from `/proc/PID/status`), None if there is no such process:
/// who owns a process named in a request, as opposed to who sent the request.
pub fn process_uid(pid: u32) -> Option<u32> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_of_a_socket_pair_are_our_own() {
        let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
        let c = peer_cred(&a).unwrap();
        assert_eq!(c.pid, std::process::id());
        assert_eq!(c.uid, rustix::process::getuid().as_raw());
        assert_eq!(c.gid, rustix::process::getgid().as_raw());
        assert_eq!(
            process_uid(std::process::id()),
            Some(rustix::process::getuid().as_raw())
        );
        assert_eq!(process_uid(u32::MAX), None);
    }
}
