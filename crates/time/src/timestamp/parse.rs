//! The timestamp grammar. systemd matches the input against a fixed list of C `strptime`
//! formats and lets `mktime` normalize the result; the helpers here reproduce exactly the
//! parts of those two functions that make a difference to which inputs are accepted
//! (blank skipping, how many digits a field takes, two-digit years, field roll-over).

use jiff::tz::TimeZone;

use crate::civil::{Civil, days_from_civil, weekday_from_days, weekday_prefix};
use crate::error::ErrorKind;
use crate::span::{Fail, parse_sec};
use crate::zone::{self, Resolved};
use crate::{USEC_PER_DAY, USEC_TIMESTAMP_FORMATTABLE_MAX, Usec};

const INVALID: Fail = (ErrorKind::Invalid, "not a valid timestamp");

fn span(s: &str) -> Result<Usec, Fail> {
    parse_sec(s).map_err(|e| (e.kind(), e.reason()))
}

fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// How the wall-clock time found is turned into an instant.
#[derive(Clone, Copy)]
enum Resolve {
    /// By the zone's rules (C `mktime` with `tm_isdst = -1`).
    Rules,
    /// With a fixed UTC offset in seconds: the input named the local standard or DST
    /// abbreviation, which forces that offset even when the other one is in effect.
    Offset(i32),
}

pub(super) fn parse(s: &str, now: Usec, tz: &TimeZone) -> Result<Usec, Fail> {
    // A trailing zone name makes the rest an absolute time in that zone; systemd does not
    // combine it with the relative forms.
    if !ends_with_ignore_case(s, " UTC")
        && let Some(idx) = s.rfind(' ')
        && let Some(other) = zone::by_name(&s[idx + 1..]).or_else(|| zone::by_offset(&s[idx + 1..]))
    {
        return absolute(&s[..idx], now, &other, Resolve::Rules);
    }
    if let Some(rest) = s.strip_prefix('@') {
        return span(rest);
    }
    if s == "now" {
        return Ok(now);
    }
    if let Some(rest) = s.strip_prefix('+').or_else(|| s.strip_suffix(" left")) {
        return now
            .checked_add(span(rest)?)
            .filter(|&t| t <= USEC_TIMESTAMP_FORMATTABLE_MAX)
            .ok_or((ErrorKind::Invalid, "timestamp beyond year 9999"));
    }
    if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_suffix(" ago")) {
        return now
            .checked_sub(span(rest)?)
            .ok_or((ErrorKind::Invalid, "timestamp before 1970"));
    }
    if ends_with_ignore_case(s, " UTC") {
        return absolute(&s[..s.len() - 4], now, &TimeZone::UTC, Resolve::Rules);
    }
    for (abbr, _dst, offset) in zone::local_abbreviations(tz, now) {
        let cut = s.len().wrapping_sub(abbr.len() + 1);
        if s.len() > abbr.len() + 1 && ends_with_ignore_case(s, &abbr) && s.as_bytes()[cut] == b' '
        {
            return absolute(&s[..cut], now, tz, Resolve::Offset(offset));
        }
    }
    absolute(s, now, tz, Resolve::Rules)
}

/// Broken-down fields as `strptime` fills them; out-of-range days, hours or seconds are
/// legal here and roll over later.
#[derive(Clone, Copy)]
struct Fields {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
}

