//! journalctl's behaviour through `app::run` (what `linger journal` / `journalctl` print).

use linger_journal::app::KERNEL_REFUSAL;
use linger_journal::output::OutputMode;

use super::support::*;

const T0: u64 = 1_700_000_000_000_000; // Tue 2023-11-14 22:13:20 UTC

fn sample(dir: &std::path::Path) {
    let w = writer(dir);
    for i in 0..6u64 {
        let unit = if i % 2 == 0 {
            "web.service"
        } else {
            "db.service"
        };
        let mut e = entry(
            unit,
            T0 + i * 1_000_000,
            if i == 3 { 3 } else { 6 },
            &format!("msg {i}"),
        );
        e.push("_HOSTNAME", "box");
        if i >= 4 {
            e.boot_id = [0x22; 16];
        }
        assert!(w.submit(e));
    }
}

#[test]
fn short_output_units_lines_priorities() {
    let tmp = tmpdir();
    sample(tmp.path());
    let mut o = opts(tmp.path());
    o.units = vec!["web".into()];
    let (code, out, err) = journalctl(&o);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "Nov 14 22:13:20 box web[42]: msg 0\nNov 14 22:13:22 box web[42]: msg 2\n-- Boot 22222222222222222222222222222222 --\nNov 14 22:13:24 box web[42]: msg 4\n"
    );
    o.lines = Some(1);
    o.output.no_hostname = true;
    assert_eq!(journalctl(&o).1, "Nov 14 22:13:24 web[42]: msg 4\n");
    let mut o = opts(tmp.path());
    o.priority = Some("err".into());
    o.output.mode = OutputMode::Cat;
    assert_eq!(journalctl(&o).1, "msg 3\n");
    o.priority = Some("loud".into());
    let (code, _, err) = journalctl(&o);
    assert_eq!((code, err.as_str()), (1, "Unknown log level loud\n"));
    let mut o = opts(tmp.path());
    o.matches = vec!["_SYSTEMD_USER_UNIT=db.service".into()];
    o.reverse = true;
    o.output.mode = OutputMode::Cat;
    assert_eq!(journalctl(&o).1, "msg 5\nmsg 3\nmsg 1\n");
    o.matches = vec!["lower=x".into()];
    assert_eq!(journalctl(&o).0, 1);
}

#[test]
fn times_grep_boots_cursors() {
    let tmp = tmpdir();
    sample(tmp.path());
    let cat = |f: &dyn Fn(&mut linger_journal::app::Options)| {
        let mut o = opts(tmp.path());
        o.output.mode = OutputMode::Cat;
        f(&mut o);
        journalctl(&o)
    };
    assert_eq!(
        cat(&|o| o.since = Some("@1700000003".into())).1,
        "msg 3\nmsg 4\nmsg 5\n"
    );
    assert_eq!(
        cat(&|o| {
            o.since = Some("@1700000001".into());
            o.until = Some("@1700000002".into())
        })
        .1,
        "msg 1\nmsg 2\n"
    );
    let (code, _, err) = cat(&|o| o.since = Some("garbage".into()));
    assert_eq!(
        (code, err.as_str()),
        (1, "Failed to parse timestamp: garbage\n")
    );
    assert_eq!(
        cat(&|o| o.grep = Some("MSG [13]".into())).1,
        "",
        "upper case pattern: case-sensitive"
    );
    assert_eq!(
        cat(&|o| o.grep = Some("msg [13]".into())).1,
        "msg 1\nmsg 3\n"
    );
    assert_eq!(
        cat(&|o| o.boot = Some("-1".into())).1,
        "msg 0\nmsg 1\nmsg 2\nmsg 3\n"
    );
    assert_eq!(cat(&|o| o.boot = Some(String::new())).1, "msg 4\nmsg 5\n");
    let (code, _, err) = cat(&|o| o.boot = Some("-5".into()));
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "Data from the specified boot (-5) is not available: No such boot ID in journal\n"
        )
    );

    let mut o = opts(tmp.path());
    o.list_boots = true;
    let (code, out, _) = journalctl(&o);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "IDX BOOT ID                          FIRST ENTRY                 LAST ENTRY\n \
         -1 11111111111111111111111111111111 Tue 2023-11-14 22:13:20 UTC Tue 2023-11-14 22:13:23 UTC\n  \
         0 22222222222222222222222222222222 Tue 2023-11-14 22:13:24 UTC Tue 2023-11-14 22:13:25 UTC\n"
    );

    let (_, out, _) = cat(&|o| {
        o.lines = Some(2);
        o.show_cursor = true;
    });
    let cursor = out
        .lines()
        .last()
        .and_then(|l| l.strip_prefix("-- cursor: "))
        .unwrap_or_else(|| panic!("{out}"))
        .to_owned();
    assert!(out.starts_with("msg 4\nmsg 5\n-- cursor: s="), "{out}");
    let (_, out, _) = cat(&|o| o.cursor = Some(cursor.clone()));
    assert_eq!(out, "msg 5\n");
    let (_, out, _) = cat(&|o| o.after_cursor = Some(cursor.clone()));
    assert_eq!(out, "");
}

#[test]
fn json_fields_no_entries_and_refusals() {
    let tmp = tmpdir();
    sample(tmp.path());
    let mut o = opts(tmp.path());
    o.output.mode = OutputMode::Json;
    o.lines = Some(1);
    o.output.output_fields = Some(vec!["MESSAGE".into(), "_PID".into()]);
    let (_, out, _) = journalctl(&o);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let mut keys: Vec<&str> = v
        .as_object()
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "MESSAGE",
            "_BOOT_ID",
            "_PID",
            "__CURSOR",
            "__MONOTONIC_TIMESTAMP",
            "__REALTIME_TIMESTAMP"
        ]
    );
    assert_eq!(v["MESSAGE"], "msg 5");
    assert_eq!(v["__REALTIME_TIMESTAMP"], "1700000005000000");

    // Nothing matched: short formats say so, json stays silent, -q silences it.
    let mut o = opts(tmp.path());
    o.units = vec!["nothing".into()];
    assert_eq!(journalctl(&o).1, "-- No entries --\n");
    o.output.mode = OutputMode::Json;
    assert_eq!(journalctl(&o).1, "");
    o.output.mode = OutputMode::Short;
    o.quiet = true;
    assert_eq!(journalctl(&o).1, "");

    let mut o = opts(tmp.path());
    o.kernel = true;
    let (code, out, err) = journalctl(&o);
    assert_eq!(
        (code, out.as_str(), err.trim_end()),
        (1, "", KERNEL_REFUSAL)
    );

    let empty = tmpdir();
    let (code, out, err) = journalctl(&opts(empty.path()));
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "-- No entries --\n", "No journal files were found.\n")
    );
    let (code, _, err) = journalctl(&opts(&empty.path().join("missing")));
    assert_eq!(code, 1);
    assert!(err.starts_with("Failed to open "), "{err}");
    let mut o = opts(tmp.path());
    o.files = linger_journal::store::list_segments(tmp.path())
        .unwrap_or_default()
        .into_iter()
        .map(|s| s.path)
        .collect();
    o.directory = None;
    o.output.mode = OutputMode::Cat;
    o.lines = Some(1);
    assert_eq!(journalctl(&o).1, "msg 5\n");
}
