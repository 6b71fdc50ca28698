//! The child's namespaces ([`crate::Namespace`]: user, mount, and network, IPC, UTS): prepared
//! as C strings before the fork ([`NsPrep`]), carried out by [`enter_namespaces`] with
//! async-signal-safe system calls only. Part of the crate's one `unsafe` module (`sys`).

use std::ffi::{CString, c_char};
use std::os::fd::RawFd;
use std::path::Path;

use super::{Report, SpawnError, errno, fail};
use crate::spec::Stage;

/// At most this many paths are kept reachable below the tmpfs mounts (the planner asks for
/// a handful: three sockets and the unit's directories).
pub(crate) const MAX_KEPT: usize = 32;

/// A path kept reachable below a tmpfs (see [`crate::Namespace::keep`]).
struct Kept {
    path: CString,
    is_dir: bool,
    /// Its parents between the tmpfs and itself, outermost first: made inside the tmpfs.
    parents: Vec<CString>,
}

/// One tmpfs mount and what stays reachable below it.
struct Tmpfs {
    target: CString,
    options: CString,
    kept: Vec<Kept>,
    /// Symbolic links (path, target) made in it.
    links: Vec<(CString, CString)>,
}

/// [`crate::Namespace`] as C strings, built before the fork.
pub(super) struct NsPrep {
    flags: libc::c_int,
    /// A new network namespace: bring its loopback device up.
    loopback: bool,
    /// `uid_map` and `gid_map` lines.
    maps: Option<(CString, CString)>,
    mounts: bool,
    /// (source, target), ordered so that no bind hides a later one's source.
    binds: Vec<(CString, CString)>,
    /// From the shallowest to the deepest target.
    tmpfs: Vec<Tmpfs>,
    /// (path, read-only?) from the shallowest to the deepest path.
    modes: Vec<(CString, bool)>,
}

impl NsPrep {
    pub(super) fn new(ns: &crate::Namespace) -> Result<NsPrep, SpawnError> {
        let c = |s: &str| CString::new(s).map_err(SpawnError::NamespacePath);
        let mut flags = 0;
        if ns.user.is_some() {
            flags |= libc::CLONE_NEWUSER;
        }
        if ns.mounts {
            flags |= libc::CLONE_NEWNS;
        }
        let other =
            ns.other & (libc::CLONE_NEWNET | libc::CLONE_NEWIPC | libc::CLONE_NEWUTS) as u64;
        flags |= other as libc::c_int;
        // A source below another bind's target (a private /var/tmp kept below /tmp) must be
        // bound before that target is covered.
        let covers = |target: &str| {
            ns.binds
                .iter()
                .filter(|(src, _)| Path::new(src).starts_with(target))
                .count()
        };
        let mut ordered: Vec<&(String, String)> = ns.binds.iter().collect();
        ordered.sort_by_key(|(_, target)| covers(target));
        let binds = ordered
            .into_iter()
            .map(|(s, t)| Ok((c(s)?, c(t)?)))
            .collect::<Result<_, SpawnError>>()?;
        let depth = |p: &str| Path::new(p).components().count();
        let mut tmpfs_list: Vec<&(String, u32)> = ns.tmpfs.iter().collect();
        tmpfs_list.sort_by_key(|(t, _)| depth(t));
        let mut tmpfs = Vec::new();
        for (target, mode) in tmpfs_list {
            let kept: Vec<Kept> = ns
                .keep
                .iter()
                .filter(|(p, _)| Path::new(p).starts_with(target) && p != target)
                .take(MAX_KEPT)
                .map(|(p, is_dir)| {
                    let parents = Path::new(p)
                        .ancestors()
                        .skip(1)
                        .take_while(|a| a != &Path::new(target))
                        .map(|a| c(&a.to_string_lossy()))
                        .collect::<Result<Vec<_>, _>>()?;
                    Ok(Kept {
                        path: c(p)?,
                        is_dir: *is_dir,
                        parents: parents.into_iter().rev().collect(),
                    })
                })
                .collect::<Result<_, SpawnError>>()?;
            let links = ns
                .links
                .iter()
                .filter(|(p, _)| Path::new(p).starts_with(target) && p != target)
                .map(|(p, t)| Ok((c(p)?, c(t)?)))
                .collect::<Result<Vec<_>, SpawnError>>()?;
            // The service must be able to walk down to what is kept, not to list anything:
            // a hidden (mode 0) tmpfs then becomes search-only.
            let mode = if kept.is_empty() { *mode } else { mode | 0o111 };
            tmpfs.push(Tmpfs {
                target: c(target)?,
                options: c(&format!("mode={mode:04o}"))?,
                kept,
                links,
            });
        }
        Ok(NsPrep {
            flags,
            loopback: other & libc::CLONE_NEWNET as u64 != 0,
            maps: match ns.user {
                Some((uid, gid)) => Some((
                    c(&format!("{uid} {uid} 1\n"))?,
                    c(&format!("{gid} {gid} 1\n"))?,
                )),
                None => None,
            },
            mounts: ns.mounts,
            binds,
            tmpfs,
            modes: mount_modes(ns)
                .into_iter()
                .map(|(p, ro)| Ok((c(p)?, ro)))
                .collect::<Result<_, SpawnError>>()?,
        })
    }
}

