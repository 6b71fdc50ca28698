//! The time zone database seen through jiff: wall clock ↔ instant, names as systemd
//! accepts them, and the abbreviations systemd prints and parses.

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};

use crate::civil::Civil;
use crate::{USEC_TIMESTAMP_FORMATTABLE_MAX, Usec};

/// How a wall-clock time maps to instants (µs since the epoch, possibly negative).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// Exactly one instant.
    One(i64),
    /// The wall-clock time was skipped (clocks went forward). The UTC offsets in effect
    /// before and after the jump, in seconds.
    Gap {
        before_offset: i32,
        after_offset: i32,
    },
    /// The wall-clock time happened twice (clocks went back).
    Fold { earlier: i64, later: i64 },
}

const USEC_PER_SEC_I: i64 = 1_000_000;

pub(crate) fn timestamp(usec: i64) -> Option<Timestamp> {
    Timestamp::from_microsecond(usec).ok()
}

/// The instant whose zone rules apply to `usec`. jiff's timestamps end at 9999-12-30
/// 22:00 UTC (so that every offset keeps the wall clock in year 9999), systemd shows instants
/// up to 23:59:59.999999 UTC: those take the rules of jiff's last instant (found by fuzzing).
fn rules_instant(usec: i64) -> Option<Timestamp> {
    timestamp(usec).or_else(|| (usec > 0).then_some(Timestamp::MAX))
}

/// The wall clock of `usec` in `tz`. `None` after [`USEC_TIMESTAMP_FORMATTABLE_MAX`].
pub(crate) fn to_civil(usec: Usec, tz: &TimeZone) -> Option<Civil> {
    let usec = i64::try_from(usec.min(USEC_TIMESTAMP_FORMATTABLE_MAX.saturating_add(1)))
        .ok()
        .filter(|&u| u.unsigned_abs() <= USEC_TIMESTAMP_FORMATTABLE_MAX)?;
    let offset = i64::from(tz.to_offset(rules_instant(usec)?).seconds());
    Some(Civil::from_local_usec(usec + offset * USEC_PER_SEC_I))
}

fn to_datetime(c: Civil) -> Option<DateTime> {
    let nanos = i32::try_from(c.usec % 1_000_000).ok()? * 1000;
    DateTime::new(
        i16::try_from(c.year).ok()?,
        i8::try_from(c.month).ok()?,
        i8::try_from(c.day).ok()?,
        i8::try_from(c.hour).ok()?,
        i8::try_from(c.minute).ok()?,
        i8::try_from(c.second()).ok()?,
        nanos,
    )
    .ok()
}

fn minus_offset(c: Civil, offset: Offset) -> i64 {
    c.to_local_usec() - i64::from(offset.seconds()) * USEC_PER_SEC_I
}

/// All instants a wall-clock time in `tz` denotes. `None` outside jiff's range.
pub(crate) fn resolve(c: Civil, tz: &TimeZone) -> Option<Resolved> {
    let dt = to_datetime(c)?;
    Some(match tz.to_ambiguous_timestamp(dt).offset() {
        AmbiguousOffset::Unambiguous { offset } => Resolved::One(minus_offset(c, offset)),
        AmbiguousOffset::Gap { before, after } => Resolved::Gap {
            before_offset: before.seconds(),
            after_offset: after.seconds(),
        },
        AmbiguousOffset::Fold { before, after } => {
            let (a, b) = (minus_offset(c, before), minus_offset(c, after));
            Resolved::Fold {
                earlier: a.min(b),
                later: a.max(b),
            }
        }
    })
}

/// The UTC offset (seconds) of `tz` at `usec` (µs since the epoch, may be negative).
pub(crate) fn offset_at(tz: &TimeZone, usec: i64) -> Option<i32> {
    Some(tz.to_offset(timestamp(usec)?).seconds())
}

/// The first transition of `tz` strictly after `usec`, in µs since the epoch.
pub(crate) fn next_transition(tz: &TimeZone, usec: i64) -> Option<i64> {
    let ts = timestamp(usec)?;
    tz.following(ts)
        .next()
        .map(|t| t.timestamp().as_microsecond())
}

