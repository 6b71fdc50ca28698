//! systemd-escape (against systemd 252's own binary), systemd-notify (a Type=notify service
//! that reports with it) and install-links.

#![allow(clippy::print_stderr)] // "skipped:" lines

use linger_test_support::{Manager, Run, ensure_program};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

#[test]
fn systemd_escape_prints_what_systemds_prints() {
    let m = Manager::new(BIN);
    let cases: &[&[&str]] = &[
        &["a b/c", "x@y"],
        &["-p", "/home/u/x"],
        &["--path", "//mnt///a b/"],
        &["--template=foo@.service", "a b"],
        &["-u", "a\\x20b"],
        &["-m", "has space"],
        &["-m", "/dev/sda1"],
        &["--suffix=mount", "-p", "/mnt/a"],
        &["-u", "-p", "mnt-a"],
        &["--instance", "-u", "foo@a\\x20b.service"],
        &["ünïcode", "-dash-", ".dot"],
        &[],
    ];
    let theirs_available = match ensure_program("/usr/bin/systemd-escape", "systemd") {
        Ok(()) => true,
        Err(why) => {
            eprintln!("skipped the comparison: {why}");
            false
        }
    };
    for args in cases {
        let ours = Run::of(m.tool("systemd-escape", args).output().unwrap());
        if theirs_available {
            let theirs = Run::of(
                std::process::Command::new("/usr/bin/systemd-escape")
                    .args(*args)
                    .output()
                    .unwrap(),
            );
            assert_eq!(
                (ours.code, &ours.stdout),
                (theirs.code, &theirs.stdout),
                "{args:?}"
            );
        }
    }
}

#[test]
fn systemd_notify_reports_readiness_and_status() {
    let mut m = Manager::new(BIN);
    let notify = m.dir.path().join("bin/systemd-notify");
    drop(m.tool("systemd-notify", &[]));
    m.write_unit(
        "ready.service",
        &format!(
            "[Service]\nType=notify\nNotifyAccess=all\nExecStart=/bin/sh -c '{} --ready --status=\"all good\"; exec sleep 100'\n",
            notify.display()
        ),
    );
    m.start();
    m.systemctl(&["start", "ready.service"]).expect_code(0);
    assert_eq!(m.prop("ready.service", "ActiveState"), "active");
    m.wait_for("the status text", |m| {
        m.prop("ready.service", "StatusText") == "all good"
    });
    // Outside a service there is no socket.
    let r = Run::of(m.tool("systemd-notify", &["--ready"]).output().unwrap()).expect_code(1);
    assert!(
        r.stderr.contains("$NOTIFY_SOCKET was not set"),
        "{}",
        r.stderr
    );
}

#[test]
fn install_links_makes_every_name_and_never_replaces_a_real_file() {
    let m = Manager::new(BIN);
    let dir = m.dir.path().join("links");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("systemctl"), "#!/bin/sh\necho the real one\n").unwrap();
    let r = m
        .linger(&["install-links", dir.to_str().unwrap()])
        .expect_code(1);
    assert!(r.stderr.contains("not replaced"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.join("systemctl")).unwrap(),
        "#!/bin/sh\necho the real one\n"
    );
    for name in [
        "journalctl",
        "loginctl",
        "systemd-run",
        "systemd-analyze",
        "systemd-escape",
        "systemd-notify",
        "systemd-cat",
        "linger",
    ] {
        assert!(dir.join(name).is_symlink(), "{name}");
    }
    m.linger(&["install-links", "--force", dir.to_str().unwrap()])
        .expect_code(0);
    assert!(dir.join("systemctl").is_symlink());
    // Installing into the binary's own directory leaves the binary alone.
    let copy_dir = m.dir.path().join("copy");
    std::fs::create_dir_all(&copy_dir).unwrap();
    // Copied by `cp`, not here: a write fd of this (multi-threaded) test process would be
    // inherited by another test's fork and make the exec below fail with ETXTBSY.
    let copied = std::process::Command::new("cp")
        .arg(BIN)
        .arg(copy_dir.join("linger"))
        .status()
        .unwrap();
    assert!(copied.success());
    let r = Run::of(
        std::process::Command::new(copy_dir.join("linger"))
            .args(["install-links", copy_dir.to_str().unwrap()])
            .output()
            .unwrap(),
    )
    .expect_code(0);
    assert!(!copy_dir.join("linger").is_symlink(), "{}", r.stdout);
    assert!(copy_dir.join("systemctl").is_symlink());
}
