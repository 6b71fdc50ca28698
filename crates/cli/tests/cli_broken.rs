//! The commands people type and the scripts they have, which used to break (issue 13's
//! "Broken" list): one test per item, against a real manager where one is needed.

use std::os::fd::OwnedFd;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use linger_test_support::{Lines, Manager, Run};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn manager() -> Manager {
    let mut m = Manager::new(BIN);
    m.start();
    m
}

/// `name ARGS…` through a link of that name, with the manager's environment.
fn command(m: &Manager, name: &str, args: &[&str]) -> Command {
    m.tool(name, args)
}

fn run(m: &Manager, name: &str, args: &[&str]) -> Run {
    Run::of(command(m, name, args).output().expect("run"))
}

/// stdout is a pipe whose reader is gone (`| head -1` after its line, `| grep -q`).
fn closed_pipe() -> OwnedFd {
    let (read, write) = rustix::pipe::pipe().unwrap();
    drop(read);
    write
}

#[test]
fn a_closed_pipe_ends_every_personality_quietly() {
    let m = manager();
    for i in 0..40 {
        m.write_unit(
            &format!("many-{i}.service"),
            "[Unit]\nDescription=one of many\n[Service]\nExecStart=/bin/true\n",
        );
    }
    m.systemctl(&["daemon-reload"]).expect_code(0);
    let cases: &[(&str, &[&str])] = &[
        ("systemctl", &["--user", "list-units", "--all"]),
        ("systemctl", &["--user", "list-unit-files"]),
        ("systemctl", &["--user", "show", "many-1.service"]),
        ("systemctl", &["--version"]),
        (
            "systemd-analyze",
            &["calendar", "--iterations=500", "daily"],
        ),
        ("systemd-analyze", &["--version"]),
        ("journalctl", &["--user", "-n", "all"]),
        ("journalctl", &["--version"]),
        ("loginctl", &["--version"]),
        ("systemd-run", &["--version"]),
        ("linger", &["--version"]),
    ];
    for (name, args) in cases {
        let out = command(&m, name, args)
            .stdout(Stdio::from(closed_pipe()))
            .output()
            .unwrap();
        let r = Run::of(out);
        assert_eq!(
            (r.code, r.stderr.as_str()),
            (0, ""),
            "{name} {args:?} on a closed pipe"
        );
    }
}

#[test]
fn version_is_answered_by_every_personality_in_systemds_shape() {
    let m = Manager::new(BIN);
    for name in [
        "systemctl",
        "journalctl",
        "loginctl",
        "systemd-run",
        "systemd-analyze",
        "linger",
    ] {
        let r = run(&m, name, &["--version"]).expect_code(0);
        let first = r.stdout.lines().next().unwrap_or("");
        // Scripts read the second word as systemd's version number.
        let version: u32 = first.split(' ').nth(1).unwrap().parse().unwrap();
        assert_eq!(version, 252, "{name}: {first}");
        assert!(first.contains("linger"), "{name}: {first}");
    }
    // A command's own --version is the command's.
    let r = run(
        &m,
        "systemd-run",
        &["--user", "--scope", "echo", "--version"],
    );
    assert!(!r.stdout.contains("systemd 252"), "{}", r.stdout);
}

#[test]
fn usage_errors_read_like_systemds_and_never_suggest_exit() {
    let m = Manager::new(BIN);
    let r = run(&m, "systemctl", &["--user", "edti"]).expect_code(1);
    assert_eq!(r.stderr, "Unknown command verb edti.\n");
    let r = run(&m, "systemctl", &["--user", "exti"]).expect_code(1);
    assert!(!r.stderr.contains("exit'"), "{}", r.stderr);
    let r = run(&m, "systemctl", &["--bogus"]).expect_code(1);
    assert_eq!(r.stderr, "systemctl: unrecognized option '--bogus'\n");
    let r = run(&m, "journalctl", &["--bogus"]).expect_code(1);
    assert_eq!(r.stderr, "journalctl: unrecognized option '--bogus'\n");
    let r = run(&m, "systemd-analyze", &["bogus"]).expect_code(1);
    assert_eq!(r.stderr, "Unknown command verb bogus.\n");
    let r = run(&m, "systemd-run", &["--bogus", "true"]).expect_code(1);
    assert_eq!(r.stderr, "systemd-run: unrecognized option '--bogus'\n");
    let r = run(&m, "loginctl", &["bogus"]).expect_code(1);
    assert_eq!(r.stderr, "Unknown command verb bogus.\n");
    // Help is still help.
    let r = run(&m, "systemctl", &["--help"]).expect_code(0);
    assert!(r.stdout.contains("list-units"), "{}", r.stdout);
}

