//! End to end: timers and socket activation through a real `linger daemon --user`, with real
//! programs on the other end of the sockets (dbus-daemon and gpg-agent as Debian ships their
//! user units, a python server taking its listening socket from `$LISTEN_FDS`, `sh` per
//! connection for `Accept=yes`). No root needed; everything listens on 127.0.0.1 or in the
//! test's runtime directory.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, SystemTime};

use linger_test_support::{Manager, free_port};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn manager() -> Manager {
    let mut m = Manager::new(BIN);
    m.start();
    m
}

/// Connect, send `line`, read the reply until the server closes.
fn ask(port: u16, line: &str) -> std::io::Result<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    s.write_all(line.as_bytes())?;
    let mut out = String::new();
    s.read_to_string(&mut out)?;
    Ok(out)
}

#[test]
fn a_timer_runs_its_service_and_list_timers_shows_it() {
    let mut m = manager();
    let mark = m.dir.path().join("ran");
    m.write_unit(
        "hello.service",
        &format!(
            "[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo ran >> {}'\n",
            mark.display()
        ),
    );
    m.write_unit(
        "hello.timer",
        "[Unit]\nDescription=Say hello soon\n[Timer]\nOnActiveSec=1s\nAccuracySec=1ms\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "hello.timer"]).expect_code(0);
    let list = m.systemctl(&["list-timers"]).expect_code(0).stdout;
    let header = list.lines().next().unwrap_or_default();
    for col in ["NEXT", "LEFT", "LAST", "PASSED", "UNIT", "ACTIVATES"] {
        assert!(header.contains(col), "{list}");
    }
    let row = list
        .lines()
        .find(|l| l.contains("hello.timer"))
        .unwrap_or_default();
    assert!(
        row.contains("left") && row.ends_with("hello.service"),
        "{list}"
    );
    let status = m.systemctl(&["status", "hello.timer"]).stdout;
    assert!(status.contains("Active: active (waiting)"), "{status}");
    assert!(
        status.contains("Trigger: ") && status.contains("Triggers: ● hello.service"),
        "{status}"
    );
    m.wait_for("the timer to fire", |_| mark.exists());
    m.wait_for("the timer to be elapsed", |m| {
        m.prop("hello.timer", "SubState") == "elapsed"
    });
    let all = m.systemctl(&["list-timers", "--all"]).expect_code(0).stdout;
    let row = all
        .lines()
        .find(|l| l.contains("hello.timer"))
        .unwrap_or_default();
    assert!(row.starts_with("n/a") && row.contains(" ago "), "{all}");
    assert_eq!(
        std::fs::read_to_string(&mark).unwrap(),
        "ran\n",
        "exactly once"
    );
    m.shutdown();
}

#[test]
fn enabled_timers_start_with_timers_target_and_persistent_ones_catch_up() {
    let mut m = Manager::new(BIN);
    let mark = m.dir.path().join("backups");
    m.write_unit(
        "backup.service",
        &format!(
            "[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo backup >> {}'\n",
            mark.display()
        ),
    );
    m.write_unit(
        "backup.timer",
        "[Timer]\nOnCalendar=daily\nPersistent=true\n[Install]\nWantedBy=timers.target\n",
    );
    m.start();
    m.systemctl(&["enable", "backup.timer"]).expect_code(0);
    m.shutdown();
    // The last run was two days ago: the manager was down when today's run was due.
    let stamp = m
        .home()
        .join(".local/state/linger/timers/stamp-backup.timer");
    std::fs::create_dir_all(stamp.parent().unwrap()).unwrap();
    let f = std::fs::File::create(&stamp).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(2 * 86_400))
        .unwrap();
    drop(f);
    m.start();
    m.wait_for("the missed run", |_| mark.exists());
    assert_eq!(
        m.prop("backup.timer", "ActiveState"),
        "active",
        "started by timers.target"
    );
    let age = std::fs::metadata(&stamp)
        .unwrap()
        .modified()
        .unwrap()
        .elapsed()
        .unwrap_or_default();
    assert!(age < Duration::from_secs(60), "the stamp records this run");
    // Started again with a fresh stamp: nothing is owed, nothing runs.
    m.shutdown();
    m.start();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(std::fs::read_to_string(&mark).unwrap(), "backup\n");
    m.shutdown();
}

