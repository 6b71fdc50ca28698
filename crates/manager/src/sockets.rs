//! Socket units' file descriptors: opening `Listen*=` addresses, accepting connections for
//! `Accept=yes`, and handing fds to services (`$LISTEN_FDS`). The engine decides when; this
//! module does the system calls and owns the fds (the manager keeps them across service
//! restarts, so a connection made while the service restarts waits in the backlog).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::Path;
use std::sync::Arc;

use linger_unit::model::{BindIpv6Only, ListenAddress, ListenKind, ListenSpec, SocketConfig};
use rustix::net::{AddressFamily, SocketAddrUnix, SocketFlags, SocketType, sockopt};

use crate::watcher::Watcher;

/// The open sockets of one socket unit.
#[derive(Debug)]
struct OpenUnit {
    /// One fd per `Listen*=`, in order (shared with the watcher thread while watched).
    fds: Vec<(ListenSpec, Arc<OwnedFd>)>,
    /// `$LISTEN_FDNAMES` entry for each fd: `FileDescriptorName=` or the unit name.
    name: String,
    /// Paths to unlink at stop with `RemoveOnStop=` (sockets, FIFOs, symlinks).
    paths: Vec<std::path::PathBuf>,
}

/// Every socket unit's fds plus the connections held for `Accept=yes` instances.
#[derive(Debug, Default)]
pub struct SocketTable {
    open: HashMap<String, OpenUnit>,
    /// Accepted connection per service instance, until it is gone.
    connections: HashMap<String, OwnedFd>,
    watcher: Option<Watcher>,
}

/// What a spawn receives: fds in `$LISTEN_FDS` order, their names, and a connection to use
/// as standard input/output (`StandardInput=socket`).
#[derive(Debug, Default)]
pub struct Passed {
    /// The fds, in order (they become fd 3, 4, …).
    pub fds: Vec<OwnedFd>,
    /// `$LISTEN_FDNAMES` entries.
    pub names: Vec<String>,
    /// The instance's connection, for `StandardInput=socket`.
    pub connection: Option<OwnedFd>,
}

impl SocketTable {
    /// Use `watcher` to learn when sockets become readable.
    pub fn set_watcher(&mut self, watcher: Watcher) {
        self.watcher = Some(watcher);
    }

    /// Open every `Listen*=` of `unit`; on error nothing stays open.
    pub fn open(&mut self, unit: &str, cfg: &SocketConfig) -> Result<(), String> {
        if self.open.contains_key(unit) {
            return Ok(());
        }
        let mut fds = Vec::new();
        let mut paths = Vec::new();
        for spec in &cfg.listen {
            let fd = open_one(spec, cfg).map_err(|e| format!("{}: {e}", spec.display()))?;
            if let ListenAddress::Path(p) = &spec.address {
                paths.push(p.clone());
                for link in &cfg.symlinks {
                    let _ = std::fs::remove_file(link);
                    if std::os::unix::fs::symlink(p, link).is_ok() {
                        paths.push(link.clone());
                    }
                }
            }
            fds.push((spec.clone(), Arc::new(fd)));
        }
        self.insert(unit, cfg, fds, paths);
        Ok(())
    }

    /// Record `unit`'s open fds (named `FileDescriptorName=`, else the unit).
    fn insert(
        &mut self,
        unit: &str,
        cfg: &SocketConfig,
        fds: Vec<(ListenSpec, Arc<OwnedFd>)>,
        paths: Vec<std::path::PathBuf>,
    ) {
        let name = cfg
            .file_descriptor_name
            .clone()
            .unwrap_or_else(|| unit.to_string());
        self.open
            .insert(unit.to_string(), OpenUnit { fds, name, paths });
    }

    /// `daemon-reexec`: every open socket unit and its fds, kept open across `execve`.
    pub fn keep_for_reexec(&self) -> Vec<(String, Vec<i32>)> {
        self.open
            .iter()
            .map(|(unit, o)| {
                let fds = o
                    .fds
                    .iter()
                    .filter_map(|(_, fd)| linger_exec::keep_across_exec(&**fd).ok())
                    .collect();
                (unit.clone(), fds)
            })
            .collect()
    }

