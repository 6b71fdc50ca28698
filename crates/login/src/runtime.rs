//! `/run/user/UID`: created when a user first needs it (0700, owned by the user; a tmpfs with
//! `RuntimeDirectorySize=` when we are root and may mount), removed (unmounted) when the
//! user's manager has stopped and no session is left — only what the daemon made: a
//! directory that was there before is left, and so is a mount that is not ours. And
//! `RemoveIPC=`: the user's System V and POSIX IPC objects go at the same moment — the
//! user's own entries only, wherever they are in `/dev/shm` and `/dev/mqueue`, never what
//! other users put into a directory the leaving user owns. The directory is detached and set
//! aside at once (a new login gets a fresh one), then removed on a worker: what a user leaves
//! behind can be large.

use std::io;
use std::path::{Path, PathBuf};

use rustix::mount::{MountFlags, UnmountFlags};

use crate::userdb::Account;

/// A runtime directory that exists.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RuntimeDir {
    /// Its path.
    pub path: PathBuf,
    /// Whether the daemon mounted the tmpfs there (unmounted on removal).
    pub mounted: bool,
    /// Whether the daemon made the directory (removed on removal; one that was there before
    /// is left as it is).
    #[serde(default)]
    pub created: bool,
}

/// A user's runtime directory while workers make and remove it: the job that makes it fills
/// the slot, a later job of the same uid queue (so, in order) reads it — the one that
/// removes it learns there what the daemon made.
#[derive(Debug, Clone, Default)]
pub struct Slot(std::sync::Arc<std::sync::Mutex<Made>>);

/// What a [`Slot`] holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Made {
    /// Its job has not run yet.
    #[default]
    Pending,
    /// Made (or found).
    Dir(RuntimeDir),
    /// Could not be made: why.
    Failed(String),
}

impl Slot {
    /// A slot holding a directory made before (re-attached after a restart).
    pub fn made(dir: RuntimeDir) -> Slot {
        let slot = Slot::default();
        slot.set(Made::Dir(dir));
        slot
    }

    /// Fill the slot.
    pub fn set(&self, made: Made) {
        *self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = made;
    }

