//! linger-dbus: the user manager's D-Bus front end — systemd's `org.freedesktop.systemd1`
//! API, so systemd's own clients (`systemctl --user`, `systemd-run --user`, `busctl --user`)
//! and the many tools built on that API work with linger.
//!
//! It is a front end like the varlink server: it holds no manager state, and talks to the
//! manager only through [`linger_manager::Requests`] (typed calls, and a stream of changes it
//! turns into signals).
//!
//! ```text
//!  $XDG_RUNTIME_DIR/systemd/private ─┐  (peer-to-peer, owner only)
//!                                    ├─ dispatch ─ Requests::call ─▶ the manager's event loop
//!  session bus (when there is one) ──┘  │   ▲
//!                                       │  signals ◀─ Requests::subscribe
//!                                       └─ fast.rs: unit states the manager published
//!                                          (Requests::unit_state), without a turn of the loop
//! ```
//!
//! Until the first client connects to the private socket or a session bus is there, only the
//! bound socket and one waiting task exist (dormant.rs): no D-Bus code runs.
//!
//! Start it from the manager's thread: `linger_manager::run_with(config, log, |requests, sockets|
//! linger_dbus::start(requests, runtime_dir, sockets))`.
#![forbid(unsafe_code)]

mod attach;
mod bus;
mod dispatch;
mod dormant;
mod dump;
mod errors;
mod fast;
mod front;
mod introspect;
mod manager_calls;
mod manager_methods;
mod manager_rest;
pub mod members;
pub mod paths;
mod private;
pub mod props;
mod read_ahead;
mod ref_calls;
mod refs;
mod signals;
mod transient;
mod unit_patterns;
#[doc(hidden)] // public for the fuzz target `dbus_wire` only
pub mod wire;

pub use errors::BusError;
pub use private::socket_path;

use std::path::PathBuf;

use linger_manager::{FrontSockets, Requests};

/// Serve the systemd1 API for the manager behind `requests` (on the current thread's
/// `LocalSet`): on `runtime_dir/systemd/private` from now on (bound before this returns), and
/// on the session bus as `org.freedesktop.systemd1` whenever there is one. The private
/// socket is the previous image's after a `daemon-reexec` (clients connecting meanwhile were
/// queued, not refused), and is kept for the next one. Nothing else runs until the front end
/// is used (dormant.rs): the first client on the private socket, or a session bus.
///
/// # Errors
/// The private socket could not be bound; the manager goes on without D-Bus (its own CLI
/// speaks varlink).
pub fn start(
    requests: Requests,
    runtime_dir: PathBuf,
    sockets: &mut FrontSockets,
) -> std::io::Result<()> {
    const KEPT_AS: &str = "dbus-private";
    let listener = match sockets.take_inherited(KEPT_AS) {
        Some(fd) => {
            let listener = std::os::unix::net::UnixListener::from(fd);
            listener.set_nonblocking(true)?;
            tokio::net::UnixListener::from_std(listener)?
        }
        None => private::bind(&runtime_dir)?,
    };
    {
        use std::os::fd::AsFd;
        sockets.keep(KEPT_AS, listener.as_fd().try_clone_to_owned()?);
    }
    tokio::task::spawn_local(async move {
        let first = match dormant::until_used(&requests, &listener).await {
            dormant::Wake::Gone => return,
            dormant::Wake::Bus => None,
            dormant::Wake::Client(stream) => Some(stream),
        };
        serve(requests, runtime_dir, listener, first);
    });
    Ok(())
}

/// The front end at work: signals, the private socket's clients (`first` already accepted),
/// the session bus.
fn serve(
    requests: Requests,
    runtime_dir: PathBuf,
    listener: tokio::net::UnixListener,
    first: Option<tokio::net::UnixStream>,
) {
    let front = front::Front {
        refs: refs::Registry::new(requests.clone()),
        requests,
        runtime_dir: runtime_dir.clone(),
    };
    let listeners = signals::Listeners::default();
    tokio::task::spawn_local(signals::forward(front.clone(), listeners.clone()));
    tokio::task::spawn_local(private::serve(
        front.clone(),
        listeners.clone(),
        listener,
        first,
    ));
    tokio::task::spawn_local(bus::watch(front, listeners, runtime_dir));
}
