//! One method call in, one reply out: routing by object path and interface, the standard
//! interfaces (Peer, Introspectable, Properties) for every object, signature checks, and the
//! Unit and Job objects. The Manager's methods are in manager_methods.rs, what both share in
//! front.rs.

use linger_manager::{Answer, Call};
use linger_wire::JobAction;
use zbus::message::{Header, Message};
use zbus::zvariant::Value;

use crate::errors::BusError;
use crate::front::{Caller, Front, MANAGER, Reply, args, error_reply, ret, unit_path};
use crate::members::{self, Member};
use crate::paths::{self, Object};
use crate::props::{self, PropDict, UnitInterface};

const PEER: &str = "org.freedesktop.DBus.Peer";
const INTROSPECTABLE: &str = "org.freedesktop.DBus.Introspectable";
const PROPERTIES: &str = "org.freedesktop.DBus.Properties";
const JOB: &str = "org.freedesktop.systemd1.Job";
const LOG_CONTROL: &str = "org.freedesktop.LogControl1";

impl Front {
    /// Answer one method call (None: nothing to send, e.g. the message was not a call).
    pub async fn handle(&self, msg: &Message, caller: &Caller<'_>) -> Option<Message> {
        let hdr = msg.header();
        if msg.message_type() != zbus::message::Type::MethodCall {
            return None;
        }
        // A state read the manager's published states answer (fast.rs), else the manager.
        let reply = match self.fast(msg, &hdr) {
            Some(reply) => reply,
            None => self.route(msg, &hdr, caller).await,
        };
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
        // `unit/<invocation id>`: the unit whose current run that is (GetUnitByInvocationID).
        if let Object::Unit(name) = &object
            && let Some(id) = invocation_id(name)
        {
            let unit = crate::manager_methods::unit_by_invocation_id(self, &id)
                .await
                .map_err(|_| BusError::unknown_object(path))?;
            object = Object::Unit(unit);
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
                    Object::LogControl => crate::introspect::log_control(),
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
            Object::Unit(name) if Some(iface.as_str()) == type_interface(&name) => {
                let (_, methods, _) = members::of(&iface);
                let m = members::find(methods, member)
                    .ok_or_else(|| BusError::unknown_method(member, &iface))?;
                crate::manager_rest::type_call(self, msg, hdr, &iface, &name, m, caller).await
            }
            Object::Job(id) if iface == JOB => {
                let m = members::find(members::JOB_METHODS, member)
                    .ok_or_else(|| BusError::unknown_method(member, &iface))?;
                args::<()>(msg, JOB, m)?;
                match m.name {
                    "GetAfter" | "GetBefore" => {
                        let after = m.name == "GetAfter";
                        ret(
                            hdr,
                            &crate::manager_calls::jobs_around(self, id, after).await?,
                        )
                    }
                    _ => {
                        crate::manager_calls::cancel_job(self, id).await?;
                        ret(hdr, &())
                    }
                }
            }
            _ => Err(BusError::unknown_method(member, &iface)),
        }
    }

