//! `PrivateTmp=`, `ProtectSystem=`, `ProtectHome=`, `PrivateUsers=`, `ReadWritePaths=`,
//! `ReadOnlyPaths=`, `InaccessiblePaths=`, `ProtectKernelModules=`'s directory and
//! `CapabilityBoundingSet=`'s user namespace, `PrivateNetwork=`, `PrivateIPC=`,
//! `ProtectHostname=`, `PrivateDevices=`' `/dev` and `ProtectKernelLogs=`' files as a user
//! manager can apply them: in a mount namespace of the service's own, inside a user namespace that maps
//! only the user (as systemd --user does; a root manager needs no user namespace unless
//! `PrivateUsers=` asks for one). Where the kernel refuses user namespaces the spawn fails
//! with `226/NAMESPACE`, as with systemd. Planned here, carried out by the child
//! (`linger_exec::Namespace`).
//!
//! `ProtectHome=yes|tmpfs` hides `/run/user` as systemd's tables say, but a user manager's
//! services live on sockets in `$XDG_RUNTIME_DIR` (`/run/user/UID`): the notify socket and
//! the journal's sockets stay reachable at their paths (bound back into the empty tmpfs),
//! as do the unit's own `RuntimeDirectory=` & co.; the rest of the runtime directory (the
//! session bus, other programs' sockets, the manager's control socket) stays hidden, as
//! with systemd.

use std::path::{Path, PathBuf};

use linger_exec::Namespace;
use linger_unit::model::{Hardening, ProtectHome, ProtectSystem};

use crate::config::ManagerConfig;

/// The private `/tmp` and `/var/tmp` of `unit` (removed when it stops).
fn private_tmp_dir(config: &ManagerConfig, unit: &str) -> PathBuf {
    config.linger_runtime().join("private-tmp").join(unit)
}

fn existing(paths: &[&str]) -> Vec<String> {
    paths
        .iter()
        .filter(|p| Path::new(p).exists())
        .map(|p| (*p).to_string())
        .collect()
}

/// The namespaces `unit` runs in (None: none needed), with the notes to log once.
pub fn plan(
    config: &ManagerConfig,
    unit: &str,
    h: &Hardening,
    unit_dirs: &[PathBuf],
) -> Result<(Option<Namespace>, Vec<String>), String> {
    let root = rustix::process::geteuid().is_root();
    plan_for(
        config,
        unit,
        h,
        unit_dirs,
        root,
        root || user_namespaces_available(),
    )
}

/// The settings systemd.exec(5) offers "for system services, or for services running in
/// per-user instances of the service manager when PrivateUsers= is enabled": an ordinary
/// user's manager that may not make user namespaces leaves their namespace part out (their
/// system call and capability parts still apply), and says so.
const USERNS_ONLY: [(&str, &str); 5] = [
    ("PrivateNetwork", "its network namespace"),
    ("PrivateIPC", "its IPC namespace"),
    ("ProtectHostname", "its UTS namespace"),
    ("PrivateDevices", "its private /dev"),
    ("ProtectKernelLogs", "hiding /proc/kmsg and /dev/kmsg"),
];

fn userns_only_flags(h: &mut Hardening) -> [&mut bool; 5] {
    [
        &mut h.private_network,
        &mut h.private_ipc,
        &mut h.protect_hostname,
        &mut h.private_devices,
        &mut h.protect_kernel_logs,
    ]
}

