//! Units clients keep loaded: `RefUnit`/`Unit.Ref` (and `StartTransientUnit` with
//! `AddRef=yes`) until `UnrefUnit`/`Unit.Unref` or until the client goes (its private
//! connection closes, or it leaves the bus). One registry for every connection ([`Registry`],
//! held by the front end): the unit's `Refs` property lists the clients holding a reference,
//! a name once per reference as systemd lists them. A reference is a subscription naming the
//! unit — the manager does not unload a collected unit someone follows (crates/manager
//! collect.rs) — drained on a task of its own so that a busy unit never fills it.
//!
//! A client is its unique name on the bus; on the private socket, where messages carry no
//! sender, it is the connection (`private-connection-N`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use linger_ipc::manager::SubscribeRequest;
use linger_manager::Requests;
use zbus::message::{Header, Message};

use crate::errors::BusError;
use crate::members::MANAGER;
use crate::paths::Object;

/// One reference: dropping it ends the subscription.
#[derive(Debug)]
struct Pin {
    unit: String,
    _stop: tokio::sync::oneshot::Sender<()>,
}

/// Every client's references, in the order taken, and the manager they pin units in.
#[derive(Debug, Clone)]
pub struct Registry {
    requests: Requests,
    pins: Arc<Mutex<HashMap<String, Vec<Pin>>>>,
}

/// What a call does to references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefCall {
    /// Take one on the unit.
    Ref(String),
    /// Drop one from the unit.
    Unref(String),
}

impl RefCall {
    /// The reference change `msg` asks for, if it is such a call (the unit as named in it:
    /// the manager's answer tells whether it exists).
    pub fn of(msg: &Message, hdr: &Header<'_>) -> Option<RefCall> {
        let member = hdr.member()?.as_str();
        let iface = hdr.interface().map(|i| i.as_str()).unwrap_or("");
        let path = hdr.path().map(|p| p.as_str()).unwrap_or("");
        let unit = |from_body: bool| -> Option<String> {
            if from_body {
                msg.body().deserialize::<String>().ok()
            } else {
                match Object::at(path)? {
                    Object::Unit(name) => Some(name),
                    _ => None,
                }
            }
        };
        let on_manager = matches!(iface, MANAGER | "") && path == "/org/freedesktop/systemd1";
        let on_unit = matches!(iface, "org.freedesktop.systemd1.Unit" | "");
        match member {
            "RefUnit" if on_manager => unit(true).map(RefCall::Ref),
            "UnrefUnit" if on_manager => unit(true).map(RefCall::Unref),
            "Ref" if on_unit => unit(false).map(RefCall::Ref),
            "Unref" if on_unit => unit(false).map(RefCall::Unref),
            "StartTransientUnit" if on_manager => unit_with_ref(msg).map(RefCall::Ref),
            _ => None,
        }
    }
}

impl Registry {
    /// No references yet, on the manager behind `requests`.
    pub fn new(requests: Requests) -> Registry {
        Registry {
            requests,
            pins: Arc::default(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Vec<Pin>>> {
        // A panic while holding it left nothing half-done that matters: go on.
        self.pins
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Before the call is answered: a reference is taken at once (a transient unit may end
    /// and be collected before the answer goes out).
    pub fn before(&self, client: &str, call: &RefCall) {
        if let RefCall::Ref(unit) = call {
            self.pin(client, unit.clone());
        }
    }

    /// Once the manager answered (`ok`: without an error): a refused `Ref` takes its
    /// reference back; an accepted `Unref` drops one, or is refused as systemd refuses it when
    /// `client` holds none.
    pub fn after(&self, client: &str, call: &RefCall, ok: bool) -> Result<(), BusError> {
        match call {
            RefCall::Ref(unit) if !ok => {
                self.unpin(client, unit);
                Ok(())
            }
            RefCall::Unref(unit) if ok && !self.unpin(client, unit) => Err(BusError::new(
                "org.freedesktop.systemd1.NotReferenced",
                "Unit has not been referenced yet.",
            )),
            _ => Ok(()),
        }
    }

    fn unpin(&self, client: &str, unit: &str) -> bool {
        let mut all = self.lock();
        if let Some(pins) = all.get_mut(client)
            && let Some(i) = pins.iter().rposition(|p| p.unit == unit)
        {
            pins.remove(i);
            if pins.is_empty() {
                all.remove(client);
            }
            return true;
        }
        false
    }

    fn pin(&self, client: &str, unit: String) {
        let mut changes = self.requests.subscribe(SubscribeRequest {
            units: vec![unit.clone()],
        });
        let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::task::spawn(async move {
            loop {
                tokio::select! {
                    change = changes.recv() => if change.is_none() { break },
                    _ = &mut stopped => break,
                }
            }
        });
        self.lock()
            .entry(client.to_string())
            .or_default()
            .push(Pin { unit, _stop: stop });
    }

    /// `client` went: its references go.
    pub fn forget(&self, client: &str) {
        self.lock().remove(client);
    }

    /// The `Refs` property of the unit named `names` (its id and aliases): each client
    /// holding a reference, once per reference, by name.
    pub fn holders(&self, names: &[&str]) -> Vec<String> {
        let all = self.lock();
        let mut out: Vec<String> = all
            .iter()
            .flat_map(|(client, pins)| {
                pins.iter()
                    .filter(|p| names.contains(&p.unit.as_str()))
                    .map(move |_| client.clone())
            })
            .collect();
        out.sort();
        out
    }
}

/// The unit a `StartTransientUnit` call names when it asks for `AddRef=yes`.
pub(crate) fn unit_with_ref(msg: &zbus::Message) -> Option<String> {
    type Args = (
        String,
        String,
        crate::transient::Properties,
        Vec<(String, crate::transient::Properties)>,
    );
    let (unit, _, props, _) = msg.body().deserialize::<Args>().ok()?;
    props
        .iter()
        .any(|(n, v)| n == "AddRef" && matches!(&**v, zbus::zvariant::Value::Bool(true)))
        .then_some(unit)
}
