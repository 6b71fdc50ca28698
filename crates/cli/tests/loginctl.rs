//! `loginctl` (a link to the binary) and `linger login` against a fake login daemon: a thread
//! of this test serving io.linger.Login on a socket in a temp dir. Checks loginctl's output
//! layout, -p/--value/--all, exit codes, the seat refusal and the missing-socket error.

use std::io::{BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

use linger_ipc::login::{error, method};
use linger_ipc::{Reply, decode_request, encode, read_frame};
use linger_test_support::Run;
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

type Calls = Arc<Mutex<Vec<(String, Value)>>>;

fn session_props(id: &str) -> Option<Vec<&'static str>> {
    match id {
        "3" => Some(vec![
            "Id=3",
            "User=1000",
            "Name=alice",
            "Timestamp=Mon 2026-11-23 10:00:00 UTC",
            "TTY=pts/0",
            "Display=",
            "Remote=yes",
            "RemoteHost=192.0.2.9",
            "RemoteUser=",
            "Service=sshd",
            "Scope=session-3.scope",
            "Leader=0",
            "Type=tty",
            "Class=user",
            "State=active",
        ]),
        "c2" => Some(vec![
            "Id=c2",
            "User=0",
            "Name=root",
            "TTY=",
            "Service=cron",
            "Type=unspecified",
            "Class=background",
            "State=online",
        ]),
        _ => None,
    }
}

fn answer(method_name: &str, p: &Value) -> Reply {
    let user = p.get("user").and_then(Value::as_str).unwrap_or("");
    let id = p.get("id").and_then(Value::as_str).unwrap_or("");
    match method_name {
        method::LIST_SESSIONS => Reply::ok(json!({"sessions": [
            {"id": "3", "uid": 1000, "user": "alice", "seat": "", "tty": "pts/0", "state": "active"},
            {"id": "c2", "uid": 0, "user": "root", "seat": "", "tty": "", "state": "online"},
        ]})),
        method::LIST_USERS => Reply::ok(json!({"users": [
            {"uid": 0, "user": "root", "linger": false, "state": "online"},
            {"uid": 1000, "user": "alice", "linger": true, "state": "active"},
        ]})),
        method::SESSION_PROPERTIES => match session_props(id) {
            Some(p) => Reply::ok(json!({ "properties": p })),
            None => Reply::error(error::NO_SUCH_SESSION, format!("No session '{id}' known")),
        },
        method::USER_PROPERTIES if user == "alice" || user == "1000" || user.is_empty() => {
            Reply::ok(json!({"properties": [
                "UID=1000", "GID=1000", "Name=alice", "RuntimePath=/run/user/1000",
                "Slice=user-1000.slice", "Display=", "State=active", "Sessions=3",
                "IdleHint=no", "Linger=yes",
            ]}))
        }
        method::USER_PROPERTIES => Reply::error(
            error::NO_SUCH_USER,
            format!("User {user} is not logged in or lingering"),
        ),
        method::MANAGER => Reply::ok(json!({"properties": [
            "KillUserProcesses=no", "KillOnlyUsers=", "NAutoVTs=0", "UserStopDelayUSec=10s",
        ]})),
        method::SET_LINGER if user == "bob" => Reply::error(error::ACCESS_DENIED, "Access denied"),
        method::TERMINATE_SESSION | method::KILL_SESSION if session_props(id).is_none() => {
            Reply::error(error::NO_SUCH_SESSION, format!("No session '{id}' known"))
        }
        _ => Reply::ok(json!({})),
    }
}

fn serve(conn: UnixStream, calls: &Calls) {
    let Ok(mut w) = conn.try_clone() else { return };
    let mut r = BufReader::new(conn);
    while let Ok(frame) = read_frame(&mut r) {
        let Ok(req) = decode_request(&frame) else {
            break;
        };
        calls
            .lock()
            .unwrap()
            .push((req.method.clone(), req.parameters.clone()));
        if w.write_all(&encode(&answer(&req.method, &req.parameters)))
            .is_err()
        {
            break;
        }
    }
}

/// A fake daemon in a temp dir, and a `loginctl` link to the binary.
struct Fake {
    dir: tempfile::TempDir,
    calls: Calls,
}