/// [`plan`] for a manager running as root or not, where user namespaces may be made or not.
fn plan_for(
    config: &ManagerConfig,
    unit: &str,
    h: &Hardening,
    unit_dirs: &[PathBuf],
    root: bool,
    userns: bool,
) -> Result<(Option<Namespace>, Vec<String>), String> {
    let mut notes = Vec::new();
    let reduced;
    let h = if userns {
        h
    } else {
        let mut copy = h.clone();
        for (flag, (name, what)) in userns_only_flags(&mut copy).into_iter().zip(USERNS_ONLY) {
            if *flag {
                notes.push(format!(
                    "{name}= is applied only in part: this user may not create user namespaces here, so {what} is left out."
                ));
                *flag = false;
            }
        }
        reduced = copy;
        &reduced
    };
    // Limiting the bounding set takes CAP_SETPCAP: without privileges, the one a process
    // holds in a user namespace of its own.
    let caps_need_userns = !root && h.bounding_set().is_some() && userns;
    let other = h.other_namespaces();
    if !h.wants_mount_namespace() && !h.private_users && !caps_need_userns && other == 0 {
        return Ok((None, notes));
    }
    let mut ns = Namespace {
        user: (!root || h.private_users).then_some((config.user.uid, config.user.gid)),
        mounts: h.wants_mount_namespace(),
        other,
        ..Namespace::default()
    };
    if h.private_tmp {
        let dir = private_tmp_dir(config, unit);
        for (sub, target) in [("tmp", "/tmp"), ("var-tmp", "/var/tmp")] {
            let made = dir.join(sub);
            make_sticky_dir(&made)
                .map_err(|e| format!("PrivateTmp=: cannot create {}: {e}", made.display()))?;
            ns.binds
                .push((made.to_string_lossy().into_owned(), target.to_string()));
        }
    }
    let mut read_only = match h.protect_system {
        ProtectSystem::No => vec![],
        ProtectSystem::Yes => existing(&["/usr", "/boot", "/efi"]),
        ProtectSystem::Full => existing(&["/usr", "/boot", "/efi", "/etc"]),
        ProtectSystem::Strict => vec!["/".to_string()],
    };
    let mut writable = Vec::new();
    if h.protect_system == ProtectSystem::Strict {
        // The API file systems, where the unit keeps its things, and the user's runtime
        // directory (the notify and journal sockets are there).
        writable.extend(existing(&["/dev", "/proc", "/sys"]));
        if h.private_devices {
            // The private /dev stays read-only (systemd's PrivateDevices= mount wins over
            // the implicit writable /dev); /dev/shm stays writable.
            writable.retain(|w| w != "/dev");
            writable.extend(existing(&["/dev/shm"]));
        }
        writable.push(config.runtime_dir.to_string_lossy().into_owned());
        if h.private_tmp {
            writable.extend(["/tmp".to_string(), "/var/tmp".to_string()]);
        }
    }
    // systemd 252's tables for ProtectKernelTunables= and ProtectControlGroups= (what
    // exists here): the kernel's knobs read-only, its memory images hidden.
    if h.protect_kernel_tunables {
        read_only.extend(existing(&[
            "/proc/acpi",
            "/proc/apm",
            "/proc/asound",
            "/proc/bus",
            "/proc/fs",
            "/proc/irq",
            "/proc/latency_stats",
            "/proc/mtrr",
            "/proc/scsi",
            "/proc/sys",
            "/proc/sysrq-trigger",
            "/proc/timer_stats",
            "/sys",
        ]));
        for p in existing(&["/proc/kallsyms", "/proc/kcore"]) {
            ns.binds.push((inaccessible_file(config)?, p.clone()));
            read_only.push(p);
        }
        if !h.protect_control_groups {
            writable.extend(existing(&["/sys/fs/cgroup"]));
        }
    }
    if h.protect_control_groups {
        read_only.extend(existing(&["/sys/fs/cgroup"]));
    }
    writable.extend(listed_paths(&h.read_write_paths, "ReadWritePaths")?);
    read_only.extend(listed_paths(&h.read_only_paths, "ReadOnlyPaths")?);
    let homes = existing(&["/home", "/root", "/run/user"]);
    match h.protect_home {
        ProtectHome::No => {}
        ProtectHome::ReadOnly => read_only.extend(homes),
        ProtectHome::Yes => ns.tmpfs.extend(homes.into_iter().map(|p| (p, 0))),
        ProtectHome::Tmpfs => ns.tmpfs.extend(homes.into_iter().map(|p| (p, 0o755))),
    }
    // What ProtectHome= hides that the service still needs: the manager's notify and
    // journal sockets in the runtime directory, and the unit's own directories (which
    // stay writable, as under ProtectSystem=strict).
    let hidden = |p: &Path| ns.tmpfs.iter().any(|(t, _)| p.starts_with(t));
    let journal = config.linger_runtime().join("journal");
    let sockets = [
        config.notify_path(),
        journal.join("socket"),
        journal.join("dev-log"),
        journal.join("stdout"),
    ];
    for p in sockets.iter().chain(unit_dirs) {
        if let Ok(meta) = std::fs::metadata(p)
            && hidden(p)
        {
            ns.keep
                .push((p.to_string_lossy().into_owned(), meta.is_dir()));
        }
    }
    for d in unit_dirs {
        if read_only.iter().any(|r| d.starts_with(r)) {
            writable.push(d.to_string_lossy().into_owned());
        }
    }
    // InaccessiblePaths=: a directory is covered by an empty mode-0 tmpfs, anything else by
    // an empty mode-0 file; both read-only.
    for p in listed_paths(&h.inaccessible_paths, "InaccessiblePaths")? {
        if Path::new(&p).is_dir() {
            ns.tmpfs.push((p.clone(), 0));
        } else {
            ns.binds.push((inaccessible_file(config)?, p.clone()));
            read_only.push(p);
        }
    }
    // ProtectKernelModules=: the modules' directory inaccessible (one mount where /lib is a
    // link to /usr/lib).
    if h.protect_kernel_modules {
        let mut seen = Vec::new();
        for p in existing(&["/usr/lib/modules", "/lib/modules"]) {
            let real = std::fs::canonicalize(&p).unwrap_or_else(|_| PathBuf::from(&p));
            if !seen.contains(&real) {
                ns.tmpfs.push((real.to_string_lossy().into_owned(), 0));
                seen.push(real);
            }
        }
    }
    // PrivateDevices=: an empty read-only /dev with the API pseudo devices bound back from
    // the real one (a user namespace may not mknod), the pseudo-terminals, /dev/shm & co.,
    // and the usual links.
    if h.private_devices {
        ns.tmpfs.push(("/dev".into(), 0o755));
        for p in [
            "/dev/null",
            "/dev/zero",
            "/dev/full",
            "/dev/random",
            "/dev/urandom",
            "/dev/tty",
            "/dev/ptmx",
            "/dev/pts",
            "/dev/shm",
            "/dev/mqueue",
            "/dev/hugepages",
            "/dev/log",
        ] {
            match std::fs::symlink_metadata(p) {
                Ok(m) if m.file_type().is_symlink() => {
                    if let Ok(target) = std::fs::read_link(p) {
                        ns.links
                            .push((p.to_string(), target.to_string_lossy().into_owned()));
                    }
                }
                Ok(m) => ns.keep.push((p.to_string(), m.is_dir())),
                Err(_) => {}
            }
        }
        for (link, target) in [
            ("/dev/fd", "/proc/self/fd"),
            ("/dev/stdin", "/proc/self/fd/0"),
            ("/dev/stdout", "/proc/self/fd/1"),
            ("/dev/stderr", "/proc/self/fd/2"),
        ] {
            ns.links.push((link.to_string(), target.to_string()));
        }
    }
    // ProtectKernelLogs=: the kernel's log buffer unreachable through its files.
    if h.protect_kernel_logs {
        for p in existing(&["/proc/kmsg", "/dev/kmsg"]) {
            ns.binds.push((inaccessible_file(config)?, p.clone()));
            read_only.push(p);
        }
    }
    // What a tmpfs hides (and was not kept) cannot be made read-only or writable.
    let reachable = |w: &String| {
        let w = Path::new(w);
        !ns.tmpfs
            .iter()
            .any(|(t, _)| w.starts_with(t) && w != Path::new(t))
            || ns.keep.iter().any(|(k, _)| w.starts_with(k))
    };
    writable.retain(reachable);
    read_only.retain(reachable);
    // A tmpfs over a path that the tmpfs of ProtectHome= already hides would have no
    // mount point.
    let tmpfs_targets: Vec<String> = ns.tmpfs.iter().map(|(t, _)| t.clone()).collect();
    ns.tmpfs.retain(|(t, _)| {
        !tmpfs_targets
            .iter()
            .any(|o| Path::new(t).starts_with(o) && o != t)
    });
    ns.read_only = read_only;
    ns.writable = writable;
    Ok((Some(ns), notes))
}

