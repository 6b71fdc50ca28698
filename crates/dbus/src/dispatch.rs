//! One method call in, one reply out: routing by object path and interface, the standard
//! interfaces (Peer, Introspectable, Properties) for every object, signature checks, and the
//! Unit and Job objects. The Manager's methods are in manager_methods.rs.

use std::collections::BTreeMap;

use linger_ipc::manager::{JobsRequest, UnitsRequest};
use linger_manager::{Answer, Call, Requests};
use linger_wire::{JobAction, JobMode};
use serde::de::DeserializeOwned;
use zbus::message::{Header, Message};
use zbus::zvariant::{DynamicType, ObjectPath, Type, Value};

use crate::errors::BusError;
use crate::members::{self, Member};
use crate::paths::{self, Object};
use crate::props::{self, PropDict, UnitInterface};

const PEER: &str = "org.freedesktop.DBus.Peer";
const INTROSPECTABLE: &str = "org.freedesktop.DBus.Introspectable";
const PROPERTIES: &str = "org.freedesktop.DBus.Properties";
/// The manager's interface.
pub const MANAGER: &str = "org.freedesktop.systemd1.Manager";
const JOB: &str = "org.freedesktop.systemd1.Job";

/// What a handler answers: a reply message, or an error to send back.
pub type Reply = Result<Message, BusError>;

