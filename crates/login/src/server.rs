//! The `io.linger.Login` varlink server: one task per connection on the event-loop thread.
//! A malformed or oversized message closes that connection only; when a connection that owns
//! sessions closes (its PAM process died, or finished), those sessions end.

use linger_ipc::login::{self as api, error, method};
use linger_ipc::{MAX_MESSAGE, PeerCred, Reply, Request, decode_request, encode};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::UnixStream;

use crate::auth::{self, Rule};
use crate::session_ops::OpError;
use crate::state::Shared;
use crate::userdb::{self, LookupError};

/// Connections served at once (each PAM session holds one for its whole life).
pub const MAX_CONNECTIONS: usize = 8192 + 256;
/// Connections one non-root uid may hold (they cannot own sessions, only query).
pub const MAX_PER_USER: usize = 64;

/// Serve one client until it hangs up or misbehaves, then end the sessions it owned.
pub async fn serve(state: Shared, stream: UnixStream, conn: u64, cred: PeerCred) {
    let (rd, mut wr) = stream.into_split();
    let mut rd = BufReader::new(rd);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let mut limited = (&mut rd).take(MAX_MESSAGE as u64 + 1);
        match limited.read_until(0, &mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        if buf.last() != Some(&0) {
            break; // oversized, or cut off by the peer
        }
        buf.pop();
        let Ok(req) = decode_request(&buf) else {
            break;
        };
        let oneway = req.oneway;
        let reply = handle_guarded(&state, req, cred, conn).await;
        if oneway {
            continue;
        }
        if wr.write_all(&encode(&reply)).await.is_err() {
            break;
        }
    }
    state.borrow_mut().connection_closed(conn);
}

/// [`handle`] in a task of its own: a bug that panics while serving one request answers it
/// with `Failed` (and the log says where) instead of closing the connection, which for the
/// PAM module's connection would end the sessions it owns.
async fn handle_guarded(state: &Shared, req: Request, cred: PeerCred, conn: u64) -> Reply {
    let st = state.clone();
    let method = req.method.clone();
    let task = tokio::task::spawn_local(async move { handle(&st, &req, cred, conn).await });
    match task.await {
        Ok(reply) => reply,
        Err(e) => {
            crate::log::error(format!("internal error serving {method}: {e}"));
            Reply::error(error::FAILED, format!("Internal error serving {method}"))
        }
    }
}

fn params<T: DeserializeOwned>(req: &Request) -> Result<T, Reply> {
    let p = if req.parameters.is_null() {
        json!({})
    } else {
        req.parameters.clone()
    };
    serde_json::from_value(p)
        .map_err(|e| Reply::error(error::INVALID, format!("Invalid parameters: {e}")))
}

fn ok<T: serde::Serialize>(v: &T) -> Reply {
    Reply::ok(serde_json::to_value(v).unwrap_or(Value::Null))
}

fn op(e: OpError) -> Reply {
    Reply::error(e.name, e.message)
}

fn lookup(e: LookupError) -> Reply {
    match e {
        LookupError::InvalidName(_) => Reply::error(error::INVALID, e.to_string()),
        LookupError::NoSuchUser(_) => Reply::error(error::NO_SUCH_USER, e.to_string()),
        LookupError::Database { .. } => Reply::error(error::FAILED, e.to_string()),
    }
}

fn check(rule: Rule, cred: PeerCred, target: Option<u32>) -> Result<(), Reply> {
    if auth::allowed(rule, cred.uid, target) {
        Ok(())
    } else {
        Err(Reply::error(error::ACCESS_DENIED, auth::DENIED))
    }
}

