//! What issue 12's set-up adds to one spawn (target ≤ 0.1 ms): the seccomp filters of a
//! hardened unit (compiled once per unit by the manager, loaded by every child before its
//! `execve`) and `RuntimeDirectory=` & co. (made by the manager before the fork).
//!
//! Each part is measured on its own, exactly, and then as the difference it makes to a whole
//! spawn:
//! - directories: `dirs::ensure` of five directories, already there (every spawn of a unit
//!   whose directories persist) and new (a `RuntimeDirectory=` removed at the last stop);
//! - seccomp: `PR_SET_NO_NEW_PRIVS` plus loading the unit's programs — the very calls the
//!   child makes — on a thread of this process made for it (filters and no_new_privs are per
//!   thread; the thread ends after), and what the filters add to each system call after;
//! - whole spawns: `/bin/true` spawned and waited for, plain / with the filters / with the
//!   directories / with both, taking turns run by run so that drift in the machine's load
//!   falls on all four alike.
//!
//! Figures are medians over many runs. `cargo bench -p linger-exec --bench spawn_cost`
//! (bench/results-spawn-cost.txt holds the measured ones with the load at the time).
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use linger_exec::dirs::{DirRequest, ensure};
use linger_exec::seccomp::{BpfProgram, FilterSpec, compile};
use linger_exec::{ExecSpec, spawn};

const RUNS: usize = 3000;
const DIRS: [&str; 5] = ["run/a", "state/b", "cache/c", "logs/d", "conf/e"];

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn us(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e6
}

fn wait(pid: u32) {
    let pid = rustix::process::Pid::from_raw(pid as i32);
    let _ = rustix::process::waitpid(pid, rustix::process::WaitOptions::empty());
}

fn make_dirs(root: &Path) {
    for path in DIRS {
        ensure(DirRequest {
            root,
            path,
            mode: 0o755,
            symlinks: &[],
        })
        .expect("dir");
    }
}

/// µs of `ensure` for the five directories: (already there, made anew).
fn directories() -> (f64, f64) {
    let dir = tempfile::tempdir().expect("tmp");
    make_dirs(dir.path());
    let existing = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            make_dirs(dir.path());
            us(t)
        })
        .collect();
    let fresh = (0..RUNS)
        .map(|i| {
            let root = dir.path().join(format!("n{i}"));
            let t = Instant::now();
            make_dirs(&root);
            us(t)
        })
        .collect();
    (median(existing), median(fresh))
}

/// On a new thread: µs to set no_new_privs and load `programs` (as the child does), and ns
/// per system call (`getppid`) before and after.
fn seccomp_on_a_thread(programs: &[BpfProgram]) -> (f64, f64, f64) {
    let programs = programs.to_vec();
    std::thread::spawn(move || {
        const CALLS: u32 = 100_000;
        let per_call = || {
            let t = Instant::now();
            for _ in 0..CALLS {
                std::hint::black_box(rustix::process::getppid());
            }
            t.elapsed().as_secs_f64() * 1e9 / f64::from(CALLS)
        };
        let before = per_call();
        let t = Instant::now();
        rustix::thread::set_no_new_privs(true).expect("no_new_privs");
        for p in &programs {
            seccompiler::apply_filter(p).expect("load the filter");
        }
        let load = us(t);
        (load, before, per_call())
    })
    .join()
    .expect("thread")
}

