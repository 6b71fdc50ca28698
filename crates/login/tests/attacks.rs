//! Issue 10: the login daemon under attack. Each test performs one attack for real — as an
//! unprivileged user the test makes, against the real daemon — and checks what the others see
//! meanwhile: root's and another user's requests answered within 100 ms, another user's
//! logins getting their sessions (`common::attack`). Root only; elsewhere each test prints
//! "skipped". Run with `--nocapture` to see the figures (worst latencies, the daemon's RSS).
#![allow(clippy::print_stderr, clippy::print_stdout)]

mod common;

use std::io::Write;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::attack::{Attack, NICE, Witnesses, rss_kb};
use common::{Daemon, Opts, TestCgroup, TestUser, alive, manager_pid, root_or_skip, wait_until};
use serde_json::json;

const SECS: Duration = Duration::from_secs(10);

/// A daemon with an attacker, a bystander and a user who logs in.
struct Scene {
    dir: tempfile::TempDir,
    attacker: TestUser,
    bystander: TestUser,
    login: TestUser,
    cg: Option<TestCgroup>,
}

impl Scene {
    fn new(tag: &str) -> Scene {
        let dir = tempfile::tempdir().unwrap();
        let user = |t: &str| {
            let name = common::unique_name(&format!("{tag}{t}"));
            TestUser::create(&name, &dir.path().join("home").join(t))
        };
        let (attacker, bystander, login) = (user("a"), user("b"), user("c"));
        let cg = TestCgroup::create(&format!("attack-{tag}"));
        Scene {
            attacker,
            bystander,
            login,
            cg,
            dir,
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn cgroup(&self) -> Option<&Path> {
        self.cg.as_ref().map(|c| c.path.as_path())
    }

    /// The daemon at the witnesses' priority (see `common::attack`).
    fn daemon(&self, conf: &str) -> Daemon {
        Daemon::write_conf(self.path(), conf);
        Daemon::launch(
            self.path(),
            Opts {
                cgroup: self.cgroup(),
                wrapper: &NICE,
                ..Opts::default()
            },
        )
    }

    /// Witnesses that count from now (see [`Witnesses::mark`] for later).
    fn witnesses(&self, d: &Daemon) -> Witnesses {
        let mut w = Witnesses::start(d, &self.bystander, &self.login);
        w.mark(d.pid());
        w
    }
}

fn sock(d: &Daemon) -> String {
    d.socket().display().to_string()
}

fn linger(d: &Daemon, user: &TestUser, on: bool) {
    d.call(
        "io.linger.Login.SetLinger",
        json!({"user": user.name, "enable": on}),
    )
    .unwrap_or_else(|e| panic!("SetLinger {}: {e}\n{}", user.name, d.report()));
}

fn wait_manager(d: &Daemon, user: &TestUser) -> u32 {
    let mut pid = None;
    let up = wait_until(SECS, || {
        pid = manager_pid(&d.run_dir(), user.uid);
        pid.is_some()
    });
    assert!(up, "no manager for {}\n{}", user.name, d.report());
    pid.unwrap()
}

fn kill(pid: u32) {
    if let Some(p) = rustix::process::Pid::from_raw(pid as i32) {
        let _ = rustix::process::kill_process(p, rustix::process::Signal::KILL);
    }
}

/// One call as `user` through `login-attack call`: the reply's JSON or "error NAME: …".
fn call_as(d: &Daemon, user: &TestUser, method: &str, params: serde_json::Value) -> String {
    let a = Attack::start(&["call", &sock(d), method, &params.to_string()], Some(user));
    wait_until(SECS, || !a.lines().is_empty());
    a.stop().join("\n")
}

/// Issue 10 item 1: a user replaces their manager socket with a listener whose backlog is
/// full and kills their manager; the daemon goes to restart it — and again when it starts
/// with that user lingering. It must not wait on that socket.
#[test]
fn attack_1_freeze_through_the_manager_socket() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    let s = Scene::new("f");
    let mut d = s.daemon("[Login]\n");
    linger(&d, &s.attacker, true);
    wait_manager(&d, &s.attacker);
    let socket = d
        .run_dir()
        .join(s.attacker.uid.to_string())
        .join("linger/manager");
    let w = s.witnesses(&d);
    let atk = Attack::start(
        &["freeze-socket", socket.to_str().unwrap()],
        Some(&s.attacker),
    );
    atk.ready();
    w.finish("1 manager socket frozen, manager killed", d.pid())
        .assert_served(&d);
    // The daemon starts again: the attacker lingers, their socket still frozen.
    assert_eq!(d.restart(), Some(0), "clean stop\n{}", d.report());
    let w = s.witnesses(&d);
    w.finish("1 manager socket frozen at daemon start", d.pid())
        .assert_served(&d);
    atk.stop();
}

/// `target`'s pid given to a new root process (`sleep`), as the kernel would hand it out
/// again sooner or later (common/pid_reuse.rs).
fn recycle_pid(target: u32) -> Option<common::pid_reuse::Reused> {
    common::pid_reuse::sleep_with_pid(target)
}

/// Issue 10 item 2: a session's leader exits while the user's processes keep the session
/// closing; a root process gets the leader's pid; the user asks to SIGKILL the leader.
#[test]
fn attack_2_leader_signal_after_the_pid_was_reused() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    let s = Scene::new("p");
    let Some(cg) = s.cgroup().map(Path::to_path_buf) else {
        eprintln!("skipped: needs a cgroup2 tree");
        return;
    };
    let d = s.daemon("[Login]\nKillUserProcesses=no\n");
    let mut leader = Command::new("sleep").arg("1000").spawn().unwrap();
    let leader_pid = leader.id();
    let mut pam = d.client();
    let r = pam
        .call(
            "io.linger.Login.CreateSession",
            json!({"uid": s.attacker.uid, "pid": leader_pid}),
        )
        .unwrap();
    let id = r["id"].as_str().unwrap().to_string();
    // A process of the user in the session keeps it "closing" after the logout.
    let mut kept = {
        use std::os::unix::process::CommandExt;
        Command::new("sleep")
            .arg("1000")
            .uid(s.attacker.uid)
            .gid(s.attacker.gid)
            .spawn()
            .unwrap()
    };
    let scope = cg
        .join("linger.slice")
        .join(format!("user-{}.slice", s.attacker.uid))
        .join(format!("session-{id}.scope"));
    std::fs::write(scope.join("cgroup.procs"), kept.id().to_string()).unwrap();
    pam.call("io.linger.Login.ReleaseSession", json!({ "id": id }))
        .unwrap();
    drop(pam);
    leader.kill().unwrap();
    leader.wait().unwrap();
    let Some(mut victim) = recycle_pid(leader_pid) else {
        let _ = kept.kill();
        panic!("could not give pid {leader_pid} to a new process");
    };
    let w = s.witnesses(&d);
    let answer = call_as(
        &d,
        &s.attacker,
        "io.linger.Login.KillSession",
        json!({"id": id, "whom": "leader", "signal": 9}),
    );
    let report = w.finish("2 leader signal to a reused pid", d.pid());
    let survived = victim.try_wait().unwrap().is_none();
    let _ = victim.kill();
    let _ = victim.wait();
    let _ = kept.kill();
    let _ = kept.wait();
    assert!(
        survived,
        "the root process that got the leader's pid was killed; the daemon said {answer}"
    );
    assert!(
        answer.starts_with("error") && answer.contains("exited"),
        "a leader signal for a gone leader is refused: {answer}"
    );
    report.assert_served(&d);
}

