//! End to end: a real `linger daemon --user` in a temp HOME, driven by `systemctl --user`
//! (a link to the binary) exactly as the how-tos type it. No root needed.

use linger_test_support::{Manager, alive, free_port, http_get};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn manager() -> Manager {
    let mut m = Manager::new(BIN);
    m.start();
    m
}

/// The issue's session, verbatim apart from the port (tests run in parallel).
#[test]
fn how_to_session_simple_web_server() {
    let mut m = Manager::new(BIN);
    let port = free_port();
    let web = m.home().join("web-content");
    std::fs::create_dir_all(&web).unwrap();
    std::fs::write(web.join("hello.txt"), "hi").unwrap();
    m.write_unit(
        "simple-web.service",
        &format!(
            "[Unit]\nDescription=Simple Web Server\n[Service]\nExecStart=/usr/bin/python3 -m http.server {port} --bind 127.0.0.1\nWorkingDirectory={}\nRestart=always\n[Install]\nWantedBy=default.target\n",
            web.display()
        ),
    );
    m.start();
    m.systemctl(&["daemon-reload"]).expect_code(0);
    let en = m
        .systemctl(&["enable", "--now", "simple-web.service"])
        .expect_code(0);
    assert!(en.stderr.contains("Created symlink"), "{}", en.stderr);
    assert!(
        m.unit_dir()
            .join("default.target.wants/simple-web.service")
            .is_symlink()
    );
    let st = m
        .systemctl(&["status", "simple-web.service"])
        .expect_code(0);
    assert!(
        st.stdout.contains("Active: active (running) since "),
        "{}",
        st.stdout
    );
    assert!(st.stdout.contains("; enabled;"), "{}", st.stdout);
    m.wait_for("the web server to answer", |_| {
        http_get(port).is_some_and(|b| b.contains("hello.txt"))
    });
    let pid = m.main_pid("simple-web.service");
    assert!(pid > 0);
    rustix::process::kill_process(
        rustix::process::Pid::from_raw(pid as i32).unwrap(),
        rustix::process::Signal::KILL,
    )
    .unwrap();
    m.wait_for("Restart=always to bring it back", |m| {
        let new = m.main_pid("simple-web.service");
        new != 0 && new != pid && http_get(port).is_some_and(|b| b.contains("hello.txt"))
    });
    assert_eq!(m.prop("simple-web.service", "NRestarts"), "1");
    let st = m
        .systemctl(&["status", "simple-web.service"])
        .expect_code(0);
    assert!(
        st.stdout
            .contains("Scheduled restart job, restart counter is at 1."),
        "{}",
        st.stdout
    );
    m.systemctl(&["stop", "simple-web.service"]).expect_code(0);
    assert_eq!(
        m.systemctl(&["is-active", "simple-web.service"])
            .expect_code(3)
            .stdout
            .trim(),
        "inactive"
    );
    assert!(
        http_get(port).is_none(),
        "server still answering after stop"
    );
}

