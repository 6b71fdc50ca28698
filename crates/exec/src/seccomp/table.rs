//! The one BPF program of a unit: an action per system call number (`SystemCallFilter=`'s
//! table, the calls other settings refuse outright), argument checks for the few calls a
//! setting refuses only with some arguments (`socket`'s family, `mmap`'s protection, …), and
//! a default for the rest — laid out as a binary search over number ranges whose leaves are
//! an answer or a call's argument checks.
//!
//! Why one program: loading a program costs a spawn ~30-40 µs whatever its size (the kernel
//! JIT-compiles it into fresh executable pages and precomputes its per-number action cache;
//! crates/exec/benches/spawn_cost.rs), so a unit's settings share one. Why a search: a chain
//! comparing the number against each listed call in turn (as seccompiler or a naive
//! libseccomp export lays out `@system-service`'s ~370 calls) is ~1,500 instructions, and the
//! kernel's cache set-up runs it once per system call number (~0.8 ms per spawn measured
//! here); a search over ranges is ~10 comparisons deep whatever the list. Numbers without
//! argument checks never read an argument, so the kernel's cache still answers them without
//! running the program.

use std::collections::BTreeMap;

/// One BPF instruction: `struct sock_filter` of linux/filter.h.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insn {
    /// Operation.
    pub code: u16,
    /// Jump offset if true.
    pub jt: u8,
    /// Jump offset if false.
    pub jf: u8,
    /// Operand.
    pub k: u32,
}

pub(crate) const BPF_LD_W_ABS: u16 = 0x20;
pub(crate) const BPF_ALU_AND_K: u16 = 0x54;
pub(crate) const BPF_JEQ_K: u16 = 0x15;
pub(crate) const BPF_JGE_K: u16 = 0x35;
pub(crate) const BPF_JSET_K: u16 = 0x45;
pub(crate) const BPF_JA: u16 = 0x05;
pub(crate) const BPF_RET_K: u16 = 0x06;
/// Offsets in `struct seccomp_data`.
pub(crate) const NR: u32 = 0;
pub(crate) const ARCH: u32 = 4;
pub(crate) const ARGS: u32 = 16;
/// Longest forward jump a conditional instruction can encode.
const MAX_SHORT_JUMP: usize = 255;

fn insn(code: u16, jt: u8, jf: u8, k: u32) -> Insn {
    Insn { code, jt, jf, k }
}

/// A test on one system call argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The argument's low 32 bits equal `value` (an `int` argument).
    Eq32 {
        /// Argument index (0-5).
        arg: u8,
        /// Compared value.
        value: u32,
    },
    /// The argument's low 32 bits differ from `value`.
    Ne32 {
        /// Argument index (0-5).
        arg: u8,
        /// Compared value.
        value: u32,
    },
    /// Some bit of `mask` is set in the argument's low 32 bits (a mode or flags `int`).
    AnyBit {
        /// Argument index (0-5).
        arg: u8,
        /// Bits looked at.
        mask: u32,
    },
    /// `(argument & mask) == value` over all 64 bits.
    Masked {
        /// Argument index (0-5).
        arg: u8,
        /// Bits looked at.
        mask: u64,
        /// What they must be.
        value: u64,
    },
}

/// An answer given when any of `rules` holds (a rule holds when all its checks do; no rule
/// at all: always).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guard {
    /// Alternatives, each a list of checks that must all hold.
    pub rules: Vec<Vec<Check>>,
    /// The `SECCOMP_RET_*` answer.
    pub action: u32,
}

/// What the program answers for one listed number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// This answer, whatever the arguments.
    Action(u32),
    /// The first guard that holds answers; when none does, `otherwise`.
    Checked {
        /// Tried in order.
        guards: Vec<Guard>,
        /// The answer when no guard holds.
        otherwise: u32,
    },
}

/// What a range of numbers leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leaf {
    Action(u32),
    /// The argument checks of this number (a range of its own).
    Checked(u32),
}

