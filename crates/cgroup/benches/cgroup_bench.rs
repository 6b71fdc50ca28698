//! `cargo bench -p linger-cgroup`: cost of a unit's cgroup setup + teardown (target ≤ 0.3 ms)
//! and time to stop a cgroup of 1,000 processes (target ≤ 50 ms). Root only.
//!
//! Works below `linger-bench-<pid>` under this process's own cgroups, signals only processes
//! it started, and removes everything it created, even on panic.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use linger_cgroup::{
    ApplyMode, Directive, DriverKind, RealFs, ResourceLimits, SystemInfo, UnitCgroups,
};

const ROOT_UNIT: &str = "linger-bench-root";
const UNITS: usize = 1000;
const SLEEPERS: usize = 1000;

struct Guard(UnitCgroups<RealFs>);

impl Drop for Guard {
    fn drop(&mut self) {
        let cg = &mut self.0;
        if cg.is_populated(ROOT_UNIT).unwrap_or(false) {
            let _ = cg.kill(ROOT_UNIT, 9);
            if cg.watch(ROOT_UNIT).unwrap_or(false) {
                let _ = cg.wait_events(Some(Duration::from_secs(10)));
                let _ = cg.drain_events();
            }
        }
        if let Err(e) = cg.remove(ROOT_UNIT) {
            eprintln!("cleanup failed: {e}");
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    if !rustix::process::geteuid().is_root() {
        println!("skipped: needs root");
        return;
    }
    let driver = linger_cgroup::detect();
    let Some(base) = driver.setup() else {
        println!("skipped: no cgroups (driver none)");
        return;
    };
    let kind: DriverKind = driver.kind();
    let rel = format!("linger-bench-{}", std::process::id());
    let mut parent = UnitCgroups::with_setup(RealFs::system(), kind, base.clone()).unwrap();
    // The test root exists in every hierarchy, so units can use any of them.
    parent.set_v1_accounting(true);
    parent.create_at(ROOT_UNIT, Path::new(&rel)).unwrap();
    let _guard = Guard(parent);
    let mut cg = UnitCgroups::with_setup(RealFs::system(), kind, base.join(&rel)).unwrap();
    cg.adopt_root().unwrap();
    let hierarchies = 1 + cg.setup().v1.len();
    println!("driver {}: {hierarchies} hierarchies", driver.name());

    // Slices exist in steady state; create app.slice once.
    cg.create("warm.service", None).unwrap();
    cg.remove("warm.service").unwrap();

    let names: Vec<String> = (0..UNITS).map(|i| format!("u{i}.service")).collect();
    let (mut tc, mut tj, mut tr) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let t = Instant::now();
    for n in &names {
        let a = Instant::now();
        cg.create(n, None).unwrap();
        let b = Instant::now();
        drop(cg.join_fds(n).unwrap());
        let c = Instant::now();
        cg.remove(n).unwrap();
        tc += b - a;
        tj += c - b;
        tr += c.elapsed();
    }
    let per = ms(t.elapsed()) / UNITS as f64;
    println!(
        "  create {:.3} join {:.3} remove {:.3}",
        ms(tc) / UNITS as f64,
        ms(tj) / UNITS as f64,
        ms(tr) / UNITS as f64
    );
    println!(
        "setup+teardown, no limits (v2 cgroup only: mkdir, open join fd, rmdir): {per:.3} ms/unit (target <= 0.3 ms)"
    );

    let sys = SystemInfo::read().unwrap();
    let mut limits = ResourceLimits::default();
    for (d, v) in [
        (Directive::MemoryMax, "1G"),
        (Directive::TasksMax, "100"),
        (Directive::CPUQuota, "50%"),
    ] {
        limits.assign(d, v).unwrap();
    }
    let t = Instant::now();
    for n in &names {
        cg.create(n, None).unwrap();
        cg.apply(n, &limits, &sys, ApplyMode::Fresh).unwrap();
        drop(cg.join_fds(n).unwrap());
        cg.remove(n).unwrap();
    }
    let per = ms(t.elapsed()) / UNITS as f64;
    println!(
        "setup+teardown with MemoryMax, TasksMax, CPUQuota ({hierarchies} hierarchies): {per:.3} ms/unit (target <= 0.3 ms)"
    );

    for (signal, label) in [(9, "SIGKILL"), (15, "SIGTERM")] {
        let unit = format!("stop{signal}.service");
        cg.create(&unit, None).unwrap();
        let procs: Vec<PathBuf> = cg.procs_files(&unit).unwrap();
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(format!(
                r#"for f in "$@"; do echo $$ > "$f" || exit 97; done
                   i=0; while [ $i -lt {SLEEPERS} ]; do sleep 1000 </dev/null >/dev/null 2>&1 & i=$((i+1)); done
                   echo ready; exec sleep 1000 </dev/null >/dev/null 2>&1"#
            ))
            .arg("sh")
            .args(&procs)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line, "ready\n");
        let count = cg.pids(&unit).unwrap().len();
        assert!(count > SLEEPERS, "{count} processes");
        assert!(cg.watch(&unit).unwrap());
        let t = Instant::now();
        let report = cg.kill(&unit, signal).unwrap();
        let kill_call = ms(t.elapsed());
        let mut events = 0;
        loop {
            events += 1;
            assert!(
                cg.wait_events(Some(Duration::from_secs(10))).unwrap(),
                "stuck"
            );
            if cg.drain_events().unwrap().contains(&unit) {
                break;
            }
        }
        let took = ms(t.elapsed());
        println!(
            "  of which the kill() call (the kernel signalling every process): {kill_call:.1} ms; {events} inotify wake-up(s)"
        );
        println!(
            "stop {count} processes with {label} ({}) until populated 0: {took:.1} ms (target <= 50 ms)",
            report.method.as_str()
        );
        let _ = child.wait();
        cg.remove(&unit).unwrap();
    }
}
