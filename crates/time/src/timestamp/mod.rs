//! Timestamps: parsing as systemd.time(7) "PARSING TIMESTAMPS" describes ("2026-11-23
//! 10:00", "yesterday", "-1h", "5min ago", "@1700000000", optional weekday and time zone),
//! and formatting as systemd displays them ("Mon 2026-11-23 10:00:00 CET", "5min ago").

mod parse;

pub(crate) use parse::parse_fraction;

use std::fmt::Write as _;

use jiff::tz::TimeZone;

use crate::civil::WEEKDAY_NAMES;
use crate::error::ErrorKind;
use crate::{
    USEC_PER_DAY, USEC_PER_HOUR, USEC_PER_MINUTE, USEC_PER_MONTH, USEC_PER_MSEC, USEC_PER_SEC,
    USEC_PER_WEEK, USEC_PER_YEAR, USEC_TIMESTAMP_FORMATTABLE_MAX, Usec, zone,
};

/// A timestamp that could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid timestamp '{input}': {reason}")]
pub struct TimestampError {
    input: String,
    kind: ErrorKind,
    reason: &'static str,
}

impl TimestampError {
    /// The input that was rejected.
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }
    /// Whether systemd would report `EINVAL` or `ERANGE` for this input.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    /// What is wrong, in a few words.
    #[must_use]
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

/// Parses a timestamp relative to `now` (µs since the epoch) in the local zone `tz`.
///
/// Accepted, as systemd.time(7) lists them:
/// * `[WEEKDAY] [YY]YY-MM-DD [HH:MM[:SS[.ffffff]]]`, `[WEEKDAY] HH:MM[:SS[.ffffff]]` —
///   a missing date is today, a missing time 00:00:00; a weekday must match the date;
/// * a suffix ` UTC`, a tz database name (` Europe/Berlin`), the local zone's own
///   abbreviations (` CET`, ` CEST`, which pick standard or daylight time), or — an
///   extension over systemd 252 — a numeric offset (` +0200`, ` -05:00`);
/// * `now`, `today`, `yesterday`, `tomorrow`;
/// * `+SPAN`, `-SPAN`, `SPAN ago`, `SPAN left` (relative to `now`), `@SPAN` (since epoch).
///
/// Out-of-range fields roll over as C's `mktime` does ("2026-02-30" is March 2nd); a wall
/// time skipped by a DST change is taken with the offset before the change.
///
/// # Errors
/// [`TimestampError`] for anything else, for times before 1970 and after
/// [`USEC_TIMESTAMP_FORMATTABLE_MAX`].
pub fn parse_timestamp(s: &str, now: Usec, tz: &TimeZone) -> Result<Usec, TimestampError> {
    parse::parse(s, now, tz).map_err(|(kind, reason)| TimestampError {
        input: s.to_owned(),
        kind,
        reason,
    })
}

/// What systemd prints for timestamps it cannot show (beyond year 9999).
const UNFORMATTABLE: &str = "--- XXXX-XX-XX XX:XX:XX";

/// Formats a timestamp as systemd displays it: "Mon 2026-11-23 10:00:00 CET", in `tz`
/// with that zone's abbreviation ("UTC" for [`TimeZone::UTC`]).
///
/// Every value is formatted, including 0 (the epoch): callers that use 0 or
/// [`crate::USEC_INFINITY`] for "unset" print their own placeholder, as systemd's tools
/// do ("n/a", "-"). Values beyond [`USEC_TIMESTAMP_FORMATTABLE_MAX`] give
/// "--- XXXX-XX-XX XX:XX:XX".
#[must_use]
pub fn format_timestamp(usec: Usec, tz: &TimeZone) -> String {
    format(usec, tz, false)
}

/// Like [`format_timestamp`] with microseconds: "Mon 2026-11-23 10:00:00.123456 CET".
#[must_use]
pub fn format_timestamp_us(usec: Usec, tz: &TimeZone) -> String {
    format(usec, tz, true)
}

fn format(usec: Usec, tz: &TimeZone, with_usec: bool) -> String {
    let Some(c) = (usec <= USEC_TIMESTAMP_FORMATTABLE_MAX)
        .then(|| zone::to_civil(usec, tz))
        .flatten()
    else {
        return UNFORMATTABLE.to_owned();
    };
    let mut out = String::with_capacity(40);
    let weekday = usize::try_from(c.weekday()).map_or("???", |w| WEEKDAY_NAMES[w % 7].0);
    let _ = write!(
        out,
        "{weekday} {:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        c.year,
        c.month,
        c.day,
        c.hour,
        c.minute,
        c.second()
    );
    if with_usec {
        let _ = write!(out, ".{:06}", usec % USEC_PER_SEC);
    }
    out.push(' ');
    out.push_str(&zone::abbreviation(
        tz,
        i64::try_from(usec).unwrap_or(i64::MAX),
    ));
    out
}

fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// Formats the distance between `usec` and `now` as systemd does in `systemctl status`
/// ("5min ago", "1h 2min left", "2 months 5 days ago", "now"). The precision drops as the
/// distance grows: seconds are shown below 5 minutes, minutes below 6 hours, and so on.
#[must_use]
pub fn format_timestamp_relative(usec: Usec, now: Usec) -> String {
    let (d, suffix) = if now > usec {
        (now - usec, "ago")
    } else {
        (usec - now, "left")
    };
    if d >= USEC_PER_YEAR {
        let years = d / USEC_PER_YEAR;
        let months = (d % USEC_PER_YEAR) / USEC_PER_MONTH;
        format!(
            "{years} {} {months} {} {suffix}",
            plural(years, "year", "years"),
            plural(months, "month", "months")
        )
    } else if d >= USEC_PER_MONTH {
        let months = d / USEC_PER_MONTH;
        let days = (d % USEC_PER_MONTH) / USEC_PER_DAY;
        format!(
            "{months} {} {days} {} {suffix}",
            plural(months, "month", "months"),
            plural(days, "day", "days")
        )
    } else if d >= USEC_PER_WEEK {
        let weeks = d / USEC_PER_WEEK;
        let days = (d % USEC_PER_WEEK) / USEC_PER_DAY;
        format!(
            "{weeks} {} {days} {} {suffix}",
            plural(weeks, "week", "weeks"),
            plural(days, "day", "days")
        )
    } else if d >= 2 * USEC_PER_DAY {
        format!("{} days {suffix}", d / USEC_PER_DAY)
    } else if d >= 25 * USEC_PER_HOUR {
        format!("1 day {}h {suffix}", (d - USEC_PER_DAY) / USEC_PER_HOUR)
    } else if d >= 6 * USEC_PER_HOUR {
        format!("{}h {suffix}", d / USEC_PER_HOUR)
    } else if d >= USEC_PER_HOUR {
        format!(
            "{}h {}min {suffix}",
            d / USEC_PER_HOUR,
            (d % USEC_PER_HOUR) / USEC_PER_MINUTE
        )
    } else if d >= 5 * USEC_PER_MINUTE {
        format!("{}min {suffix}", d / USEC_PER_MINUTE)
    } else if d >= USEC_PER_MINUTE {
        format!(
            "{}min {}s {suffix}",
            d / USEC_PER_MINUTE,
            (d % USEC_PER_MINUTE) / USEC_PER_SEC
        )
    } else if d >= USEC_PER_SEC {
        format!("{}s {suffix}", d / USEC_PER_SEC)
    } else if d >= USEC_PER_MSEC {
        format!("{}ms {suffix}", d / USEC_PER_MSEC)
    } else if d > 0 {
        format!("{d}us {suffix}")
    } else {
        "now".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing (fuzz/ time_timestamp): the last two hours systemd can show (jiff's
    /// instants end at 9999-12-30 22:00 UTC) were printed as unformattable.
    #[test]
    fn the_last_formattable_hours() {
        let tz = TimeZone::UTC;
        // systemd-analyze timestamp "9999-12-30 23:10:00 UTC" prints the same.
        assert_eq!(
            format_timestamp(253_402_211_400 * USEC_PER_SEC, &tz),
            "Thu 9999-12-30 23:10:00 UTC"
        );
        assert_eq!(
            format_timestamp_us(crate::USEC_TIMESTAMP_FORMATTABLE_MAX, &tz),
            "Thu 9999-12-30 23:59:59.999999 UTC"
        );
        assert_eq!(
            format_timestamp(crate::USEC_TIMESTAMP_FORMATTABLE_MAX + 1, &tz),
            UNFORMATTABLE
        );
    }

    #[test]
    fn relative() {
        let now = 1_000_000 * USEC_PER_SEC;
        assert_eq!(
            format_timestamp_relative(now - 5 * USEC_PER_MINUTE - 3 * USEC_PER_SEC, now),
            "5min ago"
        );
        assert_eq!(
            format_timestamp_relative(now + 62 * USEC_PER_MINUTE, now),
            "1h 2min left"
        );
        assert_eq!(
            format_timestamp_relative(now + 8 * USEC_PER_DAY, now),
            "1 week 1 day left"
        );
        assert_eq!(format_timestamp_relative(now, now), "now");
    }

    #[test]
    fn format() {
        let berlin = TimeZone::get("Europe/Berlin").expect("tzdata");
        assert_eq!(
            format_timestamp(1_795_428_000 * USEC_PER_SEC, &berlin),
            "Mon 2026-11-23 11:00:00 CET"
        );
        assert_eq!(
            format_timestamp_us(1_795_428_000_123_456, &TimeZone::UTC),
            "Mon 2026-11-23 10:00:00.123456 UTC"
        );
        assert_eq!(format_timestamp(u64::MAX, &TimeZone::UTC), UNFORMATTABLE);
    }
}
