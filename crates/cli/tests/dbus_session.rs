//! The user manager on the session bus (crates/dbus/src/bus.rs): Debian's own `dbus.socket`
//! and `dbus.service`, started by linger, give the user a bus; the manager owns
//! `org.freedesktop.systemd1` there, so `busctl --user` and `systemd-run --user --wait` work,
//! and it is the bus's activator: D-Bus-activated services (dconf) start through it, and
//! `dbus-update-activation-environment --systemd` reaches its environment.
#![allow(clippy::print_stderr)] // "skipped: …" lines for machines without the tools

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use linger_test_support::{Manager, write_reference_units};

const BIN: &str = env!("CARGO_BIN_EXE_linger");
const DEBIAN_UNITS: &str = "/usr/lib/systemd/user";

fn reference_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../dbus/tests/reference/systemd252")
}

fn env(m: &Manager, cmd: &mut Command) {
    cmd.env_clear()
        .env("HOME", m.home())
        .env("XDG_RUNTIME_DIR", m.runtime())
        .env("DBUS_SESSION_BUS_ADDRESS", bus_address(m))
        .env("PATH", "/usr/bin:/bin")
        .env("LANG", "C.UTF-8")
        .env("TZ", "UTC")
        .env("SYSTEMD_COLORS", "0")
        .env("SYSTEMD_PAGER", "cat");
}

fn bus_address(m: &Manager) -> String {
    format!("unix:path={}", m.runtime().join("bus").display())
}

/// (exit code, stdout, stderr) of a client run with the manager's environment and bus.
fn run(m: &Manager, args: &[&str]) -> (i32, String, String) {
    let mut cmd = Command::new(args[0]);
    cmd.args(&args[1..]);
    env(m, &mut cmd);
    let out = cmd.output().unwrap_or_else(|e| panic!("{}: {e}", args[0]));
    let fix = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .replace(&m.runtime().display().to_string(), "$XDG_RUNTIME_DIR")
            .replace(&m.home().display().to_string(), "$HOME")
    };
    (
        out.status.code().unwrap_or(-1),
        fix(&out.stdout),
        fix(&out.stderr),
    )
}

/// dconf answers a Ping on the session bus (the bus activates it by asking the manager to
/// start dconf.service, SystemdService=), and not by timing out.
fn dconf_answers(m: &Manager) {
    let started = Instant::now();
    let (code, out, err) = run(
        m,
        &[
            "/usr/bin/gdbus",
            "call",
            "--session",
            "--dest",
            "ca.desrt.dconf",
            "--object-path",
            "/ca/desrt/dconf/Writer/user",
            "--method",
            "org.freedesktop.DBus.Peer.Ping",
        ],
    );
    assert_eq!((code, out.trim()), (0, "()"), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "answered, not timed out"
    );
}

/// What's needed: systemd's clients and Debian's session bus units (dbus-user-session).
fn prerequisites() -> bool {
    let need = [
        "/usr/bin/busctl",
        "/usr/bin/systemd-run",
        "/usr/bin/dbus-daemon",
    ];
    let units = ["dbus.socket", "dbus.service", "dconf.service"];
    let ok = need.iter().all(|p| Path::new(p).exists())
        && units
            .iter()
            .all(|u| Path::new(DEBIAN_UNITS).join(u).exists())
        && Path::new("/usr/libexec/dconf-service").exists();
    if !ok {
        eprintln!("skipped: needs systemd, dbus-user-session and dconf-service installed");
    }
    ok
}

/// A manager with Debian's bus units and a bus started (`systemctl --user start dbus.socket`,
/// as default.target would), and the manager on it.
fn manager_on_a_bus(extra: &[(&str, &str)]) -> Manager {
    manager_on_a_bus_with(&[], extra)
}

