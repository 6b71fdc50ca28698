//! seccomp filters for `SystemCallFilter=`, `RestrictAddressFamilies=`,
//! `RestrictNamespaces=`, `LockPersonality=`, `MemoryDenyWriteExecute=`, `RestrictRealtime=`,
//! `ProtectKernelModules=` and `SystemCallArchitectures=`, compiled to BPF before the fork
//! (with `seccompiler`, the rust-vmm crate Firecracker uses); the child only loads the
//! finished programs.
//!
//! `SystemCallFilter=` is one program searched by number ranges (`table.rs`: its set-up costs a
//! spawn little, whatever the list). The other settings share programs by the answer they
//! give (EAFNOSUPPORT, EPERM; clone3's ENOSYS rides in the table's program when there is
//! one): loading a program costs a spawn ~30 µs whatever its size (crates/exec/benches/
//! spawn_cost.rs), so the hardened unit of that bench loads 3, not 5. The kernel runs them all
//! and the strictest answer wins, as with systemd's one filter per setting. Filters are built for the native ABI only (x86-64 for now): a system call from
//! another ABI (i386's `int 0x80`, x32) kills the process — as `SystemCallArchitectures=native`
//! would — so no filter can be bypassed through a second system-call table.

#[rustfmt::skip]
mod numbers_x86_64;
mod table;

use std::collections::BTreeMap;

use seccompiler::{
    SeccompAction, SeccompCmpArgLen as Len, SeccompCmpOp as Op, SeccompCondition, SeccompFilter,
    SeccompRule, TargetArch,
};

pub use seccompiler::{BpfProgram, sock_filter};

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
    /// `ProtectKernelModules=`: the module system calls (systemd's `@module`) fail with EPERM.
    pub refuse_module_calls: bool,
}

impl FilterSpec {
    /// Whether nothing is to be filtered.
    pub fn is_empty(&self) -> bool {
        *self == FilterSpec::default()
    }
}

/// The compiled programs, and what could not be applied as asked (for the journal).
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    /// BPF programs, loaded in order.
    pub programs: Vec<BpfProgram>,
    /// Sentences about settings applied partly or not at all.
    pub notes: Vec<String>,
}

/// Every `CLONE_NEW*` flag `RestrictNamespaces=` knows (the names are linger-unit's
/// `NAMESPACE_FLAGS`; a test holds the two together).
const ALL_NAMESPACES: u64 =
    0x0200_0000 | 0x0800_0000 | 0x4000_0000 | 0x0002_0000 | 0x2000_0000 | 0x1000_0000 | 0x0400_0000;

/// systemd's `@module` group (linger-unit's table; a test holds the two together).
const MODULE_CALLS: [&str; 3] = ["delete_module", "finit_module", "init_module"];

const EPERM: u32 = 1;
const ENOSYS: u32 = 38;
const EAFNOSUPPORT: u32 = 97;

/// The native system call table, or None where linger has none (then nothing is filtered
/// and the caller says so).
fn native() -> Option<(TargetArch, &'static [(&'static str, i64)])> {
    if cfg!(target_arch = "x86_64") {
        Some((TargetArch::x86_64, numbers_x86_64::X86_64))
    } else {
        None
    }
}

/// The `AUDIT_ARCH_*` value of `arch` (what `seccomp_data.arch` holds).
fn audit_arch(arch: TargetArch) -> u32 {
    match arch {
        TargetArch::x86_64 => 0xc000_003e,
        TargetArch::aarch64 => 0xc000_00b7,
        TargetArch::riscv64 => 0xc000_00f3,
    }
}