/// `journalctl -f` with `extra` shows no history, only what is logged after it started.
fn follow_shows_only_new_lines(extra: &[&str]) {
    let m = manager();
    m.write_unit(
        "talk.service",
        "[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo said-$$(cat %h/n)'\n",
    );
    std::fs::write(m.home().join("n"), "old").unwrap();
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "talk.service"]).expect_code(0);
    m.wait_for("the old line in the journal", |m| {
        m.linger(&["journal", "-u", "talk", "-o", "cat"])
            .stdout
            .contains("said-old")
    });
    let mut args = vec!["--user", "-u", "talk", "-o", "cat", "-f"];
    args.extend_from_slice(extra);
    let mut child = command(&m, "journalctl", &args)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = Lines::of(&mut child);
    // journalctl may not have looked at the journal yet when a line is logged: keep
    // logging new lines until one shows. Nothing from before it started may show.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut shown = Vec::new();
    let mut k = 0;
    while !shown.iter().any(|l: &String| l.starts_with("said-new")) && Instant::now() < deadline {
        k += 1;
        std::fs::write(m.home().join("n"), format!("new{k}")).unwrap();
        m.systemctl(&["start", "talk.service"]).expect_code(0);
        while let Some(l) = lines.next(Duration::from_millis(300)) {
            shown.push(l);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        shown.iter().any(|l| l.starts_with("said-new")),
        "journalctl -f showed no new line: {shown:?}"
    );
    assert!(
        !shown.iter().any(|l| l.contains("said-old")),
        "history was shown: {shown:?}"
    );
}

#[test]
fn follow_with_zero_lines_shows_no_history() {
    follow_shows_only_new_lines(&["-n", "0"]);
}

#[test]
fn follow_since_now_shows_no_history() {
    follow_shows_only_new_lines(&["--since", "now"]);
}

