//! The Manager's control methods through systemd's own clients, over the private socket:
//! SetExitCode/ExitCode (`systemctl --user exit N`), setting LogLevel/LogTarget
//! (`systemctl --user log-level`, `systemd-analyze --user log-level/log-target`, on the
//! Manager and on `/org/freedesktop/LogControl1`), GetJobAfter/GetJobBefore (`systemctl
//! --user list-jobs --after --before`, `Job.GetAfter/GetBefore`), Dump/DumpByFileDescriptor
//! (`systemd-analyze --user dump`), AddDependencyUnitFiles (`add-wants`/`add-requires`),
//! RevertUnitFiles (`revert`) and GetUnitFileLinks. Where the expected text is systemd's, it
//! is what systemd 252 printed for the same units (run standalone via the anchors).
#![allow(clippy::print_stderr)] // "skipped: …" lines for machines without the tools

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");
const M: &str = "/org/freedesktop/systemd1";

fn manager(units: &[(&str, &str)]) -> Manager {
    Manager::with_dbus(BIN, units)
}

fn systemctl(m: &Manager, args: &[&str]) -> (i32, String, String) {
    m.systemd_systemctl(args)
}

fn analyze(m: &Manager, args: &[&str]) -> (i32, String, String) {
    m.systemd_user("/usr/bin/systemd-analyze", args)
}

fn have_tools() -> bool {
    let ok = Path::new("/usr/bin/systemctl").exists()
        && Path::new("/usr/bin/systemd-analyze").exists()
        && Command::new("dbus-send").arg("--help").output().is_ok();
    if !ok {
        eprintln!("skipped: needs systemd's systemctl, systemd-analyze and dbus-send");
    }
    ok
}

/// linger's own `status` of `unit` (its log tail is what the manager logged).
fn status(m: &Manager, unit: &str) -> String {
    m.systemctl(&["status", "-n", "50", unit]).stdout
}

const SLEEPER: &str = "[Service]\nExecStart=/bin/sleep infinity\n";

#[test]
fn systemctl_exit_n_makes_the_manager_exit_with_n() {
    if !have_tools() {
        return;
    }
    let mut m = manager(&[("a.service", SLEEPER)]);
    m.systemctl(&["start", "a.service"]).expect_code(0);
    let pid = m.main_pid("a.service");
    assert!(pid > 0);
    // ExitCode is what SetExitCode set.
    let (code, text) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.SetExitCode",
        &["byte:3"],
    );
    assert_eq!(code, 0, "{text}");
    let (code, text) = m.dbus_send(
        M,
        "org.freedesktop.DBus.Properties.Get",
        &["string:org.freedesktop.systemd1.Manager", "string:ExitCode"],
    );
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("variant       byte 3"), "{text}");
    // systemctl sets 7, then starts exit.target: systemd-exit.service's SuccessAction=exit-force.
    let (code, _, err) = systemctl(&m, &["exit", "7"]);
    assert_eq!(code, 0, "{err}");
    let status = m
        .wait_exit(Duration::from_secs(60))
        .unwrap_or_else(|| panic!("the manager did not exit; log:\n{}", m.manager_log()));
    assert_eq!(status.code(), Some(7), "{}", m.manager_log());
    // Its services were stopped on the way out.
    assert!(
        std::fs::read_to_string(format!("/proc/{pid}/stat")).map_or(true, |s| s.contains(") Z ")),
        "a.service's process outlived the manager"
    );
}

#[test]
fn the_log_level_and_target_change_what_the_manager_logs() {
    if !have_tools() {
        return;
    }
    let m = manager(&[
        ("quiet.service", SLEEPER),
        ("loud.service", SLEEPER),
        ("null.service", SLEEPER),
        ("back.service", SLEEPER),
    ]);
    let (code, out, _) = systemctl(&m, &["log-level"]);
    assert_eq!((code, out.as_str()), (0, "info\n"));
    let (code, out, _) = analyze(&m, &["log-target"]);
    assert_eq!((code, out.as_str()), (0, "auto\n"));

    // warning: the "Started" line (info) is not logged.
    let (code, _, err) = systemctl(&m, &["log-level", "warning"]);
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = analyze(&m, &["log-level"]);
    assert_eq!(out, "warning\n");
    m.systemctl(&["start", "quiet.service"]).expect_code(0);
    assert!(!status(&m, "quiet.service").contains("Started"));

    // debug: systemd's job line too.
    let (code, _, err) = analyze(&m, &["log-level", "debug"]);
    assert_eq!(code, 0, "{err}");
    m.systemctl(&["start", "loud.service"]).expect_code(0);
    let s = status(&m, "loud.service");
    assert!(
        s.contains("Installed new job loud.service/start as "),
        "{s}"
    );
    assert!(s.contains("Started"), "{s}");

    // null: nothing; back to journal: logged again.
    let (code, _, err) = analyze(&m, &["log-target", "null"]);
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = systemctl(&m, &["show", "-p", "LogTarget", "-p", "LogLevel"]);
    assert_eq!(out, "LogLevel=debug\nLogTarget=null\n");
    m.systemctl(&["start", "null.service"]).expect_code(0);
    assert!(!status(&m, "null.service").contains("Started"));
    let (code, _, err) = analyze(&m, &["log-target", "journal"]);
    assert_eq!(code, 0, "{err}");
    m.systemctl(&["start", "back.service"]).expect_code(0);
    assert!(status(&m, "back.service").contains("Started"));

    // Bad values, as systemd refuses them (systemd-analyze checks a level itself).
    let (code, _, err) = analyze(&m, &["log-level", "bogus"]);
    assert_eq!(
        (code, err.as_str()),
        (1, "\"bogus\" is not a valid log level.\n")
    );
    let (code, text) = m.dbus_send(
        "/org/freedesktop/LogControl1",
        "org.freedesktop.DBus.Properties.Set",
        &[
            "string:org.freedesktop.LogControl1",
            "string:LogLevel",
            "variant:string:bogus",
        ],
    );
    assert_ne!(code, 0);
    assert!(
        text.contains("org.freedesktop.DBus.Error.InvalidArgs: Invalid log level 'bogus'"),
        "{text}"
    );
    let (code, text) = m.dbus_send(
        M,
        "org.freedesktop.DBus.Properties.Set",
        &[
            "string:org.freedesktop.systemd1.Manager",
            "string:LogTarget",
            "variant:string:somewhere",
        ],
    );
    assert_ne!(code, 0);
    assert!(text.contains("Invalid log target 'somewhere'"), "{text}");
}

