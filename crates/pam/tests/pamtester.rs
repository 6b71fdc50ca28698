//! The built module loaded by a real PAM application: `pamtester` with a temporary service
//! file in /etc/pam.d, against a fake login daemon served by a thread of this test. Needs root
//! (to write /etc/pam.d) and pamtester (installed with apt-get when missing and root);
//! elsewhere each test prints that it was skipped.

use std::io::{BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use linger_ipc::login::{error, method};
use linger_ipc::{Reply, decode_request, encode, read_frame};
use serde_json::{Value, json};

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines()
            .find(|l| l.starts_with("Uid:"))
            .and_then(|l| l.split_whitespace().nth(2))
            == Some("0")
    })
}

/// Root and pamtester (installing it if we can), else why not.
fn prerequisites() -> Result<(), String> {
    if !is_root() {
        return Err("not root".into());
    }
    linger_test_support::ensure_program("/usr/bin/pamtester", "pamtester")
}

macro_rules! require {
    () => {
        if let Err(why) = prerequisites() {
            eprintln!("skipped: {why}");
            return;
        }
    };
}

/// The cdylib Cargo built for this package: `<target>/<profile>/libpam_linger.so`, next to
/// `deps/` where this test binary lives.
fn module() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let deps = exe.parent().unwrap();
    let candidates = [
        deps.parent().unwrap().join("libpam_linger.so"),
        deps.join("libpam_linger.so"),
    ];
    candidates
        .iter()
        .find(|p| p.exists())
        .cloned()
        .unwrap_or_else(|| panic!("module not built: looked at {candidates:?}"))
}

fn uid_of(user: &str) -> u32 {
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap();
    passwd
        .lines()
        .map(|l| l.split(':').collect::<Vec<_>>())
        .find(|f| f.first() == Some(&user))
        .and_then(|f| f.get(2)?.parse().ok())
        .unwrap_or_else(|| panic!("no user {user} in /etc/passwd"))
}

/// A PAM service file, removed again on drop.
struct Service {
    name: String,
    path: PathBuf,
}

impl Service {
    fn new(tag: &str, lines: &str) -> Service {
        let name = format!("linger-test-{}-{tag}", std::process::id());
        let path = Path::new("/etc/pam.d").join(&name);
        std::fs::write(&path, lines).unwrap();
        Service { name, path }
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    Serve,
    Silent,
}

type Events = Arc<Mutex<Vec<(String, Value)>>>;

/// The fake daemon: records calls (and "closed" when a connection ends) and answers them.
fn fake_daemon(socket: &Path, runtime: &Path, mode: Mode) -> Events {
    let l = UnixListener::bind(socket).unwrap();
    let events: Events = Arc::default();
    let (ev, rt) = (events.clone(), runtime.to_path_buf());
    std::thread::spawn(move || {
        for c in l.incoming().flatten() {
            let (ev, rt) = (ev.clone(), rt.clone());
            std::thread::spawn(move || serve(c, mode, &rt, &ev));
        }
    });
    events
}

fn serve(conn: UnixStream, mode: Mode, runtime: &Path, events: &Events) {
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
        let reply = match req.method.as_str() {
            _ if mode == Mode::Silent => continue,
            method::CREATE_SESSION => Reply::ok(json!({
                "id": "c7", "runtime_path": runtime.to_string_lossy(), "scope": ""
            })),
            method::RELEASE_SESSION | method::WAIT_USER_MANAGER => Reply::ok(json!({})),
            _ => Reply::error(error::NO_METHOD, "no such method"),
        };
        if w.write_all(&encode(&reply)).is_err() {
            break;
        }
    }
    events.lock().unwrap().push(("closed".into(), Value::Null));
}

fn wait_events(events: &Events, n: usize) -> Vec<(String, Value)> {
    let t = Instant::now();
    while events.lock().unwrap().len() < n && t.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(10));
    }
    events.lock().unwrap().clone()
}