/// Read-only and writable paths in the order they are applied: shallower first, so that the
/// deeper (more specific) rule wins; at equal depth read-only first.
fn mount_modes(ns: &crate::Namespace) -> Vec<(&str, bool)> {
    let mut modes: Vec<(&str, bool)> = ns
        .read_only
        .iter()
        .map(|p| (p.as_str(), true))
        .chain(ns.writable.iter().map(|p| (p.as_str(), false)))
        .collect();
    let depth = |p: &str| Path::new(p).components().count();
    modes.sort_by_key(|(p, ro)| (depth(p), !*ro));
    modes.dedup();
    modes
}

/// `struct mount_attr` (linux/mount.h) for `mount_setattr(2)`.
#[repr(C)]
struct MountAttr {
    attr_set: u64,
    attr_clr: u64,
    propagation: u64,
    userns_fd: u64,
}
const MOUNT_ATTR_RDONLY: u64 = 0x1;
const AT_RECURSIVE: libc::c_uint = 0x8000;
const OPEN_TREE_CLONE: libc::c_uint = 0x1;
const MOVE_MOUNT_F_EMPTY_PATH: libc::c_uint = 0x4;

/// `mount_setattr(2)` of `path`: read-only or writable, for the mount there only or with
/// everything mounted below it (`recursive`).
///
/// # Safety
/// Async-signal-safe; `path` must be a valid C string.
unsafe fn set_read_only(path: *const c_char, read_only: bool, recursive: bool) -> bool {
    let attr = MountAttr {
        attr_set: if read_only { MOUNT_ATTR_RDONLY } else { 0 },
        attr_clr: if read_only { 0 } else { MOUNT_ATTR_RDONLY },
        propagation: 0,
        userns_fd: 0,
    };
    // SAFETY: the kernel reads `attr` (its size passed) and the NUL-terminated path.
    unsafe {
        libc::syscall(
            libc::SYS_mount_setattr,
            libc::AT_FDCWD,
            path,
            if recursive { AT_RECURSIVE } else { 0 },
            &attr as *const MountAttr,
            std::mem::size_of::<MountAttr>(),
        ) == 0
    }
}

