//! Timestamps (`--since`, `--until`, `systemd-analyze timestamp`, `OnActiveSec=` relatives):
//! `yesterday`, `-1h`, `@1700000000`, `2026-02-30 25:00 Europe/Berlin`, …
//!
//! Invariant: a parsed timestamp that can be shown formats (with microseconds, in UTC) to
//! text that parses back to the same instant. (`@SECONDS` beyond year 9999 is accepted, as
//! systemd 252 accepts it, and shown as `--- XXXX-XX-XX XX:XX:XX`.)
#![no_main]

use jiff::tz::TimeZone;
use libfuzzer_sys::fuzz_target;
use linger_time::USEC_TIMESTAMP_FORMATTABLE_MAX;
use linger_time::{USEC_PER_SEC, format_timestamp_relative, format_timestamp_us, parse_timestamp};

/// Thu 2026-01-01 00:00:00 UTC.
const NOW: u64 = 1_767_225_600 * USEC_PER_SEC;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let tz = TimeZone::UTC;
    let Ok(t) = parse_timestamp(text, NOW, &tz) else {
        return;
    };
    if t > USEC_TIMESTAMP_FORMATTABLE_MAX {
        assert!(text.trim_start().starts_with('@'), "{text:?} → {t}");
        return;
    }
    let shown = format_timestamp_us(t, &tz);
    assert_eq!(
        parse_timestamp(&shown, NOW, &tz).ok(),
        Some(t),
        "{text:?} → {t} → {shown:?}"
    );
    let _ = format_timestamp_relative(t, NOW);
    let _ = linger_time::analyze::timestamp_report(text, NOW, &tz);
});