/// What systemd 252's `list-jobs --after --before` printed for the same two units.
const SYSTEMD_LIST_JOBS: &str = "JOB UNIT                                      TYPE  STATE
154 slow.service                              start running
└─  \tblocking job 172 (late.service/start)    -     -
172 late.service                              start waiting
└─  \twaiting for job 154 (slow.service/start) -     -

2 jobs listed.
";

/// A job waiting for another, as systemd lists them.
#[test]
fn list_jobs_after_and_before_name_the_jobs_that_wait_as_systemd() {
    if !have_tools() {
        return;
    }
    let m = manager(&[
        (
            "slow.service",
            "[Service]\nType=oneshot\nExecStart=/bin/sleep infinity\n",
        ),
        (
            "late.service",
            "[Unit]\nAfter=slow.service\n[Service]\nExecStart=/bin/sleep infinity\n",
        ),
    ]);
    let (code, _, err) = systemctl(&m, &["start", "--no-block", "slow.service", "late.service"]);
    assert_eq!(code, 0, "{err}");
    let job = |unit: &str| -> u32 {
        let (_, out, _) = systemctl(&m, &["list-jobs", "--no-legend", unit]);
        out.split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    m.wait_for("slow.service's job to run", |_| {
        systemctl(&m, &["list-jobs", "--no-legend", "slow.service"])
            .1
            .contains("running")
    });
    let (slow, late) = (job("slow.service"), job("late.service"));
    assert!(slow > 0 && late > 0);
    let (code, out, _) = systemctl(&m, &["list-jobs", "--after", "--before"]);
    assert_eq!(code, 0);
    // systemd's text (above) with this run's job ids; columns are as wide as their widest
    // cell, so compared word by word.
    let want = SYSTEMD_LIST_JOBS
        .replace("154", "SLOW")
        .replace("172", "LATE")
        .replace("SLOW", &slow.to_string())
        .replace("LATE", &late.to_string());
    let words = |s: &str| -> Vec<Vec<String>> {
        s.lines()
            .map(|l| l.split_whitespace().map(str::to_string).collect())
            .collect()
    };
    assert_eq!(words(&out), words(&want), "{out}");
    // The same through the job objects.
    let (code, text) = m.dbus_send(
        &format!("{M}/job/{late}"),
        "org.freedesktop.systemd1.Job.GetBefore",
        &[],
    );
    assert_eq!(code, 0, "{text}");
    assert!(text.contains(&format!("uint32 {slow}")), "{text}");
    assert!(text.contains("string \"slow.service\""), "{text}");
    let (code, text) = m.dbus_send(
        &format!("{M}/job/{late}"),
        "org.freedesktop.systemd1.Job.GetAfter",
        &[],
    );
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("uint32"), "{text}");
    // Asking did not cancel it.
    assert_eq!(job("late.service"), late);
    let (code, text) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.GetJobAfter",
        &["uint32:999999"],
    );
    assert_ne!(code, 0);
    assert!(
        text.contains("org.freedesktop.systemd1.NoSuchJob: Job 999999 does not exist."),
        "{text}"
    );
}

