//! `io.linger.Login`: the login daemon's interface (≙ org.freedesktop.login1). Version 1.
//!
//! The PAM module calls [`method::CREATE_SESSION`] and then keeps the connection open for the
//! whole session: the daemon ends the session when `close_session` calls
//! [`method::RELEASE_SESSION`] *or* when that connection closes (the PAM process died). Every
//! other method is what `loginctl` needs. Authorization is by the peer's uid (SO_PEERCRED):
//! a user may act on their own user and sessions, root on anyone; creating sessions is root's.
//!
//! Properties travel as `loginctl show-*`'s `Name=value` strings, in loginctl's order, so that
//! `show-user`, `user-status` and the daemon agree on one format.

use serde::{Deserialize, Serialize};

/// Interface name.
pub const INTERFACE: &str = "io.linger.Login";

/// Default path of the system socket.
pub const DEFAULT_SOCKET: &str = "/run/linger/login";

/// The root-only socket beside `socket` (`/run/linger/login.root`, mode 0600): the same
/// interface, for the PAM module and root's tools, so that no user's connections — however
/// many they open on the shared socket, whose listen backlog everyone shares — stand between
/// root and the daemon.
pub fn root_socket(socket: &std::path::Path) -> std::path::PathBuf {
    let mut name = socket.file_name().unwrap_or_default().to_os_string();
    name.push(".root");
    socket.with_file_name(name)
}

/// The socket this process should use: the root-only one when running as root and it is
/// there (a daemon from before it had none), else `socket`.
pub fn socket_for(socket: &std::path::Path) -> std::path::PathBuf {
    let root = root_socket(socket);
    if rustix::process::geteuid().is_root() && root.exists() {
        root
    } else {
        socket.to_path_buf()
    }
}

/// The largest request the daemon reads from root (the PAM module's are a few hundred bytes).
pub const MAX_REQUEST_ROOT: usize = 1024 * 1024;
/// The largest request the daemon reads from any other user: every method's parameters fit
/// many times over, and decoding one costs the daemon well under a millisecond.
pub const MAX_REQUEST_USER: usize = 64 * 1024;

/// Method names.
pub mod method {
    /// Register a session: [`super::CreateSessionRequest`] → [`super::CreateSessionReply`].
    /// Root only. The connection that made the call owns the session. Answered at once (the
    /// user's manager may still be starting: see [`WAIT_USER_MANAGER`]); a session whose
    /// answer cannot be delivered (the caller left) is undone, nothing killed.
    pub const CREATE_SESSION: &str = "io.linger.Login.CreateSession";
    /// Wait until the user's manager answers: [`super::UserRequest`] → `{}`, or `Failed` when
    /// none runs or comes (the daemon's ready timeout at most). The PAM module calls it on a
    /// connection of its own after `CreateSession`, within what is left of its time, so that
    /// `systemctl --user` works in the new login at once.
    pub const WAIT_USER_MANAGER: &str = "io.linger.Login.WaitUserManager";
    /// End a session the caller owns: [`super::SessionRequest`].
    pub const RELEASE_SESSION: &str = "io.linger.Login.ReleaseSession";
    /// `list-sessions` → [`super::ListSessionsReply`].
    pub const LIST_SESSIONS: &str = "io.linger.Login.ListSessions";
    /// `list-users` → [`super::ListUsersReply`].
    pub const LIST_USERS: &str = "io.linger.Login.ListUsers";
    /// `show-session`/`session-status`: [`super::SessionRequest`] → [`super::PropertiesReply`].
    pub const SESSION_PROPERTIES: &str = "io.linger.Login.SessionProperties";
    /// `show-user`/`user-status`: [`super::UserRequest`] → [`super::PropertiesReply`].
    pub const USER_PROPERTIES: &str = "io.linger.Login.UserProperties";
    /// `enable-linger`/`disable-linger`: [`super::SetLingerRequest`].
    pub const SET_LINGER: &str = "io.linger.Login.SetLinger";
    /// `terminate-session`: [`super::SessionRequest`].
    pub const TERMINATE_SESSION: &str = "io.linger.Login.TerminateSession";
    /// `terminate-user`: [`super::UserRequest`].
    pub const TERMINATE_USER: &str = "io.linger.Login.TerminateUser";
    /// `kill-session`: [`super::KillSessionRequest`].
    pub const KILL_SESSION: &str = "io.linger.Login.KillSession";
    /// `kill-user`: [`super::KillUserRequest`].
    pub const KILL_USER: &str = "io.linger.Login.KillUser";
    /// Re-read logind.conf (root only; SIGHUP does the same).
    pub const RELOAD: &str = "io.linger.Login.Reload";
    /// Daemon-level properties (`loginctl show` without arguments) → [`super::PropertiesReply`].
    pub const MANAGER: &str = "io.linger.Login.Manager";
    /// Move one of the caller's processes into a cgroup below the caller's own
    /// `user@UID.service` (a user manager making a scope of a process that runs in a session:
    /// the move crosses `user-UID.slice`, which only root may write): [`super::AttachProcessRequest`].
    pub const ATTACH_PROCESS: &str = "io.linger.Login.AttachProcess";
}

