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

use linger_ipc::login::{self as api, error};
use linger_ipc::{FrameReader, PeerCred, Reply, Request, decode_request, encode};
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;
use tokio::net::UnixStream;

use crate::auth::{self, Rule};
use crate::escape::shown;
use crate::jobs::Lanes;
use crate::request::{self, Call, Refused, SessionRef, UserRef};
use crate::session_ops::OpError;
use crate::state::Shared;
use crate::userdb;

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
    /// The client's user is in the penalty box (another connection of theirs broke the
    /// protocol): the next frame was not read.
    Held,
}

/// Serve one client until it hangs up or misbehaves, then end the sessions it owned. After a
/// violation, or when `held()` says its user is in the penalty box, the connection comes back
/// unread for the caller to hold a while.
///
/// A user's frames are read in that user's turn (one connection of theirs at a time, root's
/// unqueued): whatever a user sends on many connections at once, the daemon reads one of
/// them, and once one broke the protocol it reads none of the others.
pub async fn serve(
    state: Shared,
    stream: UnixStream,
    conn: u64,
    cred: PeerCred,
    held: impl Fn() -> bool,
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
        if frames.ready().await.is_err() {
            break;
        }
        let turn = if cred.uid == 0 {
            None
        } else {
            match turns.turn(cred.uid).await {
                Ok(t) => Some(t),
                Err(_) => break,
            }
        };
        if held() {
            ending = Ending::Held;
            break;
        }
        let frame = match frames.next().await {
            Ok(f) => f,
            Err(linger_ipc::FrameError::Closed | linger_ipc::FrameError::Io(_)) => break,
            Err(_) => {
                ending = Ending::Violation;
                break;
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
    let back = (ending != Ending::Hangup)
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

fn ok<T: serde::Serialize>(v: &T) -> Reply {
    Reply::ok(serde_json::to_value(v).unwrap_or(Value::Null))
}

fn op(e: OpError) -> Reply {
    Reply::error(e.name, e.message)
}

fn refused(e: Refused) -> Reply {
    Reply::error(e.name, e.message)
}

fn check(rule: Rule, cred: PeerCred, target: Option<u32>) -> Result<(), Reply> {
    if auth::allowed(rule, cred.uid, target) {
        Ok(())
    } else {
        Err(Reply::error(error::ACCESS_DENIED, auth::DENIED))
    }
}

/// The session a request names, if the daemon knows it: by id, or the caller's own (found
/// from the caller's cgroup, or as a session leader).
fn session_id(
    state: &Shared,
    session: &SessionRef,
    cred: PeerCred,
    caller_cgroup: Option<&str>,
) -> Result<u64, Reply> {
    let s = state.borrow();
    match session {
        SessionRef::Id(n) => {
            s.sessions.contains_key(n).then_some(*n).ok_or_else(|| {
                Reply::error(error::NO_SUCH_SESSION, format!("No session '{n}' known"))
            })
        }
        SessionRef::Caller => caller_cgroup
            .and_then(|c| {
                c.rsplit('/').find_map(|c| {
                    c.strip_prefix("session-")?
                        .strip_suffix(".scope")?
                        .parse()
                        .ok()
                })
            })
            .filter(|id| s.sessions.contains_key(id))
            .or_else(|| {
                s.sessions
                    .values()
                    .find(|x| x.info.leader == cred.pid)
                    .map(|x| x.info.id)
            })
            .ok_or_else(|| {
                Reply::error(
                    error::NO_SUCH_SESSION,
                    "Caller does not belong to any known session",
                )
            }),
    }
}

async fn handle(state: &Shared, req: &Request, cred: PeerCred, conn: u64) -> (Reply, After) {
    let call = match (auth::rule(&req.method), request::decode(req)) {
        (Some(rule), Ok(call)) => (rule, call),
        (_, Err(e)) => return (refused(e), After::Nothing),
        (None, Ok(_)) => {
            let m = shown(&req.method);
            let e = Reply::error(error::NO_METHOD, format!("Unknown method {m}"));
            return (e, After::Nothing);
        }
    };
    // Reading `/proc/PID/cgroup` takes the kernel's cgroup lock: on a worker, and only for
    // calls that name the caller's own session.
    let names_caller = matches!(
        &call.1,
        Call::ReleaseSession(SessionRef::Caller)
            | Call::TerminateSession(SessionRef::Caller)
            | Call::KillSession {
                session: SessionRef::Caller,
                ..
            }
            | Call::SessionProperties(SessionRef::Caller)
    );
    let caller = if names_caller {
        let pid = cred.pid;
        tokio::task::spawn_blocking(move || crate::tracker::unified_cgroup_of(pid).ok().flatten())
            .await
            .ok()
            .flatten()
    } else {
        None
    };
    let mut after = After::Nothing;
    let r = match call {
        (_, Call::CreateSession(p)) => {
            create_session(state, p, cred, conn)
                .await
                .map(|(reply, id)| {
                    after = After::Created(id);
                    reply
                })
        }
        (rule, Call::WaitUserManager(user)) => wait_user_manager(state, &user, cred, rule).await,
        (rule, Call::ReleaseSession(session)) => {
            session_id(state, &session, cred, caller.as_deref()).and_then(|id| {
                let mut s = state.borrow_mut();
                let (uid, owner, leader) = s
                    .sessions
                    .get(&id)
                    .map(|x| (x.info.uid, x.conn, x.info.leader))
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
            })
        }
        (rule, Call::TerminateSession(session)) => {
            session_id(state, &session, cred, caller.as_deref()).and_then(|id| {
                let mut s = state.borrow_mut();
                let uid = s.sessions.get(&id).map_or(0, |x| x.info.uid);
                check(rule, cred, Some(uid))?;
                s.close_session(id, Some(true), false);
                Ok(Reply::ok(json!({})))
            })
        }
        (
            rule,
            Call::KillSession {
                session,
                whom,
                signal,
            },
        ) => session_id(state, &session, cred, caller.as_deref()).and_then(|id| {
            let mut s = state.borrow_mut();
            let uid = s.sessions.get(&id).map_or(0, |x| x.info.uid);
            check(rule, cred, Some(uid))?;
            s.kill_session(id, whom, signal).map_err(op)?;
            Ok(Reply::ok(json!({})))
        }),
        (rule, Call::SetLinger { user, enable }) => {
            set_linger(state, &user, enable, cred, rule).await
        }
        (rule, Call::TerminateUser(user)) => tracked_user(state, &user, cred).and_then(|uid| {
            check(rule, cred, Some(uid))?;
            state.borrow_mut().terminate_user(uid);
            Ok(Reply::ok(json!({})))
        }),
        (rule, Call::KillUser { user, signal }) => {
            kill_user(state, &user, signal, cred, rule).await
        }
        (rule, Call::AttachProcess(p)) => attach_process(state, p, cred, rule).await,
        (_, Call::ListSessions) => Ok(list_sessions(state)),
        (_, Call::ListUsers) => Ok(list_users(state)),
        (_, Call::SessionProperties(session)) => {
            session_id(state, &session, cred, caller.as_deref()).map(|id| {
                let s = state.borrow();
                let props = s
                    .sessions
                    .get(&id)
                    .map(|x| s.session_properties(x))
                    .unwrap_or_default();
                ok(&api::PropertiesReply { properties: props })
            })
        }
        (_, Call::UserProperties(user)) => tracked_user(state, &user, cred).map(|uid| {
            let props = state.borrow().user_properties(uid).unwrap_or_default();
            ok(&api::PropertiesReply { properties: props })
        }),
        (_, Call::Manager) => Ok(ok(&api::PropertiesReply {
            properties: state.borrow().manager_properties(),
        })),
        (rule, Call::Reload) => check(rule, cred, None).map(|()| {
            state.borrow_mut().reload();
            Reply::ok(json!({}))
        }),
        (_, Call::GetInfo) => Ok(Reply::ok(json!({
            "vendor": "linger", "product": "linger login daemon", "version": env!("CARGO_PKG_VERSION"),
            "url": "", "interfaces": ["org.varlink.service", api::INTERFACE]
        }))),
    };
    (r.unwrap_or_else(|e| e), after)
}

/// A user the daemon tracks (has a session, lingers, or a manager), by name or uid.
fn tracked_user(state: &Shared, user: &UserRef, cred: PeerCred) -> Result<u32, Reply> {
    let s = state.borrow();
    let account = userdb::lookup(s.db(), user, cred.uid).map_err(|e| refused(e.into()))?;
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
    p: api::CreateSessionRequest,
    cred: PeerCred,
    conn: u64,
) -> Result<(Reply, u64), Reply> {
    check(Rule::RootOnly, cred, None)?;
    // Queued in the user's jobs at once, after the runtime directory's making.
    let made = {
        let mut s = state.borrow_mut();
        let (reply, make) = s.create_session(&p, conn).map_err(op)?;
        (reply, s.jobs.run(p.uid, make))
    };
    let (reply, make) = made;
    let id = reply.id.parse().unwrap_or(0);
    // The leader is in its scope when the login learns of the session (as with logind).
    match make.await {
        Ok(Ok(origin)) => state.borrow_mut().session_made(id, origin),
        Ok(Err(e)) => {
            state.borrow_mut().session_refused(id);
            return Err(op(e));
        }
        Err(e) => {
            crate::log::error(e);
            state.borrow_mut().session_made(id, None);
        }
    }
    Ok((ok(&reply), id))
}

/// Answer once the user's manager answers (or failed, or will not come), within the ready
/// timeout: what a login waits for, within its own time, after its session was created.
async fn wait_user_manager(
    state: &Shared,
    user: &UserRef,
    cred: PeerCred,
    rule: Rule,
) -> Result<Reply, Reply> {
    let uid = tracked_user(state, user, cred)?;
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
    user: &UserRef,
    signal: i32,
    cred: PeerCred,
    rule: Rule,
) -> Result<Reply, Reply> {
    let uid = tracked_user(state, user, cred)?;
    check(rule, cred, Some(uid))?;
    let (work, jobs) = {
        let mut s = state.borrow_mut();
        (s.kill_user(uid, signal), s.jobs.clone())
    };
    // A user's tree may be as large as they made it: walked on a worker, in their queue.
    jobs.run(uid, work)
        .await
        .map_err(|e| Reply::error(error::FAILED, e.to_string()))?;
    Ok(Reply::ok(json!({})))
}

async fn attach_process(
    state: &Shared,
    p: api::AttachProcessRequest,
    cred: PeerCred,
    rule: Rule,
) -> Result<Reply, Reply> {
    let owner = linger_ipc::process_uid(p.pid)
        .ok_or_else(|| Reply::error(error::INVALID, format!("No process {}", p.pid)))?;
    check(rule, cred, Some(owner))?;
    let moved = {
        let s = state.borrow();
        let work = s
            .tracker
            .attach(owner, p.pid, &p.cgroup)
            .map_err(|m| Reply::error(error::FAILED, m))?;
        s.jobs.run(owner, work)
    };
    moved
        .await
        .map_err(|e| Reply::error(error::FAILED, e.to_string()))?
        .map_err(|m| Reply::error(error::FAILED, m))?;
    Ok(Reply::ok(json!({})))
}

async fn set_linger(
    state: &Shared,
    user: &UserRef,
    enable: bool,
    cred: PeerCred,
    rule: Rule,
) -> Result<Reply, Reply> {
    let (account, registry, jobs) = {
        let s = state.borrow();
        let account = userdb::lookup(s.db(), user, cred.uid).map_err(|e| refused(e.into()))?;
        check(rule, cred, Some(account.uid))?;
        (account, s.registry.clone(), s.jobs.clone())
    };
    let uid = account.uid;
    // The registry is on disk: written on a worker, in the user's queue.
    let name = account.name.clone();
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
    if enable {
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
            if enable { "enabled" } else { "disabled" }
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
            id: x.info.id.to_string(),
            uid: x.info.uid,
            user: crate::escape::property(&x.info.user).into_owned(),
            seat: String::new(),
            tty: crate::escape::property(&x.info.tty).into_owned(),
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
