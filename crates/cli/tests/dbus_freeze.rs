//! The cgroup-backed unit methods through D-Bus — freeze and thaw, and abandoning a scope —
//! freeze and thaw driven by systemd's own `systemctl --user freeze/thaw` and
//! by `dbus-send` (Manager.FreezeUnit, Unit.Thaw), as root on this machine: the manager runs in
//! a private delegated `user@0.service` the test creates in the v2 tree (and the v1 `memory`,
//! `pids`, `cpu` hierarchies where they exist, as cgroups.rs does), so its units get cgroups
//! and the v2 freezer (`cgroup.freeze`). It never touches the hierarchies themselves or any
//! cgroup it did not create. systemd 252's own user manager cannot be the oracle for a freeze
//! here (on this hybrid machine it answers "does not support freezing"); the refusals are its
//! words (bus_unit_method_freeze: inactive → "Unit is inactive.", unknown → "not loaded").
#![allow(clippy::print_stderr)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use linger_test_support::{Manager, TestCgroups, cgroup2_tree};

const BIN: &str = env!("CARGO_BIN_EXE_linger");
const M: &str = "/org/freedesktop/systemd1";
const DEBIAN_UNITS: &str = "/usr/lib/systemd/user";

/// systemd's systemctl, dbus-daemon and Debian's dbus.socket are all here.
fn have_tools() -> bool {
    let ok = Path::new("/usr/bin/systemctl").exists()
        && Path::new("/usr/bin/dbus-daemon").exists()
        && Path::new(DEBIAN_UNITS).join("dbus.socket").exists()
        && Command::new("dbus-send").arg("--help").output().is_ok();
    if !ok {
        eprintln!("skipped: needs systemd's systemctl, dbus-send and dbus-user-session");
    }
    ok
}

fn show(m: &Manager, unit: &str, prop: &str) -> String {
    let (code, out, err) = m.systemd_systemctl(&["show", "-p", prop, "--value", unit]);
    assert_eq!(code, 0, "{err}");
    out.trim().to_string()
}

