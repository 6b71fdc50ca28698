//! `[Timer]` (systemd.timer(5)) and `[Socket]` (systemd.socket(5)): the units that start other
//! units, on a schedule or on traffic.

use std::path::PathBuf;

use linger_time::{CalendarSpec, Usec};

use super::ServiceConfig;

/// `[Timer]`.
#[derive(Debug, Clone, PartialEq)]
pub struct TimerConfig {
    /// `OnActiveSec=`: after the timer unit itself became active.
    pub on_active: Vec<Usec>,
    /// `OnBootSec=`: after boot (CLOCK_BOOTTIME zero).
    pub on_boot: Vec<Usec>,
    /// `OnStartupSec=`: after the user manager started.
    pub on_startup: Vec<Usec>,
    /// `OnUnitActiveSec=`: after the activated unit last became active.
    pub on_unit_active: Vec<Usec>,
    /// `OnUnitInactiveSec=`: after the activated unit last became inactive.
    pub on_unit_inactive: Vec<Usec>,
    /// `OnCalendar=` (several allowed).
    pub on_calendar: Vec<CalendarSpec>,
    /// `AccuracySec=` (default 1min).
    pub accuracy: Usec,
    /// `RandomizedDelaySec=` (default 0).
    pub randomized_delay: Usec,
    /// `FixedRandomDelay=`: the random delay is stable per timer, user and machine.
    pub fixed_random_delay: bool,
    /// `Persistent=`: a calendar run missed while the manager was down happens at next start.
    pub persistent: bool,
    /// `WakeSystem=` (accepted; a user manager cannot wake the machine).
    pub wake_system: bool,
    /// `RemainAfterElapse=` (default yes).
    pub remain_after_elapse: bool,
    /// `OnClockChange=`.
    pub on_clock_change: bool,
    /// `OnTimezoneChange=`.
    pub on_timezone_change: bool,
    /// `Unit=`: the unit to activate (default: same name, `.service`).
    pub unit: Option<String>,
}

impl Default for TimerConfig {
    fn default() -> Self {
        TimerConfig {
            on_active: Vec::new(),
            on_boot: Vec::new(),
            on_startup: Vec::new(),
            on_unit_active: Vec::new(),
            on_unit_inactive: Vec::new(),
            on_calendar: Vec::new(),
            accuracy: 60_000_000,
            randomized_delay: 0,
            fixed_random_delay: false,
            persistent: false,
            wake_system: false,
            remain_after_elapse: true,
            on_clock_change: false,
            on_timezone_change: false,
            unit: None,
        }
    }
}

impl TimerConfig {
    /// Whether any trigger is configured (a timer without one is refused at load).
    pub fn has_trigger(&self) -> bool {
        !(self.on_active.is_empty()
            && self.on_boot.is_empty()
            && self.on_startup.is_empty()
            && self.on_unit_active.is_empty()
            && self.on_unit_inactive.is_empty()
            && self.on_calendar.is_empty())
            || self.on_clock_change
            || self.on_timezone_change
    }

    /// The unit this timer activates: `Unit=`, else the timer's name with `.service`
    /// (`foo.timer` → `foo.service`, `foo@x.timer` → `foo@x.service`).
    pub fn target_unit(&self, timer_id: &str) -> String {
        match &self.unit {
            Some(u) => u.clone(),
            None => format!("{}.service", strip_suffix(timer_id, ".timer")),
        }
    }
}

/// `name` without `suffix` (or without its last `.xxx` when the suffix differs).
fn strip_suffix<'a>(name: &'a str, suffix: &str) -> &'a str {
    name.strip_suffix(suffix)
        .or_else(|| name.rsplit_once('.').map(|(stem, _)| stem))
        .unwrap_or(name)
}

/// Which `Listen*=` directive a socket came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListenKind {
    /// `ListenStream=` (SOCK_STREAM).
    Stream,
    /// `ListenDatagram=` (SOCK_DGRAM).
    Datagram,
    /// `ListenSequentialPacket=` (SOCK_SEQPACKET, Unix only).
    SequentialPacket,
    /// `ListenFIFO=`.
    Fifo,
}

impl ListenKind {
    /// The directive name (also `list-sockets`' TYPE column base).
    pub fn directive(self) -> &'static str {
        match self {
            ListenKind::Stream => "ListenStream",
            ListenKind::Datagram => "ListenDatagram",
            ListenKind::SequentialPacket => "ListenSequentialPacket",
            ListenKind::Fifo => "ListenFIFO",
        }
    }

    /// `list-sockets`' TYPE column: `Stream`, `Datagram`, `SequentialPacket`, `FIFO`.
    pub fn type_name(self) -> &'static str {
        match self {
            ListenKind::Stream => "Stream",
            ListenKind::Datagram => "Datagram",
            ListenKind::SequentialPacket => "SequentialPacket",
            ListenKind::Fifo => "FIFO",
        }
    }
}

/// Where a socket listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListenAddress {
    /// A file-system path (Unix socket or FIFO).
    Path(PathBuf),
    /// A Linux abstract-namespace Unix socket (`@name`; the name without the `@`).
    Abstract(String),
    /// An IP address and port (`127.0.0.1:8080`, `[::1]:8080`).
    Inet(std::net::SocketAddr),
    /// A bare port: all addresses, IPv6 dual-stack where available, else IPv4.
    Port(u16),
}

/// One `Listen*=` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenSpec {
    /// The directive.
    pub kind: ListenKind,
    /// The address.
    pub address: ListenAddress,
}

