//! systemd-run's flags: --nice, --slice (mangled to a slice name), -t as --pty's short form.

use linger_test_support::{Manager, Run};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn run(m: &Manager, args: &[&str]) -> Run {
    let mut full = vec!["--user"];
    full.extend_from_slice(args);
    Run::of(m.tool("systemd-run", &full).output().unwrap())
}

#[test]
fn nice_sets_the_service_nice_level_and_bad_levels_are_refused() {
    let mut m = Manager::new(BIN);
    m.start();
    run(
        &m,
        &[
            "--nice=7",
            "--wait",
            "-q",
            "--unit=nicely",
            "/bin/sh",
            "-c",
            "echo nice=$(cut -d' ' -f19 /proc/self/stat)",
        ],
    )
    .expect_code(0);
    let log = m.linger(&["journal", "-u", "nicely", "-o", "cat"]).stdout;
    assert!(log.contains("nice=7"), "{log}");
    let r = run(&m, &["--nice=99", "/bin/true"]).expect_code(1);
    assert!(r.stderr.contains("Nice="), "{}", r.stderr);
}

#[test]
fn slice_names_get_their_suffix() {
    let mut m = Manager::new(BIN);
    m.start();
    run(&m, &["--slice=batch", "--unit=sliced", "-r", "/bin/true"]).expect_code(0);
    let text =
        std::fs::read_to_string(m.runtime().join("systemd/transient/sliced.service")).unwrap();
    assert!(text.contains("\nSlice=batch.slice\n"), "{text}");
}

#[test]
fn t_is_short_for_pty() {
    let m = Manager::new(BIN);
    let long = run(&m, &["--pty", "--no-block", "/bin/true"]);
    let short = run(&m, &["-t", "--no-block", "/bin/true"]);
    assert_eq!(long.code, 1);
    assert_eq!((short.code, &short.stderr), (long.code, &long.stderr));
}

#[test]
fn collect_removes_a_failed_units_file_and_without_it_the_failure_stays() {
    let mut m = Manager::new(BIN);
    m.start();
    run(&m, &["--wait", "-q", "--unit=kept", "/bin/false"]).expect_code(1);
    let r = m.systemctl(&["is-failed", "kept.service"]).expect_code(0);
    assert_eq!(r.stdout, "failed\n");
    run(
        &m,
        &["--collect", "--wait", "-q", "--unit=gone", "/bin/false"],
    )
    .expect_code(1);
    // Its file is gone; without --collect it stays until reset-failed.
    assert!(!m.runtime().join("systemd/transient/gone.service").exists());
    assert!(m.runtime().join("systemd/transient/kept.service").exists());
    // ... and the unit is unloaded: systemd's words for a unit that is not there.
    let r = status_once_unloaded(&m, "gone.service");
    assert_eq!(r.stderr, "Unit gone.service could not be found.\n");
    // reset-failed ends the wait: the kept one is collected then.
    m.systemctl(&["reset-failed", "kept.service"])
        .expect_code(0);
    assert!(!m.runtime().join("systemd/transient/kept.service").exists());
    status_once_unloaded(&m, "kept.service");
}

/// `systemctl status UNIT` once it says the unit could not be found (exit 4). A follower
/// of the unit (`--wait`) keeps it loaded until the manager has seen that client hang up,
/// which happens beside the next call, not before it: asked again until then (10 s).
fn status_once_unloaded(m: &Manager, unit: &str) -> Run {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let r = m.systemctl(&["status", unit]);
        if r.code == 4 || std::time::Instant::now() > deadline {
            return r.expect_code(4);
        }
    }
}

#[test]
fn a_transient_service_that_ended_is_unloaded_and_its_name_free_again() {
    let mut m = Manager::new(BIN);
    m.start();
    run(&m, &["-q", "--unit=quick", "/bin/true"]).expect_code(0);
    let r = status_once_unloaded(&m, "quick.service");
    assert_eq!(r.stderr, "Unit quick.service could not be found.\n");
    assert!(!m.runtime().join("systemd/transient/quick.service").exists());
    let r = m.systemctl(&["list-units", "--all", "--plain", "--no-legend"]);
    assert!(!r.stdout.contains("quick.service"), "{}", r.stdout);
    // --wait still reads the result of a unit that ends at once, and the name can be used
    // again for a new transient unit.
    run(
        &m,
        &[
            "-q",
            "--wait",
            "--collect",
            "--unit=quick",
            "/bin/sh",
            "-c",
            "exit 3",
        ],
    )
    .expect_code(3);
    status_once_unloaded(&m, "quick.service");
}

#[test]
fn same_dir_runs_the_command_where_systemd_run_was_called() {
    let mut m = Manager::new(BIN);
    m.start();
    let here = m.dir.path().join("here");
    std::fs::create_dir_all(&here).unwrap();
    let mut cmd = m.tool(
        "systemd-run",
        &[
            "--user",
            "--same-dir",
            "--wait",
            "-q",
            "--unit=wd",
            "/bin/sh",
            "-c",
            "echo cwd=$(pwd)",
        ],
    );
    Run::of(cmd.current_dir(&here).output().unwrap()).expect_code(0);
    let log = m.linger(&["journal", "-u", "wd", "-o", "cat"]).stdout;
    assert!(log.contains(&format!("cwd={}", here.display())), "{log}");
    // Without it the service starts in the home directory, as a user manager's do.
    let mut cmd = m.tool(
        "systemd-run",
        &[
            "--user",
            "--wait",
            "-q",
            "--unit=wd2",
            "/bin/sh",
            "-c",
            "echo cwd=$(pwd)",
        ],
    );
    Run::of(cmd.current_dir(&here).output().unwrap()).expect_code(0);
    let log = m.linger(&["journal", "-u", "wd2", "-o", "cat"]).stdout;
    assert!(!log.contains(&format!("cwd={}", here.display())), "{log}");
}