#[test]
fn systemctl_and_dbus_send_freeze_and_thaw_a_unit_through_the_v2_freezer() {
    if !have_tools() {
        return;
    }
    let Some(cg) = TestCgroups::create("dbus-freeze", 0, true) else {
        return;
    };
    let mut m = Manager::new(BIN);
    let counter = m.dir.path().join("counter");
    m.write_unit(
        "tick.service",
        &format!(
            "[Service]\nExecStart=/bin/sh -c 'i=0; while :; do i=$((i+1)); echo $i > {}; sleep 0.02; done'\n",
            counter.display()
        ),
    );
    // systemctl freeze/thaw talk to the manager on the session bus (systemd's client asks
    // for the full bus there): Debian's dbus.socket, started through linger.
    for u in ["dbus.socket", "dbus.service"] {
        let text = std::fs::read_to_string(Path::new(DEBIAN_UNITS).join(u)).unwrap();
        m.write_unit(u, &text);
    }
    m.start_in_cgroups(&cg.procs_files());
    let private = m.runtime().join("systemd/private");
    m.wait_for("the D-Bus private socket", |_| private.exists());
    let (code, _, err) = m.systemd_systemctl(&["start", "dbus.socket"]);
    assert_eq!(code, 0, "{err}");
    m.wait_for("org.freedesktop.systemd1 on the bus", |m| {
        Command::new("dbus-send")
            .args([
                &format!("--bus=unix:path={}", m.runtime().join("bus").display()),
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.GetNameOwner",
                "string:org.freedesktop.systemd1",
            ])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let read = || std::fs::read_to_string(&counter).unwrap_or_default();

    // Inactive: systemd's refusal, through systemd's client.
    let (code, _, err) = m.systemd_systemctl(&["freeze", "tick.service"]);
    assert_eq!(
        (code, err.as_str()),
        (1, "Failed to freeze unit tick.service: Unit is inactive.\n")
    );
    let (code, _, err) = m.systemd_systemctl(&["start", "tick.service"]);
    assert_eq!(code, 0, "{err}");
    m.wait_for("the counter to run", |_| !read().is_empty());
    assert_eq!(show(&m, "tick.service", "CanFreeze"), "yes");

    // systemctl freeze returns once the kernel stopped every process of the unit.
    let (code, out, err) = m.systemd_systemctl(&["freeze", "tick.service"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    assert_eq!(show(&m, "tick.service", "FreezerState"), "frozen");
    let cgroup = show(&m, "tick.service", "ControlGroup");
    let freeze_file = cgroup2_tree()
        .expect("a cgroup2 tree")
        .join(cgroup.trim_start_matches('/'))
        .join("cgroup.freeze");
    assert_eq!(
        std::fs::read_to_string(&freeze_file)
            .map(|s| s.trim().to_string())
            .ok(),
        Some("1".to_string()),
        "{}",
        freeze_file.display()
    );
    let frozen_at = read();
    // A frozen unit makes no progress: the counter stays for ten of its ticks.
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(read(), frozen_at, "a frozen unit makes no progress");

    let (code, out, err) = m.systemd_systemctl(&["thaw", "tick.service"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    assert_eq!(show(&m, "tick.service", "FreezerState"), "running");
    m.wait_for("the counter to move again", |_| read() != frozen_at);

    // The same through the methods themselves: Manager.FreezeUnit, then the unit's Thaw.
    let (code, out) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.FreezeUnit",
        &["string:tick.service"],
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(show(&m, "tick.service", "FreezerState"), "frozen");
    let (code, out) = m.dbus_send(
        &format!("{M}/unit/tick_2eservice"),
        "org.freedesktop.systemd1.Unit.Thaw",
        &[],
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(show(&m, "tick.service", "FreezerState"), "running");

    // A unit that is not loaded: systemd's error.
    let (code, out) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.FreezeUnit",
        &["string:nope.service"],
    );
    assert_ne!(code, 0);
    assert!(
        out.contains("org.freedesktop.systemd1.NoSuchUnit")
            && out.contains("Unit nope.service not loaded."),
        "{out}"
    );
    let (code, _, err) = m.systemd_systemctl(&["stop", "tick.service"]);
    assert_eq!(code, 0, "{err}");
    m.shutdown();
}

/// `AbandonScope`/`Scope.Abandon` of a scope systemd's own `systemd-run --user --scope` made:
/// the scope goes to `abandoned` (still active) and ends, as a running scope does, when its
/// last process does. systemd's refusals: a unit that is not a scope, one not loaded (both
/// captured from systemd 252 run standalone), and a scope that is not running.
#[test]
fn a_scope_made_by_systemd_run_is_abandoned_and_ends_with_its_processes() {
    if !have_tools() || !Path::new("/usr/bin/systemd-run").exists() {
        eprintln!("skipped: needs systemd's systemd-run");
        return;
    }
    let Some(cg) = TestCgroups::create("dbus-abandon", 0, true) else {
        return;
    };
    let mut m = Manager::new(BIN);
    m.write_unit(
        "plain.service",
        "[Service]\nExecStart=/bin/sleep infinity\n",
    );
    m.start_in_cgroups(&cg.procs_files());
    let private = m.runtime().join("systemd/private");
    m.wait_for("the D-Bus private socket", |_| private.exists());
    let mut held = Command::new("/usr/bin/systemd-run")
        .args(["--user", "--scope", "--unit=held", "/bin/sleep", "1000"])
        .env_clear()
        .env("HOME", m.home())
        .env("XDG_RUNTIME_DIR", m.runtime())
        .env("PATH", "/usr/bin:/bin")
        .env("LANG", "C.UTF-8")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    m.wait_for("the scope to run", |m| {
        show(m, "held.scope", "SubState") == "running"
    });
    let (code, out) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.AbandonScope",
        &["string:held.scope"],
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(show(&m, "held.scope", "SubState"), "abandoned");
    assert_eq!(show(&m, "held.scope", "ActiveState"), "active");
    // Again, on the scope's own object: nothing more to do.
    let (code, out) = m.dbus_send(
        &format!("{M}/unit/held_2escope"),
        "org.freedesktop.systemd1.Scope.Abandon",
        &[],
    );
    assert_eq!(code, 0, "{out}");
    // Not a scope (a loaded service); not loaded: systemd 252's words.
    let (code, _, err) = m.systemd_systemctl(&["start", "plain.service"]);
    assert_eq!(code, 0, "{err}");
    let (code, out) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.AbandonScope",
        &["string:plain.service"],
    );
    assert_ne!(code, 0);
    assert_eq!(
        out.trim(),
        "Error org.freedesktop.DBus.Error.InvalidArgs: Unit 'plain.service' is not a scope unit, refusing."
    );
    let (code, out) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.AbandonScope",
        &["string:nothere.scope"],
    );
    assert_ne!(code, 0);
    assert_eq!(
        out.trim(),
        "Error org.freedesktop.systemd1.NoSuchUnit: Unit nothere.scope not loaded."
    );
    // Its process ends: the abandoned scope ends with it.
    let _ = held.kill();
    let _ = held.wait();
    m.wait_for("the abandoned scope to end", |m| {
        show(m, "held.scope", "ActiveState") != "active"
    });
    m.shutdown();
}

/// systemd's own `systemd-run --user --scope` against linger: the scope's name, the command's
/// exit status as systemd-run's, a running scope's name refused to a second one, a scope that
/// ended collected (`status`: could not be found), an invalid name escaped, a missing program
/// — each printed and exited as against systemd 252 (crates/dbus/tests/reference/scope.sh,
/// its transcript scope.txt there).
#[test]
fn systemd_run_scopes_print_and_exit_as_with_systemd() {
    if !have_tools() || !Path::new("/usr/bin/systemd-run").exists() {
        eprintln!("skipped: needs systemd's systemd-run");
        return;
    }
    let Some(cg) = TestCgroups::create("dbus-scope", 0, true) else {
        return;
    };
    let mut m = Manager::new(BIN);
    m.start_in_cgroups(&cg.procs_files());
    let private = m.runtime().join("systemd/private");
    m.wait_for("the D-Bus private socket", |_| private.exists());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../dbus/tests/reference/scope.sh");
    let out = Command::new("bash")
        .arg(&script)
        .arg("run")
        .env_clear()
        .env("HOME", m.home())
        .env("XDG_RUNTIME_DIR", m.runtime())
        .env("PATH", "/usr/bin:/bin")
        .env("LANG", "C.UTF-8")
        .env("SYSTEMD_COLORS", "0")
        .env("SYSTEMD_PAGER", "cat")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run scope.sh");
    let want = std::fs::read_to_string(script.with_extension("txt")).expect("scope.txt");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        want,
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    m.shutdown();
    drop(cg);
}
