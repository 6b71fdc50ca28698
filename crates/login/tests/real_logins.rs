//! Real logins against the real login daemon: `pamtester` and `su -l` through a PAM stack
//! with the built `pam_linger.so`, checked with the real `loginctl`. Root only (throwaway
//! users, a temp PAM service, a private cgroup); elsewhere each test prints "skipped".
#![allow(clippy::print_stderr, clippy::print_stdout)]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::real::{ESCAPEES, Login, PamService, kill_pids, read_pid, real_or_skip, su, su_spawn};
use common::{TestCgroup, TestUser, alive, wait_until};

const SECS: Duration = Duration::from_secs(10);
const PAMTESTER: (&str, &str) = ("/usr/bin/pamtester", "pamtester");

fn user_name(tag: &str) -> String {
    format!("lge{}{tag}", std::process::id() % 100_000)
}

/// The session id a `su` command printed as `XDG_SESSION_ID=N`.
fn session_id(out: &str) -> String {
    out.lines()
        .find_map(|l| l.strip_prefix("XDG_SESSION_ID="))
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| panic!("no XDG_SESSION_ID in:\n{out}"))
        .to_string()
}

/// What a session runs: lists sessions with the real loginctl, says its id, and leaves
/// a `nohup` and a `setsid -f` process behind.
fn login_script(l: &Login) -> String {
    format!(
        "LINGER_LOGIN_SOCKET={} {} list-sessions --no-legend; echo XDG_SESSION_ID=$XDG_SESSION_ID; {ESCAPEES}",
        l.d.socket().display(),
        l.d.dir.join("loginctl").display()
    )
}

fn state_of(l: &Login, id: &str) -> String {
    l.loginctl(None, &["show-session", id, "-p", "State", "--value"])
        .stdout
        .trim()
        .to_string()
}

#[test]
fn pamtester_and_su_sessions_come_and_go_and_take_escapees_along() {
    if !real_or_skip(&[PAMTESTER]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let user = TestUser::create(&user_name("k"), &dir.path().join("home"));
    let cg = TestCgroup::create("e2e-kill");
    let l = Login::start(
        dir.path(),
        cg.as_ref().map(|c| c.path.as_path()),
        "[Login]\nKillUserProcesses=yes\nUserStopDelaySec=0\n",
    );

    // pamtester: pam_exec after our module lists the sessions while the session is open.
    let pt = PamService::new("pt", &l.d.socket());
    let during = dir.path().join("during.txt");
    let script = dir.path().join("list.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nLINGER_LOGIN_SOCKET={} exec {} list-sessions --no-legend > {}\n",
            l.d.socket().display(),
            l.d.dir.join("loginctl").display(),
            during.display()
        ),
    )
    .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    pt.append(&format!(
        "session required pam_exec.so type=open_session {}",
        script.display()
    ));
    let out = Command::new("pamtester")
        .args([&pt.name, &user.name, "open_session", "close_session"])
        .output()
        .unwrap();
    assert!(out.status.success(), "pamtester: {out:?}");
    let seen = std::fs::read_to_string(&during).unwrap_or_default();
    assert!(
        seen.lines()
            .any(|l| l.split_whitespace().nth(2) == Some(user.name.as_str())),
        "no session of {} listed during pamtester's session:\n{seen}\nlog:\n{}",
        user.name,
        l.d.log()
    );
    assert!(l.wait_no_sessions(&user), "pamtester's session stayed");

    // su -l: the session is listed inside, its id is exported, escapees die at logout.
    let pam = PamService::new("su", &l.d.socket());
    let r = su(&pam, &user, &login_script(&l));
    assert_eq!(r.code, 0, "su: {r:?}");
    let id = session_id(&r.stdout);
    assert!(
        r.stdout.lines().any(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            f.first() == Some(&id.as_str()) && f.get(2) == Some(&user.name.as_str())
        }),
        "session {id} not in list-sessions inside the login: {r:?}"
    );
    let home = dir.path().join("home");
    let pids = [
        read_pid(&home.join("nohup.pid")),
        read_pid(&home.join("setsid.pid")),
    ];
    let dead = wait_until(SECS, || pids.iter().all(|p| !alive(*p)));
    kill_pids(&pids);
    assert!(
        dead,
        "nohup/setsid processes survived KillUserProcesses=yes"
    );
    assert!(l.wait_no_sessions(&user), "su's session stayed");
    // The last session went and the user does not linger: the manager and runtime dir go.
    let runtime = l.d.run_dir().join(user.uid.to_string());
    assert!(wait_until(SECS, || !runtime.exists()), "runtime dir left");
}

