//! linger-cgroup: one cgroup per unit, so that "is the unit still running" and "stop it" are
//! answered by the kernel — `nohup`, `setsid`, double forks and `daemon()` cannot escape — and
//! so that `MemoryMax=`, `TasksMax=`, `CPUQuota=` and friends can be enforced.
//!
//! Three drivers ([`detect`]): **unified** (cgroup v2 with controllers), **hybrid** (v2 for
//! tracking, v1 controller hierarchies for limits) and **none** (no writable cgroup: the
//! manager falls back to process groups and the subreaper, and refuses resource directives
//! with an error naming them). All logic runs against the [`CgroupFs`] trait: [`RealFs`] on
//! the machine, [`MemFs`] (kernel semantics in memory) in tests.
//!
//! ```
//! use linger_cgroup::{CgroupSetup, Controller, DriverKind, MemFs, UnitCgroups};
//! use std::path::PathBuf;
//! let fs = MemFs::default();
//! fs.add_v2_hierarchy("/cg", &["memory", "pids", "cpu"]);
//! fs.mkdir_all("/cg/user@1000.service");
//! let setup = CgroupSetup { unified: PathBuf::from("/cg/user@1000.service"),
//!                           unified_controllers: vec![Controller::Memory], v1: vec![] };
//! let mut cg = UnitCgroups::with_setup(&fs, DriverKind::Unified, setup).unwrap();
//! cg.adopt_root().unwrap();                       // manager into init.scope, controllers on
//! let dir = cg.create("web.service", None).unwrap();
//! assert_eq!(dir, PathBuf::from("/cg/user@1000.service/app.slice/web.service"));
//! fs.spawn(42, &["/cg/user@1000.service/app.slice/web.service"]);
//! assert!(cg.watch("web.service").unwrap());      // populated now
//! cg.kill("web.service", 9).unwrap();             // cgroup.kill
//! assert_eq!(cg.drain_events().unwrap(), ["web.service"]);
//! cg.remove("web.service").unwrap();
//! ```
//!
//! The event loop polls [`UnitCgroups::watch_fd`] (inotify on `cgroup.events`) and calls
//! [`UnitCgroups::drain_events`]; a child joins its unit by writing `0` into each fd of
//! [`UnitCgroups::join_fds`] between `fork` and `exec`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod apply;
mod controller;
mod detect;
mod error;
mod freezer;
mod fs;
mod kill;
mod layout;
mod plan;
mod resource;
mod stats;
mod units;
mod v1_delegation;
mod watch;

pub use controller::Controller;
pub use detect::{
    CgroupSetup, DetectProbe, Driver, DriverKind, SystemProbe, V1Root, detect, detect_from,
    unescape_mountinfo, unified_mount_point,
};
pub use error::{CgroupError, FsOp, Result};
pub use freezer::{FreezerState, freezer_state_at};
pub use fs::{CgroupFs, Created, MemFs, MemKernel, Pinned, RealFs};
pub use kill::{KillMethod, KillReport};
pub use layout::{DEFAULT_SLICE, INIT_SCOPE, escape, slice_path, unit_path};
pub use plan::{ApplyMode, Availability, FileWrite, Location, Plan, SystemInfo, Target, plan};
pub use resource::{
    CpuWeight, Directive, MemoryValue, ResourceError, ResourceLimits, TasksValue, parse_permyriad,
    parse_size,
};
pub use stats::{MemoryEvents, UnitStats, stat_value};
pub use units::{NewCgroup, OldCgroup, UnitCgroups};
pub use v1_delegation::V1Delegation;
