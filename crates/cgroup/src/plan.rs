//! From parsed directives to the exact cgroup file writes, for v2 files or their v1 equivalents.
//! Pure: [`plan`] decides, `UnitCgroups::apply` performs the writes.

use crate::controller::Controller;
use crate::detect::{DriverKind, V1Root};
use crate::error::{CgroupError, FsOp, Result};
use crate::resource::{
    CpuWeight, Directive, MemoryValue, ResourceError, ResourceLimits, TasksValue,
};

/// The CFS period linger uses for `CPUQuota=` (systemd's default `CPUQuotaPeriodSec=100ms`).
pub const CPU_PERIOD_USEC: u64 = 100_000;

/// Where a controller is available to the manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// In the cgroup2 hierarchy (enabled in the manager's subtree).
    Unified,
    /// In a v1 hierarchy.
    V1,
    /// Nowhere.
    Missing,
}

/// Which controllers the manager can use, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Availability {
    /// The driver in use (named in errors).
    pub driver: DriverKind,
    /// `memory`.
    pub memory: Location,
    /// `pids`.
    pub pids: Location,
    /// `cpu`.
    pub cpu: Location,
    /// `io`.
    pub io: Location,
}

impl Availability {
    /// No controllers: the `none` driver.
    #[must_use]
    pub fn none() -> Self {
        Self {
            driver: DriverKind::None,
            memory: Location::Missing,
            pids: Location::Missing,
            cpu: Location::Missing,
            io: Location::Missing,
        }
    }

    /// Availability from the controllers enabled in the v2 subtree and the v1 roots.
    #[must_use]
    pub fn new(driver: DriverKind, unified: &[Controller], v1: &[V1Root]) -> Self {
        let mut a = Self::none();
        a.driver = driver;
        if driver == DriverKind::None {
            return a;
        }
        for c in Controller::ALL {
            let loc = if unified.contains(&c) {
                Location::Unified
            } else if v1.iter().any(|r| r.controllers.contains(&c)) {
                Location::V1
            } else {
                Location::Missing
            };
            *a.slot(c) = loc;
        }
        a
    }

    fn slot(&mut self, c: Controller) -> &mut Location {
        match c {
            Controller::Memory => &mut self.memory,
            Controller::Pids => &mut self.pids,
            Controller::Cpu => &mut self.cpu,
            Controller::Io => &mut self.io,
        }
    }

    /// The directives in `limits` this manager cannot apply, each as an error naming it (for
    /// the `none` driver: every directive that is set).
    #[must_use]
    pub fn unsupported(&self, limits: &ResourceLimits) -> Vec<ResourceError> {
        limits
            .set_directives()
            .into_iter()
            .filter(|d| self.location(d.controller()) == Location::Missing)
            .map(|d| {
                if self.driver == DriverKind::None {
                    ResourceError::NoCgroups { directive: d }
                } else {
                    ResourceError::MissingController {
                        directive: d,
                        controller: d.controller(),
                        driver: self.driver,
                    }
                }
            })
            .collect()
    }

    /// Fails with the first directive in `limits` this manager cannot apply. With the `none`
    /// driver: `MemoryMax= needs a cgroup controller; this manager runs without cgroups
    /// (driver none)`.
    ///
    /// # Errors
    /// A set directive needs a controller that is missing.
    pub fn check(&self, limits: &ResourceLimits) -> std::result::Result<(), ResourceError> {
        self.unsupported(limits)
            .into_iter()
            .next()
            .map_or(Ok(()), Err)
    }

    /// Where `c` is.
    #[must_use]
    pub fn location(&self, c: Controller) -> Location {
        match c {
            Controller::Memory => self.memory,
            Controller::Pids => self.pids,
            Controller::Cpu => self.cpu,
            Controller::Io => self.io,
        }
    }
}

/// Facts about the machine that percentages are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SystemInfo {
    /// Installed physical memory in bytes (`MemTotal`).
    pub physical_memory: u64,
    /// The system's task limit: the smaller of `kernel.pid_max - 1` and `kernel.threads-max`.
    pub tasks_max: u64,
    /// The page size; memory limits are rounded down to it.
    pub page_size: u64,
}

