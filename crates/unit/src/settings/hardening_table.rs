//! Rows for the sandboxing settings of systemd.exec(5) that linger applies
//! (`NoNewPrivileges=`, `SystemCallFilter=`, `RestrictAddressFamilies=`, `PrivateTmp=` …).

use std::collections::BTreeMap;

use super::{Apply, Cx, UnitBuilder};
use crate::model::{Hardening, NameList, ProtectHome, ProtectSystem, SyscallFilter};
use crate::value::{
    ValueError, parse_boolean, parse_errno, split_words, syscall_group, syscall_name_is_valid,
};

/// Hardening rows valid in `[Service]`.
pub(crate) const HARDENING: &[(&str, Apply)] = &[
    ("NoNewPrivileges", |b, cx| {
        flag(b, cx, |h, v| h.no_new_privileges = v)
    }),
    ("SystemCallFilter", syscall_filter),
    ("SystemCallErrorNumber", |b, cx| {
        b.set(cx, false, parse_action_errno, |b, v| {
            b.svc.exec.hardening.syscall_errno = v
        })
    }),
    ("SystemCallArchitectures", archs),
    ("RestrictAddressFamilies", address_families),
    ("RestrictNamespaces", namespaces),
    ("LockPersonality", |b, cx| {
        flag(b, cx, |h, v| h.lock_personality = v)
    }),
    ("MemoryDenyWriteExecute", |b, cx| {
        flag(b, cx, |h, v| h.memory_deny_write_execute = v)
    }),
    ("RestrictRealtime", |b, cx| {
        flag(b, cx, |h, v| h.restrict_realtime = v)
    }),
    ("PrivateTmp", |b, cx| flag(b, cx, |h, v| h.private_tmp = v)),
    ("ProtectKernelTunables", |b, cx| {
        flag(b, cx, |h, v| h.protect_kernel_tunables = v)
    }),
    ("ProtectControlGroups", |b, cx| {
        flag(b, cx, |h, v| h.protect_control_groups = v)
    }),
    ("PrivateUsers", |b, cx| {
        flag(b, cx, |h, v| h.private_users = v)
    }),
    ("ProtectSystem", |b, cx| {
        b.set(cx, false, parse_protect_system, |b, v| {
            b.svc.exec.hardening.protect_system = v
        })
    }),
    ("ProtectHome", |b, cx| {
        b.set(cx, false, parse_protect_home, |b, v| {
            b.svc.exec.hardening.protect_home = v
        })
    }),
    ("ReadWritePaths", |b, cx| {
        paths(b, cx, |h| &mut h.read_write_paths)
    }),
    ("ReadWriteDirectories", |b, cx| {
        paths(b, cx, |h| &mut h.read_write_paths)
    }),
    ("ReadOnlyPaths", |b, cx| {
        paths(b, cx, |h| &mut h.read_only_paths)
    }),
    ("ReadOnlyDirectories", |b, cx| {
        paths(b, cx, |h| &mut h.read_only_paths)
    }),
    ("InaccessiblePaths", |b, cx| {
        paths(b, cx, |h| &mut h.inaccessible_paths)
    }),
    ("InaccessibleDirectories", |b, cx| {
        paths(b, cx, |h| &mut h.inaccessible_paths)
    }),
    ("CapabilityBoundingSet", capability_bounding_set),
    ("AmbientCapabilities", ambient_capabilities),
    ("ProtectKernelModules", |b, cx| {
        flag(b, cx, |h, v| h.protect_kernel_modules = v)
    }),
    ("PrivateNetwork", |b, cx| {
        flag(b, cx, |h, v| h.private_network = v)
    }),
    ("PrivateIPC", |b, cx| flag(b, cx, |h, v| h.private_ipc = v)),
    ("ProtectHostname", |b, cx| {
        flag(b, cx, |h, v| h.protect_hostname = v)
    }),
    ("PrivateDevices", |b, cx| {
        flag(b, cx, |h, v| h.private_devices = v)
    }),
    ("ProtectClock", |b, cx| {
        flag(b, cx, |h, v| h.protect_clock = v)
    }),
    ("ProtectKernelLogs", |b, cx| {
        flag(b, cx, |h, v| h.protect_kernel_logs = v)
    }),
    ("RestrictSUIDSGID", |b, cx| {
        flag(b, cx, |h, v| h.restrict_suid_sgid = v)
    }),
];