    /// A call without an interface: the interface of the object that has `member`.
    fn interface_of(&self, object: &Object, member: &str) -> String {
        let ours = match object {
            Object::Manager => members::find(members::MANAGER_METHODS, member).map(|_| MANAGER),
            Object::Unit(name) => members::find(members::UNIT_METHODS, member)
                .map(|_| props::UNIT_IFACE.name)
                .or_else(|| {
                    let iface = type_interface(name)?;
                    members::find(members::of(iface).1, member).map(|_| iface)
                }),
            Object::Job(_) => members::find(members::JOB_METHODS, member).map(|_| JOB),
            Object::LogControl => None,
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
            "/org/freedesktop" => vec!["LogControl1".into(), "systemd1".into()],
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
            _ => crate::manager_rest::unit_call(self, msg, hdr, name, m).await,
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
                let (iface, name, value): (String, String, zbus::zvariant::OwnedValue) =
                    args(msg, PROPERTIES, &SET)?;
                let all = self.all_properties(object, &iface, Some(&name)).await?;
                let table = match object {
                    Object::Manager => props::MANAGER,
                    Object::LogControl => props::LOG_CONTROL,
                    _ => &[],
                };
                if table.iter().any(|p| p.name == name && p.writable) {
                    self.set_manager_property(&name, &value).await?;
                    ret(hdr, &())
                } else if all.0.iter().any(|(k, _)| *k == name) {
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
                    .any(|i| only.is_none_or(|p| i.props().any(|x| x.name == p)));
                if !found {
                    return match only {
                        Some(p) => Err(BusError::unknown_property(iface, p)),
                        None => Ok(PropDict::default()),
                    };
                }
                // One property asked: only what its value is made from (the manager answers
                // a state without rendering the unit's ~200 other properties).
                let mut fetch = wanted.clone();
                if let Some(p) = only {
                    fetch.extend(props::made_from(p));
                }
                let values = self.unit_values(name, &fetch, false).await?;
                let mut out = PropDict::default();
                for i in &interfaces {
                    for p in i.props().filter(|p| only.is_none_or(|o| o == p.name)) {
                        let value = match p.name {
                            "Refs" => Value::from(self.refs_of(name, &values)),
                            _ => props::unit_value(p, &values),
                        };
                        out.0.push((p.name, value));
                    }
                }
                Ok(out)
            }
            Object::LogControl => {
                if !iface.is_empty() && iface != LOG_CONTROL {
                    return Err(BusError::unknown_property(iface, only.unwrap_or("")));
                }
                let mut all = crate::manager_methods::properties(self, None).await?;
                all.0.retain(|(k, _)| {
                    props::LOG_CONTROL.iter().any(|p| p.name == *k) && only.is_none_or(|o| o == *k)
                });
                if let Some(p) = only
                    && all.0.is_empty()
                {
                    if p == "SyslogIdentifier" {
                        all.0
                            .push(("SyslogIdentifier", Value::from("linger".to_string())));
                    } else {
                        return Err(BusError::unknown_property(LOG_CONTROL, p));
                    }
                } else if only.is_none() {
                    all.0
                        .push(("SyslogIdentifier", Value::from("linger".to_string())));
                }
                Ok(all)
            }
            Object::Job(id) => {
                if !iface.is_empty() && iface != JOB {
                    return Err(BusError::unknown_property(iface, only.unwrap_or("")));
                }
                let j = self.job_row(*id).await?;
                let state = if j.running { "running" } else { "waiting" };
                let none = props::UnitValues::default();
                Ok(PropDict(
                    props::JOB
                        .iter()
                        .filter(|p| only.is_none_or(|o| o == p.name))
                        .map(|p| {
                            let v = match p.name {
                                "Id" => Value::U32(j.id),
                                "Unit" => Value::from((j.unit.clone(), unit_path(&j.unit))),
                                "JobType" => Value::from(j.job_type.as_str().to_string()),
                                "State" => Value::from(state.to_string()),
                                _ => props::unset_value(p, &none),
                            };
                            (p.name, v)
                        })
                        .collect(),
                ))
            }
        }
    }
}

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

/// The 16 bytes of an invocation id written as 32 hex digits (no unit name is that).
fn invocation_id(name: &str) -> Option<Vec<u8>> {
    if name.len() != 32 || !name.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..16)
        .map(|i| u8::from_str_radix(&name[i * 2..i * 2 + 2], 16).ok())
        .collect()
}

/// The interface of the unit `name`'s type (`org.freedesktop.systemd1.Service`, …).
fn type_interface(name: &str) -> Option<&'static str> {
    props::interfaces_of(name)
        .first()
        .map(|i| i.name)
        .filter(|i| *i != props::UNIT_IFACE.name)
}

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

impl Front {
    /// `Properties.Set` of a writable manager property (`LogLevel`, `LogTarget`, on the
    /// Manager or the log control object): a string, as systemd checks it.
    async fn set_manager_property(
        &self,
        name: &str,
        value: &zbus::zvariant::OwnedValue,
    ) -> Result<(), BusError> {
        let Value::Str(s) = &**value else {
            return Err(BusError::new(
                crate::errors::name::INVALID_ARGS,
                format!("Invalid signature for property '{name}': expected 's'."),
            ));
        };
        let s = s.as_str().to_string();
        let control = match name {
            "LogLevel" => linger_manager::Control::SetLogLevel(s),
            "LogTarget" => linger_manager::Control::SetLogTarget(s),
            other => {
                return Err(BusError::new(
                    crate::errors::name::PROPERTY_READ_ONLY,
                    format!("Property '{other}' is not writable."),
                ));
            }
        };
        self.ask(Call::Control(control)).await?;
        Ok(())
    }
}

impl Front {
    /// `Refs` of the unit object `name`: the clients holding references to it under any of
    /// its names (refs.rs).
    fn refs_of(&self, name: &str, values: &props::UnitValues) -> Vec<String> {
        let mut names: Vec<&str> = vec![name];
        if let Some(id) = values.strings.get("Id") {
            names.push(id);
        }
        if let Some(all) = values.strings.get("Names") {
            names.extend(all.split_whitespace());
        }
        self.refs.holders(&names)
    }
}
