//! The init-system scripts in `contrib/` (OpenRC, runit, sysvinit): each parses with `sh -n`
//! and runs `/usr/bin/linger daemon --system`; as root the sysvinit script is also run for
//! real (start, status, reload, stop) on temp paths through its environment overrides.
#![allow(clippy::print_stderr)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{alive, linger_bin, root_or_skip};

fn contrib() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contrib")
}

const SCRIPTS: [&str; 3] = [
    "openrc/linger-login",
    "runit/linger-login/run",
    "sysvinit/linger-login",
];

#[test]
fn init_scripts_parse_and_run_the_system_daemon() {
    let mut problems = Vec::new();
    for s in SCRIPTS {
        let path = contrib().join(s);
        let Ok(text) = std::fs::read_to_string(&path) else {
            problems.push(format!("{s}: missing"));
            continue;
        };
        for shell in ["sh", "dash", "bash"] {
            let Ok(out) = Command::new(shell).arg("-n").arg(&path).output() else {
                continue; // that shell is not installed
            };
            if !out.status.success() {
                problems.push(format!(
                    "{s}: {shell} -n: {}",
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
        if !(text.contains("/usr/bin/linger") && text.contains("daemon --system")) {
            problems.push(format!("{s}: does not run /usr/bin/linger daemon --system"));
        }
        if !text.contains("524288") {
            problems.push(format!("{s}: does not raise the open-files limit"));
        }
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).map_or(0, |m| m.permissions().mode());
        if mode & 0o111 == 0 {
            problems.push(format!("{s}: not executable ({mode:o})"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn sysvinit_script_starts_reports_reloads_and_stops_the_daemon() {
    if !root_or_skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let script = contrib().join("sysvinit/linger-login");
    let args = format!(
        "--socket {0}/sock --linger-dir {0}/linger --config-dir {0}/conf --runtime-dir {0}/run \
         --state-dir {0}/state --ignore-systemd --no-cgroups --no-journal-sockets",
        d.display()
    );
    let run = |verb: &str| {
        let out = Command::new(&script)
            .arg(verb)
            .env("DAEMON", linger_bin().unwrap())
            .env("DAEMON_ARGS", &args)
            .env("PIDFILE", d.join("pid"))
            .env("LOGFILE", d.join("log"))
            .env("SOCKET", d.join("sock"))
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr),
        )
    };
    let log = || std::fs::read_to_string(d.join("log")).unwrap_or_default();
    assert_eq!(run("status").0, 3, "not running yet");
    let (code, out) = run("start");
    assert_eq!(code, 0, "start: {out}\nlog:\n{}", log());
    assert!(d.join("sock").exists(), "no socket after start: {out}");
    let pid: u32 = std::fs::read_to_string(d.join("pid"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    // The open-files limit the script sets: the daemon's soft limit is its hard one.
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).unwrap_or_default();
    let nofile: Vec<&str> = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .map(|l| l.split_whitespace().skip(3).take(2).collect())
        .unwrap_or_default();
    assert!(
        nofile.len() == 2 && nofile[0] == nofile[1] && nofile[0] != "1024",
        "open files of the daemon the script started: {nofile:?}"
    );
    let (code, out) = run("status");
    assert_eq!(code, 0, "status: {out}");
    assert!(out.contains(&format!("running (pid {pid})")), "{out}");
    assert_eq!(
        run("start"),
        (0, "linger-login is already running.\n".into())
    );
    assert_eq!(run("reload").0, 0);
    let reloaded = common::wait_until(std::time::Duration::from_secs(5), || {
        log().contains("configuration reloaded")
    });
    let (code, out) = run("stop");
    assert_eq!(code, 0, "stop: {out}");
    assert!(!alive(pid), "daemon still running after stop");
    assert!(!d.join("pid").exists());
    assert_eq!(run("status").0, 3);
    assert_eq!(run("reload").0, 7, "reload when stopped");
    assert!(reloaded, "SIGHUP not seen; log:\n{}", log());
    assert!(log().contains("stopped"), "log:\n{}", log());
}