/// A zone named as systemd accepts it: "UTC" or a tz database name spelled exactly as the
/// file under /usr/share/zoneinfo (case matters, no "..", no leading or trailing "/").
pub(crate) fn by_name(name: &str) -> Option<TimeZone> {
    if name == "UTC" {
        return Some(TimeZone::UTC);
    }
    let chars_ok = !name.is_empty()
        && !name.starts_with('/')
        && !name.ends_with('/')
        && !name.contains("//")
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'/'));
    if !chars_ok {
        return None;
    }
    let tz = TimeZone::get(name).ok()?;
    // jiff looks names up case-insensitively; systemd opens the file, which does not.
    (tz.iana_name() == Some(name)).then_some(tz)
}

/// A numeric UTC offset written as `+HHMM`, `-HHMM`, `+HH:MM` or `-HH:MM`.
pub(crate) fn by_offset(s: &str) -> Option<TimeZone> {
    let b = s.as_bytes();
    let sign = match b.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: Vec<u8> = match b.len() {
        5 => b[1..].to_vec(),
        6 if b[3] == b':' => [&b[1..3], &b[4..6]].concat(),
        _ => return None,
    };
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let num = |i: usize| i32::from(digits[i] - b'0') * 10 + i32::from(digits[i + 1] - b'0');
    let (hours, minutes) = (num(0), num(2));
    if hours > 23 || minutes > 59 {
        return None;
    }
    Offset::from_seconds(sign * (hours * 3600 + minutes * 60))
        .ok()
        .map(TimeZone::fixed)
}

/// Whether `tz` behaves like UTC: offset zero and never a change ahead. systemd leaves out
/// the "(in UTC)" lines of its reports in that case.
pub(crate) fn is_utc_like(tz: &TimeZone, at: Usec) -> bool {
    let Some(ts) = i64::try_from(at.min(USEC_TIMESTAMP_FORMATTABLE_MAX))
        .ok()
        .and_then(timestamp)
    else {
        return false;
    };
    let info = tz.to_offset_info(ts);
    info.offset().seconds() == 0 && !info.dst().is_dst() && tz.following(ts).next().is_none()
}

/// Whether `tz` is in daylight-saving time at `usec`.
pub(crate) fn is_dst_at(tz: &TimeZone, usec: Usec) -> Option<bool> {
    let ts = timestamp(i64::try_from(usec).ok()?)?;
    Some(tz.to_offset_info(ts).dst().is_dst())
}

/// The abbreviation `tz` uses at `usec` ("CET", "EDT", "UTC").
pub(crate) fn abbreviation(tz: &TimeZone, usec: i64) -> String {
    rules_instant(usec).map_or_else(
        || "UTC".to_owned(),
        |ts| tz.to_offset_info(ts).abbreviation().to_owned(),
    )
}

/// The standard and daylight-saving abbreviations of `tz` around `at`, with their offsets:
/// what C's `tzname[0]`/`tzname[1]` hold, which systemd accepts after a timestamp.
pub(crate) fn local_abbreviations(tz: &TimeZone, at: Usec) -> Vec<(String, bool, i32)> {
    let Some(ts) = i64::try_from(at).ok().and_then(timestamp) else {
        return Vec::new();
    };
    let mut found: Vec<(String, bool, i32)> = Vec::new();
    let mut add = |abbr: &str, dst: bool, offset: i32| {
        if !abbr.is_empty() && !found.iter().any(|(_, d, _)| *d == dst) {
            found.push((abbr.to_owned(), dst, offset));
        }
    };
    let info = tz.to_offset_info(ts);
    add(
        info.abbreviation(),
        info.dst().is_dst(),
        info.offset().seconds(),
    );
    for t in tz.following(ts).take(2).chain(tz.preceding(ts).take(2)) {
        add(t.abbreviation(), t.dst().is_dst(), t.offset().seconds());
    }
    // Standard time first, as tzname[0] is.
    found.sort_by_key(|(_, dst, _)| *dst);
    found
}