    fn get(&self) -> Made {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The directory, once made.
    pub fn dir(&self) -> Option<RuntimeDir> {
        match self.get() {
            Made::Dir(d) => Some(d),
            _ => None,
        }
    }

    /// Why it could not be made, if it could not.
    pub fn failure(&self) -> Option<String> {
        match self.get() {
            Made::Failed(e) => Some(e),
            _ => None,
        }
    }

    /// Whether `other` is this very slot.
    pub fn is(&self, other: &Slot) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
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
    let mut mounted = false;
    let mut created = false;
    if !is_mount_point(&path) {
        let fresh = match std::fs::DirBuilder::new().mode(0o700).create(&path) {
            Ok(()) => {
                created = true;
                true
            }
            // Left over (or in use by a manager we did not start): never hide its content.
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
    Ok((
        RuntimeDir {
            path,
            mounted,
            created,
        },
        note,
    ))
}

/// Take what the daemon made of a runtime directory out of the way at once (on a worker, in
/// the uid's queue — before any later login's directory is made):
/// its tmpfs detached, the directory renamed to a hidden name beside it ([`LEFTOVER`]), so
/// that a new login of the same user gets a fresh one at once, whatever the worker removing
/// the old one ([`remove_detached`]) is still doing. Returns what is left to remove; a
/// directory already gone is fine, one the daemon did not make stays where it is.
pub fn detach(dir: &RuntimeDir) -> io::Result<Option<PathBuf>> {
    if dir.mounted {
        // Detached: a process still holding a file there must not make logout fail.
        match rustix::mount::unmount(&dir.path, UnmountFlags::DETACH) {
            Ok(()) => {}
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOENT => {}
            Err(e) => return Err(e.into()),
        }
    }
    if !dir.created {
        return Ok(None);
    }
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = dir.path.file_name().unwrap_or_default().to_string_lossy();
    let aside = dir
        .path
        .with_file_name(format!("{LEFTOVER}{name}-{}-{n}", std::process::id()));
    match std::fs::rename(&dir.path, &aside) {
        Ok(()) => Ok(Some(aside)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The name prefix of runtime directories set aside for removal (a daemon stopped before
/// its worker removed them removes them at its next start: [`leftovers`]).
pub const LEFTOVER: &str = ".linger-removing-";

/// Delete a directory set aside by [`detach`] and everything in it (without following
/// symlinks): on a worker, what a user leaves behind can be large.
pub fn remove_detached(path: &Path) -> io::Result<()> {
    match std::fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Runtime directories a previous run set aside and did not finish removing.
pub fn leftovers(base: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(base)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().starts_with(LEFTOVER))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default()
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

/// Deepest directory level [`remove_owned_entries`] descends to (`/dev/shm` is a tmpfs any
/// user can fill with nested directories).
const MAX_DEPTH: usize = 32;

fn remove_owned_entries(dir: &Path, uid: u32, problems: &mut Vec<String>) {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    if let Ok(fd) = rustix::fs::open(dir, flags, Mode::empty()) {
        remove_owned_at(&fd, dir, uid, 0, problems);
    }
}

/// Remove, below the open directory `fd` (at `path`, for messages), every entry owned by
/// `uid`: files and links at once, directories after their content — a directory still
/// holding other users' entries stays. Directories are entered by fd, never through a path a
/// user could swap for a symlink meanwhile.
fn remove_owned_at(
    fd: &std::os::fd::OwnedFd,
    path: &Path,
    uid: u32,
    depth: usize,
    problems: &mut Vec<String>,
) {
    use rustix::fs::{AtFlags, FileType, Mode, OFlags};
    let Ok(entries) = rustix::fs::Dir::read_from(fd) else {
        return;
    };
    let names: Vec<std::ffi::CString> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_owned())
        .filter(|n| n.as_bytes() != b"." && n.as_bytes() != b"..")
        .collect();
    for name in names {
        let Ok(st) = rustix::fs::statat(fd, name.as_c_str(), AtFlags::SYMLINK_NOFOLLOW) else {
            continue;
        };
        let shown = || {
            use std::os::unix::ffi::OsStrExt;
            path.join(std::ffi::OsStr::from_bytes(name.as_bytes()))
        };
        let owned = st.st_uid == uid;
        let is_dir = FileType::from_raw_mode(st.st_mode) == FileType::Directory;
        if is_dir && depth < MAX_DEPTH {
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            if let Ok(child) = rustix::fs::openat(fd, name.as_c_str(), flags, Mode::empty()) {
                remove_owned_at(&child, &shown(), uid, depth + 1, problems);
            }
        }
        if !owned {
            continue;
        }
        let how = if is_dir {
            AtFlags::REMOVEDIR
        } else {
            AtFlags::empty()
        };
        match rustix::fs::unlinkat(fd, name.as_c_str(), how) {
            Ok(()) | Err(rustix::io::Errno::NOENT) => {}
            // Others' entries are left inside: the directory stays, as intended.
            Err(rustix::io::Errno::NOTEMPTY) if is_dir => {}
            Err(e) => problems.push(format!("cannot remove {}: {e}", shown().display())),
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

    /// RemoveIPC takes the leaving user's own entries, also inside others' directories, and
    /// leaves what other users put into the leaving user's directories.
    #[test]
    fn only_the_users_own_entries_go() {
        if !rustix::process::geteuid().is_root() {
            eprintln!("skipped: needs root (chown)");
            return;
        }
        let (leaving, other) = (60_001, 60_002);
        let d = tempfile::tempdir().unwrap();
        let own = |p: &Path, uid: u32| {
            rustix::fs::chown(p, Some(rustix::fs::Uid::from_raw(uid)), None).unwrap();
        };
        let mk = |rel: &str, uid: u32, dir: bool| {
            let p = d.path().join(rel);
            if dir {
                std::fs::create_dir(&p).unwrap();
            } else {
                std::fs::write(&p, "x").unwrap();
            }
            own(&p, uid);
        };
        mk("mine", leaving, true);
        mk("mine/own-file", leaving, false);
        mk("mine/theirs", other, false);
        mk("empty-mine", leaving, true);
        mk("theirs", other, true);
        mk("theirs/own-file", leaving, false);
        mk("theirs/their-file", other, false);
        std::os::unix::fs::symlink(d.path().join("theirs"), d.path().join("link")).unwrap();
        rustix::fs::chownat(
            rustix::fs::CWD,
            d.path().join("link"),
            Some(rustix::fs::Uid::from_raw(leaving)),
            None,
            rustix::fs::AtFlags::SYMLINK_NOFOLLOW,
        )
        .unwrap();
        let mut problems = Vec::new();
        remove_owned_entries(d.path(), leaving, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let exists = |rel: &str| std::fs::symlink_metadata(d.path().join(rel)).is_ok();
        assert!(!exists("mine/own-file"));
        assert!(
            exists("mine/theirs"),
            "another user's file in the leaver's directory"
        );
        assert!(exists("mine"), "still holds another user's file");
        assert!(!exists("empty-mine"));
        assert!(!exists("theirs/own-file"));
        assert!(exists("theirs/their-file"));
        assert!(!exists("link"), "the link itself goes…");
        assert!(exists("theirs"), "…not what it points to");
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
        // Set aside at once: a new one can be made at the same path before the old is gone.
        let aside = detach(&dir).unwrap().expect("set aside");
        assert!(!dir.path.exists());
        assert_eq!(leftovers(&b), vec![aside.clone()]);
        let (again, _) = create(&b, &acct, None).unwrap();
        assert!(again.created && again.path.is_dir());
        remove_detached(&aside).unwrap();
        assert!(!aside.exists() && again.path.is_dir());
        assert!(elsewhere.exists());
        assert_eq!(
            detach(&again).unwrap().map(|p| remove_detached(&p).is_ok()),
            Some(true)
        );
        assert_eq!(detach(&again).unwrap(), None);
        assert!(leftovers(&b).is_empty());
        assert!(!is_mount_point(base.path()));
        assert!(is_mount_point(Path::new("/proc")));
    }
}