/// Whether this user may make a user namespace (`user.max_user_namespaces` above 0, and
/// Debian's `kernel.unprivileged_userns_clone` not 0 where the kernel has it).
pub fn user_namespaces_available() -> bool {
    let read = |p: &str| {
        std::fs::read_to_string(p)
            .ok()
            .and_then(|t| t.trim().parse::<u64>().ok())
    };
    read("/proc/sys/user/max_user_namespaces").is_none_or(|n| n > 0)
        && read("/proc/sys/kernel/unprivileged_userns_clone").is_none_or(|n| n > 0)
}

/// The paths of `ReadWritePaths=` & co. that exist: a missing `-` one is skipped, a missing
/// plain one fails the spawn (as systemd's `226/NAMESPACE`).
fn listed_paths(list: &[String], setting: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for p in list {
        let (optional, path) = match p.strip_prefix('-') {
            Some(rest) => (true, rest.trim_start_matches('+')),
            None => (false, p.trim_start_matches('+')),
        };
        if Path::new(path).symlink_metadata().is_ok() {
            out.push(path.to_string());
        } else if !optional {
            return Err(format!("{setting}=: {path} does not exist"));
        }
    }
    Ok(out)
}

/// An empty mode-0 file bound over what `InaccessiblePaths=` names when it is not a
/// directory (made once, in the manager's runtime directory).
fn inaccessible_file(config: &ManagerConfig) -> Result<String, String> {
    use std::os::unix::fs::OpenOptionsExt;
    let path = config.linger_runtime().join("inaccessible");
    if !path.exists() {
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o000)
            .open(&path)
            .map_err(|e| format!("InaccessiblePaths=: cannot create {}: {e}", path.display()))?;
    }
    Ok(path.to_string_lossy().into_owned())
}

