//! The D-Bus API beyond issue 11's first list, over the private socket: the Manager's and the
//! units' other methods (EnqueueUnitJob, StartUnitWithFlags, GetUnitProcesses, ClearJobs,
//! EnqueueMarkedJobs, SetShowStatus, Unit.EnqueueJob, SetUnitProperties through systemd's
//! `systemctl set-property`), and the settings linger has read back by systemd's own
//! `systemctl show` — values from linger's units, not systemd's defaults.
#![allow(clippy::print_stderr)] // "skipped: …" lines for machines without the tools

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

#[test]
fn systemctl_show_reads_the_settings_linger_has() {
    if !have_tools() {
        return;
    }
    let m = manager(&[
        (
            "set.service",
            "[Service]\nExecStart=/bin/sleep infinity\nNice=5\nOOMScoreAdjust=300\nStandardOutput=null\nGuessMainPID=no\nTimeoutStopSec=20\nTimeoutAbortSec=7\nRestartKillSignal=SIGINT\nPassEnvironment=FOO BAR\nMemoryMax=1G\nTasksMax=50\nCPUWeight=200\nCPUQuota=20%\nSlice=work.slice\nRestrictNamespaces=mnt uts\nCapabilityBoundingSet=CAP_KILL CAP_CHOWN\n",
        ),
        (
            "plain.service",
            "[Service]\nExecStart=/bin/sleep infinity\n",
        ),
        (
            "opts.socket",
            "[Socket]\nListenStream=%t/opts.sock\nReusePort=yes\nKeepAlive=yes\nReceiveBuffer=65536\nMaxConnectionsPerSource=7\nExecStartPost=-/bin/true x\nUMask=0077\nKillMode=mixed\n",
        ),
        ("iso.target", "[Unit]\nAllowIsolate=yes\n"),
    ]);
    // systemctl prints them in the order the object sends them; compare as sets of lines.
    let show = |unit: &str, props: &str| {
        let (code, out, err) = m.systemd_systemctl(&["show", "-p", props, unit]);
        assert_eq!(code, 0, "{err}");
        let mut lines: Vec<String> = out.lines().map(str::to_string).collect();
        lines.sort();
        lines
    };
    let want = |text: &str| {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        lines.sort();
        lines
    };
    assert_eq!(
        show(
            "set.service",
            "Nice,OOMScoreAdjust,StandardOutput,StandardError,GuessMainPID,TimeoutAbortUSec,RestartKillSignal,PassEnvironment,MemoryMax,TasksMax,CPUWeight,CPUQuotaPerSecUSec,IOWeight,Slice,RestrictNamespaces,CapabilityBoundingSet"
        ),
        want(
            "Nice=5\nOOMScoreAdjust=300\nStandardOutput=null\nStandardError=journal\nGuessMainPID=no\nTimeoutAbortUSec=7s\nRestartKillSignal=2\nPassEnvironment=FOO BAR\nMemoryMax=1073741824\nTasksMax=50\nCPUWeight=200\nCPUQuotaPerSecUSec=200ms\nIOWeight=[not set]\nSlice=work.slice\nRestrictNamespaces=mnt uts\nCapabilityBoundingSet=cap_chown cap_kill"
        )
    );
    // Unset: systemd's unset forms (the abort timeout is the stop timeout, the restart
    // signal the kill signal, the slice app.slice).
    assert_eq!(
        show(
            "plain.service",
            "MemoryMax,TasksMax,CPUWeight,TimeoutAbortUSec,RestartKillSignal,Slice,GuessMainPID,StandardInput,WorkingDirectory"
        ),
        want(&format!(
            "MemoryMax=infinity\nTasksMax=infinity\nCPUWeight=[not set]\nTimeoutAbortUSec=1min 30s\nRestartKillSignal=15\nSlice=app.slice\nGuessMainPID=yes\nStandardInput=null\nWorkingDirectory=!{}",
            m.home().display()
        ))
    );
    assert_eq!(
        show(
            "opts.socket",
            "ReusePort,KeepAlive,ReceiveBuffer,MaxConnectionsPerSource,NoDelay"
        ),
        want(
            "ReusePort=yes\nKeepAlive=yes\nReceiveBuffer=65536\nMaxConnectionsPerSource=7\nNoDelay=no"
        )
    );
    assert_eq!(
        show("iso.target", "CanIsolate,AllowIsolate"),
        want("CanIsolate=yes\nAllowIsolate=yes")
    );
    assert_eq!(
        show("plain.service", "CanIsolate,Transient"),
        want("CanIsolate=no\nTransient=no")
    );
}