/// The front end's view of the manager: every call goes through `requests`.
#[derive(Debug, Clone)]
pub struct Front {
    /// The manager's request queue.
    pub requests: Requests,
    /// `$XDG_RUNTIME_DIR` (transient units go to `systemd/transient` there).
    pub runtime_dir: std::path::PathBuf,
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
    async fn pid(&self, hdr: &Header<'_>) -> Option<u32> {
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
        let answer = self
            .ask(Call::Units(UnitsRequest {
                units: vec![name.to_string()],
                properties: wanted.iter().map(|s| s.to_string()).collect(),
                ..Default::default()
            }))
            .await?;
        match answer {
            Answer::Units(mut r) if !r.units.is_empty() => Ok(r.units.swap_remove(0).properties),
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

    /// Answer one method call (None: nothing to send, e.g. the message was not a call).
    pub async fn handle(&self, msg: &Message, caller: &Caller<'_>) -> Option<Message> {
        let hdr = msg.header();
        if msg.message_type() != zbus::message::Type::MethodCall {
            return None;
        }
        let reply = self.route(msg, &hdr, caller).await;
        let no_reply = hdr
            .primary()
            .flags()
            .contains(zbus::message::Flags::NoReplyExpected);
        if no_reply {
            return None;
        }
        match reply {
            Ok(m) => Some(m),
            Err(e) => error_reply(&hdr, &e),
        }
    }

    async fn route(&self, msg: &Message, hdr: &Header<'_>, caller: &Caller<'_>) -> Reply {
        let path = hdr.path().map(|p| p.as_str()).unwrap_or("/");
        let member = hdr.member().map(|m| m.as_str()).unwrap_or("");
        let iface = hdr.interface().map(|i| i.as_str().to_string());
        let Some(mut object) = Object::at(path) else {
            return self
                .parent_node(msg, hdr, path, iface.as_deref(), member)
                .await;
        };
        // `unit/self`: the caller's own unit (systemd-run --scope reads its InvocationID).
        if matches!(&object, Object::Unit(name) if name == "self") {
            object = Object::Unit(self.unit_of_pid(0, caller, hdr).await?);
        }
        if let Object::Unit(name) = &object
            && linger_unit::name::UnitName::parse(name).is_err()
        {
            return Err(BusError::unknown_object(path));
        }
        let iface = match iface {
            Some(i) => i,
            None => self.interface_of(&object, member),
        };
        match iface.as_str() {
            PEER => return peer(msg, hdr, member),
            INTROSPECTABLE if member == "Introspect" => {
                let xml = match &object {
                    Object::Manager => crate::introspect::manager(),
                    Object::Unit(name) => crate::introspect::unit(&props::interfaces_of(name)),
                    Object::Job(id) => {
                        self.job_row(*id).await?;
                        crate::introspect::job()
                    }
                };
                return ret(hdr, &xml);
            }
            PROPERTIES => return self.properties(msg, hdr, &object, member).await,
            _ => {}
        }
        match object {
            Object::Manager if iface == MANAGER => {
                let m = members::find(members::MANAGER_METHODS, member)
                    .ok_or_else(|| BusError::unknown_method(member, &iface))?;
                crate::manager_methods::call(self, msg, hdr, m, caller).await
            }
            Object::Unit(name) if iface == props::UNIT_IFACE.name => {
                let m = members::find(members::UNIT_METHODS, member)
                    .ok_or_else(|| BusError::unknown_method(member, &iface))?;
                self.unit_method(msg, hdr, &name, m).await
            }
            Object::Job(id) if iface == JOB => {
                let m = members::find(members::JOB_METHODS, member)
                    .ok_or_else(|| BusError::unknown_method(member, &iface))?;
                args::<()>(msg, JOB, m)?;
                crate::manager_methods::cancel_job(self, id).await?;
                ret(hdr, &())
            }
            _ => Err(BusError::unknown_method(member, &iface)),
        }
    }

    /// A call without an interface: the interface of the object that has `member`.
    fn interface_of(&self, object: &Object, member: &str) -> String {
        let ours = match object {
            Object::Manager => members::find(members::MANAGER_METHODS, member).map(|_| MANAGER),
            Object::Unit(_) => {
                members::find(members::UNIT_METHODS, member).map(|_| props::UNIT_IFACE.name)
            }
            Object::Job(_) => members::find(members::JOB_METHODS, member).map(|_| JOB),
        };
        let standard = match member {
            "Ping" | "GetMachineId" => PEER,
            "Introspect" => INTROSPECTABLE,
            "Get" | "GetAll" | "Set" => PROPERTIES,
            _ => "",
        };
        ours.unwrap_or(standard).to_string()
    }

    /// `/`, `/org`, `/org/freedesktop`, `…/systemd1/unit`, `…/systemd1/job`: introspectable
    /// parents; anything else is no object.
    async fn parent_node(
        &self,
        msg: &Message,
        hdr: &Header<'_>,
        path: &str,
        iface: Option<&str>,
        member: &str,
    ) -> Reply {
        let children: Vec<String> = match path {
            "/" => vec!["org".into()],
            "/org" => vec!["freedesktop".into()],
            "/org/freedesktop" => vec!["systemd1".into()],
            "/org/freedesktop/systemd1/unit" => {
                match self.ask(Call::List(Default::default())).await? {
                    Answer::List(l) => l.units.iter().map(|u| paths::escape(&u.unit)).collect(),
                    _ => Vec::new(),
                }
            }
            "/org/freedesktop/systemd1/job" => match self.ask(Call::ListJobs).await? {
                Answer::ListJobs(l) => l.jobs.iter().map(|j| j.id.to_string()).collect(),
                _ => Vec::new(),
            },
            _ => return Err(BusError::unknown_object(path)),
        };
        match (iface.unwrap_or(INTROSPECTABLE), member) {
            (INTROSPECTABLE, "Introspect") => ret(hdr, &crate::introspect::parent(&children)),
            (PEER, m) | (_, m @ ("Ping" | "GetMachineId")) => peer(msg, hdr, m),
            (i, m) => Err(BusError::unknown_method(m, i)),
        }
    }

    async fn unit_method(&self, msg: &Message, hdr: &Header<'_>, name: &str, m: &Member) -> Reply {
        let iface = props::UNIT_IFACE.name;
        let action = match m.name {
            "Start" => Some(JobAction::Start),
            "Stop" => Some(JobAction::Stop),
            "Reload" => Some(JobAction::Reload),
            "Restart" => Some(JobAction::Restart),
            "TryRestart" => Some(JobAction::TryRestart),
            "ReloadOrRestart" => Some(JobAction::ReloadOrRestart),
            "ReloadOrTryRestart" => Some(JobAction::TryReloadOrRestart),
            _ => None,
        };
        if let Some(action) = action {
            let mode: String = args(msg, iface, m)?;
            return ret(hdr, &self.job(action, name, &mode).await?);
        }
        match m.name {
            "Kill" => {
                let (whom, signal): (String, i32) = args(msg, iface, m)?;
                crate::manager_methods::kill(self, name, &whom, signal).await?;
                ret(hdr, &())
            }
            "ResetFailed" => {
                args::<()>(msg, iface, m)?;
                crate::manager_methods::reset_failed(self, vec![name.to_string()]).await?;
                ret(hdr, &())
            }
            other => Err(BusError::unknown_method(other, iface)),
        }
    }

    /// `(id, unit, type, state)` of job `id`.
    async fn job_row(&self, id: u32) -> Result<linger_ipc::manager::JobRow, BusError> {
        if let Answer::ListJobs(l) = self.ask(Call::ListJobs).await?
            && let Some(j) = l.jobs.into_iter().find(|j| j.id == id)
        {
            return Ok(j);
        }
        Err(BusError::unknown_object(&paths::job(id)))
    }

    async fn properties(
        &self,
        msg: &Message,
        hdr: &Header<'_>,
        object: &Object,
        member: &str,
    ) -> Reply {
        match member {
            "Get" => {
                let (iface, name): (String, String) = args(msg, PROPERTIES, &GET)?;
                let all = self.all_properties(object, &iface, Some(&name)).await?;
                let value = all
                    .0
                    .into_iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v)
                    .ok_or_else(|| BusError::unknown_property(&iface, &name))?;
                ret(hdr, &value)
            }
            "GetAll" => {
                let iface: String = args(msg, PROPERTIES, &GET_ALL)?;
                ret(hdr, &self.all_properties(object, &iface, None).await?)
            }
            "Set" => {
                let (iface, name, _): (String, String, zbus::zvariant::OwnedValue) =
                    args(msg, PROPERTIES, &SET)?;
                let all = self.all_properties(object, &iface, Some(&name)).await?;
                if all.0.iter().any(|(k, _)| *k == name) {
                    Err(BusError::new(
                        crate::errors::name::PROPERTY_READ_ONLY,
                        format!("Property '{name}' is not writable."),
                    ))
                } else {
                    Err(BusError::unknown_property(&iface, &name))
                }
            }
            other => Err(BusError::unknown_method(other, PROPERTIES)),
        }
    }

    /// The properties of `object` on interface `iface` ("": every interface), only `only`
    /// where one is asked for.
    async fn all_properties(
        &self,
        object: &Object,
        iface: &str,
        only: Option<&str>,
    ) -> Result<PropDict<'static>, BusError> {
        match object {
            Object::Manager => {
                if !iface.is_empty() && iface != MANAGER {
                    return match only {
                        Some(p) => Err(BusError::unknown_property(iface, p)),
                        None => Ok(PropDict::default()),
                    };
                }
                crate::manager_methods::properties(self, only).await
            }
            Object::Unit(name) => {
                let interfaces: Vec<UnitInterface> = props::interfaces_of(name)
                    .into_iter()
                    .filter(|i| iface.is_empty() || i.name == iface)
                    .collect();
                let wanted: Vec<&str> = match only {
                    Some(p) => vec![p],
                    None => Vec::new(),
                };
                let found = interfaces
                    .iter()
                    .any(|i| only.is_none_or(|p| i.props.iter().any(|x| x.name == p)));
                if !found {
                    return match only {
                        Some(p) => Err(BusError::unknown_property(iface, p)),
                        None => Ok(PropDict::default()),
                    };
                }
                // LoadError is made from LoadState and Id.
                let mut fetch = wanted.clone();
                if !fetch.is_empty() {
                    fetch.extend(["Id", "LoadState"]);
                }
                let values = self.unit_props(name, &fetch).await?;
                let mut out = PropDict::default();
                for i in &interfaces {
                    for p in i.props.iter().filter(|p| only.is_none_or(|o| o == p.name)) {
                        out.0.push((p.name, props::value(p, &values)));
                    }
                }
                Ok(out)
            }
            Object::Job(id) => {
                if !iface.is_empty() && iface != JOB {
                    return Err(BusError::unknown_property(iface, only.unwrap_or("")));
                }
                let j = self.job_row(*id).await?;
                let state = if j.running { "running" } else { "waiting" };
                let all: Vec<(&'static str, Value<'static>)> = vec![
                    ("Id", Value::U32(j.id)),
                    ("Unit", Value::from((j.unit.clone(), unit_path(&j.unit)))),
                    ("JobType", Value::from(j.job_type.as_str().to_string())),
                    ("State", Value::from(state.to_string())),
                ];
                Ok(PropDict(
                    all.into_iter()
                        .filter(|(k, _)| only.is_none_or(|o| o == *k))
                        .collect(),
                ))
            }
        }
    }
}

/// The result of queueing a job: its path.
pub type Reply2 = Result<ObjectPath<'static>, BusError>;

const GET: Member = Member {
    name: "Get",
    args: &[("interface_name", "s"), ("property_name", "s")],
    out: &[("value", "v")],
};
const GET_ALL: Member = Member {
    name: "GetAll",
    args: &[("interface_name", "s")],
    out: &[("props", "a{sv}")],
};
const SET: Member = Member {
    name: "Set",
    args: &[
        ("interface_name", "s"),
        ("property_name", "s"),
        ("value", "v"),
    ],
    out: &[],
};

fn peer(_msg: &Message, hdr: &Header<'_>, member: &str) -> Reply {
    match member {
        "Ping" => ret(hdr, &()),
        "GetMachineId" => {
            let id = std::fs::read_to_string("/etc/machine-id")
                .map(|s| s.trim().to_string())
                .map_err(|e| {
                    BusError::new(crate::errors::name::FAILED, format!("/etc/machine-id: {e}"))
                })?;
            ret(hdr, &id)
        }
        other => Err(BusError::unknown_method(other, PEER)),
    }
}