/// [`manager_on_a_bus`] with more of Debian's user units copied in unchanged.
fn manager_on_a_bus_with(debian: &[&str], extra: &[(&str, &str)]) -> Manager {
    let mut m = Manager::new(BIN);
    for u in ["dbus.socket", "dbus.service", "dconf.service"]
        .iter()
        .chain(debian)
    {
        let text = std::fs::read_to_string(Path::new(DEBIAN_UNITS).join(u)).unwrap();
        m.write_unit(u, &text);
    }
    for (name, text) in extra {
        m.write_unit(name, text);
    }
    // The bus looks for the test's own D-Bus service files under $XDG_DATA_HOME (services
    // get the manager's environment).
    let data_home = m.home().join(".local/share");
    std::fs::create_dir_all(data_home.join("dbus-1/services")).unwrap();
    std::fs::write(
        data_home.join("dbus-1/services/org.example.Broken.service"),
        "[D-BUS Service]\nName=org.example.Broken\nExec=/bin/false\nSystemdService=no-such-unit.service\n",
    )
    .unwrap();
    m.start();
    let private = m.runtime().join("systemd/private");
    m.wait_for("the D-Bus private socket", |_| private.exists());
    let set = format!("XDG_DATA_HOME={}", data_home.display());
    let (code, _, err) = run(
        &m,
        &["/usr/bin/systemctl", "--user", "set-environment", &set],
    );
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(
        &m,
        &["/usr/bin/systemctl", "--user", "start", "dbus.socket"],
    );
    assert_eq!(code, 0, "{err}");
    // The manager connects once the socket is up; the bus itself starts on that connection.
    m.wait_for("org.freedesktop.systemd1 on the bus", |m| {
        run(
            m,
            &[
                "/usr/bin/busctl",
                "--user",
                "call",
                "org.freedesktop.DBus",
                "/org/freedesktop/DBus",
            ]
            .into_iter()
            .chain([
                "org.freedesktop.DBus",
                "GetNameOwner",
                "s",
                "org.freedesktop.systemd1",
            ])
            .collect::<Vec<_>>(),
        )
        .0 == 0
    });
    m
}

/// The reference's busctl call (captured against systemd on its bus) gives the same output
/// and exit code against linger.
fn busctl_same_as_systemd(m: &Manager, name: &str) {
    let path = reference_dir().join(format!("{name}.txt"));
    let text = std::fs::read_to_string(&path).unwrap();
    let cmdline = text.lines().next().unwrap().trim_start_matches("$ ");
    // Arguments with spaces were captured unquoted: the invalid-name case is the only one.
    let mut args: Vec<String> = cmdline.split(' ').map(str::to_string).collect();
    if name == "busctl-loadunit-invalid" {
        let last = args.split_off(args.len() - 2).join(" ");
        args.push(last);
    }
    args[0] = "/usr/bin/busctl".into();
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = run(m, &argv);
    let section = |start: &str, end: &str| -> String {
        let from = text.find(start).map(|i| i + start.len()).unwrap();
        let to = text[from..].find(end).map_or(text.len(), |i| from + i);
        text[from..to].to_string()
    };
    let want_code: i32 = text
        .rsplit("--- exit ")
        .next()
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(
        (code, out, err),
        (
            want_code,
            section("--- stdout\n", "--- stderr\n"),
            section("--- stderr\n", "--- exit ")
        ),
        "{cmdline}"
    );
}

#[test]
fn busctl_calls_get_systemds_answers_on_the_bus() {
    if !prerequisites() {
        return;
    }
    let m = manager_on_a_bus(&[(
        "ref-simple.service",
        "[Unit]\nDescription=Reference simple service\n\n[Service]\nExecStart=/bin/sleep infinity\n",
    )]);
    for r in [
        "busctl-getunit-missing",
        "busctl-loadunit-invalid",
        "busctl-wrong-signature",
        "busctl-unknown-method",
        "busctl-unknown-interface",
        "busctl-unknown-object",
        "busctl-get-activestate",
        "busctl-get-unknown-property",
        "busctl-startunit-badmode",
        "busctl-getunitbypid-bad",
    ] {
        busctl_same_as_systemd(&m, r);
    }
    // Introspection lists the Manager's methods with systemd's signatures.
    let (code, out, err) = run(
        &m,
        &[
            "/usr/bin/busctl",
            "--user",
            "introspect",
            "org.freedesktop.systemd1",
            "/org/freedesktop/systemd1",
        ],
    );
    assert_eq!(code, 0, "{err}");
    for line in [
        ".StartUnit",
        ".ListUnitsByPatterns",
        ".JobRemoved",
        ".Version",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(line)),
            "{line} missing:\n{out}"
        );
    }
    assert!(
        out.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()[..4]
                == [".StartUnit", "method", "ss", "o"]),
        "{out}"
    );
}

