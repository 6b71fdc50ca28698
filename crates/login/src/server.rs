//! The `io.linger.Login` varlink server: one task per connection on the event-loop thread.
//!
//! Nobody can hold the daemon: a request may be at most 1 MiB from root and 64 KiB from a
//! user, must arrive whole within [`FRAME_DEADLINE`] of its first byte, and its reply must be
//! taken within [`WRITE_DEADLINE`]; any of these broken closes that connection only. A user's
//! requests are served one at a time (their turn in `jobs::Lanes`), so that a user with many
//! connections gets no more of the loop than a user with one; root's (logins') are not queued.
//! When a connection that owns sessions closes (its PAM process died, or finished), those
//! sessions end.

use std::rc::Rc;
use std::time::Duration;

use linger_ipc::login::{self as api, error, method};
use linger_ipc::{FrameReader, PeerCred, Reply, Request, decode_request, encode};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;
use tokio::net::UnixStream;

use crate::auth::{self, Rule};
use crate::escape::shown;
use crate::jobs::Lanes;
use crate::session_ops::OpError;
use crate::state::Shared;
use crate::userdb::{self, LookupError};

/// How long a request may take to arrive once its first byte did.
pub const FRAME_DEADLINE: Duration = Duration::from_secs(10);
/// How long a client may take to read a reply.
pub const WRITE_DEADLINE: Duration = Duration::from_secs(10);

/// What a handled request asks of the connection besides its reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    Nothing,
    /// A session was created for this connection: undo it if the reply cannot be delivered.
    Created(u64),
}

/// How a connection ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The client hung up (or stopped reading its replies).
    Hangup,
    /// The client broke the protocol: a frame too large, too slow, or not a request.
    Violation,
}

/// Serve one client until it hangs up or misbehaves, then end the sessions it owned. After a
/// violation the connection comes back, unread, for the caller to hold a while.
pub async fn serve(
    state: Shared,
    stream: UnixStream,
    conn: u64,
    cred: PeerCred,
) -> (Ending, Option<UnixStream>) {
    let limit = if cred.uid == 0 {
        api::MAX_REQUEST_ROOT
    } else {
        api::MAX_REQUEST_USER
    };
    let (rd, mut wr) = stream.into_split();
    let mut frames = FrameReader::new(rd, limit, FRAME_DEADLINE);
    let turns: Rc<Lanes> = state.borrow().turns.clone();
    let mut ending = Ending::Hangup;
    loop {
        let frame = match frames.next().await {
            Ok(f) => f,
            Err(linger_ipc::FrameError::Closed | linger_ipc::FrameError::Io(_)) => break,
            Err(_) => {
                ending = Ending::Violation;
                break;
            }
        };
        let turn = if cred.uid == 0 {
            None
        } else {
            match turns.turn(cred.uid).await {
                Ok(t) => Some(t),
                Err(_) => break,
            }
        };
        // Users' requests are small; a large one of root's is decoded on a worker.
        let decoded = if frame.len() <= api::MAX_REQUEST_USER {
            decode_request(&frame).ok()
        } else {
            tokio::task::spawn_blocking(move || decode_request(&frame).ok())
                .await
                .ok()
                .flatten()
        };
        let Some(req) = decoded else {
            ending = Ending::Violation;
            break;
        };
        let oneway = req.oneway;
        let (reply, after) = handle_guarded(&state, req, cred, conn).await;
        drop(turn);
        if oneway {
            continue;
        }
        let bytes = encode(&reply);
        drop(reply);
        let sent = tokio::time::timeout(WRITE_DEADLINE, wr.write_all(&bytes)).await;
        if !matches!(sent, Ok(Ok(()))) {
            if let After::Created(id) = after {
                state.borrow_mut().undo_session(id, conn);
            }
            break;
        }
        // Let the other connections' requests in between two of this one's.
        tokio::task::yield_now().await;
    }
    state.borrow_mut().connection_closed(conn);
    let back = (ending == Ending::Violation)
        .then(|| frames.into_inner().reunite(wr).ok())
        .flatten();
    (ending, back)
}