/// Issue 10 item 3: a login that left before its answer (here: it stopped reading, as a PAM
/// module that gave up does) must find its process untouched and no session left; and a
/// real login whose user manager is slow to start gets its session and is not killed.
#[test]
fn attack_3_a_late_answer_kills_no_login() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    if !common::real::real_or_skip(&[]) {
        return;
    }
    let s = Scene::new("l");
    // A user manager that takes 2 s to be ready (longer than the PAM module waits).
    let slow = s.path().join("slow-manager");
    std::fs::write(
        &slow,
        format!(
            "#!/bin/sh\nsleep 2\nexec {} daemon --user --no-system-units\n",
            common::linger_bin().unwrap().display()
        ),
    )
    .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&slow, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let l = common::real::Login::launch(
        s.path(),
        "[Login]\nKillUserProcesses=yes\n",
        Opts {
            cgroup: s.cgroup(),
            user_manager: Some(slow.display().to_string()),
            wrapper: &NICE,
            ..Opts::default()
        },
    );
    let d = &l.d;
    let w = s.witnesses(d);

    // (a) The requester is gone before the answer.
    let mut leader = common::session_leader();
    let origin = std::fs::read_to_string(format!("/proc/{}/cgroup", leader.id())).unwrap();
    let mut gone = UnixStream::connect(d.socket()).unwrap();
    gone.shutdown(std::net::Shutdown::Read).unwrap();
    let req = json!({"method": "io.linger.Login.CreateSession",
        "parameters": {"uid": s.attacker.uid, "pid": leader.id()}});
    let mut bytes = serde_json::to_vec(&req).unwrap();
    bytes.push(0);
    gone.write_all(&bytes).unwrap();
    let settled = wait_until(SECS, || {
        d.log().contains("undone") || leader.try_wait().ok().flatten().is_some()
    });
    std::thread::sleep(Duration::from_millis(300));
    let survived = leader.try_wait().unwrap().is_none();
    let now = std::fs::read_to_string(format!("/proc/{}/cgroup", leader.id())).unwrap_or_default();
    let _ = leader.kill();
    let _ = leader.wait();
    drop(gone);
    assert!(
        settled && survived,
        "the login's process was killed\n{}",
        d.report()
    );
    assert_eq!(now, origin, "the login's process is back where it was");
    let listed = d.call("io.linger.Login.ListSessions", json!({})).unwrap();
    assert!(
        !listed["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["user"] == s.attacker.name.as_str()),
        "the undone session is still listed: {listed}"
    );

    // (b) A real login while the user's manager takes 2 s to start.
    let pam = common::real::PamService::new("late", &d.socket());
    let r = common::real::su(&pam, &s.bystander, "sleep 1.5; echo alive=$XDG_SESSION_ID");
    let report = w.finish("3 answers after the login gave up", d.pid());
    assert_eq!(r.code, 0, "the login was killed: {r:?}\n{}", d.report());
    let id = r
        .stdout
        .lines()
        .find_map(|x| x.strip_prefix("alive="))
        .unwrap_or_default();
    assert!(
        !id.is_empty(),
        "the login got no session: {r:?}\n{}",
        d.report()
    );
    report.assert_served(d);
}

/// Issue 10 item 4: one user floods the daemon with 8 MiB frames on 64 connections, then
/// with KillUser over thousands of empty cgroups they made below their own service.
#[test]
fn attack_4_one_user_keeps_the_daemon_busy() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    let s = Scene::new("b");
    let d = s.daemon("[Login]\n");
    let w = s.witnesses(&d);
    let atk = Attack::start(&["flood", &sock(&d), "64", "8388608"], Some(&s.attacker));
    atk.ready();
    let report = w.finish("4 frames of 8 MiB on 64 connections", d.pid());
    atk.stop();
    report.assert_served(&d);

    let Some(cg) = s.cgroup().map(Path::to_path_buf) else {
        eprintln!("skipped the cgroup part: needs a cgroup2 tree");
        return;
    };
    linger(&d, &s.attacker, true);
    wait_manager(&d, &s.attacker);
    let service = cg
        .join("linger.slice")
        .join(format!("user-{}.slice", s.attacker.uid))
        .join(format!("user@{}.service", s.attacker.uid));
    // The user's tree is bounded (cgroup.max.descendants/depth of user@UID.service, which
    // the user cannot change): the walks below stay bounded too.
    let deep = Attack::start(
        &["nest", service.to_str().unwrap(), "100"],
        Some(&s.attacker),
    );
    let depth: u32 = deep.ready()["ready ".len()..].parse().unwrap();
    deep.stop();
    assert!(
        depth <= linger_login::USER_CGROUP_DEPTH_MAX,
        "the user nested cgroups {depth} deep"
    );
    let made = Attack::start(
        &["cgroups", service.to_str().unwrap(), "5000"],
        Some(&s.attacker),
    );
    let n: u32 = made.ready()["ready ".len()..].parse().unwrap();
    let lines = made.stop();
    let total = cgroups_below(&service);
    assert!(
        n < 5000 && total <= linger_login::USER_CGROUPS_MAX as usize,
        "the user made {n} cgroups ({total} below their service): unbounded; {lines:?}"
    );
    eprintln!("4: the user could make {n} cgroups ({total} in all) and nest {depth} deep");
    let w = s.witnesses(&d);
    let atk = Attack::start(
        &["kill-user", &sock(&d), &s.attacker.name, "8"],
        Some(&s.attacker),
    );
    atk.ready();
    let report = w.finish(
        &format!("4 KillUser over the {total} cgroups allowed, 8 connections"),
        d.pid(),
    );
    atk.stop();
    report.assert_served(&d);
    linger(&d, &s.attacker, false);
}

/// Cgroups below `dir` (not counting it).
fn cgroups_below(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| 1 + cgroups_below(&e.path()))
                .sum()
        })
        .unwrap_or(0)
}