    /// `daemon-reexec`: take over the fds the previous image had open for `unit` (in its
    /// `Listen*=` order); starting the unit then finds them open instead of binding again.
    pub fn adopt(&mut self, unit: &str, cfg: &SocketConfig, fds: Vec<OwnedFd>) -> bool {
        if fds.len() != cfg.listen.len() {
            return false;
        }
        let paths = cfg
            .listen
            .iter()
            .filter_map(|l| match &l.address {
                ListenAddress::Path(p) => Some(p.clone()),
                _ => None,
            })
            .chain(cfg.symlinks.iter().cloned())
            .collect();
        let fds = cfg
            .listen
            .iter()
            .cloned()
            .zip(fds.into_iter().map(Arc::new))
            .collect();
        self.insert(unit, cfg, fds, paths);
        true
    }

    /// Close `unit`'s sockets; `remove` unlinks the files they created.
    pub fn close(&mut self, unit: &str, remove: bool) {
        self.watch(unit, false);
        if let Some(o) = self.open.remove(unit)
            && remove
        {
            for p in o.paths {
                let _ = std::fs::remove_file(p);
            }
        }
    }

    /// Start or stop watching `unit`'s sockets for readability (one report per arming).
    pub fn watch(&mut self, unit: &str, on: bool) {
        let Some(w) = &self.watcher else { return };
        match self.open.get(unit) {
            Some(o) if on => w.watch(unit, o.fds.iter().map(|(_, fd)| fd.clone()).collect()),
            _ => w.unwatch(unit),
        }
    }

    /// Whether `unit` listens for `Accept=yes` stream connections.
    pub fn listening_fds(&self, unit: &str) -> Vec<(ListenSpec, Arc<OwnedFd>)> {
        self.open
            .get(unit)
            .map(|o| o.fds.clone())
            .unwrap_or_default()
    }

    /// Hold an accepted connection for service instance `instance`.
    pub fn hold_connection(&mut self, instance: &str, fd: OwnedFd) {
        self.connections.insert(instance.to_string(), fd);
    }

    /// The instance is gone: close its connection.
    pub fn release_connection(&mut self, instance: &str) {
        self.connections.remove(instance);
    }

    /// The fds a process of `unit` receives: the listening sockets of `sockets`, then the
    /// connection held for `unit` if it is an `Accept=yes` instance.
    pub fn passed(&self, unit: &str, sockets: &[String]) -> Result<Passed, String> {
        let mut out = Passed::default();
        let dup = |fd: &OwnedFd| {
            fd.try_clone()
                .map_err(|e| format!("Failed to duplicate socket: {e}"))
        };
        for s in sockets {
            if let Some(o) = self.open.get(s) {
                for (_, fd) in &o.fds {
                    out.fds.push(dup(fd)?);
                    out.names.push(o.name.clone());
                }
            }
        }
        if let Some(c) = self.connections.get(unit) {
            out.fds.push(dup(c)?);
            out.names.push("connection".into());
            out.connection = Some(dup(c)?);
        }
        Ok(out)
    }
}