impl ListenSpec {
    /// The address as `list-sockets` prints it (`/run/…`, `@name`, `127.0.0.1:80`, `[::]:80`).
    pub fn display(&self) -> String {
        match &self.address {
            ListenAddress::Path(p) => p.display().to_string(),
            ListenAddress::Abstract(n) => format!("@{n}"),
            ListenAddress::Inet(a) => a.to_string(),
            ListenAddress::Port(p) => format!("[::]:{p}"),
        }
    }
}

/// `BindIPv6Only=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BindIpv6Only {
    /// The kernel's default.
    #[default]
    Default,
    /// Both families on an IPv6 socket.
    Both,
    /// IPv6 only.
    Ipv6Only,
}

/// `[Socket]`.
#[derive(Debug, Clone, PartialEq)]
pub struct SocketConfig {
    /// `ListenStream=`, `ListenDatagram=`, `ListenSequentialPacket=`, `ListenFIFO=`, in order.
    pub listen: Vec<ListenSpec>,
    /// `Accept=`: one service instance per connection.
    pub accept: bool,
    /// `SocketMode=` (default 0666).
    pub socket_mode: u32,
    /// `DirectoryMode=` (default 0755): for parent directories created.
    pub directory_mode: u32,
    /// `Backlog=` (default `u32::MAX`, as systemd 252: the kernel caps it at
    /// `net.core.somaxconn`; pass it to listen(2) saturated to `i32::MAX`).
    pub backlog: u32,
    /// `Service=`: the service to activate (default: same name; not with `Accept=yes`).
    pub service: Option<String>,
    /// `RemoveOnStop=`: unlink socket files and FIFOs when the socket stops.
    pub remove_on_stop: bool,
    /// `PassCredentials=` (SO_PASSCRED).
    pub pass_credentials: bool,
    /// `PassSecurity=` (SO_PASSSEC).
    pub pass_security: bool,
    /// `MaxConnections=` (Accept=yes only; default 64).
    pub max_connections: u32,
    /// `MaxConnectionsPerSource=` (Accept=yes only; default = MaxConnections).
    pub max_connections_per_source: Option<u32>,
    /// `TriggerLimitIntervalSec=` (default 2s).
    pub trigger_limit_interval: Usec,
    /// `TriggerLimitBurst=` (default 20, or 200 with `Accept=yes`); None = the default.
    pub trigger_limit_burst: Option<u32>,
    /// `FileDescriptorName=` (default: the unit name).
    pub file_descriptor_name: Option<String>,
    /// `BindIPv6Only=`.
    pub bind_ipv6_only: BindIpv6Only,
    /// `ReusePort=`.
    pub reuse_port: bool,
    /// `FreeBind=`.
    pub free_bind: bool,
    /// `Symlinks=`: symlinks to the socket path.
    pub symlinks: Vec<PathBuf>,
    /// `ReceiveBuffer=` / `SendBuffer=`.
    pub receive_buffer: Option<u64>,
    /// `SendBuffer=`.
    pub send_buffer: Option<u64>,
    /// `Priority=`: `SO_PRIORITY` of the sockets (None: left as the kernel makes it).
    pub priority: Option<i32>,
    /// `KeepAlive=`.
    pub keep_alive: bool,
    /// `NoDelay=`.
    pub no_delay: bool,
    /// `FlushPending=`.
    pub flush_pending: bool,
    /// `Writable=` (FIFOs).
    pub writable: bool,
    /// The socket's control processes and how they run, as a service's settings hold them:
    /// `ExecStartPre=`, `ExecStartPost=`, `ExecStopPre=` (in `exec_stop`), `ExecStopPost=`,
    /// `TimeoutSec=` (both timeouts), and the exec, kill and resource-control settings a
    /// socket shares with services (systemd.socket(5) "Options"). The manager spawns them
    /// exactly as it spawns a service's control processes.
    pub processes: ServiceConfig,
}

impl Default for SocketConfig {
    fn default() -> Self {
        SocketConfig {
            listen: Vec::new(),
            accept: false,
            socket_mode: 0o666,
            directory_mode: 0o755,
            backlog: u32::MAX,
            service: None,
            remove_on_stop: false,
            pass_credentials: false,
            pass_security: false,
            max_connections: 64,
            max_connections_per_source: None,
            trigger_limit_interval: 2_000_000,
            trigger_limit_burst: None,
            file_descriptor_name: None,
            bind_ipv6_only: BindIpv6Only::Default,
            reuse_port: false,
            free_bind: false,
            symlinks: Vec::new(),
            receive_buffer: None,
            send_buffer: None,
            priority: None,
            keep_alive: false,
            no_delay: false,
            flush_pending: false,
            writable: false,
            processes: ServiceConfig::default(),
        }
    }
}

impl SocketConfig {
    /// `TriggerLimitBurst=` as in effect.
    pub fn effective_trigger_burst(&self) -> u32 {
        self.trigger_limit_burst
            .unwrap_or(if self.accept { 200 } else { 20 })
    }

    /// The service this socket activates: `Service=`, else the socket's name with `.service`
    /// (`foo.socket` → `foo.service`); with `Accept=yes` the template named after the
    /// socket's prefix (`foo.socket`, `foo@x.socket` → `foo@.service`), whose instances are
    /// created per connection (`Service=` is refused at load then).
    pub fn target_service(&self, socket_id: &str) -> String {
        let stem = strip_suffix(socket_id, ".socket");
        if self.accept {
            let prefix = stem.split_once('@').map_or(stem, |(p, _)| p);
            return format!("{prefix}@.service");
        }
        match &self.service {
            Some(s) => s.clone(),
            None => format!("{stem}.service"),
        }
    }
}
