//! Oracle tests: the installed systemd-analyze (252) run once per time zone over inputs
//! written here, compared with what `linger_time::analyze` produces for the same inputs.
//! Lines that depend on the real clock ("From now") are left out of the comparison.

use std::time::{SystemTime, UNIX_EPOCH};

use jiff::tz::TimeZone;
use linger_time::analyze::{calendar_block, calendar_report, timespans_report, timestamps_report};
use linger_time::{CalendarSpec, USEC_PER_SEC, Usec};

use crate::common::{Mismatches, analyze, oracle_available};

/// Splits a report into one block of lines per input: the tool prints an empty line
/// between inputs (also around a rejected input, whose block is empty) and none inside a
/// block. Lines that depend on the real clock ("From now") are dropped.
fn blocks(stdout: &str) -> Vec<Vec<String>> {
    let mut blocks = vec![Vec::new()];
    for line in stdout.lines() {
        if line.is_empty() {
            blocks.push(Vec::new());
        } else if !line.trim_start().starts_with("From now:")
            && let Some(last) = blocks.last_mut()
        {
            last.push(line.to_owned());
        }
    }
    blocks
}

fn stderr_lines(stderr: &str) -> Vec<String> {
    stderr.lines().map(str::to_owned).collect()
}

fn real_now() -> Usec {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_micros()).unwrap_or(0))
}

#[test]
fn timespan_oracle() {
    if !oracle_available() {
        return;
    }
    let inputs = [
        "5s",
        "5s500ms",
        " 5s 500ms  ",
        " 5.5s  ",
        ".22s",
        "2.5",
        ".7",
        "23us",
        "23µs",
        "23μs",
        "infinity",
        "+3.1s",
        "3.1s.2",
        "3.1 .2",
        "3.1 sec 1.2 sec",
        "0",
        "1us",
        "999ms",
        "1.5us",
        "2 h",
        "2hours",
        "48hr",
        "1y 12month",
        "55s500ms",
        "300ms20s 5day",
        "1y",
        "1M",
        "1month",
        "1w",
        "1 week",
        "2weeks",
        "3d",
        "3 days",
        "90min",
        "90 m",
        "1h 30min",
        "61s",
        "3599s",
        "3600.5s",
        "86399.999999s",
        "1.1111111111111y",
        "7d 23h 59min 59s",
        "100000h",
        "1msec",
        "1.001ms",
        "0.5ms",
        "12345678us",
        "59.999999s",
        "5 minutes",
        "1 hour 1 minute 1 second",
        "2.5month",
        "0.1y",
        "1000000000s",
    ];
    let (expected, _) = analyze("UTC", &[&["timespan", "--"][..], &inputs].concat());
    let (got, errors) = timespans_report(&inputs, real_now(), &TimeZone::UTC);
    let mut m = Mismatches::default();
    m.check(
        "oracle",
        "timespan",
        "no errors",
        Vec::<String>::new(),
        errors,
    );
    let (want, have) = (blocks(&expected), blocks(&got));
    m.check(
        "oracle",
        "timespan",
        "number of blocks",
        inputs.len(),
        want.len(),
    );
    for (i, input) in inputs.iter().enumerate() {
        m.check("oracle", input, "timespan report", want.get(i), have.get(i));
    }
    m.check("oracle", "timespan", "whole output", expected, got);
    m.assert_none("timespan oracle");
}