/// The session a request names: a number, or empty / `self` for the caller's own (found from
/// the caller's cgroup, or as a session leader).
fn session_id(state: &Shared, id: &str, cred: PeerCred) -> Result<u64, Reply> {
    let none = || Reply::error(error::NO_SUCH_SESSION, format!("No session '{id}' known"));
    if id.is_empty() || id == "self" {
        let s = state.borrow();
        let by_cgroup = crate::tracker::unified_cgroup_of(cred.pid)
            .ok()
            .flatten()
            .and_then(|c| {
                c.rsplit('/').find_map(|c| {
                    c.strip_prefix("session-")?
                        .strip_suffix(".scope")?
                        .parse()
                        .ok()
                })
            });
        return by_cgroup
            .filter(|id| s.sessions.contains_key(id))
            .or_else(|| {
                s.sessions
                    .values()
                    .find(|x| x.leader == cred.pid)
                    .map(|x| x.id)
            })
            .ok_or_else(|| {
                Reply::error(
                    error::NO_SUCH_SESSION,
                    "Caller does not belong to any known session",
                )
            });
    }
    let n: u64 = id.parse().map_err(|_| none())?;
    if state.borrow().sessions.contains_key(&n) {
        Ok(n)
    } else {
        Err(none())
    }
}

async fn handle(state: &Shared, req: &Request, cred: PeerCred, conn: u64) -> Reply {
    let Some(rule) = auth::rule(&req.method) else {
        return Reply::error(error::NO_METHOD, format!("Unknown method {}", req.method));
    };
    let r: Result<Reply, Reply> = match req.method.as_str() {
        method::CREATE_SESSION => create_session(state, req, cred, conn).await,
        method::RELEASE_SESSION => params::<api::SessionRequest>(req).and_then(|p| {
            let id = session_id(state, &p.id, cred)?;
            let mut s = state.borrow_mut();
            let (uid, owner) = s
                .sessions
                .get(&id)
                .map(|x| (x.uid, x.conn))
                .unwrap_or((0, 0));
            check(rule, cred, Some(uid))?;
            if let Some(x) = s.sessions.get_mut(&id) {
                x.conn = 0;
            }
            // The leader is the process releasing its own session: it exits by itself.
            s.close_session(id, None, owner == conn);
            Ok(Reply::ok(json!({})))
        }),
        method::TERMINATE_SESSION => params::<api::SessionRequest>(req).and_then(|p| {
            let id = session_id(state, &p.id, cred)?;
            let mut s = state.borrow_mut();
            let uid = s.sessions.get(&id).map_or(0, |x| x.uid);
            check(rule, cred, Some(uid))?;
            s.close_session(id, Some(true), false);
            Ok(Reply::ok(json!({})))
        }),
        method::KILL_SESSION => params::<api::KillSessionRequest>(req).and_then(|p| {
            let id = session_id(state, &p.id, cred)?;
            let mut s = state.borrow_mut();
            let uid = s.sessions.get(&id).map_or(0, |x| x.uid);
            check(rule, cred, Some(uid))?;
            s.kill_session(id, &p.whom, p.signal).map_err(op)?;
            Ok(Reply::ok(json!({})))
        }),
        method::SET_LINGER => {
            params::<api::SetLingerRequest>(req).and_then(|p| set_linger(state, &p, cred, rule))
        }
        method::TERMINATE_USER => params::<api::UserRequest>(req).and_then(|p| {
            let uid = tracked_user(state, &p.user, cred)?;
            check(rule, cred, Some(uid))?;
            state.borrow_mut().terminate_user(uid);
            Ok(Reply::ok(json!({})))
        }),
        method::KILL_USER => params::<api::KillUserRequest>(req).and_then(|p| {
            let uid = tracked_user(state, &p.user, cred)?;
            check(rule, cred, Some(uid))?;
            state.borrow_mut().kill_user(uid, p.signal).map_err(op)?;
            Ok(Reply::ok(json!({})))
        }),
        method::ATTACH_PROCESS => params::<api::AttachProcessRequest>(req).and_then(|p| {
            let owner = linger_ipc::process_uid(p.pid)
                .ok_or_else(|| Reply::error(error::INVALID, format!("No process {}", p.pid)))?;
            check(rule, cred, Some(owner))?;
            state
                .borrow()
                .tracker
                .attach_to_user_service(owner, p.pid, &p.cgroup)
                .map_err(|m| Reply::error(error::FAILED, m))?;
            Ok(Reply::ok(json!({})))
        }),
        method::LIST_SESSIONS => Ok(list_sessions(state)),
        method::LIST_USERS => Ok(list_users(state)),
        method::SESSION_PROPERTIES => params::<api::SessionRequest>(req).and_then(|p| {
            let id = session_id(state, &p.id, cred)?;
            let s = state.borrow();
            let props = s
                .sessions
                .get(&id)
                .map(|x| s.session_properties(x))
                .unwrap_or_default();
            Ok(ok(&api::PropertiesReply { properties: props }))
        }),
        method::USER_PROPERTIES => params::<api::UserRequest>(req).and_then(|p| {
            let uid = tracked_user(state, &p.user, cred)?;
            let props = state.borrow().user_properties(uid).unwrap_or_default();
            Ok(ok(&api::PropertiesReply { properties: props }))
        }),
        method::MANAGER => Ok(ok(&api::PropertiesReply {
            properties: state.borrow().manager_properties(),
        })),
        method::RELOAD => check(rule, cred, None).map(|()| {
            state.borrow_mut().reload();
            Reply::ok(json!({}))
        }),
        _ => Ok(Reply::ok(json!({
            "vendor": "linger", "product": "linger login daemon", "version": env!("CARGO_PKG_VERSION"),
            "url": "", "interfaces": ["org.varlink.service", api::INTERFACE]
        }))),
    };
    r.unwrap_or_else(|e| e)
}

