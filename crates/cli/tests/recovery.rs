//! Crash recovery: a user manager killed with SIGKILL and started again re-adopts the
//! services still running — same processes, their output still captured, stop and Restart=
//! still working — instead of starting duplicates or leaving orphans.

use linger_test_support::{Manager, alive, free_port, http_get};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn journal(m: &Manager, args: &[&str]) -> String {
    let mut all = vec!["journal", "--no-pager"];
    all.extend_from_slice(args);
    m.linger(&all).stdout
}

fn ticks(m: &Manager) -> Vec<u32> {
    journal(m, &["-u", "ticker.service", "-o", "cat"])
        .lines()
        .filter_map(|l| l.strip_prefix("tick ")?.parse().ok())
        .collect()
}

/// Processes whose command line contains `needle` (the duplicates a bad recovery would make),
/// leaving out their own children (a shell loop's fork before it execs `sleep`). Each one's
/// parent is read as it is found: a fork may be gone by the end of the scan, and then its
/// parent could no longer be asked.
fn processes_with(needle: &str) -> Vec<u32> {
    let mut found = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        if String::from_utf8_lossy(&cmd).contains(needle) && alive(pid) {
            found.push((pid, linger_test_support::parent_of(pid)));
        }
    }
    let pids: Vec<u32> = found.iter().map(|f| f.0).collect();
    found
        .iter()
        .filter(|(_, parent)| !parent.is_some_and(|p| pids.contains(&p)))
        .map(|f| f.0)
        .collect()
}

/// The fd keeper of this test's manager (found by its runtime directory in its environment).
fn keeper_of(m: &Manager) -> Vec<u32> {
    let marker = format!("XDG_RUNTIME_DIR={}", m.runtime().display());
    processes_with("--fd-keeper")
        .into_iter()
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/environ"))
                .map(|e| e.split(|&b| b == 0).any(|v| v == marker.as_bytes()))
                .unwrap_or(false)
        })
        .collect()
}

#[test]
fn a_killed_manager_readopts_its_services_without_duplicates_or_lost_output() {
    let mut m = Manager::new(BIN);
    // A marker in the command line tells this test's ticker from any other process.
    let marker = format!("ticker-{}", std::process::id());
    m.write_unit(
        "ticker.service",
        &format!("[Service]\nExecStart=/bin/sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.05; done' {marker}\nRestart=always\nRestartSec=100ms\n"),
    );
    m.write_unit(
        "setup.service",
        "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n",
    );
    m.write_unit(
        "tick.timer",
        "[Timer]\nOnActiveSec=1h\nUnit=setup.service\n",
    );
    m.start();
    m.systemctl(&["start", "ticker.service", "setup.service", "tick.timer"])
        .expect_code(0);
    let pid = m.main_pid("ticker.service");
    assert!(pid > 0);
    let next_elapse = m.prop("tick.timer", "NextElapseUSecMonotonic");
    m.wait_for("some ticks", |m| ticks(m).len() >= 3);

    m.crash();
    // While no manager runs the service goes on writing: the keeper holds its pipe, so it
    // neither dies of SIGPIPE nor loses those lines.
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(alive(pid), "the service died with its manager");
    assert_eq!(keeper_of(&m).len(), 1, "one fd keeper outlives the manager");
    m.start();

    m.wait_for("the service back under the new manager", |m| {
        m.systemctl(&["is-active", "ticker.service"]).code == 0
    });
    assert_eq!(m.main_pid("ticker.service"), pid, "not the same process");
    assert_eq!(
        processes_with(&marker),
        vec![pid],
        "a duplicate was started"
    );
    assert_eq!(m.prop("setup.service", "ActiveState"), "active");
    assert_eq!(m.prop("setup.service", "SubState"), "exited");
    assert_eq!(m.prop("tick.timer", "ActiveState"), "active");
    assert_eq!(
        m.prop("tick.timer", "NextElapseUSecMonotonic"),
        next_elapse,
        "the timer counted again from the new manager's start"
    );
    let before = ticks(&m).len();
    m.wait_for("ticks after the recovery", |m| ticks(m).len() > before + 3);
    let t = ticks(&m);
    assert!(
        t.windows(2).all(|w| w[1] == w[0] + 1),
        "output lost or duplicated across the crash: {t:?}"
    );
    let log = journal(&m, &["-o", "cat"]);
    assert!(log.contains("re-adopted 1 running service"), "{log}");

    // Restart= still acts on the adopted process (not our child: seen through a pidfd).
    rustix::process::kill_process(
        rustix::process::Pid::from_raw(pid as i32).unwrap(),
        rustix::process::Signal::KILL,
    )
    .unwrap();
    m.wait_for("a restarted ticker", |m| {
        let p = m.main_pid("ticker.service");
        p != 0 && p != pid && m.systemctl(&["is-active", "ticker.service"]).code == 0
    });
    assert_eq!(m.prop("ticker.service", "NRestarts"), "1");
    // Not our child, yet its exit status is known (PIDFD_INFO_EXIT, Linux ≥ 6.15).
    let log = journal(&m, &["-u", "ticker.service", "-o", "cat"]);
    if !log.contains("does not tell its exit status") {
        assert!(log.contains("code=killed, status=9/KILL"), "{log}");
    }
    let new_pid = m.main_pid("ticker.service");
    m.systemctl(&["stop", "ticker.service"]).expect_code(0);
    assert!(!alive(new_pid));
    assert!(processes_with(&marker).is_empty());
    m.shutdown();
    // A clean exit ends the keeper and leaves nothing to recover.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !keeper_of(&m).is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(keeper_of(&m).is_empty(), "the keeper outlived a clean exit");
    assert!(!m.runtime().join("linger/recovery.log").exists());
}