#[test]
fn missing_binary_and_bad_working_directory_show_exec_stage() {
    let m = manager();
    m.write_unit(
        "nobin.service",
        "[Service]\nExecStart=/nonexistent/bin --flag\n",
    );
    m.write_unit(
        "nodir.service",
        "[Service]\nExecStart=/bin/sleep 100\nWorkingDirectory=/nonexistent/dir\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "nobin.service"]).expect_code(0);
    m.wait_for("nobin to fail", |m| {
        m.prop("nobin.service", "ActiveState") == "failed"
    });
    let st = m.systemctl(&["status", "nobin.service"]).expect_code(3);
    assert!(st.stdout.contains("status=203/EXEC"), "{}", st.stdout);
    assert!(
        st.stdout
            .contains("Failed to execute /nonexistent/bin: No such file or directory"),
        "{}",
        st.stdout
    );
    m.systemctl(&["start", "nodir.service"]).expect_code(0);
    m.wait_for("nodir to fail", |m| {
        m.prop("nodir.service", "ActiveState") == "failed"
    });
    let st = m.systemctl(&["status", "nodir.service"]).expect_code(3);
    assert!(st.stdout.contains("status=200/CHDIR"), "{}", st.stdout);
}

#[test]
fn exec_type_start_fails_when_program_is_missing() {
    let m = manager();
    m.write_unit(
        "x.service",
        "[Service]\nType=exec\nExecStart=/nonexistent/x\n",
    );
    let r = m.systemctl(&["start", "x.service"]).expect_code(1);
    assert!(
        r.stderr.contains(
            "Job for x.service failed because the control process exited with error code."
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn oneshot_notify_and_forking_types() {
    let m = manager();
    let dir = m.home();
    m.write_unit(
        "once.service",
        &format!("[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/sh -c 'echo one > {0}/once'\nExecStart=/bin/sh -c 'echo two >> {0}/once'\n", dir.display()),
    );
    m.systemctl(&["start", "once.service"]).expect_code(0);
    assert_eq!(
        std::fs::read_to_string(dir.join("once")).unwrap(),
        "one\ntwo\n"
    );
    assert_eq!(m.prop("once.service", "SubState"), "exited");

    // A real sd_notify speaker: READY=1 and STATUS= over $NOTIFY_SOCKET after a delay.
    let script = dir.join("notify.py");
    std::fs::write(
        &script,
        "import os, socket, time\ntime.sleep(0.3)\ns = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\ns.connect(os.environ['NOTIFY_SOCKET'])\ns.send(b'READY=1\\nSTATUS=Serving')\ntime.sleep(100)\n",
    )
    .unwrap();
    m.write_unit(
        "ready.service",
        &format!(
            "[Service]\nType=notify\nExecStart=/usr/bin/python3 {}\n",
            script.display()
        ),
    );
    m.systemctl(&["start", "ready.service"]).expect_code(0);
    assert_eq!(
        m.prop("ready.service", "ActiveState"),
        "active",
        "start returns only after READY=1"
    );
    assert_eq!(m.prop("ready.service", "StatusText"), "Serving");

    // A classic double-forking daemon with a PID file.
    let pidfile = dir.join("d.pid");
    m.write_unit(
        "forker.service",
        &format!(
            "[Service]\nType=forking\nPIDFile={0}\nExecStart=/bin/sh -c 'setsid sleep 1000 & echo $! > {0}'\n",
            pidfile.display()
        ),
    );
    m.systemctl(&["start", "forker.service"]).expect_code(0);
    let pid = m.main_pid("forker.service");
    assert!(pid > 0 && alive(pid));
    assert_eq!(
        std::fs::read_to_string(&pidfile).unwrap().trim(),
        pid.to_string()
    );
    m.systemctl(&["stop", "forker.service"]).expect_code(0);
    assert!(!alive(pid), "forking daemon survived stop");
}

#[test]
fn stop_ends_processes_that_escaped_with_setsid_and_nohup() {
    let m = manager();
    let dir = m.home();
    m.write_unit(
        "escape.service",
        &format!(
            "[Service]\nExecStart=/bin/sh -c 'setsid sleep 1001 & nohup sleep 1002 >/dev/null 2>&1 & (sleep 1003 &) ; echo ok > {}/ready; exec sleep 1004'\n",
            dir.display()
        ),
    );
    m.systemctl(&["start", "escape.service"]).expect_code(0);
    m.wait_for("the children", |_| dir.join("ready").exists());
    let st = m.systemctl(&["status", "escape.service"]).expect_code(0);
    let pids: Vec<u32> = st
        .stdout
        .lines()
        .filter(|l| l.contains("sleep 100"))
        .filter_map(|l| {
            l.trim_start_matches(|c: char| !c.is_ascii_digit())
                .split(' ')
                .next()?
                .parse()
                .ok()
        })
        .collect();
    assert_eq!(
        pids.len(),
        4,
        "all four processes are tracked:\n{}",
        st.stdout
    );
    m.systemctl(&["stop", "escape.service"]).expect_code(0);
    for p in pids {
        assert!(!alive(p), "pid {p} escaped the stop");
    }
}

#[test]
fn bad_unit_does_not_break_good_ones() {
    let m = manager();
    m.write_unit("good.service", "[Service]\nExecStart=/bin/sleep 100\n");
    m.write_unit(
        "bad.service",
        "[Service]\nExecStart=/bin/sleep 100\nRestart=sometimes\nFooBar=1\n",
    );
    m.write_unit("noexec.service", "[Service]\nRestart=always\n");
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "good.service"]).expect_code(0);
    assert_eq!(m.prop("good.service", "ActiveState"), "active");
    let r = m.systemctl(&["start", "noexec.service"]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("noexec.service"), "{}", r.stderr);
    // The manager logs the bad directive when it loads the unit — here for the first status.
    // The journal has the line once its writer wrote it (asynchronously, as journald's are:
    // under load that came after the first status had read its log tail, and this failed), and
    // from then on `status`'s log tail names it.
    m.systemctl(&["status", "bad.service"]);
    let said = "Failed to parse Restart= value 'sometimes'";
    m.wait_for("the bad directive in the journal", |m| {
        m.linger(&["journal", "-u", "bad.service", "-o", "cat"])
            .stdout
            .contains(said)
    });
    let st = m.systemctl(&["status", "bad.service"]);
    assert!(
        st.stdout.contains(said),
        "the bad directive is named:\n{}",
        st.stdout
    );
    assert_eq!(m.prop("good.service", "ActiveState"), "active");
}

/// A unit with a bad setting: `status` gives systemd's reason in place of the path, and the
/// setting at fault in the log tail (the manager logged it when it loaded the unit).
#[test]
fn status_of_a_unit_with_a_bad_setting_says_why() {
    let m = manager();
    m.write_unit("bad.service", "[Service]\nType=simple\n");
    let r = m.systemctl(&["status", "--no-pager", "bad.service"]);
    let header = r.stdout.split_once("\n\n").map_or(&*r.stdout, |(h, _)| h);
    assert!(
        header.contains(
            "     Loaded: bad-setting (Reason: Unit bad.service has a bad unit file setting.)\n"
        ),
        "{}",
        r.stdout
    );
    // The journal has it (written asynchronously, as journald's are), then the tail shows it.
    let said = "bad.service: Service has no ExecStart=";
    m.wait_for("the reason in the journal", |m| {
        m.linger(&["journal", "-u", "bad.service", "-o", "cat"])
            .stdout
            .contains(said)
    });
    let r = m.systemctl(&["status", "--no-pager", "bad.service"]);
    let tail = r.stdout.split_once("\n\n").map_or("", |(_, t)| t);
    assert_eq!(tail.matches(said).count(), 1, "{}", r.stdout);
}

#[test]
fn masked_unit_refuses_to_start_and_unmask_restores_it() {
    let m = manager();
    // Like systemctl, masking refuses to replace a real unit file in ~/.config/systemd/user…
    m.write_unit("own.service", "[Service]\nExecStart=/bin/sleep 100\n");
    let r = m.systemctl(&["mask", "own.service"]).expect_code(1);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    // …and masks a unit installed elsewhere on the search path.
    let data = m.home().join(".local/share/systemd/user");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("m.service"),
        "[Service]\nExecStart=/bin/sleep 100\n",
    )
    .unwrap();
    m.systemctl(&["mask", "m.service"]).expect_code(0);
    assert_eq!(
        std::fs::read_link(m.unit_dir().join("m.service")).unwrap(),
        std::path::Path::new("/dev/null")
    );
    let r = m.systemctl(&["start", "m.service"]).expect_code(1);
    assert!(
        r.stderr.contains("Unit m.service is masked."),
        "{}",
        r.stderr
    );
    // status says why in place of the path, as systemd's LoadError= does.
    let r = m.systemctl(&["status", "--no-pager", "m.service"]);
    assert!(
        r.stdout
            .contains("     Loaded: masked (Reason: Unit m.service is masked.)\n"),
        "{}",
        r.stdout
    );
    m.systemctl(&["unmask", "m.service"]).expect_code(0);
    m.systemctl(&["start", "m.service"]).expect_code(0);
}

#[test]
fn templates_drop_ins_and_exit_codes() {
    let m = manager();
    m.write_unit(
        "echo@.service",
        "[Service]\nExecStart=/bin/sh -c 'echo I am %i; sleep 100'\n",
    );
    m.write_unit(
        "echo@.service.d/10-env.conf",
        "[Service]\nEnvironment=X=1\n",
    );
    m.systemctl(&["start", "echo@alpha.service"]).expect_code(0);
    assert_eq!(m.prop("echo@alpha.service", "ActiveState"), "active");
    assert!(
        m.prop("echo@alpha.service", "DropInPaths")
            .ends_with("10-env.conf")
    );
    m.wait_for("the instance's log line", |m| {
        m.systemctl(&["status", "echo@alpha.service"])
            .stdout
            .contains("I am alpha")
    });
    assert_eq!(m.systemctl(&["status", "nosuch.service"]).code, 4);
    assert_eq!(m.systemctl(&["is-active", "nosuch.service"]).code, 3);
    m.systemctl(&["is-active", "echo@alpha.service"])
        .expect_code(0);
}

#[test]
fn show_environment_and_list_units() {
    let m = manager();
    m.systemctl(&["set-environment", "FOO=bar"]).expect_code(0);
    let env = m.systemctl(&["show-environment"]).expect_code(0);
    assert!(env.stdout.lines().any(|l| l == "FOO=bar"), "{}", env.stdout);
    m.write_unit(
        "envtest.service",
        &format!(
            "[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo $FOO > {}/foo'\n",
            m.home().display()
        ),
    );
    m.systemctl(&["start", "envtest.service"]).expect_code(0);
    assert_eq!(
        std::fs::read_to_string(m.home().join("foo"))
            .unwrap()
            .trim(),
        "bar"
    );
    let lu = m.systemctl(&["list-units"]).expect_code(0);
    assert!(lu.stdout.contains("default.target"), "{}", lu.stdout);
    assert!(lu.stdout.contains("loaded units listed"), "{}", lu.stdout);
}

fn journal(m: &Manager, args: &[&str]) -> String {
    let mut a = vec!["journal"];
    a.extend_from_slice(args);
    m.linger(&a).expect_code(0).stdout
}

#[test]
fn journal_captures_stdout_priorities_native_and_syslog() {
    let m = manager();
    let script = m.home().join("talk.py");
    std::fs::write(
        &script,
        r#"import os, socket, sys
print("plain line", flush=True)
print("<3>an error", flush=True)
sys.stdout.write("no newline at the end")
sys.stdout.flush()
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.sendto(b"MESSAGE=native hello\nPRIORITY=4\nCODE_FILE=talk.py\n", os.environ["LINGER_JOURNAL_SOCKET"])
s.sendto(b"<11>talk[42]: from syslog", os.environ["LINGER_SYSLOG_SOCKET"])
"#,
    )
    .unwrap();
    m.write_unit(
        "talk.service",
        &format!(
            "[Service]\nType=oneshot\nExecStart=/usr/bin/python3 {}\n",
            script.display()
        ),
    );
    m.systemctl(&["start", "talk.service"]).expect_code(0);
    m.wait_for("all lines in the journal", |m| {
        journal(m, &["-u", "talk.service", "-o", "cat"]).contains("from syslog")
    });
    let cat = journal(&m, &["-u", "talk.service", "-o", "cat"]);
    for want in [
        "plain line",
        "an error",
        "no newline at the end",
        "native hello",
        "from syslog",
    ] {
        assert!(cat.contains(want), "missing {want:?} in:\n{cat}");
    }
    assert!(!cat.contains("<3>"), "priority prefix kept:\n{cat}");
    let errors = journal(&m, &["-u", "talk.service", "-p", "err", "-o", "cat"]);
    assert!(
        errors.contains("an error")
            && errors.contains("from syslog")
            && !errors.contains("plain line"),
        "{errors}"
    );
    let json = journal(
        &m,
        &["-u", "talk.service", "-o", "json", "CODE_FILE=talk.py"],
    );
    assert!(
        json.contains("\"MESSAGE\":\"native hello\"")
            && json.contains("\"_SYSTEMD_USER_UNIT\":\"talk.service\""),
        "{json}"
    );
    // The manager's own messages are recorded under the unit too.
    assert!(journal(&m, &["--user-unit", "talk*", "-o", "cat"]).contains("Finished talk.service."));
}

#[test]
fn daemon_reexec_keeps_services_and_their_output() {
    let mut m = manager();
    m.write_unit("ticker.service", "[Service]\nExecStart=/bin/sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.1; done'\n");
    m.systemctl(&["start", "ticker.service"]).expect_code(0);
    let pid = m.main_pid("ticker.service");
    let manager_pid = m.pid().unwrap();
    m.wait_for("a few ticks", |m| {
        journal(m, &["-u", "ticker.service", "-o", "cat"]).contains("tick 3")
    });
    m.systemctl(&["daemon-reexec"]).expect_code(0);
    m.wait_for("the re-executed manager", |m| {
        m.systemctl(&["is-active", "ticker.service"]).code == 0
    });
    assert_eq!(
        m.main_pid("ticker.service"),
        pid,
        "service was restarted by the re-exec"
    );
    assert_eq!(m.pid(), Some(manager_pid));
    assert!(
        std::fs::read_to_string(format!("/proc/{manager_pid}/cmdline"))
            .unwrap()
            .contains("daemon")
    );
    let before = journal(&m, &["-u", "ticker.service", "-o", "cat"])
        .lines()
        .count();
    m.wait_for("ticks after the re-exec", |m| {
        journal(m, &["-u", "ticker.service", "-o", "cat"])
            .lines()
            .count()
            > before + 3
    });
    // Every tick, none lost or duplicated across the hand-over.
    let ticks: Vec<u32> = journal(&m, &["-u", "ticker.service", "-o", "cat"])
        .lines()
        .filter_map(|l| l.strip_prefix("tick ")?.parse().ok())
        .collect();
    assert!(
        ticks.windows(2).all(|w| w[1] == w[0] + 1),
        "gap or duplicate: {ticks:?}"
    );
    m.systemctl(&["stop", "ticker.service"]).expect_code(0);
    assert!(!alive(pid));
    m.shutdown();
}

#[test]
fn verify_and_timespan_speak_systemd_analyze() {
    let m = Manager::new(BIN);
    let unit = m.write_unit(
        "howto.service",
        "[Unit]\nDescription=x\nAfter=network.target\n[Service]\nExecStart=/usr/bin/python3 -m http.server 8080\nWorkingDirectory=/home/iman/web-content  # Customize this path\n",
    );
    let r = m.linger(&["verify", unit.to_str().unwrap()]);
    assert!(
        r.stderr.contains("inline comment") || r.stderr.contains("# Customize"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("network.target"), "{}", r.stderr);
    let ts = m.linger(&["timespan", "1h 30min"]).expect_code(0).stdout;
    let oracle = std::process::Command::new("systemd-analyze")
        .args(["timespan", "1h 30min"])
        .output();
    match oracle {
        Ok(o) if o.status.success() => assert_eq!(ts, String::from_utf8_lossy(&o.stdout)),
        _ => assert!(ts.contains("μs: 5400000"), "{ts}"),
    }
}

/// A real program speaking sd_notify: dbus-daemon reports READY=1 itself (skipped when absent).
#[test]
fn dbus_daemon_as_type_notify_service() {
    if !std::path::Path::new("/usr/bin/dbus-daemon").exists() {
        eprintln!("skipped: dbus-daemon not installed");
        return;
    }
    let m = manager();
    m.write_unit(
        "testbus.service",
        "[Service]\nType=notify\nExecStart=/usr/bin/dbus-daemon --session --address=unix:path=%t/testbus --nofork --nopidfile --syslog-only\n",
    );
    m.systemctl(&["start", "testbus.service"]).expect_code(0);
    assert_eq!(
        m.prop("testbus.service", "SubState"),
        "running",
        "start returned after READY=1"
    );
    assert!(
        m.runtime().join("testbus").exists(),
        "the bus socket is there once the unit is active"
    );
    let pid = m.main_pid("testbus.service");
    m.systemctl(&["stop", "testbus.service"]).expect_code(0);
    assert!(!alive(pid));
}

/// A fast writer is slowed down (back-pressure on its pipe), never truncated.
#[test]
fn journal_keeps_every_line_of_a_fast_writer() {
    let mut m = Manager::new(BIN);
    m.write_unit(
        "flood.service",
        "[Service]\nType=oneshot\nExecStart=/bin/sh -c \"seq -f 'line %%06.0f' 200000\"\n",
    );
    // journald's per-unit rate limit would (rightly) suppress most of these: switch it off.
    std::fs::create_dir_all(m.home().join(".config/linger")).unwrap();
    std::fs::write(
        m.home().join(".config/linger/journald.conf"),
        "[Journal]\nRateLimitBurst=0\n",
    )
    .unwrap();
    m.start();
    m.systemctl(&["start", "flood.service"]).expect_code(0);
    m.wait_for("all 200000 lines", |m| {
        journal(m, &["-u", "flood.service", "-o", "cat", "-g", "^line "])
            .lines()
            .count()
            >= 200_000
    });
    let out = journal(&m, &["-u", "flood.service", "-o", "cat", "-g", "^line "]);
    assert_eq!(out.lines().count(), 200_000);
    assert_eq!(out.lines().last(), Some("line 200000"));
}

/// The rate limit drops what exceeds the burst and says so once the interval is over.
#[test]
fn rate_limit_reports_suppressed_messages() {
    let mut m = Manager::new(BIN);
    std::fs::create_dir_all(m.home().join(".config/linger")).unwrap();
    std::fs::write(
        m.home().join(".config/linger/journald.conf"),
        "[Journal]\nRateLimitIntervalSec=1s\nRateLimitBurst=100\n",
    )
    .unwrap();
    m.write_unit("chatty.service", "[Service]\nType=oneshot\nExecStart=/bin/sh -c \"seq -f 'c %%06.0f' 1000; sleep 1.2; echo after\"\n");
    m.start();
    m.systemctl(&["start", "chatty.service"]).expect_code(0);
    m.wait_for("the suppression notice", |m| {
        journal(m, &["-o", "cat"]).contains("Suppressed 900 messages")
    });
    let kept = journal(&m, &["-u", "chatty.service", "-o", "cat", "-g", "^c "])
        .lines()
        .count();
    assert_eq!(kept, 100, "RateLimitBurst=100 lines kept in the interval");
    assert!(journal(&m, &["-u", "chatty.service", "-o", "cat"]).contains("after"));
}

#[test]
fn kill_sends_the_named_signal_to_the_chosen_processes() {
    let m = manager();
    m.write_unit("trap.service", "[Service]\nExecStart=/bin/sh -c 'trap \"echo got HUP\" HUP; echo trap set; while :; do sleep 0.05; done'\n");
    m.systemctl(&["start", "trap.service"]).expect_code(0);
    // A HUP before the shell has set its trap would end it: wait until it has.
    m.wait_for("the trap to be set", |m| {
        journal(m, &["-u", "trap.service", "-o", "cat"]).contains("trap set")
    });
    m.systemctl(&[
        "kill",
        "--signal=SIGHUP",
        "--kill-whom=main",
        "trap.service",
    ])
    .expect_code(0);
    m.wait_for("the trap to fire", |m| {
        journal(m, &["-u", "trap.service", "-o", "cat"]).contains("got HUP")
    });
    assert_eq!(m.prop("trap.service", "ActiveState"), "active");
    let r = m
        .systemctl(&["kill", "--signal=NOPE", "trap.service"])
        .expect_code(1);
    assert!(
        r.stderr.contains("Failed to parse signal string NOPE."),
        "{}",
        r.stderr
    );
    m.systemctl(&["kill", "-s", "9", "trap.service"])
        .expect_code(0);
    m.wait_for("SIGKILL to end it", |m| {
        m.prop("trap.service", "ActiveState") == "failed"
    });
    assert_eq!(m.prop("trap.service", "Result"), "signal");
}

/// Without cgroups a limit cannot be enforced: the unit is refused, with the directive named,
/// rather than run unlimited.
#[test]
fn resource_limits_are_refused_not_ignored_without_cgroups() {
    let m = manager();
    m.write_unit(
        "greedy.service",
        "[Service]\nExecStart=/bin/sleep 100\nMemoryAccounting=yes\nMemoryMax=50M\n",
    );
    m.write_unit(
        "counted.service",
        "[Service]\nExecStart=/bin/sleep 100\nMemoryAccounting=yes\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    let out = m.systemctl(&["start", "greedy.service"]);
    assert_eq!(out.code, 1);
    assert_eq!(m.prop("greedy.service", "Result"), "resources");
    let status = m.systemctl(&["status", "greedy.service"]).stdout;
    assert!(
        status.contains("MemoryMax=50M (greedy.service, line 4) cannot be enforced")
            && status.contains("cgroup driver \"none\""),
        "{status}"
    );
    m.systemctl(&["start", "counted.service"]).expect_code(0);
    assert_eq!(
        m.prop("counted.service", "ActiveState"),
        "active",
        "accounting alone is fine"
    );
    let out = m.systemctl(&["set-property", "counted.service", "MemoryMax=1G"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("cannot be enforced"), "{}", out.stderr);
    assert!(
        !m.home().join(".config/systemd/user.control").exists(),
        "nothing written"
    );
}

/// A start job waiting at shutdown (for an `After=` unit the shutdown stops) is cancelled,
/// not run once that unit is down: nothing of it outlives the manager.
#[test]
fn a_start_job_waiting_at_shutdown_never_runs() {
    let mut m = Manager::new(BIN);
    let marker = m.dir.path().join("late-ran");
    m.write_unit(
        "slow.service",
        "[Service]\nType=oneshot\nExecStart=/bin/sleep infinity\n",
    );
    m.write_unit(
        "late.service",
        &format!(
            "[Unit]\nAfter=slow.service\n[Service]\nExecStart=/bin/sh -c 'touch {}; exec sleep infinity'\n",
            marker.display()
        ),
    );
    m.start();
    m.systemctl(&["start", "--no-block", "slow.service", "late.service"])
        .expect_code(0);
    m.wait_for(
        "slow.service's start job to run and late.service's to wait",
        |m| {
            let jobs = m.systemctl(&["list-jobs", "--no-legend"]).stdout;
            jobs.lines()
                .any(|l| l.contains("slow.service") && l.contains("running"))
                && jobs
                    .lines()
                    .any(|l| l.contains("late.service") && l.contains("waiting"))
        },
    );
    let slow = m.main_pid("slow.service");
    m.shutdown();
    assert!(
        slow == 0 || !alive(slow),
        "slow.service's process outlived the manager"
    );
    assert!(
        !marker.exists(),
        "late.service was started during the shutdown (its process outlives the manager)"
    );
}