/// Run pamtester; (success, stdout+stderr, pid, duration).
fn pamtester(service: &str, user: &str) -> (bool, String, u32, Duration) {
    let start = Instant::now();
    let child = Command::new("pamtester")
        .args(["-v", service, user, "open_session", "close_session"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let out = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text, pid, start.elapsed())
}

#[test]
fn pamtester_registers_and_releases_a_session() {
    require!();
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("login");
    let runtime = dir.path().join("user");
    std::fs::create_dir_all(&runtime).unwrap();
    let _bus = UnixListener::bind(runtime.join("bus")).unwrap();
    let events = fake_daemon(&socket, &runtime, Mode::Serve);
    let env_log = dir.path().join("env.log");
    let svc = Service::new(
        "ok",
        &format!(
            "session required {} socket={} debug\nsession optional pam_exec.so type=open_session log={} /usr/bin/env\n",
            module().display(),
            socket.display(),
            env_log.display()
        ),
    );
    let (ok, out, pid, _) = pamtester(&svc.name, "nobody");
    assert!(ok, "pamtester failed:\n{out}");
    assert!(out.contains("successfully opened a session"), "{out}");
    // The calls in order; each connection's end ("closed") comes from its own thread.
    let ev = wait_events(&events, 5);
    let calls: Vec<&(String, Value)> = ev.iter().filter(|e| e.0 != "closed").collect();
    let names: Vec<&str> = calls.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(
        names,
        [
            method::CREATE_SESSION,
            method::WAIT_USER_MANAGER,
            method::RELEASE_SESSION
        ],
        "{ev:?}"
    );
    assert_eq!(ev.len() - calls.len(), 2, "both connections closed: {ev:?}");
    let p = &calls[0].1;
    assert_eq!(p["uid"], uid_of("nobody"), "{p}");
    assert_eq!(p["service"], svc.name.as_str(), "{p}");
    assert_eq!(p["pid"], pid, "{p}");
    assert_eq!(p["class"], "background", "no tty, no display: {p}");
    assert_eq!(calls[2].1, json!({"id": "c7"}));
    // What the session's processes see (pam_exec gets the PAM environment).
    let env = std::fs::read_to_string(&env_log).unwrap_or_default();
    for want in [
        "XDG_SESSION_ID=c7".to_string(),
        format!("XDG_RUNTIME_DIR={}", runtime.display()),
        format!(
            "DBUS_SESSION_BUS_ADDRESS=unix:path={}/bus",
            runtime.display()
        ),
        "XDG_SESSION_CLASS=background".to_string(),
    ] {
        assert!(env.lines().any(|l| l == want), "{want} missing in:\n{env}");
    }
}

#[test]
fn pamtester_succeeds_quickly_without_a_daemon() {
    require!();
    let dir = tempfile::tempdir().unwrap();
    let svc = Service::new(
        "none",
        &format!(
            "session required {} socket={}\n",
            module().display(),
            dir.path().join("login").display()
        ),
    );
    let (ok, out, _, took) = pamtester(&svc.name, "nobody");
    assert!(ok, "pamtester failed:\n{out}");
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

#[test]
fn pamtester_succeeds_within_a_second_when_the_daemon_hangs() {
    require!();
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("login");
    let events = fake_daemon(&socket, dir.path(), Mode::Silent);
    let svc = Service::new(
        "hang",
        &format!(
            "session required {} socket={}\n",
            module().display(),
            socket.display()
        ),
    );
    let (ok, out, _, took) = pamtester(&svc.name, "nobody");
    assert!(ok, "pamtester failed:\n{out}");
    assert!(took < Duration::from_secs(1), "took {took:?}");
    // It did ask, and gave up; nothing was released (no session was registered).
    let ev = wait_events(&events, 2);
    assert_eq!(
        ev.first().map(|e| e.0.as_str()),
        Some(method::CREATE_SESSION)
    );
    assert!(!ev.iter().any(|e| e.0 == method::RELEASE_SESSION), "{ev:?}");
}