/// In the child: the namespaces of [`crate::Namespace`]. The creator of a user namespace
/// holds every capability in it until `execve`, which is what allows the mounts without
/// privileges; the service then runs with its own uid and none of them.
pub(super) fn enter_namespaces(ns: &NsPrep, report: Report) {
    // SAFETY (whole block): async-signal-safe system calls on C strings built before the fork.
    unsafe {
        let fail_ns = || fail(report, Stage::Namespace, errno());
        if libc::unshare(ns.flags) < 0 {
            fail_ns();
        }
        if let Some((uid_map, gid_map)) = &ns.maps {
            for (file, text) in [
                (c"/proc/self/setgroups", c"deny"),
                (c"/proc/self/uid_map", uid_map.as_c_str()),
                (c"/proc/self/gid_map", gid_map.as_c_str()),
            ] {
                let fd = libc::open(file.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
                let len = text.to_bytes().len();
                if fd < 0 || libc::write(fd, text.as_ptr().cast(), len) != len as isize {
                    fail_ns();
                }
                libc::close(fd);
            }
        }
        if ns.loopback && !loopback_up() {
            fail_ns();
        }
        if !ns.mounts {
            return;
        }
        let none = std::ptr::null::<c_char>();
        if libc::mount(
            none,
            c"/".as_ptr(),
            none,
            libc::MS_SLAVE | libc::MS_REC,
            std::ptr::null(),
        ) < 0
        {
            fail_ns();
        }
        for (source, target) in &ns.binds {
            let flags = libc::MS_BIND | libc::MS_REC;
            if libc::mount(
                source.as_ptr(),
                target.as_ptr(),
                none,
                flags,
                std::ptr::null(),
            ) < 0
            {
                fail_ns();
            }
        }
        for t in &ns.tmpfs {
            if !mount_tmpfs_keeping(t) {
                fail_ns();
            }
        }
        for (path, ro) in &ns.modes {
            // A mount of its own first, so that only this subtree changes ("/" is the
            // namespace's own copy of the root already, and a mount over it would not be
            // where this process's root is).
            let flags = libc::MS_BIND | libc::MS_REC;
            let whole = path.as_bytes() == b"/";
            if (!whole
                && libc::mount(path.as_ptr(), path.as_ptr(), none, flags, std::ptr::null()) < 0)
                || !set_read_only(path.as_ptr(), *ro, true)
            {
                fail_ns();
            }
        }
    }
}

/// `struct ifreq` (linux/if.h) as `SIOCGIFFLAGS`/`SIOCSIFFLAGS` use it: a name and flags
/// (the union is 24 bytes on 64-bit targets).
#[repr(C)]
struct IfreqFlags {
    name: [libc::c_char; libc::IFNAMSIZ],
    flags: libc::c_short,
    _pad: [u8; 22],
}

/// Bring the new network namespace's `lo` up (`PrivateNetwork=`: "configures only the
/// loopback network device"). False on failure (errno set).
fn loopback_up() -> bool {
    // SAFETY (whole block): async-signal-safe socket/ioctl/close on a request on our stack.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0);
        if fd < 0 {
            return false;
        }
        let mut req = IfreqFlags {
            name: [0; libc::IFNAMSIZ],
            flags: 0,
            _pad: [0; 22],
        };
        for (d, s) in req.name.iter_mut().zip(b"lo") {
            *d = *s as libc::c_char;
        }
        let ok = libc::ioctl(fd, libc::SIOCGIFFLAGS, &mut req as *mut IfreqFlags) == 0 && {
            req.flags |= libc::IFF_UP as libc::c_short;
            libc::ioctl(fd, libc::SIOCSIFFLAGS, &mut req as *mut IfreqFlags) == 0
        };
        libc::close(fd);
        ok
    }
}

/// An empty tmpfs over `t.target`, with `t.kept` still reachable in it: each kept path is
/// cloned (`open_tree`) before the tmpfs covers it, then attached again (`move_mount`) at
/// the same path inside; the tmpfs itself ends read-only (the kept mounts keep their own
/// modes). False on failure (errno set).
fn mount_tmpfs_keeping(t: &Tmpfs) -> bool {
    // SAFETY (whole block): async-signal-safe system calls on C strings built before the
    // fork; the fds are ours and closed here.
    unsafe {
        let mut clones = [-1 as RawFd; MAX_KEPT];
        for (slot, k) in clones.iter_mut().zip(&t.kept) {
            let fd = libc::syscall(
                libc::SYS_open_tree,
                libc::AT_FDCWD,
                k.path.as_ptr(),
                OPEN_TREE_CLONE | libc::O_CLOEXEC as libc::c_uint | AT_RECURSIVE,
            );
            if fd < 0 {
                return false;
            }
            *slot = fd as RawFd;
        }
        let fs = c"tmpfs".as_ptr();
        let flags = libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC;
        let read_only_now = if t.kept.is_empty() && t.links.is_empty() {
            libc::MS_RDONLY
        } else {
            0
        };
        if libc::mount(
            fs,
            t.target.as_ptr(),
            fs,
            flags | read_only_now,
            t.options.as_ptr().cast(),
        ) < 0
        {
            return false;
        }
        if t.kept.is_empty() && t.links.is_empty() {
            return true;
        }
        for (k, &fd) in t.kept.iter().zip(&clones) {
            for dir in &k.parents {
                if libc::mkdir(dir.as_ptr(), 0o111) < 0 && errno() != libc::EEXIST {
                    return false;
                }
            }
            let made = if k.is_dir {
                libc::mkdir(k.path.as_ptr(), 0o111) == 0 || errno() == libc::EEXIST
            } else {
                let f = libc::open(
                    k.path.as_ptr(),
                    libc::O_CREAT | libc::O_WRONLY | libc::O_CLOEXEC,
                    0,
                );
                f >= 0 && libc::close(f) == 0
            };
            if !made
                || libc::syscall(
                    libc::SYS_move_mount,
                    fd,
                    c"".as_ptr(),
                    libc::AT_FDCWD,
                    k.path.as_ptr(),
                    MOVE_MOUNT_F_EMPTY_PATH,
                ) < 0
            {
                return false;
            }
            libc::close(fd);
        }
        for (path, target) in &t.links {
            if libc::symlink(target.as_ptr(), path.as_ptr()) < 0 {
                return false;
            }
        }
        set_read_only(t.target.as_ptr(), true, false)
    }
}
