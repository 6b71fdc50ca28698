//! The real login daemon (`linger daemon --system`) on temp paths, driven through
//! `linger_ipc::Client` with the `io.linger.Login` protocol — as root, with throwaway users
//! and a private cgroup. Without root these tests print "skipped: needs root".
#![allow(clippy::print_stderr, clippy::print_stdout)]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{
    Daemon, Opts, TestCgroup, TestUser, alive, is_mount_point, manager_pid, pids_of_uid, props,
    root_or_skip, session_leader, status_field, wait_until,
};
use serde_json::json;
use std::os::unix::process::ExitStatusExt;

const SECS: Duration = Duration::from_secs(10);

fn user_name(tag: &str) -> String {
    format!("lgt{}{tag}", std::process::id() % 100_000)
}

fn remote_error(r: Result<serde_json::Value, linger_ipc::CallError>) -> String {
    match r {
        Err(linger_ipc::CallError::Remote { name, .. }) => name,
        other => format!("not a remote error: {other:?}"),
    }
}

#[test]
fn linger_starts_and_stops_the_user_manager() {
    if !root_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let user = TestUser::create(&user_name("a"), &dir.path().join("home"));
    let cg = TestCgroup::create("linger");
    Daemon::write_conf(dir.path(), "[Login]\nUserStopDelaySec=0\n");
    let d = Daemon::start(dir.path(), cg.as_ref().map(|c| c.path.as_path()), &[]);

    d.call(
        "io.linger.Login.SetLinger",
        json!({"user": user.name, "enable": true}),
    )
    .unwrap();
    let file = d.linger_dir().join(&user.name);
    assert!(file.exists(), "linger file");
    assert_eq!(std::fs::metadata(&file).unwrap().len(), 0);
    let mut pid = None;
    assert!(
        wait_until(SECS, || {
            pid = manager_pid(&d.run_dir(), user.uid);
            pid.is_some()
        }),
        "user manager did not answer; log:\n{}",
        d.log()
    );
    let pid = pid.unwrap();
    // It runs as the user, with the user's groups, in its delegated cgroup.
    let uids = status_field(pid, "Uid:").unwrap();
    assert!(
        uids.split_whitespace().all(|u| u == user.uid.to_string()),
        "Uid: {uids}"
    );
    let gids = status_field(pid, "Gid:").unwrap();
    assert!(
        gids.split_whitespace().all(|g| g == user.gid.to_string()),
        "Gid: {gids}"
    );
    // systemd's limits for user@.service (hard 524288, where the daemon may raise hard limits:
    // a container's root may lack CAP_SYS_RESOURCE; the manager raised its soft one).
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).unwrap();
    let nofile: Vec<&str> = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .map(|l| l.split_whitespace().skip(3).take(2).collect())
        .unwrap_or_default();
    let own = linger_exec::limits::current(7).map_or(0, |(_, hard)| hard);
    let want = if linger_exec::limits::may_raise_hard_limits() {
        524_288
    } else {
        own.min(524_288)
    };
    assert_eq!(
        nofile.get(1).copied(),
        Some(want.to_string().as_str()),
        "manager's open files: {nofile:?}"
    );
    if let Some(cg) = &cg {
        let own = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).unwrap();
        let want = format!("linger.slice/user-{0}.slice/user@{0}.service", user.uid);
        assert!(own.contains(&want), "{own}");
        let svc = cg.path.join(&want);
        use std::os::unix::fs::MetadataExt;
        assert_eq!(
            std::fs::metadata(&svc).unwrap().uid(),
            user.uid,
            "delegated"
        );
    }
    let runtime = d.run_dir().join(user.uid.to_string());
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let m = std::fs::metadata(&runtime).unwrap();
        assert_eq!(m.uid(), user.uid);
        assert_eq!(m.permissions().mode() & 0o777, 0o700);
    }
    // As root the runtime directory is a size-limited tmpfs.
    assert!(
        is_mount_point(&runtime),
        "no tmpfs on {}",
        runtime.display()
    );
    let p = d.user_props(&user.name).unwrap();
    assert_eq!(p["State"], "lingering");
    assert_eq!(p["Linger"], "yes");
    assert_eq!(p["Service"], format!("user@{}.service", user.uid));
    let list = d.call("io.linger.Login.ListUsers", json!({})).unwrap();
    assert!(
        list["users"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["user"] == user.name.as_str())
    );

    // A crashed manager comes back (with back-off).
    let _ = rustix::process::kill_process(
        rustix::process::Pid::from_raw(pid as i32).unwrap(),
        rustix::process::Signal::KILL,
    );
    assert!(
        wait_until(SECS, || manager_pid(&d.run_dir(), user.uid)
            .is_some_and(|p| p != pid)),
        "manager not restarted; log:\n{}",
        d.log()
    );
    let pid = manager_pid(&d.run_dir(), user.uid).unwrap();

    d.call(
        "io.linger.Login.SetLinger",
        json!({"user": user.uid.to_string(), "enable": false}),
    )
    .unwrap();
    assert!(!file.exists());
    assert!(wait_until(SECS, || !alive(pid)), "manager still running");
    assert!(
        wait_until(SECS, || !runtime.exists()),
        "runtime dir left behind"
    );
    assert!(!is_mount_point(&runtime));
    assert_eq!(
        remote_error(d.call("io.linger.Login.UserProperties", json!({"user": user.name}))),
        "io.linger.Login.NoSuchUser",
        "offline users are not tracked"
    );
}

