//! The seccomp filter of a unit — `SystemCallFilter=`, `SystemCallArchitectures=`,
//! `SystemCallErrorNumber=`, `RestrictAddressFamilies=`, `RestrictNamespaces=`,
//! `LockPersonality=`, `MemoryDenyWriteExecute=`, `RestrictRealtime=`, `RestrictSUIDSGID=`
//! and the system calls `ProtectKernelModules=`, `ProtectClock=`, `ProtectKernelLogs=`,
//! `ProtectHostname=` and `PrivateDevices=` refuse — compiled to **one** BPF program when the
//! unit is loaded (the manager keeps it); every child only loads it, last before `execve`.
//!
//! One program because loading one costs a spawn ~30-40 µs whatever its size
//! (crates/exec/benches/spawn_cost.rs); its layout is `table.rs`'s. The answers are the ones
//! separate filters per setting would give together: the kernel runs every filter and the
//! strictest answer wins (kill over an errno over allow) and, between two errnos,
//! `SystemCallFilter=`'s — so a call the table refuses gets the table's answer, and only a
//! call it allows is looked at by the other settings.
//!
//! Filters are built for the native ABI only (x86-64 for now): a system call from another
//! ABI (i386's `int 0x80`, x32) kills the process — as `SystemCallArchitectures=native`
//! would — so no setting can be bypassed through a second system-call table.

#[rustfmt::skip]
mod numbers_x86_64;
mod table;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

pub use table::{Check, Guard, Insn};
use table::{Entry, program};

/// A compiled program, shared by every spawn of its unit.
pub type Program = Arc<[Insn]>;

/// What to filter (independent of the unit-file types).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterSpec {
    /// `SystemCallFilter=`: (allow-list?, name → errno of a denied call).
    pub syscalls: Option<(bool, BTreeMap<String, Option<i32>>)>,
    /// `SystemCallErrorNumber=` (None: kill).
    pub default_errno: Option<i32>,
    /// `SystemCallArchitectures=` (empty: not set).
    pub archs: Vec<String>,
    /// `RestrictAddressFamilies=`: (allow-list?, family numbers).
    pub address_families: Option<(bool, Vec<i32>)>,
    /// `RestrictNamespaces=`: the `CLONE_NEW*` flags allowed (None: not set).
    pub namespaces_allowed: Option<u64>,
    /// `LockPersonality=`
    pub lock_personality: bool,
    /// `MemoryDenyWriteExecute=`
    pub memory_deny_write_execute: bool,
    /// `RestrictRealtime=`
    pub restrict_realtime: bool,
    /// `RestrictSUIDSGID=`: no set-user-ID or set-group-ID bit on a file made or changed.
    pub restrict_suid_sgid: bool,
    /// System calls refused with EPERM whatever their arguments: `ProtectKernelModules=`'s
    /// `@module`, `ProtectClock=`'s `@clock`, `ProtectKernelLogs=`'s `syslog`,
    /// `ProtectHostname=`'s `sethostname`/`setdomainname`, `PrivateDevices=`'s `@raw-io`.
    pub refused: BTreeSet<String>,
}

impl FilterSpec {
    /// Whether nothing is to be filtered.
    pub fn is_empty(&self) -> bool {
        *self == FilterSpec::default()
    }
}

/// The compiled program, and what could not be applied as asked (for the journal).
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    /// The one program to load (None: nothing to filter).
    pub program: Option<Program>,
    /// Sentences about settings applied partly or not at all.
    pub notes: Vec<String>,
}

/// Every `CLONE_NEW*` flag `RestrictNamespaces=` knows (the names are linger-unit's
/// `NAMESPACE_FLAGS`; a test holds the two together).
const ALL_NAMESPACES: u64 =
    0x0200_0000 | 0x0800_0000 | 0x4000_0000 | 0x0002_0000 | 0x2000_0000 | 0x1000_0000 | 0x0400_0000;

/// `SECCOMP_RET_*` answers.
const ALLOW: u32 = 0x7fff_0000;
const KILL_PROCESS: u32 = 0x8000_0000;
const fn errno(e: u32) -> u32 {
    0x0005_0000 | (e & 0xffff)
}
const EPERM: u32 = 1;
const ENOSYS: u32 = 38;
const EAFNOSUPPORT: u32 = 97;

/// The kernel's limit on a program's length (`BPF_MAXINSNS`).
const MAX_INSTRUCTIONS: usize = 4096;

/// x32 calls carry the x86-64 architecture tag with this bit set in the number.
const X32_BIT: u32 = 0x4000_0000;

/// The native system call table, or None where linger has none (then nothing is filtered
/// and the caller says so): (`AUDIT_ARCH_*`, names and numbers, the x32 ones).
type Native = (
    u32,
    &'static [(&'static str, i64)],
    &'static [(&'static str, i64)],
);

fn native() -> Option<Native> {
    if cfg!(target_arch = "x86_64") {
        Some((0xc000_003e, numbers_x86_64::X86_64, numbers_x86_64::X32))
    } else {
        None
    }
}

