//! A request to the login daemon, decoded: its method known and its parameters parsed and
//! checked before anything acts on them — session references, user names and uids (`+0` is
//! no uid, a name must be one that can become a file name), signals, kill targets, session
//! classes, types and desktop names. Pure, so the fuzz target (`fuzz/`) drives it as the
//! server does; what a refusal repeats of the request is cut short (`escape::shown`).

use linger_ipc::Request;
use linger_ipc::login::{self as api, error, method};
use serde::de::DeserializeOwned;

use crate::escape::shown;
pub use crate::userdb::UserRef;
use crate::userdb::{LookupError, user_ref};

/// A session a request names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionRef {
    /// `""` or `self`: the caller's own (found from its cgroup, or as a session leader).
    Caller,
    /// By id.
    Id(u64),
}

/// Which processes of a session `KillSession` signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whom {
    /// The session's leader (only while it lives).
    Leader,
    /// Every process of the session.
    All,
}

/// A decoded request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Call {
    /// `org.varlink.service.GetInfo`.
    GetInfo,
    /// Register a session; class and type filled in with their defaults.
    CreateSession(api::CreateSessionRequest),
    /// Wait for a user's manager.
    WaitUserManager(UserRef),
    /// End a session the caller owns.
    ReleaseSession(SessionRef),
    /// End a session, killing its processes.
    TerminateSession(SessionRef),
    /// Signal a session's processes.
    KillSession {
        /// Which session.
        session: SessionRef,
        /// Its leader or all.
        whom: Whom,
        /// A named signal.
        signal: i32,
    },
    /// Linger on or off.
    SetLinger {
        /// Whose.
        user: UserRef,
        /// On or off.
        enable: bool,
    },
    /// End a user's sessions and manager.
    TerminateUser(UserRef),
    /// Signal a user's processes.
    KillUser {
        /// Whose.
        user: UserRef,
        /// A named signal.
        signal: i32,
    },
    /// Move a process into a cgroup of its user's manager.
    AttachProcess(api::AttachProcessRequest),
    /// `list-sessions`.
    ListSessions,
    /// `list-users`.
    ListUsers,
    /// `show-session`.
    SessionProperties(SessionRef),
    /// `show-user`.
    UserProperties(UserRef),
    /// `show`.
    Manager,
    /// Re-read logind.conf.
    Reload,
}

/// A request refused before anything happened: varlink error name and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Error name.
    pub name: &'static str,
    /// Human message.
    pub message: String,
}

impl Refused {
    fn new(name: &'static str, message: impl Into<String>) -> Refused {
        Refused {
            name,
            message: message.into(),
        }
    }
}

impl From<LookupError> for Refused {
    fn from(e: LookupError) -> Refused {
        let name = match e {
            LookupError::InvalidName(_) => error::INVALID,
            LookupError::NoSuchUser(_) => error::NO_SUCH_USER,
            LookupError::Database { .. } => error::FAILED,
        };
        Refused::new(name, e.to_string())
    }
}

fn params<T: DeserializeOwned>(req: &Request) -> Result<T, Refused> {
    let p = if req.parameters.is_null() {
        serde_json::json!({})
    } else {
        req.parameters.clone()
    };
    serde_json::from_value(p).map_err(|e| {
        Refused::new(
            error::INVALID,
            format!("Invalid parameters: {}", shown(&e.to_string())),
        )
    })
}

/// A session reference: empty or `self`, or an id.
pub fn session_ref(id: &str) -> Result<SessionRef, Refused> {
    if id.is_empty() || id == "self" {
        return Ok(SessionRef::Caller);
    }
    id.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| id.parse().ok())
        .flatten()
        .map(SessionRef::Id)
        .ok_or_else(|| {
            Refused::new(
                error::NO_SUCH_SESSION,
                format!("No session '{}' known", shown(id)),
            )
        })
}

fn signal(n: i32) -> Result<i32, Refused> {
    rustix::process::Signal::from_named_raw(n)
        .map(|_| n)
        .ok_or_else(|| Refused::new(error::INVALID, format!("Invalid signal {n}")))
}

fn whom(w: &str) -> Result<Whom, Refused> {
    match w {
        "leader" => Ok(Whom::Leader),
        "all" | "" => Ok(Whom::All),
        other => Err(Refused::new(
            error::INVALID,
            format!("Invalid kill parameter '{}'", shown(other)),
        )),
    }
}

fn create_session(mut p: api::CreateSessionRequest) -> Result<api::CreateSessionRequest, Refused> {
    let (class, session_type) = crate::sessions::class_and_type(&p.class, &p.session_type, &p.tty)
        .map_err(|m| Refused::new(error::INVALID, shown(&m)))?;
    // As logind: a desktop name is a plain word, it ends up in environments and files.
    if !crate::escape::is_safe(&p.desktop) {
        return Err(Refused::new(
            error::INVALID,
            format!("Invalid desktop string '{}'", shown(&p.desktop)),
        ));
    }
    p.class = class;
    p.session_type = session_type;
    Ok(p)
}