impl SystemInfo {
    /// Reads `/proc/meminfo`, `/proc/sys/kernel/pid_max` and `/proc/sys/kernel/threads-max`.
    ///
    /// # Errors
    /// A file is unreadable or malformed.
    pub fn read() -> Result<Self> {
        fn read(path: &str) -> Result<String> {
            std::fs::read_to_string(path).map_err(|e| CgroupError::io(FsOp::Read, path, e))
        }
        fn number(path: &str, text: &str) -> Result<u64> {
            text.trim()
                .parse()
                .map_err(|_| CgroupError::parse(path, text, "a number"))
        }
        let meminfo = read("/proc/meminfo")?;
        let kib = meminfo
            .lines()
            .find_map(|l| l.strip_prefix("MemTotal:"))
            .and_then(|v| v.trim().strip_suffix("kB"))
            .and_then(|v| v.trim().parse::<u64>().ok())
            .ok_or_else(|| CgroupError::parse("/proc/meminfo", &meminfo, "a MemTotal: line"))?;
        let pid_max = number(
            "/proc/sys/kernel/pid_max",
            &read("/proc/sys/kernel/pid_max")?,
        )?;
        let threads = number(
            "/proc/sys/kernel/threads-max",
            &read("/proc/sys/kernel/threads-max")?,
        )?;
        Ok(Self {
            physical_memory: kib.saturating_mul(1024),
            tasks_max: pid_max.saturating_sub(1).min(threads),
            page_size: rustix::param::page_size() as u64,
        })
    }

    /// The bytes a memory directive stands for on this machine (None: infinity) — a
    /// percentage of physical memory rounded down to the page, as it is written.
    pub fn memory_bytes(&self, v: MemoryValue) -> Option<u64> {
        memory_bytes(v, self)
    }

    /// The task count a `TasksMax=` value stands for (None: infinity).
    pub fn tasks(&self, v: TasksValue) -> Option<u64> {
        tasks(v, self)
    }
}

/// Whether [`plan`] targets a fresh cgroup (write only what is set) or an existing one whose
/// settings may have changed (also write the defaults of unset directives).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplyMode {
    /// A cgroup just created: kernel defaults are already in place.
    Fresh,
    /// A running unit after a reload: reset what is no longer set.
    Reapply,
}

/// Which hierarchy a write goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The unit's cgroup2 directory.
    Unified,
    /// The unit's directory in the v1 hierarchy carrying this controller.
    V1(Controller),
}

/// One write to one cgroup file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileWrite {
    /// Where.
    pub target: Target,
    /// The file name in the unit's cgroup directory.
    pub file: &'static str,
    /// The exact text written.
    pub value: String,
    /// The directive it comes from (`None` for helper writes such as the v1 memsw reset).
    pub directive: Option<Directive>,
    /// When set, a missing file is not an error: this warning is reported instead.
    pub if_missing: Option<String>,
}

/// What [`plan`] decided.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// The writes, in the order they must happen.
    pub writes: Vec<FileWrite>,
    /// Directives applied approximately or not at all, each ending with what was done.
    pub warnings: Vec<String>,
    /// Directives that cannot be applied because their controller is missing.
    pub unsupported: Vec<ResourceError>,
}

impl Plan {
    /// Fails with the first unsupported directive, if any.
    ///
    /// # Errors
    /// A set directive needs a controller this manager does not have.
    pub fn check(&self) -> std::result::Result<(), ResourceError> {
        self.unsupported.first().map_or(Ok(()), |e| Err(e.clone()))
    }
}

fn memory_bytes(v: MemoryValue, sys: &SystemInfo) -> Option<u64> {
    match v {
        MemoryValue::Infinity => None,
        MemoryValue::Bytes(b) => Some(b),
        MemoryValue::Permyriad(p) => {
            let page = sys.page_size.max(1);
            let bytes = u128::from(sys.physical_memory) * u128::from(p) / 10_000;
            Some(u64::try_from(bytes).unwrap_or(u64::MAX) / page * page)
        }
    }
}

fn tasks(v: TasksValue, sys: &SystemInfo) -> Option<u64> {
    match v {
        TasksValue::Infinity => None,
        TasksValue::Count(n) => Some(n),
        TasksValue::Permyriad(p) => {
            let n = u128::from(sys.tasks_max) * u128::from(p) / 10_000;
            Some(u64::try_from(n).unwrap_or(u64::MAX).max(1))
        }
    }
}

/// `cpu.max`'s quota for a `CPUQuota=` percentage: the share of the period, at least 1 ms
/// (the kernel's minimum quota).
fn cpu_quota_usec(permyriad: u64) -> u64 {
    (permyriad.saturating_mul(CPU_PERIOD_USEC) / 10_000).max(1000)
}

/// v1 `cpu.shares` for a v2 weight: 100 ↔ 1024, clamped to the kernel's range.
fn cpu_shares(weight: u64) -> u64 {
    (weight.saturating_mul(1024) / 100).clamp(2, 262_144)
}

