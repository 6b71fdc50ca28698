//! The interface files of [`super::MemFs`]: which exist, what they accept, what they print.
//!
//! Formats follow the kernel's cgroup-v2 documentation (`Documentation/admin-guide/cgroup-v2.rst`)
//! and the v1 memory, pids and cpu (CFS bandwidth) documents.

use std::collections::BTreeSet;
use std::io;
use std::path::Path;

use rustix::io::Errno;

use super::mem::State;

/// What `memory.limit_in_bytes` prints when unlimited (`PAGE_COUNTER_MAX` pages of 4 KiB).
pub(crate) const V1_UNLIMITED: u64 = 9_223_372_036_854_771_712;
const PID_MAX_LIMIT: u64 = 4 * 1024 * 1024;

fn err(e: Errno) -> io::Error {
    io::Error::from(e)
}

/// Whether `controller` is enabled for cgroup `dir` (v2: in the parent's subtree_control;
/// v1: bound to the hierarchy).
fn enabled(s: &State, dir: &Path, controller: &str) -> bool {
    let Some(h) = s.hier_of(dir) else {
        return false;
    };
    if !h.v2 {
        return h.controllers.contains(controller);
    }
    if h.root == dir {
        return false;
    }
    dir.parent()
        .and_then(|p| s.dirs.get(p))
        .is_some_and(|d| d.subtree.contains(controller))
}

/// The controllers a v2 cgroup may enable for its children.
fn available(s: &State, dir: &Path) -> BTreeSet<String> {
    match s.hier_of(dir) {
        Some(h) if h.root == dir => h.controllers.clone(),
        Some(_) => dir
            .parent()
            .and_then(|p| s.dirs.get(p))
            .map(|d| d.subtree.clone())
            .unwrap_or_default(),
        None => BTreeSet::new(),
    }
}

/// The files of cgroup `dir`, with their default printed values ("" for derived ones).
fn files(s: &State, dir: &Path) -> Vec<(&'static str, &'static str)> {
    let Some(h) = s.hier_of(dir) else {
        return Vec::new();
    };
    let root = h.root == dir;
    let k = s.kernel;
    let mut f = vec![("cgroup.procs", "")];
    if h.v2 {
        f.extend([
            ("cgroup.controllers", ""),
            ("cgroup.subtree_control", ""),
            ("cgroup.threads", ""),
            ("cpu.stat", ""),
        ]);
        if !root {
            f.extend([("cgroup.events", ""), ("cgroup.type", "domain")]);
            if k.cgroup_kill {
                f.push(("cgroup.kill", ""));
            }
            if k.cgroup_freeze {
                f.push(("cgroup.freeze", "0"));
            }
        }
        if enabled(s, dir, "memory") {
            f.extend([
                ("memory.max", "max"),
                ("memory.high", "max"),
                ("memory.low", "0"),
                ("memory.min", "0"),
                ("memory.current", "0"),
                (
                    "memory.events",
                    "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0",
                ),
            ]);
            if k.swap_accounting {
                f.extend([("memory.swap.max", "max"), ("memory.swap.current", "0")]);
            }
        }
        if enabled(s, dir, "pids") {
            f.extend([
                ("pids.max", "max"),
                ("pids.current", ""),
                ("pids.events", "max 0"),
            ]);
        }
        if enabled(s, dir, "cpu") {
            f.extend([
                ("cpu.max", "max 100000"),
                ("cpu.weight", "100"),
                ("cpu.idle", "0"),
            ]);
        }
        if enabled(s, dir, "io") {
            f.push(("io.weight", "default 100"));
        }
    } else {
        f.extend([("tasks", ""), ("notify_on_release", "0")]);
        if enabled(s, dir, "memory") {
            f.extend([
                ("memory.limit_in_bytes", "9223372036854771712"),
                ("memory.soft_limit_in_bytes", "9223372036854771712"),
                ("memory.usage_in_bytes", "0"),
                ("memory.use_hierarchy", "1"),
                (
                    "memory.oom_control",
                    "oom_kill_disable 0\nunder_oom 0\noom_kill 0",
                ),
            ]);
            if k.swap_accounting {
                f.push(("memory.memsw.limit_in_bytes", "9223372036854771712"));
            }
        }
        if enabled(s, dir, "pids") && !root {
            f.extend([
                ("pids.max", "max"),
                ("pids.current", ""),
                ("pids.events", "max 0"),
            ]);
        }
        if enabled(s, dir, "cpu") {
            f.extend([
                ("cpu.cfs_quota_us", "-1"),
                ("cpu.cfs_period_us", "100000"),
                ("cpu.shares", "1024"),
            ]);
        }
    }
    f
}

