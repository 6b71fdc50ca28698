//! Finding the next elapse: a field-by-field search on the wall clock, then the mapping
//! of that wall-clock time to an instant in the event's zone.

use jiff::tz::TimeZone;

use super::component::{Component, from_end_of_month, next_in_chain};
use super::{CalendarSpec, SpecZone};
use crate::civil::{Civil, days_in_month};
use crate::zone::{self, Resolved};
use crate::{USEC_TIMESTAMP_FORMATTABLE_MAX, Usec};

/// The search gives up after the last year a calendar event may name, as systemd does
/// (even `*-*-*` never elapses after 2199-12-31).
const MAX_YEAR: i64 = 2199;
const LAST_USEC_OF_MINUTE: i64 = 59_999_999;

pub(super) fn next_elapse(spec: &CalendarSpec, after: Usec, tz: &TimeZone) -> Option<Usec> {
    let found = search(spec, after, tz)?;
    match spec.zone {
        // Written with a standard/DST abbreviation: systemd finds no further elapse once
        // the zone's state differs from the one named.
        SpecZone::LocalAbbreviation { dst, .. } => {
            (zone::is_dst_at(tz, found) == Some(dst)).then_some(found)
        }
        _ => Some(found),
    }
}

fn search(spec: &CalendarSpec, after: Usec, tz: &TimeZone) -> Option<Usec> {
    if after >= USEC_TIMESTAMP_FORMATTABLE_MAX {
        return None;
    }
    let wanted_dst = match spec.zone {
        SpecZone::LocalAbbreviation { dst, .. } => Some(dst),
        _ => None,
    };
    let start = after + 1;
    let start_i = i64::try_from(start).ok()?;
    let mut from = zone::to_civil(start, tz)?;
    // Every round either returns or moves `from` strictly forward, and `next_civil`
    // gives up after year 2199, so this ends.
    loop {
        let c = next_civil(spec, from)?;
        let found = match zone::resolve(c, tz)? {
            Resolved::One(x) => (x >= start_i).then_some(x),
            // A repeated hour fires on its first pass only: after it, the wall clock
            // search has already moved past these times.
            Resolved::Fold { earlier, later } => [earlier, later].into_iter().find(|&x| {
                x >= start_i
                    && wanted_dst.is_none_or(|dst| {
                        u64::try_from(x).ok().and_then(|u| zone::is_dst_at(tz, u)) == Some(dst)
                    })
            }),
            Resolved::Gap { after_offset, .. } => {
                // Skipped wall-clock times never happen; continue where the clock resumes.
                let before_gap = c.to_local_usec() - i64::from(after_offset) * 1_000_000;
                let resumed = zone::next_transition(tz, before_gap)
                    .and_then(|t| u64::try_from(t).ok())
                    .and_then(|t| zone::to_civil(t, tz));
                from = match resumed {
                    Some(r) if r > c => r,
                    _ => one_usec_later(c),
                };
                continue;
            }
        };
        match found {
            Some(x) => {
                let x = u64::try_from(x).ok()?;
                return (x <= USEC_TIMESTAMP_FORMATTABLE_MAX).then_some(x);
            }
            None => from = one_usec_later(c),
        }
    }
}

fn one_usec_later(c: Civil) -> Civil {
    Civil::from_local_usec(c.to_local_usec() + 1)
}

/// The days of month `month` the day field allows, as plain day numbers.
fn day_list(spec: &CalendarSpec, dim: i64) -> Option<Vec<Component>> {
    match spec.day.as_deref() {
        Some(list) if spec.end_of_month => Some(from_end_of_month(list, dim)),
        other => other.map(<[Component]>::to_vec),
    }
}

fn weekday_allowed(spec: &CalendarSpec, c: &Civil) -> bool {
    spec.weekdays == 0 || spec.weekdays & (1 << c.weekday()) != 0
}

/// What a field step found.
enum Step {
    /// The value to use (possibly the current one).
    Value(i64),
    /// No value left in this unit: carry into the next larger field, resetting this one.
    Carry,
    /// A repetition ran past the end of the field and, counted on, past the end of the
    /// field after next as well: systemd then lets the overflow roll the clock over (as
    /// `mktime` normalizes it) and searches on from there, so the first values of the new
    /// day (month, year) can be skipped. Continue from this wall-clock time.
    Overflow(Civil),
}

