//! What issue 12's set-up adds to one spawn (target ≤ 0.1 ms): the seccomp filter of a
//! hardened unit (compiled once per unit by the manager, loaded by every child before its
//! `execve`) and `RuntimeDirectory=` & co. (made by the manager before the fork).
//!
//! The same settings are measured as one program (what linger loads) and as three programs
//! loaded one after another (the layout before: the table, the address families, the EPERM
//! group) — before/after in the same run.
//!
//! Each part is measured on its own, exactly, and then as the difference it makes to a whole
//! spawn:
//! - directories: `dirs::ensure` of five directories, already there (every spawn of a unit
//!   whose directories persist) and new (a `RuntimeDirectory=` removed at the last stop; on
//!   tmpfs, as `$XDG_RUNTIME_DIR` is);
//! - seccomp: `PR_SET_NO_NEW_PRIVS` plus loading the program(s) — the very calls the child
//!   makes — on a thread of this process made for it (filters and no_new_privs are per
//!   thread; the thread ends after), and what the filters add to each system call after;
//! - whole spawns: `/bin/true` spawned and waited for, plain / with the one program / with
//!   the three / with the directories / with the program and the directories, taking turns
//!   run by run so that drift in the machine's load falls on all alike.
//!
//! Figures are medians over many runs. `cargo bench -p linger-exec --bench spawn_cost`
//! (bench/results-spawn-cost.txt holds the measured ones with the load at the time).
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use linger_exec::dirs::{DirRequest, ensure};
use linger_exec::seccomp::{FilterSpec, Program, compile};
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

/// µs of `ensure` for the five directories: (already there, made anew — removed before each
/// run, as `RuntimeDirectory=` is at a stop, their roots there), on tmpfs like
/// `$XDG_RUNTIME_DIR` where the machine has one at hand (`/dev/shm`).
fn directories() -> (f64, f64) {
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm)
    } else {
        tempfile::tempdir()
    }
    .expect("tmp");
    make_dirs(dir.path());
    let existing = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            make_dirs(dir.path());
            us(t)
        })
        .collect();
    let fresh = (0..RUNS)
        .map(|_| {
            for path in DIRS {
                linger_exec::dirs::remove(dir.path(), path, &[]).expect("remove");
            }
            let t = Instant::now();
            make_dirs(dir.path());
            us(t)
        })
        .collect();
    (median(existing), median(fresh))
}

/// `program` as seccompiler's type (its `apply_filter` loads it).
fn bpf(program: &Program) -> seccompiler::BpfProgram {
    program
        .iter()
        .map(|i| seccompiler::sock_filter {
            code: i.code,
            jt: i.jt,
            jf: i.jf,
            k: i.k,
        })
        .collect()
}

/// On a new thread: µs to set no_new_privs and load `programs` (as the child does), and ns
/// per system call (`getppid`) before and after.
fn seccomp_on_a_thread(programs: &[Program]) -> (f64, f64, f64) {
    let programs: Vec<seccompiler::BpfProgram> = programs.iter().map(bpf).collect();
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

fn program(spec: &FilterSpec) -> Program {
    compile(spec).expect("compile").program.expect("a program")
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
        restrict_suid_sgid: true,
        refused: ["syslog", "sethostname", "setdomainname"]
            .map(String::from)
            .into(),
    };
    let t = Instant::now();
    let one = program(&spec);
    let compile_us = us(t);
    // Before: the address families, the settings that answer EPERM, and the table (with
    // SystemCallArchitectures=; last, as its allow-list refuses seccomp(2)), each a program
    // of its own.
    let three = vec![
        program(&FilterSpec {
            address_families: spec.address_families.clone(),
            ..FilterSpec::default()
        }),
        program(&FilterSpec {
            namespaces_allowed: spec.namespaces_allowed,
            lock_personality: true,
            memory_deny_write_execute: true,
            restrict_realtime: true,
            restrict_suid_sgid: true,
            refused: spec.refused.clone(),
            ..FilterSpec::default()
        }),
        program(&FilterSpec {
            syscalls: spec.syscalls.clone(),
            default_errno: spec.default_errno,
            archs: spec.archs.clone(),
            ..FilterSpec::default()
        }),
    ];
    let only_filter = program(&FilterSpec {
        syscalls: spec.syscalls.clone(),
        ..FilterSpec::default()
    });

    let (dirs_existing, dirs_new) = directories();
    // The layouts take turns so that drift in the load falls on both.
    let (mut one_runs, mut three_runs) = (Vec::new(), Vec::new());
    for _ in 0..300 {
        one_runs.push(seccomp_on_a_thread(std::slice::from_ref(&one)));
        three_runs.push(seccomp_on_a_thread(&three));
    }
    let med =
        |v: &[(f64, f64, f64)], f: fn(&(f64, f64, f64)) -> f64| median(v.iter().map(f).collect());
    let one_load = med(&one_runs, |l| l.0);
    let three_load = med(&three_runs, |l| l.0);
    let call_before = med(&one_runs, |l| l.1);
    let call_after = med(&one_runs, |l| l.2);
    let only_load = median(
        (0..300)
            .map(|_| seccomp_on_a_thread(std::slice::from_ref(&only_filter)).0)
            .collect(),
    );
    let trivial: Program = vec![linger_exec::seccomp::Insn {
        code: 0x06,
        jt: 0,
        jf: 0,
        k: 0x7fff_0000,
    }]
    .into();
    let trivial_load = median(
        (0..300)
            .map(|_| seccomp_on_a_thread(std::slice::from_ref(&trivial)).0)
            .collect(),
    );

    let each: Vec<f64> = three
        .iter()
        .map(|p| {
            median(
                (0..300)
                    .map(|_| seccomp_on_a_thread(std::slice::from_ref(p)).0)
                    .collect(),
            )
        })
        .collect();
    // Whole spawns, the cases taking turns. (The spawn path loads one program: the
    // three-program layout is compared above, on threads, in the same run.)
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
                s.seccomp = Some(one.clone());
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
         RestrictNamespaces=yes, LockPersonality=, MemoryDenyWriteExecute=, RestrictRealtime=, \
         RestrictSUIDSGID=, ProtectKernelLogs=, ProtectHostname= \
         → 1 program of {} BPF instructions (before: 3 programs of {} instructions)",
        one.len(),
        three.iter().map(|p| p.len()).sum::<usize>()
    );
    println!("set-up alone (what a spawn pays for it), layouts taking turns, median of 300 each:");
    println!(
        "  seccomp: no_new_privs + load of the ONE program (child, per spawn)   {one_load:7.1} µs"
    );
    println!(
        "  seccomp: no_new_privs + load of THREE programs (the layout before)   {three_load:7.1} µs"
    );
    println!(
        "  seccomp: the three alone (instructions: µs)  {}",
        three
            .iter()
            .zip(&each)
            .map(|(p, t)| format!("{}: {t:.1}", p.len()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "  seccomp: SystemCallFilter=@system-service alone                      {only_load:7.1} µs"
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
        "  5 directories, made anew on tmpfs (RuntimeDirectory= after a stop)    {dirs_new:7.1} µs"
    );
    println!("whole spawn + wait of /bin/true, cases taking turns, median of {RUNS} each:");
    println!("  plain                                              {plain:8.1} µs");
    println!(
        "  + the seccomp program and no_new_privs             {filtered:8.1} µs  (+{:.1} µs)",
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
