//! journalctl 252 as the oracle: our `-o export` output is imported with
//! systemd-journal-remote, and journalctl's output for that file must equal ours.

use std::path::Path;
use std::process::Command;

use linger_journal::Entry;
use linger_journal::output::{OutputMode, OutputOptions, Printer};

use super::support::*;

const REMOTE: &str = "/lib/systemd/systemd-journal-remote";

fn sample_entries() -> Vec<Entry> {
    let boot1 = [0x01; 16];
    let boot2 = [0xfe; 16];
    let f = |fields: &[(&str, &[u8])]| {
        fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.to_vec()))
            .collect::<Vec<_>>()
    };
    let base: &[(&str, &[u8])] = &[
        ("PRIORITY", b"6"),
        ("SYSLOG_IDENTIFIER", b"app"),
        ("_PID", b"42"),
        ("_HOSTNAME", b"host1"),
        ("_SYSTEMD_USER_UNIT", b"app.service"),
    ];
    let msgs: Vec<Vec<u8>> = vec![
        b"plain message".to_vec(),
        b"tab\there".to_vec(),
        b"line1\nline2\nline3".to_vec(),
        b"trailing newline\n".to_vec(),
        b"esc\x1b[31mred\x1b[0m".to_vec(),
        "caf\u{e9} \u{200b}zw".as_bytes().to_vec(),
        b"bad\xffutf8".to_vec(),
        b"cr\rhere".to_vec(),
        b"del\x7fx".to_vec(),
        "c1\u{85}x".as_bytes().to_vec(),
        b"quote\"back\\slash".to_vec(),
        Vec::new(),
        vec![b'x'; 4096],
        vec![b'y'; 4097],
        b"  leading spaces".to_vec(),
    ];
    let mut out = Vec::new();
    let mut rt = 1_699_999_000_123_456u64;
    for (i, m) in msgs.into_iter().enumerate() {
        let mut fields = f(base);
        fields.push(("MESSAGE".into(), m));
        if i == 2 {
            fields.push(("EXTRA".into(), b"a\nb".to_vec()));
        }
        if i == 3 {
            fields.push(("FOO".into(), b"one".to_vec()));
            fields.push(("FOO".into(), b"two".to_vec()));
        }
        if i == 6 {
            fields.push(("BIN".into(), vec![0, 1, 2, 255]));
        }
        out.push(Entry {
            realtime_usec: rt,
            monotonic_usec: 5_000_000 + i as u64 * 1_234_567,
            boot_id: boot1,
            seqnum: 0,
            fields,
        });
        rt += 1_000_003;
    }
    let extra: Vec<Vec<(String, Vec<u8>)>> = vec![
        f(&[("MESSAGE", b"no identifier, no pid")]),
        f(&[
            ("MESSAGE", b"comm only"),
            ("_COMM", b"daemon"),
            ("SYSLOG_PID", b"99"),
        ]),
        f(&[
            ("MESSAGE", b"both pids"),
            ("SYSLOG_IDENTIFIER", b"t"),
            ("_PID", b"5"),
            ("SYSLOG_PID", b"99"),
        ]),
        f(&[
            ("MESSAGE", b"source time"),
            ("_SOURCE_REALTIME_TIMESTAMP", b"1600000000654321"),
            ("_COMM", b"c"),
            ("_HOSTNAME", b"h2"),
        ]),
        f(&[("PRIORITY", b"3"), ("SYSLOG_IDENTIFIER", b"nomsg")]),
        f(&[
            ("MESSAGE", b"second boot"),
            ("SYSLOG_IDENTIFIER", b"app"),
            ("_HOSTNAME", b"host1"),
        ]),
        f(&[
            ("MESSAGE", b"multi\nline\n"),
            ("SYSLOG_IDENTIFIER", b"app"),
            ("CODE_LINE", b"17"),
        ]),
    ];
    for (i, fields) in extra.into_iter().enumerate() {
        let boot = if i >= 5 { boot2 } else { boot1 };
        out.push(Entry {
            realtime_usec: rt,
            monotonic_usec: 1_000_000 + i as u64 * 7,
            boot_id: boot,
            seqnum: 0,
            fields,
        });
        rt += 2_500_000;
    }
    out
}

fn ours(dir: &Path, mode: OutputMode) -> Vec<u8> {
    let j = linger_journal::Journal::open_directory(dir).unwrap_or_else(|e| panic!("{e}"));
    let mut p = Printer::with_time_zone(
        OutputOptions {
            mode,
            ..Default::default()
        },
        jiff::tz::TimeZone::UTC,
    );
    let mut out = Vec::new();
    j.run(&linger_journal::Query::default(), &mut |e| {
        p.print(e, &mut out).unwrap_or_else(|e| panic!("{e}"));
        std::ops::ControlFlow::Continue(())
    })
    .unwrap_or_else(|e| panic!("{e}"));
    out
}

