//! What services hand the journal: their stdout/stderr streams (split into lines, `<N>`
//! priority prefixes), native-protocol datagrams (`sd_journal_send`) and syslog datagrams.
//!
//! Invariants: lines never hold a newline, never exceed the line limit, carry a priority 0–7,
//! and come out the same whether the stream arrives at once or in small reads; no native
//! field is a trusted (`_`) field or has an invalid name.
#![no_main]

use libfuzzer_sys::fuzz_target;
use linger_journal::capture::{LineSplitter, native, syslog};

fuzz_target!(|data: &[u8]| {
    let Some((&knobs, stream)) = data.split_first() else {
        return;
    };
    if let Ok(fields) = native::parse_datagram(stream) {
        for (name, _) in &fields {
            assert!(!name.starts_with('_') && !name.is_empty(), "{name:?}");
        }
    }
    let msg = syslog::parse(stream);
    assert!(msg.priority <= 7);
    let _ = msg.to_fields();

    // journald's floor for LineMax= is 79 bytes: smaller asks get 79.
    let max = usize::from(knobs >> 2) + 1;
    let effective_max = max.max(79);
    let splitter = || {
        LineSplitter::new()
            .level_prefix(knobs & 1 == 1)
            .default_priority(6)
            .line_max(max)
    };
    let whole = lines(splitter(), &[stream]);
    let chunk = usize::from(knobs % 7) + 1;
    let pieces: Vec<&[u8]> = stream.chunks(chunk).collect();
    let split = lines(splitter(), &pieces);
    assert_eq!(whole, split, "chunks of {chunk} changed the lines");
    for (priority, line) in &whole {
        assert!(*priority <= 7);
        assert!(
            line.len() <= effective_max,
            "{} > {effective_max}",
            line.len()
        );
        assert!(!line.contains(&b'\n'));
    }
});

fn lines(mut s: LineSplitter, pieces: &[&[u8]]) -> Vec<(u8, Vec<u8>)> {
    let mut out = Vec::new();
    let mut emit =
        |l: linger_journal::capture::Line<'_>| out.push((l.priority, l.message.to_vec()));
    for p in pieces {
        s.feed(p, &mut emit);
    }
    s.finish(&mut emit);
    out
}