/// One property asked with Properties.Get: the manager is asked only for what the value is made
/// of (props::made_from) — LoadError from LoadState and Id, Transient from FragmentPath — and
/// each value is still whole (systemd's values for these units).
#[test]
fn get_of_one_derived_property_is_whole() {
    if !have_tools() {
        return;
    }
    let m = manager(&[("plain.service", "[Service]\nExecStart=/bin/true\n")]);
    let get = |unit: &str, prop: &str| {
        let path = format!("{M}/unit/{}", linger_dbus::paths::escape(unit));
        let (code, out) = m.dbus_send(
            &path,
            "org.freedesktop.DBus.Properties.Get",
            &[
                "string:org.freedesktop.systemd1.Unit",
                &format!("string:{prop}"),
            ],
        );
        assert_eq!(code, 0, "Get {unit} {prop}: {out}");
        out.lines()
            .skip(1)
            .flat_map(str::split_whitespace)
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        get("nope.service", "LoadError"),
        r#"variant struct { string "org.freedesktop.systemd1.NoSuchUnit" string "Unit nope.service not found." }"#
    );
    assert_eq!(
        get("plain.service", "LoadError"),
        r#"variant struct { string "" string "" }"#
    );
    assert_eq!(get("plain.service", "Transient"), "variant boolean false");
    assert_eq!(
        get("plain.service", "ActiveState"),
        r#"variant string "inactive""#
    );
    let out = Command::new("/usr/bin/systemd-run")
        .args([
            "--user",
            "--unit=tr.service",
            "--remain-after-exit",
            "/bin/true",
        ])
        .env_clear()
        .env("HOME", m.home())
        .env("XDG_RUNTIME_DIR", m.runtime())
        .env("PATH", "/usr/bin:/bin")
        .output()
        .expect("run systemd-run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(get("tr.service", "Transient"), "variant boolean true");
}

#[test]
fn the_other_manager_and_unit_methods_work_over_dbus() {
    if !have_tools() {
        return;
    }
    let m = manager(&[
        ("api.service", "[Service]\nExecStart=/bin/sleep infinity\n"),
        (
            "api-slow.service",
            "[Service]\nType=oneshot\nExecStart=/bin/sleep 60\n",
        ),
    ]);
    // EnqueueUnitJob: (id, job, unit, unit object, type, affected).
    let (code, text) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.EnqueueUnitJob",
        &["string:api.service", "string:start", "string:replace"],
    );
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("object path \"/org/freedesktop/systemd1/job/"),
        "{text}"
    );
    assert!(text.contains("string \"api.service\""), "{text}");
    assert!(
        text.contains("object path \"/org/freedesktop/systemd1/unit/api_2eservice\""),
        "{text}"
    );
    assert!(text.contains("string \"start\""), "{text}");
    m.wait_for("api.service active", |_| {
        m.systemd_systemctl(&["is-active", "--quiet", "api.service"])
            .0
            == 0
    });
    // GetUnitProcesses: the sleep, with its command line.
    let (code, text) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.GetUnitProcesses",
        &["string:api.service"],
    );
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("/bin/sleep infinity"), "{text}");
    // The same through the Service object.
    let (code, text) = m.dbus_send(
        &format!("{M}/unit/api_2eservice"),
        "org.freedesktop.systemd1.Service.GetProcesses",
        &[],
    );
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("/bin/sleep infinity"), "{text}");
    // Unit.EnqueueJob stops it.
    let (code, text) = m.dbus_send(
        &format!("{M}/unit/api_2eservice"),
        "org.freedesktop.systemd1.Unit.EnqueueJob",
        &["string:stop", "string:replace"],
    );
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("string \"stop\""), "{text}");
    m.wait_for("api.service stopped", |_| {
        m.systemd_systemctl(&["is-active", "--quiet", "api.service"])
            .0
            != 0
    });
    // StartUnitWithFlags with no flags is StartUnit; ClearJobs cancels what is queued.
    let (code, text) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.StartUnitWithFlags",
        &["string:api-slow.service", "string:replace", "uint64:0"],
    );
    assert_eq!(code, 0, "{text}");
    let (_, jobs, _) = m.systemd_systemctl(&["list-jobs", "--no-legend"]);
    assert!(jobs.contains("api-slow.service"), "{jobs}");
    let (code, text) = m.dbus_send(M, "org.freedesktop.systemd1.Manager.ClearJobs", &[]);
    assert_eq!(code, 0, "{text}");
    m.wait_for("no jobs", |_| {
        m.systemd_systemctl(&["list-jobs", "--no-legend"])
            .1
            .trim()
            .is_empty()
    });
    // Nothing is marked for reload or restart in linger; every valid show-status mode holds.
    let (code, text) = m.dbus_send(M, "org.freedesktop.systemd1.Manager.EnqueueMarkedJobs", &[]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("array ["), "{text}");
    let (code, text) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.SetShowStatus",
        &["string:auto"],
    );
    assert_eq!(code, 0, "{text}");
    // set-property goes to linger's resource settings (here without cgroups: refused, saying
    // why), and what linger cannot set is refused in systemd's words.
    let (code, _, err) =
        m.systemd_systemctl(&["set-property", "--runtime", "api.service", "CPUWeight=200"]);
    assert_ne!(code, 0);
    assert!(err.contains("cannot be enforced"), "{err}");
    let (code, _, err) = m.systemd_systemctl(&["set-property", "api.service", "Nice=3"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("Cannot set property Nice, or unknown property."),
        "{err}"
    );
}

