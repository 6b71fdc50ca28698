//! The open/close flow against a fake PAM handle and a fake login daemon.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use linger_ipc::{Reply, decode_request, encode, read_frame};
use serde_json::{Value, json};

use super::*;

/// A PAM handle: items, environment, data, and the log (a cell: `log` takes `&self`).
#[derive(Debug, Default)]
struct FakePam {
    items: BTreeMap<&'static str, String>,
    user: Option<String>,
    env: BTreeMap<String, String>,
    log: RefCell<Vec<(Priority, String)>>,
    data: Option<Session>,
}

impl FakePam {
    fn new(user: &str) -> FakePam {
        let mut p = FakePam {
            user: Some(user.into()),
            ..FakePam::default()
        };
        p.items.insert("service", "sshd".into());
        p.items.insert("tty", "/dev/pts/4".into());
        p.items.insert("rhost", "192.0.2.1".into());
        p
    }
    fn errors(&self) -> Vec<String> {
        self.log
            .borrow()
            .iter()
            .filter(|(p, _)| *p == Priority::Err)
            .map(|(_, m)| m.clone())
            .collect()
    }
}

impl Pam for FakePam {
    fn item(&self, item: Item) -> Option<String> {
        let k = match item {
            Item::Service => "service",
            Item::Tty => "tty",
            Item::Rhost => "rhost",
            Item::Ruser => "ruser",
            Item::Xdisplay => "xdisplay",
        };
        self.items.get(k).cloned()
    }
    fn user(&self) -> Option<String> {
        self.user.clone()
    }
    fn getenv(&self, name: &str) -> Option<String> {
        self.env.get(name).cloned()
    }
    fn putenv(&mut self, nv: &str) -> bool {
        let Some((n, v)) = nv.split_once('=') else {
            return false;
        };
        self.env.insert(n.into(), v.into());
        true
    }
    fn log(&self, p: Priority, m: &str) {
        self.log.borrow_mut().push((p, m.to_string()));
    }
    fn uid_of(&self, user: &str) -> Option<u32> {
        (user == "alice").then_some(1000)
    }
    fn store(&mut self, s: Session) -> bool {
        self.data = Some(s);
        true
    }
    fn take(&mut self) -> Option<Session> {
        self.data.take()
    }
}

/// How the fake daemon behaves.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    Serve,
    Silent,
    Deny,
}

/// Events the fake daemon saw: ("call", method, params) or ("closed", "", null).
type Events = Arc<Mutex<Vec<(String, Value)>>>;

struct Daemon {
    socket: PathBuf,
    runtime: PathBuf,
    events: Events,
}

fn serve(conn: UnixStream, mode: Mode, runtime: PathBuf, events: Events) {
    let Ok(mut w) = conn.try_clone() else { return };
    let mut r = BufReader::new(conn);
    while let Ok(frame) = read_frame(&mut r) {
        let Ok(req) = decode_request(&frame) else {
            break;
        };
        events
            .lock()
            .unwrap()
            .push((req.method.clone(), req.parameters.clone()));
        let reply = match (mode, req.method.as_str()) {
            (Mode::Silent, _) => continue,
            (Mode::Deny, _) => Reply::error(login::error::ACCESS_DENIED, "Access denied"),
            (_, login::method::CREATE_SESSION) => Reply::ok(json!({
                "id": "c1", "runtime_path": runtime.to_string_lossy(), "scope": ""
            })),
            _ => Reply::ok(json!({})),
        };
        if w.write_all(&encode(&reply)).is_err() {
            break;
        }
    }
    events.lock().unwrap().push(("closed".into(), Value::Null));
}

impl Daemon {
    fn start(dir: &Path, mode: Mode) -> Daemon {
        let socket = dir.join("login");
        let runtime = dir.join("user");
        std::fs::create_dir_all(&runtime).unwrap();
        let l = UnixListener::bind(&socket).unwrap();
        let events: Events = Arc::default();
        let (ev, rt) = (events.clone(), runtime.clone());
        std::thread::spawn(move || {
            for c in l.incoming().flatten() {
                let (ev, rt) = (ev.clone(), rt.clone());
                std::thread::spawn(move || serve(c, mode, rt, ev));
            }
        });
        Daemon {
            socket,
            runtime,
            events,
        }
    }
    fn events(&self) -> Vec<(String, Value)> {
        self.events.lock().unwrap().clone()
    }
    /// Wait (bounded) until the daemon saw `n` events: "closed" comes from its own thread.
    fn wait_events(&self, n: usize) -> Vec<(String, Value)> {
        let t = Instant::now();
        while self.events().len() < n && t.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(5));
        }
        self.events()
    }
    fn argv(&self) -> Vec<String> {
        vec![format!("socket={}", self.socket.display()), "debug".into()]
    }
}

