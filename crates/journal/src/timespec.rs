//! Time spans, sizes and `--since`/`--until` timestamps. Spans and timestamps are parsed by
//! linger-time (the systemd.time(7) grammar); sizes here (journald's base-1024 suffixes).

use crate::error::{Error, Result};

/// Parses a systemd time span (`30s`, `1h 30min`, bare number = `default_unit_usec`).
pub fn parse_timespan(s: &str, default_unit_usec: u64) -> Result<u64> {
    linger_time::span::parse_time(s, default_unit_usec)
        .map_err(|_| Error::BadTimespan(s.to_owned()))
}

/// Parses a size with journald's base-1024 suffixes (`512K`, `4G`, `1.5M`, plain bytes).
pub fn parse_size(s: &str) -> Result<u64> {
    let t = s.trim();
    let bad = || Error::BadSize(s.to_owned());
    let num_len = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    if num_len == 0 {
        return Err(bad());
    }
    let num: f64 = t[..num_len].parse().map_err(|_| bad())?;
    let mult: u64 = match t[num_len..].trim() {
        "" | "B" => 1,
        "K" | "KB" | "KiB" => 1 << 10,
        "M" | "MB" | "MiB" => 1 << 20,
        "G" | "GB" | "GiB" => 1 << 30,
        "T" | "TB" | "TiB" => 1 << 40,
        "P" | "PB" | "PiB" => 1 << 50,
        "E" | "EB" | "EiB" => 1 << 60,
        _ => return Err(bad()),
    };
    Ok((num * mult as f64) as u64)
}

/// Parses a `--since`/`--until` timestamp relative to `now_usec` in the local time zone
/// (`-1h`, `yesterday`, `2023-11-14 22:13`, `@1700000000`, …).
pub fn parse_timestamp(s: &str, now_usec: u64) -> Result<u64> {
    parse_timestamp_in(s, now_usec, &linger_time::local_zone())
}

/// [`parse_timestamp`] with an explicit time zone (tests).
pub fn parse_timestamp_in(s: &str, now_usec: u64, tz: &jiff::tz::TimeZone) -> Result<u64> {
    linger_time::timestamp::parse_timestamp(s, now_usec, tz)
        .map_err(|_| Error::BadTimestamp(s.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const USEC_PER_SEC: u64 = 1_000_000;

    #[test]
    fn spans_sizes_timestamps() {
        let s = USEC_PER_SEC;
        for (input, want) in [
            ("30s", 30 * s),
            ("1h 30min", 5400 * s),
            ("5", 5 * s),
            ("1.5m", 90 * s),
            ("2d", 172_800 * s),
        ] {
            assert_eq!(parse_timespan(input, s).ok(), Some(want), "{input}");
        }
        assert!(parse_timespan("5 parsecs", s).is_err());
        assert!(parse_timespan("", s).is_err());
        for (input, want) in [
            ("4G", 4u64 << 30),
            ("512K", 512 << 10),
            ("100", 100),
            ("1.5M", 3 << 19),
        ] {
            assert_eq!(parse_size(input).ok(), Some(want), "{input}");
        }
        assert!(parse_size("lots").is_err());
        let utc = jiff::tz::TimeZone::UTC;
        let now = 1_700_000_000_000_000; // 2023-11-14 22:13:20 UTC
        let p = |x: &str| parse_timestamp_in(x, now, &utc).ok();
        assert_eq!(p("-1h"), Some(now - 3600 * s));
        assert_eq!(p("2h ago"), Some(now - 7200 * s));
        assert_eq!(p("now"), Some(now));
        assert_eq!(p("today"), Some(1_699_920_000 * s));
        assert_eq!(p("yesterday"), Some(1_699_833_600 * s));
        assert_eq!(p("2023-11-14 22:13:20"), Some(now));
        assert_eq!(p("Tue 2023-11-14 22:13:20 UTC"), Some(now));
        assert_eq!(p("2023-11-14 22:13"), Some(now - 20 * s));
        assert_eq!(p("2023-11-14"), Some(1_699_920_000 * s));
        assert_eq!(p("22:13:20"), Some(now));
        assert_eq!(p("@1700000000"), Some(now));
        assert_eq!(p("not a time"), None);
    }
}
