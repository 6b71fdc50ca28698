//! Where the login daemon keeps its things. Every path can be overridden (flags of
//! `linger daemon --system`), so tests run the real daemon in temp directories.

use std::path::PathBuf;
use std::time::Duration;

/// Everything `linger daemon --system` needs to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginConfig {
    /// The varlink socket (`/run/linger/login`, mode 0666).
    pub socket: PathBuf,
    /// The linger registry: one empty file per lingering user (`/var/lib/systemd/linger`).
    pub linger_dir: PathBuf,
    /// Holds `logind.conf` and `logind.conf.d/*.conf` (`/etc/linger`).
    pub config_dir: PathBuf,
    /// Parent of the users' runtime directories (`/run/user`).
    pub runtime_base: PathBuf,
    /// The daemon's own runtime state: the session counter and the notify socket
    /// (`/run/linger/state`).
    pub state_dir: PathBuf,
    /// The cgroup (a directory in a cgroup2 hierarchy) below which `linger.slice` is made;
    /// `None`: the daemon's own cgroup, as detected.
    pub cgroup_root: Option<PathBuf>,
    /// Do not use cgroups even where they work (driver `none`; for tests of that mode).
    pub no_cgroups: bool,
    /// The user manager's command line; the first word is the program.
    pub user_manager: Vec<String>,
    /// Start even where systemd is PID 1 (tests).
    pub ignore_systemd: bool,
    /// Mount a size-limited tmpfs on each runtime directory when running as root.
    pub runtime_tmpfs: bool,
    /// How long a user manager may take to say `READY=1`.
    pub ready_timeout: Duration,
    /// How long a user manager may take to exit after SIGTERM before its cgroup is killed.
    pub stop_timeout: Duration,
    /// The system's journal sockets to serve where nobody does (`None`: leave them alone).
    pub journal_sockets: Option<crate::JournalSockets>,
}

impl LoginConfig {
    /// `logind.conf`.
    pub fn conf_file(&self) -> PathBuf {
        self.config_dir.join("logind.conf")
    }

    /// `logind.conf.d`.
    pub fn conf_dropin_dir(&self) -> PathBuf {
        self.config_dir.join("logind.conf.d")
    }

    /// The directory of the datagram sockets user managers report `READY=1` on
    /// (`$NOTIFY_SOCKET`, one per manager start: `notify_in.rs`).
    pub fn notify_dir(&self) -> PathBuf {
        self.state_dir.join("notify")
    }
}

impl Default for LoginConfig {
    /// The system paths of DESIGN.md §2; the user manager is this very binary with
    /// `daemon --user`.
    fn default() -> Self {
        let exe = std::env::current_exe()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| "linger".into());
        LoginConfig {
            socket: PathBuf::from(linger_ipc::login::DEFAULT_SOCKET),
            linger_dir: PathBuf::from("/var/lib/systemd/linger"),
            config_dir: PathBuf::from("/etc/linger"),
            runtime_base: PathBuf::from("/run/user"),
            state_dir: PathBuf::from("/run/linger/state"),
            cgroup_root: None,
            no_cgroups: false,
            user_manager: vec![exe, "daemon".into(), "--user".into()],
            ignore_systemd: false,
            runtime_tmpfs: true,
            ready_timeout: Duration::from_secs(30),
            stop_timeout: Duration::from_secs(10),
            journal_sockets: Some(crate::JournalSockets::default()),
        }
    }
}
