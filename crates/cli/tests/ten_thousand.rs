//! Issue 12's scale check: 10,000 real services (`/bin/sleep infinity`, one template's
//! instances) under an *ordinary user's* manager, started in one call, all active with a live
//! main process of that user, `status` of one answered, then stopped in one call with none
//! left — no unit active, no main process alive, no process but the manager in its cgroup.
//!
//! The manager starts with a login's soft open-file limit (1024) below the machine's hard one,
//! which it raises its own to (issue 12 item 2: it used to fail the 490th service). As root
//! it runs as `nobody` (what `start_as` does: an ordinary user's privileges) inside a
//! delegated cgroup the test creates below the unified hierarchy, as the login daemon would
//! make `user@UID.service`, so every service gets its cgroup as under systemd; the test
//! removes that cgroup afterwards. Not as root, the manager runs as the invoking user,
//! without cgroups. The test's own file (its own test binary): nothing else runs beside it.
//! Its speed is measured in bench/usermgr.py --scale 10000 (bench/results-scale.txt), not
//! here.
#![allow(clippy::print_stderr)]

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

use linger_test_support::{Manager, TestCgroups, alive};

const BIN: &str = env!("CARGO_BIN_EXE_linger");
const SERVICES: usize = 10_000;
/// The soft open-file limit a login gives (systemd's and the kernel's default, 1024): the
/// manager raises its own to the hard limit, or it could not hold 10,000 services' pipes.
const SOFT_NOFILE: &str = "ulimit -Sn 1024";

/// Whether `pid` is in the cgroup `dir` itself.
fn in_cgroup(pid: u32, dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("cgroup.procs"))
        .is_ok_and(|s| s.lines().any(|l| l.parse() == Ok(pid)))
}

/// When a process started (/proc/PID/stat's `starttime`, in clock ticks since boot): with its
/// pid, what tells it from a later process given the same pid.
fn start_time(pid: u32) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()?
        .rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(19)?
        .parse()
        .ok()
}

/// `Uid:` (real) of a process.
fn uid_of(pid: u32) -> Option<u32> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn id(flag: &str, user: &str) -> u32 {
    let out = Command::new("id")
        .args([flag, user])
        .output()
        .expect("run id");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("no user {user} here"))
}

fn with_names<'a>(verb: &[&'a str], names: &'a [String]) -> Vec<&'a str> {
    verb.iter()
        .copied()
        .chain(names.iter().map(String::as_str))
        .collect()
}

