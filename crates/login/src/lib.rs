//! linger-login: the login daemon, `linger daemon --system` (≙ systemd-logind plus the part of
//! PID 1 that runs `user@UID.service`).
//!
//! It tracks the sessions the PAM module registers (one cgroup `session-N.scope` each),
//! applies the logout policy of `logind.conf` (`KillUserProcesses=`, `UserStopDelaySec=`,
//! `RemoveIPC=`, …), keeps the linger registry, creates `/run/user/UID`, and runs one user
//! manager (`linger daemon --user`) per user while the user has a session or lingers — as that
//! user, in a delegated cgroup `user@UID.service`, restarted with back-off if it crashes.
//! Clients speak `io.linger.Login` (see `linger_ipc::login`) on `/run/linger/login`.
//!
//! One current-thread event loop owns all state ([`run`]); pure tables decide
//! (`sessions::step`, `users::step`/`users::reconcile`, `auth::allowed`, `Policy::shall_kill`)
//! and the state performs their effects. The daemon trusts nobody and never waits on what a
//! user controls: requests are bounded in size and time and served one at a time per user
//! (`server.rs`), long work (walking a user's cgroups, removing their files) runs on workers
//! queued per uid (`jobs.rs`), every process it may signal is held by a pidfd
//! (`process.rs`), and sessions are recorded under the state directory so that a restarted
//! daemon takes them back (`persist.rs`).
//!
//! ```no_run
//! let config = linger_login::LoginConfig {
//!     socket: "/tmp/login.sock".into(),
//!     ..linger_login::LoginConfig::default()
//! };
//! let _exit = linger_login::run(config);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod adopt;
pub mod auth;
mod cgwalk;
mod config;
mod conns;
pub mod escape;
mod jobs;
mod journal_route;
mod lag;
pub mod limits;
mod log;
mod notify_in;
mod persist;
mod pid1;
pub mod policy;
mod process;
pub mod procscan;
mod props;
pub mod registry;
pub mod request;
mod run;
pub mod runtime;
mod server;
mod session_ops;
pub mod sessions;
mod spawn;
mod state;
#[cfg(debug_assertions)]
mod test_hooks;
mod tracker;

pub use tracker::{USER_CGROUP_DEPTH_MAX, USER_CGROUPS_MAX};
pub mod userdb;
pub mod users;

pub use config::LoginConfig;
pub use journal_route::JournalSockets;
pub use pid1::SHUTDOWN_TIMEOUT;
pub use run::run;
