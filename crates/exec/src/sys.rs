//! fork + child setup + execve. The only `unsafe` in the crate.
//!
//! Rule for the child side: after `fork` only async-signal-safe system calls, on memory and
//! fds prepared before the fork. No allocation, no locks, no Rust std I/O. A failing step
//! writes `[stage, errno(4 bytes)]` to a close-on-exec pipe and `_exit`s with the stage's
//! number, so the parent both learns exactly what failed and reaps a systemd-style status.

use std::ffi::c_char;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

use std::sync::atomic::AtomicU32;

use crate::report::ExecReports;
use crate::spec::{ExecSpec, Stage};

mod mount_ns;
use mount_ns::{NsPrep, enter_namespaces};

/// A started child.
#[derive(Debug)]
pub struct Spawned {
    /// The child's pid (reap it: it exits with the stage number on failure).
    pub pid: u32,
    /// The setup step that failed and its errno; None when `execve` succeeded (or, with
    /// [`spawn_nowait`], when the answer is still in `status_pipe`).
    pub failure: Option<(Stage, i32)>,
    /// With [`spawn_nowait`]: the read end of the exec-status pipe; read it with
    /// [`read_status`] once the child has exited (or exec'ed).
    pub status_pipe: Option<OwnedFd>,
}

/// The failed stage reported on a status pipe, if any. Call it once the child has exited or
/// exec'ed: the pipe is then at EOF or holds the report, so this does not wait.
pub fn read_status(pipe: &OwnedFd) -> Option<(Stage, i32)> {
    let mut buf = [0u8; 5];
    let mut got = 0usize;
    while got < buf.len() {
        // SAFETY: reading into the unfilled tail of a stack buffer we own.
        let n = unsafe {
            libc::read(
                pipe.as_raw_fd(),
                buf[got..].as_mut_ptr().cast(),
                buf.len() - got,
            )
        };
        if n < 0 && io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            continue;
        }
        if n <= 0 {
            break;
        }
        got += n as usize;
    }
    if got == buf.len() {
        let errno = i32::from_ne_bytes([buf[1], buf[2], buf[3], buf[4]]);
        Stage::from_code(buf[0]).map(|s| (s, errno))
    } else {
        None
    }
}

/// Like [`spawn`] without waiting for `execve`: the exec-status pipe is handed back so the
/// caller can read the outcome when the child exits. Starting many services this way costs
/// only the fork.
pub fn spawn_nowait(spec: ExecSpec) -> Result<Spawned, SpawnError> {
    spawn_inner(spec, false, None, None)
}

/// Like [`spawn_nowait`] with the failure report going to the shared pipe of `reports`
/// (read it with [`ExecReports::take`] once the child has exited): no fd is kept per child.
pub fn spawn_reporting(spec: ExecSpec, reports: &ExecReports) -> Result<Spawned, SpawnError> {
    spawn_inner(spec, false, Some(reports.write_fd()), None)
}

/// [`spawn_reporting`] for a [`crate::Spawner`] worker, with the report pipe's write end as
/// `report_fd`: the child stores its pid in `announce` (and wakes its futex waiters) first
/// thing, so whoever waits there may go on while this thread stays suspended until the
/// child's `execve`.
pub(crate) fn spawn_announcing(
    spec: ExecSpec,
    report_fd: RawFd,
    announce: &AtomicU32,
) -> Result<Spawned, SpawnError> {
    spawn_inner(spec, false, Some(report_fd), Some(announce))
}

/// Block every signal in the calling thread for the rest of its life (a spawner worker: the
/// manager's handlers run on its other threads).
pub(crate) fn block_all_signals() {
    // SAFETY: sigset_t is plain data; sigfillset/pthread_sigmask only write the sets we pass.
    unsafe {
        let mut all: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut all);
        libc::pthread_sigmask(libc::SIG_BLOCK, &all, std::ptr::null_mut());
    }
}