impl Fake {
    fn start() -> Fake {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(BIN, dir.path().join("loginctl")).unwrap();
        let l = UnixListener::bind(dir.path().join("login")).unwrap();
        let calls: Calls = Arc::default();
        let c = calls.clone();
        std::thread::spawn(move || {
            for conn in l.incoming().flatten() {
                let c = c.clone();
                std::thread::spawn(move || serve(conn, &c));
            }
        });
        Fake { dir, calls }
    }
    fn socket(&self) -> PathBuf {
        self.dir.path().join("login")
    }
    fn loginctl(&self, args: &[&str]) -> Run {
        run(&self.dir.path().join("loginctl"), args, &self.socket())
    }
    fn calls(&self, m: &str) -> Vec<Value> {
        self.calls
            .lock()
            .unwrap()
            .iter()
            .filter(|(n, _)| n == m)
            .map(|(_, p)| p.clone())
            .collect()
    }
}

fn run(bin: &Path, args: &[&str], socket: &Path) -> Run {
    let o = Command::new(bin)
        .args(args)
        .env("LINGER_LOGIN_SOCKET", socket)
        .env_remove("XDG_SESSION_ID")
        .output()
        .unwrap();
    Run::of(o)
}

/// Assert exit code and exact stdout, printing everything on failure.
fn expect(o: &Run, code: i32, stdout: &str) {
    assert!(
        o.code == code && o.stdout == stdout,
        "expected code {code} and stdout:\n{stdout}\ngot {o:#?}"
    );
}

#[test]
fn list_sessions_layout_footer_and_default_verb() {
    let f = Fake::start();
    let want = "SESSION  UID USER  SEAT TTY\n      3 1000 alice      pts/0\n     c2    0 root\n\n2 sessions listed.\n";
    expect(&f.loginctl(&["list-sessions"]), 0, want);
    expect(&f.loginctl(&[]), 0, want);
    expect(
        &f.loginctl(&["list-sessions", "--no-legend"]),
        0,
        "      3 1000 alice      pts/0\n     c2    0 root\n",
    );
}

#[test]
fn list_users_and_linger_login_subcommand() {
    let f = Fake::start();
    let want = " UID USER\n   0 root\n1000 alice\n\n2 users listed.\n";
    expect(&f.loginctl(&["list-users"]), 0, want);
    let o = run(Path::new(BIN), &["login", "list-users"], &f.socket());
    expect(&o, 0, want);
}

#[test]
fn json_output() {
    let f = Fake::start();
    let o = f.loginctl(&["list-sessions", "--json=short"]);
    assert_eq!(o.code, 0, "{o:?}");
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(
        v,
        json!([
            {"session": "3", "uid": 1000, "user": "alice", "seat": null, "tty": "pts/0"},
            {"session": "c2", "uid": 0, "user": "root", "seat": null, "tty": null},
        ])
    );
    let o = f.loginctl(&["show-user", "alice", "-p", "Linger", "--json=pretty"]);
    assert_eq!(o.stdout, "{\n  \"Linger\": \"yes\"\n}\n", "{o:?}");
    let o = f.loginctl(&["list-users", "--json=yaml"]);
    assert_eq!(o.code, 1, "{o:?}");
}

#[test]
fn show_session_properties_value_and_all() {
    let f = Fake::start();
    let o = f.loginctl(&["show-session", "3"]);
    assert_eq!(o.code, 0, "{o:?}");
    assert!(
        o.stdout.starts_with("Id=3\nUser=1000\nName=alice\n"),
        "{o:?}"
    );
    assert!(!o.stdout.contains("Display="), "empty hidden: {o:?}");
    let o = f.loginctl(&["show-session", "3", "--all"]);
    assert!(o.stdout.contains("\nDisplay=\n"), "{o:?}");
    // Daemon order, empty ones shown when asked for by name; comma lists and repeats.
    expect(
        &f.loginctl(&["show-session", "3", "-p", "TTY,Display", "-p", "Id"]),
        0,
        "Id=3\nTTY=pts/0\nDisplay=\n",
    );
    expect(
        &f.loginctl(&["show-session", "-p", "State", "--value", "3", "c2"]),
        0,
        "active\n\nonline\n",
    );
    expect(
        &f.loginctl(&["show-user", "alice", "--property=Linger", "--value"]),
        0,
        "yes\n",
    );
}

