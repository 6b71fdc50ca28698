//! Every query flag, against a journal written by the real writer.

use linger_journal::query::BootSel;
use linger_journal::{Query, ReadAhead};

use super::support::*;

const T0: u64 = 1_700_000_000_000_000;

fn sample(dir: &std::path::Path) {
    let w = writer(dir);
    for i in 0..300u64 {
        let unit = ["web.service", "db.service", "webhook.service"][(i % 3) as usize];
        let prio = (i % 8) as u8;
        let mut e = entry(
            unit,
            T0 + i * 1_000_000,
            prio,
            &format!("line {i} of {unit}"),
        );
        if i >= 200 {
            e.boot_id = [0x22; 16];
        }
        assert!(w.submit(e));
    }
    let mut manager = linger_journal::Entry::message(5, "Started web.service.");
    manager.realtime_usec = T0 + 300 * 1_000_000;
    manager.monotonic_usec = 1;
    manager.boot_id = [0x22; 16];
    manager
        .push("USER_UNIT", "web.service")
        .push("SYSLOG_IDENTIFIER", "linger");
    assert!(w.submit(manager));
    w.flush().unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn units_matches_priorities_times_lines() {
    let tmp = tmpdir();
    sample(tmp.path());
    let d = tmp.path();
    let all = messages(d, &Query::default());
    assert_eq!(all.len(), 301);
    assert_eq!(all[0], "line 0 of web.service");

    let web = messages(
        d,
        &Query {
            units: vec!["web".into()],
            ..Default::default()
        },
    );
    assert_eq!(
        web.len(),
        101,
        "100 lines + the manager's USER_UNIT message"
    );
    assert_eq!(web.last().map(String::as_str), Some("Started web.service."));
    let globbed = messages(
        d,
        &Query {
            units: vec!["web*".into()],
            ..Default::default()
        },
    );
    assert_eq!(globbed.len(), 201);
    let two = messages(
        d,
        &Query {
            units: vec!["db".into(), "webhook.service".into()],
            ..Default::default()
        },
    );
    assert_eq!(two.len(), 200);

    let tail = messages(
        d,
        &Query {
            units: vec!["db.service".into()],
            lines: Some(3),
            ..Default::default()
        },
    );
    assert_eq!(
        tail,
        [
            "line 292 of db.service",
            "line 295 of db.service",
            "line 298 of db.service"
        ]
    );
    let rev = messages(
        d,
        &Query {
            units: vec!["db.service".into()],
            lines: Some(2),
            reverse: true,
            ..Default::default()
        },
    );
    assert_eq!(rev, ["line 298 of db.service", "line 295 of db.service"]);

    // Same field OR'ed, different fields AND'ed, "+" for alternatives.
    let m = |v: &[&str]| {
        messages(
            d,
            &Query {
                matches: v.iter().map(|s| (*s).to_owned()).collect(),
                ..Default::default()
            },
        )
    };
    assert_eq!(m(&["PRIORITY=3"]).len(), 38);
    assert_eq!(m(&["PRIORITY=3", "PRIORITY=4"]).len(), 75);
    assert_eq!(
        m(&["PRIORITY=3", "_SYSTEMD_USER_UNIT=web.service"]).len(),
        13
    );
    assert_eq!(
        m(&["PRIORITY=3", "+", "_SYSTEMD_USER_UNIT=web.service"]).len(),
        38 + 100 - 13
    );
    assert_eq!(
        m(&["MESSAGE=line 7 of db.service"]),
        ["line 7 of db.service"]
    );
    assert!(m(&["NOSUCHFIELD=1"]).is_empty());

    let p = |lo, hi| {
        messages(
            d,
            &Query {
                priority: Some((lo, hi)),
                ..Default::default()
            },
        )
        .len()
    };
    assert_eq!(p(0, 3), 152);
    assert_eq!(p(6, 6), 37);
    assert_eq!(p(5, 5), 38, "the manager's notice has priority 5");

    let since = messages(
        d,
        &Query {
            since: Some(T0 + 295 * 1_000_000),
            ..Default::default()
        },
    );
    assert_eq!(since.len(), 6);
    let range = messages(
        d,
        &Query {
            since: Some(T0 + 10_000_000),
            until: Some(T0 + 12_000_000),
            ..Default::default()
        },
    );
    assert_eq!(
        range,
        [
            "line 10 of db.service",
            "line 11 of webhook.service",
            "line 12 of web.service"
        ]
    );

    let g = |pat: &str| {
        messages(
            d,
            &Query {
                grep: Some(pat.into()),
                ..Default::default()
            },
        )
        .len()
    };
    assert_eq!(g("of DB"), 0, "upper case: case-sensitive");
    assert_eq!(g("of db"), 100, "lower case: case-insensitive");
    assert_eq!(g("^line 1[0-9] "), 10);
    assert_eq!(
        messages(
            d,
            &Query {
                grep: Some("OF DB".into()),
                case_sensitive: Some(false),
                ..Default::default()
            }
        )
        .len(),
        100
    );
    assert_eq!(
        messages(
            d,
            &Query {
                grep: Some("line".into()),
                lines: Some(2),
                ..Default::default()
            }
        ),
        ["line 298 of db.service", "line 299 of webhook.service"]
    );

    let boot = |b| {
        messages(
            d,
            &Query {
                boot: Some(b),
                ..Default::default()
            },
        )
        .len()
    };
    assert_eq!(boot(BootSel::Offset(0)), 101);
    assert_eq!(boot(BootSel::Offset(-1)), 200);
    assert_eq!(boot(BootSel::Offset(1)), 200);
    assert_eq!(boot(BootSel::Id([0x22; 16], -1)), 200);
    let j = linger_journal::Journal::open_directory(d).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        j.entries(&Query {
            boot: Some(BootSel::Offset(-2)),
            ..Default::default()
        })
        .is_err()
    );
    let boots = j.list_boots();
    assert_eq!(boots.len(), 2);
    assert_eq!(
        (boots[0].first_usec, boots[0].last_usec),
        (T0, T0 + 199_000_000)
    );
}

