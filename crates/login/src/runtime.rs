//! `/run/user/UID`: created when a user first needs it (0700, owned by the user; a tmpfs with
//! `RuntimeDirectorySize=` when we are root and may mount), removed (unmounted) when the
//! user's manager has stopped and no session is left; and `RemoveIPC=`: the user's System V
//! and POSIX IPC objects go at the same moment.

use std::io;
use std::path::{Path, PathBuf};

use rustix::mount::{MountFlags, UnmountFlags};

use crate::userdb::Account;

/// A runtime directory that exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimeDir {
    /// Its path.
    pub path: PathBuf,
    /// Whether it is a mount point (ours: unmounted on removal).
    pub mounted: bool,
}

/// tmpfs limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TmpfsLimits {
    /// `size=` in bytes.
    pub bytes: u64,
    /// `nr_inodes=`.
    pub inodes: u64,
}

/// Whether `path` is a mount point (per /proc/self/mountinfo).
pub fn is_mount_point(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string("/proc/self/mountinfo") else {
        return false;
    };
    text.lines().any(|l| {
        l.split(' ')
            .nth(4)
            .is_some_and(|p| Path::new(&linger_cgroup::unescape_mountinfo(p)) == path)
    })
}

/// Create (or adopt) `base/UID` for `account`. With `tmpfs` a tmpfs is mounted there; if
/// mounting is not possible the directory stays a plain one (said in the returned note).
pub fn create(
    base: &Path,
    account: &Account,
    tmpfs: Option<TmpfsLimits>,
) -> io::Result<(RuntimeDir, Option<String>)> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o755)
        .create(base)?;
    let path = base.join(account.uid.to_string());
    // A symlink (or file) planted there must not redirect our chown/mount.
    match std::fs::symlink_metadata(&path) {
        Ok(m) if !m.is_dir() => std::fs::remove_file(&path)?,
        _ => {}
    }
    let mut note = None;
    let mut mounted = is_mount_point(&path);
    if !mounted {
        let fresh = match std::fs::DirBuilder::new().mode(0o700).create(&path) {
            Ok(()) => true,
            // Left over (or in use by a manager we adopt): never hide its content.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                std::fs::read_dir(&path)?.next().is_none()
            }
            Err(e) => return Err(e),
        };
        if let Some(l) = tmpfs.filter(|_| fresh) {
            let data = format!(
                "mode=0700,uid={},gid={},size={},nr_inodes={}",
                account.uid, account.gid, l.bytes, l.inodes
            );
            let data = std::ffi::CString::new(data).map_err(io::Error::other)?;
            match rustix::mount::mount(
                "tmpfs",
                &path,
                "tmpfs",
                MountFlags::NODEV | MountFlags::NOSUID,
                data.as_c_str(),
            ) {
                Ok(()) => mounted = true,
                Err(e) => {
                    note = Some(format!(
                        "cannot mount a tmpfs on {}: {e}; using a plain directory",
                        path.display()
                    ));
                }
            }
        }
    }
    rustix::fs::chown(
        &path,
        Some(rustix::fs::Uid::from_raw(account.uid)),
        Some(rustix::fs::Gid::from_raw(account.gid)),
    )
    .or_else(|e| {
        // Not root (tests as a user): the directory is already ours if it is for us.
        if rustix::process::geteuid().as_raw() == account.uid {
            Ok(())
        } else {
            Err(e)
        }
    })?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o700))?;
    Ok((RuntimeDir { path, mounted }, note))
}

