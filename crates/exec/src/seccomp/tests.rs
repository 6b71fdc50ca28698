//! The one program answers every call as the settings, each applied on its own, would
//! together: a plain-Rust statement of what each setting refuses ([`expected`]) against the
//! program run on a BPF interpreter, over every system call number and argument values at
//! the edges of each check.

use super::*;

#[test]
fn the_namespace_flags_are_the_unit_crates() {
    assert_eq!(ALL_NAMESPACES, linger_unit::model::ALL_NAMESPACES);
}

const X86_64: u32 = 0xc000_003e;

fn name_of(nr: u32) -> Option<&'static str> {
    numbers_x86_64::X86_64
        .iter()
        .find(|(_, n)| *n == i64::from(nr))
        .map(|(name, _)| *name)
        .or_else(|| {
            NEWER_CALLS
                .iter()
                .find(|(_, n)| *n == nr)
                .map(|(name, _)| *name)
        })
}

/// What `spec`'s settings answer for one call, stated per setting.
fn expected(spec: &FilterSpec, arch: u32, nr: u32, args: [u64; 6]) -> u32 {
    if arch != X86_64 {
        return KILL_PROCESS;
    }
    let allow_list = matches!(spec.syscalls, Some((true, _)));
    let default = if allow_list {
        errno_action(spec.default_errno)
    } else {
        ALLOW
    };
    if nr & X32_BIT != 0 {
        let x32_max = numbers_x86_64::X32.iter().map(|(_, n)| *n).max().unwrap() as u32;
        return if allow_list {
            default
        } else if nr <= x32_max | X32_BIT {
            KILL_PROCESS
        } else {
            ALLOW
        };
    }
    let name = name_of(nr);
    // SystemCallFilter= first: a refusal there is the answer.
    let table = match (&spec.syscalls, name) {
        (Some((true, calls)), Some(n)) if calls.contains_key(n) => ALLOW,
        (Some((true, _)), _) => default,
        (Some((false, calls)), Some(n)) => match calls.get(n) {
            Some(e) => errno_action(e.or(spec.default_errno)),
            None => ALLOW,
        },
        _ => ALLOW,
    };
    if table != ALLOW {
        return table;
    }
    let Some(name) = name else {
        return ALLOW;
    };
    let low = |i: usize| args[i] as u32;
    let eperm = errno(EPERM);
    if spec.refused.contains(name) {
        return eperm;
    }
    if let Some((allow, families)) = &spec.address_families
        && name == "socket"
        && families.contains(&(low(0) as i32)) != *allow
    {
        return errno(EAFNOSUPPORT);
    }
    if let Some(allowed) = spec.namespaces_allowed {
        let denied = ALL_NAMESPACES & !allowed;
        if denied != 0 {
            match name {
                "unshare" | "clone" if args[0] & denied != 0 => return eperm,
                "setns"
                    if low(1) == 0
                        || (low(1).count_ones() == 1 && denied & u64::from(low(1)) != 0) =>
                {
                    return eperm;
                }
                "clone3" => return errno(ENOSYS),
                _ => {}
            }
        }
    }
    if spec.lock_personality && name == "personality" && low(0) != 0 && low(0) != u32::MAX {
        return eperm;
    }
    if spec.memory_deny_write_execute {
        let refused = match name {
            "mmap" => args[2] & 6 == 6,
            "mprotect" | "pkey_mprotect" => args[2] & 4 != 0,
            "shmat" => args[2] & 0o100000 != 0,
            _ => false,
        };
        if refused {
            return eperm;
        }
    }
    if spec.restrict_realtime
        && name == "sched_setscheduler"
        && [1, 2, 6].contains(&(low(1) & !0x4000_0000))
    {
        return eperm;
    }
    if spec.restrict_suid_sgid {
        let set_id = |mode: u64| mode & 0o6000 != 0;
        let creating = |flags: u64| flags & 0o100 != 0 || flags & 0o20200000 == 0o20200000;
        let refused = match name {
            "chmod" | "fchmod" | "mknod" | "creat" => set_id(args[1]),
            "fchmodat" | "fchmodat2" | "mknodat" => set_id(args[2]),
            "open" => creating(args[1]) && set_id(args[2]),
            "openat" => creating(args[2]) && set_id(args[3]),
            "openat2" => return errno(ENOSYS),
            _ => false,
        };
        if refused {
            return eperm;
        }
    }
    ALLOW
}

/// Argument values at the edges of the checks: flags, modes, families, policies, 64-bit.
const VALUES: [u64; 15] = [
    0,
    1,
    2,
    4,
    6,
    10,
    0o4755,
    0o2000,
    0o100,
    0o20200000,
    0o100000,
    0x4000_0002,
    0x1000_0000,
    0xffff_ffff,
    0x1_0000_0006,
];