fn number(table: &[(&str, i64)], name: &str) -> Option<i64> {
    table.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

fn cond(arg: u8, op: Op, value: u64) -> Result<SeccompCondition, String> {
    SeccompCondition::new(arg, Len::Qword, op, value).map_err(|e| e.to_string())
}

fn dword(arg: u8, op: Op, value: u64) -> Result<SeccompCondition, String> {
    SeccompCondition::new(arg, Len::Dword, op, value).map_err(|e| e.to_string())
}

fn rule(conds: Vec<SeccompCondition>) -> Result<SeccompRule, String> {
    SeccompRule::new(conds).map_err(|e| e.to_string())
}

fn program(
    rules: BTreeMap<i64, Vec<SeccompRule>>,
    mismatch: SeccompAction,
    matched: SeccompAction,
    arch: TargetArch,
) -> Result<BpfProgram, String> {
    let f = SeccompFilter::new(rules, mismatch, matched, arch).map_err(|e| e.to_string())?;
    BpfProgram::try_from(f).map_err(|e| e.to_string())
}

fn errno_action(errno: Option<i32>) -> SeccompAction {
    match errno {
        Some(e) => SeccompAction::Errno(e as u32),
        None => SeccompAction::KillProcess,
    }
}

/// Compile `spec` for the native ABI.
pub fn compile(spec: &FilterSpec) -> Result<Compiled, String> {
    let mut out = Compiled::default();
    if spec.is_empty() {
        return Ok(out);
    }
    let Some((arch, table)) = native() else {
        out.notes.push(format!(
            "seccomp filters are not supported by linger on {}: SystemCallFilter= and the other seccomp settings are not applied.",
            std::env::consts::ARCH
        ));
        return Ok(out);
    };
    let nr = |name: &str| number(table, name);
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
    // SystemCallFilter='s program goes last: an allow-list would refuse seccomp(2) itself to
    // the programs loaded after it.
    let kill = u32::from(SeccompAction::KillProcess);
    // RestrictNamespaces= refuses clone3 (its flags are in memory a filter cannot read) with
    // ENOSYS, so that libc falls back to clone(), which is filtered.
    let refuse_clone3 = spec
        .namespaces_allowed
        .is_some_and(|allowed| ALL_NAMESPACES & !allowed != 0);
    let clone3 = nr("clone3").and_then(|n| u32::try_from(n).ok());
    let mut syscall_programs = Vec::new();
    if let Some((allow_list, calls)) = &spec.syscalls {
        let numbers = calls
            .iter()
            .filter_map(|(name, errno)| Some((u32::try_from(nr(name)?).ok()?, errno)));
        let allow = u32::from(SeccompAction::Allow);
        let (mut actions, default): (BTreeMap<u32, u32>, u32) = if *allow_list {
            // Everything not listed gets the default action; the listed calls and systemd's
            // implicit ones (execve, exit, … the @default set) are allowed.
            (
                numbers.map(|(n, _)| (n, allow)).collect(),
                u32::from(errno_action(spec.default_errno)),
            )
        } else {
            let action =
                |errno: &Option<i32>| u32::from(errno_action(errno.or(spec.default_errno)));
            (
                numbers.map(|(n, errno)| (n, action(errno))).collect(),
                allow,
            )
        };
        // clone3's ENOSYS in this program rather than one of its own (a program costs a
        // spawn ~30 µs to load whatever its size): where this table allows clone3 the
        // separate filter would have answered ENOSYS; where it refuses it, its answer won.
        if refuse_clone3 && let Some(n) = clone3 {
            let here = actions.get(&n).copied().unwrap_or(default);
            if here == allow {
                actions.insert(n, u32::from(SeccompAction::Errno(ENOSYS)));
            }
        }
        syscall_programs.push(table::program(
            audit_arch(arch),
            kill,
            &actions,
            &[],
            default,
        ));
    } else if !spec.archs.is_empty() {
        // Only SystemCallArchitectures=: no rule, every native call allowed; the filter's
        // architecture check kills calls of other ABIs.
        out.programs.push(table::program(
            audit_arch(arch),
            kill,
            &BTreeMap::new(),
            &[],
            u32::from(SeccompAction::Allow),
        ));
    }
    if let Some((allow_list, families)) = &spec.address_families
        && let Some(socket) = nr("socket")
    {
        let rules = if *allow_list {
            // socket(domain, …) with a domain outside the list fails.
            let mut conds = Vec::new();
            for f in families {
                conds.push(dword(0, Op::Ne, *f as u64)?);
            }
            if conds.is_empty() {
                vec![]
            } else {
                vec![rule(conds)?]
            }
        } else {
            families
                .iter()
                .map(|f| rule(vec![dword(0, Op::Eq, *f as u64)?]))
                .collect::<Result<_, _>>()?
        };
        if *allow_list || !rules.is_empty() {
            let mut map = BTreeMap::new();
            map.insert(socket, rules);
            out.programs.push(program(
                map,
                SeccompAction::Allow,
                SeccompAction::Errno(EAFNOSUPPORT),
                arch,
            )?);
        }
    }
    // RestrictNamespaces=, LockPersonality=, MemoryDenyWriteExecute=, RestrictRealtime= and
    // ProtectKernelModules= refuse different system calls with the same EPERM: one program.
    let mut eperm: BTreeMap<i64, Vec<SeccompRule>> = BTreeMap::new();
    if let Some(allowed) = spec.namespaces_allowed {
        let denied = ALL_NAMESPACES & !allowed;
        if denied != 0 {
            let mut flag_rules = Vec::new();
            let mut setns_rules = vec![rule(vec![dword(1, Op::Eq, 0)?])?];
            for bit in (0..64).map(|b| 1u64 << b).filter(|b| denied & b != 0) {
                flag_rules.push(rule(vec![cond(0, Op::MaskedEq(bit), bit)?])?);
                setns_rules.push(rule(vec![dword(1, Op::Eq, bit)?])?);
            }
            for call in ["unshare", "clone"] {
                if let Some(n) = nr(call) {
                    eperm.insert(n, flag_rules.clone());
                }
            }
            if let Some(n) = nr("setns") {
                eperm.insert(n, setns_rules);
            }
        }
    }
    // Without a SystemCallFilter= table to carry it, clone3's ENOSYS is a program of its own.
    if refuse_clone3
        && syscall_programs.is_empty()
        && let Some(n) = clone3
    {
        let mut map = BTreeMap::new();
        map.insert(i64::from(n), Vec::new());
        out.programs.push(program(
            map,
            SeccompAction::Allow,
            SeccompAction::Errno(ENOSYS),
            arch,
        )?);
    }
    if spec.lock_personality
        && let Some(n) = nr("personality")
    {
        // Only PER_LINUX (0) and the query (0xffffffff) are allowed.
        eperm.insert(
            n,
            vec![rule(vec![
                dword(0, Op::Ne, 0)?,
                dword(0, Op::Ne, 0xffff_ffff)?,
            ])?],
        );
    }
    if spec.memory_deny_write_execute {
        const PROT_WRITE: u64 = 2;
        const PROT_EXEC: u64 = 4;
        const SHM_EXEC: u64 = 0o100000;
        let wx = PROT_WRITE | PROT_EXEC;
        if let Some(n) = nr("mmap") {
            eperm.insert(n, vec![rule(vec![cond(2, Op::MaskedEq(wx), wx)?])?]);
        }
        for call in ["mprotect", "pkey_mprotect"] {
            if let Some(n) = nr(call) {
                eperm.insert(
                    n,
                    vec![rule(vec![cond(2, Op::MaskedEq(PROT_EXEC), PROT_EXEC)?])?],
                );
            }
        }
        if let Some(n) = nr("shmat") {
            eperm.insert(
                n,
                vec![rule(vec![cond(2, Op::MaskedEq(SHM_EXEC), SHM_EXEC)?])?],
            );
        }
    }
    if spec.restrict_realtime
        && let Some(n) = nr("sched_setscheduler")
    {
        // SCHED_FIFO (1), SCHED_RR (2), SCHED_DEADLINE (6), with or without
        // SCHED_RESET_ON_FORK (0x40000000).
        const POLICY_MASK: u64 = !0x4000_0000 & 0xffff_ffff;
        eperm.insert(
            n,
            [1u64, 2, 6]
                .iter()
                .map(|p| rule(vec![cond(1, Op::MaskedEq(POLICY_MASK), *p)?]))
                .collect::<Result<_, _>>()?,
        );
    }
    if spec.refuse_module_calls {
        for call in MODULE_CALLS {
            if let Some(n) = nr(call) {
                eperm.insert(n, Vec::new());
            }
        }
    }
    if !eperm.is_empty() {
        out.programs.push(program(
            eperm,
            SeccompAction::Allow,
            SeccompAction::Errno(EPERM),
            arch,
        )?);
    }
    let allow_listed = matches!(spec.syscalls, Some((true, _)));
    out.programs.append(&mut syscall_programs);
    // An allow-list already refuses x32 numbers (none equals an x86-64 one).
    if !out.programs.is_empty() && arch == TargetArch::x86_64 && !allow_listed {
        // x32 calls carry the x86-64 architecture tag with bit 30 set in the number: the
        // filters above never name them, so without this a deny rule could be bypassed.
        const X32_BIT: u32 = 0x4000_0000;
        let past_x32 = numbers_x86_64::X32
            .iter()
            .filter_map(|(_, n)| u32::try_from(*n).ok())
            .max()
            .map_or(X32_BIT, |n| (n | X32_BIT) + 1);
        let guard = table::program(
            audit_arch(arch),
            kill,
            &BTreeMap::new(),
            &[(X32_BIT, kill), (past_x32, u32::from(SeccompAction::Allow))],
            u32::from(SeccompAction::Allow),
        );
        out.programs.insert(0, guard);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_module_calls_are_the_unit_crates_group() {
        assert_eq!(
            linger_unit::value::syscall_group("@module").unwrap(),
            MODULE_CALLS
        );
    }

    #[test]
    fn the_namespace_flags_are_the_unit_crates() {
        assert_eq!(ALL_NAMESPACES, linger_unit::model::ALL_NAMESPACES);
    }

    #[test]
    fn settings_share_programs_by_action() {
        let mut calls = BTreeMap::new();
        calls.insert("read".to_string(), None);
        calls.insert("no_such_call".to_string(), None);
        let spec = FilterSpec {
            syscalls: Some((true, calls)),
            default_errno: Some(1),
            archs: vec!["native".into()],
            address_families: Some((true, vec![1])),
            namespaces_allowed: Some(0),
            lock_personality: true,
            memory_deny_write_execute: true,
            restrict_realtime: true,
            refuse_module_calls: true,
        };
        let c = compile(&spec).unwrap();
        if cfg!(target_arch = "x86_64") {
            // syscalls (with clone3's ENOSYS), families, the EPERM group (namespaces,
            // personality, W^X, realtime, modules); the allow-list makes an x32 guard
            // unnecessary.
            assert_eq!(c.programs.len(), 3, "{c:?}");
            assert!(c.notes.is_empty());
        }
        assert!(compile(&FilterSpec::default()).unwrap().programs.is_empty());
    }
}
