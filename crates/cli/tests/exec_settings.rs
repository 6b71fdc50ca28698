//! Process-execution settings of real units, end to end (issue 12): `Limit*=` above what the
//! manager may grant, the open-file limits of the manager and its services.
#![allow(clippy::print_stderr)]

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

/// A manager that, like an ordinary user's, may not raise hard limits: as root it is started
/// with CAP_SYS_RESOURCE dropped from its bounding set.
fn unprivileged_manager() -> Manager {
    let mut m = Manager::new(BIN);
    if rustix::process::geteuid().is_root() {
        m.start_wrapped(&["setpriv", "--bounding-set=-sys_resource", "--"]);
    } else {
        m.start();
    }
    m
}

fn journal(m: &Manager, unit: &str) -> String {
    m.linger(&["journal", "-u", unit, "-o", "cat"])
        .expect_code(0)
        .stdout
}

/// `(soft, hard)` of a line of /proc/PID/limits (`unlimited` → u64::MAX).
fn proc_limit(pid: u32, name: &str) -> (u64, u64) {
    let text = std::fs::read_to_string(format!("/proc/{pid}/limits")).expect("limits");
    let line = text
        .lines()
        .find(|l| l.starts_with(name))
        .unwrap_or_else(|| panic!("no {name} in\n{text}"));
    let mut v = line[name.len()..].split_whitespace().map(|w| {
        if w == "unlimited" {
            u64::MAX
        } else {
            w.parse().expect("number")
        }
    });
    (v.next().unwrap(), v.next().unwrap())
}

/// Debian's mpd.service asks for `LimitRTPRIO=40` and `LimitMEMLOCK=64M`; a user manager
/// cannot grant more than its own hard limits, so it lowers them (saying which, once) and the
/// service starts instead of failing with 205/LIMITS.
#[test]
fn limits_above_the_hard_limit_are_lowered_and_named_once() {
    let m = unprivileged_manager();
    let me = std::process::id();
    let (_, own_rtprio) = proc_limit(me, "Max realtime priority");
    let (_, own_memlock) = proc_limit(me, "Max locked memory");
    if own_rtprio >= 40 && own_memlock >= 64 << 20 {
        eprintln!("skipped: this process may already grant RTPRIO 40 and MEMLOCK 64M");
        return;
    }
    m.write_unit(
        "rt.service",
        "[Service]\nLimitRTPRIO=40\nLimitMEMLOCK=64M\nLimitNOFILE=100:200\nExecStart=/bin/sleep 600\n",
    );
    m.systemctl(&["start", "rt.service"]).expect_code(0);
    assert_eq!(m.prop("rt.service", "ActiveState"), "active");
    let pid = m.main_pid("rt.service");
    assert_eq!(
        proc_limit(pid, "Max realtime priority"),
        (40.min(own_rtprio), 40.min(own_rtprio))
    );
    let memlock = (64u64 << 20).min(own_memlock);
    assert_eq!(proc_limit(pid, "Max locked memory"), (memlock, memlock));
    assert_eq!(
        proc_limit(pid, "Max open files"),
        (100, 200),
        "within limits: as asked"
    );

    m.systemctl(&["restart", "rt.service"]).expect_code(0);
    m.wait_for("the restarted service", |m| m.main_pid("rt.service") != pid);
    let log = journal(&m, "rt.service");
    if own_rtprio < 40 {
        assert_eq!(
            log.matches("LimitRTPRIO=40:40 is above the hard limit")
                .count(),
            1,
            "named once, not at every start:\n{log}"
        );
    }
    if own_memlock < 64 << 20 {
        assert!(
            log.contains("LimitMEMLOCK=67108864:67108864 is above"),
            "{log}"
        );
    }
    assert!(!log.contains("LimitNOFILE"), "{log}");
    assert!(!log.contains("205/LIMITS"), "{log}");
}

/// The manager raises its own soft open-file limit to the hard one (it holds an fd per
/// service); its services still get 1024 unless they ask.
#[test]
fn manager_raises_its_open_file_limit_and_services_get_1024() {
    let m = unprivileged_manager();
    let (_, hard) = proc_limit(std::process::id(), "Max open files");
    let manager = m.pid().expect("manager pid");
    // The wrapper exec's the manager: same pid.
    assert_eq!(proc_limit(manager, "Max open files"), (hard, hard));
    m.write_unit("plain.service", "[Service]\nExecStart=/bin/sleep 600\n");
    m.systemctl(&["start", "plain.service"]).expect_code(0);
    let pid = m.main_pid("plain.service");
    assert_eq!(proc_limit(pid, "Max open files"), (1024.min(hard), hard));
}