fn theirs(file: &Path, mode: &str) -> Vec<u8> {
    let o = Command::new("journalctl")
        .args(["--file", &file.to_string_lossy(), "-o", mode, "--no-pager"])
        .env("TZ", "UTC")
        .env("SYSTEMD_COLORS", "0")
        .output()
        .unwrap_or_else(|e| panic!("journalctl: {e}"));
    assert!(
        o.status.success(),
        "journalctl -o {mode}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

/// Export format → entries of (name, value), without __CURSOR, sorted.
fn parse_export(mut d: &[u8]) -> Vec<Vec<(String, Vec<u8>)>> {
    let mut entries = Vec::new();
    let mut cur = Vec::new();
    while !d.is_empty() {
        let nl = d.iter().position(|&b| b == b'\n').unwrap_or(d.len());
        let line = &d[..nl];
        if line.is_empty() {
            cur.sort();
            entries.push(std::mem::take(&mut cur));
            d = &d[(nl + 1).min(d.len())..];
            continue;
        }
        if let Some(eq) = line.iter().position(|&b| b == b'=') {
            let name = String::from_utf8_lossy(&line[..eq]).into_owned();
            if name != "__CURSOR" {
                cur.push((name, line[eq + 1..].to_vec()));
            }
            d = &d[(nl + 1).min(d.len())..];
        } else {
            let name = String::from_utf8_lossy(line).into_owned();
            let len = u64::from_le_bytes(d[nl + 1..nl + 9].try_into().unwrap_or_default()) as usize;
            cur.push((name, d[nl + 9..nl + 9 + len].to_vec()));
            d = &d[nl + 9 + len + 1..];
        }
    }
    entries
}

/// Verbose output → per entry: header without the cursor, field blocks sorted.
fn normalize_verbose(d: &[u8]) -> Vec<(String, Vec<String>)> {
    let text = String::from_utf8_lossy(d);
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if !line.starts_with(' ') {
            let head = line.split(" [").next().unwrap_or("").to_owned();
            out.push((head, Vec::new()));
        } else if line.starts_with("    ") && !line.starts_with("     ") {
            if let Some(e) = out.last_mut() {
                e.1.push(line.to_owned());
            }
        } else if let Some(last) = out.last_mut().and_then(|e| e.1.last_mut()) {
            last.push('\n');
            last.push_str(line);
        }
    }
    for e in &mut out {
        e.1.sort();
    }
    out
}

fn json_values(d: &[u8]) -> Vec<serde_json::Value> {
    serde_json::Deserializer::from_slice(d)
        .into_iter::<serde_json::Value>()
        .map(|v| {
            let mut v = v.unwrap_or_else(|e| panic!("bad json: {e}"));
            if let Some(o) = v.as_object_mut() {
                o.remove("__CURSOR");
            }
            v
        })
        .collect()
}

#[test]
fn output_matches_journalctl() {
    if !Path::new(REMOTE).exists()
        || Command::new("journalctl")
            .arg("--version")
            .output()
            .is_err()
    {
        println!(
            "skipped: {REMOTE} or journalctl not installed (apt-get install systemd-journal-remote)"
        );
        return;
    }
    let tmp = tmpdir();
    let dir = tmp.path().join("j");
    {
        let w = writer(&dir);
        for e in sample_entries() {
            assert!(w.submit(e));
        }
    }
    let export = ours(&dir, OutputMode::Export);
    let export_path = tmp.path().join("in.export");
    std::fs::write(&export_path, &export).unwrap_or_else(|e| panic!("{e}"));
    let jfile = tmp.path().join("ref.journal");
    let st = Command::new(REMOTE)
        .args([
            "--split-mode=none",
            "-o",
            &jfile.to_string_lossy(),
            &export_path.to_string_lossy(),
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        st.status.success(),
        "journal-remote rejected our export: {}",
        String::from_utf8_lossy(&st.stderr)
    );

    let mut mismatches = Vec::new();
    for mode in [
        "short",
        "short-iso",
        "short-iso-precise",
        "short-precise",
        "short-monotonic",
        "short-unix",
        "short-full",
        "cat",
    ] {
        let m: OutputMode = mode.parse().unwrap_or_default();
        let (a, b) = (ours(&dir, m), theirs(&jfile, mode));
        if a != b {
            mismatches.push(format!(
                "-o {mode}:\n--- ours\n{}\n--- journalctl\n{}",
                String::from_utf8_lossy(&a),
                String::from_utf8_lossy(&b)
            ));
        }
    }
    for mode in ["json", "json-pretty"] {
        let m: OutputMode = mode.parse().unwrap_or_default();
        let (a, b) = (ours(&dir, m), theirs(&jfile, mode));
        let (va, vb) = (json_values(&a), json_values(&b));
        if va != vb {
            for (x, y) in va.iter().zip(&vb) {
                if x != y {
                    mismatches.push(format!("-o {mode}:\n  ours:       {x}\n  journalctl: {y}"));
                }
            }
            if va.len() != vb.len() {
                mismatches.push(format!("-o {mode}: {} vs {} objects", va.len(), vb.len()));
            }
        }
        let compact = mode == "json";
        let first = String::from_utf8_lossy(&a)
            .lines()
            .next()
            .unwrap_or("")
            .to_owned();
        if compact && !first.starts_with("{\"__CURSOR\":\"s=") {
            mismatches.push(format!("json is not compact: {first}"));
        }
    }
    let (ea, eb) = (
        parse_export(&export),
        parse_export(&theirs(&jfile, "export")),
    );
    if ea != eb {
        mismatches.push(format!(
            "-o export:\n  ours:       {ea:?}\n  journalctl: {eb:?}"
        ));
    }
    let (va, vb) = (
        normalize_verbose(&ours(&dir, OutputMode::Verbose)),
        normalize_verbose(&theirs(&jfile, "verbose")),
    );
    for (x, y) in va.iter().zip(&vb) {
        if x != y {
            mismatches.push(format!(
                "-o verbose:\n  ours:       {x:?}\n  journalctl: {y:?}"
            ));
        }
    }
    let shorten = |m: &String| {
        if m.len() > 3000 {
            format!(
                "{}…",
                &m[..m.char_indices().nth(3000).map_or(m.len(), |(i, _)| i)]
            )
        } else {
            m.clone()
        }
    };
    let report: Vec<String> = mismatches.iter().map(shorten).collect();
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        report.join("\n")
    );
}