#[test]
fn timestamp_oracle() {
    if !oracle_available() {
        return;
    }
    let common = [
        "2026-11-23 10:00",
        "2026-11-23 10:00:05",
        "2026-11-23 10:00:05.123",
        "2026-11-23 10:00:05.1234567",
        "Mon 2026-11-23 10:00",
        "Monday 2026-11-23",
        "mon 2026-11-23",
        "MONDAY 2026-11-23 10:00",
        "Mon  2026-11-23",
        "12-11-23",
        "99-01-01",
        "68-01-01",
        "2026-1-3 1:2:3",
        "2026-02-30",
        "2026-02-29",
        "2024-02-29 12:00",
        "2026-03-29 02:30",
        "2026-03-08 02:30",
        "2026-03-29 02:30:00",
        "@1700000000",
        "@1700000000.5",
        "@ 5",
        "2026-11-23 10:00 UTC",
        "2026-11-23 10:00 utc",
        "2026-11-23 10:00:05.5 UTC",
        "today UTC",
        "1970-01-01 00:00 UTC",
        "2026-11-23  10:00",
        " 2026-11-23",
        "2038-01-19 03:14:08",
        "2100-12-31 23:59:59",
        "2026-12-31 23:59:60",
        "today",
        "yesterday",
        "tomorrow",
        "10:00",
        "13:14:15.5",
        "23:59:59",
        "24:00",
        "2026-11-23T10:00",
        "now UTC",
        "Tue 2026-11-23",
        "69-01-01",
        "0099-01-01",
        "2026-11-23 ",
        "2026-11-23 10:00:05.",
        "Mon",
        "Mon,2026-11-23",
        "2026-11-23 10",
        "Now",
        "9999-12-31 23:59:59",
        "1969-12-31 23:59 UTC",
    ];
    // glibc's mktime resolves a repeated wall-clock time depending on its previous calls
    // in the process; linger behaves like a fresh process, so each zone's ambiguous time
    // comes first.
    let per_zone: [(&str, &[&str]); 3] = [
        (
            "UTC",
            &[
                "2026-10-25 02:30",
                "2026-11-01 01:30",
                "2026-11-23 10:00 UTC",
            ],
        ),
        (
            "Europe/Berlin",
            &[
                "2026-10-25 02:30",
                "2026-07-01 12:00 CEST",
                "10:00 CEST",
                "2026-10-25 02:30 CEST",
                "2026-03-29 02:30 CEST",
            ],
        ),
        (
            "America/New_York",
            &[
                "2026-11-01 01:30",
                "2026-07-01 12:00 EDT",
                "2026-11-01 01:30 EDT",
            ],
        ),
    ];
    let mut m = Mismatches::default();
    for (tz_name, extra) in per_zone {
        let tz = TimeZone::get(tz_name).expect("tzdata");
        let inputs: Vec<&str> = extra.iter().chain(&common).copied().collect();
        let day = |now: Usec| linger_time::format_timestamp(now, &tz)[..14].to_owned();
        let before = real_now();
        let (expected, expected_err) =
            analyze(tz_name, &[&["timestamp", "--"][..], &inputs].concat());
        let after = real_now();
        let (got, errors) = timestamps_report(&inputs, before, &tz);
        let (want, have) = (blocks(&expected), blocks(&got));
        m.check(
            "oracle",
            tz_name,
            "number of blocks",
            inputs.len(),
            want.len(),
        );
        // Inputs relative to today are only comparable if the date did not change.
        let stable = day(before) == day(after);
        for (i, input) in inputs.iter().enumerate() {
            let clock_dependent = [
                "today",
                "yesterday",
                "tomorrow",
                "10:00",
                "13:14:15.5",
                "23:59:59",
            ]
            .iter()
            .any(|c| input == c);
            if clock_dependent && !stable {
                continue;
            }
            m.check(
                "oracle",
                input,
                &format!("timestamp report (TZ={tz_name})"),
                want.get(i),
                have.get(i),
            );
        }
        m.check(
            "oracle",
            tz_name,
            "timestamp errors",
            stderr_lines(&expected_err),
            errors,
        );
    }
    m.assert_none("timestamp oracle");
}