/// The next value of a field: its allowed values ≥ `v` up to `max`, or what happens
/// when a repetition overshoots. `overflow(value)` says where the clock goes when the
/// overshoot carries further than the next field.
fn step(
    chain: Option<&[Component]>,
    v: i64,
    max: i64,
    overflow: impl FnOnce(i64) -> Option<Civil>,
) -> Step {
    match next_in_chain(chain, v, i64::MAX) {
        Some(n) if n <= max => Step::Value(n),
        Some(n) => overflow(n).map_or(Step::Carry, Step::Overflow),
        None => Step::Carry,
    }
}

/// The wall-clock time `offset_usec` after midnight starting day `y-mo-d` (normalized,
/// so 25 hours is the next day at 01:00), if `beyond` says the overshoot carried past the
/// field after next; `None` if it only reached the next field.
fn rolled(
    y: i64,
    mo: u32,
    d: u32,
    offset_usec: i64,
    beyond: impl FnOnce(&Civil) -> bool,
) -> Option<Civil> {
    let day = Civil {
        year: y,
        month: mo,
        day: d,
        hour: 0,
        minute: 0,
        usec: 0,
    };
    let c = Civil::from_local_usec(day.to_local_usec() + offset_usec);
    beyond(&c).then_some(c)
}

const USEC_PER_MINUTE_I: i64 = 60_000_000;
const USEC_PER_HOUR_I: i64 = 60 * USEC_PER_MINUTE_I;
const USEC_PER_DAY_I: i64 = 24 * USEC_PER_HOUR_I;

