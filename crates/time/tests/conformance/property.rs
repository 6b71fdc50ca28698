//! Properties of the calendar search over many expressions, base times and zones:
//! elapses strictly increase, each one matches the expression, and (where it can be
//! checked by brute force) none is skipped.

use jiff::tz::TimeZone;
use linger_time::{CalendarSpec, USEC_PER_MINUTE, USEC_PER_SEC, Usec};

use crate::common::Mismatches;

const EXPRESSIONS: &[&str] = &[
    "minutely",
    "hourly",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "yearly",
    "*:0/7",
    "*:*:0/13",
    "*:*:0/2.5",
    "Mon..Fri 9..17:00",
    "Sat,Sun *-*-1..7 10:00",
    "*-*~01",
    "*-*~07/1",
    "Fri *-*~07/1 18:00",
    "*-02-29",
    "Mon *-02-29 12:00",
    "Fri *-*-13",
    "*-*-31 23:59:59",
    "*-*-29,30,31 00:30",
    "*-01/5-1/9 1/5:2/7:3/11",
    "*-*-* 02:30",
    "*-*-* 01,02,03:00,30",
    "*:*:59.5",
    "2030..2040/3-*-01",
    "Tue..Thu *-*~03..05 07:07:07",
    "*-*-* 00:00:00 Europe/Berlin",
    "*:15 America/New_York",
    "Sun 03:00 Pacific/Auckland",
    "*-*-5/10 12:00 UTC",
];

const ZONES: &[&str] = &[
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
];

/// Base times spread over decades, including DST change days.
fn bases() -> Vec<Usec> {
    let mut v = vec![
        0,
        951_782_400 * USEC_PER_SEC,
        1_774_745_400 * USEC_PER_SEC,
        1_792_890_000 * USEC_PER_SEC,
    ];
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..8 {
        // xorshift: deterministic pseudo-random instants between 1970 and ~2100.
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.push(x % (4_102_444_800 * USEC_PER_SEC));
    }
    v
}

#[test]
fn elapses_increase_and_match() {
    let mut m = Mismatches::default();
    for zone in ZONES {
        let tz = TimeZone::get(zone).expect("tzdata");
        for expr in EXPRESSIONS {
            let spec = CalendarSpec::parse(expr).expect("valid expression");
            for base in bases() {
                let mut after = base;
                for i in 0..12 {
                    let Some(next) = spec.next_elapse_in(after, &tz) else {
                        break;
                    };
                    let input = format!("{expr} (TZ={zone}, base {base}, #{i})");
                    m.check("property", &input, "strictly after", true, next > after);
                    m.check(
                        "property",
                        &input,
                        "matches spec",
                        true,
                        spec.matches_in(next, &tz),
                    );
                    after = next;
                }
            }
        }
    }
    m.assert_none("calendar properties");
}

/// Minute-granular expressions scanned minute by minute over a few days in UTC, where no
/// DST change can hide or repeat a time: the search must find exactly the same instants.
/// (Repetitions that overshoot a field by more than one carry make systemd skip matching
/// times on purpose — see quirks.rs — so these expressions avoid that.)
#[test]
fn no_elapse_is_skipped() {
    let exprs = [
        "*:0/5",
        "Mon..Fri 9..17:00",
        "*-*~01 23:59",
        "*-*~03/1 12:00",
        "*-*-* 02:30",
        "*:05..55/10",
        "Sat *-*~1..7 00:00",
        "*-*-29,30,31 00:30",
        "*-01/5-1/9 1/5:2/7",
    ];
    let mut m = Mismatches::default();
    for expr in exprs {
        let spec = CalendarSpec::parse(expr).expect("valid expression");
        for start in [1_706_659_200 * USEC_PER_SEC, 1_709_164_800 * USEC_PER_SEC] {
            // 2024-01-31 and 2024-02-29 (a leap day), scanned for ten days.
            let end = start + 10 * 24 * 60 * USEC_PER_MINUTE;
            let scanned: Vec<Usec> = (start / USEC_PER_MINUTE + 1..=end / USEC_PER_MINUTE)
                .map(|minute| minute * USEC_PER_MINUTE)
                .filter(|&t| spec.matches_in(t, &TimeZone::UTC))
                .collect();
            let mut found = Vec::new();
            let mut after = start;
            while let Some(next) = spec
                .next_elapse_in(after, &TimeZone::UTC)
                .filter(|&n| n <= end)
            {
                found.push(next);
                after = next;
            }
            m.check(
                "brute force",
                expr,
                &format!("elapses in 10 days from {start}"),
                scanned,
                found,
            );
        }
    }
    m.assert_none("brute force");
}