#[test]
fn show_without_arguments_shows_the_manager() {
    let f = Fake::start();
    let want = "KillUserProcesses=no\nNAutoVTs=0\nUserStopDelayUSec=10s\n";
    expect(&f.loginctl(&["show"]), 0, want);
    expect(&f.loginctl(&["show-session"]), 0, want);
    expect(&f.loginctl(&["show-user"]), 0, want);
}

#[test]
fn unknown_session_and_user_fail_with_the_daemons_message() {
    let f = Fake::start();
    let o = f.loginctl(&["show-session", "99"]);
    assert_eq!(
        (o.code, o.stderr.as_str()),
        (1, "Failed to get session path: No session '99' known\n"),
        "{o:?}"
    );
    let o = f.loginctl(&["user-status", "carol"]);
    assert_eq!(
        (o.code, o.stderr.as_str()),
        (
            1,
            "Failed to get user: User carol is not logged in or lingering\n"
        ),
        "{o:?}"
    );
    let o = f.loginctl(&["terminate-session", "99"]);
    assert_eq!(
        (o.code, o.stderr.as_str()),
        (1, "Could not terminate session: No session '99' known\n"),
        "{o:?}"
    );
}

#[test]
fn status_layouts() {
    let f = Fake::start();
    expect(
        &f.loginctl(&["session-status", "c2"]),
        0,
        "c2 - root (0)\n\t Service: cron; type unspecified; class background\n\t   State: online\n",
    );
    let o = f.loginctl(&["session-status", "3"]);
    assert!(
        o.stdout.starts_with("3 - alice (1000)\n\t   Since: Mon 2026-11-23 10:00:00 UTC\n\t     TTY: pts/0\n\t  Remote: 192.0.2.9\n\t Service: sshd; type tty; class user\n\t   State: active\n\t    Unit: session-3.scope\n"),
        "{o:?}"
    );
    let want = "alice (1000)\n\t   State: active\n\tSessions: 3\n\t  Linger: yes\n\t    Unit: user-1000.slice\n";
    expect(&f.loginctl(&["user-status", "alice"]), 0, want);
    // No argument: the caller, named by an empty user.
    expect(&f.loginctl(&["user-status"]), 0, want);
    assert_eq!(
        f.calls(method::USER_PROPERTIES).last(),
        Some(&json!({"user": ""}))
    );
}

#[test]
fn linger_requests_and_access_denied() {
    let f = Fake::start();
    expect(&f.loginctl(&["enable-linger"]), 0, "");
    expect(&f.loginctl(&["disable-linger", "alice", "1000"]), 0, "");
    let o = f.loginctl(&["enable-linger", "bob"]);
    assert_eq!(
        (o.code, o.stderr.as_str()),
        (1, "Could not enable linger: Access denied\n"),
        "{o:?}"
    );
    // A refused disable says so (issue 10).
    let o = f.loginctl(&["disable-linger", "bob"]);
    assert_eq!(
        (o.code, o.stderr.as_str()),
        (1, "Could not disable linger: Access denied\n"),
        "{o:?}"
    );
    assert_eq!(
        f.calls(method::SET_LINGER),
        [
            json!({"user": "", "enable": true}),
            json!({"user": "alice", "enable": false}),
            json!({"user": "1000", "enable": false}),
            json!({"user": "bob", "enable": true}),
            json!({"user": "bob", "enable": false}),
        ]
    );
}

#[test]
fn terminate_and_kill_requests() {
    let f = Fake::start();
    expect(&f.loginctl(&["terminate-session", "3", "c2"]), 0, "");
    expect(&f.loginctl(&["terminate-user", "alice"]), 0, "");
    expect(
        &f.loginctl(&["kill-session", "3", "-s", "SIGKILL", "--kill-whom=leader"]),
        0,
        "",
    );
    expect(&f.loginctl(&["kill-session", "c2", "--signal=HUP"]), 0, "");
    expect(&f.loginctl(&["kill-user", "alice"]), 0, "");
    assert_eq!(
        f.calls(method::TERMINATE_SESSION),
        [json!({"id": "3"}), json!({"id": "c2"})]
    );
    assert_eq!(f.calls(method::TERMINATE_USER), [json!({"user": "alice"})]);
    assert_eq!(
        f.calls(method::KILL_SESSION),
        [
            json!({"id": "3", "whom": "leader", "signal": 9}),
            json!({"id": "c2", "whom": "all", "signal": 1}),
        ]
    );
    assert_eq!(
        f.calls(method::KILL_USER),
        [json!({"user": "alice", "signal": 15})]
    );
    let o = f.loginctl(&["kill-user", "alice", "-s", "NOPE"]);
    assert_eq!(
        (o.code, o.stderr.as_str()),
        (1, "Failed to parse signal string NOPE.\n")
    );
    let o = f.loginctl(&["kill-session", "3", "--kill-whom=everyone"]);
    assert_eq!(o.code, 1, "{o:?}");
    let o = f.loginctl(&["kill-user", "-s", "list", "alice"]);
    assert!(
        o.code == 0 && o.stdout.lines().nth(14) == Some("15 SIGTERM"),
        "{o:?}"
    );
    let o = f.loginctl(&["terminate-user"]);
    assert_eq!(o.code, 1, "an argument is required: {o:?}");
}

