//! `open_session` / `close_session`, written against the [`Pam`] seam so that the whole flow
//! runs in unit tests with a fake handle and a fake daemon; the `ffi` module implements the
//! seam on a real `pam_handle_t`.

use std::path::Path;
use std::time::{Duration, Instant};

use linger_ipc::login::{self, CreateSessionReply, SessionRequest};
use linger_ipc::{CallError, Client};

use crate::args::{self, Args};
use crate::request::{self, Items, XdgEnv};

/// The most a session open or close may wait for the daemon: a login is never held up by us.
pub const BUDGET: Duration = Duration::from_millis(800);

/// The PAM items the module reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// `PAM_SERVICE`
    Service,
    /// `PAM_TTY`
    Tty,
    /// `PAM_RHOST`
    Rhost,
    /// `PAM_RUSER`
    Ruser,
    /// `PAM_XDISPLAY`
    Xdisplay,
}

/// Syslog priorities the module uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    /// LOG_ERR
    Err,
    /// LOG_WARNING
    Warning,
    /// LOG_DEBUG
    Debug,
}

/// What an entry point returns to libpam.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// PAM_SUCCESS
    Success,
    /// PAM_SESSION_ERR
    SessionErr,
}

/// The registered session, kept in the PAM handle between open and close. Holding `client`
/// keeps the connection open: the daemon ends the session when it closes.
#[derive(Debug)]
pub struct Session {
    /// The connection that created the session (CLOEXEC: the user's shell does not get it).
    pub client: Client,
    /// Session id.
    pub id: String,
}

/// What the module needs from libpam and the system.
pub trait Pam {
    /// A PAM item, `None` when unset.
    fn item(&self, item: Item) -> Option<String>;
    /// `PAM_USER` (pam_get_user).
    fn user(&self) -> Option<String>;
    /// A variable of the PAM environment.
    fn getenv(&self, name: &str) -> Option<String>;
    /// Put `NAME=value` into the PAM environment; false on failure.
    fn putenv(&mut self, name_value: &str) -> bool;
    /// Log to syslog (LOG_AUTHPRIV).
    fn log(&self, priority: Priority, msg: &str);
    /// The uid of a user name in the passwd database.
    fn uid_of(&self, user: &str) -> Option<u32>;
    /// Keep the session in the handle; false on failure.
    fn store(&mut self, session: Session) -> bool;
    /// Take the session back out of the handle.
    fn take(&mut self) -> Option<Session>;
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.filter(|v| !v.is_empty())
}

/// A variable from the PAM environment, else the process environment (pam_systemd's order).
fn getenv_harder(pam: &dyn Pam, name: &str) -> String {
    non_empty(pam.getenv(name))
        .or_else(|| non_empty(std::env::var(name).ok()))
        .unwrap_or_default()
}

fn parse_args(pam: &dyn Pam, argv: &[String]) -> Args {
    let (args, warnings) = args::parse(argv);
    for w in warnings {
        pam.log(Priority::Warning, &w);
    }
    args
}

/// What is left of [`BUDGET`] since `start`.
fn left(start: Instant) -> Duration {
    BUDGET.saturating_sub(start.elapsed())
}

/// Connect within what is left of [`BUDGET`] since `start` — as root (PAM modules run as
/// root) through the daemon's root-only socket when it has one: no user's connections can
/// crowd it.
fn connect_within(socket: &Path, start: Instant) -> Result<Client, CallError> {
    Client::connect_with_timeout(&linger_ipc::login::socket_for(socket), left(start))
}

/// Make one call on `client` within what is left of [`BUDGET`] since `start`.
fn call_within(
    client: &mut Client,
    start: Instant,
    method: &str,
    params: serde_json::Value,
) -> Result<serde_json::Value, CallError> {
    client
        .set_timeout(Some(left(start)))
        .map_err(|e| CallError::Frame(e.into()))?;
    client.call(method, params)
}