#[test]
fn ten_thousand_services_start_and_stop_under_an_ordinary_users_manager() {
    let mut m = Manager::new(BIN);
    m.write_unit(
        "s@.service",
        "[Unit]\nDescription=Scale %i\nStartLimitIntervalSec=0\n\
         [Service]\nExecStart=/bin/sleep infinity\n",
    );
    let root = rustix::process::geteuid().is_root();
    let (uid, cgroup) = if root {
        let (uid, gid) = (id("-u", "nobody"), id("-g", "nobody"));
        for dir in [m.home(), m.runtime()] {
            let ok = Command::new("chown")
                .args(["-R", &format!("{uid}:{gid}")])
                .arg(&dir)
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "cannot hand {} to nobody", dir.display());
        }
        let ok = Command::new("chmod")
            .arg("0755")
            .arg(m.dir.path())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "chmod the test tree");
        let cgroup = TestCgroups::create("scale", uid, false);
        let (reuid, regid) = (format!("--reuid={uid}"), format!("--regid={gid}"));
        let procs = cgroup
            .as_ref()
            .map(|c| c.procs_files()[0].to_string_lossy().into_owned());
        // The shell takes a login's soft limit, joins the delegated cgroup (if any), then
        // becomes setpriv, then the manager.
        let join = match &procs {
            Some(_) => "echo $$ > \"$0\" && ",
            None => "",
        };
        let script = format!("{SOFT_NOFILE} && {join}exec \"$@\"");
        let procs = procs.unwrap_or_else(|| "sh".into());
        m.start_wrapped(&[
            "/bin/sh",
            "-c",
            &script,
            &procs,
            "setpriv",
            &reuid,
            &regid,
            "--clear-groups",
            "--",
        ]);
        (uid, cgroup)
    } else {
        m.start_wrapped(&[
            "/bin/sh",
            "-c",
            &format!("{SOFT_NOFILE} && exec \"$@\""),
            "sh",
        ]);
        (rustix::process::getuid().as_raw(), None)
    };

    let names: Vec<String> = (0..SERVICES).map(|i| format!("s@{i}.service")).collect();
    let r = m.systemctl(&with_names(&["start"], &names));
    assert_eq!(
        r.code,
        0,
        "start of {SERVICES} failed: {}\nmanager log:\n{}",
        r.stderr,
        m.manager_log()
    );

    let r = m.systemctl(&with_names(&["is-active"], &names));
    let active = r.stdout.lines().filter(|l| *l == "active").count();
    assert_eq!(active, SERVICES, "only {active} active: {}", r.stderr);
    assert_eq!(r.code, 0);

    // Every one has a main process of its own, alive, running as the manager's user.
    let r = m.systemctl(&with_names(&["show", "-p", "MainPID", "--value"], &names));
    let pids: Vec<u32> = r
        .stdout
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.parse().expect("a pid"))
        .collect();
    assert_eq!(pids.len(), SERVICES, "{}", r.stderr);
    assert_eq!(pids.iter().collect::<HashSet<_>>().len(), SERVICES);
    assert!(
        pids.iter().all(|&p| p != 0 && alive(p)),
        "a main process is gone"
    );
    let started: Vec<Option<u64>> = pids.iter().map(|&p| start_time(p)).collect();
    assert!(
        pids.iter().all(|&p| uid_of(p) == Some(uid)),
        "a service runs as another user than {uid}"
    );
    if let Some(c) = &cgroup {
        // Each in the cgroup of its own unit.
        let mid = &names[SERVICES / 2];
        let own = std::fs::read_to_string(format!("/proc/{}/cgroup", pids[SERVICES / 2]))
            .unwrap_or_default();
        assert!(
            own.lines()
                .any(|l| l.starts_with("0::") && l.ends_with(mid.as_str())),
            "{mid} is not in its own cgroup: {own}"
        );
        assert!(
            c.v2_pids().len() > SERVICES,
            "the cgroup tree misses services"
        );
    }

    // The manager still answers about one of them.
    let mid = &names[SERVICES / 2];
    let r = m.systemctl(&["status", "--no-pager", "-n", "0", mid]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("Active: active (running)")
            && r.stdout
                .contains(&format!("Main PID: {} (sleep)", pids[SERVICES / 2])),
        "{}",
        r.stdout
    );

    let r = m.systemctl(&with_names(&["stop"], &names));
    assert_eq!(
        r.code,
        0,
        "stop of {SERVICES} failed: {}\nmanager log:\n{}",
        r.stderr,
        m.manager_log()
    );
    let r = m.systemctl(&with_names(&["is-active"], &names));
    let inactive = r.stdout.lines().filter(|l| *l == "inactive").count();
    assert_eq!(
        inactive,
        SERVICES,
        "{} are not inactive",
        SERVICES - inactive
    );
    let r = m.systemctl(&["list-units", "--no-legend", "--plain", "s@*"]);
    assert_eq!(r.stdout, "", "{}", r.stderr);
    // The same processes (a pid may be another process's by now: the machine went on
    // spawning while 10,000 were stopped).
    let left: Vec<u32> = pids
        .iter()
        .zip(&started)
        .filter(|(p, t)| alive(**p) && start_time(**p) == **t)
        .map(|(p, _)| *p)
        .collect();
    assert!(
        left.is_empty(),
        "{} main processes left: {left:?}",
        left.len()
    );
    if let Some(c) = &cgroup {
        // Only the manager's own processes (itself, its fd keeper) in its init.scope.
        let init = c.service_dirs()[0].join("init.scope");
        let others: Vec<u32> = c
            .v2_pids()
            .into_iter()
            .filter(|p| !in_cgroup(*p, &init))
            .collect();
        assert!(
            others.is_empty(),
            "processes left in the cgroup: {others:?}"
        );
    }
    m.shutdown();
}
