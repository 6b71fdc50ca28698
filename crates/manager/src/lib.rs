//! linger-manager: the user service manager (`linger daemon --user`, ≙ `systemd --user`).
//!
//! One current-thread event loop owns all runtime state ([`state::State`], which owns the
//! pure [`linger_engine::Engine`]). It waits on real events only: SIGCHLD (then reaps every
//! child, orphans included, as a child subreaper), client connections on the varlink socket,
//! sd_notify datagrams, service output pipes, and the earliest engine timer.
#![forbid(unsafe_code)]

mod cgroups;
mod clock;
mod config;
mod exec_settings;
mod host;
pub mod keeper;
mod logs;
mod props;
mod props_activation;
mod recovery;
mod reexec;
mod resources;
mod run;
mod scope;
mod server;
mod set_property;
mod socket_events;
mod sockets;
mod source;
mod state;
mod timer_support;
mod tracker;
mod watcher;

pub use config::{ManagerConfig, UserInfo};
pub use run::run;
pub use source::load_context;
