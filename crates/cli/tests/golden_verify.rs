//! `systemd-analyze verify FILE…` against systemd 252's own `systemd-analyze --user verify`:
//! the verdict (exit code) and the lines it warns about are the same; the wording is not, on
//! purpose — linger's messages name the file and line, the directive and what it expects
//! (docs/ARCHITECTURE.md, "verify's messages"). Recorded from systemd 252 (Debian 252.39); run
//! afresh when its binary is installed (CI installs it).

#![allow(clippy::print_stderr)] // "skipped:" lines

use std::path::Path;

use linger_test_support::{Manager, Run, ensure_program};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

/// (file name, text, systemd 252's exit code, the lines it warns about).
const CASES: &[(&str, &str, i32, &[usize])] = &[
    (
        "fine.service",
        "[Unit]\nDescription=Fine\n[Service]\nExecStart=/bin/true\n",
        0,
        &[],
    ),
    (
        "values.service",
        "[Service]\nExecStart=/bin/true\nRestart=sometimes\nNice=abc\n[Unit]\nFoo=bar\n",
        0,
        &[3, 4, 6],
    ),
    (
        "section.service",
        "[Service]\nExecStart=/bin/true\n[Bogus]\nA=1\n",
        0,
        &[3],
    ),
    (
        "relative.service",
        "[Service]\nExecStart=relative\n",
        1,
        &[],
    ),
    ("noexec.service", "[Unit]\nDescription=x\n", 1, &[]),
    (
        "req.service",
        "[Unit]\nRequires=missing-x.service\nWants=missing-y.service\n[Service]\nExecStart=/bin/true\n",
        1,
        &[],
    ),
    // linger's own lints (inline comment, network.target in a user unit) warn, never refuse.
    (
        "lint.service",
        "[Unit]\nAfter=network.target\n[Service]\nExecStart=/bin/true # comment\n",
        0,
        &[],
    ),
    (
        "cal.timer",
        "[Timer]\nOnCalendar=bogus\nOnActiveSec=5\n",
        0,
        &[2],
    ),
];

/// The line numbers of `path:N: … ignoring` messages: the settings a verifier skipped.
fn warned_lines(stderr: &str, path: &Path) -> Vec<usize> {
    let prefix = format!("{}:", path.display());
    let mut lines: Vec<usize> = stderr
        .lines()
        .filter(|l| l.to_ascii_lowercase().contains("ignoring"))
        .filter_map(|l| l.strip_prefix(&prefix))
        .filter_map(|rest| rest.split(':').next()?.parse().ok())
        .collect();
    lines.sort_unstable();
    lines.dedup();
    lines
}

fn systemd_analyze(m: &Manager, args: &[&str]) -> Run {
    Run::of(
        m.program_command("/usr/bin/systemd-analyze", args)
            .output()
            .unwrap(),
    )
}

#[test]
fn verify_verdicts_and_warned_lines_are_systemds() {
    let m = Manager::new(BIN);
    let dir = m.dir.path().join("verify");
    std::fs::create_dir_all(&dir).unwrap();
    let live = match ensure_program("/usr/bin/systemd-analyze", "systemd") {
        Ok(()) => true,
        Err(why) => {
            eprintln!("skipped the live comparison: {why}");
            false
        }
    };
    for (name, text, code, lines) in CASES {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let arg = path.display().to_string();
        let ours = Run::of(
            m.tool("systemd-analyze", &["verify", &arg])
                .output()
                .unwrap(),
        );
        let verdict = (ours.code, warned_lines(&ours.stderr, &path));
        assert_eq!(verdict, (*code, lines.to_vec()), "{name}: {}", ours.stderr);
        if live {
            let theirs = systemd_analyze(&m, &["--user", "verify", &arg]);
            assert_eq!(
                verdict,
                (theirs.code, warned_lines(&theirs.stderr, &path)),
                "{name}: linger said\n{}systemd said\n{}",
                ours.stderr,
                theirs.stderr
            );
        }
    }
    // Several files: failing if any fails, as systemd-analyze.
    let all: Vec<String> = ["fine.service", "relative.service"]
        .iter()
        .map(|n| dir.join(n).display().to_string())
        .collect();
    let args: Vec<&str> = std::iter::once("verify")
        .chain(all.iter().map(String::as_str))
        .collect();
    let ours = Run::of(m.tool("systemd-analyze", &args).output().unwrap());
    assert_eq!(ours.code, 1, "{}", ours.stderr);
}