/// Issue 10 item 5: two users send frames of 8 MiB on 64 connections each (the daemon's old
/// read buffers grew to that and stayed), then leave: the daemon's memory stays bounded
/// meanwhile and comes back afterwards.
#[test]
fn attack_5_memory_held_per_connection() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    let s = Scene::new("m");
    let second = TestUser::create(
        &common::unique_name("m2"),
        &s.path().join("home").join("second"),
    );
    let d = s.daemon("[Login]\n");
    // Settled first: the witnesses' logins start a manager and leave a session record.
    let mut w = s.witnesses(&d);
    let before = rss_kb(d.pid());
    let attacks: Vec<Attack> = [&s.attacker, &second]
        .into_iter()
        .map(|u| Attack::start(&["flood", &sock(&d), "64", "8388608"], Some(u)))
        .collect();
    for a in &attacks {
        a.ready();
    }
    w.mark(d.pid());
    let report = w.finish("5 two users, 64 connections each, frames of 8 MiB", d.pid());
    let during = report.rss_kb;
    for a in attacks {
        a.stop();
    }
    // Once they left: a moment for the daemon to see the connections close.
    let mut after = 0;
    wait_until(SECS, || {
        after = rss_kb(d.pid());
        after <= before + 16 * 1024
    });
    eprintln!(
        "5: daemon RSS {:.1} MB before, {:.1} MB during, {:.1} MB after the attackers left",
        before as f64 / 1024.0,
        during as f64 / 1024.0,
        after as f64 / 1024.0
    );
    assert!(
        during <= before + 64 * 1024,
        "RSS {before} KiB → {during} KiB during the attack"
    );
    assert!(
        after <= before + 16 * 1024,
        "RSS {before} KiB → {after} KiB after the attackers left"
    );
    report.assert_served(&d);
}

fn limits_of(pid: i32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/limits"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .unwrap_or_default()
        .to_string()
}

/// Issue 10 item 6: more connections than the default 1024 open files (root's logins and a
/// user's), then a hard limit the daemon cannot raise: no exhaustion, no spinning.
#[test]
fn attack_6_file_descriptors_run_out() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    if Command::new("prlimit").arg("--version").output().is_err() {
        eprintln!("skipped: prlimit is not installed");
        return;
    }
    let s = Scene::new("d");
    Daemon::write_conf(s.path(), "[Login]\n");
    let mut d = Daemon::launch(
        s.path(),
        Opts {
            cgroup: s.cgroup(),
            wrapper: &[&NICE[..], &["prlimit", "--nofile=1024:8192"]].concat(),
            ..Opts::default()
        },
    );
    let limits = limits_of(d.pid());
    let mut w = s.witnesses(&d);
    let logins = Attack::start(&["hold", &sock(&d), "1100", "0"], None);
    let user = Attack::start(&["hold", &sock(&d), "64", "0"], Some(&s.attacker));
    logins.ready();
    user.ready();
    // Counted once all connections are held (opening them is a burst of accepts).
    w.mark(d.pid());
    let report = w.finish(
        "6 1100 root + 64 user connections (soft limit 1024)",
        d.pid(),
    );
    logins.stop();
    user.stop();
    report.assert_served(&d);
    assert!(
        limits.split_whitespace().filter(|w| *w == "8192").count() == 2,
        "soft limit raised to the hard one: {limits}"
    );
    d.stop();

    // A hard limit of 600: the daemon keeps its connections below it and stays idle.
    let mut d = Daemon::launch(
        s.path(),
        Opts {
            cgroup: s.cgroup(),
            wrapper: &[&NICE[..], &["prlimit", "--nofile=600:600"]].concat(),
            ..Opts::default()
        },
    );
    let mut early = d.client();
    let logins = Attack::start(&["hold", &sock(&d), "700", "0"], None);
    let held: usize = logins
        .ready()
        .trim_start_matches("ready ")
        .parse()
        .unwrap_or(0);
    let t0 = common::attack::cpu_ticks(d.pid());
    std::thread::sleep(Duration::from_secs(1));
    let busy = common::attack::cpu_ticks(d.pid()) - t0;
    let t = std::time::Instant::now();
    let answered = early.call("io.linger.Login.ListSessions", json!({}));
    let took = t.elapsed();
    logins.stop();
    eprintln!(
        "6: hard limit 600: {held} connections made, daemon CPU {busy} ticks in 1 s idle, a held connection answered in {took:?}"
    );
    assert!(
        busy <= 20,
        "the daemon spins at the limit: {busy} ticks in 1 s"
    );
    assert!(answered.is_ok(), "{answered:?}\n{}", d.report());
    assert!(took < common::attack::LIMIT, "{took:?}");
    let t = std::time::Instant::now();
    assert_eq!(d.stop(), Some(0), "SIGTERM at the limit\n{}", d.report());
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
}

