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

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");
const M: &str = "/org/freedesktop/systemd1";
const DEBIAN_UNITS: &str = "/usr/lib/systemd/user";

/// The test's own cgroups, removed (deepest first) when dropped.
struct TestCgroups {
    roots: Vec<PathBuf>,
}

impl TestCgroups {
    /// `linger-test-PID-NAME/user@0.service` in each hierarchy that exists here; None when
    /// not root or there is no writable cgroup2 tree.
    fn create(name: &str) -> Option<TestCgroups> {
        if !rustix::process::geteuid().is_root() {
            eprintln!("skipped: per-unit cgroups need root to create a delegated cgroup");
            return None;
        }
        if !Path::new("/usr/bin/systemctl").exists()
            || !Path::new("/usr/bin/dbus-daemon").exists()
            || !Path::new(DEBIAN_UNITS).join("dbus.socket").exists()
            || Command::new("dbus-send").arg("--help").output().is_err()
        {
            eprintln!("skipped: needs systemd's systemctl, dbus-send and dbus-user-session");
            return None;
        }
        let base = format!("linger-test-{}-{name}", std::process::id());
        let mut roots = Vec::new();
        for h in ["unified", "memory", "pids", "cpu"] {
            let hier = PathBuf::from("/sys/fs/cgroup").join(h);
            if !hier.join("cgroup.procs").exists() {
                continue;
            }
            let root = hier.join(&base);
            if std::fs::create_dir_all(root.join("user@0.service")).is_err() {
                continue;
            }
            roots.push(root);
        }
        let cg = TestCgroups { roots };
        if !cg
            .roots
            .iter()
            .any(|r| r.starts_with("/sys/fs/cgroup/unified"))
        {
            eprintln!("skipped: no cgroup2 tree at /sys/fs/cgroup/unified");
            return None;
        }
        Some(cg)
    }

    fn procs_files(&self) -> Vec<PathBuf> {
        self.roots
            .iter()
            .map(|r| r.join("user@0.service/cgroup.procs"))
            .collect()
    }
}

impl Drop for TestCgroups {
    fn drop(&mut self) {
        for root in &self.roots {
            let mut dirs = walk(root);
            dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
            for d in dirs {
                let _ = std::fs::remove_dir(&d);
            }
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                out.extend(walk(&e.path()));
            }
        }
    }
    out
}

/// systemd's `systemctl --user ARGS` against `m`: (exit code, stdout, stderr).
fn systemctl(m: &Manager, args: &[&str]) -> (i32, String, String) {
    let out = Command::new("/usr/bin/systemctl")
        .arg("--user")
        .args(args)
        .env_clear()
        .env("HOME", m.home())
        .env("XDG_RUNTIME_DIR", m.runtime())
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", m.runtime().join("bus").display()),
        )
        .env("PATH", "/usr/bin:/bin")
        .env("SYSTEMD_PAGER", "cat")
        .output()
        .expect("run systemctl");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn show(m: &Manager, unit: &str, prop: &str) -> String {
    let (code, out, err) = systemctl(m, &["show", "-p", prop, "--value", unit]);
    assert_eq!(code, 0, "{err}");
    out.trim().to_string()
}

#[test]
fn systemctl_and_dbus_send_freeze_and_thaw_a_unit_through_the_v2_freezer() {
    let Some(cg) = TestCgroups::create("dbus-freeze") else {
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
    let (code, _, err) = systemctl(&m, &["start", "dbus.socket"]);
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
    let (code, _, err) = systemctl(&m, &["freeze", "tick.service"]);
    assert_eq!(
        (code, err.as_str()),
        (1, "Failed to freeze unit tick.service: Unit is inactive.\n")
    );
    let (code, _, err) = systemctl(&m, &["start", "tick.service"]);
    assert_eq!(code, 0, "{err}");
    m.wait_for("the counter to run", |_| !read().is_empty());
    assert_eq!(show(&m, "tick.service", "CanFreeze"), "yes");

    // systemctl freeze returns once the kernel stopped every process of the unit.
    let (code, out, err) = systemctl(&m, &["freeze", "tick.service"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    assert_eq!(show(&m, "tick.service", "FreezerState"), "frozen");
    let cgroup = show(&m, "tick.service", "ControlGroup");
    let freeze_file = PathBuf::from("/sys/fs/cgroup/unified")
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

    let (code, out, err) = systemctl(&m, &["thaw", "tick.service"]);
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
    let (code, _, err) = systemctl(&m, &["stop", "tick.service"]);
    assert_eq!(code, 0, "{err}");
    m.shutdown();
}

/// `AbandonScope`/`Scope.Abandon` of a scope systemd's own `systemd-run --user --scope` made:
/// the scope goes to `abandoned` (still active) and ends, as a running scope does, when its
/// last process does. systemd's refusals: a unit that is not a scope, one not loaded (both
/// captured from systemd 252 run standalone), and a scope that is not running.
#[test]
fn a_scope_made_by_systemd_run_is_abandoned_and_ends_with_its_processes() {
    if !Path::new("/usr/bin/systemd-run").exists() {
        eprintln!("skipped: needs systemd's systemd-run");
        return;
    }
    let Some(cg) = TestCgroups::create("dbus-abandon") else {
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
    let (code, _, err) = systemctl(&m, &["start", "plain.service"]);
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