#[test]
fn an_adopted_service_is_stopped_and_its_socket_keeps_listening() {
    let mut m = Manager::new(BIN);
    let port = free_port();
    let marker = format!("web-{}", std::process::id());
    m.write_unit(
        "web.socket",
        &format!("[Socket]\nListenStream=127.0.0.1:{port}\n"),
    );
    // The service serves on the socket it is handed (fd 3), as socket activation does.
    m.write_unit(
        "web.service",
        &format!("[Service]\nExecStart=/usr/bin/python3 -c 'import http.server,socket,sys; s=socket.socket(fileno=3); h=http.server.HTTPServer((\"127.0.0.1\",0),http.server.SimpleHTTPRequestHandler,bind_and_activate=False); h.socket=s; h.serve_forever()' {marker}\nWorkingDirectory=%h\n"),
    );
    std::fs::write(m.home().join("hello.txt"), "hello\n").unwrap();
    m.start();
    m.systemctl(&["start", "web.socket"]).expect_code(0);
    let url_ok = |_: &Manager| http_get(port).is_some_and(|r| r.contains("hello.txt"));
    m.wait_for("the socket-activated server", url_ok);
    let pid = m.main_pid("web.service");
    assert!(pid > 0);

    m.crash();
    // The listening socket is the keeper's and the service's: connections still work.
    assert!(
        url_ok(&m),
        "the server stopped answering without its manager"
    );
    m.start();
    m.wait_for("web.service re-adopted", |m| {
        m.systemctl(&["is-active", "web.service"]).code == 0
    });
    assert_eq!(m.main_pid("web.service"), pid);
    assert_eq!(m.prop("web.socket", "ActiveState"), "active");
    assert_eq!(processes_with(&marker), vec![pid]);
    m.systemctl(&["stop", "web.service"]).expect_code(0);
    assert!(!alive(pid), "stop did not reach the adopted process");
    // The socket (adopted from the keeper, never closed) starts the service again.
    m.wait_for("activation through the adopted socket", url_ok);
    let again = m.main_pid("web.service");
    assert!(again > 0 && again != pid);
    m.systemctl(&["stop", "web.socket", "web.service"])
        .expect_code(0);
    assert!(processes_with(&marker).is_empty());
    m.shutdown();
}

