//! systemd 252 behaviours that a clean-room reading of systemd.time(7) would get wrong,
//! each observed with the real systemd-analyze and pinned here so the suite checks them
//! even where the oracle binary is missing.

use jiff::tz::TimeZone;
use linger_time::{CalendarSpec, Usec, format_timestamp};

use crate::common::Mismatches;

fn at(date: &str) -> Usec {
    let ts: jiff::Timestamp = date.parse().expect("valid test date");
    u64::try_from(ts.as_microsecond()).expect("after 1970")
}

fn elapses(expr: &str, tz: &TimeZone, from: Usec, n: usize) -> Vec<String> {
    let spec = CalendarSpec::parse(expr).expect("valid expression");
    let mut out = Vec::new();
    let mut after = from;
    while out.len() < n {
        let Some(next) = spec.next_elapse_in(after, tz) else {
            break;
        };
        out.push(format_timestamp(next, tz));
        after = next;
    }
    out
}

#[test]
fn calendar_quirks() {
    let utc = TimeZone::UTC;
    let berlin = TimeZone::get("Europe/Berlin").expect("tzdata");
    // (expression, zone, from, expected elapses)
    let cases: &[(&str, &TimeZone, &str, &[&str])] = &[
        // A repetition that overshoots the field and the next one rolls the clock over
        // instead of restarting: "*:0/7" skips midnight (23:56 → 00:07).
        (
            "*:0/7",
            &utc,
            "2024-01-15T23:57:00Z",
            &["Tue 2024-01-16 00:07:00 UTC"],
        ),
        // …but an overshoot into the next field only restarts it.
        (
            "*:0/25",
            &utc,
            "2024-01-15T12:51:00Z",
            &["Mon 2024-01-15 13:00:00 UTC"],
        ),
        (
            "*-*-* 0/7:00",
            &utc,
            "2024-01-15T21:00:00Z",
            &["Tue 2024-01-16 00:00:00 UTC"],
        ),
        (
            "*-*-* 0/7:00",
            &utc,
            "2024-01-31T21:00:00Z",
            &["Thu 2024-02-01 07:00:00 UTC"],
        ),
        (
            "*-*-01,07,08/15",
            &utc,
            "2026-12-23T05:00:00Z",
            &["Thu 2027-01-07 00:00:00 UTC"],
        ),
        (
            "*:*:0/40",
            &utc,
            "2024-01-15T12:59:51Z",
            &["Mon 2024-01-15 13:00:40 UTC"],
        ),
        (
            "*:*:0/40",
            &utc,
            "2024-01-15T12:58:51Z",
            &["Mon 2024-01-15 12:59:00 UTC"],
        ),
        // Into the next minute, the overshoot keeps its fraction of a second.
        (
            "*:*:0,3,5.5/25",
            &utc,
            "2024-01-15T12:34:51Z",
            &["Mon 2024-01-15 12:34:55 UTC", "Mon 2024-01-15 12:35:03 UTC"],
        ),
        // Nothing elapses after 2199.
        (
            "2190/5-01-01",
            &utc,
            "2024-01-15T00:00:00Z",
            &["Fri 2190-01-01 00:00:00 UTC", "Thu 2195-01-01 00:00:00 UTC"],
        ),
        // Clocks going back: the repeated hour fires once, on its first pass.
        (
            "hourly",
            &berlin,
            "2026-10-24T23:10:00Z",
            &[
                "Sun 2026-10-25 02:00:00 CEST",
                "Sun 2026-10-25 03:00:00 CET",
                "Sun 2026-10-25 04:00:00 CET",
            ],
        ),
        // Clocks going forward: skipped times do not fire.
        (
            "*-*-* 02:30",
            &berlin,
            "2026-03-28T12:00:00Z",
            &["Mon 2026-03-30 02:30:00 CEST"],
        ),
        (
            "*:0/20",
            &berlin,
            "2026-03-29T00:30:00Z",
            &[
                "Sun 2026-03-29 01:40:00 CET",
                "Sun 2026-03-29 03:00:00 CEST",
            ],
        ),
    ];
    let mut m = Mismatches::default();
    for (expr, tz, from, expected) in cases {
        let got = elapses(expr, tz, at(from), expected.len() + 1);
        let expected: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
        m.check(
            "quirk",
            expr,
            &format!("elapses from {from}"),
            &expected[..],
            &got[..expected.len().min(got.len())],
        );
    }
    // Days counted from the end of the month: the limit drops by three per list element.
    for (expr, valid) in [
        ("*~26", true),
        ("*~1,25", true),
        ("*~1,26", false),
        ("*~1,2,22", true),
        ("*~1,2,23", false),
    ] {
        m.check(
            "quirk",
            expr,
            "accepted",
            valid,
            CalendarSpec::parse(expr).is_ok(),
        );
    }
    m.assert_none("calendar quirks");
}
