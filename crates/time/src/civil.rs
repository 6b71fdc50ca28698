//! Proleptic Gregorian calendar arithmetic on plain integers. The calendar search works on
//! civil (wall-clock) fields and needs to jump between them cheaply; only the final
//! wall-clock → instant step goes through the time zone database.

use crate::USEC_PER_DAY;

/// A wall-clock date and time with microseconds, not tied to any time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    /// Microseconds within the minute (0..60_000_000), so that seconds with fractions
    /// compare and step as one number, as the calendar seconds field does.
    pub usec: u32,
}

impl Civil {
    pub fn second(&self) -> u32 {
        self.usec / 1_000_000
    }

    /// Microseconds since 1970-01-01 00:00 of the same wall clock ("local epoch").
    pub fn to_local_usec(self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        days * i64_from(USEC_PER_DAY)
            + i64::from(self.hour) * 3_600_000_000
            + i64::from(self.minute) * 60_000_000
            + i64::from(self.usec)
    }

    /// The inverse of [`Civil::to_local_usec`].
    pub fn from_local_usec(local: i64) -> Civil {
        let day_usec = i64_from(USEC_PER_DAY);
        let days = local.div_euclid(day_usec);
        let rem = local.rem_euclid(day_usec);
        let (year, month, day) = civil_from_days(days);
        // rem < one day, so the casts below cannot truncate.
        let hour = u32::try_from(rem / 3_600_000_000).unwrap_or(0);
        let minute = u32::try_from(rem / 60_000_000 % 60).unwrap_or(0);
        let usec = u32::try_from(rem % 60_000_000).unwrap_or(0);
        Civil {
            year,
            month,
            day,
            hour,
            minute,
            usec,
        }
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(&self) -> u32 {
        weekday_from_days(days_from_civil(self.year, self.month, self.day))
    }
}

fn i64_from(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

pub(crate) fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(crate) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
pub(crate) fn weekday_from_days(days: i64) -> u32 {
    u32::try_from((days + 3).rem_euclid(7)).unwrap_or(0)
}

/// English weekday names, Monday first, as (abbreviation, full name).
pub(crate) const WEEKDAY_NAMES: [(&str, &str); 7] = [
    ("Mon", "Monday"),
    ("Tue", "Tuesday"),
    ("Wed", "Wednesday"),
    ("Thu", "Thursday"),
    ("Fri", "Friday"),
    ("Sat", "Saturday"),
    ("Sun", "Sunday"),
];

/// A weekday name (full or abbreviated, any case) at the start of `s`: Monday = 0, and
/// the length of the matched name. Full names are tried first so that "Monday" is not
/// taken for "Mon" followed by "day".
pub(crate) fn weekday_prefix(s: &str) -> Option<(u32, usize)> {
    let b = s.as_bytes();
    for (nr, (short, long)) in (0u32..).zip(WEEKDAY_NAMES) {
        for name in [long, short] {
            if b.len() >= name.len() && b[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
                return Some((nr, name.len()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_days() {
        for days in (-800_000..3_000_000).step_by(97) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(weekday_from_days(0), 3);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
    }
}