pub(super) fn exists(s: &State, dir: &Path, name: &str) -> bool {
    files(s, dir).iter().any(|(n, _)| *n == name)
}

fn lines(pids: impl IntoIterator<Item = u32>) -> String {
    pids.into_iter().map(|p| format!("{p}\n")).collect()
}

pub(super) fn read(s: &State, dir: &Path, name: &str) -> io::Result<String> {
    let default = files(s, dir)
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, d)| d)
        .ok_or_else(|| err(Errno::NOENT))?;
    let d = s.dirs.get(dir).ok_or_else(|| err(Errno::NOENT))?;
    let joined = |set: &BTreeSet<String>| {
        let v: Vec<&str> = set.iter().map(String::as_str).collect();
        format!("{}\n", v.join(" "))
    };
    Ok(match name {
        "cgroup.procs" | "tasks" | "cgroup.threads" => lines(d.procs.iter().copied()),
        "cgroup.controllers" => joined(&available(s, dir)),
        "cgroup.subtree_control" => joined(&d.subtree),
        "cgroup.events" => format!(
            "populated {}\nfrozen {}\n",
            u8::from(!s.subtree_pids(dir).is_empty()),
            u8::from(s.is_frozen(dir))
        ),
        "cgroup.kill" => return Err(err(Errno::INVAL)),
        "pids.current" => format!("{}\n", s.subtree_pids(dir).len()),
        "cpu.stat" => d.values.get(name).map_or_else(
            || {
                let mut t = String::from("usage_usec 0\nuser_usec 0\nsystem_usec 0\n");
                if enabled(s, dir, "cpu") {
                    t.push_str("nr_periods 0\nnr_throttled 0\nthrottled_usec 0\n");
                }
                t
            },
            |v| format!("{}\n", v.trim_end()),
        ),
        "io.weight" => {
            let v = d.values.get(name).map_or(default, String::as_str);
            format!("{}\n", v.trim_end())
        }
        _ => format!(
            "{}\n",
            d.values
                .get(name)
                .map_or(default, String::as_str)
                .trim_end()
        ),
    })
}

/// The kernel's `memparse`: a number (decimal, `0x` hex or leading-`0` octal) with an optional
/// K/M/G/T/P/E suffix in either case.
pub(crate) fn memparse(v: &str) -> Option<u64> {
    let v = v.trim();
    // Hex digits include e/E: a hex number takes no suffix here.
    let (num, suffix) = if v.starts_with("0x") || v.starts_with("0X") {
        (v, "")
    } else {
        v.split_at(v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len()))
    };
    let n = if let Some(h) = num.strip_prefix("0x").or_else(|| num.strip_prefix("0X")) {
        u64::from_str_radix(h, 16).ok()?
    } else if num.len() > 1 && num.starts_with('0') {
        u64::from_str_radix(&num[1..], 8).ok()?
    } else {
        num.parse::<u64>().ok()?
    };
    let shift = match suffix {
        "" => 0,
        "k" | "K" => 10,
        "m" | "M" => 20,
        "g" | "G" => 30,
        "t" | "T" => 40,
        "p" | "P" => 50,
        "e" | "E" => 60,
        _ => return None,
    };
    n.checked_mul(1u64 << shift)
}

