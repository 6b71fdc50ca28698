//! Time spans (`TimeoutStopSec=`, `RuntimeMaxSec=`, `--since -1h`, …): every parser of
//! linger-time's span module, and the round trip systemd guarantees: a parsed span formats
//! (at µs accuracy) to text that parses back to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use linger_time::{
    USEC_PER_MSEC, USEC_PER_YEAR, format_timespan, parse_nsec, parse_sec, parse_sec_def_infinity,
    parse_sec_fix_0, parse_time,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(usec) = parse_sec(text) {
        let shown = format_timespan(usec, 1);
        assert_eq!(
            parse_sec(&shown).ok(),
            Some(usec),
            "{text:?} → {usec} → {shown:?}"
        );
        // Coarser accuracies only drop parts: never longer than the exact form.
        let coarse = format_timespan(usec, 1_000_000);
        assert!(
            parse_sec(&coarse).is_ok_and(|c| c <= usec),
            "{text:?} → {coarse:?}"
        );
    }
    if let Ok(nsec) = parse_nsec(text) {
        // Whole microseconds format back exactly — below 584 years: a single term of 584y
        // (or more) is out of range for the nanosecond parser as in systemd (each term must
        // stay below NSEC_INFINITY / unit), though a sum such as "507y 77y" reaches it.
        let year_ns = USEC_PER_YEAR * 1000;
        if nsec % 1000 == 0 && nsec / year_ns < u64::MAX / year_ns {
            let shown = format_timespan(nsec / 1000, 1);
            assert_eq!(parse_nsec(&shown).ok(), Some(nsec), "{text:?} → {shown:?}");
        }
    }
    let _ = parse_time(text, USEC_PER_MSEC);
    let _ = parse_sec_fix_0(text);
    let _ = parse_sec_def_infinity(text);
});
