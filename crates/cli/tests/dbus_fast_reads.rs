//! State reads the D-Bus front end answers from the states the manager publishes at the end of
//! each turn (crates/dbus/src/fast.rs: `GetUnit` of a loaded unit's id, `Get` of its Id,
//! LoadState, ActiveState, SubState) say what the manager says through its event loop
//! (`systemctl --user show`, which asks GetAll), at once after a job ended, for aliases and
//! for units gone; and calls pipelined behind the authentication in one write (as sd-bus
//! sends them) are each answered, in order.
#![allow(clippy::print_stderr)] // "skipped: …" lines for machines without the tools

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");
const M: &str = "/org/freedesktop/systemd1";

fn manager(units: &[(&str, &str)]) -> Manager {
    Manager::with_dbus(BIN, units)
}

fn have_tools() -> bool {
    let ok = Path::new("/usr/bin/systemctl").exists()
        && Command::new("dbus-send").arg("--help").output().is_ok();
    if !ok {
        eprintln!("skipped: needs systemd's systemctl and dbus-send");
    }
    ok
}

/// `dbus-send --peer` to the private socket: (exit code, the reply's words).
fn dbus_send(m: &Manager, path: &str, method: &str, args: &[&str]) -> (i32, String) {
    let (code, text) = m.dbus_send(path, method, args);
    let words = text
        .lines()
        .skip(usize::from(code == 0))
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ");
    (code, words)
}

fn get_unit(m: &Manager, name: &str) -> (i32, String) {
    dbus_send(
        m,
        M,
        "org.freedesktop.systemd1.Manager.GetUnit",
        &[&format!("string:{name}")],
    )
}

/// `Get` of a unit property (the value's words: `variant string "active"`).
fn get(m: &Manager, unit: &str, prop: &str) -> String {
    let path = format!("{M}/unit/{}", linger_dbus::paths::escape(unit));
    let (code, out) = dbus_send(
        m,
        &path,
        "org.freedesktop.DBus.Properties.Get",
        &[
            "string:org.freedesktop.systemd1.Unit",
            &format!("string:{prop}"),
        ],
    );
    assert_eq!(code, 0, "Get {unit} {prop}: {out}");
    out
}

/// What systemd's `systemctl --user show -p PROP --value UNIT` prints (asked with GetAll,
/// which goes through the manager's event loop).
fn show(m: &Manager, unit: &str, prop: &str) -> String {
    let (code, out, err) = m.systemd_systemctl(&["show", "-p", prop, "--value", unit]);
    assert_eq!(code, 0, "show {unit}: {err}");
    out.trim().to_string()
}

fn systemctl_ok(m: &Manager, args: &[&str]) {
    let (code, out, err) = m.systemd_systemctl(args);
    assert_eq!(code, 0, "systemctl {args:?}: {out}{err}");
}

/// The four fast properties of `unit`, read by Get and by `systemctl show`, agree.
fn assert_reads_agree(m: &Manager, unit: &str, active: &str, sub: &str) {
    for (prop, want) in [
        ("Id", unit),
        ("LoadState", "loaded"),
        ("ActiveState", active),
        ("SubState", sub),
    ] {
        assert_eq!(get(m, unit, prop), format!("variant string \"{want}\""));
        assert_eq!(show(m, unit, prop), want, "{unit} {prop}");
    }
}

#[test]
fn published_state_reads_agree_with_the_manager() {
    if !have_tools() {
        return;
    }
    let m = manager(&[(
        "plain.service",
        "[Service]\nExecStart=/bin/sleep infinity\n[Install]\nAlias=other.service\n",
    )]);
    // Not loaded yet: GetUnit refuses as systemd does (the manager answers, nothing published).
    let (code, out) = get_unit(&m, "plain.service");
    assert_ne!(code, 0);
    assert!(
        out.contains("org.freedesktop.systemd1.NoSuchUnit") && out.contains("not loaded"),
        "{out}"
    );
    systemctl_ok(&m, &["enable", "plain.service"]);
    systemctl_ok(&m, &["daemon-reload"]);
    systemctl_ok(&m, &["start", "plain.service"]);
    // systemctl start returned after its JobRemoved: the state read next is that job's.
    assert_reads_agree(&m, "plain.service", "active", "running");
    let path = format!("{M}/unit/plain_2eservice");
    assert_eq!(
        get_unit(&m, "plain.service"),
        (0, format!("object path \"{path}\""))
    );
    // An alias is the manager's to resolve: the unit's own path.
    assert_eq!(
        get_unit(&m, "other.service"),
        (0, format!("object path \"{path}\""))
    );
    systemctl_ok(&m, &["stop", "plain.service"]);
    assert_reads_agree(&m, "plain.service", "inactive", "dead");

    // A transient unit that ended is collected: no longer GetUnit's (a published state that
    // outlived its unit would still be answered, and the deadline fail the test).
    let out = m
        .systemd_client(
            "/usr/bin/systemd-run",
            &["--user", "--unit=gone.service", "/bin/true"],
        )
        .output()
        .expect("run systemd-run");
    assert!(out.status.success(), "{out:?}");
    m.wait_for("gone.service collected", |m| {
        let (code, out) = get_unit(m, "gone.service");
        code != 0 && out.contains("NoSuchUnit")
    });
    // A property of a unit not loaded loads it (as systemd does) and answers what it found.
    assert_eq!(
        get(&m, "nope.service", "LoadState"),
        "variant string \"not-found\""
    );
    assert_eq!(
        get(&m, "nope.service", "ActiveState"),
        "variant string \"inactive\""
    );
}

