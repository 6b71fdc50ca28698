//! Garbage collection of units, as systemd.unit(5) `CollectMode=` documents it and systemd 252
//! does: a unit that is inactive (or failed, under `CollectMode=inactive-or-failed`), has no
//! job, and that no client references and no loaded unit needs, is unloaded — after
//! `reset-failed`, after it ran or was stopped. `status` then shows it as
//! loading it afresh finds it, with no last run. systemd's own systemctl replays the scenario
//! of crates/dbus/tests/reference/collect.sh against linger; its transcript must be the one a
//! real systemd --user 252 gave (collect.txt there). A unit a D-Bus client holds with
//! `RefUnit` stays loaded, with its last run, until `UnrefUnit`.
#![allow(clippy::print_stderr)] // "skipped: …" lines for machines without the tools

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use linger_test_support::{Lines, Manager, write_reference_units};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn reference() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../dbus/tests/reference")
}

fn have_systemctl() -> bool {
    let ok = Path::new("/usr/bin/systemctl").exists();
    if !ok {
        eprintln!("skipped: systemd's systemctl is not installed");
    }
    ok
}

/// A manager with the scenario's units (collect.sh writes them).
fn manager() -> Manager {
    let mut m = Manager::new(BIN);
    let script = reference().join("collect.sh");
    write_reference_units(&script, &m.unit_dir());
    m.start();
    m.wait_for("the D-Bus private socket", |m| {
        m.runtime().join("systemd/private").exists()
    });
    m
}

#[test]
fn units_nobody_needs_are_collected_as_systemd_collects_them() {
    if !have_systemctl() {
        return;
    }
    let m = manager();
    let out = m
        .systemd_client("bash", &[])
        .arg(reference().join("collect.sh"))
        .args(["run", "/usr/bin/systemctl", "--user"])
        .stdin(Stdio::null())
        .output()
        .expect("run collect.sh");
    let got = String::from_utf8_lossy(&out.stdout);
    let want = std::fs::read_to_string(reference().join("collect.txt")).expect("collect.txt");
    assert_eq!(
        got.lines().collect::<Vec<_>>(),
        want.lines().collect::<Vec<_>>(),
        "transcript differs from systemd 252's (collect.txt); stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// RefUnit ARGV[2] on the private socket ARGV[1]; "ref"; at a line on stdin UnrefUnit,
/// "unref"; then wait for the end of stdin.
const REF_CLIENT: &str = r#"
import sys
from gi.repository import Gio, GLib
conn = Gio.DBusConnection.new_for_address_sync("unix:path=" + sys.argv[1], Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT, None, None)
def call(method, unit):
    conn.call_sync("org.freedesktop.systemd1", "/org/freedesktop/systemd1", "org.freedesktop.systemd1.Manager", method, GLib.Variant("(s)", (unit,)), None, 0, -1, None)
call("RefUnit", sys.argv[2])
print("ref", flush=True)
sys.stdin.readline()
call("UnrefUnit", sys.argv[2])
print("unref", flush=True)
sys.stdin.read()
"#;

#[test]
fn a_unit_a_client_references_is_kept_with_its_last_run_until_unreferenced() {
    let gi = linger_test_support::have_python_gi();
    if !have_systemctl() || !gi {
        eprintln!("skipped: needs systemd's systemctl and python3-gi");
        return;
    }
    let m = manager();
    let show = |m: &Manager| {
        let (code, out, err) =
            m.systemd_systemctl(&["show", "-p", "ActiveState,ExecMainStatus", "gcfail.service"]);
        assert_eq!(code, 0, "{err}");
        out
    };
    let (code, _, _) = m.systemd_systemctl(&["start", "gcfail.service"]);
    assert_eq!(code, 1);
    let mut client = Command::new("/usr/bin/python3")
        .args(["-c", REF_CLIENT])
        .arg(m.runtime().join("systemd/private"))
        .arg("gcfail.service")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    let lines = Lines::of(&mut client);
    let wait = std::time::Duration::from_secs(30);
    assert_eq!(lines.next(wait).as_deref(), Some("ref"));
    let (code, _, _) = m.systemd_systemctl(&["reset-failed", "gcfail.service"]);
    assert_eq!(code, 0);
    // Referenced: still loaded, its last run kept, though inactive and needed by no unit.
    assert_eq!(show(&m), "ExecMainStatus=1\nActiveState=inactive\n");
    let (_, listed, _) =
        m.systemd_systemctl(&["list-units", "--all", "--no-legend", "gcfail.service"]);
    assert!(
        listed.contains("gcfail.service loaded inactive dead"),
        "{listed}"
    );
    // Unreferenced, it goes: loaded afresh, no last run.
    let mut stdin = client.stdin.take().expect("stdin");
    use std::io::Write;
    writeln!(stdin).expect("write");
    assert_eq!(lines.next(wait).as_deref(), Some("unref"));
    assert_eq!(show(&m), "ExecMainStatus=0\nActiveState=inactive\n");
    drop(stdin);
    let _ = client.wait();
}

#[test]
fn a_unit_another_loaded_unit_wants_is_kept_until_that_one_goes() {
    let m = manager();
    // gcneeder (running) wants gcneeded (a oneshot that fails).
    m.systemctl(&["start", "gcneeder.service"]).expect_code(0);
    m.wait_for("gcneeded.service to fail", |m| {
        m.prop("gcneeded.service", "ActiveState") == "failed"
    });
    m.systemctl(&["reset-failed", "gcneeded.service"])
        .expect_code(0);
    assert_eq!(
        m.prop("gcneeded.service", "ExecMainStatus"),
        "1",
        "collected"
    );
    // Stopped, gcneeder goes, and gcneeded with it: both are loaded afresh, with no last run.
    m.systemctl(&["stop", "gcneeder.service"]).expect_code(0);
    assert_eq!(m.prop("gcneeded.service", "ExecMainStatus"), "0", "kept");
    assert_eq!(
        m.prop("gcneeder.service", "ExecMainStartTimestampMonotonic"),
        "0",
        "kept"
    );
}