/// Units a query loaded (busctl `LoadUnit`, a property read at a unit's path, `status`,
/// `show`) are collected once answered, as systemd collects them; a unit stays while a loaded
/// unit wants it, and while a client on the bus holds a `RefUnit` reference — until
/// `UnrefUnit` or until it leaves the bus. systemd's own systemctl and busctl replay
/// crates/dbus/tests/reference/query_gc.sh against linger: the transcript must be the one a
/// real systemd --user 252 gave (query_gc.txt there).
#[test]
fn units_a_query_loaded_are_collected_as_systemd_collects_them() {
    if !prerequisites() {
        return;
    }
    let m = manager_on_a_bus(&[]);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../dbus/tests/reference/query_gc.sh");
    write_reference_units(&script, &m.unit_dir());
    let mut cmd = Command::new("bash");
    cmd.arg(&script).arg("run").stdin(Stdio::null());
    env(&m, &mut cmd);
    cmd.env("COLUMNS", "200");
    let out = cmd.output().expect("run query_gc.sh");
    let got = String::from_utf8_lossy(&out.stdout);
    let want = std::fs::read_to_string(script.with_extension("txt")).expect("query_gc.txt");
    assert_eq!(
        got.lines().collect::<Vec<_>>(),
        want.lines().collect::<Vec<_>>(),
        "transcript differs from systemd 252's (query_gc.txt); stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn systemd_run_waits_for_a_transient_service_over_the_bus() {
    if !prerequisites() {
        return;
    }
    let m = manager_on_a_bus(&[(
        "sig.service",
        "[Service]\nExecStart=/bin/true\n\n[Install]\nWantedBy=default.target\n",
    )]);
    // busctl monitor sees the signals systemd-run follows.
    let log = m.home().join("monitor.log");
    let mut monitor = {
        // Line-buffered into a file, read as it grows (busctl ends on SIGTERM without
        // flushing its buffer).
        let mut c = Command::new("stdbuf");
        c.args([
            "-oL",
            "/usr/bin/busctl",
            "--user",
            "monitor",
            "org.freedesktop.systemd1",
        ]);
        env(&m, &mut c);
        let out = std::fs::File::create(&log).unwrap();
        c.stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .unwrap()
    };
    let seen = || std::fs::read_to_string(&log).unwrap_or_default();
    m.wait_for("busctl monitor to listen", |_| {
        seen().contains("Monitoring bus message stream.")
    });
    let (code, out, err) = run(
        &m,
        &[
            "/usr/bin/systemd-run",
            "--user",
            "--wait",
            "-q",
            "/bin/true",
        ],
    );
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let (code, _, _) = run(
        &m,
        &[
            "/usr/bin/systemd-run",
            "--user",
            "--wait",
            "-q",
            "/bin/false",
        ],
    );
    assert_eq!(
        code, 1,
        "the service's failure is systemd-run's exit code (reference run-wait-fail)"
    );
    let (code, _, err) = run(
        &m,
        &["/usr/bin/systemd-run", "--user", "--wait", "/bin/true"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.starts_with("Running as unit: run-"), "{err}");
    assert!(
        err.contains(
            "Finished with result: success\nMain processes terminated with: code=exited/status=0\n"
        ),
        "{err}"
    );
    // While a client is subscribed (systemd-run --wait), daemon-reload and enable are
    // signalled (Reloading, UnitFilesChanged) — before the end systemd-run waits for.
    let mut holder = Command::new("/usr/bin/systemd-run");
    holder.args([
        "--user",
        "--wait",
        "-q",
        "--unit=sig-holder",
        "/bin/sleep",
        "60",
    ]);
    env(&m, &mut holder);
    let mut holder = holder.stdout(Stdio::null()).spawn().unwrap();
    m.wait_for("systemd-run's service", |m| {
        m.prop("sig-holder.service", "ActiveState") == "active"
    });
    // (systemctl enables client-side where systemd is not PID 1: the manager's method is
    // called directly.)
    let (code, _, err) = run(&m, &["/usr/bin/systemctl", "--user", "daemon-reload"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(
        &m,
        &[
            "/usr/bin/busctl",
            "--user",
            "call",
            "org.freedesktop.systemd1",
            "/org/freedesktop/systemd1",
            "org.freedesktop.systemd1.Manager",
            "EnableUnitFiles",
            "asbb",
            "1",
            "sig.service",
            "false",
            "false",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("ba(sss) true 1 \"symlink\""), "{out}");
    let (code, _, err) = run(
        &m,
        &["/usr/bin/systemctl", "--user", "stop", "sig-holder.service"],
    );
    assert_eq!(code, 0, "{err}");
    let _ = holder.wait();
    let members = [
        "Member=JobNew",
        "Member=JobRemoved",
        "Member=PropertiesChanged",
        "Member=Reloading",
        "Member=UnitFilesChanged",
    ];
    m.wait_for("busctl monitor to see the signals", |_| {
        let seen = seen();
        members.iter().all(|member| seen.contains(member))
    });
    let _ = rustix::process::kill_process(
        rustix::process::Pid::from_raw(monitor.id() as i32).unwrap(),
        rustix::process::Signal::TERM,
    );
    let _ = monitor.wait();
    let seen = seen();
    for member in members {
        assert!(
            seen.contains(member),
            "busctl monitor did not see {member}:\n{seen}"
        );
    }
}

#[test]
fn dbus_activation_and_the_activation_environment_go_through_linger() {
    if !prerequisites() || !Path::new("/usr/bin/gdbus").exists() {
        eprintln!("skipped: needs gdbus (libglib2.0-bin)");
        return;
    }
    let m = manager_on_a_bus(&[]);
    // dconf is activated by the bus asking linger to start dconf.service (SystemdService=);
    // without an activator this call hangs 25 s and fails.
    dconf_answers(&m);
    // Type=dbus: active once the manager has seen the name's NameOwnerChanged on its own
    // connection, which may come after dconf's answer reached the client.
    m.wait_for("dconf.service active", |m| {
        let (_, active, _) = run(
            m,
            &["/usr/bin/systemctl", "--user", "is-active", "dconf.service"],
        );
        active.trim() == "active"
    });
    // A service the manager cannot start fails at once (ActivationFailure), not after 25 s.
    // (org.example.Broken's service file names a unit that does not exist.)
    let started = Instant::now();
    let (code, _, err) = run(
        &m,
        &[
            "/usr/bin/busctl",
            "--user",
            "call",
            "org.example.Broken",
            "/",
            "org.freedesktop.DBus.Peer",
            "Ping",
        ],
    );
    assert_ne!(code, 0);
    assert!(
        err.contains("Unit no-such-unit.service not found."),
        "{err}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "failed at once, not timed out"
    );
    // The X session's step: the variable lands in the manager's environment.
    let (code, _, err) = run(
        &m,
        &[
            "/usr/bin/dbus-update-activation-environment",
            "--systemd",
            "LINGER_DISPLAY=:7",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let env = m.systemctl(&["show-environment"]);
    assert!(
        env.stdout.lines().any(|l| l == "LINGER_DISPLAY=:7"),
        "{env:?}"
    );
}

/// As with systemd: while the manager's `dbus.socket` listens and no client has used the bus,
/// the manager does not connect to it — that would start dbus-daemon for the manager alone —
/// not even once a client of the private socket woke its D-Bus front end. The first client
/// of the bus starts it; if that first call is a D-Bus activation, dbus-daemon holds it until
/// the manager, connecting once `dbus.service` runs, takes it.
#[test]
fn the_bus_starts_with_its_first_client_and_the_manager_joins_it() {
    if !prerequisites() || !Path::new("/usr/bin/gdbus").exists() {
        eprintln!("skipped: needs gdbus (libglib2.0-bin)");
        return;
    }
    let mut m = Manager::new(BIN);
    for u in ["dbus.socket", "dbus.service", "dconf.service"] {
        let text = std::fs::read_to_string(Path::new(DEBIAN_UNITS).join(u)).unwrap();
        m.write_unit(u, &text);
    }
    m.start();
    let private = m.runtime().join("systemd/private");
    m.wait_for("the D-Bus private socket", |_| private.exists());
    let systemctl = |args: &[&str]| {
        let mut all = vec!["/usr/bin/systemctl", "--user"];
        all.extend_from_slice(args);
        run(&m, &all)
    };
    let (code, _, err) = systemctl(&["start", "dbus.socket"]);
    assert_eq!(code, 0, "{err}");
    // Clients of the private socket, and a unit started after the socket (each such change
    // makes the manager look for a bus again): the bus stays unstarted.
    m.write_unit(
        "other.service",
        "[Service]\nExecStart=/bin/sleep infinity\n",
    );
    let (code, _, err) = systemctl(&["start", "other.service"]);
    assert_eq!(code, 0, "{err}");
    for _ in 0..10 {
        let (_, state, _) = systemctl(&["is-active", "dbus.service"]);
        if state.trim() != "inactive" {
            let (_, status, _) = systemctl(&[
                "status",
                "--no-pager",
                "-n",
                "20",
                "dbus.socket",
                "dbus.service",
            ]);
            let log = m.systemctl(&["show-environment"]);
            panic!("the bus was started: dbus.service {state}\n{status}\n{log:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    // The bus's first client asks for dconf, which only the manager can start.
    dconf_answers(&m);
    for unit in ["dbus.service", "dconf.service"] {
        let (_, state, _) = systemctl(&["is-active", unit]);
        assert_eq!(state.trim(), "active", "{unit}");
    }
}

/// One D-Bus-activated service: its unit (Debian's, unchanged), the name the bus activates,
/// and a call that name answers once the program runs.
struct Activated {
    unit: &'static str,
    name: &'static str,
    path: &'static str,
    method: &'static [&'static str],
}

const ACTIVATED: &[Activated] = &[
    // at-spi2-core: the accessibility bus every GTK/Qt program asks for at start-up.
    Activated {
        unit: "at-spi-dbus-bus.service",
        name: "org.a11y.Bus",
        path: "/org/a11y/bus",
        method: &["org.a11y.Bus.GetAddress"],
    },
    // xdg-desktop-portal: Flatpak's permission store and the portal front end.
    Activated {
        unit: "xdg-permission-store.service",
        name: "org.freedesktop.impl.portal.PermissionStore",
        path: "/org/freedesktop/impl/portal/PermissionStore",
        method: &[
            "org.freedesktop.DBus.Properties.Get",
            "org.freedesktop.impl.portal.PermissionStore",
            "version",
        ],
    },
    Activated {
        unit: "xdg-desktop-portal.service",
        name: "org.freedesktop.portal.Desktop",
        path: "/org/freedesktop/portal/desktop",
        method: &["org.freedesktop.DBus.Peer.Ping"],
    },
];

#[test]
fn debians_bus_activated_user_services_start_through_linger() {
    if !prerequisites() || !Path::new("/usr/bin/gdbus").exists() {
        eprintln!("skipped: needs gdbus (libglib2.0-bin)");
        return;
    }
    let installed: Vec<&Activated> = ACTIVATED
        .iter()
        .filter(|a| {
            let there = Path::new(DEBIAN_UNITS).join(a.unit).exists();
            if !there {
                eprintln!("skipped {}: not installed", a.unit);
            }
            there
        })
        .collect();
    let units: Vec<&str> = installed
        .iter()
        .map(|a| a.unit)
        .chain(["session.slice"])
        .collect();
    let m = manager_on_a_bus_with(&units, &[]);
    for a in &installed {
        // The bus asks linger to start the unit (SystemdService=), the program takes its name
        // and the bus hands it the call that was waiting; without an activator: 25 s, failure.
        let started = Instant::now();
        let mut argv = vec![
            "/usr/bin/gdbus",
            "call",
            "--session",
            "--dest",
            a.name,
            "--object-path",
            a.path,
            "--method",
        ];
        argv.extend(a.method);
        let (code, out, err) = run(&m, &argv);
        assert_eq!(code, 0, "{}: {err}", a.unit);
        assert!(out.starts_with('('), "{}: {out}", a.unit);
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{} answered, not timed out",
            a.unit
        );
        let (_, active, _) = run(&m, &["/usr/bin/systemctl", "--user", "is-active", a.unit]);
        assert_eq!(active.trim(), "active", "{}", a.unit);
    }
}

#[test]
fn a_type_dbus_service_is_started_when_its_name_is_on_the_bus() {
    let store = "/usr/libexec/xdg-permission-store";
    if !prerequisites() || !Path::new(store).exists() {
        eprintln!("skipped: needs xdg-desktop-portal");
        return;
    }
    // Debian's permission store, made slow to take its name: `start` must wait for the name
    // (systemd.service(5) Type=dbus), not return when the process is forked.
    let unit = format!(
        "[Service]\nBusName=org.freedesktop.impl.portal.PermissionStore\n\
         ExecStart=/bin/sh -c 'sleep 0.5; exec {store}'\n"
    );
    let m = manager_on_a_bus(&[
        ("slow-store.service", &unit),
        (
            "same-name.service",
            "[Service]\nType=dbus\nBusName=org.freedesktop.impl.portal.PermissionStore\n\
             ExecStart=/bin/sleep 1000\nTimeoutStartSec=5\n",
        ),
    ]);
    let (code, _, err) = run(
        &m,
        &[
            "/usr/bin/systemctl",
            "--user",
            "start",
            "slow-store.service",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(
        &m,
        &[
            "/usr/bin/busctl",
            "--user",
            "status",
            "org.freedesktop.impl.portal.PermissionStore",
        ],
    );
    assert_eq!(code, 0, "the name is owned once start returns: {err}");
    let (_, out, _) = run(
        &m,
        &[
            "/usr/bin/systemctl",
            "--user",
            "show",
            "-p",
            "Type,BusName,ActiveState,Requires,After",
            "slow-store.service",
        ],
    );
    for want in [
        "Type=dbus",
        "BusName=org.freedesktop.impl.portal.PermissionStore",
        "ActiveState=active",
    ] {
        assert!(out.lines().any(|l| l == want), "{want}:\n{out}");
    }
    // BusName= without Type= is Type=dbus, which needs the bus.
    for (key, dep) in [("Requires=", "dbus.socket"), ("After=", "dbus.socket")] {
        assert!(
            out.lines()
                .any(|l| l.starts_with(key) && l.split([' ', '=']).any(|w| w == dep)),
            "{key}{dep}:\n{out}"
        );
    }
    // A Type=dbus service whose name is held already when it starts is ready at once (systemd
    // asks the bus for the owner when it begins to watch the name), not after TimeoutStartSec=.
    let (code, _, err) = run(
        &m,
        &["/usr/bin/systemctl", "--user", "start", "same-name.service"],
    );
    assert_eq!(code, 0, "{err}");
    let (_, state, _) = run(
        &m,
        &[
            "/usr/bin/systemctl",
            "--user",
            "is-active",
            "same-name.service",
        ],
    );
    assert_eq!(state.trim(), "active");
    let (code, _, err) = run(
        &m,
        &[
            "/usr/bin/systemctl",
            "--user",
            "stop",
            "same-name.service",
            "slow-store.service",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (_, state, _) = run(
        &m,
        &[
            "/usr/bin/systemctl",
            "--user",
            "is-active",
            "slow-store.service",
        ],
    );
    assert_eq!(state.trim(), "inactive");
}

#[path = "../../dbus/tests/support/man.rs"]
mod systemd_man;

/// An interface of `busctl introspect --xml-interface`'s XML in the man page's terms:
/// methods and signals with `TYPE NAME` arguments, properties as (name, type, access, emits).
type Described = (
    Vec<(String, String, String)>,
    Vec<(String, String, String)>,
    Vec<(String, String, String, String)>,
);

fn attr(tag: &str, name: &str) -> String {
    let key = format!("{name}=\"");
    tag.split_once(&key)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(v, _)| v.to_string())
        .unwrap_or_default()
}

/// Each interface of `xml` by name.
fn described(xml: &str) -> std::collections::BTreeMap<String, Described> {
    let mut out = std::collections::BTreeMap::new();
    for chunk in xml.split("<interface ").skip(1) {
        let body = &chunk[..chunk.find("</interface>").unwrap_or(chunk.len())];
        let mut d: Described = Default::default();
        for (kind, items) in [("method", 0), ("signal", 1)] {
            for m in body.split(&format!("<{kind} ")).skip(1) {
                let end = m
                    .find(&format!("</{kind}>"))
                    .or_else(|| m.find("/>"))
                    .unwrap_or(m.len());
                let (mut ins, mut outs) = (Vec::new(), Vec::new());
                for a in m[..end].split("<arg ").skip(1) {
                    let arg = format!("{} {}", attr(a, "type"), attr(a, "name"));
                    if attr(a, "direction") == "out" {
                        outs.push(arg);
                    } else {
                        ins.push(arg);
                    }
                }
                let row = (attr(m, "name"), ins.join(","), outs.join(","));
                if items == 0 { &mut d.0 } else { &mut d.1 }.push(row);
            }
        }
        for p in body.split("<property ").skip(1) {
            let p = &p[..p
                .find("</property>")
                .or_else(|| p.find("/>"))
                .unwrap_or(p.len())];
            let emits = p
                .split_once("EmitsChangedSignal\" value=\"")
                .and_then(|(_, v)| v.split_once('"'))
                .map_or("true".to_string(), |(v, _)| v.to_string());
            let access = match attr(p, "access").as_str() {
                "read" => "readonly".to_string(),
                other => other.to_string(),
            };
            d.2.push((attr(p, "name"), attr(p, "type"), access, emits));
        }
        out.insert(attr(chunk, "name"), d);
    }
    out
}

/// The man page's listing of `iface` in the same terms.
fn documented(man: &systemd_man::Interface) -> Described {
    let args = |a: &[(String, String)]| {
        a.iter()
            .map(|(n, t)| format!("{t} {n}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    let members = |list: &[systemd_man::ManMember]| {
        list.iter()
            .map(|m| (m.name.clone(), args(&m.args), args(&m.out)))
            .collect()
    };
    (
        members(&man.methods),
        members(&man.signals),
        man.properties
            .iter()
            .map(|p| {
                (
                    p.name.clone(),
                    p.sig.clone(),
                    p.access.clone(),
                    p.emits.clone(),
                )
            })
            .collect(),
    )
}

#[test]
fn busctl_introspects_every_object_as_the_man_page_lists_it() {
    if !prerequisites() {
        return;
    }
    let slow = "[Service]\nType=oneshot\nExecStart=/bin/sleep 60\n";
    let m = manager_on_a_bus(&[
        (
            "api-simple.service",
            "[Service]\nExecStart=/bin/sleep infinity\n",
        ),
        ("api-slow.service", slow),
        ("api.socket", "[Socket]\nListenStream=%t/api.sock\n"),
        (
            "api.timer",
            "[Timer]\nOnActiveSec=1h\nUnit=api-simple.service\n",
        ),
        ("api.target", "[Unit]\nDescription=api\n"),
        ("api.slice", "[Slice]\n"),
    ]);
    let man = systemd_man::interfaces(
        &std::fs::read_to_string(reference_dir().join("org.freedesktop.systemd1.5.txt")).unwrap(),
    );
    // A job to look at: a oneshot that takes a minute to start.
    let (code, _, err) = run(
        &m,
        &[
            "/usr/bin/systemctl",
            "--user",
            "start",
            "--no-block",
            "api-slow.service",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (_, jobs, _) = run(
        &m,
        &["/usr/bin/systemctl", "--user", "list-jobs", "--no-legend"],
    );
    let job = jobs
        .lines()
        .find(|l| l.contains("api-slow.service"))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_else(|| panic!("no job in {jobs}"))
        .to_string();
    let p = "/org/freedesktop/systemd1";
    let objects = [
        (p.to_string(), "Manager"),
        (format!("{p}/unit/api_2dsimple_2eservice"), "Service"),
        (format!("{p}/unit/api_2esocket"), "Socket"),
        (format!("{p}/unit/api_2etimer"), "Timer"),
        (format!("{p}/unit/api_2etarget"), "Target"),
        (format!("{p}/unit/api_2eslice"), "Slice"),
        (format!("{p}/unit/init_2escope"), "Scope"),
        (format!("{p}/job/{job}"), "Job"),
    ];
    for (path, kind) in objects {
        let (code, xml, err) = run(
            &m,
            &[
                "/usr/bin/busctl",
                "--user",
                "introspect",
                "--xml-interface",
                "org.freedesktop.systemd1",
                &path,
            ],
        );
        assert_eq!(code, 0, "{path}: {err}");
        let ours = described(&xml);
        let mut want = vec![format!("org.freedesktop.systemd1.{kind}")];
        if !matches!(kind, "Manager" | "Job") {
            want.push("org.freedesktop.systemd1.Unit".into());
        }
        for iface in want {
            let theirs = documented(&man[&iface]);
            let got = ours
                .get(&iface)
                .unwrap_or_else(|| panic!("{path} has no {iface}"));
            assert_eq!(got.0, theirs.0, "{path} {iface} methods");
            assert_eq!(got.1, theirs.1, "{path} {iface} signals");
            assert_eq!(got.2, theirs.2, "{path} {iface} properties");
        }
    }
}