/// Failure before a child existed.
#[derive(Debug, thiserror::Error)]
pub enum SpawnError {
    /// Creating the status pipe failed.
    #[error("cannot create status pipe: {0}")]
    Pipe(#[source] io::Error),
    /// fork() failed.
    #[error("fork failed: {0}")]
    Fork(#[source] io::Error),
    /// A namespace path (PrivateTmp= & co.) holds a NUL byte.
    #[error("bad namespace path: {0}")]
    NamespacePath(#[source] std::ffi::NulError),
}

fn cloexec_pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: fds is a valid 2-element array for pipe2 to fill.
    let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    if r < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: pipe2 succeeded, so both fds are open and owned by nobody else.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

/// Everything the child touches, as raw values, computed before fork.
struct Prepared<'a> {
    path: *const c_char,
    argv: Vec<*const c_char>,
    envp: Vec<*const c_char>,
    cwd: Option<(*const c_char, bool)>,
    stdio: [Option<RawFd>; 3],
    pass: Vec<RawFd>,
    cgroup: Option<RawFd>,
    extra_cgroups: Vec<RawFd>,
    umask: libc::mode_t,
    nice: Option<i32>,
    oom: Option<&'a [u8]>,
    rlimits: Vec<(i32, libc::rlimit)>,
    new_session: bool,
    controlling_tty: bool,
    /// (uid, gid, supplementary groups), converted before the fork.
    creds: Option<(libc::uid_t, libc::gid_t, Vec<libc::gid_t>)>,
    report: Report,
    listen_pid: Option<*mut u8>,
    no_new_privileges: bool,
    seccomp: Option<Fprog>,
    ns: Option<&'a NsPrep>,
    bounding_set: Option<u64>,
    ambient: u64,
    fail_at: Option<(Stage, i32)>,
    /// Where the child stores its pid before anything else (a shared-memory child only).
    announce: Option<*const AtomicU32>,
    /// One past the highest fd the child uses (stdio sources, passed fds, cgroup files, the
    /// report pipe): a child that shares our fd table (`CLONE_FILES`) takes a copy of only
    /// the fds below it (see [`unshare_fds_below`]).
    fd_bound: libc::c_uint,
}

/// `struct __user_cap_header_struct` (linux/capability.h).
#[repr(C)]
struct CapHeader {
    version: u32,
    pid: libc::c_int,
}

/// `struct __user_cap_data_struct` (linux/capability.h): one of the two 32-bit halves.
#[repr(C)]
#[derive(Clone, Copy)]
struct CapData {
    effective: u32,
    permitted: u32,
    inheritable: u32,
}

/// `_LINUX_CAPABILITY_VERSION_3`: 64-bit sets in two halves.
const CAP_VERSION_3: u32 = 0x2008_0522;

/// Raise `set` into the inheritable, then the ambient set (the kernel raises an ambient
/// capability only when it is permitted and inheritable). Async-signal-safe: raw calls.
///
/// # Safety
/// Only in the forked child, single-threaded.
unsafe fn raise_ambient(set: u64) -> Result<(), i32> {
    let mut hdr = CapHeader {
        version: CAP_VERSION_3,
        pid: 0,
    };
    let mut data = [CapData {
        effective: 0,
        permitted: 0,
        inheritable: 0,
    }; 2];
    // SAFETY: capget/capset read and write the header and the two halves we pass; prctl
    // takes integers.
    unsafe {
        if libc::syscall(libc::SYS_capget, &mut hdr, data.as_mut_ptr()) < 0 {
            return Err(errno());
        }
        data[0].inheritable |= set as u32;
        data[1].inheritable |= (set >> 32) as u32;
        if libc::syscall(libc::SYS_capset, &mut hdr, data.as_ptr()) < 0 {
            return Err(errno());
        }
        for cap in 0..64u64 {
            if set & (1 << cap) != 0
                && libc::prctl(
                    libc::PR_CAP_AMBIENT,
                    libc::PR_CAP_AMBIENT_RAISE as libc::c_ulong,
                    cap as libc::c_ulong,
                    0 as libc::c_ulong,
                    0 as libc::c_ulong,
                ) < 0
            {
                return Err(errno());
            }
        }
    }
    Ok(())
}

/// `struct sock_fprog` (linux/filter.h), pointing into the spec's program.
#[repr(C)]
struct Fprog {
    len: libc::c_ushort,
    filter: *const crate::seccomp::Insn,
}

/// Where the child reports a failed step: its own pipe, or the shared one of
/// [`ExecReports`] (then each record starts with the child's pid).
#[derive(Clone, Copy)]
struct Report {
    fd: RawFd,
    shared: bool,
}

/// Fork and exec according to `spec`. Blocks only until the child has exec'ed or failed
/// (the status pipe closes on exec), which is what makes `Type=exec` exact.
pub fn spawn(spec: ExecSpec) -> Result<Spawned, SpawnError> {
    spawn_inner(spec, true, None, None)
}

/// `shared`: the write end of an [`ExecReports`] pipe (else a pipe of the child's own);
/// `announce`: where the child stores its pid first thing (see [`spawn_announcing`]).
fn spawn_inner(
    mut spec: ExecSpec,
    wait: bool,
    shared: Option<RawFd>,
    announce: Option<&AtomicU32>,
) -> Result<Spawned, SpawnError> {
    spec.finalize();
    let (own_pipe, report) = match shared {
        Some(fd) => (None, Report { fd, shared: true }),
        None => {
            let (rd, wr) = cloexec_pipe().map_err(SpawnError::Pipe)?;
            let fd = wr.as_raw_fd();
            (Some((rd, wr)), Report { fd, shared: false })
        }
    };
    let fd = |o: &Option<OwnedFd>| o.as_ref().map(AsRawFd::as_raw_fd);
    let mut argv: Vec<*const c_char> = spec.argv.iter().map(|a| a.as_ptr()).collect();
    argv.push(std::ptr::null());
    let mut envp: Vec<*const c_char> = spec.envp.iter().map(|a| a.as_ptr()).collect();
    // Room for "LISTEN_PID=" and any pid; the child writes its pid here (its own copy).
    // One raw pointer serves both the environment entry and the child's write.
    let mut listen_pid_buf = [0u8; 32];
    listen_pid_buf[..11].copy_from_slice(b"LISTEN_PID=");
    let listen_pid_ptr = listen_pid_buf.as_mut_ptr();
    if spec.listen_pid {
        envp.push(listen_pid_ptr.cast_const().cast());
    }
    envp.push(std::ptr::null());
    let ns = spec.namespace.as_ref().map(NsPrep::new).transpose()?;
    let mut prep = Prepared {
        path: spec.path.as_ptr(),
        argv,
        envp,
        cwd: spec.cwd.as_ref().map(|(c, ok)| (c.as_ptr(), *ok)),
        stdio: [fd(&spec.stdin), fd(&spec.stdout), fd(&spec.stderr)],
        pass: spec.pass_fds.iter().map(AsRawFd::as_raw_fd).collect(),
        cgroup: fd(&spec.cgroup_procs),
        extra_cgroups: spec
            .extra_cgroup_procs
            .iter()
            .map(AsRawFd::as_raw_fd)
            .collect(),
        umask: spec.umask as libc::mode_t,
        nice: spec.nice,
        oom: spec.oom_score_adjust.map(|_| spec.oom_value.as_bytes()),
        rlimits: spec
            .rlimits
            .iter()
            .map(|r| {
                let conv = |v: u64| {
                    if v == u64::MAX {
                        libc::RLIM_INFINITY
                    } else {
                        v as libc::rlim_t
                    }
                };
                (
                    r.resource,
                    libc::rlimit {
                        rlim_cur: conv(r.soft),
                        rlim_max: conv(r.hard),
                    },
                )
            })
            .collect(),
        new_session: spec.new_session,
        controlling_tty: spec.controlling_tty && spec.new_session,
        creds: spec
            .credentials
            .as_ref()
            .map(|c| (c.uid, c.gid, c.groups.clone())),
        report,
        listen_pid: spec.listen_pid.then_some(listen_pid_ptr),
        no_new_privileges: spec.no_new_privileges || spec.seccomp.is_some(),
        seccomp: spec.seccomp.as_ref().map(|p| Fprog {
            len: p.len().min(usize::from(u16::MAX)) as libc::c_ushort,
            filter: p.as_ptr(),
        }),
        ns: ns.as_ref(),
        bounding_set: spec.capability_bounding_set,
        ambient: spec.ambient_capabilities,
        fail_at: spec.fail_at,
        announce: announce.map(|a| a as *const AtomicU32),
        fd_bound: 0,
    };
    prep.fd_bound = fd_bound(&prep);
    // Block every signal across fork: until the child has reset the dispositions it inherits
    // the manager's handlers, and a SIGTERM landing there must not run them.
    // SAFETY: sigset_t is plain data; sigfillset/pthread_sigmask only write the sets we pass.
    let mut all: libc::sigset_t = unsafe { std::mem::zeroed() };
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe {
        libc::sigfillset(&mut all);
        libc::pthread_sigmask(libc::SIG_BLOCK, &all, &mut old);
    }
    // Where possible the child starts inside its cgroup (clone3 + CLONE_INTO_CGROUP): moving
    // it there after the fork takes the kernel's global threadgroup lock for writing, which
    // waits for an RCU grace period — ~15 ms per spawn measured here.
    // A child that makes no namespaces shares our memory until its execve as well
    // (vfork_into_cgroup): a fork's page-table copy grows with the manager, so that starting
    // N services cost O(N²) (10,000 services: 110 s forked vs 43 s shared, measured here).
    let cgroup_dir = spec.cgroup_procs.as_ref().and_then(cgroup2_dir_of);
    let born_in_cgroup = |dir: &OwnedFd| match prep.ns {
        None => vfork_into_cgroup(&prep, dir).unwrap_or_else(|| clone_into_cgroup(dir)),
        Some(_) => clone_into_cgroup(dir),
    };
    let (pid, joined) = match cgroup_dir.as_ref().map(born_in_cgroup) {
        Some(pid) if pid >= 0 => (pid, true),
        // Not born into a cgroup: share our memory with the child until its execve
        // (posix_spawn's way), so the kernel copies no page tables and the manager takes no
        // copy-on-write faults afterwards — the largest cost of a spawn in a big manager.
        // A child that makes namespaces gets its own memory: unshare(CLONE_NEWUSER) is
        // documented for single-threaded processes, and a vfork child shares ours.
        _ => match prep.ns.is_none().then(|| spawn_vfork(&prep)).flatten() {
            Some(pid) => (pid, false),
            // SAFETY: fork has no memory-safety preconditions; the child branch below runs
            // only async-signal-safe calls on `prep`, which was fully built before the fork.
            None => (unsafe { libc::fork() }, false),
        },
    };
    if pid == 0 {
        child(&prep, joined);
    }
    // SAFETY: restores the mask saved above.
    unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut()) };
    if pid < 0 {
        return Err(SpawnError::Fork(io::Error::last_os_error()));
    }
    drop(spec);
    let Some((rd, wr)) = own_pipe else {
        return Ok(Spawned {
            pid: pid as u32,
            failure: None,
            status_pipe: None,
        });
    };
    drop(wr);
    if !wait {
        return Ok(Spawned {
            pid: pid as u32,
            failure: None,
            status_pipe: Some(rd),
        });
    }
    let failure = read_status(&rd);
    Ok(Spawned {
        pid: pid as u32,
        failure,
        status_pipe: None,
    })
}

