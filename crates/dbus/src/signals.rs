//! The manager's changes as D-Bus signals: `UnitNew`, `UnitRemoved`, `JobNew`, `JobRemoved`,
//! `Reloading`, `UnitFilesChanged`, `StartupFinished` on the manager object,
//! `PropertiesChanged` on unit objects, and on the manager object when `NFailedUnits` (the one
//! manager property systemd signals) changes. Sent to every connection on the private socket
//! (as systemd does) and on the bus when someone subscribed.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use linger_ipc::manager::{Change, SubscribeRequest};
use zbus::Connection;
use zbus::zvariant::Value;

use crate::front::{Front, MANAGER, unit_path};
use crate::paths;
use crate::props::{self, Emits, PropDict, object_path};

/// The connections signals go to.
#[derive(Debug, Clone, Default)]
pub struct Listeners {
    inner: Arc<Mutex<Vec<Listener>>>,
}

#[derive(Debug)]
struct Listener {
    id: u64,
    conn: Connection,
    /// Only while someone on it subscribed (the bus); always (private connections).
    subscribed: Arc<AtomicBool>,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl Listeners {
    /// Send signals to `conn` while `subscribed` is true; the id is for [`Listeners::remove`].
    pub fn add(&self, conn: Connection, subscribed: Arc<AtomicBool>) -> u64 {
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut v) = self.inner.lock() {
            v.push(Listener {
                id,
                conn,
                subscribed,
            });
        }
        id
    }

    /// Stop sending to the connection added as `id`.
    pub fn remove(&self, id: u64) {
        if let Ok(mut v) = self.inner.lock() {
            v.retain(|l| l.id != id);
        }
    }