/// `CapabilityBoundingSet=`: capability names (`~` inverts). An empty value is the empty set,
/// `~` alone every capability; an assignment replaces the set while it is unset (or the
/// assignment names none), else adds to it (or, with `~`, takes from it).
fn capability_bounding_set(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let current = b.svc.exec.hardening.capability_bounding_set;
    let Some(set) = capability_list(b, cx, "bounding set", current) else {
        return;
    };
    b.svc.exec.hardening.capability_bounding_set = (set != u64::MAX).then_some(set);
}

/// `AmbientCapabilities=`: the same list syntax as `CapabilityBoundingSet=`; unset is the
/// empty set.
fn ambient_capabilities(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let current = b.svc.exec.hardening.ambient_capabilities;
    let current = (current != 0).then_some(current);
    if let Some(set) = capability_list(b, cx, "ambient set", current) {
        b.svc.exec.hardening.ambient_capabilities = set;
    }
}

/// A capability list assignment on top of `current` (None: not set yet): the new set.
fn capability_list(
    b: &mut UnitBuilder,
    cx: &Cx<'_>,
    what: &str,
    current: Option<u64>,
) -> Option<u64> {
    let (inverted, words) = list_words(b, cx)?;
    let mut listed = 0u64;
    for w in words {
        match crate::value::capability_from_name(&w) {
            Some(n) => listed |= 1 << n,
            None => b.warn(
                cx,
                format!("Failed to parse capability in {what}, ignoring: {w}"),
            ),
        }
    }
    Some(match current {
        Some(current) if listed != 0 => {
            if inverted {
                current & !listed
            } else {
                current | listed
            }
        }
        _ if inverted => !listed,
        _ => listed,
    })
}

/// `ReadWritePaths=`, `ReadOnlyPaths=`, `InaccessiblePaths=`: absolute paths (`-` prefix:
/// skipped when missing, `+`: relative to the root directory, which is `/` here); an empty
/// value resets the list.
fn paths(b: &mut UnitBuilder, cx: &Cx<'_>, list: fn(&mut Hardening) -> &mut Vec<String>) {
    if cx.value.trim().is_empty() {
        list(&mut b.svc.exec.hardening).clear();
        return;
    }
    let Some((_, words)) = list_words(b, cx) else {
        return;
    };
    for w in words {
        let path = w.trim_start_matches(['-', '+']);
        if path.starts_with('/') {
            list(&mut b.svc.exec.hardening).push(w);
        } else {
            b.warn(cx, format!("Path is not absolute, ignoring: {w}"));
        }
    }
}

fn flag(b: &mut UnitBuilder, cx: &Cx<'_>, store: fn(&mut crate::model::Hardening, bool)) {
    b.set(cx, false, parse_boolean, |b, v| {
        store(&mut b.svc.exec.hardening, v)
    });
}

/// `SystemCallErrorNumber=`: an errno, or `kill` (the default: kill the process).
fn parse_action_errno(s: &str) -> Result<Option<i32>, ValueError> {
    match s.trim() {
        "kill" | "" => Ok(None),
        t => parse_errno(t).map(Some),
    }
}

fn parse_protect_system(s: &str) -> Result<ProtectSystem, ValueError> {
    match s.trim() {
        "full" => Ok(ProtectSystem::Full),
        "strict" => Ok(ProtectSystem::Strict),
        t => parse_boolean(t)
            .map(|y| {
                if y {
                    ProtectSystem::Yes
                } else {
                    ProtectSystem::No
                }
            })
            .map_err(|_| ValueError::new("expected yes, no, full or strict")),
    }
}