#[test]
fn a_service_that_died_while_no_manager_ran_is_restarted_per_restart_policy() {
    let mut m = Manager::new(BIN);
    let marker = format!("lost-{}", std::process::id());
    m.write_unit(
        "again.service",
        &format!("[Service]\nExecStart=/bin/sh -c 'while true; do sleep 0.05; done' {marker}-a\nRestart=always\nRestartSec=50ms\n"),
    );
    m.write_unit(
        "once.service",
        &format!("[Service]\nExecStart=/bin/sh -c 'while true; do sleep 0.05; done' {marker}-o\n"),
    );
    m.start();
    m.systemctl(&["start", "again.service", "once.service"])
        .expect_code(0);
    let (a, o) = (m.main_pid("again.service"), m.main_pid("once.service"));
    m.crash();
    for pid in [a, o] {
        rustix::process::kill_process(
            rustix::process::Pid::from_raw(pid as i32).unwrap(),
            rustix::process::Signal::KILL,
        )
        .unwrap();
    }
    // Reaped by their new parent before a manager looks: a zombie's exit status can still be
    // read (the manager then reports the SIGKILL, a failure: recovery.rs's unit test
    // a_zombies_exit_status_is_read_from_proc covers that reading); gone, it
    // is the status that died with the old manager that this test is about.
    m.wait_for("the killed main processes reaped", |_| {
        [a, o]
            .iter()
            .all(|pid| !std::path::Path::new(&format!("/proc/{pid}")).exists())
    });
    m.start();
    m.wait_for("again.service restarted", |m| {
        let p = m.main_pid("again.service");
        p != 0 && p != a && m.systemctl(&["is-active", "again.service"]).code == 0
    });
    // Restart=no: the unit ends (its exit status died with the old manager: a clean exit).
    m.wait_for("once.service gone", |m| {
        m.prop("once.service", "ActiveState") == "inactive"
    });
    assert_eq!(processes_with(&format!("{marker}-o")), Vec::<u32>::new());
    let log = journal(&m, &["-u", "once.service", "-o", "cat"]);
    assert!(
        log.contains(&format!(
            "Main process {o} exited while the manager was down"
        )),
        "{log}"
    );
    m.systemctl(&["stop", "again.service"]).expect_code(0);
    assert!(processes_with(&format!("{marker}-a")).is_empty());
    m.shutdown();
}

#[test]
fn a_recovered_manager_stops_its_adopted_services_when_it_exits() {
    let mut m = Manager::new(BIN);
    let marker = format!("bye-{}", std::process::id());
    for i in 0..20 {
        m.write_unit(
            &format!("s{i}.service"),
            // No stop timeout: a manager that did not signal them would wait for ever (and
            // the harness's SIGKILL after its own deadline would leave them running).
            &format!("[Service]\nExecStart=/bin/sh -c 'while :; do sleep 1; done' {marker}\nTimeoutStopSec=infinity\n"),
        );
    }
    m.start();
    let names: Vec<String> = (0..20).map(|i| format!("s{i}.service")).collect();
    let mut args = vec!["start"];
    args.extend(names.iter().map(String::as_str));
    m.systemctl(&args).expect_code(0);
    // Type=simple: a start returns after the fork, maybe before the exec that makes the
    // marker visible in the command line.
    m.wait_for("20 services exec'd", |_| {
        processes_with(&marker).len() == 20
    });
    m.crash();
    m.start();
    let mut args = vec!["is-active"];
    args.extend(names.iter().map(String::as_str));
    m.wait_for("all 20 re-adopted", |m| m.systemctl(&args).code == 0);
    assert_eq!(processes_with(&marker).len(), 20, "duplicates");
    m.shutdown();
    assert!(
        processes_with(&marker).is_empty(),
        "adopted services outlived the manager"
    );
}

