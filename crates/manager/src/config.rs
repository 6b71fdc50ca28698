//! Where the manager lives: the user, their directories, and the sockets.

use std::path::PathBuf;

/// The user the manager runs for (the unit crate's account record: `%u`, `%h`, … use it too).
pub use linger_unit::specifier::UserInfo;

/// Everything the manager needs to start; every path can be overridden (tests use temp dirs).
#[derive(Debug, Clone)]
pub struct ManagerConfig {
    /// The user.
    pub user: UserInfo,
    /// `$XDG_RUNTIME_DIR` (`/run/user/UID`).
    pub runtime_dir: PathBuf,
    /// `$XDG_CONFIG_HOME` (`~/.config`).
    pub config_home: PathBuf,
    /// `$XDG_STATE_HOME` (`~/.local/state`).
    pub state_home: PathBuf,
    /// `$XDG_CACHE_HOME` (`~/.cache`).
    pub cache_home: PathBuf,
    /// `$XDG_DATA_HOME` (`~/.local/share`).
    pub data_home: PathBuf,
    /// Extra unit directories searched before the defaults (tests, `--unit-path`).
    pub extra_unit_dirs: Vec<PathBuf>,
    /// Whether to search the system-wide user unit directories (/etc/systemd/user, /usr/lib/…).
    pub system_unit_dirs: bool,
    /// The unit started at startup (`default.target`).
    pub default_unit: String,
    /// Environment passed to every service (PATH, HOME, … plus set-environment).
    pub environment: Vec<(String, String)>,
    /// The manager binary, for daemon-reexec.
    pub exe: PathBuf,
    /// The arguments it was started with (re-used by daemon-reexec).
    pub args: Vec<String>,
    /// State handed over by a previous image of this manager (`--deserialize`).
    pub reexec_state: Option<PathBuf>,
    /// Use per-unit cgroups when the manager runs in a cgroup delegated to it.
    pub cgroups: bool,
}

impl ManagerConfig {
    /// `$XDG_RUNTIME_DIR/linger`: sockets and runtime state.
    pub fn linger_runtime(&self) -> PathBuf {
        self.runtime_dir.join("linger")
    }

    /// The control socket (`$XDG_RUNTIME_DIR/linger/manager`).
    pub fn socket_path(&self) -> PathBuf {
        self.linger_runtime().join("manager")
    }

    /// The user's journal (`$XDG_STATE_HOME/linger/journal`).
    pub fn journal_dir(&self) -> PathBuf {
        self.state_home.join("linger/journal")
    }

    /// The journald.conf-like settings file (`$XDG_CONFIG_HOME/linger/journald.conf`).
    pub fn journal_conf(&self) -> PathBuf {
        self.config_home.join("linger/journald.conf")
    }

    /// The sd_notify socket.
    pub fn notify_path(&self) -> PathBuf {
        self.linger_runtime().join("notify")
    }
}
