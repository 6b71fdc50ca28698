//! One BPF program for a system-call table (`SystemCallFilter=`: an action per call number, a
//! default for the rest), laid out as a binary search over number ranges.
//!
//! Why not seccompiler here: it compares the number against each listed call in turn, so
//! `@system-service` (~370 calls) becomes ~1,500 instructions, and the kernel's set-up of a
//! filter — which runs the program once per system call number to precompute its action
//! cache — cost ~0.8 ms per spawn. A search over ranges is ~10 comparisons deep whatever the
//! list, so that set-up becomes cheap. (Argument checks stay with seccompiler.)

use std::collections::BTreeMap;

use seccompiler::{BpfProgram, sock_filter};

const BPF_LD_W_ABS: u16 = 0x20;
const BPF_JEQ_K: u16 = 0x15;
const BPF_JGE_K: u16 = 0x35;
const BPF_JA: u16 = 0x05;
const BPF_RET_K: u16 = 0x06;
/// Offsets in `struct seccomp_data`.
const NR: u32 = 0;
const ARCH: u32 = 4;
/// Longest forward jump a conditional instruction can encode.
const MAX_SHORT_JUMP: usize = 255;

fn insn(code: u16, jt: u8, jf: u8, k: u32) -> sock_filter {
    sock_filter { code, jt, jf, k }
}

/// A program that kills calls of any architecture but `arch` (an `AUDIT_ARCH_*` value), then
/// returns `actions[nr]` for a listed number, `above[i].1` for numbers from `above[i].0` on
/// (the x32 range, for example), and `default` for the rest. Numbers listed in `actions` must
/// be below every `above` start.
pub fn program(
    arch: u32,
    kill: u32,
    actions: &BTreeMap<u32, u32>,
    above: &[(u32, u32)],
    default: u32,
) -> BpfProgram {
    // Constant-action ranges: (first number, action), sorted, neighbours differ.
    let mut ranges: Vec<(u32, u32)> = vec![(0, default)];
    let mut push = |start: u32, action: u32| {
        if ranges.last().is_some_and(|r| r.0 == start) {
            ranges.pop();
        }
        if ranges.last().is_none_or(|r| r.1 != action) {
            ranges.push((start, action));
        }
    };
    for (&nr, &action) in actions {
        push(nr, action);
        if let Some(next) = nr.checked_add(1)
            && !actions.contains_key(&next)
        {
            push(next, default);
        }
    }
    for &(start, action) in above {
        push(start, action);
    }
    let mut out = vec![
        insn(BPF_LD_W_ABS, 0, 0, ARCH),
        insn(BPF_JEQ_K, 1, 0, arch),
        insn(BPF_RET_K, 0, 0, kill),
        insn(BPF_LD_W_ABS, 0, 0, NR),
    ];
    out.extend(search(&ranges));
    out
}

/// The search over `ranges` (non-empty), for a number already in the accumulator that is at
/// least `ranges[0].0`.
fn search(ranges: &[(u32, u32)]) -> Vec<sock_filter> {
    if let [(_, action)] = ranges {
        return vec![insn(BPF_RET_K, 0, 0, *action)];
    }
    let mid = ranges.len() / 2;
    let (low, high) = (search(&ranges[..mid]), search(&ranges[mid..]));
    let split = ranges[mid].0;
    let mut out = Vec::with_capacity(low.len() + high.len() + 2);
    if low.len() <= MAX_SHORT_JUMP {
        // ≥ split: jump over the low half.
        out.push(insn(BPF_JGE_K, low.len() as u8, 0, split));
    } else {
        // Too far for a conditional jump: ≥ split falls to an unconditional one.
        out.push(insn(BPF_JGE_K, 0, 1, split));
        out.push(insn(BPF_JA, 0, 0, low.len() as u32));
    }
    out.extend(low);
    out.extend(high);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the instructions this module emits on one `(arch, nr)`.
    fn run(p: &[sock_filter], arch: u32, nr: u32) -> u32 {
        let (mut pc, mut acc) = (0usize, 0u32);
        loop {
            let i = &p[pc];
            pc += 1;
            match i.code {
                BPF_LD_W_ABS => acc = if i.k == ARCH { arch } else { nr },
                BPF_JEQ_K => pc += usize::from(if acc == i.k { i.jt } else { i.jf }),
                BPF_JGE_K => pc += usize::from(if acc >= i.k { i.jt } else { i.jf }),
                BPF_JA => pc += i.k as usize,
                BPF_RET_K => return i.k,
                c => panic!("unexpected instruction {c:#x}"),
            }
        }
    }

    const X86_64: u32 = 0xc000_003e;
    const KILL: u32 = 0x8000_0000;
    const ALLOW: u32 = 0x7fff_0000;

    #[test]
    fn every_number_gets_its_action() {
        // Runs, gaps, single calls, 0 and a long list (long jumps).
        let mut actions = BTreeMap::new();
        for nr in (0..3)
            .chain(10..12)
            .chain([20, 22, 24])
            .chain((100..800).step_by(2))
        {
            actions.insert(nr, if nr == 22 { 0x0005_0001 } else { ALLOW });
        }
        let p = program(X86_64, KILL, &actions, &[(0x4000_0000, KILL)], 0x0005_0026);
        for nr in (0..1000).chain([0x3fff_ffff, 0x4000_0000, 0x4000_0001, u32::MAX]) {
            let want = match actions.get(&nr) {
                Some(a) => *a,
                None if nr >= 0x4000_0000 => KILL,
                None => 0x0005_0026,
            };
            assert_eq!(run(&p, X86_64, nr), want, "nr {nr}");
        }
        assert_eq!(run(&p, 0x4000_0003, 0), KILL, "another ABI");
    }

    #[test]
    fn a_search_is_shallow() {
        let actions: BTreeMap<u32, u32> = (0..400).step_by(2).map(|n| (n, ALLOW)).collect();
        let p = program(X86_64, KILL, &actions, &[], KILL);
        // Count the instructions one call runs through.
        let steps = |nr: u32| {
            let (mut pc, mut n) = (4usize, 4);
            while p[pc].code != BPF_RET_K {
                let i = &p[pc];
                pc += 1 + match i.code {
                    BPF_JGE_K => usize::from(if nr >= i.k { i.jt } else { i.jf }),
                    _ => i.k as usize,
                };
                n += 1;
            }
            n
        };
        assert!((0..400).map(steps).max().unwrap() < 30);
    }

    #[test]
    fn an_empty_table_is_the_default() {
        let p = program(X86_64, KILL, &BTreeMap::new(), &[], ALLOW);
        assert_eq!(run(&p, X86_64, 5), ALLOW);
        assert_eq!(p.len(), 5);
    }
}
