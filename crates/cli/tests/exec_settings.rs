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