/// Decode `req`.
pub fn decode(req: &Request) -> Result<Call, Refused> {
    let user = |p: api::UserRequest| user_ref(&p.user).map_err(Refused::from);
    Ok(match req.method.as_str() {
        "org.varlink.service.GetInfo" => Call::GetInfo,
        method::CREATE_SESSION => Call::CreateSession(create_session(params(req)?)?),
        method::WAIT_USER_MANAGER => Call::WaitUserManager(user(params(req)?)?),
        method::RELEASE_SESSION => {
            Call::ReleaseSession(session_ref(&params::<api::SessionRequest>(req)?.id)?)
        }
        method::TERMINATE_SESSION => {
            Call::TerminateSession(session_ref(&params::<api::SessionRequest>(req)?.id)?)
        }
        method::KILL_SESSION => {
            let p: api::KillSessionRequest = params(req)?;
            Call::KillSession {
                session: session_ref(&p.id)?,
                whom: whom(&p.whom)?,
                signal: signal(p.signal)?,
            }
        }
        method::SET_LINGER => {
            let p: api::SetLingerRequest = params(req)?;
            Call::SetLinger {
                user: user_ref(&p.user)?,
                enable: p.enable,
            }
        }
        method::TERMINATE_USER => Call::TerminateUser(user(params(req)?)?),
        method::KILL_USER => {
            let p: api::KillUserRequest = params(req)?;
            Call::KillUser {
                user: user_ref(&p.user)?,
                signal: signal(p.signal)?,
            }
        }
        method::ATTACH_PROCESS => Call::AttachProcess(params(req)?),
        method::LIST_SESSIONS => Call::ListSessions,
        method::LIST_USERS => Call::ListUsers,
        method::SESSION_PROPERTIES => {
            Call::SessionProperties(session_ref(&params::<api::SessionRequest>(req)?.id)?)
        }
        method::USER_PROPERTIES => Call::UserProperties(user(params(req)?)?),
        method::MANAGER => Call::Manager,
        method::RELOAD => Call::Reload,
        other => {
            return Err(Refused::new(
                error::NO_METHOD,
                format!("Unknown method {}", shown(other)),
            ));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn req(method: &str, parameters: serde_json::Value) -> Request {
        Request {
            method: method.into(),
            parameters,
            more: false,
            oneway: false,
        }
    }

    #[test]
    fn table() {
        let cases: Vec<(Request, Result<Call, &str>)> = vec![
            (
                req(method::SET_LINGER, json!({"user": "+0", "enable": true})),
                Err(error::INVALID),
            ),
            (
                req(method::SET_LINGER, json!({"user": "0", "enable": true})),
                Ok(Call::SetLinger {
                    user: UserRef::Uid(0),
                    enable: true,
                }),
            ),
            (
                req(method::SET_LINGER, json!({"enable": false})),
                Ok(Call::SetLinger {
                    user: UserRef::Caller,
                    enable: false,
                }),
            ),
            (
                req(method::USER_PROPERTIES, json!({"user": "alice"})),
                Ok(Call::UserProperties(UserRef::Name("alice".into()))),
            ),
            (
                req(method::USER_PROPERTIES, json!({"user": "99999999999"})),
                Err(error::INVALID),
            ),
            (
                req(
                    method::KILL_SESSION,
                    json!({"id": "3", "whom": "leader", "signal": 9}),
                ),
                Ok(Call::KillSession {
                    session: SessionRef::Id(3),
                    whom: Whom::Leader,
                    signal: 9,
                }),
            ),
            (
                req(method::KILL_SESSION, json!({"id": "self", "signal": 15})),
                Ok(Call::KillSession {
                    session: SessionRef::Caller,
                    whom: Whom::All,
                    signal: 15,
                }),
            ),
            (
                req(method::KILL_SESSION, json!({"id": "3", "signal": 0})),
                Err(error::INVALID),
            ),
            (
                req(
                    method::KILL_SESSION,
                    json!({"id": "3", "whom": "x", "signal": 9}),
                ),
                Err(error::INVALID),
            ),
            (
                req(method::TERMINATE_SESSION, json!({"id": "+3"})),
                Err(error::NO_SUCH_SESSION),
            ),
            (
                req(
                    method::CREATE_SESSION,
                    json!({"uid": 1, "pid": 2, "class": "admin"}),
                ),
                Err(error::INVALID),
            ),
            (
                req(
                    method::CREATE_SESSION,
                    json!({"uid": 1, "pid": 2, "desktop": "a\"b"}),
                ),
                Err(error::INVALID),
            ),
            (
                req(method::LIST_SESSIONS, serde_json::Value::Null),
                Ok(Call::ListSessions),
            ),
            (
                req("io.linger.Login.Nope", json!({})),
                Err(error::NO_METHOD),
            ),
            (
                req(method::SET_LINGER, json!({"user": 5})),
                Err(error::INVALID),
            ),
        ];
        let mut bad = Vec::new();
        for (r, want) in cases {
            let got = decode(&r);
            let ok = match (&got, &want) {
                (Ok(c), Ok(w)) => c == w,
                (Err(e), Err(name)) => e.name == *name,
                _ => false,
            };
            if !ok {
                bad.push(format!(
                    "{} {}: want {want:?}, got {got:?}",
                    r.method, r.parameters
                ));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
        // Defaults filled in: a session with a tty is a user's tty session.
        match decode(&req(
            method::CREATE_SESSION,
            json!({"uid": 1, "pid": 2, "tty": "pts/1"}),
        )) {
            Ok(Call::CreateSession(p)) => {
                assert_eq!((p.class.as_str(), p.session_type.as_str()), ("user", "tty"));
            }
            other => panic!("{other:?}"),
        }
        // What a refusal repeats stays short.
        let huge = "x".repeat(1 << 20);
        let e = decode(&req(
            method::USER_PROPERTIES,
            json!({"user": format!("{huge}/")}),
        ))
        .unwrap_err();
        assert!(e.message.len() < 200, "{}", e.message.len());
    }
}