/// Issue 10 item 7: RemoveIPC, show-session's values, disable-linger's message, `+0`, huge
/// names, and a user manager started by hand.
#[test]
fn attack_7_smaller_holes() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    let s = Scene::new("s");
    let d = s.daemon("[Login]\nKillUserProcesses=yes\n");
    let w = s.witnesses(&d);
    let mut failures = Vec::new();
    let (a, b) = (&s.attacker, &s.bystander);

    // RemoveIPC: only the leaving user's own entries go.
    let shm = PathBuf::from(format!("/dev/shm/lgattack-{}", std::process::id()));
    let as_user = |u: &TestUser, script: &str| {
        use std::os::unix::process::CommandExt;
        Command::new("sh")
            .args(["-c", script])
            .uid(u.uid)
            .gid(u.gid)
            .status()
            .is_ok_and(|st| st.success())
    };
    let shared = shm.display().to_string();
    assert!(as_user(
        a,
        &format!("mkdir -m 1777 {shared} && echo a > {shared}/a-file")
    ));
    assert!(as_user(b, &format!("echo b > {shared}/b-file")));
    linger(&d, a, true);
    wait_manager(&d, a);
    linger(&d, a, false);
    let runtime = d.run_dir().join(a.uid.to_string());
    wait_until(SECS, || !runtime.exists() && !shm.join("a-file").exists());
    if !shm.join("b-file").exists() {
        failures.push("RemoveIPC removed another user's file".to_string());
    }
    if shm.join("a-file").exists() {
        failures.push("RemoveIPC left the user's own file".to_string());
    }
    let _ = std::fs::remove_dir_all(&shm);

    // show-session: a login's values cannot forge lines nor reach the terminal raw.
    let mut leader = common::session_leader();
    let mut pam = d.client();
    let r = pam
        .call(
            "io.linger.Login.CreateSession",
            json!({"uid": a.uid, "pid": leader.id(), "remote_user": "x\nUser=0",
                   "remote_host": "\u{1b}]0;owned\u{7}\u{1b}[2J", "tty": "pts/9"}),
        )
        .unwrap();
    let id = r["id"].as_str().unwrap().to_string();
    let link = s.path().join("loginctl");
    std::os::unix::fs::symlink(common::linger_bin().unwrap(), &link).unwrap();
    let out = Command::new(&link)
        .args(["show-session", &id])
        .env("LINGER_LOGIN_SOCKET", d.socket())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    if text.lines().any(|l| l == "User=0") {
        failures.push(format!("show-session printed a forged line:\n{text}"));
    }
    if out.stdout.contains(&0x1b) {
        failures.push(format!("show-session printed an escape sequence: {text:?}"));
    }
    drop(pam);
    let _ = leader.kill();
    let _ = leader.wait();

    // disable-linger refused: says so.
    let out = Command::new("runuser")
        .args(["-u", &a.name, "--", "env"])
        .arg(format!("LINGER_LOGIN_SOCKET={}", d.socket().display()))
        .arg(&link)
        .args(["disable-linger", &b.name])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    if err.trim() != "Could not disable linger: Access denied" {
        failures.push(format!("denied disable-linger said {err:?}"));
    }

    // `+0` is no uid: root's linger is not touched.
    let out = Command::new(&link)
        .args(["enable-linger", "+0"])
        .env("LINGER_LOGIN_SOCKET", d.socket())
        .output()
        .unwrap();
    if out.status.success() || d.linger_dir().join("root").exists() {
        failures.push(format!("enable-linger +0 lingered root: {out:?}"));
    }
    let _ = std::fs::remove_file(d.linger_dir().join("root"));

    // A huge user name is not sent back.
    for (who, size) in [(Some(a), 60_000), (None, 1_000_000)] {
        let name = "x".repeat(size) + "/";
        let r = match who {
            Some(u) => call_as(
                &d,
                u,
                "io.linger.Login.SetLinger",
                json!({"user": name, "enable": true}),
            ),
            None => match d.call(
                "io.linger.Login.SetLinger",
                json!({"user": name, "enable": true}),
            ) {
                Err(e) => e.to_string(),
                Ok(v) => v.to_string(),
            },
        };
        if r.len() > 1000 {
            failures.push(format!(
                "a {size}-byte name came back in a {}-byte answer",
                r.len()
            ));
        }
    }

    // A manager started by hand in a runtime directory the daemon did not make: not stopped,
    // its directory not removed, at disable-linger.
    let runtime = d.run_dir().join(b.uid.to_string());
    std::fs::create_dir_all(&runtime).unwrap();
    rustix::fs::chown(
        &runtime,
        Some(rustix::fs::Uid::from_raw(b.uid)),
        Some(rustix::fs::Gid::from_raw(b.gid)),
    )
    .unwrap();
    let mut own = {
        use std::os::unix::process::CommandExt;
        Command::new(common::linger_bin().unwrap())
            .args(["daemon", "--user", "--no-system-units"])
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("HOME", s.path().join("home/b"))
            .uid(b.uid)
            .gid(b.gid)
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let up = wait_until(SECS, || manager_pid(&d.run_dir(), b.uid) == Some(own.id()));
    assert!(up, "the hand-started manager did not come up");
    linger(&d, b, true);
    std::thread::sleep(Duration::from_millis(300));
    linger(&d, b, false);
    std::thread::sleep(Duration::from_millis(500));
    let report = w.finish(
        "7 RemoveIPC, escapes, +0, huge names, hand-made manager",
        d.pid(),
    );
    if own.try_wait().unwrap().is_some() {
        failures.push("disable-linger stopped a manager the daemon did not start".into());
    }
    if !runtime.is_dir() {
        failures.push("disable-linger removed a runtime directory the daemon did not make".into());
    }
    let _ = own.kill();
    let _ = own.wait();
    let _ = std::fs::remove_dir_all(&runtime);
    assert!(
        failures.is_empty(),
        "{}\n{}",
        failures.join("\n"),
        d.report()
    );
    report.assert_served(&d);
}