#[test]
fn seat_verbs_are_refused() {
    let f = Fake::start();
    for args in [
        &["list-seats"][..],
        &["seat-status"],
        &["show-seat", "seat0"],
        &["attach", "seat1", "/sys/devices/x"],
        &["flush-devices"],
        &["terminate-seat", "seat0"],
        &["lock-session", "3"],
        &["unlock-sessions"],
        &["activate", "3"],
    ] {
        let o = f.loginctl(args);
        assert!(
            o.code == 1
                && o.stdout.is_empty()
                && o.stderr
                    .starts_with("Seats are not supported by linger: this system has no seats."),
            "{args:?}: {o:?}"
        );
    }
    assert!(
        f.calls.lock().unwrap().is_empty(),
        "no call for refused verbs"
    );
}

#[test]
fn missing_socket_names_it_and_the_daemon() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("login");
    for args in [
        &["list-sessions"][..],
        &["enable-linger"],
        &["show-user", "x"],
    ] {
        let o = run(Path::new(BIN), &[&["login"][..], args].concat(), &socket);
        assert_eq!(o.code, 1, "{o:?}");
        assert!(
            o.stderr.contains(&socket.display().to_string())
                && o.stderr.contains("'linger daemon --system' is not running"),
            "{o:?}"
        );
    }
}

#[test]
fn remote_and_container_options_are_refused() {
    let f = Fake::start();
    for args in [
        &["-H", "host", "list-users"][..],
        &["--machine=c1", "list-users"],
    ] {
        let o = f.loginctl(args);
        assert!(
            o.code == 1 && o.stderr.contains("not supported by linger"),
            "{args:?}: {o:?}"
        );
    }
    // --no-pager and --no-ask-password are accepted.
    assert_eq!(
        f.loginctl(&["--no-pager", "--no-ask-password", "list-users"])
            .code,
        0
    );
}

/// `loginctl ARGS` on a pseudo-terminal (util-linux's `script`) with `env` words before it.
fn on_terminal(f: &Fake, env: &str, args: &str) -> Option<String> {
    if let Err(why) = linger_test_support::ensure_program("/usr/bin/script", "bsdutils") {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("skipped: {why}");
        }
        return None;
    }
    let line = format!(
        "LINGER_LOGIN_SOCKET={} {env} {} {args}",
        f.socket().display(),
        f.dir.path().join("loginctl").display()
    );
    let o = Command::new("/usr/bin/script")
        .args(["-qfec", &line, "/dev/null"])
        .env("TERM", "xterm")
        .env_remove("XDG_SESSION_ID")
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&o.stdout).replace("\r\n", "\n"))
}

#[test]
fn listings_page_on_a_terminal_and_actions_do_not() {
    let f = Fake::start();
    let pager = "SYSTEMD_PAGER='sed s/^/PAGED:/'";
    let Some(out) = on_terminal(&f, pager, "list-users") else {
        return;
    };
    assert!(out.contains("PAGED:   0 root"), "{out}");
    assert!(out.lines().all(|l| l.starts_with("PAGED:")), "{out}");
    let out = on_terminal(&f, pager, "user-status alice").unwrap();
    assert!(out.lines().all(|l| l.starts_with("PAGED:")), "{out}");
    let out = on_terminal(&f, pager, "--no-pager list-users").unwrap();
    assert!(out.contains("alice") && !out.contains("PAGED:"), "{out}");
    // An action prints nothing to page.
    let out = on_terminal(&f, pager, "enable-linger alice").unwrap();
    assert!(!out.contains("PAGED:"), "{out}");
}
