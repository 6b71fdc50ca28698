//! Bad input on the D-Bus private socket (crates/dbus): unknown methods, wrong signatures,
//! invalid unit names, unknown objects and properties, garbage bytes, another user — each
//! answered with the error systemd 252 gives (the messages are its own, captured in
//! crates/dbus/tests/reference/systemd252/busctl-*.txt), and the manager unharmed.
#![allow(clippy::print_stderr)] // "skipped: …" lines for machines without the tools

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::process::Command;

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn manager() -> Manager {
    let mut m = Manager::new(BIN);
    m.write_unit(
        "ref-simple.service",
        "[Unit]\nDescription=Reference simple service\n\n[Service]\nExecStart=/bin/sleep infinity\n",
    );
    m.start();
    let private = m.runtime().join("systemd/private");
    m.wait_for("the D-Bus private socket", |_| private.exists());
    m
}

/// What systemd answered to the reference call `name` (busctl prints `Call failed: MESSAGE`).
fn systemd_message(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../dbus/tests/reference/systemd252")
        .join(format!("{name}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let line = text
        .lines()
        .find(|l| l.starts_with("Call failed: ") || l.starts_with("Failed to get property"))
        .unwrap_or_else(|| panic!("no error in {}", path.display()));
    line.rsplit_once(": ")
        .map(|x| x.1)
        .unwrap_or(line)
        .to_string()
}

fn expect_error(m: &Manager, path: &str, method: &str, args: &[&str], name: &str, reference: &str) {
    let (code, text) = m.dbus_send(path, method, args);
    let want = format!("Error {name}: {}", systemd_message(reference));
    assert_ne!(code, 0, "{text}");
    assert_eq!(text.trim(), want, "{method} {args:?}");
}

fn still_answers(m: &Manager) {
    let (code, text) = m.dbus_send(
        "/org/freedesktop/systemd1/unit/ref_2dsimple_2eservice",
        "org.freedesktop.DBus.Properties.Get",
        &["string:org.freedesktop.systemd1.Unit", "string:Id"],
    );
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("string \"ref-simple.service\""), "{text}");
}

fn have_dbus_send() -> bool {
    Command::new("dbus-send").arg("--help").output().is_ok()
}

#[test]
fn bad_calls_get_systemds_errors_and_the_manager_goes_on() {
    if !have_dbus_send() {
        eprintln!("skipped: dbus-send is not installed");
        return;
    }
    let m = manager();
    const M: &str = "/org/freedesktop/systemd1";
    expect_error(
        &m,
        M,
        "org.freedesktop.systemd1.Manager.Frobnicate",
        &[],
        "org.freedesktop.DBus.Error.UnknownMethod",
        "busctl-unknown-method",
    );
    expect_error(
        &m,
        M,
        "org.example.Nope.Frobnicate",
        &[],
        "org.freedesktop.DBus.Error.UnknownMethod",
        "busctl-unknown-interface",
    );
    expect_error(
        &m,
        M,
        "org.freedesktop.systemd1.Manager.GetUnit",
        &["uint32:5"],
        "org.freedesktop.DBus.Error.InvalidArgs",
        "busctl-wrong-signature",
    );
    expect_error(
        &m,
        M,
        "org.freedesktop.systemd1.Manager.LoadUnit",
        &["string:bad name"],
        "org.freedesktop.DBus.Error.InvalidArgs",
        "busctl-loadunit-invalid",
    );
    expect_error(
        &m,
        M,
        "org.freedesktop.systemd1.Manager.GetUnit",
        &["string:no-such.service"],
        "org.freedesktop.systemd1.NoSuchUnit",
        "busctl-getunit-missing",
    );
    expect_error(
        &m,
        M,
        "org.freedesktop.systemd1.Manager.StartUnit",
        &["string:ref-simple.service", "string:sideways"],
        "org.freedesktop.DBus.Error.InvalidArgs",
        "busctl-startunit-badmode",
    );
    expect_error(
        &m,
        "/org/freedesktop/systemd1/nope",
        "org.freedesktop.systemd1.Unit.Start",
        &["string:replace"],
        "org.freedesktop.DBus.Error.UnknownObject",
        "busctl-unknown-object",
    );
    expect_error(
        &m,
        "/org/freedesktop/systemd1/unit/ref_2dsimple_2eservice",
        "org.freedesktop.DBus.Properties.Get",
        &[
            "string:org.freedesktop.systemd1.Unit",
            "string:NoSuchProperty",
        ],
        "org.freedesktop.DBus.Error.UnknownProperty",
        "busctl-get-unknown-property",
    );
    still_answers(&m);
}

#[test]
fn garbage_on_the_socket_closes_that_connection_only() {
    if !have_dbus_send() {
        eprintln!("skipped: dbus-send is not installed");
        return;
    }
    let m = manager();
    let path = m.runtime().join("systemd/private");
    // Not even a handshake.
    let mut s = UnixStream::connect(&path).unwrap();
    s.write_all(b"\0GARBAGE GARBAGE\r\n").unwrap();
    let mut buf = [0u8; 256];
    let _ = s.read(&mut buf);
    drop(s);
    // A handshake, then a message header that lies about its size.
    let mut s = UnixStream::connect(&path).unwrap();
    let uid = rustix::process::getuid().as_raw();
    let hex: String = uid
        .to_string()
        .bytes()
        .map(|b| format!("{b:02x}"))
        .collect();
    s.write_all(format!("\0AUTH EXTERNAL {hex}\r\n").as_bytes())
        .unwrap();
    let n = s.read(&mut buf).unwrap();
    assert!(
        buf[..n].starts_with(b"OK "),
        "{:?}",
        String::from_utf8_lossy(&buf[..n])
    );
    s.write_all(b"BEGIN\r\n").unwrap();
    let mut bogus = vec![b'l', 1, 0, 1, 0xff, 0xff, 0xff, 0x7f, 1, 0, 0, 0];
    bogus.extend_from_slice(&[0xffu8; 64]);
    let _ = s.write_all(&bogus);
    let n = s.read(&mut buf).unwrap_or(0);
    assert_eq!(n, 0, "the connection is closed, not answered");
    still_answers(&m);
    assert!(
        m.pid().is_some_and(linger_test_support::alive),
        "manager alive"
    );
}

#[test]
fn another_user_is_refused_on_the_private_socket() {
    if !rustix::process::geteuid().is_root() || !have_dbus_send() {
        eprintln!("skipped: needs root (to be another user) and dbus-send");
        return;
    }
    let m = manager();
    m.systemctl(&["start", "ref-simple.service"]).expect_code(0);
    // Open the way to the socket, as if the runtime directory's protection failed: the
    // manager itself must still refuse a peer of another uid.
    use std::os::unix::fs::PermissionsExt;
    let perm = |p: &Path, mode| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    for d in [m.dir.path(), &m.runtime(), &m.runtime().join("systemd")] {
        perm(d, 0o755);
    }
    perm(&m.runtime().join("systemd/private"), 0o666);
    let address = format!(
        "--peer=unix:path={}",
        m.runtime().join("systemd/private").display()
    );
    let out = Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "dbus-send",
            &address,
        ])
        .args([
            "--print-reply",
            "--dest=org.freedesktop.systemd1",
            "/org/freedesktop/systemd1",
        ])
        .args([
            "org.freedesktop.systemd1.Manager.StopUnit",
            "string:ref-simple.service",
            "string:replace",
        ])
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{text}");
    assert!(!text.contains("method return"), "{text}");
    assert_eq!(
        m.prop("ref-simple.service", "ActiveState"),
        "active",
        "the stop was not done"
    );
    still_answers(&m);
}