fn session_ids(d: &Daemon) -> Vec<String> {
    d.call("io.linger.Login.ListSessions", json!({}))
        .map(|v| {
            v["sessions"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Issue 10 item 8: the daemon is restarted (stopped and started, then killed and started)
/// while sessions are open; they are taken back and later end as they should.
#[test]
fn attack_8_sessions_survive_a_daemon_restart() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    let s = Scene::new("r");
    let mut d = s.daemon("[Login]\nKillUserProcesses=yes\nUserStopDelaySec=0\n");
    let u = &s.attacker;
    let mut leaders = Vec::new();
    let mut ids = Vec::new();
    for _ in 0..2 {
        let leader = common::session_leader();
        let mut pam = d.client();
        let r = pam
            .call(
                "io.linger.Login.CreateSession",
                json!({"uid": u.uid, "pid": leader.id(), "tty": "pts/5"}),
            )
            .unwrap();
        ids.push(r["id"].as_str().unwrap().to_string());
        leaders.push((leader, pam));
    }
    let runtime = d.run_dir().join(u.uid.to_string());
    assert!(common::is_mount_point(&runtime));
    let manager = wait_manager(&d, u);

    // Stopped and started: the sessions are back, same ids, their runtime dir still there.
    assert_eq!(d.restart(), Some(0), "{}", d.report());
    let mut failures = Vec::new();
    let listed = session_ids(&d);
    assert!(
        ids.iter().all(|id| listed.contains(id)),
        "after a stop and start: sessions {listed:?}, want {ids:?}\n{}",
        d.report()
    );
    // Killed and started: the manager survives and is kept, not started twice.
    let now = wait_manager(&d, u);
    assert_ne!(now, manager, "a stop stops the managers");
    d.kill_hard();
    let d2 = Daemon::launch(
        s.path(),
        Opts {
            cgroup: s.cgroup(),
            wrapper: &NICE,
            ..Opts::default()
        },
    );
    let w = s.witnesses(&d2);
    let listed = session_ids(&d2);
    if !ids.iter().all(|id| listed.contains(id)) {
        failures.push(format!("after a crash: sessions {listed:?}, want {ids:?}"));
    }
    if manager_pid(&d2.run_dir(), u.uid) != Some(now) {
        failures.push("after a crash the manager was not kept".into());
    }
    if !common::is_mount_point(&runtime) {
        failures.push("the runtime directory is gone".into());
    }
    // Their processes are still the sessions': a kill-session reaches the leader.
    let (first, _) = &leaders[0];
    let r = d2.call(
        "io.linger.Login.KillSession",
        json!({"id": ids[0], "whom": "all", "signal": 19}),
    );
    let stopped = wait_until(SECS, || {
        common::status_field(first.id(), "State:").is_some_and(|s| s.starts_with('T'))
    });
    if r.is_err() || !stopped {
        failures.push(format!(
            "kill-session after the restart: {r:?}, stopped: {stopped}"
        ));
    }
    // One ends by release (its PAM connection died with the first daemon), one by its
    // leader's exit; then the manager and the runtime directory go.
    let r = d2.call("io.linger.Login.ReleaseSession", json!({"id": ids[0]}));
    if r.is_err() {
        failures.push(format!("release after the restart: {r:?}"));
    }
    let (mut second, _) = leaders.remove(1);
    second.kill().unwrap();
    second.wait().unwrap();
    let ended = wait_until(SECS, || session_ids(&d2).is_empty());
    if !ended {
        failures.push(format!("sessions left: {:?}", session_ids(&d2)));
    }
    let (mut first, _) = leaders.remove(0);
    let first_gone = wait_until(SECS, || first.try_wait().ok().flatten().is_some());
    let _ = first.kill();
    let _ = first.wait();
    if !first_gone {
        failures.push("the released session's leader was not ended (KillUserProcesses=yes)".into());
    }
    let tidy = wait_until(SECS, || !runtime.exists() && !alive(now));
    if !tidy {
        failures.push("the manager or the runtime directory outlived the sessions".into());
    }
    let report = w.finish("8 sessions across a daemon restart", d2.pid());
    drop(d);
    assert!(
        failures.is_empty(),
        "{}\n{}",
        failures.join("\n"),
        d2.report()
    );
    report.assert_served(&d2);
    kill(now);
}

/// A user floods the shared socket with connections (made and dropped as fast as their
/// threads can): everyone's connections wait in that socket's one listen backlog. Root's
/// tools go through the root-only socket beside it: the real `loginctl` run as root is
/// served meanwhile (its run time, which includes starting the program, is reported, not
/// bounded), and — the flood at its worst, a shared socket whose backlog stays full — it is
/// served where the shared socket never answers at all. Another user's fresh connections
/// share the flooded backlog: they are served, but how soon depends on winning a place in
/// it (20–180 ms seen at load 13–22 on 2 CPUs), so their latency too is reported, not
/// bounded, here.
#[test]
fn attack_9_connections_flood_the_shared_socket() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    let Some(linger_bin) = common::linger_bin() else {
        eprintln!("skipped: the linger binary is not built");
        return;
    };
    let s = Scene::new("f");
    let d = s.daemon("[Login]\n");
    let mut w = s.witnesses(&d);
    // `loginctl list-sessions` as root is told the shared socket, as on any machine.
    let loginctl = |socket: &str| {
        vec![
            "env".to_string(),
            format!("LINGER_LOGIN_SOCKET={socket}"),
            linger_bin.display().to_string(),
            "login".into(),
            "list-sessions".into(),
            "--no-legend".into(),
        ]
    };
    let mut probe = vec!["run-probe".to_string()];
    probe.extend(loginctl(&sock(&d)));
    let probe: Vec<&str> = probe.iter().map(String::as_str).collect();
    w.add("root's loginctl", Attack::witness(&probe, None));
    let atk = Attack::start(&["connect-flood", &sock(&d), "32"], Some(&s.attacker));
    atk.ready();
    w.mark(d.pid());
    let report = w.finish("9 connections flood the shared socket", d.pid());
    atk.stop();
    report.assert_served_but(&d, &["another user", "root's loginctl"]);

    // A shared socket that never accepts, its backlog full, with the daemon's root socket
    // beside it: root's loginctl is answered (it never tries the shared one).
    let frozen = s.path().join("frozen");
    std::fs::create_dir_all(&frozen).unwrap();
    let shared = frozen.join("login");
    let _held = full_listener(&shared);
    std::os::unix::fs::symlink(
        linger_ipc::login::root_socket(&d.socket()),
        linger_ipc::login::root_socket(&shared),
    )
    .unwrap();
    let args = loginctl(shared.to_str().unwrap());
    let mut run = Command::new(&args[0])
        .args(&args[1..])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let done = wait_until(SECS, || run.try_wait().ok().flatten().is_some());
    if !done {
        let _ = run.kill();
    }
    let out = run.wait_with_output().unwrap();
    assert!(
        done && out.status.success(),
        "root's loginctl, shared socket frozen: {} {:?}\n{}",
        if done {
            "exited"
        } else {
            "still waiting after 10 s"
        },
        out,
        d.report()
    );
}

/// A user sends READY=1 from 8 threads, as fast as the kernel takes them, to every notify
/// socket of the daemon: another user's manager's (refused: only its user may send there)
/// and their own manager's while it starts (read at most `notify_in::BUDGET` a window). The
/// daemon must go on with everything else: the witnesses' requests and logins (whose answers
/// wait for worker jobs the loop collects), a lingering user's manager start, and SIGTERM;
/// no datagram of theirs may reach another's socket. (Before, one socket writable by everyone
/// took every manager's datagrams: the daemon spent 2.95 s of CPU in 3.1 s reading the flood
/// and root once waited 116 ms — the flood's datagrams are counted as "other" then.)
#[test]
fn attack_10_notify_datagrams_flood_the_loop() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    let s = Scene::new("n");
    let mut d = s.daemon("[Login]\n");
    let w = s.witnesses(&d);
    let state = s.path().join("state");
    let atk = Attack::start(
        &["notify-flood", state.to_str().unwrap(), "8"],
        Some(&s.attacker),
    );
    atk.ready();
    let mut w = w;
    w.mark(d.pid());
    // Managers started meanwhile come up: the attacker's own (its socket flooded while it
    // starts) and another user's (whose socket the attacker may not send to).
    linger(&d, &s.attacker, true);
    linger(&d, &s.bystander, true);
    let up = wait_until(SECS, || {
        manager_pid(&d.run_dir(), s.bystander.uid).is_some()
    });
    let report = w.finish("10 notify datagrams flood the loop", d.pid());
    let own_up = manager_pid(&d.run_dir(), s.attacker.uid).is_some();
    // And the daemon still stops when told to.
    let t0 = std::time::Instant::now();
    let code = d.stop();
    let took = t0.elapsed();
    let sent = atk
        .stop()
        .into_iter()
        .find(|l| l.starts_with("sent "))
        .unwrap_or_default();
    assert!(
        up,
        "the lingering user's manager did not come up during the flood\n{}",
        d.report()
    );
    assert_eq!(
        code,
        Some(0),
        "SIGTERM during the flood: exit after {took:?}\n{}",
        d.report()
    );
    eprintln!(
        "10: stopped {took:?} after SIGTERM; attacker: {sent}; their own manager {}",
        if own_up { "up" } else { "not up yet" }
    );
    // The figures first (also those of a build where the flood reached the shared socket).
    report.assert_served(&d);
    assert!(
        sent.starts_with("sent own ") && sent.contains(" other 0 "),
        "the attacker's datagrams reached another's notify socket: {sent:?}\n{}",
        d.report()
    );
}

fn open_fds(pid: i32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).map_or(0, |d| d.count())
}

