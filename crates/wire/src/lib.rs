//! linger-wire: the vocabulary every side of linger's user manager speaks.
//!
//! Each enum here crosses a boundary — the varlink socket between the CLI and the manager,
//! the manager's request channel (which the D-Bus front end uses too), state files — and has
//! exactly one canonical string: what `systemctl` prints and accepts. The engine uses these
//! types for its own state, the IPC structs carry them as fields, and the CLI matches on them,
//! so no side parses another's strings by hand. Serialization goes through the same table as
//! `as_str`/`parse` (`names!`), which the round-trip tests check for every variant.
//!
//! ```
//! use linger_wire::{JobMode, Signal};
//! assert_eq!(JobMode::parse("ignore-dependencies"), Some(JobMode::IgnoreDependencies));
//! assert_eq!(Signal::parse("SIGTERM").map(Signal::number), Some(15));
//! assert_eq!(serde_json::to_string(&JobMode::Fail).unwrap(), "\"fail\"");
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[macro_use]
mod names;
mod cgroup_name;
mod job;
mod signal;
mod state;

pub use cgroup_name::{CONTROLLERS, cgroup_escape};
pub use job::{JobAction, JobMode, JobResult, JobType, KillWhom};
pub use signal::Signal;
pub use state::{ActiveState, LoadState, ServiceResult, SubState};

/// A string that names none of an enum's values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// What kind of value was expected (`job mode`).
    pub what: &'static str,
    /// What was given.
    pub given: String,
    /// Every accepted name.
    pub expected: Vec<&'static str>,
}

impl std::fmt::Display for UnknownName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "invalid {} '{}' (expected one of: {})",
            self.what,
            self.given,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownName {}