/// The earliest wall-clock time ≥ `from` that matches every field of `spec`.
///
/// Works like an odometer: the largest field that does not match is advanced to its next
/// allowed value and every smaller field is reset to its minimum; a field with no allowed
/// value left carries into the next larger one. Each step jumps straight to the next
/// allowed value, so the search never walks second by second.
fn next_civil(spec: &CalendarSpec, from: Civil) -> Option<Civil> {
    let mut y = from.year;
    let (mut mo, mut d) = (i64::from(from.month), i64::from(from.day));
    let (mut h, mut mi, mut us) = (
        i64::from(from.hour),
        i64::from(from.minute),
        i64::from(from.usec),
    );
    loop {
        if y > MAX_YEAR {
            return None;
        }
        let ny = next_in_chain(spec.year.as_deref(), y, MAX_YEAR)?;
        if ny != y {
            (y, mo, d, h, mi, us) = (ny, 1, 1, 0, 0, 0);
        }
        match next_in_chain(spec.month.as_deref(), mo, 12) {
            None => {
                (y, mo, d, h, mi, us) = (y + 1, 1, 1, 0, 0, 0);
                continue;
            }
            Some(n) if n != mo => (mo, d, h, mi, us) = (n, 1, 0, 0, 0),
            Some(_) => {}
        }
        let month = u32::try_from(mo).ok()?;
        let dim = i64::from(days_in_month(y, month));
        let restart = |c: Civil| {
            (
                c.year,
                i64::from(c.month),
                i64::from(c.day),
                i64::from(c.hour),
                i64::from(c.minute),
                i64::from(c.usec),
            )
        };
        let days = day_list(spec, dim);
        let day_step = step(days.as_deref(), d, dim, |n| {
            rolled(y, month, 1, (n - 1) * USEC_PER_DAY_I, |c| c.year != y)
        });
        match day_step {
            Step::Value(n) if n != d => (d, h, mi, us) = (n, 0, 0, 0),
            Step::Value(_) => {}
            Step::Carry => {
                (y, mo) = if mo == 12 { (y + 1, 1) } else { (y, mo + 1) };
                (d, h, mi, us) = (1, 0, 0, 0);
                continue;
            }
            Step::Overflow(c) => {
                (y, mo, d, h, mi, us) = restart(c);
                continue;
            }
        }
        let day = u32::try_from(d).ok()?;
        let date = Civil {
            year: y,
            month,
            day,
            hour: 0,
            minute: 0,
            usec: 0,
        };
        let next_day = |d: i64| -> (i64, i64, i64) {
            if d + 1 > dim {
                if mo == 12 {
                    (y + 1, 1, 1)
                } else {
                    (y, mo + 1, 1)
                }
            } else {
                (y, mo, d + 1)
            }
        };
        if !weekday_allowed(spec, &date) {
            (y, mo, d) = next_day(d);
            (h, mi, us) = (0, 0, 0);
            continue;
        }
        let hour_step = step(spec.hour.as_deref(), h, 23, |n| {
            rolled(y, month, day, n * USEC_PER_HOUR_I, |c| {
                c.month != month || c.year != y
            })
        });
        match hour_step {
            Step::Value(n) if n != h => (h, mi, us) = (n, 0, 0),
            Step::Value(_) => {}
            Step::Carry => {
                (y, mo, d) = next_day(d);
                (h, mi, us) = (0, 0, 0);
                continue;
            }
            Step::Overflow(c) => {
                (y, mo, d, h, mi, us) = restart(c);
                continue;
            }
        }
        let minute_step = step(spec.minute.as_deref(), mi, 59, |n| {
            rolled(
                y,
                month,
                day,
                h * USEC_PER_HOUR_I + n * USEC_PER_MINUTE_I,
                |c| c.day != day || c.month != month,
            )
        });
        match minute_step {
            Step::Value(n) if n != mi => (mi, us) = (n, 0),
            Step::Value(_) => {}
            Step::Carry => {
                // Carried values are normalized at once (as systemd's loop does before
                // looking at the fields again), so an hour of 24 is the next day's 0.
                (y, mo, d, h, mi, us) = restart(Civil::from_local_usec(
                    date.to_local_usec() + (h + 1) * USEC_PER_HOUR_I,
                ));
                continue;
            }
            Step::Overflow(c) => {
                (y, mo, d, h, mi, us) = restart(c);
                continue;
            }
        }
        let minute_start = date.to_local_usec() + h * USEC_PER_HOUR_I + mi * USEC_PER_MINUTE_I;
        let mut kept_fraction = 0;
        let second_step = step(spec.second.as_deref(), us, LAST_USEC_OF_MINUTE, |n| {
            // An overshoot into the next minute keeps its fraction of a second there
            // (systemd 252 does so: "*:*:5.5/25" after :55.5 fires at :03, not :00).
            kept_fraction = n % 1_000_000;
            rolled(
                y,
                month,
                day,
                h * USEC_PER_HOUR_I + mi * USEC_PER_MINUTE_I + n,
                |c| i64::from(c.hour) != h || c.day != day,
            )
        });
        match second_step {
            Step::Value(n) => us = n,
            Step::Carry => {
                let next_minute =
                    Civil::from_local_usec(minute_start + USEC_PER_MINUTE_I + kept_fraction);
                (y, mo, d, h, mi, us) = restart(next_minute);
                continue;
            }
            Step::Overflow(c) => {
                (y, mo, d, h, mi, us) = restart(c);
                continue;
            }
        }
        return Some(Civil {
            year: y,
            month,
            day,
            hour: u32::try_from(h).ok()?,
            minute: u32::try_from(mi).ok()?,
            usec: u32::try_from(us).ok()?,
        });
    }
}

/// Whether `usec` shows, on `tz`'s wall clock, a time every field of `spec` allows.
pub(super) fn matches(spec: &CalendarSpec, usec: Usec, tz: &TimeZone) -> bool {
    let Some(c) = zone::to_civil(usec, tz) else {
        return false;
    };
    let is = |chain: Option<&[Component]>, v: i64| next_in_chain(chain, v, v) == Some(v);
    let dim = i64::from(days_in_month(c.year, c.month));
    is(spec.year.as_deref(), c.year)
        && is(spec.month.as_deref(), i64::from(c.month))
        && is(day_list(spec, dim).as_deref(), i64::from(c.day))
        && weekday_allowed(spec, &c)
        && is(spec.hour.as_deref(), i64::from(c.hour))
        && is(spec.minute.as_deref(), i64::from(c.minute))
        && is(spec.second.as_deref(), i64::from(c.usec))
}