fn parse_u64(v: &str) -> io::Result<u64> {
    v.trim().parse().map_err(|_| err(Errno::INVAL))
}

/// "max" or a byte count rounded down to a page, as memory.{max,high,low,min,swap.max} store it.
fn v2_bytes(v: &str, page: u64) -> io::Result<String> {
    let v = v.trim();
    if v == "max" {
        return Ok("max".into());
    }
    let n = memparse(v).ok_or_else(|| err(Errno::INVAL))?;
    Ok((n / page * page).to_string())
}

/// v1 byte limits: "-1" means unlimited; values are rounded down to a page.
fn v1_bytes(v: &str, page: u64) -> io::Result<u64> {
    let v = v.trim();
    if v == "-1" {
        return Ok(V1_UNLIMITED);
    }
    let n = memparse(v).ok_or_else(|| err(Errno::INVAL))?;
    Ok((n / page * page).min(V1_UNLIMITED))
}

fn stored(s: &State, dir: &Path, name: &str) -> Option<String> {
    s.dirs.get(dir)?.values.get(name).cloned()
}

fn v1_current(s: &State, dir: &Path, name: &str) -> u64 {
    stored(s, dir, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(V1_UNLIMITED)
}

#[allow(clippy::too_many_lines)] // one match over the kernel's file table reads best whole
pub(super) fn write(s: &mut State, dir: &Path, name: &str, value: &str) -> io::Result<()> {
    let file = files(s, dir).into_iter().find(|(n, _)| *n == name);
    if file.is_none() {
        return Err(err(Errno::NOENT));
    }
    let page = s.kernel.page_size.max(1);
    let v2 = s.hier_of(dir).is_some_and(|h| h.v2);
    let root = s.is_root(dir);
    let canonical: String = match name {
        "cgroup.procs" | "tasks" => {
            let mut pid = u32::try_from(parse_u64(value)?).map_err(|_| err(Errno::INVAL))?;
            if pid == 0 {
                pid = s.self_pid;
            }
            if !s.alive.contains(&pid) {
                return Err(err(Errno::SRCH));
            }
            // No internal processes: a non-root v2 cgroup distributing controllers takes none.
            if v2 && !root && s.dirs.get(dir).is_some_and(|d| !d.subtree.is_empty()) {
                return Err(err(Errno::BUSY));
            }
            let hier = s.dirs.get(dir).map(|d| d.hier);
            for d in s.dirs.values_mut().filter(|d| Some(d.hier) == hier) {
                d.procs.remove(&pid);
            }
            if let Some(d) = s.dirs.get_mut(dir) {
                d.procs.insert(pid);
            }
            return Ok(());
        }
        "cgroup.subtree_control" => {
            let avail = available(s, dir);
            let mut set = s
                .dirs
                .get(dir)
                .map(|d| d.subtree.clone())
                .unwrap_or_default();
            for tok in value.split_whitespace() {
                let (on, c) = match tok.split_at(1) {
                    ("+", c) => (true, c),
                    ("-", c) => (false, c),
                    _ => return Err(err(Errno::INVAL)),
                };
                if !avail.contains(c) {
                    return Err(err(Errno::NOENT));
                }
                if on {
                    set.insert(c.to_owned());
                } else {
                    set.remove(c);
                }
            }
            let has_procs = s.dirs.get(dir).is_some_and(|d| !d.procs.is_empty());
            if !root && has_procs && !set.is_empty() {
                return Err(err(Errno::BUSY));
            }
            if let Some(d) = s.dirs.get_mut(dir) {
                d.subtree = set;
            }
            return Ok(());
        }
        "cgroup.kill" => {
            if value.trim() != "1" {
                return Err(err(Errno::INVAL));
            }
            for pid in s.subtree_pids(dir) {
                s.deliver(pid, rustix::process::Signal::KILL.as_raw());
            }
            return Ok(());
        }
        "cgroup.freeze" => {
            let on = match value.trim() {
                "0" => false,
                "1" => true,
                _ => return Err(err(Errno::INVAL)),
            };
            if let Some(d) = s.dirs.get_mut(dir) {
                d.freeze = on;
            }
            u8::from(on).to_string()
        }
        "memory.max" | "memory.high" | "memory.low" | "memory.min" | "memory.swap.max" => {
            v2_bytes(value, page)?
        }
        "pids.max" => {
            let v = value.trim();
            if v == "max" {
                "max".into()
            } else {
                let n = parse_u64(v)?;
                if n > PID_MAX_LIMIT {
                    return Err(err(Errno::INVAL));
                }
                n.to_string()
            }
        }
        "cpu.max" => {
            let mut it = value.split_whitespace();
            let quota = it.next().ok_or_else(|| err(Errno::INVAL))?;
            let period = it.next().map(parse_u64).transpose()?;
            if it.next().is_some() {
                return Err(err(Errno::INVAL));
            }
            let old_period = stored(s, dir, name)
                .and_then(|v| v.split_whitespace().nth(1).and_then(|p| p.parse().ok()))
                .unwrap_or(100_000u64);
            let period = period.unwrap_or(old_period);
            if !(1000..=1_000_000).contains(&period) {
                return Err(err(Errno::INVAL));
            }
            if quota == "max" {
                format!("max {period}")
            } else {
                let q = parse_u64(quota)?;
                if q < 1000 {
                    return Err(err(Errno::INVAL));
                }
                format!("{q} {period}")
            }
        }
        "cpu.weight" | "cpu.idle" => {
            let n = parse_u64(value)?;
            let ok = if name == "cpu.idle" {
                n <= 1
            } else {
                (1..=10_000).contains(&n)
            };
            if !ok {
                return Err(err(Errno::INVAL));
            }
            n.to_string()
        }
        "io.weight" => {
            let v = value.trim();
            let n = v.strip_prefix("default").map_or(v, str::trim);
            if n.contains(':') {
                // Per-device weights are accepted but not modelled.
                return Ok(());
            }
            let n = parse_u64(n)?;
            if !(1..=10_000).contains(&n) {
                return Err(err(Errno::INVAL));
            }
            format!("default {n}")
        }
        "memory.limit_in_bytes" => {
            let n = v1_bytes(value, page)?;
            if s.kernel.swap_accounting && n > v1_current(s, dir, "memory.memsw.limit_in_bytes") {
                return Err(err(Errno::INVAL));
            }
            n.to_string()
        }
        "memory.memsw.limit_in_bytes" => {
            let n = v1_bytes(value, page)?;
            if n < v1_current(s, dir, "memory.limit_in_bytes") {
                return Err(err(Errno::INVAL));
            }
            n.to_string()
        }
        "memory.soft_limit_in_bytes" => v1_bytes(value, page)?.to_string(),
        "cpu.cfs_quota_us" => {
            let v = value.trim();
            let n: i64 = v.parse().map_err(|_| err(Errno::INVAL))?;
            if n < 0 {
                "-1".into()
            } else if n < 1000 {
                return Err(err(Errno::INVAL));
            } else {
                n.to_string()
            }
        }
        "cpu.cfs_period_us" => {
            let n = parse_u64(value)?;
            if !(1000..=1_000_000).contains(&n) {
                return Err(err(Errno::INVAL));
            }
            n.to_string()
        }
        "cpu.shares" => parse_u64(value)?.clamp(2, 262_144).to_string(),
        "notify_on_release" | "memory.use_hierarchy" => parse_u64(value)?.to_string(),
        // Everything else (controllers, events, current, stat, type, …) is read-only.
        _ => return Err(err(Errno::ACCESS)),
    };
    if let Some(d) = s.dirs.get_mut(dir) {
        d.values.insert(name.to_owned(), canonical);
    }
    Ok(())
}
