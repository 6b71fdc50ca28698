//! Capture from real processes: pipes through LineSplitter into the writer.

use std::io::Read;
use std::process::{Command, Stdio};

use linger_journal::capture::{LineSplitter, native, syslog};
use linger_journal::{Entry, Query};

use super::support::*;

fn stream_fields(unit: &str, pid: u32) -> Vec<(String, Vec<u8>)> {
    vec![
        ("_PID".into(), pid.to_string().into_bytes()),
        ("_SYSTEMD_USER_UNIT".into(), unit.as_bytes().to_vec()),
        ("SYSLOG_IDENTIFIER".into(), b"test".to_vec()),
        ("_TRANSPORT".into(), b"stdout".to_vec()),
    ]
}

/// Runs `cmd`, feeding its stdout (in small reads) through a splitter into `unit`'s stream.
fn capture(
    w: &linger_journal::WriterHandle,
    unit: &str,
    cmd: &mut Command,
    stderr_prio: Option<u8>,
) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(if stderr_prio.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    let stream = w.stream(stream_fields(unit, child.id()));
    let err_thread = child.stderr.take().map(|mut err| {
        let sub = w.submitter();
        let stream = stream.clone();
        let prio = stderr_prio.unwrap_or(3);
        std::thread::spawn(move || {
            let mut s = LineSplitter::new().default_priority(prio);
            let mut buf = [0u8; 512];
            while let Ok(n) = err.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.feed(&buf[..n], &mut |l| {
                    assert!(sub.submit_line(&stream, l.priority, l.message))
                });
            }
            s.finish(&mut |l| assert!(sub.submit_line(&stream, l.priority, l.message)));
        })
    });
    let mut out = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let mut s = LineSplitter::new();
    let mut buf = [0u8; 1000];
    loop {
        let n = out.read(&mut buf).unwrap_or_else(|e| panic!("read: {e}"));
        if n == 0 {
            break;
        }
        s.feed(&buf[..n], &mut |l| {
            assert!(w.submit_line(&stream, l.priority, l.message))
        });
    }
    s.finish(&mut |l| assert!(w.submit_line(&stream, l.priority, l.message)));
    if let Some(t) = err_thread {
        let _ = t.join();
    }
    let _ = child.wait();
    w.flush().unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn shell_loop_lines_and_prefixes() {
    let tmp = tmpdir();
    let w = writer(tmp.path());
    capture(
        &w,
        "sh.service",
        Command::new("sh").args(["-c", "i=0; while [ $i -lt 500 ]; do echo \"line $i\"; i=$((i+1)); done; printf '<3>error line\\n<7>debug\\n<13>not a level\\npartial-no-newline'"]),
        None,
    );
    let j = linger_journal::Journal::open_directory(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let got = j
        .entries(&Query {
            units: vec!["sh".into()],
            ..Default::default()
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.len(), 504);
    for (i, e) in got.iter().take(500).enumerate() {
        assert_eq!(e.field_str("MESSAGE"), Some(format!("line {i}").as_str()));
        assert_eq!(e.priority(), Some(6));
    }
    let tail: Vec<(Option<u8>, Option<&str>)> = got[500..]
        .iter()
        .map(|e| (e.priority(), e.field_str("MESSAGE")))
        .collect();
    assert_eq!(
        tail,
        [
            (Some(3), Some("error line")),
            (Some(7), Some("debug")),
            (Some(6), Some("<13>not a level")),
            (Some(6), Some("partial-no-newline"))
        ]
    );
    assert!(
        got.iter()
            .all(|e| e.unit() == Some("sh.service") && e.field_str("_TRANSPORT") == Some("stdout"))
    );
}

#[test]
fn python_partial_long_and_stderr() {
    if Command::new("python3")
        .arg("-c")
        .arg("pass")
        .status()
        .map(|s| !s.success())
        .unwrap_or(true)
    {
        println!("skipped: python3 not available");
        return;
    }
    let tmp = tmpdir();
    let w = writer(tmp.path());
    let script = r#"
import sys, time
w = sys.stdout.write
w("par"); sys.stdout.flush(); time.sleep(0.05)
w("tial\n<3>boom\n"); sys.stdout.flush()
sys.stderr.write("to stderr\n<5>notice on stderr\n"); sys.stderr.flush()
w("x" * 100000 + "\n")
w("\n")
w("utf8: caf\u00e9\n")
w("tail without newline")
"#;
    capture(
        &w,
        "py.service",
        Command::new("python3").args(["-c", script]),
        Some(3),
    );
    let got = messages(
        tmp.path(),
        &Query {
            units: vec!["py.service".into()],
            matches: vec!["PRIORITY=6".into()],
            ..Default::default()
        },
    );
    let lens: Vec<usize> = got.iter().map(String::len).collect();
    assert_eq!(got[0], "partial");
    assert_eq!(
        lens[1..4],
        [49152, 49152, 100_000 - 2 * 49152],
        "long line split at LINE_MAX"
    );
    assert_eq!(got[4..], ["", "utf8: café", "tail without newline"]);
    let errs = messages(
        tmp.path(),
        &Query {
            units: vec!["py.service".into()],
            priority: Some((0, 5)),
            ..Default::default()
        },
    );
    assert_eq!(errs.len(), 3, "{errs:?}");
    assert!(
        errs.contains(&"boom".to_owned())
            && errs.contains(&"to stderr".to_owned())
            && errs.contains(&"notice on stderr".to_owned())
    );
    let err3 = messages(
        tmp.path(),
        &Query {
            units: vec!["py.service".into()],
            priority: Some((3, 3)),
            ..Default::default()
        },
    );
    assert_eq!(
        err3.len(),
        2,
        "stderr defaults to err, <3> sets err: {err3:?}"
    );
}

#[test]
fn native_and_syslog_datagrams() {
    let tmp = tmpdir();
    let w = writer(tmp.path());
    let mut d = b"MESSAGE=native hello\nPRIORITY=4\nCODE_LINE=12\n_PID=999\n".to_vec();
    d.extend_from_slice(b"BINARY\n");
    d.extend_from_slice(&3u64.to_le_bytes());
    d.extend_from_slice(b"a\0b\n");
    let mut e = Entry {
        fields: native::parse_datagram(&d).unwrap_or_else(|e| panic!("{e}")),
        ..Default::default()
    };
    e.push("_PID", "77")
        .push("_SYSTEMD_USER_UNIT", "n.service")
        .push("_TRANSPORT", "journal");
    assert!(w.submit(e));
    let mut e = Entry {
        fields: syslog::parse(b"<11>Nov 14 22:13:20 web[42]: syslog boom\n").to_fields(),
        ..Default::default()
    };
    e.push("_SYSTEMD_USER_UNIT", "n.service")
        .push("_TRANSPORT", "syslog");
    assert!(w.submit(e));
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    let j = linger_journal::Journal::open_directory(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let got = j
        .entries(&Query {
            units: vec!["n".into()],
            ..Default::default()
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].field("BINARY"), Some(&b"a\0b"[..]));
    assert_eq!(got[0].pid(), Some(77), "a client's _PID is not trusted");
    assert_eq!(got[0].priority(), Some(4));
    assert_eq!(got[1].field_str("SYSLOG_IDENTIFIER"), Some("web"));
    assert_eq!(got[1].field_str("SYSLOG_PID"), Some("42"));
    assert_eq!(got[1].priority(), Some(3));
    assert_eq!(got[1].field_str("MESSAGE"), Some("syslog boom"));
}
