//! The cgroup controllers linger uses.

use std::fmt;

/// A controller that backs one of linger's resource directives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Controller {
    /// `memory`: `MemoryMax=`, `MemoryHigh=`, `MemoryLow=`, `MemorySwapMax=`.
    Memory,
    /// `pids`: `TasksMax=`.
    Pids,
    /// `cpu`: `CPUQuota=`, `CPUWeight=`.
    Cpu,
    /// `io` (v2 only; v1 `blkio` weights are not used): `IOWeight=`.
    Io,
}

impl Controller {
    /// Every controller, in the order they are enabled.
    pub const ALL: [Controller; 4] = [
        Controller::Memory,
        Controller::Pids,
        Controller::Cpu,
        Controller::Io,
    ];

    /// The name in cgroup v2 files (`cgroup.controllers`, `cgroup.subtree_control`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Controller::Memory => "memory",
            Controller::Pids => "pids",
            Controller::Cpu => "cpu",
            Controller::Io => "io",
        }
    }

    /// The controller for a v2 name, if linger uses it.
    #[must_use]
    pub fn from_v2_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The v1 hierarchy mount option that carries this controller, if linger uses it on v1.
    #[must_use]
    pub fn v1_name(self) -> Option<&'static str> {
        match self {
            Controller::Memory => Some("memory"),
            Controller::Pids => Some("pids"),
            Controller::Cpu => Some("cpu"),
            // v1 blkio has no io.weight equivalent on current kernels (no CFQ): not used.
            Controller::Io => None,
        }
    }
}

impl fmt::Display for Controller {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
