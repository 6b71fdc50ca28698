//! The user's session bus: once there is one (its address in the manager's environment as
//! `DBUS_SESSION_BUS_ADDRESS`, or a socket at `$XDG_RUNTIME_DIR/bus` — Debian's `dbus.socket`
//! started by this manager — and, when the bus is this manager's own socket-activated one,
//! once its service runs, as systemd waits for it), the manager connects, owns `org.freedesktop.systemd1`, serves
//! the same API there, and is the bus's activator: dbus-daemon's `ActivationRequest` for a
//! service with `SystemdService=` starts that unit; if the start is refused or fails,
//! `ActivationFailure` tells the bus at once, so the waiting client gets an error instead of
//! a 25 s timeout. Well-known names coming and going (the bus driver's NameOwnerChanged, and
//! the names already there when the manager connects) go to the manager: `Type=dbus`
//! services are ready when their `BusName=` gets an owner.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use futures_lite::StreamExt;
use linger_ipc::manager::{Change, EnvironmentRequest, SubscribeRequest};
use linger_manager::{Answer, Call};
use linger_wire::{ActiveState, JobAction, JobResult};
use zbus::connection::Builder;
use zbus::message::Type as MessageType;

use crate::front::{Caller, Front, MANAGER};
use crate::signals::Listeners;

/// The bus driver's name (the only sender an `ActivationRequest` is taken from).
const DRIVER: &str = "org.freedesktop.DBus";
/// The name the manager owns on the bus.
pub const NAME: &str = "org.freedesktop.systemd1";
const ACTIVATOR: &str = "org.freedesktop.systemd1.Activator";

/// Watch for a session bus and serve it while there is one (runs until the manager exits).
pub async fn watch(front: Front, listeners: Listeners, runtime_dir: PathBuf) {
    let mut changes = front.requests.subscribe(SubscribeRequest::default());
    let mut connected: Option<tokio::task::JoinHandle<()>> = None;
    loop {
        let serving = connected.as_ref().is_some_and(|h| !h.is_finished());
        if !serving
            && let Some(address) = bus_address(&front, &runtime_dir).await
            && crate::dormant::may_connect(&front.requests, &address, &runtime_dir.join("bus"))
            && let Ok((conn, messages)) = connect(&address).await
        {
            connected = Some(tokio::task::spawn_local(serve(
                front.clone(),
                listeners.clone(),
                conn,
                messages,
            )));
        }
        // A bus appears when a unit (dbus.socket, dbus.service) comes up, or the environment
        // gets its address: look again after each such change.
        loop {
            match changes.recv().await {
                None => return,
                Some(Change::UnitChanged {
                    active: ActiveState::Active,
                    ..
                }) => break,
                Some(_) => {}
            }
        }
    }
}

/// Where the session bus is, if there is one.
async fn bus_address(front: &Front, runtime_dir: &std::path::Path) -> Option<String> {
    if let Ok(Answer::Environment(env)) = front
        .ask(Call::Environment(EnvironmentRequest::default()))
        .await
        && let Some(a) = env
            .iter()
            .find_map(|kv| kv.strip_prefix("DBUS_SESSION_BUS_ADDRESS="))
    {
        return Some(a.to_string());
    }
    use std::os::unix::fs::FileTypeExt;
    let socket = runtime_dir.join("bus");
    std::fs::metadata(&socket)
        .ok()
        .filter(|m| m.file_type().is_socket())
        .map(|_| format!("unix:path={}", socket.display()))
}

async fn connect(address: &str) -> zbus::Result<(zbus::Connection, zbus::MessageStream)> {
    let messages = Builder::address(address)?.build_message_stream().await?;
    let conn: zbus::Connection = (&messages).into();
    // NameOwnerChanged: subscribers that leave the bus, and (Type=dbus) names that appear.
    conn.call_method(
        Some(DRIVER),
        "/org/freedesktop/DBus",
        Some(DRIVER),
        "AddMatch",
        &"type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',member='NameOwnerChanged'",
    )
    .await?;
    // DBUS_NAME_FLAG_DO_NOT_QUEUE: if another manager has the name, it keeps it.
    let reply = conn
        .call_method(
            Some(DRIVER),
            "/org/freedesktop/DBus",
            Some(DRIVER),
            "RequestName",
            &(NAME, 4u32),
        )
        .await?;
    let code: u32 = reply.body().deserialize()?;
    if code != 1 && code != 4 {
        return Err(zbus::Error::NameTaken);
    }
    Ok((conn, messages))
}