/// A user the daemon tracks (has a session, lingers, or a manager), by name or uid.
fn tracked_user(state: &Shared, user: &str, cred: PeerCred) -> Result<u32, Reply> {
    let s = state.borrow();
    let account = userdb::resolve(s.db(), user, cred.uid).map_err(lookup)?;
    if s.users.contains_key(&account.uid) {
        Ok(account.uid)
    } else {
        Err(Reply::error(
            error::NO_SUCH_USER,
            format!("User {} is not logged in or lingering", account.name),
        ))
    }
}

async fn create_session(
    state: &Shared,
    req: &Request,
    cred: PeerCred,
    conn: u64,
) -> Result<Reply, Reply> {
    check(Rule::RootOnly, cred, None)?;
    let p: api::CreateSessionRequest = params(req)?;
    let (reply, waiter) = state.borrow_mut().create_session(&p, conn).map_err(op)?;
    if let Some(rx) = waiter {
        // A login waits for the user's manager (so `systemctl --user` works at once), but
        // never longer than the ready timeout: the login itself must not hang on us.
        let timeout = state.borrow().config.ready_timeout;
        let _ = tokio::time::timeout(timeout, rx).await;
    }
    Ok(ok(&reply))
}

fn set_linger(
    state: &Shared,
    p: &api::SetLingerRequest,
    cred: PeerCred,
    rule: Rule,
) -> Result<Reply, Reply> {
    let mut s = state.borrow_mut();
    let account = userdb::resolve(s.db(), &p.user, cred.uid).map_err(lookup)?;
    check(rule, cred, Some(account.uid))?;
    let uid = account.uid;
    let changed = if p.enable {
        s.registry.enable(&account.name)
    } else {
        s.registry.disable(&account.name)
    }
    .map_err(|e| Reply::error(error::FAILED, e.to_string()))?;
    if p.enable {
        let u = s.ensure_user(account);
        u.held_down = false;
        u.lingers = true;
        s.reconcile_user(uid, true);
    } else if let Some(u) = s.users.get_mut(&uid) {
        u.lingers = false;
        s.reconcile_user(uid, false);
    }
    if changed {
        crate::log::info(format!(
            "Linger {} for uid {uid}.",
            if p.enable { "enabled" } else { "disabled" }
        ));
    }
    Ok(Reply::ok(json!({})))
}

fn list_sessions(state: &Shared) -> Reply {
    let s = state.borrow();
    let sessions = s
        .sessions
        .values()
        .map(|x| api::SessionRow {
            id: x.id.to_string(),
            uid: x.uid,
            user: x.user.clone(),
            seat: String::new(),
            tty: x.tty.clone(),
            state: x.phase.as_str().into(),
            idle: false,
        })
        .collect();
    ok(&api::ListSessionsReply { sessions })
}

fn list_users(state: &Shared) -> Reply {
    let s = state.borrow();
    let users = s
        .users
        .iter()
        .map(|(uid, u)| api::UserRow {
            uid: *uid,
            user: u.account.name.clone(),
            linger: s.lingering(*uid),
            state: s.user_state_of(*uid).into(),
        })
        .collect();
    ok(&api::ListUsersReply { users })
}
