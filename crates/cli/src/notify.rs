//! `systemd-notify`: tell the service manager about start-up completion and status from a
//! script (`$NOTIFY_SOCKET`, the sd_notify protocol the manager reads).

use std::ffi::OsString;
use std::io::IoSlice;
use std::os::fd::AsFd;
use std::process::ExitCode;

use clap::Parser;
use rustix::net::{
    AddressFamily, SendAncillaryBuffer, SendAncillaryMessage, SendFlags, SocketAddrUnix, SocketType,
};

use crate::output::fail;

/// systemd-notify's syntax.
#[derive(Debug, Parser)]
#[command(
    name = "systemd-notify",
    about = "Notify the service manager about start-up completion and other state changes (linger).",
    version
)]
pub(crate) struct Args {
    /// Start-up is complete (READY=1).
    #[arg(long)]
    ready: bool,
    /// The service is reloading (RELOADING=1).
    #[arg(long)]
    reloading: bool,
    /// The service is stopping (STOPPING=1).
    #[arg(long)]
    stopping: bool,
    /// The main process's pid (MAINPID=); without a value, this command's parent.
    #[arg(long, value_name = "PID", num_args = 0..=1, default_missing_value = "parent")]
    pid: Option<String>,
    /// A status text (STATUS=).
    #[arg(long, value_name = "TEXT")]
    status: Option<String>,
    /// Exit 0 when the system was booted with systemd as init, else 1.
    #[arg(long)]
    booted: bool,
    /// Do not wait until the manager has read the message.
    #[arg(long)]
    no_block: bool,
    /// Further VARIABLE=VALUE assignments.
    assignments: Vec<String>,
}

fn address(path: &str) -> rustix::io::Result<SocketAddrUnix> {
    match path.strip_prefix('@') {
        Some(abstract_name) => SocketAddrUnix::new_abstract_name(abstract_name.as_bytes()),
        None => SocketAddrUnix::new(path),
    }
}

/// How long to wait for the manager to take the message (systemd-notify's default too).
const BARRIER_TIMEOUT_SECS: i64 = 5;

/// Send the message, then (unless `no_block`) a `BARRIER=1` datagram carrying one end of a
/// pipe, and wait until the manager has closed it: it reads datagrams in order, so the
/// message has been taken — while this process still exists, so the manager can tell which
/// unit sent it (a `systemd-notify` that exits at once may be gone before it looks).
fn send(path: &str, text: &str, no_block: bool) -> Result<(), String> {
    let err = |e: rustix::io::Errno| format!("Failed to notify init system: {e}");
    let addr = address(path).map_err(err)?;
    let sock = rustix::net::socket(AddressFamily::UNIX, SocketType::DGRAM, None).map_err(err)?;
    let mut no_fds = SendAncillaryBuffer::default();
    rustix::net::sendmsg_addr(
        &sock,
        &addr,
        &[IoSlice::new(text.as_bytes())],
        &mut no_fds,
        SendFlags::empty(),
    )
    .map_err(err)?;
    if no_block {
        return Ok(());
    }
    let (read, write) = rustix::pipe::pipe_with(rustix::pipe::PipeFlags::CLOEXEC).map_err(err)?;
    let mut space = [std::mem::MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
    let mut fds = SendAncillaryBuffer::new(&mut space);
    let write_fd = [write.as_fd()];
    fds.push(SendAncillaryMessage::ScmRights(&write_fd));
    rustix::net::sendmsg_addr(
        &sock,
        &addr,
        &[IoSlice::new(b"BARRIER=1\n")],
        &mut fds,
        SendFlags::empty(),
    )
    .map_err(err)?;
    drop(write);
    let mut poll = [rustix::event::PollFd::new(
        &read,
        rustix::event::PollFlags::IN,
    )];
    let timeout = rustix::time::Timespec {
        tv_sec: BARRIER_TIMEOUT_SECS,
        tv_nsec: 0,
    };
    match rustix::event::poll(&mut poll, Some(&timeout)) {
        Ok(0) => Err(
            "Failed to notify init system: the manager did not take the message in time.".into(),
        ),
        Ok(_) => Ok(()),
        Err(e) => Err(err(e)),
    }
}

/// Entry point of the `systemd-notify` personality.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let a = match crate::output::parse::<Args>(args) {
        Ok(a) => a,
        Err(code) => return code,
    };
    if a.booted {
        // The question is systemd's own ("is systemd PID 1?"), answered as systemd does.
        return ExitCode::from(u8::from(
            !std::path::Path::new("/run/systemd/system").exists(),
        ));
    }
    let mut lines = Vec::new();
    if a.ready {
        lines.push("READY=1".to_string());
    }
    if a.reloading {
        lines.push("RELOADING=1".to_string());
    }
    if a.stopping {
        lines.push("STOPPING=1".to_string());
    }
    if let Some(s) = &a.status {
        lines.push(format!("STATUS={s}"));
    }
    if let Some(p) = &a.pid {
        let pid = match p.as_str() {
            "parent" => std::os::unix::process::parent_id(),
            "self" => std::process::id(),
            n => match n.parse::<u32>() {
                Ok(n) if n > 0 => n,
                _ => return fail(&format!("Failed to parse PID {n}.")),
            },
        };
        lines.push(format!("MAINPID={pid}"));
    }
    for kv in &a.assignments {
        if !kv.contains('=') {
            return fail(&format!("Not a VARIABLE=VALUE assignment: {kv}"));
        }
        lines.push(kv.clone());
    }
    if lines.is_empty() {
        return fail("No status data could be sent: nothing to send.");
    }
    let Some(path) = std::env::var("NOTIFY_SOCKET")
        .ok()
        .filter(|p| !p.is_empty())
    else {
        return fail("No status data could be sent: $NOTIFY_SOCKET was not set");
    };
    let mut text = lines.join("\n");
    text.push('\n');
    match send(&path, &text, a.no_block) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}
