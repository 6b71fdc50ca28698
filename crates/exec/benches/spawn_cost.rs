//! What issue 12's set-up adds to one spawn: seccomp filters (loaded by the child) and
//! `RuntimeDirectory=` & co. (made by the parent). Each case spawns `/bin/true` and waits for
//! it; the figure is the median over many spawns, and the cost is the difference to a plain
//! spawn. `cargo bench -p linger-exec --bench spawn_cost`
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::time::Instant;

use linger_exec::dirs::{DirRequest, ensure};
use linger_exec::seccomp::{FilterSpec, compile};
use linger_exec::{ExecSpec, spawn};

const RUNS: usize = 2000;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn wait(pid: u32) {
    let pid = rustix::process::Pid::from_raw(pid as i32);
    let _ = rustix::process::waitpid(pid, rustix::process::WaitOptions::empty());
}

/// Median µs of `setup` + spawn + wait.
fn measure(mut setup: impl FnMut(&mut ExecSpec)) -> f64 {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        let mut spec = ExecSpec::new("/bin/true", &["true"]).expect("spec");
        setup(&mut spec);
        let child = spawn(spec).expect("spawn");
        wait(child.pid);
        times.push(t.elapsed().as_secs_f64() * 1e6);
    }
    median(times)
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
    };
    let t = Instant::now();
    let compiled = compile(&spec).expect("compile");
    let compile_us = t.elapsed().as_secs_f64() * 1e6;
    let programs = compiled.programs;

    let dir = tempfile::tempdir().expect("tmp");
    let links: Vec<String> = Vec::new();
    let plain = measure(|_| {});
    let seccomp = measure(|s| {
        s.no_new_privileges = true;
        s.seccomp = programs.clone();
    });
    let allow_only = compile(&FilterSpec {
        syscalls: spec.syscalls.clone(),
        ..FilterSpec::default()
    })
    .expect("compile")
    .programs;
    let allow = measure(|s| {
        s.no_new_privileges = true;
        s.seccomp = allow_only.clone();
    });
    let small = compile(&FilterSpec {
        lock_personality: true,
        memory_deny_write_execute: true,
        restrict_realtime: true,
        ..FilterSpec::default()
    })
    .expect("compile")
    .programs;
    let small_cost = measure(|s| {
        s.no_new_privileges = true;
        s.seccomp = small.clone();
    });
    let dirs = measure(|_| {
        for path in ["run/a", "state/b", "cache/c", "logs/d", "conf/e"] {
            ensure(DirRequest {
                root: dir.path(),
                path,
                mode: 0o755,
                symlinks: &links,
            })
            .expect("dir");
        }
    });
    println!("spawn+wait of /bin/true, median of {RUNS}:");
    println!("  plain                         {plain:8.1} µs");
    println!(
        "  + {} seccomp programs, NNP     {seccomp:8.1} µs  (+{:.1} µs)",
        programs.len(),
        seccomp - plain
    );
    println!(
        "  + @system-service allow-list   {allow:8.1} µs  (+{:.1} µs)",
        allow - plain
    );
    println!(
        "  + LockPersonality/MDWE/RestrictRealtime {small_cost:8.1} µs  (+{:.1} µs)",
        small_cost - plain
    );
    println!(
        "  + 5 existing directories      {dirs:8.1} µs  (+{:.1} µs)",
        dirs - plain
    );
    println!("  seccomp compile (once per unit) {compile_us:6.1} µs");
}