fn absolute(t: &str, now: Usec, tz: &TimeZone, resolve: Resolve) -> Result<Usec, Fail> {
    let base = zone::to_civil(now, tz).ok_or(INVALID)?;
    let mut f = Fields {
        year: base.year,
        month: i64::from(base.month),
        day: i64::from(base.day),
        hour: i64::from(base.hour),
        minute: i64::from(base.minute),
        second: i64::from(base.second()),
    };
    let mut frac_usec = 0;
    let mut weekday = None;
    match t {
        "today" | "yesterday" | "tomorrow" => {
            f.day += match t {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            (f.hour, f.minute, f.second) = (0, 0, 0);
        }
        _ => {
            let mut rest = t;
            if let Some((nr, len)) = weekday_prefix(t)
                && t.as_bytes().get(len) == Some(&b' ')
            {
                weekday = Some(nr);
                rest = &t[len + 1..];
            }
            frac_usec = match_formats(rest.as_bytes(), &mut f)?;
        }
    }
    // mktime: let the fields roll over, then find the instant.
    let month = u32::try_from(f.month).map_err(|_| INVALID)?;
    let days = days_from_civil(f.year, month, 1) + f.day - 1;
    // The weekday must match the date as written (a day past the month's end counting
    // on into the next), not the time after DST or second roll-over adjustments.
    if weekday.is_some_and(|wd| wd != weekday_from_days(days)) {
        return Err((ErrorKind::Invalid, "weekday does not match the date"));
    }
    let local = days * i64::try_from(USEC_PER_DAY).unwrap_or(i64::MAX)
        + (f.hour * 3600 + f.minute * 60 + f.second) * 1_000_000;
    let civil = Civil::from_local_usec(local);
    let instant = match resolve {
        Resolve::Offset(offset) => local - i64::from(offset) * 1_000_000,
        Resolve::Rules => match zone::resolve(civil, tz).ok_or(INVALID)? {
            Resolved::One(x) => x,
            Resolved::Gap { before_offset, .. } => local - i64::from(before_offset) * 1_000_000,
            Resolved::Fold { earlier, later } => {
                // glibc's mktime starts from the offset at the wall-clock time read as
                // UTC and settles on whichever instant that first guess leads to.
                let guess = zone::offset_at(tz, local).unwrap_or(0);
                if local - i64::from(guess) * 1_000_000 == later {
                    later
                } else {
                    earlier
                }
            }
        },
    };
    let instant =
        u64::try_from(instant).map_err(|_| (ErrorKind::Invalid, "timestamp before 1970"))?;
    let result = instant.checked_add(frac_usec).ok_or(INVALID)?;
    if result > USEC_TIMESTAMP_FORMATTABLE_MAX {
        return Err((ErrorKind::Invalid, "timestamp beyond year 9999"));
    }
    Ok(result)
}

/// One `strptime` directive (or literal) of the formats systemd tries.
#[derive(Clone, Copy)]
enum Tok {
    Blank,
    Lit(u8),
    Year2,
    Year4,
    Month,
    Day,
    Hour,
    Minute,
    Second,
}

use Tok::{Blank, Day, Hour, Lit, Minute, Month, Second, Year2, Year4};

/// What a format fixes beyond its own fields.
#[derive(Clone, Copy, PartialEq)]
enum Tail {
    /// Ends with seconds, which may carry a `.ffffff` fraction.
    Fraction,
    /// Ends with minutes: seconds become 0.
    NoSeconds,
    /// A date only: the time becomes 00:00:00.
    DateOnly,
}

/// In systemd's order: two-digit years are tried before four-digit ones.
const FORMATS: &[(&[Tok], Tail)] = &[
    (
        &[
            Year2,
            Lit(b'-'),
            Month,
            Lit(b'-'),
            Day,
            Blank,
            Hour,
            Lit(b':'),
            Minute,
            Lit(b':'),
            Second,
        ],
        Tail::Fraction,
    ),
    (
        &[
            Year4,
            Lit(b'-'),
            Month,
            Lit(b'-'),
            Day,
            Blank,
            Hour,
            Lit(b':'),
            Minute,
            Lit(b':'),
            Second,
        ],
        Tail::Fraction,
    ),
    (
        &[
            Year2,
            Lit(b'-'),
            Month,
            Lit(b'-'),
            Day,
            Blank,
            Hour,
            Lit(b':'),
            Minute,
        ],
        Tail::NoSeconds,
    ),
    (
        &[
            Year4,
            Lit(b'-'),
            Month,
            Lit(b'-'),
            Day,
            Blank,
            Hour,
            Lit(b':'),
            Minute,
        ],
        Tail::NoSeconds,
    ),
    (&[Year2, Lit(b'-'), Month, Lit(b'-'), Day], Tail::DateOnly),
    (&[Year4, Lit(b'-'), Month, Lit(b'-'), Day], Tail::DateOnly),
    (
        &[Hour, Lit(b':'), Minute, Lit(b':'), Second],
        Tail::Fraction,
    ),
    (&[Hour, Lit(b':'), Minute], Tail::NoSeconds),
];

/// Tries the formats in order; returns the fraction in µs.
fn match_formats(b: &[u8], f: &mut Fields) -> Result<Usec, Fail> {
    for &(fmt, tail) in FORMATS {
        let mut g = *f;
        let Some(end) = strptime(b, fmt, &mut g) else {
            continue;
        };
        let mut frac = 0;
        if end < b.len() {
            if tail == Tail::Fraction && b[end] == b'.' {
                let (value, after) = parse_fraction(b, end + 1).ok_or(INVALID)?;
                if after != b.len() {
                    return Err(INVALID);
                }
                frac = value;
            } else {
                continue;
            }
        }
        match tail {
            Tail::Fraction => {}
            Tail::NoSeconds => g.second = 0,
            Tail::DateOnly => (g.hour, g.minute, g.second) = (0, 0, 0),
        }
        *f = g;
        return Ok(frac);
    }
    Err(INVALID)
}

/// Matches `fmt` at the start of `b`; returns where matching stopped.
fn strptime(b: &[u8], fmt: &[Tok], f: &mut Fields) -> Option<usize> {
    let mut p = 0;
    for tok in fmt {
        match *tok {
            Blank => {
                while p < b.len() && b[p].is_ascii_whitespace() {
                    p += 1;
                }
            }
            Lit(c) => {
                if b.get(p) != Some(&c) {
                    return None;
                }
                p += 1;
            }
            Year2 => {
                let v = number(b, &mut p, 0, 99, 2)?;
                f.year = if v >= 69 { 1900 + v } else { 2000 + v };
            }
            Year4 => f.year = number(b, &mut p, 0, 9999, 4)?,
            Month => f.month = number(b, &mut p, 1, 12, 2)?,
            Day => f.day = number(b, &mut p, 1, 31, 2)?,
            Hour => f.hour = number(b, &mut p, 0, 23, 2)?,
            Minute => f.minute = number(b, &mut p, 0, 59, 2)?,
            Second => f.second = number(b, &mut p, 0, 61, 2)?,
        }
    }
    Some(p)
}

/// A `strptime` number: blanks skipped, at most `max_digits` digits, and no more digits
/// once another one could only exceed `to` (so "45" is read as day 4 followed by "5").
fn number(b: &[u8], p: &mut usize, from: i64, to: i64, max_digits: usize) -> Option<i64> {
    while *p < b.len() && b[*p].is_ascii_whitespace() {
        *p += 1;
    }
    if !b.get(*p)?.is_ascii_digit() {
        return None;
    }
    let mut val = 0;
    let mut n = max_digits;
    loop {
        val = val * 10 + i64::from(b[*p] - b'0');
        *p += 1;
        n -= 1;
        if n == 0 || val * 10 > to || !b.get(*p).is_some_and(u8::is_ascii_digit) {
            break;
        }
    }
    (from..=to).contains(&val).then_some(val)
}

/// Up to six fraction digits (padded with zeros), rounded by the seventh; further digits
/// are skipped. At least one digit is required. Returns the µs value and the end index.
pub(crate) fn parse_fraction(b: &[u8], start: usize) -> Option<(u64, usize)> {
    let mut val: u64 = 0;
    let mut p = start;
    for i in 0..6 {
        match b.get(p) {
            Some(d) if d.is_ascii_digit() => {
                val = val * 10 + u64::from(d - b'0');
                p += 1;
            }
            _ if i == 0 => return None,
            _ => val *= 10,
        }
    }
    if b.get(p).is_some_and(|d| (b'5'..=b'9').contains(d)) {
        val += 1;
    }
    while b.get(p).is_some_and(u8::is_ascii_digit) {
        p += 1;
    }
    Some((val, p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::USEC_PER_SEC;

    const NOW: Usec = 1_795_430_000 * USEC_PER_SEC; // Mon 2026-11-23 10:33:20 UTC

    fn p(s: &str, tz: &TimeZone) -> Option<Usec> {
        parse(s, NOW, tz).ok().map(|u| u / USEC_PER_SEC)
    }

    #[test]
    fn forms() {
        let utc = TimeZone::UTC;
        assert_eq!(p("2026-11-23 10:00", &utc), Some(1_795_428_000));
        assert_eq!(p("Mon 2026-11-23 10:00", &utc), Some(1_795_428_000));
        assert_eq!(p("Tue 2026-11-23 10:00", &utc), None);
        assert_eq!(p("26-11-23 10:00", &utc), Some(1_795_428_000));
        assert_eq!(p("10:00", &utc), Some(1_795_428_000));
        assert_eq!(p("today", &utc), Some(1_795_392_000));
        assert_eq!(p("yesterday", &utc), Some(1_795_392_000 - 86_400));
        assert_eq!(p("-1h", &utc), Some(1_795_430_000 - 3600));
        assert_eq!(p("1h ago", &utc), Some(1_795_430_000 - 3600));
        assert_eq!(p("5min left", &utc), Some(1_795_430_300));
        assert_eq!(p("@1700000000", &utc), Some(1_700_000_000));
        assert_eq!(p("2026-11-23 12:00 +0200", &utc), Some(1_795_428_000));
        assert_eq!(
            p("2026-11-23 11:00 Europe/Berlin", &utc),
            Some(1_795_428_000)
        );
        assert_eq!(p("2026-02-30", &utc), p("2026-03-02", &utc));
        assert_eq!(
            parse("2026-11-23 10:00:05.1234567", NOW, &utc),
            Ok(1_795_428_005_123_457)
        );
    }

    /// The examples of systemd.time(7), "now" being 2012-11-23 18:15:22 in Asia/Shanghai
    /// (the page's "today UTC" and "@1395716396" lines are not consistent with that zone
    /// and are left out).
    #[test]
    fn man_page_examples() {
        let tz = TimeZone::get("Asia/Shanghai").expect("tzdata");
        let now = 1_353_665_722 * USEC_PER_SEC;
        let cases = [
            ("Fri 2012-11-23 11:12:13", "Fri 2012-11-23 11:12:13 CST"),
            ("2012-11-23 11:12:13", "Fri 2012-11-23 11:12:13 CST"),
            ("2012-11-23 11:12:13 UTC", "Fri 2012-11-23 19:12:13 CST"),
            ("2012-11-23", "Fri 2012-11-23 00:00:00 CST"),
            ("12-11-23", "Fri 2012-11-23 00:00:00 CST"),
            ("11:12:13", "Fri 2012-11-23 11:12:13 CST"),
            ("11:12", "Fri 2012-11-23 11:12:00 CST"),
            ("now", "Fri 2012-11-23 18:15:22 CST"),
            ("today", "Fri 2012-11-23 00:00:00 CST"),
            ("yesterday", "Thu 2012-11-22 00:00:00 CST"),
            ("tomorrow", "Sat 2012-11-24 00:00:00 CST"),
            ("tomorrow Pacific/Auckland", "Fri 2012-11-23 19:00:00 CST"),
            ("+3h30min", "Fri 2012-11-23 21:45:22 CST"),
            ("-5s", "Fri 2012-11-23 18:15:17 CST"),
            ("11min ago", "Fri 2012-11-23 18:04:22 CST"),
        ];
        for (input, expected) in cases {
            let got = parse(input, now, &tz).map(|u| crate::format_timestamp(u, &tz));
            assert_eq!(got.as_deref(), Ok(expected), "{input}");
        }
    }
}
