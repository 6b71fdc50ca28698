//! `systemd-analyze security [UNIT…]`: an exposure score from the sandboxing a service's unit
//! file asks for. Each check has a weight; the exposure is the weighted share of checks the
//! unit leaves open, on systemd's 0.0–10.0 scale. It scores what the unit asks for; which of
//! these settings linger's exec stage applies is documented in systemd-analyze(1) of linger.

use std::collections::BTreeMap;
use std::process::ExitCode;

/// One check: the directive, its weight, whether a value passes, and what an open one means.
struct Check {
    name: &'static str,
    weight: u32,
    passes: fn(&str) -> bool,
    exposed: &'static str,
    covered: &'static str,
}

fn yes(v: &str) -> bool {
    matches!(v, "yes" | "true" | "on" | "1")
}

fn set(v: &str) -> bool {
    !v.is_empty() && !v.starts_with('~')
}

const CHECKS: &[Check] = &[
    Check {
        name: "NoNewPrivileges",
        weight: 10,
        passes: yes,
        exposed: "Service processes may acquire new privileges",
        covered: "Service processes cannot acquire new privileges",
    },
    Check {
        name: "PrivateNetwork",
        weight: 5,
        passes: yes,
        exposed: "Service has access to the host's network",
        covered: "Service has no access to the host's network",
    },
    Check {
        name: "PrivateTmp",
        weight: 5,
        passes: yes,
        exposed: "Service has access to other software's temporary files",
        covered: "Service has no access to other software's temporary files",
    },
    Check {
        name: "PrivateUsers",
        weight: 2,
        passes: yes,
        exposed: "Service has access to other users",
        covered: "Service does not have access to other users",
    },
    Check {
        name: "PrivateDevices",
        weight: 2,
        passes: yes,
        exposed: "Service potentially has access to hardware devices",
        covered: "Service has no access to hardware devices",
    },
    Check {
        name: "ProtectSystem",
        weight: 2,
        passes: |v| matches!(v, "strict" | "full" | "yes" | "true"),
        exposed: "Service has full access to the OS file hierarchy",
        covered: "Service has limited write access to the OS file hierarchy",
    },
    Check {
        name: "ProtectHome",
        weight: 2,
        passes: |v| matches!(v, "yes" | "true" | "read-only" | "tmpfs"),
        exposed: "Service has full access to home directories",
        covered: "Service has limited access to home directories",
    },
    Check {
        name: "ProtectKernelTunables",
        weight: 2,
        passes: yes,
        exposed: "Service may alter kernel tunables",
        covered: "Service cannot alter kernel tunables (/proc/sys, …)",
    },
    Check {
        name: "ProtectKernelModules",
        weight: 2,
        passes: yes,
        exposed: "Service may load or read kernel modules",
        covered: "Service cannot load or read kernel modules",
    },
    Check {
        name: "ProtectKernelLogs",
        weight: 2,
        passes: yes,
        exposed: "Service may read from or write to the kernel log ring buffer",
        covered: "Service cannot read from or write to the kernel log ring buffer",
    },
    Check {
        name: "ProtectControlGroups",
        weight: 2,
        passes: yes,
        exposed: "Service may modify the control group file system",
        covered: "Service cannot modify the control group file system",
    },
    Check {
        name: "ProtectClock",
        weight: 2,
        passes: yes,
        exposed: "Service may write to the hardware clock or system clock",
        covered: "Service cannot write to the hardware clock or system clock",
    },
    Check {
        name: "ProtectHostname",
        weight: 1,
        passes: yes,
        exposed: "Service may change system host/domainname",
        covered: "Service cannot change system host/domainname",
    },
    Check {
        name: "RestrictSUIDSGID",
        weight: 2,
        passes: yes,
        exposed: "Service may create SUID/SGID files",
        covered: "SUID/SGID file creation by service is restricted",
    },
    Check {
        name: "RestrictNamespaces",
        weight: 2,
        passes: |v| !v.is_empty() && v != "no" && v != "false",
        exposed: "Service may create namespaces",
        covered: "Service cannot create namespaces (or only the listed ones)",
    },
    Check {
        name: "RestrictRealtime",
        weight: 1,
        passes: yes,
        exposed: "Service may acquire realtime scheduling",
        covered: "Service realtime scheduling access is restricted",
    },
    Check {
        name: "RestrictAddressFamilies",
        weight: 2,
        passes: set,
        exposed: "Service may allocate sockets of any address family",
        covered: "Service may allocate only the listed address families",
    },
    Check {
        name: "LockPersonality",
        weight: 1,
        passes: yes,
        exposed: "Service may change ABI personality",
        covered: "Service cannot change ABI personality",
    },
    Check {
        name: "MemoryDenyWriteExecute",
        weight: 1,
        passes: yes,
        exposed: "Service may create writable executable memory mappings",
        covered: "Service cannot create writable executable memory mappings",
    },
    Check {
        name: "SystemCallArchitectures",
        weight: 2,
        passes: |v| v.split_whitespace().all(|a| a == "native") && !v.is_empty(),
        exposed: "Service may execute system calls with all ABIs",
        covered: "Service may execute system calls only with native ABI",
    },
    Check {
        name: "SystemCallFilter",
        weight: 2,
        passes: |v| !v.is_empty(),
        exposed: "Service does not filter system calls",
        covered: "System calls are filtered",
    },
    Check {
        name: "CapabilityBoundingSet",
        weight: 2,
        // Empty: no capabilities at all.
        passes: |v| !v.starts_with('~'),
        exposed: "Service may keep every capability it has",
        covered: "Service's capabilities are bounded",
    },
    Check {
        name: "IPAddressDeny",
        weight: 2,
        passes: |v| v.split_whitespace().any(|a| a == "any"),
        exposed: "Service defines no IP address allow list",
        covered: "Service defines an IP address allow list",
    },
    Check {
        name: "UMask",
        weight: 1,
        passes: |v| u32::from_str_radix(v, 8).is_ok_and(|m| m & 0o007 == 0o007),
        exposed: "Files created by service are world-readable by default",
        covered: "Files created by service are accessible only by service's own user by default",
    },
    Check {
        name: "KeyringMode",
        weight: 1,
        passes: |v| v == "private",
        exposed: "Service shares key material with other services",
        covered: "Service doesn't share key material with other services",
    },
    Check {
        name: "DevicePolicy",
        weight: 1,
        passes: |v| matches!(v, "closed" | "strict"),
        exposed: "Service has no device access policy",
        covered: "Service has a minimal device access policy",
    },
];