#[test]
fn systemd_analyze_dump_shows_the_units_in_systemds_layout() {
    if !have_tools() {
        return;
    }
    let m = manager(&[("a.service", SLEEPER), ("tpl@.service", SLEEPER)]);
    m.systemctl(&["start", "a.service", "tpl@x.service"])
        .expect_code(0);
    let pid = m.main_pid("a.service");
    // DumpByFileDescriptor (systemd-analyze's first choice).
    let (code, out, err) = analyze(&m, &["dump"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Manager: linger "), "{out}");
    let unit = out
        .split("-> Unit ")
        .find(|b| b.starts_with("a.service:\n"))
        .unwrap_or_else(|| panic!("no a.service in\n{out}"));
    for line in [
        "\tDescription: a.service\n",
        "\tInstance: n/a\n",
        "\tUnit Load State: loaded\n",
        "\tUnit Active State: active\n",
        "\tService State: running\n",
        "\tType: simple\n",
        &format!("\tMain PID: {pid}\n"),
    ] {
        assert!(unit.contains(line), "{line:?} not in\n{unit}");
    }
    // A pattern: those units only, without the manager's lines (as systemd 252).
    let (code, out, err) = analyze(&m, &["dump", "tpl@*"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("-> Unit tpl@x.service:\n"), "{out}");
    assert!(out.contains("\tInstance: x\n"), "{out}");
    assert_eq!(out.matches("-> Unit ").count(), 1, "{out}");
    // Dump (the string).
    let (code, text) = m.dbus_send(M, "org.freedesktop.systemd1.Manager.Dump", &[]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("-> Unit a.service:"), "{text}");
}

/// `add-wants`, `add-requires`, `revert` and `GetUnitFileLinks`: what systemd 252 printed
/// and answered for the same files (the unit directory `~/.config/systemd/user` written `~`):
/// ```text
/// $ systemctl --user add-wants default.target b.service            → 0
/// Created symlink ~/default.target.wants/b.service → ~/b.service.
/// $ systemctl --user add-requires foo.target a.service             → 1
/// Failed to add dependency on unit, unit foo.target does not exist.
/// $ systemctl --user add-wants default.target nothere.service      → 1
/// Failed to add dependency on unit, unit nothere.service does not exist.
/// $ systemctl --user revert a.service   (with a.service.d/x.conf)  → 0
/// Removed "~/a.service.d/x.conf".
/// Removed "~/a.service.d".
/// $ busctl --user call … GetUnitFileLinks sb a.service false   (enabled)
/// as 1 "~/default.target.wants/a.service"
/// ```
#[test]
fn add_wants_revert_and_unit_file_links_as_systemd() {
    if !have_tools() {
        return;
    }
    let m = manager(&[
        (
            "a.service",
            "[Service]\nExecStart=/bin/sleep infinity\n[Install]\nWantedBy=default.target\n",
        ),
        ("b.service", SLEEPER),
    ]);
    let dir = m.unit_dir();
    let d = dir.display().to_string();
    let run = |args: &[&str]| {
        let (code, out, err) = systemctl(&m, args);
        (code, format!("{out}{err}").replace(&d, "~"))
    };
    assert_eq!(
        run(&["add-wants", "default.target", "b.service"]),
        (
            0,
            "Created symlink ~/default.target.wants/b.service → ~/b.service.\n".into()
        )
    );
    assert_eq!(
        std::fs::read_link(dir.join("default.target.wants/b.service")).unwrap(),
        dir.join("b.service")
    );
    assert_eq!(
        run(&["add-requires", "foo.target", "a.service"]),
        (
            1,
            "Failed to add dependency on unit, unit foo.target does not exist.\n".into()
        )
    );
    assert_eq!(
        run(&["add-wants", "default.target", "nothere.service"]),
        (
            1,
            "Failed to add dependency on unit, unit nothere.service does not exist.\n".into()
        )
    );
    m.write_unit("a.service.d/x.conf", "[Service]\nNice=3\n");
    assert_eq!(
        run(&["revert", "a.service"]),
        (
            0,
            "Removed \"~/a.service.d/x.conf\".\nRemoved \"~/a.service.d\".\n".into()
        )
    );
    assert!(!dir.join("a.service.d").exists());
    // A unit the user wrote, that nobody ships, stays.
    assert!(dir.join("a.service").exists());
    let (code, _) = run(&["enable", "a.service"]);
    assert_eq!(code, 0);
    let (code, text) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.GetUnitFileLinks",
        &["string:a.service", "boolean:false"],
    );
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains(&format!(
            "string \"{}\"",
            dir.join("default.target.wants/a.service").display()
        )),
        "{text}"
    );
    // A dry run: the link is still there.
    assert!(dir.join("default.target.wants/a.service").exists());
}

/// `kill` and `reset-failed` of a unit that is not loaded: what systemd 252 printed for the
/// same commands (exit 1; its words).
#[test]
fn kill_and_reset_failed_of_a_unit_not_loaded_fail_as_systemd() {
    if !have_tools() {
        return;
    }
    let m = manager(&[("a.service", SLEEPER)]);
    let (code, _, err) = systemctl(&m, &["kill", "nothere.service"]);
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "Failed to kill unit nothere.service: Unit nothere.service not loaded.\n"
        )
    );
    let (code, _, err) = systemctl(&m, &["reset-failed", "nothere.service"]);
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "Failed to reset failed state of unit nothere.service: Unit nothere.service not loaded.\n"
        )
    );
    // A loaded one: fine.
    m.systemctl(&["start", "a.service"]).expect_code(0);
    let (code, _, err) = systemctl(&m, &["reset-failed", "a.service"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = systemctl(&m, &["kill", "a.service"]);
    assert_eq!(code, 0, "{err}");
}