#[test]
fn escapees_survive_without_kill_user_processes_and_for_excluded_users() {
    if !real_or_skip(&[]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let user = TestUser::create(&user_name("n"), &dir.path().join("home"));
    let cg = TestCgroup::create("e2e-nokill");
    let l = Login::start(
        dir.path(),
        cg.as_ref().map(|c| c.path.as_path()),
        "[Login]\nKillUserProcesses=no\nUserStopDelaySec=0\n",
    );
    let pam = PamService::new("su", &l.d.socket());
    let home = dir.path().join("home");
    let excluded = format!(
        "[Login]\nKillUserProcesses=yes\nKillExcludeUsers=root {}\nUserStopDelaySec=0\n",
        user.name
    );
    for (case, conf) in [
        ("KillUserProcesses=no", None),
        ("KillExcludeUsers", Some(&excluded)),
    ] {
        if let Some(c) = conf {
            l.reconfigure(c);
        }
        let _ = std::fs::remove_file(home.join("nohup.pid"));
        let _ = std::fs::remove_file(home.join("setsid.pid"));
        let r = su(&pam, &user, &login_script(&l));
        assert_eq!(r.code, 0, "{case}: su: {r:?}");
        let id = session_id(&r.stdout);
        let pids = [
            read_pid(&home.join("nohup.pid")),
            read_pid(&home.join("setsid.pid")),
        ];
        // Logged out, the session stays "closing" while its processes run.
        let closing = wait_until(SECS, || state_of(&l, &id) == "closing");
        let survived = pids.iter().all(|p| alive(*p));
        kill_pids(&pids);
        assert!(
            survived,
            "{case}: escapees were killed; log:\n{}",
            l.d.log()
        );
        assert!(
            closing,
            "{case}: session {id} not closing: {}",
            state_of(&l, &id)
        );
        assert!(
            l.wait_no_sessions(&user),
            "{case}: session {id} not removed once its processes ended"
        );
    }
}

/// keep.service enabled the way `systemctl --user enable` leaves it.
fn install_keep_service(home: &Path, user: &TestUser) {
    let units = home.join(".config/systemd/user");
    std::fs::create_dir_all(units.join("default.target.wants")).unwrap();
    std::fs::write(
        units.join("keep.service"),
        "[Unit]\nDescription=kept\n[Service]\nExecStart=/bin/sleep 1000\nRestart=always\n\
         [Install]\nWantedBy=default.target\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        "../keep.service",
        units.join("default.target.wants/keep.service"),
    )
    .unwrap();
    let st = Command::new("chown")
        .args(["-R", &format!("{}:{}", user.uid, user.gid)])
        .arg(home.join(".config"))
        .status()
        .unwrap();
    assert!(st.success());
}

/// keep.service's main pid, asked as the user of their manager (None: not running).
fn keep_pid(l: &Login, user: &TestUser) -> Option<u32> {
    let r = l.ctl(user, &["show", "keep.service", "-p", "MainPID", "--value"]);
    r.stdout
        .trim()
        .parse()
        .ok()
        .filter(|p| *p != 0 && alive(*p))
}

#[test]
fn linger_keeps_a_users_service_across_logout_and_daemon_restart() {
    if !real_or_skip(&[]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let user = TestUser::create(&user_name("l"), &home);
    install_keep_service(&home, &user);
    let cg = TestCgroup::create("e2e-linger");
    let cgp = cg.as_ref().map(|c| c.path.as_path());
    let conf = "[Login]\nKillUserProcesses=yes\nUserStopDelaySec=0\n";
    let mut l = Login::start(dir.path(), cgp, conf);
    let pam = PamService::new("su", &l.d.socket());
    let linger = dir.path().join("linger").join(&user.name);
    let runtime = l.d.run_dir().join(user.uid.to_string());

    // Without linger: the login starts the manager, which runs keep.service; logout ends both.
    let r = su(
        &pam,
        &user,
        &format!(
            "{} ctl show keep.service -p ActiveState -p MainPID",
            common::linger_bin().unwrap().display()
        ),
    );
    assert!(
        r.stdout.contains("ActiveState=active"),
        "keep.service inside the login: {r:?}\nlog:\n{}",
        l.d.log()
    );
    let pid: u32 = r
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("MainPID="))
        .and_then(|p| p.parse().ok())
        .expect("MainPID");
    assert!(
        wait_until(SECS, || !alive(pid) && !runtime.exists()),
        "keep.service ({pid}) or the runtime dir outlived the logout without linger"
    );

    // enable-linger as the user, without root: the manager comes up with keep.service.
    let r = l.loginctl(Some(&user), &["enable-linger"]);
    assert_eq!(r.code, 0, "enable-linger as the user: {r:?}");
    let ls = Command::new("ls")
        .arg(dir.path().join("linger"))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&ls.stdout)
            .lines()
            .any(|l| l == user.name),
        "ls of the linger dir: {ls:?}"
    );
    assert!(linger.exists());
    let mut pid = None;
    assert!(
        wait_until(SECS, || {
            pid = keep_pid(&l, &user);
            pid.is_some()
        }),
        "keep.service not started by linger; log:\n{}",
        l.d.log()
    );
    let pid = pid.unwrap();
    // A login and logout leave it running.
    let r = su(&pam, &user, "true");
    assert_eq!(r.code, 0, "{r:?}");
    assert!(l.wait_no_sessions(&user));
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(keep_pid(&l, &user), Some(pid), "keep.service after logout");

    // "Reboot": the daemon stops (and with it the managers), then starts with no login.
    assert_eq!(l.d.restart(), Some(0), "clean stop; log:\n{}", l.d.log());
    assert!(
        wait_until(SECS, || !alive(pid)),
        "keep.service outlived the daemon's stop"
    );
    let mut again = None;
    assert!(
        wait_until(SECS, || {
            again = keep_pid(&l, &user);
            again.is_some()
        }),
        "keep.service not back after the restart; log:\n{}",
        l.d.log()
    );
    assert_ne!(again, Some(pid));
    assert!(l.sessions_of(&user).is_empty(), "no login happened");

    // disable-linger as the user: the manager and keep.service go.
    let r = l.loginctl(Some(&user), &["disable-linger"]);
    assert_eq!(r.code, 0, "disable-linger: {r:?}");
    assert!(!linger.exists());
    assert!(
        wait_until(SECS, || !alive(again.unwrap()) && !runtime.exists()),
        "keep.service or the runtime dir outlived disable-linger"
    );
}

