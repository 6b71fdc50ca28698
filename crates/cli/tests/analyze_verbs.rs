//! systemd-analyze's verbs for the user manager: unit-paths and condition against systemd
//! 252's own binary where it runs offline, cat-config, security, blame, critical-chain.

#![allow(clippy::print_stderr)] // "skipped:" lines

use linger_test_support::{Manager, Run, ensure_program};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn analyze(m: &Manager, args: &[&str]) -> Run {
    Run::of(m.tool("systemd-analyze", args).output().unwrap())
}

/// systemd 252's systemd-analyze with the same environment (None when not installed and
/// the test may skip).
fn systemd_analyze(m: &Manager, args: &[&str]) -> Option<Run> {
    if let Err(why) = ensure_program("/usr/bin/systemd-analyze", "systemd") {
        eprintln!("skipped: {why}");
        return None;
    }
    Some(Run::of(
        m.program_command("/usr/bin/systemd-analyze", args)
            .output()
            .unwrap(),
    ))
}

#[test]
fn unit_paths_are_systemds() {
    let m = Manager::new(BIN);
    let ours = analyze(&m, &["--user", "unit-paths"]).expect_code(0);
    if let Some(theirs) = systemd_analyze(&m, &["--user", "unit-paths"]) {
        assert_eq!(ours.stdout, theirs.expect_code(0).stdout);
    }
    assert!(
        ours.stdout
            .lines()
            .any(|l| l.ends_with("home/.config/systemd/user")),
        "{}",
        ours.stdout
    );
}

#[test]
fn condition_verdicts_and_exit_codes_are_systemds() {
    let m = Manager::new(BIN);
    let cases: &[&[&str]] = &[
        &["ConditionPathExists=/etc/passwd"],
        &["ConditionPathExists=!/etc/passwd"],
        &["ConditionPathExists=|/nope", "ConditionPathExists=|/etc"],
        &["ConditionPathIsDirectory=/etc", "AssertPathExists=/nope"],
        &[
            "ConditionDirectoryNotEmpty=/etc",
            "AssertFileNotEmpty=/etc/passwd",
        ],
    ];
    for args in cases {
        let mut full = vec!["condition"];
        full.extend_from_slice(args);
        let ours = analyze(&m, &full);
        if let Some(theirs) = systemd_analyze(&m, &full) {
            assert_eq!(ours.code, theirs.code, "{args:?}: {}", ours.stderr);
            // The summary lines are the same words.
            for summary in [
                "Conditions succeeded.",
                "Conditions failed.",
                "Asserts failed.",
            ] {
                assert_eq!(
                    ours.stderr.contains(summary),
                    theirs.stderr.contains(summary),
                    "{args:?} {summary}\nours: {}\ntheirs: {}",
                    ours.stderr,
                    theirs.stderr
                );
            }
        }
    }
    let r = analyze(&m, &["condition", "Bogus=1"]).expect_code(1);
    assert!(r.stderr.contains("Bogus=1"), "{}", r.stderr);
}

#[test]
fn cat_config_prints_the_file_and_its_drop_ins() {
    let m = Manager::new(BIN);
    let dir = m.dir.path().join("conf");
    std::fs::create_dir_all(dir.join("x.conf.d")).unwrap();
    std::fs::write(dir.join("x.conf"), "[Login]\nA=1\n").unwrap();
    std::fs::write(dir.join("x.conf.d/b.conf"), "[Login]\nB=2\n").unwrap();
    let main = dir.join("x.conf");
    let r = analyze(&m, &["cat-config", main.to_str().unwrap()]).expect_code(0);
    assert_eq!(
        r.stdout,
        format!(
            "# {}\n[Login]\nA=1\n\n# {}\n[Login]\nB=2\n",
            main.display(),
            dir.join("x.conf.d/b.conf").display()
        )
    );
    analyze(&m, &["cat-config", "no/such.conf"]).expect_code(1);
}

#[test]
fn security_scores_what_the_unit_asks_for() {
    let mut m = Manager::new(BIN);
    m.write_unit("bare.service", "[Service]\nExecStart=/bin/sleep 100\n");
    m.write_unit(
        "tight.service",
        "[Service]\nExecStart=/bin/sleep 100\nNoNewPrivileges=yes\nPrivateTmp=yes\nPrivateNetwork=yes\nProtectSystem=strict\nProtectHome=yes\nUMask=0077\n",
    );
    m.start();
    let score = |u: &str| -> f64 {
        let r = analyze(&m, &["security", u]).expect_code(0);
        let line = r
            .stdout
            .lines()
            .find(|l| l.starts_with("→ Overall exposure level"))
            .unwrap_or_else(|| panic!("{}", r.stdout))
            .to_string();
        line.split(": ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert_eq!(score("bare.service"), 10.0);
    let tight = score("tight");
    assert!(tight < 7.0, "{tight}");
    let r = analyze(&m, &["security", "tight.service"]).expect_code(0);
    assert!(r.stdout.contains("✓ NoNewPrivileges="), "{}", r.stdout);
    assert!(r.stdout.contains("✗ ProtectClock="), "{}", r.stdout);
    let r = analyze(&m, &["security"]).expect_code(0);
    assert!(r.stdout.starts_with("UNIT"), "{}", r.stdout);
    analyze(&m, &["security", "nope.service"]).expect_code(1);
}

#[test]
fn blame_and_critical_chain_use_the_units_start_times() {
    let mut m = Manager::new(BIN);
    m.write_unit(
        "slow.service",
        "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/sleep 1\n[Install]\nWantedBy=default.target\n",
    );
    std::fs::create_dir_all(m.unit_dir().join("default.target.wants")).unwrap();
    std::os::unix::fs::symlink(
        m.unit_dir().join("slow.service"),
        m.unit_dir().join("default.target.wants/slow.service"),
    )
    .unwrap();
    m.write_unit(
        "default.target.d/after.conf",
        "[Unit]\nAfter=slow.service\n",
    );
    m.start();
    m.wait_for("default.target up", |m| {
        m.prop("default.target", "ActiveState") == "active"
    });
    let r = analyze(&m, &["blame"]).expect_code(0);
    let first = r.stdout.lines().next().unwrap_or("");
    assert!(first.ends_with(" slow.service"), "{}", r.stdout);
    let took = linger_time::parse_sec(first.trim_start().split(' ').next().unwrap()).unwrap();
    // The 1 s sleep, less what the spawn took before the manager stamped the start (it
    // stamps after the fork; under load that can be a good part of a second).
    assert!(took >= 500_000, "the 1 s sleep: {first}");
    let r = analyze(&m, &["critical-chain"]).expect_code(0);
    assert!(r.stdout.contains("\ndefault.target @"), "{}", r.stdout);
    assert!(r.stdout.contains("└─slow.service @"), "{}", r.stdout);
    assert!(
        r.stdout.contains("slow.service @") && r.stdout.contains(" +"),
        "{}",
        r.stdout
    );
}
