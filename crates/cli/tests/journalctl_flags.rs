//! journalctl's flags beyond the basics, against a real manager's journal: -t, -F, -N,
//! path matches, -o with-unit, --header, --rotate, --flush, --vacuum-files, --no-tail.

use std::process::Stdio;
use std::time::Duration;

use linger_test_support::{Lines, Manager, Run};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn journalctl(m: &Manager, args: &[&str]) -> Run {
    let mut full = vec!["--user"];
    full.extend_from_slice(args);
    Run::of(m.tool("journalctl", &full).output().unwrap())
}

/// A manager whose journal has `hello.service`'s line (`/bin/echo`) and `talk.service`'s
/// (a shell tagged `chatty`).
fn manager_with_lines() -> Manager {
    let mut m = Manager::new(BIN);
    m.write_unit(
        "hello.service",
        // Started 13 times below: no start limit.
        "[Unit]\nStartLimitIntervalSec=0\n[Service]\nType=oneshot\nExecStart=/bin/echo hello-from-echo\n",
    );
    m.write_unit(
        "talk.service",
        "[Service]\nType=oneshot\nSyslogIdentifier=chatty\nExecStart=/bin/sh -c 'echo talk-line'\n",
    );
    m.start();
    m.systemctl(&["start", "hello.service", "talk.service"])
        .expect_code(0);
    m.wait_for("both lines in the journal", |m| {
        let all = journalctl(m, &["-o", "cat"]).stdout;
        all.contains("hello-from-echo") && all.contains("talk-line")
    });
    m
}

#[test]
fn identifier_field_values_field_names_and_path_matches() {
    let m = manager_with_lines();
    let r = journalctl(&m, &["-t", "chatty", "-o", "cat"]).expect_code(0);
    assert_eq!(r.stdout, "talk-line\n");
    let r = journalctl(&m, &["-F", "SYSLOG_IDENTIFIER"]).expect_code(0);
    let values: Vec<&str> = r.stdout.lines().collect();
    assert!(values.contains(&"chatty"), "{values:?}");
    assert_eq!(
        values.iter().filter(|v| **v == "chatty").count(),
        1,
        "values are listed once: {values:?}"
    );
    let r = journalctl(&m, &["-N"]).expect_code(0);
    for f in ["MESSAGE", "PRIORITY", "_PID", "SYSLOG_IDENTIFIER"] {
        assert!(
            r.stdout.lines().any(|l| l == f),
            "{f} missing: {}",
            r.stdout
        );
    }
    let r = journalctl(&m, &["/bin/echo", "-o", "cat"]).expect_code(0);
    assert_eq!(r.stdout, "hello-from-echo\n");
    let r = journalctl(&m, &["/nonexistent/prog"]).expect_code(1);
    assert!(r.stderr.contains("Failed to add match"), "{}", r.stderr);
}

#[test]
fn with_unit_output_names_the_unit() {
    let m = manager_with_lines();
    let r = journalctl(&m, &["-t", "chatty", "-o", "with-unit"]).expect_code(0);
    let line = r.stdout.trim_end();
    assert!(line.contains(" talk.service["), "{line}");
    assert!(line.ends_with(": talk-line"), "{line}");
    // short-full's timestamp: weekday, full date, zone.
    assert!(line.contains(" UTC "), "{line}");
}

fn segment_count(m: &Manager) -> usize {
    std::fs::read_dir(m.home().join(".local/state/linger/journal"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".lj"))
        })
        .count()
}

#[test]
fn rotate_header_and_vacuum_files() {
    let m = manager_with_lines();
    journalctl(&m, &["--flush"]).expect_code(0);
    let before = segment_count(&m);
    journalctl(&m, &["--rotate"]).expect_code(0);
    // The next line starts the new file.
    m.systemctl(&["start", "hello.service"]).expect_code(0);
    journalctl(&m, &["--flush"]).expect_code(0);
    assert_eq!(segment_count(&m), before + 1);
    let r = journalctl(&m, &["--header"]).expect_code(0);
    assert_eq!(
        r.stdout.matches("File path: ").count(),
        before + 1,
        "{}",
        r.stdout
    );
    assert_eq!(r.stdout.matches("State: ONLINE").count(), 1, "{}", r.stdout);
    assert!(r.stdout.contains("Entries: "), "{}", r.stdout);
    let r = journalctl(&m, &["--vacuum-files=1"]).expect_code(0);
    assert!(r.stderr.contains("Vacuuming done"), "{}", r.stderr);
    assert_eq!(segment_count(&m), 1);
    // What was logged after the rotation is still there.
    let r = journalctl(&m, &["-u", "hello", "-o", "cat"]).expect_code(0);
    assert!(r.stdout.contains("hello-from-echo"), "{}", r.stdout);
}

#[test]
fn no_tail_follows_after_showing_everything() {
    let m = manager_with_lines();
    for _ in 0..12 {
        m.systemctl(&["start", "hello.service"]).expect_code(0);
    }
    m.wait_for("13 lines", |m| {
        journalctl(m, &["-u", "hello", "-o", "cat"])
            .stdout
            .matches("hello-from-echo")
            .count()
            == 13
    });
    let mut child = m
        .tool(
            "journalctl",
            &["--user", "-u", "hello", "-o", "cat", "-f", "--no-tail"],
        )
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = Lines::of(&mut child);
    let mut echoes = 0;
    // Every one of the 13 lines comes (without --no-tail, -f shows 10).
    while echoes < 13 {
        let Some(l) = lines.next(Duration::from_secs(20)) else {
            break;
        };
        echoes += usize::from(l == "hello-from-echo");
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(echoes, 13);
}
