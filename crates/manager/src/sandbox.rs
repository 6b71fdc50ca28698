//! `PrivateTmp=`, `ProtectSystem=`, `ProtectHome=` and `PrivateUsers=` as a user manager can
//! apply them: in a mount namespace of the service's own, inside a user namespace that maps
//! only the user (as systemd --user does; a root manager needs no user namespace unless
//! `PrivateUsers=` asks for one). Where the kernel refuses user namespaces the spawn fails
//! with `226/NAMESPACE`, as with systemd. Planned here, carried out by the child
//! (`linger_exec::Namespace`).

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

/// The namespaces `unit` runs in, with the notes to log once (None: none needed).
pub fn plan(
    config: &ManagerConfig,
    unit: &str,
    h: &Hardening,
    unit_dirs: &[PathBuf],
) -> Result<Option<(Namespace, Vec<String>)>, String> {
    if !h.wants_mount_namespace() && !h.private_users {
        return Ok(None);
    }
    let notes = Vec::new();
    let root = rustix::process::geteuid().is_root();
    let mut ns = Namespace {
        user: (!root || h.private_users).then_some((config.user.uid, config.user.gid)),
        mounts: h.wants_mount_namespace(),
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
        writable.extend(unit_dirs.iter().map(|d| d.to_string_lossy().into_owned()));
        writable.push(config.runtime_dir.to_string_lossy().into_owned());
        if h.private_tmp {
            writable.extend(["/tmp".to_string(), "/var/tmp".to_string()]);
        }
    }
    for p in &h.read_write_paths {
        match p.strip_prefix('-') {
            Some(optional) => {
                let optional = optional.trim_start_matches('+');
                if Path::new(optional).exists() {
                    writable.push(optional.to_string());
                }
            }
            None => {
                let p = p.trim_start_matches('+');
                if !Path::new(p).exists() {
                    return Err(format!("ReadWritePaths=: {p} does not exist"));
                }
                writable.push(p.to_string());
            }
        }
    }
    let homes = existing(&["/home", "/root", "/run/user"]);
    match h.protect_home {
        ProtectHome::No => {}
        ProtectHome::ReadOnly => read_only.extend(homes),
        ProtectHome::Yes => ns.tmpfs.extend(homes.into_iter().map(|p| (p, 0))),
        ProtectHome::Tmpfs => ns.tmpfs.extend(homes.into_iter().map(|p| (p, 0o755))),
    }
    // What a tmpfs hides cannot be made writable (nor reached).
    writable.retain(|w| !ns.tmpfs.iter().any(|(t, _)| Path::new(w).starts_with(t)));
    ns.read_only = read_only;
    ns.writable = writable;
    Ok(Some((ns, notes)))
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
