//! `-f`: new lines are visible to a follower within 100 ms, across rotations.

use std::time::{Duration, Instant};

use linger_journal::Query;
use linger_journal::follow::Follow;

use super::support::*;

fn wait_for(f: &mut Follow, want: &str, after: &mut Option<String>) -> Duration {
    let t = Instant::now();
    loop {
        let j = f.open().unwrap_or_else(|e| panic!("{e}"));
        let q = Query {
            after_cursor: after.clone(),
            ..Default::default()
        };
        let mut found = false;
        j.run(&q, &mut |e| {
            *after = Some(linger_journal::EntryView::cursor(e).to_string());
            found |= e.field_str("MESSAGE") == Some(want);
            std::ops::ControlFlow::Continue(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
        if found {
            return t.elapsed();
        }
        assert!(t.elapsed() < Duration::from_secs(5), "{want} never arrived");
        let _ = f.wait(Some(Duration::from_secs(1)));
    }
}

#[test]
fn new_lines_arrive_quickly() {
    let tmp = tmpdir();
    let w = writer_with(tmp.path(), |c| c.max_file_size = Some(64 << 10));
    let s = w.stream(vec![("_SYSTEMD_USER_UNIT".into(), b"f.service".to_vec())]);
    w.submit_line(&s, 6, b"first");
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    let mut f = Follow::directory(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let mut after = None;
    wait_for(&mut f, "first", &mut after);
    let mut worst = Duration::ZERO;
    for i in 0..10 {
        let msg = format!("follow {i}");
        // Filler makes the writer rotate segments between some of the lines.
        for k in 0..(i * 800) {
            w.submit_line(&s, 6, format!("filler {i} {k}").as_bytes());
        }
        let sent = Instant::now();
        w.submit_line(&s, 6, msg.as_bytes());
        wait_for(&mut f, &msg, &mut after);
        worst = worst.max(sent.elapsed());
    }
    assert!(w.stats().rotations > 0);
    // Latency figures belong to the benchmark; here we only check that follow is woken by
    // the write (inotify) and not by its 1 s fallback timeout.
    assert!(
        worst < Duration::from_millis(900),
        "slowest line took {worst:?}: follow did not wake on the write"
    );
}

#[test]
fn wait_times_out_without_changes() {
    let tmp = tmpdir();
    let mut f = Follow::directory(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let t = Instant::now();
    assert!(!f.wait(Some(Duration::from_millis(50))).unwrap_or(true));
    assert!(t.elapsed() >= Duration::from_millis(45));
}