/// Expressions checked in every zone.
const GENERAL: &[&str] = &[
    "*-02-29",
    "Mon *-02-29",
    "*-02~01",
    "*-02~02",
    "*-*~01",
    "*-*~07/1",
    "Fri *-*~07/1",
    "Mon *-05~07/1",
    "*-*~03..05",
    "*-*~28",
    "*-01,03~01 12:00",
    "2028-02-29 12:00",
    "2100-02-29",
    "*-02-28,29 23:59:59",
    "*-*-31",
    "*-*-30,31",
    "Sat,Sun *-*-1..7 10:00",
    "Fri *-*-13",
    "quarterly",
    "semiannually",
    "yearly",
    "monthly",
    "weekly",
    "daily",
    "hourly",
    "minutely",
    "*:0/15",
    "*:*:0/10",
    "*:*:0/7.5",
    "*:*:1.5",
    "9..17:00",
    "Mon..Fri 9..17/2:30",
    "Sat..Sun 10:00 Europe/Berlin",
    "*-*-* 12:00 America/New_York",
    "*-*-* 12:00 Asia/Kolkata",
    "*-*-* 00:00 Pacific/Auckland",
    "2030..2035-06-15",
    "2024/2-01-01",
    "*-1/3-1",
    "*-*-1/10",
    "*-*-5..25/5 06:00",
    "12:00:00.5",
    "*:*:59.999999",
    "1..3-1..3 1..3:1..3",
    "00:00:20..40/7",
    "*-*~1,15",
    "Tue,Thu *-*-* 18:45",
    "Sun *-*~07/1 03:00",
    "*-12-25",
    "mon,wed,fri *-*-* 6:00",
    "Wed..Fri,Sun 23:59",
    "*-*-* 23:59:59",
    "*:59:59",
    "@1800000000",
    "2025-12-31 23:59:59",
    "99-*-*",
    "*-*-* 1,13:05,35",
    "*:05..55/10",
    "monthly UTC",
    "weekly Pacific/Auckland",
    "*-05~03..10/2",
    "*-*~07/3",
    "Sat *-*~1..7 UTC",
    "2027-02~01..03",
    "*:*:0.5/0.25",
    "Mon,Tue,Thu,Fri,Sun",
    "Wednesday,",
    "Wed, 17:48",
    "*-*-* *:*:30/7.25",
    "*:20..39/5",
    "0:0:0.1234564",
    "*:*:1.5..3.6/1",
    "*~28/27",
    "2199-12-31 23:59:59",
    "70-1-1 0:0",
    "*-*-1..31/30",
    // Rejected ones: the error lines must match too.
    "test",
    "*-*~29",
    "24:00",
    "Mon..",
    "*:*:60",
    "*-13-01",
    "1969-01-01",
    "@1.5",
    "2200-01-01",
    "*:0/0",
    "*:*:5..5",
    "Tue..Mon",
    "*/2-*-*",
    "12:00 ",
    " 12:00",
    "*:2147483648",
];

/// Expressions around DST changes.
const DST: &[&str] = &[
    "hourly",
    "*:0/20",
    "*:30",
    "*-*-* 02:30",
    "*-*-* 01:30",
    "*-*-* 02,03:15",
    "*-*-* 02..04:00",
    "*:*:0/30",
    "*-*-* 02:0/15",
    "*-*-* 01,02,03:00",
    "Sun *-*-* 02:30",
    "*-*-* 03:00",
    "daily",
    "*:00,30",
    "*-*-* 00:59:59",
    "*-*-* 01:59:59.5",
    "*-*-* 2:00:00",
    "*:45:00",
];

/// The local zone's own abbreviations (spelled so that they are no tz database names).
/// Around a DST change systemd's results depend on glibc's `mktime` internals; away from
/// one they fire while the zone is in the named state and then never again.
const ABBREVIATIONS: &[&str] = &[
    "daily cet",
    "daily CEST",
    "*-*-* 02:30 cest",
    "hourly cet",
    "*:0/20 cest",
    "Mon 12:00 EDT",
    "hourly est",
    "*:30 edt",
];

fn usec_of(date: &str) -> Usec {
    let ts: jiff::Timestamp = date.parse().expect("valid test date");
    u64::try_from(ts.as_microsecond()).expect("after 1970")
}