/// A server that takes its listening socket from systemd's protocol and answers each line.
/// Like a well-behaved daemon it finishes the connection in hand before exiting on SIGTERM
/// (SIGTERM stays blocked and is looked at between connections: no race with accept).
const PY_SERVER: &str = r#"import os, select, signal, socket, sys
assert os.environ["LISTEN_PID"] == str(os.getpid()), "LISTEN_PID"
assert os.environ["LISTEN_FDS"] == "1"
name = os.environ["LISTEN_FDNAMES"]
srv = socket.socket(fileno=3)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
print("serving", flush=True)
while signal.SIGTERM not in signal.sigpending():
    if not select.select([srv], [], [], 0.02)[0]:
        continue
    c, _ = srv.accept()
    data = c.recv(100)
    c.sendall(b"pid %d (%s) got %s" % (os.getpid(), name.encode(), data))
    c.close()
"#;

#[test]
fn socket_activation_serves_every_connection_even_across_a_restart() {
    let mut m = manager();
    let port = free_port();
    let script = m.dir.path().join("server.py");
    std::fs::write(&script, PY_SERVER).unwrap();
    m.write_unit(
        "echo.socket",
        &format!("[Socket]\nListenStream=127.0.0.1:{port}\nFileDescriptorName=echo\n"),
    );
    m.write_unit(
        "echo.service",
        &format!(
            "[Service]\nExecStart=/usr/bin/python3 {}\n",
            script.display()
        ),
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "echo.socket"]).expect_code(0);
    assert_eq!(
        m.prop("echo.service", "ActiveState"),
        "inactive",
        "started on demand only"
    );
    let sockets = m.systemctl(&["list-sockets"]).expect_code(0).stdout;
    assert!(
        sockets.contains(&format!("127.0.0.1:{port} echo.socket echo.service")),
        "{sockets}"
    );
    let first = ask(port, "one").unwrap();
    assert!(first.contains("(echo) got one"), "{first}");
    assert_eq!(m.prop("echo.service", "ActiveState"), "active");
    assert_eq!(m.prop("echo.socket", "SubState"), "running");
    // Connections made while the service restarts wait in the backlog: none is refused.
    let clients: Vec<_> = (0..20)
        .map(|i| {
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(i * 10));
                ask(port, &format!("c{i}"))
            })
        })
        .collect();
    m.systemctl(&["restart", "echo.service"]).expect_code(0);
    for (i, c) in clients.into_iter().enumerate() {
        let reply = c
            .join()
            .unwrap()
            .unwrap_or_else(|e| panic!("client {i}: {e}"));
        assert!(reply.ends_with(&format!("got c{i}")), "{reply}");
    }
    // The service dies: the socket listens again and the next connection brings it back.
    m.systemctl(&["kill", "--signal=KILL", "echo.service"])
        .expect_code(0);
    m.wait_for("the socket to listen again", |m| {
        m.prop("echo.socket", "SubState") == "listening"
    });
    assert!(ask(port, "again").unwrap().ends_with("got again"));
    let status = m.systemctl(&["status", "echo.socket"]).stdout;
    assert!(
        status.contains(&format!("Listen: 127.0.0.1:{port} (Stream)")),
        "{status}"
    );
    // The socket unit itself restarts while listening (watched, not yet triggered): the
    // address is free again at once, so the new listener binds it.
    m.systemctl(&["stop", "echo.service"]).expect_code(0);
    m.wait_for("the socket to listen again", |m| {
        m.prop("echo.socket", "SubState") == "listening"
    });
    for round in 0..3 {
        m.systemctl(&["restart", "echo.socket"]).expect_code(0);
        assert_eq!(
            m.prop("echo.socket", "SubState"),
            "listening",
            "round {round}"
        );
    }
    assert!(ask(port, "rebound").unwrap().ends_with("got rebound"));
    m.shutdown();
}