/// A program that kills calls of any architecture but `arch` (an `AUDIT_ARCH_*` value), then
/// answers `entries[nr]` for a listed number, `above[i].1` for numbers from `above[i].0` on
/// (the x32 range, for example), and `default` for the rest. Numbers listed in `entries`
/// must be below every `above` start. Fails only if a guard's checks are too many to jump
/// over (hundreds).
pub fn program(
    arch: u32,
    kill: u32,
    entries: &BTreeMap<u32, Entry>,
    above: &[(u32, u32)],
    default: u32,
) -> Result<Vec<Insn>, String> {
    // Ranges: (first number, leaf), sorted, neighbours differ; a checked number is a range of
    // its own.
    let mut ranges: Vec<(u32, Leaf)> = vec![(0, Leaf::Action(default))];
    let mut push = |start: u32, leaf: Leaf| {
        if ranges.last().is_some_and(|r| r.0 == start) {
            ranges.pop();
        }
        if ranges.last().is_none_or(|r| r.1 != leaf) {
            ranges.push((start, leaf));
        }
    };
    for (&nr, entry) in entries {
        push(
            nr,
            match entry {
                Entry::Action(a) => Leaf::Action(*a),
                Entry::Checked { .. } => Leaf::Checked(nr),
            },
        );
        if let Some(next) = nr.checked_add(1)
            && !entries.contains_key(&next)
        {
            push(next, Leaf::Action(default));
        }
    }
    for &(start, action) in above {
        push(start, Leaf::Action(action));
    }
    let mut out = vec![
        insn(BPF_LD_W_ABS, 0, 0, ARCH),
        insn(BPF_JEQ_K, 1, 0, arch),
        insn(BPF_RET_K, 0, 0, kill),
        insn(BPF_LD_W_ABS, 0, 0, NR),
    ];
    out.extend(search(&ranges, entries)?);
    Ok(out)
}

/// The search over `ranges` (non-empty), for a number already in the accumulator that is at
/// least `ranges[0].0`.
fn search(ranges: &[(u32, Leaf)], entries: &BTreeMap<u32, Entry>) -> Result<Vec<Insn>, String> {
    if let [(_, leaf)] = ranges {
        return match leaf {
            Leaf::Action(a) => Ok(vec![insn(BPF_RET_K, 0, 0, *a)]),
            Leaf::Checked(nr) => match entries.get(nr) {
                Some(Entry::Checked { guards, otherwise }) => checked(guards, *otherwise),
                _ => Err(format!("no argument checks for system call {nr}")),
            },
        };
    }
    let mid = ranges.len() / 2;
    let (low, high) = (
        search(&ranges[..mid], entries)?,
        search(&ranges[mid..], entries)?,
    );
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
    Ok(out)
}