    fn targets(&self) -> Vec<Connection> {
        self.inner
            .lock()
            .map(|v| {
                v.iter()
                    .filter(|l| l.subscribed.load(Ordering::Relaxed))
                    .map(|l| l.conn.clone())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Forward the manager's changes as signals until the manager goes away.
pub async fn forward(front: Front, listeners: Listeners) {
    let mut changes = front.requests.subscribe(SubscribeRequest::default());
    let mut failed = n_failed_units(&front).await;
    while let Some(change) = changes.recv().await {
        let targets = listeners.targets();
        if targets.is_empty() {
            continue;
        }
        let mut signals = signals_for(&front, &change).await;
        if matches!(
            change,
            Change::UnitChanged { .. } | Change::UnitRemoved { .. }
        ) {
            let now = n_failed_units(&front).await;
            if now != failed
                && let Some(n) = now
            {
                let dict = PropDict(vec![("NFailedUnits", Value::U32(n))]);
                signals.push((
                    paths::MANAGER.to_string(),
                    "org.freedesktop.DBus.Properties",
                    "PropertiesChanged",
                    Body::PropertiesChanged(MANAGER.to_string(), dict, Vec::new()),
                ));
            }
            failed = now;
        }
        for (path, iface, member, body) in signals {
            for conn in &targets {
                let _ = send(conn, &path, iface, member, &body).await;
            }
        }
    }
}

/// The manager's `NFailedUnits` (None if it did not answer).
async fn n_failed_units(front: &Front) -> Option<u32> {
    match front.ask(linger_manager::Call::Manager).await {
        Ok(linger_manager::Answer::Manager(m)) => m.strings.get("NFailedUnits")?.parse().ok(),
        _ => None,
    }
}

/// A signal's body.
enum Body {
    UnitNew(String, zbus::zvariant::ObjectPath<'static>),
    JobNew(u32, zbus::zvariant::ObjectPath<'static>, String),
    JobRemoved(u32, zbus::zvariant::ObjectPath<'static>, String, String),
    PropertiesChanged(String, PropDict<'static>, Vec<String>),
    Reloading(bool),
    StartupFinished([u64; 6]),
    Empty,
}

async fn send(
    conn: &Connection,
    path: &str,
    iface: &str,
    member: &str,
    body: &Body,
) -> zbus::Result<()> {
    match body {
        Body::UnitNew(a, b) => {
            conn.emit_signal(None::<&str>, path, iface, member, &(a, b))
                .await
        }
        Body::JobNew(a, b, c) => {
            conn.emit_signal(None::<&str>, path, iface, member, &(a, b, c))
                .await
        }
        Body::JobRemoved(a, b, c, d) => {
            conn.emit_signal(None::<&str>, path, iface, member, &(a, b, c, d))
                .await
        }
        Body::PropertiesChanged(a, b, c) => {
            conn.emit_signal(None::<&str>, path, iface, member, &(a, b, c))
                .await
        }
        Body::Reloading(active) => {
            conn.emit_signal(None::<&str>, path, iface, member, &(active,))
                .await
        }
        Body::StartupFinished([a, b, c, d, e, f]) => {
            conn.emit_signal(None::<&str>, path, iface, member, &(a, b, c, d, e, f))
                .await
        }
        Body::Empty => {
            conn.emit_signal(None::<&str>, path, iface, member, &())
                .await
        }
    }
}

async fn signals_for(
    front: &Front,
    change: &Change,
) -> Vec<(String, &'static str, &'static str, Body)> {
    let m = paths::MANAGER.to_string();
    match change {
        Change::UnitNew { unit } => vec![(
            m,
            MANAGER,
            "UnitNew",
            Body::UnitNew(unit.clone(), unit_path(unit)),
        )],
        Change::UnitRemoved { unit } => {
            vec![(
                m,
                MANAGER,
                "UnitRemoved",
                Body::UnitNew(unit.clone(), unit_path(unit)),
            )]
        }
        Change::JobNew { job, unit, .. } => vec![(
            m,
            MANAGER,
            "JobNew",
            Body::JobNew(*job, object_path(paths::job(*job)), unit.clone()),
        )],
        Change::JobRemoved {
            job, unit, result, ..
        } => vec![(
            m,
            MANAGER,
            "JobRemoved",
            Body::JobRemoved(
                *job,
                object_path(paths::job(*job)),
                unit.clone(),
                result.as_str().to_string(),
            ),
        )],
        Change::UnitChanged { unit, .. } => properties_changed(front, unit).await,
        Change::Reloading { active } => vec![(m, MANAGER, "Reloading", Body::Reloading(*active))],
        Change::UnitFilesChanged => vec![(m, MANAGER, "UnitFilesChanged", Body::Empty)],
        // A user manager has no firmware, loader, kernel or initrd times: all is userspace.
        Change::StartupFinished { userspace_usec } => vec![(
            m,
            MANAGER,
            "StartupFinished",
            Body::StartupFinished([0, 0, 0, 0, *userspace_usec, *userspace_usec]),
        )],
    }
}

/// `PropertiesChanged` for each interface of `unit` (its type's, then `Unit`): the values of
/// the properties that signal changes, the names of those that are only invalidated.
async fn properties_changed(
    front: &Front,
    unit: &str,
) -> Vec<(String, &'static str, &'static str, Body)> {
    // A unit collected meanwhile is not loaded again to tell of it (its UnitRemoved says).
    let Ok(values) = front.unit_values(unit, &[], true).await else {
        return Vec::new();
    };
    let path = paths::unit(unit);
    props::interfaces_of(unit)
        .into_iter()
        .filter(|i| i.props().next().is_some())
        .map(|i| {
            let changed: Vec<(&'static str, Value<'static>)> = i
                .props()
                .filter(|p| p.emits == Emits::Changes)
                .map(|p| (p.name, props::unit_value(p, &values)))
                .collect();
            let invalidated = i
                .props()
                .filter(|p| p.emits == Emits::Invalidates)
                .map(|p| p.name.to_string())
                .collect();
            (
                path.clone(),
                "org.freedesktop.DBus.Properties",
                "PropertiesChanged",
                Body::PropertiesChanged(i.name.to_string(), PropDict(changed), invalidated),
            )
        })
        .collect()
}