/// Serve the bus connection until it closes.
async fn serve(
    front: Front,
    listeners: Listeners,
    conn: zbus::Connection,
    mut messages: zbus::MessageStream,
) {
    let subscribed = Arc::new(AtomicBool::new(false));
    let id = listeners.add(conn.clone(), subscribed.clone());
    let mut subscribers: HashSet<String> = HashSet::new();
    let activations = Activations::default();
    tokio::task::spawn_local(activations.clone().watch_jobs(front.clone(), conn.clone()));
    tokio::task::spawn_local(names_at_start(front.clone(), conn.clone()));
    // Names taken before we came (NameOwnerChanged is matched already: later changes queue up
    // behind this answer and are applied after it).
    if let Ok(reply) = conn
        .call_method(
            Some(DRIVER),
            "/org/freedesktop/DBus",
            Some(DRIVER),
            "ListNames",
            &(),
        )
        .await
        && let Ok(names) = reply.body().deserialize::<Vec<String>>()
    {
        for name in names.into_iter().filter(|n| is_service_name(n)) {
            let _ = front.ask(Call::BusName { name, owned: true }).await;
        }
    }
    while let Some(Ok(msg)) = messages.next().await {
        let hdr = msg.header();
        let sender = hdr.sender().map(|s| s.to_string()).unwrap_or_default();
        let member = hdr.member().map(|m| m.to_string()).unwrap_or_default();
        let iface = hdr.interface().map(|i| i.to_string()).unwrap_or_default();
        match msg.message_type() {
            MessageType::MethodCall => {
                if iface == MANAGER || iface.is_empty() {
                    match member.as_str() {
                        "Subscribe" => {
                            subscribers.insert(sender.clone());
                        }
                        "Unsubscribe" => {
                            subscribers.remove(&sender);
                        }
                        // `AddRef=yes` (systemd-run --wait): the client follows its unit's
                        // signals (systemd sends a unit's signals to those holding a
                        // reference; here they get the manager's signals until they leave).
                        "StartTransientUnit" if crate::refs::unit_with_ref(&msg).is_some() => {
                            subscribers.insert(sender.clone());
                        }
                        _ => {}
                    }
                    subscribed.store(!subscribers.is_empty(), Ordering::Relaxed);
                }
                let caller = Caller::Bus(&conn);
                // Units referenced by clients (RefUnit, `AddRef=yes`) stay until the client
                // leaves the bus (ref_calls.rs).
                let reply = crate::ref_calls::handle(&front, &sender, &msg, &caller);
                if let Some(reply) = reply.await {
                    let _ = conn.send(&reply).await;
                }
            }
            MessageType::Signal if sender == DRIVER || sender.is_empty() => {
                match (iface.as_str(), member.as_str()) {
                    (ACTIVATOR, "ActivationRequest") => {
                        if let Ok(unit) = msg.body().deserialize::<String>() {
                            activations.request(&front, &conn, unit).await;
                        }
                    }
                    (DRIVER, "NameOwnerChanged") => {
                        let Ok((name, old, new)) =
                            msg.body().deserialize::<(String, String, String)>()
                        else {
                            continue;
                        };
                        if new.is_empty() && subscribers.remove(&name) {
                            subscribed.store(!subscribers.is_empty(), Ordering::Relaxed);
                        }
                        if new.is_empty() {
                            front.refs.forget(&name);
                        }
                        // An owner handed over to another is still owned: only appearing and
                        // vanishing names matter.
                        if is_service_name(&name) && old.is_empty() != new.is_empty() {
                            let owned = !new.is_empty();
                            let _ = front.ask(Call::BusName { name, owned }).await;
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    listeners.remove(id);
}

/// `Type=dbus` services that start while their `BusName=` already has an owner are ready
/// at once (systemd asks the bus for the name's owner when it starts watching it): when such
/// a service becomes activating, ask the bus, and tell the manager if the name is held.
async fn names_at_start(front: Front, conn: zbus::Connection) {
    let mut changes = front.requests.subscribe(SubscribeRequest::default());
    while let Some(change) = changes.recv().await {
        let Change::UnitChanged {
            unit,
            active: ActiveState::Activating,
            ..
        } = change
        else {
            continue;
        };
        if conn.is_closed() {
            return;
        }
        if !unit.ends_with(".service") {
            continue;
        }
        // Never loads a unit (a collected one stays unloaded).
        let Ok(p) = front.unit_values(&unit, &["Type", "BusName"], true).await else {
            continue;
        };
        let p = p.strings;
        let name = match (p.get("Type"), p.get("BusName")) {
            (Some(t), Some(name)) if t == "dbus" && is_service_name(name) => name.clone(),
            _ => continue,
        };
        let owner = conn
            .call_method(
                Some(DRIVER),
                "/org/freedesktop/DBus",
                Some(DRIVER),
                "GetNameOwner",
                &name,
            )
            .await;
        if owner.is_ok() {
            let _ = front.ask(Call::BusName { name, owned: true }).await;
        }
    }
}

/// A well-known name a service could have as `BusName=` (not a connection's unique `:1.n`
/// name, not the bus's or our own).
fn is_service_name(name: &str) -> bool {
    !name.starts_with(':') && name != DRIVER && name != NAME
}

/// Start jobs queued for activation requests, by job id → unit.
#[derive(Debug, Clone, Default)]
struct Activations {
    pending: Arc<std::sync::Mutex<HashMap<u32, String>>>,
}

impl Activations {
    /// dbus-daemon wants `unit` started (a client is waiting for its name).
    async fn request(&self, front: &Front, conn: &zbus::Connection, unit: String) {
        match front.job(JobAction::Start, &unit, "replace").await {
            Ok(job) => {
                let id = job
                    .as_str()
                    .rsplit('/')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                if let Ok(mut p) = self.pending.lock() {
                    p.insert(id, unit);
                }
            }
            Err(e) => failure(conn, &unit, e.name, &e.message).await,
        }
    }

    /// Tell the bus about activation jobs that did not end well.
    async fn watch_jobs(self, front: Front, conn: zbus::Connection) {
        let mut changes = front.requests.subscribe(SubscribeRequest::default());
        while let Some(change) = changes.recv().await {
            let Change::JobRemoved {
                job, unit, result, ..
            } = change
            else {
                continue;
            };
            let Some(requested) = self.pending.lock().ok().and_then(|mut p| p.remove(&job)) else {
                continue;
            };
            if result != JobResult::Done {
                let message = format!("Unit {unit} failed to start: job {}.", result.as_str());
                failure(
                    &conn,
                    &requested,
                    "org.freedesktop.systemd1.JobFailed",
                    &message,
                )
                .await;
            }
            if conn.is_closed() {
                return;
            }
        }
    }
}

async fn failure(conn: &zbus::Connection, unit: &str, name: &str, message: &str) {
    let _ = conn
        .emit_signal(
            Some(DRIVER),
            crate::paths::MANAGER,
            ACTIVATOR,
            "ActivationFailure",
            &(unit, name, message),
        )
        .await;
}