fn make_sticky_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o1777))?;
    if let Some(parent) = dir.parent() {
        std::fs::set_permissions(parent, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// `unit` stopped: its private `/tmp` goes (as systemd removes it).
pub fn release(config: &ManagerConfig, unit: &str) {
    let dir = private_tmp_dir(config, unit);
    if dir.exists() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::UserInfo;

    fn config(dir: &Path) -> ManagerConfig {
        ManagerConfig {
            user: UserInfo {
                name: "someone".into(),
                uid: 1234,
                gid: 1234,
                group: "someone".into(),
                home: dir.to_string_lossy().into_owned(),
                shell: "/bin/sh".into(),
            },
            runtime_dir: dir.join("run"),
            config_home: dir.join("config"),
            state_home: dir.join("state"),
            cache_home: dir.join("cache"),
            data_home: dir.join("data"),
            extra_unit_dirs: vec![],
            system_unit_dirs: false,
            default_unit: "default.target".into(),
            environment: vec![],
            exe: PathBuf::from("/bin/false"),
            args: vec![],
            reexec_state: None,
            cgroups: false,
        }
    }

    fn every_namespace_setting() -> Hardening {
        Hardening {
            private_network: true,
            private_ipc: true,
            protect_hostname: true,
            private_devices: true,
            protect_kernel_logs: true,
            ..Hardening::default()
        }
    }

    /// An ordinary user's manager that may make user namespaces: one of the service's own,
    /// with the network, IPC and UTS namespaces inside it, a private /dev and the kernel
    /// log files covered.
    #[test]
    fn an_ordinary_user_gets_the_namespaces_inside_a_user_namespace() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = config(dir.path());
        std::fs::create_dir_all(cfg.linger_runtime()).unwrap();
        let h = every_namespace_setting();
        let (ns, notes) = plan_for(&cfg, "u.service", &h, &[], false, true).unwrap();
        assert!(notes.is_empty(), "{notes:?}");
        let ns = ns.expect("namespaces");
        assert_eq!(ns.user, Some((1234, 1234)));
        assert_eq!(ns.other, 0x4000_0000 | 0x0800_0000 | 0x0400_0000);
        assert!(ns.mounts);
        assert!(ns.tmpfs.contains(&("/dev".to_string(), 0o755)));
        assert!(ns.keep.contains(&("/dev/null".to_string(), false)));
        assert!(
            ns.links
                .contains(&("/dev/fd".to_string(), "/proc/self/fd".to_string()))
        );
        assert!(ns.binds.iter().any(|(_, target)| target == "/proc/kmsg"));
        // Root's manager needs no user namespace for them.
        let (ns, _) = plan_for(&cfg, "u.service", &h, &[], true, true).unwrap();
        assert_eq!(ns.expect("namespaces").user, None);
    }

    /// Where user namespaces may not be made, an ordinary user's manager leaves the
    /// namespace parts out and says which, once per setting (the caller logs each once per
    /// unit); with nothing else asked for, no namespace at all.
    #[test]
    fn without_user_namespaces_the_namespace_parts_are_named_and_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = config(dir.path());
        let (ns, notes) = plan_for(
            &cfg,
            "u.service",
            &every_namespace_setting(),
            &[],
            false,
            false,
        )
        .unwrap();
        assert_eq!(ns, None);
        assert_eq!(notes.len(), 5, "{notes:?}");
        assert!(notes[0].starts_with(
            "PrivateNetwork= is applied only in part: this user may not create user namespaces here"
        ));
        assert!(
            notes[3].contains("its private /dev is left out"),
            "{notes:?}"
        );
        let none = plan_for(&cfg, "u.service", &Hardening::default(), &[], false, false).unwrap();
        assert_eq!(none, (None, vec![]));
    }
}