/// Error names.
pub mod error {
    /// The caller may not do this (`Access denied`).
    pub const ACCESS_DENIED: &str = "io.linger.Login.AccessDenied";
    /// No session with that id.
    pub const NO_SUCH_SESSION: &str = "io.linger.Login.NoSuchSession";
    /// No such user in the user database, or no such user known to the daemon.
    pub const NO_SUCH_USER: &str = "io.linger.Login.NoSuchUser";
    /// Bad parameters.
    pub const INVALID: &str = "org.varlink.service.InvalidParameter";
    /// Unknown method.
    pub const NO_METHOD: &str = "org.varlink.service.MethodNotFound";
    /// Anything else (message says what).
    pub const FAILED: &str = "io.linger.Login.Failed";
}

/// What the PAM module knows about a new session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateSessionRequest {
    /// The user's uid (from the passwd entry of `PAM_USER`).
    pub uid: u32,
    /// The PAM process (becomes the session leader; moved into the session's cgroup).
    pub pid: u32,
    /// `PAM_SERVICE` (sshd, su, login, …).
    #[serde(default)]
    pub service: String,
    /// `PAM_TTY` (empty if none).
    #[serde(default)]
    pub tty: String,
    /// `PAM_RHOST`.
    #[serde(default)]
    pub remote_host: String,
    /// `PAM_RUSER`.
    #[serde(default)]
    pub remote_user: String,
    /// `user`, `greeter`, `background` (module `class=` or `XDG_SESSION_CLASS`; default user).
    #[serde(default)]
    pub class: String,
    /// `tty`, `x11`, `wayland`, `unspecified` (module `type=` or `XDG_SESSION_TYPE`).
    #[serde(rename = "type", default)]
    pub session_type: String,
    /// `XDG_SESSION_DESKTOP`, if set.
    #[serde(default)]
    pub desktop: String,
    /// `DISPLAY` / `PAM_XDISPLAY`, if set.
    #[serde(default)]
    pub display: String,
}

/// The registered session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateSessionReply {
    /// Session id (`XDG_SESSION_ID`).
    pub id: String,
    /// The user's runtime directory (`XDG_RUNTIME_DIR`), already created.
    pub runtime_path: String,
    /// The session's cgroup path relative to the cgroup root (empty with the `none` driver).
    #[serde(default)]
    pub scope: String,
}

/// A process to move into a cgroup of the caller's user manager.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachProcessRequest {
    /// The process (it must belong to the caller's uid).
    pub pid: u32,
    /// The target cgroup as `/proc/PID/cgroup` names it (`/…/user@UID.service/app.slice/x.scope`).
    pub cgroup: String,
}

/// Names one session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRequest {
    /// Session id.
    pub id: String,
}

/// Names one user, by name or numeric uid; empty means the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRequest {
    /// User name or uid.
    #[serde(default)]
    pub user: String,
}

/// `enable-linger` / `disable-linger` for one user.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetLingerRequest {
    /// User name or uid; empty means the caller.
    #[serde(default)]
    pub user: String,
    /// On or off.
    pub enable: bool,
}

/// `kill-session`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KillSessionRequest {
    /// Session id.
    pub id: String,
    /// `leader` or `all` (default all).
    #[serde(default)]
    pub whom: String,
    /// Signal number.
    pub signal: i32,
}

/// `kill-user`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KillUserRequest {
    /// User name or uid.
    pub user: String,
    /// Signal number.
    pub signal: i32,
}

/// One row of `list-sessions`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRow {
    /// Session id.
    pub id: String,
    /// Owner uid.
    pub uid: u32,
    /// Owner name.
    pub user: String,
    /// Always empty: linger has no seats.
    #[serde(default)]
    pub seat: String,
    /// TTY, if any.
    #[serde(default)]
    pub tty: String,
    /// `online`, `active` or `closing`.
    pub state: String,
    /// Seconds the session has been idle; linger does not track idleness: always false.
    #[serde(default)]
    pub idle: bool,
}

/// `list-sessions` reply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListSessionsReply {
    /// Sessions ordered by id.
    pub sessions: Vec<SessionRow>,
}

/// One row of `list-users`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    /// Uid.
    pub uid: u32,
    /// Name.
    pub user: String,
    /// `yes` / `no`.
    pub linger: bool,
    /// `active`, `online`, `lingering`, `closing`.
    pub state: String,
}

/// `list-users` reply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListUsersReply {
    /// Users ordered by uid.
    pub users: Vec<UserRow>,
}

/// `show-*` reply: `Name=value` lines in loginctl's order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PropertiesReply {
    /// `Name=value` strings.
    pub properties: Vec<String>,
}