fn agree(spec: &FilterSpec) {
    let p = compile(spec).unwrap().program.expect("a program");
    let watched = [
        "socket",
        "unshare",
        "clone",
        "setns",
        "clone3",
        "personality",
        "mmap",
        "mprotect",
        "pkey_mprotect",
        "shmat",
        "sched_setscheduler",
        "chmod",
        "fchmod",
        "fchmodat",
        "fchmodat2",
        "mknod",
        "mknodat",
        "creat",
        "open",
        "openat",
        "openat2",
    ];
    let x32_max = numbers_x86_64::X32.iter().map(|(_, n)| *n).max().unwrap() as u32;
    let numbers = (0..520).chain([
        X32_BIT,
        X32_BIT | 2,
        X32_BIT | 520,
        X32_BIT | x32_max,
        (X32_BIT | x32_max) + 1,
        0x7fff_ffff,
        u32::MAX,
    ]);
    for nr in numbers {
        let check = |args: [u64; 6]| {
            assert_eq!(
                table::run(&p, X86_64, nr, args),
                expected(spec, X86_64, nr, args),
                "nr {nr} ({:?}) args {args:x?} spec {spec:?}",
                name_of(nr)
            );
        };
        check([0; 6]);
        if !name_of(nr).is_some_and(|n| watched.contains(&n)) {
            continue;
        }
        for a in VALUES {
            for b in VALUES {
                for c in VALUES {
                    check([a, b, c, 0, 0, 0]);
                    check([0, a, b, c, 0, 0]);
                }
            }
        }
    }
    assert_eq!(table::run(&p, 0x4000_0003, 1, [0; 6]), KILL_PROCESS, "i386");
}

fn every_setting() -> FilterSpec {
    FilterSpec {
        syscalls: None,
        default_errno: None,
        archs: vec!["native".into()],
        address_families: Some((true, vec![1, 10])),
        namespaces_allowed: Some(0x4000_0000),
        lock_personality: true,
        memory_deny_write_execute: true,
        restrict_realtime: true,
        restrict_suid_sgid: true,
        refused: [
            "syslog",
            "init_module",
            "clock_settime",
            "sethostname",
            "iopl",
        ]
        .map(String::from)
        .into(),
    }
}

#[test]
fn one_program_answers_as_the_settings_do_together() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    // Every setting without a table; with an allow-list that lets through some of the watched
    // calls (and SystemCallErrorNumber=); with a deny-list that has its own answers for some.
    agree(&every_setting());
    let mut allowed: BTreeMap<String, Option<i32>> =
        ["socket", "mmap", "openat", "setns", "read", "syslog"]
            .iter()
            .map(|n| (n.to_string(), None))
            .collect();
    agree(&FilterSpec {
        syscalls: Some((true, allowed.clone())),
        default_errno: Some(117),
        ..every_setting()
    });
    agree(&FilterSpec {
        syscalls: Some((true, allowed.clone())),
        default_errno: None,
        address_families: Some((true, vec![])),
        ..every_setting()
    });
    allowed.insert("personality".into(), Some(13));
    allowed.insert("clone3".into(), None);
    agree(&FilterSpec {
        syscalls: Some((false, allowed)),
        default_errno: Some(1),
        address_families: Some((false, vec![2, 16])),
        ..every_setting()
    });
    // Each setting alone.
    let alone = [
        FilterSpec {
            address_families: Some((false, vec![2])),
            ..FilterSpec::default()
        },
        FilterSpec {
            namespaces_allowed: Some(0),
            ..FilterSpec::default()
        },
        FilterSpec {
            restrict_suid_sgid: true,
            ..FilterSpec::default()
        },
        FilterSpec {
            archs: vec!["native".into()],
            ..FilterSpec::default()
        },
    ];
    for spec in &alone {
        agree(spec);
    }
}

#[test]
fn nothing_asked_is_no_program() {
    assert!(compile(&FilterSpec::default()).unwrap().program.is_none());
    let empty_deny = FilterSpec {
        address_families: Some((false, vec![])),
        ..FilterSpec::default()
    };
    assert!(compile(&empty_deny).unwrap().program.is_none());
}

#[test]
fn other_abis_are_named_in_a_note() {
    let c = compile(&FilterSpec {
        archs: vec!["native".into(), "x86".into()],
        ..FilterSpec::default()
    })
    .unwrap();
    if cfg!(target_arch = "x86_64") {
        assert!(c.program.is_some());
        assert_eq!(c.notes.len(), 1, "{:?}", c.notes);
        assert!(c.notes[0].contains("lists x86:"), "{:?}", c.notes);
    }
}