#[test]
fn accept_yes_runs_one_instance_per_connection() {
    let mut m = manager();
    let port = free_port();
    m.write_unit(
        "greet.socket",
        &format!("[Socket]\nListenStream=127.0.0.1:{port}\nAccept=yes\n"),
    );
    m.write_unit(
        "greet@.service",
        "[Service]\nStandardInput=socket\nExecStart=/bin/sh -c 'read name; echo \"hello $name from %i fds=${LISTEN_FDS:-none}\"'\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "greet.socket"]).expect_code(0);
    for who in ["alice", "bob", "carol"] {
        let reply = ask(port, &format!("{who}\n")).unwrap();
        assert!(reply.starts_with(&format!("hello {who} from ")), "{reply}");
        // %i is systemd's instance name for the connection: N-LOCAL-REMOTE.
        assert!(
            reply.contains(&format!("-127.0.0.1:{port}-127.0.0.1:")),
            "{reply}"
        );
        // The connection is stdin/stdout; nothing is passed in $LISTEN_FDS as well.
        assert!(reply.trim_end().ends_with("fds=none"), "{reply}");
    }
    assert_eq!(m.prop("greet.socket", "NAccepted"), "3");
    m.wait_for("instances to finish", |m| {
        m.prop("greet.socket", "NConnections") == "0"
    });
    let status = m.systemctl(&["status", "greet.socket"]).stdout;
    assert!(status.contains("Accepted: 3; Connected: 0;"), "{status}");
    m.shutdown();
}

fn copy_debian_unit(m: &Manager, name: &str) -> bool {
    let src = Path::new("/usr/lib/systemd/user").join(name);
    match std::fs::read_to_string(&src) {
        Ok(text) => {
            m.write_unit(name, &text);
            true
        }
        Err(_) => false,
    }
}

#[test]
fn debians_dbus_user_socket_activates_the_session_bus_unchanged() {
    if !Path::new("/usr/bin/dbus-daemon").exists() || !Path::new("/usr/bin/dbus-send").exists() {
        eprintln!("skipped: dbus-daemon/dbus-send not installed");
        return;
    }
    let mut m = manager();
    if !(copy_debian_unit(&m, "dbus.socket") && copy_debian_unit(&m, "dbus.service")) {
        eprintln!("skipped: /usr/lib/systemd/user/dbus.{{socket,service}} not installed");
        return;
    }
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "dbus.socket"]).expect_code(0);
    assert!(m.runtime().join("bus").exists());
    let out = std::process::Command::new("dbus-send")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", m.runtime().join("bus").display()),
        )
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.GetId",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stderr),
        m.manager_log()
    );
    assert_eq!(m.prop("dbus.service", "ActiveState"), "active");
    assert_eq!(m.prop("dbus.socket", "SubState"), "running");
    m.shutdown();
}

/// Debian's dbus.socket, unchanged: its `ExecStartPost=-/bin/systemctl --user
/// set-environment DBUS_SESSION_BUS_ADDRESS=unix:path=%t/bus` runs once the socket is open,
/// systemd's own systemctl reaches the manager over D-Bus on `$XDG_RUNTIME_DIR/systemd/private`,
/// and the start job ends only after it: the address is in the manager's environment when
/// `start` returns.
#[test]
fn debians_dbus_socket_puts_the_bus_address_into_the_manager_environment() {
    if !Path::new("/bin/systemctl").exists() {
        eprintln!("skipped: systemd's /bin/systemctl not installed");
        return;
    }
    let mut m = manager();
    if !(copy_debian_unit(&m, "dbus.socket") && copy_debian_unit(&m, "dbus.service")) {
        eprintln!("skipped: /usr/lib/systemd/user/dbus.{{socket,service}} not installed");
        return;
    }
    let unit = std::fs::read_to_string(m.unit_dir().join("dbus.socket")).unwrap();
    assert!(
        unit.contains("ExecStartPost=-/bin/systemctl --user set-environment"),
        "{unit}"
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    let private = m.runtime().join("systemd/private");
    m.wait_for("the D-Bus private socket", |_| private.exists());
    let want = format!(
        "DBUS_SESSION_BUS_ADDRESS=unix:path={}",
        m.runtime().join("bus").display()
    );
    let has = |m: &Manager| {
        m.systemctl(&["show-environment"])
            .expect_code(0)
            .stdout
            .lines()
            .any(|l| l == want)
    };
    assert!(!has(&m), "set before the socket started");
    m.systemctl(&["start", "dbus.socket"]).expect_code(0);
    let journal = |m: &Manager| {
        m.linger(&["journalctl", "--user", "-u", "dbus.socket"])
            .stdout
    };
    assert!(has(&m), "{}", journal(&m));
    // (The manager then connects to the bus it learnt of, which starts dbus.service.)
    assert_eq!(m.prop("dbus.socket", "ActiveState"), "active");
    assert_eq!(m.prop("dbus.socket", "Result"), "success");
    m.systemctl(&["stop", "dbus.socket"]).expect_code(0);
    assert_eq!(m.prop("dbus.socket", "ActiveState"), "inactive");
    m.shutdown();
}

/// A socket's own commands as a user writes them: `ExecStartPre=` before the socket exists,
/// `ExecStartPost=` once it does, `ExecStopPre=` while it still does, `ExecStopPost=` after;
/// a failing `ExecStartPost=` fails the socket with `exit-code` and closes it.
#[test]
fn socket_commands_run_around_the_socket_in_systemds_order() {
    let mut m = manager();
    let log = m.dir.path().join("order");
    let sock = m.runtime().join("hooks.sock");
    let step = |name: &str| {
        format!(
            "/bin/sh -c 'if [ -S {} ]; then s=open; else s=closed; fi; echo {name}:$$s >> {}'",
            sock.display(),
            log.display()
        )
    };
    m.write_unit(
        "hooks.socket",
        &format!(
            "[Socket]\nListenStream={}\nRemoveOnStop=yes\nExecStartPre={}\nExecStartPost={}\nExecStopPre={}\nExecStopPost={}\n",
            sock.display(),
            step("start-pre"),
            step("start-post"),
            step("stop-pre"),
            step("stop-post"),
        ),
    );
    m.write_unit("hooks.service", "[Service]\nExecStart=/bin/true\n");
    m.write_unit(
        "broken.socket",
        &format!(
            "[Socket]\nListenStream={}\nExecStartPost=/bin/false\n",
            m.runtime().join("broken.sock").display()
        ),
    );
    m.write_unit("broken.service", "[Service]\nExecStart=/bin/true\n");
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "hooks.socket"]).expect_code(0);
    m.systemctl(&["stop", "hooks.socket"]).expect_code(0);
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "start-pre:closed\nstart-post:open\nstop-pre:open\nstop-post:closed\n"
    );
    let failed = m.systemctl(&["start", "broken.socket"]);
    assert_ne!(failed.code, 0, "{failed:?}");
    assert_eq!(m.prop("broken.socket", "ActiveState"), "failed");
    assert_eq!(m.prop("broken.socket", "Result"), "exit-code");
    m.shutdown();
}