fn parse_protect_home(s: &str) -> Result<ProtectHome, ValueError> {
    match s.trim() {
        "read-only" => Ok(ProtectHome::ReadOnly),
        "tmpfs" => Ok(ProtectHome::Tmpfs),
        t => parse_boolean(t)
            .map(|y| if y { ProtectHome::Yes } else { ProtectHome::No })
            .map_err(|_| ValueError::new("expected yes, no, read-only or tmpfs")),
    }
}

/// The words of a list value after a leading `~` (returned as `inverted`).
fn list_words(b: &mut UnitBuilder, cx: &Cx<'_>) -> Option<(bool, Vec<String>)> {
    let v = b.expand(cx)?;
    let t = v.trim();
    let (inverted, rest) = match t.strip_prefix('~') {
        Some(r) => (true, r),
        None => (false, t),
    };
    match split_words(rest, false) {
        Ok(w) => Some((inverted, w)),
        Err(e) => {
            b.warn(
                cx,
                format!("Invalid syntax, ignoring: {} ({})", cx.value, e.detail),
            );
            None
        }
    }
}

/// `SystemCallFilter=`: the first assignment decides allow- or deny-listing; later ones add
/// to or take from the set (systemd.exec(5)). Groups are expanded here.
fn syscall_filter(b: &mut UnitBuilder, cx: &Cx<'_>) {
    if cx.value.trim().is_empty() {
        b.svc.exec.hardening.syscall_filter = None;
        return;
    }
    let Some((inverted, words)) = list_words(b, cx) else {
        return;
    };
    // The first assignment decides the kind of list; later ones add to or take from it.
    let (allow_list, adding) = match &b.svc.exec.hardening.syscall_filter {
        Some(f) => (f.allow_list, f.allow_list != inverted),
        None => (!inverted, true),
    };
    let mut warnings = Vec::new();
    let mut changes: Vec<(String, Option<i32>)> = Vec::new();
    for w in words {
        let (name, errno) = match w.split_once(':') {
            Some((n, e)) => match parse_action_errno(e) {
                Ok(errno) if !allow_list || !adding => (n.to_string(), errno),
                Ok(_) => {
                    warnings.push(format!(
                        "Allow-listed system calls cannot take an errno, ignoring: {w}"
                    ));
                    continue;
                }
                Err(err) => {
                    warnings.push(format!("Invalid errno in {w} ({}), ignoring.", err.detail));
                    continue;
                }
            },
            None => (w.clone(), None),
        };
        if let Some(group) = name.strip_prefix('@').map(|_| name.as_str()) {
            match syscall_group(group) {
                Some(members) => {
                    changes.extend(members.into_iter().map(|m| (m.to_string(), errno)))
                }
                None => warnings.push(format!("Unknown system call group, ignoring: {name}")),
            }
        } else if syscall_name_is_valid(&name) {
            changes.push((name, errno));
        } else {
            warnings.push(format!("Failed to parse system call, ignoring: {name}"));
        }
    }
    let filter = b
        .svc
        .exec
        .hardening
        .syscall_filter
        .get_or_insert_with(|| SyscallFilter {
            allow_list,
            syscalls: BTreeMap::new(),
        });
    for (name, errno) in changes {
        if adding {
            filter.syscalls.insert(name, errno);
        } else {
            filter.syscalls.remove(&name);
        }
    }
    for w in warnings {
        b.warn(cx, w);
    }
}

/// `SystemCallArchitectures=`: names systemd knows; empty resets.
fn archs(b: &mut UnitBuilder, cx: &Cx<'_>) {
    const KNOWN: [&str; 8] = [
        "native", "x86", "x86-64", "x32", "arm", "arm64", "riscv64", "s390x",
    ];
    if cx.value.trim().is_empty() {
        b.svc.exec.hardening.syscall_archs.clear();
        return;
    }
    let Some((_, words)) = list_words(b, cx) else {
        return;
    };
    for w in words {
        if !KNOWN.contains(&w.as_str()) {
            b.warn(
                cx,
                format!("Failed to parse system call architecture, ignoring: {w}"),
            );
        } else if !b.svc.exec.hardening.syscall_archs.contains(&w) {
            b.svc.exec.hardening.syscall_archs.push(w);
        }
    }
}