/// The argument checks of one number: each rule is a block that falls through its checks to
/// its answer, and jumps to the next block at the first check that fails.
fn checked(guards: &[Guard], otherwise: u32) -> Result<Vec<Insn>, String> {
    /// An instruction, or a test whose failure leaves the block.
    enum Step {
        Plain(Insn),
        /// Leave unless the accumulator equals k.
        LeaveUnlessEq(u32),
        /// Leave if the accumulator equals k.
        LeaveIfEq(u32),
        /// Leave unless the accumulator has a bit of k.
        LeaveUnlessAny(u32),
        Leave,
    }
    let mut out = Vec::new();
    for g in guards {
        if g.rules.is_empty() {
            out.push(insn(BPF_RET_K, 0, 0, g.action));
            return Ok(out);
        }
        for rule in &g.rules {
            let mut steps = Vec::new();
            // The word the accumulator holds (a rule starts not knowing: it may be entered
            // from the previous one's failed check).
            let mut holds: Option<u32> = None;
            let load = |steps: &mut Vec<Step>, holds: &mut Option<u32>, arg: u8, high: bool| {
                let half = if cfg!(target_endian = "little") == high {
                    4
                } else {
                    0
                };
                let at = ARGS + 8 * u32::from(arg) + half;
                if *holds != Some(at) {
                    steps.push(Step::Plain(insn(BPF_LD_W_ABS, 0, 0, at)));
                    *holds = Some(at);
                }
            };
            for check in rule {
                match *check {
                    Check::Eq32 { arg, value } => {
                        load(&mut steps, &mut holds, arg, false);
                        steps.push(Step::LeaveUnlessEq(value));
                    }
                    Check::Ne32 { arg, value } => {
                        load(&mut steps, &mut holds, arg, false);
                        steps.push(Step::LeaveIfEq(value));
                    }
                    Check::AnyBit { arg, mask } => {
                        load(&mut steps, &mut holds, arg, false);
                        steps.push(Step::LeaveUnlessAny(mask));
                    }
                    Check::Masked { arg, mask, value } => {
                        for high in [false, true] {
                            let shift = if high { 32 } else { 0 };
                            let (m, v) = ((mask >> shift) as u32, (value >> shift) as u32);
                            if m == 0 {
                                if v != 0 {
                                    steps.push(Step::Leave);
                                }
                                continue;
                            }
                            load(&mut steps, &mut holds, arg, high);
                            if m != u32::MAX {
                                steps.push(Step::Plain(insn(BPF_ALU_AND_K, 0, 0, m)));
                                holds = None;
                            }
                            steps.push(Step::LeaveUnlessEq(v));
                        }
                    }
                }
            }
            // The block is the steps and the answer; leaving jumps just past it.
            let n = steps.len();
            if n > MAX_SHORT_JUMP {
                return Err(format!("{n} argument checks in one rule (at most 255)"));
            }
            for (i, step) in steps.into_iter().enumerate() {
                let to_end = (n - i) as u8;
                out.push(match step {
                    Step::Plain(i) => i,
                    Step::LeaveUnlessEq(k) => insn(BPF_JEQ_K, 0, to_end, k),
                    Step::LeaveIfEq(k) => insn(BPF_JEQ_K, to_end, 0, k),
                    Step::LeaveUnlessAny(k) => insn(BPF_JSET_K, 0, to_end, k),
                    Step::Leave => insn(BPF_JA, 0, 0, u32::from(to_end)),
                });
            }
            out.push(insn(BPF_RET_K, 0, 0, g.action));
        }
    }
    out.push(insn(BPF_RET_K, 0, 0, otherwise));
    Ok(out)
}