/// Started with umask 0 (an init may leave it so), the daemon works under 022: a starting
/// manager's notify socket is bound under the umask before its chmod to 0600, and with 0
/// every user could send to it for that moment.
/// What `/proc/PID/fd` says each fd above stdio of `pid` is, for the objects that name one
/// object each (`socket:[N]`, `pipe:[N]`, a file under `under`; not `anon_inode:…` or
/// `/dev/null`, which every process may have its own of).
fn fd_targets(pid: u32, under: &Path) -> std::collections::BTreeSet<String> {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|dir| {
            dir.flatten()
                .filter(|e| e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) > Some(2))
                .filter_map(|e| std::fs::read_link(e.path()).ok())
                .filter(|t| t.starts_with(under) || !t.starts_with("/"))
                .map(|t| t.to_string_lossy().into_owned())
                .filter(|t| {
                    t.starts_with("socket:[") || t.starts_with("pipe:[") || t.starts_with('/')
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The root daemon's children share its fd table until their first call (the spawner's
/// `CLONE_FILES`): none of the daemon's own sockets, pipes or files reaches the user's
/// manager, which the user can ptrace.
#[test]
fn a_user_manager_holds_nothing_the_root_daemon_had_open() {
    if !root_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let user = TestUser::create(&user_name("fd"), &dir.path().join("home"));
    let cg = TestCgroup::create("linger");
    Daemon::write_conf(dir.path(), "[Login]\nUserStopDelaySec=0\n");
    let d = Daemon::start(dir.path(), cg.as_ref().map(|c| c.path.as_path()), &[]);
    d.call(
        "io.linger.Login.SetLinger",
        json!({"user": user.name, "enable": true}),
    )
    .unwrap();
    let mut pid = None;
    assert!(
        wait_until(SECS, || {
            pid = manager_pid(&d.run_dir(), user.uid);
            pid.is_some()
        }),
        "user manager did not answer; log:\n{}",
        d.log()
    );
    let daemons = fd_targets(d.pid() as u32, dir.path());
    assert!(!daemons.is_empty(), "the daemon's fds were read");
    let shared: Vec<String> = fd_targets(pid.unwrap(), dir.path())
        .intersection(&daemons)
        .cloned()
        .collect();
    assert!(
        shared.is_empty(),
        "the manager holds the daemon's {shared:?}"
    );
    d.call(
        "io.linger.Login.SetLinger",
        json!({"user": user.name, "enable": false}),
    )
    .unwrap();
}

#[test]
fn the_daemon_works_under_umask_022_whatever_it_inherited() {
    if !root_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = Daemon::start_with(
        dir.path(),
        None,
        &[],
        &["sh", "-c", "umask 000; exec \"$0\" \"$@\""],
    );
    let status = std::fs::read_to_string(format!("/proc/{}/status", d.pid())).unwrap();
    let umask = status.lines().find_map(|l| l.strip_prefix("Umask:"));
    assert_eq!(umask.map(str::trim), Some("0022"), "{status}");
}

#[test]
fn bad_names_and_unknown_users_never_become_files() {
    if !root_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = Daemon::start(dir.path(), None, &[]);
    for (user, want) in [
        ("../../etc/evil", "org.varlink.service.InvalidParameter"),
        ("a/b", "org.varlink.service.InvalidParameter"),
        ("..", "org.varlink.service.InvalidParameter"),
        ("no-such-user-lgt", "io.linger.Login.NoSuchUser"),
        ("4000000000", "io.linger.Login.NoSuchUser"),
    ] {
        let got = remote_error(d.call(
            "io.linger.Login.SetLinger",
            json!({"user": user, "enable": true}),
        ));
        assert_eq!(got, want, "{user}");
    }
    let left: Vec<_> = std::fs::read_dir(d.linger_dir()).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(!dir.path().join("etc").exists());
}

#[test]
fn sessions_follow_their_connection_and_the_kill_policy() {
    if !root_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let user = TestUser::create(&user_name("s"), &dir.path().join("home"));
    let cg = TestCgroup::create("sessions");
    Daemon::write_conf(
        dir.path(),
        "[Login]\nKillUserProcesses=yes\nUserStopDelaySec=0\n",
    );
    let d = Daemon::start(dir.path(), cg.as_ref().map(|c| c.path.as_path()), &[]);

    // Session 1: the PAM process (a sleep here) dies with its connection → killed.
    let mut leader = session_leader();
    let mut pam = d.client();
    let reply = pam
        .call(
            "io.linger.Login.CreateSession",
            json!({"uid": user.uid, "pid": leader.id(), "service": "sshd", "tty": "pts/7", "remote_host": "192.0.2.1"}),
        )
        .unwrap();
    assert_eq!(reply["id"], "1");
    assert_eq!(
        reply["runtime_path"],
        d.run_dir().join(user.uid.to_string()).display().to_string()
    );
    if cg.is_some() {
        let scope = format!("linger.slice/user-{}.slice/session-1.scope", user.uid);
        assert_eq!(reply["scope"], scope.as_str());
        let own = std::fs::read_to_string(format!("/proc/{}/cgroup", leader.id())).unwrap();
        assert!(own.contains(&scope), "leader not moved: {own}");
    }
    // The reply came at once; the login then waits for the user's manager (as the PAM
    // module does, on a connection of its own).
    d.call(
        "io.linger.Login.WaitUserManager",
        json!({"user": user.uid.to_string()}),
    )
    .unwrap();
    assert!(
        manager_pid(&d.run_dir(), user.uid).is_some(),
        "manager not ready after WaitUserManager"
    );
    let s = props(
        &d.call("io.linger.Login.SessionProperties", json!({"id": "1"}))
            .unwrap(),
    );
    for (k, v) in [
        ("Id", "1"),
        ("Name", user.name.as_str()),
        ("TTY", "pts/7"),
        ("Remote", "yes"),
        ("Service", "sshd"),
        ("Scope", "session-1.scope"),
        ("Type", "tty"),
        ("Class", "user"),
        ("State", "active"),
    ] {
        assert_eq!(s[k], v, "{k}");
    }
    assert_eq!(d.user_props(&user.name).unwrap()["State"], "active");
    drop(pam);
    let st = leader.wait().unwrap();
    // SIGTERM, SIGCONT and SIGHUP are sent together (to a frozen cgroup, so the lowest
    // pending number, SIGHUP, may be the one that acts).
    assert!(
        matches!(st.signal(), Some(15 | 1)),
        "leader terminated: {st:?}"
    );
    assert!(
        wait_until(SECS, || d
            .call("io.linger.Login.ListSessions", json!({}))
            .unwrap()["sessions"]
            .as_array()
            .unwrap()
            .is_empty()),
        "session not removed"
    );

    // Session 2 with KillUserProcesses=no: released, it stays closing while its process runs.
    Daemon::write_conf(
        dir.path(),
        "[Login]\nKillUserProcesses=no\nUserStopDelaySec=0\n",
    );
    d.call("io.linger.Login.Reload", json!({})).unwrap();
    let mut leader = session_leader();
    let mut pam = d.client();
    let reply = pam
        .call(
            "io.linger.Login.CreateSession",
            json!({"uid": user.uid, "pid": leader.id()}),
        )
        .unwrap();
    assert_eq!(reply["id"], "2");
    // As the PAM module: wait for the user's manager, on a connection of its own.
    d.call(
        "io.linger.Login.WaitUserManager",
        json!({"user": user.uid.to_string()}),
    )
    .unwrap();
    pam.call("io.linger.Login.ReleaseSession", json!({"id": "2"}))
        .unwrap();
    drop(pam);
    std::thread::sleep(Duration::from_millis(100));
    assert!(alive(leader.id()), "not killed");
    let s = props(
        &d.call("io.linger.Login.SessionProperties", json!({"id": "2"}))
            .unwrap(),
    );
    assert_eq!(s["State"], "closing");
    let mpid = manager_pid(&d.run_dir(), user.uid).expect("manager still there");
    // RemoveIPC=yes (default): the user's POSIX shared memory goes at the last logout.
    let shm = Path::new("/dev/shm").join(format!("lgt-{}", std::process::id()));
    let shm_made = std::fs::write(&shm, "x").is_ok()
        && rustix::fs::chown(&shm, Some(rustix::fs::Uid::from_raw(user.uid)), None).is_ok();
    leader.kill().unwrap();
    leader.wait().unwrap();
    assert!(
        wait_until(SECS, || remote_error(
            d.call("io.linger.Login.SessionProperties", json!({"id": "2"}))
        ) == "io.linger.Login.NoSuchSession"),
        "closing session not removed once empty; log:\n{}",
        d.log()
    );
    // Last session gone, no linger, UserStopDelaySec=0: the manager stops, the dir goes.
    assert!(wait_until(SECS, || !alive(mpid)), "manager not stopped");
    assert!(wait_until(SECS, || !d
        .run_dir()
        .join(user.uid.to_string())
        .exists()));
    if shm_made {
        assert!(
            wait_until(SECS, || !shm.exists()),
            "RemoveIPC left {}",
            shm.display()
        );
    }

    // terminate-session and kill-session on a third session.
    let mut leader = session_leader();
    let mut pam = d.client();
    let r = pam
        .call(
            "io.linger.Login.CreateSession",
            json!({"uid": user.uid, "pid": leader.id()}),
        )
        .unwrap();
    assert_eq!(r["id"], "3");
    d.call(
        "io.linger.Login.KillSession",
        json!({"id": "3", "whom": "leader", "signal": 19}),
    )
    .unwrap();
    assert!(
        wait_until(SECS, || status_field(leader.id(), "State:")
            .is_some_and(|s| s.starts_with('T'))),
        "SIGSTOP"
    );
    d.call("io.linger.Login.TerminateSession", json!({"id": "3"}))
        .unwrap();
    // SIGCONT comes with the SIGTERM, so even a stopped leader ends.
    assert!(leader.wait().unwrap().signal().is_some());
    drop(pam);
    assert!(
        wait_until(SECS, || no_sessions(&d)),
        "session 3 not removed"
    );
}

fn no_sessions(d: &Daemon) -> bool {
    d.call("io.linger.Login.ListSessions", json!({}))
        .is_ok_and(|v| v["sessions"].as_array().is_some_and(Vec::is_empty))
}

#[test]
fn session_ids_survive_a_restart_and_create_is_roots() {
    if !root_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let user = TestUser::create(&user_name("i"), &dir.path().join("home"));
    Daemon::write_conf(dir.path(), "[Login]\nKillUserProcesses=yes\n");
    let mut leader = session_leader();
    {
        let mut d = Daemon::start(dir.path(), None, &[]);
        let mut pam = d.client();
        let r = pam
            .call(
                "io.linger.Login.CreateSession",
                json!({"uid": user.uid, "pid": leader.id(), "class": "admin"}),
            )
            .map(|_| ());
        assert!(r.is_err(), "bad class refused");
        let r = pam
            .call(
                "io.linger.Login.CreateSession",
                json!({"uid": user.uid, "pid": leader.id()}),
            )
            .unwrap();
        assert_eq!(r["id"], "1");
        assert_eq!(d.stop(), Some(0), "clean stop; log:\n{}", d.log());
    }
    let _ = leader.kill();
    let _ = leader.wait();
    let mut leader = session_leader();
    let d = Daemon::start(dir.path(), None, &[]);
    let mut pam = d.client();
    let r = pam
        .call(
            "io.linger.Login.CreateSession",
            json!({"uid": user.uid, "pid": leader.id()}),
        )
        .unwrap();
    assert_eq!(r["id"], "2", "ids are not reused after a restart");
    // Driver none: the session's processes are still found and killed at logout.
    drop(pam);
    assert!(matches!(leader.wait().unwrap().signal(), Some(15 | 1)));
    // Without cgroups emptiness is found by a once-a-second scan.
    assert!(
        wait_until(SECS, || no_sessions(&d)),
        "session 2 not removed"
    );
    // As the user (not root): reading works, creating sessions and others' linger do not.
    let out = as_user(&user, &d.socket());
    assert!(out.contains("list=ok"), "{out}");
    assert!(out.contains("create=io.linger.Login.AccessDenied"), "{out}");
    assert!(
        out.contains("linger-root=io.linger.Login.AccessDenied"),
        "{out}"
    );
    assert!(out.contains("linger-self=ok"), "{out}");
    assert!(out.contains("reload=io.linger.Login.AccessDenied"), "{out}");
    assert!(
        out.contains("attach-root=io.linger.Login.AccessDenied"),
        "{out}"
    );
    assert!(out.contains("attach-self=io.linger.Login.Failed"), "{out}");
    // The root-only socket: closed to the user, served to root (the PAM module uses it).
    assert!(out.contains("root-socket=denied"), "{out}");
    let root = linger_ipc::login::root_socket(&d.socket());
    let mut c = linger_ipc::Client::connect(&root).unwrap();
    assert!(c.call("io.linger.Login.ListSessions", json!({})).is_ok());
    assert!(d.linger_dir().join(&user.name).exists());
}

#[test]
fn malformed_and_oversized_messages_close_only_that_connection() {
    if !root_or_skip() {
        return;
    }
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let d = Daemon::start(dir.path(), None, &[]);
    let mut keep = d.client();
    for bad in [
        b"this is not json\0".to_vec(),
        vec![b'x'; linger_ipc::MAX_MESSAGE + 2],
    ] {
        let mut s = std::os::unix::net::UnixStream::connect(d.socket()).unwrap();
        let _ = s.write_all(&bad);
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
        assert!(buf.is_empty(), "no reply, just closed");
    }
    keep.call("io.linger.Login.ListSessions", json!({}))
        .expect("other connection unaffected");
    assert_eq!(
        remote_error(keep.call("io.linger.Login.Frobnicate", json!({}))),
        "org.varlink.service.MethodNotFound"
    );
}

#[test]
fn a_restarted_daemon_adopts_running_managers() {
    if !root_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let user = TestUser::create(&user_name("r"), &dir.path().join("home"));
    Daemon::write_conf(dir.path(), "[Login]\nUserStopDelaySec=0\n");
    let mut first = Daemon::start(dir.path(), None, &[]);
    first
        .call(
            "io.linger.Login.SetLinger",
            json!({"user": user.name, "enable": true}),
        )
        .unwrap();
    let mut pid = None;
    assert!(wait_until(SECS, || {
        pid = manager_pid(&first.run_dir(), user.uid);
        pid.is_some()
    }));
    let pid = pid.unwrap();
    // The manager answers before the daemon's record of it is on disk (the fork's completion
    // and the records thread come after): a daemon killed in between finds a manager with no
    // record and takes it for one the user ran by hand. Kill it once the record says the pid.
    let record = dir.path().join("state/users").join(user.uid.to_string());
    assert!(
        wait_until(SECS, || std::fs::read_to_string(&record)
            .is_ok_and(|r| r.contains(&format!("\"pid\":{pid}")))),
        "no record of manager {pid} in {}",
        record.display()
    );
    first.kill_hard();
    let d = Daemon::start(dir.path(), None, &[]);
    assert!(
        wait_until(SECS, || d
            .log()
            .contains("adopted the running user manager")),
        "log:\n{}",
        d.log()
    );
    assert_eq!(
        manager_pid(&d.run_dir(), user.uid),
        Some(pid),
        "the same manager"
    );
    assert_eq!(d.user_props(&user.name).unwrap()["State"], "lingering");
    d.call(
        "io.linger.Login.SetLinger",
        json!({"user": user.name, "enable": false}),
    )
    .unwrap();
    assert!(
        wait_until(SECS, || !alive(pid)),
        "adopted manager not stopped"
    );
    assert!(wait_until(SECS, || !d
        .run_dir()
        .join(user.uid.to_string())
        .exists()));
}

/// The daemon is killed after it forked a user manager and before its record of the child
/// was written: a window held open by the debug build's hook (`test_hooks.rs`), which parks
/// the fork's worker once the child is held. The next daemon finds the child by the fork's
/// intent (on disk before the fork) and stops it when the user needs it no more — by
/// disable-linger (`via_login` false) or by the end of the logins, after handing it to the
/// next login instead of starting a second one (`via_login` true).
fn killed_between_a_managers_fork_and_its_record(tag: &str, cgroups: bool, via_login: bool) {
    let dir = tempfile::tempdir().unwrap();
    let user = TestUser::create(&user_name(tag), &dir.path().join("home"));
    let cg = if cgroups {
        let Some(cg) = TestCgroup::create("forkwindow") else {
            println!("skipped: no cgroup2 tree of our own");
            return;
        };
        Some(cg)
    } else {
        None
    };
    let cgroup = cg.as_ref().map(|c| c.path.as_path());
    Daemon::write_conf(dir.path(), "[Login]\nUserStopDelaySec=0\n");
    let held = dir.path().join("forked");
    let mut first = Daemon::launch_env(
        dir.path(),
        Opts {
            cgroup,
            ..Opts::default()
        },
        &[("LINGER_LOGIN_TEST_HOLD_AFTER_FORK", &held)],
    );
    let mut leaders = Vec::new();
    if via_login {
        let leader = session_leader();
        first
            .call(
                "io.linger.Login.CreateSession",
                json!({"uid": user.uid, "pid": leader.id(), "service": "login", "tty": "tty5"}),
            )
            .unwrap();
        leaders.push(leader);
    } else {
        first
            .call(
                "io.linger.Login.SetLinger",
                json!({"user": user.name, "enable": true}),
            )
            .unwrap();
    }
    let mut pid = None;
    assert!(
        wait_until(SECS, || {
            pid = std::fs::read_to_string(&held)
                .ok()
                .and_then(|t| t.parse::<u32>().ok());
            pid.is_some()
        }),
        "the fork never reached the hook; log:\n{}",
        first.log()
    );
    let pid = pid.unwrap();
    // In the window: the record says a fork was decided, and names no child.
    let record = dir.path().join("state/users").join(user.uid.to_string());
    let text = std::fs::read_to_string(&record).unwrap_or_default();
    assert!(
        text.contains("\"starting\":") && !text.contains("\"pid\":"),
        "record in the window: {text:?}"
    );
    first.kill_hard();
    assert!(alive(pid), "the manager died with the daemon");

    let d = Daemon::launch(
        dir.path(),
        Opts {
            cgroup,
            ..Opts::default()
        },
    );
    assert!(
        wait_until(SECS, || d.log().contains(&format!(
            "adopted the user manager of uid {} (pid {pid})",
            user.uid
        ))),
        "log:\n{}",
        d.log()
    );
    // Not taken for a manager the user ran by hand (which is never the daemon's to stop:
    // with cgroups it died only with the cleanup's SIGKILL of what the service left).
    assert!(
        !d.log().contains("did not start runs for uid"),
        "log:\n{}",
        d.log()
    );
    if via_login {
        // The next login gets the adopted manager, not a second one.
        let leader = session_leader();
        let mut pam = d.client();
        pam.call(
            "io.linger.Login.CreateSession",
            json!({"uid": user.uid, "pid": leader.id(), "service": "login", "tty": "tty6"}),
        )
        .unwrap();
        leaders.push(leader);
        d.call(
            "io.linger.Login.WaitUserManager",
            json!({"user": user.uid.to_string()}),
        )
        .unwrap();
        assert!(
            wait_until(SECS, || manager_pid(&d.run_dir(), user.uid) == Some(pid)),
            "the next login's manager is not the adopted one ({:?}); log:\n{}",
            manager_pid(&d.run_dir(), user.uid),
            d.log()
        );
        assert_eq!(d.user_props(&user.name).unwrap()["State"], "active");
        // Both logins end (the first one's PAM connection died with the first daemon).
        for mut l in leaders.drain(..) {
            let _ = l.kill();
            let _ = l.wait();
        }
        drop(pam);
    } else {
        assert!(
            wait_until(SECS, || manager_pid(&d.run_dir(), user.uid) == Some(pid)),
            "the manager answering is not the adopted one ({:?}); log:\n{}",
            manager_pid(&d.run_dir(), user.uid),
            d.log()
        );
        assert_eq!(d.user_props(&user.name).unwrap()["State"], "lingering");
        d.call(
            "io.linger.Login.SetLinger",
            json!({"user": user.name, "enable": false}),
        )
        .unwrap();
    }
    assert!(
        wait_until(SECS, || !alive(pid)),
        "the adopted manager was not stopped; log:\n{}",
        d.log()
    );
    assert!(
        wait_until(SECS, || pids_of_uid(user.uid).is_empty()),
        "processes of the user left: {:?}",
        pids_of_uid(user.uid)
    );
    assert!(
        wait_until(SECS, || !d.run_dir().join(user.uid.to_string()).exists()),
        "runtime dir left behind; log:\n{}",
        d.log()
    );
}

#[test]
fn killed_after_a_lingering_managers_fork_the_next_daemon_stops_it() {
    if root_or_skip() {
        killed_between_a_managers_fork_and_its_record("w", true, false);
    }
}

#[test]
fn killed_after_a_logins_managers_fork_the_next_daemon_hands_it_on_and_stops_it() {
    if root_or_skip() {
        killed_between_a_managers_fork_and_its_record("x", false, true);
    }
}

#[test]
fn as_pid1_it_stops_everything_on_sigterm_and_exits_0() {
    if !root_or_skip() {
        return;
    }
    if !Command::new("unshare")
        .args(["--pid", "--fork", "true"])
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("skipped: cannot make a PID namespace here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let user = TestUser::create(&user_name("p"), &dir.path().join("home"));
    std::fs::create_dir_all(dir.path().join("linger")).unwrap();
    std::fs::write(dir.path().join("linger").join(&user.name), "").unwrap();
    let d = Daemon::start_with(
        dir.path(),
        None,
        &[],
        &["unshare", "--pid", "--fork", "--kill-child"],
    );
    // Clients outside the daemon's PID namespace have no pid there (SO_PEERCRED says 0) and
    // are not served: everything is checked from /proc and the file system instead.
    let unshare = d.pid();
    // Of every thread: the daemon forks its managers on worker threads.
    let children = |pid: i32| -> Vec<i32> {
        let tasks = std::fs::read_dir(format!("/proc/{pid}/task"))
            .into_iter()
            .flatten()
            .flatten();
        tasks
            .map(|t| std::fs::read_to_string(t.path().join("children")).unwrap_or_default())
            .collect::<Vec<String>>()
            .join(" ")
            .split_whitespace()
            .filter_map(|p| p.parse().ok())
            .collect()
    };
    let init = *children(unshare).first().expect("the daemon under unshare");
    let sock = d
        .run_dir()
        .join(user.uid.to_string())
        .join("linger/manager");
    let mut mgr = None;
    assert!(
        wait_until(SECS, || {
            mgr = children(init).into_iter().find(|p| {
                status_field(*p as u32, "Uid:")
                    .is_some_and(|u| u.starts_with(&user.uid.to_string()))
            });
            mgr.is_some() && sock.exists()
        }),
        "lingering user's manager not started at boot; log:\n{}",
        d.log()
    );
    assert!(d.log().contains("running as PID 1"), "{}", d.log());
    rustix::process::kill_process(
        rustix::process::Pid::from_raw(init).unwrap(),
        rustix::process::Signal::TERM,
    )
    .unwrap();
    let mut d = d;
    assert_eq!(d.wait_exit(), Some(0), "log:\n{}", d.log());
    assert!(!alive(mgr.unwrap() as u32));
    assert!(!d.run_dir().join(user.uid.to_string()).exists());
}

/// Runs [`as_user_client`] of this test binary as `user`; its output.
fn as_user(user: &TestUser, socket: &Path) -> String {
    use std::os::unix::process::CommandExt;
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "as_user_client",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("LINGER_LOGIN_TEST_SOCKET", socket)
        .env("LINGER_LOGIN_TEST_USER", &user.name)
        .uid(user.uid)
        .gid(user.gid)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// Not a test on its own: the client half of the authorization test, run as another user.
#[test]
fn as_user_client() {
    let (Some(sock), Some(me)) = (
        std::env::var_os("LINGER_LOGIN_TEST_SOCKET"),
        std::env::var("LINGER_LOGIN_TEST_USER").ok(),
    ) else {
        return;
    };
    let call = |m: &str, p| match linger_ipc::Client::connect(Path::new(&sock))
        .unwrap()
        .call(m, p)
    {
        Ok(_) => "ok".to_string(),
        Err(linger_ipc::CallError::Remote { name, .. }) => name,
        Err(e) => format!("transport:{e}"),
    };
    println!("list={}", call("io.linger.Login.ListSessions", json!({})));
    println!(
        "create={}",
        call(
            "io.linger.Login.CreateSession",
            json!({"uid": 0, "pid": std::process::id()})
        )
    );
    println!(
        "linger-root={}",
        call(
            "io.linger.Login.SetLinger",
            json!({"user": "root", "enable": true})
        )
    );
    println!(
        "linger-self={}",
        call(
            "io.linger.Login.SetLinger",
            json!({"user": me, "enable": true})
        )
    );
    println!("reload={}", call("io.linger.Login.Reload", json!({})));
    // Moving processes into scopes: never another user's process, never outside one's own
    // user@UID.service.
    println!(
        "attach-root={}",
        call(
            "io.linger.Login.AttachProcess",
            json!({"pid": 1, "cgroup": "/linger.slice"})
        )
    );
    println!(
        "attach-self={}",
        call(
            "io.linger.Login.AttachProcess",
            json!({"pid": std::process::id(), "cgroup": "/../../x"})
        )
    );
    let root = linger_ipc::login::root_socket(Path::new(&sock));
    println!(
        "root-socket={}",
        match std::os::unix::net::UnixStream::connect(&root) {
            Ok(_) => "connected".to_string(),
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => "denied".to_string(),
            Err(e) => format!("{e}"),
        }
    );
}

/// Entries of `dir` (0 when it is gone).
fn entries(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, Iterator::count)
}

/// A logout removes the user's runtime directory (on a worker: what a user leaves there can
/// be large); a login of the same user while that removal runs must get a directory of its
/// own that stays — made, owned by the user, mounted when tmpfs is on — not the old one
/// emptied and removed under it. Run with plain directories (a large leftover keeps the
/// removal busy long enough for the new login to come in the middle of it) and with tmpfs.
#[test]
fn a_login_during_the_removal_of_the_last_ones_runtime_dir_keeps_its_own() {
    if !root_or_skip() {
        return;
    }
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    for tmpfs in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let tag = if tmpfs { "m" } else { "d" };
        let user = TestUser::create(&user_name(tag), &dir.path().join("home"));
        let cg = TestCgroup::create(&format!("relogin{tag}"));
        Daemon::write_conf(
            dir.path(),
            "[Login]\nKillUserProcesses=no\nUserStopDelaySec=0\n",
        );
        let extra: &[&str] = if tmpfs { &[] } else { &["--no-runtime-tmpfs"] };
        let d = Daemon::start(dir.path(), cg.as_ref().map(|c| c.path.as_path()), extra);
        let runtime = d.run_dir().join(user.uid.to_string());
        let login = |leader: &std::process::Child| {
            let mut pam = d.client();
            pam.call(
                "io.linger.Login.CreateSession",
                json!({"uid": user.uid, "pid": leader.id(), "service": "login", "tty": "tty3"}),
            )
            .unwrap();
            pam
        };

        let mut first = session_leader();
        let pam = login(&first);
        d.call(
            "io.linger.Login.WaitUserManager",
            json!({"user": user.uid.to_string()}),
        )
        .unwrap();
        // What the first login leaves behind.
        let leftovers = if tmpfs { 100 } else { 20_000 };
        for i in 0..leftovers {
            std::fs::write(runtime.join(format!("left-{i}")), "x").unwrap();
        }
        let full = entries(&runtime);
        // Logout: the manager stops, then the directory goes.
        drop(pam);
        let _ = first.kill();
        let _ = first.wait();
        assert!(
            wait_until(SECS, || entries(&runtime) < full),
            "the runtime directory was not removed after the logout; log:\n{}",
            d.log()
        );

        // A new login of the same user while that runs.
        let mut second = session_leader();
        let mut pam = d.client();
        let reply = pam
            .call(
                "io.linger.Login.CreateSession",
                json!({"uid": user.uid, "pid": second.id(), "service": "login", "tty": "tty3"}),
            )
            .unwrap();
        assert_eq!(reply["runtime_path"], runtime.display().to_string());
        let what = if tmpfs { "tmpfs" } else { "plain" };
        let mine = runtime.join("new-login");
        std::fs::write(&mine, "y").unwrap_or_else(|e| {
            panic!(
                "{what}: the new login's {} is not there once its session was made ({e}); log:\n{}",
                runtime.display(),
                d.log()
            )
        });
        // The old directory's removal was queued before: a KillUser of the user runs after
        // it (same queue), and nothing set aside is left.
        d.call(
            "io.linger.Login.KillUser",
            json!({"user": user.uid.to_string(), "signal": 18}),
        )
        .unwrap();
        let base = d.run_dir();
        assert!(
            wait_until(SECS, || std::fs::read_dir(&base).is_ok_and(|rd| rd
                .filter_map(Result::ok)
                .all(|e| !e
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".linger-removing-")))),
            "the old runtime directory was never removed; log:\n{}",
            d.log()
        );
        let meta = std::fs::symlink_metadata(&runtime).unwrap_or_else(|e| {
            panic!(
                "{what}: the new login's {} is gone ({e}); log:\n{}",
                runtime.display(),
                d.log()
            )
        });
        assert!(meta.is_dir(), "{what}: not a directory");
        assert_eq!(
            (meta.uid(), meta.gid(), meta.permissions().mode() & 0o7777),
            (user.uid, user.gid, 0o700),
            "{what}: owner/mode of the new runtime directory"
        );
        assert!(
            mine.exists(),
            "{what}: the new login's file went with the old directory; log:\n{}",
            d.log()
        );
        assert!(
            entries(&runtime) < 100,
            "{what}: the new login got the old directory back"
        );
        assert_eq!(is_mount_point(&runtime), tmpfs, "{what}: mounted");
        d.call(
            "io.linger.Login.WaitUserManager",
            json!({"user": user.uid.to_string()}),
        )
        .unwrap_or_else(|e| {
            panic!(
                "{what}: no manager for the new login: {e}; log:\n{}",
                d.log()
            )
        });
        drop(pam);
        drop(d);
        let _ = second.kill();
        let _ = second.wait();
    }
}
