//! `systemctl show`'s view of a service's execution settings (systemd.exec(5)): the `Limit*=`
//! the service gets, `RuntimeDirectory=` & co., and the sandboxing settings, in systemd 252's
//! property names and formats.

use std::collections::BTreeMap;

use linger_unit::model::{DirectoryKind, ExecConfig, NameList};

use crate::props_format::yes;

fn limit(v: u64) -> String {
    if v == u64::MAX {
        "infinity".into()
    } else {
        v.to_string()
    }
}

fn name_list(list: Option<&NameList>) -> String {
    list.map(|l| {
        let words = l.names.join(" ");
        if l.allow_list {
            words
        } else {
            format!("~{words}")
        }
    })
    .unwrap_or_default()
}

/// Add the execution properties of `exec` to `p`.
pub fn exec_properties(exec: &ExecConfig, p: &mut BTreeMap<String, String>) {
    // Every limit, as the service gets it: its own setting, else what it inherits from the
    // manager (the open-file limit: 1024 soft, the manager's hard limit).
    for key in linger_unit::value::rlimit_keys() {
        let Some((number, _)) = linger_unit::value::rlimit_by_key(key) else {
            continue;
        };
        let set = exec
            .limits
            .iter()
            .find(|l| l.resource == number)
            .map(|l| (l.soft, l.hard));
        let inherited = || {
            if number == linger_exec::limits::RLIMIT_NOFILE {
                let d = linger_exec::limits::default_nofile();
                Some((d.soft, d.hard))
            } else {
                linger_exec::limits::current(number)
            }
        };
        if let Some((soft, hard)) = set.or_else(inherited) {
            p.insert(key.to_string(), limit(hard));
            p.insert(format!("{key}Soft"), limit(soft));
        }
    }
    for kind in DirectoryKind::ALL {
        let set = exec.directories.get(kind);
        let paths: Vec<&str> = set.entries.iter().map(|e| e.path.as_str()).collect();
        p.insert(kind.directive().to_string(), paths.join(" "));
        p.insert(
            format!("{}Mode", kind.directive()),
            format!("{:04o}", set.mode),
        );
    }
    p.insert(
        "RuntimeDirectoryPreserve".into(),
        exec.directories.runtime_preserve.as_str().into(),
    );
    let h = &exec.hardening;
    p.insert("NoNewPrivileges".into(), yes(h.no_new_privileges));
    p.insert(
        "SystemCallFilter".into(),
        h.syscall_filter
            .as_ref()
            .map(|f| {
                let names: Vec<&str> = f.syscalls.keys().map(String::as_str).collect();
                format!("{}{}", if f.allow_list { "" } else { "~" }, names.join(" "))
            })
            .unwrap_or_default(),
    );
    p.insert(
        "SystemCallErrorNumber".into(),
        h.syscall_errno.map(|e| e.to_string()).unwrap_or_default(),
    );
    p.insert("SystemCallArchitectures".into(), h.syscall_archs.join(" "));
    p.insert(
        "RestrictAddressFamilies".into(),
        name_list(h.address_families.as_ref()),
    );
    p.insert("RestrictNamespaces".into(), h.namespaces_allowed_text());
    // As systemd keeps them: each path with its `-` (skip if missing) prefix.
    p.insert("ReadWritePaths".into(), h.read_write_paths.join(" "));
    p.insert("ReadOnlyPaths".into(), h.read_only_paths.join(" "));
    p.insert("InaccessiblePaths".into(), h.inaccessible_paths.join(" "));
    p.insert("LockPersonality".into(), yes(h.lock_personality));
    p.insert("ProtectKernelModules".into(), yes(h.protect_kernel_modules));
    p.insert(
        "CapabilityBoundingSet".into(),
        linger_unit::value::capability_set_text(h.bounding_set().unwrap_or(u64::MAX)),
    );
    p.insert(
        "AmbientCapabilities".into(),
        linger_unit::value::capability_set_text(h.ambient_capabilities),
    );
    p.insert(
        "MemoryDenyWriteExecute".into(),
        yes(h.memory_deny_write_execute),
    );
    p.insert("RestrictRealtime".into(), yes(h.restrict_realtime));
    p.insert("PrivateTmp".into(), yes(h.private_tmp));
    p.insert("PrivateUsers".into(), yes(h.private_users));
    p.insert("ProtectSystem".into(), h.protect_system.as_str().into());
    p.insert("ProtectHome".into(), h.protect_home.as_str().into());
    p.insert(
        "ProtectKernelTunables".into(),
        yes(h.protect_kernel_tunables),
    );
    p.insert("ProtectControlGroups".into(), yes(h.protect_control_groups));
    p.insert("PrivateNetwork".into(), yes(h.private_network));
    p.insert("PrivateIPC".into(), yes(h.private_ipc));
    p.insert("ProtectHostname".into(), yes(h.protect_hostname));
    p.insert("PrivateDevices".into(), yes(h.private_devices));
    p.insert("ProtectClock".into(), yes(h.protect_clock));
    p.insert("ProtectKernelLogs".into(), yes(h.protect_kernel_logs));
    p.insert("RestrictSUIDSGID".into(), yes(h.restrict_suid_sgid));
}
