//! Tests on the running kernel (root only; elsewhere they print "skipped: needs root").
//!
//! Each test works below its own `linger-test-<pid>-<name>` cgroup, created under this
//! process's own cgroup in every hierarchy the driver uses (so a sandbox's limits still apply),
//! signals only processes it started, and removes everything it created, even on failure.
#![allow(clippy::print_stderr)] // a skipped test says so

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Duration;

use linger_cgroup::{
    ApplyMode, CgroupSetup, Directive, DriverKind, KillMethod, RealFs, ResourceLimits, SystemInfo,
    UnitCgroups,
};

/// A test's own cgroup subtree; dropping it kills what is left inside and removes it.
struct TestRoot {
    parent: UnitCgroups<RealFs>,
    setup: CgroupSetup,
    kind: DriverKind,
}

const ROOT_UNIT: &str = "linger-test-root";

impl TestRoot {
    fn new(name: &str) -> Option<Self> {
        if !rustix::process::geteuid().is_root() {
            eprintln!("skipped: needs root");
            return None;
        }
        let driver = linger_cgroup::detect();
        let Some(base) = driver.setup() else {
            eprintln!("skipped: no cgroups on this machine (driver none)");
            return None;
        };
        let rel = format!("linger-test-{}-{name}", std::process::id());
        let mut parent = UnitCgroups::with_setup(RealFs::system(), driver.kind(), base.clone())
            .expect("manage the test's parent cgroup");
        // The test root exists in every hierarchy, so units can use any of them.
        parent.set_v1_accounting(true);
        parent
            .create_at(ROOT_UNIT, Path::new(&rel))
            .expect("create the test cgroup");
        Some(Self {
            parent,
            setup: base.join(&rel),
            kind: driver.kind(),
        })
    }

    fn units(&self) -> UnitCgroups<RealFs> {
        UnitCgroups::with_setup(RealFs::system(), self.kind, self.setup.clone()).unwrap()
    }
}

impl Drop for TestRoot {
    fn drop(&mut self) {
        // Only processes this test started are in here.
        if self.parent.is_populated(ROOT_UNIT).unwrap_or(false) {
            let _ = self.parent.kill(ROOT_UNIT, 9);
            if self.parent.watch(ROOT_UNIT).unwrap_or(false) {
                let _ = self.parent.wait_events(Some(Duration::from_secs(5)));
                let _ = self.parent.drain_events();
            }
        }
        if let Err(e) = self.parent.remove(ROOT_UNIT) {
            eprintln!("cleanup of {} failed: {e}", self.setup.unified.display());
        }
    }
}

/// Starts `sh` that joins every `procs` file, says so, then runs `script`.
fn spawn_in(procs: &[PathBuf], script: &str) -> (Child, BufReader<ChildStdout>) {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            r#"for f in "$@"; do echo $$ > "$f" || exit 97; done; echo joined; {script}"#
        ))
        .arg("sh")
        .args(procs)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sh");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert_eq!(line, "joined\n", "the child could not join its cgroups");
    (child, out)
}

/// Waits (inotify, no polling) until the watched unit is empty.
fn wait_empty(cg: &mut UnitCgroups<RealFs>, unit: &str) {
    if !cg.watch(unit).unwrap() {
        return;
    }
    for _ in 0..100 {
        assert!(
            cg.wait_events(Some(Duration::from_secs(10))).unwrap(),
            "no event within 10 s"
        );
        if cg.drain_events().unwrap().iter().any(|u| u == unit) {
            return;
        }
    }
    panic!("{unit} never became empty");
}

#[test]
fn sleep_is_tracked_killed_and_removed() {
    let Some(root) = TestRoot::new("sleep") else {
        return;
    };
    let mut cg = root.units();
    cg.set_v1_accounting(true); // join every hierarchy, v1 included
    cg.adopt_root().unwrap();
    let dir = cg.create("sleep.service", None).unwrap();
    let (mut child, _out) = spawn_in(&cg.procs_files("sleep.service").unwrap(), "exec sleep 300");
    let pid = child.id();
    assert_eq!(cg.pids("sleep.service").unwrap(), [pid]);
    assert!(cg.is_populated("sleep.service").unwrap());
    // The join fds work too: move a second, plain child in through them.
    let mut other = Command::new("sleep").arg("300").spawn().unwrap();
    for fd in cg.join_fds("sleep.service").unwrap() {
        std::fs::File::from(fd)
            .write_all(other.id().to_string().as_bytes())
            .unwrap();
    }
    let mut own = String::new();
    std::fs::File::open(format!("/proc/{}/cgroup", other.id()))
        .unwrap()
        .read_to_string(&mut own)
        .unwrap();
    let rel = "/app.slice/sleep.service";
    let lines = own.lines().filter(|l| l.ends_with(rel)).count();
    assert_eq!(
        lines,
        cg.dirs("sleep.service").unwrap().len(),
        "joined every hierarchy:\n{own}"
    );
    assert_eq!(cg.pids("sleep.service").unwrap().len(), 2);

    let report = cg.kill("sleep.service", 9).unwrap();
    if Path::new(&dir).join("cgroup.kill").exists() {
        assert_eq!(report.method, KillMethod::CgroupKill);
    }
    wait_empty(&mut cg, "sleep.service");
    assert_eq!(child.wait().unwrap().signal(), Some(9));
    assert_eq!(other.wait().unwrap().signal(), Some(9));
    cg.remove("sleep.service").unwrap();
    assert!(!dir.exists());
}

