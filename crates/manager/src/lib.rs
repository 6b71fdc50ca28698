//! linger-manager: the user service manager (`linger daemon --user`, ≙ `systemd --user`).
//!
//! The event loop (`run.rs`) owns one [`Manager`](manager::Manager) value — the pure
//! [`linger_engine::Engine`] with its host, timers, pipes, the crash-recovery log — and is the
//! only code that changes it: every source (SIGCHLD, the control socket's requests, sd_notify
//! datagrams, output pipes, pidfds, cgroup events, socket readiness, timers, clock changes)
//! becomes an [`Event`](event::Event) handed to `Manager::handle`; each turn ends with the
//! turn's changes written down for crash recovery and told to subscribers. Front ends (the
//! varlink server here, D-Bus beside it) submit typed [`Call`]s through [`Requests`] and
//! subscribe to [`Change`](linger_ipc::manager::Change)s; see [`run_with`].
#![forbid(unsafe_code)]

mod api;
mod bus_names;
mod call;
mod calls;
mod cgroups;
mod changes;
mod clock;
mod collect;
mod config;
mod control;
mod control_call;
mod engine_error;
mod event;
mod exec_settings;
mod freezer;
mod front_sockets;
mod frozen;
mod generators;
mod handle;
mod host;
mod host_log;
mod install_cache;
mod install_states;
mod job_waits;
mod journal_stream;
pub mod keeper;
mod logs;
mod manager;
mod need_reload;
mod pipe_peek;
mod pipes;
pub mod preset;
mod props;
mod props_activation;
mod props_exec;
mod props_format;
mod props_settings;
mod published;
mod readiness;
mod recent_exits;
mod recovery;
mod recovery_log;
mod reexec;
mod resources;
mod run;
mod sandbox;
mod scope;
mod server;
mod set_property;
mod signals;
mod socket_events;
mod sockets;
mod source;
mod startup;
mod timer_host;
mod tracker;
mod unit_messages;
mod unit_of_pid;
mod watcher;

pub use api::{Answer, Call, ReplyTo, Requests, SUBSCRIBER_BACKLOG};
pub use calls::install_reply;
pub use config::{ManagerConfig, UserInfo};
pub use control_call::{Control, level_name};
pub use front_sockets::FrontSockets;
pub use host::check_condition;
pub use props_format::Props;
pub use published::{PublishedStates, UnitState};
pub use recovery::read_log as read_recovery_log;
pub use run::{run, run_with};
pub use scope::attach_through_login_daemon;
pub use source::load_context;