#[test]
fn debians_gpg_agent_socket_works_unchanged() {
    if !Path::new("/usr/bin/gpg-agent").exists()
        || !Path::new("/usr/bin/gpg-connect-agent").exists()
    {
        eprintln!("skipped: gpg-agent not installed");
        return;
    }
    let mut m = manager();
    if !(copy_debian_unit(&m, "gpg-agent.socket") && copy_debian_unit(&m, "gpg-agent.service")) {
        eprintln!("skipped: gpg-agent user units not installed");
        return;
    }
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "gpg-agent.socket"]).expect_code(0);
    let sock = m.runtime().join("gnupg/S.gpg-agent");
    assert!(sock.exists());
    let out = std::process::Command::new("gpg-connect-agent")
        .env("HOME", m.home())
        .env("GNUPGHOME", m.home().join(".gnupg"))
        .arg("-S")
        .arg(&sock)
        .args(["GETINFO pid", "/bye"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let pid = m.prop("gpg-agent.service", "MainPID");
    assert!(
        text.contains(&format!("D {pid}")),
        "agent answered {text:?}, MainPID={pid}\n{}",
        m.manager_log()
    );
    m.shutdown();
}

#[test]
fn linger_run_makes_transient_services_and_timers() {
    let mut m = manager();
    let mark = m.dir.path().join("timer-ran");
    // A transient timer + service pair, as `systemd-run --user --on-active=…` makes.
    let out = m.linger(&[
        "run",
        "--user",
        "--unit=later",
        "--on-active=300ms",
        "--timer-property=AccuracySec=1ms",
        "/bin/sh",
        "-c",
        &format!("echo 'it is $later' > {}", mark.display()),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("Running timer as unit: later.timer"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("Will run service as unit: later.service"),
        "{}",
        out.stderr
    );
    // No read of later.timer's properties here: it elapses 300 ms after `run` returns, and
    // once its service has run both are unloaded (systemd-run's RemainAfterElapse=no), so a
    // read slower than that (a loaded machine) finds no unit. The repeating timer below stays
    // loaded until it is stopped: its state is read there.
    // Its content, not its existence: the shell creates the file before echo writes.
    m.wait_for("the transient timer to run its service", |_| {
        std::fs::read_to_string(&mark).is_ok_and(|t| t.ends_with('\n'))
    });
    assert_eq!(
        std::fs::read_to_string(&mark).unwrap(),
        "it is $later\n",
        "arguments reach the command exactly as typed"
    );
    let transient = m.runtime().join("systemd/transient");
    m.wait_for(
        "the elapsed one-shot timer and its service to be unloaded",
        |_| !transient.join("later.timer").exists() && !transient.join("later.service").exists(),
    );
    // A repeating transient timer keeps its service between runs.
    let ticks = m.dir.path().join("ticks");
    m.linger(&[
        "run",
        "--unit=tick",
        "--on-active=50ms",
        "--timer-property=OnUnitActiveSec=150ms",
        "--timer-property=AccuracySec=1ms",
        "/bin/sh",
        "-c",
        &format!("echo x >> {}", ticks.display()),
    ])
    .expect_code(0);
    m.wait_for("three runs", |_| {
        std::fs::read_to_string(&ticks).is_ok_and(|t| t.lines().count() >= 3)
    });
    assert!(
        transient.join("tick.service").exists(),
        "kept while its timer waits"
    );
    assert_eq!(m.prop("tick.timer", "UnitFileState"), "transient");
    assert_eq!(m.prop("tick.service", "UnitFileState"), "transient");
    m.systemctl(&["stop", "tick.timer"]).expect_code(0);
    m.wait_for("the stopped timer and its service to be unloaded", |_| {
        !transient.join("tick.timer").exists() && !transient.join("tick.service").exists()
    });
    // --wait reports how the command ended and exits with its status.
    let out = m.linger(&["run", "--wait", "/bin/sh", "-c", "exit 3"]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains("Finished with result: exit-code"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("Main processes terminated with: code=exited/status=3"),
        "{}",
        out.stderr
    );
    let out = m.linger(&["run", "--wait", "/bin/sh", "-c", "kill -9 $$"]);
    assert_eq!(out.code, 255, "ended by a signal: {}", out.stderr);
    assert!(
        out.stderr.contains("code=killed/status=KILL"),
        "{}",
        out.stderr
    );
    let out = m.linger(&["run", "--wait", "--on-active=1s", "/bin/true"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("--wait may not be combined"),
        "{}",
        out.stderr
    );
    // A long-running transient service is a unit like any other.
    m.linger(&[
        "run",
        "--unit=nap",
        "-E",
        "GREETING=hi $there",
        "/bin/sleep",
        "100",
    ])
    .expect_code(0);
    let units = m.systemctl(&["list-units", "nap.service"]).stdout;
    assert!(
        units.contains("nap.service") && units.contains("running"),
        "{units}"
    );
    assert_eq!(
        m.prop("nap.service", "Environment"),
        "GREETING=hi $there",
        "Environment= takes `$` literally"
    );
    m.systemctl(&["stop", "nap.service"]).expect_code(0);
    assert!(
        !m.runtime().join("systemd/transient/nap.service").exists(),
        "a transient service that ended is unloaded"
    );
    // Without cgroups (a manager started by hand) a scope cannot be made: said, not faked.
    let scope = m.linger(&["run", "--scope", "/bin/true"]);
    assert_eq!(scope.code, 1);
    assert!(
        scope.stderr.contains("cgroup driver \"none\""),
        "{}",
        scope.stderr
    );
    assert!(
        std::fs::read_dir(&transient).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".scope")),
        "no scope file left behind"
    );
    m.shutdown();
}

/// A service that reports what it was handed: every fd's type and the names.
const PY_REPORT: &str = r#"import os, socket, stat, sys
n = int(os.environ["LISTEN_FDS"])
kinds = []
for fd in range(3, 3 + n):
    st = os.fstat(fd)
    if stat.S_ISFIFO(st.st_mode):
        kinds.append("fifo")
    else:
        s = socket.socket(fileno=fd)
        kinds.append({socket.SOCK_STREAM: "stream", socket.SOCK_DGRAM: "dgram",
                      socket.SOCK_SEQPACKET: "seqpacket"}[s.type])
        s.detach()
# Written whole, then renamed: the test reads the report as soon as the name exists.
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(os.environ["LISTEN_FDNAMES"] + " " + ",".join(kinds))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
"#;

#[test]
fn every_listen_kind_is_passed_in_order_and_enabled_sockets_start_with_the_manager() {
    let mut m = Manager::new(BIN);
    let rt = m.runtime();
    let script = m.dir.path().join("report.py");
    let report = m.dir.path().join("report");
    std::fs::write(&script, PY_REPORT).unwrap();
    let abstract_name = format!("linger-test-{}", std::process::id());
    m.write_unit(
        "multi.socket",
        &format!(
            "[Socket]\nListenStream=%t/multi/stream.sock\nListenDatagram=%t/multi/dgram.sock\n\
             ListenSequentialPacket=@{abstract_name}\nListenFIFO=%t/multi/fifo\n\
             FileDescriptorName=multi\nSocketMode=0600\nDirectoryMode=0710\nRemoveOnStop=yes\n\
             [Install]\nWantedBy=sockets.target\n"
        ),
    );
    m.write_unit(
        "multi.service",
        &format!(
            "[Service]\nType=oneshot\nExecStart=/usr/bin/python3 {} {}\n",
            script.display(),
            report.display()
        ),
    );
    m.start();
    m.systemctl(&["enable", "multi.socket"]).expect_code(0);
    m.shutdown();
    m.start();
    assert_eq!(
        m.prop("multi.socket", "SubState"),
        "listening",
        "started by sockets.target"
    );
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let meta = std::fs::metadata(rt.join("multi/stream.sock")).unwrap();
    assert!(meta.file_type().is_socket());
    assert_eq!(meta.permissions().mode() & 0o777, 0o600, "SocketMode=");
    let dir = std::fs::metadata(rt.join("multi")).unwrap();
    assert_eq!(dir.permissions().mode() & 0o777, 0o710, "DirectoryMode=");
    assert!(
        std::fs::metadata(rt.join("multi/fifo"))
            .unwrap()
            .file_type()
            .is_fifo()
    );
    // Data in the FIFO activates the service, which gets all four fds in Listen order.
    std::fs::write(rt.join("multi/fifo"), b"wake up\n").unwrap();
    m.wait_for("the service to report", |_| report.exists());
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        "multi:multi:multi:multi stream,dgram,seqpacket,fifo"
    );
    let listen = m
        .systemctl(&["show", "multi.socket", "-p", "Listen"])
        .stdout;
    assert!(
        listen.contains(&format!("Listen=@{abstract_name} (SequentialPacket)"))
            && listen.contains("fifo (FIFO)"),
        "{listen}"
    );
    // RemoveOnStop=yes: stopping the socket removes what it created.
    m.systemctl(&["stop", "multi.socket"]).expect_code(0);
    assert!(!rt.join("multi/stream.sock").exists() && !rt.join("multi/fifo").exists());
    m.shutdown();
}

#[test]
fn a_socket_whose_address_is_taken_fails_and_says_why() {
    let m = manager();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    m.write_unit(
        "busy.socket",
        &format!("[Socket]\nListenStream=127.0.0.1:{port}\n"),
    );
    m.write_unit("busy.service", "[Service]\nExecStart=/bin/true\n");
    m.systemctl(&["daemon-reload"]).expect_code(0);
    let out = m.systemctl(&["start", "busy.socket"]);
    assert_ne!(out.code, 0);
    assert_eq!(m.prop("busy.socket", "Result"), "resources");
    let status = m.systemctl(&["status", "busy.socket"]).stdout;
    assert!(
        status.contains("Failed to create listening socket (127.0.0.1:")
            && status.contains("Address already in use"),
        "{status}"
    );
}

#[test]
fn clock_and_time_zone_changes_reach_timers_as_root() {
    if !rustix::process::geteuid().is_root() {
        eprintln!("skipped: setting the clock needs root");
        return;
    }
    let mut m = manager();
    let clock_mark = m.dir.path().join("clock");
    let tz_mark = m.dir.path().join("tz");
    for (name, key, mark) in [
        ("clock", "OnClockChange", &clock_mark),
        ("tz", "OnTimezoneChange", &tz_mark),
    ] {
        m.write_unit(&format!("{name}.timer"), &format!("[Timer]\n{key}=yes\n"));
        m.write_unit(
            &format!("{name}.service"),
            &format!(
                "[Service]\nType=oneshot\nExecStart=/bin/touch {}\n",
                mark.display()
            ),
        );
    }
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "clock.timer", "tz.timer"])
        .expect_code(0);
    std::thread::sleep(Duration::from_millis(100));
    // Set the clock to what it already says: the kernel reports that as a clock change,
    // and nothing else on the machine notices a jump of microseconds.
    let now = rustix::time::clock_gettime(rustix::time::ClockId::Realtime);
    rustix::time::clock_settime(rustix::time::ClockId::Realtime, now).unwrap();
    m.wait_for("OnClockChange= to fire", |_| clock_mark.exists());
    assert!(!tz_mark.exists(), "a clock jump is not a zone change");
    // Re-point /etc/localtime at the zone it already names (rename over it, as tzdata does).
    let target = std::fs::read_link("/etc/localtime");
    if let Ok(target) = target {
        let tmp = Path::new("/etc/.localtime.linger-test");
        let _ = std::fs::remove_file(tmp);
        std::os::unix::fs::symlink(&target, tmp).unwrap();
        std::fs::rename(tmp, "/etc/localtime").unwrap();
        m.wait_for("OnTimezoneChange= to fire", |_| tz_mark.exists());
    } else {
        eprintln!("skipped the zone part: /etc/localtime is not a symlink");
    }
    m.shutdown();
}