/// A D-Bus method call, marshalled by hand (little-endian): path, interface, member,
/// destination, and a body of strings (`s`…).
fn call(serial: u32, path: &str, iface: &str, member: &str, args: &[&str]) -> Vec<u8> {
    fn pad(b: &mut Vec<u8>, to: usize) {
        while !b.len().is_multiple_of(to) {
            b.push(0);
        }
    }
    fn string(b: &mut Vec<u8>, s: &str) {
        pad(b, 4);
        b.extend_from_slice(&(s.len() as u32).to_le_bytes());
        b.extend_from_slice(s.as_bytes());
        b.push(0);
    }
    let mut body = Vec::new();
    for a in args {
        string(&mut body, a);
    }
    let signature = "s".repeat(args.len());
    let mut fields = Vec::new();
    let mut field = |code: u8, sig: &str, value: &str| {
        pad(&mut fields, 8);
        fields.extend_from_slice(&[code, 1, sig.as_bytes()[0], 0]);
        if sig == "g" {
            fields.push(value.len() as u8);
            fields.extend_from_slice(value.as_bytes());
            fields.push(0);
        } else {
            string(&mut fields, value);
        }
    };
    field(1, "o", path);
    field(2, "s", iface);
    field(3, "s", member);
    field(6, "s", "org.freedesktop.systemd1");
    if !args.is_empty() {
        field(8, "g", &signature);
    }
    let mut msg = vec![b'l', 1, 0, 1];
    msg.extend_from_slice(&(body.len() as u32).to_le_bytes());
    msg.extend_from_slice(&serial.to_le_bytes());
    msg.extend_from_slice(&(fields.len() as u32).to_le_bytes());
    msg.extend_from_slice(&fields);
    pad(&mut msg, 8);
    msg.extend_from_slice(&body);
    msg
}

/// The next message on `s`: (type, reply serial, body).
fn read_message(s: &mut std::os::unix::net::UnixStream) -> (u8, u32, Vec<u8>) {
    let mut fixed = [0u8; 16];
    s.read_exact(&mut fixed).expect("read a reply");
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let body_len = u32_at(&fixed, 4) as usize;
    let fields_len = u32_at(&fixed, 12) as usize;
    let body_at = (16 + fields_len).div_ceil(8) * 8;
    let mut rest = vec![0u8; body_at + body_len - 16];
    s.read_exact(&mut rest).expect("read a reply");
    let fields = &rest[..fields_len];
    // Each field: aligned to 8, its code, a one-letter signature, the value (`u`, `s` and `o`
    // aligned to 4, which the field's start already is; `g`: a length byte). REPLY_SERIAL is 5.
    let mut reply_serial = 0;
    let mut i = 0;
    while i + 8 <= fields.len() {
        let (code, sig, at) = (fields[i], fields[i + 2], i + 4);
        let end = match sig {
            b'u' => at + 4,
            b'g' => at + 1 + fields[at] as usize + 1,
            _ => at + 4 + u32_at(fields, at) as usize + 1,
        };
        if code == 5 {
            reply_serial = u32_at(fields, at);
        }
        i = end.div_ceil(8) * 8;
    }
    (fixed[1], reply_serial, rest[body_at - 16..].to_vec())
}

