//! `linger run --pipe` and `--pty` (≙ `systemd-run --pipe/--pty`): the transient service's
//! standard streams are this command's own (`--pipe`, for shell pipelines), or a new
//! pseudo-terminal whose other side this command connects to its terminal (`--pty`, for
//! interactive programs: the service gets it as its controlling terminal). The streams are
//! passed to the manager as fds before the service starts; this command then waits for the
//! service to end, as `--wait` does.

use std::io::{Read, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::time::Duration;

use linger_ipc::manager::{AttachStdioRequest, method};

/// How the streams are connected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// This command's stdin, stdout, stderr, as they are.
    Pipe,
    /// A pseudo-terminal relayed to this command's terminal.
    Pty,
}

/// What `--pipe`/`--pty` ask for: with both, `--pty` when all three streams are terminals.
pub(super) fn mode(pipe: bool, pty: bool) -> Option<Mode> {
    let all_tty = || {
        [
            rustix::stdio::stdin(),
            rustix::stdio::stdout(),
            rustix::stdio::stderr(),
        ]
        .into_iter()
        .all(rustix::termios::isatty)
    };
    match (pipe, pty) {
        (false, false) => None,
        (true, false) => Some(Mode::Pipe),
        (false, true) => Some(Mode::Pty),
        (true, true) => Some(if all_tty() { Mode::Pty } else { Mode::Pipe }),
    }
}

/// A terminal relay in progress (nothing to do for `--pipe`).
pub(super) struct Attached {
    relay: Option<Relay>,
}

struct Relay {
    /// The terminal settings to restore (None when stdin is not a terminal).
    saved: Option<rustix::termios::Termios>,
    /// Ends when the pseudo-terminal has no other side left (the service is gone).
    output: std::sync::mpsc::Receiver<()>,
}

fn attach_call(
    client: &mut linger_ipc::Client,
    unit: &str,
    tty: bool,
    fds: [BorrowedFd<'_>; 3],
) -> Result<(), String> {
    let req = AttachStdioRequest {
        unit: unit.to_string(),
        tty,
    };
    client
        .call_with_fds(
            method::ATTACH_STDIO,
            serde_json::to_value(req).unwrap_or_default(),
            &fds,
        )
        .map(drop)
        .map_err(|e| format!("Failed to hand the standard streams to the manager: {e}"))
}

/// Hand the streams for `unit` to the manager (before its start job).
pub(super) fn attach(
    client: &mut linger_ipc::Client,
    unit: &str,
    mode: Mode,
) -> Result<Attached, String> {
    match mode {
        Mode::Pipe => {
            attach_call(
                client,
                unit,
                false,
                [
                    rustix::stdio::stdin(),
                    rustix::stdio::stdout(),
                    rustix::stdio::stderr(),
                ],
            )?;
            Ok(Attached { relay: None })
        }
        Mode::Pty => {
            let (master, slave) = open_pty()?;
            attach_call(
                client,
                unit,
                true,
                [slave.as_fd(), slave.as_fd(), slave.as_fd()],
            )?;
            // Only the service (and the manager, until the unit is gone) keep the other side:
            // when they are done, reading the master ends.
            drop(slave);
            Ok(Attached {
                relay: Some(relay(master)?),
            })
        }
    }
}

/// A new pseudo-terminal, sized like ours: (master, slave).
fn open_pty() -> Result<(OwnedFd, OwnedFd), String> {
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    let err = |what: &str, e: rustix::io::Errno| format!("Failed to {what} a pseudo-terminal: {e}");
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)
        .map_err(|e| err("open", e))?;
    grantpt(&master).map_err(|e| err("grant", e))?;
    unlockpt(&master).map_err(|e| err("unlock", e))?;
    let name = ptsname(&master, Vec::new()).map_err(|e| err("name", e))?;
    let slave = rustix::fs::open(
        name.as_c_str(),
        rustix::fs::OFlags::RDWR | rustix::fs::OFlags::NOCTTY | rustix::fs::OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    )
    .map_err(|e| err("open the other side of", e))?;
    if let Ok(size) = rustix::termios::tcgetwinsize(rustix::stdio::stdin()) {
        let _ = rustix::termios::tcsetwinsize(&slave, size);
    }
    Ok((master, slave))
}

/// Relay our terminal and the pseudo-terminal both ways, ours in raw mode (the service's
/// terminal does the line editing and turns ^C into SIGINT for it).
fn relay(master: OwnedFd) -> Result<Relay, String> {
    let stdin = rustix::stdio::stdin();
    let saved = rustix::termios::tcgetattr(stdin).ok();
    if let Some(t) = &saved {
        let mut raw = t.clone();
        raw.make_raw();
        let _ = rustix::termios::tcsetattr(stdin, rustix::termios::OptionalActions::Now, &raw);
    }
    let mut from_master = std::fs::File::from(
        master
            .try_clone()
            .map_err(|e| format!("Failed to duplicate the pseudo-terminal: {e}"))?,
    );
    let mut to_master = std::fs::File::from(master);
    let (done, output) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        let mut out = std::io::stdout().lock();
        // EIO once no process has the other side open any more.
        while let Ok(n) = from_master.read(&mut buf) {
            if n == 0 || out.write_all(&buf[..n]).and_then(|()| out.flush()).is_err() {
                break;
            }
        }
        let _ = done.send(());
    });
    // Input: a detached thread; it ends with this process.
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        let mut input = std::io::stdin().lock();
        while let Ok(n) = input.read(&mut buf) {
            if n == 0 || to_master.write_all(&buf[..n]).is_err() {
                break;
            }
        }
    });
    Ok(Relay { saved, output })
}

impl Attached {
    /// The service ended: let the last output through, and give the terminal back.
    pub(super) fn finish(self) {
        if let Some(r) = self.relay {
            // The manager lets go of the other side as the unit goes; bounded all the same.
            let _ = r.output.recv_timeout(Duration::from_secs(2));
            if let Some(t) = &r.saved {
                let _ = rustix::termios::tcsetattr(
                    rustix::stdio::stdin(),
                    rustix::termios::OptionalActions::Now,
                    t,
                );
            }
        }
    }
}