fn open_one(spec: &ListenSpec, cfg: &SocketConfig) -> Result<OwnedFd, String> {
    if spec.kind == ListenKind::Fifo {
        return open_fifo(spec, cfg);
    }
    let ty = match spec.kind {
        ListenKind::Stream => SocketType::STREAM,
        ListenKind::Datagram => SocketType::DGRAM,
        _ => SocketType::SEQPACKET,
    };
    fn e(what: &'static str) -> impl Fn(rustix::io::Errno) -> String {
        move |err| format!("{what}: {err}")
    }
    let fd = match &spec.address {
        ListenAddress::Path(p) => {
            prepare_path(p, cfg)?;
            let fd = unix_socket(ty, cfg)?;
            let addr = SocketAddrUnix::new(p.as_path()).map_err(e("bad socket path"))?;
            rustix::net::bind(&fd, &addr).map_err(e("Failed to bind"))?;
            let mode = std::fs::Permissions::from_mode(cfg.socket_mode);
            std::fs::set_permissions(p, mode).map_err(|err| format!("chmod: {err}"))?;
            fd
        }
        ListenAddress::Abstract(name) => {
            let fd = unix_socket(ty, cfg)?;
            let addr = SocketAddrUnix::new_abstract_name(name.as_bytes())
                .map_err(e("bad abstract name"))?;
            rustix::net::bind(&fd, &addr).map_err(e("Failed to bind"))?;
            fd
        }
        ListenAddress::Inet(a) => inet_socket(ty, *a, cfg)?,
        ListenAddress::Port(port) => {
            let any6 = SocketAddr::from((std::net::Ipv6Addr::UNSPECIFIED, *port));
            match inet_socket(ty, any6, cfg) {
                Ok(fd) => fd,
                // No IPv6 on this machine: all IPv4 addresses.
                Err(_) => inet_socket(
                    ty,
                    SocketAddr::from((std::net::Ipv4Addr::UNSPECIFIED, *port)),
                    cfg,
                )?,
            }
        }
    };
    if ty != SocketType::DGRAM {
        let backlog = cfg.backlog.min(i32::MAX as u32) as i32;
        rustix::net::listen(&fd, backlog).map_err(e("Failed to listen"))?;
    }
    Ok(fd)
}

fn unix_socket(ty: SocketType, cfg: &SocketConfig) -> Result<OwnedFd, String> {
    let fd = rustix::net::socket_with(AddressFamily::UNIX, ty, SocketFlags::CLOEXEC, None)
        .map_err(|e| format!("socket: {e}"))?;
    common_options(&fd, cfg);
    if cfg.pass_credentials {
        let _ = sockopt::set_socket_passcred(&fd, true);
    }
    Ok(fd)
}

fn inet_socket(ty: SocketType, addr: SocketAddr, cfg: &SocketConfig) -> Result<OwnedFd, String> {
    let family = if addr.is_ipv4() {
        AddressFamily::INET
    } else {
        AddressFamily::INET6
    };
    let fd = rustix::net::socket_with(family, ty, SocketFlags::CLOEXEC, None)
        .map_err(|e| format!("socket: {e}"))?;
    let _ = sockopt::set_socket_reuseaddr(&fd, true);
    if cfg.reuse_port {
        let _ = sockopt::set_socket_reuseport(&fd, true);
    }
    if cfg.free_bind {
        let _ = sockopt::set_ip_freebind(&fd, true);
    }
    if addr.is_ipv6() {
        let only = match cfg.bind_ipv6_only {
            BindIpv6Only::Ipv6Only => Some(true),
            BindIpv6Only::Both => Some(false),
            // Like systemd: a bare port listens on both families.
            BindIpv6Only::Default => Some(false),
        };
        if let Some(o) = only {
            let _ = sockopt::set_ipv6_v6only(&fd, o);
        }
    }
    if ty == SocketType::STREAM {
        if cfg.keep_alive {
            let _ = sockopt::set_socket_keepalive(&fd, true);
        }
        if cfg.no_delay {
            let _ = sockopt::set_tcp_nodelay(&fd, true);
        }
    }
    common_options(&fd, cfg);
    rustix::net::bind(&fd, &addr).map_err(|e| format!("Failed to bind: {e}"))?;
    Ok(fd)
}

fn common_options(fd: &OwnedFd, cfg: &SocketConfig) {
    if let Some(n) = cfg.receive_buffer {
        let _ = sockopt::set_socket_recv_buffer_size(fd, n as usize);
    }
    if let Some(n) = cfg.send_buffer {
        let _ = sockopt::set_socket_send_buffer_size(fd, n as usize);
    }
    if let Some(p) = cfg.priority {
        // SO_PRIORITY (the kernel reads an int); outside 0-6 it needs CAP_NET_ADMIN, and
        // like systemd the socket is used anyway when it is refused.
        let _ = socket2::SockRef::from(fd).set_priority(p as u32);
    }
}