/// [`handle`] in a task of its own: a bug that panics while serving one request answers it
/// with `Failed` (and the log says where) instead of closing the connection, which for the
/// PAM module's connection would end the sessions it owns.
async fn handle_guarded(state: &Shared, req: Request, cred: PeerCred, conn: u64) -> (Reply, After) {
    let st = state.clone();
    let method = req.method.clone();
    let task = tokio::task::spawn_local(async move { handle(&st, &req, cred, conn).await });
    match task.await {
        Ok(r) => r,
        Err(e) => {
            let m = shown(&method);
            crate::log::error(format!("internal error serving {m}: {e}"));
            (
                Reply::error(error::FAILED, format!("Internal error serving {m}")),
                After::Nothing,
            )
        }
    }
}

fn params<T: DeserializeOwned>(req: &Request) -> Result<T, Reply> {
    let p = if req.parameters.is_null() {
        json!({})
    } else {
        req.parameters.clone()
    };
    serde_json::from_value(p).map_err(|e| {
        Reply::error(
            error::INVALID,
            format!("Invalid parameters: {}", shown(&e.to_string())),
        )
    })
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
    let none = || {
        Reply::error(
            error::NO_SUCH_SESSION,
            format!("No session '{}' known", shown(id)),
        )
    };
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

async fn handle(state: &Shared, req: &Request, cred: PeerCred, conn: u64) -> (Reply, After) {
    let Some(rule) = auth::rule(&req.method) else {
        let m = shown(&req.method);
        return (
            Reply::error(error::NO_METHOD, format!("Unknown method {m}")),
            After::Nothing,
        );
    };
    let mut after = After::Nothing;
    let r: Result<Reply, Reply> = match req.method.as_str() {
        method::CREATE_SESSION => {
            create_session(state, req, cred, conn)
                .await
                .map(|(reply, id)| {
                    after = After::Created(id);
                    reply
                })
        }
        method::WAIT_USER_MANAGER => wait_user_manager(state, req, cred, rule).await,
        method::RELEASE_SESSION => params::<api::SessionRequest>(req).and_then(|p| {
            let id = session_id(state, &p.id, cred)?;
            let mut s = state.borrow_mut();
            let (uid, owner, leader) = s
                .sessions
                .get(&id)
                .map(|x| (x.uid, x.conn, x.leader))
                .unwrap_or((0, 0, 0));
            check(rule, cred, Some(uid))?;
            if let Some(x) = s.sessions.get_mut(&id) {
                x.conn = 0;
            }
            // The leader is the process releasing its own session (on the connection that
            // made it, or — after a daemon restart — on a new one): it exits by itself.
            let by_leader = owner == conn || (cred.pid != 0 && cred.pid == leader);
            s.close_session(id, None, by_leader);
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
        method::SET_LINGER => set_linger(state, req, cred, rule).await,
        method::TERMINATE_USER => params::<api::UserRequest>(req).and_then(|p| {
            let uid = tracked_user(state, &p.user, cred)?;
            check(rule, cred, Some(uid))?;
            state.borrow_mut().terminate_user(uid);
            Ok(Reply::ok(json!({})))
        }),
        method::KILL_USER => kill_user(state, req, cred, rule).await,
        method::ATTACH_PROCESS => attach_process(state, req, cred, rule).await,
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
    (r.unwrap_or_else(|e| e), after)
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
) -> Result<(Reply, u64), Reply> {
    check(Rule::RootOnly, cred, None)?;
    let p: api::CreateSessionRequest = params(req)?;
    let (reply, move_leader) = state.borrow_mut().create_session(&p, conn).map_err(op)?;
    let id = reply.id.parse().unwrap_or(0);
    // The leader is in its scope when the login learns of the session (as with logind).
    let jobs = state.borrow().jobs.clone();
    match jobs.run(p.uid, move_leader).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            crate::log::error(format!("session {id}: {e}; its processes are not tracked"))
        }
        Err(e) => crate::log::error(e),
    }
    Ok((ok(&reply), id))
}

/// Answer once the user's manager answers (or failed, or will not come), within the ready
/// timeout: what a login waits for, within its own time, after its session was created.
async fn wait_user_manager(
    state: &Shared,
    req: &Request,
    cred: PeerCred,
    rule: Rule,
) -> Result<Reply, Reply> {
    let p: api::UserRequest = params(req)?;
    let uid = tracked_user(state, &p.user, cred)?;
    check(rule, cred, Some(uid))?;
    let deadline = tokio::time::Instant::now() + state.borrow().config.ready_timeout;
    loop {
        let waiter = state.borrow_mut().manager_waiter(uid);
        let answer = match waiter {
            Ok(()) => return Ok(Reply::ok(json!({}))),
            Err(Some(rx)) => tokio::time::timeout_at(deadline, rx).await.ok(),
            Err(None) => None,
        };
        if answer.is_none() {
            return Err(Reply::error(
                error::FAILED,
                format!("The user manager of uid {uid} is not running"),
            ));
        }
    }
}

async fn kill_user(
    state: &Shared,
    req: &Request,
    cred: PeerCred,
    rule: Rule,
) -> Result<Reply, Reply> {
    let p: api::KillUserRequest = params(req)?;
    let uid = tracked_user(state, &p.user, cred)?;
    check(rule, cred, Some(uid))?;
    let (work, jobs) = {
        let mut s = state.borrow_mut();
        (s.kill_user(uid, p.signal).map_err(op)?, s.jobs.clone())
    };
    // A user's tree may be as large as they made it: walked on a worker, in their queue.
    jobs.run(uid, work)
        .await
        .map_err(|e| Reply::error(error::FAILED, e.to_string()))?;
    Ok(Reply::ok(json!({})))
}

async fn attach_process(
    state: &Shared,
    req: &Request,
    cred: PeerCred,
    rule: Rule,
) -> Result<Reply, Reply> {
    let p: api::AttachProcessRequest = params(req)?;
    let owner = linger_ipc::process_uid(p.pid)
        .ok_or_else(|| Reply::error(error::INVALID, format!("No process {}", p.pid)))?;
    check(rule, cred, Some(owner))?;
    let (procs, jobs) = {
        let s = state.borrow();
        let procs = s
            .tracker
            .attach_target(owner, p.pid, &p.cgroup)
            .map_err(|m| Reply::error(error::FAILED, m))?;
        (procs, s.jobs.clone())
    };
    let pid = p.pid;
    let moved = jobs
        .run(owner, move || std::fs::write(&procs, pid.to_string()))
        .await
        .map_err(|e| Reply::error(error::FAILED, e.to_string()))?;
    moved.map_err(|e| {
        Reply::error(
            error::FAILED,
            format!("cannot move process {pid} into {}: {e}", shown(&p.cgroup)),
        )
    })?;
    Ok(Reply::ok(json!({})))
}

async fn set_linger(
    state: &Shared,
    req: &Request,
    cred: PeerCred,
    rule: Rule,
) -> Result<Reply, Reply> {
    let p: api::SetLingerRequest = params(req)?;
    let (account, registry, jobs) = {
        let s = state.borrow();
        let account = userdb::resolve(s.db(), &p.user, cred.uid).map_err(lookup)?;
        check(rule, cred, Some(account.uid))?;
        (account, s.registry.clone(), s.jobs.clone())
    };
    let uid = account.uid;
    // The registry is on disk: written on a worker, in the user's queue.
    let (name, enable) = (account.name.clone(), p.enable);
    let changed = jobs
        .run(uid, move || {
            if enable {
                registry.enable(&name)
            } else {
                registry.disable(&name)
            }
        })
        .await
        .map_err(|e| Reply::error(error::FAILED, e.to_string()))?
        .map_err(|e| Reply::error(error::FAILED, e.to_string()))?;
    let mut s = state.borrow_mut();
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
            user: crate::escape::property(&x.user).into_owned(),
            seat: String::new(),
            tty: crate::escape::property(&x.tty).into_owned(),
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
            user: crate::escape::property(&u.account.name).into_owned(),
            linger: s.lingering(*uid),
            state: s.user_state_of(*uid).into(),
        })
        .collect();
    ok(&api::ListUsersReply { users })
}