/// `pam_sm_open_session`: register the session, export its environment, keep the connection.
pub fn open_session(pam: &mut dyn Pam, argv: &[String]) -> Status {
    let start = Instant::now();
    let args = parse_args(pam, argv);
    let Some(user) = non_empty(pam.user()) else {
        pam.log(Priority::Err, "Failed to get user name.");
        return Status::SessionErr;
    };
    let Some(uid) = pam.uid_of(&user) else {
        pam.log(
            Priority::Err,
            &format!("Failed to get user record of '{user}'."),
        );
        return Status::SessionErr;
    };
    let item = |i| pam.item(i).unwrap_or_default();
    let items = Items {
        service: item(Item::Service),
        tty: item(Item::Tty),
        rhost: item(Item::Rhost),
        ruser: item(Item::Ruser),
        display: non_empty(pam.item(Item::Xdisplay))
            .or_else(|| non_empty(pam.getenv("DISPLAY")))
            .unwrap_or_default(),
    };
    let env = XdgEnv {
        class: getenv_harder(pam, "XDG_SESSION_CLASS"),
        session_type: getenv_harder(pam, "XDG_SESSION_TYPE"),
        desktop: getenv_harder(pam, "XDG_SESSION_DESKTOP"),
    };
    let req = request::build(uid, std::process::id(), &items, &env, &args);
    if args.debug {
        pam.log(
            Priority::Debug,
            &format!(
                "Asking linger's login daemon at {} to register session: uid={} pid={} service={} type={} class={} desktop={} tty={} display={} remote_user={} remote_host={}",
                args.socket.display(),
                req.uid,
                req.pid,
                req.service,
                req.session_type,
                req.class,
                req.desktop,
                req.tty,
                req.display,
                req.remote_user,
                req.remote_host
            ),
        );
    }
    let params = serde_json::to_value(&req).unwrap_or_default();
    let created = connect_within(&args.socket, start).and_then(|mut c| {
        call_within(&mut c, start, login::method::CREATE_SESSION, params).map(|v| (c, v))
    });
    let (client, value) = match created {
        Ok(cv) => cv,
        Err(e @ CallError::Remote { .. }) => {
            pam.log(
                Priority::Err,
                &format!("Failed to create session: {e}, continuing without one."),
            );
            return Status::Success;
        }
        Err(e) => {
            pam.log(
                Priority::Err,
                &format!(
                    "Failed to register session with linger's login daemon ({}): {e}, continuing without one.",
                    args.socket.display()
                ),
            );
            return Status::Success;
        }
    };
    let reply: CreateSessionReply = match serde_json::from_value(value) {
        Ok(r) => r,
        Err(e) => {
            pam.log(
                Priority::Err,
                &format!("Malformed CreateSession reply: {e}, continuing without a session."),
            );
            return Status::Success;
        }
    };
    let bus = Path::new(&reply.runtime_path).join("bus");
    let bus_exists = !reply.runtime_path.is_empty()
        && std::fs::symlink_metadata(&bus).is_ok_and(|m| {
            use std::os::unix::fs::FileTypeExt;
            m.file_type().is_socket()
        });
    for nv in request::session_env(&req, &reply, bus_exists, |n| {
        non_empty(pam.getenv(n)).is_some()
    }) {
        if !pam.putenv(&nv) {
            pam.log(
                Priority::Err,
                &format!("Failed to set {nv} in the PAM environment."),
            );
        }
    }
    if args.debug {
        pam.log(
            Priority::Debug,
            &format!(
                "Session {} registered: runtime_path={} scope={}",
                reply.id, reply.runtime_path, reply.scope
            ),
        );
    }
    if !pam.store(Session {
        client,
        id: reply.id,
    }) {
        // The connection closed with the dropped session: the daemon ends the session now.
        pam.log(
            Priority::Err,
            "Failed to keep the session's connection in the PAM handle.",
        );
        return Status::Success;
    }
    wait_for_manager(pam, &args, uid, start);
    Status::Success
}

/// Wait, within what is left of [`BUDGET`], for the user's manager to answer, so that
/// `systemctl --user` works in the new login at once. On a connection of its own: giving up
/// here leaves no answer behind on the session's connection.
fn wait_for_manager(pam: &dyn Pam, args: &Args, uid: u32, start: Instant) {
    let params = serde_json::to_value(login::UserRequest {
        user: uid.to_string(),
    })
    .unwrap_or_default();
    let waited = connect_within(&args.socket, start)
        .and_then(|mut c| call_within(&mut c, start, login::method::WAIT_USER_MANAGER, params));
    if args.debug {
        let how = match waited {
            Ok(_) => "is running".to_string(),
            Err(e) => format!("is not running yet ({e})"),
        };
        pam.log(
            Priority::Debug,
            &format!("The user manager of uid {uid} {how}."),
        );
    }
}

/// `pam_sm_close_session`: release the session and close its connection.
pub fn close_session(pam: &mut dyn Pam, argv: &[String]) -> Status {
    let start = Instant::now();
    let args = parse_args(pam, argv);
    let (mut kept, id) = match pam.take() {
        Some(s) => (Some(s.client), s.id),
        // The session was opened by another process of this PAM application (its connection
        // is gone, and with it the session, unless that process still runs): ask by id.
        None => match non_empty(pam.getenv("XDG_SESSION_ID")) {
            Some(id) => (None, id),
            None => return Status::Success,
        },
    };
    if args.debug {
        pam.log(Priority::Debug, &format!("Releasing session {id}."));
    }
    let params = serde_json::to_value(SessionRequest { id: id.clone() }).unwrap_or_default();
    let method = login::method::RELEASE_SESSION;
    let fresh = |params| {
        connect_within(&args.socket, start)
            .and_then(|mut c| call_within(&mut c, start, method, params))
    };
    let released = match kept.as_mut() {
        // A connection the daemon no longer serves (it was restarted since the session
        // opened): ask again on a new one — the daemon knows the session and its leader.
        Some(c) => match call_within(c, start, method, params.clone()) {
            Err(CallError::Frame(_)) => fresh(params),
            other => other,
        },
        None => fresh(params),
    };
    if let Err(e) = released {
        pam.log(
            Priority::Err,
            &format!("Failed to release session {id}: {e}, ignoring."),
        );
    }
    // Dropping the client closes the connection.
    drop(kept);
    Status::Success
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