#[test]
fn users_cannot_touch_each_others_linger_sessions_or_managers() {
    if !real_or_skip(&[]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let a = TestUser::create(&user_name("a"), &dir.path().join("home/a"));
    let b = TestUser::create(&user_name("b"), &dir.path().join("home/b"));
    let l = Login::start(dir.path(), None, "[Login]\nUserStopDelaySec=0\n");
    let pam = PamService::new("su", &l.d.socket());
    let mut b_login = su_spawn(&pam, &b, "sleep 30");
    let mut ids = Vec::new();
    let up = wait_until(SECS, || {
        ids = l.sessions_of(&b);
        !ids.is_empty()
    });
    let mut failures = Vec::new();
    let mut check = |what: &str, r: common::real::Run, want: &str| {
        if r.code != 1 || !r.stderr.contains(want) {
            failures.push(format!("{what}: want exit 1 and {want:?}, got {r:?}"));
        }
    };
    if up {
        let id = ids[0].as_str();
        check(
            "A enable-linger B",
            l.loginctl(Some(&a), &["enable-linger", &b.name]),
            "Access denied",
        );
        assert_eq!(l.loginctl(None, &["enable-linger", &b.name]).code, 0);
        check(
            "A disable-linger B",
            l.loginctl(Some(&a), &["disable-linger", &b.name]),
            "Access denied",
        );
        check(
            "A terminate-session B's",
            l.loginctl(Some(&a), &["terminate-session", id]),
            "Access denied",
        );
        check(
            "A terminate-user B",
            l.loginctl(Some(&a), &["terminate-user", &b.name]),
            "Access denied",
        );
        check(
            "A kill-session B's",
            l.loginctl(Some(&a), &["kill-session", id]),
            "Access denied",
        );
        // B's manager socket: A gets no further than the runtime directory.
        let b_run = l.d.run_dir().join(b.uid.to_string());
        let r = l.ctl_in(&a, &b_run, &["list-units"]);
        check("A connects to B's manager", r, "Permission denied");
        assert!(b_run.join("linger/manager").exists(), "B's manager runs");
        assert_eq!(l.sessions_of(&b), ids, "B's session untouched");
        assert!(dir.path().join("linger").join(&b.name).exists());
        // Root may: end B's login.
        let r = l.loginctl(None, &["terminate-session", id]);
        assert_eq!(r.code, 0, "{r:?}");
        assert_eq!(l.loginctl(None, &["disable-linger", &b.name]).code, 0);
    }
    let _ = b_login.kill();
    let _ = b_login.wait();
    assert!(up, "B's session never appeared; log:\n{}", l.d.log());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An application that loads libpam privately (`RTLD_LOCAL`: Python's ctypes, as python-pam
/// does) can still load the module: it names libpam.so.0 as a dependency, as PAM modules do.
#[test]
fn the_module_loads_into_a_process_that_loaded_libpam_privately() {
    let Some(module) = common::real::pam_module() else {
        eprintln!("skipped: pam_linger.so is not built (cargo build -p pam_linger)");
        return;
    };
    let check = "import ctypes, sys\nctypes.CDLL('libpam.so.0')\nctypes.CDLL(sys.argv[1])\n";
    let Ok(out) = Command::new("python3")
        .args(["-c", check])
        .arg(&module)
        .output()
    else {
        eprintln!("skipped: python3 is not installed");
        return;
    };
    assert!(
        out.status.success(),
        "{} does not load next to a private libpam: {}",
        module.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The how-to's flow: with linger on, `systemd-run --user --scope CMD` typed in a login
/// session puts CMD in a scope of the user's manager; at logout (KillUserProcesses=yes) the
/// session's `nohup` process dies, the scope's process lives on.
#[test]
fn a_scope_made_in_a_session_outlives_the_logout_with_linger() {
    if !real_or_skip(&[]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let user = TestUser::create(&user_name("c"), &home);
    let Some(cg) = TestCgroup::create("e2e-scope") else {
        eprintln!("skipped: scopes need a cgroup2 tree");
        return;
    };
    let conf = "[Login]\nKillUserProcesses=yes\nUserStopDelaySec=0\n";
    let l = Login::start(dir.path(), Some(cg.path.as_path()), conf);
    let r = l.loginctl(Some(&user), &["enable-linger"]);
    assert_eq!(r.code, 0, "enable-linger: {r:?}");
    let runtime = l.d.run_dir().join(user.uid.to_string());
    assert!(
        wait_until(SECS, || common::manager_pid(&l.d.run_dir(), user.uid)
            .is_some()),
        "no lingering manager; log:\n{}",
        l.d.log()
    );
    let run = dir.path().join("systemd-run");
    std::os::unix::fs::symlink(common::linger_bin().unwrap(), &run).unwrap();
    let (scope_pid, nohup_pid) = (home.join("scope.pid"), home.join("nohup.pid"));
    let script = format!(
        "{run} --user --scope --unit=kept /bin/sleep 1000 > {home}/run.out 2>&1 & echo $! > {scope}; \
         nohup sleep 1001 >/dev/null 2>&1 & echo $! > {nohup}; \
         for i in $(seq 100); do {ctl} ctl is-active --quiet kept.scope && break; sleep 0.05; done",
        run = run.display(),
        home = home.display(),
        scope = scope_pid.display(),
        nohup = nohup_pid.display(),
        ctl = common::linger_bin().unwrap().display(),
    );
    let pam = PamService::new("scope", &l.d.socket());
    let r = su(&pam, &user, &script);
    assert_eq!(r.code, 0, "{r:?}");
    let (scoped, nohup) = (read_pid(&scope_pid), read_pid(&nohup_pid));
    assert!(l.wait_no_sessions(&user), "the session did not end");
    assert!(
        wait_until(SECS, || !alive(nohup)),
        "the session's nohup process survived the logout"
    );
    assert!(
        alive(scoped),
        "the scope's process died with the session; run said: {:?}; log:\n{}",
        std::fs::read_to_string(home.join("run.out")),
        l.d.log()
    );
    let own = std::fs::read_to_string(format!("/proc/{scoped}/cgroup")).unwrap();
    assert!(
        own.contains(&format!("/user@{}.service/app.slice/kept.scope", user.uid)),
        "{own}"
    );
    let r = l.ctl_in(
        &user,
        &runtime,
        &["show", "kept.scope", "-p", "ActiveState", "--value"],
    );
    assert_eq!(r.stdout.trim(), "active", "{r:?}");
    // disable-linger: the manager stops, and its scope with it.
    let r = l.loginctl(Some(&user), &["disable-linger"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        wait_until(SECS, || !alive(scoped)),
        "the scope outlived its manager"
    );
}

/// `linger journal ARGS` as `user` (their own journal under `home`).
fn user_journal(l: &Login, user: &TestUser, home: &Path, args: &[&str]) -> String {
    let out = Command::new("runuser")
        .args(["-u", &user.name, "--", "env"])
        .arg(format!("HOME={}", home.display()))
        .arg(format!(
            "XDG_RUNTIME_DIR={}",
            l.d.run_dir().join(user.uid.to_string()).display()
        ))
        .arg(common::linger_bin().unwrap())
        .args(["journal", "--no-pager"])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_killed_user_manager_comes_back_and_readopts_its_services() {
    if !real_or_skip(&[]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let user = TestUser::create(&user_name("r"), &home);
    let units = home.join(".config/systemd/user");
    std::fs::create_dir_all(units.join("default.target.wants")).unwrap();
    std::fs::write(
        units.join("tick.service"),
        "[Service]\nExecStart=/bin/sh -c 'i=0; while :; do i=$((i+1)); echo tick $i; sleep 0.1; done'\n\
         Restart=always\n[Install]\nWantedBy=default.target\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        "../tick.service",
        units.join("default.target.wants/tick.service"),
    )
    .unwrap();
    let st = Command::new("chown")
        .args(["-R", &format!("{}:{}", user.uid, user.gid)])
        .arg(&home)
        .status()
        .unwrap();
    assert!(st.success());
    let cg = TestCgroup::create("e2e-recover");
    let cgp = cg.as_ref().map(|c| c.path.as_path());
    let l = Login::start(dir.path(), cgp, "[Login]\nKillUserProcesses=yes\n");
    let r = l.loginctl(None, &["enable-linger", &user.name]);
    assert_eq!(r.code, 0, "{r:?}");
    let main_pid = || {
        l.ctl(&user, &["show", "tick.service", "-p", "MainPID", "--value"])
            .stdout
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|p| *p != 0 && alive(*p))
    };
    let mut pid = None;
    assert!(
        wait_until(SECS, || {
            pid = main_pid();
            pid.is_some()
        }),
        "tick.service not started by linger; log:\n{}",
        l.d.log()
    );
    let pid = pid.unwrap();
    let ticks = || {
        user_journal(
            &l,
            &user,
            &home,
            &["--user-unit", "tick.service", "-o", "cat"],
        )
        .lines()
        .filter_map(|t| t.strip_prefix("tick ")?.parse::<u32>().ok())
        .collect::<Vec<_>>()
    };
    assert!(wait_until(SECS, || ticks().len() >= 3), "no ticks logged");
    let manager = common::manager_pid(&l.d.run_dir(), user.uid).expect("the manager answers");

    // SIGKILL: nothing of the manager's own clean-up runs.
    kill_pids(&[manager]);
    let mut back = None;
    assert!(
        wait_until(SECS, || {
            back = common::manager_pid(&l.d.run_dir(), user.uid).filter(|p| *p != manager);
            back.is_some()
        }),
        "the login daemon did not start a new manager; log:\n{}",
        l.d.log()
    );
    assert!(
        wait_until(SECS, || main_pid() == Some(pid)),
        "tick.service was not re-adopted (MainPID now {:?}, was {pid}); log:\n{}",
        main_pid(),
        l.d.log()
    );
    if cg.is_some() {
        let cgroup = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).unwrap();
        assert!(
            cgroup.contains(&format!("user@{}.service/app.slice/tick.service", user.uid)),
            "not in its unit cgroup any more: {cgroup}"
        );
    }
    let n = ticks().len();
    assert!(
        wait_until(SECS, || ticks().len() > n + 3),
        "output no longer captured after the recovery"
    );
    let t = ticks();
    assert!(
        t.windows(2).all(|w| w[1] == w[0] + 1),
        "ticks lost or repeated across the crash: {t:?}"
    );
    // Exactly one ticker of this user: no duplicate was started.
    let tickers: Vec<u32> = common::pids_of_uid(user.uid)
        .into_iter()
        .filter(|p| {
            std::fs::read_to_string(format!("/proc/{p}/cmdline"))
                .is_ok_and(|c| c.contains("echo tick"))
        })
        .collect();
    // The ticker's own fork before it execs `sleep` has its command line for a moment.
    let tickers = linger_test_support::leaving_out_their_forks(&tickers);
    assert_eq!(tickers, vec![pid], "duplicates after the recovery");
    // Stop reaches the adopted process.
    let r = l.ctl(&user, &["stop", "tick.service"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        wait_until(SECS, || !alive(pid)),
        "stop missed the adopted process"
    );
    let r = l.loginctl(None, &["disable-linger", &user.name]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        wait_until(SECS, || common::pids_of_uid(user.uid).is_empty()),
        "processes of the user left after disable-linger: {:?}",
        common::pids_of_uid(user.uid)
    );
}