struct Builder {
    plan: Plan,
}

impl Builder {
    fn push(&mut self, target: Target, file: &'static str, value: String, d: Option<Directive>) {
        self.plan.writes.push(FileWrite {
            target,
            file,
            value,
            directive: d,
            if_missing: None,
        });
    }
    fn optional(
        &mut self,
        target: Target,
        file: &'static str,
        value: String,
        d: Directive,
        warn: String,
    ) {
        self.plan.writes.push(FileWrite {
            target,
            file,
            value,
            directive: Some(d),
            if_missing: Some(warn),
        });
    }
}

/// Decides the writes that apply `limits` under `avail`.
///
/// ```
/// use linger_cgroup::{plan, ApplyMode, Availability, Controller, DriverKind, ResourceLimits, Directive, SystemInfo};
/// let avail = Availability::new(DriverKind::Unified, &[Controller::Cpu], &[]);
/// let sys = SystemInfo { physical_memory: 1 << 30, tasks_max: 32767, page_size: 4096 };
/// let mut l = ResourceLimits::default();
/// l.assign(Directive::CPUQuota, "20%").unwrap();
/// let p = plan(&l, &avail, &sys, ApplyMode::Fresh);
/// assert_eq!((p.writes[0].file, p.writes[0].value.as_str()), ("cpu.max", "20000 100000"));
/// ```
#[must_use]
pub fn plan(
    limits: &ResourceLimits,
    avail: &Availability,
    sys: &SystemInfo,
    mode: ApplyMode,
) -> Plan {
    let mut b = Builder {
        plan: Plan::default(),
    };
    b.plan.unsupported = avail.unsupported(limits);
    let reapply = mode == ApplyMode::Reapply;
    match avail.memory {
        Location::Unified => memory_v2(&mut b, limits, sys, reapply),
        Location::V1 => memory_v1(&mut b, limits, sys, reapply),
        Location::Missing => {}
    }
    if avail.pids != Location::Missing && (limits.tasks_max.is_some() || reapply) {
        let t = if avail.pids == Location::Unified {
            Target::Unified
        } else {
            Target::V1(Controller::Pids)
        };
        let v = limits
            .tasks_max
            .and_then(|v| tasks(v, sys))
            .map_or_else(|| "max".to_owned(), |n| n.to_string());
        b.push(t, "pids.max", v, Some(Directive::TasksMax));
    }
    match avail.cpu {
        Location::Unified => cpu_v2(&mut b, limits, reapply),
        Location::V1 => cpu_v1(&mut b, limits, reapply),
        Location::Missing => {}
    }
    if avail.io == Location::Unified && (limits.io_weight.is_some() || reapply) {
        let w = limits.io_weight.unwrap_or(100);
        b.push(
            Target::Unified,
            "io.weight",
            format!("default {w}"),
            Some(Directive::IOWeight),
        );
    }
    b.plan
}

fn memory_v2(b: &mut Builder, l: &ResourceLimits, sys: &SystemInfo, reapply: bool) {
    let t = Target::Unified;
    let fmt = |v: Option<MemoryValue>, unset: &str| match v {
        None => unset.to_owned(),
        Some(v) => memory_bytes(v, sys).map_or_else(|| "max".to_owned(), |n| n.to_string()),
    };
    for (d, file, v, unset) in [
        (Directive::MemoryMax, "memory.max", l.memory_max, "max"),
        (Directive::MemoryHigh, "memory.high", l.memory_high, "max"),
        (Directive::MemoryLow, "memory.low", l.memory_low, "0"),
    ] {
        if v.is_some() || reapply {
            b.push(t, file, fmt(v, unset), Some(d));
        }
    }
    if l.memory_swap_max.is_some() || reapply {
        b.optional(
            t,
            "memory.swap.max",
            fmt(l.memory_swap_max, "max"),
            Directive::MemorySwapMax,
            "MemorySwapMax= cannot be applied: the kernel does not account swap (no memory.swap.max), ignoring.".into(),
        );
    }
}