/// A user attaches 253 descriptors to each datagram they send to the journal sockets the
/// daemon routes (anyone may send to them). The kernel installs the descriptors in the
/// daemon as it receives: every one must be closed, and each socket must go on being read.
/// (Before: 16 of each datagram's descriptors were kept for ever, and the journal sockets
/// stopped being read after the first such datagram.) The managers' notify sockets, which
/// only their users may send to (attack 10), are read by the same `receive`.
#[test]
fn attack_11_descriptors_attached_to_datagrams() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    let s = Scene::new("d");
    let d = s.daemon("[Login]\n");
    let mut w = s.witnesses(&d);
    let sockets = [s.path().join("journal/socket"), s.path().join("dev-log")];
    let before = open_fds(d.pid());
    let mut failures = Vec::new();
    w.mark(d.pid());
    for sock in &sockets {
        assert!(sock.exists(), "no socket at {}", sock.display());
        let atk = Attack::start(
            &["fd-datagrams", sock.to_str().unwrap(), "200"],
            Some(&s.attacker),
        );
        // It ends by itself once it has sent them (or the daemon stopped taking them).
        let sent = atk
            .stop()
            .into_iter()
            .find(|l| l.starts_with("sent "))
            .unwrap_or_default();
        if sent != "sent 200" {
            failures.push(format!(
                "{}: {sent} of 200 (the daemon stopped reading?)",
                sock.display()
            ));
        }
    }
    // Read and closed: what the daemon holds is what it held (give or take a connection).
    let settled = wait_until(SECS, || open_fds(d.pid()) <= before + 8);
    if !settled {
        failures.push(format!(
            "the daemon holds {} descriptors, {before} before the datagrams",
            open_fds(d.pid())
        ));
    }
    // Still read: root can fill each socket's queue (10 datagrams here) many times over.
    for sock in &sockets {
        let rs = std::os::unix::net::UnixDatagram::unbound().unwrap();
        rs.set_write_timeout(Some(Duration::from_secs(2))).unwrap();
        let taken = (0..100)
            .take_while(|_| rs.send_to(b"MESSAGE=root\n", sock).is_ok())
            .count();
        if taken < 100 {
            failures.push(format!(
                "{}: only {taken} of root's datagrams taken",
                sock.display()
            ));
        }
    }
    let report = w.finish("11 descriptors attached to datagrams", d.pid());
    assert!(
        failures.is_empty(),
        "{}\n{}",
        failures.join("\n"),
        d.report()
    );
    report.assert_served(&d);
}

/// A listening socket at `path` that never accepts, its backlog full (every further
/// blocking connect waits): the listener and the connections filling it.
fn full_listener(path: &Path) -> Vec<std::os::fd::OwnedFd> {
    use rustix::net::{AddressFamily, SocketAddrUnix, SocketFlags, SocketType};
    let sock = |flags| {
        rustix::net::socket_with(AddressFamily::UNIX, SocketType::STREAM, flags, None).unwrap()
    };
    let l = sock(SocketFlags::CLOEXEC);
    let addr = SocketAddrUnix::new(path).unwrap();
    rustix::net::bind(&l, &addr).unwrap();
    rustix::net::listen(&l, 0).unwrap();
    let mut held = vec![l];
    loop {
        let c = sock(SocketFlags::CLOEXEC | SocketFlags::NONBLOCK);
        if rustix::net::connect(&c, &addr).is_err() {
            return held;
        }
        held.push(c);
    }
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The daemon's system journal as `linger journal -D … -o cat` prints it.
fn system_journal(s: &Scene) -> String {
    let Some(bin) = common::linger_bin() else {
        return String::new();
    };
    let out = Command::new(bin)
        .arg("journal")
        .arg("-D")
        .arg(s.path().join("system-journal"))
        .args(["-o", "cat"])
        .output()
        .expect("linger journal");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Which lines "TAG N" of a log probe (`login-attack log-probe`) `journal` holds.
fn marks(journal: &str, tag: &str) -> std::collections::BTreeSet<u64> {
    journal
        .lines()
        .filter_map(|l| l.strip_prefix(tag)?.strip_prefix(' ')?.parse().ok())
        .collect()
}

/// Every line the log probes of `report` (who, tag) sent is in the system journal — all of
/// them, from their first: "TAG 0" … "TAG N" without a gap, N at least the number sent while
/// watched — once the journal's writer has caught up.
fn all_logged(s: &Scene, report: &common::attack::Report, probes: &[(&str, &str)]) -> Vec<String> {
    let mut missing = Vec::new();
    for (who, tag) in probes {
        let sent = report
            .more
            .iter()
            .find(|(w, _)| w == who)
            .map_or(0, |(_, samples)| samples.len());
        let mut got = Default::default();
        let whole = wait_until(SECS, || {
            got = marks(&system_journal(s), tag);
            let last = got.last().copied().unwrap_or(0);
            !got.is_empty() && got.len() as u64 == last + 1 && got.len() >= sent
        });
        if !whole {
            let last = got.last().copied();
            let gaps: Vec<u64> = (0..=last.unwrap_or(0))
                .filter(|n| !got.contains(n))
                .take(10)
                .collect();
            missing.push(format!(
                "{who}: {} of its lines in the system journal (last {last:?}, missing {gaps:?}…), {sent} sent while watched",
                got.len()
            ));
        }
    }
    missing
}

/// The daemon's memory once an attack is over: within 16 MiB of what it was before.
fn memory_settles(d: &Daemon, before: u64, during: u64) -> Option<String> {
    let mut after = 0;
    let settled = wait_until(SECS, || {
        after = rss_kb(d.pid());
        after <= before + 16 * 1024
    });
    eprintln!(
        "daemon RSS {:.1} MB before, {:.1} MB during, {:.1} MB after",
        before as f64 / 1024.0,
        during as f64 / 1024.0,
        after as f64 / 1024.0
    );
    (!settled || during > before + 16 * 1024)
        .then(|| format!("RSS {before} KiB → {during} KiB during, {after} KiB after"))
}

/// A user connects to the journal's stdout socket (`/run/systemd/journal/stdout`, which
/// anyone may) and hangs up, from 32 threads as fast as they can. The daemon's loop used to
/// accept these (and look up the user's journal socket in their runtime directory for each):
/// the flood took the loop's CPU at the attacker's pace. Witnesses as usual, plus root's and
/// another user's programs logging through that socket meanwhile, a connection per line as
/// `systemd-cat` makes one: each line is taken within the bound and every one is in the
/// system journal afterwards; the daemon's memory stays where it was.
///
/// The flood runs at the witnesses' priority: what it needs is to connect faster than the
/// journal thread accepts, which a user gets on a quiet machine (a core to itself) and, so,
/// gets here on a busy one too. It found that while the backlog stayed full the accept loop
/// never gave its thread back: the streams it had accepted were never read and kept their
/// slots, and the other user's later connections were accepted and closed unread (17 of
/// ~150 lines arrived, 3 runs of 3; `journal_route.rs`'s header).
#[test]
fn attack_12_connections_flood_the_journal_stdout_socket() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    if common::linger_bin().is_none() {
        eprintln!("skipped: the linger binary is not built");
        return;
    }
    let s = Scene::new("o");
    let d = s.daemon("[Login]\n");
    let stdout = s.path().join("journal/stdout");
    let mut w = s.witnesses(&d);
    let probe = |tag| ["log-probe", path_str(&stdout), "stream", tag];
    w.add(
        "root's log stream",
        Attack::witness(&probe("rootstream"), None),
    );
    w.add(
        "another user's log stream",
        Attack::witness(&probe("userstream"), Some(&s.bystander)),
    );
    let before = rss_kb(d.pid());
    let atk = Attack::witness(
        &["connect-flood", path_str(&stdout), "32"],
        Some(&s.attacker),
    );
    atk.ready();
    w.mark(d.pid());
    let report = w.finish("12 connections flood the journal's stdout socket", d.pid());
    atk.stop();
    let mut failures = all_logged(
        &s,
        &report,
        &[
            ("root's log stream", "rootstream"),
            ("another user's log stream", "userstream"),
        ],
    );
    failures.extend(memory_settles(&d, before, report.rss_kb));
    assert!(
        failures.is_empty(),
        "{}\n{}\n{}",
        report.line(),
        failures.join("\n"),
        d.report()
    );
    report.assert_served(&d);
}

/// A user sends datagrams to the journal's native socket and to the syslog socket (anyone
/// may), from 4 threads each, as fast as they can. The daemon's loop used to receive these:
/// the flood took its CPU at the attacker's pace. Witnesses as usual, plus root logging
/// through both sockets and another user through the native one meanwhile: each send taken
/// within the bound, every line in the system journal afterwards (the attacker has no
/// manager: their lines go there too, and must not crowd out the others'), and the daemon's
/// memory where it was.
#[test]
fn attack_13_datagrams_flood_the_journal_sockets() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    if common::linger_bin().is_none() {
        eprintln!("skipped: the linger binary is not built");
        return;
    }
    let s = Scene::new("g");
    let d = s.daemon("[Login]\n");
    let native = s.path().join("journal/socket");
    let syslog = s.path().join("dev-log");
    let mut w = s.witnesses(&d);
    let probe = |sock: &Path, kind, tag| {
        vec![
            "log-probe".to_string(),
            path_str(sock).to_string(),
            String::from(kind),
            String::from(tag),
        ]
    };
    let witness = |args: Vec<String>, user| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Attack::witness(&args, user)
    };
    w.add(
        "root's native lines",
        witness(probe(&native, "native", "rootnative"), None),
    );
    w.add(
        "root's syslog lines",
        witness(probe(&syslog, "syslog", "rootsyslog"), None),
    );
    w.add(
        "another user's native lines",
        witness(probe(&native, "native", "usernative"), Some(&s.bystander)),
    );
    let before = rss_kb(d.pid());
    let floods: Vec<Attack> = [
        (&native, "MESSAGE=flood\nSYSLOG_IDENTIFIER=flood\n"),
        (&syslog, "<13>flood: flood"),
    ]
    .into_iter()
    .map(|(sock, text)| {
        Attack::start(
            &["datagram-flood", path_str(sock), "4", text],
            Some(&s.attacker),
        )
    })
    .collect();
    for f in &floods {
        f.ready();
    }
    w.mark(d.pid());
    let report = w.finish("13 datagrams flood the journal sockets", d.pid());
    for f in floods {
        f.stop();
    }
    let mut failures = all_logged(
        &s,
        &report,
        &[
            ("root's native lines", "rootnative"),
            ("root's syslog lines", "rootsyslog"),
            ("another user's native lines", "usernative"),
        ],
    );
    failures.extend(memory_settles(&d, before, report.rss_kb));
    assert!(
        failures.is_empty(),
        "{}\n{}\n{}",
        report.line(),
        failures.join("\n"),
        d.report()
    );
    report.assert_served(&d);
}