#[test]
fn sigterm_reaches_a_setsid_daemon() {
    let Some(root) = TestRoot::new("term") else {
        return;
    };
    let mut cg = root.units();
    cg.adopt_root().unwrap();
    cg.create("d.service", None).unwrap();
    // A double fork with setsid: the daemon is no longer our child nor in our session.
    let (mut child, _out) = spawn_in(
        &cg.procs_files("d.service").unwrap(),
        "setsid sh -c 'sleep 300 & sleep 300' >/dev/null 2>&1 & exit 0",
    );
    assert!(child.wait().unwrap().success());
    assert!(
        cg.is_populated("d.service").unwrap(),
        "the daemon is still in the cgroup"
    );
    let r = cg.kill("d.service", 15).unwrap();
    assert!(r.complete && !r.signalled.is_empty(), "{r:?}");
    wait_empty(&mut cg, "d.service");
    cg.remove("d.service").unwrap();
}

#[test]
fn tasks_max_contains_a_fork_bomb() {
    let Some(root) = TestRoot::new("pids") else {
        return;
    };
    let mut cg = root.units();
    cg.adopt_root().unwrap();
    if cg.availability().pids == linger_cgroup::Location::Missing {
        eprintln!("skipped: no pids controller");
        return;
    }
    cg.create("bomb.service", None).unwrap();
    let mut l = ResourceLimits::default();
    l.assign(Directive::TasksMax, "20").unwrap();
    let sys = SystemInfo::read().unwrap();
    assert!(
        cg.apply("bomb.service", &l, &sys, ApplyMode::Fresh)
            .unwrap()
            .is_empty()
    );
    // A bounded "bomb": 100 background sleeps; dash gives up ("Cannot fork") at the limit.
    let (mut child, _out) = spawn_in(
        &cg.procs_files("bomb.service").unwrap(),
        // The sleeps must not hold our pipes, or reading stderr would wait for them.
        "i=0; while [ $i -lt 100 ]; do sleep 300 </dev/null >/dev/null 2>&1 & i=$((i+1)); done; exit 0",
    );
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(
        !status.success() && err.contains("fork"),
        "status {status:?}, stderr {err:?}"
    );
    let tasks = cg.stats("bomb.service").unwrap().tasks_current.unwrap();
    assert!((1..=20).contains(&tasks), "tasks {tasks}");
    assert!(cg.pids("bomb.service").unwrap().len() <= 20);
    cg.kill("bomb.service", 9).unwrap();
    wait_empty(&mut cg, "bomb.service");
    cg.remove("bomb.service").unwrap();
}

#[test]
fn memory_max_oom_kills_and_is_reported() {
    let Some(root) = TestRoot::new("mem") else {
        return;
    };
    let mut cg = root.units();
    cg.adopt_root().unwrap();
    if cg.availability().memory == linger_cgroup::Location::Missing {
        eprintln!("skipped: no memory controller");
        return;
    }
    if !Command::new("python3")
        .args(["-c", "pass"])
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("skipped: python3 not found");
        return;
    }
    cg.create("hog.service", None).unwrap();
    let mut l = ResourceLimits::default();
    l.assign(Directive::MemoryMax, "50M").unwrap();
    l.assign(Directive::MemorySwapMax, "0").unwrap(); // no escape into swap either
    let sys = SystemInfo::read().unwrap();
    cg.apply("hog.service", &l, &sys, ApplyMode::Fresh).unwrap();
    let (mut child, mut out) = spawn_in(
        &cg.procs_files("hog.service").unwrap(),
        "exec python3 -c 'b = bytearray(200 * 1024 * 1024); print(\"survived\")'",
    );
    let status = child.wait().unwrap();
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    assert_eq!(
        status.signal(),
        Some(9),
        "OOM-killed; status {status:?}, output {rest:?}"
    );
    assert!(!rest.contains("survived"));
    let stats = cg.stats("hog.service").unwrap();
    assert!(stats.oom_kills.unwrap() >= 1, "{stats:?}");
    wait_empty(&mut cg, "hog.service");
    cg.remove("hog.service").unwrap();
}