#[test]
fn open_registers_exports_and_keeps_the_connection_then_close_releases() {
    let dir = tempfile::tempdir().unwrap();
    let d = Daemon::start(dir.path(), Mode::Serve);
    let mut pam = FakePam::new("alice");
    assert_eq!(open_session(&mut pam, &d.argv()), Status::Success);
    assert!(pam.errors().is_empty(), "{:?}", pam.errors());
    let ev = d.wait_events(1);
    assert_eq!(ev[0].0, login::method::CREATE_SESSION, "{ev:?}");
    let p = &ev[0].1;
    assert_eq!(p["uid"], 1000);
    assert_eq!(p["pid"], std::process::id());
    assert_eq!(p["service"], "sshd");
    assert_eq!(p["tty"], "pts/4");
    assert_eq!(p["remote_host"], "192.0.2.1");
    assert_eq!(p["type"], "tty");
    assert_eq!(p["class"], "user");
    let env = &pam.env;
    assert_eq!(env.get("XDG_SESSION_ID").map(String::as_str), Some("c1"));
    assert_eq!(
        env.get("XDG_RUNTIME_DIR").map(PathBuf::from),
        Some(d.runtime.clone())
    );
    assert!(!env.contains_key("DBUS_SESSION_BUS_ADDRESS"), "{env:?}");
    assert!(pam.data.is_some(), "the connection is kept");
    // The wait for the user's manager came on a connection of its own, closed after it.
    let ev = d.wait_events(3);
    assert_eq!(
        ev[1],
        (
            login::method::WAIT_USER_MANAGER.into(),
            json!({"user": "1000"})
        )
    );
    assert_eq!(ev[2].0, "closed");
    assert_eq!(close_session(&mut pam, &d.argv()), Status::Success);
    let ev = d.wait_events(5);
    let names: Vec<&str> = ev.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(
        names,
        [
            login::method::CREATE_SESSION,
            login::method::WAIT_USER_MANAGER,
            "closed",
            login::method::RELEASE_SESSION,
            "closed"
        ]
    );
    assert_eq!(ev[3].1, json!({"id": "c1"}));
    assert!(pam.errors().is_empty(), "{:?}", pam.errors());
}

#[test]
fn bus_address_only_when_the_bus_socket_exists() {
    let dir = tempfile::tempdir().unwrap();
    let d = Daemon::start(dir.path(), Mode::Serve);
    let _bus = UnixListener::bind(d.runtime.join("bus")).unwrap();
    let mut pam = FakePam::new("alice");
    assert_eq!(open_session(&mut pam, &d.argv()), Status::Success);
    assert_eq!(
        pam.env.get("DBUS_SESSION_BUS_ADDRESS"),
        Some(&format!("unix:path={}/bus", d.runtime.display()))
    );
}

#[test]
fn no_daemon_logs_and_succeeds_without_environment() {
    let dir = tempfile::tempdir().unwrap();
    let mut pam = FakePam::new("alice");
    let argv = vec![format!("socket={}", dir.path().join("nope").display())];
    assert_eq!(open_session(&mut pam, &argv), Status::Success);
    assert!(pam.env.is_empty(), "{:?}", pam.env);
    let errs = pam.errors();
    assert!(
        errs.len() == 1 && errs[0].contains("nope") && errs[0].contains("continuing"),
        "{errs:?}"
    );
    // Nothing to release, nothing logged.
    assert_eq!(close_session(&mut pam, &argv), Status::Success);
    assert_eq!(pam.errors().len(), 1);
}

#[test]
fn a_silent_daemon_costs_at_most_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    let d = Daemon::start(dir.path(), Mode::Silent);
    let mut pam = FakePam::new("alice");
    let t = Instant::now();
    assert_eq!(open_session(&mut pam, &d.argv()), Status::Success);
    let took = t.elapsed();
    assert!(
        took >= BUDGET / 2 && took < BUDGET + Duration::from_millis(200),
        "{took:?}"
    );
    assert!(pam.data.is_none());
    assert_eq!(pam.errors().len(), 1, "{:?}", pam.errors());
}

#[test]
fn a_refusal_is_logged_with_the_daemons_message() {
    let dir = tempfile::tempdir().unwrap();
    let d = Daemon::start(dir.path(), Mode::Deny);
    let mut pam = FakePam::new("alice");
    assert_eq!(open_session(&mut pam, &d.argv()), Status::Success);
    assert_eq!(
        pam.errors(),
        ["Failed to create session: Access denied, continuing without one."]
    );
    assert!(pam.env.is_empty());
}

#[test]
fn unknown_user_is_a_session_error() {
    let mut pam = FakePam::new("mallory");
    assert_eq!(open_session(&mut pam, &[]), Status::SessionErr);
    assert_eq!(pam.errors(), ["Failed to get user record of 'mallory'."]);
    let mut pam = FakePam::default();
    assert_eq!(open_session(&mut pam, &[]), Status::SessionErr);
}

/// The daemon was restarted while the session was open: the kept connection is dead, the
/// release goes through a new one.
#[test]
fn close_after_a_daemon_restart_releases_on_a_new_connection() {
    let dir = tempfile::tempdir().unwrap();
    let d = Daemon::start(dir.path(), Mode::Serve);
    let mut pam = FakePam::new("alice");
    assert_eq!(open_session(&mut pam, &d.argv()), Status::Success);
    // A connection whose other end is gone, as after the daemon's restart.
    let gone = dir.path().join("gone");
    let l = UnixListener::bind(&gone).unwrap();
    let dead = Client::connect(&gone).unwrap();
    drop(l.accept().unwrap());
    drop(l);
    let kept = pam.data.take().unwrap();
    pam.data = Some(Session {
        client: dead,
        id: kept.id,
    });
    assert_eq!(close_session(&mut pam, &d.argv()), Status::Success);
    assert!(pam.errors().is_empty(), "{:?}", pam.errors());
    let ev = d.wait_events(4);
    assert!(
        ev.iter()
            .any(|e| e == &(login::method::RELEASE_SESSION.into(), json!({"id": "c1"}))),
        "{ev:?}"
    );
}

#[test]
fn close_without_kept_connection_releases_by_environment_id() {
    let dir = tempfile::tempdir().unwrap();
    let d = Daemon::start(dir.path(), Mode::Serve);
    let mut pam = FakePam::new("alice");
    pam.env.insert("XDG_SESSION_ID".into(), "9".into());
    assert_eq!(close_session(&mut pam, &d.argv()), Status::Success);
    let ev = d.wait_events(2);
    assert_eq!(ev[0].0, login::method::RELEASE_SESSION);
    assert_eq!(ev[0].1, json!({"id": "9"}));
}
