//! A pager like systemd's: only when stdout is a terminal and `--no-pager` was not given;
//! `$SYSTEMD_PAGER`, else `$PAGER` (run by `sh -c`; empty or `cat` means none), else `less`,
//! else `more`; `less` gets `$LESS` from `$SYSTEMD_LESS` (default `FRSXMK`: quit if one
//! screen, raw colours, chop long lines, no init, long prompt, quit on ^C) and `+G` for
//! `journalctl -e`. Our stdout (and stderr, when it is the same terminal) become the pager's
//! input; dropping the [`Pager`] ends the input and waits for the pager to quit.

use std::io::{IsTerminal, Write};
use std::os::fd::OwnedFd;
use std::process::{Child, Command, Stdio};

/// A running pager, and our stdout/stderr as they were before it took them.
#[derive(Debug)]
pub struct Pager {
    child: Child,
    stdout: OwnedFd,
    stderr: Option<OwnedFd>,
}

/// The pager command line: (program, args), or None for no pager.
fn command(jump_to_end: bool) -> Option<Command> {
    let from_env = std::env::var("SYSTEMD_PAGER")
        .ok()
        .or_else(|| std::env::var("PAGER").ok());
    let mut cmd = match from_env.as_deref().map(str::trim) {
        Some("" | "cat") => return None,
        Some(line) => {
            let mut c = Command::new("/bin/sh");
            c.arg("-c").arg(line);
            c
        }
        None => {
            let path = std::env::var("PATH").unwrap_or_else(|_| "/usr/bin:/bin".into());
            let found = ["less", "more"].into_iter().find(|p| {
                path.split(':')
                    .any(|d| std::path::Path::new(d).join(p).is_file())
            })?;
            let mut c = Command::new(found);
            if found == "less" && jump_to_end {
                c.arg("+G");
            }
            c
        }
    };
    let less = std::env::var("SYSTEMD_LESS").unwrap_or_else(|_| "FRSXMK".into());
    cmd.env("LESS", less);
    if std::env::var_os("LESSCHARSET").is_none() {
        cmd.env("LESSCHARSET", "utf-8");
    }
    Some(cmd)
}

/// Start a pager if one is wanted; None means print as usual.
pub fn start(no_pager: bool, jump_to_end: bool) -> Option<Pager> {
    super::term::init();
    if no_pager || !super::term::stdout_is_tty() {
        return None;
    }
    let mut cmd = command(jump_to_end)?;
    let saved_stdout = rustix::io::dup(std::io::stdout()).ok()?;
    let mut child = cmd.stdin(Stdio::piped()).spawn().ok()?;
    let input: OwnedFd = child.stdin.take()?.into();
    let _ = std::io::stdout().flush();
    if rustix::stdio::dup2_stdout(&input).is_err() {
        drop(input);
        let _ = child.wait();
        return None;
    }
    // Messages printed meanwhile go through the pager too, not under its screen.
    let saved_stderr = if std::io::stderr().is_terminal() {
        rustix::io::dup(std::io::stderr())
            .ok()
            .filter(|_| rustix::stdio::dup2_stderr(&input).is_ok())
    } else {
        None
    };
    Some(Pager {
        child,
        stdout: saved_stdout,
        stderr: saved_stderr,
    })
}

impl Drop for Pager {
    fn drop(&mut self) {
        let _ = std::io::stdout().flush();
        // Our ends of the pipe are fds 1 (and 2): giving them back their terminal ends the
        // pager's input.
        let _ = rustix::stdio::dup2_stdout(&self.stdout);
        if let Some(e) = &self.stderr {
            let _ = rustix::stdio::dup2_stderr(e);
        }
        let _ = self.child.wait();
    }
}