#[test]
fn the_advice_after_a_failed_start_works() {
    let m = manager();
    m.write_unit(
        "bad.service",
        "[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo about-to-fail; exit 3'\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    let r = m.systemctl(&["start", "bad.service"]);
    assert_ne!(r.code, 0);
    // The journal writer is a thread: what it has queued is on disk once --flush returns.
    run(&m, "journalctl", &["--user", "--flush"]).expect_code(0);
    let r = run(
        &m,
        "journalctl",
        &["--user", "-xeu", "bad.service", "--no-pager"],
    )
    .expect_code(0);
    assert!(r.stdout.contains("about-to-fail"), "{}", r.stdout);
    // The manager's own lines are explained, as systemd's catalog explains its own.
    for explained in [
        "Main process exited, code=exited, status=3/NOTIMPLEMENTED\n░░ Subject: Unit process exited\n",
        "Failed with result 'exit-code'.\n░░ Subject: Unit failed\n",
        "░░ The unit bad.service has entered the 'failed' state with result 'exit-code'.",
        "Failed to start bad.service.\n░░ Subject: A start job for unit bad.service has failed\n",
        "(job result: failed)",
    ] {
        assert!(
            r.stdout.contains(explained),
            "{explained:?} in\n{}",
            r.stdout
        );
    }
    // … and found by their id, as scripts look for systemd's.
    let r = run(
        &m,
        "journalctl",
        &[
            "--user",
            "-u",
            "bad.service",
            "MESSAGE_ID=be02cf6855d2428ba40df7e9d022f03d",
            "-o",
            "cat",
            "--no-pager",
        ],
    )
    .expect_code(0);
    assert_eq!(r.stdout, "Failed to start bad.service.\n");
}

/// "Starting …"/"Stopping …" carry systemd's MESSAGE_IDs and JOB_TYPE=, so scripts that look
/// for a job's beginning find linger's, and `-x` explains them.
#[test]
fn job_beginnings_carry_systemds_message_ids() {
    let m = manager();
    m.write_unit(
        "once.service",
        "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\nExecStop=/bin/true\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "once.service"]).expect_code(0);
    m.systemctl(&["restart", "once.service"]).expect_code(0);
    m.systemctl(&["stop", "once.service"]).expect_code(0);
    run(&m, "journalctl", &["--user", "--flush"]).expect_code(0);
    let by_id = |id: &str, field: &str| {
        run(
            &m,
            "journalctl",
            &[
                "--user",
                "-u",
                "once.service",
                &format!("MESSAGE_ID={id}"),
                "-o",
                "json",
                "--no-pager",
            ],
        )
        .expect_code(0)
        .stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!(
                "{} {}",
                v["MESSAGE"].as_str().unwrap(),
                v[field].as_str().unwrap()
            )
        })
        .collect::<Vec<_>>()
    };
    assert_eq!(
        by_id("7d4958e842da4a758f6c1cdc7b36dcc5", "JOB_TYPE"),
        [
            "Starting once.service... start",
            "Starting once.service... start"
        ]
    );
    assert_eq!(
        by_id("de5b426a63be47a7b6ac3eaac82e2f6f", "JOB_TYPE"),
        [
            "Stopping once.service... restart",
            "Stopping once.service... stop"
        ]
    );
    let r = run(
        &m,
        "journalctl",
        &["--user", "-xu", "once.service", "--no-pager"],
    )
    .expect_code(0);
    assert!(
        r.stdout.contains(
            "Starting once.service...\n░░ Subject: A start job for unit once.service has begun execution\n"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn is_enabled_answers_for_templates_aliases_and_missing_units_as_systemctl() {
    let m = manager();
    m.write_unit(
        "web.service",
        "[Service]\nExecStart=/bin/sleep 100\n[Install]\nWantedBy=default.target\nAlias=www.service\n",
    );
    m.write_unit(
        "tpl@.service",
        "[Service]\nExecStart=/bin/sleep %i\n[Install]\nWantedBy=default.target\n",
    );
    m.write_unit("plain@.service", "[Service]\nExecStart=/bin/sleep %i\n");
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["enable", "web.service"]).expect_code(0);
    let state = |u: &str| {
        let r = m.systemctl(&["is-enabled", u]);
        (r.stdout.trim().to_string(), r.code)
    };
    assert_eq!(state("web.service"), ("enabled".into(), 0));
    assert_eq!(state("www.service"), ("alias".into(), 0));
    assert_eq!(state("tpl@.service"), ("disabled".into(), 1));
    assert_eq!(state("tpl@5.service"), ("disabled".into(), 1));
    assert_eq!(state("plain@.service"), ("static".into(), 0));
    m.systemctl(&["enable", "tpl@5.service"]).expect_code(0);
    assert_eq!(state("tpl@.service"), ("indirect".into(), 0));
    assert_eq!(state("tpl@5.service"), ("enabled".into(), 0));
    let r = m.systemctl(&["is-enabled", "nope.service"]).expect_code(1);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "Failed to get unit file state for nope.service: No such file or directory\n"
    );
}

fn transient_files(m: &Manager) -> Vec<String> {
    std::fs::read_dir(m.runtime().join("systemd/transient"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn systemd_run_refuses_bad_input_before_creating_anything() {
    let m = manager();
    let cases: &[(&[&str], &str)] = &[
        (&["-p", "Bogus=1", "true"], "Unknown assignment: Bogus=1"),
        (
            &["--on-calendar=bogus day", "true"],
            "Failed to parse calendar event specification: ",
        ),
        (&["--on-active=soon", "true"], "--on-active"),
        (&["-p", "MemoryMax=lots", "true"], "MemoryMax="),
        (
            &["--timer-property=Bogus=2", "--on-active=1h", "true"],
            "Bogus=2",
        ),
    ];
    for (args, why) in cases {
        let mut full = vec!["--user"];
        full.extend_from_slice(args);
        let r = run(&m, "systemd-run", &full).expect_code(1);
        assert!(r.stderr.contains(why), "{args:?}: {}", r.stderr);
        assert_eq!(transient_files(&m), Vec::<String>::new(), "{args:?}");
    }
    // A name that is not a valid unit name is escaped as systemd-run escapes it.
    let r = run(
        &m,
        "systemd-run",
        &["--user", "--unit=has space", "-r", "/bin/true"],
    )
    .expect_code(0);
    assert!(
        r.stderr.contains("Running as unit: has\\x20space.service"),
        "{}",
        r.stderr
    );
    assert_eq!(
        transient_files(&m),
        vec!["has\\x20space.service".to_string()]
    );
}

#[test]
fn status_takes_a_pid_and_patterns_and_restart_takes_patterns() {
    let m = manager();
    for name in ["web-a", "web-b", "other"] {
        m.write_unit(
            &format!("{name}.service"),
            "[Service]\nExecStart=/bin/sleep 1000\n",
        );
    }
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "web-a", "web-b", "other"])
        .expect_code(0);
    let pid = m.main_pid("web-b.service");
    let r = m.systemctl(&["status", &pid.to_string()]).expect_code(0);
    assert!(r.stdout.starts_with("● web-b.service"), "{}", r.stdout);
    let r = m.systemctl(&["status", "web-*"]).expect_code(0);
    assert!(
        r.stdout.contains("web-a.service") && r.stdout.contains("web-b.service"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("other.service"), "{}", r.stdout);
    let (a, b, o) = (
        m.main_pid("web-a.service"),
        pid,
        m.main_pid("other.service"),
    );
    m.systemctl(&["restart", "web-*"]).expect_code(0);
    assert_ne!(m.main_pid("web-a.service"), a);
    assert_ne!(m.main_pid("web-b.service"), b);
    assert_eq!(m.main_pid("other.service"), o);
    m.systemctl(&["stop", "web-*"]).expect_code(0);
    assert_eq!(m.prop("web-a.service", "ActiveState"), "inactive");
    assert_eq!(m.prop("other.service", "ActiveState"), "active");
    // A pattern matching nothing does nothing (and resets nothing).
    m.systemctl(&["restart", "nothing-*"]).expect_code(0);
}