fn mode_of(p: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .permissions()
        .mode()
        & 0o7777
}

/// RuntimeDirectory= & co. are made below the user manager's roots, named in
/// `$RUNTIME_DIRECTORY` …, usable in the command line and with specifiers; the runtime one goes
/// away when the unit stops, the others stay.
#[test]
fn directories_are_made_named_and_runtime_ones_removed_on_stop() {
    let mut m = Manager::new(BIN);
    m.start();
    m.write_unit(
        "dirs.service",
        "[Service]\n\
         RuntimeDirectory=foo/bar baz:alias\n\
         RuntimeDirectoryMode=0700\n\
         StateDirectory=st\n\
         CacheDirectory=ca\n\
         LogsDirectory=lo\n\
         ConfigurationDirectory=co\n\
         ExecStart=/bin/sh -c 'echo \"$RUNTIME_DIRECTORY|$STATE_DIRECTORY|$CACHE_DIRECTORY|$LOGS_DIRECTORY|$CONFIGURATION_DIRECTORY|$1\" > %S/st/env; exec sleep 600' sh ${RUNTIME_DIRECTORY}\n",
    );
    m.systemctl(&["start", "dirs.service"]).expect_code(0);
    let home = m.home();
    let run = m.runtime();
    let env_file = home.join(".config/st/env");
    m.wait_for("the service's note", |_| {
        std::fs::read_to_string(&env_file).is_ok_and(|t| t.ends_with('\n'))
    });
    let runtime = format!(
        "{}:{}",
        run.join("foo/bar").display(),
        run.join("baz").display()
    );
    assert_eq!(
        std::fs::read_to_string(&env_file).unwrap().trim(),
        format!(
            "{runtime}|{}|{}|{}|{}|{runtime}",
            home.join(".config/st").display(),
            home.join(".cache/ca").display(),
            home.join(".config/log/lo").display(),
            home.join(".config/co").display(),
        )
    );
    assert_eq!(mode_of(&run.join("foo/bar")), 0o700);
    assert_eq!(mode_of(&run.join("foo")), 0o755);
    assert_eq!(mode_of(&home.join(".cache/ca")), 0o755);
    assert_eq!(
        std::fs::read_link(run.join("alias")).unwrap(),
        run.join("baz")
    );

    m.systemctl(&["stop", "dirs.service"]).expect_code(0);
    assert!(!run.join("foo/bar").exists() && !run.join("baz").exists());
    assert!(std::fs::symlink_metadata(run.join("alias")).is_err());
    assert!(home.join(".config/st/env").exists(), "state is kept");
    assert!(home.join(".cache/ca").is_dir() && home.join(".config/log/lo").is_dir());
}

/// `RuntimeDirectoryPreserve=restart` keeps the runtime directory (and what is in it) across
/// a restart and removes it on stop; `yes` keeps it after the stop too; `no` (the default)
/// gives the restarted service an empty one.
#[test]
fn runtime_directory_preserve() {
    let mut m = Manager::new(BIN);
    m.start();
    for (name, preserve) in [
        ("keep-restart", "restart"),
        ("keep-always", "yes"),
        ("keep-not", "no"),
    ] {
        m.write_unit(
            &format!("{name}.service"),
            &format!(
                "[Service]\nRuntimeDirectory={name}\nRuntimeDirectoryPreserve={preserve}\n\
                 ExecStart=/bin/sh -c 'touch $RUNTIME_DIRECTORY/mark-$$$$; exec sleep 600'\n"
            ),
        );
        let unit = format!("{name}.service");
        m.systemctl(&["start", &unit]).expect_code(0);
        let dir = m.runtime().join(name);
        let marks = |d: &std::path::Path| {
            std::fs::read_dir(d).map_or(0, |r| r.filter_map(Result::ok).count())
        };
        m.wait_for("the first mark", |_| marks(&dir) == 1);
        let first = m.main_pid(&unit);
        m.systemctl(&["restart", &unit]).expect_code(0);
        m.wait_for("the restarted run", |m| m.main_pid(&unit) != first);
        let second = m.main_pid(&unit);
        m.wait_for("the second mark", |_| {
            dir.join(format!("mark-{second}")).exists()
        });
        let after = if preserve == "no" { 1 } else { 2 };
        assert_eq!(marks(&dir), after, "{name}");
        m.systemctl(&["stop", &unit]).expect_code(0);
        assert_eq!(dir.exists(), preserve == "yes", "{name}");
    }
}