#[test]
fn cursors() {
    let tmp = tmpdir();
    sample(tmp.path());
    let j = linger_journal::Journal::open_directory(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let mut last = None;
    let stats = j
        .run(
            &Query {
                lines: Some(5),
                ..Default::default()
            },
            &mut |e| {
                last = Some(linger_journal::EntryView::cursor(e).to_string());
                std::ops::ControlFlow::Continue(())
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stats.shown, 5);
    let c = last.unwrap_or_default();
    assert_eq!(stats.last_cursor.map(|c| c.to_string()), Some(c.clone()));
    let at = messages(
        tmp.path(),
        &Query {
            cursor: Some(c.clone()),
            ..Default::default()
        },
    );
    assert_eq!(at, ["Started web.service."]);
    let after = messages(
        tmp.path(),
        &Query {
            after_cursor: Some(c),
            ..Default::default()
        },
    );
    assert!(after.is_empty());
    // A cursor in the middle, reverse.
    let e = j
        .entries(&Query {
            matches: vec!["MESSAGE=line 150 of web.service".into()],
            ..Default::default()
        })
        .unwrap_or_default();
    assert_eq!(e.len(), 1);
    let mut mid = None;
    j.run(
        &Query {
            matches: vec!["MESSAGE=line 150 of web.service".into()],
            ..Default::default()
        },
        &mut |e| {
            mid = Some(linger_journal::EntryView::cursor(e).to_string());
            std::ops::ControlFlow::Break(())
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let after = messages(
        tmp.path(),
        &Query {
            after_cursor: mid.clone(),
            lines: Some(2),
            ..Default::default()
        },
    );
    assert_eq!(
        after,
        ["line 299 of webhook.service", "Started web.service."]
    );
    let after = messages(
        tmp.path(),
        &Query {
            after_cursor: mid,
            ..Default::default()
        },
    );
    assert_eq!(
        after.first().map(String::as_str),
        Some("line 151 of db.service")
    );
    assert_eq!(after.len(), 150);
    assert!(
        j.entries(&Query {
            cursor: Some("nonsense".into()),
            ..Default::default()
        })
        .is_err()
    );
}

/// Long forward walks decode blocks ahead on a second thread (src/prefetch.rs; here always,
/// and never): every entry still comes once, in order, with whole blocks of other units
/// skipped and a lower time bound honoured — the same as the backward walk, which decodes on
/// the caller's thread.
#[test]
fn long_forward_scans_return_every_entry_once_in_order() {
    let tmp = tmpdir();
    let d = tmp.path();
    let w = writer(d);
    let n = 20_000u64;
    // Runs of 2,500 lines per unit: several whole blocks of one unit at a time.
    let unit_of = |i: u64| {
        if (i / 2_500).is_multiple_of(2) {
            "a.service"
        } else {
            "b.service"
        }
    };
    // Flushed every 1,000: the writer's queue is bounded (a full one drops, by design) and
    // this test is about reading them back, not about outrunning the writer thread.
    for i in 0..n {
        assert!(w.submit(entry(unit_of(i), T0 + i, 6, &format!("line {i}"))));
        if i % 1_000 == 999 {
            w.flush().unwrap_or_else(|e| panic!("{e}"));
        }
    }
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    let expect = |keep: &dyn Fn(u64) -> bool| -> Vec<String> {
        (0..n)
            .filter(|&i| keep(i))
            .map(|i| format!("line {i}"))
            .collect()
    };
    let backwards = |q: Query| {
        let mut v = messages(d, &Query { reverse: true, ..q });
        v.reverse();
        v
    };
    let forwards = |q: &Query| {
        let with = |read_ahead| {
            let mut j =
                linger_journal::Journal::open_directory(d).unwrap_or_else(|e| panic!("{e}"));
            j.set_read_ahead(read_ahead);
            let entries = j.entries(q).unwrap_or_else(|e| panic!("{e}"));
            entries
                .iter()
                .map(|e| e.field_str("MESSAGE").unwrap_or("<none>").to_owned())
                .collect::<Vec<_>>()
        };
        let ahead = with(ReadAhead::Always);
        assert_eq!(ahead, with(ReadAhead::Never), "{q:?}");
        ahead
    };

    let all = forwards(&Query::default());
    assert_eq!(all, expect(&|_| true));
    assert_eq!(all, backwards(Query::default()));

    let units = || Query {
        units: vec!["b".into()],
        ..Default::default()
    };
    let b = forwards(&units());
    assert_eq!(b, expect(&|i| unit_of(i) == "b.service"));
    assert_eq!(b, backwards(units()));

    let since = || Query {
        since: Some(T0 + 7_777),
        units: vec!["a".into()],
        ..Default::default()
    };
    let late_a = forwards(&since());
    assert_eq!(late_a, expect(&|i| i >= 7_777 && unit_of(i) == "a.service"));
    assert_eq!(late_a, backwards(since()));
}

/// A query after a cursor (what `-f` runs on every wake-up) starts from the cursor found by
/// walking back from the newest block; it must return exactly the entries after it, whether
/// the cursor is at a block's edge, in an older segment, the first or the last entry.
#[test]
fn queries_after_a_cursor_return_exactly_the_entries_after_it() {
    let tmp = tmpdir();
    let d = tmp.path();
    // Small segments: the cursors below lie in several of them.
    let w = writer_with(d, |c| c.max_file_size = Some(64 << 10));
    let n = 12_000u64;
    for i in 0..n {
        assert!(w.submit(entry("a.service", T0 + i, 6, &format!("line {i}"))));
    }
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    let segments = std::fs::read_dir(d).map_or(0, |r| r.count());
    assert!(segments >= 4, "only {segments} segment files");
    let j = linger_journal::Journal::open_directory(d).unwrap_or_else(|e| panic!("{e}"));
    let cursor_of = |i: u64| {
        let mut c = None;
        j.run(
            &Query {
                matches: vec![format!("MESSAGE=line {i}")],
                ..Default::default()
            },
            &mut |e| {
                c = Some(linger_journal::EntryView::cursor(e).to_string());
                std::ops::ControlFlow::Break(())
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        c.unwrap_or_else(|| panic!("no entry 'line {i}'"))
    };
    let from = |i: u64| (i..n).map(|k| format!("line {k}")).collect::<Vec<_>>();
    for i in [0, 1, 1_023, 1_024, 1_025, 4_321, 9_999, n - 2, n - 1] {
        let c = cursor_of(i);
        let after = messages(
            d,
            &Query {
                after_cursor: Some(c.clone()),
                ..Default::default()
            },
        );
        assert_eq!(after, from(i + 1), "after the cursor of line {i}");
        let at = messages(
            d,
            &Query {
                cursor: Some(c),
                units: vec!["a".into()],
                ..Default::default()
            },
        );
        assert_eq!(at, from(i), "from the cursor of line {i}");
    }
}

/// `systemctl status` of many units reads each unit's tail from one walk: what it gets for
/// each unit is exactly what `journalctl -u UNIT -n N` prints for that unit alone — names,
/// globs, a unit named twice, one with no entries, a tail crossing a boot, and every entry
/// when N exceeds what a unit has.
#[test]
fn every_units_tail_from_one_walk_is_its_own_query() {
    let tmp = tmpdir();
    sample(tmp.path());
    let d = tmp.path();
    let units: Vec<String> = [
        "web",
        "db.service",
        "webhook.service",
        "web*",
        "absent.service",
        "db",
    ]
    .map(String::from)
    .to_vec();
    let j = linger_journal::Journal::open_directory(d).unwrap_or_else(|e| panic!("open: {e}"));
    for n in [1, 3, 40, 150, 400] {
        let mut seen = vec![Vec::new(); units.len()];
        j.run_per_unit(
            &Query {
                units: units.clone(),
                ..Default::default()
            },
            n,
            &mut |i, e| {
                seen[i].push(e.field_str("MESSAGE").unwrap_or("<none>").to_owned());
                std::ops::ControlFlow::Continue(())
            },
        )
        .unwrap_or_else(|e| panic!("run_per_unit: {e}"));
        for (u, got) in units.iter().zip(&seen) {
            let alone = Query {
                units: vec![u.clone()],
                lines: Some(n),
                ..Default::default()
            };
            assert_eq!(got, &messages(d, &alone), "{u} -n {n}");
        }
        assert_eq!(seen[4].len(), 0, "absent.service has no entries");
        assert_eq!(seen[1].len(), n.min(100), "db.service has 100");

        for quiet in [false, true] {
            let mut o = opts(d);
            o.quiet = quiet;
            let tails = linger_journal::tails::unit_tails(&o, &units, n)
                .unwrap_or_else(|| panic!("unit_tails -n {n} failed"));
            for (u, text) in units.iter().zip(&tails) {
                let mut alone = opts(d);
                alone.quiet = quiet;
                alone.units = vec![u.clone()];
                alone.lines = Some(n);
                let (code, out, _) = journalctl(&alone);
                assert_eq!(code, 0);
                assert_eq!(
                    String::from_utf8_lossy(text),
                    out,
                    "{u} -n {n} quiet={quiet}"
                );
            }
        }
    }
}

/// `status` reads its log tails while the manager answers, then asks whether the journal is
/// still what it read: a line written after the read, a new segment, or a segment that went
/// away each make the answer "changed" (the tails are read again then); nothing written
/// keeps it "unchanged". A journal of given files cannot tell and always says "changed".
#[test]
fn a_tail_read_knows_whether_the_journal_changed_since() {
    let tmp = tmpdir();
    let d = tmp.path();
    let w = writer(d);
    let t0 = 1_700_000_000_000_000;
    for i in 0..50 {
        w.submit(entry("web.service", t0 + i, 6, &format!("line {i}")));
    }
    w.flush().unwrap_or_else(|e| panic!("flush: {e}"));
    let units = vec!["web.service".to_string()];
    let read = || {
        linger_journal::tails::unit_tails_of(&opts(d), &units, 10)
            .unwrap_or_else(|| panic!("unit_tails_of failed"))
    };
    let (tails, j) = read();
    assert!(String::from_utf8_lossy(&tails[0]).contains("line 49"));
    assert!(j.unchanged(), "nothing was written");
    assert!(j.unchanged(), "asking twice changes nothing");
    // One more line: the segment grew.
    w.submit(entry("web.service", t0 + 50, 6, "line 50"));
    w.flush().unwrap_or_else(|e| panic!("flush: {e}"));
    assert!(!j.unchanged(), "a line was written after the read");
    let (tails, j) = read();
    assert!(String::from_utf8_lossy(&tails[0]).contains("line 50"));
    assert!(j.unchanged());
    // A rotation: a new segment file, the old one left as it was.
    let sealed = linger_journal::Journal::open_directory(d)
        .unwrap_or_else(|e| panic!("open: {e}"))
        .segment_paths();
    w.rotate().unwrap_or_else(|e| panic!("rotate: {e}"));
    let (_, j) = read();
    assert!(j.unchanged());
    w.submit(entry("web.service", t0 + 51, 6, "line 51"));
    w.flush().unwrap_or_else(|e| panic!("flush: {e}"));
    let now = linger_journal::Journal::open_directory(d)
        .unwrap_or_else(|e| panic!("open: {e}"))
        .segment_paths();
    assert!(now.len() > sealed.len(), "the line went to a new segment");
    assert!(!j.unchanged(), "the journal was rotated after the read");
    let (tails, j) = read();
    assert!(String::from_utf8_lossy(&tails[0]).contains("line 51"));
    assert!(j.unchanged());
    // A segment that went away (vacuumed).
    let first = j.segment_paths()[0].clone();
    std::fs::remove_file(&first).unwrap_or_else(|e| panic!("remove: {e}"));
    assert!(!j.unchanged(), "a segment was removed after the read");
    let files = linger_journal::Journal::open_files(&j.segment_paths()[1..]);
    assert!(!files.unchanged(), "given files: no directory to compare");
    drop(w);
}