#[test]
fn a_stop_or_restart_under_way_at_the_crash_is_carried_out_by_the_next_manager() {
    let mut m = Manager::new(BIN);
    let marker = format!("midway-{}", std::process::id());
    // Ignores SIGTERM: its stop takes until TimeoutStopSec= and SIGKILL. Under the first
    // manager that is an hour, so however slow a loaded machine makes the steps below, the
    // stop is still under way at the crash (with 2 s it could end first); the next manager
    // reads the unit file again, with 2 s.
    let stubborn = |timeout: &str| {
        format!(
            "[Service]\nExecStart=/bin/sh -c 'trap \"\" TERM; while :; do sleep 0.1; done' {marker}\nTimeoutStopSec={timeout}\n"
        )
    };
    m.write_unit("stubborn.service", &stubborn("1h"));
    // Fails at once and waits 2 s before its automatic restart.
    m.write_unit(
        "flaky.service",
        "[Service]\nExecStart=/bin/sh -c 'sleep 0.2; exit 1'\nRestart=always\nRestartSec=2\n",
    );
    m.start();
    m.systemctl(&["start", "stubborn.service", "flaky.service"])
        .expect_code(0);
    m.systemctl(&["stop", "--no-block", "stubborn.service"])
        .expect_code(0);
    m.wait_for("stubborn.service stopping", |m| {
        m.prop("stubborn.service", "ActiveState") == "deactivating"
    });
    m.wait_for("flaky.service waiting to restart", |m| {
        m.prop("flaky.service", "SubState") == "auto-restart"
    });
    m.crash();
    m.write_unit("stubborn.service", &stubborn("2"));
    m.start();
    // SIGTERM ignored → SIGKILL after TimeoutStopSec=: "failed" with result timeout, as systemd.
    m.wait_for("the stop finished by the new manager", |m| {
        m.prop("stubborn.service", "ActiveState") == "failed"
    });
    assert_eq!(m.prop("stubborn.service", "Result"), "timeout");
    assert!(processes_with(&marker).is_empty());
    m.wait_for("the pending restart done by the new manager", |m| {
        m.prop("flaky.service", "ExecMainStartTimestampMonotonic") != "0"
            && matches!(
                m.prop("flaky.service", "ActiveState").as_str(),
                "active" | "activating" | "deactivating"
            )
    });
    m.shutdown();
}

/// Wait until the manager, told to kill itself at a crash point, did, and reap it.
fn crashed_at_its_point(m: &mut Manager) {
    let pid = m.pid().expect("a manager");
    m.wait_for("the manager to kill itself at its crash point", |_| {
        !alive(pid)
    });
    m.crash();
}

/// Two crashes in a row, each at the worst moment for output — no timing luck: the manager
/// kills itself (`LINGER_CRASH_AT`) right after the journal wrote a service's lines and
/// before their bytes left the pipe, then the next one right after announcing such a write
/// and before doing it. Every line is in the journal exactly once.
#[test]
fn two_crashes_in_a_row_still_recover_the_same_service_and_its_output() {
    let mut m = Manager::new(BIN);
    let marker = format!("twice-{}", std::process::id());
    m.write_unit(
        "ticker.service",
        &format!("[Service]\nExecStart=/bin/sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.05; done' {marker}\n"),
    );
    m.start_wrapped(&["env", "LINGER_CRASH_AT=journal-written"]);
    m.systemctl(&["start", "--no-block", "ticker.service"])
        .expect_code(0);
    crashed_at_its_point(&mut m);
    let pid = processes_with(&marker);
    assert_eq!(pid.len(), 1, "{pid:?}");
    let pid = pid[0];
    // Recovers the ticker, reads the lines it wrote meanwhile, announces their write: killed.
    m.launch_wrapped(&["env", "LINGER_CRASH_AT=journal-intent"]);
    crashed_at_its_point(&mut m);
    m.start();
    m.wait_for("the ticker back", |m| {
        m.systemctl(&["is-active", "ticker.service"]).code == 0
    });
    assert_eq!(m.main_pid("ticker.service"), pid);
    m.wait_for("ticks after two recoveries", |m| ticks(m).len() > 5);
    let t = ticks(&m);
    assert_eq!(t[0], 1, "{t:?}");
    assert!(
        t.windows(2).all(|w| w[1] == w[0] + 1),
        "lost or written twice: {t:?}"
    );
    assert_eq!(processes_with(&marker), vec![pid]);
    assert_eq!(keeper_of(&m).len(), 1);
    m.shutdown();
    assert!(processes_with(&marker).is_empty());
}