/// The first string-like value of a body (`s`, `o`, or a `v` holding one).
fn first_string(body: &[u8]) -> String {
    let mut at = 0;
    if body.len() > 2 && body[1] == b's' && body[0] == 1 && body[2] == 0 {
        at = 4; // A variant: its signature "s", NUL, aligned to 4.
    }
    let len = u32::from_le_bytes([body[at], body[at + 1], body[at + 2], body[at + 3]]) as usize;
    String::from_utf8_lossy(&body[at + 4..at + 4 + len]).into_owned()
}

#[test]
fn calls_pipelined_behind_the_authentication_are_each_answered() {
    let m = manager(&[
        (
            "plain.service",
            "[Service]\nExecStart=/bin/sleep infinity\n",
        ),
        (
            "later.service",
            "[Service]\nExecStart=/bin/sleep infinity\n",
        ),
    ]);
    m.systemctl(&["start", "plain.service"]).expect_code(0);
    let mut s = std::os::unix::net::UnixStream::connect(m.runtime().join("systemd/private"))
        .expect("connect to the private socket");
    s.set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .expect("set a read timeout");
    let uid = rustix::process::getuid().as_raw().to_string();
    let hex: String = uid.bytes().map(|b| format!("{b:02x}")).collect();
    let unit = "/org/freedesktop/systemd1/unit/plain_2eservice";
    let later = "/org/freedesktop/systemd1/unit/later_2eservice";
    let props = "org.freedesktop.DBus.Properties";
    let unit_iface = "org.freedesktop.systemd1.Unit";
    let mgr = "org.freedesktop.systemd1.Manager";
    // Everything in one write, as sd-bus does: authentication, BEGIN, then the reads the
    // published states answer, ones they do not (an unknown unit, another property), a read
    // behind those, and jobs with a read of their unit behind each: each answered in the order
    // sent, a read behind a job after the job was queued.
    let mut all = format!("\0AUTH EXTERNAL {hex}\r\nNEGOTIATE_UNIX_FD\r\nBEGIN\r\n").into_bytes();
    all.extend(call(1, M, mgr, "GetUnit", &["plain.service"]));
    all.extend(call(2, unit, props, "Get", &[unit_iface, "ActiveState"]));
    all.extend(call(3, unit, props, "Get", &[unit_iface, "SubState"]));
    all.extend(call(4, M, mgr, "GetUnit", &["nothere.service"]));
    all.extend(call(5, unit, props, "Get", &[unit_iface, "Description"]));
    all.extend(call(6, unit, props, "Get", &[unit_iface, "Id"]));
    all.extend(call(7, M, mgr, "StartUnit", &["later.service", "replace"]));
    all.extend(call(8, later, props, "Get", &[unit_iface, "ActiveState"]));
    all.extend(call(9, M, mgr, "StopUnit", &["plain.service", "replace"]));
    all.extend(call(10, unit, props, "Get", &[unit_iface, "ActiveState"]));
    s.write_all(&all).expect("write");
    let mut line = Vec::new();
    let mut b = [0u8; 1];
    for expected in ["OK ", "AGREE_UNIX_FD"] {
        line.clear();
        while !line.ends_with(b"\r\n") {
            s.read_exact(&mut b).expect("read the handshake");
            line.push(b[0]);
        }
        assert!(
            line.starts_with(expected.as_bytes()),
            "{}",
            String::from_utf8_lossy(&line)
        );
    }
    // Replies (2) and errors (3); signals of the job (4, as systemd sends them on its
    // private connections) are not what is checked here.
    let mut replies = Vec::new();
    while replies.len() < 10 {
        let (kind, serial, body) = read_message(&mut s);
        if kind != 4 {
            replies.push((serial, kind, first_string(&body)));
        }
    }
    let job = replies[6].2.clone();
    assert!(
        job.starts_with("/org/freedesktop/systemd1/job/"),
        "{replies:?}"
    );
    let after_job = replies[7].2.clone();
    assert!(
        after_job == "active" || after_job == "activating",
        "{replies:?}"
    );
    // The read behind the stop job sees it queued: never the state from before it.
    let stop_job = replies[8].2.clone();
    let after_stop = replies[9].2.clone();
    assert!(
        after_stop == "deactivating" || after_stop == "inactive",
        "{replies:?}"
    );
    assert_eq!(
        replies,
        vec![
            (1, 2, unit.to_string()),
            (2, 2, "active".to_string()),
            (3, 2, "running".to_string()),
            (4, 3, "Unit nothere.service not loaded.".to_string()),
            (5, 2, "plain.service".to_string()),
            (6, 2, "plain.service".to_string()),
            (7, 2, job),
            (8, 2, after_job),
            (9, 2, stop_job),
            (10, 2, after_stop),
        ]
    );
}