/// A GDBus client on the private socket that starts a transient service running `sleep 1`,
/// references it (RefUnit), prints `ref`, and for each unit named on stdin drops one
/// reference (UnrefUnit), printing `unref` or the error.
const REF_CLIENT: &str = r#"
import sys
from gi.repository import Gio, GLib
conn = Gio.DBusConnection.new_for_address_sync("unix:path=" + sys.argv[1], Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT, None, None)
def call(method, args, sig):
    return conn.call_sync("org.freedesktop.systemd1", "/org/freedesktop/systemd1", "org.freedesktop.systemd1.Manager", method, GLib.Variant(sig, args), None, 0, -1, None)
cmd = [("ExecStart", GLib.Variant("a(sasb)", [("/bin/sleep", ["/bin/sleep", "infinity"], False)]))]
call("StartTransientUnit", ("reftest.service", "replace", cmd, []), "(ssa(sv)a(sa(sv)))")
call("RefUnit", ("reftest.service",), "(s)")
print("ref", flush=True)
for line in sys.stdin:
    try:
        call("UnrefUnit", (line.strip(),), "(s)")
        print("unref", flush=True)
    except GLib.Error as e:
        print(e.message, flush=True)
"#;

#[test]
fn a_referenced_unit_stays_loaded_until_unreferenced() {
    let gi = linger_test_support::have_python_gi();
    if !have_tools() || !gi {
        eprintln!("skipped: needs python3-gi");
        return;
    }
    let m = manager(&[]);
    let mut client = Command::new("/usr/bin/python3")
        .args(["-c", REF_CLIENT])
        .arg(m.runtime().join("systemd/private"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    let lines = linger_test_support::Lines::of(&mut client);
    let wait = std::time::Duration::from_secs(30);
    assert_eq!(lines.next(wait).as_deref(), Some("ref"));
    // A transient service that ended cleanly is unloaded at once (the turn it ends in); the
    // reference keeps it: it is seen loaded and dead. (It runs until stopped here, after the
    // reference is taken: a service that ended by itself could be gone before the client's
    // RefUnit arrives.)
    m.systemctl(&["stop", "reftest.service"]).expect_code(0);
    assert_eq!(m.prop("reftest.service", "SubState"), "dead");
    assert_eq!(m.prop("reftest.service", "LoadState"), "loaded");
    let (code, text) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.GetUnit",
        &["string:reftest.service"],
    );
    assert_eq!(code, 0, "{text}");
    // Unreferenced, it goes; a second Unref is refused as systemd refuses it.
    let mut stdin = client.stdin.take().unwrap();
    use std::io::Write;
    writeln!(stdin, "reftest.service").unwrap();
    assert_eq!(lines.next(wait).as_deref(), Some("unref"));
    m.wait_for("reftest.service to be unloaded", |m| {
        m.prop("reftest.service", "LoadState") == "not-found"
    });
    writeln!(stdin, "reftest.service").unwrap();
    assert_eq!(
        lines.next(wait).as_deref(),
        Some("GDBus.Error:org.freedesktop.systemd1.NoSuchUnit: Unit reftest.service not loaded.")
    );
    // A loaded unit this client holds no reference on: systemd's refusal.
    writeln!(stdin, "default.target").unwrap();
    let want = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../dbus/tests/reference/systemd252/gdbus-refuse-unrefunit.txt"),
    )
    .unwrap();
    let want = want
        .lines()
        .find_map(|l| l.strip_prefix("Error: "))
        .unwrap()
        .to_string();
    assert_eq!(lines.next(wait), Some(want));
    drop(stdin);
    let _ = client.wait();
}