/// A user without a manager logs into the system journal (root's) as fast as they can. Each
/// user gets journald's `RateLimitBurst=` lines per `RateLimitIntervalSec=` there (here 500
/// per 6 s), the rest is dropped — before, nothing limited them, and once their lines had
/// used the writer's one window, root's were dropped with theirs. Root's lines must all be
/// there, the user's at most the burst (and their next line after the window), and the
/// suppression said once: "Suppressed N messages from uid U".
#[test]
fn attack_14_a_user_floods_the_system_journal() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    if common::linger_bin().is_none() {
        eprintln!("skipped: the linger binary is not built");
        return;
    }
    let s = Scene::new("l");
    std::fs::create_dir_all(s.path().join("conf")).unwrap();
    std::fs::write(
        s.path().join("conf/journald.conf"),
        "[Journal]\nRateLimitIntervalSec=6s\nRateLimitBurst=500\n",
    )
    .unwrap();
    let d = s.daemon("[Login]\n");
    let native = s.path().join("journal/socket");
    let mut w = s.witnesses(&d);
    w.add(
        "root's native lines",
        Attack::witness(
            &["log-probe", path_str(&native), "native", "rootline"],
            None,
        ),
    );
    let flood = Attack::start(
        &[
            "datagram-flood",
            path_str(&native),
            "4",
            "MESSAGE=flood\nSYSLOG_IDENTIFIER=flood\n",
        ],
        Some(&s.attacker),
    );
    flood.ready();
    w.mark(d.pid());
    let report = w.finish("14 a user floods the system journal", d.pid());
    flood.stop();
    let mut failures = all_logged(&s, &report, &[("root's native lines", "rootline")]);
    // The user goes on logging, slowly: their lines are dropped until the window the flood
    // began in is over, then the first one comes with the notice.
    let after = Attack::start(
        &["log-probe", path_str(&native), "native", "afterflood"],
        Some(&s.attacker),
    );
    let uid = s.attacker.uid;
    let notice = format!("messages from uid {uid}");
    let mut journal = String::new();
    let said = wait_until(Duration::from_secs(6) + SECS, || {
        journal = system_journal(&s);
        journal.contains("afterflood") && journal.contains(&notice)
    });
    after.stop();
    let notices: Vec<&str> = journal.lines().filter(|l| l.contains(&notice)).collect();
    let flooded = journal.lines().filter(|l| *l == "flood").count();
    eprintln!("14: {flooded} of the user's lines kept, notices {notices:?}");
    if !said || notices.len() != 1 || !notices[0].starts_with("Suppressed ") {
        failures.push(format!(
            "want one \"Suppressed N {notice}\" after the window: {notices:?} (their next lines there: {})",
            journal.contains("afterflood")
        ));
    }
    if flooded > 500 {
        failures.push(format!("{flooded} of the user's lines kept, burst 500"));
    }
    assert!(
        failures.is_empty(),
        "{}\n{}\n{}",
        report.line(),
        failures.join("\n"),
        d.report()
    );
    report.assert_served(&d);
}

