//! linger-exec: start a service's process exactly as configured, and say precisely which
//! step failed when it cannot (`status=200/CHDIR`, `203/EXEC`, …), as systemd does.
//!
//! Between `fork` and `execve` the child runs only async-signal-safe system calls on data
//! prepared before the fork (no allocation, no locks); that code is the crate's `unsafe`
//! module [`sys`] (besides one ioctl in [`pidfd`], and one madvise and one malloc_trim in [`memory`]). Everything else here is safe and testable.
//!
//! ```no_run
//! use linger_exec::{ExecSpec, spawn};
//! let spec = ExecSpec::new("/bin/true", &["true"]).unwrap();
//! let child = spawn(spec).unwrap();
//! assert!(child.failure.is_none());
//! ```
#![deny(unsafe_code)]

pub mod dirs;
mod env;
pub mod environment_d;
pub mod limits;
#[allow(unsafe_code)]
pub mod memory;
#[allow(unsafe_code)]
pub mod pidfd;
mod report;
pub mod seccomp;
mod spawner;
mod spec;
#[allow(unsafe_code)]
mod sys;

pub use env::{Environment, is_valid_name, parse_environment_file, read_environment_file};
pub use report::ExecReports;
pub use spawner::{LONG_LIVED_FDS_FROM, Spawner, long_lived_fd};
pub use spec::{Credentials, ExecSpec, Namespace, Rlimit, SpecError, Stage};
pub use sys::{
    CloneArgs, SpawnError, Spawned, adopt_inherited_fd, keep_across_exec, read_status, set_cloexec,
    spawn, spawn_nowait, spawn_reporting,
};