#[test]
fn daemon_reexec_keeps_listening_sockets_and_timer_history() {
    let mut m = manager();
    let port = free_port();
    let script = m.dir.path().join("server.py");
    std::fs::write(&script, PY_SERVER).unwrap();
    m.write_unit(
        "echo.socket",
        &format!("[Socket]\nListenStream=127.0.0.1:{port}\n"),
    );
    m.write_unit(
        "echo.service",
        &format!(
            "[Service]\nExecStart=/usr/bin/python3 {}\n",
            script.display()
        ),
    );
    m.write_unit("tick.timer", "[Timer]\nOnActiveSec=0\nAccuracySec=1ms\n");
    m.write_unit(
        "tick.service",
        "[Service]\nType=oneshot\nExecStart=/bin/true\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "echo.socket", "tick.timer"])
        .expect_code(0);
    assert!(ask(port, "before").unwrap().ends_with("got before"));
    let pid = m.prop("echo.service", "MainPID");
    m.wait_for("the timer to have run", |m| {
        !m.prop("tick.timer", "LastTriggerUSec").is_empty()
    });
    let last = m.prop("tick.timer", "LastTriggerUSec");
    m.systemctl(&["daemon-reexec"]).expect_code(0);
    m.wait_for("the re-executed manager", |m| {
        m.systemctl(&["is-system-running"]).code == 0
    });
    assert_eq!(
        m.prop("echo.service", "MainPID"),
        pid,
        "the service was not restarted"
    );
    assert_eq!(m.prop("echo.socket", "SubState"), "running");
    assert!(
        ask(port, "after").unwrap().ends_with("got after"),
        "same socket, same server"
    );
    m.systemctl(&["kill", "--signal=KILL", "echo.service"])
        .expect_code(0);
    m.wait_for("the socket to listen again", |m| {
        m.prop("echo.socket", "SubState") == "listening"
    });
    assert!(
        ask(port, "new").unwrap().ends_with("got new"),
        "activation still works"
    );
    assert_eq!(
        m.prop("tick.timer", "LastTriggerUSec"),
        last,
        "history carried over"
    );
    m.shutdown();
}

#[test]
fn service_names_the_activated_unit_and_pass_credentials_reaches_the_socket() {
    let m = manager();
    let report = m.dir.path().join("dgram");
    m.write_unit(
        "inbox.socket",
        "[Socket]\nListenDatagram=%t/inbox.sock\nService=mailer.service\nPassCredentials=yes\n",
    );
    m.write_unit(
        "mailer.service",
        &format!(
            "[Service]\nType=oneshot\nExecStart=/usr/bin/python3 -c \"import socket,sys; \
             s=socket.socket(fileno=3); open(sys.argv[1],'w').write('%%d %%s' %% \
             (s.getsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED), s.recv(100).decode()))\" {}\n",
            report.display()
        ),
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "inbox.socket"]).expect_code(0);
    assert_eq!(m.prop("inbox.socket", "Triggers"), "mailer.service");
    let s = std::os::unix::net::UnixDatagram::unbound().unwrap();
    s.send_to(b"you have mail", m.runtime().join("inbox.sock"))
        .unwrap();
    m.wait_for("the datagram to be read", |_| {
        std::fs::read_to_string(&report).is_ok_and(|t| !t.is_empty())
    });
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "1 you have mail");
}