/// A user puts a link to a socket only root may reach where their manager's socket goes
/// (`$XDG_RUNTIME_DIR/linger/manager`, in a directory of theirs) and kills their manager.
/// Before starting it again the daemon asks who listens there: it must not follow the link —
/// that would be a connection by root to a socket of the user's choosing (a root-only
/// service's, which may act on a bare connection: socket activation starts it) — and the
/// manager comes back all the same.
#[test]
fn attack_15_a_link_for_the_manager_socket() {
    use std::os::unix::fs::PermissionsExt;
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    let s = Scene::new("k");
    let d = s.daemon("[Login]\n");
    let a = &s.attacker;
    linger(&d, a, true);
    let pid = wait_manager(&d, a);
    // Root's socket, in a directory only root may enter.
    let private = s.path().join("private");
    std::fs::create_dir(&private).unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o700)).unwrap();
    let target = private.join("sock");
    let listener = std::os::unix::net::UnixListener::bind(&target).unwrap();
    listener.set_nonblocking(true).unwrap();
    let socket = d.run_dir().join(a.uid.to_string()).join("linger/manager");
    let linked = Command::new("setpriv")
        .arg(format!("--reuid={}", a.uid))
        .arg(format!("--regid={}", a.gid))
        .arg("--clear-groups")
        .args(["ln", "-sfn"])
        .arg(&target)
        .arg(&socket)
        .status()
        .unwrap();
    assert!(linked.success(), "ln as the user: {linked:?}");
    kill(pid);
    // The daemon asks before it starts the manager again; the new one puts its socket in
    // place of the link and answers (asked only then: the test does not follow the link).
    let mut again = None;
    assert!(
        wait_until(SECS, || {
            use std::os::unix::fs::FileTypeExt;
            let bound = std::fs::symlink_metadata(&socket).is_ok_and(|m| m.file_type().is_socket());
            again = bound
                .then(|| manager_pid(&d.run_dir(), a.uid))
                .flatten()
                .filter(|p| *p != pid);
            again.is_some()
        }),
        "manager not restarted\n{}",
        d.report()
    );
    match listener.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        other => panic!(
            "root connected to {} through the user's link: {other:?}",
            target.display()
        ),
    }
}

/// The user's processes as `login-attack call` sees them: one call as `user`, started now,
/// answered later (`Attack::lines`).
fn call_later(d: &Daemon, user: &TestUser, method: &str, params: serde_json::Value) -> Attack {
    Attack::start(&["call", &sock(d), method, &params.to_string()], Some(user))
}

/// The cgroup2 path of `pid` as `/proc/PID/cgroup` names it.
fn cgroup_of(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/cgroup"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("0::"))
        .unwrap_or_default()
        .to_string()
}

/// A user's manager asks root to move a process of the user's session into a cgroup of its
/// own (`AttachProcess`, what `systemd-run --user --scope` typed in a login makes it do).
/// The process ends and its pid goes to a root process between the daemon's checks and its
/// write of the pid into `cgroup.procs` (held open by a debug build's hook, `test_hooks.rs`;
/// the pid handed out again through `ns_last_pid`). Root's process must stay where it is:
/// below `user@UID.service` the user could freeze or `cgroup.kill` it. (Before, the daemon
/// wrote the pid as root and moved root's process there.) A process that stays put through
/// the same window is moved as asked.
#[test]
fn attack_16_attach_a_pid_about_to_be_reused() {
    if !root_or_skip() {
        return;
    }
    let _serial = common::attack::one_at_a_time();
    let s = Scene::new("m");
    let Some(cg) = s.cgroup().map(Path::to_path_buf) else {
        eprintln!("skipped: needs a cgroup2 tree");
        return;
    };
    let held = s.path().join("attach-held");
    let d = Daemon::launch_env(
        s.path(),
        Opts {
            cgroup: Some(&cg),
            wrapper: &NICE,
            ..Opts::default()
        },
        &[("LINGER_LOGIN_TEST_HOLD_ATTACH", &held)],
    );
    let user = &s.attacker;
    linger(&d, user, true);
    wait_manager(&d, user);
    // The user's own cgroup below their manager's, made as the user (as their manager would).
    let service = cg
        .join("linger.slice")
        .join(format!("user-{}.slice", user.uid))
        .join(format!("user@{}.service", user.uid));
    let own = service.join("evil.scope");
    let made = {
        use std::os::unix::process::CommandExt;
        Command::new("mkdir")
            .arg(&own)
            .uid(user.uid)
            .gid(user.gid)
            .status()
            .unwrap()
    };
    assert!(made.success(), "the user cannot make {}", own.display());
    // A process of the user in a session of theirs (which lasts as long as the PAM
    // module's connection).
    let in_session = || {
        use std::os::unix::process::CommandExt;
        let p = Command::new("sleep")
            .arg("1000")
            .uid(user.uid)
            .gid(user.gid)
            .spawn()
            .unwrap();
        let mut pam = d.client();
        pam.call(
            "io.linger.Login.CreateSession",
            json!({"uid": user.uid, "pid": p.id()}),
        )
        .unwrap_or_else(|e| panic!("CreateSession: {e}\n{}", d.report()));
        (p, pam)
    };
    let (mut leader, _login) = in_session();
    let pid = leader.id();
    let scope = cgroup_of(pid);
    assert!(
        scope.ends_with(".scope"),
        "the session's process is in {scope:?}"
    );
    let slice = scope.rsplit_once('/').unwrap().0;
    let target = format!("{slice}/user@{}.service/evil.scope", user.uid);
    let attach = |pid: u32| {
        call_later(
            &d,
            user,
            "io.linger.Login.AttachProcess",
            json!({"pid": pid, "cgroup": target}),
        )
    };
    let in_window = |pid: u32| {
        let mut at = None;
        let reached = wait_until(SECS, || {
            at = std::fs::read_to_string(&held).ok();
            at.is_some()
        });
        assert!(
            reached && at.as_deref() == Some(&pid.to_string()),
            "the move of {pid} never reached the hook ({at:?})\n{}",
            d.report()
        );
    };
    let answer = |call: Attack| {
        wait_until(SECS, || !call.lines().is_empty());
        call.stop().join("\n")
    };
    // The race: the process ends in the window, a root process gets its pid.
    let call = attach(pid);
    in_window(pid);
    leader.kill().unwrap();
    leader.wait().unwrap();
    let Some(mut victim) = recycle_pid(pid) else {
        panic!("could not give pid {pid} to a new process");
    };
    let before = cgroup_of(pid);
    std::fs::remove_file(&held).unwrap();
    let said = answer(call);
    let after = cgroup_of(pid);
    let _ = victim.kill();
    let _ = victim.wait();
    // The control: a process that lives through the window is moved.
    let (mut kept, _login2) = in_session();
    let call = attach(kept.id());
    in_window(kept.id());
    std::fs::remove_file(&held).unwrap();
    let said_kept = answer(call);
    let kept_in = cgroup_of(kept.id());
    let _ = kept.kill();
    let _ = kept.wait();
    let _ = wait_until(SECS, || std::fs::remove_dir(&own).is_ok());
    eprintln!(
        "16: the reused pid: {said}; the process that stayed: {said_kept} (now in {kept_in})"
    );
    assert_eq!(
        after,
        before,
        "root's process that got pid {pid} was moved into the user's cgroup; the daemon said {said}\n{}",
        d.report()
    );
    assert!(
        said.starts_with("error"),
        "the move of a reused pid: {said}"
    );
    assert!(
        kept_in == target && !said_kept.starts_with("error"),
        "the user's own process was not moved: in {kept_in:?}, the daemon said {said_kept}\n{}",
        d.report()
    );
}
