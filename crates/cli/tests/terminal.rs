//! On a terminal (a pseudo-terminal made by util-linux's `script`): the pager as systemd's
//! tools pick it, colours and their switches, tables cut to the width.

#![allow(clippy::print_stderr)] // "skipped:" lines

use linger_test_support::{Manager, Run, ensure_program};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn manager() -> Manager {
    let mut m = Manager::new(BIN);
    m.write_unit(
        "web.service",
        "[Unit]\nDescription=A web server with a rather long description that goes on\n[Service]\nExecStart=/bin/sleep 1000\n",
    );
    m.start();
    m.systemctl(&["start", "web.service"]).expect_code(0);
    m
}

/// `command` run on a pseudo-terminal with `env` (NAME=VALUE words) in the test's environment;
/// None when `script` is missing and the test may skip.
fn on_terminal(m: &Manager, env: &str, command: &str) -> Option<String> {
    if let Err(why) = ensure_program("/usr/bin/script", "bsdutils") {
        eprintln!("skipped: {why}");
        return None;
    }
    let bin = m.dir.path().join("bin");
    drop(m.tool("systemctl", &[]));
    drop(m.tool("journalctl", &[]));
    let line = format!("{env} {}/{command}", bin.display());
    let mut cmd = m.linger_command(&[]);
    let mut script = std::process::Command::new("/usr/bin/script");
    script.env_clear();
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            script.env(k, v);
        }
    }
    cmd = script;
    cmd.env_remove("NO_COLOR").env("TERM", "xterm");
    let r = Run::of(cmd.args(["-qfec", &line, "/dev/null"]).output().unwrap());
    Some(r.stdout.replace("\r\n", "\n"))
}

#[test]
fn the_pager_is_systemds_choice() {
    let m = manager();
    let Some(out) = on_terminal(
        &m,
        "SYSTEMD_PAGER='sed s/^/PAGED:/'",
        "systemctl --user list-units",
    ) else {
        return;
    };
    assert!(out.lines().all(|l| l.starts_with("PAGED:")), "{out}");
    assert!(out.contains("web.service"), "{out}");
    // $PAGER when $SYSTEMD_PAGER is unset; less's options in $LESS.
    let out = on_terminal(
        &m,
        "PAGER='sh -c \"echo LESS=$LESS; cat >/dev/null\"'",
        "systemctl --user status web.service",
    )
    .unwrap();
    assert_eq!(out.lines().next(), Some("LESS=FRSXMK"), "{out}");
    let out = on_terminal(
        &m,
        "SYSTEMD_LESS=R PAGER='sh -c \"echo LESS=$LESS; cat >/dev/null\"'",
        "journalctl --user",
    )
    .unwrap();
    assert_eq!(out.lines().next(), Some("LESS=R"), "{out}");
    // Switched off three ways.
    for (env, cmd) in [
        (
            "SYSTEMD_PAGER='sed s/^/PAGED:/'",
            "systemctl --user --no-pager list-units",
        ),
        (
            "SYSTEMD_PAGER=cat PAGER='sed s/^/PAGED:/'",
            "systemctl --user list-units",
        ),
        ("SYSTEMD_PAGER=", "journalctl --user"),
    ] {
        let out = on_terminal(&m, env, cmd).unwrap();
        assert!(!out.contains("PAGED:"), "{env} {cmd}: {out}");
        assert!(!out.is_empty(), "{env} {cmd}");
    }
    // Not on a terminal: never.
    let r = Run::of(
        m.tool("systemctl", &["--user", "list-units"])
            .env("SYSTEMD_PAGER", "sed s/^/PAGED:/")
            .output()
            .unwrap(),
    );
    assert!(!r.stdout.contains("PAGED:"), "{}", r.stdout);
}

#[test]
fn colours_follow_the_terminal_and_the_switches() {
    let m = manager();
    let Some(out) = on_terminal(&m, "SYSTEMD_PAGER=cat", "systemctl --user list-units") else {
        return;
    };
    assert!(out.contains("\x1b[4mUNIT"), "header underlined: {out:?}");
    let out = on_terminal(
        &m,
        "NO_COLOR=1 SYSTEMD_PAGER=cat",
        "systemctl --user list-units",
    )
    .unwrap();
    assert!(!out.contains('\x1b'), "{out:?}");
    let out = on_terminal(
        &m,
        "SYSTEMD_COLORS=0 SYSTEMD_PAGER=cat",
        "systemctl --user list-units",
    )
    .unwrap();
    assert!(!out.contains('\x1b'), "{out:?}");
    // SYSTEMD_COLORS=1 colours even into a pipe.
    let r = Run::of(
        m.tool("systemctl", &["--user", "list-units"])
            .env("SYSTEMD_COLORS", "1")
            .env_remove("NO_COLOR")
            .output()
            .unwrap(),
    );
    assert!(r.stdout.contains("\x1b[4mUNIT"), "{:?}", r.stdout);
}

#[test]
fn journal_lines_are_coloured_by_priority() {
    let m = manager();
    m.write_unit(
        "talk.service",
        "[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo \"<3>bad\"; echo \"<4>careful\"; echo fine'\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "talk.service"]).expect_code(0);
    let journal = |colors: &str| {
        Run::of(
            m.tool("journalctl", &["--user", "-u", "talk"])
                .env("SYSTEMD_COLORS", colors)
                .output()
                .unwrap(),
        )
        .stdout
    };
    m.wait_for("the lines", |_| journal("0").contains("fine"));
    let out = journal("1");
    assert!(out.contains("\x1b[1m\x1b[31mbad\x1b[0m"), "{out:?}");
    assert!(out.contains("\x1b[1m\x1b[33mcareful\x1b[0m"), "{out:?}");
    assert!(out.contains(": fine\n"), "{out:?}");
    assert!(!journal("0").contains('\x1b'));
}

#[test]
fn tables_are_cut_to_the_terminal_unless_full() {
    let m = manager();
    let Some(out) = on_terminal(
        &m,
        "SYSTEMD_PAGER=cat NO_COLOR=1 COLUMNS=50",
        "systemctl --user list-units web.service",
    ) else {
        return;
    };
    let row = out.lines().find(|l| l.contains("web.service")).unwrap();
    assert_eq!(row.chars().count(), 50, "{row:?}");
    assert!(row.ends_with('…'), "{row:?}");
    let out = on_terminal(
        &m,
        "SYSTEMD_PAGER=cat NO_COLOR=1 COLUMNS=50",
        "systemctl --user list-units --full web.service",
    )
    .unwrap();
    let row = out.lines().find(|l| l.contains("web.service")).unwrap();
    assert!(row.ends_with("that goes on"), "{row:?}");
    // Into a pipe nothing is cut.
    let r = m.systemctl(&["list-units", "web.service"]);
    assert!(r.stdout.contains("that goes on"), "{}", r.stdout);
}
