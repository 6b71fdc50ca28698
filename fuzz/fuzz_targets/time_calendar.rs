//! Calendar events (`OnCalendar=`, `systemd-analyze calendar`): parsing, normalization and
//! the next elapse.
//!
//! Invariants (systemd.time(7)): the normalized form parses to a spec with the same
//! normalized form; the next elapse after a time is later than it and matches the spec; the
//! elapse after that one is later still.
#![no_main]

use jiff::tz::TimeZone;
use libfuzzer_sys::fuzz_target;
use linger_time::{CalendarSpec, USEC_PER_SEC};

/// Thu 2026-01-01 00:00:00 UTC.
const BASE: u64 = 1_767_225_600 * USEC_PER_SEC;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(spec) = CalendarSpec::parse(text) else {
        return;
    };
    let normalized = spec.normalized();
    let again = CalendarSpec::parse(&normalized)
        .unwrap_or_else(|e| panic!("{text:?} → {normalized:?} does not parse: {e}"));
    assert_eq!(again.normalized(), normalized, "{text:?}");
    let tz = TimeZone::UTC;
    if let Some(next) = spec.next_elapse_in(BASE, &tz) {
        assert!(next > BASE, "{normalized:?}: {next} not after {BASE}");
        assert!(
            spec.matches_in(next, &tz),
            "{normalized:?} does not match its elapse {next}"
        );
        if let Some(after) = spec.next_elapse_in(next, &tz) {
            assert!(after > next, "{normalized:?}: {after} not after {next}");
        }
        assert_eq!(
            again.next_elapse_in(BASE, &tz),
            Some(next),
            "{normalized:?}"
        );
    }
    let _ = linger_time::analyze::calendar_report(&[text], 2, BASE, BASE, &tz);
});