/// Merge a `~`-invertible list into `slot` as systemd does for address families and
/// namespaces: the first assignment decides the kind, later ones add or take away.
fn merge_list(slot: &mut Option<NameList>, inverted: bool, names: Vec<String>) {
    let list = slot.get_or_insert_with(|| NameList {
        allow_list: !inverted,
        names: Vec::new(),
    });
    let adding = list.allow_list != inverted;
    for n in names {
        if adding {
            if !list.names.contains(&n) {
                list.names.push(n);
            }
        } else {
            list.names.retain(|x| *x != n);
        }
    }
}

/// `RestrictAddressFamilies=`: `none`, or `AF_*` names (`~` inverts); empty resets.
fn address_families(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let t = cx.value.trim();
    if t.is_empty() {
        b.svc.exec.hardening.address_families = None;
        return;
    }
    if t == "none" {
        b.svc.exec.hardening.address_families = Some(NameList {
            allow_list: true,
            names: Vec::new(),
        });
        return;
    }
    let Some((inverted, words)) = list_words(b, cx) else {
        return;
    };
    let mut names = Vec::new();
    for w in words {
        if crate::value::address_family_number(&w).is_some() {
            names.push(w);
        } else {
            b.warn(cx, format!("Failed to parse address family, ignoring: {w}"));
        }
    }
    merge_list(&mut b.svc.exec.hardening.address_families, inverted, names);
}

/// `RestrictNamespaces=`: a boolean, or namespace names (`~` inverts).
fn namespaces(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let t = cx.value.trim();
    if let Ok(yes) = parse_boolean(t) {
        b.svc.exec.hardening.namespaces = yes.then(|| NameList {
            allow_list: true,
            names: Vec::new(),
        });
        return;
    }
    let Some((inverted, words)) = list_words(b, cx) else {
        return;
    };
    let mut names = Vec::new();
    for w in words {
        if crate::model::namespace_flag(&w).is_some() {
            names.push(w);
        } else {
            b.warn(cx, format!("Failed to parse namespace type, ignoring: {w}"));
        }
    }
    // Kept as the allowed set: allow-lines are merged by OR, `~` lines by AND.
    let all = || {
        crate::model::NAMESPACE_FLAGS
            .iter()
            .map(|(n, _)| n.to_string())
            .collect::<Vec<_>>()
    };
    let current = b.svc.exec.hardening.namespaces.take().map(|l| l.names);
    let allowed = if inverted {
        current
            .unwrap_or_else(all)
            .into_iter()
            .filter(|n| !names.contains(n))
            .collect()
    } else {
        let mut a = current.unwrap_or_default();
        for n in names {
            if !a.contains(&n) {
                a.push(n);
            }
        }
        a
    };
    b.svc.exec.hardening.namespaces = Some(NameList {
        allow_list: true,
        names: allowed,
    });
}

#[cfg(test)]
mod tests {
    use crate::model::UnitType;
    use crate::settings::{ApplyContext, UnitBuilder};

    fn service(text: &str) -> (crate::model::Hardening, Vec<String>) {
        let mut b = UnitBuilder::new("t.service", UnitType::Service);
        let id = |s: &str| Ok(s.to_string());
        let actx = ApplyContext {
            expand: &id,
            expand_name: &id,
            home: None,
        };
        b.apply_bytes(
            format!("[Service]\nExecStart=/bin/true\n{text}").as_bytes(),
            None,
            &actx,
        );
        let cfg = b.finish();
        let msgs = cfg.diagnostics.iter().map(|d| d.message.clone()).collect();
        match cfg.kind {
            crate::model::UnitKind::Service(s) => (s.exec.hardening, msgs),
            _ => unreachable!("a service"),
        }
    }

