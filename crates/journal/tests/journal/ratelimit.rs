//! Per-unit rate limiting and the "Suppressed" notice.

use linger_journal::Query;

use super::support::*;

#[test]
fn burst_is_kept_rest_suppressed_and_reported() {
    let tmp = tmpdir();
    let w = writer_with(tmp.path(), |c| {
        c.rate_limit_burst = 10;
        c.rate_limit_interval_usec = 30_000_000;
    });
    let a = w.stream(vec![("_SYSTEMD_USER_UNIT".into(), b"a.service".to_vec())]);
    let b = w.stream(vec![("_SYSTEMD_USER_UNIT".into(), b"b.service".to_vec())]);
    let (rt, mono) = (1_700_000_000_000_000u64, 5_000_000u64);
    for i in 0..25u64 {
        w.submit_line_at(&a, 6, format!("a {i}").as_bytes(), rt + i, mono + i);
    }
    for i in 0..5u64 {
        w.submit_line_at(
            &b,
            6,
            format!("b {i}").as_bytes(),
            rt + 100 + i,
            mono + 100 + i,
        );
    }
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(w.stats().suppressed, 15);
    assert_eq!(
        messages(
            tmp.path(),
            &Query {
                units: vec!["a".into()],
                ..Default::default()
            }
        )
        .len(),
        10
    );
    assert_eq!(
        messages(
            tmp.path(),
            &Query {
                units: vec!["b".into()],
                ..Default::default()
            }
        )
        .len(),
        5
    );
    // The next window: the notice comes first, then the line.
    w.submit_line_at(&a, 6, b"a later", rt + 31_000_000, mono + 31_000_000);
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    let a_msgs = messages(
        tmp.path(),
        &Query {
            units: vec!["a".into()],
            ..Default::default()
        },
    );
    assert_eq!(
        a_msgs[10..],
        ["Suppressed 15 messages from a.service", "a later"]
    );
    let j = linger_journal::Journal::open_directory(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let notice = j
        .entries(&Query {
            matches: vec![format!(
                "MESSAGE_ID={}",
                linger_journal::writer::MESSAGE_ID_SUPPRESSED
            )],
            ..Default::default()
        })
        .unwrap_or_default();
    assert_eq!(notice.len(), 1);
    assert_eq!(notice[0].priority(), Some(4));
}

#[test]
fn full_queue_drops_are_counted_and_reported() {
    let tmp = tmpdir();
    let w = writer_with(tmp.path(), |c| {
        c.queue_entries = 16;
        c.queue_bytes = 64 << 10;
    });
    let s = w.stream(vec![(
        "_SYSTEMD_USER_UNIT".into(),
        b"fast.service".to_vec(),
    )]);
    let big = vec![b'x'; 8000];
    let mut accepted = 0u64;
    for _ in 0..5000 {
        if w.submit_line(&s, 6, &big) {
            accepted += 1;
        }
    }
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    let st = w.stats();
    assert_eq!(st.dropped_queue + accepted, 5000);
    assert!(st.dropped_queue > 0, "the queue never filled: {st:?}");
    // One more line makes the writer report the drops.
    assert!(w.submit_line(&s, 6, b"after"));
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    let all = messages(
        tmp.path(),
        &Query {
            grep: Some("^Missed".into()),
            ..Default::default()
        },
    );
    let reported: u64 = all
        .iter()
        .map(|m| {
            m.split_whitespace()
                .nth(1)
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0)
        })
        .sum();
    assert_eq!(reported, st.dropped_queue, "{all:?}");
}

#[test]
fn the_queue_holds_at_most_queue_entries_items_and_drops_the_rest() {
    use std::sync::mpsc;
    use std::sync::{Arc, Condvar, Mutex};

    let tmp = tmpdir();
    let w = writer_with(tmp.path(), |c| {
        c.queue_entries = 16;
        c.queue_bytes = 8 << 20;
    });
    let s = w.stream(vec![(
        "_SYSTEMD_USER_UNIT".into(),
        b"busy.service".to_vec(),
    )]);
    // Hold the writer thread in its drain hook so that nothing leaves the queue meanwhile.
    let gate = Arc::new((Mutex::new(true), Condvar::new()));
    let (entered_tx, entered_rx) = mpsc::channel();
    let entered_tx = Mutex::new(entered_tx);
    let hold = Arc::clone(&gate);
    w.set_drain_hook(Arc::new(move || {
        let _ = entered_tx.lock().map(|tx| tx.send(()));
        let (closed, cv) = &*hold;
        let mut g = closed.lock().unwrap_or_else(|e| e.into_inner());
        while *g {
            g = cv.wait(g).unwrap_or_else(|e| e.into_inner());
        }
    }));
    assert!(w.submit_line(&s, 6, b"first"));
    entered_rx.recv().unwrap_or_else(|e| panic!("{e}"));
    let accepted = (0..100)
        .filter(|i| w.submit_line(&s, 6, format!("line {i}").as_bytes()))
        .count();
    assert_eq!(accepted, 16, "small lines are bounded by queue_entries");
    assert_eq!(w.stats().dropped_queue, 84);
    {
        let (closed, cv) = &*gate;
        *closed.lock().unwrap_or_else(|e| e.into_inner()) = false;
        cv.notify_all();
    }
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    let kept = messages(tmp.path(), &Query::default());
    // The writer reports the drops before the first line it takes after them.
    let expected: Vec<String> = [
        "first".to_owned(),
        "Missed 84 log messages: the journal writer could not keep up".to_owned(),
    ]
    .into_iter()
    .chain((0..16).map(|i| format!("line {i}")))
    .collect();
    assert_eq!(kept, expected);
}