#[test]
fn calendar_oracle() {
    if !oracle_available() {
        return;
    }
    // (TZ, base time, expressions): one systemd-analyze run each.
    let groups: Vec<(&str, Usec, Vec<&str>)> = vec![
        ("UTC", usec_of("2024-01-15T12:34:56Z"), GENERAL.to_vec()),
        (
            "Europe/Berlin",
            usec_of("2026-02-27T18:07:00Z"),
            GENERAL.to_vec(),
        ),
        (
            "America/New_York",
            usec_of("2027-11-30T23:59:59.5Z"),
            GENERAL.to_vec(),
        ),
        (
            "Europe/Berlin",
            usec_of("2026-03-28T23:10:00Z"),
            DST.to_vec(),
        ),
        (
            "Europe/Berlin",
            usec_of("2026-10-24T23:10:00Z"),
            DST.to_vec(),
        ),
        (
            "Europe/Berlin",
            usec_of("2026-10-25T00:40:00Z"),
            DST.to_vec(),
        ),
        (
            "America/New_York",
            usec_of("2026-03-08T06:10:00Z"),
            DST.to_vec(),
        ),
        (
            "America/New_York",
            usec_of("2026-11-01T05:10:00Z"),
            DST.to_vec(),
        ),
        (
            "America/New_York",
            usec_of("2026-11-01T06:20:00Z"),
            DST.to_vec(),
        ),
        (
            "Australia/Lord_Howe",
            usec_of("2026-04-04T14:10:00Z"),
            DST.to_vec(),
        ),
        (
            "Pacific/Auckland",
            usec_of("2026-09-26T13:10:00Z"),
            DST.to_vec(),
        ),
        (
            "Europe/Berlin",
            usec_of("2026-01-10T12:00:00Z"),
            ABBREVIATIONS.to_vec(),
        ),
        (
            "Europe/Berlin",
            usec_of("2026-03-25T12:00:00Z"),
            ABBREVIATIONS.to_vec(),
        ),
        (
            "Europe/Berlin",
            usec_of("2026-07-10T12:00:00Z"),
            ABBREVIATIONS.to_vec(),
        ),
        (
            "America/New_York",
            usec_of("2026-01-10T12:00:00Z"),
            ABBREVIATIONS.to_vec(),
        ),
        (
            "America/New_York",
            usec_of("2026-10-28T12:00:00Z"),
            ABBREVIATIONS.to_vec(),
        ),
    ];
    let mut m = Mismatches::default();
    for (tz_name, base, exprs) in groups {
        let tz = TimeZone::get(tz_name).expect("tzdata");
        let base_arg = format!(
            "--base-time=@{}.{:06}",
            base / USEC_PER_SEC,
            base % USEC_PER_SEC
        );
        let (expected, expected_err) = analyze(
            tz_name,
            &[
                &["calendar", "--iterations=5", base_arg.as_str(), "--"][..],
                &exprs,
            ]
            .concat(),
        );
        let now = real_now();
        let (got, errors) = calendar_report(&exprs, 5, base, now, &tz);
        let (want, have) = (blocks(&expected), blocks(&got));
        let context = format!("TZ={tz_name} base={base_arg}");
        m.check(
            "oracle",
            &context,
            "number of blocks",
            exprs.len(),
            want.len(),
        );
        for (i, expr) in exprs.iter().enumerate() {
            m.check(
                "oracle",
                expr,
                &format!("calendar report ({context})"),
                want.get(i),
                have.get(i),
            );
            if let Ok(block) = calendar_block(expr, 5, base, now, &tz) {
                // The report is made from the public API; make sure they agree.
                let spec = CalendarSpec::parse_in(expr, &tz, now).expect("parsed above");
                m.check(
                    "oracle",
                    expr,
                    "normalized in report",
                    true,
                    block.contains(&spec.normalized()),
                );
            }
        }
        m.check(
            "oracle",
            &context,
            "calendar errors",
            stderr_lines(&expected_err),
            errors,
        );
    }
    m.assert_none("calendar oracle");
}