    #[test]
    fn syscall_filter_lines_merge_as_systemd_says() {
        let (h, msgs) = service(
            "SystemCallFilter=@clock read write\nSystemCallFilter=~write\nSystemCallFilter=@nope bad-name",
        );
        let f = h.syscall_filter.unwrap();
        assert!(f.allow_list);
        assert!(f.syscalls.contains_key("read") && f.syscalls.contains_key("clock_settime"));
        assert!(
            !f.syscalls.contains_key("write"),
            "taken away by the ~ line"
        );
        assert_eq!(msgs.len(), 2, "{msgs:?}");

        let (h, _) = service("SystemCallFilter=~@reboot uname:EPERM\nSystemCallFilter=reboot");
        let f = h.syscall_filter.unwrap();
        assert!(!f.allow_list);
        assert_eq!(f.syscalls.get("uname"), Some(&Some(1)));
        assert!(!f.syscalls.contains_key("reboot") && f.syscalls.contains_key("kexec_load"));

        let (h, _) = service("SystemCallFilter=read\nSystemCallFilter=");
        assert!(h.syscall_filter.is_none(), "the empty assignment resets");
    }

    /// systemd.exec(5)'s examples: lines merge by OR, `~` lines by AND; an empty value is
    /// the empty set, `~` alone every capability; `ProtectKernelModules=` takes
    /// `CAP_SYS_MODULE` out.
    /// `AmbientCapabilities=`: the bounding set's list syntax; unset is none, lines add.
    #[test]
    fn ambient_capabilities_lines_merge_as_systemd_says() {
        let bit = |n: u32| 1u64 << n;
        let (h, _) = service("");
        assert_eq!(h.ambient_capabilities, 0);
        let (h, _) =
            service("AmbientCapabilities=CAP_NET_BIND_SERVICE\nAmbientCapabilities=cap_kill");
        assert_eq!(h.ambient_capabilities, bit(10) | bit(5));
        let (h, _) =
            service("AmbientCapabilities=CAP_KILL CAP_CHOWN\nAmbientCapabilities=~CAP_KILL");
        assert_eq!(h.ambient_capabilities, bit(0));
        let (h, _) = service("AmbientCapabilities=CAP_KILL\nAmbientCapabilities=");
        assert_eq!(h.ambient_capabilities, 0, "reset");
        let (h, msgs) = service("AmbientCapabilities=CAP_NOPE CAP_KILL");
        assert_eq!(h.ambient_capabilities, bit(5));
        assert_eq!(
            msgs,
            ["Failed to parse capability in ambient set, ignoring: CAP_NOPE"]
        );
    }

    #[test]
    fn capability_bounding_set_lines_merge_as_systemd_says() {
        let bit = |n: u32| 1u64 << n;
        let (h, _) = service(
            "CapabilityBoundingSet=CAP_CHOWN CAP_KILL\nCapabilityBoundingSet=CAP_KILL cap_setuid",
        );
        assert_eq!(h.bounding_set(), Some(bit(0) | bit(5) | bit(7)));
        let (h, _) = service(
            "CapabilityBoundingSet=CAP_CHOWN CAP_KILL\nCapabilityBoundingSet=~CAP_KILL CAP_SETUID",
        );
        assert_eq!(h.bounding_set(), Some(bit(0)));
        let (h, _) = service("CapabilityBoundingSet=~CAP_SYS_ADMIN");
        assert_eq!(h.bounding_set(), Some(!bit(21)));
        let (h, _) = service("CapabilityBoundingSet=CAP_CHOWN\nCapabilityBoundingSet=");
        assert_eq!(h.bounding_set(), Some(0), "the empty set");
        let (h, _) = service("CapabilityBoundingSet=CAP_CHOWN\nCapabilityBoundingSet=~");
        assert_eq!(h.bounding_set(), None, "every capability again");
        let (h, msgs) =
            service("CapabilityBoundingSet=CAP_NOPE CAP_KILL\nProtectKernelModules=yes");
        assert_eq!(h.bounding_set(), Some(bit(5)));
        assert_eq!(
            msgs,
            ["Failed to parse capability in bounding set, ignoring: CAP_NOPE"]
        );
        let (h, _) = service("ProtectKernelModules=yes");
        assert_eq!(h.bounding_set(), Some(!bit(16)));
        assert!(h.wants_seccomp() && h.wants_mount_namespace());
    }