/// `EnvironmentFiles`, the three exit-status sets, and memory limits given as a percentage
/// of the machine's memory, read by systemd's own `systemctl show` (which takes them from the
/// D-Bus values' types): what systemd 252 prints for the same unit
/// (reference/systemd252/show-exit-status-env-files.txt), and the bytes systemd computes
/// for a percentage (pages of physical memory × share, whole pages).
#[test]
fn exit_status_sets_environment_files_and_percent_limits_read_as_systemd_prints_them() {
    if !have_tools() {
        return;
    }
    let m = manager(&[(
        "e.service",
        "[Service]\nExecStart=/bin/sleep infinity\nEnvironmentFile=-/etc/nothere\n\
         EnvironmentFile=/etc/os-release\nSuccessExitStatus=3 SIGUSR1\n\
         RestartPreventExitStatus=4\nRestartForceExitStatus=5 SIGHUP\nMemoryMax=50%\n\
         MemoryHigh=10%\n",
    )]);
    let (code, out, err) = m.systemd_systemctl(&[
        "show",
        "e.service",
        "-p",
        "EnvironmentFiles",
        "-p",
        "SuccessExitStatus",
        "-p",
        "RestartPreventExitStatus",
        "-p",
        "RestartForceExitStatus",
    ]);
    assert_eq!(code, 0, "{err}");
    let want = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../dbus/tests/reference/systemd252/show-exit-status-env-files.txt"),
    )
    .unwrap();
    assert_eq!(out, want);
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap();
    let kib: u64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().strip_suffix("kB"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap();
    let page = rustix::param::page_size() as u64;
    let pages = kib * 1024 / page;
    let (code, out, err) =
        m.systemd_systemctl(&["show", "e.service", "-p", "MemoryMax", "-p", "MemoryHigh"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!(
            "MemoryHigh={}\nMemoryMax={}\n",
            pages * 1000 / 10_000 * page,
            pages * 5000 / 10_000 * page
        )
    );
    // The typed values: `(aiai)` with signal numbers, `a(sb)`.
    let path = format!("{M}/unit/e_2eservice");
    let (code, out) = m.dbus_send(
        &path,
        "org.freedesktop.DBus.Properties.Get",
        &[
            "string:org.freedesktop.systemd1.Service",
            "string:RestartForceExitStatus",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let words: Vec<&str> = out.split_whitespace().collect();
    assert!(
        words.windows(2).any(|w| w == ["int32", "5"])
            && words.windows(2).any(|w| w == ["int32", "1"]),
        "{out}"
    );
}

/// A slice's `SliceOf`: the loaded units in it — units with processes by their `Slice=` (else
/// app.slice), a slice by its name's parent — as systemd lists them (an `as` of names). A unit
/// only looked at (`show`) is collected after the look, as systemd collects it, so it is in
/// no slice's list (systemd 252: crates/dbus/tests/reference/query_gc.txt, section 4).
#[test]
fn a_slice_lists_the_loaded_units_in_it() {
    if !have_tools() {
        return;
    }
    let m = manager(&[
        ("a.service", "[Service]\nExecStart=/bin/sleep infinity\n"),
        (
            "b.service",
            "[Service]\nExecStart=/bin/sleep infinity\nSlice=custom.slice\n",
        ),
        ("s.socket", "[Socket]\nListenFIFO=%t/s.fifo\n"),
        ("s.service", "[Service]\nExecStart=/bin/cat\n"),
        ("custom-inner.slice", "[Slice]\n"),
        (
            "looked.service",
            "[Service]\nExecStart=/bin/sleep infinity\nSlice=custom.slice\n",
        ),
    ]);
    // Running (so loaded); looked.service only looked at.
    for u in ["a.service", "b.service", "s.socket", "custom-inner.slice"] {
        let (code, _, err) = m.systemd_systemctl(&["start", u]);
        assert_eq!(code, 0, "{u}: {err}");
    }
    let (code, out, err) =
        m.systemd_systemctl(&["show", "-p", "Slice", "--value", "looked.service"]);
    assert_eq!((code, out.trim()), (0, "custom.slice"), "{err}");
    let (code, out, err) =
        m.systemd_systemctl(&["list-units", "--all", "--no-legend", "looked.service"]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let slice_of = |slice: &str| {
        let (code, out, err) = m.systemd_systemctl(&["show", "-p", "SliceOf", "--value", slice]);
        assert_eq!(code, 0, "{err}");
        let mut names: Vec<String> = out.split_whitespace().map(str::to_string).collect();
        names.sort();
        names
    };
    let app = slice_of("app.slice");
    assert!(
        app.contains(&"a.service".to_string()) && app.contains(&"s.socket".to_string()),
        "{app:?}"
    );
    assert!(!app.contains(&"b.service".to_string()), "{app:?}");
    assert_eq!(
        slice_of("custom.slice"),
        ["b.service", "custom-inner.slice"]
    );
    assert_eq!(slice_of("custom-inner.slice"), Vec::<String>::new());
    let (code, out) = m.dbus_send(
        &format!("{M}/unit/custom_2eslice"),
        "org.freedesktop.DBus.Properties.Get",
        &["string:org.freedesktop.systemd1.Unit", "string:SliceOf"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("array [") && out.contains("\"b.service\""),
        "{out}"
    );
}

/// A client holding `argv[3]` references on unit `argv[2]`; "unref" on stdin drops one; it
/// exits at the end of its input.
const HOLDER: &str = r#"
import sys
from gi.repository import Gio, GLib
conn = Gio.DBusConnection.new_for_address_sync("unix:path=" + sys.argv[1], Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT, None, None)
def call(method, unit):
    conn.call_sync("org.freedesktop.systemd1", "/org/freedesktop/systemd1", "org.freedesktop.systemd1.Manager", method, GLib.Variant("(s)", (unit,)), None, 0, -1, None)
for _ in range(int(sys.argv[3])):
    call("RefUnit", sys.argv[2])
print("ref", flush=True)
for line in sys.stdin:
    call("UnrefUnit", sys.argv[2])
    print("unref", flush=True)
"#;

/// The unit's `Refs`: every client's references in one registry, a client once per
/// reference (as systemd lists them); a client's go when it does.
#[test]
fn refs_lists_each_clients_references_and_drops_them_when_it_goes() {
    let gi = linger_test_support::have_python_gi();
    if !have_tools() || !gi {
        eprintln!("skipped: needs python3-gi");
        return;
    }
    let m = manager(&[("held.service", "[Service]\nExecStart=/bin/sleep infinity\n")]);
    m.systemctl(&["start", "held.service"]).expect_code(0);
    let wait = std::time::Duration::from_secs(30);
    let holder = |count: &str| {
        let mut c = Command::new("/usr/bin/python3")
            .args(["-c", HOLDER])
            .arg(m.runtime().join("systemd/private"))
            .args(["held.service", count])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3");
        let lines = linger_test_support::Lines::of(&mut c);
        assert_eq!(lines.next(wait).as_deref(), Some("ref"));
        (c, lines)
    };
    let refs = || -> Vec<String> {
        let (code, text) = m.dbus_send(
            &format!("{M}/unit/held_2eservice"),
            "org.freedesktop.DBus.Properties.Get",
            &["string:org.freedesktop.systemd1.Unit", "string:Refs"],
        );
        assert_eq!(code, 0, "{text}");
        let mut names: Vec<String> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("string \""))
            .map(|l| l.trim_end_matches('"').to_string())
            .collect();
        names.sort();
        names
    };
    assert!(refs().is_empty());
    let (mut a, _a_lines) = holder("2");
    let (mut b, b_lines) = holder("1");
    let both = refs();
    assert_eq!(both.len(), 3, "{both:?}");
    let mut distinct = both.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), 2, "two clients: {both:?}");
    // A goes (its connection closes): only B's reference is left.
    drop(a.stdin.take());
    let _ = a.wait();
    m.wait_for("A's references to go", |_| refs().len() == 1);
    let left = refs();
    assert!(
        both.iter().filter(|n| **n == left[0]).count() == 1,
        "{left:?} {both:?}"
    );
    // B drops its own.
    use std::io::Write;
    let mut stdin = b.stdin.take().unwrap();
    writeln!(stdin, "unref").unwrap();
    assert_eq!(b_lines.next(wait).as_deref(), Some("unref"));
    assert!(refs().is_empty());
    drop(stdin);
    let _ = b.wait();
}

/// A socket's `NAccepted`/`NConnections`/`NRefused` as systemd's own `systemctl show` reads
/// them over D-Bus: the manager's counts for an `Accept=yes` socket at `MaxConnections=1` —
/// one connection served, one refused (accepted and closed, as systemd drops it), and none
/// live once its instance is stopped.
#[test]
fn socket_connection_counters_are_the_managers() {
    if !have_tools() {
        return;
    }
    let m = manager(&[
        (
            "count.socket",
            "[Socket]\nListenStream=%t/count.sock\nAccept=yes\nMaxConnections=1\n",
        ),
        (
            "count@.service",
            "[Service]\nExecStart=/bin/sleep infinity\nStandardInput=socket\n",
        ),
    ]);
    m.systemctl(&["start", "count.socket"]).expect_code(0);
    let counts = || {
        let (code, out, err) = m.systemd_systemctl(&[
            "show",
            "-p",
            "NAccepted",
            "-p",
            "NConnections",
            "-p",
            "NRefused",
            "count.socket",
        ]);
        assert_eq!(code, 0, "{err}");
        out
    };
    assert_eq!(counts(), "NConnections=0\nNAccepted=0\nNRefused=0\n");
    let path = m.runtime().join("count.sock");
    let first = std::os::unix::net::UnixStream::connect(&path).unwrap();
    m.wait_for("the first connection's instance", |_| {
        counts() == "NConnections=1\nNAccepted=1\nNRefused=0\n"
    });
    // Over the limit: the manager closes it unread.
    let mut second = std::os::unix::net::UnixStream::connect(&path).unwrap();
    second
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    use std::io::Read;
    let mut buf = [0u8; 1];
    assert_eq!(
        second.read(&mut buf).unwrap(),
        0,
        "the second connection is closed"
    );
    assert_eq!(counts(), "NConnections=1\nNAccepted=1\nNRefused=1\n");
    m.systemctl(&["stop", "count@*"]).expect_code(0);
    m.wait_for("no live connection", |_| {
        counts() == "NConnections=0\nNAccepted=1\nNRefused=1\n"
    });
    drop(first);
}

/// `AmbientCapabilities=`: raised for the service as `systemd --user` raises them (the
/// process's `CapAmb`), shown by linger's `show` and systemd's own over D-Bus as names; under
/// a manager that does not hold them (run as `nobody`) the spawn fails at step CAPABILITIES
/// (exit status 218), as systemd's does ("Failed to apply ambient capabilities").
#[test]
fn ambient_capabilities_are_raised_when_the_manager_holds_them() {
    if !have_tools() {
        return;
    }
    if !rustix::process::geteuid().is_root() {
        eprintln!("skipped: needs root (a manager holding capabilities, and one as nobody)");
        return;
    }
    let unit = "[Service]\nType=oneshot\nRemainAfterExit=yes\n\
                AmbientCapabilities=CAP_NET_BIND_SERVICE\nAmbientCapabilities=cap_kill\n\
                ExecStart=/bin/sh -c 'grep CapAmb /proc/self/status > %t/amb'\n";
    let m = manager(&[("amb.service", unit)]);
    m.systemctl(&["start", "amb.service"]).expect_code(0);
    let amb = std::fs::read_to_string(m.runtime().join("amb")).unwrap();
    // CAP_KILL (5) and CAP_NET_BIND_SERVICE (10).
    assert_eq!(amb, "CapAmb:\t0000000000000420\n");
    let want = "AmbientCapabilities=cap_kill cap_net_bind_service\n";
    let (code, out, err) =
        m.systemd_systemctl(&["show", "-p", "AmbientCapabilities", "amb.service"]);
    assert_eq!((code, out.as_str()), (0, want), "{err}");
    assert_eq!(
        m.systemctl(&["show", "-p", "AmbientCapabilities", "amb.service"])
            .stdout,
        want
    );
    let (_, out, _) = m.systemd_systemctl(&["show", "-p", "AmbientCapabilities", "plain.service"]);
    assert_eq!(out, "AmbientCapabilities=\n");
    drop(m);

    let mut m = Manager::new(BIN);
    m.write_unit("amb.service", unit);
    m.start_as("nobody", "nogroup");
    let r = m.systemctl(&["start", "amb.service"]);
    assert_ne!(r.code, 0);
    assert_eq!(m.prop("amb.service", "Result"), "exit-code");
    assert_eq!(m.prop("amb.service", "ExecMainStatus"), "218");
    assert!(!m.runtime().join("amb").exists());
}
