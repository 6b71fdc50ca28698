//! What a pidfd tells of its process (`PIDFD_GET_INFO`): the exit status of a process that
//! is not our child (`PIDFD_INFO_EXIT`, Linux ≥ 6.15) — what a manager that re-adopted
//! services after a crash needs to tell a failure from a clean exit — and its real uid
//! (`PIDFD_INFO_CREDS`, Linux ≥ 6.13), which re-adoption checks without reading
//! `/proc/PID/status`. The second `unsafe` spot of the crate: one ioctl on a caller-owned
//! buffer.

use std::os::fd::{AsRawFd, BorrowedFd};

/// `struct pidfd_info` up to `exit_code` (the kernel's first published size, 64 bytes).
#[repr(C)]
#[derive(Default)]
struct PidfdInfo {
    mask: u64,
    cgroupid: u64,
    /// pid, tgid, ppid, ruid, rgid, euid, egid, suid, sgid, fsuid, fsgid.
    ids: [u32; 11],
    exit_code: i32,
}

/// `_IOWR(0xFF, 11, struct pidfd_info)` with the 64-byte structure.
const PIDFD_GET_INFO: u64 =
    (3 << 30) | ((std::mem::size_of::<PidfdInfo>() as u64) << 16) | (0xFF << 8) | 11;
const PIDFD_INFO_EXIT: u64 = 1 << 3;

const PIDFD_INFO_CREDS: u64 = 1 << 1;

/// `PIDFD_GET_INFO` asking for `mask`; None where the kernel has no such ioctl.
fn info(pidfd: BorrowedFd<'_>, mask: u64) -> Option<PidfdInfo> {
    let mut info = PidfdInfo {
        mask,
        ..PidfdInfo::default()
    };
    // SAFETY: PIDFD_GET_INFO writes at most the size encoded in the request (that of
    // `PidfdInfo`) into `info`, a live, exclusively borrowed local of exactly that size.
    let r = unsafe {
        libc::ioctl(
            pidfd.as_raw_fd(),
            PIDFD_GET_INFO as libc::Ioctl,
            &mut info as *mut PidfdInfo,
        )
    };
    (r == 0).then_some(info)
}

/// The `wait(2)`-style status of the exited process behind `pidfd`; None while it runs or
/// is not yet reaped by its parent, or where the kernel keeps no exit information (< 6.15).
pub fn exit_status(pidfd: BorrowedFd<'_>) -> Option<i32> {
    info(pidfd, PIDFD_INFO_EXIT)
        .filter(|i| i.mask & PIDFD_INFO_EXIT != 0)
        .map(|i| i.exit_code)
}

/// The real uid of the process behind `pidfd`; None where the kernel does not tell (< 6.13)
/// or the process is gone.
pub fn real_uid(pidfd: BorrowedFd<'_>) -> Option<u32> {
    info(pidfd, PIDFD_INFO_CREDS)
        .filter(|i| i.mask & PIDFD_INFO_CREDS != 0)
        .map(|i| i.ids[3])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsFd;

    #[test]
    fn an_exit_status_is_read_through_the_pidfd() {
        assert_eq!(std::mem::size_of::<PidfdInfo>(), 64);
        let mut child = std::process::Command::new("/bin/sh")
            .args(["-c", "read x; exit 7"])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let pid = rustix::process::Pid::from_raw(child.id() as i32).unwrap();
        let fd = rustix::process::pidfd_open(pid, rustix::process::PidfdFlags::empty()).unwrap();
        assert_eq!(exit_status(fd.as_fd()), None, "still running");
        match real_uid(fd.as_fd()) {
            Some(uid) => assert_eq!(uid, rustix::process::getuid().as_raw()),
            None => eprintln!("skipped: this kernel has no PIDFD_INFO_CREDS"),
        }
        drop(child.stdin.take());
        child.wait().unwrap();
        match exit_status(fd.as_fd()) {
            Some(st) => assert_eq!(st, 7 << 8),
            // Kernels before 6.15 keep no exit information: nothing to check there.
            None => eprintln!("skipped: this kernel has no PIDFD_INFO_EXIT"),
        }
    }
}
