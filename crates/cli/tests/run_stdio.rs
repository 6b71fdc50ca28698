//! `systemd-run --user --pipe` and `--pty` (`linger run`): the transient service runs under
//! the user manager, yet reads this command's input and writes to its output (`--pipe`, in a
//! shell pipeline), or talks to this command's terminal through a pseudo-terminal it controls
//! (`--pty`, for interactive programs: line editing, ^C).

use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::process::Stdio;
use std::time::{Duration, Instant};

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

#[test]
fn pipe_puts_the_service_in_a_shell_pipeline() {
    let mut m = Manager::new(BIN);
    m.start();
    let mut child = m
        .linger_command(&[
            "run",
            "--pipe",
            "--quiet",
            "sh",
            "-c",
            "tr a-z A-Z; echo to-stderr >&2; echo \"manager=$MANAGERPID\"; exit 3",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"one\ntwo\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("ONE\nTWO\n"), "{stdout}");
    // It ran as a service of the manager, not as our child.
    assert!(
        stdout.contains(&format!("manager={}", m.pid().unwrap())),
        "{stdout}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "to-stderr\n");
    assert_eq!(out.status.code(), Some(3), "the service's exit status");
    // Without --quiet the summary follows, as with --wait.
    let out = m
        .linger_command(&["run", "-P", "true"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Running as unit: run-"), "{err}");
    assert!(err.contains("Finished with result: success"), "{err}");
    assert_eq!(out.status.code(), Some(0));
    // A start that fails lets go of our pipe: the pipeline ends, with an error.
    let mut child = m
        .linger_command(&[
            "run",
            "--pipe",
            "-p",
            "Requires=missing.service",
            "-p",
            "After=missing.service",
            "/bin/echo",
            "never",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut text = String::new();
    // EOF comes only once nobody (the manager included) holds the pipe's write end.
    stdout.read_to_string(&mut text).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(text, "");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = m.linger(&["run", "--pipe", "--scope", "true"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("not compatible in --scope mode"),
        "{}",
        r.stderr
    );
    m.shutdown();
}

/// A pseudo-terminal standing in for the user's terminal: (master, slave).
fn terminal() -> (std::fs::File, OwnedFd) {
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    let name = ptsname(&master, Vec::new()).unwrap();
    let slave = rustix::fs::open(
        name.as_c_str(),
        rustix::fs::OFlags::RDWR | rustix::fs::OFlags::NOCTTY | rustix::fs::OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    )
    .unwrap();
    (std::fs::File::from(master), slave)
}

/// Read the terminal until `needle` shows up (bounded); everything read so far.
fn read_until(term: &mut std::fs::File, seen: &mut String, needle: &str) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut buf = [0u8; 1024];
    while !seen.contains(needle) {
        if Instant::now() > deadline {
            return false;
        }
        let mut p = [rustix::event::PollFd::new(
            &*term,
            rustix::event::PollFlags::IN,
        )];
        let t = rustix::time::Timespec {
            tv_sec: 0,
            tv_nsec: 50_000_000,
        };
        if rustix::event::poll(&mut p, Some(&t)).unwrap_or(0) == 0 {
            continue;
        }
        match term.read(&mut buf) {
            Ok(n) if n > 0 => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
            _ => return false,
        }
    }
    true
}

#[test]
fn pty_gives_the_service_a_controlling_terminal_relayed_to_ours() {
    let mut m = Manager::new(BIN);
    m.start();
    let (mut term, slave) = terminal();
    let mut child = m
        .linger_command(&[
            "run",
            "--pty",
            "sh",
            "-c",
            "ps -o tty=,stat= -p $$; printf 'name? '; read name; echo \"hi $name\"; exec sleep 100",
        ])
        .stdin(slave.try_clone().unwrap())
        .stdout(slave.try_clone().unwrap())
        .stderr(slave)
        .spawn()
        .unwrap();
    let mut seen = String::new();
    assert!(read_until(&mut term, &mut seen, "name? "), "{seen}");
    // Its own terminal, as session leader (`s`) and in the foreground process group of its
    // controlling terminal (`+`). Other STAT letters vary with how the suite runs (`N` under
    // nice, `<` under a raised priority), so only these two are asserted.
    let line = seen
        .lines()
        .find(|l| l.contains("pts/"))
        .unwrap_or_else(|| panic!("no tty line in {seen:?}"));
    let stat = line.split_whitespace().nth(1).unwrap_or_default();
    assert!(stat.contains('s') && stat.ends_with('+'), "{line}");
    // Typed input goes through the service's terminal (echoed there, line-edited).
    term.write_all(b"world\r").unwrap();
    assert!(read_until(&mut term, &mut seen, "hi world"), "{seen}");
    // ^C is the terminal's: SIGINT to the service's foreground process group.
    term.write_all(b"\x03").unwrap();
    let ok = read_until(&mut term, &mut seen, "Finished with result");
    if !ok {
        let st = m.systemctl(&["list-units", "--all", "run-*"]).stdout;
        let ps = std::process::Command::new("ps")
            .args(["-eo", "pid,ppid,pgid,sid,tty,stat,cmd"])
            .output()
            .unwrap();
        panic!(
            "{seen}\n{st}\n{}",
            String::from_utf8_lossy(&ps.stdout)
                .lines()
                .filter(|l| l.contains("sleep 100") || l.contains("pts") || l.contains("defunct"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    let status = child.wait().unwrap();
    assert!(seen.contains("code=killed/status=INT"), "{seen}");
    // SIGINT is one of a service's clean exit signals (systemd.service): success, exit 0.
    assert!(seen.contains("Finished with result: success"), "{seen}");
    assert_eq!(status.code(), Some(0), "{seen}");
    m.shutdown();
}
