//! A new root process that gets a chosen, free pid at once, for the attacks that need a pid
//! reused: clone3(2) with `set_tid`. Moving the kernel's pid counter (`ns_last_pid`) and then
//! forking raced with every other fork on a busy machine: another process took the pid in
//! between, and kept it.
#![allow(unsafe_code)]

use std::ffi::CString;
use std::io;
use std::os::unix::process::ExitStatusExt;
use std::process::ExitStatus;
use std::time::{Duration, Instant};

use linger_exec::CloneArgs;
use rustix::process::{Pid, Signal, WaitOptions};

/// A child of this process, stopped and reaped by pid.
#[derive(Debug)]
pub struct Reused {
    pid: Pid,
    status: Option<ExitStatus>,
}

/// `sleep 1000`, run as this (root) process, with pid `pid`; None if the pid stayed taken
/// for 10 s.
pub fn sleep_with_pid(pid: u32) -> Option<Reused> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match clone_with_pid(pid) {
            Ok(child) => return Some(child),
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(_) => return None,
        }
    }
}

fn clone_with_pid(pid: u32) -> io::Result<Reused> {
    let path = CString::new("/bin/sleep").expect("no NUL");
    let arg = CString::new("1000").expect("no NUL");
    let argv = [path.as_ptr(), arg.as_ptr(), std::ptr::null()];
    let envp = [std::ptr::null()];
    let tid = libc::pid_t::try_from(pid).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    let args = CloneArgs {
        exit_signal: libc::SIGCHLD as u64,
        set_tid: std::ptr::addr_of!(tid) as u64,
        set_tid_size: 1,
        ..CloneArgs::default()
    };
    // SAFETY: clone3 without CLONE_VM gives the child a copy of this process; `args`, `tid`
    // and the exec arguments live until the call returns in both.
    let r = unsafe {
        libc::syscall(
            libc::SYS_clone3,
            std::ptr::addr_of!(args),
            std::mem::size_of::<CloneArgs>(),
        )
    };
    if r == 0 {
        // SAFETY: in the child of a multi-threaded process only async-signal-safe calls are
        // allowed: execve and _exit are, and their arguments were made before the clone.
        unsafe {
            libc::execve(path.as_ptr(), argv.as_ptr(), envp.as_ptr());
            libc::_exit(127);
        }
    }
    if r < 0 {
        return Err(io::Error::last_os_error());
    }
    let pid = i32::try_from(r)
        .ok()
        .and_then(Pid::from_raw)
        .ok_or_else(|| io::Error::from_raw_os_error(libc::ECHILD))?;
    Ok(Reused { pid, status: None })
}

impl Reused {
    /// Its pid.
    pub fn id(&self) -> u32 {
        self.pid.as_raw_nonzero().get().unsigned_abs()
    }

    /// Its exit status if it ended (reaping it), None while it runs.
    pub fn try_wait(&mut self) -> io::Result<Option<ExitStatus>> {
        if self.status.is_none() {
            self.status = rustix::process::waitpid(Some(self.pid), WaitOptions::NOHANG)?
                .map(|(_, s)| ExitStatus::from_raw(s.as_raw()));
        }
        Ok(self.status)
    }

    /// SIGKILL it (unless reaped already: its pid may be another's by now).
    pub fn kill(&mut self) -> io::Result<()> {
        if self.status.is_some() {
            return Ok(());
        }
        Ok(rustix::process::kill_process(self.pid, Signal::KILL)?)
    }

    /// Wait for it to end.
    pub fn wait(&mut self) -> io::Result<ExitStatus> {
        if let Some(s) = self.status {
            return Ok(s);
        }
        let status = rustix::process::waitpid(Some(self.pid), WaitOptions::empty())?
            .map(|(_, s)| ExitStatus::from_raw(s.as_raw()))
            .ok_or_else(|| io::Error::from_raw_os_error(libc::ECHILD))?;
        self.status = Some(status);
        Ok(status)
    }
}

impl Drop for Reused {
    fn drop(&mut self) {
        let _ = self.kill();
        let _ = self.wait();
    }
}
