//! Issue 12 item 7, root part: where no journald or syslog daemon runs, the login daemon owns
//! `/run/systemd/journal/{socket,stdout}` and a syslog socket and routes what arrives by the
//! sender's uid — a user's lines into that user's journal (with their unit), root's into the
//! system journal. Real `systemd-cat` (libsystemd's hard-coded `/run/systemd/journal/stdout`),
//! real `logger` and python's plain socket writes are the clients.
//!
//! The daemon runs in a mount namespace of its own with a tmpfs on /run and its journal
//! directory bound at /run/systemd/journal, so the machine's /run is never touched; the
//! user's services inherit that namespace, and the test's clients enter it with nsenter.
#![allow(clippy::print_stderr)]

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use common::{Daemon, TestUser, manager_pid, root_or_skip, wait_until};
use serde_json::json;

/// Runs `args` inside the daemon's mount namespace, as `user` (None: root).
fn inside(d: &Daemon, user: Option<&TestUser>, args: &[&str]) -> Output {
    let mut cmd = Command::new("nsenter");
    cmd.arg("-t").arg(d.pid().to_string()).arg("-m").arg("--");
    if let Some(u) = user {
        cmd.args(["setpriv", "--reuid", &u.uid.to_string()]).args([
            "--regid",
            &u.gid.to_string(),
            "--clear-groups",
            "--",
        ]);
    }
    let out = cmd.args(args).output().expect("nsenter");
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn read_journal(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(common::linger_bin().unwrap())
        .arg("journal")
        .arg("-D")
        .arg(dir)
        .args(args)
        .output()
        .expect("linger journal");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A login daemon that serves the journal sockets, in a mount namespace of its own with a
/// tmpfs on /run and `BASE/journal` bound at /run/systemd/journal (the machine's /run is
/// never touched); its syslog socket is `BASE/dev-log`, its system journal
/// `BASE/system-journal`.
fn routing_daemon(base: &Path) -> Daemon {
    std::fs::create_dir_all(base.join("journal")).unwrap();
    let script = "mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/journal \
                  && mount --bind \"$0/journal\" /run/systemd/journal && exec \"$@\"";
    let base_arg = base.to_str().unwrap();
    Daemon::write_conf(base, "[Login]\nUserStopDelaySec=0\n");
    // Runtime directories stay plain directories: a tmpfs mounted on them inside the
    // namespace would hide the user's sockets from the test.
    Daemon::start_with(
        base,
        None,
        &["--no-runtime-tmpfs"],
        &[
            "unshare",
            "-m",
            "--propagation",
            "private",
            "sh",
            "-c",
            script,
            base_arg,
        ],
    )
}

#[test]
fn systemd_cat_logger_and_plain_sockets_reach_the_senders_journal() {
    if !root_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path();
    let home = base.join("home");
    let user = TestUser::create(&format!("lgj{}r", std::process::id() % 100_000), &home);
    let units = home.join(".config/systemd/user");
    std::fs::create_dir_all(&units).unwrap();
    std::fs::write(
        units.join("catter.service"),
        "[Service]\nType=oneshot\n\
         ExecStart=/usr/bin/systemd-cat -t catunit /bin/echo streamed from a unit\n",
    )
    .unwrap();
    std::fs::write(
        units.join("native.service"),
        "[Service]\nType=oneshot\nExecStart=/usr/bin/python3 -c \"import socket; \
         s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); \
         s.sendto(b'MESSAGE=native from a unit\\\\nSYSLOG_IDENTIFIER=pynative\\\\n', \
         '/run/systemd/journal/socket')\"\n",
    )
    .unwrap();
    // Sends and exits at once: forwarded only after it is gone (the daemon is stopped then).
    std::fs::write(
        units.join("gone.service"),
        format!(
            "[Service]\nType=oneshot\nExecStart=/usr/bin/logger -u {} -t gonelog sent by a process gone before forwarding\n",
            base.join("dev-log").display()
        ),
    )
    .unwrap();
    let st = Command::new("chown")
        .arg("-R")
        .arg(format!("{}:{}", user.uid, user.gid))
        .arg(&home)
        .status()
        .unwrap();
    assert!(st.success());
    let mut d = routing_daemon(base);
    d.call(
        "io.linger.Login.SetLinger",
        json!({"user": user.name, "enable": true}),
    )
    .unwrap();
    let journal_dir = d
        .run_dir()
        .join(user.uid.to_string())
        .join("linger/journal");
    assert!(
        wait_until(Duration::from_secs(15), || {
            manager_pid(&d.run_dir(), user.uid).is_some()
                && journal_dir.join("stdout-handoff").exists()
        }),
        "no user manager (pid {:?}, {:?}); log:\n{}",
        manager_pid(&d.run_dir(), user.uid),
        std::fs::read_dir(&journal_dir)
            .map(|r| r.flatten().map(|e| e.file_name()).collect::<Vec<_>>()),
        d.log()
    );
    let ctl = |args: &[&str]| {
        Command::new(common::linger_bin().unwrap())
            .env_clear()
            .env("XDG_RUNTIME_DIR", d.run_dir().join(user.uid.to_string()))
            .env("PATH", "/usr/bin:/bin")
            .arg("ctl")
            .args(args)
            .output()
            .expect("linger ctl")
    };
    // The user's services, connecting to the system's paths.
    for unit in ["catter.service", "native.service"] {
        let out = ctl(&["start", unit]);
        assert!(out.status.success(), "{unit}: {out:?}\n{}", d.log());
    }
    // A unit's process that has exited before the daemon forwards what it sent: its unit is
    // still named (the daemon is stopped meanwhile, so the order is certain).
    let signal = |sig: &str| {
        let st = Command::new("kill")
            .args([sig, &d.pid().to_string()])
            .status()
            .unwrap();
        assert!(st.success());
    };
    signal("-STOP");
    let out = ctl(&["start", "gone.service"]);
    signal("-CONT");
    assert!(out.status.success(), "gone.service: {out:?}\n{}", d.log());
    // The user's and root's programs outside any unit.
    let dev_log = base.join("dev-log");
    let dev_log = dev_log.to_str().unwrap();
    inside(
        &d,
        Some(&user),
        &[
            "logger",
            "-u",
            dev_log,
            "-t",
            "loggy",
            "syslog from the user",
        ],
    );
    inside(
        &d,
        Some(&user),
        &[
            "systemd-cat",
            "-t",
            "usercat",
            "echo",
            "streamed by the user",
        ],
    );
    inside(
        &d,
        None,
        &["systemd-cat", "-t", "rootcat", "echo", "streamed by root"],
    );
    inside(
        &d,
        None,
        &["logger", "-u", dev_log, "-t", "rootlog", "syslog from root"],
    );

    let user_journal = home.join(".local/state/linger/journal");
    let system_journal = base.join("system-journal");
    let mut seen = String::new();
    let all_there = wait_until(Duration::from_secs(15), || {
        seen = read_journal(&user_journal, &["-o", "cat"]);
        [
            "streamed from a unit",
            "native from a unit",
            "syslog from the user",
            "streamed by the user",
            "sent by a process gone before forwarding",
        ]
        .iter()
        .all(|w| seen.contains(w))
    });
    assert!(all_there, "user's journal:\n{seen}\nlog:\n{}", d.log());
    let of_unit = |u: &str| read_journal(&user_journal, &["--user-unit", u, "-o", "cat"]);
    assert!(of_unit("catter.service").contains("streamed from a unit"));
    assert!(of_unit("native.service").contains("native from a unit"));
    let gone = of_unit("gone.service");
    assert!(
        gone.contains("sent by a process gone before forwarding"),
        "not under gone.service: {gone}\n{}",
        read_journal(&user_journal, &["-t", "gonelog", "-o", "json"])
    );
    let json = read_journal(&user_journal, &["-t", "usercat", "-o", "json"]);
    assert!(json.contains("\"_TRANSPORT\":\"stdout\""), "{json}");

    let mut system = String::new();
    let root_there = wait_until(Duration::from_secs(15), || {
        system = read_journal(&system_journal, &["-o", "cat"]);
        system.contains("streamed by root") && system.contains("syslog from root")
    });
    assert!(root_there, "system journal:\n{system}\nlog:\n{}", d.log());
    assert!(
        !system.contains("by the user") && !seen.contains("root"),
        "crossed:\nsystem: {system}\nuser: {seen}"
    );
    let root_json = read_journal(&system_journal, &["-t", "rootcat", "-o", "json"]);
    assert!(root_json.contains("\"_UID\":\"0\""), "{root_json}");

    // Root's `journalctl` (root has no journal of its own here) shows every journal as
    // systemd's does: the system journal and each user's, interleaved. Run where a tmpfs
    // covers /var/log and the system journal is bound at its place (the machine's is untouched).
    let no_journal = base.join("root-home");
    std::fs::create_dir_all(&no_journal).unwrap();
    let everything = Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c"])
        .arg(
            "mount -t tmpfs tmpfs /var/log && mkdir -p /var/log/linger/journal \
             && mount --bind \"$0\" /var/log/linger/journal && exec \"$@\"",
        )
        .arg(&system_journal)
        .arg(common::linger_bin().unwrap())
        .args(["journal", "-o", "cat", "--no-pager"])
        .env_clear()
        .env("HOME", &no_journal)
        .env("PATH", "/usr/bin:/bin")
        .output()
        .expect("unshare");
    let everything = String::from_utf8_lossy(&everything.stdout);
    assert!(
        everything.contains("streamed by root") && everything.contains("streamed by the user"),
        "root's journalctl:\n{everything}"
    );
    // Root with a journal of its own (here the user's, by HOME) reads only it, unless `-m`.
    let own_then_all = |merge: bool| {
        let mut cmd = Command::new("unshare");
        cmd.args(["-m", "--propagation", "private", "sh", "-c"])
            .arg(
                "mount -t tmpfs tmpfs /var/log && mkdir -p /var/log/linger/journal \
                 && mount --bind \"$0\" /var/log/linger/journal && exec \"$@\"",
            )
            .arg(&system_journal)
            .arg(common::linger_bin().unwrap())
            .args(["journal", "-o", "cat", "--no-pager"]);
        if merge {
            cmd.arg("-m");
        }
        let out = cmd
            .env_clear()
            .env("HOME", &home)
            .env("PATH", "/usr/bin:/bin")
            .output()
            .expect("unshare");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let own = own_then_all(false);
    assert!(
        own.contains("streamed by the user") && !own.contains("streamed by root"),
        "{own}"
    );
    let all = own_then_all(true);
    assert!(
        all.contains("streamed by the user") && all.contains("streamed by root"),
        "{all}"
    );

    d.call(
        "io.linger.Login.SetLinger",
        json!({"user": user.name, "enable": false}),
    )
    .unwrap();
    assert!(base.join("journal/socket").exists() && base.join("dev-log").exists());
    d.stop();
    // The sockets it took go with the daemon: no dead socket is left for programs to find.
    for gone in ["journal/socket", "journal/stdout", "dev-log"] {
        assert!(
            !base.join(gone).exists(),
            "{gone} left behind after the daemon stopped"
        );
    }
}

/// A user with no manager of their own logs through the system journal; one who opens
/// stream connections and leaves them idle must not take the slots that root's and other
/// users' programs log through (on the old code 256 idle connections of one user made every
/// later `systemd-cat` write into a closed socket).
#[test]
fn a_user_holding_idle_log_streams_does_not_silence_root_or_other_users() {
    if !root_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path();
    let pid = std::process::id() % 100_000;
    let attacker = TestUser::create(&format!("lgj{pid}a"), &base.join("home-a"));
    let other = TestUser::create(&format!("lgj{pid}o"), &base.join("home-o"));
    let mut d = routing_daemon(base);

    // 300 connections, held open and silent until the test ends them.
    let hold = "import socket, sys\n\
                held = []\n\
                for _ in range(300):\n\
                \x20   s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n\
                \x20   s.connect('/run/systemd/journal/stdout')\n\
                \x20   held.append(s)\n\
                print('held', flush=True)\n\
                sys.stdin.read()\n";
    let mut holder = Command::new("nsenter")
        .arg("-t")
        .arg(d.pid().to_string())
        .args(["-m", "--", "setpriv", "--reuid"])
        .arg(attacker.uid.to_string())
        .arg("--regid")
        .arg(attacker.gid.to_string())
        .args(["--clear-groups", "--", "/usr/bin/python3", "-c", hold])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(holder.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    assert_eq!(
        line.trim(),
        "held",
        "the holder could not connect:\n{}",
        d.log()
    );

    // Accepted in order: these come after all the holder's connections.
    inside(
        &d,
        None,
        &["systemd-cat", "-t", "rootcat", "echo", "root still logs"],
    );
    inside(
        &d,
        Some(&other),
        &[
            "systemd-cat",
            "-t",
            "othercat",
            "echo",
            "the other user still logs",
        ],
    );
    let system_journal = base.join("system-journal");
    let mut system = String::new();
    let both = wait_until(Duration::from_secs(15), || {
        system = read_journal(&system_journal, &["-o", "cat"]);
        system.contains("root still logs") && system.contains("the other user still logs")
    });
    drop(holder.stdin.take());
    let _ = holder.kill();
    let _ = holder.wait();
    assert!(both, "system journal:\n{system}\nlog:\n{}", d.log());
    d.stop();
}

/// A user whose manager stops reading its journal sockets (the user stops their own manager
/// with SIGSTOP, as anyone may) and who goes on logging — large datagrams to the native and
/// syslog sockets, streams to `stdout` — must cost nobody else anything: root's lines still
/// reach the system journal and another user's lines still reach *that user's* journal (the
/// daemon's sends to the full sockets fail at once; what they held must not stand in the way
/// of sends to others).
#[test]
fn a_user_whose_journal_does_not_read_holds_up_nobody_elses_lines() {
    if !root_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path();
    let pid = std::process::id() % 100_000;
    let attacker = TestUser::create(&format!("lgj{pid}f"), &base.join("home-f"));
    let other = TestUser::create(&format!("lgj{pid}g"), &base.join("home-g"));
    let mut d = routing_daemon(base);
    let mut managers = Vec::new();
    for u in [&attacker, &other] {
        d.call(
            "io.linger.Login.SetLinger",
            json!({"user": u.name, "enable": true}),
        )
        .unwrap();
        let journal_dir = d.run_dir().join(u.uid.to_string()).join("linger/journal");
        assert!(
            wait_until(Duration::from_secs(15), || {
                manager_pid(&d.run_dir(), u.uid).is_some()
                    && journal_dir.join("stdout-handoff").exists()
            }),
            "no user manager for {}:\n{}",
            u.name,
            d.log()
        );
        managers.push(manager_pid(&d.run_dir(), u.uid).unwrap());
    }
    // The attacker stops their manager: nothing reads their journal sockets any more.
    let stopped = managers[0].to_string();
    inside(&d, Some(&attacker), &["kill", "-STOP", &stopped]);

    let dev_log = base.join("dev-log");
    let flood = format!(
        "import socket, sys, threading\n\
         big = b'MESSAGE=' + b'x' * 200000 + b'\\n'\n\
         def datagrams(path):\n\
         \x20   s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\n\
         \x20   while True:\n\
         \x20       try: s.sendto(big, path)\n\
         \x20       except OSError: pass\n\
         def streams():\n\
         \x20   while True:\n\
         \x20       try:\n\
         \x20           c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n\
         \x20           c.connect('/run/systemd/journal/stdout')\n\
         \x20           c.sendall(b'flood\\n\\n6\\n0\\n0\\n0\\n0\\n' + b'y' * 100000 + b'\\n')\n\
         \x20           c.close()\n\
         \x20       except OSError: pass\n\
         for t in [lambda: datagrams('/run/systemd/journal/socket'), lambda: datagrams('{}'), streams]:\n\
         \x20   threading.Thread(target=t, daemon=True).start()\n\
         print('flooding', flush=True)\n\
         sys.stdin.read()\n",
        dev_log.display()
    );
    let mut flooder = Command::new("nsenter")
        .arg("-t")
        .arg(d.pid().to_string())
        .args(["-m", "--", "setpriv", "--reuid"])
        .arg(attacker.uid.to_string())
        .arg("--regid")
        .arg(attacker.gid.to_string())
        .args(["--clear-groups", "--", "/usr/bin/python3", "-c", &flood])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(flooder.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    assert_eq!(line.trim(), "flooding");
    // Some of the flood is in the stopped manager's queues before the others log.
    std::thread::sleep(Duration::from_millis(500));

    let dev_log = dev_log.to_str().unwrap();
    let native = "import socket; s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); \
                  s.sendto(b'MESSAGE=native from the other user\\nSYSLOG_IDENTIFIER=pyother\\n', \
                  '/run/systemd/journal/socket')";
    inside(&d, Some(&other), &["/usr/bin/python3", "-c", native]);
    inside(
        &d,
        Some(&other),
        &[
            "logger",
            "-u",
            dev_log,
            "-t",
            "otherlog",
            "syslog from the other user",
        ],
    );
    inside(
        &d,
        Some(&other),
        &[
            "systemd-cat",
            "-t",
            "othercat",
            "echo",
            "streamed by the other user",
        ],
    );
    inside(
        &d,
        None,
        &["systemd-cat", "-t", "rootcat", "echo", "streamed by root"],
    );
    inside(
        &d,
        None,
        &["logger", "-u", dev_log, "-t", "rootlog", "syslog from root"],
    );
    // The daemon answers meanwhile.
    d.call("io.linger.Login.ListSessions", json!({}))
        .expect("the daemon answers during the flood");

    let other_journal = base.join("home-g/.local/state/linger/journal");
    let system_journal = base.join("system-journal");
    let (mut mine, mut system) = (String::new(), String::new());
    let all_there = wait_until(Duration::from_secs(15), || {
        mine = read_journal(&other_journal, &["-o", "cat"]);
        system = read_journal(&system_journal, &["-o", "cat"]);
        [
            "native from the other user",
            "syslog from the other user",
            "streamed by the other user",
        ]
        .iter()
        .all(|w| mine.contains(w))
            && system.contains("streamed by root")
            && system.contains("syslog from root")
    });
    drop(flooder.stdin.take());
    let _ = flooder.kill();
    let _ = flooder.wait();
    inside(&d, Some(&attacker), &["kill", "-CONT", &stopped]);
    let in_system: Vec<&str> = system
        .lines()
        .filter(|l| l.contains("other user"))
        .collect();
    let attackers_in_system = system.lines().filter(|l| l.contains("xxxxxxxx")).count();
    assert!(
        all_there,
        "the other user's journal:\n{mine}\nthe system journal has of theirs: {in_system:?}\n\
         root's lines there: {}\nlog:\n{}",
        system.contains("streamed by root") && system.contains("syslog from root"),
        d.log()
    );
    assert_eq!(
        attackers_in_system, 0,
        "the attacker's lines were written into the system journal"
    );
    d.stop();
}