#[test]
fn get_unit_by_invocation_id_finds_the_run_or_says_what_is_wrong() {
    if !Path::new("/usr/bin/dbus-send").exists() {
        eprintln!("skipped: needs dbus-send");
        return;
    }
    let m = manager();
    m.systemctl(&["start", "ref-simple.service"]).expect_code(0);
    let id = m.prop("ref-simple.service", "InvocationID");
    assert_eq!(id.len(), 32, "{id}");
    let bytes: Vec<String> = (0..16)
        .map(|i| format!("0x{}", &id[i * 2..i * 2 + 2]))
        .collect();
    let (code, text) = m.dbus_send(
        "/org/freedesktop/systemd1",
        "org.freedesktop.systemd1.Manager.GetUnitByInvocationID",
        &[&format!("array:byte:{}", bytes.join(","))],
    );
    assert_eq!(code, 0, "{text}");
    // systemd's path for a run: the id, label-escaped (a leading digit as _3N).
    let escaped = match id.as_bytes()[0] {
        b'0'..=b'9' => format!("_3{id}"),
        _ => id.clone(),
    };
    let run_path = format!("/org/freedesktop/systemd1/unit/{escaped}");
    assert!(
        text.contains(&format!(r#"object path "{run_path}""#)),
        "{text}"
    );
    // That object answers for the unit.
    let (code, text) = m.dbus_send(
        &run_path,
        "org.freedesktop.DBus.Properties.Get",
        &["string:org.freedesktop.systemd1.Unit", "string:Id"],
    );
    assert_eq!(code, 0, "{text}");
    assert!(text.contains(r#"string "ref-simple.service""#), "{text}");
    let method = "org.freedesktop.systemd1.Manager.GetUnitByInvocationID";
    expect_error(
        &m,
        "/org/freedesktop/systemd1",
        method,
        &["array:byte:1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16"],
        "org.freedesktop.systemd1.NoUnitForInvocationID",
        "busctl-getunitbyinvocationid-unknown",
    );
    expect_error(
        &m,
        "/org/freedesktop/systemd1",
        method,
        &["array:byte:1,2,3"],
        "org.freedesktop.DBus.Error.InvalidArgs",
        "busctl-getunitbyinvocationid-invalid",
    );
    still_answers(&m);
}

/// systemd's answer in `gdbus-refuse-NAME.txt`: `NAME: MESSAGE` of the error gdbus printed.
fn systemd_gdbus_error(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../dbus/tests/reference/systemd252")
        .join(format!("gdbus-refuse-{name}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .find_map(|l| l.strip_prefix("Error: GDBus.Error:"))
        .unwrap_or_else(|| panic!("no error in {}", path.display()))
        .to_string()
}

#[test]
fn what_a_user_manager_does_not_do_is_refused_as_systemd_refuses_it() {
    if !have_dbus_send() {
        eprintln!("skipped: dbus-send is not installed");
        return;
    }
    let m = manager();
    const M: &str = "/org/freedesktop/systemd1";
    let calls: &[(&str, &str, &[&str])] = &[
        ("reboot", "Reboot", &[]),
        ("poweroff", "PowerOff", &[]),
        ("halt", "Halt", &[]),
        ("kexec", "KExec", &[]),
        (
            "switchroot",
            "SwitchRoot",
            &["string:/", "string:/sbin/init"],
        ),
        (
            "lookupdynamicuserbyname",
            "LookupDynamicUserByName",
            &["string:foo"],
        ),
        (
            "lookupdynamicuserbyuid",
            "LookupDynamicUserByUID",
            &["uint32:61200"],
        ),
        ("getdynamicusers", "GetDynamicUsers", &[]),
        (
            "getunitbycontrolgroup",
            "GetUnitByControlGroup",
            &["string:/nope"],
        ),
        (
            "startunitwithflags",
            "StartUnitWithFlags",
            &["string:ref-simple.service", "string:replace", "uint64:1"],
        ),
        ("getjobafter", "GetJobAfter", &["uint32:4242"]),
        ("abandonscope", "AbandonScope", &["string:init.scope"]),
        (
            "bindmountunit",
            "BindMountUnit",
            &[
                "string:no-such.service",
                "string:/tmp",
                "string:/mnt",
                "boolean:false",
                "boolean:false",
            ],
        ),
        (
            "cleanunit",
            "CleanUnit",
            &["string:ref-simple.service", "array:string:all"],
        ),
    ];
    for (reference, method, args) in calls {
        let (code, text) = m.dbus_send(
            M,
            &format!("org.freedesktop.systemd1.Manager.{method}"),
            args,
        );
        assert_ne!(code, 0, "{method}: {text}");
        let want = systemd_gdbus_error(reference);
        let (name, message) = want.split_once(": ").unwrap();
        assert_eq!(text.trim(), format!("Error {name}: {message}"), "{method}");
    }
    still_answers(&m);
}