/// Calls newer than the kernel headers the table was generated from that a setting must see
/// (x86-64 numbers; the kernel keeps them stable).
const NEWER_CALLS: &[(&str, u32)] = &[("fchmodat2", 452)];

fn errno_action(errno_value: Option<i32>) -> u32 {
    match errno_value {
        Some(e) => errno(e as u32),
        None => KILL_PROCESS,
    }
}

/// The argument checks each setting adds, per call name (refusals with EPERM unless said).
fn guards(spec: &FilterSpec) -> Vec<(&'static str, Guard)> {
    let mut out = Vec::new();
    let eperm = |rules: Vec<Vec<Check>>| Guard {
        rules,
        action: errno(EPERM),
    };
    let masked = |arg: u8, mask: u64, value: u64| Check::Masked { arg, mask, value };
    if let Some((allow_list, families)) = &spec.address_families {
        let rules = if *allow_list {
            // socket(domain, …) with a domain outside the list fails (every domain when the
            // list is empty: one rule without checks).
            vec![
                families
                    .iter()
                    .map(|f| Check::Ne32 {
                        arg: 0,
                        value: *f as u32,
                    })
                    .collect(),
            ]
        } else {
            families
                .iter()
                .map(|f| {
                    vec![Check::Eq32 {
                        arg: 0,
                        value: *f as u32,
                    }]
                })
                .collect()
        };
        if *allow_list || !rules.is_empty() {
            out.push((
                "socket",
                Guard {
                    rules,
                    action: errno(EAFNOSUPPORT),
                },
            ));
        }
    }
    if let Some(allowed) = spec.namespaces_allowed {
        let denied = ALL_NAMESPACES & !allowed;
        if denied != 0 {
            let bits: Vec<u64> = (0..64)
                .map(|b| 1u64 << b)
                .filter(|b| denied & b != 0)
                .collect();
            // (The flags are below bit 32.)
            for call in ["unshare", "clone"] {
                out.push((
                    call,
                    eperm(vec![vec![Check::AnyBit {
                        arg: 0,
                        mask: denied as u32,
                    }]]),
                ));
            }
            // setns(fd, 0) may join any kind of namespace.
            let setns = std::iter::once(0)
                .chain(bits.iter().map(|&b| b as u32))
                .map(|value| vec![Check::Eq32 { arg: 1, value }])
                .collect();
            out.push(("setns", eperm(setns)));
            // clone3's flags are in memory a filter cannot read: ENOSYS, so that libc falls
            // back to clone(), which is filtered.
            out.push((
                "clone3",
                Guard {
                    rules: vec![],
                    action: errno(ENOSYS),
                },
            ));
        }
    }
    if spec.lock_personality {
        // Only PER_LINUX (0) and the query (0xffffffff) are allowed.
        out.push((
            "personality",
            eperm(vec![vec![
                Check::Ne32 { arg: 0, value: 0 },
                Check::Ne32 {
                    arg: 0,
                    value: 0xffff_ffff,
                },
            ]]),
        ));
    }
    if spec.memory_deny_write_execute {
        const PROT_WRITE: u64 = 2;
        const PROT_EXEC: u64 = 4;
        const SHM_EXEC: u64 = 0o100000;
        let wx = PROT_WRITE | PROT_EXEC;
        out.push(("mmap", eperm(vec![vec![masked(2, wx, wx)]])));
        let any = |mask: u64| {
            vec![vec![Check::AnyBit {
                arg: 2,
                mask: mask as u32,
            }]]
        };
        for call in ["mprotect", "pkey_mprotect"] {
            out.push((call, eperm(any(PROT_EXEC))));
        }
        out.push(("shmat", eperm(any(SHM_EXEC))));
    }
    if spec.restrict_realtime {
        // SCHED_FIFO (1), SCHED_RR (2), SCHED_DEADLINE (6), with or without
        // SCHED_RESET_ON_FORK (0x40000000).
        const POLICY_MASK: u64 = !0x4000_0000 & 0xffff_ffff;
        out.push((
            "sched_setscheduler",
            eperm(
                [1u64, 2, 6]
                    .iter()
                    .map(|p| vec![masked(1, POLICY_MASK, *p)])
                    .collect(),
            ),
        ));
    }
    if spec.restrict_suid_sgid {
        const SET_ID: u32 = 0o6000; // S_ISUID | S_ISGID
        const O_CREAT: u32 = 0o100;
        const O_TMPFILE: u64 = 0o20200000;
        // A mode argument with either bit; for the open calls, only when they make a file.
        let set_id = |arg: u8| Check::AnyBit { arg, mask: SET_ID };
        let mode = |arg: u8| vec![vec![set_id(arg)]];
        for (call, arg) in [
            ("chmod", 1),
            ("fchmod", 1),
            ("fchmodat", 2),
            ("fchmodat2", 2),
            ("mknod", 1),
            ("mknodat", 2),
            ("creat", 1),
        ] {
            out.push((call, eperm(mode(arg))));
        }
        for (call, flags, mode_arg) in [("open", 1, 2), ("openat", 2, 3)] {
            let rules = vec![
                vec![
                    Check::AnyBit {
                        arg: flags,
                        mask: O_CREAT,
                    },
                    set_id(mode_arg),
                ],
                vec![masked(flags, O_TMPFILE, O_TMPFILE), set_id(mode_arg)],
            ];
            out.push((call, eperm(rules)));
        }
        // openat2's mode is in memory a filter cannot read: ENOSYS, so that libc falls back
        // to openat().
        out.push((
            "openat2",
            Guard {
                rules: vec![],
                action: errno(ENOSYS),
            },
        ));
    }
    out
}

