//! The front end costs nothing until it is used: the private socket is bound (and kept across
//! `daemon-reexec`) from the start, so `systemctl --user` finds it, but no D-Bus code runs —
//! no connection set up, no task of zbus's, no subscription to the manager's changes (one
//! makes every turn of the manager's loop track all units), no introspection data — until
//! the first client connects there, or a session bus is there: `DBUS_SESSION_BUS_ADDRESS` in
//! the manager's environment at start, or the bus's service (`dbus.service`, or
//! `dbus-broker.service`) running, as systemd's user manager connects to the bus once its
//! service runs. This module uses no zbus: until [`until_used`] returns, none of its code
//! pages is touched.
//!
//! A bus that appears later without a unit of this manager (an address set with linger's own
//! `set-environment`) is served from the first private connection on (systemd's own
//! `systemctl --user set-environment` is one: Debian's `dbus.socket` runs it).

use linger_ipc::manager::EnvironmentRequest;
use linger_manager::{Answer, Call, Requests};

/// The units whose running means a session bus is there.
const BUS_SERVICES: [&str; 2] = ["dbus.service", "dbus-broker.service"];

/// Why the front end woke.
#[derive(Debug)]
pub enum Wake {
    /// A client connected to the private socket (served first).
    Client(tokio::net::UnixStream),
    /// There is a session bus.
    Bus,
    /// The manager went away.
    Gone,
}

/// Wait until the front end is needed.
pub async fn until_used(requests: &Requests, listener: &tokio::net::UnixListener) -> Wake {
    let mut changes = requests.state_changes();
    if bus_in_environment(requests).await {
        return Wake::Bus;
    }
    loop {
        if bus_service_runs(requests) {
            return Wake::Bus;
        }
        tokio::select! {
            accepted = listener.accept() => {
                if let Ok((stream, _)) = accepted {
                    return Wake::Client(stream);
                }
            }
            changed = changes.changed() => {
                if changed.is_err() {
                    return Wake::Gone;
                }
            }
        }
    }
}

/// Whether the bus's service (`dbus.service`, `dbus-broker.service`) of this manager runs.
pub(crate) fn bus_service_runs(requests: &Requests) -> bool {
    BUS_SERVICES.iter().any(|u| {
        requests
            .unit_state(u)
            .is_some_and(|s| s.active == "active" || s.active == "reloading")
    })
}

/// Whether the manager may connect to the bus at `address` now. Not while this manager's
/// bus socket (`dbus.socket`, at `bus_socket`) listens with the bus's service not running:
/// connecting would start the bus for nothing but the manager itself. systemd's user manager
/// waits for the service too, and connects once it runs (a client's first call starts it; a
/// D-Bus activation asked for before the manager is on the bus waits in dbus-daemon for it).
/// A bus elsewhere, or not started by a unit of this manager, is connected to at once.
pub(crate) fn may_connect(
    requests: &Requests,
    address: &str,
    bus_socket: &std::path::Path,
) -> bool {
    if bus_service_runs(requests) {
        return true;
    }
    let ours = address
        .strip_prefix("unix:path=")
        .is_some_and(|p| std::path::Path::new(p) == bus_socket);
    // Listening from its bind on: also while its ExecStartPost= (Debian's puts the address
    // in the environment) runs.
    let listening = requests
        .unit_state("dbus.socket")
        .is_some_and(|s| matches!(s.active, "active" | "activating" | "reloading"));
    !(ours && listening)
}

async fn bus_in_environment(requests: &Requests) -> bool {
    match requests
        .call(Call::Environment(EnvironmentRequest::default()))
        .await
    {
        Ok(Answer::Environment(env)) => env
            .iter()
            .any(|kv| kv.starts_with("DBUS_SESSION_BUS_ADDRESS=")),
        _ => false,
    }
}