/// Parent directories with `DirectoryMode=`, and no stale socket file in the way.
fn prepare_path(p: &Path, cfg: &SocketConfig) -> Result<(), String> {
    if let Some(parent) = p.parent()
        && !parent.exists()
    {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(cfg.directory_mode)
            .create(parent)
            .map_err(|e| format!("Failed to create {}: {e}", parent.display()))?;
    }
    use std::os::unix::fs::FileTypeExt;
    if let Ok(m) = std::fs::symlink_metadata(p)
        && m.file_type().is_socket()
    {
        let _ = std::fs::remove_file(p);
    }
    Ok(())
}

fn open_fifo(spec: &ListenSpec, cfg: &SocketConfig) -> Result<OwnedFd, String> {
    let ListenAddress::Path(p) = &spec.address else {
        return Err("ListenFIFO= needs a path".into());
    };
    prepare_path(p, cfg)?;
    let mode = rustix::fs::Mode::from_raw_mode(cfg.socket_mode);
    match rustix::fs::mkfifoat(rustix::fs::CWD, p.as_path(), mode) {
        Ok(()) | Err(rustix::io::Errno::EXIST) => {}
        Err(e) => return Err(format!("mkfifo: {e}")),
    }
    // Read-write so that it never reports end-of-file while no writer is connected.
    let fd = rustix::fs::open(
        p.as_path(),
        rustix::fs::OFlags::RDWR | rustix::fs::OFlags::CLOEXEC | rustix::fs::OFlags::NONBLOCK,
        rustix::fs::Mode::empty(),
    )
    .map_err(|e| format!("open: {e}"))?;
    let _ = fd.as_fd();
    Ok(fd)
}

/// `ADDR:PORT` of an instance name; an IPv4 peer reaching a dual-stack socket (an
/// IPv4-mapped IPv6 address) is shown as the IPv4 address it is.
fn ip_port(a: SocketAddr) -> String {
    let ip = match a.ip() {
        std::net::IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map_or(std::net::IpAddr::V6(v6), std::net::IpAddr::V4),
        v4 => v4,
    };
    format!("{ip}:{}", a.port())
}

/// The instance name systemd gives a connection of an `Accept=yes` socket:
/// `N-LOCAL-REMOTE` for IP (IPv6 addresses without brackets, which unit names do not allow),
/// `N-PID-UID` of the peer for Unix sockets.
pub fn connection_instance(nr: u64, conn: &OwnedFd) -> String {
    let ip = |a: Result<rustix::net::SocketAddrAny, rustix::io::Errno>| {
        a.ok()
            .and_then(|a| SocketAddr::try_from(a).ok())
            .map(ip_port)
    };
    let local = ip(rustix::net::getsockname(conn));
    let remote =
        ip(rustix::net::getpeername(conn).and_then(|a| a.ok_or(rustix::io::Errno::NOTCONN)));
    if let (Some(l), Some(r)) = (&local, &remote) {
        return format!("{nr}-{l}-{r}");
    }
    // Read as plain numbers: a peer in another PID namespace has pid 0 here.
    match linger_ipc::peer_cred(conn) {
        Ok(cred) => format!("{nr}-{}-{}", cred.pid, cred.uid),
        Err(_) => format!("{nr}-unknown"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instance_addresses() {
        let mapped: SocketAddr = "[::ffff:127.0.0.1]:8080".parse().unwrap();
        assert_eq!(ip_port(mapped), "127.0.0.1:8080");
        let v6: SocketAddr = "[::1]:22".parse().unwrap();
        assert_eq!(ip_port(v6), "::1:22");
        let v4: SocketAddr = "10.0.0.1:5".parse().unwrap();
        assert_eq!(ip_port(v4), "10.0.0.1:5");
    }
}
