//! The front end's handle on the manager and what every handler shares: who called, how a
//! reply or an error is built, argument and unit-name checks, and the few manager calls both
//! the object dispatcher (dispatch.rs) and the Manager's methods (manager_methods.rs) make.

use std::collections::BTreeMap;
use std::path::Path;

use linger_ipc::manager::{JobsRequest, UnitsRequest};
use linger_manager::{Answer, Call, Requests};
use linger_wire::{JobAction, JobMode};
use serde::de::DeserializeOwned;
use zbus::message::{Header, Message};
use zbus::zvariant::{DynamicType, ObjectPath, Type};

use crate::errors::BusError;
use crate::members::Member;
use crate::paths;
use crate::props::{self, UnitValues};

pub use crate::members::MANAGER;

/// What a handler answers: a reply message, or an error to send back.
pub type Reply = Result<Message, BusError>;

/// The front end's view of the manager: every call goes through `requests`.
#[derive(Debug, Clone)]
pub struct Front {
    /// The manager's request queue.
    pub requests: Requests,
    /// `$XDG_RUNTIME_DIR` (transient units go to `systemd/transient` there).
    pub runtime_dir: std::path::PathBuf,
    /// The units clients reference, across every connection (refs.rs).
    pub refs: crate::refs::Registry,
}

/// Who sent a call: what `GetUnitByPID(0)` and the `unit/self` object need.
#[derive(Debug, Clone, Copy)]
pub enum Caller<'a> {
    /// A peer on the private socket (its pid from SO_PEERCRED, if the kernel said).
    Peer(Option<u32>),
    /// A client on the bus (its pid asked of the bus driver when needed).
    Bus(&'a zbus::Connection),
}

impl Caller<'_> {
    /// The calling process.
    pub async fn pid(&self, hdr: &Header<'_>) -> Option<u32> {
        match self {
            Caller::Peer(pid) => *pid,
            Caller::Bus(conn) => {
                let sender = hdr.sender()?.to_string();
                let reply = conn
                    .call_method(
                        Some("org.freedesktop.DBus"),
                        "/org/freedesktop/DBus",
                        Some("org.freedesktop.DBus"),
                        "GetConnectionUnixProcessID",
                        &sender,
                    )
                    .await
                    .ok()?;
                reply.body().deserialize::<u32>().ok()
            }
        }
    }
}

/// A successful reply to `hdr` carrying `body`.
pub fn ret<B: serde::Serialize + DynamicType>(hdr: &Header<'_>, body: &B) -> Reply {
    Ok(Message::method_return(hdr)?.build(body)?)
}

/// An error reply to `hdr`.
pub fn error_reply(hdr: &Header<'_>, e: &BusError) -> Option<Message> {
    Message::error(hdr, e.name)
        .ok()?
        .build(&(e.message.as_str(),))
        .ok()
}

/// The call's arguments, if its signature is `member`'s.
pub fn args<T: DeserializeOwned + Type>(
    msg: &Message,
    iface: &str,
    member: &Member,
) -> Result<T, BusError> {
    let want = member.in_signature();
    let got = msg.body().signature().to_string_no_parens();
    if got != want {
        return Err(BusError::wrong_signature(&got, iface, member.name, &want));
    }
    msg.body()
        .deserialize::<T>()
        .map_err(|e| BusError::invalid_args(e.to_string()))
}

/// A unit name a client gave, checked as systemd checks it.
pub fn valid_unit_name(name: &str) -> Result<(), BusError> {
    match linger_unit::name::UnitName::parse(name) {
        Ok(_) => Ok(()),
        Err(_) => Err(BusError::invalid_unit_name(name)),
    }
}

/// `o` for a unit id.
pub fn unit_path(id: &str) -> ObjectPath<'static> {
    props::object_path(paths::unit(id))
}

impl Front {
    /// Carry out `call` on the manager.
    pub async fn ask(&self, call: Call) -> Result<Answer, BusError> {
        self.requests.call(call).await.map_err(BusError::from)
    }

    /// The manager's properties (`Name=value`) of unit `name` (loading it), limited to
    /// `wanted` where that saves work (empty: all).
    pub async fn unit_props(
        &self,
        name: &str,
        wanted: &[&str],
    ) -> Result<BTreeMap<String, String>, BusError> {
        Ok(self.unit_values(name, wanted, false).await?.strings)
    }

    /// [`Front::unit_props`] with the typed command lists; with `loaded_only` a unit not
    /// loaded already is not loaded but answered with NoSuchUnit (systemd's GetUnit).
    pub async fn unit_values(
        &self,
        name: &str,
        wanted: &[&str],
        loaded_only: bool,
    ) -> Result<UnitValues, BusError> {
        let answer = self
            .ask(Call::Units(UnitsRequest {
                units: vec![name.to_string()],
                properties: wanted.iter().map(|s| s.to_string()).collect(),
                loaded_only,
                ..Default::default()
            }))
            .await?;
        match answer {
            Answer::Units(mut r) if !r.units.is_empty() => {
                let mut u = r.units.swap_remove(0);
                // A transient unit is one whose file is where transient units are written.
                if let Some(fragment) = u.properties.get("FragmentPath") {
                    let dir = self.runtime_dir.join("systemd/transient");
                    let transient = Path::new(fragment).starts_with(dir);
                    let word = if transient { "yes" } else { "no" };
                    u.properties.insert("Transient".into(), word.into());
                }
                Ok(UnitValues {
                    strings: u.properties,
                    commands: u.commands,
                    realtime: u.realtime,
                    conditions: u.conditions,
                    asserts: u.asserts,
                })
            }
            _ => Err(BusError::not_loaded(name)),
        }
    }

    /// Queue one job (`no_block`): its object path, or the manager's refusal.
    pub async fn job(&self, action: JobAction, name: &str, mode: &str) -> Reply2 {
        valid_unit_name(name)?;
        let mode = JobMode::parse(mode)
            .ok_or_else(|| BusError::invalid_args(format!("Job mode {mode} invalid")))?;
        let answer = self
            .ask(Call::Jobs(JobsRequest {
                action,
                units: vec![name.to_string()],
                mode,
                no_block: true,
            }))
            .await?;
        let Answer::Jobs(r) = answer else {
            return Err(BusError::not_loaded(name));
        };
        let Some(outcome) = r.jobs.into_iter().next() else {
            return Err(BusError::not_loaded(name));
        };
        if outcome.job == 0 {
            return Err(match outcome.error {
                Some(e) => e.into(),
                None => BusError::new(crate::errors::name::FAILED, outcome.message),
            });
        }
        Ok(props::object_path(paths::job(outcome.job)))
    }

    /// The unit process `pid` belongs to (0: the caller).
    pub async fn unit_of_pid(
        &self,
        pid: u32,
        caller: &Caller<'_>,
        hdr: &Header<'_>,
    ) -> Result<String, BusError> {
        let pid = match pid {
            0 => caller
                .pid(hdr)
                .await
                .ok_or_else(|| BusError::no_unit_for_pid(0))?,
            p => p,
        };
        match self.ask(Call::UnitOfPid { pid }).await? {
            Answer::UnitOfPid(Some(unit)) => Ok(unit),
            _ => Err(BusError::no_unit_for_pid(pid)),
        }
    }
}

/// The result of queueing a job: its path.
pub type Reply2 = Result<ObjectPath<'static>, BusError>;
