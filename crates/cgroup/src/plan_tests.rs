//! Table tests for the value syntax and for the file writes each driver gets.

use super::*;
use crate::controller::Controller;
use crate::detect::{DriverKind, V1Root};
use crate::resource::*;
use std::path::PathBuf;

const SYS: SystemInfo = SystemInfo {
    physical_memory: 8 << 30,
    tasks_max: 32767,
    page_size: 4096,
};

#[test]
fn size_syntax() {
    let table: &[(&str, Option<u64>)] = &[
        ("0", Some(0)),
        ("1024", Some(1024)),
        ("512M", Some(512 << 20)),
        ("1G", Some(1 << 30)),
        ("1.5G", Some(3 << 29)),
        ("2T", Some(2 << 40)),
        ("1E", Some(1 << 60)),
        ("16E", None), // overflows 64 bits
        ("4K", Some(4096)),
        ("100B", Some(100)),
        ("1 K", Some(1024)),
        (" 3M", Some(3 << 20)),
        ("1G 512M", Some((1 << 30) + (512 << 20))),
        ("1G512M", Some((1 << 30) + (512 << 20))),
        ("512M 1G", None), // units must decrease
        ("1M 1M", None),
        ("0.5K", Some(512)),
        ("1.", None),
        (".5K", None),
        ("-1", None),
        ("512m", None), // lower-case suffixes are not systemd's
        ("12X", None),
        ("", None),
        ("K", None),
        ("1 2", None),
    ];
    let mut bad = Vec::new();
    for (input, want) in table {
        let got = parse_size(input);
        if got != *want {
            bad.push(format!("{input:?}: expected {want:?}, got {got:?}"));
        }
    }
    assert!(bad.is_empty(), "parse_size mismatches:\n{}", bad.join("\n"));
}