/// Compile `spec` for the native ABI: one program (or none when nothing is asked).
pub fn compile(spec: &FilterSpec) -> Result<Compiled, String> {
    let mut out = Compiled::default();
    if spec.is_empty() {
        return Ok(out);
    }
    let Some((arch, table, x32)) = native() else {
        out.notes.push(format!(
            "seccomp filters are not supported by linger on {}: SystemCallFilter= and the other seccomp settings are not applied.",
            std::env::consts::ARCH
        ));
        return Ok(out);
    };
    let nr = |name: &str| {
        table
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| u32::try_from(*v).ok())
            .or_else(|| {
                NEWER_CALLS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| *v)
            })
    };
    let other_abis: Vec<&String> = spec
        .archs
        .iter()
        .filter(|a| !matches!(a.as_str(), "native" | "x86-64"))
        .collect();
    if !other_abis.is_empty() {
        out.notes.push(format!(
            "SystemCallArchitectures= lists {}: linger's filters admit only the native ABI, so system calls of other ABIs are refused.",
            other_abis.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
        ));
    }
    // SystemCallFilter='s table: an answer per listed call, a default for the rest.
    let allow_list = matches!(spec.syscalls, Some((true, _)));
    let (mut entries, default): (BTreeMap<u32, Entry>, u32) = match &spec.syscalls {
        Some((true, calls)) => (
            // Everything not listed gets the default action; the listed calls (with
            // systemd's implicit @default, added by the caller) are allowed.
            calls
                .keys()
                .filter_map(|name| Some((nr(name)?, Entry::Action(ALLOW))))
                .collect(),
            errno_action(spec.default_errno),
        ),
        Some((false, calls)) => (
            calls
                .iter()
                .filter_map(|(name, e)| {
                    let action = errno_action(e.or(spec.default_errno));
                    Some((nr(name)?, Entry::Action(action)))
                })
                .collect(),
            ALLOW,
        ),
        None => (BTreeMap::new(), ALLOW),
    };
    // The other settings look only at calls the table allows (its answer wins otherwise).
    let mut add = |n: u32, guard: Guard| {
        let current = entries.get(&n).cloned().unwrap_or(Entry::Action(default));
        let next = match current {
            Entry::Action(a) if a != ALLOW => return,
            Entry::Action(_) if guard.rules.is_empty() => Entry::Action(guard.action),
            Entry::Action(_) => Entry::Checked {
                guards: vec![guard],
                otherwise: ALLOW,
            },
            Entry::Checked {
                mut guards,
                otherwise,
            } => {
                guards.push(guard);
                Entry::Checked { guards, otherwise }
            }
        };
        entries.insert(n, next);
    };
    for name in &spec.refused {
        if let Some(n) = nr(name) {
            add(
                n,
                Guard {
                    rules: vec![],
                    action: errno(EPERM),
                },
            );
        }
    }
    for (name, guard) in guards(spec) {
        if let Some(n) = nr(name) {
            add(n, guard);
        }
    }
    if entries.is_empty() && spec.syscalls.is_none() && spec.archs.is_empty() {
        // Nothing refused (RestrictAddressFamilies=~ with an empty list, say).
        return Ok(out);
    }
    // An allow-list already refuses x32 numbers (none equals an x86-64 one); otherwise they
    // are killed explicitly, or a refusal above could be bypassed through them.
    let past_x32 = x32
        .iter()
        .filter_map(|(_, n)| u32::try_from(*n).ok())
        .max()
        .map_or(X32_BIT, |n| (n | X32_BIT) + 1);
    let above: &[(u32, u32)] = if allow_list || arch != 0xc000_003e {
        &[]
    } else {
        &[(X32_BIT, KILL_PROCESS), (past_x32, ALLOW)]
    };
    let p = program(arch, KILL_PROCESS, &entries, above, default)?;
    if p.len() > MAX_INSTRUCTIONS {
        return Err(format!(
            "the filter has {} instructions, more than the kernel's {MAX_INSTRUCTIONS}",
            p.len()
        ));
    }
    out.program = Some(p.into());
    Ok(out)
}

#[cfg(test)]
mod tests;