/// The cgroup2 directory whose `cgroup.procs` `procs` is (None for v1 or anything else).
///
/// Runs on every spawn: the file system is asked of the open file itself first (one
/// `fstatfs`), so a v1 or hybrid host pays nothing more; only a cgroup2 target costs the
/// `readlink` and the `O_PATH` open of its directory.
fn cgroup2_dir_of(procs: &OwnedFd) -> Option<OwnedFd> {
    use rustix::fs::{Mode, OFlags};
    const CGROUP2_SUPER_MAGIC: i64 = 0x6367_7270;
    if rustix::fs::fstatfs(procs).ok()?.f_type as i64 != CGROUP2_SUPER_MAGIC {
        return None;
    }
    let link = std::fs::read_link(format!("/proc/self/fd/{}", procs.as_raw_fd())).ok()?;
    if link.file_name()? != "cgroup.procs" {
        return None;
    }
    // The directory holding a cgroup2 file is on cgroup2 too; should it have been renamed
    // or removed since, the open fails or clone3 refuses it, and the caller forks instead.
    rustix::fs::open(
        link.parent()?,
        OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .ok()
}

/// Start the child with `clone(CLONE_VM | CLONE_VFORK)` on a stack of its own: it runs
/// [`child`] in our address space while we are suspended until it has exec'ed or exited.
/// Returns its pid (the child never returns here), or None if clone failed.
fn spawn_vfork(prep: &Prepared<'_>) -> Option<libc::pid_t> {
    extern "C" fn entry(arg: *mut libc::c_void) -> libc::c_int {
        // SAFETY: `arg` is the `&Prepared` passed below; the parent is suspended (CLONE_VFORK)
        // until this child execs or exits, so the reference stays valid for its whole life.
        let prep = unsafe { &*(arg as *const Prepared<'_>) };
        unshare_fds_below(prep);
        child(prep, false)
    }
    let top = VFORK_STACK.with(|s| s.as_ref().map(ChildStack::top))?;
    // SAFETY: `top` is the 16-byte aligned end of this thread's child stack, which lives as
    // long as the thread and which nothing else uses while we are suspended (until the
    // child's execve/_exit); without CLONE_SIGHAND the child's signal dispositions are its
    // own, so `child` changing them does not touch ours; with CLONE_FILES it shares our fd
    // table only until `unshare_fds_below`, its first call, which gives it a table of its
    // own before `child` changes any fd; memory it writes (errno, the LISTEN_PID buffer) we
    // no longer read.
    let pid = unsafe {
        libc::clone(
            entry,
            top.cast(),
            libc::CLONE_VM | libc::CLONE_VFORK | share_fd_table() | libc::SIGCHLD,
            prep as *const Prepared<'_> as *mut libc::c_void,
        )
    };
    (pid > 0).then_some(pid)
}

/// clone3(2) with `CLONE_VM | CLONE_VFORK | CLONE_INTO_CGROUP`: [`spawn_vfork`]'s way, with
/// the child born in `dir`. Returns its pid, or None if the kernel refused (the caller tries
/// a plain clone3 next). The child starts on a stack of its own with no return address to
/// come back to, so the libc `syscall` wrapper cannot be used: a few instructions make the
/// call and, in the child, jump straight to [`child`]. x86_64 only; elsewhere None.
#[cfg(target_arch = "x86_64")]
fn vfork_into_cgroup(prep: &Prepared<'_>, dir: &OwnedFd) -> Option<libc::pid_t> {
    extern "C" fn entry(arg: *mut libc::c_void) -> libc::c_int {
        // SAFETY: as in spawn_vfork: `arg` is the `&Prepared` passed below and the parent is
        // suspended until this child has exec'ed or exited.
        let prep = unsafe { &*(arg as *const Prepared<'_>) };
        unshare_fds_below(prep);
        child(prep, true)
    }
    let stack = VFORK_STACK.with(|s| s.as_ref().map(|s| s.base as u64))?;
    let args = CloneArgs {
        flags: (libc::CLONE_VM | libc::CLONE_VFORK | share_fd_table()) as u64 | CLONE_INTO_CGROUP,
        exit_signal: libc::SIGCHLD as u64,
        stack,
        stack_size: ChildStack::SIZE as u64,
        cgroup: dir.as_raw_fd() as u64,
        ..CloneArgs::default()
    };
    let ret: i64;
    // SAFETY: clone3 with a stack: the kernel starts the child at the instruction after
    // `syscall` with rsp at the top of this thread's child stack (page-aligned, so aligned
    // as a call wants; nothing else uses it while we are suspended by CLONE_VFORK). The child
    // sees rax = 0 and calls `entry(prep)` (r12, r13 survive the syscall; rbp cleared to end
    // the frame chain), which never returns — `child` execs or _exits — and, should it, exits
    // at once. The parent sees the pid or -errno in rax once the child has exec'ed or exited;
    // the syscall clobbers only rcx and r11. As in spawn_vfork, without CLONE_SIGHAND the
    // child's dispositions are its own, and the fd table it shares (CLONE_FILES) becomes its
    // own in `entry`'s first call; memory it writes (errno, the LISTEN_PID buffer) we no
    // longer read. `args` outlives the call.
    unsafe {
        std::arch::asm!(
            "syscall",
            "test rax, rax",
            "jnz 2f",
            "xor ebp, ebp",
            "mov rdi, r13",
            "call r12",
            "mov edi, eax",
            "mov eax, {exit}",
            "syscall",
            "ud2",
            "2:",
            exit = const libc::SYS_exit,
            inlateout("rax") libc::SYS_clone3 => ret,
            in("rdi") &args as *const CloneArgs,
            in("rsi") std::mem::size_of::<CloneArgs>(),
            in("r12") entry as extern "C" fn(*mut libc::c_void) -> libc::c_int as usize,
            in("r13") prep as *const Prepared<'_> as usize,
            lateout("rcx") _,
            lateout("r11") _,
            options(nostack),
        );
    }
    (ret > 0).then_some(ret as libc::pid_t)
}

#[cfg(not(target_arch = "x86_64"))]
fn vfork_into_cgroup(_: &Prepared<'_>, _: &OwnedFd) -> Option<libc::pid_t> {
    None
}

thread_local! {
    /// The stack [`spawn_vfork`]'s children run on: one per thread, kept for the thread's
    /// life — the thread is suspended while its child uses it, so it serves every spawn. Made
    /// per spawn (a zeroed 256 KiB `Vec`) it cost a calloc each time and, from the heap once
    /// glibc's mmap threshold had grown, left holes between the allocations of a start burst.
    /// None when it could not be mapped (the caller forks instead).
    static VFORK_STACK: Option<ChildStack> = ChildStack::map();
}

/// An anonymous mapping for a child's stack: only the pages the child touches (a few KiB:
/// system calls on prepared data) ever take memory.
struct ChildStack {
    base: *mut libc::c_void,
}

impl ChildStack {
    const SIZE: usize = 256 * 1024;

    fn map() -> Option<ChildStack> {
        // SAFETY: a fresh private anonymous mapping; no existing memory is touched.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                Self::SIZE,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_STACK | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        (base != libc::MAP_FAILED).then_some(ChildStack { base })
    }

    /// The highest address, where a downward-growing stack starts (page-aligned, so 16-byte
    /// aligned as the ABI wants).
    fn top(&self) -> *mut u8 {
        self.base.cast::<u8>().wrapping_add(Self::SIZE)
    }
}

impl Drop for ChildStack {
    fn drop(&mut self) {
        // SAFETY: `base` is the mapping made in `map`, of that size, and no child runs on it
        // (the thread owning it is ending).
        unsafe { libc::munmap(self.base, Self::SIZE) };
    }
}

/// `struct clone_args` (linux/sched.h), up to `cgroup` (CLONE_ARGS_SIZE_VER2): the one
/// definition of the kernel's layout here (the login tests' pid-reuse helper uses it too).
#[repr(C)]
#[derive(Debug, Default)]
pub struct CloneArgs {
    pub flags: u64,
    pub pidfd: u64,
    pub child_tid: u64,
    pub parent_tid: u64,
    pub exit_signal: u64,
    pub stack: u64,
    pub stack_size: u64,
    pub tls: u64,
    pub set_tid: u64,
    pub set_tid_size: u64,
    pub cgroup: u64,
}

const CLONE_INTO_CGROUP: u64 = 0x2_0000_0000;

/// clone3(2) with CLONE_INTO_CGROUP: like fork, with the child born in `dir`. Returns the
/// pid (0 in the child), or -1 (nothing was created: the caller forks instead).
fn clone_into_cgroup(dir: &OwnedFd) -> libc::pid_t {
    let args = CloneArgs {
        flags: CLONE_INTO_CGROUP,
        exit_signal: libc::SIGCHLD as u64,
        cgroup: dir.as_raw_fd() as u64,
        ..CloneArgs::default()
    };
    // SAFETY: without CLONE_VM this is a fork: the child gets a copy of this thread's memory
    // and runs only the async-signal-safe `child` path (raw syscalls, no glibc state that a
    // fork would have reset: no allocation, locks, raise or pthread calls); `args` outlives
    // the call and its size is the one passed.
    let r = unsafe {
        libc::syscall(
            libc::SYS_clone3,
            &args as *const CloneArgs,
            std::mem::size_of::<CloneArgs>(),
        )
    };
    if r < 0 { -1 } else { r as libc::pid_t }
}

/// One past the highest fd `p`'s child uses.
fn fd_bound(p: &Prepared<'_>) -> libc::c_uint {
    let used = p
        .stdio
        .iter()
        .flatten()
        .chain(&p.pass)
        .chain(&p.cgroup)
        .chain(&p.extra_cgroups)
        .chain(std::iter::once(&p.report.fd));
    used.map(|&fd| fd.max(0) as libc::c_uint + 1)
        .max()
        .unwrap_or(3)
        .max(3)
}

/// `CLOSE_RANGE_UNSHARE` (linux/close_range.h).
const CLOSE_RANGE_UNSHARE: libc::c_uint = 1 << 1;

/// `CLONE_FILES` for the children that share our memory until their execve — unless the
/// manager runs with `LINGER_SPAWN_COPY_FD_TABLE` set: valgrind (the function-order profile
/// of xtask/order_symbols.py) runs only the clones of fork, vfork and threads, and ends the
/// program at any other. Without the flag the child starts with a copy of the whole table,
/// and [`unshare_fds_below`] only closes what is above the bound in it. Read once, in the
/// parent.
fn share_fd_table() -> libc::c_int {
    static SHARE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *SHARE.get_or_init(|| std::env::var_os("LINGER_SPAWN_COPY_FD_TABLE").is_none()) {
        libc::CLONE_FILES
    } else {
        0
    }
}

/// First thing in a child cloned with `CLONE_FILES`: a fd table of its own holding only
/// the fds below `p.fd_bound` (`close_range(bound, ~0, CLOSE_RANGE_UNSHARE)` copies just
/// those). A copy of the whole table — what a clone without `CLONE_FILES` makes, and what
/// `execve` then closes again fd by fd (all close-on-exec) — costs in proportion to the fds
/// the manager holds, about one output pipe per running service: with 10,000 services
/// that was a fifth of the CPU time of starting them. The manager keeps those fds above
/// the low ones (`long_lived_fd`), so the bound stays small. Where the kernel lacks
/// `close_range` (before 5.9), the whole table is copied (`unshare(CLONE_FILES)`); if even
/// that fails the child ends before it changes any fd of the table it still shares.
fn unshare_fds_below(p: &Prepared<'_>) {
    // SAFETY: raw system calls on plain integers; async-signal-safe.
    unsafe {
        if libc::syscall(
            libc::SYS_close_range,
            p.fd_bound,
            libc::c_uint::MAX,
            CLOSE_RANGE_UNSHARE,
        ) == 0
        {
            return;
        }
        if libc::unshare(libc::CLONE_FILES) < 0 {
            fail(p.report, Stage::Fds, errno());
        }
    }
}

fn errno() -> i32 {
    // SAFETY: __errno_location returns the calling thread's errno slot; reading it is AS-safe.
    unsafe { *libc::__errno_location() }
}

fn fail(report: Report, stage: Stage, err: i32) -> ! {
    let e = err.to_ne_bytes();
    // SAFETY: getpid, signal, write and _exit are async-signal-safe; msg lives on our stack.
    unsafe {
        // A reader gone (the manager re-executed meanwhile) must not turn the stage's exit
        // status into death by SIGPIPE.
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
        if report.shared {
            let p = (libc::getpid() as u32).to_ne_bytes();
            let msg: [u8; crate::report::RECORD] =
                [p[0], p[1], p[2], p[3], stage as u8, e[0], e[1], e[2], e[3]];
            libc::write(report.fd, msg.as_ptr().cast(), msg.len());
        } else {
            let msg = [stage as u8, e[0], e[1], e[2], e[3]];
            libc::write(report.fd, msg.as_ptr().cast(), msg.len());
        }
        libc::_exit(stage as i32);
    }
}

/// The child side (`joined`: already in its v2 cgroup). Never returns.
fn child(p: &Prepared<'_>, joined: bool) -> ! {
    // SAFETY (whole block): only async-signal-safe libc calls, on values prepared pre-fork.
    unsafe {
        if let Some(word) = p.announce {
            // Our pid to the waiting thread (a clone sharing memory writes its real word; a
            // forked child only its own copy, and its parent announces it instead). The
            // atomic lives in the spawner's shared state, which outlives this child's exec.
            let word = &*word;
            word.store(libc::getpid() as u32, std::sync::atomic::Ordering::Release);
            libc::syscall(
                libc::SYS_futex,
                word as *const AtomicU32,
                libc::FUTEX_WAKE | libc::FUTEX_PRIVATE_FLAG,
                i32::MAX,
            );
        }
        // Signals: an empty mask and default dispositions (the manager ignores SIGPIPE and
        // handles others; ignored dispositions would survive execve).
        // Default dispositions first (signals are still blocked), then an empty mask.
        for sig in 1..=31 {
            if sig != libc::SIGKILL && sig != libc::SIGSTOP {
                libc::signal(sig, libc::SIG_DFL);
            }
        }
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        if libc::sigprocmask(libc::SIG_SETMASK, &set, std::ptr::null_mut()) < 0 {
            fail(p.report, Stage::SignalMask, errno());
        }
        if let Some((stage, err)) = p.fail_at {
            fail(p.report, stage, err);
        }
        if let Some(fd) = p.cgroup.filter(|_| !joined)
            && libc::write(fd, b"0".as_ptr().cast(), 1) < 0
        {
            fail(p.report, Stage::Cgroup, errno());
        }
        for &fd in &p.extra_cgroups {
            if libc::write(fd, b"0".as_ptr().cast(), 1) < 0 {
                fail(p.report, Stage::Cgroup, errno());
            }
        }
        if p.new_session && libc::setsid() < 0 {
            fail(p.report, Stage::Setsid, errno());
        }
        // Move passed fds above the range they will occupy, so dup2 below cannot clobber them;
        // the exec-status pipe too, which must survive until execve.
        let n = p.pass.len() as i32;
        let mut report = p.report;
        if n > 0 {
            let high = libc::fcntl(p.report.fd, libc::F_DUPFD_CLOEXEC, 3 + n + 3);
            if high >= 0 {
                report.fd = high;
            }
        }
        let mut high = [0 as RawFd; 64];
        for (i, &fd) in p.pass.iter().enumerate().take(64) {
            let h = libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 3 + n + 3);
            if h < 0 {
                fail(report, Stage::Fds, errno());
            }
            high[i] = h;
        }
        let stages = [Stage::Stdin, Stage::Stdout, Stage::Stderr];
        for (target, src) in p.stdio.iter().enumerate() {
            if let Some(fd) = *src
                && libc::dup2(fd, target as i32) < 0
            {
                fail(report, stages[target], errno());
            }
        }
        // The terminal on stdin becomes ours: a shell or editor run with --pty gets job
        // control and SIGINT from ^C, as on a login terminal.
        if p.controlling_tty && libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
            fail(report, Stage::Stdin, errno());
        }
        for (i, &h) in high.iter().enumerate().take((n as usize).min(64)) {
            if libc::dup2(h, 3 + i as i32) < 0 {
                fail(report, Stage::Fds, errno());
            }
        }
        for (res, lim) in &p.rlimits {
            let res = *res as libc::__rlimit_resource_t;
            if libc::setrlimit(res, lim) == 0 {
                continue;
            }
            // The parent lowered what it knew we may not raise; should it have guessed
            // wrong, take the closest allowed values, as systemd does, instead of failing.
            let mut own: libc::rlimit = std::mem::zeroed();
            if errno() != libc::EPERM || libc::getrlimit(res, &mut own) < 0 {
                fail(report, Stage::Limits, errno());
            }
            let closest = libc::rlimit {
                rlim_cur: lim.rlim_cur.min(own.rlim_max),
                rlim_max: lim.rlim_max.min(own.rlim_max),
            };
            if libc::setrlimit(res, &closest) < 0 {
                fail(report, Stage::Limits, errno());
            }
        }
        if let Some(v) = p.oom {
            let fd = libc::open(
                c"/proc/self/oom_score_adj".as_ptr(),
                libc::O_WRONLY | libc::O_CLOEXEC,
            );
            if fd < 0 || libc::write(fd, v.as_ptr().cast(), v.len()) < 0 {
                fail(report, Stage::OomAdjust, errno());
            }
            libc::close(fd);
        }
        if let Some(nice) = p.nice
            && libc::setpriority(libc::PRIO_PROCESS, 0, nice) < 0
        {
            fail(report, Stage::Nice, errno());
        }
        if let Some(ns) = p.ns {
            enter_namespaces(ns, report);
        }
        if let Some(keep) = p.bounding_set {
            // Every capability not kept, up to the last the kernel knows (EINVAL past it).
            for cap in 0..64 {
                if keep & (1u64 << cap) != 0 {
                    continue;
                }
                if libc::prctl(libc::PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 {
                    if errno() == libc::EINVAL {
                        break;
                    }
                    fail(report, Stage::Capabilities, errno());
                }
            }
        }
        // Identity last among the privileged steps (joining the cgroup, rlimits, OOM score
        // need root), but before chdir so the working directory is checked as the user.
        // Raw system calls, not the libc wrappers: glibc's setuid/setgroups broadcast to
        // every thread through a signal handshake, which is neither needed in this
        // single-threaded child nor async-signal-safe.
        if let Some((uid, gid, groups)) = &p.creds {
            if libc::syscall(libc::SYS_setgroups, groups.len(), groups.as_ptr()) < 0 {
                fail(report, Stage::Group, errno());
            }
            if libc::syscall(libc::SYS_setresgid, *gid, *gid, *gid) < 0 {
                fail(report, Stage::Group, errno());
            }
            if libc::syscall(libc::SYS_setresuid, *uid, *uid, *uid) < 0 {
                fail(report, Stage::User, errno());
            }
        }
        if p.ambient != 0
            && let Err(e) = raise_ambient(p.ambient)
        {
            fail(report, Stage::Capabilities, e);
        }
        libc::umask(p.umask);
        if let Some((dir, missing_ok)) = p.cwd
            && libc::chdir(dir) < 0
            && !missing_ok
        {
            fail(report, Stage::Chdir, errno());
        }
        if let Some(buf) = p.listen_pid {
            // Decimal digits of our pid after "LISTEN_PID=", NUL-terminated; no allocation.
            let mut pid = libc::getpid() as u32;
            let mut digits = [0u8; 10];
            let mut n = 0;
            loop {
                digits[n] = b'0' + (pid % 10) as u8;
                n += 1;
                pid /= 10;
                if pid == 0 {
                    break;
                }
            }
            for i in 0..n {
                *buf.add(11 + i) = digits[n - 1 - i];
            }
            *buf.add(11 + n) = 0;
        }
        // Last: from here on the filters may refuse anything but execve.
        if p.no_new_privileges && libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 {
            fail(report, Stage::NoNewPrivileges, errno());
        }
        if let Some(prog) = &p.seccomp {
            let r = libc::syscall(
                libc::SYS_seccomp,
                libc::SECCOMP_SET_MODE_FILTER,
                0,
                prog as *const Fprog,
            );
            if r < 0 {
                fail(report, Stage::Seccomp, errno());
            }
        }
        libc::execve(p.path, p.argv.as_ptr(), p.envp.as_ptr());
        fail(report, Stage::Exec, errno());
    }
}

/// Take ownership of a file descriptor inherited across `execve` from our previous self
/// (`daemon-reexec`). Fails unless `raw` is open; call it once per number.
pub fn adopt_inherited_fd(raw: RawFd) -> io::Result<OwnedFd> {
    if raw < 3 {
        return Err(io::Error::from_raw_os_error(libc::EBADF));
    }
    // SAFETY: F_GETFD only queries the descriptor table; it has no memory effects.
    if unsafe { libc::fcntl(raw, libc::F_GETFD) } < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: the fd is open (checked above), was handed to this process by its previous image
    // for exactly this purpose, and nothing else in this process owns it.
    let fd = unsafe { OwnedFd::from_raw_fd(raw) };
    // Close-on-exec again, like every other fd we own.
    // SAFETY: F_SETFD with FD_CLOEXEC on an fd we now own.
    unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC) };
    Ok(fd)
}

/// Let `fd` survive the next `execve` (clear FD_CLOEXEC), for `daemon-reexec`.
pub fn keep_across_exec<F: std::os::fd::AsFd>(fd: F) -> io::Result<RawFd> {
    let raw = fd.as_fd().as_raw_fd();
    // SAFETY: F_SETFD on a descriptor borrowed for the duration of the call.
    if unsafe { libc::fcntl(raw, libc::F_SETFD, 0) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(raw)
}

/// Set FD_CLOEXEC again (undo [`keep_across_exec`] when the re-exec did not happen).
pub fn set_cloexec(raw: RawFd) {
    // SAFETY: F_SETFD on a descriptor number we own; an invalid one just fails with EBADF.
    unsafe { libc::fcntl(raw, libc::F_SETFD, libc::FD_CLOEXEC) };
}