fn memory_v1(b: &mut Builder, l: &ResourceLimits, sys: &SystemInfo, reapply: bool) {
    let t = Target::V1(Controller::Memory);
    let v1 = |v: Option<u64>| v.map_or_else(|| "-1".to_owned(), |n| n.to_string());
    let max = l.memory_max.and_then(|v| memory_bytes(v, sys));
    let swap_set = l.memory_swap_max.is_some();
    let no_memsw = "MemorySwapMax= cannot be applied: the kernel does not account swap (no memory.memsw.limit_in_bytes), ignoring.";
    // memsw (memory+swap) must never be below the memory limit: lift it first, set it last.
    if swap_set || reapply {
        b.optional(
            t,
            "memory.memsw.limit_in_bytes",
            "-1".into(),
            Directive::MemorySwapMax,
            no_memsw.into(),
        );
    }
    if l.memory_max.is_some() || reapply {
        b.push(
            t,
            "memory.limit_in_bytes",
            v1(max),
            Some(Directive::MemoryMax),
        );
    }
    if let Some(swap) = l.memory_swap_max {
        match (max, memory_bytes(swap, sys)) {
            (_, None) => {} // unlimited swap: the reset above is the final value
            (Some(m), Some(s)) => b.optional(
                t,
                "memory.memsw.limit_in_bytes",
                m.saturating_add(s).to_string(),
                Directive::MemorySwapMax,
                no_memsw.into(),
            ),
            (None, Some(_)) => b.plan.warnings.push(
                "MemorySwapMax= needs a finite MemoryMax= on cgroup v1 (memory.memsw.limit_in_bytes limits memory plus swap), ignoring.".into(),
            ),
        }
    }
    if l.memory_high.is_some() {
        b.plan.warnings.push(
            "MemoryHigh= has no cgroup v1 equivalent (memory.soft_limit_in_bytes only acts under global memory pressure and does not throttle), ignoring.".into(),
        );
    }
    if let Some(low) = l.memory_low {
        b.plan.warnings.push(
            "MemoryLow= has no exact cgroup v1 equivalent, applied as memory.soft_limit_in_bytes (reclaim under global memory pressure starts above it).".into(),
        );
        b.push(
            t,
            "memory.soft_limit_in_bytes",
            v1(memory_bytes(low, sys)),
            Some(Directive::MemoryLow),
        );
    } else if reapply {
        b.push(
            t,
            "memory.soft_limit_in_bytes",
            "-1".into(),
            Some(Directive::MemoryLow),
        );
    }
}

fn cpu_v2(b: &mut Builder, l: &ResourceLimits, reapply: bool) {
    let t = Target::Unified;
    if l.cpu_quota_permyriad.is_some() || reapply {
        let q = l
            .cpu_quota_permyriad
            .map_or_else(|| "max".to_owned(), |p| cpu_quota_usec(p).to_string());
        b.push(
            t,
            "cpu.max",
            format!("{q} {CPU_PERIOD_USEC}"),
            Some(Directive::CPUQuota),
        );
    }
    let no_idle =
        "CPUWeight=idle cannot be applied: the kernel has no cpu.idle (Linux 5.15+), ignoring.";
    match l.cpu_weight {
        Some(CpuWeight::Idle) => {
            b.optional(
                t,
                "cpu.idle",
                "1".into(),
                Directive::CPUWeight,
                no_idle.into(),
            );
        }
        Some(CpuWeight::Weight(w)) => {
            if reapply {
                b.optional(
                    t,
                    "cpu.idle",
                    "0".into(),
                    Directive::CPUWeight,
                    no_idle.into(),
                );
            }
            b.push(t, "cpu.weight", w.to_string(), Some(Directive::CPUWeight));
        }
        None if reapply => {
            b.optional(
                t,
                "cpu.idle",
                "0".into(),
                Directive::CPUWeight,
                no_idle.into(),
            );
            b.push(t, "cpu.weight", "100".into(), Some(Directive::CPUWeight));
        }
        None => {}
    }
}

fn cpu_v1(b: &mut Builder, l: &ResourceLimits, reapply: bool) {
    let t = Target::V1(Controller::Cpu);
    if l.cpu_quota_permyriad.is_some() || reapply {
        b.push(
            t,
            "cpu.cfs_period_us",
            CPU_PERIOD_USEC.to_string(),
            Some(Directive::CPUQuota),
        );
        let q = l
            .cpu_quota_permyriad
            .map_or_else(|| "-1".to_owned(), |p| cpu_quota_usec(p).to_string());
        b.push(t, "cpu.cfs_quota_us", q, Some(Directive::CPUQuota));
    }
    // cgroup v1 has no idle scheduling class for groups: idle is the minimum weight (1).
    let shares = match l.cpu_weight {
        Some(CpuWeight::Idle) => Some(cpu_shares(1)),
        Some(CpuWeight::Weight(w)) => Some(cpu_shares(w)),
        None if reapply => Some(1024),
        None => None,
    };
    if let Some(s) = shares {
        b.push(t, "cpu.shares", s.to_string(), Some(Directive::CPUWeight));
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