/// The exposure (0–100, tenths) of a unit with these directive values (last one wins).
fn exposure(values: &BTreeMap<String, String>) -> (u32, Vec<(&'static Check, bool)>) {
    let total: u32 = CHECKS.iter().map(|c| c.weight).sum();
    let mut open = 0;
    let mut rows = Vec::new();
    for c in CHECKS {
        let ok = values.get(c.name).is_some_and(|v| (c.passes)(v.trim()));
        if !ok {
            open += c.weight;
        }
        rows.push((c, ok));
    }
    ((open * 100 + total / 2) / total, rows)
}

/// systemd's words for an exposure level.
fn level(tenths: u32) -> (&'static str, &'static str) {
    match tenths {
        0..=10 => ("SAFE", "😀"),
        11..=20 => ("OK", "🙂"),
        21..=50 => ("MEDIUM", "😐"),
        51..=90 => ("EXPOSED", "🙁"),
        _ => ("UNSAFE", "😨"),
    }
}

/// The directive values of a unit as its files set them (fragment, then drop-ins).
fn directive_values(unit: &str) -> Result<BTreeMap<String, String>, String> {
    let ctx = crate::daemon::user_load_context();
    let loaded = linger_unit::loader::load_unit(unit, &ctx);
    if loaded.fragment_path.is_none() {
        return Err(format!("Unit {unit} not found."));
    }
    let mut values = BTreeMap::new();
    // The last assignment wins; an empty one counts as such (`CapabilityBoundingSet=` is
    // the empty set).
    for (_, a) in linger_unit::lint::raw_assignments(&loaded) {
        values.insert(a.key, a.value);
    }
    Ok(values)
}

fn one(unit: &str) -> Result<(), String> {
    let values = directive_values(unit)?;
    let (tenths, rows) = exposure(&values);
    let width = CHECKS.iter().map(|c| c.name.len() + 1).max().unwrap_or(0);
    let dwidth = CHECKS
        .iter()
        .map(|c| c.exposed.chars().count().max(c.covered.chars().count()))
        .max()
        .unwrap_or(0);
    println!("  {:<width$} {:<dwidth$} EXPOSURE", "NAME", "DESCRIPTION");
    let total: u32 = CHECKS.iter().map(|c| c.weight).sum();
    for (c, ok) in rows {
        let name = format!("{}=", c.name);
        if ok {
            println!(
                "{} {name:<width$} {}",
                crate::output::paint(crate::output::style::HIGHLIGHT_GREEN, "✓"),
                c.covered
            );
        } else {
            let share = f64::from(c.weight) * 10.0 / f64::from(total);
            println!(
                "{} {name:<width$} {:<dwidth$} {share:>8.1}",
                crate::output::paint(crate::output::style::HIGHLIGHT_RED, "✗"),
                c.exposed
            );
        }
    }
    let (word, face) = level(tenths);
    println!(
        "\n→ Overall exposure level for {unit}: {}.{} {word} {face}",
        tenths / 10,
        tenths % 10
    );
    Ok(())
}

/// `security [UNIT…]`: a unit's checks, or a summary of every loaded service.
pub fn security(units: &[String]) -> ExitCode {
    if units.is_empty() {
        return summary();
    }
    let mut code = ExitCode::SUCCESS;
    for (i, u) in units.iter().enumerate() {
        if i > 0 {
            println!();
        }
        if let Err(e) = one(&crate::unit_names::mangle(u)) {
            code = crate::output::fail(&e);
        }
    }
    code
}

fn summary() -> ExitCode {
    let names = match crate::unit_names::loaded_units() {
        Ok(n) => n,
        Err(e) => return crate::output::fail(&e),
    };
    let mut rows = Vec::new();
    for n in names.into_iter().filter(|n| n.ends_with(".service")) {
        if let Ok(values) = directive_values(&n) {
            let (tenths, _) = exposure(&values);
            let (word, face) = level(tenths);
            rows.push((n, tenths, word, face));
        }
    }
    let w = rows.iter().map(|r| r.0.len()).max().unwrap_or(4).max(4);
    println!("{:<w$} EXPOSURE PREDICATE HAPPY", "UNIT");
    for (n, t, word, face) in rows {
        println!(
            "{n:<w$} {:>8} {word:<9} {face}",
            format!("{}.{}", t / 10, t % 10)
        );
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(pairs: &[(&str, &str)]) -> u32 {
        let m = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        exposure(&m).0
    }

    #[test]
    fn nothing_asked_is_fully_exposed_and_everything_is_safe() {
        assert_eq!(of(&[]), 100);
        let all: Vec<(&str, &str)> = vec![
            ("NoNewPrivileges", "yes"),
            ("PrivateNetwork", "yes"),
            ("PrivateTmp", "yes"),
            ("PrivateUsers", "yes"),
            ("PrivateDevices", "yes"),
            ("ProtectSystem", "strict"),
            ("ProtectHome", "yes"),
            ("ProtectKernelTunables", "yes"),
            ("ProtectKernelModules", "yes"),
            ("ProtectKernelLogs", "yes"),
            ("ProtectControlGroups", "yes"),
            ("ProtectClock", "yes"),
            ("ProtectHostname", "yes"),
            ("RestrictSUIDSGID", "yes"),
            ("RestrictNamespaces", "yes"),
            ("RestrictRealtime", "yes"),
            ("RestrictAddressFamilies", "AF_UNIX"),
            ("LockPersonality", "yes"),
            ("MemoryDenyWriteExecute", "yes"),
            ("SystemCallArchitectures", "native"),
            ("SystemCallFilter", "@system-service"),
            ("CapabilityBoundingSet", ""),
            ("IPAddressDeny", "any"),
            ("UMask", "0077"),
            ("KeyringMode", "private"),
            ("DevicePolicy", "closed"),
        ];
        // CapabilityBoundingSet= empty is the empty set: bounded.
        assert_eq!(of(&all), 0);
        assert_eq!(level(0).0, "SAFE");
    }

    #[test]
    fn hardening_lowers_the_exposure() {
        let bare = of(&[]);
        let some = of(&[("NoNewPrivileges", "yes"), ("PrivateTmp", "true")]);
        assert!(some < bare);
        assert_eq!(level(bare), ("UNSAFE", "😨"));
        assert_eq!(of(&[("UMask", "0022")]), bare);
        assert!(of(&[("UMask", "0027")]) < bare);
    }
}