#[test]
fn permyriad_syntax() {
    let table: &[(&str, bool, Option<u64>)] = &[
        ("50%", true, Some(5000)),
        ("0%", true, Some(0)),
        ("100%", true, Some(10_000)),
        ("101%", true, None),
        ("101%", false, Some(10_100)),
        ("12.5%", true, Some(1250)),
        ("12.34%", true, Some(1234)),
        ("12.345%", true, None),
        ("5‰", true, Some(50)),
        ("5.5‰", true, Some(55)),
        ("7‱", true, Some(7)),
        ("50", true, None),
        ("%", true, None),
        ("-5%", true, None),
        ("5.%", true, None),
        ("250%", false, Some(25_000)),
    ];
    let mut bad = Vec::new();
    for (input, bounded, want) in table {
        let got = parse_permyriad(input, *bounded);
        if got != *want {
            bad.push(format!(
                "{input:?} (bounded {bounded}): expected {want:?}, got {got:?}"
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "parse_permyriad mismatches:\n{}",
        bad.join("\n")
    );
}

/// (directive, value, expected limits after assigning to a default set, or None for an error)
fn assign_table() -> Vec<(Directive, &'static str, Option<ResourceLimits>)> {
    let l = ResourceLimits::default;
    let with = |f: fn(&mut ResourceLimits)| {
        let mut x = l();
        f(&mut x);
        Some(x)
    };
    vec![
        (
            Directive::MemoryMax,
            "512M",
            with(|x| x.memory_max = Some(MemoryValue::Bytes(512 << 20))),
        ),
        (
            Directive::MemoryMax,
            "1G",
            with(|x| x.memory_max = Some(MemoryValue::Bytes(1 << 30))),
        ),
        (
            Directive::MemoryMax,
            "50%",
            with(|x| x.memory_max = Some(MemoryValue::Permyriad(5000))),
        ),
        (
            Directive::MemoryMax,
            "infinity",
            with(|x| x.memory_max = Some(MemoryValue::Infinity)),
        ),
        (Directive::MemoryMax, "", Some(l())),
        (Directive::MemoryMax, "0", None),
        (Directive::MemoryMax, "0%", None),
        (Directive::MemoryMax, "150%", None),
        (Directive::MemoryMax, "lots", None),
        (Directive::MemoryMax, "-1", None),
        (
            Directive::MemoryHigh,
            "12M",
            with(|x| x.memory_high = Some(MemoryValue::Bytes(12 << 20))),
        ),
        (Directive::MemoryHigh, "0", None),
        (
            Directive::MemoryLow,
            "0",
            with(|x| x.memory_low = Some(MemoryValue::Bytes(0))),
        ),
        (
            Directive::MemoryLow,
            "15",
            with(|x| x.memory_low = Some(MemoryValue::Bytes(15))),
        ),
        (
            Directive::MemoryLow,
            "10%",
            with(|x| x.memory_low = Some(MemoryValue::Permyriad(1000))),
        ),
        (
            Directive::MemorySwapMax,
            "0",
            with(|x| x.memory_swap_max = Some(MemoryValue::Bytes(0))),
        ),
        (
            Directive::MemorySwapMax,
            "1G",
            with(|x| x.memory_swap_max = Some(MemoryValue::Bytes(1 << 30))),
        ),
        (Directive::MemorySwapMax, "10%", None),
        (
            Directive::TasksMax,
            "20",
            with(|x| x.tasks_max = Some(TasksValue::Count(20))),
        ),
        (
            Directive::TasksMax,
            "33%",
            with(|x| x.tasks_max = Some(TasksValue::Permyriad(3300))),
        ),
        (
            Directive::TasksMax,
            "infinity",
            with(|x| x.tasks_max = Some(TasksValue::Infinity)),
        ),
        (Directive::TasksMax, "0", None),
        (Directive::TasksMax, "0%", None),
        (Directive::TasksMax, "1K", None),
        (Directive::TasksMax, "-3", None),
        (
            Directive::CPUQuota,
            "20%",
            with(|x| x.cpu_quota_permyriad = Some(2000)),
        ),
        (
            Directive::CPUQuota,
            "150%",
            with(|x| x.cpu_quota_permyriad = Some(15_000)),
        ),
        (
            Directive::CPUQuota,
            "0.5%",
            with(|x| x.cpu_quota_permyriad = Some(50)),
        ),
        (Directive::CPUQuota, "0%", None),
        (Directive::CPUQuota, "20", None),
        (Directive::CPUQuota, "", Some(l())),
        (
            Directive::CPUWeight,
            "100",
            with(|x| x.cpu_weight = Some(CpuWeight::Weight(100))),
        ),
        (
            Directive::CPUWeight,
            "30",
            with(|x| x.cpu_weight = Some(CpuWeight::Weight(30))),
        ),
        (
            Directive::CPUWeight,
            "idle",
            with(|x| x.cpu_weight = Some(CpuWeight::Idle)),
        ),
        (Directive::CPUWeight, "0", None),
        (Directive::CPUWeight, "10001", None),
        (
            Directive::IOWeight,
            "200",
            with(|x| x.io_weight = Some(200)),
        ),
        (
            Directive::IOWeight,
            "10000",
            with(|x| x.io_weight = Some(10_000)),
        ),
        (Directive::IOWeight, "idle", None),
        (Directive::IOWeight, "0", None),
    ]
}

#[test]
fn assign_values() {
    let mut bad = Vec::new();
    for (d, value, want) in assign_table() {
        let mut got = ResourceLimits::default();
        let r = got.assign(d, value);
        match (r, want) {
            (Ok(()), Some(w)) if got == w => {}
            (Err(e), None) => {
                let msg = e.to_string();
                // Errors name the directive and say what is accepted.
                if !msg.starts_with(&format!("{d}=")) || !msg.contains(d.accepted()) {
                    bad.push(format!("{d}={value}: poor message {msg:?}"));
                }
            }
            (r, w) => bad.push(format!(
                "{d}={value:?}: expected {w:?}, got {r:?} / {got:?}"
            )),
        }
    }
    assert!(bad.is_empty(), "assign mismatches:\n{}", bad.join("\n"));
}

#[test]
fn empty_value_resets() {
    let mut l = ResourceLimits::default();
    l.assign(Directive::MemoryMax, "1G").unwrap();
    l.assign(Directive::MemoryMax, "").unwrap();
    assert_eq!(l, ResourceLimits::default());
    assert_eq!(l.assign_key("Nice", "5"), Ok(false));
    assert_eq!(l.assign_key("TasksMax", "5"), Ok(true));
}

#[test]
fn directive_names_round_trip() {
    for d in Directive::ALL {
        assert_eq!(Directive::from_name(d.as_str()), Some(d));
    }
}

fn limits(pairs: &[(Directive, &str)]) -> ResourceLimits {
    let mut l = ResourceLimits::default();
    for (d, v) in pairs {
        l.assign(*d, v).unwrap();
    }
    l
}

fn writes(p: &Plan) -> Vec<String> {
    p.writes
        .iter()
        .map(|w| {
            let t = match w.target {
                Target::Unified => "v2".to_owned(),
                Target::V1(c) => format!("v1:{c}"),
            };
            format!("{t} {}={}", w.file, w.value)
        })
        .collect()
}

fn all_v2() -> Availability {
    Availability::new(DriverKind::Unified, &Controller::ALL, &[])
}

fn hybrid() -> Availability {
    let root = |c: Controller| V1Root {
        controllers: vec![c],
        path: PathBuf::from("/x"),
    };
    Availability::new(
        DriverKind::Hybrid,
        &[],
        &[
            root(Controller::Memory),
            root(Controller::Pids),
            root(Controller::Cpu),
        ],
    )
}

#[test]
fn plan_unified_formats() {
    let l = limits(&[
        (Directive::MemoryMax, "512M"),
        (Directive::MemoryHigh, "50%"),
        (Directive::MemoryLow, "infinity"),
        (Directive::MemorySwapMax, "0"),
        (Directive::TasksMax, "33%"),
        (Directive::CPUQuota, "20%"),
        (Directive::CPUWeight, "30"),
        (Directive::IOWeight, "200"),
    ]);
    let p = plan(&l, &all_v2(), &SYS, ApplyMode::Fresh);
    assert_eq!(
        writes(&p),
        [
            "v2 memory.max=536870912",
            "v2 memory.high=4294967296",
            "v2 memory.low=max",
            "v2 memory.swap.max=0",
            "v2 pids.max=10813",
            "v2 cpu.max=20000 100000",
            "v2 cpu.weight=30",
            "v2 io.weight=default 200",
        ]
    );
    assert!(p.warnings.is_empty() && p.unsupported.is_empty());
}

#[test]
fn plan_quota_edges() {
    let q = |v: &str| {
        let p = plan(
            &limits(&[(Directive::CPUQuota, v)]),
            &all_v2(),
            &SYS,
            ApplyMode::Fresh,
        );
        writes(&p).join(",")
    };
    assert_eq!(q("150%"), "v2 cpu.max=150000 100000");
    assert_eq!(q("0.5%"), "v2 cpu.max=1000 100000"); // the kernel's 1 ms minimum
    assert_eq!(q("100%"), "v2 cpu.max=100000 100000");
}

#[test]
fn plan_unified_reapply_resets_defaults() {
    let p = plan(
        &ResourceLimits::default(),
        &all_v2(),
        &SYS,
        ApplyMode::Reapply,
    );
    assert_eq!(
        writes(&p),
        [
            "v2 memory.max=max",
            "v2 memory.high=max",
            "v2 memory.low=0",
            "v2 memory.swap.max=max",
            "v2 pids.max=max",
            "v2 cpu.max=max 100000",
            "v2 cpu.idle=0",
            "v2 cpu.weight=100",
            "v2 io.weight=default 100",
        ]
    );
}

#[test]
fn plan_hybrid_v1_equivalents() {
    let l = limits(&[
        (Directive::MemoryMax, "50M"),
        (Directive::MemoryHigh, "40M"),
        (Directive::MemorySwapMax, "10M"),
        (Directive::TasksMax, "20"),
        (Directive::CPUQuota, "20%"),
        (Directive::CPUWeight, "200"),
    ]);
    let p = plan(&l, &hybrid(), &SYS, ApplyMode::Fresh);
    assert_eq!(
        writes(&p),
        [
            "v1:memory memory.memsw.limit_in_bytes=-1",
            "v1:memory memory.limit_in_bytes=52428800",
            "v1:memory memory.memsw.limit_in_bytes=62914560",
            "v1:pids pids.max=20",
            "v1:cpu cpu.cfs_period_us=100000",
            "v1:cpu cpu.cfs_quota_us=20000",
            "v1:cpu cpu.shares=2048",
        ]
    );
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    assert!(p.warnings[0].starts_with("MemoryHigh= has no cgroup v1 equivalent"));
    assert!(p.warnings[0].ends_with(", ignoring."));
}

#[test]
fn plan_hybrid_idle_low_and_io() {
    let l = limits(&[
        (Directive::CPUWeight, "idle"),
        (Directive::MemoryLow, "1G"),
        (Directive::IOWeight, "300"),
    ]);
    let p = plan(&l, &hybrid(), &SYS, ApplyMode::Fresh);
    assert_eq!(
        writes(&p),
        [
            "v1:memory memory.soft_limit_in_bytes=1073741824",
            "v1:cpu cpu.shares=10"
        ]
    );
    assert_eq!(
        p.check().unwrap_err().to_string(),
        "IOWeight= needs the io controller, which is not available to this manager (driver hybrid)"
    );
}

#[test]
fn plan_none_names_directive() {
    let l = limits(&[(Directive::MemoryMax, "1G"), (Directive::TasksMax, "5")]);
    let p = plan(&l, &Availability::none(), &SYS, ApplyMode::Fresh);
    assert!(p.writes.is_empty());
    let msgs: Vec<String> = p.unsupported.iter().map(ToString::to_string).collect();
    assert_eq!(
        msgs,
        [
            "MemoryMax= needs a cgroup controller; this manager runs without cgroups (driver none)",
            "TasksMax= needs a cgroup controller; this manager runs without cgroups (driver none)",
        ]
    );
}

#[test]
fn availability_check() {
    let l = limits(&[(Directive::CPUWeight, "5")]);
    assert_eq!(
        Availability::none().check(&l).unwrap_err().to_string(),
        "CPUWeight= needs a cgroup controller; this manager runs without cgroups (driver none)"
    );
    assert_eq!(all_v2().check(&l), Ok(()));
    assert_eq!(
        Availability::none().check(&ResourceLimits::default()),
        Ok(())
    );
}