/// Remove a runtime directory: unmount it if it is a mount, then delete what is left
/// (without following symlinks). A directory already gone is fine.
pub fn remove(dir: &RuntimeDir) -> io::Result<()> {
    if dir.mounted || is_mount_point(&dir.path) {
        // Detached: a process still holding a file there must not make logout fail.
        match rustix::mount::unmount(&dir.path, UnmountFlags::DETACH) {
            Ok(()) => {}
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOENT => {}
            Err(e) => return Err(e.into()),
        }
    }
    match std::fs::remove_dir_all(&dir.path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Whether `uid` is a system user, whose IPC objects `RemoveIPC=` leaves alone.
pub fn is_system_uid(uid: u32) -> bool {
    uid < 1000 || uid == 65534
}

/// Remove every IPC object of `uid`: POSIX shared memory (`/dev/shm`) and message queues
/// (`/dev/mqueue`) owned by it, and System V shared memory, message queues and semaphore sets
/// (via `ipcrm`). Returns what could not be removed.
pub fn remove_ipc(uid: u32) -> Vec<String> {
    let mut problems = Vec::new();
    for dir in ["/dev/shm", "/dev/mqueue"] {
        remove_owned_entries(Path::new(dir), uid, &mut problems);
    }
    for (file, id_col, flag) in [
        ("/proc/sysvipc/shm", "shmid", "-m"),
        ("/proc/sysvipc/msg", "msqid", "-q"),
        ("/proc/sysvipc/sem", "semid", "-s"),
    ] {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        for id in sysv_ids_of(&text, id_col, uid) {
            let ok = std::process::Command::new("ipcrm")
                .args([flag, &id.to_string()])
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if !ok {
                problems.push(format!("cannot remove System V IPC object {flag} {id}"));
            }
        }
    }
    problems
}

fn remove_owned_entries(dir: &Path, uid: u32, problems: &mut Vec<String>) {
    use std::os::unix::fs::MetadataExt;
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.filter_map(Result::ok) {
        let p = e.path();
        let Ok(m) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        if m.uid() != uid {
            continue;
        }
        let r = if m.is_dir() {
            std::fs::remove_dir_all(&p)
        } else {
            std::fs::remove_file(&p)
        };
        if let Err(err) = r {
            problems.push(format!("cannot remove {}: {err}", p.display()));
        }
    }
}

/// The ids of objects owned by `uid` in a `/proc/sysvipc/*` table (columns found by header).
pub fn sysv_ids_of(text: &str, id_col: &str, uid: u32) -> Vec<u64> {
    let mut lines = text.lines();
    let Some(header) = lines.next() else {
        return Vec::new();
    };
    let cols: Vec<&str> = header.split_whitespace().collect();
    let (Some(id_i), Some(uid_i)) = (
        cols.iter().position(|c| *c == id_col),
        cols.iter().position(|c| *c == "uid"),
    ) else {
        return Vec::new();
    };
    lines
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let owner: u32 = f.get(uid_i)?.parse().ok()?;
            (owner == uid).then(|| f.get(id_i)?.parse().ok()).flatten()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sysv_tables() {
        let shm = "       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime                   rss                  swap\n\
                   0 32768 600 524288 100 200 2 1000 1000 1000 1000 0 0 0 0 0\n\
                   0 32769 600 524288 100 200 2 1001 1001 1001 1001 0 0 0 0 0\n";
        assert_eq!(sysv_ids_of(shm, "shmid", 1000), [32768]);
        let sem = "       key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime\n 0 5 600 1 1000 1000 1000 1000 0 0\n";
        assert_eq!(sysv_ids_of(sem, "semid", 1000), [5]);
        assert!(sysv_ids_of("", "semid", 1000).is_empty());
        assert!(sysv_ids_of("garbage header\n1 2\n", "semid", 1000).is_empty());
    }

    #[test]
    fn system_users() {
        assert!(is_system_uid(0));
        assert!(is_system_uid(999));
        assert!(is_system_uid(65534));
        assert!(!is_system_uid(1000));
    }

    #[test]
    fn plain_directory_lifecycle() {
        let base = tempfile::tempdir().unwrap();
        let me = rustix::process::geteuid().as_raw();
        let acct = Account {
            name: "me".into(),
            uid: me,
            gid: rustix::process::getegid().as_raw(),
            home: "/".into(),
            shell: "/bin/sh".into(),
        };
        // A symlink planted where the directory goes is replaced, not followed.
        let elsewhere = base.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        let b = base.path().join("user");
        std::fs::create_dir(&b).unwrap();
        std::os::unix::fs::symlink(&elsewhere, b.join(me.to_string())).unwrap();
        let (dir, note) = create(&b, &acct, None).unwrap();
        assert_eq!(note, None);
        assert!(!dir.mounted);
        let m = std::fs::symlink_metadata(&dir.path).unwrap();
        assert!(m.is_dir());
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(m.permissions().mode() & 0o777, 0o700);
        std::fs::write(dir.path.join("f"), "x").unwrap();
        remove(&dir).unwrap();
        assert!(!dir.path.exists());
        assert!(elsewhere.exists());
        remove(&dir).unwrap();
        assert!(!is_mount_point(base.path()));
        assert!(is_mount_point(Path::new("/proc")));
    }
}