/// A socket unit caught by crashes half way up goes on from there, as systemd's serialization
/// would have it: in `start-pre` (the first command done, the second running) and then in
/// `start-post` (its sockets open, the first command running), each command runs once, the
/// running one is waited for, and the socket comes up on the sockets it opened.
#[test]
fn a_socket_half_way_up_at_a_crash_runs_no_start_command_twice() {
    let mut m = Manager::new(BIN);
    let port = free_port();
    let home = m.home();
    std::fs::create_dir_all(&home).unwrap();
    let log = home.join("commands.log");
    let (gate_pre, gate_post) = (home.join("gate-pre"), home.join("gate-post"));
    for g in [&gate_pre, &gate_post] {
        rustix::fs::mknodat(
            rustix::fs::CWD,
            g,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
    }
    let (l, gp, gq) = (log.display(), gate_pre.display(), gate_post.display());
    m.write_unit(
        "mid.socket",
        &format!(
            "[Socket]\nListenStream=127.0.0.1:{port}\n\
             ExecStartPre=/bin/sh -c 'echo pre1 >> {l}'\n\
             ExecStartPre=/bin/sh -c 'echo pre2 >> {l}; read x < {gp}'\n\
             ExecStartPre=/bin/sh -c 'echo pre3 >> {l}'\n\
             ExecStartPost=/bin/sh -c 'echo post1 >> {l}; read x < {gq}'\n\
             ExecStartPost=/bin/sh -c 'echo post2 >> {l}'\n"
        ),
    );
    m.write_unit("mid.service", "[Service]\nExecStart=/bin/sleep infinity\n");
    let ran = || std::fs::read_to_string(&log).unwrap_or_default();
    let open_gate = |g: &std::path::Path| {
        // Blocks until the command opens its end: it is waiting there.
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().write(true).open(g).unwrap();
        f.write_all(b"go\n").unwrap();
    };
    m.start();
    m.systemctl(&["start", "--no-block", "mid.socket"])
        .expect_code(0);
    m.wait_for("the second ExecStartPre= running", |_| {
        ran() == "pre1\npre2\n"
    });
    assert_eq!(m.prop("mid.socket", "SubState"), "start-pre");
    m.crash();
    m.start();
    assert_eq!(m.prop("mid.socket", "SubState"), "start-pre");
    open_gate(&gate_pre);
    m.wait_for("the first ExecStartPost= running", |_| {
        ran().ends_with("post1\n")
    });
    assert_eq!(m.prop("mid.socket", "SubState"), "start-post");
    // Open in start-post: a client's connection waits in the backlog, across the crash.
    let _client = std::net::TcpStream::connect(("127.0.0.1", port)).expect("open in start-post");
    m.crash();
    m.start();
    assert_eq!(m.prop("mid.socket", "SubState"), "start-post");
    open_gate(&gate_post);
    // Up on the sockets it opened before the crash: the waiting connection starts the
    // service.
    m.wait_for(
        "the socket up, its service started by the waiting client",
        |m| {
            m.prop("mid.socket", "SubState") == "running"
                && m.prop("mid.service", "ActiveState") == "active"
        },
    );
    assert_eq!(
        ran(),
        "pre1\npre2\npre3\npost1\npost2\n",
        "a command ran twice or not"
    );
    m.systemctl(&["stop", "mid.socket", "mid.service"])
        .expect_code(0);
    m.shutdown();
}

#[test]
fn a_manager_killed_during_a_burst_of_output_loses_no_line() {
    let mut m = Manager::new(BIN);
    let marker = format!("burst-{}", std::process::id());
    const LINES: u32 = 200_000;
    m.write_unit(
        "burst.service",
        &format!("[Service]\nExecStart=/bin/sh -c 'seq -f \"line %%07g\" 1 {LINES}; exec sleep infinity' {marker}\n"),
    );
    // No rate limit: every line is to be kept.
    std::fs::create_dir_all(m.home().join(".config/linger")).unwrap();
    std::fs::write(
        m.home().join(".config/linger/journald.conf"),
        "[Journal]\nRateLimitBurst=0\n",
    )
    .unwrap();
    m.start();
    m.systemctl(&["start", "burst.service"]).expect_code(0);
    let lines = |m: &Manager| -> Vec<String> {
        journal(m, &["-u", "burst.service", "-o", "cat"])
            .lines()
            .map(str::to_string)
            .collect()
    };
    let number = |l: &str| -> Option<u32> { l.strip_prefix("line ")?.parse().ok() };
    // Killed while lines are being read from the pipe and written to the journal.
    m.wait_for("the first lines", |m| {
        lines(m).iter().any(|l| number(l).is_some())
    });
    m.crash();
    m.start();
    let last = format!("line {LINES:07}");
    m.wait_for("the last line", |m| lines(m).contains(&last));
    let got = lines(&m);
    let mut seen: Vec<u32> = got.iter().filter_map(|l| number(l)).collect();
    let total = seen.len();
    seen.sort_unstable();
    seen.dedup();
    let missing: Vec<u32> = (1..=LINES)
        .filter(|n| seen.binary_search(n).is_err())
        .collect();
    // The one line being written at the moment of the kill may lose its beginning (what the
    // killed manager had taken of it); it is there, cut, not lost.
    let cut: Vec<&String> = got
        .iter()
        .filter(|l| {
            number(l).is_none()
                && l.chars()
                    .all(|c| c.is_ascii_digit() || " eilnr".contains(c))
        })
        .collect();
    assert!(
        missing.is_empty()
            || (missing.len() == 1
                && cut.len() == 1
                && format!("line {:07}", missing[0]).ends_with(cut[0].as_str())),
        "{} lines lost across the crash, the first {:?}; cut lines {cut:?}",
        missing.len(),
        &missing[..missing.len().min(10)]
    );
    // None written twice: a kill between the journal's write and the bytes' removal from the
    // pipe is settled by the next manager (the fd keeper's intents).
    let twice = total - seen.len();
    assert_eq!(twice, 0, "{twice} lines written twice");
    m.systemctl(&["stop", "burst.service"]).expect_code(0);
    assert!(processes_with(&marker).is_empty());
    m.shutdown();
}

/// Processes whose last command-line argument is `arg` (leaving out their own forks before
/// an exec, which carry the same command line).
fn processes_named(arg: &str) -> Vec<u32> {
    let last = |pid: u32| {
        let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let words: Vec<&[u8]> = cmd.split(|&b| b == 0).filter(|w| !w.is_empty()).collect();
        words.last().is_some_and(|w| *w == arg.as_bytes())
    };
    processes_with(arg)
        .into_iter()
        .filter(|&pid| last(pid))
        .collect()
}

/// Without cgroups a re-adopted unit's processes are found without reading every process on
/// the machine each time (tracker.rs): the first look reads /proc and remembers them, later
/// ones walk from those and from where orphans go. Every kind of process of the unit is still
/// found and stopped: its main process's child and grandchild, an orphan it left before the
/// crash (now init's), and one it leaves after the new manager looked (its parent exits at
/// once, so no walk from the unit's processes can see it).
#[test]
fn a_readopted_service_with_a_forked_grandchild_and_orphans_is_stopped_whole() {
    let mut m = Manager::new(BIN);
    let marker = format!("whole-{}", std::process::id());
    // A failed stop would leave them running: ended here whatever happens.
    struct EndThem(String);
    impl Drop for EndThem {
        fn drop(&mut self) {
            for pid in processes_with(&self.0) {
                if let Some(p) = rustix::process::Pid::from_raw(pid as i32) {
                    let _ = rustix::process::kill_process(p, rustix::process::Signal::KILL);
                }
            }
        }
    }
    let _end = EndThem(marker.clone());
    let home = m.home();
    std::fs::create_dir_all(&home).unwrap();
    let (lp, chain, main, trigger) = (
        home.join("loop.sh"),
        home.join("chain.sh"),
        home.join("main.sh"),
        home.join("trigger"),
    );
    std::fs::write(&lp, "while :; do sleep 1; done\n").unwrap();
    std::fs::write(
        &chain,
        format!("/bin/sh {} \"$1\"-grand &\nwait\n", lp.display()),
    )
    .unwrap();
    std::fs::write(
        &main,
        format!(
            "/bin/sh {c} {marker}-child &\n\
             (/bin/sh {l} {marker}-early &)\n\
             while :; do\n\
               if [ -e {t} ]; then rm -f {t}; (/bin/sh {l} {marker}-late &); fi\n\
               sleep 0.05\n\
             done\n",
            c = chain.display(),
            l = lp.display(),
            t = trigger.display()
        ),
    )
    .unwrap();
    m.write_unit(
        "whole.service",
        &format!(
            "[Service]\nExecStart=/bin/sh {} {marker}-main\nTimeoutStopSec=30\n",
            main.display()
        ),
    );
    m.start();
    m.systemctl(&["start", "whole.service"]).expect_code(0);
    let one = |suffix: &str| {
        let found = processes_named(&format!("{marker}-{suffix}"));
        (found.len() == 1).then(|| found[0])
    };
    m.wait_for(
        "the main process, its child, grandchild and early orphan",
        |_| {
            ["main", "child", "child-grand", "early"]
                .iter()
                .all(|s| one(s).is_some())
        },
    );
    let before: Vec<u32> = ["main", "child", "child-grand", "early"]
        .iter()
        .map(|s| one(s).unwrap())
        .collect();
    m.crash();
    m.start();
    m.wait_for("whole.service re-adopted", |m| {
        m.systemctl(&["is-active", "whole.service"]).code == 0
    });
    assert_eq!(m.main_pid("whole.service"), before[0]);
    // The first look (all of /proc) finds them all.
    let listed = |m: &Manager| {
        m.systemctl(&["status", "--no-pager", "whole.service"])
            .stdout
    };
    let status = listed(&m);
    for pid in &before {
        assert!(
            status.contains(&pid.to_string()),
            "{pid} not listed:\n{status}"
        );
    }
    // An orphan made now: its parent (a subshell) exits at once, and it is the reaper's.
    std::fs::write(&trigger, "").unwrap();
    m.wait_for("the late orphan, its parent gone", |_| {
        one("late").is_some_and(|p| {
            linger_test_support::parent_of(p).is_some_and(|pp| !before.contains(&pp))
        }) && !trigger.exists()
    });
    let late = one("late").unwrap();
    m.systemctl(&["stop", "whole.service"]).expect_code(0);
    for pid in before.iter().chain([&late]) {
        assert!(!alive(*pid), "{pid} outlived the stop");
    }
    assert!(
        processes_with(&marker).is_empty(),
        "{:?}",
        processes_with(&marker)
    );
    m.shutdown();
}

/// `status` of a unit with its "since …; … ago" made independent of when it is asked.
fn status_now(m: &Manager, unit: &str) -> String {
    let out = m
        .systemctl(&["status", "--no-pager", "-n", "0", unit])
        .stdout;
    out.lines()
        .map(|l| match l.find("; ") {
            Some(i) if l.ends_with(" ago") => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_unit_failed_before_a_crash_or_a_reexec_comes_back_failed_with_its_result() {
    let mut m = Manager::new(BIN);
    m.write_unit(
        "broken.service",
        "[Service]\nExecStartPre=/bin/true\nExecStart=/bin/sh -c 'exit 3'\n",
    );
    m.write_unit(
        "killed.service",
        "[Service]\nExecStart=/bin/sh -c 'kill -9 $$$$'\n",
    );
    m.write_unit("fine.service", "[Service]\nExecStart=/bin/sleep infinity\n");
    m.start();
    m.systemctl(&["start", "fine.service"]).expect_code(0);
    for unit in ["broken.service", "killed.service"] {
        m.systemctl(&["start", unit]);
        m.wait_for("the unit failed", |m| {
            m.prop(unit, "ActiveState") == "failed"
        });
    }
    let props = [
        "ActiveState",
        "SubState",
        "Result",
        "ExecMainPID",
        "ExecMainCode",
        "ExecMainStatus",
        "ExecMainStartTimestamp",
        "ExecMainExitTimestamp",
        "InactiveEnterTimestampMonotonic",
        "ActiveEnterTimestampMonotonic",
        "ActiveExitTimestampMonotonic",
        "InactiveExitTimestampMonotonic",
        "StateChangeTimestampMonotonic",
        "InvocationID",
        "NRestarts",
    ];
    let snapshot = |m: &Manager| {
        let mut all = Vec::new();
        for unit in ["broken.service", "killed.service"] {
            all.push(status_now(m, unit));
            for p in props {
                all.push(format!("{unit} {p}={}", m.prop(unit, p)));
            }
        }
        all
    };
    let before = snapshot(&m);
    assert!(
        before[0].contains("Active: failed (Result: exit-code)") && before[0].contains("status=3"),
        "{}",
        before[0]
    );
    let killed = &before[1 + props.len()];
    assert!(
        killed.contains("Active: failed (Result: signal)") && killed.contains("signal=SIGKILL"),
        "{killed}"
    );
    let fine = m.main_pid("fine.service");

    m.crash();
    m.start();
    m.wait_for("fine.service re-adopted", |m| {
        m.systemctl(&["is-active", "fine.service"]).code == 0
    });
    assert_eq!(m.main_pid("fine.service"), fine);
    assert_eq!(snapshot(&m), before, "after a crash");
    m.systemctl(&["is-failed", "broken.service", "killed.service"])
        .expect_code(0);

    // The same across a daemon-reexec.
    m.systemctl(&["daemon-reexec"]).expect_code(0);
    m.wait_for("the re-executed manager", |m| {
        m.systemctl(&["is-active", "fine.service"]).code == 0
    });
    assert_eq!(snapshot(&m), before, "after a daemon-reexec");

    // And reset-failed forgets it: nothing comes back failed after the next crash.
    m.systemctl(&["reset-failed", "broken.service"])
        .expect_code(0);
    m.crash();
    m.start();
    m.wait_for("fine.service re-adopted again", |m| {
        m.systemctl(&["is-active", "fine.service"]).code == 0
    });
    assert_eq!(m.prop("broken.service", "ActiveState"), "inactive");
    assert_eq!(m.prop("killed.service", "ActiveState"), "failed");
    assert_eq!(m.prop("killed.service", "Result"), "signal");
    m.systemctl(&["stop", "fine.service"]).expect_code(0);
    m.shutdown();
}

/// The last record of `unit` in a manager's crash-recovery log (read from the file: asking
/// the manager would be an event, and a turn).
fn last_record(m: &Manager, unit: &str) -> Option<String> {
    let log = std::fs::read_to_string(m.runtime().join("linger/recovery.log")).ok()?;
    let key = format!("{unit}\t");
    log.lines()
        .rev()
        .find_map(|l| l.strip_prefix(key.as_str()))
        .map(str::to_string)
}

#[test]
fn a_unit_collected_in_a_turn_has_its_record_cleared_in_that_turn() {
    let mut m = Manager::new(BIN);
    m.write_unit(
        "gone.service",
        "[Unit]\nCollectMode=inactive-or-failed\n[Service]\nExecStart=/bin/sh -c 'exit 3'\n",
    );
    m.start();
    m.systemctl(&["start", "gone.service"]);
    // Failed, its record written — and, with no event after it, cleared: the unit was
    // unloaded at the end of that turn.
    m.wait_for("the collected unit's record cleared", |m| {
        last_record(m, "gone.service").as_deref() == Some("{}")
    });
    m.crash();
    m.start();
    assert_eq!(m.prop("gone.service", "ActiveState"), "inactive");
    assert_eq!(m.prop("gone.service", "Result"), "success");
    m.shutdown();
}