    /// The settings a user manager applies in namespaces of the service's own: each parsed,
    /// and the capabilities systemd takes out of the bounding set for them.
    #[test]
    fn namespace_and_device_settings() {
        let bit = |n: u32| 1u64 << n;
        let (h, msgs) = service(
            "PrivateNetwork=yes\nPrivateIPC=true\nProtectHostname=1\nPrivateDevices=on\n\
             ProtectClock=yes\nProtectKernelLogs=yes\nRestrictSUIDSGID=yes\nPrivateIPC=bogus",
        );
        assert_eq!(msgs.len(), 1, "{msgs:?}");
        assert!(h.private_network && h.private_ipc && h.protect_hostname && h.private_devices);
        assert!(h.protect_clock && h.protect_kernel_logs && h.restrict_suid_sgid);
        assert_eq!(
            h.other_namespaces(),
            0x4000_0000 | 0x0800_0000 | 0x0400_0000
        );
        // CAP_SYS_RAWIO, CAP_SYS_TIME, CAP_MKNOD, CAP_SYSLOG, CAP_WAKE_ALARM.
        let dropped = bit(17) | bit(25) | bit(27) | bit(34) | bit(35);
        assert_eq!(h.bounding_set(), Some(!dropped));
        assert!(h.wants_seccomp() && h.wants_mount_namespace());
        let (h, _) = service("CapabilityBoundingSet=CAP_SYSLOG CAP_KILL\nProtectKernelLogs=yes");
        assert_eq!(h.bounding_set(), Some(bit(5)));
        let (h, _) = service("PrivateNetwork=yes");
        assert!(!h.wants_seccomp() && !h.wants_mount_namespace());
        assert_eq!(h.bounding_set(), None);
        assert_eq!(h.other_namespaces(), 0x4000_0000);
    }

    #[test]
    fn namespaces_merge_by_or_and_by_and() {
        let (h, _) = service("RestrictNamespaces=net\nRestrictNamespaces=ipc");
        assert_eq!(h.namespaces.unwrap().names, ["net", "ipc"]);
        let (h, _) = service("RestrictNamespaces=~net\nRestrictNamespaces=~user");
        assert_eq!(
            h.namespaces.unwrap().names,
            ["cgroup", "ipc", "mnt", "pid", "uts"]
        );
        let (h, _) = service("RestrictNamespaces=yes");
        assert!(h.namespaces.unwrap().names.is_empty());
        let (h, _) = service("RestrictNamespaces=yes\nRestrictNamespaces=no");
        assert!(h.namespaces.is_none());
    }

    #[test]
    fn address_families_and_errnos() {
        let (h, msgs) = service(
            "RestrictAddressFamilies=AF_UNIX AF_INET AF_BOGUS\nSystemCallErrorNumber=EACCES\nProtectSystem=strict\nProtectHome=read-only",
        );
        let l = h.address_families.unwrap();
        assert!(l.allow_list && l.names == ["AF_UNIX", "AF_INET"]);
        assert_eq!(h.syscall_errno, Some(13));
        assert_eq!(h.protect_system, crate::model::ProtectSystem::Strict);
        assert_eq!(h.protect_home, crate::model::ProtectHome::ReadOnly);
        assert_eq!(msgs.len(), 1, "{msgs:?}");
        let (h, _) = service("RestrictAddressFamilies=none");
        assert!(h.address_families.unwrap().names.is_empty());
    }
}