/// Runs a program of the instructions this module emits on one call (for tests).
#[cfg(test)]
pub(crate) fn run(p: &[Insn], arch: u32, nr: u32, args: [u64; 6]) -> u32 {
    let (mut pc, mut acc) = (0usize, 0u32);
    loop {
        let i = &p[pc];
        pc += 1;
        match i.code {
            BPF_LD_W_ABS => {
                acc = match i.k {
                    NR => nr,
                    ARCH => arch,
                    k if (ARGS..ARGS + 48).contains(&k) && k.is_multiple_of(4) => {
                        let arg = args[((k - ARGS) / 8) as usize];
                        if (k - ARGS).is_multiple_of(8) {
                            arg as u32
                        } else {
                            (arg >> 32) as u32
                        }
                    }
                    k => panic!("load from offset {k}"),
                }
            }
            BPF_ALU_AND_K => acc &= i.k,
            BPF_JEQ_K => pc += usize::from(if acc == i.k { i.jt } else { i.jf }),
            BPF_JGE_K => pc += usize::from(if acc >= i.k { i.jt } else { i.jf }),
            BPF_JSET_K => pc += usize::from(if acc & i.k != 0 { i.jt } else { i.jf }),
            BPF_JA => pc += i.k as usize,
            BPF_RET_K => return i.k,
            c => panic!("unexpected instruction {c:#x}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const X86_64: u32 = 0xc000_003e;
    const KILL: u32 = 0x8000_0000;
    const ALLOW: u32 = 0x7fff_0000;

    fn actions(map: &BTreeMap<u32, u32>) -> BTreeMap<u32, Entry> {
        map.iter().map(|(n, a)| (*n, Entry::Action(*a))).collect()
    }

    #[test]
    fn every_number_gets_its_action() {
        // Runs, gaps, single calls, 0 and a long list (long jumps).
        let mut map = BTreeMap::new();
        for nr in (0..3)
            .chain(10..12)
            .chain([20, 22, 24])
            .chain((100..800).step_by(2))
        {
            map.insert(nr, if nr == 22 { 0x0005_0001 } else { ALLOW });
        }
        let p = program(
            X86_64,
            KILL,
            &actions(&map),
            &[(0x4000_0000, KILL)],
            0x0005_0026,
        )
        .unwrap();
        for nr in (0..1000).chain([0x3fff_ffff, 0x4000_0000, 0x4000_0001, u32::MAX]) {
            let want = match map.get(&nr) {
                Some(a) => *a,
                None if nr >= 0x4000_0000 => KILL,
                None => 0x0005_0026,
            };
            assert_eq!(run(&p, X86_64, nr, [0; 6]), want, "nr {nr}");
        }
        assert_eq!(run(&p, 0x4000_0003, 0, [0; 6]), KILL, "another ABI");
    }

    #[test]
    fn a_search_is_shallow() {
        let map: BTreeMap<u32, u32> = (0..400).step_by(2).map(|n| (n, ALLOW)).collect();
        let p = program(X86_64, KILL, &actions(&map), &[], KILL).unwrap();
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
        let p = program(X86_64, KILL, &BTreeMap::new(), &[], ALLOW).unwrap();
        assert_eq!(run(&p, X86_64, 5, [0; 6]), ALLOW);
        assert_eq!(p.len(), 5);
    }

    #[test]
    fn argument_checks_answer_by_their_rules() {
        const E1: u32 = 0x0005_0001;
        const E2: u32 = 0x0005_0002;
        let mut entries = BTreeMap::new();
        // 7: E1 when arg0 == 3 and the high half of arg1 has bit 33, or arg2 ∉ {1, 2};
        // then E2 when arg0's low bit is set.
        entries.insert(
            7,
            Entry::Checked {
                guards: vec![
                    Guard {
                        rules: vec![
                            vec![
                                Check::Eq32 { arg: 0, value: 3 },
                                Check::Masked {
                                    arg: 1,
                                    mask: 1 << 33,
                                    value: 1 << 33,
                                },
                            ],
                            vec![
                                Check::Ne32 { arg: 2, value: 1 },
                                Check::Ne32 { arg: 2, value: 2 },
                            ],
                        ],
                        action: E1,
                    },
                    Guard {
                        rules: vec![vec![Check::Masked {
                            arg: 0,
                            mask: 1,
                            value: 1,
                        }]],
                        action: E2,
                    },
                ],
                otherwise: ALLOW,
            },
        );
        // 9: E1 when arg1 has bit 1 or 2 (low half) and arg0 is not 5.
        entries.insert(
            9,
            Entry::Checked {
                guards: vec![Guard {
                    rules: vec![vec![
                        Check::AnyBit { arg: 1, mask: 6 },
                        Check::Ne32 { arg: 0, value: 5 },
                    ]],
                    action: E1,
                }],
                otherwise: ALLOW,
            },
        );
        // 8: always E2 (a guard without rules); 6 is plain.
        entries.insert(
            8,
            Entry::Checked {
                guards: vec![Guard {
                    rules: vec![],
                    action: E2,
                }],
                otherwise: ALLOW,
            },
        );
        entries.insert(6, Entry::Action(E1));
        let p = program(X86_64, KILL, &entries, &[], ALLOW).unwrap();
        let at = |nr, args| run(&p, X86_64, nr, args);
        assert_eq!(at(7, [3, 1 << 33, 1, 0, 0, 0]), E1);
        assert_eq!(
            at(7, [3, 1 << 32, 1, 0, 0, 0]),
            E2,
            "second guard: arg0 odd"
        );
        assert_eq!(at(7, [2, 1 << 33, 1, 0, 0, 0]), ALLOW);
        assert_eq!(at(7, [2, 0, 5, 0, 0, 0]), E1);
        assert_eq!(at(7, [2, 0, 2, 0, 0, 0]), ALLOW);
        // Eq32 looks at the low half only.
        assert_eq!(at(7, [3 | 1 << 40, 1 << 33, 1, 0, 0, 0]), E1);
        assert_eq!(at(8, [0; 6]), E2);
        assert_eq!(at(6, [0; 6]), E1);
        assert_eq!(at(5, [3, 1 << 33, 5, 0, 0, 0]), ALLOW);
        assert_eq!(at(10, [3, 1 << 33, 5, 0, 0, 0]), ALLOW);
        assert_eq!(at(9, [0, 4, 0, 0, 0, 0]), E1);
        assert_eq!(at(9, [5, 4, 0, 0, 0, 0]), ALLOW);
        assert_eq!(at(9, [0, 1 | 1 << 34, 0, 0, 0, 0]), ALLOW, "low half only");
    }
}