fn main() {
    // A hardened unit: SystemCallFilter=@system-service and the other seccomp settings.
    let mut calls = BTreeMap::new();
    for group in ["@system-service", "@default"] {
        for n in linger_unit::value::syscall_group(group).expect("group") {
            calls.insert(n.to_string(), None);
        }
    }
    let spec = FilterSpec {
        syscalls: Some((true, calls)),
        default_errno: Some(1),
        archs: vec!["native".into()],
        address_families: Some((true, vec![1, 2, 10])),
        namespaces_allowed: Some(0),
        lock_personality: true,
        memory_deny_write_execute: true,
        restrict_realtime: true,
        refuse_module_calls: false,
    };
    let t = Instant::now();
    let programs = compile(&spec).expect("compile").programs;
    let compile_us = us(t);
    let only_filter = compile(&FilterSpec {
        syscalls: spec.syscalls.clone(),
        ..FilterSpec::default()
    })
    .expect("compile")
    .programs;
    let instructions: usize = programs.iter().map(Vec::len).sum();

    let (dirs_existing, dirs_new) = directories();
    let loads: Vec<(f64, f64, f64)> = (0..200).map(|_| seccomp_on_a_thread(&programs)).collect();
    let load = median(loads.iter().map(|l| l.0).collect());
    let call_before = median(loads.iter().map(|l| l.1).collect());
    let call_after = median(loads.iter().map(|l| l.2).collect());
    let only: Vec<(f64, f64, f64)> = (0..200)
        .map(|_| seccomp_on_a_thread(&only_filter))
        .collect();
    let only_load = median(only.iter().map(|l| l.0).collect());
    let each: Vec<f64> = programs
        .iter()
        .map(|p| {
            median(
                (0..200)
                    .map(|_| seccomp_on_a_thread(std::slice::from_ref(p)).0)
                    .collect(),
            )
        })
        .collect();
    let trivial: BpfProgram = vec![seccompiler::sock_filter {
        code: 0x06,
        jt: 0,
        jf: 0,
        k: 0x7fff_0000,
    }];
    let trivial_load = median(
        (0..200)
            .map(|_| seccomp_on_a_thread(std::slice::from_ref(&trivial)).0)
            .collect(),
    );

    // Whole spawns, the four cases taking turns.
    let dir = tempfile::tempdir().expect("tmp");
    let mut times: [Vec<f64>; 4] = Default::default();
    for _ in 0..RUNS {
        for (case, v) in times.iter_mut().enumerate() {
            let t = Instant::now();
            if case & 2 != 0 {
                make_dirs(dir.path());
            }
            let mut s = ExecSpec::new("/bin/true", &["true"]).expect("spec");
            if case & 1 != 0 {
                s.no_new_privileges = true;
                s.seccomp = programs.clone();
            }
            let child = spawn(s).expect("spawn");
            wait(child.pid);
            v.push(us(t));
        }
    }
    let [plain, filtered, with_dirs, both] = times.map(median);

    let load_avg = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "# crates/exec/benches/spawn_cost.rs: medians, load {}",
        load_avg
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!(
        "hardened unit: SystemCallFilter=@system-service, SystemCallErrorNumber=EPERM, \
         SystemCallArchitectures=native, RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6, \
         RestrictNamespaces=yes, LockPersonality=, MemoryDenyWriteExecute=, RestrictRealtime= \
         → {} programs, {instructions} BPF instructions",
        programs.len()
    );
    println!("set-up alone (what a spawn pays for it):");
    println!(
        "  seccomp: no_new_privs + load of the {} programs (child, per spawn)   {load:7.1} µs  (median of 200)",
        programs.len()
    );
    println!(
        "  seccomp: SystemCallFilter=@system-service alone                      {only_load:7.1} µs"
    );
    println!(
        "  seccomp: each program alone (instructions: µs)  {}",
        programs
            .iter()
            .zip(&each)
            .map(|(p, t)| format!("{}: {t:.1}", p.len()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "  seccomp: a one-instruction program (the fixed cost of one more)       {trivial_load:7.1} µs"
    );
    println!(
        "  seccomp: compile (manager, once per unit, not per spawn)              {compile_us:7.1} µs"
    );
    println!(
        "  seccomp: each system call after (getppid)          {call_before:5.0} ns → {call_after:5.0} ns  (+{:.0} ns)",
        call_after - call_before
    );
    println!(
        "  5 directories, already there (manager, per spawn)                     {dirs_existing:7.1} µs  (median of {RUNS})"
    );
    println!(
        "  5 directories, made anew (RuntimeDirectory= after a stop)             {dirs_new:7.1} µs"
    );
    println!("whole spawn + wait of /bin/true, cases taking turns, median of {RUNS} each:");
    println!("  plain                                              {plain:8.1} µs");
    println!(
        "  + seccomp programs and no_new_privs                {filtered:8.1} µs  (+{:.1} µs)",
        filtered - plain
    );
    println!(
        "  + 5 existing directories                           {with_dirs:8.1} µs  (+{:.1} µs)",
        with_dirs - plain
    );
    println!(
        "  + both                                             {both:8.1} µs  (+{:.1} µs)",
        both - plain
    );
}
