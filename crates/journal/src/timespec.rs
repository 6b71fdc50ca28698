//! Minimal parsers for time spans, sizes and `--since`/`--until` timestamps.
//!
//! linger-time will own the full systemd.time(7) grammar; until it exposes
//! `timestamp::parse_timestamp`, the journal uses this small private subset (see the crate
//! docs for what is accepted).

use crate::error::{Error, Result};

const USEC_PER_SEC: u64 = 1_000_000;

/// Parses a systemd time span (`30s`, `1h 30min`, `2.5d`, bare number = `default_unit_usec`).
pub fn parse_timespan(s: &str, default_unit_usec: u64) -> Result<u64> {
    let t = s.trim();
    if t == "infinity" {
        return Ok(u64::MAX);
    }
    let bad = || Error::BadTimespan(s.to_owned());
    if t.is_empty() {
        return Err(bad());
    }
    let mut total: u64 = 0;
    let mut rest = t;
    while !rest.is_empty() {
        let num_len = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        if num_len == 0 {
            return Err(bad());
        }
        let num: f64 = rest[..num_len].parse().map_err(|_| bad())?;
        rest = rest[num_len..].trim_start();
        let unit_len = rest.find(|c: char| !c.is_alphabetic() && c != 'µ').unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        rest = rest[unit_len..].trim_start();
        let mult = if unit.is_empty() { default_unit_usec } else { unit_usec(unit).ok_or_else(bad)? };
        total = total.saturating_add((num * mult as f64).round() as u64);
    }
    Ok(total)
}

fn unit_usec(u: &str) -> Option<u64> {
    Some(match u {
        "us" | "usec" | "µs" | "μs" => 1,
        "ms" | "msec" => 1000,
        "s" | "sec" | "second" | "seconds" => USEC_PER_SEC,
        "m" | "min" | "minute" | "minutes" => 60 * USEC_PER_SEC,
        "h" | "hr" | "hour" | "hours" => 3600 * USEC_PER_SEC,
        "d" | "day" | "days" => 86400 * USEC_PER_SEC,
        "w" | "week" | "weeks" => 7 * 86400 * USEC_PER_SEC,
        "M" | "month" | "months" => 2_629_800 * USEC_PER_SEC,
        "y" | "year" | "years" => 31_557_600 * USEC_PER_SEC,
        _ => return None,
    })
}

/// Parses a size with journald's base-1024 suffixes (`512K`, `4G`, `1.5M`, plain bytes).
pub fn parse_size(s: &str) -> Result<u64> {
    let t = s.trim();
    let bad = || Error::BadSize(s.to_owned());
    let num_len = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
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

/// Parses a `--since`/`--until` timestamp relative to `now_usec` in the local time zone:
/// `now`, `today`, `yesterday`, `tomorrow`, `@EPOCH`, `-1h`/`+5min`, `1h ago`,
/// `YYYY-MM-DD[ HH:MM[:SS[.frac]]]`, `HH:MM[:SS]` (today), optional trailing `UTC`.
pub fn parse_timestamp(s: &str, now_usec: u64) -> Result<u64> {
    parse_timestamp_in(s, now_usec, &jiff::tz::TimeZone::system())
}

/// [`parse_timestamp`] with an explicit time zone (tests).
pub fn parse_timestamp_in(s: &str, now_usec: u64, tz: &jiff::tz::TimeZone) -> Result<u64> {
    let bad = || Error::BadTimestamp(s.to_owned());
    let t = s.trim();
    if let Some(rel) = t.strip_prefix('-') {
        return Ok(now_usec.saturating_sub(parse_timespan(rel, USEC_PER_SEC)?));
    }
    if let Some(rel) = t.strip_prefix('+') {
        return Ok(now_usec.saturating_add(parse_timespan(rel, USEC_PER_SEC)?));
    }
    if let Some(rel) = t.strip_suffix(" ago") {
        return Ok(now_usec.saturating_sub(parse_timespan(rel, USEC_PER_SEC)?));
    }
    if let Some(rel) = t.strip_suffix(" left") {
        return Ok(now_usec.saturating_add(parse_timespan(rel, USEC_PER_SEC)?));
    }
    if let Some(epoch) = t.strip_prefix('@') {
        let secs: f64 = epoch.parse().map_err(|_| bad())?;
        return Ok((secs * 1e6) as u64);
    }
    let (t, tz) = match t.strip_suffix(" UTC") {
        Some(rest) => (rest, jiff::tz::TimeZone::UTC),
        None => (t, tz.clone()),
    };
    let now_ts = jiff::Timestamp::from_microsecond(i64::try_from(now_usec).map_err(|_| bad())?)
        .map_err(|_| bad())?;
    let today = now_ts.to_zoned(tz.clone()).date();
    let day_start = |d: jiff::civil::Date| -> Result<u64> {
        let z = d.to_datetime(jiff::civil::Time::midnight()).to_zoned(tz.clone()).map_err(|_| bad())?;
        u64::try_from(z.timestamp().as_microsecond()).map_err(|_| bad())
    };
    match t {
        "now" => return Ok(now_usec),
        "today" => return day_start(today),
        "yesterday" => return day_start(today.yesterday().map_err(|_| bad())?),
        "tomorrow" => return day_start(today.tomorrow().map_err(|_| bad())?),
        _ => {}
    }
    // Drop an optional leading weekday name ("Tue 2023-11-14 ...").
    let t = match t.split_once(' ') {
        Some((w, rest)) if w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic()) => rest.trim(),
        _ => t,
    };
    let (date, time) = match t.split_once([' ', 'T']) {
        Some((d, tm)) => (Some(d), Some(tm.trim())),
        None if t.contains(':') => (None, Some(t)),
        None => (Some(t), None),
    };
    let date = match date {
        Some(d) => d.parse::<jiff::civil::Date>().map_err(|_| bad())?,
        None => today,
    };
    let time = match time {
        Some(tm) => {
            let full = if tm.matches(':').count() == 1 { format!("{tm}:00") } else { tm.to_owned() };
            full.parse::<jiff::civil::Time>().map_err(|_| bad())?
        }
        None => jiff::civil::Time::midnight(),
    };
    let z = date.to_datetime(time).to_zoned(tz).map_err(|_| bad())?;
    u64::try_from(z.timestamp().as_microsecond()).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_sizes_timestamps() {
        let s = USEC_PER_SEC;
        for (input, want) in [("30s", 30 * s), ("1h 30min", 5400 * s), ("5", 5 * s), ("1.5m", 90 * s), ("2d", 172_800 * s)] {
            assert_eq!(parse_timespan(input, s).ok(), Some(want), "{input}");
        }
        assert!(parse_timespan("5 parsecs", s).is_err());
        assert!(parse_timespan("", s).is_err());
        for (input, want) in [("4G", 4u64 << 30), ("512K", 512 << 10), ("100", 100), ("1.5M", 3 << 19)] {
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
